package ledger

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"math/bits"
	"runtime"
	"sync"

	"golang.org/x/mod/sumdb/tlog"
)

// segmentBits sets the size of the segments an audit checks in parallel:
// 1<<segmentBits entries, aligned, so that every subtree of up to that
// many entries lies within one segment and its hash is computed there. A
// variable so that tests can make segments small.
var segmentBits = 13

// maxScanners bounds the goroutines (and store connections) that read and
// check segments at once.
const maxScanners = 4

// checked is an entry read and checked by a segment's scanner: decoded,
// its payload read if it is stored apart, its record hash and the hashes
// of the subtrees it completes within its segment computed and compared
// with the stored ones.
type checked struct {
	entry Entry
	ref   *PayloadRef // where its payload was stored, or nil
	// hashes are the computed hashes of the entry (tlog.StoredHashes),
	// levels 0 to min(m, segmentBits), m the number of subtrees it
	// completes; stored are the stored hashes of the levels above, which
	// need the entries of earlier segments and are checked in order.
	hashes []tlog.Hash
	stored []tlog.Hash
	// blobRead says the payload stored apart was read and checked.
	blobRead bool
	// value and err are what AuditOptions.Decode returned, if it ran.
	value   any
	err     error
	decoded bool
}

// maxSegmentBlobBytes bounds the payloads stored apart a segment's scanner
// reads and keeps, to bound the memory of the segments in flight; the rest
// are read in order. A variable so that tests can make it small.
var maxSegmentBlobBytes int64 = 32 << 20

// segment is what a scanner found in the entries [start, end): the
// entries that passed, in order from start, then, if one failed, why.
type segment struct {
	start   int64
	entries []checked
	fail    string // the entry start+len(entries) fails for this reason
	err     error  // the store could not be read
	bufs    segmentBufs
}

// segmentBufs is the memory a segment's entries point into, which the
// workers fill again once the auditor is done with a segment: a segment's
// entries are large, and making and clearing new ones cost as much as
// hashing them. hashes holds the entries' hashes and stored hashes, which
// only the auditor reads, while it checks the segment. data holds the
// entries' bytes, unless their payloads are payloadsKept.
type segmentBufs struct {
	entries []checked
	hashes  []tlog.Hash
	data    []byte
}

// scanner reads and checks segments of one log.
type scanner struct {
	ctx    context.Context
	st     Store
	origin string
	size   int64 // the log's size: entries at or beyond it are not audited
	decode func(origin string, e Entry) (any, error)
	// payloads says how long the entries' payloads must stay valid.
	payloads payloadLife
}

// payloadLife is how long the payloads of the entries a scanner checked
// must stay valid, and so whether the memory of the entries' bytes can
// be used again.
type payloadLife int

const (
	// payloadsNone: nobody sees them (an audit without replay). A checked
	// entry has no payload but one read from the store's blobs, and one
	// entry's worth of memory serves a whole segment.
	payloadsNone payloadLife = iota
	// payloadsSegment: until the auditor is done with the segment
	// (AuditOptions.Decode and Apply, which keep nothing of them); the
	// segment's memory is then filled again with a later segment's.
	payloadsSegment
	// payloadsKept: for ever (AuditOptions.Replay may keep them); new
	// memory for every segment.
	payloadsKept
)

// scan reads and checks the entries of [start, end): everything about
// each that does not depend on the entries before its segment. The
// last actor and type it decodes are kept in last for the next segment.
// The entries, their hashes and (unless s.payloads is payloadsKept)
// their bytes are kept in bufs, which is used again if it has room.
func (s *scanner) scan(start, end int64, last *recent, bufs segmentBufs) segment {
	n := end - start
	if int64(cap(bufs.entries)) < n {
		bufs.entries = make([]checked, 0, n)
	}
	// Two hashes an entry on average (a record hash, and one subtree in
	// two completed), with room for the levels above the segment.
	if int64(cap(bufs.hashes)) < 2*n+64 {
		bufs.hashes = make([]tlog.Hash, 0, 2*n+64)
	}
	seg := segment{start: start, entries: bufs.entries[:0], bufs: bufs}
	k := segmentBits
	var (
		lvl       [64]tlog.Hash // the latest subtree hash at each level, in this segment
		blobBytes int64         // payloads stored apart read so far
		slab      []byte
		hslab     = bufs.hashes[:0]
		next      = start
		used      int // bytes of entries copied (payloadsSegment)
	)
	if s.payloads != payloadsKept {
		slab = bufs.data[:0]
	}
	err := s.st.ScanRecords(s.ctx, s.origin, start, end, func(r Record) error {
		idx := next
		if r.Index != idx {
			seg.fail = fmt.Sprintf("entry is missing (the next stored entry is %d)", r.Index)
			return errStop
		}
		// The entry's payload points into data: copy it out of the
		// store's buffer, after a zero byte, so that the record hash,
		// SHA-256(0x00 || data), is one call that allocates nothing.
		// If nobody sees the payloads, the copy is needed only until
		// the entry is decoded and hashed.
		if s.payloads == payloadsNone {
			slab = slab[:0]
		}
		used += 1 + len(r.Data)
		if cap(slab)-len(slab) < 1+len(r.Data) {
			slab = make([]byte, 0, max(256<<10, 1+len(r.Data)))
		}
		slab = append(slab, 0)
		slab = append(slab, r.Data...)
		prefixed := slab[len(slab)-1-len(r.Data) : len(slab) : len(slab)]
		data := prefixed[1:]
		e, ref, err := decodeEntry(data, last)
		if err != nil {
			seg.fail = err.Error()
			return errStop
		}
		if e.Index != idx {
			seg.fail = fmt.Sprintf("entry stored at position %d says it is entry %d", idx, e.Index)
			return errStop
		}
		m := bits.TrailingZeros64(uint64(idx + 1))
		if len(r.Hashes) != m+1 {
			seg.fail = fmt.Sprintf("%d stored hashes, want %d", len(r.Hashes), m+1)
			return errStop
		}
		local := min(m, k)
		if cap(hslab)-len(hslab) < len(r.Hashes) {
			hslab = make([]tlog.Hash, 0, max(4096, len(r.Hashes)))
		}
		h := tlog.Hash(sha256.Sum256(prefixed)) // tlog.RecordHash(data)
		hslab = append(hslab, h)
		for l := 1; l <= local; l++ {
			h = tlog.NodeHash(lvl[l-1], h)
			hslab = append(hslab, h)
		}
		hashes := hslab[len(hslab)-local-1 : len(hslab) : len(hslab)]
		for l, h := range hashes {
			if h != r.Hashes[l] {
				seg.fail = hashMismatch(l, r.Hashes[l], h)
				return errStop
			}
			lvl[l] = h
		}
		var stored []tlog.Hash
		if m > local {
			hslab = append(hslab, r.Hashes[local+1:]...)
			stored = hslab[len(hslab)-(m-local) : len(hslab) : len(hslab)]
		}
		if s.payloads == payloadsNone {
			e.Payload = nil
		}
		seg.entries = append(seg.entries, checked{entry: e, ref: ref, hashes: hashes, stored: stored})
		c := &seg.entries[len(seg.entries)-1]
		if ref != nil && blobBytes+ref.Size <= maxSegmentBlobBytes {
			// Read and checked here, beside the other segments', so
			// that a large payload is decoded on every core too; past
			// the segment's allowance, in order (auditor.log).
			p, err := ReadBlob(s.ctx, s.st, *ref)
			if err != nil {
				seg.entries = seg.entries[:len(seg.entries)-1]
				seg.fail = fmt.Sprintf("payload stored apart: %v", err)
				return errStop
			}
			blobBytes += ref.Size
			c.entry.Payload = p
			c.blobRead = true
		}
		if s.decode != nil && (ref == nil || c.blobRead) {
			c.value, c.err = s.decode(s.origin, c.entry)
			c.decoded = true
		}
		next++
		return nil
	})
	// The memory for the next segment's bytes: for payloadsNone the
	// largest entry's so far; for payloadsSegment, bufs.data if this
	// segment fitted in it, else room for this one's, and some.
	switch s.payloads {
	case payloadsNone:
		if cap(slab) > cap(bufs.data) {
			seg.bufs.data = slab[:0]
		}
	case payloadsSegment:
		if used > cap(bufs.data) {
			seg.bufs.data = make([]byte, 0, used+used/4)
		}
	}
	if err != nil && !errors.Is(err, errStop) {
		seg.err = err
		return seg
	}
	if seg.fail == "" && next < end {
		seg.fail, seg.err = s.missing(next)
	}
	return seg
}

// missing says why entry idx, not stored, fails.
func (s *scanner) missing(idx int64) (string, error) {
	found, err := firstStored(s.ctx, s.st, s.origin, idx, s.size)
	if err != nil {
		return "", err
	}
	if found >= 0 {
		return fmt.Sprintf("entry is missing (the next stored entry is %d)", found), nil
	}
	return fmt.Sprintf("entry is missing (the log's head says %d entries)", s.size), nil
}

func hashMismatch(level int, stored, computed tlog.Hash) string {
	what := "record hash"
	if level > 0 {
		what = fmt.Sprintf("stored hash at level %d", level)
	}
	return fmt.Sprintf("%s is %v, but the entries hash to %v", what, stored, computed)
}

// scanSegments reads and checks the entries [0, size) of a log in aligned
// segments, several at once (as many as there are processors, up to
// maxScanners), and calls fn with each segment in order. fn must not keep
// a segment or its entries slice after it returns (the entries in it it
// may). It stops at fn's first error and returns it.
func (s *scanner) scanSegments(fn func(*segment) error) error {
	size := int64(1) << segmentBits
	workers := min(runtime.GOMAXPROCS(0), maxScanners)
	ctx, cancel := context.WithCancel(s.ctx)
	var wg sync.WaitGroup
	defer func() {
		cancel() // before waiting: the goroutines may be blocked on a send
		wg.Wait()
	}()
	sc := *s
	sc.ctx = ctx

	type job struct {
		start int64
		out   chan segment
	}
	jobs := make(chan job, workers)
	order := make(chan chan segment, 2*workers)
	// The memory of the segments fn is done with, for the workers to
	// fill again.
	free := make(chan segmentBufs, 3*workers+1)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(jobs)
		defer close(order)
		for start := int64(0); start < s.size; start += size {
			j := job{start: start, out: make(chan segment, 1)}
			select {
			case order <- j.out: // bounds the segments in flight
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var r recent
			for j := range jobs {
				var bufs segmentBufs
				select {
				case bufs = <-free:
				default:
				}
				j.out <- sc.scan(j.start, min(j.start+size, s.size), &r, bufs)
			}
		}()
	}
	for out := range order {
		var seg segment
		select {
		case seg = <-out:
		case <-ctx.Done():
			return ctx.Err()
		}
		if err := fn(&seg); err != nil {
			return err
		}
		// fn keeps no entry's hashes, and the entries' bytes only
		// if they are payloadsKept (then bufs has none).
		bufs := seg.bufs
		bufs.entries = seg.entries[:0]
		select {
		case free <- bufs:
		default:
		}
	}
	return ctx.Err()
}
