package remote

import (
	"bytes"
	"context"
	"fmt"

	"golang.org/x/mod/sumdb/tlog"

	"plenum/tlogproof"
)

// current fetches and checks the server's checkpoint as opts require.
func current(ctx context.Context, c *Client, opts Options) (*Result, tlog.HashReader, error) {
	signed, err := c.Checkpoint(ctx)
	if err != nil {
		return nil, nil, err
	}
	cp, names, err := opts.open(signed)
	if err != nil {
		return nil, nil, err
	}
	res := &Result{Signed: signed, Checkpoint: cp, Cosigners: names, Entries: cp.Size}
	return res, c.HashReader(ctx, tlog.Tree{N: cp.Size, Hash: cp.Hash}), nil
}

// FetchReceipt builds the receipt of entry index from the log at url: the
// entry's bytes from its bundle and its inclusion proof computed from
// authenticated tiles, against the server's current checkpoint, checked
// as opts require (LogKeys, Origin, Policy).
func FetchReceipt(ctx context.Context, url string, index int64, opts Options) ([]byte, error) {
	c := NewClient(url, opts.Client)
	res, hr, err := current(ctx, c, opts)
	if err != nil {
		return nil, err
	}
	cp := res.Checkpoint
	if index < 0 || index >= cp.Size {
		return nil, fail(index, "not in the log, whose checkpoint has tree size %d", cp.Size)
	}
	entry, err := fetchEntry(ctx, c, index, cp.Size)
	if err != nil {
		return nil, err
	}
	proof, err := tlog.ProveRecord(cp.Size, index, hr)
	if err != nil {
		return nil, failOn(index, err, "inclusion proof: %v", err)
	}
	if err := tlog.CheckRecord(proof, cp.Size, cp.Hash, index, tlog.RecordHash(entry)); err != nil {
		return nil, fail(index, "the entry served is not the one in the signed tree")
	}
	return tlogproof.NewReceipt(index, entry, proof, res.Signed), nil
}

// fetchEntry returns entry index of a tree of the given size from its bundle.
func fetchEntry(ctx context.Context, c *Client, index, size int64) ([]byte, error) {
	start := index &^ (1<<TileHeight - 1)
	w := min(size-start, 1<<TileHeight)
	entries, err := c.Bundle(ctx, tlog.Tile{H: TileHeight, L: -1, N: index >> TileHeight, W: int(w)})
	if err != nil {
		return nil, failOn(index, err, "entry bundle: %v", err)
	}
	return entries[index-start], nil
}

// CheckReceipt checks a receipt against the log as it is now: the entry at
// the receipt's index in the server's current tree (authenticated against
// its signed checkpoint) must still be the receipt's entry, and the current
// checkpoint must extend the receipt's. It fails, naming the entry, if the
// entry was altered or removed or the log shows another history.
func CheckReceipt(ctx context.Context, url string, r *tlogproof.Receipt, opts Options) (*Result, error) {
	c := NewClient(url, opts.Client)
	if opts.Origin == "" {
		opts.Origin = r.Checkpoint.Origin
	}
	res, hr, err := current(ctx, c, opts)
	if err != nil {
		return nil, err
	}
	cp := res.Checkpoint
	if r.Index >= cp.Size {
		// Older than the receipt: a stale copy, or rolled back; which,
		// the log at the address cannot tell.
		return nil, fail(r.Index, "the log at that address (tree size %d) is older than your receipt (tree size %d): a stale copy of the log, or the log was rolled back", cp.Size, r.Checkpoint.Size)
	}
	hs, err := hr.ReadHashes([]int64{tlog.StoredHashIndex(0, r.Index)})
	if err != nil {
		return nil, failOn(r.Index, err, "the log's tree (tree size %d) does not check out against its checkpoint: %v", cp.Size, err)
	}
	if hs[0] != r.LeafHash {
		return nil, fail(r.Index, "the receipt's entry was altered or removed: the log now has record hash %v at its place, the receipt %v", hs[0], r.LeafHash)
	}
	entry, err := fetchEntry(ctx, c, r.Index, cp.Size)
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(entry, r.Entry) {
		return nil, fail(r.Index, "the server serves other bytes for the receipt's entry than the signed tree holds")
	}
	if err := checkConsistency(r.Checkpoint, cp, hr); err != nil {
		return nil, fmt.Errorf("receipt's checkpoint: %w", err)
	}
	return res, nil
}
