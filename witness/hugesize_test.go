package witness

import (
	"bytes"
	"net/http"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
	"plenum/remote/tlogtest"
)

// TestHugeTreeSize: a checkpoint signed by a followed log's key that
// claims a tree above 2^62 entries is refused at once. tlog.CheckTree
// never returns on such a size: one request used to hold a witness's
// core for ever.
func TestHugeTreeSize(t *testing.T) {
	l := tlogtest.New(origin)
	_, hs := newServer(t, l)
	l.Append(entries(5)...)
	if status, body, _ := post(t, hs.URL, req(0, nil, l.Checkpoint())); status != 200 {
		t.Fatalf("first checkpoint: %d %s", status, body)
	}
	huge, err := note.Sign(&note.Note{Text: string(ledger.Checkpoint{Origin: origin, Size: 1<<63 - 1, Hash: l.TreeHash(5)}.Text())}, l.Signer)
	if err != nil {
		t.Fatal(err)
	}
	c := &http.Client{Timeout: 10 * time.Second}
	resp, err := c.Post(hs.URL+"/add-checkpoint", "text/plain", bytes.NewReader(req(5, make(tlog.TreeProof, 3), huge)))
	if err != nil {
		t.Fatalf("no answer: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 && resp.StatusCode != 403 {
		t.Errorf("a checkpoint of 2^63-1 entries: %s", resp.Status)
	}
}
