package httpapi

import (
	"database/sql"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"plenum/auth"
)

// TestOneOfficerCannotReplaceACode is the insider's last way to act as a
// delegate, through the API: a member of the mandate commission who issues
// a fresh code for a delegate who holds one, to log in with it and vote as
// them. It is refused, naming the delegate and who issued their code, and
// changes nothing: no entry, no code, the delegate's session goes on. A
// code is replaced by two officers, one revoking and another issuing (the
// revoker may not issue it), or by the server administrator alone; a bulk
// issue that would replace anyone's code alone is refused as a whole.
func TestOneOfficerCannotReplaceACode(t *testing.T) {
	w := newWorld(t, 3)
	const base = "/api/assemblies/coop"
	w.admin.mustStatus(201, "POST", base+"/commands", `{"cmd":"grant_role","args":{"person":"nob","role":"mandate_commission"},"key":"nob-mc"}`)
	cara, nob := w.as("cara"), w.as("nob")
	size := func() int64 { a, _ := w.eng.Assembly("coop"); return a.Log().Size() }
	codesOf := func(person string) int {
		db, err := sql.Open("sqlite", filepath.Join(w.dir, "access.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM access_codes WHERE assembly = 'coop' AND person = ?`, person).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	issue := func(by *client, persons string) []IssuedCode {
		t.Helper()
		var got struct {
			Codes []IssuedCode `json:"codes"`
		}
		by.mustStatus(201, "POST", base+"/access-codes", `{"persons":[`+persons+`]}`).decode(t, &got)
		return got.Codes
	}
	loginAs := func(code string) (*client, int) {
		r := w.public().do("POST", "/login", jsonBody(map[string]string{"code": code}))
		for _, c := range (&http.Response{Header: r.header}).Cookies() {
			if c.Name == auth.CookieName {
				return &client{w: w, token: c.Value}, r.status
			}
		}
		return nil, r.status
	}
	// A first code: one officer, as before; d1 logs in with it.
	first := issue(cara, `"d1"`)[0].Code
	d1, _ := loginAs(first)
	d1.mustStatus(200, "GET", base+"/me", "")

	// cara alone replaces d1's code, to log in as d1: refused, for her and
	// for another member of the commission.
	for _, who := range []*client{cara, nob} {
		before := size()
		for _, path := range []string{"/access-codes", "/mandate-cards.pdf"} {
			r := who.do("POST", base+path, `{"persons":["d1"]}`)
			if d := r.problem().Detail; r.status != 403 || !strings.Contains(d, "Delegate 1 holds a valid access code, issued by Cara Person at ") ||
				!strings.Contains(d, "one officer revokes the code (revoke_access_codes") || !strings.Contains(d, "another officer") {
				t.Fatalf("one officer replaces d1's code by %s: %d %s", path, r.status, r.body)
			}
		}
		if size() != before || codesOf("d1") != 1 {
			t.Fatalf("a refused replacement: the log grew from %d to %d, d1 has %d codes", before, size(), codesOf("d1"))
		}
	}
	// d1's code and session go on; a ballot from the session is d1's own.
	d1.mustStatus(200, "GET", base+"/me", "")
	if _, status := loginAs(first); status != 200 {
		t.Fatalf("d1's code after the refused replacement: %d", status)
	}

	// A bulk issue with d1 among others is refused as a whole, naming d1:
	// no entry, no code for d2 or d3.
	before := size()
	for _, path := range []string{"/access-codes", "/mandate-cards.pdf"} {
		r := nob.do("POST", base+path, `{"persons":["d2","d1","d3"]}`)
		if d := r.problem().Detail; r.status != 403 || !strings.HasPrefix(d, "nothing is issued") || !strings.Contains(d, "for Delegate 1 (a valid code, issued by Cara Person at ") ||
			!slices.Equal(r.problem().Persons, []string{"d1", "cara"}) {
			t.Fatalf("a bulk issue with d1 by %s: %d %s", path, r.status, r.body)
		}
	}
	if size() != before || codesOf("d2") != 0 || codesOf("d3") != 0 {
		t.Fatalf("a refused bulk issue: the log grew from %d to %d; codes for d2 %d, d3 %d", before, size(), codesOf("d2"), codesOf("d3"))
	}

	// The two-person way: cara revokes (d1's session ends), and may not
	// issue the new code herself; nob does, and it logs in.
	cara.mustStatus(204, "POST", base+"/access-codes/revoke", `{"persons":["d1"],"reason":"card lost"}`)
	d1.mustStatus(401, "GET", base+"/me", "")
	before = size()
	if r := cara.do("POST", base+"/access-codes", `{"persons":["d1"]}`); r.status != 403 || !strings.Contains(r.problem().Detail, "you revoked Delegate 1's access code at ") {
		t.Fatalf("the revoker issues the new code: %d %s", r.status, r.body)
	}
	if size() != before || codesOf("d1") != 0 {
		t.Fatalf("the revoker's refused issue: the log grew from %d to %d, d1 has %d codes", before, size(), codesOf("d1"))
	}
	second := issue(nob, `"d1"`)[0].Code
	again, status := loginAs(second)
	if status != 200 || again == nil {
		t.Fatalf("the new code of the two-person replacement: %d", status)
	}
	again.mustStatus(200, "GET", base+"/me", "")

	// The server administrator replaces alone: the code nob issued stops
	// working, and its session ends.
	third := issue(w.admin, `"d1","d2"`)
	again.mustStatus(401, "GET", base+"/me", "")
	if _, status := loginAs(second); status != 401 {
		t.Fatalf("the code the server administrator replaced: %d", status)
	}
	if _, status := loginAs(third[0].Code); status != 200 {
		t.Fatalf("the server administrator's new code: %d", status)
	}
}
