package minutes

import (
	"html"
	"strings"
	"testing"
)

// TestRetitledItem: an item whose title was corrected is shown under its
// corrected title, in the order of the day and at its heading, and the
// record says, in each of the five languages, what it was called before,
// what it is called now, who corrected it and why; a correction by one
// who is not a person of the assembly (an administrator) names no one.
func TestRetitledItem(t *testing.T) {
	f := replayScript(t, "retitled.jsonl", []byte(retitledScript))
	for _, c := range []struct {
		lang string
		want []string
	}{
		{"en", []string{"The title of the question “The acounts” is corrected to “The accounts” by Ann (misspelt).", "The title of the question “The accounts” is corrected to “The accounts of 2026”."}},
		{"de", []string{"Der Titel der Frage „The acounts“ wird von Ann in „The accounts“ berichtigt (misspelt).", "Der Titel der Frage „The accounts“ wird in „The accounts of 2026“ berichtigt."}},
		{"ru", []string{"Название вопроса «The acounts» исправлено на «The accounts» (исправил(а) Ann) (misspelt).", "Название вопроса «The accounts» исправлено на «The accounts of 2026»."}},
		{"fr", []string{"L'intitulé de la question « The acounts » est rectifié en « The accounts » par Ann (misspelt).", "L'intitulé de la question « The accounts » est rectifié en « The accounts of 2026 »."}},
		{"es", []string{"El título de la cuestión «The acounts» se corrige a «The accounts» por Ann (misspelt).", "El título de la cuestión «The accounts» se corrige a «The accounts of 2026»."}},
	} {
		d := BuildIn(f.state, f.cp, c.lang)
		md := unwrapped(string(Markdown(d)))
		for _, want := range c.want {
			if !strings.Contains(md, want) {
				t.Errorf("%s: the minutes do not say %q:\n%s", c.lang, want, md)
			}
		}
		if !strings.Contains(md, "The accounts of 2026") || strings.Count(md, "The acounts") != 1 {
			t.Errorf("%s: the item is not shown under its corrected title, or its old title is shown elsewhere than in the correction:\n%s", c.lang, md)
		}
		page := html.UnescapeString(string(HTML(d)))
		if !strings.Contains(page, "The accounts of 2026") || strings.Count(page, "The acounts") != 1 {
			t.Errorf("%s: the HTML minutes do not show the item under its corrected title", c.lang)
		}
	}
}

// retitledScript has an item retitled by the chair (a person, with a
// reason) and again by the administrator (without).
const retitledScript = `{"cmd":"create_assembly","assembly":"r","actor":"admin","at":"2026-05-09T09:00:00Z","args":{"id":"r","name":"R","starts":"2026-05-09","rules":"congress"}}
{"cmd":"add_person","actor":"admin","at":"2026-05-09T09:00:01Z","args":{"id":"ann","name":"Ann"}}
{"cmd":"grant_role","actor":"admin","at":"2026-05-09T09:00:02Z","args":{"person":"ann","role":"chair"}}
{"cmd":"open_sitting","actor":"ann","at":"2026-05-09T09:01:00Z","args":{"id":"s1","date":"2026-05-09","chair":"ann"}}
{"cmd":"add_item","actor":"ann","at":"2026-05-09T09:02:00Z","args":{"id":"i1","title":"The acounts"}}
{"cmd":"take_up_item","actor":"ann","at":"2026-05-09T09:03:00Z","args":{"item":"i1"}}
{"cmd":"retitle_item","actor":"ann","at":"2026-05-09T09:04:00Z","args":{"item":"i1","title":"The accounts","reason":"misspelt"}}
{"cmd":"retitle_item","actor":"admin","at":"2026-05-09T09:05:00Z","args":{"item":"i1","title":"The accounts of 2026"}}
{"cmd":"close_item","actor":"ann","at":"2026-05-09T09:06:00Z","args":{"item":"i1"}}
{"cmd":"close_sitting","actor":"ann","at":"2026-05-09T09:07:00Z","args":{"sitting":"s1"}}
`
