package web_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestBrowserMandatesFitThePhone: the mandate commission's table of
// verified mandates fits the screen, a 360 px phone's too (review L8: it
// was wider, and scrolled sideways): the page is no wider than the
// window and the table does not scroll in its frame; on the phone the
// organization and the vote, whose columns it leaves out, stand under
// each name, so every row still says them.
func TestBrowserMandatesFitThePhone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := tourHall(t)
	s := newSession(t, h)
	for _, sz := range screenSizes {
		p := s.open("mc", sz.w, sz.h, "/a/coop/mandates")
		if got := eval[[]int](s, p, `[document.documentElement.scrollWidth, innerWidth]`); got[0] > got[1] {
			t.Errorf("%s: the mandates page is %d px wide in a window of %d px", sz.name, got[0], got[1])
		}
		if got := eval[[]int](s, p, `(el => [el.scrollWidth, el.clientWidth])(document.querySelector("#verified .table-wrap"))`); got[0] > got[1] {
			t.Errorf("%s: the table of verified mandates is %d px wide in its frame of %d px: it scrolls sideways", sz.name, got[0], got[1])
		}
		rows := eval[[]string](s, p, `[...document.querySelectorAll("#verified tbody tr")].map(r => r.innerText)`)
		if len(rows) != 3 {
			t.Fatalf("%s: want the three verified mandates, got %q", sz.name, rows)
		}
		for _, r := range rows {
			if !strings.Contains(r, "The members") || !strings.Contains(r, "decisive vote") {
				t.Errorf("%s: a row does not show the organization and the vote: %q", sz.name, r)
			}
		}
		eval[bool](s, p, `document.querySelector("#verified").scrollIntoView(), true`)
		s.shotView(p, fmt.Sprintf("mandates-%s-verified", sz.name))
	}
}
