package main

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/auth"
	"plenum/cluster"
	"plenum/engine"
	"plenum/i18n"
	"plenum/ledger"
	"plenum/store"
	"plenum/store/postgres"
)

func init() {
	register(&subcommand{
		name:    "cluster",
		summary: "the nodes on a PostgreSQL database, their leases, the logs' sizes",
		usage: `
NAME
    plenum cluster — the plenum nodes sharing a PostgreSQL database

SYNOPSIS
    plenum cluster status --db URL [--node-ttl DURATION] [--json]

DESCRIPTION
    status
        Lists, as one snapshot of the database, taken by its clock:

        the nodes: every plenum serve started with --node-name on this
        database — its name, the URL it advertises, when it started, when
        it was last seen (its heartbeat, every second), and whether it is
        alive (seen within --node-ttl and not stopped), silent (not seen
        for longer: crashed, paused or cut off) or stopped (shut down
        cleanly);

        the leases: per log, the node that holds or last held the right to
        write it, its fencing token, since when, and when the lease
        expires (or expired);

        the logs: every assembly's log and its size in entries.

        It reads only. A node started with --node-name takes an
        assembly's lease on its first command there, and the nodes take
        over the leases that expire (docs/cluster.md).

OPTIONS
    --db URL          the postgres:// URL of the database (a SQLite
                      database has one writing process, and no cluster)
    --node-ttl D      how long after its last heartbeat a node counts as
                      silent (default 5s, as plenum serve uses)
    --json            print the status as one JSON object, for monitoring:
                      {"at", "nodes": [{"name", "advertise", "started",
                      "last_seen", "stopped" (if it did), "silent_seconds",
                      "state": "alive"|"silent"|"stopped"}], "leases":
                      [{"log", "holder", "token", "since", "expires",
                      "expired"}], "logs": [{"log", "size"}]}, times in
                      RFC 3339, UTC

EXIT STATUS
    0 when the status was read, 1 if the database could not be read, 2
    for a usage error.

EXAMPLES
    plenum cluster status --db 'postgres://plenum@db.example/plenum?sslmode=verify-full'
`,
		run: runCluster,
	})
}

func runCluster(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return &exitError{code: 2, msg: env.locale().T("cli.cluster.no_sub")}
	}
	if args[0] != "status" {
		return &exitError{code: 2, msg: env.locale().T("cli.cluster.unknown_sub", args[0])}
	}
	fs := newFlagSet(subcommands["cluster"], env)
	db := fs.String("db", "", "")
	ttl := fs.Duration("node-ttl", 5*time.Second, "")
	asJSON := fs.Bool("json", false, "")
	if err := fs.Parse(args[1:]); err != nil {
		return usageErr(err)
	}
	switch {
	case fs.NArg() != 0:
		return &exitError{code: 2, msg: env.locale().T("cli.cluster.no_args")}
	case *db == "":
		return &exitError{code: 2, msg: env.locale().T("cli.cluster.no_db")}
	case !store.IsPostgres(*db):
		return &exitError{code: 2, msg: env.locale().T("cli.cluster.not_pg", *db)}
	case *ttl <= 0:
		return &exitError{code: 2, msg: env.locale().T("cli.cluster.ttl")}
	}
	// The refusals every command gives: unreachable, not plenum's, a
	// schema older or newer than this plenum.
	st, err := postgres.OpenReadOnly(ctx, *db)
	if err != nil {
		return err
	}
	st.Close()
	c, err := cluster.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer c.Close()
	s, err := c.Status(ctx, *ttl)
	if err != nil {
		return err
	}
	if *asJSON {
		return printStatusJSON(env.stdout, s)
	}
	printStatus(env.stdout, postgres.Redact(*db), s)
	return nil
}

// nodeState is a node's state as status shows it.
func nodeState(n cluster.NodeStatus) string {
	switch {
	case !n.Stopped.IsZero():
		return "stopped"
	case !n.Alive:
		return "silent"
	}
	return "alive"
}

// printStatusJSON writes the cluster's status as one JSON object.
func printStatusJSON(w io.Writer, s *cluster.Status) error {
	type node struct {
		Name      string     `json:"name"`
		Advertise string     `json:"advertise"`
		Started   time.Time  `json:"started"`
		LastSeen  time.Time  `json:"last_seen"`
		Stopped   *time.Time `json:"stopped,omitempty"`
		Silent    float64    `json:"silent_seconds"`
		State     string     `json:"state"`
	}
	type lease struct {
		Log     string    `json:"log"`
		Holder  string    `json:"holder"`
		Token   int64     `json:"token"`
		Since   time.Time `json:"since"`
		Expires time.Time `json:"expires"`
		Expired bool      `json:"expired"`
	}
	type logSize struct {
		Log  string `json:"log"`
		Size int64  `json:"size"`
	}
	out := struct {
		At     time.Time `json:"at"`
		Nodes  []node    `json:"nodes"`
		Leases []lease   `json:"leases"`
		Logs   []logSize `json:"logs"`
	}{At: s.At.UTC(), Nodes: []node{}, Leases: []lease{}, Logs: []logSize{}}
	for _, n := range s.Nodes {
		j := node{Name: n.Name, Advertise: n.Advertise, Started: n.Started.UTC(), LastSeen: n.LastSeen.UTC(), Silent: n.Silent.Seconds(), State: nodeState(n)}
		if !n.Stopped.IsZero() {
			t := n.Stopped.UTC()
			j.Stopped = &t
		}
		out.Nodes = append(out.Nodes, j)
	}
	for _, l := range s.Leases {
		out.Leases = append(out.Leases, lease{l.Log, l.Holder, l.Token, l.Since.UTC(), l.Expires.UTC(), l.Left <= 0})
	}
	for _, l := range s.Logs {
		out.Logs = append(out.Logs, logSize{l.Log, l.Size})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// printStatus writes the cluster's status as three tables.
func printStatus(w io.Writer, db string, s *cluster.Status) {
	stamp := func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05") }
	ago := func(d time.Duration) string { return d.Round(100*time.Millisecond).String() + " ago" }
	fmt.Fprintf(w, "%s, at %s UTC\n", db, stamp(s.At))
	alive := 0
	for _, n := range s.Nodes {
		if n.Alive {
			alive++
		}
	}
	fmt.Fprintf(w, "\nNodes: %d, %d alive\n", len(s.Nodes), alive)
	if len(s.Nodes) == 0 {
		fmt.Fprintln(w, "  none has registered (plenum serve --node-name NAME --advertise URL registers one)")
	} else {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  NAME\tADVERTISE\tSTARTED\tLAST SEEN\tSTATE")
		for _, n := range s.Nodes {
			state := nodeState(n)
			if state == "stopped" {
				state += " at " + stamp(n.Stopped)
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", n.Name, n.Advertise, stamp(n.Started), ago(n.Silent), state)
		}
		tw.Flush()
	}
	fmt.Fprintf(w, "\nLeases: %d\n", len(s.Leases))
	if len(s.Leases) == 0 {
		fmt.Fprintln(w, "  none taken")
	} else {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  LOG\tHOLDER\tTOKEN\tSINCE\tEXPIRES")
		for _, l := range s.Leases {
			exp := "in " + l.Left.Round(100*time.Millisecond).String()
			if l.Left <= 0 {
				exp = "expired " + ago(-l.Left)
			}
			fmt.Fprintf(tw, "  %s\t%s\t%d\t%s\t%s\n", l.Log, l.Holder, l.Token, stamp(l.Since), exp)
		}
		tw.Flush()
	}
	fmt.Fprintf(w, "\nLogs: %d\n", len(s.Logs))
	if len(s.Logs) == 0 {
		fmt.Fprintln(w, "  none yet")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  LOG\tSIZE")
	for _, l := range s.Logs {
		fmt.Fprintf(tw, "  %s\t%d\n", l.Log, l.Size)
	}
	tw.Flush()
}

// nodeFlags checks serve's --node-name and --advertise before anything
// is opened: both or neither, valid, and only with PostgreSQL.
func nodeFlags(l *i18n.Locale, db, name, advertise string) error {
	switch {
	case name == "" && advertise == "":
		return nil
	case !store.IsPostgres(db):
		return &exitError{code: 2, msg: l.T("cli.cluster.node_pg")}
	case name == "":
		return &exitError{code: 2, msg: l.T("cli.cluster.needs_name")}
	case advertise == "":
		return &exitError{code: 2, msg: l.T("cli.cluster.needs_advertise")}
	}
	if err := cluster.CheckNodeName(name); err != nil {
		return &exitError{code: 2, msg: l.T("cli.about", "--node-name", err)}
	}
	if err := cluster.CheckAdvertise(advertise); err != nil {
		return &exitError{code: 2, msg: l.T("cli.about", "--advertise", err)}
	}
	return nil
}

// node is a server's membership in the cluster, with the connections
// it holds: the leases its engine takes (n), and the listener that hears
// the other nodes' appends (l).
type node struct {
	c *cluster.Cluster
	m *cluster.Membership
	n *cluster.Node
	l *cluster.Listener
	// stopRevocations ends keepRevocations; nil until it runs.
	stopRevocations func()
}

// appendIdle is the idle_in_transaction_session_timeout of a node's
// store. An append on a node holds its log's row and its lease's row
// (Lease.Fence, FOR SHARE) until its transaction ends; a node paused in
// the middle of one (SIGSTOP, a long GC, a frozen VM) would hold them, and
// keep every other node from taking the log over, until PostgreSQL ends
// the transaction. 20 s, as for one process, would make a failover wait
// 20 s; an append sends its statements back to back, so it is never idle
// in its transaction for long, and 1.5 s leaves the failover within 5 s
// (a lease's TTL of 3 s, then the takeover).
const appendIdle = 1500 * time.Millisecond

// openStore opens the node's store: its appends fenced on the node's
// leases and announced to the other nodes (cluster.Node.AppendHook).
func (n *node) openStore(ctx context.Context, db string) (ledger.Store, error) {
	st, err := postgres.OpenWith(ctx, db, postgres.Options{IdleInTransaction: appendIdle})
	if err != nil {
		return nil, err
	}
	st.SetAppendHook(n.n.AppendHook)
	return st, nil
}

// checkKey refuses a node whose signing key is not the one the record is
// signed with, or that the cluster recorded, before it signs anything.
func (n *node) checkKey(ctx context.Context, l *i18n.Locale, st ledger.Store, server, vkey string, v note.Verifier) error {
	logs, err := st.Logs(ctx)
	if err != nil {
		return err
	}
	// One log whose checkpoint verifies shows the key is the record's:
	// a log whose checkpoint does not, beside it, is damaged, which the
	// audit at start finds (and holds out, quarantine.go), not a key
	// that is not the record's.
	var refused error
	for _, o := range logs {
		if s, _, err := ledger.ParseOrigin(o); err != nil || s != server {
			continue
		}
		h, err := st.Head(ctx, o)
		if err != nil {
			return err
		}
		if _, _, err := ledger.OpenCheckpoint(h.Checkpoint, note.VerifierList(v)); err != nil {
			if refused == nil {
				refused = &exitError{code: 1, msg: l.T("cli.cluster.key_not_record", vkey, o, err), cause: err}
			}
			continue
		}
		refused = nil
		break // the audit at start checks every log
	}
	if refused != nil {
		return refused
	}
	err = n.m.CheckKey(ctx, server, vkey)
	if km := (*cluster.KeyMismatchError)(nil); errors.As(err, &km) {
		return &exitError{code: 1, msg: l.T("cli.cluster.key_mismatch", km.Mine, km.Server, km.Recorded, km.Node), cause: err}
	}
	return err
}

// follow starts hearing the other nodes' appends, for the engine to read
// (Engine.Grown, Gap), then catches up with what was appended since the
// engine read the logs, and watches for leases that expire. The logs
// held out are not passed on (quarantine.grown).
func (n *node) follow(ctx context.Context, e *engine.Engine, held *quarantine) error {
	l, err := n.c.Listen(ctx, cluster.Handler{
		Grown: func(g cluster.Growth) { held.grown(e, g.Log, g.Size) },
		Gap:   func(sizes map[string]int64) { held.gap(e, sizes) },
	})
	if err != nil {
		return err
	}
	n.l = l
	// Appends between the engine's reading the logs and the listener's
	// start were not heard.
	sizes, err := n.c.Sizes(ctx)
	if err != nil {
		return err
	}
	held.gap(e, sizes)
	n.n.Watch(time.Second, e.TakeOver)
	return nil
}

// revocationsEvery is how often a node carries out the revocations the
// record of an assembly it writes holds but the codes do not
// (keepRevocations).
const revocationsEvery = 2 * time.Second

// keepRevocations carries out, every revocationsEvery until stopped, the
// revocations of access codes recorded in the assemblies this node writes
// whose codes still exist (auth.Store.CarryOutRevocations): a revocation
// is recorded first and its codes deleted right after (cards.Revoke), so
// a writer that stopped between the two (killed, cut off from the
// database) left a code that still logs in on every node. A single
// server carries those out at its next start (cards.Reconcile); on a
// cluster the node that takes the assembly over does it within
// revocationsEvery of taking it, so such a code logs in for at most the
// failover (about 3 s) and revocationsEvery more, and a delete that
// failed on a writer still running is tried again as soon. It reads only
// the codes of persons whose access was revoked (none once their
// revocations are carried out), and usually writes nothing.
func (n *node) keepRevocations(e *engine.Engine, codes *auth.Store, log *slog.Logger) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	n.stopRevocations = func() { cancel(); <-done }
	go func() {
		defer close(done)
		t := time.NewTicker(revocationsEvery)
		defer t.Stop()
		for {
			carryOutRevocations(ctx, e, codes, log)
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
}

// carryOutRevocations is one round of keepRevocations.
func carryOutRevocations(ctx context.Context, e *engine.Engine, codes *auth.Store, log *slog.Logger) {
	for _, a := range e.Assemblies() {
		if !a.Writing() {
			continue // its writer does it
		}
		revoked := map[string]auth.Revocation{}
		a.Read(func(s *assembly.State) {
			for p, acc := range s.Access {
				if acc != nil && !acc.Revoked.IsZero() {
					revoked[p] = auth.Revocation{At: acc.Revoked, By: acc.RevokedBy, Reason: acc.RevokedFor}
				}
			}
		})
		done, err := codes.CarryOutRevocations(ctx, a.ID(), revoked)
		switch {
		case err != nil && ctx.Err() == nil:
			log.Warn("cluster: the recorded revocations of access codes could not be checked; trying again", "assembly", a.ID(), "err", err)
		case len(done) > 0:
			log.Warn("cluster: revocations of access codes recorded but not carried out (the writer stopped between the record and the codes? or a code row put back outside plenum) carried out now", "assembly", a.ID(), "persons", done)
		}
	}
}

// stopFollowing stops the listener, the watch and keepRevocations.
func (n *node) stopFollowing() {
	if n.stopRevocations != nil {
		n.stopRevocations()
	}
	n.n.Close()
	if n.l != nil {
		n.l.Close()
		n.l = nil
	}
}

// formSecret is the key of the pages' anti-forgery tokens on a cluster,
// the same on every node: derived from the signing key they share (an
// Ed25519 signature is deterministic, and only a holder of the key can
// make it), so that a form one node rendered is accepted by another, and
// by the writer it is forwarded to.
func formSecret(signer note.Signer) ([]byte, error) {
	sig, err := signer.Sign([]byte("plenum: the key of the pages' form tokens on a cluster\n"))
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(sig)
	return sum[:], nil
}

// forwarder finds the node a command goes to: the live holder of its
// assembly's lease, at the URL it registered (httpapi.Forwarder).
type forwarder struct {
	n      *cluster.Node
	server string
}

func (f forwarder) Name() string { return f.n.Name() }

func (f forwarder) WriterOf(ctx context.Context, id string) (*url.URL, error) {
	origin, err := ledger.Origin(f.server, id)
	if err != nil {
		return nil, err
	}
	name, advertise, err := f.n.WriterURL(ctx, origin)
	if err != nil {
		return nil, err
	}
	if name == f.n.Name() {
		return nil, fmt.Errorf("the lease of %s is this node's own (an earlier process of it, or one just taken)", origin)
	}
	if err := cluster.CheckAdvertise(advertise); err != nil {
		return nil, fmt.Errorf("node %q: %w", name, err)
	}
	return url.Parse(advertise)
}

// registerNode enters the node into the registry of the PostgreSQL
// database db (bringing its schema up to date first, as serve does), and
// starts its heartbeat.
func registerNode(ctx context.Context, db, name, advertise string) (*node, error) {
	st, err := postgres.Open(ctx, db)
	if err != nil {
		return nil, err
	}
	st.Close()
	c, err := cluster.Open(ctx, db)
	if err != nil {
		return nil, err
	}
	m, err := c.Register(ctx, name, advertise, cluster.Options{}, nil)
	if err != nil {
		c.Close()
		return nil, err
	}
	return &node{c: c, m: m, n: cluster.NewNode(m)}, nil
}

// refuseBesideNodes refuses a plenum serve without --node-name on a
// database where nodes of a cluster are alive: it would write beside them
// without a lease. Its appends would be refused on every assembly a node
// writes (postgres.LeaseHeldError), so this is a clear word at the start,
// not the safety, which holds without it (a node may register after this
// check). A database that cannot be opened is left to openServer, which
// says why as for any serve.
func refuseBesideNodes(ctx context.Context, l *i18n.Locale, db string) error {
	st, err := postgres.Open(ctx, db)
	if err != nil {
		return nil
	}
	st.Close()
	c, err := cluster.Open(ctx, db)
	if err != nil {
		return nil
	}
	defer c.Close()
	status, err := c.Status(ctx, 0)
	if err != nil {
		return err
	}
	var alive []string
	for _, n := range status.Nodes {
		if n.Alive {
			alive = append(alive, n.Name+" ("+n.Advertise+")")
		}
	}
	if len(alive) > 0 {
		return &exitError{code: 2, msg: l.T("cli.cluster.nodes_alive", strings.Join(alive, ", "))}
	}
	return nil
}

// close marks the node stopped and closes its connections.
func (n *node) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := n.m.Close(ctx); err != nil {
		slog.Warn(err.Error()) // it falls silent by itself
	}
	n.c.Close()
}
