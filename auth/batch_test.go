package auth

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// holdLogins makes the next logins wait as if a batch were in flight, and
// returns a function that waits until n of them are waiting and commits
// them, as one batch, the way a caller finding no batch in flight would.
func holdLogins(t *testing.T, s *Store) (commit func(n int)) {
	t.Helper()
	s.logins.mu.Lock()
	if s.logins.busy {
		s.logins.mu.Unlock()
		t.Fatal("a batch of logins is already in flight")
	}
	s.logins.busy = true
	s.logins.mu.Unlock()
	return func(n int) {
		t.Helper()
		for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(time.Millisecond) {
			s.logins.mu.Lock()
			w := len(s.logins.waiting)
			s.logins.mu.Unlock()
			if w == n {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%d logins waiting, want %d", w, n)
			}
		}
		s.commitLogins(context.Background())
	}
}

// issue issues codes for the persons of assembly "coop" and returns them
// in order.
func issue(t *testing.T, s *Store, persons []string) []string {
	t.Helper()
	codes, err := s.IssueCodes(context.Background(), "coop", persons)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = c.Code
	}
	return out
}

// countCommits counts the batches of logins s commits.
func countCommits(s *Store) *atomic.Int64 {
	var n atomic.Int64
	s.beforeLoginCommit = func() error { n.Add(1); return nil }
	return &n
}

type loginResult struct {
	sess *Session
	tok  string
	err  error
}

// loginAll logs in with each code at once and returns the answers in order.
func loginAll(s *Store, codes []string, started func()) []loginResult {
	out := make([]loginResult, len(codes))
	var wg sync.WaitGroup
	for i, c := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i].sess, out[i].tok, out[i].err = s.Login(context.Background(), c)
		}()
	}
	if started != nil {
		started()
	}
	wg.Wait()
	return out
}

// TestConcurrentLoginsEachOwnSession: many logins at once, committed in
// batches, each get a session of their own code's person, and their
// token reads back as that person; fewer commits than logins were made.
func TestConcurrentLoginsEachOwnSession(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			s := openAt(t, fresh(t), Options{RowKey: testKey})
			commits := countCommits(s)
			persons := make([]string, 300)
			for i := range persons {
				persons[i] = fmt.Sprintf("p%03d", i)
			}
			in := issue(t, s, persons)
			res := loginAll(s, in, nil)
			seen := map[string]bool{}
			for i, r := range res {
				if r.err != nil {
					t.Fatalf("login %d: %v", i, r.err)
				}
				if r.sess.Person != persons[i] || r.sess.Assembly != "coop" {
					t.Fatalf("login with %s's code got a session of %s/%s", persons[i], r.sess.Assembly, r.sess.Person)
				}
				got, err := s.Session(ctx, r.tok)
				if err != nil || got.Person != persons[i] {
					t.Fatalf("%s's token reads back as %+v, %v", persons[i], got, err)
				}
				if seen[r.tok] {
					t.Fatalf("token of %s given twice", persons[i])
				}
				seen[r.tok] = true
			}
			if n := count(t, s, `SELECT count(*) FROM access_sessions`); n != len(persons) {
				t.Fatalf("%d sessions for %d logins", n, len(persons))
			}
			t.Logf("%d logins in %d commits", len(persons), commits.Load())
		})
	}
}

// TestBatchWithRefusedCodes: one batch holding a revoked code and a wrong
// one among good ones commits once; the refused logins fail alone, with
// ErrBadCode and no session, and every other gets its own person's.
func TestBatchWithRefusedCodes(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			s := openAt(t, fresh(t), Options{RowKey: testKey})
			commits := countCommits(s)
			persons := []string{"ann", "bob", "cy", "dee", "eve", "fay"}
			in := issue(t, s, persons)
			if err := s.RevokeCodes(ctx, "coop", []string{"cy"}); err != nil {
				t.Fatal(err)
			}
			in = append(in, "AAAA-BBBB-CCCC-DDDD") // never issued
			commit := holdLogins(t, s)
			res := loginAll(s, in, func() { commit(len(in)) })
			if n := commits.Load(); n != 1 {
				t.Fatalf("%d commits for one batch", n)
			}
			for i, r := range res {
				if i == 2 || i == len(in)-1 {
					if !errors.Is(r.err, ErrBadCode) || r.sess != nil || r.tok != "" {
						t.Fatalf("login %d (revoked or wrong code): %+v %q %v, want ErrBadCode", i, r.sess, r.tok, r.err)
					}
					continue
				}
				if r.err != nil || r.sess.Person != persons[i] {
					t.Fatalf("%s's login in a batch with refused codes: %+v %v", persons[i], r.sess, r.err)
				}
				if got, err := s.Session(ctx, r.tok); err != nil || got.Person != persons[i] {
					t.Fatalf("%s's token reads back as %+v, %v", persons[i], got, err)
				}
			}
			if n := count(t, s, `SELECT count(*) FROM access_sessions WHERE person = 'cy'`); n != 0 {
				t.Fatalf("%d sessions of cy, whose code was revoked", n)
			}
			if n := count(t, s, `SELECT count(*) FROM access_sessions`); n != len(persons)-1 {
				t.Fatalf("%d sessions, want %d", n, len(persons)-1)
			}
		})
	}
}

// TestFailedLoginCommit: a batch whose commit fails fails every login in
// it with an error saying no session was made, and records none; the
// next logins commit normally.
func TestFailedLoginCommit(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			s := openAt(t, fresh(t), Options{RowKey: testKey})
			persons := []string{"ann", "bob", "cy", "dee"}
			in := issue(t, s, persons)
			in = append(in, "AAAA-BBBB-CCCC-DDDD")
			disk := errors.New("disk full")
			s.beforeLoginCommit = func() error { return disk }
			commit := holdLogins(t, s)
			res := loginAll(s, in, func() { commit(len(in)) })
			for i, r := range res {
				if !errors.Is(r.err, disk) || r.sess != nil || r.tok != "" || !strings.Contains(r.err.Error(), "no session was made") {
					t.Fatalf("login %d in a failed commit: %+v %q %v", i, r.sess, r.tok, r.err)
				}
			}
			if n := count(t, s, `SELECT count(*) FROM access_sessions`); n != 0 {
				t.Fatalf("%d sessions after a failed commit", n)
			}
			// A lone login, failing too, then one that commits.
			if _, _, err := s.Login(ctx, in[0]); !errors.Is(err, disk) {
				t.Fatalf("a lone login whose commit fails: %v", err)
			}
			s.beforeLoginCommit = nil
			res = loginAll(s, in[:4], nil)
			for i, r := range res {
				if r.err != nil || r.sess.Person != persons[i] {
					t.Fatalf("%s's login after a failed commit: %+v %v", persons[i], r.sess, r.err)
				}
			}
			if n := count(t, s, `SELECT count(*) FROM access_sessions`); n != len(persons) {
				t.Fatalf("%d sessions, want %d", n, len(persons))
			}
		})
	}
}
