package main

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// running is a plenum command started in the background by startCLI.
type running struct {
	stdout, stderr syncBuffer
	// match is the first submatch of the pattern startCLI waited for.
	match string
	stop  func() int
}

// startCLI runs plenum with args in the background until the pattern (with
// one group) appears on its standard output or error, and returns it; stop
// cancels the command and returns its exit code. The test fails if the
// command exits or the pattern does not appear within 30 seconds, and the
// command is stopped when the test ends.
func startCLI(t *testing.T, pattern string, args ...string) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{}
	env := &cliEnv{stdin: strings.NewReader(""), stdout: &r.stdout, stderr: &r.stderr}
	done := make(chan int, 1)
	go func() { done <- runCLI(ctx, env, args) }()
	var once sync.Once
	var code int
	r.stop = func() int {
		once.Do(func() {
			cancel()
			select {
			case code = <-done:
			case <-time.After(30 * time.Second):
				t.Errorf("plenum %s did not stop", args[0])
				code = -1
			}
		})
		return code
	}
	t.Cleanup(func() { r.stop() })
	re := regexp.MustCompile(pattern)
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		select {
		case code := <-done:
			t.Fatalf("plenum %s exited with %d: %s %s", args[0], code, r.stdout.String(), r.stderr.String())
		default:
		}
		if m := re.FindStringSubmatch(r.stdout.String() + r.stderr.String()); m != nil {
			r.match = m[1]
			return r
		}
		if time.Now().After(deadline) {
			t.Fatalf("plenum %s did not print %q: %s %s", args[0], pattern, r.stdout.String(), r.stderr.String())
		}
	}
}

// expectPages GETs each path under base and checks that it answers 200 with
// a body holding the given text.
func expectPages(t *testing.T, base string, pages map[string]string) {
	t.Helper()
	for path, want := range pages {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), want) {
			t.Errorf("GET %s = %s, body without %q", path, resp.Status, want)
		}
	}
}
