package auth

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func open(t *testing.T, opts Options) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "access.db"), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// count returns the number a counting query gives, failing the test if
// the query fails.
func count(t testing.TB, s *Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.db.R.QueryRow(s.db.Rebind(query), args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func TestCodeFormat(t *testing.T) {
	re := regexp.MustCompile(`^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$`)
	seen := map[string]bool{}
	for range 1000 {
		c := newCode()
		if !re.MatchString(c) {
			t.Fatalf("code %q has the wrong form", c)
		}
		if seen[c] {
			t.Fatalf("code %q issued twice", c)
		}
		seen[c] = true
	}
	if len(codeAlphabet) != 32 || 16*5 < CodeBits {
		t.Fatalf("codes carry fewer than %d bits", CodeBits)
	}
}

func TestIssueLoginLogout(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "access.db")
	s, err := Open(path, Options{RowKey: testKey})
	if err != nil {
		t.Fatal(err)
	}
	codes, err := s.IssueCodes(ctx, "coop", []string{"ann", "bob"})
	if err != nil || len(codes) != 2 {
		t.Fatal(codes, err)
	}
	// Case, spaces and dashes do not matter.
	typed := strings.ToLower(strings.ReplaceAll(codes[0].Code, "-", " "))
	sess, token, err := s.Login(ctx, typed)
	if err != nil {
		t.Fatal(err)
	}
	if sess.Assembly != "coop" || sess.Person != "ann" || sess.Admin {
		t.Fatalf("session %+v", sess)
	}
	if _, _, err := s.Login(ctx, "AAAA-BBBB-CCCC-DDDD"); err != ErrBadCode {
		t.Fatalf("bad code: %v", err)
	}
	// The code is stored only as a hash.
	var n int
	n = count(t, s, `SELECT count(*) FROM access_codes WHERE hash = ?`, []byte(codes[0].Code))
	if n != 0 {
		t.Fatal("a code is stored in the clear")
	}
	// Reissuing voids the earlier code.
	again, _ := s.IssueCodes(ctx, "coop", []string{"bob"})
	if _, _, err := s.Login(ctx, codes[1].Code); err != ErrBadCode {
		t.Fatalf("old code after reissue: %v", err)
	}
	if _, _, err := s.Login(ctx, again[0].Code); err != nil {
		t.Fatal(err)
	}
	// Sessions survive a restart.
	s.Close()
	s2, err := Open(path, Options{RowKey: testKey})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got, err := s2.Session(ctx, token)
	if err != nil || got.Person != "ann" || got.Assembly != "coop" {
		t.Fatalf("after restart: %+v %v", got, err)
	}
	if err := s2.Logout(ctx, token); err != nil {
		t.Fatal(err)
	}
	if _, err := s2.Session(ctx, token); err != ErrNoSession {
		t.Fatalf("after logout: %v", err)
	}
}

func TestExpiry(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 5, 9, 10, 0, 0, 0, time.UTC)
	s := open(t, Options{RowKey: testKey, Now: func() time.Time { return now }, CodeTTL: time.Hour, SessionTTL: time.Hour})
	codes, _ := s.IssueCodes(ctx, "coop", []string{"ann"})
	_, token, err := s.Login(ctx, codes[0].Code)
	if err != nil {
		t.Fatal(err)
	}
	now = now.Add(2 * time.Hour)
	if _, _, err := s.Login(ctx, codes[0].Code); err != ErrExpiredCode {
		t.Fatalf("expired code: %v", err)
	}
	if _, err := s.Session(ctx, token); err != ErrNoSession {
		t.Fatalf("expired session: %v", err)
	}
}

func TestBootstrapAdmin(t *testing.T) {
	ctx := context.Background()
	s := open(t, Options{RowKey: testKey})
	link1, err := s.BootstrapAdmin(ctx, "http://127.0.0.1:8080/")
	if err != nil || !strings.HasPrefix(link1, "http://127.0.0.1:8080/login?admin=") {
		t.Fatal(link1, err)
	}
	// A second start before anyone used it: a new link, the old one void.
	link2, _ := s.BootstrapAdmin(ctx, "http://127.0.0.1:8080")
	tok := func(l string) string { u, _ := url.Parse(l); return u.Query().Get("admin") }
	if _, _, err := s.LoginAdmin(ctx, tok(link1)); err != ErrBadToken {
		t.Fatalf("voided link: %v", err)
	}
	sess, _, err := s.LoginAdmin(ctx, tok(link2))
	if err != nil || !sess.Admin || sess.Person != AdminPerson || !sess.In("any") {
		t.Fatalf("%+v %v", sess, err)
	}
	if _, _, err := s.LoginAdmin(ctx, tok(link2)); err != ErrBadToken {
		t.Fatalf("link used twice: %v", err)
	}
	if l, err := s.BootstrapAdmin(ctx, "http://x"); l != "" || err != nil {
		t.Fatalf("bootstrap after an administrator logged in: %q %v", l, err)
	}
}

func TestHTTPLogin(t *testing.T) {
	ctx := context.Background()
	s := open(t, Options{RowKey: testKey, WrongCodesPerMinute: 3})
	codes, _ := s.IssueCodes(ctx, "coop", []string{"ann"})
	mux := http.NewServeMux()
	mux.Handle("/login", s.HandleLogin(nil))
	mux.Handle("/logout", s.HandleLogout())
	mux.Handle("/who", s.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if sess := FromContext(r.Context()); sess != nil {
			w.Write([]byte(sess.Person))
		} else {
			w.Write([]byte("public"))
		}
	})))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	// The QR link.
	res, err := noRedirect.Get(srv.URL + "/login?code=" + url.QueryEscape(codes[0].Code) + "&next=/a/coop")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/a/coop" {
		t.Fatalf("GET /login: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	var cookie *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == CookieName {
			cookie = c
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode || cookie.Secure {
		t.Fatalf("cookie %+v", cookie)
	}
	who := func(c *http.Cookie) string {
		req, _ := http.NewRequest("GET", srv.URL+"/who", nil)
		if c != nil {
			req.AddCookie(c)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var b strings.Builder
		buf := make([]byte, 64)
		n, _ := res.Body.Read(buf)
		b.Write(buf[:n])
		return b.String()
	}
	if got := who(cookie); got != "ann" {
		t.Fatalf("who = %q", got)
	}
	if got := who(&http.Cookie{Name: CookieName, Value: "forged"}); got != "public" {
		t.Fatalf("forged cookie: %q", got)
	}
	// An open redirect is refused.
	res, _ = noRedirect.Get(srv.URL + "/login?code=" + url.QueryEscape(codes[0].Code) + "&next=//evil.example")
	res.Body.Close()
	if res.Header.Get("Location") != "/" {
		t.Fatalf("next=//evil.example redirected to %q", res.Header.Get("Location"))
	}

	// JSON login, then a bad code, then the rate limit (burst 3).
	post := func(body string, hdr map[string]string) *http.Response {
		req, _ := http.NewRequest("POST", srv.URL+"/login", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		for k, v := range hdr {
			req.Header.Set(k, v)
		}
		res, err := noRedirect.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	res = post(`{"code":"`+codes[0].Code+`"}`, nil)
	var sess Session
	json.NewDecoder(res.Body).Decode(&sess)
	res.Body.Close()
	if res.StatusCode != 200 || sess.Person != "ann" || sess.Assembly != "coop" {
		t.Fatalf("JSON login: %d %+v", res.StatusCode, sess)
	}
	// Wrong codes: three are answered 401, the fourth 429; the correct
	// code still logs in, as often as it is given.
	for i := range 3 {
		res = post(`{"code":"AAAA-BBBB-CCCC-DDDD"}`, nil)
		res.Body.Close()
		if res.StatusCode != 401 {
			t.Fatalf("wrong code %d: %d", i+1, res.StatusCode)
		}
	}
	res = post(`{"code":"AAAA-BBBB-CCCC-DDDD"}`, nil)
	res.Body.Close()
	if res.StatusCode != 429 {
		t.Fatalf("fourth wrong code with an allowance of 3: %d", res.StatusCode)
	}
	if res.Header.Get("Retry-After") == "" {
		t.Fatal("429 without Retry-After")
	}
	for range 5 {
		res = post(`{"code":"`+codes[0].Code+`"}`, nil)
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Fatalf("the correct code after the limit: %d", res.StatusCode)
		}
	}

	// Logout: a cross-site form post is refused; with the header it works.
	req, _ := http.NewRequest("POST", srv.URL+"/logout", nil)
	req.AddCookie(cookie)
	req.Header.Set("Origin", "https://evil.example")
	res, _ = noRedirect.Do(req)
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-site logout: %d", res.StatusCode)
	}
	req, _ = http.NewRequest("POST", srv.URL+"/logout", nil)
	req.AddCookie(cookie)
	req.Header.Set(CSRFHeader, "1")
	res, _ = noRedirect.Do(req)
	res.Body.Close()
	if res.StatusCode != http.StatusNoContent {
		t.Fatalf("logout: %d", res.StatusCode)
	}
	if got := who(cookie); got != "public" {
		t.Fatalf("after logout: %q", got)
	}
}

func TestHTTPLoginErrors(t *testing.T) {
	s := open(t, Options{RowKey: testKey})
	srv := httptest.NewServer(s.HandleLogin(nil))
	defer srv.Close()
	for _, tc := range []struct {
		name, body, ctype string
		hdr               map[string]string
		want              int
	}{
		{"bad code", `{"code":"AAAA-BBBB-CCCC-DDDD"}`, "application/json", nil, 401},
		{"no code", `{}`, "application/json", nil, 400},
		{"malformed", `{"code":`, "application/json", nil, 400},
		{"form without origin or header", `code=AAAA`, "application/x-www-form-urlencoded", nil, 403},
		{"form from another site", `code=AAAA`, "application/x-www-form-urlencoded", map[string]string{"Origin": "http://evil.example"}, 403},
	} {
		req, _ := http.NewRequest("POST", srv.URL, strings.NewReader(tc.body))
		req.Header.Set("Content-Type", tc.ctype)
		for k, v := range tc.hdr {
			req.Header.Set(k, v)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != tc.want {
			t.Errorf("%s: status %d, want %d", tc.name, res.StatusCode, tc.want)
		}
	}
}

func TestLimiter(t *testing.T) {
	now := time.Unix(0, 0)
	l := newLimiter(Options{RowKey: testKey, WrongCodesPerMinute: 5, WrongCodesInAllPerMinute: 8})
	for i := range 5 {
		if ok, _ := l.fail("a", now); !ok {
			t.Fatalf("failure %d refused within the allowance", i)
		}
	}
	ok, wait := l.fail("a", now)
	if ok || wait != 12*time.Second {
		t.Fatalf("sixth failure: %v, wait %v (want 12s at 5/min)", ok, wait)
	}
	if ok, _ := l.fail("a", now.Add(12*time.Second)); !ok {
		t.Fatal("refused after waiting")
	}
	// The global bucket (8, refilled by 1.6 in 12 s, 6 taken by a) is
	// shared: b gets the 3 left, then c is refused.
	for i := range 3 {
		if ok, _ := l.fail("b", now.Add(12*time.Second)); !ok {
			t.Fatalf("b failure %d refused", i)
		}
	}
	if ok, _ := l.fail("c", now.Add(12*time.Second)); ok {
		t.Fatal("global limit not applied")
	}
}

func TestExpiredRowsAreDropped(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "access.db")
	now := time.Date(2026, 5, 9, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	s, err := Open(path, Options{RowKey: testKey, Now: clock, CodeTTL: time.Hour, SessionTTL: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	s.IssueCodes(ctx, "coop", []string{"ann", "ben"})
	s.NewSessions(ctx, "coop", []string{"ann"})
	s.Close()
	now = now.Add(2 * time.Hour)
	s, err = Open(path, Options{RowKey: testKey, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var codes, sessions int
	codes = count(t, s, `SELECT count(*) FROM access_codes`)
	sessions = count(t, s, `SELECT count(*) FROM access_sessions`)
	if codes != 0 || sessions != 0 {
		t.Fatalf("%d codes and %d sessions left after they expired", codes, sessions)
	}
}

// TestLoginProblemsInTheClientsLanguage: a refused login is said in the
// language the person asks for — as JSON, and on the page with the login
// form — and the status is the same; too many wrong codes too.
func TestLoginProblemsInTheClientsLanguage(t *testing.T) {
	s := open(t, Options{RowKey: testKey, WrongCodesPerMinute: 1})
	srv := httptest.NewServer(s.HandleLogin(nil))
	defer srv.Close()
	post := func(body, ctype, accept string) (int, string) {
		req, _ := http.NewRequest("POST", srv.URL, strings.NewReader(body))
		req.Header.Set("Content-Type", ctype)
		req.Header.Set("X-Plenum", "1")
		req.Header.Set("Accept-Language", accept)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	code, body := post(`{"code":"AAAA-BBBB-CCCC-DDDD"}`, "application/json", "de")
	var p struct{ Title, Detail string }
	json.Unmarshal([]byte(body), &p)
	if code != 401 || p.Title != "Anmeldung abgelehnt" || !strings.HasPrefix(p.Detail, "dieser Zugangscode ist nicht gültig") {
		t.Errorf("German JSON: %d %s", code, body)
	}
	code, body = post(`code=AAAA-BBBB-CCCC-DDDD`, "application/x-www-form-urlencoded", "ru-RU,ru;q=0.9")
	for _, want := range []string{`<html lang="ru">`, "<h1>Слишком много неверных кодов доступа</h1>", "подождите ", "Код доступа с вашего мандата", `<button type="submit" class="big">Войти</button>`} {
		if code != 429 || !strings.Contains(body, want) {
			t.Errorf("Russian page: %d, lacks %q:\n%s", code, want, body)
		}
	}
	code, body = post(`{"code":`, "application/json", "")
	if code != 400 || !strings.Contains(body, `"title":"malformed request"`) {
		t.Errorf("English, as it was: %d %s", code, body)
	}
}
