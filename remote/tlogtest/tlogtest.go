// Package tlogtest is an in-memory tiled transparency log for tests: it
// appends entries, signs C2SP checkpoints, gives inclusion and consistency
// proofs, and serves itself over HTTP in the C2SP tlog-tiles layout.
package tlogtest

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
	"plenum/tiles"
)

// Log is an in-memory log. Its methods are safe for concurrent use.
type Log struct {
	Origin string
	Signer note.Signer
	VKey   string

	mu      sync.Mutex
	entries [][]byte
	hashes  []tlog.Hash // stored hashes, by stored hash index
	// pinned is the checkpoint served, if set with ServeCheckpoint.
	pinned []byte
}

// New returns an empty log with a new Ed25519 key named after the
// origin's first path element.
func New(origin string) *Log {
	name, _, _ := strings.Cut(origin, "/")
	skey, vkey, err := note.GenerateKey(rand.Reader, name)
	if err != nil {
		panic(err)
	}
	s, err := note.NewSigner(skey)
	if err != nil {
		panic(err)
	}
	return &Log{Origin: origin, Signer: s, VKey: vkey}
}

// NewWithSigner returns an empty log signing with s (for two logs sharing
// one origin and key: a split view).
func NewWithSigner(origin string, s note.Signer, vkey string) *Log {
	return &Log{Origin: origin, Signer: s, VKey: vkey}
}

// Verifier returns the verifier of the log's key.
func (l *Log) Verifier() note.Verifier {
	v, err := note.NewVerifier(l.VKey)
	if err != nil {
		panic(err)
	}
	return v
}

// Append adds entries to the log.
func (l *Log) Append(data ...[]byte) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, d := range data {
		n := int64(len(l.entries))
		hs, err := tlog.StoredHashes(n, d, l.reader())
		if err != nil {
			panic(err)
		}
		l.entries = append(l.entries, d)
		l.hashes = append(l.hashes, hs...)
	}
}

// Replace overwrites entry i and recomputes the tree (tampering).
func (l *Log) Replace(i int64, data []byte) {
	l.mu.Lock()
	old := l.entries
	l.entries, l.hashes = nil, nil
	l.mu.Unlock()
	for j, d := range old {
		if int64(j) == i {
			d = data
		}
		l.Append(d)
	}
}

// Remove drops entry i and recomputes the tree (tampering).
func (l *Log) Remove(i int64) {
	l.mu.Lock()
	old := l.entries
	l.entries, l.hashes = nil, nil
	l.mu.Unlock()
	for j, d := range old {
		if int64(j) != i {
			l.Append(d)
		}
	}
}

func (l *Log) reader() tlog.HashReader {
	return tlog.HashReaderFunc(func(idx []int64) ([]tlog.Hash, error) {
		out := make([]tlog.Hash, len(idx))
		for i, x := range idx {
			if x >= int64(len(l.hashes)) {
				return nil, fmt.Errorf("tlogtest: hash %d not stored", x)
			}
			out[i] = l.hashes[x]
		}
		return out, nil
	})
}

// Size returns the number of entries.
func (l *Log) Size() int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return int64(len(l.entries))
}

// Entry returns entry i.
func (l *Log) Entry(i int64) []byte {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.entries[i]
}

// TreeHash returns the root hash of the tree of size n.
func (l *Log) TreeHash(n int64) tlog.Hash {
	l.mu.Lock()
	defer l.mu.Unlock()
	h, err := tlog.TreeHash(n, l.reader())
	if err != nil {
		panic(err)
	}
	return h
}

// Checkpoint returns a signed checkpoint of the current tree.
func (l *Log) Checkpoint() []byte {
	n := l.Size()
	cp, err := ledger.SignCheckpoint(ledger.Checkpoint{Origin: l.Origin, Size: n, Hash: l.TreeHash(n)}, l.Signer)
	if err != nil {
		panic(err)
	}
	return cp
}

// ServeCheckpoint pins the checkpoint the handler serves (nil: sign the
// current tree on each request).
func (l *Log) ServeCheckpoint(cp []byte) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.pinned = cp
}

// ConsistencyProof implements witness.ProofSource.
func (l *Log) ConsistencyProof(ctx context.Context, oldSize, newSize int64) (tlog.TreeProof, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if oldSize < 0 || oldSize > newSize || newSize > int64(len(l.entries)) {
		return nil, fmt.Errorf("tlogtest: no consistency proof from %d to %d in a log of %d", oldSize, newSize, len(l.entries))
	}
	return tlog.ProveTree(newSize, oldSize, l.reader())
}

// InclusionProof returns the proof that entry index is in the tree of size n.
func (l *Log) InclusionProof(ctx context.Context, index, n int64) (tlog.RecordProof, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if index < 0 || index >= n || n > int64(len(l.entries)) {
		return nil, fmt.Errorf("tlogtest: no inclusion proof of %d in %d", index, n)
	}
	return tlog.ProveRecord(n, index, l.reader())
}

// ServeHTTP serves GET /checkpoint, /tile/<L>/<N>[.p/<W>] and
// /tile/entries/<N>[.p/<W>] for the current tree.
func (l *Log) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path := strings.TrimPrefix(r.URL.Path, "/")
	if path == "checkpoint" {
		l.mu.Lock()
		cp := l.pinned
		l.mu.Unlock()
		if cp == nil {
			cp = l.Checkpoint()
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(cp)
		return
	}
	tile, err := tiles.ParsePath(path)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	t := tile.Tlog()
	l.mu.Lock()
	defer l.mu.Unlock()
	n := int64(len(l.entries))
	if t.L == -1 {
		start := t.N << tiles.Height
		end := start + int64(t.W)
		if end > n {
			http.NotFound(w, r)
			return
		}
		var b []byte
		for _, e := range l.entries[start:end] {
			b = binary.BigEndian.AppendUint16(b, uint16(len(e)))
			b = append(b, e...)
		}
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write(b)
		return
	}
	// The tile exists if the tree covers its last hash.
	if (t.N<<tiles.Height+int64(t.W))<<(tiles.Height*t.L) > n {
		http.NotFound(w, r)
		return
	}
	data, err := tlog.ReadTileData(t, l.reader())
	if err != nil {
		http.Error(w, err.Error(), 500)
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Write(data)
}
