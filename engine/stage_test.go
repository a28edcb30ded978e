package engine

import (
	"testing"
	"time"

	"plenum/assembly"
	"plenum/ledger"
)

// TestStageTakesBackARefusedCommand: a command whose second event cannot
// be encoded leaves the batch's staged entries as they were (stage
// stages in place and must take its first event back).
func TestStageTakesBackARefusedCommand(t *testing.T) {
	a := &Assembly{id: "coop", state: assembly.NewState()}
	before := ledger.Entry{Actor: "d0", Type: "ballot_cast", Payload: []byte(`{}`)}
	st := &staging{entries: []ledger.Entry{before}}
	ok := assembly.BallotCast{Meta: assembly.Meta{Assembly: "coop", Actor: "d1", At: time.Date(2026, 5, 9, 10, 0, 0, 0, time.UTC)}, Vote: "v1", Voter: "d1"}
	bad := ok
	bad.At = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := a.stage([]assembly.Event{ok, bad}, st); err == nil {
		t.Fatal("staged an event json cannot encode")
	}
	if len(st.entries) != 1 || st.entries[0].Actor != before.Actor || len(st.events) != 0 {
		t.Fatalf("staged %d entries, %d events after the refusal; want the 1 before, 0", len(st.entries), len(st.events))
	}
	if e := st.entries[:2][1]; e.Payload != nil || e.Actor != "" {
		t.Fatalf("the refused event's entry is left in the batch's array: %+v", e)
	}
}
