package web_test

import (
	"strconv"
	"testing"
)

// TestBrowserProjectorAgendaNumbersOnce: the projector's order of the
// day numbers each item once, with the item's own number ("2. Dues for
// 2027"), not again with the list's ("1. 2. Dues for 2027"); the list's
// numbers would count only the items still to come.
func TestBrowserProjectorAgendaNumbersOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newHall(t)
	h.must("chair", "add_item", obj{"id": "i2", "title": "Dues for 2027", "number": "2"})
	h.must("chair", "add_item", obj{"id": "i3", "title": "Any other business"})
	h.must("chair", "set_screen", obj{"screen": "hall", "show": "agenda"})
	s := newSession(t, h)
	proj := s.open("", 1280, 720, "/a/coop/projector")
	s.until(proj, "the order of the day", contains("#proj .proj-agenda", "Dues for 2027"))
	s.shotView(proj, "projector-agenda")
	if got := eval[string](s, proj, `[...document.querySelectorAll("#proj .proj-agenda li")].map(li => getComputedStyle(li).listStyleType + " " + li.innerText).join(" | ")`); got != "none The budget now | none 2. Dues for 2027 | none Any other business" {
		t.Errorf("the order of the day on the projector: %q, want each item numbered once, by its own number", got)
	}
}

// TestBrowserPhoneShowsWhatScrolls: on a 360 px phone, what scrolls
// sideways says so by fading out at its
// right edge: the chair's tabs, which are wider than the screen (the
// mandate commission's table fits it: TestBrowserMandatesFitThePhone);
// and the ranked
// ballot's instructions, a legend of several lines, stand inside the
// fieldset's border, not on it (where the border ran through them).
func TestBrowserPhoneShowsWhatScrolls(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := tourHall(t)
	s := newSession(t, h)
	const fades = `(el => el.scrollWidth > el.clientWidth && getComputedStyle(el).maskImage.includes("linear-gradient"))`
	for _, c := range []struct{ who, path, sel string }{
		{"chair", "/a/coop/chair", ".tabs"},
	} {
		p := s.open(c.who, 360, 740, c.path)
		if !eval[bool](s, p, fades+`(document.querySelector(`+strconv.Quote(c.sel)+`))`) {
			t.Errorf("%s on a phone: %s is cut off at its right edge without fading out", c.path, c.sel)
		}
	}
	clara := s.open("clara", 360, 740, "/a/coop/delegate")
	s.until(clara, "the ranked ballot", `document.querySelector("fieldset.ranking legend") !== null`)
	if got := eval[[]float64](s, clara, `(() => { const f = document.querySelector("fieldset.ranking"), l = f.querySelector("legend"); return [l.getBoundingClientRect().height, l.getBoundingClientRect().top - f.getBoundingClientRect().top] })()`); got[0] < 40 || got[1] < 1 {
		t.Errorf("the ranked ballot's legend (%v px high) starts %v px below the top of its fieldset: want it of several lines, inside the border (below it), not on it", got[0], got[1])
	}
}
