package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"plenum/assembly"
)

// TestAgendaRetitle: the agenda tab offers the chair Correct the title…
// for each item not closed, a delegate not; a title the rules refuse (a
// blank one) brings the page back with the form open and what was typed
// in it, and records nothing; the corrected title is recorded, said on
// the page, and shown on the agenda tab, the chair's console, the
// projector and in the record, and a closed item is offered no
// correction.
func TestAgendaRetitle(t *testing.T) {
	h := newHall(t)
	h.must("chair", "add_item", obj{"id": "i2", "title": "The acounts"})
	chair, anna := h.browser("chair"), h.browser("anna")

	_, page, _ := chair.get("/a/coop/chair/agenda")
	if !offers(page, "retitle_item") || !strings.Contains(page, `<input id="retitle-i2" name="a:title" value="The acounts" required>`) {
		t.Fatalf("the chair's agenda tab offers no correction of the title of i2:\n%s", page)
	}
	if strings.Contains(page, "table a mistaken item and add it again") {
		t.Errorf("the agenda tab still tells the chair to table a mistaken item and add it again")
	}
	if _, page, _ := anna.get("/a/coop/chair/agenda"); offers(page, "retitle_item") {
		t.Errorf("a delegate is offered to correct an item's title")
	}

	n := events(h)
	checkKept(t, "act", []keptCase{{
		name: "retitle_item", by: chair, status: http.StatusConflict, page: "chair/agenda",
		sent:    url.Values{"a:item": {"i2"}, "a:title": {"   "}, "a:reason": {"misspelt"}},
		refusal: `Refused: Correct the title: the field “The corrected title” is required.`,
		kept: []string{`<details class="retitle-item" open><summary>Correct the title…`, `<input id="retitle-i2" name="a:title" value="   " required>`,
			`<input id="retitle-why-i2" name="a:reason" value="misspelt">`, `<input id="retitle-i1" name="a:title" value="The budget" required>`},
		unkept:   []string{`<input id="retitle-why-i1" name="a:reason" value="misspelt">`},
		accepted: url.Values{"a:item": {"i2"}, "a:title": {"The accounts"}, "a:reason": {"misspelt"}},
		afresh:   []string{"The item&#39;s title is corrected", `<strong>The accounts</strong>`, `<input id="retitle-i2" name="a:title" value="The accounts" required>`},
	}})
	if m := events(h); m != n+1 {
		t.Errorf("the refused and the accepted correction recorded %d events, want 1", m-n)
	}
	if it := read(h, func(s *assembly.State) assembly.Item { return *s.Items["i2"] }); it.Title != "The accounts" || it.Status != assembly.ItemStatusOpen {
		t.Errorf("i2 after the correction: %q, %s", it.Title, it.Status)
	}
	if _, page, _ := chair.get("/a/coop/chair/agenda"); strings.Contains(page, "retitle-item\" open") || strings.Contains(page, "The acounts") {
		t.Errorf("after the accepted correction the form is still open, or the old title shown")
	}

	// The current item, corrected: the console and the projector show it.
	doneSays(t, chair, "chair/agenda", "retitle_item", url.Values{"a:item": {"i1"}, "a:title": {"The budget for 2027"}}, "The item's title is corrected")
	for _, p := range []struct {
		b    *browser
		path string
	}{{chair, "/a/coop/chair/agenda"}, {chair, "/a/coop/chair"}, {h.browser(""), "/a/coop/projector"}, {h.browser(""), "/a/coop/projector?fragment=live"}} {
		if _, body, _ := p.b.get(p.path); !strings.Contains(body, "The budget for 2027") {
			t.Errorf("%s does not show the corrected title:\n%s", p.path, body)
		}
	}
	if _, body, _ := h.browser("sec").get("/a/coop/secretary"); !strings.Contains(html.UnescapeString(body), "The title “The budget” is corrected to “The budget for 2027” by Vera Chair.") ||
		!strings.Contains(body, `is corrected to “The accounts” by Vera Chair. <span class="meta">(misspelt)</span>`) {
		t.Errorf("the secretary's record of the latest entries does not say the titles were corrected, and why:\n%s", body)
	}

	// A closed item is offered no correction, and one sent is refused.
	h.must("chair", "close_item", obj{"item": "i1"})
	if _, page, _ := chair.get("/a/coop/chair/agenda"); strings.Contains(page, `id="retitle-i1"`) || !strings.Contains(page, `id="retitle-i2"`) {
		t.Errorf("a closed item is offered a correction of its title, or an open one not")
	}
	n = events(h)
	resp, body := chair.postPage("chair/agenda", "/a/coop/act", url.Values{"cmd": {"retitle_item"}, "back": {"/a/coop/chair/agenda"}, "a:item": {"i1"}, "a:title": {"The budget"}})
	if resp.StatusCode != http.StatusConflict || !strings.Contains(html.UnescapeString(flashText(string(body))), "The item “The budget for 2027” is closed: it was dealt with under its title; correct the minutes instead (“Record the correction”).") || events(h) != n {
		t.Errorf("the correction of a closed item: %s, %q, %d events recorded", resp.Status, flashText(string(body)), events(h)-n)
	}
	refusedNothingChanged(t, h, anna, "chair/hall", "retitle_item", url.Values{"a:item": {"i2"}, "a:title": {"The accounts of 2027"}}, "Only the chair or an administrator may correct the title")
}
