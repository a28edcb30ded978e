package web_test

import (
	"context"
	"database/sql"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"plenum/auth"
	"plenum/store/postgres/pgtest"
	"plenum/web"
)

// sharedSecret is the pages' secret of the nodes of these tests' cluster.
var sharedSecret = []byte("the secret every node of this cluster derives alike")

// tokenNode is another server of h's assembly with access (codes,
// sessions, opened cookies) in the database db, opened by a store of its
// own, as another node of a cluster, or the same server started again;
// stop stops it (again when the test ends, doing nothing then).
func tokenNode(t *testing.T, h *hall, db string) (srv *httptest.Server, as *auth.Store, stop func()) {
	t.Helper()
	as, err := auth.Open(db, auth.Options{RowKey: make([]byte, auth.RowKeySize), WrongCodesPerMinute: 1000})
	if err != nil {
		t.Fatal(err)
	}
	srv = httptest.NewServer(as.Middleware(web.New(h.eng, as, web.Options{BaseURL: hallBaseURL, Secret: sharedSecret})))
	var once sync.Once
	stop = func() {
		once.Do(func() {
			srv.CloseClientConnections()
			srv.Close()
			as.Close()
		})
	}
	t.Cleanup(stop)
	return srv, as, stop
}

// accessDB gives a database of access for the nodes of h and the way to
// a delegate's session cookie through a store on it.
type accessDB func(t *testing.T, h *hall) (db string, sessionOf func(as *auth.Store, b *browser, person string) *http.Cookie)

// accessDatabases are the databases access is kept in, for the nodes of
// the tests: the hall's own SQLite file (shared by a second store on it,
// as by a server started again) and a PostgreSQL database (skipped when
// none can be reached). sessionOf returns the session cookie of a
// delegate through the store as on db.
func accessDatabases() map[string]accessDB {
	return map[string]accessDB{
		"sqlite": func(t *testing.T, h *hall) (string, func(*auth.Store, *browser, string) *http.Cookie) {
			return filepath.Join(h.dir, "access.db"), func(_ *auth.Store, b *browser, _ string) *http.Cookie { return b.cookieOf() }
		},
		"postgres": func(t *testing.T, h *hall) (string, func(*auth.Store, *browser, string) *http.Cookie) {
			return pgtest.Fresh(t), func(as *auth.Store, _ *browser, person string) *http.Cookie {
				t.Helper()
				ctx := context.Background()
				codes, err := as.IssueCodes(ctx, asm, []string{person})
				if err != nil {
					t.Fatal(err)
				}
				_, tok, err := as.Login(ctx, codes[0].Code)
				if err != nil {
					t.Fatal(err)
				}
				return &http.Cookie{Name: auth.CookieName, Value: tok}
			}
		},
	}
}

// secretBallot opens a secret vote on h's motion and casts b's ballot
// (b is one of the delegates, person), returning the receipt page's path
// and the cookie carrying the token.
func secretBallot(t *testing.T, h *hall, b *browser, person string, open bool) (string, *http.Cookie) {
	t.Helper()
	if open {
		h.browser("chair").act("chair", "open_vote", url.Values{"new:id": {"v"}, "a:motion": {"m1"}, "a:method": {"secret"}})
	}
	resp := b.act("delegate", "cast_ballot", url.Values{"a:vote": {"v1"}, "a:voter": {person}, "a:choice": {"for"}})
	return resp.Header.Get("Location"), tokenCookieOf(t, resp)
}

// TestSecretTokenCookieOnceOnEveryNode: a copy of the cookie that
// carried a secret ballot's token, opened on one server, shows nothing on
// another server on the same database (a node of a cluster), nor on the
// same server started again (on the same database, with the same secret):
// the cookies opened are kept in the database, not in one server's
// memory. SQLite (a second store on the same file) and PostgreSQL.
func TestSecretTokenCookieOnceOnEveryNode(t *testing.T) {
	for name, database := range accessDatabases() {
		for what, restart := range map[string]bool{"on another node": false, "after a restart": true} {
			t.Run(name+"/"+what, func(t *testing.T) {
				h, db, loc, session, c := openedOnOneNode(t, database, restart)
				next, _, _ := tokenNode(t, h, db)
				resp, body := getCookies(t, next, loc, session, c)
				noTokenAgain(t, "the same cookie "+what, resp, body)
			})
		}
	}
}

// openedOnOneNode makes a hall whose nodes share sharedSecret, casts
// anna's secret ballot, and opens its token's cookie on a node of its
// own with access in the database of database (stopped after if stop),
// which shows the token. It returns the hall, that database, the receipt
// page's path, anna's session there and the token's cookie.
func openedOnOneNode(t *testing.T, database accessDB, stop bool) (*hall, string, string, *http.Cookie, *http.Cookie) {
	t.Helper()
	h := newEmptyHallWith(t, web.Options{BaseURL: hallBaseURL, Secret: sharedSecret}, nil)
	h.setup()
	db, sessionOf := database(t, h)
	one, oneStore, stopOne := tokenNode(t, h, db)
	anna := h.browser("anna")
	session := sessionOf(oneStore, anna, "anna")
	loc, c := secretBallot(t, h, anna, "anna", true)
	if _, body := getCookies(t, one, loc, session, c); !tokenRe.MatchString(body) {
		t.Fatalf("the first node shows no token:\n%s", body)
	}
	if stop {
		stopOne()
	}
	return h, db, loc, session, c
}

// noTokenAgain fails the test unless the receipt page answered shows no
// token and says it was shown once.
func noTokenAgain(t *testing.T, what string, resp *http.Response, body string) {
	t.Helper()
	if resp.StatusCode != 200 || tokenRe.MatchString(body) || !strings.Contains(body, "shown once") {
		t.Fatalf("%s: %s, the token shown again or no word why:\n%s", what, resp.Status, body)
	}
}

// TestSecretTokenCookieRacedShowsOnce: the same cookie sent at once, many
// times, to two nodes on one database shows its token exactly once.
// SQLite and PostgreSQL.
func TestSecretTokenCookieRacedShowsOnce(t *testing.T) {
	for name, database := range accessDatabases() {
		t.Run(name, func(t *testing.T) {
			h := newEmptyHallWith(t, web.Options{BaseURL: hallBaseURL, Secret: sharedSecret}, nil)
			h.setup()
			db, sessionOf := database(t, h)
			one, oneStore, _ := tokenNode(t, h, db)
			two, _, _ := tokenNode(t, h, db)
			nodes := []*httptest.Server{one, two}
			for i, person := range delegates {
				b := h.browser(person)
				session := sessionOf(oneStore, b, person)
				loc, c := secretBallot(t, h, b, person, i == 0)
				var mu sync.Mutex
				shown := 0
				var wg sync.WaitGroup
				for j := range 8 {
					wg.Go(func() {
						req, _ := http.NewRequest("GET", nodes[j%2].URL+loc, nil)
						req.AddCookie(&http.Cookie{Name: session.Name, Value: session.Value})
						req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
						resp, err := http.DefaultTransport.RoundTrip(req)
						if err != nil {
							t.Error(err)
							return
						}
						defer resp.Body.Close()
						body, _ := io.ReadAll(resp.Body)
						if resp.StatusCode != 200 {
							t.Errorf("%s: %s", resp.Status, body)
						}
						if tokenRe.Match(body) {
							mu.Lock()
							shown++
							mu.Unlock()
						}
					})
				}
				wg.Wait()
				if shown != 1 {
					t.Fatalf("%s's cookie sent 8 times at once to two nodes: the token shown %d times, want once", person, shown)
				}
			}
		})
	}
}

// TestSecretTokenCookieKeptWhenNotMarked: when the database cannot mark
// the cookie as opened, the receipt page says it failed (503), shows no
// token and keeps the cookie; tried again once the database writes, it
// shows the token, once.
func TestSecretTokenCookieKeptWhenNotMarked(t *testing.T) {
	h, anna, loc, c, raw := secretBallotWithAccessDB(t)
	if _, err := raw.Exec(`CREATE TRIGGER refuse BEFORE INSERT ON access_opened_cookies BEGIN SELECT RAISE(ABORT, 'the test refuses'); END`); err != nil {
		t.Fatal(err)
	}
	resp, body := getCookies(t, h.srv, loc, anna.cookieOf(), c)
	if resp.StatusCode != http.StatusServiceUnavailable || tokenRe.MatchString(body) || !strings.Contains(body, "try again") {
		t.Fatalf("the cookie not marked as opened: %s, want 503 and no token:\n%s", resp.Status, body)
	}
	for _, k := range resp.Cookies() {
		if k.Name == c.Name {
			t.Fatalf("the cookie is cleared though its token was not shown: %s", k.String())
		}
	}
	if _, err := raw.Exec(`DROP TRIGGER refuse`); err != nil {
		t.Fatal(err)
	}
	resp, body = getCookies(t, h.srv, loc, anna.cookieOf(), c)
	if resp.StatusCode != 200 || !tokenRe.MatchString(body) {
		t.Fatalf("tried again: %s, want the token:\n%s", resp.Status, body)
	}
	if resp, body = getCookies(t, h.srv, loc, anna.cookieOf(), c); tokenRe.MatchString(body) {
		t.Fatalf("and again: %s, the token shown a second time", resp.Status)
	}
}

// TestSecretReceiptViewedAgainWritesNothing: the receipt page of a
// secret ballot records its token's cookie as opened once, at its first
// view; the same cookie sent again (a client that does not clear it, a
// copied header) shows no token and writes nothing more to the database:
// the server remembers the cookies it opened. A trigger counts the
// inserts tried.
func TestSecretReceiptViewedAgainWritesNothing(t *testing.T) {
	h, anna, loc, c, raw := secretBallotWithAccessDB(t)
	for _, q := range []string{`CREATE TABLE tried (n INTEGER)`, `CREATE TRIGGER count_tried BEFORE INSERT ON access_opened_cookies BEGIN INSERT INTO tried VALUES (1); END`} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 5 {
		resp, body := getCookies(t, h.srv, loc, anna.cookieOf(), c)
		if resp.StatusCode != 200 || tokenRe.MatchString(body) != (i == 0) {
			t.Fatalf("view %d: %s, token shown %v, want it at the first view only", i+1, resp.Status, tokenRe.MatchString(body))
		}
	}
	var tried int
	if err := raw.QueryRow(`SELECT count(*) FROM tried`).Scan(&tried); err != nil {
		t.Fatal(err)
	}
	if tried != 1 {
		t.Fatalf("5 views of the receipt page with the same cookie tried %d inserts, want 1", tried)
	}
}

// secretBallotWithAccessDB is a hall where anna cast a secret ballot: the
// receipt page's path, the cookie carrying the token, and the access
// database (access.db) opened beside the server, closed when the test
// ends.
func secretBallotWithAccessDB(t *testing.T) (*hall, *browser, string, *http.Cookie, *sql.DB) {
	t.Helper()
	h := newEmptyHallWith(t, web.Options{BaseURL: hallBaseURL, Secret: sharedSecret}, nil)
	h.setup()
	anna := h.browser("anna")
	loc, c := secretBallot(t, h, anna, "anna", true)
	raw, err := sql.Open("sqlite", filepath.Join(h.dir, "access.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return h, anna, loc, c, raw
}
