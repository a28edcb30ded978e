package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/ledger"
	"plenum/witness"
)

// TestServeWithWitness starts serve on a replayed database with a witness
// configured: the checkpoints signed before the start are submitted, and
// the checkpoint served carries the witness's cosignature, which verifies.
func TestServeWithWitness(t *testing.T) {
	db, vkey := makeReplayedDB(t)
	logKey, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	origin, _ := ledger.Origin(ledger.DefaultServerName, "coop-2026")
	wskey, wvkey, err := witness.GenerateKey("witness.example")
	if err != nil {
		t.Fatal(err)
	}
	wsigner, err := witness.ParseSigner(wskey)
	if err != nil {
		t.Fatal(err)
	}
	w, err := witness.OpenServer(filepath.Join(t.TempDir(), "witness.db"), wsigner, []witness.KnownLog{{Origin: origin, Keys: []note.Verifier{logKey}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	ws := httptest.NewServer(w)
	defer ws.Close()

	// Wait for the last line serve prints before it serves.
	srv := startCLI(t, `(?s)listening on (http://[^/ ]+)/.*checkpoints go to`, "serve", "--db", db, "--addr", "127.0.0.1:0", "--witness", ws.URL+"="+wvkey)
	base, out := srv.match, &srv.stdout
	if !strings.Contains(out.String(), "checkpoints go to 1 witness") {
		t.Errorf("serve does not say it submits to the witness: %s", out.String())
	}
	wv, err := witness.NewVerifier(wvkey)
	if err != nil {
		t.Fatal(err)
	}
	// The cosigning runs in the background: wait for the served
	// checkpoint to carry the cosignature.
	var opened bool
	for deadline := time.Now().Add(20 * time.Second); !opened; time.Sleep(50 * time.Millisecond) {
		resp, err := http.Get(base + "/log/coop-2026/checkpoint")
		if err != nil {
			t.Fatal(err)
		}
		cp, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		n, err := note.Open(cp, note.VerifierList(logKey, wv))
		if err == nil && len(n.Sigs) == 2 {
			opened = true
		} else if time.Now().After(deadline) {
			t.Fatalf("the served checkpoint never carried the witness's cosignature:\n%s\n(%v)", cp, err)
		}
	}
	// The public record page says so.
	resp, err := http.Get(base + "/a/coop-2026/record")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(page), "Witnessed: cosigned by witness.example") {
		t.Errorf("the record page does not show the checkpoint as witnessed")
	}
	if code := srv.stop(); code != 0 {
		t.Fatalf("serve exited %d: %s", code, srv.stderr.String())
	}
	// A --witness without a key is a usage error.
	if code, _, _ := run(t, "serve", "--db", db, "--addr", "127.0.0.1:0", "--witness", ws.URL); code != 2 {
		t.Fatalf("--witness without a key: exit %d, want 2", code)
	}
}
