package auth

import (
	"context"
	"database/sql"
	"os"
	"regexp"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"plenum/store"
	"plenum/store/schema"
)

// sessionDeviceVersion is the migration that gives sessions their device
// and last use (0013_session_device.sql); adminIDVersion the one that
// tells server administrators' sessions apart (0014_admin_sessions.sql).
const (
	sessionDeviceVersion = 13
	adminIDVersion       = 14
)

// oldDatabase makes at db a database as a plenum before migration
// version before made it — the store's own migration files up to the one
// before, applied and recorded as its migrate did — holding an access
// code, a session and a server administrator's session written as that
// plenum wrote them, and returns the session's token, the code and the
// administrator's token.
func oldDatabase(t *testing.T, db string, before int) (token, code, admin string) {
	t.Helper()
	dir, exec := rawDatabase(t, db)
	steps, err := schema.Pending(os.DirFS(dir), "migrations/*.sql", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY)`); err != nil {
		t.Fatal(err)
	}
	for _, s := range steps {
		if s.Version >= before {
			break
		}
		if err := exec(s.SQL); err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		if err := exec(`INSERT INTO schema_migrations (version) VALUES ($1)`, s.Version); err != nil {
			t.Fatal(err)
		}
	}
	token, th := newToken()
	code = newCode()
	ch := hashCode(code)
	now := time.Now().UTC()
	if err := exec(`INSERT INTO access_codes (hash, assembly, person, created, expires) VALUES ($1, $2, $3, $4, $5)`,
		ch[:], "coop", "ann", now.UnixNano(), now.Add(time.Hour).UnixNano()); err != nil {
		t.Fatal(err)
	}
	// As the earlier plenum's insertSession wrote it.
	if err := exec(`INSERT INTO access_sessions (hash, assembly, person, admin, created, expires) VALUES ($1, $2, $3, $4, $5, $6)`,
		th[:], "coop", "ann", false, now.Add(-time.Hour).UnixNano(), now.Add(time.Hour).UnixNano()); err != nil {
		t.Fatal(err)
	}
	admin, ah := newToken()
	if err := exec(`INSERT INTO access_sessions (hash, assembly, person, admin, created, expires) VALUES ($1, $2, $3, $4, $5, $6)`,
		ah[:], "", AdminPerson, true, now.Add(-time.Hour).UnixNano(), now.Add(time.Hour).UnixNano()); err != nil {
		t.Fatal(err)
	}
	return token, code, admin
}

// rawDatabase connects to db as an earlier plenum would, without
// migrating it, for the test's life, and returns the directory of its
// store's migrations and a function running a statement on it ($1, $2, …
// for arguments, on SQLite too).
func rawDatabase(t *testing.T, db string) (dir string, exec func(q string, args ...any) error) {
	t.Helper()
	ctx := context.Background()
	if store.IsPostgres(db) {
		c, err := pgx.Connect(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close(ctx) })
		return "../store/postgres", func(q string, args ...any) error { _, err := c.Exec(ctx, q, args...); return err }
	}
	c, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return "../store/sqlite", func(q string, args ...any) error {
		_, err := c.ExecContext(ctx, regexp.MustCompile(`\$[0-9]+`).ReplaceAllString(q, "?"), args...)
		return err
	}
}

// TestSessionsOfAnEarlierPlenum: a database made by a plenum before
// sessions kept a device and a last use opens (its schema brought up to
// date), and the sessions in it go on working, listed as of an "Unknown
// browser", last used when they were made; a new login through the same
// database keeps its device. SQLite and PostgreSQL.
func TestSessionsOfAnEarlierPlenum(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := fresh(t)
			old, code, _ := oldDatabase(t, db, sessionDeviceVersion)
			s := openAt(t, db, Options{RowKey: testKey})
			_, tok, err := s.LoginFrom(ctx, code, DeviceOf("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"))
			if err != nil {
				t.Fatal(err)
			}
			l, err := s.OwnSessions(ctx, tok)
			if err != nil || len(l) != 2 {
				t.Fatalf("ann's sessions: %+v %v", l, err)
			}
			if !l[0].Current || l[0].Device.String() != "Safari on iPhone" {
				t.Errorf("the new session: %+v; want Safari on iPhone, this one", l[0])
			}
			if l[1].Device.String() != "Unknown browser" || !l[1].Used.Equal(l[1].Created) || time.Since(l[1].Created) < time.Hour {
				t.Errorf("the earlier plenum's session: %+v; want an unknown browser, made an hour ago and last used then", l[1])
			}
			sess, err := s.Session(ctx, old)
			if err != nil || sess.Person != "ann" {
				t.Fatalf("the earlier plenum's session: %+v %v", sess, err)
			}
			if l, err := s.OwnSessions(ctx, old); err != nil || len(l) != 2 || !l[0].Current || time.Since(l[0].Used) > time.Minute {
				t.Fatalf("the earlier plenum's session, used: %+v %v; want last used now", l, err)
			}
		})
	}
}

// TestAdministratorsOfAnEarlierPlenum: a database made by a plenum before
// server administrators' sessions were told apart opens (its schema
// brought up to date); the administrator's session in it goes on working,
// as the server administrator, and is an administrator of its own: it
// lists itself alone and ends nobody else's, and an administrator
// logging in now neither sees nor ends it. Its delegate's session works
// as before. SQLite and PostgreSQL.
func TestAdministratorsOfAnEarlierPlenum(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := fresh(t)
			ann, _, old := oldDatabase(t, db, adminIDVersion)
			s := openAt(t, db, Options{RowKey: testKey})
			ben := adminToken(t, s)
			if sess, err := s.Session(ctx, old); err != nil || !sess.Admin || sess.Person != AdminPerson || sess.Assembly != "" {
				t.Fatalf("the earlier plenum's administrator: %+v %v", sess, err)
			}
			if sess, err := s.Session(ctx, ann); err != nil || sess.Admin || sess.Person != "ann" {
				t.Fatalf("the earlier plenum's delegate: %+v %v", sess, err)
			}
			for who, tok := range map[string]string{"the earlier administrator": old, "the new administrator": ben} {
				if l, err := s.OwnSessions(ctx, tok); err != nil || len(l) != 1 || !l[0].Current {
					t.Fatalf("%s's sessions: %+v %v; want his own alone", who, l, err)
				}
				if n, err := s.EndOtherSessions(ctx, tok); err != nil || n != 0 {
					t.Fatalf("%s logs out everywhere else: %d %v; want none ended", who, n, err)
				}
			}
			for _, tok := range []string{old, ben, ann} {
				if _, err := s.Session(ctx, tok); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
