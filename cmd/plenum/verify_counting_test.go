package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"plenum/ledger"
	"plenum/store/sqlite"
	"plenum/tiles"
	"plenum/tlogproof"
)

// TestVerifyUnknownCountingRules: a record whose election names counting
// rules this plenum does not know (a later plenum's, "counting": 3 in its
// opening) is neither passed nor called altered by plenum verify --db or
// --url: it ends with exit status 3, naming the version, the entry that
// needed it and the election, and telling to use a newer plenum. The
// same record naming v1, or none, verifies.
func TestVerifyUnknownCountingRules(t *testing.T) {
	var lines []string
	add := scriptAdder(t, &lines, 6)
	type obj = map[string]any
	add("chief", "open_election", obj{"id": "e1", "title": "Auditor", "seats": 1, "method": "approval", "candidates": []string{"d3", "d4", "d5"}})
	for i, approve := range [][]string{{"d3", "d4"}, {"d4"}, {"d4", "d5"}, {"d3"}, {"d5"}} {
		p := fmt.Sprintf("d%d", i)
		add(p, "cast_election_ballot", obj{"election": "e1", "voter": p, "approve": approve})
	}
	add("chief", "close_election", obj{"election": "e1", "seed": 7})
	add("chief", "declare_election", obj{"election": "e1"})
	good := replayedDB(t, lines)
	var declared int64
	counting := func(v string) func(e *ledger.Entry) {
		edit := editEntry(t, "election_opened", 1, func(m map[string]json.RawMessage) { m["counting"] = json.RawMessage(v) })
		return func(e *ledger.Entry) {
			if e.Type == "election_declared" {
				declared = e.Index
			}
			edit(e)
		}
	}
	if code, out, errs := runForTest(t, "", "verify", "--db", rewrite(t, good, counting("1"))); code != 0 {
		t.Fatalf("verify of the record naming v1: exit %d: %s %s", code, out, errs)
	}
	future := rewrite(t, good, counting("3"))
	want := fmt.Sprintf(`this record was counted by counting rules v3 (entry %d, "e1"), which this plenum does not know (it counts by v1): use a newer plenum. Nothing was found wrong in the entries before it, but the record is not verified`, declared)
	code, out, errs := runForTest(t, "", "verify", "--db", future)
	if code != 3 || !strings.Contains(errs, "plenum.localhost/log/enc: "+want) || strings.Contains(out+errs, "FAILED") || strings.Contains(out+errs, "not intact") {
		t.Errorf("verify --db of a record counted by v3: exit %d\n%s\n%s\nwant exit 3 and: %s", code, out, errs, want)
	}
	st, err := sqlite.OpenReadOnly(future)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ts := httptest.NewServer(tiles.Handler(st, ledger.DefaultServerName))
	defer ts.Close()
	code, out, errs = runForTest(t, "", "verify", "--url", ts.URL+"/log/enc/", "--key", demoVerifierKey(t, future))
	if code != 3 || !strings.Contains(errs, ts.URL+"/log/enc/: "+want) || strings.Contains(out+errs, "FAILED") {
		t.Errorf("verify --url of a record counted by v3: exit %d\n%s\n%s\nwant exit 3 and: %s", code, out, errs, want)
	}
	excerpt := wholeExcerpt(t, future)
	code, out, errs = runForTest(t, "", "verify", "--excerpt", excerpt, "--key", demoVerifierKey(t, future))
	if code != 3 || !strings.Contains(errs, excerpt+": "+want) {
		t.Errorf("verify --excerpt of a record counted by v3: exit %d\n%s\n%s\nwant exit 3 and: %s", code, out, errs, want)
	}
}

// wholeExcerpt writes the certified excerpt of every entry of the log of
// the SQLite database db, beside which its signing key is, and returns
// the file's path.
func wholeExcerpt(t *testing.T, db string) string {
	t.Helper()
	ctx := context.Background()
	signer, _, err := ledger.LoadOrCreateKey(filepath.Dir(db), ledger.DefaultServerName)
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	origins, err := st.Logs(ctx)
	if err != nil || len(origins) != 1 {
		t.Fatalf("logs %v: %v", origins, err)
	}
	lg, err := ledger.Open(ctx, st, origins[0], signer)
	if err != nil {
		t.Fatal(err)
	}
	defer lg.Close()
	var entries []tlogproof.ExcerptEntry
	for i := range lg.Size() {
		raw, err := lg.Raw(ctx, i, i+1)
		if err != nil {
			t.Fatal(err)
		}
		p, err := lg.InclusionProof(ctx, i, lg.Size())
		if err != nil {
			t.Fatal(err)
		}
		entries = append(entries, tlogproof.ExcerptEntry{Index: i, Data: raw[0], Proof: p})
	}
	return writeExcerpt(t, "the whole record", lg.Checkpoint(), entries)
}
