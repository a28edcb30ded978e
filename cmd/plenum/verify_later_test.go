package main

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestVerifyDocumentNamesLaterCorrections: a document checked against a
// record that has grown since its checkpoint verifies, and verify says
// that the log has grown and which later entries correct or strike out
// an entry the document covers (review40 H9): the document does not show
// them.
func TestVerifyDocumentNamesLaterCorrections(t *testing.T) {
	db := demoDB(t)
	doc := exportTo(t, db, "md")
	size := statedSize(t, mustRead(t, doc))
	out, err := verifyDoc(t, db, doc)
	if err != nil || strings.Contains(out, "has grown") {
		t.Fatalf("the document at the log's head: %v: %s", err, out)
	}
	script := `{"cmd":"correct_record","assembly":"march-1917","actor":"restorer","at":"1917-03-31T23:00:00+03:00","args":{"entry":469,"text":"The speaker demanded it.","reason":"read again"}}
{"cmd":"strike_record","assembly":"march-1917","actor":"restorer","at":"1917-03-31T23:01:00+03:00","args":{"entry":471,"reason":"not said"}}
`
	if code, _, stderr := runForTest(t, script, "replay", "--db", db, "-"); code != 0 {
		t.Fatalf("replay: exit %d: %s", code, stderr)
	}
	out, err = verifyDoc(t, db, doc)
	if err != nil {
		t.Fatalf("the document no longer verifies: %v", err)
	}
	n := atoiT(t, size)
	want := []string{"exactly as the log recorded them", "the log has grown to tree size " + itoa(n+2) + " since this document's checkpoint (tree size " + size + ")",
		"entry " + size + " corrects entry 469; entry " + itoa(n+1) + " strikes out entry 471", "export again to see them"}
	if !inOrder(out, want) {
		t.Errorf("verify said %q\nwant %q", out, want)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func atoiT(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
