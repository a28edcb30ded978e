package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"plenum/ledger"
)

func TestServerNameFromBaseURL(t *testing.T) {
	for _, c := range []struct{ base, want string }{
		{"https://congress.example.org", "congress.example.org"},
		{"https://Congress.Example.org/", "congress.example.org"},
		{"https://congress.example.org:443", "congress.example.org"},
		{"https://congress.example.org:8443/hall", "congress.example.org:8443"},
		{"http://hall.local", "hall.local"},
		{"http://127.0.0.1:8080", ledger.DefaultServerName},
		{"http://[::1]:8080", ledger.DefaultServerName},
		{"http://localhost:8080", ledger.DefaultServerName},
		{"http://plenum.localhost", ledger.DefaultServerName},
		{"ftp://congress.example.org", ledger.DefaultServerName},
		{"", ledger.DefaultServerName},
	} {
		if got, _ := serverNameFor(t.TempDir(), c.base); got != c.want {
			t.Errorf("serverNameFor(%q) = %q, want %q", c.base, got, c.want)
		}
	}
}

// keyName is the name of the signing key in dir.
func keyName(t *testing.T, dir string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, ledger.SigningKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	s, err := note.NewSigner(strings.TrimSpace(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	return s.Name()
}

// TestServeNamesLogsAfterBaseURL: served as the README says (--base-url,
// no --name), the logs are named after the public host, not
// plenum.localhost; a later start without --base-url keeps the key's
// name instead of refusing to start; a --name that is not the key's is
// still refused.
func TestServeNamesLogsAfterBaseURL(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "plenum.db")
	srv := startCLI(t, `reach it at (https://[^/ ]+)/`, "serve", "--db", db, "--addr", "127.0.0.1:0", "--base-url", "https://congress.example.org")
	if !strings.Contains(srv.stdout.String(), "server name congress.example.org, from --base-url") {
		t.Errorf("serve does not say the name it took:\n%s", srv.stdout.String())
	}
	srv.stop() // its exit code on a cancel during start-up work is not this test's
	if got := keyName(t, dir); got != "congress.example.org" {
		t.Fatalf("signing key named %q, want congress.example.org", got)
	}

	again := startCLI(t, `listening on (http://[^/ ]+)/`, "serve", "--db", db, "--addr", "127.0.0.1:0")
	if !strings.Contains(again.stdout.String(), "server name congress.example.org, from the signing key") {
		t.Errorf("a later start does not keep the key's name:\n%s", again.stdout.String())
	}
	again.stop()

	code, _, errs := run(t, "serve", "--db", db, "--addr", "127.0.0.1:0", "--name", "other.example.org")
	if code == 0 || !strings.Contains(errs, `named "congress.example.org"`) {
		t.Errorf("--name other than the key's: exit %d, %s", code, errs)
	}

	local := t.TempDir()
	dflt := startCLI(t, `listening on (http://[^/ ]+)/`, "serve", "--db", filepath.Join(local, "plenum.db"), "--addr", "127.0.0.1:0")
	if !strings.Contains(dflt.stdout.String(), "server name plenum.localhost, the default") {
		t.Errorf("the default name is not pointed out:\n%s", dflt.stdout.String())
	}
	dflt.stop()
	if got := keyName(t, local); got != ledger.DefaultServerName {
		t.Errorf("without --base-url the key is named %q", got)
	}
}
