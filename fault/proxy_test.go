package fault_test

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"plenum/fault"
	"plenum/fault/pgfault"
	"plenum/store/postgres/pgtest"
)

// TestProxyCommitFaults checks that each of the proxy's COMMIT faults
// does to a transaction what its doc says: DropReply and CutAfter commit
// it on the server and its client never hears so (CutAfter: the client
// gets an error at once, not a silence); CutBefore does not commit it;
// CutAfter with a Delay then refuses new connections for the Delay. The
// reply to a COMMIT cut after comes back within a millisecond or so: a
// proxy that only cut the connection a little after forwarding the
// COMMIT let it through, and the client heard "committed".
func TestProxyCommitFaults(t *testing.T) {
	dsn := pgtest.Fresh(t)
	via, p := pgfault.Proxied(t, dsn)
	ctx := context.Background()
	direct, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer direct.Close(ctx)
	if _, err := direct.Exec(ctx, `CREATE TABLE t (n int)`); err != nil {
		t.Fatal(err)
	}
	const wait = time.Second // the client's wait for the COMMIT's reply
	for i, tc := range []struct {
		f         fault.Fault
		committed bool
	}{
		{fault.Fault{Kind: fault.CutAfter, At: 1}, true},
		{fault.Fault{Kind: fault.CutBefore, At: 1}, false},
		{fault.Fault{Kind: fault.DropReply, At: 1}, true},
		{fault.Fault{Kind: fault.CutAfter, At: 1, Delay: 2 * time.Second}, true},
		{fault.Fault{Kind: fault.CutAfter, At: 1}, true},
		{fault.Fault{Kind: fault.CutAfter, At: 1}, true},
	} {
		conn, err := pgx.Connect(ctx, via)
		if err != nil {
			t.Fatalf("%v: connecting: %v", tc.f, err)
		}
		p.Arm(tc.f)
		tx, err := conn.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO t VALUES ($1)`, i); err != nil {
			t.Fatal(err)
		}
		cctx, cancel := context.WithTimeout(ctx, wait)
		start := time.Now()
		err = tx.Commit(cctx)
		took := time.Since(start)
		cancel()
		conn.Close(ctx)
		if err == nil {
			t.Errorf("%v: the client heard the COMMIT's reply", tc.f)
		}
		if tc.f.Kind != fault.DropReply && took >= wait {
			t.Errorf("%v: the client waited %v for the COMMIT's reply; want an error at once", tc.f, took.Round(time.Millisecond))
		}
		var n int
		if err := direct.QueryRow(ctx, `SELECT count(*) FROM t WHERE n = $1`, i).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if got := n == 1; got != tc.committed {
			t.Errorf("%v: committed on the server: %v, want %v", tc.f, got, tc.committed)
		}
		if tc.f.Delay > 0 {
			down := time.Now()
			for time.Since(down) < tc.f.Delay-500*time.Millisecond {
				cctx, cancel := context.WithTimeout(ctx, time.Second)
				c, err := pgx.Connect(cctx, via)
				cancel()
				if err == nil {
					c.Close(ctx)
					t.Fatalf("%v: connected through the proxy %v after the cut", tc.f, time.Since(down).Round(time.Millisecond))
				}
				time.Sleep(100 * time.Millisecond)
			}
			time.Sleep(time.Until(down.Add(tc.f.Delay + 200*time.Millisecond)))
			c, err := pgx.Connect(ctx, via)
			if err != nil {
				t.Fatalf("%v: not connected through the proxy after the Delay: %v", tc.f, err)
			}
			c.Close(ctx)
		}
	}
}
