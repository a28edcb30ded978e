package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/mod/sumdb/note"

	"plenum/internal/highwater"
	"plenum/ledger"
	"plenum/store"
)

// checkMarksFile checks the database st, audited, against the high-water
// marks: of the file arg names (or of db's file in the data directory arg
// names), or, when arg is empty and the key is the data directory's (no
// --key), of db's file in that directory if it is there. It says on
// standard output which marks it checked and the rollbacks accepted
// earlier, and fails (exit 1) naming each log behind its mark.
func checkMarksFile(ctx context.Context, env *cliEnv, st ledger.Store, v note.Verifier, db, dataDir, key, arg string) error {
	l := env.locale()
	path := arg
	switch {
	case arg != "":
		if fi, err := os.Stat(arg); err == nil && fi.IsDir() {
			path = highwater.Path(arg, db)
		}
	case key != "":
		return nil
	default:
		dir := dataDir
		if dir == "" && !store.IsPostgres(db) {
			dir = filepath.Dir(db)
		}
		path = highwater.Path(dir, db)
	}
	m, found, err := highwater.Load(path, note.VerifierList(v))
	if err != nil {
		return marksErr(l, err)
	}
	if !found {
		if arg != "" {
			return &exitError{code: 1, msg: l.T("cli.verify.marks_missing", path)}
		}
		return nil
	}
	findings, err := highwater.Check(ctx, st, m)
	if err != nil {
		return &exitError{code: 1, msg: l.T("cli.verify.cannot_read_record", err)}
	}
	for _, a := range m.Accepted {
		fmt.Fprintln(env.stdout, l.T("cli.verify.marks_accepted", a.Time.Format("2006-01-02 15:04:05 UTC"), a.Origin, strconv.FormatInt(a.MarkSize, 10), strconv.FormatInt(a.DatabaseSize, 10)))
	}
	if len(findings) > 0 {
		r := &highwater.RefusedError{Path: path, Findings: findings}
		fmt.Fprintln(env.stdout, marksRefusal(l, r))
		return &exitError{code: 1, msg: l.T("cli.verify.marks_failed", path), cause: r}
	}
	fmt.Fprintln(env.stdout, l.T("cli.verify.marks_ok", path))
	return nil
}
