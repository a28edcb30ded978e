package remote_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"plenum/remote"
	"plenum/remote/tlogtest"
	"plenum/witness"
)

// TestSplitView: one server, one origin, one key, two histories — the
// delegates' and a rewritten one shown later. The witness refuses to
// cosign the second (422), and a verifier that remembers the first
// checkpoint detects it.
func TestSplitView(t *testing.T) {
	ctx := context.Background()
	delegates := tlogtest.New(origin)
	rewritten := tlogtest.NewWithSigner(origin, delegates.Signer, delegates.VKey)
	for i := range 520 {
		delegates.Append(fmt.Appendf(nil, `{"index":%d}`, i))
		if i == 300 {
			rewritten.Append([]byte(`{"index":300,"resolution":"adopted unanimously"}`))
		} else {
			rewritten.Append(fmt.Appendf(nil, `{"index":%d}`, i))
		}
	}
	rewritten.Append([]byte(`{"index":520}`))

	var showRewritten atomic.Bool
	url := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if showRewritten.Load() {
			rewritten.ServeHTTP(w, r)
		} else {
			delegates.ServeHTTP(w, r)
		}
	}))
	w := witnessFor(t, origin, delegates.Verifier())
	ep := []witness.Endpoint{{URL: serve(t, w), Verifier: w.Verifier()}}
	keys := note.VerifierList(delegates.Verifier())

	// First visit: the delegates' history, witnessed and remembered.
	res, err := remote.Verify(ctx, url, remote.Options{LogKeys: keys})
	if err != nil {
		t.Fatal(err)
	}
	if r := (&witness.Submitter{Witnesses: ep, Proofs: delegates}).Submit(ctx, res.Signed); r[0].Err != nil {
		t.Fatal(r[0].Err)
	}
	remembered := res.Signed

	// Then the server shows the rewritten history under the same origin.
	showRewritten.Store(true)
	r := (&witness.Submitter{Witnesses: ep, Proofs: rewritten}).Submit(ctx, rewritten.Checkpoint())
	if !errors.Is(r[0].Err, witness.ErrInconsistent) || !strings.Contains(r[0].Err.Error(), "422") && !strings.Contains(r[0].Err.Error(), "refuses") {
		t.Fatalf("witness: %v, want a 422 refusal", r[0].Err)
	}
	_, err = remote.Verify(ctx, url, remote.Options{LogKeys: keys, Since: remembered})
	var re *remote.Error
	if !errors.As(err, &re) || !strings.Contains(err.Error(), "not consistent with the remembered one (tree size 520)") {
		t.Fatalf("verify --since: %v", err)
	}
	// Without the remembered checkpoint the rewritten log verifies on its
	// own: only a witness or a remembered checkpoint catches a split view.
	if _, err := remote.Verify(ctx, url, remote.Options{LogKeys: keys}); err != nil {
		t.Fatalf("rewritten log on its own: %v", err)
	}
}
