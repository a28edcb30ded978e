package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReplayAndVerifySecretVote: the cooperative's script with its roll
// call made a secret vote replays, the ballots go through the sealed box
// and enter the log at the close, and plenum verify passes on the record.
func TestReplayAndVerifySecretVote(t *testing.T) {
	src, err := os.ReadFile("../../testdata/coop-2026.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	const roll = `"args": {"id": "v-survey", "motion": "a-survey", "method": "roll_call"}`
	if !strings.Contains(string(src), roll) {
		t.Fatal("the script no longer has the roll call this test makes secret")
	}
	script := filepath.Join(t.TempDir(), "secret.jsonl")
	if err := os.WriteFile(script, []byte(strings.Replace(string(src), roll, strings.Replace(roll, "roll_call", "secret", 1), 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "p.db")
	if code, out, errs := runForTest(t, "", "replay", "--db", db, script); code != 0 || !strings.Contains(out, "recorded "+itoa(countCommands(t, script))+" commands") {
		t.Fatalf("replay: exit %d, %q, %s", code, out, errs)
	}
	if code, out, errs := runForTest(t, "", "verify", "--db", db); code != 0 {
		t.Fatalf("verify: exit %d: %s %s", code, out, errs)
	}
	// The ballots are in the log, shuffled, and the box is empty.
	rdb, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer rdb.Close()
	var sealed, box int
	if err := rdb.QueryRow(`SELECT COUNT(*) FROM entries WHERE CAST(data AS TEXT) LIKE '%"type":"sealed_ballots"%'`).Scan(&sealed); err != nil {
		t.Fatal(err)
	}
	if err := rdb.QueryRow(`SELECT COUNT(*) FROM ballot_box`).Scan(&box); err != nil {
		t.Fatal(err)
	}
	if sealed != 1 || box != 0 {
		t.Fatalf("%d sealed_ballots entries, %d rows left in the box; want 1 and 0", sealed, box)
	}
}
