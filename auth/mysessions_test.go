package auth

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// storePair is two stores on one database, as two nodes, or one store
// twice.
type storePair struct{ a, b *Store }

// storePairs makes the stores the tests of the sessions page run on: two
// on a SQLite file and two on PostgreSQL, as two nodes; one on a SQLite
// file it holds, its sessions cached in memory (sqlite-cached).
func storePairs() map[string]func(t *testing.T) storePair {
	cases := map[string]func(t *testing.T) storePair{}
	for name, fresh := range databases() {
		cases[name] = func(t *testing.T) storePair {
			db := fresh(t)
			return storePair{openAt(t, db, Options{RowKey: testKey}), openAt(t, db, Options{RowKey: testKey})}
		}
	}
	cases["sqlite-cached"] = func(t *testing.T) storePair {
		s, _, _ := servedStore(t, Options{RowKey: testKey})
		if !s.cacheUsable() {
			t.Fatal("the served store does not cache its sessions")
		}
		return storePair{s, s}
	}
	return cases
}

// TestEndOtherSessions: a person logged in twice with her card's code
// sees her two sessions, hers marked; "log out everywhere else" ends the
// other at once — through this store and through another on the same
// database (another node) — and leaves hers; another person's sessions
// are neither listed nor ended. On a SQLite database held by this
// process (sessions cached in memory) the ended session, read once and
// so cached, is refused at once too.
func TestEndOtherSessions(t *testing.T) {
	for name, mk := range storePairs() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			p := mk(t)
			a, b := p.a, p.b
			codes, err := a.IssueCodes(ctx, "coop", []string{"ann", "bob"})
			if err != nil {
				t.Fatal(err)
			}
			login := func(s *Store, code string) string {
				t.Helper()
				_, tok, err := s.Login(ctx, code)
				if err != nil {
					t.Fatal(err)
				}
				return tok
			}
			mine, thief, bob := login(a, codes[0].Code), login(b, codes[0].Code), login(a, codes[1].Code)
			for _, tok := range []string{mine, thief, bob} {
				for _, s := range []*Store{a, b} {
					if _, err := s.Session(ctx, tok); err != nil {
						t.Fatal(err) // read once: cached where sessions are
					}
				}
			}
			list, err := a.OwnSessions(ctx, mine)
			if err != nil {
				t.Fatal(err)
			}
			if len(list) != 2 || !list[0].Current || list[1].Current {
				t.Fatalf("ann's sessions: %+v; want two, hers first and marked", list)
			}
			if l, err := a.OwnSessions(ctx, bob); err != nil || len(l) != 1 || !l[0].Current {
				t.Fatalf("bob's sessions: %+v %v; want his one", l, err)
			}
			n, err := a.EndOtherSessions(ctx, mine)
			if err != nil || n != 1 {
				t.Fatalf("EndOtherSessions: %d %v; want 1 ended", n, err)
			}
			for _, s := range []*Store{a, b} {
				if _, err := s.Session(ctx, thief); !errors.Is(err, ErrNoSession) {
					t.Fatalf("the other session after 'log out everywhere else': %v; want ErrNoSession", err)
				}
				if sess, err := s.Session(ctx, mine); err != nil || sess.Person != "ann" {
					t.Fatalf("her own session after ending the others: %+v %v", sess, err)
				}
				if sess, err := s.Session(ctx, bob); err != nil || sess.Person != "bob" {
					t.Fatalf("bob's session after ann ended her others: %+v %v", sess, err)
				}
			}
			if l, err := b.OwnSessions(ctx, mine); err != nil || len(l) != 1 || !l[0].Current {
				t.Fatalf("ann's sessions after: %+v %v; want her one", l, err)
			}
			// The card's code still logs in: only a re-issue voids it.
			again := login(b, codes[0].Code)
			if l, _ := a.OwnSessions(ctx, again); len(l) != 2 {
				t.Fatalf("after a new login with the card: %d sessions, want 2", len(l))
			}
			// An ended token ends nothing and lists nothing.
			if _, err := a.EndOtherSessions(ctx, thief); !errors.Is(err, ErrNoSession) {
				t.Fatalf("EndOtherSessions with an ended token: %v", err)
			}
			if _, err := a.Session(ctx, again); err != nil {
				t.Fatalf("a session after an ended token tried to end the others: %v", err)
			}
			if _, err := a.OwnSessions(ctx, thief); !errors.Is(err, ErrNoSession) {
				t.Fatalf("OwnSessions with an ended token: %v", err)
			}
		})
	}
}

// TestLoginLinkOnlyByNavigation: a login link fetched as a subresource
// (an <img src="/login?code=X">, a script's fetch, a frame: Sec-Fetch-Mode
// not navigate, or Sec-Fetch-Dest not document) logs nobody in, says
// why, and counts as no wrong code; opened as a top-level navigation, or
// by a client that sends neither header (an older browser, curl), it
// logs in.
func TestLoginLinkOnlyByNavigation(t *testing.T) {
	ctx := context.Background()
	s := open(t, Options{RowKey: testKey, WrongCodesPerMinute: 1})
	codes, err := s.IssueCodes(ctx, "coop", []string{"ann"})
	if err != nil {
		t.Fatal(err)
	}
	get := func(code, mode, dest string) *httptest.ResponseRecorder {
		t.Helper()
		r := httptest.NewRequest("GET", "/login?code="+url.QueryEscape(code), nil)
		if mode != "" {
			r.Header.Set("Sec-Fetch-Mode", mode)
		}
		if dest != "" {
			r.Header.Set("Sec-Fetch-Dest", dest)
		}
		r.Header.Set("Sec-Fetch-Site", "same-origin")
		w := httptest.NewRecorder()
		s.HandleLogin(nil).ServeHTTP(w, r)
		return w
	}
	sessionSet := func(w *httptest.ResponseRecorder) bool {
		return strings.Contains(strings.Join(w.Result().Header.Values("Set-Cookie"), "\n"), CookieName+"=")
	}
	for _, h := range [][2]string{{"no-cors", "image"}, {"cors", "empty"}, {"no-cors", ""}, {"navigate", "iframe"}, {"", "image"}} {
		for _, code := range []string{codes[0].Code, "WRONG-CODE-1234"} {
			w := get(code, h[0], h[1])
			if sessionSet(w) || w.Code != http.StatusForbidden || !strings.Contains(w.Body.String(), "open it yourself") {
				t.Fatalf("mode %q dest %q: %d, session set %v, %q; want 403 saying why, no session", h[0], h[1], w.Code, sessionSet(w), w.Body.String())
			}
		}
	}
	// None of the wrong codes above was counted: one limit of one a
	// minute, and the first wrong code opened is refused as wrong (401),
	// not as one too many (429).
	if w := get("WRONG-CODE-1234", "navigate", "document"); w.Code != http.StatusUnauthorized {
		t.Fatalf("a wrong code opened after the refused fetches: %d, want 401", w.Code)
	}
	for _, h := range [][2]string{{"navigate", "document"}, {"", ""}, {"navigate", ""}} {
		if w := get(codes[0].Code, h[0], h[1]); !sessionSet(w) || w.Code != http.StatusSeeOther {
			t.Fatalf("mode %q dest %q: %d, session set %v; want logged in", h[0], h[1], w.Code, sessionSet(w))
		}
	}
}

// adminRow writes through s a server administrator's session of the
// administrator adminID, as no public method makes it ("" as an earlier
// plenum wrote one), and returns its token.
func adminRow(t *testing.T, s *Store, adminID string) string {
	t.Helper()
	tok, h := newToken()
	now := time.Now().UTC()
	created, exp := now.Add(-time.Hour).UnixNano(), now.Add(time.Hour).UnixNano()
	// With its MAC, as the first start after the MACs seals an earlier
	// plenum's row (sealOldRows).
	if _, err := s.exec(context.Background(), s.db.W, `INSERT INTO access_sessions (hash, assembly, person, admin, created, expires, admin_id, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		h[:], "", AdminPerson, true, created, exp, adminID, sessionMAC(s.opts.RowKey, h[:], "", AdminPerson, true, adminID, created, exp)); err != nil {
		t.Fatal(err)
	}
	s.cache.reset() // written behind it
	return tok
}

// TestAdministratorsSessionsApart: every server administrator acts as
// the one person "admin", but each logs in with a link of his own, and
// sees and ends only the sessions of that link: two administrators each
// list their own session alone, and "log out everywhere else" of one
// ends neither the other's nor that of an administrator logged in before
// plenum told them apart (no admin_id: an administrator of its own),
// through this store and another on the database; it ends a second
// session of the same link (written here as no public method makes it).
// SQLite, PostgreSQL, SQLite held and cached.
func TestAdministratorsSessionsApart(t *testing.T) {
	for name, mk := range storePairs() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			p := mk(t)
			a, b := p.a, p.b
			// As an earlier plenum wrote an administrator's session, and
			// a second session of ann's link.
			row := func(adminID string) string { return adminRow(t, a, adminID) }
			ann, ben := adminToken(t, a), adminToken(t, b)
			annSess, err := a.Session(ctx, ann)
			if err != nil {
				t.Fatal(err)
			}
			old := row("")
			delegate := loginTokens(t, a, "cy")[0]
			alive := func(who string, tokens ...string) {
				t.Helper()
				for _, tok := range tokens {
					for _, s := range []*Store{a, b} {
						if sess, err := s.Session(ctx, tok); err != nil {
							t.Fatalf("%s: %v", who, err)
						} else if sess.Person == AdminPerson && (!sess.Admin || sess.Assembly != "") {
							t.Fatalf("%s: %+v; the record must see the server administrator", who, sess)
						}
					}
				}
			}
			alive("every session", ann, ben, old, delegate)
			if annSess.Person != AdminPerson || !annSess.Admin {
				t.Fatalf("ann's session: %+v; want the person %q, a server administrator", annSess, AdminPerson)
			}
			for who, tok := range map[string]string{"ann": ann, "ben": ben, "the earlier administrator": old} {
				for _, s := range []*Store{a, b} {
					if l, err := s.OwnSessions(ctx, tok); err != nil || len(l) != 1 || !l[0].Current {
						t.Fatalf("%s's sessions: %+v %v; want his own alone", who, l, err)
					}
				}
			}
			for who, tok := range map[string]string{"ann": ann, "the earlier administrator": old} {
				if n, err := b.EndOtherSessions(ctx, tok); err != nil || n != 0 {
					t.Fatalf("%s logs out everywhere else: %d %v; want none ended", who, n, err)
				}
			}
			alive("after ann and the earlier administrator logged out everywhere else", ann, ben, old, delegate)

			annToo := row(annSess.adminID)
			alive("ann's second session", annToo)
			if l, err := a.OwnSessions(ctx, ann); err != nil || len(l) != 2 {
				t.Fatalf("ann's sessions: %+v %v; want her two", l, err)
			}
			if n, err := a.EndOtherSessions(ctx, ann); err != nil || n != 1 {
				t.Fatalf("ann logs out everywhere else: %d %v; want her other ended", n, err)
			}
			for _, s := range []*Store{a, b} {
				if _, err := s.Session(ctx, annToo); !errors.Is(err, ErrNoSession) {
					t.Fatalf("ann's other session after she logged out everywhere else: %v", err)
				}
			}
			alive("after ann ended her other", ann, ben, old, delegate)
		})
	}
}
