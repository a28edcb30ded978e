package remote_test

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"plenum/ledger"
	"plenum/remote"
	"plenum/remote/tlogtest"
)

// keepVerified verifies the log l serves with a Keeper of dir, which it
// returns with the result, uncommitted.
func keepVerified(t *testing.T, l *tlogtest.Log, dir string) (*remote.Keeper, *remote.Result) {
	t.Helper()
	hs := httptest.NewServer(l)
	t.Cleanup(hs.Close)
	k, err := remote.NewKeeper(hs.URL, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { k.Discard() })
	res, err := remote.Verify(context.Background(), hs.URL, remote.Options{LogKeys: note.VerifierList(l.Verifier()), Client: k.Client(remote.HTTPClient(0))})
	if err != nil {
		t.Fatal(err)
	}
	return k, res
}

// TestKeeperExtends: Extends proves, from the tiles the verification
// fetched, that the log verified extends the copy kept: the log grown
// from 300 entries to 1000 (a level-1 tile among them) does; a log of
// the same origin and key whose history forks at entry 200 does not
// (ErrNotExtended), nor one of the copy's size with another root, nor a
// smaller one.
func TestKeeperExtends(t *testing.T) {
	ctx := context.Background()
	l := tlogtest.New("plenum.test/log/march-1917")
	fork := tlogtest.NewWithSigner(l.Origin, l.Signer, l.VKey)
	for i := range 1000 {
		if i < 300 {
			l.Append(fmt.Appendf(nil, "entry %d", i))
		}
		if i < 200 {
			fork.Append(fmt.Appendf(nil, "entry %d", i))
		} else {
			fork.Append(fmt.Appendf(nil, "another entry %d", i))
		}
	}
	dir := filepath.Join(t.TempDir(), "copy")
	k, res := keepVerified(t, l, dir)
	if err := k.Commit(res.Signed); err != nil {
		t.Fatal(err)
	}
	kept := res.Checkpoint
	for i := 300; i < 1000; i++ {
		l.Append(fmt.Appendf(nil, "entry %d", i))
	}

	k, res = keepVerified(t, fork, dir)
	if err := k.Extends(ctx, kept, res.Checkpoint); !errors.Is(err, remote.ErrNotExtended) {
		t.Errorf("a forked log (tree size %d) extends the copy (tree size %d): %v", res.Checkpoint.Size, kept.Size, err)
	}
	k.Discard()

	k, res = keepVerified(t, l, dir)
	if err := k.Extends(ctx, kept, res.Checkpoint); err != nil {
		t.Errorf("the log grown to %d entries does not extend the copy of %d: %v", res.Checkpoint.Size, kept.Size, err)
	}
	other := res.Checkpoint
	other.Hash[0] ^= 1
	if err := k.Extends(ctx, other, res.Checkpoint); !errors.Is(err, remote.ErrNotExtended) {
		t.Errorf("a copy of the same size with another root: %v", err)
	}
	larger := ledger.Checkpoint{Origin: l.Origin, Size: res.Checkpoint.Size + 1, Hash: res.Checkpoint.Hash}
	if err := k.Extends(ctx, larger, res.Checkpoint); !errors.Is(err, remote.ErrNotExtended) {
		t.Errorf("a copy larger than the log: %v", err)
	}
}

// TestKeeperCleansAStaleStage: a stage a killed Keeper left in the
// copy's folder is removed by the next Keeper of that folder, which
// holds the folder until its Discard: a second Keeper of it meanwhile is
// refused (ErrKeepBusy) and removes nothing.
func TestKeeperCleansAStaleStage(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, ".plenum-keep-123456")
	if err := os.MkdirAll(filepath.Join(stale, "tile", "0"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(stale, "tile", "0", "000"), []byte("half a tile"), 0o644); err != nil {
		t.Fatal(err)
	}
	k, err := remote.NewKeeper("http://plenum.test/log/march-1917", dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the stale stage is still there: %v", err)
	}
	stages := func() []string {
		m, _ := filepath.Glob(filepath.Join(dir, ".plenum-keep-*"))
		return m
	}
	if s := stages(); len(s) != 1 {
		t.Fatalf("stages: %v", s)
	}
	if _, err := remote.NewKeeper("http://plenum.test/log/march-1917", dir); !errors.Is(err, remote.ErrKeepBusy) {
		t.Errorf("a second Keeper of the folder: %v", err)
	}
	if s := stages(); len(s) != 1 {
		t.Errorf("the second Keeper left the stages %v", s)
	}
	if err := k.Discard(); err != nil {
		t.Fatal(err)
	}
	k, err = remote.NewKeeper("http://plenum.test/log/march-1917", dir)
	if err != nil {
		t.Fatalf("a Keeper after Discard: %v", err)
	}
	k.Discard()
	if s := stages(); len(s) != 0 {
		t.Errorf("left behind: %v", s)
	}
}
