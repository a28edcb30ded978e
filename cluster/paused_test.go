package cluster

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"plenum/internal/crashtest"
)

// envPausedDB is the database of the child TestPausedHolder starts.
const envPausedDB = "PLENUM_CLUSTER_PAUSED_DB"

var pausedOpts = Options{Heartbeat: 100 * time.Millisecond, NodeTTL: time.Second, LeaseTTL: time.Second}

// TestPausedHolderChild is the child process of TestPausedHolder: it
// takes the lease and writes, fenced on it, one row every 10 ms, saying
// "wrote", "fenced" or "lost" for each; it never stops by itself.
func TestPausedHolderChild(t *testing.T) {
	dsn := os.Getenv(envPausedDB)
	if dsn == "" {
		t.Skip("the child of TestPausedHolder")
	}
	ctx := context.Background()
	out := bufio.NewWriter(os.Stdout)
	say := func(s string) { fmt.Fprintln(out, s); out.Flush() }
	c, err := Open(ctx, dsn)
	if err != nil {
		say(err.Error())
		os.Exit(3)
	}
	m, err := c.Register(ctx, "child", "http://child:1", pausedOpts, quiet)
	if err != nil {
		say(err.Error())
		os.Exit(3)
	}
	l, err := m.Acquire(ctx, testLog)
	if err != nil {
		say(err.Error())
		os.Exit(3)
	}
	say("ready")
	told := false
	for {
		select {
		case <-l.Lost():
			if !told {
				say("lost")
				told = true
			}
		default:
		}
		err := func() error {
			tx, err := c.pool.Begin(ctx)
			if err != nil {
				return err
			}
			defer tx.Rollback(ctx)
			if err := l.Fence(ctx, tx); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `INSERT INTO appended (token) VALUES ($1)`, l.Token); err != nil {
				return err
			}
			return tx.Commit(ctx)
		}()
		switch {
		case err == nil:
			say("wrote")
		case errors.Is(err, ErrFenced):
			say("fenced")
		default:
			say("error " + strings.ReplaceAll(err.Error(), "\n", " "))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestPausedHolder: a process holding a lease and writing under it is
// paused (SIGSTOP: it runs nothing, its connections stay open). Another
// node acquires the log once the lease has expired — or, if the pause
// caught the process inside a fenced transaction, once the database has
// ended that transaction — and writes. When the paused process runs
// again, it is told its lease is lost and none of its writes commits:
// every row it wrote comes before every row of the new holder.
func TestPausedHolder(t *testing.T) {
	dsn := fresh(t)
	c := open(t, dsn)
	ctx := context.Background()
	if _, err := c.pool.Exec(ctx, `CREATE TABLE appended (seq BIGINT GENERATED ALWAYS AS IDENTITY, token BIGINT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	child := crashtest.Start(t, "TestPausedHolderChild", envPausedDB+"="+dsn)
	defer func() { child.Kill(); child.Wait() }()
	for n := 0; n < 5; {
		if l := <-child.Lines; l == "wrote" {
			n++
		} else {
			t.Fatalf("the child: %q %s", l, child.Stderr())
		}
	}
	child.Pause()
	paused := time.Now()
	// What the child says from now on (lines written before the pause
	// may come first).
	said := make(chan string, 1000)
	go func() {
		for l := range child.Lines {
			said <- l
		}
	}()
	m := register(t, c, "parent", pausedOpts)
	var l *Lease
	for l == nil {
		got, err := m.Acquire(ctx, testLog)
		var held *HeldError
		switch {
		case err == nil:
			l = got
		case errors.As(err, &held):
			if time.Since(paused) > 30*time.Second {
				t.Fatalf("the paused holder's lease was never taken over: %v", err)
			}
			time.Sleep(20 * time.Millisecond)
		default:
			t.Fatal(err)
		}
	}
	defer l.Release(ctx)
	t.Logf("the lease changed hands %v after the pause (TTL %v)", time.Since(paused).Round(time.Millisecond), pausedOpts.LeaseTTL)
	for range 5 {
		if err := fenced(t, c, l); err != nil {
			t.Fatal(err)
		}
		if _, err := c.pool.Exec(ctx, `INSERT INTO appended (token) VALUES ($1)`, l.Token); err != nil {
			t.Fatal(err)
		}
	}
	child.Resume()
	var lost, fencedOff bool
	for deadline := time.After(5 * time.Second); !lost || !fencedOff; {
		select {
		case l := <-said:
			lost = lost || l == "lost"
			fencedOff = fencedOff || (lost && l == "fenced")
			if strings.HasPrefix(l, "error") {
				t.Errorf("the child: %s", l)
			}
		case <-deadline:
			t.Fatalf("the child, run again, did not say its lease was lost (%v) and its writes fenced off (%v)", lost, fencedOff)
		}
	}
	var lastOld, firstNew, old int64
	if err := c.pool.QueryRow(ctx, `SELECT coalesce(max(seq) FILTER (WHERE token < $1), 0), coalesce(min(seq) FILTER (WHERE token = $1), 0), count(*) FILTER (WHERE token < $1) FROM appended`, l.Token).Scan(&lastOld, &firstNew, &old); err != nil {
		t.Fatal(err)
	}
	if old < 5 || firstNew == 0 || lastOld > firstNew {
		t.Fatalf("the paused holder wrote after the handover: its last row %d, the new holder's first %d (%d rows of its own)", lastOld, firstNew, old)
	}
}
