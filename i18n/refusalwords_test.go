package i18n_test

import (
	"regexp"
	"strings"
	"testing"

	"plenum/i18n"
)

var verbRe = regexp.MustCompile(`%(?:\[\d+\])?[-+# 0]*\d*(?:\.\d+)?[a-zA-Z]`)

// TestPageVariantsFollowTheirTemplates: each page's variant of a refusal
// ("web.refusal." + template) stands for a template the catalog has, so
// that a template changed in package assembly does not leave its page's
// words behind, unused; and it takes the template's arguments, as many in
// every language, so that no argument is lost or left over on a page.
func TestPageVariantsFollowTheirTemplates(t *testing.T) {
	msgs := map[string]i18n.Msg{}
	for _, m := range i18n.Messages() {
		msgs[m.Key] = m
	}
	n := 0
	for key, m := range msgs {
		template, ok := strings.CutPrefix(key, "web.refusal.")
		if !ok {
			continue
		}
		n++
		if _, ok := msgs[template]; !ok {
			t.Errorf("%q is the page's variant of a template the catalog does not have", key)
			continue
		}
		want := len(verbRe.FindAllString(strings.ReplaceAll(template, "%%", ""), -1))
		for lang, text := range map[string]string{"en": m.En, "de": m.De, "ru": m.Ru, "fr": m.Fr, "es": m.Es} {
			if got := len(verbRe.FindAllString(strings.ReplaceAll(text, "%%", ""), -1)); got != want {
				t.Errorf("%s: %q takes %d arguments, its template %d", lang, text, got, want)
			}
		}
	}
	if n < 10 {
		t.Fatalf("%d page variants found: the test no longer finds them", n)
	}
}
