package i18n_test

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"plenum/assembly"
	"plenum/i18n"
	"plenum/tally"
)

// TestTies counts many small elections full of ties by every method and
// says each tie as the minutes, the count sheet and plenum tally do
// (assembly.TieBreak.Reason): its English is package tally's text word
// for word, every form of tie is met, and in the pseudo-locale nothing
// of it is outside the catalog's messages but the names and the numbers;
// in every other language no English word of it is left. Each stage's
// reason (tally.Stage.Why) is checked the same way.
func TestTies(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	forms, phrases := map[string]int{}, map[string]int{}
	for round := range 20000 {
		method := tally.Methods[round%len(tally.Methods)]
		n := 2 + rng.IntN(5)
		cands := make([]string, n)
		for i := range cands {
			cands[i] = fmt.Sprintf("C%c", 'a'+i)
		}
		e := &tally.Election{Candidates: cands, Seats: 1 + rng.IntN(n)}
		for range 1 + rng.IntN(8) {
			var rk [][]int
			for _, c := range rng.Perm(n)[:1+rng.IntN(n)] {
				rk = append(rk, []int{c})
			}
			e.Ballots = append(e.Ballots, tally.Ballot{Weight: tally.Int(1 + int64(rng.IntN(2))), Ranking: rk})
		}
		r, err := tally.Count(method, e, tally.Options{Seed: uint64(round) * 1000})
		if err != nil {
			continue
		}
		for _, st := range r.Stages {
			if st.Why.String() != st.Reason {
				t.Fatalf("%s: the stage's phrase reads %q, its reason %q", method, st.Why, st.Reason)
			}
			if phrases[st.Why.Format]++; phrases[st.Why.Format] > 3 {
				continue
			}
			saidInEvery(t, method, st.Why)
		}
		for _, tb := range r.TieBreaks {
			tie := assembly.NewTieBreak(method, cands, r.Seed, tb)
			reason := tie.Reason(nil)
			format, _ := reason.RefusalParts()
			forms[format]++
			if got := reason.String(); got != tb.Text {
				t.Fatalf("%s: the tie reads\n%q\nbut tally wrote\n%q", method, got, tb.Text)
			}
			if forms[format] > 3 {
				continue
			}
			pseudo := i18n.For(i18n.Pseudo).Part(reason)
			for _, w := range strings.FieldsFunc(i18n.Unwrapped(pseudo), func(r rune) bool { return !unicode.IsLetter(r) }) {
				if !strings.HasPrefix(w, "C") || len(w) != 2 {
					t.Errorf("%s: %q of %q is not from the catalog", method, w, pseudo)
				}
			}
			for _, l := range i18n.Languages[1:] {
				said := i18n.For(l.Tag).Part(reason)
				for _, english := range []string{"tie", "broken", "lot", "seed", "stage", "level", " and ", "for "} {
					if strings.Contains(said, english) {
						t.Errorf("%s: %q still says %q", l.Tag, said, english)
					}
				}
				if strings.Contains(format, "lot") && !strings.Contains(said, fmt.Sprint(tie.Seed)) {
					t.Errorf("%s: %q does not name the seed %d", l.Tag, said, tie.Seed)
				}
			}
		}
	}
	for _, f := range []string{
		"tie between %s %s broken by lot, seed %s: %s",
		"tie between %s %s; the earlier stages leave %s tied; broken by lot among %s, seed %s: %s",
		"tie between %s %s; the votes leave %s tied; broken by lot among %s, seed %s: %s",
		"tie between %s %s broken by the votes at stage %d: %s",
		"tie between %s %s broken by the larger vote: %s",
		"%s are level by their strongest paths; seat %d goes by lot, seed %s: %s",
	} {
		if forms[f] == 0 {
			t.Errorf("no count had a tie of the form %q; the test does not read it", f)
		}
	}
	// The words a chair would use for a lot, in each language.
	tie := assembly.TieBreak{For: tally.PurposeLastSeat, Tied: []string{"a", "b"}, Lot: []string{"a", "b"}, How: tally.HowLot, Seed: 12345, Chosen: "b"}
	for lang, want := range map[string]string{
		"en": "tie between a and b for the last seat broken by lot, seed 12345: b",
		"de": "Stimmengleichheit zwischen a und b um den letzten Sitz, durch Losentscheid entschieden (Startwert 12345): b",
		"ru": "в борьбе за последнее место равенство голосов: a и b; решено жребием (начальное число 12345): b",
		"fr": "égalité entre a et b pour le dernier siège, départagée par tirage au sort (graine 12345) : b",
		"es": "empate entre a y b por el último puesto, resuelto por sorteo (semilla 12345): b",
	} {
		if got := i18n.For(lang).Part(tie.Reason(nil)); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}

// saidInEvery fails when a phrase of a count sheet has words outside the
// catalog's messages in the pseudo-locale (but for the candidates' names,
// C and a letter), or English words in another language.
func saidInEvery(t *testing.T, method string, p tally.Phrase) {
	t.Helper()
	pseudo := i18n.For(i18n.Pseudo).Part(p)
	for _, w := range strings.FieldsFunc(i18n.Unwrapped(pseudo), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if !strings.HasPrefix(w, "C") || len(w) != 2 {
			t.Errorf("%s: %q of %q is not from the catalog", method, w, pseudo)
		}
	}
	english := regexp.MustCompile(`\b(has|the|and|votes|papers|surplus|excluded|stage|preferences|seat|seats|elected|value|batch|fewest)\b`)
	for _, l := range i18n.Languages[1:] {
		if said := i18n.For(l.Tag).Part(p); english.MatchString(said) {
			t.Errorf("%s in %s: %q still says %q", method, l.Tag, said, english.FindString(said))
		}
	}
}
