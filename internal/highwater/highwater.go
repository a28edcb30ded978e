// Package highwater keeps, outside the database, the latest checkpoint a
// plenum server signed (or, on a cluster node, read) for each log: its
// high-water marks. They live in one file in the data directory, beside
// the signing key (Name: one for each database), written durably (a temporary file, synced,
// renamed over the old one, the directory synced).
//
// A database rolled back consistently — its last entries and their
// checkpoints deleted and the log's head set to an earlier checkpoint —
// still verifies on its own: every checkpoint it holds is signed and
// consistent. Against the marks it does not: Check finds a log whose
// database is smaller than its mark, or whose tree at the mark's size is
// not the mark's (a fork: rolled back, then other entries signed at the
// same indexes). Each mark is the signed note itself, so that the file
// proves itself: whoever cannot sign cannot raise or forge a mark, only
// delete the file (which then is made again from the database).
package highwater

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
)

// Name is the name of the marks file of the database db (a SQLite file's
// path or a postgres:// URL) in the data directory: each database has a
// file of its own, so that several databases beside one signing key (a
// demo, a test, a copy) do not share marks. For SQLite it is named after
// the database's file ("plenum.db.highwater"), for PostgreSQL after its
// host, port and database ("pg-db.example-5432-plenum.highwater"), never
// its user or password. Its content is JSON.
func Name(db string) string {
	if l := strings.ToLower(db); strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://") {
		u, err := url.Parse(db)
		if err != nil {
			return "pg.highwater"
		}
		port := u.Port()
		if port == "" {
			port = "5432"
		}
		return "pg-" + safe(u.Hostname()) + "-" + port + "-" + safe(strings.TrimPrefix(u.Path, "/")) + ".highwater"
	}
	return safe(filepath.Base(db)) + ".highwater"
}

// safe keeps letters, digits, '.', '_' and '-' of s, the others '_'.
func safe(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 128 && (r == '.' || r == '_' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return r
		}
		return '_'
	}, s)
}

// Path is the marks file of the database db in the data directory dir.
func Path(dir, db string) string { return filepath.Join(dir, Name(db)) }

// format is the file's "format" field.
const format = "plenum high-water marks 1"

// Mark is a log's high-water mark: the signed checkpoint and what it says.
type Mark struct {
	Origin string
	Size   int64
	Hash   tlog.Hash
	Note   []byte // the signed checkpoint, as signed
}

// Acceptance is a rollback (or fork) the operator accepted at a start
// (serve --accept-rollback): the mark given up, and the database's head
// the mark was moved to. Kept in the file for good.
type Acceptance struct {
	Origin       string    `json:"origin"`
	Time         time.Time `json:"time"`
	MarkSize     int64     `json:"mark_size"`
	DatabaseSize int64     `json:"database_size"`
	Fork         bool      `json:"fork,omitempty"`
	Missing      bool      `json:"missing,omitempty"` // the log was not in the database at all
	Mark         string    `json:"mark"`              // the signed checkpoint given up
}

// Marks is the content of the file.
type Marks struct {
	Logs     map[string]Mark
	Accepted []Acceptance
}

type fileJSON struct {
	Format   string            `json:"format"`
	Logs     map[string]string `json:"logs"`
	Accepted []Acceptance      `json:"accepted,omitempty"`
}

// DamagedError is a marks file that cannot be read as one.
type DamagedError struct {
	Path string
	Why  string
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("the high-water marks file %s is damaged (%s): it is what stops a database rolled back to an earlier checkpoint; restore it from a backup of the data directory, or, knowing that the database is the one this server wrote, delete it (the next plenum serve makes it again from the database as it is)", e.Path, e.Why)
}

// Load reads the marks file path, each mark checked against verifiers
// (the server's key). A missing file is no error: found is false and the
// marks are empty (the first start of a version that keeps them).
func Load(path string, verifiers note.Verifiers) (m *Marks, found bool, err error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &Marks{Logs: map[string]Mark{}}, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	m, err = Parse(b, verifiers)
	if err != nil {
		return nil, true, &DamagedError{Path: path, Why: err.Error()}
	}
	return m, true, nil
}

// Parse reads a marks file's content.
func Parse(b []byte, verifiers note.Verifiers) (*Marks, error) {
	var f fileJSON
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("not JSON: %v", err)
	}
	if f.Format != format {
		return nil, fmt.Errorf("format %q, want %q", f.Format, format)
	}
	m := &Marks{Logs: map[string]Mark{}, Accepted: f.Accepted}
	for origin, signed := range f.Logs {
		c, _, err := ledger.OpenCheckpoint([]byte(signed), verifiers)
		if err != nil {
			return nil, fmt.Errorf("the mark of %s: %v", origin, err)
		}
		if c.Origin != origin {
			return nil, fmt.Errorf("the mark of %s is a checkpoint of %s", origin, c.Origin)
		}
		m.Logs[origin] = Mark{Origin: origin, Size: c.Size, Hash: c.Hash, Note: []byte(signed)}
	}
	return m, nil
}

// marshal is the file's content.
func (m *Marks) marshal() ([]byte, error) {
	f := fileJSON{Format: format, Logs: make(map[string]string, len(m.Logs)), Accepted: m.Accepted}
	for o, mk := range m.Logs {
		f.Logs[o] = string(mk.Note)
	}
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Save writes the marks to the file path durably.
func (m *Marks) Save(path string) error {
	b, err := m.marshal()
	if err != nil {
		return err
	}
	return writeFile(path, b)
}

// writeFile replaces the file path by b: a temporary file, synced,
// renamed over it, and the directory synced.
func writeFile(path string, b []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	if _, err = f.Write(b); err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o600)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing the high-water marks: %w", err)
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("writing the high-water marks: %w", err)
	}
	return nil
}

// Raise sets the mark of the checkpoint's log to it if it is larger than
// the mark (signed is not checked: the server's own, or already checked).
// It reports whether the mark moved.
func (m *Marks) Raise(signed []byte) (bool, error) {
	c, err := ledger.ParseSignedCheckpoint(signed)
	if err != nil {
		return false, err
	}
	return m.raise(c.Origin, c.Size, c.Hash, signed), nil
}

// raise sets the mark of origin to the checkpoint signed, of a tree of
// size entries with root hash, if it is larger than the mark, and reports
// whether it moved.
func (m *Marks) raise(origin string, size int64, hash tlog.Hash, signed []byte) bool {
	if old, ok := m.Logs[origin]; ok && old.Size >= size {
		return false
	}
	m.Logs[origin] = Mark{Origin: origin, Size: size, Hash: hash, Note: bytes.Clone(signed)}
	return true
}

// Finding is a log whose database is behind its mark, or forked from it.
type Finding struct {
	Origin       string
	MarkSize     int64
	DatabaseSize int64 // -1: the log is not in the database
	Fork         bool  // the database's tree at MarkSize is not the mark's
	Mark         []byte
	Head         ledger.Head // the database's head (empty if missing)
}

func (f Finding) String() string {
	switch {
	case f.DatabaseSize < 0:
		return fmt.Sprintf("%s: the database has no such log, but this server signed its checkpoint of size %d", f.Origin, f.MarkSize)
	case f.Fork:
		return fmt.Sprintf("%s: the database's tree of size %d (its log now has %d entries) is not the one this server signed (a fork: entries were replaced at the same indexes)", f.Origin, f.MarkSize, f.DatabaseSize)
	default:
		return fmt.Sprintf("%s: the database holds %d entries, but this server signed a checkpoint of size %d (rolled back by %d)", f.Origin, f.DatabaseSize, f.MarkSize, f.MarkSize-f.DatabaseSize)
	}
}

// Check compares each mark with the database: a log missing, smaller
// than its mark, or whose tree at the mark's size has another root is a
// Finding. It reads the stored hashes (tlog.TreeHash); that they are the
// entries' is what the audit of the log checks.
func Check(ctx context.Context, st ledger.Store, m *Marks) ([]Finding, error) {
	logs, err := st.Logs(ctx)
	if err != nil {
		return nil, err
	}
	have := make(map[string]bool, len(logs))
	for _, o := range logs {
		have[o] = true
	}
	var out []Finding
	origins := make([]string, 0, len(m.Logs))
	for o := range m.Logs {
		origins = append(origins, o)
	}
	sort.Strings(origins)
	for _, o := range origins {
		mk := m.Logs[o]
		f := Finding{Origin: o, MarkSize: mk.Size, Mark: mk.Note, DatabaseSize: -1}
		if !have[o] {
			out = append(out, f)
			continue
		}
		head, err := st.Head(ctx, o)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", o, err)
		}
		f.Head, f.DatabaseSize = head, head.Size
		if head.Size < mk.Size {
			out = append(out, f)
			continue
		}
		h, err := tlog.TreeHash(mk.Size, ledger.HashReader(ctx, st, o))
		if err != nil {
			return nil, fmt.Errorf("%s: the tree of size %d: %w", o, mk.Size, err)
		}
		if h != mk.Hash {
			f.Fork = true
			out = append(out, f)
		}
	}
	return out, nil
}

// RefusedError is a start refused for the findings.
type RefusedError struct {
	Path     string
	Findings []Finding
}

func (e *RefusedError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "the database is behind what this server signed, by its high-water marks (%s):", e.Path)
	for _, f := range e.Findings {
		b.WriteString("\n  ")
		b.WriteString(f.String())
	}
	b.WriteString("\nEntries this server acknowledged are missing from it, and appending would sign other entries at the same indexes under the same key (a fork). Restore the database from a backup at least that recent. If the rollback is deliberate (an old backup restored after a disaster, its later entries knowingly given up), start once with plenum serve --accept-rollback: the marks then move to the database's heads and the file keeps a note of each rollback accepted.")
	return b.String()
}

// Accept moves the marks of the findings to the database's heads,
// recording each as an Acceptance at now.
func (m *Marks) Accept(findings []Finding, now time.Time) error {
	for _, f := range findings {
		m.Accepted = append(m.Accepted, Acceptance{Origin: f.Origin, Time: now.UTC(), MarkSize: f.MarkSize,
			DatabaseSize: max(f.DatabaseSize, 0), Fork: f.Fork, Missing: f.DatabaseSize < 0, Mark: string(f.Mark)})
		delete(m.Logs, f.Origin)
		if f.DatabaseSize >= 0 && len(f.Head.Checkpoint) > 0 {
			if _, err := m.Raise(f.Head.Checkpoint); err != nil {
				return err
			}
		}
	}
	return nil
}

// Keeper keeps the marks of a running server: Note raises a log's mark
// in memory, and a goroutine of its own writes the file after each
// change (several changes made while it writes go in the next write).
// Note returns at once; with Synchronous it returns once the file holds
// the checkpoint.
type Keeper struct {
	path   string
	logger *slog.Logger
	sync   bool

	mu     sync.Mutex
	cond   *sync.Cond
	marks  *Marks
	gen    uint64 // changes made
	saved  uint64 // changes written
	closed bool
	failed error // the last write's failure, until one succeeds
	wake   chan struct{}
	done   chan struct{}
}

// NewKeeper starts keeping marks (as loaded and checked) in the file path.
// synchronous makes Note wait for the file.
func NewKeeper(path string, marks *Marks, synchronous bool, logger *slog.Logger) *Keeper {
	if logger == nil {
		logger = slog.Default()
	}
	k := &Keeper{path: path, logger: logger, sync: synchronous, marks: marks, wake: make(chan struct{}, 1), done: make(chan struct{})}
	k.cond = sync.NewCond(&k.mu)
	go k.run()
	return k
}

// Note raises the mark of the checkpoint's log to it (a checkpoint no
// larger than the mark changes nothing).
func (k *Keeper) Note(signed []byte) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.closed {
		return
	}
	moved, err := k.marks.Raise(signed)
	if err != nil {
		k.logger.Error("high-water mark: a checkpoint that does not parse", "err", err)
		return
	}
	if moved {
		k.moved()
	}
}

// NoteTree is Note for a checkpoint whose origin, size and root hash the
// caller has at hand (the engine, which computed and signed them: its
// Committed hook), so that it is not parsed again after every batch.
// They must be what signed says.
func (k *Keeper) NoteTree(origin string, size int64, root tlog.Hash, signed []byte) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.closed {
		return
	}
	if k.marks.raise(origin, size, root, signed) {
		k.moved()
	}
}

// moved wakes the writer for a mark raised, and with Synchronous waits
// for the file. k.mu is held.
func (k *Keeper) moved() {
	k.gen++
	g := k.gen
	select {
	case k.wake <- struct{}{}:
	default:
	}
	for k.sync && k.saved < g && !k.closed {
		k.cond.Wait()
	}
}

// Size is the mark of origin (0 if none).
func (k *Keeper) Size(origin string) int64 {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.marks.Logs[origin].Size
}

func (k *Keeper) run() {
	defer close(k.done)
	for range k.wake {
		k.write()
	}
}

// write writes the marks if they changed since the last write.
func (k *Keeper) write() {
	k.mu.Lock()
	g := k.gen
	if g == k.saved {
		k.mu.Unlock()
		return
	}
	b, err := k.marks.marshal()
	k.mu.Unlock()
	if err == nil {
		err = writeFile(k.path, b)
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if err != nil {
		if k.failed == nil || k.failed.Error() != err.Error() {
			k.logger.Error("high-water marks not written: a rollback of the database to before them would not be noticed at the next start", "file", k.path, "err", err)
		}
		k.failed = err
		// The waiting Notes are let go: the batch is durable in the
		// database, and holding its answers would stop the assembly.
		k.saved = g
		k.cond.Broadcast()
		return
	}
	if k.failed != nil {
		k.logger.Info("high-water marks written again", "file", k.path)
		k.failed = nil
	}
	k.saved = g
	k.cond.Broadcast()
}

// Close writes what changed and stops.
func (k *Keeper) Close() error {
	k.mu.Lock()
	if k.closed {
		k.mu.Unlock()
		return nil
	}
	k.closed = true
	k.cond.Broadcast()
	k.mu.Unlock()
	close(k.wake)
	<-k.done
	k.write()
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.failed
}
