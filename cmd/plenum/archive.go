package main

import (
	"context"
	"errors"
	"fmt"

	"plenum/ledger"
	"plenum/recordfile"
)

// The record as a file, for whoever must check the minutes when the
// server is gone (package recordfile writes it): plenum export --format
// record checks the log up to a checkpoint, then writes it into a new
// SQLite database holding that log alone, which plenum verify reads as
// it reads a server's database.

// archive writes the log of lg up to the signed checkpoint signed (which
// it checks first, with the root of the log's entries and a replay) into
// a new SQLite database at path. A file already at path is refused, so
// that nothing is overwritten; a failure removes what was written. It
// returns the tree size written.
func (lg *readLog) archive(ctx context.Context, signed []byte, path string) (size int64, err error) {
	cp, _, _, _, err := lg.verifiedAt(ctx, signed, lg.verifiers)
	if err != nil {
		return 0, err
	}
	return cp.Size, lg.archiveRefusal(recordfile.Write(ctx, lg.store, lg.origin, cp.Size, path), path)
}

// archiveRefusal is the refusal, in the reader's words, of recordfile's
// error err in writing path; an error reading the log is returned as
// it is.
func (lg *readLog) archiveRefusal(err error, path string) error {
	var (
		we *recordfile.WriteError
		nc *recordfile.NoCheckpointError
		me *recordfile.MissingEntriesError
	)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, recordfile.ErrExists):
		return &exitError{code: 1, msg: lg.l.T("cli.archive.exists", path)}
	case errors.As(err, &we):
		return &exitError{code: 1, msg: lg.l.T("cli.archive.cannot_write", path, we.Err)}
	case errors.Is(err, recordfile.ErrNoFirstCheckpoint):
		return &exitError{code: 1, msg: lg.l.T("cli.archive.no_first")}
	case errors.As(err, &nc):
		return &exitError{code: 1, msg: lg.l.T("cli.archive.no_checkpoint", fmt.Sprint(nc.After), fmt.Sprint(nc.Size))}
	case errors.As(err, &me):
		return &exitError{code: 1, msg: lg.l.T("cli.export.missing_entries", fmt.Sprint(me.Size), ledger.ErrNotFound)}
	}
	return err
}
