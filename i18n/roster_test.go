package i18n_test

import (
	"testing"

	"plenum/i18n"
	"plenum/roster"
)

// rosterMakers are the functions and methods of package roster that make a
// message about a row from a template, and the position of the template
// among their arguments (roster/plan.go, roster/phrase.go).
var rosterMakers = map[string]int{"problem": 2, "note": 1, "change": 1, "phrase": 0, "fileProblem": 1}

// TestEveryRosterMessageTranslated fails on a message of package roster
// about a row that the catalog does not translate, so that a new check of
// the import cannot bring an English sentence into a German preview.
func TestEveryRosterMessageTranslated(t *testing.T) {
	if n := templatesTranslated(t, "../roster/*.go", rosterMakers, "the roster's message"); n < 50 {
		t.Fatalf("found %d message templates in package roster; the search no longer finds them", n)
	}
}

// TestRosterPhrases renders a roster's phrase with phrases and a list in
// it in German and in English.
func TestRosterPhrases(t *testing.T) {
	p := roster.Phrase{Format: "%s holds %d mandates (from %s), none from %s; the import changes one mandate a person holds: change these on the mandate commission's page",
		Args: []any{"Anna", 2, roster.List{"Bäcker", roster.Phrase{Format: "no organization"}}, "Metall"}}
	want := "Anna hat 2 Mandate (von Bäcker, keine Organisation), keines von Metall; der Import ändert ein Mandat einer Person: ändern Sie diese auf der Seite der Mandatsprüfungskommission"
	if got := i18n.For("de").Part(p); got != want {
		t.Errorf("de: %q, want %q", got, want)
	}
	if got := i18n.For("en").Part(p); got != p.String() {
		t.Errorf("en: %q", got)
	}
	more := roster.Phrase{Format: "it has %s and %d more", Args: []any{roster.List{"A", "B"}, 1}}
	if got := i18n.For("fr").Part(more); got != "elle a A, B et 1 autre" {
		t.Errorf("fr: %q", got)
	}
}
