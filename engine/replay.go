package engine

import (
	"fmt"
	"runtime"
	"sync"

	"plenum/assembly"
	"plenum/ledger"
)

// Replayer folds ledger entries into assembly states, one per origin. It
// is how the engine rebuilds an assembly at start and how an audit
// (ledger.AuditOptions.Replay, plenum verify) checks that every entry is an
// event the domain accepts, in its place.
type Replayer struct {
	states map[string]*assembly.State
	audit  bool
	checks *ballotChecks // an audit's proof checks of encrypted ballots
}

// NewReplayer returns a Replayer with no state yet.
func NewReplayer() *Replayer { return &Replayer{states: map[string]*assembly.State{}} }

// NewAuditReplayer returns a Replayer that also checks what the engine
// checked when each command arrived and does not check again on a
// restart: every encrypted ballot's proofs. They are checked on every
// core while the replay goes on (assembly.State.BallotCheck), so the
// audit is complete only once Finish has answered. plenum verify replays
// with it.
func NewAuditReplayer() *Replayer { return newAuditReplayer(runtime.GOMAXPROCS(0)) }

// newAuditReplayer is NewAuditReplayer with the proof checks on workers
// goroutines, or, with none, made by Apply itself one after the other
// (assembly.State.VerifyBallots), as plenum verify did before.
func newAuditReplayer(workers int) *Replayer {
	r := &Replayer{states: map[string]*assembly.State{}, audit: true}
	if workers > 0 {
		r.checks = newBallotChecks(workers)
	}
	return r
}

// Finish waits for the proof checks an audit replay handed over and
// returns the failure of the earliest entry, as a *ledger.AuditError, or
// nil. A Replayer that is not an audit's has none. The Replayer takes no
// more entries after it.
func (r *Replayer) Finish() error {
	if r.checks == nil {
		return nil
	}
	return r.checks.finish()
}

// Apply decodes one entry as an event and applies it to its origin's
// state. Entries must come in order of index from 0.
func (r *Replayer) Apply(origin string, e ledger.Entry) error {
	ev, err := r.Decode(origin, e)
	if err != nil {
		return err
	}
	return r.ApplyDecoded(origin, e, ev)
}

// Decode decodes one entry as an event and checks it against the entry
// and its log, without the state: what replaying an entry does that does
// not depend on the entries before it. It is safe for concurrent use
// (ledger.AuditOptions.Decode runs it on several goroutines at once).
func (r *Replayer) Decode(origin string, e ledger.Entry) (any, error) {
	ev, err := assembly.DecodeEvent(e.Type, e.Payload)
	if err != nil {
		return nil, fmt.Errorf("entry %d: %w", e.Index, err)
	}
	if actor := ev.EventMeta().Actor; actor != e.Actor {
		return nil, fmt.Errorf("entry %d: the entry's actor %q differs from its event's %q", e.Index, e.Actor, actor)
	}
	if _, id, err := ledger.ParseOrigin(origin); err == nil && ev.EventMeta().Assembly != id {
		return nil, fmt.Errorf("entry %d: the event belongs to the assembly %q, not to this log's %q", e.Index, ev.EventMeta().Assembly, id)
	}
	return ev, nil
}

// ApplyDecoded applies an entry's event, as Decode returned it, to its
// origin's state. Entries must come in order of index from 0.
func (r *Replayer) ApplyDecoded(origin string, e ledger.Entry, decoded any) error {
	st := r.states[origin]
	if st == nil {
		st = assembly.NewState()
		st.VerifyBallots = r.audit && r.checks == nil
		if r.checks != nil {
			checks, s := r.checks, st
			// Apply hands over the check while it applies the entry,
			// whose index is then the state's event count.
			st.BallotCheck = func(check func() error) { checks.add(origin, int64(s.Events), check) }
		}
		r.states[origin] = st
	}
	if int64(st.Events) != e.Index {
		return fmt.Errorf("entry %d: expected entry %d next", e.Index, st.Events)
	}
	ev, ok := decoded.(assembly.Event)
	if !ok {
		return fmt.Errorf("entry %d: not a decoded event", e.Index)
	}
	if err := st.Apply(ev); err != nil {
		return fmt.Errorf("entry %d: %w", e.Index, err)
	}
	return nil
}

// AuditOptions returns the options that make ledger.Audit replay every
// entry into r: events decoded while the entries are read, several at
// once, and applied in order.
func (r *Replayer) AuditOptions() ledger.AuditOptions {
	return ledger.AuditOptions{Decode: r.Decode, Apply: r.ApplyDecoded}
}

// State returns the state replayed so far for origin, or nil.
func (r *Replayer) State(origin string) *assembly.State { return r.states[origin] }

// twins replays entries into two states at once, the writer's and the
// readers' (Assembly.durable), each event decoded once and copied
// (assembly.CloneEvent) so that the states share no memory.
type twins struct{ w, r *Replayer }

func newTwins() twins { return twins{NewReplayer(), NewReplayer()} }

func (t twins) decode(origin string, e ledger.Entry) (any, error) {
	w, err := t.w.Decode(origin, e)
	if err != nil {
		return nil, err
	}
	// A copy that shares nothing applying could change (a ballot, most
	// of a large record, is its own copy), else decoded again.
	if ev, ok := w.(assembly.Event); ok {
		if r, ok := assembly.CloneEvent(ev); ok {
			return [2]any{w, r}, nil
		}
	}
	r, err := t.r.Decode(origin, e)
	if err != nil {
		return nil, err
	}
	return [2]any{w, r}, nil
}

func (t twins) apply(origin string, e ledger.Entry, decoded any) error {
	d, ok := decoded.([2]any)
	if !ok {
		return fmt.Errorf("entry %d: not a decoded event", e.Index)
	}
	if err := t.w.ApplyDecoded(origin, e, d[0]); err != nil {
		return err
	}
	return t.r.ApplyDecoded(origin, e, d[1])
}

func (t twins) auditOptions() ledger.AuditOptions {
	return ledger.AuditOptions{Decode: t.decode, Apply: t.apply}
}

// states returns the two states replayed for origin (new ones if none).
func (t twins) states(origin string) (w, r *assembly.State) {
	w, r = t.w.State(origin), t.r.State(origin)
	if w == nil {
		w, r = assembly.NewState(), assembly.NewState()
	}
	return w, r
}

// ballotChecks runs the proof checks an audit replay hands over on a
// fixed number of goroutines, and keeps the failure of the earliest
// entry. Checks wait in a bounded queue, so the replay, which is faster
// than the checks, waits for them rather than holding every ballot.
type ballotChecks struct {
	workers int
	start   sync.Once
	jobs    chan ballotCheck
	wg      sync.WaitGroup
	mu      sync.Mutex
	fail    *ledger.AuditError
}

type ballotCheck struct {
	origin string
	index  int64
	check  func() error
}

func newBallotChecks(workers int) *ballotChecks {
	return &ballotChecks{workers: workers, jobs: make(chan ballotCheck, 256)}
}

func (b *ballotChecks) add(origin string, index int64, check func() error) {
	b.start.Do(func() {
		for range b.workers {
			b.wg.Add(1)
			go b.work()
		}
	})
	b.jobs <- ballotCheck{origin, index, check}
}

func (b *ballotChecks) work() {
	defer b.wg.Done()
	for j := range b.jobs {
		if err := j.check(); err != nil {
			b.mu.Lock()
			if b.fail == nil || j.index < b.fail.Index {
				b.fail = &ledger.AuditError{Origin: j.origin, Index: j.index, Reason: fmt.Sprintf("replay: entry %d: %v", j.index, err)}
			}
			b.mu.Unlock()
		}
	}
}

func (b *ballotChecks) finish() error {
	close(b.jobs)
	b.wg.Wait()
	if b.fail != nil {
		return b.fail
	}
	return nil
}
