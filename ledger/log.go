package ledger

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// ErrClosed is returned by AppendBatch on a closed Log.
var ErrClosed = errors.New("ledger: log closed")

// ErrBadHead is wrapped by the error of Open, and of every AppendBatch,
// when the log's head in the store is not one its Log may carry on from:
// its latest checkpoint is not the Log's signature of the stored tree, it
// has gone back from what the Log appended, or entries are stored beyond
// it. Something other than a plenum writer changed the database (a
// second program, a restored backup, a lost write-ahead log); the Log
// appends nothing on it, and plenum verify says what.
var ErrBadHead = errors.New("ledger: the log's head in the store cannot be carried on from")

// Log is one assembly's log, open for appending. A Log is the only writer
// of its origin in its process; its methods are safe for concurrent use,
// and appends are committed one at a time, in the order they take the
// Log's lock. Grouping many commands into one append (group commit) is the
// caller's job: package engine's writer does it, once per assembly.
type Log struct {
	store  Store
	origin string
	signer note.Signer
	opts   Options

	wmu       sync.Mutex // held by an append: guards fr, unsettled, closed
	fr        fringe
	unsettled *pending // an append whose outcome could not be read back
	closed    bool

	// done ends with Close, so that reading the log back after a failed
	// append does not hold Close up.
	done   context.Context
	finish context.CancelFunc

	mu   sync.RWMutex // guards head
	head Head
}

// Options tune how a Log settles an append whose outcome the store left
// unknown; the zero value gives the defaults.
type Options struct {
	// SettleTimeout bounds each attempt to read the log back after a
	// failed append. In PostgreSQL an attempt waits for the failed
	// append's transaction to end (see Store.SettledHead), so it should
	// be longer than the server's idle_in_transaction_session_timeout
	// (store/postgres sets 20 seconds). Default 30 seconds.
	SettleTimeout time.Duration
	// SettleAttempts is how many attempts AppendBatch makes before it
	// gives up with ErrOutcomeUnknown. Default 4.
	SettleAttempts int
}

func (o *Options) defaults() {
	if o.SettleTimeout <= 0 {
		o.SettleTimeout = 30 * time.Second
	}
	if o.SettleAttempts <= 0 {
		o.SettleAttempts = 4
	}
}

// prepared is an entry validated and encoded up to its index.
type prepared struct {
	tail    []byte // `,"time":…,"type":"…"`
	payload []byte // canonical payload
}

// Open opens the log with the given origin in st, creating it (with a
// signed checkpoint of the empty tree) if absent, with the default
// Options. Checkpoints are signed with signer. The caller must Close the
// Log.
func Open(ctx context.Context, st Store, origin string, signer note.Signer) (*Log, error) {
	return OpenWith(ctx, st, origin, signer, Options{})
}

// OpenWith is Open with Options.
func OpenWith(ctx context.Context, st Store, origin string, signer note.Signer, opts Options) (*Log, error) {
	if origin == "" || bytes.ContainsAny([]byte(origin), "\n\r") {
		return nil, fmt.Errorf("ledger: invalid origin %q", origin)
	}
	opts.defaults()
	head, err := st.Head(ctx, origin)
	if errors.Is(err, ErrLogNotFound) {
		cp, serr := SignCheckpoint(Checkpoint{Origin: origin, Size: 0, Hash: emptyTreeHash()}, signer)
		if serr != nil {
			return nil, serr
		}
		if err = st.CreateLog(ctx, origin, cp); err != nil && !errors.Is(err, ErrLogExists) {
			return nil, err
		}
		head, err = st.Head(ctx, origin)
	}
	if err != nil {
		return nil, err
	}
	l := &Log{store: st, origin: origin, signer: signer, opts: opts, head: head}
	l.done, l.finish = context.WithCancel(context.Background())
	if err := l.reload(ctx); err != nil {
		l.finish()
		return nil, err
	}
	if err := l.nothingBeyond(ctx); err != nil {
		l.finish()
		return nil, err
	}
	return l, nil
}

func emptyTreeHash() tlog.Hash {
	h, _ := tlog.TreeHash(0, nil)
	return h
}

// reload reads the head and the fringe from the store and checks that
// the Log may carry on from them: the head has not gone back from what
// the Log appended, its tree is stored, and its checkpoint is the Log's
// own signature of that tree — a head written by someone without the
// key (the database's administrator, another program) is never signed
// over. The caller holds wmu, or owns l alone.
func (l *Log) reload(ctx context.Context) error {
	head, err := l.store.Head(ctx, l.origin)
	if err != nil {
		return err
	}
	if had := l.fr.size; head.Size < had {
		return fmt.Errorf("%w: %s: the log in the store went back from %d to %d entries: entries this Log appended, and acknowledged, are no longer in it (the database was restored from an older copy, lost its write-ahead log, failed over to a replica that lacked them, or was changed by another program); nothing is appended to it; stop plenum, run plenum verify, and restore the database",
			ErrBadHead, l.origin, had, head.Size)
	}
	fr, err := loadFringe(ctx, l.store, l.origin, head.Size)
	if errors.Is(err, ErrNotFound) {
		return fmt.Errorf("%w: %s: the log's head says %d entries, but its tree is not stored (%w); run plenum verify", ErrBadHead, l.origin, head.Size, err)
	}
	if err != nil {
		return fmt.Errorf("ledger: %s: reading the tree: %w", l.origin, err)
	}
	cp, err := ParseSignedCheckpoint(head.Checkpoint)
	if err != nil {
		return fmt.Errorf("%w: %s: latest checkpoint: %w; run plenum verify", ErrBadHead, l.origin, err)
	}
	root, err := tlog.TreeHash(head.Size, &fr)
	if err != nil {
		return err
	}
	if cp.Origin != l.origin || cp.Size != head.Size || cp.Hash != root {
		return fmt.Errorf("%w: %s: latest checkpoint (size %d) does not match the stored tree (size %d); run plenum verify", ErrBadHead, l.origin, cp.Size, head.Size)
	}
	// Signatures are deterministic (Ed25519): the Log's own checkpoint
	// of this tree is these bytes, or the head is not the Log's.
	mine, err := SignCheckpoint(Checkpoint{Origin: l.origin, Size: head.Size, Hash: root}, l.signer)
	if err != nil {
		return err
	}
	if !bytes.Equal(mine, head.Checkpoint) {
		return fmt.Errorf("%w: %s: the log's latest checkpoint (%d entries) is not signed by this log's key %s: something other than a plenum writer holding the key wrote it, and nothing is appended on it; run plenum verify",
			ErrBadHead, l.origin, head.Size, l.signer.Name())
	}
	l.fr = fr
	l.setHead(head)
	return nil
}

// nothingBeyond checks that no entry and no checkpoint is stored beyond
// the log's head, as there is when the head was rolled back outside
// plenum (the next append would collide with them) — unless another
// writer has appended them since the head was read.
func (l *Log) nothingBeyond(ctx context.Context) error {
	size := l.Size()
	idx, err := firstStored(ctx, l.store, l.origin, size, 1<<62)
	if err != nil {
		return err
	}
	cps, err := l.store.Checkpoints(ctx, l.origin, size, 1)
	if err != nil {
		return err
	}
	if idx < 0 && len(cps) == 0 {
		return nil
	}
	if now, err := l.store.Head(ctx, l.origin); err != nil || now.Size != size {
		return err // nil if the log grew: the first append reloads it
	}
	what := fmt.Sprintf("entry %d", idx)
	if idx < 0 {
		what = fmt.Sprintf("a checkpoint of %d entries", cps[0].Size)
	}
	return fmt.Errorf("%w: %s: %s is stored beyond the log's head (%d entries): the head was rolled back, or rows were written past it, outside plenum; nothing is appended to it; run plenum verify, and restore the database",
		ErrBadHead, l.origin, what, size)
}

// firstStored returns the index of the first entry of the log stored
// with start ≤ index < end, or -1 if there is none.
func firstStored(ctx context.Context, st Store, origin string, start, end int64) (int64, error) {
	found := int64(-1)
	err := st.ScanRecords(ctx, origin, start, end, func(r Record) error {
		found = r.Index
		return errStop
	})
	if err != nil && !errors.Is(err, errStop) {
		return -1, err
	}
	return found, nil
}

func (l *Log) setHead(h Head) {
	l.mu.Lock()
	l.head = h
	l.mu.Unlock()
}

// Origin returns the log's origin line.
func (l *Log) Origin() string { return l.origin }

// Size returns the number of committed entries.
func (l *Log) Size() int64 {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.head.Size
}

// Checkpoint returns the latest signed checkpoint.
func (l *Log) Checkpoint() []byte {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.head.Checkpoint
}

// Close ends appending, after the append in progress (cutting short its
// reading the log back, if its store call failed: its outcome is then
// unknown); later appends fail with ErrClosed. Reads still work. Close
// does not close the Store.
func (l *Log) Close() error {
	l.finish()
	l.wmu.Lock()
	l.closed = true
	l.wmu.Unlock()
	return nil
}

// Appended is what a committed AppendBatch became.
type Appended struct {
	// First is the index of the first entry.
	First int64
	// Leaves are the entries' record hashes (tlog.RecordHash of each
	// entry's stored bytes), in order: what an inclusion proof proves.
	Leaves []tlog.Hash
	// Checkpoint is the signed checkpoint of the tree that ends with the
	// batch, of size First+len(Leaves).
	Checkpoint []byte
	// Root is the root hash of that tree, as Checkpoint says it: for
	// whoever needs the checkpoint's size and root without parsing it
	// (the high-water marks, after every batch).
	Root tlog.Hash
	// Settled is true when the store reported a failure, and reading the
	// log back showed the batch committed all the same (a lost reply).
	Settled bool
}

// Append appends entries contiguously in one batch and returns the index
// of the first: AppendBatch without sealed ballots.
func (l *Log) Append(ctx context.Context, entries ...Entry) (first int64, err error) {
	a, err := l.AppendBatch(ctx, entries, nil)
	if err != nil {
		return 0, err
	}
	return a.First, nil
}

// AppendBatch appends entries contiguously and, in the same store
// transaction, puts the sealed ballots in the log's ballot boxes, with one
// new signed checkpoint: either all of it is durable when AppendBatch
// returns nil, or none of it is. It is synchronous: one call, one
// transaction, one sync. An id already in its box fails the whole
// batch. The ballots are not entries: they are not in the tree, and
// SealedBallots reads them.
//
// Each entry's Index is ignored and assigned; a zero Time is set to the
// time of the call (UTC). ctx bounds the store's append only; Close cuts
// it short too.
//
// When the store's append fails, or its reply is lost, AppendBatch does
// not guess: it reads the log back (Store.SettledHead and the stored
// checkpoint of the size the batch would make, which commits to the root
// hash over the batch's entries) and decides the outcome before it
// returns (see docs/ledger.md, "Unknown outcomes"):
//
//   - committed: it returns the batch as appended, Appended.Settled set;
//   - not committed, the head where it was: an error wrapping
//     ErrNotAppended, and the Log is unchanged;
//   - the log moved under it (another writer): an error wrapping
//     ErrConflict, after the Log has reloaded the real head;
//   - the log's head is not one the Log may carry on from (it went back,
//     is not signed by the Log's key, or, where it was, has entries or
//     checkpoints stored beyond it, on which every append would fail):
//     an error wrapping ErrBadHead,
//     and the Log keeps its head and appends nothing (every append is
//     refused the same way);
//   - the store cannot be read back: an error wrapping ErrOutcomeUnknown,
//     and the Log refuses every append until Settle succeeds.
func (l *Log) AppendBatch(ctx context.Context, entries []Entry, sealed []SealedBallot) (*Appended, error) {
	return l.AppendBoxed(ctx, entries, sealed, nil)
}

// AppendBoxed is AppendBatch that also empties the ballot boxes emptied
// (each a box id), in the same transaction, after putting the sealed
// ballots: the closing or withdrawal of a secret vote takes its box away
// with it.
func (l *Log) AppendBoxed(ctx context.Context, entries []Entry, sealed []SealedBallot, emptied []string) (*Appended, error) {
	if len(entries) == 0 {
		return nil, errors.New("ledger: an append of no entries")
	}
	prep, box, err := prepare(entries, sealed)
	if err != nil {
		return nil, err
	}
	for _, e := range emptied {
		if e == "" || len(e) > 128 {
			return nil, fmt.Errorf("ledger: a ballot box to empty needs an id (1 to 128 bytes), not %q", e)
		}
	}
	l.wmu.Lock()
	defer l.wmu.Unlock()
	if l.closed {
		return nil, ErrClosed
	}
	if l.unsettled != nil {
		return nil, l.unsettled.err
	}
	b, fr, leaves, root, err := l.batch(prep, box)
	if err != nil {
		return nil, err
	}
	b.Emptied = slices.Clone(emptied)
	a := &Appended{First: b.First, Leaves: leaves, Checkpoint: b.Checkpoint, Root: root}
	ctx, cancel := context.WithCancel(ctx)
	defer context.AfterFunc(l.done, cancel)()
	defer cancel()
	if serr := l.store.AppendBatch(ctx, l.origin, b); serr != nil {
		if err := l.settle(&pending{batch: b, fr: fr, old: l.headNow(), cause: serr}); err != nil {
			return nil, err
		}
		a.Settled = true
		return a, nil
	}
	l.fr = fr
	l.setHead(Head{Size: fr.size, Checkpoint: b.Checkpoint})
	return a, nil
}

func (l *Log) headNow() Head {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.head
}

// prepare validates and encodes entries up to their index, and checks and
// copies the sealed ballots.
func prepare(entries []Entry, sealed []SealedBallot) ([]prepared, []SealedBallot, error) {
	seen := make(map[[2]string]bool, len(sealed))
	box := make([]SealedBallot, 0, len(sealed))
	for i, b := range sealed {
		if err := ValidSealedBallot(b); err != nil {
			return nil, nil, fmt.Errorf("ledger: sealed ballot %d of %d: %w", i+1, len(sealed), err)
		}
		k := [2]string{b.Box, b.ID}
		if seen[k] {
			return nil, nil, fmt.Errorf("ledger: sealed ballot %d of %d: the id is given twice in the box %q", i+1, len(sealed), b.Box)
		}
		seen[k] = true
		b.Data = bytes.Clone(b.Data)
		box = append(box, b)
	}
	out := make([]prepared, len(entries))
	now := time.Now().UTC().Round(0)
	// The entries of a batch mostly share one time (now): it is formatted
	// once for all that have it.
	var last time.Time
	var lastText []byte
	// The tails, one after another in one slice, one allocation a batch
	// rather than one an entry (each capped: nothing appends to one over
	// the next), sized for the longest time
	// (RFC3339Nano, 35 bytes) and actors and types without escapes; should
	// they need more, the tails after are in a larger array.
	n := 0
	for _, e := range entries {
		n += len(`,"time":"`) + 35 + len(`","actor":`) + len(e.Actor) + 2 + len(`,"type":`) + len(e.Type) + 2
	}
	tails := make([]byte, 0, n)
	for i, e := range entries {
		e.Index = 0
		if e.Time.IsZero() {
			e.Time = now
		}
		if err := e.Validate(); err != nil {
			return nil, nil, fmt.Errorf("ledger: entry %d of %d: %w", i+1, len(entries), err)
		}
		p, err := canonicalPayload(e.Payload)
		if err != nil {
			return nil, nil, fmt.Errorf("ledger: entry %d of %d: %w", i+1, len(entries), err)
		}
		if lastText == nil || !e.Time.Equal(last) {
			last, lastText = e.Time, appendTime(lastText[:0:0], e.Time)
		}
		// What follows the index: `,"time":"…","actor":…,"type":…`.
		start := len(tails)
		tails = append(tails, `,"time":"`...)
		tails = append(tails, lastText...)
		tails = appendHeadRest(tails, e.Actor, e.Type)
		out[i] = prepared{tail: tails[start:len(tails):len(tails)], payload: p}
	}
	return out, box, nil
}

// batch numbers the prepared entries from the log's size, hashes them
// into a copy of the fringe and signs the checkpoint of the new tree.
func (l *Log) batch(prep []prepared, sealed []SealedBallot) (*Batch, fringe, []tlog.Hash, tlog.Hash, error) {
	fr := l.fr // a copy: l.fr changes only once the batch is durable
	b := &Batch{First: fr.size, Sealed: sealed, Records: make([]Record, 0, len(prep))}
	leaves := make([]tlog.Hash, 0, len(prep))
	// The records' stored hashes, one after another: k records from any
	// size store their k record hashes and one for each subtree they
	// complete, of which there are fewer than k+64.
	hs := make([]tlog.Hash, 0, 2*len(prep)+64)
	seen := map[[32]byte]bool{}
	// The records' bytes, one after another in one slice, one allocation
	// a batch rather than one an entry, each capped; sized for the longest index and either form of payload (inline, or
	// its hash and size: finishEntry).
	n := 0
	for _, p := range prep {
		n += len(`{"index":`) + 20 + len(p.tail) + max(len(`,"payload":`)+len(p.payload)+1, len(`,"payload_sha256":"`)+64+len(`","payload_size":`)+20+1)
	}
	all := make([]byte, 0, n)
	for _, p := range prep {
		idx := fr.size
		rest := all[len(all):]
		head := append(rest, `{"index":`...)
		head = strconv.AppendInt(head, idx, 10)
		head = append(head, p.tail...)
		data, ext, err := finishEntry(head, p.payload)
		if len(data) <= cap(rest) {
			// Written in place, not past the end into an array of its own.
			all = all[:len(all)+len(data)]
		}
		data = data[:len(data):len(data)]
		if err != nil {
			// Validated in prepare; cannot happen for a valid entry.
			return nil, fr, nil, tlog.Hash{}, fmt.Errorf("ledger: encoding entry %d: %w", idx, err)
		}
		if ext != nil {
			sum := sha256.Sum256(ext)
			if !seen[sum] {
				seen[sum] = true
				b.Blobs = append(b.Blobs, Blob{SHA256: sum, Data: ext})
			}
		}
		start := len(hs)
		if hs, err = fr.appendStoredHashes(hs, data); err != nil {
			return nil, fr, nil, tlog.Hash{}, err
		}
		hashes := hs[start:len(hs):len(hs)]
		fr.add(hashes)
		leaves = append(leaves, hashes[0])
		b.Records = append(b.Records, Record{Index: idx, Data: data, Hashes: hashes})
	}
	root, err := tlog.TreeHash(fr.size, &fr)
	if err != nil {
		return nil, fr, nil, tlog.Hash{}, err
	}
	if b.Checkpoint, err = SignCheckpoint(Checkpoint{Origin: l.origin, Size: fr.size, Hash: root}, l.signer); err != nil {
		return nil, fr, nil, tlog.Hash{}, err
	}
	return b, fr, leaves, root, nil
}

// SealedBallots returns the sealed ballots in the log's ballot box box,
// sorted by id: see Store.SealedBallots. Every ballot put there by an
// AppendBatch that returned nil is among them.
func (l *Log) SealedBallots(ctx context.Context, box string) ([]SealedBallot, error) {
	return l.store.SealedBallots(ctx, l.origin, box)
}

// Read returns the entries with start ≤ index < end, their payloads
// resolved and checked against their SHA-256 if stored beside the log.
func (l *Log) Read(ctx context.Context, start, end int64) ([]Entry, error) {
	if err := l.checkRange(start, end); err != nil {
		return nil, err
	}
	return ReadEntries(ctx, l.store, l.origin, start, end)
}

// Raw returns the stored bytes of the entries with start ≤ index < end.
func (l *Log) Raw(ctx context.Context, start, end int64) ([][]byte, error) {
	if err := l.checkRange(start, end); err != nil {
		return nil, err
	}
	return ReadRaw(ctx, l.store, l.origin, start, end)
}

func (l *Log) checkRange(start, end int64) error {
	if size := l.Size(); start < 0 || start > end || end > size {
		return fmt.Errorf("ledger: range [%d, %d) outside the log of size %d", start, end, size)
	}
	return nil
}

// InclusionProof returns the proof that entry index is in the tree of
// size treeSize, to be checked with tlog.CheckRecord.
func (l *Log) InclusionProof(ctx context.Context, index, treeSize int64) (tlog.RecordProof, error) {
	if index < 0 || index >= treeSize || treeSize > l.Size() {
		return nil, fmt.Errorf("ledger: no inclusion proof for entry %d in tree size %d (log size %d)", index, treeSize, l.Size())
	}
	return tlog.ProveRecord(treeSize, index, HashReader(ctx, l.store, l.origin))
}

// ConsistencyProof returns the proof that the tree of size oldSize is a
// prefix of the tree of size newSize, to be checked with tlog.CheckTree.
func (l *Log) ConsistencyProof(ctx context.Context, oldSize, newSize int64) (tlog.TreeProof, error) {
	if oldSize < 1 || oldSize > newSize || newSize > l.Size() {
		return nil, fmt.Errorf("ledger: no consistency proof from size %d to %d (log size %d)", oldSize, newSize, l.Size())
	}
	return tlog.ProveTree(newSize, oldSize, HashReader(ctx, l.store, l.origin))
}

// ReadRaw returns the stored bytes of a log's entries with
// start ≤ index < end, or an error wrapping ErrNotFound if one is missing.
func ReadRaw(ctx context.Context, st Store, origin string, start, end int64) ([][]byte, error) {
	out := make([][]byte, 0, end-start)
	err := st.ScanRecords(ctx, origin, start, end, func(r Record) error {
		if r.Index != start+int64(len(out)) {
			return fmt.Errorf("%w: entry %d", ErrNotFound, start+int64(len(out)))
		}
		out = append(out, bytes.Clone(r.Data))
		return nil
	})
	if err != nil {
		return nil, err
	}
	if int64(len(out)) != end-start {
		return nil, fmt.Errorf("%w: entry %d", ErrNotFound, start+int64(len(out)))
	}
	return out, nil
}

// ReadEntries returns a log's decoded entries with start ≤ index < end,
// with payloads stored beside the log read and checked.
func ReadEntries(ctx context.Context, st Store, origin string, start, end int64) ([]Entry, error) {
	raw, err := ReadRaw(ctx, st, origin, start, end)
	if err != nil {
		return nil, err
	}
	out := make([]Entry, len(raw))
	for i, data := range raw {
		e, ref, err := DecodeEntry(data)
		if err != nil {
			return nil, fmt.Errorf("ledger: %s: entry %d: %w", origin, start+int64(i), err)
		}
		if ref != nil {
			if e.Payload, err = ReadBlob(ctx, st, *ref); err != nil {
				return nil, fmt.Errorf("ledger: %s: entry %d: %w", origin, start+int64(i), err)
			}
		}
		out[i] = e
	}
	return out, nil
}

// ReadBlob returns the payload ref names, after checking its size and SHA-256.
func ReadBlob(ctx context.Context, st Store, ref PayloadRef) ([]byte, error) {
	data, err := st.Blob(ctx, ref.SHA256)
	if err != nil {
		return nil, err
	}
	if int64(len(data)) != ref.Size || sha256.Sum256(data) != ref.SHA256 {
		return nil, fmt.Errorf("payload %x does not match its SHA-256 or size", ref.SHA256)
	}
	return data, nil
}
