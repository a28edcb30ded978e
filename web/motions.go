package web

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"plenum/assembly"
	"plenum/auth"
	"plenum/i18n"
	"plenum/internal/routes"
	"plenum/minutes"
	"plenum/motiontext"
)

// motionsView is what the motions' pages see: the list of motions, or one
// motion with its amendments, and the lines a person picked to amend.
type motionsView struct {
	*view
	List []*minutes.Motion // the motions' page: every motion with a paper

	Mo         *assembly.Motion // the motion's page: the motion
	Cur        *minutes.Motion  // as the documents show it
	Amendments []*minutes.Motion
	Amended    *minutes.Amended // its text with the carried amendments applied, if any
	Pick       *linePick        // the lines picked to amend, if any
	PickErr    string
}

// linePick is the lines a person picked to amend, with their wording as
// it stands, for the form to change.
type linePick struct {
	From, To int
	Lines    string // "lines 3–4"
	Wording  string
}

// motionsPages registers the pages of motions:
//
//	GET /a/{id}/motions              every motion submitted or amended by lines; the form to submit one
//	GET /a/{id}/motions/{m}          one motion in numbered lines, its amendments and recommendations,
//	                                 and the forms to support, recommend, amend lines (?from=&to=) and move it on
//	GET /a/{id}/motions/book.html    the motion book (also book.pdf); ?motion=M for one motion
func (s *server) motionsPages(m *routes.Mux) {
	m.HandleFunc("GET /a/{id}/motions", s.motionsPage)
	m.HandleFunc("GET /a/{id}/motions/book.html", func(w http.ResponseWriter, r *http.Request) { s.motionBook(w, r, "html") })
	m.HandleFunc("GET /a/{id}/motions/book.pdf", func(w http.ResponseWriter, r *http.Request) { s.motionBook(w, r, "pdf") })
	m.HandleFunc("GET /a/{id}/motions/{m}", s.motionPage)
}

func (s *server) motionsPage(w http.ResponseWriter, r *http.Request) { s.motionsPageAs(w, r, nil) }

// motionsPageAs serves the motions' page, or, with kept, sends it back
// after a refusal with what was typed in its form.
func (s *server) motionsPageAs(w http.ResponseWriter, r *http.Request, kept *keptPage) {
	s.renderMotions(w, r, "motions", "", kept, func(v *motionsView, st *assembly.State) error {
		v.Title = v.L.T("web.nav.motions") + " · " + balanced(st.Assembly.Name)
		for _, id := range st.MotionOrder {
			mo := minutes.BuildMotionIn(st, id, v.L.Lang())
			if mo.Paper != nil && mo.Amends == "" {
				v.List = append(v.List, mo)
			}
		}
		return nil
	})
}

func (s *server) motionPage(w http.ResponseWriter, r *http.Request) {
	s.motionPageAs(w, r, r.PathValue("m"), nil)
}

// motionPageAs serves the page of the motion id, or, with kept, sends it
// back after a refusal with what was typed in its form.
func (s *server) motionPageAs(w http.ResponseWriter, r *http.Request, id string, kept *keptPage) {
	s.renderMotions(w, r, "motion", id, kept, func(v *motionsView, st *assembly.State) error {
		mo := st.Motions[id]
		if mo == nil {
			return errNoMotion
		}
		v.Mo, v.Cur = mo, minutes.BuildMotionIn(st, id, v.L.Lang())
		v.Title = balanced(mo.Title) + " · " + balanced(st.Assembly.Name)
		ids := map[string]bool{id: true}
		for _, aid := range st.MotionOrder {
			if a := st.Motions[aid]; ids[a.Amends] {
				ids[aid] = true
				v.Amendments = append(v.Amendments, minutes.BuildMotionIn(st, aid, v.L.Lang()))
			}
		}
		v.Amended = minutes.BuildAmended(st, id)
		from, to := r.URL.Query().Get("from"), r.URL.Query().Get("to")
		if from == "" && v.Form != nil {
			// An amendment or a change recommendation sent back: the
			// lines it changes.
			from, to = v.Form.Get("a:change.from_line:int"), v.Form.Get("a:change.to_line:int")
		}
		if from != "" {
			v.Pick, v.PickErr = pickLines(v.L, st, mo, from, to)
		}
		return nil
	})
}

var errNoMotion = fmt.Errorf("there is no such motion")

// keptPage is a page of motions sent back after a refusal of one of its
// forms (motionKeptForms): what was typed in it, the refusal, the status.
type keptPage struct {
	form   url.Values
	flash  *flash
	status int
}

// renderMotions renders a page of motions (whole, or its live regions
// with ?fragment=live), or sends it back as kept says.
func (s *server) renderMotions(w http.ResponseWriter, r *http.Request, page, motion string, kept *keptPage, fill func(*motionsView, *assembly.State) error) {
	a, ok := s.assemblyOf(w, r)
	if !ok || !s.mayRead(w, r, a, r.URL.Query().Get("fragment") != "") {
		return
	}
	sess := auth.FromContext(r.Context())
	v := &motionsView{view: &view{Page: page, ID: a.ID(), CSRF: s.csrfToken(r), Now: s.opts.Now().UTC(), Query: r.URL.Query(),
		Loc: s.opts.Location, pickerLimit: s.opts.PickerLimit, asm: a, index: s.live.indexSlot(a.ID())}}
	frag := r.URL.Query().Get("fragment")
	status := http.StatusOK
	switch {
	case kept != nil:
		v.Form, v.Flash, status = kept.form, kept.flash, kept.status
	case frag == "":
		v.Flash = takeFlash(w, r, a.ID())
	}
	tmpl := "layout"
	if frag != "" {
		tmpl = "live"
	}
	var buf strings.Builder
	var err error
	a.Read(func(st *assembly.State) {
		v.S, v.Me = st, identify(st, sess)
		localize(r, v)
		if err = fill(v, st); err == nil {
			err = s.pages[page].ExecuteTemplate(&buf, tmpl, v)
		}
	})
	switch {
	case err == errNoMotion:
		plainError(w, r, a, http.StatusNotFound, "web.http.no_motion", motion)
		return
	case err != nil:
		s.opts.Logger.Error("web: rendering failed", "page", page, "err", err)
		plainError(w, r, a, http.StatusInternalServerError, "web.http.page_failed")
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write([]byte(buf.String()))
}

// pickLines reads the lines a person picked and gives their wording.
func pickLines(l *i18n.Locale, st *assembly.State, mo *assembly.Motion, from, to string) (*linePick, string) {
	a, err1 := strconv.Atoi(from)
	b, err2 := strconv.Atoi(to)
	if to == "" {
		b, err2 = a, nil
	}
	if err1 != nil || err2 != nil {
		return nil, l.T("web.lines.numbers")
	}
	text, err := st.MotionText(mo)
	if err != nil {
		return nil, l.T("web.lines.not_by_lines")
	}
	lines := motiontext.Lines(text, st.LineLength())
	switch {
	case a < 1 || b < a:
		return nil, l.T("web.lines.no_range", a, b)
	case b > len(lines):
		return nil, l.T("web.lines.no_line", len(lines), b)
	}
	var w strings.Builder
	for i := a - 1; i < b; i++ {
		l := lines[i]
		switch {
		case i == a-1:
		case l.First:
			w.WriteString("\n")
		default:
			w.WriteString(" ")
		}
		w.WriteString(text.LineSource(l))
	}
	word := l.T("web.lines.range", a, b)
	if a == b {
		word = l.T("web.lines.one", a)
	}
	return &linePick{From: a, To: b, Lines: word, Wording: w.String()}, ""
}

// motionBook serves the motion book (book.html, book.pdf), or one motion's
// paper (?motion=M), rendered from the log's latest checkpoint.
func (s *server) motionBook(w http.ResponseWriter, r *http.Request, format string) {
	a, ok := s.assemblyOf(w, r)
	if !ok || !s.mayRead(w, r, a, true) {
		return
	}
	only := r.URL.Query().Get("motion")
	var doc *minutes.Document
	var err error
	var size int64
	a.Read(func(st *assembly.State) {
		if only != "" && st.Motions[only] == nil {
			err = errNoMotion
			return
		}
		size = int64(st.Events)
		var cp minutes.Checkpoint
		if cp, err = minutesCheckpoint(a, st, s.opts.VerifierKey); err == nil {
			// The motion book is a working paper: in the reader's language.
			doc = minutes.BuildIn(st, cp, i18n.Choose(r, st.Assembly.Language).Lang())
		}
	})
	if err == errNoMotion {
		plainError(w, r, a, http.StatusNotFound, "web.http.no_motion", only)
		return
	}
	if err != nil {
		s.opts.Logger.Error("web: motion book", "assembly", a.ID(), "err", err)
		plainError(w, r, a, http.StatusServiceUnavailable, "web.http.book_failed")
		return
	}
	if size > 0 {
		if es, err := a.Log().Read(r.Context(), size-1, size); err == nil && len(es) == 1 {
			doc.Checkpoint.Time = es[0].Time
		}
	}
	name := a.ID() + "-motion-book"
	if only != "" {
		name = a.ID() + "-motion-" + only
	}
	h := w.Header()
	h.Set("Cache-Control", "no-cache")
	if format == "pdf" {
		body, err := minutes.BookPDF(doc, only)
		if err != nil {
			s.opts.Logger.Error("web: motion book", "assembly", a.ID(), "err", err)
			plainError(w, r, a, http.StatusInternalServerError, "web.http.book_pdf_failed")
			return
		}
		h.Set("Content-Type", "application/pdf")
		h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", fileSafe(name)+".pdf"))
		w.Write(body)
		return
	}
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'")
	w.Write(minutes.BookHTML(doc, only))
}

// The page's helpers.

// MotionURL is the address of a motion's page.
func (v *motionsView) MotionURL(id string) string {
	return "/a/" + url.PathEscape(v.ID) + "/motions/" + url.PathEscape(id)
}

// Back is the page to return to after a form.
func (v *motionsView) Back() string {
	if v.Mo != nil {
		return v.MotionURL(v.Mo.ID)
	}
	return "/a/" + v.ID + "/motions"
}

// Deadline says until when motions may be submitted, or "".
func (v *motionsView) Deadline() string {
	d := v.S.Submission.Deadline
	if d.IsZero() {
		return ""
	}
	return v.L.DateText(d.Format("2006-01-02")) + " " + d.Format("15:04 MST")
}

// SubmissionOpen reports whether motions may be submitted now.
func (v *motionsView) SubmissionOpen() bool {
	d := v.S.Submission.Deadline
	return !d.IsZero() && !v.Now.After(d)
}

// Delegations are the organizations the viewer may submit or support for:
// those they hold a mandate from (not rejected) or are a member of.
func (v *motionsView) Delegations() []*assembly.Organization {
	var out []*assembly.Organization
	seen := map[string]bool{}
	add := func(id string) {
		if o := v.S.Organizations[id]; o != nil && !seen[id] {
			seen[id] = true
			out = append(out, o)
		}
	}
	for _, m := range v.Me.Mandates {
		if m.Status != assembly.MandateStatusRejected && m.Organization != "" {
			add(m.Organization)
		}
	}
	for _, id := range v.S.OrgOrder {
		if v.S.MemberOf(v.Me.Person, id) {
			add(id)
		}
	}
	return out
}

// OnCommittee reports whether the viewer sits on the motions committee.
func (v *motionsView) OnCommittee() bool {
	return v.S.IsCommitteeMember(v.Me.Person) || v.Me.Admin
}

// NextStates are the states the workflow lets the motion move to now, for
// the chair and the committee.
func (v *motionsView) NextStates() []string {
	if v.Mo == nil || !v.Mo.Submitted && v.Mo.Committee == "" {
		return nil
	}
	return v.S.Assembly.Rules.Workflow()[v.Mo.Status]
}

// StateWord names a state for a button.
func (v *motionsView) StateWord(st string) string {
	switch st {
	case assembly.MotionStatusPending, assembly.MotionStatusAdmitted, assembly.MotionStatusNotAdmitted, assembly.MotionStatusWithdrawn, assembly.MotionStatusReferred:
		return v.L.T("web.mo.state." + st)
	}
	return v.Word(st)
}

// Status says where a motion stands.
func (v *motionsView) Status(st string) string { return minutes.StatusText(v.L, st) }

// CanAmend says how the viewer may amend the motion now: "move" (in the
// sitting), "submit" (in writing, before the deadline), or "". Who may
// is the rules' answer (May) for the amendment as the form gives it, in
// the viewer's own name: move_motion from a verified mandate or the
// sitting's chair or secretary, submit_motion from a delegate's mandate
// or an officer.
func (v *motionsView) CanAmend() string {
	mo := v.Mo
	if mo == nil || !v.Me.LoggedIn {
		return ""
	}
	if mo.Status == assembly.MotionStatusPending && v.S.Sitting() != nil && v.May("move_motion", "kind", "amendment", "amends", mo.ID) {
		return "move"
	}
	if v.SubmissionOpen() && (mo.Status == assembly.MotionStatusSubmitted || mo.Status == assembly.MotionStatusAdmitted) && v.May("submit_motion", "amends", mo.ID) {
		return "submit"
	}
	return ""
}

// Categories and Blocks list the motion book's categories and blocks.
func (v *motionsView) Categories() []*assembly.Category {
	var out []*assembly.Category
	for _, id := range v.S.Submission.CategoryOrder {
		out = append(out, v.S.Submission.Categories[id])
	}
	return out
}

// Resolutions are the resolutions carried with their changes applied, for
// the record page.
func (v *view) Resolutions() []*minutes.Resolution {
	var out []*minutes.Resolution
	for _, id := range v.S.MotionOrder {
		if r := minutes.BuildResolution(v.S, id); r != nil {
			out = append(out, r)
		}
	}
	return out
}

// The lines the minutes build for the motions' pages (submitted by,
// supported by, an amendment's lead and change, its conflicts, the
// committee's advice, a resolution's amendments applied), as HTML: each
// name, title and number of the record in them isolated as bdi isolates
// it (mark, marked), the minutes' own words around them as they are.

// SubmittedLine is minutes' SubmittedLine (book: with who submitted it).
func (v *view) SubmittedLine(m *minutes.Motion, book bool) template.HTML {
	return marked(m.SubmittedLineWith(v.L, book, mark))
}

// MotionLead is minutes' Lead: who moved or submitted what.
func (v *view) MotionLead(m *minutes.Motion) template.HTML { return marked(m.LeadWith(v.L, mark)) }

// ChangeLead is minutes' ChangeLead: which lines of which motion change.
func (v *view) ChangeLead(m *minutes.Motion) template.HTML {
	return marked(m.ChangeLeadWith(v.L, mark))
}

// ConflictLine is minutes' ConflictLine: the open amendments that change
// the same lines.
func (v *view) ConflictLine(p *minutes.Paper) template.HTML {
	return marked(p.ConflictLineWith(v.L, mark))
}

// AdviceLine is the committee's advice (minutes' Paper.Advice).
func (v *view) AdviceLine(p *minutes.Paper) template.HTML { return marked(p.AdviceWith(v.L, mark)) }

// AppliedLine is minutes' AppliedLine: the amendments a resolution
// applies.
func (v *view) AppliedLine(r *minutes.Resolution) template.HTML {
	return marked(r.AppliedLineWith(v.L, mark))
}
