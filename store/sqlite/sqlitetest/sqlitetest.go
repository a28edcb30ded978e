// Package sqlitetest plays, for tests, what befalls a SQLite database
// plenum has open from outside: another program on it (an sqlite3 shell
// or a backup tool, which knows nothing of plenum's lock file), or its
// disk filling.
package sqlitetest

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"syscall"
	"testing"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"plenum/store/sqlite"
)

// HoldLock opens the database at path as another program would (a
// connection of its own) and runs stmts on it, which take a lock it then
// holds: "BEGIN IMMEDIATE" its write lock, as an sqlite3 shell with a
// transaction open does. release ends its transaction, changing nothing,
// and closes it; the test's cleanup calls it if the test did not.
func HoldLock(t testing.TB, path string, stmts ...string) (release func()) {
	t.Helper()
	ctx := context.Background()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		t.Fatal(err)
	}
	for _, s := range stmts {
		if _, err := c.ExecContext(ctx, s); err != nil {
			c.Close()
			db.Close()
			t.Fatalf("the other program's %s: %v", s, err)
		}
	}
	done := false
	release = func() {
		if done {
			return
		}
		done = true
		c.ExecContext(ctx, "ROLLBACK") // fails harmlessly outside a transaction
		if err := errors.Join(c.Close(), db.Close()); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(release)
	return release
}

// CheckBusy fails t unless err is the error of a write to the database at
// path that another program's lock kept out: sqlite.ErrBusy, naming the
// database, saying that nothing was written and what to do — not
// SQLite's bare "database is locked (5)". what names the write.
func CheckBusy(t testing.TB, what string, err error, path string) {
	t.Helper()
	if !errors.Is(err, sqlite.ErrBusy) {
		t.Fatalf("%s while another program holds the lock: %v; want sqlite.ErrBusy", what, err)
	}
	for _, s := range []string{path + ": ", "another program", "nothing was written", "close that program"} {
		if !strings.Contains(err.Error(), s) {
			t.Fatalf("%s while another program holds the lock: %v; want it to say %q", what, err, s)
		}
	}
}

// FillDisk lets this process's writes to files reach no further than n
// bytes into them (RLIMIT_FSIZE), as if the disk were full from there:
// SQLite's writes past it fail. restore lifts the limit; the test's
// cleanup calls it if the test did not. Tests using it must not run in
// parallel with others of their process.
func FillDisk(t testing.TB, n int64) (restore func()) {
	t.Helper()
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	full := syscall.Rlimit{Cur: uint64(n), Max: old.Max}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &full); err != nil {
		t.Fatal(err)
	}
	restored := false
	restore = func() {
		if !restored {
			restored = true
			if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Cleanup(restore)
	return restore
}
