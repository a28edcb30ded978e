package main

import (
	"context"
	"io/fs"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"plenum/ledger"
	"plenum/remote"
)

// TestVerifyKeepRefusesAnotherHistory: a later plenum verify --keep into
// a folder holding a copy proves that the log verified extends the copy.
// A server that shows another history of the same log under the same key
// (a fork: the same events, then others in place of the one kept) is
// refused with exit status 1, naming both tree sizes and roots, before
// the entries are downloaded (the checkpoint and a tile or so are
// requested), and the copy is left as it was, byte for byte; so is a log of the same origin
// signed by another key. A stage folder a killed --keep left in the
// folder is removed by the next --keep, which then keeps the log grown;
// while another --keep writes to the folder, a --keep is refused.
func TestVerifyKeepRefusesAnotherHistory(t *testing.T) {
	ctx := context.Background()
	const id = "coop-2026"
	script := filepath.Join("..", "..", "testdata", "coop-2026.jsonl")
	gap := func(srv *server, reason string, minute int) {
		t.Helper()
		recordGap(t, srv, id, reason, time.Date(2026, 5, 9, 21, minute, 0, 0, time.UTC))
	}
	srv, db := replayedServer(t, script)
	gap(srv, "The kept part is lost.", 0)
	hs := httptest.NewServer(srv.handler)
	defer hs.Close()
	key := demoVerifierKey(t, db)

	// The fork: the same events replayed under the same key, then others.
	forkDir := t.TempDir()
	skey, err := os.ReadFile(filepath.Join(filepath.Dir(db), ledger.SigningKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(forkDir, ledger.SigningKeyFile), skey, 0o600); err != nil {
		t.Fatal(err)
	}
	forkDB := filepath.Join(forkDir, "plenum.db")
	if code, _, stderr := exportCLI(t, "replay", "--db", forkDB, script); code != 0 {
		t.Fatal(stderr)
	}
	fork, err := openServer(ctx, serverConfig{db: forkDB, name: ledger.DefaultServerName})
	if err != nil {
		t.Fatal(err)
	}
	defer fork.Close()
	gap(fork, "Another part is lost.", 0)
	gap(fork, "And another.", 1)
	forkRequests := &requestCounter{h: fork.handler, byPath: map[string]int{}}
	fs2 := httptest.NewServer(forkRequests)
	defer fs2.Close()
	if demoVerifierKey(t, forkDB) != key {
		t.Fatal("the fork is signed by another key")
	}

	dir := filepath.Join(t.TempDir(), "copy")
	if code, stdout, stderr := exportCLI(t, "verify", "--url", hs.URL, "--assembly", id, "--key", key, "--keep", dir); code != 0 {
		t.Fatalf("--keep: %d %s %s", code, stdout, stderr)
	}
	snapshot := func() map[string]string {
		files := map[string]string{}
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				b, _ := os.ReadFile(p)
				files[p] = string(b)
			}
			return err
		})
		return files
	}
	same := func(before map[string]string, what string) {
		t.Helper()
		after := snapshot()
		for p, b := range before {
			if after[p] != b {
				t.Errorf("%s: %s was changed", what, p)
			}
		}
		for p := range after {
			if _, ok := before[p]; !ok {
				t.Errorf("%s: %s was added", what, p)
			}
		}
	}
	checkpoint := func(signed []byte) ledger.Checkpoint {
		t.Helper()
		cp, err := ledger.ParseSignedCheckpoint(signed)
		if err != nil {
			t.Fatal(err)
		}
		return cp
	}
	before := snapshot()
	kept := checkpoint([]byte(before[filepath.Join(dir, "checkpoint")]))
	rec := httptest.NewRecorder()
	fork.handler.ServeHTTP(rec, httptest.NewRequest("GET", "/log/"+id+"/checkpoint", nil))
	forked := checkpoint(rec.Body.Bytes())
	if forked.Size <= kept.Size {
		t.Fatalf("the fork (tree size %d) is not larger than the copy (tree size %d)", forked.Size, kept.Size)
	}

	code, _, stderr := exportCLI(t, "verify", "--url", fs2.URL, "--assembly", id, "--key", key, "--keep", dir)
	want := "--keep " + dir + ": the log verified (tree size " + itoa(int(forked.Size)) + ", root " + forked.Hash.String() +
		") does not extend the copy there (tree size " + itoa(int(kept.Size)) + ", root " + kept.Hash.String() + ")"
	if code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("a forked log: %d %s\nwant %s", code, stderr, want)
	}
	same(before, "a forked log")
	// Refused before the entries are downloaded: the server's checkpoint
	// and the few tiles that prove it does not extend the copy.
	all, byPath := forkRequests.reset()
	for p := range byPath {
		if strings.Contains(p, "/tile/entries/") || strings.Contains(p, "/blob/") {
			t.Errorf("a forked log: the refusal downloaded %s", p)
		}
	}
	if all > 3 {
		t.Errorf("a forked log: refused after %d requests: %v", all, byPath)
	}

	// The same log's origin under another key.
	other, otherDB := replayedServer(t, script)
	os3 := httptest.NewServer(other.handler)
	defer os3.Close()
	code, _, stderr = exportCLI(t, "verify", "--url", os3.URL, "--assembly", id, "--key", demoVerifierKey(t, otherDB), "--keep", dir)
	if code != 1 || !strings.Contains(stderr, "--keep "+dir+": the copy there is not signed by the key given (plenum.localhost+") {
		t.Errorf("another key: %d %s", code, stderr)
	}
	same(before, "another key")

	// A killed --keep's stage is removed by the next one.
	stale := filepath.Join(dir, ".plenum-keep-2718281828")
	if err := os.MkdirAll(filepath.Join(stale, "tile", "entries"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(stale, "tile", "entries", "000"), []byte("half a bundle"), 0o644); err != nil {
		t.Fatal(err)
	}
	gap(srv, "A later part is lost.", 2)
	if code, stdout, stderr := exportCLI(t, "verify", "--url", hs.URL, "--assembly", id, "--key", key, "--keep", dir); code != 0 || !strings.Contains(stdout, "holds the log at tree size "+itoa(int(kept.Size+1))) {
		t.Fatalf("--keep after a killed one: %d %s %s", code, stdout, stderr)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".plenum-keep-*")); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}

	// While another --keep writes to the folder, this one is refused.
	k, err := remote.NewKeeper(hs.URL+"/log/"+id, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer k.Discard()
	code, _, stderr = exportCLI(t, "verify", "--url", hs.URL, "--assembly", id, "--key", key, "--keep", dir)
	if code != 1 || !strings.Contains(stderr, "--keep "+dir+": another plenum verify --keep is writing to the folder; nothing was written") {
		t.Errorf("a folder another --keep holds: %d %s", code, stderr)
	}
}
