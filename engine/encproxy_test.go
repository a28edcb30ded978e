package engine_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/engine"
	"plenum/internal/enctest"
	"plenum/ledger"
	"plenum/tlogproof"
)

// TestEncryptedProxyVoteEndToEnd: in an encrypted vote through the
// engine, a delegate who carries an absent delegate's mandate (of two
// votes) casts its ballot beside their own, each checked before the writer
// and recorded with its tracker; the proxy's tracker gets a receipt that
// verifies offline and names the mandate it was cast for; a second ballot
// for the mandate and one by a delegate who does not carry it are
// refused; the total counts the proxy's ballot with the mandate's weight,
// two of three trustees decrypt it, and the audit through the rules
// re-checks every proof, the proxy's too.
func TestEncryptedProxyVoteEndToEnd(t *testing.T) {
	env := newTestEnv(t)
	env.setup(5)
	env.must("admin", "set_rules", obj{"overrides": obj{"proxies_allowed": true, "weighted_votes": true}})
	env.must("admin", "amend_mandate", obj{"mandate": "m-d4", "weight": 2})
	env.must("admin", "verify_mandate", obj{"mandate": "m-d4"})
	env.must("admin", "transfer_proxy", obj{"mandate": "m-d4", "to": "d3"})
	env.must("admin", "leave_hall", obj{"persons": []string{"d4"}})
	c := env.encryptedCeremony(2)
	cast := func(voter, forMandate, right string, option int) string {
		t.Helper()
		b := enctest.Ballot(t, c.Key, 3, option, right)
		env.must(voter, "cast_encrypted_ballot", obj{"vote": "v1", "voter": voter, "for_mandate": forMandate, "ballot": json.RawMessage(b)})
		return assembly.Tracker(b)
	}
	for i, opt := range []int{0, 0, 1, 2} {
		p := fmt.Sprintf("d%d", i)
		cast(p, "", "m-"+p, opt)
	}
	tracker := cast("d3", "m-d4", "m-d4", 1)
	for _, r := range []struct {
		voter string
		code  assembly.Code
	}{{"d3", assembly.ErrConflict}, {"d2", assembly.ErrForbidden}} {
		b := enctest.Ballot(t, c.Key, 3, 0, "m-d4")
		if _, err := env.submit(r.voter, "cast_encrypted_ballot", obj{"vote": "v1", "voter": r.voter, "for_mandate": "m-d4", "ballot": json.RawMessage(b)}); assembly.CodeOf(err) != r.code {
			t.Fatalf("%s's ballot for m-d4: %v, want %s", r.voter, err, r.code)
		}
	}
	a, _ := env.eng.Assembly("coop")
	rc, err := engine.EncryptedBallotReceipt(context.Background(), a, "v1", tracker)
	if err != nil {
		t.Fatal(err)
	}
	proved, err := tlogproof.VerifyEncryptedBallot(rc, tracker, note.VerifierList(env.verifier), nil)
	if err != nil {
		t.Fatalf("the receipt of the proxy's ballot: %v", err)
	}
	e, _, err := ledger.DecodeEntry(proved.Entry)
	var entry assembly.EncryptedBallotCast
	if err == nil {
		err = json.Unmarshal(e.Payload, &entry)
	}
	if err != nil || e.Actor != "d3" || entry.Voter != "d3" || entry.Right != "m-d4" || entry.Weight != 2 {
		t.Fatalf("the receipt's entry %s by %s (%v)", e.Payload, e.Actor, err)
	}
	env.close()
	env.open()
	env.must("chief", "close_vote", obj{"vote": "v1"})
	tally := env.state().Votes["v1"].Encrypted.Tally
	if tally.Ballots != 5 || tally.Weight != 6 {
		t.Fatalf("the total sums %d ballots of weight %d; want 5 of weight 6", tally.Ballots, tally.Weight)
	}
	env.must("d1", "post_partial_decryption", obj{"vote": "v1", "decryption": json.RawMessage(c.Decrypt(t, 2, tally.Totals))})
	env.must("d2", "post_partial_decryption", obj{"vote": "v1", "decryption": json.RawMessage(c.Decrypt(t, 3, tally.Totals))})
	v := env.state().Votes["v1"]
	if ev := v.Encrypted; ev.Counts["for"] != 2 || ev.Counts["against"] != 3 || ev.Counts["abstain"] != 1 {
		t.Fatalf("counts %v; want 2 for, 3 against (d2, and m-d4's two votes by proxy), 1 abstaining", ev.Counts)
	}
	if v.Status != assembly.VoteStatusDeclared || v.Result.Against != assembly.Exact(3) {
		t.Fatalf("result %+v", v.Result)
	}
	r := engine.NewAuditReplayer()
	if _, err := ledger.Audit(context.Background(), env.store, note.VerifierList(env.verifier), r.AuditOptions()); err != nil {
		t.Fatal(err)
	}
	if err := r.Finish(); err != nil {
		t.Fatalf("proof checks: %v", err)
	}
	if st := env.replayed(); st.Votes["v1"].Encrypted.Counts["against"] != 3 {
		t.Fatal("the replayed record does not hold the count")
	}
}
