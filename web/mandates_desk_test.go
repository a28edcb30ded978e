package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"plenum/assembly"
)

// deskForm finds on the mandates page the form that gives cmd for
// person, as the commission's desk shows it in the verified mandates'
// table, and returns its fields; nil when the page has no such form.
func deskForm(body, cmd, person string) url.Values {
	re := regexp.MustCompile(`<form method="post" action="/a/coop/act" class="act inline presence">(.*?)</form>`)
	for _, m := range re.FindAllStringSubmatch(body, -1) {
		if !strings.Contains(m[1], `name="cmd" value="`+cmd+`"`) || !strings.Contains(m[1], `name="a:person" value="`+person+`"`) {
			continue
		}
		form := url.Values{}
		for _, f := range regexp.MustCompile(`<input type="hidden" name="([^"]+)" value="([^"]*)">`).FindAllStringSubmatch(m[1], -1) {
			form.Add(f[1], f[2])
		}
		return form
	}
	return nil
}

// TestCommissionRegistersPresence: the mandate commission registers an
// arriving delegate present, and their departure, from the mandates
// page's table of verified mandates (check_in, check_out, which the
// rules let the commission give for another), and the page says so;
// an officer the rules do not let (the chair) is offered no such form.
func TestCommissionRegistersPresence(t *testing.T) {
	h := newHall(t)
	mc := h.browser("mc")
	_, body, _ := mc.get("/a/coop/mandates")
	if deskForm(body, "check_in", "anna") != nil {
		t.Errorf("anna is checked in, yet the page offers to register her present")
	}
	out := deskForm(body, "check_out", "boris")
	if out == nil {
		t.Fatalf("the mandates page offers no form to register boris's departure:\n%s", body)
	}
	if resp := mc.post("/a/coop/act", out, nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("check_out from the mandates page: %s", resp.Status)
	}
	if read(h, func(s *assembly.State) bool { return s.Attendance.CheckedIn["boris"] }) {
		t.Fatal("boris is still checked in after the commission registered his departure")
	}
	_, body, _ = mc.get("/a/coop/mandates")
	if !strings.Contains(body, "Registered as gone") {
		t.Errorf("the page does not say the departure was registered")
	}
	in := deskForm(body, "check_in", "boris")
	if in == nil {
		t.Fatalf("the mandates page offers no form to register boris present")
	}
	if resp := mc.post("/a/coop/act", in, nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("check_in from the mandates page: %s", resp.Status)
	}
	if !read(h, func(s *assembly.State) bool { return s.InHall("boris") }) {
		t.Fatal("boris is not in the hall after the commission registered him present")
	}
	_, body, _ = mc.get("/a/coop/mandates")
	if !strings.Contains(body, "Registered present") || deskForm(body, "check_out", "boris") == nil {
		t.Errorf("after registering boris present the page neither says so nor offers his departure")
	}
	_, body, _ = h.browser("chair").get("/a/coop/mandates")
	if strings.Contains(body, `class="act inline presence"`) {
		t.Errorf("the chair, who may not register others present, is offered the desk's forms")
	}
}

// TestRevokerIsToldWhoIssues: once a commission member revoked a
// delegate's code to replace it (card lost), the page names who may issue
// the new one, since they may not: the commission's other members, the
// assembly's administrators, and the server administrator.
func TestRevokerIsToldWhoIssues(t *testing.T) {
	h := newHall(t)
	h.must("admin", "add_person", obj{"id": "mc2", "name": "Nina Second"})
	h.must("admin", "grant_role", obj{"person": "mc2", "role": "mandate_commission"})
	mc := h.browser("mc")
	if resp, _ := mc.postPage("mandates", "/a/coop/revoke-codes", url.Values{"persons": {"boris"}, "reason": {"card lost"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("revoke: %s", resp.Status)
	}
	_, body, _ := mc.get("/a/coop/mandates")
	want := "The new code may be issued by: Nina Second, the server administrator."
	if !strings.Contains(body, want) {
		t.Errorf("after revoking boris's code the page does not say %q", want)
	}
	if strings.Contains(body, "Misha Commission, the server") {
		t.Errorf("the page names the officer who revoked among those who may issue the new code")
	}
}
