package web_test

import (
	"fmt"
	"testing"
)

// TestBrowserQuorumWaitAndCount: on each screen, the mandates page, the
// chair's hall tab and the console while the hall is short of the quorum
// (why a vote will be refused, beside the forms), and the console and the
// projector with a count of hands entered, fit the screen and pass
// axe-core; their screenshots are saved ($PLENUM_SCREENSHOTS).
func TestBrowserQuorumWaitAndCount(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	axeSrc := axeSource(t)
	for _, sz := range screenSizes {
		t.Run(sz.name, func(t *testing.T) {
			h := quorumShortHall(t)
			s := newSession(t, h)
			look := func(who, path, name string) {
				t.Helper()
				p := s.open(who, sz.w, sz.h, path)
				if wide := eval[int](s, p, `document.documentElement.scrollWidth`); wide > int(sz.w) {
					t.Errorf("%s is %d px wide on a %d px screen", name, wide, sz.w)
				}
				s.axe(p, name, axeSrc)
				s.shotView(p, fmt.Sprintf("quorum-%s-%s", sz.name, name))
				s.shot(p, fmt.Sprintf("quorum-%s-%s-full", sz.name, name))
			}
			look("mc", "/a/coop/mandates", "mandates")
			look("chair", "/a/coop/chair/hall", "chair-hall")
			look("chair", "/a/coop/chair", "chair")
			h.must("mc", "check_in", obj{"person": "boris"})
			h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "show_of_hands"})
			h.must("chair", "close_vote", obj{"vote": "v1"})
			h.must("chair", "enter_count", obj{"vote": "v1", "against": "majority"})
			look("chair", "/a/coop/chair", "chair-count")
			look("", "/a/coop/projector", "projector-count")
		})
	}
}
