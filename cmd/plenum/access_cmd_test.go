package main

import (
	"encoding/json"
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"plenum/i18n"
	"plenum/store/postgres/pgtest"
)

// adminLogin opens a one-time administrator link and returns the
// session cookie's value ("" if it did not log in).
func adminLogin(t *testing.T, link string) string {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Get(link)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	for _, c := range res.Cookies() {
		if c.Value != "" {
			return c.Value
		}
	}
	return ""
}

// isAdmin reports whether the server at base takes cookie as a server
// administrator's session.
func isAdmin(t *testing.T, base, cookie string) bool {
	t.Helper()
	req, _ := http.NewRequest("GET", base+"/api/session", nil)
	req.AddCookie(&http.Cookie{Name: "plenum_session", Value: cookie})
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var s struct {
		Admin bool `json:"admin"`
	}
	return res.StatusCode == http.StatusOK && json.NewDecoder(res.Body).Decode(&s) == nil && s.Admin
}

var adminLinkLine = regexp.MustCompile(`: (http://\S+/login\?admin=\S+)\n`)

// TestAdminLinkForTheOperator: once the server administrator has logged
// in, plenum serve prints no more links; plenum access admin-link, run
// while the server runs on the same database, prints one that logs in
// once, and with --end-sessions ends every server administrator's
// session on the running server (on SQLite, where it keeps sessions in
// memory, by the time the command, another process, has returned).
func TestAdminLinkForTheOperator(t *testing.T) {
	for name, fresh := range pgtest.Databases("plenum.db") {
		t.Run(name, func(t *testing.T) {
			db := fresh(t)
			args := []string{"serve", "--db", db, "--addr", "127.0.0.1:0"}
			var data []string // the signing key's folder, for admin-link too
			if name == "postgres" {
				data = []string{"--data", t.TempDir()}
				args = append(args, data...)
			}
			srv := startCLI(t, `one-time administrator login: (http://\S+)`, args...)
			link := srv.match
			first := adminLogin(t, link)
			base := link[:strings.Index(link, "/login")]
			if first == "" || !isAdmin(t, base, first) {
				t.Fatal("the link printed at the first start does not log in")
			}
			if code := srv.stop(); code != 0 {
				t.Fatalf("serve exited %d", code)
			}
			srv = startCLI(t, `listening on (http://[^/ ]+)/`, args...)
			base = srv.match
			if !isAdmin(t, base, first) { // listening: the link, if any, was printed
				t.Fatal("the administrator's session after a restart")
			}
			if out := srv.stdout.String(); strings.Contains(out, "administrator login") {
				t.Fatalf("serve printed a link once an administrator had logged in: %s", out)
			}

			code, out, errs := runForTest(t, "", append([]string{"access", "admin-link", "--db", db, "--base-url", base}, data...)...)
			m := adminLinkLine.FindStringSubmatch(out)
			if code != 0 || m == nil || !strings.Contains(errs, "the sessions were left as they were") {
				t.Fatalf("access admin-link: exit %d %q %q", code, out, errs)
			}
			second := adminLogin(t, m[1])
			if second == "" || !isAdmin(t, base, second) {
				t.Fatal("the operator's link does not log in")
			}
			if adminLogin(t, m[1]) != "" {
				t.Fatal("the operator's link logs in twice")
			}
			if !isAdmin(t, base, first) {
				t.Fatal("a new link without --end-sessions ended a session")
			}

			// Another process, as the operator's shell runs it: it holds
			// none of the server's locks and none of its memory.
			bin := plenumBinary(t)
			start := time.Now()
			code, out, errs = runPlenum(t, bin, append([]string{"access", "admin-link", "--db", db, "--base-url", base, "--end-sessions"}, data...)...)
			m = adminLinkLine.FindStringSubmatch(out)
			if code != 0 || m == nil || !strings.Contains(errs, "sessions ended: 2") {
				t.Fatalf("access admin-link --end-sessions: exit %d %q %q", code, out, errs)
			}
			t.Logf("access admin-link --end-sessions took %v", time.Since(start))
			for i, c := range []string{first, second} {
				if isAdmin(t, base, c) {
					t.Fatalf("administrator session %d after --end-sessions, on the running server", i+1)
				}
			}
			if third := adminLogin(t, m[1]); third == "" || !isAdmin(t, base, third) {
				t.Fatal("the link made with --end-sessions does not log in")
			}
		})
	}
}

// TestAccessRefusalsInTheOfficersLanguage: plenum access's refusals are in
// the environment's language, and a database that is not there is
// refused, not made.
func TestAccessRefusalsInTheOfficersLanguage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "plenum.db")
	if code, _, errs := runForTest(t, "", "replay", "--db", db, "-"); code != 0 {
		t.Fatal(errs)
	}
	missing := filepath.Join(dir, "none.db")
	cases := []keyed{
		{nil, 2, "cli.accesscmd.no_sub", nil},
		{[]string{"--db", db}, 2, "cli.accesscmd.no_sub", nil},
		{[]string{"admin-links"}, 2, "cli.accesscmd.unknown_sub", []any{"admin-links"}},
		{[]string{"admin-link", "--db", db, "now"}, 2, "cli.accesscmd.no_args", nil},
		{[]string{"admin-link", "--db", ""}, 2, "cli.accesscmd.no_db", nil},
		{[]string{"admin-link", "--db", db, "--base-url", "congress.example.org"}, 2, "cli.accesscmd.base_url", []any{"congress.example.org"}},
		{[]string{"admin-link", "--db", db, "--base-url", "ftp://congress.example.org"}, 2, "cli.accesscmd.base_url", []any{"ftp://congress.example.org"}},
		{[]string{"admin-link", "--db", missing}, 1, "cli.about", []any{missing, anyText}},
	}
	// The link's row is sealed with a key made from the signing key: a
	// folder without one, or with another server's key, is refused, and
	// nothing is written.
	keyless := t.TempDir()
	other := filepath.Join(t.TempDir(), "plenum.db")
	if code, _, errs := runForTest(t, "", "replay", "--db", other, "../../testdata/coop-2026.jsonl"); code != 0 {
		t.Fatal(errs)
	}
	recorded := filepath.Join(t.TempDir(), "plenum.db")
	if code, _, errs := runForTest(t, "", "replay", "--db", recorded, "../../testdata/coop-2026.jsonl"); code != 0 {
		t.Fatal(errs)
	}
	cases = append(cases,
		keyed{[]string{"admin-link", "--db", db, "--data", keyless}, 1, "cli.accesscmd.no_key", []any{filepath.Join(keyless, "signing.key")}},
		keyed{[]string{"admin-link", "--db", recorded, "--data", filepath.Dir(other)}, 1, "cli.accesscmd.key_not_record", []any{filepath.Join(filepath.Dir(other), "signing.key"), recorded, anyText}},
		keyed{[]string{"admin-link", "--db", "postgres://plenum@db.example/plenum"}, 2, "cli.pg_data", nil},
	)
	checkKeyed(t, "access", cases, false)
	if _, err := os.Stat(missing); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("a database that was not there: %v", err)
	}
	// What it did, in the environment's language.
	code, out, errs := runIn(t, "de", "access", "admin-link", "--db", db, "--end-sessions")
	if want := i18n.For("de").T("cli.accesscmd.did_end", "", db, 0); code != 0 || !strings.Contains(errs, want[strings.Index(want, ":"):]) || !strings.Contains(out, "einmalige Anmeldung") || !strings.Contains(out, " /login?admin=") {
		t.Fatalf("in German: exit %d %q %q", code, out, errs)
	}
}
