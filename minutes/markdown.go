package minutes

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"plenum/assembly"
	"plenum/i18n"
)

// mdVersion is the version of the Markdown renderer, stated in the
// documents it renders ("md/1"): bump it whenever the bytes of the
// Markdown for the same log change (see version.go), and regenerate the
// golden files with go test ./minutes -update.
const mdVersion = 11

// Markdown renders the minutes as CommonMark: one paragraph a line, so
// that a changed word is a changed line.
func Markdown(d *Document) []byte {
	l := d.locale()
	w := &mdWriter{l: l, asBefore: d.asBefore(FormatMarkdown), before7: d.before7(FormatMarkdown), before8: d.before8(FormatMarkdown), before9: d.before9(FormatMarkdown), before10: d.before10(FormatMarkdown), before11: d.before11(FormatMarkdown)}
	w.line("# " + md(d.Title))
	w.blank()
	var meta []string
	if t := d.Dates(l); t != "" {
		meta = append(meta, md(t))
	}
	if len(d.Venues) > 0 {
		meta = append(meta, md(strings.Join(d.Venues, semicolon7(l, w.before8)))) // French " ; " since md/8
	}
	if len(meta) > 0 {
		w.para(sentences(meta))
	}
	if d.Description != "" {
		w.para(md(d.Description))
	}
	if d.HasParticipants() {
		w.para("## " + l.T("minutes.h.organizations"))
		n := 0
		for _, o := range d.organizations(w.asBefore) {
			if len(o.Delegates) == 0 {
				continue
			}
			w.line("- " + md(orgLine(l, o, w.before7, w.before8, w.before9, w.before10)))
			n++
		}
		if n > 0 {
			w.blank()
		}
		if len(d.Personal) > 0 {
			w.para(md(personalLineAs(l, d.Personal, w.before8, w.before9, d.Roll && !w.before8)))
		}
		var noted []Organization
		for _, o := range d.organizations(w.asBefore) {
			if len(o.Delegates) == 0 {
				noted = append(noted, o)
			}
		}
		if len(noted) > 0 {
			w.para(l.T("minutes.noted_organizations"))
			for _, o := range noted {
				w.line("- " + md(notedLine(o)))
			}
			w.blank()
		}
		for _, m := range d.Marks {
			w.para(md(m.Symbol + " " + m.Meaning))
		}
		if t := d.CommissionLine(l); t != "" && !w.before7 {
			w.para(md(t))
		}
	}
	if len(d.Others) > 0 {
		w.para("## " + l.T("minutes.h.others"))
		for _, o := range d.Others {
			w.line("- **" + md(o.Name) + "**" + md(otherTail(l, o)))
		}
		w.blank()
	}
	if w.asBefore && len(d.Preface) > 0 {
		w.para("## " + l.T("minutes.h.notes"))
		for i := range d.Preface {
			w.paragraph(&d.Preface[i])
		}
	}
	if !w.asBefore {
		for _, o := range d.BeforeSittings() {
			w.outside(o)
		}
	}
	for i := range d.Sittings {
		w.sitting(&d.Sittings[i])
		if o, ok := d.AfterSitting(i); ok && !w.asBefore {
			w.outside(o)
		}
	}
	if len(d.NotTakenUp) > 0 && !w.before11 {
		w.para("## " + l.T("minutes.h.not_taken_up"))
		for _, it := range d.NotTakenUp {
			w.line("- " + md(it.Heading()))
		}
		w.blank()
	}
	w.checkpoint(d.Checkpoint, d.stampOf(FormatMarkdown))
	return w.buf.Bytes()
}

// outside writes a part of the record outside any sitting under its heading.
func (w *mdWriter) outside(o Outside) {
	w.para("## " + o.Heading(w.l))
	for i := range o.Paragraphs {
		w.paragraph(&o.Paragraphs[i])
	}
}

// orgLine is "1) Archangel: Maryan Verzhbitsky*, …", its colons as the
// language sets them ("Riverside Housing Cooperative : …", "mandat
// rejeté : …") since md/7, html/8 and akn/7, or, as the renderers before
// wrote them (before7), right after the word; a delegate's name another
// person bears too with what tells them apart ("n.º 0200") since md/8,
// html/9 and akn/8, the name alone before (before8).
//
// Since md/9, html/10 and akn/9 (not before9) a delegate's name is
// followed by what the record says of it (Delegate.Emended). Since
// md/10, html/11 and akn/10 (not before10) the organization's note
// follows its name, before the colon, where the renderers before put it
// after the last delegate, whose own note it then read as ("7) Vitebs:
// J. Abolin (Printed 'Vitebs'; presumably Vitebsk)").
func orgLine(l *i18n.Locale, o Organization, before7, before8, before9, before10 bool) string {
	t := o.Name
	if o.Number != "" {
		t = o.Number + ") " + t
	}
	var ds []string
	for _, d := range o.Delegates {
		var extra []string
		if d.Person.Tell != "" && !before8 {
			extra = append(extra, d.Person.Tell)
		}
		if d.Emended != "" && !before9 {
			extra = append(extra, d.Emended)
		}
		ds = append(ds, delegateTextAs(l, d, before7, extra...))
	}
	if !before10 {
		return t + paren(o.Note) + speakerColon(l, before7) + " " + strings.Join(ds, ", ")
	}
	return t + speakerColon(l, before7) + " " + strings.Join(ds, ", ") + paren(o.Note)
}

// HasParticipants reports whether the document lists organizations or
// delegates: the section "Organizations and delegates".
func (d *Document) HasParticipants() bool { return len(d.Organizations) > 0 || len(d.Personal) > 0 }

// PersonalLine lists the mandates held for no organization: "Participating
// personally: A (consultative vote), B*." with their notes: once after the
// list when they all share it, else with each.
func PersonalLine(l *i18n.Locale, ds []Delegate) string {
	return personalLineAs(l, ds, false, false, false)
}

// personalLineAs is PersonalLine with the colon after "mandate rejected"
// as the language sets it ("mandat rejeté :") and a name another person
// bears too with what tells them apart ("n.º 0200") since md/8, html/9
// and akn/8, or, as the renderers before wrote it (before8), the colon
// right after the words and the name alone.
//
// roll: the record shows who was present at its sittings (Document.Roll),
// so the list is the roll of those who hold a mandate for no
// organization, present or not, and says so ("Holding a mandate
// personally: …", md/8, html/9 and akn/8); otherwise, as a restored
// record's source lists them, those participating personally.
//
// Since md/9, html/10 and akn/9 (not before9) a name is followed by what
// the record says of it (Delegate.Emended).
func personalLineAs(l *i18n.Locale, ds []Delegate, before8, before9, roll bool) string {
	common := personalNote(ds[0].Note)
	for _, d := range ds {
		if personalNote(d.Note) != common {
			common = ""
			break
		}
	}
	var names []string
	for _, d := range ds {
		var extra []string
		if d.Person.Tell != "" && !before8 {
			// Two members of one name, as their cards tell them apart
			// (Ref.Tell): "Ramón Ortega Durán (n.º 0200)".
			extra = append(extra, d.Person.Tell)
		}
		if d.Emended != "" && !before9 {
			extra = append(extra, d.Emended)
		}
		if n := personalNote(d.Note); common == "" && n != "" {
			extra = append(extra, strings.TrimSuffix(n, "."))
		}
		names = append(names, delegateTextAs(l, d, before8, extra...))
	}
	key := "minutes.personal"
	if roll {
		key = "minutes.personal_roll"
	}
	t := l.T(key, strings.Join(names, ", "))
	if common != "" {
		t += " " + sentence(common)
	}
	return t
}

// personalNote is a mandate's note without a leading "Participating
// personally", which the group's heading already says.
func personalNote(n string) string {
	n = strings.TrimSpace(n)
	const p = "participating personally"
	if len(n) >= len(p) && strings.EqualFold(n[:len(p)], p) {
		n = strings.TrimLeft(n[len(p):], ";:,. ")
	}
	return capitalize(n)
}

// delegateText is "Name* (consultative vote; …)" with the extra notes.
func delegateText(l *i18n.Locale, d Delegate, extra ...string) string {
	return delegateTextAs(l, d, true, extra...)
}

// delegateTextAs is delegateText with the colon after "mandate rejected"
// as the language sets it, unless before7 (orgLine; personalLineAs gives
// it before8).
func delegateTextAs(l *i18n.Locale, d Delegate, before7 bool, extra ...string) string {
	t := d.Person.Name + strings.Join(d.Marks, "")
	var notes []string
	if k := KindText(l, d.Kind); k != "" {
		notes = append(notes, k)
	}
	switch d.Status {
	case "rejected":
		n := l.T("minutes.mandate.rejected")
		if d.Reason != "" {
			n += speakerColon(l, before7) + " " + d.Reason
		}
		notes = append(notes, n)
	case "submitted":
		notes = append(notes, l.T("minutes.mandate.unverified"))
	}
	for _, n := range extra {
		notes = append(notes, lowerFirst(n, len(notes) > 0))
	}
	if len(notes) > 0 {
		t += " (" + strings.Join(notes, "; ") + ")"
	}
	return t
}

func notedLine(o Organization) string {
	return o.Name + paren(o.Note, o.PresenceNote)
}

// paren is " (a; b)" of the non-empty notes, without their final stops.
func paren(notes ...string) string {
	var out []string
	for _, n := range notes {
		if n = strings.TrimSuffix(strings.TrimSpace(n), "."); n != "" {
			out = append(out, lowerFirst(n, len(out) > 0))
		}
	}
	if len(out) == 0 {
		return ""
	}
	return " (" + strings.Join(out, "; ") + ")"
}

// lowerFirst lower-cases the first letter of a note that follows another,
// unless it starts a name (a second capital letter follows).
func lowerFirst(s string, after bool) string {
	if !after || len(s) < 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'a' || s[1] > 'z' {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// otherTail is ": members …" of a leading body, faction or group.
func otherTail(l *i18n.Locale, o Organization) string {
	var names []string
	seen := map[string]bool{}
	for _, m := range o.Members {
		n := m.Person.Name
		if m.Role != "" && m.Role != "member" {
			n += " (" + m.Role + ")"
		}
		names, seen[m.Person.ID] = append(names, n), true
	}
	for _, d := range o.Delegates {
		if !seen[d.Person.ID] {
			names = append(names, delegateText(l, d))
		}
	}
	t := paren(o.Note)
	if len(names) > 0 {
		t += ": " + strings.Join(names, ", ")
	}
	return t + "."
}

type mdWriter struct {
	buf      bytes.Buffer
	l        *i18n.Locale
	asBefore bool // renders as md/5 and earlier did (version.go, mendedSince)
	before7  bool // renders as md/6 and earlier did (version.go, namedSince)
	before8  bool // renders as md/7 and earlier did (version.go, spokenSince)
	before9  bool // renders as md/8 and earlier did (version.go, toldSince)
	before10 bool // renders as md/9 and earlier did (version.go, readSince)
	before11 bool // renders as md/10 and earlier did (version.go, agendaSince)
}

// line writes a line without the spaces and tabs a text may start with,
// at the start of the line or of a quoted line: a paragraph does not show
// them, and there they would make indented code, or a heading or a list of
// the text that follows.
func (w *mdWriter) line(s string) {
	if q, ok := strings.CutPrefix(s, "> "); ok {
		s = "> " + strings.TrimLeft(q, " \t")
	} else {
		s = strings.TrimLeft(s, " \t")
	}
	w.buf.WriteString(s)
	w.buf.WriteByte('\n')
}

func (w *mdWriter) blank()        { w.buf.WriteByte('\n') }
func (w *mdWriter) para(s string) { w.line(s); w.blank() }

// Heading is a sitting's heading: its title, or "Sitting of DATE".
func (s *Sitting) Heading(l *i18n.Locale) string {
	if s.Title != "" {
		return s.Title
	}
	return l.T("minutes.sitting.of", l.DateText(s.Date))
}

// HeadLines are the lines under a sitting's heading: date and time,
// the sitting's note, chair, secretaries, who else was present, the order of the day.
func (s *Sitting) HeadLines(l *i18n.Locale) []string { return s.headLinesAs(l, false, false, false) }

// headLinesAs is HeadLines as a renderer gives them: before md/7, html/8
// and akn/7 (before7) the items of the order of the day parted by ";"
// right after each, since then as the language sets it (French " ; ");
// before md/8, html/9 and akn/8 (before8) the chair's, the secretaries'
// and the guests' names alone, since then a name another person bears
// too with what tells them apart; before md/11, html/12 and akn/11
// (before11) the items of the order of the day by their titles alone,
// since then with their numbers as the agenda gives them ("4. The
// attitude towards the Provisional Government").
func (s *Sitting) headLinesAs(l *i18n.Locale, before7, before8, before11 bool) []string {
	var out []string
	when := []string{l.T("minutes.sitting.date", sentence(l.DateText(s.Date)))}
	if s.Time != "" {
		when = append(when, l.T("minutes.sitting.time", sentence(s.Time)))
	}
	if s.Venue != "" {
		when = append(when, l.T("minutes.sitting.venue", sentence(s.Venue)))
	}
	out = append(out, strings.Join(when, " "))
	if s.Note != "" {
		// Beside the date: a date the editor inferred must not read as
		// one the source gives.
		out = append(out, l.T("minutes.sitting.note", sentence(s.Note)))
	}
	if s.Chair.Name != "" {
		chairs := s.Chair.Named(before8)
		for _, c := range s.ChairsAfter {
			chairs += l.T("minutes.sitting.then", c.Named(before8))
		}
		out = append(out, l.T("minutes.sitting.chair", chairs))
	}
	if len(s.Secretaries) > 0 {
		out = append(out, l.T("minutes.sitting.secretaries", len(s.Secretaries), joinNamed(s.Secretaries, before8)))
	}
	if len(s.JointWith) > 0 {
		out = append(out, l.T("minutes.sitting.joint", strings.Join(s.JointWith, ", ")))
	}
	if len(s.Guests) > 0 {
		out = append(out, l.T("minutes.sitting.guests", joinNamed(s.Guests, before8)))
	}
	if a := s.Attendance; a != nil && !before8 {
		key := "minutes.presence.opening"
		if !a.Opening {
			key = "minutes.presence.from_record"
		}
		out = append(out, l.T(key, l.Number(a.Present), l.Number(a.Members)))
	}
	if len(s.OrderOfDay) > 0 {
		var items []string
		for _, it := range s.OrderOfDay {
			if before11 {
				items = append(items, it.Title)
			} else {
				items = append(items, it.Heading())
			}
		}
		out = append(out, l.T("minutes.sitting.order_of_day", strings.Join(items, semicolon7(l, before7))))
	}
	return out
}

// Heading is an item's heading: "4. The attitude…".
func (it *Item) Heading() string {
	if it.Number != "" {
		return it.Number + ". " + it.Title
	}
	return it.Title
}

// ReportersLine is "Reporter: Stalin. Co-reporter: Voitinsky." or "".
func (it *Item) ReportersLine(l *i18n.Locale) string { return it.reportersLineAs(l, false) }

// reportersLineAs is ReportersLine, a name another person bears too with
// what tells them apart since md/8, html/9 and akn/8, the names alone
// before (before8).
func (it *Item) reportersLineAs(l *i18n.Locale, before8 bool) string {
	var parts []string
	if len(it.Reporters) > 0 {
		parts = append(parts, l.T("minutes.item.reporters", len(it.Reporters), joinNamed(it.Reporters, before8)))
	}
	if len(it.CoReporters) > 0 {
		parts = append(parts, l.T("minutes.item.co_reporters", len(it.CoReporters), joinNamed(it.CoReporters, before8)))
	}
	return strings.Join(parts, " ")
}

// ClosingLine is "The sitting is closed." with its time if stated. A
// sitting with no close in the record says only that: whether it is still
// sitting or its close was not preserved, the record does not show a close.
func (s *Sitting) ClosingLine(l *i18n.Locale) string { return s.closingLine(l, false) }

// closingLine is ClosingLine, or as the renderers before md/6, html/7 and
// akn/6 wrote it, which gave a time ending in a full stop a second one
// ("Time: 3:30 a.m..").
func (s *Sitting) closingLine(l *i18n.Locale, asBefore bool) string {
	if !s.Closed {
		return l.T("minutes.sitting.no_close")
	}
	if s.ClosingTime != "" {
		return l.T("minutes.sitting.closed_at", timeAs(s.ClosingTime, asBefore))
	}
	return l.T("minutes.sitting.closed")
}

// timeAs is a time as the source states it, to stand before the full
// stop the minutes' words put after it: for md/6, html/7 and akn/6 a
// time that ends in one ("3:30 a.m.") without it, so that it gets no
// second.
func timeAs(t string, asBefore bool) string {
	if asBefore {
		return t
	}
	return strings.TrimSuffix(t, ".")
}

func (w *mdWriter) sitting(s *Sitting) {
	w.para("## " + md(s.Heading(w.l)))
	for _, l := range s.headLinesAs(w.l, w.before7, w.before8, w.before11) {
		w.para(md(l))
	}
	for i := range s.Parts {
		part := &s.Parts[i]
		lead, rest := part.lead()
		for j := range lead {
			w.paragraph(&lead[j])
		}
		if part.Item != nil {
			w.para("### " + md(part.Item.Heading()))
			if l := part.Item.reportersLineAs(w.l, w.before8); l != "" {
				w.para(md(l))
			}
		}
		for j := range rest {
			w.paragraph(&rest[j])
		}
	}
	w.para("*" + md(s.closingLine(w.l, w.asBefore)) + "*")
}

func (w *mdWriter) points(ps []Point, text string) {
	if text != "" {
		for _, l := range strings.Split(text, "\n") {
			if strings.TrimSpace(l) == "" {
				continue
			}
			w.line("> " + md(l))
			w.line(">")
		}
	}
	for _, p := range ps {
		n := ""
		if p.Number != "" {
			n = p.Number + ") "
		}
		w.line("> " + md(n+p.Text))
		w.line(">")
	}
	if text != "" || len(ps) > 0 {
		w.buf.Truncate(w.buf.Len() - 2) // the last ">" line
		w.blank()
	}
}

func (w *mdWriter) paragraph(p *Paragraph) {
	if p.Only7 && w.before7 || p.Only8 && w.before8 {
		return // given since md/7, html/8, akn/7 (Only7) or md/8, html/9, akn/8 (Only8)
	}
	l := w.l
	corrected := ""
	if p.LaterNoted() {
		corrected = " " + md(correctedNote(l, p))
	}
	switch p.Kind {
	case KindSpeech:
		w.para("**" + md(elide7(l, w.before7, p.speakerTextAs(l, w.before8))) + speakerColon(l, w.before7) + "** " + md(p.Text) + corrected)
	case KindInterjection:
		w.para("*" + md(elide7(l, w.before7, interjectionTextAs(l, p, w.before8))) + "*" + corrected)
	case KindNarrative:
		t := elide7(l, w.before7, p.narrativeAs(w.asBefore, w.before7, w.before8, w.before9, w.before11))
		if p.Time != "" {
			t = l.T("minutes.time_lead", timeAs(p.Time, w.asBefore)) + t
		}
		w.para(md(t) + corrected)
	case KindDocument:
		w.para("**" + md(documentLeadAs(l, p, w.before8, w.before10, w.before11)) + "**" + corrected)
		if p.Provenance != "" {
			w.para("*" + md(sentence(p.Provenance)) + "*")
		}
		w.points(p.Points, p.Text)
	case KindMotion:
		w.para("**" + md(p.Motion.leadAs(l, AsIs, w.before8)) + "**" + corrected)
		if !w.paper(p.Motion) {
			w.points(p.Motion.Points, p.Motion.Text)
		}
	case KindQuestion:
		w.para(md(questionText(l, p.Vote, w.asBefore, w.before8)) + corrected)
	case KindVote:
		w.para(md(voteLine(l, p.Vote, w.before8)) + corrected)
		for _, t := range p.Vote.ballotsParagraphs(l, w.asBefore, w.before8, w.before9) {
			w.para(md(t))
		}
		if t := resultNote(l, p.Vote, w.asBefore, w.before7, w.before8); t != "" {
			w.para("*" + md(t) + "*")
		}
		w.resolution(p.Vote.Resolution)
		if t := p.Vote.Unapplied; t != "" && !w.before7 {
			w.para("*" + md(t) + "*")
		}
	case KindElection:
		w.para("**" + md(sentence(l.T("minutes.election.lead", p.Election.Title))) + "** " + md(p.Election.electedTextAs(l, w.before8, w.before11)) + corrected)
		if t := electionNote(l, p.Election, w.asBefore, w.before8, w.before11); t != "" {
			w.para("*" + md(t) + "*")
		}
		if !w.asBefore {
			for _, t := range []string{p.Election.listsTextAs(l, w.before8), p.Election.ballotsText(l, w.before8)} {
				if t != "" {
					w.para(md(t))
				}
			}
		}
	case KindGap:
		w.para("*" + md(GapText(l, p)) + "*")
	case KindCorrection:
		w.para("**" + md(elide7(l, w.before7, correctionLead(l, p, w.before9, w.before10))) + "** " + md(CorrectionText(l, p)))
		if p.OnCount {
			w.para("**" + md(CountStands(l)) + "**")
		}
		w.para("*" + md(reasonNote(l, p.Reason, w.asBefore)) + "*")
	case KindStrike:
		w.para("**" + md(strikeLead(l, p, w.before9, w.before10)) + "** *" + md(reasonNote(l, p.Reason, w.asBefore)) + "*")
	}
}

// InterjectionText is "(Applause.)" or "(Shouts: …)".
func InterjectionText(l *i18n.Locale, p *Paragraph) string { return interjectionTextAs(l, p, false) }

// interjectionTextAs is InterjectionText, the name of who interjected
// that another person bears too with what tells them apart since md/8,
// html/9 and akn/8, the name alone before (before8).
func interjectionTextAs(l *i18n.Locale, p *Paragraph, before8 bool) string {
	kind := capitalize(interjectionWord(l, p.Sub))
	who := p.Speaker.Named(before8)
	if strings.EqualFold(who, p.Sub) {
		who = "" // labelled with its own kind: "VOICE"
	}
	if p.Sub == "voice" {
		kind = l.T("minutes.interjection.a_voice")
		if who != "" {
			kind, who = who, ""
		}
	}
	if who != "" {
		kind = l.T("minutes.interjection.from", kind, who)
	}
	if p.Text != "" {
		return "(" + kind + ": " + sentence(p.Text) + ")"
	}
	return "(" + kind + ".)"
}

// DocumentLead introduces a document read into the record.
func DocumentLead(l *i18n.Locale, p *Paragraph) string {
	return documentLeadAs(l, p, false, false, false)
}

// documentLeadAs is DocumentLead with who read the document and who
// adopted it parted as the language sets it (French "lu par … ; adopté
// par : …") since md/8, html/9 and akn/8, or, as the renderers before
// wrote it (before8), by "; ". Since md/10, html/11 and akn/10 (not
// before10) who adopted it is not said where the title names them
// already: "Resolution of the Moscow District Committee", not
// "Resolution of the Moscow District Committee (adopted by the Moscow
// District Committee)".
//
// Since md/11, html/12 and akn/11 (not before11) the lead is a heading
// that ends as the title does, whether or not who read the document or
// adopted it follows in brackets: the renderers before closed a title
// with nothing after it with a full stop ("Resolution of the Krasnoyarsk
// Soviet.") and left one with brackets open ("… (read by Stalin)").
func documentLeadAs(l *i18n.Locale, p *Paragraph, before8, before10, before11 bool) string {
	t := p.Title
	var by []string
	if p.Speaker.Name != "" {
		by = append(by, l.T("minutes.document.read_by", p.Speaker.Named(before8)))
	}
	if p.Origin != "" && (before10 || !namesAlready(p.Title, p.Origin)) {
		origin := p.Origin
		if l.Lang() == "en" {
			origin = bodyName(origin)
		}
		by = append(by, l.T("minutes.document.adopted_by", origin))
	}
	if len(by) > 0 {
		t += " (" + strings.Join(by, semicolon7(l, before8)) + ")"
	}
	if !before11 {
		return capitalize(strings.TrimSpace(t))
	}
	return sentence(t)
}

// namesAlready reports whether a title names who adopted the document
// (its origin, as the record writes it, an initial "The" aside), without
// regard to case.
func namesAlready(title, origin string) bool {
	o := strings.ToLower(strings.TrimSpace(origin))
	o = strings.TrimPrefix(o, "the ")
	return o != "" && strings.Contains(strings.ToLower(title), o)
}

// bodyName puts "the" before the name of a body ("Bureau of the Central
// Committee" → "the Bureau of the Central Committee") and lower-cases an
// initial "The"; other names (a person's) stay as they are.
func bodyName(s string) string {
	if strings.HasPrefix(s, "The ") {
		return "the " + s[4:]
	}
	if strings.HasPrefix(s, "the ") {
		return s
	}
	for _, w := range []string{"Committee", "Soviet", "Bureau", "Conference", "Board", "Praesidium", "Presidium", "Commission", "Section", "Assembly", "Council", "Congress", "Executive", "Meeting"} {
		if strings.Contains(s, w) {
			return "the " + s
		}
	}
	return s
}

// QuestionText is "Put to the vote, by show of hands: …".
func QuestionText(l *i18n.Locale, v *Vote) string { return questionText(l, v, false, false) }

// questionText is QuestionText, or as the renderers before md/6, html/7
// and akn/6 wrote it, which took a question ending in a bracket or a
// quotation mark for a closed sentence ("… Sevruk (point 2) Present and
// entitled to vote: …"), or before md/8, html/9 and akn/8 (before8)
// without saying that the rules fix the majority for the item.
func questionText(l *i18n.Locale, v *Vote, asBefore, before8 bool) string {
	t := l.T("minutes.vote.put", MethodText(l, v.Method), v.Question)
	t = sentenceAs(t, asBefore)
	if v.EligibleNote != "" {
		t += " " + sentenceAs(l.T("minutes.vote.voting", v.EligibleNote), asBefore)
	}
	switch {
	case v.Departure != "":
		needed := sentence(l.T("minutes.vote.needed_departing", v.Threshold, v.RuleThreshold, v.Departure))
		if !strings.HasSuffix(needed, ".") && !strings.HasSuffix(needed, "!") && !strings.HasSuffix(needed, "?") {
			needed += "." // the ruling may end in a bracket or a quotation
		}
		t += " " + needed
	case v.Threshold != "" && v.ItemRule && !before8:
		t += " " + sentence(l.T("minutes.vote.needed_item", v.Threshold))
	case v.Threshold != "" && v.ThresholdID != string(assembly.MajorityCast):
		t += " " + sentenceAs(l.T("minutes.vote.needed", v.Threshold), asBefore)
	}
	if a := v.AttendanceText(l); a != "" {
		t += " " + a
	}
	return t
}

// VoteLine is the counts and the outcome: "(For – 38; against – 26.) Carried."
// A result that does not follow its own question names it first:
// "Result of the vote on “A”: (For – 1; against – 2.) Defeated."
func VoteLine(l *i18n.Locale, v *Vote) string { return voteLine(l, v, false) }

// voteLine is VoteLine, or as md/7, html/8 and akn/7 wrote it (before8:
// the outcome in the form of before, outcomeText).
func voteLine(l *i18n.Locale, v *Vote, before8 bool) string {
	var parts []string
	if v.Apart {
		parts = append(parts, l.T("minutes.vote.result_of", l.T("minutes.quote", v.Question)))
	}
	if v.Counts8 != "" && !before8 {
		parts = append(parts, v.Counts8)
	} else if v.Counts != "" {
		parts = append(parts, v.Counts)
	}
	if o := v.outcomeText(l, before8); o != "" {
		parts = append(parts, o)
	}
	return strings.Join(parts, " ")
}

// ResultNote is the arithmetic of the result and the chair's note:
// "Result: the majority against [worked out by plenum: defeated]. The
// majority is against discussion."
func ResultNote(l *i18n.Locale, v *Vote) string { return resultNote(l, v, false, false, false) }

// resultNote is ResultNote, or as the renderers before md/6, html/7 and
// akn/6 wrote it ("Result: The majority against …"), or before md/7,
// html/8 and akn/7 (before7) with the French outcome agreeing with "la
// motion" ("; adoptée") beside the vote's "Adopté.", or before md/8,
// html/9 and akn/8 (before8) with it so where the chair declared a
// result without a count ("proclamé : adoptée") or plenum worked it out
// ("[établi par plenum : … ; adoptée]").
func resultNote(l *i18n.Locale, v *Vote, asBefore, before7, before8 bool) string {
	var parts []string
	if v.Arithmetic != "" && v.OutcomeID != assembly.MotionStatusNotRecorded {
		// No arithmetic for a result not recorded: the outcome says it.
		arith := v.Arithmetic
		if !asBefore && v.ArithmeticNow != "" {
			arith = v.ArithmeticNow
		}
		if !before8 && v.Arithmetic8 != "" {
			arith = v.Arithmetic8
		}
		arith = afterColon(arith, asBefore)
		if !before7 {
			arith = neutralOutcome(l, arith, before8)
		}
		if !asBefore && !strings.HasSuffix(arith, ".") {
			// plenum's words end in a quoted title ("taken as the basis:
			// “A”"), which ends no sentence: the full stop follows it.
			arith += "."
		}
		parts = append(parts, l.T("minutes.vote.result", arith))
	}
	for _, r := range v.Rounds {
		if r.Note != "" {
			parts = append(parts, sentence(r.Note))
		}
		if len(r.Tellers) > 0 {
			parts = append(parts, l.T("minutes.vote.tellers", joinNamed(r.Tellers, before8)))
		}
	}
	if v.Note != "" {
		parts = append(parts, sentence(v.Note))
	}
	return strings.Join(dedupe(parts), " ")
}

func dedupe(xs []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range xs {
		if !seen[x] {
			out, seen[x] = append(out, x), true
		}
	}
	return out
}

// ElectionNote is an election's method, arithmetic and note. An election
// declared as stated has no arithmetic but the names, which ElectedText
// already gives: they are not repeated.
func ElectionNote(l *i18n.Locale, e *Election) string { return electionNote(l, e, false, false, false) }

// electionNote is ElectionNote, or as the renderers before md/6, html/7
// and akn/6 wrote it (the instruction capitalised), or before md/8,
// html/9 and akn/8 (before8: the arithmetic without Arithmetic8).
func electionNote(l *i18n.Locale, e *Election, asBefore, before8, before11 bool) string {
	var parts []string
	if e.Secret {
		parts = append(parts, l.T("minutes.election.secret"))
	}
	arith := e.Arithmetic
	if e.Arithmetic8 != "" && !before8 {
		arith = e.Arithmetic8
	}
	if e.Arithmetic11 != "" && !before11 {
		arith = e.Arithmetic11
	}
	if arith != "" && !strings.HasPrefix(strings.ToLower(arith), "elected as stated:") {
		parts = append(parts, sentence(arith))
	}
	if e.Instruction != "" {
		parts = append(parts, l.T("minutes.election.instruction", afterColon(e.Instruction, asBefore)))
	}
	if e.Note != "" {
		parts = append(parts, sentence(e.Note))
	}
	return strings.Join(parts, " ")
}

// ReasonNote is the reason of a correction or a strike, as the secretary
// typed it: "Reason: typo.", "Reason: Dev Patel says he meant to vote for."
func ReasonNote(l *i18n.Locale, reason string) string { return reasonNote(l, reason, false) }

// reasonNote is ReasonNote, or as the renderers before md/6, html/7 and
// akn/6 wrote it, capitalised ("Reason: Typo.").
func reasonNote(l *i18n.Locale, reason string, asBefore bool) string {
	return l.T("minutes.correction.reason", afterColon(reason, asBefore))
}

// GapText is "[Gap in the record, FROM – TO: reason]".
func GapText(l *i18n.Locale, p *Paragraph) string {
	t := l.T("minutes.gap")
	if p.Time != "" {
		t += ", " + p.Time
	}
	return "[" + t + ": " + strings.TrimSuffix(p.Text, ".") + ".]"
}

// CorrectionLead introduces a correction, naming the entry once and who
// recorded the correction: "Correction of the notes of the speech of Ivy
// Chen (entry 97), recorded by Ben Larsen:", "Correction of entry 55 of
// the log, recorded by Ben Larsen:". A name another person bears too is
// told apart: "recorded by Вера Иванов (No. M00105)".
//
// A correction of an entry of a count (OnCount), which a log written
// before plenum refused them may hold, is introduced as a note: "A note on
// the result of the vote “…” (entry 120), recorded by Ben Larsen:".
func CorrectionLead(l *i18n.Locale, p *Paragraph) string { return correctionLead(l, p, false, false) }

// correctionLead is CorrectionLead, or as md/8, html/9 and akn/8 wrote
// it (before9), the names another bears too not told apart.
func correctionLead(l *i18n.Locale, p *Paragraph, before9, before10 bool) string {
	keys := correctionLeads
	if p.OnCount {
		keys = countNoteLeads
	}
	entry := strconv.Itoa(p.Corrects)
	original, by := p.originalAs(before9), p.By.Named(before9)
	var t string
	switch {
	case p.OriginalIsEntry && p.By.Name != "":
		t = l.T(keys.entryBy, original, by)
	case p.OriginalIsEntry:
		t = l.T(keys.entry, original)
	case p.By.Name != "":
		t = l.T(keys.by, original, entry, by)
	default:
		t = l.T(keys.plain, original, entry)
	}
	return p.dated(l, t, "minutes.correction.on", "minutes.correction.after_close", before9, before10)
}

// dated is a correction's or a strike's lead with the day it was recorded
// before its closing colon or full stop, where it was recorded on another
// day than its sitting's date (Recorded): "…, recorded by Ben Larsen, on
// 2026-12-07:"; or, given under "Notes on the record" (Noted), where it
// was recorded after its sitting closed: "…, recorded by Ben Larsen,
// after its sitting closed, on 2026-05-09:", else ", on 2026-05-09".
// md/8, html/9 and akn/8 (before9) gave no day, md/9, html/10 and akn/9
// (before10) none under "Notes on the record".
func (p *Paragraph) dated(l *i18n.Locale, lead, on, afterClose string, before9, before10 bool) string {
	var clause string
	switch {
	case !p.Noted.IsZero() && !before10 && p.AfterClose:
		clause = l.T(afterClose, l.Date(p.Noted))
	case !p.Noted.IsZero() && !before10:
		clause = l.T(on, l.Date(p.Noted))
	case !p.Recorded.IsZero() && !before9:
		clause = l.T(on, l.Date(p.Recorded))
	default:
		return lead
	}
	end := ""
	for _, e := range []string{" :", ":", "."} {
		if strings.HasSuffix(lead, e) {
			end = e
			break
		}
	}
	return strings.TrimSuffix(lead, end) + clause + end
}

// originalAs is what a correction or a strike is of (Original), or as
// md/8, html/9 and akn/8 said it (before9: Original8, if other).
func (p *Paragraph) originalAs(before9 bool) string {
	if before9 && p.Original8 != "" {
		return p.Original8
	}
	return p.Original
}

// leadKeys are the catalog's four leads of a correction or of a note: the
// entry described and its number, the same with who recorded it, the
// entry that has no description but its number, and the same with who
// recorded it.
type leadKeys struct{ plain, by, entry, entryBy string }

var (
	correctionLeads = leadKeys{"minutes.correction.lead", "minutes.correction.lead_by", "minutes.correction.lead_entry", "minutes.correction.lead_entry_by"}
	countNoteLeads  = leadKeys{"minutes.count_note.lead", "minutes.count_note.lead_by", "minutes.count_note.lead_entry", "minutes.count_note.lead_entry_by"}
)

// CorrectionText is what a correction says: its text as the secretary
// wrote it, and for a note on a count the secretary's words in quotation
// marks, so that they read as what someone said of the count, not as the
// minutes' own statement of it.
func CorrectionText(l *i18n.Locale, p *Paragraph) string {
	if p.OnCount {
		return l.T("minutes.quote", isolate(p.Text))
	}
	return p.Text
}

// CountStands is what the minutes say after a note on a count: that it
// changes nothing of the vote.
func CountStands(l *i18n.Locale) string { return l.T("minutes.count_note.stands") }

// correctionLink is the words of the link from a correction to the entry
// it corrects, or from a note to the entry of a count it is on.
func correctionLink(l *i18n.Locale, p *Paragraph) string {
	if p.OnCount {
		return l.T("minutes.count_note.link")
	}
	return l.T("minutes.correction.link")
}

// correctedNote is the mark after a paragraph corrected later, or after
// an entry of a count that notes follow.
func correctedNote(l *i18n.Locale, p *Paragraph) string {
	var notes []string
	if len(p.CorrectedBy) > 0 {
		var es []string
		for _, e := range p.CorrectedBy {
			es = append(es, fmt.Sprint(e))
		}
		key := "minutes.correction.later"
		if p.CountNoted {
			key = "minutes.count_note.later"
		}
		notes = append(notes, l.T(key, len(es), strings.Join(es, ", ")))
	}
	if p.StruckBy > 0 {
		notes = append(notes, l.T("minutes.strike.later", strconv.Itoa(p.StruckBy)))
	}
	return "[" + strings.Join(notes, " ") + "]"
}

// LaterNoted reports whether a paragraph carries the mark of what came
// later: a correction, a note on a count, or its striking out.
func (p *Paragraph) LaterNoted() bool { return len(p.CorrectedBy) > 0 || p.StruckBy > 0 }

// laterEntry is the first later entry the mark points to.
func (p *Paragraph) laterEntry() int {
	if len(p.CorrectedBy) > 0 {
		return p.CorrectedBy[0]
	}
	return p.StruckBy
}

// StrikeLead is how the minutes introduce a strike: what was struck out,
// its entry, and who struck it out (a name another bears too told apart).
func StrikeLead(l *i18n.Locale, p *Paragraph) string { return strikeLead(l, p, false, false) }

// strikeLead is StrikeLead, or as md/8, html/9 and akn/8 wrote it
// (before9), the names another bears too not told apart.
func strikeLead(l *i18n.Locale, p *Paragraph, before9, before10 bool) string {
	entry := strconv.Itoa(p.Corrects)
	original, by := p.originalAs(before9), p.By.Named(before9)
	var t string
	switch {
	case p.OriginalIsEntry && p.By.Name != "":
		t = l.T("minutes.strike.lead_entry_by", original, by)
	case p.OriginalIsEntry:
		t = l.T("minutes.strike.lead_entry", original)
	case p.By.Name != "":
		t = l.T("minutes.strike.lead_by", original, entry, by)
	default:
		t = l.T("minutes.strike.lead", original, entry)
	}
	return p.dated(l, t, "minutes.strike.on", "minutes.strike.after_close", before9, before10)
}

// md escapes text for CommonMark so that it reads as the same text and
// makes no block of its own where it starts a line (mdWriter.line leaves
// out the spaces and tabs before it there): a carriage return is a line
// ending in CommonMark, as a line feed is, so both become spaces (one
// paragraph a line); an "&" that begins a character reference ("&amp;",
// "&#42;") would show the character it names rather than the reference
// the record holds, and a "~" next to another a fence (~~~) that swallows
// the rest of the document or, in GitHub's Markdown, struck-out text. A
// lone "&" or "~" is left as it is: a document rendered before those were
// escaped still verifies where its text has only such.
func md(s string) string {
	start := len(s) - len(strings.TrimLeft(s, " \t"))
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|':
			b.WriteByte('\\')
		case '&':
			if charRef.MatchString(s[i:]) {
				b.WriteByte('\\')
			}
		case '~':
			if strings.HasPrefix(s[i+1:], "~") || i > 0 && s[i-1] == '~' {
				b.WriteByte('\\')
			}
		case '#', '+', '-', '=':
			if i == start {
				b.WriteByte('\\')
			}
		case '\n', '\r':
			b.WriteByte(' ')
			continue
		}
		b.WriteRune(r)
	}
	out := b.String()
	// "1) " or "1. " at the start would begin a list.
	j := start
	for j < len(out) && out[j] >= '0' && out[j] <= '9' {
		j++
	}
	if j > start && j < len(out) && (out[j] == ')' || out[j] == '.') {
		out = out[:j] + "\\" + out[j:]
	}
	return out
}

// charRef matches text that begins with a CommonMark character
// reference: an entity ("&amp;") or a decimal or hexadecimal one.
var charRef = regexp.MustCompile(`^&(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});`)

// interjectionWord is the kind of an interjection in the locale's words:
// "applause", "shouts", "commotion"; a kind the catalog does not know is
// the record's own word.
func interjectionWord(l *i18n.Locale, sub string) string {
	switch sub {
	case "applause", "shouts", "laughter", "commotion", "interruption":
		return l.T("minutes.interjection." + sub)
	}
	return sub
}

// frenchOutcomes are the outcomes the French arithmetic of a vote ends in
// (minutes.status.*, which agree with "la motion" in the motion book),
// and the invariable form the minutes give the vote's result ("Adopté.",
// "Rejeté."): a vote decides a motion, an amendment or a question, of
// either gender, and the result line now agrees with the outcome above
// it rather than with a noun it does not name.
var frenchOutcomes = [][2]string{{" ; adoptée", " ; adopté"}, {" ; rejetée", " ; rejeté"}}

// neutralOutcome is arith, a vote's arithmetic in l's language, with a
// French outcome standing alone at its end ("; adoptée", not "la
// déclare adoptée", which agrees with the motion it names) in the
// invariable form (frenchOutcomes); since md/8, html/9 and akn/8 (unless
// before8) the outcome the chair declared without a count too ("0
// exprimé ; proclamé adopté", "proclamé : adopté") and the one plenum
// worked out ("[établi par plenum : … ; adopté]"), which md/7 left
// agreeing with the motion beside the vote's "Adopté.".
func neutralOutcome(l *i18n.Locale, arith string, before8 bool) string {
	if l.Lang() != "fr" {
		return arith
	}
	for _, o := range frenchOutcomes {
		forms := [][2]string{o}
		if !before8 {
			w, inv := strings.TrimPrefix(o[0], " ; "), strings.TrimPrefix(o[1], " ; ")
			forms = append(forms, [2]string{" proclamé " + w, " proclamé " + inv}, [2]string{" proclamé : " + w, " proclamé : " + inv}, [2]string{o[0] + "]", o[1] + "]"})
		}
		for _, f := range forms {
			if t, ok := strings.CutSuffix(arith, f[0]); ok {
				return t + f[1]
			}
			if t, ok := strings.CutSuffix(arith, f[0]+"."); ok {
				return t + f[1] + "."
			}
		}
	}
	return arith
}
