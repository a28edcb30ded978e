package quietgc

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

func TestUsed(t *testing.T) {
	for _, c := range []struct {
		h    Heap
		want float64
	}{
		{Heap{Goal: 200, Live: 100, Now: 100}, 0},
		{Heap{Goal: 200, Live: 100, Now: 90}, 0}, // swept below the last live count
		{Heap{Goal: 200, Live: 100, Now: 125}, 0.25},
		{Heap{Goal: 200, Live: 100, Now: 200}, 1},
		{Heap{Goal: 100, Live: 100, Now: 100}, 1}, // no headroom at all
	} {
		if got := c.h.Used(); got != c.want {
			t.Errorf("%+v: used %v, want %v", c.h, got, c.want)
		}
	}
}

// fake is a server whose quiet and heap a test sets, counting the
// collections Run makes.
type fake struct {
	mu          sync.Mutex
	quiet       bool
	heap        Heap
	rate        uint64 // bytes allocated between two looks
	collections atomic.Int32
}

func (f *fake) opts() Options {
	return Options{
		Check:  time.Millisecond,
		Shared: &Shared{},
		Read: func() Heap {
			f.mu.Lock()
			defer f.mu.Unlock()
			f.heap.Allocs += f.rate
			return f.heap
		},
		Collect: func() {
			f.mu.Lock()
			f.heap.Now = f.heap.Live // what a collection leaves
			f.heap.Cycles++
			f.mu.Unlock()
			f.collections.Add(1)
		},
	}
}

func (f *fake) isQuiet(time.Duration) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.quiet
}

func (f *fake) set(quiet bool, now uint64) {
	f.mu.Lock()
	f.quiet, f.heap.Now = quiet, now
	f.mu.Unlock()
}

// waitFor polls cond for up to ten seconds: long, for a CI machine busy
// with every other package's tests; a pass takes milliseconds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); {
		if time.Now().After(deadline) {
			t.Fatal(what)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestRun(t *testing.T) {
	f := &fake{heap: Heap{Goal: 200, Live: 100, Now: 100}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { Run(ctx, f.isQuiet, f.opts()); close(done) }()

	// Busy, the headroom nearly gone: no collection (the burst's own
	// cycle is the runtime's business).
	f.set(false, 190)
	time.Sleep(20 * time.Millisecond)
	if n := f.collections.Load(); n != 0 {
		t.Fatalf("%d collections while changes were worked on", n)
	}
	// Quiet: one collection, and none again while nothing is allocated.
	f.set(true, 190)
	waitFor(t, "no collection once quiet", func() bool { return f.collections.Load() == 1 })
	time.Sleep(20 * time.Millisecond)
	if n := f.collections.Load(); n != 1 {
		t.Fatalf("%d collections of an idle server, want 1", n)
	}
	// Quiet, a little allocated (under a quarter of the headroom): none.
	f.set(true, 120)
	time.Sleep(20 * time.Millisecond)
	if n := f.collections.Load(); n != 1 {
		t.Fatalf("%d collections with a fifth of the headroom taken, want 1", n)
	}
	// Reads took a quarter of it: another.
	f.set(true, 125)
	waitFor(t, "no collection with a quarter of the headroom taken", func() bool { return f.collections.Load() == 2 })
	// No change worked on, but reads allocating fast (5 % of the
	// headroom between two looks): not still, the runtime's to pace.
	f.mu.Lock()
	f.rate = 5
	f.mu.Unlock()
	f.set(true, 190)
	time.Sleep(20 * time.Millisecond)
	if n := f.collections.Load(); n != 2 {
		t.Fatalf("%d collections while reads allocated fast, want 2", n)
	}
	// The reads end: the heap is still, and collected.
	f.mu.Lock()
	f.rate = 0
	f.mu.Unlock()
	waitFor(t, "no collection once the reads ended", func() bool { return f.collections.Load() == 3 })

	cancel()
	select {
	case <-done:
	case <-time.After(time.Second):
		t.Fatal("Run did not return when its context ended")
	}
}

// With the runtime's own figures: garbage made while quiet is collected
// by Run (a forced cycle), and not while busy.
func TestRunCollects(t *testing.T) {
	var quiet atomic.Bool
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go Run(ctx, func(time.Duration) bool { return quiet.Load() }, Options{Check: 5 * time.Millisecond})
	forced := func() uint32 {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.NumForcedGC
	}
	// A live heap of 64 MB gives a goal of about 128 MB after a
	// collection: 40 MB of garbage then takes well over a quarter of the
	// headroom without reaching the goal (no cycle of the runtime's own).
	live := make([]byte, 64<<20)
	runtime.GC()
	before := forced()
	for range 40 {
		sink = make([]byte, 1<<20)
	}
	if h := ReadHeap(); h.Used() < 0.25 {
		t.Fatalf("the garbage took %.2f of the headroom (%+v); the test needs a quarter", h.Used(), h)
	}
	time.Sleep(30 * time.Millisecond)
	if n := forced() - before; n != 0 {
		t.Fatalf("%d collections forced while busy", n)
	}
	quiet.Store(true)
	waitFor(t, "the garbage made was not collected once quiet", func() bool { return forced() > before })
	// NumForcedGC counts the cycle before runtime.GC has swept its
	// spans, and the heap's objects count the dead ones until then: the
	// headroom comes back when Run's call returns, not when it is counted.
	waitFor(t, "the headroom was not given back by the collection", func() bool { return ReadHeap().Used() < 0.25 })
	runtime.KeepAlive(live)
}

// sink keeps the compiler from leaving the garbage unmade.
var sink []byte

// Before it collects, Run writes in the pages of a block the size of the
// headroom, with the collector off meanwhile (the block must start no
// cycle), and turns it back on before the collection; NoWarm leaves the
// block out.
func TestRunWarmsTheHeadroom(t *testing.T) {
	old := debug.SetGCPercent(100)
	defer debug.SetGCPercent(old)
	for _, noWarm := range []bool{false, true} {
		f := &fake{heap: Heap{Goal: 300, Live: 120, Now: 250}}
		var mu sync.Mutex
		var got []string
		o := f.opts()
		collect := o.Collect
		o.Collect = func() {
			mu.Lock()
			got = append(got, fmt.Sprintf("collect GOGC=%d", gogc()))
			mu.Unlock()
			collect()
		}
		o.Warm = func(n uint64) {
			mu.Lock()
			got = append(got, fmt.Sprintf("warm %d GOGC=%d", n, gogc()))
			mu.Unlock()
		}
		o.NoWarm = noWarm
		f.quiet = true
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { Run(ctx, f.isQuiet, o); close(done) }()
		waitFor(t, "no collection once quiet", func() bool { return f.collections.Load() == 1 })
		cancel()
		<-done
		want := []string{"warm 180 GOGC=-1", "collect GOGC=100"}
		if noWarm {
			want = want[1:]
		}
		if !slices.Equal(got, want) {
			t.Errorf("NoWarm %v: %q, want %q", noWarm, got, want)
		}
	}
	// A headroom above MaxWarm: MaxWarm. Warmed counts it.
	n0, b0, _ := Warmed()
	f := &fake{heap: Heap{Goal: 3000, Live: 1000, Now: 2500}, quiet: true}
	var n atomic.Uint64
	o := f.opts()
	o.Warm = func(m uint64) { n.Store(m) }
	o.MaxWarm = 500
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go Run(ctx, f.isQuiet, o)
	waitFor(t, "no collection once quiet", func() bool { return f.collections.Load() == 1 })
	if got := n.Load(); got != 500 {
		t.Errorf("warmed %d of a headroom of 2000 with MaxWarm 500, want 500", got)
	}
	if n1, b1, _ := Warmed(); n1-n0 != 1 || b1-b0 != 500 {
		t.Errorf("Warmed counts %d warmings of %d bytes more, want 1 of 500", n1-n0, b1-b0)
	}
}

// Warm writes in every page of its block: the process's minor page
// faults grow by about one a page, where a block only allocated makes
// next to none (Go does not clear memory fresh from the system). Free
// memory is given back to the system first, so that both blocks are
// fresh.
func TestWarmWritesEveryPage(t *testing.T) {
	const n = 32 << 20
	pages := int64(n / pageSize)
	debug.FreeOSMemory()
	before := minorFaults()
	sink = make([]byte, n)
	if got := minorFaults() - before; got > pages/10 {
		t.Skipf("%d page faults allocating %d fresh pages unwritten: this runtime clears them, and the test cannot tell", got, pages)
	}
	sink = nil
	debug.FreeOSMemory()
	before = minorFaults()
	Warm(n)
	if got := minorFaults() - before; got < pages*9/10 {
		t.Fatalf("%d page faults warming %d pages, want about one a page", got, pages)
	}
}

func minorFaults() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Minflt
}

// gogc returns GOGC as it is set.
func gogc() int {
	v := debug.SetGCPercent(-1)
	debug.SetGCPercent(v)
	return v
}

// A cycle of the runtime's own leaves a headroom nobody warmed: once a
// quarter of a headroom has been allocated since Run last warmed, the
// next quiet and still moment warms and collects, however little of the
// new headroom is taken; the runtime's cycle of an idle server (every two
// minutes, next to nothing allocated) does not.
func TestRunWarmsAfterTheRuntimesCycle(t *testing.T) {
	f := &fake{heap: Heap{Goal: 200, Live: 100, Now: 110}}
	var warmed atomic.Int32
	o := f.opts()
	o.Warm = func(uint64) { warmed.Add(1) }
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	f.quiet = true
	go Run(ctx, f.isQuiet, o)
	time.Sleep(20 * time.Millisecond)
	if n := f.collections.Load(); n != 0 {
		t.Fatalf("%d collections with a tenth of the headroom taken and no cycle since, want 0", n)
	}
	// The runtime collected on its own after 30 bytes (of a headroom of
	// 100) were allocated: 5 of the new headroom are taken.
	f.mu.Lock()
	f.heap.Cycles++
	f.heap.Allocs += 30
	f.heap.Now = 105
	f.mu.Unlock()
	waitFor(t, "no collection after the runtime's own cycle", func() bool { return f.collections.Load() == 1 })
	if n := warmed.Load(); n != 1 {
		t.Fatalf("%d warmings with the collection, want 1", n)
	}
	// Idle: the runtime's periodic cycle, a byte allocated.
	f.mu.Lock()
	f.heap.Cycles++
	f.heap.Allocs++
	f.mu.Unlock()
	time.Sleep(20 * time.Millisecond)
	if n := f.collections.Load(); n != 1 {
		t.Fatalf("%d collections of an idle server after the runtime's periodic cycle, want 1", n)
	}
}

// The Runs of one process share their last warming: when one has warmed
// and collected, another does not warm the same headroom again (a
// test's or a bench's servers, each with its Run).
func TestRunsShareTheirWarming(t *testing.T) {
	f := &fake{heap: Heap{Goal: 200, Live: 100, Now: 190, Allocs: 1000}, quiet: true}
	var warmed atomic.Int32
	o := f.opts()
	o.Warm = func(uint64) { warmed.Add(1) }
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for range 2 {
		go Run(ctx, f.isQuiet, o)
	}
	waitFor(t, "no collection once quiet", func() bool { return f.collections.Load() >= 1 })
	time.Sleep(30 * time.Millisecond)
	if c, w := f.collections.Load(), warmed.Load(); c != 1 || w != 1 {
		t.Fatalf("two Runs of one heap: %d collections and %d warmings, want 1 and 1", c, w)
	}
}
