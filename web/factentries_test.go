package web_test

import (
	"fmt"
	"html"
	"net/url"
	"strings"
	"testing"

	"plenum/assembly"
)

// TestSecretaryCannotCorrectAttendance: an entry of attendance (here a
// delegate leaving the hall) is a fact the state counts, which the
// secretary's page neither offers to correct nor strikes out: the list
// says why instead of the link, ?entry= gives no correction form, and the
// forms sent all the same are refused in words naming what to do
// instead, recording nothing. A speech's notes are still offered.
func TestSecretaryCannotCorrectAttendance(t *testing.T) {
	h := newHall(t)
	h.must("sec", "leave_hall", obj{"persons": []string{"anna"}})
	left := read(h, func(s *assembly.State) int { return s.Record[len(s.Record)-1].Entry })
	sec := h.browser("sec")
	_, list, _ := sec.get("/a/" + asm + "/secretary")
	at := strings.Index(list, fmt.Sprintf(`<li value="%d">`, left))
	if at < 0 {
		t.Fatalf("entry %d is not in the secretary's list", left)
	}
	item := list[at:]
	item = item[:strings.Index(item, "</li>")]
	if strings.Contains(item, "?entry=") || !strings.Contains(item, "counted by the state: changed by its own command, not corrected here") {
		t.Errorf("the entry of attendance offers a correction, or does not say why not: %s", item)
	}
	if _, body, _ := sec.get(fmt.Sprintf("/a/%s/secretary?entry=%d", asm, left)); strings.Contains(body, "Correcting entry") || strings.Contains(body, `value="strike_record"`) {
		t.Error("the entry of attendance is offered for correction or a strike")
	}
	events := read(h, func(s *assembly.State) int { return s.Events })
	for _, f := range []struct {
		cmd  string
		args url.Values
	}{
		{"correct_record", url.Values{"a:entry:int": {fmt.Sprint(left)}, "a:text": {"someone else left"}, "a:reason": {"x"}}},
		{"strike_record", url.Values{"a:entry:int": {fmt.Sprint(left)}, "a:reason": {"test"}}},
	} {
		sec.act("secretary", f.cmd, f.args)
		_, body, _ := sec.get("/a/" + asm + "/secretary")
		msg := html.UnescapeString(flashOf(body))
		if !strings.Contains(msg, fmt.Sprintf("Entry %d records who is present", left)) || !strings.Contains(msg, "record what is so with “Register departure”") || !strings.Contains(msg, "note the mistake with “Record a line of the minutes”") {
			t.Errorf("%s of an entry of attendance: %s", f.cmd, msg)
		}
	}
	if n := read(h, func(s *assembly.State) int { return s.Events }); n != events {
		t.Fatalf("refused forms recorded %d entries", n-events)
	}
	h.must("sec", "record_speech", obj{"id": "sp1", "item": "i1", "speaker": "anna", "notes": "Moves the budget."})
	speech := read(h, func(s *assembly.State) int { return s.Record[len(s.Record)-1].Entry })
	if _, body, _ := sec.get(fmt.Sprintf("/a/%s/secretary?entry=%d", asm, speech)); !strings.Contains(body, "Correcting entry") {
		t.Error("a speech's notes are not offered for correction")
	}
}
