package minutes

import (
	"strings"
	"testing"

	"plenum/i18n"
)

// tiesScript holds two elections whose counts end in a tie the rules
// leave to chance: a plurality election for one seat between two
// candidates with a vote each, and instant-runoff among three in which
// two are level for exclusion.
const tiesScript = withdrawnScript + `{"cmd":"open_election","actor":"ann","at":"2026-05-09T09:20:00Z","args":{"id":"e3","title":"Editor","seats":1,"method":"plurality","candidates":["starostin","bubnov"]}}
{"cmd":"cast_election_ballot","actor":"starostin","at":"2026-05-09T09:21:00Z","args":{"election":"e3","voter":"starostin","approve":["starostin"]}}
{"cmd":"cast_election_ballot","actor":"bubnov","at":"2026-05-09T09:21:30Z","args":{"election":"e3","voter":"bubnov","approve":["bubnov"]}}
{"cmd":"close_election","actor":"ann","at":"2026-05-09T09:22:00Z","args":{"election":"e3","seed":1917}}
{"cmd":"declare_election","actor":"ann","at":"2026-05-09T09:23:00Z","args":{"election":"e3"}}
{"cmd":"open_election","actor":"ann","at":"2026-05-09T09:24:00Z","args":{"id":"e4","title":"Treasurer","seats":1,"method":"irv","candidates":["starostin","bubnov","ann"]}}
{"cmd":"cast_election_ballot","actor":"starostin","at":"2026-05-09T09:25:00Z","args":{"election":"e4","voter":"starostin","ranking":["starostin","ann"]}}
{"cmd":"cast_election_ballot","actor":"bubnov","at":"2026-05-09T09:25:30Z","args":{"election":"e4","voter":"bubnov","ranking":["bubnov","ann"]}}
{"cmd":"close_election","actor":"ann","at":"2026-05-09T09:26:00Z","args":{"election":"e4","seed":42}}
{"cmd":"declare_election","actor":"ann","at":"2026-05-09T09:27:00Z","args":{"election":"e4"}}
`

// TestTiesInTheDocumentsLanguage: a tie broken by lot is said in the
// document's language, with its seed and the record's names; the English
// minutes keep the recorded line, package tally's words.
func TestTiesInTheDocumentsLanguage(t *testing.T) {
	f := replayScript(t, "ties.jsonl", []byte(tiesScript))
	for _, id := range []string{"e3", "e4"} {
		if !strings.Contains(f.state.Elections[id].Arithmetic, "broken by lot, seed") {
			t.Fatalf("the fixture's election %s has no tie broken by lot: %q", id, f.state.Elections[id].Arithmetic)
		}
	}
	// The English minutes keep the recorded line as every document
	// before the catalogs had it (the ids of the tied, as tally words
	// them), so that those documents still verify.
	en := string(Markdown(in(t, f, "en")))
	for _, want := range []string{"tie between starostin and bubnov for the last seat broken by lot, seed 1917: Starostin", "tie between starostin and bubnov for exclusion broken by lot, seed 42: Starostin"} {
		if !strings.Contains(en, want) {
			t.Errorf("the English minutes lack %q", want)
		}
	}
	want := map[string][]string{
		"de": {"Stimmengleichheit zwischen Starostin und Bubnov um den letzten Sitz, durch Losentscheid entschieden (Startwert 1917): ", "Stimmengleichheit zwischen Starostin und Bubnov beim Ausschluss, durch Losentscheid entschieden (Startwert 42): "},
		"ru": {"в борьбе за последнее место равенство голосов: Starostin и Bubnov; решено жребием (начальное число 1917): ", "при исключении равенство голосов: Starostin и Bubnov; решено жребием (начальное число 42): "},
		"fr": {"égalité entre Starostin et Bubnov pour le dernier siège, départagée par tirage au sort (graine 1917) : ", "égalité entre Starostin et Bubnov pour l'élimination, départagée par tirage au sort (graine 42) : "},
		"es": {"empate entre Starostin y Bubnov por el último puesto, resuelto por sorteo (semilla 1917): ", "empate entre Starostin y Bubnov para la eliminación, resuelto por sorteo (semilla 42): "},
	}
	for lang, phrases := range want {
		md := string(Markdown(in(t, f, lang)))
		for _, p := range phrases {
			if !strings.Contains(md, p) {
				t.Errorf("%s: the minutes lack %q", lang, p)
			}
		}
		for _, english := range []string{"tie between", "broken by lot", "seed "} {
			if strings.Contains(md, english) {
				t.Errorf("%s: the minutes still say %q", lang, english)
			}
		}
	}
	d := in(t, f, i18n.Pseudo)
	for _, e := range d.Elections {
		if w := words(unwrapped(e.Arithmetic)); e.ID == "e3" || e.ID == "e4" {
			if len(w) > 0 {
				t.Errorf("election %s: %q of the count %q is not from the catalog", e.ID, w, e.Arithmetic)
			}
		}
	}
}
