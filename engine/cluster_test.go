package engine_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/engine"
	"plenum/ledger"
)

// leaseTable is a cluster's leases in memory: who holds which log.
type leaseTable struct {
	mu   sync.Mutex
	held map[string]*fakeLease
}

type fakeLease struct {
	holder string
	lost   chan struct{}
	once   sync.Once
}

func (l *fakeLease) Held() bool {
	select {
	case <-l.lost:
		return false
	default:
		return true
	}
}
func (l *fakeLease) Lost() <-chan struct{} { return l.lost }
func (l *fakeLease) Err() error {
	if l.Held() {
		return nil
	}
	return errors.New("lost")
}
func (l *fakeLease) Release(context.Context) error {
	l.once.Do(func() { close(l.lost) })
	return nil
}

// node is one engine's view of the table.
type node struct {
	t    *leaseTable
	name string
}

func (n node) Acquire(_ context.Context, origin string) (engine.Lease, error) {
	n.t.mu.Lock()
	defer n.t.mu.Unlock()
	if l := n.t.held[origin]; l != nil && l.Held() {
		return nil, &engine.NotWriterError{Holder: l.holder}
	}
	l := &fakeLease{holder: n.name, lost: make(chan struct{})}
	n.t.held[origin] = l
	return l, nil
}

// lose takes the log's lease from its holder, as an expiry does.
func (t *leaseTable) lose(origin string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if l := t.held[origin]; l != nil {
		l.Release(context.Background())
	}
}

// TestWriterAndFollower: two engines on one store, as two nodes of a
// cluster. Only the holder of an assembly's lease decides its commands;
// the other answers them with a NotWriterError naming the holder,
// recording nothing, and follows: told the log grew, its readers' state
// and its feed get every event, in order, once. When the lease is lost,
// the old writer decides nothing more, and the other node takes the
// lease on its next command, reading the log's head first.
func TestWriterAndFollower(t *testing.T) {
	env := newTestEnv(t)
	table := &leaseTable{held: map[string]*fakeLease{}}
	vs := note.VerifierList(env.verifier)
	openNode := func(name string) *engine.Engine {
		e, err := engine.Open(context.Background(), env.store, engine.Options{Signer: env.signer, Verifiers: vs, Leases: node{table, name}})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { e.Close() })
		return e
	}
	env.eng.Close()
	a := openNode("a")
	env.eng = a
	env.must("admin", "create_assembly", obj{"id": "coop", "name": "Spring general meeting", "starts": "2026-05-09", "rules": "congress"})
	b := openNode("b")
	origin, _ := ledger.Origin(ledger.DefaultServerName, "coop")
	ab, _ := b.Assembly("coop")
	aa, _ := a.Assembly("coop")
	if !aa.Writing() || ab.Writing() {
		t.Fatalf("writing: a %v, b %v", aa.Writing(), ab.Writing())
	}

	// b refuses, naming a, and records nothing.
	size := aa.Log().Size()
	_, err := b.Submit(context.Background(), env.envelope("admin", "add_person", obj{"id": "p0", "name": "P0"}))
	var nw *engine.NotWriterError
	if !errors.As(err, &nw) || nw.Holder != "a" || nw.Assembly != "coop" || !errors.Is(err, engine.ErrNotWriter) {
		t.Fatalf("a command on the follower: %v", err)
	}
	if aa.Log().Size() != size {
		t.Fatal("the follower recorded a command")
	}

	// b follows a's appends: state and feed.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for i := range 5 {
		env.must("admin", "add_person", obj{"id": "p" + string(rune('1'+i)), "name": "P"})
	}
	b.Grown(origin, aa.Log().Size())
	b.Grown(origin, aa.Log().Size()) // heard twice: read once
	want := aa.Log().Size()
	var got []int64
	for int64(len(got)) < want {
		ups, err := ab.Feed().Wait(ctx, int64(len(got)), 100)
		if err != nil {
			t.Fatalf("b's feed after %d events: %v", len(got), err)
		}
		for _, u := range ups {
			if u.Index != int64(len(got)) {
				t.Fatalf("b's feed gave %d after %d events", u.Index, len(got))
			}
			got = append(got, u.Index)
		}
	}
	persons := func(a *engine.Assembly) (n int) {
		a.Read(func(s *assembly.State) { n = len(s.Persons) })
		return n
	}
	if persons(ab) != 5 || ab.Log().Size() != want {
		t.Fatalf("b's state has %d persons and its log %d entries; want 5, %d", persons(ab), ab.Log().Size(), want)
	}

	// a loses its lease: it decides nothing more; b takes the lease on
	// its next command. A command a appends meanwhile, and b has not
	// heard of, is read before b decides.
	env.must("admin", "add_person", obj{"id": "late", "name": "Late"})
	table.lose(origin)
	// b, told a moment ago that a holds the lease, believes it for 200
	// ms without asking again.
	time.Sleep(250 * time.Millisecond)
	env.eng = b
	env.must("admin", "add_person", obj{"id": "q", "name": "Q"})
	if !ab.Writing() || persons(ab) != 7 {
		t.Fatalf("b after taking over: writing %v, %d persons", ab.Writing(), persons(ab))
	}
	env.eng = a
	if _, err := env.submit("admin", "add_person", obj{"id": "r", "name": "R"}); !errors.As(err, &nw) || nw.Holder != "b" {
		t.Fatalf("the old writer's command: %v", err)
	}
	a.Grown(origin, ab.Log().Size())
	deadline := time.Now().Add(5 * time.Second)
	for persons(aa) != 7 {
		if time.Now().After(deadline) {
			t.Fatalf("a, following, has %d persons", persons(aa))
		}
		time.Sleep(10 * time.Millisecond)
	}

	// An assembly created on b is opened on a when a hears of it.
	envl := env.envelope("admin", "create_assembly", obj{"id": "other", "name": "Other", "starts": "2026-05-09", "rules": "congress"})
	envl.Assembly = "other"
	if _, err := b.Submit(context.Background(), envl); err != nil {
		t.Fatal(err)
	}
	o2, _ := ledger.Origin(ledger.DefaultServerName, "other")
	a.Gap(map[string]int64{o2: 1, origin: ab.Log().Size()})
	for {
		if _, ok := a.Assembly("other"); ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("a did not open the assembly created on b")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// rereadStore returns, once armed, a record's bytes as stored the first
// time it is scanned and altered on every later scan (a store that lies
// on a second reading, or whose rows changed in between).
type rereadStore struct {
	ledger.Store
	mu      sync.Mutex
	armed   bool
	scanned map[int64]bool
}

func (s *rereadStore) ScanRecords(ctx context.Context, o string, start, end int64, fn func(ledger.Record) error) error {
	return s.Store.ScanRecords(ctx, o, start, end, func(r ledger.Record) error {
		s.mu.Lock()
		again := s.armed && s.scanned[r.Index]
		if s.armed {
			s.scanned[r.Index] = true
		}
		s.mu.Unlock()
		if again {
			r.Data = bytes.ReplaceAll(r.Data, []byte("Pyotr"), []byte("Judas"))
		}
		return fn(r)
	})
}

// writerAndFollower opens two engines as two nodes of a cluster: a on
// env's store, the writer of the assembly "coop", which it creates, and b
// on st (env's store, or one wrapping it), a follower.
func writerAndFollower(t *testing.T, env *testEnv, st ledger.Store) (a, b *engine.Engine, table *leaseTable) {
	t.Helper()
	table = &leaseTable{held: map[string]*fakeLease{}}
	vs := note.VerifierList(env.verifier)
	env.eng.Close()
	a, err := engine.Open(context.Background(), env.store, engine.Options{Signer: env.signer, Verifiers: vs, Leases: node{table, "a"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	env.eng = a
	env.must("admin", "create_assembly", obj{"id": "coop", "name": "Spring general meeting", "starts": "2026-05-09", "rules": "congress"})
	b, err = engine.Open(context.Background(), st, engine.Options{Signer: env.signer, Verifiers: vs, Leases: node{table, "b"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return a, b, table
}

// TestFollowerAppliesWhatItChecked: a follower applies the entries whose
// hashes and checkpoint it checked, not a second reading of them.
func TestFollowerAppliesWhatItChecked(t *testing.T) {
	env := newTestEnv(t)
	st := &rereadStore{Store: env.store, scanned: map[int64]bool{}}
	a, b, _ := writerAndFollower(t, env, st)
	ab, _ := b.Assembly("coop")
	aa, _ := a.Assembly("coop")
	st.mu.Lock()
	st.armed = true
	st.mu.Unlock()

	for i := range 3 {
		env.must("admin", "add_person", obj{"id": fmt.Sprintf("p%d", i), "name": "Pyotr"})
	}
	origin, _ := ledger.Origin(ledger.DefaultServerName, "coop")
	b.Grown(origin, aa.Log().Size())
	deadline := time.Now().Add(10 * time.Second)
	for {
		var names []string
		ab.Read(func(s *assembly.State) {
			for _, p := range s.Persons {
				names = append(names, p.Name)
			}
		})
		if len(names) == 3 {
			for _, n := range names {
				if n != "Pyotr" {
					t.Fatalf("the follower applied a person named %q: not the entry it checked", n)
				}
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the follower has %d persons", len(names))
		}
		time.Sleep(10 * time.Millisecond)
	}
	if ab.Log().Size() != aa.Log().Size() {
		t.Fatalf("the follower's log has %d entries, the writer's %d", ab.Log().Size(), aa.Log().Size())
	}
}

// heldHead is a store whose Head, once armed, waits until released: a
// follower's writer busy reading what another node appended.
type heldHead struct {
	ledger.Store
	mu      sync.Mutex
	armed   bool
	entered chan struct{}
	release chan struct{}
}

func (s *heldHead) Head(ctx context.Context, o string) (ledger.Head, error) {
	s.mu.Lock()
	armed := s.armed
	s.armed = false
	s.mu.Unlock()
	if armed {
		close(s.entered)
		<-s.release
	}
	return s.Store.Head(ctx, o)
}

// TestFollowerRefusesWithoutWaiting: a follower that has just found its
// assembly's lease held by another node answers the commands that follow
// so (NotWriterError, nothing recorded) without waiting for its writer,
// which may be busy reading what that node appended: the commands it
// forwards do not queue behind the reading. Once it is to take the lease
// over (TakeOver), it no longer answers so, and decides the next command.
func TestFollowerRefusesWithoutWaiting(t *testing.T) {
	defer engine.SetHeldFor(time.Minute)()
	env := newTestEnv(t)
	st := &heldHead{Store: env.store, entered: make(chan struct{}), release: make(chan struct{})}
	a, b, table := writerAndFollower(t, env, st)
	aa, _ := a.Assembly("coop")
	ab, _ := b.Assembly("coop")
	origin, _ := ledger.Origin(ledger.DefaultServerName, "coop")
	refused := func(what string) {
		t.Helper()
		_, err := b.Submit(context.Background(), env.envelope("admin", "add_person", obj{"id": "x", "name": "X"}))
		var nw *engine.NotWriterError
		if !errors.As(err, &nw) || nw.Holder != "a" || nw.Assembly != "coop" {
			t.Fatalf("%s: %v", what, err)
		}
	}
	refused("a command on the follower")

	// b's writer reads what a appended, and waits there.
	env.must("admin", "add_person", obj{"id": "p1", "name": "P1"})
	st.mu.Lock()
	st.armed = true
	st.mu.Unlock()
	b.Grown(origin, aa.Log().Size())
	select {
	case <-st.entered:
	case <-time.After(10 * time.Second):
		t.Fatal("the follower did not read the log")
	}
	answered := make(chan struct{})
	go func() {
		defer close(answered)
		refused("a command while the follower's writer reads")
	}()
	select {
	case <-answered:
	case <-time.After(5 * time.Second):
		close(st.release)
		<-answered
		t.Fatal("the follower's command waited for its writer's reading")
	}
	close(st.release)
	size := aa.Log().Size()
	if ab.Writing() {
		t.Fatal("the follower writes")
	}

	// a's lease expires; b takes it over, and decides the next command.
	table.lose(origin)
	b.TakeOver(origin)
	deadline := time.Now().Add(10 * time.Second)
	for !ab.Writing() {
		if time.Now().After(deadline) {
			t.Fatal("b did not take the lease over")
		}
		time.Sleep(10 * time.Millisecond)
	}
	env.eng = b
	env.must("admin", "add_person", obj{"id": "q", "name": "Q"})
	if ab.Log().Size() != size+1 {
		t.Fatalf("b's log has %d entries after its command; want %d", ab.Log().Size(), size+1)
	}
}

// logged is a log's output, written from any goroutine.
type logged struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logged) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logged) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// waitFor waits until l holds s.
func (l *logged) waitFor(t *testing.T, s string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(l.String(), s) {
		if time.Now().After(deadline) {
			t.Fatalf("not logged: %q; the log:\n%s", s, l.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// failingHead is a store whose Head fails while failing is set.
type failingHead struct {
	ledger.Store
	failing atomic.Bool
}

func (s *failingHead) Head(ctx context.Context, o string) (ledger.Head, error) {
	if s.failing.Load() {
		return ledger.Head{}, errors.New("the database is down")
	}
	return s.Store.Head(ctx, o)
}

// TestEngineLogger: what an engine reports on its own (a lease taken and
// lost, a follow that failed) goes to Options.Logger, not to slog's
// default logger.
func TestEngineLogger(t *testing.T) {
	var def logged
	old := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&def, nil)))
	t.Cleanup(func() { slog.SetDefault(old) })

	env := newTestEnv(t)
	table := &leaseTable{held: map[string]*fakeLease{}}
	vs := note.VerifierList(env.verifier)
	env.eng.Close()
	var la, lb logged
	a, err := engine.Open(context.Background(), env.store, engine.Options{Signer: env.signer, Verifiers: vs, Leases: node{table, "a"},
		Logger: slog.New(slog.NewTextHandler(&la, nil))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	env.eng = a
	env.must("admin", "create_assembly", obj{"id": "coop", "name": "Spring general meeting", "starts": "2026-05-09", "rules": "congress"})
	la.waitFor(t, "engine: this node now writes the assembly")
	st := &failingHead{Store: env.store}
	b, err := engine.Open(context.Background(), st, engine.Options{Signer: env.signer, Verifiers: vs, Leases: node{table, "b"},
		Logger: slog.New(slog.NewTextHandler(&lb, nil))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })

	// The lease lost: a says so.
	origin, _ := ledger.Origin(ledger.DefaultServerName, "coop")
	table.lose(origin)
	la.waitFor(t, "engine: this node no longer writes the assembly")

	// b cannot read the log's head: it says so, and tries again.
	st.failing.Store(true)
	b.Grown(origin, 1<<20)
	lb.waitFor(t, "engine: reading what another node appended failed; trying again")
	if !strings.Contains(lb.String(), "the database is down") {
		t.Errorf("the warning does not say why: %s", lb.String())
	}
	st.failing.Store(false)

	if s := def.String(); strings.Contains(s, "engine:") {
		t.Errorf("the engine logged to slog's default logger:\n%s", s)
	}
}
