package minutes

import (
	"bytes"
	"strings"
	"testing"
)

// TestUnappliedAmendmentNamed: a floor amendment with a text and no change
// by lines is carried, then the motion with its text as moved; md/7,
// html/8 and akn/7 (and the PDF) say at the motion's result that the
// carried amendment was not applied to the text, in the document's
// language, and md/6, html/7 and akn/6 render as they did (Review 8:
// docs/motions.md promised it is "named as not applied").
func TestUnappliedAmendmentNamed(t *testing.T) {
	f := replayScript(t, "unapplied.jsonl", []byte(unappliedScript))
	want := map[string]string{
		"en": "The carried amendment “Say it louder” changes no lines and was not applied to the text.",
		"de": "Der angenommene Änderungsantrag „Say it louder“ ändert keine Zeilen und wurde nicht in den Text eingearbeitet.",
		"fr": "L'amendement adopté « Say it louder » ne modifie aucune ligne et n'a pas été intégré au texte.",
	}
	for lang, w := range want {
		readingFormats(t, BuildIn(f.state, f.cp, lang), func(format, got string) {
			if strings.Count(got, w) != 1 {
				t.Errorf("%s %s: want %q once, got it %d times:\n%s", lang, format, w, strings.Count(got, w), got)
			}
		})
	}
	d := Build(f.state, f.cp)
	earlierVersions(t, d, func(stamp string, got []byte) {
		if bytes.Contains(got, []byte("changes no lines")) {
			t.Errorf("%s says what only the versions after say", stamp)
		}
	})
}

const unappliedScript = `{"cmd":"create_assembly","assembly":"u","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"u","name":"U","starts":"2026-05-09","rules":"congress"}}
{"cmd":"add_organization","actor":"ann","at":"2026-05-09T09:00:01Z","args":{"id":"org","name":"Org","kind":"delegating"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"ann","name":"Ann"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:03Z","args":{"id":"bob","name":"Bob"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"md-b","person":"bob","organization":"org","kind":"decisive"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"md-b"}}
{"cmd":"check_in","actor":"bob","at":"2026-05-09T09:00:10Z","args":{"person":"bob"}}
{"cmd":"open_sitting","actor":"ann","at":"2026-05-09T09:01:00Z","args":{"id":"s1","date":"2026-05-09","chair":"ann"}}
{"cmd":"add_item","actor":"ann","at":"2026-05-09T09:02:00Z","args":{"id":"i1","title":"Dues"}}
{"cmd":"take_up_item","actor":"ann","at":"2026-05-09T09:03:00Z","args":{"item":"i1"}}
{"cmd":"move_motion","actor":"bob","at":"2026-05-09T09:04:00Z","args":{"id":"m1","kind":"substantive","title":"Raise the dues","text":"The dues are raised by one mark."}}
{"cmd":"move_motion","actor":"bob","at":"2026-05-09T09:05:00Z","args":{"id":"a1","kind":"amendment","amends":"m1","title":"Say it louder","text":"Say that the dues are raised with regret."}}
{"cmd":"open_vote","actor":"ann","at":"2026-05-09T09:06:00Z","args":{"id":"v1","motion":"a1","method":"show_of_hands"}}
{"cmd":"close_vote","actor":"ann","at":"2026-05-09T09:07:00Z","args":{"vote":"v1"}}
{"cmd":"enter_count","actor":"ann","at":"2026-05-09T09:08:00Z","args":{"vote":"v1","for":1,"against":0}}
{"cmd":"declare_result","actor":"ann","at":"2026-05-09T09:09:00Z","args":{"vote":"v1"}}
{"cmd":"open_vote","actor":"ann","at":"2026-05-09T09:10:00Z","args":{"id":"v2","motion":"m1","method":"show_of_hands"}}
{"cmd":"close_vote","actor":"ann","at":"2026-05-09T09:11:00Z","args":{"vote":"v2"}}
{"cmd":"enter_count","actor":"ann","at":"2026-05-09T09:12:00Z","args":{"vote":"v2","for":1,"against":0}}
{"cmd":"declare_result","actor":"ann","at":"2026-05-09T09:13:00Z","args":{"vote":"v2"}}
`
