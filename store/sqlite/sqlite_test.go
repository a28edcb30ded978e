package sqlite_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
	"plenum/store/sqlite"
)

func TestStore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	const o = "test/assembly/a"
	if _, err := st.Head(ctx, o); !errors.Is(err, ledger.ErrLogNotFound) {
		t.Fatalf("Head of missing log: %v", err)
	}
	if err := st.CreateLog(ctx, o, []byte("cp0")); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateLog(ctx, o, []byte("cp0")); !errors.Is(err, ledger.ErrLogExists) {
		t.Fatalf("second CreateLog: %v", err)
	}
	rec := func(i int64) ledger.Record {
		return ledger.Record{Index: i, Data: []byte{byte(i)}, Hashes: []tlog.Hash{tlog.RecordHash([]byte{byte(i)})}}
	}
	var recs []ledger.Record
	for i := range int64(300) {
		recs = append(recs, rec(i))
	}
	if err := st.AppendBatch(ctx, o, &ledger.Batch{First: 0, Records: recs, Checkpoint: []byte("cp300"), Blobs: []ledger.Blob{{SHA256: [32]byte{1}, Data: []byte("blob")}}}); err != nil {
		t.Fatal(err)
	}
	// A batch that does not start at the end changes nothing.
	if err := st.AppendBatch(ctx, o, &ledger.Batch{First: 299, Records: []ledger.Record{rec(299)}, Checkpoint: []byte("x")}); !errors.Is(err, ledger.ErrConflict) {
		t.Fatalf("conflicting batch: %v", err)
	}
	if err := st.AppendBatch(ctx, o, &ledger.Batch{First: 300, Records: []ledger.Record{rec(301)}, Checkpoint: []byte("x")}); err == nil {
		t.Fatal("batch with a gap accepted")
	}
	h, err := st.Head(ctx, o)
	if err != nil || h.Size != 300 || string(h.Checkpoint) != "cp300" {
		t.Fatalf("Head = %+v, %v", h, err)
	}
	var n int64
	err = st.ScanRecords(ctx, o, 10, 20, func(r ledger.Record) error {
		if r.Index != 10+n || r.Data[0] != byte(r.Index) || r.Hashes[0] != rec(r.Index).Hashes[0] {
			t.Errorf("scanned %+v", r)
		}
		n++
		return nil
	})
	if err != nil || n != 10 {
		t.Fatalf("ScanRecords: %d, %v", n, err)
	}
	got, err := st.ReadRecords(ctx, o, []int64{299, 3, 3})
	if err != nil || got[0].Index != 299 || got[1].Index != 3 || got[2].Index != 3 {
		t.Fatalf("ReadRecords = %v, %v", got, err)
	}
	if _, err := st.ReadRecords(ctx, o, []int64{300}); !errors.Is(err, ledger.ErrNotFound) {
		t.Fatalf("ReadRecords past the end: %v", err)
	}
	cps, err := st.Checkpoints(ctx, o, -1, 10)
	if err != nil || len(cps) != 2 || cps[0].Size != 0 || cps[1].Size != 300 {
		t.Fatalf("Checkpoints = %v, %v", cps, err)
	}
	if b, err := st.Blob(ctx, [32]byte{1}); err != nil || string(b) != "blob" {
		t.Fatalf("Blob = %q, %v", b, err)
	}
	if _, err := st.Blob(ctx, [32]byte{2}); !errors.Is(err, ledger.ErrNotFound) {
		t.Fatalf("missing Blob: %v", err)
	}

	// A read-only store opened beside the writer sees the same and cannot write.
	ro, err := sqlite.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if h, err := ro.Head(ctx, o); err != nil || h.Size != 300 {
		t.Fatalf("read-only Head = %+v, %v", h, err)
	}
	if err := ro.AppendBatch(ctx, o, &ledger.Batch{First: 300, Records: []ledger.Record{rec(300)}, Checkpoint: []byte("x")}); err == nil {
		t.Fatal("read-only store appended")
	}
	if logs, err := ro.Logs(ctx); err != nil || len(logs) != 1 || logs[0] != o {
		t.Fatalf("Logs = %v, %v", logs, err)
	}
}

func TestOpenReadOnlyRejectsOtherFiles(t *testing.T) {
	if _, err := sqlite.OpenReadOnly(filepath.Join(t.TempDir(), "missing.db")); err == nil {
		t.Fatal("opened a missing file")
	}
}
