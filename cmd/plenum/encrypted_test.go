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
	at := time.Date(2026, 5, 9, 10, 0, 0, 0, time.UTC)
	var lines []string
	add := func(actor, cmd string, args any) {
		b, err := json.Marshal(args)
		if err != nil {
			t.Fatal(err)
		}
		at = at.Add(time.Minute)
		env, _ := json.Marshal(assembly.Envelope{Cmd: cmd, Actor: actor, At: at, Args: b})
		lines = append(lines, string(env))
	}
	type obj = map[string]any
	raw := func(b []byte) json.RawMessage { return b }
	add("admin", "create_assembly", obj{"id": "enc", "name": "Encrypted", "starts": "2026-05-09", "rules": "congress"})
	add("admin", "add_organization", obj{"id": "org", "name": "The members", "kind": "delegating"})
	for i := range 5 {
		p := fmt.Sprintf("d%d", i)
		add("admin", "add_person", obj{"id": p, "name": "Delegate " + p})
		add("admin", "submit_mandate", obj{"id": "m-" + p, "person": p, "organization": "org", "kind": "decisive"})
		add("admin", "verify_mandate", obj{"mandate": "m-" + p})
		add(p, "check_in", obj{"person": p})
	}
	add("admin", "add_person", obj{"id": "chief", "name": "The chair"})
	add("admin", "open_sitting", obj{"id": "s1", "date": "2026-05-09", "chair": "chief"})
	add("admin", "open_vote", obj{"id": "v1", "question": "Adopt the budget?", "method": "encrypted", "trustees": []string{"d0", "d1", "d2"}, "trustee_quorum": 2})
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
	path := filepath.Join(t.TempDir(), "encrypted.jsonl")
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
	// payload edits a field of the event in entry e.
	edit := func(typ string, nth int, fn func(m map[string]json.RawMessage)) func(e *ledger.Entry) {
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
	reballot := func(m map[string]json.RawMessage, fn func(b *ballot.Ballot)) {
		b, err := ballot.DecodeBallot(m["ballot"])
		if err != nil {
			t.Fatal(err)
		}
		fn(&b)
		m["ballot"] = enctest.Encode(t, b)
		m["tracker"], _ = json.Marshal(assembly.Tracker(m["ballot"]))
	}
	cases := []struct {
		name   string
		change func(e *ledger.Entry)
		want   string
	}{
		{"a ciphertext", edit("encrypted_ballot_cast", 2, func(m map[string]json.RawMessage) {
			reballot(m, func(b *ballot.Ballot) { b.Choices[0], b.Choices[1] = b.Choices[1], b.Choices[0] })
		}), `the encrypted ballot of d1 in "v1" (mandate m-d1, tracker`},
		{"a proof", edit("encrypted_ballot_cast", 3, func(m map[string]json.RawMessage) {
			reballot(m, func(b *ballot.Ballot) { b.Sum = b.Proofs[0] })
		}), `the encrypted ballot of d2 in "v1" (mandate m-d2, tracker`},
		{"a partial decryption", edit("partial_decryption_posted", 2, func(m map[string]json.RawMessage) {
			d, err := ballot.DecodePartialDecryption(m["decryption"])
			if err != nil {
				t.Fatal(err)
			}
			d.Factors[0], d.Factors[2] = d.Factors[2], d.Factors[0]
			m["decryption"] = enctest.Encode(t, d)
		}), `the partial decryption of trustee 3 in "v1" does not verify`},
		{"the decrypted counts", edit("encrypted_result_derived", 1, func(m map[string]json.RawMessage) {
			m["counts"] = json.RawMessage(`{"abstain":0,"against":0,"for":4}`)
		}), `the count of "for" in "v1" is not the decrypted total`},
		{"the declared result", edit("result_declared", 1, func(m map[string]json.RawMessage) {
			var r assembly.Result
			json.Unmarshal(m["result"], &r)
			r.Outcome, r.For, r.Against = assembly.MotionStatusDefeated, assembly.Exact(1), assembly.Exact(3)
			r.ByChoice = map[string]int{"for": 1, "against": 3}
			m["result"], _ = json.Marshal(r)
		}), `the declared result of "v1" gives "for" 1, and the decrypted total 3`},
	}
	for _, c := range cases {
		db := rewrite(t, good, c.change)
		code, out, errs := runForTest(t, "", "verify", "--db", db)
		if code != 1 || !strings.Contains(out, c.want) || !strings.Contains(out, "first bad entry:") {
			t.Errorf("%s changed: exit %d\n%s\n%s\nwant it named: %s", c.name, code, out, errs, c.want)
		}
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
