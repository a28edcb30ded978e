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
