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
type Gate struct {
	slots   chan struct{}
	maxWait time.Duration
	// last is when a request last took or gave back a slot (Unix
	// nanoseconds), for Quiet.
	last atomic.Int64
}

// New returns a gate of n requests at once, each waiting at most maxWait
// for its turn (0: as long as its request lasts); n ≤ 0: nil, no bound.
func New(n int, maxWait time.Duration) *Gate {
	if n <= 0 {
		return nil
	}
	return &Gate{slots: make(chan struct{}, n), maxWait: maxWait}
}

// Enter waits for a slot, in the order of arrival. It returns ctx's error
// if ctx ended first (the server saw the client go away before its turn),
// ErrBusy after maxWait; either way no slot is taken.
func (g *Gate) Enter(ctx context.Context) error {
	if g == nil {
		return nil
	}
	select {
	case g.slots <- struct{}{}:
		g.last.Store(time.Now().UnixNano())
		return nil
	default:
	}
	var timeout <-chan time.Time
	if g.maxWait > 0 {
		t := time.NewTimer(g.maxWait)
		defer t.Stop()
		timeout = t.C
	}
	select {
	case g.slots <- struct{}{}:
		g.last.Store(time.Now().UnixNano())
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-timeout:
		return ErrBusy
	}
}

// Leave gives back the slot Enter took.
func (g *Gate) Leave() {
	if g != nil {
		<-g.slots
		g.last.Store(time.Now().UnixNano())
	}
}

// Quiet reports whether no request has held a slot for at least d:
// nothing has been changed for that long, nor is being changed. A nil
// gate keeps no account, and is never quiet.
func (g *Gate) Quiet(d time.Duration) bool {
	if g == nil || len(g.slots) > 0 {
		return false
	}
	return time.Since(time.Unix(0, g.last.Load())) >= d
}

// InFlight is how many requests hold a slot now.
func (g *Gate) InFlight() int {
	if g == nil {
		return 0
	}
	return len(g.slots)
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
