package minutes

import (
	"html"
	"strings"
	"testing"
)

// rollCall8Script is a cooperative's roll call: two members of one name
// (member numbers 0200 and 0801) voting apart, one by proxy for the
// other's namesake's neighbour, the ballots arriving in no order of the
// names, and one member of the roll who does not vote.
const rollCall8Script = `{"cmd":"create_assembly","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"r","name":"R","starts":"2026-05-09","rules":"congress"}}
{"cmd":"add_organization","actor":"ann","at":"2026-05-09T09:00:01Z","args":{"id":"coop","name":"Cooperativa","kind":"delegating"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"zacarias","name":"Beatriz Soto","ref":"0006"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"ramon","name":"Ramón Ortega Durán","ref":"0200"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"ramon-2","name":"Ramón Ortega Durán","ref":"0801"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"maite","name":"Maite Carrasco Serrano","ref":"0001"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"nunez","name":"Pilar Nunzio Ruiz","ref":"0002"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"nuno","name":"Pilar Nuño Ruiz","ref":"0003"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"adrian","name":"Ángela Hernández Méndez","ref":"0004"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"zoe","name":"Zoe Abad","ref":"0005"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"ann","name":"Ann"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"md-zp","person":"zacarias","organization":"coop","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"md-r1","person":"ramon","organization":"coop","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"md-r2","person":"ramon-2","organization":"coop","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"md-m","person":"maite","organization":"coop","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"md-nz","person":"nunez","organization":"coop","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"md-no","person":"nuno","organization":"coop","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"md-a","person":"adrian","organization":"coop","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"md-z","person":"zoe","organization":"coop","kind":"decisive"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"md-zp"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"md-r1"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"md-r2"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"md-m"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"md-nz"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"md-no"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"md-a"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"md-z"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:00:09Z","args":{"person":"zacarias"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:00:09Z","args":{"person":"ramon"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:00:09Z","args":{"person":"ramon-2"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:00:09Z","args":{"person":"maite"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:00:09Z","args":{"person":"nunez"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:00:09Z","args":{"person":"nuno"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:00:09Z","args":{"person":"adrian"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:00:09Z","args":{"person":"zoe"}}
{"cmd":"open_sitting","actor":"ann","at":"2026-05-09T09:01:00Z","args":{"id":"s1","date":"2026-05-09","chair":"ann"}}
{"cmd":"add_item","actor":"ann","at":"2026-05-09T09:02:00Z","args":{"id":"i1","title":"Cuotas"}}
{"cmd":"take_up_item","actor":"ann","at":"2026-05-09T09:03:00Z","args":{"item":"i1"}}
{"cmd":"move_motion","actor":"ann","at":"2026-05-09T09:04:00Z","args":{"id":"mo-a","kind":"substantive","title":"Subir las cuotas","mover":"maite"}}
{"cmd":"open_vote","actor":"ann","at":"2026-05-09T09:05:00Z","args":{"id":"v-a","motion":"mo-a","method":"roll_call"}}
{"cmd":"cast_ballot","actor":"zoe","at":"2026-05-09T09:05:10Z","args":{"vote":"v-a","voter":"zoe","choice":"for"}}
{"cmd":"cast_ballot","actor":"ramon","at":"2026-05-09T09:05:11Z","args":{"vote":"v-a","voter":"ramon","choice":"for"}}
{"cmd":"cast_ballot","actor":"maite","at":"2026-05-09T09:05:12Z","args":{"vote":"v-a","voter":"maite","choice":"for"}}
{"cmd":"cast_ballot","actor":"nunez","at":"2026-05-09T09:05:13Z","args":{"vote":"v-a","voter":"nunez","choice":"for"}}
{"cmd":"cast_ballot","actor":"nuno","at":"2026-05-09T09:05:14Z","args":{"vote":"v-a","voter":"nuno","choice":"for"}}
{"cmd":"cast_ballot","actor":"ramon-2","at":"2026-05-09T09:05:15Z","args":{"vote":"v-a","voter":"ramon-2","choice":"against"}}
{"cmd":"close_vote","actor":"ann","at":"2026-05-09T09:06:00Z","args":{"vote":"v-a"}}
{"cmd":"declare_result","actor":"ann","at":"2026-05-09T09:07:00Z","args":{"vote":"v-a"}}
`

// TestRollCallSince8: md/8, html/9 and akn/8 tell two members of one
// name apart in a roll call and in the list of delegates as their
// mandate cards do ("Ramón Ortega Durán (n.º 0200)"), list each group's names in the alphabetical order
// of the document's language (Spanish: "Nunzio" before "Nuño", ñ a
// letter after n; "Ángela" with the A), and state the outcome in the form the result's
// arithmetic ends in ("Aprobada." beside "; aprobada"). The renderers
// before (md/7, html/8, akn/7) render as they did: the names in the
// order cast, the namesakes alike, "Aprobado.".
func TestRollCallSince8(t *testing.T) {
	f := replayScript(t, "rollcall8", []byte(rollCall8Script))
	d := in(t, f, "es")
	now := []string{
		"A favor: Maite Carrasco Serrano, Pilar Nunzio Ruiz, Pilar Nuño Ruiz, Ramón Ortega Durán (n.º 0200), Zoe Abad.",
		"En contra: Ramón Ortega Durán (n.º 0801).",
		"No votaron: Ángela Hernández Méndez, Beatriz Soto.",
		") Aprobada.",
		"; aprobada",
		"Ramón Ortega Durán (n.º 0200), Ramón Ortega Durán (n.º 0801), Maite Carrasco Serrano",
	}
	before := []string{
		"A favor: Zoe Abad, Ramón Ortega Durán, Maite Carrasco Serrano, Pilar Nunzio Ruiz, Pilar Nuño Ruiz.",
		"En contra: Ramón Ortega Durán.",
		"No votaron: Beatriz Soto, Ángela Hernández Méndez.", // in the order of the bytes
		") Aprobado.",
		"Ramón Ortega Durán, Ramón Ortega Durán, Maite Carrasco Serrano",
	}
	docWants(t, d, "es", now, before)
	earlierVersions8(t, d, func(stamp string, got []byte) {
		s := strings.Join(strings.Fields(html.UnescapeString(strings.ReplaceAll(string(got), `\`, ""))), " ")
		for _, w := range before {
			if !strings.Contains(s, w) {
				t.Errorf("%s no longer gives %q as it did", stamp, w)
			}
		}
		for _, w := range now[:4] {
			if strings.Contains(s, w) {
				t.Errorf("%s gives %q, which it did not", stamp, w)
			}
		}
	})
	// In English the order is English's (ñ an n with a mark), and
	// "Carried." has one form.
	docWants(t, in(t, f, "en"), "en", []string{"For: Maite Carrasco Serrano, Pilar Nuño Ruiz, Pilar Nunzio Ruiz, Ramón Ortega Durán (No. 0200), Zoe Abad.", "Against: Ramón Ortega Durán (No. 0801).", ") Carried."}, nil)
	// The two participating personally, without an organization.
	script := strings.NewReplacer(`"id":"md-r1","person":"ramon","organization":"coop",`, `"id":"md-r1","person":"ramon",`,
		`"id":"md-r2","person":"ramon-2","organization":"coop",`, `"id":"md-r2","person":"ramon-2",`).Replace(rollCall8Script)
	personal := in(t, replayScript(t, "rollcall8 personally", []byte(script)), "es")
	// The record shows who was present at the sitting: the line is the
	// roll of those holding a mandate personally, and says so (coop
	// review L8), where md/7 said "Participan" of the roll.
	docWants(t, personal, "es", []string{"Con mandato a título personal: Ramón Ortega Durán (n.º 0200), Ramón Ortega Durán (n.º 0801)."}, []string{"Participan a título personal"})
	// A record that does not show who was present (a restored one's
	// sittings): the line is those participating personally, as its
	// source lists them.
	unrecorded := strings.Replace(script, `"chair":"ann"}}`, `"chair":"ann","attendance_recorded":false}}`, 1)
	docWants(t, in(t, replayScript(t, "rollcall8 personally unrecorded", []byte(unrecorded)), "es"), "es", []string{"Participan a título personal: Ramón Ortega Durán (n.º 0200)"}, nil)
	earlierVersions8(t, personal, func(stamp string, got []byte) {
		if !strings.Contains(string(got), "Participan a título personal: Ramón Ortega Durán, Ramón Ortega Durán.") {
			t.Errorf("%s no longer names those participating personally as it did", stamp)
		}
	})
}
