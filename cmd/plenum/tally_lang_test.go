package main

import (
	"regexp"
	"strings"
	"testing"

	"plenum/i18n"
)

// tiedBLT is an election of two seats in which the count leaves
// candidates level for exclusion, to be settled by lot.
const tiedBLT = `5 2
2 1 2 0
2 2 1 0
2 3 4 0
2 4 3 0
1 5 1 0
0
"Anna"
"Boris"
"Clara"
"Dmitri"
"Egor"
"Tied"
`

// englishWords are the words of at least four letters of the English
// messages whose keys start with one of prefixes, but for those that
// stand in every language (the record's, the file's).
func englishWords(keep []string, prefixes ...string) map[string]bool {
	english := map[string]bool{}
	for _, m := range i18n.Messages() {
		for _, p := range prefixes {
			if strings.HasPrefix(m.Key, p) {
				for _, w := range regexp.MustCompile(`\pL{4,}`).FindAllString(m.En, -1) {
					english[strings.ToLower(w)] = true
				}
			}
		}
	}
	for _, w := range keep {
		delete(english, w)
	}
	return english
}

// TestTallyInTheOfficersLanguage: plenum tally's count sheet, its ties
// and its warning of unfilled seats are in the language of --lang, else
// of the environment; no English word of them is left, the names and the
// seed stand as they are, and the English is as it was.
func TestTallyInTheOfficersLanguage(t *testing.T) {
	f := writeFile(t, "tied.blt", tiedBLT)
	english := englishWords([]string{"anna", "boris", "clara", "dmitri", "egor", "tied", "total", "vote", "quota"}, "cli.tally.", "tie between", "for ", "%s has", "first preferences")
	for _, w := range []string{"tie", "lot", "seed", "stage", "broken"} {
		english[w] = true
	}
	want := map[string][]string{
		"de": {"Tied — übertragbare Einzelstimmgebung (schottische Regeln), 2 Sitze, Startwert 7", "gültige Stimmzettel: 9; Quote 9 ÷ 3 + 1 = 4", "Egor hat die wenigsten Stimmen (1.00000) und scheidet aus", "Zählrunde 2: Ausschluss — Egor", "Stimmengleichheiten:", "Zählrunde 2: Stimmengleichheit zwischen Boris, Clara und Dmitri beim Ausschluss, durch Losentscheid entschieden (Startwert 7): Boris", "Gewählt, in der Reihenfolge der Wahl:"},
		"ru": {"Этап 2: исключение — Egor", "Egor исключается: наименьшее число голосов (1.00000)", "этап 2: при исключении равенство голосов: Boris, Clara и Dmitri; решено жребием (начальное число 7): Boris", "Избраны, в порядке избрания:"},
		"fr": {"Étape 2 : élimination — Egor", "égalité entre Boris, Clara et Dmitri pour l'élimination, départagée par tirage au sort (graine 7) : Boris"},
		"es": {"Etapa 2: eliminación — Egor", "empate entre Boris, Clara y Dmitri para la eliminación, resuelto por sorteo (semilla 7): Boris"},
	}
	for lang, phrases := range want {
		for _, run := range []func() (int, string, string){
			func() (int, string, string) {
				return runForTest(t, "", "tally", "--method", "stv-scottish", "--stages", "--seed", "7", "--lang", lang, f)
			},
			func() (int, string, string) {
				return runIn(t, lang, "tally", "--method", "stv-scottish", "--stages", "--seed", "7", f)
			},
		} {
			code, out, errs := run()
			if code != 0 {
				t.Fatalf("%s: exit %d: %s", lang, code, errs)
			}
			for _, p := range phrases {
				if !strings.Contains(out, p) {
					t.Errorf("%s: the count sheet lacks %q:\n%s", lang, p, out)
				}
			}
			for _, w := range regexp.MustCompile(`\pL{4,}`).FindAllString(out, -1) {
				if english[strings.ToLower(w)] {
					t.Errorf("%s: the English word %q is left:\n%s", lang, w, out)
					break
				}
			}
		}
		// The ties on standard error, and seats left unfilled.
		_, _, errs := runForTest(t, "", "tally", "--method", "stv-scottish", "--seed", "7", "--lang", lang, f)
		if !strings.Contains(errs, "plenum tally: ") || !strings.Contains(errs, "(7)") && !strings.Contains(errs, " 7)") {
			t.Errorf("%s: the ties on standard error: %q", lang, errs)
		}
		few := writeFile(t, "few.csv", "a,b\n1,2\n2,1\n")
		code, _, errs := runForTest(t, "", "tally", "--method", "plurality", "--seats", "3", "--lang", lang, few)
		if code != 1 {
			t.Errorf("%s: unfilled seats: exit %d", lang, code)
		}
		for _, w := range regexp.MustCompile(`\pL{4,}`).FindAllString(strings.TrimPrefix(errs, "plenum tally: "), -1) {
			if english[strings.ToLower(w)] {
				t.Errorf("%s: the English word %q is left in the warning %q", lang, w, errs)
				break
			}
		}
	}
	// English, as it was; a language plenum does not speak is refused.
	code, out, errs := runForTest(t, "", "tally", "--method", "stv-scottish", "--stages", "--seed", "7", f)
	for _, p := range []string{"Tied — stv-scottish, 2 seats, seed 7", "Stage 2: exclusion — Egor", "Ties:\n  stage 2: tie between Boris, Clara and Dmitri for exclusion broken by lot, seed 7: Boris\n", "Elected, in order of election:\n  1. Anna\n"} {
		if code != 0 || !strings.Contains(out, p) {
			t.Errorf("English: exit %d, the count sheet lacks %q:\n%s%s", code, p, out, errs)
		}
	}
	if code, _, errs := runForTest(t, "", "tally", "--method", "irv", "--lang", "pt", f); code != 2 || !strings.Contains(errs, "en, de, ru, fr, es") {
		t.Errorf("--lang pt: exit %d: %s", code, errs)
	}
}
