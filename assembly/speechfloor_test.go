package assembly

import (
	"fmt"
	"testing"
)

// TestSpeechNamesItsFloorTurn: notes of a speech written up after the
// fact may name the floor turn they belong to (record_speech's floor, the
// turn's entry); the speech keeps it for the minutes. An entry that gave
// no floor, or a turn of another speaker, is refused.
func TestSpeechNamesItsFloorTurn(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("ann", "give_floor", `{"item":"i1","person":"m1"}`)
	turn := h.s.Record[len(h.s.Record)-1]
	if turn.Kind != "floor_given" {
		t.Fatalf("the last entry is %s, not the floor given", turn.Kind)
	}
	h.must("ann", "end_speech", `{"item":"i1"}`)
	h.must("ben", "record_narrative", `{"text":"Discussion closed."}`)
	other := h.s.Record[len(h.s.Record)-1].Entry
	h.refuse("ben", "record_speech", fmt.Sprintf(`{"id":"sp0","speaker":"m1","notes":"x","floor":%d}`, other), ErrNotFound,
		fmt.Sprintf("entry %d of the record is no floor turn", other))
	h.refuse("ben", "record_speech", fmt.Sprintf(`{"id":"sp0","speaker":"m2","notes":"x","floor":%d}`, turn.Entry), ErrConflict,
		fmt.Sprintf("the floor turn at entry %d is another speaker's", turn.Entry))
	h.must("ben", "record_speech", fmt.Sprintf(`{"id":"sp1","speaker":"m1","notes":"Speaks for the budget.","floor":%d}`, turn.Entry))
	if got := h.s.Speeches["sp1"].Floor; got != turn.Entry {
		t.Errorf("the speech's floor turn is %d, want %d", got, turn.Entry)
	}
	h.must("ben", "record_speech", fmt.Sprintf(`{"id":"sp3","notes":"Answers.","floor":%d}`, turn.Entry))
	if got := h.s.Speeches["sp3"].Speaker; got != "m1" {
		t.Errorf("notes naming the turn and no speaker are %q's, want the turn's speaker m1", got)
	}
	h.must("ben", "record_speech", `{"id":"sp2","speaker":"m1","notes":"Speaks again."}`)
	if got := h.s.Speeches["sp2"].Floor; got != 0 {
		t.Errorf("a speech naming no turn has the turn %d", got)
	}
}
