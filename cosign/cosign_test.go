package cosign_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/cosign"
	"plenum/engine"
	"plenum/ledger"
	"plenum/store/sqlite"
	"plenum/tiles"
	"plenum/witness"
)

// syncBuffer is a log destination safe for concurrent writes and reads.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// wit is an in-process witness on an httptest server that counts the
// add-checkpoint requests it gets and can hold them at a gate.
type wit struct {
	name string
	skey string
	vkey string
	srv  *witness.Server
	hs   *httptest.Server

	mu       sync.Mutex
	requests int
	gate     chan struct{} // while non-nil, requests wait for it to close
	down     bool          // answer 503 to everything
	arrived  chan struct{} // gets a value when a request arrives at the gate
}

func (w *wit) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	w.mu.Lock()
	if strings.HasSuffix(r.URL.Path, "/add-checkpoint") {
		w.requests++
	}
	gate, down, srv := w.gate, w.down, w.srv
	w.mu.Unlock()
	if down {
		http.Error(rw, "down for maintenance", http.StatusServiceUnavailable)
		return
	}
	if gate != nil {
		w.arrived <- struct{}{}
		<-gate
	}
	srv.ServeHTTP(rw, r)
}

func (w *wit) count() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.requests
}

func (w *wit) endpoint() witness.Endpoint {
	return witness.Endpoint{URL: w.hs.URL, Verifier: w.srv.Verifier()}
}

// env is an engine over a SQLite file with its cosigner, reopenable.
type env struct {
	t      *testing.T
	path   string
	signer note.Signer
	logV   note.Verifier
	origin string
	wits   []*wit
	k      int // policy threshold
	logs   *syncBuffer
	at     time.Time
	people int

	st  *sqlite.Store
	eng *engine.Engine
	cos *cosign.Cosigner
}

func newEnv(t *testing.T, k int, names ...string) *env {
	t.Helper()
	skey, vkey, err := ledger.GenerateKey(ledger.DefaultServerName)
	if err != nil {
		t.Fatal(err)
	}
	signer, _ := note.NewSigner(skey)
	logV, _ := note.NewVerifier(vkey)
	origin, _ := ledger.Origin(ledger.DefaultServerName, "coop")
	e := &env{t: t, path: filepath.Join(t.TempDir(), "plenum.db"), signer: signer, logV: logV, origin: origin,
		k: k, logs: &syncBuffer{}, at: time.Date(2026, 5, 9, 10, 0, 0, 0, time.UTC)}
	for _, name := range names {
		wskey, wvkey, err := witness.GenerateKey(name)
		if err != nil {
			t.Fatal(err)
		}
		ws, err := witness.ParseSigner(wskey)
		if err != nil {
			t.Fatal(err)
		}
		srv, err := witness.OpenServer(filepath.Join(t.TempDir(), name+".db"), ws,
			[]witness.KnownLog{{Origin: origin, Keys: []note.Verifier{logV}}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { srv.Close() })
		w := &wit{name: name, skey: wskey, vkey: wvkey, srv: srv, arrived: make(chan struct{}, 100)}
		w.hs = httptest.NewServer(w)
		t.Cleanup(w.hs.Close)
		e.wits = append(e.wits, w)
	}
	e.open()
	t.Cleanup(e.close)
	return e
}

func (e *env) policy(k int) *witness.Policy {
	e.t.Helper()
	var vkeys []string
	for _, w := range e.wits {
		vkeys = append(vkeys, w.vkey)
	}
	p, err := witness.NewPolicy(k, vkeys...)
	if err != nil {
		e.t.Fatal(err)
	}
	return p
}

func (e *env) cosigner(k int) *cosign.Cosigner {
	e.t.Helper()
	var eps []witness.Endpoint
	for _, w := range e.wits {
		eps = append(eps, w.endpoint())
	}
	c, err := cosign.New(e.st, &witness.Submitter{Witnesses: eps}, e.policy(k),
		slog.New(slog.NewTextHandler(e.logs, nil)))
	if err != nil {
		e.t.Fatal(err)
	}
	return c
}

func (e *env) open() {
	e.t.Helper()
	st, err := sqlite.Open(e.path)
	if err != nil {
		e.t.Fatal(err)
	}
	e.st = st
	e.cos = e.cosigner(e.k)
	eng, err := engine.Open(context.Background(), st, engine.Options{Signer: e.signer, Verifiers: note.VerifierList(e.logV), Committed: e.cos.Committed})
	if err != nil {
		e.t.Fatal(err)
	}
	e.eng = eng
}

func (e *env) close() {
	if e.eng == nil {
		return
	}
	e.eng.Close()
	e.cos.Close()
	e.st.Close()
	e.eng, e.cos, e.st = nil, nil, nil
}

func (e *env) must(cmd string, args any) {
	e.t.Helper()
	raw, _ := json.Marshal(args)
	e.at = e.at.Add(time.Second)
	if _, err := e.eng.Submit(context.Background(), assembly.Envelope{Cmd: cmd, Assembly: "coop", Actor: "admin", At: e.at, Args: raw}); err != nil {
		e.t.Fatalf("%s: %v", cmd, err)
	}
}

func (e *env) create() {
	e.must("create_assembly", map[string]any{"id": "coop", "name": "Spring general meeting", "starts": "2026-05-09", "rules": "congress"})
}

// addPeople commits n batches, one person each.
func (e *env) addPeople(n int) {
	for range n {
		e.people++
		e.must("add_person", map[string]any{"id": fmt.Sprintf("p%d", e.people), "name": fmt.Sprintf("Person %d", e.people)})
	}
}

func (e *env) size() int64 {
	a, ok := e.eng.Assembly("coop")
	if !ok {
		e.t.Fatal("no assembly coop")
	}
	return a.Log().Size()
}

// wait waits until the cosigner has submitted the log's current size.
func (e *env) wait() int64 {
	e.t.Helper()
	size := e.size()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := e.cos.Wait(ctx, e.origin, size); err != nil {
		e.t.Fatalf("Wait(%d): %v", size, err)
	}
	return size
}

// served fetches the checkpoint as package tiles serves it.
func (e *env) served() []byte {
	e.t.Helper()
	rec := httptest.NewRecorder()
	tiles.Handler(e.st, ledger.DefaultServerName).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tiles.PrefixFor("coop")+"checkpoint", nil))
	if rec.Code != http.StatusOK {
		e.t.Fatalf("GET checkpoint: %d %s", rec.Code, rec.Body)
	}
	return rec.Body.Bytes()
}

// verifiedBy opens a served checkpoint with the log's key and the
// witnesses' and returns the names of the verified signers, sorted.
func (e *env) verifiedBy(served []byte) []string {
	e.t.Helper()
	vs := []note.Verifier{e.logV}
	for _, w := range e.wits {
		vs = append(vs, w.srv.Verifier())
	}
	n, err := note.Open(served, note.VerifierList(vs...))
	if err != nil {
		e.t.Fatalf("served checkpoint %q does not verify: %v", served, err)
	}
	if len(n.UnverifiedSigs) != 0 {
		e.t.Fatalf("served checkpoint %q has unverified signatures", served)
	}
	var names []string
	for _, s := range n.Sigs {
		names = append(names, s.Name)
	}
	slices.Sort(names)
	return names
}

func (e *env) witnessed(c *cosign.Cosigner) (bool, []string) {
	e.t.Helper()
	ok, names, err := c.Witnessed(context.Background(), e.origin)
	if err != nil {
		e.t.Fatalf("Witnessed: %v", err)
	}
	slices.Sort(names)
	return ok, names
}

func (e *env) audit() {
	e.t.Helper()
	if _, err := ledger.Audit(context.Background(), e.st, note.VerifierList(e.logV), ledger.AuditOptions{}); err != nil {
		e.t.Fatalf("Audit with cosignatures stored: %v", err)
	}
}

// TestCosignedServedDurable: every batch's checkpoint reaches both
// witnesses; the served checkpoint carries both cosignatures and verifies;
// the policy 2 of 2 is met; the audit passes; after a restart the
// cosignatures are still served, and the witnesses, unknown to the new
// submitter, are caught up through their 409 answers.
func TestCosignedServedDurable(t *testing.T) {
	e := newEnv(t, 2, "w1.example", "w2.example")
	e.create()
	e.addPeople(3)
	size := e.wait()
	served := e.served()
	if got, want := e.verifiedBy(served), []string{ledger.DefaultServerName, "w1.example", "w2.example"}; !slices.Equal(got, want) {
		t.Fatalf("served checkpoint signed by %v, want %v", got, want)
	}
	h, _ := e.st.Head(context.Background(), e.origin)
	if h.Size != size || !bytes.HasPrefix(served, h.Checkpoint) {
		t.Fatalf("served %q does not extend the head %q of size %d", served, h.Checkpoint, size)
	}
	if ok, names := e.witnessed(e.cos); !ok || len(names) != 2 {
		t.Fatalf("Witnessed = %v %v, want true by both", ok, names)
	}
	if s, err := e.cos.Served(context.Background(), e.origin); err != nil || !bytes.Equal(s, served) {
		t.Fatalf("Served = %q, %v; tiles serves %q", s, err, served)
	}
	st, err := e.cos.Status(context.Background(), e.origin)
	if err != nil || !st.Enabled || !st.Witnessed || st.Size != size || len(st.CosignedBy) != 2 || len(st.Failed) != 0 || st.Policy != "2 of 2 witnesses (w1.example, w2.example)" {
		t.Fatalf("Status = %+v, %v", st, err)
	}
	e.audit()

	e.close()
	e.open()
	if again := e.served(); !bytes.Equal(again, served) {
		t.Fatalf("after restart served %q, want %q", again, served)
	}
	if ok, _ := e.witnessed(e.cos); !ok {
		t.Fatal("after restart the checkpoint is not witnessed")
	}
	before := e.wits[0].count()
	// Nothing to resume: both cosignatures of the head are stored.
	if err := e.cos.Resume(context.Background(), e.eng); err != nil {
		t.Fatal(err)
	}
	e.addPeople(1)
	size2 := e.wait()
	if size2 <= size {
		t.Fatalf("size %d after more commands, was %d", size2, size)
	}
	if got := e.verifiedBy(e.served()); len(got) != 3 {
		t.Fatalf("after restart, new checkpoint signed by %v, want the log and both witnesses", got)
	}
	if ok, _ := e.witnessed(e.cos); !ok {
		t.Fatal("new checkpoint after restart is not witnessed")
	}
	// The new submitter began at old size 0; the witness answered 409
	// with its size, then cosigned the retry with a proof from there.
	if n := e.wits[0].count() - before; n != 2 {
		t.Fatalf("witness got %d requests after restart, want a 409 and its retry per submission", n)
	}
	if s, _ := e.cos.Status(context.Background(), e.origin); len(s.Failed) != 0 {
		t.Fatalf("failures after restart: %v", s.Failed)
	}
	e.audit()
}

// TestWitnessDown: with one of two witnesses unreachable the checkpoint is
// cosigned by the other only: not witnessed under 2 of 2, witnessed under
// 1 of 2.
func TestWitnessDown(t *testing.T) {
	e := newEnv(t, 2, "up.example", "down.example")
	e.wits[1].hs.Close()
	e.create()
	e.addPeople(2)
	e.wait()
	if got := e.verifiedBy(e.served()); !slices.Equal(got, []string{ledger.DefaultServerName, "up.example"}) {
		t.Fatalf("served checkpoint signed by %v", got)
	}
	if ok, names := e.witnessed(e.cos); ok || !slices.Equal(names, []string{"up.example"}) {
		t.Fatalf("2 of 2: Witnessed = %v %v, want false, up.example", ok, names)
	}
	oneOfTwo := e.cosigner(1)
	defer oneOfTwo.Close()
	if ok, names := e.witnessed(oneOfTwo); !ok || !slices.Equal(names, []string{"up.example"}) {
		t.Fatalf("1 of 2: Witnessed = %v %v, want true, up.example", ok, names)
	}
	s, err := e.cos.Status(context.Background(), e.origin)
	if err != nil || s.Witnessed || s.Failed["down.example"] == "" || s.Failed["up.example"] != "" {
		t.Fatalf("Status = %+v, %v", s, err)
	}
	if !strings.Contains(e.logs.String(), "down.example") {
		t.Fatalf("the unreachable witness is not logged: %s", e.logs)
	}
}

// TestCoalescing: while a submission is held up, many batches commit; the
// witnesses then get the latest checkpoint only, and every stored
// cosignature is of a real checkpoint, the last being the final size.
func TestCoalescing(t *testing.T) {
	e := newEnv(t, 2, "w1.example", "w2.example")
	gate := make(chan struct{})
	for _, w := range e.wits {
		w.mu.Lock()
		w.gate = gate
		w.mu.Unlock()
	}
	e.create()
	first := e.size()
	for _, w := range e.wits {
		select {
		case <-w.arrived:
		case <-time.After(10 * time.Second):
			t.Fatalf("witness %s got no request", w.name)
		}
	}
	const batches = 20
	e.addPeople(batches)
	for _, w := range e.wits {
		w.mu.Lock()
		w.gate = nil
		w.mu.Unlock()
	}
	close(gate)
	final := e.wait()

	for _, w := range e.wits {
		if n := w.count(); n != 2 {
			t.Errorf("witness %s got %d requests for %d batches, want 2 (the first checkpoint, then the latest)", w.name, n, batches+1)
		}
	}
	cps, err := e.st.Checkpoints(context.Background(), e.origin, -1, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var cosigned []int64
	for _, cp := range cps {
		lines, err := e.st.Cosignatures(context.Background(), e.origin, cp.Size)
		if err != nil {
			t.Fatal(err)
		}
		if len(lines) == 0 {
			continue
		}
		cosigned = append(cosigned, cp.Size)
		if got := e.verifiedBy(witness.Merge(cp.Signed, lines)); len(got) != 3 {
			t.Fatalf("checkpoint %d with its cosignatures signed by %v", cp.Size, got)
		}
	}
	if want := []int64{first, final}; !slices.Equal(cosigned, want) {
		t.Fatalf("cosigned sizes %v, want %v (of %d checkpoints)", cosigned, want, len(cps))
	}
	if ok, _ := e.witnessed(e.cos); !ok {
		t.Fatal("final checkpoint not witnessed")
	}
}

// TestSplitView: a witness that cosigned another tree under the log's
// origin and key refuses the log's checkpoints (422): the refusal is
// logged loudly and nothing of it is stored; the other witness cosigns.
func TestSplitView(t *testing.T) {
	e := newEnv(t, 1, "honest.example", "fooled.example")
	ctx := context.Background()
	// The fork: another store, the same origin and key, another entry.
	forkSt, err := sqlite.Open(filepath.Join(t.TempDir(), "fork.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer forkSt.Close()
	fork, err := ledger.Open(ctx, forkSt, e.origin, e.signer)
	if err != nil {
		t.Fatal(err)
	}
	defer fork.Close()
	if _, err := fork.Append(ctx, ledger.Entry{Actor: "operator", Type: "assembly.created", Payload: json.RawMessage(`{"id":"coop","name":"Another history"}`)}); err != nil {
		t.Fatal(err)
	}
	fooled := e.wits[1]
	res := (&witness.Submitter{Witnesses: []witness.Endpoint{fooled.endpoint()}, Proofs: fork}).Submit(ctx, fork.Checkpoint())
	if res[0].Err != nil {
		t.Fatalf("the fork was not cosigned: %v", res[0].Err)
	}

	e.create()
	e.addPeople(2)
	e.wait()
	if got := e.verifiedBy(e.served()); !slices.Equal(got, []string{"honest.example", ledger.DefaultServerName}) {
		t.Fatalf("served checkpoint signed by %v, want the log and the honest witness", got)
	}
	cps, _ := e.st.Checkpoints(ctx, e.origin, -1, 1000)
	for _, cp := range cps {
		lines, _ := e.st.Cosignatures(ctx, e.origin, cp.Size)
		if bytes.Contains(bytes.Join(lines, nil), []byte("fooled.example")) {
			t.Fatalf("a cosignature by the fooled witness is stored for size %d", cp.Size)
		}
	}
	logs := e.logs.String()
	if !strings.Contains(logs, "SPLIT VIEW") || !strings.Contains(logs, "fooled.example") || !strings.Contains(logs, "level=ERROR") {
		t.Fatalf("the refusal is not logged as an error: %s", logs)
	}
	if n, err := fooled.srv.Refused(ctx, e.origin); err != nil || n == 0 {
		t.Fatalf("the witness recorded %d refusals, %v", n, err)
	}
	s, err := e.cos.Status(ctx, e.origin)
	if err != nil || !s.Witnessed || !strings.Contains(s.Failed["fooled.example"], "not consistent") {
		t.Fatalf("Status = %+v, %v", s, err)
	}
	e.audit()
}

// TestNew refuses configurations that can never witness anything.
func TestNew(t *testing.T) {
	e := newEnv(t, 1, "a.example", "b.example")
	_, other, _ := witness.GenerateKey("c.example")
	p, _ := witness.NewPolicy(2, e.wits[0].vkey, other)
	for name, c := range map[string]struct {
		sub *witness.Submitter
		p   *witness.Policy
	}{
		"no witnesses":              {&witness.Submitter{}, e.policy(1)},
		"no policy":                 {&witness.Submitter{Witnesses: []witness.Endpoint{e.wits[0].endpoint()}}, nil},
		"policy witness has no URL": {&witness.Submitter{Witnesses: []witness.Endpoint{e.wits[0].endpoint(), e.wits[1].endpoint()}}, p},
	} {
		if _, err := cosign.New(e.st, c.sub, c.p, nil); err == nil {
			t.Errorf("%s: New succeeded", name)
		}
	}
	var nilCos *cosign.Cosigner
	if s, err := nilCos.Status(context.Background(), e.origin); err != nil || s.Enabled {
		t.Fatalf("nil Cosigner Status = %+v, %v", s, err)
	}
}

// TestResume: a checkpoint a witness missed (it was down) is submitted to
// it again by Resume after a restart, and then counts as witnessed.
func TestResume(t *testing.T) {
	e := newEnv(t, 2, "w1.example", "w2.example")
	e.wits[1].mu.Lock()
	e.wits[1].down = true
	e.wits[1].mu.Unlock()
	e.create()
	e.addPeople(1)
	size := e.wait()
	if ok, names := e.witnessed(e.cos); ok || len(names) != 1 {
		t.Fatalf("with w2 down: Witnessed = %v %v", ok, names)
	}
	e.close()
	e.wits[1].mu.Lock()
	e.wits[1].down = false
	e.wits[1].mu.Unlock()
	e.open()
	if err := e.cos.Resume(context.Background(), e.eng); err != nil {
		t.Fatal(err)
	}
	if e.wait() != size {
		t.Fatal("the log grew")
	}
	if ok, names := e.witnessed(e.cos); !ok || len(names) != 2 {
		t.Fatalf("after Resume: Witnessed = %v %v, want true by both", ok, names)
	}
	// w1's cosignature was not stored twice.
	lines, err := e.st.Cosignatures(context.Background(), e.origin, size)
	if err != nil || len(lines) != 2 {
		t.Fatalf("stored cosignatures of size %d: %q, %v; want one per witness", size, lines, err)
	}
}

// TestHungWitness: a witness that takes a request and never answers holds
// up neither the commands nor the serving of checkpoints, nor the
// cosignatures of the other witness: under 1 of 2, each checkpoint is
// witnessed by the answering witness at once, the first while the hung
// witness holds its request and the later ones too.
func TestHungWitness(t *testing.T) {
	e := newEnv(t, 1, "fast.example", "hung.example")
	gate := make(chan struct{})
	hung := e.wits[1]
	hung.mu.Lock()
	hung.gate = gate
	hung.mu.Unlock()
	t.Cleanup(func() { close(gate) }) // runs before the env's cleanups

	witnessedSoon := func(what string) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for {
			ok, names := e.witnessed(e.cos)
			if ok {
				if !slices.Equal(names, []string{"fast.example"}) {
					t.Fatalf("%s: witnessed by %v", what, names)
				}
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: not witnessed by fast.example within 5s while hung.example holds its request", what)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	start := time.Now()
	e.create()
	select {
	case <-hung.arrived:
	case <-time.After(10 * time.Second):
		t.Fatal("the hung witness got no request")
	}
	witnessedSoon("the first checkpoint")
	e.addPeople(3)
	e.served()
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("commands and serving took %v with a witness hung", d)
	}
	witnessedSoon("a later checkpoint")
	if s, err := e.cos.Status(context.Background(), e.origin); err != nil || !s.Witnessed || !s.Pending {
		t.Fatalf("Status = %+v, %v; want witnessed, pending (the hung witness)", s, err)
	}
}

// TestWitnessWentBack: a witness whose database was replaced by an empty
// one still cosigns, and the log says loudly that it has gone back.
func TestWitnessWentBack(t *testing.T) {
	e := newEnv(t, 1, "w1.example")
	e.create()
	e.wait()
	w := e.wits[0]
	ws, err := witness.ParseSigner(w.skey)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := witness.OpenServer(filepath.Join(t.TempDir(), "fresh.db"), ws,
		[]witness.KnownLog{{Origin: e.origin, Keys: []note.Verifier{e.logV}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fresh.Close() })
	w.mu.Lock()
	w.srv = fresh
	w.mu.Unlock()
	e.addPeople(1)
	e.wait()
	if ok, _ := e.witnessed(e.cos); !ok {
		t.Fatal("not witnessed by the witness that went back")
	}
	if !strings.Contains(e.logs.String(), "a witness has gone back") || !strings.Contains(e.logs.String(), "now says 0") {
		t.Fatalf("not logged: %s", e.logs)
	}
}
