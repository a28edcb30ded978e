package ledger

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"
)

// Errors of an append whose store call failed, as AppendBatch reports them
// once it has read the log back.
var (
	// ErrNotAppended: the store's append failed and the log's head is
	// where it was before: nothing of the batch is stored.
	ErrNotAppended = errors.New("ledger: the batch was not appended")
	// ErrOutcomeUnknown: the store's append failed and the log could not
	// be read back to tell whether the batch was stored. The Log refuses
	// every append until Settle succeeds.
	ErrOutcomeUnknown = errors.New("ledger: the outcome of an append is unknown")
)

// pending is an append whose store call failed, until its outcome is
// decided.
type pending struct {
	batch *Batch
	fr    fringe // the fringe after the batch, if it committed
	old   Head   // the head before it
	cause error  // the store's error
	err   error  // what appends get while it is undecided
}

// outcome is what reading the log back says of a failed append.
type outcome int

const (
	committed    outcome = iota // the batch is the log's, at its place
	notCommitted                // the head is where it was
	moved                       // another writer changed the log
)

// settle decides the outcome of p, reading the log back up to
// SettleAttempts times. It returns nil if the batch committed (the Log
// then holds it), or the error AppendBatch returns. The caller holds wmu.
func (l *Log) settle(p *pending) error {
	var (
		o   outcome
		err error
	)
	for attempt := range l.opts.SettleAttempts {
		if attempt > 0 {
			select {
			case <-time.After(settleBackoff(attempt)):
			case <-l.done.Done():
			}
		}
		if l.done.Err() != nil {
			if err == nil {
				err = ErrClosed
			}
			break
		}
		ctx, cancel := context.WithTimeout(l.done, l.opts.SettleTimeout)
		o, err = l.readBack(ctx, p)
		err = l.carryOn(ctx, o, err)
		cancel()
		if err == nil || errors.Is(err, ErrBadHead) {
			break
		}
	}
	if errors.Is(err, ErrBadHead) {
		return l.refused(p, err)
	}
	if err != nil {
		p.err = fmt.Errorf("%w: %s: appending entries %d–%d failed (%v), and the log could not be read back to tell whether they were stored: %v",
			ErrOutcomeUnknown, l.origin, p.batch.First, p.last(), p.cause, err)
		l.unsettled = p
		return p.err
	}
	return l.decided(p, o)
}

// refused is the error of p's append once reading the log back found a
// head the Log may not carry on from (err, wrapping ErrBadHead): the
// batch is not in the log, and the Log keeps the head it had.
func (l *Log) refused(p *pending, err error) error {
	l.unsettled = nil
	return fmt.Errorf("%w (appending entries %d–%d failed: %v; they are not in the log)", err, p.batch.First, p.last(), p.cause)
}

// carryOn checks, once readBack has said o of a failed append (err nil),
// that the Log may carry on from the log as read back: if the log moved,
// the head it moved to (reload); if the head is where it was, that no
// entry or checkpoint is stored beyond it (nothingBeyond) — rows written
// there outside plenum (a junk row past the head, the rest of a head
// rolled back by hand) make every append fail on the store's constraints,
// and the writer would be told to try again for ever. Either way an
// error wrapping ErrBadHead says the Log may not; err is returned as it is.
func (l *Log) carryOn(ctx context.Context, o outcome, err error) error {
	if err != nil {
		return err
	}
	switch o {
	case moved:
		return l.reload(ctx)
	case notCommitted:
		return l.nothingBeyond(ctx)
	}
	return nil
}

// settleBackoff is the pause before attempt n (from 1) to read the log back.
func settleBackoff(n int) time.Duration {
	d := 50 * time.Millisecond
	for range n - 1 {
		d *= 3
	}
	return min(d, 3*time.Second)
}

func (p *pending) last() int64 { return p.batch.First + int64(len(p.batch.Records)) - 1 }

// decided applies the outcome o of p to the Log and returns the error
// AppendBatch returns for it: nil if the batch committed.
func (l *Log) decided(p *pending, o outcome) error {
	l.unsettled = nil
	switch o {
	case committed:
		l.fr = p.fr
		l.setHead(Head{Size: p.fr.size, Checkpoint: p.batch.Checkpoint})
		return nil
	case notCommitted:
		return fmt.Errorf("%w: %s: entries %d–%d: %w", ErrNotAppended, l.origin, p.batch.First, p.last(), p.cause)
	default:
		return fmt.Errorf("%w: %s: the batch was to start at entry %d, and the log now has %d entries (%v); nothing of the batch was stored",
			ErrConflict, l.origin, p.batch.First, l.Size(), p.cause)
	}
}

// readBack reads the settled head and decides what became of p: its
// batch is committed if the checkpoint stored at the size the batch makes
// is, byte for byte, the one signed for it (Ed25519 signatures are
// deterministic, and the checkpoint commits to the root hash over every
// entry, so no other history has it), and its sealed ballots are in their
// boxes; not committed if the head is still the one before it; and the
// log has moved otherwise.
func (l *Log) readBack(ctx context.Context, p *pending) (outcome, error) {
	h, err := l.store.SettledHead(ctx, l.origin)
	if err != nil {
		return 0, err
	}
	newSize := p.fr.size
	switch {
	case h.Size == p.old.Size && bytes.Equal(h.Checkpoint, p.old.Checkpoint):
		return notCommitted, nil
	case h.Size < newSize:
		return moved, nil
	}
	cps, err := l.store.Checkpoints(ctx, l.origin, newSize-1, 1)
	if err != nil {
		return 0, err
	}
	if len(cps) == 0 || cps[0].Size != newSize || !bytes.Equal(cps[0].Signed, p.batch.Checkpoint) {
		return moved, nil
	}
	if err := l.sealedStored(ctx, p.batch); err != nil {
		return 0, err
	}
	return committed, nil
}

// sealedStored checks that every sealed ballot of a committed batch is in
// its box, and every box it emptied is empty: a store commits them with
// the entries or not at all. (A later batch may have emptied a box too:
// the log has moved then, and readBack does not get here.)
func (l *Log) sealedStored(ctx context.Context, b *Batch) error {
	emptied := map[string]bool{}
	for _, e := range b.Emptied {
		emptied[e] = true
	}
	boxes := map[string]map[string][]byte{}
	read := func(box string) error {
		if boxes[box] != nil {
			return nil
		}
		stored, err := l.store.SealedBallots(ctx, l.origin, box)
		if err != nil {
			return err
		}
		m := make(map[string][]byte, len(stored))
		for _, s := range stored {
			m[s.ID] = s.Data
		}
		boxes[box] = m
		return nil
	}
	broken := func(box string) error {
		return fmt.Errorf("ledger: %s: the batch's entries are stored but not its ballot box changes (box %q): the store broke an append's atomicity; run plenum verify", l.origin, box)
	}
	for _, e := range b.Emptied {
		if err := read(e); err != nil {
			return err
		}
		if len(boxes[e]) > 0 {
			return broken(e)
		}
	}
	for _, s := range b.Sealed {
		if emptied[s.Box] {
			continue
		}
		if err := read(s.Box); err != nil {
			return err
		}
		if d, ok := boxes[s.Box][s.ID]; !ok || !bytes.Equal(d, s.Data) {
			return broken(s.Box)
		}
	}
	return nil
}

// Settle reads the log back once to decide an append whose outcome
// AppendBatch reported unknown (ErrOutcomeUnknown). It returns nil once
// that append is decided — stored reports whether it committed —
// or if there is none, and the Log takes appends again; an error
// wrapping ErrBadHead if the log's head is not one the Log may carry on
// from (the append is then decided: not in the log); otherwise an error
// wrapping ErrOutcomeUnknown. Whatever the outcome, the caller's
// view of the log may be stale: read it again from Size.
func (l *Log) Settle(ctx context.Context) (stored bool, err error) {
	l.wmu.Lock()
	defer l.wmu.Unlock()
	p := l.unsettled
	if p == nil {
		return false, nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer context.AfterFunc(l.done, cancel)()
	defer cancel()
	o, err := l.readBack(ctx, p)
	err = l.carryOn(ctx, o, err)
	if errors.Is(err, ErrBadHead) {
		return false, l.refused(p, err)
	}
	if err != nil {
		return false, fmt.Errorf("%w: %s: the log still cannot be read back: %w", ErrOutcomeUnknown, l.origin, err)
	}
	l.decided(p, o)
	return o == committed, nil
}
