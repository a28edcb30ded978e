package postgres

import (
	"io/fs"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Pool exposes the store's connection pool to the tests.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// MigrationCount returns the number of embedded migrations.
func MigrationCount() int {
	files, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		panic(err)
	}
	return len(files)
}

// LatestVersion returns the highest version of the embedded migrations.
func LatestVersion() int { return latestVersion() }
