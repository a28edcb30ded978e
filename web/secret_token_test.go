package web_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"plenum/auth"
	"plenum/web"
)

// pagesServer serves h's assembly with pages of their own options, as
// another node of a cluster does: same engine and sessions, its own
// web.Server.
func pagesServer(t *testing.T, h *hall, opts web.Options) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h.auth.Middleware(web.New(h.eng, h.auth, opts)))
	t.Cleanup(func() {
		srv.CloseClientConnections()
		srv.Close()
	})
	return srv
}

// tokenCookieOf is the token's cookie an answer sets.
func tokenCookieOf(t *testing.T, resp *http.Response) *http.Cookie {
	t.Helper()
	for _, c := range resp.Cookies() {
		if strings.HasPrefix(c.Name, "plenum_ballot_token_") {
			return c
		}
	}
	t.Fatalf("the ballot's answer sets no token cookie: %v", resp.Header)
	return nil
}

// getCookies fetches a page of srv with exactly the cookies given.
func getCookies(t *testing.T, srv *httptest.Server, path string, cookies ...*http.Cookie) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", srv.URL+path, nil)
	for _, c := range cookies {
		req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
	}
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

// TestSecretTokenOnAnotherNode: a secret ballot's token reaches its
// receipt page in a sealed cookie, so the page shows it once on any server
// with the same secret (another node of a cluster, behind a load
// balancer), and on no other; a cookie made for another person, or
// altered, shows nothing.
func TestSecretTokenOnAnotherNode(t *testing.T) {
	secret := []byte("the secret every node of this cluster derives alike")
	h := newEmptyHallWith(t, web.Options{BaseURL: hallBaseURL, Secret: secret}, nil)
	h.setup()
	other := pagesServer(t, h, web.Options{BaseURL: hallBaseURL, Secret: secret})
	stranger := pagesServer(t, h, web.Options{BaseURL: hallBaseURL, Secret: []byte("a secret of some other server")})

	chair, anna, boris := h.browser("chair"), h.browser("anna"), h.browser("boris")
	chair.act("chair", "open_vote", url.Values{"new:id": {"v"}, "a:motion": {"m1"}, "a:method": {"secret"}})
	resp := anna.act("delegate", "cast_ballot", url.Values{"a:vote": {"v1"}, "a:voter": {"anna"}, "a:choice": {"for"}})
	loc := resp.Header.Get("Location")
	if !strings.HasPrefix(loc, "/a/coop/receipt?entry=") {
		t.Fatalf("after the ballot the page goes to %q", loc)
	}
	entry := strings.TrimPrefix(loc, "/a/coop/receipt?entry=")
	c := tokenCookieOf(t, resp)
	if c.Name != "plenum_ballot_token_"+entry || c.Path != "/a/coop/receipt" || !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.MaxAge != 600 || c.Secure {
		t.Errorf("the token's cookie: %s", c.String())
	}
	if strings.Contains(resp.Header.Get("Location"), c.Value) {
		t.Error("the sealed token is in the URL")
	}
	u, _ := url.Parse(h.srv.URL)
	var annaSession, borisSession *http.Cookie
	for _, k := range anna.c.Jar.Cookies(u) {
		if k.Name == auth.CookieName {
			annaSession = k
		}
	}
	resp = boris.act("delegate", "cast_ballot", url.Values{"a:vote": {"v1"}, "a:voter": {"boris"}, "a:choice": {"against"}})
	borisLoc := resp.Header.Get("Location")
	borisCookie := tokenCookieOf(t, resp)
	for _, k := range boris.c.Jar.Cookies(u) {
		if k.Name == auth.CookieName {
			borisSession = k
		}
	}
	if annaSession == nil || borisSession == nil {
		t.Fatal("no session cookies")
	}

	noToken := func(what string, resp *http.Response, body string) {
		t.Helper()
		if resp.StatusCode != 200 || tokenRe.MatchString(body) || !strings.Contains(body, "shown once") {
			t.Errorf("%s: %s, a token shown or no word why:\n%s", what, resp.Status, body)
		}
	}
	// Anna's cookie under Boris's entry, on Boris's receipt: not his.
	resp, body := getCookies(t, other, borisLoc, borisSession, &http.Cookie{Name: borisCookie.Name, Value: c.Value})
	noToken("another person's cookie", resp, body)
	// Altered: one character of the sealed bytes changed.
	bad := []byte(c.Value)
	if bad[20] == 'A' {
		bad[20] = 'B'
	} else {
		bad[20] = 'A'
	}
	resp, body = getCookies(t, other, loc, annaSession, &http.Cookie{Name: c.Name, Value: string(bad)})
	noToken("an altered cookie", resp, body)
	// A server with another secret cannot open it, and clears it.
	resp, body = getCookies(t, stranger, loc, annaSession, c)
	noToken("another server's", resp, body)
	if cl := tokenCookieOf(t, resp); cl.MaxAge >= 0 || cl.Path != "/a/coop/receipt" {
		t.Errorf("the cookie is not cleared: %s", cl.String())
	}

	// The node behind the balancer that did not record the ballot shows
	// its token, once, and clears the cookie.
	_, body, _ = anna.getFrom(other, loc)
	m := tokenRe.FindStringSubmatch(body)
	if m == nil || len(m[1]) != 26 {
		t.Fatalf("no token on the other node's receipt page:\n%s", body)
	}
	for _, k := range anna.c.Jar.Cookies(u) {
		if strings.HasPrefix(k.Name, "plenum_ballot_token_") {
			t.Errorf("the token's cookie is kept after its page: %s", k.Name)
		}
	}
	for _, srv := range []*httptest.Server{other, h.srv} {
		_, again, _ := anna.getFrom(srv, loc)
		if strings.Contains(again, m[1]) || !strings.Contains(again, "shown once") {
			t.Errorf("the token is shown a second time:\n%s", again)
		}
	}
	// Boris's own page, on the node that recorded it, shows his.
	if _, body, _ := boris.get(borisLoc); !tokenRe.MatchString(body) || strings.Contains(body, m[1]) {
		t.Errorf("boris's receipt page:\n%s", body)
	}
}

// getFrom is get from another server than the hall's (the browser's
// cookies are the host's, whatever the port: as behind a load balancer).
func (b *browser) getFrom(srv *httptest.Server, path string) (int, string, http.Header) {
	b.h.t.Helper()
	resp, err := b.c.Get(srv.URL + path)
	if err != nil {
		b.h.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body), resp.Header
}
