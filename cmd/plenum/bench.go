package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/auth"
	"plenum/engine"
	"plenum/httpapi"
	"plenum/ledger"
	"plenum/store/sqlite"
)

func init() {
	register(&subcommand{
		name:    "bench",
		summary: "measure voting and live updates under load, in process",
		usage: `
NAME
    plenum bench — measure voting and live updates under load

SYNOPSIS
    plenum bench vote [--delegates N] [--dir DIR]
    plenum bench fanout [--clients N] [--events E] [--dir DIR]

DESCRIPTION
    Each benchmark starts a plenum server in this process, on SQLite in a
    temporary directory and on a random port of 127.0.0.1, with the JSON
    API of plenum serve, and loads it over HTTP from clients in the same
    process. Nothing leaves the loopback interface. The open-file limit is
    raised as far as the system allows, since every client holds a
    connection.

    vote
        Sets up an assembly of N delegates with verified decisive mandates,
        all present, a sitting, an item, a motion and an open roll-call vote;
        issues N access codes and makes N sessions (directly, since logins
        are rate-limited per address and every client here has the same
        one); opens one keep-alive connection per delegate; then all N cast
        their ballot at once, each a POST to /api/assemblies/{id}/commands
        with its own session and idempotency key. It prints the durable
        ballots per second, the latency of a ballot from request to durable
        answer (p50, p99), and the time from the first ballot sent to the
        signed checkpoint that covers all of them; then checks that the vote
        counts exactly N ballots, one per delegate.

    fanout
        Connects N event-stream clients (GET …/events, each with its own
        session) and publishes E events, one every 100 ms. It prints the
        latency from an event being durable (published by the engine after
        its batch and checkpoint are on disk) to a client reading it (p50,
        p99 over all N×E deliveries) and the memory per connection: the Go
        heap and stacks in use after connecting minus before, divided by N,
        for client and server together (both are in this process; kernel
        socket buffers are not counted). The clients are minimal: one
        goroutine and a 1 KiB read buffer each.

OPTIONS
    --delegates N   vote: how many delegates vote (default 10000)
    --clients N     fanout: how many event-stream clients (default 10000)
    --events E      fanout: how many events to publish (default 20)
    --dir DIR       where to put the database (default: a new temporary
                    directory, removed afterwards)
    --cpuprofile F  write a CPU profile of the run to F (go tool pprof)

EXIT STATUS
    0 when every ballot or event arrived, 1 otherwise, 2 for a usage error.

EXAMPLES
    plenum bench vote --delegates 10000
    plenum bench fanout --clients 10000
`,
		run: runBench,
	})
}

func runBench(ctx context.Context, env *cliEnv, args []string) error {
	c := subcommands["bench"]
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fs := newFlagSet(c, env)
		if err := fs.Parse(args); err != nil {
			return err
		}
		return &exitError{code: 2, msg: "say which benchmark: vote or fanout; see plenum bench --help"}
	}
	fs := newFlagSet(c, env)
	delegates := fs.Int("delegates", 10000, "")
	clients := fs.Int("clients", 10000, "")
	events := fs.Int("events", 20, "")
	dir := fs.String("dir", "", "")
	cpuprofile := fs.String("cpuprofile", "", "")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &exitError{code: 2, msg: fmt.Sprintf("unexpected argument %q; see plenum bench --help", fs.Arg(0))}
	}
	switch args[0] {
	case "vote":
		if *delegates < 1 {
			return &exitError{code: 2, msg: "--delegates must be at least 1"}
		}
	case "fanout":
		if *clients < 1 || *events < 1 {
			return &exitError{code: 2, msg: "--clients and --events must be at least 1"}
		}
	default:
		return &exitError{code: 2, msg: fmt.Sprintf("unknown benchmark %q: use vote or fanout", args[0])}
	}
	raiseFileLimit(env)
	b, err := startBench(ctx, *dir)
	if err != nil {
		return err
	}
	defer b.close()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if args[0] == "vote" {
		return b.vote(ctx, env, *delegates)
	}
	return b.fanout(ctx, env, *clients, *events)
}

// raiseFileLimit lifts the soft limit of open files to the hard one.
func raiseFileLimit(env *cliEnv) {
	var l syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l); err != nil {
		return
	}
	if l.Cur < l.Max {
		l.Cur = l.Max
		if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &l); err != nil {
			fmt.Fprintf(env.stderr, "plenum bench: cannot raise the open-file limit: %v\n", err)
		}
	}
}

// benchServer is a plenum server in this process.
type benchServer struct {
	dir     string
	rmdir   bool
	st      *sqlite.Store
	eng     *engine.Engine
	auth    *auth.Store
	srv     *http.Server
	ln      net.Listener
	url     string
	host    string
	clock   time.Time
	started time.Time
}

const benchAssembly = "bench"

func startBench(ctx context.Context, dir string) (*benchServer, error) {
	b := &benchServer{dir: dir, clock: time.Now().UTC()}
	if dir == "" {
		d, err := os.MkdirTemp("", "plenum-bench-")
		if err != nil {
			return nil, err
		}
		b.dir, b.rmdir = d, true
	} else if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			b.close()
		}
	}()
	signer, vkey, err := ledger.LoadOrCreateKey(b.dir, ledger.DefaultServerName)
	if err != nil {
		return nil, err
	}
	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		return nil, err
	}
	if b.st, err = sqlite.Open(filepath.Join(b.dir, "plenum.db")); err != nil {
		return nil, err
	}
	if b.eng, err = engine.Open(ctx, b.st, engine.Options{Signer: signer, Verifiers: note.VerifierList(verifier)}); err != nil {
		return nil, err
	}
	if b.auth, err = auth.Open(filepath.Join(b.dir, "access.db"), auth.Options{}); err != nil {
		return nil, err
	}
	if b.ln, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
		return nil, err
	}
	b.host = b.ln.Addr().String()
	b.url = "http://" + b.host
	b.srv = &http.Server{Handler: httpapi.New(b.eng, b.auth, httpapi.Options{BaseURL: b.url}), ReadHeaderTimeout: 10 * time.Second}
	go b.srv.Serve(b.ln)
	ok = true
	return b, nil
}

func (b *benchServer) close() {
	if b.srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		b.srv.Shutdown(ctx)
		cancel()
		b.srv.Close()
	}
	if b.eng != nil {
		b.eng.Close()
	}
	if b.auth != nil {
		b.auth.Close()
	}
	if b.st != nil {
		b.st.Close()
	}
	if b.rmdir {
		os.RemoveAll(b.dir)
	}
}

// setup records the assembly with n persons p1…pn (with verified decisive
// mandates, present, when delegates is set), a sitting chaired by "chair",
// an item, and, when delegates is set, a motion and the open vote v1.
func (b *benchServer) setup(ctx context.Context, n int, delegates bool) error {
	var metas []assembly.Meta
	var cmds []assembly.Command
	add := func(cmd string, args any) error {
		raw, _ := json.Marshal(args)
		b.clock = b.clock.Add(time.Microsecond)
		env := assembly.Envelope{Cmd: cmd, Assembly: benchAssembly, Actor: auth.AdminPerson, At: b.clock, Args: raw}
		c, err := assembly.ParseCommand(env)
		if err != nil {
			return fmt.Errorf("setting up (%s): %w", cmd, err)
		}
		metas, cmds = append(metas, env.Meta()), append(cmds, c)
		return nil
	}
	create, _ := json.Marshal(map[string]any{"id": benchAssembly, "name": "Benchmark congress", "starts": b.clock.Format("2006-01-02"), "rules": "congress"})
	if _, err := b.eng.Submit(ctx, assembly.Envelope{Cmd: "create_assembly", Actor: auth.AdminPerson, At: b.clock, Args: create}); err != nil {
		return fmt.Errorf("setting up: %w", err)
	}
	type obj = map[string]any
	add("add_organization", obj{"id": "org", "name": "The Federation", "kind": "delegating"})
	add("add_person", obj{"id": "chair", "name": "The Chair"})
	for i := 1; i <= n; i++ {
		p := "p" + strconv.Itoa(i)
		add("add_person", obj{"id": p, "name": "Delegate " + strconv.Itoa(i)})
		if delegates {
			add("submit_mandate", obj{"id": "m-" + p, "person": p, "organization": "org", "kind": "decisive"})
			add("verify_mandate", obj{"mandate": "m-" + p})
			add("check_in", obj{"person": p})
		}
	}
	add("open_sitting", obj{"id": "s1", "date": b.clock.Format("2006-01-02"), "chair": "chair"})
	add("add_item", obj{"id": "i1", "title": "The budget"})
	add("take_up_item", obj{"item": "i1"})
	if delegates {
		add("move_motion", obj{"id": "mo1", "kind": "substantive", "title": "Adopt the budget", "item": "i1", "mover": "chair"})
		if err := add("open_vote", obj{"id": "v1", "motion": "mo1", "method": "roll_call"}); err != nil {
			return err
		}
	}
	a, _ := b.eng.Assembly(benchAssembly)
	for start := 0; start < len(cmds); start += 4096 {
		end := min(start+4096, len(cmds))
		if _, i, err := a.SubmitAll(ctx, metas[start:end], cmds[start:end]); err != nil {
			return fmt.Errorf("setting up (%s): %w", cmds[start+i].CommandName(), err)
		}
	}
	return nil
}

func persons(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "p" + strconv.Itoa(i+1)
	}
	return out
}

func (b *benchServer) vote(ctx context.Context, env *cliEnv, n int) error {
	out := env.stdout
	fmt.Fprintf(out, "plenum bench vote: %d delegates; SQLite in %s; server %s in this process\n", n, b.dir, b.url)
	t0 := time.Now()
	if err := b.setup(ctx, n, true); err != nil {
		return err
	}
	a, _ := b.eng.Assembly(benchAssembly)
	fmt.Fprintf(out, "setup:     %d persons with verified mandates, a sitting, a motion and an open vote in %v\n", n, since(t0))
	ps := persons(n)
	t0 = time.Now()
	if _, err := b.auth.IssueCodes(ctx, benchAssembly, ps); err != nil {
		return err
	}
	tokens, err := b.auth.NewSessions(ctx, benchAssembly, ps)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "access:    %d access codes issued and %d sessions made in %v\n", n, n, since(t0))

	tr := &http.Transport{MaxIdleConns: n + 100, MaxIdleConnsPerHost: n + 100, IdleConnTimeout: time.Minute, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 2 * time.Minute}

	// Open one keep-alive connection per delegate before the vote, a few
	// hundred at a time so the listen backlog does not overflow.
	t0 = time.Now()
	if err := warm(ctx, client, b.url+"/api/session", n); err != nil {
		return err
	}
	fmt.Fprintf(out, "clients:   %d keep-alive connections opened in %v\n", n, since(t0))

	// Watch the feed for the moment all ballots are durable.
	feed := a.Feed()
	from := feed.Next()
	allDurable := make(chan time.Time, 1)
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		seen := 0
		for seen < n {
			ups, err := feed.Wait(wctx, from, 4096)
			if err != nil {
				return
			}
			for _, u := range ups {
				if u.Type == "ballot_cast" {
					seen++
				}
			}
			from = ups[len(ups)-1].Index + 1
		}
		allDurable <- time.Now()
	}()

	bodies := make([]string, n)
	for i, p := range ps {
		bodies[i] = fmt.Sprintf(`{"cmd":"cast_ballot","args":{"vote":"v1","voter":%q,"choice":%q}}`, p, []string{"for", "against", "abstain"}[i%3])
	}
	lat := make([]time.Duration, n)
	var refused atomic.Int64
	var firstErr atomic.Value
	var wg sync.WaitGroup
	ready := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequestWithContext(ctx, "POST", b.url+"/api/assemblies/"+benchAssembly+"/commands", strings.NewReader(bodies[i]))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Idempotency-Key", "ballot-v1")
			req.Header.Set("Cookie", auth.CookieName+"="+tokens[i])
			<-ready
			t := time.Now()
			res, err := client.Do(req)
			if err == nil {
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode != http.StatusCreated {
					err = fmt.Errorf("%s: status %d", ps[i], res.StatusCode)
				}
			}
			lat[i] = time.Since(t)
			if err != nil {
				refused.Add(1)
				firstErr.CompareAndSwap(nil, err)
			}
		}()
	}
	runtime.Gosched()
	start := time.Now()
	close(ready)
	wg.Wait()
	elapsed := time.Since(start)
	var durable time.Time
	select {
	case durable = <-allDurable:
	case <-time.After(10 * time.Second):
	}
	ok := n - int(refused.Load())
	slices.Sort(lat)
	fmt.Fprintf(out, "ballots:   %d accepted, %d failed, all answered in %v: %.0f durable ballots/s\n", ok, refused.Load(), elapsed.Round(time.Millisecond), float64(ok)/elapsed.Seconds())
	fmt.Fprintf(out, "latency:   request sent to durable answer: p50 %v, p99 %v, max %v\n", pct(lat, 50), pct(lat, 99), lat[len(lat)-1].Round(time.Millisecond))
	if !durable.IsZero() {
		fmt.Fprintf(out, "durable:   first ballot sent to the signed checkpoint covering all: %v\n", durable.Sub(start).Round(time.Millisecond))
	}
	var counted, voters int
	a.Read(func(s *assembly.State) {
		v := s.Votes["v1"]
		counted = len(v.Ballots)
		seen := map[string]bool{}
		for _, b := range v.Ballots {
			seen[b.Voter] = true
		}
		voters = len(seen)
	})
	cp, _ := ledger.ParseCheckpoint(checkpointText(a.Log().Checkpoint()))
	fmt.Fprintf(out, "check:     the vote counts %d ballots from %d delegates; the checkpoint covers %d entries, the log has %d\n", counted, voters, cp.Size, a.Log().Size())
	if err, _ := firstErr.Load().(error); err != nil {
		return fmt.Errorf("%d ballots failed, the first: %v", refused.Load(), err)
	}
	if counted != n || voters != n || durable.IsZero() || cp.Size != a.Log().Size() {
		return &exitError{code: 1, msg: fmt.Sprintf("expected %d ballots, one per delegate, all durable", n)}
	}
	return nil
}

// checkpointText is the body of a signed note, before the signatures.
func checkpointText(signed []byte) []byte {
	if i := strings.Index(string(signed), "\n\n"); i >= 0 {
		return signed[:i+1]
	}
	return signed
}

// warm makes n concurrent requests, at most 256 at a time, so that the
// transport keeps n idle connections.
func warm(ctx context.Context, client *http.Client, url string, n int) error {
	// Every request holds its connection until all have one, so that no
	// connection is reused and n are opened.
	sem := make(chan struct{}, 256)
	var wg sync.WaitGroup
	var firstErr atomic.Value
	hold := make(chan struct{})
	bodies := make([]io.ReadCloser, n)
	var opened sync.WaitGroup
	opened.Add(n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
			res, err := client.Do(req)
			<-sem
			opened.Done()
			if err != nil {
				firstErr.CompareAndSwap(nil, err)
				return
			}
			// Read all but EOF: the connection stays busy until hold.
			bodies[i] = res.Body
			<-hold
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
		}()
	}
	opened.Wait()
	close(hold)
	wg.Wait()
	if err, _ := firstErr.Load().(error); err != nil {
		return fmt.Errorf("opening connections: %w", err)
	}
	return nil
}

func since(t time.Time) time.Duration { return time.Since(t).Round(time.Millisecond) }

// pct returns the p-th percentile of sorted durations.
func pct(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p + 99) / 100
	if i > 0 {
		i--
	}
	return sorted[min(i, len(sorted)-1)].Round(100 * time.Microsecond)
}

func (b *benchServer) fanout(ctx context.Context, env *cliEnv, n, events int) error {
	out := env.stdout
	fmt.Fprintf(out, "plenum bench fanout: %d event-stream clients, %d events; SQLite in %s; server %s in this process\n", n, events, b.dir, b.url)
	t0 := time.Now()
	if err := b.setup(ctx, n, false); err != nil {
		return err
	}
	tokens, err := b.auth.NewSessions(ctx, benchAssembly, persons(n))
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "setup:     %d persons and sessions in %v\n", n, since(t0))
	a, _ := b.eng.Assembly(benchAssembly)
	feed := a.Feed()
	base := feed.Next()

	// When each event became durable (the engine publishes after the
	// batch and its checkpoint are on disk), in ns since start.
	epoch := time.Now()
	durableAt := make([]atomic.Int64, events)
	// When each client received each event.
	recv := make([]int64, n*events)
	var received atomic.Int64

	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)

	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var connected sync.WaitGroup
	connected.Add(n)
	var failures atomic.Int64
	var firstErr atomic.Value
	sem := make(chan struct{}, 256)
	t0 = time.Now()
	for i := range n {
		go func() {
			sem <- struct{}{}
			conn, br, err := streamClient(cctx, b.host, base, tokens[i])
			<-sem
			connected.Done()
			if err != nil {
				failures.Add(1)
				firstErr.CompareAndSwap(nil, err)
				return
			}
			defer conn.Close()
			readEvents(br, base, events, epoch, recv[i*events:(i+1)*events], &received)
		}()
	}
	connected.Wait()
	if f := failures.Load(); f > 0 {
		return fmt.Errorf("%d of %d clients could not connect, the first: %v", f, n, firstErr.Load())
	}
	connectTime := since(t0)
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	inUse := func(m *runtime.MemStats) int64 { return int64(m.HeapInuse + m.StackInuse) }
	perConn := float64(inUse(&after)-inUse(&before)) / float64(n)
	fmt.Fprintf(out, "clients:   %d connected in %v; %d goroutines\n", n, connectTime, runtime.NumGoroutine())
	fmt.Fprintf(out, "memory:    %.1f KiB per connection (Go heap and stacks in use, client and server together, after minus before connecting)\n", perConn/1024)

	// Watch the feed for the moment each event is durable.
	go func() {
		from := base
		for from < base+int64(events) {
			ups, err := feed.Wait(cctx, from, events)
			if err != nil {
				return
			}
			now := time.Since(epoch).Nanoseconds()
			for _, u := range ups {
				if k := u.Index - base; k < int64(events) {
					durableAt[k].Store(now)
				}
			}
			from = ups[len(ups)-1].Index + 1
		}
	}()
	t0 = time.Now()
	for k := range events {
		raw, _ := json.Marshal(map[string]string{"text": fmt.Sprintf("Event %d of the benchmark.", k+1)})
		b.clock = b.clock.Add(time.Second)
		if _, err := b.eng.Submit(ctx, assembly.Envelope{Cmd: "record_narrative", Assembly: benchAssembly, Actor: auth.AdminPerson, At: b.clock, Args: raw}); err != nil {
			return err
		}
		time.Sleep(100 * time.Millisecond)
	}
	want := int64(n * events)
	deadline := time.Now().Add(30 * time.Second)
	for received.Load() < want && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	got := received.Load()
	lat := make([]time.Duration, 0, got)
	for i := range n {
		for k := range events {
			if r := recv[i*events+k]; r != 0 {
				lat = append(lat, time.Duration(r-durableAt[k].Load()))
			}
		}
	}
	slices.Sort(lat)
	fmt.Fprintf(out, "events:    %d of %d deliveries arrived\n", got, want)
	if len(lat) > 0 {
		fmt.Fprintf(out, "latency:   durable to received: p50 %v, p99 %v, max %v\n", pct(lat, 50), pct(lat, 99), lat[len(lat)-1].Round(time.Millisecond))
	}
	cancel()
	if got != want {
		return &exitError{code: 1, msg: fmt.Sprintf("%d deliveries missing", want-got)}
	}
	return nil
}

// streamClient opens an event stream from index from with a bare HTTP/1.0
// request, so that the stream arrives unchunked, and reads up to the
// stream's first line (retry:), when the server is waiting for events.
func streamClient(ctx context.Context, host string, from int64, token string) (net.Conn, *bufio.Reader, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", host)
	if err != nil {
		return nil, nil, err
	}
	fmt.Fprintf(conn, "GET /api/assemblies/%s/events?after=%d HTTP/1.0\r\nHost: %s\r\nCookie: %s=%s\r\nAccept: text/event-stream\r\n\r\n", benchAssembly, from-1, host, auth.CookieName, token)
	br := bufio.NewReaderSize(conn, 1024)
	status, err := br.ReadSlice('\n')
	if err != nil || !strings.Contains(string(status), " 200 ") {
		conn.Close()
		return nil, nil, fmt.Errorf("event stream: %q %v", status, err)
	}
	for {
		line, err := br.ReadSlice('\n')
		if err != nil {
			conn.Close()
			return nil, nil, fmt.Errorf("event stream: %v", err)
		}
		if strings.HasPrefix(string(line), "retry:") {
			return conn, br, nil
		}
	}
}

// readEvents reads the stream until it has k events, noting when each
// arrived.
func readEvents(br *bufio.Reader, base int64, k int, epoch time.Time, recv []int64, received *atomic.Int64) {
	got := 0
	for got < k {
		line, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			continue // the rest of a long data line
		}
		if err != nil {
			return
		}
		if len(line) > 4 && string(line[:4]) == "id: " {
			idx, err := strconv.ParseInt(strings.TrimSpace(string(line[4:])), 10, 64)
			if err != nil {
				continue
			}
			if j := idx - base; j >= 0 && j < int64(k) && recv[j] == 0 {
				recv[j] = time.Since(epoch).Nanoseconds()
				received.Add(1)
				got++
			}
		}
	}
}
