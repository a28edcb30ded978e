package i18n_test

import (
	"strings"
	"testing"

	"plenum/i18n"
)

// TestReasonsRender: a refusal whose argument is a reason of its own (why
// an id, a text or a command line is not valid) is rendered whole in the
// locale, the reason too; English stays as the rules wrote it.
func TestReasonsRender(t *testing.T) {
	const create = `{"cmd":"create_assembly","actor":"admin","at":"2026-05-09T10:00:00Z","args":{"id":"c","name":"C","starts":"2026-05-09","rules":"congress"}}`
	cases := []struct {
		line     string
		lang     string
		want     string
		notWords []string
	}{
		{`{"cmd":"add_person","actor":"Ann","at":"2026-05-09T10:00:00Z","args":{"id":"x","name":"X"}}`, "de",
			"der Handelnde (actor) \"Ann\" ist keine gültige ID: 'A' ist nicht erlaubt; verwenden Sie Kleinbuchstaben, Ziffern, '-' und '_'", []string{"allowed"}},
		{`{"cmd":"add_person","actor":"ann","at":"2026-05-09T10:00:00Z","assembly":"c","args":{"id":"x","name":"X\u0000"}}`, "ru",
			"add_person: поле \"name\" содержит символ NUL, U+0000 (байт 1)", []string{"holds", "character"}},
		{`{"cmd":"add_person","actor":"ann","at":"2026-05-09T10:00:00Z","assembly":"c","args":{"id":"x","name":7}}`, "fr",
			"add_person : le champ \"name\" doit être une chaîne de caractères, pas une valeur JSON de type number", []string{"must be", "a string"}},
		{`{"cmd":"add_person","actor":"ann","at":"2026-05-09T10:00:00Z","assembly":"c","args":{"id":"","name":"X","age":3}}`, "es",
			"add_person: campo desconocido \"age\"", []string{"unknown"}},
	}
	for _, c := range cases {
		e := refusal(t, create, c.line)
		got := i18n.For(c.lang).Refusal(e.Format, e.Args, e.Msg)
		if got != c.want {
			t.Errorf("%s: %q\n want %q", c.lang, got, c.want)
		}
		for _, w := range c.notWords {
			if strings.Contains(got, w) {
				t.Errorf("%s: English %q left in %q", c.lang, w, got)
			}
		}
		if en := i18n.For("en").Refusal(e.Format, e.Args, e.Msg); en != e.Msg {
			t.Errorf("en: %q, want the rules' own %q", en, e.Msg)
		}
	}
}
