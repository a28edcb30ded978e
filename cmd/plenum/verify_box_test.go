package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"plenum/assembly"
)

// openSecretVoteScript is a script whose assembly coop has a secret vote
// v1 open, in which d0, d1 and d2 have cast their ballots.
func openSecretVoteScript(t *testing.T) string {
	t.Helper()
	add, write := coopScript(t, 0)
	add("admin", "move_motion", map[string]any{"id": "m1", "kind": "substantive", "title": "Adopt the budget", "item": "i1", "mover": "chief"})
	add("admin", "open_vote", map[string]any{"id": "v1", "motion": "m1", "method": "secret"})
	for p, choice := range map[string]string{"d0": "against", "d1": "for", "d2": "for"} {
		add(p, "cast_ballot", map[string]any{"vote": "v1", "voter": p, "choice": choice})
	}
	return write()
}

// TestVerifyComparesTheBallotBox: plenum verify --db compares the ballot
// box of an open secret vote with the ballots its ballot_cast entries
// record, which needs no key: a box a row was deleted from outside
// plenum is reported, exit 1, before the close finds it; and the chair
// closing the vote is refused, saying the box was altered and the vote
// can only be withdrawn, not told to try again (review40 I4). A record
// file, which holds no ballot box, is said to hold none.
func TestVerifyComparesTheBallotBox(t *testing.T) {
	srv, db := replayedServer(t, openSecretVoteScript(t))
	if code, out, stderr := runForTest(t, "", "verify", "--db", db); code != 0 || strings.Contains(out, "ballot box") {
		t.Fatalf("the intact box: exit %d\n%s%s", code, out, stderr)
	}
	record := filepath.Join(t.TempDir(), "record.db")
	if code, _, stderr := runForTest(t, "", "export", "--db", db, "--assembly", "coop", "--format", "record", "-o", record); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	os.WriteFile(filepath.Join(filepath.Dir(record), "signing.key"), mustRead(t, filepath.Join(filepath.Dir(db), "signing.key")), 0o600)
	if code, out, stderr := runForTest(t, "", "verify", "--db", record); code != 0 || !strings.Contains(out, "no ballot box for the open secret vote v1 (ballots cast, by the record: 3): a record file holds none") {
		t.Errorf("the record file: exit %d\n%s%s", code, out, stderr)
	}

	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Exec("delete from ballot_box where id = (select min(id) from ballot_box)"); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runForTest(t, "", "verify", "--db", db)
	want := []string{"FAILED: plenum.localhost/log/coop", "ballot box: the ballot box of the open secret vote v1 does not hold what the record says was cast in it (ballots in the box: 2; ballots cast, by its ballot_cast entries: 3): the box was altered outside plenum"}
	if code != 1 || !inOrder(out, want) {
		t.Errorf("a row deleted: exit %d\n%s%s\nwant 1 and %q", code, out, stderr, want)
	}

	_, err = srv.engine.Submit(context.Background(), assembly.Envelope{Cmd: "close_vote", Assembly: "coop", Actor: "admin", At: time.Now(), Args: json.RawMessage(`{"vote":"v1"}`)})
	var ae *assembly.Error
	if !errors.As(err, &ae) || ae.Code != assembly.ErrConflict || !strings.Contains(err.Error(), "the ballot box of v1 was altered outside plenum (ballots in the box: 2; voters the record names: 3): the vote cannot be closed, it can only be withdrawn") {
		t.Errorf("the close: %v, want a refusal saying the box was altered", err)
	}
}
