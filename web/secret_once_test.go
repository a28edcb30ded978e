package web_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestSecretTokenCookieReplayedShowsNothing: the receipt page shows a
// secret ballot's token once; the same cookie sent again, as a client
// that does not clear it would, shows no token the second time (M2 of
// the delegates' review: it was shown for the cookie's ten minutes).
func TestSecretTokenCookieReplayedShowsNothing(t *testing.T) {
	h := newHall(t)
	chair, anna := h.browser("chair"), h.browser("anna")
	chair.act("chair", "open_vote", url.Values{"new:id": {"v"}, "a:motion": {"m1"}, "a:method": {"secret"}})
	resp := anna.act("delegate", "cast_ballot", url.Values{"a:vote": {"v1"}, "a:voter": {"anna"}, "a:choice": {"for"}})
	loc := resp.Header.Get("Location")
	c, session := tokenCookieOf(t, resp), anna.cookieOf()
	_, body := getCookies(t, h.srv, loc, session, c)
	m := tokenRe.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("the receipt page shows no token:\n%s", body)
	}
	resp, body = getCookies(t, h.srv, loc, session, c)
	if resp.StatusCode != 200 || strings.Contains(body, m[1]) || tokenRe.MatchString(body) || !strings.Contains(body, "shown once") {
		t.Fatalf("the same cookie again: %s, the token shown again or no word why:\n%s", resp.Status, body)
	}
}
