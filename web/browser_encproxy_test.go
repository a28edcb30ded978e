package web_test

import (
	"context"
	"encoding/json"
	"testing"

	"plenum/assembly"
	"plenum/engine"
	"plenum/ledger"
	"plenum/web"
)

// TestBrowserProxyCastsEncryptedBallots: in an encrypted vote, with the
// page's script and the ballot module, a proxy encrypts and casts the
// ballot of the mandate they carry and then their own, each in its own
// form: the first is bound to the carried mandate and cast for it, its
// receipt in place says whose mandate it was cast for, and the page then
// says it is cast; the rules record one ballot for each right, with its
// weight; the trustees decrypt a total that counts the carried mandate's
// weight, and the record passes plenum verify's audit of every proof.
func TestBrowserProxyCastsEncryptedBallots(t *testing.T) {
	h := newProxyHallWith(t, web.Options{BaseURL: hallBaseURL, BallotModule: ballotModule(t)})
	h.must("chair", "open_vote", obj{"id": "v1", "question": "Adopt the accounts?", "method": "encrypted", "trustees": encTrusteesOf, "trustee_quorum": 2})
	c := boxCeremony(t, h, "vote", "v1", encTrusteesOf)
	s := newSession(t, h)
	p := s.open("anna", 390, 844, "/a/coop/delegate")
	carried := `form.encrypted-ballot[data-for-mandate="m-clara"]`
	s.until(p, "the two encrypted ballots", `document.querySelectorAll("form.encrypted-ballot").length === 2 && !!document.querySelector('`+carried+`')`)
	s.shot(p, "encproxy-offered")
	s.click(p, carried+` button.choice[value="1"]`)
	s.until(p, "the confirmation of Clara's ballot", contains(carried, "Cast the ballot of Clara Zetkin’s mandate: AGAINST?"))
	s.shot(p, "encproxy-confirm")
	s.confirmEncrypted(p, carried)
	s.until(p, "the receipt of Clara's ballot", contains("#receipt-slot", "Cast for the mandate of Clara Zetkin, which you carry as proxy.")+` && !!document.querySelector("#receipt-slot #ballot-tracker")`)
	s.until(p, "Clara's ballot cast", contains("#ballot .mandate-ballot:nth-of-type(2)", "You have voted with this mandate.")+` && !document.querySelector('`+carried+`')`)
	s.shot(p, "encproxy-carried-cast")
	own := `form.encrypted-ballot:not([data-for-mandate])`
	s.click(p, own+` button.choice[value="0"]`)
	s.confirmEncrypted(p, own)
	s.until(p, "the receipt of Anna's own ballot", `!!document.querySelector("#receipt-slot #ballot-tracker") && !`+contains("#receipt-slot", "Cast for the mandate"))
	s.until(p, "both cast", contains("#ballot .mandate-ballot:nth-of-type(1)", "You have voted in this vote.")+` && !document.querySelector("form.encrypted-ballot")`)
	s.shot(p, "encproxy-both-cast")
	cast := read(h, func(st *assembly.State) map[string]assembly.EncryptedBallot {
		out := map[string]assembly.EncryptedBallot{}
		for _, b := range st.Votes["v1"].Encrypted.Cast {
			out[b.Right] = b
		}
		return out
	})
	if len(cast) != 2 || cast["m-clara"].Voter != "anna" || cast["m-clara"].Weight != 2 || cast["m-anna"].Voter != "anna" || cast["m-anna"].Weight != 5 {
		t.Fatalf("the ballots recorded: %+v", cast)
	}
	h.must("chair", "close_vote", obj{"vote": "v1"})
	totals := read(h, func(st *assembly.State) *assembly.EncryptedVote { return st.Votes["v1"].Encrypted }).Tally.Totals
	for i, tr := range encTrusteesOf {
		h.must(tr, "post_partial_decryption", obj{"vote": "v1", "decryption": json.RawMessage(c.Decrypt(t, i+1, totals))})
	}
	counts := read(h, func(st *assembly.State) map[string]int { return st.Votes["v1"].Encrypted.Counts })
	if counts["for"] != 5 || counts["against"] != 2 || counts["abstain"] != 0 {
		t.Fatalf("counts %v; want Anna's 5 votes for, Clara's 2 against", counts)
	}
	r := engine.NewAuditReplayer()
	if _, err := ledger.Audit(context.Background(), h.eng.Store(), h.verifiers, ledger.AuditOptions{Replay: r.Apply}); err != nil {
		t.Fatalf("audit: %v", err)
	}
	if err := r.Finish(); err != nil {
		t.Fatalf("audit of the ballot proofs: %v", err)
	}
}
