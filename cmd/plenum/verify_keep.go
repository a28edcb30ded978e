package main

import (
	"fmt"
	"strconv"

	"plenum/ledger"
	"plenum/remote"
)

// keepCopy is the end of plenum verify --url --keep DIR once the log
// verified: what the verification fetched (a.keeper's) is moved into
// DIR, laid out as the server serves the log under log/<id>/, the
// checkpoint verified last, unless DIR holds a copy of another log, or
// of this one at a larger tree size than the log verified, or at the
// same size with another root: then nothing is written, with exit
// status 1. (That the copy's smaller tree is a prefix of the one
// verified is --since's check, not this one's.)
func keepCopy(env *cliEnv, a remoteVerify, res *remote.Result) error {
	l := env.locale()
	old, err := a.keeper.Kept()
	if err != nil {
		return &exitError{code: 1, msg: l.T("cli.verify.keep_unreadable", a.keep, err)}
	}
	if old != nil {
		cp, err := ledger.ParseSignedCheckpoint(old)
		switch {
		case err != nil:
			return &exitError{code: 1, msg: l.T("cli.verify.keep_unreadable", a.keep, err)}
		case cp.Origin != res.Checkpoint.Origin:
			return &exitError{code: 1, msg: l.T("cli.verify.keep_other", a.keep, shown(cp.Origin), shown(res.Checkpoint.Origin))}
		case cp.Size > res.Checkpoint.Size:
			return &exitError{code: 1, msg: l.T("cli.verify.keep_older", a.keep, strconv.FormatInt(cp.Size, 10), strconv.FormatInt(res.Checkpoint.Size, 10))}
		case cp.Size == res.Checkpoint.Size && cp.Hash != res.Checkpoint.Hash:
			return &exitError{code: 1, msg: l.T("cli.verify.keep_fork", a.keep, strconv.FormatInt(cp.Size, 10))}
		}
	}
	if err := a.keeper.Commit(res.Signed); err != nil {
		return &exitError{code: 1, msg: l.T("cli.verify.keep_failed", a.keep, err)}
	}
	fmt.Fprintln(env.stdout, l.T("cli.verify.kept", a.keep, strconv.FormatInt(res.Checkpoint.Size, 10), a.keep))
	return nil
}
