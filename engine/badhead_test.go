package engine_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"testing"

	"plenum/assembly"
	"plenum/engine"
	"plenum/ledger"
)

// TestStopsOnARolledBackHead: while the engine writes, someone rolls the
// log back outside plenum — the last entry deleted and the head set back
// to the checkpoint before it (a restored copy of the database, a lost
// write-ahead log). The next command's append finds the log gone back
// from what the writer appended (ledger.ErrBadHead): the command is not
// recorded, the assembly stops, saying so (not "send it again": no retry
// could be recorded), and takes no command after,
// rather than suspend itself and retry for ever, or append on the
// shortened log over the place of an acknowledged entry.
func TestStopsOnARolledBackHead(t *testing.T) {
	env, db, size := rolledBack(t)
	_, err := env.submit("chief", "add_item", obj{"id": "i2", "title": "The accounts"})
	if errors.Is(err, engine.ErrNotRecorded) || !errors.Is(err, engine.ErrStopped) || !errors.Is(err, ledger.ErrBadHead) {
		t.Fatalf("the command on a rolled-back log: %v; want the assembly stopped, for a bad head, and not \"send it again\" (no retry can be recorded)", err)
	}
	_, err = env.submit("chief", "add_item", obj{"id": "i3", "title": "The elections"})
	if !errors.Is(err, engine.ErrStopped) {
		t.Fatalf("the command after: %v; want the assembly stopped", err)
	}
	checkSize(t, db, size-1)
}

// TestStopsOnARolledBackHeadUnderLoad: as TestStopsOnARolledBackHead, with
// many commands sent at once around the one that finds the rolled-back
// head: every one is answered that the assembly stopped, none that it is
// suspended. Before, a command that reached the writer's queue as the
// assembly stopped could be taken up (the writer's select picks at random
// among a request and the stop) and decided on the rolled-back log, whose
// replay failed: "suspended", and retried for ever.
func TestStopsOnARolledBackHeadUnderLoad(t *testing.T) {
	for round := range 10 {
		env, db, size := rolledBack(t)
		var wg sync.WaitGroup
		errs := make([]error, 40)
		envs := make([]assembly.Envelope, len(errs))
		for i := range envs {
			envs[i] = env.envelope("chief", "add_item", obj{"id": fmt.Sprintf("i%d", i+2), "title": fmt.Sprintf("Item %d", i+2)})
		}
		for i := range errs {
			wg.Go(func() { _, errs[i] = env.eng.Submit(context.Background(), envs[i]) })
		}
		wg.Wait()
		for i, err := range errs {
			if !errors.Is(err, engine.ErrStopped) || errors.Is(err, engine.ErrSuspended) {
				t.Fatalf("round %d, command %d of %d sent at once on a rolled-back log: %v; want the assembly stopped", round, i, len(errs), err)
			}
		}
		checkSize(t, db, size-1)
	}
}

// rolledBack is a test assembly whose log was rolled back (rollBack) while
// the engine writes it, the database open beside it (closed with the
// test), and the log's size before.
func rolledBack(t *testing.T) (*testEnv, *sql.DB, int64) {
	env := newTestEnv(t)
	env.setup(1)
	a, _ := env.eng.Assembly("coop")
	size := a.Log().Size()
	db, err := sql.Open("sqlite", env.path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	rollBack(t, db, size)
	return env, db, size
}

// rollBack deletes the last of the log's size entries and its checkpoint
// and sets the head back to the checkpoint before, outside plenum.
func rollBack(t *testing.T, db *sql.DB, size int64) {
	t.Helper()
	var before []byte
	if err := db.QueryRow(`SELECT data FROM checkpoints WHERE size = ?`, size-1).Scan(&before); err != nil {
		t.Fatalf("the checkpoint of %d entries: %v", size-1, err)
	}
	for _, q := range []string{`DELETE FROM entries WHERE idx = ?`, `DELETE FROM checkpoints WHERE size = ?`} {
		if _, err := db.Exec(q, size-1); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(`UPDATE logs SET size = ?, checkpoint = ?`, size-1, before); err != nil {
		t.Fatal(err)
	}
	var n int64
	if err := db.QueryRow(`SELECT size FROM logs`).Scan(&n); err != nil || n != size-1 {
		t.Fatalf("the log's size is %d (%v), want %d: nothing appended", n, err, size-1)
	}
}

// checkSize fails the test unless the log's size in the database is want:
// nothing appended.
func checkSize(t *testing.T, db *sql.DB, want int64) {
	t.Helper()
	var n int64
	if err := db.QueryRow(`SELECT size FROM logs`).Scan(&n); err != nil || n != want {
		t.Fatalf("the log's size is %d (%v), want %d: nothing appended", n, err, want)
	}
}
