package auth

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"plenum/store"
	"plenum/store/sqlite/sqlitetest"
)

// busyWait is how long the Store of shortenBusyWait waits for another
// program's lock: plenum waits 10 s.
const busyWait = 100 * time.Millisecond

// shortenBusyWait makes s's writing connection wait busyWait, not 10 s,
// for a lock another connection holds (SQLite's busy_timeout, which
// store/sqlite sets when it opens the connection: its one connection,
// kept open, is given a shorter one).
func shortenBusyWait(t *testing.T, s *Store) {
	t.Helper()
	if _, err := s.db.W.Exec("PRAGMA busy_timeout = " + strconv.Itoa(int(busyWait.Milliseconds()))); err != nil {
		t.Fatal(err)
	}
}

// checkBusy fails t unless err is the error of a write another program's
// lock kept out (sqlitetest.CheckBusy), given within a few busyWaits.
func checkBusy(t *testing.T, what string, err error, path string, took time.Duration) {
	t.Helper()
	sqlitetest.CheckBusy(t, what, err, path)
	if took > 50*busyWait {
		t.Fatalf("%s took %v to fail; the wait was shortened to %v", what, took, busyWait)
	}
}

// TestBusyAccess: another program holds the write lock of the SQLite
// database plenum serves (an sqlite3 shell with a transaction open) for
// longer than plenum waits. Logging in, issuing, re-issuing and revoking
// codes, making sessions, logging out and the administrator's link each
// fail with an error wrapping sqlite.ErrBusy that names the database and
// says what to do — a login that way used to fail with SQLite's bare
// "database is locked (5)" — and change nothing: no session made or
// ended, no code made, voided or used up. Through the login handler the
// delegate is told 503, try again in a moment, with Retry-After — not
// that the code is wrong — and the refused login is not counted as a
// wrong code. Once the lock is let go, everything works again, with the
// same codes and sessions.
func TestBusyAccess(t *testing.T) {
	ctx := context.Background()
	// One wrong code a minute from an address: a refused login counted as
	// a wrong one would show as a 429 for the next wrong code.
	var logged bytes.Buffer
	s, path, _ := servedStore(t, Options{RowKey: testKey, WrongCodesPerMinute: 1, Logger: slog.New(slog.NewTextHandler(&logged, nil))})
	shortenBusyWait(t, s)
	codes, err := s.IssueCodes(ctx, "coop", []string{"ann", "bob", "cy"})
	if err != nil {
		t.Fatal(err)
	}
	ann, bob, cy := codes[0].Code, codes[1].Code, codes[2].Code
	_, bobTok, err := s.Login(ctx, bob)
	if err != nil {
		t.Fatal(err)
	}
	adminLink, err := s.NewAdminToken(ctx)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		hash   string
		person string
	}
	snapshot := func() (codes, sessions []row, tokens int) {
		t.Helper()
		read := func(q string) []row {
			rows, err := s.db.R.Query(q)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var out []row
			for rows.Next() {
				var h []byte
				var r row
				if err := rows.Scan(&h, &r.person); err != nil {
					t.Fatal(err)
				}
				r.hash = string(h)
				out = append(out, r)
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			return out
		}
		return read(`SELECT hash, person FROM access_codes ORDER BY hash`),
			read(`SELECT hash, person FROM access_sessions ORDER BY hash`),
			count(t, s, `SELECT count(*) FROM access_admin_tokens`)
	}
	codesBefore, sessionsBefore, tokensBefore := snapshot()
	unchanged := func(after string) {
		t.Helper()
		c, ss, n := snapshot()
		if !slices.Equal(c, codesBefore) || !slices.Equal(ss, sessionsBefore) || n != tokensBefore {
			t.Fatalf("after %s: %d codes, %d sessions, %d administrator links; want %d, %d, %d, as they were", after, len(c), len(ss), n, len(codesBefore), len(sessionsBefore), tokensBefore)
		}
		if sess, err := s.Session(ctx, bobTok); err != nil || sess.Person != "bob" {
			t.Fatalf("after %s bob's session: %+v %v; want it alive", after, sess, err)
		}
	}

	release := sqlitetest.HoldLock(t, path, "BEGIN IMMEDIATE")
	try := func(what string, f func() error) {
		t.Helper()
		start := time.Now()
		err := f()
		checkBusy(t, what, err, path, time.Since(start))
		unchanged(what)
	}
	try("a login", func() error {
		sess, tok, err := s.Login(ctx, ann)
		if sess != nil || tok != "" {
			t.Fatalf("a login under another program's lock gave a session: %+v %q", sess, tok)
		}
		return err
	})
	try("issuing codes", func() error {
		got, err := s.IssueCodes(ctx, "coop", []string{"dee"})
		if got != nil {
			t.Fatalf("codes issued under another program's lock: %+v", got)
		}
		return err
	})
	try("re-issuing a code", func() error { _, err := s.IssueCodes(ctx, "coop", []string{"bob"}); return err })
	try("revoking a code", func() error { return s.RevokeCodes(ctx, "coop", []string{"bob"}) })
	try("making sessions", func() error {
		toks, err := s.NewSessions(ctx, "coop", []string{"cy"})
		if toks != nil {
			t.Fatalf("sessions made under another program's lock: %q", toks)
		}
		return err
	})
	try("logging out", func() error { return s.Logout(ctx, bobTok) })
	try("a new administrator link", func() error { _, err := s.NewAdminToken(ctx); return err })
	try("logging in with the administrator link", func() error { _, _, err := s.LoginAdmin(ctx, adminLink); return err })

	// Through the login handler: 503 with Retry-After, "try again in a
	// moment", as a problem to a JSON client and as a page to a browser;
	// not 401, not a wrong code.
	const addr = "203.0.113.7"
	for _, asJSON := range []bool{true, false} {
		for _, code := range []string{ann, wrongCode} {
			req := httptest.NewRequest("POST", "/login", strings.NewReader("code="+code))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Origin", "http://example.com")
			if asJSON {
				req = httptest.NewRequest("POST", "/login", strings.NewReader(`{"code":`+strconv.Quote(code)+`}`))
				req.Header.Set("Content-Type", "application/json")
			}
			req.RemoteAddr = addr + ":40000"
			rec := httptest.NewRecorder()
			start := time.Now()
			s.HandleLogin(nil).ServeHTTP(rec, req)
			took := time.Since(start)
			body := rec.Body.String()
			if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" || !strings.Contains(body, "try again in a moment") || rec.Header().Get("Set-Cookie") != "" {
				t.Fatalf("a login through the handler (JSON %v) under another program's lock: %d, Retry-After %q, %s; want 503, Retry-After, try again in a moment, no cookie", asJSON, rec.Code, rec.Header().Get("Retry-After"), body)
			}
			if asJSON {
				var p struct{ Status int }
				if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil || p.Status != 503 {
					t.Fatalf("the problem of a login under another program's lock: %s (%v)", body, err)
				}
			} else if !strings.Contains(rec.Header().Get("Content-Type"), "text/html") {
				t.Fatalf("a browser's login under another program's lock got %s", rec.Header().Get("Content-Type"))
			}
			if took > 50*busyWait {
				t.Fatalf("a login through the handler took %v to fail", took)
			}
			unchanged("a login through the handler")
		}
	}

	// A logout through the handler clears the browser's cookie, so that
	// the token is gone from it, though the session could not be ended.
	req := httptest.NewRequest("POST", "/logout", nil)
	req.Header.Set(CSRFHeader, "1")
	req.AddCookie(&http.Cookie{Name: CookieName, Value: bobTok})
	rec := httptest.NewRecorder()
	s.HandleLogout().ServeHTTP(rec, req)
	if rec.Code != http.StatusNoContent || !strings.Contains(rec.Header().Get("Set-Cookie"), "Max-Age=0") {
		t.Fatalf("a logout through the handler under another program's lock: %d, Set-Cookie %q", rec.Code, rec.Header().Get("Set-Cookie"))
	}
	unchanged("a logout through the handler")

	// The operator is told why, and what to do.
	for _, w := range []string{"a login could not be recorded", "a logout could not be recorded", path + ": ", "another program", "close that program"} {
		if !strings.Contains(logged.String(), w) {
			t.Fatalf("the server's log of the logins the lock refused:\n%s\nwant it to say %q", logged.String(), w)
		}
	}

	release()
	// The one wrong code a minute of addr is unused: the refused logins
	// were not counted as wrong codes.
	if st, _ := tryCode(t, s, addr, wrongCode); st != http.StatusUnauthorized {
		t.Fatalf("the first wrong code of an address whose logins the lock refused: %d, want 401", st)
	}
	if st, _ := tryCode(t, s, addr, wrongCode); st != http.StatusTooManyRequests {
		t.Fatalf("the second wrong code: %d, want 429", st)
	}
	sess, annTok, err := s.Login(ctx, ann)
	if err != nil || sess.Person != "ann" {
		t.Fatalf("ann's login with the same code once the lock is let go: %+v %v", sess, err)
	}
	if st, _ := tryCode(t, s, addr, cy); st != http.StatusOK {
		t.Fatalf("cy's login through the handler once the lock is let go: %d", st)
	}
	if _, _, err := s.LoginAdmin(ctx, adminLink); err != nil {
		t.Fatalf("the administrator link once the lock is let go: %v", err)
	}
	if toks, err := s.NewSessions(ctx, "coop", []string{"eve"}); err != nil || len(toks) != 1 {
		t.Fatalf("NewSessions once the lock is let go: %q %v", toks, err)
	}
	if _, err := s.IssueCodes(ctx, "coop", []string{"dee"}); err != nil {
		t.Fatalf("issuing a code once the lock is let go: %v", err)
	}
	if err := s.Logout(ctx, annTok); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Session(ctx, annTok); !errors.Is(err, ErrNoSession) {
		t.Fatalf("ann's session after logging out: %v", err)
	}
	if err := s.RevokeCodes(ctx, "coop", []string{"bob"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Session(ctx, bobTok); !errors.Is(err, ErrNoSession) {
		t.Fatalf("bob's session after his code was revoked: %v", err)
	}
}

// TestBusyAtOpen: another program holds the write lock of the SQLite
// database when access is opened (plenum serve starting while an sqlite3
// shell has a transaction open), for longer than plenum waits. Opening
// tidies away the expired codes and sessions, a write: kept out, it
// leaves them for a later start, and access opens all the same — as the
// record does — instead of plenum serve stopping with SQLite's bare
// "database is locked (5)". The codes and sessions work meanwhile (a
// session is read, an expired one is not taken), and writes, kept out
// until the lock is let go, work once it is.
func TestBusyAtOpen(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 5, 9, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	s, path, _ := servedStore(t, Options{RowKey: testKey, Now: clock, SessionTTL: time.Hour})
	toks := loginTokens(t, s, "ann", "bob")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	defer func(old func(context.Context, string) (*store.DB, error)) { openDB = old }(openDB)
	openDB = func(ctx context.Context, dbArg string) (*store.DB, error) {
		db, err := store.OpenDB(ctx, dbArg)
		if err == nil {
			_, err = db.W.Exec("PRAGMA busy_timeout = " + strconv.Itoa(int(busyWait.Milliseconds())))
		}
		return db, err
	}
	// ann's session expires, bob's is made again later.
	now = now.Add(30 * time.Minute)
	s, err := Open(path, Options{RowKey: testKey, Now: clock, SessionTTL: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	bob, err := s.NewSessions(ctx, "coop", []string{"bob"})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	now = now.Add(45 * time.Minute)

	release := sqlitetest.HoldLock(t, path, "BEGIN IMMEDIATE")
	start := time.Now()
	s, err = Open(path, Options{RowKey: testKey, Now: clock, SessionTTL: time.Hour})
	if err != nil {
		t.Fatalf("opening access while another program holds the database's lock: %v", err)
	}
	defer s.Close()
	if took := time.Since(start); took > 50*busyWait {
		t.Fatalf("opening took %v; the wait was shortened to %v", took, busyWait)
	}
	if n := count(t, s, `SELECT count(*) FROM access_sessions`); n != 3 {
		t.Fatalf("%d sessions in the database, want 3: the expired ones are left for a later start", n)
	}
	if _, err := s.Session(ctx, toks[0]); !errors.Is(err, ErrNoSession) {
		t.Fatalf("an expired session, left in the database: %v; want ErrNoSession", err)
	}
	if sess, err := s.Session(ctx, bob[0]); err != nil || sess.Person != "bob" {
		t.Fatalf("bob's live session while the lock is held: %+v %v", sess, err)
	}
	start = time.Now()
	_, err = s.NewSessions(ctx, "coop", []string{"cy"})
	checkBusy(t, "making a session", err, path, time.Since(start))
	release()
	if _, err := s.NewSessions(ctx, "coop", []string{"cy"}); err != nil {
		t.Fatalf("making a session once the lock is let go: %v", err)
	}
	s.Close()
	s = openAt(t, path, Options{RowKey: testKey, Now: clock, SessionTTL: time.Hour})
	if n := count(t, s, `SELECT count(*) FROM access_sessions`); n != 2 {
		t.Fatalf("%d sessions after a start with no lock in the way, want 2 (bob's and cy's): the expired ones are gone", n)
	}
}

// TestDiskFullAccess: the disk holding the SQLite database fills (the
// file size limit of this process stands in for it, RLIMIT_FSIZE, as in
// store/sqlite's TestDiskFullAtAppend). A login, issuing codes and making
// sessions fail naming the database and what to do — not SQLite's bare
// words — and change nothing; the login handler answers 503, try again
// in a moment; once there is room again they all work.
func TestDiskFullAccess(t *testing.T) {
	ctx := context.Background()
	var logged bytes.Buffer
	s, path, _ := servedStore(t, Options{RowKey: testKey, Logger: slog.New(slog.NewTextHandler(&logged, nil))})
	codes, err := s.IssueCodes(ctx, "coop", []string{"ann", "bob"})
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	// The write-ahead log, where every write goes, may grow no more.
	restore := sqlitetest.FillDisk(t, fi.Size())
	nCodes, nSessions := count(t, s, `SELECT count(*) FROM access_codes`), count(t, s, `SELECT count(*) FROM access_sessions`)
	check := func(what string, err error) {
		t.Helper()
		for _, w := range []string{path + ": ", "could not be written", "make room on its disk"} {
			if err == nil || !strings.Contains(err.Error(), w) {
				t.Fatalf("%s on a full disk: %v; want it to say %q", what, err, w)
			}
		}
		if c, ss := count(t, s, `SELECT count(*) FROM access_codes`), count(t, s, `SELECT count(*) FROM access_sessions`); c != nCodes || ss != nSessions {
			t.Fatalf("after %s on a full disk: %d codes, %d sessions; want %d, %d", what, c, ss, nCodes, nSessions)
		}
	}
	_, _, err = s.Login(ctx, codes[0].Code)
	check("a login", err)
	_, err = s.IssueCodes(ctx, "coop", []string{"cy"})
	check("issuing a code", err)
	_, err = s.NewSessions(ctx, "coop", []string{"cy"})
	check("making a session", err)
	if st, _ := tryCode(t, s, "203.0.113.7", codes[1].Code); st != http.StatusServiceUnavailable {
		t.Fatalf("a login through the handler on a full disk: %d, want 503", st)
	}
	if !strings.Contains(logged.String(), "make room on its disk") {
		t.Fatalf("the server's log of a login on a full disk:\n%s", logged.String())
	}
	restore()
	if _, _, err := s.Login(ctx, codes[0].Code); err != nil {
		t.Fatalf("a login once there is room again: %v", err)
	}
	if st, _ := tryCode(t, s, "203.0.113.7", codes[1].Code); st != http.StatusOK {
		t.Fatalf("a login through the handler once there is room again: %d", st)
	}
	if _, err := s.IssueCodes(ctx, "coop", []string{"cy"}); err != nil {
		t.Fatalf("issuing a code once there is room again: %v", err)
	}
}
