package cluster

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a log's text, written by several goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestWriterURLRefusesRowsNotWrittenByANode: a DBA who rewrites the
// advertised address of the live writer in cluster_nodes, or plants a
// node row and points the lease at it, or a row without a MAC (written
// before migration 0021) or under another signing key's registry key, is
// not forwarded to: ErrForgedWriter, logged once. The writer's next
// heartbeat writes its own address and MAC again, and it is found again.
func TestWriterURLRefusesRowsNotWrittenByANode(t *testing.T) {
	ctx := context.Background()
	c := open(t, fresh(t))
	opts := Options{Heartbeat: 100 * time.Millisecond, NodeTTL: 2 * time.Second, LeaseTTL: 3 * time.Second}
	a := register(t, c, "a", opts)
	var logged lockedBuffer
	fopts := opts
	fopts.Key = testKey
	fm, err := c.Register(ctx, "f", "http://f.example:8080", fopts, slog.New(slog.NewTextHandler(&logged, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fm.Close(ctx) })
	f := NewNode(fm)
	la, err := a.Acquire(ctx, testLog)
	if err != nil {
		t.Fatal(err)
	}
	defer la.Release(ctx)
	writer := func() (string, string, error) {
		t.Helper()
		time.Sleep(writerFresh + 20*time.Millisecond)
		return f.WriterURL(ctx, testLog)
	}
	exec := func(sql string, args ...any) {
		t.Helper()
		if _, err := c.pool.Exec(ctx, sql, args...); err != nil {
			t.Fatal(err)
		}
	}
	if name, url, err := writer(); err != nil || name != "a" || url != "http://a.example:8080" {
		t.Fatalf("the genuine writer: %q %q %v", name, url, err)
	}

	// The DBA's address, over and over while the writer beats (each
	// beat writes its own address back): never answered.
	stop := make(chan struct{})
	var dba sync.WaitGroup
	dba.Add(1)
	go func() {
		defer dba.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			c.pool.Exec(ctx, `UPDATE cluster_nodes SET advertise = 'http://dba.example:8080' WHERE name = 'a'`)
			time.Sleep(5 * time.Millisecond)
		}
	}()
	refused := 0
	for range 20 {
		name, url, err := f.WriterURL(ctx, testLog)
		switch {
		case errors.Is(err, ErrForgedWriter):
			refused++
			if name != "" || url != "" {
				t.Fatalf("a refused writer's address is given: %q %q", name, url)
			}
		case err != nil:
			t.Fatal(err)
		case url != "http://a.example:8080":
			t.Fatalf("forwarded to %q", url)
		}
		time.Sleep(writerFresh / 5)
	}
	close(stop)
	dba.Wait()
	if refused == 0 {
		t.Fatal("the DBA's address was never refused")
	}
	if n := strings.Count(logged.String(), "not written by a plenum node"); n != 1 {
		t.Errorf("the refusal was logged %d times, want once:\n%s", n, logged.String())
	}
	// The writer's next heartbeat makes its row its own again.
	time.Sleep(opts.Heartbeat * 2)
	if name, url, err := writer(); err != nil || name != "a" || url != "http://a.example:8080" {
		t.Fatalf("after the writer's heartbeat: %q %q %v", name, url, err)
	}

	// A planted node, alive, with the lease pointed at it, a MAC copied
	// from the genuine row: refused.
	exec(`INSERT INTO cluster_nodes (name, instance, advertise, started, last_seen, mac)
SELECT 'z', 'planted', 'http://dba.example:8080', now(), now() + interval '1 hour', mac FROM cluster_nodes WHERE name = 'a'`)
	exec(`UPDATE cluster_leases SET instance = 'planted', holder = 'z' WHERE log = $1`, testLog)
	if _, url, err := writer(); !errors.Is(err, ErrForgedWriter) {
		t.Fatalf("a planted writer: %q %v", url, err)
	}
	// … with the MAC of another key (another signing key): refused.
	exec(`UPDATE cluster_nodes SET mac = $1 WHERE name = 'z'`, nodeMAC([]byte("another signing key's registry k"), "z", "planted", "http://dba.example:8080"))
	if _, url, err := writer(); !errors.Is(err, ErrForgedWriter) {
		t.Fatalf("a writer under another key: %q %v", url, err)
	}
	// … with this key's MAC (a node's): found, as any node is.
	exec(`UPDATE cluster_nodes SET mac = $1 WHERE name = 'z'`, nodeMAC(testKey, "z", "planted", "http://dba.example:8080"))
	if _, url, err := writer(); err != nil || url != "http://dba.example:8080" {
		t.Fatalf("a row under the key: %q %v", url, err)
	}
	exec(`UPDATE cluster_leases SET instance = $1, holder = 'a' WHERE log = $2`, a.Instance, testLog)

	// A row without a MAC (an earlier version's, before 0021): refused
	// until the node's next heartbeat writes it.
	b := register(t, c, "b", Options{Heartbeat: time.Second, NodeTTL: 3 * time.Second, LeaseTTL: 3 * time.Second})
	if err := la.Release(ctx); err != nil {
		t.Fatal(err)
	}
	lb, err := b.Acquire(ctx, testLog)
	if err != nil {
		t.Fatal(err)
	}
	defer lb.Release(ctx)
	exec(`UPDATE cluster_nodes SET mac = NULL WHERE name = 'b'`)
	if _, url, err := writer(); !errors.Is(err, ErrForgedWriter) {
		t.Fatalf("a row without a MAC: %q %v", url, err)
	}
	time.Sleep(time.Second + 100*time.Millisecond)
	if name, url, err := writer(); err != nil || name != "b" || url != "http://b.example:8080" {
		t.Fatalf("after b's heartbeat: %q %q %v", name, url, err)
	}
}

// TestSeal: a node registered without the key (plenum serve registers
// before it loads the signing key) is refused until Seal writes its MAC;
// a follower without the key forwards to nobody.
func TestSeal(t *testing.T) {
	ctx := context.Background()
	c := open(t, fresh(t))
	m, err := c.Register(ctx, "a", "http://a.example:8080", Options{}, quiet)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close(ctx) })
	l, err := m.Acquire(ctx, testLog)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release(ctx)
	keyless, err := c.Register(ctx, "k", "http://k.example:8080", Options{}, quiet)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { keyless.Close(ctx) })
	f := NewNode(register(t, c, "f", Options{}))
	if _, _, err := f.WriterURL(ctx, testLog); !errors.Is(err, ErrForgedWriter) {
		t.Fatalf("a writer not sealed yet: %v", err)
	}
	if err := m.Seal(ctx, testKey); err != nil {
		t.Fatal(err)
	}
	time.Sleep(writerFresh + 20*time.Millisecond)
	if _, url, err := f.WriterURL(ctx, testLog); err != nil || url != "http://a.example:8080" {
		t.Fatalf("a sealed writer: %q %v", url, err)
	}
	if _, url, err := NewNode(keyless).WriterURL(ctx, testLog); !errors.Is(err, ErrForgedWriter) {
		t.Fatalf("a follower without the key: %q %v", url, err)
	}
}
