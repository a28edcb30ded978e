package web_test

import (
	"strings"
	"testing"
)

// TestProjectorSaysWhatTheHallVotesOn: during a vote the projector shows
// the question, the motion it amends, how the hall votes in words (a roll
// call puts names in the minutes) and the motion's text; a show of hands
// has no "0 of 3 have voted" (nobody votes on a phone), only the count
// the chair entered, once entered.
func TestProjectorSaysWhatTheHallVotesOn(t *testing.T) {
	h := newHall(t)
	h.must("chair", "move_motion", obj{"id": "m2", "kind": "amendment", "amends": "m1", "title": "Keep a reserve of a tenth", "text": "Insert: a tenth is kept in reserve.", "item": "i1"})
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m2", "method": "roll_call"})
	proj := h.browser("")
	_, body, _ := proj.get("/a/coop/projector?fragment=live")
	for _, want := range []string{
		"Keep a reserve of a tenth",
		"Amends “Adopt the budget”",
		"Roll call — each vote goes into the minutes by name",
		"Insert: a tenth is kept in reserve.",
		"0 of 3 have voted",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the projector during a roll call lacks %q:\n%s", want, body)
		}
	}
	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "declare_result", obj{"vote": "v1", "outcome": "defeated"})
	h.must("chair", "open_vote", obj{"id": "v2", "motion": "m1", "method": "show_of_hands"})
	_, body, _ = proj.get("/a/coop/projector?fragment=live")
	if !strings.Contains(body, "Show of hands — counted in the hall") || !strings.Contains(body, "The meeting adopts the budget as printed.") {
		t.Errorf("the projector does not say the hall votes by show of hands, on what:\n%s", body)
	}
	if strings.Contains(body, "have voted") || strings.Contains(body, "Amends") {
		t.Errorf("the projector counts phone ballots in a show of hands, or a motion amends nothing:\n%s", body)
	}
	h.must("chair", "close_vote", obj{"vote": "v2"})
	h.must("chair", "enter_count", obj{"vote": "v2", "for": 3, "against": "rest"})
	_, body, _ = proj.get("/a/coop/projector?fragment=live")
	if !strings.Contains(body, "Count entered: 3 in favor, all the others against") {
		t.Errorf("the projector does not show the count of hands entered:\n%s", body)
	}
}
