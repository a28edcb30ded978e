package auth

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"plenum/fault/pgfault"
	"plenum/store/postgres/pgtest"
)

// TestMiddlewareDatabaseDown: a session cookie that cannot be looked up
// because the database cannot be reached (PostgreSQL restarting, the node
// cut off from it) is answered 503 with Retry-After, and the request goes
// no further — not on as the public's, which answered a delegate's
// command 401 "Please log in" while PostgreSQL was down
// (TestClusterPostgresRestarts). An unknown cookie with the database up
// still goes on as the public's, and the session works again once the
// database is back.
func TestMiddlewareDatabaseDown(t *testing.T) {
	pdsn, proxy := pgfault.Proxied(t, pgtest.Fresh(t))
	s := openAt(t, pdsn, Options{RowKey: testKey})
	ctx := context.Background()
	link, err := s.BootstrapAdmin(ctx, "http://x")
	if err != nil || link == "" {
		t.Fatalf("BootstrapAdmin: %q %v", link, err)
	}
	_, token, err := s.LoginAdmin(ctx, strings.TrimPrefix(link, "http://x/login?admin="))
	if err != nil {
		t.Fatal(err)
	}
	var reached, asAdmin int
	h := s.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached++
		if sess := FromContext(r.Context()); sess != nil && sess.Admin {
			asAdmin++
		}
	}))
	get := func(cookie string, accept string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("POST", "/api/assemblies/x/commands", nil)
		r.AddCookie(&http.Cookie{Name: CookieName, Value: cookie})
		r.Header.Set("Accept", accept)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	if w := get(token, "application/json"); w.Code != 200 || asAdmin != 1 {
		t.Fatalf("with the database up: %d, reached as the administrator %d times", w.Code, asAdmin)
	}
	proxy.SetDown(true)
	w := get(token, "application/json")
	var p struct {
		Status int
		Code   string
	}
	json.Unmarshal(w.Body.Bytes(), &p)
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") != "1" || p.Code != "unavailable" || p.Status != 503 {
		t.Fatalf("with the database down: %d (Retry-After %q) %s", w.Code, w.Header().Get("Retry-After"), w.Body)
	}
	if reached != 1 {
		t.Fatalf("the request with the database down went on to the handler (%d requests reached it)", reached)
	}
	r := httptest.NewRequest("GET", "/", nil)
	r.AddCookie(&http.Cookie{Name: CookieName, Value: token})
	pw := httptest.NewRecorder()
	h.ServeHTTP(pw, r)
	if pw.Code != http.StatusServiceUnavailable || !strings.Contains(pw.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("a page with the database down: %d %s", pw.Code, pw.Header().Get("Content-Type"))
	}
	proxy.SetDown(false)
	if w := get(token, "application/json"); w.Code != 200 || asAdmin != 2 {
		t.Fatalf("with the database back: %d %s, reached as the administrator %d times", w.Code, w.Body, asAdmin)
	}
	// A network that holds every byte: answered 503 within
	// SessionLookupTimeout (and a little), not held until it heals
	// (TestClusterWriterCutOff: the client gave up after 10 s).
	proxy.Stall(true)
	heal := time.AfterFunc(5*time.Second, func() { proxy.Stall(false) }) // else a held request would hold the test
	start := time.Now()
	w = get(token, "application/json")
	took := time.Since(start)
	heal.Stop()
	proxy.Stall(false)
	if w.Code != http.StatusServiceUnavailable || took > SessionLookupTimeout+time.Second || reached != 2 {
		t.Fatalf("with the network stalled: %d after %v (reached the handler %d times) %s", w.Code, took, reached, w.Body)
	}
	if w := get(token, "application/json"); w.Code != 200 || asAdmin != 3 {
		t.Fatalf("with the database back: %d %s, reached as the administrator %d times", w.Code, w.Body, asAdmin)
	}
	if w := get("no-such-session", "application/json"); w.Code != 200 || reached != 4 || asAdmin != 3 {
		t.Fatalf("an unknown cookie: %d, reached %d times, as the administrator %d", w.Code, reached, asAdmin)
	}
}
