package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestConsoleShowsTheItemsMotions: the console's question deals with the
// motions of the item under discussion: a motion left pending on an item
// the chair moved on from is not put to the vote (nor offered to amend)
// under another, and the console says how many motions wait on other
// items, linking each item on the agenda tab, which counts them by item.
func TestConsoleShowsTheItemsMotions(t *testing.T) {
	h := newHall(t)
	chair := h.browser("chair")
	console := func() string {
		t.Helper()
		_, page, _ := chair.get("/a/" + asm + "/chair")
		return page
	}
	if q := section(console(), "question"); !strings.Contains(q, "Adopt the budget") || strings.Contains(q, "pending-elsewhere") {
		t.Fatalf("on the budget, the console does not show its motion, or counts motions elsewhere:\n%s", q)
	}
	h.must("chair", "add_item", obj{"id": "i2", "title": "Elections"})
	h.must("chair", "take_up_item", obj{"item": "i2"})
	page := console()
	q := section(page, "question")
	if strings.Contains(page, "Adopt the budget") {
		t.Errorf("on the elections, the console shows the budget's motion (in order, to vote or to amend):\n%s", wordsNear(page, "Adopt the budget"))
	}
	for _, want := range []string{"No motion is pending on this item.", "1 motion is pending on another item:", `<a href="/a/` + asm + `/chair/agenda#item-i1">The budget</a> (1)`} {
		if !strings.Contains(q, want) {
			t.Errorf("on the elections, the question lacks %q:\n%s", want, q)
		}
	}
	_, agenda, _ := chair.get("/a/" + asm + "/chair/agenda")
	if i1 := part(agenda, `id="item-i1"`, "</li>"); !strings.Contains(i1, "1 motion pending") {
		t.Errorf("the agenda tab does not count the budget's pending motion:\n%s", i1)
	}
	if i2 := part(agenda, `id="item-i2"`, "</li>"); i2 == "" || strings.Contains(i2, "pending<") {
		t.Errorf("the agenda tab has no elections item, or counts motions on it:\n%s", i2)
	}
	h.must("chair", "move_motion", obj{"id": "m2", "kind": "substantive", "title": "Hold the elections by list", "text": "The elections are held by list."})
	h.must("chair", "move_motion", obj{"id": "m3", "kind": "substantive", "title": "Hold them by name", "text": "By name."})
	q = section(console(), "question")
	if !strings.Contains(q, "Hold the elections by list") || !strings.Contains(q, "The texts, in the order they are put to the vote (2)") || strings.Contains(q, "Adopt the budget") {
		t.Errorf("on the elections, the question does not deal with its two motions alone:\n%s", q)
	}
	h.must("chair", "take_up_item", obj{"item": "i1"})
	q = section(console(), "question")
	if !strings.Contains(q, "Adopt the budget") || strings.Contains(q, "Hold the elections") || !strings.Contains(q, "2 motions are pending on other items:") || !strings.Contains(q, "#item-i2") {
		t.Errorf("back on the budget, the question does not show its motion and count the elections' two:\n%s", q)
	}
	_, ru := chair.getWith("/a/"+asm+"/chair", http.Header{"Cookie": {"plenum_lang=ru"}})
	if want := "2 предложения ожидают решения по другим вопросам:"; !strings.Contains(ru, want) {
		t.Errorf("in Russian, want %q in\n%s", want, section(ru, "question"))
	}
}
