package web_test

import (
	"html"
	"strings"
	"testing"
)

// TestConsoleSaysTheCountDoesNotDecide: a count of hands whose ranges
// leave the outcome open is said not to decide beside the console's next
// act (the big button only said "Close the vote"), until a count that
// decides is entered; the count form's field for the ballots says it is
// the record's "after … ballots", not the count's number ("Times counted"
// was read as that: "Second count, after two ballots").
func TestConsoleSaysTheCountDoesNotDecide(t *testing.T) {
	h := newHall(t)
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "show_of_hands"})
	h.must("chair", "enter_count", obj{"vote": "v1", "for": "1-2", "against": 1})
	chair := h.browser("chair")
	_, body, _ := chair.get("/a/coop/chair")
	page := html.UnescapeString(body)
	if !strings.Contains(page, "does not decide: count the hands again and enter the new count, or declare the outcome.") {
		t.Errorf("a count of 1–2 for, 1 against does not decide, and the console does not say so:\n%s", page)
	}
	if !strings.Contains(page, "“After … ballots”, where the record says so") || strings.Contains(page, "Times counted") {
		t.Errorf("the count form's ballots field is not the record's \"after … ballots\"")
	}
	h.must("chair", "enter_count", obj{"vote": "v1", "for": 2, "against": 1})
	if _, body, _ = chair.get("/a/coop/chair"); strings.Contains(html.UnescapeString(body), "does not decide: count the hands again") {
		t.Errorf("a count that decides is still said not to")
	}
}
