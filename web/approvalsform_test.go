package web_test

import (
	"html"
	"net/url"
	"strings"
	"testing"

	"plenum/assembly"
)

// TestChairFormLimitsApprovals: the chair's form that opens an election
// offers open_election's approvals (the most names an approval ballot
// may mark), which only the API could set before (an organiser who wanted
// "at most as many names as seats" found no way in the form). The limit
// reaches the election, the chair's console and the delegate's ballot
// say it, a ballot over it is refused, and the field given with another
// method is refused with nothing opened.
func TestChairFormLimitsApprovals(t *testing.T) {
	h := newHall(t)
	for _, p := range []string{"ivan", "olga", "pavel"} {
		h.must("admin", "add_person", obj{"id": p, "name": strings.ToUpper(p[:1]) + p[1:]})
	}
	chair := h.browser("chair")
	_, body, _ := chair.get("/a/coop/chair/elections")
	if !strings.Contains(body, `<label for="el-approvals">Approval election: most names a ballot may mark</label><input id="el-approvals" name="a:approvals:int"`) {
		t.Fatalf("the election form offers no limit of approvals")
	}

	// With another method the limit is refused, and no election is opened.
	chair.act("chair", "open_election", url.Values{"new:id": {"e"}, "a:title": {"The board"}, "a:seats:int": {"2"}, "a:method": {"plurality"},
		"a:approvals:int": {"2"}, "a:candidates:list": {"ivan", "olga", "pavel"}})
	_, body, _ = chair.get("/a/coop/chair/elections")
	if !strings.Contains(html.UnescapeString(body), "Refused: Approvals is the most candidates a ballot approves, for the method approval, not plurality.") {
		t.Errorf("approvals with plurality is not refused in words: %s", flashOf(html.UnescapeString(body)))
	}
	if n := read(h, func(s *assembly.State) int { return len(s.Elections) }); n != 0 {
		t.Fatalf("a refused election form opened %d elections", n)
	}

	chair.act("chair", "open_election", url.Values{"new:id": {"e"}, "a:title": {"The board"}, "a:seats:int": {"2"}, "a:method": {"approval"},
		"a:approvals:int": {"2"}, "a:candidates:list": {"ivan", "olga", "pavel"}})
	el := read(h, func(s *assembly.State) *assembly.Election { return s.Elections["e1"] })
	if el == nil || el.Method != "approval" || el.Approvals != 2 {
		t.Fatalf("the approval election as opened: %+v", el)
	}
	if _, body, _ := chair.get("/a/coop/chair/elections"); !strings.Contains(body, "2 seats; approval (up to 2 names)") {
		t.Errorf("the chair's console does not say the limit")
	}
	anna := h.browser("anna")
	if _, body, _ := anna.get("/a/coop/delegate"); !strings.Contains(body, "approval (up to 2 names)") {
		t.Errorf("the delegate's ballot does not say the limit")
	}
	body = anna.draft(url.Values{"step": {"check"}, "election": {"e1"}, "a:approve:list": {"ivan", "olga", "pavel"}})
	anna.act("delegate", "cast_election_ballot", confirmFields(body))
	if _, body, _ := anna.get("/a/coop/delegate"); !strings.Contains(body, "approves at most 2 candidates, not 3") {
		t.Errorf("three names where two are allowed: %s", flashOf(body))
	}
	if n := read(h, func(s *assembly.State) int { return len(s.Elections["e1"].Ballots) }); n != 0 {
		t.Errorf("a refused ballot was counted: %d ballots", n)
	}
}
