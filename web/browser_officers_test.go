package web_test

import (
	"fmt"
	"testing"
)

// TestBrowserTellerConsoleAndOffices: on each screen, the console as a
// teller sees it (the banner naming their forms, the count's form open
// after the vote is closed) and the offices page naming namesakes apart
// fit the screen and pass axe-core; their screenshots are saved
// ($PLENUM_SCREENSHOTS).
func TestBrowserTellerConsoleAndOffices(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	axeSrc := axeSource(t)
	for _, sz := range screenSizes {
		t.Run(sz.name, func(t *testing.T) {
			h := namesakeHall(t)
			h.must("admin", "grant_role", obj{"person": "boris", "role": "teller"})
			h.must("admin", "grant_role", obj{"person": "vera2", "role": "teller"})
			h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "show_of_hands"})
			h.must("chair", "close_vote", obj{"vote": "v1"})
			s := newSession(t, h)
			look := func(who, path, name, sel string, live bool) {
				t.Helper()
				p := s.openWith(who, sz.w, sz.h, path, live)
				if wide := eval[int](s, p, `document.querySelector("`+sel+`").scrollWidth`); wide > int(sz.w) {
					t.Errorf("%s: %s is %d px wide on a %d px screen", name, sel, wide, sz.w)
				}
				s.axe(p, name, axeSrc)
				s.shotView(p, fmt.Sprintf("officers-%s-%s", sz.name, name))
				s.shot(p, fmt.Sprintf("officers-%s-%s-full", sz.name, name))
			}
			look("boris", "/a/coop/chair#vote", "teller-console", "html", true)
			look("sec", "/a/coop/setup-offices", "offices", "html", false)
		})
	}
}

// TestBrowserSittingOpenedShowsTheSitting: the chair opens a sitting on
// the sitting tab with live.js running; the page after the answer shows
// the sitting it says is opened, not "No sitting is open" and the empty
// form under the message (review 41, M7: the form was answered in place
// and only the page's live regions, which the sitting is not in, were
// redrawn).
func TestBrowserSittingOpenedShowsTheSitting(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newHall(t)
	h.must("chair", "close_sitting", obj{"sitting": "s1"})
	s := newSession(t, h)
	p := s.open("chair", 1280, 800, "/a/coop/chair/sitting")
	s.until(p, "no sitting open", contains("#sitting-forms", "No sitting is open"))
	eval[bool](s, p, `(document.getElementById("s-title").value = "Second sitting", true)`)
	s.click(p, `#sitting-forms button.big`)
	s.until(p, "the sitting shown", contains("#sitting-forms", "Second sitting"))
	if still := eval[bool](s, p, `document.querySelector("#sitting-forms").innerText.includes("No sitting is open")`); still {
		t.Error("the page after the sitting was opened still says no sitting is open")
	}
	if said := eval[bool](s, p, `document.body.innerText.includes("(entry ")`); !said {
		t.Error("the page after the sitting was opened does not say it was recorded")
	}
}
