package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"

	_ "modernc.org/sqlite" // registers the "sqlite" driver, for access.db
)

// LegacyFile is the name of the SQLite file in the data directory where
// plenum kept access codes and sessions before they moved into the
// database of the record.
const LegacyFile = "access.db"

// ImportedSuffix is added to the name of a legacy file once its contents
// are in the database, so that it is imported once.
const ImportedSuffix = ".imported"

// Imported says what ImportLegacy took over from a legacy access.db.
type Imported struct {
	Path        string // the file read
	Kept        string // where the file is now
	Codes       int    // live access codes taken over
	Sessions    int    // live sessions taken over
	AdminTokens int    // unused administrator links taken over
	AdminUsed   bool   // a server administrator had logged in
	Expired     int    // codes and sessions already expired, left behind
}

// ImportLegacy takes over the access codes, sessions and administrator
// state of a legacy access database at path (what plenum kept in
// DATA/access.db before they moved into the database of the record): the
// live ones are added to the database in one transaction (rows already
// there are kept), and the file is then renamed with ImportedSuffix, so
// that the import happens once and the file stays as it was for the
// operator to delete. It returns nil and no error if there is no file at
// path, and an error, importing nothing, for a file that is not such a
// database.
func (s *Store) ImportLegacy(ctx context.Context, path string) (*Imported, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	// A writing connection, so that what is still in the file's
	// write-ahead log is read and, on close, folded into the file.
	old, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return nil, err
	}
	defer old.Close()
	im := &Imported{Path: path, Kept: path + ImportedSuffix}
	fail := func(err error) (*Imported, error) {
		return nil, fmt.Errorf("the access codes and sessions in %s (kept there by earlier versions of plenum) could not be imported into %s, so plenum stops rather than lose them: %w. Move the file away to start without them", path, s.db.Name, err)
	}
	now := s.opts.Now().UnixNano()
	tx, err := s.begin(ctx)
	if err != nil {
		return fail(err)
	}
	defer tx.Rollback()

	rows, err := old.QueryContext(ctx, `SELECT hash, assembly, person, created, expires FROM codes`)
	if err != nil {
		return fail(err)
	}
	err = eachRow(rows, func(r *sql.Rows) error {
		var h []byte
		var a, p string
		var created, exp int64
		if err := r.Scan(&h, &a, &p, &created, &exp); err != nil {
			return err
		}
		if exp <= now {
			im.Expired++
			return nil
		}
		im.Codes++
		_, err := s.exec(ctx, tx, `INSERT INTO access_codes (hash, assembly, person, created, expires, mac) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING`, h, a, p, created, exp, codeMAC(s.opts.RowKey, h, a, p, created, exp))
		return err
	})
	if err != nil {
		return fail(err)
	}
	rows, err = old.QueryContext(ctx, `SELECT hash, assembly, person, admin, created, expires FROM sessions`)
	if err != nil {
		return fail(err)
	}
	err = eachRow(rows, func(r *sql.Rows) error {
		var h []byte
		var a, p string
		var admin bool
		var created, exp int64
		if err := r.Scan(&h, &a, &p, &admin, &created, &exp); err != nil {
			return err
		}
		if exp <= now {
			im.Expired++
			return nil
		}
		im.Sessions++
		_, err := s.exec(ctx, tx, `INSERT INTO access_sessions (hash, assembly, person, admin, created, expires, mac) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING`, h, a, p, admin, created, exp, sessionMAC(s.opts.RowKey, h, a, p, admin, "", created, exp))
		return err
	})
	if err != nil {
		return fail(err)
	}
	rows, err = old.QueryContext(ctx, `SELECT hash, expires FROM admin_tokens`)
	if err != nil {
		return fail(err)
	}
	err = eachRow(rows, func(r *sql.Rows) error {
		var h []byte
		var exp int64
		if err := r.Scan(&h, &exp); err != nil {
			return err
		}
		if exp <= now {
			return nil
		}
		im.AdminTokens++
		_, err := s.exec(ctx, tx, `INSERT INTO access_admin_tokens (hash, expires, mac) VALUES (?, ?, ?) ON CONFLICT (hash) DO NOTHING`, h, exp, adminTokenMAC(s.opts.RowKey, h, "", exp))
		return err
	})
	if err != nil {
		return fail(err)
	}
	var used string
	switch err := old.QueryRowContext(ctx, `SELECT v FROM meta WHERE k = 'admin_used'`).Scan(&used); {
	case err == nil:
		im.AdminUsed = true
		if _, err := s.exec(ctx, tx, `INSERT INTO access_meta (k, v) VALUES ('admin_used', ?) ON CONFLICT (k) DO NOTHING`, used); err != nil {
			return fail(err)
		}
	case !errors.Is(err, sql.ErrNoRows):
		return fail(err)
	}
	if err := tx.Commit(); err != nil {
		return fail(err)
	}
	s.cache.reset() // sessions were added behind it
	if err := old.Close(); err != nil {
		return fail(err)
	}
	// After a crash right here the file is imported again at the next
	// start, which adds nothing: every row is already there.
	if err := os.Rename(path, im.Kept); err != nil {
		return nil, fmt.Errorf("the access codes and sessions of %s are now in %s, but the file could not be renamed (%w): rename or delete it yourself, or it is read again at every start", path, s.db.Name, err)
	}
	for _, ext := range []string{"-wal", "-shm"} {
		os.Remove(path + ext) // left only if the close above could not fold them in
	}
	return im, nil
}

// eachRow calls f for each of rows and closes them.
func eachRow(rows *sql.Rows, f func(*sql.Rows) error) error {
	defer rows.Close()
	for rows.Next() {
		if err := f(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
