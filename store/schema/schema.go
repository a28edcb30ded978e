// Package schema orders a store's embedded SQL migrations: numbered files
// (0001_init.sql, 0002_….sql, …) applied once each, in order, with the
// version reached recorded by the store. It holds the rules both stores
// share; each store runs the steps with its own driver and transactions.
package schema

import (
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
)

// Step is one migration to apply: the version it brings the database to,
// its file name and its SQL.
type Step struct {
	Version int
	Name    string
	SQL     string
}

// Latest returns the version the migrations in fsys (files matching
// pattern) bring a database to.
func Latest(fsys fs.FS, pattern string) (int, error) {
	files, err := fs.Glob(fsys, pattern)
	if err != nil {
		return 0, err
	}
	return len(files), nil
}

// Pending returns the migrations in fsys (files matching pattern, named
// with their version number first) that a database at version have has
// not applied, in order. A database newer than the migrations, or files
// out of sequence, are errors.
func Pending(fsys fs.FS, pattern string, have int) ([]Step, error) {
	files, err := fs.Glob(fsys, pattern) // sorted; names are zero-padded numbers
	if err != nil {
		return nil, err
	}
	if have > len(files) {
		return nil, fmt.Errorf("schema version %d is newer than this plenum (%d); use a newer plenum", have, len(files))
	}
	var steps []Step
	for i, name := range files {
		v := i + 1
		if n, err := strconv.Atoi(strings.SplitN(path.Base(name), "_", 2)[0]); err != nil || n != v {
			return nil, fmt.Errorf("migration %s out of sequence, want number %d", name, v)
		}
		if v <= have {
			continue
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		steps = append(steps, Step{Version: v, Name: name, SQL: string(body)})
	}
	return steps, nil
}

// OldBoxVersion is the migration that replaces the plain ballot boxes
// (table sealed_ballots) with sealed ones (ballot_box); OldBoxCount counts
// the ballots left in the old boxes, which that migration cannot carry
// over (only the engine, holding the signing key, seals a ballot).
const (
	OldBoxVersion = 4
	OldBoxCount   = `SELECT COUNT(*) FROM sealed_ballots`
)

// OldBoxError is why a database whose old ballot boxes hold n ballots is
// not migrated: nothing is changed, and the secret votes still open are
// closed (or withdrawn) with the plenum that opened them first.
func OldBoxError(n int) error {
	return fmt.Errorf("the database holds %d ballots of secret votes still open, in the unencrypted ballot box of an earlier plenum; this version keeps ballot boxes sealed and cannot carry those ballots over: close (or withdraw) the open secret votes with the earlier plenum, then start this one; nothing was changed", n)
}
