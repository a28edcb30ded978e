package auth

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"golang.org/x/mod/sumdb/note"

	"plenum/internal/keyderive"
)

// The rows that grant power — an access code (access_codes), a session
// (access_sessions), the operator's administrator link
// (access_admin_tokens) and an administrator's device link
// (access_device_links) — each carry a MAC (column mac): HMAC-SHA-256,
// under a key derived from the server's signing key (RowKey), over every
// column that says who the row admits and until when. The signing key is
// never in the database (signing.key in the data directory), so whoever
// can write the database but does not hold the key — a DBA, a restored
// or edited backup — cannot make a row that admits anyone: a row whose
// MAC is missing or wrong is refused as an unknown code or session would
// be, and logged once (rowRefused). What a DBA can still do is delete
// rows (log people out, void codes: deny service), which the MAC cannot
// prevent. docs/access.md, "What the database cannot grant".

// RowKeySize is the size of the key the rows' MACs are made with.
const RowKeySize = 32

// rowKeyMessage is what the signing key signs to make the secret RowKey
// derives the rows' key from. It holds a NUL, so it is never a note's
// text (nor a checkpoint's) that the key signs for the log.
const rowKeyMessage = "plenum access rows secret, version 1\x00"

// RowKey derives the key of the access rows' MACs (Options.RowKey) from
// the server's signing key: HKDF-SHA-256 over the signer's signature of a
// message of its own (an Ed25519 signature is deterministic, and only a
// holder of the key can make it), labelled for this use alone, so that it
// is neither the signing key nor any other key derived from it. Every
// node of a cluster shares the signing key, so every node derives the
// same key and accepts the rows another node wrote. A signer whose
// signatures vary is refused: the rows would be refused after a restart.
func RowKey(signer note.Signer) ([]byte, error) {
	return derivedKey(signer, "plenum access rows: the MAC of codes, sessions and administrator links")
}

// RegistryKey derives the key of the cluster registry's MACs (package
// cluster: a node's row, with the address commands are forwarded to, is
// written under it by the node itself and checked by every follower
// before it forwards) from the server's signing key, as RowKey does but
// under a label of its own: neither key is the other, and a MAC made
// for one kind of row is never one of the other.
func RegistryKey(signer note.Signer) ([]byte, error) {
	return derivedKey(signer, "plenum cluster registry: the MAC of a node's name, instance and advertised address")
}

// derivedKey is HKDF-SHA-256 over the signer's signature of
// rowKeyMessage, labelled label (RowKey, RegistryKey).
func derivedKey(signer note.Signer, label string) ([]byte, error) {
	secret, err := keyderive.Secret(signer, rowKeyMessage)
	if errors.Is(err, keyderive.ErrNotDeterministic) {
		return nil, errors.New("auth: the signer's signatures are not deterministic, and the access rows need a key made from it that stays the same across restarts; use an Ed25519 signing key")
	}
	if err != nil {
		return nil, fmt.Errorf("auth: making the access rows' key: %w", err)
	}
	return keyderive.Key(secret, label, RowKeySize)
}

// The kinds of row, each its own domain of the MAC: a code's MAC is
// never a session's.
const (
	rowCode       = "access_codes"
	rowSession    = "access_sessions"
	rowAdminToken = "access_admin_tokens"
	rowDeviceLink = "access_device_links"
)

// rowMAC builds one row's MAC: the kind, then each column in order,
// length-prefixed, so that no two rows of different columns encode
// alike.
type rowMAC struct {
	buf []byte
}

func newRowMAC(kind string) *rowMAC {
	m := &rowMAC{buf: make([]byte, 0, 192)}
	m.str("plenum access row v1")
	m.str(kind)
	return m
}

func (m *rowMAC) bytes(b []byte) *rowMAC {
	m.buf = binary.AppendUvarint(m.buf, uint64(len(b)))
	m.buf = append(m.buf, b...)
	return m
}

func (m *rowMAC) str(s string) *rowMAC {
	m.buf = binary.AppendUvarint(m.buf, uint64(len(s)))
	m.buf = append(m.buf, s...)
	return m
}

func (m *rowMAC) int(v int64) *rowMAC {
	m.buf = binary.BigEndian.AppendUint64(m.buf, uint64(v))
	return m
}

func (m *rowMAC) bool(v bool) *rowMAC {
	b := byte(0)
	if v {
		b = 1
	}
	m.buf = append(m.buf, b)
	return m
}

func (m *rowMAC) sum(key []byte) []byte {
	h := hmac.New(sha256.New, key)
	h.Write(m.buf)
	return h.Sum(nil)
}

// codeMAC is the MAC of an access_codes row.
func codeMAC(key, hash []byte, assembly, person string, created, expires int64) []byte {
	return newRowMAC(rowCode).bytes(hash).str(assembly).str(person).int(created).int(expires).sum(key)
}

// sessionMAC is the MAC of an access_sessions row: everything but the
// device's names and the last use, which grant nothing (and the last use
// is written in place, usedMarks).
func sessionMAC(key, hash []byte, assembly, person string, admin bool, adminID string, created, expires int64) []byte {
	return newRowMAC(rowSession).bytes(hash).str(assembly).str(person).bool(admin).str(adminID).int(created).int(expires).sum(key)
}

// adminTokenMAC is the MAC of an access_admin_tokens row.
func adminTokenMAC(key, hash []byte, adminID string, expires int64) []byte {
	return newRowMAC(rowAdminToken).bytes(hash).str(adminID).int(expires).sum(key)
}

// deviceLinkMAC is the MAC of an access_device_links row.
func deviceLinkMAC(key, hash []byte, adminID string, session []byte, expires int64) []byte {
	return newRowMAC(rowDeviceLink).bytes(hash).str(adminID).bytes(session).int(expires).sum(key)
}

// macOK reports, in constant time, whether got is the MAC want.
func macOK(got, want []byte) bool { return len(got) == len(want) && hmac.Equal(got, want) }

// sessionOK reports whether sess, read from the row of hash h with MAC
// mac, is one plenum wrote; if not, it is logged (rowRefused).
func (s *Store) sessionOK(h []byte, sess *Session, mac []byte) bool {
	if macOK(mac, sessionMAC(s.opts.RowKey, h, sess.Assembly, sess.Person, sess.Admin, sess.adminID, sess.Created.UnixNano(), sess.Expires.UnixNano())) {
		return true
	}
	s.rowRefused(rowSession)
	return false
}

// refusedRows notes, per kind of row, that a row not written by plenum
// was refused, so that it is logged once per process.
type refusedRows struct {
	code, session, adminToken, deviceLink atomic.Bool
}

// rowRefused logs, once per kind of row and process, that a row of kind
// was refused for its MAC: which row is not said (the log is no place to
// tell a reader of it where a planted code or session is).
func (s *Store) rowRefused(kind string) {
	var once *atomic.Bool
	switch kind {
	case rowCode:
		once = &s.refused.code
	case rowSession:
		once = &s.refused.session
	case rowAdminToken:
		once = &s.refused.adminToken
	default:
		once = &s.refused.deviceLink
	}
	if once.Swap(true) {
		return
	}
	what := map[string]string{
		rowCode:       "an access code",
		rowSession:    "a session",
		rowAdminToken: "an administrator link",
		rowDeviceLink: "an administrator's device link",
	}[kind]
	s.opts.Logger.Error("auth: "+what+" row not written by plenum was refused — the database was edited outside plenum (or by a server with another signing key); it admits nobody (logged once)", "table", kind)
}

// sealedKey is the access_meta row that says the rows of a database from
// before the MACs were sealed (sealOldRows): when, and a MAC of that
// under the row key, so that nobody without the key can write it.
const sealedKey = "rows_sealed"

func sealedMAC(key []byte, when string) string {
	return hex.EncodeToString(newRowMAC("access_meta rows_sealed").str(when).sum(key))
}

// sealOldRows gives the rows a plenum wrote before the rows carried MACs
// (migration 0020 left their mac NULL) their MAC, once, at the first
// start of this plenum on the database, and notes it (access_meta
// rows_sealed, itself under a MAC). Sealing them keeps every printed
// card's code and every session working across the upgrade, mid-assembly
// too; the price is that a row planted in the database before the
// upgrade is sealed with the others (docs/access.md says so). After it,
// a row without a MAC is refused: a row written later by an earlier
// plenum node still running on the same PostgreSQL, or by hand.
//
// Once means once: if the note is missing or not under this key, but a
// row already carries a MAC under this key, the database was sealed
// before and the note was removed outside plenum: nothing is sealed (a
// row planted since would be) and the note is written again.
func (s *Store) sealOldRows(ctx context.Context) (err error) {
	defer func() { err = s.writeError(err) }()
	if sealed, err := s.rowsSealed(ctx, s.db.W); sealed || err != nil {
		return err
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// One node at a time (SQLite's transactions are already): a node
	// starting beside another that has just sealed finds its note, and
	// does not take the rows it sealed for an edit.
	if s.db.Postgres {
		if _, err := tx.ExecContext(ctx, `LOCK TABLE access_meta IN SHARE ROW EXCLUSIVE MODE`); err != nil {
			return err
		}
	}
	if sealed, err := s.rowsSealed(ctx, tx); sealed || err != nil {
		return err
	}
	sealedBefore, err := s.anyRowSealed(ctx, tx)
	if err != nil {
		return err
	}
	n := 0
	if sealedBefore {
		s.opts.Logger.Error("auth: the note that this database's access rows were sealed (access_meta rows_sealed) is missing or was not written by plenum, though its rows carry MACs: the database was edited outside plenum; rows without a MAC stay refused")
	} else if n, err = s.sealRows(ctx, tx); err != nil {
		return err
	}
	when := s.opts.Now().UTC().Format(time.RFC3339Nano)
	if err := s.setMeta(ctx, tx, sealedKey, when+" "+sealedMAC(s.opts.RowKey, when)); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	s.cache.reset()
	if n > 0 {
		s.opts.Logger.Info("auth: the access codes, sessions and administrator links written before this plenum were sealed with the server's key (once, at the first start after the upgrade); from now on a row without a valid MAC admits nobody", "rows", n)
	}
	return nil
}

// rowsSealed reports whether the note that the rows were sealed is
// there and plenum's (under the row key).
func (s *Store) rowsSealed(ctx context.Context, e execer) (bool, error) {
	var v string
	switch err := s.queryRow(ctx, e, `SELECT v FROM access_meta WHERE k = ?`, sealedKey).Scan(&v); {
	case err == nil:
		when, mac, ok := cutLast(v)
		return ok && hmac.Equal([]byte(mac), []byte(sealedMAC(s.opts.RowKey, when))), nil
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	default:
		return false, err
	}
}

// cutLast splits v at its last space.
func cutLast(v string) (before, after string, ok bool) {
	i := bytes.LastIndexByte([]byte(v), ' ')
	if i < 0 {
		return "", "", false
	}
	return v[:i], v[i+1:], true
}

// anyRowSealed reports whether any row of the four tables carries a valid
// MAC under the store's key.
func (s *Store) anyRowSealed(ctx context.Context, tx *sql.Tx) (bool, error) {
	found := false
	err := s.eachOldRow(ctx, tx, `mac IS NOT NULL`, func(kind string, hash []byte, mac, want []byte) error {
		if macOK(mac, want) {
			found = true
		}
		return nil
	})
	return found, err
}

// sealRows writes the MAC of every row of the four tables that has none,
// in tx, and returns how many.
func (s *Store) sealRows(ctx context.Context, tx *sql.Tx) (int, error) {
	type row struct {
		kind       string
		hash, want []byte
	}
	var rows []row
	err := s.eachOldRow(ctx, tx, `mac IS NULL`, func(kind string, hash, _, want []byte) error {
		rows = append(rows, row{kind, hash, want})
		return nil
	})
	if err != nil {
		return 0, err
	}
	for _, r := range rows {
		if _, err := s.exec(ctx, tx, `UPDATE `+r.kind+` SET mac = ? WHERE hash = ? AND mac IS NULL`, r.want, r.hash); err != nil {
			return 0, err
		}
	}
	return len(rows), nil
}

// eachOldRow calls f for every row of the four tables matching where,
// with its MAC as stored and the MAC it would have under the store's key.
func (s *Store) eachOldRow(ctx context.Context, tx *sql.Tx, where string, f func(kind string, hash, mac, want []byte) error) error {
	key := s.opts.RowKey
	each := func(kind, cols string, scan func(r *sql.Rows) (hash, mac, want []byte, err error)) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+cols+`, mac FROM `+kind+` WHERE `+where)
		if err != nil {
			return err
		}
		var all [][3][]byte
		err = eachRow(rows, func(r *sql.Rows) error {
			h, mac, want, err := scan(r)
			all = append(all, [3][]byte{h, mac, want})
			return err
		})
		if err != nil {
			return err
		}
		for _, r := range all {
			if err := f(kind, r[0], r[1], r[2]); err != nil {
				return err
			}
		}
		return nil
	}
	if err := each(rowCode, `hash, assembly, person, created, expires`, func(r *sql.Rows) ([]byte, []byte, []byte, error) {
		var h, mac []byte
		var a, p string
		var created, exp int64
		err := r.Scan(&h, &a, &p, &created, &exp, &mac)
		return h, mac, codeMAC(key, h, a, p, created, exp), err
	}); err != nil {
		return err
	}
	if err := each(rowSession, `hash, assembly, person, admin, admin_id, created, expires`, func(r *sql.Rows) ([]byte, []byte, []byte, error) {
		var h, mac []byte
		var a, p, id string
		var admin bool
		var created, exp int64
		err := r.Scan(&h, &a, &p, &admin, &id, &created, &exp, &mac)
		return h, mac, sessionMAC(key, h, a, p, admin, id, created, exp), err
	}); err != nil {
		return err
	}
	if err := each(rowAdminToken, `hash, admin_id, expires`, func(r *sql.Rows) ([]byte, []byte, []byte, error) {
		var h, mac []byte
		var id string
		var exp int64
		err := r.Scan(&h, &id, &exp, &mac)
		return h, mac, adminTokenMAC(key, h, id, exp), err
	}); err != nil {
		return err
	}
	return each(rowDeviceLink, `hash, admin_id, session, expires`, func(r *sql.Rows) ([]byte, []byte, []byte, error) {
		var h, mac, sess []byte
		var id string
		var exp int64
		err := r.Scan(&h, &id, &sess, &exp, &mac)
		return h, mac, deviceLinkMAC(key, h, id, sess, exp), err
	})
}
