package roster

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"plenum/assembly"
)

// Options say on whose authority and how a roster is read into an assembly.
type Options struct {
	// Actor is the person on whose authority the commands are given: an
	// administrator, a secretary or the mandate commission (verifying
	// mandates needs the mandate commission or an administrator).
	Actor string
	// At is when the commands are given.
	At time.Time
	// CreateOrganizations adds the organizations the file names and the
	// assembly does not have. Without it such a row is an error, so that a
	// misspelt organization is caught rather than added.
	CreateOrganizations bool
}

// Action is what recording a row does.
type Action string

// The actions of a row.
const (
	ActionAdd       Action = "add"       // a new person, or a new mandate for a known one
	ActionChange    Action = "change"    // amends what the assembly has
	ActionUnchanged Action = "unchanged" // the assembly already says what the row says
	ActionError     Action = "error"     // the row has a problem; nothing of it is recorded
)

// Row is one row of a roster as Plan read and matched it.
type Row struct {
	Number int // its row number in the sheet
	// The row's cells, cleaned (spaces trimmed, runs of space made one).
	Ref, Name, Organization, Proxy string
	Kind                           string // assembly's word: decisive, consultative, guest, ex_officio
	Weight                         int
	Status                         string // "", submitted, verified or rejected
	// Person is the id of the person the row is (matched or new), and
	// Mandate the id of their mandate the row is about; "" if not known.
	Person, Mandate string
	Action          Action
	Changes         []string // what recording the row does, in words
	Notes           []string // what the organiser should know, though the row is good
	// ChangePhrases and NotePhrases are Changes and Notes as templates
	// and arguments, for a page to render in its language.
	ChangePhrases, NotePhrases []Phrase
	Problems                   []*Problem // why the row is not recorded
}

// Missing is a person of the assembly with a mandate not rejected whom the
// file does not list. Nothing is done about them: the mandate commission
// decides.
type Missing struct {
	Person, Name, Ref string
	// Organizations are the organizations of their mandates not
	// rejected: a name, or the phrase "no organization" for a personal
	// mandate, which a page or the command line says in its language.
	Organizations List
}

// Summary counts the rows by action, the new organizations and the
// persons missing from the file.
type Summary struct {
	Rows, Added, Changed, Unchanged, Errors int
	Organizations                           int // organizations added
	Missing                                 int
}

// Planned is one command to record, with the row it comes from (0 for an
// organization shared by several rows).
type Planned struct {
	Row     int
	Meta    assembly.Meta
	Command assembly.Command
}

// Preview is what reading a roster into an assembly would do: every row
// with its problems or changes, the persons missing from the file, and the
// commands of the good rows, in the order to record them.
type Preview struct {
	Table            *Table
	Rows             []*Row
	NewOrganizations []string
	Missing          []Missing
	Commands         []Planned
	Summary          Summary
	// NoOrganizationColumn says that the assembly has organizations but
	// no column of the file is read as the organization: every row is
	// read as a personal mandate, from no organization (a header the
	// import does not know, such as "Landesverband", is not read).
	NoOrganizationColumn bool
	// Notes are what the organiser should know of the file as a whole,
	// though it is read (fileNotes): that it was read as Windows-1252, or
	// that most rows leave the organization empty.
	Notes []Phrase
}

// Batch returns the commands of the good rows as engine.Assembly.SubmitAll
// takes them.
func (p *Preview) Batch() ([]assembly.Meta, []assembly.Command) {
	metas := make([]assembly.Meta, len(p.Commands))
	cmds := make([]assembly.Command, len(p.Commands))
	for i, c := range p.Commands {
		metas[i], cmds[i] = c.Meta, c.Command
	}
	return metas, cmds
}

// ErrNotRegistrar is returned by Plan when the actor may not register
// delegates in the assembly.
var ErrNotRegistrar = errors.New("roster: the actor may not register delegates")

// The phases of recording: an organization before the persons of it, a
// person before their mandate, a mandate verified before anyone carries it
// by proxy.
const (
	phaseOrganizations = iota
	phasePersons
	phaseMandates
	phaseVerify
	phaseProxies
	phases
)

// step is one command planned for a row (or for the rows sharing an
// organization), in its phase, with the column that answers for it.
type step struct {
	phase  int
	rows   []int // indexes into plan.rows
	column Field
	cmd    assembly.Command
}

// plan is the working state of Plan.
type plan struct {
	t     *Table
	s     *assembly.State // as before the import; never changed
	opts  Options
	rows  []*Row
	steps []*step

	personsByName map[string][]*assembly.Person
	orgsByName    map[string][]*assembly.Organization
	newOrgs       map[string]*step // by name key
	newOrgIDs     map[string]bool
	newPersonIDs  map[string]bool
	newMandateIDs map[string]bool
	matched       map[string]int // person id → index of the row that is them
	refRows       map[string]int // reference → index of its row
	nameRows      map[string][]int
	personRow     map[string]int // person id → index of the row that is them, matched or new
	amends        map[int]bool   // rows that amend their mandate
	// others are the rows that give, under a reference of their own, the
	// name of a person of the assembly who has no reference, which
	// another row (the value) is: other persons of the same name
	others   map[int]int
	verifies map[int]bool // rows that verify their mandate
	orgLooks *lookIndex   // the organizations, by their look; made when needed
	// the ids made, by stem, so that the next id of a stem is found
	// where the last was (newID)
	personSeq, orgSeq, mandateSeq idSeq
}

// Plan reads a roster table into the assembly whose state fresh returns.
// fresh must return a new copy of the assembly's current state each time
// it is called (a replay of its log): Plan reads the first and rehearses
// the commands on the others, so that the rules of procedure themselves
// check every command, and a refusal is reported on its row.
//
// The error is for a failure to plan at all (fresh fails, no assembly, an
// actor who may not register delegates); problems with the file are in
// the Preview.
func Plan(t *Table, fresh func() (*assembly.State, error), opts Options) (*Preview, error) {
	s, err := fresh()
	if err != nil {
		return nil, err
	}
	if !s.Created {
		return nil, errors.New("roster: there is no assembly to import into")
	}
	if !MayImport(s, opts.Actor) {
		return nil, fmt.Errorf("%w: %s is not an administrator, a secretary or the mandate commission of %s", ErrNotRegistrar, opts.Actor, s.Assembly.ID)
	}
	p := &plan{t: t, s: s, opts: opts,
		personsByName: map[string][]*assembly.Person{}, orgsByName: map[string][]*assembly.Organization{},
		newOrgs: map[string]*step{}, newOrgIDs: map[string]bool{}, newPersonIDs: map[string]bool{}, newMandateIDs: map[string]bool{},
		matched: map[string]int{}, refRows: map[string]int{}, nameRows: map[string][]int{}, amends: map[int]bool{}, others: map[int]int{}, verifies: map[int]bool{}, personRow: map[string]int{},
		personSeq: idSeq{}, orgSeq: idSeq{}, mandateSeq: idSeq{},
	}
	for _, id := range s.PersonOrder {
		k := assembly.NameKey(s.Persons[id].Name)
		p.personsByName[k] = append(p.personsByName[k], s.Persons[id])
	}
	for _, id := range s.OrgOrder {
		k := assembly.NameKey(s.Organizations[id].Name)
		p.orgsByName[k] = append(p.orgsByName[k], s.Organizations[id])
	}
	for _, tr := range t.Rows {
		p.rows = append(p.rows, &Row{Number: tr.Number})
		p.readRow(len(p.rows)-1, tr)
	}
	p.findDuplicates()
	p.shareUnreferenced()
	for i := range p.rows {
		p.planRow(i)
	}
	p.noteNewNamesakes()
	p.findLookalikes()
	for i, r := range p.rows {
		if r.Person != "" && !p.bad(i) {
			p.personRow[r.Person] = i
		}
	}
	for i := range p.rows {
		p.planProxy(i)
	}
	pv := &Preview{Table: t, Rows: p.rows, NoOrganizationColumn: len(s.OrgOrder) > 0 && t.Column(FieldOrganization) < 0}
	var after *assembly.State
	if pv.Commands, after, err = p.rehearse(fresh); err != nil {
		return nil, err
	}
	p.noteProxyChains(after)
	p.finish(pv)
	pv.Notes = p.fileNotes()
	return pv, nil
}

// MayImport reports whether actor may import a roster into the assembly
// s: an administrator, a secretary (of the assembly or of its open
// sitting) or the mandate commission. Plan refuses anyone else with
// ErrNotRegistrar; the import page asks first, before reading a file.
func MayImport(s *assembly.State, actor string) bool {
	if s.HasRole(actor, assembly.RoleAdministrator) || s.HasRole(actor, assembly.RoleSecretary) || s.HasRole(actor, assembly.RoleMandateCommission) {
		return true
	}
	st := s.Sitting()
	return st != nil && slices.Contains(st.Secretaries, actor)
}

// asRead is a cell's text as the import reads it: spaces trimmed, runs of
// space made one, letters in Unicode's composed form (NFC), so that a name
// saved decomposed (as macOS does) is the same name. A name recorded by
// other means is compared in this form too, so that the import does not
// rename a person to a spelling that looks the same.
func asRead(s string) string {
	return norm.NFC.String(strings.Join(strings.Fields(s), " "))
}

// joiner reports whether r is the zero-width non-joiner or joiner, the
// only invisible characters a cell may hold (the others are
// assembly.Invisible), and not next to a Latin, Cyrillic or Greek letter:
// Persian, the Indic scripts and emoji need them. The joiners do not make
// a name another one (assembly.NameKey).
func joiner(r rune) bool { return r == '\u200c' || r == '\u200d' }

// lookalikeScripts are the scripts whose letters look alike (Latin a,
// Cyrillic а, Greek α; o, о, ο): a word that mixes them is a name made to
// pass for another, or typed on the wrong keyboard.
var lookalikeScripts = []struct {
	name  Phrase
	table *unicode.RangeTable
}{
	{word("roster.script.latin", "Latin"), unicode.Latin},
	{word("roster.script.cyrillic", "Cyrillic"), unicode.Cyrillic},
	{word("roster.script.greek", "Greek"), unicode.Greek},
}

// maxMarks is how many combining marks one letter may carry: names
// carry two or three (Vietnamese, Yoruba); a pile of them ("Zalgo" text)
// spills over the lines above and below it on a page.
const maxMarks = 4

// isMark reports whether r is a combining mark that does not take a place
// of its own (nonspacing or enclosing).
func isMark(r rune) bool { return unicode.In(r, unicode.Mn, unicode.Me) }

// lookalike reports whether r is a letter of one of lookalikeScripts.
func lookalike(r rune) bool {
	for _, sc := range lookalikeScripts {
		if unicode.Is(sc.table, r) {
			return true
		}
	}
	return false
}

// mixedScripts returns the first word of s that has letters of two of
// lookalikeScripts, and those two scripts; "" if none.
func mixedScripts(s string) (word string, a, b Phrase) {
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.M, r) })
	for _, w := range words {
		first := -1
		for _, r := range w {
			for k, sc := range lookalikeScripts {
				if !unicode.Is(sc.table, r) {
					continue
				}
				if first < 0 {
					first = k
				} else if k != first {
					return w, lookalikeScripts[first].name, sc.name
				}
			}
		}
	}
	return "", Phrase{}, Phrase{}
}

// problem records a problem with row i in the column that gives f.
func (p *plan) problem(i int, f Field, format string, args ...any) {
	pr := &Problem{Row: p.rows[i].Number, Msg: fmt.Sprintf(format, args...), Format: format, Args: args}
	if f != "" {
		if c := p.t.Column(f); c >= 0 {
			pr.Column, pr.Header = ColumnLetter(c), p.t.Headers[c]
		} else {
			pr.Header = headerOf(f)
		}
	}
	p.rows[i].Problems = append(p.rows[i].Problems, pr)
}

// refused records a refusal of the rules as a problem of row i, with the
// refusal's own template, which the catalog translates. The rules name
// persons and organizations by their ids; the organiser reads their
// names instead (s, the state the refusal was decided on, knows
// the persons the import adds).
func (p *plan) refused(i int, f Field, ae *assembly.Error, s *assembly.State) {
	if ae.Format == "" {
		p.problem(i, f, "%s", ae.Msg)
		return
	}
	args := slices.Clone(ae.Args)
	for k, a := range args {
		if id, ok := a.(string); ok {
			args[k] = nameOf(s, id)
		}
	}
	p.problem(i, f, ae.Format, args...)
}

// nameOf is the name of the person or organization of id in s, or id
// itself if it names neither (a mandate's id stays: "the mandate of" is
// no phrase every catalog's template can take).
func nameOf(s *assembly.State, id string) string {
	switch {
	case s.Persons[id] != nil:
		return s.Persons[id].Name
	case s.Organizations[id] != nil:
		return s.Organizations[id].Name
	}
	return id
}

func headerOf(f Field) string {
	for _, c := range Columns {
		if c.Field == f {
			return c.Header
		}
	}
	return string(f)
}

func (p *plan) bad(i int) bool { return len(p.rows[i].Problems) > 0 }

func (p *plan) note(i int, format string, args ...any) {
	r := p.rows[i]
	r.NotePhrases = append(r.NotePhrases, phrase(format, args...))
	r.Notes = append(r.Notes, fmt.Sprintf(format, args...))
}

func (p *plan) change(i int, format string, args ...any) {
	r := p.rows[i]
	r.ChangePhrases = append(r.ChangePhrases, phrase(format, args...))
	r.Changes = append(r.Changes, fmt.Sprintf(format, args...))
}

// readRow reads and checks the cells of row i on their own.
func (p *plan) readRow(i int, tr TableRow) {
	r := p.rows[i]
	if p.readProblems(i, tr) {
		return
	}
	p.shortRow(i, tr)
	cell := func(f Field) string {
		c := p.t.Column(f)
		if c < 0 || c >= len(tr.Cells) {
			return ""
		}
		v := asRead(tr.Cells[c])
		v = unescapeFormula(v) // a cell escaped against formula injection (see WriteCSV)
		rs := []rune(v)
		if len(rs) > maxCellLength {
			p.problem(i, f, "the cell is %d characters long; at most %d are read", len(rs), maxCellLength)
			return ""
		}
		marks := 0 // the combining marks in a row so far
		for k, ch := range rs {
			if isMark(ch) {
				marks++
			} else {
				marks = 0
			}
			if marks > maxMarks {
				for _, next := range rs[k+1:] {
					if !isMark(next) {
						break
					}
					marks++
				}
				p.problem(i, f, "the cell holds a letter with %d combining marks; retype it", marks)
				return ""
			}
			if unicode.IsControl(ch) {
				p.problem(i, f, "the cell holds a control character (%U); retype it", ch)
				return ""
			}
			if assembly.Invisible(ch) || joiner(ch) && (k > 0 && lookalike(rs[k-1]) || k+1 < len(rs) && lookalike(rs[k+1])) {
				p.problem(i, f, "the cell holds an invisible formatting character (%U); retype it", ch)
				return ""
			}
		}
		if word, a, b := mixedScripts(v); word != "" {
			p.problem(i, f, "the word %q mixes %s and %s letters, which look alike; retype it in one script", word, a, b)
			return ""
		}
		return v
	}
	r.Ref, r.Name, r.Organization, r.Proxy = cell(FieldRef), cell(FieldName), cell(FieldOrganization), cell(FieldProxy)
	if r.Name == "" && !p.bad(i) {
		p.problem(i, FieldName, "the name is missing; every row is one person, named")
	}
	if r.Ref == "" && totalsWord(r.Name) {
		p.problem(i, FieldName, "%q looks like a totals row, not a person; delete the row from the file, or, if it is a person of that name, give them a reference %s", r.Name, p.refWhere())
	}
	kind := cell(FieldKind)
	var ok bool
	if r.Kind, ok = parseKind(kind); !ok {
		p.problem(i, FieldKind, "%q is not a kind of mandate; write decisive, consultative, guest or ex officio (docs/import.md lists the other words read)", kind)
	}
	weight := cell(FieldWeight)
	if r.Weight, ok = parseWeight(weight); !ok {
		p.problem(i, FieldWeight, "the weight %q is not a whole number of votes from 1 to %d", weight, maxWeight)
	}
	status := cell(FieldStatus)
	if r.Status, ok = ReadStatus(status); !ok {
		p.problem(i, FieldStatus, "%q is not a status of a mandate; write verified, submitted, or leave it empty", status)
	}
}

// refWhere says where a row gives a person's reference: in the file's
// column of references, named by its header as written ("Member No"), or,
// if the file has none, in a new column, with the headers read as
// references.
func (p *plan) refWhere() Phrase {
	if c := p.t.Column(FieldRef); c >= 0 && p.t.Headers[c] != "" {
		return phrase("in the %s column", p.t.Headers[c])
	}
	return phrase("in a new column headed %s (the file has none; also read as references: %s)", headerOf(FieldRef), refAliases)
}

// refAliases are the other headers read as the references' column.
var refAliases = func() List {
	var l List
	for _, c := range Columns {
		if c.Field == FieldRef {
			for _, a := range c.Aliases {
				l = append(l, a)
			}
		}
	}
	return l
}()

// totalsWords are what a spreadsheet's totals row says in its name
// column, in the import's languages, in the form totalsWord compares.
var totalsWords = map[string]bool{
	"total": true, "totals": true, "grand total": true, "subtotal": true, "sub total": true, "sum": true,
	"gesamt": true, "summe": true, "gesamtsumme": true, "insgesamt": true, "zwischensumme": true,
	"итого": true, "всего": true, "сумма": true,
	"total général": true, "total general": true, "sous total": true, "somme": true,
	"totale": true, "suma": true, "suma total": true,
}

// totalsWord reports whether a name is exactly one of totalsWords (a row
// that sums the column of weights, read as a person "TOTAL"): without
// regard to case and spaces, with or without a colon after it. A name
// that merely holds such a word ("Sumner", "Total Anna") is not one.
func totalsWord(name string) bool {
	k := strings.TrimSpace(strings.TrimSuffix(headerKey(name), ":"))
	return totalsWords[k]
}

// findDuplicates reports a person given twice: the same reference, or the
// same name unless both rows give different references.
func (p *plan) findDuplicates() {
	for i, r := range p.rows {
		if r.Ref != "" {
			if j, dup := p.refRows[r.Ref]; dup {
				p.problem(i, FieldRef, "the reference %q is also on row %d; one person has one row", r.Ref, p.rows[j].Number)
				continue
			}
			p.refRows[r.Ref] = i
		}
		if r.Name == "" {
			continue
		}
		k := assembly.NameKey(r.Name)
		for _, j := range p.nameRows[k] {
			if r.Ref == "" || p.rows[j].Ref == "" {
				p.problem(i, FieldName, "%s is also on row %d; one person has one row (if they are two persons of one name, give each a reference %s)", r.Name, p.rows[j].Number, p.refWhere())
				break
			}
		}
		p.nameRows[k] = append(p.nameRows[k], i)
	}
}

// findLookalikes reports a row whose name looks like another row's, or
// like the name of a person of the assembly whom no row is, but is
// written with other letters (lookalike.go): a new person, or a person
// renamed. Two persons whose names merely look alike are told apart as
// two persons of one name are, by references; the preview notes them.
// A row that is a person under their own name is not reported, so that
// reading a file again does not raise what an earlier import recorded.
func (p *plan) findLookalikes() {
	var rows []int // the new names
	for i, r := range p.rows {
		if per := p.s.Persons[r.Person]; r.Name != "" && (per == nil || assembly.NameKey(per.Name) != assembly.NameKey(r.Name)) {
			rows = append(rows, i)
		}
	}
	if len(rows) == 0 {
		return
	}
	x := newLookIndex(len(p.rows) + len(p.s.PersonOrder) - len(p.matched))
	member := make([]int, len(p.rows))
	for i, r := range p.rows {
		member[i] = -1
		if r.Name == "" {
			continue
		}
		ref := r.Ref
		if per := p.s.Persons[r.Person]; ref == "" && per != nil {
			ref = per.Ref
		}
		member[i] = x.add(lookMember{name: r.Name, ref: ref, row: i})
	}
	for _, id := range p.s.PersonOrder {
		if _, ok := p.matched[id]; !ok {
			per := p.s.Persons[id]
			x.add(lookMember{name: per.Name, ref: per.Ref, row: -1})
		}
	}
	for _, i := range rows {
		me := x.members[member[i]]
		m, apart := x.like(me.looks, me.key, me.ref)
		if m < 0 {
			continue
		}
		like := x.members[m]
		switch {
		case apart && like.row >= 0:
			p.note(i, "the name looks like %s (row %d) but is written with other letters: two persons, as their references differ", like.name, p.rows[like.row].Number)
		case apart:
			p.note(i, "the name looks like %s, already in the assembly with the reference %q, but is written with other letters: two persons, as their references differ", like.name, like.ref)
		case like.row >= 0:
			p.problem(i, FieldName, "the name %q looks like %s (row %d) but is written with other letters; retype it in the same letters, or, if they are two persons, give each a reference %s", me.name, like.name, p.rows[like.row].Number, p.refWhere())
		default:
			p.problem(i, FieldName, "the name %q looks like %s, already in the assembly, but is written with other letters; retype it in the same letters, or, if they are two persons, give each a reference %s", me.name, like.name, p.refWhere())
		}
	}
}

// shareUnreferenced settles which row is a person of the assembly who
// has no reference yet (recorded from a file without references) when
// several rows give their name, each with a reference of its own that
// no person has: two rows of one name and two references are two persons.
// The row whose organization is one of the person's mandates' is them,
// else the first; the others are new persons (p.others).
func (p *plan) shareUnreferenced() {
	for i, r := range p.rows {
		if r.Ref == "" || r.Name == "" || p.bad(i) {
			continue
		}
		if _, ok := p.s.PersonByRef(r.Ref); ok {
			continue
		}
		k := assembly.NameKey(r.Name)
		var bare []*assembly.Person
		for _, per := range p.personsByName[k] {
			if per.Ref == "" {
				bare = append(bare, per)
			}
		}
		if len(bare) != 1 {
			continue // none, or several: a reference says which (matchPerson)
		}
		var claims []int // the rows of the name that may be the person
		for _, j := range p.nameRows[k] {
			if _, ok := p.s.PersonByRef(p.rows[j].Ref); ok || p.bad(j) || p.rows[j].Ref == "" {
				continue
			}
			claims = append(claims, j)
		}
		if len(claims) < 2 || claims[0] != i {
			continue // one row, or settled at the first of them
		}
		first := claims[0]
		orgs := map[string]bool{}
		for _, id := range bare[0].Mandates {
			if md := p.s.Mandates[id]; md.Status != assembly.MandateStatusRejected {
				if o := p.s.Organizations[md.Organization]; o != nil {
					orgs[assembly.NameKey(o.Name)] = true
				} else {
					orgs[""] = true
				}
			}
		}
		for _, j := range claims {
			if orgs[assembly.NameKey(p.rows[j].Organization)] {
				first = j
				break
			}
		}
		for _, j := range claims {
			if j != first {
				p.others[j] = first
			}
		}
	}
}

// who names a person of the assembly as the preview tells persons of one
// name apart: by their reference (or that they have none yet) and the
// organizations of their mandates not rejected.
func (p *plan) who(per *assembly.Person) Phrase {
	var from List
	for _, id := range per.Mandates {
		if md := p.s.Mandates[id]; md.Status != assembly.MandateStatusRejected {
			if o := p.s.Organizations[md.Organization]; o != nil {
				from = append(from, o.Name)
			} else {
				from = append(from, phrase("no organization"))
			}
		}
	}
	switch {
	case per.Ref != "" && len(from) > 0:
		return phrase("%s with the reference %q, from %s", per.Name, per.Ref, from)
	case per.Ref != "":
		return phrase("%s with the reference %q", per.Name, per.Ref)
	case len(from) > 0:
		return phrase("%s without a reference, from %s", per.Name, from)
	}
	return phrase("%s without a reference", per.Name)
}

// nameShared reports whether row i's name is another row's too, or
// another person's of the assembly than per.
func (p *plan) nameShared(i int, per *assembly.Person) bool {
	k := assembly.NameKey(p.rows[i].Name)
	if len(p.nameRows[k]) > 1 {
		return true
	}
	for _, other := range p.personsByName[k] {
		if per == nil || other.ID != per.ID {
			return true
		}
	}
	return false
}

// matchPerson finds the person of the assembly the row is: by reference,
// else by name (a person with another reference is someone else, and so
// is a person without one whom another row of the name is).
func (p *plan) matchPerson(i int) (*assembly.Person, bool) {
	r := p.rows[i]
	if r.Ref != "" {
		if per, ok := p.s.PersonByRef(r.Ref); ok {
			return per, true
		}
	}
	if _, other := p.others[i]; other {
		return nil, true
	}
	var cands []*assembly.Person
	for _, per := range p.personsByName[assembly.NameKey(r.Name)] {
		if r.Ref == "" || per.Ref == "" {
			cands = append(cands, per)
		}
	}
	switch len(cands) {
	case 0:
		return nil, true
	case 1:
		return cands[0], true
	}
	p.problem(i, FieldName, "the assembly has %d persons named %s; give a reference %s to say which", len(cands), r.Name, p.refWhere())
	return nil, false
}

// organization finds or plans the organization a row names ("" for none).
func (p *plan) organization(i int) (string, bool) {
	r := p.rows[i]
	if r.Organization == "" {
		return "", true
	}
	k := assembly.NameKey(r.Organization)
	switch orgs := p.orgsByName[k]; len(orgs) {
	case 1:
		return orgs[0].ID, true
	case 0:
	default:
		p.problem(i, FieldOrganization, "the assembly has %d organizations named %s; rename one of them", len(orgs), r.Organization)
		return "", false
	}
	if st := p.newOrgs[k]; st != nil {
		st.rows = append(st.rows, i)
		return st.cmd.(assembly.AddOrganization).ID, true
	}
	if p.orgLooks == nil {
		p.orgLooks = newLookIndex(len(p.s.OrgOrder))
		for _, id := range p.s.OrgOrder {
			p.orgLooks.add(lookMember{name: p.s.Organizations[id].Name, row: -1})
		}
	}
	looks := lookKeys(r.Organization)
	if m, _ := p.orgLooks.like(looks, k, ""); m >= 0 {
		if like := p.orgLooks.members[m]; like.row < 0 {
			p.problem(i, FieldOrganization, "the organization %q looks like %s, which the assembly has, but is written with other letters; retype it in the same letters", r.Organization, like.name)
		} else {
			p.problem(i, FieldOrganization, "the organization %q looks like %s (row %d) but is written with other letters; retype it in the same letters", r.Organization, like.name, p.rows[like.row].Number)
		}
		return "", false
	}
	if !p.opts.CreateOrganizations {
		p.problem(i, FieldOrganization, "the assembly has no organization %s; check the spelling (%s), or let the import add the organizations it does not know", r.Organization, p.knownOrgs())
		return "", false
	}
	id := organizationID(p.orgSeq, p.s, r.Organization, func(id string) bool { return p.newOrgIDs[id] })
	p.newOrgIDs[id] = true
	st := &step{phase: phaseOrganizations, rows: []int{i}, column: FieldOrganization,
		cmd: assembly.AddOrganization{ID: id, Name: r.Organization, Kind: "delegating"}}
	p.newOrgs[k] = st
	p.steps = append(p.steps, st)
	p.orgLooks.add(lookMember{name: r.Organization, row: i})
	return id, true
}

func (p *plan) knownOrgs() Phrase {
	n := len(p.s.OrgOrder)
	if n == 0 {
		return phrase("it has none yet")
	}
	var names List
	for _, id := range p.s.OrgOrder[:min(n, 5)] {
		names = append(names, p.s.Organizations[id].Name)
	}
	if n > 5 {
		return phrase("it has %s and %d more", names, n-5)
	}
	return phrase("it has %s", names)
}

func (p *plan) add(i, phase int, f Field, cmd assembly.Command) {
	p.steps = append(p.steps, &step{phase: phase, rows: []int{i}, column: f, cmd: cmd})
}

// planRow matches row i and plans its person and mandate.
func (p *plan) planRow(i int) {
	r := p.rows[i]
	if r.Name == "" || p.unread(i) {
		return
	}
	per, ok := p.matchPerson(i)
	if ok && per != nil {
		if j, dup := p.matched[per.ID]; dup {
			p.problem(i, FieldName, "this is %s, as on row %d; one person has one row", per.Name, p.rows[j].Number)
			return
		}
		p.matched[per.ID] = i
		r.Person = per.ID
		if p.nameShared(i, per) {
			p.note(i, "this row is %s, already in the assembly", p.who(per))
		}
	}
	org, okOrg := p.organization(i)
	if !ok || !okOrg || p.bad(i) {
		return
	}
	if per == nil {
		p.planNew(i, org)
		return
	}
	// A known person: correct their name, set their reference.
	am := assembly.AmendPerson{Person: per.ID}
	if r.Name != asRead(per.Name) {
		am.Name = r.Name
		p.change(i, "name %q → %q", per.Name, r.Name)
	}
	if r.Ref != "" && r.Ref != per.Ref {
		am.Ref = r.Ref
		p.change(i, "reference %q", r.Ref)
	}
	if am.Name != "" || am.Ref != "" {
		f := FieldName
		if am.Name == "" {
			f = FieldRef
		}
		p.add(i, phasePersons, f, am)
	}
	p.planMandate(i, per, org)
}

// planNew plans a new person and their mandate.
func (p *plan) planNew(i int, org string) {
	r := p.rows[i]
	r.Person = personID(p.personSeq, p.s, r.Name, func(id string) bool { return p.newPersonIDs[id] })
	p.newPersonIDs[r.Person] = true
	p.add(i, phasePersons, FieldName, assembly.AddPerson{ID: r.Person, Name: r.Name, Ref: r.Ref})
	if r.Status == assembly.MandateStatusRejected {
		p.problem(i, FieldStatus, "the import does not reject mandates: the mandate commission rejects a mandate, with its reason; leave Status empty")
		return
	}
	p.submit(i, org)
	p.change(i, "new person, %s", describe(r.Kind, r.Weight, r.Organization, r.Status))
	if j, ok := p.others[i]; ok {
		p.note(i, "a new person: %s, of the same name, is row %d; this row's reference differs", p.rows[j].Name, p.rows[j].Number)
	}
	for _, per := range p.personsByName[assembly.NameKey(r.Name)] {
		if per.Ref != "" && per.Ref != r.Ref {
			// Two persons of one name, or the same person under a
			// reference mangled by a spreadsheet (00123 read as 123).
			p.note(i, "the assembly has a person of this name with the reference %q: this row is another person, as its reference differs; if it is the same person, write their reference", per.Ref)
		}
	}
}

// noteNewNamesakes says on each row of a new person whose name another
// new person's row of the file gives too (under another reference:
// findDuplicates refuses the name twice otherwise) which rows are the
// others: two members of one name, as "0200;Ramón Ortega Durán" and
// "0801;Ramón Ortega Durán", are two persons, and the preview says so on
// each (planNew says it of a row against a person already in the
// assembly, and of rows that another person without a reference might
// be, p.others).
func (p *plan) noteNewNamesakes() {
	for _, rows := range p.nameRows {
		var fresh []int
		for _, i := range rows {
			if r := p.rows[i]; r.Person != "" && p.newPersonIDs[r.Person] && !p.bad(i) {
				fresh = append(fresh, i)
			}
		}
		if len(fresh) < 2 {
			continue
		}
		for _, i := range fresh {
			for _, j := range fresh {
				if o, ok := p.others[i]; j == i || ok && o == j {
					continue // itself, or noted by planNew
				}
				p.note(i, "a new person: %s, of the same name, is row %d; this row's reference differs", p.rows[j].Name, p.rows[j].Number)
			}
		}
	}
}

// describe says what a new mandate is: "decisive mandate of weight 3
// from Metalworkers, verified", one template for each shape, so that a
// language can order the parts its own way.
func describe(kind string, weight int, org, status string) Phrase {
	k := kindMandate(kind)
	verified := status == assembly.MandateStatusVerified
	switch {
	case weight > 1 && org != "" && verified:
		return phrase("%s of weight %d from %s, verified", k, weight, org)
	case weight > 1 && org != "":
		return phrase("%s of weight %d from %s", k, weight, org)
	case weight > 1 && verified:
		return phrase("%s of weight %d, personally, verified", k, weight)
	case weight > 1:
		return phrase("%s of weight %d, personally", k, weight)
	case org != "" && verified:
		return phrase("%s from %s, verified", k, org)
	case org != "":
		return phrase("%s from %s", k, org)
	case verified:
		return phrase("%s, personally, verified", k)
	}
	return phrase("%s, personally", k)
}

// kindMandate names a mandate of a kind: "decisive mandate".
func kindMandate(kind string) Phrase { return kindPhrase(kind, true) }

// kindName names a kind as the roster writes it ("ex officio").
func kindName(kind string) Phrase { return kindPhrase(kind, false) }

// kindPhrase is a kind as a phrase of the catalog, of a mandate or alone.
func kindPhrase(kind string, mandate bool) Phrase {
	switch {
	case kind == assembly.KindConsultative && mandate:
		return phrase("consultative mandate")
	case kind == assembly.KindConsultative:
		return word("roster.kind.consultative", "consultative")
	case kind == assembly.KindGuest && mandate:
		return phrase("guest mandate")
	case kind == assembly.KindGuest:
		return word("roster.kind.guest", "guest")
	case kind == assembly.KindExOfficio && mandate:
		return phrase("ex officio mandate")
	case kind == assembly.KindExOfficio:
		return word("roster.kind.ex_officio", "ex officio")
	case mandate:
		return phrase("decisive mandate")
	}
	return word("roster.kind.decisive", "decisive")
}

// submit plans a new mandate for the row's person, verified if the row says so.
func (p *plan) submit(i int, org string) {
	r := p.rows[i]
	r.Mandate = mandateID(p.mandateSeq, p.s, r.Person, func(id string) bool { return p.newMandateIDs[id] })
	p.newMandateIDs[r.Mandate] = true
	w := 0
	if r.Weight > 1 {
		w = r.Weight
	}
	p.add(i, phaseMandates, FieldKind, assembly.SubmitMandate{ID: r.Mandate, Person: r.Person, Organization: org, Kind: r.Kind, Weight: w})
	if r.Status == assembly.MandateStatusVerified {
		p.add(i, phaseVerify, FieldStatus, assembly.VerifyMandate{Mandate: r.Mandate})
		p.verifies[i] = true
	}
}

// planMandate plans what the row changes in a known person's mandate.
func (p *plan) planMandate(i int, per *assembly.Person, org string) {
	r := p.rows[i]
	var live, rejected []*assembly.Mandate
	for _, id := range per.Mandates {
		md := p.s.Mandates[id]
		if md.Status == assembly.MandateStatusRejected {
			rejected = append(rejected, md)
		} else {
			live = append(live, md)
		}
	}
	var md *assembly.Mandate
	for _, m := range live {
		if m.Organization == org {
			md = m
		}
	}
	if md == nil && len(live) == 1 {
		md = live[0]
	}
	if md == nil && len(live) > 1 {
		var from List
		for _, m := range live {
			from = append(from, orgName(p.s, m.Organization))
		}
		p.problem(i, FieldOrganization, "%s holds %d mandates (from %s), none from %s; the import changes one mandate a person holds: change these on the mandate commission's page", per.Name, len(live), from, orgName(p.s, org))
		return
	}
	if md == nil {
		// Every mandate of theirs was rejected (or they have none).
		for _, m := range rejected {
			if m.Organization == org && m.Kind == r.Kind && m.Votes() == r.Weight || r.Status == assembly.MandateStatusRejected && m.Organization == org {
				r.Mandate = m.ID
				if r.Status != assembly.MandateStatusRejected {
					p.note(i, "the mandate commission rejected this mandate (%s); the import does not submit it again (change the row if it was corrected)", m.Reason)
				}
				return
			}
		}
		if r.Status == assembly.MandateStatusRejected {
			p.problem(i, FieldStatus, "the import does not reject mandates: the mandate commission rejects a mandate, with its reason; leave Status empty")
			return
		}
		p.submit(i, org)
		p.change(i, "new %s", describe(r.Kind, r.Weight, r.Organization, r.Status))
		return
	}
	r.Mandate = md.ID
	am := assembly.AmendMandate{Mandate: md.ID}
	f := Field("")
	if org != md.Organization {
		if org == "" {
			am.Personal = true
		} else {
			am.Organization = org
		}
		f = FieldOrganization
		p.change(i, "organization %s → %s", orgName(p.s, md.Organization), orgOr(r.Organization))
	}
	if r.Kind != md.Kind {
		am.Kind = r.Kind
		if f == "" {
			f = FieldKind
		}
		p.change(i, "kind %s → %s", kindName(md.Kind), kindName(r.Kind))
	}
	if r.Weight != md.Votes() {
		am.Weight = r.Weight
		if f == "" {
			f = FieldWeight
		}
		p.change(i, "weight %d → %d", md.Votes(), r.Weight)
	}
	amended := f != ""
	if amended {
		p.add(i, phaseMandates, f, am)
		p.amends[i] = true
	}
	verified := md.Status == assembly.MandateStatusVerified && !amended
	switch r.Status {
	case assembly.MandateStatusRejected:
		p.problem(i, FieldStatus, "the import does not reject mandates: the mandate commission rejects a mandate, with its reason; leave Status empty or write submitted")
		return
	case assembly.MandateStatusVerified:
		if !verified {
			p.add(i, phaseVerify, FieldStatus, assembly.VerifyMandate{Mandate: md.ID})
			p.verifies[i] = true
			if md.Status == assembly.MandateStatusVerified {
				p.change(i, "verified again, as the file says")
			} else {
				p.change(i, "mandate verified")
			}
		}
	default:
		if md.Status == assembly.MandateStatusVerified && amended {
			p.note(i, "the mandate was verified; amended, it goes back to the mandate commission")
		} else if md.Status == assembly.MandateStatusVerified && r.Status == assembly.MandateStatusSubmitted {
			p.note(i, "the mandate is verified; the import does not take a verification back")
		}
	}
}

// orgName is the name of an organization, or the phrase "no
// organization" for a personal mandate.
func orgName(s *assembly.State, id string) any {
	if id == "" {
		return phrase("no organization")
	}
	return s.Organizations[id].Name
}

func orgOr(name string) any {
	if name == "" {
		return phrase("no organization")
	}
	return name
}

// planProxy plans the proxy a row names, once every row is matched.
func (p *plan) planProxy(i int) {
	r := p.rows[i]
	if p.bad(i) || r.Mandate == "" {
		return
	}
	md := p.s.Mandates[r.Mandate] // nil for a new mandate
	current := ""
	if md != nil {
		current = md.Proxy
	}
	if r.Proxy == "" {
		if current != "" {
			p.note(i, "the record has %s carrying this mandate by proxy; the import does not withdraw a proxy", p.s.Persons[current].Name)
		}
		return
	}
	to, ok := p.proxyPerson(i)
	if !ok {
		return
	}
	if to == r.Person {
		p.problem(i, FieldProxy, "%s cannot carry their own mandate by proxy", r.Name)
		return
	}
	if to == current {
		return
	}
	verifiedAfter := md != nil && md.Status == assembly.MandateStatusVerified && !p.amends[i] || p.verifies[i]
	if !verifiedAfter {
		p.note(i, "the proxy (%s) is given once the mandate commission has verified the mandate: import the file again then", r.Proxy)
		return
	}
	p.add(i, phaseProxies, FieldProxy, assembly.TransferProxy{Mandate: r.Mandate, To: to})
	p.change(i, "carried by proxy by %s", r.Proxy)
}

// proxyPerson finds the person a proxy cell names: a reference or a name,
// in the file first, then in the assembly.
func (p *plan) proxyPerson(i int) (string, bool) {
	v := p.rows[i].Proxy
	if j, ok := p.refRows[v]; ok && p.rows[j].Person != "" {
		return p.rows[j].Person, true
	}
	if per, ok := p.s.PersonByRef(v); ok {
		return per.ID, true
	}
	k := assembly.NameKey(v)
	switch js := p.nameRows[k]; len(js) {
	case 1:
		if p.rows[js[0]].Person == "" {
			p.problem(i, FieldProxy, "the proxy %s is on row %d, which has a problem", v, p.rows[js[0]].Number)
			return "", false
		}
		return p.rows[js[0]].Person, true
	case 0:
	default:
		p.problem(i, FieldProxy, "%d rows are named %s; give the proxy's reference instead", len(js), v)
		return "", false
	}
	switch ps := p.personsByName[k]; len(ps) {
	case 1:
		return ps[0].ID, true
	case 0:
		p.problem(i, FieldProxy, "the proxy %s is neither in the file nor in the assembly; give the name or reference of a delegate", v)
	default:
		p.problem(i, FieldProxy, "the assembly has %d persons named %s; give the proxy's reference instead", len(ps), v)
	}
	return "", false
}

// fieldOfArg maps a refused command's argument to the column it comes from.
var fieldOfArg = map[string]Field{
	"name": FieldName, "ref": FieldRef, "organization": FieldOrganization, "personal": FieldOrganization,
	"kind": FieldKind, "weight": FieldWeight, "to": FieldProxy,
}

// rehearse decides the planned commands of the good rows, phase by phase,
// on a fresh state, and reports each refusal on its row. A row refused
// may be one that another row's command counted on (the proxy's own
// row), so rehearsal starts again without it until no command is refused;
// it returns the commands of the last, clean, rehearsal, and the state
// they leave.
func (p *plan) rehearse(fresh func() (*assembly.State, error)) ([]Planned, *assembly.State, error) {
	meta := assembly.Meta{Assembly: p.s.Assembly.ID, Actor: p.opts.Actor, At: p.opts.At}
	ordered := make([]*step, 0, len(p.steps))
	for ph := 0; ph < phases; ph++ {
		for _, st := range p.steps {
			if st.phase == ph {
				ordered = append(ordered, st)
			}
		}
	}
	for {
		s, err := fresh()
		if err != nil {
			return nil, nil, err
		}
		var out []Planned
		refused := false
		for _, st := range ordered {
			live := slices.DeleteFunc(slices.Clone(st.rows), p.bad)
			if len(live) == 0 {
				continue
			}
			if tp, ok := st.cmd.(assembly.TransferProxy); ok {
				if j, ok := p.personRow[tp.To]; ok && p.bad(j) {
					p.problem(live[0], FieldProxy, "the proxy %s (row %d) has a problem, so cannot carry the mandate", p.rows[j].Name, p.rows[j].Number)
					refused = true
					continue
				}
			}
			evs, err := assembly.Decide(s, meta, st.cmd)
			if err != nil {
				var ae *assembly.Error
				if !errors.As(err, &ae) {
					return nil, nil, err
				}
				f := st.column
				if g, ok := fieldOfArg[ae.Field]; ok && ae.Field != "" {
					f = g
				}
				for _, i := range live {
					p.refused(i, f, ae, s)
				}
				refused = true
				continue
			}
			for _, ev := range evs {
				if err := s.Apply(ev); err != nil {
					return nil, nil, fmt.Errorf("roster: rehearsing %s: %w", st.cmd.CommandName(), err)
				}
			}
			row := 0
			if len(st.rows) == 1 {
				row = p.rows[st.rows[0]].Number
			}
			out = append(out, Planned{Row: row, Meta: meta, Command: st.cmd})
		}
		if !refused {
			return out, s, nil
		}
	}
}

// finish fills in the rows' actions, the new organizations, the persons
// missing from the file and the summary.
func (p *plan) finish(pv *Preview) {
	planned := map[int]bool{}
	for _, c := range pv.Commands {
		if c.Row > 0 {
			planned[c.Row] = true
		}
		if o, ok := c.Command.(assembly.AddOrganization); ok {
			pv.NewOrganizations = append(pv.NewOrganizations, o.Name)
		}
	}
	sum := &pv.Summary
	sum.Rows = len(p.rows)
	sum.Organizations = len(pv.NewOrganizations)
	for i, r := range p.rows {
		switch {
		case p.bad(i):
			r.Action, r.Changes, r.ChangePhrases = ActionError, nil, nil
			sum.Errors++
		case !planned[r.Number]:
			r.Action, r.Changes, r.ChangePhrases = ActionUnchanged, nil, nil
			sum.Unchanged++
		case p.s.Persons[r.Person] == nil || p.s.Mandates[r.Mandate] == nil:
			r.Action = ActionAdd
			sum.Added++
		default:
			r.Action = ActionChange
			sum.Changed++
		}
	}
	for _, id := range p.s.PersonOrder {
		if _, ok := p.matched[id]; ok {
			continue
		}
		per := p.s.Persons[id]
		var orgs List
		for _, mid := range per.Mandates {
			if md := p.s.Mandates[mid]; md.Status != assembly.MandateStatusRejected {
				orgs = append(orgs, orgName(p.s, md.Organization))
			}
		}
		if len(orgs) > 0 {
			pv.Missing = append(pv.Missing, Missing{Person: id, Name: per.Name, Ref: per.Ref, Organizations: orgs})
		}
	}
	slices.SortStableFunc(pv.Missing, func(a, b Missing) int { return strings.Compare(assembly.NameKey(a.Name), assembly.NameKey(b.Name)) })
	sum.Missing = len(pv.Missing)
}
