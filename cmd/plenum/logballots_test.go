package main

import (
	"context"
	"encoding/json"
	"fmt"

	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
	"plenum/remote"
)

// loggedBallot is a ballot_cast entry of a log: its index and choice.
type loggedBallot struct {
	index  int64
	choice string
}

// ballotsInLog reads the first n entries of the log lc serves from its
// entry bundles, as an outside verifier would, and returns its
// ballot_cast entries by voter, in the log's order (the kill tests count
// each voter's: exactly once is what they assert).
func ballotsInLog(ctx context.Context, lc *remote.Client, n int64) (map[string][]loggedBallot, error) {
	found := map[string][]loggedBallot{}
	for start := int64(0); start < n; start += 1 << remote.TileHeight {
		w := min(n-start, 1<<remote.TileHeight)
		entries, err := lc.Bundle(ctx, tlog.Tile{H: remote.TileHeight, L: -1, N: start >> remote.TileHeight, W: int(w)})
		if err != nil {
			return nil, fmt.Errorf("reading the record: %w", err)
		}
		for i, data := range entries {
			e, _, err := ledger.DecodeEntry(data)
			if err != nil {
				return nil, fmt.Errorf("entry %d: %w", start+int64(i), err)
			}
			if e.Type != "ballot_cast" {
				continue
			}
			var p struct{ Vote, Voter, Choice string }
			if err := json.Unmarshal(e.Payload, &p); err != nil {
				return nil, fmt.Errorf("entry %d: %w", e.Index, err)
			}
			found[p.Voter] = append(found[p.Voter], loggedBallot{e.Index, p.Choice})
		}
	}
	return found, nil
}
