package minutes

import (
	"fmt"
	"strings"
	"testing"
)

// TestSpeechNotesStandAtTheirTurn: notes of a speech written up after the
// vote that followed it, naming the floor turn they belong to
// (record_speech's floor), stand in the minutes after that turn and
// before the vote, in every rendering; notes that name no turn stand
// where they were recorded, as before.
func TestSpeechNotesStandAtTheirTurn(t *testing.T) {
	f := replayScript(t, "placed-prefix.jsonl", []byte(placedScript))
	turn := -1
	for _, r := range f.state.Record {
		if r.Kind == "floor_given" {
			turn = r.Entry
		}
	}
	if turn < 0 {
		t.Fatal("the script gives nobody the floor")
	}
	late := func(floor string) []byte {
		return []byte(placedScript + fmt.Sprintf(`{"cmd":"record_speech","actor":"ann","at":"2026-05-09T09:20:00Z","args":{"id":"sp1","item":"i1","speaker":"bob","notes":"Bob argues for the accounts as printed."%s}}
{"cmd":"close_item","actor":"ann","at":"2026-05-09T09:21:00Z","args":{"item":"i1"}}
`, floor))
	}
	placed := replayScript(t, "placed.jsonl", late(fmt.Sprintf(`,"floor":%d`, turn)))
	d := BuildIn(placed.state, placed.cp, "en")
	for name, text := range map[string]string{"markdown": string(Markdown(d)), "html": string(HTML(d)), "akn": string(AKN(d))} {
		speech, result := strings.Index(text, "Bob argues"), strings.LastIndex(text, "carried")
		if speech < 0 || result < 0 || speech > result {
			t.Errorf("%s: the speech (at %d) does not come before the vote's result (at %d):\n%s", name, speech, result, text)
		}
	}
	unplaced := replayScript(t, "unplaced.jsonl", late(""))
	md := string(Markdown(BuildIn(unplaced.state, unplaced.cp, "en")))
	if strings.Index(md, "Bob argues") < strings.Index(md, "carried") {
		t.Errorf("notes naming no turn moved from where they were recorded:\n%s", md)
	}
}

// placedScript has Bob given the floor, then a show of hands carried,
// before the secretary writes his speech up.
const placedScript = `{"cmd":"create_assembly","assembly":"p","actor":"admin","at":"2026-05-09T09:00:00Z","args":{"id":"p","name":"P","starts":"2026-05-09","rules":"congress"}}
{"cmd":"add_person","actor":"admin","at":"2026-05-09T09:00:01Z","args":{"id":"ann","name":"Ann"}}
{"cmd":"add_person","actor":"admin","at":"2026-05-09T09:00:01Z","args":{"id":"bob","name":"Bob"}}
{"cmd":"grant_role","actor":"admin","at":"2026-05-09T09:00:02Z","args":{"person":"ann","role":"chair"}}
{"cmd":"grant_role","actor":"admin","at":"2026-05-09T09:00:02Z","args":{"person":"ann","role":"mandate_commission"}}
{"cmd":"add_organization","actor":"admin","at":"2026-05-09T09:00:03Z","args":{"id":"o","name":"O","kind":"delegating"}}
{"cmd":"submit_mandate","actor":"admin","at":"2026-05-09T09:00:04Z","args":{"id":"md-bob","person":"bob","organization":"o","kind":"decisive"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"mandate":"md-bob"}}
{"cmd":"open_sitting","actor":"ann","at":"2026-05-09T09:01:00Z","args":{"id":"s1","date":"2026-05-09","chair":"ann"}}
{"cmd":"add_item","actor":"ann","at":"2026-05-09T09:02:00Z","args":{"id":"i1","title":"The accounts"}}
{"cmd":"take_up_item","actor":"ann","at":"2026-05-09T09:03:00Z","args":{"item":"i1"}}
{"cmd":"give_floor","actor":"ann","at":"2026-05-09T09:04:00Z","args":{"item":"i1","person":"bob"}}
{"cmd":"end_speech","actor":"ann","at":"2026-05-09T09:09:00Z","args":{"item":"i1"}}
{"cmd":"move_motion","actor":"ann","at":"2026-05-09T09:10:00Z","args":{"id":"m1","kind":"substantive","title":"Adopt the accounts","item":"i1"}}
{"cmd":"open_vote","actor":"ann","at":"2026-05-09T09:11:00Z","args":{"id":"v1","motion":"m1","method":"show_of_hands"}}
{"cmd":"close_vote","actor":"ann","at":"2026-05-09T09:12:00Z","args":{"vote":"v1"}}
{"cmd":"enter_count","actor":"ann","at":"2026-05-09T09:13:00Z","args":{"vote":"v1","for":"majority","against":"minority"}}
{"cmd":"declare_result","actor":"ann","at":"2026-05-09T09:14:00Z","args":{"vote":"v1"}}
`
