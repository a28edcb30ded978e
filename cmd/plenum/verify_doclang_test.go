package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVerifyDocumentDifferenceInTheLanguage: a German officer checking a
// minutes document with one figure changed is told where, in German —
// "Zeile N: erwartet …, gefunden …" — not in an English clause inside the
// German refusal (review 41 L4); the English says it in English.
func TestVerifyDocumentDifferenceInTheLanguage(t *testing.T) {
	db := demoDB(t)
	doc := filepath.Join(t.TempDir(), "de.md")
	if code, _, errs := runForTest(t, "", "export", "--db", db, "--assembly", "march-1917", "--lang", "de", "--format", "md", "-o", doc); code != 0 {
		t.Fatalf("export --lang de: exit %d: %s", code, errs)
	}
	text, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(text), "Nogin", "Nogim", 1)
	if changed == string(text) {
		t.Fatal("the German minutes do not name Nogin")
	}
	os.WriteFile(doc, []byte(changed), 0o644)
	for _, c := range []struct{ lang, want, not string }{
		{"de", "Zeile ", "expected"},
		{"en", "line ", "erwartet"},
	} {
		code, out, errs := runIn(t, c.lang, "verify", "--db", db, "--document", doc)
		if code != 1 || !strings.Contains(errs, c.want) || strings.Contains(errs, c.not) || !strings.Contains(errs, "Nogim") {
			t.Errorf("verify --document in %s: exit %d, want 1 naming the line with %q and not %q:\n%s%s", c.lang, code, c.want, c.not, out, errs)
		}
	}
}
