// Package cluster keeps, in a PostgreSQL database, who may write which
// assembly's log and which plenum nodes are alive: a writer's lease per log
// (a row with an expiry on the database's clock and a fencing token that
// rises at every acquisition), a registry of nodes with their heartbeats,
// and the notifications that tell every node a log has grown (LISTEN and
// NOTIFY). docs/cluster.md says what it is for and what is still missing.
//
// Its tables are made by the PostgreSQL store's migration 0010; a Cluster
// opens its own small pool of connections to the database, apart from the
// store's, so that a busy store never holds up a lease's renewal, and the
// Listener holds one more connection of its own.
package cluster

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"plenum/store"
	"plenum/store/postgres"
)

// SchemaVersion is the latest migration of the PostgreSQL store that makes
// the cluster's tables (0010: nodes and leases; 0011: the signing key;
// 0021: the MAC of a node's row).
const SchemaVersion = 21

// maxConns is the size of a Cluster's own pool: heartbeats, renewals and
// the status queries are small and rare.
const maxConns = 4

// idleInTransaction is the idle_in_transaction_session_timeout of the
// Cluster's connections, unless the DSN sets one.
const idleInTransaction = "5s"

// Cluster is a connection to the cluster's tables in one PostgreSQL
// database.
type Cluster struct {
	pool *pgxpool.Pool
	conn *pgx.ConnConfig // for the Listener's connections
	name string          // the database in messages, without its password
}

// Open connects to the PostgreSQL database dsn names, whose schema
// plenum serve (or any command opening it for writing) has brought to
// SchemaVersion or later. A SQLite path is refused: only PostgreSQL
// databases have a cluster.
func Open(ctx context.Context, dsn string) (*Cluster, error) {
	if !store.IsPostgres(dsn) {
		return nil, fmt.Errorf("cluster: %q is not a postgres:// URL: only a PostgreSQL database has a cluster (a SQLite database has one writing process)", dsn)
	}
	name := postgres.Redact(dsn)
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("cluster: %s: %w", name, err)
	}
	cfg.MaxConns = maxConns
	cfg.MinConns = 1
	if _, set := cfg.ConnConfig.RuntimeParams["application_name"]; !set {
		// What pg_stat_activity calls it (the store's pool: "plenum").
		cfg.ConnConfig.RuntimeParams["application_name"] = "plenum cluster"
	}
	if _, set := cfg.ConnConfig.RuntimeParams["idle_in_transaction_session_timeout"]; !set {
		// A transaction fenced on a lease holds the lease's row: one
		// whose process is paused or gone must not hold it for long.
		cfg.ConnConfig.RuntimeParams["idle_in_transaction_session_timeout"] = idleInTransaction
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("cluster: %s: %w", name, err)
	}
	c := &Cluster{pool: pool, conn: cfg.ConnConfig, name: name}
	var ok bool
	err = pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = $1)`, SchemaVersion).Scan(&ok)
	switch {
	case err != nil:
		pool.Close()
		return nil, fmt.Errorf("cluster: %s: %w", name, err)
	case !ok:
		pool.Close()
		return nil, fmt.Errorf("cluster: %s has no cluster tables (schema version %d): open it once with plenum serve of this version", name, SchemaVersion)
	}
	return c, nil
}

// Close closes the Cluster's connections. Leases, memberships and
// listeners made through it must be closed first.
func (c *Cluster) Close() { c.pool.Close() }

// Options are the timings of a node's membership and leases; the zero
// value of each field takes its default.
type Options struct {
	// Heartbeat is how often a node writes that it is alive (default 1 s).
	Heartbeat time.Duration
	// NodeTTL is how long after its last heartbeat a node counts as gone,
	// and its name may be taken by another process (default 5 s).
	NodeTTL time.Duration
	// LeaseTTL is how long a lease lasts without a renewal (default 3 s);
	// a lease is renewed every third of it. A writer that dies holds its
	// leases at most this long.
	LeaseTTL time.Duration
	// Key is the registry key (auth.RegistryKey): the node's row is
	// written with its MAC under it, and the writers' rows are checked
	// with it before a command is forwarded (WriterURL). Without it, the
	// key is given later (Membership.Seal), and until then the node's row
	// is refused by the others and it forwards nothing.
	Key []byte
}

func (o Options) withDefaults() Options {
	if o.Heartbeat <= 0 {
		o.Heartbeat = time.Second
	}
	if o.NodeTTL <= 0 {
		o.NodeTTL = 5 * time.Second
	}
	if o.LeaseTTL <= 0 {
		o.LeaseTTL = 3 * time.Second
	}
	return o
}

func (o Options) check() error {
	switch {
	case o.NodeTTL < 2*o.Heartbeat:
		return fmt.Errorf("cluster: the node TTL (%v) must be at least two heartbeats (%v)", o.NodeTTL, o.Heartbeat)
	case o.LeaseTTL < 30*time.Millisecond:
		return fmt.Errorf("cluster: a lease TTL of %v is too short to renew", o.LeaseTTL)
	}
	return nil
}

// CheckNodeName checks a node's name: 1 to 63 letters, digits, '.', '-'
// and '_', starting with a letter or digit.
func CheckNodeName(name string) error {
	if name == "" || len(name) > 63 {
		return fmt.Errorf("node name %q: give 1 to 63 characters", name)
	}
	for i, r := range name {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || (i > 0 && (r == '.' || r == '-' || r == '_'))
		if !ok {
			return fmt.Errorf("node name %q: use letters, digits, '.', '-' and '_' only, starting with a letter or digit", name)
		}
	}
	return nil
}

// CheckAdvertise checks the URL a node is reached at by the others: http
// or https, with a host, and no user, query or fragment.
func CheckAdvertise(advertise string) error {
	u, err := url.Parse(advertise)
	switch {
	case !strings.HasPrefix(advertise, "http://") && !strings.HasPrefix(advertise, "https://"):
		return fmt.Errorf("advertise URL %q: give an http:// or https:// URL, such as http://10.0.0.5:8080", advertise)
	case err != nil:
		return fmt.Errorf("advertise URL %q: %v", advertise, err)
	case u.Scheme != "http" && u.Scheme != "https":
		return fmt.Errorf("advertise URL %q: give an http:// or https:// URL, such as http://10.0.0.5:8080", advertise)
	case u.Host == "" || u.Hostname() == "":
		return fmt.Errorf("advertise URL %q: it names no host", advertise)
	case u.User != nil || u.RawQuery != "" || u.Fragment != "" || strings.HasSuffix(advertise, "?") || strings.HasSuffix(advertise, "#"):
		return fmt.Errorf("advertise URL %q: give the server's address only, without a user, query or fragment", advertise)
	}
	return nil
}

// checkLog checks a log's name as leases and notifications carry it: the
// origin, a non-empty line of at most 1000 bytes.
func checkLog(log string) error {
	if log == "" || len(log) > 1000 || strings.ContainsAny(log, "\n\x00") {
		return fmt.Errorf("cluster: %q is not a log's origin", log)
	}
	return nil
}

// errClosed is returned by the methods of a closed Membership.
var errClosed = errors.New("cluster: the node's membership is closed")
