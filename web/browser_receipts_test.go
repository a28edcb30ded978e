package web_test

import (
	"net/url"
	"testing"
)

// TestBrowserSecretReceiptCheckFitsThePhone: on a phone, a delegate casts
// a secret ballot; its receipt, in place on their page, gives in its check
// the command with --token and the code it shows, within the screen's
// width.
func TestBrowserSecretReceiptCheckFitsThePhone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newCheckHall(t)
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "secret"})
	s := newSession(t, h)
	p := s.open("anna", 360, 740, "/a/coop/delegate")
	s.castFor(p)
	s.until(p, "the ballot's code", `!!document.querySelector("#receipt-slot #ballot-token")`)
	token := eval[string](s, p, `document.querySelector("#receipt-slot #ballot-token").textContent`)
	eval[bool](s, p, `(function(){var d=document.querySelector("#receipt-slot details.receipt-proof");d.open=true;d.querySelectorAll("pre.command")[2].previousElementSibling.scrollIntoView();return true})()`)
	s.until(p, "the command with the code", contains("#receipt-slot", "--token "+token+" --url"))
	if wide := eval[int](s, p, `document.documentElement.scrollWidth`); wide > 360 {
		t.Errorf("the secret receipt's check is %dpx wide on a 360px phone", wide)
	}
	s.shotView(p, "phone-secret-receipt-check")
}

// TestBrowserMyBallotsFitThePhone: on a phone, the receipt of a ballot
// links to all the delegate's receipts, whose list links each ballot's.
func TestBrowserMyBallotsFitThePhone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newCheckHall(t)
	anna := h.browser("anna")
	for _, v := range []struct{ id, q, choice string }{{"v1", "Adopt the minutes of the last meeting?", "for"}, {"v2", "Adopt the budget for the coming year?", "against"}} {
		h.must("chair", "open_vote", obj{"id": v.id, "question": v.q, "method": "roll_call"})
		anna.confirm(anna.draft(url.Values{"step": {"check"}, "vote": {v.id}, "choice": {v.choice}}))
		h.must("chair", "close_vote", obj{"vote": v.id})
		h.must("chair", "declare_result", obj{"vote": v.id})
	}
	s := newSession(t, h)
	p := s.open("anna", 360, 740, "/a/coop/delegate")
	s.click(p, `a[href="/a/coop/receipt"]`)
	s.until(p, "the list of ballots", `document.querySelectorAll("ul.my-ballots li a").length === 2`)
	if wide := eval[int](s, p, `document.documentElement.scrollWidth`); wide > 360 {
		t.Errorf("the list of ballots is %dpx wide on a 360px phone", wide)
	}
	s.shotView(p, "phone-my-ballots")
	s.click(p, "ul.my-ballots li a")
	s.until(p, "the latest ballot's receipt", contains("main", "Adopt the budget for the coming year?"))
}
