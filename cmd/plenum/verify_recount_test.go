package main

import (
	"encoding/json"
	"fmt"
	"testing"

	"plenum/ledger"
)

// TestVerifyRecountsAPlainElection: plenum verify --db counts a plain
// election again at its declaration and names the entry of a declaration
// that does not name whom its ballots elect, or one as stated whose
// ballots were changed to elect another, even where whoever holds the
// signing key re-signed the log; a declaration as stated, over ballots
// or without them, verifies.
func TestVerifyRecountsAPlainElection(t *testing.T) {
	var lines []string
	add := scriptAdder(t, &lines, 6)
	type obj = map[string]any
	ballots := func(id string) {
		for i, approve := range [][]string{{"d3", "d4"}, {"d4"}, {"d4", "d5"}, {"d3"}, {"d5"}} {
			p := fmt.Sprintf("d%d", i)
			add(p, "cast_election_ballot", obj{"election": id, "voter": p, "approve": approve})
		}
	}
	// e1 counted: d3 2, d4 3, d5 2, d4 elected; e2 the same ballots,
	// declared as stated; e3 as stated, no ballot cast.
	for _, id := range []string{"e1", "e2"} {
		add("chief", "open_election", obj{"id": id, "title": "Auditor " + id, "seats": 1, "method": "approval", "candidates": []string{"d3", "d4", "d5"}, "approvals": 2})
		ballots(id)
		add("chief", "close_election", obj{"election": id, "seed": 7})
	}
	add("chief", "declare_election", obj{"election": "e1"})
	add("chief", "declare_election", obj{"election": "e2", "elected": []string{"d4"}})
	add("chief", "open_election", obj{"id": "e3", "title": "Agrarian", "seats": 1, "method": "plurality"})
	add("chief", "close_election", obj{"election": "e3"})
	add("chief", "declare_election", obj{"election": "e3", "elected": []string{"d1"}, "note": "by acclamation"})
	good := replayedDB(t, lines)
	if code, out, errs := runForTest(t, "", "verify", "--db", good); code != 0 {
		t.Fatalf("verify: exit %d: %s %s", code, out, errs)
	}
	// The copy, re-signed unchanged, verifies; the indexes of the
	// declarations of e1 and e2.
	var declared []int64
	copied := rewrite(t, good, func(e *ledger.Entry) {
		if e.Type == "election_declared" {
			declared = append(declared, e.Index)
		}
	})
	if code, out, errs := runForTest(t, "", "verify", "--db", copied); code != 0 || len(declared) != 3 {
		t.Fatalf("verify of the copy: exit %d: %s %s (declarations at %v)", code, out, errs, declared)
	}
	edit := func(typ string, nth int, fn func(m map[string]json.RawMessage)) func(e *ledger.Entry) {
		return editEntry(t, typ, nth, fn)
	}
	cases := []struct {
		name   string
		change func(e *ledger.Entry)
		at     int64 // the entry named
		want   string
	}{
		{"the elected", edit("election_declared", 1, func(m map[string]json.RawMessage) {
			m["elected"] = json.RawMessage(`["d3"]`)
		}), declared[0], `the declared result of the election "e1" (d3) is not whom its ballots elect by approval (d4)`},
		{"the count recorded", edit("election_declared", 1, func(m map[string]json.RawMessage) {
			m["arithmetic"] = json.RawMessage(`"approval, 5 ballots: d3 1, d4 3, d5 2; elected: d4"`)
		}), declared[0], `the count the declaration of the election "e1" records (approval, 5 ballots: d3 1, d4 3, d5 2; elected: d4) is not that of its ballots (approval, 5 ballots: d3 2, d4 3, d5 2)`},
		// d1 approves d5, not d4, in e2 (the 7th ballot): d5 3, d4 2,
		// refused at e2's declaration.
		{"a ballot under a declaration as stated", edit("election_ballot_cast", 7, func(m map[string]json.RawMessage) {
			var b map[string]json.RawMessage
			json.Unmarshal(m["ballot"], &b)
			b["approve"] = json.RawMessage(`["d5"]`)
			m["ballot"], _ = json.Marshal(b)
		}), declared[1], `the declared result of the election "e2" (d4) is not whom its ballots elect by approval (d5)`},
	}
	for _, c := range cases {
		refusedDB(t, c.name+" changed", rewrite(t, good, c.change), fmt.Sprintf("entry %d: %s", c.at, c.want), "first bad entry:")
	}
}

// TestVerifyRefusesAForgedSecretElection: plenum verify --db replays the
// sealed_election_ballots entries of a secret election (docs/script.md,
// "Secret elections") and fails, naming the election, on a record whose
// sealed ballots were changed with every stored hash recomputed and the
// log signed again, as whoever holds the signing key could, so that only
// the replay catches it: a choice changed (the declaration is no longer
// what the ballots elect), a ballot the method does not take, a token on
// two ballots, a ballot dropped. Without the key (the hashes recomputed,
// the checkpoints as signed) the change is blamed first, and the
// replay's failure named second names the election too.
func TestVerifyRefusesAForgedSecretElection(t *testing.T) {
	var lines []string
	add := scriptAdder(t, &lines, 5)
	type obj = map[string]any
	add("chief", "open_election", obj{"id": "e1", "title": "The auditors", "seats": 1, "method": "plurality", "candidates": []string{"d3", "d4"}, "secret": true})
	for i, pick := range []string{"d3", "d4", "d4", "d3", "d4"} {
		p := fmt.Sprintf("d%d", i)
		add(p, "cast_election_ballot", obj{"election": "e1", "voter": p, "approve": []string{pick}})
	}
	add("chief", "close_election", obj{"election": "e1"})
	add("chief", "declare_election", obj{"election": "e1"})
	good := replayedDB(t, lines)
	var sealedAt, declaredAt int64 = -1, -1
	copied := rewrite(t, good, func(e *ledger.Entry) {
		switch e.Type {
		case "sealed_election_ballots":
			sealedAt = e.Index
		case "election_declared":
			declaredAt = e.Index
		}
	})
	if code, out, errs := runForTest(t, "", "verify", "--db", copied); code != 0 || sealedAt < 0 || declaredAt < 0 {
		t.Fatalf("verify of the copy re-signed unchanged: exit %d (sealed at %d, declared at %d)\n%s%s", code, sealedAt, declaredAt, out, errs)
	}
	// sealed changes the list of sealed ballots of the election's
	// sealed_election_ballots entry.
	sealed := func(fn func(s []map[string]json.RawMessage) []map[string]json.RawMessage) func(e *ledger.Entry) {
		return editEntry(t, "sealed_election_ballots", 1, func(m map[string]json.RawMessage) {
			var s []map[string]json.RawMessage
			if err := json.Unmarshal(m["sealed"], &s); err != nil || len(s) != 5 {
				t.Fatalf("the sealed ballots %s: %v", m["sealed"], err)
			}
			m["sealed"], _ = json.Marshal(fn(s))
		})
	}
	choose := func(who string) func(s []map[string]json.RawMessage) []map[string]json.RawMessage {
		return func(s []map[string]json.RawMessage) []map[string]json.RawMessage {
			for _, b := range s {
				b["approve"] = json.RawMessage(`["` + who + `"]`)
			}
			return s
		}
	}
	for _, c := range []struct {
		name   string
		change func(e *ledger.Entry)
		at     int64
		want   string
	}{
		{"every ballot for d3", sealed(choose("d3")), declaredAt, `the declared result of the election "e1" (d4) is not whom its ballots elect by plurality (d3)`},
		{"a ballot for no candidate", sealed(func(s []map[string]json.RawMessage) []map[string]json.RawMessage {
			s[0]["approve"] = json.RawMessage(`["d0"]`)
			return s
		}), sealedAt, `a sealed ballot of the election "e1" is not one its method takes`},
		{"a token on two ballots", sealed(func(s []map[string]json.RawMessage) []map[string]json.RawMessage {
			s[1]["token"] = s[0]["token"]
			return s
		}), sealedAt, `two sealed ballots of "e1" carry one token`},
		{"a ballot dropped", sealed(func(s []map[string]json.RawMessage) []map[string]json.RawMessage { return s[1:] }),
			declaredAt, `the sealed ballots of e1 (4) do not number the votes cast (5)`},
	} {
		refusedDB(t, c.name, rewrite(t, good, c.change), "FAILED: plenum.localhost/log/enc", fmt.Sprintf("first bad entry: %d\n  reason: replay: entry %d: %s", c.at, c.at, c.want))
	}

	// Without the key (good itself, last): the hashes recomputed, the
	// change is blamed, and the replay's failure, second, names the
	// election.
	db := good
	changed := forgeAndRehash(t, db, `"approve":["d4"]`, `"approve":["d3"]`)
	if len(changed) != 1 || changed[0] != sealedAt {
		t.Fatalf("the forgery changed the entries %v, not the sealed ballots' %d", changed, sealedAt)
	}
	code, out, errs := runForTest(t, "", "verify", "--db", db)
	want := []string{"changed: an entry among ", "the replay fails too, at entry", `the declared result of the election "e1" (d4) is not whom its ballots elect by plurality (d3)`}
	if code != 1 || !inOrder(out, want) {
		t.Errorf("re-hashed without the key: exit %d\n%s%s\nwant 1 and %q", code, out, errs, want)
	}
}
