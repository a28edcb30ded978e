package auth

import (
	"context"
	"net/http"
	"net/http/httptest"
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
}

// cookieOfNetHTTP is the session cookie as r.Cookie gives it, or "" if
// r carries session cookies of different values (TestTossedSessionCookie).
func cookieOfNetHTTP(r *http.Request) string {
	c, err := r.Cookie(CookieName)
	if err != nil {
		return ""
	}
	for _, o := range r.Cookies() {
		if o.Name == CookieName && o.Value != c.Value {
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
	s := open(t, Options{})
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
