package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"plenum/cluster"
	"plenum/store/postgres/pgtest"
)

// TestClusterStatus: two plenum serve with --node-name on one PostgreSQL
// database are listed alive with their addresses; a lease taken on a log
// is listed with its holder, token and expiry; the log with its size as
// the database has it; a node shut down is listed stopped.
func TestClusterStatus(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.Fresh(t)
	data := t.TempDir()
	if code, _, errs := runForTest(t, "", "replay", "--db", dsn, "--data", data, "../../testdata/coop-2026.jsonl"); code != 0 {
		t.Fatalf("replay: exit %d: %s", code, errs)
	}
	code, out, errs := run(t, "cluster", "status", "--db", dsn)
	if code != 0 || !strings.Contains(out, "Nodes: 0, 0 alive\n  none has registered") || !strings.Contains(out, "Leases: 0\n  none taken") {
		t.Fatalf("status before any node: exit %d\n%s%s", code, out, errs)
	}
	a := startCLI(t, `listening on (http://[^/ ]+)/`, "serve", "--db", dsn, "--data", data, "--addr", "127.0.0.1:0", "--node-name", "node-a", "--advertise", "http://10.0.0.5:8080")
	if !strings.Contains(a.stdout.String(), "node node-a registered in the cluster, advertised at http://10.0.0.5:8080") {
		t.Errorf("serve did not say it registered: %s", a.stdout.String())
	}
	startCLI(t, `listening on (http://[^/ ]+)/`, "serve", "--db", dsn, "--data", data, "--addr", "127.0.0.1:0", "--node-name", "node-b", "--advertise", "https://b.example")

	c, err := cluster.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	m, err := c.Register(ctx, "tester", "http://tester:1", cluster.Options{LeaseTTL: time.Minute}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close(ctx)
	const origin = "plenum.localhost/log/coop-2026"
	l, err := m.Acquire(ctx, origin)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release(ctx)
	size := logSize(t, dsn, "coop-2026")
	if size == 0 {
		t.Fatal("the replayed log is empty")
	}
	code, out, errs = run(t, "cluster", "status", "--db", dsn)
	if code != 0 {
		t.Fatalf("status: exit %d: %s", code, errs)
	}
	for _, re := range []string{
		`(?m)^Nodes: 3, 3 alive$`,
		`(?m)^  node-a +http://10\.0\.0\.5:8080 +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d +[0-9.]+m?s ago +alive$`,
		`(?m)^  node-b +https://b\.example +.* alive$`,
		`(?m)^Leases: 1$`,
		`(?m)^  plenum\.localhost/log/coop-2026 +tester +1 +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d +in (\d+m)?[0-9.]+s$`,
		`(?m)^Logs: 1$`,
		`(?m)^  plenum\.localhost/log/coop-2026 +` + strconv.FormatInt(size, 10) + `$`,
	} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("status lacks %s:\n%s", re, out)
		}
	}
	code, out, errs = run(t, "cluster", "status", "--db", dsn, "--json")
	var js statusJSON
	if err := json.Unmarshal([]byte(out), &js); code != 0 || err != nil {
		t.Fatalf("status --json: exit %d, %v: %s %s", code, err, out, errs)
	}
	if len(js.Nodes) != 3 || js.Nodes[0].Name != "node-a" || js.Nodes[0].Advertise != "http://10.0.0.5:8080" || js.Nodes[0].State != "alive" || js.Nodes[0].Stopped != nil ||
		len(js.Leases) != 1 || js.Leases[0].Holder != "tester" || js.Leases[0].Token != 1 || js.Leases[0].Expired ||
		len(js.Logs) != 1 || js.Logs[0].Log != origin || js.Logs[0].Size != size || time.Since(js.At) > time.Minute {
		t.Errorf("status --json: %s", out)
	}
	code, out, _ = run(t, "cluster", "status", "--db", dsn)
	if strings.Contains(out, "password") || !strings.HasPrefix(out, "database ") {
		t.Errorf("status names the database as: %q", strings.SplitN(out, "\n", 2)[0])
	}

	if code := a.stop(); code != 0 {
		t.Fatalf("serve exited %d", code)
	}
	if err := l.Release(ctx); err != nil {
		t.Fatal(err)
	}
	_, out, _ = run(t, "cluster", "status", "--db", dsn)
	// node-b, still serving, may take the released lease before status
	// reads it: then it holds it, with the next token.
	for _, re := range []string{`(?m)^Nodes: 3, 2 alive$`, `(?m)^  node-a +.* stopped at \d{4}-`, `(?m)^  plenum\.localhost/log/coop-2026 +(tester +1 +.* expired [0-9.]+m?s ago|node-b +2 +.* in (\d+m)?[0-9.]+s)$`} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("status after node-a stopped lacks %s:\n%s", re, out)
		}
	}
	// A node not seen within the node TTL is silent.
	_, out, _ = run(t, "cluster", "status", "--db", dsn, "--node-ttl", "1ns")
	if !regexp.MustCompile(`(?m)^Nodes: 3, 0 alive$`).MatchString(out) || !regexp.MustCompile(`(?m)^  node-b +.* ago +silent$`).MatchString(out) {
		t.Errorf("status with a node TTL of 1ns:\n%s", out)
	}
	newerSchema(t, dsn)
	if code, out, errs := run(t, "cluster", "status", "--db", dsn); code != 1 || out != "" || !strings.Contains(errs, "schema version 99 is newer than this plenum") {
		t.Errorf("status on a database of a newer plenum: exit %d, %q %q", code, out, errs)
	}
}

// TestClusterStatusRefuses: every bad argument is refused with what to do.
func TestClusterStatusRefuses(t *testing.T) {
	dsn := pgtest.Fresh(t) // never migrated
	sqlite := filepath.Join(t.TempDir(), "plenum.db")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"cluster"}, 2, "give a subcommand: plenum cluster status --db URL"},
		{[]string{"cluster", "--db", dsn}, 2, "give a subcommand"},
		{[]string{"cluster", "nodes"}, 2, `unknown subcommand "nodes"`},
		{[]string{"cluster", "status"}, 2, "give the database: --db postgres://"},
		{[]string{"cluster", "status", "--db", sqlite}, 2, "give a postgres:// URL; a SQLite database has one writing process, and no cluster"},
		{[]string{"cluster", "status", "--db", dsn, "extra"}, 2, "status takes no arguments"},
		{[]string{"cluster", "status", "--db", dsn, "--node-ttl", "0s"}, 2, "--node-ttl must be positive"},
		{[]string{"cluster", "status", "--db", dsn}, 1, "is not a plenum database"},
		{[]string{"cluster", "status", "--db", "postgres://plenum:secret@127.0.0.1:1/plenum?connect_timeout=2"}, 1, `database "plenum" on 127.0.0.1:1`},
	} {
		code, out, errs := run(t, tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) || out != "" {
			t.Errorf("plenum %s: exit %d, %q %q; want %d and %q", strings.Join(tc.args, " "), code, out, errs, tc.code, tc.want)
		}
		if strings.Contains(errs, "secret") {
			t.Errorf("plenum %s shows the password: %s", strings.Join(tc.args, " "), errs)
		}
	}
	if _, err := os.Stat(sqlite); err == nil {
		t.Error("cluster status made a SQLite file")
	}
	if code, out, _ := run(t, "cluster", "status", "--help"); code != 0 || !strings.Contains(out, "plenum cluster status --db URL") {
		t.Errorf("--help: %d %q", code, out)
	}
}

// TestServeNodeFlags: --node-name and --advertise are refused on SQLite,
// one without the other, and when malformed — before anything is opened
// or made; on PostgreSQL a name a live node holds is refused, naming it.
func TestServeNodeFlags(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "plenum.db")
	dsn := pgtest.Fresh(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--db", db, "--node-name", "a", "--advertise", "http://a:1"}, "need a PostgreSQL database (--db postgres://…)"},
		{[]string{"--db", db, "--node-name", "a"}, "need a PostgreSQL database"},
		{[]string{"--db", dsn, "--node-name", "a"}, "--node-name needs --advertise URL"},
		{[]string{"--db", dsn, "--advertise", "http://a:1"}, "--advertise needs --node-name NAME"},
		{[]string{"--db", dsn, "--node-name", "a b", "--advertise", "http://a:1"}, `--node-name: node name "a b": use letters, digits`},
		{[]string{"--db", dsn, "--node-name", "a", "--advertise", "a:1"}, "--advertise: advertise URL \"a:1\": give an http:// or https:// URL"},
	} {
		args := append([]string{"serve", "--addr", "127.0.0.1:0", "--data", dir}, tc.args...)
		code, _, errs := run(t, args...)
		if code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("plenum %s: exit %d, %q; want %q", strings.Join(args, " "), code, errs, tc.want)
		}
	}
	if code, _, errs := run(t, "serve", "--addr", "127.0.0.1:0", "--db", dsn, "--node-name", "a", "--advertise", "http://a:1"); code != 2 || !strings.Contains(errs, "give --data DIR") {
		t.Errorf("serve --node-name without --data: exit %d, %q", code, errs)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("refused serves left %d files in the data directory", len(ents))
	}
	if code, _, errs := run(t, "cluster", "status", "--db", dsn); code != 1 || !strings.Contains(errs, "is not a plenum database") {
		t.Errorf("refused serves touched the PostgreSQL database: %d %s", code, errs)
	}

	startCLI(t, `listening on (http://[^/ ]+)/`, "serve", "--db", dsn, "--data", dir, "--addr", "127.0.0.1:0", "--node-name", "a", "--advertise", "http://10.0.0.5:8080")
	start := time.Now()
	code, _, errs := run(t, "serve", "--db", dsn, "--data", dir, "--addr", "127.0.0.1:0", "--node-name", "a", "--advertise", "http://10.0.0.6:8080")
	if code != 1 || !strings.Contains(errs, `node name "a" is in use by a live node at http://10.0.0.5:8080`) {
		t.Fatalf("a second node named a: exit %d, %q", code, errs)
	}
	if waited := time.Since(start); waited < 5*time.Second {
		t.Errorf("refused after %v: a crashed predecessor's name must be waited for", waited)
	}
}

// TestServeRefusedBesideNodes: plenum serve without --node-name on a
// database where a node of a cluster is alive is refused, naming the node,
// in the operator's language, before it opens anything for serving; once
// the node has stopped, it starts.
func TestServeRefusedBesideNodes(t *testing.T) {
	dsn := pgtest.Fresh(t)
	dir := t.TempDir()
	mem, err := registerNode(context.Background(), dsn, "a", "http://10.0.0.5:8080")
	if err != nil {
		t.Fatal(err)
	}
	checkKeyed(t, "serve", []keyed{{[]string{"--db", dsn, "--data", dir, "--addr", "127.0.0.1:0"}, 2, "cli.cluster.nodes_alive", []any{"a (http://10.0.0.5:8080)"}}}, false)
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("the refused serves left %d files in the data directory", len(ents))
	}
	mem.close()
	startCLI(t, `listening on (http://[^/ ]+)/`, "serve", "--db", dsn, "--data", dir, "--addr", "127.0.0.1:0")
}
