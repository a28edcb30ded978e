package cluster

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"golang.org/x/mod/sumdb/note"

	"plenum/engine"
	"plenum/ledger"
	"plenum/store/postgres"
)

// TestFencedAppends: on a node, an append commits only while the node
// holds the log's lease, checked inside the append's transaction on the
// database's clock, and announces the new size when (and only when) it
// commits. Refused: with no lease; with a lease another node holds; with
// a lease that expired in the database while the append was in flight
// (a writer paused past its TTL, and the log taken over meanwhile) —
// nothing of the batch is stored, nothing is announced.
func TestFencedAppends(t *testing.T) {
	ctx := context.Background()
	dsn := fresh(t)
	c := open(t, dsn)
	opts := Options{LeaseTTL: 3 * time.Second}
	na, nb := NewNode(register(t, c, "a", opts)), NewNode(register(t, c, "b", opts))
	st, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var mu sync.Mutex
	hook := na.AppendHook
	st.SetAppendHook(func(ctx context.Context, tx pgx.Tx, origin string, size int64) error {
		mu.Lock()
		h := hook
		mu.Unlock()
		return h(ctx, tx, origin, size)
	})
	skey, vkey, err := ledger.GenerateKey("plenum.localhost")
	if err != nil {
		t.Fatal(err)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	log, err := ledger.Open(ctx, st, testLog, signer)
	if err != nil {
		t.Fatal(err)
	}
	defer log.Close()
	heard := make(chan Growth, 16)
	l, err := c.Listen(ctx, Handler{Grown: func(g Growth) { heard <- g }, Gap: func(map[string]int64) {}, Log: quiet})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	entry := ledger.Entry{Actor: "a", Type: "speech.noted", Payload: []byte(`{"n":1}`)}
	stored := func() int64 {
		h, err := st.SettledHead(ctx, testLog)
		if err != nil {
			t.Fatal(err)
		}
		return h.Size
	}
	refused := func(what string) {
		t.Helper()
		before := stored()
		_, err := log.Append(ctx, entry)
		if !errors.Is(err, ErrFenced) {
			t.Fatalf("%s: the append was not fenced off: %v", what, err)
		}
		if stored() != before {
			t.Fatalf("%s: the fenced append was stored", what)
		}
	}
	quietFor := func(what string) {
		t.Helper()
		select {
		case g := <-heard:
			t.Fatalf("%s: heard %v", what, g)
		case <-time.After(300 * time.Millisecond):
		}
	}

	refused("no lease")
	quietFor("no lease")

	lease, err := na.Acquire(ctx, testLog)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := log.Append(ctx, entry, entry); err != nil {
		t.Fatalf("the holder's append: %v", err)
	}
	select {
	case g := <-heard:
		if g != (Growth{Log: testLog, Size: 2}) {
			t.Fatalf("heard %v, want the log at 2", g)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the append was not announced")
	}
	// b cannot take it, and is told who holds it.
	_, err = nb.Acquire(ctx, testLog)
	var nw *engine.NotWriterError
	if !errors.As(err, &nw) || nw.Holder != "a" {
		t.Fatalf("b acquiring a's log: %v", err)
	}

	// a pauses in the middle of an append, past its lease's expiry in
	// the database; b takes the log over; a's append goes on and is
	// fenced off, though a's own clock says its lease is still good.
	pause, paused := make(chan struct{}), make(chan struct{})
	mu.Lock()
	hook = func(ctx context.Context, tx pgx.Tx, origin string, size int64) error {
		close(paused)
		<-pause
		return na.AppendHook(ctx, tx, origin, size)
	}
	mu.Unlock()
	errc := make(chan error, 1)
	go func() {
		_, err := log.Append(ctx, entry)
		errc <- err
	}()
	<-paused
	if _, err := c.pool.Exec(ctx, `UPDATE cluster_leases SET expires = now() WHERE log = $1`, testLog); err != nil {
		t.Fatal(err)
	}
	lb, err := nb.Acquire(ctx, testLog)
	if err != nil {
		t.Fatalf("b taking over the expired lease: %v", err)
	}
	if !lease.(*Lease).Held() {
		t.Fatal("a's lease counts as lost already: the test shows nothing")
	}
	close(pause)
	if err := <-errc; !errors.Is(err, ErrFenced) {
		t.Fatalf("the paused append: %v", err)
	}
	if stored() != 2 {
		t.Fatalf("the paused append was stored: the log holds %d", stored())
	}
	quietFor("the paused append")
	mu.Lock()
	hook = na.AppendHook
	mu.Unlock()
	refused("a lease taken over")

	// b's node, appending through its own store, writes on.
	stb, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer stb.Close()
	stb.SetAppendHook(nb.AppendHook)
	logb, err := ledger.Open(ctx, stb, testLog, signer)
	if err != nil {
		t.Fatal(err)
	}
	defer logb.Close()
	if _, err := logb.Append(ctx, entry); err != nil {
		t.Fatalf("b's append: %v", err)
	}
	if g := <-heard; g.Size != 3 {
		t.Fatalf("heard %v after b's append", g)
	}
	lb.Release(ctx)
	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := log.Follow(ctx, note.VerifierList(verifier)); err != nil {
		t.Fatal(err)
	}
	refused("a lease released, a up to date")
}

// TestWriterURL: where a node forwards a log's commands — the advertise
// URL of the live lease's holder. A vote's burst asks hundreds of times at
// once: the database is asked once, and its answer believed for
// writerFresh; "no writer" is not kept, so a lease just taken is found at
// the next asking; a lease that changed hands is found within writerFresh.
func TestWriterURL(t *testing.T) {
	ctx := context.Background()
	c := open(t, fresh(t))
	opts := Options{LeaseTTL: 3 * time.Second}
	a, b := register(t, c, "a", opts), register(t, c, "b", opts)
	n := NewNode(register(t, c, "c", opts))

	if _, _, err := n.WriterURL(ctx, testLog); !errors.Is(err, ErrNoWriter) {
		t.Fatalf("no lease taken: %v", err)
	}
	la, err := a.Acquire(ctx, testLog)
	if err != nil {
		t.Fatal(err)
	}
	// Not kept: the lease just taken is found at once.
	before := n.lookups.Load()
	const callers = 200
	type answer struct {
		name, url string
		err       error
	}
	answers := make(chan answer, callers)
	var wg sync.WaitGroup
	for range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name, url, err := n.WriterURL(ctx, testLog)
			answers <- answer{name, url, err}
		}()
	}
	wg.Wait()
	close(answers)
	for ans := range answers {
		if ans.err != nil || ans.name != "a" || ans.url != "http://a.example:8080" {
			t.Fatalf("the writer, asked by %d at once: %q %q %v", callers, ans.name, ans.url, ans.err)
		}
	}
	if asked := n.lookups.Load() - before; asked > 2 {
		t.Errorf("%d callers at once asked the database %d times", callers, asked)
	}

	// The lease changes hands: found within writerFresh.
	if err := la.Release(ctx); err != nil {
		t.Fatal(err)
	}
	lb, err := b.Acquire(ctx, testLog)
	if err != nil {
		t.Fatal(err)
	}
	defer lb.Release(ctx)
	time.Sleep(writerFresh + 50*time.Millisecond)
	if name, url, err := n.WriterURL(ctx, testLog); err != nil || name != "b" || url != "http://b.example:8080" {
		t.Fatalf("after the lease went to b: %q %q %v", name, url, err)
	}

	// A caller whose context ends is not held by the look-up.
	done, cancel := context.WithCancel(ctx)
	cancel()
	time.Sleep(writerFresh + 50*time.Millisecond)
	if _, _, err := n.WriterURL(done, testLog); !errors.Is(err, context.Canceled) {
		t.Fatalf("a caller whose context has ended: %v", err)
	}
}
