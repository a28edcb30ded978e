package web_test

import (
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
