package web

import (
	"context"
	"encoding/base64"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"time"

	"rsc.io/qr"

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
//
// A server administrator has no card and no code: his page says so in
// his words, and offers him "Log in on another device", a one-time
// device link (auth.Store.NewDeviceLink) that logs his phone or another
// computer in as the same administrator, so that the page lists it and
// "Log out everywhere else" ends it.

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
	v.DeviceLink, _ = r.Context().Value(deviceLinkKey{}).(*deviceLink)
	return true
}

// deviceLink is a server administrator's device link just made, shown
// once on the page that answers his "Log in on another device", and
// nowhere else: it is in no address, no cookie, no log, and the page is
// not kept (no-store).
type deviceLink struct {
	// Link is the address that logs the other device in (auth.AdminLink
	// with the server's base address, as the cards' links).
	Link string
	// QR is Link as a QR code, a PNG image's data URL, Side pixels wide
	// on the page.
	QR   template.URL
	Side int
	// Expires is when the link stops working unused.
	Expires time.Time
}

// deviceLinkKey carries the device link just made to the page rendered
// in answer (ownSessions).
type deviceLinkKey struct{}

// qrSide is about how wide, in CSS pixels, the page shows a device
// link's QR code: large enough for a phone's camera at arm's length,
// small enough for a phone's screen 360 pixels wide.
const qrSide = 240

// newDeviceLink serves POST /a/{id}/sessions/device-link, the
// administrator's "Log in on another device": it makes a device link
// from his session (auth.Store.NewDeviceLink), from this site's page only
// (pageForm: the Origin and the form's CSRF token), and answers with the
// sessions page showing it, with its QR code and until when it works. A
// person's session is refused (403) and nothing is made: a person logs
// in on another device with the code of their card.
func (s *server) newDeviceLink(w http.ResponseWriter, r *http.Request) {
	a, sess, fail, ok := s.pageForm(w, r, "sessions", 4<<10)
	if !ok {
		return
	}
	l := localeOf(r, a)
	if !sess.Admin {
		http.Error(w, l.T("web.ses.dl_not_admin"), http.StatusForbidden)
		return
	}
	token, expires, err := s.auth.NewDeviceLink(r.Context(), auth.Token(r))
	if err != nil {
		status, key := deviceLinkRefusal(err)
		switch status {
		case http.StatusForbidden, http.StatusUnauthorized:
			http.Error(w, l.T(key), status)
		default:
			if status != http.StatusConflict {
				s.opts.Logger.Error("web: making a device link failed", "err", err)
			}
			fail(l.T(key))
		}
		return
	}
	dl := &deviceLink{Link: auth.AdminLink(s.baseURL(r), token), Expires: expires}
	code, err := qr.Encode(dl.Link, qr.M)
	if err != nil {
		// A link of a base address too long for a QR code: the link is
		// shown all the same, to be typed or copied.
		s.opts.Logger.Warn("web: a device link's QR code failed", "err", err)
	} else {
		// Drawn at twice the pixels shown, for a sharp code on a
		// phone's screen.
		modules := code.Size + 8 // the code and its quiet zone
		code.Scale = max(1, qrSide/modules) * 2
		dl.Side = modules * code.Scale / 2
		dl.QR = template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(code.PNG()))
	}
	// The page is the sessions page's, at its address: the language
	// switch returns there, not to this form's.
	page := r.WithContext(context.WithValue(r.Context(), deviceLinkKey{}, dl))
	u := *r.URL
	u.Path, u.RawPath = "/a/"+a.ID()+"/sessions", ""
	page.URL = &u
	s.servePage(w, page, "sessions", needLogin, nil)
}

// deviceLinkRefusal is the status and the words (a key of the catalog)
// of a device link auth.Store.NewDeviceLink refused: a person's session
// (403), an administrator's session of an earlier plenum, which no other
// device can join (409, said on the page), a session ended since the
// request was read (401); anything else is the database's (503, said on
// the page).
func deviceLinkRefusal(err error) (status int, key string) {
	switch {
	case errors.Is(err, auth.ErrNotAdministrator):
		return http.StatusForbidden, "web.ses.dl_not_admin"
	case errors.Is(err, auth.ErrAdministratorOfOld):
		return http.StatusConflict, "web.ses.dl_of_old"
	case errors.Is(err, auth.ErrNoSession):
		return http.StatusUnauthorized, "web.ses.dl_no_session"
	}
	return http.StatusServiceUnavailable, "web.ses.dl_failed"
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
