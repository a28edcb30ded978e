// Package crashtest runs a test's child process that a test kills with
// SIGKILL: the crash tests of the ledger and of the command line start the
// test binary again as a writer, read its answers line by line, and kill it
// at a random moment, to check that what it acknowledged survived.
package crashtest

import (
	"bufio"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// Child is a running child process.
type Child struct {
	// Lines are the lines the child writes to its standard output,
	// closed when it ends.
	Lines <-chan string

	cmd    *exec.Cmd
	stderr syncBuilder
	killed atomic.Bool
}

// Start runs the test binary again with only the test named test and the
// environment variables env added (the test sees them and acts as the
// child), and waits for the child's first line, which must be "ready".
func Start(t *testing.T, test string, env ...string) *Child {
	t.Helper()
	c, err := TryStart(test, env...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TryStart is Start for a child that may rightly refuse to start (a second
// writer on a database another holds): its error, once the child has
// ended, says what it wrote to its standard error.
func TryStart(test string, env ...string) (*Child, error) {
	c := &Child{cmd: exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.count=1")}
	c.cmd.Env = append(os.Environ(), env...)
	c.cmd.Stderr = &c.stderr
	stdout, err := c.cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := c.cmd.Start(); err != nil {
		return nil, err
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	c.Lines = lines
	select {
	case l, ok := <-lines:
		if ok && l == "ready" {
			return c, nil
		}
		c.Kill()
		for range lines {
		}
		c.Wait()
		return nil, &NotStarted{First: l, Stderr: c.Stderr()}
	case <-time.After(time.Minute):
		c.Kill()
		for range lines {
		}
		c.Wait()
		return nil, &NotStarted{Stderr: c.Stderr(), Slow: true}
	}
}

// NotStarted is TryStart's error for a child that ended, or was killed
// after a minute, without saying "ready".
type NotStarted struct {
	First  string // the first line it wrote instead, if any
	Stderr string
	Slow   bool // killed after a minute
}

func (e *NotStarted) Error() string {
	if e.Slow {
		return "the child process did not say it was ready within a minute: " + e.Stderr
	}
	return "the child process did not start: " + strconv.Quote(e.First) + " " + e.Stderr
}

// Kill kills the child with SIGKILL: nothing of it runs after.
func (c *Child) Kill() {
	c.killed.Store(true)
	c.cmd.Process.Signal(syscall.SIGKILL)
}

// Killed reports whether Kill was called; a line read after that may have
// been cut by the kill.
func (c *Child) Killed() bool { return c.killed.Load() }

// Wait waits for the child to end, once its lines are read.
func (c *Child) Wait() { c.cmd.Wait() }

// Stderr is what the child wrote to its standard error.
func (c *Child) Stderr() string { return c.stderr.String() }

// syncBuilder is a strings.Builder the child's stderr copier and the test
// may use at once.
type syncBuilder struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuilder) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuilder) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Pause stops the child with SIGSTOP, as a process the scheduler, a
// debugger or a full disk holds still: it runs no code, but its
// connections stay open.
//
// It returns once the kernel reports every thread of the child stopped:
// kill(2) returns before a busy child has stopped, and on a loaded machine
// a child went on for a few milliseconds after it — long enough to take,
// record and answer a request sent "after the pause" (TestClusterFailover
// failed so in a CI run). Where /proc cannot tell (not Linux), it returns
// after sending the signal.
func (c *Child) Pause() {
	c.cmd.Process.Signal(syscall.SIGSTOP)
	deadline := time.Now().Add(5 * time.Second)
	for !allStopped(c.cmd.Process.Pid) && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
}

// allStopped reports whether every thread of process pid is stopped (state
// T or t in /proc/pid/task/*/stat), or true when /proc cannot say.
func allStopped(pid int) bool {
	tasks, err := os.ReadDir("/proc/" + strconv.Itoa(pid) + "/task")
	if err != nil {
		return true
	}
	for _, task := range tasks {
		stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/task/" + task.Name() + "/stat")
		if err != nil {
			continue // the thread ended
		}
		// The state follows the command's closing parenthesis: "pid (comm) S …".
		i := strings.LastIndexByte(string(stat), ')')
		if i < 0 || i+2 >= len(stat) {
			return true
		}
		if st := stat[i+2]; st != 'T' && st != 't' {
			return false
		}
	}
	return true
}

// Resume lets a paused child run on (SIGCONT).
func (c *Child) Resume() { c.cmd.Process.Signal(syscall.SIGCONT) }
