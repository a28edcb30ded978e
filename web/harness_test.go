package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/auth"
	"plenum/engine"
	"plenum/httpapi"
	"plenum/ledger"
	"plenum/store/sqlite"
	"plenum/web"
)

// hall is a running server with one assembly: an administrator, a chair,
// a secretary, a member of the mandate commission, three delegates with
// verified decisive mandates (present), and one whose mandate is not yet
// checked. A sitting is open with an item under discussion and a motion.
type hall struct {
	t     testing.TB
	eng   *engine.Engine
	auth  *auth.Store
	srv   *httptest.Server
	codes map[string]string // person → access code
	at    time.Time
	asm   string // the assembly's id
	// verifiers check the log's checkpoints.
	verifiers note.Verifiers
	// dir holds the server's files (plenum.db, access.db).
	dir string
}

const asm = "coop"

var delegates = []string{"anna", "boris", "clara"}

func newHall(t *testing.T) *hall {
	t.Helper()
	h := newEmptyHall(t)
	h.setup()
	return h
}

// newEmptyHall is a running server with no assembly yet.
func newEmptyHall(t testing.TB) *hall {
	t.Helper()
	return newEmptyHallWith(t, web.Options{BaseURL: hallBaseURL}, nil)
}

// newEmptyHallWith is newEmptyHall with the pages' options and, if wrap
// is not nil, a handler in front of the server's.
func newEmptyHallWith(t testing.TB, opts web.Options, wrap func(http.Handler) http.Handler) *hall {
	t.Helper()
	dir := t.TempDir()
	skey, vkey, err := ledger.GenerateKey(ledger.DefaultServerName)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(filepath.Join(dir, "plenum.db"))
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.Open(context.Background(), st, engine.Options{Signer: signer, Verifiers: note.VerifierList(verifier)})
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	as, err := auth.Open(filepath.Join(dir, "access.db"), auth.Options{RowKey: make([]byte, auth.RowKeySize), WrongCodesPerMinute: 1000})
	if err != nil {
		t.Fatal(err)
	}
	h := &hall{t: t, eng: eng, auth: as, at: time.Now().UTC().Add(-time.Hour), asm: asm, verifiers: note.VerifierList(verifier), dir: dir}
	// Mounted as cmd/plenum mounts them: the JSON API owns /api/, /login
	// and /logout, and shows the pages' login form; the pages own the rest.
	pages := web.New(eng, as, opts)
	api := httpapi.New(eng, as, httpapi.Options{LoginForm: pages})
	mux := http.NewServeMux()
	mux.Handle("/api/", api)
	mux.Handle("/login", api)
	mux.Handle("/logout", api)
	mux.Handle("/", pages)
	var handler http.Handler = as.Middleware(mux)
	if wrap != nil {
		handler = wrap(handler)
	}
	h.srv = httptest.NewServer(handler)
	t.Cleanup(func() {
		h.srv.CloseClientConnections()
		h.srv.Close()
		eng.Close()
		st.Close()
		as.Close()
	})
	return h
}

type obj = map[string]any

// must gives a command as actor or fails the test.
func (h *hall) must(actor, cmd string, args any) *engine.Result {
	h.t.Helper()
	raw, err := json.Marshal(args)
	if err != nil {
		h.t.Fatal(err)
	}
	h.at = h.at.Add(time.Second)
	r, err := h.eng.Submit(context.Background(), assembly.Envelope{Cmd: cmd, Assembly: asm, Actor: actor, At: h.at, Args: raw})
	if err != nil {
		h.t.Fatalf("%s: %v", cmd, err)
	}
	return r
}

func (h *hall) setup() {
	h.must("admin", "create_assembly", obj{"id": asm, "name": "Spring general meeting", "starts": "2026-05-09", "rules": "congress",
		"overrides": obj{"speaking_time_seconds": 300}})
	h.must("admin", "add_organization", obj{"id": "members", "name": "The members", "kind": "delegating"})
	for _, p := range []struct{ id, name string }{{"chair", "Vera Chair"}, {"sec", "Sasha Secretary"}, {"mc", "Misha Commission"}} {
		h.must("admin", "add_person", obj{"id": p.id, "name": p.name})
	}
	h.must("admin", "grant_role", obj{"person": "chair", "role": "chair"})
	h.must("admin", "grant_role", obj{"person": "sec", "role": "secretary"})
	h.must("admin", "grant_role", obj{"person": "mc", "role": "mandate_commission"})
	names := map[string]string{"anna": "Anna Arkadyevna", "boris": "Boris Borisov", "clara": "Clara Zetkin", "dmitri": "Dmitri Unchecked"}
	for _, p := range append(append([]string{}, delegates...), "dmitri") {
		h.must("admin", "add_person", obj{"id": p, "name": names[p]})
		h.must("admin", "submit_mandate", obj{"id": "m-" + p, "person": p, "organization": "members", "kind": "decisive"})
		if p != "dmitri" {
			h.must("mc", "verify_mandate", obj{"mandate": "m-" + p})
			h.must(p, "check_in", obj{"person": p})
		}
	}
	h.must("chair", "open_sitting", obj{"id": "s1", "title": "First sitting", "date": "2026-05-09", "chair": "chair", "secretaries": []string{"sec"}})
	h.must("chair", "add_item", obj{"id": "i1", "title": "The budget"})
	h.must("chair", "take_up_item", obj{"item": "i1"})
	h.must("chair", "move_motion", obj{"id": "m1", "kind": "substantive", "title": "Adopt the budget", "text": "The meeting adopts the budget as printed.", "item": "i1"})
	codes, err := h.auth.IssueCodes(context.Background(), asm, []string{"chair", "sec", "mc", "anna", "boris", "clara", "dmitri"})
	if err != nil {
		h.t.Fatal(err)
	}
	h.codes = map[string]string{}
	for _, c := range codes {
		h.codes[c.Person] = c.Code
	}
}

// state returns a copy of what fn reads from the state.
func read[T any](h *hall, fn func(*assembly.State) T) T {
	a, ok := h.eng.Assembly(asm)
	if !ok {
		h.t.Fatal("no assembly")
	}
	var v T
	a.Read(func(s *assembly.State) { v = fn(s) })
	return v
}

// newDemoHall is a server holding the March 1917 conference as plenum's
// demo script records it (demo/march-1917.jsonl), with access codes for
// the given persons.
func newDemoHall(t *testing.T, persons ...string) *hall {
	t.Helper()
	h := newEmptyHall(t)
	id := h.replay(filepath.Join("..", "demo", "march-1917.jsonl"))
	h.asm = id
	codes, err := h.auth.IssueCodes(context.Background(), id, persons)
	if err != nil {
		t.Fatal(err)
	}
	h.codes = map[string]string{}
	for _, c := range codes {
		h.codes[c.Person] = c.Code
	}
	return h
}

// replay gives the commands of a command script (docs/script.md) to the
// engine, and returns the id of the last assembly it names.
func (h *hall) replay(script string) string {
	h.t.Helper()
	data, err := os.ReadFile(script)
	if err != nil {
		h.t.Fatal(err)
	}
	id := ""
	for i, line := range strings.Split(string(data), "\n") {
		if l := strings.TrimSpace(line); l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		env, err := assembly.ParseEnvelope([]byte(line))
		if err != nil {
			h.t.Fatalf("%s line %d: %v", script, i+1, err)
		}
		if env.Cmd == "create_assembly" && env.Assembly == "" {
			var args struct{ ID string }
			json.Unmarshal(env.Args, &args)
			env.Assembly = args.ID
		}
		if env.Assembly == "" {
			env.Assembly = id
		}
		id = env.Assembly
		if _, err := h.eng.Submit(context.Background(), env); err != nil {
			h.t.Fatalf("%s line %d: %v", script, i+1, err)
		}
	}
	return id
}
