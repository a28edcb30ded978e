package web_test

import (
	"regexp"
	"strings"
	"testing"
)

// TestProjectorShowsTheAmendmentsChange: during a show of hands on an
// amendment that changes a line of a resolution, the projector shows the
// change, the words struck out and the words inserted marked, not only
// the amendment's title.
func TestProjectorShowsTheAmendmentsChange(t *testing.T) {
	h := newHall(t)
	h.must("chair", "move_motion", obj{"id": "w", "kind": "substantive", "title": "Resolution on the war", "text": warText, "points": warPoints, "item": "i1"})
	h.must("anna", "move_motion", obj{"id": "w-a", "kind": "amendment", "amends": "w", "title": "Amendment of comrade Sevruk (point 2)",
		"change": obj{"paragraph": 3, "text": "2. The conference rejects every support of the war by the party and " + warNew + "."}, "item": "i1"})
	h.must("chair", "open_vote", obj{"id": "va", "motion": "w-a", "method": "show_of_hands"})
	_, proj, _ := h.browser("").get("/a/" + asm + "/projector")
	change := between(proj, `<div class="proj-change">`, `</div></div>`)
	del := regexp.MustCompile(`<del>[^<]*</del>`).FindAllString(change, -1)
	ins := regexp.MustCompile(`<ins>[^<]*</ins>`).FindAllString(change, -1)
	if !strings.Contains(strings.Join(del, " "), "calls for a") || !strings.Contains(strings.Join(ins, " "), "demands an immediate") || !strings.Contains(strings.Join(ins, " "), "indemnities") {
		t.Errorf("the projector does not show the amendment's change, struck out %q, inserted %q:\n%s", del, ins, between(proj, `<div class="proj-vote">`, `</div></div>`))
	}
	if !strings.Contains(proj, "changed as shown") || !strings.Contains(proj, "Resolution on the war") {
		t.Errorf("the projector does not say which lines of which text change:\n%s", between(proj, `<div class="proj-vote">`, `</div></div>`))
	}
}

// TestProjectorNamesTheListsAndCandidates: during an open election the
// projector names each list with its candidates in their order on it (an
// election by lists), or the candidates (an election of names).
func TestProjectorNamesTheListsAndCandidates(t *testing.T) {
	h := newHall(t)
	for _, p := range []string{"ivan", "olga", "pavel", "rosa"} {
		h.must("admin", "add_person", obj{"id": p, "name": strings.ToUpper(p[:1]) + p[1:]})
	}
	h.must("chair", "open_election", obj{"id": "e1", "title": "The board", "seats": 2, "method": "dhondt",
		"lists": []obj{{"id": "l1", "name": "The right", "candidates": []string{"olga", "ivan"}}, {"id": "l2", "name": "The left", "candidates": []string{"rosa", "pavel"}}}})
	_, proj, _ := h.browser("").get("/a/" + asm + "/projector")
	lists := between(proj, `<ol class="proj-lists">`, `</ol>`)
	right, left := strings.Index(lists, "The right"), strings.Index(lists, "The left")
	order := func(names ...string) bool {
		at := -1
		for _, n := range names {
			i := strings.Index(lists, n)
			if i <= at {
				return false
			}
			at = i
		}
		return true
	}
	if right < 0 || left < 0 || !order("The right", "Olga", "Ivan", "The left", "Rosa", "Pavel") {
		t.Errorf("the projector does not name each list with its candidates in order:\n%s", between(proj, `<div class="proj-vote">`, `</div>`))
	}

	h.must("chair", "withdraw_election", obj{"election": "e1", "reason": "Lists not ready", "consent": "No objection"})
	h.must("chair", "open_election", obj{"id": "e2", "title": "The treasurer", "seats": 1, "method": "plurality", "candidates": []string{"pavel", "rosa"}})
	_, proj, _ = h.browser("").get("/a/" + asm + "/projector")
	cands := between(proj, `<ul class="proj-cands">`, `</ul>`)
	if !strings.Contains(cands, "Pavel") || !strings.Contains(cands, "Rosa") || strings.Contains(proj, "proj-lists") {
		t.Errorf("the projector does not name the candidates:\n%s", between(proj, `<div class="proj-vote">`, `</div>`))
	}
}
