package web_test

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"
)

// recordCommands are the plenum verify commands a record page prints.
var recordCommands = regexp.MustCompile(`<code>(plenum verify [^<]*)</code>`)

// TestRecordPageCommandsGiveTheKey: every plenum verify command the
// record page prints — the check of the log at its address, the offline
// check of the minutes against the record file ("even when this server
// is gone"), and the check of an excerpt — names the server's verifier
// key, so that what a historian runs a year later checks who signed the
// record, not only that the files agree; no VERIFIER-KEY to fill in.
func TestRecordPageCommandsGiveTheKey(t *testing.T) {
	h := newCheckHall(t)
	a, _ := h.eng.Assembly(asm)
	size := fmt.Sprint(a.Log().Size())
	code, page, _ := h.browser("anna").get("/a/" + asm + "/record")
	page = html.UnescapeString(page)
	if code != 200 {
		t.Fatalf("the record page: %d", code)
	}
	want := []string{
		"plenum verify --url " + h.srv.URL + "/log/" + asm + "/ --key " + testVerifierKey,
		"plenum verify --db " + asm + "-record-" + size + ".db --document " + asm + "-minutes-" + size + ".md --key " + testVerifierKey,
		"plenum verify --excerpt FILE --key " + testVerifierKey,
	}
	var got []string
	for _, m := range recordCommands.FindAllStringSubmatch(page, -1) {
		got = append(got, m[1])
	}
	if len(got) != len(want) {
		t.Fatalf("the record page prints %d commands, want %d: %q", len(got), len(want), got)
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || g == w
		}
		if !found {
			t.Errorf("the record page does not print %q; it prints %q", w, got)
		}
	}
	if strings.Contains(page, "VERIFIER-KEY") {
		t.Error("the record page still says VERIFIER-KEY")
	}
}
