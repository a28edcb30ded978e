package auth

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// TestRefusedLoginPage: a mistyped code from a browser — the login form
// posted, or a card's link opened — is refused 401 with a page as the
// site's others are: their style sheet, a capitalised title, the reason
// as a sentence in the reader's language, the form filled in with the code typed and
// where the person was going, and the language switch. A JSON client
// still gets its problem.
func TestRefusedLoginPage(t *testing.T) {
	s := open(t, Options{RowKey: testKey})
	srv := httptest.NewServer(s.HandleLogin(http.NotFoundHandler()))
	defer srv.Close()
	do := func(method, path, body, ctype, accept, lang string) (*http.Response, string) {
		t.Helper()
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
		if ctype != "" {
			req.Header.Set("Content-Type", ctype)
		}
		req.Header.Set("Origin", srv.URL)
		req.Header.Set("Accept", accept)
		req.Header.Set("Accept-Language", lang)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, string(b)
	}
	const browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
	form := url.Values{"code": {"aaaa-bbbb-cccc-dddd"}, "next": {"/a/march-1917/delegate"}}.Encode()
	for _, c := range []struct {
		name, method, path, body, ctype, lang string
		want                                  []string
	}{
		{"form", "POST", "/login", form, "application/x-www-form-urlencoded", "en", []string{
			`<html lang="en">`,
			`<link rel="stylesheet" href="/static/plenum.css">`,
			`<title>Login refused · plenum</title>`,
			`<h1>Login refused</h1>`,
			`<p class="msg error" role="alert">This access code is not valid`,
			`name="code" autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" required value="aaaa-bbbb-cccc-dddd">`,
			`<input type="hidden" name="next" value="/a/march-1917/delegate">`,
			`<form class="lang-switch" method="post" action="/lang"`,
			`<input type="hidden" name="next" value="/login?next=%2Fa%2Fmarch-1917%2Fdelegate">`,
			`<button type="submit" name="lang" value="de" lang="de">Deutsch</button>`,
		}},
		{"link, German", "GET", "/login?" + form, "", "", "de-DE,de;q=0.9", []string{
			`<html lang="de">`,
			`<link rel="stylesheet" href="/static/plenum.css">`,
			`<h1>Anmeldung abgelehnt</h1>`,
			`<p class="msg error" role="alert">Dieser Zugangscode ist nicht gültig`,
			`required value="aaaa-bbbb-cccc-dddd">`,
			`<input type="hidden" name="next" value="/a/march-1917/delegate">`,
		}},
	} {
		res, body := do(c.method, c.path, c.body, c.ctype, browser, c.lang)
		if res.StatusCode != http.StatusUnauthorized || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
			t.Errorf("%s: %d %s", c.name, res.StatusCode, res.Header.Get("Content-Type"))
		}
		for _, w := range c.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: the page lacks %s:\n%s", c.name, w, body)
			}
		}
	}
	// A next that is no local path is not kept.
	_, body := do("POST", "/login", "code=x&next=//evil.example/", "application/x-www-form-urlencoded", browser, "")
	if strings.Contains(body, "evil.example") {
		t.Errorf("another site's next kept:\n%s", body)
	}
	// A JSON client's problem, as before.
	res, body := do("POST", "/login", `{"code":"aaaa-bbbb-cccc-dddd","next":"/a/x/"}`, "application/json", "application/json", "")
	var p struct {
		Title, Detail string
		Status        int
	}
	if err := json.Unmarshal([]byte(body), &p); err != nil || res.StatusCode != 401 || res.Header.Get("Content-Type") != "application/problem+json" || p.Title != "login refused" || p.Status != 401 || !strings.HasPrefix(p.Detail, "this access code is not valid") {
		t.Errorf("JSON: %d %s %s", res.StatusCode, res.Header.Get("Content-Type"), body)
	}
	res, body = do("POST", "/login", form, "application/x-www-form-urlencoded", "application/problem+json", "")
	if res.StatusCode != 401 || res.Header.Get("Content-Type") != "application/problem+json" || !strings.Contains(body, `"title":"login refused"`) {
		t.Errorf("form, JSON asked: %d %s %s", res.StatusCode, res.Header.Get("Content-Type"), body)
	}
}
