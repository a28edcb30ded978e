package web_test

import (
	"strings"
	"testing"

	"plenum/web"
)

// TestPersonPageWarnsOfProxyChains: the rules let a proxy give their own
// mandate by proxy, but the mandates they carry do not pass on: while they
// are absent, those are not carried. The person page says so, in the
// page's language: on the page of the one who carries others' mandates
// (beside the form that gives theirs by proxy, before and after it is
// given), and on the page of a mandate so carried.
func TestPersonPageWarnsOfProxyChains(t *testing.T) {
	h := newWeightedHall(t, web.Options{BaseURL: hallBaseURL}) // Anna carries Clara's mandate
	mc := h.browser("mc")
	page := func(person, lang string) string {
		t.Helper()
		return pageIn(t, mc, "setup-person?p="+person, lang)
	}
	const carries = "Anna Arkadyevna carries the mandates of Clara Zetkin by proxy. Given by proxy, this mandate does not take those along: while Anna Arkadyevna is absent, they are not carried, for a proxy does not pass on to the proxy&#39;s own proxy."
	const gave = "Anna Arkadyevna, who carries this mandate, has given their own by proxy to Dora Dwadzat: while Anna Arkadyevna is absent, this mandate is not carried."
	if body := page("anna", "en"); !strings.Contains(body, `<p class="meta proxy-chain-form">`+carries) {
		t.Errorf("Anna's page, before she gives her mandate by proxy, does not warn in the form that gives it:\n%s", body)
	}
	for _, p := range []string{"boris", "clara"} {
		if body := page(p, "en"); strings.Contains(body, "proxy-chain") {
			t.Errorf("%s's page warns of a chain there is not", p)
		}
	}
	h.must("mc", "transfer_proxy", obj{"mandate": "m-anna", "to": "dora"})
	if body := page("anna", "en"); !strings.Contains(body, `<p class="meta proxy-chain">`+carries) {
		t.Errorf("Anna's page, her mandate given by proxy, does not warn:\n%s", body)
	}
	if body := page("clara", "en"); !strings.Contains(body, gave) {
		t.Errorf("Clara's page does not warn that her proxy gave theirs away:\n%s", body)
	}
	for lang, want := range map[string]string{
		"de": "solange Anna Arkadyevna abwesend ist, wird dieses Mandat nicht geführt",
		"ru": "пока Anna Arkadyevna отсутствует, этот мандат никто не несёт",
		"fr": "tant que Anna Arkadyevna est absent(e), ce mandat n&#39;est pas porté",
		"es": "mientras Anna Arkadyevna esté ausente, esta credencial no se ejerce",
	} {
		if body := page("clara", lang); !strings.Contains(body, want) {
			t.Errorf("Clara's page in %s does not say %q", lang, want)
		}
	}
	// Dora carries Anna's: her form warns, the page above it does not.
	if body := page("dora", "en"); strings.Contains(body, `"meta proxy-chain"`) || !strings.Contains(body, `"meta proxy-chain-form"`) {
		t.Error("Dora's page warns of a chain there is not, or her form does not warn")
	}
}
