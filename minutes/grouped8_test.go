package minutes

import (
	"strings"
	"testing"

	"plenum/i18n"
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

// TestArithmeticGrouped8: since md/8, html/9 and akn/8 the arithmetic
// under a result groups its figures as the counts do; md/7, html/8 and
// akn/7 give it as before.
func TestArithmeticGrouped8(t *testing.T) {
	f := replayScript(t, "big", []byte(groupedScript))
	d := BuildIn(f.state, f.cp, "en")
	const want = "2,411 for, 62 against, 1,005 abstaining [worked out by plenum: 2,473 cast; 1,237 needed; carried]"
	for _, format := range []string{FormatMarkdown, FormatHTML, FormatAKN} {
		out, err := Render(d, format)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.ReplaceAll(string(out), `\`, ""); !strings.Contains(got, want) {
			t.Errorf("%s lacks %q:\n%s", format, want, got)
		}
	}
	earlierVersions8(t, d, func(stamp string, got []byte) {
		if !strings.Contains(strings.ReplaceAll(string(got), `\`, ""), "2411 for, 62 against, 1005 abstaining [worked out by plenum: 2473 cast; 1237 needed; carried]") {
			t.Errorf("%s does not give the arithmetic as before:\n%s", stamp, got)
		}
	})
}

// TestGroupBallots: md/8, html/9 and akn/8 group the number of ballots
// of an English election count; the votes, names and decimals after it
// stay as they are, and the other languages group it in their catalogs.
func TestGroupBallots(t *testing.T) {
	for _, c := range []struct{ lang, in, want string }{
		{"en", "plurality, 3003 ballots: Ada 2000, Bo 1003; elected: Ada", "plurality, 3,003 ballots: Ada 2000, Bo 1003; elected: Ada"},
		{"en", "STV (Droop quota 1501.5), 3003 ballots: Ada 7.5", "STV (Droop quota 1501.5), 3,003 ballots: Ada 7.5"},
		{"en", "plurality, 999 ballots: Ada 999", "plurality, 999 ballots: Ada 999"},
		{"en", "elected as stated: Ada 1000", "elected as stated: Ada 1000"},
		{"de", "Mehrheitswahl, 3.003 Stimmzettel: Ada 2000", "Mehrheitswahl, 3.003 Stimmzettel: Ada 2000"},
	} {
		if got := groupBallots(i18n.For(c.lang), c.in); got != c.want {
			t.Errorf("%s %q: %q, want %q", c.lang, c.in, got, c.want)
		}
	}
}
