package httpapi

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"plenum/auth"
	"plenum/ledger"
)

// recordEntries reads coop's whole log.
func (w *world) recordEntries(t testing.TB) []ledger.Entry {
	t.Helper()
	a, _ := w.eng.Assembly("coop")
	es, err := a.Log().Read(context.Background(), 0, a.Log().Size())
	if err != nil {
		t.Fatal(err)
	}
	return es
}

// TestOfficersActOnlyAsThemselves runs the attempts of #10 against the
// API: the mandate commission obtains no code for an officer or the server
// administrator, cannot become "admin", and a session of a re-issued or
// revoked code is over. Every refusal leaves the record unchanged.
func TestOfficersActOnlyAsThemselves(t *testing.T) {
	w := newWorld(t, 2)
	cara := w.as("cara")
	const base = "/api/assemblies/coop"
	size := func() int64 { a, _ := w.eng.Assembly("coop"); return a.Log().Size() }
	for _, c := range []struct {
		name, path, body string
		status           int
		detail           string
	}{
		{"code for the chair", "/access-codes", `{"persons":["ann"]}`, 403, "Ann Person holds the office of chair"},
		{"cards for the chair", "/mandate-cards.pdf", `{"persons":["d1","ann"]}`, 403, "Ann Person holds the office of chair"},
		{"code for itself", "/access-codes", `{"persons":["cara"]}`, 403, "Cara Person holds the office of mandate_commission"},
		{"code for a person without mandate", "/access-codes", `{"persons":["nob"]}`, 403, "Nob Person holds no mandate"},
		{"code for the server administrator", "/access-codes", `{"persons":["admin"]}`, 404, `there is no person "admin"`},
		{"add_person admin", "/commands", `{"cmd":"add_person","args":{"id":"admin","name":"Admin"},"key":"k-admin"}`, 422, `the id "admin" is reserved`},
		{"revoke the chair's code", "/access-codes/revoke", `{"persons":["ann"]}`, 403, "only the server administrator revokes an officer's access code"},
		{"a delegate issues", "/access-codes", `{"persons":["d2"]}`, 403, "only the mandate commission"},
	} {
		before := size()
		who := cara
		if c.name == "a delegate issues" {
			who = w.as("d1")
		}
		r := who.do("POST", base+c.path, c.body)
		if r.status != c.status || !strings.Contains(r.problem().Detail, c.detail) {
			t.Errorf("%s: %d %s", c.name, r.status, r.body)
		}
		if size() != before {
			t.Errorf("%s: the log grew from %d to %d", c.name, before, size())
		}
	}
	// The commission issues d1's code; d1 logs in; a re-issue (the server
	// administrator's: one officer alone may not replace a code) ends that
	// session, and so does a revocation.
	issue := func(by *client) string {
		var got struct {
			Codes []IssuedCode `json:"codes"`
		}
		by.mustStatus(201, "POST", base+"/access-codes", `{"persons":["d1"]}`).decode(t, &got)
		return got.Codes[0].Code
	}
	loginAs := func(code string) *client {
		r := w.public().do("POST", "/login", jsonBody(map[string]string{"code": code}))
		for _, c := range (&http.Response{Header: r.header}).Cookies() {
			if c.Name == auth.CookieName {
				return &client{w: w, token: c.Value}
			}
		}
		t.Fatalf("login: %d %s", r.status, r.body)
		return nil
	}
	d1 := loginAs(issue(cara))
	d1.mustStatus(200, "GET", base+"/me", "")
	fresh := loginAs(issue(w.admin))
	if r := d1.do("POST", base+"/commands", `{"cmd":"cast_ballot","args":{"vote":"v1","voter":"d1","choice":"for"},"key":"old-session"}`); r.status != 401 {
		t.Fatalf("a ballot from the session of the replaced code: %d %s", r.status, r.body)
	}
	fresh.mustStatus(200, "GET", base+"/me", "")
	if r := cara.do("POST", base+"/access-codes/revoke", `{"persons":["d1"],"reason":"card lost"}`); r.status != 204 {
		t.Fatalf("revoke: %d %s", r.status, r.body)
	}
	if r := fresh.do("POST", base+"/commands", `{"cmd":"cast_ballot","args":{"vote":"v1","voter":"d1","choice":"for"},"key":"revoked"}`); r.status != 401 {
		t.Fatalf("a ballot after revocation: %d %s", r.status, r.body)
	}
	var revoked int
	for _, e := range w.recordEntries(t) {
		if e.Type == "access_codes_revoked" && e.Actor == "cara" {
			revoked++
		}
	}
	if revoked != 1 {
		t.Fatalf("%d access_codes_revoked entries", revoked)
	}
}
