package engine

import (
	"context"
	"sync"

	"plenum/assembly"
	"plenum/ledger"
)

// feedRing is how many recent events a Feed keeps in memory, at most; a
// subscriber further behind is served from the log. The ring grows to it
// as events come (from minRing), so an assembly with few events costs
// little: a server holds many.
const (
	feedRing = 1 << 16
	minRing  = 1 << 8
)

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
	ring   []Update // ring[i%len(ring)] holds index i, for i in [next-held, next); len a power of two
	held   int64    // how many of the latest indexes the ring holds
	next   int64    // the index the next event will have
	wake   chan struct{}
	closed bool
}

func newFeed(log *ledger.Log) *Feed {
	return &Feed{log: log, wake: make(chan struct{})}
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
	f.grow(f.held + int64(len(entries)))
	size := int64(len(f.ring))
	for i := range entries {
		idx := first + int64(i)
		f.ring[idx%size] = Update{Index: idx, Type: entries[i].Type, Actor: entries[i].Actor, Payload: entries[i].Payload, Event: events[i]}
	}
	f.next = first + int64(len(entries))
	f.held = min(f.held+int64(len(entries)), size)
	close(f.wake)
	f.wake = make(chan struct{})
	f.mu.Unlock()
}

// grow makes the ring hold want events, up to feedRing, keeping those it
// holds. The caller holds f.mu for writing.
func (f *Feed) grow(want int64) {
	size := int64(len(f.ring))
	if want <= size || size >= feedRing {
		return
	}
	n := max(size, minRing)
	for n < want && n < feedRing {
		n *= 2
	}
	ring := make([]Update, n)
	for i := f.next - f.held; i < f.next; i++ {
		ring[i%n] = f.ring[i%size]
	}
	f.ring = ring
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
				out[i] = f.ring[(from+int64(i))%int64(len(f.ring))]
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
