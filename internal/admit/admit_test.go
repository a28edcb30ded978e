package admit

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestGateBounds(t *testing.T) {
	g := New(2, 0)
	ctx := context.Background()
	if g.Enter(ctx) != nil || g.Enter(ctx) != nil {
		t.Fatal("a gate of 2 refused one of the first two")
	}
	if g.InFlight() != 2 {
		t.Fatalf("in flight %d, want 2", g.InFlight())
	}
	third := make(chan error)
	go func() { third <- g.Enter(ctx) }()
	select {
	case <-third:
		t.Fatal("a third entered a full gate of 2")
	case <-time.After(50 * time.Millisecond):
	}
	g.Leave()
	if err := <-third; err != nil {
		t.Fatalf("the third was not admitted once a slot was given back: %v", err)
	}
	g.Leave()
	g.Leave()
	if g.InFlight() != 0 {
		t.Fatalf("in flight %d after all left, want 0", g.InFlight())
	}
}

// A request whose client leaves while it waits takes no slot.
func TestGateGivesUp(t *testing.T) {
	g := New(1, 30*time.Millisecond)
	if err := g.Enter(context.Background()); err != nil {
		t.Fatalf("an empty gate refused: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if err := g.Enter(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("entering a full gate until the request ended: %v, want its context's error", err)
	}
	t0 := time.Now()
	if err := g.Enter(context.Background()); !errors.Is(err, ErrBusy) {
		t.Fatalf("entering a full gate for longer than its wait: %v, want ErrBusy", err)
	} else if d := time.Since(t0); d < 30*time.Millisecond {
		t.Fatalf("ErrBusy after %v, before the 30 ms wait", d)
	}
	if g.InFlight() != 1 {
		t.Fatalf("in flight %d after two gave up, want 1", g.InFlight())
	}
	g.Leave()
	if err := g.Enter(context.Background()); err != nil {
		t.Fatalf("the slot given back was not free: %v", err)
	}
}

func TestNoBound(t *testing.T) {
	for _, n := range []int{0, -1} {
		g := New(n, time.Second)
		if g != nil {
			t.Fatalf("New(%d) = %v, want nil (no bound)", n, g)
		}
		for range 10 {
			if err := g.Enter(context.Background()); err != nil {
				t.Fatalf("a nil gate refused: %v", err)
			}
		}
		g.Leave()
		h := http.NotFoundHandler()
		if got := g.Wrap(h, nil); got == nil {
			t.Fatal("a nil gate's Wrap returned nil")
		}
	}
}

// While the gate is full, reads pass, a change waits for its turn, and
// one whose client leaves never reaches the handler.
func TestWrap(t *testing.T) {
	g := New(1, 0)
	release := make(chan struct{})
	var reached atomic.Int32
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached.Add(1)
		if r.URL.Path == "/hold" {
			<-release
		}
		w.Write([]byte("done " + r.Method))
	})
	srv := httptest.NewServer(g.Wrap(h, nil))
	defer srv.Close()

	var held sync.WaitGroup
	held.Add(1)
	go func() {
		defer held.Done()
		res, err := http.Post(srv.URL+"/hold", "text/plain", nil)
		if err == nil {
			res.Body.Close()
		}
	}()
	waitFor(t, func() bool { return g.InFlight() == 1 })

	for _, m := range []string{"GET", "HEAD", "OPTIONS"} {
		req, _ := http.NewRequest(m, srv.URL+"/page", nil)
		if res := do(t, req, time.Second); res.StatusCode != 200 {
			t.Fatalf("%s while full: %d", m, res.StatusCode)
		}
	}

	// A POST whose request ends while it waits is never handled (as
	// the server sees a client that went away, once it sees it).
	before := reached.Load()
	ctx, cancel := context.WithCancel(context.Background())
	gone := httptest.NewRequestWithContext(ctx, "POST", "/cmd", strings.NewReader("{}"))
	rec := httptest.NewRecorder()
	done := make(chan struct{})
	go func() { g.Wrap(h, nil).ServeHTTP(rec, gone); close(done) }()
	time.Sleep(20 * time.Millisecond)
	cancel()
	<-done
	if reached.Load() != before {
		t.Fatal("a request that ended while waiting reached the handler")
	}

	// A POST that waits is handled once the slot is given back.
	answered := make(chan *http.Response, 1)
	go func() {
		req, _ := http.NewRequest("POST", srv.URL+"/cmd", strings.NewReader("{}"))
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Error(err)
			close(answered)
			return
		}
		answered <- res
	}()
	select {
	case <-answered:
		t.Fatal("a POST passed a full gate")
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	held.Wait()
	res, ok := <-answered
	if !ok || res.StatusCode != 200 {
		t.Fatalf("the waiting POST after the slot was freed: %v", res)
	}
	res.Body.Close()
	if got := reached.Load() - before; got != 1 {
		t.Fatalf("the handler was reached %d times after the abandoned request, want 1 (the one that waited)", got)
	}
	if g.InFlight() != 0 {
		t.Fatalf("in flight %d at the end, want 0", g.InFlight())
	}
}

func do(t *testing.T, req *http.Request, d time.Duration) *http.Response {
	t.Helper()
	c := &http.Client{Timeout: d}
	res, err := c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	res.Body.Close()
	return res
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !ok(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
	}
}

// A change that waited its longest is answered busy (by busy, or a plain
// 503 with Retry-After), and never reaches the handler.
func TestWrapBusy(t *testing.T) {
	g := New(1, 20*time.Millisecond)
	if err := g.Enter(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer g.Leave()
	var reached atomic.Int32
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { reached.Add(1) })
	rec := httptest.NewRecorder()
	g.Wrap(h, nil).ServeHTTP(rec, httptest.NewRequest("POST", "/api/assemblies/a/commands", strings.NewReader("{}")))
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") != "1" || !strings.Contains(rec.Body.String(), "nothing was done") {
		t.Fatalf("busy without a handler: %d %q %q", rec.Code, rec.Header(), rec.Body)
	}
	busy := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusTeapot) })
	rec = httptest.NewRecorder()
	g.Wrap(h, busy).ServeHTTP(rec, httptest.NewRequest("POST", "/x", nil))
	if rec.Code != http.StatusTeapot {
		t.Fatalf("busy handler not used: %d", rec.Code)
	}
	if reached.Load() != 0 {
		t.Fatal("a request answered busy reached the handler")
	}
}

// A handler that releases its slot early (to wait for another node) lets
// the next change in while it still runs, and gives the slot back once.
func TestRelease(t *testing.T) {
	g := New(1, 0)
	released, finish := make(chan struct{}), make(chan struct{})
	var second atomic.Bool
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/forward" {
			Release(r.Context())
			Release(r.Context()) // twice: still one slot given back
			close(released)
			<-finish
			return
		}
		second.Store(true)
	})
	wrapped := g.Wrap(h, nil)
	done := make(chan struct{})
	go func() {
		wrapped.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("POST", "/forward", nil))
		close(done)
	}()
	<-released
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	wrapped.ServeHTTP(httptest.NewRecorder(), httptest.NewRequestWithContext(ctx, "POST", "/cmd", nil))
	if !second.Load() {
		t.Fatal("the next change did not pass while the first, released, still ran")
	}
	close(finish)
	<-done
	if g.InFlight() != 0 {
		t.Fatalf("in flight %d at the end, want 0 (a released slot given back twice?)", g.InFlight())
	}
	Release(context.Background()) // no slot: nothing
}

// Quiet is true only when no request holds a slot and none has taken or
// given one back for the time asked.
func TestQuiet(t *testing.T) {
	g := New(2, 0)
	if !g.Quiet(time.Hour) {
		t.Error("a gate nobody entered is not quiet")
	}
	if err := g.Enter(context.Background()); err != nil {
		t.Fatal(err)
	}
	if g.Quiet(0) {
		t.Error("quiet while a request holds a slot")
	}
	g.Leave()
	if g.Quiet(time.Hour) {
		t.Error("quiet for an hour a moment after a request left")
	}
	time.Sleep(30 * time.Millisecond)
	if !g.Quiet(20 * time.Millisecond) {
		t.Error("not quiet 30 ms after the last request left")
	}
	// A slot handed to a waiter is held all along, and the quiet time
	// runs from when the waiter gives it back, not from the hand-over.
	g2 := New(1, 0)
	if err := g2.Enter(context.Background()); err != nil {
		t.Fatal(err)
	}
	entered := make(chan error)
	go func() { entered <- g2.Enter(context.Background()) }()
	for g2.waiting() == 0 {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond)
	g2.Leave()
	if err := <-entered; err != nil {
		t.Fatal(err)
	}
	if g2.Quiet(0) {
		t.Error("quiet while the waiter holds the slot handed over")
	}
	time.Sleep(200 * time.Millisecond)
	g2.Leave()
	// Margins of 150 ms, so that a loaded machine pausing the test does
	// not make it fail.
	if g2.Quiet(150 * time.Millisecond) {
		t.Error("quiet for 150 ms a moment after the waiter left (counted from the hand-over?)")
	}
	time.Sleep(200 * time.Millisecond)
	if !g2.Quiet(150 * time.Millisecond) {
		t.Error("not quiet 200 ms after the waiter left")
	}

	var none *Gate
	if none.Quiet(0) {
		t.Error("a nil gate (no account kept) says it is quiet")
	}
}
