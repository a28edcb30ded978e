package auth

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestOldCookieOverHTTPSBounded: a browser logged in over plain HTTP
// before a server was switched to https carries the old cookie name,
// which a sibling host can set too. Over https the old name is read only
// for a session made before the server first served over https, and only
// within OldCookieGrace of that: such a session is re-issued under the
// __Host- name (same token) and the old cookie cleared, so that the
// browser no longer needs it. A session made after the switch (one a
// sibling host planted under the old name) is refused over https, and
// every old-name cookie past the grace; the __Host- cookie goes on, and
// over plain HTTP the old name is read as ever. The time of the switch
// is kept in the database: another store on it (a restart, another
// node) keeps the same bounds. SQLite and PostgreSQL.
func TestOldCookieOverHTTPSBounded(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			var clock atomic.Int64
			t0 := time.Now()
			clock.Store(t0.UnixNano())
			at := func(d time.Duration) { clock.Store(t0.Add(d).UnixNano()) }
			opts := Options{RowKey: testKey, SessionTTL: 60 * 24 * time.Hour, Now: func() time.Time { return time.Unix(0, clock.Load()) }}
			db := fresh(t)
			s := openAt(t, db, opts)
			session := func(person string) string {
				t.Helper()
				tokens, err := s.NewSessions(ctx, "coop", []string{person})
				if err != nil {
					t.Fatal(err)
				}
				return tokens[0]
			}
			ann := session("ann")
			request := func(s *Store, https bool, cookie string) (string, map[string]*http.Cookie) {
				t.Helper()
				return cookieRequest(t, s, https, cookie)
			}
			old := func(tok string) string { return CookieName + "=" + tok }

			// The switch: the first request over https, an hour on.
			at(time.Hour)
			who, set := request(s, true, old(ann))
			h, o := set[HostCookieName], set[CookieName]
			if who != "ann" || h == nil || h.Value != ann || !h.Secure || !h.HttpOnly || h.Path != "/" || h.Domain != "" || o == nil || o.MaxAge >= 0 {
				t.Fatalf("ann's old cookie over https after the switch: acting as %q, cookies set %v; want ann, re-issued under %s and the old one cleared", who, set, HostCookieName)
			}
			if who, set := request(s, true, HostCookieName+"="+ann); who != "ann" || len(set) != 0 {
				t.Fatalf("ann's re-issued cookie: acting as %q, cookies set %v", who, set)
			}

			// A session made after the switch, planted under the old
			// name: refused over https (and the cookie cleared), read
			// over plain HTTP as ever.
			at(2 * time.Hour)
			mallory := session("mallory")
			if who, set := request(s, true, old(mallory)); who != "" || set[HostCookieName] != nil || set[CookieName] == nil || set[CookieName].MaxAge >= 0 {
				t.Fatalf("a session made after the switch, under the old name over https: acting as %q, cookies set %v; want no one, the old cookie cleared", who, set)
			}
			if who, _ := request(s, false, old(mallory)); who != "mallory" {
				t.Fatalf("the old name over plain HTTP: acting as %q, want mallory", who)
			}

			// Another store on the database (a restart, another node)
			// keeps the time of the switch.
			s2 := openAt(t, db, opts)
			at(OldCookieGrace - time.Minute)
			if who, set := request(s2, true, old(ann)); who != "ann" || set[HostCookieName] == nil {
				t.Fatalf("ann's old cookie over https, through another store, within the grace: acting as %q, cookies %v", who, set)
			}
			if who, _ := request(s2, true, old(mallory)); who != "" {
				t.Fatalf("mallory's old cookie over https, through another store: acting as %q", who)
			}

			// Past the grace, the old name is refused over https, and the
			// __Host- one goes on.
			at(time.Hour + OldCookieGrace)
			for _, st := range []*Store{s, s2} {
				if who, set := request(st, true, old(ann)); who != "" || set[HostCookieName] != nil {
					t.Fatalf("ann's old cookie over https past the grace: acting as %q, cookies %v; want refused", who, set)
				}
				if who, _ := request(st, true, HostCookieName+"="+ann); who != "ann" {
					t.Fatalf("ann's __Host- cookie past the grace: acting as %q", who)
				}
				if who, _ := request(st, false, old(ann)); who != "ann" {
					t.Fatalf("ann's old cookie over plain HTTP past the grace: acting as %q", who)
				}
			}
		})
	}
}

// TestFirstLoginOverHTTPSIsAfterTheSwitch: when the server's first
// request over https is a login, the switch is noted before its session
// is made, so that its token, planted by a sibling host under the old
// name, is refused over https as any session made after the switch.
func TestFirstLoginOverHTTPSIsAfterTheSwitch(t *testing.T) {
	ctx := context.Background()
	s := open(t, Options{RowKey: testKey})
	codes, err := s.IssueCodes(ctx, "coop", []string{"mallory"})
	if err != nil {
		t.Fatal(err)
	}
	r := httptest.NewRequest("POST", "https://congress.example.org/login", strings.NewReader(`{"code":"`+codes[0].Code+`"}`))
	r.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	s.HandleLogin(nil).ServeHTTP(w, r)
	cs := w.Result().Cookies()
	if w.Code != http.StatusOK || len(cs) != 1 || cs[0].Name != HostCookieName {
		t.Fatalf("login over https: %d, cookies %v", w.Code, cs)
	}
	if who := actsAs(s, []string{HostCookieName + "=" + cs[0].Value}); who != "mallory" {
		t.Fatalf("the login's cookie: acting as %q", who)
	}
	who, _ := cookieRequest(t, s, true, CookieName+"="+cs[0].Value)
	if who != "" {
		t.Fatalf("its token under the old name over https: acting as %q, want no one", who)
	}
}

// cookieRequest sends a request with the Cookie header cookie, over https
// or plain HTTP, through s's Middleware, and returns the person it acted
// as ("" for none) and the cookies its answer set.
func cookieRequest(t *testing.T, s *Store, https bool, cookie string) (string, map[string]*http.Cookie) {
	t.Helper()
	target := "http://congress.example.org/"
	if https {
		target = "https://congress.example.org/"
	}
	r := httptest.NewRequest("GET", target, nil)
	r.Header.Set("Cookie", cookie)
	w := httptest.NewRecorder()
	who := ""
	s.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if sess := FromContext(r.Context()); sess != nil {
			who = sess.Person
		}
	})).ServeHTTP(w, r)
	if w.Code != http.StatusOK {
		t.Fatalf("cookie %q: %d", cookie, w.Code)
	}
	set := map[string]*http.Cookie{}
	for _, c := range w.Result().Cookies() {
		set[c.Name] = c
	}
	return who, set
}
