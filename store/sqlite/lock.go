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
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("sqlite: %s is in use by another writer, %s; only one process may write a SQLite database", e.Path, e.Holder)
}

// Unwrap makes errors.Is(err, ErrLocked) hold.
func (e *LockedError) Unwrap() error { return ErrLocked }

// LockPath is the lock file of the database at path: path + ".lock".
func LockPath(path string) string { return path + ".lock" }

// lockedPath is the path of the database at path whose lock file Open
// takes: the file a symbolic link names, not the link, so that two
// writers given different names of one database (a link and its target)
// lock the same file; path as it is if it cannot be resolved (a database
// not made yet). A hard link is still another name (see docs/storage.md).
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
	host, _ := os.Hostname()
	h := Holder{PID: os.Getpid(), Host: host, Since: time.Now().UTC().Truncate(time.Second), Command: command()}
	b, _ := json.Marshal(h)
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
