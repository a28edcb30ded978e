// Package web is plenum's pages: server-rendered HTML for the delegates on
// their phones, the chair, the secretaries, the mandate commission, the
// projector in the hall and the public record.
//
// Every page works without JavaScript: actions are HTML forms that post to
// /a/{id}/act, which gives the command on behalf of the logged-in person
// (actor = the session's person, at = the server's clock, and a fresh id
// for whatever the command creates) and redirects back with the outcome. A
// small hand-written script (static/live.js, no build step) enhances the
// pages: it listens to the assembly's event stream (the JSON API's
// /api/assemblies/{id}/events, server-sent events) and, on each event,
// re-fetches the page's live regions as server-rendered HTML, swaps them in
// and announces what changed; it sends the forms with fetch so that the
// page does not reload; it brings a delegate's ballot to the screen when a
// vote opens; and it runs the countdowns against the server's clock.
//
// What a person may do is decided by the assembly's rules for every command
// (package assembly); the pages only choose what to offer. A refusal is
// shown on the page in the rules' own words. Who may read the record is
// the assembly's setting, decided by httpapi.MayRead for every page of it.
//
// The set-up pages (setup.go, import.go) let the server administrator
// create an assembly, from a previous one too, and the organiser set up
// its rules, organizations, persons, mandates, offices and bodies and
// import its roster from a spreadsheet; ids are made from names, and
// persons are picked by name from searchable lists (the picker).
package web

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"plenum/assembly"
	"plenum/auth"
	"plenum/cosign"
	"plenum/engine"
	"plenum/httpapi"
	"plenum/i18n"
	"plenum/internal/routes"
	"plenum/recordfile"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Options configure the pages.
type Options struct {
	// Now is the clock that stamps commands (default time.Now).
	Now func() time.Time
	// Logger receives errors that are the server's fault (default
	// slog.Default()).
	Logger *slog.Logger
	// Location is the zone of the clock the pages show (when a request
	// was made, when the order of the day will be through); default the
	// server's (time.Local).
	Location *time.Location
	// VerifierKey is the note verifier key of the server's checkpoints,
	// stated in the minutes so that readers can check the signature.
	VerifierKey string
	// Secret keys the forms' anti-forgery tokens and the seal of secret
	// ballots' tokens on their way to the receipt page; random if empty
	// (forms rendered before a restart must then be reloaded, and a token
	// not yet shown is lost).
	Secret []byte
	// BaseURL is the address people reach the server at, for the login
	// links on mandate cards ("https://congress.example.org"); if empty it
	// is taken from each request.
	BaseURL string
	// Witnesses reports whether each log's latest checkpoint is
	// witnessed (a *cosign.Cosigner); nil when plenum runs without
	// witnesses.
	Witnesses Witnessing
	// BallotModule is the folder holding the browser build of package
	// ballot (ballot.wasm, wasm_exec.js, ballot.js), which the pages of
	// encrypted votes run; empty when the server has none.
	BallotModule string
	// PickerLimit is how many persons a picker lists whole (default
	// 500); in a larger assembly the pickers of persons are searched on
	// the server (PickPerson).
	PickerLimit int
	// Forward, on a node of a cluster, finds the node that writes an
	// assembly: a form whose command another node writes is sent there
	// (httpapi.ForwardTo); nil answers it 503. The nodes must then share
	// Secret.
	Forward httpapi.Forwarder
	// HeldOut lists the assemblies the server holds out at its start,
	// their records damaged (plenum serve's quarantine): the index page
	// lists them too, marked held out, and the form that creates an
	// assembly refuses one of their ids; nil: none.
	HeldOut func() []httpapi.HeldOut
}

// Witnessing reports on the witnesses' cosignatures of a log's latest
// checkpoint; *cosign.Cosigner is one.
type Witnessing interface {
	Status(ctx context.Context, origin string) (cosign.Status, error)
}

// server holds the pages' dependencies.
type server struct {
	eng    *engine.Engine
	auth   *auth.Store
	opts   Options
	pages  map[string]*template.Template
	mux    *routes.Mux
	static http.Handler
	cache  minutesCache
	// records are the record files the server keeps, one for each log's
	// latest checkpoint (recordFile); closed with the server (Close).
	records *recordfile.Cache
	// seal seals secret ballots' tokens into the cookie that carries
	// them to their page.
	seal tokenSeal
	// opened are the token cookies this server found opened (takeToken).
	opened openedHere
	// uploads holds rosters between their preview and their recording.
	uploads uploadShelf
	// live memoizes the counts the pages show live (liveCounts).
	live liveCounts
	// ballots are the open ballots of each assembly's log by voter, for
	// "All your receipts" (ballotIndex): assembly id → *ballotIndex.
	ballots sync.Map
}

// The pages, each a template file that defines "content" and its live
// regions as "regions" (what ?fragment=live returns).
var pageNames = []string{"index", "landing", "delegate", "chair", "chair-agenda", "chair-elections", "chair-hall", "chair-screens", "chair-sitting",
	"secretary", "mandates", "projector", "record", "receipt", "login", "motions", "motion", "trustee", "sessions"}

// New returns the pages' handler. It serves
//
//	GET  /                      the assemblies and the login form
//	GET  /login                 the login form (for auth.Store.HandleLogin)
//	POST /lang                  the language switch on every page: keeps the
//	                            choice in a cookie, returns to the page
//	GET  /a/{id}/               sends a logged-in person to their page
//	GET  /a/{id}/delegate       a delegate's page
//	POST /a/{id}/delegate       the same, at the confirmation step of the
//	                            ballot posted (the choice is never in a URL)
//	GET  /a/{id}/chair          the chair's console: the business in hand
//	GET  /a/{id}/chair/{part}   the chair's other pages: agenda, elections,
//	                            hall, screens, sitting
//	GET  /a/{id}/secretary      the secretaries' page
//	GET  /a/{id}/mandates       the mandate commission's page
//	GET  /a/{id}/projector      a projector (public; ?screen=ID, the hall's
//	                            by default)
//	GET  /a/{id}/record         the public record (public)
//	GET  /a/{id}/receipt        a voter's receipt for a ballot (with
//	                            &download=1 its C2SP tlog-proof file)
//	POST /a/{id}/secret-receipt the receipt of a secret ballot, by its
//	                            token (a tlog-proof file)
//	POST /a/{id}/mandate-cards.pdf new access codes for the persons
//	                            chosen, printed on mandate cards (PDF)
//	POST /a/{id}/mandate-cards.html the same, as an HTML page of the
//	                            cards for the browser to print
//	POST /a/{id}/revoke-codes   revokes the persons' access codes
//	GET  /a/{id}/sessions       where the viewer is logged in: their own
//	                            live sessions (sessions.go); POST logs
//	                            them out everywhere else
//	POST /a/{id}/sessions/device-link  a server administrator's link
//	                            that logs another device in as him,
//	                            shown once on the sessions page
//	GET  /a/{id}/minutes/{fmt}  the minutes (package minutes): html, md,
//	                            pdf, akn, popolo (public)
//	GET  /a/{id}/record.db      the record file: the signed log as a
//	                            SQLite file, to check the minutes
//	                            offline (package recordfile), to those
//	                            who may read the record
//	GET  /a/{id}/motions…       the motions, one motion, the motion book
//	                            (motions.go)
//	POST /a/{id}/act            gives a command from a page's form
//	GET  /a/{id}/choices/persons?q=  the persons a search finds, for the
//	                            script of a picker searched on the server
//	                            (JSON; PickPerson)
//	GET  /a/{id}/choices/in-hall?q=, …/out-of-hall?q=  the same among
//	                            those in the hall, or registered and
//	                            out of it, for the chair or a secretary
//	                            (the hall tab's pickers; PickHall)
//	GET  /a/{id}/choices/speakers?q=  the same among those who may be
//	                            given the floor on the current item (the
//	                            console's picker; PickSpeaker)
//	GET  /a/{id}/choices/delegates?q=  the same among those who hold
//	                            a verified mandate (the proxy picker of
//	                            the person page; PickDelegate)
//	GET  /setup                 the server administrator's form that
//	                            creates an assembly (from a template)
//	POST /setup                 creates it
//	GET  /a/{id}/setup, /a/{id}/setup-organizations, -people, -person,
//	     -offices               the set-up pages (setup.go)
//	POST /a/{id}/setup          a set-up form that creates something
//	GET  /a/{id}/import         the import page; POST: the preview of
//	                            a roster uploaded; POST …/import/record
//	                            records it (import.go)
//	GET  /a/{id}/roster.csv, roster.xlsx  the roster, to download
//	GET  /static/…              the embedded style sheet and scripts
//
// Each page takes ?fragment=live to return only its live regions. The
// handler looks up sessions itself (authStore.Middleware); /login and
// /logout belong to authStore.HandleLogin and HandleLogout, and the live
// updates to the JSON API's event stream, so the caller mounts package
// httpapi at /api/ beside the pages (without it the pages work, with
// reloads).
func New(eng *engine.Engine, authStore *auth.Store, opts Options) http.Handler {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Location == nil {
		opts.Location = time.Local
	}
	if opts.PickerLimit <= 0 {
		opts.PickerLimit = defaultPickerLimit
	}
	if len(opts.Secret) == 0 {
		opts.Secret = make([]byte, 32)
		rand.Read(opts.Secret)
	}
	// The catalogs are compiled now, once, rather than by the first
	// page to render (i18n.For).
	i18n.For(i18n.Default)
	s := &server{eng: eng, auth: authStore, opts: opts, pages: parsePages(), mux: routes.New(), cache: minutesCache{docs: map[string]cachedMinutes{}}, seal: newTokenSeal(opts.Secret)}
	s.records = recordfile.NewCache(eng.Store(), recordfile.CacheOptions{Writers: recordFileWriters, Logger: opts.Logger})
	sub, _ := fs.Sub(staticFS, "static")
	s.static = http.StripPrefix("/static/", http.FileServerFS(sub))
	m := s.mux
	m.HandleFunc("GET /{$}", s.index)
	m.HandleFunc("GET /login", s.login)
	m.HandleFunc("POST /lang", s.chooseLanguage)
	m.HandleFunc("GET /static/", s.serveStatic)
	m.HandleFunc("GET /a/{id}/{$}", s.landing)
	m.HandleFunc("GET /a/{id}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/a/"+url.PathEscape(r.PathValue("id"))+"/", http.StatusMovedPermanently)
	})
	m.HandleFunc("GET /a/{id}/delegate", s.page("delegate", needLogin))
	m.HandleFunc("POST /a/{id}/delegate", s.ballotStep)
	m.HandleFunc("GET /a/{id}/chair", s.page("chair", needLogin))
	for _, part := range []string{"agenda", "elections", "hall", "screens", "sitting"} {
		m.HandleFunc("GET /a/{id}/chair/"+part, s.page("chair-"+part, needLogin))
	}
	m.HandleFunc("GET /a/{id}/secretary", s.page("secretary", needLogin))
	m.HandleFunc("GET /a/{id}/trustee", s.page("trustee", needLogin))
	m.HandleFunc("GET /ballot/{file}", s.serveBallotModule)
	m.HandleFunc("GET /a/{id}/mandates", s.page("mandates", needLogin))
	m.HandleFunc("GET /a/{id}/sessions", s.page("sessions", needLogin))
	m.HandleFunc("POST /a/{id}/sessions", s.endOtherSessions)
	m.HandleFunc("POST /a/{id}/sessions/device-link", s.newDeviceLink)
	m.HandleFunc("GET /a/{id}/projector", s.page("projector", public))
	m.HandleFunc("GET /a/{id}/record", s.page("record", public))
	m.HandleFunc("GET /a/{id}/receipt", s.receipt)
	m.HandleFunc("POST /a/{id}/secret-receipt", s.secretReceipt)
	m.HandleFunc("POST /a/{id}/mandate-cards.pdf", s.mandateCards)
	m.HandleFunc("POST /a/{id}/mandate-cards.html", s.mandateCardsHTML)
	m.HandleFunc("POST /a/{id}/revoke-codes", s.revokeCodes)
	m.HandleFunc("GET /a/{id}/minutes/{format}", s.minutes)
	m.HandleFunc("GET /a/{id}/record.db", s.recordFile)
	m.HandleFunc("POST /a/{id}/act", s.act)
	m.HandleFunc("GET /a/{id}/choices/persons", s.choices(everyone))
	m.HandleFunc("GET /a/{id}/choices/speakers", s.choices(speakers))
	m.HandleFunc("GET /a/{id}/choices/delegates", s.choices(delegates))
	m.HandleFunc("GET /a/{id}/choices/in-hall", s.choices(hallSets["in"]))
	m.HandleFunc("GET /a/{id}/choices/out-of-hall", s.choices(hallSets["out"]))
	s.motionsPages(m)
	s.setupRoutes(m)
	return s
}

// Routes returns the routes the pages serve, for tests that must see
// every route of the server.
func (s *server) Routes() []routes.Route { return s.mux.Routes() }

// ServeHTTP serves the pages behind the session middleware.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self' 'wasm-unsafe-eval'; frame-ancestors 'none'")
	if auth.FromContext(r.Context()) == nil {
		s.auth.Middleware(s.mux).ServeHTTP(w, r)
		return
	}
	s.mux.ServeHTTP(w, r)
}

func parsePages() map[string]*template.Template {
	base := template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/parts*.html", "templates/motionparts.html"))
	template.Must(base.New("loginform").Parse(auth.LoginFormTemplate)) // the form of auth's refusal page too
	pages := map[string]*template.Template{}
	for _, name := range pageNames {
		t := template.Must(base.Clone())
		t = template.Must(t.ParseFS(templateFS, "templates/"+name+".html"))
		pages[name] = t.Funcs(staticParts(t))
	}
	return pages
}

// render executes the named template into a buffer and writes it, so a
// failing template never sends half a page.
func (s *server) render(w http.ResponseWriter, r *http.Request, status int, page, tmpl string, data any) {
	localize(r, data)
	buf := pageBuffer()
	defer buf.free()
	err := s.pages[page].ExecuteTemplate(buf, tmpl, data)
	s.send(w, r, status, page, buf.Bytes(), err)
}

// pageBuf is a buffer a page is rendered into before it is sent. The
// buffers are reused (pageBuffers): a page of the chair's console grew
// a new one of 16 KB, doubling from nothing, on every render, and copied
// it once more to send it.
type pageBuf struct{ bytes.Buffer }

// pageBuffers are the buffers of the pages rendered and sent.
var pageBuffers = sync.Pool{New: func() any { return new(pageBuf) }}

// maxPooledPage is the largest buffer kept for another page: a page of
// a picker of every person of a large assembly is not kept, so that one
// such render does not hold its megabyte for the console's next ten.
const maxPooledPage = 256 << 10

// pageBuffer is an empty buffer to render a page into; free returns it
// once the page is sent.
func pageBuffer() *pageBuf {
	b := pageBuffers.Get().(*pageBuf)
	b.Reset()
	return b
}

// free gives the buffer back for another page: its bytes must no longer
// be used.
func (b *pageBuf) free() {
	if b.Cap() <= maxPooledPage {
		pageBuffers.Put(b)
	}
}

// localize sets the language of a page's view (i18n.Choose: the person's
// choice, their browser's, the assembly's) and the address the language
// switch returns to.
func localize(r *http.Request, data any) {
	p, ok := data.(interface{ page() *view })
	if !ok {
		return
	}
	v := p.page()
	lang := ""
	if v.S != nil {
		lang = v.S.Assembly.Language
	}
	v.L, v.Path = i18n.Choose(r, lang), r.URL.RequestURI()
	if v.Page == "projector" {
		v.L = projectorLocale(r, lang)
	}
}

// projectorLocale is the language of a projector: the hall's screen is
// shared by everyone in it, so it follows the assembly's language, not the
// browser or the choice of whoever set up the computer that drives it; a
// screen for another language's delegates (an overflow room) is opened
// with ?lang= on its address.
func projectorLocale(r *http.Request, assemblyLang string) *i18n.Locale {
	if l := r.URL.Query().Get("lang"); i18n.Supported(l) || l == i18n.Pseudo {
		return i18n.For(l)
	}
	return i18n.For(assemblyLang)
}

// send writes a page rendered into a buffer, or, if rendering it failed
// (err), says so instead.
func (s *server) send(w http.ResponseWriter, r *http.Request, status int, page string, html []byte, err error) {
	if err != nil {
		s.opts.Logger.Error("web: rendering failed", "page", page, "err", err)
		plainError(w, r, nil, http.StatusInternalServerError, "web.http.page_failed")
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(html)
}

// csrfToken is the anti-forgery token of a session: a MAC of its cookie, so
// a page on another site cannot know it.
func (s *server) csrfToken(r *http.Request) string {
	token := auth.Token(r) // either name of the session cookie
	if token == "" {
		return ""
	}
	mac := hmac.New(sha256.New, s.opts.Secret)
	mac.Write([]byte("plenum web form\x00"))
	mac.Write([]byte(token))
	return hex.EncodeToString(mac.Sum(nil)[:16])
}

// validForm reports whether a state-changing request comes from plenum's
// own pages: same origin, and the session's token in the form.
func (s *server) validForm(r *http.Request) bool {
	if !auth.SameOrigin(r) {
		return false
	}
	want := s.csrfToken(r)
	return want != "" && hmac.Equal([]byte(r.PostFormValue("csrf")), []byte(want))
}

// newKey returns a random idempotency key for a form, so that a form sent
// twice (a double tap, a retry after a lost answer) is applied once.
func newKey() string {
	b := make([]byte, 12)
	rand.Read(b)
	return "web-" + hex.EncodeToString(b)
}

// flash is a message carried to the next page view in a short-lived cookie.
type flash struct {
	Error bool
	Text  string
}

const flashCookie = "plenum_flash"

func setFlash(w http.ResponseWriter, id string, f flash) {
	v := "ok:" + f.Text
	if f.Error {
		v = "err:" + f.Text
	}
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: url.QueryEscape(v), Path: "/a/" + id + "/", MaxAge: 60, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

func takeFlash(w http.ResponseWriter, r *http.Request, id string) *flash {
	c, err := r.Cookie(flashCookie)
	if err != nil {
		return nil
	}
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: "", Path: "/a/" + id + "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	v, err := url.QueryUnescape(c.Value)
	if err != nil {
		return nil
	}
	switch {
	case strings.HasPrefix(v, "ok:"):
		return &flash{Text: v[3:]}
	case strings.HasPrefix(v, "err:"):
		return &flash{Error: true, Text: v[4:]}
	}
	return nil
}

// viewer is who is looking at a page, in one assembly: their offices as
// the domain answers (assembly.State.Offices).
type viewer struct {
	Person   string
	Name     string
	Admin    bool // a server administrator
	LoggedIn bool // logged in to this assembly
	assembly.Offices
}

// identify says who sess is in s.
func identify(s *assembly.State, sess *auth.Session) viewer {
	var v viewer
	if sess == nil || !sess.In(s.Assembly.ID) {
		return v
	}
	v.LoggedIn = true
	v.Person = sess.Person
	if sess.Admin {
		v.Person, v.Admin = auth.AdminPerson, true
	}
	v.Offices = s.Offices(v.Person)
	v.Name = v.Person
	if p := s.Persons[v.Person]; p != nil && p.Name != "" {
		v.Name = p.Name
	}
	return v
}

// Has reports whether the viewer holds an office (a role, "delegate" or
// "guest").
func (v viewer) Has(role string) bool { return v.Holds(role) }

// home is the page of the viewer's first office; a person logged in
// without one (a guest of a joint sitting before it opens or after it
// closes, a person whose mandate is not verified yet) has their own page,
// with the navigation and the logout, which the projector has not.
func (v viewer) home() string {
	switch {
	case v.Has(string(assembly.RoleChair)):
		return "chair"
	case v.Has(string(assembly.RoleSecretary)):
		return "secretary"
	case v.Has(string(assembly.RoleMandateCommission)):
		return "mandates"
	}
	return "delegate"
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// chooseLanguage keeps a person's choice of language (the switch on every
// page) in a cookie for a year and sends them back to the page they were
// on. It changes nothing but the cookie; a choice from another site's page
// is refused.
func (s *server) chooseLanguage(w http.ResponseWriter, r *http.Request) {
	if !auth.SameOrigin(r) {
		plainError(w, r, nil, http.StatusForbidden, "web.http.lang_other_site")
		return
	}
	lang := r.PostFormValue("lang")
	if !i18n.Supported(lang) {
		plainError(w, r, nil, http.StatusBadRequest, "web.http.lang_unknown", lang)
		return
	}
	// Back to a page of this site, as after logging in (auth.LocalPath):
	// not "/\t/host", which a browser reads as "//host", nor a login
	// link, which this redirect (same-origin to the browser) would follow
	// as the person's own.
	next := r.PostFormValue("next")
	if !auth.LocalPath(next) {
		next = "/"
	}
	http.SetCookie(w, &http.Cookie{Name: i18n.Cookie, Value: lang, Path: "/", MaxAge: 365 * 24 * 3600, SameSite: http.SameSiteLaxMode, HttpOnly: true})
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// plainError answers with a short error as plain text (for a script, a
// fragment, a download, or a request no page answers), in the language
// of the request: the person's choice, their browser's, a's (nil: none).
func plainError(w http.ResponseWriter, r *http.Request, a *engine.Assembly, status int, key string, args ...any) {
	http.Error(w, localeOf(r, a).T(key, args...), status)
}

// localeOf is the language of what the server says to a request in
// assembly a (a message after a form, a refusal): the person's choice,
// their browser's, the assembly's (i18n.Choose).
func localeOf(r *http.Request, a *engine.Assembly) *i18n.Locale {
	lang := ""
	if a != nil {
		a.Read(func(st *assembly.State) { lang = st.Assembly.Language })
	}
	return i18n.Choose(r, lang)
}
