package store_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
	"plenum/store"
	"plenum/store/postgres"
	"plenum/store/postgres/pgtest"
	"plenum/store/sqlite"
)

func TestIsPostgres(t *testing.T) {
	for _, c := range []struct {
		arg  string
		want bool
	}{
		{"postgres://plenum@db.example:5432/plenum?sslmode=verify-full", true},
		{"postgresql://plenum@db.example/plenum", true},
		{"POSTGRES://localhost/plenum", true},
		{"PostgreSQL://localhost/plenum", true},
		{"plenum.db", false},
		{"/var/lib/plenum/plenum.db", false},
		{"./postgres.db", false},
		{"postgres", false},
		{"postgres:plenum.db", false},
		{"host=localhost dbname=plenum", false}, // key=value DSNs are not accepted: a path may contain '='
		{"data/postgres://x", false},
		{"mysql://localhost/plenum", false},
		{"", false},
	} {
		if got := store.IsPostgres(c.arg); got != c.want {
			t.Errorf("IsPostgres(%q) = %v, want %v", c.arg, got, c.want)
		}
	}
}

func batch(first int64, cp string) *ledger.Batch {
	return &ledger.Batch{First: first, Records: []ledger.Record{{Index: first, Data: []byte("x"), Hashes: []tlog.Hash{tlog.RecordHash([]byte("x"))}}}, Checkpoint: []byte(cp)}
}

// checkOpens opens dbArg for writing and reading, checks the type of
// store chosen, that they share data, and that the read-only one cannot write.
func checkOpens(t *testing.T, dbArg string, wantType func(ledger.Store) bool) {
	t.Helper()
	ctx := context.Background()
	rw, err := store.OpenStore(ctx, dbArg, false)
	if err != nil {
		t.Fatalf("OpenStore(%q): %v", dbArg, err)
	}
	defer rw.Close()
	if !wantType(rw) {
		t.Fatalf("OpenStore(%q) chose %T", dbArg, rw)
	}
	const o = "example.org/log/a"
	if err := rw.CreateLog(ctx, o, []byte("cp0")); err != nil {
		t.Fatal(err)
	}
	if err := rw.AppendBatch(ctx, o, batch(0, "cp1")); err != nil {
		t.Fatal(err)
	}
	ro, err := store.OpenStore(ctx, dbArg, true)
	if err != nil {
		t.Fatalf("OpenStore(%q, read-only): %v", dbArg, err)
	}
	defer ro.Close()
	if !wantType(ro) {
		t.Fatalf("OpenStore(%q, read-only) chose %T", dbArg, ro)
	}
	if h, err := ro.Head(ctx, o); err != nil || h.Size != 1 || string(h.Checkpoint) != "cp1" {
		t.Fatalf("read-only Head = %+v, %v", h, err)
	}
	if err := ro.AppendBatch(ctx, o, batch(1, "cp2")); err == nil {
		t.Fatal("read-only store appended")
	}
}

func TestOpenStoreSQLite(t *testing.T) {
	dir := t.TempDir()
	if _, err := store.OpenStore(context.Background(), filepath.Join(dir, "missing.db"), true); err == nil {
		t.Fatal("OpenStore read-only of a missing file succeeded")
	}
	checkOpens(t, filepath.Join(dir, "plenum.db"), func(st ledger.Store) bool {
		_, ok := st.(*sqlite.Store)
		return ok
	})
}

func TestOpenStoreEmpty(t *testing.T) {
	if _, err := store.OpenStore(context.Background(), "", false); err == nil {
		t.Fatal("OpenStore of an empty argument succeeded")
	}
}

// TestOpenStoreUnreachablePostgres checks that a postgres:// URL goes to
// PostgreSQL even with no server: an error, and no SQLite file made of it.
func TestOpenStoreUnreachablePostgres(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	st, err := store.OpenStore(ctx, "postgres://nobody@127.0.0.1:1/none?sslmode=disable&connect_timeout=2", false)
	if err == nil {
		st.Close()
		t.Fatal("OpenStore of an unreachable PostgreSQL server succeeded")
	}
	if !strings.Contains(err.Error(), "postgres") {
		t.Fatalf("error does not say PostgreSQL: %v", err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Fatalf("OpenStore of a postgres:// URL created %v", ents)
	}
}

func TestOpenStorePostgres(t *testing.T) {
	admin := os.Getenv("PLENUM_TEST_POSTGRES")
	if admin == "" {
		admin = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	ctx := context.Background()
	c, err := pgx.Connect(ctx, admin)
	if err != nil {
		if os.Getenv("PLENUM_REQUIRE_POSTGRES") == "1" {
			t.Fatalf("PostgreSQL at %s unreachable: %v", admin, err)
		}
		t.Skipf("PostgreSQL at PLENUM_TEST_POSTGRES (or %s) unreachable: %v; set PLENUM_REQUIRE_POSTGRES=1 to fail instead", admin, err)
	}
	defer c.Close(ctx)
	if !store.IsPostgres(admin) {
		t.Skipf("PLENUM_TEST_POSTGRES is not a postgres:// URL")
	}
	var rnd [6]byte
	rand.Read(rnd[:])
	name := "plenum_test_" + hex.EncodeToString(rnd[:])
	if _, err := c.Exec(ctx, `CREATE DATABASE `+name); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if _, err := c.Exec(ctx, `DROP DATABASE `+name+` WITH (FORCE)`); err != nil {
			t.Errorf("dropping %s: %v", name, err)
		}
	}()
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	checkOpens(t, u.String(), func(st ledger.Store) bool {
		_, ok := st.(*postgres.Store)
		return ok
	})
}

func TestRebind(t *testing.T) {
	pg, lite := &store.DB{Postgres: true}, &store.DB{}
	for q, want := range map[string]string{
		`SELECT 1`:                                `SELECT 1`,
		`DELETE FROM t WHERE a = ?`:               `DELETE FROM t WHERE a = $1`,
		`INSERT INTO t VALUES (?, ?, ?) -- three`: `INSERT INTO t VALUES ($1, $2, $3) -- three`,
		`SELECT ?, 'é', ?`:                        `SELECT $1, 'é', $2`,
	} {
		if got := pg.Rebind(q); got != want {
			t.Errorf("Rebind(%q) on PostgreSQL = %q, want %q", q, got, want)
		}
		if got := lite.Rebind(q); got != q {
			t.Errorf("Rebind(%q) on SQLite = %q", q, got)
		}
	}
}

// TestLogOrigins: the logs of a database, listed without opening it for
// writing: none, and no file made, for a SQLite file that does not exist;
// none for a database without plenum's tables; then each log created.
func TestLogOrigins(t *testing.T) {
	ctx := context.Background()
	for name, fresh := range pgtest.Databases("plenum.db") {
		t.Run(name, func(t *testing.T) {
			db := fresh(t)
			if got, err := store.LogOrigins(ctx, db); err != nil || len(got) != 0 {
				t.Fatalf("LogOrigins of an empty database = %v, %v", got, err)
			}
			if !store.IsPostgres(db) {
				if _, err := os.Stat(db); !errors.Is(err, fs.ErrNotExist) {
					t.Fatalf("LogOrigins made the file: %v", err)
				}
			}
			rw, err := store.OpenStore(ctx, db, false)
			if err != nil {
				t.Fatal(err)
			}
			defer rw.Close()
			if got, err := store.LogOrigins(ctx, db); err != nil || len(got) != 0 {
				t.Fatalf("LogOrigins without logs = %v, %v", got, err)
			}
			for _, o := range []string{"example.org/log/b", "example.org/log/a"} {
				if err := rw.CreateLog(ctx, o, []byte("cp0")); err != nil {
					t.Fatal(err)
				}
			}
			if got, err := store.LogOrigins(ctx, db); err != nil || !slices.Equal(got, []string{"example.org/log/a", "example.org/log/b"}) {
				t.Fatalf("LogOrigins = %v, %v", got, err)
			}
		})
	}
}
