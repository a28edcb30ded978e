package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/ledger"
	"plenum/remote"
	"plenum/remote/tlogtest"
	"plenum/tlogproof"
)

// The fixtures the tests of plenum verify share: records replayed from a
// script, logs built entry by entry, the receipts and excerpts of them
// written to files, and verify run on them.

// replayedDB replays the script lines (scriptAdder's) into a new SQLite
// database, beside which its signing key is, and returns its path.
func replayedDB(t *testing.T, lines []string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "p.db")
	if code, out, errs := runForTest(t, "", "replay", "--db", db, writeScript(t, lines)); code != 0 {
		t.Fatalf("replay: exit %d, %q, %s", code, out, errs)
	}
	return db
}

// refusedDB checks that plenum verify --db refuses db with exit status 1,
// saying each of want in what it prints.
func refusedDB(t *testing.T, what, db string, want ...string) {
	t.Helper()
	code, out, errs := runForTest(t, "", "verify", "--db", db)
	missing := ""
	for _, w := range want {
		if !strings.Contains(out, w) {
			missing = w
			break
		}
	}
	if code != 1 || missing != "" {
		t.Errorf("%s: exit %d\n%s\n%s\nwant 1 and %q", what, code, out, errs, missing)
	}
}

// coopScript begins a script of the assembly coop (congress rules) on
// 9 May 2026: the members' delegates d0, d1 and d2, their mandates m-d0,
// m-d1 and m-d2 verified, checked in; the chair chief opening the
// sitting s1 and taking up the item i1. With weight other than 0 the
// assembly's votes are weighted and m-d0 carries weight votes. It
// returns the adder of the lines after, and write, which writes the
// script to a file and returns its path.
func coopScript(t *testing.T, weight int) (add func(actor, cmd string, args map[string]any), write func() string) {
	t.Helper()
	at := time.Date(2026, 5, 9, 9, 0, 0, 0, time.UTC)
	var script bytes.Buffer
	add = func(actor, cmd string, args map[string]any) {
		b, err := json.Marshal(map[string]any{"cmd": cmd, "actor": actor, "at": at.Format(time.RFC3339), "args": args})
		if err != nil {
			t.Fatal(err)
		}
		script.Write(append(b, '\n'))
	}
	add("admin", "create_assembly", map[string]any{"id": "coop", "name": "Spring general meeting", "starts": "2026-05-09", "rules": "congress"})
	if weight != 0 {
		add("admin", "set_rules", map[string]any{"overrides": map[string]any{"weighted_votes": true}})
	}
	add("admin", "add_organization", map[string]any{"id": "members", "name": "The members", "kind": "delegating"})
	for _, p := range []string{"d0", "d1", "d2"} {
		add("admin", "add_person", map[string]any{"id": p, "name": "Delegate " + p})
		add("admin", "submit_mandate", map[string]any{"id": "m-" + p, "person": p, "organization": "members", "kind": "decisive"})
		if p == "d0" && weight != 0 {
			add("admin", "amend_mandate", map[string]any{"mandate": "m-d0", "weight": weight})
		}
		add("admin", "verify_mandate", map[string]any{"mandate": "m-" + p})
		add(p, "check_in", map[string]any{"person": p})
	}
	add("admin", "add_person", map[string]any{"id": "chief", "name": "The chair"})
	add("admin", "open_sitting", map[string]any{"id": "s1", "date": "2026-05-09", "chair": "chief"})
	add("admin", "add_item", map[string]any{"id": "i1", "title": "The budget"})
	add("admin", "take_up_item", map[string]any{"item": "i1"})
	write = func() string {
		file := filepath.Join(t.TempDir(), "coop.jsonl")
		if err := os.WriteFile(file, script.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return file
	}
	return add, write
}

// recordGap submits to srv a gap in the record of the assembly id, for
// reason, at at.
func recordGap(t *testing.T, srv *server, id, reason string, at time.Time) {
	t.Helper()
	args, _ := json.Marshal(map[string]string{"reason": reason})
	if _, err := srv.engine.Submit(context.Background(), assembly.Envelope{Cmd: "record_gap", Assembly: id, Actor: "ann", At: at, Args: args}); err != nil {
		t.Fatal(err)
	}
}

// coopWithBlob is the cooperative's meeting (testdata/coop-2026.jsonl)
// replayed and its server, with a gap recorded last whose reason is too
// long for one entry, stored beside the log as a blob. It returns the
// server, its database and the blob's name.
func coopWithBlob(t *testing.T) (srv *server, db, blob string) {
	t.Helper()
	srv, db = replayedServer(t, filepath.Join("..", "..", "testdata", "coop-2026.jsonl"))
	recordGap(t, srv, "coop-2026", strings.Repeat("The drafts of this part are lost. ", 3000), time.Date(2026, 5, 9, 20, 0, 0, 0, time.UTC))
	return srv, db, lastBlob(t, srv, "coop-2026")
}

// numberedLog is a log of n plenum entries of type typ recorded by the
// secretary, whose payloads number them, {"n":0} to {"n":n-1}.
func numberedLog(t *testing.T, origin, typ string, n int) *tlogtest.Log {
	t.Helper()
	l := tlogtest.New(origin)
	for i := range int64(n) {
		data, _, err := ledger.EncodeEntry(ledger.Entry{Index: i, Time: time.Unix(1e9, 0), Actor: "secretary", Type: typ, Payload: json.RawMessage(fmt.Sprintf(`{"n":%d}`, i))})
		if err != nil {
			t.Fatal(err)
		}
		l.Append(data)
	}
	return l
}

// appendEntry appends to l an entry of type typ recorded by ann, whose
// payload is payload as JSON, and returns its index.
func appendEntry(t *testing.T, l *tlogtest.Log, typ string, payload any) int64 {
	t.Helper()
	b, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	i := l.Size()
	data, _, err := ledger.EncodeEntry(ledger.Entry{Index: i, Time: time.Unix(1e9, 0), Actor: "ann", Type: typ, Payload: b})
	if err != nil {
		t.Fatal(err)
	}
	l.Append(data)
	return i
}

// receiptFile fetches the receipt of entry index of the log at url,
// signed by keys, into a file of its own and returns the file's path.
func receiptFile(t *testing.T, url string, keys note.Verifiers, index int64) string {
	t.Helper()
	r, err := remote.FetchReceipt(context.Background(), url, index, remote.Options{LogKeys: keys})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), fmt.Sprintf("receipt-%d.tlog-proof", index))
	if err := os.WriteFile(file, r, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// verifyReceiptFile runs plenum verify --receipt file --key vkey, with
// --url url and --token token where they are not empty, and returns
// what it printed.
func verifyReceiptFile(file, vkey, url, token string) (string, error) {
	var stdout, stderr witBuffer
	err := runVerifyReceipt(context.Background(), &cliEnv{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}, file, vkey, nil, url, token, "")
	return stdout.String(), err
}

// writeExcerpt writes the certified excerpt titled title of entries
// against the signed checkpoint to a file and returns its path.
func writeExcerpt(t *testing.T, title string, checkpoint []byte, entries []tlogproof.ExcerptEntry) string {
	t.Helper()
	x, err := tlogproof.BuildExcerpt(title, checkpoint, entries)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(t.TempDir(), "excerpt.json")
	if err := os.WriteFile(name, x, 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// keepAll keeps every entry, and unchanged leaves an entry as it is:
// resignedExcerpt's excerpt of x itself.
func keepAll(string) bool     { return true }
func unchanged(*ledger.Entry) {}

// resignedVerifies checks that the excerpt x, signed again unchanged by
// a key of the test's own (resignedExcerpt), verifies, saying want.
func resignedVerifies(t *testing.T, x *tlogproof.Excerpt, want string) {
	t.Helper()
	f, k := resignedExcerpt(t, x, keepAll, unchanged)
	if code, out, errs := runForTest(t, "", "verify", "--excerpt", f, "--key", k); code != 0 || !strings.Contains(out, want) {
		t.Errorf("the excerpt signed again, unchanged: exit %d %s\n%s", code, errs, out)
	}
}
