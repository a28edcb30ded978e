package minutes

import (
	"bytes"
	"fmt"
	"html"
	"path/filepath"
	"strings"
	"testing"

	"plenum/i18n"
)

// closedDoc is the cooperative's meeting with a correction and a strike
// of a speech recorded after its sitting was closed, at the given times.
func closedDoc(t *testing.T, lang, correctedAt, struckAt string) (*Document, int) {
	t.Helper()
	script := mustRead(t, filepath.Join("..", "testdata", "coop-2026.jsonl"))
	base := replayScript(t, "coop-2026.jsonl", script)
	speech := -1
	for _, r := range base.state.Record {
		if r.Kind == "speech_recorded" {
			speech = r.Entry
			break
		}
	}
	if speech < 0 {
		t.Fatal("the coop's log has no speech")
	}
	more := fmt.Sprintf(`{"cmd": "correct_record", "actor": "ben", "at": %q, "args": {"entry": %d, "text": "The income was 421,000.", "reason": "a slip"}}
{"cmd": "strike_record", "actor": "ben", "at": %q, "args": {"entry": %d, "reason": "entered twice"}}
`, correctedAt, speech, struckAt, speech)
	f := replayScript(t, "coop-2026.jsonl and after its close", append(append([]byte(nil), script...), more...))
	return BuildIn(f.state, f.cp, lang), speech
}

// TestAfterCloseIsDated: a correction and a strike of a speech recorded
// after its sitting was closed, which the minutes give under "Notes on
// the record", say so and the day they were recorded (md/10, html/11,
// akn/10), in every language, whether on the sitting's day or later;
// md/9 gave them undated, as if of no day.
func TestAfterCloseIsDated(t *testing.T) {
	for _, c := range []struct{ lang, correction, strike string }{
		{"en", "Correction of the notes of the speech of Dev Patel (entry %d), recorded by Ben Larsen, after the sitting closed, on 2026-05-09:",
			"Struck out of the minutes: the notes of the speech of Dev Patel (entry %d), by Ben Larsen, after the sitting closed, on 2026-05-11."},
		{"de", "eingetragen von Ben Larsen), nach Schluss der Sitzung, am 9. Mai 2026:", "von Ben Larsen, nach Schluss der Sitzung, am 11. Mai 2026."},
		{"ru", "внесено: Ben Larsen), после закрытия заседания, дата внесения: 9 мая 2026 г.:", "вычеркнул(а): Ben Larsen, после закрытия заседания, дата: 11 мая 2026 г."},
		{"fr", "enregistrée par Ben Larsen, après la clôture de la séance, le 9 mai 2026 :", "par Ben Larsen, après la clôture de la séance, le 11 mai 2026."},
		{"es", "registrada por Ben Larsen, tras el cierre de la sesión, el 9 de mayo de 2026:", "por Ben Larsen, tras el cierre de la sesión, el 11 de mayo de 2026."},
	} {
		d, speech := closedDoc(t, c.lang, "2026-05-09T11:30:00+02:00", "2026-05-11T09:00:00+02:00")
		want := []string{c.correction, c.strike}
		for i := range want {
			if strings.Contains(want[i], "%d") {
				want[i] = fmt.Sprintf(want[i], speech)
			}
		}
		for _, f := range []string{FormatMarkdown, FormatHTML, FormatAKN} {
			out, err := Render(d, f)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range want {
				if f == FormatHTML {
					w = html.EscapeString(w)
				}
				if !bytes.Contains(out, []byte(w)) {
					t.Errorf("%s %s: no %q", c.lang, f, w)
				}
			}
		}
		for f, v := range map[string]int{FormatMarkdown: 9, FormatHTML: 10, FormatAKN: 9} {
			old := *d
			old.render.version = v
			out, err := Render(&old, f)
			if err != nil {
				t.Fatal(err)
			}
			clause, _, _ := strings.Cut(i18n.For(c.lang).T("minutes.strike.after_close", "%s"), "%s")
			if bytes.Contains(out, []byte(clause)) {
				t.Errorf("%s %s/%d dates the correction after the close", c.lang, f, v)
			}
		}
	}
}
