package assembly

import (
	"fmt"
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

// TestShortListGivesItsSeatToTheNext: a list that wins more seats than it
// has names keeps as many as it has; the seat it cannot fill goes to the
// next largest remainder (here the other list), and the count and the
// recorded arithmetic say so. Before, the declaration was refused ("the
// list l-int wins 3 seats but has 2 candidates") and the election could
// not be declared at all (REVIEW-CHAIR #3).
func TestShortListGivesItsSeatToTheNext(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("ann", "add_organization", `{"id":"def","name":"Defensists","kind":"tendency"}`)
	h.must("ann", "open_election", `{"id":"e","title":"Conciliation committee","body":"conc","seats":4,"method":"by_tendency","lists":[{"id":"l-int","name":"Internationalists","tendency":"left","candidates":["m1","m2"]},{"id":"l-def","name":"Defensists","tendency":"def","candidates":["m9","m10","m8"]}]}`)
	sevenToThree(h, "e", "l-int", "l-def")
	h.must("ann", "close_election", `{"election":"e"}`)
	c, err := h.s.ElectionCount("e")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Short) != 1 || c.Short[0] != (ShortList{List: "l-int", Won: 3, Candidates: 2}) || c.Unfilled != 0 {
		t.Fatalf("short %+v, unfilled %d", c.Short, c.Unfilled)
	}
	h.must("ann", "declare_election", `{"election":"e"}`)
	el := h.s.Elections["e"]
	if !reflect.DeepEqual(el.Elected, []string{"m1", "m2", "m9", "m10"}) {
		t.Fatalf("elected %v", el.Elected)
	}
	want := "hare: l-int 7 votes, 2 seats; l-def 3 votes, 2 seats; l-int wins 3 seats but has 2 candidates: 1 seat goes to the other lists by the next largest remainders; elected: m1, m2, m9, m10"
	if el.Arithmetic != want {
		t.Errorf("arithmetic\n got %s\nwant %s", el.Arithmetic, want)
	}
	// No list has names left for the fourth seat: it stays unfilled.
	h.must("ann", "open_election", `{"id":"e2","title":"Small committee","seats":4,"method":"dhondt","lists":[{"id":"a","name":"A","candidates":["m1","m2"]},{"id":"b","name":"B","candidates":["m9"]}]}`)
	sevenToThree(h, "e2", "a", "b")
	h.must("ann", "close_election", `{"election":"e2"}`)
	h.must("ann", "declare_election", `{"election":"e2"}`)
	el = h.s.Elections["e2"]
	want = "dhondt: a 7 votes, 2 seats; b 3 votes, 1 seat; a wins 3 seats but has 2 candidates: 1 seat goes to the other lists by the next highest quotients; 1 seat unfilled: no list has names left; elected: m1, m2, m9"
	if !reflect.DeepEqual(el.Elected, []string{"m1", "m2", "m9"}) || el.Arithmetic != want {
		t.Errorf("elected %v\n got %s\nwant %s", el.Elected, el.Arithmetic, want)
	}
}

// sevenToThree casts the ballots of m1..m7 for list a and of m8..m10 for
// list b in the election el.
func sevenToThree(h *harness, el, a, b string) {
	h.t.Helper()
	for i := 1; i <= 10; i++ {
		list := a
		if i > 7 {
			list = b
		}
		h.must(fmt.Sprintf("m%d", i), "cast_election_ballot", fmt.Sprintf(`{"election":%q,"voter":"m%d","list":%q}`, el, i, list))
	}
}
