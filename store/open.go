// Package store chooses the ledger store a database argument names:
// PostgreSQL for a postgres:// or postgresql:// URL, else a SQLite file.
package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"plenum/ledger"
	"plenum/store/postgres"
	"plenum/store/sqlite"
)

// IsPostgres reports whether dbArg names a PostgreSQL database: a URL
// with the scheme postgres or postgresql (in any case). Anything else is
// the path of a SQLite file.
func IsPostgres(dbArg string) bool {
	scheme, _, ok := strings.Cut(dbArg, "://")
	return ok && (strings.EqualFold(scheme, "postgres") || strings.EqualFold(scheme, "postgresql"))
}

// LogOrigins lists the origins of the logs the database dbArg names
// holds, reading it as it is: its schema not brought up to date, nothing
// created (a SQLite file that does not exist holds none). A start that
// may be refused asks it before opening the database for writing, which
// would bring its schema up to date: a refused start changes nothing.
func LogOrigins(ctx context.Context, dbArg string) ([]string, error) {
	if dbArg == "" {
		return nil, errors.New("no database: give a SQLite file path or a postgres:// URL")
	}
	if IsPostgres(dbArg) {
		return postgres.LogOrigins(ctx, dbArg)
	}
	return sqlite.LogOrigins(dbArg)
}

// OpenStore opens the store dbArg names (see IsPostgres), for reading and
// writing — creating a SQLite file or the schema if needed — or, if
// readOnly, an existing database for reading only.
func OpenStore(ctx context.Context, dbArg string, readOnly bool) (ledger.Store, error) {
	if dbArg == "" {
		return nil, errors.New("no database: give a SQLite file path or a postgres:// URL")
	}
	if IsPostgres(dbArg) {
		if readOnly {
			return postgres.OpenReadOnly(ctx, dbArg)
		}
		return postgres.Open(ctx, dbArg)
	}
	if readOnly {
		return sqlite.OpenReadOnly(dbArg)
	}
	return sqlite.Open(dbArg)
}

// DB is the database a database argument names, opened through
// database/sql for the state plenum keeps beside the record (access codes
// and sessions, a witness's state) in the tables the store's migrations
// make.
type DB struct {
	// W writes, and reads inside its transactions. On SQLite it is one
	// connection; writers queue for it.
	W *sql.DB
	// R reads outside a transaction: on SQLite read-only connections a
	// write in progress does not hold up, on PostgreSQL the same pool as W.
	R *sql.DB
	// Postgres tells the SQL dialect: placeholders $1, $2, … and row locks
	// (FOR SHARE) on PostgreSQL; ? and whole-database write transactions
	// on SQLite.
	Postgres bool
	// Name names the database in messages: the SQLite file's path, or the
	// PostgreSQL database without its password.
	Name string

	close func() error
}

// Close closes the database.
func (d *DB) Close() error { return d.close() }

// Rebind returns query, written with ? placeholders, in the dialect of
// the database: $1, $2, … for PostgreSQL. A ? inside a string literal is
// not allowed in queries given to it.
func (d *DB) Rebind(query string) string {
	if !d.Postgres || !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// OpenDB opens the database dbArg names (see IsPostgres) through
// database/sql, bringing its schema up to date — creating a SQLite file
// if absent — as OpenStore does for writing.
func OpenDB(ctx context.Context, dbArg string) (*DB, error) {
	if dbArg == "" {
		return nil, errors.New("no database: give a SQLite file path or a postgres:// URL")
	}
	if IsPostgres(dbArg) {
		db, closeDB, err := postgres.OpenDB(ctx, dbArg)
		if err != nil {
			return nil, err
		}
		return &DB{W: db, R: db, Postgres: true, Name: postgres.Redact(dbArg), close: closeDB}, nil
	}
	w, r, err := sqlite.OpenDB(dbArg)
	if err != nil {
		return nil, err
	}
	return &DB{W: w, R: r, Name: dbArg, close: func() error { return errors.Join(r.Close(), w.Close()) }}, nil
}
