// Package quietgc collects garbage while a server is quiet, so that the
// next burst of changes finds the heap's whole headroom before it.
//
// Why: Go's collector starts a cycle when the heap reaches a goal set at
// the end of the last one. Ten thousand ballots at once allocate about
// 100 MB; when a cycle falls inside that burst, the handlers allocating
// fastest are made to help mark (assists) and a goroutine that finds no
// credit is parked until the markers catch up — every goroutine that
// allocates, a page read as much as a ballot. Measured with plenum bench
// vote (10,000 ballots, readers every 20 ms, 2 CPUs): with a cycle ending
// inside the burst the reads' p99 was 110–190 ms and the burst 455–517
// ms; with the heap collected just before it, no cycle fell inside, the
// reads' p99 was 49–80 ms and the burst 407–437 ms. Between votes an
// assembly is quiet for minutes (speeches, the question read out), which
// is when the collection costs nobody anything.
//
// Before it collects, it writes a byte in each page of a block the size
// of the heap's headroom and lets the block go (Warm), the collector off
// meanwhile (package gcpercent) so that the block starts no cycle of its
// own; the collection then frees it. A burst allocates in the headroom,
// and in pages the process has not written — never, or not since the
// runtime gave them back to the system — each first write is a page
// fault: the kernel finds a page and zeroes it, about 2 µs of CPU on a
// 2-core machine, and bench vote's 10,000 ballots made 20,000–28,000 of
// them (4–6 µs a ballot, 7–9 % of the server's CPU in the burst). Written
// while quiet, the pages are the process's, and the burst's allocations
// reuse them without a fault: 1,000–1,400 in the same burst. The runtime
// gives free memory back to the system over the following seconds, but
// not from the parts of the heap used since the last cycle (its
// scavenger leaves dense chunks alone for a cycle), so the block's pages
// stay until the next cycle, the burst's. The cost moves to the quiet
// time, as the collection's does: the same faults, taken by one
// goroutine in a row (50–80 ms for 120 MB on that machine).
package quietgc

import (
	"context"
	"os"
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"

	"plenum/internal/gcpercent"
)

// Heap is what the collector decides on: the heap's goal and the live
// bytes the last cycle left (both set at the end of a cycle), the bytes
// of objects in the heap now, garbage not yet collected included, the
// bytes allocated since the process began, and the cycles completed
// since then.
type Heap struct {
	Goal, Live, Now, Allocs, Cycles uint64
}

// Used is the share of the headroom the last cycle left (Goal − Live)
// taken by allocation since: at 1 a cycle is due.
func (h Heap) Used() float64 {
	if h.Goal <= h.Live {
		return 1
	}
	if h.Now <= h.Live {
		return 0
	}
	return float64(h.Now-h.Live) / float64(h.Goal-h.Live)
}

// ReadHeap reads the runtime's figures (runtime/metrics).
func ReadHeap() Heap {
	s := []metrics.Sample{
		{Name: "/gc/heap/goal:bytes"},
		{Name: "/gc/heap/live:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/gc/heap/allocs:bytes"},
		{Name: "/gc/cycles/total:gc-cycles"},
	}
	metrics.Read(s)
	value := func(i int) uint64 {
		if s[i].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return s[i].Value.Uint64()
	}
	return Heap{Goal: value(0), Live: value(1), Now: value(2), Allocs: value(3), Cycles: value(4)}
}

// Options say when to collect. The zero value takes the defaults.
type Options struct {
	// Quiet is how long no change may have been worked on (quiet's
	// answer) before the collector runs (default 500 ms).
	Quiet time.Duration
	// Used is the share of the headroom allocated since the last cycle
	// above which a quiet server collects (default 0.25): below it the
	// next burst has room enough, and a collection would cost for
	// nothing.
	Used float64
	// Still is the share of the headroom that may have been allocated
	// since the last look for the heap to count as still (default
	// 0.02): a server answering a storm of reads — ten thousand phones
	// loading the result of a vote, which the gate does not see — is not
	// quiet, and its collections are the runtime's to pace.
	Still float64
	// Check is how often quiet and the heap are looked at (default 100
	// ms; a look costs a few microseconds).
	Check time.Duration
	// Read and Collect are the runtime's (ReadHeap, runtime.GC) unless
	// a test sets them.
	Read    func() Heap
	Collect func()
	// Warm writes in the pages of n bytes it allocates and lets go of
	// (default: the package's Warm); Run calls it with the headroom just
	// before it collects, the collector off. NoWarm leaves it out.
	Warm   func(n uint64)
	NoWarm bool
	// MaxWarm bounds the block (default 256 MiB: a burst of 10,000
	// ballots allocates about 90 MiB), and so the time it takes and how
	// far it takes the heap above its goal.
	MaxWarm uint64
	// Shared is what the Runs of one heap share (default: the
	// process's): one collects and warms at a time, and the last warming
	// counts for all, so that the servers of one process (a test's, a
	// bench's) do not warm the same headroom each.
	Shared *Shared
}

// Shared is what the Runs of one heap share: a lock held while one of
// them collects, and the cycles completed and the bytes allocated as the
// last of them warmed and collected (none yet: the first quiet moment
// after a quarter of a headroom was allocated warms).
type Shared struct {
	sync.Mutex
	cycles, allocs uint64
}

// process is the Shared of Runs that name none.
var process Shared

func (o *Options) defaults() {
	if o.Quiet <= 0 {
		o.Quiet = 500 * time.Millisecond
	}
	if o.Used <= 0 {
		o.Used = 0.25
	}
	if o.Still <= 0 {
		o.Still = 0.02
	}
	if o.Check <= 0 {
		o.Check = 100 * time.Millisecond
	}
	if o.Read == nil {
		o.Read = ReadHeap
	}
	if o.Collect == nil {
		o.Collect = runtime.GC
	}
	if o.Warm == nil {
		o.Warm = Warm
	}
	if o.MaxWarm == 0 {
		o.MaxWarm = 256 << 20
	}
	if o.Shared == nil {
		o.Shared = &process
	}
}

// Warm allocates n bytes, writes a byte in each of their pages and lets
// them go, for the next collection to free: the heap then holds n bytes
// of free memory the process has written, which allocations reuse
// without a page fault. Go does not clear memory fresh from the system
// (it is zero already), so without the writes its pages would stay
// unwritten.
func Warm(n uint64) {
	if n == 0 {
		return
	}
	b := make([]byte, n)
	for i := 0; i < len(b); i += pageSize {
		b[i] = 1
	}
	runtime.KeepAlive(b)
}

var pageSize = os.Getpagesize()

// warm is o.Warm of the headroom h leaves (Goal − Live, what the next
// burst may allocate before a cycle), at most o.MaxWarm, the collector
// off meanwhile so that the block starts none. The heap goes above its
// goal by the garbage not yet collected (Now − Live, less than the
// headroom) for as long as it takes (a GOMEMLIMIT still holds: the
// runtime collects at it with the collector off).
func (o *Options) warm(h Heap) {
	if o.NoWarm || h.Goal <= h.Live {
		return
	}
	release := gcpercent.Hold(-1)
	defer release()
	n := min(h.Goal-h.Live, o.MaxWarm)
	t0 := time.Now()
	o.Warm(n)
	warmed.took.Add(int64(time.Since(t0)))
	warmed.bytes.Add(n)
	warmed.n.Add(1)
}

// warmed counts the warmings of every Run in the process (Warmed).
var warmed struct {
	n     atomic.Int64
	bytes atomic.Uint64
	took  atomic.Int64 // nanoseconds
}

// Warmed returns what the process's quiet collectors (Run) have warmed
// so far: how many times, the bytes written, and the time it took them
// (on the wall clock: one goroutine writing, the collector off).
func Warmed() (n int64, bytes uint64, took time.Duration) {
	return warmed.n.Load(), warmed.bytes.Load(), time.Duration(warmed.took.Load())
}

// Run collects whenever quiet(o.Quiet) says nothing has changed for that
// long, the heap has been still since the last look (less than o.Still
// of the headroom allocated), and more than o.Used of the headroom is
// taken, until ctx ends; and, with the same quiet and stillness, when a
// cycle of the runtime's own has ended since its last warming, after
// more than o.Used of the headroom was allocated since then: that cycle
// left a headroom nobody warmed (the burst would take its page faults),
// however little of it is taken yet. An idle server allocates next to
// nothing, so it is not collected again until something has taken
// o.Used of the headroom anew (the runtime's own cycle every two minutes
// included).
func Run(ctx context.Context, quiet func(time.Duration) bool, o Options) {
	o.defaults()
	t := time.NewTicker(o.Check)
	defer t.Stop()
	var last uint64 // the bytes allocated at the last look
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		h := o.Read()
		moved := h.Allocs - last
		last = h.Allocs
		if !quiet(o.Quiet) || h.Goal <= h.Live || float64(moved) >= o.Still*float64(h.Goal-h.Live) {
			continue
		}
		sh := o.Shared
		if !sh.TryLock() {
			continue // another Run of the process collects now
		}
		cold := h.Cycles != sh.cycles && float64(h.Allocs-min(h.Allocs, sh.allocs)) >= o.Used*float64(h.Goal-h.Live)
		if h.Used() >= o.Used || cold {
			o.warm(h)
			o.Collect()
			after := o.Read()
			last, sh.allocs, sh.cycles = after.Allocs, after.Allocs, after.Cycles
		}
		sh.Unlock()
	}
}
