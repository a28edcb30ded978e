// Package schema orders a store's embedded SQL migrations: numbered files
// (0001_init.sql, 0002_….sql, …) applied once each, in order of their
// numbers, with every version applied recorded by the store. It holds the
// rules both stores share; each store runs the steps with its own driver
// and transactions.
//
// The numbers must increase but may leave gaps (two changes made side by
// side take numbers apart), and a database records each version it has
// applied, not only the highest: a migration numbered below one already
// applied is still applied when it arrives.
package schema

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
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

// versions returns the migrations in fsys matching pattern, by version,
// and checks their numbers: positive, each used once.
func versions(fsys fs.FS, pattern string) ([]int, []string, error) {
	files, err := fs.Glob(fsys, pattern) // sorted; names are zero-padded numbers
	if err != nil {
		return nil, nil, err
	}
	vs := make([]int, len(files))
	for i, name := range files {
		n, err := strconv.Atoi(strings.SplitN(path.Base(name), "_", 2)[0])
		if err != nil || n <= 0 {
			return nil, nil, fmt.Errorf("migration %s: its name must start with its number (0001_…)", name)
		}
		if i > 0 && n <= vs[i-1] {
			return nil, nil, fmt.Errorf("migration %s out of sequence: number %d after %d", name, n, vs[i-1])
		}
		vs[i] = n
	}
	return vs, files, nil
}

// Latest returns the highest version of the migrations in fsys (files
// matching pattern).
func Latest(fsys fs.FS, pattern string) (int, error) {
	vs, _, err := versions(fsys, pattern)
	if err != nil || len(vs) == 0 {
		return 0, err
	}
	return vs[len(vs)-1], nil
}

// Pending returns the migrations in fsys (files matching pattern, named
// with their version number first) that a database which has applied the
// versions applied has not, in order. A database with a version these
// migrations do not know (written by a newer plenum), or files out of
// sequence, are errors.
func Pending(fsys fs.FS, pattern string, applied []int) ([]Step, error) {
	vs, files, err := versions(fsys, pattern)
	if err != nil {
		return nil, err
	}
	var unknown []string
	for _, v := range applied {
		if !slices.Contains(vs, v) {
			unknown = append(unknown, strconv.Itoa(v))
		}
	}
	if len(unknown) > 0 {
		latest := 0
		if len(vs) > 0 {
			latest = vs[len(vs)-1]
		}
		return nil, fmt.Errorf("schema version %s is newer than this plenum (%d): the database was written by another plenum version; use that version or a newer one", strings.Join(unknown, ", "), latest)
	}
	var steps []Step
	for i, v := range vs {
		if slices.Contains(applied, v) {
			continue
		}
		body, err := fs.ReadFile(fsys, files[i])
		if err != nil {
			return nil, err
		}
		steps = append(steps, Step{Version: v, Name: files[i], SQL: string(body)})
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
	held := fmt.Sprintf("%d ballots of secret votes", n)
	if n == 1 {
		held = "1 ballot of a secret vote"
	}
	return fmt.Errorf("the database holds %s still open, in the unencrypted ballot box of an earlier plenum; this version keeps ballot boxes sealed and cannot carry those ballots over: close (or withdraw) the open secret votes with the earlier plenum, then start this one; nothing was changed", held)
}

// Describe says, for a database that must not be migrated (one opened
// read-only), why its schema is not the one these migrations make: it
// returns "" when the database has applied exactly these versions.
func Describe(fsys fs.FS, pattern string, applied []int) string {
	steps, err := Pending(fsys, pattern, applied)
	if err != nil {
		return err.Error()
	}
	if len(steps) == 0 {
		return ""
	}
	if len(applied) == 0 {
		return "it is not a plenum database (no schema version recorded)"
	}
	var missing []string
	for _, s := range steps {
		missing = append(missing, path.Base(s.Name))
	}
	return fmt.Sprintf("its schema is older than this plenum's: it lacks %s; open it once with plenum serve of this version, which brings it up to date", strings.Join(missing, ", "))
}
