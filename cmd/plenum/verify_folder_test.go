package main

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"plenum/remote/tlogtest"
)

// TestVerifyFolderMirror: plenum verify --url reads a folder holding a
// copy of a server's log laid out as the server serves it — the
// checkpoint, the tiles and entry bundles, the payloads stored beside
// the log under blob/ — and checks it as it checks the server: every
// hash and signature, every event replayed (a payload read from the
// folder); given the copy of the server's log/ folder, --assembly picks
// the log in it. A path that is no folder is refused as no address.
func TestVerifyFolderMirror(t *testing.T) {
	srv, db, blob := coopWithBlob(t)
	const id = "coop-2026"
	a, _ := srv.engine.Assembly(id)
	size := a.Log().Size()
	root := filepath.Join(t.TempDir(), "mirror")
	logDir := filepath.Join(root, "log", id)
	asServed := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.URL.Path = "/log/" + id + r.URL.Path
		srv.handler.ServeHTTP(w, r)
	})
	if err := tlogtest.WriteMirror(asServed, size, logDir, "blob/"+blob); err != nil {
		t.Fatal(err)
	}
	key := demoVerifierKey(t, db)
	for _, args := range [][]string{
		{"--url", logDir},
		{"--url", root, "--assembly", id},
	} {
		code, stdout, stderr := exportCLI(t, append(append([]string{"verify"}, args...), "--key", key)...)
		if code != 0 || !strings.Contains(stdout, "plenum.localhost/log/"+id) || !strings.Contains(stdout, itoa(int(size))) {
			t.Errorf("verify %v: %d %s %s", args, code, stdout, stderr)
		}
	}
	if code, _, stderr := exportCLI(t, "verify", "--url", filepath.Join(logDir, "checkpoint"), "--key", key); code != 2 || !strings.Contains(stderr, "or the folder holding a copy of it") {
		t.Errorf("a file for --url: %d %s", code, stderr)
	}
}
