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
	for _, f := range actForms(body, cmd) {
		if f.Get("a:person") == person {
			return f
		}
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
	if !strings.Contains(body, "Boris Borisov registered as gone") {
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
	if !strings.Contains(body, "Boris Borisov registered present") || deskForm(body, "check_out", "boris") == nil {
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

// TestMandatesShowQuorum: the mandates page shows those registered
// present of the members with a vote and the quorum; in a sitting opened
// without recording attendance it says so and offers the commission to
// start recording it (record_attendance), after which the quorum shows.
func TestMandatesShowQuorum(t *testing.T) {
	h := newHall(t)
	h.must("admin", "set_rules", obj{"overrides": obj{"quorum": "2"}})
	mc := h.browser("mc")
	_, body, _ := mc.get("/a/coop/mandates")
	if !strings.Contains(body, "3 of 3 members with a vote registered present") {
		t.Errorf("the mandates page does not show those present of the members with a vote")
	}
	if i := strings.Index(body, `id="attendance"`); i < 0 || !strings.Contains(body[i:], "<p><strong>Quorum: 3 voting members present, 2 needed</strong>") {
		t.Errorf("the mandates page shows no quorum")
	}
	h.must("chair", "close_sitting", obj{"sitting": "s1"})
	h.must("chair", "open_sitting", obj{"id": "s2", "title": "Second sitting", "date": "2026-05-10", "chair": "chair", "secretaries": []string{"sec"}, "attendance_recorded": false})
	_, body, _ = mc.get("/a/coop/mandates")
	if !strings.Contains(body, "The record of this sitting does not show who was present") {
		t.Errorf("the page does not say the sitting records no attendance")
	}
	forms := actForms(body, "record_attendance")
	if len(forms) != 1 {
		t.Fatalf("the commission is not offered to start recording attendance")
	}
	// The chair, on the hall tab, is offered it too.
	if _, hall, _ := h.browser("chair").get("/a/coop/chair/hall"); len(actForms(hall, "record_attendance")) != 1 {
		t.Errorf("the chair's hall tab does not offer to start recording attendance")
	}
	if resp := mc.post("/a/coop/act", forms[0], nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("record_attendance: %s", resp.Status)
	}
	_, body, _ = mc.get("/a/coop/mandates")
	if !strings.Contains(body, "The sitting records who is present from now on") || strings.Contains(body, "does not show who was present") || len(actForms(body, "record_attendance")) > 0 {
		t.Errorf("after record_attendance the page still says the sitting records no attendance, or offers it again")
	}
	_, body, _ = h.browser("anna").get("/a/coop/mandates")
	if strings.Contains(body, `name="cmd" value="record_attendance"`) {
		t.Errorf("a delegate is offered to start recording attendance")
	}
}

// actForms are the hidden fields of the forms on a page that give cmd.
func actForms(body, cmd string) []url.Values {
	var out []url.Values
	for _, m := range regexp.MustCompile(`(?s)<form method="post" action="/a/coop/act"[^>]*>(.*?)</form>`).FindAllStringSubmatch(body, -1) {
		form := url.Values{}
		for _, f := range regexp.MustCompile(`<input type="hidden" name="([^"]+)" value="([^"]*)">`).FindAllStringSubmatch(m[1], -1) {
			form.Add(f[1], f[2])
		}
		if form.Get("cmd") == cmd {
			out = append(out, form)
		}
	}
	return out
}

// TestMandatesFormsWithNobody: the chair and a secretary, who issue no
// codes, are not offered the cards' forms with nobody to choose, but
// told who issues them; nor is the commission offered to revoke a code
// when no one holds one. The marks after names are explained.
func TestMandatesFormsWithNobody(t *testing.T) {
	h := newHall(t)
	h.must("admin", "define_mark", obj{"mark": "*", "meaning": "also a delegate to the Soviet Conference"})
	h.must("mc", "mark_mandate", obj{"mandate": "m-anna", "mark": "*"})
	for _, who := range []string{"chair", "sec"} {
		_, body, _ := h.browser(who).get("/a/coop/mandates")
		if strings.Contains(body, `action="/a/coop/mandate-cards.pdf"`) || strings.Contains(body, `action="/a/coop/revoke-codes"`) {
			t.Errorf("%s is offered the cards' forms with nobody to issue for", who)
		}
		if !strings.Contains(body, "There is no one whose access code you may issue") {
			t.Errorf("%s is not told who issues the codes", who)
		}
	}
	_, body, _ := h.browser("mc").get("/a/coop/mandates")
	if !strings.Contains(body, `action="/a/coop/mandate-cards.pdf"`) || strings.Contains(body, `action="/a/coop/revoke-codes"`) {
		t.Errorf("the commission is not offered the cards, or is offered to revoke a code no one holds")
	}
	if !strings.Contains(body, "Marks after a name: <span class=\"mark-meaning\"><strong>*</strong> — also a delegate to the Soviet Conference</span>") {
		t.Errorf("the page does not explain the mark *")
	}
}
