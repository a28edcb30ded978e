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
	from, to, _, _, err = l.follow(ctx, verifiers, 0, false)
	return from, to, err
}

// FollowEntries is Follow that also returns the new entries it checked,
// decoded from the very bytes whose hashes it recomputed, their payloads
// stored apart read and checked against their SHA-256: a follower applies
// them, and reads nothing a second time, unchecked. entries[i] is entry
// from+i; none if the log has not grown. On an error the Log is unchanged
// and no entry is returned.
//
// With limit > 0 it reads a long growth in steps, to bound the memory the
// entries take: if the store holds more than limit entries past the Log,
// it follows only up to the first checkpoint stored at or beyond from+limit
// (each append stores the checkpoint of the tree it makes, so the step is
// at most limit entries plus one append's), checked as the head is, and
// more reports that the store holds more; the caller calls again.
func (l *Log) FollowEntries(ctx context.Context, verifiers note.Verifiers, limit int64) (from int64, entries []Entry, more bool, err error) {
	from, to, stored, entries, err := l.follow(ctx, verifiers, limit, true)
	if err != nil {
		return 0, nil, false, err
	}
	return from, entries, to < stored, nil
}

// follow is Follow and FollowEntries: it keeps and returns the entries if
// keep is set, and follows at most about limit entries if limit > 0. stored
// is the size of the store's head, which to is short of after a step.
func (l *Log) follow(ctx context.Context, verifiers note.Verifiers, limit int64, keep bool) (from, to, stored int64, entries []Entry, err error) {
	l.wmu.Lock()
	defer l.wmu.Unlock()
	if l.unsettled != nil {
		return 0, 0, 0, nil, l.unsettled.err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer context.AfterFunc(l.done, cancel)()
	defer cancel()
	old := l.headNow()
	head, err := l.store.Head(ctx, l.origin)
	if err != nil {
		return 0, 0, 0, nil, err
	}
	stored = head.Size
	from = l.fr.size
	switch {
	case head.Size < from:
		return 0, 0, 0, nil, fmt.Errorf("ledger: %s: the store holds %d entries, fewer than the %d already read: the log was rewritten; run plenum verify", l.origin, head.Size, from)
	case head.Size == from:
		if !bytes.Equal(head.Checkpoint, old.Checkpoint) {
			if err := l.checkHead(head, &l.fr, verifiers); err != nil {
				return 0, 0, 0, nil, err
			}
			l.setHead(head)
		}
		return from, from, stored, nil, nil
	}
	if limit > 0 && head.Size-from > limit {
		// A step: up to the first stored checkpoint at or beyond
		// from+limit, if it is short of the head.
		cps, err := l.store.Checkpoints(ctx, l.origin, from+limit-1, 1)
		if err != nil {
			return 0, 0, 0, nil, err
		}
		if len(cps) == 1 && cps[0].Size > from && cps[0].Size < head.Size {
			head = Head{Size: cps[0].Size, Checkpoint: cps[0].Signed}
		}
	}
	fr := l.fr // a copy: l.fr changes only once everything checks
	mine := make([]tlog.Hash, 0, 64)
	var (
		apart []int        // the entries whose payloads are stored apart
		refs  []PayloadRef // and where
		slab  []byte
		last  recent
	)
	if keep {
		entries = make([]Entry, 0, head.Size-from)
	}
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
		if keep {
			// The bytes just hashed, copied out of the store's buffer
			// (the entries' payloads point into them).
			if cap(slab)-len(slab) < len(r.Data) {
				slab = make([]byte, 0, max(256<<10, len(r.Data)))
			}
			slab = append(slab, r.Data...)
			data := slab[len(slab)-len(r.Data) : len(slab) : len(slab)]
			e, ref, err := decodeEntry(data, &last)
			if err != nil {
				return fmt.Errorf("ledger: %s: entry %d: %w", l.origin, r.Index, err)
			}
			if e.Index != r.Index {
				return fmt.Errorf("ledger: %s: the entry stored at position %d says it is entry %d: run plenum verify", l.origin, r.Index, e.Index)
			}
			if ref != nil {
				apart, refs = append(apart, len(entries)), append(refs, *ref)
			}
			entries = append(entries, e)
		}
		fr.add(hashes)
		return nil
	})
	if err != nil {
		return 0, 0, 0, nil, err
	}
	if fr.size != head.Size {
		return 0, 0, 0, nil, fmt.Errorf("%w: %s: entry %d", ErrNotFound, l.origin, fr.size)
	}
	if err := l.checkHead(head, &fr, verifiers); err != nil {
		return 0, 0, 0, nil, err
	}
	// The payloads stored apart, each checked against the SHA-256 and
	// size in its entry's bytes, which the checkpoint covers.
	for i, ref := range refs {
		p, err := ReadBlob(ctx, l.store, ref)
		if err != nil {
			return 0, 0, 0, nil, fmt.Errorf("ledger: %s: entry %d: %w", l.origin, from+int64(apart[i]), err)
		}
		entries[apart[i]].Payload = p
	}
	l.fr = fr
	l.setHead(head)
	return from, head.Size, stored, entries, nil
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
