// Package postgres stores plenum's ledger in a PostgreSQL database,
// through github.com/jackc/pgx/v5 (pure Go, no cgo). It implements
// ledger.Store.
//
// An append is one transaction: it locks the log's row (SELECT … FOR
// UPDATE), checks that the batch starts at the log's size, copies the
// records in (COPY for large batches), and commits. Commits are
// synchronous (synchronous_commit is never off on plenum's connections),
// so an acknowledged append is on stable storage — provided the server
// itself runs with fsync on, which a writing Store checks on every
// connection (it refuses to write on a server with fsync off). Every append is fenced: the row lock and the
// size check, in the transaction that commits, make exactly one of two
// competing appends win, so several plenum processes on one database can
// never fork a log (what else they may and may not do is in
// docs/storage.md). SettledHead takes the same row lock in share mode, so
// it waits for an append still in flight — one whose reply was lost — to
// end; plenum's writing connections end an abandoned transaction after
// 20 seconds idle (idle_in_transaction_session_timeout). The schema is
// created by the numbered migrations embedded from migrations/*.sql,
// applied under an advisory lock.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
	"plenum/store/schema"
)

//go:embed migrations/*.sql
var migrations embed.FS

// migrationLock is the key of the advisory lock held while migrating:
// the bytes of "plenum" read as a number.
const migrationLock = 0x706c656e756d

// copyThreshold is the number of records from which AppendBatch uses COPY
// rather than one INSERT of arrays.
const copyThreshold = 64

// idleInTransaction is the idle_in_transaction_session_timeout of
// plenum's writing connections, unless the DSN sets one.
const idleInTransaction = "20s"

// minConns is the least size of the connection pool: a scan holds one
// connection while its callback may read through another (ledger.Audit
// reads blobs and checkpoints while scanning entries).
const minConns = 16

// Store is a ledger.Store in a PostgreSQL database.
type Store struct {
	pool     *pgxpool.Pool
	readOnly bool
	hook     AppendHook // see SetAppendHook; set before the first append

	mu  sync.Mutex
	ids map[string]int64 // origin → logs.id; ids never change
}

var _ ledger.Store = (*Store)(nil)

// Open connects to the database named by dsn (a postgres:// URL or a
// key=value connection string) for reading and writing, bringing its
// schema up to date if needed.
func Open(ctx context.Context, dsn string) (*Store, error) {
	return OpenWith(ctx, dsn, Options{})
}

// Options tune a Store opened for writing; the zero value gives Open's.
type Options struct {
	// IdleInTransaction is the idle_in_transaction_session_timeout of the
	// store's connections, unless the DSN sets one (default 20 s). A
	// cluster's node sets it lower: an append holds its log's row, and on
	// a cluster its lease's row, until its transaction ends.
	IdleInTransaction time.Duration
}

// OpenWith is Open with Options.
func OpenWith(ctx context.Context, dsn string, opts Options) (*Store, error) {
	idle := idleInTransaction
	if opts.IdleInTransaction > 0 {
		idle = fmt.Sprintf("%dms", opts.IdleInTransaction.Milliseconds())
	}
	s, err := open(ctx, dsn, false, idle)
	if err != nil {
		return nil, err
	}
	if err := migrate(ctx, s.pool); err != nil {
		s.pool.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return s, nil
}

// OpenReadOnly connects to an existing plenum database for reading only:
// every transaction of the store is read-only. It is safe while plenum
// serve writes to the same database.
func OpenReadOnly(ctx context.Context, dsn string) (*Store, error) {
	s, err := open(ctx, dsn, true, "")
	if err != nil {
		return nil, err
	}
	have, err := applied(ctx, s.pool)
	if err != nil {
		s.pool.Close()
		return nil, fmt.Errorf("postgres: %s is not a plenum database: %w", redact(dsn), err)
	}
	if why := schema.Describe(migrations, "migrations/*.sql", have); why != "" {
		s.pool.Close()
		return nil, fmt.Errorf("postgres: %s: %s", redact(dsn), why)
	}
	return s, nil
}

// OpenDB connects to the database named by dsn for the state kept beside
// the record (access codes and sessions, a witness's state), bringing its
// schema up to date like Open, and returns a database/sql handle on it
// (driver pgx) and the function that closes it.
func OpenDB(ctx context.Context, dsn string) (*sql.DB, func() error, error) {
	s, err := Open(ctx, dsn)
	if err != nil {
		return nil, nil, err
	}
	db := stdlib.OpenDBFromPool(s.pool)
	return db, func() error {
		err := db.Close()
		s.pool.Close()
		return err
	}, nil
}

// Redact returns how error messages name the database dsn: its name,
// host and port, never its password.
func Redact(dsn string) string { return redact(dsn) }

// querier runs a query returning rows: a pool or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// applied returns the schema versions the database has applied.
func applied(ctx context.Context, q querier) ([]int, error) {
	rows, err := q.Query(ctx, `SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[int])
}

func open(ctx context.Context, dsn string, readOnly bool, idle string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", redact(dsn), err)
	}
	if cfg.MaxConns < minConns && !strings.Contains(dsn, "pool_max_conns") {
		cfg.MaxConns = minConns
	}
	if _, set := cfg.ConnConfig.RuntimeParams["application_name"]; !set {
		// What pg_stat_activity, and a store's waitError, call it.
		cfg.ConnConfig.RuntimeParams["application_name"] = "plenum"
	}
	if readOnly {
		cfg.ConnConfig.RuntimeParams["default_transaction_read_only"] = "on"
	} else if _, set := cfg.ConnConfig.RuntimeParams["idle_in_transaction_session_timeout"]; !set {
		// An append whose client is gone (a cut connection the server
		// has not noticed) must not hold the log's row lock for long:
		// SettledHead, deciding that append's outcome, waits for it.
		cfg.ConnConfig.RuntimeParams["idle_in_transaction_session_timeout"] = idle
	}
	cfg.AfterConnect = func(ctx context.Context, c *pgx.Conn) error {
		var sc, fsync string
		if err := c.QueryRow(ctx, `SELECT current_setting('synchronous_commit'), current_setting('fsync')`).Scan(&sc, &fsync); err != nil {
			return err
		}
		if !readOnly {
			if err := syncsToDisk(fsync); err != nil {
				return err
			}
		}
		// Keep the server's setting (on, remote_apply, …) unless it is off.
		if sc == "off" {
			_, err := c.Exec(ctx, `SET synchronous_commit = on`)
			return err
		}
		return nil
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", redact(dsn), err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: %s: %w", redact(dsn), err)
	}
	return &Store{pool: pool, readOnly: readOnly, ids: map[string]int64{}}, nil
}

// syncsToDisk refuses to write on a server whose fsync setting is fsync:
// with fsync off, PostgreSQL acknowledges commits it has not made
// durable, and a crash of the server or its machine can lose them, or
// corrupt the database — while plenum answers "accepted" only for what
// is durable. Reading (plenum verify, export) is unaffected.
func syncsToDisk(fsync string) error {
	if fsync == "off" {
		return errors.New("postgres: the server runs with fsync = off, so a commit it acknowledges can be lost if it or its machine stops, and plenum acknowledges only what is durable: plenum writes no record on it. Set fsync = on (postgresql.conf, then reload the server), or use another server")
	}
	return nil
}

// redact returns dsn without its password, for error messages.
func redact(dsn string) string {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return "the database"
	}
	return fmt.Sprintf("database %q on %s:%d", cfg.Database, cfg.Host, cfg.Port)
}

// migrate applies the embedded migrations the database has not seen, all
// in one transaction holding an advisory lock, so that plenum processes
// starting together migrate once.
func migrate(ctx context.Context, pool *pgxpool.Pool) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer rollback(tx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrationLock)); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)`); err != nil {
		return err
	}
	have, err := applied(ctx, tx)
	if err != nil {
		return err
	}
	steps, err := schema.Pending(migrations, "migrations/*.sql", have)
	if err != nil {
		return err
	}
	for _, step := range steps {
		v, name, body := step.Version, step.Name, step.SQL
		if v == schema.OldBoxVersion {
			var n int
			if err := tx.QueryRow(ctx, schema.OldBoxCount).Scan(&n); err != nil {
				return fmt.Errorf("migration %s: %w", name, err)
			}
			if n > 0 {
				return fmt.Errorf("migration %s: %w", name, schema.OldBoxError(n))
			}
		}
		if _, err := tx.Exec(ctx, body); err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, v); err != nil {
			return err
		}
	}
	return tx.Commit(ctx)
}

// rollback ends tx if it is still open, even after its context ended.
func rollback(tx pgx.Tx) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	tx.Rollback(ctx)
}

// AppendHook is run by AppendBatch inside the append's transaction, once
// the batch is known to start at the log's size and before the entries
// are written, with the log's origin and its size after the batch. An
// error rolls the append back: nothing of the batch is stored.
type AppendHook func(ctx context.Context, tx pgx.Tx, origin string, newSize int64) error

// SetAppendHook makes every later append run h in its transaction: a
// node of a cluster checks there that it still holds the log's lease
// (cluster.Lease.Fence) and announces the growth (cluster.Notify). Set it
// before the first append; nil runs the hook of a writer without a lease
// (a plain plenum serve, replay, import): the append is refused while a
// node holds the log's live lease, and announced.
func (s *Store) SetAppendHook(h AppendHook) { s.hook = h }

// GrowthChannel is the notification channel on which every append
// announces the log's new size, as {"log": origin, "size": n}; the nodes
// of a cluster listen on it (cluster.Channel).
const GrowthChannel = "plenum_log"

// LeaseHeldError refuses an append made without a lease while a node of a
// cluster holds the log's live lease: two writers again, one of them
// unseen by the other nodes.
type LeaseHeldError struct {
	Log     string
	Holder  string        // the node's name
	Expires time.Duration // how long the lease has left, by the database's clock
}

func (e *LeaseHeldError) Error() string {
	return fmt.Sprintf("postgres: node %q of a cluster holds the lease of %s (for %v more): a writer without a lease may not append to it; run plenum serve with --node-name and --advertise to join the cluster", e.Holder, e.Log, e.Expires.Round(time.Millisecond))
}

// leaselessLockClass is the first key of the advisory locks by which an
// append without a lease and a lease's acquisition exclude each other
// (the second is a hash of the log's origin; two logs of one hash only
// wait for each other a moment longer).
const leaselessLockClass = 0x706c6e6d // "plnm"

// HoldOffLeaselessAppends makes appends without a lease to the log wait
// until tx ends, after waiting for those in progress to end: a lease's
// acquisition (cluster.Membership.Acquire) calls it in its transaction
// before it writes the lease. Appends with a node's hook do not take the
// lock: an acquisition never waits for them here.
func HoldOffLeaselessAppends(ctx context.Context, tx pgx.Tx, origin string) error {
	_, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, hashtext($2))`, leaselessLockClass, origin)
	return err
}

// leaseless is the append hook of a writer that holds no lease. In the
// append's transaction it looks for a live lease of the log, by the
// database's clock (clock_timestamp, not the transaction's start), and
// refuses the append if a node holds one. It cannot race a node's
// acquisition: first it takes, shared, the advisory lock of the log that
// an acquisition takes exclusively before it writes the lease
// (HoldOffLeaselessAppends), so either this append holds it first and the
// acquisition waits until it ends (the new holder then reads a head that
// includes it), or the acquisition committed first and this check, a
// statement after the lock with a snapshot of its own, sees its lease.
// (A lock on the lease's row would not do: a log never leased has none.)
// Then it announces the growth (pg_notify, delivered at commit only), so
// that the nodes' followers read the new entries.
func leaseless(ctx context.Context, tx pgx.Tx, origin string, newSize int64) error {
	return leaselessHeld(ctx, tx, origin, newSize, nil)
}

// leaselessHeld is leaseless with a check queued first in its round trip
// (a plain server's lock, ServerLock.AppendHook): first queues it and
// returns the reading of its result, which refuses the append with an
// error; nil for none.
func leaselessHeld(ctx context.Context, tx pgx.Tx, origin string, newSize int64, first func(*pgx.Batch) func(pgx.BatchResults) error) error {
	payload, err := GrowthPayload(origin, newSize)
	if err != nil {
		return err
	}
	// One round trip for the three statements: the server runs them in
	// order, each with a snapshot of its own, so the look-up still comes
	// after the lock; a notification queued before a refusal is dropped
	// with the transaction it rolls back.
	batch := &pgx.Batch{}
	var check func(pgx.BatchResults) error
	if first != nil {
		check = first(batch)
	}
	batch.Queue(`SELECT pg_advisory_xact_lock_shared($1, hashtext($2))`, leaselessLockClass, origin)
	batch.Queue(`
SELECT holder, EXTRACT(EPOCH FROM expires - clock_timestamp())::float8 FROM cluster_leases
WHERE log = $1 AND expires > clock_timestamp()`, origin)
	batch.Queue(`SELECT pg_notify($1, $2)`, GrowthChannel, payload)
	br := tx.SendBatch(ctx, batch)
	defer br.Close()
	if check != nil {
		if err := check(br); err != nil {
			return err
		}
	}
	if _, err := br.Exec(); err != nil {
		return fmt.Errorf("waiting for a lease's acquisition: %w", err)
	}
	held := &LeaseHeldError{Log: origin}
	var left float64
	switch err := br.QueryRow().Scan(&held.Holder, &left); {
	case err == nil:
		held.Expires = time.Duration(left * float64(time.Second))
		return held
	case !errors.Is(err, pgx.ErrNoRows):
		return fmt.Errorf("looking for a lease of the log: %w", err)
	}
	if _, err := br.Exec(); err != nil {
		return fmt.Errorf("announcing the append: %w", err)
	}
	return br.Close()
}

// GrowthPayload is the notification, on GrowthChannel, that the log of
// origin has grown to size entries: {"log": origin, "size": size}, what
// a cluster's listeners read (cluster.Growth).
func GrowthPayload(origin string, size int64) (string, error) {
	b, err := json.Marshal(struct {
		Log  string `json:"log"`
		Size int64  `json:"size"`
	}{origin, size})
	return string(b), err
}

// Close closes every connection of the store.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

func (s *Store) writable() error {
	if s.readOnly {
		return errors.New("postgres: store opened read-only")
	}
	return nil
}

// logID returns the id of the log with the given origin.
func (s *Store) logID(ctx context.Context, origin string) (int64, error) {
	s.mu.Lock()
	id, ok := s.ids[origin]
	s.mu.Unlock()
	if ok {
		return id, nil
	}
	err := s.pool.QueryRow(ctx, `SELECT id FROM logs WHERE origin = $1`, origin).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, fmt.Errorf("%w: %q", ledger.ErrLogNotFound, origin)
	}
	if err != nil {
		return 0, fmt.Errorf("postgres: %w", err)
	}
	s.mu.Lock()
	s.ids[origin] = id
	s.mu.Unlock()
	return id, nil
}

// CreateLog implements ledger.Store.
func (s *Store) CreateLog(ctx context.Context, origin string, checkpoint []byte) error {
	if err := s.writable(); err != nil {
		return err
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	defer rollback(tx)
	var id int64
	err = tx.QueryRow(ctx, `INSERT INTO logs (origin, size, checkpoint) VALUES ($1, 0, $2) ON CONFLICT (origin) DO NOTHING RETURNING id`, origin, checkpoint).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("%w: %q", ledger.ErrLogExists, origin)
	}
	if err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO checkpoints (log_id, size, data) VALUES ($1, 0, $2)`, id, checkpoint); err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	return nil
}

// Logs implements ledger.Store.
func (s *Store) Logs(ctx context.Context) ([]string, error) {
	rows, err := s.pool.Query(ctx, `SELECT origin FROM logs ORDER BY origin`)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return out, nil
}

// Head implements ledger.Store.
func (s *Store) Head(ctx context.Context, origin string) (ledger.Head, error) {
	var h ledger.Head
	err := s.pool.QueryRow(ctx, `SELECT size, checkpoint FROM logs WHERE origin = $1`, origin).Scan(&h.Size, &h.Checkpoint)
	if errors.Is(err, pgx.ErrNoRows) {
		return h, fmt.Errorf("%w: %q", ledger.ErrLogNotFound, origin)
	}
	if err != nil {
		return h, fmt.Errorf("postgres: %w", err)
	}
	return h, nil
}

// SettledHead implements ledger.Store: it takes the log's row lock in
// share mode, which waits for any append holding it (every append locks
// the row FOR UPDATE first, and keeps the lock until its transaction
// ends). A read-only store reads the head as Head does.
func (s *Store) SettledHead(ctx context.Context, origin string) (ledger.Head, error) {
	if s.readOnly {
		return s.Head(ctx, origin)
	}
	var h ledger.Head
	err := s.pool.QueryRow(ctx, `SELECT size, checkpoint FROM logs WHERE origin = $1 FOR SHARE`, origin).Scan(&h.Size, &h.Checkpoint)
	if errors.Is(err, pgx.ErrNoRows) {
		return h, fmt.Errorf("%w: %q", ledger.ErrLogNotFound, origin)
	}
	if err != nil {
		return h, s.waitError(ctx, origin, err, 0)
	}
	return h, nil
}

// waitError is the error of a wait for a log's row (an append's lock, or
// SettledHead's) that failed with err. If the wait's context ended, it
// names the sessions holding rows of the logs table — the one in the way
// among them, the oldest transaction first — and what to do; self is the
// waiting session, left out.
func (s *Store) waitError(ctx context.Context, origin string, err error, self uint32) error {
	if ctx.Err() == nil {
		return fmt.Errorf("postgres: %w", err)
	}
	holders := s.rowHolders(self)
	if holders == "" {
		return fmt.Errorf("postgres: %w", err)
	}
	return fmt.Errorf("postgres: %q: waiting for the log's row (%w); sessions holding rows of the logs table: %s. A plenum holds one only while it appends: end a transaction that holds one long (SELECT pg_terminate_backend(pid))", origin, err, holders)
}

// rowHolders describes up to three sessions, but self, whose transactions
// hold rows of the logs table (a row lock takes a RowShareLock or
// RowExclusiveLock on its table, which pg_locks lists; the row itself it
// does not), or "" if there are none or they cannot be read.
func (s *Store) rowHolders(self uint32) string {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	rows, err := s.pool.Query(ctx, `
SELECT a.pid, coalesce(a.application_name, ''), coalesce(host(a.client_addr), ''), coalesce(a.state, ''), a.xact_start
FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'relation' AND l.relation = 'logs'::regclass AND l.granted
  AND l.mode IN ('RowShareLock', 'RowExclusiveLock')
  AND a.pid NOT IN (pg_backend_pid(), $1) AND a.xact_start IS NOT NULL
ORDER BY a.xact_start LIMIT 3`, int64(self))
	if err != nil {
		return ""
	}
	var out []string
	for rows.Next() {
		var (
			pid              int32
			app, from, state string
			since            time.Time
		)
		if err := rows.Scan(&pid, &app, &from, &state, &since); err != nil {
			rows.Close()
			return ""
		}
		if app == "" {
			app = "no application name"
		}
		if from != "" {
			app += ", from " + from
		}
		out = append(out, fmt.Sprintf("process %d (%s, %s, its transaction begun %s)", pid, app, state, since.UTC().Format("2006-01-02 15:04:05 UTC")))
	}
	if rows.Err() != nil {
		return ""
	}
	return strings.Join(out, "; ")
}

// AppendBatch implements ledger.Store: one transaction holding the log's
// row lock, committed synchronously.
func (s *Store) AppendBatch(ctx context.Context, origin string, b *ledger.Batch) (err error) {
	if err := s.writable(); err != nil {
		return err
	}
	defer func() { err = refusedRow(err) }()
	if len(b.Records) == 0 || len(b.Checkpoint) == 0 {
		return errors.New("postgres: AppendBatch needs records and a checkpoint")
	}
	for i, r := range b.Records {
		if r.Index != b.First+int64(i) {
			return fmt.Errorf("postgres: AppendBatch: record %d has index %d, want %d", i, r.Index, b.First+int64(i))
		}
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	defer rollback(tx)
	var id, size int64
	err = tx.QueryRow(ctx, `SELECT id, size FROM logs WHERE origin = $1 FOR UPDATE`, origin).Scan(&id, &size)
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("%w: %q", ledger.ErrLogNotFound, origin)
	}
	if err != nil {
		return s.waitError(ctx, origin, err, tx.Conn().PgConn().PID())
	}
	if size != b.First {
		return fmt.Errorf("%w: %q has %d entries, the batch starts at %d", ledger.ErrConflict, origin, size, b.First)
	}
	newSize := b.First + int64(len(b.Records))
	hook := s.hook
	if hook == nil {
		hook = leaseless
	}
	if err := hook(ctx, tx, origin, newSize); err != nil {
		return fmt.Errorf("postgres: %q: the append was refused, nothing of it stored: %w", origin, err)
	}
	// The batch's hashes columns, each its records' hashes joined as
	// ledger.JoinHashes joins them, are cut from one buffer (as SQLite's
	// AppendBatch does): one allocation for the batch rather than one a
	// record.
	hashes := joinedHashes(b.Records)
	if len(b.Records) >= copyThreshold {
		i := 0
		// One row's values, reused (CopyFrom encodes each row before it
		// asks for the next), and the log's id boxed once.
		row := make([]any, 4)
		idArg := any(id)
		src := pgx.CopyFromFunc(func() ([]any, error) {
			if i == len(b.Records) {
				return nil, nil
			}
			r := b.Records[i]
			row[0], row[1], row[2], row[3] = idArg, r.Index, nonNil(r.Data), hashes[i]
			i++
			return row, nil
		})
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"entries"}, []string{"log_id", "idx", "data", "hashes"}, src); err != nil {
			return fmt.Errorf("postgres: copying entries: %w", err)
		}
	}
	// The rest in one round trip.
	var q pgx.Batch
	if len(b.Records) < copyThreshold {
		idx := make([]int64, len(b.Records))
		data := make([][]byte, len(b.Records))
		for i, r := range b.Records {
			idx[i], data[i] = r.Index, nonNil(r.Data)
		}
		q.Queue(`INSERT INTO entries (log_id, idx, data, hashes) SELECT $1, * FROM unnest($2::bigint[], $3::bytea[], $4::bytea[])`, id, idx, data, hashes)
	}
	for _, bl := range b.Blobs {
		q.Queue(`INSERT INTO blobs (sha256, data) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING`, bl.SHA256[:], nonNil(bl.Data))
	}
	if len(b.Sealed) > 0 {
		boxes := make([]string, len(b.Sealed))
		ids := make([]string, len(b.Sealed))
		data := make([][]byte, len(b.Sealed))
		for i, sb := range b.Sealed {
			if err := ledger.ValidSealedBallot(sb); err != nil {
				return err
			}
			boxes[i], ids[i], data[i] = sb.Box, sb.ID, nonNil(sb.Data)
		}
		q.Queue(`INSERT INTO ballot_box (log_id, box, id, data) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bytea[])`, id, boxes, ids, data)
	}
	if len(b.Emptied) > 0 {
		q.Queue(`DELETE FROM ballot_box WHERE log_id = $1 AND box = ANY($2::text[])`, id, b.Emptied)
	}
	q.Queue(`INSERT INTO checkpoints (log_id, size, data) VALUES ($1, $2, $3)`, id, newSize, b.Checkpoint)
	q.Queue(`UPDATE logs SET size = $2, checkpoint = $3 WHERE id = $1`, id, newSize, b.Checkpoint)
	if err := tx.SendBatch(ctx, &q).Close(); err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: commit: %w", err)
	}
	return nil
}

// refusedRow wraps ledger.ErrConstraint around PostgreSQL's refusal of a
// row on a constraint (SQLSTATE class 23, integrity constraint violation:
// a unique key, a check, a foreign key), which a retry of the same append
// would meet again.
func refusedRow(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && strings.HasPrefix(pe.Code, "23") {
		return fmt.Errorf("%w: %w", ledger.ErrConstraint, err)
	}
	return err
}

// joinedHashes returns ledger.JoinHashes of each record's hashes, all cut
// from one buffer.
func joinedHashes(recs []ledger.Record) [][]byte {
	nh := 0
	for _, r := range recs {
		nh += len(r.Hashes)
	}
	buf := make([]byte, 0, nh*tlog.HashSize)
	out := make([][]byte, len(recs))
	for i, r := range recs {
		start := len(buf)
		for _, h := range r.Hashes {
			buf = append(buf, h[:]...)
		}
		out[i] = buf[start:len(buf):len(buf)]
	}
	return out
}

// nonNil returns b, or an empty slice for nil: pgx sends nil as NULL.
func nonNil(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}

// ScanRecords implements ledger.Store. Rows stream from the server as fn
// consumes them; r.Data points into the driver's buffer.
func (s *Store) ScanRecords(ctx context.Context, origin string, start, end int64, fn func(ledger.Record) error) error {
	id, err := s.logID(ctx, origin)
	if err != nil {
		return err
	}
	rows, err := s.pool.Query(ctx, `SELECT idx, data, hashes FROM entries WHERE log_id = $1 AND idx >= $2 AND idx < $3 ORDER BY idx`, id, start, end)
	if err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	defer rows.Close()
	var (
		r      ledger.Record
		data   pgtype.DriverBytes
		hb     pgtype.DriverBytes
		hashes = make([]tlog.Hash, 0, 64)
	)
	for rows.Next() {
		if err := rows.Scan(&r.Index, &data, &hb); err != nil {
			return fmt.Errorf("postgres: %w", err)
		}
		if r.Hashes, err = ledger.SplitHashes(hb, hashes); err != nil {
			// Reported as an empty hash list so the auditor can name the entry.
			r.Hashes = nil
		}
		r.Data = data
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	return nil
}

// ReadRecords implements ledger.Store, in one query.
func (s *Store) ReadRecords(ctx context.Context, origin string, indexes []int64) ([]ledger.Record, error) {
	id, err := s.logID(ctx, origin)
	if err != nil {
		return nil, err
	}
	if len(indexes) == 0 {
		return []ledger.Record{}, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT idx, data, hashes FROM entries WHERE log_id = $1 AND idx = ANY($2)`, id, indexes)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	defer rows.Close()
	found := make(map[int64]ledger.Record, len(indexes))
	for rows.Next() {
		var r ledger.Record
		var hb pgtype.DriverBytes
		if err := rows.Scan(&r.Index, &r.Data, &hb); err != nil {
			return nil, fmt.Errorf("postgres: %w", err)
		}
		if r.Hashes, err = ledger.SplitHashes(hb, nil); err != nil {
			return nil, fmt.Errorf("postgres: %q entry %d: %w", origin, r.Index, err)
		}
		found[r.Index] = r
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	out := make([]ledger.Record, len(indexes))
	for i, x := range indexes {
		r, ok := found[x]
		if !ok {
			return nil, fmt.Errorf("%w: %q entry %d", ledger.ErrNotFound, origin, x)
		}
		out[i] = r
	}
	return out, nil
}

// Checkpoints implements ledger.Store. A limit below 1 returns none.
func (s *Store) Checkpoints(ctx context.Context, origin string, after int64, limit int) ([]ledger.StoredCheckpoint, error) {
	id, err := s.logID(ctx, origin)
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `SELECT size, data FROM checkpoints WHERE log_id = $1 AND size > $2 ORDER BY size LIMIT $3`, id, after, max(limit, 0))
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (ledger.StoredCheckpoint, error) {
		var c ledger.StoredCheckpoint
		err := row.Scan(&c.Size, &c.Signed)
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return out, nil
}

// Blob implements ledger.Store.
func (s *Store) Blob(ctx context.Context, sum [32]byte) ([]byte, error) {
	var data []byte
	err := s.pool.QueryRow(ctx, `SELECT data FROM blobs WHERE sha256 = $1`, sum[:]).Scan(&data)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("%w: blob %x", ledger.ErrNotFound, sum)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return nonNil(data), nil
}

// AddCosignatures implements ledger.Store, in one transaction.
func (s *Store) AddCosignatures(ctx context.Context, origin string, size int64, sigs [][]byte) error {
	if err := s.writable(); err != nil {
		return err
	}
	lines, err := ledger.SignatureLines(sigs)
	if err != nil {
		return fmt.Errorf("postgres: AddCosignatures: %w", err)
	}
	id, err := s.logID(ctx, origin)
	if err != nil {
		return err
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	defer rollback(tx)
	var found bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM checkpoints WHERE log_id = $1 AND size = $2)`, id, size).Scan(&found); err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	if !found {
		return fmt.Errorf("%w: %q has no checkpoint of size %d", ledger.ErrNotFound, origin, size)
	}
	if len(lines) > 0 {
		if _, err := tx.Exec(ctx, `INSERT INTO cosignatures (log_id, size, line) SELECT $1, $2, l FROM unnest($3::bytea[]) AS l ON CONFLICT DO NOTHING`, id, size, lines); err != nil {
			return fmt.Errorf("postgres: %w", err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: commit: %w", err)
	}
	return nil
}

// Cosignatures implements ledger.Store.
func (s *Store) Cosignatures(ctx context.Context, origin string, size int64) ([][]byte, error) {
	id, err := s.logID(ctx, origin)
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `SELECT line FROM cosignatures WHERE log_id = $1 AND size = $2 ORDER BY line`, id, size)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) ([]byte, error) {
		var l []byte
		err := row.Scan(&l)
		return append(l, '\n'), err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return out, nil
}

// SealedBallots implements ledger.Store.
func (s *Store) SealedBallots(ctx context.Context, origin, box string) ([]ledger.SealedBallot, error) {
	id, err := s.logID(ctx, origin)
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `SELECT id, data FROM ballot_box WHERE log_id = $1 AND box = $2 ORDER BY id`, id, box)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (ledger.SealedBallot, error) {
		b := ledger.SealedBallot{Box: box}
		err := row.Scan(&b.ID, &b.Data)
		return b, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return out, nil
}

// latestVersion is the schema version the embedded migrations reach.
func latestVersion() int {
	n, err := schema.Latest(migrations, "migrations/*.sql")
	if err != nil {
		panic(err) // the pattern is constant and valid
	}
	return n
}

// LogOrigins lists the origins of the logs in the database dsn names,
// reading it as it is: its schema not brought up to date, nothing created
// (a database without the logs table holds no logs). plenum serve asks
// it before it opens the database for writing, so that a start it
// refuses leaves the database as it was.
func LogOrigins(ctx context.Context, dsn string) ([]string, error) {
	s, err := open(ctx, dsn, true, "")
	if err != nil {
		return nil, err
	}
	defer s.pool.Close()
	var exists bool
	if err := s.pool.QueryRow(ctx, `SELECT to_regclass('logs') IS NOT NULL`).Scan(&exists); err != nil || !exists {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `SELECT origin FROM logs ORDER BY origin`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}
