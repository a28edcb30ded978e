package engine

import (
	"context"
	"encoding/json"
	"testing"

	"plenum/assembly"
	"plenum/ledger"
)

// TestFeedRingGrows: a feed holds little until events come, grows its
// ring as they do (up to feedRing), and keeps serving every event it
// holds, in order, across the growth.
func TestFeedRingGrows(t *testing.T) {
	f := newFeed(nil)
	if len(f.ring) != 0 {
		t.Fatalf("a new feed holds a ring of %d", len(f.ring))
	}
	next := int64(0)
	for _, n := range []int{1, 3, 200, 60, 1000, 5000, 70000, 7} {
		entries := make([]ledger.Entry, n)
		events := make([]assembly.Event, n)
		for i := range entries {
			entries[i] = ledger.Entry{Type: "x", Payload: json.RawMessage(`{}`)}
		}
		f.publish(next, entries, events)
		next += int64(n)
		size := int64(len(f.ring))
		if size > feedRing || size&(size-1) != 0 || f.held != min(next, size) {
			t.Fatalf("after %d events: ring %d, holding %d", next, size, f.held)
		}
		for _, from := range []int64{next - f.held, next - (f.held+1)/2, next - 1} {
			ups, err := f.Wait(context.Background(), from, 1<<20)
			if err != nil || int64(len(ups)) != next-from {
				t.Fatalf("after %d events, from %d: %d updates, %v", next, from, len(ups), err)
			}
			for i, u := range ups {
				if u.Index != from+int64(i) {
					t.Fatalf("after %d events, from %d: update %d has index %d", next, from, i, u.Index)
				}
			}
		}
	}
	if len(f.ring) != feedRing {
		t.Fatalf("the ring stopped at %d, want %d", len(f.ring), feedRing)
	}
}
