package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"plenum/store/postgres/pgtest"
)

// TestClusterForwardsOnlyToAddressesNodesWrote: a DBA rewrites the live
// writer's advertised address in cluster_nodes to a server of theirs,
// again and again (the writer's heartbeat writes its own back every
// second). The follower forwards no command there — the DBA's server
// receives no request and no cookie — and answers 503, nothing recorded;
// commands go to the genuine writer before and after.
func TestClusterForwardsOnlyToAddressesNodesWrote(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.Fresh(t)
	data := t.TempDir()
	w := startNode(t, dsn, data, "w")
	f := startNode(t, dsn, data, "f")
	cookie := adminCookie(t, w)
	if r := send(t, w.url+"/api/assemblies", cookie, "create-x", `{"args":{"id":"x","name":"X","starts":"2026-05-09","rules":"congress"}}`); r.status != 201 {
		t.Fatalf("create_assembly: %d %s", r.status, r.body)
	}
	var received atomic.Int64
	dba := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		received.Add(1)
		t.Errorf("the DBA's server received %s %s, cookies %q", r.Method, r.URL.Path, r.Header.Get("Cookie"))
		rw.WriteHeader(201)
	}))
	defer dba.Close()
	const path = "/api/assemblies/x/commands"
	person := func(i int) string {
		return fmt.Sprintf(`{"cmd":"add_person","args":{"id":"p%d","name":"Person %d"}}`, i, i)
	}
	if r := send(t, f.url+path, cookie, "k0", person(0)); r.status != 201 {
		t.Fatalf("forwarded to the genuine writer: %d %s", r.status, r.body)
	}

	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			conn.Exec(ctx, `UPDATE cluster_nodes SET advertise = $1 WHERE name = 'w'`, dba.URL)
			time.Sleep(5 * time.Millisecond)
		}
	}()
	refused := 0
	for i := 1; i <= 30; i++ {
		r := send(t, f.url+path, cookie, fmt.Sprintf("k%d", i), person(i))
		switch {
		case r.status == 503 && strings.Contains(r.body, "Nothing was recorded"):
			refused++
		case r.status != 201:
			t.Fatalf("command %d while the address is rewritten: %d %s", i, r.status, r.body)
		}
		time.Sleep(50 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	if refused == 0 {
		t.Error("no command was refused while the DBA's address was in the database")
	}
	if n := received.Load(); n > 0 {
		t.Fatalf("the DBA's server received %d forwarded commands", n)
	}
	// The writer's next heartbeat writes its own address and MAC again.
	eventually(t, 5*time.Second, "forwarding to the genuine writer again", func() bool {
		return send(t, f.url+path, cookie, "k-after", person(99)).status == 201
	})
}
