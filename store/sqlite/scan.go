package sqlite

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"unsafe"

	"golang.org/x/mod/sumdb/tlog"
	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"

	"plenum/ledger"
)

// ScanRecords reads through SQLite's C interface (modernc.org/sqlite/lib),
// not database/sql: the audit and the replay at start-up read every entry,
// and through database/sql each row cost two copies of its columns into
// new slices, three values boxed in interfaces and a lock of the
// connection's mutex on every column read, about half of an audit's time.
// Here a row's columns are read in place, in SQLite's memory, as ScanRecords
// allows (fn must not keep them), on a connection opened without SQLite's
// own mutex, which only one goroutine uses at a time.

// scanSQL selects a range of a log's records in order.
const scanSQL = `SELECT idx, data, hashes FROM entries WHERE log_id = ?1 AND idx >= ?2 AND idx < ?3 ORDER BY idx`

// scanCacheKiB is the page cache of a scan connection: a scan reads each
// page once, in order, so a large cache only costs memory.
const scanCacheKiB = 2048

// scanMmapBytes is how much of the database file a scan connection maps
// into memory instead of reading it with pread into its page cache (a
// quarter of a scan's CPU time in BenchmarkConformanceScanRecords). A
// mapped file that another process shortens kills the reader (SIGBUS);
// plenum never shortens a database (it does not VACUUM), and pages
// written since are read from the write-ahead log as before.
const scanMmapBytes = 1 << 30

// scanConn is a read-only connection for ScanRecords, with its statement
// prepared.
type scanConn struct {
	tls  *libc.TLS // not safe for concurrent use: the pool hands a scanConn to one caller at a time
	db   uintptr
	stmt uintptr
}

// scanPool keeps the idle scan connections of a Store.
type scanPool struct {
	path string

	mu     sync.Mutex
	idle   []*scanConn
	closed bool
}

// maxIdleScans bounds the scan connections kept between scans.
const maxIdleScans = 8

var errScanClosed = errors.New("sqlite: store closed")

func (p *scanPool) get() (*scanConn, error) {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil, errScanClosed
	}
	if n := len(p.idle); n > 0 {
		c := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		return c, nil
	}
	p.mu.Unlock()
	return openScanConn(p.path)
}

func (p *scanPool) put(c *scanConn) {
	p.mu.Lock()
	if !p.closed && len(p.idle) < maxIdleScans {
		p.idle = append(p.idle, c)
		p.mu.Unlock()
		return
	}
	p.mu.Unlock()
	c.close()
}

// close closes the idle connections; those in use are closed as they are
// put back.
func (p *scanPool) close() {
	p.mu.Lock()
	idle := p.idle
	p.idle, p.closed = nil, true
	p.mu.Unlock()
	for _, c := range idle {
		c.close()
	}
}

// openScanConn opens the database at path read-only and prepares scanSQL.
func openScanConn(path string) (_ *scanConn, err error) {
	c := &scanConn{tls: libc.NewTLS()}
	defer func() {
		if err != nil {
			c.close()
		}
	}()
	name, err := libc.CString("file:" + (&url.URL{Path: path}).EscapedPath() + "?mode=ro")
	if err != nil {
		return nil, err
	}
	defer libc.Xfree(c.tls, name)
	pdb := c.tls.Alloc(int(unsafe.Sizeof(uintptr(0))))
	defer c.tls.Free(int(unsafe.Sizeof(uintptr(0))))
	rc := sqlite3.Xsqlite3_open_v2(c.tls, name, pdb, sqlite3.SQLITE_OPEN_READONLY|sqlite3.SQLITE_OPEN_NOMUTEX|sqlite3.SQLITE_OPEN_URI, 0)
	c.db = *(*uintptr)(ptr(pdb))
	if rc != sqlite3.SQLITE_OK {
		return nil, fmt.Errorf("sqlite: opening %s to scan: %w", path, c.err(rc))
	}
	sqlite3.Xsqlite3_busy_timeout(c.tls, c.db, int32(busyTimeout.Milliseconds()))
	if err := c.exec(fmt.Sprintf("PRAGMA query_only=1; PRAGMA cache_size=-%d; PRAGMA mmap_size=%d", scanCacheKiB, scanMmapBytes)); err != nil {
		return nil, err
	}
	q, err := libc.CString(scanSQL)
	if err != nil {
		return nil, err
	}
	defer libc.Xfree(c.tls, q)
	pstmt := c.tls.Alloc(int(unsafe.Sizeof(uintptr(0))))
	defer c.tls.Free(int(unsafe.Sizeof(uintptr(0))))
	if rc := sqlite3.Xsqlite3_prepare_v3(c.tls, c.db, q, -1, sqlite3.SQLITE_PREPARE_PERSISTENT, pstmt, 0); rc != sqlite3.SQLITE_OK {
		return nil, fmt.Errorf("sqlite: %s: preparing the scan: %w", path, c.err(rc))
	}
	c.stmt = *(*uintptr)(ptr(pstmt))
	return c, nil
}

func (c *scanConn) exec(sql string) error {
	q, err := libc.CString(sql)
	if err != nil {
		return err
	}
	defer libc.Xfree(c.tls, q)
	if rc := sqlite3.Xsqlite3_exec(c.tls, c.db, q, 0, 0, 0); rc != sqlite3.SQLITE_OK {
		return fmt.Errorf("sqlite: %s: %w", sql, c.err(rc))
	}
	return nil
}

// err describes the result code rc of the connection's last call.
func (c *scanConn) err(rc int32) error {
	msg := libc.GoString(sqlite3.Xsqlite3_errstr(c.tls, rc))
	if c.db != 0 {
		msg = libc.GoString(sqlite3.Xsqlite3_errmsg(c.tls, c.db))
	}
	return fmt.Errorf("%s (%d)", msg, rc)
}

func (c *scanConn) close() {
	if c.stmt != 0 {
		sqlite3.Xsqlite3_finalize(c.tls, c.stmt)
	}
	if c.db != 0 {
		sqlite3.Xsqlite3_close_v2(c.tls, c.db)
	}
	c.tls.Close()
}

// ptr turns an address in SQLite's memory, which is not Go's heap, into a
// pointer (without the conversion go vet rightly questions for addresses
// of Go memory).
func ptr(p uintptr) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&p)) }

// column returns column i of the current row as bytes in SQLite's memory,
// valid until the next step or reset.
func (c *scanConn) column(i int32) []byte {
	p := sqlite3.Xsqlite3_column_blob(c.tls, c.stmt, i)
	n := sqlite3.Xsqlite3_column_bytes(c.tls, c.stmt, i)
	if p == 0 || n <= 0 {
		return nil
	}
	return unsafe.Slice((*byte)(ptr(p)), n)
}

// scan runs scanSQL for the log logID and [start, end), calling fn with
// each row, and resets the statement whatever happens.
func (c *scanConn) scan(ctx context.Context, logID, start, end int64, fn func(ledger.Record) error) error {
	tls, st := c.tls, c.stmt
	defer sqlite3.Xsqlite3_reset(tls, st)
	for i, v := range [...]int64{logID, start, end} {
		if rc := sqlite3.Xsqlite3_bind_int64(tls, st, int32(i+1), v); rc != sqlite3.SQLITE_OK {
			return c.err(rc)
		}
	}
	var (
		r      ledger.Record
		hashes = make([]tlog.Hash, 0, 64)
		err    error
	)
	for n := 0; ; n++ {
		if n%128 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		switch rc := sqlite3.Xsqlite3_step(tls, st); rc {
		case sqlite3.SQLITE_ROW:
		case sqlite3.SQLITE_DONE:
			return nil
		default:
			return c.err(rc)
		}
		r.Index = sqlite3.Xsqlite3_column_int64(tls, st, 0)
		r.Data = c.column(1)
		if r.Hashes, err = ledger.SplitHashes(c.column(2), hashes); err != nil {
			// Reported as an empty hash list so the auditor can name the entry.
			r.Hashes = nil
		}
		if err := fn(r); err != nil {
			return err
		}
	}
}
