package web

import (
	"context"
	"fmt"
	"time"

	"plenum/engine"
	"plenum/httpapi"
)

// awaitEntry waits, on a node of a cluster that does not write the
// assembly, for the entry idx, beyond its log's head, to be read from the
// store: the ballot was cast a moment ago through another node (or
// forwarded there), and this node hears of it within milliseconds. The
// wait is bounded: at most receiptWait, for an entry at most receiptAhead
// beyond the head, and receiptWaiters at once; past the bound the answer
// is a *notYetHereError (reload in a moment). On one server, or on the
// writer, an entry beyond the log is none: errNoReceipt.
func (s *server) awaitEntry(ctx context.Context, a *engine.Assembly, idx int64) error {
	if s.opts.Forward == nil || a.Writing() {
		return errNoReceipt
	}
	later := &notYetHereError{entry: idx}
	if idx >= a.Log().Size()+receiptAhead {
		return later
	}
	select {
	case receiptWaiters <- struct{}{}:
		defer func() { <-receiptWaiters }()
	default:
		return later
	}
	ctx, cancel := context.WithTimeout(ctx, receiptWait)
	defer cancel()
	if !httpapi.CaughtUp(ctx, a, idx+1) {
		return later
	}
	return nil
}

// The bounds of awaitEntry: a follower is milliseconds behind its
// writer, not seconds, nor more than a burst of ballots.
const (
	receiptWait  = 2 * time.Second
	receiptAhead = 1 << 14
)

// receiptWaiters holds a place for each receipt request waiting for its
// entry (awaitEntry), so that requests for entries that never come cannot
// keep more than its capacity waiting.
var receiptWaiters = make(chan struct{}, 256)

// notYetHereError is the answer for a receipt whose entry this node has
// not yet read from the store (awaitEntry): reload in a moment.
type notYetHereError struct{ entry int64 }

func (e *notYetHereError) Error() string {
	return fmt.Sprintf("entry %d has not yet reached this node", e.entry)
}
