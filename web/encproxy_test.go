package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/internal/enctest"
)

// encTrusteesOf are the trustees of the encrypted boxes of newProxyHall.
var encTrusteesOf = []string{"mc", "dora"}

// boxCeremony runs the key ceremony of the encrypted vote or election
// (field) id, whose trustees are trustees, by commands, without their
// pages, and returns it.
func boxCeremony(t *testing.T, h *hall, field, id string, trustees []string) *enctest.Ceremony {
	t.Helper()
	c := enctest.Run(t, read(h, func(s *assembly.State) assembly.EncryptedVote {
		if field == "election" {
			return *s.Elections[id].Encrypted
		}
		return *s.Votes[id].Encrypted
	}).Params())
	for _, step := range []struct{ cmd, field string }{{"post_trustee_key", "key"}, {"post_dealing", "dealing"}, {"post_confirmation", "confirmation"}} {
		for i, p := range trustees {
			msg := map[string]any{"post_trustee_key": c.Keys[i], "post_dealing": c.Dealings[i], "post_confirmation": c.Confirmations[i]}[step.cmd]
			h.must(p, step.cmd, obj{field: id, step.field: json.RawMessage(enctest.Encode(t, msg))})
		}
	}
	return c
}

// encFormRe is an encrypted ballot's form: the mandate it is bound to
// and, for a proxy's, the mandate it is cast for.
var encFormRe = regexp.MustCompile(`<form class="ballot encrypted-ballot" data-field="(\w+)" [^>]*data-voter="([^"]*)" data-person="(\w+)"(?: data-for-mandate="([^"]*)")?`)

// encForms are the encrypted ballots a page offers, each as
// "field voter person for".
func encForms(body string) []string {
	var out []string
	for _, m := range encFormRe.FindAllStringSubmatch(body, -1) {
		out = append(out, strings.Join(m[1:], " "))
	}
	return out
}

// TestEncryptedProxyBallotOffered: in an encrypted vote and an encrypted
// election, the delegate who carries an absent delegate's mandate is
// offered its encrypted ballot beside their own, as in a plain vote: each
// under whose mandate it is, bound to that mandate and cast for it (the
// form's data-voter and data-for-mandate, which the script sends), with
// element ids of its own; a delegate who carries none is offered their
// one ballot; once the proxy has cast the mandate's ballot, it says so
// and is not offered again, and its receipt says whose mandate it was
// cast for; where the vote allows re-voting, the proxy may cast their
// ballot for it anew, but not replace the one its holder cast before
// leaving the hall.
func TestEncryptedProxyBallotOffered(t *testing.T) {
	h := newProxyHall(t)
	anna, boris := h.browser("anna"), h.browser("boris")
	const (
		own     = `Your own mandate (decisive vote for The members · 5 votes)`
		carried = `The mandate of Clara Zetkin, carried by you as proxy (decisive vote for The members · 2 votes)`
	)
	h.must("chair", "open_vote", obj{"id": "v1", "question": "Adopt the accounts?", "method": "encrypted", "trustees": encTrusteesOf, "trustee_quorum": 2})
	if body := delegatePage(anna); strings.Count(body, "The trustees have not yet made the election key") != 2 || len(encForms(body)) != 0 {
		t.Errorf("before the key, Anna's page does not say of both ballots that the key is not made:\n%s", body)
	}
	c := boxCeremony(t, h, "vote", "v1", encTrusteesOf)
	body := delegatePage(anna)
	for _, w := range []string{own, carried} {
		if !strings.Contains(body, w) {
			t.Errorf("Anna's page does not show %q:\n%s", w, body)
		}
	}
	if got, want := encForms(body), []string{"vote m-anna anna ", "vote m-clara anna m-clara"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Anna is offered the encrypted ballots %q, want %q", got, want)
	}
	if got := encForms(delegatePage(boris)); strings.Join(got, "|") != "vote m-boris boris " {
		t.Errorf("Boris, who carries no mandate, is offered %q", got)
	}

	// Anna casts Clara's ballot, as the script does.
	b := enctest.Ballot(t, c.Key, 3, 1, "m-clara")
	res := h.must("anna", "cast_encrypted_ballot", obj{"vote": "v1", "voter": "anna", "for_mandate": "m-clara", "ballot": json.RawMessage(b)})
	body = delegatePage(anna)
	if got := encForms(body); strings.Join(got, "|") != "vote m-anna anna " || !strings.Contains(body, "You have voted with this mandate.") {
		t.Errorf("after Clara's ballot, Anna is offered %q, or her page does not say it is cast:\n%s", got, body)
	}
	status, rc, _ := anna.get(fmt.Sprintf("/a/%s/receipt?entry=%d&fragment=receipt", asm, res.Events[0].Index))
	if status != http.StatusOK || !strings.Contains(rc, "Cast for the mandate of Clara Zetkin, which you carry as proxy.") || !strings.Contains(rc, assembly.Tracker(b)) ||
		!strings.Contains(rc, "under the mandate of Clara Zetkin, which you carry") || strings.Contains(rc, "under your mandate") {
		t.Errorf("the receipt of Clara's ballot (%d):\n%s", status, rc)
	}
	h.must("chair", "close_vote", obj{"vote": "v1"})

	// An encrypted ranked election: the same offer, each form's ids its own
	// (under rules that weigh no mandate, as an encrypted ranked election
	// is refused where one carries several votes).
	h.must("admin", "set_rules", obj{"overrides": obj{"weighted_votes": false}})
	h.must("chair", "open_election", obj{"id": "e1", "title": "Auditor", "seats": 1, "method": "irv", "candidates": []string{"anna", "boris", "dora"},
		"encrypted": true, "trustees": encTrusteesOf, "trustee_quorum": 2})
	boxCeremony(t, h, "election", "e1", encTrusteesOf)
	body = delegatePage(anna)
	if got, want := encForms(body), []string{"election m-anna anna ", "election m-clara anna m-clara"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("in the election Anna is offered the encrypted ballots %q, want %q", got, want)
	}
	ids := map[string]int{}
	for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(body, -1) {
		ids[m[1]]++
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("the id %q is on Anna's page %d times", id, n)
		}
	}
	if ids["erk-0"] != 1 || ids["p1-erk-0"] != 1 {
		t.Errorf("the ranks of the two ballots are not told apart: %v", ids)
	}
	h.must("chair", "close_election", obj{"election": "e1"})
	h.must("admin", "set_rules", obj{"overrides": obj{"weighted_votes": true}})

	// Re-voting: Anna may cast Clara's ballot anew once she has cast it,
	// but not replace the one Clara cast before she left the hall.
	h.must("chair", "open_vote", obj{"id": "v2", "question": "Adopt the budget?", "method": "encrypted", "revote": true, "trustees": encTrusteesOf, "trustee_quorum": 2})
	c = boxCeremony(t, h, "vote", "v2", encTrusteesOf)
	h.must("anna", "cast_encrypted_ballot", obj{"vote": "v2", "voter": "anna", "for_mandate": "m-clara", "ballot": json.RawMessage(enctest.Ballot(t, c.Key, 3, 0, "m-clara"))})
	body = delegatePage(anna)
	if got := encForms(body); strings.Join(got, "|") != "vote m-anna anna |vote m-clara anna m-clara" || !strings.Contains(body, "You have voted with this mandate; until the vote closes you may cast a new ballot for it, and the last one counts.") {
		t.Errorf("re-voting: after casting Clara's ballot, Anna is offered %q:\n%s", got, body)
	}
	h.must("chair", "close_vote", obj{"vote": "v2"})
	h.must("chair", "open_vote", obj{"id": "v3", "question": "Adopt the plan?", "method": "encrypted", "revote": true, "trustees": encTrusteesOf, "trustee_quorum": 2})
	c = boxCeremony(t, h, "vote", "v3", encTrusteesOf)
	h.must("clara", "check_in", obj{"person": "clara"})
	h.must("clara", "cast_encrypted_ballot", obj{"vote": "v3", "voter": "clara", "ballot": json.RawMessage(enctest.Ballot(t, c.Key, 3, 0, "m-clara"))})
	h.must("chair", "leave_hall", obj{"persons": []string{"clara"}})
	body = delegatePage(anna)
	if got := encForms(body); strings.Join(got, "|") != "vote m-anna anna " || !strings.Contains(body, "Clara Zetkin has cast this mandate’s ballot.") {
		t.Errorf("re-voting: Clara's own ballot cast, Anna is offered %q:\n%s", got, body)
	}
}
