package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"plenum/httpapi"
	"plenum/internal/admit"
)

func TestServeProcs(t *testing.T) {
	before := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(before)
	unset := func(string) string { return "" }
	want := defaultProcs * procsPerCPU
	for range 2 { // the same each time, not multiplied again
		got, restore := serveProcs(unset)
		if got != want || runtime.GOMAXPROCS(0) != want {
			t.Fatalf("serveProcs = %d, GOMAXPROCS %d; want %d", got, runtime.GOMAXPROCS(0), want)
		}
		restore()
		if runtime.GOMAXPROCS(0) != before {
			t.Fatalf("restored to %d, want %d", runtime.GOMAXPROCS(0), before)
		}
	}
	runtime.GOMAXPROCS(3)
	set := func(k string) string {
		if k == "GOMAXPROCS" {
			return "3"
		}
		return ""
	}
	if got, _ := serveProcs(set); got != 3 || runtime.GOMAXPROCS(0) != 3 {
		t.Fatalf("with GOMAXPROCS set, serveProcs = %d, GOMAXPROCS %d; want it left at 3", got, runtime.GOMAXPROCS(0))
	}
}

// Behind the gate plenum serve puts before its handlers, a command that
// is being forwarded to the node writing its assembly (httpapi.ForwardTo)
// holds no slot while it waits for that node; one that holds its slot
// makes the next command wait; reads pass at once.
func TestAdmitted(t *testing.T) {
	release := make(chan struct{})
	var atWriter, handled atomic.Int32
	writer := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		atWriter.Add(1)
		<-release
	}))
	defer writer.Close()
	target, _ := url.Parse(writer.URL)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/forward":
			httpapi.ForwardTo(w, r, fixedWriter{target}, nil, slog.Default(), "x", target, nil, func(w http.ResponseWriter, r *http.Request) {
				http.Error(w, "unreachable", http.StatusServiceUnavailable)
			})
		case "/hold":
			handled.Add(1)
			<-release
		default:
			handled.Add(1)
		}
	})
	ts := httptest.NewServer(behind(admit.New(1, 0), h))
	defer ts.Close()
	defer close(release)
	go http.Post(ts.URL+"/forward", "application/json", nil)
	for deadline := time.Now().Add(5 * time.Second); atWriter.Load() == 0; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the forwarded command did not reach the writer")
		}
	}
	c := &http.Client{Timeout: 2 * time.Second}
	// The forward holds no slot: the next command takes it.
	go c.Post(ts.URL+"/hold", "application/json", nil)
	for deadline := time.Now().Add(2 * time.Second); handled.Load() == 0; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("a command waited for a slot held by a command being forwarded")
		}
	}
	get, _ := http.NewRequest("GET", ts.URL+"/a/x/chair", nil)
	res, err := c.Do(get)
	if err != nil {
		t.Fatalf("a read while the gate is full: %v", err)
	}
	res.Body.Close()
	waiting := make(chan error, 1)
	go func() {
		res, err := http.Post(ts.URL+"/api/assemblies/x/commands", "application/json", nil)
		if err == nil {
			res.Body.Close()
		}
		waiting <- err
	}()
	select {
	case <-waiting:
		t.Fatal("a command passed a full gate")
	case <-time.After(50 * time.Millisecond):
	}
	if n := handled.Load(); n != 2 {
		t.Fatalf("handled %d requests while full, want 2 (the holder and the read)", n)
	}
}

// fixedWriter is a Forwarder that says target writes every assembly.
type fixedWriter struct{ target *url.URL }

func (f fixedWriter) WriterOf(context.Context, string) (*url.URL, error) { return f.target, nil }
func (f fixedWriter) Name() string                                       { return "node-1" }

// A command that waited its longest behind a full gate is answered 503
// as the API answers, and never reaches the handler.
func TestAdmittedBusy(t *testing.T) {
	release := make(chan struct{})
	var handled atomic.Int32
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		handled.Add(1)
		<-release
	})
	ts := httptest.NewServer(behind(admit.New(1, 30*time.Millisecond), h))
	defer ts.Close()
	defer close(release)
	go http.Post(ts.URL+"/hold", "application/json", nil)
	for deadline := time.Now().Add(5 * time.Second); handled.Load() == 0; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the first command was not handled")
		}
	}
	res, err := http.Post(ts.URL+"/api/assemblies/x/commands", "application/json", strings.NewReader(`{"cmd":"cast_ballot"}`))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var p httpapi.Problem
	if err := json.NewDecoder(res.Body).Decode(&p); err != nil || res.StatusCode != 503 || p.Code != "unavailable" || res.Header.Get("Retry-After") == "" {
		t.Fatalf("a command past the wait: %d %+v (%v)", res.StatusCode, p, err)
	}
	if n := handled.Load(); n != 1 {
		t.Fatalf("handled %d, want only the one holding the gate", n)
	}
}

// serving runs the quiet collector: garbage made while no change is
// worked on is collected, and no longer once done is called.
func TestServingCollectsWhenQuiet(t *testing.T) {
	forced := func() uint32 {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.NumForcedGC
	}
	// A live heap of 64 MB: 40 MB of garbage then takes over a quarter of
	// the headroom without a cycle of the runtime's own.
	live := make([]byte, 64<<20)
	garbage := func() {
		for range 40 {
			gcSink = make([]byte, 1<<20)
		}
	}
	runtime.GC()
	before := forced()
	_, _, done := serving(http.NotFoundHandler(), 4, accessConfig{})
	garbage()
	for deadline := time.Now().Add(5 * time.Second); forced() == before; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			done()
			t.Fatal("serving did not collect the garbage of a quiet server")
		}
	}
	done()
	runtime.GC()
	before = forced()
	garbage()
	time.Sleep(time.Second) // twice the quiet the collector waits for
	if n := forced() - before; n != 0 {
		t.Errorf("%d collections after done", n)
	}
	runtime.KeepAlive(live)
}

var gcSink []byte
