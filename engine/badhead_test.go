package engine_test

import (
	"database/sql"
	"errors"
	"testing"

	"plenum/engine"
	"plenum/ledger"
)

// TestStopsOnARolledBackHead: while the engine writes, someone rolls the
// log back outside plenum — the last entry deleted and the head set back
// to the checkpoint before it (a restored copy of the database, a lost
// write-ahead log). The next command's append finds the log gone back
// from what the writer appended (ledger.ErrBadHead): the command is not
// recorded, the assembly stops, saying so, and takes no command after,
// rather than suspend itself and retry for ever, or append on the
// shortened log over the place of an acknowledged entry.
func TestStopsOnARolledBackHead(t *testing.T) {
	env := newTestEnv(t)
	env.setup(1)
	a, _ := env.eng.Assembly("coop")
	size := a.Log().Size()

	db, err := sql.Open("sqlite", env.path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
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

	_, err = env.submit("chief", "add_item", obj{"id": "i2", "title": "The accounts"})
	if !errors.Is(err, engine.ErrNotRecorded) || !errors.Is(err, engine.ErrStopped) || !errors.Is(err, ledger.ErrBadHead) {
		t.Fatalf("the command on a rolled-back log: %v; want it not recorded, the assembly stopped, for a bad head", err)
	}
	_, err = env.submit("chief", "add_item", obj{"id": "i3", "title": "The elections"})
	if !errors.Is(err, engine.ErrStopped) {
		t.Fatalf("the command after: %v; want the assembly stopped", err)
	}
	var n int64
	if err := db.QueryRow(`SELECT size FROM logs`).Scan(&n); err != nil || n != size-1 {
		t.Fatalf("the log's size is %d (%v), want %d: nothing appended", n, err, size-1)
	}
}
