package web_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"plenum/web"
)

// TestSetupPagesSayAWeightIsNotCounted: a mandate given several votes
// while the rules weighed mandates keeps its weight when weighted_votes is
// turned off, but the rules count it as one vote (a ballot's weight is 1):
// the set-up pages then no longer show "×5" as if it counted — they say
// "(not counted)" beside it, and the person's page says why and that it
// counts again if weights are turned on; with weights on, they show it
// as before; a mandate of one vote shows no weight either way.
func TestSetupPagesSayAWeightIsNotCounted(t *testing.T) {
	h := newWeightedHall(t, web.Options{BaseURL: hallBaseURL})
	admin := h.adminBrowser()
	page := func(path, lang string) string {
		t.Helper()
		return pageIn(t, admin, path, lang)
	}
	// The line of Anna's mandate in the list of people, and the heading
	// of her mandate on her page.
	annaLine := regexp.MustCompile(`(?s)Anna Arkadyevna</strong></a></p>\s*<p class="meta">(.*?)</p>`)
	line := func(lang string) string {
		t.Helper()
		m := annaLine.FindStringSubmatch(page("setup-people", lang))
		if m == nil {
			t.Fatalf("no line of Anna's mandate on the list of people in %s", lang)
		}
		return m[1]
	}
	heading := regexp.MustCompile(`(?s)<article class="mandate">\s*<h3>(.*?)</h3>`)
	head := func(lang string) (string, string) {
		t.Helper()
		body := page("setup-person?p=anna", lang)
		m := heading.FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("no heading of Anna's mandate on her page in %s", lang)
		}
		return m[1], body
	}

	// Weights on: counted, shown as they were.
	if got := line("en"); !strings.HasPrefix(got, "decisive vote ×5 · ") || strings.Contains(got, "not counted") {
		t.Errorf("weights on, the list of people says %q", got)
	}
	if got, body := head("en"); got != "decisive vote, 5 votes — The members" || strings.Contains(body, "uncounted-weight") {
		t.Errorf("weights on, Anna's page heads her mandate %q", got)
	}

	h.must("admin", "set_rules", obj{"overrides": obj{"weighted_votes": false, "proxies_allowed": true}})
	for _, c := range []struct{ lang, line, head, note string }{
		{"en", "decisive vote ×5 (not counted) · ", "decisive vote, 5 votes (not counted) — The members", "so this weight is not counted; it counts again if weighted votes are turned on."},
		{"de", "beschließende Stimme ×5 (nicht gezählt) · ", "beschließende Stimme, 5 Stimmen (nicht gezählt) — The members", "daher wird dieses Gewicht nicht gezählt"},
		{"ru", "×5 (не учитывается) · ", ", голосов: 5 (не учитывается) — The members", "поэтому этот вес не учитывается"},
		{"fr", "×5 (non compté) · ", ", 5 voix (non compté) — The members", "ce poids n&#39;est donc pas compté"},
		{"es", "×5 (no se cuenta) · ", ", 5 votos (no se cuenta) — The members", "por lo que este peso no se cuenta"},
	} {
		if got := line(c.lang); !strings.Contains(got, c.line) {
			t.Errorf("weights off, the list of people in %s says %q, want %q", c.lang, got, c.line)
		}
		got, body := head(c.lang)
		if !strings.HasSuffix(got, c.head) {
			t.Errorf("weights off, Anna's page in %s heads her mandate %q, want %q", c.lang, got, c.head)
		}
		if !strings.Contains(body, c.note) {
			t.Errorf("weights off, Anna's page in %s does not say why the weight is not counted (%q)", c.lang, c.note)
		}
	}
	// One vote: no weight shown, counted or not.
	if body := page("setup-person?p=boris", "en"); strings.Contains(body, "not counted") || strings.Contains(body, "uncounted-weight") {
		t.Errorf("Boris's mandate of one vote is said to carry a weight not counted")
	}
}

// pageIn is the assembly's page path as b reads it in the language lang.
func pageIn(t *testing.T, b *browser, path, lang string) string {
	t.Helper()
	resp, body := b.getWith("/a/"+asm+"/"+path, http.Header{"Cookie": {"plenum_lang=" + lang}})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s in %s: %s", path, lang, resp.Status)
	}
	return body
}
