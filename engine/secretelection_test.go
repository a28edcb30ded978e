package engine_test

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/engine"
	"plenum/tlogproof"
)

// TestSecretElectionEndToEnd: the ballots of a secret election (ranked,
// IRV) wait in its ballot box, durable across a restart, padded to one
// size whatever they rank; nothing in the log links a voter to a token
// or a ranking; the close fills in the sealed ballots from the box (a
// client's are refused), shuffled, empties the box and counts them; each
// voter's token gets a receipt naming nobody that verifies offline; a
// retry of a ballot under the same key with another ranking is answered
// with the first; a withdrawn secret election's box is emptied too.
func TestSecretElectionEndToEnd(t *testing.T) {
	env := newTestEnv(t)
	env.setup(5)
	env.must("admin", "open_election", obj{"id": "e1", "title": "Board", "seats": 1, "method": "irv", "candidates": []string{"d0", "d1", "d2"}, "secret": true})
	if _, err := env.submit("d0", "cast_election_ballot", obj{"election": "e1", "voter": "d0", "ranking": []string{"d1"}, "token": "CHOSEN-BY-THE-CLIENT-0000"}); assembly.CodeOf(err) != assembly.ErrInvalid {
		t.Fatalf("a client-given token: %v, want refused", err)
	}
	rankings := map[string][]string{"d0": {"d1", "d0"}, "d1": {"d1"}, "d2": {"d2", "d0", "d1"}, "d3": {"d0", "d1"}, "d4": {"d2", "d1"}}
	tokens := map[string]string{}
	a, _ := env.eng.Assembly("coop")
	for _, p := range []string{"d0", "d1", "d2", "d3", "d4"} {
		r, err := a.Submit(context.Background(), assembly.Meta{Assembly: "coop", Actor: p, At: env.at, Key: "ballot-" + p},
			assembly.CastElectionBallot{Election: "e1", Voter: p, Ranking: rankings[p]})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.BallotToken) != 26 {
			t.Fatalf("ballot token %q", r.BallotToken)
		}
		tokens[p] = r.BallotToken
	}
	// The same key with another ranking: the first ballot stands.
	r, err := a.Submit(context.Background(), assembly.Meta{Assembly: "coop", Actor: "d0", At: env.at, Key: "ballot-d0"},
		assembly.CastElectionBallot{Election: "e1", Voter: "d0", Ranking: []string{"d2"}})
	if err != nil || !r.Replayed || r.BallotToken != "" {
		t.Fatalf("a retry with another ranking: %+v, %v", r, err)
	}
	box, err := a.Log().SealedBallots(context.Background(), assembly.ElectionBox("e1"))
	if err != nil || len(box) != 5 {
		t.Fatalf("the box holds %d ballots (%v)", len(box), err)
	}
	for _, b := range box {
		if len(b.Data) != len(box[0].Data) {
			t.Fatalf("ballots sealed to %d and %d bytes", len(b.Data), len(box[0].Data))
		}
	}
	raw, err := a.Log().Raw(context.Background(), 0, a.Log().Size())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range raw {
		for _, tok := range tokens {
			if strings.Contains(string(e), tok) {
				t.Fatalf("the log holds a token before the close: %s", e)
			}
		}
		if strings.Contains(string(e), `"election_ballot_cast"`) && strings.Contains(string(e), `"d1"]`) {
			t.Fatalf("a secret election_ballot_cast holds its ranking: %s", e)
		}
	}

	env.close()
	env.open()
	a, _ = env.eng.Assembly("coop")

	if _, err := env.submit("admin", "close_election", obj{"election": "e1", "sealed": []obj{{"token": "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "ranking": []string{"d1"}}}}); assembly.CodeOf(err) != assembly.ErrInvalid {
		t.Fatalf("a client-given sealed: %v, want refused", err)
	}
	if _, err := engine.SecretElectionBallotReceipt(context.Background(), a, "e1", tokens["d0"]); assembly.CodeOf(err) != assembly.ErrConflict {
		t.Fatalf("a receipt while open: %v", err)
	}
	env.must("admin", "close_election", obj{"election": "e1"})
	if box, err := a.Log().SealedBallots(context.Background(), assembly.ElectionBox("e1")); err != nil || len(box) != 0 {
		t.Fatalf("after the close the box holds %d ballots (%v)", len(box), err)
	}
	env.must("admin", "declare_election", obj{"election": "e1"})
	el := env.state().Elections["e1"]
	if strings.Join(el.Elected, ",") != "d1" || !strings.HasPrefix(el.Arithmetic, "irv, 5 ballots: d0 1, d1 2, d2 2") {
		t.Fatalf("elected %v: %q", el.Elected, el.Arithmetic)
	}
	for p, tok := range tokens {
		rc, err := engine.SecretElectionBallotReceipt(context.Background(), a, "e1", tok)
		if err != nil {
			t.Fatal(err)
		}
		res, err := tlogproof.VerifySecretBallot(rc, tlogproof.SecretBallot{Type: "sealed_election_ballots", Token: tok, Voter: "m-" + p}, note.VerifierList(env.verifier), nil)
		if err != nil {
			t.Fatalf("receipt of %s: %v", p, err)
		}
		if strings.Contains(string(rc), `"`+p+`"}`) || !strings.Contains(string(res.Entry), tok) {
			t.Fatalf("receipt of %s: %s", p, res.Entry)
		}
	}
	if _, err := engine.SecretElectionBallotReceipt(context.Background(), a, "e1", "NOT-A-TOKEN-OF-THIS-ELECTION"); assembly.CodeOf(err) != assembly.ErrNotFound {
		t.Fatalf("receipt of an unknown token: %v", err)
	}
	env.close()
	env.open()
	if got := env.state().Elections["e1"]; len(got.Sealed) != 5 || len(got.SealedEntries) != 1 || strings.Join(got.Elected, ",") != "d1" {
		t.Fatalf("after replay: %d sealed, entries %v, elected %v", len(got.Sealed), got.SealedEntries, got.Elected)
	}

	// Withdrawn: the box is emptied, nothing sealed into the log.
	env.must("admin", "open_election", obj{"id": "e2", "title": "Auditor", "seats": 1, "method": "plurality", "candidates": []string{"d0", "d1"}, "secret": true})
	env.must("d3", "cast_election_ballot", obj{"election": "e2", "voter": "d3", "approve": []string{"d1"}})
	a, _ = env.eng.Assembly("coop")
	if box, _ := a.Log().SealedBallots(context.Background(), assembly.ElectionBox("e2")); len(box) != 1 {
		t.Fatalf("the box of e2 holds %d ballots", len(box))
	}
	env.must("admin", "withdraw_election", obj{"election": "e2", "reason": "the wrong seats", "consent": "no objection"})
	if box, err := a.Log().SealedBallots(context.Background(), assembly.ElectionBox("e2")); err != nil || len(box) != 0 {
		t.Fatalf("after the withdrawal the box holds %d ballots (%v)", len(box), err)
	}
}
