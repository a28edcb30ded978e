package ledger

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// Batch limits: a batch takes in no more Append calls once it holds this
// many entries or bytes. One call's entries always go in one batch, however
// many they are.
const (
	maxBatchEntries = 8192
	maxBatchBytes   = 8 << 20
)

// ErrClosed is returned by Append on a closed Log.
var ErrClosed = errors.New("ledger: log closed")

// Log is one assembly's log, open for appending. A Log is the only writer
// of its origin in a store; its methods are safe for concurrent use.
type Log struct {
	store  Store
	origin string
	signer note.Signer

	reqs    chan *appendReq
	closing chan struct{}
	done    chan struct{}
	once    sync.Once

	mu   sync.RWMutex // guards head
	head Head

	// Owned by the writer goroutine.
	fr     fringe
	broken bool // the last AppendBatch failed; reload state before the next
}

// appendReq is one Append call waiting for its batch.
type appendReq struct {
	entries []prepared
	sealed  []SealedBallot
	size    int // bytes, for batch limits
	reply   chan appendResult
}

type appendResult struct {
	first int64
	err   error
}

// prepared is an entry validated and encoded up to its index.
type prepared struct {
	tail    []byte // `,"time":…,"type":"…"`
	payload []byte // canonical payload
}

// Open opens the log with the given origin in st, creating it (with a
// signed checkpoint of the empty tree) if absent. Checkpoints are signed
// with signer. The caller must Close the Log.
func Open(ctx context.Context, st Store, origin string, signer note.Signer) (*Log, error) {
	if origin == "" || bytes.ContainsAny([]byte(origin), "\n\r") {
		return nil, fmt.Errorf("ledger: invalid origin %q", origin)
	}
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
	l := &Log{
		store:   st,
		origin:  origin,
		signer:  signer,
		reqs:    make(chan *appendReq, maxBatchEntries),
		closing: make(chan struct{}),
		done:    make(chan struct{}),
		head:    head,
	}
	if err := l.reload(ctx); err != nil {
		return nil, err
	}
	go l.writer()
	return l, nil
}

func emptyTreeHash() tlog.Hash {
	h, _ := tlog.TreeHash(0, nil)
	return h
}

// reload reads the head and the fringe from the store and checks that
// they agree with each other.
func (l *Log) reload(ctx context.Context) error {
	head, err := l.store.Head(ctx, l.origin)
	if err != nil {
		return err
	}
	fr, err := loadFringe(ctx, l.store, l.origin, head.Size)
	if err != nil {
		return fmt.Errorf("ledger: %s: reading the tree: %w", l.origin, err)
	}
	cp, err := ParseCheckpoint(checkpointText(head.Checkpoint))
	if err != nil {
		return fmt.Errorf("ledger: %s: latest checkpoint: %w", l.origin, err)
	}
	root, err := tlog.TreeHash(head.Size, &fr)
	if err != nil {
		return err
	}
	if cp.Origin != l.origin || cp.Size != head.Size || cp.Hash != root {
		return fmt.Errorf("ledger: %s: latest checkpoint (size %d) does not match the stored tree (size %d); run plenum verify", l.origin, cp.Size, head.Size)
	}
	l.fr = fr
	l.mu.Lock()
	l.head = head
	l.mu.Unlock()
	return nil
}

// checkpointText returns the body of a signed note: everything up to and
// including the newline before the blank line that starts the signatures.
func checkpointText(signed []byte) []byte {
	i := bytes.LastIndex(signed, []byte("\n\n"))
	if i < 0 {
		return signed
	}
	return signed[:i+1]
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

// Close stops the writer after the batch in progress; Appends waiting for
// a later batch fail with ErrClosed. Close does not close the Store.
func (l *Log) Close() error {
	l.once.Do(func() { close(l.closing) })
	<-l.done
	return nil
}

// Append appends entries contiguously and returns the index of the first.
// It returns only once the entries and a checkpoint covering them are
// durable. Concurrent Appends are committed together in one batch.
//
// Each entry's Index is ignored and assigned; a zero Time is set to the
// time of the call (UTC). If ctx ends first, Append returns its error, and
// the entries may or may not have been committed.
func (l *Log) Append(ctx context.Context, entries ...Entry) (first int64, err error) {
	return l.AppendSealed(ctx, nil, entries...)
}

// AppendSealed appends entries as Append does and, in the same store
// transaction, puts the sealed ballots in the log's ballot boxes: either
// the entries and the ballots are durable when it returns nil, or neither
// is. A token already in its box fails the whole batch. The ballots are
// not entries: they are not in the tree, and SealedBallots reads them.
func (l *Log) AppendSealed(ctx context.Context, sealed []SealedBallot, entries ...Entry) (first int64, err error) {
	if len(entries) == 0 {
		return 0, errors.New("ledger: Append of no entries")
	}
	req := &appendReq{entries: make([]prepared, len(entries)), reply: make(chan appendResult, 1)}
	seen := make(map[[2]string]bool, len(sealed))
	for i, b := range sealed {
		if err := ValidSealedBallot(b); err != nil {
			return 0, fmt.Errorf("ledger: sealed ballot %d of %d: %w", i+1, len(sealed), err)
		}
		k := [2]string{b.Box, b.Token}
		if seen[k] {
			return 0, fmt.Errorf("ledger: sealed ballot %d of %d: the token is given twice in the box %q", i+1, len(sealed), b.Box)
		}
		seen[k] = true
		b.Data = bytes.Clone(b.Data)
		req.sealed = append(req.sealed, b)
		req.size += len(b.Box) + len(b.Token) + len(b.Data)
	}
	now := time.Now().UTC().Round(0)
	for i, e := range entries {
		e.Index = 0
		if e.Time.IsZero() {
			e.Time = now
		}
		if err := e.Validate(); err != nil {
			return 0, fmt.Errorf("ledger: entry %d of %d: %w", i+1, len(entries), err)
		}
		p, err := canonicalPayload(e.Payload)
		if err != nil {
			return 0, fmt.Errorf("ledger: entry %d of %d: %w", i+1, len(entries), err)
		}
		head := appendHead(nil, 0, e.Time, e.Actor, e.Type)
		tail := head[len(`{"index":0`):]
		req.entries[i] = prepared{tail: tail, payload: p}
		req.size += len(tail) + len(p) + 32
	}
	select {
	case l.reqs <- req:
	case <-l.closing:
		return 0, ErrClosed
	case <-ctx.Done():
		return 0, ctx.Err()
	}
	select {
	case r := <-req.reply:
		return r.first, r.err
	case <-l.done:
		select {
		case r := <-req.reply:
			return r.first, r.err
		default:
			return 0, ErrClosed
		}
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// writer collects requests into batches and commits them one at a time.
func (l *Log) writer() {
	defer close(l.done)
	var batch []*appendReq
	for {
		batch = batch[:0]
		select {
		case r := <-l.reqs:
			batch = append(batch, r)
		case <-l.closing:
			l.failPending()
			return
		}
		n, size := len(batch[0].entries), batch[0].size
	drain:
		for n < maxBatchEntries && size < maxBatchBytes {
			select {
			case r := <-l.reqs:
				batch = append(batch, r)
				n += len(r.entries)
				size += r.size
			default:
				break drain
			}
		}
		l.commit(batch)
	}
}

func (l *Log) failPending() {
	for {
		select {
		case r := <-l.reqs:
			r.reply <- appendResult{err: ErrClosed}
		default:
			return
		}
	}
}

// commit appends one batch and answers its callers.
func (l *Log) commit(batch []*appendReq) {
	ctx := context.Background()
	fail := func(err error) {
		for _, r := range batch {
			r.reply <- appendResult{err: err}
		}
	}
	if l.broken {
		if err := l.reload(ctx); err != nil {
			fail(err)
			return
		}
		l.broken = false
	}
	fr := l.fr // a copy: l.fr changes only once the batch is durable
	b := &Batch{First: fr.size}
	firsts := make([]int64, len(batch))
	seen := map[[32]byte]bool{}
	var buf []byte
	for i, req := range batch {
		firsts[i] = fr.size
		b.Sealed = append(b.Sealed, req.sealed...)
		for _, p := range req.entries {
			idx := fr.size
			head := append(buf[:0], `{"index":`...)
			head = strconv.AppendInt(head, idx, 10)
			head = append(head, p.tail...)
			data, ext, err := finishEntry(bytes.Clone(head), p.payload)
			buf = head
			if err != nil {
				// Validated in Append; cannot happen for a valid entry.
				fail(fmt.Errorf("ledger: encoding entry %d: %w", idx, err))
				return
			}
			if ext != nil {
				sum := sha256.Sum256(ext)
				if !seen[sum] {
					seen[sum] = true
					b.Blobs = append(b.Blobs, Blob{SHA256: sum, Data: ext})
				}
			}
			hashes, err := tlog.StoredHashes(idx, data, &fr)
			if err != nil {
				fail(err)
				return
			}
			fr.add(hashes)
			b.Records = append(b.Records, Record{Index: idx, Data: data, Hashes: hashes})
		}
	}
	root, err := tlog.TreeHash(fr.size, &fr)
	if err != nil {
		fail(err)
		return
	}
	cp, err := SignCheckpoint(Checkpoint{Origin: l.origin, Size: fr.size, Hash: root}, l.signer)
	if err != nil {
		fail(err)
		return
	}
	b.Checkpoint = cp
	if err := l.store.AppendBatch(ctx, l.origin, b); err != nil {
		// The outcome may be unknown (a failed sync): reread before the next batch.
		l.broken = true
		fail(fmt.Errorf("ledger: %s: appending entries %d–%d: %w", l.origin, b.First, fr.size-1, err))
		return
	}
	l.fr = fr
	l.mu.Lock()
	l.head = Head{Size: fr.size, Checkpoint: cp}
	l.mu.Unlock()
	for i, r := range batch {
		r.reply <- appendResult{first: firsts[i]}
	}
}

// SealedBallots returns the sealed ballots in the log's ballot box box,
// sorted by token: see Store.SealedBallots. Every ballot put there by an
// AppendSealed that returned nil is among them.
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
