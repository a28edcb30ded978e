package i18n

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestRefusalsARender renders refusals of refusals_a.go as a person reads
// them, through Locale.Refusal, in Russian and German: a plain one, one
// with arguments, and one whose noun follows the plural of its count.
func TestRefusalsARender(t *testing.T) {
	const spoken = "%s has spoken %d times on %s in this sitting; the rules of procedure allow %d speeches by one person on one question"
	cases := []struct {
		lang, format string
		args         []any
		want         string
	}{
		{"ru", "only the chair ends a speech", nil, "завершает выступление только председатель"},
		{"de", "only the chair ends a speech", nil, "nur der Vorsitz beendet einen Redebeitrag"},
		{"ru", "%s is already on the list for %s (number %d)", []any{"anna", "i1", 3}, "anna уже записан(а) в список ораторов по i1 (№ 3)"},
		{"de", "%s is already on the list for %s (number %d)", []any{"anna", "i1", 3}, "anna steht bereits auf der Redeliste zu i1 (Nr. 3)"},
		{"ru", spoken, []any{"anna", 1, "i1", 1}, "anna уже выступал(а) по i1 на этом заседании (выступлений: 1); регламент разрешает одному лицу 1 выступление по одному вопросу"},
		{"ru", spoken, []any{"anna", 2, "i1", 2}, "anna уже выступал(а) по i1 на этом заседании (выступлений: 2); регламент разрешает одному лицу 2 выступления по одному вопросу"},
		{"ru", spoken, []any{"anna", 5, "i1", 5}, "anna уже выступал(а) по i1 на этом заседании (выступлений: 5); регламент разрешает одному лицу 5 выступлений по одному вопросу"},
		{"de", spoken, []any{"anna", 1, "i1", 1}, "anna hat in dieser Sitzung schon 1-mal zu i1 gesprochen; die Geschäftsordnung erlaubt einer Person zu einer Frage 1 Redebeitrag"},
		{"de", spoken, []any{"anna", 2, "i1", 2}, "anna hat in dieser Sitzung schon 2-mal zu i1 gesprochen; die Geschäftsordnung erlaubt einer Person zu einer Frage 2 Redebeiträge"},
	}
	for _, c := range cases {
		english := fmt.Sprintf(c.format, c.args...)
		if got := For(c.lang).Refusal(c.format, c.args, english); got != c.want {
			t.Errorf("%s %q:\n got %q\nwant %q", c.lang, c.format, got, c.want)
		}
	}
}

// TestRefusalsAKeepArguments checks every refusal of refusals_a.go in
// every language and every plural case: its key is its English, and each
// argument of the English is shown, once the text is rendered, with no
// formatting error. A translation that drops or misnumbers an argument
// fails here, where TestArguments sees only a malformed verb.
func TestRefusalsAKeepArguments(t *testing.T) {
	verb := regexp.MustCompile(`%(\[\d+\])?[a-z]`)
	for _, m := range refusalMessagesa {
		if !englishIsKey(m) {
			t.Errorf("%q: the English is not the key: %q", m.Key, m.En)
		}
		verbs := verb.FindAllString(m.Key, -1)
		for _, l := range Languages[1:] {
			text := m.text(l.Tag)
			plural := -1
			if strings.HasPrefix(text, "#") {
				plural = int(text[1]-'0') - 1
			}
			counts := []int{0}
			if plural >= 0 {
				counts = []int{1, 2, 5, 21, 22, 25, 11}
			}
			for _, n := range counts {
				args := make([]any, len(verbs))
				for i, v := range verbs {
					switch {
					case i == plural:
						args[i] = n
					case strings.HasSuffix(v, "d"):
						args[i] = 701 + i
					default:
						args[i] = "ARG" + strconv.Itoa(i+1)
					}
				}
				got := For(l.Tag).Refusal(m.Key, args, fmt.Sprintf(m.Key, args...))
				if strings.Contains(got, "%!") {
					t.Errorf("%s %q: %q", l.Tag, m.Key, got)
				}
				for _, a := range args {
					s := fmt.Sprint(a)
					if !regexp.MustCompile(`(^|[^0-9A-Z])` + s + `([^0-9]|$)`).MatchString(got) {
						t.Errorf("%s %q (count %d): %s is not shown: %q", l.Tag, m.Key, n, s, got)
					}
				}
			}
		}
	}
}
