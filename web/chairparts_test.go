package web_test

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"plenum/auth"
)

// The chair's console keeps its live regions for each state of the
// assembly and language (stateKept "chair-regions"), with holes for what
// is one officer's or one render's: the forms' hidden fields and the
// clocks. Two officers who read the console in turn, in one state, each
// get their own anti-forgery token in every form, never the other's, a
// key of its own in every form of every render, and the clock of their
// render.
func TestChairConsoleKeptShowsEachOfficerTheirOwn(t *testing.T) {
	var tick atomic.Int64
	opts := fixedOptions()
	opts.Now = func() time.Time { return fixedNow.Add(time.Duration(tick.Add(1)) * time.Second) }
	h := newEmptyHallWith(t, opts, nil)
	h.at = fixedNow.Add(-2 * time.Hour)
	h.setup()
	tourSteps(h)
	h.must("admin", "grant_role", obj{"person": "sec", "role": "chair"})
	h.must("chair", "give_floor", obj{"item": "i1"}) // a countdown on the console
	rh := withSessions(t, "two officers", h, asm, "chair", "sec")

	render := func(who, path string) string {
		t.Helper()
		req := httptest.NewRequest("GET", path, nil)
		req.AddCookie(&http.Cookie{Name: auth.CookieName, Value: rh.sessions[who]})
		w := httptest.NewRecorder()
		h.srv.Config.Handler.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			t.Fatalf("%s %s: %d %s", who, path, w.Code, w.Body)
		}
		return w.Body.String()
	}
	// Each officer's own token, as a page that keeps nothing shows it.
	own := map[string]string{}
	for _, who := range []string{"chair", "sec"} {
		m := csrfRe.FindStringSubmatch(render(who, "/a/"+asm+"/chair/agenda"))
		if m == nil {
			t.Fatalf("no form token on %s's agenda", who)
		}
		own[who] = m[1]
	}
	if own["chair"] == own["sec"] {
		t.Fatal("the two officers have the same token")
	}
	keyRe := regexp.MustCompile(`name="key" value="(web-[0-9a-f]+)"`)
	nowRe := regexp.MustCompile(`data-server-now="([0-9]+)"`)
	keys, nows := map[string]string{}, map[string]bool{}
	for i, who := range []string{"chair", "sec", "chair", "sec", "chair"} {
		for _, path := range []string{"/a/" + asm + "/chair?fragment=live", "/a/" + asm + "/chair"} {
			page := render(who, path)
			tokens := csrfRe.FindAllStringSubmatch(page, -1)
			if len(tokens) < 5 {
				t.Fatalf("render %d of %s for %s: %d forms, want the console's", i, path, who, len(tokens))
			}
			for _, m := range tokens {
				if m[1] != own[who] {
					t.Fatalf("render %d of %s for %s shows the token %q, not theirs (%q)", i, path, who, m[1], own[who])
				}
			}
			for _, m := range keyRe.FindAllStringSubmatch(page, -1) {
				if was, ok := keys[m[1]]; ok {
					t.Fatalf("render %d of %s for %s repeats the key %s of %s", i, path, who, m[1], was)
				}
				keys[m[1]] = who + " " + path
			}
			now := nowRe.FindStringSubmatch(page)
			if now == nil {
				t.Fatalf("render %d of %s for %s: no countdown", i, path, who)
			}
			if nows[now[1]] {
				t.Fatalf("render %d of %s for %s: the countdown's clock %s of an earlier render", i, path, who, now[1])
			}
			nows[now[1]] = true
			if other := own[map[string]string{"chair": "sec", "sec": "chair"}[who]]; strings.Contains(page, other) {
				t.Fatalf("render %d of %s for %s shows the other officer's token", i, path, who)
			}
		}
	}
}
