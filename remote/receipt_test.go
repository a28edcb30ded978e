package remote_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/ledger"
	"plenum/remote"
	"plenum/remote/tlogtest"
	"plenum/tlogproof"
)

func ledgerLog(t *testing.T, n int) *tlogtest.Log {
	l := tlogtest.New(origin)
	for i := range int64(n) {
		data, _, err := ledger.EncodeEntry(ledger.Entry{Index: i, Time: time.Unix(1e9+i, 0), Actor: "secretary", Type: "speech.recorded", Payload: []byte(`{}`)})
		if err != nil {
			t.Fatal(err)
		}
		l.Append(data)
	}
	return l
}

func TestReceiptOnline(t *testing.T) {
	ctx := context.Background()
	l := ledgerLog(t, 300)
	url := serve(t, l)
	opts := remote.Options{LogKeys: note.VerifierList(l.Verifier())}

	file, err := remote.FetchReceipt(ctx, url, 270, opts)
	if err != nil {
		t.Fatal(err)
	}
	r, err := tlogproof.VerifyReceipt(file, opts.LogKeys, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The log grows: the receipt still checks.
	more := ledgerLog(t, 520)
	for i := int64(300); i < 520; i++ {
		l.Append(more.Entry(i))
	}
	if res, err := remote.CheckReceipt(ctx, url, r, opts); err != nil || res.Checkpoint.Size != 520 {
		t.Fatalf("grown log: %v %v", res, err)
	}
	if _, err := remote.FetchReceipt(ctx, url, 520, opts); err == nil {
		t.Error("receipt for an entry beyond the log")
	}

	var re *remote.Error
	// The operator alters the entry and signs the rewritten log.
	l.Replace(270, []byte(`{"index":270,"forged":true}`))
	if _, err := remote.CheckReceipt(ctx, url, r, opts); !errors.As(err, &re) || re.Index != 270 || !strings.Contains(err.Error(), "altered or removed") {
		t.Errorf("altered: %v", err)
	}
	// The operator removes it.
	l.Replace(270, r.Entry)
	if _, err := remote.CheckReceipt(ctx, url, r, opts); err != nil {
		t.Fatalf("restored: %v", err)
	}
	l.Remove(270)
	if _, err := remote.CheckReceipt(ctx, url, r, opts); !errors.As(err, &re) || re.Index != 270 || !strings.Contains(err.Error(), "altered or removed") {
		t.Errorf("removed: %v", err)
	}
	// The operator truncates the log before it.
	short := tlogtest.NewWithSigner(origin, l.Signer, l.VKey)
	for i := range int64(200) {
		short.Append(l.Entry(i))
	}
	if _, err := remote.CheckReceipt(ctx, serve(t, short), r, opts); !errors.As(err, &re) || !strings.Contains(err.Error(), "is older than your receipt") {
		t.Errorf("truncated: %v", err)
	}
	// A history that keeps the entry but changes another one before the receipt's checkpoint.
	other := tlogtest.NewWithSigner(origin, l.Signer, l.VKey)
	for i := range int64(310) {
		other.Append(more.Entry(i))
	}
	other.Replace(3, []byte("rewritten"))
	if _, err := remote.CheckReceipt(ctx, serve(t, other), r, opts); err == nil || !strings.Contains(err.Error(), "not consistent with the remembered one") {
		t.Errorf("rewritten history: %v", err)
	}
}
