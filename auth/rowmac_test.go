package auth

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/ledger"
	"plenum/store/postgres/pgtest"
	"plenum/store/sqlite"
)

// testKey is the row key (Options.RowKey) of this package's tests.
var testKey = bytes.Repeat([]byte{0x42}, RowKeySize)

// syncBuffer is a log's output, written from several goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// planted is what a DBA writes into the access tables by hand, as the
// review did: rows that would admit him, with no MAC, with a made-up
// one, and with the MAC of a genuine row of another person.
type planted struct {
	codes    []string // access codes whose rows were inserted
	sessions []string // session tokens whose rows were inserted
	admins   []string // administrator links whose rows were inserted
}

// plant writes, through a connection of its own (the DBA's), rows for
// the person "ignatov" of "coop" and for the server administrator,
// one without a MAC, one with random bytes, one with genuine's (a MAC
// plenum wrote for another row); a session row is a server
// administrator's (admin, as the review planted it) or ignatov's.
func plant(t *testing.T, db string, genuine []byte) planted {
	t.Helper()
	_, exec := rawDatabase(t, db)
	now := time.Now().UTC()
	created, exp := now.Add(-time.Minute).UnixNano(), now.Add(time.Hour).UnixNano()
	var p planted
	for _, mac := range [][]byte{nil, bytes.Repeat([]byte{7}, 32), genuine} {
		code := newCode()
		ch := hashCode(code)
		if err := exec(`INSERT INTO access_codes (hash, assembly, person, created, expires, mac) VALUES ($1, $2, $3, $4, $5, $6)`,
			ch[:], "coop", "ignatov", created, exp, mac); err != nil {
			t.Fatal(err)
		}
		p.codes = append(p.codes, code)
		for _, admin := range []bool{true, false} {
			tok, th := newToken()
			a, person := "coop", "ignatov"
			if admin {
				a, person = "", AdminPerson
			}
			if err := exec(`INSERT INTO access_sessions (hash, assembly, person, admin, created, expires, mac) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
				th[:], a, person, admin, created, exp, mac); err != nil {
				t.Fatal(err)
			}
			p.sessions = append(p.sessions, tok)
		}
		link, lh := newToken()
		if err := exec(`INSERT INTO access_admin_tokens (hash, expires, mac) VALUES ($1, $2, $3)`, lh[:], exp, mac); err != nil {
			t.Fatal(err)
		}
		p.admins = append(p.admins, link)
	}
	return p
}

// refusesPlanted checks that s admits none of p, and that s logged the
// refusals, once per kind of row, without naming whom the rows were for.
// A planted administrator link is used up as it is refused.
func refusesPlanted(t *testing.T, s *Store, p planted, logged *syncBuffer) {
	t.Helper()
	ctx := context.Background()
	for _, c := range p.codes {
		if sess, _, err := s.Login(ctx, c); !errors.Is(err, ErrBadCode) {
			t.Errorf("a planted code row: %+v %v; want ErrBadCode, as an unknown code", sess, err)
		}
	}
	for _, tok := range p.sessions {
		if sess, err := s.Session(ctx, tok); !errors.Is(err, ErrNoSession) {
			t.Errorf("a planted session row: %+v %v; want ErrNoSession", sess, err)
		}
	}
	for _, l := range p.admins {
		if sess, _, err := s.LoginAdmin(ctx, l); !errors.Is(err, ErrBadToken) {
			t.Errorf("a planted administrator link: %+v %v; want ErrBadToken", sess, err)
		}
	}
	log := logged.String()
	for what, rows := range map[string][]string{"an access code row not written by plenum": p.codes, "a session row not written by plenum": p.sessions, "an administrator link row not written by plenum": p.admins} {
		if n := strings.Count(log, what); n != min(len(rows), 1) {
			t.Errorf("logged %q %d times, want once:\n%s", what, n, log)
		}
	}
	if strings.Contains(log, "ignatov") {
		t.Errorf("the log names whom a planted row was for:\n%s", log)
	}
}

// TestPlantedRowsAdmitNobody: the review's attack. A DBA inserts rows
// into access_codes, access_sessions and access_admin_tokens by hand —
// a code for ignatov, whom no issue gave one, a server administrator's
// session, an administrator link — without a MAC, with a made-up one, or
// with a MAC plenum wrote for another row: none logs in, none is a
// session, each refused as an unknown code or session would be, and the
// refusal logged once per kind. A genuine code, issued through plenum,
// still logs in beside them, and its session holds. SQLite, PostgreSQL,
// and SQLite held by the serving process (sessions cached in memory,
// loaded from the database).
func TestPlantedRowsAdmitNobody(t *testing.T) {
	// Each case gives a database, and how the store under test opens on
	// it once the rows are planted.
	cases := map[string]func(t *testing.T) (db string, open func(logged *syncBuffer) *Store){}
	for name, fresh := range databases() {
		cases[name] = func(t *testing.T) (string, func(*syncBuffer) *Store) {
			db := fresh(t)
			return db, func(logged *syncBuffer) *Store {
				if logged == nil {
					logged = &syncBuffer{}
				}
				return openAt(t, db, Options{RowKey: testKey, Logger: slog.New(slog.NewTextHandler(logged, nil))})
			}
		}
	}
	cases["sqlite-cached"] = func(t *testing.T) (string, func(*syncBuffer) *Store) {
		db := filepath.Join(t.TempDir(), "plenum.db")
		return db, func(logged *syncBuffer) *Store {
			if logged == nil {
				return openAt(t, db, Options{RowKey: testKey})
			}
			held, err := sqlite.Open(db)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { held.Close() })
			s := openAt(t, db, Options{RowKey: testKey, Logger: slog.New(slog.NewTextHandler(logged, nil))})
			if !s.cacheUsable() {
				t.Fatal("the served store does not cache its sessions")
			}
			return s
		}
	}
	for name, mk := range cases {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db, open := mk(t)
			s := open(nil)
			codes, err := s.IssueCodes(ctx, "coop", []string{"ann"})
			if err != nil {
				t.Fatal(err)
			}
			// A genuine MAC, to copy into a planted row.
			var genuine []byte
			h := hashCode(codes[0].Code)
			if err := s.queryRow(ctx, s.db.R, `SELECT mac FROM access_codes WHERE hash = ?`, h[:]).Scan(&genuine); err != nil || len(genuine) != 32 {
				t.Fatalf("the genuine code's MAC: %x %v", genuine, err)
			}
			s.Close()
			p := plant(t, db, genuine)
			var logged syncBuffer
			s = open(&logged)
			refusesPlanted(t, s, p, &logged)
			sess, tok, err := s.Login(ctx, codes[0].Code)
			if err != nil || sess.Person != "ann" || sess.Assembly != "coop" || sess.Admin {
				t.Fatalf("the genuine code beside the planted rows: %+v %v", sess, err)
			}
			if sess, err := s.Session(ctx, tok); err != nil || sess.Person != "ann" {
				t.Fatalf("the genuine session: %+v %v", sess, err)
			}
			if l, err := s.OwnSessions(ctx, tok); err != nil || len(l) != 1 {
				t.Fatalf("ann's sessions: %+v %v; want hers alone", l, err)
			}
			// A device link planted for a genuine administrator's session
			// (whose device it would log in as him) is refused too.
			if name == "sqlite-cached" {
				return // the process holds the database: nobody else writes it
			}
			link, err := s.NewAdminToken(ctx)
			if err != nil {
				t.Fatal(err)
			}
			admin, at, err := s.LoginAdmin(ctx, link)
			if err != nil {
				t.Fatal(err)
			}
			_, exec := rawDatabase(t, db)
			// Nor does ann's sessions page list a session planted as hers.
			_, ph := newToken()
			now := time.Now().UnixNano()
			if err := exec(`INSERT INTO access_sessions (hash, assembly, person, admin, created, expires) VALUES ($1, $2, $3, $4, $5, $6)`,
				ph[:], "coop", "ann", false, now, now+int64(time.Hour)); err != nil {
				t.Fatal(err)
			}
			if l, err := s.OwnSessions(ctx, tok); err != nil || len(l) != 1 {
				t.Fatalf("ann's sessions beside one planted as hers: %+v %v; want hers alone", l, err)
			}
			dev, dh := newToken()
			ah := hashToken(at)
			if err := exec(`INSERT INTO access_device_links (hash, admin_id, session, expires, mac) VALUES ($1, $2, $3, $4, $5)`,
				dh[:], admin.adminID, ah[:], time.Now().Add(time.Minute).UnixNano(), genuine); err != nil {
				t.Fatal(err)
			}
			if sess, _, err := s.LoginAdmin(ctx, dev); !errors.Is(err, ErrBadToken) {
				t.Fatalf("a planted device link: %+v %v; want ErrBadToken", sess, err)
			}
			if !strings.Contains(logged.String(), "an administrator's device link row not written by plenum") {
				t.Errorf("the planted device link was not logged:\n%s", logged.String())
			}
		})
	}
}

// TestEditedRowsAdmitNobody: a DBA who edits a genuine row — the person
// of a code or a session, a session made the server administrator's, a
// code's expiry put off, a session moved to another assembly — makes it
// admit nobody; the rows he left alone still admit. SQLite and
// PostgreSQL.
func TestEditedRowsAdmitNobody(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := fresh(t)
			var logged syncBuffer
			s := openAt(t, db, Options{RowKey: testKey, Logger: slog.New(slog.NewTextHandler(&logged, nil))})
			codes, err := s.IssueCodes(ctx, "coop", []string{"ann", "bob", "cy", "dan", "eve"})
			if err != nil {
				t.Fatal(err)
			}
			tokens := make([]string, len(codes))
			for i, c := range codes {
				if _, tokens[i], err = s.Login(ctx, c.Code); err != nil {
					t.Fatal(err)
				}
			}
			_, exec := rawDatabase(t, db)
			hc := func(i int) []byte { h := hashCode(codes[i].Code); return h[:] }
			ht := func(i int) []byte { h := hashToken(tokens[i]); return h[:] }
			for _, e := range []struct {
				q   string
				arg []byte
			}{
				{`UPDATE access_codes SET person = 'ignatov' WHERE hash = $1`, hc(0)},
				{`UPDATE access_codes SET expires = expires + 1 WHERE hash = $1`, hc(1)},
				{`UPDATE access_sessions SET person = 'ignatov' WHERE hash = $1`, ht(2)},
				{`UPDATE access_sessions SET admin = true, assembly = '', person = 'admin' WHERE hash = $1`, ht(3)},
				{`UPDATE access_sessions SET assembly = 'other' WHERE hash = $1`, ht(4)},
			} {
				if err := exec(e.q, e.arg); err != nil {
					t.Fatalf("%s: %v", e.q, err)
				}
			}
			for _, i := range []int{0, 1} {
				if sess, _, err := s.Login(ctx, codes[i].Code); !errors.Is(err, ErrBadCode) {
					t.Errorf("%s's edited code: %+v %v; want ErrBadCode", codes[i].Person, sess, err)
				}
			}
			for _, i := range []int{2, 3, 4} {
				if sess, err := s.Session(ctx, tokens[i]); !errors.Is(err, ErrNoSession) {
					t.Errorf("%s's edited session: %+v %v; want ErrNoSession", codes[i].Person, sess, err)
				}
			}
			// Left alone: ann's and bob's sessions, cy's, dan's and eve's codes.
			for _, i := range []int{0, 1} {
				if _, err := s.Session(ctx, tokens[i]); err != nil {
					t.Errorf("%s's session, not edited: %v", codes[i].Person, err)
				}
			}
			for _, i := range []int{2, 3, 4} {
				if sess, _, err := s.Login(ctx, codes[i].Code); err != nil || sess.Person != codes[i].Person {
					t.Errorf("%s's code, not edited: %+v %v", codes[i].Person, sess, err)
				}
			}
			if strings.Contains(logged.String(), "ignatov") {
				t.Errorf("the log names an edited row's person:\n%s", logged.String())
			}
		})
	}
}

// signerKey is the row key of a new signing key named name.
func signerKey(t *testing.T, name string) []byte {
	t.Helper()
	skey, _, err := ledger.GenerateKey(name)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	k, err := RowKey(signer)
	if err != nil {
		t.Fatal(err)
	}
	if again, err := RowKey(signer); err != nil || !bytes.Equal(again, k) {
		t.Fatalf("the row key of one signing key, twice: %x %x %v", k, again, err)
	}
	if reg, err := RegistryKey(signer); err != nil || bytes.Equal(reg, k) || len(reg) != RowKeySize {
		t.Fatalf("the cluster registry's key is not a key of its own: %x (row key %x), %v", reg, k, err)
	}
	return k
}

// TestAnotherSigningKeyRefusesRows: two nodes of one assembly share the
// signing key, so a code issued and a session made through one admit
// through the other; a node with another signing key (RowKey of it)
// admits none of them, nor the server administrator's link. SQLite and
// PostgreSQL.
func TestAnotherSigningKeyRefusesRows(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := fresh(t)
			key, other := signerKey(t, "plenum.example"), signerKey(t, "plenum.example")
			if bytes.Equal(key, other) {
				t.Fatal("two signing keys made one row key")
			}
			a := openAt(t, db, Options{RowKey: key})
			b := openAt(t, db, Options{RowKey: key})
			var logged syncBuffer
			c := openAt(t, db, Options{RowKey: other, Logger: slog.New(slog.NewTextHandler(&logged, nil))})
			codes, err := a.IssueCodes(ctx, "coop", []string{"ann", "bob"})
			if err != nil {
				t.Fatal(err)
			}
			_, tok, err := a.Login(ctx, codes[0].Code)
			if err != nil {
				t.Fatal(err)
			}
			link, err := a.NewAdminToken(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if sess, err := b.Session(ctx, tok); err != nil || sess.Person != "ann" {
				t.Fatalf("a session made through a node, through another of the same key: %+v %v", sess, err)
			}
			if _, err := c.Session(ctx, tok); !errors.Is(err, ErrNoSession) {
				t.Fatalf("the session through a node of another key: %v, want ErrNoSession", err)
			}
			if _, _, err := c.Login(ctx, codes[1].Code); !errors.Is(err, ErrBadCode) {
				t.Fatalf("a code through a node of another key: %v, want ErrBadCode", err)
			}
			if _, _, err := c.LoginAdmin(ctx, link); !errors.Is(err, ErrBadToken) {
				t.Fatalf("the administrator link through a node of another key: %v, want ErrBadToken", err)
			}
			if sess, _, err := b.Login(ctx, codes[1].Code); err != nil || sess.Person != "bob" {
				t.Fatalf("a code issued through a node, through another of the same key: %+v %v", sess, err)
			}
			if !strings.Contains(logged.String(), "another signing key") {
				t.Errorf("the node of another key did not say why it refused:\n%s", logged.String())
			}
		})
	}
}

// rowsSealedVersion is the migration that gives the access rows their
// MAC (0020_access_row_macs.sql).
const rowsSealedVersion = 24

// TestRowsOfAnEarlierPlenumSealedOnce: the migration's choice. A database
// of a plenum before the MACs, mid-assembly — a code on a printed card, a
// delegate's session, a server administrator's session, the operator's
// administrator link — goes on working after the upgrade: the first start
// seals its rows (so nobody needs a new card or a new login). Sealing is
// once: a row planted without a MAC after that first start is refused at
// every later start, even when the DBA also deletes (or forges) the note
// that the rows were sealed; the genuine rows go on working. SQLite and
// PostgreSQL.
func TestRowsOfAnEarlierPlenumSealedOnce(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := fresh(t)
			tok, code, admin := oldDatabase(t, db, rowsSealedVersion)
			_, exec := rawDatabase(t, db)
			link, lh := newToken()
			if err := exec(`INSERT INTO access_admin_tokens (hash, expires) VALUES ($1, $2)`, lh[:], time.Now().Add(time.Hour).UnixNano()); err != nil {
				t.Fatal(err)
			}
			var logged syncBuffer
			s := openAt(t, db, Options{RowKey: testKey, Logger: slog.New(slog.NewTextHandler(&logged, nil))})
			if !strings.Contains(logged.String(), "rows=4") {
				t.Errorf("the first start after the upgrade did not say it sealed the 4 rows:\n%s", logged.String())
			}
			if sess, err := s.Session(ctx, tok); err != nil || sess.Person != "ann" {
				t.Fatalf("the delegate's session of before the upgrade: %+v %v", sess, err)
			}
			if sess, err := s.Session(ctx, admin); err != nil || !sess.Admin {
				t.Fatalf("the administrator's session of before the upgrade: %+v %v", sess, err)
			}
			if sess, _, err := s.Login(ctx, code); err != nil || sess.Person != "ann" {
				t.Fatalf("the card's code of before the upgrade: %+v %v", sess, err)
			}
			if sess, _, err := s.LoginAdmin(ctx, link); err != nil || !sess.Admin {
				t.Fatalf("the operator's link of before the upgrade: %+v %v", sess, err)
			}
			s.Close()

			// After the first start: planted without a MAC, and the note
			// that the rows were sealed deleted, then forged.
			p := plant(t, db, nil)
			for _, q := range []string{`DELETE FROM access_meta WHERE k = 'rows_sealed'`, `UPDATE access_meta SET v = '2026-01-01T00:00:00Z 00' WHERE k = 'rows_sealed'`} {
				if err := exec(q); err != nil {
					t.Fatal(err)
				}
				var logged syncBuffer
				s := openAt(t, db, Options{RowKey: testKey, Logger: slog.New(slog.NewTextHandler(&logged, nil))})
				if !strings.Contains(logged.String(), "edited outside plenum; rows without a MAC stay refused") {
					t.Errorf("after %s: the start did not say the note was not plenum's:\n%s", q, logged.String())
				}
				refusesPlanted(t, s, p, &logged)
				p.admins = nil // used up
				if sess, err := s.Session(ctx, tok); err != nil || sess.Person != "ann" {
					t.Fatalf("after %s: the session of before the upgrade: %+v %v", q, sess, err)
				}
				s.Close()
			}
			// The note is plenum's again: nothing more to say.
			logged = syncBuffer{}
			s = openAt(t, db, Options{RowKey: testKey, Logger: slog.New(slog.NewTextHandler(&logged, nil))})
			if logged.String() != "" {
				t.Errorf("a start after the note was written again said:\n%s", logged.String())
			}
			refusesPlanted(t, s, planted{codes: p.codes[:1]}, &logged)
		})
	}
}

// TestNodesSealTogether: two nodes of a cluster starting at once on the
// database of an earlier plenum both come up; the rows are sealed, and
// neither takes the other's sealing for an edit outside plenum.
// PostgreSQL (a SQLite database has one serving process).
func TestNodesSealTogether(t *testing.T) {
	for range 3 {
		func() {
			ctx := context.Background()
			db := pgtest.Fresh(t)
			tok, code, _ := oldDatabase(t, db, rowsSealedVersion)
			var logged [2]syncBuffer
			var stores [2]*Store
			var errs [2]error
			var wg sync.WaitGroup
			for i := range stores {
				wg.Go(func() {
					stores[i], errs[i] = Open(db, Options{RowKey: testKey, Logger: slog.New(slog.NewTextHandler(&logged[i], nil))})
				})
			}
			wg.Wait()
			for i, s := range stores {
				if errs[i] != nil {
					t.Fatalf("node %d: %v", i, errs[i])
				}
				t.Cleanup(func() { s.Close() })
				if l := logged[i].String(); strings.Contains(l, "edited outside plenum") {
					t.Errorf("node %d took the other's sealing for an edit:\n%s", i, l)
				}
				if sess, err := s.Session(ctx, tok); err != nil || sess.Person != "ann" {
					t.Fatalf("node %d: the session of before the upgrade: %+v %v", i, sess, err)
				}
			}
			if sess, _, err := stores[1].Login(ctx, code); err != nil || sess.Person != "ann" {
				t.Fatalf("the code of before the upgrade: %+v %v", sess, err)
			}
		}()
	}
}

// TestRowKeysPinned: the keys of the access rows' and the cluster
// registry's MACs, derived from a fixed signing key, are what they were
// when this test was written: the rows already in a database must still
// be accepted after an upgrade, so the derivation may never change.
func TestRowKeysPinned(t *testing.T) {
	signer, err := note.NewSigner("PRIVATE+KEY+pin.example+d6f6beaa+AQcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		key  func(note.Signer) ([]byte, error)
		want string
	}{
		{"RowKey", RowKey, "de208cf257f75e5a337b2283df854befdf5116e54ab749be9e943cf0db879e37"},
		{"RegistryKey", RegistryKey, "f53e10281bda89abe039799dfa6cc469e48b336617e90405b32fc30ad0d0f91c"},
	} {
		k, err := c.key(signer)
		if err != nil {
			t.Fatal(err)
		}
		if got := hex.EncodeToString(k); got != c.want {
			t.Errorf("%s of the pinned key is %s, not %s", c.name, got, c.want)
		}
	}
}
