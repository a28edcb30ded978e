package web_test

import (
	"strings"
	"testing"
)

// TestProjectorDrawsNoBarsBesideAWord: a count of hands with a side stated
// as a word ("3 for, all the others against", as the 1917 secretaries
// wrote) is written on the projector, not drawn: a full bar for the three
// beside an empty one for everyone else read as carried by all.
func TestProjectorDrawsNoBarsBesideAWord(t *testing.T) {
	h := newHall(t)
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "show_of_hands"})
	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "enter_count", obj{"vote": "v1", "for": 3, "against": "rest"})
	h.must("chair", "declare_result", obj{"vote": "v1", "outcome": "defeated"})
	_, body, _ := h.browser("").get("/a/coop/projector?fragment=live")
	if strings.Contains(body, `class="bar bar-`) {
		t.Errorf("the projector draws a bar beside a count in words:\n%s", body)
	}
	if !strings.Contains(body, `<span class="bar-word">3</span>`) {
		t.Errorf("the projector does not write the number beside the word:\n%s", body)
	}
}
