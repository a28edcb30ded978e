package assembly

import (
	"testing"
)

// TestRulesKeepWeightsWhileAnElectionIsOpen: while an election is open,
// set_rules may not turn weighted_votes on or off (nor a preset turn it
// off) where a mandate entitled in it has a weight other than 1, since
// the ballots cast before and after would count its votes differently;
// the refusal names the election and the mandate, and changes nothing.
// Other rules change; so does weighted_votes where no mandate entitled
// has another weight, and once the election is closed. A record that
// holds such a change replays.
func TestRulesKeepWeightsWhileAnElectionIsOpen(t *testing.T) {
	const election = `{"id":"e","title":"T","seats":1,"method":"plurality","candidates":["m7","m8","m9"]}`
	const msg = "the rule that a mandate may carry several votes cannot be turned on or off while the election e is open: the mandate md-m1, entitled in it, has the weight 3, and the ballots cast before the change and after it would count its votes differently; change the rule once the election is closed"
	unchanged := func(h *harness, weighted bool, events int) {
		t.Helper()
		if h.s.Assembly.Rules.WeightedVotes != weighted || len(h.events) != events {
			t.Fatalf("a refused set_rules changed the rules (weighted_votes %v) or the record (%d events, want %d)", h.s.Assembly.Rules.WeightedVotes, len(h.events), events)
		}
	}

	// Turned off, by the override or by a preset.
	h := weightedFixture(t)
	h.must("ann", "open_election", election)
	h.must("m1", "cast_election_ballot", `{"election":"e","voter":"m1","approve":["m7"]}`)
	n := len(h.events)
	h.refuse("ann", "set_rules", `{"overrides":{"weighted_votes":false}}`, ErrConflict, msg)
	unchanged(h, true, n)
	h.refuse("ann", "set_rules", `{"preset":"congress"}`, ErrConflict, msg)
	unchanged(h, true, n)
	// Neither may amend_mandate change md-m1's weight (entitledNow).
	h.refuse("cara", "amend_mandate", `{"mandate":"md-m1","weight":1}`, ErrConflict,
		"the mandate md-m1 cannot be changed while the election e, in which it is entitled, is open")
	// The other rules change, weighted_votes staying as it is.
	h.must("ann", "set_rules", `{"overrides":{"speaking_time_seconds":120,"weighted_votes":true}}`)
	h.must("ann", "close_election", `{"election":"e"}`)
	h.must("ann", "set_rules", `{"overrides":{"weighted_votes":false}}`)

	// Turned on, md-m1's weight given before it was turned off.
	h = weightedFixture(t)
	h.must("ann", "set_rules", `{"overrides":{"weighted_votes":false}}`)
	h.must("ann", "open_election", election)
	n = len(h.events)
	h.refuse("ann", "set_rules", `{"overrides":{"weighted_votes":true}}`, ErrConflict, msg)
	unchanged(h, false, n)
	// An election md-m1 is not entitled in does not hold the rule.
	h.must("ann", "close_election", `{"election":"e"}`)
	h.must("ann", "open_election", `{"id":"e2","title":"T","seats":1,"method":"plurality","candidates":["m7","m8","m9"],"eligible":{"persons":["m2","m3"]}}`)
	h.must("ann", "set_rules", `{"overrides":{"weighted_votes":true}}`)

	// Where every mandate entitled carries one vote, weighting changes
	// no count.
	w := fixture(t, "congress", `{"weighted_votes":true}`)
	w.must("ann", "open_election", election)
	w.must("ann", "set_rules", `{"overrides":{"weighted_votes":false}}`)

	// A record holding the change replays.
	h = weightedFixture(t)
	h.must("ann", "set_rules", `{"overrides":{"weighted_votes":false}}`)
	h.must("ann", "open_election", election)
	r := h.s.Assembly.Rules
	r.WeightedVotes = true
	h.inject(RulesSet{Meta: Meta{Assembly: "a1", Actor: "ann", At: h.clock}, Rules: r})
	h.must("m1", "cast_election_ballot", `{"election":"e","voter":"m1","approve":["m7"]}`)
	if b := h.s.Elections["e"].Ballots; len(b) != 1 || b[0].Weight != 3 {
		t.Fatalf("the ballot of md-m1 after the replayed change: %+v", b)
	}
}
