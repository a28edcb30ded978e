package main

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/tlog"

	"plenum/fault"
	"plenum/remote"
	"plenum/store/postgres/pgtest"
)

// lostCommitRound is a round of TestClusterLostCommit: the fault on the
// writer's At-th COMMIT after the quiet point (its At-th append), and how
// long after it the writer is killed.
type lostCommitRound struct {
	fault fault.Fault
	kill  time.Duration
	heard lostHeard
	what  string
}

// lostHeard is what the writer learns of its lost batch before it is
// killed.
type lostHeard int

const (
	// unheard: nothing (it was waiting for the reply, or could not read
	// the log back): its ballots are answered after the kill, from the
	// record, by the next writer.
	unheard lostHeard = iota
	// settled: the writer read the log back, found the batch committed
	// and answered its ballots 201 before the kill.
	settled
)

var lostCommitRounds = []lostCommitRound{
	{fault.Fault{Kind: fault.DropReply, At: 2}, 500 * time.Millisecond, unheard,
		"the COMMIT's reply dropped: the writer is waiting for it (its append timeout is 30 s) when killed"},
	{fault.Fault{Kind: fault.CutAfter, At: 1}, 500 * time.Millisecond, settled,
		"the connection cut after the COMMIT: the writer reads the log back, answers from it, and goes on until killed"},
	{fault.Fault{Kind: fault.CutAfter, At: 2, Delay: 3 * time.Second}, time.Second, unheard,
		"the connection cut after the COMMIT and the database unreachable for 3 s: the writer cannot read the log back, is suspended and retrying when killed"},
	{fault.Fault{Kind: fault.DropReply, At: 1}, 100 * time.Millisecond, unheard,
		"the COMMIT's reply dropped, the writer killed soon after"},
}

// Sizes of a round of TestClusterLostCommit.
const (
	lostQuiet = 6  // ballots acknowledged before the fault is armed (the log then quiet)
	lostLoad  = 18 // ballots sent after: the first or second append among them loses its COMMIT's reply
)

// TestClusterLostCommit combines a lost PostgreSQL COMMIT reply with the
// writer's death: three plenum serve nodes on one database (as
// TestClusterKillWriter), each reaching it through a fault proxy of its
// own. Each round sends some ballots and waits for them (the log is then
// quiet, at size S0); arms the writer's proxy to lose the reply to its
// first or second COMMIT after that (DropReply; or CutAfter, the
// connection cut after the COMMIT, with or without the database then
// unreachable for 3 s); sends more ballots through any node; and kills
// the writer with SIGKILL while it waits for that reply or retries
// reading the log back (or, after a plain cut, once it has read it
// back). Every client retries an unanswered ballot with the same
// Idempotency-Key at any node until it is acknowledged; another node
// takes over; the killed node starts again. After each round:
//
//   - the lost batch (between the checkpoints the database stored after
//     S0) was committed and holds only ballots sent in the round;
//   - if the writer could not have heard, each of its ballots was first
//     answered after the kill, 200 (replayed from the record, at its
//     entry), after an attempt that got no answer; after a plain cut,
//     the writer answered each 201 before the kill (it read the log back
//     and found the batch committed);
//   - no ballot was first acknowledged from the record when every
//     attempt before had been answered "nothing was recorded";
//   - every ballot of the round, sent again with its key, is answered
//     200 (replayed) at the same index and leaf hash;
//   - checkRound's invariants: every acknowledged ballot once in the
//     record, at its answer's index and leaf hash; each delegate's
//     ballot once; plenum verify passes; every checkpoint seen (the
//     killed writer's, the lost batch's stored one, the new writer's) is
//     a prefix of the record, and each round's tree extends the last.
func TestClusterLostCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("three plenum serve nodes, the writer killed four times")
	}
	dsn := pgtest.Fresh(t)
	var proxies []*fault.Proxy
	var dsns []string
	for range 3 {
		d, p := proxied(t, dsn)
		dsns, proxies = append(dsns, d), append(proxies, p)
	}
	db := killDB(t, dsn)
	defer db.Close()
	started := time.Now()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c, tokens := startClusterTest(t, ctx, dsn, func(i int) string { return dsns[i] })

	next := 0
	var prevTree tlog.Tree
	for k, r := range lostCommitRounds {
		round := k + 1
		c.round.Store(int64(round))
		roundStart := time.Now()

		// The quiet point: the first ballots acknowledged, nothing in
		// flight, the log at S0.
		rest, wait := c.load(ctx, tokens, next, lostQuiet, lostQuiet-clusterWorkers)
		rest()
		wait()
		if p := c.problemList(); p != "" {
			t.Fatalf("round %d, before the fault: %s", round, p)
		}
		w, token, err := c.writer()
		if err != nil {
			t.Fatalf("round %d: finding the writer: %v", round, err)
		}
		_, _, s0, err := c.clusterStatus()
		if err != nil {
			t.Fatal(err)
		}
		p := proxies[slices.Index(c.nodes, w)]
		p.Injected()
		p.Arm(r.fault)
		armed := time.Now()

		// The load, through any node: clusterWorkers ballots at once,
		// the others after the kill. The writer's At-th append loses its
		// COMMIT's reply, and the writer is killed r.kill after.
		loaded := lostQuiet + lostLoad
		rest, wait = c.load(ctx, tokens, next+lostQuiet, lostLoad, 0)
		var injected fault.Counts
		for deadline := time.Now().Add(20 * time.Second); injected.Total() == 0; time.Sleep(2 * time.Millisecond) {
			if time.Now().After(deadline) {
				rest()
				cancel()
				wait()
				t.Fatalf("round %d: %v armed on %s's proxy, not injected within 20 s; problems: %s", round, r.fault, w.name, c.problemList())
			}
			injected.Add(p.Injected())
		}
		faulted := time.Now()
		if r.heard == settled {
			// The writer reads the log back and answers the ballots in
			// flight: on a loaded machine that may take longer than
			// r.kill, so wait for their answers first (up to 15 s; the
			// checks below name any not answered 201 before the kill).
			inflight := voterNames(next+lostQuiet, min(clusterWorkers, lostLoad))
			for deadline := time.Now().Add(15 * time.Second); c.ackedOf(inflight) < len(inflight) && time.Now().Before(deadline); {
				time.Sleep(5 * time.Millisecond)
			}
		}
		time.Sleep(r.kill)
		killed := time.Now()
		w.kill9()
		rest()

		// The lost batch: the At-th append after S0, whose entries end
		// at the At-th checkpoint stored after S0 (whatever the next
		// writer appends comes after it).
		from, end, signed, err := c.nthBatch(ctx, db, s0, r.fault.At)
		if err != nil {
			cancel()
			wait()
			t.Fatalf("round %d: %v: the batch whose COMMIT's reply was lost (%v) was not committed", round, err, r.fault)
		}
		c.sawCheckpoint("the database's checkpoint of the lost batch", signed)

		// The killed node starts again once another has accepted a
		// ballot (as in TestClusterKillWriter).
		failover, on := c.firstAccepted(killed, w.name)
		for ; failover < 0 && time.Since(killed) < 15*time.Second; failover, on = c.firstAccepted(killed, w.name) {
			time.Sleep(5 * time.Millisecond)
		}
		// (A CutAfter's Delay over: its database reachable again.)
		time.Sleep(time.Until(faulted.Add(r.fault.Delay + 100*time.Millisecond)))
		restarted := make(chan error, 1)
		go func() { restarted <- w.start(c.bin) }()
		wait()
		if err := <-restarted; err != nil {
			t.Fatalf("round %d: restarting %s: %v", round, w.name, err)
		}
		if pr := c.problemList(); pr != "" {
			t.Fatalf("round %d (%v on %s, token %d, killed %v after): %s", round, r.fault, w.name, token, r.kill, pr)
		}
		if failover < 0 {
			t.Fatalf("round %d: no node but the killed %s accepted a ballot sent after the kill within 15 s; the attempts since the kill: %s", round, w.name, c.triedSince(killed))
		}

		// Every ballot of the round sent again with its key: answered
		// from the record.
		voters := voterNames(next, loaded)
		resent := time.Now()
		rest, wait = c.load(ctx, tokens, next, loaded, loaded-clusterWorkers)
		rest()
		wait()
		next += loaded
		if pr := c.problemList(); pr != "" {
			t.Fatalf("round %d, sending the round's ballots again: %s", round, pr)
		}
		for _, a := range c.triesOf(voters, resent) {
			if a.outcome != "200" && !strings.HasPrefix(a.outcome, "503") && a.outcome != "connection error" {
				t.Fatalf("round %d: %s's ballot, acknowledged, sent again with its key to %s: %s, not 200 (replayed)", round, a.voter, a.node, a.outcome)
			}
		}

		prevTree = c.checkRound(round, voters, prevTree)
		lost := c.checkLostBatch(round, r, w, from, end, voters, killed)
		c.checkNoLies(round, voters)
		nw, ntoken, err := c.writer()
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		t.Logf("round %d (%s): %v on %s (token %d) %v after arming, killed %v later; the lost batch: entries %d–%d (%s); another node accepted %v after the kill (%s); writer now %s (token %d); log size %d; round %v",
			round, r.what, r.fault, w.name, token, faulted.Sub(armed).Round(time.Millisecond), r.kill,
			from, end-1, strings.Join(lost, ", "), failover.Round(time.Millisecond), on, nw.name, ntoken, prevTree.N, time.Since(roundStart).Round(time.Millisecond))
	}
	cancel()
	t.Logf("%d rounds in %v: %d ballots acknowledged, %d checkpoints seen", len(lostCommitRounds), time.Since(started).Round(time.Second), len(c.acked), len(c.checkpoints))
}

// nthBatch reads the database's checkpoints of the log after size s0:
// the n-th append after it holds the entries from…end-1, and signed is
// its checkpoint.
func (c *clusterTest) nthBatch(ctx context.Context, db *sql.DB, s0 int64, n int) (from, end int64, signed []byte, err error) {
	rows, err := db.QueryContext(ctx, `SELECT c.size, c.data FROM checkpoints c JOIN logs l ON l.id = c.log_id
		WHERE l.origin = $1 AND c.size > $2 ORDER BY c.size LIMIT $3`, c.origin, s0, n)
	if err != nil {
		return 0, 0, nil, err
	}
	defer rows.Close()
	from, end = s0, s0
	k := 0
	for rows.Next() {
		from = end
		if err := rows.Scan(&end, &signed); err != nil {
			return 0, 0, nil, err
		}
		k++
	}
	if err := rows.Err(); err != nil {
		return 0, 0, nil, err
	}
	if k < n {
		return 0, 0, nil, fmt.Errorf("%d checkpoints stored after size %d, not %d", k, s0, n)
	}
	return from, end, signed, nil
}

// triesOf lists the attempts for voters sent since from.
func (c *clusterTest) triesOf(voters []string, from time.Time) []try {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []try
	for _, a := range c.tries {
		if !a.sent.Before(from) && slices.Contains(voters, a.voter) {
			out = append(out, a)
		}
	}
	return out
}

// checkLostBatch checks the batch whose COMMIT's reply was lost, entries
// from…end-1, after round r (see TestClusterLostCommit), and returns its
// voters with their first answers, for the log.
func (c *clusterTest) checkLostBatch(round int, r lostCommitRound, w *clusterNode, from, end int64, voters []string, killed time.Time) []string {
	t := c.t
	t.Helper()
	n := c.pick(nil)
	lc := remote.NewClient(n.url+"/log/"+killAssembly, c.hc)
	ballots, err := ballotsInLog(context.Background(), lc, end)
	if err != nil {
		t.Fatalf("round %d: %s: %v", round, n.name, err)
	}
	at := map[int64]string{}
	for voter, l := range ballots {
		for _, b := range l {
			at[b.index] = voter
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for i := from; i < end; i++ {
		voter, ok := at[i]
		if !ok || !slices.Contains(voters[lostQuiet:], voter) {
			t.Fatalf("round %d: entry %d, in the batch whose COMMIT's reply was lost (%d–%d), is not a ballot sent after the fault was armed (%q)", round, i, from, end-1, voter)
		}
		a := c.acked[voter]
		if a.index != i {
			t.Fatalf("round %d: %s's ballot, in the lost batch at entry %d, was acknowledged at %d", round, voter, i, a.index)
		}
		switch r.heard {
		case settled:
			if a.status != 201 || !a.recv.Before(killed) {
				t.Fatalf("round %d: %s's ballot, in the lost batch at entry %d, was first answered %d (by way of %s) %v after %s was killed; want 201 before the kill (the writer reads the log back after the cut and finds it committed)", round, voter, i, a.status, a.node, a.recv.Sub(killed).Round(time.Millisecond), w.name)
			}
		case unheard:
			// The killed writer never learned the batch committed: the
			// ballot is answered after the kill, from the record (by the
			// next writer), after an attempt that got no answer.
			if a.status != 200 || a.recv.Before(killed) {
				t.Fatalf("round %d: %s's ballot, in the lost batch at entry %d, was first answered %d (by way of %s) %v after %s was killed; want 200 (replayed from the record), after the kill", round, voter, i, a.status, a.node, a.recv.Sub(killed).Round(time.Millisecond), w.name)
			}
			earlier := 0
			for _, tr := range c.tries {
				if tr.voter == voter && tr.sent.Before(a.recv) && tr.outcome != "200" {
					earlier++
				}
			}
			if earlier == 0 {
				t.Fatalf("round %d: %s's ballot, in the lost batch at entry %d, was answered from the record at its first attempt", round, voter, i)
			}
		}
		out = append(out, fmt.Sprintf("%s first answered %d by %s", voter, a.status, a.node))
	}
	return out
}

// checkNoLies fails the test if a ballot of voters was first acknowledged
// from the record (200, replayed) although every attempt before was
// answered "nothing was recorded" (or there was none): one of those
// answers was false, or the record holds a ballot nobody sent.
func (c *clusterTest) checkNoLies(round int, voters []string) {
	t := c.t
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, v := range voters {
		a := c.acked[v]
		if a.status != 200 {
			continue
		}
		var before []string
		definite := true
		for _, tr := range c.tries {
			if tr.voter == v && tr.sent.Before(a.recv) && tr.outcome != "200" {
				before = append(before, tr.node+": "+tr.outcome)
				definite = definite && tr.notRecorded
			}
		}
		if definite {
			t.Fatalf("round %d: %s's ballot was first acknowledged from the record (200, replayed, at entry %d by %s), yet every attempt before was answered \"nothing was recorded\": %s", round, v, a.index, a.node, strconv.Quote(strings.Join(before, "; ")))
		}
	}
}
