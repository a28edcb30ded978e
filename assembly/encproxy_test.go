package assembly

import (
	"encoding/json"
	"maps"
	"slices"
	"testing"

	"plenum/internal/enctest"
)

// proxyFixture is the fixture under rules that allow proxies and weigh
// mandates: md-m1 (3 votes, its holder m1 away) and md-m5 are carried by
// m3, md-m2 (its holder m2 in the hall) by m4.
func proxyFixture(t *testing.T) *harness {
	h := fixture(t, "congress", `{"proxies_allowed":true,"max_proxies_per_delegate":2,"weighted_votes":true}`)
	h.must("cara", "amend_mandate", `{"mandate":"md-m1","weight":3}`)
	h.must("cara", "verify_mandate", `{"mandate":"md-m1"}`)
	h.must("cara", "transfer_proxy", `{"mandate":"md-m1","to":"m3"}`)
	h.must("cara", "transfer_proxy", `{"mandate":"md-m5","to":"m3"}`)
	h.must("cara", "transfer_proxy", `{"mandate":"md-m2","to":"m4"}`)
	h.must("ben", "leave_hall", `{"persons":["m1"]}`)
	return h
}

// decryptVote posts trustees 2 and 3's partial decryptions of the total of
// the encrypted vote v.
func decryptVote(t *testing.T, h *harness, c *enctest.Ceremony) {
	totals := h.s.Votes["v"].Encrypted.Tally.Totals
	h.must("rep", "post_partial_decryption", args("vote", "v", "decryption", c.Decrypt(t, 2, totals)))
	h.must("ben", "post_partial_decryption", args("vote", "v", "decryption", c.Decrypt(t, 3, totals)))
}

// eventKeys are the names of the fields of an event as the log holds it,
// its meta's included.
func eventKeys(t *testing.T, e Event) []string {
	t.Helper()
	b, err := EncodeEvent(e)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var meta map[string]json.RawMessage
	json.Unmarshal(m["meta"], &meta)
	keys := slices.Sorted(maps.Keys(m))
	for k := range meta {
		keys = append(keys, "meta."+k)
	}
	slices.Sort(keys)
	return keys
}

// TestEncryptedProxyBallot: a delegate who carries another's mandate as
// proxy casts its encrypted ballot beside their own (for_mandate), bound
// to the mandate, with its own proofs and tracker; the entry names no
// more than their own ballot's does; the ballot counts with the mandate's
// weight, as a plain proxy ballot does; the refusals are those of a plain
// proxy ballot, and each leaves the record as it was; the record replays
// with every proof checked, as plenum verify replays it.
func TestEncryptedProxyBallot(t *testing.T) {
	h := proxyFixture(t)
	c := openEncryptedVote(t, h, "v", false)
	k := c.Key
	cast := func(voter, forMandate, right string, option int) EncryptedBallotCast {
		t.Helper()
		b := enctest.Ballot(t, k, 3, option, right)
		h.must(voter, "cast_encrypted_ballot", args("vote", "v", "voter", voter, "for_mandate", forMandate, "ballot", b))
		e := h.events[len(h.events)-1].(EncryptedBallotCast)
		if e.Voter != voter || e.Right != right || e.Tracker != Tracker(b) || string(e.Ballot) != string(b) {
			t.Fatalf("the ballot of %s for %q is recorded as %+v", voter, forMandate, e)
		}
		return e
	}
	own := cast("m3", "", "md-m3", 0)
	proxy := cast("m3", "md-m1", "md-m1", 1)
	if own.Weight != 1 || proxy.Weight != 3 {
		t.Fatalf("weights: own %d, carried md-m1 %d; want 1 and the mandate's 3", own.Weight, proxy.Weight)
	}
	if own.Tracker == proxy.Tracker {
		t.Fatal("the proxy's two ballots have one tracker")
	}
	if ko, kp := eventKeys(t, own), eventKeys(t, proxy); !slices.Equal(ko, kp) {
		t.Fatalf("a proxy's ballot names %v, a voter's own %v", kp, ko)
	}
	cast("m5", "", "md-m5", 0)
	h.must("ben", "leave_hall", `{"persons":["m5"]}`)

	ballotFor := func(right string) []byte { return enctest.Ballot(t, k, 3, 2, right) }
	refuse := func(actor, voter, forMandate, right string, code Code, want string) {
		t.Helper()
		h.refuseLike(actor, "cast_encrypted_ballot", args("vote", "v", "voter", voter, "for_mandate", forMandate, "ballot", ballotFor(right)), code, want)
	}
	// A second ballot for the mandate.
	refuse("m3", "m3", "md-m1", "md-m1", ErrConflict, "the mandate md-m1 has already voted in v, and this vote allows no second ballot")
	// Its holder cast it before leaving the hall.
	refuse("m3", "m3", "md-m5", "md-m5", ErrConflict, "the mandate md-m5 has already voted in v, and this vote allows no second ballot")
	// Not carried: by a delegate, a teller, the chair.
	refuse("m6", "m6", "md-m1", "md-m1", ErrForbidden, "m6 does not carry the mandate md-m1")
	refuse("kim", "kim", "md-m1", "md-m1", ErrForbidden, "kim does not carry the mandate md-m1")
	refuse("ann", "ann", "md-m2", "md-m2", ErrForbidden, "ann does not carry the mandate md-m2")
	// The chair sending the proxy's ballot.
	refuse("ann", "m4", "md-m2", "md-m2", ErrForbidden, "ann cannot cast a ballot for m4; each voter casts their own")
	// Its holder is in the hall and votes themselves.
	refuse("m4", "m4", "md-m2", "md-m2", ErrConflict, "m2, who holds the mandate md-m2, is present and votes themselves")
	refuse("m4", "m4", "md-none", "md-none", ErrNotFound, `there is no mandate "md-none"`)
	h.must("ben", "leave_hall", `{"persons":["m2"]}`)
	// A ballot bound to the proxy's own mandate, cast for the carried one.
	refuse("m4", "m4", "md-m2", "md-m4", ErrInvalid, "(wrong-context)")
	// The carried mandate's ballot cast as one's own.
	refuse("m4", "m4", "", "md-m2", ErrInvalid, "(wrong-context)")
	cast("m4", "md-m2", "md-m2", 2)
	h.must("ann", "close_vote", `{"vote":"v"}`)
	refuse("m6", "m6", "md-m7", "md-m7", ErrClosed, "closed")
	h.must("ann", "transfer_proxy", `{"mandate":"md-m7","to":"m6"}`)
	refuse("m6", "m6", "md-m7", "md-m7", ErrClosed, "closed")

	ev := h.s.Votes["v"].Encrypted
	if ev.Tally.Ballots != 4 || ev.Tally.Weight != 6 {
		t.Fatalf("the total sums %d ballots of weight %d; want 4 of weight 6", ev.Tally.Ballots, ev.Tally.Weight)
	}
	decryptVote(t, h, c)
	if ev.Counts["for"] != 2 || ev.Counts["against"] != 3 || ev.Counts["abstain"] != 1 {
		t.Fatalf("counts %v; want 2 for (m3, m5), 3 against (md-m1 by proxy), 1 abstaining (md-m2 by proxy)", ev.Counts)
	}
	if v := h.s.Votes["v"]; v.Status != VoteStatusDeclared || v.Result.Outcome != MotionStatusDefeated {
		t.Fatalf("result %+v", v.Result)
	}
	if err := replayChanged(h.events, func(e Event) Event { return e }); err != nil {
		t.Fatalf("the record does not replay with its proofs checked: %v", err)
	}
}

// TestEncryptedProxyRevote: where a vote lets a voter cast a new ballot,
// a proxy replaces the ballot they cast for the mandate they carry, and
// only theirs: not the one its holder cast before leaving the hall, and
// the holder back in the hall does not replace the proxy's. Precheck does
// not verify what Decide refuses so.
func TestEncryptedProxyRevote(t *testing.T) {
	h := proxyFixture(t)
	c := openEncryptedVote(t, h, "v", true)
	k := c.Key
	castFor := func(voter, forMandate, right string, option int) CastEncryptedBallot {
		return CastEncryptedBallot{Vote: "v", Voter: voter, ForMandate: forMandate, Ballot: enctest.Ballot(t, k, 3, option, right)}
	}
	for _, b := range []CastEncryptedBallot{castFor("m3", "md-m1", "md-m1", 0), castFor("m3", "md-m1", "md-m1", 1), castFor("m2", "", "md-m2", 0)} {
		h.must(b.Voter, "cast_encrypted_ballot", args("vote", "v", "voter", b.Voter, "for_mandate", b.ForMandate, "ballot", b.Ballot))
	}
	h.must("ben", "leave_hall", `{"persons":["m2"]}`)
	h.must("ben", "return_to_hall", `{"persons":["m1"]}`)
	read := func(fn func(*State)) { fn(h.s) }
	for _, r := range []struct {
		cmd  CastEncryptedBallot
		want string
	}{
		{castFor("m4", "md-m2", "md-m2", 1), "the ballot of the mandate md-m2 in v was cast by m2, and a new ballot replaces only its caster's own"},
		{castFor("m1", "", "md-m1", 2), "the ballot of the mandate md-m1 in v was cast by m3, and a new ballot replaces only its caster's own"},
	} {
		if r.cmd.Precheck(r.cmd.Voter, read).checked != nil {
			t.Errorf("%s's ballot for %s was verified before Decide refuses it", r.cmd.Voter, r.cmd.ForMandate)
		}
		h.refuseLike(r.cmd.Voter, "cast_encrypted_ballot", args("vote", "v", "voter", r.cmd.Voter, "for_mandate", r.cmd.ForMandate, "ballot", r.cmd.Ballot), ErrConflict, r.want)
	}
	h.must("ann", "close_vote", `{"vote":"v"}`)
	ev := h.s.Votes["v"].Encrypted
	if len(ev.Cast) != 3 || ev.Tally.Ballots != 2 || ev.Tally.Weight != 4 {
		t.Fatalf("%d cast, %d counted of weight %d; want 3, 2 and 4", len(ev.Cast), ev.Tally.Ballots, ev.Tally.Weight)
	}
	decryptVote(t, h, c)
	if ev.Counts["for"] != 1 || ev.Counts["against"] != 3 || ev.Counts["abstain"] != 0 {
		t.Fatalf("counts %v; want the proxy's last ballot for md-m1 (3 against) and m2's own (1 for)", ev.Counts)
	}
}

// TestEncryptedProxyElection: a proxy casts the encrypted ballot of the
// mandate they carry in an encrypted election too, counted with its
// weight.
func TestEncryptedProxyElection(t *testing.T) {
	h := proxyFixture(t)
	c := openEncryptedElection(t, h, "e", `{"id":"e","title":"The auditors","seats":1,"method":"plurality","candidates":["m9","m10"],`+encTrusteesArgs+`}`)
	q := h.s.Elections["e"].Encrypted.Question()
	h.must("m3", "cast_encrypted_ballot", args("election", "e", "voter", "m3", "ballot", enctest.Marks(t, c.Key, q, []int{1, 0}, "md-m3")))
	h.must("m3", "cast_encrypted_ballot", args("election", "e", "voter", "m3", "for_mandate", "md-m1", "ballot", enctest.Marks(t, c.Key, q, []int{0, 1}, "md-m1")))
	h.must("m4", "cast_encrypted_ballot", args("election", "e", "voter", "m4", "ballot", enctest.Marks(t, c.Key, q, []int{1, 0}, "md-m4")))
	h.refuseLike("m3", "cast_encrypted_ballot", args("election", "e", "voter", "m3", "for_mandate", "md-m1", "ballot", enctest.Marks(t, c.Key, q, []int{1, 0}, "md-m1")), ErrConflict, "the mandate md-m1 has already voted in the election e, which allows no second ballot")
	h.must("ann", "close_election", `{"election":"e"}`)
	decryptElection(t, h, c)
	el := h.s.Elections["e"]
	if ev := el.Encrypted; ev.Counts["m9"] != 2 || ev.Counts["m10"] != 3 {
		t.Fatalf("counts %v; want m9 2 (m3, m4), m10 3 (md-m1 by proxy)", ev.Counts)
	}
	if el.Status != ElectionStatusDeclared || !slices.Equal(el.Elected, []string{"m10"}) {
		t.Fatalf("%s, elected %v", el.Status, el.Elected)
	}
}
