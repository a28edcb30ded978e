package auth

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"math"
	"mime"
	"net/http"
	"net/netip"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"plenum/i18n"
)

// CookieName is the name of the session cookie over plain HTTP.
const CookieName = "plenum_session"

// HostCookieName is the name of the session cookie over https (Secure):
// with the __Host- prefix a browser keeps it only if it is Secure, has
// Path=/ and no Domain, set by this very host over https. So no sibling
// host of the domain (nor anyone answering the browser's plain-HTTP
// requests) can set a cookie of this name for plenum's host: none can
// plant a session of theirs in a person's browser under it, nor shadow
// the person's own with one of a longer path.
//
// A request's cookie of this name is read first; a request without one
// is read by CookieName (sessionCookie), so that the sessions of browsers
// logged in before a server was switched to https go on working rather
// than everyone being logged out at once — over https only a session
// made before the server first served over https, within OldCookieGrace
// of that, and re-issued under this name at once (oldCookieOverHTTPS). A
// server over https sets only HostCookieName.
const HostCookieName = "__Host-" + CookieName

// CSRFHeader is the header a script sets on state-changing requests
// (fetch(url, {method: "POST", headers: {"X-Plenum": "1"}})). A browser
// sends it cross-site only after a CORS preflight, which plenum never
// grants.
const CSRFHeader = "X-Plenum"

type ctxKey struct{}

// FromContext returns the session of the request whose context this is,
// or nil for a visitor who is not logged in (the public).
func FromContext(ctx context.Context) *Session {
	s, _ := ctx.Value(ctxKey{}).(*Session)
	return s
}

// WithSession returns ctx carrying sess, as Middleware does.
func WithSession(ctx context.Context, sess *Session) context.Context {
	return context.WithValue(ctx, ctxKey{}, sess)
}

// SessionLookupTimeout bounds Middleware's look-up of a session in a
// PostgreSQL database (milliseconds when it can be reached). A SQLite
// database is a file of this process, with no network to hold its bytes:
// its look-ups are not bounded, since under a burst of a thousand ballots
// they queue for its connection, slowly but surely (TestThousandVoters
// got 503s with the bound).
const SessionLookupTimeout = 2 * time.Second

// Middleware looks up the session cookie of every request and puts the
// session (if any) into the request's context for FromContext. A missing,
// unknown or expired cookie is no session: the request goes on as the
// public's. A cookie that cannot be looked up (the database cannot be
// reached: PostgreSQL restarting, the node cut off from it, a network
// that holds every byte — within SessionLookupTimeout on PostgreSQL) is answered 503
// with Retry-After: 1 and goes no further — not as the public's, which
// would tell a logged-in delegate to log in (401) or show them the
// public's view, nor held until the network heals.
func (s *Store) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, ok := s.SessionContext(w, r)
		if !ok {
			return
		}
		if ctx != r.Context() {
			r = r.WithContext(ctx)
		}
		next.ServeHTTP(w, r)
	})
}

// SessionContext is what Middleware does before it hands the request on:
// it returns r's context with the session of r's cookie in it (r's
// context as it is if there is no session), or answers 503 and reports
// false. For a handler that adds values of its own to the context, so
// that the request is copied once (http.Request.WithContext), not twice.
func (s *Store) SessionContext(w http.ResponseWriter, r *http.Request) (context.Context, bool) {
	return s.sessionContext(w, r, nil, nil)
}

// SessionContextWith is SessionContext with val under key in the context
// too, as context.WithValue(ctx, key, val) would put it: in the same
// context as the session (sessionCtx), one allocation for the two.
func (s *Store) SessionContextWith(w http.ResponseWriter, r *http.Request, key, val any) (context.Context, bool) {
	return s.sessionContext(w, r, key, val)
}

// sessionCtx is the context sessionContext gives a request with a
// session: ctx carrying the session, as WithSession does, and, if key is
// not nil, val under key, as context.WithValue does. The session is kept
// in it, not pointed to: the request's copy of it, the context and the
// value are one allocation, not three.
type sessionCtx struct {
	context.Context
	sess     Session
	key, val any
}

func (c *sessionCtx) Value(key any) any {
	if key == (ctxKey{}) {
		return &c.sess
	}
	if c.key != nil && key == c.key {
		return c.val
	}
	return c.Context.Value(key)
}

// sessionContext is SessionContext, and with key not nil
// SessionContextWith.
func (s *Store) sessionContext(w http.ResponseWriter, r *http.Request, key, val any) (context.Context, bool) {
	// noSession is the context of a request without a session.
	noSession := func() context.Context {
		if key != nil {
			return context.WithValue(r.Context(), key, val)
		}
		return r.Context()
	}
	token, old := sessionCookieOf(r)
	if token == "" {
		return noSession(), true
	}
	ctx, cancel := r.Context(), context.CancelFunc(nil)
	if s.sqlitePath == "" {
		ctx, cancel = context.WithTimeout(ctx, SessionLookupTimeout)
	}
	// Over https, a cookie of the old name is read only within bounds
	// (oldCookieOverHTTPS); when the server first served over https is
	// noted at its first request with a cookie over https.
	oldOverHTTPS := false
	if old || s.https.at.Load() == 0 {
		if s.Secure(r) {
			oldOverHTTPS = old
			s.servedHTTPS(ctx)
		}
	}
	sess, err := s.session(ctx, token)
	if cancel != nil {
		cancel()
	}
	if err == nil && oldOverHTTPS {
		var ok bool
		if ok, err = s.oldCookieOverHTTPS(w, r, &sess, token); err == nil && !ok {
			err = ErrNoSession
		}
	}
	switch {
	case err == nil:
		return &sessionCtx{Context: r.Context(), sess: sess, key: key, val: val}, true
	case !errors.Is(err, ErrNoSession):
		sessionUnavailable(w, r)
		return nil, false
	}
	return noSession(), true
}

// sessionCookie is the value of r's session cookie: of its
// HostCookieName cookie if it has one, else of its CookieName cookie
// ("" if neither), as r.CookiesNamed gives them, unless r carries several
// cookies of that name that differ: then "", no one's. plenum sets one
// session cookie, host-only, with path "/"; a second was set by someone
// else — a sibling host for the whole domain, or whoever answered one of
// the browser's plain-http requests — with a longer path, so that the
// browser sends it first, and the person would act as the attacker's
// session (TestTossedSessionCookie). No one else can set a HostCookieName
// cookie, and while there is one, cookies of the old name are not read
// at all: one tossed there neither replaces the person's session nor,
// differing from it, logs them out (TestHostCookieFirst). A request with
// one Cookie header holding one cookie, the session's, unquoted — every
// API client's — is read without net/http's parsing, which makes a new
// *http.Cookie and a slice each time (TestSessionCookieAsNetHTTP).
func sessionCookie(r *http.Request) string {
	v, _ := sessionCookieOf(r)
	return v
}

// sessionCookieOf is sessionCookie, and whether the value is of the old
// name, CookieName (over https read only within bounds:
// oldCookieOverHTTPS).
func sessionCookieOf(r *http.Request) (_ string, old bool) {
	if lines := r.Header["Cookie"]; len(lines) == 1 && !strings.ContainsRune(lines[0], ';') {
		line := strings.Trim(lines[0], " \t")
		v, ok := strings.CutPrefix(line, HostCookieName+"=")
		if !ok {
			v, ok = strings.CutPrefix(line, CookieName+"=")
			old = true
		}
		if ok && plainCookieValue(v) {
			return v, old
		}
	}
	if v, ok := cookieNamed(r, HostCookieName); ok {
		return v, false
	}
	v, _ := cookieNamed(r, CookieName)
	return v, v != ""
}

// plainCookieValue reports whether v is a cookie's value as net/http
// reads it, unchanged: no quotes, spaces, controls, backslashes or bytes
// outside ASCII.
func plainCookieValue(v string) bool {
	for i := 0; i < len(v); i++ {
		if b := v[i]; b <= ' ' || b >= 0x7f || b == '"' || b == '\\' {
			return false
		}
	}
	return true
}

// cookieNamed is the value of r's cookies named name, and whether r has
// any: "" if those differ.
func cookieNamed(r *http.Request, name string) (string, bool) {
	v, found := "", false
	for i, c := range r.CookiesNamed(name) {
		if i > 0 && c.Value != v {
			return "", true
		}
		v, found = c.Value, true
	}
	return v, found
}

// cookieName is the name of the session cookie this server sets in
// answer to r: HostCookieName over https (Secure), else CookieName.
func (s *Store) cookieName(r *http.Request) string {
	if s.Secure(r) {
		return HostCookieName
	}
	return CookieName
}

// sessionUnavailable answers a request whose session could not be looked
// up: 503, as a problem (code "unavailable", as the API's) to a JSON
// client or under /api/, else as a page.
func sessionUnavailable(w http.ResponseWriter, r *http.Request) {
	l := i18n.Choose(r, "")
	w.Header().Set("Retry-After", "1")
	asJSON := acceptsJSON(r) || strings.HasPrefix(r.URL.Path, "/api/")
	writeProblem(w, r, l, http.StatusServiceUnavailable, asJSON, l.T("auth.title.unavailable"), l.T("auth.session_unavailable"), "unavailable", false)
}

// ClientAddr returns the address a request comes from, for the limits on
// wrong codes: the peer's IP; or, when the peer is one of
// Options.TrustedProxies, the address that X-Forwarded-For names last
// before the trusted proxies (read from the right, so that a client cannot
// choose its address by sending the header itself). An IPv6 address
// stands for its /64 network, which one subscriber usually holds whole.
func (s *Store) ClientAddr(r *http.Request) string {
	ip := peerAddr(r)
	if ip.IsValid() && s.trusted(ip) {
		hops := r.Header.Values("X-Forwarded-For")
		var list []string
		for _, h := range hops {
			list = append(list, strings.Split(h, ",")...)
		}
		for i := len(list) - 1; i >= 0; i-- {
			a, err := netip.ParseAddr(strings.TrimSpace(list[i]))
			if err != nil {
				break // a malformed hop: count the request at the last good one
			}
			ip = a.Unmap()
			if !s.trusted(ip) {
				break
			}
		}
	}
	if !ip.IsValid() {
		return r.RemoteAddr
	}
	if ip.Is6() {
		p, _ := ip.Prefix(64)
		return p.String()
	}
	return ip.String()
}

// peerAddr is the IP address of the connection's other end.
func peerAddr(r *http.Request) netip.Addr {
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		a, _ := netip.ParseAddr(r.RemoteAddr)
		return a.Unmap()
	}
	return ap.Addr().Unmap()
}

func (s *Store) trusted(ip netip.Addr) bool {
	for _, p := range s.opts.TrustedProxies {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// Secure reports whether a request came over https: by TLS, or through a
// trusted proxy that says so (X-Forwarded-Proto), or Options.SecureCookies
// says to assume it. The session cookie is then marked Secure.
func (s *Store) Secure(r *http.Request) bool {
	if r.TLS != nil || s.opts.SecureCookies {
		return true
	}
	// The peer's address is parsed only when a proxy may vouch for it:
	// over plain http with none, every request with a session asks.
	if len(s.opts.TrustedProxies) == 0 {
		return false
	}
	if ip := peerAddr(r); ip.IsValid() && s.trusted(ip) {
		proto := r.Header.Get("X-Forwarded-Proto")
		if i := strings.IndexByte(proto, ','); i >= 0 {
			proto = proto[:i]
		}
		return strings.EqualFold(strings.TrimSpace(proto), "https")
	}
	return false
}

// SameOrigin reports whether a state-changing request may be trusted not
// to be forged by another site: its Origin header, if present, names this
// host, and it carries the X-Plenum header, a JSON body, or an Origin (a
// browser always sends Origin with a cross-site POST, so a same-host Origin
// is proof enough for a plain HTML form). The host alone is not the
// origin: a page of this host served over plain http (by whoever answers
// a browser's plain-http requests) or of a sibling host is another site,
// so a request the browser says came from another site (Sec-Fetch-Site,
// FromAnotherSite), or one over TLS whose Origin is http, is refused.
func SameOrigin(r *http.Request) bool {
	if FromAnotherSite(r) {
		return false
	}
	origin := r.Header.Get("Origin")
	if origin != "" {
		u, err := url.Parse(origin)
		if err != nil || origin == "null" || !strings.EqualFold(u.Host, r.Host) {
			return false
		}
		return r.TLS == nil || strings.EqualFold(u.Scheme, "https")
	}
	if r.Header.Get(CSRFHeader) != "" {
		return true
	}
	ct := r.Header.Get("Content-Type")
	if ct == "application/json" {
		return true // what parsing gives, without a map and a string a request
	}
	mt, _, _ := mime.ParseMediaType(ct)
	return mt == "application/json"
}

// FromAnotherSite reports whether the browser says r was made by
// another site than the one it goes to (Sec-Fetch-Site cross-site, or
// same-site: a sibling host). A link a person opens themselves — scanned
// from a mandate card's QR code, typed, or pasted — says none; a browser
// that does not send the header is taken at its word.
func FromAnotherSite(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "cross-site", "same-site":
		return true
	}
	return false
}

// NotNavigation reports whether the browser says r is not a top-level
// navigation — a person opening a link, scanning a card's QR code,
// typing an address — but a subresource or a script's request:
// Sec-Fetch-Mode present and not "navigate", or Sec-Fetch-Dest present
// and not "document" (an image, a frame, a fetch). A request without
// these headers (an older browser, curl) is taken for a navigation.
func NotNavigation(r *http.Request) bool {
	if m := r.Header.Get("Sec-Fetch-Mode"); m != "" && m != "navigate" {
		return true
	}
	if d := r.Header.Get("Sec-Fetch-Dest"); d != "" && d != "document" {
		return true
	}
	return false
}

// HandleLogin logs a person in and sets the session cookie.
//
//	GET  /login?code=CODE      the link on a mandate card (its QR code)
//	GET  /login?admin=TOKEN    the one-time administrator link
//	POST /login                form field or JSON member "code"
//
// A JSON request (Content-Type or Accept application/json) gets the
// session as JSON, or a problem+json; a browser is redirected to the local
// path in "next", or to Options.Home, or gets a short page saying what was
// wrong. A correct code always logs in. Wrong codes are limited per client
// address (ClientAddr) and in all, by every node on a PostgreSQL database
// together (wrongcodes.go); a wrong code over either limit gets 429 with
// Retry-After instead of 401, and logs nobody in; one that could not be
// counted gets 500. A login that could not be recorded (the database
// could not be written or reached) gets 503 with Retry-After, "try again
// in a moment", is logged (Options.Logger), and counts as no wrong
// code. A GET without code or
// admin is passed to form (the pages' login form), or 404 when form is nil;
// so is a GET with one that another site made the browser send
// (FromAnotherSite), which logs nobody in (403 when form is nil): the
// form, filled in with the code, asks the person to log in. A GET
// login that is no top-level navigation (NotNavigation: an <img> or a
// fetch of the link) is refused with 403, logs nobody in, and counts as
// no wrong code.
func (s *Store) HandleLogin(form http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		var code, admin, next string
		wantJSON := false
		switch r.Method {
		case http.MethodGet, http.MethodHead:
			code, admin, next = q.Get("code"), q.Get("admin"), q.Get("next")
			wantJSON = acceptsJSON(r)
			if code == "" && admin == "" {
				if form != nil {
					form.ServeHTTP(w, r)
				} else {
					http.NotFound(w, r)
				}
				return
			}
			if FromAnotherSite(r) {
				// A link another site made the browser follow logs
				// nobody in: its maker could log a delegate's phone in
				// as himself (login forgery), and the delegate would
				// then vote and speak under his name. The form, filled
				// in with the link's code, asks the person to log in.
				if form != nil {
					form.ServeHTTP(w, r)
				} else {
					loginProblem(w, r, http.StatusForbidden, "auth.title.cross_site", wantJSON, "auth.cross_site_login")
				}
				return
			}
			if NotNavigation(r) {
				// A login link fetched as a subresource (an <img
				// src="/login?code=X"> on a page of this site, a
				// script's fetch) logs nobody in: the person did not
				// open it, and would be logged in as whoever's code
				// it carries. Nothing is counted against the code.
				loginProblem(w, r, http.StatusForbidden, "auth.title.not_navigation", wantJSON, "auth.not_navigation")
				return
			}
		case http.MethodPost:
			if !SameOrigin(r) {
				loginProblem(w, r, http.StatusForbidden, "auth.title.cross_site", true, "auth.cross_site_login")
				return
			}
			mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
			if mt == "application/json" {
				wantJSON = true
				var body struct {
					Code  string `json:"code"`
					Admin string `json:"admin"`
					Next  string `json:"next"`
				}
				if err := json.NewDecoder(io.LimitReader(r.Body, 4096)).Decode(&body); err != nil {
					loginProblem(w, r, http.StatusBadRequest, "auth.title.malformed", true, "auth.body")
					return
				}
				code, admin, next = body.Code, body.Admin, body.Next
			} else {
				r.Body = http.MaxBytesReader(w, r.Body, 4096)
				if err := r.ParseForm(); err != nil {
					loginProblem(w, r, http.StatusBadRequest, "auth.title.malformed", false, "auth.form")
					return
				}
				code, admin, next = r.PostForm.Get("code"), r.PostForm.Get("admin"), r.PostForm.Get("next")
				wantJSON = acceptsJSON(r)
			}
		default:
			w.Header().Set("Allow", "GET, POST")
			loginProblem(w, r, http.StatusMethodNotAllowed, "auth.title.method", wantJSON, "auth.login_method")
			return
		}
		var sess *Session
		var token string
		var err error
		if s.Secure(r) {
			// Noted before the session is made, so that a session
			// logged in over https is never taken for one made before
			// the server served over https (oldCookieOverHTTPS).
			s.servedHTTPS(r.Context())
		}
		switch {
		case admin != "":
			sess, token, err = s.LoginAdminFrom(r.Context(), admin, DeviceOf(r.UserAgent()))
		case strings.TrimSpace(code) != "":
			sess, token, err = s.LoginFrom(r.Context(), code, DeviceOf(r.UserAgent()))
		default:
			loginProblem(w, r, http.StatusBadRequest, "auth.title.refused", wantJSON, "auth.no_code")
			return
		}
		if err != nil {
			if !errors.Is(err, ErrBadCode) && !errors.Is(err, ErrExpiredCode) && !errors.Is(err, ErrBadToken) {
				// The login could not be recorded (the database could
				// not be written or reached: another program's lock on
				// a SQLite file, PostgreSQL restarting); the code was
				// not judged, so nothing is counted against anyone's
				// wrong codes. The person is told to try again, the
				// operator why.
				s.opts.Logger.Error("auth: a login could not be recorded", "err", err)
				w.Header().Set("Retry-After", "1")
				loginProblem(w, r, http.StatusServiceUnavailable, "auth.title.refused", wantJSON, "auth.not_recorded")
				return
			}
			// Only wrong codes count against the limits; a correct code
			// was never refused above. A wrong code that could not be
			// counted is refused without saying it is wrong.
			ok, wait, err := s.countWrongCode(r.Context(), s.ClientAddr(r))
			if err != nil {
				loginProblem(w, r, http.StatusInternalServerError, "auth.title.refused", wantJSON, "auth.not_recorded")
				return
			}
			if !ok {
				secs := max(int(math.Ceil(wait.Seconds())), 1)
				w.Header().Set("Retry-After", strconv.Itoa(secs))
				loginProblem(w, r, http.StatusTooManyRequests, "auth.title.too_many", wantJSON, "auth.too_many", secs)
				return
			}
			loginProblem(w, r, http.StatusUnauthorized, "auth.title.refused", wantJSON, refusedKey(err))
			return
		}
		http.SetCookie(w, &http.Cookie{
			Name:     s.cookieName(r),
			Value:    token,
			Path:     "/",
			Expires:  sess.Expires,
			HttpOnly: true,
			SameSite: http.SameSiteLaxMode,
			Secure:   s.Secure(r),
		})
		w.Header().Set("Cache-Control", "no-store")
		if wantJSON {
			w.Header().Set("Content-Type", "application/json")
			json.NewEncoder(w).Encode(sess)
			return
		}
		if !LocalPath(next) {
			next = s.opts.Home(sess)
		}
		http.Redirect(w, r, next, http.StatusSeeOther)
	})
}

// HandleLogout ends the session of the request (POST /logout) and clears
// the cookie; a browser is sent to "/", a JSON client gets 204.
func (s *Store) HandleLogout() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", "POST")
			loginProblem(w, r, http.StatusMethodNotAllowed, "auth.title.method", acceptsJSON(r), "auth.logout_method")
			return
		}
		if !SameOrigin(r) {
			loginProblem(w, r, http.StatusForbidden, "auth.title.cross_site", true, "auth.cross_site")
			return
		}
		if token := sessionCookie(r); token != "" {
			if err := s.Logout(r.Context(), token); err != nil {
				// The cookie is cleared all the same: the token is gone
				// from this browser, though its session lives on until
				// it expires.
				s.opts.Logger.Warn("auth: a logout could not be recorded", "err", err)
			}
		}
		// The cookie this server sets is cleared, and one of the other
		// name the browser sent (of a login before the server was
		// switched to https).
		name := s.cookieName(r)
		for _, n := range []string{CookieName, HostCookieName} {
			if _, sent := cookieNamed(r, n); n == name || sent {
				http.SetCookie(w, &http.Cookie{Name: n, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: n == HostCookieName || s.Secure(r)})
			}
		}
		if acceptsJSON(r) || r.Header.Get(CSRFHeader) != "" {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		http.Redirect(w, r, "/", http.StatusSeeOther)
	})
}

func acceptsJSON(r *http.Request) bool {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "application/json" {
		return true
	}
	a := r.Header.Get("Accept")
	return strings.Contains(a, "application/json") || strings.Contains(a, "application/problem+json")
}

// LocalPath reports whether p is a path on this site that a browser may
// be sent to after logging in: it starts with one "/" and has nothing a
// browser would read as another host. Refused: "//host" and "/\\host"
// (browsers take a backslash for a slash), any backslash, control
// character or space (browsers drop tabs and line breaks from a URL, so
// "/\t/host" becomes "//host"), anything outside printable ASCII, and
// anything that parses with a scheme or a host, and a login link
// (/login with a code or an administrator's token).
func LocalPath(p string) bool {
	if len(p) == 0 || p[0] != '/' || len(p) > 2048 {
		return false
	}
	if len(p) > 1 && (p[1] == '/' || p[1] == '\\') {
		return false
	}
	for i := 0; i < len(p); i++ {
		if c := p[i]; c <= ' ' || c >= 0x7f || c == '\\' {
			return false
		}
	}
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" || u.User != nil || !strings.HasPrefix(u.Path, "/") {
		return false
	}
	// Decoded, the path must not begin with two slashes either
	// ("/%2F/host" is harmless to a browser, but not to every proxy).
	if strings.HasPrefix(u.Path, "//") || strings.HasPrefix(u.Path, "/\\") {
		return false
	}
	// Nor is it a login link, however spelled: sent there by this site's
	// own redirect (same-origin to the browser, so not FromAnotherSite),
	// a person who has just logged in as herself would be logged in as
	// whoever's code another site put in "next" (TestNextIsNoLoginLink).
	if path.Clean(u.Path) == "/login" {
		q := u.Query()
		return !q.Has("code") && !q.Has("admin")
	}
	return true
}

func loginProblem(w http.ResponseWriter, r *http.Request, status int, titleKey string, asJSON bool, key string, args ...any) {
	// In the language of the person (their choice on the pages, then
	// their browser's); the status is the same in every language.
	l := i18n.Choose(r, "")
	writeProblem(w, r, l, status, asJSON, l.T(titleKey), l.T(key, args...), "", true)
}

// writeProblem writes a refusal: as a problem (with code, if not "") to a
// JSON client, else as a page (refusalPage), with the login form if
// loginForm, filled in with what r carried (typedLogin).
func writeProblem(w http.ResponseWriter, r *http.Request, l *i18n.Locale, status int, asJSON bool, title, detail, code string, loginForm bool) {
	w.Header().Set("Cache-Control", "no-store")
	if asJSON {
		p := map[string]any{"type": "about:blank", "title": title, "status": status, "detail": detail}
		if code != "" {
			p["code"] = code
		}
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(p)
		return
	}
	p := refusal{L: l, Title: title, Detail: detail}
	if loginForm {
		p.Form = &LoginForm{L: l}
		p.Form.Code, p.Form.Next = typedLogin(r)
	}
	writePage(w, r, status, p)
}

// refusedKey is the catalog's message of a refused code or link.
func refusedKey(err error) string {
	switch {
	case errors.Is(err, ErrExpiredCode):
		return "auth.expired_code"
	case errors.Is(err, ErrBadToken):
		return "auth.bad_token"
	}
	return "auth.bad_code"
}
