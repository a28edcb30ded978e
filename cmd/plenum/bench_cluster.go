package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"plenum/auth"
	"plenum/cluster"
	"plenum/ledger"
	"plenum/store"
	"plenum/store/postgres"
)

// clusterBench is plenum bench vote --db postgres://… [--nodes N]: the
// vote benchmark against N plenum serve processes on one PostgreSQL
// database.
type clusterBench struct {
	db        string
	nodes     int
	kill      string // "after", "mid" or "none"
	dir       string
	delegates int
	readers   int
	readEvery time.Duration // how often each reader fetches (0: as soon as answered)
	settle    time.Duration // how long the ballots wait, everyone connected
	separate  bool
	// readersApart: the ballots go to the writer, the readers to the
	// other nodes (--readers-apart).
	readersApart bool
}

// clusterBenchFlags checks --nodes, --db and --kill, and sets the default
// of --kill: after with several nodes, none with one.
func clusterBenchFlags(bench string, nodes int, db string, kill *string) error {
	switch {
	case nodes < 1:
		return &exitError{code: 2, msg: "--nodes must be at least 1"}
	case bench != "vote" && (nodes != 1 || db != "" || *kill != ""):
		return &exitError{code: 2, msg: "--nodes, --db and --kill are for plenum bench vote"}
	case nodes > 1 && db == "":
		return &exitError{code: 2, msg: fmt.Sprintf("--nodes %d needs a PostgreSQL database: give --db postgres://…, which every node shares (a SQLite database has one writing process, so it has no cluster)", nodes)}
	case db != "" && !store.IsPostgres(db):
		return &exitError{code: 2, msg: fmt.Sprintf("--db %q: give a postgres:// URL; without --db the benchmark runs on SQLite in a temporary directory", db)}
	}
	switch *kill {
	case "":
		*kill = "none"
		if nodes > 1 {
			*kill = "after"
		}
	case "none":
	case "after", "mid":
		if nodes < 2 {
			return &exitError{code: 2, msg: fmt.Sprintf("--kill %s needs --nodes 2 or more: another node must take over from the one killed", *kill)}
		}
	default:
		return &exitError{code: 2, msg: fmt.Sprintf("--kill %q: use after, mid or none", *kill)}
	}
	if *kill != "none" && db == "" {
		return &exitError{code: 2, msg: "--kill needs --db postgres://… and --nodes 2 or more"}
	}
	return nil
}

// benchNode is one plenum serve process of the benchmark.
type benchNode struct {
	name, addr, url, data string
	cmd                   *exec.Cmd
	out                   *syncBuffer
	done                  chan struct{}
}

// syncBuffer is a bytes.Buffer safe for a process writing while another
// goroutine reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startBenchNode starts plenum serve (this executable) as node i on db,
// with a copy of the signing key, on a free port of 127.0.0.1 that it
// also advertises, and waits until it listens. The port is found free
// and closed before the node binds it, so another process may take it in
// between (a CI run's tests connect and listen in parallel): a node that
// could not bind it is started again on another, as often as bindTries.
// serve listens before it registers in the cluster, so the node that
// failed left nothing behind.
func startBenchNode(ctx context.Context, dir, db string, i int, key []byte) (*benchNode, error) {
	return whilePortTaken(func() (*benchNode, error) { return startBenchNodeOnce(ctx, dir, db, i, key) })
}

// whilePortTaken calls start again while its error is errPortTaken, at
// most bindTries times in all.
func whilePortTaken(start func() (*benchNode, error)) (n *benchNode, err error) {
	for try := 1; ; try++ {
		n, err = start()
		if err == nil || try == bindTries || !errors.Is(err, errPortTaken) {
			return n, err
		}
	}
}

// portInUse is what serve's refusal says of a port another process holds
// (the system's words for EADDRINUSE, as net.Listen's error quotes them).
const portInUse = "address already in use"

// bindTries is how often startBenchNode starts a node whose port was
// taken before it could bind it.
const bindTries = 5

// errPortTaken is startBenchNodeOnce's error when the node exited because
// its port was in use.
var errPortTaken = errors.New("the port was taken before the node bound it")

// startBenchNodeOnce is one try of startBenchNode.
func startBenchNodeOnce(ctx context.Context, dir, db string, i int, key []byte) (*benchNode, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := ln.Addr().String()
	ln.Close()
	n := &benchNode{name: "bench-" + strconv.Itoa(i), addr: addr, url: "http://" + addr, data: filepath.Join(dir, "node-"+strconv.Itoa(i)), out: &syncBuffer{}, done: make(chan struct{})}
	if err := os.MkdirAll(n.data, 0o700); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(n.data, ledger.SigningKeyFile), key, 0o600); err != nil {
		return nil, err
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	n.cmd = exec.Command(exe, serveNodeArgs(db, n.data, n.addr, n.name, n.url)...)
	n.cmd.Stdout, n.cmd.Stderr = n.out, n.out
	if err := n.cmd.Start(); err != nil {
		return nil, err
	}
	go func() { n.cmd.Wait(); close(n.done) }()
	deadline := time.After(time.Minute)
	for !strings.Contains(n.out.String(), "plenum serve: listening on ") {
		select {
		case <-n.done:
			if strings.Contains(n.out.String(), portInUse) {
				return nil, fmt.Errorf("node %s: %w: %s", n.name, errPortTaken, n.out.String())
			}
			return nil, fmt.Errorf("node %s exited while starting: %s", n.name, n.out.String())
		case <-deadline:
			n.stop()
			return nil, fmt.Errorf("node %s did not listen within a minute: %s", n.name, n.out.String())
		case <-ctx.Done():
			n.stop()
			return nil, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
	return n, nil
}

// serveNodeArgs is the command line, after the executable, of a cluster
// node: plenum serve on db with its data directory, listening on addr,
// named name and advertising url. The benchmark's nodes and the cluster
// tests' (clusterNode.start) use it both, so that they start alike.
func serveNodeArgs(db, data, addr, name, url string) []string {
	return []string{"serve", "--db", db, "--data", data, "--addr", addr, "--node-name", name, "--advertise", url}
}

// stop ends the node: SIGTERM, then SIGKILL if it has not stopped within
// ten seconds.
func (n *benchNode) stop() {
	n.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-n.done:
	case <-time.After(10 * time.Second):
		n.cmd.Process.Kill()
		<-n.done
	}
}

// clusterVote runs the vote benchmark against c.nodes plenum serve
// processes on the PostgreSQL database c.db (see plenum bench --help).
func clusterVote(ctx context.Context, env *cliEnv, c clusterBench) error {
	out := env.stdout
	n := c.delegates
	dir, rmdir := c.dir, false
	if dir == "" {
		d, err := os.MkdirTemp("", "plenum-bench-")
		if err != nil {
			return err
		}
		dir, rmdir = d, true
	} else if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if rmdir {
		defer os.RemoveAll(dir)
	}
	fmt.Fprintf(out, "plenum bench vote: %d delegates; PostgreSQL %s; %d %s (plenum serve processes), the signing key in %s\n", n, postgres.Redact(c.db), c.nodes, pluralWord(c.nodes, "node", "nodes"), dir)

	// The assembly, recorded by an engine of this process before any node
	// starts; the codes and sessions made directly, as the SQLite run does.
	t0 := time.Now()
	eng, closeEngine, err := openEngine(ctx, c.db, dir, ledger.DefaultServerName)
	if err != nil {
		return err
	}
	if _, ok := eng.Assembly(benchAssembly); ok {
		closeEngine()
		return &exitError{code: 1, msg: fmt.Sprintf("the database already holds the assembly %q (of an earlier run?): give the benchmark an empty database", benchAssembly)}
	}
	b := &benchServer{eng: eng, clock: time.Now().UTC()}
	err = b.setup(ctx, n, true)
	var base int64
	if a, ok := eng.Assembly(benchAssembly); ok {
		base = a.Log().Size()
	}
	closeEngine()
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "setup:     %d persons with verified mandates, a sitting, a motion and an open vote in %v\n", n, since(t0))
	ps := persons(n)
	t0 = time.Now()
	// The rows are sealed with the nodes' signing key, in dir.
	signer, _, err := ledger.LoadOrCreateKey(dir, ledger.DefaultServerName)
	if err != nil {
		return err
	}
	rowKey, err := auth.RowKey(signer)
	if err != nil {
		return err
	}
	as, err := auth.Open(c.db, auth.Options{RowKey: rowKey})
	if err != nil {
		return err
	}
	_, err = as.IssueCodes(ctx, benchAssembly, ps)
	var tokens, chair []string
	if err == nil {
		tokens, err = as.NewSessions(ctx, benchAssembly, ps)
	}
	if err == nil {
		chair, err = as.NewSessions(ctx, benchAssembly, []string{"chair"})
	}
	as.Close()
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "access:    %d access codes issued and %d sessions made in %v\n", n, n, since(t0))

	key, err := os.ReadFile(filepath.Join(dir, ledger.SigningKeyFile))
	if err != nil {
		return err
	}
	t0 = time.Now()
	nodes := make([]*benchNode, c.nodes)
	errs := make([]error, c.nodes)
	var wg sync.WaitGroup
	for i := range nodes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			nodes[i], errs[i] = startBenchNode(ctx, dir, c.db, i+1, key)
		}()
	}
	wg.Wait()
	defer func() {
		for _, nd := range nodes {
			if nd != nil {
				nd.stop()
			}
		}
	}()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	urls := make([]string, len(nodes))
	for i, nd := range nodes {
		urls[i] = nd.url
	}
	fmt.Fprintf(out, "nodes:     %d started in %v, the same signing key: %s\n", len(nodes), since(t0), strings.Join(urls, " "))

	ballotURLs, readerURLs := urls, urls
	cl, err := cluster.Open(ctx, c.db)
	if err != nil {
		return err
	}
	defer cl.Close()
	origin, _ := ledger.Origin(ledger.DefaultServerName, benchAssembly)
	if c.readersApart {
		w, err := awaitWriter(ctx, cl, origin, nodes, chair[0])
		if err != nil {
			return err
		}
		ballotURLs, readerURLs = []string{w.url}, nil
		for _, u := range urls {
			if u != w.url {
				readerURLs = append(readerURLs, u)
			}
		}
		fmt.Fprintf(out, "apart:     the ballots go to %s, which holds the lease; the readers to the other nodes\n", w.name)
	}

	t0 = time.Now()
	lc, err := startReady(ctx, env, n, c.separate, ps, tokens, "the clients", "vote", strings.Join(ballotURLs, ","))
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "clients:   %d keep-alive connections opened in %v, spread over the nodes, %s\n", n, since(t0), lc.where())
	rc, err := startReady(ctx, env, 2*c.readers, lc.separate, []string{"chair"}, chair, "the readers", "read", strings.Join(readerURLs, ","), strconv.Itoa(c.readers), c.readEvery.String())
	if err != nil {
		return err
	}
	defer rc.stop()

	fo := &writerKill{c: cl, origin: origin, nodes: nodes, chair: chair[0]}
	// --kill mid: the writer is killed once half the ballots are in the
	// log, as the database has it. The clients hold the last quarter back
	// until then (let go the moment the writer is killed, or when the
	// kill is given up): however fast the machine, the burst cannot end
	// before the kill, which comes with ballots in flight, and the
	// quarter goes to a cluster whose writer has just died.
	midKill := make(chan error, 1)
	midCtx, stopMid := context.WithCancel(ctx)
	defer stopMid()
	if c.kill == "mid" {
		st, err := store.OpenStore(ctx, c.db, true)
		if err != nil {
			return err
		}
		defer st.Close()
		lc.hold, fo.afterKill = max(n/4, 1), lc.release
		go func() {
			defer lc.release()
			size, grew := base, time.Now()
			for midCtx.Err() == nil {
				h, err := st.Head(midCtx, origin)
				if err == nil && h.Size >= base+int64(n/2) {
					fo.at = fmt.Sprintf("when %d of the %d ballots were in the log", h.Size-base, n)
					midKill <- fo.kill(ctx) // not cut short when the ballots end first
					return
				}
				if err == nil && h.Size > size {
					size, grew = h.Size, time.Now()
				}
				if time.Since(grew) > time.Minute {
					midKill <- fmt.Errorf("the log stayed at %d of the %d ballots for a minute: half of them never were in it", size-base, n)
					return
				}
				time.Sleep(5 * time.Millisecond)
			}
			midKill <- nil
		}()
	}

	r, err := runBurst(ctx, out, lc, rc, c.settle, nil)
	if err != nil {
		return err
	}
	lat, elapsed := r.lat, r.elapsed
	// A ballot answered 200 was sent again after a broken connection and
	// answered from the record: the first attempt was recorded.
	replayed, failed := r.answered("200"), r.failed("201", "200")
	ok := len(lat) - failed
	failures := maps.Clone(r.statuses) // by status; 0 for a broken connection
	delete(failures, "201")
	delete(failures, "200")
	var why []string
	for _, status := range slices.Sorted(maps.Keys(failures)) {
		why = append(why, fmt.Sprintf("%d× status %s", failures[status], status))
	}
	if len(why) > 0 {
		why[0] = " (" + why[0]
		why[len(why)-1] += ")"
	}
	fmt.Fprintf(out, "ballots:   %d accepted (%d of them answered as replayed: recorded by an attempt whose answer was lost), %d failed%s, all answered in %v: %.0f durable ballots/s\n",
		ok, replayed, failed, strings.Join(why, ", "), elapsed.Round(time.Millisecond), float64(ok)/elapsed.Seconds())
	lc.failures(out)
	latencyLine(out, "request sent to durable answer (retries included)", lat)
	fmt.Fprintf(out, "attempts:  %d for %d ballots: %d sent again to another node after a 502/503/504 or a broken connection\n", r.attempts, n, r.retried)
	readFailed, err := readerReport(out, rc, c.readers, c.readEvery)
	if err != nil {
		return err
	}

	var killErr error
	switch c.kill {
	case "mid":
		stopMid()
		killErr = <-midKill
		if killErr == nil && fo.killed == nil {
			killErr = errors.New("the ballots ended before half of them were in the log")
		}
	case "after":
		fo.at = "after the ballots"
		killErr = fo.kill(ctx)
	}
	if c.kill != "none" {
		if killErr != nil {
			fmt.Fprintf(out, "failover:  not measured: %v\n", killErr)
		} else {
			fmt.Fprintf(out, "failover:  killed the writer %s (kill -9) %s; a command was accepted again %v later, by %s (%d %s); the lease went from token %d to %d, held by %s\n",
				fo.killed.name, fo.at, fo.took.Round(time.Millisecond), fo.by, fo.probes, pluralWord(fo.probes, "attempt", "attempts"), fo.token, fo.newToken, fo.newHolder)
		}
	}

	// The count, from the database as it is now.
	eng, closeEngine, err = openEngine(ctx, c.db, dir, ledger.DefaultServerName)
	if err != nil {
		return err
	}
	var counted, voters int
	var size, cpSize int64
	if a, ok := eng.Assembly(benchAssembly); ok {
		counted, voters, size, cpSize = voteCount(a)
	}
	closeEngine()
	fmt.Fprintf(out, "check:     the vote counts %d ballots from %d delegates; the checkpoint covers %d entries, the log has %d\n", counted, voters, cpSize, size)
	switch {
	case failed > 0:
		return &exitError{code: 1, msg: fmt.Sprintf("%d ballots failed", failed)}
	case readFailed > 0 && c.kill != "mid":
		return &exitError{code: 1, msg: fmt.Sprintf("%d reads failed", readFailed)}
	case counted != n || voters != n || cpSize != size:
		return &exitError{code: 1, msg: fmt.Sprintf("expected %d ballots, one per delegate, all durable", n)}
	case killErr != nil:
		return &exitError{code: 1, msg: "failover: " + killErr.Error()}
	}
	return nil
}

// writerKill kills the writer of the benchmark's log and measures how long
// until another node accepts a command.
type writerKill struct {
	c      *cluster.Cluster
	origin string
	nodes  []*benchNode
	chair  string // the chair's session, whose command probes
	at     string // when the kill came, in words
	// afterKill, if not nil, is called the moment the writer is killed.
	afterKill func()

	killed          *benchNode
	token, newToken int64
	newHolder, by   string
	took            time.Duration
	probes          int
}

// kill finds the node holding the log's live lease, kills it with
// SIGKILL, and sends the chair's record_narrative, with one idempotency
// key, to the other nodes in turn until one accepts it: the time from the
// kill to that answer is the failover time.
func (f *writerKill) kill(ctx context.Context) error {
	st, err := f.c.Status(ctx, 0)
	if err != nil {
		return err
	}
	for _, l := range st.Leases {
		if l.Log != f.origin || l.Left <= 0 {
			continue
		}
		for _, n := range f.nodes {
			if n.name == l.Holder {
				f.killed, f.token = n, l.Token
			}
		}
	}
	if f.killed == nil {
		return fmt.Errorf("no node holds a live lease of %s: nobody to kill (do the nodes take leases?)", f.origin)
	}
	killedAt := time.Now()
	f.killed.cmd.Process.Kill()
	if f.afterKill != nil {
		f.afterKill()
	}
	var others []*benchNode
	for _, n := range f.nodes {
		if n != f.killed {
			others = append(others, n)
		}
	}
	hc := &http.Client{Timeout: 10 * time.Second}
	body := `{"cmd":"record_narrative","args":{"text":"The writer was killed; this command probes when another node accepts one."}}`
	var last string
	for f.probes = 1; time.Since(killedAt) < time.Minute; f.probes++ {
		n := others[(f.probes-1)%len(others)]
		req, _ := http.NewRequestWithContext(ctx, "POST", n.url+"/api/assemblies/"+benchAssembly+"/commands", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Idempotency-Key", "failover-probe")
		req.Header.Set("Cookie", auth.CookieName+"="+f.chair)
		res, err := hc.Do(req)
		if err == nil {
			raw, _ := io.ReadAll(io.LimitReader(res.Body, 1024))
			res.Body.Close()
			if res.StatusCode == http.StatusCreated || res.StatusCode == http.StatusOK {
				f.took, f.by = time.Since(killedAt), n.name
				break
			}
			last = fmt.Sprintf("%s: %s %s", n.name, res.Status, bytes.TrimSpace(raw))
			if !retryable(nil, res.StatusCode) {
				return fmt.Errorf("the probe was refused by %s", last)
			}
		} else {
			last = err.Error()
		}
		time.Sleep(25 * time.Millisecond)
	}
	if f.by == "" {
		return fmt.Errorf("no node accepted a command within a minute of the kill; the last answer: %s", last)
	}
	if st, err := f.c.Status(ctx, 0); err == nil {
		for _, l := range st.Leases {
			if l.Log == f.origin {
				f.newToken, f.newHolder = l.Token, l.Holder
			}
		}
	}
	return nil
}

// awaitWriter has the chair record a narrative through the first node,
// so that a node takes the assembly's lease, and returns the node that
// holds it.
func awaitWriter(ctx context.Context, cl *cluster.Cluster, origin string, nodes []*benchNode, chair string) (*benchNode, error) {
	hc := &http.Client{Timeout: 10 * time.Second}
	body := `{"cmd":"record_narrative","args":{"text":"The benchmark asks which node writes."}}`
	req, _ := http.NewRequestWithContext(ctx, "POST", nodes[0].url+"/api/assemblies/"+benchAssembly+"/commands", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", "which-writer")
	req.Header.Set("Cookie", auth.CookieName+"="+chair)
	res, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	raw, _ := io.ReadAll(io.LimitReader(res.Body, 1024))
	res.Body.Close()
	if res.StatusCode != http.StatusCreated && res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("the first command was refused: %s %s", res.Status, bytes.TrimSpace(raw))
	}
	st, err := cl.Status(ctx, 0)
	if err != nil {
		return nil, err
	}
	for _, l := range st.Leases {
		if l.Log != origin || l.Left <= 0 {
			continue
		}
		for _, n := range nodes {
			if n.name == l.Holder {
				return n, nil
			}
		}
	}
	return nil, fmt.Errorf("no node holds a live lease of %s after a command", origin)
}
