package main

import (
	"errors"
	"net"
	"path/filepath"
	"strings"
	"testing"
)

// TestBenchNodeStartedAgainWhenItsPortIsTaken: a bench node's port is
// found free and closed before the node binds it, so another process of
// a busy machine may take it in between (a CI run failed so: "bind:
// address already in use"); the node is then started again, on another
// port, and any other failure is not tried again. serve's refusal of a
// port in use says what startBenchNodeOnce looks for.
func TestBenchNodeStartedAgainWhenItsPortIsTaken(t *testing.T) {
	calls := 0
	started := &benchNode{name: "bench-1"}
	n, err := whilePortTaken(func() (*benchNode, error) {
		calls++
		if calls < 3 {
			return nil, errPortTaken
		}
		return started, nil
	})
	if n != started || err != nil || calls != 3 {
		t.Errorf("after two ports taken: %v %v, %d tries; want the node on the third", n, err, calls)
	}
	calls = 0
	other := errors.New("the database is gone")
	if _, err := whilePortTaken(func() (*benchNode, error) { calls++; return nil, other }); err != other || calls != 1 {
		t.Errorf("another failure: %v after %d tries, want it at once", err, calls)
	}
	calls = 0
	if _, err := whilePortTaken(func() (*benchNode, error) { calls++; return nil, errPortTaken }); !errors.Is(err, errPortTaken) || calls != bindTries {
		t.Errorf("ports taken without end: %v after %d tries, want %d", err, calls, bindTries)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	code, out, errs := runPlenum(t, plenumBinary(t), "serve", "--db", filepath.Join(t.TempDir(), "plenum.db"), "--addr", ln.Addr().String())
	if code == 0 || !strings.Contains(out+errs, portInUse) {
		t.Errorf("serve on a port in use: exit %d, %q %q; want it refused saying %q", code, out, errs, portInUse)
	}
}
