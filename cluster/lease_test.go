package cluster

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

const testLog = "plenum.localhost/log/coop-2026"

// fenced runs a transaction that fences on l and commits, as an append
// will: it reports whether the fence let it through.
func fenced(t *testing.T, c *Cluster, l *Lease) error {
	t.Helper()
	ctx := context.Background()
	tx, err := c.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if err := l.Fence(ctx, tx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// TestLease: one holder at a time; the others are told who holds it; a
// released lease goes to the next with a higher token, and the old
// token's transactions are fenced off.
func TestLease(t *testing.T) {
	c := open(t, fresh(t))
	ctx := context.Background()
	opts := Options{LeaseTTL: time.Second}
	a, b := register(t, c, "a", opts), register(t, c, "b", opts)
	for _, bad := range []string{"", "a\nb", strings.Repeat("x", 1001)} {
		if _, err := a.Acquire(ctx, bad); err == nil || !strings.Contains(err.Error(), "is not a log's origin") {
			t.Errorf("Acquire(%q) = %v", bad, err)
		}
	}
	if n := count(t, c, "cluster_leases"); n != 0 {
		t.Fatalf("refused acquisitions wrote %d leases", n)
	}
	la, err := a.Acquire(ctx, testLog)
	if err != nil {
		t.Fatal(err)
	}
	if la.Token != 1 || !la.Held() {
		t.Fatalf("the first lease: token %d, held %v", la.Token, la.Held())
	}
	for _, m := range []*Membership{b, a} {
		_, err := m.Acquire(ctx, testLog)
		var held *HeldError
		if !errors.As(err, &held) || held.Holder != "a" || held.Expires <= 0 || held.Expires > time.Second {
			t.Errorf("%s acquiring a held log: %v", m.Name, err)
		}
	}
	if err := fenced(t, c, la); err != nil {
		t.Fatalf("the holder is fenced off: %v", err)
	}
	// Renewed in the background: still held after three TTLs.
	time.Sleep(3 * opts.LeaseTTL)
	if !la.Held() || fenced(t, c, la) != nil {
		t.Fatalf("the lease was not kept: %v", la.Err())
	}
	if err := la.Release(ctx); err != nil {
		t.Fatal(err)
	}
	select {
	case <-la.Lost():
	default:
		t.Error("a released lease is not reported lost")
	}
	if err := fenced(t, c, la); !errors.Is(err, ErrFenced) {
		t.Errorf("a released lease's transaction: %v", err)
	}
	if err := la.Renew(ctx); !errors.Is(err, ErrLost) {
		t.Errorf("renewing a released lease: %v", err)
	}
	lb, err := b.Acquire(ctx, testLog)
	if err != nil {
		t.Fatalf("acquiring a released lease: %v", err)
	}
	if lb.Token != 2 {
		t.Errorf("the second holder's token is %d, want 2", lb.Token)
	}
	if err := fenced(t, c, lb); err != nil {
		t.Errorf("the new holder: %v", err)
	}
	if err := fenced(t, c, la); !errors.Is(err, ErrFenced) {
		t.Errorf("the old holder, after the new acquired: %v", err)
	}
	st, err := c.Status(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Leases) != 1 || st.Leases[0].Holder != "b" || st.Leases[0].Token != 2 || st.Leases[0].Left <= 0 {
		t.Errorf("status: %+v", st.Leases)
	}
	lb.Release(ctx)
}

// TestFenceHoldsOffTheNextHolder: a transaction that passed the fence
// before the lease expired holds the lease's row until it ends, so the
// next holder acquires only after it has committed, and then reads what
// it wrote; an acquisition waits for it a lease's TTL at most, then says
// why it cannot have the lease yet.
func TestFenceHoldsOffTheNextHolder(t *testing.T) {
	c := open(t, fresh(t))
	ctx := context.Background()
	opts := Options{LeaseTTL: 300 * time.Millisecond}
	a, b := register(t, c, "a", opts), register(t, c, "b", opts)
	la, err := a.Acquire(ctx, testLog)
	if err != nil {
		t.Fatal(err)
	}
	close(la.stop) // a stops renewing, as a paused process would
	<-la.done
	if _, err := c.pool.Exec(ctx, `CREATE TABLE appended (token BIGINT)`); err != nil {
		t.Fatal(err)
	}
	tx, err := c.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := la.Fence(ctx, tx); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO appended VALUES ($1)`, la.Token); err != nil {
		t.Fatal(err)
	}
	time.Sleep(opts.LeaseTTL + 100*time.Millisecond) // the lease has expired
	// b waits for the transaction at most a lease's TTL, then is told.
	_, err = b.Acquire(ctx, testLog)
	var held *HeldError
	if !errors.As(err, &held) || !held.InTransaction || held.Holder != "a" {
		t.Fatalf("b acquiring while a's fenced transaction is open: %v", err)
	}
	type acquired struct {
		l   *Lease
		err error
		at  time.Time
	}
	got := make(chan acquired, 1)
	go func() {
		l, err := b.Acquire(ctx, testLog)
		got <- acquired{l, err, time.Now()}
	}()
	time.Sleep(opts.LeaseTTL / 3)
	select {
	case r := <-got:
		t.Fatalf("b acquired while a's fenced transaction was open: %v", r.err)
	default:
	}
	committed := time.Now()
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	r := <-got
	if r.err != nil {
		t.Fatalf("b, waiting for a's transaction: %v", r.err)
	}
	defer r.l.Release(ctx)
	if r.at.Before(committed) || r.l.Token != la.Token+1 {
		t.Errorf("b acquired at %v, a committed at %v; token %d", r.at, committed, r.l.Token)
	}
	var n int
	if err := c.pool.QueryRow(ctx, `SELECT count(*) FROM appended WHERE token = $1`, la.Token).Scan(&n); err != nil || n != 1 {
		t.Errorf("a's write before the handover: %d, %v", n, err)
	}
	// a's next transaction is fenced off.
	tx2, _ := c.pool.Begin(ctx)
	defer tx2.Rollback(ctx)
	if err := la.Fence(ctx, tx2); !errors.Is(err, ErrFenced) {
		t.Errorf("a after the handover: %v", err)
	}
}

// TestLiveLeaseRefusedAtOnce: a live lease whose holder is in the middle
// of an append (its fenced transaction holds the lease's row) is refused
// at once, naming the holder — not after waiting for that append to end,
// as a follower asking for the lease while it forwards commands would,
// each time, with its commands waiting behind it.
func TestLiveLeaseRefusedAtOnce(t *testing.T) {
	c := open(t, fresh(t))
	ctx := context.Background()
	// A TTL far longer than the wait allowed below: the acquisition's
	// lock_timeout is one TTL.
	opts := Options{LeaseTTL: 30 * time.Second}
	a, b := register(t, c, "a", opts), register(t, c, "b", opts)
	la, err := a.Acquire(ctx, testLog)
	if err != nil {
		t.Fatal(err)
	}
	defer la.Release(ctx)
	tx, err := c.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if err := la.Fence(ctx, tx); err != nil {
		t.Fatal(err)
	}
	for _, m := range []*Membership{b, a} {
		actx, cancel := context.WithTimeout(ctx, 2*time.Second)
		_, err = m.Acquire(actx, testLog)
		cancel()
		var held *HeldError
		if !errors.As(err, &held) || held.InTransaction || held.Holder != "a" || held.Expires <= 0 || held.Expires > opts.LeaseTTL {
			t.Fatalf("%s acquiring a live lease held by a, in the middle of an append: %v", m.Name, err)
		}
	}
	// a's append goes on under its lease.
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if !la.Held() {
		t.Fatal("a lost its lease")
	}
}

// TestLeaseCutOff: a holder cut off from the database (a network split)
// learns that its lease is lost before anyone else can acquire it; the
// next holder gets a higher token; once the network heals, the old holder
// is fenced off and its renewal refused.
func TestLeaseCutOff(t *testing.T) {
	dsn := fresh(t)
	via, proxy := proxied(t, dsn)
	ca, cb := open(t, via), open(t, dsn)
	ctx := context.Background()
	opts := Options{LeaseTTL: 600 * time.Millisecond, Heartbeat: 100 * time.Millisecond, NodeTTL: time.Second}
	a, b := register(t, ca, "a", opts), register(t, cb, "b", opts)
	la, err := a.Acquire(ctx, testLog)
	if err != nil {
		t.Fatal(err)
	}
	proxy.SetDown(true)
	cut := time.Now()
	var bGot time.Time
	var lb *Lease
	for lb == nil {
		if time.Since(cut) > 10*opts.LeaseTTL {
			t.Fatal("b never acquired the lease of a node cut off")
		}
		l, err := b.Acquire(ctx, testLog)
		var held *HeldError
		switch {
		case err == nil:
			lb, bGot = l, time.Now()
			if la.Held() {
				t.Errorf("b acquired (after %v) while a still counted on its lease", bGot.Sub(cut))
			}
		case errors.As(err, &held):
			time.Sleep(10 * time.Millisecond)
		default:
			t.Fatal(err)
		}
	}
	defer lb.Release(ctx)
	select {
	case <-la.Lost():
	case <-time.After(time.Second):
		t.Fatal("a was not told that it lost its lease")
	}
	if lb.Token != la.Token+1 {
		t.Errorf("tokens %d then %d", la.Token, lb.Token)
	}
	if !errors.Is(la.Err(), ErrLost) || la.Held() {
		t.Errorf("a's lease: %v, held %v", la.Err(), la.Held())
	}
	t.Logf("cut off at 0; a stopped counting on its lease at %v, b acquired at %v (TTL %v)", la.currentDeadline().Sub(cut), bGot.Sub(cut), opts.LeaseTTL)
	proxy.SetDown(false)
	if err := la.Renew(ctx); !errors.Is(err, ErrLost) {
		t.Errorf("a renewing after the split: %v", err)
	}
	if err := fenced(t, ca, la); !errors.Is(err, ErrFenced) {
		t.Errorf("a's transaction after the split: %v", err)
	}
	if err := fenced(t, cb, lb); err != nil {
		t.Errorf("b's transaction: %v", err)
	}
}

// TestLeaseSurvivesADroppedConnection: a renewal whose connection is cut
// is made again on a new one, before the lease's deadline: the lease is
// kept, with its token.
func TestLeaseSurvivesADroppedConnection(t *testing.T) {
	dsn := fresh(t)
	via, proxy := proxied(t, dsn)
	c := open(t, via)
	ctx := context.Background()
	opts := Options{LeaseTTL: 900 * time.Millisecond}
	a := register(t, c, "a", opts)
	la, err := a.Acquire(ctx, testLog)
	if err != nil {
		t.Fatal(err)
	}
	defer la.Release(ctx)
	for range 5 {
		proxy.Cut()
		time.Sleep(opts.LeaseTTL / 2)
	}
	if !la.Held() {
		t.Fatalf("the lease was lost to dropped connections: %v", la.Err())
	}
	if err := fenced(t, c, la); err != nil {
		t.Fatal(err)
	}
	var token int64
	if err := c.pool.QueryRow(ctx, `SELECT token FROM cluster_leases WHERE log = $1`, testLog).Scan(&token); err != nil || token != la.Token {
		t.Errorf("token %d, %v", token, err)
	}
}

// TestLeaseLostOnAStalledNetwork: a renewal that hangs (the network
// silently stops delivering) does not keep the lease: the holder stops
// counting on it by its deadline, is told it is lost, and another node
// acquires it with the next token.
func TestLeaseLostOnAStalledNetwork(t *testing.T) {
	dsn := fresh(t)
	via, proxy := proxied(t, dsn)
	ca, cb := open(t, via), open(t, dsn)
	ctx := context.Background()
	opts := Options{LeaseTTL: 600 * time.Millisecond, Heartbeat: time.Minute, NodeTTL: 2 * time.Minute}
	a, b := register(t, ca, "a", opts), register(t, cb, "b", opts)
	la, err := a.Acquire(ctx, testLog)
	if err != nil {
		t.Fatal(err)
	}
	proxy.Stall(true)
	defer proxy.Stall(false) // on a failure too: the cleanups use the connections
	stalled := time.Now()
	select {
	case <-la.Lost():
	case <-time.After(5 * opts.LeaseTTL):
		t.Fatal("a hanging renewal kept the lease")
	}
	if d := time.Since(stalled); d > opts.LeaseTTL+500*time.Millisecond {
		t.Errorf("told the lease was lost %v after the stall (TTL %v)", d, opts.LeaseTTL)
	}
	if la.Held() || !errors.Is(la.Err(), ErrLost) {
		t.Errorf("a's lease after the stall: held %v, %v", la.Held(), la.Err())
	}
	var lb *Lease
	for deadline := time.Now().Add(5 * time.Second); lb == nil; time.Sleep(20 * time.Millisecond) {
		if lb, err = b.Acquire(ctx, testLog); err != nil && time.Now().After(deadline) {
			t.Fatal(err)
		}
	}
	defer lb.Release(ctx)
	if lb.Token != la.Token+1 {
		t.Errorf("tokens %d then %d", la.Token, lb.Token)
	}
	proxy.Cut()
}

// TestOneHolderAmongMany: eight nodes try at once to acquire a free log,
// twenty times over: each time exactly one gets it, the others are told
// who, and the tokens run 1, 2, 3, … with no number given twice.
func TestOneHolderAmongMany(t *testing.T) {
	c := open(t, fresh(t))
	ctx := context.Background()
	var nodes []*Membership
	for i := range 8 {
		nodes = append(nodes, register(t, c, fmt.Sprintf("n%d", i), Options{LeaseTTL: 5 * time.Second}))
	}
	for round := 1; round <= 20; round++ {
		type result struct {
			l   *Lease
			err error
		}
		results := make(chan result, len(nodes))
		start := make(chan struct{})
		for _, m := range nodes {
			go func() {
				<-start
				l, err := m.Acquire(ctx, testLog)
				results <- result{l, err}
			}()
		}
		close(start)
		var won []*Lease
		for range nodes {
			r := <-results
			var held *HeldError
			switch {
			case r.err == nil:
				won = append(won, r.l)
			case errors.As(r.err, &held):
			default:
				t.Fatal(r.err)
			}
		}
		if len(won) != 1 {
			t.Fatalf("round %d: %d nodes acquired the log", round, len(won))
		}
		if won[0].Token != int64(round) {
			t.Fatalf("round %d: token %d", round, won[0].Token)
		}
		if err := won[0].Release(ctx); err != nil {
			t.Fatal(err)
		}
	}
}
