package minutes

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestPopoloLanguageWhereDocsSay: docs/minutes.md names the key of the
// Popolo export that states its language, and a Russian export has
// "ru" there; an English one states none.
func TestPopoloLanguageWhereDocsSay(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "minutes.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("Popolo in `([a-z_.]+)`").FindSubmatch(doc)
	if m == nil {
		t.Fatal("docs/minutes.md does not say where the Popolo export states its language")
	}
	path := strings.Split(string(m[1]), ".")
	lookup := func(lang string) (any, bool) {
		out, err := Popolo(in(t, marchFixture(t), lang))
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(out, &v); err != nil {
			t.Fatal(err)
		}
		for _, k := range path {
			o, ok := v.(map[string]any)
			if !ok {
				return nil, false
			}
			if v, ok = o[k]; !ok {
				return nil, false
			}
		}
		return v, true
	}
	if v, ok := lookup("ru"); !ok || v != "ru" {
		t.Errorf("docs/minutes.md says the Popolo export states its language in %s; the Russian export has %v there (found %v)", m[1], v, ok)
	}
	if v, ok := lookup("en"); ok {
		t.Errorf("the English Popolo export states a language: %v", v)
	}
}
