package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"plenum/web"
)

// newLargeHall is the hall with pickers that list at most limit persons
// whole: with more, they are searched on the server.
func newLargeHall(t *testing.T, limit int) *hall {
	t.Helper()
	h := newEmptyHallWith(t, web.Options{BaseURL: hallBaseURL, PickerLimit: limit}, nil)
	h.setup()
	return h
}

// optionsOf returns the values of the options of the select id on page.
func optionsOf(t *testing.T, page, id string) []string {
	t.Helper()
	m := regexp.MustCompile(`(?s)<select id="` + regexp.QuoteMeta(id) + `"[^>]*>(.*?)</select>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no select %s on the page:\n%s", id, page)
	}
	var out []string
	for _, o := range regexp.MustCompile(`<option value="([^"]*)"`).FindAllStringSubmatch(m[1], -1) {
		if o[1] != "" {
			out = append(out, o[1])
		}
	}
	return out
}

// statusOf returns what the picker id says of its search.
func statusOf(t *testing.T, page, id string) string {
	t.Helper()
	m := regexp.MustCompile(`<p class="picker-count meta" id="` + regexp.QuoteMeta(id) + `-status" aria-live="polite">([^<]*)</p>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the picker %s says nothing of its search:\n%s", id, page)
	}
	return m[1]
}

// TestPickersOfALargeAssembly: over Options.PickerLimit persons the
// chair's pickers list none of them until a search (a form of its own,
// ?find-ID=words) finds them, case and accents aside, by name or by
// organization; the persons already chosen stay; up to the limit every
// person is listed as before.
func TestPickersOfALargeAssembly(t *testing.T) {
	small := newHall(t)
	_, page, _ := small.browser("chair").get("/a/coop/chair")
	if got := optionsOf(t, page, "m-mover"); len(got) != 7 || strings.Contains(page, `id="find-m-mover"`) {
		t.Errorf("seven persons, under the limit: the picker lists %v, and a search form is there: %v", got, strings.Contains(page, `id="find-m-mover"`))
	}

	h := newLargeHall(t, 3)
	h.must("admin", "add_person", obj{"id": "zoe", "name": "Zoë Ålander"})
	chair := h.browser("chair")
	cases := []struct {
		query  string
		want   []string
		status string
	}{
		{"", nil, "8 persons: search by name."},
		{"ZETK", []string{"clara"}, "Found: 1."},
		{"  zoe   alander ", []string{"zoe"}, "Found: 1."},
		{"ålÄnder", []string{"zoe"}, "Found: 1."},
		{"the members", []string{"anna", "boris", "clara", "dmitri"}, "Found: 4."},
		{"bor members", []string{"boris"}, "Found: 1."},
		{"nobody", nil, "Nobody found: try a part of the name."},
	}
	for _, c := range cases {
		_, page, _ := chair.get("/a/coop/chair?find-m-mover=" + url.QueryEscape(c.query))
		if got := optionsOf(t, page, "m-mover"); fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("search %q lists %v, want %v", c.query, got, c.want)
		}
		if got := statusOf(t, page, "m-mover"); got != c.status {
			t.Errorf("search %q says %q, want %q", c.query, got, c.status)
		}
		if got := optionsOf(t, page, "gf-person"); len(got) != 0 {
			t.Errorf("search %q for the mover lists %v for the floor too", c.query, got)
		}
		for _, want := range []string{
			`<form id="find-m-mover" method="get" action="#m-mover-q"></form>`,
			`<form id="find-gf-person" method="get" action="#gf-person-q"></form>`,
			`name="find-m-mover" form="find-m-mover" value="` + strings.TrimSpace(c.query) + `"`,
			`<button type="submit" form="find-m-mover" class="secondary">Find</button>`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("search %q: the page lacks %s", c.query, want)
			}
		}
	}
	// A picker of several: the checkboxes of those found.
	_, page, _ = chair.get("/a/coop/chair/agenda?find-i-rep=sasha")
	if !strings.Contains(page, `<input type="checkbox" name="a:reporters:list" value="sec">`) || strings.Contains(page, `name="a:reporters:list" value="anna"`) {
		t.Errorf("the reporters' picker, searched for sasha, does not list only her:\n%s", page)
	}
	// What a search found is given as any other: the floor goes to clara.
	if resp := chair.act("chair", "give_floor", url.Values{"a:item": {"i1"}, "a:person": {"clara"}}); resp.StatusCode != 303 {
		t.Fatalf("give_floor: %s", resp.Status)
	}
	if _, page, _ = chair.get("/a/coop/chair"); !strings.Contains(page, `<span class="speaker-name">Clara Zetkin`) {
		t.Errorf("clara does not have the floor")
	}
	// Every word of the searched pickers is the catalog's.
	pseudo := h.browser("chair")
	u, _ := url.Parse(h.srv.URL)
	pseudo.c.Jar.SetCookies(u, []*http.Cookie{{Name: "plenum_lang", Value: "en-XA"}})
	for _, path := range []string{"/a/coop/chair", "/a/coop/chair?find-gf-person=zetk", "/a/coop/chair?find-gf-person=nobody", "/a/coop/chair/agenda?find-i-rep=e"} {
		_, page, _ := pseudo.get(path)
		checkBody(t, h, "searched pickers", page, map[string]bool{}, path)
	}
	// The chosen stay: the secretaries' speaker picker has her chosen.
	_, page, _ = h.browser("sec").get("/a/coop/secretary?find-sp-speaker=anna")
	if got := optionsOf(t, page, "sp-speaker"); fmt.Sprint(got) != "[anna clara]" || !strings.Contains(page, `<option value="clara" selected>Clara Zetkin — The members</option>`) {
		t.Errorf("the speaker picker, searched for anna, lists %v", got)
	}
}

type choicesAnswer struct {
	Total   int    `json:"total"`
	Found   int    `json:"found"`
	Status  string `json:"status"`
	Choices []struct {
		Value, Label, Hint string
	} `json:"choices"`
}

// TestChoicesOfPersons: GET /a/{id}/choices/persons finds persons as the
// page's search does, the first 50 by name (numbers by their value), says
// so in the request's language, and answers only who is logged in to the
// assembly and may read its record.
func TestChoicesOfPersons(t *testing.T) {
	h := newLargeHall(t, 3)
	for i := 1; i <= 60; i++ {
		h.must("admin", "add_person", obj{"id": fmt.Sprintf("d%d", i), "name": fmt.Sprintf("Delegate %d", i)})
	}
	get := func(b *browser, q string) (int, choicesAnswer) {
		t.Helper()
		code, body, hdr := b.get("/a/coop/choices/persons?q=" + url.QueryEscape(q))
		var a choicesAnswer
		if code == 200 {
			if hdr.Get("Content-Type") != "application/json" {
				t.Errorf("choices in %s", hdr.Get("Content-Type"))
			}
			if err := json.Unmarshal([]byte(body), &a); err != nil {
				t.Fatalf("%v: %s", err, body)
			}
		}
		return code, a
	}
	chair := h.browser("chair")
	code, a := get(chair, "bor")
	if code != 200 || a.Total != 67 || a.Found != 1 || len(a.Choices) != 1 || a.Choices[0].Value != "boris" || a.Choices[0].Label != "Boris Borisov" || a.Choices[0].Hint != "The members" || a.Status != "Found: 1." {
		t.Errorf("bor: %d %+v", code, a)
	}
	code, a = get(chair, "delegate")
	if code != 200 || a.Found != 60 || len(a.Choices) != 50 || a.Status != "Found: 60; the first 50 are listed. Type more of the name." {
		t.Fatalf("delegate: %d %+v", code, a)
	}
	for i, c := range a.Choices {
		if want := fmt.Sprintf("Delegate %d", i+1); c.Label != want {
			t.Errorf("choice %d is %q, want %q", i, c.Label, want)
		}
	}
	if code, a = get(chair, " "); code != 200 || a.Found != 0 || len(a.Choices) != 0 || a.Status != "67 persons: search by name." {
		t.Errorf("no words: %d %+v", code, a)
	}
	if code, _ := get(h.browser(""), "bor"); code != 401 {
		t.Errorf("a visitor: %d, want 401", code)
	}
	h.must("admin", "set_record_access", obj{"access": "officers"})
	if code, _ := get(h.browser("anna"), "bor"); code != 403 {
		t.Errorf("a delegate where the officers alone read the record: %d, want 403", code)
	}
	if code, _ := get(chair, "bor"); code != 200 {
		t.Errorf("the chair where the officers alone read the record: %d, want 200", code)
	}
	de := h.browser("chair")
	u, _ := url.Parse(h.srv.URL)
	de.c.Jar.SetCookies(u, []*http.Cookie{{Name: "plenum_lang", Value: "de"}})
	if _, a = get(de, "bor"); a.Status != "Gefunden: 1." {
		t.Errorf("in German the answer says %q", a.Status)
	}
	de.c.Jar.SetCookies(u, []*http.Cookie{{Name: "plenum_lang", Value: "en-XA"}})
	for _, q := range []string{"bor", "", "delegate", "nobody"} {
		if _, a = get(de, q); !strings.HasPrefix(a.Status, "⟦") || !strings.HasSuffix(a.Status, "⟧") {
			t.Errorf("in the pseudo-locale the answer to %q says %q, not the catalog's", q, a.Status)
		}
	}
}

// TestBrowserSearchedPicker: on each screen the chair of an assembly
// larger than the pickers' limit finds a person by typing part of the
// name (the script asks the server as one types), picks them with Enter
// and gives them the floor; the page passes axe-core with the searched
// pickers, and without the script the Find button's form finds them too.
func TestBrowserSearchedPicker(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	axeSrc := axeSource(t)
	for _, sz := range screenSizes {
		t.Run(sz.name, func(t *testing.T) {
			h := newLargeHall(t, 3)
			s := newSession(t, h)
			chair := s.open("chair", sz.w, sz.h, "/a/coop/chair")
			if !eval[bool](s, chair, `document.querySelector("#gf-person").options.length === 1 && document.querySelector("#gf-person-q").form.id === "find-gf-person"`) {
				t.Fatalf("the floor's picker lists persons before a search, or its search has no form of its own")
			}
			if !eval[bool](s, chair, `getComputedStyle(document.querySelector("#gf-person-q + button")).display === "none"`) {
				t.Errorf("with the script the Find button is shown")
			}
			s.axe(chair, "chair-searched-pickers", axeSrc)
			s.shot(chair, sz.name+"-chair-searched-picker")
			s.run(chair, "type a name", chromedp.SendKeys(`#gf-person-q`, "zetk"))
			s.until(chair, "clara found", `(function () { var o = document.querySelectorAll("#gf-person option"); return o.length === 2 && o[1].value === "clara"; })()`)
			s.until(chair, "the count", contains("#gf-person-status", "Found: 1."))
			s.shotView(chair, sz.name+"-chair-searched-picker-found")
			s.run(chair, "press Enter", chromedp.KeyEvent("\r"))
			s.until(chair, "clara chosen", `document.querySelector("#gf-person").value === "clara" && document.activeElement.id === "gf-person"`)
			s.notReloaded(chair)
			s.axe(chair, "chair-searched-picker-found", axeSrc)
			s.click(chair, `#more-floor button[type=submit]:not([form])`)
			s.until(chair, "clara has the floor", contains("#floor .floor-line", "Clara Zetkin"))
			if sz.name != "laptop" {
				return
			}
			// A picker of several keeps the ticked while searching.
			s.run(chair, "open the agenda", chromedp.Navigate(h.srv.URL+"/a/coop/chair/agenda"))
			s.until(chair, "the agenda", `document.readyState === "complete" && !!document.querySelector("#i-rep-q")`)
			s.run(chair, "type a name", chromedp.SendKeys(`#i-rep-q`, "anna"))
			s.until(chair, "anna found", `document.querySelectorAll("#i-rep input[value=anna]").length === 1`)
			s.click(chair, `#i-rep input[value=anna]`)
			s.run(chair, "type another", chromedp.SendKeys(`#i-rep-q`, "\b\b\b\bboris"))
			s.until(chair, "boris found, anna kept", `document.querySelectorAll("#i-rep input[value=boris]").length === 1 && document.querySelector("#i-rep input[value=anna]").checked`)
			s.axe(chair, "agenda-searched-picker", axeSrc)
			// Without the script: the Find button's form.
			s.run(chair, "no script", chromedp.Navigate(h.srv.URL+"/a/coop/chair?find-gf-person=boris#gf-person-q"))
			s.until(chair, "boris found by the form", `document.readyState === "complete" && document.querySelector("#gf-person-q").value === "boris" && document.querySelectorAll("#gf-person option").length === 2`)
		})
	}
}

// TestChoicesOfSpeakers: the console's "Give the floor to anyone" searches
// among those the rules let take the floor on the current item only — a
// person with no verified mandate is not found (review #34: a delegate
// whose mandate was rejected was offered).
func TestChoicesOfSpeakers(t *testing.T) {
	h := newLargeHall(t, 3)
	for i := 1; i <= 60; i++ {
		h.must("admin", "add_person", obj{"id": fmt.Sprintf("d%d", i), "name": fmt.Sprintf("Delegate %d", i)})
	}
	chair := h.browser("chair")
	found := func(q string) choicesAnswer {
		t.Helper()
		code, body, _ := chair.get("/a/coop/choices/speakers?q=" + url.QueryEscape(q))
		var a choicesAnswer
		if code != 200 {
			t.Fatalf("%s: %d %s", q, code, body)
		}
		if err := json.Unmarshal([]byte(body), &a); err != nil {
			t.Fatalf("%v: %s", err, body)
		}
		return a
	}
	if a := found("bor"); a.Found != 1 || len(a.Choices) != 1 || a.Choices[0].Value != "boris" {
		t.Errorf("bor: %+v", a)
	}
	if a := found("delegate"); a.Found != 0 || len(a.Choices) != 0 {
		t.Errorf("persons without a mandate found to give the floor to: %+v", a)
	}
}
