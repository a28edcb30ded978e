package fault_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/engine"
	"plenum/ledger"
	"plenum/store/postgres"
	"plenum/store/postgres/pgtest"
)

// TestTwoServersOnOnePostgres runs two engines — two writers, as two
// plenum serve were before a second plain one was refused at its start
// (the server lock, docs/storage.md), and as a plenum replay or import
// beside a serve still are — on one PostgreSQL database, each with its
// own store and state, and sends every voter's ballot, and the chair's
// close, to either of them at random, a retry perhaps to the other.
// Every append is fenced, and a writer whose append finds the log moved
// reloads and answers from the record: no ballot is stored twice, none
// is accepted after the close (the replay through the rules checks
// both), and every ballot acknowledged is in the log once, at the entry
// it was answered with (issue 10, item 2).
func TestTwoServersOnOnePostgres(t *testing.T) {
	t.Parallel()
	dsn := pgtest.Fresh(t)
	ctx := context.Background()
	skey, vkey, _ := ledger.GenerateKey(ledger.DefaultServerName)
	signer, _ := note.NewSigner(skey)
	verifier, _ := note.NewVerifier(vkey)
	verifiers := note.VerifierList(verifier)
	open := func() (*postgres.Store, *engine.Engine) {
		st, err := postgres.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		eng, err := engine.Open(ctx, st, engine.Options{Signer: signer, Verifiers: verifiers})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { eng.Close(); st.Close() })
		return st, eng
	}
	st, one := open()
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 2))
	var conflicts, acked, declined int
	for r := range 6 {
		id := fmt.Sprintf("two%d", r)
		persons := setupAssembly(t, one, id, 12+rng.IntN(12), "roll_call")
		_, two := open() // the second server starts with the assembly in its record
		engines := []*engine.Engine{one, two}
		var clients []*client
		for _, p := range persons {
			clients = append(clients, &client{actor: p, key: "ballot", cmd: "cast_ballot",
				args: json.RawMessage(fmt.Sprintf(`{"vote":"v1","voter":%q,"choice":"for"}`, p))})
		}
		clients = append(clients, &client{actor: "admin", key: "close", cmd: "close_vote", args: json.RawMessage(`{"vote":"v1"}`)})
		var wg sync.WaitGroup
		var mu sync.Mutex
		for i, c := range clients {
			delay := time.Duration(rng.IntN(80)) * time.Millisecond
			pick := rand.New(rand.NewPCG(uint64(r), uint64(i)))
			wg.Add(1)
			go func() {
				defer wg.Done()
				time.Sleep(delay)
				for deadline := time.Now().Add(giveUpAfter); ; time.Sleep(10 * time.Millisecond) {
					eng := engines[pick.IntN(2)]
					res, err := eng.Submit(ctx, assembly.Envelope{Cmd: c.cmd, Assembly: id, Actor: c.actor, At: time.Now().UTC(), Key: c.key, Args: c.args})
					a := classify(res, err)
					c.attempts = append(c.attempts, a)
					if a.out == notRecorded {
						mu.Lock()
						conflicts++
						mu.Unlock()
					}
					if a.out.definite() || time.Now().After(deadline) {
						return
					}
				}
			}()
		}
		wg.Wait()
		// The record: it audits and replays through the rules (no ballot
		// twice, none after the close), and holds what was acknowledged.
		origin, _ := ledger.Origin(ledger.DefaultServerName, id)
		rp := engine.NewReplayer()
		if _, err := ledger.Audit(ctx, st, verifiers, ledger.AuditOptions{Origins: []string{origin}, Replay: rp.Apply}); err != nil {
			t.Fatalf("%s: the audit fails: %v", id, err)
		}
		var votes *assembly.Vote
		if s := rp.State(origin); s != nil {
			votes = s.Votes["v1"]
		}
		ballots := map[string]bool{}
		for _, b := range votes.Ballots {
			if ballots[b.Voter] {
				t.Fatalf("%s: %s voted twice", id, b.Voter)
			}
			ballots[b.Voter] = true
		}
		for _, c := range clients {
			switch f := c.final(); f.out {
			case recorded, replayed:
				acked++
				if c.cmd == "cast_ballot" && !ballots[c.actor] {
					t.Errorf("%s: %s's ballot acknowledged at %d is not in the record; answers %v", id, c.actor, f.index, c.attempts)
				}
			case refused:
				declined++
				if c.cmd == "cast_ballot" && ballots[c.actor] {
					t.Errorf("%s: %s's ballot is in the record, but its last answer refused it: %v", id, c.actor, c.attempts)
				}
			default:
				t.Errorf("%s: %s by %s got no definite answer: %v", id, c.cmd, c.actor, c.attempts)
			}
		}
		if votes.Status == assembly.VoteStatusOpen {
			t.Errorf("%s: the vote is still open after the chair's close was acknowledged", id)
		}
		// Each server, once it has appended again, holds the record's state.
		for k, eng := range engines {
			probe := &client{actor: "admin", key: fmt.Sprintf("probe-%d", k), cmd: "record_interjection", args: json.RawMessage(`{"kind":"applause"}`)}
			for range 20 {
				res, err := eng.Submit(ctx, assembly.Envelope{Cmd: probe.cmd, Assembly: id, Actor: "admin", At: time.Now().UTC(), Key: probe.key, Args: probe.args})
				if probe.attempts = append(probe.attempts, classify(res, err)); probe.final().out.definite() {
					break
				}
			}
			if o := probe.final().out; o != recorded {
				t.Fatalf("%s: server %d does not take commands: %v", id, k, probe.attempts)
			}
			rp := engine.NewReplayer()
			if _, err := ledger.Audit(ctx, st, verifiers, ledger.AuditOptions{Origins: []string{origin}, Replay: rp.Apply}); err != nil {
				t.Fatal(err)
			}
			a, _ := eng.Assembly(id)
			a.Read(func(s *assembly.State) {
				if !reflect.DeepEqual(s, rp.State(origin)) {
					t.Errorf("%s: server %d's state differs from the record's", id, k)
				}
			})
		}
		two.Close()
	}
	t.Logf("two servers on one database: %d commands acknowledged, %d refused by the rules; %d appends fenced off (answered \"nothing was recorded\", then sent again)", acked, declined, conflicts)
	if conflicts == 0 {
		t.Error("no append was fenced off: the servers never raced")
	}
}
