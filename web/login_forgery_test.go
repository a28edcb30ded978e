package web_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestLoginLinkFromAnotherSiteShowsTheForm: a login link another site made
// the browser follow logs nobody in (auth.HandleLogin); the page is the
// login form, filled in with the link's code (or carrying the
// administrator's token), saying why, for the person to log in with one
// tap. Logging in from it works; the same link opened by the person
// logs in at once.
func TestLoginLinkFromAnotherSiteShowsTheForm(t *testing.T) {
	h := newHall(t)
	code := h.codes["anna"]
	token, err := h.auth.NewAdminToken(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	b := h.browser("")
	fetch := func(query, site string) (*http.Response, string) {
		t.Helper()
		return b.getWith("/login?"+query, http.Header{"Sec-Fetch-Site": {site}})
	}
	const why = "You came here by a link from another site"
	res, body := fetch("code="+url.QueryEscape(code)+"&next=/a/coop/", "cross-site")
	if res.StatusCode != http.StatusOK || len(res.Cookies()) != 0 || !strings.Contains(body, why) ||
		!strings.Contains(body, `value="`+html.EscapeString(code)+`"`) || !strings.Contains(body, `name="next" value="/a/coop/"`) {
		t.Fatalf("a code link from another site: %s, cookies %v; want the form filled in, saying why, and no session:\n%s", res.Status, res.Cookies(), body)
	}
	res, body = fetch("admin="+url.QueryEscape(token), "same-site")
	if res.StatusCode != http.StatusOK || len(res.Cookies()) != 0 || !strings.Contains(body, `name="admin" value="`+html.EscapeString(token)+`"`) {
		t.Fatalf("an administrator's link from a sibling site: %s; want the form carrying the token, and no session:\n%s", res.Status, body)
	}
	// The form's tap logs anna in.
	if r := b.post("/login", url.Values{"code": {code}, "next": {"/a/coop/"}}, nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("logging in from the form: %s", r.Status)
	}
	if _, page, _ := b.get("/a/coop/delegate"); !strings.Contains(page, "Anna") {
		t.Fatal("anna is not logged in after the form")
	}
	// Opened by the person, the link logs in at once, and the plain login
	// page says nothing of other sites.
	b = h.browser("")
	if res, _ := fetch("code="+url.QueryEscape(h.codes["boris"]), "none"); res.StatusCode != http.StatusSeeOther || len(res.Cookies()) == 0 {
		t.Fatalf("boris's link opened by himself: %s", res.Status)
	}
	if _, page, _ := h.browser("").get("/login"); strings.Contains(page, why) || !strings.Contains(page, `name="code"`) {
		t.Fatal("the plain login page shows the other-site notice, or no code field")
	}
}
