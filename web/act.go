package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"plenum/assembly"
	"plenum/auth"
	"plenum/engine"
	"plenum/httpapi"
	"plenum/i18n"
	"plenum/internal/names"
	"plenum/personarg"
)

// writerOf returns where a form for an assembly another node writes is
// forwarded to: an error if the pages do not forward, the form was
// forwarded already (httpapi.ForwardedHeader: one hop), or no live node
// writes the assembly.
func (s *server) writerOf(r *http.Request, id string) (*url.URL, error) {
	if s.opts.Forward == nil {
		return nil, errors.New("this server is not a node of a cluster")
	}
	if by := r.Header.Get(httpapi.ForwardedHeader); by != "" {
		return nil, fmt.Errorf("the form was forwarded already, by %q", by)
	}
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	return s.opts.Forward.WriterOf(ctx, id)
}

// A form's command arguments are its fields named "a:NAME" or
// "a:NAME:TYPE", TYPE one of
//
//	(none)  a string
//	int     a whole number
//	minutes a whole number of minutes, sent as seconds
//	bool    a checkbox: true when sent
//	list    ids, separated by commas or spaces, or the field repeated
//	count   a count: a number, "62-68", "rest", "majority", "minority"
//	points  numbered points, one a line: "1. The text"
//	rank    a ranking from numbered selects, the field repeated, each
//	        "N:person" (empty: not ranked): the persons in the order of N
//	lists   an election's lists, one a line: "ID | name | candidates" or
//	        "ID | name | tendency | candidates"
//	names   an election's lists by name, one a line: "name | candidates"
//	        or "name | tendency | candidates", the candidates by their
//	        names separated by commas, the tendency by its name; the
//	        lists get ids l1, l2, …
//	local   a day and time as a datetime-local field sends it, read in
//	        the zone of the hall's clock, or RFC 3339: RFC 3339 (read
//	        before the others, by localTimes)
//
// A NAME "object.member" sets a member of an object argument
// ("a:alternatives.m1:count").
// Empty fields are left out. A field "new:NAME" with a prefix as its value
// asks for a fresh id for the argument NAME (new:id=m: the first of m1,
// m2, … not yet taken), made when the command is given. Besides them a
// form sends cmd, csrf, key (an idempotency key) and back (the page to
// return to).
const argPrefix = "a:"

// formArgs builds a command's JSON arguments from a form; st, when not
// nil, resolves names to ids (the type names).
func formArgs(form url.Values, st *assembly.State) (json.RawMessage, error) {
	args := map[string]any{}
	for field, values := range form {
		if !strings.HasPrefix(field, argPrefix) {
			continue
		}
		name, typ, _ := strings.Cut(field[len(argPrefix):], ":")
		var nonEmpty []string
		for _, v := range values {
			if v = strings.TrimSpace(v); v != "" {
				nonEmpty = append(nonEmpty, v)
			}
		}
		if len(nonEmpty) == 0 || name == "" {
			continue
		}
		var dst = args
		if parent, child, ok := strings.Cut(name, "."); ok {
			// "alternatives.m1": the member m1 of the object alternatives.
			m, _ := args[parent].(map[string]any)
			if m == nil {
				m = map[string]any{}
				args[parent] = m
			}
			dst, name = m, child
		}
		if typ == "names" {
			lists, err := namedLists(st, nonEmpty[0])
			if err != nil {
				return nil, err
			}
			dst[name] = lists
			continue
		}
		if err := setArg(dst, name, typ, nonEmpty); err != nil {
			return nil, err
		}
	}
	return json.Marshal(args)
}

// setArg sets one argument from the non-empty values of a form field.
func setArg(args map[string]any, name, typ string, values []string) error {
	v := values[0]
	switch typ {
	case "":
		args[name] = v
	case "int":
		n, err := strconv.Atoi(v)
		if err != nil {
			return fmt.Errorf("%s must be a whole number, not %q", name, quotedMark(v))
		}
		args[name] = n
	case "minutes":
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 24*60 {
			return fmt.Errorf("give the minutes as a whole number from 0 to 1440, not %q", quotedMark(v))
		}
		args[name] = n * 60
	case "bool":
		args[name] = v != "0" && v != "false"
	case "list":
		var ids []string
		for _, v := range values {
			ids = append(ids, strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == '\r' || r == '\t' })...)
		}
		args[name] = ids
	case "count":
		if n, err := strconv.Atoi(v); err == nil {
			args[name] = n
		} else {
			args[name] = v
		}
	case "points":
		var points []assembly.Point
		for _, line := range strings.Split(v, "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			num, text, ok := strings.Cut(line, ". ")
			if !ok || strings.ContainsAny(num, " \t") || len(num) > 8 {
				num, text = "", line
			}
			points = append(points, assembly.Point{Number: num, Text: text})
		}
		args[name] = points
	case "rank":
		order, err := rankOrder(values)
		if err != nil {
			return err
		}
		args[name] = order
	case "lists":
		lists, err := listsArg(v)
		if err != nil {
			return err
		}
		args[name] = lists
	default:
		return fmt.Errorf("the form field %q has an unknown type %q", name, typ)
	}
	return nil
}

// actResult is act's answer to a script.
type actResult struct {
	OK       bool   `json:"ok"`
	Message  string `json:"message,omitempty"`
	Error    string `json:"error,omitempty"`
	Redirect string `json:"redirect,omitempty"`
	// Receipt is the receipt page of the ballot just cast: a plain form
	// goes there, the script shows it in place.
	Receipt string `json:"receipt,omitempty"`
}

// act gives the command of a page's form on behalf of the logged-in person
// and goes back to the page with the outcome: a redirect for a plain form,
// JSON for the script (which sends X-Plenum).
func (s *server) act(w http.ResponseWriter, r *http.Request) {
	a, ok := s.assemblyOf(w, r)
	if !ok {
		return
	}
	id := a.ID()
	l := localeOf(r, a)
	// The body is kept, for a forward to the node that writes the
	// assembly.
	body, rerr := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if rerr != nil {
		http.Error(w, l.T("web.http.form_unreadable"), http.StatusBadRequest)
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	if err := r.ParseForm(); err != nil {
		http.Error(w, l.T("web.http.form_unreadable"), http.StatusBadRequest)
		return
	}
	script := r.Header.Get(auth.CSRFHeader) != ""
	back := r.PostFormValue("back")
	if !strings.HasPrefix(back, "/a/"+id+"/") {
		back = "/a/" + id + "/"
	}
	answer := func(status int, res actResult) { s.answer(w, r, id, back, status, res) }
	sess := auth.FromContext(r.Context())
	if sess == nil || !sess.In(id) {
		if script {
			answer(http.StatusUnauthorized, actResult{Error: l.T("web.err.not_logged_in")})
			return
		}
		http.Redirect(w, r, "/login?next="+url.QueryEscape(back), http.StatusSeeOther)
		return
	}
	if !s.validForm(r) {
		answer(http.StatusForbidden, actResult{Error: l.T("web.err.stale_form")})
		return
	}
	if to, ok := searchCarried(r.PostForm, back); ok && !script {
		// A search of a picker that keeps the form's ticks: the page
		// again, with what it found and the ticked (picker.go).
		http.Redirect(w, r, to, http.StatusSeeOther)
		return
	}
	var err error
	cmd := r.PostFormValue("cmd")
	if cmd == "issue_access_codes" || cmd == "revoke_access_codes" {
		// Recorded here, the codes would not be made or deleted.
		answer(http.StatusUnprocessableEntity, actResult{Error: l.T("web.err.codes_elsewhere")})
		return
	}
	if cmd == "verify_mandate" && r.PostFormValue(bulkField) != "" {
		s.bulkVerify(w, r, a, l, sess, body, r.PostFormValue("back"), answer)
		return
	}
	if cmd == "" || cmd == "create_assembly" {
		answer(http.StatusUnprocessableEntity, actResult{Error: l.T("web.err.no_command")})
		return
	}
	news := map[string]string{} // argument → prefix of a fresh id
	for field, vs := range r.PostForm {
		if arg, ok := strings.CutPrefix(field, newPrefix); ok && len(vs) > 0 && vs[0] != "" {
			if !validPrefix(vs[0]) || strings.TrimSpace(r.PostFormValue(argPrefix+arg)) != "" {
				answer(http.StatusUnprocessableEntity, actResult{Error: l.T("web.err.bad_id")})
				return
			}
			news[arg] = vs[0]
		}
	}
	var args json.RawMessage
	// A refusal brings a kept form's page back with what was typed in it
	// (keptForms), as the set-up forms' do.
	refused := func(status int, msg string) { s.refused(w, r, id, cmd, status, msg, answer) }
	form, err := localTimes(l, r.PostForm, s.opts.Location, s.opts.Now())
	if err != nil {
		refused(http.StatusUnprocessableEntity, err.Error())
		return
	}
	form = encryptedDefaults(cmd, form)
	a.Read(func(st *assembly.State) { args, err = formArgs(form, st) })
	if err != nil {
		refused(http.StatusUnprocessableEntity, isolatedMarks(err.Error()))
		return
	}
	actor := actorOf(sess)
	var res *engine.Result
	// The engine scopes the form's key to actor: one person's key never
	// answers another's command. A fresh id is made from the readers'
	// state just before the command is given, not under the writer's
	// decision; should another form take it first, the command is
	// refused as a clash and given again with the next free id (the
	// refusal is answered once what took it is in the readers' state:
	// engine.Assembly.flush), as often as others take it first
	// (freshTries).
	for try := 0; ; try++ {
		withIDs := args
		var made []string
		if len(news) > 0 {
			a.Read(func(st *assembly.State) { withIDs, made = setFreshIDs(st, args, news) })
		}
		env := assembly.Envelope{Cmd: cmd, Assembly: id, Actor: actor, At: s.opts.Now().UTC(), Key: r.PostFormValue("key"), Args: withIDs}
		res, err = s.eng.Submit(r.Context(), env)
		if err == nil || try == freshTries-1 || assembly.CodeOf(err) != assembly.ErrConflict || !anyTaken(a, made) {
			break
		}
	}
	if err != nil {
		var ae *assembly.Error
		if first, ok := sentBefore(a, actor, r.PostFormValue("key"), err); ok {
			// The same form sent again (a retry after a lost answer, a
			// double click): a form that asks for a fresh id differs from
			// its first sending by that id, and the engine refuses the key.
			httpapi.SetRecorded(w, r, int64(first))
			answer(http.StatusOK, actResult{OK: true, Message: l.T("web.su.sent_before") + l.T("web.su.done_entry", first)})
			return
		}
		switch {
		case errors.As(err, &ae) && ae.Code != assembly.ErrCorrupt:
			var msg string
			a.Read(func(st *assembly.State) {
				if msg = otherSpeakersTurn(r, st, cmd, args, ae); msg == "" {
					msg = namedRefusal(r, st, ae)
				}
			})
			refused(http.StatusConflict, msg)
		case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
			answer(http.StatusServiceUnavailable, actResult{Error: l.T("web.err.cancelled")})
		case errors.Is(err, engine.ErrNotWriter):
			s.forwardForm(w, r, id, body, err, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Retry-After", "1")
				s.answer(w, r, id, back, http.StatusServiceUnavailable, actResult{Error: l.T("web.err.not_writer")})
			})
		case errors.Is(err, engine.ErrStopped):
			// Stopped: sending the form again cannot help (unlike a
			// suspension, which lifts once the log can be read back).
			s.opts.Logger.Error("web: command not taken", "cmd", cmd, "assembly", id, "err", err)
			answer(http.StatusServiceUnavailable, actResult{Error: l.T("web.err.stopped")})
		case errors.Is(err, engine.ErrSuspended):
			s.opts.Logger.Error("web: command not taken", "cmd", cmd, "assembly", id, "err", err)
			answer(http.StatusServiceUnavailable, actResult{Error: l.T("web.err.suspended")})
		default:
			s.opts.Logger.Error("web: command failed", "cmd", cmd, "assembly", id, "err", err)
			answer(http.StatusInternalServerError, actResult{Error: l.T("web.err.not_recorded")})
		}
		return
	}
	lang, named := "", ""
	a.Read(func(st *assembly.State) {
		lang = st.Assembly.Language
		named = doneName(st, i18n.Choose(r, lang), cmd, actor, r.PostForm)
	})
	// The node that forwarded the form shows the page after it once it
	// has read this far (httpapi.ForwardTo).
	httpapi.SetRecorded(w, r, httpapi.LastIndex(res))
	dl := i18n.Choose(r, lang)
	out := actResult{OK: true, Message: done(dl, doneCmd(dl, cmd, r.PostForm), res.First(), named)}
	if (cmd == "cast_ballot" || cmd == "cast_election_ballot") && res.First() >= 0 {
		if res.BallotToken != "" {
			// A secret ballot: its token goes to the receipt page, which
			// shows it once, in a sealed cookie.
			s.giveToken(w, r, id, actor, res.First(), res.BallotToken)
		}
		out.Receipt = fmt.Sprintf("/a/%s/receipt?entry=%d", id, res.First())
		if !script {
			out.Redirect = out.Receipt
		}
	}
	answer(http.StatusOK, out)
}

// sentBefore reports whether a form refused with err was accepted before
// under its idempotency key (scoped to actor), and the entry it was
// recorded at: the refusal is then of the same form sent again, whose
// arguments made anew (new:ARG, an id from a name) differ from the first
// sending's. Nothing was recorded the second time, and nothing needs to be.
func sentBefore(a *engine.Assembly, actor, key string, err error) (int, bool) {
	var ae *assembly.Error
	if key == "" || !errors.As(err, &ae) {
		return 0, false
	}
	first, seen := 0, false
	a.Read(func(st *assembly.State) { first, seen = st.KeySeen(engine.ScopedKey(actor, key)) })
	return first, seen
}

// answer tells a form's sender the outcome: as JSON to the script (which
// sends X-Plenum), else as a message on the page back (or res.Redirect)
// it returns to.
func (s *server) answer(w http.ResponseWriter, r *http.Request, id, back string, status int, res actResult) {
	if r.Header.Get(auth.CSRFHeader) != "" {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(res)
		return
	}
	if res.OK {
		setFlash(w, id, flash{Text: res.Message})
	} else {
		setFlash(w, id, flash{Error: true, Text: res.Error})
	}
	to := back
	if res.Redirect != "" {
		to = res.Redirect
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// freshTries bounds how often a form that asks for fresh ids gives its
// command. A try after the first follows a clash with an id another
// command took meanwhile, one more thing recorded: of forms sent at once
// that make the same kind of thing (delegates' amendments to a motion as
// its deadline nears) each round of tries records one, and the last is
// recorded on as many tries as forms were sent; three tries, as before,
// refused the fourth of four sent at once. The bound only ends the tries
// should others take the ids without end.
const freshTries = 100

// setFreshIDs returns the arguments with a fresh id for each argument of
// news (argument → prefix), and the ids made.
func setFreshIDs(st *assembly.State, args json.RawMessage, news map[string]string) (json.RawMessage, []string) {
	var m map[string]any
	if json.Unmarshal(args, &m) != nil || m == nil {
		m = map[string]any{}
	}
	var made []string
	for arg, prefix := range news {
		id := freshID(st, prefix, made...)
		m[arg] = id
		made = append(made, id)
	}
	b, _ := json.Marshal(m)
	return b, made
}

// anyTaken reports whether one of ids names something now.
func anyTaken(a *engine.Assembly, ids []string) bool {
	found := false
	a.Read(func(st *assembly.State) {
		for _, id := range ids {
			found = found || taken(st, id)
		}
	})
	return found
}

// refusal is a refusal of the rules (an assembly.Error) as the pages of
// a show it: namedRefusal on a's state now.
//
// The language of a refusal is the language of the page it is shown
// on, by i18n.Choose's precedence: the language the reader chose (the
// plenum_lang cookie), else their browser's (Accept-Language), else the
// assembly's, and the server's default only where the assembly has none.
// So every refusal is worded from an assembly's state, which gives the
// language and the names of the ids the refusal gives: refusal reads it
// from a, namedRefusal from st for a caller reading it already (a.Read),
// and newAssemblyRefusal, on the page that creates an assembly, from the
// state the form was rehearsed on, where the page's language is the
// person's (the new assembly's is not yet a page's). No path words a
// refusal without a state: one did (refusal(r, e), with no assembly),
// and a row of an import refused in a German assembly was told in
// English.
func refusal(r *http.Request, a *engine.Assembly, e *assembly.Error) string {
	var msg string
	a.Read(func(st *assembly.State) { msg = namedRefusal(r, st, e) })
	return msg
}

// newAssemblyRefusal is a refusal of the form that creates an assembly
// (POST /setup), rehearsed on st: in the language of the new-assembly
// page, the person's (i18n.Choose with no assembly's language: the one
// the form chooses is not the page's), the ids named as st names them.
func newAssemblyRefusal(r *http.Request, st *assembly.State, e *assembly.Error) string {
	return refusalIn(i18n.Choose(r, ""), r, st, e)
}

// namedRefusal is a refusal of the rules as the page of st's assembly
// whose form r posted shows it: in the page's language (i18n.Choose, the
// assembly's language after the reader's and their browser's), with the
// ids in the rules' words replaced by names, and the commands and fields
// by the words of the page's forms (inPageWords), as the page whose form
// was posted says them (formPage). st is not nil; a.Read holds it.
func namedRefusal(r *http.Request, st *assembly.State, e *assembly.Error) string {
	return refusalIn(i18n.Choose(r, st.Assembly.Language), r, st, e)
}

// refusalIn is namedRefusal in the language l, which the callers above
// choose (and nothing else: the choice is theirs to keep right).
func refusalIn(l *i18n.Locale, r *http.Request, st *assembly.State, e *assembly.Error) string {
	page := formPage(r, st.Assembly.ID)
	// The texts a person typed among the arguments (a name, a title, a
	// value of a field; not the ids, which the namer names) are marked,
	// in the English too, and isolated below.
	english := dropMarks.Replace(e.Msg)
	r0 := personarg.Mark(st, assembly.Reason{Format: e.Format, Args: e.Args}) // the persons named wherever they stand
	// The commands and fields the refusal names as data are named in the
	// page's words (inPageWords), and the sentence around them is the
	// page's where its words differ from the API's (refusalVariant).
	m := inPageWords(l, markedReason(r0), page)
	if e.Format != "" {
		english = fmt.Sprintf(e.Format, m.Args...)
	}
	msg := l.RefusalFor(refusalVariant, e.Format, m.Args, english)
	if msg == "" {
		msg = e.Error()
	}
	msg = isolatedMarks(l.Elide(namer{s: st, l: l}.isolated(msg)))
	if len(msg) > 0 {
		first, n := utf8.DecodeRuneInString(msg)
		msg = string(unicode.ToUpper(first)) + msg[n:]
	}
	return l.T("web.refused", msg)
}

// done says what an accepted command did: the catalog's
// "web.done.<cmd>", or with named (the name of what it was about,
// doneOf) "web.done.<cmd>.of". Every command a page's form posts has its
// own words (TestEveryFormHasItsFlash); "web.done.other", the command's
// name, is for a command no page posts (a form made by hand).
func done(l *i18n.Locale, cmd string, entry int64, named string) string {
	what := l.T("web.done.other", strings.ReplaceAll(cmd, "_", " "))
	if k := "web.done." + cmd; named != "" && l.Has(k+".of") {
		what = l.T(k+".of", mark(named))
	} else if l.Has(k) {
		what = l.T(k)
	}
	return isolatedMarks(l.Elide(l.T("web.done.entry", what, strconv.FormatInt(entry, 10))))
}

// doneCmd is the command whose words say what the accepted command cmd,
// sent with form, did (done): set_motion_state has a sentence for each
// state it puts a motion in ("web.done.set_motion_state.to.withdrawn":
// "The motion was withdrawn"), its general words only for a state the
// catalog does not know (one of a workflow the rules of an assembly
// made); every other command its own.
func doneCmd(l *i18n.Locale, cmd string, form url.Values) string {
	if cmd == "set_motion_state" {
		if k := "web.done.set_motion_state.to." + strings.TrimSpace(form.Get("a:state")); l.Has(k) {
			return strings.TrimPrefix(k, "web.done.")
		}
	}
	return cmd
}

// doneOf are the commands whose message names what they were about: the
// form's argument that holds its id, and its name in the state as it is
// after the command (an organization's or a person's: at hand in a map);
// others, named only when about someone other than who gave it (the
// mandate commission registering a delegate present names the delegate;
// a delegate saying "I am in the hall" is not told their own name).
var doneOf = map[string]struct {
	arg    string
	name   func(st *assembly.State, l *i18n.Locale, id string) string
	others bool
}{
	"amend_organization": {arg: "a:organization", name: orgNamed},
	"amend_person":       {arg: "a:person", name: personNamed},
	"grant_role":         {arg: "a:person", name: personNamed},
	"revoke_role":        {arg: "a:person", name: personNamed},
	"transfer_proxy":     {arg: "a:to", name: personNamed},
	"check_in":           {arg: "a:person", name: personNamed, others: true},
	"check_out":          {arg: "a:person", name: personNamed, others: true},
}

func orgNamed(st *assembly.State, _ *i18n.Locale, id string) string {
	if o := st.Organizations[id]; o != nil {
		return o.Name
	}
	return ""
}

// personNamed is a person's name, with what tells them apart from
// another of the same name (personName) in l's language.
func personNamed(st *assembly.State, l *i18n.Locale, id string) string {
	if st.Persons[id] == nil {
		return ""
	}
	return personName(st, l, names.NamesakeOf(st), id)
}

// doneName is the name of what the accepted command cmd, given by actor
// with form, was about (doneOf), or "".
func doneName(st *assembly.State, l *i18n.Locale, cmd, actor string, form url.Values) string {
	if of, ok := doneOf[cmd]; ok {
		if id := strings.TrimSpace(form.Get(of.arg)); !of.others || id != actor {
			return of.name(st, l, id)
		}
	}
	return ""
}

// pageForm reads a form of at most limit bytes posted from one of the
// assembly's pages by a person logged in to it, from this site. It returns
// the assembly, the session and fail, which sends the person back to the
// page back with a message; otherwise it has answered and ok is false.
func (s *server) pageForm(w http.ResponseWriter, r *http.Request, page string, limit int64) (a *engine.Assembly, sess *auth.Session, fail func(msg string), ok bool) {
	if a, ok = s.assemblyOf(w, r); !ok {
		return nil, nil, nil, false
	}
	id := a.ID()
	back := "/a/" + id + "/" + page
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	if err := r.ParseForm(); err != nil {
		plainError(w, r, a, http.StatusBadRequest, "web.http.form_unreadable")
		return nil, nil, nil, false
	}
	sess = auth.FromContext(r.Context())
	if sess == nil || !sess.In(id) {
		http.Redirect(w, r, "/login?next="+url.QueryEscape(back), http.StatusSeeOther)
		return nil, nil, nil, false
	}
	fail = func(msg string) {
		setFlash(w, id, flash{Error: true, Text: msg})
		http.Redirect(w, r, back, http.StatusSeeOther)
	}
	if !s.validForm(r) {
		fail(localeOf(r, a).T("web.err.stale_form"))
		return nil, nil, nil, false
	}
	return a, sess, fail, true
}

// secureCookies marks Secure every cookie an answer sets: a forwarded
// form's answer, passed back to a client that came over https. Every
// answer through it calls WriteHeader (ReverseProxy, http.Redirect and
// answer do).
type secureCookies struct{ http.ResponseWriter }

func (w secureCookies) WriteHeader(status int) {
	h := w.Header()
	if set := h.Values("Set-Cookie"); len(set) > 0 {
		h.Del("Set-Cookie")
		for _, line := range set {
			c, err := http.ParseSetCookie(line)
			if err != nil {
				continue // a cookie Go cannot read is not passed on
			}
			c.Secure = true
			h.Add("Set-Cookie", c.String())
		}
	}
	w.ResponseWriter.WriteHeader(status)
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (w secureCookies) Unwrap() http.ResponseWriter { return w.ResponseWriter }
