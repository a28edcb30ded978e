package main

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"plenum/auth"
	"plenum/httpapi"
	"plenum/store/postgres/pgtest"
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

// TestClusterHeldOutSaidOnce: a node that holds an assembly out, while
// another node, started before the damage, appends to it many times,
// says so once in its log, not once for each append (it logged the
// engine's "cannot be opened" error at every one); it still reads the
// appends to the assembly it serves.
func TestClusterHeldOutSaidOnce(t *testing.T) {
	dsn := pgtest.Fresh(t)
	data := t.TempDir()
	w := startNode(t, dsn, data, "w")
	admin := adminCookie(t, w)
	for _, id := range []string{"x", "y"} {
		if r := send(t, w.url+"/api/assemblies", admin, "create-"+id, `{"args":{"id":"`+id+`","name":"`+id+`","starts":"2026-05-09","rules":"congress"}}`); r.status != 201 {
			t.Fatalf("create %s: %d %s", id, r.status, r.body)
		}
	}
	editStoredEntry(t, "postgres", dsn, "y", 0)
	var logged syncBuffer
	was := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&logged, nil)))
	t.Cleanup(func() { slog.SetDefault(was) })
	f := startNode(t, dsn, data, "f")
	slog.SetDefault(was)
	if f.srv.held.id("y") == nil {
		t.Fatalf("f holds out %v", f.srv.held.list())
	}
	person := func(id string) string { return `{"cmd":"add_person","args":{"id":"` + id + `","name":"P"}}` }
	const appends = 20
	for i := range appends {
		if r := send(t, w.url+"/api/assemblies/y/commands", admin, "y-"+i64(int64(i)), person("p"+i64(int64(i)))); r.status != 201 {
			t.Fatalf("a command to y through w: %d %s", r.status, r.body)
		}
	}
	// The notifications come in order: once f has read x's append, it
	// has heard every one of y's.
	if r := send(t, w.url+"/api/assemblies/x/commands", admin, "x-last", person("last")); r.status != 201 {
		t.Fatalf("a command to x through w: %d %s", r.status, r.body)
	}
	size := heldLogSize(t, "postgres", dsn, "x")
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if a, ok := f.srv.engine.Assembly("x"); ok && a.Log().Size() >= size {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("f did not read x's append")
		}
	}
	time.Sleep(time.Second) // what f would do of y's notifications, done
	var lines []string
	for _, line := range strings.Split(logged.String(), "\n") {
		if strings.Contains(line, "assembly=y") {
			lines = append(lines, line)
		}
	}
	if len(lines) != 1 || !containsAll(lines[0], "holds out", "does not verify") {
		t.Fatalf("f logged of y, after %d appends by w, %d lines:\n%s", appends, len(lines), strings.Join(lines, "\n"))
	}
}
