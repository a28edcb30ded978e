package auth

import (
	"context"
	"crypto/rand"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestCookieOpenedOnce: a cookie's nonce is taken once, through any store
// on the database and after a restart (a store opened again); another
// nonce is taken too; a nonce of a wrong length is refused, recording
// nothing; and the nonces of cookies more than OpenedCookieSkew past
// their expiry are deleted, as a store takes another and as one opens.
// SQLite and PostgreSQL.
func TestCookieOpenedOnce(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := fresh(t)
			now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
			clock := func() time.Time { return now }
			a, b := openAt(t, db, Options{RowKey: testKey, Now: clock}), openAt(t, db, Options{RowKey: testKey, Now: clock})
			n1 := []byte("twelve bytes")
			exp := now.Add(10 * time.Minute)
			if first, err := a.OpenCookieOnce(ctx, n1, exp); err != nil || !first {
				t.Fatalf("the first opening: %v %v", first, err)
			}
			for who, s := range map[string]*Store{"the same store": a, "another store": b} {
				if first, err := s.OpenCookieOnce(ctx, n1, exp); err != nil || first {
					t.Fatalf("%s opens the cookie again: %v %v", who, first, err)
				}
			}
			if first, err := b.OpenCookieOnce(ctx, []byte("other nonce!"), exp); err != nil || !first {
				t.Fatalf("another cookie: %v %v", first, err)
			}
			for _, bad := range [][]byte{nil, []byte("eleven byte"), make([]byte, 65)} {
				if _, err := a.OpenCookieOnce(ctx, bad, exp); err == nil {
					t.Errorf("a nonce of %d bytes taken", len(bad))
				}
			}
			if n := count(t, a, `SELECT count(*) FROM access_opened_cookies`); n != 2 {
				t.Fatalf("%d nonces kept, want 2", n)
			}
			// A restart: the store opened again refuses it.
			c := openAt(t, db, Options{RowKey: testKey, Now: clock})
			if first, err := c.OpenCookieOnce(ctx, n1, exp); err != nil || first {
				t.Fatalf("after a restart the cookie opens again: %v %v", first, err)
			}

			// Within OpenedCookieSkew past the expiry the nonces are kept
			// (another node's clock may be behind); past it a store
			// taking another nonce deletes them.
			now = exp.Add(OpenedCookieSkew - time.Second)
			a.opened.swept.Store(0)
			if first, err := a.OpenCookieOnce(ctx, []byte("third nonce!"), now.Add(10*time.Minute)); err != nil || !first {
				t.Fatalf("a third cookie: %v %v", first, err)
			}
			if n := count(t, a, `SELECT count(*) FROM access_opened_cookies`); n != 3 {
				t.Fatalf("%d nonces kept within the skew, want 3", n)
			}
			now = exp.Add(OpenedCookieSkew)
			if first, err := a.OpenCookieOnce(ctx, []byte("fourth nonce"), now.Add(10*time.Minute)); err != nil || !first {
				t.Fatalf("a fourth cookie: %v %v", first, err)
			}
			if n := count(t, a, `SELECT count(*) FROM access_opened_cookies`); n != 4 {
				t.Fatalf("%d nonces after a sweep within a minute of the last; want 4 (one sweep a minute)", n)
			}
			now = now.Add(openedSweepEvery)
			if first, err := a.OpenCookieOnce(ctx, []byte("fifth nonce!"), now.Add(10*time.Minute)); err != nil || !first {
				t.Fatalf("a fifth cookie: %v %v", first, err)
			}
			if n := count(t, a, `SELECT count(*) FROM access_opened_cookies`); n != 3 {
				t.Fatalf("%d nonces after the sweep, want 3 (the first two deleted)", n)
			}
			// Opening the store deletes them too.
			now = now.Add(time.Hour)
			d := openAt(t, db, Options{RowKey: testKey, Now: clock})
			if n := count(t, d, `SELECT count(*) FROM access_opened_cookies`); n != 0 {
				t.Fatalf("%d nonces after a start an hour later, want 0", n)
			}
		})
	}
}

// TestCookieOpenedOnceRace: stores on one database opening the same
// cookies at once: of every cookie exactly one opening is the first.
// SQLite and PostgreSQL.
func TestCookieOpenedOnceRace(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := fresh(t)
			stores := []*Store{openAt(t, db, Options{RowKey: testKey}), openAt(t, db, Options{RowKey: testKey}), openAt(t, db, Options{RowKey: testKey})}
			exp := time.Now().Add(10 * time.Minute)
			for round := range 20 {
				nonce := make([]byte, 12)
				rand.Read(nonce)
				var firsts atomic.Int32
				var wg sync.WaitGroup
				for i := range 6 {
					wg.Go(func() {
						first, err := stores[i%len(stores)].OpenCookieOnce(ctx, nonce, exp)
						if err != nil {
							t.Error(err)
						}
						if first {
							firsts.Add(1)
						}
					})
				}
				wg.Wait()
				if n := firsts.Load(); n != 1 {
					t.Fatalf("round %d: %d first openings of one cookie, want 1", round, n)
				}
			}
		})
	}
}
