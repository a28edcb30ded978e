package web_test

import (
	"html"
	"net/http"
	"strings"
	"testing"
)

// TestElectionFormSaysBallotsByName: the chair's form that opens an
// election says beside the method that, unless the ballots are
// encrypted, every ballot is published with the voter's name (on the
// elections tab and in the minutes: REVIEW-coop M3), in the page's
// language; the delegate's ballot says it already (web.byname.note).
func TestElectionFormSaysBallotsByName(t *testing.T) {
	h := newHall(t)
	for lang, want := range map[string]string{
		"en": "By name: every ballot is published with the voter's name",
		"fr": "Nominatifs : chaque bulletin est publié avec le nom du votant",
	} {
		_, page := h.browser("chair").getWith("/a/"+asm+"/chair/elections", http.Header{"Cookie": {"plenum_lang=" + lang}})
		page = html.UnescapeString(page)
		i := strings.Index(page, `value="open_election"`)
		if i < 0 {
			t.Fatalf("%s: no form that opens an election", lang)
		}
		form := page[i : i+strings.Index(page[i:], "</form>")]
		if !strings.Contains(form, `<select id="el-method" name="a:method" aria-describedby="el-byname">`) ||
			!strings.Contains(form, `id="el-byname">`+want) {
			t.Errorf("%s: the election form does not say the ballots are published by name:\n%s", lang, form)
		}
	}
}
