package assembly

import (
	"reflect"
	"strings"
	"testing"
)

// TestRestoredRecord covers what a record restored from drafts needs: fates
// of motions never voted on, one-sided counts, elections whose result is
// only stated, attendance not recorded, personal mandates, and members of a
// leading body speaking without a mandate.
func TestRestoredRecord(t *testing.T) {
	h := fixture(t, "congress", "")
	// An amendment moved and never voted on no longer blocks the vote on what it amends.
	h.must("ben", "move_motion", `{"id":"amends","kind":"substantive","title":"Accept Kamenev's amendments","mover":"m1"}`)
	h.must("ben", "move_motion", `{"id":"a-voit","kind":"amendment","amends":"amends","title":"Voitinsky's amendment to the amendment","mover":"m2"}`)
	h.refuse("ann", "open_vote", `{"id":"v1","motion":"amends","method":"show_of_hands"}`, ErrConflict, "a-voit (Voitinsky's amendment to the amendment) must be put to the vote before amends")
	h.refuse("m5", "dispose_motion", `{"motion":"a-voit","fate":"not_recorded"}`, ErrForbidden, "only the chair or a secretary records the fate of a motion")
	h.refuse("ben", "dispose_motion", `{"motion":"a-voit","fate":"forgotten"}`, ErrInvalid, `dispose_motion: the field "fate" must be one of lapsed, referred, overtaken, not_recorded, not "forgotten"`)
	h.must("ben", "dispose_motion", `{"motion":"a-voit","fate":"not_recorded","note":"the minutes record no vote on it"}`)
	h.refuse("ben", "dispose_motion", `{"motion":"a-voit","fate":"lapsed"}`, ErrConflict, "the motion a-voit is not recorded")
	if mo := h.s.Motions["a-voit"]; mo.Status != MotionStatusNotRecorded || mo.Fate != "the minutes record no vote on it" {
		t.Fatalf("a-voit %+v", mo)
	}
	h.must("ann", "open_vote", `{"id":"v1","motion":"amends","method":"show_of_hands"}`)
	h.must("ann", "close_vote", `{"vote":"v1"}`)
	// "The majority is against discussion": one side only.
	h.must("kim", "enter_count", `{"vote":"v1","against":"majority"}`)
	h.must("ann", "declare_result", `{"vote":"v1"}`)
	if r := h.s.Votes["v1"].Result; r.Outcome != "defeated" || r.Arithmetic != "the majority against; defeated" {
		t.Fatalf("one-sided: %+v", r)
	}
	// "Motion 2 is put to a vote" and no result printed.
	h.must("ben", "move_motion", `{"id":"mo2","kind":"substantive","title":"Motion 2","mover":"m3"}`)
	h.must("ann", "open_vote", `{"id":"v-mo2","motion":"mo2","method":"show_of_hands"}`)
	h.must("ann", "close_vote", `{"vote":"v-mo2"}`)
	h.must("ann", "declare_result", `{"vote":"v-mo2","outcome":"not_recorded","note":"the minutes print no result"}`)
	if r, mo := h.s.Votes["v-mo2"].Result, h.s.Motions["mo2"]; r.Arithmetic != "result not recorded" || mo.Status != MotionStatusNotRecorded {
		t.Fatalf("not recorded: %+v %s", r, mo.Status)
	}
	h.must("ann", "open_vote", `{"id":"v-x","question":"Q","method":"show_of_hands"}`)
	h.must("ann", "close_vote", `{"vote":"v-x"}`)
	h.must("kim", "enter_count", `{"vote":"v-x","for":3,"against":1}`)
	h.refuse("ann", "declare_result", `{"vote":"v-x","outcome":"not_recorded"}`, ErrConflict, "the vote v-x has a count; its result is counted, not left unrecorded")
	// "The following elected: …" with no method recorded.
	h.must("ann", "open_election", `{"id":"e1","title":"Committee to draft the resolution","body":"c9","seats":9,"method":"as_stated"}`)
	h.refuse("m1", "cast_election_ballot", `{"election":"e1","voter":"m1","approve":["m2"]}`, ErrConflict, "the election e1 is recorded as the minutes state its result; it takes no ballots")
	h.must("ann", "close_election", `{"election":"e1"}`)
	h.refuse("ann", "declare_election", `{"election":"e1"}`, ErrInvalid, "no ballots were cast in e1; name the elected")
	h.must("ann", "declare_election", `{"election":"e1","elected":["m1","m2","m3"]}`)
	names := []string{h.s.Persons["m1"].Name, h.s.Persons["m2"].Name, h.s.Persons["m3"].Name}
	if got, want := h.s.Elections["e1"].Arithmetic, "elected as stated: "+strings.Join(names, ", "); got != want {
		t.Fatalf("arithmetic %q, want %q: the record names people, not ids", got, want)
	}
	// A sitting whose attendance the record does not show.
	h.must("ann", "close_sitting", `{"sitting":"s1"}`)
	h.must("ann", "open_sitting", `{"id":"s2","date":"2026-05-10","chair":"ann","note":"date inferred from the order of the drafts","attendance_recorded":false}`)
	h.must("ben", "leave_hall", `{"persons":["m4"],"walkout":true}`)
	h.must("ann", "open_vote", `{"id":"v2","question":"Q","method":"show_of_hands"}`)
	want := AttendanceSnapshot{NotRecorded: true, Eligible: 10, WalkedOut: 1, ByKind: map[string]int{}}
	if got := h.s.Votes["v2"].Attendance; !reflect.DeepEqual(got, want) {
		t.Fatalf("attendance %+v", got)
	}
	if st := h.s.Sittings["s2"]; st.Note == "" || !st.AttendanceNotRecorded {
		t.Fatalf("sitting %+v", st)
	}
	// Participating personally: a mandate from no organization.
	h.must("ann", "add_person", `{"id":"stuchka","name":"Stuchka"}`)
	h.must("cara", "submit_mandate", `{"id":"md-stuchka","person":"stuchka","kind":"consultative","note":"participating personally"}`)
	h.must("cara", "verify_mandate", `{"mandate":"md-stuchka"}`)
	// A member of a leading body takes the floor without a mandate.
	h.must("ann", "add_organization", `{"id":"cc","name":"Central Committee","kind":"leading_body"}`)
	h.must("ann", "add_person", `{"id":"stalin","name":"Stalin"}`)
	h.refuse("stalin", "request_floor", `{"item":"i1","person":"stalin"}`, ErrForbidden, "stalin holds no verified mandate that gives the floor; the mandate commission must verify one first")
	h.must("ann", "add_membership", `{"person":"stalin","organization":"cc"}`)
	h.must("stalin", "request_floor", `{"item":"i1","person":"stalin"}`)
}
