package web

import (
	"net/http"
	"slices"
	"time"

	"plenum/assembly"
	"plenum/auth"
)

// The login form tells a browser whose session someone else ended why
// (auth.EndedSession): a delegate whose access code an officer revoked,
// or replaced, is otherwise sent to the login page with no word, and if
// an insider replaced the code to vote in their name, would never learn
// it. The note is found by the cookie the browser still sends, and only
// by it; a plain logout leaves none.

// endedView is what the login page says of the session its browser held:
// the note, and whoever ended it named as the record names persons.
type endedView struct {
	auth.EndedSession
	// ByName is the display name of whoever ended it ("" if no one is
	// known, or a server administrator); Office the office by which they
	// may revoke and issue codes there, administrator or mandate
	// commission (a role of web.su.role.*; "" for none, or when the
	// person ended it themself).
	ByName, Office string
}

// endedSession is the note of the session r's cookie held, if someone
// else ended it, for the login page; nil if there is none or it could not
// be read (the page is served all the same, without it: a database that
// cannot be reached is told by the login itself).
func (s *server) endedSession(r *http.Request) *endedView {
	e, err := s.auth.EndedSession(r.Context(), auth.Token(r))
	if err != nil {
		s.opts.Logger.Warn("web: reading why a session ended failed", "err", err)
		return nil
	}
	if e == nil {
		return nil
	}
	v := &endedView{EndedSession: *e}
	if e.By == "" || e.By == auth.AdminPerson {
		return v
	}
	v.ByName = e.By
	if a, ok := s.eng.Assembly(e.Assembly); ok {
		a.Read(func(st *assembly.State) {
			if p := st.Persons[e.By]; p != nil && p.Name != "" {
				v.ByName = p.Name
			}
			if e.Why == auth.EndedElsewhere {
				return
			}
			roles := st.Offices(e.By).Roles
			for _, r := range []assembly.Role{assembly.RoleAdministrator, assembly.RoleMandateCommission} {
				if slices.Contains(roles, string(r)) {
					v.Office = string(r)
					return
				}
			}
		})
	}
	return v
}

// EndedNote is the login page's sentence on the session its browser held
// and someone else ended: when (the hall's clock; with the day, if not
// today), why, by whom and, for a revocation, the reason the record
// gives, then what to do if the person did not ask for it. "" if there is
// none. A server administrator's session, ended from another device of
// his or by the operator's new administrator link, is told in his own
// words: he has no access code, and no mandate commission to go to. The name and the reason, typed by people, are isolated (option)
// should they be written right to left.
func (v *view) EndedNote() string {
	e := v.ended
	if e == nil {
		return ""
	}
	at := v.Clock(e.At)
	loc := v.Loc
	if loc == nil {
		loc = time.Local
	}
	if y, m, d := e.At.In(loc).Date(); v.Now.IsZero() || !sameDay(v.Now.In(loc), y, m, d) {
		at = v.Moment(e.At)
	}
	by := ""
	switch {
	case e.By == auth.AdminPerson:
		by = v.L.T("web.es.server_admin")
	case e.Office != "":
		by = v.L.T("web.es.officer", option(e.ByName), v.L.T("web.su.role."+e.Office))
	default:
		by = option(e.ByName)
	}
	switch e.Why {
	case auth.EndedRevoked:
		switch {
		case by != "" && e.Reason != "":
			return v.L.T("web.es.revoked_by_for", at, by, option(e.Reason))
		case by != "":
			return v.L.T("web.es.revoked_by", at, by)
		}
		return v.L.T("web.es.revoked", at)
	case auth.EndedReplaced:
		if by != "" {
			return v.L.T("web.es.replaced_by", at, by)
		}
		return v.L.T("web.es.replaced", at)
	case auth.EndedAdminLink:
		return v.L.T("web.es.admin_link", at)
	}
	if e.Person == auth.AdminPerson {
		// A server administrator has no access code and no mandate
		// commission: another device of his logged in with a device
		// link, or with the link he logged in with.
		return v.L.T("web.es.admin_elsewhere", at)
	}
	return v.L.T("web.es.elsewhere", at)
}

// sameDay reports whether t falls on the day y-m-d.
func sameDay(t time.Time, y int, m time.Month, d int) bool {
	ty, tm, td := t.Date()
	return ty == y && tm == m && td == d
}
