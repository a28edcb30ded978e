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
				return fail(lastGood, "checkpoint for tree size %d has root %v, but the entries hash to %v", cp.Size, c.Hash, root)
			}
			lastGood = cp.Size
			lastCP = cp.Signed
			rep.Checkpoints++
		}
	}

	if err := checkCheckpoints(); err != nil {
		return rep, err
	}
	var auditErr error
	err := decodeAhead(a.ctx, a.st, origin, 0, head.Size, func(r *decoded) error {
		idx := fr.size
		if r.Index != idx {
			auditErr = fail(idx, "entry is missing (the next stored entry is %d)", r.Index)
			return errStop
		}
		e, ref := r.entry, r.ref
		if r.err != nil {
			auditErr = fail(idx, "%v", r.err)
			return errStop
		}
		if e.Index != idx {
			auditErr = fail(idx, "entry stored at position %d says it is entry %d", idx, e.Index)
			return errStop
		}
		hashes, err := tlog.StoredHashesForRecordHash(idx, r.hash, &fr)
		if err != nil {
			return err
		}
		if len(hashes) != len(r.Hashes) {
			auditErr = fail(idx, "%d stored hashes, want %d", len(r.Hashes), len(hashes))
			return errStop
		}
		for l := range hashes {
			if hashes[l] != r.Hashes[l] {
				what := "record hash"
				if l > 0 {
					what = fmt.Sprintf("stored hash at level %d", l)
				}
				auditErr = fail(idx, "%s is %v, but the entries hash to %v", what, r.Hashes[l], hashes[l])
				return errStop
			}
		}
		if ref != nil {
			p, err := ReadBlob(a.ctx, a.st, *ref)
			if err != nil {
				auditErr = fail(idx, "payload stored apart: %v", err)
				return errStop
			}
			e.Payload = p
			rep.Blobs++
		}
		if a.opts.Replay != nil {
			if err := a.opts.Replay(origin, e); err != nil {
				auditErr = fail(idx, "replay: %v", err)
				return errStop
			}
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
		return nil
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
	var extra int64 = -1
	err = a.st.ScanRecords(a.ctx, origin, head.Size, 1<<62, func(r Record) error {
		extra = r.Index
		return errStop
	})
	if err != nil && !errors.Is(err, errStop) {
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
