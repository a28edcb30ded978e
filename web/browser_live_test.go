package web_test

import (
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"plenum/web"
)

// TestBrowserStreamRefusedThenBack: a browser gives up an event stream for
// good when it is answered other than 200 — a 503 while the
// database is out, a 409 from a cluster's node not yet caught up. The page
// must open a fresh one by itself once the server takes streams again, and
// catch up: a vote opened meanwhile comes to the phone without a reload.
func TestBrowserStreamRefusedThenBack(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	var refuse atomic.Bool
	h := newEmptyHallWith(t, web.Options{BaseURL: hallBaseURL}, func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if refuse.Load() && strings.HasSuffix(r.URL.Path, "/events") {
				w.Header().Set("Retry-After", "1")
				http.Error(w, "the database cannot be reached", http.StatusServiceUnavailable)
				return
			}
			next.ServeHTTP(w, r)
		})
	})
	h.setup()
	s := newSession(t, h)

	refuse.Store(true)
	anna := s.openWith("anna", 390, 844, "/a/coop/delegate", false)
	eval[bool](s, anna, `window.plenumNoReload = true`)
	// The browser's first answer is 503: it gives the stream up for good;
	// only a fresh EventSource can bring it back.
	s.until(anna, "the refusal seen", `new Promise(r => setTimeout(() => r(!document.body.hasAttribute("data-live-connected")), 1500))`)
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	refuse.Store(false)

	s.until(anna, "the stream back", `document.body.hasAttribute("data-live-connected")`)
	s.until(anna, "the vote opened meanwhile comes", `document.querySelector("#ballot button.choice-for") !== null`)
	s.notReloaded(anna)
}
