package auth

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Why a session was ended by someone else than the browser holding it
// (EndedSession.Why).
const (
	// EndedRevoked: the person's access code was revoked (cards.Revoke).
	EndedRevoked = "revoked"
	// EndedReplaced: a new access code was issued for the person, which
	// voids the earlier one and ends its sessions.
	EndedReplaced = "replaced"
	// EndedElsewhere: the person logged out of their other devices from
	// one of them (the sessions page, EndOtherSessions).
	EndedElsewhere = "elsewhere"
	// EndedAdminLink: the operator made a new administrator link on the
	// server's console and ended every server administrator's session
	// with it (plenum access admin-link --end-sessions, ResetAdmin).
	EndedAdminLink = "admin_link"
)

// EndedKeep is how long the note of an ended session is kept at most: the
// browser that held the session is told why it ended if it comes back
// within that time (and before the session would have expired, when its
// cookie is gone from the browser anyway).
const EndedKeep = 7 * 24 * time.Hour

// maxEndedReason bounds, in characters, the revocation's reason an ended
// session's note keeps (the table allows 2,000).
const maxEndedReason = 1000

// EndedSession is what a browser whose session someone else ended is told
// of it: when, why, by whom. A plain logout leaves none: the person who
// logged out knows, and their browser no longer holds the cookie.
type EndedSession struct {
	Assembly string
	Person   string
	At       time.Time
	// Why is EndedRevoked, EndedReplaced, EndedElsewhere or
	// EndedAdminLink.
	Why string
	// By is the person id of whoever ended it: the officer who revoked
	// or replaced the code (AdminPerson for a server administrator), or
	// the person themself from another device. "" when no one is known
	// (RevokeCodes, an issue voided at a server's start) and for
	// EndedAdminLink: the operator at the server's console is no person.
	By string
	// Reason is a revocation's reason, as the record has it ("" for
	// the others).
	Reason string
}

// ending is why, by whom and for what reason sessions are being ended
// (EndedSession's fields); nil ends them leaving no note.
type ending struct {
	why, by, reason string
}

// RevokeCodesBy is RevokeCodes on officer by's authority, for reason (as
// the assembly's log records the revocation): each session it ends leaves
// a note (EndedSession) for the browser that held it.
func (s *Store) RevokeCodesBy(ctx context.Context, assemblyID string, persons []string, by, reason string) error {
	return s.replaceCodes(ctx, assemblyID, persons, &ending{why: EndedRevoked, by: by, reason: reason}, nil)
}

// IssueRecordedCodesBy is IssueRecordedCodes for an issue officer by
// made: each session it ends (of a code it replaces) leaves a note
// (EndedSession) for the browser that held it.
func (s *Store) IssueRecordedCodesBy(ctx context.Context, assemblyID string, persons []string, recorded time.Time, by string) ([]Code, error) {
	return s.issueRecordedCodes(ctx, assemblyID, persons, recorded, &ending{why: EndedReplaced, by: by})
}

// endSessions deletes, in tx, the sessions picked by where (a condition
// on access_sessions, with its arguments) and returns how many it
// deleted. With e, each leaves a note in access_sessions_ended, kept
// EndedKeep and no longer than the session would have lasted, and the
// notes past their time are deleted: so the table holds one row per
// session ended within a week, whatever is ended. Ending none (a
// person's first code) writes nothing more.
func (s *Store) endSessions(ctx context.Context, tx *sql.Tx, e *ending, where string, args ...any) (int64, error) {
	if e == nil {
		res, err := s.exec(ctx, tx, `DELETE FROM access_sessions WHERE `+where, args...)
		if err != nil {
			return 0, err
		}
		return res.RowsAffected()
	}
	type gone struct {
		hash             []byte
		assembly, person string
		expires          int64
	}
	var ended []gone
	rows, err := tx.QueryContext(ctx, s.db.Rebind(`DELETE FROM access_sessions WHERE `+where+` RETURNING hash, assembly, person, expires`), args...)
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var g gone
		if err := rows.Scan(&g.hash, &g.assembly, &g.person, &g.expires); err != nil {
			rows.Close()
			return 0, err
		}
		ended = append(ended, g)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return 0, err
	}
	if len(ended) == 0 {
		return 0, nil // nothing to note: a first issue costs nothing more
	}
	now := s.opts.Now().UTC()
	if _, err := s.exec(ctx, tx, `DELETE FROM access_sessions_ended WHERE expires <= ?`, now.UnixNano()); err != nil {
		return 0, err
	}
	reason := e.reason
	if r := []rune(reason); len(r) > maxEndedReason {
		reason = string(r[:maxEndedReason-1]) + "…"
	}
	keep := now.Add(EndedKeep).UnixNano()
	for _, g := range ended {
		if g.expires <= now.UnixNano() {
			continue // over already: its browser no longer sends the cookie
		}
		if _, err := s.exec(ctx, tx, `INSERT INTO access_sessions_ended (hash, assembly, person, ended, why, ended_by, reason, expires) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (hash) DO NOTHING`,
			g.hash, g.assembly, g.person, now.UnixNano(), e.why, e.by, reason, min(keep, g.expires)); err != nil {
			return 0, err
		}
	}
	return int64(len(ended)), nil
}

// EndedSession returns the note of the session whose token is (a
// browser's cookie), if someone else ended it within EndedKeep: nil if
// there is none — a session never made, still live, ended by a plain
// logout, or whose note has lapsed. It is found by the token's hash
// alone, as the session was, so a browser can read only the note of the
// session it held. It reads the database, so a session ended through
// another node is told here too.
func (s *Store) EndedSession(ctx context.Context, token string) (*EndedSession, error) {
	if token == "" {
		return nil, nil
	}
	h := hashToken(token)
	var e EndedSession
	var at int64
	err := s.queryRow(ctx, s.db.R, `SELECT assembly, person, ended, why, ended_by, reason FROM access_sessions_ended WHERE hash = ? AND expires > ?`,
		h[:], s.opts.Now().UnixNano()).Scan(&e.Assembly, &e.Person, &at, &e.Why, &e.By, &e.Reason)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	e.At = time.Unix(0, at).UTC()
	return &e, nil
}
