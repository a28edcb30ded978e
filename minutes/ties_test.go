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
{"cmd":"open_election","actor":"ann","at":"2026-05-09T09:28:00Z","args":{"id":"e5","title":"Auditor","seats":1,"method":"plurality","candidates":["starostin","bubnov"]}}
{"cmd":"cast_election_ballot","actor":"starostin","at":"2026-05-09T09:29:00Z","args":{"election":"e5","voter":"starostin","approve":["starostin"]}}
{"cmd":"cast_election_ballot","actor":"bubnov","at":"2026-05-09T09:29:30Z","args":{"election":"e5","voter":"bubnov","approve":["bubnov"]}}
{"cmd":"close_election","actor":"ann","at":"2026-05-09T09:30:00Z","args":{"election":"e5"}}
{"cmd":"declare_election","actor":"ann","at":"2026-05-09T09:31:00Z","args":{"election":"e5"}}
`

// TestTiesInTheDocumentsLanguage: a tie broken by lot is said in the
// document's language, with its seed and the record's names; the English
// minutes keep the recorded line, package tally's words, but for the
// ties, whose ids are names.
func TestTiesInTheDocumentsLanguage(t *testing.T) {
	f := replayScript(t, "ties.jsonl", []byte(tiesScript))
	for _, id := range []string{"e3", "e4"} {
		if !strings.Contains(f.state.Elections[id].Arithmetic, "broken by lot, seed") {
			t.Fatalf("the fixture's election %s has no tie broken by lot: %q", id, f.state.Elections[id].Arithmetic)
		}
	}
	// The English minutes keep the recorded line, the tied named.
	en := string(Markdown(in(t, f, "en")))
	for _, want := range []string{"tie between Starostin and Bubnov for the last seat broken by lot, seed 1917: Starostin", "tie between Starostin and Bubnov for exclusion broken by lot, seed 42: Starostin"} {
		if !strings.Contains(en, want) {
			t.Errorf("the English minutes lack %q", want)
		}
	}
	if strings.Contains(en, "starostin and bubnov") {
		t.Error("the English minutes name the tied by their ids")
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

// TestLotWithoutSeed: a tie broken by a lot drawn with no seed given
// (close_election without one: seed 0) says so in every language and
// format, rather than "seed 0" as if a seed had been drawn.
func TestLotWithoutSeed(t *testing.T) {
	f := replayScript(t, "ties.jsonl", []byte(tiesScript))
	if a := f.state.Elections["e5"].Arithmetic; !strings.Contains(a, "broken by lot, seed 0: ") {
		t.Fatalf("the fixture's e5 has no lot without a seed: %q", a)
	}
	for lang, want := range map[string]string{
		"en": "tie between Starostin and Bubnov for the last seat broken by lot, drawn with no seed given (seed 0), so the draw could be foreseen: ",
		"de": "Stimmengleichheit zwischen Starostin und Bubnov um den letzten Sitz, durch Losentscheid ohne angegebenen Startwert entschieden (Startwert 0), das Los war also vorhersehbar: ",
		"ru": "в борьбе за последнее место равенство голосов: Starostin и Bubnov; решено жребием без заданного начального числа (начальное число 0), поэтому исход жребия можно было предвидеть: ",
		"fr": "égalité entre Starostin et Bubnov pour le dernier siège, départagée par un tirage au sort sans graine donnée (graine 0), donc prévisible : ",
		"es": "empate entre Starostin y Bubnov por el último puesto, resuelto por un sorteo sin semilla indicada (semilla 0), por lo que era previsible: ",
	} {
		readingFormats(t, in(t, f, lang), func(format, text string) {
			if !strings.Contains(text, want) {
				t.Errorf("%s %s lacks %q", lang, format, want)
			}
			if strings.Contains(text, "seed 0:") || strings.Contains(text, "(Startwert 0):") {
				t.Errorf("%s %s says seed 0 as if a seed had been given", lang, format)
			}
		})
	}
}
