package main

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plenum/ledger"
)

// TestRecordFileChecksTheMinutesOffline: a historian given the minutes and
// the record file (export --format record), and nothing of the server,
// checks the minutes against it, and audits the whole log through the
// rules; an edited record file fails; the file holds the log and nothing
// else (no access codes, no sessions, no signing key beside it).
func TestRecordFileChecksTheMinutesOffline(t *testing.T) {
	db := demoDB(t)
	minutesFile := exportTo(t, db, "md")
	archive := filepath.Join(t.TempDir(), "historian", "march-1917-record.db")
	os.MkdirAll(filepath.Dir(archive), 0o755)
	code, _, stderr := exportCLI(t, "export", "--db", db, "--assembly", "march-1917", "--format", "record", "-o", archive)
	var size string
	if _, err := fmt.Sscanf(strings.TrimPrefix(stderr, "wrote the signed record of plenum.localhost/log/march-1917, at tree size "), "%s", &size); code != 0 || err != nil ||
		!strings.HasPrefix(stderr, "wrote the signed record of plenum.localhost/log/march-1917, at tree size "+size+" into "+archive+";") {
		t.Fatalf("export --format record: %d %s", code, stderr)
	}
	size = strings.TrimSuffix(size, ",")
	if names, _ := filepath.Glob(filepath.Join(filepath.Dir(archive), "*")); len(names) != 1 || names[0] != archive {
		t.Fatalf("beside the record file (one file, no signing key, no lock): %v", names)
	}
	// The minutes check against the record file alone; the key is the
	// one the document states (no signing key beside the file).
	out, err := verifyDoc(t, archive, minutesFile)
	if err != nil || !strings.Contains(out, "plenum.localhost/log/march-1917") {
		t.Fatalf("verify --document against the record file: %q %v", out, err)
	}
	// The whole log, through the rules, with the assembly's key.
	key := demoVerifierKey(t, db)
	if code, stdout, stderr := exportCLI(t, "verify", "--db", archive, "--key", key); code != 0 || !strings.Contains(stdout, size) {
		t.Fatalf("verify --db record --key: %d %s %s", code, stdout, stderr)
	}
	// Nothing of the server's secrets went with it.
	for _, table := range []string{"access_codes", "access_sessions"} {
		if n := countRows(t, archive, table); n != 0 {
			t.Errorf("the record file holds %d rows of %s", n, table)
		}
	}
	// A second export onto the same file is refused and leaves it be.
	before, _ := os.ReadFile(archive)
	if code, _, stderr := exportCLI(t, "export", "--db", db, "--assembly", "march-1917", "--format", "record", "-o", archive); code != 1 || !strings.Contains(stderr, "already exists") {
		t.Fatalf("export onto an existing file: %d %s", code, stderr)
	}
	if after, _ := os.ReadFile(archive); string(after) != string(before) {
		t.Fatal("the refused export changed the file")
	}
	// Without -o: a usage error.
	if code, _, stderr := exportCLI(t, "export", "--db", db, "--assembly", "march-1917", "--format", "record"); code != 2 || !strings.Contains(stderr, "-o FILE") {
		t.Fatalf("export --format record without -o: %d %s", code, stderr)
	}
	// Nor into PostgreSQL: the record is a file.
	if code, _, stderr := exportCLI(t, "export", "--db", db, "--assembly", "march-1917", "--format", "record", "-o", "postgres://plenum@localhost/x"); code != 2 || !strings.Contains(stderr, "new SQLite file") {
		t.Fatalf("export --format record into PostgreSQL: %d %s", code, stderr)
	}
	// One count changed in the record file: the minutes no longer check.
	tamperCount(t, archive)
	if _, err := verifyDoc(t, archive, minutesFile); err == nil {
		t.Fatal("the minutes checked against an edited record file")
	}
}

// demoVerifierKey is the verifier key of the signing key beside db.
func demoVerifierKey(t *testing.T, db string) string {
	t.Helper()
	key, err := readVerifierKey(filepath.Join(filepath.Dir(db), ledger.SigningKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	return key
}

// countRows counts the rows of table in the SQLite database db.
func countRows(t *testing.T, db, table string) int {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var n int
	if err := raw.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
