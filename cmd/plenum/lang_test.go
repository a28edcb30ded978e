package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"plenum/i18n"
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

// runIn runs the command line with the officers' messages in lang, as
// the environment would choose it ("": none), stopping it after a while:
// a serve that does not refuse what it should would listen for ever.
func runIn(t *testing.T, lang string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var out, errb bytes.Buffer
	env := &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, lang: lang}
	code = runCLI(ctx, env, args)
	return code, out.String(), errb.String()
}

// TestMessageLang: the environment's language as POSIX orders it.
func TestMessageLang(t *testing.T) {
	for _, c := range []struct {
		all, messages, lang, want string
	}{
		{"", "", "", ""},
		{"", "", "ru_RU.UTF-8", "ru"},
		{"", "de_AT.UTF-8@euro", "ru_RU.UTF-8", "de"},
		{"C.UTF-8", "de_DE", "ru_RU", ""},
		{"POSIX", "", "", ""},
		{"", "", "pt_BR.UTF-8", ""},
		{"fr_CA", "", "", "fr"},
		{"", "", "es", "es"},
	} {
		env := map[string]string{"LC_ALL": c.all, "LC_MESSAGES": c.messages, "LANG": c.lang}
		if got := messageLang(func(k string) string { return env[k] }); got != c.want {
			t.Errorf("%+v: %q, want %q", c, got, c.want)
		}
	}
}

// TestVerifyInTheOfficersLanguage: what plenum verify finds (the log and
// a document) and what plenum demo sets up are said in the officer's
// language: no word of the English messages is left in Russian or
// German; the English output is as it was.
func TestVerifyInTheOfficersLanguage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo", "plenum.db")
	code, demoOut, errs := runIn(t, "de", "demo", "--db", db, "--lang", "ru", "--load-only")
	if code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errs)
	}
	english := map[string]bool{}
	for _, m := range i18n.Messages() {
		if strings.HasPrefix(m.Key, "cli.") {
			for _, w := range regexp.MustCompile(`\pL{4,}`).FindAllString(m.En, -1) {
				english[strings.ToLower(w)] = true
			}
		}
	}
	// Words of the record, the paths and the keys, which stand in every
	// language.
	for _, w := range []string{"plenum", "demo", "march", "localhost", "login", "code", "record", "projector", "minutes", "html", "http", "tlog", "tiles", "signing", "nogin", "boki", "sevruk", "skrypnik", "starostin", "olminsky", "khinchuk"} {
		delete(english, w)
	}
	noEnglish := func(what, out string) {
		t.Helper()
		for _, w := range regexp.MustCompile(`\pL{4,}`).FindAllString(out, -1) {
			if english[strings.ToLower(w)] {
				t.Errorf("%s: the English word %q is left:\n%s", what, w, out)
				return
			}
		}
	}
	// The demo speaks the language of its record (--lang), not the
	// environment's.
	for _, want := range []string{"Коды доступа демонстрации", "председатель", "Ольминский, участвует лично (совещательный голос)", "открытый протокол"} {
		if !strings.Contains(demoOut, want) {
			t.Errorf("the demo's output lacks %q:\n%s", want, demoOut)
		}
	}
	noEnglish("demo", demoOut)

	code, out, errs := runIn(t, "ru", "verify", "--db", db)
	if code != 0 || !regexp.MustCompile(`OK: 1 собрание, \d+ запис(ь|и|ей); `).MatchString(out) || !regexp.MustCompile(`: проверено: \d+ запис(ь|и|ей), \d+ контрольн(ая точка|ые точки|ых точек)\n`).MatchString(out) || !strings.Contains(errs, "предупреждение: --key не указан") {
		t.Errorf("verify in Russian: exit %d\n%s%s", code, out, errs)
	}
	noEnglish("verify", out+errs)
	md := filepath.Join(dir, "ru.md")
	if code, _, errs := runForTest(t, "", "export", "--db", db, "--assembly", "march-1917", "-o", md); code != 0 {
		t.Fatalf("export: %s", errs)
	}
	code, out, _ = runIn(t, "de", "verify", "--db", db, "--document", md)
	if code != 0 || !strings.Contains(out, "das md-Dokument ist das Protokoll von plenum.localhost/log/march-1917 genau so, wie das Log es bei Baumgröße ") {
		t.Errorf("verify --document in German: exit %d\n%s", code, out)
	}
	noEnglish("verify --document", out)
	data, _ := os.ReadFile(md)
	os.WriteFile(md, []byte(strings.Replace(string(data), "Принято.", "Отклонено.", 1)), 0o644)
	code, _, errs = runIn(t, "ru", "verify", "--db", db, "--document", md)
	if code != 1 || !strings.Contains(errs, "— не тот протокол, который журнал записал при размере дерева ") {
		t.Errorf("a changed document in Russian: exit %d\n%s", code, errs)
	}
	// English, as it always was.
	code, out, _ = runForTest(t, "", "verify", "--db", db)
	if code != 0 || !regexp.MustCompile(`(?m)^OK: 1 assembly, \d+ entries; hashes and signatures, and every event replayed \(key plenum.localhost\) in `).MatchString(out) {
		t.Errorf("verify in English: exit %d\n%s", code, out)
	}
}
