package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/fault"
	"plenum/store/postgres/pgtest"
)

// Sizes of the fault tests (TestClusterPostgresRestarts,
// TestClusterWriterCutOff).
const (
	faultBallots  = 36               // ballots sent per round through any node
	faultFirst    = 8                // acknowledged before the outage starts
	faultRecovery = 10 * time.Second // the bound on accepting again after the database returns
	faultStuck    = 10 * time.Second // within which each node must accept a ballot itself after a round
	faultAnswer   = 4 * time.Second  // within which a node cut off from the database answers a command
)

// waitAcked waits until k of voters' ballots are acknowledged.
func (c *clusterTest) waitAcked(round int, voters []string, k int) {
	for deadline := time.Now().Add(30 * time.Second); c.ackedOf(voters) < k; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			c.t.Fatalf("round %d: %d of the round's ballots acknowledged in 30 s; problems: %s", round, c.ackedOf(voters), c.problemList())
		}
	}
}

// firstAcceptedAfter is how long after at a 201 came, to an attempt sent
// after sentAfter, from a node for which by is true; -1 if none.
func (c *clusterTest) firstAcceptedAfter(at, sentAfter time.Time, by func(node string) bool) (time.Duration, string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	best, on := time.Duration(-1), ""
	for _, a := range c.answers201 {
		if by(a.node) && a.sent.After(sentAfter) && a.recv.After(at) {
			if d := a.recv.Sub(at); best < 0 || d < best {
				best, on = d, a.node
			}
		}
	}
	return best, on
}

// created201 lists the 201s to attempts sent after from and answered
// before to, by a node for which by is true.
func (c *clusterTest) created201(from, to time.Time, by func(node string) bool) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var l []string
	for _, a := range c.answers201 {
		if by(a.node) && a.sent.After(from) && a.recv.Before(to) {
			l = append(l, fmt.Sprintf("%s sent %v after the outage began, answered %v after", a.node, a.sent.Sub(from).Round(time.Millisecond), a.recv.Sub(from).Round(time.Millisecond)))
		}
	}
	return l
}

// probeEach sends one ballot to each node itself (voters from…from+2),
// retried on that node only: a node that does not accept one within
// faultStuck is stuck. It returns the voters.
func (c *clusterTest) probeEach(ctx context.Context, round int, tokens map[string]string, from int) []string {
	var wg sync.WaitGroup
	for k, n := range c.nodes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.castTo(ctx, from+k, tokens["p"+strconv.Itoa(from+k)], n, faultStuck)
		}()
	}
	wg.Wait()
	if p := c.problemList(); p != "" {
		c.t.Fatalf("round %d: after the outage, each node sent a ballot itself: %s", round, p)
	}
	return voterNames(from, len(c.nodes))
}

// slowest is the longest an attempt sent to node from from until to
// waited for its answer (or its error), and that attempt's outcome.
func (c *clusterTest) slowest(node string, from, to time.Time) (time.Duration, string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var d time.Duration
	var outcome string
	for _, a := range c.tries {
		if a.node == node && !a.sent.Before(from) && a.sent.Before(to) && a.recv.Sub(a.sent) > d {
			d, outcome = a.recv.Sub(a.sent), a.outcome
		}
	}
	return d, outcome
}

// anyNode and notNode select the nodes firstAcceptedAfter and
// created201 look at.
func anyNode(string) bool { return true }

func notNode(name string) func(string) bool { return func(n string) bool { return n != name } }

func isNode(name string) func(string) bool { return func(n string) bool { return n == name } }

// outcomes503 counts the attempts answered 503 in counts (of
// triedBetween).
func outcomes503(counts map[string]map[string]int) int {
	k := 0
	for _, byOutcome := range counts {
		for o, n := range byOutcome {
			if strings.HasPrefix(o, "503") {
				k += n
			}
		}
	}
	return k
}

// TestClusterPostgresRestarts restarts PostgreSQL under three nodes, as
// far as the nodes can tell: every node reaches the database through one
// fault proxy, which cuts every connection and refuses new ones (SetDown)
// for 3 s, 3 s, then 6 s (longer than the 3 s lease), then lets them
// through again; in a fourth round it holds every byte for 6 s (Stall: a
// database that hangs rather than restarts). Each outage comes in the
// middle of a load of ballots (TestClusterKillWriter's, through all three
// nodes, retried with the same Idempotency-Key). After each round: no
// ballot sent during the outage was answered 201 before the database
// returned (nothing can be recorded), some were answered 503, every
// answer came within 4 s (none held until the database returned); the
// cluster accepted a ballot within 10 s of the database's return
// (the time is logged); each node accepts a ballot sent to it alone
// within 10 s (no assembly suspended for ever); and checkRound's
// invariants (each node's checkpoint reaches the database's size, streams
// complete and in order, plenum verify, every acknowledged ballot in the
// record once, no fork).
func TestClusterPostgresRestarts(t *testing.T) {
	if testing.Short() {
		t.Skip("three plenum serve nodes, three database outages")
	}
	dsn := pgtest.Fresh(t)
	pdsn, proxy := proxied(t, dsn)
	started := time.Now()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c, tokens := startClusterTest(t, ctx, dsn, func(int) string { return pdsn })
	// Two restarts shorter than the lease (3 s: the writers cannot renew
	// and stop counting on it), one longer (the leases expire in the
	// database and are taken again), then a stall as long.
	outages := []time.Duration{3 * time.Second, 3 * time.Second, 6 * time.Second, 6 * time.Second}

	next := 0
	var prevTree tlog.Tree
	var recoveries []time.Duration
	for round := 1; round <= len(outages); round++ {
		c.round.Store(int64(round))
		outage := outages[round-1]
		voters := voterNames(next, faultBallots)
		rest, wait := c.load(ctx, tokens, next, faultBallots, faultFirst)
		next += faultBallots
		c.waitAcked(round, voters, faultFirst)
		before := c.ackedOf(voters)
		down := time.Now()
		stall := round == 4
		if stall {
			proxy.Stall(true)
		} else {
			proxy.SetDown(true)
		}
		rest()
		time.Sleep(outage)
		if stall {
			proxy.Stall(false)
		} else {
			proxy.SetDown(false)
		}
		up := time.Now()
		wait()
		if p := c.problemList(); p != "" {
			t.Fatalf("round %d: %s", round, p)
		}
		if l := c.created201(down, up, anyNode); len(l) > 0 {
			t.Fatalf("round %d: ballots answered 201 while the database was down (nothing could be recorded): %s", round, strings.Join(l, "; "))
		}
		during := c.triedBetween(down, up)
		if outcomes503(during) == 0 {
			t.Fatalf("round %d: no ballot sent during the outage was answered 503: %s", round, summarizeTries(during))
		}
		for _, n := range c.nodes {
			if slow, outcome := c.slowest(n.name, down, up); slow > faultAnswer {
				t.Fatalf("round %d: %s took %v to answer an attempt sent during the outage (%s); the answers during the outage: %s", round, n.name, slow.Round(time.Millisecond), outcome, summarizeTries(during))
			}
		}
		rec, on := c.firstAcceptedAfter(up, down, anyNode)
		if rec < 0 || rec > faultRecovery {
			t.Fatalf("round %d: the first ballot accepted after the database returned came %v after it (on %s); the attempts since: %s", round, rec, on, c.triedSince(up))
		}
		recoveries = append(recoveries, rec)
		voters = append(voters, c.probeEach(ctx, round, tokens, next)...)
		next += len(c.nodes)
		prevTree = c.checkRound(round, voters, prevTree)
		how := "down (SetDown)"
		if stall {
			how = "stalled (Stall)"
		}
		t.Logf("round %d: database %s for %v after %d ballots; during the outage: %s; accepted again %v after it returned (on %s); log size %d",
			round, how, outage, before, summarizeTries(during), rec.Round(time.Millisecond), on, prevTree.N)
	}
	cancel()
	t.Logf("%d outages in %v: %d ballots acknowledged; accepted again after the database returned: %v", len(outages), time.Since(started).Round(time.Second), len(c.acked), roundAll(recoveries))
}

// TestClusterWriterCutOff cuts the writer alone off from the database
// while clients still reach it over HTTP: each node reaches PostgreSQL
// through a fault proxy of its own, and the writer's (the holder of the
// log's lease, by plenum cluster status) is cut for 8 s — longer than the
// 3 s lease — by SetDown (connections cut, new ones refused) in odd rounds
// and by Stall (every byte held, nothing closed; delivered after) in even
// ones, in the middle of a load of ballots through all three nodes. After
// each round: the cut-off node answered no ballot sent to it during the
// cut 201 before the heal, and answered each within 4 s (not held until
// the heal or the client's timeout); another node accepted a ballot
// within 5 s of the cut (failover, logged); after the heal the cut-off
// node accepts a ballot sent to it alone within 10 s (its time logged),
// as does every other node; and checkRound's invariants.
func TestClusterWriterCutOff(t *testing.T) {
	if testing.Short() {
		t.Skip("three plenum serve nodes, the writer cut off from the database four times")
	}
	dsn := pgtest.Fresh(t)
	var proxies []*fault.Proxy
	var dsns []string
	for range 3 {
		d, p := proxied(t, dsn)
		dsns, proxies = append(dsns, d), append(proxies, p)
	}
	started := time.Now()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c, tokens := startClusterTest(t, ctx, dsn, func(i int) string { return dsns[i] })
	const cut = 8 * time.Second
	const rounds = 4 // two of each kind of cut

	next := 0
	var prevTree tlog.Tree
	var failovers, rejoins []time.Duration
	for round := 1; round <= rounds; round++ {
		c.round.Store(int64(round))
		voters := voterNames(next, faultBallots)
		rest, wait := c.load(ctx, tokens, next, faultBallots, faultFirst)
		next += faultBallots
		c.waitAcked(round, voters, faultFirst)
		w, token, err := c.writer()
		if err != nil {
			t.Fatalf("round %d: finding the writer: %v; problems so far: %s", round, err, c.problemList())
		}
		var p *fault.Proxy
		for k, n := range c.nodes {
			if n == w {
				p = proxies[k]
			}
		}
		how := "SetDown"
		down := time.Now()
		if round%2 == 1 {
			p.SetDown(true)
		} else {
			how = "Stall"
			p.Stall(true)
		}
		rest()
		// What waits for a lock, and for whom, when another node should
		// have taken over (clusterFailover after the cut).
		var blocked string
		time.Sleep(clusterFailover)
		if _, on := c.firstAcceptedAfter(down, down, notNode(w.name)); on == "" {
			blocked = fmt.Sprintf("; %v after the cut, none accepted yet, the backends waiting for a lock: %s", clusterFailover, blockedBackends(dsn))
		}
		time.Sleep(cut - clusterFailover)
		if round%2 == 1 {
			p.SetDown(false)
		} else {
			p.Stall(false)
		}
		up := time.Now()
		wait()
		if pr := c.problemList(); pr != "" {
			t.Fatalf("round %d (cut %s off by %s): %s", round, w.name, how, pr)
		}
		if l := c.created201(down.Add(100*time.Millisecond), up, isNode(w.name)); len(l) > 0 {
			t.Fatalf("round %d: %s, cut off from the database by %s, answered ballots 201: %s", round, w.name, how, strings.Join(l, "; "))
		}
		// The cut-off node answers at once, or within its bound on
		// reading the database (auth.SessionLookupTimeout, the lease's
		// local deadline), and never holds a command until the client
		// gives up (10 s).
		slow, slowOutcome := c.slowest(w.name, down, up)
		if slow > faultAnswer {
			t.Fatalf("round %d: %s, cut off from the database by %s, took %v to answer an attempt sent during the cut (%s); the answers during the cut: %s", round, w.name, how, slow.Round(time.Millisecond), slowOutcome, summarizeTries(c.triedBetween(down, up)))
		}
		failover, on := c.firstAcceptedAfter(down, down, notNode(w.name))
		if failover < 0 || failover > clusterFailover {
			t.Fatalf("round %d: after %s was cut off (%s), the first ballot accepted by another node came %v later (on %s); the attempts since the cut: %s%s", round, w.name, how, failover, on, c.triedSince(down), blocked)
		}
		failovers = append(failovers, failover)
		probed := time.Now()
		voters = append(voters, c.probeEach(ctx, round, tokens, next)...)
		next += len(c.nodes)
		rejoin, _ := c.firstAcceptedAfter(up, probed, isNode(w.name))
		rejoins = append(rejoins, rejoin)
		prevTree = c.checkRound(round, voters, prevTree)
		t.Logf("round %d: cut writer %s (token %d) off by %s for %v; the answers during the cut: %s; the slowest answer of %s to an attempt sent during the cut took %v (%s); another node accepted %v after the cut (%s); %s accepted a ballot itself %v after the heal; log size %d%s",
			round, w.name, token, how, cut, summarizeTries(c.triedBetween(down, up)), w.name, slow.Round(time.Millisecond), slowOutcome, failover.Round(time.Millisecond), on, w.name, rejoin.Round(time.Millisecond), prevTree.N, blocked)
	}
	cancel()
	t.Logf("%d cuts in %v: %d ballots acknowledged; failover %v; the cut node accepting again after the heal: %v", rounds, time.Since(started).Round(time.Second), len(c.acked), roundAll(failovers), roundAll(rejoins))
}

// roundAll rounds durations to the millisecond, for the logs.
func roundAll(ds []time.Duration) []time.Duration {
	r := make([]time.Duration, len(ds))
	for i, d := range ds {
		r[i] = d.Round(time.Millisecond)
	}
	return r
}

// blockedBackends describes the backends of dsn's database that wait for
// a lock, and those that block them (pg_blocking_pids): their state, how
// long their transaction has run, and their last statement. Empty if none
// waits.
func blockedBackends(dsn string) string {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return "(pg_stat_activity not read: " + err.Error() + ")"
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `
WITH waiting AS (SELECT pid, pg_blocking_pids(pid) AS by FROM pg_stat_activity WHERE datname = current_database() AND cardinality(pg_blocking_pids(pid)) > 0)
SELECT a.pid, coalesce(w.by::text, ''), coalesce(a.state, ''), coalesce(a.wait_event_type || '/' || a.wait_event, ''),
       coalesce(round(EXTRACT(EPOCH FROM now() - a.xact_start)::numeric, 2)::text, '-'), left(regexp_replace(a.query, '\s+', ' ', 'g'), 70)
FROM pg_stat_activity a LEFT JOIN waiting w ON w.pid = a.pid
WHERE a.pid IN (SELECT pid FROM waiting) OR a.pid IN (SELECT unnest(by) FROM waiting)
ORDER BY a.pid`)
	if err != nil {
		return "(pg_stat_activity not read: " + err.Error() + ")"
	}
	defer rows.Close()
	var l []string
	for rows.Next() {
		var pid int
		var by, state, wait, xact, query string
		if err := rows.Scan(&pid, &by, &state, &wait, &xact, &query); err != nil {
			return "(pg_stat_activity not read: " + err.Error() + ")"
		}
		s := fmt.Sprintf("pid %d (%s, %s, transaction %s s: %q)", pid, state, wait, xact, query)
		if by != "" {
			s += " waits for " + by
		}
		l = append(l, s)
	}
	return strings.Join(l, "; ")
}
