package web_test

import (
	"net/http"
	"net/url"
	"testing"
)

// TestBrowserRevokedDelegateIsToldWhy: at phone size in Chromium, the
// delegate's page, open when the mandate commission revokes her code,
// goes by itself to the login page, which says who revoked it and why.
func TestBrowserRevokedDelegateIsToldWhy(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	h := newHall(t)
	s := newSession(t, h)
	phone := s.open("anna", 360, 740, "/a/"+asm+"/delegate")
	mc := h.browser("mc")
	if resp, _ := mc.postPage("mandates", "/a/coop/revoke-codes", url.Values{"persons": {"anna"}, "reason": {"card lost"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("revoke: %s", resp.Status)
	}
	s.until(phone, "the delegate's page goes to the login page, which says why", `location.pathname === "/login" &&
		/^Your session on this device ended at \d\d:\d\d: your access code was revoked by Misha Commission \(mandate commission\): card lost\./.test(document.querySelector(".ended-session")?.textContent ?? "")`)
	s.until(phone, "no sideways scrolling", `document.documentElement.scrollWidth <= document.documentElement.clientWidth`)
	s.shot(phone, "ended-session-revoked-360")
}
