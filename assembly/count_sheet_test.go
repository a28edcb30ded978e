package assembly

import (
	"reflect"
	"testing"
)

func TestElectionCount(t *testing.T) {
	h := fixture(t, "congress", "")
	h.refuse("ann", "open_election", `{"id":"e1","title":"Presidium","seats":2,"method":"stv-scottish","candidates":["m1","m2","m3"],"body":"Presidium"}`, ErrInvalid, `open_election: "Presidium" in the field "body" is not a valid id: 'P' is not allowed; use lower case letters, digits, '-' and '_'`)
	h.must("ann", "open_election", `{"id":"e1","title":"Presidium","seats":2,"method":"stv-scottish","candidates":["m1","m2","m3"]}`)
	if _, err := h.s.ElectionCount("e1"); err == nil || err.Error() != "the election e1 is still open; it is counted when it closes" {
		t.Fatalf("open: %v", err)
	}
	ballots := map[string]string{"m4": `["m1","m2"]`, "m5": `["m1","m3"]`, "m6": `["m1","m2"]`, "m7": `["m2","m1"]`, "m8": `["m3","m2"]`, "m9": `["m2","m3"]`, "m10": `["m1","m3"]`}
	for _, p := range []string{"m4", "m5", "m6", "m7", "m8", "m9", "m10"} {
		h.must(p, "cast_election_ballot", `{"election":"e1","voter":"`+p+`","ranking":`+ballots[p]+`}`)
	}
	h.must("ann", "close_election", `{"election":"e1","seed":1}`)
	h.must("ann", "declare_election", `{"election":"e1"}`)
	c, err := h.s.ElectionCount("e1")
	if err != nil {
		t.Fatal(err)
	}
	want := []Votes{{ID: "m1", Votes: "4"}, {ID: "m2", Votes: "2"}, {ID: "m3", Votes: "1"}}
	if c.Method != "stv-scottish" || c.Ballots != 7 || c.Quota != "3" || !reflect.DeepEqual(c.First, want) || !reflect.DeepEqual(c.Elected, []string{"m1", "m2"}) || c.Stages < 2 {
		t.Fatalf("count %+v", c)
	}
	// The count sheet and the recorded arithmetic agree.
	if el := h.s.Elections["e1"]; !reflect.DeepEqual(el.Elected, c.Elected) {
		t.Fatalf("recorded %v, counted %v", el.Elected, c.Elected)
	}
	// As stated: nothing to count.
	h.must("ann", "open_election", `{"id":"e2","title":"Tellers","seats":1,"method":"as_stated"}`)
	h.must("ann", "close_election", `{"election":"e2"}`)
	if _, err := h.s.ElectionCount("e2"); err == nil || err.Error() != "the election e2 has no ballots to count; its result is as stated" {
		t.Fatalf("as stated: %v", err)
	}
	if _, err := h.s.ElectionCount("e9"); CodeOf(err) != ErrNotFound {
		t.Fatalf("unknown: %v", err)
	}
}

// TestRecordedArithmeticAgreesAtOne: the arithmetic declare_election
// records, which the English minutes print as it stands, says a count of
// 1 in the singular ("1 seat", "1 vote", "1 ballot") and any other count
// in the plural.
func TestRecordedArithmeticAgreesAtOne(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("ann", "open_election", `{"id":"e1","title":"Delegation","seats":1,"method":"dhondt","lists":[{"id":"la","name":"A","candidates":["m1","m2"]},{"id":"lb","name":"B","candidates":["m3"]}]}`)
	for p, list := range map[string]string{"m4": "la", "m5": "la", "m6": "la", "m7": "lb"} {
		h.must(p, "cast_election_ballot", `{"election":"e1","voter":"`+p+`","list":"`+list+`"}`)
	}
	h.must("ann", "close_election", `{"election":"e1"}`)
	h.must("ann", "declare_election", `{"election":"e1"}`)
	if got, want := h.s.Elections["e1"].Arithmetic, "dhondt: la 3 votes, 1 seat; lb 1 vote, 0 seats; elected: m1"; got != want {
		t.Errorf("lists:\n got %q\nwant %q", got, want)
	}
	h.must("ann", "open_election", `{"id":"e2","title":"Teller","seats":1,"method":"plurality","candidates":["m1","m2"]}`)
	h.must("m4", "cast_election_ballot", `{"election":"e2","voter":"m4","approve":["m2"]}`)
	h.must("ann", "close_election", `{"election":"e2"}`)
	h.must("ann", "declare_election", `{"election":"e2"}`)
	if got, want := h.s.Elections["e2"].Arithmetic, "plurality, 1 ballot: m1 0, m2 1; elected: m2"; got != want {
		t.Errorf("one ballot:\n got %q\nwant %q", got, want)
	}
}
