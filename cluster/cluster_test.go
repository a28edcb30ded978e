package cluster

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"plenum/fault/pgfault"
	"plenum/store/postgres"
	"plenum/store/postgres/pgtest"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// fresh returns a fresh database, migrated as plenum serve leaves it.
func fresh(t *testing.T) string {
	t.Helper()
	dsn := pgtest.Fresh(t)
	st, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	return dsn
}

func open(t *testing.T, dsn string) *Cluster {
	t.Helper()
	c, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

// proxied returns dsn reaching the server through a fault proxy, closed
// when the test ends.
var proxied = pgfault.Proxied

// testKey is the registry key of the tests' nodes (auth.RegistryKey of
// the signing key they share, in plenum serve).
var testKey = []byte("the tests' registry key, 32 byte")

func register(t *testing.T, c *Cluster, name string, opts Options) *Membership {
	t.Helper()
	if opts.Key == nil {
		opts.Key = testKey
	}
	m, err := c.Register(context.Background(), name, "http://"+name+".example:8080", opts, quiet)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close(context.Background()) })
	return m
}

func count(t *testing.T, c *Cluster, table string) int {
	t.Helper()
	var n int
	if err := c.pool.QueryRow(context.Background(), `SELECT count(*) FROM `+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestOpenRefuses: a SQLite path, and a database no plenum of this
// version has migrated, are refused, saying what to do.
func TestOpenRefuses(t *testing.T) {
	ctx := context.Background()
	if _, err := Open(ctx, filepath.Join(t.TempDir(), "plenum.db")); err == nil || !strings.Contains(err.Error(), "only a PostgreSQL database has a cluster") {
		t.Errorf("a SQLite path: %v", err)
	}
	dsn := pgtest.Fresh(t) // not migrated
	_, err := Open(ctx, dsn)
	if err == nil || !strings.Contains(err.Error(), "schema_migrations") && !strings.Contains(err.Error(), "open it once with plenum serve") {
		t.Errorf("an empty database: %v", err)
	}
	if strings.Contains(err.Error(), "password") {
		t.Errorf("the error shows the DSN: %v", err)
	}
}

// TestRegisterRefusesBadArguments: a bad name, URL or timing is refused
// and nothing is written.
func TestRegisterRefusesBadArguments(t *testing.T) {
	c := open(t, fresh(t))
	ctx := context.Background()
	for _, tc := range []struct{ name, advertise, want string }{
		{"", "http://a:1", "give 1 to 63 characters"},
		{strings.Repeat("n", 64), "http://a:1", "give 1 to 63 characters"},
		{"-a", "http://a:1", "starting with a letter or digit"},
		{"a b", "http://a:1", "letters, digits"},
		{"node/1", "http://a:1", "letters, digits"},
		{"a", "", "http:// or https://"},
		{"a", "10.0.0.5:8080", "http:// or https://"},
		{"a", "ftp://a", "http:// or https://"},
		{"a", "http://", "names no host"},
		{"a", "http://u:pw@a:1", "without a user"},
		{"a", "http://a:1/?x=1", "without a user, query or fragment"},
		{"a", "http://a:1/#f", "without a user, query or fragment"},
	} {
		if _, err := c.Register(ctx, tc.name, tc.advertise, Options{}, quiet); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Register(%q, %q) = %v, want %q", tc.name, tc.advertise, err, tc.want)
		}
	}
	if _, err := c.Register(ctx, "a", "http://a:1", Options{Heartbeat: time.Second, NodeTTL: time.Second}, quiet); err == nil || !strings.Contains(err.Error(), "at least two heartbeats") {
		t.Errorf("a node TTL shorter than two heartbeats: %v", err)
	}
	if n := count(t, c, "cluster_nodes"); n != 0 {
		t.Errorf("refused registrations wrote %d nodes", n)
	}
}

// TestNodeNames: a name a live node holds is refused, naming it, after
// waiting out one node TTL; a stopped node's name is free at once; a
// silent one's after the node TTL, and the silent one, when it beats
// again, learns that it lost its name.
func TestNodeNames(t *testing.T) {
	dsn := fresh(t)
	c := open(t, dsn)
	ctx := context.Background()
	// A live node must beat within the node TTL: on the 2-core CI
	// machine under load, with the race detector and PostgreSQL's
	// checkpoints syncing for a second, 300 ms (6 beats) was once missed
	// and the live node's name taken.
	opts := Options{Heartbeat: 100 * time.Millisecond, NodeTTL: 1500 * time.Millisecond}
	a := register(t, c, "a", opts)
	start := time.Now()
	_, err := c.Register(ctx, "a", "http://elsewhere:1", opts, quiet)
	var inUse *NameInUseError
	if !errors.As(err, &inUse) || inUse.Advertise != "http://a.example:8080" || !strings.Contains(err.Error(), `node name "a" is in use by a live node at http://a.example:8080`) {
		t.Fatalf("a live node's name: %v", err)
	}
	if waited := time.Since(start); waited < opts.NodeTTL {
		t.Errorf("refused after %v, before the node TTL", waited)
	}
	st, err := c.Status(ctx, opts.NodeTTL)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Nodes) != 1 || !st.Nodes[0].Alive || st.Nodes[0].Advertise != "http://a.example:8080" {
		t.Fatalf("status after a refused registration: %+v", st.Nodes)
	}
	if err := a.Close(ctx); err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	b := register(t, c, "a", opts)
	if waited := time.Since(start); waited > opts.NodeTTL {
		t.Errorf("a stopped node's name was free only after %v", waited)
	}
	// b falls silent (its process paused: the heartbeat stops without a
	// word); c takes the name over once the node TTL has passed.
	close(b.stop)
	<-b.done
	cc := register(t, c, "a", opts)
	if cc.Instance == b.Instance {
		t.Fatal("the same instance twice")
	}
	// b beats again, and finds its name taken.
	b.stop, b.done = make(chan struct{}), make(chan struct{})
	go b.beat()
	select {
	case <-b.Lost():
		if !strings.Contains(b.Err().Error(), "taken over by another process") {
			t.Errorf("b's loss: %v", b.Err())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the silent node did not learn that its name was taken")
	}
	st, _ = c.Status(ctx, opts.NodeTTL)
	if len(st.Nodes) != 1 || !st.Nodes[0].Alive {
		t.Fatalf("status: %+v", st.Nodes)
	}
	if _, err := b.Acquire(ctx, "x/log/y"); err == nil {
		t.Error("a node that lost its name acquired a lease")
	}
}
