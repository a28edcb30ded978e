package minutes

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"plenum/assembly"
	"plenum/i18n"
	"plenum/internal/bidictl"
	"plenum/internal/pdffont"
	"plenum/motiontext"
)

// Paper is what the minutes show of a motion's text beyond its title: the
// text in numbered lines, for an amendment the change it makes against the
// lines of the text it amends, the submission and the motions committee's
// advice. Every page and document takes the lines from here (package
// motiontext at the rules' line length), so they number alike.
type Paper struct {
	Number      string
	Category    string // its name
	Block       string // its title
	Reason      string
	Delegation  string // the name of the organization that submitted it
	Submitted   bool
	Supporters  []string   // "Anna Arkadyevna for The South"
	Lines       []TextLine // its text, numbered
	ChangeLines string     // "lines 3–4", of the text amended, in English as the record says it
	ChangeSpan  LineSpan   // those lines, for the document's language
	Diff        []TextLine // the change against those lines
	Committee   string     // the name of the committee whose change recommendation it is
	Conflicts   []string   // the other amendments still open that change some of the same text
	Advice      string     // "The Motions Committee recommends: adopt as amended."
	Width       int        // the line length

	// The texts of the record that Supporters, Conflicts and Advice set
	// into their words, each closed (isolate), for the lines that set
	// them in again each wrapped (SubmittedLineWith, ConflictLineWith,
	// AdviceWith).
	supporters []supporter
	conflicts  []conflict
	advice     *advice
}

// supporter is a supporter of a motion: a person's name, and the
// delegation's they support for, if any; tell, what tells the person
// apart from another of the same name (Ref.Tell), "" for a name nobody
// else bears.
type supporter struct{ name, delegation, tell string }

// conflict is an amendment in conflict: its number, or if it has none
// its title; and the lines it changes, as the record says them in
// English and as a span for the document's language.
type conflict struct {
	number, title, lines string
	span                 LineSpan
}

// advice is the committee's advice: the committee's name (without "the
// "), the recommendation in words, the note as a sentence ("" for none).
type advice struct{ body, recommendation, note string }

// Typed is how a line of the minutes sets a text of the record (a name,
// a title, a number) into its own words: as it is (AsIs) in the minutes,
// isolated by the pages (web's mark).
type Typed func(string) string

// AsIs sets a text of the record as it is: the lines of the minutes.
func AsIs(s string) string { return s }

// TextLine is one numbered line of a text, or of a change shown against
// a text.
type TextLine struct {
	Number  int
	First   bool   // the first line of its block
	Marker  string // a list item's marker on its first line ("3.", "•")
	Heading int    // the level of a heading's line, or 0
	Parts   []TextPart
	// Dir is the direction of the line's paragraph, for a page that
	// shows each line as an element of its own: "rtl" or "ltr" as
	// dir="auto" would find it for the whole paragraph (bidictl.Dir),
	// so that every line of a paragraph written right to left reads
	// right to left, also one that begins with a word in Latin
	// letters, and one shown in a change without the lines before it;
	// "" for a paragraph without a letter written right to left, which
	// reads as the page does. The documents do not use it.
	Dir string
}

// The operations of a TextPart in a change.
const (
	OpDelete = "del"
	OpInsert = "ins"
)

// TextPart is a piece of a line: its text, emphasis, and in a change
// whether it is deleted or inserted.
type TextPart struct {
	Text   string
	Emph   bool
	Strong bool
	Op     string // "", OpDelete, OpInsert
}

// Resolution is the resolution as carried: the motion with its carried
// changes applied, numbered anew.
type Resolution struct {
	Motion     string
	Title      string
	Lines      []TextLine
	Applied    []string // the numbers (or ids) of the amendments applied
	NotApplied []string // carried amendments that state their change in words only
	// Untitled are the titles of the amendments in Applied and NotApplied
	// that have no number, by the id those lists give (md/5, html/6 and
	// akn/5 named them by their id: "with the amendment m2-a2 applied";
	// md/6, html/7 and akn/6 by the title in quotation marks, as the
	// motion's page does).
	Untitled map[string]string
}

// BuildMotion is one motion as the minutes show it, for the pages.
func BuildMotion(s *assembly.State, id string) *Motion { return BuildMotionIn(s, id, "") }

// BuildMotionIn is one motion as the minutes show it, its words (a
// committee's advice) in a language.
func BuildMotionIn(s *assembly.State, id, lang string) *Motion {
	b := &builder{s: s, l: i18n.For(lang), doc: &Document{}}
	m := b.motion(id)
	isolateAll(m)
	return m
}

// numbered reports whether a motion's text is shown in numbered lines: it
// was submitted before the assembly, makes a change, or is changed.
func (b *builder) numbered(m *assembly.Motion) bool {
	if m.Submitted || m.Change != nil || m.Committee != "" || m.Resolution != "" {
		return true
	}
	if b.changed == nil {
		// Once per document, not once per motion: ten thousand
		// amendments took seconds to scan for each other.
		b.changed = map[string]bool{}
		for _, id := range b.s.MotionOrder {
			if a := b.s.Motions[id]; a.Change != nil {
				b.changed[a.Amends] = true
			}
		}
	}
	return b.changed[m.ID]
}

func (b *builder) paper(m *assembly.Motion, mo *Motion) {
	if !b.numbered(m) {
		return
	}
	s := b.s
	p := &Paper{Number: m.Number, Reason: m.Reason, Submitted: m.Submitted, Width: s.LineLength()}
	if c := s.Submission.Categories[m.Category]; c != nil {
		p.Category = c.Name
	}
	if bl := s.Submission.Blocks[m.Block]; bl != nil {
		p.Block = bl.Title
	}
	if m.Delegation != "" {
		p.Delegation = b.orgName(m.Delegation)
	}
	for _, sp := range m.Supporters {
		who := b.person(sp.Person, "")
		su := supporter{name: who.Name}
		if sp.Delegation != "" {
			su.delegation = b.orgName(sp.Delegation)
		}
		p.Supporters = append(p.Supporters, su.text(AsIs)) // closed with the rest (isolateAll), as before
		p.supporters = append(p.supporters, supporter{isolate(su.name), isolate(su.delegation), isolate(who.Tell)})
	}
	if text, err := s.MotionText(m); err == nil {
		p.Lines = textLines(text, p.Width)
	}
	if m.Change != nil {
		if parent := s.Motions[m.Amends]; parent != nil {
			if text, err := s.MotionText(parent); err == nil {
				nw, _ := motiontext.Parse(m.Change.Text)
				p.ChangeLines = s.ChangeLines(m)
				first, last := motiontext.LinesOf(text, s.LineLength(), m.Change.Span)
				p.ChangeSpan = LineSpan{First: first, Last: last, Paragraph: m.Change.Span.From.Block + 1}
				p.Diff = diffLines(motiontext.DiffLines(text, p.Width, m.Change.Span, nw), lineDirs(text, p.Width))
				for _, c := range b.conflicts(m, text) {
					p.Conflicts = append(p.Conflicts, c.text(AsIs)) // closed with the rest (isolateAll), as before
					c.number = isolate(c.number)
					p.conflicts = append(p.conflicts, c)
				}
			}
		}
	}
	if bd := s.Bodies[m.Committee]; bd != nil {
		p.Committee = bd.Name
	}
	if a := m.Advice; a != nil {
		body := strings.TrimPrefix(strings.TrimPrefix(b.bodyName(a.Body), "the "), "The ")
		ad := &advice{body: isolate(body), recommendation: RecommendationText(b.l, a.Recommendation)}
		t := b.l.T("minutes.paper.advice", body, ad.recommendation)
		if a.Note != "" {
			ad.note = isolate(sentence(a.Note))
			t += " " + sentence(a.Note)
		}
		p.Advice, p.advice = t, ad
	}
	mo.Paper = p
}

// conflicts names the amendments to the same text, still open (before
// the floor or pending), whose changes overlap m's: "W1/4 (line 4)".
func (b *builder) conflicts(m *assembly.Motion, text motiontext.Text) []conflict {
	open := func(a *assembly.Motion) bool {
		switch a.Status {
		case assembly.MotionStatusPending, assembly.MotionStatusSubmitted, assembly.MotionStatusAdmitted:
			return true
		}
		return false
	}
	if !open(m) {
		return nil
	}
	var out []conflict
	for _, id := range b.s.MotionOrder {
		a := b.s.Motions[id]
		if a.ID == m.ID || a.Amends != m.Amends || a.Change == nil || !open(a) || !a.Change.Span.Overlaps(m.Change.Span) {
			continue
		}
		c := conflict{number: a.Number, lines: b.s.ChangeLines(a)}
		first, last := motiontext.LinesOf(text, b.s.LineLength(), a.Change.Span)
		c.span = LineSpan{First: first, Last: last, Paragraph: a.Change.Span.From.Block + 1}
		if a.Number == "" {
			c.title = isolate(a.Title)
		}
		out = append(out, c)
	}
	return out
}

// text is the supporter as a line names them: "Anna for The South".
func (su supporter) text(typed Typed) string {
	if su.delegation == "" {
		return typed(su.name)
	}
	return typed(su.name) + " for " + typed(su.delegation)
}

// textIn is text in l's language: "Hanna Hamburg für Hamburg district",
// a name another bears too told apart ("Вера Иванов (No. M00105)"), or
// as md/8, html/9 and akn/8 wrote it (before9), not.
func (su supporter) textIn(l *i18n.Locale, typed Typed, before9 bool) string {
	name := typed(Ref{Name: su.name, Tell: su.tell}.Named(before9))
	if su.delegation == "" {
		return name
	}
	return l.T("minutes.paper.supporter_for", name, typed(su.delegation))
}

// text is the amendment in conflict as a line names it: "W1/4 (line 4)",
// or by its title in quotes.
func (c conflict) text(typed Typed) string {
	name := typed(c.number)
	if c.number == "" {
		name = "“" + typed(c.title) + "”"
	}
	return name + " (" + c.lines + ")"
}

// textIn is the amendment in conflict as a line in l's language names
// it: "W1/4 (Zeile 4)", or by its title in the language's quotation marks.
func (c conflict) textIn(l *i18n.Locale, typed Typed) string {
	name := typed(c.number)
	if c.number == "" {
		name = l.T("minutes.quote", typed(c.title))
	}
	return name + " (" + c.span.Text(l) + ")"
}

// ConflictLine says which open amendments change the same text, or "",
// in l's language (the motion book, the motion's page).
func (p *Paper) ConflictLine(l *i18n.Locale) string { return p.ConflictLineWith(l, AsIs) }

// ConflictLineWith is ConflictLine with each number or title set by
// typed.
func (p *Paper) ConflictLineWith(l *i18n.Locale, typed Typed) string {
	if p == nil || len(p.conflicts) == 0 {
		return ""
	}
	names := make([]string, len(p.conflicts))
	for i, c := range p.conflicts {
		names[i] = c.textIn(l, typed)
	}
	return l.T("minutes.paper.conflicts", strings.Join(names, ", "))
}

// AdviceWith is the committee's advice (Advice) in l's language, its
// name and its note set by typed; "" for none.
func (p *Paper) AdviceWith(l *i18n.Locale, typed Typed) string {
	if p == nil || p.advice == nil {
		return ""
	}
	t := l.T("minutes.paper.advice", typed(p.advice.body), p.advice.recommendation)
	if p.advice.note != "" {
		t += " " + typed(p.advice.note)
	}
	return t
}

// RecommendationText says a recommendation in words.
func RecommendationText(l *i18n.Locale, r string) string {
	switch r {
	case "adopt", "adopt_amended", "reject", "refer", "not_admit", "no_recommendation":
		return l.T("minutes.recommendation." + r)
	}
	return strings.ReplaceAll(r, "_", " ")
}

// resolution is the resolution a vote carried, if it consolidated one.
func (b *builder) resolution(v *assembly.Vote) *Resolution {
	m := b.s.Motions[v.Motion]
	if m == nil || m.ResolvedBy != v.ID || m.Resolution == "" {
		return nil
	}
	text, err := motiontext.Parse(m.Resolution)
	if err != nil {
		return nil
	}
	r := &Resolution{Motion: m.ID, Title: m.Title, Lines: textLines(text, b.s.LineLength())}
	name := func(id string) string {
		if a := b.s.Motions[id]; a != nil && a.Number != "" {
			return a.Number
		}
		return id
	}
	untitled := func(id string) {
		if a := b.s.Motions[id]; a != nil && a.Number == "" && a.Title != "" {
			if r.Untitled == nil {
				r.Untitled = map[string]string{}
			}
			r.Untitled[id] = a.Title
		}
	}
	for _, id := range m.Applied {
		r.Applied = append(r.Applied, name(id))
		untitled(id)
	}
	for _, id := range m.NotApplied {
		r.NotApplied = append(r.NotApplied, name(id))
		untitled(id)
	}
	return r
}

// textLines are the numbered lines of a text with their emphasis.
func textLines(t motiontext.Text, width int) []TextLine {
	var out []TextLine
	dirs := blockDirs(t)
	for _, l := range motiontext.Lines(t, width) {
		bl := t.Blocks[l.Block]
		tl := TextLine{Number: l.Number, First: l.First, Dir: dirs[l.Block]}
		if l.First {
			tl.Marker = bl.Marker()
		}
		if bl.Kind == motiontext.Heading {
			tl.Heading = bl.Level
		}
		for _, r := range t.LineRuns(l) {
			tl.Parts = append(tl.Parts, TextPart{Text: r.Text, Emph: r.Style&motiontext.Emph != 0, Strong: r.Style&motiontext.Strong != 0})
		}
		out = append(out, tl)
	}
	return out
}

// diffLines are the lines of a change shown against a text, each with the
// direction of its paragraph in the text (dirs: by line number).
func diffLines(ds []motiontext.DiffLine, dirs map[int]string) []TextLine {
	var out []TextLine
	for _, d := range ds {
		tl := TextLine{Number: d.Number, First: d.First, Marker: d.Marker, Dir: dirs[d.Number]}
		for _, sg := range d.Segs {
			op := ""
			switch sg.Op {
			case motiontext.Delete:
				op = OpDelete
			case motiontext.Insert:
				op = OpInsert
			}
			tl.Parts = append(tl.Parts, TextPart{Text: sg.Text, Op: op})
		}
		out = append(out, tl)
	}
	return out
}

// blockDirs are the directions of the paragraphs of t (bidictl.Dir).
func blockDirs(t motiontext.Text) []string {
	dirs := make([]string, len(t.Blocks))
	for i, b := range t.Blocks {
		dirs[i] = bidictl.Dir(b.Plain())
	}
	return dirs
}

// lineDirs are the directions of the paragraphs of t (blockDirs) by the
// numbers of their lines at width, for the paragraphs that have one.
func lineDirs(t motiontext.Text, width int) map[int]string {
	blocks := blockDirs(t)
	if strings.Join(blocks, "") == "" {
		return nil // a text written left to right: its lines are not numbered again
	}
	dirs := map[int]string{}
	for _, l := range motiontext.Lines(t, width) {
		if d := blocks[l.Block]; d != "" {
			dirs[l.Number] = d
		}
	}
	return dirs
}

// Plain is the line's text as read, without its number: the marker, then
// the parts (a change's deleted parts left out).
func (l TextLine) Plain() string {
	var b strings.Builder
	if l.Marker != "" {
		b.WriteString(l.Marker + " ")
	}
	for _, p := range l.Parts {
		if p.Op != OpDelete {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

// SubmittedLine gives a motion's number, category, block and supporters:
// "No. D1. Category: Dues. Supported by: …"; in the motion book also who
// submitted it (the minutes' lead says that).
func (m *Motion) SubmittedLine(l *i18n.Locale, book bool) string {
	return m.submittedLineAs(l, book, false, false)
}

// submittedLineAs is SubmittedLine, or as the renderers before md/6,
// html/7 and akn/6 wrote it, a supporter "for" a delegation in English
// in every language ("Hanna Hamburg for Hamburg district"), or as md/8,
// html/9 and akn/8 wrote it (before9), a supporter whose name another
// bears too not told apart.
func (m *Motion) submittedLineAs(l *i18n.Locale, book, asBefore, before9 bool) string {
	if m.Paper == nil {
		return ""
	}
	if asBefore {
		return m.submittedLine(l, book, AsIs, m.Paper.Supporters)
	}
	supporters := make([]string, len(m.Paper.supporters))
	for i, su := range m.Paper.supporters {
		supporters[i] = su.textIn(l, AsIs, before9)
	}
	return m.submittedLine(l, book, AsIs, supporters)
}

// SubmittedLineWith is SubmittedLine with each name, title and number
// set by typed.
func (m *Motion) SubmittedLineWith(l *i18n.Locale, book bool, typed Typed) string {
	if m.Paper == nil {
		return ""
	}
	supporters := make([]string, len(m.Paper.supporters))
	for i, su := range m.Paper.supporters {
		supporters[i] = su.textIn(l, typed, false)
	}
	return m.submittedLine(l, book, typed, supporters)
}

func (m *Motion) submittedLine(l *i18n.Locale, book bool, typed Typed, supporters []string) string {
	p := m.Paper
	if p == nil {
		return ""
	}
	var parts []string
	if p.Number != "" {
		parts = append(parts, l.T("minutes.paper.number", typed(p.Number)))
	}
	switch {
	case !book:
	case p.Committee != "":
		parts = append(parts, l.T("minutes.paper.recommended_by", typed(strings.TrimPrefix(p.Committee, "The "))))
	case p.Submitted && p.Delegation != "" && m.Mover.Name != "":
		parts = append(parts, l.T("minutes.paper.submitted_by", typed(p.Delegation)+" ("+typed(m.Mover.Named(false))+")"))
	case p.Submitted && p.Delegation != "":
		parts = append(parts, l.T("minutes.paper.submitted_by", typed(p.Delegation)))
	case p.Submitted && m.Mover.Name != "":
		parts = append(parts, l.T("minutes.paper.submitted_by", typed(m.Mover.Named(false))))
	}
	if p.Category != "" {
		parts = append(parts, l.T("minutes.paper.category", typed(p.Category)))
	}
	if p.Block != "" {
		parts = append(parts, l.T("minutes.paper.block", typed(p.Block)))
	}
	if len(supporters) > 0 {
		parts = append(parts, l.T("minutes.paper.supported_by", strings.Join(supporters, ", ")))
	}
	return strings.Join(parts, " ")
}

// ChangeLead introduces an amendment's change: "Lines 3–4 of D1 to read:"
// or "Line 5 of “On the dues” struck out:".
func (m *Motion) ChangeLead(l *i18n.Locale) string { return m.ChangeLeadWith(l, AsIs) }

// ChangeLeadWith is ChangeLead with the title set by typed.
func (m *Motion) ChangeLeadWith(l *i18n.Locale, typed Typed) string {
	return m.changeLead(l, typed, false)
}

// changeLead is ChangeLeadWith, or as the renderers before md/6, html/7
// and akn/6 wrote it, the lines in English ("Lines 3–4 von …").
func (m *Motion) changeLead(l *i18n.Locale, typed Typed, asBefore bool) string {
	p := m.Paper
	if p == nil || p.ChangeLines == "" {
		return ""
	}
	key := "minutes.paper.change_lead"
	switch {
	case asBefore:
	case p.ChangeSpan.First == 0:
		key = "minutes.paper.change_lead_place" // "L'endroit … modifié"
	case p.ChangeSpan.First == p.ChangeSpan.Last:
		key = "minutes.paper.change_lead_one" // "Ligne 4 … modifiée"
	}
	return l.T(key, capitalize(p.changeLines(l, asBefore)), typed(m.AmendsTitle))
}

// LineSpan is which lines of the text it amends a change replaces.
type LineSpan struct {
	First, Last int // the lines, from 1; 0 for a change at a place no line holds
	Paragraph   int // the paragraph of the place, from 1
}

// Text is "lines 3–4", "line 7" or "the place at paragraph 2" in l's
// language.
func (ls LineSpan) Text(l *i18n.Locale) string {
	switch {
	case ls.First == 0:
		return l.T("minutes.lines.place", ls.Paragraph)
	case ls.First == ls.Last:
		return l.T("minutes.lines.one", ls.First)
	}
	return l.T("minutes.lines.range", ls.First, ls.Last)
}

// changeLines is the lines a change replaces in l's language, or, as
// the renderers before md/6, html/7 and akn/6 wrote them, in English.
func (p *Paper) changeLines(l *i18n.Locale, asBefore bool) string {
	if asBefore {
		return p.ChangeLines
	}
	return p.ChangeSpan.Text(l)
}

// AppliedLine says which carried amendments a resolution applies, each
// by its number or else its title in quotation marks.
func (r *Resolution) AppliedLine(l *i18n.Locale) string { return r.AppliedLineWith(l, AsIs) }

// appliedLineAs is AppliedLine as the renderers of a version give it:
// before md/6, html/7 and akn/6 an amendment without a number was named
// by its id.
func (r *Resolution) appliedLineAs(l *i18n.Locale, asBefore bool) string {
	if asBefore {
		return r.appliedLineTyped(l, AsIs, false)
	}
	return r.AppliedLineWith(l, AsIs)
}

// AppliedLineWith is AppliedLine with each amendment's number or title
// set by typed.
func (r *Resolution) AppliedLineWith(l *i18n.Locale, typed Typed) string {
	return r.appliedLineTyped(l, typed, true)
}

func (r *Resolution) appliedLineTyped(l *i18n.Locale, typed Typed, titled bool) string {
	join := func(xs []string) string {
		out := make([]string, len(xs))
		for i, x := range xs {
			if t, ok := r.Untitled[x]; ok && titled {
				out[i] = l.T("minutes.quote", typed(isolate(t)))
				continue
			}
			out[i] = typed(x)
		}
		return strings.Join(out, ", ")
	}
	t := l.T("minutes.resolution.applied", len(r.Applied), join(r.Applied))
	if len(r.NotApplied) > 0 {
		t += l.T("minutes.resolution.not_applied", join(r.NotApplied))
	}
	return t + ":"
}

// mdLines writes numbered lines as a block quote, one line each.
func (w *mdWriter) lines(ls []TextLine) {
	for i, l := range ls {
		var b strings.Builder
		b.WriteString("> `" + strconv.Itoa(l.Number) + "` ")
		if l.Marker != "" {
			b.WriteString(md(l.Marker) + " ")
		}
		for _, p := range l.Parts {
			mark := ""
			switch {
			case p.Op == OpDelete:
				mark = "~~"
			case p.Op == OpInsert:
				mark = "**"
			case p.Emph && p.Strong:
				mark = "***"
			case p.Strong:
				mark = "**"
			case p.Emph:
				mark = "*"
			}
			b.WriteString(wrapMark(md(p.Text), mark))
		}
		if i < len(ls)-1 {
			b.WriteString("\\")
		}
		w.line(b.String())
	}
	w.blank()
}

// wrapMark puts a Markdown mark around text, leaving its edge spaces out
// (a mark next to a space does not open or close).
func wrapMark(text, mark string) string {
	core := strings.Trim(text, " ")
	if mark == "" || core == "" {
		return text
	}
	lead := text[:len(text)-len(strings.TrimLeft(text, " "))]
	trail := text[len(strings.TrimRight(text, " ")):]
	return lead + mark + core + mark + trail
}

// paper writes a motion's submission, change or numbered text, and the
// committee's advice; false for a motion without (its text is written as
// before).
func (w *mdWriter) paper(m *Motion) bool {
	p := m.Paper
	if p == nil {
		return false
	}
	if t := m.submittedLineAs(w.l, false, w.asBefore, w.before9); t != "" {
		w.para(md(t))
	}
	if p.Diff != nil {
		w.para(md(m.changeLead(w.l, AsIs, w.asBefore)))
		w.lines(p.Diff)
	} else if len(p.Lines) > 0 {
		w.lines(p.Lines)
	}
	if p.Reason != "" {
		w.para("*" + md(w.l.T("minutes.paper.reasons", afterColon(p.Reason, w.asBefore))) + "*")
	}
	return true
}

func (w *mdWriter) resolution(r *Resolution) {
	if r == nil {
		return
	}
	w.para("**" + md(colon7(w.l, w.before7, r.appliedLineAs(w.l, w.asBefore))) + "**")
	w.lines(r.Lines)
}

// linesStyle is the style of numbered lines and changes in the HTML
// minutes; it is added only to documents that have them.
const linesStyle = `
.lines { margin: 0.5rem 0 1rem 0; }
.ln { margin: 0; padding-left: 3.2em; text-indent: -3.2em; }
.ln .n { display: inline-block; width: 2.6em; margin-right: 0.6em; text-align: right; color: #595959; font-size: 0.85em; text-indent: 0; }
.ln.h { font-weight: bold; }
ins { text-decoration: underline; background: #e3f4e3; }
del { text-decoration: line-through; background: #fbe4e4; }
`

// markupParts writes a line's parts in HTML or Akoma Ntoso: escaped, in
// <del> and <ins> for a change, emphasis in the given elements.
func markupParts(parts []TextPart, escape func(string) string, emph, strong string) string {
	var b strings.Builder
	for _, p := range parts {
		t := escape(p.Text)
		switch {
		case p.Op == OpDelete:
			t = "<del>" + t + "</del>"
		case p.Op == OpInsert:
			t = "<ins>" + t + "</ins>"
		default:
			if p.Emph {
				t = "<" + emph + ">" + t + "</" + emph + ">"
			}
			if p.Strong {
				t = "<" + strong + ">" + t + "</" + strong + ">"
			}
		}
		b.WriteString(t)
	}
	return b.String()
}

// htmlLines writes numbered lines.
func htmlLines(ls []TextLine) string {
	var b strings.Builder
	b.WriteString(`<div class="lines">` + "\n")
	for _, l := range ls {
		class := "ln"
		if l.Heading > 0 {
			class += " h"
		}
		b.WriteString(`<p class="` + class + `"><span class="n">` + strconv.Itoa(l.Number) + `</span>`)
		if l.Marker != "" {
			b.WriteString(esc(l.Marker) + " ")
		}
		b.WriteString(markupParts(l.Parts, esc, "em", "strong"))
		b.WriteString("</p>\n")
	}
	b.WriteString("</div>")
	return b.String()
}

func (w *htmlWriter) paper(m *Motion, book bool) bool {
	p := m.Paper
	if p == nil {
		return false
	}
	if t := m.submittedLineAs(w.l, book, w.asBefore, w.before9); t != "" {
		w.line(`<p class="note">` + esc(t) + "</p>")
	}
	if p.Diff != nil {
		w.line("<p>" + esc(m.changeLead(w.l, AsIs, w.asBefore)) + "</p>")
		w.line(htmlLines(p.Diff))
	} else if len(p.Lines) > 0 {
		w.line(htmlLines(p.Lines))
	}
	if p.Reason != "" {
		w.line(`<p class="note">` + esc(w.l.T("minutes.paper.reasons", afterColon(p.Reason, w.asBefore))) + "</p>")
	}
	if t := p.ConflictLine(w.l); t != "" && book {
		w.line(`<p class="note">` + esc(t) + "</p>")
	}
	if p.Advice != "" && book {
		w.line(`<p class="note">` + esc(p.Advice) + "</p>")
	}
	return true
}

func (w *htmlWriter) resolution(r *Resolution) {
	if r == nil {
		return
	}
	w.line(`<p><strong>` + esc(colon7(w.l, w.before7, r.appliedLineAs(w.l, w.asBefore))) + "</strong></p>")
	w.line(htmlLines(r.Lines))
}

// hasLines reports whether a document shows numbered lines.
func (d *Document) hasLines() bool {
	for _, m := range d.Motions {
		if m.Paper != nil {
			return true
		}
	}
	return false
}

// aknLines writes numbered lines as Akoma Ntoso paragraphs: one <p> per
// block of the text, each line closed by <eol number="N"/>; a change's
// deleted and inserted words in <del> and <ins>.
func aknLines(ls []TextLine) []string {
	var out []string
	var cur strings.Builder
	open := false
	for _, l := range ls {
		if l.First || !open {
			if open {
				out = append(out, cur.String()+"</p>")
				cur.Reset()
			}
			cur.WriteString("<p>")
			open = true
			if l.Marker != "" {
				cur.WriteString(x(l.Marker) + " ")
			}
		}
		cur.WriteString(markupParts(l.Parts, x, "i", "b"))
		cur.WriteString(fmt.Sprintf(`<eol number="%d"/>`, l.Number))
	}
	if open {
		out = append(out, cur.String()+"</p>")
	}
	return out
}

// lines writes numbered lines: the number in a gutter, and each line as
// it is numbered; a line wider than the column (a change's line, which
// holds the words struck out beside those inserted) wraps at its spaces
// onto rows of its own, indented and without a number, at the size of
// the rest (it was set smaller until it fitted, and a long change came out
// unreadably small). A word wider than a row is broken where it must.
func (w *pdfWriter) lines(ls []TextLine) {
	pdf := w.pdf
	left, _, right, _ := pdf.GetMargins()
	pageW, _ := pdf.GetPageSize()
	const gutter, size, lh, indent = 11.0, 10.0, 4.9, 5.0
	avail := pageW - left - right - gutter
	style := func(p TextPart, heading bool) string {
		st := ""
		if p.Strong || heading || p.Op == OpInsert {
			st += "B"
		}
		if p.Emph {
			st += "I"
		}
		switch p.Op {
		case OpDelete:
			st += "S"
		case OpInsert:
			st += "U"
		}
		return st
	}
	for _, l := range ls {
		var runs []pdfRun
		if l.Marker != "" {
			runs = append(runs, pdfRun{text: pdfText(l.Marker) + " "})
		}
		for _, p := range l.Parts {
			runs = append(runs, pdfRun{text: pdfText(p.Text), style: style(p, l.Heading > 0)})
		}
		for i, row := range w.wrapRuns(runs, size, avail, avail-indent) {
			if _, pageH := pdf.GetPageSize(); pdf.GetY()+lh > pageH-24 {
				pdf.AddPage()
			}
			pdf.SetX(left)
			if i == 0 {
				pdf.SetFont("Helvetica", "", 7.5) // ASCII digits: the numbers read plainly in the PDF's text
				pdf.SetTextColor(90, 90, 90)
				pdf.CellFormat(gutter-2, lh, strconv.Itoa(l.Number), "", 0, "R", false, 0, "")
				pdf.SetTextColor(0, 0, 0)
				pdf.SetX(left + gutter)
			} else {
				pdf.SetX(left + gutter + indent)
			}
			for _, r := range row {
				pdf.SetFont(pdffont.Family, r.style, size)
				pdf.CellFormat(pdf.GetStringWidth(r.text), lh, r.text, "", 0, "L", false, 0, "")
			}
			pdf.Ln(lh)
		}
	}
	pdf.SetFont(pdffont.Family, "", 10.5)
	pdf.Ln(1.5)
}

// pdfRun is a piece of a numbered line in one style (fpdf's: B, I, and S
// for struck out, U for underlined).
type pdfRun struct{ text, style string }

// wrapRuns breaks the runs of a line into rows: the first at most first
// wide, the others at most rest, at the spaces (a space at the end of a
// row is left out), and a word wider than a row where it must. Widths
// are measured in each run's face, without the lines S and U draw, one
// face a run (each change of face is written into the page).
func (w *pdfWriter) wrapRuns(runs []pdfRun, size, first, rest float64) [][]pdfRun {
	pdf := w.pdf
	type word struct {
		text, style string
		full, bare  float64 // its width, and without the spaces it ends in
	}
	var words []word
	for _, r := range runs {
		pdf.SetFont(pdffont.Family, strings.NewReplacer("S", "", "U", "").Replace(r.style), size)
		for _, t := range splitAfterSpaces(r.text) {
			bare := strings.TrimRight(t, " ")
			wd := word{text: t, style: r.style, full: pdf.GetStringWidth(t), bare: pdf.GetStringWidth(bare)}
			for wd.bare > rest {
				// A word wider than a row: as much of it as fits, on a row
				// of its own.
				n := len(bare) - 1
				for n > 0 && (!utf8.RuneStart(bare[n]) || pdf.GetStringWidth(bare[:n]) > rest) {
					n--
				}
				if n == 0 {
					_, n = utf8.DecodeRuneInString(bare)
				}
				head := pdf.GetStringWidth(bare[:n])
				words = append(words, word{text: bare[:n], style: r.style, full: head, bare: head})
				wd.text, bare = wd.text[n:], bare[n:]
				wd.full, wd.bare = pdf.GetStringWidth(wd.text), pdf.GetStringWidth(bare)
			}
			words = append(words, wd)
		}
	}
	var rows [][]pdfRun
	var row []pdfRun
	x, limit := 0.0, first
	next := func() {
		// The space the row ends in is not drawn.
		for len(row) > 0 {
			last := &row[len(row)-1]
			last.text = strings.TrimRight(last.text, " ")
			if last.text != "" {
				break
			}
			row = row[:len(row)-1]
		}
		rows = append(rows, row)
		row, x, limit = nil, 0, rest
	}
	for _, wd := range words {
		if x > 0 && x+wd.bare > limit {
			next()
		}
		if n := len(row); n > 0 && row[n-1].style == wd.style {
			row[n-1].text += wd.text
		} else {
			row = append(row, pdfRun{text: wd.text, style: wd.style})
		}
		x += wd.full
	}
	if len(row) > 0 || len(rows) == 0 {
		next()
	}
	return rows
}

// splitAfterSpaces cuts s after each run of spaces: "a b  c" is "a ",
// "b  ", "c".
func splitAfterSpaces(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, ' ')
		if i < 0 {
			out = append(out, s)
			break
		}
		j := i
		for j < len(s) && s[j] == ' ' {
			j++
		}
		out = append(out, s[:j])
		s = s[j:]
	}
	return out
}

func (w *pdfWriter) paper(m *Motion, book bool) bool {
	p := m.Paper
	if p == nil {
		return false
	}
	if t := m.SubmittedLine(w.l, book); t != "" {
		w.para(t, "I")
	}
	if p.Diff != nil {
		w.para(m.ChangeLead(w.l), "")
		w.lines(p.Diff)
	} else if len(p.Lines) > 0 {
		w.lines(p.Lines)
	}
	if p.Reason != "" {
		w.para(w.l.T("minutes.paper.reasons", clause(p.Reason)), "I")
	}
	if t := p.ConflictLine(w.l); t != "" && book {
		w.para(t, "I")
	}
	if p.Advice != "" && book {
		w.para(p.Advice, "I")
	}
	return true
}

func (w *pdfWriter) resolution(r *Resolution) {
	if r == nil {
		return
	}
	w.para(r.AppliedLine(w.l), "B")
	w.lines(r.Lines)
}

// paper writes a motion's numbered text, or an amendment's change as a
// <mod> with the words deleted and inserted.
func (w *aknWriter) paper(m *Motion) bool {
	p := m.Paper
	if p == nil {
		return false
	}
	if t := m.submittedLineAs(w.l, false, w.asBefore, w.before9); t != "" {
		w.line("<p>" + x(t) + "</p>")
	}
	if p.Diff != nil {
		w.line("<p>" + w.mod(m, "mod-"+aknName(m.ID)) + "</p>")
		for _, l := range aknLines(p.Diff) {
			w.line(l)
		}
	} else {
		for _, l := range aknLines(p.Lines) {
			w.line(l)
		}
	}
	if p.Reason != "" {
		w.line("<p>" + x(w.l.T("minutes.paper.reasons", afterColon(p.Reason, w.asBefore))) + "</p>")
	}
	return true
}

// modIn is the start of an amendment's change as an Akoma Ntoso
// modification: the lines of the text it changes, in the document's
// language (before akn/6, in English).
func (w *aknWriter) modIn(m *Motion) string {
	if w.asBefore {
		return w.l.T("minutes.akn.mod_in", m.Paper.ChangeLines, m.AmendsTitle)
	}
	return w.l.T("minutes.akn.mod_at", m.Paper.ChangeSpan.Text(w.l), m.AmendsTitle)
}

// mod is an amendment's change as an Akoma Ntoso modification: in which
// lines of which text, the words replaced and the new wording.
func (w *aknWriter) mod(m *Motion, eid string) string {
	var old, nw strings.Builder
	for _, l := range m.Paper.Diff {
		for _, pt := range l.Parts {
			switch pt.Op {
			case OpDelete:
				old.WriteString(pt.Text)
			case OpInsert:
				nw.WriteString(pt.Text)
			case "":
				old.WriteString(pt.Text)
				nw.WriteString(pt.Text)
			}
		}
		old.WriteString(" ")
		nw.WriteString(" ")
	}
	oldT := strings.Join(strings.Fields(old.String()), " ")
	newT := strings.Join(strings.Fields(nw.String()), " ")
	return `<mod eId="` + x(eid) + `">` + x(w.modIn(m)) +
		`<quotedText>` + x(oldT) + `</quotedText>` + x(w.l.T("minutes.akn.mod_read")) + `<quotedText>` + x(newT) + `</quotedText>.</mod>`
}

func (w *aknWriter) resolution(r *Resolution) {
	if r == nil {
		return
	}
	w.line(`<debateSection name="resolution" eId="resolution-` + x(aknName(r.Motion)) + `">`)
	w.line("<heading>" + x(colon7(w.l, w.before7, r.appliedLineAs(w.l, w.asBefore))) + "</heading>")
	for _, l := range aknLines(r.Lines) {
		w.line(l)
	}
	w.line("</debateSection>")
}

// amendments attaches each amendment that changes a text as an Akoma
// Ntoso <amendment> document: its work, its heading and its <mod>.
func (w *aknWriter) amendments() {
	var ms []*Motion
	for i := range w.d.Motions {
		if m := &w.d.Motions[i]; m.Paper != nil && m.Paper.Diff != nil {
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 {
		return
	}
	w.line("<attachments>")
	for i, m := range ms {
		work := "/akn/xx/amendment/" + aknName(w.d.ID) + "/" + aknName(m.ID)
		date := w.workDate()
		if !m.At.IsZero() {
			date = m.At.UTC().Format("2006-01-02")
		}
		w.line(fmt.Sprintf(`<attachment eId="att_%d">`, i+1))
		w.line(`<amendment name="` + x(aknName(m.ID)) + `">`)
		w.line("<meta>")
		w.line(`<identification source="#plenum">`)
		w.line(`<FRBRWork><FRBRthis value="` + x(work+"/!main") + `"/><FRBRuri value="` + x(work) + `"/><FRBRdate date="` + date + `" name="moved"/><FRBRauthor href="#assembly" as="#author"/><FRBRcountry value="xx"/></FRBRWork>`)
		w.line(`<FRBRExpression><FRBRthis value="` + x(work+"/eng@/!main") + `"/><FRBRuri value="` + x(work+"/eng@") + `"/><FRBRdate date="` + date + `" name="moved"/><FRBRauthor href="#assembly" as="#author"/><FRBRlanguage language="eng"/></FRBRExpression>`)
		w.line(`<FRBRManifestation><FRBRthis value="` + x(work+"/eng@/!main.xml") + `"/><FRBRuri value="` + x(work+"/eng@.akn") + `"/><FRBRdate date="` + date + `" name="moved"/><FRBRauthor href="#plenum" as="#editor"/></FRBRManifestation>`)
		w.line("</identification>")
		w.line("</meta>")
		w.line("<amendmentBody>")
		w.line("<amendmentHeading><p>" + x(m.leadAs(w.l, AsIs, w.before8)) + "</p></amendmentHeading>")
		w.line("<amendmentContent><p>" + w.mod(m, fmt.Sprintf("att_%d__mod", i+1)) + "</p></amendmentContent>")
		w.line("</amendmentBody>")
		w.line("</amendment>")
		w.line("</attachment>")
	}
	w.line("</attachments>")
}

// paperLead introduces a submitted motion or a committee's change
// recommendation: "Berlin district (Bruno Berliner) submits: …", "The
// Motions Committee recommends a change to “…”: …"; "" for others. The
// mover's name another person bears too is told apart since md/8, html/9
// and akn/8 (unless before8).
func (m *Motion) paperLead(l *i18n.Locale, typed Typed, before8 bool) string {
	p := m.Paper
	switch {
	case p == nil:
		return ""
	case p.Committee != "":
		return l.T("minutes.paper.recommends_change", typed(strings.TrimPrefix(p.Committee, "The ")), typed(m.AmendsTitle), typed(m.Title))
	case !p.Submitted:
		return ""
	}
	who := ""
	if m.Mover.Name != "" {
		who = typed(m.Mover.Named(before8))
	}
	if p.Delegation != "" {
		who = typed(p.Delegation)
		if m.Mover.Name != "" {
			who += " (" + typed(m.Mover.Named(before8)) + ")"
		}
	}
	if who == "" {
		if m.Kind == "amendment" {
			return l.T("minutes.paper.submitted_amendment", typed(m.AmendsTitle), typed(m.Title))
		}
		return l.T("minutes.paper.submitted", typed(m.Title))
	}
	if m.Kind == "amendment" {
		return l.T("minutes.paper.submits_amendment", who, typed(m.AmendsTitle), typed(m.Title))
	}
	return l.T("minutes.paper.submits", who, typed(m.Title))
}

// paperParagraph is the paragraph of the minutes for a submitted motion
// or a change recommendation, or nil for entries that read as narrative.
func (b *builder) paperParagraph(r assembly.RecordEntry, p *Paragraph) *Paragraph {
	switch r.Kind {
	case "motion_submitted", "change_recommended":
		p.Kind, p.Motion = KindMotion, b.motion(r.Ref)
		p.Motion.Entry, p.Motion.At = r.Entry, r.At
		p.Speaker, p.Text = p.Motion.Mover, p.Motion.Title
		return p
	}
	return nil
}

// numberTitle names a motion by its number and title: "W1 “Wages”".
// narrativeNow is the narrative text of r as md/6, html/7 and akn/6 give
// it, where it differs from text, as the renderers before gave it: an
// amendment put before the assembly with its motion names the motion
// ("(with W1 “Wages and working time”)", in the document's language),
// where the rules' note gives its id ("(with w1)").
func (b *builder) narrativeNow(r assembly.RecordEntry, text string) string {
	id, ok := strings.CutPrefix(r.Label, "with ")
	if r.Kind != "motion_state_set" || r.Sub != assembly.MotionStatusPending || !ok || b.s.Motions[id] == nil {
		return ""
	}
	return strings.Replace(text, "("+r.Label+")", "("+b.l.T("minutes.paper.with", b.numberTitle(id))+")", 1)
}

func (b *builder) numberTitle(id string) string {
	m := b.s.Motions[id]
	if m == nil {
		return id
	}
	if m.Number != "" {
		return m.Number + " " + b.quote(m.Title)
	}
	return b.quote(m.Title)
}

// paperNarrative is the line of narrative for an entry of the submission
// of motions, or "".
func (b *builder) paperNarrative(r assembly.RecordEntry) string {
	s := b.s
	switch r.Kind {
	case "submission_deadline_set":
		if t, err := time.Parse(time.RFC3339, r.Text); err == nil {
			return b.l.T("minutes.paper.deadline", t.Format("2006-01-02 15:04 -07:00"))
		}
		return b.l.T("minutes.paper.deadline", r.Text)
	case "motions_committee_appointed":
		return b.l.T("minutes.paper.committee_appointed", strings.TrimPrefix(strings.TrimPrefix(b.bodyName(r.Ref), "the "), "The "))
	case "motion_supported", "motion_support_withdrawn":
		return "" // the motion's paper lists its supporters
	case "motion_recommended":
		committee := strings.TrimPrefix(strings.TrimPrefix(b.bodyName(s.Submission.Committee), "the "), "The ")
		t := b.l.T("minutes.paper.recommends_on", committee, b.numberTitle(r.Ref), RecommendationText(b.l, r.Sub))
		if r.Label != "" {
			t += " " + sentence(r.Label)
		}
		return t
	case "motion_state_set":
		var t string
		switch r.Sub {
		case assembly.MotionStatusPending:
			t = b.l.T("minutes.paper.before_assembly."+b.nounKey(r.Ref), b.numberTitle(r.Ref))
		default:
			status := StatusText(b.l, r.Sub)
			if r.Sub == assembly.MotionStatusOvertaken && !b.now9 {
				status = b.l.T("minutes.status.overtaken8") // as md/8 said it (said9)
			}
			t = b.l.T("minutes.paper.state."+b.nounKey(r.Ref), b.numberTitle(r.Ref), status)
		}
		if r.Label != "" {
			t += " (" + strings.TrimSuffix(r.Label, ".") + ")"
		}
		return t + "."
	case "resolution_consolidated":
		return "" // the declared result shows it
	}
	return ""
}

// BuildResolution is the resolution as carried of a motion, for the
// pages, or nil while it has none.
func BuildResolution(s *assembly.State, id string) *Resolution {
	m := s.Motions[id]
	if m == nil || m.ResolvedBy == "" || s.Votes[m.ResolvedBy] == nil || m.Status != assembly.MotionStatusCarried {
		return nil // reopened by a reconsideration: not the resolution now
	}
	b := &builder{s: s, doc: &Document{}}
	r := b.resolution(s.Votes[m.ResolvedBy])
	isolateAll(r)
	return r
}
