package web

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"plenum/assembly"
	"plenum/auth"
	"plenum/engine"
	"plenum/i18n"
	"plenum/roster"
)

// The import page reads a roster from a spreadsheet (package roster, as
// plenum import does): an upload is read and planned at once and shown as
// a preview, every row with its problem or what recording it does; the
// file waits on the server (uploadShelf) for the organiser to record the
// good rows, in one batch, or to upload a corrected file.

// freshStates returns a function that gives a new copy of a's state as it
// is now, each time it is called: the log's entries are read once and
// replayed for each copy (roster.Plan rehearses its commands on them).
func freshStates(ctx context.Context, a *engine.Assembly) (func() (*assembly.State, error), error) {
	var size int64
	a.Read(func(st *assembly.State) { size = int64(st.Events) })
	entries, err := a.Log().Read(ctx, 0, size)
	if err != nil {
		return nil, err
	}
	origin := a.Log().Origin()
	return func() (*assembly.State, error) {
		r := engine.NewReplayer()
		for _, e := range entries {
			if err := r.Apply(origin, e); err != nil {
				return nil, err
			}
		}
		st := r.State(origin)
		if st == nil {
			return nil, errors.New("the assembly's log is empty")
		}
		return st, nil
	}, nil
}

// upload is a roster file waiting between its preview and its recording.
type upload struct {
	assembly, actor string
	name            string
	data            []byte
	createOrgs      bool
	at              time.Time
}

// uploadShelf keeps uploaded rosters for a while, each for the person who
// uploaded it, in memory: a restart forgets them, and the organiser
// uploads the file again.
type uploadShelf struct {
	mu    sync.Mutex
	files map[string]*upload
	bytes int
	// recorded are the uploads recorded within the hour, by name: the
	// form sent again (a second click, the browser's back) is told so
	// rather than that the file is gone.
	recorded map[string]recordedUpload
}

// recordedUpload is an upload recorded: whose, when, and its entries.
type recordedUpload struct {
	assembly, actor string
	at              time.Time
	first, last     int64
}

// Limits of the shelf: how long an upload waits, and how much it holds in
// all (the oldest uploads go first).
const (
	uploadTTL      = time.Hour
	uploadShelfMax = 4 * roster.MaxFileSize
)

// put keeps u and returns its name on the shelf.
func (sh *uploadShelf) put(u *upload) string {
	b := make([]byte, 16)
	rand.Read(b)
	name := hex.EncodeToString(b)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if sh.files == nil {
		sh.files = map[string]*upload{}
	}
	sh.expire(u.at)
	for sh.bytes+len(u.data) > uploadShelfMax && len(sh.files) > 0 {
		oldest := ""
		for k, f := range sh.files {
			if oldest == "" || f.at.Before(sh.files[oldest].at) {
				oldest = k
			}
		}
		sh.drop(oldest)
	}
	sh.files[name] = u
	sh.bytes += len(u.data)
	return name
}

// get returns the upload name if it is the actor's in the assembly and
// still waits.
func (sh *uploadShelf) get(name, assemblyID, actor string, now time.Time) *upload {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	sh.expire(now)
	u := sh.files[name]
	if u == nil || u.assembly != assemblyID || u.actor != actor {
		return nil
	}
	return u
}

func (sh *uploadShelf) drop(name string) {
	if u := sh.files[name]; u != nil {
		sh.bytes -= len(u.data)
		delete(sh.files, name)
	}
}

func (sh *uploadShelf) expire(now time.Time) {
	for k, u := range sh.files {
		if now.Sub(u.at) > uploadTTL {
			sh.drop(k)
		}
	}
	for k, r := range sh.recorded {
		if now.Sub(r.at) > uploadTTL {
			delete(sh.recorded, k)
		}
	}
}

// record takes the upload name off the shelf, noting that it was
// recorded as the entries first to last.
func (sh *uploadShelf) record(name string, now time.Time, first, last int64) {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if u := sh.files[name]; u != nil {
		if sh.recorded == nil {
			sh.recorded = map[string]recordedUpload{}
		}
		sh.recorded[name] = recordedUpload{assembly: u.assembly, actor: u.actor, at: now, first: first, last: last}
	}
	sh.drop(name)
}

// wasRecorded returns the note of the upload name if the actor recorded
// it in the assembly within the hour.
func (sh *uploadShelf) wasRecorded(name, assemblyID, actor string, now time.Time) (recordedUpload, bool) {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	sh.expire(now)
	r, ok := sh.recorded[name]
	return r, ok && r.assembly == assemblyID && r.actor == actor
}

// importView is what the preview page shows.
type importView struct {
	*view
	File    string
	Upload  string // the upload's name on the shelf
	Digest  string // the commands planned, to record exactly them
	Preview *roster.Preview
	Create  bool // organizations not in the assembly are added
	// Problems, Changes and Unchanged are the rows by what recording
	// them does.
	Problems, Changes, Unchanged []*roster.Row
	// Recorded says what recording did, after it.
	Recorded *importResult
}

// importResult is what recording an import did.
type importResult struct {
	Commands    int
	First, Last int64
	Rows        int
}

// ColumnsIn names how the file's columns were read, in the page's
// language: "B Delegation → organization".
func (iv *importView) ColumnsIn(l *i18n.Locale) string {
	t := iv.Preview.Table
	var out []string
	for i, f := range t.Fields {
		if f != "" {
			name := string(f)
			if k := "web.im.field." + name; l.Has(k) {
				name = l.T(k)
			}
			out = append(out, fmt.Sprintf("%s %s → %s", roster.ColumnLetter(i), t.Headers[i], name))
		}
	}
	return strings.Join(out, "; ")
}

// Good counts the rows that recording records (added or changed).
func (iv *importView) Good() int { return iv.Preview.Summary.Added + iv.Preview.Summary.Changed }

// planDigest names the commands of a plan, so that the recording records
// what the preview showed and nothing else.
func planDigest(pv *roster.Preview) string {
	h := sha256.New()
	for _, c := range pv.Commands {
		args, _ := json.Marshal(c.Command)
		fmt.Fprintf(h, "%d %s %s\n", c.Row, c.Command.CommandName(), args)
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// problemIn says where a problem with a roster file is and what it is,
// as roster.Problem.Error does in English: "row 7, column C
// (Organization): …", in l's language.
func problemIn(l *i18n.Locale, pr *roster.Problem) string {
	var where []string
	if pr.Row > 0 {
		where = append(where, l.T("web.im.row", pr.Row))
	}
	if pr.Column != "" {
		c := l.T("web.im.column", pr.Column)
		if pr.Header != "" {
			c += " (" + pr.Header + ")"
		}
		where = append(where, c)
	}
	what := l.Part(pr.Phrase())
	if len(where) == 0 {
		return what
	}
	return strings.Join(where, ", ") + ": " + what
}

// importPreview serves POST /a/{id}/import: it reads the roster uploaded
// (field file; create_organizations to add the organizations the
// assembly does not have), plans it against the assembly, and shows the
// preview, recording nothing.
func (s *server) importPreview(w http.ResponseWriter, r *http.Request) {
	a, ok := s.assemblyOf(w, r)
	if !ok {
		return
	}
	id := a.ID()
	l := localeOf(r, a)
	back := "/a/" + id + "/import"
	fail := func(msg string) {
		setFlash(w, id, flash{Error: true, Text: msg})
		http.Redirect(w, r, back, http.StatusSeeOther)
	}
	// Who may upload is known before the body is read: a file from
	// another site, or from someone who may not import, is not parsed.
	sess := auth.FromContext(r.Context())
	if sess == nil || !sess.In(id) {
		http.Redirect(w, r, "/login?next="+back, http.StatusSeeOther)
		return
	}
	if !auth.SameOrigin(r) {
		fail(l.T("web.err.other_site"))
		return
	}
	may := false
	a.Read(func(st *assembly.State) { may = roster.MayImport(st, actorOf(sess)) })
	if !may {
		fail(l.T("web.err.may_not_import"))
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, roster.MaxFileSize+64<<10)
	if err := r.ParseMultipartForm(roster.MaxFileSize + 64<<10); err != nil {
		msg := l.T("web.err.upload_unreadable")
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			msg = l.T("web.err.upload_too_big", roster.MaxFileSize>>20)
		}
		fail(msg)
		return
	}
	defer r.MultipartForm.RemoveAll()
	if !s.validForm(r) {
		fail(l.T("web.err.stale_form_cap"))
		return
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		fail(l.T("web.err.choose_file"))
		return
	}
	data, err := io.ReadAll(io.LimitReader(f, roster.MaxFileSize+1))
	f.Close()
	if err != nil {
		fail(l.T("web.err.upload_unreadable"))
		return
	}
	u := &upload{assembly: id, actor: actorOf(sess), name: filepath.Base(hdr.Filename), data: data, createOrgs: r.PostFormValue("create_organizations") != "", at: s.opts.Now()}
	iv, status, err := s.planUpload(r.Context(), l, a, sess, u)
	if err != nil {
		fail(err.Error())
		return
	}
	iv.Upload = s.uploads.put(u)
	s.renderImport(w, r, a, status, iv, nil)
}

// planUpload reads and plans an upload against the assembly as it is now.
// A file that cannot be read, or an actor who may not register delegates,
// is an error with words for the page.
func (s *server) planUpload(ctx context.Context, l *i18n.Locale, a *engine.Assembly, sess *auth.Session, u *upload) (*importView, int, error) {
	tab, err := roster.Read(u.name, u.data)
	var pr *roster.Problem
	if errors.As(err, &pr) {
		return nil, 0, errors.New(u.name + ": " + problemIn(l, pr))
	}
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %v", u.name, err)
	}
	fresh, err := freshStates(ctx, a)
	if err != nil {
		s.opts.Logger.Error("web: import: reading the log", "assembly", a.ID(), "err", err)
		return nil, 0, errors.New(l.T("web.err.record_unreadable"))
	}
	pv, err := roster.Plan(tab, fresh, roster.Options{Actor: actorOf(sess), At: s.opts.Now().UTC(), CreateOrganizations: u.createOrgs})
	if errors.Is(err, roster.ErrNotRegistrar) {
		return nil, 0, errors.New(l.T("web.err.may_not_import"))
	}
	if err != nil {
		s.opts.Logger.Error("web: import: planning", "assembly", a.ID(), "err", err)
		return nil, 0, errors.New(l.T("web.err.plan_failed"))
	}
	iv := &importView{File: u.name, Preview: pv, Digest: planDigest(pv), Create: u.createOrgs}
	for _, row := range pv.Rows {
		switch row.Action {
		case roster.ActionError:
			iv.Problems = append(iv.Problems, row)
		case roster.ActionUnchanged:
			iv.Unchanged = append(iv.Unchanged, row)
		default:
			iv.Changes = append(iv.Changes, row)
		}
	}
	status := http.StatusOK
	if len(iv.Problems) > 0 {
		status = http.StatusUnprocessableEntity
	}
	return iv, status, nil
}

// renderImport shows the preview (or what recording did) on the
// assembly's state, with a message fl (or none).
func (s *server) renderImport(w http.ResponseWriter, r *http.Request, a *engine.Assembly, status int, iv *importView, fl *flash) {
	sess := auth.FromContext(r.Context())
	iv.view = &view{Page: "import-preview", ID: a.ID(), CSRF: s.csrfToken(r), Now: s.opts.Now().UTC(), Query: r.URL.Query(), Reader: true, Flash: fl}
	var buf bytes.Buffer
	var err error
	a.Read(func(st *assembly.State) {
		iv.S, iv.Me = st, identify(st, sess)
		localize(r, iv)
		iv.Title = pageTitle(iv.L, "import-preview") + " · " + balanced(st.Assembly.Name)
		err = s.pages["import-preview"].ExecuteTemplate(&buf, "layout", iv)
	})
	s.send(w, r, status, "import-preview", buf.Bytes(), err)
}

// importRecord serves POST /a/{id}/import/record: it plans the upload
// again (the record may have changed since the preview) and, if the plan
// is the one the preview showed (field plan), records its commands in
// one batch; with problems only when good_rows asks for the good rows.
// Otherwise it shows the new preview and records nothing.
func (s *server) importRecord(w http.ResponseWriter, r *http.Request) {
	a, sess, fail, ok := s.pageForm(w, r, "import", 64<<10)
	if !ok {
		return
	}
	l := localeOf(r, a)
	u := s.uploads.get(r.PostFormValue("upload"), a.ID(), actorOf(sess), s.opts.Now())
	if u == nil {
		if rec, ok := s.uploads.wasRecorded(r.PostFormValue("upload"), a.ID(), actorOf(sess), s.opts.Now()); ok {
			fail(l.T("web.err.upload_recorded", rec.first, rec.last))
			return
		}
		fail(l.T("web.err.upload_gone"))
		return
	}
	iv, status, err := s.planUpload(r.Context(), l, a, sess, u)
	if err != nil {
		fail(err.Error())
		return
	}
	iv.Upload = r.PostFormValue("upload")
	if iv.Digest != r.PostFormValue("plan") {
		s.renderImport(w, r, a, http.StatusConflict, iv, &flash{Error: true, Text: l.T("web.err.record_changed")})
		return
	}
	if len(iv.Problems) > 0 && r.PostFormValue("good_rows") == "" {
		s.renderImport(w, r, a, status, iv, &flash{Error: true, Text: l.T("web.err.rows_problems")})
		return
	}
	if len(iv.Preview.Commands) == 0 {
		s.renderImport(w, r, a, http.StatusOK, iv, &flash{Text: l.T("web.im.nothing")})
		return
	}
	metas, cmds := iv.Preview.Batch()
	if beforeImportBatch != nil {
		beforeImportBatch(a.ID())
	}
	results, failed, err := a.SubmitAll(r.Context(), metas, cmds)
	if err != nil {
		var ae *assembly.Error
		if failed >= 0 && errors.As(err, &ae) && ae.Code != assembly.ErrCorrupt {
			fail(l.T("web.err.row_failed", iv.Preview.Commands[failed].Row, refusal(r, a, ae), len(results)))
			return
		}
		s.opts.Logger.Error("web: import: recording", "assembly", a.ID(), "err", err)
		fail(l.T("web.err.import_failed", len(results)))
		return
	}
	iv.Recorded = &importResult{Commands: len(results), First: results[0].First(), Last: results[len(results)-1].First(), Rows: iv.Good()}
	s.uploads.record(iv.Upload, s.opts.Now(), iv.Recorded.First, iv.Recorded.Last)
	s.renderImport(w, r, a, http.StatusOK, iv, nil)
}

// beforeImportBatch, set by the tests alone, is called with the
// assembly's id between the plan an import records and its batch: what
// it records, another's form might record in that moment, and the batch
// is refused on a row the plan found good.
var beforeImportBatch func(id string)

// rosterExport serves GET /a/{id}/roster.csv and roster.xlsx: the roster
// as package roster writes it (the import's columns, with mandate status
// and presence), to those who may read the record.
func (s *server) rosterExport(w http.ResponseWriter, r *http.Request) {
	a, ok := s.assemblyOf(w, r)
	if !ok || !s.mayRead(w, r, a, true) {
		return
	}
	var buf bytes.Buffer
	var err error
	xlsx := strings.HasSuffix(r.URL.Path, ".xlsx")
	a.Read(func(st *assembly.State) {
		if xlsx {
			err = roster.WriteXLSX(&buf, st)
		} else {
			err = roster.WriteCSV(&buf, st)
		}
	})
	if err != nil {
		s.opts.Logger.Error("web: roster export", "assembly", a.ID(), "err", err)
		plainError(w, r, a, http.StatusInternalServerError, "web.http.roster_failed")
		return
	}
	name, typ := a.ID()+"-roster.csv", "text/csv; charset=utf-8"
	if xlsx {
		name, typ = a.ID()+"-roster.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	w.Header().Set("Content-Type", typ)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Cache-Control", "no-store")
	w.Write(buf.Bytes())
}
