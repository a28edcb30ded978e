package witness

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/remote/tlogtest"
)

// stateCheckingWriter is a ResponseWriter that, when the answer starts,
// reads the witness's state through the database's other connections.
type stateCheckingWriter struct {
	*httptest.ResponseRecorder
	check func()
	done  bool
}

func (w *stateCheckingWriter) WriteHeader(code int) {
	if !w.done {
		w.done = true
		w.check()
	}
	w.ResponseRecorder.WriteHeader(code)
}

func (w *stateCheckingWriter) Write(b []byte) (int, error) {
	if !w.done {
		w.done = true
		w.check()
	}
	return w.ResponseRecorder.Write(b)
}

// TestStateCommittedBeforeAnswer: when the first byte of a cosignature
// goes out, the new size is already committed, seen by a connection other
// than the one that wrote it.
func TestStateCommittedBeforeAnswer(t *testing.T) {
	ctx := context.Background()
	l := tlogtest.New(origin)
	srv, _ := newServer(t, l)
	l.Append(entries(5)...)
	w := &stateCheckingWriter{ResponseRecorder: httptest.NewRecorder()}
	w.check = func() {
		if size, hash, _, err := srv.State(ctx, origin); err != nil || size != 5 || hash != l.TreeHash(5) {
			t.Errorf("answer started with the state at %d %v (%v), not the committed size 5", size, hash, err)
		}
	}
	srv.ServeHTTP(w, httptest.NewRequest("POST", "/add-checkpoint", strings.NewReader(string(req(0, nil, l.Checkpoint())))))
	if w.Code != 200 || !strings.HasPrefix(w.Body.String(), "— witness.test/w1 ") {
		t.Fatalf("%d %q", w.Code, w.Body)
	}
}

// TestCommitFailsNoCosignature: if the state cannot be committed, no
// cosignature is returned and the state stays where it was.
func TestCommitFailsNoCosignature(t *testing.T) {
	ctx := context.Background()
	l := tlogtest.New(origin)
	srv, _ := newServer(t, l)
	l.Append(entries(5)...)
	rctx, cancel := context.WithCancel(ctx)
	srv.beforeCommit = func() {
		cancel() // the transaction is rolled back under the request
		time.Sleep(20 * time.Millisecond)
	}
	r, _ := ParseAddCheckpoint(req(0, nil, l.Checkpoint()))
	cosig, err := srv.AddCheckpoint(rctx, r)
	if err == nil || cosig != nil {
		t.Fatalf("commit failed, yet AddCheckpoint returned %q, %v", cosig, err)
	}
	if size, _, _, err := srv.State(ctx, origin); err != nil || size != 0 {
		t.Fatalf("state after the failed commit: %d %v", size, err)
	}
}

// childEnv names the environment that makes TestWitnessProcess a witness.
const childEnv = "PLENUM_WITNESS_TEST_CHILD"

// TestWitnessProcess is a witness process for TestKilledWitness: it
// serves the witness on the database file, log key and witness key in
// its environment, prints its URL and serves until killed.
func TestWitnessProcess(t *testing.T) {
	args := os.Getenv(childEnv)
	if args == "" {
		t.Skip("only run as a child of TestKilledWitness")
	}
	f := strings.Split(args, "\n")
	v, err := note.NewVerifier(f[1])
	if err != nil {
		t.Fatal(err)
	}
	signer, err := ParseSigner(f[2])
	if err != nil {
		t.Fatal(err)
	}
	s, err := OpenServer(f[0], signer, []KnownLog{{Origin: origin, Keys: []note.Verifier{v}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("listening http://%s\n", ln.Addr())
	http.Serve(ln, s)
}

// TestKilledWitness kills a witness process (SIGKILL) right after it
// answered with a cosignature, restarts it on the same file, and has the
// log show it a fork of the tree it cosigned: it refuses, because what it
// answered was saved before the answer.
func TestKilledWitness(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	l := tlogtest.New(origin)
	fork := tlogtest.NewWithSigner(origin, l.Signer, l.VKey)
	l.Append(entries(5)...)
	fork.Append(entries(4)...)
	fork.Append([]byte("forged"))
	skey, _, err := GenerateKey("witness.test/w1")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "witness.db")
	start := func() (*exec.Cmd, string) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWitnessProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), childEnv+"="+path+"\n"+l.VKey+"\n"+skey)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, err := bufio.NewReader(out).ReadString('\n')
		if err != nil {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("witness process: %v", err)
		}
		go io.Copy(io.Discard, out)
		url, ok := strings.CutPrefix(strings.TrimSpace(line), "listening ")
		if !ok {
			t.Fatalf("witness process said %q", line)
		}
		return cmd, url
	}
	kill := func(cmd *exec.Cmd) {
		cmd.Process.Signal(os.Kill)
		cmd.Wait()
	}

	cmd, url := start()
	status, body, _ := post(t, url, req(0, nil, l.Checkpoint()))
	kill(cmd)
	if status != 200 {
		t.Fatalf("first checkpoint: %d %q", status, body)
	}
	cmd, url = start()
	defer kill(cmd)
	if status, body, _ := post(t, url, req(0, nil, fork.Checkpoint())); status != 409 || body != "5\n" {
		t.Errorf("fork of the answered tree from size 0 after the restart: %d %q, want 409 5", status, body)
	}
	if status, body, _ := post(t, url, req(5, nil, fork.Checkpoint())); status != 422 {
		t.Errorf("fork of the answered tree from size 5 after the restart: %d %q, want 422", status, body)
	}
}

// endless is a request body that never ends, counting what is read.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	e.n += int64(len(p))
	if e.n > 1<<32 {
		return len(p), errors.New("read 4 GiB")
	}
	return len(p), nil
}

// TestHugeRequestBody: a body of gigabytes is refused after reading a
// little more than MaxRequestSize.
func TestHugeRequestBody(t *testing.T) {
	l := tlogtest.New(origin)
	srv, _ := newServer(t, l)
	body := &endless{}
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, httptest.NewRequest("POST", "/add-checkpoint", body))
	if w.Code != 400 && w.Code != 413 {
		t.Errorf("endless body: %d %q", w.Code, w.Body)
	}
	if body.n > 2*MaxRequestSize {
		t.Errorf("read %d bytes of an endless body", body.n)
	}
}

// TestRaceTwoTreesOfOneSize: requests for two different trees of one
// size, both with valid proofs from the cosigned size, race: one tree is
// cosigned, once; the other is then refused, and the state is the winner.
func TestRaceTwoTreesOfOneSize(t *testing.T) {
	ctx := context.Background()
	a := tlogtest.New(origin)
	b := tlogtest.NewWithSigner(origin, a.Signer, a.VKey)
	a.Append(entries(5)...)
	b.Append(entries(5)...)
	srv, hs := newServer(t, a)
	if status, body, _ := post(t, hs.URL, req(0, nil, a.Checkpoint())); status != 200 {
		t.Fatalf("size 5: %d %q", status, body)
	}
	a.Append(entries(4)...)
	b.Append([]byte("forged"), []byte("x"), []byte("y"), []byte("z"))
	trees := []*tlogtest.Log{a, b}
	bodies := [][]byte{
		req(5, must(a.ConsistencyProof(ctx, 5, 9)), a.Checkpoint()),
		req(5, must(b.ConsistencyProof(ctx, 5, 9)), b.Checkpoint()),
	}
	statuses := make([]int, 20)
	var wg sync.WaitGroup
	for i := range statuses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses[i], _, _ = post(t, hs.URL, bodies[i%2])
		}()
	}
	wg.Wait()
	winner := -1
	for i, s := range statuses {
		switch {
		case s == 200 && winner == -1:
			winner = i % 2
		case s == 200:
			t.Fatalf("request %d cosigned too (tree %d; first cosigned tree %d): %v", i, i%2, winner, statuses)
		case s != 409:
			t.Fatalf("request %d: %d", i, s)
		}
	}
	if winner == -1 {
		t.Fatalf("nothing cosigned: %v", statuses)
	}
	if size, hash, _, _ := srv.State(ctx, origin); size != 9 || hash != trees[winner].TreeHash(9) {
		t.Fatalf("state %d %v, want the winner's", size, hash)
	}
	loser := trees[1-winner]
	if status, _, _ := post(t, hs.URL, req(9, nil, loser.Checkpoint())); status != 422 {
		t.Errorf("the other tree of size 9 from size 9: %d, want 422", status)
	}
}

// TestDamagedState: a witness_logs row whose size or root no longer
// matches the checkpoint stored with it (a damaged disk, a hand edit)
// makes the witness stop for that log with an internal error: it neither
// cosigns from the damaged state nor records the log's honest checkpoints
// as evidence of a split view.
func TestDamagedState(t *testing.T) {
	ctx := context.Background()
	l := tlogtest.New(origin)
	l.Append(entries(5)...)
	other := tlogtest.New(origin)
	other.Append(entries(7)...)
	for _, c := range []struct {
		name, set string
		arg       any
	}{
		{"root", `UPDATE witness_logs SET tree_hash = ?`, other.TreeHash(7).String()},
		{"size", `UPDATE witness_logs SET tree_size = ?`, 3},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv, hs := newServer(t, l)
			if status, body, _ := post(t, hs.URL, req(0, nil, l.Checkpoint())); status != 200 {
				t.Fatalf("size 5: %d %q", status, body)
			}
			if _, err := srv.db.W.ExecContext(ctx, c.set, c.arg); err != nil {
				t.Fatal(err)
			}
			ext := tlogtest.NewWithSigner(origin, l.Signer, l.VKey)
			ext.Append(entries(5)...)
			ext.Append(entries(2)...)
			for _, old := range []int64{3, 5} {
				proof := must(ext.ConsistencyProof(ctx, old, 7))
				if status, body, _ := post(t, hs.URL, req(old, proof, ext.Checkpoint())); status != 500 {
					t.Errorf("from %d on a damaged state: %d %q, want 500", old, status, body)
				}
			}
			if n, err := srv.Refused(ctx, origin); err != nil || n != 0 {
				t.Errorf("%d honest checkpoints recorded as refused (%v)", n, err)
			}
		})
	}
}
