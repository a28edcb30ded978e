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
	"net/http"
)

// Default is the bound plenum serve uses unless told otherwise. Measured
// on 2 CPUs with 10,000 ballots at once and readers fetching every 20 ms
// (GOMAXPROCS 8): at 512 the reads' p99 stayed at 62–100 ms and the
// ballots took 574–659 ms; at 1,024, 58–145 ms and 530–581 ms; at 2,048,
// 130–239 ms and 554–672 ms; at 128 the ballots took 640 ms. Without a
// bound (and GOMAXPROCS 2) 386–486 ms and 445–541 ms.
const Default = 512

// Gate admits a bounded number of requests at once. A nil *Gate admits
// all.
type Gate struct {
	slots chan struct{}
}

// New returns a gate of n requests at once; n ≤ 0: nil, no bound.
func New(n int) *Gate {
	if n <= 0 {
		return nil
	}
	return &Gate{slots: make(chan struct{}, n)}
}

// Enter waits for a slot, in the order of arrival; false if ctx ended
// first (the server saw the client go away before its turn).
func (g *Gate) Enter(ctx context.Context) bool {
	if g == nil {
		return true
	}
	select {
	case g.slots <- struct{}{}:
		return true
	default:
	}
	select {
	case g.slots <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

// Leave gives back the slot Enter took.
func (g *Gate) Leave() {
	if g != nil {
		<-g.slots
	}
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
// admitted through g first, unless exempt (nil: none) says it passes;
// reads, event streams included, pass at once. A request whose context
// ends while it waits gets no answer and reaches h not at all. (Over
// HTTP/1.1 the server notices a client gone only once it has read the
// request's body, so one that leaves while its command waits may still
// be decided, as it may be without the gate: retried with its
// idempotency key, it is answered from the record.)
func (g *Gate) Wrap(h http.Handler, exempt func(*http.Request) bool) http.Handler {
	if g == nil {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			h.ServeHTTP(w, r)
			return
		}
		if exempt != nil && exempt(r) {
			h.ServeHTTP(w, r)
			return
		}
		if !g.Enter(r.Context()) {
			return
		}
		defer g.Leave()
		h.ServeHTTP(w, r)
	})
}
