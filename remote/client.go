package remote

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
	"plenum/witness"
)

// Options configures Verify.
type Options struct {
	// LogKeys verify the log's signature on its checkpoints. Required.
	LogKeys note.Verifiers
	// Origin, if set, is the origin the checkpoint must have.
	Origin string
	// LogID, if set, is the assembly whose log the checkpoint must be:
	// its origin must be <server>/log/<LogID> (LogIDFromURL gives it).
	LogID string
	// Policy, if set, must be met by the checkpoint's cosignatures.
	Policy *witness.Policy
	// Since, if set, is a signed checkpoint of the same log saved earlier:
	// the current one must extend it.
	Since []byte
	// Replay, if set, is called with every entry, in order. Its error
	// is a problem with the entry, unless it is the end of a context or
	// the failure to fetch what the entry needs (marked by Unfetched).
	Replay func(index int64, data []byte) error
	// Progress, if set, is called after each entry bundle with the
	// number of entries checked and the log's size.
	Progress func(done, total int64)
	// Client is the HTTP client; one with a 60 second timeout if nil.
	Client *http.Client
}

// Result describes a log that verified.
type Result struct {
	Signed     []byte            // the checkpoint as served, with cosignatures
	Checkpoint ledger.Checkpoint // its parsed body
	Cosigners  []string          // names of the policy's witnesses that cosigned
	Entries    int64             // entries checked (the tree size)
}

// Error is the first problem Verify found. Index is the entry it concerns,
// or -1 when it concerns the checkpoint or the log as a whole.
type Error struct {
	Index  int64
	Reason string
	// cause is the error that made the problem, if any: a failure to
	// fetch (unread) or the end of the verification's context is no
	// finding about the log (see found).
	cause error
}

func (e *Error) Error() string {
	if e.Index < 0 {
		return e.Reason
	}
	return fmt.Sprintf("entry %d: %s", e.Index, e.Reason)
}

func fail(index int64, format string, args ...any) error {
	return &Error{Index: index, Reason: fmt.Sprintf(format, args...)}
}

// failOn is fail for a problem that cause made: a finding about what
// was fetched (a tile that does not lead to the signed root, a bundle
// cut short, an event the replay refuses), or a failure to fetch it
// (unread, Unfetched, the end of a context), which is none.
//
// A cause the server's refusal made (ErrRefused: 401 or 403, the record
// not public) is returned as it is: it says nothing about the log, and a
// reader who sees "does not check out against its checkpoint" reads it
// as tampering.
func failOn(index int64, cause error, format string, args ...any) error {
	if errors.Is(cause, ErrRefused) {
		return cause
	}
	return &Error{Index: index, Reason: fmt.Sprintf(format, args...), cause: cause}
}

// unread is the error of a request that brought nothing to check: the
// server could not be reached, answered with an error status, or broke
// off its answer, or the context ended. It says nothing about the log:
// what is found wrong in an answer received whole is a finding, and
// outranks the end of the verification's context (see verify).
type unread struct{ error }

func (e unread) Unwrap() error { return e.error }

// Unfetched marks err, returned by an Options.Replay, as the failure to
// fetch what the entry needs (a payload stored beside the log) rather
// than a problem with the entry: if the verification's context has
// ended, Verify reports that it stopped (*Stopped), not the entry.
func Unfetched(err error) error {
	if err == nil {
		return nil
	}
	return unread{err}
}

// notFetched reports whether err is the failure to fetch something, or
// the end of a context, rather than a finding.
func notFetched(err error) bool {
	return errors.As(err, new(unread)) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// found reports whether err is a finding about the log: an *Error made
// from what was received, not from a failure to receive it, nor from
// the end of ctx (a replay's error may be its cause).
func found(ctx context.Context, err error) bool {
	var e *Error
	return errors.As(err, &e) && !notFetched(e.cause) && !errors.Is(e.cause, context.Cause(ctx))
}

// Client reads one tiled log over HTTP.
type Client struct {
	base string
	hc   *http.Client

	mu    sync.Mutex
	cache tileCache
}

// NewClient returns a client for the log whose tlog-tiles prefix is url,
// or for a log mirrored in a folder, whose address FolderURL gives.
// hc may be nil: the client of HTTPClientFor with a 60 second timeout.
func NewClient(url string, hc *http.Client) *Client {
	return newClient(url, hc, maxCachedTiles)
}

func newClient(url string, hc *http.Client, maxTiles int) *Client {
	if hc == nil {
		hc = HTTPClientFor(url, 60*time.Second)
	}
	return &Client{base: strings.TrimSuffix(url, "/"), hc: hc, cache: newTileCache(maxTiles)}
}

// HTTPClient returns the HTTP client NewClient uses by default: every
// request, redirects and body included, ends within timeout; redirects
// are followed only within the log's scheme, host and port, at most
// maxRedirects of them. What is served is checked against the signed
// checkpoint wherever it comes from, but a server the verifier does not
// trust may not send it to other addresses: to another host of the
// verifier's network, to a file, or from https to http.
//
// It keeps up to maxIdleConns idle connections to a host for the next
// requests, more than Verify has under way at once (an entry bundle and
// its tiles for each bundle fetched ahead): a server speaking HTTP/1.1 is
// not made to open a connection, a round trip or three, for most of them
// (with the 2 of http.DefaultTransport, 62 connections for 82 requests).
func HTTPClient(timeout time.Duration) *http.Client {
	return &http.Client{Timeout: timeout, CheckRedirect: checkRedirect, Transport: transport()}
}

// maxIdleConns is how many idle connections to one host HTTPClient keeps.
const maxIdleConns = 4 * prefetchDepth

// transport is http.DefaultTransport keeping maxIdleConns connections to
// a host rather than 2, shared by the clients of HTTPClient.
var transport = sync.OnceValue(func() http.RoundTripper {
	dt, ok := http.DefaultTransport.(*http.Transport)
	if !ok {
		return http.DefaultTransport
	}
	t := dt.Clone()
	t.MaxIdleConnsPerHost = maxIdleConns
	return t
})

// maxRedirects is how many redirects HTTPClient follows for one request.
const maxRedirects = 5

func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > maxRedirects {
		return fmt.Errorf("the server redirects more than %d times", maxRedirects)
	}
	if from := via[0].URL; req.URL.Scheme != from.Scheme || req.URL.Host != from.Host {
		to := req.URL.String()
		if len(to) > 200 {
			to = to[:200] + "…"
		}
		return fmt.Errorf("the server redirects to another address, %s: give that address as the log's if you trust it", printable(to))
	}
	return nil
}

// printable quotes text a server chose for a message to a person, so that
// control characters (a terminal's escape sequences) and invisible ones
// show as escapes rather than act.
func printable(s string) string {
	if strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsPrint(r) }) {
		return strconv.Quote(s)
	}
	return s
}

// The most a response may be: the checkpoint, a tile of w hashes, an
// entry bundle of w entries (each at most ledger.MaxEntrySize bytes).
const maxCheckpoint = 1 << 20

func maxTile(w int) int64   { return int64(w) * tlog.HashSize }
func maxBundle(w int) int64 { return int64(w) * (2 + ledger.MaxEntrySize) }

// get fetches base/path and returns its body, at most limit bytes, or an
// error naming the URL.
func (c *Client) get(ctx context.Context, path string, limit int64) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/"+path, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, unread{err}
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		err := fmt.Errorf("GET %s: %s: %s", req.URL, printable(resp.Status), printable(strings.TrimSpace(string(msg))))
		switch resp.StatusCode {
		case http.StatusNotFound:
			err = notFound{err}
		case http.StatusUnauthorized, http.StatusForbidden:
			err = refused{err}
		}
		return nil, unread{err}
	}
	tooLarge := fmt.Errorf("GET %s: response larger than %d bytes", req.URL, limit)
	if resp.ContentLength > limit {
		return nil, tooLarge
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, unread{fmt.Errorf("GET %s: %w", req.URL, err)}
	}
	if int64(len(b)) > limit {
		return nil, tooLarge
	}
	return b, nil
}

// ErrNoLog is what the error of a log's checkpoint answered 404 Not
// Found is (errors.Is): the address serves no log, being a server's own
// address or that of an assembly the server keeps no log of, which a
// caller tells apart from a log that fails its check (plenum verify then
// names the logs the server lists) without a request of its own. A tile
// or entry bundle answered 404 is not it: the log is there, and lacks
// what its checkpoint signs.
var ErrNoLog = errors.New("remote: the address serves no log (its checkpoint is not found)")

// Checkpoint fetches the log's current checkpoint as served. Its error
// is ErrNoLog (errors.Is) when the checkpoint is answered 404.
func (c *Client) Checkpoint(ctx context.Context) ([]byte, error) {
	b, err := c.get(ctx, "checkpoint", maxCheckpoint)
	if nf := new(notFound); errors.As(err, nf) {
		err = unread{noLog{*nf}}
	}
	return b, err
}

// ErrRefused is what the error of a request answered 401 Unauthorized
// or 403 Forbidden is (errors.Is): the server refuses the log to whoever
// asks without a session, as plenum serves the log of an assembly whose
// record is open to participants or officers only. It is no finding
// about the log, which was not read: Verify, CheckReceipt and
// FetchReceipt return it as it is, never as a check that failed.
var ErrRefused = errors.New("remote: the server refused to serve the log (the record is not public)")

// refused is the error of a 401 or 403 answer: ErrRefused, in the words
// of the request that got it.
type refused struct{ error }

func (e refused) Unwrap() error        { return e.error }
func (e refused) Is(target error) bool { return target == ErrRefused }

// notFound is the error of a 404 answer.
type notFound struct{ error }

func (e notFound) Unwrap() error { return e.error }

// noLog is the error of a checkpoint answered 404: ErrNoLog, in the words
// of the request that got it.
type noLog struct{ error }

func (e noLog) Unwrap() error        { return e.error }
func (e noLog) Is(target error) bool { return target == ErrNoLog }

// getTile fetches tile t (or entry bundle), at most limit(t.W) bytes. A
// partial tile that is gone (404) is looked for as the full tile, whose
// data is returned instead (full says so): tlog-tiles lets a log delete a
// partial tile once the full one exists, and a verifier of an older
// checkpoint then uses the full tile's first hashes or entries, checked
// against the signed root like any.
func (c *Client) getTile(ctx context.Context, t tlog.Tile, limit func(w int) int64) (data []byte, full bool, err error) {
	data, err = c.get(ctx, TilePath(t), limit(t.W))
	if t.W == 1<<TileHeight || !errors.As(err, new(notFound)) {
		return data, false, err
	}
	ft := t
	ft.W = 1 << TileHeight
	if fdata, ferr := c.get(ctx, TilePath(ft), limit(ft.W)); ferr == nil {
		return fdata, true, nil
	}
	return nil, false, err
}

// Bundle fetches the entries of the entry bundle t (t.L == -1).
func (c *Client) Bundle(ctx context.Context, t tlog.Tile) ([][]byte, error) {
	data, full, err := c.getTile(ctx, t, maxBundle)
	if err != nil {
		return nil, err
	}
	path := TilePath(t)
	if full {
		path = TilePath(tlog.Tile{H: t.H, L: t.L, N: t.N, W: 1 << TileHeight}) + " (for " + path + ")"
	}
	entries := make([][]byte, 0, t.W)
	for len(data) > 0 {
		if len(data) < 2 {
			return nil, fmt.Errorf("%s: %w", path, errShortBundle)
		}
		n := int(binary.BigEndian.Uint16(data))
		if len(data) < 2+n {
			return nil, fmt.Errorf("%s: %w", path, errShortBundle)
		}
		entries = append(entries, data[2:2+n])
		data = data[2+n:]
	}
	if full && len(entries) == 1<<TileHeight {
		entries = entries[:t.W]
	}
	if len(entries) != t.W {
		return nil, fmt.Errorf("%s: %d entries, want %d", path, len(entries), t.W)
	}
	return entries, nil
}

// readTile fetches the hashes of tile t, exactly t.W of them (a partial
// tile that is gone is read from its full tile): not authenticated yet,
// which is tlog.TileHashReader's work.
func (c *Client) readTile(ctx context.Context, t tlog.Tile) ([]byte, error) {
	d, full, err := c.getTile(ctx, t, maxTile)
	if err != nil {
		return nil, err
	}
	if full && len(d) == 1<<TileHeight*tlog.HashSize {
		d = d[:t.W*tlog.HashSize]
	}
	if len(d) != t.W*tlog.HashSize {
		return nil, fmt.Errorf("%s: %d bytes, want %d", TilePath(t), len(d), t.W*tlog.HashSize)
	}
	return d, nil
}

// tileReader implements tlog.TileReader over HTTP for tlog.TileHashReader,
// which authenticates every tile against the tree's root hash.
type tileReader struct {
	ctx context.Context
	c   *Client
	// ahead are the fetches, started ahead of time, of tiles the next
	// read may ask for (see prefetch): their answers are no more trusted
	// than the network's, and go to tlog to authenticate like any.
	ahead []*tileFetch
	// read are the tiles the last ReadTiles fetched (not from the cache):
	// when tlog finds them inconsistent with the signed root, one of
	// them is at fault, and the finding names them.
	read []tlog.Tile
}

// suspects names the tiles of r.read by their paths.
func (r *tileReader) suspects() string {
	paths := make([]string, len(r.read))
	for i, t := range r.read {
		paths[i] = TilePath(t)
	}
	return strings.Join(paths, ", ")
}

func (r *tileReader) Height() int { return TileHeight }

func (r *tileReader) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(tiles))
	r.read = r.read[:0]
	for i, t := range tiles {
		r.c.mu.Lock()
		d, ok := r.c.cache.get(t)
		r.c.mu.Unlock()
		if ok {
			out[i] = d
			continue
		}
		var err error
		if f := r.fetchedAhead(t); f != nil {
			d, err = f.wait()
		} else {
			d, err = r.c.readTile(r.ctx, t)
		}
		if err != nil {
			return nil, err
		}
		out[i] = d
		r.read = append(r.read, t)
	}
	return out, nil
}

// fetchedAhead returns the fetch of t started ahead, or nil.
func (r *tileReader) fetchedAhead(t tlog.Tile) *tileFetch {
	for _, f := range r.ahead {
		if f.tile == t {
			return f
		}
	}
	return nil
}

// SaveTiles keeps the tiles that verified (see tileCache).
func (r *tileReader) SaveTiles(tiles []tlog.Tile, data [][]byte) {
	r.c.mu.Lock()
	defer r.c.mu.Unlock()
	r.c.cache.save(tiles, data)
}

// HashReader returns a reader of the tree's hashes whose every tile is
// authenticated against tree's root hash.
func (c *Client) HashReader(ctx context.Context, tree tlog.Tree) tlog.HashReader {
	return tlog.TileHashReader(tree, &tileReader{ctx: ctx, c: c})
}

// OpenCheckpoint checks a signed checkpoint against the log's keys and
// the expected origin (if not empty) and parses it.
func OpenCheckpoint(signed []byte, keys note.Verifiers, origin string) (ledger.Checkpoint, error) {
	c, _, err := ledger.OpenCheckpoint(signed, keys)
	if err != nil {
		return ledger.Checkpoint{}, err
	}
	if origin != "" && c.Origin != origin {
		return ledger.Checkpoint{}, fmt.Errorf("checkpoint is for log %q, not %q", c.Origin, origin)
	}
	return c, nil
}

// LogIDFromURL returns the assembly id a plenum log's address names, as
// in https://plenum.example/log/<id>/, or "" if it names none.
func LogIDFromURL(u string) string {
	pu, err := url.Parse(u)
	if err != nil {
		return ""
	}
	parts := strings.Split(strings.TrimSuffix(pu.EscapedPath(), "/"), "/")
	if len(parts) < 2 || parts[len(parts)-2] != "log" || !ledger.ValidAssemblyID(parts[len(parts)-1]) {
		return ""
	}
	return parts[len(parts)-1]
}

// open checks the server's signed checkpoint as opts require: the log's
// keys, the origin or the assembly, the witnesses' policy.
func (opts Options) open(signed []byte) (ledger.Checkpoint, []string, error) {
	cp, err := OpenCheckpoint(signed, opts.LogKeys, opts.Origin)
	if err != nil {
		return cp, nil, fail(-1, "the server's checkpoint: %v", err)
	}
	if opts.LogID != "" {
		if _, id, err := ledger.ParseOrigin(cp.Origin); err != nil || id != opts.LogID {
			return cp, nil, fail(-1, "the server's checkpoint is for log %q, not for %s, which the address names", cp.Origin, opts.LogID)
		}
	}
	var names []string
	if opts.Policy != nil {
		if names, err = opts.Policy.Check(signed); err != nil {
			return cp, nil, fail(-1, "the server's checkpoint (tree size %d): %v", cp.Size, err)
		}
	}
	return cp, names, nil
}

// Stopped is the error of a verification that its context ended before
// it was done (a time limit, an interruption): nothing is known wrong
// with the log, nor known right beyond what was checked.
type Stopped struct {
	Size    int64 // the checkpoint's tree size, or -1 if it was not read and checked
	Checked int64 // how many entries, from the first, verified before
	Cause   error // context.Cause of the context
}

func (e *Stopped) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("stopped before the checkpoint was read and checked: %v", e.Cause)
	}
	return fmt.Sprintf("stopped after %d of %d entries: %v", e.Checked, e.Size, e.Cause)
}

func (e *Stopped) Unwrap() error { return e.Cause }

// Verify checks the whole log at url: see the package comment. It returns
// an *Error for the first problem with the log, a *Stopped if ctx ends
// first, or another error if the server cannot be read. A problem found
// in what was received whole is reported even when ctx ended as it was
// found (or before it was checked): only a failure to fetch, or to
// replay for want of something fetched (Unfetched), gives way to the
// end of ctx.
func Verify(ctx context.Context, url string, opts Options) (*Result, error) {
	return verify(ctx, newClient(url, opts.Client, maxCachedTiles), opts)
}

func verify(ctx context.Context, c *Client, opts Options) (res *Result, err error) {
	if opts.LogKeys == nil {
		return nil, errors.New("remote: no log key to verify the checkpoint with")
	}
	// When ctx ends, a fetch, a tile's check or the replay fails with
	// its error: the log is not at fault, the verification stopped. But
	// a problem found in what was received whole — a forged tile or
	// entry, a bad signature, an event the rules refuse — is one however
	// close to the end of ctx it was found, and is reported as such:
	// the time limit does not hide it.
	stopped := &Stopped{Size: -1}
	defer func() {
		if err != nil && ctx.Err() != nil && !found(ctx, err) {
			stopped.Cause = context.Cause(ctx)
			res, err = nil, stopped
		}
	}()
	signed, err := c.Checkpoint(ctx)
	if err != nil {
		return nil, err
	}
	cp, names, err := opts.open(signed)
	if err != nil {
		return nil, err
	}
	stopped.Size = cp.Size
	res = &Result{Signed: signed, Checkpoint: cp, Cosigners: names}
	tree := tlog.Tree{N: cp.Size, Hash: cp.Hash}
	tr := &tileReader{ctx: ctx, c: c}
	hr := tlog.TileHashReader(tree, tr)

	var since *ledger.Checkpoint
	if opts.Since != nil {
		s, err := OpenCheckpoint(opts.Since, opts.LogKeys, cp.Origin)
		if err != nil {
			return nil, fail(-1, "the remembered checkpoint: %v", err)
		}
		since = &s
		if err := checkConsistency(*since, cp, hr); err != nil {
			return nil, err
		}
	}

	// Recompute every record and tree hash from the entries, comparing the
	// record hashes with the authenticated tiles as we go.
	var fr fringe
	pctx, cancel := context.WithCancel(ctx)
	defer cancel()
	bundles := c.prefetch(pctx, cp.Size)
	for start := int64(0); start < cp.Size; start += 1 << TileHeight {
		w := min(cp.Size-start, 1<<TileHeight)
		b, ok := <-bundles
		if !ok {
			return nil, ctx.Err()
		}
		entries, err := b.entries, b.err
		if err != nil {
			return nil, failOn(start, err, "entry bundle: %v", err)
		}
		idx := make([]int64, w)
		for i := range idx {
			idx[i] = tlog.StoredHashIndex(0, start+int64(i))
		}
		tr.ahead = b.tiles
		want, err := hr.ReadHashes(idx)
		tr.ahead = nil
		if err != nil && !notFetched(err) && len(tr.read) > 0 {
			return nil, failOn(start, err, "the log's tree (tree size %d) does not check out against its checkpoint: %v, in what was read of %s", cp.Size, err, tr.suspects())
		}
		if err != nil {
			return nil, failOn(start, err, "the log's tree (tree size %d) does not check out against its checkpoint: %v", cp.Size, err)
		}
		for i, e := range entries {
			n := start + int64(i)
			if rh := tlog.RecordHash(e); rh != want[i] {
				return nil, fail(n, "entry hashes to %v, but the signed tree has %v at its place: the entry was altered", rh, want[i])
			}
			if err := fr.add(n, e); err != nil {
				return nil, err
			}
			if since != nil && fr.size == since.Size {
				if h := fr.root(); h != since.Hash {
					return nil, fail(n, "entries 0–%d hash to %v, but the remembered checkpoint of tree size %d has %v: the log was rewritten", n, h, since.Size, since.Hash)
				}
			}
			if opts.Replay != nil {
				if err := opts.Replay(n, e); err != nil {
					return nil, failOn(n, err, "replay: %v", err)
				}
			}
		}
		stopped.Checked = start + w
		if opts.Progress != nil {
			opts.Progress(start+w, cp.Size)
		}
	}
	if h := fr.root(); h != cp.Hash {
		return nil, fail(-1, "the entries hash to %v, but the checkpoint of tree size %d says %v", h, cp.Size, cp.Hash)
	}
	if opts.Progress != nil && cp.Size == 0 {
		opts.Progress(0, 0)
	}
	res.Entries = cp.Size
	return res, nil
}

// checkConsistency proves, from the server's tiles, that the tree of cp
// extends the remembered one.
func checkConsistency(since, cp ledger.Checkpoint, hr tlog.HashReader) error {
	switch {
	case since.Size > cp.Size:
		return fail(-1, "the server's checkpoint (tree size %d) is older than the remembered one (tree size %d): the log was rolled back, or another history is shown", cp.Size, since.Size)
	case since.Size == cp.Size:
		if since.Hash != cp.Hash {
			return fail(-1, "the server's checkpoint and the remembered one both have tree size %d but different roots (%v, %v): two histories under one origin", cp.Size, cp.Hash, since.Hash)
		}
		return nil
	case since.Size == 0:
		return nil
	}
	proof, err := tlog.ProveTree(cp.Size, since.Size, hr)
	if err != nil {
		return failOn(-1, err, "cannot prove the server's checkpoint (tree size %d) consistent with the remembered one (tree size %d): %v", cp.Size, since.Size, err)
	}
	if err := tlog.CheckTree(proof, cp.Size, cp.Hash, since.Size, since.Hash); err != nil {
		return fail(-1, "the server's checkpoint (tree size %d) is not consistent with the remembered one (tree size %d): the log shows another history", cp.Size, since.Size)
	}
	return nil
}

// fringe holds the roots of the maximal complete subtrees of the tree
// built so far: all tlog.StoredHashes and tlog.TreeHash need to go on.
type fringe struct {
	size   int64
	hashes map[int64]tlog.Hash // by stored hash index
	stack  []int64             // stored hash indexes, left to right
}

func (f *fringe) ReadHashes(idx []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(idx))
	for i, x := range idx {
		h, ok := f.hashes[x]
		if !ok {
			return nil, fmt.Errorf("remote: internal error: hash %d not kept", x)
		}
		out[i] = h
	}
	return out, nil
}

func (f *fringe) add(n int64, data []byte) error {
	if f.hashes == nil {
		f.hashes = map[int64]tlog.Hash{}
	}
	hs, err := tlog.StoredHashes(n, data, f)
	if err != nil {
		return err
	}
	// The new record completes len(hs)-1 subtrees: their left halves
	// leave the stack, the largest completed subtree joins it.
	for range len(hs) - 1 {
		top := f.stack[len(f.stack)-1]
		f.stack = f.stack[:len(f.stack)-1]
		delete(f.hashes, top)
	}
	l := len(hs) - 1
	x := tlog.StoredHashIndex(l, n>>l)
	f.hashes[x] = hs[l]
	f.stack = append(f.stack, x)
	f.size = n + 1
	return nil
}

func (f *fringe) root() tlog.Hash {
	h, err := tlog.TreeHash(f.size, f)
	if err != nil {
		panic(err) // the fringe always holds what TreeHash reads
	}
	return h
}
