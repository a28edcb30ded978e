package auth

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"plenum/store/sqlite"
)

// servedStore opens access on a SQLite database whose write lock a
// ledger Store of this process holds, as plenum serve does; close ends
// the hold.
func servedStore(t *testing.T, opts Options) (s *Store, path string, release func()) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "plenum.db")
	ledger, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	release = func() { once.Do(func() { ledger.Close() }) }
	t.Cleanup(release)
	s, err = Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path, release
}

// loginTokens issues persons' codes and logs each in, returning their tokens.
func loginTokens(t *testing.T, s *Store, persons ...string) []string {
	t.Helper()
	ctx := context.Background()
	codes, err := s.IssueCodes(ctx, "coop", persons)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(codes))
	for i, c := range codes {
		if _, out[i], err = s.Login(ctx, c.Code); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// adminToken logs a server administrator in through a new link and
// returns the session's token.
func adminToken(t *testing.T, s *Store) string {
	t.Helper()
	link, err := s.NewAdminToken(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	_, tok, err := s.LoginAdmin(context.Background(), link)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// deleteBehind deletes a session's row as no plenum process could while
// the database is held: it shows whether a session is served from memory.
func deleteBehind(t *testing.T, s *Store, token string) {
	t.Helper()
	h := hashToken(token)
	if _, err := s.db.W.Exec(`DELETE FROM access_sessions WHERE hash = ?`, h[:]); err != nil {
		t.Fatal(err)
	}
}

// TestSessionsCachedOnlyWhileHeld: while a Store of this process holds
// the database's write lock, a session read once is served from memory;
// without the lock (another process may end sessions) every request reads
// the database, and what was kept before is not trusted again.
func TestSessionsCachedOnlyWhileHeld(t *testing.T) {
	ctx := context.Background()
	s, _, release := servedStore(t, Options{RowKey: testKey})
	tok := loginTokens(t, s, "ann", "bob")
	if sess, err := s.Session(ctx, tok[0]); err != nil || sess.Person != "ann" {
		t.Fatalf("ann's session: %+v %v", sess, err)
	}
	deleteBehind(t, s, tok[0])
	if sess, err := s.Session(ctx, tok[0]); err != nil || sess.Person != "ann" {
		t.Fatalf("with the database held, ann's session read before is served from memory: %+v %v", sess, err)
	}
	// Changing the answer does not change the cache.
	sess, _ := s.Session(ctx, tok[0])
	sess.Person = "mallory"
	if again, err := s.Session(ctx, tok[0]); err != nil || again.Person != "ann" {
		t.Fatalf("the cached session was changed through an answer: %+v %v", again, err)
	}
	if _, err := s.Session(ctx, tok[1]); err != nil {
		t.Fatal(err)
	}
	release()
	if _, err := s.Session(ctx, tok[0]); !errors.Is(err, ErrNoSession) {
		t.Fatalf("once the database is no longer held, a session deleted is over: %v", err)
	}
	deleteBehind(t, s, tok[1])
	if _, err := s.Session(ctx, tok[1]); !errors.Is(err, ErrNoSession) {
		t.Fatalf("without the hold, every request reads the database: %v", err)
	}

	// A database no Store of this process holds: never cached.
	other, err := Open(filepath.Join(t.TempDir(), "plenum.db"), Options{RowKey: testKey})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ot := loginTokens(t, other, "cy")
	if _, err := other.Session(ctx, ot[0]); err != nil {
		t.Fatal(err)
	}
	deleteBehind(t, other, ot[0])
	if _, err := other.Session(ctx, ot[0]); !errors.Is(err, ErrNoSession) {
		t.Fatalf("a session of a database not held here was served from memory: %v", err)
	}
}

// TestCachedSessionsEnd: every way a session ends through this process
// ends it in the cache too: logout, a code revoked, a code re-issued,
// expiry.
func TestCachedSessionsEnd(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	s, _, _ := servedStore(t, Options{RowKey: testKey, Now: clock, SessionTTL: time.Hour})
	tok := loginTokens(t, s, "ann", "bob", "cy", "dee", "eve")
	adminTok := adminToken(t, s)
	for _, tk := range append(tok, adminTok) {
		if _, err := s.Session(ctx, tk); err != nil {
			t.Fatal(err)
		}
	}
	ended := func(what, tk string) {
		t.Helper()
		if _, err := s.Session(ctx, tk); !errors.Is(err, ErrNoSession) {
			t.Fatalf("%s: the session is still accepted (%v)", what, err)
		}
	}
	if err := s.Logout(ctx, tok[0]); err != nil {
		t.Fatal(err)
	}
	ended("after a logout", tok[0])
	if err := s.RevokeCodes(ctx, "coop", []string{"bob"}); err != nil {
		t.Fatal(err)
	}
	ended("after bob's code was revoked", tok[1])
	if _, err := s.IssueCodes(ctx, "coop", []string{"cy"}); err != nil {
		t.Fatal(err)
	}
	ended("after cy's code was re-issued", tok[2])
	// Another assembly's person of the same id keeps her session.
	if _, err := s.IssueCodes(ctx, "other", []string{"dee"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Session(ctx, tok[3]); err != nil {
		t.Fatalf("dee of coop, after dee of another assembly got a code: %v", err)
	}
	if _, err := s.Session(ctx, adminTok); err != nil {
		t.Fatalf("the administrator's session: %v", err)
	}
	mu.Lock()
	now = now.Add(time.Hour)
	mu.Unlock()
	ended("once expired", tok[3])
	ended("once expired", tok[4])
	if n := count(t, s, `SELECT COUNT(*) FROM access_sessions WHERE person IN ('dee', 'eve')`); n != 0 {
		t.Fatalf("expired sessions left in the database: %d", n)
	}
}

// TestSessionReadRacingLogoutNotKept: sessions read from the database
// just before a logout commits — all of them as the cache comes on, or
// one that the cache does not hold — are not kept in memory after the
// logout (fails without the generation check: the read would put the
// session back).
func TestSessionReadRacingLogoutNotKept(t *testing.T) {
	for _, readThrough := range []bool{false, true} {
		ctx := context.Background()
		s, _, _ := servedStore(t, Options{RowKey: testKey})
		tok := loginTokens(t, s, "ann", "bob")
		if readThrough {
			// Loaded, then made to read ann's session through, as when
			// there are too many sessions to hold them all.
			if _, err := s.Session(ctx, tok[1]); err != nil {
				t.Fatal(err)
			}
			s.cache.mu.Lock()
			s.cache.complete = false
			delete(s.cache.m, hashToken(tok[0]))
			s.cache.mu.Unlock()
		}
		reads := 0
		s.afterSessionRead = func() {
			if reads++; reads == 1 {
				if err := s.Logout(ctx, tok[0]); err != nil {
					t.Error(err)
				}
			}
		}
		s.Session(ctx, tok[0]) // it raced the logout: either answer will do
		if reads == 0 {
			t.Fatalf("read through %v: nothing was read from the database", readThrough)
		}
		s.afterSessionRead = nil
		if _, err := s.Session(ctx, tok[0]); !errors.Is(err, ErrNoSession) {
			t.Fatalf("read through %v: after the logout: %v, want ErrNoSession", readThrough, err)
		}
		if _, err := s.Session(ctx, tok[1]); err != nil {
			t.Fatalf("read through %v: bob's session: %v", readThrough, err)
		}
	}
}

// TestCachedSessionsConcurrent: sessions read, ended and re-issued from
// many goroutines at once (for the race detector); every session ended
// stays ended.
func TestCachedSessionsConcurrent(t *testing.T) {
	ctx := context.Background()
	s, _, _ := servedStore(t, Options{RowKey: testKey})
	persons := []string{"p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"}
	tok := loginTokens(t, s, persons...)
	var wg sync.WaitGroup
	for i := range tok {
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 50 {
					s.Session(ctx, tok[i])
				}
			}()
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				s.Logout(ctx, tok[i])
			} else {
				s.RevokeCodes(ctx, "coop", []string{persons[i]})
			}
		}()
	}
	wg.Wait()
	for i, tk := range tok {
		if _, err := s.Session(ctx, tk); !errors.Is(err, ErrNoSession) {
			t.Fatalf("%s's session after it ended: %v", persons[i], err)
		}
	}
}

// TestSessionsMadeWhileCached: with every session in memory, one made by
// a login, NewSessions or the administrator's link is known at once,
// without reading the database; a token never made is refused.
func TestSessionsMadeWhileCached(t *testing.T) {
	ctx := context.Background()
	s, _, _ := servedStore(t, Options{RowKey: testKey})
	first := loginTokens(t, s, "ann")
	if _, err := s.Session(ctx, first[0]); err != nil { // the cache comes on
		t.Fatal(err)
	}
	made := loginTokens(t, s, "bob")
	more, err := s.NewSessions(ctx, "coop", []string{"cy"})
	if err != nil {
		t.Fatal(err)
	}
	adminTok := adminToken(t, s)
	for who, tk := range map[string]string{"bob": made[0], "cy": more[0], "admin": adminTok} {
		deleteBehind(t, s, tk)
		sess, err := s.Session(ctx, tk)
		if err != nil {
			t.Fatalf("%s's session, made while cached, is not known from memory: %v", who, err)
		}
		if want := who; who != "admin" && sess.Person != want {
			t.Fatalf("%s's session names %q", who, sess.Person)
		}
	}
	if _, err := s.Session(ctx, "no-such-token"); !errors.Is(err, ErrNoSession) {
		t.Fatalf("a token never made: %v", err)
	}
}

// TestLoginCommittedAsCodeRevokedNotKept: a revocation (or re-issue) of
// a code that runs just after a login with it commits, before the login
// returns, ends that session in memory too. Fails if the session is put
// in the cache after its commit: the revocation, finding nothing there
// to drop, deletes the row, and then the login adds the session to a
// cache that is complete, where the revoked session would be accepted
// for the rest of its 14 days.
func TestLoginCommittedAsCodeRevokedNotKept(t *testing.T) {
	ctx := context.Background()
	s, _, _ := servedStore(t, Options{RowKey: testKey})
	bob := loginTokens(t, s, "bob")[0]
	if _, err := s.Session(ctx, bob); err != nil { // the cache comes on, loaded and complete
		t.Fatal(err)
	}
	for _, end := range []struct {
		what string
		do   func() error
	}{
		{"revoked", func() error { return s.RevokeCodes(ctx, "coop", []string{"ann"}) }},
		{"re-issued", func() error { _, err := s.IssueCodes(ctx, "coop", []string{"ann"}); return err }},
	} {
		codes, err := s.IssueCodes(ctx, "coop", []string{"ann"})
		if err != nil {
			t.Fatal(err)
		}
		var endErr error
		s.afterLoginCommit = func() { endErr = end.do() }
		_, tok, err := s.Login(ctx, codes[0].Code)
		s.afterLoginCommit = nil
		if err != nil || endErr != nil {
			t.Fatal(err, endErr)
		}
		if n := count(t, s, `SELECT COUNT(*) FROM access_sessions WHERE person = 'ann'`); n != 0 {
			t.Fatalf("%s: %d sessions of ann in the database", end.what, n)
		}
		if sess, err := s.Session(ctx, tok); !errors.Is(err, ErrNoSession) {
			t.Fatalf("the code %s as the login committed: its session is still accepted (%v, %v)", end.what, sess, err)
		}
	}
}
