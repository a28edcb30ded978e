package main

import (
	"bytes"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestVerifyKeep: plenum verify --url URL --keep DIR keeps, once the log
// verified, every file the verification fetched — the checkpoint as
// served, every tile and entry bundle, the payloads under blob/ — in DIR
// laid out as the server serves the log, so that verify --url DIR checks
// the copy (and finds a byte changed in it); a verification that fails
// writes nothing; a later --keep after the log grew updates the copy
// (new tiles, wider partial tiles in place of narrower ones, the new
// checkpoint) and it verifies at the new size; a folder holding another
// log's copy is refused and left as it was.
func TestVerifyKeep(t *testing.T) {
	srv, db, blob := coopWithBlob(t)
	const id = "coop-2026"
	hs := httptest.NewServer(srv.handler)
	defer hs.Close()
	key := demoVerifierKey(t, db)
	size := func() int64 { a, _ := srv.engine.Assembly(id); return a.Log().Size() }

	dir := filepath.Join(t.TempDir(), "copy")
	// The command it prints to check the copy carries the key written
	// out, not the file --key named, which may be gone when the copy is
	// checked.
	keyFile := writeFile(t, "verifier.key", key+"\n")
	code, stdout, stderr := exportCLI(t, "verify", "--url", hs.URL, "--assembly", id, "--key", keyFile, "--keep", dir)
	if code != 0 || !strings.Contains(stdout, "the copy in "+dir+" holds the log at tree size "+itoa(int(size()))+"; check it with: plenum verify --url "+dir+" --key "+key+"\n") {
		t.Fatalf("--keep: %d %s %s", code, stdout, stderr)
	}
	n := size()
	partial := fmt.Sprintf("tile/0/000.p/%d", n)
	for _, p := range []string{"checkpoint", "blob/" + blob, partial, fmt.Sprintf("tile/entries/000.p/%d", n)} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
			t.Errorf("the copy lacks %s: %v", p, err)
		}
	}
	served := func(p string) []byte {
		rec := httptest.NewRecorder()
		srv.handler.ServeHTTP(rec, httptest.NewRequest("GET", "/log/"+id+"/"+p, nil))
		return rec.Body.Bytes()
	}
	if kept, _ := os.ReadFile(filepath.Join(dir, "checkpoint")); !bytes.Equal(kept, served("checkpoint")) {
		t.Errorf("the kept checkpoint is not the one served:\n%s", kept)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".plenum-keep-*")); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
	if code, stdout, stderr := exportCLI(t, "verify", "--url", dir, "--key", key); code != 0 || !strings.Contains(stdout, itoa(int(n))+" entries verified") {
		t.Fatalf("verify of the copy: %d %s %s", code, stdout, stderr)
	}

	// A byte of a kept tile changed is found, in a copy of the copy.
	tampered := filepath.Join(t.TempDir(), "tampered")
	if err := os.CopyFS(tampered, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	tile := filepath.Join(tampered, filepath.FromSlash(partial))
	b, _ := os.ReadFile(tile)
	b[len(b)-1] ^= 1
	if err := os.WriteFile(tile, b, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = exportCLI(t, "verify", "--url", tampered, "--key", key)
	if code != 1 || !strings.Contains(stderr, partial) {
		t.Errorf("a tampered tile: %d %s", code, stderr)
	}
	// A verification that fails keeps nothing.
	empty := filepath.Join(t.TempDir(), "empty")
	if code, _, stderr := exportCLI(t, "verify", "--url", tampered, "--key", key, "--keep", empty); code != 1 {
		t.Errorf("--keep of a tampered copy: %d %s", code, stderr)
	}
	if files, err := os.ReadDir(empty); err != nil || len(files) != 0 {
		t.Errorf("a failed verification wrote %v (%v)", files, err)
	}

	// The log grows; the copy is brought up to date.
	for i := range 3 {
		recordGap(t, srv, id, fmt.Sprintf("Part %d of the minutes is lost.", i), time.Date(2026, 5, 9, 21, i, 0, 0, time.UTC))
	}
	if code, stdout, stderr := exportCLI(t, "verify", "--url", hs.URL+"/log/"+id, "--key", key, "--keep", dir); code != 0 {
		t.Fatalf("second --keep: %d %s %s", code, stdout, stderr)
	}
	if kept, _ := os.ReadFile(filepath.Join(dir, "checkpoint")); !bytes.Equal(kept, served("checkpoint")) {
		t.Errorf("the copy's checkpoint is not the new one:\n%s", kept)
	}
	if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(partial))); err == nil {
		t.Errorf("the narrower partial tile %s is still in the copy", partial)
	}
	if code, stdout, stderr := exportCLI(t, "verify", "--url", dir, "--key", key); code != 0 || !strings.Contains(stdout, itoa(int(size()))+" entries verified") {
		t.Fatalf("verify of the updated copy: %d %s %s", code, stdout, stderr)
	}

	// Another log's copy is not overwritten.
	osrv, odb := replayedServer(t, filepath.Join("..", "..", "testdata", "congress-2026.jsonl"))
	os2 := httptest.NewServer(osrv.handler)
	defer os2.Close()
	okey := demoVerifierKey(t, odb)
	const otherID = "congress-2026"
	before, _ := os.ReadFile(filepath.Join(dir, "checkpoint"))
	code, _, stderr = exportCLI(t, "verify", "--url", os2.URL, "--assembly", otherID, "--key", okey, "--no-replay", "--keep", dir)
	if code != 2 {
		t.Errorf("--keep --no-replay: %d %s", code, stderr)
	}
	code, _, stderr = exportCLI(t, "verify", "--url", os2.URL, "--assembly", otherID, "--key", okey, "--keep", dir)
	if code != 1 || !strings.Contains(stderr, "holds a copy of the log plenum.localhost/log/"+id+", not of plenum.localhost/log/"+otherID) {
		t.Errorf("another log's folder: %d %s", code, stderr)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "checkpoint")); !bytes.Equal(before, after) {
		t.Error("another log's checkpoint was written over the copy's")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".plenum-keep-*")); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}
