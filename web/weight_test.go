package web_test

import (
	"context"
	"strings"
	"testing"

	"plenum/web"
)

// TestDelegatePageSaysTheMandatesWeight: under rules that weigh
// mandates, a delegate whose mandate carries several votes reads how many
// beside it on their page, in the plural form of each language, and reads
// whose mandate they carry as proxy, with its weight; a mandate of one
// vote reads as it always did.
func TestDelegatePageSaysTheMandatesWeight(t *testing.T) {
	h := newWeightedHall(t, web.Options{BaseURL: hallBaseURL})
	page := func(who, lang string) string {
		t.Helper()
		return pageIn(t, h.browser(who), "delegate", lang)
	}
	for _, c := range []struct{ who, lang, want, not string }{
		{"anna", "en", "<strong>Anna Arkadyevna</strong> — decisive vote for The members · 5 votes</p>", ""},
		{"anna", "en", "<p class=\"meta\">You carry the mandate of Clara Zetkin as proxy (decisive vote for The members · 2 votes)</p>", ""},
		{"anna", "de", "beschließende Stimme für The members · 5 Stimmen", ""},
		{"anna", "de", "Sie tragen in Vertretung das Mandat von Clara Zetkin (beschließende Stimme für The members · 2 Stimmen)", ""},
		{"anna", "ru", "решающий голос от: The members · 5 голосов", ""},
		{"anna", "ru", "(решающий голос от: The members · 2 голоса)", ""},
		{"dora", "ru", "решающий голос от: The members · 21 голос</p>", ""},
		{"anna", "fr", "voix délibérative pour The members · 5 voix", ""},
		{"anna", "es", "voto decisivo por The members · 5 votos", ""},
		{"anna", "es", "Usted ejerce por poder la credencial de Clara Zetkin (voto decisivo por The members · 2 votos)", ""},
		// One vote: no weight, and no proxy carried.
		{"boris", "en", "<strong>Boris Borisov</strong> — decisive vote for The members</p>", "as proxy"},
		{"boris", "en", "", " · 1 vote"},
	} {
		text := page(c.who, c.lang)
		if c.want != "" && !strings.Contains(text, c.want) {
			t.Errorf("%s's page in %s does not say %q:\n%s", c.who, c.lang, c.want, text)
		}
		if c.not != "" && strings.Contains(text, c.not) {
			t.Errorf("%s's page in %s says %q:\n%s", c.who, c.lang, c.not, text)
		}
	}
}

// newWeightedHall is a server with an assembly whose rules weigh
// mandates and allow proxies: Anna's mandate carries 5 votes, Boris's
// one, Clara's 2 (carried by Anna), Dora's 21; codes for Anna, Boris,
// Dora and the mandate commission.
func newWeightedHall(t *testing.T, opts web.Options) *hall {
	t.Helper()
	h := newEmptyHallWith(t, opts, nil)
	h.must("admin", "create_assembly", obj{"id": asm, "name": "Weighted congress", "starts": "2026-05-09", "rules": "congress",
		"overrides": obj{"weighted_votes": true, "proxies_allowed": true}})
	h.must("admin", "add_organization", obj{"id": "members", "name": "The members", "kind": "delegating"})
	h.must("admin", "add_person", obj{"id": "mc", "name": "Misha Commission"})
	h.must("admin", "grant_role", obj{"person": "mc", "role": "mandate_commission"})
	for _, p := range []struct {
		id, name string
		weight   int
	}{{"anna", "Anna Arkadyevna", 5}, {"boris", "Boris Borisov", 0}, {"clara", "Clara Zetkin", 2}, {"dora", "Dora Dwadzat", 21}} {
		h.must("admin", "add_person", obj{"id": p.id, "name": p.name})
		h.must("admin", "submit_mandate", obj{"id": "m-" + p.id, "person": p.id, "organization": "members", "kind": "decisive", "weight": p.weight})
		h.must("mc", "verify_mandate", obj{"mandate": "m-" + p.id})
	}
	h.must("mc", "transfer_proxy", obj{"mandate": "m-clara", "to": "anna"})
	codes, err := h.auth.IssueCodes(context.Background(), asm, []string{"anna", "boris", "dora", "mc"})
	if err != nil {
		t.Fatal(err)
	}
	h.codes = map[string]string{}
	for _, c := range codes {
		h.codes[c.Person] = c.Code
	}
	return h
}
