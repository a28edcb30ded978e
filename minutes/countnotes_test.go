package minutes

import (
	"strings"
	"testing"
)

// TestNoteOnCountIsNoCorrection: a log written before plenum refused
// corrections of a count holds the secretary's "correction" of the roll
// call's result (entry 125) and of a ballot in it (entry 116). In every
// language and every format checked byte for byte, the minutes show each
// as a note — its lead says so, the secretary's words stand in quotation
// marks, and the minutes say after it that it changes nothing of the
// vote — and mark the result as noted, not corrected; the correction of
// a speech (entry 97) still reads as a correction.
func TestNoteOnCountIsNoCorrection(t *testing.T) {
	f := replayScript(t, "coop-2026.jsonl and two notes on counts", coopNotesScript(t))
	for _, lang := range []string{"en", "de", "ru", "fr", "es"} {
		d := BuildIn(f.state, f.cp, lang)
		l := d.locale()
		stands := CountStands(l)
		notes, corrections, marked := 0, 0, 0
		for _, s := range d.Sittings {
			for _, part := range s.Parts {
				for i := range part.Paragraphs {
					p := &part.Paragraphs[i]
					if len(p.CorrectedBy) > 0 && p.Kind == KindVote {
						marked++
						if !p.CountNoted || !strings.Contains(correctedNote(l, p), "149") || correctedNote(l, p) == "["+l.T("minutes.correction.later", 1, "149")+"]" {
							t.Errorf("%s: the result noted later is marked %q", lang, correctedNote(l, p))
						}
					}
					if p.Kind != KindCorrection {
						continue
					}
					lead := CorrectionLead(l, p)
					switch p.Corrects {
					case 125, 116:
						notes++
						plain := *p
						plain.OnCount = false
						if !p.OnCount || lead == CorrectionLead(l, &plain) || CorrectionText(l, p) == p.Text || !strings.Contains(CorrectionText(l, p), p.Text) {
							t.Errorf("%s: the note on entry %d reads %q %q", lang, p.Corrects, lead, CorrectionText(l, p))
						}
					case 97:
						corrections++
						if p.OnCount || CorrectionText(l, p) != p.Text || !strings.Contains(lead, "97") {
							t.Errorf("%s: the correction of the speech reads %q %q", lang, lead, CorrectionText(l, p))
						}
					}
				}
			}
		}
		if notes != 2 || corrections != 1 || marked != 1 {
			t.Fatalf("%s: %d notes, %d corrections, %d results marked; want 2, 1, 1", lang, notes, corrections, marked)
		}
		for format, want := range map[string]string{FormatMarkdown: "**" + md(stands) + "**", FormatHTML: "<strong>" + esc(stands) + "</strong>", FormatAKN: "<p>" + x(stands) + "</p>"} {
			b, err := Render(d, format)
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(string(b), want); n != 2 {
				t.Errorf("%s %s: the minutes say %d times that a note changes nothing of the vote, want 2", lang, format, n)
			}
		}
		if _, err := Render(d, FormatPDF); err != nil {
			t.Errorf("%s pdf: %v", lang, err)
		}
	}
}
