package ledger_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/internal/crashtest"
	"plenum/ledger"
	"plenum/store/sqlite"
)

// Environment of the writer process TestCrashSafety starts.
const (
	envCrashDB  = "PLENUM_CRASH_WRITER_DB"
	envCrashKey = "PLENUM_CRASH_WRITER_KEY"
)

// crashWriter is the child process: it appends from many goroutines until
// it is killed and prints "ack <index> <writer> <seq>" for every entry
// whose Append returned.
func crashWriter(db, skey string) {
	signer, err := note.NewSigner(skey)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	st, err := sqlite.Open(db)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	ctx := context.Background()
	l, err := ledger.Open(ctx, st, origin, signer)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	var mu sync.Mutex
	out := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(out, "ready")
	out.Flush()
	pid := os.Getpid()
	for w := range 16 {
		go func() {
			for seq := 0; ; seq++ {
				n := 1 + seq%3
				es := make([]ledger.Entry, n)
				for k := range es {
					es[k] = ledger.Entry{Actor: "writer", Type: "test.ack",
						Payload: json.RawMessage(fmt.Sprintf(`{"pid":%d,"w":%d,"seq":%d,"k":%d}`, pid, w, seq, k))}
				}
				first, err := l.Append(ctx, es...)
				if err != nil {
					fmt.Fprintln(os.Stderr, err)
					os.Exit(3)
				}
				mu.Lock()
				for k := range es {
					fmt.Fprintf(out, "ack %d %s\n", first+int64(k), es[k].Payload)
				}
				out.Flush() // the parent learns of the ack only once it is durable
				mu.Unlock()
			}
		}()
	}
	select {}
}

// TestCrashSafety kills a concurrently appending writer process with
// SIGKILL at a random moment, 20 times, and checks after each restart that
// every acknowledged entry is present, with the payload acknowledged, and
// that the log verifies.
func TestCrashSafety(t *testing.T) {
	if db := os.Getenv(envCrashDB); db != "" {
		crashWriter(db, os.Getenv(envCrashKey))
		return
	}
	if testing.Short() {
		t.Skip("starts 20 processes")
	}
	skey, vkey, err := ledger.GenerateKey("plenum.localhost")
	if err != nil {
		t.Fatal(err)
	}
	verifier, _ := note.NewVerifier(vkey)
	db := filepath.Join(t.TempDir(), "crash.db")
	acked := map[int64]string{}
	const rounds = 20
	for round := range rounds {
		child := crashtest.Start(t, "TestCrashSafety", envCrashDB+"="+db, envCrashKey+"="+skey)
		timer := time.AfterFunc(time.Duration(5+rand.IntN(150))*time.Millisecond, child.Kill)
		n := 0
		for l := range child.Lines {
			idx, payload, ok := parseAck(l)
			if !ok {
				if child.Killed() {
					continue // a line cut by the kill was never acknowledged
				}
				child.Kill()
				t.Fatalf("round %d: writer said %q", round, l)
			}
			if prev, dup := acked[idx]; dup {
				t.Fatalf("round %d: index %d acknowledged twice: %s and %s", round, idx, prev, payload)
			}
			acked[idx] = payload
			n++
			if n == 20000 {
				child.Kill()
			}
		}
		timer.Stop()
		if !child.Killed() {
			t.Fatalf("round %d: writer exited by itself: %s", round, child.Stderr())
		}
		child.Wait()

		// Restart: every acknowledged entry is there, and the log verifies.
		st, err := sqlite.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		rep, err := ledger.Audit(ctx, st, note.VerifierList(verifier), ledger.AuditOptions{})
		if err != nil {
			st.Close()
			t.Fatalf("round %d: %v", round, err)
		}
		size := rep.Logs[0].Size
		es, err := ledger.ReadEntries(ctx, st, origin, 0, size)
		st.Close()
		if err != nil {
			t.Fatal(err)
		}
		for idx, payload := range acked {
			if idx >= size {
				t.Fatalf("round %d: acknowledged entry %d lost; log size %d", round, idx, size)
			}
			if string(es[idx].Payload) != payload {
				t.Fatalf("round %d: entry %d is %s, acknowledged as %s", round, idx, es[idx].Payload, payload)
			}
		}
		t.Logf("round %d: %d acknowledged this round, log size %d", round, n, size)
	}
}

func parseAck(l string) (int64, string, bool) {
	f := strings.SplitN(l, " ", 3)
	if len(f) != 3 || f[0] != "ack" || !json.Valid([]byte(f[2])) {
		return 0, "", false
	}
	idx, err := strconv.ParseInt(f[1], 10, 64)
	return idx, f[2], err == nil
}
