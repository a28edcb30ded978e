package remote

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
)

// A Keeper keeps a copy of what a verification of the log at one address
// fetched — the checkpoint, every tile and entry bundle, full or partial,
// every payload under blob/ — in a folder laid out as the server serves
// the log, so that the folder can be read as the log (FolderURL) and
// published by any static host. What is fetched goes first to a folder
// of its own inside the copy's folder (the stage), and only Commit,
// called once the verification passed, moves it into the copy: Discard,
// after a failure, leaves the copy as it was.
//
// A Keeper holds the copy's folder, from NewKeeper to Commit or Discard,
// by an exclusive flock(2) on it, which the kernel releases when the
// process ends however it ends: a second Keeper of the same folder is
// refused (ErrKeepBusy), and a stage NewKeeper finds in the folder is
// one a process left when it was killed, and is removed.
type Keeper struct {
	base  string // the path of the log's address, without its last "/"
	dir   string // the copy
	stage string // the files fetched, until Commit or Discard

	mu   sync.Mutex
	kept map[string]bool // paths under stage, slash-separated
	lock *os.File        // the copy's folder, flocked; nil once released
}

// keepStage is the name prefix of a Keeper's folder of fetched files.
const keepStage = ".plenum-keep-"

// ErrKeepBusy is NewKeeper's error (errors.Is) when another Keeper, of
// this process or another, holds the folder.
var ErrKeepBusy = errors.New("another plenum verify --keep is writing to the folder")

// NewKeeper returns a Keeper of the log at logURL (an http(s) address
// or a FolderURL) whose copy is the folder dir, created if it does not
// exist. It holds the folder (see Keeper) and removes the stages a
// Keeper killed before its end left in it.
func NewKeeper(logURL, dir string) (*Keeper, error) {
	u, err := url.Parse(logURL)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	lock, err := lockFolder(dir)
	if err != nil {
		return nil, err
	}
	k := &Keeper{base: strings.TrimSuffix(u.Path, "/"), dir: dir, kept: map[string]bool{}, lock: lock}
	stale, err := filepath.Glob(filepath.Join(dir, keepStage+"*"))
	if err == nil {
		for _, p := range stale {
			if err = os.RemoveAll(p); err != nil {
				err = fmt.Errorf("removing the stage a killed --keep left: %w", err)
				break
			}
		}
	}
	if err == nil {
		k.stage, err = os.MkdirTemp(dir, keepStage+"*")
	}
	if err != nil {
		k.unlock()
		return nil, err
	}
	return k, nil
}

// lockFolder takes the exclusive flock of the folder dir, without
// waiting: ErrKeepBusy if another holds it.
func lockFolder(dir string) (*os.File, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, ErrKeepBusy
		}
		return nil, fmt.Errorf("locking %s: %w", dir, err)
	}
	return f, nil
}

// unlock releases the folder, once.
func (k *Keeper) unlock() {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.lock != nil {
		k.lock.Close() // which releases the flock
		k.lock = nil
	}
}

// blobPath is the path of a payload stored beside a plenum log.
var blobPath = regexp.MustCompile(`^blob/[0-9a-f]{64}$`)

// keptPath is the path under the log's prefix that req asks for, if it
// is one a copy holds: the checkpoint, a tile or entry bundle in its
// canonical path, or a blob. A redirected request is named by the one
// it was made for.
func (k *Keeper) keptPath(req *http.Request) (string, bool) {
	for req.Response != nil && req.Response.Request != nil {
		req = req.Response.Request
	}
	p, ok := strings.CutPrefix(req.URL.Path, k.base+"/")
	if !ok {
		return "", false
	}
	if p == "checkpoint" || blobPath.MatchString(p) {
		return p, true
	}
	if _, err := ParseTilePath(p); err == nil {
		return p, true
	}
	return "", false
}

// Client returns hc (a client of NewClient, HTTPClientFor) whose every
// answer 200 OK to a request of a file a copy holds is kept, when it
// was read to its end.
func (k *Keeper) Client(hc *http.Client) *http.Client {
	c := *hc
	rt := c.Transport
	if rt == nil {
		rt = http.DefaultTransport
	}
	c.Transport = keepTransport{k: k, rt: rt}
	return &c
}

type keepTransport struct {
	k  *Keeper
	rt http.RoundTripper
}

func (t keepTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.rt.RoundTrip(req)
	if err != nil || resp.StatusCode != http.StatusOK {
		return resp, err
	}
	p, ok := t.k.keptPath(req)
	if !ok {
		return resp, nil
	}
	f, ferr := os.CreateTemp(t.k.stage, ".part-*")
	if ferr != nil {
		resp.Body.Close()
		return nil, ferr
	}
	resp.Body = &keptBody{ReadCloser: resp.Body, k: t.k, f: f, path: p}
	return resp, nil
}

// keptBody writes what is read of an answer to a file of the stage,
// which becomes the stage's copy of path when the answer is read to its
// end.
type keptBody struct {
	io.ReadCloser
	k    *Keeper
	f    *os.File
	path string
	err  error
	done bool
}

func (b *keptBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if b.f != nil && b.err == nil && n > 0 {
		_, b.err = b.f.Write(p[:n])
	}
	if err == io.EOF && b.f != nil {
		b.finish()
	}
	if b.err != nil && err == nil {
		err = b.err
	}
	return n, err
}

func (b *keptBody) finish() {
	f := b.f
	b.f = nil
	if err := f.Close(); b.err == nil {
		b.err = err
	}
	if b.err != nil {
		os.Remove(f.Name())
		return
	}
	dst := filepath.Join(b.k.stage, filepath.FromSlash(b.path))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		b.err = err
		os.Remove(f.Name())
		return
	}
	b.k.mu.Lock()
	defer b.k.mu.Unlock()
	if b.err = os.Rename(f.Name(), dst); b.err == nil {
		b.k.kept[b.path] = true
	}
}

func (b *keptBody) Close() error {
	if b.f != nil {
		b.f.Close()
		os.Remove(b.f.Name())
		b.f = nil
	}
	return b.ReadCloser.Close()
}

// Kept returns the checkpoint the copy holds, or nil if it holds none.
func (k *Keeper) Kept() ([]byte, error) {
	b, err := os.ReadFile(filepath.Join(k.dir, "checkpoint"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return b, err
}

// Commit moves what was fetched into the copy: every tile, entry bundle
// and blob, each replacing its file (a partial tile's narrower ones are
// removed, and all of them once the full tile is there), and last the
// checkpoint, given as the one verified, so that the copy's checkpoint
// never signs what the copy lacks. Each file is put in place by a
// rename. The stage is removed.
func (k *Keeper) Commit(checkpoint []byte) error {
	defer k.Discard()
	k.mu.Lock()
	paths := make([]string, 0, len(k.kept))
	for p := range k.kept {
		if p != "checkpoint" {
			paths = append(paths, p)
		}
	}
	k.mu.Unlock()
	for _, p := range paths {
		dst := filepath.Join(k.dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.Rename(filepath.Join(k.stage, filepath.FromSlash(p)), dst); err != nil {
			return err
		}
		if err := k.dropNarrower(p); err != nil {
			return err
		}
	}
	f, err := os.CreateTemp(k.stage, ".checkpoint-*")
	if err != nil {
		return err
	}
	_, err = f.Write(checkpoint)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(f.Name(), filepath.Join(k.dir, "checkpoint"))
}

// dropNarrower removes from the copy the partial tiles of tile p that
// hold fewer hashes or entries than p: all of them when p is full.
func (k *Keeper) dropNarrower(p string) error {
	t, err := ParseTilePath(p)
	if err != nil {
		return nil // a blob
	}
	full := t
	full.W = 1 << TileHeight
	partials := filepath.Join(k.dir, filepath.FromSlash(TilePath(full)+".p"))
	if t.W == 1<<TileHeight {
		return os.RemoveAll(partials)
	}
	names, err := os.ReadDir(partials)
	if err != nil {
		return nil
	}
	for _, e := range names {
		if w, err := strconv.Atoi(e.Name()); err == nil && w < t.W && path.Base(p) != e.Name() {
			if err := os.Remove(filepath.Join(partials, e.Name())); err != nil {
				return fmt.Errorf("removing %s: %w", e.Name(), err)
			}
		}
	}
	return nil
}

// Discard removes the files fetched that were not committed, leaving
// the copy as it was, and releases the folder.
func (k *Keeper) Discard() error {
	defer k.unlock()
	return os.RemoveAll(k.stage)
}

// ErrNotExtended is Extends's error (errors.Is) when the log verified
// does not extend the copy kept: another history.
var ErrNotExtended = errors.New("the log verified does not extend the copy kept")

// Extends proves that the tree of cp, the checkpoint the verification
// checked, extends the tree of kept, the checkpoint of the copy (Kept):
// that the copy is a prefix of the log verified, so that Commit adds to
// it and replaces no history. The proof (tlog.ProveTree, checked by
// tlog.CheckTree against both roots) is made from the tiles the
// verification fetched, in the stage, each authenticated anew against
// cp's root. Its error is ErrNotExtended (errors.Is) when the trees are
// of another history — a smaller tree than the copy's, the same size
// with another root, or a proof that fails — and another one when the
// proof cannot be made (a tile not in the stage).
func (k *Keeper) Extends(ctx context.Context, kept, cp ledger.Checkpoint) error {
	switch {
	case kept.Size > cp.Size:
		return fmt.Errorf("%w: its tree is smaller", ErrNotExtended)
	case kept.Size == cp.Size:
		if kept.Hash != cp.Hash {
			return fmt.Errorf("%w: the same tree size with another root", ErrNotExtended)
		}
		return nil
	case kept.Size == 0:
		return nil
	}
	u, err := FolderURL(k.stage)
	if err != nil {
		return err
	}
	hr := NewClient(u, HTTPClientFor(u, 0)).HashReader(ctx, tlog.Tree{N: cp.Size, Hash: cp.Hash})
	proof, err := tlog.ProveTree(cp.Size, kept.Size, hr)
	if err != nil {
		return fmt.Errorf("proving tree size %d consistent with tree size %d from the tiles fetched: %w", cp.Size, kept.Size, err)
	}
	if err := tlog.CheckTree(proof, cp.Size, cp.Hash, kept.Size, kept.Hash); err != nil {
		return fmt.Errorf("%w: %v", ErrNotExtended, err)
	}
	return nil
}
