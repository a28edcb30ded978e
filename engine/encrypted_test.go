package engine_test

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/engine"
	"plenum/internal/enctest"
	"plenum/tlogproof"
)

// encryptedCeremony opens the encrypted vote v1 on m1 with trustees
// d0, d1, d2 (k of 3) and runs their key ceremony through the engine.
func (env *testEnv) encryptedCeremony(k int) *enctest.Ceremony {
	env.t.Helper()
	env.must("admin", "open_vote", obj{"id": "v1", "motion": "m1", "method": "encrypted", "trustees": []string{"d0", "d1", "d2"}, "trustee_quorum": k})
	c := enctest.Run(env.t, env.state().Votes["v1"].Encrypted.Params())
	for i := range 3 {
		env.must(fmt.Sprintf("d%d", i), "post_trustee_key", obj{"vote": "v1", "key": json.RawMessage(enctest.Encode(env.t, c.Keys[i]))})
	}
	for i := range 3 {
		env.must(fmt.Sprintf("d%d", i), "post_dealing", obj{"vote": "v1", "dealing": json.RawMessage(enctest.Encode(env.t, c.Dealings[i]))})
	}
	for i := range 3 {
		env.must(fmt.Sprintf("d%d", i), "post_confirmation", obj{"vote": "v1", "confirmation": json.RawMessage(enctest.Encode(env.t, c.Confirmations[i]))})
	}
	return c
}

// TestEncryptedVoteEndToEnd: an encrypted vote through the engine: the
// ballots are checked and recorded, each tracker gets a receipt that
// verifies offline, the count survives a restart, two of three trustees
// decrypt, and the replayed record passes the audit of every proof.
func TestEncryptedVoteEndToEnd(t *testing.T) {
	env := newTestEnv(t)
	env.setup(5)
	c := env.encryptedCeremony(2)
	trackers := map[string]string{}
	for i, opt := range []int{0, 0, 1, 0, 2} {
		p := fmt.Sprintf("d%d", i)
		b := enctest.Ballot(t, c.Key, 3, opt, "m-"+p)
		env.must(p, "cast_encrypted_ballot", obj{"vote": "v1", "voter": p, "ballot": json.RawMessage(b)})
		trackers[p] = assembly.Tracker(b)
	}
	bad := enctest.Ballot(t, c.Key, 3, 0, "m-d0")
	if _, err := env.submit("d0", "cast_encrypted_ballot", obj{"vote": "v1", "voter": "d0", "ballot": json.RawMessage(bad)}); assembly.CodeOf(err) != assembly.ErrConflict {
		t.Fatalf("a second ballot: %v", err)
	}
	a, _ := env.eng.Assembly("coop")
	for p, tr := range trackers {
		rc, err := engine.EncryptedBallotReceipt(context.Background(), a, "v1", tr)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tlogproof.VerifyEncryptedBallot(rc, tr, note.VerifierList(env.verifier), nil); err != nil {
			t.Fatalf("receipt of %s: %v", p, err)
		}
		other := trackers["d4"]
		if p == "d4" {
			other = trackers["d0"]
		}
		if _, err := tlogproof.VerifyEncryptedBallot(rc, other, note.VerifierList(env.verifier), nil); err == nil {
			t.Fatalf("the receipt of %s verifies for another tracker", p)
		}
	}
	if _, err := engine.EncryptedBallotReceipt(context.Background(), a, "v1", "00"); assembly.CodeOf(err) != assembly.ErrNotFound {
		t.Fatalf("unknown tracker: %v", err)
	}
	env.close()
	env.open()
	env.must("chief", "close_vote", obj{"vote": "v1"})
	totals := env.state().Votes["v1"].Encrypted.Tally.Totals
	env.must("d1", "post_partial_decryption", obj{"vote": "v1", "decryption": json.RawMessage(c.Decrypt(t, 2, totals))})
	env.must("d2", "post_partial_decryption", obj{"vote": "v1", "decryption": json.RawMessage(c.Decrypt(t, 3, totals))})
	v := env.state().Votes["v1"]
	if v.Status != assembly.VoteStatusDeclared || v.Result.Arithmetic != "3 for, 1 against, 1 abstaining, 4 cast; 3 needed; carried" {
		t.Fatalf("result %+v", v.Result)
	}
	st := env.replayed()
	if st.Votes["v1"].Encrypted.Counts["for"] != 3 {
		t.Fatal("the replayed record does not hold the count")
	}
}

// BenchmarkEncryptedVote10000: 10,000 delegates cast encrypted
// yes/no/abstain ballots through the engine in batches of 100 (every proof
// checked by the writer), then the close (the homomorphic sum) and two
// partial decryptions (2 of 3) derive and declare the result. It reports
// the ballots checked and recorded per second and the time of the count,
// from close_vote to the declared result.
func BenchmarkEncryptedVote10000(b *testing.B) {
	const n = 10000
	for range b.N {
		env := newTestEnv(b)
		env.setupBatched(n)
		c := env.encryptedCeremony(2)
		ballots := make([][]byte, n)
		var wg sync.WaitGroup
		workers := runtime.GOMAXPROCS(0)
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := w; i < n; i += workers {
					ballots[i] = enctest.Ballot(b, c.Key, 3, i%3, fmt.Sprintf("m-d%d", i))
				}
			}()
		}
		wg.Wait()
		start := time.Now()
		env.submitBatched(n, func(i int) (string, assembly.Command) {
			p := fmt.Sprintf("d%d", i)
			return p, assembly.CastEncryptedBallot{Vote: "v1", Voter: p, Ballot: ballots[i]}
		})
		cast := time.Since(start)
		start = time.Now()
		env.must("chief", "close_vote", obj{"vote": "v1"})
		totals := env.state().Votes["v1"].Encrypted.Tally.Totals
		env.must("d0", "post_partial_decryption", obj{"vote": "v1", "decryption": json.RawMessage(c.Decrypt(b, 1, totals))})
		env.must("d2", "post_partial_decryption", obj{"vote": "v1", "decryption": json.RawMessage(c.Decrypt(b, 3, totals))})
		count := time.Since(start)
		if res := env.state().Votes["v1"].Result; res == nil || res.For != assembly.Exact((n+2)/3) {
			b.Fatalf("result %+v", res)
		}
		b.ReportMetric(float64(n)/cast.Seconds(), "ballots/s")
		b.ReportMetric(float64(count.Milliseconds()), "count-ms")
		env.close()
	}
}

// submitBatched submits n commands in batches of 100 through SubmitAll.
func (env *testEnv) submitBatched(n int, cmd func(i int) (string, assembly.Command)) {
	env.t.Helper()
	a, _ := env.eng.Assembly("coop")
	for i := 0; i < n; i += 100 {
		var metas []assembly.Meta
		var cmds []assembly.Command
		for j := i; j < min(i+100, n); j++ {
			actor, c := cmd(j)
			env.at = env.at.Add(time.Millisecond)
			metas = append(metas, assembly.Meta{Assembly: "coop", Actor: actor, At: env.at})
			cmds = append(cmds, c)
		}
		if _, failed, err := a.SubmitAll(context.Background(), metas, cmds); err != nil {
			env.t.Fatalf("batch from %d: command %d: %v", i, failed, err)
		}
	}
}

// setupBatched is setup(n) with the delegates' commands in batches.
func (env *testEnv) setupBatched(n int) {
	env.setup(3)
	for _, step := range []func(p string) (string, assembly.Command){
		func(p string) (string, assembly.Command) {
			return "admin", assembly.AddPerson{ID: p, Name: "Delegate " + p}
		},
		func(p string) (string, assembly.Command) {
			return "admin", assembly.SubmitMandate{ID: "m-" + p, Person: p, Organization: "members", Kind: "decisive"}
		},
		func(p string) (string, assembly.Command) { return "admin", assembly.VerifyMandate{Mandate: "m-" + p} },
		func(p string) (string, assembly.Command) { return p, assembly.CheckIn{Person: p} },
	} {
		env.submitBatched(n-3, func(i int) (string, assembly.Command) { return step(fmt.Sprintf("d%d", i+3)) })
	}
}
