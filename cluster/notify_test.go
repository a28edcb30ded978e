package cluster

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"plenum/fault"
)

// heard is what a test's Listener delivered, in order.
type heard struct {
	mu     sync.Mutex
	grown  []Growth
	gaps   []map[string]int64
	signal chan struct{}
}

func newHeard() *heard { return &heard{signal: make(chan struct{}, 1000)} }

func (h *heard) handler() Handler {
	return Handler{
		Grown: func(g Growth) {
			h.mu.Lock()
			h.grown = append(h.grown, g)
			h.mu.Unlock()
			h.signal <- struct{}{}
		},
		Gap: func(s map[string]int64) {
			h.mu.Lock()
			h.gaps = append(h.gaps, s)
			h.mu.Unlock()
			h.signal <- struct{}{}
		},
		Log: quiet,
	}
}

// wait waits until cond holds of what was heard.
func (h *heard) wait(t *testing.T, what string, cond func(grown []Growth, gaps []map[string]int64) bool) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		h.mu.Lock()
		ok := cond(h.grown, h.gaps)
		h.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-h.signal:
		case <-deadline:
			h.mu.Lock()
			defer h.mu.Unlock()
			t.Fatalf("%s: never; heard %v and gaps %v", what, h.grown, h.gaps)
		}
	}
}

// setSize makes the log origin hold size entries in the logs table, as
// far as the listener's gap report reads it.
func setSize(t *testing.T, c *Cluster, origin string, size int64) {
	t.Helper()
	if _, err := c.pool.Exec(context.Background(), `
INSERT INTO logs (origin, size, checkpoint) VALUES ($1, $2, '') ON CONFLICT (origin) DO UPDATE SET size = EXCLUDED.size`, origin, size); err != nil {
		t.Fatal(err)
	}
}

// TestNotify: a growth notified inside a transaction is heard once it
// commits, never if it rolls back; one notified on its own is heard at
// once; bad growths are refused before anything is sent, and a
// notification on the channel that is not a growth is ignored.
func TestNotify(t *testing.T) {
	dsn := fresh(t)
	c := open(t, dsn)
	ctx := context.Background()
	h := newHeard()
	ln, err := c.Listen(ctx, h.handler())
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if _, err := c.Listen(ctx, Handler{Grown: func(Growth) {}}); err == nil {
		t.Error("a listener without Gap was accepted")
	}

	tx, err := c.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := Notify(ctx, tx, Growth{Log: "s/log/rolled-back", Size: 7}); err != nil {
		t.Fatal(err)
	}
	tx.Rollback(ctx)
	tx, err = c.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := Notify(ctx, tx, Growth{Log: testLog, Size: 5}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	h.mu.Lock()
	early := len(h.grown)
	h.mu.Unlock()
	if early != 0 {
		t.Fatal("a growth was heard before its transaction committed")
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []Growth{{Log: "", Size: 1}, {Log: "a\nb", Size: 1}, {Log: testLog, Size: 0}, {Log: testLog, Size: -1}} {
		if err := c.Notify(ctx, bad); err == nil {
			t.Errorf("Notify(%+v) was sent", bad)
		}
	}
	if _, err := c.pool.Exec(ctx, `SELECT pg_notify($1, 'not json'), pg_notify($1, '{"log":"","size":3}')`, Channel); err != nil {
		t.Fatal(err)
	}
	if err := c.Notify(ctx, Growth{Log: testLog, Size: 6}); err != nil {
		t.Fatal(err)
	}
	h.wait(t, "two growths", func(g []Growth, _ []map[string]int64) bool { return len(g) >= 2 })
	time.Sleep(50 * time.Millisecond)
	h.mu.Lock()
	defer h.mu.Unlock()
	want := []Growth{{testLog, 5}, {testLog, 6}}
	if len(h.grown) != 2 || h.grown[0] != want[0] || h.grown[1] != want[1] || len(h.gaps) != 0 {
		t.Errorf("heard %v, gaps %v; want %v", h.grown, h.gaps, want)
	}
}

// listenThroughProxy starts a Listener that reaches a fresh database
// through a fault proxy, checking a quiet connection every 200 ms, with
// the log testLog of 3 entries; c reaches the database directly.
func listenThroughProxy(t *testing.T) (c *Cluster, proxy *fault.Proxy, h *heard, ln *Listener) {
	t.Helper()
	dsn := fresh(t)
	via, proxy := proxied(t, dsn)
	c, cl := open(t, dsn), open(t, via)
	setSize(t, c, testLog, 3)
	h = newHeard()
	ln, err := cl.listen(context.Background(), h.handler(), 200*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ln.Close)
	return c, proxy, h, ln
}

// TestListenerReconnects: when the listener's connection is dropped, it
// connects again and reports a gap with every log's size as read after
// listening again, and hears what is notified after; while the database
// cannot be reached it keeps trying. A growth committed while it was cut
// off is in the gap's sizes.
func TestListenerReconnects(t *testing.T) {
	c, proxy, h, ln := listenThroughProxy(t)
	ctx := context.Background()
	if err := c.Notify(ctx, Growth{Log: testLog, Size: 3}); err != nil {
		t.Fatal(err)
	}
	h.wait(t, "the first growth", func(g []Growth, _ []map[string]int64) bool { return len(g) == 1 })

	// A dropped connection.
	proxy.Cut()
	h.wait(t, "a gap after a dropped connection", func(_ []Growth, gaps []map[string]int64) bool { return len(gaps) == 1 })
	if s := h.gaps[0][testLog]; s != 3 {
		t.Errorf("the gap says %s has %d entries, want 3", testLog, s)
	}
	if err := c.Notify(ctx, Growth{Log: testLog, Size: 4}); err != nil {
		t.Fatal(err)
	}
	h.wait(t, "a growth after the reconnection", func(g []Growth, _ []map[string]int64) bool { return len(g) == 2 && g[1].Size == 4 })

	// Cut off for a while: what grew meanwhile is in the gap's sizes.
	proxy.SetDown(true)
	time.Sleep(300 * time.Millisecond)
	setSize(t, c, testLog, 9)
	setSize(t, c, "s/log/other", 2)
	if err := c.Notify(ctx, Growth{Log: testLog, Size: 9}); err != nil { // lost: nobody listens
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	proxy.SetDown(false)
	h.wait(t, "a gap after the database came back", func(_ []Growth, gaps []map[string]int64) bool { return len(gaps) == 2 })
	h.mu.Lock()
	if g := h.gaps[1]; g[testLog] != 9 || g["s/log/other"] != 2 {
		t.Errorf("the second gap's sizes: %v", g)
	}
	if len(h.grown) != 2 {
		t.Errorf("heard while cut off: %v", h.grown)
	}
	h.mu.Unlock()
	if ln.Gaps() != 2 {
		t.Errorf("Gaps() = %d", ln.Gaps())
	}
	if err := c.Notify(ctx, Growth{Log: testLog, Size: 10}); err != nil {
		t.Fatal(err)
	}
	h.wait(t, "a growth after the database came back", func(g []Growth, _ []map[string]int64) bool { return len(g) == 3 && g[2].Size == 10 })
}

// TestListenRefusesAnUnreachableDatabase: Listen fails at once, naming the
// database without its password, when it cannot connect.
func TestListenRefusesAnUnreachableDatabase(t *testing.T) {
	dsn := fresh(t)
	via, proxy := proxied(t, dsn)
	c := open(t, via)
	proxy.SetDown(true)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := c.Listen(ctx, newHeard().handler())
	if err == nil || !strings.Contains(err.Error(), "cluster: listening on database") {
		t.Fatalf("Listen with the database cut off: %v", err)
	}
}

// TestListenerNoticesAStalledConnection: a connection that silently stops
// delivering (no error, no close) is noticed by the listener's check while
// quiet; it connects again once the network is back, and reports a gap.
func TestListenerNoticesAStalledConnection(t *testing.T) {
	c, proxy, h, ln := listenThroughProxy(t)
	ctx := context.Background()
	proxy.Stall(true)
	// Healed on a failure too: the cleanups use the connections.
	defer proxy.Stall(false)
	// Held by the stalled network:
	if err := c.Notify(ctx, Growth{Log: testLog, Size: 3}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second) // the check while quiet times out, and so do the reconnections
	setSize(t, c, testLog, 4)
	proxy.Cut() // the held notification goes nowhere
	proxy.Stall(false)
	h.wait(t, "a gap after a stalled connection", func(_ []Growth, gaps []map[string]int64) bool { return len(gaps) == 1 })
	if n := ln.Gaps(); n != 1 {
		t.Errorf("Gaps() = %d", n)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.gaps[0][testLog] != 4 {
		t.Errorf("the gap's sizes: %v", h.gaps[0])
	}
}
