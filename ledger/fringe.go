package ledger

import (
	"context"
	"fmt"
	"math/bits"
	"slices"

	"golang.org/x/mod/sumdb/tlog"
)

// fringe holds, for each level of the tree, the hash of the most recently
// completed subtree. That is exactly what tlog reads to store the hashes of
// the next record (tlog.StoredHashes) and to compute the tree hash of the
// current size (tlog.TreeHash), so appends and audits need no storage reads.
//
// For a tree of size n, the latest complete subtree at level l is node
// (l, n>>l - 1), completed by record (n>>l)<<l - 1.
type fringe struct {
	size int64
	node [64]int64 // node[l] is the index at level l of hash[l], or -1
	hash [64]tlog.Hash
}

func newFringe() fringe {
	var f fringe
	for i := range f.node {
		f.node[i] = -1
	}
	return f
}

// ReadHashes implements tlog.HashReader for the hashes the fringe holds.
func (f *fringe) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, x := range indexes {
		l, n := tlog.SplitStoredHashIndex(x)
		if l >= len(f.node) || f.node[l] != n {
			return nil, fmt.Errorf("ledger: internal error: hash %d (level %d, node %d) not on the fringe of tree size %d", x, l, n, f.size)
		}
		out[i] = f.hash[l]
	}
	return out, nil
}

// appendStoredHashes appends to dst the hashes tlog.StoredHashes gives
// record f.size of the given data (its record hash, then the hash of each
// subtree it completes, level by level), read from the fringe as
// tlog.StoredHashes reads them through ReadHashes: without its three
// slices a record, so that a batch's hashes can share one (Log.batch).
func (f *fringe) appendStoredHashes(dst []tlog.Hash, data []byte) ([]tlog.Hash, error) {
	n := f.size
	h := tlog.RecordHash(data)
	dst = append(dst, h)
	// Each trailing 1 bit of n completes a subtree, joining the one
	// completed last at that level.
	for l := range bits.TrailingZeros64(uint64(n + 1)) {
		if f.node[l] != n>>l-1 {
			return dst, fmt.Errorf("ledger: internal error: hash of level %d, node %d not on the fringe of tree size %d", l, n>>l-1, f.size)
		}
		h = tlog.NodeHash(f.hash[l], h)
		dst = append(dst, h)
	}
	return dst, nil
}

// add records the hashes tlog.StoredHashes returned for record f.size.
func (f *fringe) add(hashes []tlog.Hash) {
	n := f.size
	for l, h := range hashes {
		f.node[l] = n >> l
		f.hash[l] = h
	}
	f.size++
}

// loadFringe reads the fringe of the tree of the given size from the store.
func loadFringe(ctx context.Context, st Store, origin string, size int64) (fringe, error) {
	f := newFringe()
	f.size = size
	var recs []int64
	for l := 0; l < 63 && size>>l > 0; l++ {
		r := (size>>l)<<l - 1
		if len(recs) == 0 || recs[len(recs)-1] != r {
			recs = append(recs, r)
		}
	}
	if len(recs) == 0 {
		return f, nil
	}
	slices.Sort(recs)
	recs = slices.Compact(recs)
	got, err := st.ReadRecords(ctx, origin, recs)
	if err != nil {
		return fringe{}, err
	}
	byIndex := make(map[int64]Record, len(got))
	for _, r := range got {
		byIndex[r.Index] = r
	}
	for l := 0; l < 63 && size>>l > 0; l++ {
		r := byIndex[(size>>l)<<l-1]
		if l >= len(r.Hashes) {
			return fringe{}, fmt.Errorf("%w: record %d has %d stored hashes, need level %d", ErrNotFound, r.Index, len(r.Hashes), l)
		}
		f.node[l] = size>>l - 1
		f.hash[l] = r.Hashes[l]
	}
	return f, nil
}

// storeHashReader reads stored hashes of a log from a Store: the hash at
// level l, node n was stored with record (n+1)<<l - 1, at position l.
type storeHashReader struct {
	ctx    context.Context
	st     Store
	origin string
}

func (r storeHashReader) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	return ReadHashes(r.ctx, r.st, r.origin, indexes)
}

// HashReader returns a tlog.HashReader over the stored hashes of a log,
// for tlog's proof and tile functions.
func HashReader(ctx context.Context, st Store, origin string) tlog.HashReader {
	return storeHashReader{ctx, st, origin}
}

// ReadHashes returns the stored hashes with the given tlog storage indexes.
func ReadHashes(ctx context.Context, st Store, origin string, indexes []int64) ([]tlog.Hash, error) {
	recs := make([]int64, len(indexes))
	levels := make([]int, len(indexes))
	for i, x := range indexes {
		l, n := tlog.SplitStoredHashIndex(x)
		if l >= 63 || n >= (1<<62)>>l {
			return nil, fmt.Errorf("%w: hash index %d", ErrNotFound, x)
		}
		levels[i] = l
		recs[i] = (n+1)<<l - 1
	}
	want := slices.Clone(recs)
	slices.Sort(want)
	want = slices.Compact(want)
	got, err := st.ReadRecords(ctx, origin, want)
	if err != nil {
		return nil, err
	}
	out := make([]tlog.Hash, len(indexes))
	for i := range indexes {
		j, _ := slices.BinarySearch(want, recs[i])
		r := got[j]
		if levels[i] >= len(r.Hashes) {
			return nil, fmt.Errorf("%w: record %d has no stored hash at level %d", ErrNotFound, r.Index, levels[i])
		}
		out[i] = r.Hashes[levels[i]]
	}
	return out, nil
}
