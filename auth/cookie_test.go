package auth

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"
)

// cookieHeaders are Cookie headers sessionCookie must read as net/http
// does (cookieOfNetHTTP): the plain one it reads itself, and the others
// it hands to net/http.
var cookieHeaders = [][]string{
	nil,
	{""},
	{CookieName + "=abc"},
	{CookieName + "="},
	{CookieName + "=abc", CookieName + "=def"},
	{CookieName + "=abc", CookieName + "=abc"},
	{CookieName + "=abc; " + CookieName + "=def"},
	{CookieName + "=abc; " + CookieName + "=abc"},
	{CookieName + "=abc; " + CookieName + "=\"abc\""},
	{" " + CookieName + "=abc\t"},
	{CookieName + "=\"abc\""},
	{CookieName + "=\""},
	{CookieName + "=a b"},
	{CookieName + "= abc"},
	{CookieName + " =abc"},
	{CookieName + "=a\\b"},
	{CookieName + "=a\"b"},
	{CookieName + "=a\x7fb"},
	{CookieName + "=a\xffb"},
	{CookieName + "=a\rb"},
	{CookieName + "=abc;"},
	{CookieName + "=abc; lang=de"},
	{"lang=de; " + CookieName + "=abc"},
	{"lang=de", CookieName + "=abc"},
	{CookieName + "x=abc"},
	{"x" + CookieName + "=abc"},
	{CookieName},
	{CookieName + "=abc=def"},
	{CookieName + "=abc,def"},
	{HostCookieName + "=abc"},
	{HostCookieName + "="},
	{" " + HostCookieName + "=abc\t"},
	{HostCookieName + "=\"abc\""},
	{HostCookieName + "=abc; " + CookieName + "=def"},
	{CookieName + "=def; " + HostCookieName + "=abc"},
	{CookieName + "=def; " + CookieName + "=ghi; " + HostCookieName + "=abc"},
	{CookieName + "=def", HostCookieName + "=abc"},
	{HostCookieName + "=abc; " + HostCookieName + "=def; " + CookieName + "=abc"},
	{HostCookieName + "=; " + CookieName + "=def"},
	{"__host-" + CookieName + "=abc"},
	{"__Host-" + CookieName + "x=abc"},
}

// cookieOfNetHTTP is the session cookie as r.Cookie gives it — the
// HostCookieName cookie if r has one, else the CookieName cookie — or ""
// if r carries cookies of that name with different values
// (TestTossedSessionCookie).
func cookieOfNetHTTP(r *http.Request) string {
	name := HostCookieName
	c, err := r.Cookie(name)
	if err != nil {
		name = CookieName
		if c, err = r.Cookie(name); err != nil {
			return ""
		}
	}
	for _, o := range r.Cookies() {
		if o.Name == name && o.Value != c.Value {
			return ""
		}
	}
	return c.Value
}

func TestSessionCookieAsNetHTTP(t *testing.T) {
	for _, h := range cookieHeaders {
		r, _ := http.NewRequest("GET", "/", nil)
		if h != nil {
			r.Header["Cookie"] = h
		}
		if got, want := sessionCookie(r), cookieOfNetHTTP(r); got != want {
			t.Errorf("Cookie %q: %q, net/http gives %q", h, got, want)
		}
	}
}

func FuzzSessionCookieAsNetHTTP(f *testing.F) {
	for _, h := range cookieHeaders {
		if len(h) == 1 {
			f.Add(h[0])
		}
	}
	f.Fuzz(func(t *testing.T, line string) {
		r, _ := http.NewRequest("GET", "/", nil)
		r.Header["Cookie"] = []string{line}
		if got, want := sessionCookie(r), cookieOfNetHTTP(r); got != want {
			t.Errorf("Cookie %q: %q, net/http gives %q", line, got, want)
		}
	})
}

type otherKey struct{}

// TestSessionContextWith: the context SessionContextWith gives carries
// the session, the value, the request's own values and its cancellation,
// as WithSession and context.WithValue on it would; without a session,
// the value alone.
func TestSessionContextWith(t *testing.T) {
	s := open(t, Options{RowKey: testKey})
	tokens, err := s.NewSessions(context.Background(), "coop", []string{"ann"})
	if err != nil {
		t.Fatal(err)
	}
	type key struct{}
	for _, cookie := range []string{CookieName + "=" + tokens[0], "", CookieName + "=nobody"} {
		parent, cancel := context.WithCancel(context.WithValue(context.Background(), otherKey{}, "other"))
		r := httptest.NewRequestWithContext(parent, "POST", "/api/x", nil)
		if cookie != "" {
			r.Header.Set("Cookie", cookie)
		}
		ctx, ok := s.SessionContextWith(httptest.NewRecorder(), r, key{}, 42)
		if !ok {
			t.Fatalf("cookie %q: not ok", cookie)
		}
		sess := FromContext(ctx)
		if (sess != nil) != (cookie == CookieName+"="+tokens[0]) || sess != nil && sess.Person != "ann" {
			t.Errorf("cookie %q: session %+v", cookie, sess)
		}
		if ctx.Value(key{}) != 42 || ctx.Value(otherKey{}) != "other" || ctx.Value("none") != nil {
			t.Errorf("cookie %q: values %v %v %v", cookie, ctx.Value(key{}), ctx.Value(otherKey{}), ctx.Value("none"))
		}
		child, stop := context.WithCancel(ctx)
		cancel()
		select {
		case <-child.Done():
		case <-time.After(time.Second):
			t.Errorf("cookie %q: the request's end did not end a context made from it", cookie)
		}
		if ctx.Err() != context.Canceled {
			t.Errorf("cookie %q: err %v", cookie, ctx.Err())
		}
		stop()
	}
}

// TestHostCookieOverHTTPS: over https (SecureCookies, as an https
// --base-url sets, or a trusted proxy saying https) the session cookie is
// named with the __Host- prefix — Secure, Path=/, no Domain — so that no
// sibling host can set one of that name; over plain HTTP it keeps its old
// name. A session cookie of the old name, as a browser logged in before
// the server was switched to https carries, is still its session, until
// the browser logs out (which clears both names) — but not beside a
// __Host- cookie, which is read first: a cookie of the old name tossed by
// a sibling host then neither replaces the person's session nor, by
// differing from another, logs them out.
func TestHostCookieOverHTTPS(t *testing.T) {
	ctx := context.Background()
	login := func(s *Store, proto string) (*http.Cookie, []string) {
		t.Helper()
		codes, err := s.IssueCodes(ctx, "coop", []string{"ann"})
		if err != nil {
			t.Fatal(err)
		}
		r := httptest.NewRequest("POST", "/login", strings.NewReader(`{"code":"`+codes[0].Code+`"}`))
		r.Header.Set("Content-Type", "application/json")
		r.RemoteAddr = "127.0.0.1:4000"
		if proto != "" {
			r.Header.Set("X-Forwarded-Proto", proto)
		}
		w := httptest.NewRecorder()
		s.HandleLogin(nil).ServeHTTP(w, r)
		cs := w.Result().Cookies()
		if w.Code != http.StatusOK || len(cs) != 1 {
			t.Fatalf("login: %d, cookies %v", w.Code, cs)
		}
		return cs[0], w.Result().Header.Values("Set-Cookie")
	}
	proxy := []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}
	for name, c := range map[string]struct {
		opts  Options
		proto string
		host  bool
	}{
		"https base URL":   {Options{RowKey: testKey, SecureCookies: true}, "", true},
		"proxy says https": {Options{RowKey: testKey, TrustedProxies: proxy}, "https", true},
		"proxy says http":  {Options{RowKey: testKey, TrustedProxies: proxy}, "http", false},
		"plain HTTP":       {Options{RowKey: testKey}, "", false},
		"untrusted proxy":  {Options{RowKey: testKey}, "https", false},
	} {
		s := open(t, c.opts)
		ck, raw := login(s, c.proto)
		want := CookieName
		if c.host {
			want = HostCookieName
		}
		if ck.Name != want || ck.Secure != c.host || ck.Path != "/" || ck.Domain != "" || !ck.HttpOnly || strings.Contains(strings.ToLower(raw[0]), "domain=") {
			t.Errorf("%s: the session cookie %q; want named %s, Secure %v, Path=/, no Domain, HttpOnly", name, raw, want, c.host)
		}
		if sess, err := s.Session(ctx, ck.Value); err != nil || sess.Person != "ann" {
			t.Errorf("%s: the cookie's session: %+v %v", name, sess, err)
		}
	}

	s := open(t, Options{RowKey: testKey, SecureCookies: true})
	tokens, err := s.NewSessions(ctx, "coop", []string{"ann", "mallory", "bob", "eve"})
	if err != nil {
		t.Fatal(err)
	}
	ann, mallory, bob := tokens[0], tokens[1], tokens[2]
	for _, c := range []struct {
		cookies []string
		want    string
	}{
		{[]string{HostCookieName + "=" + ann}, "ann"},
		{[]string{CookieName + "=" + bob}, "bob"}, // logged in before the switch to https
		{[]string{"plenum_lang=de; " + CookieName + "=" + bob}, "bob"},
		{[]string{CookieName + "=" + mallory + "; " + HostCookieName + "=" + ann}, "ann"},
		{[]string{HostCookieName + "=" + ann + "; " + CookieName + "=" + mallory}, "ann"},
		{[]string{CookieName + "=" + mallory, CookieName + "=" + bob, HostCookieName + "=" + ann}, "ann"},
		{[]string{CookieName + "=" + mallory + "; " + CookieName + "=" + bob}, ""},
		{[]string{HostCookieName + "=" + mallory + "; " + HostCookieName + "=" + ann + "; " + CookieName + "=" + ann}, ""},
		{[]string{HostCookieName + "=nobody; " + CookieName + "=" + ann}, ""},
	} {
		if got := actsAs(s, c.cookies); got != c.want {
			t.Errorf("Cookie %q: acting as %q, want %q", c.cookies, got, c.want)
		}
	}

	// Logging out ends the session the cookies name and clears both
	// names: the __Host- one Secure, as it must be to be cleared.
	logout := func(cookies string) map[string]*http.Cookie {
		t.Helper()
		r := httptest.NewRequest("POST", "/logout", nil)
		r.Header.Set(CSRFHeader, "1")
		r.Header.Set("Cookie", cookies)
		w := httptest.NewRecorder()
		s.HandleLogout().ServeHTTP(w, r)
		if w.Code != http.StatusNoContent {
			t.Fatalf("logout: %d", w.Code)
		}
		out := map[string]*http.Cookie{}
		for _, c := range w.Result().Cookies() {
			out[c.Name] = c
		}
		return out
	}
	cleared := logout(HostCookieName + "=" + ann + "; " + CookieName + "=" + mallory)
	if _, err := s.Session(ctx, ann); err != ErrNoSession {
		t.Errorf("ann's session after she logged out: %v", err)
	}
	if _, err := s.Session(ctx, mallory); err != nil {
		t.Errorf("a tossed cookie's session was ended by ann's logout: %v", err)
	}
	if h, o := cleared[HostCookieName], cleared[CookieName]; h == nil || o == nil || h.MaxAge >= 0 || o.MaxAge >= 0 || !h.Secure || h.Path != "/" {
		t.Errorf("logout cleared %v; want both names, the __Host- one Secure with Path=/", cleared)
	}
	cleared = logout(CookieName + "=" + bob)
	if _, err := s.Session(ctx, bob); err != ErrNoSession {
		t.Errorf("bob's session (of the old name) after he logged out: %v", err)
	}
	if h, o := cleared[HostCookieName], cleared[CookieName]; h == nil || o == nil {
		t.Errorf("logout with the old name cleared %v; want both names", cleared)
	}
}
