package minutes

import (
	"bytes"
	"fmt"
	"strings"

	"plenum/assembly"
)

// Markdown renders the minutes as CommonMark: one paragraph a line, so
// that a changed word is a changed line.
func Markdown(d *Document) []byte {
	w := &mdWriter{}
	w.line("# " + md(d.Title))
	w.blank()
	var meta []string
	if t := d.Dates(); t != "" {
		meta = append(meta, md(t))
	}
	if len(d.Venues) > 0 {
		meta = append(meta, md(strings.Join(d.Venues, "; ")))
	}
	if len(meta) > 0 {
		w.para(strings.Join(meta, ". ") + ".")
	}
	if d.Description != "" {
		w.para(md(d.Description))
	}
	if d.HasParticipants() {
		w.para("## Organizations and delegates")
		n := 0
		for _, o := range d.Organizations {
			if len(o.Delegates) == 0 {
				continue
			}
			w.line("- " + md(orgLine(o)))
			n++
		}
		if n > 0 {
			w.blank()
		}
		if len(d.Personal) > 0 {
			w.para(md(PersonalLine(d.Personal)))
		}
		var noted []Organization
		for _, o := range d.Organizations {
			if len(o.Delegates) == 0 {
				noted = append(noted, o)
			}
		}
		if len(noted) > 0 {
			w.para("Organizations that took part but whose delegates did not register:")
			for _, o := range noted {
				w.line("- " + md(notedLine(o)))
			}
			w.blank()
		}
		for _, m := range d.Marks {
			w.para(md(m.Symbol + " " + m.Meaning))
		}
	}
	if len(d.Others) > 0 {
		w.para("## Leading bodies, factions and groups")
		for _, o := range d.Others {
			w.line("- **" + md(o.Name) + "**" + md(otherTail(o)))
		}
		w.blank()
	}
	if len(d.Preface) > 0 {
		w.para("## Notes on the record")
		for i := range d.Preface {
			w.paragraph(&d.Preface[i])
		}
	}
	for i := range d.Sittings {
		w.sitting(&d.Sittings[i])
	}
	w.checkpoint(d.Checkpoint)
	return w.buf.Bytes()
}

// orgLine is "1) Archangel: Maryan Verzhbitsky*, …".
func orgLine(o Organization) string {
	t := o.Name
	if o.Number != "" {
		t = o.Number + ") " + t
	}
	var ds []string
	for _, d := range o.Delegates {
		ds = append(ds, delegateText(d))
	}
	return t + ": " + strings.Join(ds, ", ") + paren(o.Note)
}

// HasParticipants reports whether the document lists organizations or
// delegates: the section "Organizations and delegates".
func (d *Document) HasParticipants() bool { return len(d.Organizations) > 0 || len(d.Personal) > 0 }

// PersonalLine lists the mandates held for no organization: "Participating
// personally: A (consultative vote), B*." with their notes: once after the
// list when they all share it, else with each.
func PersonalLine(ds []Delegate) string {
	common := personalNote(ds[0].Note)
	for _, d := range ds {
		if personalNote(d.Note) != common {
			common = ""
			break
		}
	}
	var names []string
	for _, d := range ds {
		if n := personalNote(d.Note); common == "" && n != "" {
			names = append(names, delegateText(d, strings.TrimSuffix(n, ".")))
		} else {
			names = append(names, delegateText(d))
		}
	}
	t := "Participating personally: " + strings.Join(names, ", ") + "."
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
func delegateText(d Delegate, extra ...string) string {
	t := d.Person.Name + strings.Join(d.Marks, "")
	var notes []string
	if k := KindText(d.Kind); k != "" {
		notes = append(notes, k)
	}
	switch d.Status {
	case "rejected":
		n := "mandate rejected"
		if d.Reason != "" {
			n += ": " + d.Reason
		}
		notes = append(notes, n)
	case "submitted":
		notes = append(notes, "mandate not yet verified")
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
func otherTail(o Organization) string {
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
			names = append(names, delegateText(d))
		}
	}
	t := paren(o.Note)
	if len(names) > 0 {
		t += ": " + strings.Join(names, ", ")
	}
	return t + "."
}

type mdWriter struct{ buf bytes.Buffer }

func (w *mdWriter) line(s string) { w.buf.WriteString(s); w.buf.WriteByte('\n') }
func (w *mdWriter) blank()        { w.buf.WriteByte('\n') }
func (w *mdWriter) para(s string) { w.line(s); w.blank() }

// Heading is a sitting's heading: its title, or "Sitting of DATE".
func (s *Sitting) Heading() string {
	if s.Title != "" {
		return s.Title
	}
	return "Sitting of " + s.Date
}

// HeadLines are the lines under a sitting's heading: date and time,
// the sitting's note, chair, secretaries, who else was present, the order of the day.
func (s *Sitting) HeadLines() []string {
	var out []string
	when := []string{"Date: " + sentence(s.Date)}
	if s.Time != "" {
		when = append(when, "Time: "+sentence(s.Time))
	}
	if s.Venue != "" {
		when = append(when, "Venue: "+sentence(s.Venue))
	}
	out = append(out, strings.Join(when, " "))
	if s.Note != "" {
		// Beside the date: a date the editor inferred must not read as
		// one the source gives.
		out = append(out, "Note: "+sentence(s.Note))
	}
	if s.Chair.Name != "" {
		out = append(out, "Chair: "+s.Chair.Name+".")
	}
	switch len(s.Secretaries) {
	case 0:
	case 1:
		out = append(out, "Secretary: "+joinNames(s.Secretaries)+".")
	default:
		out = append(out, "Secretaries: "+joinNames(s.Secretaries)+".")
	}
	if len(s.JointWith) > 0 {
		out = append(out, "Joint sitting with: "+strings.Join(s.JointWith, ", ")+".")
	}
	if len(s.Guests) > 0 {
		out = append(out, "Present besides: "+joinNames(s.Guests)+".")
	}
	if len(s.OrderOfDay) > 0 {
		var items []string
		for _, it := range s.OrderOfDay {
			items = append(items, it.Title)
		}
		out = append(out, "The order of the day: "+strings.Join(items, "; ")+".")
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
func (it *Item) ReportersLine() string {
	var parts []string
	if len(it.Reporters) == 1 {
		parts = append(parts, "Reporter: "+joinNames(it.Reporters)+".")
	} else if len(it.Reporters) > 1 {
		parts = append(parts, "Reporters: "+joinNames(it.Reporters)+".")
	}
	if len(it.CoReporters) == 1 {
		parts = append(parts, "Co-reporter: "+joinNames(it.CoReporters)+".")
	} else if len(it.CoReporters) > 1 {
		parts = append(parts, "Co-reporters: "+joinNames(it.CoReporters)+".")
	}
	return strings.Join(parts, " ")
}

// ClosingLine is "The sitting is closed." with its time if stated. A
// sitting with no close in the record says only that: whether it is still
// sitting or its close was not preserved, the record does not show a close.
func (s *Sitting) ClosingLine() string {
	if !s.Closed {
		return "No close of this sitting is recorded."
	}
	if s.ClosingTime != "" {
		return "The sitting is closed. Time: " + s.ClosingTime + "."
	}
	return "The sitting is closed."
}

func (w *mdWriter) sitting(s *Sitting) {
	w.para("## " + md(s.Heading()))
	for _, l := range s.HeadLines() {
		w.para(md(l))
	}
	for i := range s.Parts {
		part := &s.Parts[i]
		if part.Item != nil {
			w.para("### " + md(part.Item.Heading()))
			if l := part.Item.ReportersLine(); l != "" {
				w.para(md(l))
			}
		}
		for j := range part.Paragraphs {
			w.paragraph(&part.Paragraphs[j])
		}
	}
	w.para("*" + md(s.ClosingLine()) + "*")
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
	corrected := ""
	if len(p.CorrectedBy) > 0 {
		corrected = " " + md(correctedNote(p.CorrectedBy))
	}
	switch p.Kind {
	case KindSpeech:
		w.para("**" + md(p.SpeakerText()) + ":** " + md(p.Text) + corrected)
	case KindInterjection:
		w.para("*" + md(InterjectionText(p)) + "*" + corrected)
	case KindNarrative:
		t := p.Text
		if p.Time != "" {
			t = "Time: " + p.Time + ". " + t
		}
		w.para(md(t) + corrected)
	case KindDocument:
		w.para("**" + md(DocumentLead(p)) + "**" + corrected)
		if p.Provenance != "" {
			w.para("*" + md(sentence(p.Provenance)) + "*")
		}
		w.points(p.Points, p.Text)
	case KindMotion:
		w.para("**" + md(p.Motion.Lead()) + "**" + corrected)
		if !w.paper(p.Motion) {
			w.points(p.Motion.Points, p.Motion.Text)
		}
	case KindQuestion:
		w.para(md(QuestionText(p.Vote)) + corrected)
	case KindVote:
		w.para(md(VoteLine(p.Vote)) + corrected)
		if t := p.Vote.BallotsText(); t != "" {
			w.para(md(t))
		}
		if t := ResultNote(p.Vote); t != "" {
			w.para("*" + md(t) + "*")
		}
		w.resolution(p.Vote.Resolution)
	case KindElection:
		w.para("**" + md(sentence("Election: "+p.Election.Title)) + "** " + md(p.Election.ElectedText()) + corrected)
		if t := ElectionNote(p.Election); t != "" {
			w.para("*" + md(t) + "*")
		}
	case KindGap:
		w.para("*" + md(GapText(p)) + "*")
	case KindCorrection:
		w.para("**" + md(CorrectionLead(p)) + "** " + md(p.Text))
		w.para("*" + md("Reason: "+sentence(p.Reason)) + "*")
	}
}

// InterjectionText is "(Applause.)" or "(Shouts: …)".
func InterjectionText(p *Paragraph) string {
	kind := capitalize(p.Sub)
	who := p.Speaker.Name
	if strings.EqualFold(who, p.Sub) {
		who = "" // labelled with its own kind: "VOICE"
	}
	if p.Sub == "voice" {
		kind = "A voice"
		if who != "" {
			kind, who = who, ""
		}
	}
	if who != "" {
		kind += " from " + who
	}
	if p.Text != "" {
		return "(" + kind + ": " + sentence(p.Text) + ")"
	}
	return "(" + kind + ".)"
}

// DocumentLead introduces a document read into the record.
func DocumentLead(p *Paragraph) string {
	t := p.Title
	var by []string
	if p.Speaker.Name != "" {
		by = append(by, "read by "+p.Speaker.Name)
	}
	if p.Origin != "" {
		by = append(by, "adopted by "+bodyName(p.Origin))
	}
	if len(by) > 0 {
		t += " (" + strings.Join(by, "; ") + ")"
	}
	return sentence(t)
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
func QuestionText(v *Vote) string {
	t := "Put to the vote " + MethodText(v.Method) + ": " + v.Question
	t = sentence(t)
	if v.EligibleNote != "" {
		t += " " + sentence("Voting: "+v.EligibleNote)
	}
	switch {
	case v.Departure != "":
		needed := sentence("Needed: " + v.Threshold + ", departing from the rules, which fix " + v.RuleThreshold + ", " + v.Departure)
		if !strings.HasSuffix(needed, ".") && !strings.HasSuffix(needed, "!") && !strings.HasSuffix(needed, "?") {
			needed += "." // the ruling may end in a bracket or a quotation
		}
		t += " " + needed
	case v.Threshold != "" && v.Threshold != assembly.MajorityCast.Describe():
		t += " " + sentence("Needed: "+v.Threshold)
	}
	if a := v.AttendanceText(); a != "" {
		t += " " + a
	}
	return t
}

// VoteLine is the counts and the outcome: "(For – 38; against – 26.) Carried."
func VoteLine(v *Vote) string {
	var parts []string
	if v.Counts != "" {
		parts = append(parts, v.Counts)
	}
	if o := v.OutcomeText(); o != "" {
		parts = append(parts, o)
	}
	return strings.Join(parts, " ")
}

// ResultNote is the arithmetic of the result and the chair's note.
func ResultNote(v *Vote) string {
	var parts []string
	if v.Arithmetic != "" && v.OutcomeID != assembly.MotionStatusNotRecorded {
		// No arithmetic for a result not recorded: the outcome says it.
		parts = append(parts, "Result: "+sentence(v.Arithmetic))
	}
	for _, r := range v.Rounds {
		if r.Note != "" {
			parts = append(parts, sentence(r.Note))
		}
		if len(r.Tellers) > 0 {
			parts = append(parts, "Tellers: "+joinNames(r.Tellers)+".")
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
func ElectionNote(e *Election) string {
	var parts []string
	if e.Arithmetic != "" && !strings.HasPrefix(strings.ToLower(e.Arithmetic), "elected as stated:") {
		parts = append(parts, sentence(e.Arithmetic))
	}
	if e.Instruction != "" {
		parts = append(parts, "Instruction: "+sentence(e.Instruction))
	}
	if e.Note != "" {
		parts = append(parts, sentence(e.Note))
	}
	return strings.Join(parts, " ")
}

// GapText is "[Gap in the record, FROM – TO: reason]".
func GapText(p *Paragraph) string {
	t := "[Gap in the record"
	if p.Time != "" {
		t += ", " + p.Time
	}
	return t + ": " + strings.TrimSuffix(p.Text, ".") + ".]"
}

// CorrectionLead introduces a correction: "Correction of … (entry 57):".
func CorrectionLead(p *Paragraph) string {
	return fmt.Sprintf("Correction of %s (entry %d):", p.Original, p.Corrects)
}

func correctedNote(by []int) string {
	var es []string
	for _, e := range by {
		es = append(es, fmt.Sprint(e))
	}
	if len(es) == 1 {
		return "[Corrected later: see the correction, entry " + es[0] + ".]"
	}
	return "[Corrected later: see the corrections, entries " + strings.Join(es, ", ") + ".]"
}

// md escapes text for CommonMark so that it reads as the same text.
func md(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|':
			b.WriteByte('\\')
		case '#', '+', '-', '=':
			if i == 0 {
				b.WriteByte('\\')
			}
		case '\n':
			b.WriteByte(' ')
			continue
		}
		b.WriteRune(r)
	}
	out := b.String()
	// "1) " or "1. " at the start would begin a list.
	j := 0
	for j < len(out) && out[j] >= '0' && out[j] <= '9' {
		j++
	}
	if j > 0 && j < len(out) && (out[j] == ')' || out[j] == '.') {
		out = out[:j] + "\\" + out[j:]
	}
	return out
}
