package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"plenum/auth"
)

// BenchmarkBallotBurst10000 is the server's side of plenum bench vote
// without the sockets: 10,000 delegates, each with a session, cast their
// ballot in one open roll-call vote at once, each a POST …/commands
// served by the API's handler (session, JSON, the rules, the group
// commit on SQLite with its sync, the answer with its receipt). Each
// iteration opens a new vote and casts all 10,000 ballots in it; it
// reports durable ballots per second. Its CPU profile is the write path's
// (go test -bench BallotBurst -cpuprofile), free of the HTTP clients and
// of the readers that share the process in plenum bench vote.
func BenchmarkBallotBurst10000(b *testing.B) {
	const n = 10000
	w := newWorldAuth(b, n, "plenum.db") // beside the record, as plenum serve keeps them
	ps := make([]string, n)
	for i := range ps {
		ps[i] = fmt.Sprintf("d%d", i+1)
	}
	tokens, err := w.auth.NewSessions(context.Background(), "coop", ps)
	if err != nil {
		b.Fatal(err)
	}
	ann := w.as("ann")
	// One goroutine per delegate for the whole benchmark, as a server
	// keeps one per keep-alive connection: their stacks grow once.
	reqs := make([]*http.Request, n)
	status := make([]int, n)
	kick := make([]chan chan struct{}, n)
	var served sync.WaitGroup
	for i := range kick {
		kick[i] = make(chan chan struct{})
		go func() {
			for go1 := range kick[i] {
				<-go1
				rec := httptest.NewRecorder()
				w.api.ServeHTTP(rec, reqs[i])
				status[i] = rec.Code
				served.Done()
			}
		}()
	}
	defer func() {
		for _, k := range kick {
			close(k)
		}
	}()
	b.ReportAllocs()
	if f := os.Getenv("PLENUM_BURST_MEMPROFILE"); f != "" {
		writeAllocs(b, f+".base")
		defer writeAllocs(b, f)
	}
	var cpu time.Duration // the process's CPU time (all goroutines, GC too) in the bursts
	b.ResetTimer()
	for it := range b.N {
		b.StopTimer()
		vote := fmt.Sprintf("b%d", it)
		ann.mustStatus(201, "POST", "/api/assemblies/coop/commands", fmt.Sprintf(`{"cmd":"open_vote","args":{"id":%q,"question":"Adopt the budget?","method":"roll_call"}}`, vote), "Idempotency-Key", "open-"+vote)
		for i := range reqs {
			body := fmt.Sprintf(`{"cmd":"cast_ballot","args":{"vote":%q,"voter":%q,"choice":%q}}`, vote, ps[i], []string{"for", "against", "abstain"}[i%3])
			r := httptest.NewRequest("POST", "/api/assemblies/coop/commands", strings.NewReader(body))
			r.Header.Set("Content-Type", "application/json")
			r.Header.Set("Idempotency-Key", "ballot-"+vote)
			r.Header.Set("Cookie", auth.CookieName+"="+tokens[i])
			reqs[i] = r
		}
		go1 := make(chan struct{})
		served.Add(n)
		for _, k := range kick {
			k <- go1
		}
		b.StartTimer()
		cpu0 := cpuTime()
		close(go1)
		served.Wait()
		cpu += cpuTime() - cpu0
		b.StopTimer()
		for i, s := range status {
			if s != http.StatusCreated {
				b.Fatalf("ballot %d: status %d", i, s)
			}
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "ballots/s")
	// On a machine shared with other work the wall time varies much more
	// than the CPU time a ballot takes.
	b.ReportMetric(float64(cpu.Microseconds())/float64(n*b.N), "cpu-µs/ballot")
}

// writeAllocs writes the allocation profile so far to path.
// BenchmarkBallotBurst10000 writes one before its bursts (F.base) and one
// after them (F) when PLENUM_BURST_MEMPROFILE is F: go tool pprof
// -sample_index=alloc_objects -diff_base F.base F shows the bursts'
// allocations without the setup's (10,000 persons, mandates and
// sessions), which -memprofile adds to them. With -memprofilerate 256 or
// so it sees most of a ballot's small allocations.
func writeAllocs(b *testing.B, path string) {
	runtime.GC() // the profile is as of the last collection
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		b.Fatal(err)
	}
}

// cpuTime is the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
