package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDemoInRussianVerifies: plenum demo --lang ru records the language;
// the minutes export in Russian by default and in another language with
// --lang; each document states its language and verifies with plenum
// verify --document, and one rendered in the wrong language does not.
func TestDemoInRussianVerifies(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo", "plenum.db")
	if code, _, errs := runForTest(t, "", "demo", "--db", db, "--lang", "ru", "--load-only"); code != 0 {
		t.Fatalf("demo --lang ru: exit %d: %s", code, errs)
	}
	docs := map[string]string{ // file → a phrase it must hold
		"ru.md":   "## Организации и делегаты",
		"ru.html": `<html lang="ru">`,
		"ru.akn":  `<FRBRlanguage language="rus"/>`,
		"de.md":   "## Organisationen und Delegierte",
		"en.md":   "## Organizations and delegates",
		"fr.html": `<html lang="fr">`,
		"es.akn":  `<FRBRlanguage language="spa"/>`,
	}
	for file, want := range docs {
		lang, format, _ := strings.Cut(file, ".")
		args := []string{"export", "--db", db, "--assembly", "march-1917", "--format", format, "-o", filepath.Join(dir, file)}
		if lang != "ru" {
			args = append(args, "--lang", lang)
		}
		if code, _, errs := runForTest(t, "", args...); code != 0 {
			t.Fatalf("export %s: exit %d: %s", file, code, errs)
		}
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil || !strings.Contains(string(data), want) {
			t.Fatalf("%s lacks %q (%v)", file, want, err)
		}
		code, out, errs := runForTest(t, "", "verify", "--db", db, "--document", filepath.Join(dir, file))
		if code != 0 || !strings.Contains(out, "exactly as the log recorded them") {
			t.Errorf("verify --document %s: exit %d\n%s%s", file, code, out, errs)
		}
	}
	// The Russian Markdown with its statement of language removed reads
	// as English: it is not the minutes the log recorded.
	ru, _ := os.ReadFile(filepath.Join(dir, "ru.md"))
	stripped := filepath.Join(dir, "stripped.md")
	os.WriteFile(stripped, []byte(strings.Replace(string(ru), "<!-- plenum-lang: ru -->\n\n", "", 1)), 0o644)
	if code, _, _ := runForTest(t, "", "verify", "--db", db, "--document", stripped); code != 1 {
		t.Errorf("a Russian document stating no language verified (exit %d)", code)
	}
	if code, _, errs := runForTest(t, "", "export", "--db", db, "--assembly", "march-1917", "--lang", "xx"); code != 2 || !strings.Contains(errs, "en, de, ru, fr, es") {
		t.Errorf("export --lang xx: exit %d: %s", code, errs)
	}
	if code, _, errs := runForTest(t, "", "demo", "--db", db, "--lang", "pt", "--load-only"); code != 2 || !strings.Contains(errs, "en, de, ru, fr, es") {
		t.Errorf("demo --lang pt: exit %d: %s", code, errs)
	}
}
