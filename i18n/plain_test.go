package i18n

import "testing"

// The messages said without arguments, kept once printed (Locale.plain),
// are the catalog's in every language: the first T (which prints) and
// the second (which reads what was kept) say what the printer says; a
// message with arguments is printed each time, and a key the catalog
// lacks is said as the printer says it and not kept.
func TestPlainMessagesAreTheCatalogs(t *testing.T) {
	for _, lang := range []string{"en", "de", "ru", "fr", "es", Pseudo} {
		l := For(lang)
		for _, m := range Messages() {
			want := l.p.Sprintf(m.Key)
			for range 2 {
				if got := l.T(m.Key); got != want {
					t.Fatalf("%s %s: %q, want %q", lang, m.Key, got, want)
				}
			}
		}
		if got, want := l.T("web.c.voted_of", 3, 10), l.p.Sprintf("web.c.voted_of", 3, 10); got != want {
			t.Errorf("%s with arguments: %q, want %q", lang, got, want)
		}
	}
	var none *Locale
	if got, want := none.T("web.c.the_vote"), For("en").p.Sprintf("web.c.the_vote"); got != want {
		t.Errorf("the nil locale: %q, want English %q", got, want)
	}
	en := For("en")
	en.T("no.such.key")
	if _, kept := en.plain.Load("no.such.key"); kept {
		t.Error("a key the catalog lacks was kept")
	}
}
