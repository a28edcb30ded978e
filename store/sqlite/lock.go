package sqlite

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// ErrLocked is wrapped by Open's error when another process, or another
// Store in this one, holds the database for writing.
var ErrLocked = errors.New("the database is in use by another writer")

// Holder is what the lock file says of the process holding the database.
type Holder struct {
	PID     int       `json:"pid"`
	Host    string    `json:"host"`
	Since   time.Time `json:"since"`
	Command string    `json:"command"`
}

func (h Holder) String() string {
	if h.PID == 0 {
		return "a process that has not said which (the lock file is being written, or was not written by plenum)"
	}
	return fmt.Sprintf("process %d on %s since %s (%s)", h.PID, h.Host, h.Since.Local().Format("2006-01-02 15:04:05"), h.Command)
}

// LockedError is Open's error for a database another writer holds.
type LockedError struct {
	Path   string
	Holder Holder
	// Linked is set when the writer holds the same file under another
	// name (a hard link: lockFile); Name is that name when it was found
	// (a lock file beside the database saying so), else "".
	Linked bool
	Name   string
}

func (e *LockedError) Error() string {
	switch {
	case !e.Linked:
		return fmt.Sprintf("sqlite: %s is in use by another writer, %s; only one process may write a SQLite database", e.Path, e.Holder)
	case e.Name != "":
		return fmt.Sprintf("sqlite: %s is in use by another writer under another name of the same file (a hard link), %s, %s; only one process may write a SQLite database, by whatever name", e.Path, e.Name, e.Holder)
	}
	return fmt.Sprintf("sqlite: %s is in use by another writer, which holds the database file itself under another name (a hard link) or has had its lock file deleted, and cannot be named from here (no lock file beside this name says which process); only one process may write a SQLite database, by whatever name", e.Path)
}

// Unwrap makes errors.Is(err, ErrLocked) hold.
func (e *LockedError) Unwrap() error { return ErrLocked }

// LockPath is the lock file of the database at path: path + ".lock".
func LockPath(path string) string { return path + ".lock" }

// fileID is a file whatever its name: its device and inode.
type fileID struct{ dev, ino uint64 }

func idOf(fi os.FileInfo) (fileID, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{uint64(st.Dev), st.Ino}, true
}

// fileLock is a Store's flock(2) on its database file itself (lockFile).
type fileLock struct {
	f  *os.File
	id fileID
}

// files are the database files, by device and inode, whose fileLock a
// Store of this process holds, with who took it.
var files struct {
	sync.Mutex
	held map[fileID]heldFile
}

type heldFile struct {
	path   string
	holder Holder
}

// lockFile takes an exclusive flock(2) on the database file at path
// itself, beside the lock file: the lock file is found by name, so a
// second name of the same file (a hard link; or a bind mount, another
// path to one folder) has a lock file of its own, while the file has one
// inode whatever its names. A flock belongs to the open file description,
// not to the process (as SQLite's fcntl(2) locks do): SQLite's own locks
// on the file, and its closing of its own descriptors, neither take nor
// drop it, and it in turn keeps no reader out (plenum verify, an sqlite3
// shell: none of them flock). The kernel releases it when the process
// ends.
//
// A second Store of this process on the file, by another name, is refused
// before a descriptor is opened: closing that descriptor would drop every
// fcntl lock this process holds on the file, SQLite's for the first Store
// included. The descriptor this Store keeps is closed in Close only after
// its SQLite connections.
func lockFile(path string) (*fileLock, error) {
	before, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	id, ok := idOf(before)
	if !ok {
		return nil, nil // no inode to lock (not a Unix system): the lock file alone
	}
	files.Lock()
	defer files.Unlock()
	if h, ok := files.held[id]; ok {
		if h.path == path { // its lock file deleted or replaced (Store.stillLocked)
			return nil, &LockedError{Path: path, Holder: h.holder}
		}
		return nil, &LockedError{Path: path, Holder: h.holder, Linked: true, Name: h.path}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	if now, err := f.Stat(); err != nil || !os.SameFile(before, now) {
		f.Close()
		return nil, fmt.Errorf("sqlite: %s was replaced while it was being opened; try again", path)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			name, h := holderBeside(path, before)
			return nil, &LockedError{Path: path, Holder: h, Linked: true, Name: name}
		}
		return nil, fmt.Errorf("sqlite: locking %s: %w", path, err)
	}
	if files.held == nil {
		files.held = map[fileID]heldFile{}
	}
	files.held[id] = heldFile{path: path, holder: thisProcess()}
	return &fileLock{f: f, id: id}, nil
}

// release lets go of the file's lock: after the Store's SQLite
// connections are closed (see lockFile).
func (l *fileLock) release() error {
	if l == nil {
		return nil
	}
	files.Lock()
	defer files.Unlock()
	delete(files.held, l.id)
	return l.f.Close()
}

// holderBeside looks, among the lock files in the folder of path, for
// one whose database is the file fi under another name, and returns that
// name and what the lock file says of its holder; "" if there is none
// (the other name is in another folder).
func holderBeside(path string, fi os.FileInfo) (string, Holder) {
	locks, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*.lock"))
	for _, lf := range locks {
		db := strings.TrimSuffix(lf, ".lock")
		if filepath.Clean(db) == filepath.Clean(path) {
			continue
		}
		if other, err := os.Stat(db); err != nil || !os.SameFile(fi, other) {
			continue
		}
		f, err := os.Open(lf)
		if err != nil {
			continue
		}
		h := readHolder(f)
		f.Close()
		return db, h
	}
	return "", Holder{}
}

// thisProcess is this process as a lock file says it.
func thisProcess() Holder {
	host, _ := os.Hostname()
	return Holder{PID: os.Getpid(), Host: host, Since: time.Now().UTC().Truncate(time.Second), Command: command()}
}

// lockedPath is the path of the database at path whose lock file Open
// takes: the file a symbolic link names, not the link, so that two
// writers given different names of one database (a link and its target)
// lock the same file; path as it is if it cannot be resolved (a database
// not made yet). A hard link is still another name, which lockFile's
// lock on the file itself refuses.
func lockedPath(path string) string {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		return real
	}
	return path
}

// lock takes the exclusive lock on the database at path: flock(2) on its
// lock file, which the kernel releases when the process ends however it
// ends, so a crash leaves no stale lock. The file then says who holds it.
func lock(path string) (*os.File, error) {
	f, err := os.OpenFile(LockPath(path), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("sqlite: the lock file of %s: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		defer f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, &LockedError{Path: path, Holder: readHolder(f)}
		}
		return nil, fmt.Errorf("sqlite: locking %s: %w", LockPath(path), err)
	}
	b, _ := json.Marshal(thisProcess())
	if err := f.Truncate(0); err == nil {
		f.WriteAt(append(b, '\n'), 0)
	}
	return f, nil
}

// command is this process's command line, as the lock file shows it.
func command() string {
	args := append([]string{filepath.Base(os.Args[0])}, os.Args[1:]...)
	s := strings.Join(args, " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// held counts the databases whose write lock a Store of this process
// holds, by absolute path (HeldHere).
var held struct {
	sync.Mutex
	paths map[string]int
}

// heldKey is the key of path in held: its absolute, cleaned form.
func heldKey(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return filepath.Clean(path)
}

func markHeld(path string, delta int) {
	k := heldKey(path)
	held.Lock()
	defer held.Unlock()
	if held.paths == nil {
		held.paths = map[string]int{}
	}
	if held.paths[k] += delta; held.paths[k] <= 0 {
		delete(held.paths, k)
	}
}

// HeldHere reports whether an open Store of this process holds the write
// lock of the database at path: then no other process can write it
// (another plenum would fail to open it), so what this process keeps in
// memory of the database's state cannot be changed behind its back.
func HeldHere(path string) bool {
	k := heldKey(path)
	held.Lock()
	defer held.Unlock()
	return held.paths[k] > 0
}

// readHolder reads what a lock file says of its holder.
func readHolder(f *os.File) Holder {
	var h Holder
	b, _ := io.ReadAll(io.NewSectionReader(f, 0, 4096))
	json.Unmarshal(b, &h)
	return h
}

// Private makes the database at path, and its write-ahead log and shared
// memory files if present, readable and writable by their owner only
// (mode 0600), creating an empty database file with that mode if there is
// none. SQLite gives the files it creates beside a database the
// database's mode, so a database made this way keeps all of them private.
//
// An existing database is not opened: closing a descriptor of it would
// drop every POSIX lock this process holds on it, SQLite's included (a
// process that writes the database calls OpenDB too).
func Private(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	switch {
	case err == nil:
		f.Close()
	case !errors.Is(err, fs.ErrExist):
		return fmt.Errorf("sqlite: %w", err)
	default:
		if err := syscall.Access(path, 2 /* W_OK */); err != nil {
			return fmt.Errorf("sqlite: %s cannot be written: %w", path, err)
		}
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		fi, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("sqlite: %w", err)
		}
		if fi.Mode().Perm()&0o077 != 0 {
			if err := os.Chmod(p, fi.Mode().Perm()&0o600); err != nil {
				return fmt.Errorf("sqlite: %s is readable by others (mode %v) and could not be restricted: %w; run chmod 600 %s", p, fi.Mode().Perm(), err, p)
			}
		}
	}
	return nil
}
