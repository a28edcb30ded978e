package assembly

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// weightedSecretVote casts a secret vote in which guest holds a mandate
// of weight 3 and m1, m2 and m3 one vote each, seals it under seal (the
// scheme that gives a ballot's tokens) and closes it. It returns the
// harness, the ballots' tokens by voter and the sealed votes as the log
// has them.
func weightedSecretVote(t *testing.T, seal func(token string, weight int) []string) (*harness, map[string]string, []SealedChoice) {
	t.Helper()
	h := fixture(t, "congress", `{"weighted_votes":true}`)
	h.must("cara", "submit_mandate", `{"id":"md-w","person":"guest","organization":"org","kind":"decisive","weight":3}`)
	h.must("cara", "verify_mandate", `{"mandate":"md-w"}`)
	h.must("guest", "check_in", `{"person":"guest"}`)
	h.must("ann", "open_vote", `{"id":"s","question":"Q","method":"secret"}`)
	tokens := map[string]string{"guest": "GUESTTOKENABCDEFGHIJKLMNOP", "m1": "MONETOKENABCDEFGHIJKLMNOPQ", "m2": "MTWOTOKENABCDEFGHIJKLMNOPQ", "m3": "MTHREETOKENABCDEFGHIJKLMNO"}
	choices := map[string]string{"guest": "for", "m1": "against", "m2": "for", "m3": "against"}
	weights := map[string]int{"guest": 3, "m1": 1, "m2": 1, "m3": 1}
	var sealed []SealedChoice
	for _, p := range []string{"guest", "m1", "m2", "m3"} {
		h.must(p, "cast_ballot", fmt.Sprintf(`{"vote":"s","voter":%q,"choice":%q,"token":%q}`, p, choices[p], tokens[p]))
		for _, tok := range seal(tokens[p], weights[p]) {
			sealed = append(sealed, SealedChoice{Token: tok, Choice: choices[p]})
		}
	}
	// The order the server's shuffle would give: the weighted ballot's
	// votes apart.
	sealed[0], sealed[4] = sealed[4], sealed[0]
	args, _ := json.Marshal(CloseVote{Vote: "s", Sealed: sealed})
	h.must("ann", "close_vote", string(args))
	var public []SealedChoice
	for _, e := range h.events {
		if sb, ok := e.(SealedBallots); ok && sb.Vote == "s" {
			public = append(public, sb.Sealed...)
		}
	}
	return h, tokens, public
}

// TestWeightedSecretUnitsUnlinkable is the reviewer's attack (link.py) on
// the public record: the weights are in ballot_cast, the sealed votes in
// sealed_ballots. Deriving, from every published token, the units a
// ballot under that token would carry, under the earlier scheme
// (SHA-256(token+"/"+n)) and under the present one, finds none of the
// other published tokens: the three votes of the mandate of weight 3, the
// only one, cannot be grouped, so its holder's choice is not known.
func TestWeightedSecretUnitsUnlinkable(t *testing.T) {
	h, tokens, public := weightedSecretVote(t, UnitTokens)
	var weights []int
	for _, b := range h.s.Votes["s"].Ballots {
		weights = append(weights, b.Weight)
	}
	if fmt.Sprint(weights) != "[3 1 1 1]" || len(public) != 6 {
		t.Fatalf("weights %v, %d sealed", weights, len(public))
	}
	published := map[string]bool{}
	for _, sc := range public {
		published[sc.Token] = true
	}
	for _, sc := range public {
		for n := 1; n <= 2*len(public); n++ {
			for _, d := range []string{linkedUnitToken(sc.Token, n), unitToken(sc.Token, n)} {
				if d != sc.Token && published[d] {
					t.Fatalf("from the published token %s anybody derives the published %s (n=%d): the votes of one ballot are linked", sc.Token, d, n)
				}
			}
		}
	}
	// The weighted ballot's own token is not in the record at all.
	if published[tokens["guest"]] {
		t.Fatal("the token of the weighted ballot is published")
	}
	// A ballot of weight 1 enters under its token, as before.
	for _, p := range []string{"m1", "m2", "m3"} {
		if !published[tokens[p]] {
			t.Fatalf("the ballot of %s is not under its token", p)
		}
	}
	// Every unit token has the shape of a token plenum makes.
	for tok := range published {
		if len(tok) != 26 || strings.Trim(tok, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") != "" {
			t.Fatalf("token %q is not 26 characters of base32", tok)
		}
	}
}

// TestBallotUnitsFindsEveryVote: the voter, who holds the token, finds
// every vote of their weighted ballot, under the present scheme and
// under the linked one of records sealed before it, all of a vote's
// sealed votes given (upTo 0) or one entry's part of them (upTo > 0); a
// token of nobody's finds nothing.
func TestBallotUnitsFindsEveryVote(t *testing.T) {
	for name, seal := range map[string]func(string, int) []string{"unlinked": UnitTokens, "linked": LinkedUnitTokens} {
		t.Run(name, func(t *testing.T) {
			h, tokens, public := weightedSecretVote(t, seal)
			h.must("ann", "declare_result", `{"vote":"s"}`)
			if r := h.s.Votes["s"].Result; r.Arithmetic != "4 for, 2 against, 6 cast; 4 needed; carried" {
				t.Fatalf("result %q", r.Arithmetic)
			}
			sealed := func(part []SealedChoice) func(string) bool {
				return func(tok string) bool {
					for _, sc := range part {
						if sc.Token == tok {
							return true
						}
					}
					return false
				}
			}
			want := seal(tokens["guest"], 3)
			if got := BallotUnits(tokens["guest"], sealed(public), 0); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("units %v, want %v", got, want)
			}
			// An entry holding the ballot's last vote and not the others.
			part := []SealedChoice{{Token: want[2], Choice: "for"}, {Token: tokens["m1"], Choice: "against"}}
			if got := BallotUnits(tokens["guest"], sealed(part), 64); fmt.Sprint(got) != fmt.Sprint(want[2:]) {
				t.Fatalf("units in a part %v, want %v", got, want[2:])
			}
			if got := BallotUnits(tokens["m1"], sealed(public), 0); fmt.Sprint(got) != fmt.Sprint([]string{tokens["m1"]}) {
				t.Fatalf("units of a ballot of weight 1: %v", got)
			}
			if got := BallotUnits("NOBODYSTOKENABCDEFGHIJKLMN", sealed(public), 64); got != nil {
				t.Fatalf("units of no ballot: %v", got)
			}
		})
	}
}

// TestSealedTokenTwiceIsCorrupt: a record in which two sealed votes of
// one vote carry one token does not replay (nor pass plenum verify, which
// replays it), whether they are in one sealed_ballots event or in two: a
// token names one sealed vote, so that a receipt is one voter's alone.
// Close_vote refuses such sealed ballots too; bare choices of records
// written before ballots had tokens still replay.
func TestSealedTokenTwiceIsCorrupt(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("ann", "open_vote", `{"id":"s","question":"Q","method":"secret"}`)
	h.must("m1", "cast_ballot", `{"vote":"s","voter":"m1","choice":"for","token":"MONETOKENABCDEFGHIJKLMNOPQ"}`)
	h.must("m2", "cast_ballot", `{"vote":"s","voter":"m2","choice":"for","token":"MTWOTOKENABCDEFGHIJKLMNOPQ"}`)
	h.refuse("ann", "close_vote", `{"vote":"s","sealed":[{"token":"MONETOKENABCDEFGHIJKLMNOPQ","choice":"for"},{"token":"MONETOKENABCDEFGHIJKLMNOPQ","choice":"for"}]}`, ErrInvalid, "the token MONETOKENABCDEFGHIJKLMNOPQ is on two sealed ballots")
	m := Meta{Assembly: h.s.Assembly.ID, Actor: "ann", At: h.clock}
	one := SealedChoice{Token: "MONETOKENABCDEFGHIJKLMNOPQ", Choice: "for"}
	forged := SealedChoice{Token: "FORGEDTOKENABCDEFGHIJKLMNO", Choice: "against"}
	for name, evs := range map[string][]Event{
		"one event":   {VoteClosed{Meta: m, Vote: "s"}, SealedBallots{Meta: m, Vote: "s", Sealed: []SealedChoice{one, one}}},
		"two events":  {VoteClosed{Meta: m, Vote: "s"}, SealedBallots{Meta: m, Vote: "s", Sealed: []SealedChoice{one}}, SealedBallots{Meta: m, Vote: "s", Sealed: []SealedChoice{one}}},
		"vote_closed": {VoteClosed{Meta: m, Vote: "s", Sealed: []SealedChoice{one, one}}},
	} {
		s := replayed(t, h.events)
		var err error
		for _, e := range evs {
			if err = s.Apply(e); err != nil {
				break
			}
		}
		if CodeOf(err) != ErrCorrupt || !strings.Contains(err.Error(), "two sealed ballots") {
			t.Fatalf("%s: %v, want corrupt", name, err)
		}
	}
	// Distinct tokens replay, and so do the bare choices of records
	// written before ballots had tokens.
	for name, evs := range map[string][]Event{
		"tokens":    {VoteClosed{Meta: m, Vote: "s"}, SealedBallots{Meta: m, Vote: "s", Sealed: []SealedChoice{one}}, SealedBallots{Meta: m, Vote: "s", Sealed: []SealedChoice{forged}}},
		"no tokens": {VoteClosed{Meta: m, Vote: "s", Sealed: []SealedChoice{{Choice: "for"}, {Choice: "for"}}}},
	} {
		s := replayed(t, h.events)
		for _, e := range evs {
			if err := s.Apply(e); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
	}
}
