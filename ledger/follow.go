package ledger

import (
	"bytes"
	"context"
	"fmt"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// Follow brings the Log up to the head another process appended in the
// store (another node of a cluster, the writer of this log), checking what
// it reads as an audit does: every new entry's stored hashes are
// recomputed from its bytes onto the tree this Log already holds, and the
// head's checkpoint must be signed by one of verifiers, name this log and
// the new size, and commit to the root those entries make. So the new
// head extends the tree the Log had; a store that forked or rewrote the
// log is refused. It returns the sizes before and after (equal if the log
// has not grown). On an error the Log is unchanged.
//
// A Log whose last append's outcome is unknown is settled first (Settle);
// Follow refuses it until then.
func (l *Log) Follow(ctx context.Context, verifiers note.Verifiers) (from, to int64, err error) {
	l.wmu.Lock()
	defer l.wmu.Unlock()
	if l.unsettled != nil {
		return 0, 0, l.unsettled.err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer context.AfterFunc(l.done, cancel)()
	defer cancel()
	old := l.headNow()
	head, err := l.store.Head(ctx, l.origin)
	if err != nil {
		return 0, 0, err
	}
	from = l.fr.size
	switch {
	case head.Size < from:
		return 0, 0, fmt.Errorf("ledger: %s: the store holds %d entries, fewer than the %d already read: the log was rewritten; run plenum verify", l.origin, head.Size, from)
	case head.Size == from:
		if !bytes.Equal(head.Checkpoint, old.Checkpoint) {
			if err := l.checkHead(head, &l.fr, verifiers); err != nil {
				return 0, 0, err
			}
			l.setHead(head)
		}
		return from, from, nil
	}
	fr := l.fr // a copy: l.fr changes only once everything checks
	mine := make([]tlog.Hash, 0, 64)
	err = l.store.ScanRecords(ctx, l.origin, from, head.Size, func(r Record) error {
		if r.Index != fr.size {
			return fmt.Errorf("%w: %s: entry %d", ErrNotFound, l.origin, fr.size)
		}
		hashes, err := tlog.StoredHashes(r.Index, r.Data, &fr)
		if err != nil {
			return err
		}
		if len(hashes) != len(r.Hashes) {
			return fmt.Errorf("ledger: %s: entry %d: %d hashes stored, %d computed", l.origin, r.Index, len(r.Hashes), len(hashes))
		}
		mine = append(mine[:0], hashes...)
		for i := range mine {
			if mine[i] != r.Hashes[i] {
				return fmt.Errorf("ledger: %s: entry %d: its stored hash at level %d is not the hash of its bytes: run plenum verify", l.origin, r.Index, i)
			}
		}
		fr.add(hashes)
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	if fr.size != head.Size {
		return 0, 0, fmt.Errorf("%w: %s: entry %d", ErrNotFound, l.origin, fr.size)
	}
	if err := l.checkHead(head, &fr, verifiers); err != nil {
		return 0, 0, err
	}
	l.fr = fr
	l.setHead(head)
	return from, head.Size, nil
}

// checkHead checks that head's checkpoint is signed by one of verifiers
// and is the checkpoint of this log's tree fr.
func (l *Log) checkHead(head Head, fr *fringe, verifiers note.Verifiers) error {
	c, _, err := OpenCheckpoint(head.Checkpoint, verifiers)
	if err != nil {
		return fmt.Errorf("ledger: %s: the checkpoint of size %d: %w", l.origin, head.Size, err)
	}
	root, err := tlog.TreeHash(fr.size, fr)
	if err != nil {
		return err
	}
	if c.Origin != l.origin || c.Size != fr.size || c.Hash != root {
		return fmt.Errorf("ledger: %s: the checkpoint of size %d does not match the entries stored (origin %q, size %d): run plenum verify", l.origin, head.Size, c.Origin, c.Size)
	}
	return nil
}
