package main

import (
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ceilingAnswer is what the handler of plenum bench ceiling answers every
// request: a ballot's answer as plenum serve gives it (the events, the
// signed checkpoint, the receipt), with made-up hashes and signature of
// the real lengths, so that the kernel and net/http move as many bytes
// for it as for a ballot (about 600).
var ceilingAnswer = func() []byte {
	hash := strings.Repeat("A", 43) + "="
	sig := strings.Repeat("B", 86) + "=="
	checkpoint := `plenum.localhost/log/` + benchAssembly + `\n50008\n` + hash + `\n\n— plenum.localhost ` + sig + `\n`
	return []byte(`{"events":[{"index":50007,"type":"ballot_cast"}],"checkpoint":"` + checkpoint +
		`","receipt":{"index":50007,"leaf_hash":"` + hash + `","checkpoint":"` + checkpoint +
		`","proof":"/api/assemblies/` + benchAssembly + `/proof/50007"}}`)
}()

// ceilingHandler reads each request's body whole and answers 201 with
// ceilingAnswer: HTTP and nothing else — no session, no rules, no log,
// no sync. The GET /api/session that proves each client's connection
// before the burst is answered 200.
func ceilingHandler(w http.ResponseWriter, r *http.Request) {
	ceilingServe(w, r, nil)
}

// ceilingServe is ceilingHandler, each POST's answer held, once its body
// is read, until the next of hold's made-up group commits if hold is not
// nil.
func ceilingServe(w http.ResponseWriter, r *http.Request, hold *ceilingHold) {
	if r.Method == http.MethodGet {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{}`)
		return
	}
	if _, err := io.Copy(io.Discard, http.MaxBytesReader(w, r.Body, 1<<20)); err != nil {
		http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
		return
	}
	if hold != nil {
		hold.wait()
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(ceilingAnswer)))
	w.WriteHeader(http.StatusCreated)
	w.Write(ceilingAnswer)
}

// ceilingHold holds the ceiling's answers as plenum's writer holds a
// ballot's until its batch is durable (bench ceiling --hold): a request
// waits (on a wait group of its own, as the engine's sender does) for
// the next commit, which takes every request waiting when it starts,
// lasts the hold (a sleep, where the writer decides, writes and syncs)
// and then answers them all at once; the next starts at once if more
// are waiting. What it costs over the ceiling is what holding ten
// thousand requests in flight costs (their memory, the waits, the
// answers written together), none of it plenum's work.
type ceilingHold struct {
	every   time.Duration
	mu      sync.Mutex
	waiting []*sync.WaitGroup
	kick    chan struct{}
	batches int
}

func newCeilingHold(ctx context.Context, every time.Duration) *ceilingHold {
	h := &ceilingHold{every: every, kick: make(chan struct{}, 1)}
	go h.run(ctx)
	return h
}

// wait returns once a commit that began after it was called has ended.
func (h *ceilingHold) wait() {
	wg := new(sync.WaitGroup)
	wg.Add(1)
	h.mu.Lock()
	h.waiting = append(h.waiting, wg)
	h.mu.Unlock()
	select {
	case h.kick <- struct{}{}:
	default:
	}
	wg.Wait()
}

func (h *ceilingHold) run(ctx context.Context) {
	for {
		select {
		case <-h.kick:
		case <-ctx.Done():
			return
		}
		h.mu.Lock()
		batch := h.waiting
		h.waiting = nil
		if len(batch) > 0 {
			h.batches++
		}
		h.mu.Unlock()
		if len(batch) == 0 {
			continue
		}
		time.Sleep(h.every)
		for _, wg := range batch {
			wg.Done()
		}
		h.mu.Lock()
		more := len(h.waiting) > 0
		h.mu.Unlock()
		if more {
			select {
			case h.kick <- struct{}{}:
			default:
			}
		}
	}
}

// commits returns how many commits answered requests so far.
func (h *ceilingHold) commits() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.batches
}

// benchCeiling is plenum bench ceiling: the ballots of plenum bench vote — the
// same clients, connections, requests, cookies and bodies — sent at once
// to a server that does nothing with them but answer (ceilingHandler),
// served as plenum serve serves (serving: the admission gate, its
// timeouts, GOMAXPROCS, the quiet collector): what
// HTTP alone costs on this machine, the ceiling of bench vote's ballots a
// second.
//
// The readers of vote read as they do there (--readers, --read-every),
// here answered {} at once: their latency is what waiting for a turn to
// run costs among the burst's requests, with no page to make.
func benchCeiling(ctx context.Context, env *cliEnv, n int, separate bool, changesAtOnce, readers int, readEvery, settleFor, holdFor time.Duration, prof *benchServer) error {
	out := env.stdout
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	handler := http.HandlerFunc(ceilingHandler)
	var hold *ceilingHold
	if holdFor > 0 {
		holdCtx, stopHold := context.WithCancel(ctx)
		defer stopHold()
		hold = newCeilingHold(holdCtx, holdFor)
		handler = func(w http.ResponseWriter, r *http.Request) { ceilingServe(w, r, hold) }
	}
	srv, procs, done := serving(handler, changesAtOnce, accessConfig{})
	defer done()
	go srv.Serve(ln)
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}()
	url := "http://" + ln.Addr().String()
	fmt.Fprintf(out, "plenum bench ceiling: %d requests to a handler that only answers; server %s in this process, GOMAXPROCS %d\n", n, url, procs)
	// Tokens as long as the real sessions' (32 bytes, hex), so the
	// requests are the same size as bench vote's.
	ps := persons(n)
	tokens := make([]string, n)
	for i := range tokens {
		var t [32]byte
		copy(t[:], strconv.Itoa(i))
		tokens[i] = hex.EncodeToString(t[:])
	}
	t0 := time.Now()
	lc, err := startReady(ctx, env, n, separate, ps, tokens, "the clients", "vote", url)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "clients:   %d keep-alive connections opened in %v, %s\n", n, since(t0), lc.where())
	rc, err := startReady(ctx, env, 2*readers, lc.separate, []string{"chair"}, tokens[:1], "the readers", "read", url, strconv.Itoa(readers), readEvery.String())
	if err != nil {
		return err
	}
	defer rc.stop()
	r, err := runBurst(ctx, out, lc, rc, settleFor, prof)
	if err != nil {
		return err
	}
	ok, failed := r.answered("201"), r.failed("201")
	fmt.Fprintf(out, "requests:  %d answered 201, %d failed, all answered in %v: %.0f a second\n", ok, failed, r.elapsed.Round(time.Millisecond), float64(ok)/r.elapsed.Seconds())
	lc.failures(out)
	if len(r.lat) > 0 {
		latencyLine(out, "request sent to answer", r.lat)
	}
	serverCPU, clientCPU := r.server.cpu, r.clientCPU
	if lc.separate {
		fmt.Fprintf(out, "cpu:       during the requests: server %v (%.0f µs a request), clients %v (%.0f µs a request); %d page faults in the server's process\n",
			serverCPU.Round(time.Millisecond), float64(serverCPU.Microseconds())/float64(n), clientCPU.Round(time.Millisecond), float64(clientCPU.Microseconds())/float64(n), r.server.faults)
	} else {
		fmt.Fprintf(out, "cpu:       during the requests: server and clients together (one process) %v (%.0f µs a request); %d page faults in the process\n",
			serverCPU.Round(time.Millisecond), float64(serverCPU.Microseconds())/float64(n), r.server.faults)
	}
	fmt.Fprintln(out, gcLine(r.server.gc, "the requests", lc.separate, "server, clients and readers"))
	fmt.Fprintln(out, warmLine(r.server.warm0, r.server.warm, "the requests"))
	if hold != nil {
		fmt.Fprintf(out, "held:      each answer held for the next made-up commit of %v: %d commits\n", holdFor, hold.commits())
	}
	readFailed, err := readerReport(out, rc, readers, readEvery)
	if err != nil {
		return err
	}
	if failed > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%d requests failed", failed)}
	}
	if readFailed > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%d reads failed", readFailed)}
	}
	return nil
}
