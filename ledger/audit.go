package ledger

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// AuditOptions selects what Audit checks and how it reports progress.
type AuditOptions struct {
	// Origins limits the audit to these logs; all logs if empty.
	Origins []string
	// Replay, if set, is called with every entry in order, its payload
	// resolved; an error fails the audit at that entry.
	Replay func(origin string, e Entry) error
	// Decode and Apply, if both are set and Replay is not, replay every
	// entry in two steps: Decode is called with each entry, its payload
	// resolved, while it is read, on several goroutines at once and in no
	// particular order, for the work that does not depend on the entries
	// before it (parsing its payload); Apply is then called with every
	// entry in order, and with what Decode returned for it. (Past 32 MiB
	// of payloads stored apart in one segment of the log, Decode is called
	// for the rest of them in order, just before Apply.) An error from
	// either fails the audit at that entry. The entry's Payload is valid
	// only until Apply returns for it (its memory is then used for later
	// entries): neither what Decode returns nor what Apply keeps may
	// point into it. (Replay's entries are the caller's to keep.)
	Decode func(origin string, e Entry) (any, error)
	Apply  func(origin string, e Entry, decoded any) error
	// Progress, if set, is called now and then with the number of
	// entries audited so far and the total to audit.
	Progress func(done, total int64)
}

// AuditReport summarizes a successful audit.
type AuditReport struct {
	Logs []LogReport
}

// Entries returns the number of entries audited across all logs.
func (r *AuditReport) Entries() int64 {
	var n int64
	for _, l := range r.Logs {
		n += l.Size
	}
	return n
}

// LogReport is the outcome of auditing one log.
type LogReport struct {
	Origin      string
	Size        int64
	Checkpoint  []byte // the latest signed checkpoint
	Checkpoints int64  // stored checkpoints checked
	Blobs       int64  // payloads stored beside the log checked
}

// AuditError names the first entry of a log that fails the audit and why.
// For a bad checkpoint, Index is the first entry after the last checkpoint
// that verified: the first entry the bad checkpoint cannot vouch for.
type AuditError struct {
	Origin string
	Index  int64
	Reason string
	// Checkpoint is, when the entries do not hash to a checkpoint's root,
	// that checkpoint's tree size: an entry among Index to Checkpoint-1
	// was changed after it was signed. 0 for any other failure.
	Checkpoint int64
}

func (e *AuditError) Error() string {
	return fmt.Sprintf("%s: entry %d: %s", e.Origin, e.Index, e.Reason)
}

// Audit reads every entry of the store's logs, recomputes every record and
// tree hash with tlog and compares them with the stored hashes, checks
// every stored checkpoint's signature against verifiers, its origin, and
// its root against the recomputed tree of its size — so each checkpoint is
// consistent with the one before, both being prefixes of one tree — and,
// if opts.Replay is set, replays every entry. Payloads stored beside the
// log are checked against their SHA-256.
//
// The first failure is returned as an *AuditError. Other errors (a store
// that cannot be read, a cancelled ctx) are returned as they are.
func Audit(ctx context.Context, st Store, verifiers note.Verifiers, opts AuditOptions) (*AuditReport, error) {
	origins := opts.Origins
	if len(origins) == 0 {
		var err error
		if origins, err = st.Logs(ctx); err != nil {
			return nil, err
		}
	}
	heads := make([]Head, len(origins))
	var total int64
	for i, o := range origins {
		h, err := st.Head(ctx, o)
		if err != nil {
			return nil, err
		}
		heads[i] = h
		total += h.Size
	}
	a := &auditor{ctx: ctx, st: st, verifiers: verifiers, opts: opts, total: total}
	rep := &AuditReport{}
	for i, o := range origins {
		lr, err := a.log(o, heads[i])
		if err != nil {
			return nil, err
		}
		rep.Logs = append(rep.Logs, lr)
	}
	if opts.Progress != nil {
		opts.Progress(a.done, total)
	}
	return rep, nil
}

type auditor struct {
	ctx         context.Context
	st          Store
	verifiers   note.Verifiers
	opts        AuditOptions
	done, total int64
}

// errStop ends a scan early once an AuditError has been recorded.
var errStop = errors.New("stop")

// replay hands an entry that passed the audit to the replay callbacks.
func (a *auditor) replay(origin string, e Entry, c *checked) error {
	switch {
	case a.opts.Replay != nil:
		return a.opts.Replay(origin, e)
	case a.opts.Apply == nil:
		return nil
	}
	v, err := c.value, c.err
	if !c.decoded && a.opts.Decode != nil {
		v, err = a.opts.Decode(origin, e)
	}
	if err != nil {
		return err
	}
	return a.opts.Apply(origin, e, v)
}

func (a *auditor) log(origin string, head Head) (LogReport, error) {
	rep := LogReport{Origin: origin, Size: head.Size, Checkpoint: head.Checkpoint}
	fail := func(index int64, format string, args ...any) error {
		return &AuditError{Origin: origin, Index: index, Reason: fmt.Sprintf(format, args...)}
	}

	// Checkpoints are read in pages as the scan reaches their sizes.
	var (
		cps      []StoredCheckpoint
		cpAfter  int64 = -1
		cpEOF    bool
		lastGood int64 // size of the last checkpoint that verified
		lastCP   []byte
	)
	nextCP := func() (*StoredCheckpoint, error) {
		if len(cps) == 0 && !cpEOF {
			page, err := a.st.Checkpoints(a.ctx, origin, cpAfter, 1024)
			if err != nil {
				return nil, err
			}
			if len(page) < 1024 {
				cpEOF = true
			}
			cps = page
		}
		if len(cps) == 0 {
			return nil, nil
		}
		return &cps[0], nil
	}
	fr := newFringe()
	// checkCheckpoints verifies every stored checkpoint of size fr.size.
	checkCheckpoints := func() error {
		for {
			cp, err := nextCP()
			if err != nil {
				return err
			}
			if cp == nil || cp.Size > fr.size {
				return nil
			}
			cps = cps[1:]
			cpAfter = cp.Size
			if cp.Size < fr.size {
				return fail(lastGood, "checkpoint stored for tree size %d was not reached in order", cp.Size)
			}
			if cp.Size > head.Size {
				return nil // appended after the audit began; not audited
			}
			c, _, err := OpenCheckpoint(cp.Signed, a.verifiers)
			if err != nil {
				return fail(lastGood, "checkpoint for tree size %d: %v", cp.Size, err)
			}
			if c.Origin != origin {
				return fail(lastGood, "checkpoint for tree size %d has origin %q", cp.Size, c.Origin)
			}
			if c.Size != cp.Size {
				return fail(lastGood, "checkpoint stored for tree size %d says size %d", cp.Size, c.Size)
			}
			root, err := tlog.TreeHash(fr.size, &fr)
			if err != nil {
				return err
			}
			if c.Hash != root {
				err := fail(lastGood, "checkpoint for tree size %d has root %v, but the entries hash to %v", cp.Size, c.Hash, root)
				err.(*AuditError).Checkpoint = cp.Size
				return err
			}
			lastGood = cp.Size
			lastCP = cp.Signed
			rep.Checkpoints++
		}
	}

	if err := checkCheckpoints(); err != nil {
		return rep, err
	}
	sc := &scanner{ctx: a.ctx, st: a.st, origin: origin, size: head.Size}
	switch {
	case a.opts.Replay != nil:
		sc.payloads = payloadsKept
	case a.opts.Apply != nil:
		sc.payloads = payloadsSegment
	}
	if a.opts.Replay == nil && a.opts.Apply != nil {
		sc.decode = a.opts.Decode
	}
	k := segmentBits
	var auditErr error
	hashes := make([]tlog.Hash, 0, 64)
	err := sc.scanSegments(func(seg *segment) error {
		for i := range seg.entries {
			c := &seg.entries[i]
			idx := fr.size
			e := c.entry
			hashes = append(hashes[:0], c.hashes...)
			// The subtrees above the segment: their left halves are on
			// the fringe.
			for l := k; l < k+len(c.stored); l++ {
				if fr.node[l] != idx>>l-1 {
					return fmt.Errorf("ledger: internal error: auditing entry %d, level %d is not on the fringe", idx, l)
				}
				h := tlog.NodeHash(fr.hash[l], hashes[l])
				if h != c.stored[l-k] {
					auditErr = fail(idx, "%s", hashMismatch(l+1, c.stored[l-k], h))
					return errStop
				}
				hashes = append(hashes, h)
			}
			if c.ref != nil && !c.blobRead {
				p, err := ReadBlob(a.ctx, a.st, *c.ref)
				if err != nil {
					auditErr = fail(idx, "payload stored apart: %v", err)
					return errStop
				}
				e.Payload = p
			}
			if c.ref != nil {
				rep.Blobs++
			}
			if err := a.replay(origin, e, c); err != nil {
				auditErr = fail(idx, "replay: %v", err)
				return errStop
			}
			fr.add(hashes)
			if err := checkCheckpoints(); err != nil {
				auditErr = err
				return errStop
			}
			a.done++
			if a.opts.Progress != nil && a.done%8192 == 0 {
				a.opts.Progress(a.done, a.total)
			}
		}
		if seg.fail != "" {
			auditErr = fail(fr.size, "%s", seg.fail)
			return errStop
		}
		return seg.err
	})
	if auditErr != nil {
		return rep, auditErr
	}
	if err != nil {
		return rep, err
	}
	if fr.size < head.Size {
		return rep, fail(fr.size, "entry is missing (the log's head says %d entries)", head.Size)
	}
	if lastGood != head.Size || !bytes.Equal(lastCP, head.Checkpoint) {
		return rep, fail(lastGood, "the log's latest checkpoint (tree size %d) is not among the stored checkpoints that verify", head.Size)
	}
	// An entry beyond the head with no checkpoint for it is tampering,
	// unless a writer appended it while we audited.
	extra, err := firstStored(a.ctx, a.st, origin, head.Size, 1<<62)
	if err != nil {
		return rep, err
	}
	if extra >= 0 {
		now, err := a.st.Head(a.ctx, origin)
		if err != nil {
			return rep, err
		}
		if now.Size == head.Size {
			return rep, fail(extra, "entry is stored beyond the log's latest checkpoint (tree size %d)", head.Size)
		}
	}
	return rep, nil
}
