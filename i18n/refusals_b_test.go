package i18n

import (
	"fmt"
	"strings"
	"testing"
)

// TestRefusalsB renders refusals of the second group as a page does
// (Locale.Refusal with the template and the arguments of an
// assembly.Error): German and Russian, the Russian plural forms, an
// argument a translation moves (the line length, selected on in Russian),
// and the English as it stands, but for its count at 1 ("1 paragraph").
func TestRefusalsB(t *testing.T) {
	const (
		paragraphs = "%s has %d paragraphs; there is no paragraph %d"
		lines      = "%s has %d lines (at %d characters a line); there is no line %d"
		chair      = "only the chair puts a motion before the assembly"
	)
	cases := []struct {
		lang, format string
		args         []any
		want         string
	}{
		{"ru", paragraphs, []any{"w1", 1, 4}, "в тексте w1 1 абзац; абзаца 4 нет"},
		{"ru", paragraphs, []any{"w1", 3, 4}, "в тексте w1 3 абзаца; абзаца 4 нет"},
		{"ru", paragraphs, []any{"w1", 5, 7}, "в тексте w1 5 абзацев; абзаца 7 нет"},
		{"ru", paragraphs, []any{"w1", 21, 22}, "в тексте w1 21 абзац; абзаца 22 нет"},
		{"de", paragraphs, []any{"w1", 1, 4}, "w1 hat 1 Absatz; einen Absatz 4 gibt es nicht"},
		{"de", paragraphs, []any{"w1", 5, 7}, "w1 hat 5 Absätze; einen Absatz 7 gibt es nicht"},
		{"ru", lines, []any{"w1", 12, 80, 14}, "в тексте w1 строк: 12 (по 80 знаков в строке); строки 14 нет"},
		{"ru", lines, []any{"w1", 12, 21, 14}, "в тексте w1 строк: 12 (по 21 знаку в строке); строки 14 нет"},
		{"ru", lines, []any{"w1", 12, 22, 14}, "в тексте w1 строк: 12 (по 22 знака в строке); строки 14 нет"},
		{"de", lines, []any{"w1", 1, 80, 3}, "w1 hat 1 Zeile (bei 80 Zeichen je Zeile); eine Zeile 3 gibt es nicht"},
		{"de", lines, []any{"w1", 12, 80, 14}, "w1 hat 12 Zeilen (bei 80 Zeichen je Zeile); eine Zeile 14 gibt es nicht"},
		{"ru", chair, nil, "выносит предложение на собрание только председатель"},
		{"de", chair, nil, "nur der Vorsitz legt der Versammlung einen Antrag vor"},
	}
	singular := map[string]string{ // the English at 1, which the template says in the plural
		"w1 has 1 paragraphs; there is no paragraph 4":                 "w1 has 1 paragraph; there is no paragraph 4",
		"w1 has 1 lines (at 80 characters a line); there is no line 3": "w1 has 1 line (at 80 characters a line); there is no line 3",
	}
	for _, c := range cases {
		english := fmt.Sprintf(c.format, c.args...)
		if got := For(c.lang).Refusal(c.format, c.args, english); got != c.want {
			t.Errorf("%s, %q %v:\n got %q\nwant %q", c.lang, c.format, c.args, got, c.want)
		}
		want := english
		if s, ok := singular[english]; ok {
			want = s
		}
		if got := For("en").Refusal(c.format, c.args, english); got != want {
			t.Errorf("en, %q: %q, want %q", c.format, got, want)
		}
	}
}

// TestRefusalsBKeepArguments fails on a translation of the second group
// that loses an argument of the English (an id, a name, a number): with
// indexed verbs a left-out argument is no formatting error, so
// TestArguments cannot see it.
func TestRefusalsBKeepArguments(t *testing.T) {
	for _, m := range refusalMessagesb {
		args := argsFor(m.En)
		marks := make([]string, len(args))
		for i := range args {
			if _, ok := args[i].(int); ok {
				args[i] = 31 + i // plain in every language: no grouping separator
			} else {
				args[i] = fmt.Sprintf("‹%d›", i+1)
			}
			marks[i] = fmt.Sprint(args[i])
		}
		for _, l := range Languages[1:] {
			got := For(l.Tag).T(m.Key, args...)
			for i, mark := range marks {
				if !strings.Contains(got, mark) {
					t.Errorf("%s: the %s translation loses argument %d: %q", m.Key, l.Name, i+1, got)
				}
			}
		}
	}
}
