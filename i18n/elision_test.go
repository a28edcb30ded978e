package i18n

import "testing"

func TestElide(t *testing.T) {
	for _, c := range []struct{ lang, in, want string }{
		{"fr", "Présence de Aïcha Benali enregistrée", "Présence d'Aïcha Benali enregistrée"},
		{"fr", "Interruption de Ivy Chen", "Interruption d'Ivy Chen"},
		{"fr", "De Ivy, le Ordre, que Anna, jusque à", "D'Ivy, l'Ordre, qu'Anna, jusqu'à"},
		{"fr", "la présence de \u2068Émile\u2069", "la présence d'\u2068Émile\u2069"},
		{"fr", "de Boris, de Hélène, de 12, mode ouvert, garde Anna", "de Boris, de Hélène, de 12, mode ouvert, garde Anna"},
		{"es", "Presencia de Aïcha", "Presencia de Aïcha"},
		{"en", "de Ivy", "de Ivy"},
	} {
		if got := Elide(c.lang, c.in); got != c.want {
			t.Errorf("Elide(%s, %q) = %q, want %q", c.lang, c.in, got, c.want)
		}
	}
}
