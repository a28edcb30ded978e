package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"plenum/ballot"
	"plenum/ledger"
	"plenum/tlogproof"
)

// plainElectionScript writes a script of the approval election e1 for one
// seat: d3 and d4 are candidates when it opens and the chair nominates
// d5; d0…d4 approve {d3, d4}, {d4}, {d4, d5}, {d3}, {d5} (d3 2, d4 3,
// d5 2), the chair closes it and declares whom the ballots elect, d4.
func plainElectionScript(t *testing.T) string {
	t.Helper()
	var lines []string
	add := scriptAdder(t, &lines, 6)
	type obj = map[string]any
	add("chief", "open_election", obj{"id": "e1", "title": "Auditor", "seats": 1, "method": "approval", "candidates": []string{"d3", "d4"}, "approvals": 2})
	add("chief", "nominate", obj{"election": "e1", "person": "d5"})
	for i, approve := range [][]string{{"d3", "d4"}, {"d4"}, {"d4", "d5"}, {"d3"}, {"d5"}} {
		p := fmt.Sprintf("d%d", i)
		add(p, "cast_election_ballot", obj{"election": "e1", "voter": p, "approve": approve})
	}
	add("chief", "close_election", obj{"election": "e1"})
	add("chief", "declare_election", obj{"election": "e1"})
	return writeScript(t, lines)
}

// servedElectionExcerpt replays script, serves it and downloads the
// excerpt of the election e1 of the assembly enc; it returns the file,
// the log's verifier key, the excerpt checked and its entries' types.
// The excerpt of an election that is not is refused (404).
func servedElectionExcerpt(t *testing.T, script string) (string, string, *tlogproof.Excerpt, []string) {
	t.Helper()
	file, vkey, x, base := servedExcerptAt(t, script, "/api/assemblies/enc/elections/e1/excerpt")
	if resp, err := http.Get(base + "/api/assemblies/enc/elections/e9/excerpt"); err != nil || resp.StatusCode != http.StatusNotFound {
		t.Errorf("the excerpt of an election that is not: %v %v", resp.Status, err)
	} else {
		resp.Body.Close()
	}
	return file, vkey, x, entryTypes(t, x)
}

// nthIndex is the index of the nth entry (from 1) of type typ among
// the excerpt's entries, whose types are types.
func nthIndex(t *testing.T, x *tlogproof.Excerpt, types []string, typ string, nth int) int64 {
	t.Helper()
	seen := 0
	for i, ty := range types {
		if ty == typ {
			if seen++; seen == nth {
				return x.Entries[i].Index
			}
		}
	}
	t.Fatalf("no %s number %d in %v", typ, nth, types)
	return 0
}

// dropNth keeps every entry but the nth (from 1) of type typ.
func dropNth(typ string, nth int) func(string) bool {
	seen := 0
	return func(ty string) bool {
		if ty == typ {
			seen++
			return seen != nth
		}
		return true
	}
}

// refusedExcerpt checks that plenum verify --excerpt refuses the
// excerpt file signed by vkey with exit status 1, naming entry index of
// type typ and saying want.
func refusedExcerpt(t *testing.T, what, file, vkey string, index int64, typ, want string) {
	t.Helper()
	named := fmt.Sprintf("plenum verify: %s: entry %d (%s): %s", file, index, typ, want)
	code, out, errs := runForTest(t, "", "verify", "--excerpt", file, "--key", vkey)
	if code != 1 || out != "" || !strings.Contains(errs, named) {
		t.Errorf("%s: exit %d\n%s\n%s\nwant it named: %s", what, code, out, errs, named)
	}
}

// TestVerifyExcerptOfAnElection: the certified excerpt of a plain
// election holds its opening, the nomination, every ballot, the close
// and the declaration; plenum verify --excerpt counts the election
// again by the method its opening names from the ballots shown and says
// so, and that the declaration is that count, and what it cannot check.
// A ballot changed so that another is elected, a ballot naming someone
// who is not a candidate, a ballot left out (the elected unchanged, the
// count recorded not) and the elected changed are each refused naming
// the entry.
func TestVerifyExcerptOfAnElection(t *testing.T) {
	file, vkey, x, types := servedElectionExcerpt(t, plainElectionScript(t))
	want := []string{"election_opened", "candidate_nominated", "election_ballot_cast", "election_ballot_cast", "election_ballot_cast",
		"election_ballot_cast", "election_ballot_cast", "election_closed", "election_declared"}
	if !slices.Equal(types, want) {
		t.Fatalf("the excerpt holds %v, want %v", types, want)
	}
	declared := nthIndex(t, x, types, "election_declared", 1)
	verifiedExcerptSays(t, file, vkey,
		"\nelection e1: counted again by approval from the 5 ballots shown, 5 votes: d3 2, d4 3, d5 2; elected: d4\n",
		fmt.Sprintf("\nelection e1: its declaration (entry %d, declared by chief) names whom this count elects and records this count\n", declared),
		"\nelection e1: not checked from the excerpt: that each ballot's voter held the mandate it names, with the weight recorded with it, and was there to vote")
	if _, out, _ := runIn(t, "de", "verify", "--excerpt", file, "--key", vkey); !strings.Contains(out, "Wahl e1: nach approval neu ausgezählt aus den gezeigten 5 Stimmzetteln, 5 Stimmen: d3 2, d4 3, d5 2; gewählt: d4") {
		t.Errorf("in German:\n%s", out)
	}

	resignedVerifies(t, x, "counted again by approval")
	approve := func(nth int, names string) func(e *ledger.Entry) {
		return editEntry(t, "election_ballot_cast", nth, func(m map[string]json.RawMessage) {
			var b map[string]json.RawMessage
			json.Unmarshal(m["ballot"], &b)
			b["approve"] = json.RawMessage(names)
			m["ballot"], _ = json.Marshal(b)
		})
	}
	// d1 approves d5, not d4: d4 2, d5 3.
	f, k := resignedExcerpt(t, x, keepAll, approve(2, `["d5"]`))
	refusedExcerpt(t, "a ballot changed", f, k, declared, "election_declared", `the declared result of the election "e1" (d4) is not whom the ballots shown elect by approval (d5)`)
	f, k = resignedExcerpt(t, x, keepAll, approve(2, `["d0"]`))
	refusedExcerpt(t, "a ballot for one who is no candidate", f, k, nthIndex(t, x, types, "election_ballot_cast", 2), "election_ballot_cast", `the ballot of d1 names "d0", who is not a candidate in the election "e1"`)
	// d3's ballot, for d3, left out: d4 is still elected.
	f, k = resignedExcerpt(t, x, dropNth("election_ballot_cast", 4), unchanged)
	refusedExcerpt(t, "a ballot left out", f, k, declared, "election_declared",
		`the count the declaration of the election "e1" records (approval, 5 ballots: d3 2, d4 3, d5 2; elected: d4) is not that of the ballots shown (approval, 4 ballots: d3 1, d4 3, d5 2): a ballot is left out of the excerpt, added to it or changed`)
	// Every ballot left out: the declaration records a count of none shown.
	f, k = resignedExcerpt(t, x, func(ty string) bool { return ty != "election_ballot_cast" }, unchanged)
	refusedExcerpt(t, "every ballot left out", f, k, declared, "election_declared", `the declaration of the election "e1" records a count (approval, 5 ballots: d3 2, d4 3, d5 2; elected: d4), and the excerpt shows nothing of it to count: its ballots are left out`)
	f, k = resignedExcerpt(t, x, keepAll, editEntry(t, "election_declared", 1, func(m map[string]json.RawMessage) { m["elected"] = json.RawMessage(`["d3"]`) }))
	refusedExcerpt(t, "the elected changed", f, k, declared, "election_declared", `the declared result of the election "e1" (d3) is not whom the ballots shown elect by approval (d4)`)

	// Before the declaration: the count of the ballots shown, and that
	// nobody is proved elected.
	f, k = resignedExcerpt(t, x, func(ty string) bool { return ty != "election_declared" }, unchanged)
	if code, out, errs := runForTest(t, "", "verify", "--excerpt", f, "--key", k); code != 0 ||
		!strings.Contains(out, "\nelection e1: counted again by approval from the 5 ballots shown, 5 votes: d3 2, d4 3, d5 2; elected: d4\nelection e1 is not declared in the excerpt: the 7 entries of it shown after its opening check, but nobody is proved elected\n") {
		t.Errorf("not declared: exit %d %s\n%s", code, errs, out)
	}
}

// TestVerifyExcerptOfAnEncryptedElection: the certified excerpt of an
// encrypted approval election holds its key ceremony, every encrypted
// ballot, the close, the sum, the trustees' partial decryptions, the
// totals derived and the declaration plenum made with the K-th share;
// plenum verify --excerpt checks them with the replay's functions,
// counts the election by its method from the decrypted totals and says
// what it proved. A ballot changed, a ballot left out and the elected
// changed are each refused naming the entry.
func TestVerifyExcerptOfAnEncryptedElection(t *testing.T) {
	script, _ := encryptedElectionScript(t)
	file, vkey, x, types := servedElectionExcerpt(t, script)
	for typ, n := range map[string]int{"election_opened": 1, "trustee_key_posted": 3, "dealing_posted": 3, "confirmation_posted": 3, "election_key_derived": 1,
		"encrypted_ballot_cast": 5, "election_closed": 1, "encrypted_tallied": 1, "partial_decryption_posted": 2, "encrypted_result_derived": 1, "election_declared": 1} {
		if got := countString(types, typ); got != n {
			t.Errorf("the excerpt holds %d %s, want %d: %v", got, typ, n, types)
		}
	}
	if len(types) != 22 {
		t.Errorf("the excerpt holds %d entries: %v", len(types), types)
	}
	declared := nthIndex(t, x, types, "election_declared", 1)
	verifiedExcerptSays(t, file, vkey,
		"\nelection e1: the count was checked from 2 of its 3 trustees' decryptions (d0, d2) of the sum of 5 ballots, 5 votes: d3 2, d4 3, d5 1; counted by approval, elected: d4\n",
		fmt.Sprintf("\nelection e1: its declaration (entry %d) is this count; plenum declared it itself when the last of the 2 trustees' shares needed was posted, so the entry names d2, the trustee who posted that share, who decided nothing\n", declared),
		"\nelection e1: not checked from the excerpt: that each ballot's voter held the mandate it names")

	borrowSum := func(m map[string]json.RawMessage) {
		reballotEntry(t, m, func(b *ballot.Ballot) { b.Sum[0], b.Sum[1] = b.Sum[1], b.Sum[0] })
	}
	f, k := resignedExcerpt(t, x, keepAll, editEntry(t, "encrypted_ballot_cast", 3, borrowSum))
	refusedExcerpt(t, "a ballot changed", f, k, nthIndex(t, x, types, "encrypted_ballot_cast", 3), "encrypted_ballot_cast", `the encrypted ballot of d2 in "election e1" (mandate m-d2, tracker`)
	// Two ballots changed, their proofs checked side by side: the first
	// is named.
	second, fourth := editEntry(t, "encrypted_ballot_cast", 2, borrowSum), editEntry(t, "encrypted_ballot_cast", 4, borrowSum)
	f, k = resignedExcerpt(t, x, keepAll, func(e *ledger.Entry) { second(e); fourth(e) })
	refusedExcerpt(t, "two ballots changed", f, k, nthIndex(t, x, types, "encrypted_ballot_cast", 2), "encrypted_ballot_cast", `the encrypted ballot of d1 in "election e1" (mandate m-d1, tracker`)
	f, k = resignedExcerpt(t, x, dropNth("encrypted_ballot_cast", 2), unchanged)
	refusedExcerpt(t, "a ballot left out", f, k, nthIndex(t, x, types, "encrypted_tallied", 1), "encrypted_tallied", `the encrypted total of "election e1" is not the sum of its last ballots`)
	f, k = resignedExcerpt(t, x, keepAll, editEntry(t, "election_declared", 1, func(m map[string]json.RawMessage) { m["elected"] = json.RawMessage(`["d3"]`) }))
	refusedExcerpt(t, "the elected changed", f, k, declared, "election_declared", `the declared result of the encrypted election "e1" (d3) is not what its decrypted totals elect (d4)`)
	f, k = resignedExcerpt(t, x, keepAll, editEntry(t, "election_declared", 1, func(m map[string]json.RawMessage) {
		m["arithmetic"] = json.RawMessage(`"approval, 5 ballots: d3 1, d4 3, d5 1; elected: d4"`)
	}))
	refusedExcerpt(t, "the count recorded changed", f, k, declared, "election_declared", `the count the declaration of the election "e1" records (approval, 5 ballots: d3 1, d4 3, d5 1; elected: d4) is not that of the ballots shown (approval, 5 ballots: d3 2, d4 3, d5 1)`)
	// The ballots without the opening, which fixes the trustees and the
	// candidates: refused at the first step.
	f, k = resignedExcerpt(t, x, func(ty string) bool { return ty != "election_opened" }, unchanged)
	refusedExcerpt(t, "no opening", f, k, nthIndex(t, x, types, "trustee_key_posted", 1), "trustee_key_posted", `the excerpt holds this step of the encrypted election "e1" without the election's opening`)
}
