package postgres

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// ServerLockKey is the key of the session-level advisory lock by which
// plenum servers on one database keep each other out (LockServer): the
// bytes of "plenum" followed by 0x0001, one 64-bit key. The migrations'
// lock is 0x706c656e756d ("plenum" alone, held for a transaction while
// migrating); the locks between lease-less appends and a lease's
// acquisition use the two-key form (leaselessLockClass and a hash of the
// log), which PostgreSQL keeps apart from the one-key form. In pg_locks
// it is the advisory lock with classid 1886152046 (0x706c656e), objid
// 1970077697 (0x756d0001) and objsubid 1, in the database's own row
// (advisory locks are per database).
const ServerLockKey int64 = 0x706c656e756d0001

// serverLockRow picks the server lock's rows out of pg_locks (granted or
// not), in the current database.
var serverLockRow = fmt.Sprintf(`l.locktype = 'advisory' AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
AND l.classid = %d AND l.objid = %d AND l.objsubid = 1`, uint64(ServerLockKey)>>32, uint64(ServerLockKey)&0xffffffff)

// LockHolder is a session holding the server lock, as pg_stat_activity
// shows it to this session (a role without pg_read_all_stats may see
// less of another role's sessions: empty strings, a zero time).
type LockHolder struct {
	PID         int32     // the PostgreSQL backend's process id
	Shared      bool      // held shared: a node of a cluster
	Application string    // application_name
	Client      string    // client address; "" for a Unix socket or unknown
	Since       time.Time // backend_start
}

// ServedError refuses a server lock another server holds: Shared tells
// the lock asked for (a node's), Holders the sessions holding it the
// other way (exclusively, a plain server; or shared, nodes).
type ServedError struct {
	Shared  bool
	Holders []LockHolder
}

func (e *ServedError) Error() string {
	var hs []string
	for _, h := range e.Holders {
		hs = append(hs, h.String())
	}
	who := strings.Join(hs, "; ")
	if who == "" {
		who = "a session that let go of it since"
	}
	if e.Shared {
		return "postgres: a plenum server that is not a node of a cluster is serving this database (" + who + "): stop it, and run every server on the database as a node (--node-name, --advertise)"
	}
	return "postgres: another plenum server is serving this database (" + who + "): stop it, or run both as nodes of a cluster (--node-name, --advertise)"
}

// String says who h is, in English.
func (h LockHolder) String() string {
	app := h.Application
	if app == "" {
		app = "no application name"
	}
	s := fmt.Sprintf("%q, PostgreSQL process %d", app, h.PID)
	if h.Client != "" {
		s += ", from " + h.Client
	}
	if !h.Since.IsZero() {
		s += ", connected since " + h.Since.UTC().Format("2006-01-02 15:04:05 UTC")
	}
	return s
}

// ServerLock is a server's hold on a database, for as long as it serves:
// the advisory lock ServerLockKey on a connection of its own, outside the
// store's pool, exclusive for a plain server and shared for a node of a
// cluster. So a plain server starts on a database no other server serves,
// a node beside other nodes only, and each is refused beside the other.
// plenum verify, export, replay and import take no such lock.
//
// A session-level lock lasts as long as its connection. The lock's
// connection is pinged every second; when it is lost (the database
// restarted, the backend terminated, the connection cut) the lock is taken
// again on a new one at once and then every second, and a plain server's
// appends are refused meanwhile (AppendHook): each checks, in its own
// transaction, that the lock is granted to this server's session.
type ServerLock struct {
	cfg    *pgx.ConnConfig
	shared bool
	log    *slog.Logger

	mu   sync.Mutex
	conn *pgx.Conn // nil while lost
	pid  uint32    // conn's backend; 0 while lost
	lost error     // why it was lost, until held again

	nudge   chan struct{}
	stop    chan struct{}
	done    chan struct{}
	stopped sync.Once
}

// LockServer takes the server lock of the database dsn names on a new
// connection named application (application_name, unless the DSN names
// it), shared for a node of a cluster; it fails with a *ServedError when
// another server holds it the other way, naming its sessions, after
// trying again for lockWait. Close releases it. The schema need not exist.
func LockServer(ctx context.Context, dsn string, shared bool, application string, log *slog.Logger) (*ServerLock, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", redact(dsn), err)
	}
	if _, set := cfg.RuntimeParams["application_name"]; !set {
		if len(application) > 63 { // NAMEDATALEN - 1: PostgreSQL would cut it
			application = application[:63]
		}
		cfg.RuntimeParams["application_name"] = application
	}
	if log == nil {
		log = slog.Default()
	}
	l := &ServerLock{cfg: cfg, shared: shared, log: log, nudge: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	var conn *pgx.Conn
	for deadline := time.Now().Add(lockWait); ; {
		conn, err = l.acquire(ctx)
		if !errors.As(err, new(*ServedError)) || time.Now().After(deadline) {
			break
		}
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(100 * time.Millisecond):
		}
	}
	if err != nil {
		return nil, err
	}
	l.conn, l.pid = conn, conn.PgConn().PID()
	go l.watch()
	return l, nil
}

// lockWait is how long LockServer tries again while another server holds
// the lock: a server killed a moment ago holds it until PostgreSQL has
// noticed its connection closed and ended its backend, and one that is
// restarted at once (by systemd, say) must not be refused for that.
const lockWait = 2 * time.Second

// ServerApplication is the application_name of a server's lock
// connection: what it is, its process and host, so that the refusal of
// another server names it.
func ServerApplication(node string) string {
	host, _ := os.Hostname()
	what := "plenum serve"
	if node != "" {
		what = "plenum node " + node
	}
	return fmt.Sprintf("%s %d@%s", what, os.Getpid(), host)
}

// acquire connects and takes the lock, or says who holds it.
func (l *ServerLock) acquire(ctx context.Context) (*pgx.Conn, error) {
	conn, err := pgx.ConnectConfig(ctx, l.cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: database %q on %s:%d: %w", l.cfg.Database, l.cfg.Host, l.cfg.Port, err)
	}
	fn := "pg_try_advisory_lock"
	if l.shared {
		fn = "pg_try_advisory_lock_shared"
	}
	var got bool
	if err := conn.QueryRow(ctx, `SELECT `+fn+`($1)`, ServerLockKey).Scan(&got); err != nil {
		conn.Close(context.Background())
		return nil, fmt.Errorf("postgres: taking the server lock: %w", err)
	}
	if got {
		return conn, nil
	}
	defer conn.Close(context.Background())
	holders, err := lockHolders(ctx, conn)
	if err != nil {
		return nil, fmt.Errorf("postgres: another plenum server holds this database; who could not be read: %w", err)
	}
	return nil, &ServedError{Shared: l.shared, Holders: holders}
}

// lockHolders lists the sessions holding the server lock.
func lockHolders(ctx context.Context, conn *pgx.Conn) ([]LockHolder, error) {
	rows, err := conn.Query(ctx, `
SELECT l.pid, l.mode = 'ShareLock', coalesce(a.application_name, ''), coalesce(host(a.client_addr), ''), a.backend_start
FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
WHERE `+serverLockRow+` AND l.granted
ORDER BY a.backend_start NULLS LAST, l.pid`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (LockHolder, error) {
		var h LockHolder
		var since *time.Time
		err := r.Scan(&h.PID, &h.Shared, &h.Application, &h.Client, &since)
		if since != nil {
			h.Since = *since
		}
		return h, err
	})
}

// pingEvery is how often the lock's connection is checked, and a lost
// lock taken again.
const pingEvery = time.Second

// watch checks the lock's connection every pingEvery (or when an append
// found the lock lost) until Close, and takes the lock again when it is
// lost.
func (l *ServerLock) watch() {
	defer close(l.done)
	t := time.NewTicker(pingEvery)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-t.C:
		case <-l.nudge:
		}
		l.check()
	}
}

// check pings the lock's connection, and if it is lost, takes the lock
// again.
func (l *ServerLock) check() {
	l.mu.Lock()
	conn := l.conn
	l.mu.Unlock()
	if conn != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_, err := conn.Exec(ctx, `SELECT 1`)
		cancel()
		if err == nil {
			return
		}
		conn.Close(context.Background())
		l.mu.Lock()
		l.conn, l.pid, l.lost = nil, 0, err
		l.mu.Unlock()
		l.log.Error("postgres: the server lock's connection was lost; appends are refused until the lock is held again", "err", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := l.acquire(ctx)
	if err != nil {
		l.mu.Lock()
		first := l.lost == nil || l.lost.Error() != err.Error()
		l.lost = err
		l.mu.Unlock()
		if first {
			l.log.Error("postgres: the server lock could not be taken again; trying every second", "err", err)
		}
		return
	}
	l.mu.Lock()
	l.conn, l.pid, l.lost = conn, conn.PgConn().PID(), nil
	l.mu.Unlock()
	l.log.Info("postgres: the server lock is held again, on a new connection", "pid", conn.PgConn().PID())
}

// LockLostError refuses an append while the server does not hold its
// lock.
type LockLostError struct{ Cause error }

func (e *LockLostError) Error() string {
	why := "it is not granted to this server's session"
	if e.Cause != nil {
		why = e.Cause.Error()
	}
	return "this server's lock on the database, held on a connection of its own, was lost (" + why + "): another plenum server may serve the database meanwhile, so this one records nothing until it holds the lock again, which it tries every second; if another server has taken it, stop one of them"
}

func (e *LockLostError) Unwrap() error { return e.Cause }

// held returns the backend of the lock's connection, for an append to
// check in its transaction that it holds the lock (AppendHook); while the
// connection is lost it refuses the append at once, and has the watcher
// try to take the lock again now.
func (l *ServerLock) held() (pid uint32, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.pid == 0 {
		select {
		case l.nudge <- struct{}{}:
		default:
		}
		return 0, &LockLostError{Cause: l.lost}
	}
	return l.pid, nil
}

// heldQuery is true when the session pid holds the server lock
// exclusively: in pg_locks, which shows every session's locks.
var heldQuery = `SELECT EXISTS (SELECT 1 FROM pg_locks l WHERE ` + serverLockRow + ` AND l.granted AND l.mode = 'ExclusiveLock' AND l.pid = $1)`

// AppendHook is the append hook of a plain server holding l exclusively:
// that of a writer without a lease (see SetAppendHook), and in the same
// round trip a check that the lock is still granted to l's session, so
// that no append commits while the lock is lost (another server may have
// taken it). A node's lock (shared) fences nothing: the node's leases do.
func (l *ServerLock) AppendHook() AppendHook {
	return func(ctx context.Context, tx pgx.Tx, origin string, newSize int64) error {
		pid, err := l.held()
		if err != nil {
			return err
		}
		return leaselessHeld(ctx, tx, origin, newSize, func(b *pgx.Batch) func(pgx.BatchResults) error {
			b.Queue(heldQuery, int32(pid))
			return func(br pgx.BatchResults) error {
				var ok bool
				if err := br.QueryRow().Scan(&ok); err != nil {
					return fmt.Errorf("checking the server lock: %w", err)
				}
				if !ok {
					select {
					case l.nudge <- struct{}{}:
					default:
					}
					return &LockLostError{}
				}
				return nil
			}
		})
	}
}

// Close releases the lock and closes its connection. Calling it again
// does nothing.
func (l *ServerLock) Close() error {
	l.stopped.Do(func() { close(l.stop) })
	<-l.done
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.conn == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	// Released before the connection closes: the session's end would
	// release it too, but only once the server has ended the backend, a
	// moment after the close returns, so that a server started at once
	// after this one would find it still held.
	fn := "pg_advisory_unlock"
	if l.shared {
		fn = "pg_advisory_unlock_shared"
	}
	_, uerr := l.conn.Exec(ctx, `SELECT `+fn+`($1)`, ServerLockKey)
	err := l.conn.Close(ctx)
	l.conn, l.pid = nil, 0
	if uerr != nil {
		return fmt.Errorf("postgres: releasing the server lock: %w", uerr)
	}
	if err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("postgres: closing the server lock's connection: %w", err)
	}
	return nil
}
