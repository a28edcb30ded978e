package named

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/i18n"
)

// TestRefusalsSayNoWordTwice: every refusal of the rules the catalog
// translates whose argument is a vote, an election or a motion — the id
// after "vote", "vote on", "election", "motion" or "amendment", quoted
// (%q) or not — rendered in each language as the API and the pages
// render it (Locale.Refusal, then Namer.Text), with a vote on a motion
// that has no question of its own: nothing is said twice. Before, "the
// vote %q is not open" read "the vote the vote on “…” is not open", "no
// vote on %s" "no vote on the vote on “…”", "the encrypted election %s"
// "the encrypted election the election “…”", and "the vote %s on %s" —
// a vote named by its motion's title, then the motion — "the vote on
// “Raise the dues” on “Raise the dues”" ("der Abstimmung „…“ über „…“").
func TestRefusalsSayNoWordTwice(t *testing.T) {
	s := assembly.NewState()
	s.Motions["m1"] = &assembly.Motion{ID: "m1", Title: "Raise the dues"}
	s.Votes["v1"] = &assembly.Vote{ID: "v1", Motion: "m1"}
	s.Elections["e1"] = &assembly.Election{ID: "e1", Title: "The board"}
	verb := regexp.MustCompile(`%(\[\d+\])?[sdvq]`)
	catalogKey := regexp.MustCompile(`^[a-z]+\.[a-z_.]+$`)
	idAfter := []struct {
		id     string
		before *regexp.Regexp
	}{
		{"v1", regexp.MustCompile(`\bvote (on )?"?$`)},
		{"e1", regexp.MustCompile(`\belection "?$`)},
		{"m1", regexp.MustCompile(`\b(motion|amendment) "?$`)},
	}
	onMotion := regexp.MustCompile(`vote %[sq] on "?$`)
	doubled := regexp.MustCompile(`(?i)\b(the vote|vote on|the election|election) (the vote|vote on|the election)\b|Raise the dues[”“»]\s*\S+\s*[“„«]\s*Raise the dues|[“„«]\s*[“„«]|[”“»]\s*[”»]`)
	checked := 0
	for _, m := range i18n.Messages() {
		if catalogKey.MatchString(m.Key) || !strings.Contains(m.Key, "%") {
			continue // not a refusal of the rules (those are keyed by their English)
		}
		locs := verb.FindAllStringIndex(m.Key, -1)
		args := make([]any, len(locs))
		named := false
		for i, lc := range locs {
			before := strings.ToLower(m.Key[:lc[0]])
			args[i] = "x"
			if m.Key[lc[1]-1] == 'd' {
				args[i] = 2
				continue
			}
			if i > 0 && args[i-1] == "v1" && onMotion.MatchString(before) {
				args[i] = "m1"
				continue
			}
			for _, a := range idAfter {
				if a.before.MatchString(before) {
					args[i], named = a.id, true
				}
			}
		}
		if !named {
			continue
		}
		checked++
		english := fmt.Sprintf(m.Key, args...)
		for _, lang := range []string{"en", "de", "ru", "fr", "es"} {
			l := i18n.For(lang)
			got := Namer{S: s, L: l}.Text(l.Refusal(m.Key, args, english))
			if w := doubled.FindString(got); w != "" {
				t.Errorf("%q in %s says %q: %s", m.Key, lang, w, got)
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d refusals name a vote, an election or a motion: the test no longer finds them", checked)
	}
	en := Namer{S: s}
	for in, want := range map[string]string{
		`the vote "v1" is not open`:                       "the vote on “Raise the dues” is not open",
		"no vote on v1 is recorded":                       "no vote on “Raise the dues” is recorded",
		"the encrypted election e1 has parameters":        "the encrypted election “The board” has parameters",
		`there is no election "e1"`:                       "there is no election “The board”",
		"the vote v1 on m1 is open":                       "the vote on “Raise the dues” is open",
		"the vote v1 on m1, which amends m1, is declared": "the vote on “Raise the dues”, which amends “Raise the dues”, is declared",
		"the vote v1 on m10 is open":                      "the vote on “Raise the dues” on m10 is open",
	} {
		if got := en.Text(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
	de := Namer{S: s, L: i18n.For("de")}
	if got, want := de.Text("die Abstimmung v1 über m1 ist offen"), "die Abstimmung „Raise the dues“ ist offen"; got != want {
		t.Errorf("de: %q, want %q", got, want)
	}
	// The vote on an amendment says what it amends beside the vote, so
	// that it reads without the amendment named again.
	amends := "the vote %s on %s, which amends %s, is not yet declared; a motion is not withdrawn during a vote on it or on its amendments"
	s.Motions["m0"] = &assembly.Motion{ID: "m0", Title: "The dues"}
	for lang, want := range map[string]string{
		"en": "the vote on “Raise the dues”, which amends “The dues”, is not yet declared",
		"de": "das Ergebnis der Abstimmung „Raise the dues“ (ein Änderungsantrag zu „The dues“) ist noch nicht festgestellt",
		"ru": "итог голосования «Raise the dues» (поправка к «The dues») ещё не объявлен",
		"fr": "le résultat du vote « Raise the dues », qui amende « The dues », n'est pas encore proclamé",
		"es": "el resultado de la votación «Raise the dues», que enmienda «The dues», aún no se ha proclamado",
	} {
		l := i18n.For(lang)
		args := []any{"v1", "m1", "m0"}
		if got := (Namer{S: s, L: l}).Text(l.Refusal(amends, args, fmt.Sprintf(amends, args...))); !strings.HasPrefix(got, want) {
			t.Errorf("%s: %q, want it to begin %q", lang, got, want)
		}
	}
	// A vote with a question of its own names its motion too, in
	// brackets, as what it is.
	s.Votes["v2"] = &assembly.Vote{ID: "v2", Motion: "m1", Question: "Shall the dues rise?"}
	if got, want := de.Text("die Abstimmung v2 über m1 ist offen"), "die Abstimmung „Shall the dues rise?“ (Antrag „Raise the dues“) ist offen"; got != want {
		t.Errorf("de, a question of its own: %q, want %q", got, want)
	}
}
