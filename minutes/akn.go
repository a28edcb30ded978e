package minutes

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"plenum/i18n"
)

// AKNNS is the namespace of Akoma Ntoso 3.0.
const AKNNS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

// aknVersion is the version of the Akoma Ntoso renderer, stated in the
// documents it renders ("akn/1"): bump it whenever the bytes of the Akoma
// Ntoso for the same log change (see version.go), and regenerate the
// golden files with go test ./minutes -update.
const aknVersion = 11

// AKN renders the minutes as an Akoma Ntoso 3.0 <debate>: FRBR metadata,
// the votes in the analysis, every person as a TLCPerson, a debateSection
// per sitting and per item, speeches by reference to their speakers, and
// the checkpoint in <proprietary source="#plenum">.
func AKN(d *Document) []byte {
	l := d.locale()
	w := &aknWriter{d: d, l: l, labels: map[string]string{}, asBefore: d.asBefore(FormatAKN), before7: d.before7(FormatAKN), before8: d.before8(FormatAKN), before9: d.before9(FormatAKN), before10: d.before10(FormatAKN), before11: d.before11(FormatAKN)}
	w.collectLabels()
	c := d.Checkpoint
	work := "/akn/xx/debaterecord/" + aknName(d.ID) + "/" + w.workDate()
	expr := work + "/" + aknLang(l.Lang()) + "@" + strconv.FormatInt(c.Size, 10)
	w.line(`<?xml version="1.0" encoding="UTF-8"?>`)
	w.line(`<akomaNtoso xmlns="` + AKNNS + `">`)
	w.line(`<debate name="minutes">`)
	w.line("<meta>")
	w.line(`<identification source="#plenum">`)
	w.line("<FRBRWork>")
	w.line(`<FRBRthis value="` + x(work+"/!main") + `"/>`)
	w.line(`<FRBRuri value="` + x(work) + `"/>`)
	w.line(`<FRBRdate date="` + w.workDate() + `" name="assembly"/>`)
	w.line(`<FRBRauthor href="#assembly" as="#author"/>`)
	w.line(`<FRBRcountry value="xx"/>`)
	w.line("</FRBRWork>")
	w.line("<FRBRExpression>")
	w.line(`<FRBRthis value="` + x(expr+"/!main") + `"/>`)
	w.line(`<FRBRuri value="` + x(expr) + `"/>`)
	w.line(`<FRBRdate date="` + w.exprDate() + `" name="checkpoint"/>`)
	w.line(`<FRBRauthor href="#plenum" as="#editor"/>`)
	w.line(`<FRBRlanguage language="` + aknLang(l.Lang()) + `"/>`)
	w.line("</FRBRExpression>")
	w.line("<FRBRManifestation>")
	w.line(`<FRBRthis value="` + x(expr+"/!main.xml") + `"/>`)
	w.line(`<FRBRuri value="` + x(expr+".akn") + `"/>`)
	w.line(`<FRBRdate date="` + w.exprDate() + `" name="checkpoint"/>`)
	w.line(`<FRBRauthor href="#plenum" as="#editor"/>`)
	w.line("</FRBRManifestation>")
	w.line("</identification>")
	w.analysis()
	w.references()
	w.line(`<proprietary source="#plenum">`)
	w.line(`<plenum:checkpoint xmlns:plenum="` + PlenumNS + `" origin="` + x(c.Origin) + `" size="` + strconv.FormatInt(c.Size, 10) + `" rootHash="` + x(c.RootHash) + `">` + x(c.Signed) + "</plenum:checkpoint>")
	w.line(`<plenum:verifierKey xmlns:plenum="` + PlenumNS + `">` + x(c.VerifierKey) + "</plenum:verifierKey>")
	if s := d.stampOf(FormatAKN); s != nil {
		w.line(`<plenum:renderer xmlns:plenum="` + PlenumNS + `">` + x(s.text()) + "</plenum:renderer>")
	}
	w.line("</proprietary>")
	w.line("</meta>")
	w.line("<preface>")
	w.line(`<p class="title"><docTitle>` + x(d.Title) + "</docTitle></p>")
	if d.Starts != "" {
		w.line(`<p><docDate date="` + x(d.Starts) + `">` + x(d.Dates(l)) + "</docDate></p>")
	}
	if len(d.Venues) > 0 {
		w.line("<p>" + x(strings.Join(d.Venues, semicolon7(l, w.before8))+".") + "</p>") // French " ; " since akn/8
	}
	if d.Description != "" {
		w.line("<p>" + x(d.Description) + "</p>")
	}
	w.line("</preface>")
	w.line("<debateBody>")
	if d.HasParticipants() {
		w.line(`<debateSection name="participants" eId="dbsect_participants">`)
		w.line("<heading>" + x(l.T("minutes.h.organizations")) + "</heading>")
		for _, o := range d.organizations(w.asBefore) {
			if len(o.Delegates) > 0 {
				w.line("<p>" + x(orgLine(l, o, w.before7, w.before8, w.before9, w.before10)) + "</p>")
			}
		}
		if len(d.Personal) > 0 {
			w.line("<p>" + x(personalLineAs(l, d.Personal, w.before8, w.before9, d.Roll && !w.before8)) + "</p>")
		}
		var noted []string
		for _, o := range d.organizations(w.asBefore) {
			if len(o.Delegates) == 0 {
				noted = append(noted, notedLine(o))
			}
		}
		if len(noted) > 0 {
			w.line("<p>" + x(l.T("minutes.noted_organizations")) + "</p>")
			for _, n := range noted {
				w.line("<p>" + x(n) + "</p>")
			}
		}
		for _, m := range d.Marks {
			w.line("<p>" + x(m.Symbol+" "+m.Meaning) + "</p>")
		}
		if t := d.CommissionLine(l); t != "" && !w.before7 {
			w.line("<p>" + x(t) + "</p>")
		}
		w.line("</debateSection>")
	}
	if len(d.Others) > 0 {
		w.line(`<debateSection name="bodies" eId="dbsect_bodies">`)
		w.line("<heading>" + x(l.T("minutes.h.others")) + "</heading>")
		for _, o := range d.Others {
			w.line("<p>" + x(o.Name+otherTail(l, o)) + "</p>")
		}
		w.line("</debateSection>")
	}
	if w.asBefore && len(d.Preface) > 0 {
		w.line(`<debateSection name="notes" eId="dbsect_notes">`)
		w.line("<heading>" + x(l.T("minutes.h.notes")) + "</heading>")
		for i := range d.Preface {
			w.paragraph(&d.Preface[i])
		}
		w.line("</debateSection>")
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
		w.line(`<debateSection name="notTakenUp" eId="dbsect_not_taken_up">`)
		w.line("<heading>" + x(l.T("minutes.h.not_taken_up")) + "</heading>")
		for _, it := range d.NotTakenUp {
			w.line("<p>" + x(it.Heading()) + "</p>")
		}
		w.line("</debateSection>")
	}
	w.line(`<debateSection name="checkpoint" eId="dbsect_checkpoint">`)
	w.line("<heading>" + x(l.T("minutes.h.checkpoint")) + "</heading>")
	w.line("<p>" + x(CheckpointLead(l, c)) + "</p>")
	label := func(key string) string { return cpLabel(l, key, w.before7) + " " }
	w.line("<p>" + x(label("minutes.cp.size")+strconv.FormatInt(c.Size, 10)+". "+label("minutes.cp.root")+c.RootHash+". "+label("minutes.cp.origin")+c.Origin+". "+label("minutes.cp.key")+c.VerifierKey+".") + "</p>")
	for _, t := range HowToCheck(l, c) {
		w.line("<p>" + x(t) + "</p>")
	}
	w.line("</debateSection>")
	w.line("</debateBody>")
	w.amendments()
	w.line("</debate>")
	w.line("</akomaNtoso>")
	return w.buf.Bytes()
}

type aknWriter struct {
	d      *Document
	l      *i18n.Locale
	buf    bytes.Buffer
	labels map[string]string // label → eId of its TLCPerson
	// asBefore: renders as akn/5 and earlier did (version.go, mendedSince)
	asBefore bool
	before7  bool // renders as akn/6 and earlier did (version.go, namedSince)
	before8  bool // renders as akn/7 and earlier did (version.go, spokenSince)
	before9  bool // renders as akn/8 and earlier did (version.go, toldSince)
	before10 bool // renders as akn/9 and earlier did (version.go, readSince)
	before11 bool // renders as akn/10 and earlier did (version.go, agendaSince)
}

func (w *aknWriter) line(s string) { w.buf.WriteString(s); w.buf.WriteByte('\n') }

// outside writes a part of the record outside any sitting as a
// debateSection under its heading: named setup, notes or outside.
func (w *aknWriter) outside(o Outside) {
	name := o.ID
	if strings.HasPrefix(name, "after-") {
		name = "outside"
	}
	w.line(`<debateSection name="` + name + `" eId="dbsect_` + aknName(o.ID) + `">`)
	w.line("<heading>" + x(o.Heading(w.l)) + "</heading>")
	for i := range o.Paragraphs {
		w.paragraph(&o.Paragraphs[i])
	}
	w.line("</debateSection>")
}

func x(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// aknName makes an id safe in an eId or a FRBR URI component.
func aknName(id string) string {
	var b strings.Builder
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	return b.String()
}

func (w *aknWriter) workDate() string {
	if w.d.Starts != "" {
		return w.d.Starts
	}
	return w.exprDate()
}

func (w *aknWriter) exprDate() string {
	if w.d.Checkpoint.Time.IsZero() {
		return w.workDate0()
	}
	return w.d.Checkpoint.Time.UTC().Format("2006-01-02")
}

func (w *aknWriter) workDate0() string {
	if w.d.Starts != "" {
		return w.d.Starts
	}
	return "1970-01-01"
}

// agent is the eId of the TLCPerson for a person or a label.
func (w *aknWriter) agent(r Ref) string {
	if r.ID != "" {
		return "p-" + aknName(r.ID)
	}
	return w.labels[r.Name]
}

func (w *aknWriter) collectLabels() {
	add := func(r Ref) {
		if r.ID == "" && r.Name != "" {
			if _, ok := w.labels[r.Name]; !ok {
				w.labels[r.Name] = fmt.Sprintf("label-%d", len(w.labels)+1)
			}
		}
	}
	each := func(ps []Paragraph) {
		for _, p := range ps {
			add(p.Speaker)
			if p.Motion != nil {
				add(p.Motion.Mover)
			}
		}
	}
	each(w.d.Preface)
	for _, s := range w.d.Sittings {
		for _, part := range s.Parts {
			each(part.Paragraphs)
		}
	}
}

func (w *aknWriter) analysis() {
	var votes []*Vote
	for i := range w.d.Votes {
		if v := &w.d.Votes[i]; v.Declared && (len(v.Options) > 0 || !v.For.IsZero() || !v.Against.IsZero() || !v.Abstain.IsZero()) {
			votes = append(votes, v)
		}
	}
	if len(votes) == 0 {
		return
	}
	w.line(`<analysis source="#plenum">`)
	w.line("<parliamentary>")
	for _, v := range votes {
		id := "vote-" + aknName(v.ID)
		w.line(`<voting eId="` + id + `-analysis" href="#` + id + `" outcome="#` + outcomeConcept(v) + `">`)
		n := 0
		count := func(concept string, c Count) {
			if c.IsZero() || c.Word == "unstated" {
				return // a side the minutes do not give has no count
			}
			n++
			w.line(fmt.Sprintf(`<count eId="%s-cnt%d" refersTo="#%s" value="%s"/>`, id, n, concept, x(countValue(c))))
		}
		if len(v.Options) > 0 {
			for _, o := range v.Options {
				n++
				w.line(fmt.Sprintf(`<count eId="%s-cnt%d" refersTo="#motion-%s" value="%s"/>`, id, n, aknName(o.Motion), x(countValue(o.Count))))
			}
		} else {
			count("for", v.For)
			count("against", v.Against)
			count("abstain", v.Abstain)
		}
		w.line("</voting>")
	}
	w.line("</parliamentary>")
	w.line("</analysis>")
}

// countValue is a count as an attribute value: "38", "62-68", "rest".
func countValue(c Count) string {
	switch {
	case c.Word != "":
		return c.Word
	case c.Min == c.Max:
		return strconv.Itoa(c.Min)
	}
	return fmt.Sprintf("%d-%d", c.Min, c.Max)
}

func outcomeConcept(v *Vote) string {
	if len(v.Options) > 0 {
		return "motion-" + aknName(v.OutcomeID)
	}
	return aknName(v.OutcomeID)
}

func (w *aknWriter) references() {
	w.line(`<references source="#plenum">`)
	w.line(`<TLCOrganization eId="plenum" href="/akn/ontology/organization/plenum" showAs="plenum"/>`)
	w.line(`<TLCOrganization eId="assembly" href="/akn/ontology/organization/plenum/` + x(aknName(w.d.ID)) + `" showAs="` + x(w.d.Title) + `"/>`)
	for _, o := range append(append([]Organization(nil), w.d.Organizations...), w.d.Others...) {
		w.line(`<TLCOrganization eId="org-` + x(aknName(o.ID)) + `" href="/akn/ontology/organization/plenum/` + x(aknName(o.ID)) + `" showAs="` + x(o.Name) + `"/>`)
	}
	for _, p := range w.d.Persons {
		w.line(`<TLCPerson eId="p-` + x(aknName(p.ID)) + `" href="/akn/ontology/person/plenum/` + x(aknName(p.ID)) + `" showAs="` + x(p.Name) + `"/>`)
	}
	labels := make([]string, len(w.labels))
	for l, id := range w.labels {
		var n int
		fmt.Sscanf(id, "label-%d", &n)
		labels[n-1] = l
	}
	for i, l := range labels {
		w.line(fmt.Sprintf(`<TLCPerson eId="label-%d" href="/akn/ontology/person/plenum/unnamed-%d" showAs="%s"/>`, i+1, i+1, x(l)))
	}
	w.line(`<TLCRole eId="author" href="/akn/ontology/role/akn/author" showAs="` + x(w.l.T("minutes.akn.author")) + `"/>`)
	w.line(`<TLCRole eId="editor" href="/akn/ontology/role/akn/editor" showAs="` + x(w.l.T("minutes.akn.editor")) + `"/>`)
	w.line(`<TLCConcept eId="for" href="/akn/ontology/concept/plenum/for" showAs="` + x(w.l.T("minutes.akn.for")) + `"/>`)
	w.line(`<TLCConcept eId="against" href="/akn/ontology/concept/plenum/against" showAs="` + x(w.l.T("minutes.akn.against")) + `"/>`)
	w.line(`<TLCConcept eId="abstain" href="/akn/ontology/concept/plenum/abstain" showAs="` + x(w.l.T("minutes.akn.abstain")) + `"/>`)
	// The outcome's concept in the form the vote's line states it
	// (outcomeText): since akn/8 agreeing with the arithmetic.
	carried, defeated := w.l.T("minutes.akn8.carried"), w.l.T("minutes.akn8.defeated")
	if w.before8 {
		carried, defeated = w.l.T("minutes.akn.carried"), w.l.T("minutes.akn.defeated")
	}
	w.line(`<TLCConcept eId="carried" href="/akn/ontology/concept/plenum/carried" showAs="` + x(carried) + `"/>`)
	w.line(`<TLCConcept eId="defeated" href="/akn/ontology/concept/plenum/defeated" showAs="` + x(defeated) + `"/>`)
	seen := map[string]bool{}
	for _, v := range w.d.Votes {
		for _, o := range v.Options {
			if !seen[o.Motion] {
				seen[o.Motion] = true
				w.line(`<TLCConcept eId="motion-` + x(aknName(o.Motion)) + `" href="/akn/ontology/concept/plenum/motion/` + x(aknName(o.Motion)) + `" showAs="` + x(o.Title) + `"/>`)
			}
		}
	}
	w.line("</references>")
}

func (w *aknWriter) sitting(s *Sitting) {
	sid := "sitting-" + aknName(s.ID)
	w.line(`<debateSection name="sitting" eId="` + sid + `">`)
	w.line("<heading>" + x(s.Heading(w.l)) + "</heading>")
	for _, l := range s.headLinesAs(w.l, w.before7, w.before8, w.before11) {
		w.line("<p>" + x(l) + "</p>")
	}
	for i := range s.Parts {
		part := &s.Parts[i]
		lead, rest := part.lead()
		for j := range lead {
			w.paragraph(&lead[j])
		}
		if part.Item != nil {
			w.line(fmt.Sprintf(`<debateSection name="item" eId="%s__item-%d">`, sid, i))
			w.line("<heading>" + x(part.Item.Heading()) + "</heading>")
			if l := part.Item.reportersLineAs(w.l, w.before8); l != "" {
				w.line("<p>" + x(l) + "</p>")
			}
		}
		for j := range rest {
			w.paragraph(&rest[j])
		}
		if part.Item != nil {
			w.line("</debateSection>")
		}
	}
	w.line("<narrative>" + x(s.closingLine(w.l, w.asBefore)) + "</narrative>")
	w.line("</debateSection>")
}

func (w *aknWriter) blocks(ps []Point, text string) {
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" {
			w.line("<p>" + x(l) + "</p>")
		}
	}
	for _, p := range ps {
		n := ""
		if p.Number != "" {
			n = p.Number + ") "
		}
		w.line("<p>" + x(n+p.Text) + "</p>")
	}
}

func (w *aknWriter) paragraph(p *Paragraph) {
	if p.Only7 && w.before7 || p.Only8 && w.before8 {
		return // given since md/7, html/8, akn/7 (Only7) or md/8, html/9, akn/8 (Only8)
	}
	l := w.l
	e := fmt.Sprintf("e%d", p.Entry)
	corrected := ""
	if p.LaterNoted() {
		corrected = " " + correctedNote(l, p)
	}
	switch p.Kind {
	case KindSpeech:
		w.line(`<speech eId="` + e + `" by="#` + w.agent(p.Speaker) + `">`)
		w.line("<from>" + x(elide7(l, w.before7, p.speakerTextAs(l, w.before8))+speakerColon(l, w.before7)) + "</from>")
		w.line("<p>" + x(p.Text+corrected) + "</p>")
		w.line("</speech>")
	case KindInterjection:
		w.line(`<scene eId="` + e + `">` + x(elide7(l, w.before7, interjectionTextAs(l, p, w.before8))+corrected) + "</scene>")
	case KindNarrative:
		t := elide7(l, w.before7, p.narrativeAs(w.asBefore, w.before7, w.before8, w.before9, w.before11))
		if p.Time != "" {
			t = l.T("minutes.time_lead", timeAs(p.Time, w.asBefore)) + t
		}
		w.line(`<narrative eId="` + e + `">` + x(t+corrected) + "</narrative>")
	case KindDocument:
		w.line(`<debateSection name="document" eId="` + e + `">`)
		w.line("<heading>" + x(documentLeadAs(l, p, w.before8, w.before10, w.before11)+corrected) + "</heading>")
		if p.Provenance != "" {
			w.line("<p>" + x(sentence(p.Provenance)) + "</p>")
		}
		w.blocks(p.Points, p.Text)
		if p.Provenance == "" && p.Text == "" && len(p.Points) == 0 {
			w.line("<p/>")
		}
		w.line("</debateSection>")
	case KindMotion:
		m := p.Motion
		if m.Mover.Name != "" {
			w.line(`<speech eId="` + e + `" by="#` + w.agent(m.Mover) + `" refersTo="#motion-` + x(aknName(m.ID)) + `">`)
			w.line("<from>" + x(strings.TrimSuffix(m.leadAs(l, AsIs, w.before8), ": "+m.Title)+":") + "</from>")
			w.line("<p>" + x(m.Title+corrected) + "</p>")
		} else {
			w.line(`<debateSection name="motion" eId="` + e + `">`)
			w.line("<heading>" + x(m.leadAs(l, AsIs, w.before8)+corrected) + "</heading>")
		}
		if !w.paper(m) {
			w.blocks(m.Points, m.Text)
		}
		if m.Mover.Name != "" {
			w.line("</speech>")
		} else {
			if m.Text == "" && len(m.Points) == 0 {
				w.line("<p/>")
			}
			w.line("</debateSection>")
		}
	case KindQuestion:
		by := "assembly"
		if p.Speaker.Name != "" {
			by = w.agent(p.Speaker)
		}
		w.line(`<question eId="` + e + `" by="#` + by + `">`)
		if p.Speaker.Name != "" {
			w.line("<from>" + x(l.T("minutes.question.chair", p.Speaker.Named(w.before8))) + "</from>")
		}
		w.line("<p>" + x(questionText(l, p.Vote, w.asBefore, w.before8)+corrected) + "</p>")
		w.line("</question>")
	case KindVote:
		w.line(`<summary eId="vote-` + x(aknName(p.Vote.ID)) + `">` + x(voteLine(l, p.Vote, w.before8)+corrected) + "</summary>")
		for _, t := range p.Vote.ballotsParagraphs(l, w.asBefore, w.before8, w.before9) {
			w.line("<narrative>" + x(t) + "</narrative>")
		}
		if t := resultNote(l, p.Vote, w.asBefore, w.before7, w.before8); t != "" {
			w.line("<narrative>" + x(t) + "</narrative>")
		}
		w.resolution(p.Vote.Resolution)
		if t := p.Vote.Unapplied; t != "" && !w.before7 {
			w.line("<narrative>" + x(t) + "</narrative>")
		}
	case KindElection:
		w.line(`<debateSection name="election" eId="` + e + `">`)
		w.line("<heading>" + x(sentence(l.T("minutes.election.lead", p.Election.Title))) + "</heading>")
		w.line("<p>" + x(p.Election.electedTextAs(l, w.before8, w.before11)+corrected) + "</p>")
		if t := electionNote(l, p.Election, w.asBefore, w.before8, w.before11); t != "" {
			w.line("<p>" + x(t) + "</p>")
		}
		if !w.asBefore {
			for _, t := range []string{p.Election.listsTextAs(l, w.before8), p.Election.ballotsText(l, w.before8)} {
				if t != "" {
					w.line("<p>" + x(t) + "</p>")
				}
			}
		}
		w.line("</debateSection>")
	case KindGap:
		w.line(`<narrative eId="` + e + `">` + x(GapText(l, p)) + "</narrative>")
	case KindCorrection:
		name := "correction"
		if p.OnCount {
			name = "noteOnCount"
		}
		w.line(`<debateSection name="` + name + `" eId="` + e + `">`)
		w.line("<heading>" + x(elide7(l, w.before7, correctionLead(l, p, w.before9, w.before10))) + "</heading>")
		w.line("<p>" + x(CorrectionText(l, p)) + "</p>")
		if p.OnCount {
			w.line("<p>" + x(CountStands(l)) + "</p>")
		}
		w.line("<p>" + x(reasonNote(l, p.Reason, w.asBefore)) + "</p>")
		w.line("</debateSection>")
	case KindStrike:
		w.line(`<debateSection name="strike" eId="` + e + `">`)
		w.line("<heading>" + x(strikeLead(l, p, w.before9, w.before10)) + "</heading>")
		w.line("<p>" + x(reasonNote(l, p.Reason, w.asBefore)) + "</p>")
		w.line("</debateSection>")
	}
}

// aknLang is the ISO 639-2 code of a language, as Akoma Ntoso names the
// language of an expression ("eng", "rus").
func aknLang(lang string) string {
	switch lang {
	case "de":
		return "deu"
	case "ru":
		return "rus"
	case "fr":
		return "fra"
	case "es":
		return "spa"
	}
	return "eng"
}

// langOfAKN is the language tag of an ISO 639-2 code aknLang gives; ""
// for English or a code it does not give.
func langOfAKN(code string) string {
	for _, l := range []string{"de", "ru", "fr", "es"} {
		if aknLang(l) == code {
			return l
		}
	}
	return ""
}
