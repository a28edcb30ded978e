package postgres_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
	"plenum/store/postgres"
	"plenum/store/postgres/pgtest"
)

// TestServerLock: a plain server's lock (exclusive) refuses a second
// plain server and a node, naming the holder's application_name; nodes'
// locks (shared) admit each other and refuse a plain server, naming them
// all; released, the lock can be taken the other way. The migrations'
// advisory lock is apart from it.
func TestServerLock(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.Fresh(t)
	lock := func(shared bool, app string) (*postgres.ServerLock, *postgres.ServedError) {
		t.Helper()
		l, err := postgres.LockServer(ctx, dsn, shared, app, nil)
		var se *postgres.ServedError
		if errors.As(err, &se) {
			return nil, se
		}
		if err != nil {
			t.Fatal(err)
		}
		return l, nil
	}
	a, _ := lock(false, "plenum serve a")
	defer a.Close()
	// Migrating takes its own lock, not this one.
	st := openStore(t, dsn)
	st.Close()
	for _, shared := range []bool{false, true} {
		_, se := lock(shared, "plenum serve b")
		if se == nil || se.Shared != shared || len(se.Holders) != 1 || se.Holders[0].Application != "plenum serve a" || se.Holders[0].Shared || se.Holders[0].PID == 0 || se.Holders[0].Since.IsZero() {
			t.Fatalf("a second server (shared %v) beside a plain one: %+v", shared, se)
		}
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	n1, _ := lock(true, "plenum node n1")
	defer n1.Close()
	n2, _ := lock(true, "plenum node n2")
	defer n2.Close()
	_, se := lock(false, "plenum serve c")
	if se == nil || se.Shared || len(se.Holders) != 2 || se.Holders[0].Application != "plenum node n1" || se.Holders[1].Application != "plenum node n2" || !se.Holders[0].Shared {
		t.Fatalf("a plain server beside two nodes: %+v", se)
	}
	n1.Close()
	n2.Close()
	c, _ := lock(false, "plenum serve c")
	defer c.Close()
	c.Close()
}

// TestServerLockLost: a plain server whose lock's connection is lost (its
// backend terminated) records nothing while another session holds the
// lock — each append is refused in its own transaction, nothing stored —
// and takes the lock again, and appends, once it is free.
func TestServerLockLost(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.Fresh(t)
	st := openStore(t, dsn)
	const o = "example.org/log/a"
	if err := st.CreateLog(ctx, o, []byte("cp0")); err != nil {
		t.Fatal(err)
	}
	l, err := postgres.LockServer(ctx, dsn, false, "plenum serve lost", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	st.SetAppendHook(l.AppendHook())
	batch := func(first int64) *ledger.Batch {
		return &ledger.Batch{First: first, Records: []ledger.Record{{Index: first, Data: []byte("x"), Hashes: make([]tlog.Hash, 1)}}, Checkpoint: []byte("cp")}
	}
	if err := st.AppendBatch(ctx, o, batch(0)); err != nil {
		t.Fatalf("an append holding the lock: %v", err)
	}
	// Another session waits for the lock; the server's lock connection is
	// ended; the waiter has it.
	other, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close(ctx)
	got := make(chan error, 1)
	go func() {
		_, err := other.Exec(ctx, `SELECT pg_advisory_lock($1)`, postgres.ServerLockKey)
		got <- err
	}()
	admin, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	var waiting bool
	for i := 0; i < 100 && !waiting; i++ {
		if err := admin.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted)`, uint32(postgres.ServerLockKey&0xffffffff)).Scan(&waiting); err != nil {
			t.Fatal(err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !waiting {
		t.Fatal("the other session does not wait for the lock")
	}
	var ended bool
	if err := admin.QueryRow(ctx, `SELECT bool_or(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'plenum serve lost'`).Scan(&ended); err != nil || !ended {
		t.Fatalf("ending the lock's backend: %v %v", ended, err)
	}
	select {
	case err := <-got:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the other session did not get the lock")
	}
	// Both before and after the server noticed (its ping, every second).
	for i := 0; i < 3; i++ {
		err := st.AppendBatch(ctx, o, batch(1))
		var lost *postgres.LockLostError
		if !errors.As(err, &lost) {
			t.Fatalf("an append while another session holds the lock: %v", err)
		}
		if h, err := st.Head(ctx, o); err != nil || h.Size != 1 {
			t.Fatalf("after the refusal the head is %d, %v; want 1", h.Size, err)
		}
		time.Sleep(800 * time.Millisecond)
	}
	if _, err := other.Exec(ctx, `SELECT pg_advisory_unlock($1)`, postgres.ServerLockKey); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		err := st.AppendBatch(ctx, o, batch(1))
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the lock free again, the append is still refused: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	// It holds it again: another server is refused.
	if _, err := postgres.LockServer(ctx, dsn, false, "plenum serve b", nil); !errors.As(err, new(*postgres.ServedError)) {
		t.Fatalf("a second server after the lock was taken again: %v", err)
	}
}
