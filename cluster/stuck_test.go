package cluster

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgproto3"
)

// stuckMidStatement sends sql (with args as text) on its own connection
// to dsn as the extended protocol does — Parse, Bind, Execute — but never
// the Sync that ends it: PostgreSQL runs the statement, keeps the locks
// it took, and waits for the rest. So a client cut off in the middle of a
// statement leaves it (a network that stops delivering, as
// TestClusterWriterCutOff's stalled proxy did between the messages of a
// renewal): neither idle in its transaction (no idle timeout) nor running
// a statement (no statement timeout). It returns the connection's
// backend pid; the connection is closed when the test ends.
func stuckMidStatement(t *testing.T, dsn, sql string, args ...string) uint32 {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	params := make([][]byte, len(args))
	for i, a := range args {
		params[i] = []byte(a)
	}
	fe := conn.PgConn().Frontend()
	fe.Send(&pgproto3.Parse{Query: sql})
	fe.Send(&pgproto3.Bind{Parameters: params})
	fe.Send(&pgproto3.Execute{})
	if err := fe.Flush(); err != nil {
		t.Fatal(err)
	}
	return conn.PgConn().PID()
}

// TestAcquireEndsAStuckStatement: the holder's renewal, cut off after its
// UPDATE reached the database but before the Sync that commits it, holds
// the lease's row for as long as the network holds the rest (8 s in
// TestClusterWriterCutOff: another node accepted a ballot 8.02 s after the
// cut). Once the lease has expired, the next node's acquisition ends that
// backend (begun before the expiry, in the middle of a statement, waiting
// for its client) and takes the log within a few TTLs, not when the
// network heals. A transaction merely open and idle (TestFenceHoldsOff-
// TheNextHolder) is left to end by itself.
func TestAcquireEndsAStuckStatement(t *testing.T) {
	dsn := fresh(t)
	c := open(t, dsn)
	ctx := context.Background()
	opts := Options{LeaseTTL: 600 * time.Millisecond}
	a, b := register(t, c, "a", opts), register(t, c, "b", opts)
	la, err := a.Acquire(ctx, testLog)
	if err != nil {
		t.Fatal(err)
	}
	close(la.stop) // a stops renewing by itself: its renewal below is stuck
	<-la.done
	pid := stuckMidStatement(t, dsn, `UPDATE cluster_leases SET renewed = now(), expires = now() + interval '600 milliseconds' WHERE log = $1 AND token = $2`, testLog, strconv.FormatInt(la.Token, 10))
	var state string
	for deadline := time.Now().Add(5 * time.Second); state != "active/ClientRead"; time.Sleep(10 * time.Millisecond) {
		if err := c.pool.QueryRow(ctx, `SELECT coalesce(state, '') || '/' || coalesce(wait_event, '') FROM pg_stat_activity WHERE pid = $1`, pid).Scan(&state); err != nil || time.Now().After(deadline) {
			t.Fatalf("the stuck renewal: %q, %v", state, err)
		}
	}
	start := time.Now()
	var lb *Lease
	for lb == nil {
		if time.Since(start) > 10*time.Second {
			t.Fatalf("b did not acquire the log within 10 s of a's stuck renewal: %v", err)
		}
		if lb, err = b.Acquire(ctx, testLog); err != nil {
			var held *HeldError
			if !errors.As(err, &held) {
				t.Fatal(err)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	defer lb.Release(ctx)
	took := time.Since(start)
	t.Logf("b acquired the log %v after a's renewal got stuck (TTL %v), token %d", took.Round(time.Millisecond), opts.LeaseTTL, lb.Token)
	if took > 4*opts.LeaseTTL || lb.Token != la.Token+1 {
		t.Errorf("b acquired %v after a's renewal got stuck, token %d; want within %v (the TTL, then the stuck backend ended) and token %d", took, lb.Token, 4*opts.LeaseTTL, la.Token+1)
	}
	var gone bool
	if err := c.pool.QueryRow(ctx, `SELECT NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = $1)`, pid).Scan(&gone); err != nil || !gone {
		t.Errorf("the stuck backend %d is still there: %v", pid, err)
	}
}

// TestAcquireEndsAStuckAppend: the holder's append, cut off after its
// SELECT … FOR UPDATE of the log's row reached the database but before
// its Sync (before its fence: the lease's row is free), would keep the
// next holder from reading the log's head until the network healed; the
// acquisition ends it, and the row can be locked at once after.
func TestAcquireEndsAStuckAppend(t *testing.T) {
	dsn := fresh(t)
	c := open(t, dsn)
	ctx := context.Background()
	opts := Options{LeaseTTL: 600 * time.Millisecond}
	a, b := register(t, c, "a", opts), register(t, c, "b", opts)
	setSize(t, c, testLog, 3)
	la, err := a.Acquire(ctx, testLog)
	if err != nil {
		t.Fatal(err)
	}
	close(la.stop)
	<-la.done
	stuckMidStatement(t, dsn, `SELECT id, size FROM logs WHERE origin = $1 FOR UPDATE`, testLog)
	time.Sleep(opts.LeaseTTL + 100*time.Millisecond) // the lease has expired
	lb, err := b.Acquire(ctx, testLog)
	if err != nil {
		t.Fatal(err)
	}
	defer lb.Release(ctx)
	tx, err := c.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SET LOCAL lock_timeout = '2s'`); err != nil {
		t.Fatal(err)
	}
	var size int64
	if err := tx.QueryRow(ctx, `SELECT size FROM logs WHERE origin = $1 FOR UPDATE`, testLog).Scan(&size); err != nil || size != 3 {
		t.Fatalf("the new holder locking the log's row: size %d, %v (the stuck append still holds it)", size, err)
	}
}
