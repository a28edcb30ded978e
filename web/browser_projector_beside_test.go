package web_test

import (
	"testing"
)

// TestBrowserProjectorResultBesideASpeaker: at 1920×1080, with a speaker
// on the floor, three waiting and the last result beside them (the screen
// at its most crowded), the result's figures (its outcome line, its bars'
// labels and counts, its arithmetic) are in type at least as large as the
// speaker's name, and at least 54 px, which the back of a hall reads (the
// speakers' list's size there); the screen still fits.
func TestBrowserProjectorResultBesideASpeaker(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newHall(t)
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "show_of_hands"})
	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "enter_count", obj{"vote": "v1", "for": 2, "against": 1, "abstain": 0})
	h.must("chair", "declare_result", obj{"vote": "v1"})
	h.must("admin", "add_person", obj{"id": "long", "name": "Alexandra Konstantinovna Preobrazhenskaya"})
	h.must("admin", "submit_mandate", obj{"id": "m-long", "person": "long", "organization": "members", "kind": "decisive"})
	h.must("mc", "verify_mandate", obj{"mandate": "m-long"})
	for _, p := range []string{"long", "anna", "boris", "clara"} {
		h.must(p, "request_floor", obj{"item": "i1", "person": p})
	}
	h.must("chair", "give_floor", obj{"item": "i1"})
	s := newSession(t, h)
	proj := s.open("", 1920, 1080, "/a/coop/projector")
	s.until(proj, "the speaker beside the result", `document.querySelector("#proj .proj-name") !== null && document.querySelector("#proj .proj-outcome .result") !== null`)
	s.fits(proj, "the speaker beside the result")
	got := eval[struct {
		Name, Caption, Label, Count, Arithmetic, Scale float64
	}](s, proj, `(function () {
		var px = function (sel) { var el = document.querySelector("#proj " + sel); return el ? parseFloat(getComputedStyle(el).fontSize) : 0; };
		return {name: px(".proj-name"), caption: px(".proj-outcome .result figcaption"), label: px(".proj-outcome .bar-label"),
			count: px(".proj-outcome .bar-count"), arithmetic: px(".proj-outcome .arithmetic"), scale: parseFloat(document.body.getAttribute("data-fit-scale"))};
	})()`)
	t.Logf("speaker %.0f px; result: outcome %.0f px, labels %.0f px, counts %.0f px, arithmetic %.0f px; fit %.2f", got.Name, got.Caption, got.Label, got.Count, got.Arithmetic, got.Scale)
	least := max(got.Name, 54)
	for _, f := range []struct {
		what string
		px   float64
	}{{"outcome line", got.Caption}, {"bars' labels", got.Label}, {"counts", got.Count}, {"arithmetic", got.Arithmetic}} {
		if f.px < least {
			t.Errorf("beside a speaker in %.0f px the result's %s is in %.0f px: want at least %.0f px", got.Name, f.what, f.px, least)
		}
	}
	s.shotView(proj, "fullhd-projector-result-beside-speaker")
}
