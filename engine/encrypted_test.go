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
	"plenum/ballot"
	"plenum/engine"
	"plenum/internal/enctest"
	"plenum/ledger"
	"plenum/tlogproof"
)

// encryptedCeremony opens the encrypted vote v1 on m1 with trustees
// d0, d1, d2 (k of 3) and runs their key ceremony through the engine.
func (env *testEnv) encryptedCeremony(k int) *enctest.Ceremony {
	env.t.Helper()
	env.must("admin", "open_vote", obj{"id": "v1", "motion": "m1", "method": "encrypted", "trustees": []string{"d0", "d1", "d2"}, "trustee_quorum": k})
	return env.ceremony("vote", "v1", env.state().Votes["v1"].Encrypted.Params())
}

// ceremony runs the key ceremony of trustees d0, d1, d2 in the encrypted
// vote or election (field) id.
func (env *testEnv) ceremony(field, id string, p ballot.Parameters) *enctest.Ceremony {
	env.t.Helper()
	c := enctest.Run(env.t, p)
	for i := range 3 {
		env.must(fmt.Sprintf("d%d", i), "post_trustee_key", obj{field: id, "key": json.RawMessage(enctest.Encode(env.t, c.Keys[i]))})
	}
	for i := range 3 {
		env.must(fmt.Sprintf("d%d", i), "post_dealing", obj{field: id, "dealing": json.RawMessage(enctest.Encode(env.t, c.Dealings[i]))})
	}
	for i := range 3 {
		env.must(fmt.Sprintf("d%d", i), "post_confirmation", obj{field: id, "confirmation": json.RawMessage(enctest.Encode(env.t, c.Confirmations[i]))})
	}
	return c
}

// approvalElection opens the encrypted approval election e1 of at most 2
// of the 5 candidates d0…d4 for 2 seats, trustees d0, d1, d2 (2 of 3),
// and runs its key ceremony.
func (env *testEnv) approvalElection() (*enctest.Ceremony, ballot.Question) {
	env.t.Helper()
	env.must("chief", "open_election", obj{"id": "e1", "title": "Auditors", "seats": 2, "method": "approval", "candidates": []string{"d0", "d1", "d2", "d3", "d4"},
		"approvals": 2, "encrypted": true, "trustees": []string{"d0", "d1", "d2"}, "trustee_quorum": 2})
	ev := env.state().Elections["e1"].Encrypted
	return env.ceremony("election", "e1", ev.Params()), ev.Question()
}

// approvalMarks is voter i's marks in the approval benchmarks: two of the
// five candidates, or one, or none.
func approvalMarks(i int) []int {
	m := make([]int, 5)
	switch i % 4 {
	case 0:
		m[0], m[1] = 1, 1
	case 1:
		m[1], m[2] = 1, 1
	case 2:
		m[i%5] = 1
	}
	return m
}

// TestEncryptedElectionEndToEnd: an encrypted approval election through
// the engine: the ballots (proofs checked before the writer) are recorded,
// a tracker's receipt verifies, the count survives a restart, two of three
// trustees decrypt, the elected are declared, and the audit with its
// parallel proof checks passes, and fails, naming the entry, on a log
// whose ballot proof was changed.
func TestEncryptedElectionEndToEnd(t *testing.T) {
	env := newTestEnv(t)
	env.setup(8)
	c, q := env.approvalElection()
	var tracker string
	for i := range 8 {
		p := fmt.Sprintf("d%d", i)
		b := enctest.Marks(t, c.Key, q, approvalMarks(i), "m-"+p)
		env.must(p, "cast_encrypted_ballot", obj{"election": "e1", "voter": p, "ballot": json.RawMessage(b)})
		tracker = assembly.Tracker(b)
	}
	over := enctest.Marks(t, c.Key, ballot.Question{Kind: ballot.Choice, Options: 5, Min: 0, Max: 3}, []int{1, 1, 1, 0, 0}, "m-d0")
	if _, err := env.submit("d0", "cast_encrypted_ballot", obj{"election": "e1", "voter": "d0", "ballot": json.RawMessage(over)}); assembly.CodeOf(err) != assembly.ErrConflict {
		t.Fatalf("a second ballot: %v", err)
	}
	a, _ := env.eng.Assembly("coop")
	rc, err := engine.EncryptedElectionBallotReceipt(context.Background(), a, "e1", tracker)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tlogproof.VerifyEncryptedBallot(rc, tracker, note.VerifierList(env.verifier), nil); err != nil {
		t.Fatalf("receipt: %v", err)
	}
	if _, err := engine.EncryptedElectionBallotReceipt(context.Background(), a, "v9", tracker); assembly.CodeOf(err) != assembly.ErrNotFound {
		t.Fatalf("receipt of an unknown election: %v", err)
	}
	env.close()
	env.open()
	env.must("chief", "close_election", obj{"election": "e1"})
	totals := env.state().Elections["e1"].Encrypted.Tally.Totals
	env.must("d0", "post_partial_decryption", obj{"election": "e1", "decryption": json.RawMessage(c.Decrypt(t, 1, totals))})
	env.must("d1", "post_partial_decryption", obj{"election": "e1", "decryption": json.RawMessage(c.Decrypt(t, 2, totals))})
	el := env.state().Elections["e1"]
	// d1 is approved on 5 of the 8 ballots, d2 on 3, d0 on 2.
	if el.Status != assembly.ElectionStatusDeclared || len(el.Elected) != 2 || el.Elected[0] != "d1" {
		t.Fatalf("elected %v (%s)", el.Elected, el.Arithmetic)
	}
	if st := env.replayed(); st.Elections["e1"].Status != assembly.ElectionStatusDeclared {
		t.Fatal("the replayed record does not hold the declaration")
	}
	r := engine.NewAuditReplayer()
	if _, err := ledger.Audit(context.Background(), env.store, note.VerifierList(env.verifier), r.AuditOptions()); err != nil {
		t.Fatal(err)
	}
	if err := r.Finish(); err != nil {
		t.Fatalf("proof checks: %v", err)
	}
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
		ballots := encryptAll(n, func(i int) []byte { return enctest.Ballot(b, c.Key, 3, i%3, fmt.Sprintf("m-d%d", i)) })
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

// BenchmarkEncryptedApproval10000: 10,000 delegates cast encrypted
// approval ballots (at most 2 of 5 candidates) through the engine in
// batches of 100, then the close (the sums per candidate) and two partial
// decryptions (2 of 3) derive the totals and declare the elected; last,
// plenum verify's audit of the log re-checks every ballot's proofs, once
// one after the other as before and once on every core. It reports the
// ballots recorded per second, the time of the count, and the audit's
// proof checks (ballots) per second, serial and parallel.
func BenchmarkEncryptedApproval10000(b *testing.B) {
	const n = 10000
	for range b.N {
		env := newTestEnv(b)
		env.setupBatched(n)
		c, q := env.approvalElection()
		workers := runtime.GOMAXPROCS(0)
		start := time.Now()
		ballots := encryptAll(n, func(i int) []byte { return enctest.Marks(b, c.Key, q, approvalMarks(i), fmt.Sprintf("m-d%d", i)) })
		encrypt := time.Since(start)
		start = time.Now()
		env.submitBatched(n, func(i int) (string, assembly.Command) {
			p := fmt.Sprintf("d%d", i)
			return p, assembly.CastEncryptedBallot{Election: "e1", Voter: p, Ballot: ballots[i]}
		})
		cast := time.Since(start)
		start = time.Now()
		env.must("chief", "close_election", obj{"election": "e1"})
		totals := env.state().Elections["e1"].Encrypted.Tally.Totals
		env.must("d0", "post_partial_decryption", obj{"election": "e1", "decryption": json.RawMessage(c.Decrypt(b, 1, totals))})
		env.must("d2", "post_partial_decryption", obj{"election": "e1", "decryption": json.RawMessage(c.Decrypt(b, 3, totals))})
		count := time.Since(start)
		want := 0
		for i := range n {
			want += approvalMarks(i)[1]
		}
		if el := env.state().Elections["e1"]; el.Status != assembly.ElectionStatusDeclared || el.Encrypted.Counts["d1"] != want {
			b.Fatalf("election %s, counts %v", el.Status, el.Encrypted.Counts)
		}
		audit := func(workers int) float64 {
			r := engine.NewAuditReplayerWorkers(workers)
			start := time.Now()
			if _, err := ledger.Audit(context.Background(), env.store, note.VerifierList(env.verifier), r.AuditOptions()); err != nil {
				b.Fatal(err)
			}
			if err := r.Finish(); err != nil {
				b.Fatal(err)
			}
			return float64(n) / time.Since(start).Seconds()
		}
		b.ReportMetric(float64(n)/encrypt.Seconds()/float64(workers), "encrypt/s/core")
		b.ReportMetric(float64(n)/cast.Seconds(), "ballots/s")
		b.ReportMetric(float64(count.Milliseconds()), "count-ms")
		b.ReportMetric(audit(0), "audit-serial-checks/s")
		b.ReportMetric(audit(workers), "audit-parallel-checks/s")
		env.close()
	}
}

// encryptAll makes n ballots with encrypt, on every core.
func encryptAll(n int, encrypt func(i int) []byte) [][]byte {
	ballots := make([][]byte, n)
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				ballots[i] = encrypt(i)
			}
		}()
	}
	wg.Wait()
	return ballots
}
