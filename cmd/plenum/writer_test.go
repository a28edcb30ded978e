package main

import (
	"context"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/auth"
	"plenum/i18n"
	"plenum/ledger"
)

// TestServeRefusesAMissingKeyBesideARecord: a signing key gone from beside
// an existing record is refused with what to do, and no new key is made
// (issue 10, item 10: serve made a new key and then failed unclearly).
func TestServeRefusesAMissingKeyBesideARecord(t *testing.T) {
	db, _ := makeReplayedDB(t)
	key := filepath.Join(filepath.Dir(db), ledger.SigningKeyFile)
	if err := os.Remove(key); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runForTest(t, "", "serve", "--db", db, "--addr", "127.0.0.1:0")
	if code != 1 || !strings.Contains(errs, "signing key "+key+" is missing") || !strings.Contains(errs, "restore signing.key from your backup") {
		t.Fatalf("serve without its key: exit %d, %q", code, errs)
	}
	if _, err := os.Stat(key); err == nil {
		t.Fatal("serve made a new signing key for an existing record")
	}
	code, _, errs = runForTest(t, "", "replay", "--db", db, "../../testdata/coop-2026.jsonl")
	if code != 1 || !strings.Contains(errs, "is missing") {
		t.Fatalf("replay without the key: exit %d, %q", code, errs)
	}
}

// TestOneWriterPerDatabase: while plenum serve holds a SQLite database, a
// second serve and a replay into it are refused, naming the process that
// holds it; verify still reads it.
func TestOneWriterPerDatabase(t *testing.T) {
	db, vkey := makeReplayedDB(t)
	srv := startCLI(t, `listening on (http://[^/ ]+)/`, "serve", "--db", db, "--addr", "127.0.0.1:0")
	holder := "process " + strconv.Itoa(os.Getpid())
	code, _, errs := runForTest(t, "", "serve", "--db", db, "--addr", "127.0.0.1:0")
	if code != 1 || !strings.Contains(errs, "in use by another writer, "+holder) || !strings.Contains(errs, "serve another database") {
		t.Fatalf("a second serve: exit %d, %q", code, errs)
	}
	code, _, errs = runForTest(t, "", "replay", "--db", db, "../../testdata/coop-2026.jsonl")
	if code != 1 || !strings.Contains(errs, holder) || !strings.Contains(errs, "plenum replay --url") {
		t.Fatalf("replay into the server's database: exit %d, %q", code, errs)
	}
	roster := filepath.Join(t.TempDir(), "roster.csv")
	if err := os.WriteFile(roster, []byte("Name\nAnna Arkadyevna\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errs = runForTest(t, "", "import", "--db", db, "--assembly", "coop-2026", roster)
	if code != 1 || !strings.Contains(errs, "in use by another writer, "+holder) {
		t.Fatalf("import into the server's database: exit %d, %q", code, errs)
	}
	if code, out, errs := run(t, "verify", "--db", db, "--key", vkey); code != 0 {
		t.Fatalf("verify beside serve: exit %d %s %s", code, out, errs)
	}
	if code := srv.stop(); code != 0 {
		t.Fatalf("serve exited %d", code)
	}
	// Once it has stopped, the database is free.
	if code, _, errs := runForTest(t, "", "replay", "--db", db, "-"); code != 0 {
		t.Fatalf("replay after serve stopped: exit %d %q", code, errs)
	}
}

// TestReplayThroughTheAPI sends a script through a running server, each
// line as its person; sent again, nothing is recorded twice. A line whose
// person has no login is refused before anything is sent.
func TestReplayThroughTheAPI(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	srv, err := openServer(ctx, serverConfig{db: filepath.Join(dir, "plenum.db"), name: ledger.DefaultServerName})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ts := httptest.NewServer(srv.auth.Middleware(srv.handler))
	defer ts.Close()
	token := func() string {
		tok, err := srv.auth.NewAdminToken(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	admin := `{"cmd":"create_assembly","actor":"admin","at":"2026-01-01T10:00:00Z","args":{"id":"a1","name":"A","starts":"2026-01-01","rules":"congress"}}
{"cmd":"add_organization","actor":"admin","at":"2026-01-01T10:00:30Z","args":{"id":"o","name":"O","kind":"delegating"}}
{"cmd":"add_person","actor":"admin","at":"2026-01-01T10:01:00Z","args":{"id":"p1","name":"One"}}
{"cmd":"submit_mandate","actor":"admin","at":"2026-01-01T10:01:30Z","args":{"id":"m-p1","person":"p1","organization":"o","kind":"decisive"}}
{"cmd":"verify_mandate","actor":"admin","at":"2026-01-01T10:02:00Z","args":{"mandate":"m-p1"}}
`
	code, out, errs := runForTest(t, admin, "replay", "--url", ts.URL, "--admin", ts.URL+"/login?admin="+token(), "-")
	if code != 0 || !strings.Contains(out, "recorded 5 commands (0 of them already in the record)") || !strings.Contains(errs, "not at the line's \"at\"") {
		t.Fatalf("replay --url: exit %d %q %q", code, out, errs)
	}
	size := func() int64 {
		a, ok := srv.engine.Assembly("a1")
		if !ok {
			t.Fatal("no assembly a1")
		}
		return a.Log().Size()
	}
	after := size()
	// p1's line needs p1's login: refused before anything is sent.
	full := admin + `{"cmd":"check_in","actor":"p1","at":"2026-01-01T10:03:00Z","args":{"person":"p1"}}` + "\n"
	code, _, errs = runForTest(t, full, "replay", "--url", ts.URL, "--admin", token(), "-")
	if code != 1 || !strings.Contains(errs, "line 6 (check_in): no login for p1 in a1") || size() != after {
		t.Fatalf("a line without its login: exit %d %q; log %d → %d", code, errs, after, size())
	}
	codes, err := srv.auth.IssueCodes(ctx, "a1", []string{"p1"})
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs = runForTest(t, full, "replay", "--url", ts.URL, "--admin", token(), "--code", codes[0].Code, "-")
	if code != 0 || !strings.Contains(out, "recorded 6 commands (5 of them already in the record)") || size() != after+1 {
		t.Fatalf("the script again with p1's line: exit %d %q %q; log %d → %d", code, out, errs, after, size())
	}
	a, _ := srv.engine.Assembly("a1")
	a.Read(func(s *assembly.State) {
		if !s.Attendance.CheckedIn["p1"] {
			t.Error("p1's line was not given as p1")
		}
	})
	// A line refused before logging in leaves the one-time token unspent;
	// an administrator's session cookie logs in as often as needed.
	tok := token()
	byAnn := strings.Replace(admin, `"actor":"admin","at":"2026-01-01T10:00:00Z"`, `"actor":"ann","at":"2026-01-01T10:00:00Z"`, 1)
	if code, _, errs := runForTest(t, byAnn, "replay", "--url", ts.URL, "--admin", tok, "-"); code != 1 || !strings.Contains(errs, "line 1 (create_assembly)") {
		t.Fatalf("create_assembly by ann: exit %d %q", code, errs)
	}
	s, err := login(ctx, i18n.For(""), ts.URL, "admin", tok)
	if err != nil || !s.admin {
		t.Fatalf("the token after a refused script: %+v, %v", s, err)
	}
	u, _ := url.Parse(ts.URL + "/")
	var cookie string
	for _, c := range s.c.Jar.Cookies(u) {
		if c.Name == auth.CookieName {
			cookie = c.Value
		}
	}
	for range 2 {
		if code, out, errs := runForTest(t, admin, "replay", "--url", ts.URL, "--admin", cookie, "-"); code != 0 || !strings.Contains(out, "(5 of them already in the record)") {
			t.Fatalf("with the session cookie: exit %d %q %q", code, out, errs)
		}
	}
	// Usage errors.
	for _, args := range [][]string{
		{"replay", "--code", "X", "-"},
		{"replay", "--url", ts.URL, "--db", "x.db", "-"},
		{"replay", "--url", "ftp://x", "-"},
	} {
		if code, _, errs := runForTest(t, "", args...); code != 2 {
			t.Errorf("%q: exit %d %q, want 2", args, code, errs)
		}
	}
}
