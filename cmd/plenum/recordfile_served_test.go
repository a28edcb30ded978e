package main

import (
	"bytes"
	"context"
	"database/sql"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plenum/ledger"
)

// logTables are the tables of a plenum database that hold the signed log:
// all a record file may have rows in.
var logTables = map[string]bool{"logs": true, "entries": true, "checkpoints": true, "blobs": true, "cosignatures": true, "schema_migrations": true}

// TestRecordFileFromTheServer: the record file the record page offers
// (GET /a/{id}/record.db) is what a historian needs with the minutes
// downloaded beside it, and nothing of the server: the minutes check
// against it offline, the whole log audits through the rules, and of a
// server holding access codes, sessions and the sealed ballots of a
// secret vote still open, the file holds none — no table but the log's
// has a row, and no code or session token is in its bytes.
func TestRecordFileFromTheServer(t *testing.T) {
	ctx := context.Background()
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "coop-2026.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	// The cooperative's roll call made a secret vote, and the script cut
	// before it closes: eleven ballots wait sealed in the box.
	const roll = `"args": {"id": "v-survey", "motion": "a-survey", "method": "roll_call"}`
	script, _, ok := strings.Cut(strings.Replace(string(src), roll, strings.Replace(roll, "roll_call", "secret", 1), 1), `{"cmd": "close_vote", "actor": "ann", "at": "2026-05-09T10:52:00+02:00", "args": {"vote": "v-survey"}}`)
	if !ok || !strings.Contains(string(src), roll) {
		t.Fatal("the script no longer has the roll call this test makes secret")
	}
	scriptFile := filepath.Join(t.TempDir(), "secret.jsonl")
	os.WriteFile(scriptFile, []byte(script), 0o600)
	srv, db := replayedServer(t, scriptFile)
	const id = "coop-2026"
	codes, err := srv.auth.IssueCodes(ctx, id, []string{"ann", "ben"})
	if err != nil {
		t.Fatal(err)
	}
	tokens, err := srv.auth.NewSessions(ctx, id, []string{"ann", "ben"})
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"access_codes", "access_sessions", "ballot_box"} {
		if countRows(t, db, table) == 0 {
			t.Fatalf("the server's database holds no %s: the test would prove nothing", table)
		}
	}
	ts := httptest.NewServer(srv.handler)
	defer ts.Close()
	historian := filepath.Join(t.TempDir(), "historian")
	os.MkdirAll(historian, 0o755)
	for _, path := range []string{"/a/" + id + "/minutes/md", "/a/" + id + "/record.db"} {
		download(t, ts.URL+path, historian)
	}
	a, _ := srv.engine.Assembly(id)
	n := itoa(int(a.Log().Size()))
	record, minutesFile := filepath.Join(historian, id+"-record-"+n+".db"), filepath.Join(historian, id+"-minutes-"+n+".md")

	// The command the record page gives (TestRecordPageCommandsCarryTheKey
	// runs it as the page prints it).
	vkey := demoVerifierKey(t, db)
	if code, stdout, stderr := exportCLI(t, "verify", "--db", record, "--document", minutesFile, "--key", vkey); code != 0 || !strings.Contains(stdout, "plenum.localhost/log/"+id) {
		t.Fatalf("verify --db %s --document %s --key: %d %s %s", record, minutesFile, code, stdout, stderr)
	}
	if code, stdout, stderr := exportCLI(t, "verify", "--db", record, "--key", vkey); code != 0 || !strings.Contains(stdout, n) {
		t.Fatalf("verify --db record --key: %d %s %s", code, stdout, stderr)
	}

	// Nothing of the server's secrets.
	raw, err := sql.Open("sqlite", "file:"+record+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	rows, err := raw.Query(`SELECT name FROM sqlite_master WHERE type = 'table'`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		rows.Scan(&name)
		tables = append(tables, name)
	}
	rows.Close()
	if len(tables) < len(logTables) {
		t.Fatalf("the record file's tables: %v", tables)
	}
	for _, table := range tables {
		if n := countRows(t, record, table); n != 0 && !logTables[table] {
			t.Errorf("the record file holds %d rows of %s", n, table)
		}
	}
	file, _ := os.ReadFile(record)
	for _, secret := range append(tokens, codes[0].Code, codes[1].Code) {
		if bytes.Contains(file, []byte(secret)) {
			t.Errorf("the record file holds the secret %q", secret)
		}
	}
}

// replayedServer is the server plenum serve runs on a new database that
// script was replayed into, closed at the test's end, and the database.
func replayedServer(t *testing.T, script string) (*server, string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "plenum.db")
	if code, _, stderr := exportCLI(t, "replay", "--db", db, script); code != 0 {
		t.Fatal(stderr)
	}
	srv, err := openServer(context.Background(), serverConfig{db: db, name: ledger.DefaultServerName})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv, db
}

// TestServerCloseRemovesTheRecordFiles: the record files a server keeps
// (one a log, in a folder of its own in TMPDIR) are removed when the
// server closes, not left behind by every server that ever served one.
func TestServerCloseRemovesTheRecordFiles(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	srv, _ := replayedServer(t, filepath.Join("..", "..", "testdata", "coop-2026.jsonl"))
	ts := httptest.NewServer(srv.handler)
	defer ts.Close()
	download(t, ts.URL+"/a/coop-2026/record.db", t.TempDir())
	kept, _ := filepath.Glob(filepath.Join(tmp, "plenum-record-*"))
	if len(kept) != 1 {
		t.Fatalf("the server keeps %d folders of record files in TMPDIR, want 1: %v", len(kept), kept)
	}
	srv.Close()
	if left, _ := filepath.Glob(filepath.Join(tmp, "plenum-record-*")); len(left) != 0 {
		t.Fatalf("closing the server left %v", left)
	}
}
