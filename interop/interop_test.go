package interop

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"filippo.io/torchwood"
	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
	_ "modernc.org/sqlite"

	"plenum/ledger"
	"plenum/remote/tlogtest"
	"plenum/store/sqlite"
	"plenum/tiles"
	"plenum/tlogproof"
	"plenum/witness"
)

// unavailable skips the test, or fails it when CI requires interop tests.
func unavailable(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("PLENUM_REQUIRE_INTEROP") == "1" {
		t.Fatalf("%s (PLENUM_REQUIRE_INTEROP=1)", msg)
	}
	t.Skipf("%s; set PLENUM_REQUIRE_INTEROP=1 to make this a failure", msg)
}

var (
	buildOnce sync.Once
	buildDir  string
	buildErr  error
)

// litewitnessVersion is the torchwood release whose litewitness is tested;
// keep it equal to the version of filippo.io/torchwood in go.mod.
const litewitnessVersion = "v0.6.1"

// litewitness installs filippo.io/torchwood/cmd/litewitness@v0.6.1 into a
// temporary directory through the Go module proxy, once per test run.
func litewitness(t *testing.T) string {
	buildOnce.Do(func() {
		buildDir, buildErr = os.MkdirTemp("", "plenum-interop-")
		if buildErr != nil {
			return
		}
		gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
		if _, err := os.Stat(gobin); err != nil {
			gobin = "go"
		}
		cmd := exec.Command(gobin, "install", "filippo.io/torchwood/cmd/litewitness@"+litewitnessVersion)
		cmd.Dir = buildDir // outside any module
		cmd.Env = append(os.Environ(), "GOBIN="+buildDir, "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("building litewitness: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		unavailable(t, "%v", buildErr)
	}
	return filepath.Join(buildDir, "litewitness")
}

func TestMain(m *testing.M) {
	code := m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// sshAgent serves an ssh-agent holding key on a Unix socket and returns
// the socket's path (golang.org/x/crypto/ssh/agent: the protocol
// litewitness uses to reach its key).
func sshAgent(t *testing.T, key ed25519.PrivateKey) string {
	dir, err := os.MkdirTemp("", "lw") // short: Unix socket paths are limited
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	sock := filepath.Join(dir, "agent.sock")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	keyring := agent.NewKeyring()
	if err := keyring.Add(agent.AddedKey{PrivateKey: key}); err != nil {
		t.Fatal(err)
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() { defer c.Close(); agent.ServeAgent(keyring, c) }()
		}
	}()
	return sock
}

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startLitewitness runs litewitness for the given logs and returns its URL
// and verifier key (parsed with plenum's witness.NewVerifier, which checks
// the key ID as plenum computes it).
func startLitewitness(t *testing.T, name string, logs map[string]string) (url string, v *witness.Verifier) {
	bin := litewitness(t)
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	sock := sshAgent(t, priv)
	sshPub, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "litewitness.db")
	addr := freeAddr(t)
	var stderr lockedBuffer
	cmd := exec.Command(bin, "-name", name, "-db", db, "-ssh-agent", sock, "-listen", addr, "-key", ssh.FingerprintSHA256(sshPub))
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		if t.Failed() {
			t.Logf("litewitness:\n%s", stderr.String())
		}
	})
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) || cmd.ProcessState != nil {
			t.Fatalf("litewitness did not start:\n%s", stderr.String())
		}
	}
	m := regexp.MustCompile(`vkey=(\S+)`).FindStringSubmatch(stderr.String())
	if m == nil {
		t.Fatalf("litewitness printed no verifier key:\n%s", stderr.String())
	}
	v, err = witness.NewVerifier(m[1])
	if err != nil {
		t.Fatalf("litewitness's verifier key %q: %v", m[1], err)
	}
	if !strings.HasSuffix(m[1], base64.StdEncoding.EncodeToString(append([]byte{4}, pub...))) {
		t.Fatalf("litewitness's key %s is not the agent's", m[1])
	}
	// The logs it accepts are rows of its tables log and key.
	sq, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer sq.Close()
	empty, _ := tlog.TreeHash(0, nil)
	for origin, vkey := range logs {
		if _, err := sq.Exec(`INSERT INTO log (origin, tree_size, tree_hash) VALUES (?, 0, ?)`, origin, base64.StdEncoding.EncodeToString(empty[:])); err != nil {
			t.Fatal(err)
		}
		if _, err := sq.Exec(`INSERT INTO key (origin, key) VALUES (?, ?)`, origin, vkey); err != nil {
			t.Fatal(err)
		}
	}
	return "http://" + addr, v
}

// TestLitewitnessCosignsPlenumLog: plenum's Submitter gets cosignatures
// on a real plenum log's checkpoints from litewitness, and a split view is
// refused.
func TestLitewitnessCosignsPlenumLog(t *testing.T) {
	ctx := context.Background()
	tl := plenumLog(t)
	l, origin, vkey := tl.log, tl.origin, tl.vkey
	url, lw := startLitewitness(t, "witness.test/litewitness", map[string]string{origin: vkey})
	ep := []witness.Endpoint{{URL: url, Verifier: lw}}
	sub := &witness.Submitter{Witnesses: ep, Proofs: l}
	policy := &witness.Policy{Threshold: 1, Witnesses: []note.Verifier{lw}}

	for batch := range 3 {
		appendEntries(t, l, 100+batch*37)
		cp := l.Checkpoint()
		res := sub.Submit(ctx, cp)
		if res[0].Err != nil {
			t.Fatalf("batch %d: %v", batch, res[0].Err)
		}
		cosigned := witness.Merge(cp, witness.Cosignatures(res))
		if names, err := policy.Check(cosigned); err != nil || names[0] != "witness.test/litewitness" {
			t.Fatalf("batch %d: %v %v", batch, names, err)
		}
		// torchwood's own verifier agrees.
		if _, err := note.Open(cosigned, note.VerifierList(lw)); err != nil {
			t.Fatal(err)
		}
	}
	// A submitter that does not know the witness's size learns it by 409.
	appendEntries(t, l, 5)
	if res := (&witness.Submitter{Witnesses: ep, Proofs: l}).Submit(ctx, l.Checkpoint()); res[0].Err != nil {
		t.Fatalf("after 409: %v", res[0].Err)
	}
	// Another history under the same origin and key: litewitness refuses it (422).
	fork := tlogtest.NewWithSigner(origin, tl.signer, vkey)
	for i := range 600 {
		fork.Append(fmt.Appendf(nil, "forged %d", i))
	}
	res := (&witness.Submitter{Witnesses: ep, Proofs: fork}).Submit(ctx, fork.Checkpoint())
	if !errors.Is(res[0].Err, witness.ErrInconsistent) {
		t.Fatalf("split view: %v, want ErrInconsistent", res[0].Err)
	}
}

// TestCosignaturesBothWays checks plenum's cosignature/v1 against
// torchwood's implementation in both directions, and the key IDs.
func TestCosignaturesBothWays(t *testing.T) {
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	tw, err := torchwood.NewCosignatureSigner("witness.test/w", priv)
	if err != nil {
		t.Fatal(err)
	}
	ours, err := witness.NewSigner("witness.test/w", priv)
	if err != nil {
		t.Fatal(err)
	}
	if ours.Verifier().String() != tw.Verifier().String() {
		t.Fatalf("verifier keys differ: plenum %s, torchwood %s", ours.Verifier(), tw.Verifier())
	}
	body := "plenum.test/log/x\n7\n" + base64.StdEncoding.EncodeToString(make([]byte, 32)) + "\n"
	a, err := note.Sign(&note.Note{Text: body}, tw)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := note.Open(a, note.VerifierList(ours.Verifier())); err != nil {
		t.Errorf("plenum does not verify torchwood's cosignature: %v", err)
	}
	b, err := note.Sign(&note.Note{Text: body}, ours)
	if err != nil {
		t.Fatal(err)
	}
	n, err := note.Open(b, note.VerifierList(tw.Verifier()))
	if err != nil {
		t.Fatalf("torchwood does not verify plenum's cosignature: %v", err)
	}
	ts, err := torchwood.CosignatureTimestamp(n.Sigs[0])
	if err != nil || time.Since(time.Unix(ts, 0)) > time.Minute {
		t.Errorf("torchwood reads the timestamp as %d: %v", ts, err)
	}
	// A cosignature of another body does not verify either way.
	other := strings.Replace(string(b), "\n7\n", "\n8\n", 1)
	if _, err := note.Open([]byte(other), note.VerifierList(tw.Verifier())); err == nil {
		t.Error("torchwood verified a cosignature moved to another checkpoint")
	}
}

// TestTorchwoodReadsPlenumLog: torchwood's tile client reads and verifies
// a plenum log (ledger over SQLite, served by package tiles) over HTTP.
func TestTorchwoodReadsPlenumLog(t *testing.T) {
	ctx := context.Background()
	tl := plenumLog(t)
	st, l, origin, vkey := tl.store, tl.log, tl.origin, tl.vkey
	appendEntries(t, l, 700)
	hs := httptest.NewServer(tiles.Handler(st, "plenum.test"))
	defer hs.Close()
	prefix := hs.URL + tiles.PrefixFor("march-1917")

	entries, proofOf, err := readWithTorchwood(ctx, prefix, vkey, origin, 123)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := l.Raw(ctx, 0, 700)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 700 {
		t.Fatalf("torchwood read %d entries, want 700", len(entries))
	}
	for i := range raw {
		if !bytes.Equal(entries[i], raw[i]) {
			t.Fatalf("entry %d differs", i)
		}
	}
	// torchwood's inclusion proof makes a receipt plenum verifies offline.
	keys := note.VerifierList(mustNoteVerifier(t, vkey))
	receipt := tlogproof.NewReceipt(123, raw[123], proofOf, l.Checkpoint())
	if _, err := tlogproof.VerifyReceipt(receipt, keys, nil); err != nil {
		t.Fatal(err)
	}

	// The same client refuses a tampered log.
	tampered := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Ask for the bundles uncompressed, so that the bytes can be edited.
		r.Header.Del("Accept-Encoding")
		rec := httptest.NewRecorder()
		tiles.Handler(st, "plenum.test").ServeHTTP(rec, r)
		body := rec.Body.Bytes()
		if strings.HasSuffix(r.URL.Path, "/tile/entries/001") {
			body = bytes.Replace(body, []byte(`"index":300,`), []byte(`"index":300 ,`), 1)
		}
		for k, v := range rec.Header() {
			if k != "Content-Length" {
				w.Header()[k] = v
			}
		}
		w.WriteHeader(rec.Code)
		w.Write(body)
	})
	ts := httptest.NewServer(tampered)
	defer ts.Close()
	if _, _, err := readWithTorchwood(ctx, ts.URL+tiles.PrefixFor("march-1917"), vkey, origin, 1); err == nil || !strings.Contains(err.Error(), "hash mismatch for entry 300") {
		t.Fatalf("tampered log: %v", err)
	}
}

// readWithTorchwood verifies the checkpoint and reads every entry with
// torchwood's client, and the inclusion proof of entry index.
func readWithTorchwood(ctx context.Context, prefix, vkey, origin string, index int64) ([][]byte, tlog.RecordProof, error) {
	fetcher, err := torchwood.NewTileFetcher(prefix)
	if err != nil {
		return nil, nil, err
	}
	signed, err := fetcher.ReadEndpoint(ctx, "checkpoint")
	if err != nil {
		return nil, nil, err
	}
	v, err := note.NewVerifier(vkey)
	if err != nil {
		return nil, nil, err
	}
	n, err := note.Open(signed, note.VerifierList(v))
	if err != nil {
		return nil, nil, err
	}
	cp, err := torchwood.ParseCheckpoint(n.Text)
	if err != nil {
		return nil, nil, err
	}
	if cp.Origin != origin {
		return nil, nil, fmt.Errorf("origin %q", cp.Origin)
	}
	client, err := torchwood.NewClient(fetcher)
	if err != nil {
		return nil, nil, err
	}
	var out [][]byte
	for next := int64(0); next < cp.N; {
		before := next
		for i, e := range client.Entries(ctx, cp.Tree, next) {
			if i != next {
				return nil, nil, fmt.Errorf("entry %d out of order", i)
			}
			out = append(out, bytes.Clone(e))
			next++
		}
		if err := client.Err(); err != nil {
			return nil, nil, err
		}
		if next == before {
			return nil, nil, fmt.Errorf("no progress at entry %d", next)
		}
	}
	_, proof, err := client.Entry(ctx, cp.Tree, index)
	if err != nil {
		return nil, nil, err
	}
	return out, proof, nil
}

// testLog is a real plenum log: the ledger over the SQLite store.
type testLog struct {
	store  *sqlite.Store
	log    *ledger.Log
	origin string
	vkey   string
	signer note.Signer
}

// plenumLog opens a real plenum log.
func plenumLog(t *testing.T) testLog {
	ctx := context.Background()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "plenum.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	skey, vkey, err := ledger.GenerateKey("plenum.test")
	if err != nil {
		t.Fatal(err)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	origin, err := ledger.Origin("plenum.test", "march-1917")
	if err != nil {
		t.Fatal(err)
	}
	l, err := ledger.Open(ctx, st, origin, signer)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return testLog{store: st, log: l, origin: origin, vkey: vkey, signer: signer}
}

func appendEntries(t *testing.T, l *ledger.Log, n int) {
	var es []ledger.Entry
	for i := range n {
		es = append(es, ledger.Entry{Actor: "secretary", Type: "speech.recorded", Payload: json.RawMessage(fmt.Sprintf(`{"n":%d}`, i))})
	}
	if _, err := l.Append(context.Background(), es...); err != nil {
		t.Fatal(err)
	}
}

func mustNoteVerifier(t *testing.T, vkey string) note.Verifier {
	v, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
