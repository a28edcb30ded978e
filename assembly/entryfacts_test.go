package assembly

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// factTypes are the event types other than a count's that correct_record
// and strike_record refuse, by what they record: written out here, apart
// from factOf, so that a type dropped from it, or added to it, is seen.
var factTypes = map[string]entryFact{
	"checked_in": factAttendance, "checked_out": factAttendance, "left_hall": factAttendance,
	"returned_to_hall": factAttendance, "attendance_recording_started": factAttendance,
	"organization_noted_present": factAttendance,
	"role_granted":               factRole, "role_revoked": factRole, "presidium_changed": factRole,
	"mandate_submitted": factMandate, "mandate_verified": factMandate, "mandate_rejected": factMandate,
	"mandate_marked": factMandate, "mandate_amended": factMandate, "proxy_transferred": factMandate,
	"access_codes_issued": factAccess, "access_codes_revoked": factAccess, "record_access_set": factAccess,
	"assembly_created": factRules, "rules_set": factRules, "item_threshold_set": factRules,
	"motion_supported": factSupport, "motion_support_withdrawn": factSupport,
}

// TestFactsListed: factOf gives every event type the fact the test lists
// for it, a count for those countedTypes lists, none for any other.
func TestFactsListed(t *testing.T) {
	want := map[string]entryFact{}
	for typ, f := range factTypes {
		want[typ] = f
	}
	for _, typ := range countedTypes {
		want[typ] = factCount
	}
	for _, typ := range EventTypes() {
		e := reflect.New(eventTypes[typ]).Elem().Interface().(Event)
		if got := factOf(e); got != want[typ] {
			t.Errorf("%s: fact %d, want %d", typ, got, want[typ])
		}
		delete(want, typ)
	}
	for typ := range want {
		t.Errorf("%s is listed but is no event type", typ)
	}
}

// TestFactsNotCorrected: a secretary can neither correct nor strike out
// an entry of attendance (the red team struck a checked_in and
// "corrected" another to "someone else checked in"), a role, a mandate,
// an access code or the rules: each is refused, saying what changes the
// fact and that record_narrative notes the mistake, and nothing is
// recorded. A speech's notes are still corrected and struck out.
func TestFactsNotCorrected(t *testing.T) {
	h := fixture(t, "congress", `{"proxies_allowed":true}`)
	h.must("ben", "check_out", `{"person":"m3"}`)
	h.must("ben", "leave_hall", `{"persons":["m4"]}`)
	h.must("ben", "return_to_hall", `{"persons":["m4"]}`)
	h.must("ann", "revoke_role", `{"person":"kim","role":"teller"}`)
	h.must("cara", "issue_access_codes", `{"persons":["m1"]}`)
	h.must("cara", "transfer_proxy", `{"mandate":"md-m1","to":"m2"}`)
	h.must("ben", "record_speech", `{"id":"sp1","speaker":"m1","notes":"Speaks for the budget."}`)
	speech := h.s.Events - 1

	checkedIn := -1
	for n, e := range h.events {
		if e.EventType() == "checked_in" {
			checkedIn = n
			break
		}
	}
	// The red team's two commands, word for word as refused.
	attendance := func(n int) string {
		return fmt.Sprintf("entry %d records who is present (an arrival or a departure, leaving or returning to the hall, a registration), which presence and the quorum count, not text of the minutes: it is neither corrected nor struck out. If it is wrong, record what is so with check_out or check_in, and note the mistake with record_narrative", n)
	}
	h.refuse("ben", "strike_record", fmt.Sprintf(`{"entry":%d,"reason":"test"}`, checkedIn), ErrConflict, attendance(checkedIn))
	h.refuse("ben", "correct_record", fmt.Sprintf(`{"entry":%d,"text":"someone else checked in","reason":"x"}`, checkedIn), ErrConflict, attendance(checkedIn))

	remedy := map[entryFact]string{
		factAttendance: "check_out or check_in",
		factRole:       "grant_role, revoke_role or change_presidium",
		factMandate:    "amend_mandate, reject_mandate or transfer_proxy",
		factAccess:     "issue_access_codes, revoke_access_codes or set_record_access",
		factRules:      "set_rules or set_item_threshold",
	}
	tried := map[entryFact]int{}
	events := h.s.Events
	for n, e := range h.events {
		f := factOf(e)
		if f == notFact || f == factCount {
			continue
		}
		tried[f]++
		for _, try := range []struct{ cmd, args string }{
			{"correct_record", fmt.Sprintf(`{"entry":%d,"text":"someone else","reason":"x"}`, n)},
			{"strike_record", fmt.Sprintf(`{"entry":%d,"reason":"x"}`, n)},
		} {
			err := h.do("ben", try.cmd, try.args)
			if CodeOf(err) != ErrConflict || !strings.HasPrefix(err.Error(), fmt.Sprintf("entry %d ", n)) ||
				!strings.Contains(err.Error(), remedy[f]+", and note the mistake with record_narrative") {
				t.Errorf("%s of entry %d (%s): %v", try.cmd, n, e.EventType(), err)
			}
		}
	}
	for f := range remedy {
		if tried[f] == 0 {
			t.Errorf("no entry of fact %d was tried", f)
		}
	}
	if h.s.Events != events {
		t.Fatalf("refused corrections recorded %d entries", h.s.Events-events)
	}
	h.must("ben", "correct_record", fmt.Sprintf(`{"entry":%d,"text":"Speaks against the budget.","reason":"misheard"}`, speech))
	h.must("ben", "strike_record", fmt.Sprintf(`{"entry":%d,"reason":"entered twice"}`, speech))
}
