package main

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"plenum/assembly"
	"plenum/i18n"
	"plenum/ledger"
	"plenum/remote/tlogtest"
	"plenum/tlogproof"
)

// motionVoteScript writes a script of the motion m1 put to the vote v1:
// encrypted as encryptedScript's (trustees d0, d1, d2, 2 of 3; four
// ballots, 3 for and 1 against; trustees 1 and 3 decrypt, which derives
// and declares the result), or, if not encrypted, a roll-call vote of
// the same ballots closed and declared by the chair.
func motionVoteScript(t *testing.T, encrypted bool, revote ...bool) string {
	t.Helper()
	var lines []string
	add := motionMovedScript(t, &lines)
	type obj = map[string]any
	if encrypted {
		open := obj{"id": "v1", "motion": "m1"}
		if len(revote) > 0 && revote[0] {
			open["revote"] = true
		}
		addEncryptedVote(t, add, open)
		return writeScript(t, lines)
	}
	add("admin", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	for i, choice := range []string{"for", "against", "for", "for"} {
		p := fmt.Sprintf("d%d", i)
		add(p, "cast_ballot", obj{"vote": "v1", "voter": p, "choice": choice})
	}
	add("chief", "close_vote", obj{"vote": "v1"})
	add("chief", "declare_result", obj{"vote": "v1"})
	return writeScript(t, lines)
}

// motionMovedScript begins a script of five delegates and the chair in
// lines: the item i1 taken up and the motion m1 moved on it. It returns
// the adder of the lines after.
func motionMovedScript(t *testing.T, lines *[]string) func(actor, cmd string, args any) {
	add := scriptAdder(t, lines, 5)
	type obj = map[string]any
	add("admin", "add_item", obj{"id": "i1", "title": "The budget"})
	add("admin", "take_up_item", obj{"item": "i1"})
	add("admin", "move_motion", obj{"id": "m1", "kind": "substantive", "title": "Adopt the budget", "item": "i1", "mover": "chief"})
	return add
}

// servedExcerpt replays script, serves it and downloads the excerpt of
// the motion m1; it returns the file, the log's verifier key and the
// excerpt checked.
func servedExcerpt(t *testing.T, script string) (string, string, *tlogproof.Excerpt) {
	t.Helper()
	file, vkey, x, _ := servedExcerptAt(t, script, "/api/assemblies/enc/motions/m1/excerpt")
	return file, vkey, x
}

// servedExcerptAt replays script, serves it and downloads the excerpt at
// path; it returns the file, the log's verifier key, the excerpt checked
// and the server's address.
func servedExcerptAt(t *testing.T, script, path string) (string, string, *tlogproof.Excerpt, string) {
	t.Helper()
	srv, db := replayedServer(t, script)
	ts := httptest.NewServer(srv.handler)
	t.Cleanup(ts.Close)
	vkey := demoVerifierKey(t, db)
	file := download(t, ts.URL+path, t.TempDir())
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	x, err := tlogproof.VerifyExcerpt(data, mustVerifiers(t, vkey), nil)
	if err != nil {
		t.Fatal(err)
	}
	return file, vkey, x, ts.URL
}

// entryTypes are the event types of the excerpt's entries, in order.
func entryTypes(t *testing.T, x *tlogproof.Excerpt) []string {
	var out []string
	for _, e := range x.Entries {
		d, _, err := ledger.DecodeEntry(e.Data)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, d.Type)
	}
	return out
}

// resignedExcerpt writes the excerpt of the entries of x that keep
// takes, each passed through edit, signed again by a key of the test's
// own in a log where the entries x leaves out are fillers: what whoever
// holds the log's key could hand out. It returns the file and the key.
func resignedExcerpt(t *testing.T, x *tlogproof.Excerpt, keep func(typ string) bool, edit func(e *ledger.Entry)) (string, string) {
	t.Helper()
	l := tlogtest.New(x.Checkpoint.Origin)
	byIndex := map[int64][]byte{}
	for _, e := range x.Entries {
		byIndex[e.Index] = e.Data
	}
	var indexes []int64
	for i := range x.Checkpoint.Size {
		data, ok := byIndex[i]
		if !ok {
			var err error
			data, _, err = ledger.EncodeEntry(ledger.Entry{Index: i, Time: time.Unix(1e9, 0), Actor: "secretary", Type: "speech_recorded", Payload: json.RawMessage(`{}`)})
			if err != nil {
				t.Fatal(err)
			}
		} else {
			e, _, err := ledger.DecodeEntry(data)
			if err != nil {
				t.Fatal(err)
			}
			if keep(e.Type) {
				indexes = append(indexes, i)
				edit(&e)
				if data, _, err = ledger.EncodeEntry(e); err != nil {
					t.Fatal(err)
				}
			}
		}
		l.Append(data)
	}
	return excerptOf(t, l, x.Title, indexes...), l.VKey
}

// TestVerifyExcerptChecksTheEncryptedCount: the certified excerpt of a
// motion decided by an encrypted vote holds the steps of its count — the
// key ceremony, every ballot, the close, the encrypted sum, the
// trustees' partial decryptions and the counts derived — and plenum
// verify --excerpt checks them as the replay of the whole log does,
// saying what it proved (the counts, from K trustees' decryptions of the
// sum of N ballots), that plenum declared the result when the K-th share
// arrived (under that trustee's name: d2 decided nothing), and what it
// could not check. A share or a derived count edited and signed again is
// refused naming the entry; an excerpt without the count (as served
// before) verifies, saying plainly that the count is not checked.
func TestVerifyExcerptChecksTheEncryptedCount(t *testing.T) {
	file, vkey, x := servedExcerpt(t, motionVoteScript(t, true))
	types := entryTypes(t, x)
	for typ, n := range map[string]int{"trustee_key_posted": 3, "dealing_posted": 3, "confirmation_posted": 3, "election_key_derived": 1,
		"encrypted_ballot_cast": 4, "vote_closed": 1, "encrypted_tallied": 1, "partial_decryption_posted": 2, "encrypted_result_derived": 1, "result_declared": 1} {
		if got := countString(types, typ); got != n {
			t.Errorf("the excerpt holds %d %s, want %d: %v", got, typ, n, types)
		}
	}
	declared := x.Entries[slices.Index(types, "result_declared")].Index
	verifiedExcerptSays(t, file, vkey,
		"\nvote v1: the count was checked from 2 of its 3 trustees' decryptions (d0, d2) of the sum of 4 ballots, 4 votes: for 3, against 1, abstain 0\n",
		fmt.Sprintf("\nvote v1: its declared result (entry %d) is this count; plenum declared it itself when the last of the 2 trustees' shares needed was posted, so the entry names d2, the trustee who posted that share, who decided nothing\n", declared),
		"\nvote v1: not checked from the excerpt: that each ballot's mandate carries the weight recorded with it, and that the outcome declared is the one the vote's threshold gives for this count; plenum verify --url replays the whole record")
	if _, out, _ := runIn(t, "de", "verify", "--excerpt", file, "--key", vkey); !strings.Contains(out, "Abstimmung v1: die Zählung wurde geprüft aus den Entschlüsselungen von 2 ihrer 3 Treuhänder (d0, d2) der Summe von 4 Stimmzetteln, 4 Stimmen: for 3, against 1, abstain 0") {
		t.Errorf("in German:\n%s", out)
	}

	resignedVerifies(t, x, "the count was checked")
	index := func(typ string, nth int) int64 { return nthIndex(t, x, types, typ, nth) }
	for _, c := range encryptedVoteEdits(t) {
		f, k := resignedExcerpt(t, x, keepAll, editEntry(t, c.typ, c.nth, c.fn))
		refusedExcerpt(t, c.name+" changed", f, k, index(c.typ, c.nth), c.typ, c.want)
	}
	// A ballot left out: the sum is not that of the ballots shown.
	f, k := resignedExcerpt(t, x, dropNth("encrypted_ballot_cast", 1), unchanged)
	refusedExcerpt(t, "a ballot left out", f, k, index("encrypted_tallied", 1), "encrypted_tallied", `the encrypted total of "v1" is not the sum of its last ballots`)

	// A mandate that voted twice: the sum holds its last ballot, and the
	// verifier says how many of the ballots cast it sums.
	rf, rk, _ := servedExcerpt(t, motionVoteScript(t, true, true))
	if code, out, errs := runForTest(t, "", "verify", "--excerpt", rf, "--key", rk); code != 0 ||
		!strings.Contains(out, "\nvote v1: the count was checked from 2 of its 3 trustees' decryptions (d0, d2) of the sum of 4 ballots, 4 votes: for 3, against 1, abstain 0\nvote v1: the sum holds the last ballot of each mandate, 4 of the 5 cast\n") {
		t.Errorf("a second ballot: exit %d %s\n%s", code, errs, out)
	}

	// The steps without the vote's opening, which fixes the trustees and
	// the options: refused at the first.
	f, k = resignedExcerpt(t, x, func(typ string) bool { return typ != "vote_opened" }, unchanged)
	refusedExcerpt(t, "no opening", f, k, index("trustee_key_posted", 1), "trustee_key_posted", `the excerpt holds this step of the encrypted vote "v1" without the vote's opening`)

	// A count not finished at the excerpt's checkpoint: its steps check,
	// and it says that nothing of the count is proved yet.
	f, k = resignedExcerpt(t, x, func(typ string) bool { return typ != "encrypted_result_derived" && typ != "result_declared" }, unchanged)
	if code, out, errs := runForTest(t, "", "verify", "--excerpt", f, "--key", k); code != 0 || !strings.Contains(out, "\nvote v1 is encrypted, and its count is not finished in the excerpt: the 17 entries of it shown check, but no decrypted result is among them") {
		t.Errorf("a count not finished: exit %d %s\n%s", code, errs, out)
	}

	// The excerpt as served before: the motion, the opening and the
	// declaration only.
	f, k = resignedExcerpt(t, x, func(typ string) bool {
		return typ == "motion_moved" || typ == "vote_opened" || typ == "result_declared"
	}, unchanged)
	code, out, errs := runForTest(t, "", "verify", "--excerpt", f, "--key", k)
	if code != 0 || !strings.Contains(out, "\nvote v1 is encrypted, and its count is NOT checked: the excerpt holds none of its ballots, their sum or the trustees' decryptions, so it proves only that the result was declared") || strings.Contains(out, "the count was checked") {
		t.Errorf("the excerpt without the count: exit %d %s\n%s", code, errs, out)
	}
}

// TestVerifyExcerptOfAPlainVote: the excerpt of a motion decided by a
// roll-call vote holds every entry its declaration rests on — the
// opening, every ballot, the close, the declaration — and plenum verify
// --excerpt counts the vote again from the ballots shown, as replay's
// recountVote does, and says so. A ballot changed or left out, or the
// close left out, and the excerpt signed again, is refused naming the
// declaration.
func TestVerifyExcerptOfAPlainVote(t *testing.T) {
	file, vkey, x := servedExcerpt(t, motionVoteScript(t, false))
	types := entryTypes(t, x)
	if !slices.Equal(types, []string{"motion_moved", "vote_opened", "ballot_cast", "ballot_cast", "ballot_cast", "ballot_cast", "vote_closed", "result_declared"}) {
		t.Errorf("the excerpt holds %v", types)
	}
	declared := nthIndex(t, x, types, "result_declared", 1)
	verifiedExcerptSays(t, file, vkey,
		fmt.Sprintf("vote v1: its declaration (entry %d, declared by chief) was counted again from 4 ballots shown and is that count: 3 for, 1 against, 4 cast; 3 needed; carried\n", declared),
		"vote v1: not checked from the excerpt: that each ballot's voter held the right it names")

	changed, key := resignedExcerpt(t, x, keepAll, func(e *ledger.Entry) {
		if e.Type == "ballot_cast" && strings.Contains(string(e.Payload), `"voter":"d1"`) {
			e.Payload = json.RawMessage(strings.Replace(string(e.Payload), `"choice":"against"`, `"choice":"for"`, 1))
		}
	})
	refusedExcerpt(t, "a ballot changed", changed, key, declared, "result_declared",
		`the arithmetic the declaration of the vote "v1" records (3 for, 1 against, 4 cast; 3 needed; carried) is not that of its ballots (4 for, 0 against, 4 cast; 3 needed; carried): the entries of the vote the excerpt shows do not bear out its declaration (a ballot or a count entered is left out of the excerpt, added to it or changed)`)
	leftOut, key := resignedExcerpt(t, x, dropNth("ballot_cast", 2), unchanged)
	refusedExcerpt(t, "a ballot left out", leftOut, key, declared, "result_declared",
		`the arithmetic the declaration of the vote "v1" records (3 for, 1 against, 4 cast; 3 needed; carried) is not that of its ballots (3 for, 0 against, 3 cast; 2 needed; carried): the entries of the vote the excerpt shows do not bear out its declaration`)
	unclosed, key := resignedExcerpt(t, x, dropNth("vote_closed", 1), unchanged)
	refusedExcerpt(t, "the close left out", unclosed, key, declared, "result_declared",
		`the excerpt holds the declaration of the vote "v1" without its close (vote_closed): an entry is left out`)

	// A count that gives the declaration only where abstentions count as
	// votes cast says that the rules, which the excerpt does not hold,
	// must then say so.
	var said strings.Builder
	excerptVote(i18n.For("en"), &said, &assembly.VoteCheck{Vote: "v1", Ballots: 4, Closed: 32, Declared: declared, DeclaredBy: "chief", Arithmetic: "2 for, 1 against, 1 abstaining, 4 cast; 3 needed; defeated", Recounted: true, AbstentionsCount: true, Withdrawn: -1})
	if want := "\nvote v1: this count gives the declaration only if abstentions count as votes cast, which the assembly's rules must then say; the excerpt does not hold them\n"; !strings.Contains(said.String(), want) {
		t.Errorf("abstentions counted:\n%s\nwant %q", said.String(), want)
	}
}

// TestVerifyExcerptOfAVoteInRepeatedBallots: the excerpt of a motion
// decided by a show of hands taken in repeated ballots holds the close
// and every count entered, and plenum verify --excerpt counts the
// declaration again from the last of them ("after 3 ballots"). A count
// changed, or the last count left out, is refused naming the declaration;
// an excerpt as served before, with neither the close nor the counts,
// verifies, saying that the declaration is not counted again.
func TestVerifyExcerptOfAVoteInRepeatedBallots(t *testing.T) {
	var lines []string
	add := motionMovedScript(t, &lines)
	type obj = map[string]any
	add("admin", "open_vote", obj{"id": "v1", "motion": "m1", "method": "show_of_hands"})
	add("chief", "close_vote", obj{"vote": "v1"})
	add("chief", "enter_count", obj{"vote": "v1", "for": 2, "against": 2})
	add("chief", "enter_count", obj{"vote": "v1", "ballots": 3, "for": 3, "against": 2, "note": "After three ballots."})
	add("chief", "declare_result", obj{"vote": "v1"})
	file, vkey, x := servedExcerpt(t, writeScript(t, lines))
	types := entryTypes(t, x)
	if !slices.Equal(types, []string{"motion_moved", "vote_opened", "vote_closed", "count_entered", "count_entered", "result_declared"}) {
		t.Errorf("the excerpt holds %v", types)
	}
	declared := nthIndex(t, x, types, "result_declared", 1)
	verifiedExcerptSays(t, file, vkey,
		fmt.Sprintf("vote v1: its declaration (entry %d, declared by chief) was counted again from the last of 2 counts entered shown and is that count: after 3 ballots: 3 for, 2 against, 5 cast; 3 needed; carried\n", declared))

	changed, key := resignedExcerpt(t, x, keepAll, func(e *ledger.Entry) {
		if e.Type == "count_entered" && strings.Contains(string(e.Payload), `"ballots":3`) {
			e.Payload = json.RawMessage(strings.Replace(string(e.Payload), `"against":2`, `"against":1`, 1))
		}
	})
	refusedExcerpt(t, "a count changed", changed, key, declared, "result_declared",
		`the arithmetic the declaration of the vote "v1" records (after 3 ballots: 3 for, 2 against, 5 cast; 3 needed; carried) is not that of the count entered for it (after 3 ballots: 3 for, 1 against, 4 cast; 3 needed; carried): the entries of the vote the excerpt shows do not bear out its declaration`)
	leftOut, key := resignedExcerpt(t, x, dropNth("count_entered", 2), unchanged)
	refusedExcerpt(t, "the last count left out", leftOut, key, declared, "result_declared",
		`the arithmetic the declaration of the vote "v1" records (after 3 ballots: 3 for, 2 against, 5 cast; 3 needed; carried) is not that of the count entered for it (2 for, 2 against, 4 cast; 3 needed; defeated): the entries of the vote the excerpt shows do not bear out its declaration`)
	// An excerpt as served before it held the close and the counts
	// verifies, saying plainly that the declaration is not counted again.
	old, key := resignedExcerpt(t, x, func(typ string) bool { return typ != "vote_closed" && typ != "count_entered" }, unchanged)
	verifiedExcerptSays(t, old, key, fmt.Sprintf("vote v1: its declaration (entry %d) is NOT counted again: the excerpt holds neither its close nor any ballot or count entered", declared))
}

// verifiedExcerptSays checks that plenum verify --excerpt passes the
// excerpt file signed by vkey (exit 0, nothing on stderr) and prints
// each of lines.
func verifiedExcerptSays(t *testing.T, file, vkey string, lines ...string) {
	t.Helper()
	code, out, errs := runForTest(t, "", "verify", "--excerpt", file, "--key", vkey)
	if code != 0 || errs != "" {
		t.Fatalf("verify --excerpt: exit %d %s\n%s", code, errs, out)
	}
	for _, line := range lines {
		if !strings.Contains(out, line) {
			t.Errorf("verify --excerpt printed:\n%s\nwant %q", out, line)
		}
	}
}

// countString is how many of xs are x.
func countString(xs []string, x string) int {
	n := 0
	for _, y := range xs {
		if y == x {
			n++
		}
	}
	return n
}
