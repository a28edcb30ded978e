package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"plenum/web"
)

// TestBrowserProjectorReadsFromTheBack: on a projector (1920×1080), a
// laptop and a phone the projector names the sitting and shows the hall's
// clock, running in the page in the hall's zone (not the screen
// computer's); on the projector the speaker and the speakers' list are in
// type large enough to read from the back of a hall, the list beside the
// speaker; during a vote on an amendment with a long text the screen
// shows its first lines and still fits, every word whole.
func TestBrowserProjectorReadsFromTheBack(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	zone := time.FixedZone("hall", 5*3600+30*60)
	for _, sz := range screenSizes {
		t.Run(sz.name, func(t *testing.T) {
			h := newEmptyHallWith(t, web.Options{BaseURL: hallBaseURL, Location: zone}, nil)
			h.setup()
			for _, p := range delegates {
				h.must(p, "request_floor", obj{"item": "i1", "person": p})
			}
			h.must("chair", "give_floor", obj{"item": "i1"})
			s := newSession(t, h)
			proj := s.open("", sz.w, sz.h, "/a/coop/projector")
			s.until(proj, "the speaker and the list", `document.querySelector("#proj .proj-name") !== null && document.querySelector("#proj .proj-next") !== null`)
			s.fits(proj, "the speaker and the list")
			if !eval[bool](s, proj, contains("#proj .proj-sitting", "First sitting")) {
				t.Error("the projector does not name the sitting")
			}
			// The clock runs in the page: wiped, it shows the hall's time
			// again.
			eval[string](s, proj, `document.querySelector("#proj [data-clock]").textContent = "--"`)
			now := time.Now().In(zone)
			want := []string{now.Format("15:04"), now.Add(time.Minute).Format("15:04")}
			s.until(proj, "the hall's clock", fmt.Sprintf(`%q.split(" ").includes(document.querySelector("#proj [data-clock]").textContent)`, strings.Join(want, " ")))
			if sz.name == "fullhd" {
				px := eval[[]float64](s, proj, `[".proj-name", ".proj-next li", ".proj-clock"].map(function (sel) { return parseFloat(getComputedStyle(document.querySelector("#proj " + sel)).fontSize); })`)
				if px[0] < 100 || px[1] < 54 || px[2] < 54 {
					t.Errorf("at 1920×1080 the speaker is in %.0f px, the list in %.0f px, the clock in %.0f px: too small for the back of a hall", px[0], px[1], px[2])
				}
				if !eval[bool](s, proj, `document.querySelector("#proj .proj-next").getBoundingClientRect().left > window.innerWidth / 3`) {
					t.Error("at 1920×1080 the speakers' list is under the speaker, not beside it: half the screen is empty")
				}
			}
			s.shotView(proj, sz.name+"-projector-floor")

			var text []string
			for i := 1; i <= 30; i++ {
				text = append(text, fmt.Sprintf("Clause %d of the resolution is replaced by the words of the amendment as printed.", i))
			}
			h.must("chair", "end_speech", obj{"item": "i1"})
			h.must("anna", "move_motion", obj{"id": "m2", "kind": "amendment", "amends": "m1", "title": "Keep a reserve of a tenth", "text": strings.Join(text, "\n"), "item": "i1"})
			h.must("chair", "open_vote", obj{"id": "v2", "motion": "m2", "method": "roll_call"})
			s.until(proj, "the vote on the amendment", contains("#proj .proj-amends", "Adopt the budget")+" && "+contains("#proj .proj-text", "Clause 1 of"))
			s.fits(proj, "the vote on a long amendment")
			if broken := eval[[]string](s, proj, brokenWords); len(broken) > 0 {
				t.Errorf("words broken on the projector: %q", broken)
			}
			s.shotView(proj, sz.name+"-projector-amendment")
		})
	}
}
