package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestImportInTheOfficersLanguage: what plenum import reports is in the
// language of --lang, else of the environment, else of the assembly's
// record: no English word of the report's messages is left; the file's
// names and headers stand as they are; the English is as it was.
func TestImportInTheOfficersLanguage(t *testing.T) {
	db := congressDB(t)
	bad := filepath.Join(rosters, "congress-2026-bad.csv")
	// The file's own words, the organizations' names in the record, and
	// words that are the same in another language (l'import, el error,
	// die Person, das Problem, die Mandate, la commission).
	keep := []string{"name", "organization", "kind", "weight", "proxy", "status", "metalworkers", "union", "north", "unoin", "haddad", "amira", "good", "rows", "import", "error", "person", "problem", "commission", "mandate"}
	english := englishWords(keep, "cli.import.")
	want := map[string][]string{
		"de": {"congress-2026-bad.csv: Kopfzeile in Zeile 1, 14 Zeilen", "Zeile 7     Mia Falk — Fehler\n            Problem: Spalte E (Weight): ", "14 Zeilen: 3 hinzuzufügen, 0 zu ändern, 0 unverändert, 11 mit Problemen; 0 neue Organisationen; 0 Personen der Versammlung nicht in der Datei", "Probelauf: nichts festgehalten"},
		"ru": {"congress-2026-bad.csv: заголовок в строке 1, 14 строк", "строка 7     Mia Falk — ошибка\n             ошибка: столбец E (Weight): вес \"two\" — не целое число голосов", "пробный запуск: ничего не записано"},
		"fr": {"ligne 7     Mia Falk — erreur\n            problème : colonne E (Weight) : le poids \"two\"", "essai à blanc : rien n'est consigné"},
		"es": {"fila 7     Mia Falk — error\n           problema: columna E (Weight): el peso \"two\"", "simulacro: no se registra nada"},
	}
	for lang, phrases := range want {
		for how, args := range map[string][]string{
			"--lang":          {"import", "--db", db, "--assembly", "congress-2026", "--dry-run", "--lang", lang, bad},
			"the environment": {"import", "--db", db, "--assembly", "congress-2026", "--dry-run", bad},
		} {
			code, out, errs := runIn(t, map[string]string{"--lang": "en", "the environment": lang}[how], args...)
			if code != 1 {
				t.Fatalf("%s by %s: exit %d: %s", lang, how, code, errs)
			}
			for _, p := range phrases {
				if !strings.Contains(out, p) {
					t.Errorf("%s by %s: the report lacks %q:\n%s", lang, how, p, out)
				}
			}
			for _, w := range regexp.MustCompile(`\pL{4,}`).FindAllString(out+strings.TrimPrefix(errs, "plenum import: "), -1) {
				if english[strings.ToLower(w)] {
					t.Errorf("%s by %s: the English word %q is left:\n%s%s", lang, how, w, out, errs)
					break
				}
			}
		}
		// What a run records, or why it records nothing.
		code, _, errs := runForTest(t, "", "import", "--db", db, "--assembly", "congress-2026", "--lang", lang, bad)
		if code != 1 || strings.Contains(errs, "nothing recorded") || !strings.Contains(errs, "--good-rows") {
			t.Errorf("%s: a file with problems: exit %d: %s", lang, code, errs)
		}
	}

	// The assembly's language, when neither --lang nor the environment
	// says one.
	script, err := os.ReadFile(filepath.Join(rosters, "congress-2026.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	de := filepath.Join(t.TempDir(), "de.jsonl")
	os.WriteFile(de, []byte(strings.Replace(string(script), `"args":{"id":"congress-2026",`, `"args":{"id":"congress-2026","language":"de",`, 1)), 0o644)
	dedb := filepath.Join(t.TempDir(), "plenum.db")
	if code, _, errs := runForTest(t, "", "replay", "--db", dedb, de); code != 0 {
		t.Fatal(errs)
	}
	if code, out, errs := runForTest(t, "", "import", "--db", dedb, "--assembly", "congress-2026", "--dry-run", bad); code != 1 || !strings.Contains(out, "Kopfzeile in Zeile 1") {
		t.Errorf("a German assembly: exit %d\n%s%s", code, out, errs)
	}
	if code, out, _ := runIn(t, "fr", "import", "--db", dedb, "--assembly", "congress-2026", "--dry-run", bad); code != 1 || !strings.Contains(out, "en-tête à la ligne 1") {
		t.Errorf("the environment before the assembly's language: exit %d\n%s", code, out)
	}

	// English, as it was; a language plenum does not speak is refused
	// before anything is read.
	code, out, errs := runForTest(t, "", "import", "--db", db, "--assembly", "congress-2026", "--dry-run", bad)
	if code != 1 || !strings.Contains(out, "row 7     Mia Falk — error\n          problem: column E (Weight): the weight \"two\" is not a whole number of votes from 1 to 1000000\n") ||
		!strings.Contains(out, "14 rows: 3 to add, 0 to change, 0 unchanged, 11 with problems; 0 new organizations; 0 persons of the assembly not in the file\ndry run: nothing recorded (read and checked in ") || !strings.Contains(errs, "11 rows with problems") {
		t.Errorf("English: exit %d\n%s%s", code, out, errs)
	}
	if code, _, errs := runForTest(t, "", "import", "--db", db, "--assembly", "congress-2026", "--lang", "pt", bad); code != 2 || !strings.Contains(errs, "en, de, ru, fr, es") {
		t.Errorf("--lang pt: exit %d: %s", code, errs)
	}
}

// TestImportMissingPersonalMandateInFrench: a person of the assembly not
// in the file, whose mandate is personal, is listed with "aucune
// organisation" in a French report (it said "no organization"), and a
// weight written with a decimal comma, as a French spreadsheet writes it,
// is read.
func TestImportMissingPersonalMandateInFrench(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "plenum.db")
	if code, _, errs := runForTest(t, "", "replay", "--db", db, filepath.Join(rosters, "congress-2026.jsonl")); code != 0 {
		t.Fatal(errs)
	}
	first := filepath.Join(dir, "first.csv")
	os.WriteFile(first, []byte("Nom;Organisation\nAnne Perso;\nBo Lund;Metalworkers' Union North\n"), 0o644)
	if code, _, errs := runForTest(t, "", "import", "--db", db, "--assembly", "congress-2026", first); code != 0 {
		t.Fatal(errs)
	}
	second := filepath.Join(dir, "second.csv")
	os.WriteFile(second, []byte("Nom;Organisation;Voix\nBo Lund;Metalworkers' Union North;1,0\n"), 0o644)
	code, out, errs := runIn(t, "fr", "import", "--db", db, "--assembly", "congress-2026", "--dry-run", second)
	if code != 0 || !strings.Contains(out, "  Anne Perso, aucune organisation\n") || strings.Contains(out, "no organization") {
		t.Errorf("exit %d\n%s%s", code, out, errs)
	}
}
