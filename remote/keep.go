package remote

import (
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
)

// A Keeper keeps a copy of what a verification of the log at one address
// fetched — the checkpoint, every tile and entry bundle, full or partial,
// every payload under blob/ — in a folder laid out as the server serves
// the log, so that the folder can be read as the log (FolderURL) and
// published by any static host. What is fetched goes first to a folder
// of its own inside the copy's folder, and only Commit, called once the
// verification passed, moves it into the copy: Discard, after a failure,
// leaves the copy as it was.
type Keeper struct {
	base  string // the path of the log's address, without its last "/"
	dir   string // the copy
	stage string // the files fetched, until Commit or Discard

	mu   sync.Mutex
	kept map[string]bool // paths under stage, slash-separated
}

// keepStage is the name prefix of a Keeper's folder of fetched files.
const keepStage = ".plenum-keep-"

// NewKeeper returns a Keeper of the log at logURL (an http(s) address
// or a FolderURL) whose copy is the folder dir, created if it does not
// exist.
func NewKeeper(logURL, dir string) (*Keeper, error) {
	u, err := url.Parse(logURL)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	stage, err := os.MkdirTemp(dir, keepStage+"*")
	if err != nil {
		return nil, err
	}
	return &Keeper{base: strings.TrimSuffix(u.Path, "/"), dir: dir, stage: stage, kept: map[string]bool{}}, nil
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
// the copy as it was.
func (k *Keeper) Discard() error {
	return os.RemoveAll(k.stage)
}
