package ledger

import (
	"fmt"
	"slices"
	"testing"

	"golang.org/x/mod/sumdb/tlog"
)

// TestAppendStoredHashes: the hashes the fringe gives a record
// (appendStoredHashes, which Log.batch stores) are tlog.StoredHashes' for
// every size of tree up to 1,100 records, read through the fringe or
// through every hash stored so far; and the fringe gives the tree hash
// tlog.TreeHash gives.
func TestAppendStoredHashes(t *testing.T) {
	fr := newFringe()
	var stored []tlog.Hash // by storage index
	all := tlog.HashReaderFunc(func(xs []int64) ([]tlog.Hash, error) {
		out := make([]tlog.Hash, len(xs))
		for i, x := range xs {
			out[i] = stored[x]
		}
		return out, nil
	})
	var hs []tlog.Hash
	for n := range int64(1100) {
		data := fmt.Appendf(nil, "record %d", n)
		want, err := tlog.StoredHashes(n, data, all)
		if err != nil {
			t.Fatal(err)
		}
		start := len(hs)
		if hs, err = fr.appendStoredHashes(hs, data); err != nil {
			t.Fatalf("record %d: %v", n, err)
		}
		if got := hs[start:]; !slices.Equal(got, want) {
			t.Fatalf("record %d: %d hashes %x, want %d %x", n, len(got), got, len(want), want)
		}
		fr.add(want)
		stored = append(stored, want...)
		root, err := tlog.TreeHash(n+1, all)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := tlog.TreeHash(n+1, &fr); err != nil || got != root {
			t.Fatalf("tree of %d: hash %x (%v), want %x", n+1, got, err, root)
		}
	}
}
