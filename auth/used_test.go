package auth

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"
)

// pendingUses counts the marks of last use waiting to be written.
func (s *Store) pendingUses() int {
	s.used.mu.Lock()
	defer s.used.mu.Unlock()
	return len(s.used.pending)
}

// TestLastUseMarkedAtMostEveryMinute: a session's last use is marked when
// it is used UsedEvery or more after the use last marked, not on every
// look-up: used again within the minute, nothing is marked and nothing
// written. The marks are written together later (flushUsed, and Close),
// and the sessions page's list shows a mark at once, written or not, and
// through another store on the database once written. Through every way
// a session is read: SQLite and PostgreSQL (read from the database each
// time) and SQLite served and cached.
func TestLastUseMarkedAtMostEveryMinute(t *testing.T) {
	var clock atomic.Int64
	t0 := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	clock.Store(t0.UnixNano())
	at := func(d time.Duration) { clock.Store(t0.Add(d).UnixNano()) }
	opts := Options{RowKey: testKey, Now: func() time.Time { return time.Unix(0, clock.Load()).UTC() }}
	cases := map[string]func(t *testing.T) (a, b *Store){}
	for name, fresh := range databases() {
		cases[name] = func(t *testing.T) (*Store, *Store) {
			db := fresh(t)
			return openAt(t, db, opts), openAt(t, db, opts)
		}
	}
	cases["sqlite-cached"] = func(t *testing.T) (*Store, *Store) {
		s, path, _ := servedStore(t, opts)
		if !s.cacheUsable() {
			t.Fatal("the served store does not cache its sessions")
		}
		return s, openAt(t, path, opts)
	}
	for name, mk := range cases {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			at(0)
			a, b := mk(t)
			a.used.delay = time.Hour // written when the test says
			codes, err := a.IssueCodes(ctx, "coop", []string{"ann"})
			if err != nil {
				t.Fatal(err)
			}
			_, tok, err := a.LoginFrom(ctx, codes[0].Code, Device{"Firefox", "Android"})
			if err != nil {
				t.Fatal(err)
			}
			written := func() time.Time {
				t.Helper()
				return time.Unix(0, int64(count(t, a, `SELECT used FROM access_sessions`))).UTC()
			}
			listed := func(s *Store) time.Time {
				t.Helper()
				l, err := s.OwnSessions(ctx, tok)
				if err != nil || len(l) != 1 {
					t.Fatalf("ann's sessions: %+v %v", l, err)
				}
				if l[0].Device.String() != "Firefox on Android" {
					t.Fatalf("the session's device: %q", l[0].Device)
				}
				return l[0].Used
			}
			use := func(d time.Duration, times int) {
				t.Helper()
				at(d)
				for range times {
					if _, err := a.Session(ctx, tok); err != nil {
						t.Fatal(err)
					}
				}
			}
			if got := written(); !got.Equal(t0) || !listed(b).Equal(t0) {
				t.Fatalf("last use of a new session: %v, want its login %v", got, t0)
			}
			use(30*time.Second, 5)
			if n := a.pendingUses(); n != 0 {
				t.Fatalf("used within a minute of the login: %d marks, want none", n)
			}
			use(61*time.Second, 3)
			if n := a.pendingUses(); n != 1 {
				t.Fatalf("used a minute after the login: %d marks, want 1", n)
			}
			want := t0.Add(61 * time.Second)
			if got := listed(a); !got.Equal(want) {
				t.Fatalf("listed before written: %v, want %v", got, want)
			}
			if err := a.flushUsed(ctx); err != nil {
				t.Fatal(err)
			}
			if got := written(); !got.Equal(want) || !listed(b).Equal(want) || a.pendingUses() != 0 {
				t.Fatalf("written: %v (through the other store %v), %d marks left; want %v", got, listed(b), a.pendingUses(), want)
			}
			use(120*time.Second, 5) // 59 s after the mark
			if n := a.pendingUses(); n != 0 {
				t.Fatalf("used within a minute of the last mark: %d marks, want none", n)
			}
			use(125*time.Second, 1)
			if n := a.pendingUses(); n != 1 {
				t.Fatalf("used a minute after the last mark: %d marks, want 1", n)
			}
			// Close writes what waits.
			if err := a.Close(); err != nil {
				t.Fatal(err)
			}
			if got := listed(b); !got.Equal(t0.Add(125 * time.Second)) {
				t.Fatalf("after Close: %v, want %v", got, t0.Add(125*time.Second))
			}
		})
	}
}

// TestLastUseOfAHall: the marks of more sessions than one SQLite
// transaction writes (usedChunk) are all written, the last partial chunk
// too, in every database.
func TestLastUseOfAHall(t *testing.T) {
	var clock atomic.Int64
	t0 := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	clock.Store(t0.UnixNano())
	opts := Options{RowKey: testKey, Now: func() time.Time { return time.Unix(0, clock.Load()).UTC() }}
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			clock.Store(t0.UnixNano())
			s := openAt(t, fresh(t), opts)
			s.used.delay = time.Hour // written when the test says
			n := 2*usedChunk + 7
			people := make([]string, n)
			for i := range people {
				people[i] = fmt.Sprintf("p%04d", i)
			}
			codes, err := s.IssueCodes(ctx, "coop", people)
			if err != nil {
				t.Fatal(err)
			}
			tokens := make([]string, n)
			for i, c := range codes {
				if _, tokens[i], err = s.LoginFrom(ctx, c.Code, Device{}); err != nil {
					t.Fatal(err)
				}
			}
			clock.Store(t0.Add(61 * time.Second).UnixNano())
			for _, tok := range tokens {
				if _, err := s.Session(ctx, tok); err != nil {
					t.Fatal(err)
				}
			}
			if got := s.pendingUses(); got != n {
				t.Fatalf("%d marks waiting, want %d", got, n)
			}
			if err := s.flushUsed(ctx); err != nil {
				t.Fatal(err)
			}
			want := t0.Add(61 * time.Second).UnixNano()
			if got := count(t, s, fmt.Sprintf(`SELECT count(*) FROM access_sessions WHERE used = %d`, want)); got != n {
				t.Fatalf("%d sessions' last use written, want %d", got, n)
			}
		})
	}
}
