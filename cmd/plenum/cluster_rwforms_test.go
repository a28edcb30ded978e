package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"plenum/assembly"
	"plenum/auth"
)

// clusterClient follows no redirects: the tests look at where a form
// sends the browser.
var clusterClient = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// pageForm sends a page's form to node n as the session sess holds, with
// the anti-forgery token the pages put in it; it returns the status, the
// address it redirects to, the flash message it sets, and the body.
func pageForm(t *testing.T, n *testNode, sess, path string, v url.Values) (code int, loc, flash, body string) {
	t.Helper()
	mac := hmac.New(sha256.New, n.srv.forms)
	mac.Write([]byte("plenum web form\x00" + sess))
	v.Set("csrf", hex.EncodeToString(mac.Sum(nil)[:16]))
	req, _ := http.NewRequest("POST", n.url+path, strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", n.url)
	resp, b := doAs(t, req, sess)
	for _, c := range resp.Cookies() {
		if c.Name == "plenum_flash" {
			flash, _ = url.QueryUnescape(c.Value)
		}
	}
	return resp.StatusCode, resp.Header.Get("Location"), flash, string(b)
}

// getAs reads path on node n as the session sess holds.
func getAs(t *testing.T, n *testNode, sess, path string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", n.url+path, nil)
	resp, b := doAs(t, req, sess)
	return resp.StatusCode, string(b)
}

// doAs sends req as the session sess holds (none: "") and reads the
// answer.
func doAs(t *testing.T, req *http.Request, sess string) (*http.Response, []byte) {
	t.Helper()
	if sess != "" {
		req.AddCookie(&http.Cookie{Name: auth.CookieName, Value: sess})
	}
	resp, err := clusterClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// loginStatus logs the code in on node n and returns the answer's status.
func loginStatus(t *testing.T, n *testNode, code string) int {
	t.Helper()
	resp, err := http.Post(n.url+"/login", "application/json", strings.NewReader(`{"code":"`+code+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// TestClusterFollowerForms: on a node that does not write the assembly
// (f), whose listener is stopped so that it hears nothing of the writer's
// appends by itself, the set-up forms, the access codes' forms and API
// (cards, "revoke a code") are forwarded to the writer and answered once
// f has read what they recorded: f's next page shows the person added,
// the code issued or revoked, and a login on f with a code issued through
// f works. A form the writer refuses is answered once f has read as far
// as the state the refusal was decided on, so that the page shown with
// the refusal is not older than it. A code revoked on the writer (not
// through f) is refused by f's login at once, and the sessions it made
// on f end at once: codes and sessions are read from the database on
// every login and request, not from f's state.
func TestClusterFollowerForms(t *testing.T) {
	w, f, admin := twoNodesWithX(t)
	codes := openVoteFor(t, w, admin, "roll_call", "v", "u")
	eventually(t, 5*time.Second, "f reads the set-up", func() bool { return sizeOf(t, f, "x") == sizeOf(t, w, "x") })
	xf, _ := f.srv.engine.Assembly("x")
	if xf.Writing() {
		t.Fatal("f writes x")
	}
	f.mem.l.Close() // from now on f hears nothing of w's appends by itself
	caughtUp := func(what string) {
		t.Helper()
		if got, want := xf.Feed().Next(), sizeOf(t, w, "x"); got < want {
			t.Fatalf("%s: f answered holding %d entries in its readers' state, the writer %d", what, got, want)
		}
	}
	state := func(fn func(*assembly.State)) { xf.Read(fn) }

	// A set-up form: the person's page f redirects to has them.
	code, loc, fl, body := pageForm(t, f, admin, "/a/x/setup", url.Values{"cmd": {"add_person"}, "name": {"Zed Zimmer"}, "key": {"su-zed"}, "back": {"/a/x/setup-people"}})
	if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/a/x/setup-person?p=") || strings.HasPrefix(fl, "err:") {
		t.Fatalf("add_person through f's set-up form: %d to %q, %q %s", code, loc, fl, body)
	}
	caughtUp("the set-up form")
	zed := strings.TrimPrefix(loc, "/a/x/setup-person?p=")
	if code, page := getAs(t, f, admin, loc); code != 200 || !strings.Contains(page, "Zed Zimmer") {
		t.Fatalf("the person's page on f after the form: %d", code)
	}

	// The mandates page's form that verifies many at once, through f: the
	// whole form goes to the writer, which gives verify_mandate for each,
	// and f's answer waits until f has read them.
	if r := send(t, w.url+"/api/assemblies/x/commands", admin, "m-zed", `{"cmd":"submit_mandate","args":{"id":"m-zed","person":"`+zed+`","kind":"decisive"}}`); r.status != 201 {
		t.Fatalf("submit_mandate for %s on w: %d %s", zed, r.status, r.body)
	}
	code, loc, fl, body = pageForm(t, f, admin, "/a/x/act", url.Values{"cmd": {"verify_mandate"}, "bulk": {"1"}, "mandates": {"m-zed"}, "key": {"bulk-zed"}, "back": {"/a/x/mandates"}})
	if code != http.StatusSeeOther || strings.HasPrefix(fl, "err:") {
		t.Fatalf("verifying m-zed through f's bulk form: %d to %q, %q %s", code, loc, fl, body)
	}
	caughtUp("the bulk verification")
	state(func(s *assembly.State) {
		if m := s.Mandates["m-zed"]; m == nil || m.Status != assembly.MandateStatusVerified {
			t.Errorf("f's state: m-zed after the bulk form through f: %+v", m)
		}
	})

	// Mandate cards printed through f: the issue is in f's state.
	code, _, fl, body = pageForm(t, f, admin, "/a/x/mandate-cards.pdf", url.Values{"persons": {zed}})
	if code != 200 || !strings.HasPrefix(body, "%PDF") {
		t.Fatalf("mandate cards through f: %d %q %.200s", code, fl, body)
	}
	caughtUp("the cards")
	state(func(s *assembly.State) {
		if a := s.Access[zed]; a == nil || a.Issued.IsZero() {
			t.Errorf("f's state lacks the code issued to %s through f's cards form", zed)
		}
	})

	// A code issued through f's API logs in on f; the one it replaces
	// does not.
	r := send(t, f.url+"/api/assemblies/x/access-codes", admin, "codes-u", `{"persons":["u"]}`, auth.CSRFHeader, "1")
	var issued struct {
		Codes []struct{ Person, Code string }
	}
	if err := json.Unmarshal([]byte(r.body), &issued); r.status != 201 || err != nil || len(issued.Codes) != 1 {
		t.Fatalf("a code for u through f's API: %d %s", r.status, r.body)
	}
	caughtUp("the API's codes")
	if got := loginStatus(t, f, codes["u"]); got == 200 {
		t.Errorf("u's replaced code logged in on f")
	}
	codes["u"] = issued.Codes[0].Code
	uSession := loginAt(t, f, codes["u"])

	// A form the writer refuses, on a state f has not read: the vote
	// closed on w. f shows the refusal with the vote closed.
	if r := send(t, w.url+"/api/assemblies/x/commands", admin, "close-v1", `{"cmd":"close_vote","args":{"vote":"v1"}}`); r.status != 201 {
		t.Fatalf("close_vote on w: %d %s", r.status, r.body)
	}
	code, loc, fl, _ = pageForm(t, f, admin, "/a/x/act", url.Values{"cmd": {"close_vote"}, "a:vote": {"v1"}, "key": {"close-again"}, "back": {"/a/x/chair"}})
	if code != http.StatusSeeOther || !strings.HasPrefix(fl, "err:") {
		t.Fatalf("close_vote again through f: %d to %q, %q", code, loc, fl)
	}
	caughtUp("the refused form")
	// And through the API.
	if r := send(t, w.url+"/api/assemblies/x/commands", admin, "p2", `{"cmd":"add_person","args":{"id":"p2","name":"Pat"}}`); r.status != 201 {
		t.Fatalf("add_person on w: %d %s", r.status, r.body)
	}
	if r := send(t, f.url+"/api/assemblies/x/commands", admin, "p2-again", `{"cmd":"add_person","args":{"id":"p2","name":"Pat"}}`); r.status != http.StatusConflict {
		t.Fatalf("add_person p2 again through f: %d %s", r.status, r.body)
	}
	caughtUp("the refused API command")

	// A code revoked on the writer itself: f's login refuses it at once,
	// and u's session on f is over.
	start := time.Now()
	r = send(t, w.url+"/api/assemblies/x/access-codes/revoke", admin, "revoke-u", `{"persons":["u"],"reason":"lost card"}`, auth.CSRFHeader, "1")
	if r.status != http.StatusNoContent {
		t.Fatalf("revoking u's code on w: %d %s", r.status, r.body)
	}
	if got := loginStatus(t, f, codes["u"]); got == 200 {
		t.Errorf("a code revoked on the writer logged in on f")
	}
	if code, _ := getAs(t, f, uSession, "/api/assemblies/x/me"); code != http.StatusUnauthorized {
		t.Errorf("u's session on f after the revocation on w: %d", code)
	}
	t.Logf("revoked on w, refused on f %v after the revocation was sent", time.Since(start).Round(time.Millisecond))

	// "Revoke a code" through f's page: done, in f's state, and v's code
	// no longer logs in on f.
	code, loc, fl, _ = pageForm(t, f, admin, "/a/x/revoke-codes", url.Values{"persons": {"v"}, "reason": {"left"}})
	if code != http.StatusSeeOther || loc != "/a/x/mandates" || strings.HasPrefix(fl, "err:") {
		t.Fatalf("revoking v's code through f's page: %d to %q, %q", code, loc, fl)
	}
	caughtUp("the revocation")
	state(func(s *assembly.State) {
		if a := s.Access["v"]; a == nil || a.Revoked.IsZero() {
			t.Errorf("f's state lacks v's revocation made through f")
		}
	})
	if got := loginStatus(t, f, codes["v"]); got == 200 {
		t.Errorf("v's code revoked through f logged in on f")
	}
}
