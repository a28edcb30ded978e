// Package admit bounds how many requests that change something a server
// works on at once; the others wait their turn, parked, first come first
// served, while reads pass at once.
//
// Why: Go's scheduler has no priorities and its run queues are first in,
// first out. Ten thousand ballots arriving together made ten thousand
// handlers runnable at once, each with some 50 µs of work before it
// reached the writer, and a page or state read arriving behind them
// waited for all of it (p99 360–450 ms on a 2-core machine). Parked, a
// waiting ballot costs nothing until its turn, so a read is served within
// milliseconds, while the ballots still reach the writer in batches of up
// to the bound (docs/performance.md has the measures).
package admit

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// Default is the bound plenum serve uses unless told otherwise. Measured
// on 2 CPUs with 10,000 ballots at once and readers fetching every 20 ms
// (GOMAXPROCS 8): at 512 the reads' p99 stayed at 62–100 ms and the
// ballots took 574–659 ms; at 1,024, 58–145 ms and 530–581 ms; at 2,048,
// 130–239 ms and 554–672 ms; at 128 the ballots took 640 ms. Without a
// bound (and GOMAXPROCS 2) 386–486 ms and 445–541 ms.
const Default = 512

// DefaultMaxWait is how long plenum serve lets a request wait for its
// turn before answering that it is busy. A burst of 10,000 ballots at
// once waits under a second at the default bound; a request waiting ten
// is waiting for something stuck (a writer that does not answer, a disk
// that does not sync), and is better told to come back than kept.
const DefaultMaxWait = 10 * time.Second

// ErrBusy is Enter's answer to a request that waited maxWait without a
// slot: nothing of it was done.
var ErrBusy = errors.New("admit: busy: waited too long for a turn; nothing was done")

// Gate admits a bounded number of requests at once. A nil *Gate admits
// all.
//
// Its waiters queue under a mutex in order of arrival, each on a channel
// of its own: a request leaving hands its slot straight to the first of
// them, and one timer for the whole gate turns away those that waited
// maxWait, who are always the first in the queue. A waiter watches two
// channels, its own and its request's context. BenchmarkGateBurst10000:
// 4.1 µs of CPU a request, against 4.6–5.0 when the waiters sent on one
// shared channel of slots, each with a timer of its own, and 1.3–1.9
// with no gate (the goroutines and their work alone).
type Gate struct {
	n       int
	maxWait time.Duration
	// expiry turns away the waiters that have waited maxWait; armed
	// whenever someone waits, to fire by the first waiter's time.
	expiry *time.Timer

	mu   sync.Mutex
	held int // slots held; below n only while nobody waits
	// first and end are the waiters in order of arrival, linked through
	// their next and prev.
	first, end *waiter

	// last is when a request last gave back a slot that nobody waited
	// for (Unix nanoseconds), for Quiet: while no slot is held, the last
	// thing that happened is such a Leave, and while one is, Quiet does
	// not look. Kept there alone rather than at every Enter and Leave,
	// two clock readings a request in a burst.
	last atomic.Int64
}

// waiter is one request waiting for its turn.
type waiter struct {
	// turn receives true with the slot a leaving request hands over, or
	// false once the waiter has waited maxWait; buffered, so that neither
	// sender waits for the waiter to take it.
	turn       chan bool
	since      time.Time // when it began to wait
	prev, next *waiter
	queued     bool // in the gate's queue (under its mutex)
}

// waiters keeps the waiters of past waits, with their channels, for the
// next: a burst's requests wait one after another.
var waiters = sync.Pool{New: func() any { return &waiter{turn: make(chan bool, 1)} }}

// New returns a gate of n requests at once, each waiting at most maxWait
// for its turn (0: as long as its request lasts); n ≤ 0: nil, no bound.
func New(n int, maxWait time.Duration) *Gate {
	if n <= 0 {
		return nil
	}
	g := &Gate{n: n, maxWait: maxWait}
	if maxWait > 0 {
		g.expiry = time.AfterFunc(time.Hour, g.expire)
		g.expiry.Stop()
	}
	return g
}

// Enter waits for a slot, in the order of arrival. It returns ctx's error
// if ctx ended first (the server saw the client go away before its turn),
// ErrBusy after maxWait; either way no slot is taken.
func (g *Gate) Enter(ctx context.Context) error {
	if g == nil {
		return nil
	}
	g.mu.Lock()
	if g.held < g.n {
		g.held++
		g.mu.Unlock()
		return nil
	}
	w := waiters.Get().(*waiter)
	if g.maxWait > 0 {
		w.since = time.Now()
		if g.first == nil {
			g.expiry.Reset(g.maxWait)
		}
	}
	g.push(w)
	g.mu.Unlock()

	select {
	case admitted := <-w.turn:
		waiters.Put(w)
		if !admitted {
			return ErrBusy
		}
		return nil
	case <-ctx.Done():
	}
	g.mu.Lock()
	if w.queued {
		g.remove(w)
		g.mu.Unlock()
		waiters.Put(w)
		return ctx.Err()
	}
	g.mu.Unlock()
	// Its turn came, or its time ran out, as it gave up: a slot handed
	// over is this request's, to pass on.
	if <-w.turn {
		g.Leave()
	}
	waiters.Put(w)
	return ctx.Err()
}

// Leave gives back the slot Enter took: to the first waiter if any.
func (g *Gate) Leave() {
	if g == nil {
		return
	}
	g.mu.Lock()
	w := g.first
	if w != nil {
		g.remove(w)
	} else {
		g.held--
		// Under mu, so that Quiet, seeing no slot held, sees when.
		g.last.Store(time.Now().UnixNano())
	}
	g.mu.Unlock()
	if w != nil {
		w.turn <- true
	}
}

// expire turns away the waiters that have waited maxWait, first in the
// queue since it is in order of arrival, and arms the timer again for
// the first of those left.
func (g *Gate) expire() {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := time.Now()
	for w := g.first; w != nil; w = g.first {
		if left := g.maxWait - now.Sub(w.since); left > 0 {
			g.expiry.Reset(left)
			return
		}
		g.remove(w)
		w.turn <- false
	}
}

// push puts w last in the queue; g.mu is held.
func (g *Gate) push(w *waiter) {
	w.prev, w.next, w.queued = g.end, nil, true
	if g.end != nil {
		g.end.next = w
	} else {
		g.first = w
	}
	g.end = w
}

// remove takes w out of the queue; g.mu is held.
func (g *Gate) remove(w *waiter) {
	if w.prev != nil {
		w.prev.next = w.next
	} else {
		g.first = w.next
	}
	if w.next != nil {
		w.next.prev = w.prev
	} else {
		g.end = w.prev
	}
	w.prev, w.next, w.queued = nil, nil, false
}

// Quiet reports whether no request has held a slot for at least d:
// nothing has been changed for that long, nor is being changed. A nil
// gate keeps no account, and is never quiet.
func (g *Gate) Quiet(d time.Duration) bool {
	if g == nil || g.InFlight() > 0 {
		return false
	}
	return time.Since(time.Unix(0, g.last.Load())) >= d
}

// InFlight is how many requests hold a slot now.
func (g *Gate) InFlight() int {
	if g == nil {
		return 0
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.held
}

// Wrap returns h with every request that may change something (any
// method but GET, HEAD and OPTIONS: commands, ballots, logins, forms)
// admitted through g first; reads, event streams included, pass at once.
// A request whose context ends while it waits gets no answer and reaches
// h not at all; one that waited maxWait is answered by busy (nil: 503,
// Retry-After 1, plain text), and does not reach h either. The slot is
// given back when h returns, or earlier by Release.
func (g *Gate) Wrap(h http.Handler, busy http.Handler) http.Handler {
	if g == nil {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			h.ServeHTTP(w, r)
			return
		}
		switch err := g.Enter(r.Context()); {
		case errors.Is(err, ErrBusy):
			if busy == nil {
				w.Header().Set("Retry-After", "1")
				http.Error(w, "the server is busy; nothing was done: try again in a moment", http.StatusServiceUnavailable)
				return
			}
			busy.ServeHTTP(w, r)
			return
		case err != nil:
			return
		}
		s := &slot{Context: r.Context(), g: g}
		defer s.release()
		h.ServeHTTP(w, r.WithContext(s))
	})
}

// slot is the slot a request admitted by Wrap holds, given back once; it
// is the request's context with the slot in it (Value(slotKey{})), one
// allocation where context.WithValue and a slot of its own were two.
type slot struct {
	context.Context
	g    *Gate
	done atomic.Bool
}

func (s *slot) release() {
	if s.done.CompareAndSwap(false, true) {
		s.g.Leave()
	}
}

// Value is the context's Value, with the slot under slotKey{}.
func (s *slot) Value(key any) any {
	if key == (slotKey{}) {
		return s
	}
	return s.Context.Value(key)
}

type slotKey struct{}

// Release gives back, before its handler returns, the slot of the
// request whose context is ctx, if Wrap admitted it (else it does
// nothing). For a handler that goes on to wait for something that is not
// this server's work — a command forwarded to the node that writes the
// assembly — so that its slot serves others meanwhile, and two nodes
// forwarding to each other while both are full cannot hold each other's
// slots.
func Release(ctx context.Context) {
	if s, _ := ctx.Value(slotKey{}).(*slot); s != nil {
		s.release()
	}
}
