package cluster

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// NameInUseError is the refusal of a node name that a live process holds:
// it has written a heartbeat within the node TTL and not stopped.
type NameInUseError struct {
	Name      string
	Advertise string
	LastSeen  time.Duration // how long before the refusal it was last seen

	seen time.Time // its last heartbeat, by the database's clock
}

func (e *NameInUseError) Error() string {
	return fmt.Sprintf("node name %q is in use by a live node at %s (last seen %v ago); give each node a name of its own, or stop that one first",
		e.Name, e.Advertise, e.LastSeen.Round(time.Millisecond))
}

// Membership is a node's entry in the registry while its process runs: it
// writes a heartbeat every Options.Heartbeat, and holds the node's leases.
type Membership struct {
	c        *Cluster
	Name     string // the node's name
	Instance string // random, this process's start
	// Advertise is the URL the other nodes reach it at, as it registered
	// it: every heartbeat writes it again, with its MAC.
	Advertise string
	opts      Options
	log       *slog.Logger

	stop chan struct{}
	done chan struct{}
	lost chan struct{}

	mu      sync.Mutex
	lostErr error
	closed  bool
	key     []byte // the registry key (Options.Key, Seal); nil until known
}

// Register enters the node name, reached at advertise, into the registry
// and starts its heartbeat. A name held by a process that is still alive
// is waited for until that one's heartbeat has been silent for the node
// TTL (a crashed predecessor of the same name), and refused with a
// *NameInUseError if it keeps beating. Bad arguments are refused before
// anything is written.
func (c *Cluster) Register(ctx context.Context, name, advertise string, opts Options, log *slog.Logger) (*Membership, error) {
	if err := CheckNodeName(name); err != nil {
		return nil, err
	}
	if err := CheckAdvertise(advertise); err != nil {
		return nil, err
	}
	opts = opts.withDefaults()
	if err := opts.check(); err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.Default()
	}
	var rnd [12]byte
	rand.Read(rnd[:])
	m := &Membership{c: c, Name: name, Instance: hex.EncodeToString(rnd[:]), Advertise: advertise, opts: opts, log: log, key: opts.Key,
		stop: make(chan struct{}), done: make(chan struct{}), lost: make(chan struct{})}
	// A holder that beats again while this one waits is alive: refused
	// once a node TTL has passed. One that does not falls silent for the
	// node TTL, and its name is taken.
	giveUp := time.Now().Add(opts.NodeTTL + opts.Heartbeat)
	var first *NameInUseError
	for {
		inUse, err := m.enter(ctx, advertise)
		if err != nil {
			return nil, fmt.Errorf("cluster: registering node %q: %w", name, err)
		}
		if inUse == nil {
			break
		}
		if first == nil {
			first = inUse
		}
		if time.Now().After(giveUp) && inUse.seen.After(first.seen) {
			return nil, inUse
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(opts.Heartbeat / 2):
		}
	}
	go m.beat()
	return m, nil
}

// enter writes the node's row unless a live process holds the name; then
// it returns who holds it.
func (m *Membership) enter(ctx context.Context, advertise string) (*NameInUseError, error) {
	tag, err := m.c.pool.Exec(ctx, `
INSERT INTO cluster_nodes (name, instance, advertise, started, last_seen, stopped, mac)
VALUES ($1, $2, $3, now(), now(), NULL, $5)
ON CONFLICT (name) DO UPDATE
SET instance = EXCLUDED.instance, advertise = EXCLUDED.advertise, started = now(), last_seen = now(), stopped = NULL, mac = EXCLUDED.mac
WHERE cluster_nodes.stopped IS NOT NULL OR cluster_nodes.last_seen <= now() - $4::interval`,
		m.Name, m.Instance, advertise, m.opts.NodeTTL, m.mac())
	if err != nil {
		return nil, err
	}
	if tag.RowsAffected() == 1 {
		return nil, nil
	}
	e := &NameInUseError{Name: m.Name}
	var ago float64
	if err := m.c.pool.QueryRow(ctx, `SELECT advertise, last_seen, EXTRACT(EPOCH FROM now() - last_seen)::float8 FROM cluster_nodes WHERE name = $1`, m.Name).Scan(&e.Advertise, &e.seen, &ago); err != nil {
		if errors.Is(err, pgx.ErrNoRows) { // gone in between: try again
			return e, nil
		}
		return nil, err
	}
	e.LastSeen = seconds(ago)
	return e, nil
}

// beat writes the heartbeat until Close. A heartbeat that finds the row
// taken by another process (this one was silent for the node TTL: paused,
// or cut off from the database) ends the membership: Lost is closed.
func (m *Membership) beat() {
	defer close(m.done)
	t := time.NewTicker(m.opts.Heartbeat)
	defer t.Stop()
	for {
		select {
		case <-m.stop:
			return
		case <-t.C:
		}
		ctx, cancel := context.WithTimeout(context.Background(), m.opts.NodeTTL)
		// The address and its MAC are written again at every beat: a
		// row edited in the database is the node's own again within a
		// heartbeat, and a row of an earlier version gets its MAC.
		tag, err := m.c.pool.Exec(ctx, `UPDATE cluster_nodes SET last_seen = now(), advertise = $3, mac = $4 WHERE name = $1 AND instance = $2 AND stopped IS NULL`, m.Name, m.Instance, m.Advertise, m.mac())
		cancel()
		switch {
		case err != nil:
			m.log.Warn("cluster: a heartbeat failed", "node", m.Name, "err", err)
		case tag.RowsAffected() == 0:
			m.end(fmt.Errorf("cluster: node %q was taken over by another process after its heartbeat was silent for %v", m.Name, m.opts.NodeTTL))
			return
		}
	}
}

// mac is the MAC of the node's row under the registry key, or nil while
// the key is not known (the row is then refused by every follower).
func (m *Membership) mac() []byte {
	key := m.registryKey()
	if key == nil {
		return nil
	}
	return nodeMAC(key, m.Name, m.Instance, m.Advertise)
}

func (m *Membership) registryKey() []byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.key
}

// Seal gives the membership the registry key (auth.RegistryKey of the
// signing key every node shares), when it was not known at Register
// (plenum serve registers the node before it loads the signing key), and
// writes the node's row's MAC at once: until then no follower forwards
// to the node. The key also checks the other nodes' rows (WriterURL).
func (m *Membership) Seal(ctx context.Context, key []byte) error {
	if len(key) == 0 {
		return errors.New("cluster: sealing the node's row: no key")
	}
	m.mu.Lock()
	m.key = key
	m.mu.Unlock()
	_, err := m.c.pool.Exec(ctx, `UPDATE cluster_nodes SET advertise = $3, mac = $4 WHERE name = $1 AND instance = $2 AND stopped IS NULL`, m.Name, m.Instance, m.Advertise, m.mac())
	if err != nil {
		return fmt.Errorf("cluster: sealing node %q's row: %w", m.Name, err)
	}
	return nil
}

func (m *Membership) end(err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.lostErr == nil {
		m.lostErr = err
		m.log.Error(err.Error())
		close(m.lost)
	}
}

// Lost is closed when another process has taken the node's name over.
func (m *Membership) Lost() <-chan struct{} { return m.lost }

// Err says why the membership was lost, or nil.
func (m *Membership) Err() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.lostErr
}

// Close stops the heartbeat and marks the node stopped, so that its name
// is free at once. It does not release the node's leases: release them
// first.
func (m *Membership) Close(ctx context.Context) error {
	m.mu.Lock()
	if m.closed {
		m.mu.Unlock()
		return nil
	}
	m.closed = true
	m.mu.Unlock()
	select {
	case <-m.stop:
	default:
		close(m.stop)
	}
	<-m.done
	_, err := m.c.pool.Exec(ctx, `UPDATE cluster_nodes SET stopped = now() WHERE name = $1 AND instance = $2`, m.Name, m.Instance)
	if err != nil {
		return fmt.Errorf("cluster: marking node %q stopped: %w", m.Name, err)
	}
	return nil
}

func (m *Membership) isClosed() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.closed
}
