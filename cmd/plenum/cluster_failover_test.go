package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"plenum/assembly"
	"plenum/cluster"
	"plenum/internal/crashtest"
	"plenum/ledger"
	"plenum/store/postgres/pgtest"
)

// The environment of the node process TestClusterFailover starts and kills.
const (
	envNodeDB   = "PLENUM_FAILOVER_NODE_DB"
	envNodeData = "PLENUM_FAILOVER_NODE_DATA"
)

// failoverNode runs a node named k as plenum serve --node-name does, says
// "ready" and its URL, and serves until it is killed.
func failoverNode(db, data string) {
	ctx := context.Background()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	u := "http://" + ln.Addr().String()
	mem, err := registerNode(ctx, db, "k", u)
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	srv, err := openServer(ctx, serverConfig{db: db, data: data, name: ledger.DefaultServerName, node: mem})
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	fmt.Println("ready")
	fmt.Println(u)
	http.Serve(ln, srv.handler)
	os.Exit(1)
}

// TestClusterFailover: the node writing an assembly is killed (SIGKILL),
// or paused (SIGSTOP); another node accepts the assembly's commands
// within 5 seconds (the time is logged), the command sent meanwhile
// answered once, every acknowledged command in the record once. The
// paused writer, let run again, writes nothing more: a command sent to it
// is forwarded to the new writer.
func TestClusterFailover(t *testing.T) {
	if db := os.Getenv(envNodeDB); db != "" {
		failoverNode(db, os.Getenv(envNodeData))
		return
	}
	t.Run("kill", func(t *testing.T) { failover(t, false) })
	t.Run("pause", func(t *testing.T) { failover(t, true) })
}

func failover(t *testing.T, pause bool) {
	dsn := pgtest.Fresh(t)
	data := t.TempDir()
	a := startNode(t, dsn, data, "a")
	cookie := adminCookie(t, a)
	child := crashtest.Start(t, "TestClusterFailover", envNodeDB+"="+dsn, envNodeData+"="+data)
	defer child.Kill()
	k := <-child.Lines
	go func() {
		for range child.Lines {
		}
	}()
	if r := send(t, k+"/api/assemblies", cookie, "create", `{"args":{"id":"x","name":"X","starts":"2026-05-09","rules":"congress"}}`); r.status != 201 {
		t.Fatalf("create on k: %d %s", r.status, r.body)
	}
	const path = "/api/assemblies/x/commands"
	person := func(i int) string {
		return fmt.Sprintf(`{"cmd":"add_person","args":{"id":"p%d","name":"Person %d"}}`, i, i)
	}
	eventually(t, 5*time.Second, "a opens the assembly created on k", func() bool {
		_, ok := a.srv.engine.Assembly("x")
		return ok
	})
	acked := 0
	for i := range 10 {
		n := []string{k, a.url}[i%2]
		if r := send(t, n+path, cookie, fmt.Sprintf("k%d", i), person(i)); r.status != 201 {
			t.Fatalf("person %d: %d %s", i, r.status, r.body)
		}
		acked++
	}
	xa, _ := a.srv.engine.Assembly("x")
	if xa.Writing() {
		t.Fatal("a writes x before k is killed")
	}
	killed := time.Now()
	if pause {
		child.Pause()
	} else {
		child.Kill()
		child.Wait()
	}
	// The same command, with its key, until it is taken.
	var took time.Duration
	attempts := 0
	for {
		attempts++
		r := send(t, a.url+path, cookie, "after", person(100))
		if r.status == 201 {
			took = time.Since(killed)
			break
		}
		if r.status != 503 || r.header.Get("Retry-After") == "" {
			t.Fatalf("while the writer is dead: %d %s", r.status, r.body)
		}
		if time.Since(killed) > 15*time.Second {
			t.Fatalf("no node took x within 15 s of the writer's death: %d %s", r.status, r.body)
		}
		time.Sleep(50 * time.Millisecond)
	}
	what := map[bool]string{false: "killed", true: "paused"}[pause]
	t.Logf("the writer was %s; another node accepted a command %v later (%d attempts, answered 503 until then)", what, took.Round(time.Millisecond), attempts)
	if took > 5*time.Second {
		t.Errorf("failover took %v, more than 5 s", took)
	}
	if r := send(t, a.url+path, cookie, "after", person(100)); r.status != 200 || r.header.Get("Idempotent-Replayed") != "true" {
		t.Fatalf("the retry after the failover: %d %s", r.status, r.body)
	}
	if pause {
		// Run again, the old writer has lost its lease: its command goes
		// to a.
		child.Resume()
		if r := send(t, k+path, cookie, "resumed", person(101)); r.status != 201 {
			t.Fatalf("a command to the resumed old writer: %d %s", r.status, r.body)
		}
		acked++
		if !xa.Writing() {
			t.Fatal("a lost x to the resumed old writer")
		}
		child.Kill()
		child.Wait()
	}
	// Every acknowledged command once: the persons p0…p9, p100 (and p101).
	var names []string
	xa.Read(func(s *assembly.State) {
		for id := range s.Persons {
			names = append(names, id)
		}
	})
	if len(names) != acked+1 {
		t.Fatalf("the record holds %d persons, want %d: %v", len(names), acked+1, names)
	}
	if code, out, errs := run(t, "verify", "--db", dsn, "--data", data); code != 0 {
		t.Fatalf("verify: exit %d %s %s", code, out, errs)
	}
}

// TestClusterSigningKey: two nodes started at once on an empty database
// with two signing keys: one starts, the other is refused before it signs
// anything, naming the key; a node with the key of a record made before
// the cluster recorded one is refused too.
func TestClusterSigningKey(t *testing.T) {
	dsn := pgtest.Fresh(t)
	dirs := []string{t.TempDir(), t.TempDir()}
	var wg sync.WaitGroup
	nodes := make([]*testNode, 2)
	errs := make([]error, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			nodes[i], errs[i] = openNode(t, dsn, dirs[i], fmt.Sprintf("n%d", i))
		}()
	}
	wg.Wait()
	var mismatch *cluster.KeyMismatchError
	won := -1
	for i := range 2 {
		switch {
		case errs[i] == nil:
			won = i
		case !errors.As(errs[i], &mismatch) || !strings.Contains(errs[i].Error(), "Give every node the same signing.key"):
			t.Fatalf("node %d: %v", i, errs[i])
		}
	}
	if won < 0 || errs[1-won] == nil {
		t.Fatalf("started at once with two keys: %v, %v", errs[0], errs[1])
	}
	lost := dirs[1-won]
	if _, err := openNode(t, dsn, lost, "n2"); !errors.As(err, &mismatch) {
		t.Fatalf("a node with the other key, started later: %v", err)
	}
	startNode(t, dsn, dirs[won], "n3")

	// A record made before any node recorded a key: a node with another
	// key is refused by the record's checkpoints.
	dsn2 := pgtest.Fresh(t)
	data := t.TempDir()
	if code, _, errs := runForTest(t, "", "replay", "--db", dsn2, "--data", data, "../../testdata/coop-2026.jsonl"); code != 0 {
		t.Fatalf("replay: exit %d: %s", code, errs)
	}
	other := t.TempDir()
	_, otherKey, err := ledger.LoadOrCreateKey(other, ledger.DefaultServerName)
	if err != nil {
		t.Fatal(err)
	}
	_, err = openNode(t, dsn2, other, "m0")
	if err == nil || !strings.Contains(err.Error(), "is not the one the record is signed with") {
		t.Fatalf("a node with another key than the record's: %v", err)
	}
	// plenum serve says so in the operator's language.
	checkKeyed(t, "serve", []keyed{{[]string{"--db", dsn2, "--data", other, "--addr", "127.0.0.1:0", "--node-name", "m9", "--advertise", "http://127.0.0.1:1"}, 1,
		"cli.cluster.key_not_record", []any{otherKey, "plenum.localhost/log/coop-2026", anyText}}}, false)
	startNode(t, dsn2, data, "m1")
}
