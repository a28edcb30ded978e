package auth

import (
	"context"
	"net/http"
	"sort"
	"time"
)

// OwnSession is one of a person's live sessions, as the person may see
// it: the browser and platform that logged in (Device: not the
// User-Agent, nor any address, which auth does not keep), when it began,
// was last used and ends, and whether it is the one asking.
type OwnSession struct {
	Device  Device
	Created time.Time
	// Used is when the session was last used, to about UsedEvery (a
	// session made by an earlier plenum: when it was made, until it is
	// used again).
	Used    time.Time
	Expires time.Time
	// Current marks the session of the request that asked.
	Current bool
}

// Token returns the session token r's cookie carries ("" if none, or if
// several session cookies differ: see sessionCookie).
func Token(r *http.Request) string { return sessionCookie(r) }

// OwnSessions lists the live sessions of the person whose session token
// is (ownerWhere: the same assembly and person; a server administrator's,
// those of the same administrator, not every one's), newest first, the
// token's own marked Current. It reads the database, so sessions made
// through other nodes are listed. An unknown or expired token gives
// ErrNoSession.
func (s *Store) OwnSessions(ctx context.Context, token string) ([]OwnSession, error) {
	me, err := s.Session(ctx, token)
	if err != nil {
		return nil, err
	}
	h := hashToken(token)
	owner, args := ownerWhere(me, h)
	rows, err := s.db.R.QueryContext(ctx, s.db.Rebind(`SELECT hash, assembly, person, admin, admin_id, created, expires, used, browser, platform, mac FROM access_sessions WHERE `+owner+` AND expires > ?`),
		append(args, s.opts.Now().UnixNano())...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OwnSession
	for rows.Next() {
		var hb, mac []byte
		var created, exp, used int64
		var d Device
		var row Session
		if err := rows.Scan(&hb, &row.Assembly, &row.Person, &row.Admin, &row.adminID, &created, &exp, &used, &d.Browser, &d.Platform, &mac); err != nil {
			return nil, err
		}
		row.Created, row.Expires = time.Unix(0, created), time.Unix(0, exp)
		if !s.sessionOK(hb, &row, mac) || s.voided(&row) {
			continue // not plenum's, or voided since: no session of the person's
		}
		// A use marked here and not yet written counts too.
		used = max(used, created, s.pendingUse(hb))
		out = append(out, OwnSession{
			Device:  knownDevice(d),
			Created: time.Unix(0, created).UTC(),
			Used:    time.Unix(0, used).UTC(),
			Expires: time.Unix(0, exp).UTC(),
			Current: string(hb) == string(h[:]),
		})
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Current != out[j].Current {
			return out[i].Current
		}
		return out[i].Created.After(out[j].Created)
	})
	return out, nil
}

// EndOtherSessions ends every session of the person whose session token
// is (ownerWhere, as OwnSessions) but token's own,
// and returns how many it ended. The ended sessions are refused at once:
// by this process (dropped from the session cache before and after, as
// replaceCodes does) and by every other node on the database, which reads
// sessions there. The person's access code is left as it is: whoever
// holds the card can log in again with it until the mandate commission
// re-issues or revokes it. Each session ended leaves a note for the
// browser that held it (EndedSession). A server administrator's unused
// device link (NewDeviceLink) is voided too. An unknown or expired token gives
// ErrNoSession and ends nothing.
func (s *Store) EndOtherSessions(ctx context.Context, token string) (_ int64, err error) {
	me, err := s.Session(ctx, token)
	if err != nil {
		return 0, err
	}
	keep := hashToken(token)
	s.cache.dropOthers(me, keep)
	defer func() {
		if err != nil {
			// The sessions may live on, but are no longer in a
			// complete cache: read them all again.
			s.cache.reset()
			err = s.writeError(err)
			return
		}
		s.cache.dropOthers(me, keep)
	}()
	owner, args := ownerWhere(me, keep)
	tx, err := s.begin(ctx)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	// Each session ended leaves a note for its browser (EndedSession):
	// whoever holds it learns that it was ended from another device of
	// the person's, and, if that was not them, that someone else has one.
	n, err := s.endSessions(ctx, tx, &ending{why: EndedElsewhere, by: me.Person}, owner+` AND hash <> ?`, append(args, keep[:])...)
	if err != nil {
		return 0, err
	}
	if me.Admin && me.adminID != "" {
		// An administrator's device link not yet used would bring in
		// another device: it is voided with the devices he ends.
		if err := s.voidDeviceLinks(ctx, tx, me.adminID); err != nil {
			return 0, err
		}
	}
	return n, tx.Commit()
}

// ownerWhere is the condition, and its arguments, that picks the
// sessions of the owner of me, the session of hash h: a person's, those
// of the same assembly and person; a server administrator's, those of the
// same administrator (Session.adminID) — all server administrators act
// as the one AdminPerson, and none may see or end another's sessions. An
// administrator's session made before plenum told them apart has no id
// and is an administrator of its own: it picks itself alone. sameOwner
// is the same test on a session in memory.
func ownerWhere(me *Session, h [32]byte) (string, []any) {
	switch {
	case !me.Admin:
		return `assembly = ? AND person = ? AND NOT admin`, []any{me.Assembly, me.Person}
	case me.adminID != "":
		return `admin AND admin_id = ?`, []any{me.adminID}
	}
	return `hash = ?`, []any{h[:]}
}

// sameOwner reports whether sess, of hash h, has the owner of me, of hash
// mine, as ownerWhere picks them.
func sameOwner(me *Session, mine [32]byte, sess *Session, h [32]byte) bool {
	switch {
	case !me.Admin:
		return !sess.Admin && sess.Assembly == me.Assembly && sess.Person == me.Person
	case me.adminID != "":
		return sess.Admin && sess.adminID == me.adminID
	}
	return h == mine
}

// dropOthers forgets the sessions of me's owner (sameOwner) but the one
// of hash keep, me's own (see drop for when).
func (c *sessionCache) dropOthers(me *Session, keep [32]byte) {
	c.dropWhere(func(h [32]byte, s Session) bool {
		return h != keep && sameOwner(me, keep, &s, h)
	})
}
