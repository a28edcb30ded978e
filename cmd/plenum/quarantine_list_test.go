package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"plenum/auth"
	"plenum/httpapi"
)

// heldListed checks, on the server at base whose assemblies are x,
// served, and y and z, held out (TestDamagedAssemblyHeldOut), that the
// index page (in German, the viewer's language) and GET /api/assemblies
// list y and z, marked held out with the damage and what to do, and that
// the form that creates an assembly, sent for z, says z exists and is
// held out and creates nothing.
func heldListed(t *testing.T, base, admin string, zSize int64) {
	t.Helper()
	get := func(path, cookie, lang string) (int, string) { return heldGetIn(t, base+path, cookie, lang) }
	status, page := get("/", "", "de")
	if status != 200 || !containsAll(page, `href="/a/x/"`, "<bdi>y</bdi>", "<bdi>z</bdi>", "zurückgehalten (unter Quarantäne gestellt)",
		"does not verify", "plenum verify --db", "Was der Betreiber des Servers tut", i64(zSize), "--accept-rollback") ||
		strings.Contains(page, `href="/a/y/"`) || strings.Contains(page, `href="/a/z/"`) {
		t.Errorf("the index page: %d %s", status, page)
	}
	list := func() []httpapi.AssemblySummary {
		status, body := get("/api/assemblies", "", "en")
		var out []httpapi.AssemblySummary
		if err := json.Unmarshal([]byte(body), &out); status != 200 || err != nil {
			t.Fatalf("GET /api/assemblies: %d %v %s", status, err, body)
		}
		return out
	}
	got := map[string]httpapi.AssemblySummary{}
	for _, a := range list() {
		got[a.ID] = a
	}
	if x := got["x"]; len(got) != 3 || x.HeldOut != nil || x.Name != "x" {
		t.Errorf("GET /api/assemblies: %+v", got)
	}
	for _, c := range []struct{ id, damage, todo string }{
		{"y", "does not verify", "plenum verify --db"},
		{"z", "log is at size " + i64(zSize), "--accept-rollback"},
	} {
		if h := got[c.id].HeldOut; h == nil || !strings.Contains(h.Reason, c.damage) || !strings.Contains(h.Todo, c.todo) {
			t.Errorf("GET /api/assemblies: %s held out as %+v", c.id, h)
		}
	}

	// The form that creates an assembly, sent for z: refused, saying z
	// exists and is held out; nothing created.
	status, form := get("/setup", admin, "en")
	m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(form)
	if status != 200 || m == nil {
		t.Fatalf("GET /setup: %d %s", status, form)
	}
	v := url.Values{"csrf": {m[1]}, "key": {"create-z-again"}, "name": {"z"}, "starts": {"2026-05-09"}, "rules": {"congress"}, "record_access": {"public"}}
	req, _ := http.NewRequest("POST", base+"/setup", strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", base)
	req.AddCookie(&http.Cookie{Name: auth.CookieName, Value: admin})
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 503 || !containsAll(string(b), "Nothing was created: the assembly z exists on this server already, held out", "log is at size "+i64(zSize), "--accept-rollback") {
		t.Errorf("the new-assembly form for z: %d %s", resp.StatusCode, b)
	}
	if n := len(list()); n != 3 {
		t.Errorf("%d assemblies listed after the form for z, want 3", n)
	}
}
