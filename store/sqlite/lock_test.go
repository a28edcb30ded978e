package sqlite_test

import (
	"bufio"
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/mod/sumdb/tlog"

	"plenum/ledger"
	"plenum/store/sqlite"
)

// envHolder names the database the helper process of TestOneWriter holds.
const envHolder = "PLENUM_SQLITE_LOCK_HOLDER"

// TestOneWriter: a second writer of a database is refused, with a message
// naming the process that holds it, in this process and from another;
// readers are not; and the lock dies with its process.
func TestOneWriter(t *testing.T) {
	if db := os.Getenv(envHolder); db != "" {
		st, err := sqlite.Open(db)
		if err != nil {
			os.Stdout.WriteString("error " + err.Error() + "\n")
			os.Exit(3)
		}
		defer st.Close()
		os.Stdout.WriteString("ready\n")
		select {}
	}
	path := filepath.Join(t.TempDir(), "plenum.db")
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = sqlite.Open(path)
	var le *sqlite.LockedError
	if !errors.Is(err, sqlite.ErrLocked) || !errors.As(err, &le) || le.Holder.PID != os.Getpid() || !strings.Contains(err.Error(), "process "+strconv.Itoa(os.Getpid())) {
		t.Fatalf("a second writer in the same process: %v; want ErrLocked naming process %d", err, os.Getpid())
	}
	ro, err := sqlite.OpenReadOnly(path)
	if err != nil {
		t.Fatalf("a reader beside the writer: %v", err)
	}
	ro.Close()
	st.Close()

	// Another process holds it.
	cmd := exec.Command(os.Args[0], "-test.run=^TestOneWriter$", "-test.count=1")
	cmd.Env = append(os.Environ(), envHolder+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, _ := bufio.NewReader(out).ReadString('\n')
	if line != "ready\n" {
		t.Fatalf("the holder did not start: %q", line)
	}
	_, err = sqlite.Open(path)
	if !errors.As(err, &le) || le.Holder.PID != cmd.Process.Pid || !strings.Contains(le.Holder.Command, "TestOneWriter") {
		t.Fatalf("a writer while another process holds the database: %v; want ErrLocked naming process %d", err, cmd.Process.Pid)
	}
	if ro, err := sqlite.OpenReadOnly(path); err != nil {
		t.Fatalf("a reader while another process writes: %v", err)
	} else {
		ro.Close()
	}
	// Killed, it holds nothing.
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	st, err = sqlite.Open(path)
	if err != nil {
		t.Fatalf("after the holder was killed: %v", err)
	}
	st.Close()
}

// TestFilesArePrivate: the database, its write-ahead log and shared memory
// and the lock file are created readable by their owner only, an existing
// database readable by others is restricted, and a clean Close leaves no
// write-ahead log behind.
func TestFilesArePrivate(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "plenum.db")
	const o = "example.org/log/a"
	st := openWithLog(t, path, o)
	rec := ledger.Record{Index: 0, Data: []byte("entry"), Hashes: []tlog.Hash{tlog.RecordHash([]byte("entry"))}}
	if err := st.AppendBatch(ctx, o, &ledger.Batch{First: 0, Records: []ledger.Record{rec}, Checkpoint: []byte("cp1")}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm", sqlite.LockPath(path)} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", filepath.Base(p), fi.Mode().Perm())
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		t.Fatalf("a write-ahead log of %d bytes left after Close", fi.Size())
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	// A database others may read (made by an older plenum) is restricted.
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Fatalf("an existing database of mode 0644 kept mode %v", fi.Mode().Perm())
	}
	if h, err := st.Head(ctx, o); err != nil || h.Size != 1 {
		t.Fatalf("after reopening: Head = %+v, %v", h, err)
	}
}

// TestLockFileDeleted: the lock file of a database a Store writes is
// deleted (a clean-up of "stale" lock files) or replaced while it is
// held. Nothing then keeps a second writer out: another plenum creates a
// new lock file and takes that. The Store that held the deleted one must
// notice before it writes again, and refuse, saying why and what to do,
// so that the database still has one writer.
func TestLockFileDeleted(t *testing.T) {
	for _, how := range []string{"deleted", "replaced"} {
		t.Run(how, func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "plenum.db")
			const o = "example.org/log/a"
			st := openWithLog(t, path, o)
			defer st.Close()
			rec := func(i int64) ledger.Record {
				d := []byte{byte(i)}
				return ledger.Record{Index: i, Data: d, Hashes: []tlog.Hash{tlog.RecordHash(d)}}
			}
			if err := st.AppendBatch(ctx, o, &ledger.Batch{First: 0, Records: []ledger.Record{rec(0)}, Checkpoint: []byte("cp1")}); err != nil {
				t.Fatal(err)
			}
			if err := os.Remove(sqlite.LockPath(path)); err != nil {
				t.Fatal(err)
			}
			if how == "replaced" {
				if err := os.WriteFile(sqlite.LockPath(path), []byte("{}\n"), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			// The lock on the database file itself still keeps a
			// second writer out.
			if st2, err := sqlite.Open(path); !errors.Is(err, sqlite.ErrLocked) {
				if err == nil {
					st2.Close()
				}
				t.Fatalf("a second writer after the lock file was %s: %v; want ErrLocked", how, err)
			}
			err := st.AppendBatch(ctx, o, &ledger.Batch{First: 1, Records: []ledger.Record{rec(1)}, Checkpoint: []byte("cp2")})
			if err == nil || !strings.Contains(err.Error(), sqlite.LockPath(path)) || !strings.Contains(err.Error(), "was deleted or replaced") {
				t.Fatalf("an append after the lock file was %s: %v; want a refusal naming the lock file", how, err)
			}
			if err := st.CreateLog(ctx, "example.org/log/b", []byte("cp0")); err == nil {
				t.Fatalf("CreateLog after the lock file was %s succeeded", how)
			}
			if h, err := st.Head(ctx, o); err != nil || h.Size != 1 {
				t.Fatalf("Head = %d, %v; want 1, the refused append not stored", h.Size, err)
			}
			// Once the first has stopped, a new writer writes.
			st.Close()
			st2, err := sqlite.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer st2.Close()
			if err := st2.AppendBatch(ctx, o, &ledger.Batch{First: 1, Records: []ledger.Record{rec(1)}, Checkpoint: []byte("cp2")}); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestOneWriterThroughASymlink: a database opened through a symbolic link
// to it is the same database, so a second writer is refused whichever
// name each was given — else two plenum serve on one file would both
// write its log, and sessions one of them caches (package auth) would
// outlive a revocation made by the other.
func TestOneWriterThroughASymlink(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plenum.db")
	link := filepath.Join(dir, "other-name.db")
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	if second, err := sqlite.Open(link); !errors.Is(err, sqlite.ErrLocked) {
		if err == nil {
			second.Close()
		}
		t.Fatalf("a second writer through a symlink: %v; want ErrLocked", err)
	}
	st.Close()
	// And the other way round: held through the link, refused by name.
	viaLink, err := sqlite.Open(link)
	if err != nil {
		t.Fatal(err)
	}
	defer viaLink.Close()
	if second, err := sqlite.Open(path); !errors.Is(err, sqlite.ErrLocked) {
		if err == nil {
			second.Close()
		}
		t.Fatalf("a second writer by the file's own name: %v; want ErrLocked", err)
	}
}

// envTryOpen names the database the helper process of
// TestOneWriterThroughAHardLink tries to open for writing.
const envTryOpen = "PLENUM_SQLITE_TRY_OPEN"

// TestOneWriterThroughAHardLink: a hard link is another name of the same
// file, with a lock file of its own; the lock on the database file itself
// refuses a second writer by it, in this process and from another, naming
// the holder when its lock file is beside the link. SQLite's own locks
// and its closing of descriptors (a reader opened and closed, appends)
// leave that lock in place. (SQLite names its write-ahead log and shared
// memory after the name it was given, so a second writer by a link would
// write a log of its own beside the first's: a damaged database, not only
// two writers.)
func TestOneWriterThroughAHardLink(t *testing.T) {
	if db := os.Getenv(envTryOpen); db != "" {
		st, err := sqlite.Open(db)
		if err != nil {
			os.Stdout.WriteString("error " + err.Error() + "\n")
			os.Exit(0)
		}
		st.Close()
		os.Stdout.WriteString("opened\n")
		os.Exit(0)
	}
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "plenum.db")
	link := filepath.Join(dir, "hard.db")
	const o = "example.org/log/a"
	st := openWithLog(t, path, o)
	defer st.Close()
	if err := os.Link(path, link); err != nil {
		t.Fatal(err)
	}
	// In this process.
	var le *sqlite.LockedError
	if second, err := sqlite.Open(link); !errors.As(err, &le) || !errors.Is(err, sqlite.ErrLocked) || le.Name != path || le.Holder.PID != os.Getpid() {
		if err == nil {
			second.Close()
		}
		t.Fatalf("a second writer through a hard link, in this process: %v; want ErrLocked naming %s and this process", err, path)
	}
	// SQLite opens and closes descriptors of the file, and locks it.
	for i := int64(0); i < 3; i++ {
		ro, err := sqlite.OpenReadOnly(path)
		if err != nil {
			t.Fatalf("a reader beside the writer: %v", err)
		}
		if _, err := ro.Head(ctx, o); err != nil {
			t.Fatal(err)
		}
		ro.Close()
		d := []byte{byte(i)}
		if err := st.AppendBatch(ctx, o, &ledger.Batch{First: i, Records: []ledger.Record{{Index: i, Data: d, Hashes: []tlog.Hash{tlog.RecordHash(d)}}}, Checkpoint: []byte("cp")}); err != nil {
			t.Fatal(err)
		}
	}
	tryOpen := func(db string) string {
		cmd := exec.Command(os.Args[0], "-test.run=^TestOneWriterThroughAHardLink$", "-test.count=1")
		cmd.Env = append(os.Environ(), envTryOpen+"="+db)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("the helper process: %v %s", err, out)
		}
		return strings.TrimSpace(string(out))
	}
	// From another process.
	want := "error sqlite: " + link + " is in use by another writer under another name of the same file (a hard link), " + path + ", process " + strconv.Itoa(os.Getpid())
	if got := tryOpen(link); !strings.HasPrefix(got, want) {
		t.Fatalf("a second writer through a hard link, from another process: %q; want %q…", got, want)
	}
	// The link in another folder: refused, its holder not found.
	far := filepath.Join(t.TempDir(), "far.db")
	if err := os.Link(path, far); err != nil {
		t.Fatal(err)
	}
	if got := tryOpen(far); !strings.HasPrefix(got, "error sqlite: "+far+" is in use by another writer, which holds the database file itself") {
		t.Fatalf("a second writer through a hard link in another folder: %q", got)
	}
	if h, err := st.Head(ctx, o); err != nil || h.Size != 3 {
		t.Fatalf("the first writer's log: %d, %v; want 3", h.Size, err)
	}
	// Once the first has stopped, the link may be written.
	st.Close()
	if got := tryOpen(link); got != "opened" {
		t.Fatalf("a writer through the link after the first stopped: %q", got)
	}
}
