package remote_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"plenum/ledger"
	"plenum/remote"
	"plenum/store/sqlite"
	"plenum/tiles"
	"plenum/tlogproof"
	"plenum/witness"
)

var _ witness.ProofSource = (*ledger.Log)(nil)

// TestPlenumServer verifies a real plenum log — ledger over SQLite, served
// by package tiles — and has it witnessed with the ledger as proof source.
func TestPlenumServer(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := sqlite.Open(filepath.Join(dir, "plenum.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	skey, vkey, err := ledger.GenerateKey("plenum.test")
	if err != nil {
		t.Fatal(err)
	}
	signer, _ := note.NewSigner(skey)
	origin, _ := ledger.Origin("plenum.test", "march-1917")
	l, err := ledger.Open(ctx, st, origin, signer)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	hs := httptest.NewServer(tiles.Handler(st, "plenum.test"))
	defer hs.Close()
	url := hs.URL + tiles.PrefixFor("march-1917")

	w := witnessFor(t, origin, mustNoteVerifier(t, vkey))
	ws := httptest.NewServer(w)
	defer ws.Close()
	sub := &witness.Submitter{Witnesses: []witness.Endpoint{{URL: ws.URL, Verifier: w.Verifier()}}, Proofs: l}

	var since []byte
	for batch := range 3 {
		var es []ledger.Entry
		for i := range 250 {
			es = append(es, ledger.Entry{Actor: "secretary", Type: "speech.recorded", Payload: json.RawMessage(fmt.Sprintf(`{"batch":%d,"n":%d}`, batch, i))})
		}
		if _, err := l.Append(ctx, es...); err != nil {
			t.Fatal(err)
		}
		if r := sub.Submit(ctx, l.Checkpoint()); r[0].Err != nil {
			t.Fatalf("batch %d: %v", batch, r[0].Err)
		}
		if batch == 0 {
			since = l.Checkpoint()
		}
	}
	keys := note.VerifierList(mustNoteVerifier(t, vkey))
	var replayed int64
	res, err := remote.Verify(ctx, url, remote.Options{LogKeys: keys, Origin: origin, Since: since, Replay: func(i int64, data []byte) error {
		e, _, err := ledger.DecodeEntry(data)
		if err != nil || e.Index != i {
			return fmt.Errorf("entry %d: %v", e.Index, err)
		}
		replayed++
		return nil
	}})
	if err != nil || res.Entries != 750 || replayed != 750 {
		t.Fatalf("%+v %v", res, err)
	}
	file, err := remote.FetchReceipt(ctx, url, 321, remote.Options{LogKeys: keys})
	if err != nil {
		t.Fatal(err)
	}
	r, err := tlogproof.VerifyReceipt(file, keys, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := remote.CheckReceipt(ctx, url, r, remote.Options{LogKeys: keys}); err != nil {
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
