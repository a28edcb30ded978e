package httpapi

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/auth"
	"plenum/engine"
	"plenum/ledger"
	"plenum/store/postgres"
	"plenum/store/postgres/pgtest"
)

// TestDiscover: a node of a cluster (Options.Forward set) asked for an
// assembly it has not opened, whose log another engine created on the
// same database (on PostgreSQL), opens it and answers from it; with every place to wait
// taken it answers 503 "not yet here" with Retry-After, never 404; an
// assembly with no log is 404 at once.
func TestDiscover(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	signer, vkey, err := ledger.LoadOrCreateKey(dir, ledger.DefaultServerName)
	if err != nil {
		t.Fatal(err)
	}
	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	dsn := pgtest.Fresh(t) // two engines on one database: PostgreSQL
	open := func() *engine.Engine {
		st, err := postgres.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		e, err := engine.Open(ctx, st, engine.Options{Signer: signer, Verifiers: note.VerifierList(verifier)})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { e.Close() })
		return e
	}
	here, elsewhere := open(), open()
	args, _ := json.Marshal(assembly.CreateAssembly{ID: "y", Name: "Y", Starts: "2026-05-09", Rules: "congress", RecordAccess: "public"})
	if _, err := elsewhere.Submit(ctx, assembly.Envelope{Cmd: "create_assembly", Actor: assembly.ServerAdministrator, At: time.Now().UTC(), Args: args}); err != nil {
		t.Fatal(err)
	}
	if _, ok := here.Assembly("y"); ok {
		t.Fatal("the other engine knows y already")
	}
	codes, err := auth.Open(filepath.Join(dir, "access.db"), auth.Options{RowKey: make([]byte, auth.RowKeySize)})
	if err != nil {
		t.Fatal(err)
	}
	defer codes.Close()
	api := New(here, codes, Options{Forward: oneWriter{}})
	get := func(path string) *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		api.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		return w
	}

	for range cap(discoverWaiters) {
		discoverWaiters <- struct{}{}
	}
	w := get("/api/assemblies/y")
	for range cap(discoverWaiters) {
		<-discoverWaiters
	}
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" || !strings.Contains(w.Body.String(), "not yet received the assembly") {
		t.Fatalf("y with every place to wait taken: %d %s", w.Code, w.Body)
	}
	if w := get("/api/assemblies/y"); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"Y"`) {
		t.Fatalf("y, opened on the way: %d %s", w.Code, w.Body)
	}
	if w := get("/api/assemblies/nowhere"); w.Code != http.StatusNotFound {
		t.Fatalf("an assembly with no log: %d %s", w.Code, w.Body)
	}
}
