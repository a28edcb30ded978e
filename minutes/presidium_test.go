package minutes

import (
	"strings"
	"testing"
)

// presidiumScript changes the presidium three times, each with a note: one
// that names everyone the change names but says something else than the
// change (that the chair stayed with Ann), one that is the very sentence
// the minutes make of the change, and one that holds "; " of its own.
const presidiumScript = `{"cmd":"create_assembly","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"p","name":"P","starts":"2026-05-09","rules":"congress"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:01Z","args":{"id":"ann","name":"Ann"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"kim","name":"Kim Lee"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:03Z","args":{"id":"ola","name":"Ola"}}
{"cmd":"open_sitting","actor":"ann","at":"2026-05-09T09:01:00Z","args":{"id":"s1","date":"2026-05-09","chair":"ann","guests":["kim","ola"]}}
{"cmd":"change_presidium","actor":"ann","at":"2026-05-09T09:02:00Z","args":{"sitting":"s1","add":["kim"],"chair":"kim","note":"Comrade Kim Lee is added to the presidium; Ann keeps the chair."}}
{"cmd":"change_presidium","actor":"kim","at":"2026-05-09T09:03:00Z","args":{"sitting":"s1","add":["ola"],"note":"Added to the presidium: Ola."}}
{"cmd":"change_presidium","actor":"kim","at":"2026-05-09T09:04:00Z","args":{"sitting":"s1","remove":["ola"],"note":"Ola leaves; she is called away"}}
`

// TestPresidiumChangeSaysTheRecordAndTheNote: the minutes say what the
// record holds of a change of the presidium — who was added, who left,
// who takes the chair — whatever its note says, and the note after it,
// once when the note is that very sentence. A note that names everyone
// the change names is not taken for the change: it may say otherwise.
func TestPresidiumChangeSaysTheRecordAndTheNote(t *testing.T) {
	f := replayScript(t, "presidium", []byte(presidiumScript))
	want := map[string][]string{
		"en": {
			"Added to the presidium: Kim Lee; Kim Lee takes the chair. Comrade Kim Lee is added to the presidium; Ann keeps the chair.",
			"Added to the presidium: Ola.",
			"Left the presidium: Ola. Ola leaves; she is called away.",
		},
		"de": {
			"In das Präsidium aufgenommen: Kim Lee; Kim Lee übernimmt den Vorsitz. Comrade Kim Lee is added to the presidium; Ann keeps the chair.",
			"In das Präsidium aufgenommen: Ola. Added to the presidium: Ola.",
			"Aus dem Präsidium ausgeschieden: Ola. Ola leaves; she is called away.",
		},
	}
	for lang, wants := range want {
		readingFormats(t, in(t, f, lang), func(format, text string) {
			for _, w := range wants {
				if !strings.Contains(text, w) {
					t.Errorf("%s %s does not say %q:\n%s", lang, format, w, text)
				}
			}
			if n := strings.Count(text, "Added to the presidium: Ola."); lang == "en" && n != 1 {
				t.Errorf("%s %s says the change adding Ola %d times, want once", lang, format, n)
			}
		})
	}
}
