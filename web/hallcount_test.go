package web_test

import (
	"html"
	"strings"
	"testing"
)

// TestHallCountsThosePresent: the projector, the chair's console and the
// elections' tab count the ballots against those present and entitled
// ("1 of 2 present has voted (3 entitled to vote)"), not against every
// member: in a general meeting where half of the members come, "192 of
// 800 have voted" reads as a turnout problem that is not there. With
// everyone entitled present the line is as it was ("1 of 3 has voted").
func TestHallCountsThosePresent(t *testing.T) {
	h := newHall(t)
	chair, proj := h.browser("chair"), h.browser("")
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	h.must("anna", "cast_ballot", obj{"vote": "v1", "voter": "anna", "choice": "for"})
	has := func(what, path, want string) {
		t.Helper()
		b := proj
		if strings.Contains(path, "/chair") {
			b = chair
		}
		_, body, _ := b.get(path)
		if !strings.Contains(html.UnescapeString(body), want) {
			t.Errorf("%s: %s lacks %q:\n%s", what, path, want, body)
		}
	}
	has("all present", "/a/coop/projector?fragment=live", "1 of 3 has voted")
	has("all present", "/a/coop/chair?fragment=live", "1 of 3 voted · 3 of 3 present now")
	h.must("sec", "leave_hall", obj{"persons": []string{"boris"}})
	has("boris left", "/a/coop/projector?fragment=live", "1 of 2 present has voted (3 entitled to vote)")
	has("boris left", "/a/coop/chair?fragment=live", "1 of 2 present voted · 2 of 3 present now (3 when it opened)")
	// A ballot cast before its voter left still counts among those the
	// ballots are read against: never "2 of 1 present".
	h.must("clara", "cast_ballot", obj{"vote": "v1", "voter": "clara", "choice": "for"})
	h.must("sec", "leave_hall", obj{"persons": []string{"clara"}})
	has("clara voted and left", "/a/coop/projector?fragment=live", "2 of 2 present have voted (3 entitled to vote)")
	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "declare_result", obj{"vote": "v1", "outcome": "carried"})
	h.must("sec", "return_to_hall", obj{"persons": []string{"clara"}})

	h.must("chair", "open_election", obj{"id": "e1", "title": "The tellers", "seats": 1, "method": "plurality", "candidates": []string{"clara", "mc"}})
	has("an election", "/a/coop/projector?fragment=live", "0 of 2 present have voted (3 entitled to vote)")
	has("an election", "/a/coop/chair/elections", "0 of 2 present have voted (3 entitled to vote)")
	h.must("sec", "return_to_hall", obj{"persons": []string{"boris"}})
	has("boris back", "/a/coop/projector?fragment=live", "0 of 3 have voted")
}
