package minutes

import (
	"strings"
	"testing"
)

// attendanceScript: five members with a vote, three of whom check in
// before the first sitting opens; two arrive late, one checks out and
// one leaves the hall during it (coop review L8: "401 present → one
// leaves → 403 present", the late arrivals never narrated). The second
// sitting opens without recording who is present and starts to later.
const attendanceScript = `{"cmd":"create_assembly","actor":"ann","at":"2026-05-09T09:00:00Z","args":{"id":"a","name":"A","starts":"2026-05-09","rules":"congress"}}
{"cmd":"add_organization","actor":"ann","at":"2026-05-09T09:00:01Z","args":{"id":"coop","name":"Coop","kind":"delegating"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"ann","name":"Ann"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"bea","name":"Bea Soto","ref":"0001"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"cid","name":"Cid Ruiz","ref":"0002"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"dan","name":"Dan Abad","ref":"0003"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"eva","name":"Eva Ortega","ref":"0004"}}
{"cmd":"add_person","actor":"ann","at":"2026-05-09T09:00:02Z","args":{"id":"eva-2","name":"Eva Ortega","ref":"0005"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"m1","person":"bea","organization":"coop","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"m2","person":"cid","organization":"coop","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"m3","person":"dan","organization":"coop","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"m4","person":"eva","organization":"coop","kind":"decisive"}}
{"cmd":"submit_mandate","actor":"ann","at":"2026-05-09T09:00:05Z","args":{"id":"m5","person":"eva-2","organization":"coop","kind":"decisive"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"m1"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"m2"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"m3"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"m4"}}
{"cmd":"verify_mandate","actor":"ann","at":"2026-05-09T09:00:07Z","args":{"mandate":"m5"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:00:09Z","args":{"person":"bea"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:00:09Z","args":{"person":"cid"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:00:09Z","args":{"person":"eva"}}
{"cmd":"open_sitting","actor":"ann","at":"2026-05-09T09:01:00Z","args":{"id":"s1","date":"2026-05-09","chair":"ann"}}
{"cmd":"add_item","actor":"ann","at":"2026-05-09T09:02:00Z","args":{"id":"i1","title":"Dues"}}
{"cmd":"take_up_item","actor":"ann","at":"2026-05-09T09:03:00Z","args":{"item":"i1"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:03:10Z","args":{"person":"eva-2"}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T09:03:11Z","args":{"person":"dan"}}
{"cmd":"move_motion","actor":"ann","at":"2026-05-09T09:04:00Z","args":{"id":"mo-a","kind":"substantive","title":"Raise the dues","mover":"bea"}}
{"cmd":"check_out","actor":"ann","at":"2026-05-09T09:04:30Z","args":{"person":"cid"}}
{"cmd":"leave_hall","actor":"ann","at":"2026-05-09T09:04:40Z","args":{"persons":["bea"]}}
{"cmd":"close_sitting","actor":"ann","at":"2026-05-09T09:30:00Z","args":{"sitting":"s1"}}
{"cmd":"open_sitting","actor":"ann","at":"2026-05-09T10:01:00Z","args":{"id":"s2","date":"2026-05-09","chair":"ann","attendance_recorded":false}}
{"cmd":"check_in","actor":"ann","at":"2026-05-09T10:01:30Z","args":{"person":"cid"}}
{"cmd":"record_attendance","actor":"ann","at":"2026-05-09T10:02:00Z","args":{}}
{"cmd":"close_sitting","actor":"ann","at":"2026-05-09T10:30:00Z","args":{"sitting":"s2"}}
`

// TestSittingAttendanceSince8: md/8, html/9 and akn/8 say how many
// members with a vote were present when a sitting opened (or began to
// record who was present), and who checked in or out during it, at their
// place: the two late arrivals (a namesake told apart), the one who
// checked out. The one who left the hall is narrated once, as before;
// what came before the sitting recorded attendance is not narrated. The
// renderers before (md/7, html/8, akn/7) say none of it.
func TestSittingAttendanceSince8(t *testing.T) {
	f := replayScript(t, "attendance", []byte(attendanceScript))
	d := in(t, f, "en")
	now := []string{
		"Present and entitled to vote at the opening: 3 of 5.",
		"Arrived during the sitting (2): Dan Abad, Eva Ortega (No. 0005).",
		"Left the assembly during the sitting (1): Cid Ruiz.",
		"Present and entitled to vote when the attendance began to be recorded: 4 of 5.",
	}
	docWants(t, d, "en", now, []string{"Cid Ruiz (No.", "Arrived during the sitting (1): Cid Ruiz"})
	md := string(mustRender(t, d, FormatMarkdown))
	if strings.Count(md, "Left the hall: Bea Soto.") != 1 {
		t.Errorf("the departure from the hall is not narrated once:\n%s", md)
	}
	// At their place: the arrivals after the item was taken up and
	// before the motion, the departure after it.
	arrived, moves, left := strings.Index(md, "Arrived during"), strings.Index(md, "Bea Soto moves"), strings.Index(md, "Left the assembly")
	if !(strings.Index(md, "### Dues") < arrived && arrived < moves && moves < left) {
		t.Errorf("the arrivals and departures are not at their place:\n%s", md)
	}
	docWants(t, in(t, f, "es"), "es", []string{"Presentes con derecho a voto en la apertura: 3 de 5.", "Llegaron durante la sesión (2): Dan Abad, Eva Ortega (n.º 0005)."}, nil)
	earlierVersions8(t, d, func(stamp string, got []byte) {
		for _, w := range []string{"Present and entitled to vote at the opening", "Arrived during", "Left the assembly", "began to be recorded"} {
			if strings.Contains(string(got), w) {
				t.Errorf("%s gives %q, which it did not", stamp, w)
			}
		}
	})
}

func mustRender(t *testing.T, d *Document, format string) []byte {
	t.Helper()
	b, err := Render(d, format)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
