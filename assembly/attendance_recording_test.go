package assembly

import "testing"

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
