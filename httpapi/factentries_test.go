package httpapi

import (
	"strings"
	"testing"

	"plenum/assembly"
)

// TestFactEntriesNotCorrected: through the API, as the red team did it,
// the chair can neither strike out a checked_in entry nor "correct" it to
// someone else checking in: 409, saying what to do instead, nothing
// recorded. Entry 12 is d1's check-in (newWorld: the assembly, the
// organization, five persons, two roles, then d1, its mandate submitted
// and verified, and its check-in).
func TestFactEntriesNotCorrected(t *testing.T) {
	w := newWorld(t, 1)
	ann := w.as("ann")
	events := func() (n int) {
		w.state(func(s *assembly.State) { n = s.Events })
		return n
	}
	before := events()
	const want = "entry 12 records who is present (an arrival or a departure, leaving or returning to the hall, a registration), which presence and the quorum count, not text of the minutes: it is neither corrected nor struck out. If it is wrong, record what is so with check_out or check_in, and note the mistake with record_narrative"
	for _, c := range []struct{ cmd, args string }{
		{"strike_record", `{"entry":12,"reason":"test"}`},
		{"correct_record", `{"entry":12,"text":"someone else checked in","reason":"x"}`},
	} {
		r := ann.cmd(c.cmd, c.args)
		p := r.problem()
		if r.status != 409 || p.Code != "conflict" || p.Detail != want {
			t.Errorf("%s %s: %d %+v", c.cmd, c.args, r.status, p)
		}
	}
	if n := events(); n != before {
		t.Fatalf("%d entries recorded", n-before)
	}
	if r := ann.cmd("record_narrative", `{"text":"Entry 12 was mistaken."}`); r.status != 201 || !strings.Contains(string(r.body), `"index"`) {
		t.Fatalf("record_narrative: %d %s", r.status, r.body)
	}
}
