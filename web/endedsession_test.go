package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"plenum/auth"
)

// endedNoteRe finds the login page's note of an ended session.
var endedNoteRe = regexp.MustCompile(`<p class="msg warn ended-session" role="alert">([^<]*)</p>`)

// endedNote is the note the login page a browser lands on shows, after
// following the page path's redirect to it ("" if none).
func (b *browser) endedNote(path string, header http.Header) string {
	b.h.t.Helper()
	resp, body := b.getWith(path, header)
	if loc := resp.Header.Get("Location"); resp.StatusCode == http.StatusSeeOther && strings.HasPrefix(loc, "/login") {
		resp, body = b.getWith(loc, header)
	}
	if !strings.Contains(body, `action="/login"`) {
		b.h.t.Fatalf("%s: %s, no login page:\n%s", path, resp.Status, body)
	}
	if m := endedNoteRe.FindStringSubmatch(body); m != nil {
		return m[1]
	}
	return ""
}

// cookieOf is the session cookie of b's jar.
func (b *browser) cookieOf() *http.Cookie {
	b.h.t.Helper()
	u, _ := url.Parse(b.h.srv.URL)
	for _, c := range b.c.Jar.Cookies(u) {
		if c.Name == auth.CookieName {
			return c
		}
	}
	b.h.t.Fatal("no session cookie")
	return nil
}

// TestRevokedDelegateIsToldWhy: a delegate whose access code the mandate
// commission revoked lands, on their next page load, on the login page
// that says when, by whom (named as the record names them, with their
// office), and why, in the page's language; another delegate's browser
// is told nothing of it, and neither is a browser whose session its
// person ended with a plain logout. A session ended from the person's
// other device says so. A reason written right to left is isolated.
func TestRevokedDelegateIsToldWhy(t *testing.T) {
	h := newHall(t)
	anna, boris := h.browser("anna"), h.browser("boris")
	if n := anna.endedNote("/login", nil); n != "" {
		t.Fatalf("a live session's login page says %q", n)
	}
	mc := h.browser("mc")
	if resp, _ := mc.postPage("mandates", "/a/coop/revoke-codes", url.Values{"persons": {"anna"}, "reason": {"card lost"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("revoke: %s", resp.Status)
	}
	revoked := time.Now()

	note := anna.endedNote("/a/coop/delegate", nil)
	m := regexp.MustCompile(`^Your session on this device ended at (\d\d:\d\d): your access code was revoked by Misha Commission \(mandate commission\): card lost\. If you did not ask for this, go to the mandate commission now\.$`).FindStringSubmatch(note)
	if m == nil {
		t.Fatalf("anna's next page load says %q", note)
	}
	if m[1] != revoked.Format("15:04") && m[1] != revoked.Add(-time.Minute).Format("15:04") {
		t.Errorf("the note says the session ended at %s; it ended at %s", m[1], revoked.Format("15:04"))
	}
	if de := anna.endedNote("/login", http.Header{"Accept-Language": {"de"}}); !strings.HasPrefix(de, "Ihre Sitzung auf diesem Gerät endete um "+m[1]+": Ihr Zugangscode wurde widerrufen von Misha Commission (Mandatsprüfungskommission): card lost.") {
		t.Errorf("in German: %q", de)
	}
	if n := boris.endedNote("/login", nil); n != "" {
		t.Errorf("boris's login page, after anna's revocation: %q", n)
	}

	// A plain logout: the cookie it held, sent again, is told nothing.
	clara := h.browser("clara")
	cookie := clara.cookieOf()
	clara.post("/logout", url.Values{}, nil)
	stale := h.browser("")
	u, _ := url.Parse(h.srv.URL)
	stale.c.Jar.SetCookies(u, []*http.Cookie{{Name: auth.CookieName, Value: cookie.Value, Path: "/"}})
	if n := stale.endedNote("/a/coop/delegate", nil); n != "" {
		t.Errorf("the cookie of a session its person logged out of: %q", n)
	}

	// "Log out everywhere else" from boris's laptop: his phone is told.
	phone := h.browser("boris")
	if resp, _ := boris.postPage("sessions", "/a/coop/sessions", url.Values{}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("log out everywhere else: %s", resp.Status)
	}
	if n := phone.endedNote("/a/coop/delegate", nil); !regexp.MustCompile(`^Your session on this device ended at \d\d:\d\d: it was ended from another device logged in with your access code`).MatchString(n) {
		t.Errorf("boris's phone, after he logged out everywhere else: %q", n)
	}
	if n := boris.endedNote("/login", nil); n != "" {
		t.Errorf("the session that logged out everywhere else: %q", n)
	}

	// A reason written right to left is isolated, so that the sentence
	// around it keeps its order.
	dmitri := h.browser("dmitri")
	if resp, _ := mc.postPage("mandates", "/a/coop/revoke-codes", url.Values{"persons": {"dmitri"}, "reason": {"הכרטיס אבד"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("revoke: %s", resp.Status)
	}
	if n := dmitri.endedNote("/a/coop/", nil); !strings.Contains(n, "(mandate commission): \u2068הכרטיס אבד\u2069. If you") {
		t.Errorf("a reason written right to left: %q", n)
	}
}
