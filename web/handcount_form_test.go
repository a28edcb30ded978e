package web_test

import (
	"strings"
	"testing"
)

// TestConsoleCountFormOnlyForHands: the chair's console offers the count
// of hands for a vote counted by hand and for no other, by the one rule
// the console's count line and the projector follow (handCounted): an
// encrypted vote, which no ballot has reached yet and whose method is
// neither a roll call nor a secret ballot, waits for its ballots and its
// trustees, and is offered no count of hands; a show of hands is.
func TestConsoleCountFormOnlyForHands(t *testing.T) {
	h := newHall(t)
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "encrypted", "trustees": []string{"sec", "mc"}, "trustee_quorum": 2})
	chair := h.browser("chair")
	_, body, _ := chair.get("/a/coop/chair")
	if strings.Contains(body, `id="count-v1"`) || len(actForms(body, "enter_count")) > 0 {
		t.Errorf("the console offers a count of hands for an encrypted vote")
	}
	h.must("chair", "withdraw_vote", obj{"vote": "v1", "reason": "the wrong method"})
	h.must("chair", "open_vote", obj{"id": "v2", "motion": "m1", "method": "show_of_hands"})
	if _, body, _ = chair.get("/a/coop/chair"); !strings.Contains(body, `id="count-v2"`) || len(actForms(body, "enter_count")) != 1 {
		t.Errorf("the console offers no count of hands for a show of hands")
	}
}
