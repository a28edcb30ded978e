// Package httpapi is plenum's JSON HTTP API: one endpoint that takes every
// command of package assembly on behalf of the logged-in person, read-only
// views of an assembly's state, live updates as server-sent events, access
// codes and printable mandate cards, and the OpenAPI 3 document that
// describes it all (/api/openapi.json).
//
// The server decides who acts and when: the actor of a command is the
// person of the session (package auth) and its time is the server's clock.
// Whether that person may give the command is decided by the assembly's
// rules (assembly.Decide), for every command. Errors are
// application/problem+json (RFC 9457) with a message addressed to a person.
package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"plenum/assembly"
	"plenum/auth"
	"plenum/cards"
	"plenum/engine"
	"plenum/i18n"
	"plenum/internal/routes"
	"plenum/ledger"
	"plenum/store/sqlite"
)

// Options configure the API.
type Options struct {
	// BaseURL is the address people reach the server at, for the login
	// links on mandate cards ("https://congress.example.org"). If empty it
	// is taken from each request.
	BaseURL string
	// Now is the clock that stamps commands (default time.Now; always UTC).
	Now func() time.Time
	// Logger receives errors that are the server's fault (default
	// slog.Default()).
	Logger *slog.Logger
	// Heartbeat is the interval of comments on an idle event stream
	// (default 15 s).
	Heartbeat time.Duration
	// LoginForm serves GET /login without a code (the pages' login form);
	// nil answers 404.
	LoginForm http.Handler
	// Streams limits concurrent event streams (shared with the pages'
	// live stream); nil admits every stream.
	Streams *StreamGate
	// Forward, on a node of a cluster, finds the node that writes an
	// assembly, to which a command this node may not decide is forwarded
	// (once: see ForwardedHeader); nil answers such a command 503.
	Forward Forwarder
	// HeldOut lists the assemblies the server holds out at its start,
	// their records damaged (plenum serve's quarantine): GET
	// /api/assemblies lists them too, marked held_out; nil: none.
	HeldOut func() []HeldOut
}

// API serves the JSON API. Create it with New.
type API struct {
	eng  *engine.Engine
	auth *auth.Store
	opts Options
	mux  *routes.Mux
	// beat is the event streams' shared heartbeat.
	beat beat
	// lastCheckpoint is the checkpoint last answered, with its JSON
	// (checkpointJSON).
	lastCheckpoint atomic.Pointer[encodedCheckpoint]
}

// New returns the API's handler: /api/…, /login and /logout. It wraps
// everything in a.Middleware, so the pages' handlers can be mounted beside
// it behind the same middleware.
func New(e *engine.Engine, a *auth.Store, opts Options) http.Handler {
	return NewAPI(e, a, opts)
}

// NewAPI is New returning the *API, for callers that need more than the
// handler.
func NewAPI(e *engine.Engine, a *auth.Store, opts Options) *API {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Heartbeat <= 0 {
		opts.Heartbeat = 15 * time.Second
	}
	api := &API{eng: e, auth: a, opts: opts, mux: routes.New()}
	m := api.mux
	m.Handle("/login", a.HandleLogin(opts.LoginForm))
	m.Handle("/logout", a.HandleLogout())
	m.HandleFunc("GET /api/openapi.json", api.openAPI)
	m.HandleFunc("GET /api/session", api.session)
	m.HandleFunc("GET /api/assemblies", api.listAssemblies)
	m.HandleFunc("POST /api/assemblies", api.createAssembly)
	m.HandleFunc("GET /api/assemblies/{id}", api.getAssembly)
	m.HandleFunc("POST /api/assemblies/{id}/commands", api.command)
	m.HandleFunc("GET /api/assemblies/{id}/me", api.me)
	m.HandleFunc("GET /api/assemblies/{id}/persons", api.persons)
	m.HandleFunc("GET /api/assemblies/{id}/organizations", api.organizations)
	m.HandleFunc("GET /api/assemblies/{id}/mandates", api.mandates)
	m.HandleFunc("GET /api/assemblies/{id}/sittings", api.sittings)
	m.HandleFunc("GET /api/assemblies/{id}/items", api.items)
	m.HandleFunc("GET /api/assemblies/{id}/items/{item}/speakers", api.speakers)
	m.HandleFunc("GET /api/assemblies/{id}/motions", api.motions)
	m.HandleFunc("GET /api/assemblies/{id}/motions/{motion}/excerpt", api.excerpt)
	m.HandleFunc("GET /api/assemblies/{id}/elections/{election}/excerpt", api.electionExcerpt)
	m.HandleFunc("GET /api/assemblies/{id}/votes", api.votes)
	m.HandleFunc("GET /api/assemblies/{id}/votes/{vote}", api.vote)
	m.HandleFunc("POST /api/assemblies/{id}/votes/{vote}/receipt", api.secretReceipt)
	m.HandleFunc("GET /api/assemblies/{id}/elections", api.elections)
	m.HandleFunc("POST /api/assemblies/{id}/elections/{election}/receipt", api.secretElectionReceipt)
	m.HandleFunc("GET /api/assemblies/{id}/record", api.record)
	m.HandleFunc("GET /api/assemblies/{id}/checkpoint", api.checkpoint)
	m.HandleFunc("GET /api/assemblies/{id}/proof/{index}", api.proof)
	m.HandleFunc("GET /api/assemblies/{id}/events", api.events)
	m.HandleFunc("POST /api/assemblies/{id}/access-codes", api.accessCodes)
	m.HandleFunc("POST /api/assemblies/{id}/access-codes/revoke", api.revokeCodes)
	m.HandleFunc("POST /api/assemblies/{id}/mandate-cards.pdf", api.mandateCards)
	m.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		problem(w, r, http.StatusNotFound, "not_found", "", "api.no_endpoint", r.Method, r.URL.Path)
	})
	return api
}

// ServeHTTP serves the API behind the session middleware.
func (api *API) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if auth.FromContext(ctx) == nil {
		// The session middleware's work, with the engine put in the same
		// copy of the request, and in the same context as the session (a
		// sessionUnavailable answer needs neither).
		var ok bool
		if ctx, ok = api.auth.SessionContextWith(w, r, engineKey{}, api.eng); !ok {
			return
		}
	} else {
		ctx = context.WithValue(ctx, engineKey{}, api.eng)
	}
	api.mux.ServeHTTP(w, r.WithContext(ctx))
}

// Routes returns the routes the API serves, for tests that must see
// every route of the server.
func (api *API) Routes() []routes.Route { return api.mux.Routes() }

// Problem is an RFC 9457 problem detail as the API sends it.
type Problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
	// Code is the assembly error code (invalid, not_found, forbidden,
	// conflict, closed, duplicate) or one of the API's own
	// (unauthorized, malformed, rate_limited, internal).
	Code string `json:"code,omitempty"`
	// Field names the argument at fault, when there is one.
	Field string `json:"field,omitempty"`
	// Persons are the ids of the persons a refusal of the rules names
	// in Detail, in the order it names them first: the detail names
	// them by their names, in the request's language, and a client
	// that acts on the refusal needs their ids. Absent when it names
	// no one.
	Persons []string `json:"persons,omitempty"`
	// Named are the ids of the other things a refusal of the rules
	// names in Detail by their titles or names as the pages do (votes,
	// elections, motions, items, mandates, …), in the order it names
	// them first. Absent when it names none.
	Named []string `json:"named,omitempty"`
}

// problem writes a problem whose detail is the catalog's message key
// with its arguments, in the language of the request (localeOf); the code
// and the field are the same in every language.
func problem(w http.ResponseWriter, r *http.Request, status int, code, field, key string, args ...any) {
	l := localeOf(r)
	problemIn(w, l, status, code, field, l.T(key, args...))
}

// problemIn writes a problem whose detail is already in l's language; its
// title is the status's in l.
func problemIn(w http.ResponseWriter, l *i18n.Locale, status int, code, field, detail string) {
	writeProblem(w, l, Problem{Status: status, Detail: detail, Code: code, Field: field})
}

// writeProblem writes p, its type and title set: the title is the
// status's in l.
func writeProblem(w http.ResponseWriter, l *i18n.Locale, p Problem) {
	p.Type, p.Title = "about:blank", http.StatusText(p.Status)
	if k := "api.title." + strconv.Itoa(p.Status); l.Has(k) {
		p.Title = l.T(k)
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(p.Status)
	json.NewEncoder(w).Encode(p)
}

// engineKey holds the API's engine in a request's context (ServeHTTP),
// so that a problem written anywhere can find the assembly's language.
type engineKey struct{}

// localeOf is the language of an answer to r, as the pages choose it
// (i18n.Choose): the person's choice on the pages (their language
// cookie), then the client's Accept-Language, then the language of the
// assembly in the path, then English. An API client that is not a browser
// has no cookie, so its Accept-Language decides. Not to be called inside
// (*engine.Assembly).Read.
func localeOf(r *http.Request) *i18n.Locale {
	lang := ""
	if e, _ := r.Context().Value(engineKey{}).(*engine.Engine); e != nil {
		if a, ok := e.Assembly(r.PathValue("id")); ok {
			a.Read(func(s *assembly.State) { lang = s.Assembly.Language })
		}
	}
	return i18n.Choose(r, lang)
}

// statusOf maps an assembly error code to an HTTP status, in one place.
func statusOf(c assembly.Code) int {
	switch c {
	case assembly.ErrInvalid:
		return http.StatusUnprocessableEntity
	case assembly.ErrNotFound:
		return http.StatusNotFound
	case assembly.ErrForbidden:
		return http.StatusForbidden
	case assembly.ErrConflict, assembly.ErrDuplicate, assembly.ErrClosed:
		return http.StatusConflict
	}
	return http.StatusInternalServerError
}

// fail writes err as a problem: a refusal of the domain with its own words,
// anything else as the server's fault, logged.
func (api *API) fail(w http.ResponseWriter, r *http.Request, err error) {
	var ae *assembly.Error
	if errors.As(err, &ae) && ae.Code != assembly.ErrCorrupt {
		// The human text in the language of the request (localeOf's),
		// naming persons by their names as the pages do; the code, the
		// field and the ids of what it names stay as they are.
		l, detail, persons, named := refusalDetail(r, ae)
		writeProblem(w, l, Problem{Status: statusOf(ae.Code), Detail: detail, Code: string(ae.Code), Field: ae.Field, Persons: persons, Named: named})
		return
	}
	taken := notTaken(err)
	if msg := databaseTrouble(err); msg != "" && (taken == "" || taken == "api.not_recorded") {
		// Another program's lock on the server's SQLite database, or a
		// full disk: nothing the client did wrong, nor a bug; the person
		// is told to send it again, the operator (the log: which
		// database, and what to do, as sqlite.Explain says it) why. A
		// command whose outcome is not known, or an assembly suspended
		// or stopped, is said as notTaken says it, whatever the cause.
		api.opts.Logger.Error("httpapi: the server's database could not be written", "method", r.Method, "path", r.URL.Path, "err", err)
		w.Header().Set("Retry-After", "1")
		problem(w, r, http.StatusServiceUnavailable, "unavailable", "", msg)
		return
	}
	if taken != "" {
		api.opts.Logger.Warn("httpapi: command not taken", "method", r.Method, "path", r.URL.Path, "err", err)
		w.Header().Set("Retry-After", "1")
		problem(w, r, http.StatusServiceUnavailable, "unavailable", "", taken)
		return
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		problem(w, r, http.StatusServiceUnavailable, "unavailable", "", "api.cancelled")
		return
	}
	if u := UnavailableError(nil); errors.As(err, &u) {
		Unavailable(w, r, u.Unavailable)
		return
	}
	api.opts.Logger.Error("httpapi: request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	problem(w, r, http.StatusInternalServerError, "internal", "", "api.internal")
}

// UnavailableError is an error that says, in a person's language, why
// what it refused is out of service, and what to do; the API answers it
// 503 with those words (Unavailable). plenum serve refuses so a command to
// an assembly it holds out at start, such as creating it again.
type UnavailableError interface {
	error
	Unavailable(l *i18n.Locale) string
}

// databaseTrouble is the catalog key of why the server's database could
// not be written, when err says it is none of the request's doing nor a
// bug: another program holds its lock (sqlite.ErrBusy), or SQLite could
// not write the file (a full disk, a read-only file, an I/O error:
// sqlite.ErrUnwritable, which sqlite.Explain wraps); otherwise "". A command the engine could not record
// (engine.ErrNotRecorded) for one of these reasons is answered with the
// reason. The writes may be the record's (the engine's) or those of
// access codes and sessions (package auth, through package cards).
func databaseTrouble(err error) string {
	switch {
	case errors.Is(err, sqlite.ErrBusy):
		return "api.db_busy"
	case errors.Is(err, sqlite.ErrUnwritable):
		return "api.db_unwritable"
	}
	return ""
}

// notTaken is the catalog key of what the record holds of a command the
// engine could not take, or answer (engine.ErrNotRecorded, ErrUnread,
// ErrSuspended, ErrStopped, ledger.ErrOutcomeUnknown), or "" for another
// error.
func notTaken(err error) string {
	switch {
	case errors.Is(err, engine.ErrNotRecorded):
		return "api.not_recorded"
	case errors.Is(err, ledger.ErrOutcomeUnknown):
		return "api.outcome_unknown"
	case errors.Is(err, engine.ErrUnread):
		return "api.unread"
	case errors.Is(err, engine.ErrSuspended):
		return "api.suspended"
	case errors.Is(err, engine.ErrStopped):
		return "api.stopped"
	case errors.Is(err, engine.ErrNotWriter):
		return "api.not_writer"
	}
	return ""
}

// writeJSON answers body, JSON, and a newline. Its headers are set as
// Header.Set would (the keys are canonical already), with values shared
// by every answer rather than a slice made for each: nothing changes a
// header's values in place (Set and Del replace them; net/http copies
// them as it writes).
func writeJSON(w http.ResponseWriter, status int, body []byte) {
	h := w.Header()
	h["Content-Type"] = jsonType
	h["Cache-Control"] = noStore
	h["Date"] = dateNow()
	w.WriteHeader(status)
	w.Write(body)
	w.Write(newline)
}

var (
	jsonType = []string{"application/json"}
	noStore  = []string{"no-store"}
)

// dateNow returns the Date header of an answer written now, as net/http
// writes it when the handler sets none (time.Now in http.TimeFormat), but
// formatted once a second rather than for every answer: formatting it was
// about 2 % of the server's CPU in a burst of ballots. The slice is shared
// by every answer of the second, as jsonType and noStore are (net/http
// copies a header's values before writing them).
func dateNow() []string {
	now := time.Now()
	sec := now.Unix()
	if d := answerDate.Load(); d != nil && d.sec == sec {
		return d.v
	}
	d := &httpDate{sec: sec, v: []string{now.UTC().Format(http.TimeFormat)}}
	answerDate.Store(d)
	return d.v
}

// httpDate is a Date header's value and the second (Unix time) it names.
type httpDate struct {
	sec int64
	v   []string
}

var answerDate atomic.Pointer[httpDate]

// newline ends every JSON answer; a []byte("\n") made in place is
// allocated on every call (Write is an interface's method).
var newline = []byte("\n")

// assemblyOf returns the assembly named in the path, or writes 404.
func (api *API) assemblyOf(w http.ResponseWriter, r *http.Request) (*engine.Assembly, bool) {
	id := r.PathValue("id")
	a, ok := api.eng.Assembly(id)
	if !ok && api.opts.Forward != nil {
		// On a cluster: created through another node a moment ago?
		var err error
		if a, err = Discover(r.Context(), api.eng, id); err != nil {
			api.opts.Logger.Warn("httpapi: an assembly not yet opened on this node", "assembly", id, "err", err)
			w.Header().Set("Retry-After", "1")
			problem(w, r, http.StatusServiceUnavailable, "unavailable", "", "api.assembly_not_yet", id)
			return nil, false
		}
		ok = a != nil
	}
	if !ok {
		problem(w, r, http.StatusNotFound, "not_found", "", "api.no_assembly", id)
		return nil, false
	}
	return a, true
}

// participant returns the session if it may act in assembly id; otherwise
// it writes 401 (not logged in) or 403 (logged in elsewhere).
func participant(w http.ResponseWriter, r *http.Request, id string) (*auth.Session, bool) {
	sess := auth.FromContext(r.Context())
	if sess == nil {
		problem(w, r, http.StatusUnauthorized, "unauthorized", "", "api.login_needed")
		return nil, false
	}
	if !sess.In(id) {
		problem(w, r, http.StatusForbidden, "forbidden", "", "api.other_assembly", sess.Assembly, id)
		return nil, false
	}
	return sess, true
}

// actor is the person id a session acts as.
func actor(sess *auth.Session) string {
	if sess.Admin {
		return auth.AdminPerson
	}
	return sess.Person
}

// baseURL is the address for login links.
func (api *API) baseURL(r *http.Request) string {
	return cards.BaseURL(api.opts.BaseURL, r, api.auth.Secure(r))
}

// mutating checks a state-changing request against cross-site forgery.
func mutating(w http.ResponseWriter, r *http.Request) bool {
	if !auth.SameOrigin(r) {
		problem(w, r, http.StatusForbidden, "forbidden", "", "api.cross_site")
		return false
	}
	return true
}

// Busy answers a request that waited too long for its turn behind the
// server's bound on changes at once (package admit): 503 with
// Retry-After, nothing of it done, in the request's language. An API
// request (a path under /api/) gets a problem, code "unavailable"; a
// page's script (which sends auth.CSRFHeader) the JSON the pages' forms
// answer it ({"ok": false, "error": …}); a plain form plain text.
func Busy(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Retry-After", "1")
	Unavailable(w, r, func(l *i18n.Locale) string { return l.T("api.busy") })
}

// Unavailable answers r 503 with the message detail gives in the
// request's language, as Busy does: a problem (code "unavailable") under
// /api/, the pages' JSON to a page's script, plain text to anything else.
// plenum serve answers so for an assembly it holds out at start.
func Unavailable(w http.ResponseWriter, r *http.Request, detail func(l *i18n.Locale) string) {
	l := localeOf(r)
	msg := detail(l)
	if strings.HasPrefix(r.URL.Path, "/api/") {
		problemIn(w, l, http.StatusServiceUnavailable, "unavailable", "", msg)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	if r.Header.Get(auth.CSRFHeader) != "" {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusServiceUnavailable)
		json.NewEncoder(w).Encode(struct {
			OK    bool   `json:"ok"`
			Error string `json:"error"`
		}{false, msg})
		return
	}
	http.Error(w, msg, http.StatusServiceUnavailable)
}
