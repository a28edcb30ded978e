package i18n

import (
	"io/fs"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestCatalog checks that every message of the English catalog has a
// translation in each language, that the plural messages parse, and that
// every language's text takes the same arguments as the English.
func TestCatalog(t *testing.T) {
	For(Default) // builds the catalog; panics on a malformed message
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	for _, m := range Messages() {
		if m.En == "" {
			t.Errorf("%s: no English text", m.Key)
		}
		for _, l := range Languages[1:] {
			if m.text(l.Tag) == "" {
				t.Errorf("%s: no %s translation", m.Key, l.Name)
			}
		}
	}
}

// TestPluralForms checks the CLDR plural forms the catalog selects:
// Russian has three (1 голос, 2 голоса, 5 голосов, 21 голос, 11 голосов).
func TestPluralForms(t *testing.T) {
	cases := []struct {
		lang string
		n    int
		want string
	}{
		{"ru", 1, "1 голос"}, {"ru", 2, "2 голоса"}, {"ru", 4, "4 голоса"}, {"ru", 5, "5 голосов"},
		{"ru", 11, "11 голосов"}, {"ru", 21, "21 голос"}, {"ru", 22, "22 голоса"}, {"ru", 25, "25 голосов"},
		{"en", 1, "1 vote"}, {"en", 3, "3 votes"},
		{"de", 1, "1 Stimme"}, {"de", 2, "2 Stimmen"},
		{"fr", 1, "1 voix"}, {"fr", 2, "2 voix"},
		{"es", 1, "1 voto"}, {"es", 7, "7 votos"},
		{Pseudo, 2, "⟦2 votes⟧"},
	}
	for _, c := range cases {
		if got := For(c.lang).T("minutes.ballot.votes", c.n); got != c.want {
			t.Errorf("%s, %d: %q, want %q", c.lang, c.n, got, c.want)
		}
	}
	// A selection on a later argument, the count not printed.
	if got := For("ru").T("minutes.sitting.secretaries", 2, "А, Б"); got != "Секретари: А, Б." {
		t.Errorf("ru secretaries: %q", got)
	}
	if got := For("en").T("minutes.sitting.secretaries", 1, "A"); got != "Secretary: A." {
		t.Errorf("en secretary: %q", got)
	}
}

// TestArguments renders every message in every language with the
// arguments its English text takes and fails on a formatting error: a
// translation that takes more arguments than the English, or other verbs.
func TestArguments(t *testing.T) {
	for _, m := range Messages() {
		args := argsFor(m.En)
		for _, l := range append(Languages, Language{Tag: Pseudo}) {
			got := For(l.Tag).T(m.Key, args...)
			if strings.Contains(got, "%!") {
				t.Errorf("%s in %s: %q", m.Key, l.Tag, got)
			}
		}
	}
}

// argsFor gives a message the arguments its verbs need: numbers for %d
// and for the argument a plural selects on (its digits for %s), text for
// %s.
func argsFor(text string) []any {
	var args []any
	set := func(i int, v any, force bool) {
		for len(args) <= i {
			args = append(args, nil)
		}
		if args[i] == nil || force {
			args[i] = v
		}
	}
	selected := -1
	if strings.HasPrefix(text, "#") {
		selected = int(text[1]-'0') - 1
		set(selected, 2, true)
		text = text[strings.Index(text, "|other=")+len("|other="):] // one case's verbs
		if i := strings.IndexByte(text, '|'); i >= 0 {
			text = text[:i]
		}
	}
	next := 0
	for i := 0; i+1 < len(text); i++ {
		if text[i] != '%' {
			continue
		}
		if text[i+1] == '%' {
			i++
			continue
		}
		j, idx := i+1, next
		if text[j] == '[' {
			k := strings.IndexByte(text[j:], ']')
			idx = int(text[j+1]-'0') - 1
			j += k + 1
		}
		next = idx + 1
		if text[j] == 'd' || text[j] == 'U' { // %U is a rune
			set(idx, 2, true)
		} else if idx == selected {
			set(idx, "2", true) // a count given as its digits
		} else {
			set(idx, "x", false)
		}
		i = j
	}
	return args
}

func TestChoose(t *testing.T) {
	cases := []struct {
		cookie, accept, assembly, want string
	}{
		{"", "", "", "en"},
		{"", "", "ru", "ru"},
		{"", "de-AT,de;q=0.9,en;q=0.5", "ru", "de"},
		{"fr", "de", "ru", "fr"},
		{"xx", "", "es", "es"},             // an unknown choice is ignored
		{"", "pt-BR,pt;q=0.9", "de", "de"}, // a language plenum does not speak
		{"", "", "ru-RU", "ru"},
	}
	for _, c := range cases {
		r := httptest.NewRequest("GET", "/", nil)
		if c.cookie != "" {
			r.Header.Set("Cookie", Cookie+"="+c.cookie)
		}
		if c.accept != "" {
			r.Header.Set("Accept-Language", c.accept)
		}
		if got := Choose(r, c.assembly).Lang(); got != c.want {
			t.Errorf("cookie %q, accept %q, assembly %q: %s, want %s", c.cookie, c.accept, c.assembly, got, c.want)
		}
	}
}

func TestDates(t *testing.T) {
	day := time.Date(1917, 3, 27, 15, 4, 5, 0, time.UTC)
	cases := map[string]string{
		"en": "1917-03-27", "de": "27. März 1917", "ru": "27 марта 1917 г.", "fr": "27 mars 1917", "es": "27 de marzo de 1917",
	}
	for lang, want := range cases {
		if got := For(lang).Date(day); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	if got := For("fr").DateText("1917-04-01"); got != "1er avril 1917" {
		t.Errorf("fr first of the month: %q", got)
	}
	if got := For("ru").DateText("March 27 (?)"); got != "March 27 (?)" {
		t.Errorf("a date that is not ISO stands as written: %q", got)
	}
	if got := For("en").DateTime(day); got != "1917-03-27 15:04:05 UTC" {
		t.Errorf("en date and time: %q", got)
	}
	if got := For("de").Number(1234567); got != "1.234.567" {
		t.Errorf("de number: %q", got)
	}
}

// TestEveryKeyUsed fails on a key of the catalog that no code or template
// uses: its literal is nowhere in the module's source outside this
// package, nor a prefix the code completes ("minutes.status." + status).
func TestEveryKeyUsed(t *testing.T) {
	var src strings.Builder
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "i18n" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != ".." {
			return filepath.SkipDir
		}
		if strings.HasSuffix(path, "_test.go") || !(strings.HasSuffix(path, ".go") || strings.HasSuffix(path, ".html")) {
			return nil
		}
		b, err := os.ReadFile(path)
		src.Write(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	code := src.String()
	for _, m := range Messages() {
		// A key with a quotation mark stands escaped in the Go source.
		used := strings.Contains(code, `"`+m.Key+`"`) || strings.Contains(code, strconv.Quote(m.Key))
		for i := len(m.Key) - 1; i > 0 && !used; i-- {
			if c := m.Key[i-1]; c == '.' || c == '_' {
				used = strings.Contains(code, `"`+m.Key[:i]+`"`)
			}
		}
		if !used {
			t.Errorf("%s: no code uses this key", m.Key)
		}
	}
}
