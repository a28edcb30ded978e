package web

import (
	"testing"

	"plenum/i18n"
)

// The words kept once looked up are the catalog's, in every language:
// the first ask (which looks up) and the second (which reads what was
// kept) say what i18n says; a key the catalog lacks is said as i18n says
// it and not kept.
func TestWordsAreTheCatalogs(t *testing.T) {
	for _, lang := range []string{"en", "de", "ru", "fr", "es", i18n.Pseudo} {
		l := i18n.For(lang)
		for _, m := range i18n.Messages() {
			want := l.T(m.Key)
			for range 2 {
				if got := (locale{l}).T(m.Key); got != want {
					t.Fatalf("%s %s: %q, want %q", lang, m.Key, got, want)
				}
			}
		}
		if got, want := (locale{l}).T("web.c.voted_of", 3, 10), l.T("web.c.voted_of", 3, 10); got != want {
			t.Errorf("%s with arguments: %q, want %q", lang, got, want)
		}
	}
	if got, want := (locale{}).T("web.c.the_vote"), i18n.For("en").T("web.c.the_vote"); got != want {
		t.Errorf("the zero locale: %q, want English %q", got, want)
	}
	(locale{}).T("no.such.key")
	words.mu.RLock()
	_, kept := words.m[wordKey{i18n.For("en"), "no.such.key"}]
	words.mu.RUnlock()
	if kept {
		t.Error("a key the catalog lacks was kept")
	}
}
