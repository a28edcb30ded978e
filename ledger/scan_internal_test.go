package ledger

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"
	"unsafe"
)

// TestDecodeEntryReusesRecent checks that decoding with the previous
// entry's actor, type and time at hand gives what DecodeEntry gives,
// reusing the strings that repeat (the same memory, not a new copy) and
// taking up those that change, escaped ones included, and times that
// repeat, change, or differ only in their last digit or length.
func TestDecodeEntryReusesRecent(t *testing.T) {
	at := time.Date(2026, 3, 27, 12, 0, 0, 0, time.UTC)
	actors := []string{"chair", "chair", "delegate-1", "delegate-1", `a "quoted" one`, `a "quoted" one`, "chair", "", ""}
	types := []string{"ballot.cast", "ballot.cast", "ballot.cast", "vote.closed", "vote.closed", "sitting.opened", "sitting.opened", "x", "x"}
	times := []time.Time{at, at, at.Add(time.Nanosecond), at.Add(2 * time.Nanosecond), at.Add(20 * time.Nanosecond), at.Add(time.Second), at.Add(time.Second), at.AddDate(1, 0, 0), at}
	var r recent
	var prev Entry
	for i := range actors {
		data, _, err := EncodeEntry(Entry{Index: int64(i), Time: times[i], Actor: actors[i], Type: types[i], Payload: json.RawMessage(fmt.Sprintf(`{"n":%d}`, i))})
		if err != nil {
			t.Fatal(err)
		}
		want, _, err := DecodeEntry(data)
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := decodeEntry(data, &r)
		if err != nil {
			t.Fatal(err)
		}
		if got.Actor != want.Actor || got.Type != want.Type || got.Index != want.Index || got.Time != want.Time || !got.Time.Equal(times[i]) || string(got.Payload) != string(want.Payload) {
			t.Fatalf("entry %d: decoded %+v, want %+v", i, got, want)
		}
		same := func(a, b string) bool { return len(a) > 0 && unsafe.StringData(a) == unsafe.StringData(b) }
		if i > 0 && actors[i] == actors[i-1] && actors[i] != "" && actors[i] != `a "quoted" one` && !same(got.Actor, prev.Actor) {
			t.Errorf("entry %d: the actor %q was copied again", i, got.Actor)
		}
		if i > 0 && types[i] == types[i-1] && !same(got.Type, prev.Type) {
			t.Errorf("entry %d: the type %q was copied again", i, got.Type)
		}
		prev = got
	}
}
