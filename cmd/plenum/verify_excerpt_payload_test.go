package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plenum/i18n"
)

// longText is a motion's text of about 70 KB, too long for an entry of
// the log: the entry that holds it is stored with its payload beside the
// log (ledger.MaxEntrySize).
var longText = strings.Repeat("The cooperative repairs the roofs of blocks A to F before the winter. ", 1000)

// longMotionScript writes a script of the motion m1, whose text is
// longText, carried by a roll-call vote.
func longMotionScript(t *testing.T) string {
	t.Helper()
	var lines []string
	add := scriptAdder(t, &lines, 3)
	type obj = map[string]any
	add("admin", "add_item", obj{"id": "i1", "title": "The roofs"})
	add("admin", "take_up_item", obj{"item": "i1"})
	add("admin", "move_motion", obj{"id": "m1", "kind": "substantive", "title": "Repair the roofs", "text": longText, "item": "i1", "mover": "chief"})
	add("admin", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	for i := range 3 {
		p := fmt.Sprintf("d%d", i)
		add(p, "cast_ballot", obj{"vote": "v1", "voter": p, "choice": "for"})
	}
	add("chief", "close_vote", obj{"vote": "v1"})
	add("chief", "declare_result", obj{"vote": "v1"})
	return writeScript(t, lines)
}

// rewriteExcerpt writes the excerpt file with its fields passed through
// change, and returns the new file.
func rewriteExcerpt(t *testing.T, file string, change func(f map[string]json.RawMessage)) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var f map[string]json.RawMessage
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	change(f)
	out := filepath.Join(t.TempDir(), filepath.Base(file))
	data, _ = json.Marshal(f)
	if err := os.WriteFile(out, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestExcerptCarriesAPayloadStoredBesideTheLog: the excerpt of a motion
// whose text is too long for an entry carries the payload stored beside
// the log under its SHA-256, and plenum verify --excerpt checks it
// against the SHA-256 and the size the entry names and shows it. A
// payload changed, or one no entry names, is refused; an excerpt that
// does not carry it (as served before) verifies and says so. An
// election's opening stored so is checked with its payload, and without
// it is refused: the count cannot be checked.
func TestExcerptCarriesAPayloadStoredBesideTheLog(t *testing.T) {
	file, vkey, x := servedExcerpt(t, longMotionScript(t))
	first := x.Entries[0]
	d, ref, err := first.Decode()
	if err != nil || ref == nil || d.Type != "motion_moved" || !strings.Contains(string(d.Payload), longText) {
		t.Fatalf("the first entry: %s, ref %v, %d bytes of payload, %v", d.Type, ref, len(d.Payload), err)
	}
	data, _ := os.ReadFile(file)
	var f struct {
		Payloads map[string][]byte `json:"payloads"`
	}
	key, size := fmt.Sprintf("%x", ref.SHA256), i18n.For("en").Number(int(ref.Size))
	if json.Unmarshal(data, &f) != nil || len(f.Payloads) != 1 || f.Payloads[key] == nil {
		t.Fatalf("the file carries %d payloads, want that of %s", len(f.Payloads), key)
	}
	verifiedExcerptSays(t, file, vkey,
		fmt.Sprintf("\nentry %d, ", first.Index), "motion_moved by admin: id: m1; kind: substantive; title: Repair the roofs; text: "+longText[:50],
		fmt.Sprintf("\nentry %d: its payload, stored beside the log (%s bytes, SHA-256 %s), carried by the excerpt and checked; --json shows it whole\n", first.Index, size, key))
	// With --json, the payload as it stands.
	if code, out, errs := runForTest(t, "", "verify", "--excerpt", file, "--key", vkey, "--json"); code != 0 || errs != "" ||
		!strings.Contains(out, fmt.Sprintf("\nentry %d: its payload, stored beside the log (%s bytes, SHA-256 %s), carried by the excerpt and checked: {", first.Index, size, key)) ||
		!strings.Contains(out, longText[:200]) {
		t.Errorf("verify --excerpt --json: exit %d %s\n%s", code, errs, out)
	}

	payloads := func(p map[string][]byte) func(map[string]json.RawMessage) {
		return func(f map[string]json.RawMessage) {
			if p == nil {
				delete(f, "payloads")
				return
			}
			f["payloads"], _ = json.Marshal(p)
		}
	}
	changed := []byte(strings.Replace(string(f.Payloads[key]), "roofs", "walls", 1))
	for what, c := range map[string]struct {
		p    map[string][]byte
		want string
	}{
		"a payload changed": {map[string][]byte{key: changed}, fmt.Sprintf("excerpt: entry %d: the payload the excerpt carries for it is not the one it names (SHA-256 %s, %d bytes)", first.Index, key, ref.Size)},
		"a payload of no entry": {map[string][]byte{key: f.Payloads[key], strings.Repeat("0", 64): []byte(`{}`)},
			`excerpt: it carries a payload (SHA-256 "0000000000000000000000000000000000000000000000000000000000000000") that no entry it holds names`},
	} {
		code, out, errs := runForTest(t, "", "verify", "--excerpt", rewriteExcerpt(t, file, payloads(c.p)), "--key", vkey)
		if code != 1 || out != "" || !strings.Contains(errs, c.want) {
			t.Errorf("%s: exit %d\n%s\n%s\nwant %q", what, code, out, errs, c.want)
		}
	}
	bare := rewriteExcerpt(t, file, payloads(nil))
	verifiedExcerptSays(t, bare, vkey, fmt.Sprintf("\nentry %d: its payload is stored beside the log (%s bytes, SHA-256 %s), and the excerpt does not carry it: what the entry says is not shown\n", first.Index, size, key))

	// An election whose instruction makes its opening too long for an
	// entry: counted with the payload, refused without.
	var lines []string
	add := scriptAdder(t, &lines, 3)
	add("chief", "open_election", map[string]any{"id": "e1", "title": "Roof committee", "seats": 1, "method": "plurality", "candidates": []string{"d1", "d2"}, "instruction": longText})
	for i, c := range []string{"d1", "d2", "d2"} {
		p := fmt.Sprintf("d%d", i)
		add(p, "cast_election_ballot", map[string]any{"election": "e1", "voter": p, "approve": []string{c}})
	}
	add("chief", "close_election", map[string]any{"election": "e1"})
	add("chief", "declare_election", map[string]any{"election": "e1"})
	efile, ekey, ex, _ := servedElectionExcerpt(t, writeScript(t, lines))
	if _, ref, _ := ex.Entries[0].Decode(); ref == nil {
		t.Fatal("the opening of the election is not stored beside the log")
	}
	verifiedExcerptSays(t, efile, ekey, "\nelection e1: counted again by plurality from the 3 ballots shown, 3 votes: d1 1, d2 2; elected: d2\n")
	code, out, errs := runForTest(t, "", "verify", "--excerpt", rewriteExcerpt(t, efile, payloads(nil)), "--key", ekey)
	if want := fmt.Sprintf("entry %d (election_opened): its payload is stored beside the log", ex.Entries[0].Index); code != 1 || !strings.Contains(errs, want) {
		t.Errorf("the election's opening without its payload: exit %d\n%s\n%s\nwant %q", code, out, errs, want)
	}
}
