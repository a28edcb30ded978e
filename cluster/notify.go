package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"plenum/store/postgres"
)

// Channel is the PostgreSQL notification channel on which a log's growth
// is announced.
const Channel = postgres.GrowthChannel

// Growth is what a notification says: the log (its origin) now holds Size
// entries. Nodes read the entries themselves from the database.
type Growth struct {
	Log  string `json:"log"`
	Size int64  `json:"size"`
}

func (g Growth) payload() (string, error) {
	if err := checkLog(g.Log); err != nil {
		return "", err
	}
	if g.Size < 1 {
		return "", fmt.Errorf("cluster: a log of %d entries has not grown", g.Size)
	}
	return postgres.GrowthPayload(g.Log, g.Size)
}

// Notify announces, inside tx, that the log has grown to size. PostgreSQL
// delivers the notification when tx commits, and never if it rolls back,
// so an append that calls Notify before its COMMIT announces exactly what
// it made durable.
func Notify(ctx context.Context, tx pgx.Tx, g Growth) error {
	p, err := g.payload()
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `SELECT pg_notify($1, $2)`, Channel, p); err != nil {
		return fmt.Errorf("cluster: notifying %s: %w", g.Log, err)
	}
	return nil
}

// Notify announces that the log has grown to size, in a transaction of its
// own: for a commit made without Notify in its transaction.
func (c *Cluster) Notify(ctx context.Context, g Growth) error {
	p, err := g.payload()
	if err != nil {
		return err
	}
	if _, err := c.pool.Exec(ctx, `SELECT pg_notify($1, $2)`, Channel, p); err != nil {
		return fmt.Errorf("cluster: notifying %s: %w", g.Log, err)
	}
	return nil
}

// Handler receives what a Listener hears, from one goroutine, in order.
type Handler struct {
	// Grown is called for each notification: a log grew to a size. A log's
	// sizes arrive in the order of the commits.
	Grown func(Growth)
	// Gap is called after the Listener's connection was lost and made
	// again: notifications sent meanwhile are lost, so sizes holds every
	// log's size as read after listening again (nothing committed after
	// that read is missed: it is notified). The caller re-reads from the
	// database whatever it holds less of.
	Gap func(sizes map[string]int64)
	// Log receives what the Listener has to report (a lost connection, a
	// notification it cannot read); nil for slog.Default.
	Log *slog.Logger
}

// Listener listens on Channel on a connection of its own, making it again
// whenever it is lost.
type Listener struct {
	c    *Cluster
	h    Handler
	ping time.Duration

	cancel context.CancelFunc
	done   chan struct{}

	mu   sync.Mutex
	conn *pgx.Conn
	gaps int
}

// Listen connects and starts listening, and returns once it listens (or
// cannot connect). Between notifications it checks the connection every
// few seconds, so that a connection cut without a word from the network
// is noticed too.
func (c *Cluster) Listen(ctx context.Context, h Handler) (*Listener, error) {
	return c.listen(ctx, h, 5*time.Second)
}

func (c *Cluster) listen(ctx context.Context, h Handler, ping time.Duration) (*Listener, error) {
	if h.Grown == nil || h.Gap == nil {
		return nil, errors.New("cluster: a listener needs both Grown and Gap")
	}
	if h.Log == nil {
		h.Log = slog.Default()
	}
	l := &Listener{c: c, h: h, ping: ping, done: make(chan struct{})}
	conn, err := l.connect(ctx)
	if err != nil {
		return nil, err
	}
	l.conn = conn
	run, cancel := context.WithCancel(context.Background())
	l.cancel = cancel
	go l.run(run)
	return l, nil
}

func (l *Listener) connect(ctx context.Context) (*pgx.Conn, error) {
	conn, err := pgx.ConnectConfig(ctx, l.c.conn.Copy())
	if err != nil {
		return nil, fmt.Errorf("cluster: listening on %s: %w", l.c.name, err)
	}
	if _, err := conn.Exec(ctx, `LISTEN `+Channel); err != nil {
		conn.Close(context.Background())
		return nil, fmt.Errorf("cluster: listening on %s: %w", l.c.name, err)
	}
	return conn, nil
}

// Close stops listening and closes the connection.
func (l *Listener) Close() {
	l.cancel()
	<-l.done
}

// Gaps returns how many times the connection was lost and made again.
func (l *Listener) Gaps() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.gaps
}

func (l *Listener) run(ctx context.Context) {
	defer close(l.done)
	defer func() {
		if l.conn != nil {
			l.conn.Close(context.Background())
		}
	}()
	for ctx.Err() == nil {
		err := l.receive(ctx)
		if ctx.Err() != nil {
			return
		}
		l.h.Log.Warn("cluster: the listener's connection was lost; connecting again", "err", err)
		l.conn.Close(context.Background())
		l.conn = nil
		sizes, ok := l.reconnect(ctx)
		if !ok {
			return
		}
		l.mu.Lock()
		l.gaps++
		l.mu.Unlock()
		l.h.Gap(sizes)
	}
}

// receive delivers notifications until the connection fails.
func (l *Listener) receive(ctx context.Context) error {
	for {
		wctx, cancel := context.WithTimeout(ctx, l.ping)
		n, err := l.conn.WaitForNotification(wctx)
		cancel()
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			if !errors.Is(err, context.DeadlineExceeded) {
				return err
			}
			// Quiet: is the connection still there?
			pctx, cancel := context.WithTimeout(ctx, l.ping)
			err := l.conn.Ping(pctx)
			cancel()
			if err != nil {
				return err
			}
			continue
		}
		var g Growth
		if err := json.Unmarshal([]byte(n.Payload), &g); err != nil || checkLog(g.Log) != nil || g.Size < 1 {
			l.h.Log.Warn("cluster: a notification on "+Channel+" that is not a log's growth, ignored", "payload", n.Payload)
			continue
		}
		l.h.Grown(g)
	}
}

// reconnect connects and listens again, from 50 ms between attempts
// doubling to at most a second, then reads every log's size.
func (l *Listener) reconnect(ctx context.Context) (map[string]int64, bool) {
	wait := 50 * time.Millisecond
	for {
		select {
		case <-ctx.Done():
			return nil, false
		case <-time.After(wait):
		}
		wait = min(2*wait, time.Second)
		cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		conn, err := l.connect(cctx)
		if err == nil {
			var sizes map[string]int64
			sizes, err = readSizes(cctx, conn)
			if err == nil {
				cancel()
				l.conn = conn
				return sizes, true
			}
			conn.Close(context.Background())
		}
		cancel()
		if ctx.Err() != nil {
			return nil, false
		}
		l.h.Log.Warn("cluster: the listener cannot connect yet", "err", err)
	}
}

// readSizes reads every log's size.
func readSizes(ctx context.Context, q interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}) (map[string]int64, error) {
	rows, err := q.Query(ctx, `SELECT origin, size FROM logs`)
	if err != nil {
		return nil, err
	}
	sizes := map[string]int64{}
	var origin string
	var size int64
	_, err = pgx.ForEachRow(rows, []any{&origin, &size}, func() error {
		sizes[origin] = size
		return nil
	})
	return sizes, err
}
