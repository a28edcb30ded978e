package minutes

import (
	"strings"
	"testing"
)

// groupedScript is a vote counted in thousands, in a sitting that does
// not record who is present (a count entered from a source).
const groupedScript = `
{"cmd":"create_assembly","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"big","name":"Congress","starts":"2026-05-09","rules":"congress","language":"en"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"ann","name":"Ann"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"kim","name":"Kim"}}
{"cmd":"grant_role","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"person":"kim","role":"teller"}}
{"cmd":"open_sitting","actor":"ann","at":"2026-05-09T10:00:00Z","args":{"id":"s1","date":"2026-05-09","chair":"ann","attendance_recorded":false}}
{"cmd":"add_item","actor":"ann","at":"2026-05-09T10:00:00Z","args":{"id":"i1","title":"Resolution 1000"}}
{"cmd":"take_up_item","actor":"ann","at":"2026-05-09T10:00:00Z","args":{"item":"i1"}}
{"cmd":"open_vote","actor":"ann","at":"2026-05-09T10:01:00Z","args":{"id":"v1","question":"Adopt resolution 1000","method":"show_of_hands"}}
{"cmd":"close_vote","actor":"ann","at":"2026-05-09T10:02:00Z","args":{"vote":"v1"}}
{"cmd":"enter_count","actor":"kim","at":"2026-05-09T10:02:00Z","args":{"vote":"v1","for":2411,"against":62,"abstain":1005}}
{"cmd":"declare_result","actor":"ann","at":"2026-05-09T10:02:00Z","args":{"vote":"v1"}}
`

// TestCountsGrouped8: since md/8, html/9 and akn/8 a vote's counts are
// grouped in thousands as the document's language writes numbers (the
// pages' i18n.Locale.Number); the question's title keeps its figures; the
// renderers before give them as they did.
func TestCountsGrouped8(t *testing.T) {
	f := replayScript(t, "big", []byte(groupedScript))
	for lang, want := range map[string]string{
		"en": "(For – 2,411; against – 62; abstaining – 1,005.)",
		"de": "(Dafür – 2.411; dagegen – 62; Enthaltungen – 1.005.)",
		"ru": "(За – 2\u00a0411; против – 62; воздержались – 1\u00a0005.)",
		"fr": "(Pour – 2\u00a0411 ; contre – 62 ; abstentions – 1\u00a0005.)",
		"es": "(A favor – 2.411; en contra – 62; abstenciones – 1.005.)",
	} {
		d := BuildIn(f.state, f.cp, lang)
		for _, format := range []string{FormatMarkdown, FormatHTML, FormatAKN} {
			out, err := Render(d, format)
			if err != nil {
				t.Fatal(err)
			}
			got := strings.ReplaceAll(string(out), `\`, "")
			if !strings.Contains(got, want) {
				t.Errorf("%s %s lacks %q:\n%s", lang, format, want, got)
			}
			if !strings.Contains(got, "1000") {
				t.Errorf("%s %s groups the figures of a title", lang, format)
			}
		}
		earlierVersions8(t, d, func(stamp string, got []byte) {
			if !strings.Contains(string(got), "2411") || strings.Contains(string(got), want) {
				t.Errorf("%s %s does not give the counts as before:\n%s", lang, stamp, got)
			}
		})
	}
}
