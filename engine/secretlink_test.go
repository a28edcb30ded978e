package engine_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/engine"
)

// TestSecretBallotEntriesTellNoChoice: the ballot_cast entries of a
// secret vote, as stored in the log, cannot tell choices apart. Two
// voters cast different choices with the same idempotency key: their
// entries are identical once voter, mandate, time and key are blanked
// (before the fix the request hash in the meta covered the choice, and
// three choices are brute-forced in microseconds). A retry with the same
// key and another choice is answered as replayed: the first ballot stands.
func TestSecretBallotEntriesTellNoChoice(t *testing.T) {
	env := newTestEnv(t)
	env.setup(3)
	env.must("admin", "open_vote", obj{"id": "v1", "motion": "m1", "method": "secret"})
	cast := func(p, choice string) error {
		e := env.envelope(p, "cast_ballot", obj{"vote": "v1", "voter": p, "choice": choice})
		e.Key = "ballot-key"
		_, err := env.eng.Submit(context.Background(), e)
		return err
	}
	before := env.logSize()
	if err := cast("d0", "for"); err != nil {
		t.Fatal(err)
	}
	if err := cast("d1", "against"); err != nil {
		t.Fatal(err)
	}
	a, _ := env.eng.Assembly("coop")
	raw, err := a.Log().Raw(context.Background(), before, a.Log().Size())
	if err != nil {
		t.Fatal(err)
	}
	if len(raw) != 2 {
		t.Fatalf("%d entries for two ballots", len(raw))
	}
	entries, err := a.Log().Read(context.Background(), before, a.Log().Size())
	if err != nil {
		t.Fatal(err)
	}
	blank := func(i int, p string) string {
		s := string(raw[i])
		s = regexp.MustCompile(`"(index|time|at|req)":("[^"]*"|[0-9]+)`).ReplaceAllString(s, `"$1":"-"`)
		return strings.ReplaceAll(s, p, "VOTER")
	}
	if b0, b1 := blank(0, "d0"), blank(1, "d1"); b0 != b1 {
		t.Fatalf("the ballot_cast entries of two secret ballots with different choices differ:\n%s\n%s", b0, b1)
	}
	// The request hash is the one field left: brute-force it as anyone
	// reading the log could, over every choice the vote offers.
	for i, p := range []string{"d0", "d1"} {
		req := entries[i].Payload
		var linked []string
		for _, c := range []string{"for", "against", "abstain"} {
			h := engine.RequestHash("coop", assembly.CastBallot{Vote: "v1", Voter: p, Choice: c})
			if strings.Contains(string(req), `"req":"`+h+`"`) {
				linked = append(linked, c)
			}
		}
		if len(linked) == 1 {
			t.Fatalf("the request hash of %s's secret ballot gives away the choice %q", p, linked[0])
		}
	}
	// The same key with another choice: the first ballot stands.
	e := env.envelope("d0", "cast_ballot", obj{"vote": "v1", "voter": "d0", "choice": "against"})
	e.Key = "ballot-key"
	r, err := env.eng.Submit(context.Background(), e)
	if err != nil || !r.Replayed {
		t.Fatalf("a retry with another choice: %+v, %v; want replayed", r, err)
	}
	env.must("admin", "close_vote", obj{"vote": "v1"})
	if v := env.state().Votes["v1"]; len(v.Sealed) != 2 {
		t.Fatalf("%d sealed ballots", len(v.Sealed))
	}
	got := map[string]int{}
	for _, s := range env.state().Votes["v1"].Sealed {
		got[s]++
	}
	if got["for"] != 1 || got["against"] != 1 {
		t.Fatalf("sealed choices %v", got)
	}
}
