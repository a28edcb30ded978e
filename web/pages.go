package web

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/mod/sumdb/tlog"

	"plenum/assembly"
	"plenum/auth"
	"plenum/cosign"
	"plenum/engine"
	"plenum/httpapi"
	"plenum/i18n"
	"plenum/named"
)

// view is what a page template sees. S is the assembly's state, valid only
// while the page renders (inside (*engine.Assembly).Read).
type view struct {
	// personChoices memoizes PersonChoices for one rendering: a page of
	// a large assembly lists every person in several pickers.
	personChoices []Choice
	// sakes says whether another person bears a person's name
	// (namesake), asked once for one rendering.
	sakes func(id string) bool
	// once memoizes, for one rendering, what a page asks of the state
	// several times: the speakers' list (the list, the viewer's place on
	// it, its first few), the votes and elections in progress, the
	// chair's next act.
	once struct {
		speakers, activeVotes, activeElections, nextAction bool
	}
	speakers        []assembly.Request
	activeVotes     []*assembly.Vote
	activeElections []*assembly.Election
	nextAction      nextAction
	// pickerLimit is how many persons a picker lists whole
	// (Options.PickerLimit); finders are the search forms of the pickers
	// searched on the server (PickPerson), in the order rendered.
	pickerLimit int
	finders     []string
	// draftsSetups is how many forms of a vote between competing drafts
	// the render has given their encrypted fields (DraftsSetup).
	draftsSetups int
	// asm is the assembly whose readers' state S is, when the page
	// reads one (its quorum is counted once for each state).
	asm *engine.Assembly
	// live is the memo of the counts the page shows live, for asm's
	// readers' state (liveOf).
	live *atomic.Pointer[liveOf]
	// index is the index of the persons that the searches of asm's
	// readers' state read (personIndexOf).
	index *atomic.Pointer[personIndex]

	Page  string
	Title string
	ID    string
	S     *assembly.State
	Me    viewer
	CSRF  string
	Flash *flash
	Now   time.Time
	Query url.Values
	// Form is a ballot posted to the delegate's page for its
	// confirmation step (POST /a/{id}/delegate), or a set-up form sent
	// back with a refusal (keptForms), or nil.
	Form       url.Values
	Checkpoint string
	Size       int64
	Witness    *cosign.Status // nil without witnesses
	// Check is, on the record page, the verifier key and the log's
	// address a reader checks it with (checkinfo.go).
	Check      *checkInfo
	Receipt    *receiptView
	Assemblies []assemblyLink
	Next       string
	// LoginCode and LoginAdmin fill in the login form with the code or
	// the administrator's token of a login link another site made the
	// browser follow (auth.FromAnotherSite), for the person to confirm.
	LoginCode, LoginAdmin string
	// MyBallots are the viewer's ballots on their receipts page
	// (receipts.go).
	MyBallots []myBallot
	// MyBallotsLater says that the viewer's ballots could not be listed
	// just now (myBallots: the log is still being read after a start).
	MyBallotsLater bool
	// Reader says whether the viewer may read the assembly's record
	// (httpapi.MayRead).
	Reader bool
	// Screen is the projector's screen (the projector's page only).
	Screen assembly.Screen
	// Loc is the zone the hall's clock shows.
	Loc *time.Location
	// L is the language of the page (i18n.Choose), set by render.
	L *i18n.Locale
	// Path is the page's address, for the language switch to return to.
	Path string
	// LocalCardsURL is, on the mandates page, the address the cards'
	// links would point to when only this computer can open it
	// (server.localCardsURL), for the page to warn of; else "".
	LocalCardsURL string
	// Sessions are, on the sessions page, the viewer's own live
	// sessions (auth.Store.OwnSessions), theirs first.
	Sessions []auth.OwnSession
	// DeviceLink is, on the sessions page answering a server
	// administrator's "Log in on another device", the link just made
	// (sessions.go), else nil.
	DeviceLink *deviceLink
	// ended is, on the pages with the login form (the login page, the
	// list of assemblies, an assembly's public page), the note of the
	// session the browser held and someone else ended
	// (endedsession.go), or nil.
	ended *endedView
}

// page returns the view itself: render finds the view of any page's data
// (the pages' own views embed it) to set its language.
func (v *view) page() *view { return v }

// Word is a word of a closed set (a kind of request, of mandate, of
// motion, an outcome, a state) in the page's language: the catalog's
// "web.word.<value>", else the value with its underscores as spaces.
func (v *view) Word(s string) string { return word(v.L, s) }

// word is a word of a closed set in l's language: the catalog's
// "web.word.<value>", else the value with its underscores as spaces
// (view.Word, staticView.Word, stateView.Word).
func word(l *i18n.Locale, s string) string {
	if k := "web.word." + s; l.Has(k) {
		return l.T(k)
	}
	return strings.ReplaceAll(s, "_", " ")
}

// Lang is the page's language tag, for its lang attribute.
func (v *view) Lang() string { return v.L.Lang() }

// Languages are the languages of the switch on every page.
func (v *view) Languages() []i18n.Language { return i18n.Languages }

// assemblyLink is an assembly in a list; Reader says whether the viewer
// may read its record.
type assemblyLink struct {
	ID, Name, Starts string
	Reader           bool
	// Held is set for an assembly the server holds out (index_held.go).
	Held *heldLink
}

// access says who may see a page.
type access int

const (
	public access = iota
	needLogin
)

// page serves one of the assembly's pages, whole or only its live regions
// (?fragment=live).
func (s *server) page(name string, acc access) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { s.servePage(w, r, name, acc, nil) }
}

// servePage renders the page name for the request, with form as the
// ballot posted for confirmation (nil on a GET).
func (s *server) servePage(w http.ResponseWriter, r *http.Request, name string, acc access, form url.Values) {
	s.servePageAs(w, r, name, acc, form, nil, http.StatusOK)
}

// servePageAs is servePage with the message fl shown instead of the one
// the cookie holds (nil: that one) and the status given: a set-up form
// sent back with a refusal, with what was typed in it (setupAct).
func (s *server) servePageAs(w http.ResponseWriter, r *http.Request, name string, acc access, form url.Values, fl *flash, status int) {
	a, ok := s.assemblyOf(w, r)
	if !ok {
		return
	}
	sess := auth.FromContext(r.Context())
	if acc == needLogin && (sess == nil || !sess.In(a.ID())) {
		if r.URL.Query().Get("fragment") != "" {
			plainError(w, r, a, http.StatusUnauthorized, "web.http.log_in")
			return
		}
		http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	}
	v := &view{Page: name, ID: a.ID(), CSRF: s.csrfToken(r), Now: s.opts.Now().UTC(), Query: r.URL.Query(), Form: form, Loc: s.opts.Location, pickerLimit: s.opts.PickerLimit, asm: a, live: s.live.slot(a.ID()), index: s.live.indexSlot(a.ID())}
	if name == "mandates" {
		v.LocalCardsURL = s.localCardsURL(r)
	}
	if name == "sessions" && !s.ownSessions(w, r, a, v) {
		return
	}
	frag := r.URL.Query().Get("fragment")
	if fl != nil {
		v.Flash = fl
	} else if frag == "" {
		v.Flash = takeFlash(w, r, a.ID())
	}
	if name == "record" || name == "projector" {
		v.Checkpoint = string(a.Log().Checkpoint())
		v.Size = a.Log().Size()
		if name == "record" {
			v.Check = s.checkInfoOf(r, a.ID())
		}
		if s.opts.Witnesses != nil {
			if st, err := s.opts.Witnesses.Status(r.Context(), a.Log().Origin()); err == nil && st.Enabled {
				v.Witness = &st
			}
		}
	}
	tmpl := "layout"
	if frag != "" {
		tmpl = "live"
	}
	buf := pageBuffer()
	defer buf.free()
	var err error
	why := ""
	a.Read(func(st *assembly.State) {
		// A person's own page is theirs whatever the setting; every
		// other page shows the record, to those who may read it.
		if v.Reader = httpapi.MayRead(st, sess); !v.Reader && !ownPage(name) {
			status, why = httpapi.ReadRefusalIn(st, sess, i18n.Choose(r, st.Assembly.Language))
			return
		}
		v.S = st
		v.Me = identify(st, sess)
		localize(r, v)
		v.Title = pageTitle(v.L, name) + " · " + balanced(st.Assembly.Name)
		if name == "projector" {
			id := r.URL.Query().Get("screen")
			if id == "" {
				id = assembly.DefaultScreen
			}
			v.Screen = st.ScreenOf(id)
			if v.Screen.Name != "" {
				v.Title = balanced(v.Screen.Name) + " · " + v.Title
			}
		}
		localize(r, v)
		err = s.pages[name].ExecuteTemplate(buf, tmpl, v)
	})
	if why != "" {
		s.closed(w, r, status, frag != "", why)
		return
	}
	s.send(w, r, status, name, buf.Bytes(), err)
}

// ballotStep serves POST /a/{id}/delegate: the delegate's page at the
// confirmation step of the ballot the form carries (a vote's choice, or
// an election's ranking, names or list), or, with step=fill, with an
// election's ballot filled in again as it was. The choice travels only in
// the body of the request, never in a URL, so it reaches neither the
// browser's history nor a proxy's log; nothing is recorded until the
// confirming form is sent to /act.
func (s *server) ballotStep(w http.ResponseWriter, r *http.Request) {
	a, _, fail, ok := s.pageForm(w, r, "delegate", 64<<10)
	if !ok {
		return
	}
	switch r.PostFormValue("step") {
	case "check", "fill":
	default:
		fail(localeOf(r, a).T("web.err.ballot_stale"))
		return
	}
	s.servePage(w, r, "delegate", needLogin, r.PostForm)
}

func pageTitle(l *i18n.Locale, name string) string {
	switch name {
	case "delegate", "chair", "chair-agenda", "chair-elections", "chair-hall", "chair-screens", "chair-sitting",
		"secretary", "mandates", "projector", "record", "receipt", "trustee", "sessions":
		return l.T("web.title." + name)
	}
	if setupTitles[name] {
		return l.T("web.su.t." + name)
	}
	return "plenum"
}

func (s *server) assemblyOf(w http.ResponseWriter, r *http.Request) (*engine.Assembly, bool) {
	a, said := s.assemblyHere(w, r)
	if a == nil && !said {
		plainError(w, r, nil, http.StatusNotFound, "web.http.no_assembly", r.PathValue("id"))
	}
	return a, a != nil
}

// index lists the assemblies and offers the login form.
func (s *server) index(w http.ResponseWriter, r *http.Request) {
	v := &view{Page: "index", Title: "plenum"}
	sess := auth.FromContext(r.Context())
	for _, a := range s.eng.Assemblies() {
		a.Read(func(st *assembly.State) {
			v.Assemblies = append(v.Assemblies, assemblyLink{ID: st.Assembly.ID, Name: st.Assembly.Name, Starts: st.Assembly.Starts, Reader: httpapi.MayRead(st, sess)})
		})
	}
	v.Assemblies = append(v.Assemblies, s.heldLinks(i18n.Choose(r, ""))...)
	if sess != nil {
		v.Me = viewer{LoggedIn: true, Person: sess.Person, Name: sess.Person, Admin: sess.Admin}
		if sess.Assembly != "" {
			http.Redirect(w, r, "/a/"+url.PathEscape(sess.Assembly)+"/", http.StatusSeeOther)
			return
		}
	} else {
		v.Now, v.Loc, v.ended = s.opts.Now().UTC(), s.opts.Location, s.endedSession(r)
	}
	s.render(w, r, http.StatusOK, "index", "layout", v)
}

// LoginForm is what the page's login form shows (auth.LoginFormTemplate):
// the code or administrator's token of a login link another site made
// the browser follow, with a warning, and where to go after logging in,
// by default the assembly's page.
func (v *view) LoginForm() auth.LoginForm {
	next := v.Next
	if next == "" && v.ID != "" {
		next = "/a/" + v.ID + "/"
	}
	return auth.LoginForm{L: v.L, Code: v.LoginCode, Admin: v.LoginAdmin, Next: next, FromAnotherSite: v.LoginCode != "" || v.LoginAdmin != "", Ended: v.EndedNote()}
}

// login serves the login form, for GET /login without a code, or with
// one from a link another site made the browser follow, filled in with
// it (auth.HandleLogin logs nobody in then). A browser whose session
// someone else ended is told when, why and by whom (endedSession).
func (s *server) login(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	next := q.Get("next")
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		next = ""
	}
	v := &view{Page: "login", Title: i18n.Choose(r, "").T("web.login") + " · plenum", Next: next, Now: s.opts.Now().UTC(), Loc: s.opts.Location, ended: s.endedSession(r)}
	if auth.FromAnotherSite(r) {
		v.LoginCode, v.LoginAdmin = q.Get("code"), q.Get("admin")
	}
	s.render(w, r, http.StatusOK, "login", "layout", v)
}

// landing sends a logged-in person to the page of their office, and shows
// the public the pages open to them.
func (s *server) landing(w http.ResponseWriter, r *http.Request) {
	a, ok := s.assemblyOf(w, r)
	if !ok {
		return
	}
	sess := auth.FromContext(r.Context())
	v := &view{Page: "landing", ID: a.ID()}
	var home string
	a.Read(func(st *assembly.State) {
		v.Me = identify(st, sess)
		v.Title = balanced(st.Assembly.Name)
		v.Reader = httpapi.MayRead(st, sess)
		v.Assemblies = []assemblyLink{{ID: st.Assembly.ID, Name: st.Assembly.Name, Starts: st.Assembly.Starts, Reader: v.Reader}}
		if v.Me.LoggedIn {
			home = v.Me.home()
		}
	})
	if home != "" {
		http.Redirect(w, r, "/a/"+url.PathEscape(a.ID())+"/"+home, http.StatusSeeOther)
		return
	}
	if sess == nil {
		// Its login form tells a browser whose session someone else
		// ended why, as the login page does.
		v.Now, v.Loc, v.ended = s.opts.Now().UTC(), s.opts.Location, s.endedSession(r)
	}
	s.render(w, r, http.StatusOK, "landing", "layout", v)
}

// receiptView is a voter's receipt: the entry that records their ballot,
// its leaf hash, and a signed checkpoint of a tree that includes it.
type receiptView struct {
	Vote     string
	Question string
	Choice   string
	// ChoiceLabel is the choice in words (a draft's title on competing
	// drafts).
	ChoiceLabel string
	Index       int64
	LeafHash    string
	Checkpoint  string
	Secret      bool
	// Election marks a ballot in an election (Vote is the election's
	// id, Choice the ballot in words).
	Election bool
	ballot   *assembly.ElectionBallot
	// Ballot is an election's ballot in words, its names isolated.
	Ballot template.HTML
	// Token is a secret ballot's token, shown once (empty after), and
	// TokenFile the small text file to save it in.
	Token     string
	TokenFile template.URL
	// Tracker is an encrypted ballot's tracker: the SHA-256 of the
	// encrypted ballot, which the entry holds; it says nothing of the
	// choice.
	Tracker string
	// right is the voting right the ballot was cast with, voter who cast
	// it; For is the name of the holder of the mandate it was cast for
	// when that is another's, carried as proxy ("" for one's own).
	right, voter string
	For          string
	// Check is the verifier key and the log's address, to check the
	// receipt with (checkinfo.go).
	Check *checkInfo
}

// File is the name the receipt's file is saved under (receiptFile), which
// the page's commands name, so that they run as shown where it is saved.
func (rc *receiptView) File() string {
	return fmt.Sprintf("receipt-%s-%d.tlog-proof", fileSafe(rc.Vote), rc.Index)
}

// SecretFile is the name of the file of a secret ballot's receipt after
// the close (secretReceipt), which the page's command with --token names.
func (rc *receiptView) SecretFile() string { return secretReceiptFile(rc.Vote) }

// receipt shows the receipt of a ballot the viewer cast (?entry=N).
func (s *server) receipt(w http.ResponseWriter, r *http.Request) {
	a, ok := s.assemblyOf(w, r)
	if !ok {
		return
	}
	sess := auth.FromContext(r.Context())
	if sess == nil || !sess.In(a.ID()) {
		http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	}
	if !r.URL.Query().Has("entry") {
		s.receiptsHelp(w, r, a, sess) // receipts.go
		return
	}
	rc, err := s.receiptOf(r.Context(), a, sess, r.URL.Query().Get("entry"))
	var later *notYetHereError
	if errors.As(err, &later) {
		w.Header().Set("Retry-After", "1")
		plainError(w, r, a, http.StatusServiceUnavailable, "web.http.receipt_not_yet", later.entry)
		return
	}
	if err != nil {
		plainError(w, r, a, http.StatusNotFound, "web.http.no_receipt")
		return
	}
	if r.URL.Query().Get("download") == "1" {
		s.receiptFile(w, r, a, rc)
		return
	}
	// ?fragment=receipt is the receipt alone, which the delegate's page
	// shows in place; ?fragment=live the page's live region.
	frag := r.URL.Query().Get("fragment")
	tmpl := map[string]string{"": "layout", "live": "live", "receipt": "receipt-body"}[frag]
	if tmpl == "" {
		plainError(w, r, a, http.StatusNotFound, "web.http.no_receipt_part")
		return
	}
	if rc.Secret && rc.Tracker == "" && frag != "live" {
		// Only the receipt itself shows the token, once.
		var ok bool
		if rc.Token, ok = s.takeToken(w, r, a.ID(), actorOf(sess), rc.Index); !ok {
			// The cookie is kept: the page shows the token when tried again.
			plainError(w, r, a, http.StatusServiceUnavailable, "web.http.page_failed")
			return
		}
	}
	rc.Check = s.checkInfoOf(r, a.ID())
	v := &view{Page: "receipt", ID: a.ID(), CSRF: s.csrfToken(r), Now: s.opts.Now().UTC(), Receipt: rc, Loc: s.opts.Location, Query: r.URL.Query()}
	if frag == "" {
		v.Flash = takeFlash(w, r, a.ID())
	}
	var buf strings.Builder
	a.Read(func(st *assembly.State) {
		v.S, v.Me = st, identify(st, sess)
		localize(r, v) // before the choice's label, which is in the page's language
		v.Title = v.L.T("web.title.receipt") + " · " + balanced(st.Assembly.Name)
		if vt := st.Votes[rc.Vote]; vt != nil && !rc.Election {
			rc.Question = named.VoteQuestion(st, vt)
			rc.ChoiceLabel = v.ChoiceLabel(vt, rc.Choice)
		}
		if el := st.Elections[rc.Vote]; el != nil && rc.Election {
			rc.Question = el.Title
			if rc.ballot != nil { // an encrypted ballot has no text
				rc.Ballot = v.BallotText(el, *rc.ballot)
			}
		}
		if md := st.Mandates[rc.right]; md != nil && md.Person != rc.voter {
			rc.For = v.Name(md.Person)
		}
		if rc.Token != "" {
			opened := ""
			if vt := st.Votes[rc.Vote]; vt != nil {
				opened = v.Clock(vt.OpenedAt)
			}
			rc.TokenFile = tokenFileURL(tokenFile(v.L, st.Assembly.Name, rc.Question, opened, rc.Token, rc.SecretFile(), rc.Check))
		}
		err = s.pages["receipt"].ExecuteTemplate(&buf, tmpl, v)
	})
	s.sendReceiptPage(w, r, a, buf.String(), err)
}

// sendReceiptPage answers with a receipt page rendered as page, or, if
// rendering failed with err, with the error page: never stored, since it
// is one person's.
func (s *server) sendReceiptPage(w http.ResponseWriter, r *http.Request, a *engine.Assembly, page string, err error) {
	if err != nil {
		s.opts.Logger.Error("web: rendering failed", "page", "receipt", "err", err)
		plainError(w, r, a, http.StatusInternalServerError, "web.http.page_failed")
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write([]byte(page))
}

// receiptFile sends a ballot's receipt as a C2SP tlog-proof file: the
// entry's bytes and its inclusion proof at the log's current checkpoint,
// which plenum verify --receipt FILE --key VKEY checks offline (the page
// shows the command).
func (s *server) receiptFile(w http.ResponseWriter, r *http.Request, a *engine.Assembly, rc *receiptView) {
	receipt, err := engine.EntryReceipt(r.Context(), a, rc.Index)
	if err != nil {
		s.opts.Logger.Error("web: receipt file failed", "assembly", a.ID(), "entry", rc.Index, "err", err)
		plainError(w, r, a, http.StatusInternalServerError, "web.http.receipt_failed")
		return
	}
	w.Header().Set("Content-Type", "application/tlog-proof")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", rc.File()))
	w.Write(receipt)
}

// actorOf is the person a session acts as.
func actorOf(sess *auth.Session) string {
	if sess.Admin {
		return auth.AdminPerson
	}
	return sess.Person
}

// errNoReceipt is the answer for an entry that is not the viewer's ballot
// (the page says web.http.no_receipt).
var errNoReceipt = fmt.Errorf("there is no ballot of yours at this entry")

func (s *server) receiptOf(ctx context.Context, a *engine.Assembly, sess *auth.Session, entry string) (*receiptView, error) {
	var idx int64
	if _, err := fmt.Sscan(entry, &idx); err != nil || idx < 0 {
		return nil, errNoReceipt
	}
	if idx >= a.Log().Size() {
		if err := s.awaitEntry(ctx, a, idx); err != nil {
			return nil, err
		}
	}
	es, err := a.Log().Read(ctx, idx, idx+1)
	if err != nil || len(es) != 1 {
		return nil, errNoReceipt
	}
	raw, err := a.Log().Raw(ctx, idx, idx+1)
	if err != nil || len(raw) != 1 {
		return nil, errNoReceipt
	}
	ev, err := assembly.DecodeEvent(es[0].Type, es[0].Payload)
	if err != nil {
		return nil, errNoReceipt
	}
	if eb, ok := ev.(assembly.ElectionBallotCast); ok && eb.Ballot.Voter == actorOf(sess) {
		b := eb.Ballot
		rc := &receiptView{Vote: eb.Election, Election: true, Index: idx, ballot: &b, right: b.Right, voter: b.Voter,
			LeafHash: tlog.RecordHash(raw[0]).String(), Checkpoint: string(a.Log().Checkpoint())}
		a.Read(func(st *assembly.State) {
			if el := st.Elections[eb.Election]; el != nil && el.Secret {
				// A secret election's entry records that the voter voted:
				// the receipt shows the token, as a secret vote's does.
				rc.Secret, rc.ballot = true, nil
			}
		})
		return rc, nil
	}
	if eb, ok := ev.(assembly.EncryptedBallotCast); ok && eb.Voter == actorOf(sess) {
		return &receiptView{Vote: eb.Vote + eb.Election, Election: eb.Election != "", Index: idx, Secret: true, Tracker: eb.Tracker, right: eb.Right, voter: eb.Voter,
			LeafHash: tlog.RecordHash(raw[0]).String(), Checkpoint: string(a.Log().Checkpoint())}, nil
	}
	b, ok := ev.(assembly.BallotCast)
	if !ok || b.Voter != actorOf(sess) {
		return nil, errNoReceipt
	}
	return &receiptView{Vote: b.Vote, Choice: b.Choice, Index: idx, Secret: b.Choice == "", right: b.Right, voter: b.Voter,
		LeafHash: tlog.RecordHash(raw[0]).String(), Checkpoint: string(a.Log().Checkpoint())}, nil
}

// The helpers the templates call on a view.

// Name is a person's name, followed by what tells them apart where
// another person of the assembly bears it too (personName), or their id
// if unknown.
func (v *view) Name(person string) string {
	if n := personName(v.S, v.L, v.namesake, person); n != "" {
		return n
	}
	return person
}

// Names joins persons' names, each isolated (bdi), so that a name in
// Arabic or Hebrew does not turn the order of the list around.
func (v *view) Names(persons []string) template.HTML {
	ns := make([]string, 0, len(persons))
	for _, p := range persons {
		ns = append(ns, v.Name(p))
	}
	return bdiJoin(ns, ", ")
}

// Item is the current item of the open sitting, or nil.
func (v *view) Item() *assembly.Item {
	if st := v.S.Sitting(); st != nil && st.CurrentItem != "" {
		return v.S.Items[st.CurrentItem]
	}
	return nil
}

// Items is the order of the day.
func (v *view) Items() []*assembly.Item {
	var out []*assembly.Item
	for _, id := range v.S.ItemOrder {
		out = append(out, v.S.Items[id])
	}
	return out
}

// Turn is the current speaker's turn on the current item, or nil: the
// turn running of whoever has the floor, which is a speech resumed after
// an interposed question as well (not the last turn then). It is a copy
// as the pages time it: From is moved on by the time interposed questions
// took (Paused, which is not the speaker's), so that the elapsed time the
// countdown shows where there is no limit (data-from) and the end of the
// time (Ends) are the speaker's own.
func (v *view) Turn() *assembly.Turn {
	it := v.Item()
	if it == nil || it.Floor.Speaker == "" {
		return nil
	}
	for i := len(it.Floor.Turns) - 1; i >= 0; i-- {
		if t := it.Floor.Turns[i]; t.To.IsZero() && t.Person == it.Floor.Speaker {
			t.From = t.From.Add(time.Duration(t.Paused) * time.Second)
			t.Paused = 0
			return &t
		}
	}
	return nil
}

// Ends is when the current turn's time is up, in Unix milliseconds (0: no
// limit): its speaking time as the record judges overtime
// (assembly.State.TurnLimit).
func (v *view) Ends(t *assembly.Turn) int64 {
	lim := v.S.TurnLimit(t)
	if lim <= 0 {
		return 0
	}
	return t.From.Add(time.Duration(lim) * time.Second).UnixMilli()
}

// Remaining is the speaking time left now, as the page shows it before the
// script takes over ("-0:12" in overtime, elapsed time when there is no
// limit).
func (v *view) Remaining(t *assembly.Turn) string {
	lim := v.S.TurnLimit(t)
	if lim <= 0 {
		return clock(v.Now.Sub(t.From))
	}
	d := t.From.Add(time.Duration(lim) * time.Second).Sub(v.Now)
	if d < 0 {
		return "−" + clock(-d)
	}
	return clock(d)
}

func clock(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// NowMilli is the server's clock in Unix milliseconds, the countdown's
// reference.
func (v *view) NowMilli() int64 { return v.Now.UnixMilli() }

// Speakers is the current item's speakers' list in the rules' order.
func (v *view) Speakers() []assembly.Request {
	if v.once.speakers {
		return v.speakers
	}
	v.speakers, v.once.speakers = nil, true
	if it := v.Item(); it != nil {
		v.speakers = v.S.SpeakersList(it.ID)
	}
	return v.speakers
}

// MyRequest is the viewer's place (1-based) on the current speakers' list,
// or 0.
func (v *view) MyRequest() int {
	for i, r := range v.Speakers() {
		if r.Person == v.Me.Person {
			return i + 1
		}
	}
	return 0
}

// Pending is the pending motions in the order they are put to the vote.
func (v *view) Pending() []*assembly.Motion { return v.S.PendingMotions() }

// Motion looks a motion up.
func (v *view) Motion(id string) *assembly.Motion { return v.S.Motions[id] }

// VoteOn is the vote in progress (open or closed, not declared) on a
// motion, or nil.
func (v *view) VoteOn(motion string) *assembly.Vote {
	for _, id := range v.S.VoteOrder {
		if vt := v.S.Votes[id]; vt.Motion == motion && vt.InProgress() {
			return vt
		}
	}
	return nil
}

// OpenGroups are the groups of competing drafts whose basis is not yet
// chosen and on which no vote is in progress, in the order of their drafts.
func (v *view) OpenGroups() []*assembly.Alternatives {
	var out []*assembly.Alternatives
	seen := map[string]bool{}
	for _, id := range v.S.MotionOrder {
		g := v.S.Alternatives[v.S.Motions[id].Group]
		if g == nil || seen[g.ID] || g.Chosen != "" {
			continue
		}
		seen[g.ID] = true
		busy := false
		for _, vid := range v.S.VoteOrder {
			if vt := v.S.Votes[vid]; vt.Alternatives == g.ID && vt.InProgress() {
				busy = true
			}
		}
		if !busy {
			out = append(out, g)
		}
	}
	return out
}

// ActiveVotes are the votes opened and not yet declared.
func (v *view) ActiveVotes() []*assembly.Vote {
	if v.once.activeVotes {
		return v.activeVotes
	}
	var out []*assembly.Vote
	for _, id := range v.S.VoteOrder {
		if vt := v.S.Votes[id]; vt.InProgress() {
			out = append(out, vt)
		}
	}
	v.activeVotes, v.once.activeVotes = out, true
	return out
}

// OpenVote is the latest open vote, or nil.
func (v *view) OpenVote() *assembly.Vote {
	for i := len(v.S.VoteOrder) - 1; i >= 0; i-- {
		if vt := v.S.Votes[v.S.VoteOrder[i]]; vt.Status == assembly.VoteStatusOpen {
			return vt
		}
	}
	return nil
}

// LastResult is the latest declared vote, or nil.
func (v *view) LastResult() *assembly.Vote {
	for i := len(v.S.VoteOrder) - 1; i >= 0; i-- {
		if vt := v.S.Votes[v.S.VoteOrder[i]]; vt.Status == assembly.VoteStatusDeclared {
			return vt
		}
	}
	return nil
}

// Question is what a vote is on, in words.
func (v *view) Question(vt *assembly.Vote) string { return named.VoteQuestion(v.S, vt) }

// Voted reports whether the viewer has cast a ballot in vt: while
// it is in progress, from the memo of the state when it is a page's
// (live.go).
func (v *view) Voted(vt *assembly.Vote) bool {
	if l := v.liveOf(); l != nil && vt.InProgress() {
		return hasVoted(l, vt, vt.Ballots, func(b *assembly.Ballot) string { return b.Voter }, vt.Encrypted, v.Me.Person)
	}
	return votedIn(vt.Ballots, func(b *assembly.Ballot) string { return b.Voter }, vt.Encrypted, v.Me.Person)
}

// MayVote reports whether the viewer holds a right entitled in vt.
func (v *view) MayVote(vt *assembly.Vote) bool {
	if v.Me.Mandate != nil && vt.Eligible[v.Me.Mandate.ID] {
		return true
	}
	return vt.Eligible["p:"+v.Me.Person]
}

// Choices are the choices of a vote: for, against, abstain, or the drafts.
func (v *view) Choices(vt *assembly.Vote) []choice {
	var cs []choice
	if vt.Alternatives != "" {
		if a := v.S.Alternatives[vt.Alternatives]; a != nil {
			for _, m := range a.Motions {
				title := m
				if mo := v.S.Motions[m]; mo != nil {
					title = mo.Title
				}
				cs = append(cs, choice{Value: m, Label: title})
			}
		}
		cs = append(cs, choice{Value: "abstain", Label: v.L.T("web.choice.abstain")})
	} else {
		cs = []choice{{Value: "for", Label: v.L.T("web.choice.for")}, {Value: "against", Label: v.L.T("web.choice.against")}, {Value: "abstain", Label: v.L.T("web.choice.abstain")}}
	}
	return padSent(vt, cs)
}

// choice is one choice of a vote: the value the rules know, its label,
// and Sent, the value as the ballot's forms send it (secretlen.go).
type choice struct{ Value, Label, Sent string }

// ChoiceLabel is a choice's label in vt.
func (v *view) ChoiceLabel(vt *assembly.Vote, c string) string {
	for _, ch := range v.Choices(vt) {
		if ch.Value == c {
			return ch.Label
		}
	}
	return c
}

// bar is one bar of a result chart.
type bar struct {
	Word  bool // a count of the result is a word ("all the others"): no bar, the count written
	Label string
	Class string
	Count string
	Pct   int
}

// Bars are a declared result as bars: each count as a share of the votes
// cast (a range at its upper end). Should any side be a word ("all the
// others", "the majority"), no side has a bar: the numbers stated are
// then no share of anything known, and "3" beside "all the others" drawn
// as a full bar against an empty one reads as carried by all.
func (v *view) Bars(vt *assembly.Vote) []bar {
	r := vt.Result
	if r == nil {
		return nil
	}
	var bars []bar
	if vt.Alternatives != "" {
		total := 0
		for _, n := range r.ByChoice {
			total += n
		}
		keys := make([]string, 0, len(r.ByChoice))
		for k := range r.ByChoice {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return r.ByChoice[keys[i]] > r.ByChoice[keys[j]] })
		for _, k := range keys {
			bars = append(bars, bar{Label: v.ChoiceLabel(vt, k), Class: "alt", Count: v.L.Number(r.ByChoice[k]), Pct: pct(r.ByChoice[k], total)})
		}
		return bars
	}
	counts := []struct {
		label, class string
		c            assembly.Count
	}{{v.L.T("web.choice.for"), "for", r.For}, {v.L.T("web.choice.against"), "against", r.Against}, {v.L.T("web.choice.abstain"), "abstain", r.Abstain}}
	total, words := 0, false
	for _, c := range counts {
		if c.c.Word == "" {
			total += c.c.Max
		} else {
			words = true
		}
	}
	for _, c := range counts {
		if c.class == "abstain" && c.c == (assembly.Count{}) {
			continue
		}
		b := bar{Label: c.label, Class: c.class, Count: v.CountWords(c.c), Word: words}
		if !words {
			b.Pct = pct(c.c.Max, total)
		}
		bars = append(bars, b)
	}
	return bars
}

func pct(n, total int) int {
	if total <= 0 {
		return 0
	}
	return (n*100 + total/2) / total
}

// Mandates are the mandates with the given status, by their holders'
// names.
func (v *view) Mandates(status string) []*assembly.Mandate {
	var out []*assembly.Mandate
	for _, id := range v.S.MandateOrder {
		if m := v.S.Mandates[id]; m.Status == status {
			out = append(out, m)
		}
	}
	byName(out, func(m *assembly.Mandate) string { return v.Name(m.Person) })
	return out
}

// OwnMandate reports whether md is the viewer's own mandate, which the
// rules refuse to let him verify or reject while another member of the
// mandate commission can (assembly.State.OwnMandate).
func (v *view) OwnMandate(md *assembly.Mandate) bool {
	return v.Me.Person != "" && v.S.OwnMandate(v.Me.Person, md)
}

// OrgName is an organization's name.
func (v *view) OrgName(id string) string {
	if o := v.S.Organizations[id]; o != nil {
		return o.Name
	}
	return id
}

// Persons are all persons, by name.
func (v *view) Persons() []*assembly.Person {
	var out []*assembly.Person
	for _, id := range v.S.PersonOrder {
		out = append(out, v.S.Persons[id])
	}
	byName(out, func(p *assembly.Person) string { return p.Name })
	return out
}

// hall counts who is in the hall, as the assembly counts it
// (assembly.Presence): In less those who left it unnamed, Out and Walked
// with them, so that the hall tab's figures and the quorum beside them
// agree.
type hall struct {
	In, Out, Walked, Unnamed int
	// named are those in the hall by name, away those registered present
	// who left it by name (outOfHall): the pickers' persons.
	named, away int
}

// side is how many persons are on one side of the hall as the hall
// tab's pickers list them (HallChoices): "in" the hall by name, or
// "out" of it while registered present.
func (h hall) side(where string) int {
	if where == "in" {
		return h.named
	}
	return h.away
}

// Hall counts who is in the hall, who left it and who walked out,
// counted once for each state (liveOf).
func (v *view) Hall() hall {
	l := v.liveOf()
	if l == nil {
		return countHall(v.S)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.hall == nil {
		h := countHall(v.S)
		l.hall = &h
	}
	return *l.hall
}

// countHall counts the hall afresh.
func countHall(s *assembly.State) hall {
	p := s.Presence()
	h := hall{In: p.InHall, Out: p.OutOfHall, Walked: p.WalkedOut, Unnamed: p.Unnamed, named: p.Named}
	for person, in := range s.Attendance.CheckedIn {
		if in && outOfHall(s, person) {
			h.away++
		}
	}
	return h
}

// quorum is who is present against the quorum the rules set.
type quorum struct {
	Present, Needed int
	OK              bool
}

// Quorum is the quorum now (Needed 0: the rules set none).
func (v *view) Quorum() quorum {
	if v.asm != nil {
		p, n, ok := v.asm.Quorum(v.S) // counted once for each state
		return quorum{p, n, ok}
	}
	p, n, ok := v.S.Quorum()
	return quorum{p, n, ok}
}

// Recent is the last n entries of the record, newest first.
func (v *view) Recent(n int) []assembly.RecordEntry {
	var out []assembly.RecordEntry
	for i := len(v.S.Record) - 1; i >= 0 && len(out) < n; i-- {
		out = append(out, v.S.Record[i])
	}
	return out
}

// Sittings are the sittings in order.
func (v *view) Sittings() []*assembly.Sitting {
	var out []*assembly.Sitting
	for _, id := range v.S.SittingOrder {
		out = append(out, v.S.Sittings[id])
	}
	return out
}

// Document looks a document up.
func (v *view) Document(id string) *assembly.Document { return v.S.Documents[id] }

// Today is the date in the hall, in its clock's zone (Options.Location):
// a sitting opened at 00:30 in Madrid is of that day, not of the day
// before, UTC's.
func (v *view) Today() string { return v.Now.In(v.zone()).Format("2006-01-02") }

// The helpers the templates call besides the view's methods.

// Named is a text the domain wrote (a refusal, an arithmetic, a line of
// the record) with every id in it replaced by a name, each name
// isolated (bdi).
func (v *view) Named(text string) template.HTML { return namer{s: v.S, page: v}.html(text) }

// MotionTitle is a motion's title.
func (v *view) MotionTitle(id string) string {
	if m := v.S.Motions[id]; m != nil {
		return m.Title
	}
	return ""
}

// ItemTitle is an item's title.
func (v *view) ItemTitle(id string) string {
	if it := v.S.Items[id]; it != nil {
		return it.Title
	}
	return ""
}

// BodyName is a body's name.
func (v *view) BodyName(id string) string {
	if b := v.S.Bodies[id]; b != nil {
		return b.Name
	}
	return ""
}

// Speech looks the notes of a speech up.
func (v *view) Speech(id string) *assembly.Speech { return v.S.Speeches[id] }

// Election looks an election up.
func (v *view) Election(id string) *assembly.Election { return v.S.Elections[id] }

// OutcomeWord is a declared vote's outcome: carried, defeated, not
// recorded, or, on competing drafts, "chosen".
func (v *view) OutcomeWord(vt *assembly.Vote) string {
	if vt.Result == nil {
		return ""
	}
	if vt.Alternatives != "" && vt.Result.Outcome != assembly.MotionStatusNotRecorded {
		return "chosen"
	}
	return vt.Result.Outcome
}

// CountSheet is a declared election's count, or nil when it was declared
// as stated.
func (v *view) CountSheet(el *assembly.Election) *assembly.ElectionCount {
	c, err := v.S.ElectionCount(el.ID)
	if err != nil {
		return nil
	}
	return c
}

// ShortLists are the lists of an election by lists that have fewer
// candidates than the election has seats: a list may win more seats than
// it has names, and the seats it cannot fill go to the other lists
// (assembly.ElectionCount's Short), which the chair says before the vote.
func (v *view) ShortLists(el *assembly.Election) []assembly.List {
	var out []assembly.List
	for _, l := range el.Lists {
		if len(l.Candidates) < el.Seats {
			out = append(out, l)
		}
	}
	return out
}

// ListNames are the names of lists, joined.
func (v *view) ListNames(ls []assembly.List) string {
	names := make([]string, len(ls))
	for i, l := range ls {
		names[i] = l.Name
	}
	return strings.Join(names, ", ")
}

// ListOrPerson names a list of el, or a person.
func (v *view) ListOrPerson(el *assembly.Election, id string) string {
	for _, l := range el.Lists {
		if l.ID == id {
			return l.Name
		}
	}
	return v.Name(id)
}

// Tie is a tie of an election's count and how it was broken, in the
// page's language, with the names of the candidates or lists.
func (v *view) Tie(el *assembly.Election, t assembly.TieBreak) template.HTML {
	return marked(v.L.Part(t.Reason(func(id string) string { return mark(v.ListOrPerson(el, id)) })))
}

// Clock is a time of day as the hall reads it (hours and minutes, in the
// server's zone: Options.Location).
func (v *view) Clock(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(v.zone()).Format("15:04")
}

// Until is the time left until t as a countdown of the screens shows it
// before the script takes over ("4:59"; "0:00" once past).
func (v *view) Until(t time.Time) string {
	d := t.Sub(v.Now)
	if d < 0 {
		d = 0
	}
	return clock(d)
}

// pairOf gives a template two values: the view and the thing shown.
type pairOf struct {
	V *view
	X any
}

// pairWith is the function "pair": the page's view and the thing shown
// (pairOf), or in a part kept by stateKept its stateView and the thing
// (statePair), so that the templates of a page's parts are the same in
// the part kept.
func pairWith(p any, x any) (any, error) {
	switch v := p.(type) {
	case *stateView:
		return statePair{v, x}, nil
	case interface{ page() *view }:
		return pairOf{v.page(), x}, nil
	}
	return nil, fmt.Errorf("pair: of a view, not a %T", p)
}

// actor is what a one-button form is on: the page's view, or a kept
// part's stateView (the template "act-button" reads ID and Hidden).
type actor interface{ Hidden() template.HTML }

// actButton is a one-button form (the chair's next act).
type actButton struct {
	V      actor
	Cmd    string
	Key    string
	Label  template.HTML
	Fields []field
}

var funcs = template.FuncMap{
	"key":        newKey,
	"static":     noStatic,
	"keptPicker": func(any) (template.HTML, error) { return "", nil },
	"staticFor":  noStatic,
	"pair":       pairWith,
	"statePair":  func(s *stateView, x any) statePair { return statePair{s, x} },
	"stateKept": func(string, interface{ page() *view }, ...any) (template.HTML, error) {
		return "", errors.New("stateKept: a part of a page rendered outside its page set")
	},
	"fresh": func(string, any) (template.HTML, error) {
		return "", errors.New("fresh: a part of a page rendered outside its page set")
	},
	"act": func(v actor, cmd, key string, label any, kv ...string) actButton {
		b := actButton{V: v, Cmd: cmd, Key: key, Label: asHTML(label)}
		for i := 0; i+1 < len(kv); i += 2 {
			b.Fields = append(b.Fields, field{kv[i], kv[i+1]})
		}
		return b
	},
	"pickerChecks":  pickerChecks,
	"pickerOptions": pickerOptions,
	"hasPrefix":     strings.HasPrefix,
	// without is a list without one of its members.
	"without": func(xs []string, x string) []string {
		var out []string
		for _, y := range xs {
			if y != x {
				out = append(out, y)
			}
		}
		return out
	},
	"upperFirst": func(s string) string {
		if s == "" {
			return s
		}
		r, n := utf8.DecodeRuneInString(s)
		return string(unicode.ToUpper(r)) + s[n:] // a rune: "аплодисменты" → "Аплодисменты"
	},
	"upper": strings.ToUpper,
	// bdi, tr and closed set a text a person typed into a page (bidi.go).
	"bdi":        bdi,
	"tr":         tr,
	"closed":     balanced,
	"option":     option,
	"bdiJoin":    bdiJoin,
	"dirAuto":    dirAuto,
	"part":       part,
	"partOrName": partOrName,
	"stop":       stop,
	"oneStop":    oneStop,
	"words": func(s string) string {
		return strings.ReplaceAll(s, "_", " ")
	},
	"add":  func(a, b int) int { return a + b },
	"len1": func(n int) int { return n + 1 },
	"join": strings.Join,
	"list": func(xs ...string) []string { return xs },
	"seq": func(n int) []int {
		out := make([]int, n)
		for i := range out {
			out[i] = i + 1
		}
		return out
	},
}

// backPath is the path of a page under /a/{id}/ ("chair-agenda" →
// "chair/agenda").
func backPath(page string) string {
	if rest, ok := strings.CutPrefix(page, "chair-"); ok {
		return "chair/" + rest
	}
	return page
}
