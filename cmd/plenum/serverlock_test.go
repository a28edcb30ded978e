package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"plenum/store/postgres/pgtest"
)

// TestOnePlainServePerPostgres: a second plain plenum serve on a
// PostgreSQL database one serves is refused, in the operator's language,
// naming the first as pg_stat_activity shows it and saying what to do
// (review 42 M1, L1: it started, and answered from a stale state); the
// first keeps serving, plenum verify reads beside it, and once it has
// stopped the second starts.
func TestOnePlainServePerPostgres(t *testing.T) {
	dsn := pgtest.Fresh(t)
	data := t.TempDir()
	if code, _, errs := runForTest(t, "", "replay", "--db", dsn, "--data", data, "../../testdata/coop-2026.jsonl"); code != 0 {
		t.Fatalf("replay: exit %d: %s", code, errs)
	}
	first := startCLI(t, `listening on (http://[^/ ]+)/`, "serve", "--db", dsn, "--data", data, "--addr", "127.0.0.1:0")
	second := []string{"--db", dsn, "--data", data, "--addr", "127.0.0.1:0"}
	code, errs := refusedServe(t, append([]string{"serve"}, second...)...)
	holder := `"plenum serve ` + strconv.Itoa(os.Getpid()) + "@"
	if code != 1 || !strings.Contains(errs, "another plenum server is serving this database: "+holder) || !strings.Contains(errs, "PostgreSQL process ") || !strings.Contains(errs, "--node-name NAME") {
		t.Fatalf("a second plain serve: exit %d, %q", code, errs)
	}
	checkKeyed(t, "serve", []keyed{{second, 1, "cli.serve.pg_served", []any{anyText}}}, false)
	resp, err := http.Get(first.match + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.HasPrefix(string(body), "ok") {
		t.Fatalf("the first serve after the second was refused: %d %q", resp.StatusCode, body)
	}
	if code, out, errs := run(t, "verify", "--db", dsn, "--data", data); code != 0 {
		t.Fatalf("verify beside serve: exit %d %s %s", code, out, errs)
	}
	if code := first.stop(); code != 0 {
		t.Fatalf("the first serve exited %d: %s", code, first.stderr.String())
	}
	startCLI(t, `listening on (http://[^/ ]+)/`, append([]string{"serve"}, second...)...)
}

// TestPlainServeAndNodesApart: a plain plenum serve is refused beside a
// running node of a cluster, naming the node's lock connection (not only
// its heartbeat), and a node beside a plain serve, naming it, before it
// enters the registry; each starts once the other has stopped.
func TestPlainServeAndNodesApart(t *testing.T) {
	dsn := pgtest.Fresh(t)
	data := t.TempDir()
	nodeArgs := []string{"serve", "--db", dsn, "--data", data, "--addr", "127.0.0.1:0", "--node-name", "n1", "--advertise", "http://127.0.0.1:1"}
	plainArgs := []string{"serve", "--db", dsn, "--data", data, "--addr", "127.0.0.1:0"}
	node := startCLI(t, `listening on (http://[^/ ]+)/`, nodeArgs...)
	code, errs := refusedServe(t, plainArgs...)
	if code != 2 || !strings.Contains(errs, `nodes of a cluster are running on this database: "plenum node n1 `+strconv.Itoa(os.Getpid())+"@") {
		t.Fatalf("a plain serve beside a node: exit %d, %q", code, errs)
	}
	if code := node.stop(); code != 0 {
		t.Fatalf("the node exited %d: %s", code, node.stderr.String())
	}
	plain := startCLI(t, `listening on (http://[^/ ]+)/`, plainArgs...)
	code, errs = refusedServe(t, nodeArgs...)
	if code != 1 || !strings.Contains(errs, `(run without --node-name) is serving this database: "plenum serve `+strconv.Itoa(os.Getpid())+"@") || strings.Contains(errs, "registered in the cluster") {
		t.Fatalf("a node beside a plain serve: exit %d, %q", code, errs)
	}
	checkKeyed(t, "serve", []keyed{{nodeArgs[1:], 1, "cli.serve.pg_served_plain", []any{anyText}}}, false)
	if code := plain.stop(); code != 0 {
		t.Fatalf("the plain serve exited %d: %s", code, plain.stderr.String())
	}
	startCLI(t, `listening on (http://[^/ ]+)/`, nodeArgs...)
}

// TestServeRefusesAHardLink: plenum serve on a hard link of a SQLite
// database another serve holds is refused, naming it (review 42 L7: it
// started, a second writer of one file, with a write-ahead log of its
// own).
func TestServeRefusesAHardLink(t *testing.T) {
	db, _ := makeReplayedDB(t)
	startCLI(t, `listening on (http://[^/ ]+)/`, "serve", "--db", db, "--addr", "127.0.0.1:0")
	link := filepath.Join(filepath.Dir(db), "hard.db")
	if err := os.Link(db, link); err != nil {
		t.Fatal(err)
	}
	code, errs := refusedServe(t, "serve", "--db", link, "--addr", "127.0.0.1:0")
	if code != 1 || !strings.Contains(errs, "in use by another writer under another name of the same file (a hard link), "+db+", process "+strconv.Itoa(os.Getpid())) || !strings.Contains(errs, "serve another database") {
		t.Fatalf("serve on a hard link of a served database: exit %d, %q", code, errs)
	}
}

// refusedServe runs a serve expected to be refused at once; one that
// starts is stopped after 20 seconds (exit 0), so that the test fails
// rather than waits.
func refusedServe(t *testing.T, args ...string) (code int, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var out, errb bytes.Buffer
	code = runCLI(ctx, &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, args)
	return code, errb.String()
}
