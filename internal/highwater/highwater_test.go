package highwater

import (
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
)

func signer(t *testing.T) (note.Signer, note.Verifiers) {
	t.Helper()
	skey, vkey, err := note.GenerateKey(rand.Reader, "plenum.localhost")
	if err != nil {
		t.Fatal(err)
	}
	s, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	v, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	return s, note.VerifierList(v)
}

func checkpoint(t *testing.T, s note.Signer, origin string, size int64) []byte {
	t.Helper()
	b, err := ledger.SignCheckpoint(ledger.Checkpoint{Origin: origin, Size: size, Hash: tlog.Hash{byte(size)}}, s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestKeeper: marks only rise; with writers on several logs at once the
// file, once closed, holds each log's largest checkpoint and reads back
// under the key; synchronous Notes return with the file written. Every
// other checkpoint comes with its tree (NoteTree, as the engine's hook
// gives it), which makes the same marks.
func TestKeeper(t *testing.T) {
	for _, synchronous := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "m.json")
		s, vs := signer(t)
		m, found, err := Load(path, vs)
		if err != nil || found {
			t.Fatalf("a missing file: %v %v", found, err)
		}
		k := NewKeeper(path, m, synchronous, nil)
		var wg sync.WaitGroup
		for _, o := range []string{"plenum.localhost/log/a", "plenum.localhost/log/b", "plenum.localhost/log/c"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for n := int64(1); n <= 40; n++ {
					if cp := checkpoint(t, s, o, n); n%2 == 0 {
						k.NoteTree(o, n, tlog.Hash{byte(n)}, cp)
					} else {
						k.Note(cp)
					}
					if synchronous {
						got, _, err := Load(path, vs)
						if err != nil || got.Logs[o].Size < n {
							t.Errorf("synchronous: the file has %d of %s, want %d (%v)", got.Logs[o].Size, o, n, err)
						}
					}
				}
				k.Note(checkpoint(t, s, o, 3)) // lower: ignored
				k.NoteTree(o, 4, tlog.Hash{4}, checkpoint(t, s, o, 4))
			}()
		}
		wg.Wait()
		if err := k.Close(); err != nil {
			t.Fatal(err)
		}
		got, found, err := Load(path, vs)
		if err != nil || !found || len(got.Logs) != 3 {
			t.Fatalf("read back: %v %v %v", found, err, got)
		}
		for o, mk := range got.Logs {
			if mk.Size != 40 || mk.Hash != (tlog.Hash{40}) {
				t.Errorf("%s: mark %d (%x), want 40", o, mk.Size, mk.Hash)
			}
		}
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("the file's mode: %v %v", fi.Mode(), err)
		}
		// Signed by another key: damaged.
		_, other := signer(t)
		if _, _, err := Load(path, other); err == nil || !strings.Contains(err.Error(), "is damaged") {
			t.Errorf("marks under another key: %v", err)
		}
	}
}
