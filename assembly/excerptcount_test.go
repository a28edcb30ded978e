package assembly

import (
	"crypto/rand"
	"slices"
	"strings"
	"testing"

	"plenum/ballot"
	"plenum/internal/enctest"
)

// logged is the events as a certified excerpt holds them: each at its
// index (its place among events), with its payload, passed through
// change (nil: none) and left out where change returns nil.
func logged(t *testing.T, events []Event, change func(Event) Event) []LoggedEvent {
	t.Helper()
	var out []LoggedEvent
	for i, e := range events {
		if change != nil {
			if e = change(e); e == nil {
				continue
			}
		}
		b, err := EncodeEvent(e)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, LoggedEvent{Index: int64(i), Type: e.EventType(), Payload: b})
	}
	return out
}

// checked is CheckElections' answer for the election id, failing the
// test on an error.
func checked(t *testing.T, events []LoggedEvent, id string) *ElectionCheck {
	t.Helper()
	checks, err := CheckElections(events)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range checks {
		if c.Election == id {
			return c
		}
	}
	t.Fatalf("no check of %s among %d", id, len(checks))
	return nil
}

// TestCheckElectionsOfEveryKind: CheckElections counts each kind of
// election again from its ballots as the declaration did — plurality of
// two seats with a nomination and a body, by tendency (hare), D'Hondt
// with a count of 1 recorded in the singular or, as records made before
// 2026-12-06 hold it, in the plural, IRV over stages — and tells a
// declaration as stated without ballots, one as stated over ballots
// (whom it names checked, no count recorded) and a withdrawal apart.
func TestCheckElectionsOfEveryKind(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("ann", "open_election", `{"id":"e1","title":"Committee","body":"draft","seats":2,"method":"plurality","candidates":["m1","m2","m3"]}`)
	h.must("ann", "nominate", `{"election":"e1","person":"m4"}`)
	for p, a := range map[string]string{"m5": `["m1","m4"]`, "m6": `["m1","m3"]`, "m7": `["m4"]`, "m8": `["m2","m1"]`} {
		h.must(p, "cast_election_ballot", `{"election":"e1","voter":"`+p+`","approve":`+a+`}`)
	}
	h.must("ann", "close_election", `{"election":"e1","seed":7}`)
	h.must("ann", "declare_election", `{"election":"e1"}`)
	h.must("ann", "add_organization", `{"id":"def","name":"Defensists","kind":"tendency"}`)
	h.must("ann", "open_election", `{"id":"e2","title":"Conciliation","seats":4,"method":"by_tendency","lists":[{"id":"l-left","name":"Left","tendency":"left","candidates":["m1","m2","m3"]},{"id":"l-def","name":"Def","tendency":"def","candidates":["m9","m10"]}]}`)
	for p, list := range map[string]string{"m1": "l-left", "m2": "l-left", "m3": "l-left", "m4": "l-left", "m5": "l-left", "m6": "l-left", "m7": "l-def", "m8": "l-def", "m9": "l-def", "m10": "l-def"} {
		h.must(p, "cast_election_ballot", `{"election":"e2","voter":"`+p+`","list":"`+list+`"}`)
	}
	h.must("ann", "close_election", `{"election":"e2"}`)
	h.must("ann", "declare_election", `{"election":"e2"}`)
	h.must("ann", "open_election", `{"id":"e3","title":"Delegation","seats":1,"method":"dhondt","lists":[{"id":"la","name":"A","candidates":["m1","m2"]},{"id":"lb","name":"B","candidates":["m3"]}]}`)
	for p, list := range map[string]string{"m4": "la", "m5": "la", "m6": "la", "m7": "lb"} {
		h.must(p, "cast_election_ballot", `{"election":"e3","voter":"`+p+`","list":"`+list+`"}`)
	}
	h.must("ann", "close_election", `{"election":"e3"}`)
	h.must("ann", "declare_election", `{"election":"e3"}`)
	h.must("ann", "open_election", `{"id":"e4","title":"Chair","seats":1,"method":"irv","candidates":["m7","m8","m9"]}`)
	for p, r := range map[string]string{"m1": `["m7","m8"]`, "m2": `["m7"]`, "m3": `["m8","m7"]`, "m4": `["m8"]`, "m5": `["m9","m8"]`} {
		h.must(p, "cast_election_ballot", `{"election":"e4","voter":"`+p+`","ranking":`+r+`}`)
	}
	h.must("ann", "close_election", `{"election":"e4","seed":5}`)
	h.must("ann", "declare_election", `{"election":"e4"}`)
	h.must("ann", "open_election", `{"id":"e5","title":"Agrarian","seats":2,"method":"plurality"}`)
	h.must("ann", "close_election", `{"election":"e5"}`)
	h.must("ann", "declare_election", `{"election":"e5","elected":["m1","m2"]}`)
	h.must("ann", "open_election", `{"id":"e6","title":"Teller","seats":1,"method":"plurality","candidates":["m1","m2"]}`)
	h.must("m4", "cast_election_ballot", `{"election":"e6","voter":"m4","approve":["m2"]}`)
	h.must("ann", "close_election", `{"election":"e6"}`)
	h.must("ann", "declare_election", `{"election":"e6","elected":["m2"]}`)
	h.must("ann", "open_election", `{"id":"e7","title":"Wrong","seats":1,"method":"plurality","candidates":["m1","m2"]}`)
	h.must("m4", "cast_election_ballot", `{"election":"e7","voter":"m4","approve":["m2"]}`)
	h.must("ann", "withdraw_election", `{"election":"e7","reason":"the wrong seats","consent":"no objection"}`)
	events := logged(t, h.events, nil)

	for id, want := range map[string]string{"e1": "m1,m4", "e2": "m1,m2,m9,m10", "e3": "m1", "e4": "m8"} {
		c := checked(t, events, id)
		if c.Count == nil || strings.Join(c.Count.Elected, ",") != want || !c.Recorded || c.AsStated || c.Declared < 0 {
			t.Errorf("%s: %+v", id, c)
		}
	}
	if c := checked(t, events, "e1"); c.Nominated != 1 || c.Ballots != 4 || c.Weight != 4 {
		t.Errorf("e1: %d nominated, %d ballots, %d votes", c.Nominated, c.Ballots, c.Weight)
	}
	if c := checked(t, events, "e5"); !c.AsStated || c.Count != nil || strings.Join(c.Elected, ",") != "m1,m2" {
		t.Errorf("e5, as stated: %+v", c)
	}
	if c := checked(t, events, "e6"); c.AsStated || c.Recorded || c.Count == nil || strings.Join(c.Count.Elected, ",") != "m2" {
		t.Errorf("e6, as stated over a ballot: %+v", c)
	}
	if c := checked(t, events, "e7"); c.Withdrawn < 0 || c.Declared >= 0 {
		t.Errorf("e7, withdrawn: %+v", c)
	}

	// The arithmetic of a record made before a count of 1 was said in
	// the singular: "la 3 votes, 1 seats; lb 1 votes, 0 seats".
	plural := func(e Event) Event {
		if d, ok := e.(ElectionDeclared); ok && d.Election == "e3" {
			if d.Arithmetic != "dhondt: la 3 votes, 1 seat; lb 1 vote, 0 seats; elected: m1" {
				t.Fatalf("e3 recorded %q", d.Arithmetic)
			}
			d.Arithmetic = "dhondt: la 3 votes, 1 seats; lb 1 votes, 0 seats; elected: m1"
			return d
		}
		return e
	}
	if c := checked(t, logged(t, h.events, plural), "e3"); !c.Recorded {
		t.Errorf("the older plural: %+v", c)
	}
	// A total that only begins like the count's: "m1 3" is not "m1 33".
	longer := func(e Event) Event {
		if d, ok := e.(ElectionDeclared); ok && d.Election == "e1" {
			d.Arithmetic = strings.Replace(d.Arithmetic, "m4 2", "m4 21", 1)
			return d
		}
		return e
	}
	if _, err := CheckElections(logged(t, h.events, longer)); err == nil || !strings.Contains(err.Error(), `(election_declared): the count the declaration of the election "e1" records`) {
		t.Errorf("a total that begins like the count's: %v", err)
	}
}

// TestCheckElectionsOfAnEncryptedRankedElection: CheckElections checks
// an encrypted IRV election's shuffle and decrypted rankings and counts
// them again, electing whom the declaration names; an excerpt that
// leaves a ballot out is refused at the shuffle.
func TestCheckElectionsOfAnEncryptedRankedElection(t *testing.T) {
	h, c := encryptedElection(t, `{"id":"e","title":"Chair of the council","seats":1,"method":"irv","candidates":["m7","m8","m9"],`+encTrusteesArgs+`}`)
	castRankings(t, h, c, [][]int{{0, 1}, {0}, {1, 0}, {1}, {2, 1, 0}})
	h.must("ann", "close_election", `{"election":"e","seed":5}`)
	decryptElection(t, h, c)
	ch := checked(t, logged(t, h.events, nil), "e")
	if !ch.Ranked || !ch.Automatic || !ch.Recorded || ch.Count == nil || strings.Join(ch.Count.Elected, ",") != "m8" || ch.Count.Ballots != 5 ||
		!slices.Equal(ch.Names, []string{"kim", "ben"}) {
		t.Errorf("%+v %+v", ch, ch.Count)
	}
	dropped := false
	_, err := CheckElections(logged(t, h.events, func(e Event) Event {
		if _, ok := e.(EncryptedBallotCast); ok && !dropped {
			dropped = true
			return nil
		}
		return e
	}))
	if err == nil || !strings.Contains(err.Error(), `(encrypted_shuffled): the shuffle of the ranked ballots of "election e" does not verify`) {
		t.Errorf("a ballot left out: %v", err)
	}
}

// castRankings casts the encrypted ranked ballots rankings (options,
// 0-based, in order of preference) in the election e, the first as m1,
// the next as m2 and so on.
func castRankings(t *testing.T, h *harness, c *enctest.Ceremony, rankings [][]int) {
	t.Helper()
	q := h.s.Elections["e"].Encrypted.Question()
	for i, r := range rankings {
		voter := "m" + string(rune('1'+i))
		b, err := ballot.Encrypt(c.Key, q, "md-"+voter, r, rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		h.must(voter, "cast_encrypted_ballot", args("election", "e", "voter", voter, "ballot", enctest.Encode(t, b)))
	}
}
