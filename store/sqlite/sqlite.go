// Package sqlite stores plenum's ledger in one SQLite file, through the
// pure-Go driver modernc.org/sqlite (no cgo). It implements ledger.Store.
//
// The database runs in WAL mode with synchronous=FULL: a commit returns
// only after the write-ahead log is synced, so an acknowledged append
// survives a crash of the process or of the machine. Writes go through one
// connection; reads use a pool of read-only connections and see committed
// data only. The schema is created by the numbered migrations embedded
// from migrations/*.sql.
//
// One process writes a database: Open takes an exclusive lock on it (the
// lock file beside it, see LockPath, and the database file itself, which
// any other name of it, a hard link, shares) that the kernel releases
// when the process ends, and a second Open fails with a LockedError
// naming the holder. OpenReadOnly takes no lock. The database and the files SQLite
// keeps beside it are private to their owner (mode 0600), and Close
// checkpoints the write-ahead log into the database and truncates it.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"math/bits"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/mod/sumdb/tlog"
	driver "modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"

	"plenum/ledger"
	"plenum/store/schema"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a ledger.Store in one SQLite file.
type Store struct {
	w        *sql.DB // the one writing connection; nil when read-only
	r        *sql.DB // read-only connections
	readOnly bool
	lock     *os.File  // holds the database's write lock; nil when read-only
	file     *fileLock // the lock on the database file itself (lockFile); nil when read-only
	path     string    // the database's path, as given to Open
	lockDB   string    // the path whose lock file it holds (lockedPath)
	scans    *scanPool // connections for ScanRecords
	close    sync.Once
	closeErr error

	mu  sync.Mutex
	ids map[string]int64 // origin → logs.id; ids never change

	app *appendStmts // AppendBatch's statements, prepared once; nil when read-only
}

// appendStmts are the statements of AppendBatch, prepared once on the
// writing connection when the Store opens and reused by every batch
// (through Tx.StmtContext, which finds them prepared on the one
// connection): preparing the multi-row inserts anew each batch took a
// fifth of a 250-entry batch's CPU.
type appendStmts struct {
	head       *sql.Stmt
	entries    [insertSizes]*sql.Stmt // entries[k] inserts 1<<k rows, up to rowsPerInsert
	checkpoint *sql.Stmt
	setHead    *sql.Stmt
}

func prepareAppend(w *sql.DB) (*appendStmts, error) {
	a := &appendStmts{}
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = w.Prepare(q)
		return st
	}
	a.head = prep(`SELECT id, size FROM logs WHERE origin = ?`)
	for k := range a.entries {
		a.entries[k] = prep(insertEntries(1 << k))
	}
	a.checkpoint = prep(`INSERT INTO checkpoints (log_id, size, data) VALUES (?, ?, ?)`)
	a.setHead = prep(`UPDATE logs SET size = ?, checkpoint = ? WHERE id = ?`)
	if err != nil {
		a.close()
		return nil, err
	}
	return a, nil
}

func (a *appendStmts) close() {
	for _, st := range append([]*sql.Stmt{a.head, a.checkpoint, a.setHead}, a.entries[:]...) {
		if st != nil {
			st.Close()
		}
	}
}

var _ ledger.Store = (*Store)(nil)

// Open opens the database at path for reading and writing, creating it
// (mode 0600) and bringing its schema up to date if needed. It takes the
// database's write lock first, and fails with a *LockedError (wrapping
// ErrLocked) if another process or Store holds it.
func Open(path string) (*Store, error) {
	lockDB := lockedPath(path)
	lk, err := lock(lockDB)
	if err != nil {
		return nil, err
	}
	fail := func(err error) (*Store, error) {
		lk.Close()
		return nil, err
	}
	if err := notEmptied(path); err != nil {
		return fail(err)
	}
	if err := Private(path); err != nil {
		return fail(err)
	}
	file, err := lockFile(path)
	if err != nil {
		return fail(err)
	}
	fail = func(err error) (*Store, error) {
		file.release()
		lk.Close()
		return nil, err
	}
	w, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return fail(err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	if err := migrate(w); err != nil {
		w.Close()
		return fail(openError(path, err))
	}
	r, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		w.Close()
		return fail(err)
	}
	r.SetMaxOpenConns(8)
	r.SetMaxIdleConns(8)
	app, err := prepareAppend(w)
	if err != nil {
		r.Close()
		w.Close()
		return fail(fmt.Errorf("sqlite: %s: %w", path, err))
	}
	markHeld(path, 1)
	return &Store{w: w, r: r, lock: lk, file: file, path: path, lockDB: lockDB, scans: &scanPool{path: path}, ids: map[string]int64{}, app: app}, nil
}

// OpenDB opens the database at path for the state kept beside the record
// (access codes and sessions, a witness's state), through database/sql:
// w with one writing connection, the schema brought up to date (creating
// the file, mode 0600, if absent), and r with read-only connections,
// which a write in progress does not hold up. It takes no lock: use it in
// the process that holds the database's Store, or on a database no plenum
// serves.
func OpenDB(path string) (w, r *sql.DB, err error) {
	if err := notEmptied(path); err != nil {
		return nil, nil, err
	}
	if err := Private(path); err != nil {
		return nil, nil, err
	}
	if w, err = sql.Open("sqlite", dsn(path, false)); err != nil {
		return nil, nil, err
	}
	w.SetMaxOpenConns(1)
	if err := migrate(w); err != nil {
		w.Close()
		return nil, nil, openError(path, err)
	}
	if r, err = sql.Open("sqlite", dsn(path, true)); err != nil {
		w.Close()
		return nil, nil, err
	}
	r.SetMaxOpenConns(8)
	r.SetMaxIdleConns(8)
	return w, r, nil
}

// OpenReadOnly opens an existing database at path for reading only. It is
// safe while another process (plenum serve) writes to the same file.
func OpenReadOnly(path string) (*Store, error) {
	if err := notEmptied(path); err != nil {
		return nil, err
	}
	r, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return nil, err
	}
	r.SetMaxOpenConns(8)
	if err := checkSchema(r, path); err != nil {
		r.Close()
		return nil, err
	}
	return &Store{r: r, readOnly: true, scans: &scanPool{path: path}, ids: map[string]int64{}}, nil
}

// busyTimeout is how long a statement waits for a lock on the database
// that another connection holds (SQLite's busy_timeout) before it fails
// with SQLITE_BUSY. Tests shorten it.
var busyTimeout = 10 * time.Second

func dsn(p string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	if readOnly {
		q.Set("mode", "ro")
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(FULL)")
		// The write-ahead log is copied into the database once it holds
		// 4,000 pages (16 MiB), not SQLite's 1,000: a commit that copies
		// it runs less often, and the pages every batch writes again (the
		// last of the entries, the head, the checkpoints) are copied once
		// for four times as many batches. Close still copies and
		// truncates it.
		q.Add("_pragma", "wal_autocheckpoint(4000)")
		q.Add("_pragma", "foreign_keys(1)")
		// Deleted rows (an emptied ballot box) are overwritten with
		// zeros, not left in free pages.
		q.Add("_pragma", "secure_delete(1)")
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: p}).EscapedPath() + "?" + q.Encode()
}

// applied returns the schema versions the database has applied.
func applied(db *sql.DB) ([]int, error) {
	rows, err := db.Query(`SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var vs []int
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		vs = append(vs, v)
	}
	return vs, rows.Err()
}

// checkSchema returns an error saying what is wrong unless the database
// at path (open in db, which must not migrate it) has exactly the schema
// of this plenum.
func checkSchema(db *sql.DB, path string) error {
	have, err := applied(db)
	if damaged(err) || busy(err) {
		return openError(path, err)
	}
	if err != nil {
		return fmt.Errorf("sqlite: %s is not a plenum database: %w", path, err)
	}
	if why := schema.Describe(migrations, "migrations/*.sql", have); why != "" {
		return fmt.Errorf("sqlite: %s: %s", path, why)
	}
	return nil
}

// damaged reports whether err is SQLite's word that the database file is
// not a whole database: SQLITE_CORRUPT (pages missing or garbled: the
// file cut short or overwritten, or a failing disk) or SQLITE_NOTADB (no
// database header).
func damaged(err error) bool {
	code := resultCode(err)
	return code == sqlite3.SQLITE_CORRUPT || code == sqlite3.SQLITE_NOTADB
}

// ErrBusy is wrapped by the error of a write, or of opening the
// database, that another program's lock on the database kept out for
// longer than plenum waits (busyTimeout): a program other than plenum
// (plenum's lock file keeps other plenums out), such as an sqlite3 shell
// or a backup tool, with a write transaction open on the file, or the
// file locked for itself. Nothing was written.
var ErrBusy = errors.New("another program holds a lock on the database")

// busy reports whether err is SQLite's SQLITE_BUSY: a lock another
// connection holds on the database kept the statement out for longer
// than busyTimeout.
func busy(err error) bool { return resultCode(err) == sqlite3.SQLITE_BUSY }

// resultCode is the primary result code of SQLite's error err, or 0 if
// err is not SQLite's.
func resultCode(err error) int {
	var e *driver.Error
	if !errors.As(err, &e) {
		return 0
	}
	return e.Code() & 0xff
}

// notEmptied refuses a database file that exists but is empty. SQLite
// would take it for a new database, and plenum would serve, or write, a
// record with nothing in it; plenum never leaves its file empty but for
// the moment between creating it and writing its schema.
func notEmptied(path string) error {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > 0 {
		return nil // absent (to be created), or SQLite's to judge
	}
	return fmt.Errorf("sqlite: %s is damaged: it is empty. If it held a plenum record, it was cut to nothing (a failing disk, a copy that stopped at its start); nothing was written to it; restore it from a copy (with the copy's -wal file, if it has one), then run plenum verify. If it is new — plenum stopped while creating it, or it was made empty by hand — delete it, and plenum creates the database anew", path)
}

// openError is the error of opening the database at path, which failed
// with err (migrating it or reading its schema): for a damaged file it
// says so and what to do, as SQLite's own words do not.
func openError(path string, err error) error {
	if damaged(err) {
		return fmt.Errorf("sqlite: %s is damaged, or not a database at all (%w): if it held a plenum record, the file was cut short or overwritten, or its disk failed; nothing was written to it; restore it from a copy (with the copy's -wal file, if it has one), then run plenum verify", path, err)
	}
	if busy(err) {
		return fmt.Errorf("sqlite: %s: %w: %w, for longer than plenum waits (%v); nothing was written: close that program (an sqlite3 shell, a backup or copying tool), or end its transaction, then run this command again", path, err, ErrBusy, busyTimeout)
	}
	return fmt.Errorf("sqlite: %s: %w", path, err)
}

// migrate applies the embedded migrations the database has not seen.
func migrate(db *sql.DB) error {
	if _, err := db.Exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)`); err != nil {
		return err
	}
	have, err := applied(db)
	if err != nil {
		return err
	}
	steps, err := schema.Pending(migrations, "migrations/*.sql", have)
	if err != nil {
		return err
	}
	for _, step := range steps {
		v, name, body := step.Version, step.Name, step.SQL
		tx, err := db.Begin()
		if err != nil {
			return err
		}
		if v == schema.OldBoxVersion {
			var n int
			if err := tx.QueryRow(schema.OldBoxCount).Scan(&n); err != nil {
				tx.Rollback()
				return fmt.Errorf("migration %s: %w", name, err)
			}
			if n > 0 {
				tx.Rollback()
				return fmt.Errorf("migration %s: %w", name, schema.OldBoxError(n))
			}
		}
		if _, err := tx.Exec(body); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", name, err)
		}
		if _, err := tx.Exec(`INSERT INTO schema_migrations (version) VALUES (?)`, v); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// Close closes the database: the readers first, then, after
// checkpointing the write-ahead log into the database and truncating it,
// the writer (the last connection, which removes the log), and then it
// releases the write lock. Calling it again does nothing.
func (s *Store) Close() error {
	s.close.Do(func() {
		s.scans.close()
		err := s.r.Close()
		if s.app != nil {
			s.app.close()
		}
		if s.w != nil {
			var busy, frames, done int
			cerr := s.w.QueryRow(`PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &frames, &done)
			if cerr == nil && busy != 0 {
				cerr = errors.New("sqlite: the write-ahead log could not be checkpointed: a reader holds it")
			}
			err = errors.Join(err, cerr, s.w.Close())
		}
		// After every connection of the store: closing the file's
		// descriptor drops the fcntl locks this process holds on it.
		err = errors.Join(err, s.file.release())
		if s.lock != nil {
			markHeld(s.path, -1)
			err = errors.Join(err, s.lock.Close())
		}
		s.closeErr = err
	})
	return s.closeErr
}

// writable refuses a write on a store opened read-only, or one whose
// lock no longer keeps other writers out (see stillLocked).
func (s *Store) writable() error {
	if s.readOnly {
		return errors.New("sqlite: store opened read-only")
	}
	return s.stillLocked()
}

// stillLocked checks that the lock file at LockPath is still the one
// this Store locked. Deleted (a clean-up of lock files thought stale) or
// replaced, it keeps no other writer out: another plenum makes a new one
// and takes that, so this Store writes no more. Two stat calls, before
// every write.
func (s *Store) stillLocked() error {
	held, err := s.lock.Stat()
	if err != nil {
		return fmt.Errorf("sqlite: the lock file of %s: %w", s.path, err)
	}
	now, err := os.Stat(LockPath(s.lockDB))
	if err == nil && os.SameFile(held, now) {
		return nil
	}
	return fmt.Errorf("sqlite: the lock file %s, which this process holds to be the only writer of %s, was deleted or replaced: another process may write the database now, so this one writes nothing more; stop this plenum, and restart the one that should write it (never delete the lock file of a database in use: the lock ends with its process)", LockPath(s.lockDB), s.path)
}

// logID returns the id of the log with the given origin.
func (s *Store) logID(ctx context.Context, origin string) (int64, error) {
	s.mu.Lock()
	id, ok := s.ids[origin]
	s.mu.Unlock()
	if ok {
		return id, nil
	}
	err := s.r.QueryRowContext(ctx, `SELECT id FROM logs WHERE origin = ?`, origin).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("%w: %q", ledger.ErrLogNotFound, origin)
	}
	if err != nil {
		return 0, err
	}
	s.mu.Lock()
	s.ids[origin] = id
	s.mu.Unlock()
	return id, nil
}

// CreateLog implements ledger.Store.
func (s *Store) CreateLog(ctx context.Context, origin string, checkpoint []byte) (err error) {
	if err := s.writable(); err != nil {
		return err
	}
	defer func() { err = s.writeError(err) }()
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM logs WHERE origin = ?`, origin).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("%w: %q", ledger.ErrLogExists, origin)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO logs (origin, size, checkpoint) VALUES (?, 0, ?)`, origin, checkpoint)
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO checkpoints (log_id, size, data) VALUES (?, 0, ?)`, id, checkpoint); err != nil {
		return err
	}
	return tx.Commit()
}

// Logs implements ledger.Store.
func (s *Store) Logs(ctx context.Context) ([]string, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT origin FROM logs ORDER BY origin`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var o string
		if err := rows.Scan(&o); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// Head implements ledger.Store.
func (s *Store) Head(ctx context.Context, origin string) (ledger.Head, error) {
	var h ledger.Head
	err := s.r.QueryRowContext(ctx, `SELECT size, checkpoint FROM logs WHERE origin = ?`, origin).Scan(&h.Size, &h.Checkpoint)
	if errors.Is(err, sql.ErrNoRows) {
		return h, fmt.Errorf("%w: %q", ledger.ErrLogNotFound, origin)
	}
	return h, err
}

// SettledHead implements ledger.Store. It reads through the one writing
// connection, so it comes after any append of this Store has ended; the
// lock on the database (see Open) keeps every other process from
// writing.
func (s *Store) SettledHead(ctx context.Context, origin string) (ledger.Head, error) {
	if s.readOnly {
		return s.Head(ctx, origin)
	}
	var h ledger.Head
	err := s.w.QueryRowContext(ctx, `SELECT size, checkpoint FROM logs WHERE origin = ?`, origin).Scan(&h.Size, &h.Checkpoint)
	if errors.Is(err, sql.ErrNoRows) {
		return h, fmt.Errorf("%w: %q", ledger.ErrLogNotFound, origin)
	}
	return h, err
}

// rowsPerInsert is the most entries one INSERT statement writes, a power
// of two: a batch is written by the statements of 128, 64, …, 1 rows
// (insertSizes of them), the largest that fits what is left each time.
const (
	insertSizes   = 8
	rowsPerInsert = 1 << (insertSizes - 1)
)

// insertEntries returns the statement that inserts n entries.
func insertEntries(n int) string {
	var b strings.Builder
	b.WriteString(`INSERT INTO entries (log_id, idx, data, hashes) VALUES `)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`(?,?,?,?)`)
	}
	return b.String()
}

// AppendBatch implements ledger.Store: one transaction, synced on commit.
func (s *Store) AppendBatch(ctx context.Context, origin string, b *ledger.Batch) (err error) {
	if err := s.writable(); err != nil {
		return err
	}
	defer func() { err = s.writeError(refusedRow(err)) }()
	if len(b.Records) == 0 || len(b.Checkpoint) == 0 {
		return errors.New("sqlite: AppendBatch needs records and a checkpoint")
	}
	for i, r := range b.Records {
		if r.Index != b.First+int64(i) {
			return fmt.Errorf("sqlite: AppendBatch: record %d has index %d, want %d", i, r.Index, b.First+int64(i))
		}
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var id, size int64
	err = tx.StmtContext(ctx, s.app.head).QueryRowContext(ctx, origin).Scan(&id, &size)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%w: %q", ledger.ErrLogNotFound, origin)
	}
	if err != nil {
		return err
	}
	if size != b.First {
		return fmt.Errorf("%w: %q has %d entries, the batch starts at %d", ledger.ErrConflict, origin, size, b.First)
	}
	for _, bl := range b.Blobs {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO blobs (sha256, data) VALUES (?, ?)`, bl.SHA256[:], bl.Data); err != nil {
			return err
		}
	}
	recs := b.Records
	args := make([]any, 0, 4*min(len(recs), rowsPerInsert))
	// The batch's hashes columns, each its records' hashes joined as
	// ledger.JoinHashes joins them, are cut from one buffer: one
	// allocation for the batch rather than one a record. The log's id is
	// boxed once for every row.
	nh := 0
	for _, r := range recs {
		nh += len(r.Hashes)
	}
	hashes := make([]byte, 0, nh*tlog.HashSize)
	idArg := any(id)
	for len(recs) > 0 {
		// The largest statement that fits what is left.
		k := min(bits.Len(uint(len(recs)))-1, len(s.app.entries)-1)
		n := 1 << k
		args = args[:0]
		for _, r := range recs[:n] {
			start := len(hashes)
			for _, h := range r.Hashes {
				hashes = append(hashes, h[:]...)
			}
			args = append(args, idArg, r.Index, r.Data, hashes[start:len(hashes):len(hashes)])
		}
		if _, err = tx.StmtContext(ctx, s.app.entries[k]).ExecContext(ctx, args...); err != nil {
			return err
		}
		recs = recs[n:]
	}
	for _, sb := range b.Sealed {
		if err := ledger.ValidSealedBallot(sb); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO ballot_box (log_id, box, id, data) VALUES (?, ?, ?, ?)`, id, sb.Box, sb.ID, sb.Data); err != nil {
			return fmt.Errorf("sqlite: sealed ballot in %q: %w", sb.Box, err)
		}
	}
	for _, box := range b.Emptied {
		if _, err := tx.ExecContext(ctx, `DELETE FROM ballot_box WHERE log_id = ? AND box = ?`, id, box); err != nil {
			return fmt.Errorf("sqlite: emptying the ballot box %q: %w", box, err)
		}
	}
	newSize := b.First + int64(len(b.Records))
	if _, err := tx.StmtContext(ctx, s.app.checkpoint).ExecContext(ctx, id, newSize, b.Checkpoint); err != nil {
		return err
	}
	if _, err := tx.StmtContext(ctx, s.app.setHead).ExecContext(ctx, newSize, b.Checkpoint, id); err != nil {
		return err
	}
	return tx.Commit()
}

// refusedRow wraps ledger.ErrConstraint around SQLite's refusal of a row
// on a constraint (SQLITE_CONSTRAINT: a unique key, a check, a trigger's
// abort), which a retry of the same append would meet again.
func refusedRow(err error) error {
	if resultCode(err) == sqlite3.SQLITE_CONSTRAINT {
		return fmt.Errorf("%w: %w", ledger.ErrConstraint, err)
	}
	return err
}

// writeError is Explain for the Store's database.
func (s *Store) writeError(err error) error { return Explain(s.path, err) }

// Explain says, of an error of SQLite's writing the database at path (a
// full disk, a read-only one, an I/O error: SQLITE_FULL, SQLITE_READONLY,
// SQLITE_IOERR; another program's lock: SQLITE_BUSY, wrapping ErrBusy),
// which database and what to do; other errors, and one it has explained
// already, it returns as they are. It is for every writer of plenum's
// SQLite database, the Store and those of OpenDB (access codes and
// sessions), so that each says the same.
func Explain(path string, err error) error {
	var done *explained
	if errors.As(err, &done) {
		return err
	}
	switch resultCode(err) {
	case sqlite3.SQLITE_FULL, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_IOERR:
		return &explained{fmt.Errorf("sqlite: %s: %w: %w; make room on its disk, or make the file writable, or replace a failing disk", path, err, ErrUnwritable)}
	case sqlite3.SQLITE_BUSY:
		return &explained{fmt.Errorf("sqlite: %s: %w: %w, for longer than plenum waits (%v); nothing was written: close that program (an sqlite3 shell, a backup or copying tool), or end its transaction, then try again; a running plenum needs no restart: it writes again once the lock is let go (what it refused meanwhile was not recorded, and can be sent again)", path, err, ErrBusy, busyTimeout)}
	}
	return err
}

// ErrUnwritable is wrapped by Explain's error for a write SQLite could not
// make to the file (SQLITE_FULL, SQLITE_READONLY, SQLITE_IOERR: a full
// disk, a read-only file, a failing disk). Nothing was written.
var ErrUnwritable = errors.New("the database could not be written")

// explained is an error Explain has explained.
type explained struct{ error }

func (e *explained) Unwrap() error { return e.error }

// ScanRecords implements ledger.Store, through a connection of its own
// (see scan.go).
func (s *Store) ScanRecords(ctx context.Context, origin string, start, end int64, fn func(ledger.Record) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	id, err := s.logID(ctx, origin)
	if err != nil {
		return err
	}
	c, err := s.scans.get()
	if err != nil {
		return err
	}
	defer s.scans.put(c)
	return c.scan(ctx, id, start, end, fn)
}

// ReadRecords implements ledger.Store.
func (s *Store) ReadRecords(ctx context.Context, origin string, indexes []int64) ([]ledger.Record, error) {
	id, err := s.logID(ctx, origin)
	if err != nil {
		return nil, err
	}
	found := make(map[int64]ledger.Record, len(indexes))
	const chunk = 256
	for i := 0; i < len(indexes); i += chunk {
		part := indexes[i:min(i+chunk, len(indexes))]
		args := make([]any, 0, len(part)+1)
		args = append(args, id)
		for _, x := range part {
			args = append(args, x)
		}
		q := `SELECT idx, data, hashes FROM entries WHERE log_id = ? AND idx IN (?` + strings.Repeat(",?", len(part)-1) + `)`
		rows, err := s.r.QueryContext(ctx, q, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var r ledger.Record
			var hb []byte
			if err := rows.Scan(&r.Index, &r.Data, &hb); err != nil {
				rows.Close()
				return nil, err
			}
			if r.Hashes, err = ledger.SplitHashes(hb, nil); err != nil {
				rows.Close()
				return nil, fmt.Errorf("sqlite: %q entry %d: %w", origin, r.Index, err)
			}
			found[r.Index] = r
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	out := make([]ledger.Record, len(indexes))
	for i, x := range indexes {
		r, ok := found[x]
		if !ok {
			return nil, fmt.Errorf("%w: %q entry %d", ledger.ErrNotFound, origin, x)
		}
		out[i] = r
	}
	return out, nil
}

// Checkpoints implements ledger.Store.
func (s *Store) Checkpoints(ctx context.Context, origin string, after int64, limit int) ([]ledger.StoredCheckpoint, error) {
	id, err := s.logID(ctx, origin)
	if err != nil {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT size, data FROM checkpoints WHERE log_id = ? AND size > ? ORDER BY size LIMIT ?`, id, after, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ledger.StoredCheckpoint
	for rows.Next() {
		var c ledger.StoredCheckpoint
		if err := rows.Scan(&c.Size, &c.Signed); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Blob implements ledger.Store.
func (s *Store) Blob(ctx context.Context, sum [32]byte) ([]byte, error) {
	var data []byte
	err := s.r.QueryRowContext(ctx, `SELECT data FROM blobs WHERE sha256 = ?`, sum[:]).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: blob %x", ledger.ErrNotFound, sum)
	}
	return data, err
}

// AddCosignatures implements ledger.Store, in one transaction.
func (s *Store) AddCosignatures(ctx context.Context, origin string, size int64, sigs [][]byte) (err error) {
	if err := s.writable(); err != nil {
		return err
	}
	defer func() { err = s.writeError(err) }()
	lines, err := ledger.SignatureLines(sigs)
	if err != nil {
		return fmt.Errorf("sqlite: AddCosignatures: %w", err)
	}
	id, err := s.logID(ctx, origin)
	if err != nil {
		return err
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM checkpoints WHERE log_id = ? AND size = ?`, id, size).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%w: %q has no checkpoint of size %d", ledger.ErrNotFound, origin, size)
	}
	for _, l := range lines {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO cosignatures (log_id, size, line) VALUES (?, ?, ?)`, id, size, l); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// Cosignatures implements ledger.Store.
func (s *Store) Cosignatures(ctx context.Context, origin string, size int64) ([][]byte, error) {
	id, err := s.logID(ctx, origin)
	if err != nil {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT line FROM cosignatures WHERE log_id = ? AND size = ? ORDER BY line`, id, size)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]byte
	for rows.Next() {
		var l []byte
		if err := rows.Scan(&l); err != nil {
			return nil, err
		}
		out = append(out, append(l, '\n'))
	}
	return out, rows.Err()
}

// SealedBallots implements ledger.Store.
func (s *Store) SealedBallots(ctx context.Context, origin, box string) ([]ledger.SealedBallot, error) {
	id, err := s.logID(ctx, origin)
	if err != nil {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT id, data FROM ballot_box WHERE log_id = ? AND box = ? ORDER BY id`, id, box)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ledger.SealedBallot
	for rows.Next() {
		b := ledger.SealedBallot{Box: box}
		if err := rows.Scan(&b.ID, &b.Data); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// LogOrigins lists the origins of the logs in the SQLite file at path,
// reading it as it is: its schema not brought up to date, nothing created
// (no file holds no logs, nor does a file without the logs table). plenum
// serve asks it before it opens the file for writing, so that a start it
// refuses leaves the file as it was.
func LogOrigins(path string) ([]string, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	r, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var tables int
	if err := r.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'logs'`).Scan(&tables); err != nil {
		return nil, openError(path, err)
	}
	if tables == 0 {
		return nil, nil
	}
	return scanOrigins(r.Query(`SELECT origin FROM logs ORDER BY origin`))
}

// scanOrigins reads the one column of origins rows holds.
func scanOrigins(rows *sql.Rows, err error) ([]string, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var origins []string
	for rows.Next() {
		var o string
		if err := rows.Scan(&o); err != nil {
			return nil, err
		}
		origins = append(origins, o)
	}
	return origins, rows.Err()
}
