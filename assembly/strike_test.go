package assembly

import (
	"fmt"
	"testing"
)

// TestStrikeRecord: notes entered twice are struck out, with the reason;
// the log keeps them, the state marks them struck, and what may not be
// struck — a count, an entry struck already, a strike, by one who is no
// secretary or chair, an entry not yet written — is refused and changes
// nothing.
func TestStrikeRecord(t *testing.T) {
	h := countsRecorded(t)
	once := h.s.Events
	h.must("ben", "record_speech", `{"id":"sp2","speaker":"m2","notes":"Against the budget."}`)
	twice := h.s.Events
	h.must("ben", "record_speech", `{"id":"sp3","speaker":"m2","notes":"Against the budget."}`)

	unchanged := func(what string, f func()) {
		t.Helper()
		events, record := h.s.Events, len(h.s.Record)
		f()
		if h.s.Events != events || len(h.s.Record) != record {
			t.Fatalf("%s changed the record", what)
		}
	}
	unchanged("a delegate's strike", func() {
		h.refuse("m1", "strike_record", fmt.Sprintf(`{"entry":%d,"reason":"twice"}`, twice), ErrForbidden, "only a secretary or the chair strikes an entry out of the minutes")
	})
	unchanged("a strike of an entry not written", func() {
		h.refuse("ben", "strike_record", fmt.Sprintf(`{"entry":%d,"reason":"twice"}`, h.s.Events+5), ErrNotFound, fmt.Sprintf("there is no entry %d yet; the log has %d entries", h.s.Events+5, h.s.Events))
	})
	unchanged("a strike without a reason", func() {
		if err := h.do("ben", "strike_record", fmt.Sprintf(`{"entry":%d}`, twice)); CodeOf(err) != ErrInvalid {
			t.Fatalf("a strike without a reason: %v, want %s", err, ErrInvalid)
		}
	})

	strike := h.s.Events
	h.must("ben", "strike_record", fmt.Sprintf(`{"entry":%d,"reason":"entered twice"}`, twice))
	if by, ok := h.s.StruckBy(twice); !ok || by != strike {
		t.Fatalf("entry %d: struck by %d (%v), want %d", twice, by, ok, strike)
	}
	if _, ok := h.s.StruckBy(once); ok {
		t.Fatalf("entry %d, the first of the two, is marked struck", once)
	}
	if r := h.s.Record[len(h.s.Record)-1]; r.Kind != "record_struck" || r.Ref != fmt.Sprint(twice) || r.Label != "entered twice" || r.Actor != "ben" {
		t.Fatalf("the strike's entry: %+v", r)
	}
	if h.s.Speeches["sp3"] == nil {
		t.Fatal("the struck speech left the state: the log keeps it")
	}

	unchanged("a second strike", func() {
		h.refuse("ann", "strike_record", fmt.Sprintf(`{"entry":%d,"reason":"again"}`, twice), ErrConflict, fmt.Sprintf("entry %d was struck out already (entry %d)", twice, strike))
	})
	unchanged("a correction of a struck entry", func() {
		h.refuse("ben", "correct_record", fmt.Sprintf(`{"entry":%d,"text":"x","reason":"y"}`, twice), ErrConflict, fmt.Sprintf("entry %d was struck out of the minutes (entry %d); a struck entry is not corrected", twice, strike))
	})
	unchanged("a strike of a strike", func() {
		h.refuse("ben", "strike_record", fmt.Sprintf(`{"entry":%d,"reason":"mistaken"}`, strike), ErrConflict, fmt.Sprintf("entry %d strikes out another entry; a strike is not struck out: say what was mistaken with record_narrative", strike))
	})
	// The first of the two stands, and is corrected as any entry is.
	h.must("ben", "correct_record", fmt.Sprintf(`{"entry":%d,"text":"Against the budget, for a smaller one.","reason":"incomplete"}`, once))
}
