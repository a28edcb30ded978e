package assembly

import (
	"testing"
	"time"
)

// TestEmptyRollCallIsACountOfNone: a roll call closed with no ballot cast
// is counted, none cast, and the rules decide: no majority of none, the
// motion is defeated; declaring it carried is refused and changes
// nothing. A result declared before, when such a roll call was
// uncounted and the chair's outcome stood, is replayed as recorded: its
// event holds the result, which Apply does not decide again.
func TestEmptyRollCallIsACountOfNone(t *testing.T) {
	open := func(h *harness) {
		h.must("m1", "move_motion", `{"id":"mo","kind":"substantive","title":"Adjourn"}`)
		h.must("ann", "open_vote", `{"id":"v1","motion":"mo","method":"roll_call"}`)
		h.must("ann", "close_vote", `{"vote":"v1"}`)
	}
	h := fixture(t, "congress", "")
	open(h)
	h.refuse("ann", "declare_result", `{"vote":"v1","outcome":"carried"}`, ErrConflict, "the count (0 for, 0 against, 0 cast; 1 needed) means the motion is defeated; it cannot be declared carried")
	h.must("ann", "declare_result", `{"vote":"v1"}`)
	if r := h.s.Votes["v1"].Result; r.Outcome != MotionStatusDefeated || r.Arithmetic != "0 for, 0 against, 0 cast; 1 needed; defeated" || h.s.Motions["mo"].Status != MotionStatusDefeated {
		t.Fatalf("the empty roll call: %+v, the motion %s", r, h.s.Motions["mo"].Status)
	}

	// A log written before: the chair declared the empty roll call carried.
	old := fixture(t, "congress", "")
	open(old)
	recorded := ResultDeclared{Meta: Meta{Assembly: old.s.Assembly.ID, Actor: "ann", At: time.Date(2026, 5, 9, 12, 0, 0, 0, time.UTC)}, Vote: "v1",
		Result: Result{Outcome: MotionStatusCarried, Arithmetic: "no count recorded; declared carried"}}
	if err := old.s.Apply(recorded); err != nil {
		t.Fatal(err)
	}
	if r := old.s.Votes["v1"].Result; r.Outcome != MotionStatusCarried || r.Arithmetic != "no count recorded; declared carried" || old.s.Motions["mo"].Status != MotionStatusCarried {
		t.Fatalf("the recorded declaration replays as %+v, the motion %s", r, old.s.Motions["mo"].Status)
	}
}
