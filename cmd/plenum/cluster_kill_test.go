package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/auth"
	"plenum/httpapi"
	"plenum/ledger"
	"plenum/remote"
	"plenum/store/postgres/pgtest"
)

// The plenum binary the tests that kill server processes run, built once
// per test binary into builtPlenumDir (removed by TestMain).
var (
	builtPlenumOnce sync.Once
	builtPlenumDir  string
	builtPlenum     string
	builtPlenumErr  error
)

// plenumBinary builds cmd/plenum (without the race detector: the servers
// are the system under test, not this test's code) and returns its path.
func plenumBinary(t *testing.T) string {
	t.Helper()
	builtPlenumOnce.Do(func() {
		dir, err := os.MkdirTemp("", "plenum-bin-")
		if err != nil {
			builtPlenumErr = err
			return
		}
		builtPlenumDir = dir
		bin := filepath.Join(dir, "plenum")
		cmd := exec.Command("go", "build", "-o", bin, ".")
		if out, err := cmd.CombinedOutput(); err != nil {
			builtPlenumErr = fmt.Errorf("go build: %v: %s", err, out)
			return
		}
		builtPlenum = bin
	})
	if builtPlenumErr != nil {
		t.Fatal(builtPlenumErr)
	}
	return builtPlenum
}

// runPlenum runs the built binary to its end and returns its exit code
// and output.
func runPlenum(t *testing.T, bin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatalf("plenum %s: %v", args[0], err)
	}
	return code, o.String(), e.String()
}

// freeAddr returns an address of 127.0.0.1 with a port free now, for a
// node that must know its advertised address before it starts.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// clusterNode is one plenum serve process of a cluster test, started
// again on the same address, data directory and name after each kill.
type clusterNode struct {
	name, addr, url, data string
	db                    string // the DSN the node reaches PostgreSQL by (through a fault proxy in the fault tests)

	mu     sync.Mutex
	cmd    *exec.Cmd
	out    *syncBuffer
	up     bool // serving, as far as the test knows (a load balancer's health check)
	starts int
}

// start runs the node on its database URL and waits until it listens (a
// restarted node first waits for its killed predecessor's name to fall
// silent).
func (n *clusterNode) start(bin string) error {
	out := &syncBuffer{}
	cmd := exec.Command(bin, serveNodeArgs(n.db, n.data, n.addr, n.name, n.url)...)
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	deadline := time.After(30 * time.Second)
	for !strings.Contains(out.String(), "plenum serve: listening on ") {
		select {
		case <-done:
			return fmt.Errorf("node %s exited while starting: %s", n.name, out.String())
		case <-deadline:
			cmd.Process.Kill()
			return fmt.Errorf("node %s did not listen within 30 s: %s", n.name, out.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	n.mu.Lock()
	n.cmd, n.out, n.up = cmd, out, true
	n.starts++
	n.mu.Unlock()
	return nil
}

// kill9 kills the node with SIGKILL and marks it down.
func (n *clusterNode) kill9() {
	n.mu.Lock()
	cmd := n.cmd
	n.up, n.cmd = false, nil
	n.mu.Unlock()
	if cmd != nil {
		cmd.Process.Signal(syscall.SIGKILL)
	}
}

func (n *clusterNode) isUp() bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.up
}

// output is what the running (or last) process of the node printed.
func (n *clusterNode) output() string {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.out == nil {
		return ""
	}
	return n.out.String()
}

// Sizes of the cluster kill test.
const (
	clusterRounds      = 20 // writers killed
	clusterRoundBallot = 36 // ballots sent per round
	clusterWorkers     = 6  // ballots in flight at once
	clusterFailover    = 5 * time.Second
)

// clusterTest is the state of TestClusterKillWriter: the nodes, the
// sessions, and everything seen, to be checked after each round.
type clusterTest struct {
	t      *testing.T
	bin    string
	dsn    string
	origin string
	nodes  []*clusterNode
	admin  string // the administrator's session token
	verif  note.Verifiers
	hc     *http.Client
	round  atomic.Int64

	mu          sync.Mutex
	problems    []string         // what broke, "round N: …", found by the streams and the load
	acked       map[string]ack   // voter → the first acknowledged answer
	receipts    map[int64]string // ledger index → leaf hash (base64), from every answer
	checkpoints map[int64][]byte // tree size → root hash, from every checkpoint seen
	seenFrom    map[int64]string // tree size → where its checkpoint was first seen
	answers201  []created        // every 201, in order of arrival
	tries       []try            // every attempt's outcome, for the failure messages
	streams     []*streamWatcher
}

// ack is an acknowledged ballot.
type ack struct {
	index    int64
	leafHash string
	node     string
	round    int64
	status   int       // 201, or 200: replayed from the record
	recv     time.Time // when the answer came
}

// try is an attempt to send a ballot: whose, to which node, when, and
// what came of it ("201", "503 unavailable", "connection error").
type try struct {
	voter, node string
	sent, recv  time.Time // recv: when the answer (or the error) came
	outcome     string
	notRecorded bool // the answer said nothing was recorded
}

// created is a 201: which node answered, the attempt sent when.
type created struct {
	node       string
	sent, recv time.Time
}

func (c *clusterTest) problem(format string, args ...any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.problems = append(c.problems, fmt.Sprintf("round %d: ", c.round.Load())+fmt.Sprintf(format, args...))
}

// upNodes are the nodes the test knows are serving.
func (c *clusterTest) upNodes() []*clusterNode {
	var up []*clusterNode
	for _, n := range c.nodes {
		if n.isUp() {
			up = append(up, n)
		}
	}
	return up
}

// pick returns a serving node at random, preferring one other than not.
func (c *clusterTest) pick(not *clusterNode) *clusterNode {
	up := c.upNodes()
	if len(up) > 1 && not != nil {
		up = slices.DeleteFunc(up, func(n *clusterNode) bool { return n == not })
	}
	if len(up) == 0 {
		return nil
	}
	return up[rand.IntN(len(up))]
}

// sawCheckpoint notes a signed checkpoint seen from where: it must open
// with the log's key, and no two may give one tree size two roots.
func (c *clusterTest) sawCheckpoint(where string, signed []byte) {
	cp, err := remote.OpenCheckpoint(signed, c.verif, c.origin)
	if err != nil {
		c.problem("the checkpoint from %s does not open: %v", where, err)
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if h, ok := c.checkpoints[cp.Size]; !ok {
		c.checkpoints[cp.Size] = cp.Hash[:]
		c.seenFrom[cp.Size] = where
	} else if !bytes.Equal(h, cp.Hash[:]) {
		c.problems = append(c.problems, fmt.Sprintf("round %d: FORK: two checkpoints of tree size %d with different roots, from %s and from %s", c.round.Load(), cp.Size, c.seenFrom[cp.Size], where))
	}
}

// cast sends voter i's ballot with its idempotency key to a serving node,
// and again to another on a 502/503/504 or a connection error, until it
// is acknowledged (201 or replayed 200). Anything else is a problem.
func (c *clusterTest) cast(ctx context.Context, i int, token string) {
	c.castTo(ctx, i, token, nil, 30*time.Second)
}

// castTo is cast, sent only to the node only if it is not nil, retried
// for at most within.
func (c *clusterTest) castTo(ctx context.Context, i int, token string, only *clusterNode, within time.Duration) {
	voter := "p" + strconv.Itoa(i)
	body := fmt.Sprintf(`{"cmd":"cast_ballot","args":{"vote":%q,"voter":%q,"choice":%q}}`, killVote, voter, killChoice(i))
	key := "ballot-" + voter
	var last *clusterNode
	var lastErr string
	deadline := time.Now().Add(within)
	for attempt := 0; ; attempt++ {
		if time.Now().After(deadline) {
			c.problem("%s's ballot not acknowledged within %v, %d attempts; the last: %s", voter, within, attempt, lastErr)
			return
		}
		if attempt > 0 {
			time.Sleep(time.Duration(min(20*attempt, 200)) * time.Millisecond)
		}
		n := only
		if n == nil {
			n = c.pick(last)
		}
		if n == nil {
			lastErr = "no node serving"
			continue
		}
		last = n
		req, _ := http.NewRequestWithContext(ctx, "POST", n.url+"/api/assemblies/"+killAssembly+"/commands", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Plenum", "1")
		req.Header.Set("Idempotency-Key", key)
		req.Header.Set("Cookie", auth.CookieName+"="+token)
		sent := time.Now()
		res, err := c.hc.Do(req)
		if err != nil {
			lastErr = fmt.Sprintf("%s: %v", n.name, err)
			c.tried(try{voter: voter, node: n.name, sent: sent, outcome: "connection error"})
			continue
		}
		raw, _ := io.ReadAll(res.Body)
		res.Body.Close()
		recv := time.Now()
		var prob struct{ Code, Detail string }
		json.Unmarshal(raw, &prob)
		c.tried(try{voter: voter, node: n.name, sent: sent, outcome: strings.TrimSpace(strconv.Itoa(res.StatusCode) + " " + prob.Code),
			notRecorded: res.StatusCode == http.StatusServiceUnavailable && strings.Contains(strings.ToLower(prob.Detail), "nothing was recorded")})
		switch res.StatusCode {
		case http.StatusCreated, http.StatusOK:
		case http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
			lastErr = fmt.Sprintf("%s: %s %s", n.name, res.Status, raw)
			continue
		default:
			c.problem("%s's ballot (attempt %d, key %s) answered by %s: %s %s", voter, attempt+1, key, n.name, res.Status, raw)
			return
		}
		var ans httpapi.CommandResponse
		if err := json.Unmarshal(raw, &ans); err != nil || ans.Receipt == nil {
			c.problem("%s's ballot answered %s by %s without a receipt: %s", voter, res.Status, n.name, raw)
			return
		}
		c.sawCheckpoint("the answer to "+voter+" by "+n.name, []byte(ans.Receipt.Checkpoint))
		c.sawCheckpoint("the answer to "+voter+" by "+n.name, []byte(ans.Checkpoint))
		r := ans.Receipt
		c.mu.Lock()
		if h, ok := c.receipts[r.Index]; ok && h != r.LeafHash {
			c.problems = append(c.problems, fmt.Sprintf("round %d: FORK: two answers for ledger index %d with different leaf hashes (%s, now %s for %s by %s)", c.round.Load(), r.Index, h, r.LeafHash, voter, n.name))
		}
		c.receipts[r.Index] = r.LeafHash
		if a, ok := c.acked[voter]; ok && a.index != r.Index {
			c.problems = append(c.problems, fmt.Sprintf("round %d: %s's ballot acknowledged at index %d (by %s) and at %d (by %s)", c.round.Load(), voter, a.index, a.node, r.Index, n.name))
		}
		if _, ok := c.acked[voter]; !ok {
			c.acked[voter] = ack{index: r.Index, leafHash: r.LeafHash, node: n.name, round: c.round.Load(), status: res.StatusCode, recv: recv}
		}
		if res.StatusCode == http.StatusCreated {
			c.answers201 = append(c.answers201, created{node: n.name, sent: sent, recv: recv})
		}
		c.mu.Unlock()
		return
	}
}

func (c *clusterTest) tried(a try) {
	a.recv = time.Now()
	c.mu.Lock()
	c.tries = append(c.tries, a)
	c.mu.Unlock()
}

// triedSince sums up the attempts sent since t: how many of each outcome
// each node gave, such as "node-b: 12× 503 unavailable, 3× 201".
func (c *clusterTest) triedSince(t time.Time) string {
	return summarizeTries(c.triedBetween(t, time.Now().Add(time.Hour)))
}

// triedBetween counts the attempts sent from from until to: by node, by
// outcome.
func (c *clusterTest) triedBetween(from, to time.Time) map[string]map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	count := map[string]map[string]int{}
	for _, a := range c.tries {
		if a.sent.Before(from) || !a.sent.Before(to) {
			continue
		}
		if count[a.node] == nil {
			count[a.node] = map[string]int{}
		}
		count[a.node][a.outcome]++
	}
	return count
}

// summarizeTries writes triedBetween's counts as "node-b: 12× 503
// unavailable, 3× 201; …".
func summarizeTries(count map[string]map[string]int) string {
	var parts []string
	for _, node := range slices.Sorted(maps.Keys(count)) {
		var o []string
		for _, outcome := range slices.Sorted(maps.Keys(count[node])) {
			o = append(o, fmt.Sprintf("%d× %s", count[node][outcome], outcome))
		}
		parts = append(parts, node+": "+strings.Join(o, ", "))
	}
	if len(parts) == 0 {
		return "no attempts"
	}
	return strings.Join(parts, "; ")
}

// streamWatcher holds an event stream open on a node, reconnecting with
// Last-Event-ID after a break, to its own node if it serves, else to
// another, and checks that the ids go up one at a time.
type streamWatcher struct {
	c    *clusterTest
	home *clusterNode

	mu         sync.Mutex
	last       int64 // the last id received; -1 before any
	reconnects int
	refused    int    // reconnections answered 409 or 503: a node behind the client
	on         string // the node it is reading from now
}

func (s *streamWatcher) lastID() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last
}

func (s *streamWatcher) run(ctx context.Context) {
	for ctx.Err() == nil {
		n := s.home
		if !n.isUp() {
			n = s.c.pick(nil)
		}
		if n == nil {
			time.Sleep(50 * time.Millisecond)
			continue
		}
		s.read(ctx, n)
		if ctx.Err() == nil {
			s.mu.Lock()
			s.reconnects++
			s.mu.Unlock()
			time.Sleep(20 * time.Millisecond)
		}
	}
}

// read reads one connection's events until it breaks.
func (s *streamWatcher) read(ctx context.Context, n *clusterNode) {
	req, _ := http.NewRequestWithContext(ctx, "GET", n.url+"/api/assemblies/"+killAssembly+"/events", nil)
	req.Header.Set("Accept", "text/event-stream")
	req.Header.Set("Cookie", auth.CookieName+"="+s.c.admin)
	last := s.lastID()
	if last >= 0 {
		req.Header.Set("Last-Event-ID", strconv.FormatInt(last, 10))
	} else {
		q := req.URL.Query()
		q.Set("after", "-1")
		req.URL.RawQuery = q.Encode()
	}
	res, err := streamClientHTTP.Do(req)
	if err != nil {
		return
	}
	defer res.Body.Close()
	switch res.StatusCode {
	case http.StatusOK:
	case http.StatusConflict, http.StatusServiceUnavailable:
		// A node that has not yet heard of the entries the client saw
		// (an EventSource would give up here: see docs/cluster.md).
		s.mu.Lock()
		s.refused++
		s.mu.Unlock()
		time.Sleep(100 * time.Millisecond)
		return
	default:
		b, _ := io.ReadAll(io.LimitReader(res.Body, 512))
		s.c.problem("the event stream of %s on %s: %s %s", s.home.name, n.name, res.Status, b)
		time.Sleep(time.Second)
		return
	}
	s.mu.Lock()
	s.on = n.name
	s.mu.Unlock()
	br := bufio.NewReader(res.Body)
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return
		}
		v, ok := strings.CutPrefix(line, "id: ")
		if !ok {
			continue
		}
		id, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil {
			s.c.problem("the event stream of %s on %s sent the id %q", s.home.name, n.name, v)
			continue
		}
		s.mu.Lock()
		if id != s.last+1 {
			what := "missed"
			if id <= s.last {
				what = "repeated"
			}
			s.c.problem("the event stream of %s (now on %s, after %d reconnects) sent id %d after %d: events %s", s.home.name, n.name, s.reconnects, id, s.last, what)
		}
		s.last = max(s.last, id)
		s.mu.Unlock()
	}
}

// streamClientHTTP reads event streams: no timeout, a stream is long.
var streamClientHTTP = &http.Client{Transport: &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 4}}

// statusJSON is what the tests read of plenum cluster status --json.
type statusJSON struct {
	At    time.Time
	Nodes []struct {
		Name, Advertise, State string
		Stopped                *time.Time
	}
	Leases []struct {
		Log, Holder string
		Token       int64
		Expired     bool
	}
	Logs []struct {
		Log  string
		Size int64
	}
}

// clusterStatus runs plenum cluster status --json.
func (c *clusterTest) clusterStatus() (holder string, token int64, size int64, err error) {
	code, out, errs := runPlenum(c.t, c.bin, "cluster", "status", "--db", c.dsn, "--json")
	if code != 0 {
		return "", 0, 0, fmt.Errorf("plenum cluster status: exit %d: %s", code, errs)
	}
	var st statusJSON
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		return "", 0, 0, fmt.Errorf("plenum cluster status --json: %v: %s", err, out)
	}
	for _, l := range st.Logs {
		if l.Log == c.origin {
			size = l.Size
		}
	}
	for _, l := range st.Leases {
		if l.Log == c.origin && !l.Expired {
			return l.Holder, l.Token, size, nil
		}
	}
	return "", 0, size, nil
}

// writer waits up to 5 s for a serving node to hold the log's lease.
func (c *clusterTest) writer() (*clusterNode, int64, error) {
	var holder string
	var token int64
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		var err error
		if holder, token, _, err = c.clusterStatus(); err != nil {
			return nil, 0, err
		}
		for _, n := range c.nodes {
			if n.name == holder && n.isUp() {
				return n, token, nil
			}
		}
	}
	if holder == "" {
		return nil, 0, fmt.Errorf("no node holds a live lease of %s (plenum cluster status --json lists none): nobody is the writer", c.origin)
	}
	return nil, 0, fmt.Errorf("the lease of %s is held by %q, which is not a serving node", c.origin, holder)
}

// getText GETs a path of a node with the administrator's session.
func (c *clusterTest) getText(n *clusterNode, path string) ([]byte, error) {
	req, _ := http.NewRequest("GET", n.url+path, nil)
	req.Header.Set("Cookie", auth.CookieName+"="+c.admin)
	res, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err == nil && res.StatusCode != http.StatusOK {
		err = fmt.Errorf("GET %s on %s: %s %s", path, n.name, res.Status, b)
	}
	return b, err
}

// TestClusterKillWriter is issue #15's test: three plenum serve nodes on
// one PostgreSQL database, the same signing key, a secret vote of 800
// delegates. Each of 20 rounds sends 36 ballots, each to a node picked
// at random and, on a 502/503/504 or a connection error, again with the
// same Idempotency-Key to another; once some are acknowledged it kills
// the node holding the log's lease (plenum cluster status --json) with
// SIGKILL, and starts it again. An event stream is held open on each
// node, reconnecting with Last-Event-ID (to another node while its own
// is down). After each round it checks: every node's checkpoint reaches
// the database's log size; every stream saw every event once, in order;
// plenum verify passes; every acknowledged ballot is in the record once,
// at the index and with the leaf hash its answer gave; no two answers
// or checkpoints disagree about an index or a tree size, and every
// checkpoint seen is a prefix of the record (consistency proofs from the
// tiles); and another node accepted a command within 5 s of the kill.
func TestClusterKillWriter(t *testing.T) {
	if testing.Short() {
		t.Skip("kills and starts plenum serve 20 times")
	}
	dsn := pgtest.Fresh(t)
	started := time.Now()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c, tokens := startClusterTest(t, ctx, dsn, func(int) string { return dsn })
	bin := c.bin

	next := 0 // the next voter
	var failovers []time.Duration
	var prevTree tlog.Tree
	for round := 1; round <= clusterRounds; round++ {
		c.round.Store(int64(round))
		if next+clusterRoundBallot > killVoters {
			t.Fatalf("round %d: out of voters", round)
		}
		// The load: this round's ballots, clusterWorkers at a time; the
		// first killAfter+clusterWorkers of them at once, the others
		// after the kill, so that some are in flight when it comes and
		// some are sent after it.
		killAfter := 4 + rand.IntN(clusterRoundBallot-2*clusterWorkers-4)
		rest, wait := c.load(ctx, tokens, next, clusterRoundBallot, killAfter)
		roundVoters := voterNames(next, clusterRoundBallot)
		// Kill the writer once a few of the round's ballots are in.
		for deadline := time.Now().Add(30 * time.Second); c.ackedOf(roundVoters) < killAfter; time.Sleep(5 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("round %d: %d of the round's ballots acknowledged in 30 s; problems: %s", round, c.ackedOf(roundVoters), c.problemList())
			}
		}
		w, token, err := c.writer()
		if err != nil {
			rest()
			cancel()
			wait()
			t.Fatalf("round %d: finding the writer: %v; problems so far: %s", round, err, c.problemList())
		}
		killed := time.Now()
		w.kill9()
		rest()
		next += clusterRoundBallot
		// The killed node starts again once another has accepted a
		// ballot (or 15 s have passed): a restart racing the takeover
		// would blur what the failover took.
		failover, on := c.firstAccepted(killed, w.name)
		for ; failover < 0 && time.Since(killed) < 15*time.Second; failover, on = c.firstAccepted(killed, w.name) {
			time.Sleep(5 * time.Millisecond)
		}
		restarted := make(chan error, 1)
		go func() { restarted <- w.start(bin) }()
		wait()
		if err := <-restarted; err != nil {
			t.Fatalf("round %d: restarting %s: %v", round, w.name, err)
		}
		if p := c.problemList(); p != "" {
			t.Fatalf("round %d (killed %s, token %d): %s", round, w.name, token, p)
		}
		if failover < 0 {
			t.Fatalf("round %d: no node but the killed %s accepted a ballot sent after the kill within 15 s; the attempts since the kill: %s", round, w.name, c.triedSince(killed))
		}
		failovers = append(failovers, failover)
		if failover > clusterFailover {
			t.Errorf("round %d: the first ballot accepted after %s was killed came %v after the kill (from %s); the issue promises %v. The attempts since the kill: %s", round, w.name, failover.Round(time.Millisecond), on, clusterFailover, c.triedSince(killed))
		}
		prevTree = c.checkRound(round, roundVoters, prevTree)
		t.Logf("round %d: killed writer %s (token %d) after %d of %d ballots; accepted again %v later on %s; log size %d",
			round, w.name, token, killAfter, clusterRoundBallot, failover.Round(time.Millisecond), on, prevTree.N)
	}
	cancel()
	slices.Sort(failovers)
	reconnects, refused := 0, 0
	for _, s := range c.streams {
		s.mu.Lock()
		reconnects += s.reconnects
		refused += s.refused
		s.mu.Unlock()
	}
	t.Logf("%d rounds in %v: %d ballots acknowledged, %d checkpoints seen, %d stream reconnects (%d answered 409 or 503, tried again); failover (kill to the next 201 on another node): median %v, max %v",
		clusterRounds, time.Since(started).Round(time.Second), len(c.acked), len(c.checkpoints), reconnects, refused,
		failovers[len(failovers)/2].Round(time.Millisecond), failovers[len(failovers)-1].Round(time.Millisecond))
}

// load sends the ballots of voters from…from+n-1 through the cluster,
// clusterWorkers at a time (cast: any node, retried with the same key):
// the first first+clusterWorkers at once, the others once rest is
// called, so that some are sent after the fault comes. wait returns once
// each is acknowledged or given up as a problem.
func (c *clusterTest) load(ctx context.Context, tokens map[string]string, from, n, first int) (rest, wait func()) {
	queue := make(chan int, n)
	for i := from; i < from+first+clusterWorkers; i++ {
		queue <- i
	}
	var wg sync.WaitGroup
	for range clusterWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range queue {
				c.cast(ctx, i, tokens["p"+strconv.Itoa(i)])
			}
		}()
	}
	rest = func() {
		for i := from + first + clusterWorkers; i < from+n; i++ {
			queue <- i
		}
		close(queue)
	}
	return rest, wg.Wait
}

// voterNames are p(from)…p(from+n-1).
func voterNames(from, n int) []string {
	v := make([]string, 0, n)
	for i := from; i < from+n; i++ {
		v = append(v, "p"+strconv.Itoa(i))
	}
	return v
}

// ackedOf counts the voters whose ballot is acknowledged.
func (c *clusterTest) ackedOf(voters []string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, v := range voters {
		if _, ok := c.acked[v]; ok {
			n++
		}
	}
	return n
}

func (c *clusterTest) problemList() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.problems) > 10 {
		return strings.Join(c.problems[:10], "\n") + fmt.Sprintf("\n… and %d more", len(c.problems)-10)
	}
	return strings.Join(c.problems, "\n")
}

// firstAccepted is how long after the kill the first 201 came to a
// ballot sent after it, by a node other than the killed one; -1 if none.
func (c *clusterTest) firstAccepted(killed time.Time, name string) (time.Duration, string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	best, on := time.Duration(-1), ""
	for _, a := range c.answers201 {
		if a.node != name && a.sent.After(killed) {
			if d := a.recv.Sub(killed); best < 0 || d < best {
				best, on = d, a.node
			}
		}
	}
	return best, on
}

// checkRound checks the cluster after a round: see TestClusterKillWriter.
// prev is the tree checked after the round before; it returns this
// round's.
func (c *clusterTest) checkRound(round int, roundVoters []string, prev tlog.Tree) tlog.Tree {
	t := c.t
	t.Helper()
	_, _, size, err := c.clusterStatus()
	if err != nil {
		t.Fatalf("round %d: %v", round, err)
	}
	// Every node's checkpoint, of the engine (API) and of the store
	// (tiles), reaches the database's size within 5 s.
	for _, n := range c.nodes {
		for _, path := range []string{"/api/assemblies/" + killAssembly + "/checkpoint", "/log/" + killAssembly + "/checkpoint"} {
			var got int64
			for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(50 * time.Millisecond) {
				b, err := c.getText(n, path)
				if err != nil {
					t.Fatalf("round %d: %v", round, err)
				}
				c.sawCheckpoint(n.name+" "+path, b)
				cp, err := remote.OpenCheckpoint(b, c.verif, c.origin)
				if err != nil {
					t.Fatalf("round %d: %s %s: %v", round, n.name, path, err)
				}
				if got = cp.Size; got >= size || time.Now().After(deadline) {
					break
				}
			}
			if got < size {
				t.Fatalf("round %d: %s's %s is at tree size %d 5 s after the round; the database's log has %d entries: a stale node", round, n.name, path, got, size)
			}
		}
	}
	// Every stream reaches the last entry.
	for _, s := range c.streams {
		var last int64
		for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
			if last = s.lastID(); last >= size-1 || time.Now().After(deadline) {
				break
			}
		}
		if last < size-1 {
			s.mu.Lock()
			on, rc := s.on, s.reconnects
			s.mu.Unlock()
			t.Fatalf("round %d: the event stream of %s (on %s, %d reconnects) is at id %d 5 s after the round; the log's last entry is %d: events missing", round, s.home.name, on, rc, last, size-1)
		}
	}
	if p := c.problemList(); p != "" {
		t.Fatalf("round %d: %s", round, p)
	}
	if code, out, errs := runPlenum(t, c.bin, "verify", "--db", c.dsn, "--data", c.nodes[0].data); code != 0 {
		t.Fatalf("round %d: plenum verify: exit %d: %s %s", round, code, out, errs)
	}

	// The record, from a node's tiles, authenticated against its
	// checkpoint: every acknowledged ballot once, where its answer said.
	n := c.pick(nil)
	lc := remote.NewClient(n.url+"/log/"+killAssembly, c.hc)
	signed, err := c.getText(n, "/log/"+killAssembly+"/checkpoint")
	if err != nil {
		t.Fatalf("round %d: %v", round, err)
	}
	cp, err := remote.OpenCheckpoint(signed, c.verif, c.origin)
	if err != nil {
		t.Fatalf("round %d: %v", round, err)
	}
	tree := tlog.Tree{N: cp.Size, Hash: cp.Hash}
	hr := lc.HashReader(context.Background(), tree)
	ballots, err := ballotsInLog(context.Background(), lc, tree.N)
	if err != nil {
		t.Fatalf("round %d: %s: %v", round, n.name, err)
	}
	c.mu.Lock()
	acked := maps.Clone(c.acked)
	receipts := maps.Clone(c.receipts)
	checkpoints := maps.Clone(c.checkpoints)
	c.mu.Unlock()
	for voter, idx := range ballots {
		if len(idx) != 1 {
			t.Fatalf("round %d: %s's ballot is in the record %d times, at %v", round, voter, len(idx), idx)
		}
	}
	for voter, a := range acked {
		idx := ballots[voter]
		if len(idx) != 1 || idx[0].index != a.index {
			t.Fatalf("round %d: %s's ballot, acknowledged in round %d by %s at index %d, is in the record at %v", round, voter, a.round, a.node, a.index, idx)
		}
	}
	for _, v := range roundVoters {
		if _, ok := acked[v]; !ok {
			t.Fatalf("round %d: %s's ballot was never acknowledged", round, v)
		}
	}
	// No fork: the leaf hash of every answer is the tree's, every
	// checkpoint seen is the tree's prefix of its size, and the tree
	// extends the last round's.
	idxs := make([]int64, 0, len(receipts))
	for i := range receipts {
		idxs = append(idxs, i)
	}
	slices.Sort(idxs)
	for _, i := range idxs {
		if i >= tree.N {
			t.Fatalf("round %d: an answer gave index %d; the tree has %d entries", round, i, tree.N)
		}
		hs, err := hr.ReadHashes([]int64{tlog.StoredHashIndex(0, i)})
		if err != nil {
			t.Fatalf("round %d: the record hash of entry %d: %v", round, i, err)
		}
		if got := base64.StdEncoding.EncodeToString(hs[0][:]); got != receipts[i] {
			t.Fatalf("round %d: FORK: an answer gave entry %d the leaf hash %s; the record has %s", round, i, receipts[i], got)
		}
	}
	for size, h := range checkpoints {
		if size > tree.N {
			t.Fatalf("round %d: a checkpoint of tree size %d was seen (from %s); the record has %d", round, size, c.seenFrom[size], tree.N)
		}
		if size == 0 {
			continue
		}
		th, err := tlog.TreeHash(size, hr)
		if err != nil {
			t.Fatalf("round %d: the tree hash at size %d: %v", round, size, err)
		}
		if !bytes.Equal(th[:], h) {
			t.Fatalf("round %d: FORK: the checkpoint of tree size %d seen from %s is not a prefix of the record", round, size, c.seenFrom[size])
		}
	}
	if prev.N > 0 {
		proof, err := tlog.ProveTree(tree.N, prev.N, hr)
		if err == nil {
			err = tlog.CheckTree(proof, tree.N, tree.Hash, prev.N, prev.Hash)
		}
		if err != nil {
			t.Fatalf("round %d: FORK: the tree of size %d does not extend the last round's of size %d: %v", round, tree.N, prev.N, err)
		}
	}
	// Checked: from now on a mismatch shows as a conflict with these.
	return tree
}

// adminSession uses the one-time administrator link and returns the
// session token it sets.
func adminSession(t *testing.T, link string) string {
	t.Helper()
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }, Timeout: 10 * time.Second}
	res, err := hc.Get(link)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	for _, ck := range res.Cookies() {
		if ck.Name == auth.CookieName {
			return ck.Value
		}
	}
	t.Fatalf("the administrator link %s set no session: %s", link, res.Status)
	return ""
}

// delegateSessions issues, as the administrator, the access codes of the
// delegates p0…p(n-1) of the kill test's assembly, and logs each in at
// base; it returns the session tokens by person.
func delegateSessions(t *testing.T, hc *http.Client, base, admin string, n int) map[string]string {
	t.Helper()
	req, _ := http.NewRequest("POST", base+"/api/assemblies/"+killAssembly+"/access-codes", strings.NewReader(`{}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Plenum", "1")
	req.Header.Set("Cookie", auth.CookieName+"="+admin)
	// Issuing them all is one command that derives each code's hash (on
	// the 2-core CI machine under load, 800 took more than hc's 10 s):
	// set-up, not a measure, so it has a minute.
	issuing := time.Now()
	res, err := (&http.Client{Transport: hc.Transport, Timeout: time.Minute}).Do(req)
	if err != nil {
		t.Fatalf("issuing the codes, after %v: %v", time.Since(issuing).Round(time.Millisecond), err)
	}
	t.Logf("%d access codes issued in %v", n, time.Since(issuing).Round(time.Millisecond))
	raw, _ := io.ReadAll(res.Body)
	res.Body.Close()
	var issued struct {
		Codes []struct{ Person, Code string }
	}
	if err := json.Unmarshal(raw, &issued); res.StatusCode != http.StatusCreated || err != nil || len(issued.Codes) != n {
		t.Fatalf("issuing the codes: %s, %d codes: %s", res.Status, len(issued.Codes), raw)
	}
	var mu sync.Mutex
	tokens := map[string]string{}
	work := make(chan int)
	errc := make(chan error, 8)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				code := issued.Codes[i]
				res, err := hc.Post(base+"/login", "application/json", strings.NewReader(`{"code":"`+code.Code+`"}`))
				if err != nil {
					errc <- err
					continue
				}
				res.Body.Close()
				for _, ck := range res.Cookies() {
					if ck.Name == auth.CookieName {
						mu.Lock()
						tokens[code.Person] = ck.Value
						mu.Unlock()
					}
				}
				if res.StatusCode != http.StatusOK {
					errc <- fmt.Errorf("logging %s in: %s", code.Person, res.Status)
				}
			}
		}()
	}
	for i := range issued.Codes {
		select {
		case work <- i:
		case err := <-errc:
			close(work)
			wg.Wait()
			t.Fatal(err)
		}
	}
	close(work)
	wg.Wait()
	select {
	case err := <-errc:
		t.Fatal(err)
	default:
	}
	if len(tokens) != n {
		t.Fatalf("%d of %d delegates logged in", len(tokens), n)
	}
	return tokens
}

// startClusterTest sets up the kill test's cluster on dsn: the assembly
// of killVoters delegates with a secret vote open (by plenum replay),
// three nodes with one signing key, node i reaching PostgreSQL by
// nodeDB(i), every delegate logged in (the tokens, by person), and an
// event stream held open on each node until ctx ends. The nodes are
// killed when the test ends.
func startClusterTest(t *testing.T, ctx context.Context, dsn string, nodeDB func(i int) string) (*clusterTest, map[string]string) {
	t.Helper()
	bin := plenumBinary(t)
	started := time.Now()
	c := &clusterTest{t: t, bin: bin, dsn: dsn, origin: "plenum.localhost/log/" + killAssembly,
		acked: map[string]ack{}, receipts: map[int64]string{}, checkpoints: map[int64][]byte{}, seenFrom: map[int64]string{},
		hc: &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 16, DisableCompression: true}}}
	t.Cleanup(c.hc.CloseIdleConnections)

	// The assembly, set up by replay with the key in a's data directory;
	// the same key copied to b and c.
	script := filepath.Join(t.TempDir(), "setup.jsonl")
	if err := os.WriteFile(script, []byte(killScript()), 0o600); err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"a", "b", "c"} {
		addr := freeAddr(t)
		c.nodes = append(c.nodes, &clusterNode{name: "node-" + name, addr: addr, url: "http://" + addr, data: t.TempDir(), db: nodeDB(i)})
	}
	t.Cleanup(func() {
		for _, n := range c.nodes {
			n.kill9()
		}
	})
	if code, out, errs := runPlenum(t, bin, "replay", "--db", dsn, "--data", c.nodes[0].data, script); code != 0 {
		t.Fatalf("setting up: exit %d: %s %s", code, out, errs)
	}
	key, err := os.ReadFile(filepath.Join(c.nodes[0].data, ledger.SigningKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range c.nodes[1:] {
		if err := os.WriteFile(filepath.Join(n.data, ledger.SigningKeyFile), key, 0o600); err != nil {
			t.Fatal(err)
		}
	}

	// Node a alone first: the administrator's link it prints, the codes
	// of all delegates, a session for each.
	if err := c.nodes[0].start(bin); err != nil {
		t.Fatal(err)
	}
	var m []string
	for deadline := time.Now().Add(10 * time.Second); m == nil; time.Sleep(20 * time.Millisecond) {
		if m = regexp.MustCompile(`one-time administrator login: (\S+)\n`).FindStringSubmatch(c.nodes[0].output()); m == nil && time.Now().After(deadline) {
			t.Fatalf("node a printed no administrator link: %s", c.nodes[0].output())
		}
	}
	c.admin = adminSession(t, m[1])
	vkey, err := c.getText(c.nodes[0], "/key")
	if err != nil {
		t.Fatal(err)
	}
	v, err := note.NewVerifier(strings.TrimSpace(string(vkey)))
	if err != nil {
		t.Fatal(err)
	}
	c.verif = note.VerifierList(v)
	tokens := delegateSessions(t, c.hc, c.nodes[0].url, c.admin, killVoters)
	for _, n := range c.nodes[1:] {
		if err := n.start(bin); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("set up in %v: %d delegates logged in, three nodes serving", time.Since(started).Round(time.Millisecond), len(tokens))

	for _, n := range c.nodes {
		s := &streamWatcher{c: c, home: n, last: -1}
		c.streams = append(c.streams, s)
		go s.run(ctx)
	}
	return c, tokens
}
