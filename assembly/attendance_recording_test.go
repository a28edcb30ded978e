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
