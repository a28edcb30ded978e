package recordfile

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"plenum/ledger"
)

// ErrClosed is the error of Cache.Open once the cache is closed.
var ErrClosed = errors.New("recordfile: the cache is closed")

// A Cache keeps the record file of each log at its latest checkpoint, so
// that a server writes one copy of a log for each checkpoint however many
// readers ask for it: a public record must not let its readers make the
// server copy a large log once a request. The files are kept in a folder
// of the cache's own, made at its first write and removed by Close.
//
// A file is written once for each checkpoint and number of witnesses'
// cosignatures stored for it (they are stored after the checkpoint, as
// the witnesses answer, and the file holds them): whoever asks for it
// while it is being written waits for that write. It is kept while it is
// the log's latest the cache has written, and removed once a newer one is
// written (a newer checkpoint, or more cosignatures of the same) and no
// reader still holds it. A write that fails is not kept: its error is
// given to those who waited for it, and the next reader writes it again.
//
// Every reader is given the latest: one asking for an older file than one
// the cache holds or is writing is given that one, and a file whose turn
// to be written comes once a newer one is asked for is not written, its
// readers being given the newer. However often a log's checkpoint
// changes, at most Writers files are written at once over all logs, and
// a write that begins is of the latest file of its log asked for.
type Cache struct {
	st      ledger.Store
	opts    CacheOptions
	slots   chan struct{}
	ctx     context.Context // ended by Close: it ends the writes
	cancel  context.CancelFunc
	writing sync.WaitGroup

	mu     sync.Mutex
	closed bool
	dir    string // the cache's folder, once made
	seq    int    // the files named so far
	files  map[string][]*cached
}

// CacheOptions configure a Cache.
type CacheOptions struct {
	// Dir is the folder in which the cache makes its own (default
	// os.TempDir()).
	Dir string
	// Writers is how many files the cache writes at once (default 1);
	// the others wait their turn.
	Writers int
	// Logger, if not nil, is told of each file written: which log, at
	// what size, how large and how long it took.
	Logger *slog.Logger
}

// cached is a record file the cache holds or is writing.
type cached struct {
	origin string
	size   int64
	cosigs int // the cosignatures stored of the checkpoint of size
	path   string
	done   chan struct{} // closed once written or failed
	err    error         // why the write failed, once done
	// readers is how many Opens wait for the file or hold it open.
	readers int
	// old: a newer file of the log is written; this one is removed
	// once no reader holds it.
	old bool
	// next, once done, is the newer file asked for before this one's
	// turn to be written came: its readers are given that one.
	next *cached
}

// NewCache returns a cache of the record files of the logs in st.
func NewCache(st ledger.Store, opts CacheOptions) *Cache {
	if opts.Writers < 1 {
		opts.Writers = 1
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &Cache{st: st, opts: opts, slots: make(chan struct{}, opts.Writers), ctx: ctx, cancel: cancel, files: map[string][]*cached{}}
}

// A File is a record file the cache holds, open for reading. The cache
// does not remove it while it is open; Close it once it is read.
type File struct {
	*os.File
	// TreeSize is the tree size of the checkpoint the file ends with:
	// the size asked for, or a newer one's.
	TreeSize int64
	c        *Cache
	e        *cached
	once     sync.Once
}

// Close closes the file and lets the cache remove it once it is old.
func (f *File) Close() error {
	err := f.File.Close()
	f.once.Do(func() { f.c.release(f.e) })
	return err
}

// Open returns the record file of the log origin at tree size size, as
// Write writes it (size must be the tree size of a stored checkpoint),
// with the cosignatures of that checkpoint stored now, or a newer one
// (File.TreeSize), open for reading. It writes the file unless the cache
// holds it or is writing it, then waits for that write. The write is not
// the caller's: when ctx ends, Open returns ctx's error, and the write
// goes on for those who wait for it and those who will ask.
func (c *Cache) Open(ctx context.Context, origin string, size int64) (*File, error) {
	for retried := false; ; retried = true {
		e, err := c.await(ctx, origin, size)
		if err != nil {
			return nil, err
		}
		f, err := os.Open(e.path)
		if err == nil {
			return &File{File: f, TreeSize: e.size, c: c, e: e}, nil
		}
		if errors.Is(err, fs.ErrNotExist) {
			// The file is gone from under the cache (a cleaner of
			// the temporary directory): it is written again, once.
			c.mu.Lock()
			c.retire(e)
			c.mu.Unlock()
		}
		c.release(e)
		if retried || !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
}

// await returns the file of origin at size, or a newer one, once
// written, held for the caller (release), writing it unless it is held or
// being written.
func (c *Cache) await(ctx context.Context, origin string, size int64) (*cached, error) {
	sigs, err := c.st.Cosignatures(ctx, origin, size)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil, ErrClosed
	}
	e := &cached{origin: origin, size: size, cosigs: len(sigs), done: make(chan struct{})}
	i := slices.IndexFunc(c.files[origin], func(o *cached) bool { return o.size == size && o.cosigs == len(sigs) })
	if i >= 0 {
		e = c.files[origin][i]
	} else if n := c.newest(origin); n != nil && n.newer(e) {
		e = n
	} else {
		c.files[origin] = append(c.files[origin], e)
		c.writing.Add(1)
		go c.write(e)
	}
	e.readers++
	c.mu.Unlock()
	for {
		select {
		case <-e.done:
		case <-ctx.Done():
			c.release(e)
			return nil, ctx.Err()
		}
		c.mu.Lock()
		n := e.next
		if n != nil {
			e.readers--
			n.readers++
		}
		c.mu.Unlock()
		if n == nil {
			break
		}
		e = n
	}
	if e.err != nil {
		c.release(e)
		return nil, e.err
	}
	return e, nil
}

// write writes e's file in its turn, unless a newer one of the log is
// asked for by then; keeps it if written and removes the log's older
// files, or forgets it if the write failed.
func (c *Cache) write(e *cached) {
	defer c.writing.Done()
	select {
	case c.slots <- struct{}{}:
	case <-c.ctx.Done():
		c.finish(e, "", ErrClosed)
		return
	}
	defer func() { <-c.slots }()
	c.mu.Lock()
	if n := c.newest(e.origin); n != e && n.newer(e) {
		e.next = n
		c.files[e.origin] = slices.DeleteFunc(c.files[e.origin], func(o *cached) bool { return o == e })
		close(e.done)
		c.mu.Unlock()
		return
	}
	c.mu.Unlock()
	path, err := c.writeFile(e)
	c.finish(e, path, err)
}

// finish keeps e's file if written, removing the log's older files, or
// forgets e if its write failed.
func (c *Cache) finish(e *cached, path string, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e.path, e.err = path, err
	close(e.done)
	if err != nil {
		c.files[e.origin] = slices.DeleteFunc(c.files[e.origin], func(o *cached) bool { return o == e })
		return
	}
	for _, o := range slices.Clone(c.files[e.origin]) {
		if o == e || !o.written() {
			continue
		}
		if o.newer(e) {
			c.retire(e) // written after a newer one: old already
			return
		}
		c.retire(o)
	}
}

// writeFile writes e's file into the cache's folder.
func (c *Cache) writeFile(e *cached) (string, error) {
	path, err := c.newPath(e.size)
	if err != nil {
		return "", err
	}
	start := time.Now()
	if err := Write(c.ctx, c.st, e.origin, e.size, path); err != nil {
		if c.ctx.Err() != nil {
			return "", ErrClosed
		}
		return "", err
	}
	if c.opts.Logger != nil {
		var n int64
		if fi, err := os.Stat(path); err == nil {
			n = fi.Size()
		}
		c.opts.Logger.Info("recordfile: written", "origin", e.origin, "size", e.size, "bytes", n, "took", time.Since(start).Round(time.Millisecond))
	}
	return path, nil
}

// newPath names a new file in the cache's folder, making the folder if
// it is not there (yet, or any more).
func (c *Cache) newPath(size int64) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dir != "" {
		if _, err := os.Stat(c.dir); err != nil {
			c.dir = ""
		}
	}
	if c.dir == "" {
		parent := c.opts.Dir
		if parent == "" {
			parent = os.TempDir()
		}
		dir, err := os.MkdirTemp(parent, "plenum-record-")
		if err != nil {
			return "", &WriteError{parent, err}
		}
		c.dir = dir
	}
	c.seq++
	return filepath.Join(c.dir, fmt.Sprintf("record-%d-%d.db", c.seq, size)), nil
}

// newer reports whether e is of a newer checkpoint than o, or of the
// same with more cosignatures.
func (e *cached) newer(o *cached) bool {
	return e.size > o.size || e.size == o.size && e.cosigs > o.cosigs
}

// newest is the newest file of the log the cache holds or is writing, or
// nil (c.mu held).
func (c *Cache) newest(origin string) *cached {
	var n *cached
	for _, e := range c.files[origin] {
		if n == nil || e.newer(n) {
			n = e
		}
	}
	return n
}

// written reports whether e's file is written (c.mu held).
func (e *cached) written() bool {
	select {
	case <-e.done:
		return e.err == nil
	default:
		return false
	}
}

// retire forgets e, to be removed once no reader holds it (c.mu held).
func (c *Cache) retire(e *cached) {
	c.files[e.origin] = slices.DeleteFunc(c.files[e.origin], func(o *cached) bool { return o == e })
	if e.old {
		return
	}
	e.old = true
	if e.readers == 0 {
		os.Remove(e.path)
	}
}

// release lets go of e for one reader, removing its file if it is old
// and was the last.
func (c *Cache) release(e *cached) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e.readers--
	if e.old && e.readers == 0 && e.path != "" {
		os.Remove(e.path)
	}
}

// Close ends the writes under way and removes the cache's folder with
// every file in it; Open then fails with ErrClosed. Files still open are
// read to their end where the system allows it (not on Windows).
func (c *Cache) Close() error {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil
	}
	c.closed = true
	c.mu.Unlock()
	c.cancel()
	c.writing.Wait()
	c.mu.Lock()
	dir := c.dir
	c.mu.Unlock()
	if dir == "" {
		return nil
	}
	return os.RemoveAll(dir)
}
