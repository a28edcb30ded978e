package fault_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/auth"
	"plenum/engine"
	"plenum/fault"
	"plenum/httpapi"
	"plenum/ledger"
	"plenum/store/postgres"
	"plenum/store/postgres/pgtest"
	"plenum/store/sqlite"
)

// The engine's timeouts in the suite: short, so that a lost reply costs
// a round little time.
const (
	appendTimeout = 500 * time.Millisecond
	settleTimeout = 2 * time.Second
)

// defaultRounds is how many rounds each store gets in the normal test
// run; PLENUM_FAULT_ROUNDS=N runs N instead (the long mode).
const defaultRounds = 100

func roundsWanted(t *testing.T) int {
	if s := os.Getenv("PLENUM_FAULT_ROUNDS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("PLENUM_FAULT_ROUNDS=%q: want a number of rounds", s)
		}
		return n
	}
	if testing.Short() {
		return 10
	}
	return defaultRounds
}

// TestFaultsSQLite runs randomized rounds of concurrent commands, through
// the engine and the API, against a SQLite store that fails, delays or
// loses the reply of chosen appends and reads; see suite.round.
func TestFaultsSQLite(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "plenum.db")
	s := newSuite(t, "sqlite", func() (ledger.Store, error) { return sqlite.Open(path) }, nil)
	s.run(roundsWanted(t))
}

// TestFaultsPostgres is TestFaultsSQLite against PostgreSQL reached
// through a TCP proxy that also drops, delays or cuts the reply to chosen
// COMMITs.
func TestFaultsPostgres(t *testing.T) {
	t.Parallel()
	dsn := pgtest.Fresh(t)
	proxy, err := fault.NewProxy(hostOf(t, dsn))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { proxy.Close() })
	via := pgtest.WithHost(t, dsn, proxy.Addr())
	s := newSuite(t, "postgres", func() (ledger.Store, error) { return postgres.Open(context.Background(), via) }, proxy)
	s.run(roundsWanted(t))
}

// stats are the suite's figures.
type stats struct {
	rounds, restarts, commands       int
	acknowledged, replayed           int // commands answered recorded; of them answered from the record
	refused, notRecorded, unknown    int // answers: refusals of the rules, "nothing recorded", "not known yet"
	suspended, noAnswer              int // answers: "not taking commands", none at all (HTTP)
	dupChecks, reuseChecks           int // retries after success, keys reused for another command
	secretClosed                     int // secret votes closed under faults, their boxes checked
	lost, doubled, lies, wrong, hung int // must all be zero
	faults                           fault.Counts
}

// suite is one store under faults: the engine and the API over it.
type suite struct {
	t         *testing.T
	kind      string
	rng       *rand.Rand
	openRaw   func() (ledger.Store, error)
	proxy     *fault.Proxy
	signer    note.Signer
	verifiers note.Verifiers
	auth      *auth.Store

	raw ledger.Store
	fs  *fault.Store
	eng *engine.Engine

	mu      sync.RWMutex // guards handler
	handler http.Handler
	srv     *httptest.Server

	st stats
}

func newSuite(t *testing.T, kind string, open func() (ledger.Store, error), proxy *fault.Proxy) *suite {
	skey, vkey, err := ledger.GenerateKey(ledger.DefaultServerName)
	if err != nil {
		t.Fatal(err)
	}
	signer, _ := note.NewSigner(skey)
	verifier, _ := note.NewVerifier(vkey)
	as, err := auth.Open(filepath.Join(t.TempDir(), "access.db"), auth.Options{RowKey: make([]byte, auth.RowKeySize)})
	if err != nil {
		t.Fatal(err)
	}
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv("PLENUM_FAULT_SEED"); v != "" {
		seed, _ = strconv.ParseUint(v, 10, 64)
	}
	t.Logf("%s: seed %d (PLENUM_FAULT_SEED=%d repeats the faults chosen)", kind, seed, seed)
	s := &suite{t: t, kind: kind, rng: rand.New(rand.NewPCG(seed, 1917)), openRaw: open, proxy: proxy,
		signer: signer, verifiers: note.VerifierList(verifier), auth: as}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.RLock()
		h := s.handler
		s.mu.RUnlock()
		h.ServeHTTP(w, r)
	}))
	s.open()
	t.Cleanup(func() {
		s.srv.Close()
		s.close()
		as.Close()
	})
	return s
}

// open opens the store, wraps it, and starts the engine and the API.
func (s *suite) open() {
	s.t.Helper()
	raw, err := s.openRaw()
	if err != nil {
		s.t.Fatalf("%s: opening the store: %v", s.kind, err)
	}
	s.raw, s.fs = raw, fault.Wrap(raw)
	s.eng, err = engine.Open(context.Background(), s.fs, engine.Options{Signer: s.signer, Verifiers: s.verifiers,
		AppendTimeout: appendTimeout, SettleTimeout: settleTimeout})
	if err != nil {
		s.t.Fatalf("%s: the engine does not open on the record (a restart that is not clean): %v", s.kind, err)
	}
	// The API's errors (500s) go to the test's log; its warnings (503s,
	// the faults' expected answers) nowhere.
	api := httpapi.NewAPI(s.eng, s.auth, httpapi.Options{Logger: slog.New(slog.NewTextHandler(testLog{s.t}, &slog.HandlerOptions{Level: slog.LevelError}))})
	s.mu.Lock()
	s.handler = s.auth.Middleware(api)
	s.mu.Unlock()
}

func (s *suite) close() {
	if s.eng == nil {
		return
	}
	s.fs.Disarm()
	s.fs.Wait()
	s.eng.Close()
	s.raw.Close()
	s.eng = nil
}

// restart closes the engine and the store and opens them again: it must
// open cleanly, auditing and replaying every log.
func (s *suite) restart() {
	s.close()
	s.open()
	s.st.restarts++
}

// wave is how many rounds run at once, each on its own assembly.
const wave = 8

func (s *suite) run(rounds int) {
	start := time.Now()
	for done := 0; done < rounds && !s.t.Failed(); done += wave {
		s.wave(done, min(wave, rounds-done))
	}
	st := s.st
	s.t.Logf("%s: %d rounds in %v, %d restarts; faults injected: %d (%v)", s.kind, st.rounds, time.Since(start).Round(time.Millisecond), st.restarts, st.faults.Total(), st.faults)
	s.t.Logf("%s: %d commands: %d acknowledged (%d answered from the record), %d refused by the rules; answers on the way: %d nothing recorded, %d not known yet, %d not taking commands, %d no answer",
		s.kind, st.commands, st.acknowledged, st.replayed, st.refused, st.notRecorded, st.unknown, st.suspended, st.noAnswer)
	s.t.Logf("%s: %d retries after success answered from the record, %d keys reused for another command refused", s.kind, st.dupChecks, st.reuseChecks)
	s.t.Logf("%s: %d secret votes closed, every ballot sealed once and the box emptied", s.kind, st.secretClosed)
	s.t.Logf("%s: lost %d, doubled %d, answered wrongly %d (of them told \"not recorded\" though recorded: %d), hung %d", s.kind, st.lost, st.doubled, st.wrong+st.lies, st.lies, st.hung)
	if st.lost+st.doubled+st.lies+st.wrong+st.hung > 0 {
		s.t.Errorf("%s: acknowledged commands lost %d, doubled %d; wrong answers %d, lies %d; hung %d", s.kind, st.lost, st.doubled, st.wrong, st.lies, st.hung)
	}
	if st.faults.Total() < st.rounds/2 {
		s.t.Errorf("%s: only %d faults injected in %d rounds: the suite tests little", s.kind, st.faults.Total(), st.rounds)
	}
}

// outcome is what one attempt at a command was answered.
type outcome int

const (
	recorded    outcome = iota // accepted now
	replayed                   // answered from the record
	refused                    // refused by the rules
	keyRefused                 // the key was used for another command
	notRecorded                // nothing was recorded
	unknown                    // whether it was recorded is not known yet
	suspended                  // the assembly takes no commands for now
	stopped                    // the assembly takes no commands until a restart
	unread                     // in the record, but not read back for the answer
	noAnswer                   // the answer was lost (HTTP)
)

// definite reports whether the answer settles the command.
func (o outcome) definite() bool { return o <= keyRefused }

// attempt is one sending of a command and its answer.
type attempt struct {
	out    outcome
	index  int64
	detail string
}

// client is one command given with an idempotency key, until it gets a
// definite answer.
type client struct {
	actor, key, cmd string
	args            json.RawMessage
	http            bool
	token           string // the HTTP session's cookie
	attempts        []attempt
}

func (c *client) final() attempt {
	if len(c.attempts) == 0 {
		return attempt{out: noAnswer}
	}
	return c.attempts[len(c.attempts)-1]
}

// wave runs n rounds at once, from round first, with the proxy's faults
// (if any) armed for all of them; then, with no fault armed, it makes sure
// every assembly takes commands, sometimes restarts the engine, and
// checks each round's record.
func (s *suite) wave(first, n int) {
	rs := make([]*round, n)
	for i := range rs {
		rs[i] = s.newRound(first + i)
	}
	if s.proxy != nil {
		s.proxy.Arm(s.proxyFaults(n)...)
	}
	var wg sync.WaitGroup
	for i := range rs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.play(rs[i])
		}()
	}
	wg.Wait()
	if s.proxy != nil {
		s.proxy.Arm()
		s.st.faults.Add(s.proxy.Injected())
	}
	s.fs.Disarm()
	s.fs.Wait()
	s.st.faults.Add(s.fs.Injected())
	for _, r := range rs {
		s.serving(r.id)
		// A command left without a definite answer (its assembly
		// stopped) is given again now.
		for _, c := range r.clients {
			if !c.final().out.definite() {
				s.give(r.id, c)
			}
		}
	}
	if s.rng.IntN(10) == 0 {
		s.restart()
	}
	for _, r := range rs {
		s.check(r.id, r.clients)
		s.st.rounds++
	}
}

// round is one assembly's burst of commands under faults.
type round struct {
	id      string
	method  string    // the vote's: roll_call or secret
	clients []*client // the voters', then the chair's
	store   []fault.Fault
	delays  []time.Duration
	dup     []bool
	reuse   []bool
}

// newRound creates the assembly of round r (with no fault armed yet) and
// chooses its commands and faults. Every voter casts a ballot, through the
// engine or the API, and some ask for the floor; the chair closes the
// vote.
func (s *suite) newRound(r int) *round {
	rd := &round{id: fmt.Sprintf("r%d", r), method: []string{"roll_call", "secret"}[s.rng.IntN(2)]}
	n := 4 + s.rng.IntN(9)
	persons := s.setup(rd.id, n, rd.method)
	tokens, err := s.auth.NewSessions(context.Background(), rd.id, persons)
	if err != nil {
		s.t.Fatal(err)
	}
	for i, p := range persons {
		choice := []string{"for", "against", "abstain"}[s.rng.IntN(3)]
		rd.clients = append(rd.clients, &client{actor: p, key: "ballot-" + p, cmd: "cast_ballot", http: s.rng.IntN(3) == 0, token: tokens[i],
			args: json.RawMessage(fmt.Sprintf(`{"vote":"v1","voter":%q,"choice":%q}`, p, choice))})
		if s.rng.IntN(4) == 0 {
			rd.clients = append(rd.clients, &client{actor: p, key: "floor-" + p, cmd: "request_floor", http: s.rng.IntN(2) == 0, token: tokens[i],
				args: json.RawMessage(fmt.Sprintf(`{"item":"i1","person":%q}`, p))})
		}
	}
	rd.clients = append(rd.clients, &client{actor: "admin", key: "close-v1", cmd: "close_vote", args: json.RawMessage(`{"vote":"v1"}`)})
	for range rd.clients {
		rd.delays = append(rd.delays, time.Duration(s.rng.IntN(150))*time.Millisecond)
		rd.dup = append(rd.dup, s.rng.IntN(3) == 0)
		rd.reuse = append(rd.reuse, s.rng.IntN(5) == 0)
	}
	rd.store = s.storeFaults()
	return rd
}

// play arms the round's faults for its log and gives every command at
// once, each client retrying with its key until it gets a definite
// answer, some then retrying once more or reusing the key for another
// command.
func (s *suite) play(rd *round) {
	origin, _ := ledger.Origin(ledger.DefaultServerName, rd.id)
	s.fs.Arm(origin, rd.store...)
	var wg sync.WaitGroup
	for i, c := range rd.clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(rd.delays[i])
			s.give(rd.id, c)
			if c.cmd != "close_vote" && (rd.dup[i] || rd.reuse[i]) {
				s.retryChecks(rd.id, c, rd.dup[i], rd.reuse[i])
			}
		}()
	}
	wg.Wait()
	s.fs.Arm(origin)
}

// storeFaults chooses one or two faults of the store for a round.
func (s *suite) storeFaults() []fault.Fault {
	kinds := []fault.Kind{fault.FailAppend, fault.LoseReply, fault.LateCommit, fault.SlowAppend, fault.FailRead, fault.Outage}
	var out []fault.Fault
	for range 1 + s.rng.IntN(2) {
		f := fault.Fault{Kind: kinds[s.rng.IntN(len(kinds))], At: 1 + s.rng.IntN(4)}
		switch f.Kind {
		case fault.FailAppend, fault.LoseReply:
			if s.rng.IntN(5) < 2 { // and the database goes down
				f.Delay = time.Duration(300+s.rng.IntN(900)) * time.Millisecond
			}
		case fault.LateCommit:
			f.Delay = time.Duration(20+s.rng.IntN(300)) * time.Millisecond
		case fault.SlowAppend:
			f.Delay = s.slow()
		case fault.Outage:
			f.Delay = time.Duration(200+s.rng.IntN(600)) * time.Millisecond
			f.At = 1 + s.rng.IntN(12)
		case fault.FailRead:
			f.At = 1 + s.rng.IntN(12)
		}
		out = append(out, f)
	}
	return out
}

// proxyFaults chooses the proxy's faults for a wave of n rounds: one or
// two a round, on the COMMITs of all of them.
func (s *suite) proxyFaults(n int) []fault.Fault {
	kinds := []fault.Kind{fault.DropReply, fault.CutAfter, fault.CutBefore, fault.DelayReply}
	var out []fault.Fault
	for range n + s.rng.IntN(n+1) {
		f := fault.Fault{Kind: kinds[s.rng.IntN(len(kinds))], At: 1 + s.rng.IntN(4*n)}
		if f.Kind == fault.DelayReply {
			f.Delay = s.slow()
		}
		out = append(out, f)
	}
	return out
}

// slow is a delay of an append or its reply: from well within the
// engine's append timeout to half as long again.
func (s *suite) slow() time.Duration {
	return time.Duration(50+s.rng.IntN(int(appendTimeout.Milliseconds())*3/2)) * time.Millisecond
}

func (s *suite) setup(id string, n int, method string) []string {
	return setupAssembly(s.t, s.eng, id, n, method)
}

// setupAssembly creates the assembly id with n verified, present
// delegates, a sitting, an item, a motion and an open vote by method
// (roll_call or secret), with no fault armed, and returns the delegates.
func setupAssembly(t *testing.T, eng *engine.Engine, id string, n int, method string) []string {
	ctx := context.Background()
	at := time.Now().UTC()
	env := func(actor, cmd string, args any) assembly.Envelope {
		raw, _ := json.Marshal(args)
		return assembly.Envelope{Cmd: cmd, Assembly: id, Actor: actor, At: at, Args: raw, Key: "setup-" + cmd + "-" + string(raw)}
	}
	// No fault is armed, but a loaded machine may still make an append
	// time out: the setup is sent again with its keys until it is in.
	retry := func(what string, fn func() error) {
		for deadline := time.Now().Add(giveUpAfter); ; time.Sleep(50 * time.Millisecond) {
			err := fn()
			if err == nil {
				return
			}
			if !errors.Is(err, engine.ErrNotRecorded) && !errors.Is(err, engine.ErrSuspended) && !errors.Is(err, ledger.ErrOutcomeUnknown) || time.Now().After(deadline) {
				t.Fatalf("%s: %s: %v", id, what, err)
			}
		}
	}
	retry("create_assembly", func() error {
		_, err := eng.Submit(ctx, env("admin", "create_assembly", map[string]any{"id": id, "name": "Round " + id, "starts": "2026-05-09", "rules": "congress"}))
		return err
	})
	var envs []assembly.Envelope
	add := func(actor, cmd string, args map[string]any) { envs = append(envs, env(actor, cmd, args)) }
	add("admin", "add_organization", map[string]any{"id": "members", "name": "The members", "kind": "delegating"})
	var persons []string
	for i := range n {
		p := fmt.Sprintf("d%d", i)
		persons = append(persons, p)
		add("admin", "add_person", map[string]any{"id": p, "name": "Delegate " + p})
		add("admin", "submit_mandate", map[string]any{"id": "m-" + p, "person": p, "organization": "members", "kind": "decisive"})
		add("admin", "verify_mandate", map[string]any{"mandate": "m-" + p})
		add(p, "check_in", map[string]any{"person": p})
	}
	// "admin" is the server administrator, never a person: the sitting
	// has a chair of its own, and the administrator acts above it.
	add("admin", "add_person", map[string]any{"id": "chief", "name": "The chair"})
	add("admin", "open_sitting", map[string]any{"id": "s1", "date": "2026-05-09", "chair": "chief"})
	add("admin", "add_item", map[string]any{"id": "i1", "title": "The budget"})
	add("admin", "take_up_item", map[string]any{"item": "i1"})
	add("admin", "move_motion", map[string]any{"id": "m1", "kind": "substantive", "title": "Adopt the budget", "item": "i1", "mover": "chief"})
	add("admin", "open_vote", map[string]any{"id": "v1", "motion": "m1", "method": method})
	metas := make([]assembly.Meta, len(envs))
	cmds := make([]assembly.Command, len(envs))
	for i, e := range envs {
		c, err := assembly.ParseCommand(e)
		if err != nil {
			t.Fatalf("%s: %s: %v", id, e.Cmd, err)
		}
		metas[i], cmds[i] = e.Meta(), c
	}
	a, _ := eng.Assembly(id)
	retry("the setup", func() error {
		_, _, err := a.SubmitAll(ctx, metas, cmds)
		return err
	})
	return persons
}

// giveUpAfter bounds how long a client keeps sending a command.
const giveUpAfter = 30 * time.Second

// give sends c until it gets a definite answer, or its assembly stops.
func (s *suite) give(id string, c *client) {
	deadline := time.Now().Add(giveUpAfter)
	for {
		a := s.send(id, c, c.args)
		c.attempts = append(c.attempts, a)
		if a.out.definite() || a.out == stopped {
			return
		}
		if time.Now().After(deadline) {
			s.t.Errorf("%s: %s %s by %s: no definite answer in %v; the last: %v %s", s.kind, id, c.cmd, c.actor, giveUpAfter, a.out, a.detail)
			return
		}
		time.Sleep(time.Duration(20+rand.IntN(60)) * time.Millisecond)
	}
}

// retryChecks, after c got a definite answer: a retry with the same key
// must be answered from the record, with the same entry; the key for
// another command must be refused.
func (s *suite) retryChecks(id string, c *client, dup, reuse bool) {
	f := c.final()
	if f.out != recorded && f.out != replayed {
		return
	}
	again := func(args json.RawMessage) attempt {
		for deadline := time.Now().Add(giveUpAfter); ; time.Sleep(30 * time.Millisecond) {
			a := s.send(id, c, args)
			if a.out.definite() || time.Now().After(deadline) {
				return a
			}
		}
	}
	if dup {
		if a := again(c.args); a.out != replayed || a.index != f.index {
			s.wrongf(id, c, "a retry after success was answered %v at %d (%s); want replayed at %d", a.out, a.index, a.detail, f.index)
		} else {
			s.count(func(st *stats) { st.dupChecks++ })
		}
	}
	if reuse {
		// The same command with other arguments: a ballot for another
		// voter, or a request for the floor for someone else.
		other := json.RawMessage(strings.Replace(string(c.args), `"voter":"`, `"voter":"someone-else-`, 1))
		if c.cmd != "cast_ballot" {
			other = json.RawMessage(`{"item":"i1","person":"someone-else"}`)
		} else {
			// Another choice under the same key is the same ballot (the
			// request hash leaves the choice out, so as not to give a
			// secret ballot's choice away): the first ballot stands.
			choice := json.RawMessage(strings.NewReplacer(`"for"`, `"against"`, `"against"`, `"abstain"`, `"abstain"`, `"for"`).Replace(string(c.args)))
			if a := again(choice); a.out != replayed || a.index != f.index {
				s.wrongf(id, c, "the key reused with another choice was answered %v at %d (%s); want replayed at %d", a.out, a.index, a.detail, f.index)
			}
		}
		if a := again(other); a.out != keyRefused {
			s.wrongf(id, c, "the key reused for another command was answered %v (%s); want refused", a.out, a.detail)
		} else {
			s.count(func(st *stats) { st.reuseChecks++ })
		}
	}
}

var countMu sync.Mutex

func (s *suite) count(fn func(*stats)) {
	countMu.Lock()
	fn(&s.st)
	countMu.Unlock()
}

func (s *suite) wrongf(id string, c *client, format string, args ...any) {
	s.count(func(st *stats) { st.wrong++ })
	s.t.Errorf("%s: %s %s by %s (key %s): %s", s.kind, id, c.cmd, c.actor, c.key, fmt.Sprintf(format, args...))
}

// send gives c's command once, with args, through the engine or the API.
func (s *suite) send(id string, c *client, args json.RawMessage) attempt {
	if c.http {
		return s.sendHTTP(id, c, args)
	}
	env := assembly.Envelope{Cmd: c.cmd, Assembly: id, Actor: c.actor, At: time.Now().UTC(), Key: c.key, Args: args}
	done := make(chan attempt, 1)
	go func() {
		res, err := s.eng.Submit(context.Background(), env)
		done <- classify(res, err)
	}()
	select {
	case a := <-done:
		return a
	case <-time.After(giveUpAfter):
		s.count(func(st *stats) { st.hung++ })
		s.t.Errorf("%s: %s %s by %s: the engine did not answer in %v", s.kind, id, c.cmd, c.actor, giveUpAfter)
		return attempt{out: noAnswer, detail: "hung"}
	}
}

// classify turns the engine's answer into an outcome.
func classify(res *engine.Result, err error) attempt {
	var ae *assembly.Error
	switch {
	case err == nil && res.Replayed:
		return attempt{out: replayed, index: res.First()}
	case err == nil:
		return attempt{out: recorded, index: res.First()}
	case errors.As(err, &ae) && ae.Field == "key":
		return attempt{out: keyRefused, detail: err.Error()}
	case errors.As(err, &ae) && ae.Code != assembly.ErrCorrupt:
		return attempt{out: refused, detail: err.Error()}
	case errors.Is(err, engine.ErrNotRecorded):
		return attempt{out: notRecorded, detail: err.Error()}
	case errors.Is(err, ledger.ErrOutcomeUnknown):
		return attempt{out: unknown, detail: err.Error()}
	case errors.Is(err, engine.ErrSuspended):
		return attempt{out: suspended, detail: err.Error()}
	case errors.Is(err, engine.ErrUnread):
		return attempt{out: unread, detail: err.Error()}
	case errors.Is(err, engine.ErrStopped), errors.Is(err, ledger.ErrClosed):
		return attempt{out: stopped, detail: err.Error()}
	}
	return attempt{out: noAnswer, detail: "unexpected: " + err.Error()}
}

// sendHTTP gives c's command through the API, with its session and key.
func (s *suite) sendHTTP(id string, c *client, args json.RawMessage) attempt {
	body, _ := json.Marshal(map[string]any{"cmd": c.cmd, "args": args})
	req, _ := http.NewRequest("POST", s.srv.URL+"/api/assemblies/"+id+"/commands", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Plenum", "1")
	req.Header.Set("Idempotency-Key", c.key)
	req.AddCookie(&http.Cookie{Name: auth.CookieName, Value: c.token})
	hc := &http.Client{Timeout: giveUpAfter}
	resp, err := hc.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || strings.Contains(err.Error(), "Timeout") {
			s.count(func(st *stats) { st.hung++ })
			s.t.Errorf("%s: %s %s by %s through the API: no answer in %v", s.kind, id, c.cmd, c.actor, giveUpAfter)
		}
		return attempt{out: noAnswer, detail: err.Error()}
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var out struct {
		Events   []httpapi.EventRef `json:"events"`
		Replayed bool               `json:"replayed"`
		Detail   string             `json:"detail"`
		Field    string             `json:"field"`
	}
	json.Unmarshal(b, &out)
	a := attempt{detail: fmt.Sprintf("%d %s", resp.StatusCode, out.Detail)}
	if len(out.Events) > 0 {
		a.index = out.Events[0].Index
	}
	switch {
	case resp.StatusCode == 201 && !out.Replayed:
		a.out = recorded
	case resp.StatusCode == 200 && out.Replayed:
		a.out = replayed
	case resp.StatusCode == 422 && out.Field == "key":
		a.out = keyRefused
	case resp.StatusCode == 409:
		a.out = refused
	case resp.StatusCode == 503 && strings.HasPrefix(out.Detail, "nothing was recorded"):
		a.out = notRecorded
	case resp.StatusCode == 503 && strings.HasPrefix(out.Detail, "whether the command was recorded is not known yet"):
		a.out = unknown
	case resp.StatusCode == 503 && strings.Contains(out.Detail, "takes no commands for now"):
		a.out = suspended
	case resp.StatusCode == 503 && strings.HasPrefix(out.Detail, "the command is in the record"):
		a.out = unread
	case resp.StatusCode == 503:
		a.out = stopped
	default:
		s.t.Errorf("%s: %s %s by %s through the API: unexpected answer %d %s", s.kind, id, c.cmd, c.actor, resp.StatusCode, b)
		a.out = noAnswer
	}
	return a
}

// serving makes sure the engine takes commands again after the round's
// faults: a probe command, sent until the assembly takes it (while it is
// suspended, it resumes by itself), or a restart if it has stopped.
func (s *suite) serving(id string) {
	probe := &client{actor: "admin", key: "probe", cmd: "record_interjection", args: json.RawMessage(`{"kind":"applause"}`)}
	s.give(id, probe)
	if probe.final().out == stopped {
		s.restart()
		probe.attempts = nil
		s.give(id, probe)
	}
	if o := probe.final().out; o != recorded && o != replayed {
		s.t.Errorf("%s: %s: the engine does not take commands after the round: %v %s", s.kind, id, o, probe.final().detail)
	}
}

// check reads the round's log back from the store and checks every
// client's answers against it: the full audit with replay passes; every
// command acknowledged is in the log exactly once, at the entry it was
// answered with; no command is there twice; no command answered "nothing
// was recorded" (or refused while suspended) was recorded after all; and
// the engine's state is the record's.
func (s *suite) check(id string, clients []*client) {
	ctx := context.Background()
	origin, _ := ledger.Origin(ledger.DefaultServerName, id)
	r := engine.NewReplayer()
	if _, err := ledger.Audit(ctx, s.raw, s.verifiers, ledger.AuditOptions{Origins: []string{origin}, Replay: r.Apply}); err != nil {
		s.t.Fatalf("%s: %s: the audit fails: %v", s.kind, id, err)
	}
	h, err := s.raw.Head(ctx, origin)
	if err != nil {
		s.t.Fatal(err)
	}
	entries, err := ledger.ReadEntries(ctx, s.raw, origin, 0, h.Size)
	if err != nil {
		s.t.Fatal(err)
	}
	// A command's events all carry its key; its first event's type
	// appears once per command.
	first := map[string]string{}  // key → type of its first event
	found := map[string][]int64{} // key → the entries of that type
	for _, e := range entries {
		ev, err := assembly.DecodeEvent(e.Type, e.Payload)
		if err != nil {
			s.t.Fatal(err)
		}
		k := ev.EventMeta().Key
		if k == "" {
			continue
		}
		if _, ok := first[k]; !ok {
			first[k] = e.Type
		}
		if first[k] == e.Type {
			found[k] = append(found[k], e.Index)
		}
	}
	for _, c := range clients {
		k := c.actor + "/" + c.key
		at := found[k]
		f := c.final()
		if len(at) > 1 {
			s.st.doubled++
			s.t.Errorf("%s: %s: %s by %s recorded %d times, at %v; answers %v", s.kind, id, c.cmd, c.actor, len(at), at, c.attempts)
		}
		s.st.commands++
		for _, a := range c.attempts {
			switch a.out {
			case notRecorded:
				s.st.notRecorded++
			case unknown:
				s.st.unknown++
			case suspended:
				s.st.suspended++
			case noAnswer:
				s.st.noAnswer++
			}
		}
		switch f.out {
		case recorded, replayed:
			s.st.acknowledged++
			if f.out == replayed {
				s.st.replayed++
			}
			if len(at) == 0 {
				s.st.lost++
				s.t.Errorf("%s: %s: %s by %s acknowledged at %d but not in the log; answers %v", s.kind, id, c.cmd, c.actor, f.index, c.attempts)
			} else if at[0] != f.index {
				s.st.wrong++
				s.t.Errorf("%s: %s: %s by %s acknowledged at %d but recorded at %d", s.kind, id, c.cmd, c.actor, f.index, at[0])
			}
			if f.out == replayed && onlyDenials(c.attempts[:len(c.attempts)-1]) {
				s.st.lies++
				s.t.Errorf("%s: %s: %s by %s was recorded though every earlier answer said it was not: %v", s.kind, id, c.cmd, c.actor, c.attempts)
			}
		case refused, keyRefused:
			s.st.refused++
			if len(at) > 0 {
				s.st.wrong++
				s.t.Errorf("%s: %s: %s by %s is recorded at %v, but its last answer refused it: %v", s.kind, id, c.cmd, c.actor, at, c.attempts)
			}
		default:
			s.t.Errorf("%s: %s: %s by %s got no definite answer: %v", s.kind, id, c.cmd, c.actor, c.attempts)
		}
	}
	a, ok := s.eng.Assembly(id)
	if !ok {
		s.t.Fatalf("%s: no assembly %s", s.kind, id)
	}
	a.Read(func(st *assembly.State) {
		if !reflect.DeepEqual(st, r.State(origin)) {
			s.t.Errorf("%s: %s: the engine's state differs from the record's", s.kind, id)
		}
	})
	// A secret vote's ballot box holds one row per ballot while the vote
	// is open, and none once the close is recorded; the close seals one
	// ballot per voter.
	v := r.State(origin).Votes["v1"]
	if v == nil || v.Method != "secret" {
		return
	}
	box, err := s.raw.SealedBallots(ctx, origin, "v1")
	if err != nil {
		s.t.Fatal(err)
	}
	switch {
	case v.Status == assembly.VoteStatusOpen && len(box) != len(v.Ballots):
		s.t.Errorf("%s: %s: the open secret vote has %d ballots and %d rows in its box", s.kind, id, len(v.Ballots), len(box))
	case v.Status != assembly.VoteStatusOpen && len(box) != 0:
		s.t.Errorf("%s: %s: the closed secret vote's box still holds %d rows", s.kind, id, len(box))
	case v.Status != assembly.VoteStatusOpen && len(v.Sealed) != len(v.Ballots):
		s.t.Errorf("%s: %s: the closed secret vote sealed %d ballots of %d", s.kind, id, len(v.Sealed), len(v.Ballots))
	}
	if v.Status != assembly.VoteStatusOpen {
		s.count(func(st *stats) { st.secretClosed++ })
	}
}

// testLog writes to the test's log.
type testLog struct{ t *testing.T }

func (l testLog) Write(b []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(b)))
	return len(b), nil
}

// onlyDenials reports whether every answer says the command was not
// recorded (and there was at least one).
func onlyDenials(as []attempt) bool {
	for _, a := range as {
		if a.out != notRecorded && a.out != suspended {
			return false
		}
	}
	return len(as) > 0
}

func (o outcome) String() string {
	return [...]string{"recorded", "replayed", "refused", "key refused", "not recorded", "unknown", "suspended", "stopped", "unread", "no answer"}[o]
}

func (a attempt) String() string {
	if a.out == recorded || a.out == replayed {
		return fmt.Sprintf("%v@%d", a.out, a.index)
	}
	return a.out.String()
}

// hostOf returns the host:port of a postgres:// DSN.
func hostOf(t *testing.T, dsn string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil || u.Port() == "" {
		t.Fatalf("%q: want a postgres:// URL with host and port", dsn)
	}
	return u.Host
}
