package engine

import (
	"context"
	"errors"
	"fmt"
	"time"

	"plenum/assembly"
	"plenum/ledger"
)

// Leases is where an engine on a cluster of nodes sharing one database
// gets the right to write an assembly's log (package cluster provides
// it). With Options.Leases set, an assembly decides commands only while
// its node holds its log's lease; without, the engine writes every log it
// holds, as the one process on its database.
type Leases interface {
	// Acquire takes the lease of the log origin for this node, if nobody
	// holds it (or its holder's has expired). A lease another node holds
	// is refused with a *NotWriterError naming it; any other error means
	// the lease could not be taken for now.
	Acquire(ctx context.Context, origin string) (Lease, error)
}

// Lease is a node's right to write one log, until it is lost.
type Lease interface {
	// Held reports whether the node may still count on the lease.
	Held() bool
	// Lost is closed when the lease is lost (expired, taken over, or
	// released).
	Lost() <-chan struct{}
	// Err says why the lease was lost, or nil while it is held.
	Err() error
	// Release gives the lease up, so that another node may take it at
	// once.
	Release(ctx context.Context) error
}

// ErrFenced is the error (wrapped) of an append a cluster's store refused
// because this node no longer holds the log's lease (package cluster's
// Lease.Fence): the assembly stops writing at once and follows.
var ErrFenced = errors.New("cluster: fenced off: this node no longer holds the log's lease")

// ErrNotWriter is wrapped by NotWriterError.
var ErrNotWriter = errors.New("another node writes the assembly")

// NotWriterError is the answer to a command for an assembly whose log's
// lease another live node holds: nothing was recorded here; the command
// is for that node (Holder, its name in the cluster).
type NotWriterError struct {
	Assembly string
	Holder   string
}

func (e *NotWriterError) Error() string {
	return fmt.Sprintf("engine: %s: %v: node %q holds its lease; nothing was recorded here", e.Assembly, ErrNotWriter, e.Holder)
}

// Unwrap makes errors.Is(err, ErrNotWriter) hold.
func (e *NotWriterError) Unwrap() error { return ErrNotWriter }

// writing reports whether the assembly may decide commands: always
// without leases, else while it holds its log's lease.
func (a *Assembly) writing() bool {
	return a.leases == nil || (a.lease != nil && a.lease.Held())
}

// Writing reports whether this node writes the assembly now (holds its
// lease, or runs without leases): for status and tests.
func (a *Assembly) Writing() bool {
	if a.leases == nil {
		return true
	}
	a.shownMu.Lock()
	l := a.shown
	a.shownMu.Unlock()
	return l != nil && l.Held()
}

// setLease puts in the lease the writer holds (nil: none).
func (a *Assembly) setLease(l Lease) {
	a.lease = l
	a.shownMu.Lock()
	a.shown = l
	a.shownMu.Unlock()
}

// lost is the channel closed when the lease held is lost; nil (never
// ready) without one.
func (a *Assembly) lost() <-chan struct{} {
	if a.lease == nil {
		return nil
	}
	return a.lease.Lost()
}

// becomeWriter takes the log's lease and brings the state to the log's
// head, which the last holder may have moved up to its lease's expiry;
// only then may the assembly decide. It returns the error every command
// of the batch gets if it cannot.
func (a *Assembly) becomeWriter() error {
	if a.lease != nil {
		a.dropLease()
	}
	if n := a.elsewhere.Load(); n != nil && time.Now().Before(n.until) {
		return n.err
	}
	ctx, cancel := context.WithTimeout(context.Background(), a.timeouts.settle)
	defer cancel()
	l, err := a.leases.Acquire(ctx, a.log.Origin())
	if err != nil {
		var nw *NotWriterError
		if errors.As(err, &nw) {
			nw.Assembly = a.id
			// The commands that follow at once are told so without asking
			// the database again.
			a.setElsewhere(nw, time.Now().Add(heldFor))
			return nw
		}
		return fmt.Errorf("engine: %s: %w: the writer's lease could not be taken (%v); send the command again with the same idempotency key", a.id, ErrNotRecorded, err)
	}
	a.setLease(l)
	if err := a.follow(); err != nil {
		a.dropLease()
		return fmt.Errorf("engine: %s: %w: the record could not be read up to its head after taking the writer's lease (%v); send the command again with the same idempotency key", a.id, ErrNotRecorded, err)
	}
	a.logger.Info("engine: this node now writes the assembly", "assembly", a.id, "size", a.log.Size())
	return nil
}

// elsewhereNote is a refusal of the lease (NotWriterError) and until
// when it is believed.
type elsewhereNote struct {
	err   *NotWriterError
	until time.Time
}

// setElsewhere sets the refusal the writer answers commands with, until
// until, without asking the database again (nil: none); the writer only.
func (a *Assembly) setElsewhere(nw *NotWriterError, until time.Time) {
	if nw == nil {
		a.elsewhere.Store(nil)
	} else {
		a.elsewhere.Store(&elsewhereNote{err: nw, until: until})
	}
}

// writtenElsewhere returns the refusal the writer would answer a command
// with at once, without asking the database (another node holds the
// lease, as found less than heldFor ago, and this node does not write),
// or nil: Submit answers it in the caller's goroutine, so that the
// commands a follower forwards do not queue behind the writer's reading
// of what the other node appended. Nothing is decided or recorded either
// way.
func (a *Assembly) writtenElsewhere() error {
	n := a.elsewhere.Load()
	if n == nil || !time.Now().Before(n.until) || a.Writing() {
		return nil
	}
	return n.err
}

// heldFor is how long a writer, having found its assembly's lease held
// by another node, answers commands so without asking the database again
// (the holder renews its lease every second; TakeOver always asks).
var heldFor = 200 * time.Millisecond

// followRetry is the pause before a follow that failed (the database
// could not be read) is tried again.
const followRetry = 500 * time.Millisecond

// kickLater asks the writer to follow again after followRetry.
func (a *Assembly) kickLater() {
	time.AfterFunc(followRetry, func() {
		select {
		case a.kick <- struct{}{}:
		default:
		}
	})
}

// dropLease gives up the lease held (released, if still held: this
// node stops writing the assembly).
func (a *Assembly) dropLease() {
	if a.lease == nil {
		return
	}
	l := a.lease
	a.setLease(nil)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	l.Release(ctx)
}

// follow brings the log, both states and the feed up to what the store
// holds: the entries another node appended, checked as the ledger checks
// them (Log.FollowEntries: every hash, the signed checkpoint), and those
// very entries, not a second reading of them, applied to the writer's
// state and, through deliver, to the readers' state and the feed, in
// order, each once. A long growth is read in steps of about followStep
// entries. A state that was not at the log's old head is rebuilt by a
// replay instead.
func (a *Assembly) follow() error {
	if a.suspended != nil {
		return a.suspended
	}
	for {
		more, err := a.followStep()
		if err != nil || !more {
			return err
		}
	}
}

// followStep is one step of follow; more says the store holds more.
func (a *Assembly) followStep() (more bool, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), a.timeouts.settle)
	defer cancel()
	from, entries, more, err := a.log.FollowEntries(ctx, a.verifiers, followStep)
	if err != nil {
		return false, err
	}
	if int64(a.state.Events) != from {
		// The replay reads the Log up to the head it has now.
		return more, a.resync("reading what another node appended")
	}
	for start := 0; start < len(entries); start += replayChunk {
		chunk := entries[start:min(start+replayChunk, len(entries))]
		events := make([]assembly.Event, len(chunk))
		for i, e := range chunk {
			ev, err := assembly.DecodeEvent(e.Type, e.Payload)
			if err == nil {
				err = a.state.Apply(ev)
			}
			if err != nil {
				err = fmt.Errorf("entry %d: %w", e.Index, err)
				a.stop(fmt.Errorf("engine: %s: %w: its record does not replay (%v); run plenum verify, then restart plenum serve", a.id, ErrStopped, err))
				return false, err
			}
			events[i] = ev
		}
		a.deliver(delivery{first: from + int64(start), entries: chunk, events: events, foreign: true})
	}
	a.flush(true)
	return more, nil
}

// followStep is about how many entries follow reads and keeps at once.
const followStep = 4 * replayChunk

// Grown tells the engine that the log origin has grown to size in the
// store (another node appended: package cluster hears it). The assembly
// reads the new entries on its writer (follow); a log of this server the
// engine does not hold yet (an assembly created on another node) is
// opened. It does not wait.
func (e *Engine) Grown(origin string, size int64) {
	server, id, err := ledger.ParseOrigin(origin)
	if err != nil || server != e.server {
		return
	}
	a, ok := e.Assembly(id)
	if !ok {
		go e.discover(id)
		return
	}
	if a.log.Size() >= size {
		return // its own append, or heard already
	}
	select {
	case a.kick <- struct{}{}:
	default: // a catch-up is due already: it reads up to the head
	}
}

// Gap tells the engine the size of every log after notifications may have
// been missed: each log it holds fewer entries of is read, each it does
// not know is opened.
func (e *Engine) Gap(sizes map[string]int64) {
	for origin, size := range sizes {
		e.Grown(origin, size)
	}
}

// TakeOver makes the assembly of the log origin try to take its log's lease, if no node
// holds it, without waiting for a command: the failover of a writer that
// died. It does not wait.
func (e *Engine) TakeOver(origin string) {
	server, id, err := ledger.ParseOrigin(origin)
	if err != nil || server != e.server {
		return
	}
	if a, ok := e.Assembly(id); ok && a.leases != nil {
		select {
		case a.take <- struct{}{}:
		default:
		}
	}
}

// discover opens the assembly id, whose log another node created.
func (e *Engine) discover(id string) {
	e.mu.Lock()
	if e.closed || e.assemblies[id] != nil || e.opening[id] {
		e.mu.Unlock()
		return
	}
	e.opening[id] = true
	e.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	a, err := e.openAssembly(ctx, id)
	e.mu.Lock()
	defer e.mu.Unlock()
	delete(e.opening, id)
	if err != nil {
		e.logger.Error("engine: an assembly created on another node cannot be opened", "assembly", id, "err", err)
		return
	}
	if e.closed || e.assemblies[id] != nil {
		go a.close()
		return
	}
	e.assemblies[id] = a
}
