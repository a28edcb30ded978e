package crashtest

import (
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"
)

// TestAllStopped: a running (here sleeping) process is not stopped; after
// SIGSTOP it is, as /proc tells; after SIGCONT it is not again. Pause
// waits on this, so that a child told to stop has stopped.
func TestAllStopped(t *testing.T) {
	if _, err := os.Stat("/proc/self/task"); err != nil {
		t.Skip("no /proc here")
	}
	cmd := exec.Command("sleep", "30")
	if err := cmd.Start(); err != nil {
		t.Skip(err)
	}
	defer cmd.Process.Kill()
	pid := cmd.Process.Pid
	if allStopped(pid) {
		t.Fatal("a sleeping process reads as stopped")
	}
	cmd.Process.Signal(syscall.SIGSTOP)
	deadline := time.Now().Add(5 * time.Second)
	for !allStopped(pid) {
		if time.Now().After(deadline) {
			t.Fatal("a process sent SIGSTOP never reads as stopped")
		}
		time.Sleep(time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGCONT)
	deadline = time.Now().Add(5 * time.Second)
	for allStopped(pid) {
		if time.Now().After(deadline) {
			t.Fatal("a process sent SIGCONT still reads as stopped")
		}
		time.Sleep(time.Millisecond)
	}
}
