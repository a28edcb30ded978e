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

// TestSettledHeadWaitsForAppendInFlight holds the log's row as an append
// in flight does (its reply lost: the client gone or not yet told) and
// checks that SettledHead returns only once that transaction has ended,
// with what it committed — while Head answers at once with the old head.
func TestSettledHeadWaitsForAppendInFlight(t *testing.T) {
	dsn := pgtest.Fresh(t)
	st := openStore(t, dsn)
	ctx := context.Background()
	const o = "example.org/log/a"
	_, tx := holdLog(t, dsn, st, o)
	if _, err := tx.Exec(ctx, `UPDATE logs SET size = 7, checkpoint = 'cp7' WHERE origin = $1`, o); err != nil {
		t.Fatal(err)
	}
	got := make(chan ledger.Head, 1)
	go func() {
		h, err := st.SettledHead(ctx, o)
		if err != nil {
			t.Error(err)
		}
		got <- h
	}()
	if h, err := st.Head(ctx, o); err != nil || h.Size != 0 {
		t.Fatalf("Head while an append is in flight = %+v, %v; want the old head", h, err)
	}
	select {
	case h := <-got:
		t.Fatalf("SettledHead returned %+v while the append was in flight", h)
	case <-time.After(300 * time.Millisecond):
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if h := <-got; h.Size != 7 || string(h.Checkpoint) != "cp7" {
		t.Fatalf("SettledHead = %+v; want what the append committed", h)
	}
}

// TestFenceIsInTheCommittingTransaction: an append whose size check
// passed cannot commit over another that committed meanwhile — the check
// holds the row until the commit. Two stores race appends at the same
// size while a third connection holds the row, so both are queued on it.
func TestFenceIsInTheCommittingTransaction(t *testing.T) {
	dsn := pgtest.Fresh(t)
	st1, st2 := openStore(t, dsn), openStore(t, dsn)
	ctx := context.Background()
	const o = "example.org/log/a"
	c, tx := holdLog(t, dsn, st1, o)
	batch := func(data string) *ledger.Batch {
		return &ledger.Batch{First: 0, Checkpoint: []byte("cp " + data),
			Records: []ledger.Record{{Index: 0, Data: []byte(data), Hashes: []tlog.Hash{tlog.RecordHash([]byte(data))}}}}
	}
	errs := make(chan error, 2)
	go func() { errs <- st1.AppendBatch(ctx, o, batch("one")) }()
	go func() { errs <- st2.AppendBatch(ctx, o, batch("two")) }()
	time.Sleep(200 * time.Millisecond) // both wait on the row
	if err := tx.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	e1, e2 := <-errs, <-errs
	if (e1 == nil) == (e2 == nil) || !(errors.Is(e1, ledger.ErrConflict) || errors.Is(e2, ledger.ErrConflict)) {
		t.Fatalf("two appends at size 0: %v and %v; want one to win and one ErrConflict", e1, e2)
	}
	var n int
	if err := c.QueryRow(ctx, `SELECT count(*) FROM entries`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("%d entries stored, %v; want 1", n, err)
	}
}

// holdLog creates the log o through st and, on a connection of its own,
// begins a transaction holding the log's row as an append does; the
// connection closes when the test ends.
func holdLog(t *testing.T, dsn string, st *postgres.Store, o string) (*pgx.Conn, pgx.Tx) {
	t.Helper()
	ctx := context.Background()
	if err := st.CreateLog(ctx, o, []byte("cp0")); err != nil {
		t.Fatal(err)
	}
	c, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(ctx) })
	tx, err := c.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, `SELECT size FROM logs WHERE origin = $1 FOR UPDATE`, o); err != nil {
		t.Fatal(err)
	}
	return c, tx
}
