package web_test

import (
	"fmt"
	"testing"
)

// officersPhoneHall is a hall as crowded as the officers' pages get on
// a day: a motion of a long title put to the vote by show of hands, an
// election open whose candidates bear long names in Cyrillic, Georgian,
// Arabic and Chinese, a speaker with the floor and four waiting, boris a
// teller, and three mandates waiting to be checked in bulk.
func officersPhoneHall(t *testing.T) *hall {
	t.Helper()
	h := newHall(t)
	long := []struct{ id, name string }{
		{"ak", "Александра Константиновна Преображенская-Воскресенская"},
		{"gc", "ალექსანდრე ჭავჭავაძე-ორბელიანი"},
		{"ar", "عبد الرحمن بن محمد بن عبد الله الخطيب"},
		{"zh", "欧阳娜娜欧阳娜娜欧阳娜娜欧阳娜娜"},
	}
	for _, p := range long {
		h.must("admin", "add_person", obj{"id": p.id, "name": p.name})
		h.must("admin", "submit_mandate", obj{"id": "m-" + p.id, "person": p.id, "organization": "members", "kind": "decisive"})
		h.must("mc", "verify_mandate", obj{"mandate": "m-" + p.id})
		h.must("mc", "check_in", obj{"person": p.id})
	}
	addPending(h, "e1", "e2", "e3")
	h.must("admin", "grant_role", obj{"person": "boris", "role": "teller"})
	for _, p := range []string{"anna", "ak", "gc", "ar", "zh"} {
		h.must(p, "request_floor", obj{"item": "i1", "person": p})
	}
	h.must("chair", "give_floor", obj{"item": "i1"})
	h.must("ak", "move_motion", obj{"id": "m3", "kind": "amendment", "amends": "m1", "item": "i1",
		"title": "Instruct the board to renegotiate the lease of the premises at Kastanienallee before the end of the financial year and to report to the next general meeting"})
	h.must("chair", "open_election", obj{"id": "e1", "title": "The auditing committee of the cooperative for the financial years to come", "seats": 2, "method": "stv-scottish",
		"candidates": []string{"ak", "gc", "ar", "zh"}})
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m3", "method": "show_of_hands"})
	return h
}

// officerPages are the officers' pages, each opened as the officer who
// uses it.
var officerPages = []struct{ who, path, name string }{
	{"chair", "/a/coop/chair", "chair-console"},
	{"boris", "/a/coop/chair", "teller-console"},
	{"chair", "/a/coop/chair/agenda", "chair-agenda"},
	{"chair", "/a/coop/chair/elections", "chair-elections"},
	{"chair", "/a/coop/chair/hall", "chair-hall"},
	{"chair", "/a/coop/chair/screens", "chair-screens"},
	{"chair", "/a/coop/chair/sitting", "chair-sitting"},
	{"sec", "/a/coop/secretary", "secretary"},
	{"mc", "/a/coop/mandates", "mandates"},
	{"chair", "/a/coop/projector", "projector"},
}

// widest names what makes a page wider than its window: of the
// elements reaching past its right edge none of whose children do, the
// three widest, with their widths, a form's control (a menu as wide as
// its longest option) or another box that does not wrap first: a text
// beside it only follows its container's width.
const widest = `(() => {
	const d = document.documentElement;
	if (d.scrollWidth <= innerWidth) return "";
	const over = e => e.getBoundingClientRect().right > innerWidth + 0.5;
	const out = [];
	for (const e of document.querySelectorAll("body *")) {
		if (!over(e) || [...e.children].some(over)) continue;
		let name = e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (typeof e.className === "string" && e.className ? "." + e.className.trim().split(/\s+/).join(".") : "");
		const box = e.parentElement && e.parentElement.closest("[id]");
		if (box && !e.id) name = "#" + box.id + " " + name;
		const fixed = e.matches("select, input, textarea, button, img, svg, table, pre, code, kbd");
		out.push([fixed, e.getBoundingClientRect().width, name]);
	}
	out.sort((a, b) => (b[0] - a[0]) || (b[1] - a[1]));
	const names = out.slice(0, 3).map(([, w, n]) => n + " " + Math.round(w) + " px").join("; ");
	return "the page is " + d.scrollWidth + " px wide in a window of " + innerWidth + " px; the widest reaching past it: " + names;
})()`

// TestBrowserOfficersFitThePhone: every officer's page, opened by the
// officer who uses it on a 360 × 800 phone, is no wider than the screen
// (an organiser's review found the chair's console scrolling sideways,
// the declare-result menu 482 px wide): with a vote open on a motion of
// a long title, an election open among long non-Latin names, the
// speakers' list, the bulk form of the mandates; then with the vote
// closed and its result to declare, on the console as the chair and as
// a teller see it, and the election closed, on the elections tab; every
// <details> opened. A failure names the widest elements. The console and
// the mandates on a laptop and on the hall's screen are shot to look at.
func TestBrowserOfficersFitThePhone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := officersPhoneHall(t)
	s := newSession(t, h)
	const openAll = `document.querySelectorAll("main details").forEach(d => d.open = true); true`
	// On the phone every page is checked and shot whole; on the laptop
	// and the hall's screen the console and the mandates are shot, to be
	// looked at (the machine the tests run on may be slow: few tabs).
	look := func(who, path, name string, w, hgt int64) *person {
		t.Helper()
		p := s.open(who, w, hgt, path)
		eval[bool](s, p, openAll)
		if w != 360 {
			s.shotView(p, fmt.Sprintf("officers-phone-%s-%d", name, w))
			return p
		}
		if msg := eval[string](s, p, widest); msg != "" {
			t.Errorf("%s as %s at %d×%d: %s", name, who, w, hgt, msg)
		}
		s.shot(p, fmt.Sprintf("officers-phone-%s-%d-full", name, w))
		return p
	}
	wide := []struct{ w, h int64 }{{1280, 800}, {1920, 1080}}
	for _, pg := range officerPages {
		look(pg.who, pg.path, pg.name, 360, 800)
	}
	for _, sz := range wide {
		look("chair", "/a/coop/chair", "chair-console", sz.w, sz.h)
		look("mc", "/a/coop/mandates", "mandates", sz.w, sz.h)
	}
	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "close_election", obj{"election": "e1"})
	chair := look("chair", "/a/coop/chair", "chair-declare", 360, 800)
	look("boris", "/a/coop/chair", "teller-declare", 360, 800)
	look("chair", "/a/coop/chair/elections", "chair-elections-declare", 360, 800)
	for _, sz := range wide {
		look("chair", "/a/coop/chair", "chair-declare", sz.w, sz.h)
	}
	if n := eval[int](s, chair, `document.querySelectorAll('#vote select[name="a:outcome"]').length`); n != 1 {
		t.Errorf("the console of a closed vote has %d menus of its outcome, want 1", n)
	}
}
