package postgres_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
	"plenum/store/postgres"
	"plenum/store/postgres/pgtest"
)

// TestLeaselessAppend: an append made without a lease (no append hook: a
// plain plenum serve, replay or import) is refused, nothing stored, while
// a node of a cluster holds the log's live lease, naming the node; once
// the lease has expired it commits, and is announced on the channel the
// nodes listen on.
func TestLeaselessAppend(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.Fresh(t)
	st := openStore(t, dsn)
	const o = "example.org/log/a"
	if err := st.CreateLog(ctx, o, []byte("cp0")); err != nil {
		t.Fatal(err)
	}
	listener, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer listener.Close(ctx)
	if _, err := listener.Exec(ctx, "LISTEN "+postgres.GrowthChannel); err != nil {
		t.Fatal(err)
	}
	db := st.Pool()
	if _, err := db.Exec(ctx, `INSERT INTO cluster_leases (log, holder, instance, token, since, renewed, expires)
VALUES ($1, 'node-a', 'i1', 1, now(), now(), now() + interval '1 minute')`, o); err != nil {
		t.Fatal(err)
	}
	batch := func(first int64) *ledger.Batch {
		return &ledger.Batch{First: first, Records: []ledger.Record{{Index: first, Data: []byte("x"), Hashes: make([]tlog.Hash, 1)}}, Checkpoint: []byte("cp1")}
	}
	err = st.AppendBatch(ctx, o, batch(0))
	var held *postgres.LeaseHeldError
	if !errors.As(err, &held) || held.Holder != "node-a" || held.Log != o || held.Expires <= 50*time.Second || held.Expires > time.Minute {
		t.Fatalf("an append while node-a holds the lease: %v", err)
	}
	if h, err := st.Head(ctx, o); err != nil || h.Size != 0 || string(h.Checkpoint) != "cp0" {
		t.Fatalf("after the refusal the head is %+v, %v", h, err)
	}
	wctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	n, err := listener.WaitForNotification(wctx)
	cancel()
	if err == nil {
		t.Fatalf("the refused append was announced: %s", n.Payload)
	}

	// The lease expired (its holder died): the append commits, announced.
	if _, err := db.Exec(ctx, `UPDATE cluster_leases SET expires = clock_timestamp() - interval '1 millisecond' WHERE log = $1`, o); err != nil {
		t.Fatal(err)
	}
	if err := st.AppendBatch(ctx, o, batch(0)); err != nil {
		t.Fatalf("an append after the lease expired: %v", err)
	}
	if h, err := st.Head(ctx, o); err != nil || h.Size != 1 {
		t.Fatalf("after the append the head is %+v, %v", h, err)
	}
	wctx, cancel = context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	n, err = listener.WaitForNotification(wctx)
	if err != nil {
		t.Fatalf("the append was not announced: %v", err)
	}
	var g struct {
		Log  string
		Size int64
	}
	if err := json.Unmarshal([]byte(n.Payload), &g); err != nil || g.Log != o || g.Size != 1 {
		t.Fatalf("the announcement: %q, %v", n.Payload, err)
	}
}

// TestLeaselessAppendWaitsForAnAcquisition: an append without a lease made
// while a node acquires a log never leased before (no lease row to lock)
// waits for the acquisition, then sees its lease and is refused.
func TestLeaselessAppendWaitsForAnAcquisition(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, pgtest.Fresh(t))
	const o = "example.org/log/b"
	if err := st.CreateLog(ctx, o, []byte("cp0")); err != nil {
		t.Fatal(err)
	}
	tx, err := st.Pool().Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if err := postgres.HoldOffLeaselessAppends(ctx, tx, o); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		done <- st.AppendBatch(ctx, o, &ledger.Batch{First: 0, Records: []ledger.Record{{Index: 0, Data: []byte("x"), Hashes: make([]tlog.Hash, 1)}}, Checkpoint: []byte("cp1")})
	}()
	select {
	case err := <-done:
		t.Fatalf("the append did not wait for the acquisition: %v", err)
	case <-time.After(300 * time.Millisecond):
	}
	if _, err := tx.Exec(ctx, `INSERT INTO cluster_leases (log, holder, instance, token, since, renewed, expires)
VALUES ($1, 'node-b', 'i1', 1, now(), now(), now() + interval '1 minute')`, o); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	var held *postgres.LeaseHeldError
	if err := <-done; !errors.As(err, &held) || held.Holder != "node-b" {
		t.Fatalf("the append after the acquisition: %v", err)
	}
	if h, err := st.Head(ctx, o); err != nil || h.Size != 0 {
		t.Fatalf("the head: %+v, %v", h, err)
	}
}
