package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/web"
)

// anyHiddenRe is a hidden field of a form.
var anyHiddenRe = regexp.MustCompile(`<input type="hidden" name="([^"]+)" value="([^"]*)">`)

// confirm sends the confirming form of the ballot drafted on page, as a
// browser without the script does, and returns the answer.
func (b *browser) confirm(page string) *http.Response {
	b.h.t.Helper()
	m := confirmFormRe.FindStringSubmatch(page)
	if m == nil {
		b.h.t.Fatalf("no confirming form on the page:\n%s", page)
	}
	form := url.Values{}
	for _, f := range anyHiddenRe.FindAllStringSubmatch(m[1], -1) {
		form.Add(f[1], f[2])
	}
	return b.post("/a/"+asm+"/act", form, nil)
}

// newProxyHall is newWeightedHall (Anna carries Clara's mandate as proxy)
// with Anna, Boris and Dora in the hall, Clara away, and a sitting open,
// chaired by Vera.
func newProxyHall(t *testing.T) *hall {
	return newProxyHallWith(t, web.Options{BaseURL: hallBaseURL})
}

// newProxyHallWith is newProxyHall served with opts.
func newProxyHallWith(t *testing.T, opts web.Options) *hall {
	h := newWeightedHall(t, opts)
	for _, p := range []string{"anna", "boris", "dora"} {
		h.must(p, "check_in", obj{"person": p})
	}
	h.must("admin", "add_person", obj{"id": "chair", "name": "Vera Chair"})
	h.must("admin", "open_sitting", obj{"id": "s1", "title": "First sitting", "date": "2026-05-09", "chair": "chair"})
	return h
}

// delegatePage is b's delegate's page.
func delegatePage(b *browser) string {
	b.h.t.Helper()
	status, body, _ := b.get("/a/" + asm + "/delegate")
	if status != http.StatusOK {
		b.h.t.Fatalf("the delegate's page: %d", status)
	}
	return body
}

// TestProxyCastsTheMandateTheyCarry: a delegate who carries an absent
// delegate's mandate as proxy is offered, on their page, a ballot for
// it beside their own, each under whose mandate it is, only where the
// rules allow proxies; the carried mandate's ballot, confirmed by the
// page's forms without the script, is recorded for that mandate (its
// weight), apart from the delegate's own; each says it has been cast;
// one who does not carry the mandate cannot cast it; and when the
// mandate's holder is present, they vote themselves.
func TestProxyCastsTheMandateTheyCarry(t *testing.T) {
	h := newProxyHall(t)
	anna, boris := h.browser("anna"), h.browser("boris")
	page := delegatePage
	const (
		own     = `Your own mandate (decisive vote for The members · 5 votes)`
		carried = `The mandate of Clara Zetkin, carried by you as proxy (decisive vote for The members · 2 votes)`
		forForm = `<input type="hidden" name="for" value="m-clara">`
	)

	// Rules without proxies: one ballot, Anna's own.
	h.must("admin", "set_rules", obj{"overrides": obj{"proxies_allowed": false}})
	h.must("chair", "open_vote", obj{"id": "v0", "question": "Adopt the minutes?", "method": "roll_call"})
	if body := page(anna); strings.Contains(body, carried) || strings.Contains(body, forForm) || strings.Count(body, `class="ballot draft"`) != 1 {
		t.Errorf("without proxies in the rules, Anna is offered a ballot for Clara's mandate:\n%s", body)
	}
	h.must("chair", "close_vote", obj{"vote": "v0"})
	h.must("admin", "set_rules", obj{"overrides": obj{"proxies_allowed": true}})

	// Clara present: she votes herself.
	h.must("clara", "check_in", obj{"person": "clara"})
	h.must("chair", "open_vote", obj{"id": "v1", "question": "Adopt the accounts?", "method": "roll_call"})
	if body := page(anna); !strings.Contains(body, "Clara Zetkin is present and casts this mandate’s ballot themselves.") || strings.Contains(body, forForm) {
		t.Errorf("Clara present: Anna's page does not say Clara votes herself, or offers her ballot:\n%s", body)
	}
	h.must("chair", "leave_hall", obj{"persons": []string{"clara"}})

	body := page(anna)
	annaTok := csrfRe.FindStringSubmatch(body)[1]
	for _, w := range []string{own, carried, forForm} {
		if !strings.Contains(body, w) {
			t.Errorf("Anna's page does not show %q:\n%s", w, body)
		}
	}
	if n := strings.Count(body, `class="ballot draft"`); n != 2 {
		t.Errorf("Anna's page offers %d ballots, want her own and Clara's", n)
	}
	if body := page(boris); strings.Contains(body, "carried by you") || strings.Contains(body, forForm) {
		t.Errorf("Boris, who carries no mandate, is offered another's ballot:\n%s", body)
	}
	ballots := func() []assembly.Ballot {
		return read(h, func(s *assembly.State) []assembly.Ballot {
			return append([]assembly.Ballot(nil), s.Votes["v1"].Ballots...)
		})
	}

	// Boris forges Clara's ballot: refused, nothing recorded.
	_, bp, _ := boris.get("/a/" + asm + "/delegate")
	tok := csrfRe.FindStringSubmatch(bp)
	resp, answer := boris.postHeader("/a/"+asm+"/act", url.Values{"csrf": {tok[1]}, "cmd": {"cast_ballot"}, "a:vote": {"v1"}, "a:voter": {"boris"}, "a:for_mandate": {"m-clara"}, "a:choice": {"for"}},
		http.Header{"X-Plenum": {"1"}, "Accept": {"application/json"}})
	if resp.StatusCode < 400 || !strings.Contains(answer, "does not carry the mandate of Clara Zetkin") || len(ballots()) != 0 {
		t.Fatalf("Boris casting Clara's ballot: %s %s, ballots %v", resp.Status, answer, ballots())
	}

	// Anna casts Clara's ballot, as the page's forms send it.
	body = anna.draft(url.Values{"step": {"check"}, "vote": {"v1"}, "for": {"m-clara"}, "choice": {"against"}})
	if !strings.Contains(body, "Cast the ballot of Clara Zetkin’s mandate: <strong>") || !strings.Contains(body, `name="a:for_mandate" value="m-clara"`) {
		t.Fatalf("the confirmation of Clara's ballot:\n%s", body)
	}
	if n := strings.Count(body, `class="act confirm-form"`); n != 1 {
		t.Fatalf("%d confirmations, want Clara's alone", n)
	}
	if loc := anna.confirm(body).Header.Get("Location"); !strings.HasPrefix(loc, "/a/coop/receipt?entry=") {
		t.Fatalf("after Clara's ballot the page goes to %q, want its receipt", loc)
	} else if status, receipt, _ := anna.get(loc); status != 200 || !strings.Contains(receipt, "AGAINST") {
		t.Errorf("the receipt of Clara's ballot: %d\n%s", status, receipt)
	}
	if bs := ballots(); len(bs) != 1 || bs[0] != (assembly.Ballot{Voter: "anna", Right: "m-clara", Choice: "against", Weight: 2, At: bs[0].At}) {
		t.Fatalf("Clara's ballot recorded as %+v", bs)
	}
	body = page(anna)
	if !strings.Contains(body, "You have voted with this mandate.") || strings.Contains(body, "You have voted in this vote.") || strings.Count(body, `class="ballot draft"`) != 1 || strings.Contains(body, forForm) {
		t.Errorf("after Clara's ballot, Anna's page does not offer her own ballot alone:\n%s", body)
	}

	// Anna's own ballot.
	body = anna.draft(url.Values{"step": {"check"}, "vote": {"v1"}, "choice": {"for"}})
	if !strings.Contains(body, "Cast your ballot: <strong>") || strings.Contains(body, "a:for_mandate") {
		t.Fatalf("the confirmation of Anna's own ballot:\n%s", body)
	}
	if loc := anna.confirm(body).Header.Get("Location"); !strings.HasPrefix(loc, "/a/coop/receipt?entry=") {
		t.Fatalf("after Anna's own ballot the page goes to %q, want its receipt", loc)
	}
	if bs := ballots(); len(bs) != 2 || bs[1].Voter != "anna" || bs[1].Right != "m-anna" || bs[1].Choice != "for" || bs[1].Weight != 5 {
		t.Fatalf("Anna's own ballot recorded as %+v", bs)
	}
	body = page(anna)
	if !strings.Contains(body, "You have voted with this mandate.") || !strings.Contains(body, "You have voted in this vote.") || strings.Contains(body, `class="ballot draft"`) {
		t.Errorf("after both ballots, Anna's page does not say both are cast:\n%s", body)
	}
	// A second ballot for Clara's mandate is refused.
	anna.post("/a/"+asm+"/act", url.Values{"csrf": {annaTok}, "cmd": {"cast_ballot"}, "a:vote": {"v1"}, "a:voter": {"anna"}, "a:for_mandate": {"m-clara"}, "a:choice": {"for"}}, nil)
	if n := len(ballots()); n != 2 {
		t.Errorf("a second ballot for Clara's mandate: %d ballots", n)
	}
}

// TestProxyCastsTheMandateTheyCarryInAnElection: in an election as in a
// vote, a proxy fills in a ballot for the mandate they carry beside their
// own: its confirmation and its Change keep to that ballot, the ballot
// confirmed is recorded for the carried mandate, apart from the proxy's
// own, and each says it is cast.
func TestProxyCastsTheMandateTheyCarryInAnElection(t *testing.T) {
	h := newProxyHall(t)
	anna := h.browser("anna")
	h.must("chair", "open_election", obj{"id": "e1", "title": "The treasurer", "seats": 1, "method": "plurality", "candidates": []string{"boris", "dora"}})
	const forForm = `<input type="hidden" name="for" value="m-clara">`
	body := delegatePage(anna)
	if !strings.Contains(body, "The mandate of Clara Zetkin, carried by you as proxy") || !strings.Contains(body, forForm) || strings.Count(body, `class="ballot draft keep"`) != 2 {
		t.Fatalf("Anna is not offered Clara's ballot beside her own:\n%s", body)
	}
	body = anna.draft(url.Values{"step": {"check"}, "election": {"e1"}, "for": {"m-clara"}, "a:approve:list": {"dora"}})
	if !strings.Contains(body, "Cast the ballot of Clara Zetkin’s mandate in “The treasurer”:") || !strings.Contains(body, `name="a:for_mandate" value="m-clara"`) || strings.Count(body, `class="act confirm-form"`) != 1 {
		t.Fatalf("the confirmation of Clara's ballot:\n%s", body)
	}
	// Change shows Clara's ballot again as filled in, and Anna's own empty.
	back := changeFields(t, body, "Change")
	if back.Get("for") != "m-clara" {
		t.Fatalf("Change does not return to Clara's ballot: %v", back)
	}
	again := anna.draft(back)
	if n := strings.Count(again, `value="dora" checked`); n != 1 {
		t.Errorf("after Change, Dora is ticked on %d ballots, want Clara's alone", n)
	}
	if loc := anna.confirm(body).Header.Get("Location"); !strings.HasPrefix(loc, "/a/coop/receipt?entry=") {
		t.Fatalf("after Clara's ballot the page goes to %q, want its receipt", loc)
	}
	ballots := func() []assembly.ElectionBallot {
		return read(h, func(s *assembly.State) []assembly.ElectionBallot {
			return append([]assembly.ElectionBallot(nil), s.Elections["e1"].Ballots...)
		})
	}
	if bs := ballots(); len(bs) != 1 || bs[0].Voter != "anna" || bs[0].Right != "m-clara" || bs[0].Weight != 2 {
		t.Fatalf("Clara's ballot recorded as %+v", bs)
	}
	body = delegatePage(anna)
	if !strings.Contains(body, "You have voted with this mandate.") || strings.Contains(body, "You have voted in this election.") || strings.Count(body, `class="ballot draft keep"`) != 1 || strings.Contains(body, forForm) {
		t.Errorf("after Clara's ballot, Anna's page does not offer her own ballot alone:\n%s", body)
	}
	body = anna.draft(url.Values{"step": {"check"}, "election": {"e1"}, "a:approve:list": {"boris"}})
	if strings.Contains(body, "a:for_mandate") {
		t.Fatalf("Anna's own ballot is cast for a mandate:\n%s", body)
	}
	anna.confirm(body)
	if bs := ballots(); len(bs) != 2 || bs[1].Right != "m-anna" || bs[1].Weight != 5 {
		t.Fatalf("Anna's own ballot recorded as %+v", bs)
	}
	body = delegatePage(anna)
	if !strings.Contains(body, "You have voted with this mandate.") || !strings.Contains(body, "You have voted in this election.") || strings.Contains(body, `class="ballot draft`) {
		t.Errorf("after both ballots, Anna's page does not say both are cast:\n%s", body)
	}
}

// TestProxyBallotSecretAndAway: in a secret vote the ballot of a carried
// mandate is cast from the page as in a roll-call (its receipt shows its
// code, and no choice is recorded); a proxy out of the hall is told so
// on each ballot and offered the way back in once, and no ballot.
func TestProxyBallotSecretAndAway(t *testing.T) {
	h := newProxyHall(t)
	anna := h.browser("anna")
	h.must("chair", "open_vote", obj{"id": "v1", "question": "Elect the auditor?", "method": "secret"})
	body := anna.draft(url.Values{"step": {"check"}, "vote": {"v1"}, "for": {"m-clara"}, "choice": {"for"}})
	loc := anna.confirm(body).Header.Get("Location")
	if !strings.HasPrefix(loc, "/a/coop/receipt?entry=") {
		t.Fatalf("after Clara's secret ballot the page goes to %q", loc)
	}
	if _, receipt, _ := anna.get(loc); tokenRe.FindStringSubmatch(receipt) == nil {
		t.Errorf("the receipt of Clara's secret ballot shows no code:\n%s", receipt)
	}
	bs := read(h, func(s *assembly.State) []assembly.Ballot {
		return append([]assembly.Ballot(nil), s.Votes["v1"].Ballots...)
	})
	if len(bs) != 1 || bs[0].Right != "m-clara" || bs[0].Choice != "" {
		t.Fatalf("Clara's secret ballot recorded as %+v", bs)
	}
	if body := delegatePage(anna); !strings.Contains(body, "You have voted with this mandate. Nobody can see") || strings.Count(body, `class="ballot draft"`) != 1 {
		t.Errorf("after Clara's secret ballot:\n%s", body)
	}
	h.must("chair", "close_vote", obj{"vote": "v1"})

	h.must("chair", "leave_hall", obj{"persons": []string{"anna"}})
	h.must("chair", "open_vote", obj{"id": "v2", "question": "Adopt the accounts?", "method": "roll_call"})
	body = delegatePage(anna)
	if strings.Count(body, "You are not registered present in the hall; only those present vote.") != 2 || strings.Count(body, `>I am in the hall</button>`) != 1 || strings.Contains(body, `class="ballot draft"`) {
		t.Errorf("Anna away: each ballot does not say so, or the way back is not offered once:\n%s", body)
	}
}
