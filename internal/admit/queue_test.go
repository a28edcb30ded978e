package admit

import (
	"context"
	"errors"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// waiting is how many requests wait in g's queue.
func (g *Gate) waiting() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	n := 0
	for w := g.first; w != nil; w = w.next {
		n++
	}
	return n
}

// Requests are admitted in the order they began to wait.
func TestGateFirstComeFirstServed(t *testing.T) {
	g := New(1, time.Minute)
	if err := g.Enter(context.Background()); err != nil {
		t.Fatal(err)
	}
	const n = 20
	order := make(chan int, n)
	for i := range n {
		go func() {
			if err := g.Enter(context.Background()); err != nil {
				t.Error(err)
				return
			}
			order <- i
		}()
		waitFor(t, func() bool { return g.waiting() == i+1 })
	}
	for want := range n {
		g.Leave()
		if got := <-order; got != want {
			t.Fatalf("admitted %d, want %d (the next in order of arrival)", got, want)
		}
	}
	g.Leave()
	if g.InFlight() != 0 || g.waiting() != 0 {
		t.Fatalf("in flight %d, waiting %d at the end, want 0 and 0", g.InFlight(), g.waiting())
	}
}

// The gate's one timer turns away each waiter when it has waited maxWait,
// and not one that has waited less.
func TestGateTurnsAwayOnlyThoseWhoWaitedTheirTime(t *testing.T) {
	const wait = 300 * time.Millisecond // wide: the second waiter's time must not run out while the test looks
	g := New(1, wait)
	if err := g.Enter(context.Background()); err != nil {
		t.Fatal(err)
	}
	type result struct {
		err    error
		waited time.Duration
	}
	enter := func() <-chan result {
		c := make(chan result, 1)
		go func() {
			t0 := time.Now()
			err := g.Enter(context.Background())
			c <- result{err, time.Since(t0)}
		}()
		return c
	}
	first := enter()
	waitFor(t, func() bool { return g.waiting() == 1 })
	time.Sleep(wait / 2)
	second := enter()
	waitFor(t, func() bool { return g.waiting() == 2 })

	r := <-first
	if !errors.Is(r.err, ErrBusy) || r.waited < wait {
		t.Fatalf("the first waiter: %v after %v, want ErrBusy after %v", r.err, r.waited, wait)
	}
	select {
	case r := <-second:
		t.Fatalf("the second waiter was answered (%v) with the first, before its own time", r.err)
	default:
	}
	g.Leave()
	if r := <-second; r.err != nil {
		t.Fatalf("the second waiter was not given the slot handed back before its time: %v", r.err)
	}
	g.Leave()
	// A waiter after the queue emptied gets its full time again.
	if err := g.Enter(context.Background()); err != nil {
		t.Fatal(err)
	}
	if r := <-enter(); !errors.Is(r.err, ErrBusy) || r.waited < wait {
		t.Fatalf("a later waiter: %v after %v, want ErrBusy after %v", r.err, r.waited, wait)
	}
	if g.InFlight() != 1 || g.waiting() != 0 {
		t.Fatalf("in flight %d, waiting %d, want 1 and 0", g.InFlight(), g.waiting())
	}
}

// Many requests entering, leaving, giving up and timing out at once: never
// more than n inside, every slot given back, nobody left waiting.
func TestGateUnderChurn(t *testing.T) {
	const n, requests = 4, 2000
	g := New(n, 3*time.Millisecond)
	var inside, most atomic.Int32
	var admitted, busy, gaveUp atomic.Int32
	var wg sync.WaitGroup
	for i := range requests {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx := context.Background()
			if i%3 == 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, time.Duration(rand.IntN(2000))*time.Microsecond)
				defer cancel()
			}
			switch err := g.Enter(ctx); {
			case err == nil:
				admitted.Add(1)
				k := inside.Add(1)
				for m := most.Load(); k > m && !most.CompareAndSwap(m, k); m = most.Load() {
				}
				time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
				inside.Add(-1)
				g.Leave()
			case errors.Is(err, ErrBusy):
				busy.Add(1)
			case errors.Is(err, context.DeadlineExceeded):
				gaveUp.Add(1)
			default:
				t.Errorf("Enter: %v", err)
			}
		}()
	}
	wg.Wait()
	if m := most.Load(); m > n {
		t.Fatalf("%d inside at once through a gate of %d", m, n)
	}
	if got := admitted.Load() + busy.Load() + gaveUp.Load(); got != requests {
		t.Fatalf("%d requests accounted for, want %d", got, requests)
	}
	if g.InFlight() != 0 || g.waiting() != 0 {
		t.Fatalf("in flight %d, waiting %d after all ended, want 0 and 0", g.InFlight(), g.waiting())
	}
	if err := g.Enter(context.Background()); err != nil {
		t.Fatalf("the gate refused after the churn: %v", err)
	}
	t.Logf("%d admitted, %d busy, %d gave up", admitted.Load(), busy.Load(), gaveUp.Load())
}
