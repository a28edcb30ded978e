package auth

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// TestLoginLinkFromAnotherSite: a login link that another site makes the
// browser follow (Sec-Fetch-Site cross-site or same-site) logs nobody in —
// its maker could otherwise log a delegate's phone in as himself, and
// the delegate would vote under his name — and is passed to the login
// form, or refused without one; the same link opened by the person (none,
// or a browser that does not say) logs in. Nothing is counted against
// the code or the address.
func TestLoginLinkFromAnotherSite(t *testing.T) {
	ctx := context.Background()
	s := open(t, Options{RowKey: testKey})
	codes, err := s.IssueCodes(ctx, "coop", []string{"ann"})
	if err != nil {
		t.Fatal(err)
	}
	token, err := s.NewAdminToken(ctx)
	if err != nil {
		t.Fatal(err)
	}
	formCalls := 0
	form := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		formCalls++
		w.Write([]byte("the form"))
	})
	get := func(h http.Handler, query, site string) *httptest.ResponseRecorder {
		t.Helper()
		r := httptest.NewRequest("GET", "/login?"+query, nil)
		if site != "" {
			r.Header.Set("Sec-Fetch-Site", site)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	sessionSet := func(w *httptest.ResponseRecorder) bool {
		return strings.Contains(strings.Join(w.Result().Header.Values("Set-Cookie"), "\n"), CookieName+"=")
	}
	code := "code=" + url.QueryEscape(codes[0].Code)
	admin := "admin=" + url.QueryEscape(token)
	for _, site := range []string{"cross-site", "same-site"} {
		for _, q := range []string{code, admin} {
			before := formCalls
			w := get(s.HandleLogin(form), q, site)
			if sessionSet(w) || w.Code != http.StatusOK || formCalls != before+1 {
				t.Fatalf("%s, %s: %d, session set %v, form shown %v; want the form and no session", site, q[:5], w.Code, sessionSet(w), formCalls == before+1)
			}
			w = get(s.HandleLogin(nil), q, site)
			if sessionSet(w) || w.Code != http.StatusForbidden {
				t.Fatalf("%s, %s, no form: %d, session set %v; want 403 and no session", site, q[:5], w.Code, sessionSet(w))
			}
		}
	}
	// Opened by the person: logged in, the code and the token as good as
	// before the links from elsewhere.
	for i, site := range []string{"none", ""} {
		q := code
		if i == 1 {
			q = admin
		}
		if w := get(s.HandleLogin(form), q, site); !sessionSet(w) || w.Code != http.StatusSeeOther {
			t.Fatalf("Sec-Fetch-Site %q, %s: %d, session set %v; want logged in", site, q[:5], w.Code, sessionSet(w))
		}
	}
}

// TestNextIsNoLoginLink: "next", where a browser goes after logging in,
// is never a login link. Another site's link to the login form
// (/login?next=/login?code=HIS, shown as the form, since it names no
// code) would otherwise have a delegate log in with her own code and be
// sent on, by a redirect of this site's own — which the browser calls
// same-origin, not another site's — to his link, and log her phone in as
// him: the login forgery TestLoginLinkFromAnotherSite refuses, one step
// later.
func TestNextIsNoLoginLink(t *testing.T) {
	ctx := context.Background()
	s := open(t, Options{RowKey: testKey, Home: func(*Session) string { return "/home" }})
	codes, err := s.IssueCodes(ctx, "coop", []string{"ann", "mallory"})
	if err != nil {
		t.Fatal(err)
	}
	his := url.QueryEscape(codes[1].Code)
	for _, next := range []string{
		"/login?code=" + his,
		"/login?admin=" + his,
		"/login?next=/a&code=" + his,
		"/login/?code=" + his,
		"/./login?code=" + his,
		"/a/../login?code=" + his,
		"/%6Cogin?code=" + his,
		"/login?%63ode=" + his,
	} {
		if LocalPath(next) {
			t.Errorf("LocalPath(%q) = true; a login link is no place to send a browser", next)
		}
		body := url.Values{"code": {codes[0].Code}, "next": {next}}.Encode()
		r := httptest.NewRequest("POST", "/login", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set("Origin", "http://"+r.Host)
		w := httptest.NewRecorder()
		s.HandleLogin(nil).ServeHTTP(w, r)
		if loc := w.Header().Get("Location"); w.Code != http.StatusSeeOther || loc != "/home" {
			t.Errorf("logged in with next=%q: %d to %q; want sent home", next, w.Code, loc)
		}
	}
	// A path to the form itself, or with a code that is no login's, is
	// still a place to go.
	for _, next := range []string{"/login", "/login?next=/a/coop", "/a/coop?code=x"} {
		if !LocalPath(next) {
			t.Errorf("LocalPath(%q) = false; want true", next)
		}
	}
}
