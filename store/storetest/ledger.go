package storetest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
)

// testLedgerEndToEnd runs package ledger over the store: concurrent
// appends (group commit), a payload stored beside the log, reopening the
// log through a second store, proofs, and a full audit that must pass,
// and fail with another key or a replay that refuses an entry.
func testLedgerEndToEnd(t *testing.T, open func(t *testing.T) ledger.Store) {
	ctx := ctxFor(t)
	skey, vkey, err := ledger.GenerateKey("plenum.test")
	if err != nil {
		t.Fatal(err)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	verifiers := note.VerifierList(verifier)
	origin, err := ledger.Origin("plenum.test", "march-1917")
	if err != nil {
		t.Fatal(err)
	}
	other, _ := ledger.Origin("plenum.test", "coop-2026")

	entry := func(i int) ledger.Entry {
		return ledger.Entry{Actor: fmt.Sprintf("delegate-%d", i%7), Type: "speech.noted",
			Payload: json.RawMessage(fmt.Sprintf(`{"n":%d,"text":"Comrades, point %d"}`, i, i))}
	}
	big := ledger.Entry{Actor: "secretary", Type: "resolution.read",
		Payload: json.RawMessage(`"` + strings.Repeat("The Provisional Government. ", 4000) + `"`)}

	st := open(t)
	l, err := ledger.Open(ctx, st, origin, signer)
	if err != nil {
		t.Fatal(err)
	}
	const writers, each = 8, 25
	var wg sync.WaitGroup
	errc := make(chan error, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				if _, err := l.Append(ctx, entry(w*each+i)); err != nil {
					errc <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		t.Fatalf("Append: %v", err)
	}
	bigAt, err := l.Append(ctx, big, entry(-1))
	if err != nil {
		t.Fatal(err)
	}
	size := l.Size()
	if size != writers*each+2 {
		t.Fatalf("log size %d after %d appends", size, writers*each+2)
	}
	got, err := l.Read(ctx, bigAt, bigAt+1)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got[0].Payload, big.Payload) {
		t.Fatalf("payload stored beside the log read back as %d bytes, want %d", len(got[0].Payload), len(big.Payload))
	}
	raw, err := l.Raw(ctx, bigAt, bigAt+1)
	if err != nil || !bytes.Contains(raw[0], []byte(`"payload_sha256"`)) {
		t.Fatalf("entry %d does not refer to its payload by hash: %q, %v", bigAt, raw, err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}

	// Reopen through a second store on the same database; append more.
	st2 := open(t)
	l2, err := ledger.Open(ctx, st2, origin, signer)
	if err != nil {
		t.Fatal(err)
	}
	defer l2.Close()
	if l2.Size() != size {
		t.Fatalf("reopened log has size %d, want %d", l2.Size(), size)
	}
	if _, err := l2.Append(ctx, entry(1000), entry(1001)); err != nil {
		t.Fatal(err)
	}
	lo, err := ledger.Open(ctx, st2, other, signer)
	if err != nil {
		t.Fatal(err)
	}
	defer lo.Close()
	if _, err := lo.Append(ctx, entry(1)); err != nil {
		t.Fatal(err)
	}

	// Proofs against the signed checkpoints.
	cp, _, err := ledger.OpenCheckpoint(l2.Checkpoint(), verifiers)
	if err != nil {
		t.Fatal(err)
	}
	raw, err = l2.Raw(ctx, 17, 18)
	if err != nil {
		t.Fatal(err)
	}
	proof, err := l2.InclusionProof(ctx, 17, cp.Size)
	if err != nil {
		t.Fatal(err)
	}
	if err := tlog.CheckRecord(proof, cp.Size, cp.Hash, 17, tlog.RecordHash(raw[0])); err != nil {
		t.Fatalf("inclusion proof of entry 17: %v", err)
	}
	old, err := st2.Checkpoints(ctx, origin, 10, 1)
	if err != nil || len(old) != 1 {
		t.Fatalf("Checkpoints after 10: %v, %v", old, err)
	}
	ocp, _, err := ledger.OpenCheckpoint(old[0].Signed, verifiers)
	if err != nil {
		t.Fatal(err)
	}
	tp, err := l2.ConsistencyProof(ctx, ocp.Size, cp.Size)
	if err != nil {
		t.Fatal(err)
	}
	if err := tlog.CheckTree(tp, cp.Size, cp.Hash, ocp.Size, ocp.Hash); err != nil {
		t.Fatalf("consistency proof from %d to %d: %v", ocp.Size, cp.Size, err)
	}

	// The audit passes and covers everything.
	var replayed int64
	rep, err := ledger.Audit(ctx, st2, verifiers, ledger.AuditOptions{Replay: func(string, ledger.Entry) error {
		replayed++
		return nil
	}})
	if err != nil {
		t.Fatalf("Audit: %v", err)
	}
	if rep.Entries() != size+3 || replayed != size+3 || len(rep.Logs) != 2 {
		t.Fatalf("Audit covered %d entries in %d logs, replayed %d; want %d in 2", rep.Entries(), len(rep.Logs), replayed, size+3)
	}
	for _, lr := range rep.Logs {
		if lr.Origin == origin && lr.Blobs != 1 {
			t.Fatalf("Audit checked %d payloads stored beside %s, want 1", lr.Blobs, origin)
		}
	}

	// An audit with the wrong key fails.
	_, vkey2, _ := ledger.GenerateKey("plenum.test")
	v2, err := note.NewVerifier(vkey2)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ledger.Audit(ctx, st2, note.VerifierList(v2), ledger.AuditOptions{}); err == nil {
		t.Fatal("Audit with another key passed")
	}
	var ae *ledger.AuditError
	if _, err := ledger.Audit(ctx, st2, verifiers, ledger.AuditOptions{Replay: func(_ string, e ledger.Entry) error {
		if e.Index == 42 {
			return errors.New("replay refuses entry 42")
		}
		return nil
	}}); !errors.As(err, &ae) || ae.Index != 42 {
		t.Fatalf("Audit with a replay failing at 42: %v", err)
	}
}
