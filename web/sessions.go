package web

import (
	"errors"
	"net/http"
	"net/url"
	"time"

	"plenum/auth"
	"plenum/engine"
)

// The sessions page, /a/{id}/sessions: where the viewer is logged in.
// Whoever photographed a mandate card can log in with its code beside its
// owner; the page lets the owner see every live session of theirs — the
// browser and platform that logged in ("Chrome on Android": auth keeps
// these two names, never the User-Agent, nor any address), when it
// logged in and when it was last used — and end all but the one of this
// device. Ending them does not
// void the code: only the mandate commission's re-issue does, as the page
// says.

// ownSessions puts the viewer's own sessions into v; otherwise it has
// answered (503: the sessions could not be read) and reports false.
func (s *server) ownSessions(w http.ResponseWriter, r *http.Request, a *engine.Assembly, v *view) bool {
	list, err := s.auth.OwnSessions(r.Context(), auth.Token(r))
	if errors.Is(err, auth.ErrNoSession) {
		// Ended between the look-up of the request's session and now.
		http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return false
	}
	if err != nil {
		s.opts.Logger.Error("web: reading a person's sessions failed", "assembly", a.ID(), "err", err)
		w.Header().Set("Retry-After", "1")
		plainError(w, r, a, http.StatusServiceUnavailable, "web.ses.unavailable")
		return false
	}
	v.Sessions = list
	return true
}

// endOtherSessions serves POST /a/{id}/sessions, the page's "log out
// everywhere else": it ends every session of the viewer's but this one
// (auth.Store.EndOtherSessions), from this site's page only (pageForm:
// the Origin and the form's CSRF token).
func (s *server) endOtherSessions(w http.ResponseWriter, r *http.Request) {
	a, _, fail, ok := s.pageForm(w, r, "sessions", 4<<10)
	if !ok {
		return
	}
	l := localeOf(r, a)
	n, err := s.auth.EndOtherSessions(r.Context(), auth.Token(r))
	if err != nil {
		if !errors.Is(err, auth.ErrNoSession) {
			s.opts.Logger.Error("web: ending a person's other sessions failed", "assembly", a.ID(), "err", err)
		}
		fail(l.T("web.ses.end_failed"))
		return
	}
	setFlash(w, a.ID(), flash{Text: l.T("web.ses.ended", n)})
	http.Redirect(w, r, "/a/"+a.ID()+"/sessions", http.StatusSeeOther)
}

// Device writes the device of a session in the page's language:
// "Chrome on Android", "Chrome", "Unknown browser on Windows", "Unknown
// browser". The names of browsers and platforms are not translated.
func (v *view) Device(d auth.Device) string {
	b := d.Browser
	if b == "" {
		b = v.L.T("web.ses.unknown_browser")
	}
	if d.Platform == "" {
		return b
	}
	return v.L.T("web.ses.device", b, d.Platform)
}

// Moment writes a moment as the page's language writes its day, with
// the hall's clock time ("2026-12-06 09:41", "6. Dezember 2026, 09:41").
func (v *view) Moment(t time.Time) string {
	loc := v.Loc
	if loc == nil {
		loc = time.Local
	}
	t = t.In(loc)
	return v.L.Date(t) + ", " + t.Format("15:04")
}
