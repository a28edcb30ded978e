package assembly

import (
	"encoding/json"
	"fmt"
	"sort"
	"testing"
	"time"

	"plenum/internal/enctest"
)

// TestMayCastAsProxyIsWhatTheBallotsAccept holds MayCastAsProxy, which the
// delegate's page asks to offer a proxy a ballot, to what cast_ballot,
// cast_election_ballot and cast_encrypted_ballot (in an encrypted vote and
// an encrypted election) accept with for_mandate: for every mandate and
// every person who does not hold it, with proxies carried by those in the
// hall and away, for holders in the hall and away, for a mandate not
// entitled and under rules with and without proxies, the predicate (with
// the holder away and the voter in the hall, which the commands ask too)
// is true exactly when the ballot is accepted.
func TestMayCastAsProxyIsWhatTheBallotsAccept(t *testing.T) {
	for _, c := range []struct {
		name, rules string
		want        int
	}{
		// m3 casts for md-m1 and md-m8, in the two votes and the two
		// elections.
		{"proxies allowed", `{"proxies_allowed":true,"max_proxies_per_delegate":2}`, 8},
		// and m5 for md-rep.
		{"consultative mandates vote", `{"proxies_allowed":true,"max_proxies_per_delegate":2,"consultative_may_vote":true}`, 12},
		{"no proxies", `{"proxies_allowed":false}`, 0},
	} {
		h := fixture(t, "congress", `{"proxies_allowed":true,"max_proxies_per_delegate":2}`)
		h.must("cara", "transfer_proxy", `{"mandate":"md-m1","to":"m3"}`)  // holder away, proxy here
		h.must("cara", "transfer_proxy", `{"mandate":"md-m2","to":"m4"}`)  // holder here
		h.must("cara", "transfer_proxy", `{"mandate":"md-rep","to":"m5"}`) // consultative
		h.must("cara", "transfer_proxy", `{"mandate":"md-m7","to":"m6"}`)  // proxy away
		h.must("cara", "transfer_proxy", `{"mandate":"md-m8","to":"m3"}`)  // a second one carried
		h.must("ben", "leave_hall", `{"persons":["m1","rep","m6","m7","m8"]}`)
		h.must("ann", "set_rules", `{"overrides":`+c.rules+`}`)
		h.must("ann", "open_vote", `{"id":"v","question":"Q","method":"roll_call"}`)
		h.must("ann", "open_election", `{"id":"e","title":"The auditors","seats":1,"method":"plurality","candidates":["m9","m10"]}`)
		openEncryptedVote(t, h, "ev", false)
		openEncryptedElection(t, h, "ee", `{"id":"ee","title":"The tellers","seats":1,"method":"plurality","candidates":["m9","m10"],`+encTrusteesArgs+`}`)
		if n := mayCastAsProxyAgrees(t, h, c.name); n != c.want {
			t.Errorf("%s: %d ballots for a carried mandate are accepted, want %d", c.name, n, c.want)
		}
	}
}

// mayCastAsProxyAgrees checks MayCastAsProxy against cast_ballot in the
// vote v, cast_election_ballot in the election e and cast_encrypted_ballot
// in the encrypted vote ev and the encrypted election ee of h, for every
// mandate and every person who does not hold it, and returns how many
// ballots were accepted.
func mayCastAsProxyAgrees(t *testing.T, h *harness, rules string) int {
	t.Helper()
	accepted := 0
	var mandates []string
	for id := range h.s.Mandates {
		mandates = append(mandates, id)
	}
	sort.Strings(mandates)
	ev, ee := h.s.Votes["ev"].Encrypted, h.s.Elections["ee"].Encrypted
	for _, id := range mandates {
		md := h.s.Mandates[id]
		// The encrypted ballots of the mandate, bound to it.
		evBallot := enctest.Ballot(t, *ev.Key, len(ev.Options), 0, id)
		eeBallot := enctest.Marks(t, *ee.Key, ee.Question(), []int{1, 0}, id)
		for voter := range h.s.Persons {
			if voter == md.Person {
				continue // for_mandate naming one's own mandate is one's own ballot
			}
			for _, c := range []struct {
				cmd, args string
				eligible  map[string]bool
			}{
				{"cast_ballot", fmt.Sprintf(`{"vote":"v","voter":%q,"choice":"for","for_mandate":%q}`, voter, id), h.s.Votes["v"].Eligible},
				{"cast_election_ballot", fmt.Sprintf(`{"election":"e","voter":%q,"approve":["m9"],"for_mandate":%q}`, voter, id), h.s.Elections["e"].Eligible},
				{"cast_encrypted_ballot", args("vote", "ev", "voter", voter, "for_mandate", id, "ballot", evBallot), h.s.Votes["ev"].Eligible},
				{"cast_encrypted_ballot", args("election", "ee", "voter", voter, "for_mandate", id, "ballot", eeBallot), h.s.Elections["ee"].Eligible},
			} {
				env := Envelope{Cmd: c.cmd, Actor: voter, At: h.clock.Add(time.Minute), Args: json.RawMessage(c.args)}
				cmd, err := ParseCommand(env)
				if err != nil {
					t.Fatal(err)
				}
				_, err = Decide(h.s, env.Meta(), cmd)
				want := h.s.MayCastAsProxy(voter, md, c.eligible) && !h.s.VotesFromWhere(md.Person) && h.s.VotesFromWhere(voter)
				if (err == nil) != want {
					t.Errorf("%s: %s by %s for %s: refusal %v, but MayCastAsProxy (holder away, voter here) says %v", rules, c.cmd, voter, id, err, want)
				}
				if err == nil {
					accepted++
				}
			}
		}
	}
	return accepted
}
