package sqlite_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"plenum/store/sqlite"
)

// sharedLocked reports whether this process holds SQLite's SHARED lock
// on the database file at path — a POSIX read lock on the 510 bytes from
// 2^30+2 — as the kernel lists it in /proc/locks.
func sharedLocked(t *testing.T, path string) bool {
	t.Helper()
	var st syscall.Stat_t
	if err := syscall.Stat(path, &st); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("/proc/locks")
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("no /proc/locks to read the kernel's locks from")
	}
	if err != nil {
		t.Fatal(err)
	}
	pid, ino := strconv.Itoa(os.Getpid()), ":"+strconv.FormatUint(st.Ino, 10)
	for _, l := range strings.Split(string(b), "\n") {
		// 2: POSIX  ADVISORY  READ 20611 fe:00:9984768 1073741826 1073742335
		f := strings.Fields(l)
		if len(f) == 8 && f[1] == "POSIX" && f[3] == "READ" && f[4] == pid && strings.HasSuffix(f[5], ino) && f[6] == "1073741826" {
			return true
		}
	}
	return false
}

// TestOpenDBKeepsTheWritersLocks: opening the database again in the
// process that writes it — OpenDB, as plenum serve does for access codes
// once its Store is open — must leave SQLite's locks on the file alone.
// A process that opens a file through a descriptor of its own and closes
// it drops every POSIX lock it holds on that file, SQLite's included,
// which SQLite then believes it still holds: with its SHARED lock gone,
// nothing tells another process that the database is in use (SQLite
// calls this a rogue close(open(dbFile)), and refuses to delete the
// write-ahead log under a writer only because it finds the -shm locked).
func TestOpenDBKeepsTheWritersLocks(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "plenum.db")
	st := openWithLog(t, path, "example.org/log/a")
	defer st.Close()
	if _, err := st.Head(ctx, "example.org/log/a"); err != nil {
		t.Fatal(err)
	}
	if !sharedLocked(t, path) {
		t.Fatal("an open Store holds no SHARED lock on its database: the test reads /proc/locks wrongly")
	}
	w, r, err := sqlite.OpenDB(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	defer r.Close()
	if err := sqlite.Private(path); err != nil {
		t.Fatal(err)
	}
	if !sharedLocked(t, path) {
		t.Fatal("OpenDB (or Private) dropped the Store's SHARED lock on the database")
	}
}
