package httpapi

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"plenum/assembly"
	"plenum/engine"
	"plenum/store/sqlite"
	"plenum/store/sqlite/sqlitetest"
)

// These tests wait the 10 s plenum waits for another program's lock
// (busy_timeout): neither the record's Store nor auth's connection lets
// a test of another package shorten it. They run in parallel.

// logTo sends the API's log of w to a buffer the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func logTo(w *world) *syncBuffer {
	var buf syncBuffer
	w.api.opts.Logger = slog.New(slog.NewTextHandler(&buf, nil))
	return &buf
}

// countRows counts the rows of table in the SQLite file path, read as
// another program would.
func countRows(t *testing.T, path, table string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// checkDatabaseBusy fails t unless r is the API's answer to a request
// another program's lock on the server's database kept out: 503 with
// Retry-After, code "unavailable", saying so in German (the request's
// language) — not 500 "internal".
func checkDatabaseBusy(t *testing.T, what string, r response) {
	t.Helper()
	p := r.problem()
	if r.status != http.StatusServiceUnavailable || r.header.Get("Retry-After") == "" || p.Code != "unavailable" {
		t.Fatalf("%s under another program's lock: %d, Retry-After %q: %s; want 503 unavailable with Retry-After", what, r.status, r.header.Get("Retry-After"), r.body)
	}
	if !strings.Contains(p.Detail, "Datenbank des Servers") || !strings.Contains(p.Detail, "anderes Programm") {
		t.Fatalf("%s under another program's lock: %q; want it to say, in German, that another program holds the server's database", what, p.Detail)
	}
}

// TestAccessCodesUnderLock: another program (an sqlite3 shell with a
// transaction open) holds the write lock of the database that keeps the
// record and the access codes, as plenum serve keeps them, for longer
// than plenum waits. Issuing access codes through the API is answered
// 503 with Retry-After, saying, in the officer's language, that the
// server's database is held by another program; the operator's log says
// which database and what to do. No code is made and nothing recorded;
// once the lock is let go the same request issues the code, which logs
// in.
func TestAccessCodesUnderLock(t *testing.T) {
	t.Parallel()
	w := newWorldAuth(t, 2, "plenum.db")
	logged := logTo(w)
	path := filepath.Join(w.dir, "plenum.db")
	codes := countRows(t, path, "access_codes")
	var events int
	w.state(func(s *assembly.State) { events = s.Events })

	release := sqlitetest.HoldLock(t, path, "BEGIN IMMEDIATE")
	const body = `{"persons":["d1"]}`
	r := w.admin.do("POST", "/api/assemblies/coop/access-codes", body, "Accept-Language", "de")
	checkDatabaseBusy(t, "issuing a code", r)
	if n := countRows(t, path, "access_codes"); n != codes {
		t.Fatalf("%d access codes after the refused issue, want %d", n, codes)
	}
	w.state(func(s *assembly.State) {
		if s.Events != events {
			t.Fatalf("%d events after the refused issue, want %d", s.Events, events)
		}
	})
	for _, s := range []string{path + ": ", "another program", "close that program"} {
		if !strings.Contains(logged.String(), s) {
			t.Fatalf("the server's log of the refused issue:\n%s\nwant it to say %q", logged, s)
		}
	}
	release()

	r = w.admin.mustStatus(http.StatusCreated, "POST", "/api/assemblies/coop/access-codes", body, "Accept-Language", "de")
	var issued struct{ Codes []IssuedCode }
	r.decode(t, &issued)
	if len(issued.Codes) != 1 || issued.Codes[0].Person != "d1" {
		t.Fatalf("the issue once the lock is let go: %s", r.body)
	}
	(&client{w: w}).mustStatus(http.StatusOK, "POST", "/login", jsonBody(map[string]string{"code": issued.Codes[0].Code}))
}

// TestRevokeUnderLock: the access codes are kept in a database of their
// own, and another program holds its write lock. A revocation is
// recorded, but the codes cannot be deleted: the API answers 503 with
// Retry-After, saying the server's database is held by another program,
// not 500; d1's code still logs in (it is not yet revoked), and the same
// request, once the lock is let go, revokes it.
func TestRevokeUnderLock(t *testing.T) {
	t.Parallel()
	w := newWorld(t, 2)
	logged := logTo(w)
	path := filepath.Join(w.dir, "access.db")
	r := w.admin.mustStatus(http.StatusCreated, "POST", "/api/assemblies/coop/access-codes", `{"persons":["d1"]}`)
	var issued struct{ Codes []IssuedCode }
	r.decode(t, &issued)
	login := jsonBody(map[string]string{"code": issued.Codes[0].Code})
	codes := countRows(t, path, "access_codes")

	release := sqlitetest.HoldLock(t, path, "BEGIN IMMEDIATE")
	const body = `{"persons":["d1"]}`
	r = w.admin.do("POST", "/api/assemblies/coop/access-codes/revoke", body, "Accept-Language", "de")
	checkDatabaseBusy(t, "revoking a code", r)
	if n := countRows(t, path, "access_codes"); n != codes {
		t.Fatalf("%d access codes after the refused revocation, want %d", n, codes)
	}
	if !strings.Contains(logged.String(), "another program") {
		t.Fatalf("the server's log of the refused revocation:\n%s", logged)
	}
	release()

	(&client{w: w}).mustStatus(http.StatusOK, "POST", "/login", login)
	w.admin.mustStatus(http.StatusNoContent, "POST", "/api/assemblies/coop/access-codes/revoke", body)
	(&client{w: w}).mustStatus(http.StatusUnauthorized, "POST", "/login", login)
}

// TestDiskFullAnswer: a write to the server's database that failed for
// want of room (SQLITE_FULL, as sqlite.Explain says it) is answered 503
// with Retry-After, saying the server's database could not be written,
// and logged with what to do; not 500 "internal".
func TestDiskFullAnswer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "full.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`CREATE TABLE t (b BLOB)`); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	restore := sqlitetest.FillDisk(t, fi.Size())
	_, werr := db.Exec(`INSERT INTO t VALUES (zeroblob(1000000))`)
	restore()
	if werr == nil {
		t.Fatal("a write past the file size limit succeeded")
	}
	werr = sqlite.Explain(path, werr)
	if !strings.Contains(werr.Error(), "make room on its disk") {
		t.Fatalf("the error of a write on a full disk: %v", werr)
	}
	var logged syncBuffer
	api := &API{opts: Options{Logger: slog.New(slog.NewTextHandler(&logged, nil))}}
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/api/assemblies/coop/access-codes", nil)
	req.Header.Set("Accept-Language", "fr")
	api.fail(rec, req, errors.Join(errors.New("cards: the issue is recorded but the codes could not be made"), werr))
	var p Problem
	if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil || rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" || p.Code != "unavailable" {
		t.Fatalf("a full disk: %d, Retry-After %q: %s; want 503 unavailable with Retry-After", rec.Code, rec.Header().Get("Retry-After"), rec.Body)
	}
	if !strings.Contains(p.Detail, "base de données du serveur") {
		t.Fatalf("a full disk, in French: %q; want it to say the server's database could not be written", p.Detail)
	}
	if !strings.Contains(logged.String(), "make room on its disk") {
		t.Fatalf("the server's log of a full disk:\n%s", logged.String())
	}

	// A command the engine could not record for want of room says so; one
	// whose assembly is suspended says that, whatever the cause.
	for _, c := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("engine: coop: %w, the record is as it was: %w", engine.ErrNotRecorded, werr), "could not be written (its disk may be full"},
		{fmt.Errorf("engine: coop: %w: %w", engine.ErrSuspended, werr), "takes no commands for now"},
	} {
		rec = httptest.NewRecorder()
		api.fail(rec, httptest.NewRequest("POST", "/api/assemblies/coop/commands", nil), c.err)
		p = Problem{}
		if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil || rec.Code != http.StatusServiceUnavailable || !strings.Contains(p.Detail, c.want) {
			t.Fatalf("%v: %d %s; want 503 saying %q", c.err, rec.Code, rec.Body, c.want)
		}
	}

	// A real bug stays a 500.
	rec = httptest.NewRecorder()
	api.fail(rec, httptest.NewRequest("GET", "/api/assemblies", nil), errors.New("a bug"))
	if rec.Code != http.StatusInternalServerError {
		t.Fatalf("another error: %d, want 500", rec.Code)
	}

}
