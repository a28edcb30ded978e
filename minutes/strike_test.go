package minutes

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// struckSpeech is the entry of the coop's first speech, which strikeDoc
// strikes out, and struckBy the entry that strikes it.
var struckSpeech, struckBy int

// strikeDoc is the cooperative's meeting with its first speech's notes
// struck out before the sitting closes ("entered twice"), as the
// secretary records it with strike_record.
func strikeDoc(t *testing.T, lang string) *Document {
	t.Helper()
	script := mustRead(t, filepath.Join("..", "testdata", "coop-2026.jsonl"))
	base := replayScript(t, "coop-2026.jsonl", script)
	struckSpeech = -1
	for _, r := range base.state.Record {
		if r.Kind == "speech_recorded" {
			struckSpeech = r.Entry
			break
		}
	}
	if struckSpeech < 0 {
		t.Fatal("the coop's log has no speech")
	}
	last := bytes.LastIndex(bytes.TrimRight(script, "\n"), []byte("\n")) + 1 // close_sitting
	struckBy = base.state.Events - 1
	more := fmt.Sprintf(`{"cmd": "strike_record", "actor": "ben", "at": "2026-05-09T11:10:00+02:00", "args": {"entry": %d, "reason": "entered twice"}}
`, struckSpeech)
	f := replayScript(t, "coop-2026.jsonl and a strike", append(append(append([]byte(nil), script[:last]...), more...), script[last:]...))
	return BuildIn(f.state, f.cp, lang)
}

// TestStruckEntryIsMarked: in every format the struck-out notes stay in
// the minutes, marked "Struck out later: see entry N", and the strike says
// what it struck out, by whom and why; in German too.
func TestStruckEntryIsMarked(t *testing.T) {
	d := strikeDoc(t, "en")
	notes := "Presents the budget: income 412,000"
	mark := fmt.Sprintf("[Struck out later: see entry %d.]", struckBy)
	lead := fmt.Sprintf("Struck out of the minutes: the notes of the speech of Dev Patel (entry %d), by Ben Larsen.", struckSpeech)

	md := string(Markdown(d))
	at, strike := strings.Index(md, notes), strings.Index(md, lead)
	if at < 0 || strike < 0 || strike < at {
		t.Fatalf("markdown: the struck notes (at %d) and the strike (at %d) are not both shown in order:\n%s", at, strike, md)
	}
	mdMark := `\[` + strings.Trim(mark, "[]") + `\]` // markdown escapes the brackets
	line := md[at : at+strings.Index(md[at:], "\n")]
	if !strings.HasSuffix(line, mdMark) {
		t.Errorf("markdown: the struck notes are not marked %q: %q", mdMark, line)
	}
	if strings.Contains(line, "Corrected later") {
		t.Errorf("markdown: the strike is shown as a correction: %q", line)
	}
	if !strings.Contains(md[strike:], "*Reason: entered twice.*") {
		t.Error("markdown: the strike's reason is missing")
	}

	html := string(HTML(d))
	for _, want := range []string{
		fmt.Sprintf(`<a href="#e%d">%s</a></p>`, struckBy, mark),
		fmt.Sprintf(`<div class="correction strike" id="e%d">`, struckBy),
		fmt.Sprintf(`<a href="#e%d">(the entry struck out)</a>`, struckSpeech),
	} {
		if !strings.Contains(html, want) {
			t.Errorf("html: no %s", want)
		}
	}

	akn := string(AKN(d))
	for _, want := range []string{fmt.Sprintf(`<debateSection name="strike" eId="e%d">`, struckBy), "<heading>" + lead + "</heading>", mark} {
		if !strings.Contains(akn, want) {
			t.Errorf("akn: no %s", want)
		}
	}
	if _, err := Render(d, FormatPDF); err != nil {
		t.Errorf("pdf: %v", err)
	}

	de := string(Markdown(strikeDoc(t, "de")))
	for _, want := range []string{fmt.Sprintf(`\[Später gestrichen: siehe Eintrag %d.\]`, struckBy), "Aus dem Protokoll gestrichen:"} {
		if !strings.Contains(de, want) {
			t.Errorf("de: no %s", want)
		}
	}
}
