package cluster

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"plenum/store/postgres"

	"plenum/engine"
)

// HeldError is the refusal of a lease another node holds.
type HeldError struct {
	Log     string
	Holder  string        // the node's name
	Expires time.Duration // from the refusal, unless renewed
	// InTransaction: the lease has expired, but a transaction fenced on
	// it, begun before, is still in progress (see Lease.Fence).
	InTransaction bool
}

func (e *HeldError) Error() string {
	if e.InTransaction {
		return fmt.Sprintf("cluster: the log %s is still held by node %q: its lease has expired, but a transaction it began before is in progress; try again", e.Log, e.Holder)
	}
	return fmt.Sprintf("cluster: the log %s is held by node %q for %v more, unless it renews its lease", e.Log, e.Holder, e.Expires.Round(time.Millisecond))
}

// ErrLost is the error of a lease that has expired or been taken over: its
// holder must not write; it may try to Acquire the log again, which gives
// a new token, and must then read the log's head again.
var ErrLost = errors.New("cluster: the lease is lost")

// ErrFenced is what Fence returns when the lease it checks is no longer
// the log's live lease: the transaction must not commit.
// It is engine.ErrFenced, so that an engine whose append was fenced off
// stops writing the assembly at once.
var ErrFenced = engine.ErrFenced

// Lease is a node's right to write one log until it expires. It is
// renewed in the background every third of the lease TTL; when a renewal
// is refused, or none succeeds before the lease's local deadline (the
// process was paused, the database cannot be reached), the lease is lost:
// Lost is closed, and Fence refuses every transaction with its token.
type Lease struct {
	m     *Membership
	Log   string    // the log's origin
	Token int64     // the fencing token: rises at every acquisition of the log
	Since time.Time // when it was acquired, by the database's clock

	stop chan struct{}
	done chan struct{}
	lost chan struct{}

	mu       sync.Mutex
	deadline time.Time // this process's clock: before the database's expiry
	lostErr  error
	released bool
}

// Acquire takes the log's lease for this node if nobody holds it, or its
// last holder's has expired (or was released): the token is one more than
// the last holder's. A live lease of another node — or of this one — is
// refused with a *HeldError. The caller must read the log's head after
// acquiring, since the last holder may have appended up to its expiry.
func (m *Membership) Acquire(ctx context.Context, log string) (*Lease, error) {
	if err := checkLog(log); err != nil {
		return nil, err
	}
	if m.isClosed() {
		return nil, errClosed
	}
	if m.Err() != nil {
		return nil, m.Err()
	}
	// A live lease is refused after one read, outside a transaction. The
	// acquisition below would wait for the holder's append in progress
	// (its Fence holds the lease's row until it commits), and take six
	// round trips to the database, only to refuse it the same way; a
	// follower asks again every 200 ms while it forwards commands, which
	// wait meanwhile (measured during a vote, under load: 40–130 ms each
	// time).
	var holder string
	var left float64
	err := m.c.pool.QueryRow(ctx, `SELECT holder, EXTRACT(EPOCH FROM expires - now())::float8 FROM cluster_leases WHERE log = $1`, log).Scan(&holder, &left)
	switch {
	case err == nil && left > 0:
		return nil, &HeldError{Log: log, Holder: holder, Expires: seconds(left)}
	case err != nil && !errors.Is(err, pgx.ErrNoRows):
		return nil, fmt.Errorf("cluster: acquiring %s: %w", log, err)
	}
	l := &Lease{m: m, Log: log, stop: make(chan struct{}), done: make(chan struct{}), lost: make(chan struct{})}
	sent := time.Now()
	tx, err := m.c.pool.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("cluster: acquiring %s: %w", log, err)
	}
	defer tx.Rollback(context.Background())
	// A transaction fenced on the last holder's lease holds its row until
	// it ends; wait for it at most a lease's TTL.
	if _, err := tx.Exec(ctx, `SELECT set_config('lock_timeout', $1, true)`, strconv.FormatInt(m.opts.LeaseTTL.Milliseconds(), 10)); err != nil {
		return nil, fmt.Errorf("cluster: acquiring %s: %w", log, err)
	}
	// While this transaction waits for the row, a backend stuck in the
	// middle of a statement of the last holder is ended (endStuck).
	stopWatch := m.watchStuck(tx.Conn().PgConn().PID(), log)
	defer stopWatch()
	// Appends made without a lease in progress on the log end first, and
	// none starts its check until this transaction ends: see
	// postgres.HoldOffLeaselessAppends.
	err = postgres.HoldOffLeaselessAppends(ctx, tx, log)
	if err == nil {
		err = tx.QueryRow(ctx, `
INSERT INTO cluster_leases AS l (log, holder, instance, token, since, renewed, expires)
VALUES ($1, $2, $3, 1, now(), now(), now() + $4::interval)
ON CONFLICT (log) DO UPDATE
SET holder = EXCLUDED.holder, instance = EXCLUDED.instance, token = l.token + 1,
    since = now(), renewed = now(), expires = EXCLUDED.expires
WHERE l.expires <= now()
RETURNING token, since`, log, m.Name, m.Instance, m.opts.LeaseTTL).Scan(&l.Token, &l.Since)
	}
	if err == nil {
		err = tx.Commit(ctx)
	}
	// Who holds it is read in the same transaction, or after it ended:
	// never on a second connection while this one is held, which a pool
	// full of acquisitions waiting for one would never give.
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "55P03" { // lock_not_available
		tx.Rollback(ctx)
		held := &HeldError{Log: log, InTransaction: true}
		m.c.pool.QueryRow(ctx, `SELECT holder FROM cluster_leases WHERE log = $1`, log).Scan(&held.Holder)
		return nil, held
	}
	if errors.Is(err, pgx.ErrNoRows) {
		held := &HeldError{Log: log}
		var left float64
		err := tx.QueryRow(ctx, `SELECT holder, EXTRACT(EPOCH FROM expires - now())::float8 FROM cluster_leases WHERE log = $1`, log).Scan(&held.Holder, &left)
		if err != nil {
			return nil, fmt.Errorf("cluster: acquiring %s: %w", log, err)
		}
		held.Expires = seconds(left)
		return nil, held
	}
	if err != nil {
		return nil, fmt.Errorf("cluster: acquiring %s: %w", log, err)
	}
	l.deadline = l.localDeadline(sent)
	go l.keep()
	m.endStuckAppend(ctx, log, l.Since)
	return l, nil
}

// endStuckAppend ends the backend, if any, that holds the log's row in
// the logs table (its xmax) in a transaction begun before since, the new
// lease's start, and is stuck in the middle of a statement (endStuck): an
// append of the last holder cut off after its SELECT … FOR UPDATE of the
// row reached the database but before its Sync, and before its fence,
// would keep the new holder from reading the log's head (and appending)
// until the network healed. Its fence would refuse it now anyway.
func (m *Membership) endStuckAppend(ctx context.Context, log string, since time.Time) {
	err := m.endBackends(ctx, m.c.pool, log, "in the middle of a statement holding the log's row, begun before the lease was taken", `
SELECT pid, pg_terminate_backend(pid), coalesce(left(query, 200), '')
FROM pg_stat_activity
WHERE backend_xid = (SELECT xmax FROM logs WHERE origin = $1) AND state = 'active' AND wait_event = 'ClientRead'
  AND xact_start < $2`, log, since)
	if err != nil {
		m.log.Warn("cluster: looking for a stuck holder of a log's row failed", "log", log, "err", err)
	}
}

// watchStuck ends, every third of the lease's TTL until it is stopped,
// the backends that keep the acquisition on backend pid of log waiting
// and are stuck (endStuck). It returns the function that stops it, and
// waits until it has.
func (m *Membership) watchStuck(pid uint32, log string) (stop func()) {
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(m.opts.LeaseTTL / 3)
		defer tick.Stop()
		for {
			select {
			case <-quit:
				return
			case <-tick.C:
			}
			if err := m.endStuck(quit, pid, log); err != nil {
				m.log.Warn("cluster: looking for a stuck holder of a lease's row failed", "log", log, "err", err)
			}
		}
	}()
	return func() { close(quit); <-done }
}

// endStuck ends (pg_terminate_backend) every backend that blocks the
// acquisition on backend pid of log and is stuck: its transaction began
// before the lease it waits for expired — the last holder's renewal or
// fenced append — and it is in the middle of a statement waiting for its
// client to send the rest (active, ClientRead). So a holder cut off by a
// network that stopped delivering between the messages of a statement
// (its Execute arrived, its Sync did not) leaves it: PostgreSQL keeps its
// locks, neither idle in its transaction (no
// idle_in_transaction_session_timeout) nor running a statement (no
// statement_timeout), until the network heals or TCP gives up (hours),
// and no other node could take the log over meanwhile: measured, 8 s of
// an 8 s stall in TestClusterWriterCutOff. A transaction open and idle is
// left to its idle timeout, one running a statement to end. Ending the
// stuck one is safe: its holder's lease has expired, so it could not be
// acknowledged as the lease's; its client, if it returns, finds its
// connection closed and the outcome unknown, which it settles.
func (m *Membership) endStuck(quit <-chan struct{}, pid uint32, log string) error {
	ctx, cancel := context.WithTimeout(context.Background(), m.opts.LeaseTTL)
	defer cancel()
	go func() {
		select {
		case <-quit:
			cancel()
		case <-ctx.Done():
		}
	}()
	// A connection of its own: the pool's may all be held by
	// acquisitions waiting, as this one is.
	conn, err := pgx.ConnectConfig(ctx, m.c.conn)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	return m.endBackends(ctx, conn, log, "in the middle of a statement, begun before the lease it holds up expired", `
SELECT pid, pg_terminate_backend(pid), coalesce(left(query, 200), '')
FROM pg_stat_activity
WHERE pid = ANY (pg_blocking_pids($1)) AND state = 'active' AND wait_event = 'ClientRead'
  AND xact_start < (SELECT expires FROM cluster_leases WHERE log = $2)`, int64(pid), log)
}

// endBackends runs sql, which ends backends (pg_terminate_backend) and
// gives for each its pid, whether it was ended, and its last statement,
// and logs each one as stuck how.
func (m *Membership) endBackends(ctx context.Context, q interface {
	Query(context.Context, string, ...any) (pgx.Rows, error)
}, log, how, sql string, args ...any) error {
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var stuck int64
		var ended bool
		var query string
		if err := rows.Scan(&stuck, &ended, &query); err != nil {
			return err
		}
		m.log.Warn("cluster: ended a backend stuck "+how+" (its client stopped sending)", "log", log, "pid", stuck, "ended", ended, "query", query)
	}
	return rows.Err()
}

// localDeadline is when this process stops counting on a lease renewed
// by a statement sent at sent: the database's expiry is at least sent +
// TTL by its clock, so a tenth of the TTL less leaves room for clocks
// that run at slightly different rates.
func (l *Lease) localDeadline(sent time.Time) time.Time {
	ttl := l.m.opts.LeaseTTL
	return sent.Add(ttl - ttl/10)
}

// keep renews the lease every third of its TTL, retrying a failed
// renewal every tenth, until it is released or lost.
func (l *Lease) keep() {
	defer close(l.done)
	ttl := l.m.opts.LeaseTTL
	next := ttl / 3
	for {
		l.mu.Lock()
		deadline := l.deadline
		l.mu.Unlock()
		wait := time.Until(deadline)
		if wait <= 0 {
			l.lose(fmt.Errorf("%w: %s was not renewed before its deadline (the process was paused, or the database could not be reached)", ErrLost, l.Log))
			return
		}
		t := time.NewTimer(min(next, wait))
		select {
		case <-l.stop:
			t.Stop()
			return
		case <-t.C:
		}
		if time.Until(l.currentDeadline()) <= 0 {
			continue // lost: reported above
		}
		ctx, cancel := context.WithDeadline(context.Background(), l.currentDeadline())
		err := l.Renew(ctx)
		cancel()
		switch {
		case err == nil:
			next = ttl / 3
		case errors.Is(err, ErrLost):
			return
		default:
			l.m.log.Warn("cluster: renewing a lease failed; trying again", "log", l.Log, "err", err)
			next = ttl / 10
		}
	}
}

func (l *Lease) currentDeadline() time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.deadline
}

// Renew extends the lease by its TTL from now, if it is still this
// node's: one whose expiry has passed, or that was released or taken over,
// is lost (ErrLost), even if nobody else has taken it yet.
func (l *Lease) Renew(ctx context.Context) error {
	if err := l.Err(); err != nil {
		return err
	}
	sent := time.Now()
	tag, err := l.m.c.pool.Exec(ctx, `
UPDATE cluster_leases SET renewed = now(), expires = now() + $4::interval
WHERE log = $1 AND instance = $2 AND token = $3 AND expires > now()`, l.Log, l.m.Instance, l.Token, l.m.opts.LeaseTTL)
	if err != nil {
		return fmt.Errorf("cluster: renewing the lease of %s: %w", l.Log, err)
	}
	if tag.RowsAffected() == 0 {
		err := fmt.Errorf("%w: %s expired, or was released or taken over, before its renewal", ErrLost, l.Log)
		l.lose(err)
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.lostErr != nil {
		return l.lostErr // the deadline passed while the renewal was on its way
	}
	l.deadline = l.localDeadline(sent)
	return nil
}

func (l *Lease) lose(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.lostErr == nil {
		l.lostErr = err
		if !l.released {
			l.m.log.Warn(err.Error(), "node", l.m.Name, "token", l.Token)
		}
		close(l.lost)
	}
}

// Lost is closed when the lease is lost or released.
func (l *Lease) Lost() <-chan struct{} { return l.lost }

// Err says why the lease was lost, or nil while it is held.
func (l *Lease) Err() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lostErr
}

// Held reports whether this process may still count on the lease: it is
// not lost and its local deadline has not passed. Only Fence, in the
// transaction that writes, makes sure.
func (l *Lease) Held() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lostErr == nil && time.Now().Before(l.deadline)
}

// Release gives the lease up at once, so that another node may acquire
// the log without waiting for it to expire, and stops its renewal.
func (l *Lease) Release(ctx context.Context) error {
	l.mu.Lock()
	l.released = true
	l.mu.Unlock()
	select {
	case <-l.stop:
	default:
		close(l.stop)
	}
	<-l.done
	l.lose(fmt.Errorf("%w: %s was released", ErrLost, l.Log))
	_, err := l.m.c.pool.Exec(ctx, `UPDATE cluster_leases SET expires = now() WHERE log = $1 AND instance = $2 AND token = $3 AND expires > now()`, l.Log, l.m.Instance, l.Token)
	if err != nil {
		return fmt.Errorf("cluster: releasing the lease of %s (it expires by itself): %w", l.Log, err)
	}
	return nil
}

// Fence checks, inside tx, that the lease is still the log's live lease,
// and holds its row in share mode until tx ends, so that no other node
// can acquire the log before tx has committed or rolled back. An append
// that calls Fence before its COMMIT can therefore never be committed by
// a holder that has lost its lease (paused, cut off), whatever its own
// clock says: ErrFenced, and the caller must roll back. tx must be a
// transaction on the same database.
func (l *Lease) Fence(ctx context.Context, tx pgx.Tx) error {
	return Fence(ctx, tx, l.Log, l.m.Instance, l.Token)
}

// Fence checks, inside tx, that instance holds the log's live lease with
// token (see Lease.Fence).
func Fence(ctx context.Context, tx pgx.Tx, log, instance string, token int64) error {
	var one int
	err := tx.QueryRow(ctx, `
SELECT 1 FROM cluster_leases
WHERE log = $1 AND instance = $2 AND token = $3 AND expires > clock_timestamp()
FOR SHARE`, log, instance, token).Scan(&one)
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("%w (%s, token %d)", ErrFenced, log, token)
	}
	if err != nil {
		return fmt.Errorf("cluster: checking the lease of %s: %w", log, err)
	}
	return nil
}
