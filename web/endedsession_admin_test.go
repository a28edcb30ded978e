package web_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestAdministratorIsToldWhyHisSessionEnded: a server administrator
// whose session the operator's new administrator link ended (plenum
// access admin-link --end-sessions) is told so on his next page load, in
// the page's language, and to log in with that link; one whose session
// another device of his ended ("Log out everywhere else", from a device
// he brought in with a device link) is told in his words — neither note
// speaks of an access code or of the mandate commission, which a server
// administrator has not.
func TestAdministratorIsToldWhyHisSessionEnded(t *testing.T) {
	h := newHall(t)
	ctx := context.Background()

	// Another device of his, brought in with a device link, logs out
	// everywhere else: the laptop is told.
	laptop := h.adminBrowser()
	link, _, err := h.auth.NewDeviceLink(ctx, laptop.cookieOf().Value)
	if err != nil {
		t.Fatal(err)
	}
	phone := h.browser("")
	if code, _, _ := phone.get("/login?admin=" + url.QueryEscape(link)); code != http.StatusSeeOther {
		t.Fatalf("the device link: %d", code)
	}
	if resp, _ := phone.postPage("sessions", "/a/coop/sessions", url.Values{}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("log out everywhere else: %s", resp.Status)
	}
	note := html.UnescapeString(laptop.endedNote("/a/coop/chair", nil))
	if !regexp.MustCompile(`^Your session on this device ended at \d\d:\d\d: it was ended from another device logged in as you, the server administrator \(“Log out everywhere else” on the sessions page\)\. If that was not you, someone else is logged in as you: ask the server's operator now for a new administrator link with --end-sessions`).MatchString(note) {
		t.Errorf("the administrator's laptop, after his phone logged out everywhere else: %q", note)
	}
	for _, wrong := range []string{"access code", "mandate commission"} {
		if strings.Contains(note, wrong) {
			t.Errorf("the administrator's note speaks of the %s: %q", wrong, note)
		}
	}

	// The operator's new link with --end-sessions: both administrators'
	// browsers are told, a delegate's is not.
	other, anna := h.adminBrowser(), h.browser("anna")
	if _, err := h.auth.ResetAdmin(ctx, true); err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string]*browser{"his phone": phone, "another administrator": other} {
		note := html.UnescapeString(b.endedNote("/a/coop/chair", nil))
		if !regexp.MustCompile(`^Your session on this device ended at \d\d:\d\d, by a new administrator link made on the server's console\. Log in with that link; if you did not ask the server's operator for it, tell them now\.$`).MatchString(note) {
			t.Errorf("%s, after a new administrator link with --end-sessions: %q", name, note)
		}
	}
	if de := other.endedNote("/login", http.Header{"Accept-Language": {"de"}}); !strings.Contains(de, "durch einen neuen Administratorlink, der an der Konsole des Servers erstellt wurde") {
		t.Errorf("in German: %q", de)
	}
	if n := anna.endedNote("/login", nil); n != "" {
		t.Errorf("a delegate's login page, after the administrators' sessions ended: %q", n)
	}
	if _, err := h.auth.Session(ctx, anna.cookieOf().Value); err != nil {
		t.Errorf("the delegate's session, after a new administrator link: %v", err)
	}
}
