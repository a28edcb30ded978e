package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestMotionStateSaysWhichState: the chair moving submitted motions
// along the workflow from a motion's page is told which state each was
// put in, not only that its state changed.
func TestMotionStateSaysWhichState(t *testing.T) {
	h := newCongressHall(t)
	for _, id := range []string{"w1", "w2", "w3", "w4"} {
		h.must("bruno", "submit_motion", obj{"id": id, "title": "Motion " + id, "text": "The congress resolves " + id + ".", "delegation": "berlin"})
		h.must("hanna", "support_motion", obj{"motion": id, "delegation": "hamburg"})
		h.must("lena", "support_motion", obj{"motion": id, "delegation": "leipzig"})
	}
	eva := h.browser("eva")
	for _, c := range []struct{ motion, state, want string }{
		{"w1", "admitted", "The motion was admitted"},
		{"w1", "pending", "The motion was put before the assembly"},
		{"w2", "not_admitted", "The motion was not admitted"},
		{"w3", "withdrawn", "The motion was withdrawn"},
		{"w4", "admitted", "The motion was admitted"},
		{"w4", "referred", "The motion was referred"},
	} {
		page := "/a/" + asm + "/motions/" + c.motion
		_, body, _ := eva.get(page)
		if !strings.Contains(body, `name="a:state" value="`+c.state+`"`) {
			t.Errorf("%s: the page offers no form to make it %s", c.motion, c.state)
		}
		status, _, flash := eva.form(page, "/a/"+asm+"/act", url.Values{"cmd": {"set_motion_state"}, "a:motion": {c.motion}, "a:state": {c.state}, "back": {page}})
		if status != http.StatusSeeOther || !strings.HasPrefix(flash, c.want+" (entry ") {
			t.Errorf("%s made %s: %d, the page says %q, want %q…", c.motion, c.state, status, flash, c.want)
		}
	}
}
