package minutes

import (
	"encoding/json"
	"html"
	"strings"
	"testing"
)

// namesakes9Script: two members named "Вера Иванов" (M00105 and M00121),
// in the places md/8, html/9 and akn/8 still named them alike: the one
// who recorded a correction or struck an entry out, the speaker whose
// notes are corrected or struck, the submitter and a supporter of a
// submitted motion. Entry numbers count from 0 (create_assembly).
const namesakes9Script = `{"cmd":"create_assembly","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"n","name":"N","starts":"2026-05-09","rules":"congress"}}
{"cmd":"add_organization","actor":"ann","at":"2026-05-09T09:00:01Z","args":{"id":"b26","name":"Branch 26","kind":"delegating"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"vera","name":"Вера Иванов","ref":"M00105"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"vera-2","name":"Вера Иванов","ref":"M00121"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"ann","name":"Ann"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"md-v1","person":"vera","organization":"b26","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"md-v2","person":"vera-2","organization":"b26","kind":"decisive"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"md-v1"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"md-v2"}}
{"cmd":"grant_role","actor":"ann","at":"2026-05-09T09:00:08Z","args":{"person":"vera-2","role":"secretary"}}
{"cmd":"set_submission_deadline","actor":"ann","at":"2026-05-09T09:00:08Z","args":{"deadline":"2026-05-09T09:00:30Z"}}
{"cmd":"submit_motion","actor":"vera","at":"2026-05-09T09:00:10Z","args":{"id":"w1","title":"Dues","text":"The dues rise."}}
{"cmd":"support_motion","actor":"vera-2","at":"2026-05-09T09:00:11Z","args":{"motion":"w1"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:00:40Z","args":{"person":"vera"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:00:40Z","args":{"person":"vera-2"}}
{"cmd":"open_sitting","actor":"ann","at":"2026-05-09T09:01:00Z","args":{"id":"s1","date":"2026-05-09","chair":"ann"}}
{"cmd":"add_item","actor":"ann","at":"2026-05-09T09:02:00Z","args":{"id":"i1","title":"Dues"}}
{"cmd":"take_up_item","actor":"ann","at":"2026-05-09T09:03:00Z","args":{"item":"i1"}}
{"cmd":"record_speech","actor":"ann","at":"2026-05-09T09:04:00Z","args":{"id":"sp1","item":"i1","speaker":"vera","notes":"Vera argues for the dues."}}
{"cmd":"record_speech","actor":"ann","at":"2026-05-09T09:05:00Z","args":{"id":"sp2","item":"i1","speaker":"vera","notes":"Vera argues for the dues."}}
{"cmd":"correct_record","actor":"vera-2","at":"2026-05-09T09:06:00Z","args":{"entry":18,"text":"Vera argues against the dues.","reason":"misheard"}}
{"cmd":"strike_record","actor":"vera-2","at":"2026-05-09T09:07:00Z","args":{"entry":19,"reason":"entered twice"}}
`

// TestNamesakesInCorrectionsAndPapers: md/9, html/10 and akn/9 tell two
// persons of one name apart where md/8, html/9 and akn/8 named them
// alike: who recorded a correction or struck an entry out, the speaker
// whose notes they are of, and a motion's supporters; the motion book
// names the submitter told apart; the Popolo export gives each the member
// number as an identifier. The renderers before render as they did.
func TestNamesakesInCorrectionsAndPapers(t *testing.T) {
	f := replayScript(t, "namesakes9", []byte(namesakes9Script))
	d := in(t, f, "en")
	now := []string{
		"Correction of the notes of the speech of Вера Иванов (No. M00105) (entry 18), recorded by Вера Иванов (No. M00121):",
		"Struck out of the minutes: the notes of the speech of Вера Иванов (No. M00105) (entry 19), by Вера Иванов (No. M00121).",
		"Supported by: Вера Иванов (No. M00121).",
	}
	before := []string{
		"Correction of the notes of the speech of Вера Иванов (entry 18), recorded by Вера Иванов:",
		"Struck out of the minutes: the notes of the speech of Вера Иванов (entry 19), by Вера Иванов.",
		"Supported by: Вера Иванов.",
	}
	docWants(t, d, "en", now, before)
	renderAs(t, d, []string{"md/8", "html/9", "akn/8"}, func(stamp string, got []byte) {
		s := strings.Join(strings.Fields(html.UnescapeString(strings.ReplaceAll(string(got), `\`, ""))), " ")
		for _, w := range before {
			if !strings.Contains(s, w) {
				t.Errorf("%s no longer gives %q as it did", stamp, w)
			}
		}
	})
	book := html.UnescapeString(string(BookHTML(d, "")))
	for _, w := range []string{"Submitted by Вера Иванов (No. M00105).", "Supported by: Вера Иванов (No. M00121)."} {
		if !strings.Contains(book, w) {
			t.Errorf("the motion book lacks %q", w)
		}
	}
	ru := in(t, f, "ru")
	docWants(t, ru, "ru", []string{"Вера Иванов (№ M00121)"}, nil)

	data, err := Popolo(d)
	if err != nil {
		t.Fatal(err)
	}
	var p struct {
		Persons []struct {
			ID          string `json:"id"`
			Identifiers []struct{ Identifier, Scheme string }
		} `json:"persons"`
	}
	if err := json.Unmarshal(data, &p); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, pr := range p.Persons {
		for _, id := range pr.Identifiers {
			got[pr.ID] += id.Scheme + " " + id.Identifier
		}
	}
	want := map[string]string{"vera": "member number M00105", "vera-2": "member number M00121"}
	if len(got) != len(want) || got["vera"] != want["vera"] || got["vera-2"] != want["vera-2"] {
		t.Errorf("Popolo's persons' identifiers = %v, want %v (Ann, whose name nobody else bears, none)", got, want)
	}
}
