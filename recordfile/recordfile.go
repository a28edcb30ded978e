// Package recordfile writes an assembly's record as a file, for whoever
// must check the minutes when the server is gone: the assembly's signed
// log up to a stored checkpoint, in a new SQLite database holding that
// log alone — its entries with their hashes, the payloads stored beside
// them, every signed checkpoint up to it with the witnesses'
// cosignatures — and nothing else: no access codes, no sessions, no
// ballot boxes of votes still open, no signing key. SQLite is a format
// archives keep, and plenum verify reads the file as it reads a server's
// database: "plenum verify --db record.db --key KEY" audits the whole log
// through the rules, "plenum verify --db record.db --document
// minutes.md" checks a document of the minutes against it, offline.
//
// plenum export --format record writes one after checking the log; the
// record page serves one (GET /a/{id}/record.db) to those who may read
// the record. The file is written batch by batch, as the log was
// committed: a log is never held in memory whole.
package recordfile

import (
	"context"
	"errors"
	"fmt"
	"os"

	"plenum/ledger"
	"plenum/store/sqlite"
)

// ErrExists is the error of Write onto a path where a file is already:
// the record is written into a new file only, so that nothing is
// overwritten.
var ErrExists = errors.New("recordfile: the file already exists")

// ErrNoFirstCheckpoint is the error of Write for a log without a stored
// checkpoint of tree size 0, with which every copy of it begins.
var ErrNoFirstCheckpoint = errors.New("recordfile: the log has no stored checkpoint of tree size 0")

// NoCheckpointError is the error of Write for a log with no stored
// checkpoint between tree sizes After (excluded) and Size: it cannot be
// copied as it was committed.
type NoCheckpointError struct{ After, Size int64 }

func (e *NoCheckpointError) Error() string {
	return fmt.Sprintf("recordfile: the log has no stored checkpoint between tree sizes %d and %d", e.After, e.Size)
}

// MissingEntriesError is the error of Write for a log that lacks some of
// the entries its stored checkpoint of tree size Size covers.
type MissingEntriesError struct{ Size int64 }

func (e *MissingEntriesError) Error() string {
	return fmt.Sprintf("recordfile: the log does not have all the %d entries its checkpoint covers", e.Size)
}

// WriteError is the error of Write when the file itself cannot be
// written (its folder, the disk), as opposed to the log being read.
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string { return fmt.Sprintf("recordfile: writing %s: %v", e.Path, e.Err) }

func (e *WriteError) Unwrap() error { return e.Err }

// Write writes the first size entries of the log origin in st, with what
// belongs to them, into a new SQLite database at path. size must be the
// tree size of a stored checkpoint of the log (its head's, or one the
// caller checked): the file ends with that checkpoint. A file already at
// path is refused (ErrExists); a failure removes what was written, and
// the lock file the store keeps beside the database while it writes is
// removed in any case: the record file is a file on its own.
func Write(ctx context.Context, st ledger.Store, origin string, size int64, path string) (err error) {
	if _, err := os.Lstat(path); err == nil || !errors.Is(err, os.ErrNotExist) {
		return ErrExists
	}
	dst, err := sqlite.Open(path)
	if err != nil {
		return &WriteError{path, err}
	}
	defer func() {
		if cerr := dst.Close(); err == nil && cerr != nil {
			err = &WriteError{path, cerr}
		}
		os.Remove(sqlite.LockPath(path))
		if err != nil {
			for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
				os.Remove(path + suffix)
			}
		}
	}()
	return copyLog(ctx, st, dst, origin, size, path)
}

// copyLog copies the log, one batch for each stored checkpoint, as the
// log was committed: its records, the blobs they refer to, the
// checkpoint signed for them, and that checkpoint's cosignatures.
func copyLog(ctx context.Context, st, dst ledger.Store, origin string, size int64, path string) error {
	cps, err := st.Checkpoints(ctx, origin, -1, 1)
	if err != nil {
		return err
	}
	if len(cps) == 0 || cps[0].Size != 0 {
		return ErrNoFirstCheckpoint
	}
	if err := dst.CreateLog(ctx, origin, cps[0].Signed); err != nil {
		return &WriteError{path, err}
	}
	for at := int64(0); at < size; {
		cps, err := st.Checkpoints(ctx, origin, at, 1)
		if err != nil {
			return err
		}
		if len(cps) == 0 || cps[0].Size > size {
			return &NoCheckpointError{After: at, Size: size}
		}
		b := &ledger.Batch{First: at, Checkpoint: cps[0].Signed}
		seen := map[[32]byte]bool{}
		err = st.ScanRecords(ctx, origin, at, cps[0].Size, func(r ledger.Record) error {
			rec := ledger.Record{Index: r.Index, Data: append([]byte(nil), r.Data...), Hashes: append(r.Hashes[:0:0], r.Hashes...)}
			b.Records = append(b.Records, rec)
			_, ref, err := ledger.DecodeEntry(rec.Data)
			if err != nil || ref == nil || seen[ref.SHA256] {
				return err
			}
			seen[ref.SHA256] = true
			blob, err := st.Blob(ctx, ref.SHA256)
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
			return &MissingEntriesError{Size: cps[0].Size}
		}
		if err := dst.AppendBatch(ctx, origin, b); err != nil {
			return &WriteError{path, err}
		}
		sigs, err := st.Cosignatures(ctx, origin, cps[0].Size)
		if err != nil {
			return err
		}
		if len(sigs) > 0 {
			if err := dst.AddCosignatures(ctx, origin, cps[0].Size, sigs); err != nil {
				return &WriteError{path, err}
			}
		}
		at = cps[0].Size
	}
	return nil
}
