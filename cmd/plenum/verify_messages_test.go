package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/demo"
	"plenum/ledger"
	"plenum/remote/tlogtest"
)

// TestVerifyDocumentNamesTheRecordFile: a document checked against a
// record file that cannot be the one its checkpoint vouches for is
// refused naming both files and why (review40 H11): a record file older
// than the document, and one whose own checkpoints another key signed
// (another log of the same name, or this one re-signed), named by that
// key. And verify --db on a record file without --key says to give the
// key the assembly published.
func TestVerifyDocumentNamesTheRecordFile(t *testing.T) {
	older := demoDB(t)
	db := demoDB(t)
	key := demoVerifierKey(t, db)
	script := `{"cmd":"record_narrative","assembly":"march-1917","actor":"restorer","at":"1917-03-31T23:00:00+03:00","args":{"text":"A later note."}}` + "\n"
	if code, _, stderr := runForTest(t, script, "replay", "--db", db, "-"); code != 0 {
		t.Fatalf("replay: exit %d: %s", code, stderr)
	}
	doc := exportTo(t, db, "md")
	size := statedSize(t, mustRead(t, doc))
	check := func(name, dbPath string, want []string) {
		t.Helper()
		var o bytes.Buffer
		err := runVerifyDocument(context.Background(), &cliEnv{stdin: strings.NewReader(""), stdout: &o, stderr: &o}, dbPath, "", key, doc)
		var ee *exitError
		if !errors.As(err, &ee) || ee.code != 1 || !inOrder(ee.msg, want) {
			t.Errorf("%s: %v\n%s\nwant exit 1 and %q", name, err, o.String(), want)
		}
	}
	check("an older record file", older, []string{"the record file " + older + " is older than the document: it ends at tree size " + itoa(atoiT(t, size)-1), doc + " states a checkpoint of tree size " + size})

	// The same log replayed under another key.
	other := filepath.Join(t.TempDir(), "plenum.db")
	script2 := filepath.Join(t.TempDir(), "march-1917.jsonl")
	os.WriteFile(script2, demo.Script, 0o644)
	if code, _, stderr := exportCLI(t, "replay", "--db", other, script2); code != 0 {
		t.Fatal(stderr)
	}
	otherKey := demoVerifierKey(t, other)
	check("a record file of another key", other, []string{"the record file " + other + " is signed by another key (" + nameHash(otherKey) + ")", "than the checkpoint " + doc + " states (" + key + ")", "re-signed with another key"})

	record := filepath.Join(t.TempDir(), "record.db")
	if code, _, stderr := runForTest(t, "", "export", "--db", db, "--assembly", "march-1917", "--format", "record", "-o", record); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, stderr := runForTest(t, "", "verify", "--db", record); code != 1 || !strings.Contains(stderr, "no --key given and no signing key to derive it from: ") || !strings.Contains(stderr, "give --key with the key the assembly published") {
		t.Errorf("a record file without --key: exit %d %s", code, stderr)
	}
}

// TestVerifyReceiptInTheAPIsAnswer: the API's JSON answer to
// GET …/proof/{index} saved as a file is read as the receipt its
// "receipt" field holds; JSON without one is refused, saying where the
// receipt file is saved (review40 H12). An excerpt's title is said to be
// the file's, not signed (H13).
func TestVerifyReceiptInTheAPIsAnswer(t *testing.T) {
	l := numberedLog(t, "plenum.test/log/march-1917", "vote.recorded", 20)
	hs := httptest.NewServer(l)
	defer hs.Close()
	receipt := mustRead(t, receiptFile(t, hs.URL, note.VerifierList(l.Verifier()), 7))
	answer, _ := json.Marshal(map[string]any{"index": 7, "tree_size": 20, "receipt": string(receipt)})
	file := writeFile(t, "proof.json", string(answer))
	if code, out, stderr := runForTest(t, "", "verify", "--receipt", file, "--key", l.VKey); code != 0 || !strings.Contains(out, "entry 7 of plenum.test/log/march-1917 is in the log signed at tree size 20") {
		t.Errorf("the API's answer: exit %d\n%s%s", code, out, stderr)
	}
	bare := writeFile(t, "bare.json", `{"index":7,"tree_size":20}`)
	if code, _, stderr := runForTest(t, "", "verify", "--receipt", bare, "--key", l.VKey); code != 1 || !strings.Contains(stderr, "is JSON without a receipt in it: save the receipt file from the receipt page") {
		t.Errorf("JSON without a receipt: exit %d %s", code, stderr)
	}

	xfile := excerptOf(t, l, "Resolution: support the Provisional Government", 3)
	if code, out, stderr := runForTest(t, "", "verify", "--excerpt", xfile, "--key", l.VKey); code != 0 || !strings.Contains(strings.SplitN(out, "\n", 2)[0], "(the title is the file's, not signed: the log vouches for the entries below, not for it)") {
		t.Errorf("the excerpt's title: exit %d\n%s%s", code, out, stderr)
	}
}

// TestVerifySinceOfAnotherKey: a remembered checkpoint (--since) signed
// by another key than the log's is refused naming its log and that key,
// not as "no verifiable signatures" (review40 H11).
func TestVerifySinceOfAnotherKey(t *testing.T) {
	served := tlogtest.New("plenum.test/log/march-1917")
	other := tlogtest.New("plenum.test/log/coop-2026")
	for i := range int64(3) {
		data, _, _ := ledger.EncodeEntry(ledger.Entry{Index: i, Time: time.Unix(1e9, 0), Actor: "secretary", Type: "note", Payload: json.RawMessage(`{}`)})
		served.Append(data)
		other.Append(data)
	}
	hs := httptest.NewServer(served)
	defer hs.Close()
	since := writeFile(t, "since.cp", string(other.Checkpoint()))
	code, _, stderr := runForTest(t, "", "verify", "--url", hs.URL, "--key", served.VKey, "--since", since, "--no-replay")
	want := "--since " + since + ": the remembered checkpoint is of plenum.test/log/coop-2026, signed by " + nameHash(other.VKey) + ", not by " + served.VKey + ": it is another log's"
	if code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d %s\nwant 1 and %q", code, stderr, want)
	}
}

// nameHash is a verifier key as a signature names it: "name+hash".
func nameHash(vkey string) string {
	parts := strings.SplitN(vkey, "+", 3)
	return parts[0] + "+" + parts[1]
}
