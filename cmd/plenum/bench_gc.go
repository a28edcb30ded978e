package main

import (
	"fmt"
	"runtime/metrics"
	"sync"
	"time"

	"plenum/internal/quietgc"
)

// gcStats is what runtime/metrics tells of this process's garbage
// collector at one moment. The CPU figures are the runtime's estimates
// (/cpu/classes/…), in seconds: time measured on the wall clock while a
// Go processor (a P, GOMAXPROCS of them) did the work, whether or not
// the kernel had its thread on a CPU, and a pause counted GOMAXPROCS
// times over. The runtime adds them up at the end of each collection,
// with the count of collections and the heap marked live, so that a
// difference of two readings covers the collections that ended between
// them, and the busy time from the end of the last collection before
// the first reading to the end of the last before the second.
type gcStats struct {
	cycles uint64  // collections completed
	gc     float64 // CPU in the collector: assists, mark workers (idle ones too), pauses
	assist float64 // of it, goroutines made to help mark as they allocated
	idle   float64 // of it, marking on Go processors that had nothing else to run
	total  float64 // GOMAXPROCS times the time the process has run
	unused float64 // of it, the time the Go processors were idle
	live   uint64  // bytes of heap marked live by the last collection
	// alloc is the bytes allocated on the heap so far; toGo how many
	// more, at this moment, before the heap reaches the goal at which a
	// collection is due (0 if it has).
	alloc, toGo uint64
	// off: no collection was due at any size (GOGC held off, as the
	// quiet collector does while it warms the headroom and the engine
	// while it opens assemblies; no memory limit): the runtime's goal
	// is then near 2^63, and toGo says nothing.
	off bool
}

// goalOff is a heap goal no heap reaches: the collector is off.
const goalOff = 1 << 62

// gcMetrics are the names read into a gcStats, in the order readGC
// takes them.
var gcMetrics = []string{
	"/gc/cycles/total:gc-cycles",
	"/cpu/classes/gc/total:cpu-seconds",
	"/cpu/classes/gc/mark/assist:cpu-seconds",
	"/cpu/classes/gc/mark/idle:cpu-seconds",
	"/cpu/classes/total:cpu-seconds",
	"/cpu/classes/idle:cpu-seconds",
}

// readGC reads the collector's figures now (the heap's — live, goal,
// allocated — as the quiet collector reads them: quietgc.ReadHeap); one
// the runtime does not have reads as zero.
func readGC() gcStats {
	s := make([]metrics.Sample, len(gcMetrics))
	for i, name := range gcMetrics {
		s[i].Name = name
	}
	metrics.Read(s)
	u := func(i int) uint64 {
		if s[i].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return s[i].Value.Uint64()
	}
	f := func(i int) float64 {
		if s[i].Value.Kind() != metrics.KindFloat64 {
			return 0
		}
		return s[i].Value.Float64()
	}
	h := quietgc.ReadHeap()
	g := gcStats{cycles: u(0), gc: f(1), assist: f(2), idle: f(3), total: f(4), unused: f(5), live: h.Live, alloc: h.Allocs}
	if h.Goal > h.Now {
		g.toGo = h.Goal - h.Now
	}
	g.off = h.Goal >= goalOff
	return g
}

// since returns what happened from g0 to g: the collections that ended
// between them, the bytes allocated, the live heap after the last
// collection, and how far the heap was from a collection at g0 (toGo).
func (g gcStats) since(g0 gcStats) gcStats {
	return gcStats{cycles: g.cycles - g0.cycles, gc: g.gc - g0.gc, assist: g.assist - g0.assist, idle: g.idle - g0.idle,
		total: g.total - g0.total, unused: g.unused - g0.unused, live: g.live, alloc: g.alloc - g0.alloc, toGo: g0.toGo, off: g0.off}
}

// gcLine is the bench's "gc:" line for d, the collector's figures over
// what was measured (since), over "the ballots", "the logins" or "the
// events"; alone says whether the server had the process to itself, and
// who, when it did not, who shared it ("server, clients and readers").
func gcLine(d gcStats, over string, alone bool, who string) string {
	secs := func(s float64) time.Duration { return time.Duration(s * float64(time.Second)).Round(time.Millisecond) }
	// MiB, or KiB under one MiB, so that a small measure shows.
	mib := func(b uint64) string {
		if b > 0 && b < (1<<20)-512 {
			return fmt.Sprintf("%.0f KiB", float64(b)/(1<<10))
		}
		return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20))
	}
	live := mib(d.live)
	l := "during " + over + " " + mib(d.alloc) + " allocated, " + mib(d.toGo) + " before a collection was due; "
	if d.off {
		l = "during " + over + " " + mib(d.alloc) + " allocated, the collector held off as they began; "
	}
	if d.cycles == 0 {
		l += "no collection ended; heap " + live + " live after the last before them"
	} else {
		share := ""
		if busy := d.total - d.unused; busy > 0 {
			share = fmt.Sprintf(", %.0f%% of the Go processors' busy time", 100*d.gc/busy)
		}
		l += fmt.Sprintf("%d %s ended: %v in the collector as the runtime estimates its CPU time (assists %v and idle marking %v included)%s; heap %s live after the last",
			d.cycles, pluralWord(int(d.cycles), "collection", "collections"), secs(d.gc), secs(d.assist), secs(d.idle), share, live)
	}
	if !alone {
		l += "; " + who + " together, in this process"
	}
	return "gc:        " + l
}

// measuring is what this process did over a measured phase of a bench
// (a burst of ballots, the logins, the events): its CPU time and its
// collector's figures, from startMeasuring to the first stop; the CPU
// profile and the trace of prof, if not nil, run over the same phase.
type measuring struct {
	prof    *benchServer
	cpu0    time.Duration
	gc0     gcStats
	stopped sync.Once
	cpu     time.Duration // the CPU time this process used
	faults0 int64
	faults  int64   // the minor page faults it took (usage)
	gc      gcStats // what its collector did (gcStats.since)
	// warm0 is what the quiet collector had warmed before the phase,
	// warm what it warmed during it (quietgc.Warmed).
	warm0, warm warmStats
}

// warmStats is what quietgc.Warmed tells: how many warmings, the bytes
// written, the time they took.
type warmStats struct {
	n     int64
	bytes uint64
	took  time.Duration
}

func readWarmed() warmStats {
	n, b, took := quietgc.Warmed()
	return warmStats{n, b, took}
}

// warmLine is the bench's "warm:" line: what the server's quiet
// collector wrote of the heap's headroom before what was measured (over:
// "the ballots", …), since the process began, and during it — the page
// faults taken there rather than in the burst (docs/performance.md).
func warmLine(before, during warmStats, over string) string {
	mib := func(b uint64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }
	l := "warm:      "
	if before.n == 0 {
		l += "the quiet collector had not warmed the heap's headroom before " + over
	} else {
		l += fmt.Sprintf("the quiet collector had warmed the heap's headroom %d %s before %s, %s written in %v",
			before.n, pluralWord(int(before.n), "time", "times"), over, mib(before.bytes), before.took.Round(time.Millisecond))
	}
	if during.n == 0 {
		return l + "; not during them"
	}
	return l + fmt.Sprintf("; %d %s during them, %s in %v", during.n, pluralWord(int(during.n), "time", "times"), mib(during.bytes), during.took.Round(time.Millisecond))
}

// startMeasuring starts prof's profile, if any, then takes the first
// readings: the profile's start is not in the figures.
func startMeasuring(prof *benchServer) (*measuring, error) {
	if prof != nil {
		if err := prof.startProfile(); err != nil {
			return nil, err
		}
	}
	m := &measuring{prof: prof, gc0: readGC(), warm0: readWarmed()}
	m.cpu0, m.faults0 = usage()
	return m, nil
}

// stop ends the phase, the first time it is called: it takes the CPU
// time and the collector's figures since the start, then stops the
// profile. A call while another is at work waits for it to finish.
func (m *measuring) stop() {
	m.stopped.Do(func() {
		cpu, faults := usage()
		m.cpu, m.faults, m.gc = cpu-m.cpu0, faults-m.faults0, readGC().since(m.gc0)
		w := readWarmed()
		m.warm = warmStats{w.n - m.warm0.n, w.bytes - m.warm0.bytes, w.took - m.warm0.took}
		if m.prof != nil {
			m.prof.stopProfile()
		}
	})
}
