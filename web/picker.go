package web

import (
	"encoding/json"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"plenum/assembly"
	"plenum/auth"
	"plenum/i18n"
)

// defaultPickerLimit is how many persons a picker lists whole unless
// Options.PickerLimit says otherwise.
const defaultPickerLimit = 500

// searchShown is how many persons a search for a picker shows at most.
const searchShown = 50

// PickPerson is Pick over all persons (PersonChoices). In an assembly of
// up to Options.PickerLimit persons the picker lists them all, and the
// page's script filters the list as one types. In a larger one it is
// searched on the server: the picker lists only the persons chosen
// already and those that match the search sent with the page
// (?find-ID=words, a form of its own beside the picker, so that it works
// without a script), and the script searches as one types
// (GET /a/{id}/choices/persons). Ten thousand names in every picker would
// cost each fetch of the page their rendering and a megabyte or more.
func (v *view) PickPerson(id, name, label string, opts ...string) Picker {
	opts = v.sentChoices(name, opts)
	if len(v.S.PersonOrder) <= v.pickerLimit {
		return v.Pick(id, name, label, v.PersonChoices(), opts...)
	}
	return v.pickSearched(id, name, label, everyone, len(v.S.PersonOrder), opts...)
}

// PickSpeaker is the console's picker of whom to give the floor to on the
// current item: the persons the rules let take it (assembly's
// MayTakeFloor), not one whose mandate was rejected or who holds none
// (REVIEW-CHAIR #34); searched on the server as PickPerson is, from GET
// /a/{id}/choices/speakers, when there are more than Options.PickerLimit
// persons.
func (v *view) PickSpeaker(id, name, label string, opts ...string) Picker {
	opts = v.sentChoices(name, opts)
	if len(v.S.PersonOrder) <= v.pickerLimit {
		var cs []Choice
		for _, c := range v.PersonChoices() {
			if speakers.has(v.S, c.Value) {
				cs = append(cs, c)
			}
		}
		return v.Pick(id, name, label, cs, opts...)
	}
	return v.pickSearched(id, name, label, speakers, len(v.S.PersonOrder), opts...)
}

// speakers are the persons who may be given the floor on the current
// item (PickSpeaker).
var speakers = &personSet{route: "speakers", has: func(s *assembly.State, p string) bool {
	st := s.Sitting()
	return st != nil && s.MayTakeFloor(st.CurrentItem, p)
}}

// PickDelegate is the person page's picker of whom to give a mandate to
// carry by proxy: the persons who hold a verified mandate
// (DelegateChoices); searched on the server as PickPerson is, from GET
// /a/{id}/choices/delegates, when there are more than
// Options.PickerLimit persons (REVIEW-scale F6: ten thousand options,
// 877 kB, on the page of every person).
func (v *view) PickDelegate(id, name, label string, opts ...string) Picker {
	opts = v.sentChoices(name, opts)
	if len(v.S.PersonOrder) <= v.pickerLimit {
		return v.Pick(id, name, label, v.DelegateChoices(), opts...)
	}
	return v.pickSearched(id, name, label, delegates, len(v.S.PersonOrder), opts...)
}

// delegates are the persons who hold a verified mandate (PickDelegate).
var delegates = &personSet{route: "delegates", has: func(s *assembly.State, p string) bool {
	_, ok := s.VotingMandate(p)
	return ok
}}

// PickHall is the hall tab's picker of several persons of one side of the
// hall: where "in" lists those in the hall now (who may leave it), "out"
// those registered present and not in the hall (who may come back);
// nil when nobody is there, so that the page says so instead. Up to
// Options.PickerLimit persons on that side the picker lists them all, as
// before; with more it is searched on the server as PickPerson is, from
// GET /a/{id}/choices/in-hall or /out-of-hall, which find only the
// persons of that side.
func (v *view) PickHall(where, id, name, label string, opts ...string) *Picker {
	set, ok := hallSets[where]
	if !ok {
		return nil
	}
	total := v.Hall().side(where)
	if total == 0 {
		return nil
	}
	opts = append([]string{"many"}, opts...)
	var p Picker
	if total <= v.pickerLimit {
		p = v.Pick(id, name, label, v.HallChoices(where), opts...)
	} else {
		p = v.pickSearched(id, name, label, set, total, opts...)
	}
	return &p
}

// personSet is a set of persons a picker searched on the server lists:
// its route (GET /a/{id}/choices/{route}), whether it holds a person, and
// who may search it (nil: whoever may read the record).
type personSet struct {
	route string
	// side is the side of the hall the set is (hall.side), "" for
	// every person.
	side string
	has  func(s *assembly.State, person string) bool
	may  func(viewer) bool
	// refusal is what a viewer whom may refuses is told (a catalog key).
	refusal string
}

// everyone is every person of the assembly (PickPerson).
var everyone = &personSet{route: "persons"}

// hallSets are the sides of the hall (PickHall): who may leave it, who
// may come back, as the chair's hall tab lists them (HallChoices). Only
// those who may record others leaving and coming back (the chair, a
// secretary: the rules' mayMoveHall) search them.
var hallSets = map[string]*personSet{
	"in": {route: "in-hall", side: "in", has: func(s *assembly.State, p string) bool { return s.InHall(p) },
		may: movesHall, refusal: "only the persons themselves, a secretary or the chair may record leaving the hall"},
	"out": {route: "out-of-hall", side: "out", has: outOfHall,
		may: movesHall, refusal: "only the persons themselves, a secretary or the chair may record a return to the hall"},
}

// outOfHall: registered present and recorded as having left the hall,
// the persons return_to_hall takes back (those attending online were
// never in the hall, and the rules refuse to return them).
func outOfHall(s *assembly.State, p string) bool {
	return s.Attendance.CheckedIn[p] && s.Attendance.OutOfHall[p]
}

// movesHall: the viewer may record others leaving the hall and coming
// back (assembly's mayMoveHall: a secretary or the chair).
func movesHall(v viewer) bool {
	return v.Has(string(assembly.RoleChair)) || v.Has(string(assembly.RoleSecretary))
}

// pickSearched is a picker of the persons of set (total of them)
// searched on the server: it lists only the persons chosen already and
// those that match the search sent with the page (?find-ID=words, a form
// of its own beside the picker, so that it works without a script), and
// the script searches as one types (GET /a/{id}/choices/{set.route}).
//
// With the option "carry" (a picker of several whose ticks a search must
// not lose: the trustees of an encrypted vote) the search is a field of
// the picker's own form instead, and its Find button sends that form:
// without a script, the browser sends the ticks only with the form they
// belong to. The form's command is then not given (act: searchCarried);
// the page comes back with ?found-ID=words and the ticked as
// ?pick-ID=person, which the picker lists ticked (Carried).
func (v *view) pickSearched(id, name, label string, set *personSet, total int, opts ...string) Picker {
	carry := slices.Contains(opts, "carry")
	if carry {
		for _, p := range v.carriedPicks(id) {
			opts = append(opts, "selected="+p)
		}
	}
	var keep []string
	for _, o := range opts {
		if k, val, _ := strings.Cut(o, "="); k == "selected" && val != "" {
			keep = append(keep, val)
		}
	}
	q := strings.TrimSpace(v.Query.Get("find-" + id))
	typed := q
	if carry && q == "" {
		// A search the form sent (searchCarried): its words are not
		// typed in the field again, or sending the form would search
		// again rather than do what it does.
		q = strings.TrimSpace(v.Query.Get("found-" + id))
	}
	found, choices := v.searchPersons(q, keep, set.has)
	p := v.Pick(id, name, label, choices, opts...)
	p.Search = &PickerSearch{
		Source:      "/a/" + v.ID + "/choices/" + set.route,
		Form:        "find-" + id,
		Query:       typed,
		Label:       v.L.T("web.pick.search", label),
		Placeholder: v.L.T("web.js.type_to_search"),
		Button:      v.L.T("web.pick.find"),
		Status:      searchStatus(v.L, q, total, found),
	}
	if carry {
		p.Search.Carry = name
	}
	if !carry {
		v.finders = append(v.finders, id)
	}
	return p
}

// maxCarried is the most persons a page takes ticked from ?pick-ID (a
// carried search's ticks): more than an encrypted vote's trustees.
const maxCarried = 256

// carriedPicks are the persons the page's query gives as ticked in the
// picker id (?pick-ID, from searchCarried), at most maxCarried.
func (v *view) carriedPicks(id string) []string {
	ps := v.Query["pick-"+id]
	return ps[:min(len(ps), maxCarried)]
}

// Carried reports whether the page came back from a search of the
// picker id sent with its form (searchCarried): the part of the form
// that holds the picker is shown unfolded.
func (v *view) Carried(id string) bool {
	return v.Query.Has("found-"+id) || v.Query.Has("pick-"+id)
}

// searchCarried is where a form sent without the script goes instead of
// giving its command when one of its pickers searched on the server with
// the option "carry" (pickSearched) is to search: its Find button was
// pressed (find=ID) or its search field has words (Enter in it sends the
// form by its first button). Each such picker of the form says so by a
// field carry-ID naming the form's field of its ticks; the page to go
// back to (back) is given ?found-ID=words and ?pick-ID=person for each
// person ticked, and the fragment of the picker's search field. ok is
// false when the form does not search: it gives its command.
func searchCarried(form url.Values, back string) (to string, ok bool) {
	var ids []string
	for field, vs := range form {
		id, isCarry := strings.CutPrefix(field, "carry-")
		if isCarry && validPickerID(id) && len(vs) == 1 && strings.HasPrefix(vs[0], argPrefix) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	q := url.Values{}
	at := ""
	for _, id := range ids {
		words := strings.TrimSpace(form.Get("find-" + id))
		if words != "" {
			q.Set("found-"+id, words)
		}
		if at == "" && (words != "" || form.Get("find") == id) {
			at = id
		}
		for _, p := range form[form.Get("carry-"+id)] {
			if p = strings.TrimSpace(p); p != "" && len(q["pick-"+id]) < maxCarried {
				q.Add("pick-"+id, p)
			}
		}
	}
	if at == "" {
		return "", false
	}
	back, _, _ = strings.Cut(back, "#")
	back, _, _ = strings.Cut(back, "?")
	return back + "?" + q.Encode() + "#" + at + "-q", true
}

// validPickerID: a picker's id as the templates make them (letters,
// digits, '-'), not too long for a query.
func validPickerID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// PickerSearch is what a picker searched on the server shows besides its
// choices: where the page's script asks, the id of its search form (and
// the name of its field), the search the page was fetched with, the words
// of the search field, its button and what the search found.
type PickerSearch struct {
	Source, Form, Query                string
	Label, Placeholder, Button, Status string
	// Carry is the field of the picker's ticks when its search is sent
	// with the picker's own form, which keeps them (the option "carry":
	// searchCarried); "" for a search form of its own.
	Carry string
}

// searchStatus says what a search q found: how many persons there are to
// search when it has no words, else how many it found and how many of
// them are listed.
func searchStatus(l *i18n.Locale, q string, total, found int) string {
	switch {
	case len(strings.Fields(q)) == 0:
		return l.T("web.pick.total", total)
	case found == 0:
		return l.T("web.pick.none_found")
	case found > searchShown:
		return l.T("web.pick.first", found, searchShown)
	}
	return l.T("web.pick.found", found)
}

// Finders are the ids of the page's pickers searched on the server
// (PickPerson), whose search forms ("find-ID", empty) the layout puts at
// the end of the page: a picker stands inside the form it belongs to, and
// forms do not nest, so its search field and button name their form
// (form="find-ID").
func (v *view) Finders() []string { return v.finders }

// searchPersons returns how many persons of a set (has; nil: all)
// match q (every word of it in their name, hint or id, case and accents
// aside, as static/picker.js matches names) and the choices to list: the first
// searchShown of them by name, and the persons in keep whether they
// match or not. The persons' texts are read from the index of the
// state (personIndexOf).
func (v *view) searchPersons(q string, keep []string, has func(*assembly.State, string) bool) (int, []Choice) {
	words := strings.Fields(fold(q))
	var out []Choice
	sortByName := func(cs []Choice) { byName(cs, func(c Choice) string { return c.Label }) }
	if len(words) > 0 {
		x := v.personIndexOf()
		x.match(words, v.S, has, func(i int) {
			id := x.ids[i]
			out = append(out, v.personChoice(id, v.S.Persons[id], x.hint(i)))
		})
		sortByName = x.names.sort
	}
	found := len(out)
	sortByName(out)
	out = out[:min(len(out), searchShown)]
	for _, id := range keep {
		if p := v.S.Persons[id]; p != nil && !containsValue(out, id) {
			out = append(out, v.personChoice(id, p, v.personHint(p)))
		}
	}
	if len(out) > 0 && len(keep) > 0 {
		sortByName(out)
	}
	return found, out
}

func containsValue(cs []Choice, value string) bool {
	for _, c := range cs {
		if c.Value == value {
			return true
		}
	}
	return false
}

// folds are the letters fold spells as others, as static/picker.js does.
var folds = map[rune]string{'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ð': "d", 'ł': "l", 'þ': "th", 'ı': "i", 'ħ': "h"}

// fold is s as a search compares it: lower case, without accents, a few
// letters spelt as their plain cousins (static/picker.js's fold).
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case r >= 0x300 && r <= 0x36f: // combining accents
		case folds[r] != "":
			b.WriteString(folds[r])
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// A picker lists up to Options.PickerLimit persons whole (500), and one
// searched on the server up to searchShown found: by the template's
// actions each choice was half a dozen reflected calls, half the render
// of the hall's search. Its choices are written here instead, byte for
// byte as the template wrote them (TestPickerChoicesAsTheTemplateWrote):
// each value escaped as html/template escapes a quoted attribute's value
// or a text (attrEscaper: the same table for both).

// pickerChecks is the function "pickerChecks": a picker's choices as the
// checkboxes of a picker of several.
func pickerChecks(p Picker) template.HTML {
	var b strings.Builder
	b.Grow(len(p.Choices) * (100 + len(p.Name)))
	for _, c := range p.Choices {
		b.WriteString(`<li><label class="check"><input type="checkbox" name="`)
		attrEscaper.WriteString(&b, p.Name)
		b.WriteString(`" value="`)
		attrEscaper.WriteString(&b, c.Value)
		b.WriteString(`"`)
		if c.Selected {
			b.WriteString(` checked`)
		}
		b.WriteString(`> <span>`)
		b.WriteString(string(bdi(c.Label)))
		if c.Hint != "" {
			b.WriteString(` <span class="meta">— `)
			b.WriteString(string(bdi(c.Hint)))
			b.WriteString(`</span>`)
		}
		b.WriteString(`</span></label></li>`)
	}
	return template.HTML(b.String())
}

// pickerOptions is the function "pickerOptions": a picker's choices as
// the options of a select, each on a line.
func pickerOptions(p Picker) template.HTML {
	var b strings.Builder
	b.Grow(len(p.Choices) * 64)
	for _, c := range p.Choices {
		b.WriteString(`<option value="`)
		attrEscaper.WriteString(&b, c.Value)
		b.WriteString(`"`)
		if c.Selected {
			b.WriteString(` selected`)
		}
		b.WriteString(`>`)
		attrEscaper.WriteString(&b, option(c.Label))
		if c.Hint != "" {
			b.WriteString(` — `)
			attrEscaper.WriteString(&b, option(c.Hint))
		}
		b.WriteString("</option>\n")
	}
	return template.HTML(b.String())
}

// choiceJSON is one choice in the answer of GET /a/{id}/choices/….
type choiceJSON struct {
	Value string `json:"value"`
	Label string `json:"label"`
	Hint  string `json:"hint,omitempty"`
}

// maxSearch is the longest search (in bytes) the pickers' routes take: a
// few words of a name.
const maxSearch = 200

// choices serves GET /a/{id}/choices/{set.route}?q=words: the persons of
// the set that match, as the picker searched on the server lists them
// (PickPerson, PickHall), for its script, in JSON:
//
//	{"total": 10000, "found": 12, "status": "Found: 12.",
//	 "choices": [{"value": "p1", "label": "Anna", "hint": "Bakers"}, …]}
//
// at most searchShown of them, by name; nothing without words; total is
// how many persons the set holds. Only who may read the pages that have
// the picker gets it: a person logged in to the assembly who may read
// its record, and, for a set that says so (set.may), holds an office
// that uses it: the hall's sides, the chair or a secretary. A query that
// cannot be read (a bad escape, not UTF-8, q given twice or longer than
// maxSearch) is refused with 400.
func (s *server) choices(set *personSet) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		a, ok := s.assemblyOf(w, r)
		if !ok {
			return
		}
		sess := auth.FromContext(r.Context())
		if sess == nil || !sess.In(a.ID()) {
			plainError(w, r, a, http.StatusUnauthorized, "web.http.log_in")
			return
		}
		if !s.mayRead(w, r, a, true) {
			return
		}
		if set.may != nil {
			allowed := false
			a.Read(func(st *assembly.State) { allowed = set.may(identify(st, sess)) })
			if !allowed {
				plainError(w, r, a, http.StatusForbidden, set.refusal)
				return
			}
		}
		query, err := url.ParseQuery(r.URL.RawQuery)
		q := query.Get("q")
		if err != nil || len(query["q"]) > 1 || len(q) > maxSearch || !utf8.ValidString(q) {
			plainError(w, r, a, http.StatusBadRequest, "web.http.form_unreadable")
			return
		}
		var out struct {
			Total   int          `json:"total"`
			Found   int          `json:"found"`
			Status  string       `json:"status"`
			Choices []choiceJSON `json:"choices"`
		}
		a.Read(func(st *assembly.State) {
			v := &view{S: st, L: i18n.Choose(r, st.Assembly.Language), asm: a, live: s.live.slot(a.ID()), index: s.live.indexSlot(a.ID())}
			var cs []Choice
			out.Found, cs = v.searchPersons(q, nil, set.has)
			out.Total = len(st.PersonOrder)
			if set.side != "" {
				out.Total = v.Hall().side(set.side)
			}
			out.Choices = make([]choiceJSON, len(cs))
			out.Status = searchStatus(v.L, q, out.Total, out.Found)
			for i, c := range cs {
				out.Choices[i] = choiceJSON{c.Value, balanced(c.Label), balanced(c.Hint)}
			}
		})
		body, _ := json.Marshal(out) // strings and numbers: it cannot fail
		h := w.Header()
		h.Set("Content-Type", "application/json")
		h.Set("Cache-Control", "no-store")
		w.Write(body)
	}
}
