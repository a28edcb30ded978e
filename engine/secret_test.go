package engine_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/engine"
	"plenum/tlogproof"
)

// TestSecretBallotEndToEnd: ballots cast in a secret vote survive a
// restart in their ballot box, enter the log shuffled when the vote
// closes, are counted, and each voter's token gets a receipt that
// verifies offline and names nobody.
func TestSecretBallotEndToEnd(t *testing.T) {
	env := newTestEnv(t)
	env.setup(5)
	env.must("admin", "open_vote", obj{"id": "v1", "motion": "m1", "method": "secret"})
	if _, err := env.submit("d0", "cast_ballot", obj{"vote": "v1", "voter": "d0", "choice": "for", "token": "CHOSEN-BY-THE-CLIENT"}); assembly.CodeOf(err) != assembly.ErrInvalid {
		t.Fatalf("a client-given token: %v, want refused", err)
	}
	choices := map[string]string{"d0": "for", "d1": "for", "d2": "against", "d3": "for", "d4": "abstain"}
	tokens := map[string]string{}
	for _, p := range []string{"d0", "d1", "d2", "d3", "d4"} {
		r := env.must(p, "cast_ballot", obj{"vote": "v1", "voter": p, "choice": choices[p]})
		if len(r.BallotToken) != 26 {
			t.Fatalf("ballot token %q", r.BallotToken)
		}
		tokens[p] = r.BallotToken
	}
	// Nothing in the log links a voter to a token or a choice.
	a, _ := env.eng.Assembly("coop")
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
		if strings.Contains(string(e), `"ballot_cast"`) && strings.Contains(string(e), `"choice":"for"`) {
			t.Fatalf("a secret ballot_cast holds its choice: %s", e)
		}
	}

	env.close()
	env.open() // the box is durable: nothing is lost across a restart

	if _, err := env.submit("admin", "close_vote", obj{"vote": "v1", "sealed": []obj{{"token": "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "choice": "for"}}}); assembly.CodeOf(err) != assembly.ErrInvalid {
		t.Fatalf("a client-given sealed: %v, want refused", err)
	}
	env.must("admin", "close_vote", obj{"vote": "v1"})
	env.must("admin", "declare_result", obj{"vote": "v1"})
	v := env.state().Votes["v1"]
	if v.Result.Arithmetic != "3 for, 1 against, 1 abstaining, 4 cast; 3 needed; carried" {
		t.Fatalf("result %q", v.Result.Arithmetic)
	}

	a, _ = env.eng.Assembly("coop")
	for p, tok := range tokens {
		rc, err := engine.SecretBallotReceipt(context.Background(), a, "v1", tok)
		if err != nil {
			t.Fatal(err)
		}
		r, err := tlogproof.VerifySecretBallot(rc, tlogproof.SecretBallot{Type: "sealed_ballots", Token: tok, Voter: "m-" + p}, note.VerifierList(env.verifier), nil)
		if err != nil {
			t.Fatalf("receipt of %s: %v", p, err)
		}
		if strings.Contains(string(rc), `"`+p+`"`) || !strings.Contains(string(r.Entry), `"choice":"`+choices[p]+`"`) {
			t.Fatalf("receipt of %s: %s", p, rc)
		}
		// An altered entry does not verify.
		bad := strings.Replace(string(rc), tok, strings.ToLower(tok), 1)
		if _, err := tlogproof.VerifySecretBallot([]byte(bad), tlogproof.SecretBallot{Type: "sealed_ballots", Token: strings.ToLower(tok)}, note.VerifierList(env.verifier), nil); err == nil {
			t.Fatal("an altered receipt verifies")
		}
	}
	if _, err := engine.SecretBallotReceipt(context.Background(), a, "v1", "NOT-A-TOKEN-OF-THIS-VOTE"); assembly.CodeOf(err) != assembly.ErrNotFound {
		t.Fatalf("receipt of an unknown token: %v", err)
	}
	// The restarted engine replays the sealed ballots too.
	env.close()
	env.open()
	if got := env.state().Votes["v1"]; len(got.Sealed) != 5 || len(got.SealedEntries) != 1 {
		t.Fatalf("after replay: %d sealed, entries %v", len(got.Sealed), got.SealedEntries)
	}
}

// TestFailedAppendStoresNoSealedBallot: a ballot whose append fails leaves
// nothing in the ballot box, and the voter may cast it again.
func TestFailedAppendStoresNoSealedBallot(t *testing.T) {
	env := newTestEnv(t)
	env.setup(2)
	env.must("admin", "open_vote", obj{"id": "v1", "motion": "m1", "method": "secret"})
	db, err := sql.Open("sqlite", env.path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TRIGGER no_checkpoints BEFORE INSERT ON checkpoints BEGIN SELECT RAISE(ABORT, 'the disk is full'); END`); err != nil {
		t.Fatal(err)
	}
	if _, err := env.submit("d0", "cast_ballot", obj{"vote": "v1", "voter": "d0", "choice": "against"}); err == nil {
		t.Fatal("a ballot whose append failed was accepted")
	}
	a, _ := env.eng.Assembly("coop")
	if box, err := a.Log().SealedBallots(context.Background(), "v1"); err != nil || len(box) != 0 {
		t.Fatalf("after a failed append the box holds %d ballots (%v)", len(box), err)
	}
	if _, err := db.Exec(`DROP TRIGGER no_checkpoints`); err != nil {
		t.Fatal(err)
	}
	env.must("d0", "cast_ballot", obj{"vote": "v1", "voter": "d0", "choice": "for"})
	env.must("d1", "cast_ballot", obj{"vote": "v1", "voter": "d1", "choice": "for"})
	env.must("admin", "close_vote", obj{"vote": "v1"})
	env.must("admin", "declare_result", obj{"vote": "v1"})
	if r := env.state().Votes["v1"].Result; r.Arithmetic != "2 for, 0 against, 2 cast; 2 needed; carried" {
		t.Fatalf("result %q", r.Arithmetic)
	}
}

// TestCastAndCloseInOneBatch: a close decided in the same batch as
// ballots finds them, though they are not yet in the store.
func TestCastAndCloseInOneBatch(t *testing.T) {
	env := newTestEnv(t)
	env.setup(3)
	env.must("admin", "open_vote", obj{"id": "v1", "motion": "m1", "method": "secret"})
	a, _ := env.eng.Assembly("coop")
	var metas []assembly.Meta
	var cmds []assembly.Command
	for _, p := range []string{"d0", "d1", "d2"} {
		env.at = env.at.Add(1e9)
		metas = append(metas, assembly.Meta{Assembly: "coop", Actor: p, At: env.at})
		cmds = append(cmds, assembly.CastBallot{Vote: "v1", Voter: p, Choice: "against"})
	}
	metas = append(metas, assembly.Meta{Assembly: "coop", Actor: "admin", At: env.at.Add(1e9)})
	cmds = append(cmds, assembly.CloseVote{Vote: "v1"})
	res, failed, err := a.SubmitAll(context.Background(), metas, cmds)
	if err != nil || failed != -1 || len(res) != 4 {
		t.Fatalf("SubmitAll: %d results, failed %d, %v", len(res), failed, err)
	}
	if v := env.state().Votes["v1"]; len(v.Sealed) != 3 || v.Sealed[0] != "against" {
		t.Fatalf("sealed %v", v.Sealed)
	}
}
