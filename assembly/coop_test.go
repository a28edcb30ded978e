package assembly

import (
	"bufio"
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestCoopScript applies testdata/coop-2026.jsonl, a cooperative's general
// meeting under Robert's Rules, and checks what the rules demand of it.
func TestCoopScript(t *testing.T) {
	data, err := os.ReadFile("../testdata/coop-2026.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t)
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		n++
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if err := h.line(l); err != nil {
			t.Fatalf("line %d: %v\n%s", n, err, l)
		}
	}
	s := h.s
	if s.Assembly.Rules.Preset != "ronr" || s.Assembly.Rules.CloseDebateThreshold != TwoThirdsCast {
		t.Fatalf("rules: %+v", s.Assembly.Rules)
	}
	if md := s.Mandates["m-max"]; md.Status != MandateStatusRejected || !strings.Contains(md.Reason, "lease ended") {
		t.Errorf("m-max: %+v", md)
	}
	want := map[string]struct{ outcome, arith string }{
		"v-budget": {"carried", "unanimous; carried"},
		"v-pq":     {"carried", "9 for, 2 against, 11 cast; 8 needed (two thirds of the votes cast); carried"},
		"v-survey": {"carried", "7 for, 4 against, 11 cast; 6 needed; carried"},
		"v-blocks": {"defeated", "5 for, 6 against, 11 cast; 6 needed; defeated"},
		"v-solar":  {"carried", "8 for, 2 against, 1 abstaining, 10 cast; 6 needed; carried"},
		"v-bylaw":  {"defeated", "7 for, 4 against, 11 cast; 8 needed (two thirds of the votes cast); defeated"},
	}
	for id, w := range want {
		v := s.Votes[id]
		if v == nil || v.Result == nil {
			t.Errorf("%s: no result", id)
			continue
		}
		if v.Result.Outcome != w.outcome || v.Result.Arithmetic != w.arith {
			t.Errorf("%s: got %s %q, want %s %q", id, v.Result.Outcome, v.Result.Arithmetic, w.outcome, w.arith)
		}
	}
	// The previous question closed the discussion; only the reporter summed up after it.
	solar := s.Items["i-solar"]
	if !solar.Floor.DiscussionClosed {
		t.Error("the previous question did not close the discussion")
	}
	var order []string
	for _, tu := range solar.Floor.Turns {
		order = append(order, tu.Person+":"+tu.Kind)
	}
	if got := strings.Join(order, " "); got != "eli:report gus:speech hal:speech ivy:speech eli:summary" {
		t.Errorf("speakers on i-solar: %s", got)
	}
	// The roll call names every voter, in order, and its attendance.
	sv := s.Votes["v-survey"]
	if sv.Method != "roll_call" || len(sv.Ballots) != 11 || sv.Ballots[0].Voter != "ann" || sv.Ballots[3].Choice != "against" {
		t.Errorf("roll call: %+v", sv.Ballots)
	}
	if sv.Attendance.Eligible != 12 || sv.Attendance.Present != 11 || sv.Attendance.Absent != 1 {
		t.Errorf("attendance at v-survey: %+v", sv.Attendance)
	}
	// The secondary amendment was adopted into the primary one, which was lost.
	if a := s.Motions["a-blocks"]; a.Status != MotionStatusDefeated || !reflect.DeepEqual(a.Adopted, []string{"a-survey"}) {
		t.Errorf("a-blocks: %s, adopted %v", a.Status, a.Adopted)
	}
	if m := s.Motions["m-solar"]; m.Status != MotionStatusCarried || len(m.Adopted) != 0 {
		t.Errorf("m-solar: %s %v", m.Status, m.Adopted)
	}
	if m := s.Motions["m-bylaw"]; m.Status != MotionStatusDefeated {
		t.Errorf("m-bylaw: %s", m.Status)
	}
	// The correction points at the entry it corrects; the original stays.
	ivy := s.Speeches["sp-ivy"]
	orig := s.Record[s.RecordIndex[ivy.Entry]]
	if orig.Text != ivy.Notes || len(orig.Corrected) != 1 {
		t.Fatalf("the corrected speech: %+v", orig)
	}
	if corr := s.Record[orig.Corrected[0]]; corr.Kind != "record_corrected" || !strings.Contains(corr.Text, "2014") {
		t.Errorf("the correction: %+v", corr)
	}
	last := s.Record[len(s.Record)-1]
	if last.Kind != "sitting_closed" || s.OpenSitting != "" {
		t.Errorf("last record entry %+v", last)
	}
	// Times keep the offset they were given with: the sitting opened at 10:00 local time.
	if at := s.Sittings["s1"].OpenedAt; at.Format("15:04 -07:00") != "10:00 +02:00" {
		t.Errorf("the sitting opened at %v", at)
	}
	// The rules refuse what the script did not do.
	h.refuse("ann", "open_vote", `{"id":"v-again","motion":"m-solar","method":"show_of_hands"}`, ErrClosed, "no sitting is open; votes are taken in a sitting")
}
