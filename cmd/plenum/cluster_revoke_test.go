package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"plenum/assembly"
	"plenum/auth"
	"plenum/store/postgres/pgtest"
)

// TestClusterRevocationCarriedOut: a revocation recorded while its codes
// were not deleted — the writer stopped between the two writes of
// cards.Revoke, here the record made alone — is carried out by the
// assembly's writer (carryOutRevocations, every revocationsEvery), not at
// the next start only: the code no longer logs in on the other node and
// the sessions it made there end. A code issued after the revocation is
// left alone.
func TestClusterRevocationCarriedOut(t *testing.T) {
	dsn := pgtest.Fresh(t)
	data := t.TempDir()
	w := startNode(t, dsn, data, "w")
	f := startNode(t, dsn, data, "f")
	admin := adminCookie(t, w)
	if r := send(t, w.url+"/api/assemblies", admin, "create-x", `{"args":{"id":"x","name":"X","starts":"2026-05-09","rules":"congress"}}`); r.status != 201 {
		t.Fatalf("create_assembly: %d %s", r.status, r.body)
	}
	codes := openVoteFor(t, w, admin, "roll_call", "v", "u", "s")
	eventually(t, 5*time.Second, "f reads the set-up", func() bool { return sizeOf(t, f, "x") == sizeOf(t, w, "x") })
	uSession := loginAt(t, f, codes["u"])
	xw, _ := w.srv.engine.Assembly("x")
	ctx := context.Background()
	revokeRecordOnly := func(person string) {
		t.Helper()
		if _, err := xw.Submit(ctx, assembly.Meta{Assembly: "x", Actor: assembly.ServerAdministrator, At: time.Now().UTC()}, assembly.RevokeAccessCodes{Persons: []string{person}, Reason: "card lost"}); err != nil {
			t.Fatal(err)
		}
	}
	db, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(ctx)
	codesOf := func(person string) int {
		t.Helper()
		var n int
		if err := db.QueryRow(ctx, `SELECT count(*) FROM access_codes WHERE assembly = 'x' AND person = $1`, person).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}

	// One round, run here: u's code and session are gone.
	revokeRecordOnly("u")
	carryOutRevocations(ctx, w.srv.engine, w.srv.auth, slog.Default())
	if n := codesOf("u"); n != 0 {
		t.Fatalf("u holds %d codes after the round", n)
	}
	if got := loginStatus(t, f, codes["u"]); got == 200 {
		t.Errorf("u's code, revoked in the record, logged in on f")
	}
	if code, _ := getAs(t, f, uSession, "/api/assemblies/x/me"); code != http.StatusUnauthorized {
		t.Errorf("u's session on f after the revocation was carried out: %d", code)
	}

	// A code issued after a revocation is the person's new one.
	revokeRecordOnly("v")
	r := send(t, w.url+"/api/assemblies/x/access-codes", admin, "codes-v", `{"persons":["v"]}`, auth.CSRFHeader, "1")
	if r.status != 201 {
		t.Fatalf("a new code for v: %d %s", r.status, r.body)
	}
	var issued struct {
		Codes []struct{ Person, Code string }
	}
	json.Unmarshal([]byte(r.body), &issued)
	carryOutRevocations(ctx, w.srv.engine, w.srv.auth, slog.Default())
	if got := loginStatus(t, f, issued.Codes[0].Code); got != 200 {
		t.Errorf("v's code issued after the revocation: %d on f after a round", got)
	}

	// The writer's own rounds, without the test's help: within
	// revocationsEvery (and the machine's slack).
	start := time.Now()
	revokeRecordOnly("s")
	eventually(t, revocationsEvery+3*time.Second, "the writer carries out s's recorded revocation", func() bool { return codesOf("s") == 0 })
	t.Logf("s's revocation carried out %v after it was recorded", time.Since(start).Round(time.Millisecond))
	if got := loginStatus(t, f, codes["s"]); got == 200 {
		t.Errorf("s's code, revoked in the record, logged in on f")
	}
}
