package assembly

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"plenum/ballot"
	"plenum/internal/enctest"
)

// refuseLike asserts a refusal with the code and a message containing want.
func (h *harness) refuseLike(actor, cmd, args string, code Code, want string) {
	h.t.Helper()
	n := len(h.events)
	err := h.do(actor, cmd, args)
	if err == nil {
		h.t.Fatalf("%s %s was accepted; want a refusal saying %q", actor, cmd, want)
	}
	if CodeOf(err) != code || !strings.Contains(err.Error(), want) {
		h.t.Fatalf("%s %s:\n got %s: %q\nwant %s: …%q…", actor, cmd, CodeOf(err), err.Error(), code, want)
	}
	if len(h.events) != n {
		h.t.Fatalf("%s %s was refused but recorded events", actor, cmd)
	}
}

func args(kv ...any) string {
	m := map[string]any{}
	for i := 0; i < len(kv); i += 2 {
		v := kv[i+1]
		if b, ok := v.([]byte); ok {
			v = json.RawMessage(b)
		}
		m[kv[i].(string)] = v
	}
	b, _ := json.Marshal(m)
	return string(b)
}

var encTrustees = []string{"kim", "rep", "ben"}

// encryptedVote opens the encrypted vote "v" (2 of kim, rep, ben) and runs
// its key ceremony through the commands.
func encryptedVote(t *testing.T, revote bool) (*harness, *enctest.Ceremony) {
	h := fixture(t, "congress", "")
	return h, openEncryptedVote(t, h, "v", revote)
}

// openEncryptedVote opens the encrypted vote id in h as encryptedVote
// opens "v" and runs its key ceremony.
func openEncryptedVote(t *testing.T, h *harness, id string, revote bool) *enctest.Ceremony {
	h.must("ann", "open_vote", fmt.Sprintf(`{"id":%q,"question":"Adopt the budget?","method":"encrypted","trustees":["kim","rep","ben"],"trustee_quorum":2,"revote":%t}`, id, revote))
	v := h.s.Votes[id]
	if v.Encrypted == nil || v.Encrypted.Election != "plenum/a1/"+id || strings.Join(v.Encrypted.Options, ",") != "for,against,abstain" {
		t.Fatalf("encrypted setup %+v", v.Encrypted)
	}
	c := keyCeremony(t, h, "vote", id, v.Encrypted)
	if last := h.events[len(h.events)-1]; last.EventType() != "election_key_derived" {
		t.Fatalf("after the last confirmation: %s", last.EventType())
	}
	return c
}

// keyCeremony runs the key ceremony of the encrypted box ev, the vote or
// the election (field) id of h, through the commands of its trustees kim,
// rep and ben.
func keyCeremony(t *testing.T, h *harness, field, id string, ev *EncryptedVote) *enctest.Ceremony {
	t.Helper()
	c := enctest.Run(t, ev.Params())
	for i, p := range encTrustees {
		h.must(p, "post_trustee_key", args(field, id, "key", enctest.Encode(t, c.Keys[i])))
	}
	for i, p := range encTrustees {
		h.must(p, "post_dealing", args(field, id, "dealing", enctest.Encode(t, c.Dealings[i])))
	}
	for i, p := range encTrustees {
		h.must(p, "post_confirmation", args(field, id, "confirmation", enctest.Encode(t, c.Confirmations[i])))
	}
	if ev.Key == nil || !ev.Key.Key.Equal(c.Key.Key) {
		t.Fatalf("no election key of %s %s after the last confirmation", field, id)
	}
	return c
}

func TestEncryptedVoteOpenRefusals(t *testing.T) {
	h := fixture(t, "congress", "")
	h.refuseLike("ann", "open_vote", `{"id":"v","question":"Q","method":"encrypted"}`, ErrInvalid, "an encrypted vote needs its trustees")
	h.refuseLike("ann", "open_vote", `{"id":"v","question":"Q","method":"encrypted","trustees":["kim","rep"],"trustee_quorum":3}`, ErrInvalid, "trustee_quorum is how many of the 2 trustees")
	h.refuseLike("ann", "open_vote", `{"id":"v","question":"Q","method":"encrypted","trustees":["kim","kim"],"trustee_quorum":1}`, ErrInvalid, `"kim" is named twice`)
	h.refuseLike("ann", "open_vote", `{"id":"v","question":"Q","method":"encrypted","trustees":["kim","nobody"],"trustee_quorum":1}`, ErrNotFound, "nobody")
	h.refuseLike("ann", "open_vote", `{"id":"v","question":"Q","method":"secret","trustees":["kim"],"trustee_quorum":1}`, ErrInvalid, "are for an encrypted vote")
}

func TestEncryptedCeremonyRefusals(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("ann", "open_vote", `{"id":"v","question":"Q","method":"encrypted","trustees":["kim","rep","ben"],"trustee_quorum":2}`)
	c := enctest.Run(t, h.s.Votes["v"].Encrypted.Params())
	other := enctest.Run(t, ballot.Parameters{Election: "plenum/a1/w", Trustees: 3, Threshold: 2})
	k1 := enctest.Encode(t, c.Keys[0])
	h.refuseLike("m1", "post_trustee_key", args("vote", "v", "key", k1), ErrForbidden, "m1 is not a trustee of the vote v")
	h.refuseLike("rep", "post_trustee_key", args("vote", "v", "key", k1), ErrInvalid, "the key is trustee 1's, and rep is trustee 2")
	h.refuseLike("kim", "post_trustee_key", args("vote", "v", "key", enctest.Encode(t, other.Keys[0])), ErrInvalid, "wrong-context")
	bad := c.Keys[0]
	bad.Proof = c.Keys[1].Proof
	h.refuseLike("kim", "post_trustee_key", args("vote", "v", "key", enctest.Encode(t, bad)), ErrInvalid, "(invalid-proof)")
	h.refuseLike("kim", "post_trustee_key", args("vote", "v", "key", []byte(`{"election":"plenum/a1/v"}`)), ErrInvalid, "the trustee's key is refused")
	h.must("kim", "post_trustee_key", args("vote", "v", "key", k1))
	h.refuseLike("kim", "post_trustee_key", args("vote", "v", "key", k1), ErrConflict, "has already published its key")
	h.refuseLike("kim", "post_dealing", args("vote", "v", "dealing", enctest.Encode(t, c.Dealings[0])), ErrConflict, "1 of the 3 trustees of v have published their keys")
	h.must("rep", "post_trustee_key", args("vote", "v", "key", enctest.Encode(t, c.Keys[1])))
	h.must("ben", "post_trustee_key", args("vote", "v", "key", enctest.Encode(t, c.Keys[2])))
	h.refuseLike("m1", "cast_encrypted_ballot", args("vote", "v", "voter", "m1", "ballot", []byte(`{}`)), ErrConflict, "have not yet made the election key")
	d := c.Dealings[1]
	d.Proof = c.Dealings[0].Proof
	h.refuseLike("rep", "post_dealing", args("vote", "v", "dealing", enctest.Encode(t, d)), ErrInvalid, "(invalid-proof)")
	for i, p := range encTrustees {
		h.must(p, "post_dealing", args("vote", "v", "dealing", enctest.Encode(t, c.Dealings[i])))
	}
	cf := c.Confirmations[2]
	cf.VerificationKey = c.Confirmations[1].VerificationKey
	h.refuseLike("ben", "post_confirmation", args("vote", "v", "confirmation", enctest.Encode(t, cf)), ErrInvalid, "(bad-dealing)")
	cf = c.Confirmations[2]
	cf.Proof = c.Confirmations[1].Proof
	h.refuseLike("ben", "post_confirmation", args("vote", "v", "confirmation", enctest.Encode(t, cf)), ErrInvalid, "(invalid-proof)")
	if h.s.Votes["v"].Encrypted.Key != nil || len(h.s.Votes["v"].Encrypted.Confirmations) != 0 {
		t.Fatal("a refused confirmation was kept")
	}
}

// swapProofs makes a ballot whose proofs are valid proofs of the wrong
// ciphertexts.
func swapProofs(t *testing.T, b []byte) []byte {
	bl, err := ballot.DecodeBallot(b)
	if err != nil {
		t.Fatal(err)
	}
	bl.Proofs[0], bl.Proofs[1] = bl.Proofs[1], bl.Proofs[0]
	return enctest.Encode(t, bl)
}

func TestEncryptedVote(t *testing.T) {
	h, c := encryptedVote(t, false)
	k := c.Key
	cast := func(voter string, option int) []byte {
		b := enctest.Ballot(t, k, 3, option, "md-"+voter)
		h.must(voter, "cast_encrypted_ballot", args("vote", "v", "voter", voter, "ballot", b))
		return b
	}
	b1 := cast("m1", 0)
	ev := h.events[len(h.events)-1].(EncryptedBallotCast)
	if ev.Right != "md-m1" || ev.Tracker != Tracker(b1) || string(ev.Ballot) != string(b1) {
		t.Fatalf("ballot event %+v", ev)
	}
	cast("m2", 1)
	cast("m3", 0)
	cast("m4", 2)
	cast("m5", 0)
	if n := h.s.Votes["v"].BallotsCast(); n != 5 {
		t.Fatalf("BallotsCast = %d after 5 encrypted ballots", n)
	}
	h.refuseLike("m1", "cast_encrypted_ballot", args("vote", "v", "voter", "m1", "ballot", enctest.Ballot(t, k, 3, 1, "md-m1")), ErrConflict, "allows no second ballot")
	h.refuseLike("m6", "cast_encrypted_ballot", args("vote", "v", "voter", "m6", "ballot", enctest.Ballot(t, k, 3, 1, "md-m7")), ErrInvalid, "(wrong-context)")
	h.refuseLike("m6", "cast_encrypted_ballot", args("vote", "v", "voter", "m6", "ballot", swapProofs(t, enctest.Ballot(t, k, 3, 1, "md-m6"))), ErrInvalid, "(invalid-proof)")
	h.refuseLike("m6", "cast_encrypted_ballot", args("vote", "v", "voter", "m6", "ballot", enctest.Ballot(t, k, 2, 1, "md-m6")), ErrInvalid, "the encrypted ballot is refused")
	h.refuseLike("outsider", "cast_encrypted_ballot", args("vote", "v", "voter", "outsider", "ballot", enctest.Ballot(t, k, 3, 1, "p:outsider")), ErrForbidden, "outsider")
	h.refuseLike("m6", "cast_encrypted_ballot", args("vote", "v", "voter", "m7", "ballot", enctest.Ballot(t, k, 3, 1, "md-m7")), ErrForbidden, "each voter casts their own")
	h.refuseLike("m6", "cast_ballot", `{"vote":"v","voter":"m6","choice":"for"}`, ErrConflict, "never as a plain choice")
	h.refuseLike("kim", "post_partial_decryption", args("vote", "v", "decryption", []byte(`{}`)), ErrConflict, "still open")
	h.must("ann", "close_vote", `{"vote":"v"}`)
	if h.events[len(h.events)-1].EventType() != "encrypted_tallied" {
		t.Fatal("no encrypted total at the close")
	}
	h.refuseLike("m6", "cast_encrypted_ballot", args("vote", "v", "voter", "m6", "ballot", enctest.Ballot(t, k, 3, 1, "md-m6")), ErrClosed, "is closed")
	h.refuseLike("ann", "enter_count", `{"vote":"v","for":5,"against":0}`, ErrConflict, "not entered by hand")
	h.refuseLike("ann", "declare_result", `{"vote":"v"}`, ErrConflict, "not yet decrypted: 0 of the 2")
	ev2 := h.s.Votes["v"].Encrypted
	totals := ev2.Tally.Totals
	if ev2.Tally.Ballots != 5 || ev2.Tally.Weight != 5 {
		t.Fatalf("tally of %d ballots, weight %d", ev2.Tally.Ballots, ev2.Tally.Weight)
	}
	// trustee 1's partial decryption posted by trustee 2, and with a wrong proof
	h.refuseLike("rep", "post_partial_decryption", args("vote", "v", "decryption", c.Decrypt(t, 1, totals)), ErrInvalid, "(wrong-context)")
	pd, _ := ballot.DecodePartialDecryption(c.Decrypt(t, 1, totals))
	pd.Proofs[0], pd.Proofs[1] = pd.Proofs[1], pd.Proofs[0]
	h.refuseLike("kim", "post_partial_decryption", args("vote", "v", "decryption", enctest.Encode(t, pd)), ErrInvalid, "(invalid-proof)")
	pd, _ = ballot.DecodePartialDecryption(c.Decrypt(t, 1, totals))
	pd.Factors[0] = pd.Factors[1]
	h.refuseLike("kim", "post_partial_decryption", args("vote", "v", "decryption", enctest.Encode(t, pd)), ErrInvalid, "(invalid-proof)")
	h.refuseLike("m1", "post_partial_decryption", args("vote", "v", "decryption", c.Decrypt(t, 1, totals)), ErrForbidden, "not a trustee")
	h.must("ben", "post_partial_decryption", args("vote", "v", "decryption", c.Decrypt(t, 3, totals)))
	if ev2.Result != nil || h.s.Votes["v"].Status != VoteStatusClosed {
		t.Fatal("one partial decryption of two decrypted the total")
	}
	h.refuseLike("ben", "post_partial_decryption", args("vote", "v", "decryption", c.Decrypt(t, 3, totals)), ErrConflict, "already posted")
	h.must("kim", "post_partial_decryption", args("vote", "v", "decryption", c.Decrypt(t, 1, totals)))
	v := h.s.Votes["v"]
	if ev2.Counts["for"] != 3 || ev2.Counts["against"] != 1 || ev2.Counts["abstain"] != 1 {
		t.Fatalf("counts %v", ev2.Counts)
	}
	if v.Status != VoteStatusDeclared || v.Result.Outcome != MotionStatusCarried || v.Result.For != Exact(3) || v.Result.Against != Exact(1) {
		t.Fatalf("result %+v", v.Result)
	}
	if !strings.HasPrefix(v.Result.Arithmetic, "3 for, 1 against, 1 abstaining") {
		t.Fatalf("arithmetic %q", v.Result.Arithmetic)
	}
	h.refuseLike("rep", "post_partial_decryption", args("vote", "v", "decryption", c.Decrypt(t, 2, totals)), ErrClosed, "already decrypted")
	// No event holds a choice: the ballots are ciphertexts, the only
	// plaintexts are the totals.
	for _, e := range h.events {
		if b, ok := e.(EncryptedBallotCast); ok && strings.Contains(string(b.Ballot), "for") {
			t.Fatalf("a ballot holds a word: %s", b.Ballot)
		}
	}
}

func TestEncryptedRevote(t *testing.T) {
	h, c := encryptedVote(t, true)
	for _, vc := range []struct {
		voter  string
		option int
	}{{"m1", 0}, {"m2", 0}, {"m1", 1}, {"m3", 1}, {"m1", 2}} {
		h.must(vc.voter, "cast_encrypted_ballot", args("vote", "v", "voter", vc.voter, "ballot", enctest.Ballot(t, c.Key, 3, vc.option, "md-"+vc.voter)))
	}
	if n := h.s.Votes["v"].BallotsCast(); n != 3 {
		t.Fatalf("%d ballots cast by 3 voters, one of whom re-voted twice", n)
	}
	h.must("ann", "close_vote", `{"vote":"v"}`)
	ev := h.s.Votes["v"].Encrypted
	if len(ev.Cast) != 5 || ev.Tally.Ballots != 3 {
		t.Fatalf("%d cast, %d counted", len(ev.Cast), ev.Tally.Ballots)
	}
	decryptVote(t, h, c)
	if ev.Counts["for"] != 1 || ev.Counts["against"] != 1 || ev.Counts["abstain"] != 1 {
		t.Fatalf("the last ballot does not count alone: %v", ev.Counts)
	}
	if v := h.s.Votes["v"]; v.Status != VoteStatusDeclared || v.Result.Outcome != MotionStatusDefeated {
		t.Fatalf("result %+v", v.Result)
	}
}

// TestEncryptedReplayRefusesTampering: a record whose encrypted total,
// partial decryption or result was changed does not replay.
func TestEncryptedReplayRefusesTampering(t *testing.T) {
	h, c := encryptedVote(t, false)
	for i, p := range []string{"m1", "m2", "m3"} {
		h.must(p, "cast_encrypted_ballot", args("vote", "v", "voter", p, "ballot", enctest.Ballot(t, c.Key, 3, i%2, "md-"+p)))
	}
	h.must("ann", "close_vote", `{"vote":"v"}`)
	totals := h.s.Votes["v"].Encrypted.Tally.Totals
	h.must("kim", "post_partial_decryption", args("vote", "v", "decryption", c.Decrypt(t, 1, totals)))
	h.must("rep", "post_partial_decryption", args("vote", "v", "decryption", c.Decrypt(t, 2, totals)))
	replay := func(change func(Event) Event) error { return replayChanged(h.events, change) }
	if err := replay(func(e Event) Event { return e }); err != nil {
		t.Fatal(err)
	}
	other := enctest.Ballot(t, c.Key, 3, 1, "md-m1")
	cases := map[string]func(Event) Event{
		"(mandate md-m2, tracker ": func(e Event) Event {
			if b, ok := e.(EncryptedBallotCast); ok && b.Voter == "m2" {
				bl, _ := ballot.DecodeBallot(b.Ballot)
				bl.Proofs[0], bl.Proofs[1] = bl.Proofs[1], bl.Proofs[0]
				b.Ballot = enctest.Encode(t, bl)
				b.Tracker = Tracker(b.Ballot)
				return b
			}
			return e
		},
		"gives \"against\" 2, and the decrypted total 1": func(e Event) Event {
			if r, ok := e.(ResultDeclared); ok {
				r.Result.ByChoice = map[string]int{"for": 2, "against": 2}
				return r
			}
			return e
		},
		"is not the sum of its last ballots": func(e Event) Event {
			if b, ok := e.(EncryptedBallotCast); ok && b.Voter == "m1" {
				b.Ballot, b.Tracker = other, Tracker(other)
				return b
			}
			return e
		},
		"does not verify": func(e Event) Event {
			if p, ok := e.(PartialDecryptionPosted); ok && p.Trustee == 2 {
				pd, _ := ballot.DecodePartialDecryption(p.Decryption)
				pd.Proofs[0], pd.Proofs[1] = pd.Proofs[1], pd.Proofs[0]
				p.Decryption = enctest.Encode(t, pd)
				return p
			}
			return e
		},
		"is not the decrypted total": func(e Event) Event {
			if r, ok := e.(EncryptedResultDerived); ok {
				r.Counts = map[string]int{"for": 3, "against": 0, "abstain": 0}
				return r
			}
			return e
		},
	}
	for want, change := range cases {
		if err := replay(change); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("tampered record: %v, want %q", err, want)
		}
	}
}

func TestEncryptedWithdrawNeedsConsent(t *testing.T) {
	h, c := encryptedVote(t, false)
	h.must("m1", "cast_encrypted_ballot", args("vote", "v", "voter", "m1", "ballot", enctest.Ballot(t, c.Key, 3, 0, "md-m1")))
	h.refuseLike("ann", "withdraw_vote", `{"vote":"v","reason":"opened by mistake"}`, ErrConflict, "only with the assembly's consent")
	h.must("ann", "withdraw_vote", `{"vote":"v","reason":"opened by mistake","consent":"no objection"}`)
	if h.events[len(h.events)-1].(VoteWithdrawn).Ballots != 1 {
		t.Fatal("the withdrawal does not count the encrypted ballot")
	}
}

// TestEncryptedPrecheck: a ballot checked before the writer is marked for
// its key and voting right only if its proofs verify; a bad one is left
// for Decide to refuse. So is, unverified, a good one that Decide refuses
// before it would verify it: sent by another, a second where none is
// allowed, into a closed box.
func TestEncryptedPrecheck(t *testing.T) {
	h, c := encryptedVote(t, false)
	lookups := 0
	read := func(fn func(*State)) { lookups++; fn(h.s) }
	m1 := CastEncryptedBallot{Vote: "v", Voter: "m1", Ballot: enctest.Ballot(t, c.Key, 3, 0, "md-m1")}
	if byAnother := m1.Precheck("m2", read); byAnother.checked != nil || lookups != 0 {
		t.Fatalf("m1's ballot sent by m2 was checked (%d state lookups)", lookups)
	}
	good := m1.Precheck("m1", read)
	if good.checked == nil || good.checked.right != "md-m1" || !sameKey(good.checked.key, h.replay.Votes["v"].Encrypted.Key) {
		t.Fatalf("a good ballot is not marked: %+v", good.checked)
	}
	bad := CastEncryptedBallot{Vote: "v", Voter: "m2", Ballot: swapProofs(t, enctest.Ballot(t, c.Key, 3, 0, "md-m2"))}.Precheck("m2", read)
	other := CastEncryptedBallot{Vote: "v", Voter: "m3", Ballot: enctest.Ballot(t, c.Key, 3, 0, "md-m4")}.Precheck("m3", read)
	if bad.checked != nil || other.checked != nil {
		t.Fatal("a bad ballot is marked checked")
	}
	h.clock = h.clock.Add(time.Minute)
	if err := h.run(Meta{Actor: "m1", At: h.clock}, good); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []CastEncryptedBallot{bad, other} {
		h.clock = h.clock.Add(time.Minute)
		if err := h.run(Meta{Actor: cmd.Voter, At: h.clock}, cmd); CodeOf(err) != ErrInvalid {
			t.Fatalf("%s's bad ballot: %v", cmd.Voter, err)
		}
	}
	// A good ballot that Decide refuses before it would verify one is not
	// checked, and Decide refuses it with code.
	uncheckedThenRefused := func(what, voter string, choice int, code Code) {
		t.Helper()
		cmd := CastEncryptedBallot{Vote: "v", Voter: voter, Ballot: enctest.Ballot(t, c.Key, 3, choice, "md-"+voter)}.Precheck(voter, read)
		if cmd.checked != nil {
			t.Fatalf("%s was checked", what)
		}
		h.clock = h.clock.Add(time.Minute)
		if err := h.run(Meta{Actor: voter, At: h.clock}, cmd); CodeOf(err) != code {
			t.Fatalf("%s: %v, want %s", what, err, code)
		}
	}
	// m1 has voted, and the vote allows no second ballot.
	uncheckedThenRefused("m1's second ballot, where none is allowed", "m1", 1, ErrConflict)
	// Closed.
	h.must("ann", "close_vote", `{"vote":"v"}`)
	uncheckedThenRefused("m3's ballot into the closed box", "m3", 0, ErrClosed)
}

// replayChanged replays events, each changed by change, checking every
// encrypted ballot's proofs as plenum verify does.
func replayChanged(events []Event, change func(Event) Event) error {
	s := NewState()
	s.VerifyBallots = true
	for _, e := range events {
		e = change(e)
		b, _ := EncodeEvent(e)
		d, err := DecodeEvent(e.EventType(), b)
		if err == nil {
			err = s.Apply(d)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
