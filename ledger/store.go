package ledger

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"golang.org/x/mod/sumdb/tlog"
)

// Store is durable storage for many logs, each named by its origin.
//
// A Store keeps bytes, hashes and signed checkpoints; it knows nothing of
// their meaning, and all hashing, signing and checking happens in this
// package. Implementations must make AppendBatch atomic and durable (synced
// to stable storage before it returns nil) and must allow reads concurrent
// with appends. Packages plenum/store/sqlite and plenum/store/postgres
// implement Store; plenum/store/storetest checks an implementation.
type Store interface {
	// CreateLog creates an empty log with its signed size-0 checkpoint.
	// It returns an error wrapping ErrLogExists if origin is taken.
	CreateLog(ctx context.Context, origin string, checkpoint []byte) error

	// Logs returns the origins of all logs, sorted.
	Logs(ctx context.Context) ([]string, error)

	// Head returns a log's committed size and latest signed checkpoint,
	// or an error wrapping ErrLogNotFound.
	Head(ctx context.Context, origin string) (Head, error)

	// SettledHead is Head once no append to the log is in progress: it
	// waits for every append to the log that has begun — through this
	// Store or any other on the same database — to commit or roll back,
	// so that an append whose reply was lost is decided when it returns.
	// Log.AppendBatch reads it to learn the outcome of a failed append.
	SettledHead(ctx context.Context, origin string) (Head, error)

	// AppendBatch atomically appends b to the log: its records, its blobs
	// and its checkpoint, which becomes the log's head. It fails with an
	// error wrapping ErrConflict, changing nothing, unless b.First equals
	// the log's current size, checked in the same transaction that
	// commits the batch, so two writers cannot fork a log. An error of
	// the database refusing a row on a constraint (a unique key, a check)
	// wraps ErrConstraint. When it fails otherwise the batch may or may
	// not have committed (a reply lost on the way back); SettledHead tells.
	AppendBatch(ctx context.Context, origin string, b *Batch) error

	// ScanRecords calls fn for each stored record with start ≤ index < end,
	// in order of index. fn must not keep r.Data or r.Hashes after it
	// returns. A record missing from the range is simply not visited.
	ScanRecords(ctx context.Context, origin string, start, end int64, fn func(r Record) error) error

	// ReadRecords returns the records with the given indexes, in the
	// order asked, or an error wrapping ErrNotFound if one is missing.
	ReadRecords(ctx context.Context, origin string, indexes []int64) ([]Record, error)

	// Checkpoints returns up to limit stored checkpoints of the log with
	// a tree size greater than after, in increasing order of size.
	Checkpoints(ctx context.Context, origin string, after int64, limit int) ([]StoredCheckpoint, error)

	// Blob returns the payload stored under its SHA-256, or an error
	// wrapping ErrNotFound. The caller checks the hash.
	Blob(ctx context.Context, sha256 [32]byte) ([]byte, error)

	// AddCosignatures stores witnesses' cosignatures of the log's stored
	// checkpoint of the given tree size: each of sigs is one or more note
	// signature lines ("— name base64\n"). A line already stored for that
	// checkpoint is not stored again. The checkpoint itself is left as it
	// was signed (Audit compares it byte for byte); cosignatures are kept
	// beside it and merged when it is served. It fails with an error
	// wrapping ErrLogNotFound for an unknown log, ErrNotFound if no
	// checkpoint of that size is stored, or ErrMalformedSignature for
	// anything but signature lines, storing nothing.
	AddCosignatures(ctx context.Context, origin string, size int64, sigs [][]byte) error

	// Cosignatures returns the signature lines stored by AddCosignatures
	// for the log's checkpoint of the given size, each ending in a
	// newline, sorted by their bytes; none if there are none. It fails
	// with an error wrapping ErrLogNotFound for an unknown log.
	Cosignatures(ctx context.Context, origin string, size int64) ([][]byte, error)

	// SealedBallots returns the sealed ballots stored in the log's ballot
	// box by AppendBatch (Batch.Sealed) and not emptied since
	// (Batch.Emptied), sorted by id, so that their order says nothing of
	// when they were cast; none if there are none.
	// It fails with an error wrapping ErrLogNotFound for an unknown log.
	SealedBallots(ctx context.Context, origin, box string) ([]SealedBallot, error)

	// Close releases the store.
	Close() error
}

// Head is a log's committed state: its size and its latest signed checkpoint.
type Head struct {
	Size       int64
	Checkpoint []byte
}

// Record is one stored entry: its index, its encoded bytes, and the tlog
// hashes its append stored (tlog.StoredHashes: the record hash at level 0,
// then the hash of each subtree it completes, level by level).
type Record struct {
	Index  int64
	Data   []byte
	Hashes []tlog.Hash
}

// Blob is a payload stored beside the log under its SHA-256.
type Blob struct {
	SHA256 [32]byte
	Data   []byte
}

// StoredCheckpoint is a signed checkpoint as stored, with the tree size
// it was stored under.
type StoredCheckpoint struct {
	Size   int64
	Signed []byte
}

// Batch is what one AppendBatch commits: Records with indexes First,
// First+1, …, the blobs they refer to, the checkpoint signed for the
// tree of size First+len(Records), the sealed ballots put in the log's
// ballot boxes together with them, and the boxes emptied with them (after
// the puts: a ballot put and emptied in one batch is not kept).
type Batch struct {
	First      int64
	Records    []Record
	Blobs      []Blob
	Checkpoint []byte
	Sealed     []SealedBallot
	Emptied    []string
}

// SealedBallot is a row of a ballot box kept beside a log, not in it: the
// log records that a voter voted, the box keeps the ballot, unlinked to
// the voter, until the vote closes, the ballots enter the log shuffled,
// and the box is emptied in the same transaction. A store keeps a box as
// a set keyed by a random row id, with no time and no sequence, and
// returns it sorted by id, so nothing it returns tells which ballot came
// when. Data is opaque to the store: the engine seals it (encrypted and
// padded to one size) before it is stored, and opens it at the close.
type SealedBallot struct {
	Box  string // the box: the vote's id
	ID   string // the row's random id, unique in its box
	Data []byte
}

// Errors a Store reports, wrapped with detail.
var (
	ErrLogNotFound = errors.New("log not found")
	ErrLogExists   = errors.New("log already exists")
	ErrConflict    = errors.New("log changed by another writer")
	ErrNotFound    = errors.New("not found")
	// ErrConstraint is wrapped by AppendBatch's error when the database
	// refused the batch on one of its constraints (a row in the way, a
	// check or trigger the schema was given): nothing was stored, and,
	// unlike a busy database or a lost connection, the same batch would
	// be refused again.
	ErrConstraint = errors.New("the database refused the append on one of its constraints")
)

// ValidSealedBallot reports why a sealed ballot cannot be stored, or nil:
// it needs a box, an id of 16 to 128 printable ASCII characters, and data.
func ValidSealedBallot(b SealedBallot) error {
	if b.Box == "" || len(b.Box) > 128 {
		return fmt.Errorf("ledger: a sealed ballot needs a box (1 to 128 bytes), not %q", b.Box)
	}
	if len(b.ID) < 16 || len(b.ID) > 128 {
		return fmt.Errorf("ledger: a sealed ballot's id has 16 to 128 characters, not %d", len(b.ID))
	}
	for _, c := range []byte(b.ID) {
		if c <= ' ' || c > '~' {
			return errors.New("ledger: a sealed ballot's id is printable ASCII")
		}
	}
	if len(b.Data) == 0 {
		return errors.New("ledger: a sealed ballot has no data")
	}
	return nil
}

// ErrMalformedSignature is wrapped by SignatureLines's error, and by a
// Store's AddCosignatures, for bytes that are not note signature lines.
var ErrMalformedSignature = errors.New("not a note signature line")

// SignatureLines splits sigs, each one or more note signature lines
// ("— name base64\n", the last newline optional), into single lines
// without their newline, for a Store to keep. It fails with an error
// wrapping ErrMalformedSignature if a line does not start with "— ", has
// no name and signature, or is empty.
func SignatureLines(sigs [][]byte) ([][]byte, error) {
	var out [][]byte
	for _, s := range sigs {
		s = bytes.TrimSuffix(s, []byte("\n"))
		for _, l := range bytes.Split(s, []byte("\n")) {
			rest, ok := bytes.CutPrefix(l, []byte("— "))
			name, sig, ok2 := bytes.Cut(rest, []byte(" "))
			if !ok || !ok2 || len(name) == 0 || len(sig) == 0 || bytes.ContainsAny(l, "\r\x00") {
				return nil, fmt.Errorf("%w: %q", ErrMalformedSignature, l)
			}
			out = append(out, l)
		}
	}
	return out, nil
}

// JoinHashes concatenates a record's stored hashes into the single column
// a Store keeps them in: 32 bytes each, level 0 first.
func JoinHashes(hs []tlog.Hash) []byte {
	b := make([]byte, 0, len(hs)*tlog.HashSize)
	for _, h := range hs {
		b = append(b, h[:]...)
	}
	return b
}

// SplitHashes reverses JoinHashes, reusing into's storage. It fails on a
// column that is empty or not a whole number of hashes.
func SplitHashes(b []byte, into []tlog.Hash) ([]tlog.Hash, error) {
	if len(b)%tlog.HashSize != 0 || len(b) == 0 {
		return nil, fmt.Errorf("stored hashes of %d bytes", len(b))
	}
	into = into[:0]
	for i := 0; i < len(b); i += tlog.HashSize {
		into = append(into, tlog.Hash(b[i:i+tlog.HashSize]))
	}
	return into, nil
}
