package engine

import (
	"context"
	"sync"

	"plenum/assembly"
	"plenum/ledger"
)

// feedRing is how many recent events a Feed keeps in memory; a subscriber
// further behind is served from the log.
const feedRing = 1 << 16

// Update is one durable event as subscribers see it.
type Update struct {
	Index   int64
	Type    string
	Actor   string
	Payload []byte // the event's JSON, as in the ledger entry
	Event   assembly.Event
}

// Feed is an assembly's stream of durable events. Subscribers hold only a
// cursor (the last index they have) and wait for the feed to move past it,
// so ten thousand subscribers cost ten thousand cursors, not ten thousand
// queues.
type Feed struct {
	log *ledger.Log

	mu     sync.RWMutex
	ring   []Update // ring[i%feedRing] holds index i, for i in [next-len, next)
	held   int64    // how many of the latest indexes the ring holds
	next   int64    // the index the next event will have
	wake   chan struct{}
	closed bool
}

func newFeed(log *ledger.Log) *Feed {
	return &Feed{log: log, ring: make([]Update, feedRing), wake: make(chan struct{})}
}

// reset empties the ring after a replay; the next event has index next.
// Waiting subscribers wake: events another writer appended (a log that
// moved) are served to them from the log.
func (f *Feed) reset(next int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.next, f.held = next, 0
	if !f.closed {
		close(f.wake)
		f.wake = make(chan struct{})
	}
}

// publish adds durable events, first having index first, and wakes every
// waiting subscriber.
func (f *Feed) publish(first int64, entries []ledger.Entry, events []assembly.Event) {
	f.mu.Lock()
	for i := range entries {
		idx := first + int64(i)
		f.ring[idx%feedRing] = Update{Index: idx, Type: entries[i].Type, Actor: entries[i].Actor, Payload: entries[i].Payload, Event: events[i]}
	}
	f.next = first + int64(len(entries))
	f.held = min(f.held+int64(len(entries)), feedRing)
	close(f.wake)
	f.wake = make(chan struct{})
	f.mu.Unlock()
}

func (f *Feed) close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.closed {
		f.closed = true
		close(f.wake)
	}
}

// Next returns the index the next event will have: the number of durable
// events.
func (f *Feed) Next() int64 {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return f.next
}

// Wait returns up to max events with index ≥ from, waiting until there is
// at least one, ctx ends or the feed closes (then it returns nil, ctx's
// error or ledger.ErrClosed).
func (f *Feed) Wait(ctx context.Context, from int64, max int) ([]Update, error) {
	if from < 0 {
		from = 0
	}
	for {
		f.mu.RLock()
		next, held, wake, closed := f.next, f.held, f.wake, f.closed
		if from < next && from >= next-held {
			n := min(next-from, int64(max))
			out := make([]Update, n)
			for i := range out {
				out[i] = f.ring[(from+int64(i))%feedRing]
			}
			f.mu.RUnlock()
			return out, nil
		}
		f.mu.RUnlock()
		if closed {
			return nil, ledger.ErrClosed
		}
		if from < next {
			return f.fromLog(ctx, from, min(next, from+int64(max)))
		}
		select {
		case <-wake:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// fromLog reads events that have left the ring back from the log.
func (f *Feed) fromLog(ctx context.Context, start, end int64) ([]Update, error) {
	entries, err := f.log.Read(ctx, start, end)
	if err != nil {
		return nil, err
	}
	out := make([]Update, len(entries))
	for i, e := range entries {
		ev, err := assembly.DecodeEvent(e.Type, e.Payload)
		if err != nil {
			return nil, err
		}
		out[i] = Update{Index: e.Index, Type: e.Type, Actor: e.Actor, Payload: e.Payload, Event: ev}
	}
	return out, nil
}
