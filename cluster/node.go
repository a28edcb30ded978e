package cluster

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"

	"plenum/engine"
)

// Node is a plenum serve's part in the cluster, as its engine and store
// use it: it takes the writer's leases for the engine (engine.Leases),
// fences every append on them and announces it (AppendHook), tells where
// a log's writer is reached (WriterURL), and watches for leases that
// expire (Watch).
type Node struct {
	m *Membership

	mu     sync.Mutex
	leases map[string]*Lease // origin → the lease held, until lost

	writersMu sync.Mutex
	writers   map[string]*writerLookup // origin → the last look-up of its writer
	lookups   atomic.Int64             // the look-ups sent to the database, for tests
	forged    atomic.Bool              // a writer's row without a valid MAC was refused (logged once)

	stop chan struct{}
	done sync.WaitGroup
}

// writerLookup is one reading of a log's writer from the database
// (WriterURL): in progress until done is closed, then its answer, read
// at at.
type writerLookup struct {
	done            chan struct{}
	at              time.Time
	name, advertise string
	err             error
}

// NewNode returns the Node of membership m.
func NewNode(m *Membership) *Node {
	return &Node{m: m, leases: map[string]*Lease{}, writers: map[string]*writerLookup{}, stop: make(chan struct{})}
}

var _ engine.Leases = (*Node)(nil)

// Acquire implements engine.Leases: the log's lease, if nobody holds it
// or its holder's has expired. A lease held by another live node is
// refused with an *engine.NotWriterError naming it; one held by an
// earlier process of this node's name, or whose last holder's append is
// still in progress, with a *HeldError (try again: it expires).
func (n *Node) Acquire(ctx context.Context, origin string) (engine.Lease, error) {
	l, err := n.m.Acquire(ctx, origin)
	var held *HeldError
	if errors.As(err, &held) && !held.InTransaction && held.Holder != n.m.Name {
		return nil, &engine.NotWriterError{Holder: held.Holder}
	}
	if err != nil {
		return nil, err
	}
	n.mu.Lock()
	n.leases[origin] = l
	n.mu.Unlock()
	go func() {
		<-l.Lost()
		n.mu.Lock()
		if n.leases[origin] == l {
			delete(n.leases, origin)
		}
		n.mu.Unlock()
	}()
	return l, nil
}

// AppendHook is the PostgreSQL store's append hook (postgres.AppendHook)
// on a node: inside the append's transaction it refuses the append unless
// this node holds the log's live lease (Lease.Fence: checked on the
// database's clock, and the lease's row held until the transaction ends,
// so no other node can take the log before it commits or rolls back), and
// announces the log's new size to the other nodes (Notify: delivered on
// commit only).
func (n *Node) AppendHook(ctx context.Context, tx pgx.Tx, origin string, newSize int64) error {
	n.mu.Lock()
	l := n.leases[origin]
	n.mu.Unlock()
	if l == nil || !l.Held() {
		return fmt.Errorf("%w (%s: node %q holds no live lease of it)", ErrFenced, origin, n.m.Name)
	}
	if err := l.Fence(ctx, tx); err != nil {
		return err
	}
	return Notify(ctx, tx, Growth{Log: origin, Size: newSize})
}

// ErrNoWriter is returned by WriterURL when no live node holds the log's
// lease.
var ErrNoWriter = errors.New("cluster: no live node holds the log's lease")

// WriterURL returns the advertise URL of the node that holds the log's
// live lease, if that node is alive (registered, not stopped, seen within
// the node TTL): the only addresses a node forwards a command to are
// those the nodes registered themselves under. A row whose MAC does not
// hold under this node's registry key (edited or planted in the database)
// is refused with ErrForgedWriter, and logged once per process.
//
// Every command a follower forwards asks it, hundreds at once in a vote,
// so the database is not asked for each: a writer found is believed for
// writerFresh (a lease changes hands in seconds, not milliseconds, and a
// command forwarded to a node that no longer writes is refused there,
// nothing recorded: 503, send again), and the callers that ask while the
// database is being asked wait for that one answer. "No writer" and
// errors are not kept: the next caller asks again.
func (n *Node) WriterURL(ctx context.Context, origin string) (name, advertise string, err error) {
	if err := ctx.Err(); err != nil {
		return "", "", fmt.Errorf("cluster: finding the writer of %s: %w", origin, err)
	}
	n.writersMu.Lock()
	w := n.writers[origin]
	fresh := false
	if w != nil {
		select {
		case <-w.done:
			fresh = w.err == nil && time.Since(w.at) < writerFresh
		default:
			fresh = true // in progress: its answer is the freshest
		}
	}
	if !fresh {
		w = &writerLookup{done: make(chan struct{})}
		n.writers[origin] = w
		go n.lookUpWriter(origin, w)
	}
	n.writersMu.Unlock()
	select {
	case <-w.done:
		return w.name, w.advertise, w.err
	case <-ctx.Done():
		return "", "", fmt.Errorf("cluster: finding the writer of %s: %w", origin, ctx.Err())
	}
}

// writerFresh is how long WriterURL believes a writer it read from the
// database: less than a lease's renewal interval (a third of its TTL,
// 1 s by default).
const writerFresh = 250 * time.Millisecond

// writerLookupTimeout bounds one reading of a log's writer, which every
// caller waiting for it shares (each also gives up at its own context's
// end).
const writerLookupTimeout = 5 * time.Second

// lookUpWriter reads the writer of the log origin from the database into
// w, then closes w.done.
func (n *Node) lookUpWriter(origin string, w *writerLookup) {
	defer close(w.done)
	n.lookups.Add(1)
	ctx, cancel := context.WithTimeout(context.Background(), writerLookupTimeout)
	defer cancel()
	w.at = time.Now()
	var instance string
	var mac []byte
	err := n.m.c.pool.QueryRow(ctx, `
SELECT n.name, n.instance, n.advertise, n.mac FROM cluster_leases l JOIN cluster_nodes n ON n.instance = l.instance
WHERE l.log = $1 AND l.expires > now() AND n.stopped IS NULL AND n.last_seen > now() - $2::interval`,
		origin, n.m.opts.NodeTTL).Scan(&w.name, &instance, &w.advertise, &mac)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		w.err = fmt.Errorf("%w: %s", ErrNoWriter, origin)
	case err != nil:
		w.err = fmt.Errorf("cluster: finding the writer of %s: %w", origin, err)
	case !nodeMACOK(n.m.registryKey(), mac, w.name, instance, w.advertise):
		if !n.forged.Swap(true) {
			n.m.log.Error("cluster: the writer's address in the database was not written by a plenum node: no command is forwarded to it (edited or planted in the database outside plenum, or written by a node with another signing key or of an earlier version, which rewrites it at its next heartbeat; logged once)", "log", origin, "node", w.name)
		}
		w.err = fmt.Errorf("%w (%s, node %q)", ErrForgedWriter, origin, w.name)
		w.name, w.advertise = "", ""
	}
}

// Name returns the node's name.
func (n *Node) Name() string { return n.m.Name }

// Watch calls expired, every interval until Close, with each log whose
// lease has expired or was released (its writer died, was cut off or shut
// down): the caller takes over those it serves (engine.TakeOver), without
// waiting for a command.
func (n *Node) Watch(interval time.Duration, expired func(origin string)) {
	n.done.Add(1)
	go func() {
		defer n.done.Done()
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-n.stop:
				return
			case <-t.C:
			}
			ctx, cancel := context.WithTimeout(context.Background(), interval)
			rows, err := n.m.c.pool.Query(ctx, `SELECT log FROM cluster_leases WHERE expires <= now()`)
			var logs []string
			if err == nil {
				logs, err = pgx.CollectRows(rows, pgx.RowTo[string])
			}
			cancel()
			if err != nil {
				n.m.log.Warn("cluster: reading the expired leases failed", "err", err)
				continue
			}
			for _, o := range logs {
				expired(o)
			}
		}
	}()
}

// Close stops Watch. The leases are released by their holders (the
// engine's assemblies, as they close).
func (n *Node) Close() {
	select {
	case <-n.stop:
	default:
		close(n.stop)
	}
	n.done.Wait()
}
