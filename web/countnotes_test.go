package web_test

import (
	"fmt"
	"strings"
	"testing"

	"plenum/assembly"
)

// TestSecretaryIsNotOfferedToCorrectACount: on the secretary's page the
// record as it is written offers a correction of a speech or a narrative,
// but not of the opening or the result of a vote, which correct_record
// refuses: there it says that the minutes do not correct a count.
func TestSecretaryIsNotOfferedToCorrectACount(t *testing.T) {
	h := newHall(t)
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "show_of_hands"})
	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "enter_count", obj{"vote": "v1", "for": 2, "against": 1})
	h.must("chair", "declare_result", obj{"vote": "v1"})
	h.must("sec", "record_narrative", obj{"text": "The budget is adopted."})
	entries := read(h, func(s *assembly.State) map[string]int {
		out := map[string]int{}
		for _, r := range s.Record {
			out[r.Kind] = r.Entry
		}
		return out
	})
	sec := h.browser("sec")
	code, body, _ := sec.get("/a/" + asm + "/secretary")
	if code != 200 {
		t.Fatalf("secretary page: %d", code)
	}
	link := func(kind string) string {
		return fmt.Sprintf(`/a/%s/secretary?entry=%d#co-text`, asm, entries[kind])
	}
	for _, kind := range []string{"vote_opened", "result_declared"} {
		if strings.Contains(body, link(kind)) {
			t.Errorf("the page offers to correct the %s entry %d", kind, entries[kind])
		}
	}
	if !strings.Contains(body, link("narrative_recorded")) {
		t.Errorf("the page no longer offers to correct a narrative (entry %d)", entries["narrative_recorded"])
	}
	if !strings.Contains(body, "A ballot, a count or a result is not corrected here") {
		t.Error("the correction form does not say that a count is not corrected there")
	}
	if n := strings.Count(body, "part of a count: cannot be corrected"); n != 2 {
		t.Errorf("the page says of %d entries that they are counts, want 2 (the vote opened and its result)", n)
	}
}
