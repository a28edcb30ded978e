// Package pgtest gives tests a fresh PostgreSQL database each: on the
// server PLENUM_TEST_POSTGRES names (default DefaultServer), skipped when
// it cannot be reached, unless PLENUM_REQUIRE_POSTGRES=1 (as in CI) makes
// that a failure.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// DefaultServer is the test server when PLENUM_TEST_POSTGRES is unset.
const DefaultServer = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// Server returns the DSN of the PostgreSQL server tests create their
// databases on, skipping the test if it cannot be reached — or failing it
// if PLENUM_REQUIRE_POSTGRES=1.
func Server(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv("PLENUM_TEST_POSTGRES")
	if dsn == "" {
		dsn = DefaultServer
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c, err := pgx.Connect(ctx, dsn)
	if err == nil {
		c.Close(ctx)
		return dsn
	}
	msg := "PostgreSQL at PLENUM_TEST_POSTGRES (default " + DefaultServer + ") unreachable: " + err.Error()
	if os.Getenv("PLENUM_REQUIRE_POSTGRES") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg + "; set PLENUM_REQUIRE_POSTGRES=1 to fail instead")
	return ""
}

// Available reports whether the test server can be reached, for tests
// that run on PostgreSQL as well as another store when it can.
func Available() bool {
	available.once.Do(func() {
		dsn := os.Getenv("PLENUM_TEST_POSTGRES")
		if dsn == "" {
			dsn = DefaultServer
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if c, err := pgx.Connect(ctx, dsn); err == nil {
			c.Close(ctx)
			available.ok = true
		}
	})
	return available.ok
}

var available struct {
	once sync.Once
	ok   bool
}

// Fresh creates a uniquely named database on the server, drops it when
// the test ends, and returns its DSN.
func Fresh(t testing.TB) string {
	t.Helper()
	admin := Server(t)
	ctx := context.Background()
	c, err := pgx.Connect(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	var rnd [6]byte
	rand.Read(rnd[:])
	name := "plenum_test_" + hex.EncodeToString(rnd[:])
	// A linguistic collation, as production databases often have, so that
	// the tests catch an ORDER BY that does not sort by bytes. Servers
	// without ICU get their default.
	if _, err := c.Exec(ctx, `CREATE DATABASE `+name+` TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'`); err != nil {
		if _, err := c.Exec(ctx, `CREATE DATABASE `+name); err != nil {
			t.Fatalf("creating database %s: %v", name, err)
		}
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(ctx, admin)
		if err != nil {
			t.Errorf("dropping database %s: %v", name, err)
			return
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, `DROP DATABASE `+name+` WITH (FORCE)`); err != nil {
			t.Errorf("dropping database %s: %v", name, err)
		}
	})
	return WithDatabase(t, admin, name)
}

// WithDatabase returns dsn naming database name instead of its own.
func WithDatabase(t testing.TB, dsn, name string) string {
	t.Helper()
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			t.Fatal(err)
		}
		u.Path = "/" + name
		u.RawPath = ""
		return u.String()
	}
	return dsn + " dbname=" + name
}

// WithHost returns dsn, a postgres:// URL, reaching the server at host
// (host:port) instead: through a proxy.
func WithHost(t testing.TB, dsn, host string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		t.Fatalf("%q is not a postgres:// URL", dsn)
	}
	u.Host = host
	return u.String()
}

// Databases gives, for each store, a function returning a fresh database
// argument as plenum's --db takes it: "sqlite", a file named file in a
// new temporary folder; "postgres", a fresh database's postgres:// URL
// (the test is skipped if PLENUM_TEST_POSTGRES is not such a URL). Tests
// of state kept beside the record run on both with it.
func Databases(file string) map[string]func(t testing.TB) string {
	return map[string]func(t testing.TB) string{
		"sqlite": func(t testing.TB) string { return filepath.Join(t.TempDir(), file) },
		"postgres": func(t testing.TB) string {
			dsn := Fresh(t)
			if !strings.HasPrefix(dsn, "postgres://") && !strings.HasPrefix(dsn, "postgresql://") {
				t.Skipf("PLENUM_TEST_POSTGRES is not a postgres:// URL: %q", dsn)
			}
			return dsn
		},
	}
}
