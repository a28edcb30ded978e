package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/collate"

	"plenum/assembly"
	"plenum/auth"
	"plenum/engine"
	"plenum/httpapi"
	"plenum/i18n"
	"plenum/internal/names"
	"plenum/internal/routes"
	"plenum/roster"
)

// The set-up pages: an administrator creates an assembly (from nothing or
// from a previous one), and the organiser sets up its organizations,
// persons, mandates, offices and bodies, who may read its record, and its
// rules. Every change is an ordinary command, recorded in the log; the
// pages only make them easy. Nobody types an id: the server makes the id
// of whatever a form creates from its name (package roster, as the import
// does), and forms pick persons and organizations by name from lists
// sorted by name (the picker, parts-setup.html and static/picker.js).

func init() {
	pageNames = append(pageNames, "setup", "setup-organizations", "setup-people", "setup-person", "setup-offices", "import", "import-preview", "new-assembly")
	funcs["pick"] = pick
}

// setupRoutes adds the set-up pages' routes to m.
func (s *server) setupRoutes(m *routes.Mux) {
	m.HandleFunc("GET /setup", s.newAssembly)
	m.HandleFunc("POST /setup", s.createAssembly)
	for _, p := range []string{"setup", "setup-organizations", "setup-people", "setup-person", "setup-offices", "import"} {
		m.HandleFunc("GET /a/{id}/"+p, s.page(p, needLogin))
	}
	m.HandleFunc("POST /a/{id}/setup", s.setupAct)
	m.HandleFunc("POST /a/{id}/import", s.importPreview)
	m.HandleFunc("POST /a/{id}/import/record", s.importRecord)
	m.HandleFunc("GET /a/{id}/roster.csv", s.rosterExport)
	m.HandleFunc("GET /a/{id}/roster.xlsx", s.rosterExport)
}

// setupTitles are the set-up pages, whose titles are the catalog's
// "web.su.t.<page>".
var setupTitles = map[string]bool{
	"setup": true, "setup-organizations": true, "setup-people": true, "setup-person": true,
	"setup-offices": true, "import": true, "import-preview": true, "new-assembly": true,
}

// InSetup reports whether the page is one of the set-up pages.
func (v *view) InSetup() bool { return setupTitles[v.Page] && v.Page != "new-assembly" }

// The picker ---------------------------------------------------------------

// Choice is one option of a picker: the value sent, the label shown (a
// name) and a hint that tells two of one name apart (an organization).
type Choice struct {
	Value, Label, Hint string
	Selected           bool
}

// Picker is a searchable list of choices, sorted by name: a select (or,
// with Many, a list of checkboxes) that works without a script, and that
// static/picker.js gives a search field. Templates make one with pick and
// show it with {{template "picker" …}}; any page may.
type Picker struct {
	ID, Name, Label string
	Choices         []Choice
	Many            bool // several may be chosen: checkboxes
	Optional        bool // a single choice may be left empty
	// None is the label of the empty choice of an optional single picker.
	None string
	// Empty is what a picker of several says when there is nobody to
	// choose ("" for the English of the template).
	Empty string
	// Search is set when the picker is searched on the server
	// (PickPerson): Choices are then only those chosen and found.
	Search *PickerSearch
}

// Pick is pick in the page's language: a single picker's empty choice
// says "Choose…" and an empty list of several says so, in the locale,
// unless the options name them. An option "sent=CMD" chooses what the
// form CMD sent, when the page comes back with it (Kept).
func (v *view) Pick(id, name, label string, choices []Choice, opts ...string) Picker {
	p := pick(id, name, label, choices, v.sentChoices(name, opts)...)
	if p.None == "" {
		p.None = v.L.T("web.choose")
	}
	p.Empty = v.L.T("web.pick.nobody")
	return p
}

// pick makes a Picker for a template: the element's id, the form field's
// name, its label, the choices, and options: "many" (checkboxes),
// "optional" (may be left empty), "none=LABEL" (the empty choice's label),
// "prompt=LABEL" (the empty choice's label when one must be chosen: the
// page's "Choose…"), "selected=VALUE" (chosen already; repeatable).
func pick(id, name, label string, choices []Choice, opts ...string) Picker {
	p := Picker{ID: id, Name: name, Label: label}
	var selected []string
	for _, o := range opts {
		switch k, v, _ := strings.Cut(o, "="); k {
		case "many":
			p.Many = true
		case "optional":
			p.Optional = true
		case "none":
			p.Optional, p.None = true, v
		case "prompt":
			p.None = v
		case "selected":
			selected = append(selected, v)
		}
	}
	if len(selected) == 0 {
		p.Choices = choices
		return p
	}
	p.Choices = make([]Choice, len(choices))
	for i, c := range choices {
		c.Selected = slices.Contains(selected, c.Value)
		p.Choices[i] = c
	}
	return p
}

// byName sorts xs by the names name gives, as a reader looks for them in a
// list: without regard to case or accents, numbers by their value. It is
// how every list of persons, organizations and bodies on the pages is
// sorted.
func byName[T any](xs []T, name func(T) string) {
	if len(xs) < 2 {
		return // nothing to sort, and a collator is costly to make
	}
	c := newNameCollator()
	var buf collate.Buffer
	byKey(xs, func(x T) []byte { return c.KeyFromString(&buf, name(x)) })
}

// newNameCollator is the collator byName sorts by (names.Collator, the
// cards' and the roster's order too).
func newNameCollator() *collate.Collator { return names.Collator() }

// byKey sorts xs stably by the keys key gives them (byName's).
func byKey[T any](xs []T, key func(T) []byte) {
	keys := make([][]byte, len(xs))
	for i, x := range xs {
		keys[i] = key(x)
	}
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return bytes.Compare(keys[a], keys[b]) })
	sorted := make([]T, len(xs))
	for i, j := range idx {
		sorted[i] = xs[j]
	}
	copy(xs, sorted)
}

// PersonChoices are all persons, by name, each with the organizations of
// their mandates not rejected as its hint (and their reference, which
// tells two of one name apart).
func (v *view) PersonChoices() []Choice {
	if v.personChoices != nil {
		return v.personChoices // a view renders one state; pick copies what it marks
	}
	out := make([]Choice, 0, len(v.S.PersonOrder))
	for _, id := range v.S.PersonOrder {
		p := v.S.Persons[id]
		out = append(out, v.personChoice(id, p, v.personHint(p)))
	}
	byName(out, func(c Choice) string { return c.Label })
	v.personChoices = out
	return out
}

// DelegateChoices are the persons who hold a verified mandate (who may
// carry another's by proxy), by name.
func (v *view) DelegateChoices() []Choice {
	var out []Choice
	for _, id := range v.S.PersonOrder {
		if _, ok := v.S.VotingMandate(id); ok {
			p := v.S.Persons[id]
			out = append(out, v.personChoice(id, p, v.personHint(p)))
		}
	}
	byName(out, func(c Choice) string { return c.Label })
	return out
}

// OrgChoices are the organizations, by name.
func (v *view) OrgChoices() []Choice {
	out := make([]Choice, 0, len(v.S.OrgOrder))
	for _, id := range v.S.OrgOrder {
		o := v.S.Organizations[id]
		c := Choice{Value: id, Label: o.Name}
		if o.Number != "" {
			c.Hint = "no. " + o.Number
		}
		out = append(out, c)
	}
	byName(out, func(c Choice) string { return c.Label })
	return out
}

// personHint tells a person apart in a list: their reference and the
// organizations of their mandates not rejected.
func (v *view) personHint(p *assembly.Person) string {
	return string(v.appendPersonHint(nil, p))
}

// The set-up pages' views -------------------------------------------------

// Search is the people page's search (?q=).
func (v *view) Search() string { return strings.TrimSpace(v.Query.Get("q")) }

// maxPeopleRows is how many persons the people page lists at once; a
// search narrows the list.
const maxPeopleRows = 500

// personRow is a person on the people page, with their mandates.
type personRow struct {
	*assembly.Person
	Mandates []*assembly.Mandate
}

// peopleList is the people page's list: the persons matching the search,
// by name, at most maxPeopleRows of Total.
type peopleList struct {
	Rows  []personRow
	Total int
}

// People are the persons the people page lists: those whose name,
// reference or organization holds every word of the search, by name.
func (v *view) People() peopleList {
	words := strings.Fields(foldName(v.Search()))
	var rows []personRow
	for _, id := range v.S.PersonOrder {
		p := v.S.Persons[id]
		hay := foldName(p.Name + " " + v.personHint(p))
		if !allIn(words, hay) {
			continue
		}
		r := personRow{Person: p}
		for _, mid := range p.Mandates {
			r.Mandates = append(r.Mandates, v.S.Mandates[mid])
		}
		rows = append(rows, r)
	}
	byName(rows, func(r personRow) string { return r.Name })
	out := peopleList{Total: len(rows)}
	out.Rows = rows[:min(len(rows), maxPeopleRows)]
	return out
}

// foldName is a text as the searches compare it: lower case, accents
// dropped (as roster.Slug drops them), spaces kept.
func foldName(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ReplaceAll(roster.Slug(w), "-", " "))
		if roster.Slug(w) == "" {
			b.WriteString(strings.ToLower(w))
		}
	}
	return b.String()
}

func allIn(words []string, hay string) bool {
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// SetupPerson is the person of the person page (?p=ID), or nil.
func (v *view) SetupPerson() *personRow {
	p := v.S.Persons[v.Query.Get("p")]
	if p == nil {
		return nil
	}
	r := &personRow{Person: p}
	for _, mid := range p.Mandates {
		r.Mandates = append(r.Mandates, v.S.Mandates[mid])
	}
	return r
}

// Memberships are the organizations person is recorded a member of.
func (v *view) Memberships(person string) []assembly.Membership {
	var out []assembly.Membership
	for _, id := range v.S.OrgOrder {
		for _, mb := range v.S.Organizations[id].Members {
			if mb.Person == person {
				out = append(out, mb)
			}
		}
	}
	return out
}

// orgRow is an organization on the organizations page, with how many
// mandates it sends, and whether remove_organization would remove it
// (nothing refers to it).
type orgRow struct {
	*assembly.Organization
	Mandates, Verified int
	Removable          bool
	sends              bool // a mandate of any status is from it
}

// OrgRows are the organizations, by name, with their mandates counted.
func (v *view) OrgRows() []orgRow {
	count := map[string]*orgRow{}
	out := make([]orgRow, 0, len(v.S.OrgOrder))
	for _, id := range v.S.OrgOrder {
		out = append(out, orgRow{Organization: v.S.Organizations[id]})
	}
	for i := range out {
		count[out[i].ID] = &out[i]
	}
	for _, id := range v.S.MandateOrder {
		m := v.S.Mandates[id]
		r := count[m.Organization]
		if r != nil {
			r.sends = true
		}
		if r != nil && m.Status != assembly.MandateStatusRejected {
			r.Mandates++
			if m.Status == assembly.MandateStatusVerified {
				r.Verified++
			}
		}
	}
	for i := range out {
		// Most organizations send mandates: the rules' walk of what
		// refers to one is for the few that do not.
		out[i].Removable = !out[i].sends && v.S.OrgReferredBy(out[i].ID) == nil
	}
	byName(out, func(r orgRow) string { return r.Name })
	return out
}

// RoleHolders are the persons who hold role (granted), by name.
func (v *view) RoleHolders(role string) []*assembly.Person {
	var out []*assembly.Person
	for _, id := range v.S.PersonOrder {
		if v.S.HasRole(id, assembly.Role(role)) {
			out = append(out, v.S.Persons[id])
		}
	}
	byName(out, func(p *assembly.Person) string { return p.Name })
	return out
}

// Roles are the roles an administrator grants, in the order the set-up
// page lists them.
func (v *view) Roles() []string {
	return []string{string(assembly.RoleAdministrator), string(assembly.RoleChair), string(assembly.RoleSecretary), string(assembly.RoleMandateCommission), string(assembly.RoleTeller)}
}

// BodyList are the sections, commissions and committees, by name.
func (v *view) BodyList() []*assembly.Body {
	out := make([]*assembly.Body, 0, len(v.S.BodyOrder))
	for _, id := range v.S.BodyOrder {
		out = append(out, v.S.Bodies[id])
	}
	byName(out, func(b *assembly.Body) string { return b.Name })
	return out
}

// MembersByName are a body's members, by name.
func (v *view) MembersByName(b *assembly.Body) []*assembly.Person {
	var out []*assembly.Person
	for _, id := range b.Members {
		if p := v.S.Persons[id]; p != nil {
			out = append(out, p)
		}
	}
	byName(out, func(p *assembly.Person) string { return p.Name })
	return out
}

// NonMemberChoices are the persons not in body b, by name.
func (v *view) NonMemberChoices(b *assembly.Body) []Choice {
	var out []Choice
	for _, c := range v.PersonChoices() {
		if !slices.Contains(b.Members, c.Value) {
			out = append(out, c)
		}
	}
	return out
}

// Rules are the assembly's rules, for the rules form: as the form sent
// them when it comes back with a refusal (sentRules).
func (v *view) Rules() assembly.Rules {
	if v.Kept("rules") {
		return sentRules(v.S.Assembly.Rules, v.Form)
	}
	return v.S.Assembly.Rules
}

// sentRules are the rules base as the rules form sent them back with a
// refusal shows them: each field that reads changes its rule; a number
// that does not read changes nothing (the form shows it as typed,
// view.Sent), and a quorum of members that does not read leaves the
// quorum "number".
func sentRules(base assembly.Rules, form url.Values) assembly.Rules {
	return sentRulesOf(base, form, true)
}

// sentRulesOf is sentRules of a form that holds every rule's field
// (whole: a box not ticked turns its rule off) or only some of them (the
// new assembly's form: the others stay base's).
func sentRulesOf(base assembly.Rules, form url.Values, whole bool) assembly.Rules {
	f := url.Values{}
	for k, vs := range form {
		f[k] = vs
	}
	reads := func(field string, least int) bool {
		n, err := strconv.Atoi(strings.TrimSpace(f.Get(field)))
		return err == nil && n >= least && n <= 100000
	}
	for _, field := range []string{"speaking_minutes", "max_proxies"} {
		if !reads(field, 0) {
			delete(f, field)
		}
	}
	number := f.Get("quorum") == "number" && !reads("quorum_number", 1)
	if number {
		delete(f, "quorum")
	}
	r := base
	if o, err := rulesForm(nil, f, whole); err == nil {
		if with, err := base.With(o); err == nil {
			r = with
		}
	}
	if number {
		r.Quorum = "number"
	}
	return r
}

// SpeaksLanguage reports whether plenum writes its pages, minutes and
// cards in the language of tag (one of i18n.Languages, or a tag that
// matches one: "de-AT"), or tag is empty (English); with another the
// engine records the tag, and they are written in English.
func (v *view) SpeaksLanguage(tag string) bool {
	tag = strings.TrimSpace(tag)
	return tag == "" || i18n.Match(tag) != ""
}

// QuorumNumber is the quorum when the rules set a number of members
// (""), or as typed in the rules form sent back with a refusal.
func (v *view) QuorumNumber() string {
	if v.Kept("rules") {
		if v.Form.Get("quorum") != "number" {
			return ""
		}
		return strings.TrimSpace(v.Form.Get("quorum_number"))
	}
	if _, err := strconv.Atoi(v.S.Assembly.Rules.Quorum); err == nil {
		return v.S.Assembly.Rules.Quorum
	}
	return ""
}

// SpeakingMinutes is the speaking time in whole minutes (0: no limit).
func (v *view) SpeakingMinutes() int { return v.S.Assembly.Rules.SpeakingTimeSeconds / 60 }

// RosterSize counts the persons, the mandates not rejected and the
// verified ones, for the set-up overview.
func (v *view) RosterSize() (sz struct{ Persons, Mandates, Verified, Organizations, Bodies int }) {
	sz.Persons, sz.Organizations, sz.Bodies = len(v.S.PersonOrder), len(v.S.OrgOrder), len(v.S.BodyOrder)
	for _, id := range v.S.MandateOrder {
		switch v.S.Mandates[id].Status {
		case assembly.MandateStatusVerified:
			sz.Verified++
			sz.Mandates++
		case assembly.MandateStatusSubmitted:
			sz.Mandates++
		}
	}
	return sz
}

// Forms that create ----------------------------------------------------------

// setupDone says what a set-up form did, for the message on the page:
// the catalog's "web.su.done.<cmd>", with the name of what it made.
var setupDone = map[string]bool{"add_organization": true, "add_person": true, "submit_mandate": true, "form_body": true, "rules": true, "amend_assembly": true}

// keptForms are the set-up forms whose page, when what the form sent is
// refused (by the rules, or by the form's own reading: a name left out, a
// weight that is no number), comes back without scripts with what was
// typed in it (view.Sent), by the form's cmd: the page, and the fields
// kept. Only those fields come back; none holds a secret. The forms of
// /a/{id}/setup (setupAct) and the corrections a set-up page sends to
// /a/{id}/act (act) come back alike; a form that a page shows once for
// each of its rows (an organization's correction, a mandate's rejection)
// names in of the field that says which row it is, and comes back in
// that row only (view.KeptOf, view.SentOf).
var keptForms = map[string]keptForm{
	"add_organization": {page: "setup-organizations", fields: []string{"name", "kind", "number", "parent"}},
	"add_person":       {page: "setup-people", fields: []string{"name", "ref", "kind", "organization", "weight", "verified"}},
	"submit_mandate":   {page: "setup-person", fields: []string{"person", "kind", "organization", "weight", "verified"}},
	"form_body":        {page: "setup-offices", fields: []string{"name", "kind", "members"}},
	"amend_assembly":   {page: "setup", fields: []string{"name", "starts", "ends", "venues", "language", "description"}},
	"rules": {page: "setup", fields: []string{"quorum", "quorum_number", "voting_threshold", "close_debate_threshold", "speaking_minutes", "speakers_order",
		"max_proxies", "seconds_required", "consultative_may_vote", "guests_may_speak", "proxies_allowed", "abstentions_count",
		"weighted_votes", "precedence", "reconsider_rules"}},
	"amend_organization": {page: "setup-organizations", fields: []string{"a:organization", "a:name", "a:kind", "a:number"}, of: "a:organization"},
	"amend_person":       {page: "setup-person", fields: []string{"a:person", "a:name", "a:ref"}, of: "a:person"},
	"reject_mandate":     {page: "setup-person", fields: []string{"a:mandate", "a:reason"}, of: "a:mandate"},
	"add_membership":     {page: "setup-person", fields: []string{"a:person", "a:organization", "a:role"}},
	"retitle_item":       {page: "chair-agenda", fields: []string{"a:item", "a:title", "a:reason"}, of: "a:item"},
	// The secretary's notes of a speech, refused (a floor turn of
	// another speaker): typed at length, not to be typed again.
	"record_speech": {page: "secretary", fields: []string{"a:speaker", "a:label", "a:capacity", "a:floor:int", "a:notes", "a:continues:bool"}},
}

// keptForm is a set-up form that comes back with what was typed in it.
type keptForm struct {
	page   string
	fields []string
	// of is the field that says which row of the page the form is of,
	// for a form the page shows once a row; "" for a form shown once.
	of string
}

// keptOn is the form cmd as page keeps it (keptForms; the motions'
// pages': motionKeptForms), and whether page keeps it.
func keptOn(cmd, page string) (keptForm, bool) {
	if k, ok := keptForms[cmd]; ok && k.page == page {
		return k, true
	}
	k, ok := motionKeptForms[page][cmd]
	return k, ok
}

// Kept reports whether the page is sent back with what was typed in the
// form cmd (keptForms), after a refusal.
func (v *view) Kept(cmd string) bool {
	_, ok := keptOn(cmd, v.Page)
	return v.Form != nil && v.Form.Get("cmd") == cmd && ok
}

// KeptOf is Kept for the form cmd of the row id (keptForm.of): the page
// is sent back with what was typed in that row's form.
func (v *view) KeptOf(cmd, id string) bool {
	kept, _ := keptOn(cmd, v.Page)
	return v.Kept(cmd) && kept.of != "" && v.Form.Get(kept.of) == id
}

// SentOf is Sent for the form cmd of the row id (KeptOf): the field as it
// was typed in that row's form, or def, as in every other row.
func (v *view) SentOf(cmd, id, field, def string) string {
	if v.KeptOf(cmd, id) {
		return v.Form.Get(field)
	}
	return def
}

// Sent is the field of the form cmd sent back with a refusal (Kept) as it
// was typed, or def.
func (v *view) Sent(cmd, field, def string) string {
	if v.Kept(cmd) {
		return v.Form.Get(field)
	}
	return def
}

// Ticked is whether the checkbox field of the form cmd was ticked, in a
// form sent back with a refusal (Kept), or def.
func (v *view) Ticked(cmd, field string, def bool) bool {
	if v.Kept(cmd) {
		return v.Form.Get(field) != ""
	}
	return def
}

// sentChoices is a picker's options with "sent=CMD" (Pick, PickPerson)
// turned into "selected=VALUE" for each value sent in the picker's field
// name, when the page comes back with the form CMD (Kept).
func (v *view) sentChoices(name string, opts []string) []string {
	var out []string
	for _, o := range opts {
		cmd, ok := strings.CutPrefix(o, "sent=")
		if !ok {
			out = append(out, o)
			continue
		}
		if v.Kept(cmd) {
			for _, x := range v.Form[name] {
				out = append(out, "selected="+x)
			}
		}
	}
	return out
}

// keepForm is what of the form cmd comes back with its page (keptForms):
// its cmd and its fields, nothing else (not its token nor its key).
func keepForm(cmd string, kept keptForm, form url.Values) url.Values {
	out := url.Values{"cmd": {cmd}}
	for _, f := range kept.fields {
		if vs, ok := form[f]; ok {
			out[f] = vs
		}
	}
	return out
}

// setupAct serves POST /a/{id}/setup: the set-up forms that create
// something (the server makes its id from its name) or that give several
// commands at once, on behalf of the logged-in person. Besides csrf, key
// (an idempotency key) and back (the page to return to), a form sends cmd
// and its fields:
//
//	add_organization  name, kind, number, parent
//	add_person        name, ref; and, to give them a mandate at once,
//	                  kind, organization (empty: personally), weight,
//	                  verified (verify it too)
//	submit_mandate    person, kind, organization, weight, verified
//	form_body         name, kind, members (repeated)
//	amend_assembly    name, starts, ends, venues (one a line), language,
//	                  description
//	rules             the whole rules form (rulesForm)
//
// The commands of one form are rehearsed on a fresh copy of the state and
// recorded in one batch: a refusal records none of them.
func (s *server) setupAct(w http.ResponseWriter, r *http.Request) {
	a, sess, _, ok := s.pageForm(w, r, "setup", 1<<20)
	if !ok {
		return
	}
	id := a.ID()
	l := localeOf(r, a)
	back := r.PostFormValue("back")
	if !strings.HasPrefix(back, "/a/"+id+"/") {
		back = "/a/" + id + "/setup"
	}
	reply := func(status int, res actResult) { s.answer(w, r, id, back, status, res) }
	cmd := r.PostFormValue("cmd")
	var cmds []assembly.Command
	var err error
	var named string
	refused := func(status int, msg string) { s.refused(w, r, id, cmd, status, msg, reply) }
	key := r.PostFormValue("key")
	var results []*engine.Result
	// The ids of what the form adds are made from the names, from the
	// readers' state, not under the writer's decision: should another
	// organiser's form take one first, the commands are refused as a
	// clash and made again with the next free ids, as /act does for its
	// fresh ids (freshTries).
	for try := 0; ; try++ {
		a.Read(func(st *assembly.State) { cmds, named, err = setupCommands(l, st, cmd, r.PostForm) })
		if err != nil {
			refused(http.StatusUnprocessableEntity, isolatedMarks(err.Error()))
			return
		}
		at := s.opts.Now().UTC()
		metas := make([]assembly.Meta, len(cmds))
		for i := range cmds {
			metas[i] = assembly.Meta{Assembly: id, Actor: actorOf(sess), At: at}
			if key != "" {
				metas[i].Key = fmt.Sprintf("%s/%d", key, i)
			}
		}
		results, err = s.submitBatch(r.Context(), a, metas, cmds)
		if err == nil || len(results) > 0 || try == freshTries-1 || assembly.CodeOf(err) != assembly.ErrConflict || !anyTaken(a, madeIDs(cmds)) {
			break
		}
	}
	if err != nil {
		if len(results) == 0 && s.forwardForm(w, r, id, nil, err, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "1")
			reply(http.StatusServiceUnavailable, actResult{Error: l.T("web.err.not_writer")})
		}) {
			return
		}
		if key != "" && len(results) == 0 {
			// The same form sent again: its first command's key was
			// accepted before (the ids made from names differ this time,
			// and the engine refuses the key).
			if first, ok := sentBefore(a, actorOf(sess), key+"/0", err); ok {
				httpapi.SetRecorded(w, r, int64(first))
				reply(http.StatusOK, actResult{OK: true, Message: l.T("web.su.sent_before") + l.T("web.su.done_entry", first)})
				return
			}
		}
		var ae *assembly.Error
		if errors.As(err, &ae) && ae.Code != assembly.ErrCorrupt {
			// In the assembly's language unless the organiser chose
			// another, and with names for ids, as /act says it.
			refused(http.StatusConflict, refusal(r, a, ae))
			return
		}
		s.opts.Logger.Error("web: set-up failed", "cmd", cmd, "assembly", id, "err", err)
		reply(http.StatusInternalServerError, actResult{Error: l.T("web.su.partly_recorded", len(results), len(cmds))})
		return
	}
	msg := ""
	if setupDone[cmd] {
		msg = l.T("web.su.done."+cmd, mark(named))
	}
	if len(results) > 0 {
		msg += l.T("web.su.done_entry", results[0].First())
	}
	res := actResult{OK: true, Message: isolatedMarks(msg)}
	if cmd == "add_person" {
		// The new person's page, to go on with their mandate or offices.
		res.Redirect = "/a/" + id + "/setup-person?p=" + url.QueryEscape(cmds[0].(assembly.AddPerson).ID)
	}
	if len(results) > 0 {
		// The node that forwarded the form shows the page after it once
		// it has read this far (httpapi.ForwardTo).
		httpapi.SetRecorded(w, r, httpapi.LastIndex(results[len(results)-1]))
	}
	reply(http.StatusOK, res)
}

// refused tells of a refusal of the form cmd, from the page of the
// assembly id: without scripts a kept form's page (keptForms; the page
// the form came from, as its field back names it) comes back with what
// was typed, as the new assembly's form does; with them, or for another
// form, reply says it and the form stays as it is on the page.
func (s *server) refused(w http.ResponseWriter, r *http.Request, id, cmd string, status int, msg string, reply func(int, actResult)) {
	if a, ok := s.eng.Assembly(id); ok {
		// A form forwarded by another node: that node shows the page
		// with the refusal once it has read as far as the state the
		// refusal was decided on (httpapi.ForwardTo).
		httpapi.SetDecidedOn(w, r, a)
	}
	to, err := url.Parse(r.PostFormValue("back"))
	var kept keptForm
	ok := err == nil && strings.HasPrefix(to.Path, "/a/"+id+"/")
	if ok {
		kept, ok = keptOn(cmd, pageName(strings.TrimPrefix(to.Path, "/a/"+id+"/")))
	}
	if !ok || r.Header.Get(auth.CSRFHeader) != "" {
		reply(status, actResult{Error: msg})
		return
	}
	// The page of the form, as back names it: the person of a person's
	// page (view.Back), nothing else of its query.
	page := r.WithContext(r.Context())
	u := *r.URL
	u.RawQuery = ""
	if p := to.Query().Get("p"); p != "" {
		u.RawQuery = url.Values{"p": {p}}.Encode()
	}
	page.URL = &u
	fl := &flash{Error: true, Text: msg}
	if motionKeptForms[kept.page] != nil {
		s.keptMotionsPage(w, page, kept.page, to.Path, keepForm(cmd, kept, r.PostForm), fl, status)
		return
	}
	s.servePageAs(w, page, kept.page, needLogin, keepForm(cmd, kept, r.PostForm), fl, status)
}

// submitBatch rehearses commands on a fresh copy of a's state and, if the
// rules accept them all, records them in one batch. A refusal in the
// rehearsal records nothing; a refusal in the batch itself (someone else
// changed the record meanwhile) leaves the commands before it recorded,
// and results says which.
func (s *server) submitBatch(ctx context.Context, a *engine.Assembly, metas []assembly.Meta, cmds []assembly.Command) ([]*engine.Result, error) {
	if len(cmds) > 1 {
		fresh, err := freshStates(ctx, a)
		if err != nil {
			return nil, err
		}
		st, err := fresh()
		if err != nil {
			return nil, err
		}
		if err := rehearse(st, metas, cmds); err != nil {
			return nil, err
		}
	}
	results, _, err := a.SubmitAll(ctx, metas, cmds)
	return results, err
}

// rehearse decides and applies cmds on st in order, and returns the first
// refusal.
func rehearse(st *assembly.State, metas []assembly.Meta, cmds []assembly.Command) error {
	for i, c := range cmds {
		evs, err := assembly.Decide(st, metas[i], c)
		if err != nil {
			return err
		}
		for _, e := range evs {
			if err := st.Apply(e); err != nil {
				return err
			}
		}
	}
	return nil
}

// setupCommands builds the commands of a set-up form (setupAct) on the
// state st, making the ids of what it creates; named is the name of what
// it creates, for the message.
func setupCommands(l *i18n.Locale, st *assembly.State, cmd string, form url.Values) (cmds []assembly.Command, named string, err error) {
	get := func(k string) string { return strings.TrimSpace(form.Get(k)) }
	name := get("name")
	mandate := func(person string) ([]assembly.Command, error) {
		c := assembly.SubmitMandate{ID: roster.MandateID(st, person, nil), Person: person, Organization: get("organization"), Kind: get("kind")}
		if w := get("weight"); w != "" {
			n, err := strconv.Atoi(w)
			if err != nil || n < 1 {
				return nil, errors.New(l.T("web.su.err.weight", quotedMark(w)))
			}
			c.Weight = n
		}
		out := []assembly.Command{c}
		if get("verified") != "" {
			out = append(out, assembly.VerifyMandate{Mandate: c.ID})
		}
		return out, nil
	}
	switch cmd {
	case "add_organization":
		if name == "" {
			return nil, "", errors.New(l.T("web.su.err.org_name"))
		}
		c := assembly.AddOrganization{ID: roster.OrganizationID(st, name, nil), Name: name, Kind: get("kind"), Number: get("number"), Parent: get("parent")}
		return []assembly.Command{c}, name, nil
	case "add_person":
		if name == "" {
			return nil, "", errors.New(l.T("web.su.err.person_name"))
		}
		c := assembly.AddPerson{ID: roster.PersonID(st, name, nil), Name: name, Ref: get("ref")}
		cmds = []assembly.Command{c}
		if get("kind") != "" {
			// The new person's mandate: its id from theirs, which is not
			// taken yet, so no mandate can have it either.
			more, err := mandate(c.ID)
			if err != nil {
				return nil, "", err
			}
			cmds = append(cmds, more...)
		}
		return cmds, name, nil
	case "submit_mandate":
		p := st.Persons[get("person")]
		if p == nil {
			return nil, "", errors.New(l.T("web.su.err.mandate_person"))
		}
		if get("kind") == "" {
			return nil, "", errors.New(l.T("web.su.err.mandate_kind"))
		}
		cmds, err := mandate(p.ID)
		return cmds, p.Name, err
	case "form_body":
		if name == "" {
			return nil, "", errors.New(l.T("web.su.err.body_name"))
		}
		c := assembly.FormBody{ID: roster.NewID("body", name, func(id string) bool { return st.Bodies[id] != nil }), Name: name, Kind: get("kind")}
		for _, m := range form["members"] {
			if m != "" {
				c.Members = append(c.Members, m)
			}
		}
		return []assembly.Command{c}, name, nil
	case "amend_assembly":
		c := assembly.AmendAssembly{Name: name, Starts: get("starts"), Ends: get("ends"), Language: get("language"), Description: get("description")}
		for _, line := range strings.Split(form.Get("venues"), "\n") {
			if l := strings.TrimSpace(line); l != "" {
				c.Venues = append(c.Venues, l)
			}
		}
		return []assembly.Command{c}, "", nil
	case "rules":
		o, err := rulesForm(l, form, true)
		if err != nil {
			return nil, "", err
		}
		return []assembly.Command{assembly.SetRules{Overrides: o}}, "", nil
	}
	return nil, "", errors.New(l.T("web.su.err.no_command"))
}

// rulesForm reads the rules form's fields into overrides: quorum (none,
// majority_of_members, majority_of_mandates or number, with
// quorum_number), voting_threshold, close_debate_threshold,
// speaking_minutes, speakers_order, max_proxies, and the checkboxes
// seconds_required, consultative_may_vote, guests_may_speak,
// proxies_allowed, abstentions_count, weighted_votes, precedence and
// reconsider_rules. With whole set the form holds every rule, and a
// checkbox not sent is false; otherwise only the fields sent count.
func rulesForm(l *i18n.Locale, form url.Values, whole bool) (*assembly.Overrides, error) {
	o := &assembly.Overrides{}
	has := func(k string) bool { _, ok := form[k]; return ok }
	if q := form.Get("quorum"); q != "" {
		if q == "number" {
			n, err := strconv.Atoi(strings.TrimSpace(form.Get("quorum_number")))
			if err != nil || n < 1 {
				return nil, errors.New(l.T("web.su.err.quorum", quotedMark(form.Get("quorum_number"))))
			}
			q = strconv.Itoa(n)
		}
		qr := assembly.QuorumRule(q)
		o.Quorum = &qr
	}
	for _, t := range []struct {
		field string
		dst   **assembly.Threshold
	}{{"voting_threshold", &o.VotingThreshold}, {"close_debate_threshold", &o.CloseDebateThreshold}} {
		if v := form.Get(t.field); v != "" {
			th := assembly.Threshold(v)
			*t.dst = &th
		}
	}
	if v := form.Get("speakers_order"); v != "" {
		o.SpeakersOrder = &v
	}
	for _, n := range []struct {
		field, what string
		scale       int
		dst         **int
	}{{"speaking_minutes", "web.su.err.speaking", 60, &o.SpeakingTimeSeconds}, {"max_proxies", "web.su.err.proxies", 1, &o.MaxProxiesPerDelegate}} {
		if v := strings.TrimSpace(form.Get(n.field)); v != "" {
			x, err := strconv.Atoi(v)
			if err != nil || x < 0 || x > 100000 {
				return nil, errors.New(l.T(n.what, quotedMark(v)))
			}
			x *= n.scale
			*n.dst = &x
		}
	}
	for _, b := range []struct {
		field string
		dst   **bool
	}{{"seconds_required", &o.SecondsRequired}, {"consultative_may_vote", &o.ConsultativeMayVote}, {"guests_may_speak", &o.GuestsMaySpeak},
		{"proxies_allowed", &o.ProxiesAllowed}, {"abstentions_count", &o.AbstentionsCount}, {"weighted_votes", &o.WeightedVotes},
		{"precedence", &o.Precedence}, {"reconsider_rules", &o.ReconsiderRules}} {
		if whole || has(b.field) {
			v := form.Get(b.field) != ""
			*b.dst = &v
		}
	}
	return o, nil
}

// Creating an assembly ---------------------------------------------------

// newAssemblyView is what the new assembly page shows: the form, filled
// from the assembly chosen as the template, if any.
type newAssemblyView struct {
	*view
	From   *assembly.State // the template chosen, or nil
	Rules  assembly.Rules
	Access string
	Form   url.Values // what was sent, when the form comes back with an error
	Copied struct{ Organizations, Persons, Mandates, Bodies, Roles int }
}

// Val is a field of the form as sent, or def.
func (n *newAssemblyView) Val(field, def string) string {
	if n.Form != nil {
		return n.Form.Get(field)
	}
	return def
}

// QuorumNumber is the template's quorum when it is a number, or as
// typed in the form sent back with a refusal.
func (n *newAssemblyView) QuorumNumber() string {
	if n.Form != nil && n.Form.Get("quorum") == "number" {
		return strings.TrimSpace(n.Form.Get("quorum_number"))
	}
	if _, err := strconv.Atoi(n.Rules.Quorum); err == nil {
		return n.Rules.Quorum
	}
	return ""
}

// serverAdmin returns the session if it is a server administrator's;
// otherwise it answers with the login form and the reason.
func (s *server) serverAdmin(w http.ResponseWriter, r *http.Request) (*auth.Session, bool) {
	sess := auth.FromContext(r.Context())
	if sess != nil && sess.Admin {
		return sess, true
	}
	status := http.StatusUnauthorized
	if sess != nil {
		status = http.StatusForbidden
	}
	s.closed(w, r, status, r.Method != http.MethodGet, "Only the server administrator sets up a new assembly: log in with the one-time administrator link that plenum serve printed when it started.")
	return nil, false
}

// newAssembly serves GET /setup: the form that creates an assembly,
// empty or (?from=ID) filled from a previous assembly, its template.
func (s *server) newAssembly(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.serverAdmin(w, r); !ok {
		return
	}
	s.renderNewAssembly(w, r, http.StatusOK, r.URL.Query().Get("from"), nil, nil)
}

// renderNewAssembly shows the new assembly form, filled from the
// template from (if any) and from form (what was sent, if any), with an
// error.
func (s *server) renderNewAssembly(w http.ResponseWriter, r *http.Request, status int, from string, form url.Values, fail error) {
	sess := auth.FromContext(r.Context())
	l := i18n.Choose(r, "")
	v := &view{Page: "new-assembly", Title: pageTitle(l, "new-assembly") + " · plenum", CSRF: s.csrfToken(r), Now: s.opts.Now().UTC(), Query: r.URL.Query(),
		Me: viewer{LoggedIn: true, Person: sess.Person, Name: l.T("web.su.the_admin"), Admin: true}}
	if fail != nil {
		v.Flash = &flash{Error: true, Text: fail.Error()}
	}
	for _, a := range s.eng.Assemblies() {
		a.Read(func(st *assembly.State) {
			v.Assemblies = append(v.Assemblies, assemblyLink{ID: st.Assembly.ID, Name: st.Assembly.Name, Starts: st.Assembly.Starts})
		})
	}
	nv := &newAssemblyView{view: v, Form: form, Access: assembly.RecordPublic}
	nv.Rules, _ = assembly.Preset("congress")
	var buf bytes.Buffer
	var err error
	render := func() { localize(r, nv); err = s.pages["new-assembly"].ExecuteTemplate(&buf, "layout", nv) }
	// A form sent back with an error shows the rules as they were sent.
	sent := func() {
		if form == nil {
			return
		}
		if p, ok := assembly.Preset(form.Get("rules")); ok && nv.From == nil {
			nv.Rules = p
		}
		// Each rule as sent, although another field (the quorum's
		// number) was refused.
		nv.Rules = sentRulesOf(nv.Rules, form, false)
	}
	if a, ok := s.eng.Assembly(from); ok && from != "" {
		a.Read(func(st *assembly.State) {
			nv.From, nv.Rules, nv.Access = st, st.Assembly.Rules, st.RecordAccess()
			sent()
			for _, c := range st.Template(actorOf(sess)) {
				switch c.(type) {
				case assembly.AddOrganization:
					nv.Copied.Organizations++
				case assembly.AddPerson:
					nv.Copied.Persons++
				case assembly.SubmitMandate:
					nv.Copied.Mandates++
				case assembly.FormBody:
					nv.Copied.Bodies++
				case assembly.GrantRole:
					nv.Copied.Roles++
				}
			}
			render()
		})
	} else {
		sent()
		render()
	}
	s.send(w, r, status, "new-assembly", buf.Bytes(), err)
}

// createAssembly serves POST /setup: it creates the assembly (its id made
// from its name) with the rules, language and reading setting of the
// form, and, from a template (field from), gives it the previous
// assembly's organizations, persons, mandates, offices and bodies
// (assembly.State.Template) in one batch. Everything is rehearsed first:
// a refusal creates nothing.
func (s *server) createAssembly(w http.ResponseWriter, r *http.Request) {
	sess, ok := s.serverAdmin(w, r)
	if !ok {
		return
	}
	// Until it is created, the new assembly has no language: what the
	// form's page says is in the person's (their choice, their
	// browser's), as the page itself.
	l := i18n.Choose(r, "")
	r.Body = http.MaxBytesReader(w, r.Body, 256<<10)
	if err := r.ParseForm(); err != nil {
		http.Error(w, l.T("web.http.form_unreadable"), http.StatusBadRequest)
		return
	}
	if !s.validForm(r) {
		http.Error(w, l.T("web.err.stale_form"), http.StatusForbidden)
		return
	}
	form := r.PostForm
	from := form.Get("from")
	// A form sent twice (a double click, a retry after a lost answer)
	// creates one assembly: its key is the create_assembly's.
	key := form.Get("key")
	recorded := engine.ScopedKey(actorOf(sess), key)
	for _, a := range s.eng.Assemblies() {
		seen := false
		a.Read(func(st *assembly.State) { _, seen = st.KeySeen(recorded) })
		if seen && key != "" {
			setFlash(w, a.ID(), flash{Text: localeOf(r, a).T("web.na.sent_before")})
			http.Redirect(w, r, "/a/"+a.ID()+"/setup", http.StatusSeeOther)
			return
		}
	}
	again := func(err error) { s.renderNewAssembly(w, r, http.StatusUnprocessableEntity, from, form, err) }
	actor := actorOf(sess)
	c := assembly.CreateAssembly{Name: strings.TrimSpace(form.Get("name")), Starts: form.Get("starts"), Ends: form.Get("ends"),
		Language: strings.TrimSpace(form.Get("language")), Description: strings.TrimSpace(form.Get("description")),
		Rules: form.Get("rules"), RecordAccess: form.Get("record_access")}
	for _, line := range strings.Split(form.Get("venues"), "\n") {
		if l := strings.TrimSpace(line); l != "" {
			c.Venues = append(c.Venues, l)
		}
	}
	if c.Name == "" {
		again(errors.New(l.T("web.na.err.name")))
		return
	}
	var template []assembly.Command
	base := (*assembly.Overrides)(nil)
	fromName := from // the previous assembly, by its name
	if from != "" {
		a, ok := s.eng.Assembly(from)
		if !ok {
			again(fmt.Errorf("There is no assembly %q to start from any more; choose another.", from))
			return
		}
		a.Read(func(st *assembly.State) {
			template = st.Template(actor)
			base = st.Assembly.Rules.Overrides()
			if st.Assembly.Name != "" {
				fromName = st.Assembly.Name
			}
			if c.Rules == "" {
				c.Rules = st.Assembly.Rules.Preset
			}
		})
	}
	o, err := rulesForm(l, form, false)
	if err != nil {
		again(err)
		return
	}
	c.Overrides = mergeOverrides(base, o)
	c.ID = roster.NewID("assembly", c.Name, func(id string) bool { _, ok := s.eng.Assembly(id); return ok })
	if h := s.heldOutID(c.ID); h != nil {
		// Its log is there, held out: creating it would fail in the
		// store; the form says why, and nothing is sent.
		s.renderNewAssembly(w, r, http.StatusServiceUnavailable, from, form, errors.New(l.T("web.na.err.held", c.ID, l.T("web.i.held_why", h.Reason(l), h.Todo(l)))))
		return
	}
	at := s.opts.Now().UTC()
	meta := assembly.Meta{Assembly: c.ID, Actor: actor, At: at}
	metas := make([]assembly.Meta, len(template))
	for i := range metas {
		metas[i] = meta
	}
	// Rehearse: the new assembly and its copy, on an empty state.
	st := assembly.NewState()
	create := meta
	create.Key = key
	if err := rehearse(st, append([]assembly.Meta{create}, metas...), append([]assembly.Command{c}, template...)); err != nil {
		var ae *assembly.Error
		if errors.As(err, &ae) {
			again(errors.New(newAssemblyRefusal(r, st, ae)))
			return
		}
		again(err)
		return
	}
	args, _ := json.Marshal(c)
	if _, err := s.eng.Submit(r.Context(), assembly.Envelope{Cmd: c.CommandName(), Assembly: c.ID, Actor: actor, At: at, Key: key, Args: args}); err != nil {
		var ae *assembly.Error
		if errors.As(err, &ae) && ae.Code != assembly.ErrCorrupt {
			again(errors.New(newAssemblyRefusal(r, st, ae)))
			return
		}
		s.opts.Logger.Error("web: creating an assembly failed", "assembly", c.ID, "err", err)
		again(errors.New(l.T("web.na.err.failed")))
		return
	}
	// What follows is said on the new assembly's set-up page, in its
	// language as every page of an assembly is (localeOf: the person's
	// choice, their browser's, then the assembly's, which it now has).
	a, _ := s.eng.Assembly(c.ID)
	l = localeOf(r, a)
	msg := l.T("web.na.done")
	if len(template) > 0 {
		results, failed, err := a.SubmitAll(r.Context(), metas, template)
		if err != nil {
			s.opts.Logger.Error("web: copying a template failed", "assembly", c.ID, "from", from, "at", failed, "err", err)
			msg = isolatedMarks(l.T("web.na.copy_stopped", mark(fromName), len(results), len(template), err.Error()))
			setFlash(w, c.ID, flash{Error: true, Text: msg})
			http.Redirect(w, r, "/a/"+c.ID+"/setup", http.StatusSeeOther)
			return
		}
		msg = isolatedMarks(l.T("web.na.done_copied", mark(fromName), len(results)))
	}
	setFlash(w, c.ID, flash{Text: msg})
	http.Redirect(w, r, "/a/"+c.ID+"/setup", http.StatusSeeOther)
}

// mergeOverrides returns base changed by the overrides set in o.
func mergeOverrides(base, o *assembly.Overrides) *assembly.Overrides {
	if base == nil {
		return o
	}
	out := *base
	bv, ov := reflect.ValueOf(&out).Elem(), reflect.ValueOf(o).Elem()
	for i := 0; i < ov.NumField(); i++ {
		if f := ov.Field(i); !f.IsNil() {
			bv.Field(i).Set(f)
		}
	}
	return &out
}

// Back is the address of the page, for a form to return to: with the
// person the person page is about.
func (v *view) Back() string {
	b := "/a/" + v.ID + "/" + v.Page
	if v.Page == "setup-person" {
		b += "?p=" + url.QueryEscape(v.Query.Get("p"))
	}
	return b
}

// MayVerify reports whether the viewer may verify mandates, as the rules
// decide it (May), for the forms that offer it.
func (v *view) MayVerify() bool { return v.May("verify_mandate") }

// MayRegister reports whether the viewer may set up the roll, as the
// rules decide it (assembly.State.MayRegister), for the set-up pages,
// which show their forms only to those: another officer sees the roll
// as it stands rather than forms the rules refuse.
func (v *view) MayRegister() bool { return v.Me.LoggedIn && v.S.MayRegister(v.Me.Person) }

// MayImport reports whether the viewer may import a roster, as the
// import page decides it when a file is sent (roster.MayImport): the
// set-up pages link the import page, and it shows its upload form, to
// those only.
func (v *view) MayImport() bool {
	return v.S != nil && v.Me.LoggedIn && roster.MayImport(v.S, v.Me.Person)
}

// setupForms are the commands the set-up pages offer a form for, each
// shown to those the rules let give it (May, MayVerify), besides the
// roll's (MayRegister) and the import (MayImport): the chair's first, who
// may form the bodies, as the chair's pages are rendered most. Zero
// commands, made once: MayDo asks only whether the actor may give them
// (TestSetupFormsAreThePagesForms).
var setupForms = func() []assembly.Command {
	var out []assembly.Command
	for _, name := range setupFormNames {
		c, ok := assembly.NewCommand(name)
		if !ok {
			panic("web: the set-up pages offer " + name + ", which is no command")
		}
		out = append(out, c)
	}
	return out
}()

// setupFormNames are setupForms by name.
var setupFormNames = []string{
	"form_body", "add_body_members", "remove_body_members",
	"verify_mandate", "reject_mandate", "transfer_proxy",
	"amend_person", "amend_mandate", "submit_mandate", "add_membership",
	"grant_role", "revoke_role", "amend_assembly", "set_record_access", "set_rules",
}

// MaySetUp reports whether the navigation links the set-up pages for the
// viewer: the server administrator, who has always reached them, and
// whoever the rules let give at least one of the commands the pages
// offer (setupForms, MayRegister, MayImport) in the assembly as it
// stands; nobody else, as the pages would offer them no form. It is asked
// on every page with the navigation (staticOffices, not in the kept part,
// which is kept by its answer), not on the live fragments: the chair's
// first command answers (some 0.4 µs, 3 allocations); a delegate, who
// may give none, is asked them all (some 6 µs, 53 allocations).
func (v *view) MaySetUp() bool {
	if v.Me.Admin {
		return true
	}
	if v.S == nil || !v.Me.LoggedIn || v.Me.Person == "" {
		return false
	}
	if v.S.MayRegister(v.Me.Person) || roster.MayImport(v.S, v.Me.Person) {
		return true
	}
	for _, c := range setupForms {
		if v.S.MayDo(v.Me.Person, c) {
			return true
		}
	}
	return false
}

// RolesOf are the roles person was granted, in the order of Roles.
func (v *view) RolesOf(person string) []string {
	var out []string
	for _, r := range v.Roles() {
		if v.Holds(person, r) {
			out = append(out, r)
		}
	}
	return out
}

// Holds reports whether person was granted role.
func (v *view) Holds(person, role string) bool { return v.S.HasRole(person, assembly.Role(role)) }

// Language is the template's language, or else the language the page
// is shown in (the organiser reading the form in Spanish is setting up a
// Spanish assembly, its cards and minutes in Spanish), or English.
func (n *newAssemblyView) Language() string {
	if n.From != nil && n.From.Assembly.Language != "" {
		return n.From.Assembly.Language
	}
	if n.L != nil {
		return n.L.Lang()
	}
	return "en"
}

// RoleName is an office (administrator, chair, secretary, mandate
// commission, teller) in the page's language.
func (v *view) RoleName(role string) string {
	if k := "web.su.role." + role; v.L.Has(k) {
		return v.L.T(k)
	}
	return strings.ReplaceAll(role, "_", " ")
}

// madeIDs are the ids setup commands make from names (setupCommands),
// which another form may take first.
func madeIDs(cmds []assembly.Command) []string {
	var ids []string
	for _, c := range cmds {
		switch c := c.(type) {
		case assembly.AddPerson:
			ids = append(ids, c.ID)
		case assembly.AddOrganization:
			ids = append(ids, c.ID)
		case assembly.SubmitMandate:
			ids = append(ids, c.ID)
		case assembly.FormBody:
			ids = append(ids, c.ID)
		}
	}
	return ids
}
