package web_test

import (
	"html"
	"net/http"
	"strings"
	"testing"
)

// TestOpenVoteSaysItsMajority: a vote that needs more than a simple
// majority of the votes cast — here the item's own two thirds (a change
// of the statutes, set_item_threshold) — says so while it is open on the
// chair's console, the projector and the delegate's ballot, in the
// page's language; a vote by a simple majority of the votes cast says
// nothing of it.
func TestOpenVoteSaysItsMajority(t *testing.T) {
	var h *hall
	pages := func() map[string]string {
		_, console, _ := h.browser("chair").get("/a/" + asm + "/chair")
		_, projector, _ := h.browser("anna").get("/a/" + asm + "/projector")
		_, delegate, _ := h.browser("anna").get("/a/" + asm + "/delegate")
		return map[string]string{"console": console, "projector": projector, "delegate": delegate}
	}
	h = newHall(t)
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	for page, body := range pages() {
		if strings.Contains(body, "vote-needs") || strings.Contains(body, "proj-needs") || strings.Contains(body, "Needs ") {
			t.Errorf("%s: a vote by a simple majority of the votes cast says what it needs", page)
		}
	}
	h = newHall(t)
	h.must("chair", "set_item_threshold", obj{"item": "i1", "threshold": "two_thirds_cast"})
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	for page, body := range pages() {
		if n := strings.Count(html.UnescapeString(body), "Needs two thirds of the votes cast"); n != 1 {
			t.Errorf("%s: says %d times that the vote needs two thirds:\n%s", page, n, body)
		}
	}
	de := http.Header{"Cookie": {"plenum_lang=de"}}
	_, delegate := h.browser("anna").getWith("/a/"+asm+"/delegate", de)
	if !strings.Contains(html.UnescapeString(delegate), "Erfordert zwei Drittel der abgegebenen Stimmen") {
		t.Errorf("the German ballot does not say the majority:\n%s", delegate)
	}
}
