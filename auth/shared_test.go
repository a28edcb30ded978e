package auth

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"plenum/store/postgres/pgtest"
)

// databases gives a fresh database of each store.
func databases() map[string]func(t testing.TB) string { return pgtest.Databases("plenum.db") }

func openAt(t *testing.T, db string, opts Options) *Store {
	t.Helper()
	s, err := Open(db, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestTwoProcessesShareAccess: two stores on one database, as two plenum
// nodes on one PostgreSQL, see each other's codes and sessions: a session
// made through one is valid through the other, a code revoked through one
// is refused through the other, and so on for logouts and the
// administrator's one-time link.
func TestTwoProcessesShareAccess(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := fresh(t)
			a, b := openAt(t, db, Options{RowKey: testKey}), openAt(t, db, Options{RowKey: testKey})

			codes, err := a.IssueCodes(ctx, "coop", []string{"ann", "bob"})
			if err != nil {
				t.Fatal(err)
			}
			_, annTok, err := b.Login(ctx, codes[0].Code)
			if err != nil {
				t.Fatalf("a code issued through one store, logging in through the other: %v", err)
			}
			if sess, err := a.Session(ctx, annTok); err != nil || sess.Person != "ann" || sess.Assembly != "coop" {
				t.Fatalf("a session made through one store, read through the other: %+v %v", sess, err)
			}
			_, bobTok, err := a.Login(ctx, codes[1].Code)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := b.Session(ctx, bobTok); err != nil {
				t.Fatalf("bob's session through b: %v", err)
			}
			// Revoked through a: refused through b, session over on both.
			if err := a.RevokeCodes(ctx, "coop", []string{"bob"}); err != nil {
				t.Fatal(err)
			}
			if _, _, err := b.Login(ctx, codes[1].Code); !errors.Is(err, ErrBadCode) {
				t.Fatalf("a code revoked through a, through b: %v, want ErrBadCode", err)
			}
			for n, s := range map[string]*Store{"a": a, "b": b} {
				if _, err := s.Session(ctx, bobTok); !errors.Is(err, ErrNoSession) {
					t.Fatalf("bob's session after the revocation, through %s: %v", n, err)
				}
			}
			// Re-issued through b: the old code is refused through a.
			again, err := b.IssueCodes(ctx, "coop", []string{"ann"})
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := a.Login(ctx, codes[0].Code); !errors.Is(err, ErrBadCode) {
				t.Fatalf("ann's old code after a re-issue through b: %v", err)
			}
			if _, err := a.Session(ctx, annTok); !errors.Is(err, ErrNoSession) {
				t.Fatalf("ann's old session after a re-issue through b: %v", err)
			}
			_, tok, err := a.Login(ctx, again[0].Code)
			if err != nil {
				t.Fatal(err)
			}
			if err := b.Logout(ctx, tok); err != nil {
				t.Fatal(err)
			}
			if _, err := a.Session(ctx, tok); !errors.Is(err, ErrNoSession) {
				t.Fatalf("a session ended through b, through a: %v", err)
			}
			// The administrator's link printed by one node works once, on
			// any node; then no node prints another.
			link, err := a.BootstrapAdmin(ctx, "http://x")
			if err != nil || link == "" {
				t.Fatalf("BootstrapAdmin: %q %v", link, err)
			}
			token := strings.TrimPrefix(link, "http://x/login?admin=")
			if _, _, err := b.LoginAdmin(ctx, token); err != nil {
				t.Fatalf("the administrator link from a, through b: %v", err)
			}
			if _, _, err := a.LoginAdmin(ctx, token); !errors.Is(err, ErrBadToken) {
				t.Fatalf("the administrator link used twice: %v", err)
			}
			if link, err := a.BootstrapAdmin(ctx, "http://x"); err != nil || link != "" {
				t.Fatalf("BootstrapAdmin after an administrator logged in through b: %q %v", link, err)
			}
		})
	}
}

// TestLoginRacesRevocation: a login through one store racing a revocation
// of the same code through another never leaves a session behind the
// revocation.
func TestLoginRacesRevocation(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := fresh(t)
			a, b := openAt(t, db, Options{RowKey: testKey}), openAt(t, db, Options{RowKey: testKey})
			for round := range 40 {
				codes, err := a.IssueCodes(ctx, "coop", []string{"ann"})
				if err != nil {
					t.Fatal(err)
				}
				var wg sync.WaitGroup
				var tok string
				var loginErr error
				wg.Add(2)
				go func() { defer wg.Done(); _, tok, loginErr = b.Login(ctx, codes[0].Code) }()
				go func() {
					defer wg.Done()
					if err := a.RevokeCodes(ctx, "coop", []string{"ann"}); err != nil {
						t.Error(err)
					}
				}()
				wg.Wait()
				if loginErr != nil && !errors.Is(loginErr, ErrBadCode) {
					t.Fatalf("round %d: %v", round, loginErr)
				}
				if n := count(t, a, `SELECT count(*) FROM access_sessions WHERE person = 'ann'`); n != 0 {
					t.Fatalf("round %d: %d sessions of ann after her code was revoked (login: %v)", round, n, loginErr)
				}
				if tok != "" {
					if _, err := a.Session(ctx, tok); !errors.Is(err, ErrNoSession) {
						t.Fatalf("round %d: a session that raced the revocation lives: %v", round, err)
					}
				}
			}
		})
	}
}

// TestWrongCodesLimitedPerProcess: on SQLite the limits on wrong codes are
// counted by each process, in memory (one process serves a SQLite file;
// wrongcodes.go says why); on PostgreSQL they are shared
// (TestWrongCodesSharedOnPostgres).
func TestWrongCodesLimitedPerProcess(t *testing.T) {
	db := filepath.Join(t.TempDir(), "plenum.db")
	opts := Options{RowKey: testKey, WrongCodesPerMinute: 3}
	a, b := openAt(t, db, opts), openAt(t, db, opts)
	now := time.Now()
	for i := range 3 {
		if ok, _ := a.lim.fail("10.0.0.1", now); !ok {
			t.Fatalf("wrong code %d through a refused", i+1)
		}
	}
	if ok, _ := a.lim.fail("10.0.0.1", now); ok {
		t.Fatal("the fourth wrong code a minute through a was not limited")
	}
	if ok, _ := b.lim.fail("10.0.0.1", now); !ok {
		t.Fatal("b counts a's wrong codes")
	}
}

// legacySchema is the access database plenum kept in DATA/access.db
// before access moved into the database of the record.
const legacySchema = `
CREATE TABLE codes (hash BLOB PRIMARY KEY, assembly TEXT NOT NULL, person TEXT NOT NULL, created INTEGER NOT NULL, expires INTEGER NOT NULL);
CREATE INDEX codes_person ON codes(assembly, person);
CREATE TABLE sessions (hash BLOB PRIMARY KEY, assembly TEXT NOT NULL, person TEXT NOT NULL, admin INTEGER NOT NULL, created INTEGER NOT NULL, expires INTEGER NOT NULL);
CREATE TABLE admin_tokens (hash BLOB PRIMARY KEY, expires INTEGER NOT NULL);
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
`

// TestImportLegacy: the codes and sessions of an access.db written by an
// earlier plenum are taken over once, expired ones left behind, and the
// file renamed; a file that is not such a database stops the import and
// changes nothing.
func TestImportLegacy(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := fresh(t)
			dir := t.TempDir()
			legacy := filepath.Join(dir, LegacyFile)
			old, err := sql.Open("sqlite", legacy)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := old.Exec(legacySchema); err != nil {
				t.Fatal(err)
			}
			now := time.Now()
			live, gone := now.Add(time.Hour).UnixNano(), now.Add(-time.Hour).UnixNano()
			code, expiredCode := newCode(), newCode()
			tok, th := newToken()
			adminTok, ah := newToken()
			for _, q := range []struct {
				sql  string
				args []any
			}{
				{`INSERT INTO codes VALUES (?, 'coop', 'ann', 1, ?)`, []any{hashOf(hashCode(code)), live}},
				{`INSERT INTO codes VALUES (?, 'coop', 'bob', 1, ?)`, []any{hashOf(hashCode(expiredCode)), gone}},
				{`INSERT INTO sessions VALUES (?, 'coop', 'cid', 0, 1, ?)`, []any{hashOf(th), live}},
				{`INSERT INTO admin_tokens VALUES (?, ?)`, []any{hashOf(ah), live}},
			} {
				if _, err := old.Exec(q.sql, q.args...); err != nil {
					t.Fatal(err)
				}
			}
			old.Close()

			s := openAt(t, db, Options{RowKey: testKey})
			im, err := s.ImportLegacy(ctx, legacy)
			if err != nil {
				t.Fatal(err)
			}
			if im == nil || im.Codes != 1 || im.Sessions != 1 || im.AdminTokens != 1 || im.Expired != 1 || im.AdminUsed {
				t.Fatalf("imported %+v", im)
			}
			if _, err := os.Stat(legacy); !os.IsNotExist(err) {
				t.Fatalf("the legacy file is still there: %v", err)
			}
			if _, err := os.Stat(legacy + ImportedSuffix); err != nil {
				t.Fatalf("the legacy file is not kept as %s: %v", LegacyFile+ImportedSuffix, err)
			}
			// What was taken over works; what had expired does not.
			if sess, err := s.Session(ctx, tok); err != nil || sess.Person != "cid" {
				t.Fatalf("an imported session: %+v %v", sess, err)
			}
			if sess, _, err := s.Login(ctx, code); err != nil || sess.Person != "ann" {
				t.Fatalf("an imported code: %+v %v", sess, err)
			}
			if _, _, err := s.Login(ctx, expiredCode); !errors.Is(err, ErrBadCode) {
				t.Fatalf("an expired code: %v", err)
			}
			if _, _, err := s.LoginAdmin(ctx, adminTok); err != nil {
				t.Fatalf("an imported administrator link: %v", err)
			}
			// Once: there is nothing to import at the next start.
			if im, err := s.ImportLegacy(ctx, legacy); im != nil || err != nil {
				t.Fatalf("a second import: %+v %v", im, err)
			}

			// A file of that name that is not an access database is
			// refused, naming it; nothing is imported and it stays.
			if err := os.WriteFile(legacy, []byte("not a database"), 0o600); err != nil {
				t.Fatal(err)
			}
			before := count(t, s, `SELECT count(*) FROM access_codes`)
			_, err = s.ImportLegacy(ctx, legacy)
			if err == nil || !strings.Contains(err.Error(), legacy) || !strings.Contains(err.Error(), "Move the file away") {
				t.Fatalf("importing a file that is not an access database: %v", err)
			}
			if _, err := os.Stat(legacy); err != nil {
				t.Fatalf("the refused file was moved: %v", err)
			}
			if after := count(t, s, `SELECT count(*) FROM access_codes`); after != before {
				t.Fatalf("a refused import changed the codes: %d, then %d", before, after)
			}
		})
	}
}

func hashOf(h [32]byte) []byte { return h[:] }

// TestOpenBadDatabase: an unreachable PostgreSQL is named without its
// password; a database of another plenum version's schema is refused,
// saying so, on both stores.
func TestOpenBadDatabase(t *testing.T) {
	url := "postgres://plenum:s3cret-pw@127.0.0.1:1/nowhere?sslmode=disable&connect_timeout=2"
	_, err := Open(url, Options{RowKey: testKey})
	if err == nil || !strings.Contains(err.Error(), "127.0.0.1:1") || !strings.Contains(err.Error(), "nowhere") || strings.Contains(err.Error(), "s3cret") {
		t.Fatalf("an unreachable database: %v, want its host and name without the password", err)
	}
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			db := fresh(t)
			s := openAt(t, db, Options{RowKey: testKey})
			if _, err := s.db.W.Exec(`INSERT INTO schema_migrations (version) VALUES (99)`); err != nil {
				t.Fatal(err)
			}
			s.Close()
			_, err := Open(db, Options{RowKey: testKey})
			if err == nil || !strings.Contains(err.Error(), "schema version 99 is newer than this plenum") {
				t.Fatalf("a database of a newer plenum: %v", err)
			}
		})
	}
}

// TestVoidUnissuedCodes: on both databases, a person whose latest recorded
// issue is newer than their newest code (or who has no code) loses their
// codes and sessions; one whose code was made by that issue keeps both;
// another assembly's codes are not touched. A code row planted for bob
// by hand, made after his recorded issue, does not pass for the code
// that issue made (rowmac.go).
func TestVoidUnissuedCodes(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := fresh(t)
			s := openAt(t, db, Options{RowKey: testKey})
			recorded := time.Date(2026, 12, 3, 9, 0, 0, 123456789, time.UTC)
			codes, err := s.IssueRecordedCodes(ctx, "coop", []string{"ann", "bob"}, recorded)
			if err != nil {
				t.Fatal(err)
			}
			_, annTok, err := s.Login(ctx, codes[0].Code)
			if err != nil {
				t.Fatal(err)
			}
			_, bobTok, err := s.Login(ctx, codes[1].Code)
			if err != nil {
				t.Fatal(err)
			}
			_, exec := rawDatabase(t, db)
			ph := hashCode(newCode())
			if err := exec(`INSERT INTO access_codes (hash, assembly, person, created, expires) VALUES ($1, $2, $3, $4, $5)`,
				ph[:], "coop", "bob", recorded.Add(time.Hour).UnixNano(), recorded.Add(48*time.Hour).UnixNano()); err != nil {
				t.Fatal(err)
			}
			voided, err := s.VoidUnissuedCodes(ctx, "coop", map[string]time.Time{
				"ann": recorded,                      // carried out
				"bob": recorded.Add(time.Nanosecond), // a later issue made no code
				"cid": recorded,                      // an issue that made no code at all
			})
			if err != nil {
				t.Fatal(err)
			}
			slices.Sort(voided)
			if !slices.Equal(voided, []string{"bob", "cid"}) {
				t.Fatalf("voided %v, want bob and cid", voided)
			}
			if _, err := s.Session(ctx, annTok); err != nil {
				t.Fatalf("ann's session: %v", err)
			}
			if _, _, err := s.Login(ctx, codes[0].Code); err != nil {
				t.Fatalf("ann's code: %v", err)
			}
			if _, err := s.Session(ctx, bobTok); err != ErrNoSession {
				t.Fatalf("bob's session after his code was voided: %v", err)
			}
			if _, _, err := s.Login(ctx, codes[1].Code); err != ErrBadCode {
				t.Fatalf("bob's voided code: %v", err)
			}
			// Another assembly's record says nothing about coop's codes.
			if v, err := s.VoidUnissuedCodes(ctx, "other", map[string]time.Time{"ann": recorded.Add(time.Hour)}); err != nil || len(v) != 1 {
				t.Fatalf("another assembly: %v, %v", v, err)
			}
			if _, _, err := s.Login(ctx, codes[0].Code); err != nil {
				t.Fatalf("ann's code after another assembly's voiding: %v", err)
			}
		})
	}
}
