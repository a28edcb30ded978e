package web_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestLapsedDraftSaysTheBallotWasNotCast: a delegate who chose For and
// did not confirm before the chair closed the vote is told, where the
// ballot was, that their ballot was NOT cast: in the live update (the
// script posts the draft again to the page's regions) and on a reload
// (the browser sends the draft again); not once they confirmed, not on
// a page without the draft, not while the vote is still open.
func TestLapsedDraftSaysTheBallotWasNotCast(t *testing.T) {
	h := newHall(t)
	anna, boris := h.browser("anna"), h.browser("boris")
	const alert = `role="alert">The vote on “Adopt the budget” closed before you confirmed: your ballot was NOT cast.</p>`
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	draft := url.Values{"step": {"check"}, "vote": {"v1"}, "choice": {"for"}}
	body := anna.draft(draft)
	if !strings.Contains(body, "Cast your ballot: <strong>") || strings.Contains(body, "NOT cast") {
		t.Fatalf("the confirmation step while the vote is open:\n%s", body)
	}
	bdraft := boris.draft(draft)
	boris.confirm(bdraft)
	h.must("chair", "close_vote", obj{"vote": "v1"})

	if body := anna.draft(draft); !strings.Contains(body, alert) {
		t.Errorf("a reload of the confirmation step after the close does not say the ballot was not cast:\n%s", body)
	}
	resp, live := anna.postPage("delegate", "/a/"+asm+"/delegate?fragment=live", draft)
	if resp.StatusCode != 200 || !strings.Contains(string(live), alert) {
		t.Errorf("the live update after the close (%s) does not say the ballot was not cast:\n%s", resp.Status, live)
	}
	if _, body, _ := anna.get("/a/" + asm + "/delegate"); strings.Contains(body, "NOT cast") {
		t.Errorf("the page without a draft says a ballot was not cast:\n%s", body)
	}
	if body := boris.draft(draft); strings.Contains(body, "NOT cast") {
		t.Errorf("Boris, who confirmed, is told his ballot was not cast:\n%s", body)
	}
}
