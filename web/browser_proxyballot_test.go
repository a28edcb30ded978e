package web_test

import (
	"testing"

	"plenum/assembly"
)

// TestBrowserProxyCastsBothBallots: with the page's script, a proxy
// chooses and confirms the ballot of the mandate they carry and then
// their own, in place: each confirmation is of its own ballot, and each
// ballot then says it is cast; the rules record one ballot for each right.
func TestBrowserProxyCastsBothBallots(t *testing.T) {
	h := newProxyHall(t)
	h.must("chair", "open_vote", obj{"id": "v1", "question": "Adopt the accounts?", "method": "roll_call"})
	s := newSession(t, h)
	p := s.open("anna", 390, 844, "/a/coop/delegate")
	// cast chooses in the ballot n (1 Anna's own, 2 Clara's), sees the
	// confirmation ask and confirms; the ballot then says done.
	cast := func(n, choice, ask, done string) {
		t.Helper()
		ballot := "#ballot .mandate-ballot:nth-of-type(" + n + ")"
		s.click(p, ballot+" button.choice-"+choice)
		s.until(p, "the confirmation of ballot "+n, contains(ballot, ask))
		s.click(p, "#ballot .confirm-btn")
		s.until(p, "ballot "+n+" cast", contains(ballot, done))
	}
	cast("2", "against", "Cast the ballot of Clara Zetkin’s mandate: AGAINST?", "You have voted with this mandate.")
	s.until(p, "the receipt of Clara's ballot", contains("#receipt-slot", "AGAINST"))
	s.until(p, "the receipt says whose mandate", contains("#receipt-slot", "Cast for the mandate of Clara Zetkin, which you carry as proxy."))
	s.shot(p, "proxy-one-cast")
	cast("1", "for", "Cast your ballot: FOR?", "You have voted in this vote.")
	s.until(p, "Clara's ballot still cast", contains("#ballot .mandate-ballot:nth-of-type(2)", "You have voted with this mandate."))
	s.shot(p, "proxy-both-cast")
	got := read(h, func(s *assembly.State) map[string]string {
		out := map[string]string{}
		for _, b := range s.Votes["v1"].Ballots {
			out[b.Right] = b.Voter + ":" + b.Choice
		}
		return out
	})
	if len(got) != 2 || got["m-clara"] != "anna:against" || got["m-anna"] != "anna:for" {
		t.Errorf("the ballots recorded: %v", got)
	}
}
