package witness

import (
	"context"
	"testing"

	"plenum/remote/tlogtest"
)

// TestRefusalsKeptAreBounded: the refusals the witness keeps as evidence
// of a split view are bounded per log (maxRefusedKept): a log's key
// holder sending forks without end could otherwise fill the witness's
// disk, 64 KB a request. Every fork is still refused (422); the first
// ones are kept.
func TestRefusalsKeptAreBounded(t *testing.T) {
	defer func(n int64) { maxRefusedKept = n }(maxRefusedKept)
	maxRefusedKept = 3
	ctx := context.Background()
	l := tlogtest.New(origin)
	srv, hs := newServer(t, l)
	l.Append(entries(5)...)
	if status, body, _ := post(t, hs.URL, req(0, nil, l.Checkpoint())); status != 200 {
		t.Fatalf("first checkpoint: %d %q", status, body)
	}
	for i := range 6 {
		fork := tlogtest.NewWithSigner(origin, l.Signer, l.VKey)
		fork.Append(entries(4)...)
		fork.Append([]byte{'f', byte(i)})
		if status, body, _ := post(t, hs.URL, req(5, nil, fork.Checkpoint())); status != 422 {
			t.Fatalf("fork %d: %d %q, want 422", i, status, body)
		}
	}
	if n, err := srv.Refused(ctx, origin); err != nil || n != 3 {
		t.Fatalf("refusals kept: %d (%v), want 3", n, err)
	}
}
