package minutes

import (
	"html"
	"strings"
	"testing"
)

// namesakes8Script: two members named "Вера Иванов" (member numbers
// M00105 and M00121) and two named "Григорий Лебедева" (M00412 and
// M00413), each pair in every place the minutes name a person: the
// reporter of an item, a mover, a speaker without notes, one who leaves
// the hall, a teller, and two candidates of one name in an election
// (scale review F7: "The following elected: Вера Иванов").
const namesakes8Script = `{"cmd":"create_assembly","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"n","name":"N","starts":"2026-05-09","rules":"congress"}}
{"cmd":"add_organization","actor":"ann","at":"2026-05-09T09:00:01Z","args":{"id":"b26","name":"Branch 26","kind":"delegating"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"vera","name":"Вера Иванов","ref":"M00105"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"vera-2","name":"Вера Иванов","ref":"M00121"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"grig","name":"Григорий Лебедева","ref":"M00412"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"grig-2","name":"Григорий Лебедева","ref":"M00413"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"ann","name":"Ann"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"md-v1","person":"vera","organization":"b26","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"md-v2","person":"vera-2","organization":"b26","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"md-g1","person":"grig","organization":"b26","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"md-g2","person":"grig-2","organization":"b26","kind":"decisive"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"md-v1"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"md-v2"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"md-g1"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"md-g2"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:00:09Z","args":{"person":"vera"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:00:09Z","args":{"person":"vera-2"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:00:09Z","args":{"person":"grig"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:00:09Z","args":{"person":"grig-2"}}
{"cmd":"open_sitting","actor":"ann","at":"2026-05-09T09:01:00Z","args":{"id":"s1","date":"2026-05-09","chair":"ann"}}
{"cmd":"add_item","actor":"ann","at":"2026-05-09T09:02:00Z","args":{"id":"i1","title":"Dues","reporters":["grig-2"]}}
{"cmd":"take_up_item","actor":"ann","at":"2026-05-09T09:03:00Z","args":{"item":"i1"}}
{"cmd":"give_floor","actor":"ann","at":"2026-05-09T09:03:30Z","args":{"item":"i1","person":"grig"}}
{"cmd":"move_motion","actor":"ann","at":"2026-05-09T09:04:00Z","args":{"id":"mo-a","kind":"substantive","title":"Raise the dues","mover":"vera-2"}}
{"cmd":"open_vote","actor":"ann","at":"2026-05-09T09:05:00Z","args":{"id":"v-a","motion":"mo-a","method":"show_of_hands"}}
{"cmd":"enter_count","actor":"ann","at":"2026-05-09T09:05:30Z","args":{"vote":"v-a","for":3,"against":1,"tellers":["vera"]}}
{"cmd":"close_vote","actor":"ann","at":"2026-05-09T09:06:00Z","args":{"vote":"v-a"}}
{"cmd":"declare_result","actor":"ann","at":"2026-05-09T09:07:00Z","args":{"vote":"v-a"}}
{"cmd":"open_election","actor":"ann","at":"2026-05-09T09:08:00Z","args":{"id":"e1","title":"Executive Committee","seats":1,"method":"plurality","candidates":["vera","vera-2"]}}
{"cmd":"cast_election_ballot","actor":"vera","at":"2026-05-09T09:08:10Z","args":{"election":"e1","voter":"vera","approve":["vera"]}}
{"cmd":"cast_election_ballot","actor":"grig","at":"2026-05-09T09:08:11Z","args":{"election":"e1","voter":"grig","approve":["vera"]}}
{"cmd":"cast_election_ballot","actor":"vera-2","at":"2026-05-09T09:08:12Z","args":{"election":"e1","voter":"vera-2","approve":["vera-2"]}}
{"cmd":"close_election","actor":"ann","at":"2026-05-09T09:09:00Z","args":{"election":"e1"}}
{"cmd":"declare_election","actor":"ann","at":"2026-05-09T09:10:00Z","args":{"election":"e1"}}
{"cmd":"leave_hall","actor":"ann","at":"2026-05-09T09:11:00Z","args":{"persons":["grig-2"]}}
`

// TestNamesakesBeyondBallots: md/8, html/9 and akn/8 tell two persons of
// one name apart wherever the minutes name them, as they do in a vote by
// name: the reporter, the mover, one who spoke without notes, a teller,
// the candidates, the elected and the election's count, one who left the
// hall. The renderers before (md/7, html/8, akn/7) name them alike, as
// they did.
func TestNamesakesBeyondBallots(t *testing.T) {
	f := replayScript(t, "namesakes8", []byte(namesakes8Script))
	d := in(t, f, "en")
	now := []string{
		"Reporter: Григорий Лебедева (No. M00413).",
		"Вера Иванов (No. M00121) moves:",
		"Григорий Лебедева (No. M00412) spoke.",
		"Tellers: Вера Иванов (No. M00105).",
		"The following elected: Вера Иванов (No. M00105).",
		"Вера Иванов (No. M00105) 2",
		"Вера Иванов (No. M00121) 1",
		"Left the hall: Григорий Лебедева (No. M00413).",
		"for Вера Иванов (No. M00105): Вера Иванов (No. M00105), Григорий Лебедева (No. M00412); for Вера Иванов (No. M00121)",
	}
	before := []string{
		"Reporter: Григорий Лебедева.",
		"Вера Иванов moves:",
		"Григорий Лебедева spoke.",
		"Tellers: Вера Иванов.",
		"The following elected: Вера Иванов.",
		"(Григорий Лебедева)",
	}
	docWants(t, d, "en", now, before)
	earlierVersions8(t, d, func(stamp string, got []byte) {
		s := strings.Join(strings.Fields(html.UnescapeString(strings.ReplaceAll(string(got), `\`, ""))), " ")
		for _, w := range before {
			if !strings.Contains(s, w) {
				t.Errorf("%s no longer gives %q as it did", stamp, w)
			}
		}
		if strings.Contains(s, "(No. M00") {
			t.Errorf("%s tells namesakes apart, which it did not", stamp)
		}
	})
	// In Russian too, as the cards tell them ("№ M00105").
	ru := in(t, f, "ru")
	docWants(t, ru, "ru", []string{"Вера Иванов (№ M00105)"}, nil)
}
