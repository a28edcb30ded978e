package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"plenum/auth"
)

// TestSessionsPageEndsTheOthers: a delegate logged in on two browsers
// (her phone, and whoever photographed her card) sees both on the
// sessions page, this device marked; "log out everywhere else" ends the
// other at once and leaves hers; another person's sessions are never
// listed nor ended; a form forged by another site, or without the
// page's token, ends nothing.
func TestSessionsPageEndsTheOthers(t *testing.T) {
	h := newHall(t)
	phone, thief := h.browser("anna"), h.browser("anna")
	boris, borisToo := h.browser("boris"), h.browser("boris")
	sessions := func(b *browser) (int, string) {
		t.Helper()
		code, body, _ := b.get("/a/coop/sessions")
		if code != http.StatusOK {
			t.Fatalf("the sessions page: %d", code)
		}
		return strings.Count(body, "<li>"), body
	}
	loggedIn := func(b *browser) bool {
		t.Helper()
		code, _, _ := b.get("/a/coop/delegate")
		return code == http.StatusOK
	}
	if _, page, _ := phone.get("/a/coop/delegate"); !strings.Contains(page, `href="/a/coop/sessions"`) {
		t.Fatal("the delegate's page has no link to the sessions page")
	}
	n, page := sessions(phone)
	if n != 2 || strings.Count(page, "this device") != 1 || !strings.Contains(page, "Log out everywhere else") || !strings.Contains(page, "re-issue your code") {
		t.Fatalf("anna's sessions page: %d sessions, want 2, this device marked once:\n%s", n, page)
	}
	if n, _ := sessions(boris); n != 2 {
		t.Fatalf("boris's sessions page lists %d sessions, want his two", n)
	}
	token := csrfRe.FindStringSubmatch(page)[1]
	for name, c := range map[string]struct {
		form   url.Values
		origin string
	}{
		"another site": {url.Values{"csrf": {token}}, "https://evil.example"},
		"no token":     {url.Values{}, h.srv.URL},
		"wrong token":  {url.Values{"csrf": {"00112233445566778899aabbccddeeff"}}, h.srv.URL},
	} {
		phone.post("/a/coop/sessions", c.form, http.Header{"Origin": {c.origin}})
		if !loggedIn(thief) {
			t.Fatalf("%s: a forged form ended the other session", name)
		}
	}
	// Boris ends his other: anna's two live on.
	if resp, _ := boris.postPage("sessions", "/a/coop/sessions", url.Values{}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("boris logs out everywhere else: %s", resp.Status)
	}
	if loggedIn(borisToo) || !loggedIn(boris) {
		t.Fatal("boris's other session lives on")
	}
	if n, page := sessions(boris); n != 1 || strings.Contains(page, "Log out everywhere else") {
		t.Fatalf("boris's sessions page lists %d sessions, want his one, no button", n)
	}
	if !loggedIn(phone) || !loggedIn(thief) {
		t.Fatal("boris ending his other sessions ended someone's")
	}
	resp, _ := phone.postPage("sessions", "/a/coop/sessions", url.Values{})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/a/coop/sessions" {
		t.Fatalf("log out everywhere else: %s to %q", resp.Status, resp.Header.Get("Location"))
	}
	if loggedIn(thief) {
		t.Fatal("the other session still works after 'log out everywhere else'")
	}
	if !loggedIn(boris) {
		t.Fatal("anna ending her other sessions ended boris's")
	}
	n, page = sessions(phone)
	if n != 1 || !strings.Contains(page, "this device") || !strings.Contains(page, "Logged out everywhere else (sessions ended: 1)") || !strings.Contains(page, "You are logged in only here.") {
		t.Fatalf("anna's sessions page after: %d sessions:\n%s", n, page)
	}
	// The public is sent to log in.
	if code, _, hd := h.browser("").get("/a/coop/sessions"); code != http.StatusSeeOther || !strings.HasPrefix(hd.Get("Location"), "/login") {
		t.Fatalf("the public's sessions page: %d to %q", code, hd.Get("Location"))
	}
}

// TestLoginLinkAsImageLogsNobodyIn: through the pages' server, a login
// link loaded as an image (<img src="/login?code=X"> on a page of this
// site) sets no session; opened as a page, or by a client that says
// nothing of its request (curl), it logs in.
func TestLoginLinkAsImageLogsNobodyIn(t *testing.T) {
	h := newHall(t)
	link := "/login?code=" + url.QueryEscape(h.codes["anna"])
	b := h.browser("")
	resp, body := b.getWith(link, http.Header{"Sec-Fetch-Mode": {"no-cors"}, "Sec-Fetch-Dest": {"image"}, "Sec-Fetch-Site": {"same-origin"}})
	if resp.StatusCode != http.StatusForbidden || len(resp.Cookies()) != 0 || !strings.Contains(body, "open it yourself") {
		t.Fatalf("the link as an image: %s, cookies %v:\n%s", resp.Status, resp.Cookies(), body)
	}
	for _, hd := range []http.Header{{"Sec-Fetch-Mode": {"navigate"}, "Sec-Fetch-Dest": {"document"}, "Sec-Fetch-Site": {"none"}}, nil} {
		if resp, _ := h.browser("").getWith(link, hd); resp.StatusCode != http.StatusSeeOther || len(resp.Cookies()) == 0 {
			t.Fatalf("the link opened (%v): %s, cookies %v", hd, resp.Status, resp.Cookies())
		}
	}
}

// TestSessionsPageTellsThemApart: the sessions page names the browser
// and platform each session logged in from ("Chrome on Android", "Safari
// on iPhone"; a program that is no known browser: "Unknown browser"),
// with when it logged in and when it was last used, so that a delegate
// can tell the session that is not hers. No User-Agent is shown: only
// the names auth keeps.
func TestSessionsPageTellsThemApart(t *testing.T) {
	h := newHall(t)
	const android = "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240905.003) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36"
	const iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
	loginFrom := func(ua string) *browser {
		t.Helper()
		b := h.browser("")
		resp := b.post("/login", url.Values{"code": {h.codes["anna"]}}, http.Header{"User-Agent": {ua}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("login from %q: %s", ua, resp.Status)
		}
		return b
	}
	phone := loginFrom(android)
	loginFrom(iphone)
	h.browser("anna") // Go's client: no browser of auth's list
	code, page, _ := phone.get("/a/coop/sessions")
	if code != http.StatusOK {
		t.Fatalf("the sessions page: %d", code)
	}
	if n := strings.Count(page, "<li>"); n != 3 {
		t.Fatalf("%d sessions listed, want 3:\n%s", n, page)
	}
	for _, want := range []string{
		"<strong>Chrome on Android</strong> · <strong>this device</strong>",
		"<strong>Safari on iPhone</strong>",
		"<strong>Unknown browser</strong>",
	} {
		if strings.Count(page, want) != 1 {
			t.Errorf("the sessions page does not show %q once:\n%s", want, page)
		}
	}
	if strings.Count(page, "Logged in ") != 3 || strings.Count(page, "last used ") != 3 {
		t.Errorf("the sessions page does not say for each session when it logged in and was last used:\n%s", page)
	}
	for _, leak := range []string{"Pixel", "AP2A", "131.0", "17_5", "Mozilla", "Go-http-client"} {
		if strings.Contains(page, leak) {
			t.Errorf("the sessions page shows %q of a User-Agent", leak)
		}
	}
}

// TestPageFormsWithHostCookie: a browser whose session cookie has the
// __Host- name (as over https, auth.HostCookieName) gets the pages' form
// token, and its forms are taken: "log out everywhere else" ends the
// other session. The token is made from the session cookie of either
// name, as the session is read.
func TestPageFormsWithHostCookie(t *testing.T) {
	h := newHall(t)
	other := h.browser("anna")
	u, _ := url.Parse(h.srv.URL)
	var token string
	for _, c := range h.browser("anna").c.Jar.Cookies(u) {
		if c.Name == auth.CookieName {
			token = c.Value
		}
	}
	if token == "" {
		t.Fatal("no session cookie after logging in")
	}
	phone := h.browser("")
	phone.c.Jar.SetCookies(u, []*http.Cookie{{Name: auth.HostCookieName, Value: token, Path: "/"}})
	resp, _ := phone.postPage("sessions", "/a/coop/sessions", url.Values{})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/a/coop/sessions" {
		t.Fatalf("log out everywhere else with the __Host- cookie: %s to %q", resp.Status, resp.Header.Get("Location"))
	}
	if code, _, _ := other.get("/a/coop/delegate"); code == http.StatusOK {
		t.Fatal("the other session lives on")
	}
	if code, _, _ := phone.get("/a/coop/delegate"); code != http.StatusOK {
		t.Fatalf("the __Host- cookie's own session: %d", code)
	}
}

// TestAdministratorsSessionsPagesApart: two server administrators, each
// logged in with a link of his own, act as the one person "admin", but
// each one's sessions page lists his own session alone, and his "log out
// everywhere else" (the page's form) ends nothing of the other's.
func TestAdministratorsSessionsPagesApart(t *testing.T) {
	h := newHall(t)
	admin := func() *browser {
		t.Helper()
		link, err := h.auth.NewAdminToken(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		b := h.browser("")
		if code, _, _ := b.get("/login?admin=" + url.QueryEscape(link)); code != http.StatusSeeOther {
			t.Fatalf("the administrator's link: %d", code)
		}
		return b
	}
	ann, ben := admin(), admin()
	page := func(b *browser) string {
		t.Helper()
		code, body, _ := b.get("/a/coop/sessions")
		if code != http.StatusOK {
			t.Fatalf("an administrator's sessions page: %d", code)
		}
		return body
	}
	for _, b := range []*browser{ann, ben} {
		if p := page(b); strings.Count(p, "<li>") != 1 || strings.Contains(p, `action="/a/coop/sessions">`) {
			t.Fatalf("an administrator's sessions page lists %d sessions, want his own alone, no button:\n%s", strings.Count(p, "<li>"), p)
		}
	}
	// The page shows him no button; the form sent all the same (its token
	// taken from another page of his) ends nothing of ben's.
	if resp, _ := ann.postPage("setup-organizations", "/a/coop/sessions", url.Values{}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("ann logs out everywhere else: %s", resp.Status)
	}
	if p := page(ann); !strings.Contains(p, "Logged out everywhere else (sessions ended: 0)") {
		t.Fatalf("ann's sessions page after logging out everywhere else:\n%s", p)
	}
	page(ben) // still logged in
}
