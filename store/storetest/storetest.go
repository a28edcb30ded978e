// Package storetest is the conformance suite for implementations of
// ledger.Store: every store plenum ships must pass Run.
//
// A store's test calls Run with a function that opens the store under
// test. Calls to open with the same *testing.T must return stores on the
// same database (so the suite can race two stores on one log) — or, for a
// store that allows one writer per database (SQLite), the same store
// again; calls with different *testing.T must return stores on fresh,
// empty databases. open closes what it opens with t.Cleanup, and must be
// safe to call from parallel tests. PerTest builds such a function.
package storetest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
)

// PerTest returns an open function for Run from two steps: create makes
// a fresh, empty database for a test and returns its name (a path or a
// DSN), and open opens a store on a named database, registering its Close
// with t.Cleanup. create runs once per test; open runs on every call.
func PerTest(create func(t *testing.T) string, open func(t *testing.T, name string) ledger.Store) func(t *testing.T) ledger.Store {
	var (
		mu    sync.Mutex
		names = map[*testing.T]string{}
	)
	return func(t *testing.T) ledger.Store {
		t.Helper()
		mu.Lock()
		name, ok := names[t]
		mu.Unlock()
		if !ok {
			name = create(t)
			mu.Lock()
			names[t] = name
			mu.Unlock()
			t.Cleanup(func() {
				mu.Lock()
				delete(names, t)
				mu.Unlock()
			})
		}
		return open(t, name)
	}
}

// Run checks every contract of ledger.Store against the store open returns.
func Run(t *testing.T, open func(t *testing.T) ledger.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, open func(t *testing.T) ledger.Store)
	}{
		{"CreateLog", testCreateLog},
		{"UnknownLog", testUnknownLog},
		{"AppendAndHead", testAppendAndHead},
		{"ConflictChangesNothing", testConflict},
		{"MalformedBatchChangesNothing", testMalformedBatch},
		{"CancelledAppendLeavesNothing", testCancelledAppend},
		{"InterruptedAppendIsAtomic", testInterruptedAppend},
		{"RoundTrip", testRoundTrip},
		{"ScanRecords", testScanRecords},
		{"ReadRecords", testReadRecords},
		{"Checkpoints", testCheckpoints},
		{"Blobs", testBlobs},
		{"Cosignatures", testCosignatures},
		{"SealedBallots", testSealedBallots},
		{"LogsAreSeparate", testLogsSeparate},
		{"ConcurrentReadsDuringAppends", testConcurrentReads},
		{"RacingAppendOneStore", func(t *testing.T, open func(t *testing.T) ledger.Store) {
			st := open(t)
			testRace(t, st, st)
		}},
		{"RacingAppendTwoStores", func(t *testing.T, open func(t *testing.T) ledger.Store) {
			testRace(t, open(t), open(t))
		}},
		{"LedgerEndToEnd", testLedgerEndToEnd},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel() // each on its own database
			tt.fn(t, open)
		})
	}
}

func ctxFor(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// builder makes well-formed batches for one log: records with real tlog
// hashes, distinct data, and a recognizable checkpoint per size.
type builder struct {
	origin string
	size   int64
	hashes []tlog.Hash // every stored hash, by tlog stored-hash index
	recs   []ledger.Record
	cps    map[int64][]byte
}

func newBuilder(origin string) *builder {
	return &builder{origin: origin, cps: map[int64][]byte{0: checkpoint(origin, 0)}}
}

// checkpoint returns fake signed-checkpoint bytes: the store must keep
// them exactly and never interpret them. They include bytes that are not
// UTF-8 and a NUL so that a text column would be caught.
func checkpoint(origin string, size int64) []byte {
	return fmt.Appendf(nil, "%s\n%d\n\xff\x00 signed\n", origin, size)
}

// data returns the bytes of record i of a log: distinct per log and index,
// with NUL and non-UTF-8 bytes, and of varying length.
func data(origin string, i int64) []byte {
	b := fmt.Appendf(nil, "%s\x00%d\xfe", origin, i)
	for j := int64(0); j < i%37; j++ {
		b = append(b, byte(i+j))
	}
	return b
}

func (b *builder) readHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, x := range indexes {
		if x < 0 || x >= int64(len(b.hashes)) {
			return nil, fmt.Errorf("hash %d not stored", x)
		}
		out[i] = b.hashes[x]
	}
	return out, nil
}

// next returns the batch appending n records to the log, without yet
// counting them as committed; commit does that.
func (b *builder) next(t testing.TB, n int) *ledger.Batch {
	t.Helper()
	batch := &ledger.Batch{First: b.size}
	hashes := b.hashes
	for i := int64(0); i < int64(n); i++ {
		idx := b.size + i
		d := data(b.origin, idx)
		hs, err := tlog.StoredHashes(idx, d, tlog.HashReaderFunc(func(xs []int64) ([]tlog.Hash, error) {
			out := make([]tlog.Hash, len(xs))
			for j, x := range xs {
				if x < 0 || x >= int64(len(hashes)) {
					return nil, fmt.Errorf("hash %d not stored", x)
				}
				out[j] = hashes[x]
			}
			return out, nil
		}))
		if err != nil {
			t.Fatal(err)
		}
		hashes = append(hashes, hs...)
		batch.Records = append(batch.Records, ledger.Record{Index: idx, Data: d, Hashes: hs})
	}
	batch.Checkpoint = checkpoint(b.origin, b.size+int64(n))
	return batch
}

// commit records batch, built by next, as committed.
func (b *builder) commit(batch *ledger.Batch) {
	for _, r := range batch.Records {
		b.hashes = append(b.hashes, r.Hashes...)
		b.recs = append(b.recs, r)
	}
	b.size += int64(len(batch.Records))
	b.cps[b.size] = batch.Checkpoint
}

// append builds and appends a batch of n records, failing t on error.
func (b *builder) append(t testing.TB, ctx context.Context, st ledger.Store, n int, blobs ...ledger.Blob) *ledger.Batch {
	t.Helper()
	batch := b.next(t, n)
	batch.Blobs = blobs
	if err := st.AppendBatch(ctx, b.origin, batch); err != nil {
		t.Fatalf("AppendBatch(%s, first %d, %d records): %v", b.origin, batch.First, n, err)
	}
	b.commit(batch)
	return batch
}

func create(t testing.TB, ctx context.Context, st ledger.Store, origin string) *builder {
	t.Helper()
	b := newBuilder(origin)
	if err := st.CreateLog(ctx, origin, b.cps[0]); err != nil {
		t.Fatalf("CreateLog(%q): %v", origin, err)
	}
	return b
}

func blob(s string) ledger.Blob {
	d := []byte(s)
	return ledger.Blob{SHA256: sha256.Sum256(d), Data: d}
}

// checkState checks that st holds exactly what b says was committed:
// head, every record, every checkpoint.
func checkState(t *testing.T, ctx context.Context, st ledger.Store, b *builder) {
	t.Helper()
	for name, head := range map[string]func(context.Context, string) (ledger.Head, error){"Head": st.Head, "SettledHead": st.SettledHead} {
		h, err := head(ctx, b.origin)
		if err != nil {
			t.Fatalf("%s(%q): %v", name, b.origin, err)
		}
		if h.Size != b.size || !bytes.Equal(h.Checkpoint, b.cps[b.size]) {
			t.Fatalf("%s(%q) = size %d, checkpoint %q; want size %d, checkpoint %q", name, b.origin, h.Size, h.Checkpoint, b.size, b.cps[b.size])
		}
	}
	var got []ledger.Record
	err := st.ScanRecords(ctx, b.origin, 0, b.size+100, func(r ledger.Record) error {
		got = append(got, cloneRecord(r))
		return nil
	})
	if err != nil {
		t.Fatalf("ScanRecords(%q): %v", b.origin, err)
	}
	if len(got) != len(b.recs) {
		t.Fatalf("ScanRecords(%q, 0, %d) visited %d records, want %d", b.origin, b.size+100, len(got), len(b.recs))
	}
	for i := range got {
		if err := sameRecord(got[i], b.recs[i]); err != nil {
			t.Fatalf("ScanRecords(%q): record %d: %v", b.origin, i, err)
		}
	}
	cps, err := st.Checkpoints(ctx, b.origin, -1, len(b.cps)+10)
	if err != nil {
		t.Fatalf("Checkpoints(%q): %v", b.origin, err)
	}
	if len(cps) != len(b.cps) {
		t.Fatalf("Checkpoints(%q) returned %d, want %d", b.origin, len(cps), len(b.cps))
	}
	for _, c := range cps {
		if want, ok := b.cps[c.Size]; !ok || !bytes.Equal(c.Signed, want) {
			t.Fatalf("Checkpoints(%q): size %d is %q, want %q", b.origin, c.Size, c.Signed, want)
		}
	}
}

func cloneRecord(r ledger.Record) ledger.Record {
	return ledger.Record{Index: r.Index, Data: bytes.Clone(r.Data), Hashes: append([]tlog.Hash(nil), r.Hashes...)}
}

func sameRecord(got, want ledger.Record) error {
	if got.Index != want.Index {
		return fmt.Errorf("index %d, want %d", got.Index, want.Index)
	}
	if !bytes.Equal(got.Data, want.Data) {
		return fmt.Errorf("entry %d: data %q, want %q", got.Index, got.Data, want.Data)
	}
	if len(got.Hashes) != len(want.Hashes) {
		return fmt.Errorf("entry %d: %d hashes, want %d", got.Index, len(got.Hashes), len(want.Hashes))
	}
	for i := range got.Hashes {
		if got.Hashes[i] != want.Hashes[i] {
			return fmt.Errorf("entry %d: hash %d is %v, want %v", got.Index, i, got.Hashes[i], want.Hashes[i])
		}
	}
	return nil
}

func testCreateLog(t *testing.T, open func(t *testing.T) ledger.Store) {
	ctx := ctxFor(t)
	st := open(t)
	logs, err := st.Logs(ctx)
	if err != nil || len(logs) != 0 {
		t.Fatalf("Logs of an empty store = %q, %v; want none", logs, err)
	}
	// Sorted means sorted as Go sorts strings, by bytes, whatever a
	// database's collation would say.
	origins := []string{"example.org/log/b", "example.org/log/a", "example.org/log/é", "example.org/log/B", "example.org/log/a_c", "example.org/log/ab", "example.org/log/a-d"}
	bs := map[string]*builder{}
	for _, o := range origins {
		bs[o] = create(t, ctx, st, o)
	}
	err = st.CreateLog(ctx, origins[0], []byte("another checkpoint"))
	if !errors.Is(err, ledger.ErrLogExists) {
		t.Fatalf("second CreateLog(%q) = %v, want ErrLogExists", origins[0], err)
	}
	logs, err = st.Logs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := slices.Sorted(slices.Values(origins))
	if fmt.Sprint(logs) != fmt.Sprint(want) {
		t.Fatalf("Logs = %q, want %q", logs, want)
	}
	for _, b := range bs {
		checkState(t, ctx, st, b) // size 0, the size-0 checkpoint, unchanged by the duplicate
	}
}

func testUnknownLog(t *testing.T, open func(t *testing.T) ledger.Store) {
	ctx := ctxFor(t)
	st := open(t)
	create(t, ctx, st, "example.org/log/known")
	const o = "example.org/log/unknown"
	if _, err := st.Head(ctx, o); !errors.Is(err, ledger.ErrLogNotFound) {
		t.Errorf("Head of unknown log: %v, want ErrLogNotFound", err)
	}
	if _, err := st.SettledHead(ctx, o); !errors.Is(err, ledger.ErrLogNotFound) {
		t.Errorf("SettledHead of unknown log: %v, want ErrLogNotFound", err)
	}
	b := newBuilder(o)
	if err := st.AppendBatch(ctx, o, b.next(t, 1)); !errors.Is(err, ledger.ErrLogNotFound) {
		t.Errorf("AppendBatch to unknown log: %v, want ErrLogNotFound", err)
	}
	err := st.ScanRecords(ctx, o, 0, 10, func(ledger.Record) error { return nil })
	if !errors.Is(err, ledger.ErrLogNotFound) {
		t.Errorf("ScanRecords of unknown log: %v, want ErrLogNotFound", err)
	}
	if _, err := st.ReadRecords(ctx, o, []int64{0}); !errors.Is(err, ledger.ErrLogNotFound) {
		t.Errorf("ReadRecords of unknown log: %v, want ErrLogNotFound", err)
	}
	if _, err := st.Checkpoints(ctx, o, -1, 10); !errors.Is(err, ledger.ErrLogNotFound) {
		t.Errorf("Checkpoints of unknown log: %v, want ErrLogNotFound", err)
	}
	if logs, err := st.Logs(ctx); err != nil || len(logs) != 1 {
		t.Errorf("Logs = %q, %v; the failed append created a log", logs, err)
	}
}

func testAppendAndHead(t *testing.T, open func(t *testing.T) ledger.Store) {
	ctx := ctxFor(t)
	st := open(t)
	b := create(t, ctx, st, "example.org/log/a")
	for _, n := range []int{1, 2, 5, 300, 1} {
		b.append(t, ctx, st, n)
		h, err := st.Head(ctx, b.origin)
		if err != nil || h.Size != b.size || !bytes.Equal(h.Checkpoint, b.cps[b.size]) {
			t.Fatalf("after appending %d: Head = %d %q, %v; want %d %q", n, h.Size, h.Checkpoint, err, b.size, b.cps[b.size])
		}
	}
	checkState(t, ctx, st, b)
}

func testConflict(t *testing.T, open func(t *testing.T) ledger.Store) {
	ctx := ctxFor(t)
	st := open(t)
	b := create(t, ctx, st, "example.org/log/a")
	b.append(t, ctx, st, 10)
	stray := blob("blob of a conflicting batch")
	for _, first := range []int64{0, 9, 11, 1 << 40} {
		batch := &ledger.Batch{First: first, Checkpoint: []byte("conflicting checkpoint"), Blobs: []ledger.Blob{stray}}
		for i := int64(0); i < 3; i++ {
			batch.Records = append(batch.Records, ledger.Record{Index: first + i, Data: []byte("conflicting"), Hashes: []tlog.Hash{{1}}})
		}
		err := st.AppendBatch(ctx, b.origin, batch)
		if !errors.Is(err, ledger.ErrConflict) {
			t.Fatalf("AppendBatch with First %d on a log of size 10: %v, want ErrConflict", first, err)
		}
	}
	checkState(t, ctx, st, b)
	if _, err := st.Blob(ctx, stray.SHA256); !errors.Is(err, ledger.ErrNotFound) {
		t.Fatalf("a conflicting batch left its blob behind: Blob = %v, want ErrNotFound", err)
	}
	b.append(t, ctx, st, 1) // and the log goes on
	checkState(t, ctx, st, b)
}

func testMalformedBatch(t *testing.T, open func(t *testing.T) ledger.Store) {
	ctx := ctxFor(t)
	st := open(t)
	b := create(t, ctx, st, "example.org/log/a")
	b.append(t, ctx, st, 3)
	gap := b.next(t, 3)
	gap.Records[2].Index++
	noCheckpoint := b.next(t, 2)
	noCheckpoint.Checkpoint = nil
	for name, batch := range map[string]*ledger.Batch{
		"record indexes with a gap": gap,
		"no records":                {First: b.size, Checkpoint: []byte("empty")},
		"no checkpoint":             noCheckpoint,
	} {
		if err := st.AppendBatch(ctx, b.origin, batch); err == nil {
			t.Errorf("AppendBatch of a batch with %s succeeded", name)
		}
	}
	checkState(t, ctx, st, b)
}

func testCancelledAppend(t *testing.T, open func(t *testing.T) ledger.Store) {
	ctx := ctxFor(t)
	st := open(t)
	b := create(t, ctx, st, "example.org/log/a")
	b.append(t, ctx, st, 5)
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	stray := blob("blob of a cancelled batch")
	batch := b.next(t, 500)
	batch.Blobs = []ledger.Blob{stray}
	if err := st.AppendBatch(cctx, b.origin, batch); err == nil {
		t.Fatal("AppendBatch with a cancelled context succeeded")
	}
	checkState(t, ctx, st, b)
	if _, err := st.Blob(ctx, stray.SHA256); !errors.Is(err, ledger.ErrNotFound) {
		t.Fatalf("a cancelled batch left its blob behind: Blob = %v, want ErrNotFound", err)
	}
	b.append(t, ctx, st, 5)
	checkState(t, ctx, st, b)
}

// testInterruptedAppend cancels appends of large batches at different
// moments. Whatever AppendBatch returns, the store must then hold either
// all of the batch or none of it; and if it returned nil, all of it.
func testInterruptedAppend(t *testing.T, open func(t *testing.T) ledger.Store) {
	ctx := ctxFor(t)
	st := open(t)
	b := create(t, ctx, st, "example.org/log/a")
	var ok, failed int
	// Deadlines from 1µs growing fourfold, until one batch got through.
	for d := time.Microsecond; ok == 0 && d < 10*time.Second; d *= 4 {
		batch := b.next(t, 2000)
		sum := blob(fmt.Sprintf("blob of batch %d", b.size))
		batch.Blobs = []ledger.Blob{sum}
		actx, cancel := context.WithTimeout(ctx, d)
		err := st.AppendBatch(actx, b.origin, batch)
		cancel()
		h, herr := st.Head(ctx, b.origin)
		if herr != nil {
			t.Fatal(herr)
		}
		switch {
		case h.Size == batch.First+int64(len(batch.Records)):
			b.commit(batch)
			ok++
			if _, err := st.Blob(ctx, sum.SHA256); err != nil {
				t.Fatalf("batch committed without its blob: %v", err)
			}
		case h.Size == batch.First:
			if err == nil {
				t.Fatalf("AppendBatch returned nil but the head is still at %d", h.Size)
			}
			failed++
			if _, err := st.Blob(ctx, sum.SHA256); !errors.Is(err, ledger.ErrNotFound) {
				t.Fatalf("an interrupted batch left its blob behind: Blob = %v", err)
			}
		default:
			t.Fatalf("after an interrupted AppendBatch (%v) of %d records at %d, head is at %d", err, len(batch.Records), batch.First, h.Size)
		}
		checkState(t, ctx, st, b)
	}
	t.Logf("%d interrupted batches committed, %d left nothing", ok, failed)
}

func testRoundTrip(t *testing.T, open func(t *testing.T) ledger.Store) {
	ctx := ctxFor(t)
	st := open(t)
	b := create(t, ctx, st, "example.org/log/a")
	// Unusual but legal contents: empty data, a large record, all byte values.
	batch := b.next(t, 4)
	batch.Records[1].Data = []byte{}
	batch.Records[2].Data = bytes.Repeat([]byte{0, 0xff, '\'', '\\', '\n'}, 20000)
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	batch.Records[3].Data = all
	if err := st.AppendBatch(ctx, b.origin, batch); err != nil {
		t.Fatal(err)
	}
	b.commit(batch)
	b.append(t, ctx, st, 1000) // records with up to 10 stored hashes
	checkState(t, ctx, st, b)
	idx := make([]int64, len(b.recs))
	for i := range idx {
		idx[i] = int64(i)
	}
	got, err := st.ReadRecords(ctx, b.origin, idx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range got {
		if err := sameRecord(got[i], b.recs[i]); err != nil {
			t.Fatalf("ReadRecords: %v", err)
		}
	}
	if len(got[1].Data) != 0 {
		t.Fatalf("empty data read back as %q", got[1].Data)
	}
}

func testScanRecords(t *testing.T, open func(t *testing.T) ledger.Store) {
	ctx := ctxFor(t)
	st := open(t)
	b := create(t, ctx, st, "example.org/log/a")
	b.append(t, ctx, st, 7)
	b.append(t, ctx, st, 93)
	b.append(t, ctx, st, 50) // size 150, three batches
	for _, r := range []struct{ start, end int64 }{
		{0, 150}, {0, 1}, {149, 150}, {5, 7}, {6, 8}, {7, 100}, {99, 101}, {10, 10},
		{20, 10}, {-5, 3}, {140, 1000}, {150, 200}, {1 << 40, 1<<40 + 5},
	} {
		want := []ledger.Record{}
		for i := max(r.start, 0); i < min(r.end, b.size); i++ {
			want = append(want, b.recs[i])
		}
		var got []ledger.Record
		err := st.ScanRecords(ctx, b.origin, r.start, r.end, func(rec ledger.Record) error {
			got = append(got, cloneRecord(rec))
			return nil
		})
		if err != nil {
			t.Fatalf("ScanRecords(%d, %d): %v", r.start, r.end, err)
		}
		if len(got) != len(want) {
			t.Fatalf("ScanRecords(%d, %d) visited %d records, want %d", r.start, r.end, len(got), len(want))
		}
		for i := range got {
			if err := sameRecord(got[i], want[i]); err != nil {
				t.Fatalf("ScanRecords(%d, %d): visit %d: %v", r.start, r.end, i, err)
			}
		}
	}
	// An error from fn stops the scan and is returned.
	stop := errors.New("stop here")
	var n int
	err := st.ScanRecords(ctx, b.origin, 0, 150, func(ledger.Record) error {
		n++
		if n == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 10 {
		t.Fatalf("ScanRecords with fn failing at the 10th record: %d calls, %v; want 10 calls and the error of fn", n, err)
	}
	// A scan with a cancelled context fails. (How soon a scan notices
	// a cancellation while it runs is not part of the contract.)
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	n = 0
	err = st.ScanRecords(cctx, b.origin, 0, 150, func(ledger.Record) error {
		n++
		return nil
	})
	if err == nil {
		t.Fatalf("ScanRecords with a cancelled context visited %d records and returned nil", n)
	}
}

func testReadRecords(t *testing.T, open func(t *testing.T) ledger.Store) {
	ctx := ctxFor(t)
	st := open(t)
	b := create(t, ctx, st, "example.org/log/a")
	b.append(t, ctx, st, 400)
	b.append(t, ctx, st, 200)
	check := func(idx []int64) {
		t.Helper()
		got, err := st.ReadRecords(ctx, b.origin, idx)
		if err != nil {
			t.Fatalf("ReadRecords(%d indexes): %v", len(idx), err)
		}
		if len(got) != len(idx) {
			t.Fatalf("ReadRecords(%d indexes) returned %d", len(idx), len(got))
		}
		for i, x := range idx {
			if err := sameRecord(got[i], b.recs[x]); err != nil {
				t.Fatalf("ReadRecords: answer %d (index %d): %v", i, x, err)
			}
		}
	}
	check([]int64{5})
	check([]int64{599, 0, 300, 3, 3, 599})
	var many []int64 // more than one query's worth, in a scrambled order
	for i := int64(0); i < 1500; i++ {
		many = append(many, (i*7919)%600)
	}
	check(many)
	if got, err := st.ReadRecords(ctx, b.origin, nil); err != nil || len(got) != 0 {
		t.Fatalf("ReadRecords(none) = %d records, %v; want none, nil", len(got), err)
	}
	for _, idx := range [][]int64{{600}, {0, 1, 600, 2}, {-1}, {1 << 40}, append(append([]int64(nil), many...), 601)} {
		if _, err := st.ReadRecords(ctx, b.origin, idx); !errors.Is(err, ledger.ErrNotFound) {
			t.Fatalf("ReadRecords with a missing index (of %d): %v, want ErrNotFound", len(idx), err)
		}
	}
}

func testCheckpoints(t *testing.T, open func(t *testing.T) ledger.Store) {
	ctx := ctxFor(t)
	st := open(t)
	b := create(t, ctx, st, "example.org/log/a")
	sizes := []int64{0}
	for _, n := range []int{1, 1, 3, 10, 2, 100, 1} {
		b.append(t, ctx, st, n)
		sizes = append(sizes, b.size)
	}
	for _, c := range []struct {
		after int64
		limit int
	}{{-1, 100}, {-1, 1}, {-1, 3}, {0, 100}, {1, 2}, {2, 100}, {3, 1}, {4, 2}, {17, 100}, {117, 100}, {118, 100}, {1000, 5}, {-1, 0}} {
		var want []int64
		for _, s := range sizes {
			if s > c.after && len(want) < c.limit {
				want = append(want, s)
			}
		}
		got, err := st.Checkpoints(ctx, b.origin, c.after, c.limit)
		if err != nil {
			t.Fatalf("Checkpoints(after %d, limit %d): %v", c.after, c.limit, err)
		}
		var gotSizes []int64
		for _, g := range got {
			gotSizes = append(gotSizes, g.Size)
			if !bytes.Equal(g.Signed, b.cps[g.Size]) {
				t.Fatalf("Checkpoints: size %d is %q, want %q", g.Size, g.Signed, b.cps[g.Size])
			}
		}
		if fmt.Sprint(gotSizes) != fmt.Sprint(want) {
			t.Fatalf("Checkpoints(after %d, limit %d) = sizes %v, want %v", c.after, c.limit, gotSizes, want)
		}
	}
	// Paging one at a time visits every checkpoint once, in order.
	var paged []int64
	for after := int64(-1); ; {
		got, err := st.Checkpoints(ctx, b.origin, after, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 {
			break
		}
		paged = append(paged, got[0].Size)
		after = got[0].Size
		if len(paged) > len(sizes) {
			break
		}
	}
	if fmt.Sprint(paged) != fmt.Sprint(sizes) {
		t.Fatalf("paging Checkpoints one by one: %v, want %v", paged, sizes)
	}
}

func testBlobs(t *testing.T, open func(t *testing.T) ledger.Store) {
	ctx := ctxFor(t)
	st := open(t)
	a := create(t, ctx, st, "example.org/log/a")
	c := create(t, ctx, st, "example.org/log/c")
	big := make([]byte, 3<<20)
	for i := range big {
		big[i] = byte(i * 31)
	}
	bigBlob := ledger.Blob{SHA256: sha256.Sum256(big), Data: big}
	shared := blob("a payload both logs refer to")
	empty := blob("")
	a.append(t, ctx, st, 1, bigBlob, shared, empty)
	// The same blob again, from the same log and from another, is no error.
	a.append(t, ctx, st, 1, shared)
	c.append(t, ctx, st, 2, shared, blob("\x00\xff only c"))
	for _, bl := range []ledger.Blob{bigBlob, shared, empty, blob("\x00\xff only c")} {
		got, err := st.Blob(ctx, bl.SHA256)
		if err != nil {
			t.Fatalf("Blob(%x): %v", bl.SHA256[:4], err)
		}
		if !bytes.Equal(got, bl.Data) {
			t.Fatalf("Blob(%x) = %d bytes, want %d, not the same", bl.SHA256[:4], len(got), len(bl.Data))
		}
	}
	if _, err := st.Blob(ctx, sha256.Sum256([]byte("never stored"))); !errors.Is(err, ledger.ErrNotFound) {
		t.Fatalf("Blob of a missing payload: %v, want ErrNotFound", err)
	}
	checkState(t, ctx, st, a)
	checkState(t, ctx, st, c)
}

func testLogsSeparate(t *testing.T, open func(t *testing.T) ledger.Store) {
	ctx := ctxFor(t)
	st := open(t)
	a := create(t, ctx, st, "example.org/log/a")
	c := create(t, ctx, st, "example.org/log/c")
	a.append(t, ctx, st, 10)
	c.append(t, ctx, st, 3)
	a.append(t, ctx, st, 5)
	// A batch for one log is checked against that log's size only.
	if err := st.AppendBatch(ctx, c.origin, a.next(t, 1)); !errors.Is(err, ledger.ErrConflict) {
		t.Fatalf("AppendBatch to c at a's size: %v, want ErrConflict", err)
	}
	c.append(t, ctx, st, 4)
	checkState(t, ctx, st, a)
	checkState(t, ctx, st, c)
	if _, err := st.ReadRecords(ctx, c.origin, []int64{10}); !errors.Is(err, ledger.ErrNotFound) {
		t.Fatalf("ReadRecords(c, 10) found a's record: %v", err)
	}
}

// testConcurrentReads appends while readers check that every head they
// see is backed by all its records and its checkpoint.
func testConcurrentReads(t *testing.T, open func(t *testing.T) ledger.Store) {
	ctx := ctxFor(t)
	st := open(t)
	b := create(t, ctx, st, "example.org/log/a")
	const batches, per = 30, 50
	want := newBuilder(b.origin) // all batches, built in advance for the readers
	var all []*ledger.Batch
	for range batches {
		batch := want.next(t, per)
		want.commit(batch)
		all = append(all, batch)
	}
	done := make(chan struct{})
	errc := make(chan error, 4)
	var wg sync.WaitGroup
	for r := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errc <- func() error {
				var last int64
				for i := 0; ; i++ {
					select {
					case <-done:
						return nil
					default:
					}
					h, err := st.Head(ctx, b.origin)
					if err != nil {
						return fmt.Errorf("reader %d: Head: %v", r, err)
					}
					if h.Size < last {
						return fmt.Errorf("reader %d: head went back from %d to %d", r, last, h.Size)
					}
					last = h.Size
					if !bytes.Equal(h.Checkpoint, want.cps[h.Size]) {
						return fmt.Errorf("reader %d: head at %d with checkpoint %q", r, h.Size, h.Checkpoint)
					}
					n := int64(0)
					start := max(h.Size-2*per, 0)
					err = st.ScanRecords(ctx, b.origin, start, h.Size, func(rec ledger.Record) error {
						if err := sameRecord(rec, want.recs[start+n]); err != nil {
							return err
						}
						n++
						return nil
					})
					if err != nil {
						return fmt.Errorf("reader %d: ScanRecords: %v", r, err)
					}
					if n != h.Size-start {
						return fmt.Errorf("reader %d: head at %d but only %d of records %d… visited", r, h.Size, n, start)
					}
					if h.Size > 0 {
						if _, err := st.ReadRecords(ctx, b.origin, []int64{h.Size - 1, 0}); err != nil {
							return fmt.Errorf("reader %d: ReadRecords at head %d: %v", r, h.Size, err)
						}
					}
					cps, err := st.Checkpoints(ctx, b.origin, h.Size-1, 1)
					if err != nil || len(cps) != 1 || cps[0].Size != h.Size {
						return fmt.Errorf("reader %d: the head's checkpoint at %d: %v, %v", r, h.Size, cps, err)
					}
				}
			}()
		}()
	}
	for _, batch := range all {
		if err := st.AppendBatch(ctx, b.origin, batch); err != nil {
			t.Errorf("AppendBatch at %d: %v", batch.First, err)
			break
		}
		b.commit(batch)
	}
	close(done)
	wg.Wait()
	close(errc)
	for err := range errc {
		if err != nil {
			t.Error(err)
		}
	}
	checkState(t, ctx, st, b)
}

// testRace has two writers, through st1 and st2, append competing
// batches at the same size, round after round: exactly one must win
// each round and the other fail with ErrConflict.
func testRace(t *testing.T, st1, st2 ledger.Store) {
	ctx := ctxFor(t)
	const o = "example.org/log/raced"
	b := create(t, ctx, st1, o)
	for round := range 8 {
		one := b.next(t, 200)
		two := b.next(t, 100+round)
		for i := range two.Records {
			two.Records[i].Data = append([]byte("two "), two.Records[i].Data...)
		}
		two.Checkpoint = append([]byte("two "), two.Checkpoint...)
		var errs [2]error
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i, w := range []struct {
			st ledger.Store
			b  *ledger.Batch
		}{{st1, one}, {st2, two}} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				errs[i] = w.st.AppendBatch(ctx, o, w.b)
			}()
		}
		close(start)
		wg.Wait()
		var winner *ledger.Batch
		switch {
		case errs[0] == nil && errors.Is(errs[1], ledger.ErrConflict):
			winner = one
		case errs[1] == nil && errors.Is(errs[0], ledger.ErrConflict):
			winner = two
		default:
			t.Fatalf("round %d: AppendBatch results %v and %v; want one nil and one ErrConflict", round, errs[0], errs[1])
		}
		// The tree hashes were computed for one's data; two's differ only
		// in data, which is all the store keeps apart from hashes.
		b.commit(winner)
		checkState(t, ctx, st1, b)
		checkState(t, ctx, st2, b)
	}
}

func testCosignatures(t *testing.T, open func(t *testing.T) ledger.Store) {
	ctx := ctxFor(t)
	st := open(t)
	a := create(t, ctx, st, "example.org/log/a")
	c := create(t, ctx, st, "example.org/log/c")
	a.append(t, ctx, st, 3)
	a.append(t, ctx, st, 2)
	c.append(t, ctx, st, 3)
	lines := func(ls ...string) [][]byte {
		var out [][]byte
		for _, l := range ls {
			out = append(out, []byte(l))
		}
		return out
	}
	check := func(origin string, size int64, want ...string) {
		t.Helper()
		got, err := st.Cosignatures(ctx, origin, size)
		if err != nil {
			t.Fatalf("Cosignatures(%s, %d): %v", origin, size, err)
		}
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", lines(want...)) {
			t.Fatalf("Cosignatures(%s, %d) = %q, want %q", origin, size, got, want)
		}
	}
	check(a.origin, 3) // none yet
	const w1, w2, w3 = "— w1.example AAAA1w==\n", "— w2.example AAAA2w==\n", "— w3.example AAAA3w==\n"
	// One element may hold several lines, the last newline optional.
	if err := st.AddCosignatures(ctx, a.origin, 3, lines(w2+w1)); err != nil {
		t.Fatalf("AddCosignatures: %v", err)
	}
	check(a.origin, 3, w1, w2)
	// Adding a stored line again changes nothing; a new one is added.
	if err := st.AddCosignatures(ctx, a.origin, 3, lines(w1, strings.TrimSuffix(w3, "\n"), w3)); err != nil {
		t.Fatalf("AddCosignatures again: %v", err)
	}
	check(a.origin, 3, w1, w2, w3)
	// Other sizes and other logs are apart.
	check(a.origin, 5)
	check(a.origin, 0)
	check(c.origin, 3)
	if err := st.AddCosignatures(ctx, a.origin, 0, lines(w1)); err != nil {
		t.Fatalf("AddCosignatures of the size-0 checkpoint: %v", err)
	}
	check(a.origin, 0, w1)
	check(a.origin, 3, w1, w2, w3)
	// No checkpoint of that size, no log, or not signature lines: an
	// error, and nothing stored.
	for _, size := range []int64{4, 6, -1} {
		if err := st.AddCosignatures(ctx, a.origin, size, lines(w1)); !errors.Is(err, ledger.ErrNotFound) {
			t.Fatalf("AddCosignatures(size %d, not a checkpoint's) = %v, want ErrNotFound", size, err)
		}
		check(a.origin, size)
	}
	if err := st.AddCosignatures(ctx, "example.org/log/unknown", 0, lines(w1)); !errors.Is(err, ledger.ErrLogNotFound) {
		t.Fatalf("AddCosignatures to an unknown log = %v, want ErrLogNotFound", err)
	}
	if _, err := st.Cosignatures(ctx, "example.org/log/unknown", 0); !errors.Is(err, ledger.ErrLogNotFound) {
		t.Fatalf("Cosignatures of an unknown log = %v, want ErrLogNotFound", err)
	}
	for _, bad := range []string{"", "\n", "w1.example AAAA\n", "— w1.example\n", "— w4.example AAAA\n\n", w1 + "garbage\n"} {
		if err := st.AddCosignatures(ctx, c.origin, 3, lines(w2, bad)); !errors.Is(err, ledger.ErrMalformedSignature) {
			t.Fatalf("AddCosignatures(%q) = %v, want ErrMalformedSignature", bad, err)
		}
	}
	check(c.origin, 3)
	// The checkpoints themselves stay exactly as signed.
	checkState(t, ctx, st, a)
	checkState(t, ctx, st, c)
	// A second store on the same database sees them.
	st2 := open(t)
	got, err := st2.Cosignatures(ctx, a.origin, 3)
	if err != nil || len(got) != 3 {
		t.Fatalf("Cosignatures through a second store = %q, %v", got, err)
	}
}

func sealed(box, id, data string) ledger.SealedBallot {
	return ledger.SealedBallot{Box: box, ID: id, Data: []byte(data)}
}

// testSealedBallots checks the ballot boxes beside a log: a box is
// written only with the batch it comes with (a conflicting or malformed
// batch stores none of its ballots), an id is unique in its box, and
// boxes and logs are kept apart; a box reads back sorted by id, with its
// data exactly as stored; a batch that empties a box takes all its rows
// away (those it puts too), and only that box's in that log.
func testSealedBallots(t *testing.T, open func(t *testing.T) ledger.Store) {
	ctx := ctxFor(t)
	st := open(t)
	a := create(t, ctx, st, "example.org/log/a")
	c := create(t, ctx, st, "example.org/log/c")
	box := func(st ledger.Store, origin, box string) string {
		t.Helper()
		got, err := st.SealedBallots(ctx, origin, box)
		if err != nil {
			t.Fatalf("SealedBallots(%s, %s): %v", origin, box, err)
		}
		var parts []string
		for _, g := range got {
			if g.Box != box {
				t.Fatalf("SealedBallots(%s, %s) returned a ballot of box %q", origin, box, g.Box)
			}
			parts = append(parts, g.ID+"="+string(g.Data))
		}
		return strings.Join(parts, " ")
	}
	if got := box(st, a.origin, "v1"); got != "" {
		t.Fatalf("a new log's box holds %q", got)
	}
	if _, err := st.SealedBallots(ctx, "example.org/log/unknown", "v1"); !errors.Is(err, ledger.ErrLogNotFound) {
		t.Fatalf("SealedBallots of an unknown log: %v, want ErrLogNotFound", err)
	}

	// Committed with the batch, read back sorted by id, data intact.
	batch := a.next(t, 2)
	batch.Sealed = []ledger.SealedBallot{
		sealed("v1", "ZZZZZZZZZZZZZZZZ", "for"),
		sealed("v1", "AAAAAAAAAAAAAAAA", "against\x00\xff"),
		sealed("v2", "MMMMMMMMMMMMMMMM", "abstain"),
	}
	if err := st.AppendBatch(ctx, a.origin, batch); err != nil {
		t.Fatal(err)
	}
	a.commit(batch)
	a.append(t, ctx, st, 1) // a batch without sealed ballots leaves the boxes as they are
	if got, want := box(st, a.origin, "v1"), "AAAAAAAAAAAAAAAA=against\x00\xff ZZZZZZZZZZZZZZZZ=for"; got != want {
		t.Fatalf("box v1 = %q, want %q", got, want)
	}
	if got, want := box(st, a.origin, "v2"), "MMMMMMMMMMMMMMMM=abstain"; got != want {
		t.Fatalf("box v2 = %q, want %q", got, want)
	}

	// A conflicting batch stores none of its ballots.
	stale := &ledger.Batch{First: 0, Checkpoint: []byte("conflicting"), Records: []ledger.Record{{Index: 0, Data: []byte("x"), Hashes: []tlog.Hash{{1}}}},
		Sealed: []ledger.SealedBallot{sealed("v1", "BBBBBBBBBBBBBBBB", "for")}}
	if err := st.AppendBatch(ctx, a.origin, stale); !errors.Is(err, ledger.ErrConflict) {
		t.Fatalf("conflicting AppendBatch with a sealed ballot: %v, want ErrConflict", err)
	}
	// An id already in the box fails the whole batch, records and all.
	dup := a.next(t, 1)
	dup.Sealed = []ledger.SealedBallot{sealed("v1", "CCCCCCCCCCCCCCCC", "for"), sealed("v1", "ZZZZZZZZZZZZZZZZ", "against")}
	if err := st.AppendBatch(ctx, a.origin, dup); err == nil {
		t.Fatal("AppendBatch of an id already in its box succeeded")
	}
	// A malformed ballot (no data, short id) fails the batch.
	for _, bad := range []ledger.SealedBallot{sealed("v1", "DDDDDDDDDDDDDDDD", ""), sealed("v1", "short", "for"), sealed("", "EEEEEEEEEEEEEEEE", "for")} {
		b := a.next(t, 1)
		b.Sealed = []ledger.SealedBallot{bad}
		if err := st.AppendBatch(ctx, a.origin, b); err == nil {
			t.Fatalf("AppendBatch of the malformed sealed ballot %+v succeeded", bad)
		}
	}
	checkState(t, ctx, st, a)
	if got, want := box(st, a.origin, "v1"), "AAAAAAAAAAAAAAAA=against\x00\xff ZZZZZZZZZZZZZZZZ=for"; got != want {
		t.Fatalf("after refused batches, box v1 = %q, want %q", got, want)
	}

	// Logs keep their boxes apart: the same box and id in another log.
	cb := c.next(t, 1)
	cb.Sealed = []ledger.SealedBallot{sealed("v1", "ZZZZZZZZZZZZZZZZ", "in c")}
	if err := st.AppendBatch(ctx, c.origin, cb); err != nil {
		t.Fatalf("the same box and id in another log: %v", err)
	}
	c.commit(cb)
	if got, want := box(st, c.origin, "v1"), "ZZZZZZZZZZZZZZZZ=in c"; got != want {
		t.Fatalf("box v1 of c = %q, want %q", got, want)
	}
	if got, want := box(open(t), a.origin, "v1"), "AAAAAAAAAAAAAAAA=against\x00\xff ZZZZZZZZZZZZZZZZ=for"; got != want {
		t.Fatalf("box v1 of a through another store = %q, want %q", got, want)
	}
	checkState(t, ctx, st, c)

	// A conflicting batch empties nothing.
	stale = &ledger.Batch{First: 0, Checkpoint: []byte("conflicting"), Records: []ledger.Record{{Index: 0, Data: []byte("x"), Hashes: []tlog.Hash{{1}}}},
		Emptied: []string{"v1"}}
	if err := st.AppendBatch(ctx, a.origin, stale); !errors.Is(err, ledger.ErrConflict) {
		t.Fatalf("conflicting AppendBatch emptying a box: %v, want ErrConflict", err)
	}
	if got, want := box(st, a.origin, "v1"), "AAAAAAAAAAAAAAAA=against\x00\xff ZZZZZZZZZZZZZZZZ=for"; got != want {
		t.Fatalf("after a conflicting batch emptying it, box v1 = %q, want %q", got, want)
	}
	// Emptying a box (with a ballot put in the same batch) takes all its
	// rows away, and only its own: v2 of a and v1 of c stay.
	eb := a.next(t, 1)
	eb.Sealed = []ledger.SealedBallot{sealed("v1", "FFFFFFFFFFFFFFFF", "late")}
	eb.Emptied = []string{"v1", "never-used"}
	if err := st.AppendBatch(ctx, a.origin, eb); err != nil {
		t.Fatalf("AppendBatch emptying a box: %v", err)
	}
	a.commit(eb)
	checkState(t, ctx, st, a)
	if got := box(st, a.origin, "v1"); got != "" {
		t.Fatalf("an emptied box holds %q", got)
	}
	if got, want := box(st, a.origin, "v2"), "MMMMMMMMMMMMMMMM=abstain"; got != want {
		t.Fatalf("after emptying v1, box v2 = %q, want %q", got, want)
	}
	if got, want := box(st, c.origin, "v1"), "ZZZZZZZZZZZZZZZZ=in c"; got != want {
		t.Fatalf("after emptying v1 of a, box v1 of c = %q, want %q", got, want)
	}
}
