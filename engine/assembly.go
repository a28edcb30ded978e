package engine

import (
	"context"
	crand "crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/assembly"
	"plenum/internal/jsonfast"
	"plenum/ledger"
)

// maxBatch bounds how many commands one batch decides before appending.
const maxBatch = 4096

// Errors a command gets when its batch could not be recorded, or while its
// assembly takes no commands; the error wraps one of them, and the cause.
var (
	// ErrNotRecorded: the append of the command's batch failed, and the
	// record, read back, shows that nothing of the command is in it. It
	// may be sent again (with the same idempotency key).
	ErrNotRecorded = errors.New("nothing was recorded")
	// ErrSuspended: the assembly takes no commands for now, because its
	// record cannot be read back: to decide the outcome of an append (the
	// error then wraps ledger.ErrOutcomeUnknown as well), or to rebuild
	// its state. It takes commands again by itself once the record can be
	// read; a command sent again with the same idempotency key is then
	// answered from the record.
	ErrSuspended = errors.New("the assembly takes no commands until its record can be read back")
	// ErrStopped: the assembly takes no commands, because its record no
	// longer replays, its log's head in the store is not one this
	// writer may carry on from (ledger.ErrBadHead: gone back, rows stored
	// beyond it), or the store refused its appends on a constraint
	// maxRefusals times in a row. Nothing of the command was recorded,
	// and sent again it would not be: the command whose append found it
	// gets this too, not ErrNotRecorded. It takes none until plenum serve
	// is restarted on a record that verifies. (Once the engine is closed,
	// commands get ledger.ErrClosed.)
	ErrStopped = errors.New("the assembly is not taking commands")
	// ErrUnread: the command had been recorded before under the same
	// idempotency key, but its entries could not be read back for the
	// answer. Sent again with the key, it is answered from the record.
	ErrUnread = errors.New("the command is in the record, but it could not be read back")
)

// errReadLog marks an error reading the log back, as opposed to a log
// that does not replay.
var errReadLog = errors.New("reading the log")

// Assembly is one running assembly: its log, its state and its writer.
type Assembly struct {
	id  string
	log *ledger.Log
	// boxSecret is what the keys of the secret votes' ballot boxes are
	// derived from (boxSecret).
	boxSecret []byte

	// state is the writer's: it decides each batch against it and applies
	// the batch's events to it before they are appended. Only the writer
	// touches it (and Open, before the writer starts).
	state *assembly.State
	// durable is the readers' state, kept in lockstep with the record:
	// the writer applies a batch's events to it once the batch is durable
	// (an event that holds no shared memory as it is, one decoded again
	// from its entry otherwise, so that the two states share no memory
	// that either changes). mu guards durable only, and is held for that
	// application and for swapping in a rebuilt state, never across a
	// wait on the store: readers see the last durable state and never
	// wait for a sync.
	mu      sync.RWMutex
	durable *assembly.State
	// quorum is the quorum of one readers' state as it stood after a
	// number of events (Quorum): counting it walks every mandate, and
	// every page and state read shows it.
	quorum atomic.Pointer[quorumOf]
	// quorumsCounted counts the times Quorum counted, for tests.
	quorumsCounted atomic.Int64
	// pending, owned by the writer, are the batches durable but not yet
	// visible to readers, in order, with their answers (deliver): the
	// writer does not wait for a reader that holds durable (a page being
	// rendered) but goes on with the next batch, and applies them all at
	// once when it can take mu at once, or must (flush).
	pending      []delivery
	pendingSince time.Time
	// committing is the tree of the checkpoint the Committed hook is
	// handed, while it runs (Committing); the writer's.
	committing committing

	feed      *Feed
	committed func(a *Assembly, checkpoint []byte)
	timeouts  timeouts

	reqs    chan *request
	closing chan struct{} // closed by stop
	done    chan struct{} // closed when the writer has returned
	// drained is closed once the writer, after closing done, has
	// answered every request still queued (submitAs).
	drained chan struct{}
	once    sync.Once
	reason  error // why the writer stopped; set before closing is closed

	// suspended, owned by the writer, is the error commands get while the
	// record cannot be read back (ErrSuspended); nil when the assembly
	// takes commands.
	suspended error
	// halted mirrors suspended for other goroutines (Halted); the writer
	// sets it with suspended (suspend).
	halted atomic.Pointer[error]
	// refusals counts the appends in a row the store refused on its
	// constraints (refusedAgain); the writer's.
	refusals int

	// On a cluster (Options.Leases): leases gives the writer's lease of
	// the log, lease is the one held (owned by the writer; nil: this node
	// follows, and decides nothing), shown is lease for Writing. kick
	// asks the writer to read what other nodes appended (follow), take to
	// try to take the lease (TakeOver). verifiers check what is read.
	leases    Leases
	lease     Lease
	shownMu   sync.Mutex
	shown     Lease
	kick      chan struct{}
	take      chan struct{}
	verifiers note.Verifiers
	// elsewhere is the last refusal of the lease and until when it is
	// believed (becomeWriter), set by the writer only and read by it and
	// by Submit's callers, which are answered it without waiting for the
	// writer (nil when the writer would ask the database).
	elsewhere atomic.Pointer[elsewhereNote]

	logger *slog.Logger // Options.Logger
}

// timeouts bound the writer's waits on the store.
type timeouts struct {
	append time.Duration // one store append
	settle time.Duration // one attempt to read the log back
}

// Result is what an accepted command became.
type Result struct {
	// Events are the command's events, each with its ledger index.
	Events []Recorded
	// Checkpoint is a signed checkpoint whose tree includes them: the one
	// of their batch, or for a replayed command the latest.
	Checkpoint []byte
	// BallotToken is, for a ballot in a secret vote, the ballot's random
	// token: give it to the voter, and to nobody else. It is not in the
	// log until the vote closes, and then not with the voter; with it the
	// voter gets their receipt (SecretBallotReceipt). It is given in the
	// first answer only, never when Replayed.
	BallotToken string
	// Replayed is true when the command had been recorded before under
	// the same idempotency key, by the same person, with the same request:
	// nothing new was recorded, and Events are those recorded then.
	Replayed bool

	replayOf int64  // Replayed: the index of the command's first event
	key, req string // the scoped idempotency key and request hash, if keyed
	// one is Events of a command of one event (a ballot): the result and
	// its events in one allocation, not two.
	one [1]Recorded
}

// First returns the ledger index of the first event, or -1 if none.
func (r *Result) First() int64 {
	if len(r.Events) == 0 {
		return -1
	}
	return r.Events[0].Index
}

// Recorded is an event with its place in the log.
type Recorded struct {
	Index int64
	// Leaf is the entry's record hash (tlog.RecordHash of its stored
	// bytes): what a receipt proves is in the tree.
	Leaf  tlog.Hash
	Event assembly.Event
}

// request is one or more commands decided in order in one batch.
type request struct {
	metas []assembly.Meta
	cmds  []assembly.Command
	// stopOnError: commands after a refused one are not decided.
	//
	// The answer is in answer once wait returns (give): a wait group in
	// the request is no allocation, where a channel was one, and the
	// sender waits on it alone, not in a select with the writer's done
	// (whose lock ten thousand waiters shared).
	wait   sync.WaitGroup
	given  bool // set by give before wait is done
	answer reply
	// first is where the results of the answer begin (a request of one
	// command, a ballot, needs no slice of its own), and result is where
	// the first command's result is made (decide): a ballot's request,
	// its answer's slice and its result are one allocation.
	first  [1]*Result
	result Result
}

// give answers r with rep; the writer answers each request once.
func (r *request) give(rep reply) {
	r.answer = rep
	r.given = true
	r.wait.Done()
}

type reply struct {
	results []*Result
	// failed is the position of the refused command, or -1.
	failed int
	err    error
}

func newAssembly(id string, log *ledger.Log, t timeouts) *Assembly {
	return &Assembly{
		id:       id,
		log:      log,
		state:    assembly.NewState(),
		durable:  assembly.NewState(),
		feed:     newFeed(log),
		timeouts: t,
		reqs:     make(chan *request, maxBatch),
		kick:     make(chan struct{}, 1),
		take:     make(chan struct{}, 1),
		closing:  make(chan struct{}),
		done:     make(chan struct{}),
		drained:  make(chan struct{}),
	}
}

// ID returns the assembly's id.
func (a *Assembly) ID() string { return a.id }

// Log returns the assembly's ledger log (read-only use: proofs, tiles).
func (a *Assembly) Log() *ledger.Log { return a.log }

// Feed returns the assembly's stream of durable events.
func (a *Assembly) Feed() *Feed { return a.feed }

// Read calls fn with the state of the durable record: every event in it is
// durable, and every durable event is in it once its command is answered.
// It never waits for the store. fn must not modify the state or keep it
// after returning.
func (a *Assembly) Read(fn func(s *assembly.State)) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	fn(a.durable)
}

// Quorum is s.Quorum() for the state a Read gives fn, counted once for
// each state the readers see rather than on every read: in an assembly of
// ten thousand, every page and state fetch during a vote walked every
// mandate for it, a quarter of the server's work. Only for that state,
// and only inside fn.
func (a *Assembly) Quorum(s *assembly.State) (present, needed int, ok bool) {
	if q := a.quorum.Load(); q != nil && q.state == s && q.presence == s.PresenceEvents {
		return q.present, q.needed, q.ok
	}
	present, needed, ok = s.Quorum()
	a.quorumsCounted.Add(1)
	a.quorum.Store(&quorumOf{state: s, presence: s.PresenceEvents, present: present, needed: needed, ok: ok})
	return present, needed, ok
}

// quorumOf is a state's quorum as it stood while its PresenceEvents
// were presence: the quorum reads only what those events change (who is
// present, the mandates, the rules), so a burst of ballots, each a new
// event, does not make every page count it again. The readers' state
// changes only by events applied or by being replaced (another pointer,
// which this one keeps from being reused while it is kept).
type quorumOf struct {
	state           *assembly.State
	presence        int
	present, needed int
	ok              bool
}

// Submit decides one command and, if the rules accept it, appends its
// events and applies them. It returns once they are durable. A refused
// command returns the *assembly.Error and changes nothing.
//
// A command with an idempotency key (Meta.Key) is recorded at most once:
// the key is scoped to the command's actor (stored as "actor/key") and
// recorded with a hash of the request in the command's events. The same
// key with the same request again is answered from the record (Replayed),
// with another request it is refused (invalid, field "key").
func (a *Assembly) Submit(ctx context.Context, m assembly.Meta, c assembly.Command) (*Result, error) {
	// The request, its meta and its command in one allocation, not three:
	// every ballot is one.
	one := &struct {
		req  request
		meta [1]assembly.Meta
		cmd  [1]assembly.Command
	}{meta: [1]assembly.Meta{m}, cmd: [1]assembly.Command{c}}
	results, _, err := a.submitAs(ctx, &one.req, one.meta[:], one.cmd[:])
	if err != nil {
		return nil, err
	}
	return results[0], nil
}

// SubmitAll decides commands in order within one batch, stopping at the
// first refusal. It returns the results of the accepted commands (durable
// on return) and, if one was refused, its position and error; the commands
// before it stay accepted.
//
// Once queued, a request is always answered, whatever ctx does: leaving
// early would hide whether its commands were recorded. When the batch's
// append fails, the answer says what the record holds: ErrNotRecorded if
// the command is not in it, ErrSuspended (with ledger.ErrOutcomeUnknown)
// if that cannot be known yet.
func (a *Assembly) SubmitAll(ctx context.Context, metas []assembly.Meta, cmds []assembly.Command) ([]*Result, int, error) {
	if len(metas) != len(cmds) || len(cmds) == 0 {
		return nil, -1, errors.New("engine: SubmitAll needs one meta per command")
	}
	return a.submit(ctx, slices.Clone(metas), cmds)
}

// submit is SubmitAll on metas of its own, which it changes.
func (a *Assembly) submit(ctx context.Context, metas []assembly.Meta, cmds []assembly.Command) ([]*Result, int, error) {
	return a.submitAs(ctx, new(request), metas, cmds)
}

// submitAs is submit sending req, a zero request of the caller's.
func (a *Assembly) submitAs(ctx context.Context, req *request, metas []assembly.Meta, cmds []assembly.Command) ([]*Result, int, error) {
	if err := a.writtenElsewhere(); err != nil {
		return nil, -1, err
	}
	// An encrypted ballot's proofs are checked here, in the caller's
	// goroutine (a batch's ballots in parallel), not by the writer.
	cmds = a.precheck(metas, cmds)
	// Keys are scoped and requests hashed here, in the caller's goroutine,
	// to keep the writer's work per command small.
	for i := range metas {
		if m := &metas[i]; m.Key != "" {
			m.Key, m.Req = scopedKeyAndHash(a.id, m.Actor, m.Key, cmds[i])
		}
	}
	*req = request{metas: metas, cmds: cmds}
	req.wait.Add(1)
	select {
	case a.reqs <- req:
		// The queue had room, as it mostly has: a send alone, not the
		// three channels' select below (each locked, and waited on when
		// the queue is full).
	default:
		select {
		case a.reqs <- req:
		case <-a.closing:
			return nil, -1, a.reason
		case <-ctx.Done():
			return nil, -1, ctx.Err()
		}
	}
	select {
	case <-a.done:
		// The writer has returned, or is returning: once it has
		// answered what was queued (drained), the request was answered,
		// or it came after and was never seen, and then nothing of it was
		// recorded.
		<-a.drained
		if !req.given {
			return nil, -1, a.reason
		}
	default:
		// The writer had not returned when the request was queued: it
		// answers it, in a batch or as it returns (after closing done, it
		// answers what is queued once more).
		req.wait.Wait()
	}
	r := req.answer
	for i, res := range r.results {
		if !res.Replayed {
			continue
		}
		var err error
		for try := range 3 {
			if try > 0 {
				time.Sleep(time.Duration(try) * 50 * time.Millisecond)
			}
			if err = a.fillReplayed(res); err == nil {
				break
			}
		}
		if err != nil {
			return r.results[:i], i, fmt.Errorf("engine: %s: %w; send it again with the same idempotency key: %w", a.id, ErrUnread, err)
		}
	}
	return r.results, r.failed, r.err
}

// writer decides, appends and applies batches of requests, one at a time.
func (a *Assembly) writer() {
	defer func() {
		a.flush(true)
		a.dropLease()
		if writerReturning != nil {
			writerReturning(a)
		}
		close(a.done)
		// A request queued after the writer last looked at the queue
		// and before done was closed waits for its answer alone
		// (submitAs): it is answered here. One queued after this saw
		// done closed.
		a.failQueued(a.reason)
		close(a.drained)
	}()
	batch := make([]*request, 0, 64)
	for {
		if a.suspended != nil && !a.waitSettled() {
			return
		}
		batch = batch[:0]
		if len(a.pending) > 0 {
			batch = a.awaitWork(batch)
		}
		if len(batch) == 0 {
			select {
			case r := <-a.reqs:
				batch = append(batch, r)
			case <-a.closing:
				a.flush(true)
				a.failQueued(a.reason)
				return
			case <-a.lost():
				// Lost (expired, taken over): decide nothing more, and
				// follow whoever writes now.
				a.logger.Warn("engine: this node no longer writes the assembly", "assembly", a.id, "err", a.lease.Err())
				a.setLease(nil)
				continue
			case <-a.kick:
				if !a.writing() {
					if err := a.follow(); err != nil {
						a.logger.Warn("engine: reading what another node appended failed; trying again", "assembly", a.id, "err", err)
						a.kickLater()
					}
				}
				continue
			case <-a.take:
				a.setElsewhere(nil, time.Time{})
				if !a.writing() {
					if err := a.becomeWriter(); err != nil && !errors.Is(err, ErrNotWriter) {
						a.logger.Warn("engine: taking over the assembly failed", "assembly", a.id, "err", err)
					}
				}
				continue
			}
		}
		n := len(batch[0].cmds)
	drain:
		for n < maxBatch {
			select {
			case r := <-a.reqs:
				batch = append(batch, r)
				n += len(r.cmds)
			default:
				break drain
			}
		}
		select {
		case <-a.closing:
			// Stopped while these came in (the select above picks at
			// random among ready cases): they are answered with the
			// reason, never decided on a log the writer may not go on
			// with.
			a.refuse(batch, a.reason)
			a.failQueued(a.reason)
			return
		default:
		}
		if !a.writing() {
			if err := a.becomeWriter(); err != nil {
				a.refuse(batch, err)
				continue
			}
		}
		a.commit(batch)
	}
}

// writerReturning, if set (by a test), is called by the writer as it
// returns, after its last look at the queue and before it closes done.
var writerReturning func(a *Assembly)

// pendingPoll is how often an idle writer with batches pending tries to
// take the readers' state (awaitWork).
const pendingPoll = 200 * time.Microsecond

// awaitWork runs while batches are pending and returns with a request
// added to batch, or once nothing is pending, or as the assembly closes:
// meanwhile it tries now and then to make the pending batches visible
// without waiting for the readers, and waits for them once the oldest has
// waited maxPendingAge. The writer thus never waits for a reader while
// there are commands to decide.
func (a *Assembly) awaitWork(batch []*request) []*request {
	t := time.NewTimer(pendingPoll)
	defer t.Stop()
	for len(a.pending) > 0 {
		select {
		case r := <-a.reqs:
			return append(batch, r)
		case <-a.closing:
			return batch
		default:
		}
		if a.flush(time.Since(a.pendingSince) >= maxPendingAge); len(a.pending) == 0 {
			break
		}
		t.Reset(pendingPoll)
		select {
		case r := <-a.reqs:
			return append(batch, r)
		case <-a.closing:
			return batch
		case <-t.C:
		}
	}
	return batch
}

// suspend sets what commands get while the assembly is suspended (nil:
// it takes commands), for the writer (suspended) and for Halted.
func (a *Assembly) suspend(err error) {
	a.suspended = err
	if err == nil {
		a.halted.Store(nil)
	} else {
		a.halted.Store(&err)
	}
}

// Halted returns why the assembly takes no commands, having stopped
// (ErrStopped: until plenum serve is restarted on a record that verifies)
// or suspended itself (ErrSuspended: until its record can be read back)
// while it ran: what a command gets now, wrapping ErrStopped or
// ErrSuspended. It returns nil while the assembly takes commands, and for
// one whose engine is being closed. Safe for concurrent use; what it says
// may change at once.
func (a *Assembly) Halted() error {
	select {
	case <-a.closing:
		// reason is set before closing is closed.
		if errors.Is(a.reason, ledger.ErrClosed) {
			return nil
		}
		return a.reason
	default:
	}
	if p := a.halted.Load(); p != nil {
		return *p
	}
	return nil
}

// stop makes the writer return, answering every request queued or still
// to come with reason.
func (a *Assembly) stop(reason error) {
	a.once.Do(func() {
		a.reason = reason
		close(a.closing)
	})
}

// stopOnBadHead stops the assembly because its log's head in the store
// is not one this writer may carry on from (err wraps ledger.ErrBadHead),
// and returns the reason commands get now: the command whose append
// found it, and every one after.
func (a *Assembly) stopOnBadHead(err error) error {
	reason := fmt.Errorf("engine: %s: %w: %w; nothing of this command was recorded", a.id, ErrStopped, err)
	a.stop(reason)
	return reason
}

// maxRefusals is how many appends in a row the store may refuse on its
// constraints (ledger.ErrConstraint), the log's head unmoved, before the
// assembly stops (refusedAgain): a row plenum did not write is in the
// way, or the schema was changed, and no retry gets past it.
const maxRefusals = 3

// refusedAgain counts an append the store refused, its head where it was
// (the state rebuilt from it), and reports whether it is the maxRefusals-th
// refusal on the store's constraints in a row. Another failure (a busy
// database, a lost connection, a timeout: what a retry may get past)
// starts the count again, as does an append that succeeds (commit).
func (a *Assembly) refusedAgain(err error) bool {
	if !errors.Is(err, ledger.ErrConstraint) {
		a.refusals = 0
		return false
	}
	a.refusals++
	return a.refusals >= maxRefusals
}

// stopOnRefusals stops the assembly because the store refused its appends
// on its constraints maxRefusals times in a row (err, the last, wraps
// ledger.ErrConstraint), and returns the reason commands get now.
func (a *Assembly) stopOnRefusals(err error) error {
	reason := fmt.Errorf("engine: %s: %w: the database refused %d appends in a row on its constraints, the log's head unchanged (the last: %w): something other than plenum changed its rows or its schema, and no retry gets past it; nothing of this command was recorded; run plenum verify, then restart plenum serve", a.id, ErrStopped, a.refusals, err)
	a.stop(reason)
	return reason
}

// refuse answers every request of batch with err: nothing of it was
// decided.
func (a *Assembly) refuse(batch []*request, err error) {
	a.flush(true)
	for _, r := range batch {
		r.give(reply{failed: -1, err: err})
	}
}

func (a *Assembly) failQueued(err error) {
	for {
		select {
		case r := <-a.reqs:
			r.give(reply{failed: -1, err: err})
		default:
			return
		}
	}
}

// settleRetry bounds the pause between attempts to read the record back
// while the assembly is suspended (one small read each).
const settleRetry = time.Second

// waitSettled runs while the assembly is suspended (an append's outcome is
// unknown, or the state could not be rebuilt): it answers every command
// with a.suspended at once, and reads the log back now and then, until it
// can decide the outcome and rebuild the state from what the log really
// holds (then it returns true), or the assembly stops (false).
func (a *Assembly) waitSettled() bool {
	delay := 50 * time.Millisecond
	t := time.NewTimer(delay)
	defer t.Stop()
	for {
		select {
		case r := <-a.reqs:
			r.give(reply{failed: -1, err: a.suspended})
		case <-a.closing:
			a.failQueued(a.reason)
			return false
		case <-t.C:
			ctx, cancel := context.WithTimeout(context.Background(), a.timeouts.settle)
			_, err := a.log.Settle(ctx)
			cancel()
			if errors.Is(err, ledger.ErrBadHead) {
				a.stopOnBadHead(err)
				continue
			}
			if err == nil {
				err = a.replay(context.Background())
				if err == nil {
					a.suspend(nil)
					return true
				}
				if !errors.Is(err, errReadLog) {
					a.stop(fmt.Errorf("engine: %s: %w: its record does not replay (%v); run plenum verify, then restart plenum serve", a.id, ErrStopped, err))
					continue
				}
			}
			delay = min(2*delay, settleRetry)
			t.Reset(delay)
		}
	}
}

// resync rebuilds the state from the log, after what. If the log cannot be
// read the assembly is suspended until it can; if it does not replay the
// assembly stops. It returns the error commands get then, or nil.
func (a *Assembly) resync(after string) error {
	err := a.replay(context.Background())
	switch {
	case err == nil:
		return nil
	case errors.Is(err, errReadLog):
		a.suspend(fmt.Errorf("engine: %s: %w (rebuilding its state after %s: %v); nothing of this command was recorded", a.id, ErrSuspended, after, err))
		return a.suspended
	default:
		err = fmt.Errorf("engine: %s: %w: its record does not replay after %s (%v); run plenum verify, then restart plenum serve", a.id, ErrStopped, after, err)
		a.stop(err)
		return err
	}
}

// staging is what a batch has decided so far: the entries and events to
// append, and the sealed ballots for the ballot boxes.
type staging struct {
	entries []ledger.Entry
	events  []assembly.Event
	sealed  []ledger.SealedBallot
	emptied []string // the ballot boxes of the secret votes closed or withdrawn
	broken  error    // the state could not be rebuilt after a half-applied command
}

// commit decides every command of the batch against the state, applying
// each one's events before deciding the next, appends all events in one
// ledger append, and answers.
func (a *Assembly) commit(batch []*request) {
	replies := make([]reply, len(batch))
	// Answers go out in order, after those of the batches before (the
	// writer reuses batch's array for the next one: it is copied).
	batch = slices.Clone(batch)
	defer func() { a.deliver(delivery{batch: batch, replies: replies}) }()
	if int64(a.state.Events) != a.log.Size() {
		// The log moved under the state (an append found committed after
		// another writer appended): catch up before deciding.
		if err := a.resync("the log moved"); err != nil {
			for i := range replies {
				replies[i] = reply{failed: -1, err: err}
			}
			return
		}
	}
	base := int64(a.state.Events)
	// Most commands (a ballot) make one event: room for one each, so that
	// a batch of thousands is not grown (by a quarter at a time) and
	// copied over and over.
	n := 0
	for _, req := range batch {
		n += len(req.cmds)
	}
	st := staging{entries: make([]ledger.Entry, 0, n), events: make([]assembly.Event, 0, n)}
	for i, req := range batch {
		replies[i].failed = -1
		for j, cmd := range req.cmds {
			var into *Result
			if j == 0 {
				into = &req.result
			}
			res, err := a.decide(req.metas[j], cmd, &st, into)
			if err != nil {
				replies[i].failed, replies[i].err = j, err
				break
			}
			if replies[i].results == nil {
				replies[i].results = req.first[:0]
			}
			replies[i].results = append(replies[i].results, res)
		}
	}
	if st.broken != nil {
		err := fmt.Errorf("engine: %s: %w: %w", a.id, ErrNotRecorded, st.broken)
		for i := range replies {
			replies[i] = reply{failed: -1, err: err}
		}
		return
	}
	if len(st.entries) > 0 {
		ctx, cancel := context.WithTimeout(context.Background(), a.timeouts.append)
		app, err := a.log.AppendBoxed(ctx, st.entries, st.sealed, st.emptied)
		cancel()
		if err != nil {
			a.failed(err, replies, base)
			if a.lease != nil && errors.Is(err, ErrFenced) {
				// The database says the lease is gone, whatever this
				// process's clock says: decide nothing more.
				a.logger.Warn("engine: an append was fenced off; this node no longer writes the assembly", "assembly", a.id, "err", err)
				a.dropLease()
			}
			return
		}
		a.refusals = 0
		idx := app.First
		for _, r := range replies {
			for _, res := range r.results {
				if res.Replayed {
					continue
				}
				res.Checkpoint = app.Checkpoint
				for k := range res.Events {
					res.Events[k].Index = idx
					res.Events[k].Leaf = app.Leaves[idx-app.First]
					idx++
				}
			}
		}
		a.deliver(delivery{first: app.First, entries: st.entries, events: st.events, checkpoint: app.Checkpoint,
			size: app.First + int64(len(app.Leaves)), root: app.Root})
	}
}

// delivery is a durable batch to make visible (entries and events), or
// answers to give (batch and replies), or both.
type delivery struct {
	first      int64
	entries    []ledger.Entry
	events     []assembly.Event
	checkpoint []byte
	// size and root are checkpoint's tree's, as the append made it
	// (Committing).
	size    int64
	root    tlog.Hash
	batch   []*request
	replies []reply
	// foreign: entries another node appended (follow): not this node's
	// checkpoint to hand to Committed.
	foreign bool
	// readers are the events as the readers' state is given them (an
	// event that holds no shared memory as it is, others decoded again
	// from their entries), made once when the batch is delivered however
	// often flush must try; readersErr is a decoding that failed.
	readers    []assembly.Event
	readersErr error
}

// Past these the writer waits for the readers to make its pending
// batches visible (flush), rather than keep their answers waiting: readers
// that overlap without a gap would otherwise hold them back for as long
// as they keep coming. Until then it only tries (TryLock), so that a
// writer waiting for a long reader never holds up the readers that come
// after (as a waiting Lock would).
var (
	maxPending    = 256
	maxPendingAge = 500 * time.Millisecond
)

// deliver queues d behind the pending batches and makes them visible if
// the readers' state can be taken at once (or must be: too many pending,
// or for too long); otherwise they stay pending and the writer goes on.
func (a *Assembly) deliver(d delivery) {
	if len(d.entries) > 0 {
		d.readers = make([]assembly.Event, 0, len(d.entries))
	}
	for i, e := range d.entries {
		ev := d.events[i]
		if !assembly.FlatEvent(ev) {
			if ev, d.readersErr = assembly.DecodeEvent(e.Type, e.Payload); d.readersErr != nil {
				break
			}
		}
		d.readers = append(d.readers, ev)
	}
	if len(a.pending) == 0 {
		a.pendingSince = time.Now()
	}
	a.pending = append(a.pending, d)
	a.flush(len(a.pending) >= maxPending || time.Since(a.pendingSince) >= maxPendingAge)
}

// flush makes the pending batches visible and answers them, in order:
// their events applied to the readers' state (under mu, taken at once or,
// if wait, waited for; if it cannot be taken at once they stay pending),
// then published to subscribers and the Committed hook, then answered.
// Should an event not apply (the two states parted: a bug), both states
// are rebuilt from the record, which holds the batches.
func (a *Assembly) flush(wait bool) {
	if len(a.pending) == 0 {
		return
	}
	var evs []assembly.Event
	var err error
	for _, d := range a.pending {
		if err = d.readersErr; err != nil {
			break
		}
		evs = append(evs, d.readers...)
	}
	if len(evs) > 0 && err == nil {
		if wait {
			a.mu.Lock()
		} else if !a.mu.TryLock() {
			return
		}
		for _, ev := range evs {
			if err = a.durable.Apply(ev); err != nil {
				break
			}
		}
		a.mu.Unlock()
	}
	done := a.pending
	a.pending = nil
	if err != nil {
		a.resync(fmt.Sprintf("the readers' state refused a durable event (%v)", err))
	}
	for _, d := range done {
		if len(d.entries) > 0 {
			a.feed.publish(d.first, d.entries, d.events)
			if a.committed != nil && !d.foreign {
				a.committing = committing{d.size, d.root, true}
				a.committed(a, d.checkpoint)
				a.committing = committing{}
			}
		}
		if d.batch != nil {
			a.answer(d.batch, d.replies)
		}
	}
}

// Committing is, while the Committed hook (Options.Committed) runs, the
// size and root hash of the tree whose checkpoint the hook was handed:
// what the append computed and signed, so that a hook that needs them
// does not parse the checkpoint again. ok is false outside the hook; it
// may be called only from the hook itself (the assembly's writer).
func (a *Assembly) Committing() (size int64, root tlog.Hash, ok bool) {
	c := a.committing
	return c.size, c.root, c.ok
}

// committing is what Committing says, set by flush around the hook.
type committing struct {
	size int64
	root tlog.Hash
	ok   bool
}

// decide decides one command of a batch and stages its events; a command
// whose idempotency key (scoped, with its request hash: SubmitAll) was
// accepted before becomes a Replayed result. The result is made in into,
// or if it is nil in a Result of its own.
func (a *Assembly) decide(m assembly.Meta, cmd assembly.Command, st *staging, into *Result) (*Result, error) {
	if m.Key != "" {
		if use, ok := a.state.Keys[m.Key]; ok {
			if use.Req != "" && use.Req != m.Req {
				return nil, refusal(assembly.ErrInvalid, "key", "the idempotency key was already used for a different command (entry %d); use a new key for a new action", use.First)
			}
			res := resultIn(into)
			*res = Result{Replayed: true, replayOf: int64(use.First), key: m.Key, req: m.Req}
			return res, nil
		}
	}
	cmd, token, err := a.prepare(cmd, st.sealed)
	var evs []assembly.Event
	if err == nil {
		evs, err = assembly.Decide(a.state, m, cmd)
	}
	var sb *ledger.SealedBallot
	if err == nil && token != "" {
		if c, ok := cmd.(assembly.CastElectionBallot); ok {
			sb, err = a.sealedElectionBallot(c, evs)
		} else {
			sb, err = a.sealedBallot(cmd.(assembly.CastBallot), evs)
		}
	}
	if err == nil && len(evs) == 0 {
		err = refusal(assembly.ErrInvalid, "", "the command %s changes nothing", cmd.CommandName())
	}
	if err == nil {
		err = a.stage(evs, st)
	}
	if err != nil {
		return nil, err
	}
	if sb != nil {
		st.sealed = append(st.sealed, *sb)
	}
	st.emptied = append(st.emptied, a.emptied(evs)...)
	res := resultIn(into)
	*res = Result{BallotToken: token, key: m.Key, req: m.Req}
	if len(evs) == 1 {
		res.Events = res.one[:]
	} else {
		res.Events = make([]Recorded, len(evs))
	}
	for k, ev := range evs {
		res.Events[k].Event = ev
	}
	return res, nil
}

// resultIn is into, or a new Result if into is nil.
func resultIn(into *Result) *Result {
	if into == nil {
		return new(Result)
	}
	return into
}

// ScopedKey is an idempotency key as recorded (State.Keys): scoped to the
// person who gives the command, so that one person's key never answers
// another's.
func ScopedKey(actor, key string) string { return actor + "/" + key }

// requestHash identifies a keyed request: its command's name, the
// assembly, and its arguments as parsed (so that spacing and the order of
// fields do not matter). It is computed before plenum fills anything in
// (a secret ballot's token, a closing vote's sealed ballots).
//
// A ballot's choice (an election ballot's ranking, approvals and list) is
// left out: the hash is recorded in the entry's meta, and over the few
// choices a vote offers it would be brute-forced in microseconds, giving
// away a secret ballot's choice beside its voter. A ballot is one per
// mandate and vote anyway, so a retry with the same key and another
// choice is answered as replayed: the first ballot stands.
func requestHash(assemblyID string, cmd assembly.Command) string {
	var h [32]byte
	return string(appendRequestHash(h[:0], assemblyID, cmd))
}

// scopedKeyAndHash returns ScopedKey(actor, key) and
// requestHash(assemblyID, cmd) as the two parts of one string: one
// allocation a keyed command (every ballot), not two.
func scopedKeyAndHash(assemblyID, actor, key string, cmd assembly.Command) (scoped, req string) {
	n := len(actor) + len("/") + len(key)
	var sb strings.Builder
	sb.Grow(n + 32)
	sb.WriteString(actor)
	sb.WriteByte('/')
	sb.WriteString(key)
	var h [32]byte
	sb.Write(appendRequestHash(h[:0], assemblyID, cmd))
	s := sb.String()
	return s[:n], s[n:]
}

// appendRequestHash appends requestHash(assemblyID, cmd) to b.
func appendRequestHash(dst []byte, assemblyID string, cmd assembly.Command) []byte {
	var buf [256]byte
	b := append(buf[:0], cmd.CommandName()...)
	b = append(b, 0)
	b = append(b, assemblyID...)
	b = append(b, 0)
	switch c := cmd.(type) {
	case assembly.CastBallot:
		c.Choice, c.Token = "", ""
		b = appendCastBallot(b, &c)
		cmd = nil
	case assembly.CastElectionBallot:
		c.Ranking, c.Approve, c.List, c.Token = nil, nil, "", ""
		cmd = c
	}
	if cmd != nil {
		args, err := json.Marshal(cmd)
		if err != nil {
			args = []byte(err.Error())
		}
		b = append(b, args...)
	}
	sum := sha256.Sum256(b)
	return hex.AppendEncode(dst, sum[:16])
}

// appendCastBallot appends c as json.Marshal encodes it, byte for byte,
// without reflection: every ballot's request is hashed.
func appendCastBallot(b []byte, c *assembly.CastBallot) []byte {
	b = append(b, `{"vote":`...)
	b = jsonfast.AppendString(b, c.Vote)
	b = append(b, `,"voter":`...)
	b = jsonfast.AppendString(b, c.Voter)
	b = append(b, `,"choice":`...)
	b = jsonfast.AppendString(b, c.Choice)
	b = append(b, `,"for_mandate":`...)
	b = jsonfast.AppendString(b, c.ForMandate)
	b = append(b, `,"token":`...)
	b = jsonfast.AppendString(b, c.Token)
	return append(b, '}')
}

// fillReplayed reads a replayed command's events back from the log: the
// entries from its first one on that carry its key.
func (a *Assembly) fillReplayed(res *Result) error {
	res.Events = res.Events[:0]
	ctx := context.Background()
	const chunk = 32
	for from := res.replayOf; ; from += chunk {
		end := min(from+chunk, a.log.Size())
		if from >= end {
			break
		}
		entries, err := a.log.Read(ctx, from, end)
		if err != nil {
			return fmt.Errorf("engine: %s: reading back the command recorded at entry %d: %w", a.id, res.replayOf, err)
		}
		raw, err := a.log.Raw(ctx, from, end)
		if err != nil {
			return fmt.Errorf("engine: %s: reading back the command recorded at entry %d: %w", a.id, res.replayOf, err)
		}
		for i, e := range entries {
			ev, err := assembly.DecodeEvent(e.Type, e.Payload)
			if err != nil {
				return fmt.Errorf("engine: %s: entry %d: %w", a.id, e.Index, err)
			}
			if ev.EventMeta().Key != res.key {
				if len(res.Events) == 0 {
					return fmt.Errorf("engine: %s: entry %d does not carry the key its command was recorded under", a.id, e.Index)
				}
				res.Checkpoint = a.log.Checkpoint()
				return nil
			}
			res.Events = append(res.Events, Recorded{Index: e.Index, Leaf: tlog.RecordHash(raw[i]), Event: ev})
		}
	}
	if len(res.Events) == 0 {
		return fmt.Errorf("engine: %s: the command recorded at entry %d is past the end of the log", a.id, res.replayOf)
	}
	res.Checkpoint = a.log.Checkpoint()
	return nil
}

// failed answers a batch whose append failed. Unless its outcome is
// unknown, the log says what was stored (nothing of the batch; or, if the
// log moved, what another writer stored): the state is rebuilt from it,
// and each command is answered as the record has it — replayed if a
// command with its key is there, not recorded otherwise. An unknown
// outcome suspends the assembly until the log can be read back.
func (a *Assembly) failed(err error, replies []reply, base int64) {
	a.flush(true) // the batches before are durable
	var outcome error
	known := false // the state is what the log holds
	if errors.Is(err, ledger.ErrOutcomeUnknown) {
		// Commands refused while suspended were not recorded: their error
		// names the cause without wrapping ErrOutcomeUnknown.
		a.suspend(fmt.Errorf("engine: %s: %w (the outcome of an earlier append is unknown: %v); nothing of this command was recorded", a.id, ErrSuspended, err))
		outcome = fmt.Errorf("engine: %s: %w: whether the command was recorded is not known yet (%w); send it again with the same idempotency key once the assembly takes commands again, and it is answered from the record", a.id, ErrSuspended, err)
	} else if errors.Is(err, ledger.ErrBadHead) {
		// The log's head in the store is not one this writer may carry
		// on from (it went back, is not signed by its key, or has rows
		// stored beyond it): something other than plenum changed the
		// database. Nothing more is decided until a person has looked,
		// and this command is answered as every one after it is: sent
		// again it could not be recorded either.
		outcome = a.stopOnBadHead(err)
	} else if rerr := a.resync("a failed append"); rerr != nil {
		outcome = fmt.Errorf("engine: %s: %w (%v), and then: %w", a.id, ErrNotRecorded, err, rerr)
	} else if a.refusedAgain(err) {
		outcome = a.stopOnRefusals(err)
	} else {
		known = true
		outcome = fmt.Errorf("engine: %s: %w, the record is as it was; send the command again (with the same idempotency key): %w", a.id, ErrNotRecorded, err)
	}
	for i := range replies {
		r := &replies[i]
		for j, res := range r.results {
			if res.Replayed && res.replayOf < base {
				continue // recorded before this batch
			}
			if known && res.key != "" {
				// If the log moved, another writer may have recorded the
				// command (a retry sent to another server): then the
				// record answers it.
				if use, ok := a.state.Keys[res.key]; ok && use.Req == res.req {
					r.results[j] = &Result{Replayed: true, replayOf: int64(use.First), key: res.key, req: res.req}
					continue
				}
			}
			r.results, r.failed, r.err = r.results[:j], j, outcome
			break
		}
	}
}

// sealedBallotData is a secret ballot as kept in the ballot box.
type sealedBallotData struct {
	Vote   string `json:"vote"`
	Token  string `json:"token"`
	Choice string `json:"choice"`
	Weight int    `json:"weight"`
	// A secret election's ballot (Vote is then its box,
	// assembly.ElectionBox): the ranking, the approved or the list.
	Ranking []string `json:"ranking,omitempty"`
	Approve []string `json:"approve,omitempty"`
	List    string   `json:"list,omitempty"`
}

// prepare completes a command with what plenum, not the client, gives: a
// secret ballot's token (returned, to be handed back to the voter), and
// the sealed ballots of a secret vote being closed, read from its ballot
// box and pending, the ballots of this batch not yet stored.
func (a *Assembly) prepare(cmd assembly.Command, pending []ledger.SealedBallot) (assembly.Command, string, error) {
	switch c := cmd.(type) {
	case assembly.CastBallot:
		v := a.state.Votes[c.Vote]
		if v == nil || v.Method != "secret" {
			return cmd, "", nil // Decide refuses a token outside a secret vote
		}
		if c.Token != "" {
			return nil, "", refusal(assembly.ErrInvalid, "token", "plenum makes a secret ballot's token; leave token out")
		}
		c.Token = crand.Text()
		return c, c.Token, nil
	case assembly.CloseVote:
		v := a.state.Votes[c.Vote]
		if v == nil || v.Method != "secret" {
			return cmd, "", nil
		}
		if len(c.Sealed) > 0 {
			return nil, "", refusal(assembly.ErrInvalid, "sealed", "plenum fills in a secret vote's sealed ballots from its ballot box; leave sealed out")
		}
		if v.Status != assembly.VoteStatusOpen {
			return cmd, "", nil // Decide says why not
		}
		box, err := a.log.SealedBallots(context.Background(), c.Vote)
		if err != nil {
			return nil, "", fmt.Errorf("engine: %s: reading the ballot box of %s: %w", a.id, c.Vote, err)
		}
		for _, b := range pending {
			if b.Box == c.Vote {
				box = append(box, b)
			}
		}
		if len(box) != len(v.Ballots) {
			// Changed outside plenum: closing can never succeed.
			return nil, "", refusal(assembly.ErrConflict, "vote", "the ballot box of %s was altered outside plenum (ballots in the box: %d; voters the record names: %d): the vote cannot be closed, it can only be withdrawn", c.Vote, len(box), len(v.Ballots))
		}
		for _, b := range box {
			d, err := openBallot(a.boxSecret, a.log.Origin(), c.Vote, b)
			if err != nil {
				a.logger.Warn("engine: a ballot in the box cannot be read", "assembly", a.id, "vote", c.Vote, "err", err)
				return nil, "", refusal(assembly.ErrConflict, "vote", "a ballot in the ballot box of %s cannot be read: the box was altered outside plenum, or the signing key changed while the vote was open; the vote cannot be closed, it can only be withdrawn", c.Vote)
			}
			for _, t := range unitTokens(d.Token, max(d.Weight, 1)) {
				c.Sealed = append(c.Sealed, assembly.SealedChoice{Token: t, Choice: d.Choice})
			}
		}
		shuffle(c.Sealed)
		return c, "", nil
	case assembly.CastElectionBallot, assembly.CloseElection:
		return a.prepareElection(cmd, pending)
	}
	return cmd, "", nil
}

// unitTokens gives the tokens a ballot's votes enter the log under
// (assembly.UnitTokens); a test seals with the scheme of older records.
var unitTokens = assembly.UnitTokens

// shuffle permutes s uniformly with a generator seeded from crypto/rand.
func shuffle[T any](s []T) {
	var seed [32]byte
	crand.Read(seed[:])
	r := rand.New(rand.NewChaCha8(seed))
	r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
}

// sealedBallot is the ballot-box row of an accepted secret ballot: its
// vote, token, choice and weight, never its voter, sealed (sealBallot).
func (a *Assembly) sealedBallot(c assembly.CastBallot, evs []assembly.Event) (*ledger.SealedBallot, error) {
	weight := 1
	for _, ev := range evs {
		if bc, ok := ev.(assembly.BallotCast); ok {
			weight = max(bc.Weight, 1)
		}
	}
	sb, err := sealBallot(a.boxSecret, a.log.Origin(), sealedBallotData{Vote: c.Vote, Token: c.Token, Choice: c.Choice, Weight: weight})
	if err != nil {
		return nil, err
	}
	return &sb, nil
}

// emptied lists the ballot boxes a command's events take away: those of
// the secret votes and elections it closes or withdraws.
func (a *Assembly) emptied(evs []assembly.Event) []string {
	var out []string
	for _, ev := range evs {
		var vote string
		switch e := ev.(type) {
		case assembly.VoteClosed:
			vote = e.Vote
		case assembly.VoteWithdrawn:
			vote = e.Vote
		case assembly.ElectionClosed:
			out = append(out, a.electionBoxEmptied(e.Election)...)
			continue
		case assembly.ElectionWithdrawn:
			out = append(out, a.electionBoxEmptied(e.Election)...)
			continue
		default:
			continue
		}
		if v := a.state.Votes[vote]; v != nil && v.Method == "secret" {
			out = append(out, vote)
		}
	}
	return out
}

// stage applies events to the state and queues their ledger entries.
func (a *Assembly) stage(evs []assembly.Event, st *staging) error {
	// Encode all first, so that an event that cannot be encoded changes
	// nothing. They are staged in place, and taken back if refused.
	n := len(st.entries)
	for _, ev := range evs {
		payload, err := assembly.EncodeEvent(ev)
		if err != nil {
			clear(st.entries[n:])
			st.entries = st.entries[:n]
			return fmt.Errorf("engine: encoding %s: %w", ev.EventType(), err)
		}
		st.entries = append(st.entries, ledger.Entry{Actor: ev.EventMeta().Actor, Type: ev.EventType(), Payload: payload})
	}
	for k, ev := range evs {
		if err := a.state.Apply(ev); err != nil {
			clear(st.entries[n:])
			st.entries = st.entries[:n]
			if k > 0 {
				// Half a command is in the state: rebuild it from the
				// log and the batch's earlier events.
				st.broken = a.rebuild(st.events)
			}
			return fmt.Errorf("engine: %s: the event %s does not apply: %w", a.id, ev.EventType(), err)
		}
	}
	st.events = append(st.events, evs...)
	return nil
}

// rebuild replaces the state by the replay of the log followed by pending,
// events of the current batch not yet appended. If that fails the batch
// must not be appended: it returns the error (the assembly is then
// suspended or stopped, see resync), or nil.
func (a *Assembly) rebuild(pending []assembly.Event) error {
	if err := a.resync("a command half applied"); err != nil {
		return err
	}
	for _, ev := range pending {
		if err := a.state.Apply(ev); err != nil {
			err = fmt.Errorf("engine: %s: %w: the batch's event %s does not apply again (%v); run plenum verify, then restart plenum serve", a.id, ErrStopped, ev.EventType(), err)
			a.stop(err)
			return err
		}
	}
	return nil
}

func (a *Assembly) answer(batch []*request, replies []reply) {
	for i, req := range batch {
		req.give(replies[i])
	}
}

// replayChunk is how many entries replay reads at once.
const replayChunk = 4096

// replay rebuilds both states, the writer's and the readers', from the
// log, reading and decoding each entry once for each. The readers keep
// the state they had until the rebuilt one is swapped in.
func (a *Assembly) replay(ctx context.Context) error {
	// The batches pending are in the log: they are made visible and
	// answered first, so that the replayed state is not given them twice.
	a.flush(true)
	size := a.log.Size()
	t := newTwins()
	origin := a.log.Origin()
	for start := int64(0); start < size; start += replayChunk {
		end := min(start+replayChunk, size)
		entries, err := a.log.Read(ctx, start, end)
		if err != nil {
			return fmt.Errorf("engine: replaying %s: %w: %w", a.id, errReadLog, err)
		}
		for _, e := range entries {
			d, err := t.decode(origin, e)
			if err == nil {
				err = t.apply(origin, e, d)
			}
			if err != nil {
				return err
			}
		}
	}
	a.setStates(t.states(origin))
	a.feed.reset(size)
	return nil
}

// setStates puts in the writer's state and the readers', replayed from
// the same entries.
func (a *Assembly) setStates(w, r *assembly.State) {
	a.state = w
	a.mu.Lock()
	a.durable = r
	a.mu.Unlock()
}

func (a *Assembly) close() {
	a.stop(ledger.ErrClosed)
	// Closing the log first cuts short a wait on a store that does not
	// answer: the writer then answers and returns.
	a.log.Close()
	<-a.done
	a.feed.close()
}

// precheck returns cmds with every encrypted ballot's proofs checked
// (assembly.CastEncryptedBallot.Precheck, for the actor of its meta), the
// ballots of one batch on as many goroutines as there are processors.
func (a *Assembly) precheck(metas []assembly.Meta, cmds []assembly.Command) []assembly.Command {
	if !slices.ContainsFunc(cmds, isEncryptedBallot) {
		return cmds // without a variable the goroutines below share, on the heap
	}
	var idx []int
	for i, c := range cmds {
		if isEncryptedBallot(c) {
			idx = append(idx, i)
		}
	}
	out := slices.Clone(cmds)
	workers := min(runtime.GOMAXPROCS(0), len(idx))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := w; j < len(idx); j += workers {
				i := idx[j]
				out[i] = out[i].(assembly.CastEncryptedBallot).Precheck(metas[i].Actor, a.Read)
			}
		}()
	}
	wg.Wait()
	return out
}

func isEncryptedBallot(c assembly.Command) bool {
	_, ok := c.(assembly.CastEncryptedBallot)
	return ok
}

// refusal is a refusal of the engine as the rules make one (in the
// reader's language on the pages and in the API).
var refusal = assembly.Refusal
