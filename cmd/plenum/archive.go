package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"plenum/ledger"
	"plenum/store"
	"plenum/store/sqlite"
)

// The record as a file, for whoever must check the minutes when the
// server is gone: plenum export --format record writes the assembly's
// signed log up to a checkpoint into a new SQLite database holding that
// log alone — its entries with their hashes, the payloads stored beside
// them, every signed checkpoint up to it with the witnesses'
// cosignatures — and nothing else: no access codes, no sessions, no
// ballot boxes of votes still open, no signing key. SQLite is a format
// archives keep, and plenum verify reads the file as it reads a server's
// database: "plenum verify --db record.db --key KEY" audits the whole
// log through the rules, "plenum verify --db record.db --document
// minutes.md" checks a document of the minutes against it, offline.

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
	return cp.Size, lg.copyLog(ctx, cp.Size, path)
}

// copyLog writes the log's first size entries, with what belongs to them,
// into a new SQLite database at path (archive).
func (lg *readLog) copyLog(ctx context.Context, size int64, path string) (err error) {
	if _, err := os.Lstat(path); err == nil || !errors.Is(err, os.ErrNotExist) {
		return &exitError{code: 1, msg: lg.l.T("cli.archive.exists", path)}
	}
	dst, err := store.OpenStore(ctx, path, false)
	if err != nil {
		return &exitError{code: 1, msg: lg.l.T("cli.archive.cannot_write", path, err)}
	}
	defer func() {
		if cerr := dst.Close(); err == nil && cerr != nil {
			err = &exitError{code: 1, msg: lg.l.T("cli.archive.cannot_write", path, cerr)}
		}
		// The lock file that kept a second writer out while it was
		// written; the archive is a file on its own.
		os.Remove(sqlite.LockPath(path))
		if err != nil {
			for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
				os.Remove(path + suffix)
			}
		}
	}()
	fail := func(err error) error { return &exitError{code: 1, msg: lg.l.T("cli.archive.cannot_write", path, err)} }
	cps, err := lg.store.Checkpoints(ctx, lg.origin, -1, 1)
	if err != nil {
		return err
	}
	if len(cps) == 0 || cps[0].Size != 0 {
		return &exitError{code: 1, msg: lg.l.T("cli.archive.no_first")}
	}
	if err := dst.CreateLog(ctx, lg.origin, cps[0].Signed); err != nil {
		return fail(err)
	}
	// One batch for each stored checkpoint, as the log was committed: its
	// records, the blobs they refer to, the checkpoint signed for them.
	for at := int64(0); at < size; {
		cps, err := lg.store.Checkpoints(ctx, lg.origin, at, 1)
		if err != nil {
			return err
		}
		if len(cps) == 0 || cps[0].Size > size {
			return &exitError{code: 1, msg: lg.l.T("cli.archive.no_checkpoint", fmt.Sprint(at), fmt.Sprint(size))}
		}
		b := &ledger.Batch{First: at, Checkpoint: cps[0].Signed}
		seen := map[[32]byte]bool{}
		err = lg.store.ScanRecords(ctx, lg.origin, at, cps[0].Size, func(r ledger.Record) error {
			rec := ledger.Record{Index: r.Index, Data: append([]byte(nil), r.Data...), Hashes: append(r.Hashes[:0:0], r.Hashes...)}
			b.Records = append(b.Records, rec)
			_, ref, err := ledger.DecodeEntry(rec.Data)
			if err != nil || ref == nil || seen[ref.SHA256] {
				return err
			}
			seen[ref.SHA256] = true
			blob, err := lg.store.Blob(ctx, ref.SHA256)
			if err != nil {
				return err
			}
			b.Blobs = append(b.Blobs, ledger.Blob{SHA256: ref.SHA256, Data: blob})
			return nil
		})
		if err != nil {
			return err
		}
		if int64(len(b.Records)) != cps[0].Size-at {
			return &exitError{code: 1, msg: lg.l.T("cli.export.missing_entries", fmt.Sprint(cps[0].Size), ledger.ErrNotFound)}
		}
		if err := dst.AppendBatch(ctx, lg.origin, b); err != nil {
			return fail(err)
		}
		sigs, err := lg.store.Cosignatures(ctx, lg.origin, cps[0].Size)
		if err != nil {
			return err
		}
		if len(sigs) > 0 {
			if err := dst.AddCosignatures(ctx, lg.origin, cps[0].Size, sigs); err != nil {
				return fail(err)
			}
		}
		at = cps[0].Size
	}
	return nil
}
