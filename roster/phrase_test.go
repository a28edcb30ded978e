package roster_test

import (
	"path/filepath"
	"testing"

	"plenum/roster"
)

// TestPhrasesAreTheMessages checks that every problem, change and note
// kept as a template and arguments (for the pages to translate) says in
// English exactly what the message says, for the sample rosters: the
// good one, the bad one, and the corrected one on the recorded first.
func TestPhrasesAreTheMessages(t *testing.T) {
	w := congress(t)
	check := func(pv *roster.Preview) int {
		n := 0
		for _, r := range pv.Rows {
			if len(r.ChangePhrases) != len(r.Changes) || len(r.NotePhrases) != len(r.Notes) {
				t.Fatalf("row %d: %d changes and %d phrases, %d notes and %d phrases", r.Number, len(r.Changes), len(r.ChangePhrases), len(r.Notes), len(r.NotePhrases))
			}
			for i, p := range r.ChangePhrases {
				if p.String() != r.Changes[i] {
					t.Errorf("row %d: the change %q is the phrase %q", r.Number, r.Changes[i], p)
				}
				n++
			}
			for i, p := range r.NotePhrases {
				if p.String() != r.Notes[i] {
					t.Errorf("row %d: the note %q is the phrase %q", r.Number, r.Notes[i], p)
				}
				n++
			}
			for _, pr := range r.Problems {
				if pr.Format == "" || pr.Phrase().String() != pr.Msg {
					t.Errorf("row %d: the problem %q is the phrase %q (template %q)", r.Number, pr.Msg, pr.Phrase(), pr.Format)
				}
				n++
			}
		}
		return n
	}
	n := check(w.plan(filepath.Join(sample, "congress-2026-bad.csv"), false))
	n += check(w.plan(filepath.Join(sample, "congress-2026-bad.csv"), true))
	first := w.plan(filepath.Join(sample, "congress-2026.csv"), false)
	n += check(first)
	w.record(first)
	n += check(w.plan(filepath.Join(sample, "congress-2026-corrected.csv"), false))
	if n < 10 {
		t.Fatalf("only %d messages in the samples; the test checks too little", n)
	}
}

func TestPhraseParts(t *testing.T) {
	p := roster.Phrase{Format: "%s holds %d mandates (from %s)", Args: []any{"Anna", 2, roster.List{"Bakers", roster.Phrase{Format: "no organization"}}}}
	if got, want := p.String(), "Anna holds 2 mandates (from Bakers, no organization)"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	if f, args := p.RefusalParts(); f != p.Format || len(args) != 3 {
		t.Errorf("parts %q %v", f, args)
	}
	if got := (&roster.Problem{Msg: "the file is empty"}).Phrase().String(); got != "the file is empty" {
		t.Errorf("a problem without a template: %q", got)
	}
}
