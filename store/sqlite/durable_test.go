package sqlite

import (
	"database/sql"
	"path/filepath"
	"testing"
)

// TestWritesAreSynced: the writing connections, of Open and of OpenDB,
// run in WAL mode with synchronous=FULL, so that a commit returns only
// once the write-ahead log is synced. Nothing else tells: the crash test
// kills the process, and the kernel still writes out what it was given;
// only a power cut loses a commit that was not synced.
func TestWritesAreSynced(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plenum.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w, r, err := OpenDB(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	defer r.Close()
	for name, db := range map[string]*sql.DB{"Open": st.w, "OpenDB": w} {
		var mode string
		var sync int
		if err := db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if err := db.QueryRow(`PRAGMA synchronous`).Scan(&sync); err != nil {
			t.Fatal(err)
		}
		if mode != "wal" || sync != 2 {
			t.Errorf("%s's writer runs journal_mode=%s, synchronous=%d; want wal and 2 (FULL)", name, mode, sync)
		}
	}
}
