package auth

import (
	"context"
	"crypto/tls"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestOpenRedirect: after logging in, a browser follows "next" only to a
// path on this site; every trick that makes a browser leave is refused and
// sends it home instead.
func TestOpenRedirect(t *testing.T) {
	cases := []struct {
		next string
		ok   bool
	}{
		{"/a/coop", true},
		{"/a/coop/delegate?tab=votes#now", true},
		{"/", true},
		{"/@evil.example", true}, // a path on this site
		{"/a/%2F%2Fevil.example", true},
		{"", false},
		{"//evil.example", false},
		{"///evil.example", false},
		{"/\\evil.example", false},
		{"/\\/evil.example", false},
		{"\\\\evil.example", false},
		{"/a/..\\..\\evil.example", false},
		{"/\t/evil.example", false}, // next=/%09/evil.example: browsers drop the tab
		{"/\n/evil.example", false},
		{"/\r\n/evil.example", false},
		{"/ /evil.example", false},
		{"/\x00/evil.example", false},
		{"/\u3000/evil.example", false},
		{"/%2F/evil.example", false}, // decoded by a proxy: //evil.example
		{"/%5Cevil.example", false},
		{"https://evil.example", false},
		{"http:/evil.example", false},
		{"//evil.example/%2F..", false},
		{"javascript:alert(1)", false},
		{"evil.example", false},
		{" /a", false},
		{"/" + strings.Repeat("a", 3000), false},
	}
	for _, c := range cases {
		if got := LocalPath(c.next); got != c.ok {
			t.Errorf("LocalPath(%q) = %v, want %v", c.next, got, c.ok)
		}
	}
	// Through the handler, as the query string of a card's link carries it.
	ctx := context.Background()
	s := open(t, Options{RowKey: testKey, Home: func(*Session) string { return "/home" }})
	h := s.HandleLogin(nil)
	for _, c := range cases {
		codes, _ := s.IssueCodes(ctx, "coop", []string{"ann"})
		req := httptest.NewRequest("GET", "/login?code="+url.QueryEscape(codes[0].Code)+"&next="+url.QueryEscape(c.next), nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		loc := rec.Header().Get("Location")
		want := "/home"
		if c.ok {
			want = c.next
		}
		if rec.Code != http.StatusSeeOther || (c.ok && !strings.HasPrefix(loc, "/")) || (!c.ok && loc != want) {
			t.Errorf("next=%q: %d to %q, want %q", c.next, rec.Code, loc, want)
		}
		if u, err := url.Parse(loc); err != nil || u.Host != "" || strings.HasPrefix(loc, "//") || strings.ContainsAny(loc, "\\\t\r\n") {
			t.Errorf("next=%q sent the browser to %q", c.next, loc)
		}
	}
	// The raw query the issue found.
	codes, _ := s.IssueCodes(ctx, "coop", []string{"ann"})
	for _, raw := range []string{"/%09/evil.example", "/%5C/evil.example", "%2F%2Fevil.example", "/%0d%0a/evil.example"} {
		req := httptest.NewRequest("GET", "/login?code="+url.QueryEscape(codes[0].Code)+"&next="+raw, nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if loc := rec.Header().Get("Location"); loc != "/home" {
			t.Errorf("next=%s redirected to %q", raw, loc)
		}
		codes, _ = s.IssueCodes(ctx, "coop", []string{"ann"})
	}
}

// TestClientAddr: X-Forwarded-For counts only from a trusted proxy, read
// from the right; IPv6 counts by /64.
func TestClientAddr(t *testing.T) {
	s := open(t, Options{RowKey: testKey, TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("fd00::/8")}})
	cases := []struct {
		name, peer string
		xff        []string
		want       string
	}{
		{"direct", "192.0.2.7:5000", nil, "192.0.2.7"},
		{"direct client forging the header", "192.0.2.7:5000", []string{"203.0.113.9"}, "192.0.2.7"},
		{"through the proxy", "10.1.2.3:443", []string{"203.0.113.9"}, "203.0.113.9"},
		{"client prepends a forged hop", "10.1.2.3:443", []string{"198.51.100.1, 203.0.113.9"}, "203.0.113.9"},
		{"two trusted proxies", "10.1.2.3:443", []string{"203.0.113.9, 10.9.9.9"}, "203.0.113.9"},
		{"header repeated", "10.1.2.3:443", []string{"198.51.100.1", "203.0.113.9"}, "203.0.113.9"},
		{"malformed hop", "10.1.2.3:443", []string{"203.0.113.9, bogus"}, "10.1.2.3"},
		{"only proxies", "10.1.2.3:443", []string{"10.4.4.4"}, "10.4.4.4"},
		{"proxy without header", "10.1.2.3:443", nil, "10.1.2.3"},
		{"IPv6 by /64", "[2001:db8:1:2:aaaa::1]:5000", nil, "2001:db8:1:2::/64"},
		{"IPv6 neighbour in the same /64", "[2001:db8:1:2:bbbb::9]:5000", nil, "2001:db8:1:2::/64"},
		{"IPv4-mapped", "[::ffff:192.0.2.7]:5000", nil, "192.0.2.7"},
		{"IPv6 proxy", "[fd00::1]:443", []string{"2001:db8:9::5"}, "2001:db8:9::/64"},
	}
	for _, c := range cases {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = c.peer
		for _, v := range c.xff {
			r.Header.Add("X-Forwarded-For", v)
		}
		if got := s.ClientAddr(r); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// TestSecureCookie: the session cookie is Secure under TLS, and behind a
// trusted proxy that says https; not when anyone else says so.
func TestSecureCookie(t *testing.T) {
	ctx := context.Background()
	s := open(t, Options{RowKey: testKey, TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}})
	h := s.HandleLogin(nil)
	cases := []struct {
		name, peer, proto string
		tls               bool
		secure            bool
	}{
		{"plain http", "192.0.2.7:5000", "", false, false},
		{"TLS", "192.0.2.7:5000", "", true, true},
		{"trusted proxy says https", "10.1.2.3:443", "https", false, true},
		{"trusted proxy says http", "10.1.2.3:443", "http", false, false},
		{"untrusted peer says https", "192.0.2.7:5000", "https", false, false},
	}
	for _, c := range cases {
		codes, _ := s.IssueCodes(ctx, "coop", []string{"ann"})
		r := httptest.NewRequest("GET", "/login?code="+codes[0].Code, nil)
		r.RemoteAddr = c.peer
		if c.proto != "" {
			r.Header.Set("X-Forwarded-Proto", c.proto)
		}
		if c.tls {
			r.TLS = &tls.ConnectionState{}
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		cs := rec.Result().Cookies()
		if len(cs) != 1 || cs[0].Secure != c.secure {
			t.Errorf("%s: cookies %v, want Secure %v", c.name, cs, c.secure)
		}
	}
}

// login posts code from the address peer (and X-Forwarded-For xff, if any)
// and returns the status.
func login(h http.Handler, peer, xff, code string) int {
	r := httptest.NewRequest("POST", "/login", strings.NewReader(`{"code":"`+code+`"}`))
	r.Header.Set("Content-Type", "application/json")
	r.RemoteAddr = peer
	if xff != "" {
		r.Header.Set("X-Forwarded-For", xff)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	return rec.Code
}

// TestNoLockout: 300 wrong codes from 60 addresses used to exhaust the
// global limit, and a delegate from a fresh address got 429. Now wrong
// codes are counted and limited, but a correct code always logs in.
func TestNoLockout(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 5, 9, 9, 0, 0, 0, time.UTC) // the clock stands still: no bucket refills
	s := open(t, Options{RowKey: testKey, WrongCodesPerMinute: 5, WrongCodesInAllPerMinute: 200, Now: func() time.Time { return now }})
	h := s.HandleLogin(nil)
	codes, _ := s.IssueCodes(ctx, "coop", []string{"ann"})
	counts := map[int]int{}
	for i := range 300 {
		counts[login(h, fmt.Sprintf("192.0.2.%d:4000", i%60+1), "", newCode())]++
	}
	if counts[200] != 0 || counts[401] != 200 || counts[429] != 100 {
		t.Fatalf("300 wrong codes from 60 addresses: %v (want 200 answered 401 within the limit of everyone, 100 answered 429)", counts)
	}
	if st := login(h, "198.51.100.5:4000", "", newCode()); st != 429 {
		t.Fatalf("a wrong code from a fresh address after the flood: %d, want 429", st)
	}
	if st := login(h, "198.51.100.5:4000", "", codes[0].Code); st != 200 {
		t.Fatalf("the delegate from a fresh address: %d, want 200", st)
	}
	// And from one of the attacking addresses, too.
	if st := login(h, "192.0.2.1:4000", "", codes[0].Code); st != 200 {
		t.Fatalf("the delegate from an attacking address: %d, want 200", st)
	}
}

// TestHallLogsIn: 2,000 delegates behind one address (the venue's network,
// or a reverse proxy) log in within 60 seconds of the clock, while the same
// address sends a burst of wrong codes: every delegate gets in, and the
// wrong codes get nowhere (401 within the allowance, 429 after).
func TestHallLogsIn(t *testing.T) {
	if testing.Short() {
		t.Skip("2,000 logins")
	}
	ctx := context.Background()
	now := time.Date(2026, 5, 9, 9, 0, 0, 0, time.UTC)
	s := open(t, Options{RowKey: testKey, Now: func() time.Time { return now }})
	h := s.HandleLogin(nil)
	persons := make([]string, 2000)
	for i := range persons {
		persons[i] = fmt.Sprintf("d%04d", i)
	}
	codes, err := s.IssueCodes(ctx, "coop", persons)
	if err != nil {
		t.Fatal(err)
	}
	const venue = "203.0.113.50:40000"
	statuses := map[int]int{}
	for i, c := range codes {
		now = now.Add(30 * time.Millisecond) // 2,000 in 60 s
		if i%100 == 0 {
			// A burst of 50 wrong codes from the same address.
			for range 50 {
				statuses[login(h, venue, "", newCode())]++
			}
		}
		if st := login(h, venue, "", strings.ToLower(c.Code)); st != 200 {
			t.Fatalf("delegate %d of 2,000 at %v: %d", i+1, now.Format("15:04:05.000"), st)
		}
	}
	// 1,000 wrong codes in 60 s at 30 a minute: the first 30 and one
	// every two seconds after are answered 401, the rest 429.
	if statuses[200] != 0 || statuses[401]+statuses[429] != 1000 || statuses[401] > 30+31 || statuses[429] < 900 {
		t.Fatalf("the burst of wrong codes: %v", statuses)
	}
	// Every delegate is logged in as themselves.
	var n int
	n = count(t, s, `SELECT count(DISTINCT person) FROM access_sessions WHERE assembly = 'coop'`)
	if n != 2000 {
		t.Fatalf("%d delegates have sessions, want 2,000", n)
	}
}

// TestReissueEndsSessions: a re-issued code ends the sessions of the old
// one, and so does a revocation; nobody else's session is touched.
func TestReissueEndsSessions(t *testing.T) {
	ctx := context.Background()
	s := open(t, Options{RowKey: testKey})
	codes, _ := s.IssueCodes(ctx, "coop", []string{"ann", "bob"})
	_, annTok, err := s.Login(ctx, codes[0].Code)
	if err != nil {
		t.Fatal(err)
	}
	_, bobTok, _ := s.Login(ctx, codes[1].Code)
	// A second store on the same file reads sessions from the database.
	if _, err := s.IssueCodes(ctx, "coop", []string{"ann"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Session(ctx, annTok); err != ErrNoSession {
		t.Fatalf("ann's old session after re-issue: %v", err)
	}
	if _, _, err := s.Login(ctx, codes[0].Code); err != ErrBadCode {
		t.Fatalf("ann's old code after re-issue: %v", err)
	}
	if sess, err := s.Session(ctx, bobTok); err != nil || sess.Person != "bob" {
		t.Fatalf("bob's session: %v %v", sess, err)
	}
	// Revocation ends bob's session and code.
	if err := s.RevokeCodes(ctx, "coop", []string{"bob"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Session(ctx, bobTok); err != ErrNoSession {
		t.Fatalf("bob's session after revocation: %v", err)
	}
	if _, _, err := s.Login(ctx, codes[1].Code); err != ErrBadCode {
		t.Fatalf("bob's code after revocation: %v", err)
	}
	var rows int
	rows = count(t, s, `SELECT count(*) FROM access_sessions WHERE person IN ('ann', 'bob')`)
	if rows != 0 {
		t.Fatalf("%d sessions left in the database", rows)
	}
}

// TestTossedSessionCookie: a page on a sibling host (evil.example.org
// beside congress.example.org), or anyone who can answer one plain-http
// request of the browser's, can set a cookie named plenum_session for
// the whole domain and a longer path; the browser then sends it before
// the delegate's own, and a server that takes the first cookie acts for
// the delegate as the attacker's person. A request carrying two session
// cookies with different values is therefore no one's: plenum sets one,
// host-only, with path "/", so a second was put there by someone else.
// The same cookie twice, or a single one, is its session.
func TestTossedSessionCookie(t *testing.T) {
	ctx := context.Background()
	s := open(t, Options{RowKey: testKey})
	tokens, err := s.NewSessions(ctx, "coop", []string{"ann", "mallory"})
	if err != nil {
		t.Fatal(err)
	}
	ann, mallory := CookieName+"="+tokens[0], CookieName+"="+tokens[1]
	for _, c := range []struct {
		cookies []string
		want    string
	}{
		{[]string{ann}, "ann"},
		{[]string{"lang=de; " + ann}, "ann"},
		{[]string{ann + "; " + ann}, "ann"},
		{[]string{ann, ann}, "ann"},
		{[]string{mallory + "; " + ann}, ""},
		{[]string{ann + "; " + mallory}, ""},
		{[]string{mallory, ann}, ""},
		{[]string{"lang=de; " + mallory + "; x=1", ann}, ""},
		{[]string{CookieName + "=forged; " + ann}, ""},
	} {
		if got := actsAs(s, c.cookies); got != c.want {
			t.Errorf("Cookie %q: acting as %q, want %q", c.cookies, got, c.want)
		}
	}
}

// actsAs is the person a request with the Cookie header lines cookies
// acts as, through s's Middleware ("" for none).
func actsAs(s *Store, cookies []string) string {
	r := httptest.NewRequest("GET", "/", nil)
	r.Header["Cookie"] = cookies
	var who string
	s.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if sess := FromContext(r.Context()); sess != nil {
			who = sess.Person
		}
	})).ServeHTTP(httptest.NewRecorder(), r)
	return who
}

// TestLoginMakesItsOwnSession: logging in never adopts the session the
// browser arrives with. A cookie planted before (session fixation: the
// attacker then knows the victim's session) is not the new session and
// stays no one's; logging in over another person's live session makes a
// new one and leaves the other as it was, its person unchanged.
func TestLoginMakesItsOwnSession(t *testing.T) {
	ctx := context.Background()
	s := open(t, Options{RowKey: testKey})
	codes, _ := s.IssueCodes(ctx, "coop", []string{"ann"})
	tokens, err := s.NewSessions(ctx, "coop", []string{"mallory"})
	if err != nil {
		t.Fatal(err)
	}
	h := s.Middleware(s.HandleLogin(nil))
	for _, planted := range []string{"chosen-by-the-attacker", tokens[0]} {
		r := httptest.NewRequest("GET", "/login?code="+url.QueryEscape(codes[0].Code), nil)
		r.AddCookie(&http.Cookie{Name: CookieName, Value: planted})
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		var got string
		for _, c := range rec.Result().Cookies() {
			if c.Name == CookieName {
				got = c.Value
			}
		}
		if rec.Code != http.StatusSeeOther || got == "" || got == planted {
			t.Fatalf("login with %q planted: %d, cookie %q", planted, rec.Code, got)
		}
		if sess, err := s.Session(ctx, got); err != nil || sess.Person != "ann" {
			t.Fatalf("the new session: %+v %v", sess, err)
		}
	}
	if _, err := s.Session(ctx, "chosen-by-the-attacker"); err != ErrNoSession {
		t.Fatalf("the planted cookie became a session: %v", err)
	}
	if sess, err := s.Session(ctx, tokens[0]); err != nil || sess.Person != "mallory" {
		t.Fatalf("mallory's session after ann logged in over it: %+v %v", sess, err)
	}
}
