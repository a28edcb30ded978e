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
	s := open(t, Options{})
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
