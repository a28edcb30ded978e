package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"plenum/assembly"
	"plenum/auth"
	"plenum/httpapi"
	"plenum/store/postgres/pgtest"
)

// TestClusterReadYourWrites: on a node that does not write the assembly
// (f), whose listener is stopped so that it hears nothing of the writer's
// appends by itself, a command it forwards is answered only once f has
// read what the command recorded: the API's next read on f, the page a
// form redirects to, and the receipt of a ballot cast through f's form
// all show it. A receipt asked of f for an entry it has not read yet
// waits for it (here: until f is told the log grew), says "not yet here,
// reload" past the wait, not "no ballot of yours", and does not wait for
// an entry far beyond its head; the writer, which has every entry,
// answers an entry beyond its log as no ballot at once.
func TestClusterReadYourWrites(t *testing.T) {
	w, f, cookie := twoNodesWithX(t)
	codes := openVoteFor(t, w, cookie, "roll_call", "v", "u")
	sessions := map[string]string{}
	for person, code := range codes {
		sessions[person] = loginAt(t, f, code)
	}
	eventually(t, 5*time.Second, "f reads the set-up", func() bool { return sizeOf(t, f, "x") == sizeOf(t, w, "x") })
	xf, _ := f.srv.engine.Assembly("x")
	if xf.Writing() {
		t.Fatal("f writes x")
	}
	// From now on f hears nothing of w's appends by itself.
	f.mem.l.Close()

	// The API: a command forwarded by f, then f's own reading.
	r := send(t, f.url+"/api/assemblies/x/commands", cookie, "narr-1", `{"cmd":"record_narrative","args":{"text":"Read back on f"}}`)
	if r.status != 201 {
		t.Fatalf("record_narrative on f: %d %s", r.status, r.body)
	}
	if r.header.Get(httpapi.RecordedHeader) != "" {
		t.Errorf("f passed the writer's %s on to the client", httpapi.RecordedHeader)
	}
	if got, want := sizeOf(t, f, "x"), sizeOf(t, w, "x"); got != want {
		t.Fatalf("f answered the forwarded command holding %d entries, the writer %d", got, want)
	}
	narrated := false
	xf.Read(func(s *assembly.State) { narrated = s.Events == int(sizeOf(t, w, "x")) })
	if !narrated {
		t.Fatal("f's readers' state lacks the forwarded command")
	}

	// A page's form, without scripts: the page it redirects to is served
	// by f with what the form recorded.
	form := func(person string, v url.Values) (int, string) {
		t.Helper()
		code, loc, _, _ := pageForm(t, f, sessions[person], "/a/x/act", v)
		return code, loc
	}
	get := func(person, path string) (int, string) {
		t.Helper()
		return getAs(t, f, sessions[person], path)
	}
	code, loc := form("v", url.Values{"cmd": {"cast_ballot"}, "a:vote": {"v1"}, "a:voter": {"v"}, "a:choice": {"for"}, "key": {"web-ballot-v"}, "back": {"/a/x/delegate"}})
	if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/a/x/receipt?entry=") {
		t.Fatalf("the ballot form on f: %d, to %q", code, loc)
	}
	if code, body := get("v", loc); code != 200 {
		t.Fatalf("the receipt f redirected to: %d %s", code, body)
	}
	if code, body := get("v", loc+"&fragment=receipt"); code != 200 {
		t.Fatalf("the receipt fragment on f: %d %s", code, body)
	}

	// A ballot recorded on the writer itself: f has not read it.
	r = send(t, w.url+"/api/assemblies/x/commands", sessions["u"], "ballot-u", `{"cmd":"cast_ballot","args":{"vote":"v1","voter":"u","choice":"against"}}`, auth.CSRFHeader, "1")
	if r.status != 201 {
		t.Fatalf("u's ballot on w: %d %s", r.status, r.body)
	}
	entry := sizeOf(t, w, "x") - 1
	receipt := fmt.Sprintf("/a/x/receipt?entry=%d&fragment=receipt", entry)
	start := time.Now()
	code, body := get("u", receipt)
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "not yet received entry") || strings.Contains(body, "no ballot of yours") {
		t.Fatalf("a receipt f has not read: %d %s", code, body)
	}
	if waited := time.Since(start); waited < time.Second || waited > 10*time.Second {
		t.Errorf("f waited %v for the entry", waited)
	}
	// Far beyond f's head: not waited for.
	start = time.Now()
	if code, body := get("u", fmt.Sprintf("/a/x/receipt?entry=%d", entry+1<<20)); code != http.StatusServiceUnavailable || time.Since(start) > 1500*time.Millisecond {
		t.Fatalf("an entry far beyond f's head: %d after %v: %s", code, time.Since(start), body)
	}
	// The writer has every entry: beyond its log there is no ballot.
	req, _ := http.NewRequest("GET", w.url+fmt.Sprintf("/a/x/receipt?entry=%d", entry+1), nil)
	req.AddCookie(&http.Cookie{Name: auth.CookieName, Value: sessions["u"]})
	resp, err := clusterClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Fatalf("an entry beyond the writer's log: %d", resp.StatusCode)
	}
	// Asked again, and told of the growth while it waits (as its
	// listener would tell it): the receipt.
	type got struct {
		code int
		body string
	}
	done := make(chan got, 1)
	go func() {
		code, body := get("u", receipt)
		done <- got{code, body}
	}()
	time.Sleep(300 * time.Millisecond)
	f.srv.engine.Grown(xf.Log().Origin(), entry+1)
	if g := <-done; g.code != 200 || !strings.Contains(g.body, fmt.Sprint(entry)) {
		t.Fatalf("the receipt on f, told of the growth while it waited: %d %s", g.code, g.body)
	}
}

// openVoteFor records through node n, as the administrator (cookie), in
// the assembly x: a chair, the voters (each with a verified decisive
// mandate, checked in), a sitting, an item and a motion, and opens the
// vote v1 on it by method; it returns the voters' access codes, by
// person.
func openVoteFor(t *testing.T, n *testNode, cookie, method string, voters ...string) map[string]string {
	t.Helper()
	cmds := []string{
		`{"cmd":"add_organization","args":{"id":"org","name":"Org","kind":"delegating"}}`,
		`{"cmd":"add_person","args":{"id":"chair","name":"Chair"}}`,
	}
	for _, v := range voters {
		cmds = append(cmds,
			fmt.Sprintf(`{"cmd":"add_person","args":{"id":%q,"name":"Voter %s"}}`, v, v),
			fmt.Sprintf(`{"cmd":"submit_mandate","args":{"id":"m-%s","person":%q,"organization":"org","kind":"decisive"}}`, v, v),
			fmt.Sprintf(`{"cmd":"verify_mandate","args":{"mandate":"m-%s"}}`, v),
			fmt.Sprintf(`{"cmd":"check_in","args":{"person":%q}}`, v))
	}
	cmds = append(cmds,
		`{"cmd":"open_sitting","args":{"id":"s1","date":"2026-05-09","chair":"chair"}}`,
		`{"cmd":"add_item","args":{"id":"i1","title":"The budget"}}`,
		`{"cmd":"take_up_item","args":{"item":"i1"}}`,
		`{"cmd":"move_motion","args":{"id":"mo1","kind":"substantive","title":"Adopt the budget","item":"i1","mover":"chair"}}`,
		`{"cmd":"open_vote","args":{"id":"v1","motion":"mo1","method":"`+method+`"}}`)
	for i, c := range cmds {
		if r := send(t, n.url+"/api/assemblies/x/commands", cookie, fmt.Sprintf("setup-%d", i), c); r.status != 201 {
			t.Fatalf("%s: %d %s", c, r.status, r.body)
		}
	}
	r := send(t, n.url+"/api/assemblies/x/access-codes", cookie, "codes", `{}`, auth.CSRFHeader, "1")
	var issued struct {
		Codes []struct{ Person, Code string }
	}
	if err := json.Unmarshal([]byte(r.body), &issued); r.status != 201 || err != nil || len(issued.Codes) != len(voters) {
		t.Fatalf("the voters' codes: %d %s", r.status, r.body)
	}
	codes := map[string]string{}
	for _, c := range issued.Codes {
		codes[c.Person] = c.Code
	}
	return codes
}

// loginAt logs the access code in on node n and returns the session
// cookie's value.
func loginAt(t *testing.T, n *testNode, code string) string {
	t.Helper()
	login, err := http.Post(n.url+"/login", "application/json", strings.NewReader(`{"code":"`+code+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	login.Body.Close()
	for _, c := range login.Cookies() {
		if c.Name == auth.CookieName {
			return c.Value
		}
	}
	t.Fatalf("the login on %s: %s", n.name, login.Status)
	return ""
}

// twoNodesWithX starts two nodes on a fresh database, logs the
// administrator in, and creates the assembly x through the first, which
// then writes it; it returns the nodes and the administrator's cookie.
func twoNodesWithX(t *testing.T) (writer, other *testNode, cookie string) {
	t.Helper()
	dsn := pgtest.Fresh(t)
	data := t.TempDir()
	writer = startNode(t, dsn, data, "w")
	other = startNode(t, dsn, data, "f")
	cookie = adminCookie(t, writer)
	if r := send(t, writer.url+"/api/assemblies", cookie, "create-x", `{"args":{"id":"x","name":"X","starts":"2026-05-09","rules":"congress"}}`); r.status != 201 {
		t.Fatalf("create_assembly: %d %s", r.status, r.body)
	}
	return writer, other, cookie
}
