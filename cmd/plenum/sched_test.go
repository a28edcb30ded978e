package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"plenum/httpapi"
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

// Behind the gate plenum serve puts before its handlers, a command waits
// while the gate is full, but a read and a command another node
// forwarded (admitted there) pass.
func TestAdmitted(t *testing.T) {
	release := make(chan struct{})
	var handled atomic.Int32
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		handled.Add(1)
		if r.URL.Path == "/hold" {
			<-release
		}
	})
	ts := httptest.NewServer(admitted(h, 1, 0))
	defer ts.Close()
	go http.Post(ts.URL+"/hold", "application/json", nil)
	for deadline := time.Now().Add(5 * time.Second); handled.Load() == 0; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the first command was not handled")
		}
	}
	c := &http.Client{Timeout: 2 * time.Second}
	get, _ := http.NewRequest("GET", ts.URL+"/a/x/chair", nil)
	fwd, _ := http.NewRequest("POST", ts.URL+"/api/assemblies/x/commands", nil)
	fwd.Header.Set(httpapi.ForwardedHeader, "node-2")
	for _, req := range []*http.Request{get, fwd} {
		res, err := c.Do(req)
		if err != nil {
			t.Fatalf("%s %s while the gate is full: %v", req.Method, req.URL.Path, err)
		}
		res.Body.Close()
	}
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
	close(release)
	if err := <-waiting; err != nil {
		t.Fatal(err)
	}
	if n := handled.Load(); n != 4 {
		t.Fatalf("handled %d requests, want 4", n)
	}
}

// A command that waited its longest behind a full gate is answered 503
// as the API answers, and never reaches the handler.
func TestAdmittedBusy(t *testing.T) {
	release := make(chan struct{})
	var handled atomic.Int32
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		handled.Add(1)
		<-release
	})
	ts := httptest.NewServer(admitted(h, 1, 30*time.Millisecond))
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
