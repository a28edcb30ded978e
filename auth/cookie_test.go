package auth

import (
	"net/http"
	"testing"
)

// cookieHeaders are Cookie headers sessionCookie must read as r.Cookie
// does: the plain one it reads itself, and the others it hands to
// r.Cookie.
var cookieHeaders = [][]string{
	nil,
	{""},
	{CookieName + "=abc"},
	{CookieName + "="},
	{CookieName + "=abc", CookieName + "=def"},
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

func cookieOfNetHTTP(r *http.Request) string {
	c, err := r.Cookie(CookieName)
	if err != nil {
		return ""
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
			t.Errorf("Cookie %q: %q, r.Cookie gives %q", h, got, want)
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
			t.Errorf("Cookie %q: %q, r.Cookie gives %q", line, got, want)
		}
	})
}
