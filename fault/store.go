// Package fault injects faults into plenum's write path, for tests. Store
// wraps a ledger.Store and fails, delays or loses the reply of chosen
// calls; Proxy stands between a PostgreSQL client and server and drops,
// delays or cuts the reply to a chosen COMMIT. The suite in this
// package's tests runs randomized rounds of commands through the engine
// and the API under them and checks the record after each (see
// docs/storage.md, "Faults").
package fault

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"plenum/ledger"
)

// lateCommitTimeout bounds a LateCommit append's wait for its store.
const lateCommitTimeout = 10 * time.Second

// ErrInjected is wrapped by every error a fault makes.
var ErrInjected = errors.New("fault: injected")

// Kind is a kind of fault.
type Kind int

// The kinds of faults Store injects.
const (
	// FailAppend fails an AppendBatch before it reaches the store:
	// nothing is stored. With a Delay, every call then fails for Delay
	// (the database went down).
	FailAppend Kind = iota
	// LoseReply lets an AppendBatch commit, then reports a failure, as a
	// reply lost on the way back does. With a Delay, every call then
	// fails for Delay (the database went down as it committed), so that
	// the outcome cannot be read back at once.
	LoseReply
	// LateCommit reports an AppendBatch failed at once, and commits it
	// Delay later, as a COMMIT held up on the way and delivered after the
	// client gave up does. Until it has, SettledHead waits for it (in
	// PostgreSQL the append holds the log's row lock).
	LateCommit
	// SlowAppend commits an AppendBatch after Delay, or fails it unstored
	// if the caller's context ends first.
	SlowAppend
	// FailRead fails one read: Head, SettledHead, Checkpoints,
	// ScanRecords, ReadRecords, SealedBallots or Blob.
	FailRead
	// Outage fails every call for Delay, from the At-th call (any call).
	Outage
	// Kinds the TCP proxy injects on a PostgreSQL COMMIT (see Proxy).
	DropReply  // the COMMIT reaches the server; its reply never comes back
	CutAfter   // the COMMIT reaches the server, its reply never comes back; then both connections are cut (with a Delay: every connection, for Delay)
	CutBefore  // both connections are cut instead of forwarding the COMMIT
	DelayReply // the COMMIT's reply is held back for Delay
	numKinds
)

var kindNames = [...]string{"fail-append", "lose-reply", "late-commit", "slow-append", "fail-read", "outage", "drop-reply", "cut-after-commit", "cut-before-commit", "delay-reply"}

func (k Kind) String() string {
	if k >= 0 && k < numKinds {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Kinds returns every kind, in order.
func Kinds() []Kind {
	out := make([]Kind, numKinds)
	for i := range out {
		out[i] = Kind(i)
	}
	return out
}

// Fault is one fault to inject: of Kind, on the At-th call it applies to
// counted from Arm (appends for the append kinds, reads for FailRead,
// any call for Outage; COMMITs for the proxy's kinds), from 1. Store
// counts the calls for each log apart: a fault armed for a log (Arm's
// origin) counts only the calls for it. An Outage fails every call,
// whatever its log.
type Fault struct {
	Kind  Kind
	At    int
	Delay time.Duration // LateCommit, SlowAppend, Outage, DelayReply, CutAfter
}

func (f Fault) String() string {
	if f.Delay > 0 {
		return fmt.Sprintf("%s at %d (%v)", f.Kind, f.At, f.Delay)
	}
	return fmt.Sprintf("%s at %d", f.Kind, f.At)
}

// Counts counts faults injected, by kind.
type Counts [numKinds]int

// Add adds c2 to c.
func (c *Counts) Add(c2 Counts) {
	for i := range c {
		c[i] += c2[i]
	}
}

func (c Counts) String() string {
	s := ""
	for k, n := range c {
		if n > 0 {
			if s != "" {
				s += ", "
			}
			s += fmt.Sprintf("%s %d", Kind(k), n)
		}
	}
	if s == "" {
		return "none"
	}
	return s
}

// Total returns the number of faults counted.
func (c Counts) Total() int {
	n := 0
	for _, x := range c {
		n += x
	}
	return n
}

// Store is a ledger.Store that injects the faults it is armed with into
// the calls it passes on. Its methods are safe for concurrent use.
type Store struct {
	ledger.Store

	tally
	mu     sync.Mutex
	armed  map[string]*armed // by origin ("": calls for no log)
	outage time.Time         // calls fail until then

	late sync.RWMutex // read-held by LateCommit appends not yet committed
}

var _ ledger.Store = (*Store)(nil)

// armed is the faults armed for one log and its calls counted since.
type armed struct {
	faults                []Fault
	appends, reads, calls int
}

// Wrap returns a Store passing calls on to st, with no fault armed.
func Wrap(st ledger.Store) *Store { return &Store{Store: st, armed: map[string]*armed{}} }

// Arm replaces the faults to inject into the calls for the log origin,
// and restarts the counts of its calls. Arm(origin) disarms it.
func (s *Store) Arm(origin string, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(faults) == 0 {
		delete(s.armed, origin)
		return
	}
	s.armed[origin] = &armed{faults: append([]Fault(nil), faults...)}
}

// Disarm disarms every fault and ends an outage.
func (s *Store) Disarm() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.armed = map[string]*armed{}
	s.outage = time.Time{}
}

// tally counts the faults injected, under its own lock.
type tally struct {
	mu sync.Mutex
	c  Counts
}

func (t *tally) add(k Kind) {
	t.mu.Lock()
	t.c[k]++
	t.mu.Unlock()
}

// Injected returns how many faults were injected so far, by kind, and
// clears the count.
func (t *tally) Injected() Counts {
	t.mu.Lock()
	defer t.mu.Unlock()
	c := t.c
	t.c = Counts{}
	return c
}

// Wait returns once every LateCommit append has committed.
func (s *Store) Wait() {
	s.late.Lock()
	s.late.Unlock()
}

// next counts a call for the log origin (an append if isAppend, else a
// read) and returns the fault to inject into it, if any.
func (s *Store) next(origin string, isAppend bool) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if time.Now().Before(s.outage) {
		return Fault{Kind: Outage}, true // counted once, when it began
	}
	a := s.armed[origin]
	if a == nil {
		return Fault{}, false
	}
	a.calls++
	if isAppend {
		a.appends++
	} else {
		a.reads++
	}
	for i, f := range a.faults {
		var n int
		switch {
		case f.Kind == Outage:
			n = a.calls
		case f.Kind == FailRead:
			if isAppend {
				continue
			}
			n = a.reads
		case f.Kind < FailRead:
			if !isAppend {
				continue
			}
			n = a.appends
		default:
			continue
		}
		if n != f.At {
			continue
		}
		a.faults = append(a.faults[:i:i], a.faults[i+1:]...)
		s.add(f.Kind)
		switch f.Kind {
		case Outage:
			s.outage = time.Now().Add(f.Delay)
		case FailAppend, LoseReply:
			if f.Delay > 0 {
				s.outage = time.Now().Add(f.Delay)
			}
		}
		return f, true
	}
	return Fault{}, false
}

func injected(f Fault, what string) error {
	return fmt.Errorf("%w: %s: %s", ErrInjected, f.Kind, what)
}

// AppendBatch implements ledger.Store, with the append faults.
func (s *Store) AppendBatch(ctx context.Context, origin string, b *ledger.Batch) error {
	f, ok := s.next(origin, true)
	if !ok {
		return s.Store.AppendBatch(ctx, origin, b)
	}
	switch f.Kind {
	case FailAppend, Outage:
		return injected(f, "the append did not reach the store")
	case LoseReply:
		if err := s.Store.AppendBatch(ctx, origin, b); err != nil {
			return err
		}
		return injected(f, "the append committed, and its reply was lost")
	case LateCommit:
		s.late.RLock()
		go func() {
			defer s.late.RUnlock()
			time.Sleep(f.Delay)
			// Bounded: its reply may be lost too (the proxy's faults).
			ctx, cancel := context.WithTimeout(context.Background(), lateCommitTimeout)
			defer cancel()
			s.Store.AppendBatch(ctx, origin, b)
		}()
		return injected(f, "no reply yet; the append commits later")
	default: // SlowAppend
		t := time.NewTimer(f.Delay)
		defer t.Stop()
		select {
		case <-t.C:
			return s.Store.AppendBatch(ctx, origin, b)
		case <-ctx.Done():
			return fmt.Errorf("%w: %s: %w", ErrInjected, f.Kind, ctx.Err())
		}
	}
}

// read injects the read faults into one read of the log origin.
func (s *Store) read(origin, what string) error {
	if f, ok := s.next(origin, false); ok {
		return injected(f, what+" failed")
	}
	return nil
}

// SettledHead implements ledger.Store: it waits for LateCommit appends.
func (s *Store) SettledHead(ctx context.Context, origin string) (ledger.Head, error) {
	if err := s.read(origin, "SettledHead"); err != nil {
		return ledger.Head{}, err
	}
	done := make(chan struct{})
	go func() {
		s.late.Lock()
		s.late.Unlock()
		close(done)
	}()
	select {
	case <-done:
	case <-ctx.Done():
		return ledger.Head{}, ctx.Err()
	}
	return s.Store.SettledHead(ctx, origin)
}

// Head implements ledger.Store.
func (s *Store) Head(ctx context.Context, origin string) (ledger.Head, error) {
	if err := s.read(origin, "Head"); err != nil {
		return ledger.Head{}, err
	}
	return s.Store.Head(ctx, origin)
}

// Checkpoints implements ledger.Store.
func (s *Store) Checkpoints(ctx context.Context, origin string, after int64, limit int) ([]ledger.StoredCheckpoint, error) {
	if err := s.read(origin, "Checkpoints"); err != nil {
		return nil, err
	}
	return s.Store.Checkpoints(ctx, origin, after, limit)
}

// ScanRecords implements ledger.Store.
func (s *Store) ScanRecords(ctx context.Context, origin string, start, end int64, fn func(r ledger.Record) error) error {
	if err := s.read(origin, "ScanRecords"); err != nil {
		return err
	}
	return s.Store.ScanRecords(ctx, origin, start, end, fn)
}

// ReadRecords implements ledger.Store.
func (s *Store) ReadRecords(ctx context.Context, origin string, indexes []int64) ([]ledger.Record, error) {
	if err := s.read(origin, "ReadRecords"); err != nil {
		return nil, err
	}
	return s.Store.ReadRecords(ctx, origin, indexes)
}

// SealedBallots implements ledger.Store.
func (s *Store) SealedBallots(ctx context.Context, origin, box string) ([]ledger.SealedBallot, error) {
	if err := s.read(origin, "SealedBallots"); err != nil {
		return nil, err
	}
	return s.Store.SealedBallots(ctx, origin, box)
}

// Blob implements ledger.Store.
func (s *Store) Blob(ctx context.Context, sum [32]byte) ([]byte, error) {
	if err := s.read("", "Blob"); err != nil {
		return nil, err
	}
	return s.Store.Blob(ctx, sum)
}
