package assembly

import (
	"fmt"
	"testing"
)

// TestRecordAttendance: a sitting opened without recording who is
// present (attendance_recorded false) starts recording it by a command of
// its own, given by the chair, a secretary or the mandate commission once
// the registration is under way; from then on a vote's attendance is
// taken from those checked in, as in a sitting that recorded it from the
// start. A check-in alone does not start it.
func TestRecordAttendance(t *testing.T) {
	h := restored(t, "congress", "")
	h.must("ben", "check_out", `{"person":"m1"}`)
	h.must("cara", "check_in", `{"person":"m1"}`)
	if st := h.s.Sittings["s2"]; !st.AttendanceNotRecorded {
		t.Fatal("a check-in started recording the attendance of a sitting opened without it")
	}
	h.must("ann", "open_vote", `{"id":"v1","question":"Q","method":"show_of_hands"}`)
	if !h.s.Votes["v1"].Attendance.NotRecorded {
		t.Fatal("a vote before the recording started has its attendance as recorded")
	}
	h.refuse("m5", "record_attendance", `{}`, ErrForbidden, "only the chair, a secretary or the mandate commission may start recording who is present")
	h.must("cara", "record_attendance", `{}`)
	if st := h.s.Sittings["s2"]; st.AttendanceNotRecorded {
		t.Fatal("the sitting does not record who is present after record_attendance")
	}
	h.refuse("ann", "record_attendance", `{}`, ErrConflict, "the sitting s2 already records who is present")
	h.must("ben", "check_out", `{"person":"m2"}`)
	h.must("ann", "open_vote", `{"id":"v2","question":"Q2","method":"show_of_hands"}`)
	at := h.s.Votes["v2"].Attendance
	if at.NotRecorded || at.Present != 9 || at.Absent != 1 {
		t.Fatalf("the vote's attendance after the recording started: %+v, want 9 present, 1 absent", at)
	}
}

// TestQuorumCountedOnceAttendanceIsRecorded: a sitting opened without
// recording who is present counts no quorum — nobody is present by name
// there, and a count would refuse every vote —; from record_attendance
// on, open_vote is refused until the quorum is registered present.
func TestQuorumCountedOnceAttendanceIsRecorded(t *testing.T) {
	h := restored(t, "congress", `{"quorum":50}`)
	if h.s.QuorumCounted() {
		t.Fatal("a sitting that does not record attendance counts the quorum")
	}
	if _, _, ok := h.s.Quorum(); ok {
		t.Fatal("the fixture has its quorum present: the test would prove nothing")
	}
	h.must("ann", "open_vote", `{"id":"v1","question":"Adopt the agenda?","method":"show_of_hands"}`)
	h.must("ann", "withdraw_vote", `{"vote":"v1","reason":"opened to test","consent":"no objection"}`)
	h.must("cara", "record_attendance", `{}`)
	if !h.s.QuorumCounted() {
		t.Fatal("after record_attendance the quorum is not counted")
	}
	present, needed, _ := h.s.Quorum()
	events := h.s.Events
	h.refuse("ann", "open_vote", `{"id":"v2","question":"Adopt the agenda?","method":"show_of_hands"}`, ErrConflict, fmt.Sprintf("there is no quorum: %d voting members present, %d needed", present, needed))
	if h.s.Events != events {
		t.Fatal("the refused vote changed the record")
	}
}

// TestUnnamedDeparturesEndWithTheirSitting: those who left the hall
// without being named are taken from those present in the sitting they
// left, and from no registration that starts afresh after it: a sitting
// opened recording who is present, or record_attendance in one opened
// without it (the 1917 record's walkout of three unnamed men in one
// sitting was taken from the six registered in the next: "3 of 85
// present" beside four ballots). A restored sitting that records nobody
// present keeps an unnamed walkout among the walked out of its votes and
// of the next such sitting's, as the record gives them.
func TestUnnamedDeparturesEndWithTheirSitting(t *testing.T) {
	h := fixture(t, "congress", "")
	members := h.s.VotingMembers()
	h.must("ben", "leave_hall", `{"persons":["m1"],"unnamed":3,"walkout":true}`)
	p := h.s.Presence()
	present, _, _ := h.s.Quorum()
	if p.Present != present || p.Present != members-4 || p.Unnamed != 3 || p.UnnamedWalkedOut != 3 || p.InHall != p.Named-3 || p.OutOfHall != 4 || p.WalkedOut != 4 {
		t.Fatalf("the presence after m1 and 3 unnamed walked out of %d members: %+v, quorum present %d", members, p, present)
	}
	h.must("ann", "close_sitting", `{"sitting":"s1"}`)
	h.must("ann", "open_sitting", `{"id":"s2","date":"2026-05-10","chair":"ann","secretaries":["ben"]}`)
	if p := h.s.Presence(); p.Unnamed != 0 || p.Present != members-1 || p.WalkedOut != 1 {
		t.Fatalf("a new sitting that records who is present starts from the unnamed of the last one: %+v", p)
	}
	h.refuse("ben", "return_to_hall", `{"unnamed":1}`, ErrConflict, "only 0 unnamed persons are out of the hall, not 1")
	h.must("ann", "close_sitting", `{"sitting":"s2"}`)

	// A restored record: a walkout of three unnamed, and in the next
	// sitting the registration starts after it.
	h.must("ann", "open_sitting", `{"id":"s3","date":"2026-05-11","chair":"ann","secretaries":["ben"],"attendance_recorded":false}`)
	h.must("ben", "leave_hall", `{"unnamed":3,"walkout":true}`)
	h.must("ann", "close_sitting", `{"sitting":"s3"}`)
	h.must("ann", "open_sitting", `{"id":"s4","date":"2026-05-12","chair":"ann","secretaries":["ben"],"attendance_recorded":false}`)
	h.must("ann", "add_item", `{"id":"i2","title":"The second question"}`)
	h.must("ann", "take_up_item", `{"item":"i2"}`)
	h.must("ann", "open_vote", `{"id":"v1","question":"Q","method":"show_of_hands"}`)
	if at := h.s.Votes["v1"].Attendance; !at.NotRecorded || at.WalkedOut != 4 || at.UnnamedOut != 3 {
		t.Fatalf("a restored sitting's vote after an unnamed walkout in the last one: %+v, want 4 walked out, 3 of them unnamed", at)
	}
	h.must("ann", "withdraw_vote", `{"vote":"v1","reason":"opened to test","consent":"no objection"}`)
	for i := 2; i <= 10; i++ {
		h.must("ben", "check_out", fmt.Sprintf(`{"person":"m%d"}`, i))
	}
	for i := 2; i <= 7; i++ {
		h.must("ben", "check_in", fmt.Sprintf(`{"person":"m%d"}`, i))
	}
	h.must("ben", "record_attendance", `{}`)
	if p := h.s.Presence(); p.Unnamed != 0 || p.Present != 6 {
		t.Fatalf("six registered after record_attendance: %+v, want 6 present and none out unnamed", p)
	}
	h.must("ann", "open_vote", `{"id":"v2","question":"Q2","method":"show_of_hands"}`)
	if at := h.s.Votes["v2"].Attendance; at.Present != 6 || at.UnnamedOut != 0 {
		t.Fatalf("the vote after six registered: %+v, want 6 present, none out unnamed", at)
	}
}
