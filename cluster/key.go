package cluster

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// KeyMismatchError is the refusal of a node whose signing key is not the
// one the cluster's logs of its server name are signed with.
type KeyMismatchError struct {
	Server   string
	Recorded string // the cluster's verifier key
	Node     string // the node that recorded it
	Mine     string // this node's verifier key
}

func (e *KeyMismatchError) Error() string {
	return fmt.Sprintf("cluster: this node's signing key (verifier %s) is not the cluster's: the logs of %s are signed with %s (recorded by node %q). Give every node the same signing.key: copy it from that node's data directory",
		e.Mine, e.Server, e.Recorded, e.Node)
}

// CheckKey records vkey as the verifier key of server's logs if none is
// recorded yet, and refuses (*KeyMismatchError) a node whose key is not the
// one recorded. The row is inserted once, whoever comes first; every
// node, including one started at the same moment, compares its key with
// the row that won. Call it before the node signs anything. (The record
// itself is checked too: a node's engine audits every log with its key at
// start, so a key recorded by mistake, beside logs signed with another,
// stops every node that has it.)
func (m *Membership) CheckKey(ctx context.Context, server, vkey string) error {
	if _, err := m.c.pool.Exec(ctx, `INSERT INTO cluster_keys (server, verifier, node) VALUES ($1, $2, $3) ON CONFLICT (server) DO NOTHING`, server, vkey, m.Name); err != nil {
		return fmt.Errorf("cluster: recording the signing key: %w", err)
	}
	var recorded, node string
	err := m.c.pool.QueryRow(ctx, `SELECT verifier, node FROM cluster_keys WHERE server = $1`, server).Scan(&recorded, &node)
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("cluster: the signing key of %s was recorded and is gone: another process deletes cluster_keys", server)
	}
	if err != nil {
		return fmt.Errorf("cluster: reading the signing key: %w", err)
	}
	if recorded != vkey {
		return &KeyMismatchError{Server: server, Recorded: recorded, Node: node, Mine: vkey}
	}
	return nil
}

// Sizes returns every log's size, as the database holds it now.
func (c *Cluster) Sizes(ctx context.Context) (map[string]int64, error) {
	return readSizes(ctx, c.pool)
}
