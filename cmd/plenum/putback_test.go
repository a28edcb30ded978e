package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"plenum/auth"
	"plenum/store/postgres/pgtest"
)

// TestPutBackCodeRefusedOnEveryNode: review 42's M2 on a cluster. A DBA
// saves u's code row and her session's, the code is revoked ("card
// lost") through the writer, and once the other node has read the
// revocation the DBA inserts the saved rows again. Their MACs are
// plenum's, but the signed log records the revocation after they were
// made: neither node lets the code log in nor takes the session (serve
// wires the assembly's state into the access store, supersededIn). The
// writer's round of recorded revocations deletes the code put back. A
// code issued for u afterwards logs in on the node that did not write
// it, and its session holds.
func TestPutBackCodeRefusedOnEveryNode(t *testing.T) {
	dsn := pgtest.Fresh(t)
	data := t.TempDir()
	w := startNode(t, dsn, data, "w")
	f := startNode(t, dsn, data, "f")
	admin := adminCookie(t, w)
	if r := send(t, w.url+"/api/assemblies", admin, "create-x", `{"args":{"id":"x","name":"X","starts":"2026-05-09","rules":"congress"}}`); r.status != 201 {
		t.Fatalf("create_assembly: %d %s", r.status, r.body)
	}
	codes := openVoteFor(t, w, admin, "roll_call", "v", "u")
	eventually(t, 5*time.Second, "f reads the set-up", func() bool { return sizeOf(t, f, "x") == sizeOf(t, w, "x") })
	uSession := loginAt(t, f, codes["u"])

	ctx := context.Background()
	db, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(ctx)
	sql := func(q string) {
		t.Helper()
		if _, err := db.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	sql(`CREATE TABLE code_save AS SELECT * FROM access_codes WHERE person = 'u'`)
	sql(`CREATE TABLE session_save AS SELECT * FROM access_sessions WHERE person = 'u'`)
	if r := send(t, w.url+"/api/assemblies/x/access-codes/revoke", admin, "revoke-u", `{"persons":["u"],"reason":"card lost"}`, auth.CSRFHeader, "1"); r.status != http.StatusNoContent {
		t.Fatalf("revoking u's code: %d %s", r.status, r.body)
	}
	eventually(t, 5*time.Second, "f reads the revocation", func() bool { return sizeOf(t, f, "x") == sizeOf(t, w, "x") })
	sql(`INSERT INTO access_codes SELECT * FROM code_save`)
	sql(`INSERT INTO access_sessions SELECT * FROM session_save`)

	for _, n := range []*testNode{f, w} {
		if got := loginStatus(t, n, codes["u"]); got == http.StatusOK || got == http.StatusSeeOther {
			t.Errorf("u's revoked code, put back, logged in on %s: %d", n.name, got)
		}
		if code, _ := getAs(t, n, uSession, "/api/assemblies/x/me"); code != http.StatusUnauthorized {
			t.Errorf("u's session from before the revocation, put back, on %s: %d; want 401", n.name, code)
		}
	}
	if got := loginStatus(t, f, codes["v"]); got != http.StatusOK {
		t.Errorf("v's code, not revoked, on f: %d", got)
	}
	carryOutRevocations(ctx, w.srv.engine, w.srv.auth, slog.Default())
	var left int
	if err := db.QueryRow(ctx, `SELECT count(*) FROM access_codes WHERE assembly = 'x' AND person = 'u'`).Scan(&left); err != nil || left != 0 {
		t.Errorf("u's code put back, after the writer's round: %d rows (%v), want none", left, err)
	}

	r := send(t, w.url+"/api/assemblies/x/access-codes", admin, "codes-u", `{"persons":["u"]}`, auth.CSRFHeader, "1")
	if r.status != 201 {
		t.Fatalf("a new code for u: %d %s", r.status, r.body)
	}
	var issued struct {
		Codes []struct{ Person, Code string }
	}
	if err := json.Unmarshal([]byte(r.body), &issued); err != nil || len(issued.Codes) != 1 {
		t.Fatalf("the new code: %v %s", err, r.body)
	}
	eventually(t, 5*time.Second, "f reads the issue", func() bool { return sizeOf(t, f, "x") == sizeOf(t, w, "x") })
	fresh := loginAt(t, f, issued.Codes[0].Code)
	for _, n := range []*testNode{f, w} {
		if code, body := getAs(t, n, fresh, "/api/assemblies/x/me"); code != http.StatusOK {
			t.Errorf("u's session of the code issued after the revocation, on %s: %d %s", n.name, code, body)
		}
	}
}
