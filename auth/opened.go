package auth

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"
)

// The cookies opened once.
//
// The receipt page of a secret ballot shows the ballot's token once: it
// comes in a sealed cookie (package web, web/secret.go), which the page
// clears; a copy of the cookie kept after that (a client that does not
// clear it, a copied header) must show nothing. Which cookies were opened
// is kept here, in the table access_opened_cookies (migration 0019), by
// each cookie's random nonce, so that every node on the database, and a
// server after a restart, refuses a cookie opened once. The nonce says
// nothing of the token or of the voter.

// OpenedCookieSkew is how long past its expiry a cookie's nonce is kept:
// the nodes' clocks differ, and a node whose clock is behind the sealing
// node's still takes the cookie for unexpired for that long.
const OpenedCookieSkew = time.Minute

// openedSweepEvery is how often, at most, a Store deletes the nonces
// past their time as it takes one.
const openedSweepEvery = time.Minute

// Nonces shorter or longer than these are refused (the table's CHECK).
const (
	minNonce = 12
	maxNonce = 64
)

// openedCookies is a Store's note of its last sweep of the nonces.
type openedCookies struct {
	// swept is when (Unix ns, this process's clock) the nonces past their
	// time were last deleted.
	swept atomic.Int64
}

// OpenCookieOnce records the cookie of nonce, which expires at expires,
// as opened, and reports whether it is its first opening: false if this
// or any other process on the database opened it before. Taking it is
// one INSERT that does nothing on a conflict, so of two processes opening
// the same cookie at once exactly one is first. A nonce of fewer than 12
// or more than 64 bytes is an error, and nothing is recorded; so is a
// failure of the database, after which the cookie may be opened again.
func (s *Store) OpenCookieOnce(ctx context.Context, nonce []byte, expires time.Time) (bool, error) {
	if len(nonce) < minNonce || len(nonce) > maxNonce {
		return false, fmt.Errorf("auth: a cookie's nonce has %d bytes; it must have %d to %d", len(nonce), minNonce, maxNonce)
	}
	now := s.opts.Now()
	if last := s.opened.swept.Load(); now.UnixNano()-last >= int64(openedSweepEvery) && s.opened.swept.CompareAndSwap(last, now.UnixNano()) {
		// Only tidying: a nonce past its time opens no cookie (the
		// cookie has expired), so a failed sweep is tried again later.
		if err := s.sweepOpened(ctx, now); err != nil {
			s.opts.Logger.Warn("auth: the opened cookies past their time could not be deleted; tried again later", "err", err)
		}
	}
	res, err := s.exec(ctx, s.db.W, `INSERT INTO access_opened_cookies (nonce, expires) VALUES (?, ?) ON CONFLICT (nonce) DO NOTHING`, nonce, expires.UnixNano())
	if err != nil {
		return false, s.writeError(err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, err
	}
	return n == 1, nil
}

// sweepOpened deletes the nonces of cookies that expired more than
// OpenedCookieSkew before now.
func (s *Store) sweepOpened(ctx context.Context, now time.Time) error {
	_, err := s.exec(ctx, s.db.W, `DELETE FROM access_opened_cookies WHERE expires <= ?`, now.Add(-OpenedCookieSkew).UnixNano())
	return s.writeError(err)
}
