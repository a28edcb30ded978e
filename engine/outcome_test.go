package engine_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/engine"
	"plenum/fault"
	"plenum/ledger"
	"plenum/store/sqlite"
)

// coopOrigin is the origin of the test assembly's log.
const coopOrigin = ledger.DefaultServerName + "/log/coop"

// faultyEnv is a testEnv whose engine writes through a fault.Store, with
// short timeouts.
func faultyEnv(t *testing.T, voters int) (*testEnv, *fault.Store) {
	t.Helper()
	env := newTestEnv(t)
	env.setup(voters)
	env.must("admin", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	env.close()
	st, err := sqlite.Open(env.path)
	if err != nil {
		t.Fatal(err)
	}
	fs := fault.Wrap(st)
	eng, err := engine.Open(context.Background(), fs, engine.Options{Signer: env.signer, Verifiers: note.VerifierList(env.verifier),
		AppendTimeout: time.Second, SettleTimeout: 2 * time.Second})
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	env.store, env.eng = st, eng
	return env, fs
}

func (env *testEnv) ballot(voter, key string) (*engine.Result, error) {
	e := env.envelope(voter, "cast_ballot", obj{"vote": "v1", "voter": voter, "choice": "for"})
	e.Key = key
	return env.eng.Submit(context.Background(), e)
}

// replayed returns the state replayed from the store, to compare with the
// engine's.
func (env *testEnv) replayed() *assembly.State {
	env.t.Helper()
	r := engine.NewReplayer()
	if _, err := ledger.Audit(context.Background(), env.store, note.VerifierList(env.verifier), ledger.AuditOptions{Replay: r.Apply}); err != nil {
		env.t.Fatalf("audit: %v", err)
	}
	origin, _ := ledger.Origin(ledger.DefaultServerName, "coop")
	return r.State(origin)
}

func TestFailedAppendRecordsNothing(t *testing.T) {
	env, fs := faultyEnv(t, 2)
	size := env.logSize()
	fs.Arm(coopOrigin, fault.Fault{Kind: fault.FailAppend, At: 1})
	_, err := env.ballot("d0", "b0")
	if !errors.Is(err, engine.ErrNotRecorded) || !errors.Is(err, ledger.ErrNotAppended) {
		t.Fatalf("ballot through a failing append: %v, want not recorded", err)
	}
	if env.logSize() != size || len(env.state().Votes["v1"].Ballots) != 0 || !reflect.DeepEqual(env.state(), env.replayed()) {
		t.Fatal("a failed append changed the log, or left its ballot in the state")
	}
	// Sent again with the same key: recorded now, once; then replayed.
	r, err := env.ballot("d0", "b0")
	if err != nil || r.Replayed || r.First() != size {
		t.Fatalf("retry = %+v, %v; want new at %d", r, err, size)
	}
	r2, err := env.ballot("d0", "b0")
	if err != nil || !r2.Replayed || r2.First() != size || r2.Events[0].Leaf != r.Events[0].Leaf {
		t.Fatalf("second retry = %+v, %v; want replayed at %d", r2, err, size)
	}
	if !reflect.DeepEqual(env.state(), env.replayed()) {
		t.Fatal("the engine's state differs from the record's")
	}
}

// TestLostReplyIsAnsweredAsRecorded: the store commits but its reply is
// lost (or comes too late): the engine reads the record back and answers
// as recorded, once, and a retry is replayed — the double ballot of issue
// 10, item 1, cannot happen.
func TestLostReplyIsAnsweredAsRecorded(t *testing.T) {
	for _, f := range []fault.Fault{{Kind: fault.LoseReply, At: 1}, {Kind: fault.LateCommit, At: 1, Delay: 300 * time.Millisecond}} {
		t.Run(f.Kind.String(), func(t *testing.T) {
			env, fs := faultyEnv(t, 2)
			size := env.logSize()
			fs.Arm(coopOrigin, f)
			r, err := env.ballot("d0", "b0")
			if err != nil || r.Replayed || r.First() != size {
				t.Fatalf("ballot = %+v, %v; want recorded at %d", r, err, size)
			}
			if fs.Injected()[f.Kind] != 1 {
				t.Fatal("the fault was not injected")
			}
			r2, err := env.ballot("d0", "b0")
			if err != nil || !r2.Replayed || r2.First() != size {
				t.Fatalf("retry = %+v, %v; want replayed at %d", r2, err, size)
			}
			if n := len(env.state().Votes["v1"].Ballots); n != 1 || env.logSize() != size+1 {
				t.Fatalf("%d ballots, log size %d; want 1 ballot at %d", n, env.logSize(), size)
			}
			if !reflect.DeepEqual(env.state(), env.replayed()) {
				t.Fatal("the engine's state differs from the record's")
			}
			env.close()
			env.open() // and the record opens again
		})
	}
}

// TestMovedLogIsReloaded has two engines write one store, as two servers
// on one PostgreSQL database would: the stale one's append is fenced, it
// reloads, and a retry of a command the other recorded is replayed.
func TestMovedLogIsReloaded(t *testing.T) {
	env, _ := faultyEnv(t, 3)
	other, err := engine.Open(context.Background(), env.store, engine.Options{Signer: env.signer, Verifiers: note.VerifierList(env.verifier)})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := env.ballot("d0", "b0"); err != nil {
		t.Fatal(err)
	}
	// other has not seen d0's ballot: its append is refused and nothing of
	// it recorded; then it knows the ballot.
	e := env.envelope("d1", "cast_ballot", obj{"vote": "v1", "voter": "d1", "choice": "against"})
	e.Key = "b1"
	if _, err := other.Submit(context.Background(), e); !errors.Is(err, engine.ErrNotRecorded) || !errors.Is(err, ledger.ErrConflict) {
		t.Fatalf("stale writer: %v, want not recorded (conflict)", err)
	}
	e0 := env.envelope("d0", "cast_ballot", obj{"vote": "v1", "voter": "d0", "choice": "for"})
	e0.Key = "b0"
	if r, err := other.Submit(context.Background(), e0); err != nil || !r.Replayed {
		t.Fatalf("d0's retry through the other writer: %+v, %v; want replayed", r, err)
	}
	r1, err := other.Submit(context.Background(), e)
	if err != nil || r1.Replayed {
		t.Fatalf("d1's retry: %+v, %v", r1, err)
	}
	// Now env is stale: d1 retries there, and the record answers.
	if r, err := env.eng.Submit(context.Background(), e); err != nil || !r.Replayed || r.First() != r1.First() {
		t.Fatalf("d1's retry through the stale writer: %+v, %v; want replayed at %d", r, err, r1.First())
	}
	if n := len(env.state().Votes["v1"].Ballots); n != 2 || !reflect.DeepEqual(env.state(), env.replayed()) {
		t.Fatalf("%d ballots; the state must be the record's", n)
	}
}

// TestUnknownOutcomeSuspendsThenResumes: the reply of an append is lost
// and then the store cannot be read for a while. The command is answered
// "not known yet", every command meanwhile is refused at once (none
// hangs), and once the store answers the assembly resumes on what the
// record holds, answering the retry from it.
func TestUnknownOutcomeSuspendsThenResumes(t *testing.T) {
	env, fs := faultyEnv(t, 3)
	size := env.logSize()
	fs.Arm(coopOrigin, fault.Fault{Kind: fault.LoseReply, At: 1}, fault.Fault{Kind: fault.Outage, At: 2, Delay: 2 * time.Second})
	_, err := env.ballot("d0", "b0")
	if !errors.Is(err, engine.ErrSuspended) || !errors.Is(err, ledger.ErrOutcomeUnknown) {
		t.Fatalf("ballot: %v, want suspended with an unknown outcome", err)
	}
	if _, err := env.ballot("d1", "b1"); !errors.Is(err, engine.ErrSuspended) {
		t.Fatalf("a ballot while suspended: %v, want suspended", err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		r, err := env.ballot("d0", "b0")
		if err == nil {
			if !r.Replayed || r.First() != size {
				t.Fatalf("retry after the outage = %+v; want replayed at %d", r, size)
			}
			break
		}
		if !errors.Is(err, engine.ErrSuspended) || time.Now().After(deadline) {
			t.Fatalf("retry: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if r, err := env.ballot("d1", "b1"); err != nil || r.Replayed {
		t.Fatalf("d1 after the outage: %+v, %v", r, err)
	}
	if !reflect.DeepEqual(env.state(), env.replayed()) {
		t.Fatal("the engine's state differs from the record's")
	}
}

// TestStoppedWriterAnswersEveryRequest: commands given to an assembly
// whose writer has stopped are all answered (issue 10, item 5: one queued
// after the writer returned waited forever).
func TestStoppedWriterAnswersEveryRequest(t *testing.T) {
	env := newTestEnv(t)
	env.setup(1)
	eng := env.eng
	eng.Close()
	const n = 200
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		e := env.envelope("admin", "add_item", obj{"id": fmt.Sprintf("x%d", i), "title": "X"})
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := eng.Submit(context.Background(), e)
			errs <- err
		}()
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("%d of %d commands to a stopped assembly still unanswered after 10s", n-len(errs), n)
	}
	close(errs)
	for err := range errs {
		if !errors.Is(err, ledger.ErrClosed) {
			t.Fatalf("a command to a stopped assembly: %v, want closed", err)
		}
	}
}

// TestCommandQueuedAsTheWriterReturnsIsAnswered: a command queued after
// the writer last looked at its queue, as it returns, is answered (its
// sender waits for its answer alone, not also for the writer's end).
func TestCommandQueuedAsTheWriterReturnsIsAnswered(t *testing.T) {
	env := newTestEnv(t)
	env.setup(1)
	eng := env.eng
	late := env.envelope("admin", "add_item", obj{"id": "late", "title": "Late"})
	returning := make(chan struct{})
	defer engine.SetWriterReturning(func(a *engine.Assembly) {
		close(returning)
		// Until the command is queued, or for long enough.
		for end := time.Now().Add(5 * time.Second); engine.Queued(a) == 0 && time.Now().Before(end); {
			time.Sleep(time.Millisecond)
		}
	})()
	go eng.Close()
	<-returning
	answered := make(chan error, 1)
	go func() {
		_, err := eng.Submit(context.Background(), late)
		answered <- err
	}()
	select {
	case err := <-answered:
		if !errors.Is(err, ledger.ErrClosed) {
			t.Fatalf("a command queued as the writer returned: %v, want closed", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a command queued as the writer returned still unanswered after 10s")
	}
}

// TestCloseDoesNotWaitForAStuckStore: closing the engine while an append
// hangs on the store ends it; the command is answered (its outcome not
// known), and Close returns without waiting for the store.
func TestCloseDoesNotWaitForAStuckStore(t *testing.T) {
	env, fs := faultyEnv(t, 1)
	eng, err := engine.Open(context.Background(), fs, engine.Options{Signer: env.signer, Verifiers: note.VerifierList(env.verifier),
		AppendTimeout: time.Minute, SettleTimeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	env.eng.Close()
	env.eng = eng
	fs.Arm(coopOrigin, fault.Fault{Kind: fault.SlowAppend, At: 1, Delay: time.Minute})
	answered := make(chan error, 1)
	go func() {
		_, err := env.ballot("d0", "b0")
		answered <- err
	}()
	time.Sleep(200 * time.Millisecond) // the append is under way
	closed := make(chan struct{})
	go func() { eng.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("Close waited for a store that does not answer")
	}
	if err := <-answered; !errors.Is(err, ledger.ErrOutcomeUnknown) && !errors.Is(err, engine.ErrNotRecorded) {
		t.Fatalf("the command in flight: %v; want its outcome unknown, or not recorded", err)
	}
}

// TestSecretCloseUnderFaults: the append that closes a secret vote (and
// empties its box) fails, then has its reply lost: the failed one leaves
// the box whole, the lost one is read back as committed — the box empty,
// every ballot counted once — and a retry is replayed.
func TestSecretCloseUnderFaults(t *testing.T) {
	env := newTestEnv(t)
	env.setup(3)
	env.must("admin", "open_vote", obj{"id": "v1", "motion": "m1", "method": "secret"})
	env.must("d0", "cast_ballot", obj{"vote": "v1", "voter": "d0", "choice": "for"})
	env.close()
	st, err := sqlite.Open(env.path)
	if err != nil {
		t.Fatal(err)
	}
	fs := fault.Wrap(st)
	eng, err := engine.Open(context.Background(), fs, engine.Options{Signer: env.signer, Verifiers: note.VerifierList(env.verifier),
		AppendTimeout: time.Second, SettleTimeout: 2 * time.Second})
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	env.store, env.eng = st, eng
	// A ballot whose reply is lost is in the box once.
	fs.Arm(coopOrigin, fault.Fault{Kind: fault.LoseReply, At: 1})
	e := env.envelope("d1", "cast_ballot", obj{"vote": "v1", "voter": "d1", "choice": "against"})
	e.Key = "b1"
	if r, err := env.eng.Submit(context.Background(), e); err != nil || r.Replayed {
		t.Fatalf("ballot with a lost reply: %+v, %v", r, err)
	}
	env.must("d2", "cast_ballot", obj{"vote": "v1", "voter": "d2", "choice": "for"})
	box := func() int {
		a, _ := env.eng.Assembly("coop")
		b, err := a.Log().SealedBallots(context.Background(), "v1")
		if err != nil {
			t.Fatal(err)
		}
		return len(b)
	}
	if n := box(); n != 3 {
		t.Fatalf("the box holds %d ballots, want 3", n)
	}
	closing := func() (*engine.Result, error) {
		e := env.envelope("admin", "close_vote", obj{"vote": "v1"})
		e.Key = "close-1"
		return env.eng.Submit(context.Background(), e)
	}
	fs.Arm(coopOrigin, fault.Fault{Kind: fault.FailAppend, At: 1})
	if _, err := closing(); !errors.Is(err, engine.ErrNotRecorded) {
		t.Fatalf("close through a failing append: %v, want not recorded", err)
	}
	if n := box(); n != 3 || env.state().Votes["v1"].Status != assembly.VoteStatusOpen {
		t.Fatalf("after a failed close the box holds %d, the vote is %s", n, env.state().Votes["v1"].Status)
	}
	fs.Arm(coopOrigin, fault.Fault{Kind: fault.LoseReply, At: 1})
	r, err := closing()
	if err != nil || r.Replayed {
		t.Fatalf("close with a lost reply: %+v, %v; want recorded", r, err)
	}
	if r2, err := closing(); err != nil || !r2.Replayed || r2.First() != r.First() {
		t.Fatalf("retry of the close: %+v, %v; want replayed", r2, err)
	}
	if n := box(); n != 0 {
		t.Fatalf("after the close the box holds %d", n)
	}
	if got := env.state().Votes["v1"].Sealed; len(got) != 3 {
		t.Fatalf("%d sealed ballots, want 3", len(got))
	}
	if !reflect.DeepEqual(env.state(), env.replayed()) {
		t.Fatal("the engine's state differs from the record's")
	}
}

// TestReadDuringSlowAppendSeesTheDurableState: while a batch's append
// waits on the store, a reader is answered at once, with the state of the
// durable record (without the batch): readers never wait for a sync, and
// see nothing before it is durable. Once the command is answered, they
// see it.
func TestReadDuringSlowAppendSeesTheDurableState(t *testing.T) {
	env, fs := faultyEnv(t, 3)
	env.eng.Close()
	eng, err := engine.Open(context.Background(), fs, engine.Options{Signer: env.signer, Verifiers: note.VerifierList(env.verifier),
		AppendTimeout: time.Minute, SettleTimeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	env.eng = eng
	a, _ := eng.Assembly("coop")
	size := env.logSize()
	fs.Injected()
	fs.Arm(coopOrigin, fault.Fault{Kind: fault.SlowAppend, At: 1, Delay: 3 * time.Second})
	answered := make(chan error, 1)
	go func() {
		_, err := env.ballot("d0", "b0")
		answered <- err
	}()
	// Wait until the writer is in the slow append.
	for fs.Injected()[fault.SlowAppend] == 0 {
		time.Sleep(time.Millisecond)
	}
	var events, ballots int
	a.Read(func(s *assembly.State) { events, ballots = s.Events, len(s.Votes["v1"].Ballots) })
	select {
	case err := <-answered:
		t.Fatalf("the ballot was answered (%v) before a read during its append returned", err)
	default:
	}
	if int64(events) != size || ballots != 0 {
		t.Fatalf("a read during the append saw %d events and %d ballots; want the durable %d and 0", events, ballots, size)
	}
	if next := a.Feed().Next(); next != size {
		t.Fatalf("the feed's next event is %d during the append, want %d: it published before the batch was durable", next, size)
	}
	if err := <-answered; err != nil {
		t.Fatal(err)
	}
	a.Read(func(s *assembly.State) { events, ballots = s.Events, len(s.Votes["v1"].Ballots) })
	if int64(events) != size+1 || ballots != 1 {
		t.Fatalf("after the answer a read saw %d events and %d ballots; want %d and 1", events, ballots, size+1)
	}
	if !reflect.DeepEqual(env.state(), env.replayed()) {
		t.Fatal("the readers' state differs from the record's")
	}
}
