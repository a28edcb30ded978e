package remote_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"plenum/remote"
	"plenum/remote/tlogtest"
	"plenum/tlogproof"
)

// TestFolder: a log mirrored in a folder, laid out as its server serves
// it, verifies as the server does, and a receipt checks against it; an
// entry altered in the mirror is found, named; a folder without the
// log's checkpoint is ErrNoLog.
func TestFolder(t *testing.T) {
	ctx := context.Background()
	l := ledgerLog(t, 700)
	keys := note.VerifierList(l.Verifier())
	receipt, err := remote.FetchReceipt(ctx, serve(t, l), 650, remote.Options{LogKeys: keys})
	if err != nil {
		t.Fatal(err)
	}
	r, err := tlogproof.VerifyReceipt(receipt, keys, nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "mirror of log")
	if err := tlogtest.WriteMirror(l, l.Size(), dir); err != nil {
		t.Fatal(err)
	}
	if _, err := remote.FolderURL(filepath.Join(dir, "checkpoint")); err == nil {
		t.Error("FolderURL of a file")
	}
	u, err := remote.FolderURL(dir)
	if err != nil || !strings.HasPrefix(u, "file:///") {
		t.Fatalf("FolderURL: %q %v", u, err)
	}
	var replayed int64
	res, err := remote.Verify(ctx, u, remote.Options{LogKeys: keys, Replay: func(int64, []byte) error { replayed++; return nil }})
	if err != nil || res.Entries != 700 || replayed != 700 {
		t.Fatalf("verify the mirror: %v %+v, %d replayed", err, res, replayed)
	}
	if _, err := remote.CheckReceipt(ctx, u, r, remote.Options{LogKeys: keys}); err != nil {
		t.Errorf("a receipt against the mirror: %v", err)
	}

	// An entry altered in the mirror.
	bundle := filepath.Join(dir, "tile", "entries", "001")
	b, _ := os.ReadFile(bundle)
	b[len(b)-2] ^= 1
	os.WriteFile(bundle, b, 0o644)
	var re *remote.Error
	if _, err := remote.Verify(ctx, u, remote.Options{LogKeys: keys}); !errors.As(err, &re) || re.Index < 256 || re.Index >= 512 {
		t.Errorf("an entry altered in the mirror: %v", err)
	}

	// No checkpoint: no log there.
	os.Remove(filepath.Join(dir, "checkpoint"))
	if _, err := remote.Verify(ctx, u, remote.Options{LogKeys: keys}); !errors.Is(err, remote.ErrNoLog) {
		t.Errorf("a folder without the checkpoint: %v", err)
	}
}
