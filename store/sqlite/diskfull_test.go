package sqlite_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plenum/ledger"
	"plenum/store/sqlite"
	"plenum/store/sqlite/sqlitetest"
)

// TestDiskFullAtAppend: the disk fills while a Log appends (the file size
// limit of this process stands in for it, RLIMIT_FSIZE: SQLite's writes
// past it fail as on a full disk). The append that does not fit fails
// with ErrNotAppended, naming the database and what to do — its outcome known, nothing of it
// stored, the Log and the store's head where they were — and once there
// is room again the Log appends on, and the database, reopened, holds
// every entry acknowledged and verifies.
func TestDiskFullAtAppend(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "plenum.db")
	const o = "plenum.test/log/a"
	st, l, verifier := openSignedLog(t, path, o)
	defer st.Close()
	defer l.Close()
	comrades := strings.Repeat("Comrades! ", 400)
	acked := 0
	for ; acked < 10; acked++ {
		if _, err := l.Append(ctx, speech(acked, comrades)); err != nil {
			t.Fatal(err)
		}
	}

	var largest int64
	for _, p := range []string{path, path + "-wal"} {
		if fi, err := os.Stat(p); err == nil {
			largest = max(largest, fi.Size())
		}
	}
	restore := sqlitetest.FillDisk(t, largest+64<<10)
	var failure error
	for range 100 {
		if _, err := l.Append(ctx, speech(acked, comrades)); err != nil {
			failure = err
			break
		}
		acked++
	}
	if failure == nil {
		t.Fatal("100 appends past the file size limit succeeded")
	}
	if !errors.Is(failure, ledger.ErrNotAppended) || errors.Is(failure, ledger.ErrOutcomeUnknown) || !strings.Contains(failure.Error(), path+": ") || !strings.Contains(failure.Error(), "make room on its disk") {
		t.Fatalf("the append that did not fit: %v; want ErrNotAppended, naming the database and what to do", failure)
	}
	if l.Size() != int64(acked) {
		t.Fatalf("after the failed append the Log has %d entries, want %d", l.Size(), acked)
	}
	if h, err := st.Head(ctx, o); err != nil || h.Size != int64(acked) {
		t.Fatalf("after the failed append Head = %d, %v; want %d", h.Size, err, acked)
	}
	// Still full: still refused, still known.
	if _, err := l.Append(ctx, speech(acked, comrades)); !errors.Is(err, ledger.ErrNotAppended) {
		t.Fatalf("a second append on the full disk: %v; want ErrNotAppended", err)
	}
	restore()
	for range 5 {
		if _, err := l.Append(ctx, speech(acked, comrades)); err != nil {
			t.Fatalf("an append once there is room again: %v", err)
		}
		acked++
	}
	l.Close()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	auditSpeeches(t, "reopened", st, verifier, acked)
}
