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
package quietgc

import (
	"context"
	"runtime"
	"runtime/metrics"
	"time"
)

// Heap is what the collector decides on: the heap's goal and the live
// bytes the last cycle left (both set at the end of a cycle), the bytes
// of objects in the heap now, garbage not yet collected included, and
// the bytes allocated since the process began.
type Heap struct {
	Goal, Live, Now, Allocs uint64
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
	}
	metrics.Read(s)
	value := func(i int) uint64 {
		if s[i].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return s[i].Value.Uint64()
	}
	return Heap{Goal: value(0), Live: value(1), Now: value(2), Allocs: value(3)}
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
}

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
}

// Run collects whenever quiet(o.Quiet) says nothing has changed for that
// long, the heap has been still since the last look (less than o.Still
// of the headroom allocated), and more than o.Used of the headroom is
// taken, until ctx ends. An idle server allocates next to nothing, so it
// is not collected again until something has taken o.Used of the
// headroom anew.
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
		if h.Used() >= o.Used {
			o.Collect()
			last = o.Read().Allocs
		}
	}
}
