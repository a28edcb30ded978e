package remote_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"plenum/remote"
	"plenum/remote/tlogtest"
)

// TestKeeper: a Keeper keeps what a verification read under the paths
// it asked for: a tile the server redirects to another path of its host
// is kept under the tile's own path, and a partial tile the server no
// longer serves, read from its full tile, is kept as that full tile;
// the folder committed then verifies as the server did. Before Commit
// the folder holds nothing but the stage, and Discard removes it.
func TestKeeper(t *testing.T) {
	ctx := context.Background()
	l := tlogtest.New("plenum.test/log/march-1917")
	for i := range 100 {
		l.Append(fmt.Appendf(nil, "entry %d", i))
	}
	old := l.Checkpoint()
	for i := 100; i < 300; i++ {
		l.Append(fmt.Appendf(nil, "entry %d", i))
	}
	l.ServeCheckpoint(old)
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p, ok := strings.CutPrefix(r.URL.Path, "/moved"); ok {
			if strings.Contains(p, ".p/") {
				http.NotFound(w, r) // deleted once the full tile was there
				return
			}
			r.URL.Path = p
			l.ServeHTTP(w, r)
			return
		}
		if strings.HasPrefix(r.URL.Path, "/tile/") {
			http.Redirect(w, r, "/moved"+r.URL.Path, http.StatusFound)
			return
		}
		l.ServeHTTP(w, r)
	}))
	defer hs.Close()
	v, err := note.NewVerifier(l.VKey)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "copy")
	k, err := remote.NewKeeper(hs.URL, dir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := remote.Verify(ctx, hs.URL, remote.Options{LogKeys: note.VerifierList(v), Client: k.Client(remote.HTTPClient(0))})
	if err != nil {
		t.Fatal(err)
	}
	if files, _ := os.ReadDir(dir); len(files) != 1 || !strings.HasPrefix(files[0].Name(), ".plenum-keep-") {
		t.Fatalf("before Commit the folder holds %v", files)
	}
	if err := k.Commit(res.Signed); err != nil {
		t.Fatal(err)
	}
	var kept []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			kept = append(kept, filepath.ToSlash(rel))
		}
		return err
	})
	if got := strings.Join(kept, " "); got != "checkpoint tile/0/000 tile/entries/000" {
		t.Errorf("kept %s", got)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "checkpoint")); !bytes.Equal(b, old) {
		t.Errorf("kept checkpoint:\n%s", b)
	}
	u, _ := remote.FolderURL(dir)
	if r, err := remote.Verify(ctx, u, remote.Options{LogKeys: note.VerifierList(v)}); err != nil || r.Entries != 100 {
		t.Errorf("the copy: %v", err)
	}
	if err := k.Discard(); err != nil {
		t.Error(err)
	}
}
