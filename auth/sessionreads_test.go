package auth

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"plenum/store/postgres/pgtest"
)

// TestSessionReadsTogether: on PostgreSQL, thousands of look-ups at once
// (a hall voting together) are read in a few queries, each answered with
// its own session — an unknown token as no session, an expired one as
// no session — and none waits for the pool until SessionLookupTimeout
// (503): five thousand single queries did, on a loaded machine.
func TestSessionReadsTogether(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, pgtest.Fresh(t), Options{RowKey: testKey})
	const n = 3000
	persons := make([]string, n)
	for i := range persons {
		persons[i] = fmt.Sprintf("d%d", i)
	}
	tokens, err := s.NewSessions(ctx, "coop", persons)
	if err != nil {
		t.Fatal(err)
	}
	// An expired session: made, then its expiry put in the past.
	old, err := s.NewSessions(ctx, "coop", []string{"gone"})
	if err != nil {
		t.Fatal(err)
	}
	h := hashToken(old[0])
	if _, err := s.db.W.ExecContext(ctx, `UPDATE access_sessions SET expires = $1 WHERE hash = $2`, time.Now().Add(-time.Hour).UnixNano(), h[:]); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, n+2)
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			sess, err := s.Session(ctx, tokens[i])
			if err != nil || sess.Person != persons[i] || sess.Assembly != "coop" {
				errs <- fmt.Errorf("token %d: %+v %v", i, sess, err)
			}
		}()
	}
	for _, tok := range []string{"no-such-token", old[0]} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			if sess, err := s.Session(ctx, tok); !errors.Is(err, ErrNoSession) {
				errs <- fmt.Errorf("%s: %+v %v, want no session", tok, sess, err)
			}
		}()
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	s.reads.mu.Lock()
	batches := s.reads.batches
	s.reads.mu.Unlock()
	if batches == 0 || batches >= n/4 {
		t.Errorf("%d look-ups at once made %d queries: not read together", n+2, batches)
	}
	t.Logf("%d look-ups in %d queries", n+2, batches)
}

// TestSessionReadGivesUp: a look-up whose context ends while it waits for
// a batch returns the context's error and is read with the next batch,
// whose look-ups are answered.
func TestSessionReadGivesUp(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, pgtest.Fresh(t), Options{RowKey: testKey})
	tokens, err := s.NewSessions(ctx, "coop", []string{"ann", "bob"})
	if err != nil {
		t.Fatal(err)
	}
	s.reads.mu.Lock()
	s.reads.busy = true // as while another batch is read
	s.reads.mu.Unlock()
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if _, err := s.Session(short, tokens[0]); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("a look-up whose context ended while it waited: %v", err)
	}
	s.reads.mu.Lock()
	s.reads.busy = false // that batch is over; ann's look-up still waits
	waiting := len(s.reads.waiting)
	s.reads.mu.Unlock()
	if waiting != 1 {
		t.Fatalf("%d look-ups waiting, want the one that gave up", waiting)
	}
	if sess, err := s.Session(ctx, tokens[1]); err != nil || sess.Person != "bob" {
		t.Fatalf("the next look-up: %+v %v", sess, err)
	}
	s.reads.mu.Lock()
	defer s.reads.mu.Unlock()
	if len(s.reads.waiting) != 0 || s.reads.busy {
		t.Errorf("after the next batch: %d waiting, busy %v", len(s.reads.waiting), s.reads.busy)
	}
}
