package witness

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/remote/tlogtest"
)

func TestSubmitter(t *testing.T) {
	ctx := context.Background()
	l := tlogtest.New(origin)
	w1, hs1 := newServer(t, l)
	w2, hs2 := newNamedServer(t, "witness.test/w2", l)
	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "maintenance", http.StatusServiceUnavailable)
	}))
	defer down.Close()
	w3 := newSigner(t, "witness.test/w3")

	// w1 has already cosigned size 4, through another submitter.
	l.Append(entries(4)...)
	first := &Submitter{Witnesses: []Endpoint{{URL: hs1.URL, Verifier: w1.Verifier()}}, Proofs: l}
	if r := first.Submit(ctx, l.Checkpoint()); r[0].Err != nil {
		t.Fatal(r[0].Err)
	}

	l.Append(entries(7)...)
	cp := l.Checkpoint()
	sub := &Submitter{
		Witnesses: []Endpoint{
			{URL: hs1.URL, Verifier: w1.Verifier()},
			{URL: hs2.URL + "/", Verifier: w2.Verifier()},
			{URL: down.URL, Verifier: w3.Verifier()},
		},
		Proofs: l,
	}
	res := sub.Submit(ctx, cp)
	if res[0].Err != nil || res[1].Err != nil {
		t.Fatalf("w1: %v; w2: %v", res[0].Err, res[1].Err)
	}
	if res[2].Err == nil || !strings.Contains(res[2].Err.Error(), "503") || !strings.Contains(res[2].Err.Error(), "witness.test/w3") {
		t.Errorf("unavailable witness: %v", res[2].Err)
	}
	for _, w := range []*Server{w1, w2} {
		if size, _, _, _ := w.State(ctx, origin); size != 11 {
			t.Errorf("witness at size %d, want 11", size)
		}
	}
	merged := Merge(cp, Cosignatures(res))
	if !bytes.HasPrefix(merged, cp) || bytes.Count(merged, []byte("\n— ")) != 3 {
		t.Fatalf("merged checkpoint:\n%s", merged)
	}
	if again := Merge(merged, Cosignatures(res)); !bytes.Equal(again, merged) {
		t.Error("Merge repeated signature lines")
	}
	// The log's own signature still verifies on the merged note.
	if _, err := note.Open(merged, note.VerifierList(l.Verifier())); err != nil {
		t.Error(err)
	}

	p2, _ := NewPolicy(2, w1.Verifier().String(), w2.Verifier().String(), w3.Verifier().String())
	if names, err := p2.Check(merged); err != nil || len(names) != 2 {
		t.Errorf("2 of 3: %v %v", names, err)
	}
	p3, _ := NewPolicy(3, w1.Verifier().String(), w2.Verifier().String(), w3.Verifier().String())
	if _, err := p3.Check(merged); !errors.Is(err, ErrNotWitnessed) || !strings.Contains(err.Error(), "2 valid cosignatures") {
		t.Errorf("3 of 3: %v", err)
	}
	if _, err := p2.Check(cp); !errors.Is(err, ErrNotWitnessed) {
		t.Errorf("no cosignatures: %v", err)
	}
	// A cosignature moved to another checkpoint is invalid.
	l.Append(entries(1)...)
	moved := Merge(l.Checkpoint(), Cosignatures(res))
	if _, err := p2.Check(moved); err == nil || errors.Is(err, ErrNotWitnessed) {
		t.Errorf("moved cosignatures: %v", err)
	}

	// The submitter remembers the sizes: the next round needs no 409.
	cp12 := l.Checkpoint()
	if r := sub.Submit(ctx, cp12); r[0].Err != nil || r[1].Err != nil {
		t.Fatalf("next round: %v %v", r[0].Err, r[1].Err)
	}
}

func TestPolicyValidate(t *testing.T) {
	_, vk, _ := GenerateKey("witness.test/a")
	for _, c := range []struct {
		k     int
		vkeys []string
		want  string
	}{
		{0, []string{vk}, "at least 1"},
		{2, []string{vk}, "names only 1"},
		{1, []string{vk, vk}, "given twice"},
		{1, []string{"nonsense"}, "malformed"},
	} {
		if _, err := NewPolicy(c.k, c.vkeys...); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("NewPolicy(%d, %d keys) = %v, want %q", c.k, len(c.vkeys), err, c.want)
		}
	}
}

// TestSubmitterBadAnswers checks that the submitter refuses answers that
// are not what the protocol promises.
func TestSubmitterBadAnswers(t *testing.T) {
	ctx := context.Background()
	l := tlogtest.New(origin)
	l.Append(entries(3)...)
	real, hs := newServer(t, l)
	impostor := newSigner(t, "witness.test/w1")
	cases := []struct {
		name    string
		handler http.HandlerFunc
		want    string
	}{
		{"cosignature by another key", func(w http.ResponseWriter, r *http.Request) {
			cp := l.Checkpoint()
			signed, _ := note.Sign(&note.Note{Text: string(cp[:bytes.Index(cp, []byte("\n\n"))+1])}, impostor)
			w.Write(signed[bytes.LastIndex(signed, []byte("\n\n"))+2:])
		}, "does not verify"},
		{"garbage", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("hello")) }, "not signature lines"},
		{"409 without size type", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(409)
			w.Write([]byte("7\n"))
		}, "text/x.tlog.size"},
		{"409 with garbage", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/x.tlog.size")
			w.WriteHeader(409)
			w.Write([]byte("many\n"))
		}, "not a tree size"},
		{"409 ahead of the log", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/x.tlog.size")
			w.WriteHeader(409)
			w.Write([]byte("70\n"))
		}, "larger than this checkpoint's 3"},
		{"422", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "bad proof", 422) }, "refuses tree size 3"},
	}
	for _, c := range cases {
		fake := httptest.NewServer(c.handler)
		sub := &Submitter{Witnesses: []Endpoint{{URL: fake.URL, Verifier: real.Verifier()}}, Proofs: l}
		r := sub.Submit(ctx, l.Checkpoint())
		fake.Close()
		if r[0].Err == nil || !strings.Contains(r[0].Err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, r[0].Err, c.want)
		}
	}
	_ = hs
	sub := &Submitter{Witnesses: []Endpoint{{URL: hs.URL, Verifier: real.Verifier()}}, Proofs: l}
	if r := sub.Submit(ctx, []byte("not a checkpoint")); r[0].Err == nil {
		t.Error("submitted a malformed checkpoint")
	}
}

// TestSplitViewWitness: a log server shows two different logs under one
// origin and key. The witness cosigns the first and refuses the second.
func TestSplitViewWitness(t *testing.T) {
	ctx := context.Background()
	delegates := tlogtest.New(origin)
	press := tlogtest.NewWithSigner(origin, delegates.Signer, delegates.VKey)
	delegates.Append(entries(8)...)
	press.Append(entries(5)...)
	press.Append([]byte(`{"index":5,"resolution":"rewritten"}`))
	press.Append(entries(4)...)

	w, hs := newServer(t, delegates)
	ep := []Endpoint{{URL: hs.URL, Verifier: w.Verifier()}}
	if r := (&Submitter{Witnesses: ep, Proofs: delegates}).Submit(ctx, delegates.Checkpoint()); r[0].Err != nil {
		t.Fatal(r[0].Err)
	}
	// The press's submitter first learns size 8 by a 409, then its proof fails: 422.
	r := (&Submitter{Witnesses: ep, Proofs: press}).Submit(ctx, press.Checkpoint())
	if !errors.Is(r[0].Err, ErrInconsistent) {
		t.Fatalf("split view: %v, want ErrInconsistent", r[0].Err)
	}
	if size, hash, _, _ := w.State(ctx, origin); size != 8 || hash != delegates.TreeHash(8) {
		t.Errorf("witness moved to %d %v", size, hash)
	}
	if n, _ := w.Refused(ctx, origin); n != 1 {
		t.Errorf("%d refusals recorded, want 1", n)
	}
}

// TestSubmitterDoesNotKeepClaims: a witness's 409 naming a size larger
// than the checkpoint is an unsigned claim. The submission fails, but the
// claim is not remembered: the next submission asks the witness again,
// and is cosigned once the witness answers truthfully.
func TestSubmitterDoesNotKeepClaims(t *testing.T) {
	ctx := context.Background()
	l := tlogtest.New(origin)
	l.Append(entries(3)...)
	real, hs := newServer(t, l)
	var lies atomic.Int32
	lies.Store(1)
	fake := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if lies.Add(-1) >= 0 {
			w.Header().Set("Content-Type", "text/x.tlog.size")
			w.WriteHeader(409)
			w.Write([]byte("1000000\n"))
			return
		}
		real.ServeHTTP(w, r)
	}))
	defer fake.Close()
	sub := &Submitter{Witnesses: []Endpoint{{URL: fake.URL, Verifier: real.Verifier()}}, Proofs: l}
	if r := sub.Submit(ctx, l.Checkpoint()); !errors.Is(r[0].Err, ErrInconsistent) || !strings.Contains(r[0].Err.Error(), "1000000") {
		t.Fatalf("409 claiming size 1000000: %v", r[0].Err)
	}
	l.Append(entries(2)...)
	if r := sub.Submit(ctx, l.Checkpoint()); r[0].Err != nil {
		t.Fatalf("the next checkpoint, the witness now truthful: %v", r[0].Err)
	}
	if size, _, _, _ := real.State(ctx, origin); size != 5 {
		t.Errorf("witness at %d, want 5", size)
	}
	_ = hs
}

// TestSubmitterCosignatureOfAnotherCheckpoint: a valid cosignature by
// the witness's own key, but of another checkpoint of the log, is refused.
func TestSubmitterCosignatureOfAnotherCheckpoint(t *testing.T) {
	ctx := context.Background()
	l := tlogtest.New(origin)
	l.Append(entries(3)...)
	old := l.Checkpoint()
	l.Append(entries(1)...)
	ws := newSigner(t, "witness.test/w1")
	fake := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		signed, _ := note.Sign(&note.Note{Text: string(old[:bytes.Index(old, []byte("\n\n"))+1])}, ws)
		w.Write(signed[bytes.LastIndex(signed, []byte("\n\n"))+2:])
	}))
	defer fake.Close()
	sub := &Submitter{Witnesses: []Endpoint{{URL: fake.URL, Verifier: ws.Verifier()}}, Proofs: l}
	if r := sub.Submit(ctx, l.Checkpoint()); r[0].Err == nil || r[0].Cosignature != nil || !strings.Contains(r[0].Err.Error(), "does not verify") {
		t.Fatalf("cosignature of size 3 for size 4: %q %v", r[0].Cosignature, r[0].Err)
	}
}

// TestSubmitterHungWitness: a witness that takes the request and never
// answers costs a submission at most requestTimeout, even with a Client
// of no timeout of its own.
func TestSubmitterHungWitness(t *testing.T) {
	defer func(d time.Duration) { requestTimeout = d }(requestTimeout)
	requestTimeout = 200 * time.Millisecond
	ctx := context.Background()
	l := tlogtest.New(origin)
	l.Append(entries(3)...)
	release := make(chan struct{})
	hung := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(200)
		w.(http.Flusher).Flush() // the answer starts, and never ends
		<-release
	}))
	defer hung.Close()
	defer close(release)
	ws := newSigner(t, "witness.test/w1")
	sub := &Submitter{Witnesses: []Endpoint{{URL: hung.URL, Verifier: ws.Verifier()}}, Proofs: l, Client: &http.Client{}}
	done := make(chan []Result, 1)
	start := time.Now()
	go func() { done <- sub.Submit(ctx, l.Checkpoint()) }()
	select {
	case r := <-done:
		if r[0].Err == nil {
			t.Fatal("a hung witness cosigned")
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("the submission took %v", d)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the submission to a hung witness did not end within 5s")
	}
}

// TestSubmitterWitnessWentBack: a witness that cosigned size 5 and then
// answers 409 naming a smaller size has lost what it cosigned (a restored
// or replaced database): the checkpoint is still cosigned, but the result
// says so.
func TestSubmitterWitnessWentBack(t *testing.T) {
	ctx := context.Background()
	l := tlogtest.New(origin)
	l.Append(entries(5)...)
	signer := newSigner(t, "witness.test/w1")
	open := func() *Server {
		s, err := OpenServer(filepath.Join(t.TempDir(), "witness.db"), signer, []KnownLog{{Origin: origin, Keys: []note.Verifier{l.Verifier()}}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	var current atomic.Pointer[Server]
	current.Store(open())
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { current.Load().ServeHTTP(w, r) }))
	defer hs.Close()
	sub := &Submitter{Witnesses: []Endpoint{{URL: hs.URL, Verifier: signer.Verifier()}}, Proofs: l}
	if r := sub.Submit(ctx, l.Checkpoint()); r[0].Err != nil || r[0].Warning != "" {
		t.Fatalf("size 5: %v %q", r[0].Err, r[0].Warning)
	}
	current.Store(open()) // a new, empty database
	l.Append(entries(4)...)
	r := sub.Submit(ctx, l.Checkpoint())
	if r[0].Err != nil || r[0].Cosignature == nil {
		t.Fatalf("size 9: %v", r[0].Err)
	}
	if !strings.Contains(r[0].Warning, "cosigned tree size 5") || !strings.Contains(r[0].Warning, "now says 0") {
		t.Errorf("warning %q", r[0].Warning)
	}
}
