package cards_test

import (
	"strings"
	"testing"

	"plenum/cards"
	"plenum/internal/pdftext"
)

// TestPersonalMandateIsNoDelegate: the card of a personal mandate (a
// member of a cooperative, who takes part in their own right) names the
// vote without calling its holder a delegate, in every language; a
// mandate from an organization is a delegate's, as before.
func TestPersonalMandateIsNoDelegate(t *testing.T) {
	cs := []cards.Card{
		{Person: "pilar", Name: "Pilar Núñez Ruiz", Mandate: "decisive", Code: "AAAA-BBBB-CCCC-DDDD", Link: "https://coop.example.org/login?code=AAAA-BBBB-CCCC-DDDD"},
		{Person: "tomas", Name: "Tomás Sánchez", Mandate: "consultative", Code: "AAAA-BBBB-CCCC-EEEE", Link: "https://coop.example.org/login?code=AAAA-BBBB-CCCC-EEEE"},
		{Person: "rosa", Name: "Rosa Luxemburg", Organization: "Riverside", OrganizationID: "river", Mandate: "decisive", Code: "AAAA-BBBB-CCCC-FFFF", Link: "https://coop.example.org/login?code=AAAA-BBBB-CCCC-FFFF"},
	}
	for _, c := range []struct {
		lang      string
		want      []string
		delegates int // "Delegate" and its translations: Rosa's card only
		delegate  string
	}{
		{"en", []string{"Decisive vote", "Consultative vote", "Delegate, decisive vote"}, 1, "Delegate"},
		{"de", []string{"Beschließende Stimme", "Beratende Stimme", "Delegierte/r, beschließende Stimme"}, 1, "Delegierte"},
		{"ru", []string{"Решающий голос", "Совещательный голос", "Делегат с решающим голосом"}, 1, "Делегат"},
		{"fr", []string{"Voix délibérative", "Voix consultative", "Délégué(e), voix délibérative"}, 1, "Délégué"},
		{"es", []string{"Voto decisivo", "Voto consultivo", "Delegado/a, voto decisivo"}, 1, "Delegado"},
	} {
		pdf, err := cards.PDFIn("Asamblea general", cs, c.lang)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(pdftext.Text(t, pdf)), " ")
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the cards lack %q:\n%s", c.lang, w, text)
			}
		}
		if n := strings.Count(text, c.delegate); n != c.delegates {
			t.Errorf("%s: %q printed %d times, want %d (the organization's delegate only):\n%s", c.lang, c.delegate, n, c.delegates, text)
		}
	}
}

// TestMemberNumberStaysWithItsMark: a name with the member number beside
// it wraps before "(No. …)", never between "(No." and the number (a
// 10,000-delegate congress's cards read "Ángel Bjørnstad (No." and
// "M06840)" on two lines).
func TestMemberNumberStaysWithItsMark(t *testing.T) {
	cs := []cards.Card{
		{Person: "p1", Name: "Ángel Bjørnstad", Ref: "M06840", Namesake: true, Mandate: "decisive", Code: "AAAA-BBBB-CCCC-DDDD", Link: "https://c.example.org/login?code=AAAA-BBBB-CCCC-DDDD"},
		{Person: "p2", Name: "Ángel Bjørnstad", Ref: "M06841", Namesake: true, Mandate: "decisive", Code: "AAAA-BBBB-CCCC-EEEE", Link: "https://c.example.org/login?code=AAAA-BBBB-CCCC-EEEE"},
	}
	for lang, mark := range map[string]string{"en": "(No.", "de": "(Nr.", "ru": "(№", "fr": "(nº", "es": "(n.º"} {
		pdf, err := cards.PDFIn("Congress", cs, lang)
		if err != nil {
			t.Fatal(err)
		}
		text := pdftext.Text(t, pdf)
		for _, ref := range []string{"M06840)", "M06841)"} {
			found := false
			for _, line := range strings.Split(text, "\n") {
				if strings.Contains(line, ref) {
					found = true
					if !strings.Contains(line, mark) {
						t.Errorf("%s: %q is not on the line of %q: %q\n%s", lang, ref, mark, line, text)
					}
				}
			}
			if !found {
				t.Errorf("%s: no line holds %q:\n%s", lang, ref, text)
			}
		}
	}
}
