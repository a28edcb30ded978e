package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/auth"
	"plenum/engine"
	"plenum/ledger"
	"plenum/store/sqlite"
)

// world is a running API over a temporary SQLite engine with one
// assembly "coop" (congress rules, guests may not speak): ann chairs the
// open sitting s1 (chair role), cara is the mandate commission, d1…dN are
// verified decisive delegates, con a verified consultative delegate, gus
// a verified guest; everyone is checked in; item i1 is taken up, motion
// mo1 is moved and the roll-call vote v1 on it is open.
type world struct {
	t     testing.TB
	dir   string
	eng   *engine.Engine
	auth  *auth.Store
	api   *API
	srv   *httptest.Server
	admin *client
	n     int
	keys  atomic.Int64

	verifiers note.Verifiers
}

type client struct {
	w     *world
	token string
}

func newWorld(t testing.TB, delegates int) *world {
	t.Helper()
	return newWorldAuth(t, delegates, "access.db")
}

// newWorldAuth is newWorld with the access codes and sessions in the
// SQLite file authFile of the world's directory: "plenum.db" keeps them
// beside the record, as plenum serve does (and auth then serves sessions
// from memory, see auth's session cache).
func newWorldAuth(t testing.TB, delegates int, authFile string) *world {
	t.Helper()
	ctx := context.Background()
	w := &world{t: t, dir: t.TempDir(), n: delegates}
	st, err := sqlite.Open(filepath.Join(w.dir, "plenum.db"))
	if err != nil {
		t.Fatal(err)
	}
	signer, vkey, err := ledger.LoadOrCreateKey(w.dir, ledger.DefaultServerName)
	if err != nil {
		t.Fatal(err)
	}
	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	w.verifiers = note.VerifierList(verifier)
	w.eng, err = engine.Open(ctx, st, engine.Options{Signer: signer, Verifiers: w.verifiers})
	if err != nil {
		t.Fatal(err)
	}
	w.auth, err = auth.Open(filepath.Join(w.dir, authFile), auth.Options{RowKey: make([]byte, auth.RowKeySize)})
	if err != nil {
		t.Fatal(err)
	}
	w.api = NewAPI(w.eng, w.auth, Options{Heartbeat: 100 * time.Millisecond})
	w.srv = httptest.NewServer(w.api)
	t.Cleanup(func() {
		w.srv.CloseClientConnections()
		w.srv.Close()
		w.eng.Close()
		w.auth.Close()
		st.Close()
	})

	// The server administrator logs in with the bootstrap link.
	link, err := w.auth.BootstrapAdmin(ctx, w.srv.URL)
	if err != nil || link == "" {
		t.Fatal(link, err)
	}
	res, err := noRedirect.Get(link)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	for _, c := range res.Cookies() {
		if c.Name == auth.CookieName {
			w.admin = &client{w: w, token: c.Value}
		}
	}
	if w.admin == nil {
		t.Fatalf("the administrator link set no cookie (status %d)", res.StatusCode)
	}
	w.admin.mustStatus(201, "POST", "/api/assemblies", `{"args":{"id":"coop","name":"Riverside Cooperative","starts":"2026-05-09","rules":"congress","overrides":{"guests_may_speak":false}}}`, "Idempotency-Key", "create-coop")

	// The rest of the setup goes straight to the engine, in one batch.
	var metas []assembly.Meta
	var cmds []assembly.Command
	add := func(cmd, args string) {
		env := assembly.Envelope{Cmd: cmd, Assembly: "coop", Actor: auth.AdminPerson, At: time.Now().UTC(), Args: json.RawMessage(args)}
		c, err := assembly.ParseCommand(env)
		if err != nil {
			t.Fatalf("%s %s: %v", cmd, args, err)
		}
		metas, cmds = append(metas, env.Meta()), append(cmds, c)
	}
	add("add_organization", `{"id":"org","name":"Riverside","kind":"delegating"}`)
	for _, p := range []string{"ann", "cara", "con", "gus", "nob"} {
		add("add_person", fmt.Sprintf(`{"id":%q,"name":"%s Person"}`, p, strings.ToUpper(p[:1])+p[1:]))
	}
	add("grant_role", `{"person":"ann","role":"chair"}`)
	add("grant_role", `{"person":"cara","role":"mandate_commission"}`)
	mandate := func(p, kind string) {
		add("submit_mandate", fmt.Sprintf(`{"id":"md-%s","person":%q,"organization":"org","kind":%q}`, p, p, kind))
		add("verify_mandate", fmt.Sprintf(`{"mandate":"md-%s"}`, p))
		add("check_in", fmt.Sprintf(`{"person":%q}`, p))
	}
	for i := 1; i <= delegates; i++ {
		p := fmt.Sprintf("d%d", i)
		add("add_person", fmt.Sprintf(`{"id":%q,"name":"Delegate %d"}`, p, i))
		mandate(p, "decisive")
	}
	mandate("con", "consultative")
	mandate("gus", "guest")
	add("open_sitting", `{"id":"s1","date":"2026-05-09","time":"10:00","chair":"ann"}`)
	add("add_item", `{"id":"i1","title":"The budget"}`)
	add("take_up_item", `{"item":"i1"}`)
	add("move_motion", `{"id":"mo1","kind":"substantive","title":"Adopt the budget","item":"i1","mover":"ann"}`)
	add("open_vote", `{"id":"v1","motion":"mo1","method":"roll_call"}`)
	a, _ := w.eng.Assembly("coop")
	if _, i, err := a.SubmitAll(ctx, metas, cmds); err != nil {
		t.Fatalf("setup command %d (%s): %v", i, cmds[i].CommandName(), err)
	}
	return w
}

var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// as returns a client logged in as person of coop.
func (w *world) as(person string) *client {
	w.t.Helper()
	tokens, err := w.auth.NewSessions(context.Background(), "coop", []string{person})
	if err != nil {
		w.t.Fatal(err)
	}
	return &client{w: w, token: tokens[0]}
}

// public is a client without a session.
func (w *world) public() *client { return &client{w: w} }

func (w *world) key() string { return fmt.Sprintf("k%d", w.keys.Add(1)) }

type response struct {
	status int
	header http.Header
	body   []byte
}

func (r response) problem() Problem {
	var p Problem
	json.Unmarshal(r.body, &p)
	return p
}

func (r response) decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decoding %s: %v", r.body, err)
	}
}

// do sends a request; JSON bodies get the CSRF header unless hdr says
// otherwise ("X-Plenum": "" removes it).
func (c *client) do(method, path, body string, hdr ...string) response {
	c.w.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, c.w.srv.URL+path, rd)
	if err != nil {
		c.w.t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("X-Plenum", "1")
	for i := 0; i+1 < len(hdr); i += 2 {
		if hdr[i+1] == "" {
			req.Header.Del(hdr[i])
		} else {
			req.Header.Set(hdr[i], hdr[i+1])
		}
	}
	if c.token != "" {
		req.AddCookie(&http.Cookie{Name: auth.CookieName, Value: c.token})
	}
	res, err := noRedirect.Do(req)
	if err != nil {
		c.w.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return response{status: res.StatusCode, header: res.Header, body: b}
}

func (c *client) mustStatus(status int, method, path, body string, hdr ...string) response {
	c.w.t.Helper()
	r := c.do(method, path, body, hdr...)
	if r.status != status {
		c.w.t.Fatalf("%s %s %s: status %d, want %d: %s", method, path, body, r.status, status, r.body)
	}
	return r
}

// cmd gives a command in coop with a fresh idempotency key.
func (c *client) cmd(cmd, args string) response {
	c.w.t.Helper()
	body, _ := json.Marshal(map[string]any{"cmd": cmd, "args": json.RawMessage(args)})
	return c.do("POST", "/api/assemblies/coop/commands", string(body), "Idempotency-Key", c.w.key())
}

func (c *client) get(path string) response {
	c.w.t.Helper()
	return c.do("GET", path, "")
}

func (w *world) state(fn func(s *assembly.State)) {
	a, ok := w.eng.Assembly("coop")
	if !ok {
		w.t.Fatal("no assembly coop")
	}
	a.Read(fn)
}

func jsonBody(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
