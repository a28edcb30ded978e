package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestProxyReceiptSaysWhoseMandate: the receipt of a ballot a proxy casts
// for the mandate they carry says for whose mandate it was cast, in the
// reader's language, in a roll-call, a secret vote and an election, on
// the receipt page and on the receipt the delegate's page shows in place;
// the receipt of the proxy's own ballot says nothing of it.
func TestProxyReceiptSaysWhoseMandate(t *testing.T) {
	h := newProxyHall(t)
	anna := h.browser("anna")
	const forClara = "Cast for the mandate of Clara Zetkin, which you carry as proxy."
	receipt := func(what, draftBody string) string {
		t.Helper()
		loc := anna.confirm(draftBody).Header.Get("Location")
		if !strings.HasPrefix(loc, "/a/coop/receipt?entry=") {
			t.Fatalf("%s: the page goes to %q, want its receipt", what, loc)
		}
		return loc
	}
	says := func(what, loc string, want bool) {
		t.Helper()
		for _, path := range []string{loc, loc + "&fragment=receipt"} {
			status, body, _ := anna.get(path)
			if status != http.StatusOK || strings.Contains(body, forClara) != want {
				t.Errorf("%s, %s: %d; says it was cast for Clara's mandate: %v, want %v\n%s", what, path, status, !want, want, body)
			}
		}
	}

	h.must("chair", "open_vote", obj{"id": "v1", "question": "Adopt the accounts?", "method": "roll_call"})
	clara := receipt("Clara's ballot", anna.draft(url.Values{"step": {"check"}, "vote": {"v1"}, "for": {"m-clara"}, "choice": {"against"}}))
	says("Clara's ballot", clara, true)
	own := receipt("Anna's own ballot", anna.draft(url.Values{"step": {"check"}, "vote": {"v1"}, "choice": {"for"}}))
	says("Anna's own ballot", own, false)
	for lang, want := range map[string]string{
		"de": "Abgegeben für das Mandat von Clara Zetkin, das Sie in Vertretung tragen.",
		"ru": "Подано по мандату, переданному вам по доверенности: Clara Zetkin.",
		"fr": "Déposé pour le mandat de Clara Zetkin, que vous portez par procuration.",
		"es": "Emitido por la credencial de Clara Zetkin, que usted ejerce por poder.",
	} {
		if _, body := anna.getWith(clara, http.Header{"Accept-Language": {lang}}); !strings.Contains(body, want) {
			t.Errorf("Clara's receipt in %s does not say %q:\n%s", lang, want, body)
		}
	}
	h.must("chair", "close_vote", obj{"vote": "v1"})

	h.must("chair", "open_vote", obj{"id": "v2", "question": "Elect the auditor?", "method": "secret"})
	says("Clara's secret ballot", receipt("Clara's secret ballot", anna.draft(url.Values{"step": {"check"}, "vote": {"v2"}, "for": {"m-clara"}, "choice": {"for"}})), true)
	h.must("chair", "close_vote", obj{"vote": "v2"})

	h.must("chair", "open_election", obj{"id": "e1", "title": "The treasurer", "seats": 1, "method": "plurality", "candidates": []string{"boris", "dora"}})
	says("Clara's election ballot", receipt("Clara's election ballot", anna.draft(url.Values{"step": {"check"}, "election": {"e1"}, "for": {"m-clara"}, "a:approve:list": {"dora"}})), true)
	says("Anna's own election ballot", receipt("Anna's own election ballot", anna.draft(url.Values{"step": {"check"}, "election": {"e1"}, "a:approve:list": {"boris"}})), false)
}
