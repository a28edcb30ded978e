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

// ErrInjected is wrapped by every error a fault makes.
var ErrInjected = errors.New("fault: injected")

// Kind is a kind of fault.
type Kind int

// The kinds of faults Store injects.
const (
	// FailAppend fails an AppendBatch before it reaches the store:
	// nothing is stored.
	FailAppend Kind = iota
	// LoseReply lets an AppendBatch commit, then reports a failure, as a
	// reply lost on the way back does.
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
	// Outage fails every call for Delay.
	Outage
	// Kinds the TCP proxy injects on a PostgreSQL COMMIT (see Proxy).
	DropReply  // the COMMIT reaches the server; its reply never comes back
	CutAfter   // the COMMIT reaches the server; then both connections are cut
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
// any call for Outage; COMMITs for the proxy's kinds), from 1.
type Fault struct {
	Kind  Kind
	At    int
	Delay time.Duration // LateCommit, SlowAppend, Outage, DelayReply
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

	mu       sync.Mutex
	faults   []Fault
	appends  int
	reads    int
	calls    int
	outage   time.Time // calls fail until then
	injected Counts

	late sync.RWMutex // read-held by LateCommit appends not yet committed
}

var _ ledger.Store = (*Store)(nil)

// Wrap returns a Store passing calls on to st, with no fault armed.
func Wrap(st ledger.Store) *Store { return &Store{Store: st} }

// Arm replaces the faults to inject and restarts the counts of calls
// they refer to.
func (s *Store) Arm(faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append([]Fault(nil), faults...)
	s.appends, s.reads, s.calls = 0, 0, 0
}

// Injected returns how many faults were injected so far, by kind, and
// clears the count.
func (s *Store) Injected() Counts {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.injected
	s.injected = Counts{}
	return c
}

// Wait returns once every LateCommit append has committed.
func (s *Store) Wait() {
	s.late.Lock()
	s.late.Unlock()
}

// next counts a call (an append if isAppend, else a read) and returns the
// fault to inject into it, if any.
func (s *Store) next(isAppend bool) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	if time.Now().Before(s.outage) {
		s.injected[Outage]++
		return Fault{Kind: Outage}, true
	}
	if isAppend {
		s.appends++
	} else {
		s.reads++
	}
	for i, f := range s.faults {
		var n int
		switch {
		case f.Kind == Outage:
			n = s.calls
		case f.Kind == FailRead:
			if isAppend {
				continue
			}
			n = s.reads
		case f.Kind < FailRead:
			if !isAppend {
				continue
			}
			n = s.appends
		default:
			continue
		}
		if n != f.At {
			continue
		}
		s.faults = append(s.faults[:i:i], s.faults[i+1:]...)
		s.injected[f.Kind]++
		if f.Kind == Outage {
			s.outage = time.Now().Add(f.Delay)
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
	f, ok := s.next(true)
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
			s.Store.AppendBatch(context.Background(), origin, b)
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

// read injects the read faults into one read.
func (s *Store) read(what string) error {
	if f, ok := s.next(false); ok {
		return injected(f, what+" failed")
	}
	return nil
}

// SettledHead implements ledger.Store: it waits for LateCommit appends.
func (s *Store) SettledHead(ctx context.Context, origin string) (ledger.Head, error) {
	if err := s.read("SettledHead"); err != nil {
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
	if err := s.read("Head"); err != nil {
		return ledger.Head{}, err
	}
	return s.Store.Head(ctx, origin)
}

// Checkpoints implements ledger.Store.
func (s *Store) Checkpoints(ctx context.Context, origin string, after int64, limit int) ([]ledger.StoredCheckpoint, error) {
	if err := s.read("Checkpoints"); err != nil {
		return nil, err
	}
	return s.Store.Checkpoints(ctx, origin, after, limit)
}

// ScanRecords implements ledger.Store.
func (s *Store) ScanRecords(ctx context.Context, origin string, start, end int64, fn func(r ledger.Record) error) error {
	if err := s.read("ScanRecords"); err != nil {
		return err
	}
	return s.Store.ScanRecords(ctx, origin, start, end, fn)
}

// ReadRecords implements ledger.Store.
func (s *Store) ReadRecords(ctx context.Context, origin string, indexes []int64) ([]ledger.Record, error) {
	if err := s.read("ReadRecords"); err != nil {
		return nil, err
	}
	return s.Store.ReadRecords(ctx, origin, indexes)
}

// SealedBallots implements ledger.Store.
func (s *Store) SealedBallots(ctx context.Context, origin, box string) ([]ledger.SealedBallot, error) {
	if err := s.read("SealedBallots"); err != nil {
		return nil, err
	}
	return s.Store.SealedBallots(ctx, origin, box)
}

// Blob implements ledger.Store.
func (s *Store) Blob(ctx context.Context, sum [32]byte) ([]byte, error) {
	if err := s.read("Blob"); err != nil {
		return nil, err
	}
	return s.Store.Blob(ctx, sum)
}
