package postgres

import "github.com/jackc/pgx/v5/pgxpool"

// Pool exposes the store's connection pool to the tests.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// MigrationCount returns the number of embedded migrations.
func MigrationCount() int { return latestVersion() }
