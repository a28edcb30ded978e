package assembly

import (
	"crypto/rand"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"plenum/ballot"
	"plenum/internal/enctest"
)

// weightedFixture is the fixture under rules that weigh mandates, md-m1
// carrying 3 votes and every other mandate one.
func weightedFixture(t *testing.T) *harness {
	h := fixture(t, "congress", `{"weighted_votes":true}`)
	h.must("cara", "amend_mandate", `{"mandate":"md-m1","weight":3}`)
	h.must("cara", "verify_mandate", `{"mandate":"md-m1"}`)
	return h
}

// TestEncryptedRankedElectionRefusedUnderWeights: an encrypted ranked
// election is refused where a mandate entitled carries more than one
// vote, whatever the ranked method, since its decrypted rankings are
// published once per vote and would name the mandate; it opens where
// every mandate entitled carries one vote (the others left out, or the
// rules weighing none), and so do, under the weights, a plain ranked
// election (its ballots are named), encrypted elections counted by sums
// and encrypted and secret votes.
func TestEncryptedRankedElectionRefusedUnderWeights(t *testing.T) {
	h := weightedFixture(t)
	for _, method := range []string{"irv", "stv-scottish", "stv-meek", "stv-ers97", "schulze"} {
		h.refuseLike("ann", "open_election", `{"id":"e","title":"T","seats":1,"method":"`+method+`","candidates":["m7","m8","m9"],`+encTrusteesArgs+`}`, ErrInvalid,
			"an election by the ranked method "+method+" cannot be encrypted while the mandate md-m1, entitled in it, carries 3 votes: each decrypted ranking is published once per vote")
	}
	err := h.do("ann", "open_election", `{"id":"e","title":"T","seats":1,"method":"irv","candidates":["m7","m8","m9"],`+encTrusteesArgs+`}`)
	if e, ok := err.(*Error); !ok || e.Field != "encrypted" || !strings.Contains(e.Msg, "open the election without encryption") {
		t.Fatalf("refusal %#v", err)
	}
	if len(h.s.Elections) != 0 {
		t.Fatal("a refused election was opened")
	}
	// Only mandates of one vote entitled: it opens.
	h.must("ann", "open_election", `{"id":"e1","title":"T","seats":1,"method":"stv-scottish","candidates":["m7","m8","m9"],"eligible":{"persons":["m2","m3","m4","m5"]},`+encTrusteesArgs+`}`)
	// Under the weights: a plain ranked election, an encrypted one counted
	// by sums, an encrypted vote and a secret vote.
	h.must("ann", "open_election", `{"id":"e2","title":"T","seats":1,"method":"irv","candidates":["m7","m8","m9"]}`)
	h.must("ann", "open_election", `{"id":"e3","title":"T","seats":1,"method":"plurality","candidates":["m7","m8","m9"],`+encTrusteesArgs+`}`)
	h.must("ann", "open_election", `{"id":"e4","title":"T","seats":2,"method":"approval","candidates":["m7","m8","m9"],`+encTrusteesArgs+`}`)
	h.must("ann", "open_vote", `{"id":"v1","question":"Adopt the budget?","method":"encrypted","trustees":["kim","rep","ben"],"trustee_quorum":2}`)
	sv := weightedFixture(t)
	sv.must("ann", "open_vote", `{"id":"v2","question":"Adopt the plan?","method":"secret"}`)
	// Weighted rules where every mandate carries one vote: it opens.
	w := fixture(t, "congress", `{"weighted_votes":true}`)
	w.must("ann", "open_election", `{"id":"e","title":"T","seats":1,"method":"irv","candidates":["m7","m8","m9"],`+encTrusteesArgs+`}`)
}

// TestEncryptedRankedBallotOfSeveralVotesRefused: where the rules came to
// weigh the mandates while an encrypted ranked election was open (in a
// record made before set_rules refused it: weightsHeld), the ballot of a
// mandate of several votes is refused and one of one vote taken.
func TestEncryptedRankedBallotOfSeveralVotesRefused(t *testing.T) {
	h := weightedFixture(t)
	h.must("ann", "set_rules", `{"overrides":{"weighted_votes":false}}`)
	c := openEncryptedElection(t, h, "e", `{"id":"e","title":"T","seats":1,"method":"irv","candidates":["m7","m8","m9"],`+encTrusteesArgs+`}`)
	h.refuseLike("ann", "set_rules", `{"overrides":{"weighted_votes":true}}`, ErrConflict, "the rule that a mandate may carry several votes cannot be turned on or off while the election e is open")
	r := h.s.Assembly.Rules
	r.WeightedVotes = true
	h.inject(RulesSet{Meta: Meta{Assembly: "a1", Actor: "ann", At: h.clock}, Rules: r})
	q := h.s.Elections["e"].Encrypted.Question()
	ranked := func(voter string, r ...int) string {
		b, err := ballot.Encrypt(c.Key, q, "md-"+voter, r, rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		return args("election", "e", "voter", voter, "ballot", enctest.Encode(t, b))
	}
	h.refuseLike("m1", "cast_encrypted_ballot", ranked("m1", 0, 1), ErrConflict, "the mandate md-m1 carries 3 votes, and the encrypted ranked election e publishes each decrypted ranking once per vote")
	// The page asks the same rule before it offers the ballot.
	if err := h.s.EncryptedBallotRefusal("", "e", "m1", ""); CodeOf(err) != ErrConflict || !strings.Contains(err.Error(), "the mandate md-m1 carries 3 votes") {
		t.Fatalf("EncryptedBallotRefusal of m1: %v", err)
	}
	if err := h.s.EncryptedBallotRefusal("", "e", "m2", ""); err != nil {
		t.Fatalf("EncryptedBallotRefusal of m2: %v", err)
	}
	if err := h.s.EncryptedBallotRefusal("", "e", "outsider", ""); CodeOf(err) == "" {
		t.Fatal("EncryptedBallotRefusal takes the ballot of one without a mandate")
	}
	// Checked before the writer, m1's ballot is left unverified for
	// Decide to refuse; m2's is verified.
	read := func(fn func(*State)) { fn(h.s) }
	prechecked := func(voter string, r ...int) bool {
		var cmd CastEncryptedBallot
		if err := json.Unmarshal([]byte(ranked(voter, r...)), &cmd); err != nil {
			t.Fatal(err)
		}
		return cmd.Precheck(voter, read).checked != nil
	}
	if prechecked("m1", 0, 1) || !prechecked("m2", 1, 0) {
		t.Fatal("before the writer, the ballot of md-m1 (3 votes) was verified, or that of md-m2 (one vote) was not")
	}
	h.must("m2", "cast_encrypted_ballot", ranked("m2", 1, 0))
}

// inject records e, made by hand, as the harness records an event a
// command gives: a record that today's commands would not make.
func (h *harness) inject(e Event) {
	h.t.Helper()
	if err := h.s.Apply(e); err != nil {
		h.t.Fatalf("applying %s: %v", e.EventType(), err)
	}
	b, err := EncodeEvent(e)
	if err != nil {
		h.t.Fatal(err)
	}
	d, err := DecodeEvent(e.EventType(), b)
	if err == nil {
		err = h.replay.Apply(d)
	}
	if err != nil {
		h.t.Fatalf("replay %s: %v", e.EventType(), err)
	}
	h.events = append(h.events, e)
	if !reflect.DeepEqual(h.s, h.replay) {
		h.t.Fatalf("after %s the replayed state differs from the live one", e.EventType())
	}
}

// TestWeightedRankedElectionOfOldRecordReplays: a record made before
// encrypted ranked elections were refused under weights, holding one in
// which md-m1 carries 3 votes, is closed, decrypted and declared as it
// was, its ranking counted 3 times, and replays with every proof checked.
func TestWeightedRankedElectionOfOldRecordReplays(t *testing.T) {
	h := weightedFixture(t)
	cands := []string{"m7", "m8", "m9"}
	meta := func(actor string) Meta { return Meta{Assembly: "a1", Actor: actor, At: h.clock} }
	h.inject(ElectionOpened{Meta: meta("ann"), ID: "e", Title: "Chair of the council", Seats: 1, Method: "irv", Candidates: cands,
		Sitting: "s1", Eligible: h.s.eligibleRights(nil),
		Encrypted: &EncryptedSetup{Election: EncryptedElectionID("a1", "e"), Trustees: encTrustees, Quorum: 2, Options: cands, Ranked: true}})
	c := keyCeremony(t, h, "election", "e", h.s.Elections["e"].Encrypted)
	q := h.s.Elections["e"].Encrypted.Question()
	// m1 (3 votes) ranks m9 first, m2 and m3 rank m7, m4 and m5 m8: m9
	// wins 3 to 2 and 2.
	rankings := map[string][]int{"m1": {2, 0}, "m2": {0}, "m3": {0, 1}, "m4": {1}, "m5": {1, 2}}
	for _, voter := range []string{"m1", "m2", "m3", "m4", "m5"} {
		b, err := ballot.Encrypt(c.Key, q, "md-"+voter, rankings[voter], rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		bb := enctest.Encode(t, b)
		h.inject(EncryptedBallotCast{Meta: meta(voter), Election: "e", Voter: voter, Right: "md-" + voter, Weight: h.s.weight("md-" + voter), Tracker: Tracker(bb), Ballot: bb})
	}
	h.must("ann", "close_election", `{"election":"e","seed":5}`)
	decryptElection(t, h, c)
	el := h.s.Elections["e"]
	if el.Status != ElectionStatusDeclared || strings.Join(el.Elected, ",") != "m9" {
		t.Fatalf("status %s, elected %v (%s)", el.Status, el.Elected, el.Arithmetic)
	}
	n := 0
	for _, r := range el.Encrypted.Rankings {
		if slices.Equal(r, rankings["m1"]) {
			n++
		}
	}
	if len(el.Encrypted.Rankings) != 7 || n != 3 {
		t.Fatalf("rankings %v: want 7, m1's 3 times", el.Encrypted.Rankings)
	}
	if err := replayChanged(h.events, func(e Event) Event { return e }); err != nil {
		t.Fatal(err)
	}
}
