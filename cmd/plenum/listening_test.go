package main

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeSaysWhereItListens: a server whose --base-url is not the
// address it listens on (a node of a cluster given the other node's, a
// server behind a proxy) prints the address --addr listens on, which
// answers, and the base URL on a line of its own.
func TestServeSaysWhereItListens(t *testing.T) {
	db := filepath.Join(t.TempDir(), "plenum.db")
	srv := startCLI(t, `listening on (http://\S+)/ \(`, "serve", "--db", db, "--addr", "127.0.0.1:0", "--base-url", "http://127.0.0.1:1", "--name", "plenum.localhost")
	if srv.match == "http://127.0.0.1:1" || !strings.HasPrefix(srv.match, "http://127.0.0.1:") {
		t.Fatalf("serve says it listens on %s:\n%s", srv.match, srv.stdout.String())
	}
	resp, err := http.Get(srv.match + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s/healthz: %s", srv.match, resp.Status)
	}
	if !strings.Contains(srv.stdout.String(), "plenum serve: people reach it at http://127.0.0.1:1/ (--base-url") {
		t.Errorf("serve does not say its base URL:\n%s", srv.stdout.String())
	}
}
