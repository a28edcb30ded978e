package witness

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
	"plenum/remote/tlogtest"
	"plenum/store/postgres/pgtest"
)

const origin = "plenum.test/assembly/march-1917"

func newSigner(t *testing.T, name string) *Signer {
	t.Helper()
	skey, _, err := GenerateKey(name)
	if err != nil {
		t.Fatal(err)
	}
	s, err := ParseSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func newServer(t *testing.T, logs ...*tlogtest.Log) (*Server, *httptest.Server) {
	t.Helper()
	return newNamedServer(t, "witness.test/w1", logs...)
}

func newNamedServer(t *testing.T, name string, logs ...*tlogtest.Log) (*Server, *httptest.Server) {
	t.Helper()
	var known []KnownLog
	for _, l := range logs {
		known = append(known, KnownLog{Origin: l.Origin, Keys: []note.Verifier{l.Verifier()}})
	}
	s, err := OpenServer(filepath.Join(t.TempDir(), "witness.db"), newSigner(t, name), known, nil)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(s)
	t.Cleanup(func() { hs.Close(); s.Close() })
	return s, hs
}

func entries(n int) [][]byte {
	var out [][]byte
	for i := range n {
		out = append(out, fmt.Appendf(nil, `{"index":%d}`, i))
	}
	return out
}

func TestKeys(t *testing.T) {
	skey, vkey, err := GenerateKey("witness.test/w1")
	if err != nil {
		t.Fatal(err)
	}
	s, err := ParseSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	if v.String() != vkey || s.Verifier().String() != vkey {
		t.Fatalf("verifier key does not round-trip: %q %q %q", v.String(), s.Verifier().String(), vkey)
	}
	// The key ID is SHA-256(name || "\n" || 0x04 || key)[:4] (c2sp.org/tlog-cosignature).
	raw, _ := base64.StdEncoding.DecodeString(strings.SplitN(vkey, "+", 3)[2])
	sum := sha256.Sum256(append([]byte("witness.test/w1\n"), raw...))
	if v.KeyHash() != binary.BigEndian.Uint32(sum[:]) {
		t.Errorf("key ID %08x, want %x", v.KeyHash(), sum[:4])
	}
	bad := []struct{ key, want string }{
		{"", "want <name>+<key ID>+<key>"},
		{"a+b", "want <name>+<key ID>+<key>"},
		{"w+0000000g+" + base64.StdEncoding.EncodeToString(raw), "not 8 hex digits"},
		{"w+00000000+!!", "not base64"},
		{strings.Replace(vkey, "witness.test/w1", "other", 1), "does not match"},
		{"w+00000000+" + base64.StdEncoding.EncodeToString(append([]byte{1}, raw[1:]...)), "not an Ed25519 cosignature/v1"},
		{"has space+00000000+AA==", "invalid name"},
	}
	for _, c := range bad {
		if _, err := NewVerifier(c.key); err == nil || !errors.Is(err, ErrMalformedKey) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("NewVerifier(%q) = %v, want error containing %q", c.key, err, c.want)
		}
	}
	if _, err := ParseSigner(vkey); err == nil {
		t.Error("ParseSigner accepted a verifier key")
	}
	if _, err := ParseSigner(strings.Replace(skey, "+"+strings.SplitN(skey, "+", 5)[3]+"+", "+00000000+", 1)); err == nil {
		t.Error("ParseSigner accepted a wrong key ID")
	}
}

func TestCosignature(t *testing.T) {
	s := newSigner(t, "witness.test/w1")
	body := []byte(origin + "\n3\n" + base64.StdEncoding.EncodeToString(make([]byte, 32)) + "\n")
	sig, err := s.Sign(body)
	if err != nil {
		t.Fatal(err)
	}
	v := s.Verifier()
	if !v.Verify(body, sig) {
		t.Fatal("cosignature does not verify")
	}
	// The signed message is "cosignature/v1\ntime <t>\n" + body.
	ts := binary.BigEndian.Uint64(sig)
	msg := fmt.Appendf(nil, "cosignature/v1\ntime %d\n%s", ts, body)
	if !ed25519.Verify(v.key, msg, sig[8:]) {
		t.Fatal("cosignature is not over the cosignature/v1 message")
	}
	for name, mut := range map[string]func([]byte) []byte{
		"other body": func(b []byte) []byte { return b },
		"other time": func(b []byte) []byte { b[7]++; return b },
		"zero time":  func(b []byte) []byte { clear(b[:8]); return b },
		"short":      func(b []byte) []byte { return b[:70] },
	} {
		b := mut(bytes.Clone(sig))
		m := body
		if name == "other body" {
			m = bytes.Replace(body, []byte("\n3\n"), []byte("\n4\n"), 1)
		}
		if v.Verify(m, b) {
			t.Errorf("%s: cosignature verifies", name)
		}
	}
	if _, err := s.Sign([]byte("not a checkpoint")); err == nil {
		t.Error("signed a body that is not a checkpoint")
	}
	signed, err := note.Sign(&note.Note{Text: string(body)}, s)
	if err != nil {
		t.Fatal(err)
	}
	n, err := note.Open(signed, note.VerifierList(v))
	if err != nil {
		t.Fatal(err)
	}
	if ts2, err := Timestamp(n.Sigs[0]); err != nil || ts2.Unix() != s.now().Unix() && ts2.Unix() != s.now().Unix()-1 {
		t.Errorf("Timestamp = %v, %v", ts2, err)
	}
}

func TestParseAddCheckpoint(t *testing.T) {
	h := base64.StdEncoding.EncodeToString(make([]byte, 32))
	good := "old 5\n" + h + "\n" + h + "\n\norigin\n7\n" + h + "\n\n— k sig\n"
	r, err := ParseAddCheckpoint([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if r.OldSize != 5 || len(r.Proof) != 2 || !strings.HasPrefix(string(r.Checkpoint), "origin\n7\n") {
		t.Fatalf("parsed %+v", r)
	}
	if string(r.Marshal()) != good {
		t.Fatalf("Marshal = %q", r.Marshal())
	}
	if r, err := ParseAddCheckpoint([]byte("old 0\n\norigin\n0\n" + h + "\n\n— k sig\n")); err != nil || r.OldSize != 0 || len(r.Proof) != 0 {
		t.Fatalf("old 0: %+v, %v", r, err)
	}
	bad := map[string]string{
		"no blank line":    "old 5\n" + h + "\n",
		"no old":           "new 5\n\norigin\n",
		"leading zero":     "old 05\n\norigin\n",
		"negative":         "old -1\n\norigin\n",
		"not a number":     "old five\n\norigin\n",
		"bad hash":         "old 5\nnothash\n\norigin\n",
		"short hash":       "old 5\nAAAA\n\norigin\n",
		"no checkpoint":    "old 5\n\n",
		"too many proofs":  "old 5\n" + strings.Repeat(h+"\n", 64) + "\norigin\n",
		"too large":        "old 5\n\n" + strings.Repeat("x", MaxRequestSize),
		"empty":            "",
		"space after size": "old 5 \n\norigin\n",
	}
	for name, body := range bad {
		if _, err := ParseAddCheckpoint([]byte(body)); !errors.Is(err, ErrBadRequest) {
			t.Errorf("%s: err = %v, want ErrBadRequest", name, err)
		}
	}
}

// post sends an add-checkpoint request and returns the status and body.
func post(t *testing.T, url string, body []byte) (int, string, string) {
	t.Helper()
	resp, err := http.Post(url+"/add-checkpoint", "text/plain", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header.Get("Content-Type")
}

func req(old int64, proof tlog.TreeProof, cp []byte) []byte {
	return (&AddCheckpoint{OldSize: old, Proof: proof, Checkpoint: cp}).Marshal()
}

func TestServer(t *testing.T) {
	ctx := context.Background()
	l := tlogtest.New(origin)
	srv, hs := newServer(t, l)
	stranger := tlogtest.New("other.test/assembly/x")
	impostor := tlogtest.NewWithSigner(origin, stranger.Signer, stranger.VKey)

	l.Append(entries(5)...)
	cp5 := l.Checkpoint()
	l.Append(entries(4)...)
	cp9 := l.Checkpoint()
	p59, _ := l.ConsistencyProof(ctx, 5, 9)
	other := tlogtest.NewWithSigner(origin, l.Signer, l.VKey)
	other.Append(entries(3)...)
	other.Append([]byte("forged"))
	other.Append(entries(5)...)
	fork9 := other.Checkpoint()
	fork5 := tlogtest.NewWithSigner(origin, l.Signer, l.VKey)
	fork5.Append(entries(4)...)
	fork5.Append([]byte("forged"))
	empty := tlogtest.NewWithSigner(origin, l.Signer, l.VKey).Checkpoint()
	tampered := bytes.Replace(cp9, []byte("\n9\n"), []byte("\n8\n"), 1)

	steps := []struct {
		name   string
		body   []byte
		status int
		want   string // in the body
	}{
		{"unknown origin", req(0, nil, stranger.Checkpoint()), 404, "unknown log"},
		{"signed by another key", req(0, nil, impostor.Checkpoint()), 403, "not signed by a trusted log key"},
		{"invalid signature by the log's key", req(0, nil, tampered), 403, "not signed by a trusted log key"},
		{"malformed", []byte("old 0\n"), 400, "no empty line"},
		{"old size larger", req(10, nil, cp9), 400, "larger than the checkpoint"},
		{"proof from size 0", req(0, p59, cp5), 422, "from size 0 must be empty"},
		{"first checkpoint", req(0, nil, cp5), 200, "— witness.test/w1 "},
		{"stale old size", req(0, nil, cp9), 409, "5\n"},
		{"bad proof", req(5, tlog.TreeProof{{1}}, cp9), 422, "not an extension"},
		{"fork of the same size", req(5, nil, fork5.Checkpoint()), 422, "was cosigned with root"},
		{"fork with its own proof", req(5, must(other.ConsistencyProof(ctx, 5, 9)), fork9), 422, "not an extension"},
		{"extension", req(5, p59, cp9), 200, "— witness.test/w1 "},
		{"same checkpoint again", req(9, nil, cp9), 200, "— witness.test/w1 "},
		{"rollback", req(9, nil, cp5), 400, "larger than the checkpoint"},
		{"empty tree behind", req(9, nil, empty), 400, "larger than the checkpoint"},
	}
	for _, s := range steps {
		status, body, ct := post(t, hs.URL, s.body)
		if status != s.status || !strings.Contains(body, s.want) {
			t.Errorf("%s: %d %q, want %d with %q", s.name, status, body, s.status, s.want)
		}
		if status == 409 && ct != "text/x.tlog.size" {
			t.Errorf("%s: Content-Type %q", s.name, ct)
		}
		if status == 200 {
			// The answer is a valid cosignature on the checkpoint.
			cp := s.body[bytes.Index(s.body, []byte("\n\n"))+2:]
			if _, err := (&Policy{Threshold: 1, Witnesses: []note.Verifier{srv.Verifier()}}).Check(Merge(cp, [][]byte{[]byte(body)})); err != nil {
				t.Errorf("%s: %v", s.name, err)
			}
		}
	}
	size, hash, stored, err := srv.State(ctx, origin)
	if err != nil || size != 9 || hash != l.TreeHash(9) {
		t.Fatalf("state = %d %v %v, want 9 %v", size, hash, err, l.TreeHash(9))
	}
	// The monitoring API serves the cosigned checkpoint.
	sum := sha256.Sum256([]byte(origin))
	resp, err := http.Get(hs.URL + "/" + hex.EncodeToString(sum[:]) + "/checkpoint")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.Equal(got, stored) || !bytes.HasPrefix(got, cp9) {
		t.Errorf("monitoring checkpoint: %d %q", resp.StatusCode, got)
	}
	if n, err := srv.Refused(ctx, origin); err != nil || n != 4 {
		t.Errorf("refused = %d, %v; want 4 recorded as evidence", n, err)
	}
	sum = sha256.Sum256([]byte("other.test/assembly/x"))
	if resp, err := http.Get(hs.URL + "/" + hex.EncodeToString(sum[:]) + "/checkpoint"); err != nil || resp.StatusCode != 404 {
		t.Errorf("unknown log's checkpoint: %v %v", resp.Status, err)
	}
}

func TestEmptyTreeHash(t *testing.T) {
	l := tlogtest.New(origin)
	_, hs := newServer(t, l)
	h := base64.StdEncoding.EncodeToString(make([]byte, 32))
	cp, err := note.Sign(&note.Note{Text: origin + "\n0\n" + h + "\n"}, l.Signer)
	if err != nil {
		t.Fatal(err)
	}
	if status, body, _ := post(t, hs.URL, req(0, nil, cp)); status != 422 || !strings.Contains(body, "empty tree") {
		t.Errorf("size 0 with a non-empty root: %d %q", status, body)
	}
	if status, _, _ := post(t, hs.URL, req(0, nil, l.Checkpoint())); status != 200 {
		t.Errorf("empty tree: %d", status)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestConcurrentAddCheckpoint races requests that all start from the same
// cosigned size: exactly one may win, and the state never rolls back; on
// SQLite and on PostgreSQL.
func TestConcurrentAddCheckpoint(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) { testConcurrentAddCheckpoint(t, fresh(t)) })
	}
}

// databases gives a fresh database of each store.
func databases() map[string]func(t testing.TB) string { return pgtest.Databases("witness.db") }

func testConcurrentAddCheckpoint(t *testing.T, path string) {
	ctx := context.Background()
	l := tlogtest.New(origin)
	// Three servers on one database, as three processes would be: only
	// the database's transactions serialize them.
	signer := newSigner(t, "witness.test/w1")
	var servers []*Server
	for range 3 {
		s, err := OpenServer(path, signer, []KnownLog{{Origin: origin, Keys: []note.Verifier{l.Verifier()}}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		servers = append(servers, s)
	}
	srv := servers[0]
	var cps [][]byte
	for range 6 {
		l.Append(entries(3)...)
		cps = append(cps, l.Checkpoint())
	}
	var stall sync.WaitGroup
	stall.Add(1)
	for _, s := range servers {
		s.beforeCommit = func() { stall.Wait() }
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	won := 0
	for i := range cps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, _ := ParseAddCheckpoint(req(0, nil, cps[i]))
			_, err := servers[i%len(servers)].AddCheckpoint(ctx, r)
			var conflict *ConflictError
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				won++
			case errors.As(err, &conflict):
			default:
				t.Errorf("request %d: %v", i, err)
			}
		}()
	}
	time.Sleep(50 * time.Millisecond) // let every request reach its transaction
	stall.Done()
	wg.Wait()
	if won != 1 {
		t.Fatalf("%d requests from old size 0 were cosigned, want 1", won)
	}
	// Now advance from the winner; older sizes get 409 or 400, never cosigned.
	size, _, _, _ := srv.State(ctx, origin)
	r, _ := ParseAddCheckpoint(req(size, must(l.ConsistencyProof(ctx, size, 18)), cps[5]))
	if size != 18 {
		if _, err := srv.AddCheckpoint(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 5 {
		r, _ := ParseAddCheckpoint(req(18, nil, cps[i]))
		if _, err := srv.AddCheckpoint(ctx, r); !errors.Is(err, ErrBadRequest) {
			t.Errorf("rollback to %d: %v", 3*(i+1), err)
		}
	}
	if size, _, _, _ := srv.State(ctx, origin); size != 18 {
		t.Errorf("state rolled back to %d", size)
	}
}

// TestTakeOverEarlierState: a witness database written by an earlier
// version (tables log and refused, no migrations) is taken over once: the
// cosigned size stays, so an old checkpoint is still refused, and the
// refused requests are kept.
func TestTakeOverEarlierState(t *testing.T) {
	ctx := context.Background()
	l := tlogtest.New(origin)
	l.Append(entries(3)...)
	first := l.Checkpoint()
	l.Append(entries(3)...)
	second := l.Checkpoint()
	path := filepath.Join(t.TempDir(), "witness.db")
	signer := newSigner(t, "witness.test/w1")
	known := []KnownLog{{Origin: origin, Keys: []note.Verifier{l.Verifier()}}}

	// What an earlier witness left: size 6 cosigned, one refusal.
	old, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := ledger.ParseCheckpoint(second[:bytes.Index(second, []byte("\n\n"))+1])
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`CREATE TABLE log (origin TEXT PRIMARY KEY, tree_size INTEGER NOT NULL, tree_hash TEXT NOT NULL, checkpoint BLOB NOT NULL, updated INTEGER NOT NULL) STRICT`, nil},
		{`CREATE TABLE refused (id INTEGER PRIMARY KEY, origin TEXT NOT NULL, received INTEGER NOT NULL, reason TEXT NOT NULL, request BLOB NOT NULL) STRICT`, nil},
		{`INSERT INTO log VALUES (?, ?, ?, ?, 1)`, []any{origin, c.Size, c.Hash.String(), second}},
		{`INSERT INTO refused (origin, received, reason, request) VALUES (?, 1, 'a split view', x'00')`, []any{origin}},
	} {
		if _, err := old.Exec(q.sql, q.args...); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	var logged bytes.Buffer
	s, err := OpenServer(path, signer, known, slog.New(slog.NewTextHandler(&logged, nil)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logged.String(), "took over the state of an earlier witness version") || !strings.Contains(logged.String(), "logs=1 refused=1") {
		t.Errorf("the take-over was not logged: %s", logged.String())
	}
	if size, _, _, err := s.State(ctx, origin); err != nil || size != 6 {
		t.Fatalf("state after the take-over: %d %v", size, err)
	}
	if n, err := s.Refused(ctx, origin); err != nil || n != 1 {
		t.Fatalf("refused after the take-over: %d %v", n, err)
	}
	// The witness still will not roll back to size 3.
	r, _ := ParseAddCheckpoint(req(0, nil, first))
	var conflict *ConflictError
	if _, err := s.AddCheckpoint(ctx, r); !errors.As(err, &conflict) || conflict.Known != 6 {
		t.Fatalf("a checkpoint older than the one taken over: %v", err)
	}
	s.Close()
	// Once: the old tables are gone, and a second open logs nothing.
	logged.Reset()
	s, err = OpenServer(path, signer, known, slog.New(slog.NewTextHandler(&logged, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if strings.Contains(logged.String(), "took over") {
		t.Errorf("taken over twice: %s", logged.String())
	}
	if size, _, _, _ := s.State(ctx, origin); size != 6 {
		t.Fatalf("state after reopening: %d", size)
	}
}
