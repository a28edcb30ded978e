package main

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"runtime"

	"plenum/httpapi"
	"plenum/internal/admit"
	"plenum/internal/quietgc"
)

// procsPerCPU is how many Go processors (GOMAXPROCS) a serving plenum
// runs for each CPU it may use, unless the GOMAXPROCS environment
// variable says otherwise.
//
// Why more than one: Go's scheduler has no priorities and runs what is
// runnable first in, first out; with one processor a CPU, a page read
// that arrives during a burst of ballots waits behind the burst's
// backlog. With four a CPU the kernel shares each CPU among four threads
// and gives one just woken its turn soon, so a read is served within
// milliseconds while the ballots go on. Measured on 2 CPUs, 10,000
// ballots at once, readers every 20 ms, with the admission gate at 1,024
// (docs/performance.md): the reads' p99 at GOMAXPROCS 2 (no gate) 386–486
// ms, at 4 169–267 ms, at 8 58–145 ms, at 16 40–177 ms.
const procsPerCPU = 4

// defaultProcs is GOMAXPROCS as the process started with it.
var defaultProcs = runtime.GOMAXPROCS(0)

// serveProcs sets GOMAXPROCS to procsPerCPU times its default, unless
// the GOMAXPROCS environment variable set it (getenv), and returns it
// and the function that sets it back. It is called as the server starts
// listening, once the record is replayed: the replay's and the audit's
// workers follow GOMAXPROCS, and are best one a CPU.
func serveProcs(getenv func(string) string) (n int, restore func()) {
	prev := runtime.GOMAXPROCS(0)
	if getenv("GOMAXPROCS") != "" {
		return prev, func() {}
	}
	n = defaultProcs * procsPerCPU
	runtime.GOMAXPROCS(n)
	return n, func() { runtime.GOMAXPROCS(prev) }
}

// behind is h behind the gate g plenum serve puts before its handlers:
// at most g's bound of requests that change something are worked on at
// once, the others wait their turn parked, and reads pass at once (see
// package admit). One that waited too long (admit.DefaultMaxWait) is
// answered busy (httpapi.Busy: 503, nothing done). A command this node
// forwards to the node that writes its assembly gives its slot back as
// it goes (httpapi.ForwardTo calls admit.Release): it waits for another
// node, not for this one, and two full nodes forwarding to each other
// must not hold each other's slots.
func behind(g *admit.Gate, h http.Handler) http.Handler {
	return g.Wrap(h, http.HandlerFunc(httpapi.Busy))
}

// serving is how plenum serve runs its handler h, and plenum bench with
// it: behind the admission gate of n (behind), with serve's timeouts
// (newHTTPServer, access), GOMAXPROCS set as serve sets it (serveProcs),
// and the garbage collected while no change has been worked on for half
// a second (package quietgc, told by the gate). It returns the server,
// its GOMAXPROCS, and done, which stops the collector and sets GOMAXPROCS
// back once the server is shut down.
func serving(h http.Handler, n int, access accessConfig) (srv *http.Server, procs int, done func()) {
	procs, restore := serveProcs(os.Getenv)
	gate := admit.New(n, admit.DefaultMaxWait)
	ctx, stop := context.WithCancel(context.Background())
	go quietgc.Run(ctx, gate.Quiet, quietgc.Options{})
	srv = newHTTPServer(behind(gate, h), access)
	srv.ErrorLog = slog.NewLogLogger(slog.Default().Handler(), slog.LevelWarn)
	return srv, procs, func() {
		stop()
		restore()
	}
}
