package main

import (
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
	"plenum/ballot"
	"plenum/engine"
	"plenum/internal/enctest"
	"plenum/ledger"
	"plenum/store/sqlite"
)

// encryptedScript writes a script of an encrypted vote: five delegates
// d0…d4, trustees d0, d1, d2 (2 of 3), four ballots (3 for, 1 against),
// the close and the partial decryptions of trustees 1 and 3, which derive
// and declare the result. The totals are computed here from the ballots,
// as the server will at the close.
func encryptedScript(t *testing.T) string {
	t.Helper()
	var lines []string
	add := scriptAdder(t, &lines, 5)
	addEncryptedVote(t, add, map[string]any{"id": "v1", "question": "Adopt the budget?"})
	return writeScript(t, lines)
}

// addEncryptedVote adds to a script (scriptAdder's add) the encrypted
// vote v1 opened with the arguments open (its id, and its question or
// motion, and revote: true to have d1 vote for before its ballot
// against): trustees d0, d1, d2 (2 of 3) and their key ceremony, four
// ballots (3 for, 1 against), the close and the partial decryptions of
// trustees 1 and 3, which derive and declare the result.
func addEncryptedVote(t *testing.T, add func(actor, cmd string, args any), open map[string]any) {
	t.Helper()
	type obj = map[string]any
	raw := func(b []byte) json.RawMessage { return b }
	open["method"], open["trustees"], open["trustee_quorum"] = "encrypted", []string{"d0", "d1", "d2"}, 2
	add("admin", "open_vote", open)
	c := enctest.Run(t, ballot.Parameters{Election: assembly.ElectionID("enc", "v1"), Trustees: 3, Threshold: 2})
	for i := range 3 {
		add(fmt.Sprintf("d%d", i), "post_trustee_key", obj{"vote": "v1", "key": raw(enctest.Encode(t, c.Keys[i]))})
	}
	for i := range 3 {
		add(fmt.Sprintf("d%d", i), "post_dealing", obj{"vote": "v1", "dealing": raw(enctest.Encode(t, c.Dealings[i]))})
	}
	for i := range 3 {
		add(fmt.Sprintf("d%d", i), "post_confirmation", obj{"vote": "v1", "confirmation": raw(enctest.Encode(t, c.Confirmations[i]))})
	}
	if open["revote"] == true {
		// d1 votes for first, then against: the sum takes the last.
		add("d1", "cast_encrypted_ballot", obj{"vote": "v1", "voter": "d1", "ballot": raw(enctest.Ballot(t, c.Key, 3, 0, "m-d1"))})
	}
	var bs []ballot.Ballot
	for i, opt := range []int{0, 1, 0, 0} {
		p := fmt.Sprintf("d%d", i)
		b := enctest.Ballot(t, c.Key, 3, opt, "m-"+p)
		d, _ := ballot.DecodeBallot(b)
		bs = append(bs, d)
		add(p, "cast_encrypted_ballot", obj{"vote": "v1", "voter": p, "ballot": raw(b)})
	}
	add("chief", "close_vote", obj{"vote": "v1"})
	tally, err := ballot.Sum(c.Key, ballot.Question{Kind: ballot.Choice, Options: 3, Min: 1, Max: 1}, bs, nil)
	if err != nil {
		t.Fatal(err)
	}
	add("d0", "post_partial_decryption", obj{"vote": "v1", "decryption": raw(c.Decrypt(t, 1, tally.Totals))})
	add("d2", "post_partial_decryption", obj{"vote": "v1", "decryption": raw(c.Decrypt(t, 3, tally.Totals))})
}

// writeScript writes the lines of a script to a file and returns its
// name.
func writeScript(t *testing.T, lines []string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "script.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// rewrite copies the record in good (a SQLite file with its signing key
// beside it) to a new database in a new folder with the same key, passing
// each entry through change: what an operator holding the signing key
// could do. It returns the new database.
func rewrite(t *testing.T, good string, change func(e *ledger.Entry)) string {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	key, err := os.ReadFile(filepath.Join(filepath.Dir(good), ledger.SigningKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ledger.SigningKeyFile), key, 0o600); err != nil {
		t.Fatal(err)
	}
	src, err := sqlite.OpenReadOnly(good)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	db := filepath.Join(dir, "plenum.db")
	signer, _, dst := keyAndStore(t, db)
	origins, err := src.Logs(ctx)
	if err != nil || len(origins) != 1 {
		t.Fatalf("logs %v: %v", origins, err)
	}
	in, err := ledger.Open(ctx, src, origins[0], signer)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := in.Read(ctx, 0, in.Size())
	if err != nil {
		t.Fatal(err)
	}
	out, err := ledger.Open(ctx, dst, origins[0], signer)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	for _, e := range entries {
		change(&e)
		if _, err := out.Append(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// TestVerifyEncryptedVote: plenum verify passes on a record with an
// encrypted vote, and names the entry when one ciphertext, one proof, one
// partial decryption or the declared result was changed, even by whoever
// holds the signing key and re-signs the log.
func TestVerifyEncryptedVote(t *testing.T) {
	script := encryptedScript(t)
	good := filepath.Join(t.TempDir(), "p.db")
	if code, out, errs := runForTest(t, "", "replay", "--db", good, script); code != 0 {
		t.Fatalf("replay: exit %d, %q, %s", code, out, errs)
	}
	if code, out, errs := runForTest(t, "", "verify", "--db", good); code != 0 {
		t.Fatalf("verify: exit %d: %s %s", code, out, errs)
	}
	if db := rewrite(t, good, func(*ledger.Entry) {}); true {
		if code, out, errs := runForTest(t, "", "verify", "--db", db); code != 0 {
			t.Fatalf("verify of the copy: exit %d: %s %s", code, out, errs)
		}
	}
	for _, c := range encryptedVoteEdits(t) {
		db := rewrite(t, good, editEntry(t, c.typ, c.nth, c.fn))
		code, out, errs := runForTest(t, "", "verify", "--db", db)
		if code != 1 || !strings.Contains(out, c.want) || !strings.Contains(out, "first bad entry:") {
			t.Errorf("%s changed: exit %d\n%s\n%s\nwant it named: %s", c.name, code, out, errs, c.want)
		}
	}
}

// encryptedVoteEdit is a change to one entry of addEncryptedVote's vote
// v1 that plenum verify refuses, by the record or by an excerpt: the
// entry's type and its number among the entries of its type, the change
// to its fields, and what the refusal says of it.
type encryptedVoteEdit struct {
	name string
	typ  string
	nth  int
	fn   func(m map[string]json.RawMessage)
	want string
}

// encryptedVoteEdits are the changes of one ciphertext, one proof, one
// partial decryption, the decrypted counts and the declared result.
func encryptedVoteEdits(t *testing.T) []encryptedVoteEdit {
	reballot := func(m map[string]json.RawMessage, fn func(b *ballot.Ballot)) { reballotEntry(t, m, fn) }
	return []encryptedVoteEdit{
		{"a ciphertext", "encrypted_ballot_cast", 2, func(m map[string]json.RawMessage) {
			reballot(m, func(b *ballot.Ballot) { b.Choices[0], b.Choices[1] = b.Choices[1], b.Choices[0] })
		}, `the encrypted ballot of d1 in "v1" (mandate m-d1, tracker`},
		{"a proof", "encrypted_ballot_cast", 3, func(m map[string]json.RawMessage) {
			reballot(m, func(b *ballot.Ballot) { b.Sum = b.Proofs[0] })
		}, `the encrypted ballot of d2 in "v1" (mandate m-d2, tracker`},
		{"a partial decryption", "partial_decryption_posted", 2, func(m map[string]json.RawMessage) {
			d, err := ballot.DecodePartialDecryption(m["decryption"])
			if err != nil {
				t.Fatal(err)
			}
			d.Factors[0], d.Factors[2] = d.Factors[2], d.Factors[0]
			m["decryption"] = enctest.Encode(t, d)
		}, `the partial decryption of trustee 3 in "v1" does not verify`},
		{"the decrypted counts", "encrypted_result_derived", 1, func(m map[string]json.RawMessage) {
			m["counts"] = json.RawMessage(`{"abstain":0,"against":0,"for":4}`)
		}, `the count of "for" in "v1" is not the decrypted total`},
		{"the declared result", "result_declared", 1, func(m map[string]json.RawMessage) {
			var r assembly.Result
			json.Unmarshal(m["result"], &r)
			r.Outcome, r.For, r.Against = assembly.MotionStatusDefeated, assembly.Exact(1), assembly.Exact(3)
			r.ByChoice = map[string]int{"for": 1, "against": 3}
			m["result"], _ = json.Marshal(r)
		}, `the declared result of "v1" gives "for" 1, and the decrypted total 3`},
	}
}

// TestVerifyEncryptedBallotReceipt: the receipt of an encrypted ballot,
// found by its tracker, passes plenum verify --receipt --tracker, and not
// with another ballot's tracker.
func TestVerifyEncryptedBallotReceipt(t *testing.T) {
	script := encryptedScript(t)
	db := filepath.Join(t.TempDir(), "p.db")
	if code, out, errs := runForTest(t, "", "replay", "--db", db, script); code != 0 {
		t.Fatalf("replay: exit %d, %q, %s", code, out, errs)
	}
	signer, vkey, st := keyAndStore(t, db)
	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.Open(context.Background(), st, engine.Options{Signer: signer, Verifiers: note.VerifierList(verifier)})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	a, _ := eng.Assembly("enc")
	var trackers []string
	a.Read(func(s *assembly.State) {
		for _, b := range s.Votes["v1"].Encrypted.Cast {
			trackers = append(trackers, b.Tracker)
		}
	})
	rc, err := engine.EncryptedBallotReceipt(context.Background(), a, "v1", trackers[1])
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "receipt.tlog-proof")
	if err := os.WriteFile(file, rc, 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := runForTest(t, "", "verify", "--receipt", file, "--key", vkey, "--tracker", trackers[1]); code != 0 || !strings.Contains(out, "it holds the encrypted ballot with the tracker "+trackers[1]) {
		t.Fatalf("verify --tracker: exit %d: %s %s", code, out, errs)
	}
	if code, _, errs := runForTest(t, "", "verify", "--receipt", file, "--key", vkey, "--tracker", trackers[0]); code != 1 || !strings.Contains(errs, "does not hold the ballot with tracker "+trackers[0]) {
		t.Fatalf("verify with another tracker: exit %d: %s", code, errs)
	}
	// A key that did not sign the log fails, naming both keys; one that
	// is no key is refused.
	other := otherVerifierKey(t)
	if code, out, errs := runForTest(t, "", "verify", "--receipt", file, "--key", other, "--tracker", trackers[1]); code != 1 || !strings.Contains(errs, "is not signed by the key given") || !strings.Contains(errs, "--key is "+other) || out != "" {
		t.Errorf("verify --tracker with another key: exit %d: %s %s", code, out, errs)
	}
	if code, _, errs := runForTest(t, "", "verify", "--receipt", file, "--key", "garbage", "--tracker", trackers[1]); code != 2 {
		t.Errorf("verify --tracker --key garbage: exit %d: %s", code, errs)
	}
}

// keyAndStore opens the SQLite database db, and the signing key in its
// folder, which it makes if there is none; the store closes with the test.
func keyAndStore(t *testing.T, db string) (note.Signer, string, *sqlite.Store) {
	t.Helper()
	signer, vkey, err := ledger.LoadOrCreateKey(filepath.Dir(db), ledger.DefaultServerName)
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return signer, vkey, st
}

// encryptedElectionScript writes a script of an encrypted approval
// election of at most 2 of 3 candidates (d3, d4, d5) for 1 seat: five
// delegates d0…d4 vote, trustees d0, d1, d2 (2 of 3), and trustees 1 and 3
// decrypt, which declares the elected.
func encryptedElectionScript(t *testing.T) (string, ballot.ElectionKey) {
	t.Helper()
	var lines []string
	add := scriptAdder(t, &lines, 6)
	type obj = map[string]any
	raw := func(b []byte) json.RawMessage { return b }
	add("chief", "open_election", obj{"id": "e1", "title": "Auditor", "seats": 1, "method": "approval", "candidates": []string{"d3", "d4", "d5"}, "approvals": 2,
		"encrypted": true, "trustees": []string{"d0", "d1", "d2"}, "trustee_quorum": 2})
	c := enctest.Run(t, ballot.Parameters{Election: assembly.EncryptedElectionID("enc", "e1"), Trustees: 3, Threshold: 2})
	for i := range 3 {
		add(fmt.Sprintf("d%d", i), "post_trustee_key", obj{"election": "e1", "key": raw(enctest.Encode(t, c.Keys[i]))})
	}
	for i := range 3 {
		add(fmt.Sprintf("d%d", i), "post_dealing", obj{"election": "e1", "dealing": raw(enctest.Encode(t, c.Dealings[i]))})
	}
	for i := range 3 {
		add(fmt.Sprintf("d%d", i), "post_confirmation", obj{"election": "e1", "confirmation": raw(enctest.Encode(t, c.Confirmations[i]))})
	}
	q := ballot.Question{Kind: ballot.Choice, Options: 3, Min: 0, Max: 2}
	var bs []ballot.Ballot
	for i, marks := range [][]int{{1, 1, 0}, {0, 1, 0}, {0, 1, 1}, {1, 0, 0}, {0, 0, 0}} {
		p := fmt.Sprintf("d%d", i)
		b := enctest.Marks(t, c.Key, q, marks, "m-"+p)
		d, _ := ballot.DecodeBallot(b)
		bs = append(bs, d)
		add(p, "cast_encrypted_ballot", obj{"election": "e1", "voter": p, "ballot": raw(b)})
	}
	add("chief", "close_election", obj{"election": "e1"})
	tally, err := ballot.Sum(c.Key, q, bs, nil)
	if err != nil {
		t.Fatal(err)
	}
	add("d0", "post_partial_decryption", obj{"election": "e1", "decryption": raw(c.Decrypt(t, 1, tally.Totals))})
	add("d2", "post_partial_decryption", obj{"election": "e1", "decryption": raw(c.Decrypt(t, 3, tally.Totals))})
	path := filepath.Join(t.TempDir(), "encrypted-election.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path, c.Key
}

// TestVerifyEncryptedElection: plenum verify passes on a record with an
// encrypted approval election, and names the entry when a ballot with
// more approvals than allowed, a range proof, a partial decryption or the
// elected were put in the log by whoever holds the signing key; of two bad
// ballots, checked in parallel, it names the first.
func TestVerifyEncryptedElection(t *testing.T) {
	script, k := encryptedElectionScript(t)
	good := filepath.Join(t.TempDir(), "p.db")
	if code, out, errs := runForTest(t, "", "replay", "--db", good, script); code != 0 {
		t.Fatalf("replay: exit %d, %q, %s", code, out, errs)
	}
	code, out, errs := runForTest(t, "", "verify", "--db", good)
	if code != 0 {
		t.Fatalf("verify: exit %d: %s %s", code, out, errs)
	}
	// The elected, as the decrypted totals (d3 2, d4 3, d5 1) count,
	// listed by votes (md/11).
	if code, out, _ := runForTest(t, "", "export", "--db", good, "--assembly", "enc", "--format", "md"); code != 0 || !strings.Contains(out, "Approval voting, 5 ballots: Delegate d4 3, Delegate d3 2, Delegate d5 1; elected: Delegate d4.") {
		t.Fatalf("export: exit %d\n%s", code, out)
	}
	edit := func(typ string, nth int, fn func(m map[string]json.RawMessage)) func(e *ledger.Entry) {
		return editEntry(t, typ, nth, fn)
	}
	reballot := func(m map[string]json.RawMessage, fn func(b *ballot.Ballot)) { reballotEntry(t, m, fn) }
	borrowSum := func(m map[string]json.RawMessage) {
		reballot(m, func(b *ballot.Ballot) { b.Sum[0], b.Sum[1] = b.Sum[1], b.Sum[0] })
	}
	both := func(e *ledger.Entry) {}
	{
		second, third := edit("encrypted_ballot_cast", 2, borrowSum), edit("encrypted_ballot_cast", 4, borrowSum)
		both = func(e *ledger.Entry) { second(e); third(e) }
	}
	cases := []struct {
		name   string
		change func(e *ledger.Entry)
		want   string
	}{
		{"a range proof", edit("encrypted_ballot_cast", 3, borrowSum), `the encrypted ballot of d2 in "election e1" (mandate m-d2, tracker`},
		{"two range proofs", both, `the encrypted ballot of d1 in "election e1" (mandate m-d1, tracker`},
		{"a partial decryption", edit("partial_decryption_posted", 1, func(m map[string]json.RawMessage) {
			d, err := ballot.DecodePartialDecryption(m["decryption"])
			if err != nil {
				t.Fatal(err)
			}
			d.Proofs[0], d.Proofs[1] = d.Proofs[1], d.Proofs[0]
			m["decryption"] = enctest.Encode(t, d)
		}), `the partial decryption of trustee 1 in "election e1" does not verify`},
		{"the elected", edit("election_declared", 1, func(m map[string]json.RawMessage) {
			m["elected"] = json.RawMessage(`["d3"]`)
		}), `the declared result of the encrypted election "e1" (d3) is not what its decrypted totals elect (d4)`},
	}
	for _, c := range cases {
		db := rewrite(t, good, c.change)
		code, out, errs := runForTest(t, "", "verify", "--db", db)
		if code != 1 || !strings.Contains(out, c.want) || !strings.Contains(out, "first bad entry:") {
			t.Errorf("%s changed: exit %d\n%s\n%s\nwant it named: %s", c.name, code, out, errs, c.want)
		}
	}
	// A ballot of three approvals in place of d1's: encrypted for a
	// question of up to 3, its proofs fail for this one.
	over := enctest.Marks(t, k, ballot.Question{Kind: ballot.Choice, Options: 3, Min: 0, Max: 3}, []int{1, 1, 1}, "m-d1")
	db := rewrite(t, good, edit("encrypted_ballot_cast", 2, func(m map[string]json.RawMessage) {
		m["ballot"] = over
		m["tracker"], _ = json.Marshal(assembly.Tracker(over))
	}))
	if code, out, errs := runForTest(t, "", "verify", "--db", db); code != 1 || !strings.Contains(out, `the encrypted ballot of d1 in "election e1" (mandate m-d1, tracker`) {
		t.Errorf("three approvals: exit %d\n%s\n%s", code, out, errs)
	}
}

// editEntry returns a change for rewrite that edits the fields of the
// nth event of type typ with fn.
func editEntry(t *testing.T, typ string, nth int, fn func(m map[string]json.RawMessage)) func(e *ledger.Entry) {
	seen := 0
	return func(e *ledger.Entry) {
		if e.Type != typ {
			return
		}
		if seen++; seen != nth {
			return
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(e.Payload, &m); err != nil {
			t.Fatal(err)
		}
		fn(m)
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		e.Payload = b
	}
}

// reballotEntry changes the ballot of an encrypted_ballot_cast's fields
// with fn, and its tracker to match.
func reballotEntry(t *testing.T, m map[string]json.RawMessage, fn func(b *ballot.Ballot)) {
	b, err := ballot.DecodeBallot(m["ballot"])
	if err != nil {
		t.Fatal(err)
	}
	fn(&b)
	m["ballot"] = enctest.Encode(t, b)
	m["tracker"], _ = json.Marshal(assembly.Tracker(m["ballot"]))
}

// scriptAdder returns a function that appends a command to lines, a
// minute after the one before, having added the assembly "enc" with the
// delegates d0… (delegates of them, checked in) and the chair "chief" in
// the open sitting s1.
func scriptAdder(t *testing.T, lines *[]string, delegates int) func(actor, cmd string, args any) {
	at := time.Date(2026, 5, 9, 10, 0, 0, 0, time.UTC)
	add := func(actor, cmd string, args any) {
		b, err := json.Marshal(args)
		if err != nil {
			t.Fatal(err)
		}
		at = at.Add(time.Minute)
		env, _ := json.Marshal(assembly.Envelope{Cmd: cmd, Actor: actor, At: at, Args: b})
		*lines = append(*lines, string(env))
	}
	type obj = map[string]any
	add("admin", "create_assembly", obj{"id": "enc", "name": "Encrypted", "starts": "2026-05-09", "rules": "congress"})
	add("admin", "add_organization", obj{"id": "org", "name": "The members", "kind": "delegating"})
	for i := range delegates {
		p := fmt.Sprintf("d%d", i)
		add("admin", "add_person", obj{"id": p, "name": "Delegate " + p})
		add("admin", "submit_mandate", obj{"id": "m-" + p, "person": p, "organization": "org", "kind": "decisive"})
		add("admin", "verify_mandate", obj{"mandate": "m-" + p})
		add(p, "check_in", obj{"person": p})
	}
	add("admin", "add_person", obj{"id": "chief", "name": "The chair"})
	add("admin", "open_sitting", obj{"id": "s1", "date": "2026-05-09", "chair": "chief"})
	return add
}
