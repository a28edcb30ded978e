package web_test

import (
	"fmt"
	"testing"
)

// TestBrowserConsolePendingElsewhere: on each screen, the console on an
// item without motions says that a motion waits on another item, and its
// link leads to that item on the agenda tab; nothing is wider than the
// window.
func TestBrowserConsolePendingElsewhere(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newHall(t)
	h.must("chair", "add_item", obj{"id": "i2", "title": "Elections to the auditing committee of the cooperative"})
	h.must("chair", "take_up_item", obj{"item": "i2"})
	s := newSession(t, h)
	for _, sz := range screenSizes {
		p := s.open("chair", sz.w, sz.h, "/a/coop/chair")
		s.until(p, "the line of motions elsewhere", contains("#question", "1 motion is pending on another item: The budget (1)"))
		if got := eval[[]int](s, p, `[document.documentElement.scrollWidth, innerWidth]`); got[0] > got[1] {
			t.Errorf("%s: the console is %d px wide in a window of %d px", sz.name, got[0], got[1])
		}
		eval[bool](s, p, `document.querySelector("#question").scrollIntoView(), true`)
		s.shotView(p, fmt.Sprintf("console-elsewhere-%s", sz.name))
		s.click(p, "#question .pending-elsewhere a")
		s.until(p, "the agenda tab at the budget", `location.hash === "#item-i1" && document.querySelector("#item-i1 .pending-on") !== null`)
		s.shotView(p, fmt.Sprintf("agenda-pending-%s", sz.name))
	}
}
