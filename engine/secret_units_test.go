package engine_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/engine"
	"plenum/ledger"
	"plenum/tlogproof"
)

// weightedSecretRecord casts a secret vote in which d0's mandate carries
// three votes and d1, d2, d3 one each, closes it, and returns the voters'
// tokens and what anybody reads in the log: the weights ballot_cast
// records by voter and the sealed votes (token → choice).
func weightedSecretRecord(t *testing.T, env *testEnv) (tokens map[string]string, weights map[string]int, sealed map[string]string) {
	t.Helper()
	env.setup(4)
	env.must("admin", "set_rules", obj{"overrides": obj{"weighted_votes": true}})
	env.must("admin", "amend_mandate", obj{"mandate": "m-d0", "weight": 3})
	env.must("admin", "verify_mandate", obj{"mandate": "m-d0"})
	env.must("admin", "open_vote", obj{"id": "v1", "motion": "m1", "method": "secret"})
	choices := map[string]string{"d0": "against", "d1": "for", "d2": "for", "d3": "against"}
	tokens = map[string]string{}
	for _, p := range []string{"d0", "d1", "d2", "d3"} {
		tokens[p] = env.must(p, "cast_ballot", obj{"vote": "v1", "voter": p, "choice": choices[p]}).BallotToken
	}
	env.must("admin", "close_vote", obj{"vote": "v1"})
	a, _ := env.eng.Assembly("coop")
	entries, err := a.Log().Read(context.Background(), 0, a.Log().Size())
	if err != nil {
		t.Fatal(err)
	}
	weights, sealed = map[string]int{}, map[string]string{}
	for _, e := range entries {
		switch e.Type {
		case "ballot_cast":
			var bc assembly.BallotCast
			if err := json.Unmarshal(e.Payload, &bc); err != nil {
				t.Fatal(err)
			}
			weights[bc.Voter] = bc.Weight
		case "sealed_ballots":
			var sb assembly.SealedBallots
			if err := json.Unmarshal(e.Payload, &sb); err != nil {
				t.Fatal(err)
			}
			for _, sc := range sb.Sealed {
				sealed[sc.Token] = sc.Choice
			}
		}
	}
	if weights["d0"] != 3 || len(weights) != 4 || len(sealed) != 6 {
		t.Fatalf("weights %v, %d sealed", weights, len(sealed))
	}
	return tokens, weights, sealed
}

// linked is the reviewer's attack (link.py) on the public record: from
// each sealed token, derive the tokens the other votes of a ballot of
// several votes would carry, under the scheme plenum sealed with before
// (assembly.LinkedUnitTokens) and under the present one
// (assembly.UnitTokens), and return the groups of sealed votes found so.
func linked(sealed map[string]string) [][]string {
	var groups [][]string
	for tok := range sealed {
		for _, derived := range [][]string{assembly.LinkedUnitTokens(tok, 2*len(sealed))[1:], assembly.UnitTokens(tok, 2*len(sealed))} {
			group := []string{tok}
			for _, d := range derived {
				if _, ok := sealed[d]; ok && d != tok {
					group = append(group, d)
				}
			}
			if len(group) > 1 {
				groups = append(groups, group)
			}
		}
	}
	return groups
}

// voterCheck is the voter's own check: their receipt, found by their
// token, verifies offline; BallotUnits, given the token, finds all of
// their ballot's votes among the sealed ones, each with their choice.
func voterCheck(t *testing.T, env *testEnv, token string, weight int, choice string, sealed map[string]string) {
	t.Helper()
	a, _ := env.eng.Assembly("coop")
	rc, err := engine.SecretBallotReceipt(context.Background(), a, "v1", token)
	if err != nil {
		t.Fatalf("receipt: %v", err)
	}
	units := assembly.BallotUnits(token, func(s string) bool { _, ok := sealed[s]; return ok }, 0)
	if len(units) != weight {
		t.Fatalf("the voter finds %d votes of their ballot, want %d", len(units), weight)
	}
	for _, u := range units {
		if sealed[u] != choice {
			t.Fatalf("the vote under %s holds %q, want %q", u, sealed[u], choice)
		}
	}
	if _, err := tlogproof.VerifySecretBallot(rc, tlogproof.SecretBallot{Type: "sealed_ballots", Token: units[0], Voter: "m-d0"}, note.VerifierList(env.verifier), nil); err != nil {
		t.Fatalf("the receipt of the ballot's first vote: %v", err)
	}
}

// TestWeightedSecretBallotUnlinkable: the three votes of the only mandate
// of weight 3 in a secret vote enter the log under tokens that nobody
// can group from the public record (link.py finds nothing), none of them
// the ballot's own token; the voter, who holds it, finds all three and
// gets the receipt of the entry with the first; the record replays and
// passes the audit.
func TestWeightedSecretBallotUnlinkable(t *testing.T) {
	env := newTestEnv(t)
	tokens, _, sealed := weightedSecretRecord(t, env)
	if g := linked(sealed); g != nil {
		t.Fatalf("the public record groups the votes of one ballot: %v", g)
	}
	if _, ok := sealed[tokens["d0"]]; ok {
		t.Fatal("the token of the ballot of weight 3 is in the record")
	}
	for _, p := range []string{"d1", "d2", "d3"} {
		if _, ok := sealed[tokens[p]]; !ok {
			t.Fatalf("the ballot of weight 1 of %s is not under its token", p)
		}
	}
	voterCheck(t, env, tokens["d0"], 3, "against", sealed)
	voterCheck(t, env, tokens["d1"], 1, "for", sealed)
	env.close()
	env.open()
	if _, err := ledger.Audit(context.Background(), env.store, note.VerifierList(env.verifier), ledger.AuditOptions{Replay: engine.NewReplayer().Apply}); err != nil {
		t.Fatal(err)
	}
}

// TestLinkedSecretRecordStillVerifies: a record sealed as plenum sealed a
// ballot of several votes before (its token, then SHA-256(token+"/"+n)),
// permanent as it is, replays and passes the audit unchanged, and its
// voter still finds every vote of their ballot and their receipt.
func TestLinkedSecretRecordStillVerifies(t *testing.T) {
	env := newTestEnv(t)
	restore := engine.SetUnitTokens(assembly.LinkedUnitTokens)
	tokens, _, sealed := weightedSecretRecord(t, env)
	restore()
	if g := linked(sealed); len(g) != 1 || !slices.Contains(g[0], tokens["d0"]) || len(g[0]) != 3 {
		t.Fatalf("the record is not sealed as before: groups %v", g)
	}
	voterCheck(t, env, tokens["d0"], 3, "against", sealed)
	env.close()
	env.open()
	if v := env.state().Votes["v1"]; len(v.Sealed) != 6 {
		t.Fatalf("after replay: %d sealed", len(v.Sealed))
	}
	voterCheck(t, env, tokens["d0"], 3, "against", sealed)
	if _, err := ledger.Audit(context.Background(), env.store, note.VerifierList(env.verifier), ledger.AuditOptions{Replay: engine.NewReplayer().Apply}); err != nil {
		t.Fatal(err)
	}
}
