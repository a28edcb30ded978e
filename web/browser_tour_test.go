package web_test

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"plenum/assembly"
)

// openPage is open for pages without live regions (the index, the login,
// a document): it does not wait for the event stream.
func (s *session) openPage(who string, width, height int64, path string) *person {
	s.t.Helper()
	return s.openWith(who, width, height, path, false)
}

// tourHall is a hall with something on every page: a vote open, an
// election open and one declared, a speech, an interjection, a speaker
// deprived of the floor, a tabled item, a planned order of the day, a
// second screen with a message and a countdown.
func tourHall(t *testing.T) *hall {
	h := newHall(t)
	tourSteps(h)
	return h
}

// tourSteps are the commands that make a hall (newHall's) the tour's.
func tourSteps(h *hall) {
	for _, p := range []struct{ id, name string }{{"ivan", "Ivan Ivanov"}, {"olga", "Olga Orlova"}, {"pavel", "Pavel Petrov"}, {"rosa", "Rosa Luxemburg"}} {
		h.must("admin", "add_person", obj{"id": p.id, "name": p.name})
	}
	h.must("chair", "plan_item", obj{"item": "i1", "minutes": 40})
	h.must("chair", "add_item", obj{"id": "i2", "title": "Elections to the auditing committee"})
	h.must("chair", "plan_item", obj{"item": "i2", "minutes": 25})
	h.must("chair", "add_item", obj{"id": "i3", "title": "The new statutes"})
	h.must("chair", "table_item", obj{"item": "i3", "until": "until the next meeting"})
	h.must("anna", "request_floor", obj{"item": "i1", "person": "anna"})
	h.must("chair", "give_floor", obj{"item": "i1"})
	h.must("sec", "record_speech", obj{"id": "sp1", "item": "i1", "speaker": "anna", "capacity": "delegate", "notes": "Speaks for the budget; asks that the reserve be kept."})
	h.must("chair", "deprive_floor", obj{"item": "i1", "reason": "Speaks off the question"})
	h.must("sec", "record_interjection", obj{"kind": "applause"})
	h.must("boris", "request_floor", obj{"item": "i1", "person": "boris"})
	h.must("clara", "request_floor", obj{"item": "i1", "person": "clara", "kind": "point_of_order"})
	h.must("anna", "move_motion", obj{"id": "m2", "kind": "amendment", "amends": "m1", "title": "Keep a reserve of a tenth", "item": "i1"})
	h.must("chair", "open_election", obj{"id": "e0", "title": "The tellers", "seats": 2, "method": "as_stated"})
	h.must("chair", "close_election", obj{"election": "e0"})
	h.must("chair", "declare_election", obj{"election": "e0", "elected": []string{"sec", "mc"}})
	h.must("chair", "open_election", obj{"id": "e1", "title": "The auditing committee of the cooperative", "seats": 2, "method": "stv-scottish", "candidates": []string{"ivan", "olga", "pavel", "rosa"}})
	h.must("anna", "cast_election_ballot", obj{"election": "e1", "voter": "anna", "ranking": []string{"olga", "ivan"}})
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m2", "method": "roll_call"})
	h.must("boris", "cast_ballot", obj{"vote": "v1", "voter": "boris", "choice": "for"})
	h.must("chair", "set_screen", obj{"screen": "overflow", "name": "Overflow room", "show": "agenda", "message": "The hall is full: follow the meeting here."})
	h.must("chair", "set_countdown", obj{"screen": "overflow", "label": "Break", "seconds": 600})
}

// TestBrowserTour opens every page as its user would on each screen:
// nothing is wider than the screen, axe-core finds no serious or critical
// violation, and the screenshots are saved to look at.
func TestBrowserTour(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	axeSrc := axeSource(t)
	pages := []struct {
		who, path, name string
		live            bool
	}{
		{"anna", "/a/coop/delegate", "delegate-vote", true},
		{"clara", "/a/coop/delegate", "delegate-election", true},
		{"chair", "/a/coop/chair", "chair", true},
		{"chair", "/a/coop/chair/agenda", "chair-agenda", true},
		{"chair", "/a/coop/chair/elections", "chair-elections", true},
		{"chair", "/a/coop/chair/hall", "chair-hall", true},
		{"chair", "/a/coop/chair/screens", "chair-screens", true},
		{"chair", "/a/coop/chair/sitting", "chair-sitting", true},
		{"sec", "/a/coop/secretary", "secretary", true},
		{"mc", "/a/coop/mandates", "mandates", true},
		{"", "/a/coop/projector", "projector", true},
		{"", "/a/coop/projector?screen=overflow", "projector-overflow", true},
		{"", "/a/coop/record", "record", true},
		{"", "/", "index", false},
		{"", "/login", "login", false},
		{"", "/a/coop/", "landing", false},
	}
	for _, sz := range screenSizes {
		t.Run(sz.name, func(t *testing.T) {
			h := tourHall(t)
			s := newSession(t, h)
			for _, pg := range pages {
				var p *person
				if pg.live {
					p = s.open(pg.who, sz.w, sz.h, pg.path)
				} else {
					p = s.openPage(pg.who, sz.w, sz.h, pg.path)
				}
				if wide := eval[int](s, p, `document.documentElement.scrollWidth`); wide > int(sz.w) {
					t.Errorf("%s is %d px wide on a %d px screen", pg.name, wide, sz.w)
				}
				if broken := eval[[]string](s, p, brokenTableWords); len(broken) > 0 {
					t.Errorf("%s on a %d px screen: words of its tables broken across lines: %q", pg.name, sz.w, broken)
				}
				s.axe(p, pg.name, axeSrc)
				s.shotView(p, fmt.Sprintf("tour-%s-%s", sz.name, pg.name))
				s.shot(p, fmt.Sprintf("tour-%s-%s-full", sz.name, pg.name))
			}
			// The receipt, in place and on its own page.
			anna := s.open("anna", sz.w, sz.h, "/a/coop/delegate")
			s.click(anna, "#ballot button.choice-for")
			s.until(anna, "the confirmation", contains("#ballot", "Cast your ballot"))
			s.axe(anna, "delegate-confirm", axeSrc)
			s.click(anna, "#ballot .confirm-btn")
			s.until(anna, "the receipt", contains("#receipt-slot", "Save the receipt"))
			s.axe(anna, "delegate-receipt", axeSrc)
			s.shotView(anna, fmt.Sprintf("tour-%s-delegate-receipt", sz.name))
			entry := read(h, func(st *assembly.State) int { return st.Events - 1 })
			rp := s.open("anna", sz.w, sz.h, fmt.Sprintf("/a/coop/receipt?entry=%d", entry))
			s.axe(rp, "receipt", axeSrc)
			s.shotView(rp, fmt.Sprintf("tour-%s-receipt", sz.name))
		})
	}
}

// brokenTableWords lists the words of up to 20 letters in the cells of
// the page's tables that the browser broke across two lines ("Organi-
// zation", a name cut in two): a table on a narrow screen keeps its words
// whole and scrolls sideways in its .table-wrap instead.
const brokenTableWords = `(() => {
  const out = [];
  for (const cell of document.querySelectorAll(".table-wrap th, .table-wrap td")) {
    const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      for (const m of n.data.matchAll(/\S+/g)) {
        if (m[0].length > 20) continue;
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const lines = new Set(Array.from(r.getClientRects(), q => Math.round(q.top)));
        if (lines.size > 1) out.push(m[0]);
      }
    }
  }
  return out;
})()`

// TestBrowserDemoNamesNeverIDs: over the March 1917 conference, no text a
// person reads on any page, in the secretary's feed, on a count sheet or
// in the exported minutes is an internal id (a person's, a motion's, a
// vote's, an organization's…); and axe-core finds no serious violation on
// the pages of a real record.
func TestBrowserDemoNamesNeverIDs(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	axeSrc := axeSource(t)
	h := newDemoHall(t, "nogin", "boki", "sevruk", "skrypnik", "khinchuk")
	at := time.Now().UTC()
	for _, g := range []struct{ p, r string }{{"nogin", "chair"}, {"boki", "secretary"}, {"sevruk", "mandate_commission"}} {
		raw := fmt.Sprintf(`{"person":%q,"role":%q}`, g.p, g.r)
		at = at.Add(time.Second)
		if _, err := h.eng.Submit(context.Background(), assembly.Envelope{Cmd: "grant_role", Assembly: h.asm, Actor: "restorer", At: at, Args: []byte(raw)}); err != nil {
			t.Fatal(err)
		}
	}
	ids := demoIDs(t, h)
	// The check can fail: an id in a text is found.
	if leaks := idsIn("The chair deprives stalin of the floor; Stalin speaks.", ids); len(leaks) != 1 || !strings.Contains(leaks[0], `"stalin"`) {
		t.Fatalf("the check of ids does not find stalin: %v (%d ids)", leaks, len(ids))
	}
	base := "/a/" + h.asm
	pages := []struct{ who, path string }{
		{"nogin", "/chair"}, {"nogin", "/chair/agenda"}, {"nogin", "/chair/elections"}, {"nogin", "/chair/hall"}, {"nogin", "/chair/screens"}, {"nogin", "/chair/sitting"},
		{"boki", "/secretary"}, {"sevruk", "/mandates"}, {"skrypnik", "/delegate"}, {"khinchuk", "/delegate"},
		{"", "/projector"}, {"", "/record"}, {"", "/minutes/html"},
	}
	s := newSession(t, h)
	for _, pg := range pages {
		var p *person
		if pg.path == "/minutes/html" {
			p = s.openPage(pg.who, 1280, 900, base+pg.path)
		} else {
			p = s.open(pg.who, 1280, 900, base+pg.path)
		}
		text := eval[string](s, p, `document.body.innerText`)
		if leaks := idsIn(text, ids); len(leaks) > 0 {
			t.Errorf("%s %s shows ids: %v", pg.who, pg.path, leaks)
		}
		t.Logf("%s %s: %d characters read", pg.who, pg.path, len(text))
		if pg.path != "/minutes/html" {
			s.axe(p, "demo "+pg.path, axeSrc)
		}
		s.shotView(p, "demo"+strings.ReplaceAll(pg.path, "/", "-"))
	}
	// The exported minutes in Markdown.
	_, md, _ := h.browser("").get(base + "/minutes/md")
	if leaks := idsIn(md, ids); len(leaks) > 0 {
		t.Errorf("the Markdown minutes show ids: %v", leaks)
	}
}

// demoIDs are the ids of the demo's assembly, except those that are also
// words of its prose (none, as the test says if one appears).
func demoIDs(t *testing.T, h *hall) map[string]string {
	a, _ := h.eng.Assembly(h.asm)
	ids := map[string]string{}
	a.Read(func(s *assembly.State) {
		add := func(kind string, keys []string) {
			for _, k := range keys {
				ids[k] = kind
			}
		}
		add("person", s.PersonOrder)
		add("organization", s.OrgOrder)
		add("mandate", s.MandateOrder)
		add("item", s.ItemOrder)
		add("motion", s.MotionOrder)
		add("vote", s.VoteOrder)
		add("election", s.ElectionOrder)
		add("sitting", s.SittingOrder)
		add("body", s.BodyOrder)
		for id := range s.Documents {
			ids[id] = "document"
		}
		for id := range s.Speeches {
			ids[id] = "speech"
		}
		for id := range s.Alternatives {
			ids[id] = "alternatives"
		}
		for _, el := range s.Elections {
			for _, l := range el.Lists {
				ids[l.ID] = "list"
			}
		}
	})
	delete(ids, h.asm) // the assembly's own id is in every address, not in the text
	return ids
}

var wordRe = regexp.MustCompile(`[a-z0-9][a-z0-9_-]*[a-z0-9]|[a-z0-9]`)

// idsIn lists the ids among the words of a text, case kept: "stalin" is
// an id, "Stalin" a name.
func idsIn(text string, ids map[string]string) []string {
	seen := map[string]bool{}
	var out []string
	for _, loc := range wordRe.FindAllStringIndex(text, -1) {
		w := text[loc[0]:loc[1]]
		// A word glued to a capital or an accented letter is part of a name.
		if loc[0] > 0 && (text[loc[0]-1] >= 'A' && text[loc[0]-1] <= 'Z' || text[loc[0]-1] >= 0x80) {
			continue
		}
		if kind, ok := ids[w]; ok && !seen[w] {
			seen[w] = true
			i := max(0, loc[0]-30)
			j := min(len(text), loc[1]+30)
			out = append(out, fmt.Sprintf("%s %q in %q", kind, w, text[i:j]))
		}
	}
	sort.Strings(out)
	return out
}
