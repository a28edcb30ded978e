package auth

import (
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"plenum/assembly"
	"plenum/store/sqlite"
)

// record is what an assembly's state says of its persons' access, as the
// signed log rebuilds it: the Options.Superseded of this file's tests.
type record struct {
	mu     sync.Mutex
	access map[string]*assembly.Access
}

func (r *record) set(person string, a assembly.Access) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.access[person] = &a
}

func (r *record) superseded(assemblyID, person string) time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	if assemblyID != "x" {
		return time.Time{}
	}
	return Superseded(r.access[person])
}

// savedRows are a person's code and session rows as a DBA saves them
// (from a backup), to insert them again later.
type savedRows struct {
	codes, sessions [][]any
}

func saveRows(t *testing.T, s *Store, person string) savedRows {
	t.Helper()
	ctx := context.Background()
	var saved savedRows
	for _, q := range []struct {
		query string
		n     int
		into  *[][]any
	}{
		{`SELECT hash, assembly, person, created, expires, mac FROM access_codes WHERE person = ?`, 6, &saved.codes},
		{`SELECT hash, assembly, person, admin, created, expires, used, admin_id, mac FROM access_sessions WHERE person = ?`, 9, &saved.sessions},
	} {
		rows, err := s.db.R.QueryContext(ctx, s.db.Rebind(q.query), person)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			row := make([]any, q.n)
			ptrs := make([]any, q.n)
			for i := range row {
				ptrs[i] = &row[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			*q.into = append(*q.into, row)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	if len(saved.codes) != 1 || len(saved.sessions) != 1 {
		t.Fatalf("saved %d code rows and %d session rows of %s, want 1 and 1", len(saved.codes), len(saved.sessions), person)
	}
	return saved
}

// putBack inserts the saved rows again, through the DBA's own connection.
func putBack(t *testing.T, db string, saved savedRows) {
	t.Helper()
	_, exec := rawDatabase(t, db)
	for _, row := range saved.codes {
		if err := exec(`INSERT INTO access_codes (hash, assembly, person, created, expires, mac) VALUES ($1, $2, $3, $4, $5, $6)`, row...); err != nil {
			t.Fatal(err)
		}
	}
	for _, row := range saved.sessions {
		if err := exec(`INSERT INTO access_sessions (hash, assembly, person, admin, created, expires, used, admin_id, mac) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, row...); err != nil {
			t.Fatal(err)
		}
	}
}

// TestPutBackRowsAfterRevocationAdmitNobody: review 42's M2. A DBA saves
// ann's code row and her session's, the mandate commission revokes her
// code ("card lost"), and the DBA inserts the saved rows again: their
// MACs are plenum's, but the log records the revocation after they were
// made, so the code is refused as a wrong one and the session is none,
// through the store that revoked and through one opened afterwards (a
// restart, another node; on SQLite held by the serving process, the
// sessions loaded into memory), each logged once for the operator
// without naming her. Bob's code, not revoked, still logs in. The round
// that carries out recorded revocations deletes the code put back.
// Then a new code is issued for ann at the very instant of the
// revocation, through a node whose clock is a minute behind the log's:
// it logs in, its session holds on both nodes, also while a node's state
// still knows only the revocation; her old rows, put back once more,
// stay refused (voided by the new issue as well). SQLite and PostgreSQL.
func TestPutBackRowsAfterRevocationAdmitNobody(t *testing.T) {
	cases := map[string]func(t *testing.T) (db string, reopen func(Options) *Store){}
	for name, fresh := range databases() {
		cases[name] = func(t *testing.T) (string, func(Options) *Store) {
			db := fresh(t)
			return db, func(o Options) *Store { return openAt(t, db, o) }
		}
	}
	cases["sqlite-cached"] = func(t *testing.T) (string, func(Options) *Store) {
		db := filepath.Join(t.TempDir(), "plenum.db")
		var held *sqlite.Store
		return db, func(o Options) *Store {
			if held == nil {
				var err error
				if held, err = sqlite.Open(db); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { held.Close() })
			}
			s := openAt(t, db, o)
			if !s.cacheUsable() {
				t.Fatal("the served store does not cache its sessions")
			}
			return s
		}
	}
	for name, mk := range cases {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db, reopen := mk(t)
			rec := &record{access: map[string]*assembly.Access{}}
			var logged syncBuffer
			opts := Options{RowKey: testKey, Superseded: rec.superseded, Logger: slog.New(slog.NewTextHandler(&logged, nil))}
			s := openAt(t, db, opts)
			issued := time.Now().UTC().Add(-time.Hour).Round(0)
			codes, err := s.IssueRecordedCodes(ctx, "x", []string{"ann", "bob"}, issued)
			if err != nil {
				t.Fatal(err)
			}
			rec.set("ann", assembly.Access{Issued: issued, IssuedBy: "mc"})
			rec.set("bob", assembly.Access{Issued: issued, IssuedBy: "mc"})
			_, annTok, err := s.Login(ctx, codes[0].Code)
			if err != nil {
				t.Fatal(err)
			}
			saved := saveRows(t, s, "ann")

			revoked := time.Now().UTC().Round(0)
			rec.set("ann", assembly.Access{Issued: issued, IssuedBy: "mc", Revoked: revoked, RevokedBy: "mc2", RevokedFor: "card lost"})
			if err := s.RevokeCodesBy(ctx, "x", []string{"ann"}, "mc2", "card lost"); err != nil {
				t.Fatal(err)
			}
			putBack(t, db, saved)

			stores := []*Store{s, reopen(opts)}
			if name == "sqlite-cached" {
				stores = stores[1:] // the first store's memory never saw the rows put back
			}
			for i, st := range stores {
				if sess, _, err := st.Login(ctx, codes[0].Code); !errors.Is(err, ErrBadCode) {
					t.Errorf("store %d: ann's revoked code, put back: %+v %v; want ErrBadCode", i, sess, err)
				}
				if sess, err := st.Session(ctx, annTok); !errors.Is(err, ErrNoSession) {
					t.Errorf("store %d: ann's session from before the revocation, put back: %+v %v; want ErrNoSession", i, sess, err)
				}
				if sess, _, err := st.Login(ctx, codes[1].Code); err != nil || sess.Person != "bob" {
					t.Errorf("store %d: bob's code, not revoked: %+v %v", i, sess, err)
				}
			}
			log := logged.String()
			for _, what := range []string{"an access code row made before the latest revocation", "a session row made before the latest revocation"} {
				if n := strings.Count(log, what); n != len(stores) {
					t.Errorf("logged %q %d times, want once by each store (%d):\n%s", what, n, len(stores), log)
				}
			}
			if strings.Contains(log, "ann") {
				t.Errorf("the log names whom a row put back was for:\n%s", log)
			}

			// The round of recorded revocations deletes the code put back
			// (its MAC is plenum's, made before the revocation).
			done, err := s.CarryOutRevocations(ctx, "x", map[string]Revocation{"ann": {At: revoked, By: "mc2", Reason: "card lost"}})
			if err != nil || len(done) != 1 || done[0] != "ann" {
				t.Fatalf("the round: %v, %v; want [ann]", done, err)
			}
			if n := count(t, s, `SELECT COUNT(*) FROM access_codes WHERE person = ?`, "ann"); n != 0 {
				t.Errorf("ann still has %d code rows after the round", n)
			}

			// A new code, issued at the instant of the revocation, through
			// a node whose clock is a minute behind the log's.
			behind := opts
			behind.Now = func() time.Time { return revoked.Add(-time.Minute) }
			slow := openAt(t, db, behind)
			fresh, err := slow.IssueRecordedCodes(ctx, "x", []string{"ann"}, revoked)
			if err != nil {
				t.Fatal(err)
			}
			// Before the states know of the issue (a node following the
			// log a moment behind), and after.
			for _, known := range []bool{false, true} {
				if known {
					rec.set("ann", assembly.Access{Issued: revoked, IssuedBy: "mc"})
				}
				sess, tok, err := slow.Login(ctx, fresh[0].Code)
				if err != nil || sess.Person != "ann" {
					t.Fatalf("issue known %v: ann's new code, issued after the revocation: %+v %v", known, sess, err)
				}
				check := []*Store{slow, stores[len(stores)-1]}
				if name == "sqlite-cached" {
					check = check[:1] // one process's memory holds what it made
				}
				for i, st := range check {
					if sess, err := st.Session(ctx, tok); err != nil || sess.Person != "ann" {
						t.Errorf("issue known %v, store %d: the new code's session: %+v %v", known, i, sess, err)
					}
				}
			}
			putBack(t, db, saved)
			other := reopen(opts)
			for i, st := range []*Store{slow, other} {
				if sess, _, err := st.Login(ctx, codes[0].Code); !errors.Is(err, ErrBadCode) {
					t.Errorf("store %d: ann's old code, put back after a new issue: %+v %v; want ErrBadCode", i, sess, err)
				}
				if sess, err := st.Session(ctx, annTok); !errors.Is(err, ErrNoSession) {
					t.Errorf("store %d: ann's old session, put back after a new issue: %+v %v; want ErrNoSession", i, sess, err)
				}
			}
		})
	}
}
