package web_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestBrowserLongMotionAndUnapplied: the delegate's page with a long
// motion listed by its title and link, and a motion whose carried
// amendment changes no lines, at 360, 1280 and 1920 wide: nothing wider
// than the window, no axe violation; the screenshots are saved
// ($PLENUM_SCREENSHOTS).
func TestBrowserLongMotionAndUnapplied(t *testing.T) {
	h := unappliedHall(t)
	h.must("anna", "move_motion", obj{"id": "long", "kind": "amendment", "amends": "w", "title": "A long amendment",
		"text": strings.Repeat("The conference resolves once more. ", 100), "item": "i1"})
	s := newSession(t, h)
	src := axeSource(t)
	for _, w := range []int64{360, 1280, 1920} {
		p := s.open("anna", w, 900, "/a/"+asm+"/delegate")
		s.until(p, "the long motion's link", `document.querySelector('#motions a[href$="/motions/long"]') !== null`)
		if wide := eval[float64](s, p, `document.documentElement.scrollWidth`); wide > float64(w) {
			t.Errorf("%d wide: the delegate's page is %v wide", w, wide)
		}
		s.axe(p, "delegate", src)
		s.shot(p, fmt.Sprintf("limits-delegate-%d", w))
		m := s.open("anna", w, 900, "/a/"+asm+"/motions/w")
		s.until(m, "the unapplied line", `document.querySelector('#motion-text .amended-by') !== null`)
		s.shot(m, fmt.Sprintf("limits-motion-%d", w))
	}
}
