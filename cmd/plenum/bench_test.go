package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"plenum/auth"
	"plenum/httpapi"
	"plenum/internal/admit"
	"plenum/internal/routes"
	"plenum/ledger"
	"plenum/store/postgres/pgtest"
)

// TestBenchServesWhatServeServes: the server plenum bench measures is
// plenum serve's: the same routes, every one, read from the handler its
// HTTP server actually serves (so a bench that mounted its own mux, or
// left one route out, fails here), behind the same gate, with the same
// timeouts; and the routes bench once lacked answer.
func TestBenchServesWhatServeServes(t *testing.T) {
	ctx := context.Background()
	b, err := startBench(ctx, t.TempDir(), admit.Default)
	if err != nil {
		t.Fatal(err)
	}
	defer b.close()
	srv, err := openServer(ctx, serverConfig{db: filepath.Join(t.TempDir(), "plenum.db"), name: ledger.DefaultServerName})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	served, _, restore := srv.httpServer()
	restore()

	patterns := func(h http.Handler) []string {
		var out []string
		for _, r := range routes.All(h) {
			out = append(out, r.Pattern)
		}
		return out
	}
	benchRoutes, serveRoutes := patterns(b.srv.Handler), patterns(served.Handler)
	if len(serveRoutes) < 50 {
		t.Fatalf("serve lists only %d routes: the muxes are not all listed", len(serveRoutes))
	}
	if !slices.Equal(benchRoutes, serveRoutes) {
		t.Errorf("bench serves %d routes, serve %d; bench lacks %v, has more %v", len(benchRoutes), len(serveRoutes), missing(serveRoutes, benchRoutes), missing(benchRoutes, serveRoutes))
	}
	for _, want := range []string{"/logout", "GET /healthz", "GET /key"} {
		if !slices.Contains(benchRoutes, want) {
			t.Errorf("bench does not serve %s", want)
		}
	}
	// The same wrapping: a handler of the same kind around the routes
	// (the gate), not the bare mux; and the same limits.
	bl, ok := b.srv.Handler.(*listed)
	if !ok {
		t.Fatalf("bench serves a %T, not the routes behind serve's gate", b.srv.Handler)
	}
	if got, want := fmt.Sprintf("%T", bl.Handler), fmt.Sprintf("%T", served.Handler.(*listed).Handler); got != want {
		t.Errorf("bench serves its routes through a %s, serve through a %s", got, want)
	}
	if _, bare := bl.Handler.(*routes.Mux); bare {
		t.Error("bench serves the bare mux, without the admission gate")
	}
	if b.srv.ReadHeaderTimeout != served.ReadHeaderTimeout || b.srv.ReadTimeout != served.ReadTimeout || b.srv.IdleTimeout != served.IdleTimeout || b.srv.MaxHeaderBytes != served.MaxHeaderBytes {
		t.Errorf("bench's HTTP server has other limits than serve's: %+v", b.srv)
	}
	for path, want := range map[string]string{"/healthz": "ok\n", "/key": b.server.vkey + "\n"} {
		resp, err := http.Get(b.url + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || string(body) != want {
			t.Errorf("GET %s from the bench's server: %d %q, want 200 %q", path, resp.StatusCode, body, want)
		}
	}
}

// missing returns the strings of a not in b.
func missing(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}

func TestBenchVote(t *testing.T) {
	code, out, errs := runForTest(t, "", "bench", "vote", "--delegates", "60", "--settle", "20ms", "--dir", t.TempDir())
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errs, out)
	}
	for _, want := range []string{"60 accepted, 0 failed", "durable ballots/s", "p50", "p99", "signed checkpoint covering all", "the vote counts 60 ballots from 60 delegates",
		"committed during the ballots,", "entries a batch at the median,",
		"cpu:       during the ballots: server", "µs a ballot, serving the readers included), clients", "page faults in the server's process",
		"reads:     chair's page during the ballots, 4 readers each every 20ms", "reads:     state during the ballots, 4 readers each every 20ms",
		"in this process, GOMAXPROCS " + strconv.Itoa(defaultProcs*procsPerCPU), "settle:    everyone connected, the ballots in 20ms"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	checkGCLine(t, out, voteCPU, "the ballots", "server, clients and readers")
}

// voteCPU is the line of plenum bench vote the gc line follows.
const voteCPU = `cpu:       during the ballots: server `

// TestBenchVoteSeparate runs plenum bench vote with the clients in a
// second process (the built binary): the server's collector figures are
// then its own process's, and the gc line does not say otherwise.
func TestBenchVoteSeparate(t *testing.T) {
	if testing.Short() {
		t.Skip("builds plenum and starts it")
	}
	code, out, errs := runPlenum(t, plenumBinary(t), "bench", "vote", "--delegates", "60", "--separate", "--dir", t.TempDir())
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errs, out)
	}
	if !strings.Contains(out, "clients in a second plenum process") {
		t.Errorf("the clients were not apart:\n%s", out)
	}
	checkGCLine(t, out, voteCPU, "the ballots", "server, clients and readers")
}

// gcLineRE is the gc line of a bench, right after the line matched by
// after, over what (the ballots, the logins, the events), saying when
// the process was shared that who shared it.
func gcLineRE(after, over, who string) *regexp.Regexp {
	const size = `(\d+ [KM]iB)`
	return regexp.MustCompile(`\n` + after + `.*\n` +
		`gc:        during ` + over + ` ` + size + ` allocated, (?:` + size + ` before a collection was due|the collector held off as they began); (no collection ended; heap ` + size + ` live after the last before them` +
		`|(\d+) collections? ended: (\S+) in the collector as the runtime estimates its CPU time \(assists (\S+) and idle marking (\S+) included\)(, \d+% of the Go processors' busy time)?; heap ` + size + ` live after the last)` +
		`(; ` + who + ` together, in this process)?\n`)
}

// checkGCLine checks that out has the gc line right after the line
// matched by after, over what, its figures sane (some bytes allocated,
// some heap live), and that it says the process was shared, by who,
// exactly when the clients ran in it.
func checkGCLine(t *testing.T, out, after, over, who string) {
	t.Helper()
	m := gcLineRE(after, over, who).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no gc line over %s after %s:\n%s", over, after, out)
	}
	if shared, in := m[11] != "", strings.Contains(out, "clients in this process"); shared != in {
		t.Errorf("the gc line says the clients shared the process: %v; the clients line: %v:\n%s", shared, in, out)
	}
	inBytes := func(s string) uint64 {
		var v uint64
		var unit string
		if _, err := fmt.Sscanf(s, "%d %s", &v, &unit); err != nil {
			t.Fatalf("%q in the gc line: %v:\n%s", s, err, out)
		}
		if unit == "MiB" {
			return v << 20
		}
		return v << 10
	}
	live := m[4] + m[10]
	if a, l := inBytes(m[1]), inBytes(live); a == 0 || l == 0 {
		t.Errorf("%s allocated, %s live: want both above zero:\n%s", m[1], live, out)
	}
	if m[2] != "" { // not "the collector held off as they began"
		inBytes(m[2])
	}
	if m[5] == "" {
		return
	}
	var d [3]time.Duration
	for i, s := range m[6:9] {
		v, err := time.ParseDuration(s)
		if err != nil || v < 0 {
			t.Fatalf("%q in the gc line: %v:\n%s", s, err, out)
		}
		d[i] = v
	}
	if d[1] > d[0] || d[2] > d[0] {
		t.Errorf("assists %v or idle marking %v above the collector's %v:\n%s", d[1], d[2], d[0], out)
	}
}

// TestBenchGCLine: the gc line for figures made up, and the collector's
// figures as read, across a collection forced.
func TestBenchGCLine(t *testing.T) {
	const ballots, who = "the ballots", "server, clients and readers"
	for _, tc := range []struct {
		d         gcStats
		over      string
		alone     bool
		who, want string
	}{
		{gcStats{live: 15 << 20, alloc: 20 << 20, toGo: 30 << 20}, ballots, true, who, "gc:        during the ballots 20 MiB allocated, 30 MiB before a collection was due; no collection ended; heap 15 MiB live after the last before them"},
		{gcStats{cycles: 1, gc: 0.212, assist: 0.08, idle: 0.0304, total: 2, unused: 0.5, live: 184 << 20, alloc: 200 << 20, toGo: 10 << 20}, ballots, false, who,
			"gc:        during the ballots 200 MiB allocated, 10 MiB before a collection was due; 1 collection ended: 212ms in the collector as the runtime estimates its CPU time (assists 80ms and idle marking 30ms included), 14% of the Go processors' busy time; heap 184 MiB live after the last; server, clients and readers together, in this process"},
		{gcStats{cycles: 3, gc: 0.5, live: 1 << 30}, ballots, true, who,
			"gc:        during the ballots 0 MiB allocated, 0 MiB before a collection was due; 3 collections ended: 500ms in the collector as the runtime estimates its CPU time (assists 0s and idle marking 0s included); heap 1024 MiB live after the last"},
		// The collector off as the phase began (its goal near 2^63):
		// no figure of how far a collection was.
		{gcStats{cycles: 1, gc: 1.195, assist: 0.46, live: 141 << 20, alloc: 89 << 20, toGo: 1<<63 - 1<<58, off: true}, "the logins", true, who,
			"gc:        during the logins 89 MiB allocated, the collector held off as they began; 1 collection ended: 1.195s in the collector as the runtime estimates its CPU time (assists 460ms and idle marking 0s included); heap 141 MiB live after the last"},
		// Under a MiB in KiB, from a MiB in MiB.
		{gcStats{live: 12 << 20, alloc: 300 << 10, toGo: (1 << 20) - 513}, "the logins", false, "server and clients",
			"gc:        during the logins 300 KiB allocated, 1023 KiB before a collection was due; no collection ended; heap 12 MiB live after the last before them; server and clients together, in this process"},
		{gcStats{live: 12 << 20, alloc: 1, toGo: (1 << 20) - 512}, "the events", true, "server and clients",
			"gc:        during the events 0 KiB allocated, 1 MiB before a collection was due; no collection ended; heap 12 MiB live after the last before them"},
	} {
		if got := gcLine(tc.d, tc.over, tc.alone, tc.who); got != tc.want {
			t.Errorf("gcLine(%+v, %q, %v, %q)\n got %s\nwant %s", tc.d, tc.over, tc.alone, tc.who, got, tc.want)
		}
	}
	g0 := readGC()
	runtime.GC()
	d := readGC().since(g0)
	if d.cycles < 1 || d.gc <= 0 || d.assist < 0 || d.idle < 0 || d.assist+d.idle > d.gc || d.total <= 0 || d.live == 0 || g0.toGo == 0 {
		t.Errorf("across runtime.GC(): %+v", d)
	}
}

func TestBenchFanout(t *testing.T) {
	code, out, errs := runForTest(t, "", "bench", "fanout", "--clients", "40", "--events", "3", "--dir", t.TempDir())
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errs, out)
	}
	for _, want := range []string{"40 connected", "KiB per connection", "120 of 120 deliveries arrived", "durable to received: p50"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	checkGCLine(t, out, "latency:   durable to received: ", "the events", "server and clients")
}

// TestBenchLoginFanoutSeparate runs plenum bench login and fanout with
// the clients in a second process (the built binary): the gc line is the
// server's process's alone, and the fanout's clients say across the pipe
// when they have every event.
func TestBenchLoginFanoutSeparate(t *testing.T) {
	if testing.Short() {
		t.Skip("builds plenum and starts it")
	}
	bin := plenumBinary(t)
	for _, tc := range []struct {
		args        []string
		after, over string
	}{
		{[]string{"login", "--delegates", "50"}, "latency:   request sent to session: ", "the logins"},
		{[]string{"fanout", "--clients", "40", "--events", "3"}, "latency:   durable to received: ", "the events"},
	} {
		code, out, errs := runPlenum(t, bin, append(append([]string{"bench"}, tc.args...), "--separate", "--dir", t.TempDir())...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s\n%s", tc.args, code, errs, out)
		}
		if !strings.Contains(out, "clients in a second plenum process") {
			t.Errorf("%v: the clients were not apart:\n%s", tc.args, out)
		}
		checkGCLine(t, out, tc.after, tc.over, "server and clients")
	}
}

func TestBenchLogin(t *testing.T) {
	code, out, errs := runForTest(t, "", "bench", "login", "--delegates", "50", "--dir", t.TempDir())
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errs, out)
	}
	for _, want := range []string{"50 logged in, 0 failed", "logins/s", "50 sessions, 0 of them not their delegate's"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	checkGCLine(t, out, "latency:   request sent to session: ", "the logins", "server and clients")
}

// TestBenchMemProfile: --memprofile F writes two allocation profiles,
// F.base as the logins start and F as they end, each a pprof profile
// (gzipped, with the allocs profile's sample types) that holds more than
// the other; a file it cannot write is an error, not a silent run.
func TestBenchMemProfile(t *testing.T) {
	dir := t.TempDir()
	prof := filepath.Join(dir, "mem")
	code, out, errs := runForTest(t, "", "bench", "login", "--delegates", "40", "--dir", t.TempDir(), "--memprofile", prof)
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errs, out)
	}
	if runtime.MemProfileRate == memProfileRate {
		t.Error("the profile's rate was left set after the bench")
	}
	var sizes []int
	for _, path := range []string{prof + ".base", prof} {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("%s is not a gzipped pprof profile: %v", path, err)
		}
		pb, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, want := range []string{"alloc_objects", "alloc_space", "inuse_space"} {
			if !bytes.Contains(pb, []byte(want)) {
				t.Errorf("%s lacks the sample type %q of an allocation profile", path, want)
			}
		}
		sizes = append(sizes, len(pb))
	}
	if sizes[1] <= sizes[0] {
		t.Errorf("the profile at the end (%d bytes) holds no more than the one at the start (%d)", sizes[1], sizes[0])
	}
	code, _, errs = runForTest(t, "", "bench", "login", "--delegates", "10", "--dir", t.TempDir(), "--memprofile", filepath.Join(dir, "no", "such", "dir", "mem"))
	if code != 1 || !strings.Contains(errs, "no such file or directory") {
		t.Errorf("a profile that cannot be written: exit %d, %q; want 1 and why", code, errs)
	}
}

func TestBenchUsage(t *testing.T) {
	for _, args := range [][]string{
		{"bench"},
		{"bench", "sprint"},
		{"bench", "vote", "--delegates", "0"},
		{"bench", "vote", "--readers", "0"},
		{"bench", "vote", "--read-every", "-1ms"},
		{"bench", "vote", "--settle", "-1s"},
		{"bench", "fanout", "--clients", "-1"},
		{"bench", "vote", "extra"},
		{"bench", "login", "--delegates", "0"},
	} {
		if code, _, errs := runForTest(t, "", args...); code != 2 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, code, errs)
		}
	}
	if code, out, _ := runForTest(t, "", "help", "bench"); code != 0 || !strings.Contains(out, "plenum bench vote") {
		t.Errorf("help bench: %d %q", code, out)
	}
}

// TestBenchVoteNodesRefused: --nodes above one without a postgres://
// database, and every other bad combination, is refused with what to do,
// before anything is made.
func TestBenchVoteNodesRefused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "not-made")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--nodes", "3"}, "--nodes 3 needs a PostgreSQL database: give --db postgres://…"},
		{[]string{"--nodes", "3", "--db", filepath.Join(dir, "plenum.db")}, "give a postgres:// URL"},
		{[]string{"--db", "plenum.db"}, "give a postgres:// URL"},
		{[]string{"--nodes", "0"}, "--nodes must be at least 1"},
		{[]string{"--nodes", "1", "--db", "postgres://127.0.0.1:1/x", "--kill", "mid"}, "--kill mid needs --nodes 2 or more"},
		{[]string{"--nodes", "2", "--db", "postgres://127.0.0.1:1/x", "--kill", "soon"}, `--kill "soon": use after, mid or none`},
		{[]string{"--kill", "after"}, "--kill after needs --nodes 2 or more"},
		{[]string{"--nodes", "2", "--db", "postgres://127.0.0.1:1/x", "--cpuprofile", filepath.Join(dir, "cpu")}, "--cpuprofile, --memprofile and --trace profile a server in this process"},
		{[]string{"--nodes", "2", "--db", "postgres://127.0.0.1:1/x", "--memprofile", filepath.Join(dir, "mem")}, "--cpuprofile, --memprofile and --trace profile a server in this process"},
		{[]string{"--readers-apart"}, "--readers-apart needs --nodes 2 or more and --kill none"},
		{[]string{"--nodes", "2", "--db", "postgres://127.0.0.1:1/x", "--readers-apart"}, "--readers-apart needs --nodes 2 or more and --kill none"},
	} {
		args := append([]string{"bench", "vote", "--dir", dir}, tc.args...)
		if code, out, errs := runForTest(t, "", args...); code != 2 || !strings.Contains(errs, tc.want) || out != "" {
			t.Errorf("plenum %s: exit %d, %q %q; want 2 and %q", strings.Join(args, " "), code, out, errs, tc.want)
		}
	}
	if code, _, errs := runForTest(t, "", "bench", "fanout", "--nodes", "2", "--db", "postgres://127.0.0.1:1/x"); code != 2 || !strings.Contains(errs, "--nodes, --db and --kill are for plenum bench vote") {
		t.Errorf("bench fanout --nodes 2: exit %d, %q", code, errs)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("a refused benchmark made its directory")
	}
}

// TestBenchVoteReadersApart runs plenum bench vote --nodes 3
// --readers-apart small: the ballots go only to the lease holder (none
// forwarded, none sent again) and the readers read the other nodes.
func TestBenchVoteReadersApart(t *testing.T) {
	if testing.Short() {
		t.Skip("starts plenum serve processes")
	}
	pgtest.Server(t)
	bin := plenumBinary(t)
	code, out, errs := runPlenum(t, bin, "bench", "vote", "--nodes", "3", "--db", pgtest.Fresh(t), "--delegates", "200", "--kill", "none", "--readers-apart", "--dir", t.TempDir())
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errs, out)
	}
	for _, want := range []string{"which holds the lease; the readers to the other nodes", "200 accepted (0 of them answered as replayed", ", 0 failed, all answered",
		"attempts:  200 for 200 ballots: 0 sent again", "the vote counts 200 ballots from 200 delegates"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !regexp.MustCompile(`reads:     state during the ballots, 4 readers each every 20ms: \d+ fetches, 0 failed`).MatchString(out) {
		t.Errorf("a failed read:\n%s", out)
	}
}

// TestBenchVoteNodes runs plenum bench vote --nodes 3 (the built binary,
// which starts itself as the nodes) small, with the writer killed after
// the ballots and again with it killed mid-run, and checks that the
// figures it prints are sane: every ballot accepted and counted once,
// ballots per second and latencies that fit the time the ballots took,
// attempts at least one a ballot, a failover time above zero and within
// a minute, and a new lease token.
func TestBenchVoteNodes(t *testing.T) {
	if testing.Short() {
		t.Skip("starts plenum serve processes")
	}
	pgtest.Server(t) // skipped without PostgreSQL before anything is built
	bin := plenumBinary(t)
	for _, kill := range []string{"after", "mid"} {
		t.Run(kill, func(t *testing.T) {
			dsn := pgtest.Fresh(t)
			code, out, errs := runPlenum(t, bin, "bench", "vote", "--nodes", "3", "--db", dsn, "--delegates", "200", "--kill", kill, "--dir", t.TempDir())
			if code != 0 {
				t.Fatalf("exit %d: %s\n%s", code, errs, out)
			}
			for _, want := range []string{"3 nodes (plenum serve processes)", "nodes:     3 started", "200 accepted (", ", 0 failed, all answered", "the vote counts 200 ballots from 200 delegates"} {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %q:\n%s", want, out)
				}
			}
			num := func(re string) []float64 {
				m := regexp.MustCompile(re).FindStringSubmatch(out)
				if m == nil {
					t.Fatalf("output lacks %s:\n%s", re, out)
				}
				var f []float64
				for _, s := range m[1:] {
					if d, err := time.ParseDuration(s); err == nil {
						f = append(f, d.Seconds())
						continue
					}
					v, err := strconv.ParseFloat(s, 64)
					if err != nil {
						t.Fatalf("%q in %s: %v", s, re, err)
					}
					f = append(f, v)
				}
				return f
			}
			b := num(`all answered in (\S+): (\d+) durable ballots/s`)
			if b[0] <= 0 || b[1] <= 0 || b[1]*b[0] < 150 || b[1]*b[0] > 250 {
				t.Errorf("200 ballots in %vs at %v a second:\n%s", b[0], b[1], out)
			}
			l := num(`p50 (\S+), p99 (\S+), max (\S+)\n`)
			if l[0] <= 0 || l[0] > l[1] || l[1] > l[2] || l[2] > b[0]+0.01 {
				t.Errorf("latencies p50 %vs, p99 %vs, max %vs for ballots all answered in %vs:\n%s", l[0], l[1], l[2], b[0], out)
			}
			a := num(`attempts:  (\d+) for 200 ballots: (\d+) sent again`)
			if a[0] < 200 || a[1] > 200 || a[0] < 200+a[1] {
				t.Errorf("%v attempts, %v ballots sent again:\n%s", a[0], a[1], out)
			}
			f := num(`a command was accepted again (\S+) later, by bench-\d \((\d+) attempts?\); the lease went from token (\d+) to (\d+), held by bench-\d`)
			if f[0] <= 0 || f[0] > 60 || f[1] < 1 || f[3] <= f[2] {
				t.Errorf("failover in %vs after %v probes, token %v to %v:\n%s", f[0], f[1], f[2], f[3], out)
			}
			t.Logf("%s", out)
		})
	}
}

// TestReaderFetchesWhatWasDue: a reader told to stop before its goroutine
// first ran (a burst of a few milliseconds on a loaded machine) still
// makes the fetch that was due when the ballots began, and counts it from
// then; it makes no other.
func TestReaderFetchesWhatWasDue(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("page")) }))
	defer ts.Close()
	for _, every := range []time.Duration{20 * time.Millisecond, 0} {
		r := &reader{url: ts.URL, token: "tok", every: every, client: &http.Client{Timeout: 5 * time.Second}}
		stop := make(chan struct{})
		close(stop)
		start := time.Now().Add(-30 * time.Millisecond)
		r.run(context.Background(), start, stop)
		if len(r.lat) != 1 || r.failed != 0 {
			t.Fatalf("every %v: %d fetches, %d failed; want the one due at the start", every, len(r.lat), r.failed)
		}
		if r.lat[0] < 30*time.Millisecond {
			t.Errorf("every %v: latency %v, counted from the fetch rather than from when it was due", every, r.lat[0])
		}
	}
}

// A paced reader counts a stall for every fetch it held up, from when
// each was due; a reader fetching in a loop counts it once.
func TestReaderPaced(t *testing.T) {
	var stalled, looping atomic.Bool
	var after atomic.Int64 // fetches answered after the stall
	loopStop := make(chan struct{})
	var closeLoop sync.Once
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Cookie") != auth.CookieName+"=tok" {
			http.Error(w, "no session", http.StatusUnauthorized)
			return
		}
		if !stalled.Swap(true) {
			time.Sleep(200 * time.Millisecond)
		} else if after.Add(1) >= 50 && looping.Load() {
			closeLoop.Do(func() { close(loopStop) })
		}
		w.Write([]byte("page"))
	}))
	defer ts.Close()
	// slow runs a reader fetching every every and counts its fetches,
	// and those after the first skip that counted 100 ms or more; the
	// first one's latency is stalledFor. The paced reader is stopped
	// after 400 ms; the looping one once it has fetched 50 times after
	// the stall (on a loaded machine, under the race detector, a fetch
	// can take 7 ms: the 200 ms after the stall were once 30 fetches),
	// or after 10 s.
	var stalledFor time.Duration
	slow := func(every time.Duration, skip int) (fetches, slow int) {
		stalled.Store(false)
		after.Store(0)
		r := &reader{url: ts.URL, token: "tok", every: every}
		r.client = &http.Client{Timeout: 5 * time.Second}
		stop := make(chan struct{})
		if every == 0 {
			looping.Store(true)
			stop = loopStop
			tm := time.AfterFunc(10*time.Second, func() { closeLoop.Do(func() { close(loopStop) }) })
			defer tm.Stop()
		} else {
			time.AfterFunc(400*time.Millisecond, func() { close(stop) })
		}
		r.run(context.Background(), time.Now(), stop)
		if r.failed > 0 {
			t.Fatalf("every %v: %d failed fetches", every, r.failed)
		}
		if len(r.lat) > 0 {
			stalledFor = r.lat[0]
		}
		for _, d := range r.lat[min(skip, len(r.lat)):] {
			if d >= 100*time.Millisecond {
				slow++
			}
		}
		return len(r.lat), slow
	}
	// Due every 10 ms, the fetches due during the 200 ms stall wait for
	// it: ten or more of them count 100 ms or more.
	if n, s := slow(10*time.Millisecond, 0); s < 10 || n > 45 {
		t.Errorf("paced every 10ms: %d fetches, %d of them ≥ 100 ms; want ≥ 10 slow and ≤ 45 in all (paced, not looping)", n, s)
	}
	// In a loop, the first fetch counts the stall, and none after it
	// does: were the stall counted again, every one would count 200 ms
	// or more. (A fetch of a loaded machine, under the race detector,
	// can take 100 ms by itself: seen once among 50.)
	if n, s := slow(0, 1); stalledFor < 200*time.Millisecond || s > 5 || n < 50 {
		t.Errorf("in a loop: the first fetch (the stalled one) counted %v, and %d of the %d after it ≥ 100 ms; want ≥ 200 ms, then hardly any slow among many", stalledFor, s, n-1)
	}
}

// TestBenchCeiling runs the ceiling: the vote's ballots to a handler that
// only answers.
func TestBenchCeiling(t *testing.T) {
	code, out, errs := runForTest(t, "", "bench", "ceiling", "--delegates", "50", "--readers", "2", "--settle", "20ms")
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errs, out)
	}
	for _, want := range []string{"plenum bench ceiling: 50 requests", "50 answered 201, 0 failed", "a second", "latency:", "cpu:",
		"settle:    everyone connected, the ballots in 20ms", "reads:     chair's page during the ballots, 2 readers each every 20ms", "reads:     state during the ballots, 2 readers"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// Held: each answer waits for the next made-up commit.
	code, out, errs = runForTest(t, "", "bench", "ceiling", "--delegates", "50", "--readers", "1", "--settle", "20ms", "--hold", "5ms")
	if code != 0 {
		t.Fatalf("--hold: exit %d: %s\n%s", code, errs, out)
	}
	for _, want := range []string{"50 answered 201, 0 failed", "page faults in the", "gc:        during the requests", "held:      each answer held for the next made-up commit of 5ms: "} {
		if !strings.Contains(out, want) {
			t.Errorf("--hold: output lacks %q:\n%s", want, out)
		}
	}
	for _, args := range [][]string{
		{"bench", "ceiling", "--delegates", "0"},
		{"bench", "ceiling", "--hold", "-1ms"},
		{"bench", "vote", "--hold", "10ms"},
		{"bench", "ceiling", "--memprofile", filepath.Join(t.TempDir(), "p")},
		{"bench", "ceiling", "--db", "postgres://127.0.0.1/x"},
	} {
		if code, _, errs := runForTest(t, "", args...); code != 2 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, code, errs)
		}
	}
}

// TestCeilingAnswer: the ceiling's answer is a ballot's answer in shape
// and within a few bytes of its length, so that bench ceiling moves what
// bench vote moves.
func TestCeilingAnswer(t *testing.T) {
	var a httpapi.CommandResponse
	if err := json.Unmarshal(ceilingAnswer, &a); err != nil {
		t.Fatal(err)
	}
	if a.Receipt == nil || a.Receipt.Index != 50007 || len(a.Events) != 1 || a.Events[0].Type != "ballot_cast" || a.Checkpoint != a.Receipt.Checkpoint {
		t.Errorf("not a ballot's answer: %s", ceilingAnswer)
	}
	if n := len(ceilingAnswer); n < 560 || n > 640 {
		t.Errorf("%d bytes; a ballot's answer in bench vote has about 600", n)
	}
	rec := httptest.NewRecorder()
	ceilingHandler(rec, httptest.NewRequest("POST", "/api/assemblies/bench/commands", strings.NewReader(`{"cmd":"cast_ballot"}`)))
	if rec.Code != 201 || !bytes.Equal(rec.Body.Bytes(), ceilingAnswer) {
		t.Errorf("POST: %d %s", rec.Code, rec.Body)
	}
}

// TestBatchLine: the batches committed after the burst began, by the log's
// sizes at their commits; none is no line.
func TestBatchLine(t *testing.T) {
	t0 := time.Now()
	b := &benchServer{commits: []commit{
		{size: 100, at: t0.Add(-2 * time.Second)}, // the setup
		{size: 140, at: t0.Add(-time.Second)},
		{size: 150, at: t0.Add(time.Millisecond)}, // the burst: 10, 30, 5, 200
		{size: 180, at: t0.Add(2 * time.Millisecond)},
		{size: 185, at: t0.Add(3 * time.Millisecond)},
		{size: 385, at: t0.Add(4 * time.Millisecond)},
	}}
	want := "batches:   4 committed during the ballots, 30 entries a batch at the median, 200 at the most"
	if got := b.batchLine(t0); got != want {
		t.Errorf("batchLine:\n got %q\nwant %q", got, want)
	}
	if got := b.batchLine(t0.Add(time.Second)); got != "" {
		t.Errorf("no batch after the start: %q, want no line", got)
	}
}

// TestCeilingHoldAnswersInCommits: a held request is answered only by a
// commit that began after it arrived, and the requests waiting as a
// commit begins are answered together by it.
func TestCeilingHoldAnswersInCommits(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	h := newCeilingHold(ctx, 30*time.Millisecond)
	t0 := time.Now()
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h.wait()
		}()
	}
	wg.Wait()
	if d := time.Since(t0); d < 30*time.Millisecond {
		t.Errorf("answered after %v, before a commit of 30ms could end", d)
	}
	if n := h.commits(); n < 1 || n > 20 {
		t.Errorf("%d commits for 20 requests", n)
	}
	h.wait() // a request after the others is answered by a commit of its own
	if n := h.commits(); n < 2 {
		t.Errorf("%d commits after a later request; want a second", n)
	}
}

// The warm line says what the quiet collector wrote of the heap's
// headroom before the measured phase and during it (quietgc.Warmed).
func TestBenchWarmLine(t *testing.T) {
	for _, tc := range []struct {
		before, during warmStats
		want           string
	}{
		{warmStats{}, warmStats{}, "warm:      the quiet collector had not warmed the heap's headroom before the ballots; not during them"},
		{warmStats{1, 150 << 20, 61 * time.Millisecond}, warmStats{}, "warm:      the quiet collector had warmed the heap's headroom 1 time before the ballots, 150 MiB written in 61ms; not during them"},
		{warmStats{3, 300 << 20, 141 * time.Millisecond}, warmStats{2, 20 << 20, 9 * time.Millisecond}, "warm:      the quiet collector had warmed the heap's headroom 3 times before the ballots, 300 MiB written in 141ms; 2 times during them, 20 MiB in 9ms"},
	} {
		if got := warmLine(tc.before, tc.during, "the ballots"); got != tc.want {
			t.Errorf("warmLine(%+v, %+v)\n got %s\nwant %s", tc.before, tc.during, got, tc.want)
		}
	}
}
