package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestUnappliedAmendmentQuotedInThePagesLanguage: the delegate's page
// names a carried amendment that changes no lines by its title in the
// quotation marks of the page's language, as the minutes do: „…“ in
// German, «…» in Russian, not the English “…” (review 41, L6).
func TestUnappliedAmendmentQuotedInThePagesLanguage(t *testing.T) {
	h := unappliedHall(t)
	for lang, want := range map[string]string{"de": "„Say it with regret“", "ru": "«Say it with regret»", "en": "“Say it with regret”"} {
		_, phone := h.browser("anna").getWith("/a/"+asm+"/delegate", http.Header{"Accept-Language": {lang}})
		if motions := between(phone, `<section id="motions"`, `</section>`); !strings.Contains(motions, want) {
			t.Errorf("%s: the delegate's page does not quote the amendment as %s:\n%s", lang, want, motions)
		}
	}
}
