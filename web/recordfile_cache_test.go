package web_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"plenum/store/sqlite"
	"plenum/web"
)

// writesLogged counts the record files the server says it wrote.
type writesLogged struct {
	mu sync.Mutex
	n  int
}

func (c *writesLogged) Enabled(context.Context, slog.Level) bool { return true }
func (c *writesLogged) WithAttrs([]slog.Attr) slog.Handler       { return c }
func (c *writesLogged) WithGroup(string) slog.Handler            { return c }
func (c *writesLogged) Handle(_ context.Context, r slog.Record) error {
	if r.Message == "recordfile: written" {
		c.mu.Lock()
		c.n++
		c.mu.Unlock()
	}
	return nil
}

func (c *writesLogged) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

// TestRecordFileWrittenOncePerCheckpoint: readers of a public record
// asking at once for its record file are served the same file, written
// once; it is kept for later readers; a newer checkpoint's is a new file
// and the older is removed; a write that fails is answered with an error
// and not kept (the next reader's request writes it); closing the server
// removes its files, and a record file asked for after is refused.
func TestRecordFileWrittenOncePerCheckpoint(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", filepath.Join(tmp, "not-a-folder"))
	if err := os.WriteFile(filepath.Join(tmp, "not-a-folder"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	h := newHall(t)
	writes := &writesLogged{}
	pages := web.New(h.eng, h.auth, web.Options{Logger: slog.New(writes)})
	srv := httptest.NewServer(h.auth.Middleware(pages))
	defer srv.Close()
	get := func() (int, []byte) {
		resp, err := http.Get(srv.URL + "/a/coop/record.db")
		if err != nil {
			t.Error(err)
			return 0, nil
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Error(err)
		}
		return resp.StatusCode, b
	}
	kept := func() []string {
		names, _ := filepath.Glob(filepath.Join(tmp, "plenum-record-*", "*"))
		return names
	}

	// The temporary directory is a file: the write fails, and is not
	// kept.
	if code, body := get(); code != http.StatusInternalServerError {
		t.Errorf("a record file that cannot be written: %d %.200s", code, body)
	}
	t.Setenv("TMPDIR", tmp)

	const readers = 6
	codes, bodies := make([]int, readers), make([][]byte, readers)
	var wg sync.WaitGroup
	for i := range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i], bodies[i] = get()
		}()
	}
	wg.Wait()
	for i := range readers {
		if codes[i] != 200 || !bytes.Equal(bodies[i], bodies[0]) {
			t.Fatalf("reader %d: %d, %d bytes; reader 0: %d bytes", i, codes[i], len(bodies[i]), len(bodies[0]))
		}
	}
	if n := writes.count(); n != 1 {
		t.Errorf("after a failed write, %d readers at once: %d record files written, want 1", readers, n)
	}
	a, _ := h.eng.Assembly(asm)
	checkServedRecordFile(t, bodies[0], a.Log().Size(), a.Log().Checkpoint())
	first := kept()
	if len(first) != 1 {
		t.Fatalf("kept: %v, want one file", first)
	}
	if code, body := get(); code != 200 || !bytes.Equal(body, bodies[0]) || writes.count() != 1 {
		t.Errorf("a later reader: %d, same bytes %v, %d written", code, bytes.Equal(body, bodies[0]), writes.count())
	}

	h.must("admin", "add_person", obj{"id": "zoya", "name": "Zoya Newcomer"})
	code, newer := get()
	if code != 200 || bytes.Equal(newer, bodies[0]) || writes.count() != 2 {
		t.Fatalf("after a newer checkpoint: %d, same bytes %v, %d written", code, bytes.Equal(newer, bodies[0]), writes.count())
	}
	checkServedRecordFile(t, newer, a.Log().Size(), a.Log().Checkpoint())
	if now := kept(); len(now) != 1 || now[0] == first[0] {
		t.Errorf("kept after a newer checkpoint: %v (before: %v)", now, first)
	}

	if err := pages.(io.Closer).Close(); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "*")); len(left) != 1 { // not-a-folder
		t.Errorf("left once the server is closed: %v", left)
	}
	if code, _ := get(); code != http.StatusInternalServerError {
		t.Errorf("a record file asked for once the server is closed: %d", code)
	}
}

// checkServedRecordFile checks that b is a record file whose head is the
// log's checkpoint of tree size size.
func checkServedRecordFile(t *testing.T, b []byte, size int64, checkpoint []byte) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "record.db")
	if err := os.WriteFile(file, b, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.OpenReadOnly(file)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	logs, err := st.Logs(context.Background())
	if err != nil || len(logs) != 1 {
		t.Fatalf("the record file's logs: %v %v", logs, err)
	}
	head, err := st.Head(context.Background(), logs[0])
	if err != nil || head.Size != size || !bytes.Equal(head.Checkpoint, checkpoint) {
		t.Fatalf("the record file's head: %d %v, want the log's, %d", head.Size, err, size)
	}
}
