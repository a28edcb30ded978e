package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"plenum/ledger"
)

// TestMissingKeyChangesNothing: serve and replay refuse a record whose
// signing key is gone before they open its database for writing, so that
// a database of an earlier schema is left of that schema — opened for
// writing first, it was brought up to date and then refused, and the
// plenum it came from could no longer open it.
func TestMissingKeyChangesNothing(t *testing.T) {
	db, _ := makeReplayedDB(t)
	if err := os.Remove(filepath.Join(filepath.Dir(db), ledger.SigningKeyFile)); err != nil {
		t.Fatal(err)
	}
	// The database as the plenum before the last migration left it, as
	// far as the versions go: a start that migrates it either applies
	// that migration again (and fails on what it finds made) or records
	// it — both without the missing key's refusal.
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	versions := func() []int {
		rows, err := raw.Query(`SELECT version FROM schema_migrations ORDER BY version`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var vs []int
		for rows.Next() {
			var v int
			if err := rows.Scan(&v); err != nil {
				t.Fatal(err)
			}
			vs = append(vs, v)
		}
		return vs
	}
	all := versions()
	last := all[len(all)-1]
	if _, err := raw.Exec(`DELETE FROM schema_migrations WHERE version = ?`, last); err != nil {
		t.Fatal(err)
	}
	before := versions()
	for _, args := range [][]string{
		{"serve", "--addr", "127.0.0.1:0", "--db", db},
		{"replay", "--db", db, "../../testdata/coop-2026.jsonl"},
	} {
		code, _, errs := runIn(t, "", args...)
		if code != 1 || !strings.Contains(errs, "signing key") {
			t.Fatalf("%v: exit %d: %s; want the missing key refused", args, code, errs)
		}
		if after := versions(); !slices.Equal(after, before) {
			t.Fatalf("%v: the refused start applied migrations: %v, was %v", args, after, before)
		}
	}
}
