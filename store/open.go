// Package store chooses the ledger store a database argument names:
// PostgreSQL for a postgres:// or postgresql:// URL, else a SQLite file.
package store

import (
	"context"
	"errors"
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
