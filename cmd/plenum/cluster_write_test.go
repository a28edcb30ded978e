package main

import (
	"bufio"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"plenum/assembly"
	"plenum/auth"
	"plenum/engine"
	"plenum/fault/pgfault"
	"plenum/httpapi"
	"plenum/ledger"
	"plenum/store/postgres/pgtest"
)

// testNode is a plenum serve on a cluster, run in the test's process.
type testNode struct {
	name string
	url  string
	srv  *server
	hs   *http.Server
	mem  *node
	done bool
}

// startNode opens a node named name on the PostgreSQL database dsn, with
// the signing key in data, as plenum serve --node-name does, and serves it.
func startNode(t *testing.T, dsn, data, name string) *testNode {
	t.Helper()
	n, err := openNode(t, dsn, data, name)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func openNode(t *testing.T, dsn, data, name string) (*testNode, error) {
	t.Helper()
	ctx := context.Background()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	u := "http://" + ln.Addr().String()
	mem, err := registerNode(ctx, dsn, name, u)
	if err != nil {
		ln.Close()
		return nil, err
	}
	srv, err := openServer(ctx, serverConfig{db: dsn, data: data, name: ledger.DefaultServerName, node: mem})
	if err != nil {
		ln.Close()
		mem.close()
		return nil, err
	}
	n := &testNode{name: name, url: u, srv: srv, mem: mem, hs: &http.Server{Handler: srv.handler}}
	go n.hs.Serve(ln)
	t.Cleanup(n.stop)
	return n, nil
}

// stop shuts the node down as serve does: its leases released.
func (n *testNode) stop() {
	if n.done {
		return
	}
	n.done = true
	n.hs.Close()
	n.srv.Close()
	n.mem.close()
}

// adminCookie logs an administrator in through node n's auth store.
func adminCookie(t *testing.T, n *testNode) string {
	t.Helper()
	ctx := context.Background()
	tok, err := n.srv.auth.NewAdminToken(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, cookie, err := n.srv.auth.LoginAdmin(ctx, tok)
	if err != nil {
		t.Fatal(err)
	}
	return cookie
}

type answer struct {
	status int
	header http.Header
	body   string
}

// send sends a command as the session cookie's holder.
func send(t *testing.T, url, cookie, key, body string, header ...string) answer {
	t.Helper()
	return postAs(t, url, "application/json", cookie, body, append([]string{"Idempotency-Key", key}, header...)...)
}

// postAs sends body as the session cookie's holder, with the headers given
// as name, value, ….
func postAs(t *testing.T, url, contentType, cookie, body string, header ...string) answer {
	t.Helper()
	req, err := http.NewRequest("POST", url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	req.AddCookie(&http.Cookie{Name: auth.CookieName, Value: cookie})
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return answer{resp.StatusCode, resp.Header, string(b)}
}

// eventually waits up to d for ok.
func eventually(t *testing.T, d time.Duration, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("not within %v: %s", d, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// collect reads the feed of assembly id on node n from index 0 in the
// background; the returned function waits until it holds want events and
// returns their indexes.
func collect(t *testing.T, n *testNode, id string) func(want int64) []int64 {
	t.Helper()
	var a *engine.Assembly
	eventually(t, 5*time.Second, "node "+n.name+" knows "+id, func() bool {
		var ok bool
		a, ok = n.srv.engine.Assembly(id)
		return ok
	})
	got := make(chan int64, 1<<12)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go func() {
		next := int64(0)
		for {
			ups, err := a.Feed().Wait(ctx, next, 100)
			if err != nil {
				close(got)
				return
			}
			for _, u := range ups {
				got <- u.Index
				next = u.Index + 1
			}
		}
	}()
	var seen []int64
	return func(want int64) []int64 {
		t.Helper()
		timeout := time.After(10 * time.Second)
		for int64(len(seen)) < want {
			select {
			case i, ok := <-got:
				if !ok {
					t.Fatalf("node %s: the feed closed after %d events", n.name, len(seen))
				}
				seen = append(seen, i)
			case <-timeout:
				t.Fatalf("node %s: the feed gave %d of %d events", n.name, len(seen), want)
			}
		}
		select {
		case i := <-got:
			t.Fatalf("node %s: the feed gave event %d beyond the %d expected", n.name, i, want)
		case <-time.After(100 * time.Millisecond):
		}
		return seen
	}
}

func checkInOrder(t *testing.T, node string, idx []int64) {
	t.Helper()
	for i, x := range idx {
		if x != int64(i) {
			t.Fatalf("node %s: event %d of its feed has index %d: %v", node, i, x, idx)
		}
	}
}

func sizeOf(t *testing.T, n *testNode, id string) int64 {
	a, ok := n.srv.engine.Assembly(id)
	if !ok {
		return -1
	}
	return a.Log().Size()
}

// TestClusterWritesAndForwards: three nodes on one database. An assembly
// created through one is opened by the others without a restart; a
// command sent to a node that does not write it is forwarded to the one
// that does and answered 201 once, and sent again to a third node is
// answered as replayed; a forwarded-marker a client sets itself only
// keeps the command from being forwarded (503, nothing recorded); every
// node's feed gets every event once, in order; when the writer shuts
// down, another node takes the assembly on its next command.
func TestClusterWritesAndForwards(t *testing.T) {
	dsn := pgtest.Fresh(t)
	data := t.TempDir()
	a := startNode(t, dsn, data, "a")
	b := startNode(t, dsn, data, "b")
	c := startNode(t, dsn, data, "c")
	cookie := adminCookie(t, a)

	create := `{"args":{"id":"x","name":"X","starts":"2026-05-09","rules":"congress"}}`
	if r := send(t, b.url+"/api/assemblies", cookie, "create-x", create); r.status != 201 {
		t.Fatalf("create_assembly on b: %d %s", r.status, r.body)
	}
	xb, _ := b.srv.engine.Assembly("x")
	if !xb.Writing() {
		t.Fatal("b created x but does not write it")
	}
	feedA, feedC := collect(t, a, "x"), collect(t, c, "x")
	const path = "/api/assemblies/x/commands"
	person := func(i int) string {
		return fmt.Sprintf(`{"cmd":"add_person","args":{"id":"p%d","name":"Person %d"}}`, i, i)
	}

	// To a follower: forwarded to b, recorded once.
	r := send(t, a.url+path, cookie, "k1", person(1))
	if r.status != 201 || r.header.Get("Idempotent-Replayed") != "" {
		t.Fatalf("a command sent to a follower: %d %s", r.status, r.body)
	}
	xa, _ := a.srv.engine.Assembly("x")
	if xa.Writing() {
		t.Fatal("a took the lease b holds")
	}
	// Again, to the third node: replayed, nothing new.
	size := sizeOf(t, b, "x")
	r = send(t, c.url+path, cookie, "k1", person(1))
	if r.status != 200 || r.header.Get("Idempotent-Replayed") != "true" {
		t.Fatalf("the retry on c: %d %s", r.status, r.body)
	}
	if sizeOf(t, b, "x") != size {
		t.Fatal("the retry recorded something")
	}
	// A forged forwarded-marker only keeps the command from being
	// forwarded: 503, nothing recorded, anywhere.
	r = send(t, a.url+path, cookie, "k2", person(2), httpapi.ForwardedHeader, "b")
	if r.status != 503 || r.header.Get("Retry-After") == "" || !strings.Contains(r.body, "Nothing was recorded") {
		t.Fatalf("a forged forward: %d %s", r.status, r.body)
	}
	time.Sleep(200 * time.Millisecond)
	if sizeOf(t, b, "x") != size || sizeOf(t, a, "x") != size {
		t.Fatal("a forged forward was recorded")
	}
	// The writer itself takes it with the marker as any command.
	if r = send(t, b.url+path, cookie, "k2", person(2), httpapi.ForwardedHeader, "a"); r.status != 201 {
		t.Fatalf("a marked command on the writer: %d %s", r.status, r.body)
	}
	for i := 3; i < 23; i++ {
		n := []*testNode{a, b, c}[i%3]
		if r := send(t, n.url+path, cookie, fmt.Sprintf("k%d", i), person(i)); r.status != 201 {
			t.Fatalf("person %d on %s: %d %s", i, n.name, r.status, r.body)
		}
	}
	want := sizeOf(t, b, "x")
	checkInOrder(t, "a", feedA(want))
	checkInOrder(t, "c", feedC(want))
	var names int
	xc, _ := c.srv.engine.Assembly("x")
	xc.Read(func(s *assembly.State) { names = len(s.Persons) })
	if names != 22 {
		t.Fatalf("c's state has %d persons, want 22", names)
	}

	// b's lease ends in the database before b's own clock says so (as
	// if b had been paused): b, still counting on it, is fenced off at
	// its next append, records nothing, and stops writing (unless its
	// renewal, once a second, noticed first: then the command is
	// forwarded to whoever took x over). The command sent again to b is
	// recorded once.
	conn, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(context.Background(), `UPDATE cluster_leases SET expires = now() WHERE holder = 'b'`); err != nil {
		t.Fatal(err)
	}
	size = sizeOf(t, b, "x")
	r = send(t, b.url+path, cookie, "k-b", person(31))
	switch {
	case r.status == 503 && strings.Contains(r.body, "Idempotency-Key"):
		t.Log("b's append was fenced off")
		if xb.Writing() {
			t.Fatal("b still writes x after its append was fenced off")
		}
		r = send(t, b.url+path, cookie, "k-b", person(31))
		if r.status != 201 {
			t.Fatalf("the command sent again to b: %d %s", r.status, r.body)
		}
	case r.status == 201:
		t.Log("b noticed the end of its lease before the command came")
	default:
		t.Fatalf("a command to b, its lease ended: %d %s", r.status, r.body)
	}
	nodes := []*testNode{a, b, c}
	writer := func() *testNode {
		t.Helper()
		var w *testNode
		for _, n := range nodes {
			if x, _ := n.srv.engine.Assembly("x"); x.Writing() {
				if w != nil {
					t.Fatalf("both %s and %s write x", w.name, n.name)
				}
				w = n
			}
		}
		return w
	}
	want = size + 1
	for _, n := range nodes {
		eventually(t, 5*time.Second, n.name+" hears the command", func() bool { return sizeOf(t, n, "x") == want })
	}
	checkInOrder(t, "a", feedA(want))
	checkInOrder(t, "c", feedC(want))

	// The writer shuts down (releasing its lease): the next command to
	// another node is taken there.
	w := writer()
	if w == nil {
		t.Fatal("no node writes x")
	}
	w.stop()
	start := time.Now()
	other := a
	if w == a {
		other = c
	}
	if r := send(t, other.url+path, cookie, "k23", person(23)); r.status != 201 {
		t.Fatalf("after the writer stopped: %d %s", r.status, r.body)
	}
	t.Logf("after the writer stopped, a command was taken by another node in %v", time.Since(start).Round(time.Millisecond))
	nodes = slices.DeleteFunc(nodes, func(n *testNode) bool { return n == w })
	if writer() == nil {
		t.Fatal("no node writes x after its writer stopped")
	}
	want++
	for _, n := range nodes {
		eventually(t, 5*time.Second, n.name+" hears the last command", func() bool { return sizeOf(t, n, "x") == want })
	}
	if w != a {
		checkInOrder(t, "a", feedA(want))
	}
	if w != c {
		checkInOrder(t, "c", feedC(want))
	}
}

// TestClusterFollowerAfterAGap: a node cut off from the database misses
// the notifications of what the writer appends meanwhile; once its
// listener is back, it reads what it missed, and its feed has every event
// once, in order.
func TestClusterFollowerAfterAGap(t *testing.T) {
	dsn := pgtest.Fresh(t)
	data := t.TempDir()
	fdsn, proxy := proxied(t, dsn)
	w := startNode(t, dsn, data, "w")
	cookie := adminCookie(t, w)
	if r := send(t, w.url+"/api/assemblies", cookie, "create-x", `{"args":{"id":"x","name":"X","starts":"2026-05-09","rules":"congress"}}`); r.status != 201 {
		t.Fatalf("create_assembly: %d %s", r.status, r.body)
	}
	f := startNode(t, fdsn, data, "f")
	feed := collect(t, f, "x")
	const path = "/api/assemblies/x/commands"
	person := func(i int) string {
		return fmt.Sprintf(`{"cmd":"add_person","args":{"id":"p%d","name":"Person %d"}}`, i, i)
	}
	for i := range 5 {
		if r := send(t, w.url+path, cookie, fmt.Sprintf("k%d", i), person(i)); r.status != 201 {
			t.Fatalf("person %d: %d %s", i, r.status, r.body)
		}
	}
	checkInOrder(t, "f", feed(sizeOf(t, w, "x")))
	gaps := f.mem.l.Gaps()
	proxy.SetDown(true)
	for i := 5; i < 15; i++ {
		if r := send(t, w.url+path, cookie, fmt.Sprintf("k%d", i), person(i)); r.status != 201 {
			t.Fatalf("person %d: %d %s", i, r.status, r.body)
		}
	}
	time.Sleep(300 * time.Millisecond)
	proxy.SetDown(false)
	checkInOrder(t, "f", feed(sizeOf(t, w, "x")))
	if f.mem.l.Gaps() == gaps {
		t.Fatal("the listener saw no gap: the test shows nothing")
	}
	// A client of w's stream that saw up to event 3 resumes on f with
	// Last-Event-ID: every later event, in order, none twice.
	ids := streamIDs(t, f.url+"/api/assemblies/x/events", cookie, "3", sizeOf(t, w, "x")-4)
	for i, id := range ids {
		if id != int64(4+i) {
			t.Fatalf("the stream resumed on f after 3 gave ids %v", ids)
		}
	}
}

// streamIDs reads n events' ids from the event stream at url, resumed
// after the event last.
func streamIDs(t *testing.T, url, cookie, last string, n int64) []int64 {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	req.Header.Set("Last-Event-ID", last)
	req.AddCookie(&http.Cookie{Name: auth.CookieName, Value: cookie})
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("the event stream: %d", resp.StatusCode)
	}
	var ids []int64
	sc := bufio.NewScanner(resp.Body)
	for int64(len(ids)) < n && sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "id: "); ok {
			id, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				t.Fatalf("an event id %q", v)
			}
			ids = append(ids, id)
		}
	}
	if int64(len(ids)) < n {
		t.Fatalf("the stream gave %d of %d events: %v", len(ids), n, sc.Err())
	}
	return ids
}

// proxied returns dsn reaching the server through a fault proxy, closed
// when the test ends.
var proxied = pgfault.Proxied

// TestClusterAdminLink: on a cluster the one-time administrator link
// printed by the first node is not voided by the next node's start; that
// node says so, and the link logs in on it.
func TestClusterAdminLink(t *testing.T) {
	dsn := pgtest.Fresh(t)
	data := t.TempDir()
	a := startCLI(t, `one-time administrator login: (\S+)`, "serve", "--db", dsn, "--data", data, "--addr", "127.0.0.1:0", "--node-name", "a", "--advertise", "http://127.0.0.1:1")
	link := a.match
	b := startCLI(t, `listening on (http://[^/ ]+)/`, "serve", "--db", dsn, "--data", data, "--addr", "127.0.0.1:0", "--node-name", "b", "--advertise", "http://127.0.0.1:2")
	eventually(t, 10*time.Second, "b says the link stands", func() bool {
		return strings.Contains(b.stdout.String(), "is still valid, until")
	})
	if strings.Contains(b.stdout.String(), "one-time administrator login:") {
		t.Fatalf("b printed a link of its own: %s", b.stdout.String())
	}
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest("GET", b.match+"/login?"+u.RawQuery, nil)
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("a's link on b: %d", resp.StatusCode)
	}
}

// TestClusterPagesForward: a page's form sent to a node that does not
// write its assembly is forwarded to the one that does (the nodes share
// the forms' key, derived from the signing key); a form marked forwarded
// by the client is not, and records nothing.
func TestClusterPagesForward(t *testing.T) {
	a, b, cookie := twoNodesWithX(t)
	if string(a.srv.forms) != string(b.srv.forms) || len(a.srv.forms) == 0 {
		t.Fatal("the nodes' form keys differ")
	}
	mac := hmac.New(sha256.New, b.srv.forms)
	mac.Write([]byte("plenum web form\x00" + cookie))
	csrf := hex.EncodeToString(mac.Sum(nil)[:16])
	eventually(t, 5*time.Second, "b opens x", func() bool { return sizeOf(t, b, "x") > 0 })
	form := func(id string, header ...string) answer {
		v := url.Values{"cmd": {"add_person"}, "a:id": {id}, "a:name": {"Person " + id}, "key": {"web-" + id}, "csrf": {csrf}, "back": {"/a/x/"}}
		return postAs(t, b.url+"/a/x/act", "application/x-www-form-urlencoded", cookie, v.Encode(), append([]string{auth.CSRFHeader, "1"}, header...)...)
	}
	size := sizeOf(t, a, "x")
	if r := form("p1"); r.status != 200 || !strings.Contains(r.body, `"ok":true`) {
		t.Fatalf("a form on b: %d %s", r.status, r.body)
	}
	if sizeOf(t, a, "x") != size+1 {
		t.Fatal("the form was not recorded once")
	}
	if r := form("p2", httpapi.ForwardedHeader, "a"); r.status != 503 || r.header.Get("Retry-After") == "" {
		t.Fatalf("a form marked forwarded: %d %s", r.status, r.body)
	}
	time.Sleep(200 * time.Millisecond)
	if sizeOf(t, a, "x") != size+1 {
		t.Fatal("the form marked forwarded was recorded")
	}

	// A secret ballot cast with b's form, recorded by a: its token comes
	// back through b's forward in a sealed cookie, and b's receipt page
	// shows it once, though b never saw the token.
	voter := loginAt(t, b, openVoteFor(t, a, cookie, "secret", "v")["v"])
	mac = hmac.New(sha256.New, b.srv.forms)
	mac.Write([]byte("plenum web form\x00" + voter))
	eventually(t, 5*time.Second, "b hears the vote", func() bool { return sizeOf(t, b, "x") == sizeOf(t, a, "x") })
	v := url.Values{"cmd": {"cast_ballot"}, "a:vote": {"v1"}, "a:voter": {"v"}, "a:choice": {"for"}, "key": {"web-ballot"}, "csrf": {hex.EncodeToString(mac.Sum(nil)[:16])}, "back": {"/a/x/delegate"}}
	r := postAs(t, b.url+"/a/x/act", "application/x-www-form-urlencoded", voter, v.Encode(), auth.CSRFHeader, "1")
	var res struct {
		OK      bool
		Receipt string
	}
	if err := json.Unmarshal([]byte(r.body), &res); r.status != 200 || err != nil || !res.OK || res.Receipt == "" {
		t.Fatalf("the ballot on b: %d %s", r.status, r.body)
	}
	var sealed *http.Cookie
	for _, c := range (&http.Response{Header: r.header}).Cookies() {
		if strings.HasPrefix(c.Name, "plenum_ballot_token_") {
			sealed = c
		}
	}
	if sealed == nil || sealed.Path != "/a/x/receipt" || !sealed.HttpOnly || sealed.SameSite != http.SameSiteStrictMode {
		t.Fatalf("the forwarded answer's token cookie: %v", r.header.Values("Set-Cookie"))
	}
	eventually(t, 5*time.Second, "b hears the ballot", func() bool { return sizeOf(t, b, "x") == sizeOf(t, a, "x") })
	page := func(cookies ...*http.Cookie) string {
		req, _ := http.NewRequest("GET", b.url+res.Receipt, nil)
		req.AddCookie(&http.Cookie{Name: auth.CookieName, Value: voter})
		for _, c := range cookies {
			req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("the receipt page on b: %s\n%s", resp.Status, body)
		}
		return string(body)
	}
	tokenRe := regexp.MustCompile(`id="ballot-token">([A-Z2-7]+)<`)
	if m := tokenRe.FindStringSubmatch(page(sealed)); m == nil || len(m[1]) != 26 {
		t.Fatal("b's receipt page shows no token")
	}
	if tokenRe.MatchString(page()) {
		t.Error("b's receipt page shows the token again, without the cookie")
	}
}
