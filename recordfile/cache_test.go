package recordfile_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"plenum/ledger"
	"plenum/recordfile"
	"plenum/store/sqlite"
)

// countingStore counts the record files written from it (each begins by
// asking for the log's first checkpoint), can hold each write at that
// start until hold is closed, and can fail the next writes.
type countingStore struct {
	ledger.Store
	mu     sync.Mutex
	writes int
	asked  int           // Opens that asked for the cosignatures
	fail   int           // how many of the next writes fail
	hold   chan struct{} // if not nil, a write waits for it to close
}

var errBroken = errors.New("the store is broken")

func (s *countingStore) Checkpoints(ctx context.Context, origin string, after int64, limit int) ([]ledger.StoredCheckpoint, error) {
	if after == -1 {
		s.mu.Lock()
		s.writes++
		fail, hold := s.fail > 0, s.hold
		if fail {
			s.fail--
		}
		s.mu.Unlock()
		if hold != nil {
			<-hold
		}
		if fail {
			return nil, errBroken
		}
	}
	return s.Store.Checkpoints(ctx, origin, after, limit)
}

func (s *countingStore) Cosignatures(ctx context.Context, origin string, size int64) ([][]byte, error) {
	s.mu.Lock()
	s.asked++
	s.mu.Unlock()
	return s.Store.Cosignatures(ctx, origin, size)
}

// waitAsked waits until n Opens have asked for the cosignatures (and,
// a moment later, for their file).
func (s *countingStore) waitAsked(t *testing.T, n int) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		s.mu.Lock()
		asked := s.asked
		s.mu.Unlock()
		if asked >= n {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d Opens asked, want %d", asked, n)
		}
	}
	time.Sleep(20 * time.Millisecond)
}

func (s *countingStore) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.writes
}

// appendNotes appends n entries to lg, in one batch.
func appendNotes(t *testing.T, lg *ledger.Log, n int) {
	t.Helper()
	var batch []ledger.Entry
	for i := range n {
		p, _ := json.Marshal(map[string]int{"note": i})
		batch = append(batch, ledger.Entry{Time: time.Date(2026, 5, 9, 10, 0, i, 0, time.UTC), Actor: "sec", Type: "note", Payload: p})
	}
	if _, err := lg.Append(context.Background(), batch...); err != nil {
		t.Fatal(err)
	}
}

// cacheFiles lists the files in the cache's folders under dir.
func cacheFiles(t *testing.T, dir string) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "plenum-record-*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// readAll reads the cache's file and closes it.
func readAll(t *testing.T, f *recordfile.File) []byte {
	t.Helper()
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// checkRecordFile checks that b is a record file of the log at its head.
func checkRecordFile(t *testing.T, b []byte, lg *ledger.Log) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "record.db")
	if err := os.WriteFile(file, b, 0o600); err != nil {
		t.Fatal(err)
	}
	rf, err := sqlite.OpenReadOnly(file)
	if err != nil {
		t.Fatal(err)
	}
	defer rf.Close()
	head, err := rf.Head(context.Background(), lg.Origin())
	if err != nil || head.Size != lg.Size() || !bytes.Equal(head.Checkpoint, lg.Checkpoint()) {
		t.Fatalf("the record file's head: %d %v, want the log's, %d", head.Size, err, lg.Size())
	}
}

// TestCacheWritesOnce: readers asking at once for the record file of a
// checkpoint wait for one write and read the same file; those asking
// later are given it without a write; a reader who stops waiting does
// not end the write the others wait for, nor does the last of them: the
// file is written for the next.
func TestCacheWritesOnce(t *testing.T) {
	st, lg, origin := newLog(t)
	appendNotes(t, lg, 300)
	cs := &countingStore{Store: st, hold: make(chan struct{})}
	dir := t.TempDir()
	c := recordfile.NewCache(cs, recordfile.CacheOptions{Dir: dir, Writers: 2})
	defer c.Close()

	const readers = 8
	var wg sync.WaitGroup
	got := make([][]byte, readers)
	errs := make([]error, readers)
	gone, cancel := context.WithCancel(context.Background())
	goneErr := make(chan error)
	go func() {
		_, err := c.Open(gone, origin, lg.Size())
		goneErr <- err
	}()
	for i := range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f, err := c.Open(context.Background(), origin, lg.Size())
			if errs[i] = err; err == nil {
				got[i] = readAll(t, f)
			}
		}()
	}
	cs.waitAsked(t, readers+1) // the readers wait for the write held
	cancel()
	if err := <-goneErr; !errors.Is(err, context.Canceled) {
		t.Errorf("the reader who left: %v", err)
	}
	close(cs.hold)
	wg.Wait()
	for i := range readers {
		if errs[i] != nil || !bytes.Equal(got[i], got[0]) {
			t.Fatalf("reader %d: %v, %d bytes, reader 0 %d", i, errs[i], len(got[i]), len(got[0]))
		}
	}
	if n := cs.count(); n != 1 {
		t.Errorf("%d readers at once: %d writes, want 1", readers, n)
	}
	checkRecordFile(t, got[0], lg)
	if again := readAll(t, must(c.Open(context.Background(), origin, lg.Size()))(t)); !bytes.Equal(again, got[0]) || cs.count() != 1 {
		t.Errorf("a later reader: %d writes, same bytes %v", cs.count(), bytes.Equal(again, got[0]))
	}

	// The only reader leaves while the file is written: it is written
	// all the same, and kept.
	appendNotes(t, lg, 5)
	cs.mu.Lock()
	cs.hold = make(chan struct{})
	cs.mu.Unlock()
	ctx, cancel := context.WithCancel(context.Background())
	left := make(chan error)
	go func() {
		_, err := c.Open(ctx, origin, lg.Size())
		left <- err
	}()
	for deadline := time.Now().Add(10 * time.Second); cs.count() < 2; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the write did not start")
		}
	}
	cancel()
	if err := <-left; !errors.Is(err, context.Canceled) {
		t.Errorf("the reader who left: %v", err)
	}
	close(cs.hold)
	checkRecordFile(t, readAll(t, must(c.Open(context.Background(), origin, lg.Size()))(t)), lg)
	if n := cs.count(); n != 2 {
		t.Errorf("after the reader left: %d writes, want 2", n)
	}
}

// must returns Open's file, or fails the test with its error.
func must(f *recordfile.File, err error) func(*testing.T) *recordfile.File {
	return func(t *testing.T) *recordfile.File {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
}

// TestCacheKeepsTheLatest: the file of a newer checkpoint is a new file;
// the older one is removed once the newer is written, but not while a
// reader still holds it; a cosignature of the latest checkpoint stored
// after its file was written makes a new file, with it; Close removes the cache's folder, and the cache
// then refuses.
func TestCacheKeepsTheLatest(t *testing.T) {
	st, lg, origin := newLog(t)
	appendNotes(t, lg, 3)
	dir := t.TempDir()
	c := recordfile.NewCache(st, recordfile.CacheOptions{Dir: dir})
	first := must(c.Open(context.Background(), origin, lg.Size()))(t)
	old := first.Name()

	appendNotes(t, lg, 4)
	second := must(c.Open(context.Background(), origin, lg.Size()))(t)
	if second.Name() == old {
		t.Fatalf("the newer checkpoint's file is the older's: %s", old)
	}
	if _, err := os.Stat(old); err != nil {
		t.Errorf("the older file, still read, is gone: %v", err)
	}
	first.Close()
	if _, err := os.Stat(old); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the older file, read and replaced, is still there: %v", err)
	}
	checkRecordFile(t, readAll(t, second), lg)
	if files := cacheFiles(t, dir); len(files) != 1 || files[0] != second.Name() {
		t.Errorf("in the cache: %v, want %s", files, second.Name())
	}

	// Nobody reading: the older is removed as soon as the newer is
	// written.
	appendNotes(t, lg, 1)
	third := must(c.Open(context.Background(), origin, lg.Size()))(t)
	third.Close()
	if files := cacheFiles(t, dir); len(files) != 1 || files[0] != third.Name() {
		t.Errorf("in the cache: %v, want %s", files, third.Name())
	}

	// A witness's cosignature of the latest checkpoint, stored after it:
	// the file is written again, with it, and replaces the one without.
	cosig := []byte("— witness.example AAAAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/\n")
	if err := st.AddCosignatures(context.Background(), origin, lg.Size(), [][]byte{cosig}); err != nil {
		t.Fatal(err)
	}
	fourth := must(c.Open(context.Background(), origin, lg.Size()))(t)
	b := readAll(t, fourth)
	if files := cacheFiles(t, dir); len(files) != 1 || files[0] != fourth.Name() || fourth.Name() == third.Name() {
		t.Errorf("in the cache: %v, want %s, not %s", files, fourth.Name(), third.Name())
	}
	file := filepath.Join(t.TempDir(), "record.db")
	os.WriteFile(file, b, 0o600)
	rf, err := sqlite.OpenReadOnly(file)
	if err != nil {
		t.Fatal(err)
	}
	if sigs, err := rf.Cosignatures(context.Background(), origin, lg.Size()); err != nil || len(sigs) != 1 || !bytes.Equal(sigs[0], cosig) {
		t.Errorf("the cosignatures in the file written again: %q %v", sigs, err)
	}
	rf.Close()

	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) != 0 {
		t.Errorf("left once closed: %v", left)
	}
	if _, err := c.Open(context.Background(), origin, lg.Size()); !errors.Is(err, recordfile.ErrClosed) {
		t.Errorf("Open once closed: %v", err)
	}
}

// TestCacheWriteFails: a write that fails gives its error to the reader,
// leaves no file and is not kept: the next reader writes the file again.
func TestCacheWriteFails(t *testing.T) {
	st, lg, origin := newLog(t)
	appendNotes(t, lg, 3)
	cs := &countingStore{Store: st, fail: 1}
	dir := t.TempDir()
	c := recordfile.NewCache(cs, recordfile.CacheOptions{Dir: dir})
	defer c.Close()
	if _, err := c.Open(context.Background(), origin, lg.Size()); !errors.Is(err, errBroken) {
		t.Errorf("the reader of the failed write: %v", err)
	}
	if files := cacheFiles(t, dir); len(files) != 0 {
		t.Errorf("left by the failed write: %v", files)
	}
	checkRecordFile(t, readAll(t, must(c.Open(context.Background(), origin, lg.Size()))(t)), lg)
	if n := cs.count(); n != 2 {
		t.Errorf("%d writes, want 2: the failed one and the next", n)
	}
}

// TestCacheGivesTheLatest: while a log's file is written, its checkpoint
// changes twice and readers ask for both: only the latest is written
// next, and the reader of the one between is given it; a reader asking
// for an older file than the cache holds is given the one it holds.
func TestCacheGivesTheLatest(t *testing.T) {
	st, lg, origin := newLog(t)
	appendNotes(t, lg, 3)
	cs := &countingStore{Store: st, hold: make(chan struct{})}
	c := recordfile.NewCache(cs, recordfile.CacheOptions{Dir: t.TempDir(), Writers: 1})
	defer c.Close()
	type got struct {
		size int64
		err  error
	}
	open := func(size int64) chan got {
		ch := make(chan got, 1)
		go func() {
			f, err := c.Open(context.Background(), origin, size)
			if err != nil {
				ch <- got{err: err}
				return
			}
			f.Close()
			ch <- got{size: f.TreeSize}
		}()
		return ch
	}
	s1 := lg.Size()
	first := open(s1)
	for deadline := time.Now().Add(10 * time.Second); cs.count() < 1; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the write did not start")
		}
	}
	appendNotes(t, lg, 2)
	s2 := lg.Size()
	second := open(s2)
	appendNotes(t, lg, 2)
	s3 := lg.Size()
	third := open(s3)
	cs.waitAsked(t, 3) // both wait for the first write
	close(cs.hold)
	for _, c := range []struct {
		ch   chan got
		want int64
	}{{first, s1}, {second, s3}, {third, s3}} {
		if g := <-c.ch; g.err != nil || g.size != c.want {
			t.Errorf("a reader: tree size %d, %v; want %d", g.size, g.err, c.want)
		}
	}
	if n := cs.count(); n != 2 {
		t.Errorf("%d writes, want 2: the first and the latest", n)
	}
	if g := <-open(s1); g.err != nil || g.size != s3 || cs.count() != 2 {
		t.Errorf("a reader of an older checkpoint: tree size %d, %v, %d writes; want %d, 2 writes", g.size, g.err, cs.count(), s3)
	}
}
