package engine_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"
	_ "modernc.org/sqlite"

	"plenum/assembly"
	"plenum/engine"
	"plenum/ledger"
	"plenum/store/sqlite"
)

// testEnv is an engine over a fresh SQLite file, reopenable.
type testEnv struct {
	t        testing.TB
	path     string
	signer   note.Signer
	verifier note.Verifier
	store    ledger.Store
	eng      *engine.Engine
	// reopen, if set, opens the store instead of sqlite.Open(path).
	reopen func() (ledger.Store, error)
	at     time.Time
}

func newTestEnv(t testing.TB) *testEnv {
	t.Helper()
	skey, vkey, err := ledger.GenerateKey(ledger.DefaultServerName)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	env := &testEnv{t: t, path: filepath.Join(t.TempDir(), "plenum.db"), signer: signer, verifier: verifier,
		at: time.Date(2026, 5, 9, 10, 0, 0, 0, time.UTC)}
	env.open()
	t.Cleanup(env.close)
	return env
}

func (env *testEnv) open() {
	env.t.Helper()
	var st ledger.Store
	var err error
	if env.reopen != nil {
		st, err = env.reopen()
	} else {
		st, err = sqlite.Open(env.path)
	}
	if err != nil {
		env.t.Fatal(err)
	}
	eng, err := engine.Open(context.Background(), st, engine.Options{Signer: env.signer, Verifiers: note.VerifierList(env.verifier)})
	if err != nil {
		st.Close()
		env.t.Fatal(err)
	}
	env.store, env.eng = st, eng
}

func (env *testEnv) close() {
	if env.eng != nil {
		env.eng.Close()
		env.store.Close()
		env.eng, env.store = nil, nil
	}
}

// envelope builds a command envelope; each gets a later time.
func (env *testEnv) envelope(actor, cmd string, args any) assembly.Envelope {
	env.t.Helper()
	raw, err := json.Marshal(args)
	if err != nil {
		env.t.Fatal(err)
	}
	env.at = env.at.Add(time.Second)
	return assembly.Envelope{Cmd: cmd, Assembly: "coop", Actor: actor, At: env.at, Args: raw}
}

func (env *testEnv) submit(actor, cmd string, args any) (*engine.Result, error) {
	return env.eng.Submit(context.Background(), env.envelope(actor, cmd, args))
}

func (env *testEnv) must(actor, cmd string, args any) *engine.Result {
	env.t.Helper()
	r, err := env.submit(actor, cmd, args)
	if err != nil {
		env.t.Fatalf("%s: %v", cmd, err)
	}
	return r
}

type obj = map[string]any

// setup creates an assembly with n verified decisive delegates d0…, an
// open sitting chaired by the administrator, an item and a motion.
func (env *testEnv) setup(n int) {
	env.must("admin", "create_assembly", obj{"id": "coop", "name": "Spring general meeting", "starts": "2026-05-09", "rules": "congress"})
	env.must("admin", "add_organization", obj{"id": "members", "name": "The members", "kind": "delegating"})
	for i := 0; i < n; i++ {
		p := fmt.Sprintf("d%d", i)
		env.must("admin", "add_person", obj{"id": p, "name": fmt.Sprintf("Delegate %d", i)})
		env.must("admin", "submit_mandate", obj{"id": "m-" + p, "person": p, "organization": "members", "kind": "decisive"})
		env.must("admin", "verify_mandate", obj{"mandate": "m-" + p})
		env.must(p, "check_in", obj{"person": p})
	}
	// "admin" is the server administrator, never a person: the sitting
	// has a chair of its own, and the administrator acts above it.
	env.must("admin", "add_person", obj{"id": "chief", "name": "The chair"})
	env.must("admin", "open_sitting", obj{"id": "s1", "date": "2026-05-09", "chair": "chief"})
	env.must("admin", "add_item", obj{"id": "i1", "title": "The budget"})
	env.must("admin", "take_up_item", obj{"item": "i1"})
	env.must("admin", "move_motion", obj{"id": "m1", "kind": "substantive", "title": "Adopt the budget", "item": "i1", "mover": "chief"})
}

func (env *testEnv) state() *assembly.State {
	a, ok := env.eng.Assembly("coop")
	if !ok {
		env.t.Fatal("no assembly coop")
	}
	var st *assembly.State
	a.Read(func(s *assembly.State) { st = s })
	return st
}

func (env *testEnv) logSize() int64 {
	a, _ := env.eng.Assembly("coop")
	return a.Log().Size()
}

func TestRestartRebuildsTheSameState(t *testing.T) {
	env := newTestEnv(t)
	env.setup(5)
	env.must("admin", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	for i := 0; i < 4; i++ {
		choice := "for"
		if i == 3 {
			choice = "against"
		}
		env.must(fmt.Sprintf("d%d", i), "cast_ballot", obj{"vote": "v1", "voter": fmt.Sprintf("d%d", i), "choice": choice})
	}
	before := env.state()
	size := env.logSize()
	env.close()
	env.open()
	after := env.state()
	if env.logSize() != size {
		t.Fatalf("log size %d after restart, want %d", env.logSize(), size)
	}
	if !reflect.DeepEqual(before, after) {
		t.Fatalf("state after restart differs from the live state")
	}
	if _, err := ledger.Audit(context.Background(), env.store, note.VerifierList(env.verifier), ledger.AuditOptions{Replay: engine.NewReplayer().Apply}); err != nil {
		t.Fatalf("audit: %v", err)
	}
}

func TestRefusedCommandChangesNothing(t *testing.T) {
	env := newTestEnv(t)
	env.setup(2)
	env.must("admin", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	env.must("d0", "cast_ballot", obj{"vote": "v1", "voter": "d0", "choice": "for"})
	size := env.logSize()
	cases := []struct {
		name, actor, cmd string
		args             any
		code             assembly.Code
	}{
		{"double vote", "d0", "cast_ballot", obj{"vote": "v1", "voter": "d0", "choice": "against"}, assembly.ErrConflict},
		{"voting as another", "d0", "cast_ballot", obj{"vote": "v1", "voter": "d1", "choice": "against"}, assembly.ErrForbidden},
		{"unknown delegate", "nobody", "cast_ballot", obj{"vote": "v1", "voter": "nobody", "choice": "for"}, ""},
		{"unknown vote", "d1", "cast_ballot", obj{"vote": "v9", "voter": "d1", "choice": "for"}, assembly.ErrNotFound},
		{"delegate opening a vote", "d1", "open_vote", obj{"id": "v2", "motion": "m1", "method": "roll_call"}, assembly.ErrForbidden},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := env.submit(c.actor, c.cmd, c.args)
			if err == nil {
				t.Fatal("accepted")
			}
			if c.code != "" && assembly.CodeOf(err) != c.code {
				t.Errorf("code %q (%v), want %q", assembly.CodeOf(err), err, c.code)
			}
			if env.logSize() != size {
				t.Fatalf("log grew from %d to %d", size, env.logSize())
			}
		})
	}
	env.must("admin", "close_vote", obj{"vote": "v1"})
	size = env.logSize()
	if _, err := env.submit("d1", "cast_ballot", obj{"vote": "v1", "voter": "d1", "choice": "for"}); assembly.CodeOf(err) != assembly.ErrClosed {
		t.Fatalf("ballot after close: %v, want a closed error", err)
	}
	if env.logSize() != size {
		t.Fatal("a refused ballot was recorded")
	}
	if _, err := env.eng.Submit(context.Background(), assembly.Envelope{Cmd: "cast_ballot", Assembly: "nowhere", Actor: "d1", At: env.at, Args: json.RawMessage(`{"vote":"v1","voter":"d1","choice":"for"}`)}); assembly.CodeOf(err) != assembly.ErrNotFound {
		t.Fatalf("unknown assembly: %v", err)
	}
}

func TestConcurrentBallotsAreAllDurable(t *testing.T) {
	const n = 300
	env := newTestEnv(t)
	env.setup(n)
	env.must("admin", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	var wg sync.WaitGroup
	indexes := make([]int64, n)
	errs := make([]error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := fmt.Sprintf("d%d", i)
			env := *env // each goroutine its own clock copy
			env.at = env.at.Add(time.Duration(i) * time.Millisecond)
			r, err := env.eng.Submit(context.Background(), env.envelope(p, "cast_ballot", obj{"vote": "v1", "voter": p, "choice": "for"}))
			errs[i] = err
			if err == nil {
				indexes[i] = r.First()
			}
		}()
	}
	wg.Wait()
	seen := map[int64]bool{}
	for i, err := range errs {
		if err != nil {
			t.Fatalf("ballot %d: %v", i, err)
		}
		if seen[indexes[i]] {
			t.Fatalf("two ballots at index %d", indexes[i])
		}
		seen[indexes[i]] = true
	}
	before := env.state()
	env.close()
	env.open()
	if !reflect.DeepEqual(before, env.state()) {
		t.Fatal("state after restart differs")
	}
	v := env.state().Votes["v1"]
	if v == nil || len(v.Ballots) != n {
		t.Fatalf("vote has %d ballots after restart, want %d", len(v.Ballots), n)
	}
}

// TestIdempotencyKey checks the keys: a retry is answered from the record
// with the original indexes, a key reused for another command is refused,
// keys are scoped per person, and all of it holds after a restart.
func TestIdempotencyKey(t *testing.T) {
	env := newTestEnv(t)
	env.setup(2)
	keyed := func(actor, key, cmd string, args any) assembly.Envelope {
		e := env.envelope(actor, cmd, args)
		e.Key = key
		return e
	}
	first, err := env.eng.Submit(context.Background(), keyed("admin", "retry-1", "add_item", obj{"id": "i2", "title": "Elections"}))
	if err != nil || first.Replayed {
		t.Fatalf("first: %+v, %v", first, err)
	}
	if ev := first.Events[0].Event.EventMeta(); ev.Key != "admin/retry-1" || len(ev.Req) != 32 {
		t.Fatalf("the event's meta %+v: want the key scoped to its actor and the request's hash", ev)
	}
	size := env.logSize()
	check := func(when string) {
		t.Helper()
		// The same command again, however its arguments are spelled.
		e := keyed("admin", "retry-1", "add_item", obj{"title": "Elections", "id": "i2"})
		e.Args = json.RawMessage(" {\"title\" : \"Elections\", \"id\":\"i2\"} ")
		r, err := env.eng.Submit(context.Background(), e)
		if err != nil || !r.Replayed || r.First() != first.First() || r.Events[0].Leaf != first.Events[0].Leaf || len(r.Checkpoint) == 0 {
			t.Fatalf("%s: retry = %+v, %v; want replayed at %d", when, r, err, first.First())
		}
		// The key for another command is refused, naming the key.
		_, err = env.eng.Submit(context.Background(), keyed("admin", "retry-1", "add_item", obj{"id": "i3", "title": "Other"}))
		var ae *assembly.Error
		if !errors.As(err, &ae) || ae.Code != assembly.ErrInvalid || ae.Field != "key" {
			t.Fatalf("%s: the key reused for another command: %v, want invalid key", when, err)
		}
		if env.logSize() != size {
			t.Fatalf("%s: the log grew from %d to %d", when, size, env.logSize())
		}
	}
	check("live")
	env.close()
	env.open()
	check("after a restart")

	// Keys are the person's: another's command under the same key is new.
	r, err := env.eng.Submit(context.Background(), keyed("d0", "retry-1", "request_floor", obj{"item": "i1", "person": "d0"}))
	if err != nil || r.Replayed {
		t.Fatalf("another person's key: %+v, %v", r, err)
	}
	// Twice in one batch: the second is the first's replay.
	a, _ := env.eng.Assembly("coop")
	m := assembly.Meta{Assembly: "coop", Actor: "d1", At: env.at, Key: "twice"}
	cmd := assembly.RequestFloor{Item: "i1", Person: "d1"}
	res, failed, err := a.SubmitAll(context.Background(), []assembly.Meta{m, m}, []assembly.Command{cmd, cmd})
	if err != nil || failed != -1 || len(res) != 2 || res[0].Replayed || !res[1].Replayed || res[1].First() != res[0].First() {
		t.Fatalf("one key twice in a batch: %+v, %d, %v", res, failed, err)
	}
}

// TestKeysWithoutRequestHashReplay checks a record from before the request
// hash was kept: its keys still answer a retry from the record.
func TestKeysWithoutRequestHashReplay(t *testing.T) {
	env := newTestEnv(t)
	e := env.envelope("admin", "create_assembly", obj{"id": "coop", "name": "Meeting", "starts": "2026-05-09", "rules": "congress"})
	e.Key = "k-1"
	if _, err := env.eng.Submit(context.Background(), e); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	a, _ := env.eng.Assembly("coop")
	old, err := a.Log().Read(ctx, 0, a.Log().Size())
	if err != nil {
		t.Fatal(err)
	}
	env.close()
	// The same entries without "req", signed into a fresh database.
	other := newTestEnv(t)
	other.close()
	st, err := sqlite.Open(other.path)
	if err != nil {
		t.Fatal(err)
	}
	origin, _ := ledger.Origin(ledger.DefaultServerName, "coop")
	log, err := ledger.Open(ctx, st, origin, other.signer)
	if err != nil {
		t.Fatal(err)
	}
	for _, en := range old {
		var p map[string]any
		json.Unmarshal(en.Payload, &p)
		delete(p["meta"].(map[string]any), "req")
		en.Payload, _ = json.Marshal(p)
		if _, err := log.Append(ctx, en); err != nil {
			t.Fatal(err)
		}
	}
	log.Close()
	st.Close()
	other.open()
	r, err := other.eng.Submit(ctx, e)
	if err != nil || !r.Replayed || r.First() != 0 {
		t.Fatalf("retry against a record without request hashes: %+v, %v", r, err)
	}
}

func TestFeedResumesWithNothingMissed(t *testing.T) {
	env := newTestEnv(t)
	env.setup(3)
	a, _ := env.eng.Assembly("coop")
	start := a.Feed().Next()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	got := make(chan []engine.Update, 1)
	go func() {
		var all []engine.Update
		for from := start; len(all) < 3; {
			ups, err := a.Feed().Wait(ctx, from, 100)
			if err != nil {
				t.Error(err)
				break
			}
			all = append(all, ups...)
			from = ups[len(ups)-1].Index + 1
		}
		got <- all
	}()
	env.must("admin", "add_item", obj{"id": "i2", "title": "Two"})
	env.must("admin", "add_item", obj{"id": "i3", "title": "Three"})
	env.must("admin", "add_item", obj{"id": "i4", "title": "Four"})
	all := <-got
	for i, u := range all {
		if u.Index != start+int64(i) || u.Type != "item_added" {
			t.Fatalf("update %d: index %d type %s", i, u.Index, u.Type)
		}
	}
	// A subscriber from the very start is served from the log after a
	// restart (the ring is empty then).
	env.close()
	env.open()
	a, _ = env.eng.Assembly("coop")
	ups, err := a.Feed().Wait(ctx, 0, 1<<20)
	if err != nil || int64(len(ups)) != a.Feed().Next() {
		t.Fatalf("from the start after restart: %d updates, %v; want %d", len(ups), err, a.Feed().Next())
	}
}

// TestCorruptedEntryRefusesReplay edits an event inside the database; the
// engine must refuse to start on it rather than run on a false record.
func TestCorruptedEntryRefusesReplay(t *testing.T) {
	env := newTestEnv(t)
	env.setup(2)
	env.close()
	db, err := sql.Open("sqlite", env.path)
	if err != nil {
		t.Fatal(err)
	}
	var data []byte
	if err := db.QueryRow(`SELECT data FROM entries WHERE idx = 2`).Scan(&data); err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "Delegate", "Delegatf", 1)
	if edited == string(data) {
		t.Fatalf("entry 2 has no name to edit: %s", data)
	}
	if _, err := db.Exec(`UPDATE entries SET data = ? WHERE idx = 2`, []byte(edited)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	st, err := sqlite.Open(env.path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, err = engine.Open(context.Background(), st, engine.Options{Signer: env.signer, Verifiers: note.VerifierList(env.verifier)})
	var ae *ledger.AuditError
	if !errors.As(err, &ae) || ae.Index != 2 {
		t.Fatalf("opening an edited record: %v, want an error at entry 2", err)
	}
}

// TestEventTheDomainRefusesStopsOpen signs a log whose entries hash and
// verify but whose events do not fit the rules (a ballot before any
// assembly): replay must refuse it, naming the entry.
func TestEventTheDomainRefusesStopsOpen(t *testing.T) {
	env := newTestEnv(t)
	env.close()
	st, err := sqlite.Open(env.path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	origin, _ := ledger.Origin(ledger.DefaultServerName, "coop")
	log, err := ledger.Open(context.Background(), st, origin, env.signer)
	if err != nil {
		t.Fatal(err)
	}
	payload := `{"meta":{"assembly":"coop","actor":"d0","at":"2026-05-09T10:00:00Z"},"vote":"v1","voter":"d0","choice":"for"}`
	if _, err := log.Append(context.Background(), ledger.Entry{Actor: "d0", Type: "ballot_cast", Payload: json.RawMessage(payload)}); err != nil {
		t.Fatal(err)
	}
	log.Close()
	_, err = engine.Open(context.Background(), st, engine.Options{Signer: env.signer, Verifiers: note.VerifierList(env.verifier)})
	var ae *ledger.AuditError
	if !errors.As(err, &ae) || ae.Index != 0 {
		t.Fatalf("opening a log with a foreign event: %v, want an error at entry 0", err)
	}
}

// TestRandomSequencesReplayExactly runs random valid command sequences
// (ballots, speakers, records, votes) through the engine and checks the
// rebuilt state against the live one, and the audit with domain replay.
func TestRandomSequencesReplayExactly(t *testing.T) {
	for seed := uint64(1); seed <= 3; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 42))
			env := newTestEnv(t)
			env.setup(6)
			accepted := 0
			for step := 0; step < 120; step++ {
				p := fmt.Sprintf("d%d", rng.IntN(6))
				var err error
				switch rng.IntN(6) {
				case 0:
					_, err = env.submit(p, "request_floor", obj{"item": "i1", "person": p})
				case 1:
					_, err = env.submit("admin", "record_speech", obj{"id": fmt.Sprintf("sp%d", step), "item": "i1", "speaker": p, "notes": fmt.Sprintf("Point %d", rng.IntN(1000))})
				case 2:
					_, err = env.submit("admin", "open_vote", obj{"id": fmt.Sprintf("v%d", step), "motion": "m1", "method": "roll_call"})
				case 3:
					for id := range env.state().Votes {
						_, err = env.submit(p, "cast_ballot", obj{"vote": id, "voter": p, "choice": []string{"for", "against", "abstain"}[rng.IntN(3)]})
						break
					}
				case 4:
					for id := range env.state().Votes {
						_, err = env.submit("admin", "close_vote", obj{"vote": id})
						break
					}
				case 5:
					_, err = env.submit("admin", "record_interjection", obj{"kind": "applause"})
				}
				if err == nil {
					accepted++
				}
			}
			if accepted == 0 {
				t.Fatal("no command was accepted: the sequence tests nothing")
			}
			before := env.state()
			env.close()
			env.open()
			if !reflect.DeepEqual(before, env.state()) {
				t.Fatal("rebuilt state differs from the live one")
			}
			if _, err := ledger.Audit(context.Background(), env.store, note.VerifierList(env.verifier), ledger.AuditOptions{Replay: engine.NewReplayer().Apply}); err != nil {
				t.Fatalf("audit: %v", err)
			}
		})
	}
}

// TestCommittedHookSeesEachDurableCheckpoint checks the witness hook: it
// is called after every batch with a checkpoint that covers the batch,
// and Committing gives, while it runs, that checkpoint's size and root.
func TestCommittedHookSeesEachDurableCheckpoint(t *testing.T) {
	env := newTestEnv(t)
	env.close()
	st, err := sqlite.Open(env.path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var mu sync.Mutex
	var seen [][]byte
	var trees []ledger.Checkpoint
	eng, err := engine.Open(context.Background(), st, engine.Options{Signer: env.signer, Verifiers: note.VerifierList(env.verifier),
		Committed: func(a *engine.Assembly, cp []byte) {
			size, root, ok := a.Committing()
			mu.Lock()
			seen = append(seen, cp)
			if ok {
				trees = append(trees, ledger.Checkpoint{Origin: a.Log().Origin(), Size: size, Hash: root})
			}
			mu.Unlock()
		}})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	env.eng, env.store = eng, st
	defer func() { env.eng, env.store = nil, nil }()
	env.must("admin", "create_assembly", obj{"id": "coop", "name": "Meeting", "starts": "2026-05-09", "rules": "congress"})
	r := env.must("admin", "add_person", obj{"id": "p1", "name": "One"})
	mu.Lock()
	defer mu.Unlock()
	if len(seen) != 2 {
		t.Fatalf("hook called %d times for 2 batches", len(seen))
	}
	c, _, err := ledger.OpenCheckpoint(seen[1], note.VerifierList(env.verifier))
	if err != nil {
		t.Fatal(err)
	}
	if c.Size != r.First()+1 || string(seen[1]) != string(r.Checkpoint) {
		t.Fatalf("hook checkpoint of size %d; the command's entry is %d", c.Size, r.First())
	}
	for i, cp := range seen {
		c, err := ledger.ParseSignedCheckpoint(cp)
		if err != nil {
			t.Fatal(err)
		}
		if i >= len(trees) || trees[i].Origin != c.Origin || trees[i].Size != c.Size || trees[i].Hash != c.Hash {
			t.Fatalf("Committing in the hook of checkpoint %d: %+v, the checkpoint says %+v", i, trees, c)
		}
	}
}

// TestTwinStatesAfterRestart: after a restart the writer's state
// and the readers' are built from one decoding of each flat event (a
// ballot); commands after it change the writer's state only until they
// are durable, and then both alike.
func TestTwinStatesAfterRestart(t *testing.T) {
	env := newTestEnv(t)
	env.setup(4)
	env.must("admin", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	env.must("d0", "cast_ballot", obj{"vote": "v1", "voter": "d0", "choice": "for"})
	env.close()
	env.open()
	env.must("d1", "cast_ballot", obj{"vote": "v1", "voter": "d1", "choice": "against"})
	env.must("admin", "close_vote", obj{"vote": "v1"})
	st := env.state()
	if v := st.Votes["v1"]; len(v.Ballots) != 2 || v.Status == assembly.VoteStatusOpen {
		t.Fatalf("vote after restart: %+v", v)
	}
	size := env.logSize()
	env.close()
	env.open()
	if !reflect.DeepEqual(st, env.state()) || env.logSize() != size {
		t.Fatal("the state read before the restart differs from the one replayed after")
	}
}

// TestQuorumCountedOncePerState: the quorum the pages and the API read
// through Assembly.Quorum follows every event that changes it (arrivals,
// departures, a walkout of the unnamed, a rejected mandate), however often
// it was read before; it is never the count of an earlier state.
func TestQuorumCountedOncePerState(t *testing.T) {
	env := newTestEnv(t)
	env.setup(6)
	a, _ := env.eng.Assembly("coop")
	check := func(when string, want int) {
		t.Helper()
		for range 3 { // counted, then read back
			a.Read(func(s *assembly.State) {
				p, n, ok := a.Quorum(s)
				wp, wn, wok := s.Quorum()
				if p != wp || n != wn || ok != wok || p != want {
					t.Fatalf("%s: Quorum %d/%d %v, the state counts %d/%d %v, want %d present", when, p, n, ok, wp, wn, wok, want)
				}
			})
		}
	}
	check("all checked in", 6)
	env.must("d0", "check_out", obj{"person": "d0"})
	check("d0 checked out", 5)
	env.must("admin", "leave_hall", obj{"persons": []string{"d1", "d2"}})
	check("d1 and d2 left the hall", 3)
	env.must("admin", "leave_hall", obj{"unnamed": 1})
	check("one unnamed left", 2)
	env.must("admin", "reject_mandate", obj{"mandate": "m-d3", "reason": "not elected"})
	check("d3's mandate rejected", 1)
	env.must("d0", "check_in", obj{"person": "d0"})
	check("d0 back", 2)
	// Ballots change nothing the quorum reads: it is not counted again.
	env.must("admin", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	check("a vote opened", 2)
	counted := engine.QuorumsCounted(a)
	env.must("d0", "cast_ballot", obj{"vote": "v1", "voter": "d0", "choice": "for"})
	env.must("d4", "cast_ballot", obj{"vote": "v1", "voter": "d4", "choice": "against"})
	check("two ballots", 2)
	if n := engine.QuorumsCounted(a) - counted; n != 0 {
		t.Errorf("two ballots made the quorum be counted %d more times, want none", n)
	}
	env.must("d4", "check_out", obj{"person": "d4"})
	check("d4 checked out", 1)
}

// TestUnencodableCommandInBatchStagesNothing: in one batch, a ballot
// whose event cannot be encoded (its time after the year 9999, which
// json refuses) is refused and leaves nothing staged: the ballot before
// it in the batch is recorded, alone, and the record replays.
func TestUnencodableCommandInBatchStagesNothing(t *testing.T) {
	env := newTestEnv(t)
	env.setup(3)
	env.must("admin", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	size := env.logSize()
	var metas []assembly.Meta
	var cmds []assembly.Command
	for i, voter := range []string{"d0", "d1"} {
		e := env.envelope(voter, "cast_ballot", obj{"vote": "v1", "voter": voter, "choice": "for"})
		if i == 1 {
			e.At = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		cmd, err := assembly.ParseCommand(e)
		if err != nil {
			t.Fatal(err)
		}
		metas, cmds = append(metas, e.Meta()), append(cmds, cmd)
	}
	a, _ := env.eng.Assembly("coop")
	results, failed, err := a.SubmitAll(context.Background(), metas, cmds)
	if err == nil || failed != 1 || len(results) != 1 {
		t.Fatalf("SubmitAll: %d results, failed %d, %v; want the first recorded, the second refused", len(results), failed, err)
	}
	if env.logSize() != size+1 || results[0].First() != size {
		t.Fatalf("log of %d entries, the ballot at %d; want %d, at %d", env.logSize(), results[0].First(), size+1, size)
	}
	env.must("d2", "cast_ballot", obj{"vote": "v1", "voter": "d2", "choice": "against"})
	if got := len(env.state().Votes["v1"].Ballots); got != 2 {
		t.Fatalf("%d ballots in the state, want 2", got)
	}
	env.close()
	env.open()
	if got := len(env.state().Votes["v1"].Ballots); got != 2 || env.logSize() != size+2 {
		t.Fatalf("after a restart: %d ballots, %d entries; want 2, %d", got, env.logSize(), size+2)
	}
}
