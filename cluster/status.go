package cluster

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// NodeStatus is a node as the registry has it.
type NodeStatus struct {
	Name      string
	Advertise string
	Started   time.Time
	LastSeen  time.Time
	Stopped   time.Time     // zero unless it shut down cleanly
	Silent    time.Duration // since its last heartbeat, by the database's clock
	Alive     bool          // not stopped, and seen within the node TTL given to Status
}

// LeaseStatus is a log's lease as the database has it.
type LeaseStatus struct {
	Log     string
	Holder  string
	Token   int64
	Since   time.Time
	Expires time.Time
	Left    time.Duration // until it expires, by the database's clock; ≤ 0 once expired
}

// LogStatus is a log's size.
type LogStatus struct {
	Log  string
	Size int64
}

// Status is the whole cluster at one moment (one read-only transaction).
type Status struct {
	At     time.Time // the database's clock
	Nodes  []NodeStatus
	Leases []LeaseStatus
	Logs   []LogStatus
}

// Status reads the nodes, leases and logs in one snapshot; a node counts
// as alive if seen within nodeTTL (0: the default).
func (c *Cluster) Status(ctx context.Context, nodeTTL time.Duration) (*Status, error) {
	if nodeTTL <= 0 {
		nodeTTL = Options{}.withDefaults().NodeTTL
	}
	tx, err := c.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, fmt.Errorf("cluster: %s: %w", c.name, err)
	}
	defer tx.Rollback(context.Background())
	st := &Status{}
	if err := tx.QueryRow(ctx, `SELECT now()`).Scan(&st.At); err != nil {
		return nil, err
	}
	rows, err := tx.Query(ctx, `
SELECT name, advertise, started, last_seen, stopped, EXTRACT(EPOCH FROM now() - last_seen)::float8
FROM cluster_nodes ORDER BY name`)
	if err != nil {
		return nil, err
	}
	var n NodeStatus
	var stopped *time.Time
	var silent float64
	if _, err := pgx.ForEachRow(rows, []any{&n.Name, &n.Advertise, &n.Started, &n.LastSeen, &stopped, &silent}, func() error {
		n.Stopped = time.Time{}
		if stopped != nil {
			n.Stopped = *stopped
		}
		n.Silent = seconds(silent)
		n.Alive = stopped == nil && n.Silent < nodeTTL
		st.Nodes = append(st.Nodes, n)
		return nil
	}); err != nil {
		return nil, err
	}
	rows, err = tx.Query(ctx, `
SELECT log, holder, token, since, expires, EXTRACT(EPOCH FROM expires - now())::float8
FROM cluster_leases ORDER BY log`)
	if err != nil {
		return nil, err
	}
	var l LeaseStatus
	var left float64
	if _, err := pgx.ForEachRow(rows, []any{&l.Log, &l.Holder, &l.Token, &l.Since, &l.Expires, &left}, func() error {
		l.Left = seconds(left)
		st.Leases = append(st.Leases, l)
		return nil
	}); err != nil {
		return nil, err
	}
	rows, err = tx.Query(ctx, `SELECT origin, size FROM logs ORDER BY origin`)
	if err != nil {
		return nil, err
	}
	var g LogStatus
	if _, err := pgx.ForEachRow(rows, []any{&g.Log, &g.Size}, func() error {
		st.Logs = append(st.Logs, g)
		return nil
	}); err != nil {
		return nil, err
	}
	return st, nil
}

func seconds(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }
