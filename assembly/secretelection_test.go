package assembly

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// tok is a test token of 26 characters, distinct for each n.
func tok(n int) string { return fmt.Sprintf("TOKEN%021d", n) }

// sealedArgs is a close_election's args with the sealed ballots given.
func sealedArgs(election string, sealed ...SealedElectionBallot) string {
	b, _ := json.Marshal(CloseElection{Election: election, Sealed: sealed})
	return string(b)
}

// TestSecretElection: open_election with secret: true takes ballots
// under tokens, records that each voter voted (mandate and weight) and
// never the ballot, refuses a ballot without a token, a second one, one
// cast for another, one after the close; its close takes one sealed
// ballot per vote cast (a mandate of 3 votes: 3, under its unit tokens),
// each one the method takes, under distinct tokens, and records them in
// sealed_election_ballots after election_closed; the count is theirs.
// Refused at the opening: secret and encrypted both, as_stated, and a
// method whose ballots are published whole (ranked, approval, plurality
// for several seats) while a mandate entitled carries several votes.
func TestSecretElection(t *testing.T) {
	h := weightedFixture(t) // md-m1 carries 3 votes
	cands := `"candidates":["m7","m8","m9"]`
	h.refuseLike("ann", "open_election", `{"id":"e","title":"Board","seats":1,"method":"plurality",`+cands+`,"secret":true,`+encTrusteesArgs+`}`, ErrInvalid,
		"an election is secret (its ballots sealed by the server) or encrypted (in the voter's browser, counted by trustees), not both")
	h.refuseLike("ann", "open_election", `{"id":"e","title":"Board","seats":1,"method":"plurality",`+cands+`,"secret":true,"encrypted":true}`, ErrInvalid,
		"an election is secret (its ballots sealed by the server) or encrypted")
	h.refuseLike("ann", "open_election", `{"id":"e","title":"Board","seats":1,"method":"as_stated","secret":true}`, ErrInvalid,
		"the method as_stated takes no ballots, so its election cannot be secret")
	for _, m := range []string{"irv", "stv-scottish", "stv-meek", "stv-ers97", "schulze", "approval"} {
		h.refuseLike("ann", "open_election", `{"id":"e","title":"Board","seats":1,"method":"`+m+`",`+cands+`,"secret":true}`, ErrInvalid,
			"a secret election by "+m+" cannot be held while the mandate md-m1, entitled in it, carries 3 votes: each ballot enters the log whole, once per vote")
	}
	h.refuseLike("ann", "open_election", `{"id":"e","title":"Board","seats":2,"method":"plurality",`+cands+`,"secret":true}`, ErrInvalid,
		"a secret election by plurality cannot be held while the mandate md-m1")
	if len(h.s.Elections) != 0 {
		t.Fatal("a refused election was opened")
	}

	h.must("ann", "open_election", `{"id":"e","title":"Board","seats":1,"method":"plurality",`+cands+`,"secret":true}`)
	if !h.s.Elections["e"].Secret {
		t.Fatal("the election is not secret")
	}
	h.refuseLike("m2", "cast_election_ballot", `{"election":"e","voter":"m2","approve":["m7"]}`, ErrInvalid, "a secret ballot needs its token")
	h.refuseLike("ann", "cast_election_ballot", `{"election":"e","voter":"m2","approve":["m7"],"token":"`+tok(0)+`"}`, ErrForbidden, "ann cannot cast a ballot for m2; each voter casts their own")
	cast := map[string]string{"m1": "m9", "m2": "m7", "m3": "m7"}
	for i, p := range []string{"m1", "m2", "m3"} {
		n := len(h.events)
		h.must(p, "cast_election_ballot", fmt.Sprintf(`{"election":"e","voter":%q,"approve":[%q],"token":%q}`, p, cast[p], tok(i+1)))
		b, _ := EncodeEvent(h.events[n])
		if strings.Contains(string(b), cast[p]) || strings.Contains(string(b), tok(i+1)) {
			t.Fatalf("election_ballot_cast holds the ballot or the token: %s", b)
		}
	}
	if w := h.s.Elections["e"].Ballots[0].Weight; w != 3 {
		t.Fatalf("m1's ballot has the weight %d", w)
	}
	h.refuseLike("m2", "cast_election_ballot", `{"election":"e","voter":"m2","approve":["m8"],"token":"`+tok(9)+`"}`, ErrConflict, "the mandate md-m2 has already voted in e; there is no second ballot")
	h.refuseLike("m4", "nominate", `{"election":"e","person":"m4"}`, ErrConflict, "voting in e has begun; no more candidates")

	units := UnitTokens(tok(1), 3)
	good := []SealedElectionBallot{{Token: tok(2), Approve: []string{"m7"}}, {Token: units[0], Approve: []string{"m9"}}, {Token: tok(3), Approve: []string{"m7"}},
		{Token: units[2], Approve: []string{"m9"}}, {Token: units[1], Approve: []string{"m9"}}}
	h.refuseLike("ann", "close_election", sealedArgs("e", good[:4]...), ErrInvalid, "the sealed ballots (4) must number the votes cast (5)")
	twice := append([]SealedElectionBallot{}, good...)
	twice[4].Token = tok(2)
	h.refuseLike("ann", "close_election", sealedArgs("e", twice...), ErrInvalid, "is on two sealed ballots")
	other := append([]SealedElectionBallot{}, good...)
	other[0] = SealedElectionBallot{Token: tok(2), Approve: []string{"m4"}}
	h.refuseLike("ann", "close_election", sealedArgs("e", other...), ErrInvalid, "a sealed ballot of e is not one its method takes")
	ranked := append([]SealedElectionBallot{}, good...)
	ranked[0] = SealedElectionBallot{Token: tok(2), Ranking: []string{"m7"}}
	h.refuseLike("ann", "close_election", sealedArgs("e", ranked...), ErrInvalid, "a sealed ballot of e is not one its method takes")
	n := len(h.events)
	h.must("ann", "close_election", sealedArgs("e", good...))
	if len(h.events) != n+2 || h.events[n].EventType() != "election_closed" || h.events[n+1].EventType() != "sealed_election_ballots" {
		t.Fatalf("the close recorded %v", h.events[n:])
	}
	h.refuseLike("m4", "cast_election_ballot", `{"election":"e","voter":"m4","approve":["m8"],"token":"`+tok(8)+`"}`, ErrClosed, "the election e is closed; no ballot can be cast after it closes")
	h.must("ann", "declare_election", `{"election":"e"}`)
	el := h.s.Elections["e"]
	if strings.Join(el.Elected, ",") != "m9" || el.Arithmetic != "plurality, 3 ballots: m7 2, m8 0, m9 3; elected: m9" {
		t.Fatalf("elected %v: %q", el.Elected, el.Arithmetic)
	}

	// A plain election refuses a token and sealed ballots.
	h.must("ann", "open_election", `{"id":"p","title":"Auditor","seats":1,"method":"plurality",`+cands+`}`)
	h.refuseLike("m2", "cast_election_ballot", `{"election":"p","voter":"m2","approve":["m7"],"token":"`+tok(1)+`"}`, ErrInvalid, "only a ballot of a secret election has a token")
	h.refuseLike("ann", "close_election", sealedArgs("p", good[0]), ErrInvalid, "only a secret election has sealed ballots")
}

// TestSecretElectionMethods: a secret election by lists counts the
// sealed lists with a mandate's weight as several sealed votes; a ranked
// one opens where every mandate entitled carries one vote and counts
// the sealed rankings as a plain one counts the same ballots, refusing a
// ranking that names a candidate twice; a mandate of several votes is
// refused in it even where the rules came to weigh it after the opening.
func TestSecretElectionMethods(t *testing.T) {
	h := weightedFixture(t)
	h.must("ann", "open_election", `{"id":"l","title":"Council","seats":3,"method":"dhondt","secret":true,"lists":[{"id":"la","name":"A","candidates":["m7","m8"]},{"id":"lb","name":"B","candidates":["m9","m10"]}]}`)
	h.must("m1", "cast_election_ballot", `{"election":"l","voter":"m1","list":"lb","token":"`+tok(1)+`"}`)
	h.must("m2", "cast_election_ballot", `{"election":"l","voter":"m2","list":"la","token":"`+tok(2)+`"}`)
	var sealed []SealedElectionBallot
	for _, u := range UnitTokens(tok(1), 3) {
		sealed = append(sealed, SealedElectionBallot{Token: u, List: "lb"})
	}
	sealed = append(sealed, SealedElectionBallot{Token: tok(2), List: "la"})
	h.must("ann", "close_election", sealedArgs("l", sealed...))
	h.must("ann", "declare_election", `{"election":"l"}`)
	if got := strings.Join(h.s.Elections["l"].Elected, ","); got != "m7,m9,m10" {
		t.Fatalf("dhondt elected %s (%s)", got, h.s.Elections["l"].Arithmetic)
	}

	// Ranked, only mandates of one vote entitled; the same ballots by name
	// elect the same.
	for _, secret := range []bool{true, false} {
		id := fmt.Sprintf("r%v", secret)
		h.must("ann", "open_election", fmt.Sprintf(`{"id":%q,"title":"Chair","seats":1,"method":"irv","candidates":["m7","m8","m9"],"eligible":{"persons":["m2","m3","m4","m5","m6"]},"secret":%v}`, id, secret))
		rankings := map[string][]string{"m2": {"m7", "m8"}, "m3": {"m8", "m7"}, "m4": {"m9", "m8"}, "m5": {"m8"}, "m6": {"m7", "m9"}}
		var sealed []SealedElectionBallot
		for i, p := range []string{"m2", "m3", "m4", "m5", "m6"} {
			r, _ := json.Marshal(rankings[p])
			a := fmt.Sprintf(`{"election":%q,"voter":%q,"ranking":%s`, id, p, r)
			if secret {
				if i == 0 {
					h.refuseLike(p, "cast_election_ballot", fmt.Sprintf(`{"election":%q,"voter":%q,"ranking":["m7","m7"],"token":%q}`, id, p, tok(50)), ErrInvalid, `"m7" is named twice in the field "ranking"`)
				}
				a += fmt.Sprintf(`,"token":%q`, tok(10+i))
				sealed = append(sealed, SealedElectionBallot{Token: tok(10 + i), Ranking: rankings[p]})
			}
			h.must(p, "cast_election_ballot", a+"}")
		}
		if secret {
			h.refuseLike("m1", "cast_election_ballot", `{"election":"rtrue","voter":"m1","ranking":["m7"],"token":"`+tok(60)+`"}`, ErrForbidden, "the mandate md-m1 is not entitled to vote in rtrue")
			h.must("ann", "close_election", sealedArgs(id, sealed...))
		} else {
			h.must("ann", "close_election", `{"election":"rfalse"}`)
		}
		h.must("ann", "declare_election", `{"election":"`+id+`"}`)
	}
	if a, b := h.s.Elections["rtrue"], h.s.Elections["rfalse"]; strings.Join(a.Elected, ",") != strings.Join(b.Elected, ",") || a.Arithmetic != b.Arithmetic {
		t.Fatalf("secret %v %q, by name %v %q", a.Elected, a.Arithmetic, b.Elected, b.Arithmetic)
	}

	// The rules weigh the mandates after a ranked secret election opened
	// (a record made before set_rules refused that): m1's ballot is refused.
	w := weightedFixture(t)
	w.must("ann", "set_rules", `{"overrides":{"weighted_votes":false}}`)
	w.must("ann", "open_election", `{"id":"e","title":"Chair","seats":1,"method":"schulze","candidates":["m7","m8"],"secret":true}`)
	w.refuseLike("ann", "set_rules", `{"overrides":{"weighted_votes":true}}`, ErrConflict, "cannot be turned on or off while the election e is open")
	r := w.s.Assembly.Rules
	r.WeightedVotes = true
	w.inject(RulesSet{Meta: Meta{Assembly: "a1", Actor: "ann", At: w.clock}, Rules: r})
	w.refuseLike("m1", "cast_election_ballot", `{"election":"e","voter":"m1","ranking":["m7"],"token":"`+tok(1)+`"}`, ErrConflict,
		"the mandate md-m1 carries 3 votes, and the secret election e publishes each ballot whole once per vote, which would name the mandate")
	w.must("m2", "cast_election_ballot", `{"election":"e","voter":"m2","ranking":["m7"],"token":"`+tok(2)+`"}`)
}

// TestSecretElectionSealedInEntriesOfBoundedSize: a close of more sealed
// ballots than one entry carries records them in several
// sealed_election_ballots events of at most SealedElectionPerEntry each,
// all counted.
func TestSecretElectionSealedInEntriesOfBoundedSize(t *testing.T) {
	h := fixture(t, "congress", `{"weighted_votes":true}`)
	h.must("cara", "amend_mandate", `{"mandate":"md-m1","weight":450}`)
	h.must("cara", "verify_mandate", `{"mandate":"md-m1"}`)
	h.must("ann", "open_election", `{"id":"e","title":"Board","seats":1,"method":"plurality","candidates":["m7","m8"],"secret":true}`)
	h.must("m1", "cast_election_ballot", `{"election":"e","voter":"m1","approve":["m8"],"token":"`+tok(1)+`"}`)
	h.must("m2", "cast_election_ballot", `{"election":"e","voter":"m2","approve":["m7"],"token":"`+tok(2)+`"}`)
	sealed := []SealedElectionBallot{{Token: tok(2), Approve: []string{"m7"}}}
	for _, u := range UnitTokens(tok(1), 450) {
		sealed = append(sealed, SealedElectionBallot{Token: u, Approve: []string{"m8"}})
	}
	n := len(h.events)
	h.must("ann", "close_election", sealedArgs("e", sealed...))
	var sizes []int
	for _, e := range h.events[n+1:] {
		sizes = append(sizes, len(e.(ElectionBallotsSealed).Sealed))
	}
	if fmt.Sprint(sizes) != "[200 200 51]" {
		t.Fatalf("sealed in entries of %v", sizes)
	}
	h.must("ann", "declare_election", `{"election":"e"}`)
	if a := h.s.Elections["e"].Arithmetic; a != "plurality, 2 ballots: m7 1, m8 450; elected: m8" {
		t.Fatalf("arithmetic %q", a)
	}
	if got := len(h.s.Elections["e"].SealedEntries); got != 3 {
		t.Fatalf("%d sealed entries kept", got)
	}
}

// TestReplayRecountsASecretElection: replay (and so plenum verify)
// counts a secret election again from its sealed ballots and refuses a
// record whose sealed ballots were forged: a ballot changed (the
// declaration is no longer their count), one added, one dropped, a token
// repeated, a ballot the method does not take, a sealed entry before the
// close or of an election that is not secret.
func TestReplayRecountsASecretElection(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("ann", "open_election", `{"id":"e","title":"Board","seats":1,"method":"irv","candidates":["m7","m8","m9"],"secret":true}`)
	rankings := [][]string{{"m7", "m8"}, {"m8"}, {"m9", "m7"}, {"m7"}, {"m8", "m9"}}
	var sealed []SealedElectionBallot
	for i, r := range rankings {
		p := fmt.Sprintf("m%d", i+1)
		b, _ := json.Marshal(r)
		h.must(p, "cast_election_ballot", fmt.Sprintf(`{"election":"e","voter":%q,"ranking":%s,"token":%q}`, p, b, tok(i)))
		sealed = append(sealed, SealedElectionBallot{Token: tok(i), Ranking: r})
	}
	h.must("ann", "open_election", `{"id":"plain","title":"Auditor","seats":1,"method":"plurality","candidates":["m7","m8"]}`)
	h.must("ann", "close_election", sealedArgs("e", sealed...))
	h.must("ann", "declare_election", `{"election":"e"}`)
	if err := replayChanged(h.events, func(e Event) Event { return e }); err != nil {
		t.Fatalf("unchanged: %v", err)
	}
	forge := func(change func(sb *ElectionBallotsSealed)) func(Event) Event {
		return func(e Event) Event {
			if sb, ok := e.(ElectionBallotsSealed); ok {
				sb.Sealed = append([]SealedElectionBallot{}, sb.Sealed...)
				change(&sb)
				return sb
			}
			return e
		}
	}
	for name, c := range map[string]struct {
		change func(Event) Event
		want   string
	}{
		"a ballot changed": {forge(func(sb *ElectionBallotsSealed) {
			sb.Sealed[1] = SealedElectionBallot{Token: sb.Sealed[1].Token, Ranking: []string{"m9"}}
		}),
			"is not whom its ballots elect by irv"},
		"a ballot added": {forge(func(sb *ElectionBallotsSealed) {
			sb.Sealed = append(sb.Sealed, SealedElectionBallot{Token: tok(99), Ranking: []string{"m9"}})
		}), `the sealed ballots of the election "e" do not fit it`},
		"a ballot dropped":   {forge(func(sb *ElectionBallotsSealed) { sb.Sealed = sb.Sealed[1:] }), "the sealed ballots of e (4) do not number the votes cast (5)"},
		"a token repeated":   {forge(func(sb *ElectionBallotsSealed) { sb.Sealed[2].Token = sb.Sealed[0].Token }), `two sealed ballots of "e" carry one token`},
		"a ballot not taken": {forge(func(sb *ElectionBallotsSealed) { sb.Sealed[0].Ranking = []string{"m7", "m7"} }), `a sealed ballot of the election "e" is not one its method takes`},
		"sealed in a plain election": {forge(func(sb *ElectionBallotsSealed) { sb.Election = "plain" }),
			`the sealed ballots of the election "plain" do not fit it`},
		"the entries dropped, declared as stated": {func(e Event) Event {
			switch d := e.(type) {
			case ElectionBallotsSealed:
				return CandidateNominated{Meta: d.Meta, Election: "plain", Person: "m9"}
			case ElectionDeclared:
				d.Arithmetic = "elected as stated: Member 8"
				return d
			}
			return e
		}, "the sealed ballots of e (0) do not number the votes cast (5)"},
	} {
		err := replayChanged(h.events, c.change)
		if err == nil || CodeOf(err) != ErrCorrupt || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: replay says %v, want corrupt …%s…", name, err, c.want)
		}
	}
}

// TestSecretElectionWithdrawn: a secret election is withdrawn as any
// (with the assembly's consent once a ballot was cast), and its ballots
// are never sealed into the log.
func TestSecretElectionWithdrawn(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("ann", "open_election", `{"id":"e","title":"Board","seats":1,"method":"plurality","candidates":["m7","m8"],"secret":true}`)
	h.must("m1", "cast_election_ballot", `{"election":"e","voter":"m1","approve":["m8"],"token":"`+tok(1)+`"}`)
	h.refuseLike("ann", "withdraw_election", `{"election":"e","reason":"the wrong seats"}`, ErrConflict, "only with the assembly's consent")
	h.must("ann", "withdraw_election", `{"election":"e","reason":"the wrong seats","consent":"no objection"}`)
	h.refuseLike("ann", "close_election", sealedArgs("e", SealedElectionBallot{Token: tok(1), Approve: []string{"m8"}}), ErrClosed, "")
	for _, e := range h.events {
		if e.EventType() == "sealed_election_ballots" {
			t.Fatal("a withdrawn election's ballots were sealed into the log")
		}
	}
}
