package i18n_test

import (
	"strings"
	"testing"

	"plenum/i18n"
	"plenum/roster"
)

// TestRosterWordsInTheirLanguage: the import's refusal of a cell's kind
// or status names the words of the page's language, the ones the import
// reads and the page lists ("escriba verificada o presentada"), not the
// English ones, which a Spanish organiser would not think of writing.
func TestRosterWordsInTheirLanguage(t *testing.T) {
	cases := []struct {
		key   string
		words []roster.Words
	}{
		{"%q is not a status of a mandate; write verified, submitted, or leave it empty", roster.StatusWords[:2]},
		{"%q is not a kind of mandate; write decisive, consultative, guest or ex officio (docs/import.md lists the other words read)", roster.KindWords},
	}
	for _, lang := range []string{"en", "de", "ru", "fr", "es"} {
		l := i18n.For(lang)
		for _, c := range cases {
			got := l.T(c.key, "x")
			for _, w := range c.words {
				first := w.Words[lang][0]
				if !strings.Contains(got, first) {
					t.Errorf("%s: %q does not name %q, the first word the import reads in this language", lang, got, first)
				}
			}
		}
	}
}
