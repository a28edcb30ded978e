package web_test

import (
	"context"
	"html"
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/web"
)

// TestConsoleCountsWeightedVotes: under rules that weigh mandates, the
// chair's console counts the votes the open ballots carry, as the result
// declared counts them, and says so, with the ballots beside each count:
// Anna For, Boris (2 votes) For, Greta and Eva Against, Clara Abstain
// read "votes: For 3 (2 ballots), Against 2 (2 ballots), Abstain 1 (1
// ballot)", and the result is 3 for, 2 against. A vote of single
// mandates reads as it did (TestConsoleCountFollowsTheHall).
func TestConsoleCountsWeightedVotes(t *testing.T) {
	h := newWeightedSitting(t, []weighted{{"anna", "Anna", 0}, {"boris", "Boris", 2}, {"greta", "Greta", 0}, {"eva", "Eva", 0}, {"clara", "Clara", 0}}, "chair")
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	for who, choice := range map[string]string{"anna": "for", "boris": "for", "greta": "against", "eva": "against", "clara": "abstain"} {
		h.must(who, "cast_ballot", obj{"vote": "v1", "voter": who, "choice": choice})
	}
	const at = `<p class="meta count-line">`
	_, body, _ := h.browser("chair").get("/a/" + asm + "/chair?fragment=live")
	i := strings.Index(body, at)
	if i < 0 {
		t.Fatalf("no count on the console:\n%s", body)
	}
	rest := body[i+len(at):]
	want := "5 of 5 voted · 5 of 5 present now · votes: For 3 (2 ballots), Against 2 (2 ballots), Abstain 1 (1 ballot)"
	if got := html.UnescapeString(rest[:strings.Index(rest, "</p>")]); got != want {
		t.Errorf("console: %q, want %q", got, want)
	}
	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "declare_result", obj{"vote": "v1"})
	res := read(h, func(s *assembly.State) assembly.Result { return *s.Votes["v1"].Result })
	if res.ByChoice["for"] != 3 || res.ByChoice["against"] != 2 || res.Outcome != "carried" {
		t.Errorf("the result declared: %+v, want 3 for, 2 against, carried", res)
	}
}

// weighted is a delegate of newWeightedSitting: id, name and the weight of
// the mandate (0: one vote).
type weighted struct {
	id, name string
	weight   int
}

// newWeightedSitting is a hall under rules that weigh mandates: the chair,
// the mandate commission and the delegates given, their mandates verified
// and all checked in, a sitting open on the item i1 with the motion m1
// before it; those named in login can log in.
func newWeightedSitting(t *testing.T, people []weighted, login ...string) *hall {
	h := newEmptyHallWith(t, web.Options{BaseURL: hallBaseURL}, nil)
	h.must("admin", "create_assembly", obj{"id": asm, "name": "Weighted congress", "starts": "2026-05-09", "rules": "congress",
		"overrides": obj{"weighted_votes": true}})
	h.must("admin", "add_organization", obj{"id": "members", "name": "The members", "kind": "delegating"})
	h.must("admin", "add_person", obj{"id": "chair", "name": "Vera Chair"})
	h.must("admin", "add_person", obj{"id": "mc", "name": "Misha Commission"})
	h.must("admin", "grant_role", obj{"person": "chair", "role": "chair"})
	h.must("admin", "grant_role", obj{"person": "mc", "role": "mandate_commission"})
	for _, p := range people {
		h.must("admin", "add_person", obj{"id": p.id, "name": p.name})
		h.must("admin", "submit_mandate", obj{"id": "m-" + p.id, "person": p.id, "organization": "members", "kind": "decisive", "weight": p.weight})
		h.must("mc", "verify_mandate", obj{"mandate": "m-" + p.id})
		h.must(p.id, "check_in", obj{"person": p.id})
	}
	h.must("chair", "open_sitting", obj{"id": "s1", "title": "First sitting", "date": "2026-05-09", "chair": "chair"})
	h.must("chair", "add_item", obj{"id": "i1", "title": "Dues"})
	h.must("chair", "take_up_item", obj{"item": "i1"})
	h.must("chair", "move_motion", obj{"id": "m1", "kind": "substantive", "title": "Raise the dues", "text": "The dues rise.", "item": "i1"})
	codes, err := h.auth.IssueCodes(context.Background(), asm, login)
	if err != nil {
		t.Fatal(err)
	}
	h.codes = map[string]string{}
	for _, c := range codes {
		h.codes[c.Person] = c.Code
	}
	return h
}
