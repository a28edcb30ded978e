package assembly

import "testing"

// TestCheckInByOfficers: under check_in officers only a secretary or the
// mandate commission registers a person present, at the door; the person
// may not mark himself present from elsewhere (refused, changing
// nothing), nor online. Under the default (self), as before, a delegate
// checks himself in. A check_in rule other than self or officers is
// refused (REVIEW-DELEGATES M1).
func TestCheckInByOfficers(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("m1", "check_out", `{"person":"m1"}`)
	h.must("m1", "check_in", `{"person":"m1"}`) // the default: himself

	h = fixture(t, "congress", `{"check_in":"officers","online":"vote"}`)
	if h.s.Assembly.Rules.CheckIn != CheckInOfficers {
		t.Fatalf("the rule: %q", h.s.Assembly.Rules.CheckIn)
	}
	h.must("ben", "check_out", `{"person":"m1"}`)
	events := h.s.Events
	h.refuse("m1", "check_in", `{"person":"m1"}`, ErrForbidden,
		"under the rules of procedure a secretary or the mandate commission registers m1 present at the door; nobody checks in themselves")
	h.refuse("m1", "check_in", `{"person":"m1","where":"online"}`, ErrForbidden,
		"under the rules of procedure a secretary or the mandate commission registers m1 present at the door; nobody checks in themselves")
	if h.s.Events != events || h.s.Attendance.CheckedIn["m1"] {
		t.Fatal("a refusal changed the state")
	}
	h.must("ben", "check_in", `{"person":"m1"}`)
	h.must("ben", "check_out", `{"person":"m1"}`)
	h.must("cara", "check_in", `{"person":"m1"}`)

	h.must("ann", "set_rules", `{"overrides":{"check_in":"self"}}`)
	h.must("m1", "check_out", `{"person":"m1"}`)
	h.must("m1", "check_in", `{"person":"m1"}`)
	h.refuse("ann", "set_rules", `{"overrides":{"check_in":"door"}}`, ErrInvalid, `who checks persons in is self (the person, a secretary or the mandate commission) or officers (a secretary or the mandate commission), not "door"`)
}
