package web_test

import (
	"net/url"
	"testing"
)

// TestBrowserLapsedDraftSaysNotCast: on a phone, a delegate taps For and
// the chair closes the vote before they confirm: the page, without a
// reload, says in an alert where the ballot was that the ballot was NOT
// cast, not just that no vote is open.
func TestBrowserLapsedDraftSaysNotCast(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newHall(t)
	s := newSession(t, h)
	anna := s.open("anna", 360, 740, "/a/coop/delegate")
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	s.until(anna, "the ballot comes", `document.querySelector("#ballot button.choice-for") !== null`)
	taps := 0
	s.tap(anna, "#ballot button.choice-for", &taps)
	s.until(anna, "the confirmation in place", contains("#ballot", "Cast your ballot: FOR"))
	h.must("chair", "close_vote", obj{"vote": "v1"})
	s.until(anna, "the alert that the ballot was not cast",
		`(function(){var a=document.querySelector("#ballot [role=alert]");return a!==null&&a.textContent.indexOf("The vote on “Adopt the budget” closed before you confirmed: your ballot was NOT cast.")===0})()`)
	s.notReloaded(anna)
	s.shotView(anna, "phone-delegate-lapsed")
}

// TestBrowserReceiptCheckFitsThePhone: on a phone, the receipt's check,
// opened, shows the verifier key, the log's address and the commands
// within the screen's width (the long key and address wrap).
func TestBrowserReceiptCheckFitsThePhone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newCheckHall(t)
	anna := h.browser("anna")
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	loc := anna.confirm(anna.draft(url.Values{"step": {"check"}, "vote": {"v1"}, "choice": {"for"}})).Header.Get("Location")
	s := newSession(t, h)
	p := s.open("anna", 360, 740, loc)
	eval[bool](s, p, `(function(){var d=document.querySelector("details.receipt-proof");d.open=true;d.scrollIntoView();return true})()`)
	s.until(p, "the key on the receipt", contains("#receipt-body", testVerifierKey))
	if wide := eval[int](s, p, `document.documentElement.scrollWidth`); wide > 360 {
		t.Errorf("the receipt's check is %dpx wide on a 360px phone", wide)
	}
	s.shot(p, "phone-receipt-check")
}
