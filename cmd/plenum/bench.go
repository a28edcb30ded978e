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
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"plenum/assembly"
	"plenum/auth"
	"plenum/engine"
	"plenum/internal/admit"
	"plenum/ledger"
)

func init() {
	register(&subcommand{
		name:    "bench",
		summary: "measure voting and live updates under load, in process",
		usage: `
NAME
    plenum bench — measure voting and live updates under load

SYNOPSIS
    plenum bench vote [--delegates N] [--readers R] [--read-every D] [--settle D] [--changes-at-once N] [--separate] [--dir DIR] [--cpuprofile F] [--memprofile F] [--trace F]
    plenum bench vote --db postgres://… [--nodes N] [--kill after|mid|none] [--readers-apart] [--delegates N] [--readers R] [--settle D] [--separate] [--dir DIR]
    plenum bench fanout [--clients N] [--events E] [--separate] [--dir DIR] [--cpuprofile F] [--memprofile F] [--trace F]
    plenum bench login [--delegates N] [--separate] [--dir DIR] [--cpuprofile F] [--memprofile F] [--trace F]
    plenum bench ceiling [--delegates N] [--readers R] [--read-every D] [--settle D] [--changes-at-once N] [--hold D] [--separate] [--cpuprofile F]

DESCRIPTION
    Each benchmark but ceiling starts a plenum server in this process, on
    SQLite in a temporary directory and on a random port of 127.0.0.1: the
    server of plenum serve, opened and mounted by the same code (the
    pages, the JSON API, logging in and out, the logs' tiles, /healthz and
    /key), served as plenum serve serves it (behind its admission gate,
    with its timeouts, with GOMAXPROCS four times the CPUs unless the
    GOMAXPROCS environment variable is set; the first line says which),
    and loads it over HTTP from clients in the same process. Nothing
    leaves the loopback interface. The open-file limit is
    raised as far as the system allows, since every client holds a
    connection. The clients run in this process when the limit allows two
    files a connection (one for the client, one for the server), and
    otherwise, or with --separate, in a second plenum process (plenum bench
    clients, which takes its orders on standard input), so that each
    process holds one file a connection. The clients of vote and login
    speak HTTP/1.1 themselves rather than through Go's HTTP client, so as
    to take as little CPU from the server as they can: each request is
    made before the start and written with one write, each answer parsed
    strictly (a malformed one is a failed request, its reason printed).

    vote
        Sets up an assembly of N delegates with verified decisive mandates,
        all present, a sitting, an item, a motion and an open roll-call vote;
        issues N access codes and makes N sessions (directly, since logins
        are rate-limited per address and every client here has the same
        one); opens one keep-alive connection per delegate; then all N cast
        their ballot at once, each a POST to /api/assemblies/{id}/commands
        with its own session and idempotency key. It prints the durable
        ballots per second, the latency of a ballot from request to durable
        answer (p50, p99), the time from the first ballot sent to the
        signed checkpoint that covers all of them, the batches the writer
        committed meanwhile (how many, their median and largest size:
        each batch is one sync and one signature, and its answers are
        written at once when it is durable), and the CPU time the
        server's process and the clients' used over the ballots (from the
        first sent to the last answered; the server's includes serving the
        readers below), which says where the time went on a machine busy
        with other work, the page faults the server's process took over
        the same time (minor ones: mostly heap memory touched for the
        first time, which the kernel maps and zeroes page by page), and
        what the server's garbage collector did over
        the same time (runtime/metrics): the bytes allocated, how far the
        heap was from a collection when the ballots began, how many
        collections ended, the time in the collector (/cpu/classes/gc/total: the assists of
        goroutines made to mark as they allocate, the mark workers,
        including those marking on Go processors that had nothing else to
        run, and the pauses), its share of the Go processors' busy time,
        and the heap marked live by the last collection. The collector's
        time is the runtime's estimate, not the kernel's count: time on
        the clock while a Go processor (GOMAXPROCS of them) did the
        collector's work, whether or not the kernel had its thread on a
        CPU, a pause counted once for each processor; with more
        processors than CPUs it can exceed the CPU time the process
        used. The runtime adds it up as each collection ends, so the
        figure covers the collections that ended during the ballots,
        whole, and the share the time from the end of the last
        collection before them to the end of the last during them. When
        the clients run in this process, the server's CPU time and its
        collector's figures are those of the one process, clients and
        readers included. It also says how many times the server's quiet
        collector had written a byte in each page of the heap's headroom
        before the ballots, how many MiB in how long, and whether it did
        during them: the page faults it took while quiet, not in the
        burst. Then it checks that the vote
        counts exactly N ballots, one per delegate. Meanwhile readers
        (--readers of each page, each on its own keep-alive connection;
        in a process of their own when the clients run in one, so that
        they do not wait to run behind the server's goroutines) fetch
        every --read-every, from the first ballot sent to the last answered,
        the chair's page (GET /a/{id}/chair) and the assembly's state
        (GET /api/assemblies/{id}), with the chair's session: it prints,
        for each page, how many readers fetched it, how many fetches they
        made, and their latency (p50, p99, max).

    vote --db postgres://… --nodes N
        The same vote against a cluster: N plenum serve processes (this
        executable) on the PostgreSQL database of --db, which must not yet
        hold the assembly "bench" (give it an empty database). The
        assembly, the codes and the sessions are made first, by this
        process; then the nodes start, each with a copy of one signing key
        (in --dir), its own name (bench-1 … bench-N) and a free port of
        127.0.0.1 that it also advertises. Ballot i goes to node i modulo
        N; a ballot answered 502, 503 or 504, or whose connection broke,
        is sent again with its idempotency key to the next node, as a
        load balancer would (a ballot then answered 200 "replayed" was
        recorded by an attempt whose answer was lost, and counts as
        accepted). The readers spread over the nodes. It prints
        the durable ballots per second, the latency of a ballot from the
        first attempt to the durable answer, how many ballots had to be
        sent again, and then the failover: it finds the node holding the
        assembly's lease (as plenum cluster status shows it), kills it
        with SIGKILL, and sends the chair's record_narrative, with one
        idempotency key, to the other nodes in turn every 25 ms until one
        accepts it: the time from the kill to that answer is the failover
        time, printed with the lease's token before and after. --kill
        says when: after (the default with two nodes or more) once every
        ballot is answered, so that the ballots per second are those of a
        cluster at work; mid once half the ballots are in the log (read
        from the database every 5 ms), the last quarter held back by the
        clients until the kill (so that it comes mid-burst however fast
        the machine), so that the ballots per second include the
        failover and the ballots sent to the killed node are sent again; none to measure no failover. Finally it counts the
        vote from the database. No CPU times or durable moment are given:
        the servers are other processes.

    login
        Issues N access codes, opens one keep-alive connection per
        delegate, then all N log in at once from the one address
        127.0.0.1, each a POST /login with its code as JSON, as a hall
        behind one network would. It prints the logins per second (correct
        codes answered with a session), their latency (p50, p99), what
        the server's garbage collector did from the first login sent to
        the last answered (the gc line, as vote's; the clients' part of
        it too when they run in this process), and checks that every
        login succeeded, each with a session of its own delegate.

    ceiling
        The ballots of vote (the same clients, connections, requests,
        cookies and bodies) sent at once to a server in this process that
        does nothing with them but read each and answer 201 with an answer
        as long as a ballot's: no session, no rules, no record, no sync;
        behind the same admission gate, with serve's timeouts and
        GOMAXPROCS. It prints the requests answered a second, their
        latency (p50, p99) and the CPU times as vote does: what HTTP and
        the kernel alone cost on this machine, the ceiling of vote's
        ballots a second. The readers of vote (--readers, --read-every,
        --settle as there) fetch the same addresses, answered {} at once:
        their latency is what waiting for a turn to run among the burst's
        requests costs, with no page to make. Run it beside vote to see
        how much of a ballot's time, and of a read's, is plenum's.

    fanout
        Connects N event-stream clients (GET …/events, each with its own
        session) and publishes E events, one every 100 ms. It prints the
        latency from an event being durable to a client reading it (p50,
        p99 over all N×E deliveries), from the moment the engine's writer has
        made the event durable and published it (its Committed hook), and the memory per connection: the Go
        heap and stacks in use after connecting minus before, divided by N,
        for client and server together (measured in each process when the
        clients run in their own; kernel socket buffers are not counted),
        and what the server's garbage collector did from the first event
        published to the moment every client had every event (the gc
        line, as vote's; the clients' part of it too when they run in
        this process). The clients are minimal: one goroutine and a 1 KiB
        read buffer each.

OPTIONS
    --delegates N   vote, login, ceiling: how many delegates vote or log in
                    (default 10000)
    --clients N     fanout: how many event-stream clients (default 10000)
    --events E      fanout: how many events to publish (default 20)
    --readers R     vote, ceiling: how many readers fetch each page
                    during the ballots (default 4)
    --changes-at-once N
                    vote, login, ceiling: the server's bound on requests that
                    change something worked on at once, as plenum serve's
                    (default 512; the nodes of --db run serve's default)
    --settle D      vote, ceiling: how long the ballots wait once every
                    client and reader is connected (default 1s), as in a hall,
                    where everyone is connected long before a vote and
                    the question is read out before anyone votes: plenum
                    serve collects its garbage when nothing has changed
                    for half a second (docs/performance.md), so that a
                    burst finds the heap's whole headroom; 0: at once,
                    the burst right behind ten thousand connections
    --read-every D  vote, ceiling: each reader fetches its page once
                    every D, as a screen that refreshes (default 20ms); a fetch's
                    latency runs from when it was due, so one held up
                    past the next one's time delays that one too and both
                    count the wait; 0: fetch again as soon as answered
    --hold D        ceiling: hold each answer, once its request is read,
                    until the next of a series of made-up group commits
                    that last D each (each takes every request waiting as
                    it starts and answers them together, as plenum's
                    writer answers a batch once it is durable); 0, the
                    default: answer at once. The difference from the
                    ceiling answered at once is what holding the burst's
                    requests in flight costs (their memory, the waits,
                    the answers written together), none of it plenum's
                    work: vote's batches take about 10 ms on a quiet
                    2-core machine (its batches line)
    --separate      run the clients in a second process even if this one
                    could hold them
    --dir DIR       where to put the database, or with --db the signing
                    key and the nodes' data directories (default: a new
                    temporary directory, removed afterwards)
    --db URL        vote: run against plenum serve processes on this
                    PostgreSQL database (postgres://…) instead of a
                    server in this process on SQLite
    --nodes N       vote: how many plenum serve processes share --db
                    (default 1); more than one needs --db postgres://…
    --readers-apart vote with --nodes 2 or more and --kill none: every
                    ballot goes to the node holding the assembly's lease
                    (the writer) and the readers to the other nodes, so
                    that the pages are read where no ballot is taken in
    --kill WHEN     vote with --nodes 2 or more: kill -9 the writer after
                    the ballots (after, the default), when half of them
                    are in (mid), or not (none), and print the failover
                    time
    --cpuprofile F  write a CPU profile of the server's process to F (go
                    tool pprof), from the moment the ballots, events,
                    logins or ceiling's requests start until they end: the
                    setup is left out
    --memprofile F  write what the server's process allocated over the same
                    phase: F.base as it starts and F as it ends, both
                    allocation profiles (one sample every 4 KiB allocated);
                    go tool pprof -sample_index=alloc_space -diff_base
                    F.base F shows the phase alone. The heap is collected
                    as the phase starts and as it ends (a profile counts
                    what the last collection saw), so the gc line of such
                    a run is not one of a run without it
    --trace F       write an execution trace of the server's process to F
                    (go tool trace; -pprof=sched shows who waited to run,
                    -pprof=sync who waited for a lock), over the same phase

EXIT STATUS
    0 when every ballot or event arrived (and, with --kill, another node
    accepted a command after the kill), 1 otherwise, 2 for a usage error.

EXAMPLES
    plenum bench vote --delegates 10000
    plenum bench vote --delegates 10000 --nodes 3 --db postgres://plenum@127.0.0.1/bench
    plenum bench fanout --clients 10000
    plenum bench login --delegates 10000
    plenum bench ceiling --delegates 10000
`,
		run: runBench,
	})
}

func runBench(ctx context.Context, env *cliEnv, args []string) error {
	c := subcommands["bench"]
	if len(args) > 0 && args[0] == "clients" {
		raiseFileLimit(env, 0)
		return runClients(ctx, env.stdin, env.stdout, args[1:], true)
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fs := newFlagSet(c, env)
		if err := fs.Parse(args); err != nil {
			return usageErr(err)
		}
		return &exitError{code: 2, msg: "say which benchmark: vote, fanout, login or ceiling; see plenum bench --help"}
	}
	fs := newFlagSet(c, env)
	delegates := fs.Int("delegates", 10000, "")
	clients := fs.Int("clients", 10000, "")
	events := fs.Int("events", 20, "")
	dir := fs.String("dir", "", "")
	cpuprofile := fs.String("cpuprofile", "", "")
	memprofile := fs.String("memprofile", "", "")
	traceOut := fs.String("trace", "", "")
	separate := fs.Bool("separate", false, "")
	readers := fs.Int("readers", 4, "")
	readEvery := fs.Duration("read-every", 20*time.Millisecond, "")
	settle := fs.Duration("settle", time.Second, "")
	changesAtOnce := fs.Int("changes-at-once", admit.Default, "")
	nodes := fs.Int("nodes", 1, "")
	db := fs.String("db", "", "")
	kill := fs.String("kill", "", "")
	readersApart := fs.Bool("readers-apart", false, "")
	hold := fs.Duration("hold", 0, "")
	if err := fs.Parse(args[1:]); err != nil {
		return usageErr(err)
	}
	if fs.NArg() > 0 {
		return &exitError{code: 2, msg: fmt.Sprintf("unexpected argument %q; see plenum bench --help", fs.Arg(0))}
	}
	if err := clusterBenchFlags(args[0], *nodes, *db, kill); err != nil {
		return err
	}
	if *readersApart && (*nodes < 2 || *kill != "none") {
		return &exitError{code: 2, msg: "--readers-apart needs --nodes 2 or more and --kill none: the ballots go to the writer, the readers to the other nodes"}
	}
	switch args[0] {
	case "vote", "login", "ceiling":
		if *delegates < 1 {
			return &exitError{code: 2, msg: "--delegates must be at least 1"}
		}
		if *readers < 1 {
			return &exitError{code: 2, msg: "--readers must be at least 1"}
		}
		if *changesAtOnce < 1 {
			return &exitError{code: 2, msg: "--changes-at-once must be at least 1"}
		}
		if *readEvery < 0 {
			return &exitError{code: 2, msg: "--read-every must not be negative (0: fetch again as soon as answered)"}
		}
		if *settle < 0 {
			return &exitError{code: 2, msg: "--settle must not be negative (0: the ballots at once)"}
		}
	case "fanout":
		if *clients < 1 || *events < 1 {
			return &exitError{code: 2, msg: "--clients and --events must be at least 1"}
		}
	default:
		return &exitError{code: 2, msg: fmt.Sprintf("unknown benchmark %q: use vote, fanout, login or ceiling", args[0])}
	}
	// Client and server in this process take two files a connection; if
	// the limit is short of that, the clients run in a second process.
	conns := *delegates
	if args[0] == "fanout" {
		conns = *clients
	}
	raiseFileLimit(env, uint64(2*conns+256))
	if *db != "" {
		if *cpuprofile != "" || *memprofile != "" || *traceOut != "" {
			return &exitError{code: 2, msg: "--cpuprofile, --memprofile and --trace profile a server in this process; with --db the servers are plenum serve processes: profile them with go tool pprof on their own"}
		}
		return clusterVote(ctx, env, clusterBench{db: *db, nodes: *nodes, kill: *kill, dir: *dir, delegates: *delegates, readers: *readers, readEvery: *readEvery, settle: *settle, separate: *separate, readersApart: *readersApart})
	}
	if *hold != 0 && args[0] != "ceiling" {
		return &exitError{code: 2, msg: "--hold is an option of plenum bench ceiling"}
	}
	if args[0] == "ceiling" {
		if *memprofile != "" || *traceOut != "" || *dir != "" {
			return &exitError{code: 2, msg: "plenum bench ceiling takes --delegates, --readers, --read-every, --settle, --changes-at-once, --hold, --cpuprofile and --separate only"}
		}
		if *hold < 0 {
			return &exitError{code: 2, msg: "--hold must not be negative"}
		}
		var prof *benchServer
		if *cpuprofile != "" {
			f, err := os.Create(*cpuprofile)
			if err != nil {
				return err
			}
			defer f.Close()
			prof = &benchServer{profile: f}
		}
		return benchCeiling(ctx, env, *delegates, *separate, *changesAtOnce, *readers, *readEvery, *settle, *hold, prof)
	}
	b, err := startBench(ctx, *dir, *changesAtOnce)
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
		b.profile = f
		defer b.stopProfile()
	}
	if *memprofile != "" {
		// Set before the setup allocates: the rate is the runtime's, for
		// every allocation from now on.
		prev := runtime.MemProfileRate
		runtime.MemProfileRate = memProfileRate
		defer func() { runtime.MemProfileRate = prev }()
		b.memprofile = *memprofile
		defer b.stopProfile()
	}
	if *traceOut != "" {
		f, err := os.Create(*traceOut)
		if err != nil {
			return err
		}
		defer f.Close()
		b.trace = f
		defer b.stopProfile()
	}
	b.separate, b.readers, b.readEvery, b.settle = *separate, *readers, *readEvery, *settle
	switch args[0] {
	case "vote":
		err = b.vote(ctx, env, *delegates)
	case "login":
		err = b.login(ctx, env, *delegates)
	default:
		err = b.fanout(ctx, env, *clients, *events)
	}
	b.stopProfile()
	if err == nil && b.profileErr != nil {
		err = fmt.Errorf("plenum bench: the allocation profile: %w", b.profileErr)
	}
	return err
}

// raiseFileLimit lifts the limit of open files to at least need if it
// can (the hard limit too, when the process may), else as far as the hard
// limit allows (need 0: as far as the hard limit allows).
func raiseFileLimit(env *cliEnv, need uint64) {
	var l syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l); err != nil {
		return
	}
	if need == 0 {
		need = l.Max
	}
	if l.Cur >= need {
		return
	}
	if l.Max < need {
		if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &syscall.Rlimit{Cur: need, Max: need}); err == nil {
			return
		}
	}
	l.Cur = l.Max
	syscall.Setrlimit(syscall.RLIMIT_NOFILE, &l)
}

// benchServer is a plenum server in this process.
type benchServer struct {
	dir      string
	rmdir    bool
	server   *server // openServer's, as plenum serve's
	eng      *engine.Engine
	auth     *auth.Store
	srv      *http.Server // server.httpServer's
	ln       net.Listener
	url      string
	host     string
	clock    time.Time
	separate bool // clients in a second process
	readers  int  // vote: readers of each page during the ballots
	// readEvery: how often each reader fetches (0: as soon as answered).
	readEvery time.Duration
	// settle: vote, how long the clients and readers wait, connected,
	// before the ballots.
	settle time.Duration
	// procs is the server's GOMAXPROCS (serveProcs), doneServing what
	// stops the quiet collector and sets GOMAXPROCS back (serving).
	procs       int
	doneServing func()
	// profile, if set, receives a CPU profile of the measured phase
	// (startProfile, stopProfile).
	profile *os.File
	trace   *os.File // and an execution trace (runtime/trace)
	// memprofile, if set, is the file that receives the allocations of
	// the measured phase (and memprofile+".base" those before it).
	memprofile string
	profiling  bool
	profileErr error // writing the allocation profiles failed

	// commits are the moments batches became durable, from the engine's
	// Committed hook: the log had size entries, checkpointed, at at.
	mu      sync.Mutex
	commits []commit
}

type commit struct {
	size int64
	at   time.Time
}

// startProfile starts the CPU profile, if one was asked for, as the
// measured phase starts: a profile of the setup would hide the figures.
func (b *benchServer) startProfile() error {
	if b.profile == nil && b.trace == nil && b.memprofile == "" || b.profiling {
		return nil
	}
	if b.memprofile != "" {
		if err := writeAllocs(b.memprofile + ".base"); err != nil {
			return err
		}
	}
	if b.profile != nil {
		if err := pprof.StartCPUProfile(b.profile); err != nil {
			return err
		}
	}
	if b.trace != nil {
		if err := trace.Start(b.trace); err != nil {
			return err
		}
	}
	b.profiling = true
	return nil
}

// stopProfile ends the CPU profile, if one is running.
func (b *benchServer) stopProfile() {
	if b.profiling {
		if b.profile != nil {
			pprof.StopCPUProfile()
		}
		if b.trace != nil {
			trace.Stop()
		}
		if b.memprofile != "" {
			b.profileErr = writeAllocs(b.memprofile)
		}
		b.profiling = false
	}
}

// memProfileRate is the runtime's MemProfileRate with --memprofile: a
// sample every 4 KiB allocated, some twenty thousand over a burst of ten
// thousand ballots (the default, 512 KiB, gives under two hundred).
const memProfileRate = 4 << 10

// writeAllocs writes the process's allocation profile to path, after a
// collection: the runtime's profile counts what the last collection saw.
func writeAllocs(path string) error {
	runtime.GC()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// onCommit is the engine's Committed hook: it runs in the writer right
// after a batch is durable and published, so it must be quick.
func (b *benchServer) onCommit(a *engine.Assembly, checkpoint []byte) {
	now := time.Now()
	c, err := ledger.ParseSignedCheckpoint(checkpoint)
	if err != nil {
		return
	}
	b.mu.Lock()
	b.commits = append(b.commits, commit{c.Size, now})
	b.mu.Unlock()
}

// durableAt returns when entry index became durable, or the zero time.
func (b *benchServer) durableAt(index int64) time.Time {
	b.mu.Lock()
	defer b.mu.Unlock()
	i, _ := slices.BinarySearchFunc(b.commits, index+1, func(c commit, size int64) int { return int(c.size - size) })
	if i == len(b.commits) {
		return time.Time{}
	}
	return b.commits[i].at
}

// batchLine is the bench's "batches:" line: the batches the writer
// committed after since (their count, and their sizes' median and
// largest, in entries), "" if none. Fewer, larger batches share each
// commit's sync and signature among more ballots; the largest is also
// how many answers are written at once when it is durable.
func (b *benchServer) batchLine(since time.Time) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var sizes []int
	for i := 1; i < len(b.commits); i++ {
		if b.commits[i].at.Before(since) {
			continue
		}
		sizes = append(sizes, int(b.commits[i].size-b.commits[i-1].size))
	}
	if len(sizes) == 0 {
		return ""
	}
	slices.Sort(sizes)
	return fmt.Sprintf("batches:   %d committed during the ballots, %d entries a batch at the median, %d at the most", len(sizes), sizes[len(sizes)/2], sizes[len(sizes)-1])
}

const benchAssembly = "bench"

func startBench(ctx context.Context, dir string, changesAtOnce int) (*benchServer, error) {
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
	var err error
	if b.ln, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
		return nil, err
	}
	b.host = b.ln.Addr().String()
	b.url = "http://" + b.host
	// The server of plenum serve, opened and mounted by the same code
	// (openServer: the store, the key, the engine, the access codes,
	// every route), on SQLite in the bench's directory, with the
	// Committed hook that tells when each ballot became durable; and
	// served as serve serves it (httpServer: behind the admission gate,
	// with serve's timeouts, with as many Go processors a CPU).
	if b.server, err = openServer(ctx, serverConfig{
		db: filepath.Join(b.dir, "plenum.db"), data: b.dir, name: ledger.DefaultServerName, baseURL: b.url,
		access: accessConfig{changesAtOnce: changesAtOnce}, committed: b.onCommit,
	}); err != nil {
		return nil, err
	}
	b.eng, b.auth = b.server.engine, b.server.auth
	b.srv, b.procs, b.doneServing = b.server.httpServer()
	go b.srv.Serve(b.ln)
	ok = true
	return b, nil
}

func (b *benchServer) close() {
	if b.doneServing != nil {
		defer b.doneServing()
	}
	if b.srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		b.srv.Shutdown(ctx)
		cancel()
		b.srv.Close()
	} else if b.ln != nil {
		b.ln.Close()
	}
	if b.server != nil {
		b.server.Close()
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

// loadClients runs the load's clients: in this process when the open-file
// limit allows two files a connection (client and server), else in a
// second plenum process ("plenum bench clients"), each process then
// holding one file a connection. It talks to them over a pipe of text
// lines: see voteClients and fanoutClients.
type loadClients struct {
	separate bool
	in       io.WriteCloser // to the clients
	out      *bufio.Scanner // from the clients
	wait     func() error
	// why is the first "e I WHY" line of a burst (results): why request
	// I failed; whys counts them.
	why  string
	whys int
	// stopped: readers (readClients) were told to stop (stop).
	stopped sync.Once
	// hold is how many of a burst's last requests the clients hold back
	// (runBurst tells them) until release.
	hold     int
	released sync.Once
	orders   sync.Mutex // one writer of in at a time: runBurst's "go", release
}

// release lets the requests held back (hold) go, the first time it is
// called; the burst cannot end before.
func (lc *loadClients) release() {
	lc.released.Do(func() {
		lc.orders.Lock()
		defer lc.orders.Unlock()
		fmt.Fprintln(lc.in, "more")
	})
}

// stop tells readers (readClients) to stop, the first time it is called.
func (lc *loadClients) stop() {
	lc.stopped.Do(func() { fmt.Fprintln(lc.in, "stop") })
}

func startClients(ctx context.Context, env *cliEnv, conns int, separate bool, args ...string) (*loadClients, error) {
	var l syscall.Rlimit
	syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l)
	lc := &loadClients{separate: separate || l.Cur < uint64(2*conns+256)}
	if lc.separate {
		exe, err := os.Executable()
		if err != nil {
			return nil, err
		}
		cmd := exec.CommandContext(ctx, exe, append([]string{"bench", "clients"}, args...)...)
		cmd.Stderr = env.stderr
		in, err := cmd.StdinPipe()
		if err != nil {
			return nil, err
		}
		out, err := cmd.StdoutPipe()
		if err != nil {
			return nil, err
		}
		if err := cmd.Start(); err != nil {
			return nil, err
		}
		lc.in, lc.out, lc.wait = in, bufio.NewScanner(out), cmd.Wait
		return lc, nil
	}
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := runClients(ctx, inR, outW, args, false)
		outW.CloseWithError(err)
		inR.Close()
		done <- err
	}()
	lc.in, lc.out, lc.wait = inW, bufio.NewScanner(outR), func() error { return <-done }
	return lc, nil
}

// startReady starts the clients (startClients), gives them the persons
// and their sessions, and waits for them to say "ready"; who names them
// in an error.
func startReady(ctx context.Context, env *cliEnv, conns int, separate bool, ps, tokens []string, who string, args ...string) (*loadClients, error) {
	lc, err := startClients(ctx, env, conns, separate, args...)
	if err != nil {
		return nil, err
	}
	if err := sendSessions(lc.in, ps, tokens); err != nil {
		return nil, err
	}
	if l, err := lc.line(); err != nil || l != "ready" {
		return nil, fmt.Errorf("%s did not get ready: %q %v", who, l, err)
	}
	return lc, nil
}

// line reads the next line from the clients.
func (lc *loadClients) line() (string, error) {
	if lc.out.Scan() {
		return lc.out.Text(), nil
	}
	if err := lc.out.Err(); err != nil {
		return "", err
	}
	return "", errors.New("the clients stopped")
}

// results reads a burst's lines (see burst) until its "end ELAPSED_NS
// CPU_NS", noting the first "e I WHY" (why, whys) and handing every
// other line's fields to each, then closes the clients' orders and waits
// for them to finish; it returns the elapsed time and the clients' CPU
// time.
func (lc *loadClients) results(each func(f []string)) (elapsed, cpu time.Duration, err error) {
	for {
		l, err := lc.line()
		if err != nil {
			return 0, 0, err
		}
		f := strings.Fields(l)
		if len(f) == 3 && f[0] == "end" {
			ns, _ := strconv.ParseInt(f[1], 10, 64)
			elapsed = time.Duration(ns)
			ns, _ = strconv.ParseInt(f[2], 10, 64)
			cpu = time.Duration(ns)
			break
		}
		if len(f) >= 3 && f[0] == "e" {
			if lc.whys++; lc.why == "" {
				lc.why = "request " + f[1] + ": " + strings.Join(f[2:], " ")
			}
			continue
		}
		each(f)
	}
	lc.in.Close()
	if err := lc.wait(); err != nil {
		return 0, 0, fmt.Errorf("the clients: %w", err)
	}
	return elapsed, cpu, nil
}

// voteCount is what the open vote v1 of the benchmark's assembly counts:
// its ballots, the delegates they are from, and the log's size and its
// checkpoint's.
func voteCount(a *engine.Assembly) (counted, voters int, size, checkpointed int64) {
	a.Read(func(s *assembly.State) {
		v := s.Votes["v1"]
		counted = len(v.Ballots)
		seen := map[string]bool{}
		for _, b := range v.Ballots {
			seen[b.Voter] = true
		}
		voters = len(seen)
	})
	cp, _ := ledger.ParseSignedCheckpoint(a.Log().Checkpoint())
	return counted, voters, a.Log().Size(), cp.Size
}

// failures prints, if any request of the burst failed, why the first
// did, as the clients said.
func (lc *loadClients) failures(out io.Writer) {
	if lc.whys > 0 {
		fmt.Fprintf(out, "failures:  %d, the first: %s\n", lc.whys, lc.why)
	}
}

func (lc *loadClients) where() string {
	if lc.separate {
		return "clients in a second plenum process"
	}
	return "clients in this process"
}

// runClients is "plenum bench clients vote|fanout ARGS": the client side of
// a benchmark, reading its orders from in and writing results to out.
// measure says whether to measure the clients' memory on their own (only
// when they are a process of their own).
func runClients(ctx context.Context, in io.Reader, out io.Writer, args []string, measure bool) error {
	if len(args) < 2 {
		return errors.New("bench clients: vote URL | fanout HOST BASE EVENTS")
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 4096), 1<<20)
	bw := bufio.NewWriter(out)
	defer bw.Flush()
	// The first line is n, then n lines of "person token".
	if !sc.Scan() {
		return errors.New("bench clients: no orders")
	}
	n, err := strconv.Atoi(sc.Text())
	if err != nil || n < 1 {
		return fmt.Errorf("bench clients: bad count %q", sc.Text())
	}
	ps, tokens := make([]string, n), make([]string, n)
	for i := range n {
		if !sc.Scan() {
			return errors.New("bench clients: fewer sessions than announced")
		}
		p, t, _ := strings.Cut(sc.Text(), " ")
		ps[i], tokens[i] = p, t
	}
	switch args[0] {
	case "vote":
		return voteClients(ctx, sc, bw, args[1], ps, tokens)
	case "login":
		return loginClients(ctx, sc, bw, args[1], tokens)
	case "read":
		if len(args) < 3 {
			return errors.New("bench clients: read URL READERS")
		}
		k, err := strconv.Atoi(args[2])
		if err != nil || k < 1 {
			return errors.New("bench clients: read URL READERS [EVERY]")
		}
		var every time.Duration
		if len(args) > 3 {
			if every, err = time.ParseDuration(args[3]); err != nil || every < 0 {
				return errors.New("bench clients: read URL READERS [EVERY]")
			}
		}
		return readClients(ctx, sc, bw, args[1], k, every, tokens[0])
	case "fanout":
		if len(args) < 4 {
			return errors.New("bench clients: fanout HOST BASE EVENTS")
		}
		base, err1 := strconv.ParseInt(args[2], 10, 64)
		events, err2 := strconv.Atoi(args[3])
		if err1 != nil || err2 != nil {
			return errors.New("bench clients: fanout HOST BASE EVENTS")
		}
		return fanoutClients(ctx, bw, args[1], base, events, tokens, measure)
	}
	return fmt.Errorf("bench clients: unknown load %q", args[0])
}

// voteClients opens one keep-alive connection per delegate, says "ready",
// waits for "go", then sends every ballot at once and writes
// "b LATENCY_NS STATUS ATTEMPTS" per ballot, "e I WHY" per ballot not
// accepted, and "end ELAPSED_NS CPU_NS" (burst). urls is one server's
// address, or several nodes' separated by commas: ballot i goes to node i
// modulo their number, and a ballot answered 502, 503 or 504, or whose
// connection broke, is sent again with the same idempotency key to the
// next node.
func voteClients(ctx context.Context, sc *bufio.Scanner, out *bufio.Writer, urls string, ps, tokens []string) error {
	nodes := strings.Split(urls, ",")
	return burst(ctx, sc, out, nodes, len(ps), len(nodes) > 1, func(i int, host string) []byte {
		body := fmt.Sprintf(`{"cmd":"cast_ballot","args":{"vote":"v1","voter":%q,"choice":%q}}`, ps[i], []string{"for", "against", "abstain"}[i%3])
		return httpRequest("POST", host, "/api/assemblies/"+benchAssembly+"/commands", []string{
			"Content-Type: application/json",
			"Idempotency-Key: ballot-v1",
			"Cookie: " + auth.CookieName + "=" + tokens[i],
		}, body)
	}, func(i int, s shot) {
		fmt.Fprintf(out, "b %d %d %d\n", s.lat.Nanoseconds(), s.status, s.attempts)
		if s.why != "" && s.status != http.StatusCreated && s.status != http.StatusOK {
			fmt.Fprintf(out, "e %d %s\n", i, s.why)
		}
	})
}

// heldBack reads a burst's "go" line: "go", or "go HELD", which holds
// the last HELD of the n requests back until the next line (the order to
// let them go: runBurst's hold and release).
func heldBack(line string, n int) (int, error) {
	word, arg, _ := strings.Cut(line, " ")
	if word != "go" {
		return 0, errors.New("bench clients: no go")
	}
	if arg == "" {
		return 0, nil
	}
	held, err := strconv.Atoi(arg)
	if err != nil || held < 0 || held > n {
		return 0, fmt.Errorf("bench clients: %q: hold back 0 to %d requests", line, n)
	}
	return held, nil
}

// shot is one request of a burst, as answered: its latency from the
// first attempt sent to the last answered, the last answer's status (0
// if there was none) and cookies set, how many attempts it took, and,
// for a request that failed or was answered other than 2xx, why, on one
// line (the error, or the status and the start of the body).
type shot struct {
	lat      time.Duration
	status   int
	cookies  []string
	attempts int
	why      string
}

// retryable says whether a request may be sent again to another node:
// its connection broke, or the node answered that it could not take it
// now (502, 503, 504); a command goes again with its idempotency key, so
// it never acts twice.
func retryable(err error, status int) bool {
	return err != nil || status == http.StatusBadGateway || status == http.StatusServiceUnavailable || status == http.StatusGatewayTimeout
}

// burstTimeout bounds each attempt of a burst's request, from sent to
// answered; burstRetries bounds a request's retries.
const (
	burstTimeout = 2 * time.Minute
	burstRetries = time.Minute
)

// burst opens n keep-alive connections (httpConn), connection i to
// urls[i%len(urls)] (http://HOST:PORT), and proves each with a GET
// /api/session that must be answered 200; it makes the n requests,
// request(i, host) the bytes of request i to host, and starts a
// goroutine a request that waits in a read for its answer; says
// "ready", waits for "go", then writes the requests, one Write each, in
// turn (after "go HELD", the last HELD only once the next line comes:
// heldBack). With retry, a request whose answer is retryable is made again
// for the next url, on a connection of its own, after a short pause, for
// up to a minute. Once all are answered it calls report with each
// request's shot, in order, and writes "end ELAPSED_NS CPU_NS", CPU_NS
// the CPU time the clients' process used from the first request sent to
// the last answer.
//
// One goroutine writes, rather than each request's own: measured with
// plenum bench vote --delegates 10000, the clients used 18-23 µs of CPU
// a ballot so, 23-27 µs with each goroutine writing its request and then
// reading (woken at the start, its first read finding nothing and
// parking it, its stack grown within the measure), 20-24 µs with two
// writers. What is left is mostly the write and read system calls.
func burst(ctx context.Context, sc *bufio.Scanner, out *bufio.Writer, urls []string, n int, retry bool, request func(i int, host string) []byte, report func(i int, s shot)) error {
	hosts := make([]string, len(urls))
	for k, u := range urls {
		h, err := hostOf(u)
		if err != nil {
			return err
		}
		hosts[k] = h
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	conns := make([]*httpConn, n)
	// extra[i] holds request i's connections to other nodes, made for its
	// retries; all are closed once the burst is reported.
	extra := make([][]*httpConn, n)
	var wconns []net.Conn // conns' net.Conn, for the writer
	var wg sync.WaitGroup
	defer func() {
		cancel() // no retries once the burst is over or abandoned
		for _, c := range wconns {
			c.Close() // ends the reads of a burst abandoned before "go"
		}
		wg.Wait()
		for i, c := range conns {
			if c != nil {
				c.close()
			}
			for _, c := range extra[i] {
				if c != nil {
					c.close()
				}
			}
		}
	}()
	if err := openConns(ctx, hosts, conns); err != nil {
		return err
	}
	reqs := make([][]byte, n)
	for i := range reqs {
		reqs[i] = request(i, hosts[i%len(hosts)])
	}
	// Each request's goroutine waits for its answer in a read begun now,
	// parked in the network poller with its stack grown by the start.
	// The writer notes when it wrote request i (sent, since base) and why
	// a write failed (failed, the connection then closed).
	shots := make([]shot, n)
	sent := make([]atomic.Int64, n)
	failed := make([]atomic.Value, n)
	wconns = make([]net.Conn, n)
	base := time.Now()
	for i, c := range conns {
		wconns[i] = c.conn
		c.conn.SetDeadline(base.Add(burstTimeout + burstRetries))
		wg.Add(1)
		go func() {
			defer wg.Done()
			a, err := readHTTPAnswer(c.br, c.keep[:0], burstKeep)
			if e, ok := failed[i].Load().(error); ok {
				err = e
			}
			if err != nil || a.close {
				c.close()
			}
			shots[i] = shoot(ctx, i, hosts, conns, &extra[i], retry, request, base.Add(time.Duration(sent[i].Load())), a, err)
		}()
	}
	fmt.Fprintln(out, "ready")
	out.Flush()
	if !sc.Scan() {
		return errors.New("bench clients: no go")
	}
	held, err := heldBack(sc.Text(), n)
	if err != nil {
		return err
	}
	cpu0 := cpuTime()
	start := time.Now()
	for i, c := range wconns {
		if i == n-held && !sc.Scan() {
			return errors.New("bench clients: the requests held back were never let go")
		}
		sent[i].Store(int64(time.Since(base)))
		if _, err := c.Write(reqs[i]); err != nil {
			failed[i].Store(err)
			c.Close()
		}
	}
	wg.Wait()
	elapsed := time.Since(start)
	cpu := cpuTime() - cpu0
	for i := range n {
		report(i, shots[i])
	}
	fmt.Fprintf(out, "end %d %d\n", elapsed.Nanoseconds(), cpu.Nanoseconds())
	// Now, before the connections close: the server's measures end here.
	return out.Flush()
}

// burstKeep is how much of an answer's body a burst keeps, to say why a
// request failed.
const burstKeep = 200

// shoot finishes request i of a burst, sent at t and answered a (or
// err) on conns[i]: with retry, while the answer is retryable, it makes
// it again to the next nodes (on connections in *extra, one a node,
// dialled as needed).
func shoot(ctx context.Context, i int, hosts []string, conns []*httpConn, extra *[]*httpConn, retry bool, request func(i int, host string) []byte, t time.Time, a httpAnswer, err error) shot {
	c := conns[i]
	for attempt := 1; ; attempt++ {
		status := a.status
		if err != nil {
			status = 0
		}
		if !retry || !retryable(err, status) || time.Since(t) > burstRetries {
			s := shot{lat: time.Since(t), status: status, attempts: attempt}
			switch {
			case err != nil:
				s.why = fmt.Sprintf("attempt %d to %s: %v", attempt, c.host, err)
			case status < 200 || status > 299:
				s.why = fmt.Sprintf("attempt %d to %s: %d %q", attempt, c.host, status, a.body)
			}
			s.why = strings.ReplaceAll(s.why, "\n", " ")
			if status != 0 {
				s.cookies = a.cookies
			}
			return s
		}
		select {
		case <-time.After(time.Duration(min(20*attempt, 200)) * time.Millisecond):
		case <-ctx.Done():
			return shot{lat: time.Since(t), attempts: attempt, why: fmt.Sprintf("attempt %d to %s: %v; not sent again: %v", attempt, c.host, err, ctx.Err())}
		}
		k := (i + attempt) % len(hosts)
		if k == i%len(hosts) {
			c = conns[i]
		} else {
			if *extra == nil {
				*extra = make([]*httpConn, len(hosts))
			}
			if (*extra)[k] == nil {
				(*extra)[k] = &httpConn{host: hosts[k]} // dialled below
			}
			c = (*extra)[k]
		}
		a, err = httpAnswer{}, ctx.Err()
		if err == nil && !c.open() {
			var d *httpConn
			if d, err = dialHTTP(ctx, c.host); err == nil {
				*c = *d
			}
		}
		if err == nil {
			a, err = c.roundTrip(request(i, hosts[k]), time.Now().Add(burstTimeout), burstKeep)
		}
	}
}

// openConns opens conns[i] to hosts[i%len(hosts)], at most 256 dialling
// at a time, each proven with GET /api/session answered 200, so that the
// server has the connection set up and waiting for its next request.
func openConns(ctx context.Context, hosts []string, conns []*httpConn) error {
	reqs := make([][]byte, len(hosts))
	for k, h := range hosts {
		reqs[k] = httpRequest("GET", h, "/api/session", nil, "")
	}
	sem := make(chan struct{}, 256)
	var wg sync.WaitGroup
	var firstErr atomic.Value
	for i := range conns {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			k := i % len(hosts)
			c, err := dialHTTP(ctx, hosts[k])
			if err != nil {
				firstErr.CompareAndSwap(nil, err)
				return
			}
			conns[i] = c
			a, err := c.roundTrip(reqs[k], time.Now().Add(burstTimeout), 0)
			switch {
			case err != nil:
				firstErr.CompareAndSwap(nil, fmt.Errorf("GET /api/session on %s: %w", hosts[k], err))
			case a.status != http.StatusOK:
				firstErr.CompareAndSwap(nil, fmt.Errorf("GET /api/session on %s: status %d, want 200", hosts[k], a.status))
			case a.close:
				firstErr.CompareAndSwap(nil, fmt.Errorf("GET /api/session on %s: the server closes the connection after an answer", hosts[k]))
			}
			c.conn.SetDeadline(time.Time{})
		}()
	}
	wg.Wait()
	if err, _ := firstErr.Load().(error); err != nil {
		return fmt.Errorf("opening connections: %w", err)
	}
	return nil
}

// fanoutClients connects one event stream per token, writes "ready
// BYTES_PER_CONN" (0 unless measure), then, when all have all events or
// 60 s have passed, "received DELIVERIES" (before closing the streams),
// "r EVENT UNIX_NS" for each event each client received, and "end".
func fanoutClients(ctx context.Context, out *bufio.Writer, host string, base int64, events int, tokens []string, measure bool) error {
	n := len(tokens)
	recv := make([]int64, n*events)
	var received atomic.Int64
	var before, after runtime.MemStats
	if measure {
		runtime.GC()
		runtime.ReadMemStats(&before)
	}
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var connected sync.WaitGroup
	connected.Add(n)
	var failures atomic.Int64
	var firstErr atomic.Value
	var readers sync.WaitGroup
	conns := make([]net.Conn, n)
	sem := make(chan struct{}, 256)
	for i := range n {
		readers.Add(1)
		go func() {
			defer readers.Done()
			sem <- struct{}{}
			conn, br, err := streamClient(cctx, host, base, tokens[i])
			<-sem
			connected.Done()
			if err != nil {
				failures.Add(1)
				firstErr.CompareAndSwap(nil, err)
				return
			}
			conns[i] = conn
			readEvents(br, base, events, recv[i*events:(i+1)*events], &received)
		}()
	}
	connected.Wait()
	if f := failures.Load(); f > 0 {
		return fmt.Errorf("%d of %d clients could not connect, the first: %v", f, n, firstErr.Load())
	}
	var perConn float64
	if measure {
		runtime.GC()
		runtime.ReadMemStats(&after)
		perConn = float64(memInUse(&after)-memInUse(&before)) / float64(n)
	}
	fmt.Fprintf(out, "ready %.0f\n", perConn)
	out.Flush()
	deadline := time.Now().Add(60 * time.Second)
	for received.Load() < int64(n*events) && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	// Now, before the connections close: the server's measures end here.
	fmt.Fprintf(out, "received %d\n", received.Load())
	if err := out.Flush(); err != nil {
		return err
	}
	cancel()
	for _, c := range conns {
		if c != nil {
			c.Close() // ends a reader still waiting
		}
	}
	readers.Wait()
	for i := range n {
		for k := range events {
			if r := recv[i*events+k]; r != 0 {
				fmt.Fprintf(out, "r %d %d\n", k, r)
			}
		}
	}
	fmt.Fprintln(out, "end")
	return nil
}

// cpuTime is the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	cpu, _ := usage()
	return cpu
}

// usage is, from one getrusage, the CPU time this process has used (user
// and system) and how many page faults it has taken that the kernel
// served without reading a disk: mostly a page of memory touched for the
// first time, or again after the runtime gave it back, which the kernel
// then maps and zeroes (docs/performance.md: a burst's heap grows into
// such pages).
func usage() (cpu time.Duration, minorFaults int64) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), ru.Minflt
}

// memInUse is the Go heap and stacks in use.
func memInUse(m *runtime.MemStats) int64 { return int64(m.HeapInuse + m.StackInuse) }

// sendSessions writes the client orders: n, then "person token" lines.
func sendSessions(w io.Writer, ps, tokens []string) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, len(ps))
	for i := range ps {
		fmt.Fprintf(bw, "%s %s\n", ps[i], tokens[i])
	}
	return bw.Flush()
}

// burstRun is a burst of requests as measured by runBurst: vote's
// ballots, ceiling's requests, or vote's against a cluster.
type burstRun struct {
	start time.Time // when the clients and the readers were told "go"
	// elapsed is the clients' time from the first request sent to the
	// last answered, clientCPU the CPU time their process used meanwhile.
	elapsed, clientCPU time.Duration
	// server is this process's CPU time and collector over the burst,
	// from just before "go" to the clients' first report, when all are
	// answered.
	server *measuring
	lat    []time.Duration // each request's latency, sorted
	// statuses counts the requests by the status of their last answer
	// ("0": none); attempts is the attempts made in all, retried the
	// requests sent more than once.
	statuses          map[string]int
	attempts, retried int
}

// answered is how many requests were last answered status.
func (r *burstRun) answered(status string) int { return r.statuses[status] }

// failed is how many requests were answered none of ok.
func (r *burstRun) failed(ok ...string) int {
	n := len(r.lat)
	for _, s := range ok {
		n -= r.statuses[s]
	}
	return n
}

// runBurst runs the burst of lc's clients (voteClients, ready) while
// rc's readers (readClients, ready) read: it waits settleFor (settle),
// starts measuring (with prof's profile, if prof is not nil), tells the
// clients and the readers "go" (the clients to hold back lc.hold
// requests until lc.release), and reads the clients' "b" lines
// (results). At the first, when all are answered, it stops the
// measures, the profile and the readers; it stops the readers whatever
// happens. The readers' lines are left for readerReport.
func runBurst(ctx context.Context, out io.Writer, lc, rc *loadClients, settleFor time.Duration, prof *benchServer) (*burstRun, error) {
	defer rc.stop()
	if err := settle(ctx, out, settleFor); err != nil {
		return nil, err
	}
	m, err := startMeasuring(prof)
	if err != nil {
		return nil, err
	}
	// The profile ends with the measures: after them the clients close
	// their ten thousand connections, which would fill it.
	defer m.stop()
	r := &burstRun{start: time.Now(), server: m, statuses: map[string]int{}}
	lc.orders.Lock()
	if lc.hold > 0 {
		fmt.Fprintf(lc.in, "go %d\n", lc.hold)
	} else {
		fmt.Fprintln(lc.in, "go")
	}
	lc.orders.Unlock()
	fmt.Fprintln(rc.in, "go")
	r.elapsed, r.clientCPU, err = lc.results(func(f []string) {
		if len(f) != 4 || f[0] != "b" {
			return
		}
		if len(r.lat) == 0 {
			// The clients report once all are answered.
			m.stop()
			rc.stop()
		}
		ns, _ := strconv.ParseInt(f[1], 10, 64)
		r.lat = append(r.lat, time.Duration(ns))
		r.statuses[f[2]]++
		k, _ := strconv.Atoi(f[3])
		r.attempts += k
		if k > 1 {
			r.retried++
		}
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(r.lat)
	return r, nil
}

func (b *benchServer) vote(ctx context.Context, env *cliEnv, n int) error {
	out := env.stdout
	fmt.Fprintf(out, "plenum bench vote: %d delegates; SQLite in %s; server %s in this process, GOMAXPROCS %d\n", n, b.dir, b.url, b.procs)
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

	t0 = time.Now()
	lc, err := startReady(ctx, env, n, b.separate, ps, tokens, "the clients", "vote", b.url)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "clients:   %d keep-alive connections opened in %v, %s\n", n, since(t0), lc.where())

	chair, err := b.auth.NewSessions(ctx, benchAssembly, []string{"chair"})
	if err != nil {
		return err
	}
	// The readers run in a process of their own when the clients do: in
	// the server's process their goroutines would wait to run behind the
	// server's ten thousand, and the figures would be theirs, not the
	// server's.
	rc, err := startReady(ctx, env, 2*b.readers, lc.separate, []string{"chair"}, chair, "the readers", "read", b.url, strconv.Itoa(b.readers), b.readEvery.String())
	if err != nil {
		return err
	}
	defer rc.stop()
	r, err := runBurst(ctx, out, lc, rc, b.settle, b)
	if err != nil {
		return err
	}
	durable := b.durableAt(a.Log().Size() - 1) // the last ballot's entry
	ok, failed := r.answered("201"), r.failed("201")
	fmt.Fprintf(out, "ballots:   %d accepted, %d failed, all answered in %v: %.0f durable ballots/s\n", ok, failed, r.elapsed.Round(time.Millisecond), float64(ok)/r.elapsed.Seconds())
	lc.failures(out)
	latencyLine(out, "request sent to durable answer", r.lat)
	if !durable.IsZero() {
		fmt.Fprintf(out, "durable:   first ballot sent to the signed checkpoint covering all: %v\n", durable.Sub(r.start).Round(time.Millisecond))
	}
	if l := b.batchLine(r.start); l != "" {
		fmt.Fprintln(out, l)
	}
	fmt.Fprintf(out, "cpu:       during the ballots: server %v (%.0f µs a ballot, serving the readers included), clients %v (%.0f µs a ballot); %d page faults in the server's process\n",
		r.server.cpu.Round(time.Millisecond), float64(r.server.cpu.Microseconds())/float64(n), r.clientCPU.Round(time.Millisecond), float64(r.clientCPU.Microseconds())/float64(n), r.server.faults)
	fmt.Fprintln(out, gcLine(r.server.gc, "the ballots", lc.separate, "server, clients and readers"))
	fmt.Fprintln(out, warmLine(r.server.warm0, r.server.warm, "the ballots"))
	readFailed, err := readerReport(out, rc, b.readers, b.readEvery)
	if err != nil {
		return err
	}
	counted, voters, size, cpSize := voteCount(a)
	fmt.Fprintf(out, "check:     the vote counts %d ballots from %d delegates; the checkpoint covers %d entries, the log has %d\n", counted, voters, cpSize, size)
	if failed > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%d ballots failed", failed)}
	}
	if readFailed > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%d reads failed", readFailed)}
	}
	if counted != n || voters != n || durable.IsZero() || cpSize != size {
		return &exitError{code: 1, msg: fmt.Sprintf("expected %d ballots, one per delegate, all durable", n)}
	}
	return nil
}

// settle waits d before the ballots, saying so: as in a hall, where
// everyone is connected long before a vote and the question is read out
// before anyone votes, the ballots find a server at rest (which plenum
// serve uses to collect its garbage: package quietgc) rather than one
// still taking ten thousand connections.
func settle(ctx context.Context, out io.Writer, d time.Duration) error {
	fmt.Fprintf(out, "settle:    everyone connected, the ballots in %v\n", d)
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// readerReport reads the readers' lines (readClients) after they were
// told to stop, prints each page's fetches and latencies, and returns how
// many fetches failed.
func readerReport(out io.Writer, rc *loadClients, readers int, every time.Duration) (int, error) {
	pace := "in a loop"
	if every > 0 {
		pace = "each every " + every.String()
	}
	readLat, readFails := make([][]time.Duration, len(readPages)), make([]int, len(readPages))
	for {
		l, err := rc.line()
		if err != nil {
			return 0, fmt.Errorf("the readers: %w", err)
		}
		f := strings.Fields(l)
		if l == "end" {
			break
		}
		if len(f) < 2 {
			continue
		}
		i, _ := strconv.Atoi(f[1])
		if i < 0 || i >= len(readPages) {
			continue
		}
		switch {
		case f[0] == "r" && len(f) == 3:
			ns, _ := strconv.ParseInt(f[2], 10, 64)
			readLat[i] = append(readLat[i], time.Duration(ns))
		case f[0] == "f":
			readFails[i]++
		}
	}
	rc.in.Close()
	if err := rc.wait(); err != nil {
		return 0, fmt.Errorf("the readers: %w", err)
	}
	readFailed := 0
	for i, name := range readPages {
		lat, failed := readLat[i], readFails[i]
		readFailed += failed
		slices.Sort(lat)
		if len(lat) == 0 {
			fmt.Fprintf(out, "reads:     %s: no fetch completed during the ballots (%d failed)\n", name, failed)
			continue
		}
		fmt.Fprintf(out, "reads:     %s during the ballots, %d readers %s: %d fetches, %d failed: p50 %v, p99 %v, max %v\n", name, readers, pace, len(lat), failed, pct(lat, 50), pct(lat, 99), lat[len(lat)-1].Round(100*time.Microsecond))
	}
	return readFailed, nil
}

func since(t time.Time) time.Duration { return time.Since(t).Round(time.Millisecond) }

// latencyLine prints the latencies lat (sorted), from what to what:
// their p50, p99 and the longest.
func latencyLine(out io.Writer, what string, lat []time.Duration) {
	fmt.Fprintf(out, "latency:   %s: p50 %v, p99 %v, max %v\n", what, pct(lat, 50), pct(lat, 99), lat[len(lat)-1].Round(100*time.Microsecond))
}

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
	fmt.Fprintf(out, "plenum bench fanout: %d event-stream clients, %d events; SQLite in %s; server %s in this process, GOMAXPROCS %d\n", n, events, b.dir, b.url, b.procs)
	t0 := time.Now()
	if err := b.setup(ctx, n, false); err != nil {
		return err
	}
	ps := persons(n)
	tokens, err := b.auth.NewSessions(ctx, benchAssembly, ps)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "setup:     %d persons and sessions in %v\n", n, since(t0))
	a, _ := b.eng.Assembly(benchAssembly)
	feed := a.Feed()
	base := feed.Next()

	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	t0 = time.Now()
	lc, err := startClients(ctx, env, n, b.separate, "fanout", b.host, strconv.FormatInt(base, 10), strconv.Itoa(events))
	if err != nil {
		return err
	}
	if err := sendSessions(lc.in, ps, tokens); err != nil {
		return err
	}
	l, err := lc.line()
	f := strings.Fields(l)
	if err != nil || len(f) != 2 || f[0] != "ready" {
		return fmt.Errorf("the clients did not get ready: %q %v", l, err)
	}
	connectTime := since(t0)
	clientMem, _ := strconv.ParseFloat(f[1], 64)
	runtime.GC()
	runtime.ReadMemStats(&after)
	serverMem := float64(memInUse(&after)-memInUse(&before)) / float64(n)
	fmt.Fprintf(out, "clients:   %d connected in %v, %s\n", n, connectTime, lc.where())
	if lc.separate {
		fmt.Fprintf(out, "memory:    %.1f KiB per connection: server %.1f KiB (this process) + client %.1f KiB (the clients' process); Go heap and stacks in use, after minus before connecting\n",
			(serverMem+clientMem)/1024, serverMem/1024, clientMem/1024)
	} else {
		fmt.Fprintf(out, "memory:    %.1f KiB per connection, client and server together in this process (Go heap and stacks in use, after minus before connecting)\n", serverMem/1024)
	}

	// Latency is measured from the moment the engine's writer has made
	// the event durable and published it (its Committed hook), to the
	// moment a client has read it.
	m, err := startMeasuring(b)
	if err != nil {
		return err
	}
	defer m.stop()
	// The measures and the profile end when the clients have every event
	// (or gave up waiting), which they say before closing their
	// connections.
	allIn := make(chan error, 1)
	go func() {
		l, err := lc.line()
		m.stop()
		if err == nil && !strings.HasPrefix(l, "received ") {
			err = fmt.Errorf("the clients said %q, not what they received", l)
		}
		allIn <- err
	}()
	for k := range events {
		raw, _ := json.Marshal(map[string]string{"text": fmt.Sprintf("Event %d of the benchmark.", k+1)})
		b.clock = b.clock.Add(time.Second)
		if _, err := b.eng.Submit(ctx, assembly.Envelope{Cmd: "record_narrative", Assembly: benchAssembly, Actor: auth.AdminPerson, At: b.clock, Args: raw}); err != nil {
			return err
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err := <-allIn; err != nil {
		return err
	}
	durable := make([]int64, events)
	for k := range durable {
		durable[k] = b.durableAt(base + int64(k)).UnixNano()
	}
	lat := make([]time.Duration, 0, n*events)
	for {
		l, err := lc.line()
		if err != nil {
			return err
		}
		if l == "end" {
			break
		}
		f := strings.Fields(l)
		if len(f) == 3 && f[0] == "r" {
			k, _ := strconv.Atoi(f[1])
			ns, _ := strconv.ParseInt(f[2], 10, 64)
			if k >= 0 && k < events {
				lat = append(lat, time.Duration(ns-durable[k]))
			}
		}
	}
	lc.in.Close()
	if err := lc.wait(); err != nil {
		return fmt.Errorf("the clients: %w", err)
	}
	slices.Sort(lat)
	want := n * events
	fmt.Fprintf(out, "events:    %d of %d deliveries arrived\n", len(lat), want)
	if len(lat) > 0 {
		latencyLine(out, "durable to received", lat)
	}
	fmt.Fprintln(out, gcLine(m.gc, "the events", lc.separate, "server and clients"))
	if len(lat) != want {
		return &exitError{code: 1, msg: fmt.Sprintf("%d deliveries missing", want-len(lat))}
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

// readEvents reads the stream until it has k events, noting when (Unix
// ns) each arrived.
func readEvents(br *bufio.Reader, base int64, k int, recv []int64, received *atomic.Int64) {
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
				recv[j] = time.Now().UnixNano()
				received.Add(1)
				got++
			}
		}
	}
}

// readPages are the pages the readers fetch during the ballots.
var readPages = []string{"chair's page", "state"}

// readClients runs k readers of each of readPages with the session token
// (at url, or spread over the comma-separated urls of several nodes),
// each fetching once every (0: again as soon as answered): it says
// "ready", starts at "go", stops at "stop", and writes "r PAGE
// LATENCY_NS" per fetch, "f PAGE" per failed fetch, then "end".
func readClients(ctx context.Context, sc *bufio.Scanner, out *bufio.Writer, url string, k int, every time.Duration, token string) error {
	var readers []*reader
	nodes := strings.Split(url, ",") // several nodes' addresses: the readers spread over them
	for j := range k {
		url := nodes[j%len(nodes)]
		readers = append(readers,
			&reader{page: 0, url: url + "/a/" + benchAssembly + "/chair", token: token, every: every},
			&reader{page: 1, url: url + "/api/assemblies/" + benchAssembly, token: token, every: every})
	}
	for _, r := range readers {
		if err := r.warm(ctx); err != nil {
			return err
		}
	}
	fmt.Fprintln(out, "ready")
	out.Flush()
	if !sc.Scan() || sc.Text() != "go" {
		return errors.New("bench clients: no go")
	}
	stop := make(chan struct{})
	start := time.Now()
	var reading sync.WaitGroup
	for _, r := range readers {
		reading.Add(1)
		go func() {
			defer reading.Done()
			r.run(ctx, start, stop)
		}()
	}
	for sc.Scan() && sc.Text() != "stop" {
	}
	close(stop)
	reading.Wait()
	for _, r := range readers {
		for _, d := range r.lat {
			fmt.Fprintf(out, "r %d %d\n", r.page, d.Nanoseconds())
		}
		for range r.failed {
			fmt.Fprintf(out, "f %d\n", r.page)
		}
	}
	fmt.Fprintln(out, "end")
	return nil
}

// reader fetches one page again and again on one keep-alive connection,
// noting the latency of each fetch, until told to stop: once every
// (a screen that refreshes), or, every 0, again as soon as answered.
//
// A paced reader's latency runs from when its fetch was due, not from
// when it was sent: a fetch held up past the next one's time delays that
// one too, and both count the wait (as wrk2 does), so that a server
// stalling for a second shows as many slow fetches, not as one.
type reader struct {
	page       int // in readPages
	url, token string
	every      time.Duration
	client     *http.Client
	lat        []time.Duration
	failed     int
}

// warm opens the reader's connection and checks that the page answers.
func (r *reader) warm(ctx context.Context) error {
	r.client = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1, DisableCompression: true}, Timeout: time.Minute}
	if _, err := r.fetch(ctx); err != nil {
		return fmt.Errorf("%s: %w", readPages[r.page], err)
	}
	return nil
}

func (r *reader) fetch(ctx context.Context) (time.Duration, error) {
	return r.fetchDue(ctx, time.Now())
}

// fetchDue fetches the page and returns the time from due to its end.
func (r *reader) fetchDue(ctx context.Context, due time.Time) (time.Duration, error) {
	req, _ := http.NewRequestWithContext(ctx, "GET", r.url, nil)
	req.Header.Set("Cookie", auth.CookieName+"="+r.token)
	t := due
	res, err := r.client.Do(req)
	if err != nil {
		return 0, err
	}
	_, err = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	d := time.Since(t)
	if err == nil && res.StatusCode != http.StatusOK {
		err = fmt.Errorf("GET %s: %s", r.url, res.Status)
	}
	return d, err
}

// run fetches from start until stop. The first fetch is due at start
// and is made even if stop came before this goroutine ran: it was due
// during the ballots, and a burst shorter than the scheduler's delay in
// starting the readers would otherwise report no fetch at all.
func (r *reader) run(ctx context.Context, start time.Time, stop <-chan struct{}) {
	due := start
	for first := true; ; first = false {
		if first {
			// due now or already past: no wait, no stop.
		} else if r.every > 0 {
			if wait := time.Until(due); wait > 0 {
				select {
				case <-stop:
					return
				case <-time.After(wait):
				}
			}
		} else {
			due = time.Now()
		}
		if !first {
			select {
			case <-stop:
				return
			default:
			}
		}
		d, err := r.fetchDue(ctx, due)
		due = due.Add(r.every)
		if err != nil {
			r.failed++
			continue
		}
		r.lat = append(r.lat, d)
	}
}

// login issues n access codes and has n clients log in with them at once.
func (b *benchServer) login(ctx context.Context, env *cliEnv, n int) error {
	out := env.stdout
	fmt.Fprintf(out, "plenum bench login: %d delegates logging in from one address; SQLite in %s; server %s in this process, GOMAXPROCS %d\n", n, b.dir, b.url, b.procs)
	t0 := time.Now()
	if err := b.setup(ctx, n, false); err != nil {
		return err
	}
	ps := persons(n)
	codes, err := b.auth.IssueCodes(ctx, benchAssembly, ps)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "setup:     %d persons and %d access codes in %v\n", n, len(codes), since(t0))
	byPerson := map[string]string{}
	for _, c := range codes {
		byPerson[c.Person] = c.Code
	}
	tokens := make([]string, n)
	for i, p := range ps {
		tokens[i] = byPerson[p]
		if tokens[i] == "" {
			return fmt.Errorf("no access code issued for %s", p)
		}
	}
	t0 = time.Now()
	lc, err := startReady(ctx, env, n, b.separate, ps, tokens, "the clients", "login", b.url)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "clients:   %d keep-alive connections opened in %v, %s\n", n, since(t0), lc.where())
	m, err := startMeasuring(b)
	if err != nil {
		return err
	}
	defer m.stop()
	fmt.Fprintln(lc.in, "go")
	lat := make([]time.Duration, 0, n)
	failed, wrong := 0, 0
	elapsed, _, err := lc.results(func(f []string) {
		if len(f) == 4 && f[0] == "l" {
			// All are answered: the measures and the profile end before
			// the clients close their connections.
			m.stop()
			ns, _ := strconv.ParseInt(f[1], 10, 64)
			lat = append(lat, time.Duration(ns))
			if f[2] != "200" {
				failed++
			}
		}
		if len(f) == 3 && f[0] == "s" {
			i, _ := strconv.Atoi(f[1])
			s, err := b.auth.Session(ctx, f[2])
			if err != nil || i < 0 || i >= n || s.Person != ps[i] || s.Assembly != benchAssembly {
				wrong++
			}
		}
	})
	if err != nil {
		return err
	}
	ok := len(lat) - failed
	slices.Sort(lat)
	fmt.Fprintf(out, "logins:    %d logged in, %d failed, all answered in %v: %.0f logins/s\n", ok, failed, elapsed.Round(time.Millisecond), float64(ok)/elapsed.Seconds())
	lc.failures(out)
	if len(lat) > 0 {
		latencyLine(out, "request sent to session", lat)
	}
	fmt.Fprintln(out, gcLine(m.gc, "the logins", lc.separate, "server and clients"))
	fmt.Fprintf(out, "check:     %d sessions, %d of them not their delegate's\n", ok, wrong)
	if failed > 0 || wrong > 0 || len(lat) != n {
		return &exitError{code: 1, msg: fmt.Sprintf("%d of %d logins failed, %d sessions wrong", failed+n-len(lat), n, wrong)}
	}
	return nil
}

// loginClients opens one keep-alive connection per delegate, says
// "ready", waits for "go", then logs every delegate in at once with its
// code and writes "l LATENCY_NS STATUS I" and "s I TOKEN" per login,
// "e I WHY" per login not answered 200, and "end ELAPSED_NS CPU_NS"
// (burst).
func loginClients(ctx context.Context, sc *bufio.Scanner, out *bufio.Writer, url string, codes []string) error {
	return burst(ctx, sc, out, []string{url}, len(codes), false, func(i int, host string) []byte {
		return httpRequest("POST", host, "/login", []string{"Content-Type: application/json"}, `{"code":"`+codes[i]+`"}`)
	}, func(i int, s shot) {
		fmt.Fprintf(out, "l %d %d %d\n", s.lat.Nanoseconds(), s.status, i)
		if s.status != http.StatusOK {
			if s.why != "" {
				fmt.Fprintf(out, "e %d %s\n", i, s.why)
			}
			return
		}
		for _, v := range s.cookies {
			if c, err := http.ParseSetCookie(v); err == nil && (c.Name == auth.CookieName || c.Name == auth.HostCookieName) {
				fmt.Fprintf(out, "s %d %s\n", i, c.Value)
			}
		}
	})
}
