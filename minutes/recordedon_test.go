package minutes

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// laterDoc is the cooperative's meeting with a correction and a strike
// recorded on 7 December 2026, long after its sitting of 9 May 2026,
// before the sitting is closed (as in a restored record whose sitting
// the log never closed).
func laterDoc(t *testing.T, lang string) (*Document, int) {
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
	more := fmt.Sprintf(`{"cmd": "correct_record", "actor": "ben", "at": "2026-12-07T10:00:00+01:00", "args": {"entry": %d, "text": "The income was 421,000.", "reason": "a slip"}}
{"cmd": "strike_record", "actor": "ben", "at": "2026-12-07T10:05:00+01:00", "args": {"entry": %d, "reason": "entered twice"}}
`, speech, speech)
	last := bytes.LastIndex(bytes.TrimRight(script, "\n"), []byte("\n")) + 1 // close_sitting
	f := replayScript(t, "coop-2026.jsonl and later", append(append(append([]byte(nil), script[:last]...), more...), script[last:]...))
	return BuildIn(f.state, f.cp, lang), speech
}

// TestLaterCorrectionIsDated: a correction or a strike recorded on
// another day than its sitting's says the day it was recorded (md/9,
// html/10, akn/9), in the document's language; md/8 gave no day.
func TestLaterCorrectionIsDated(t *testing.T) {
	for _, c := range []struct{ lang, correction, strike string }{
		{"en", "Correction of the notes of the speech of Dev Patel (entry %d), recorded by Ben Larsen, on 2026-12-07:", "Struck out of the minutes: the notes of the speech of Dev Patel (entry %d), by Ben Larsen, on 2026-12-07."},
		{"de", "eingetragen von Ben Larsen), am 7. Dezember 2026:", "von Ben Larsen, am 7. Dezember 2026."},
	} {
		d, speech := laterDoc(t, c.lang)
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
				if !bytes.Contains(out, []byte(w)) {
					t.Errorf("%s %s: no %q", c.lang, f, w)
				}
			}
		}
		old := *d
		old.render.version = 8
		md, err := Render(&old, FormatMarkdown)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(md, []byte("2026-12-07")) || bytes.Contains(md, []byte("7. Dezember 2026")) {
			t.Errorf("%s md/8 dates the later correction", c.lang)
		}
	}
	// On the sitting's own day, no day is said.
	d := strikeDoc(t, "en")
	if md := string(Markdown(d)); strings.Contains(md, ", on 2026-05-09") {
		t.Error("a strike on the sitting's day is dated")
	}
}
