package i18n

import "testing"

// TestCountOfHandsPlural: a count of hands entered says one abstention
// in the singular on the console and the projector ("1 Enthaltung", "1
// abstention", "1 abstención"), as a count given in digits or as a word.
func TestCountOfHandsPlural(t *testing.T) {
	cases := []struct{ lang, n, want string }{
		{"de", "1", "1 Enthaltung"},
		{"de", "2", "2 Enthaltungen"},
		{"fr", "1", "1 abstention"},
		{"fr", "3", "3 abstentions"},
		{"es", "1", "1 abstención"},
		{"es", "21", "21 abstenciones"},
		{"en", "1", "1 abstaining"},
		{"ru", "1", "воздержались – 1"},
	}
	for _, c := range cases {
		if got := For(c.lang).T("web.wc.count_abstain", c.n); got != c.want {
			t.Errorf("%s %s: %q, want %q", c.lang, c.n, got, c.want)
		}
	}
}
