package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestFlashSaysWhatWasDone: after a set-up page's form is accepted the
// page says what was done in people's words — naming the organization or
// the person it was about, where the form names one — not the command's
// name ("Done: amend organization").
func TestFlashSaysWhatWasDone(t *testing.T) {
	h := newHall(t)
	admin := h.adminBrowser()
	orgs := "/a/" + asm + "/setup-organizations"
	anna := "/a/" + asm + "/setup-person?p=anna"
	for _, c := range []struct {
		page string
		form url.Values
		want string
	}{
		{orgs, url.Values{"cmd": {"amend_organization"}, "a:organization": {"members"}, "a:name": {"The Union of Members"}}, "The organization The Union of Members was corrected (entry "},
		{anna, url.Values{"cmd": {"grant_role"}, "a:person": {"anna"}, "a:role": {"teller"}}, "The office was given to Anna Arkadyevna (entry "},
		{anna, url.Values{"cmd": {"revoke_role"}, "a:person": {"anna"}, "a:role": {"teller"}}, "Anna Arkadyevna no longer holds the office (entry "},
		{anna, url.Values{"cmd": {"add_membership"}, "a:person": {"anna"}, "a:organization": {"members"}}, "The membership was recorded (entry "},
	} {
		c.form.Set("back", c.page)
		status, _, flash := admin.form(c.page, "/a/"+asm+"/act", c.form)
		if status != http.StatusSeeOther || !strings.HasPrefix(flash, c.want) {
			t.Errorf("%s: %d, the page says %q, want %q…", c.form.Get("cmd"), status, flash, c.want)
		}
	}
}
