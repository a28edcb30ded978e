package engine_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/engine"
	"plenum/ledger"
	"plenum/store/sqlite"
)

// bigAssembly is an assembly log of at least size entries in a SQLite
// file, as a congress of delegates leaves it: every delegate added, given
// a verified decisive mandate and checked in, then roll-call votes, each
// with every delegate's ballot, one after the other.
type bigAssembly struct {
	path     string
	skey     string // the signer key, kept beside the file to reuse it
	signer   note.Signer
	verifier note.Verifier
	entries  int64
}

func buildBigAssembly(tb testing.TB, path string, delegates int, size int64) (*bigAssembly, error) {
	skey, vkey, err := ledger.GenerateKey(ledger.DefaultServerName)
	if err != nil {
		return nil, err
	}
	signer, _ := note.NewSigner(skey)
	verifier, _ := note.NewVerifier(vkey)
	st, err := sqlite.Open(path)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	eng, err := engine.Open(context.Background(), st, engine.Options{Signer: signer, Verifiers: note.VerifierList(verifier)})
	if err != nil {
		return nil, err
	}
	defer eng.Close()
	at := time.Date(2026, 5, 9, 10, 0, 0, 0, time.UTC)
	var metas []assembly.Meta
	var cmds []assembly.Command
	add := func(actor, cmd string, args any) error {
		raw, _ := json.Marshal(args)
		at = at.Add(time.Millisecond)
		env := assembly.Envelope{Cmd: cmd, Assembly: "big", Actor: actor, At: at, Args: raw}
		c, err := assembly.ParseCommand(env)
		if err != nil {
			return err
		}
		metas, cmds = append(metas, env.Meta()), append(cmds, c)
		return nil
	}
	var a *engine.Assembly
	flush := func() error {
		for start := 0; start < len(cmds); start += 4096 {
			end := min(start+4096, len(cmds))
			if _, i, err := a.SubmitAll(context.Background(), metas[start:end], cmds[start:end]); err != nil {
				return fmt.Errorf("%s: %w", cmds[start+i].CommandName(), err)
			}
		}
		metas, cmds = metas[:0], cmds[:0]
		return nil
	}
	create, _ := json.Marshal(obj{"id": "big", "name": "A big congress", "starts": "2026-05-09", "rules": "congress"})
	if _, err := eng.Submit(context.Background(), assembly.Envelope{Cmd: "create_assembly", Actor: "admin", At: at, Args: create}); err != nil {
		return nil, err
	}
	a, _ = eng.Assembly("big")
	add("admin", "add_organization", obj{"id": "org", "name": "The Federation", "kind": "delegating"})
	add("admin", "add_person", obj{"id": "chief", "name": "The chair"})
	for i := range delegates {
		p := fmt.Sprintf("d%d", i)
		add("admin", "add_person", obj{"id": p, "name": fmt.Sprintf("Delegate %d", i)})
		add("admin", "submit_mandate", obj{"id": "m-" + p, "person": p, "organization": "org", "kind": "decisive"})
		add("admin", "verify_mandate", obj{"mandate": "m-" + p})
		add(p, "check_in", obj{"person": p})
	}
	add("admin", "open_sitting", obj{"id": "s1", "date": "2026-05-09", "chair": "chief"})
	add("admin", "add_item", obj{"id": "i1", "title": "The budget"})
	add("admin", "take_up_item", obj{"item": "i1"})
	if err := flush(); err != nil {
		return nil, err
	}
	for v := 1; a.Log().Size() < size; v++ {
		add("admin", "move_motion", obj{"id": fmt.Sprintf("mo%d", v), "kind": "substantive", "title": fmt.Sprintf("Resolution %d", v), "item": "i1", "mover": "chief"})
		add("admin", "open_vote", obj{"id": fmt.Sprintf("v%d", v), "motion": fmt.Sprintf("mo%d", v), "method": "roll_call"})
		for i := range delegates {
			if a.Log().Size()+int64(len(cmds))+2 >= size {
				break
			}
			p := fmt.Sprintf("d%d", i)
			add(p, "cast_ballot", obj{"vote": fmt.Sprintf("v%d", v), "voter": p, "choice": []string{"for", "against", "abstain"}[(i+v)%3]})
		}
		add("admin", "close_vote", obj{"vote": fmt.Sprintf("v%d", v)})
		if err := flush(); err != nil {
			return nil, err
		}
	}
	return &bigAssembly{path: path, skey: skey, signer: signer, verifier: verifier, entries: a.Log().Size()}, nil
}

// openEngine opens the engine on the big assembly, as plenum serve does
// at start: every log audited and replayed.
func (ba *bigAssembly) openEngine(tb testing.TB) (*engine.Engine, *sqlite.Store) {
	st, err := sqlite.Open(ba.path)
	if err != nil {
		tb.Fatal(err)
	}
	eng, err := engine.Open(context.Background(), st, engine.Options{Signer: ba.signer, Verifiers: note.VerifierList(ba.verifier)})
	if err != nil {
		st.Close()
		tb.Fatal(err)
	}
	return eng, st
}

func TestBigAssemblyRestarts(t *testing.T) {
	ba, err := buildBigAssembly(t, filepath.Join(t.TempDir(), "big.db"), 50, 500)
	if err != nil {
		t.Fatal(err)
	}
	eng, st := ba.openEngine(t)
	defer st.Close()
	defer eng.Close()
	a, ok := eng.Assembly("big")
	if !ok {
		t.Fatal("no assembly after restart")
	}
	var events, votes, ballots int
	a.Read(func(s *assembly.State) {
		events, votes = s.Events, len(s.Votes)
		for _, v := range s.Votes {
			ballots += len(v.Ballots)
		}
	})
	if int64(events) != ba.entries || ba.entries < 500 || votes < 5 || ballots < 250 {
		t.Fatalf("after restart: %d events of %d entries, %d votes, %d ballots", events, ba.entries, votes, ballots)
	}
}

const restartBenchSize = 1_000_000

var restartBench struct {
	once sync.Once
	dir  string
	ba   *bigAssembly
	err  error
}

// BenchmarkRestart opens an engine on an assembly of a million entries
// (10,000 delegates and a hundred roll-call votes) in SQLite, as plenum
// serve does at start, until it serves: every entry audited and replayed.
// Set PLENUM_RESTART_DB to a path to keep the built database between runs.
func BenchmarkRestart(b *testing.B) {
	restartBench.once.Do(func() {
		path := os.Getenv("PLENUM_RESTART_DB")
		if path == "" {
			dir, err := os.MkdirTemp("", "plenum-restart-bench-")
			if err != nil {
				restartBench.err = err
				return
			}
			restartBench.dir = dir
			path = filepath.Join(dir, "big.db")
		}
		restartBench.ba, restartBench.err = loadOrBuildBig(b, path)
	})
	if restartBench.err != nil {
		b.Fatal(restartBench.err)
	}
	ba := restartBench.ba
	b.ResetTimer()
	var wall, cpu time.Duration
	for range b.N {
		t0, c0 := time.Now(), cpuTime()
		eng, st := ba.openEngine(b)
		wall, cpu = wall+time.Since(t0), cpu+cpuTime()-c0
		b.StopTimer()
		eng.Close()
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(b.N*int(ba.entries))/wall.Seconds(), "entries/s")
	// CPU time does not depend on what else runs on the machine.
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// loadOrBuildBig builds the big assembly at path, or reads back the keys
// of one built there before (a key file beside it).
func loadOrBuildBig(b testing.TB, path string) (*bigAssembly, error) {
	keyPath := path + ".key"
	if data, err := os.ReadFile(keyPath); err == nil {
		skey := string(data)
		vkey, err := ledger.VerifierKey(skey)
		if err != nil {
			return nil, err
		}
		signer, err := note.NewSigner(skey)
		if err != nil {
			return nil, err
		}
		verifier, err := note.NewVerifier(vkey)
		if err != nil {
			return nil, err
		}
		st, err := sqlite.Open(path) // brings an older schema up to date
		if err != nil {
			return nil, err
		}
		defer st.Close()
		origin, _ := ledger.Origin(ledger.DefaultServerName, "big")
		h, err := st.Head(context.Background(), origin)
		if err != nil {
			return nil, err
		}
		return &bigAssembly{path: path, skey: skey, signer: signer, verifier: verifier, entries: h.Size}, nil
	}
	ba, err := buildBigAssembly(b, path, 10000, restartBenchSize)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(keyPath, []byte(ba.skey), 0o600); err != nil {
		return nil, err
	}
	return ba, nil
}

// cpuTime returns the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestMain(m *testing.M) {
	code := m.Run()
	if restartBench.dir != "" {
		os.RemoveAll(restartBench.dir)
	}
	os.Exit(code)
}
