package auth

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// An administrator's devices. A server administrator logs in with a
// one-time link, and each link is an administrator of his own
// (Session.adminID): the sessions page lists, and "Log out everywhere
// else" ends, only the sessions of his link, never another
// administrator's. A link logs in once, so an administrator on a second
// device, with a second link from the operator, was a second
// administrator, and each device's page listed itself alone. A device
// link, made from a logged-in administrator's session, logs another
// device in as the same administrator: his page lists every device he
// logged in that way, and he can end them from any of them.

// DeviceLinkTTL is how long a device link stays valid unused: long
// enough to open on a phone held beside the screen, short, since it
// logs in as the server administrator.
const DeviceLinkTTL = 10 * time.Minute

// ErrNotAdministrator refuses a device link to a session that is not a
// server administrator's: a person logs in on another device with the
// access code of their card.
var ErrNotAdministrator = errors.New("only a server administrator makes a link for another device: a person logs in there with the access code of their card")

// ErrAdministratorOfOld refuses a device link to a server
// administrator's session made before plenum told administrators apart
// (no adminID): it is an administrator of its own, whom no other session
// can join.
var ErrAdministratorOfOld = errors.New("this administrator session was made by an earlier plenum and cannot bring in another device: ask the operator for a new administrator link (plenum access admin-link), log in with it, and make the device link from there")

// NewDeviceLink returns a one-time administrator token (AdminLink makes
// the link) that logs another device in as the server administrator of
// the session token is, the same one (LoginAdmin gives the session his
// adminID), and until when it is valid (DeviceLinkTTL, and never past
// the session's expiry). It is valid only while that session lives: it
// dies with it (deviceLinkOf). It voids his earlier unused device link,
// not the operator's link nor another administrator's. The session must still be live when the token is
// made, in the same statement: a ResetAdmin ending the administrators'
// sessions either ends it first, and no token is made, or deletes the
// token with the others. ErrNoSession for a token that is no live
// session, ErrNotAdministrator for a person's session,
// ErrAdministratorOfOld for an administrator's of an earlier plenum.
func (s *Store) NewDeviceLink(ctx context.Context, token string) (_ string, _ time.Time, err error) {
	me, err := s.Session(ctx, token)
	switch {
	case err != nil:
		return "", time.Time{}, err
	case !me.Admin:
		return "", time.Time{}, ErrNotAdministrator
	case me.adminID == "":
		return "", time.Time{}, ErrAdministratorOfOld
	}
	defer func() { err = s.writeError(err) }()
	tx, err := s.begin(ctx)
	if err != nil {
		return "", time.Time{}, err
	}
	defer tx.Rollback()
	if err := s.voidDeviceLinks(ctx, tx, me.adminID); err != nil {
		return "", time.Time{}, err
	}
	now := s.opts.Now()
	exp := now.Add(DeviceLinkTTL).UTC()
	if me.Expires.Before(exp) {
		exp = me.Expires.UTC() // it dies with the session (deviceLinkOf)
	}
	t, h := newToken()
	sh := hashToken(token)
	// Made from the session's row, held (on PostgreSQL, a shared lock)
	// until the commit, so that a ResetAdmin ending it cannot slip
	// between the look-up and the insert (see ResetAdmin for the other
	// half).
	// The row's admin_id and session are those the WHERE asks for, so
	// its MAC is made from them here.
	q := `INSERT INTO access_device_links (hash, admin_id, session, expires, mac)
		SELECT ?, admin_id, hash, ?, ? FROM access_sessions WHERE hash = ? AND admin AND admin_id = ? AND expires > ?`
	if s.db.Postgres {
		q += ` FOR SHARE`
	}
	mac := deviceLinkMAC(s.opts.RowKey, h[:], me.adminID, sh[:], exp.UnixNano())
	res, err := s.exec(ctx, tx, q, h[:], exp.UnixNano(), mac, sh[:], me.adminID, now.UnixNano())
	if err != nil {
		return "", time.Time{}, err
	}
	if n, err := res.RowsAffected(); err != nil {
		return "", time.Time{}, err
	} else if n == 0 {
		return "", time.Time{}, ErrNoSession // ended since it was read
	}
	if err := tx.Commit(); err != nil {
		return "", time.Time{}, err
	}
	return t, exp, nil
}

// Device links are kept in access_device_links (migration 0018), apart
// from the operator's links in access_admin_tokens: an earlier plenum
// node on the same PostgreSQL looks a link up in access_admin_tokens
// alone, and took a device link there (migration 0017) for one of the
// operator's, logging the device in as an administrator of its own. It
// finds none now and refuses the link without using it up, as one not
// valid (docs/cluster.md, "Upgrading the nodes").

// deviceLinkOf uses up the device link of hash h in tx, and returns until
// when it was valid and the administrator it logs in as. A link whose
// session (the one that made it) is over, logged out, ended or expired,
// was valid until never: it is worth no more than that session. The
// session's row is held (on PostgreSQL, a shared lock) until the commit,
// so that it is not ended between the look-up and the new session.
// sql.ErrNoRows if there is no such link, or its row (or its session's)
// is not plenum's (rowmac.go).
func (s *Store) deviceLinkOf(ctx context.Context, tx *sql.Tx, h [32]byte) (exp int64, adminID string, err error) {
	var maker, mac []byte
	err = s.queryRow(ctx, tx, `DELETE FROM access_device_links WHERE hash = ? RETURNING expires, admin_id, session, mac`, h[:]).Scan(&exp, &adminID, &maker, &mac)
	if err != nil {
		return 0, "", err
	}
	if !macOK(mac, deviceLinkMAC(s.opts.RowKey, h[:], adminID, maker, exp)) {
		s.rowRefused(rowDeviceLink)
		return 0, "", sql.ErrNoRows
	}
	q := `SELECT assembly, person, created, expires, mac FROM access_sessions WHERE hash = ? AND admin AND admin_id = ? AND expires > ?`
	if s.db.Postgres {
		q += ` FOR SHARE`
	}
	sess := Session{Admin: true, adminID: adminID}
	var created, sexp int64
	switch err := s.queryRow(ctx, tx, q, maker, adminID, s.opts.Now().UnixNano()).Scan(&sess.Assembly, &sess.Person, &created, &sexp, &mac); {
	case errors.Is(err, sql.ErrNoRows):
		return 0, adminID, nil
	case err != nil:
		return 0, "", err
	}
	sess.Created, sess.Expires = time.Unix(0, created), time.Unix(0, sexp)
	if !s.sessionOK(maker, &sess, mac) {
		return 0, adminID, nil // its session is no session of plenum's
	}
	return exp, adminID, nil
}

// voidDeviceLinks deletes the unused device links of the administrator
// adminID, in tx: those of an earlier node too (access_admin_tokens,
// migration 0017).
func (s *Store) voidDeviceLinks(ctx context.Context, tx *sql.Tx, adminID string) error {
	for _, q := range []string{`DELETE FROM access_device_links WHERE admin_id = ?`, `DELETE FROM access_admin_tokens WHERE admin_id = ?`} {
		if _, err := s.exec(ctx, tx, q, adminID); err != nil {
			return err
		}
	}
	return nil
}
