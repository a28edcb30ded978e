package sqlite_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
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

// openWithLog opens the store at path and creates the log o in it, its
// checkpoint "cp0".
func openWithLog(t *testing.T, path, o string) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.CreateLog(context.Background(), o, []byte("cp0")); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestScanConnections covers the connections ScanRecords reads through
// (SQLite's C interface, apart from database/sql): a read-only store scans
// what the writer commits while it writes, several scans run at once and
// inside one another, a scan stopped by its callback or its context frees
// its connection, and Close closes them all, so that the writer's Close
// still checkpoints and removes the write-ahead log, and a scan after
// Close fails.
func TestScanConnections(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	const o = "test/assembly/a"
	st := openWithLog(t, path, o)
	ro, err := sqlite.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	data := func(i int64) []byte {
		return fmt.Appendf(nil, `{"index":%d,"filler":"%s"}`, i, strings.Repeat("x", int(i%300)))
	}
	var size int64
	for batch := range 20 {
		var recs []ledger.Record
		for i := size; i < size+100; i++ {
			recs = append(recs, ledger.Record{Index: i, Data: data(i), Hashes: []tlog.Hash{tlog.RecordHash(data(i)), {byte(i)}}})
		}
		if err := st.AppendBatch(ctx, o, &ledger.Batch{First: size, Records: recs, Checkpoint: fmt.Appendf(nil, "cp%d", size+100)}); err != nil {
			t.Fatal(err)
		}
		size += 100
		// Both stores see every committed record, with its bytes and
		// hashes, in order; the read-only one a scan inside another.
		for _, s := range []*sqlite.Store{st, ro} {
			next := int64(0)
			err := s.ScanRecords(ctx, o, 0, size, func(r ledger.Record) error {
				if r.Index != next || !bytes.Equal(r.Data, data(next)) || len(r.Hashes) != 2 || r.Hashes[0] != tlog.RecordHash(data(next)) || r.Hashes[1] != (tlog.Hash{byte(next)}) {
					return fmt.Errorf("record %d: %+v", next, r)
				}
				if next == int64(batch) {
					var inner int
					if err := s.ScanRecords(ctx, o, next, size, func(ledger.Record) error { inner++; return nil }); err != nil || int64(inner) != size-next {
						return fmt.Errorf("inner scan: %d records, %v", inner, err)
					}
				}
				next++
				return nil
			})
			if err != nil || next != size {
				t.Fatalf("batch %d: scanned %d of %d: %v", batch, next, size, err)
			}
		}
	}
	// Scans at once, each stopped early by its callback or its context.
	var wg sync.WaitGroup
	stop := errors.New("stop")
	for g := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := []*sqlite.Store{st, ro}[g%2]
			for round := range 20 {
				cctx, cancel := context.WithCancel(ctx)
				n := 0
				err := s.ScanRecords(cctx, o, int64(round), size, func(ledger.Record) error {
					n++
					switch {
					case n == 1500 && g%3 == 0:
						return stop
					case n == 500 && g%3 == 1:
						cancel()
					}
					return nil
				})
				cancel()
				var want error
				switch g % 3 {
				case 0:
					want = stop
				case 1:
					want = context.Canceled
				}
				if !errors.Is(err, want) {
					t.Errorf("scan %d/%d: %v, want %v", g, round, err, want)
				}
			}
		}()
	}
	wg.Wait()
	if err := ro.Close(); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatalf("Close after scans: %v", err)
	}
	if _, err := os.Stat(path + "-wal"); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("write-ahead log after Close: %v", err)
	}
	if err := st.ScanRecords(ctx, o, 0, 10, func(ledger.Record) error { return nil }); err == nil {
		t.Fatal("ScanRecords after Close succeeded")
	}
}

// TestAppendBatchEverySize appends batches of every size from 1 to 130
// and some larger (each written by the prepared inserts of 128, 64, …, 1
// rows that fit it), reopens the database, and reads every record back,
// with the checkpoint of each batch.
func TestAppendBatchEverySize(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	const o = "test/assembly/sizes"
	st := openWithLog(t, path, o)
	rec := func(i int64) ledger.Record {
		d := fmt.Appendf(nil, "entry %d", i)
		return ledger.Record{Index: i, Data: d, Hashes: []tlog.Hash{tlog.RecordHash(d), {byte(i), byte(i >> 8)}}}
	}
	var sizes []int
	for n := 1; n <= 130; n++ {
		sizes = append(sizes, n)
	}
	sizes = append(sizes, 255, 256, 257, 383, 1000)
	var size int64
	for _, n := range sizes {
		b := &ledger.Batch{First: size, Checkpoint: fmt.Appendf(nil, "cp%d", size+int64(n))}
		for i := range n {
			b.Records = append(b.Records, rec(size+int64(i)))
		}
		if err := st.AppendBatch(ctx, o, b); err != nil {
			t.Fatalf("a batch of %d: %v", n, err)
		}
		size += int64(n)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if h, err := st.Head(ctx, o); err != nil || h.Size != size || string(h.Checkpoint) != fmt.Sprintf("cp%d", size) {
		t.Fatalf("Head = %d %q, %v; want %d", h.Size, h.Checkpoint, err, size)
	}
	var next int64
	err = st.ScanRecords(ctx, o, 0, size, func(r ledger.Record) error {
		want := rec(next)
		if r.Index != next || !bytes.Equal(r.Data, want.Data) || len(r.Hashes) != 2 || r.Hashes[0] != want.Hashes[0] || r.Hashes[1] != want.Hashes[1] {
			return fmt.Errorf("record %d read back as %d %q %x", next, r.Index, r.Data, r.Hashes)
		}
		next++
		return nil
	})
	if err != nil || next != size {
		t.Fatalf("ScanRecords: %v after %d of %d", err, next, size)
	}
	cps, err := st.Checkpoints(ctx, o, 0, len(sizes)+1)
	if err != nil || len(cps) != len(sizes) {
		t.Fatalf("Checkpoints: %d, %v; want %d", len(cps), err, len(sizes))
	}
}
