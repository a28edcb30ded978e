package auth

import (
	"context"
	"fmt"
	"math"
	"sync/atomic"
	"time"
)

// Where wrong codes are counted.
//
// On PostgreSQL, where several plenum nodes may serve one database behind
// a load balancer, in the table access_wrong_codes (migration 0012), so
// that the limits hold for all nodes together: a client address may try
// WrongCodesPerMinute wrong codes a minute whichever nodes its requests
// reach, all addresses together WrongCodesInAllPerMinute, and a restart
// forgets nothing. Each wrong code is one statement (countWrongShared),
// which counts it for its address and, unless the address is over its
// limit, for all: atomic, so that two nodes counting at once both count.
// A window is a minute of the database server's clock, the one clock all
// nodes share, starting at the first wrong code after the last window
// ended; so within any minute an address gets at most its limit, and
// across the end of one window and the start of the next at most twice
// it. A correct code reads and writes nothing of this.
//
// On SQLite, in memory (limiter), as before: one process serves a SQLite
// database (it holds the file's write lock), so its counts are already
// everyone's; and a write there is a synchronous transaction on the file
// that holds the record, queued behind the engine's appends and costing a
// sync, which would let anybody typing wrong codes slow down a vote. What
// that costs: the counts start again at zero when the server restarts.

// wrongCodeWindow is the window of the shared counts: the limits are a
// number a minute.
const wrongCodeWindow = time.Minute

// allClients is the key of the count of wrong codes from all addresses
// together; an address's count is keyed "ip:" and the address, so no
// address can take it.
const allClients = "all"

// countWrongSQL counts a wrong code from the address $1: for the address,
// and, if that leaves the address within its limit $3, for all. It
// returns both counts and the seconds left in their windows (count and
// seconds of all are NULL when the address was over its limit). $2 is
// the window in seconds, $4 the key of all.
const countWrongSQL = `
WITH addr AS (
	INSERT INTO access_wrong_codes AS w (client, since, count) VALUES ($1, now(), 1)
	ON CONFLICT (client) DO UPDATE SET
		since = CASE WHEN w.since > now() - $2::float8 * interval '1 second' THEN w.since ELSE now() END,
		count = CASE WHEN w.since > now() - $2::float8 * interval '1 second' THEN w.count + 1 ELSE 1 END
	RETURNING count, since
), every AS (
	INSERT INTO access_wrong_codes AS w (client, since, count)
	SELECT $4, now(), 1 FROM addr WHERE addr.count <= $3
	ON CONFLICT (client) DO UPDATE SET
		since = CASE WHEN w.since > now() - $2::float8 * interval '1 second' THEN w.since ELSE now() END,
		count = CASE WHEN w.since > now() - $2::float8 * interval '1 second' THEN w.count + 1 ELSE 1 END
	RETURNING count, since
)
SELECT addr.count, EXTRACT(EPOCH FROM addr.since - now())::float8 + $2::float8,
	every.count, EXTRACT(EPOCH FROM every.since - now())::float8 + $2::float8
FROM addr LEFT JOIN every ON true`

// sweepWrongSQL deletes the counts whose window has ended ($1 seconds).
const sweepWrongSQL = `DELETE FROM access_wrong_codes WHERE since <= now() - $1::float8 * interval '1 second'`

// wrongCodes counts the wrong codes of a Store shared through the
// database (PostgreSQL).
type wrongCodes struct {
	perClient, inAll int
	// swept is when (Unix ns, this process's clock) the ended windows
	// were last deleted.
	swept atomic.Int64
}

// countWrongCode counts a wrong code from client. It returns false and
// when to try again if the client, or everyone together, has used up their
// allowance of wrong codes; an error if it could not be counted, in which
// case the caller must refuse without saying whether the code was wrong.
func (s *Store) countWrongCode(ctx context.Context, client string) (bool, time.Duration, error) {
	if s.shared == nil {
		ok, wait := s.lim.fail(client, s.opts.Now())
		return ok, wait, nil
	}
	return s.shared.count(ctx, s, client)
}

func (w *wrongCodes) count(ctx context.Context, s *Store, client string) (bool, time.Duration, error) {
	// The ended windows first: if that fails, nothing was counted.
	if err := w.sweep(ctx, s, false); err != nil {
		return false, 0, err
	}
	window := wrongCodeWindow.Seconds()
	var (
		addrCount int64
		addrLeft  float64
		allCount  *int64
		allLeft   *float64
	)
	if err := s.db.W.QueryRowContext(ctx, countWrongSQL, "ip:"+client, window, w.perClient, allClients).
		Scan(&addrCount, &addrLeft, &allCount, &allLeft); err != nil {
		return false, 0, fmt.Errorf("auth: counting a wrong code: %w", err)
	}
	switch {
	case addrCount > int64(w.perClient):
		return false, retryAfter(addrLeft), nil
	case allCount == nil || allLeft == nil:
		return false, 0, fmt.Errorf("auth: counting a wrong code: no count of all addresses")
	case *allCount > int64(w.inAll):
		return false, retryAfter(*allLeft), nil
	}
	return true, 0, nil
}

// retryAfter is the wait until a window with left seconds left has ended:
// at least a second.
func retryAfter(left float64) time.Duration {
	return max(time.Duration(math.Ceil(left))*time.Second, time.Second)
}

// sweep deletes the counts whose window has ended: now if force, else at
// most once a window (by this process's clock; the windows themselves are
// the database's). If it fails, the next call tries again.
func (w *wrongCodes) sweep(ctx context.Context, s *Store, force bool) error {
	now := time.Now().UnixNano()
	last := w.swept.Load()
	if !force && (now-last < int64(wrongCodeWindow) || !w.swept.CompareAndSwap(last, now)) {
		return nil
	}
	if _, err := s.db.W.ExecContext(ctx, sweepWrongSQL, wrongCodeWindow.Seconds()); err != nil {
		w.swept.Store(last)
		return fmt.Errorf("auth: deleting the ended counts of wrong codes: %w", err)
	}
	w.swept.Store(now)
	return nil
}
