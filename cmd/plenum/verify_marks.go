package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"golang.org/x/mod/sumdb/note"

	"plenum/internal/highwater"
	"plenum/ledger"
	"plenum/store"
)

// checkMarksFile checks the database st, audited, against the high-water
// marks: of the file (or data directory) arg names, or, when arg is empty
// and the key is the data directory's (no --key), of that directory if
// it holds them. It says on standard output which marks it checked and
// the rollbacks accepted earlier, and fails (exit 1) naming each log
// behind its mark.
func checkMarksFile(ctx context.Context, env *cliEnv, st ledger.Store, v note.Verifier, db, dataDir, key, arg string) error {
	dir, explicit := "", arg != ""
	switch {
	case explicit:
		dir = arg
		if fi, err := os.Stat(arg); err == nil && !fi.IsDir() {
			if filepath.Base(arg) != highwater.File {
				// Load reads the file of its name in a folder.
				b, err := os.ReadFile(arg)
				if err != nil {
					return &exitError{code: 1, msg: err.Error()}
				}
				m, err := highwater.Parse(b, note.VerifierList(v))
				if err != nil {
					return &exitError{code: 1, msg: (&highwater.DamagedError{Path: arg, Why: err.Error()}).Error()}
				}
				return checkMarks(ctx, env, st, m, arg)
			}
			dir = filepath.Dir(arg)
		}
	case key != "":
		return nil
	default:
		dir = dataDir
		if dir == "" && !store.IsPostgres(db) {
			dir = filepath.Dir(db)
		}
	}
	m, found, err := highwater.Load(dir, note.VerifierList(v))
	if err != nil {
		return &exitError{code: 1, msg: err.Error()}
	}
	if !found {
		if explicit {
			return &exitError{code: 1, msg: fmt.Sprintf("--marks: %s: %v", highwater.Path(dir), fs.ErrNotExist)}
		}
		return nil
	}
	return checkMarks(ctx, env, st, m, highwater.Path(dir))
}

func checkMarks(ctx context.Context, env *cliEnv, st ledger.Store, m *highwater.Marks, path string) error {
	findings, err := highwater.Check(ctx, st, m)
	if err != nil {
		return &exitError{code: 1, msg: err.Error()}
	}
	for _, a := range m.Accepted {
		what := "rolled back"
		if a.Fork {
			what = "forked"
		}
		fmt.Fprintf(env.stdout, "high-water marks: a rollback was accepted on %s (--accept-rollback): %s, %s from the signed size %d to %d\n", a.Time.Format("2006-01-02 15:04:05 UTC"), a.Origin, what, a.MarkSize, a.DatabaseSize)
	}
	if len(findings) > 0 {
		rerr := &highwater.RefusedError{Path: path, Findings: findings}
		for _, f := range findings {
			fmt.Fprintf(env.stdout, "high-water marks: %s\n", f)
		}
		return &exitError{code: 1, msg: fmt.Sprintf("the database was rolled back behind the high-water marks in %s (%d %s)", path, len(findings), pluralWord(len(findings), "log", "logs")), cause: errors.Join(rerr)}
	}
	fmt.Fprintf(env.stdout, "high-water marks: checked against %s: each of the %d logs it marks reaches its mark\n", path, len(m.Logs))
	return nil
}
