package minutes

import (
	"bytes"
	"fmt"
	"html"
	"strconv"
	"strings"

	"plenum/i18n"
)

// htmlStyle is the document's only style sheet: readable type, a contrast
// of at least 7:1 for body text, and print rules (page breaks before
// sittings, no navigation, link targets spelled out).
const htmlStyle = `
:root { color: #1a1a1a; background: #ffffff; }
body { font-family: Georgia, "Times New Roman", serif; font-size: 1.05rem; line-height: 1.55; max-width: 44rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1, h2, h3 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.25; color: #111111; }
h1 { font-size: 1.8rem; margin-top: 1.5rem; }
h2 { font-size: 1.35rem; margin-top: 2.5rem; border-bottom: 1px solid #767676; padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin-top: 1.75rem; }
a { color: #0645ad; }
a:focus { outline: 3px solid #1a1a1a; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #ffffff; padding: 0.5rem; }
.skip:focus { left: 0.5rem; }
.head p, p.head { margin: 0.2rem 0; }
.speaker { font-weight: bold; }
.interjection, .gap, .note, .closing { font-style: italic; }
.vote, .election, .motion, .document, .correction { border-left: 3px solid #595959; padding-left: 0.75rem; }
blockquote { margin: 0.5rem 0 1rem 1.5rem; }
.correction { background: #f2f2f2; }
pre { white-space: pre-wrap; word-break: break-all; font-size: 0.85rem; background: #f2f2f2; padding: 0.75rem; }
code { font-size: 0.85rem; word-break: break-all; }
dt { font-weight: bold; }
footer { margin-top: 3rem; border-top: 2px solid #1a1a1a; }
@media print {
  body { max-width: none; font-size: 11pt; padding: 0; }
  nav, .skip { display: none; }
  .sitting { break-before: page; }
  h2, h3 { break-after: avoid; }
  p, blockquote { orphans: 3; widows: 3; }
  a { color: inherit; text-decoration: none; }
  footer { break-before: page; }
}
`

// htmlWrapStyle breaks a word too long for its line — an address quoted
// in a motion, a name without spaces — where it must, so that the page is
// never wider than a phone's screen (html/3 on: the documents of earlier
// versions are rendered again without it, as they were).
const htmlWrapStyle = "body { overflow-wrap: break-word; overflow-wrap: anywhere; }\n"

// htmlVersion is the version of the HTML renderer, stated in the
// documents it renders ("html/1"): bump it whenever the bytes of the HTML
// for the same log change (see version.go), and regenerate the golden
// files with go test ./minutes -update.
const htmlVersion = 12

// HTML renders the minutes as one self-contained HTML file: no scripts,
// no outside resources, printable.
func HTML(d *Document) []byte {
	l := d.locale()
	w := &htmlWriter{l: l, asBefore: d.asBefore(FormatHTML), before7: d.before7(FormatHTML), before8: d.before8(FormatHTML), before9: d.before9(FormatHTML), before10: d.before10(FormatHTML), before11: d.before11(FormatHTML)}
	c := d.Checkpoint
	w.line("<!DOCTYPE html>")
	w.line(`<html lang="` + esc(d.Lang) + `">`)
	w.line("<head>")
	w.line(`<meta charset="utf-8">`)
	w.line(`<meta name="viewport" content="width=device-width, initial-scale=1">`)
	w.line("<title>" + esc(l.T("minutes.title", d.Title)) + "</title>")
	w.line(`<meta name="generator" content="plenum">`)
	w.line(`<meta name="plenum-checkpoint" content="` + esc(fmt.Sprintf("%s %d %s", c.Origin, c.Size, c.RootHash)) + `">`)
	w.line(`<meta name="plenum-verifier-key" content="` + esc(c.VerifierKey) + `">`)
	if s := d.stampOf(FormatHTML); s != nil {
		w.line(`<meta name="plenum-renderer" content="` + esc(s.text()) + `">`)
	}
	style := htmlStyle
	if d.rendersAs(FormatHTML) >= 3 {
		style += htmlWrapStyle
	}
	if d.hasLines() {
		style += linesStyle
	}
	w.line("<style>" + style + "</style>")
	w.line("</head>")
	w.line("<body>")
	w.line(`<a class="skip" href="#main">` + esc(l.T("minutes.skip")) + `</a>`)
	w.line("<header>")
	w.line("<h1>" + esc(d.Title) + "</h1>")
	var meta []string
	if t := d.Dates(l); t != "" {
		meta = append(meta, t)
	}
	if len(d.Venues) > 0 {
		meta = append(meta, strings.Join(d.Venues, semicolon7(l, w.before8))) // French " ; " since html/9
	}
	if len(meta) > 0 {
		w.line("<p>" + esc(sentences(meta)) + "</p>")
	}
	if d.Description != "" {
		w.line("<p>" + esc(d.Description) + "</p>")
	}
	w.line("</header>")
	if len(d.Sittings) > 0 {
		w.line(`<nav aria-labelledby="h-contents">`)
		contents := "minutes.h.contents"
		if w.asBefore {
			contents = "minutes.h.sittings" // html/6 headed the checkpoint "Sittings" too
		}
		w.line(`<h2 id="h-contents">` + esc(l.T(contents)) + `</h2>`)
		w.line("<ol>")
		if !w.before11 {
			for _, o := range d.BeforeSittings() {
				w.line(`<li><a href="#` + esc("h-"+o.ID) + `">` + esc(o.Heading(l)) + "</a></li>")
			}
		}
		for i, s := range d.Sittings {
			w.line(`<li><a href="#` + esc(sittingAnchor(s.ID)) + `">` + esc(s.Heading(l)) + "</a>" + esc(contentsDate(l, &s, w.before11)) + "</li>")
			if o, ok := d.AfterSitting(i); ok && !w.before11 {
				w.line(`<li><a href="#` + esc("h-"+o.ID) + `">` + esc(o.Heading(l)) + "</a></li>")
			}
		}
		if len(d.NotTakenUp) > 0 && !w.before11 {
			w.line(`<li><a href="#h-not-taken-up">` + esc(l.T("minutes.h.not_taken_up")) + "</a></li>")
		}
		w.line(`<li><a href="#checkpoint">` + esc(l.T("minutes.h.checkpoint")) + `</a></li>`)
		w.line("</ol>")
		w.line("</nav>")
	}
	w.line(`<main id="main">`)
	if d.HasParticipants() {
		w.line(`<section aria-labelledby="h-organizations">`)
		w.line(`<h2 id="h-organizations">` + esc(l.T("minutes.h.organizations")) + `</h2>`)
		var listed []Organization
		for _, o := range d.organizations(w.asBefore) {
			if len(o.Delegates) > 0 {
				listed = append(listed, o)
			}
		}
		if len(listed) > 0 {
			w.line("<ul>")
			for _, o := range listed {
				w.line("<li>" + esc(orgLine(l, o, w.before7, w.before8, w.before9, w.before10)) + "</li>")
			}
			w.line("</ul>")
		}
		if len(d.Personal) > 0 {
			w.line("<p>" + esc(personalLineAs(l, d.Personal, w.before8, w.before9, d.Roll && !w.before8)) + "</p>")
		}
		var noted []Organization
		for _, o := range d.organizations(w.asBefore) {
			if len(o.Delegates) == 0 {
				noted = append(noted, o)
			}
		}
		if len(noted) > 0 {
			w.line("<p>" + esc(l.T("minutes.noted_organizations")) + "</p>")
			w.line("<ul>")
			for _, o := range noted {
				w.line("<li>" + esc(notedLine(o)) + "</li>")
			}
			w.line("</ul>")
		}
		for _, m := range d.Marks {
			w.line(`<p class="note">` + esc(m.Symbol+" "+m.Meaning) + "</p>")
		}
		if t := d.CommissionLine(l); t != "" && !w.before7 {
			w.line(`<p class="commission">` + esc(t) + "</p>")
		}
		w.line("</section>")
	}
	if len(d.Others) > 0 {
		w.line(`<section aria-labelledby="h-others">`)
		w.line(`<h2 id="h-others">` + esc(l.T("minutes.h.others")) + `</h2>`)
		w.line("<ul>")
		for _, o := range d.Others {
			w.line("<li><strong>" + esc(o.Name) + "</strong>" + esc(otherTail(l, o)) + "</li>")
		}
		w.line("</ul>")
		w.line("</section>")
	}
	if w.asBefore && len(d.Preface) > 0 {
		w.line(`<section aria-labelledby="h-notes">`)
		w.line(`<h2 id="h-notes">` + esc(l.T("minutes.h.notes")) + `</h2>`)
		for i := range d.Preface {
			w.paragraph(&d.Preface[i])
		}
		w.line("</section>")
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
		w.line(`<section aria-labelledby="h-not-taken-up">`)
		w.line(`<h2 id="h-not-taken-up">` + esc(l.T("minutes.h.not_taken_up")) + `</h2>`)
		w.line("<ul>")
		for _, it := range d.NotTakenUp {
			w.line("<li>" + esc(it.Heading()) + "</li>")
		}
		w.line("</ul>")
		w.line("</section>")
	}
	w.line("</main>")
	w.line("<footer>")
	w.line(`<section id="checkpoint" aria-labelledby="h-checkpoint">`)
	w.line(`<h2 id="h-checkpoint">` + esc(l.T("minutes.h.checkpoint")) + `</h2>`)
	w.line("<p>" + esc(CheckpointLead(l, c)) + "</p>")
	w.line("<dl>")
	w.line("<dt>" + esc(l.T("minutes.cp.size")) + "</dt><dd>" + strconv.FormatInt(c.Size, 10) + "</dd>")
	w.line("<dt>" + esc(l.T("minutes.cp.root")) + "</dt><dd><code>" + esc(c.RootHash) + "</code></dd>")
	w.line("<dt>" + esc(l.T("minutes.cp.origin")) + "</dt><dd><code>" + esc(c.Origin) + "</code></dd>")
	w.line("<dt>" + esc(l.T("minutes.cp.key")) + "</dt><dd><code>" + esc(c.VerifierKey) + "</code></dd>")
	w.line("</dl>")
	w.line("<p>" + esc(l.T("minutes.cp.signed")) + "</p>")
	w.line(`<pre id="plenum-checkpoint">` + esc(c.Signed) + "</pre>")
	for _, t := range HowToCheck(l, c) {
		w.line("<p>" + esc(t) + "</p>")
	}
	w.line("</section>")
	w.line("</footer>")
	w.line("</body>")
	w.line("</html>")
	return w.buf.Bytes()
}

func esc(s string) string { return html.EscapeString(s) }

// outside writes a part of the record outside any sitting as a section
// under its heading.
func (w *htmlWriter) outside(o Outside) {
	id := esc("h-" + o.ID)
	w.line(`<section aria-labelledby="` + id + `">`)
	w.line(`<h2 id="` + id + `">` + esc(o.Heading(w.l)) + `</h2>`)
	for i := range o.Paragraphs {
		w.paragraph(&o.Paragraphs[i])
	}
	w.line("</section>")
}

func sittingAnchor(id string) string { return "sitting-" + id }

// contentsDate is the date the contents give after a sitting's heading
// since html/12 (not before11): " (1917-03-29)", in the document's
// language; "" before, for a sitting without a date, and for one whose
// heading is its date already ("Sitting of 1917-03-29").
func contentsDate(l *i18n.Locale, s *Sitting, before11 bool) string {
	if before11 || s.Date == "" || s.Title == "" {
		return ""
	}
	return " (" + l.DateText(s.Date) + ")"
}

type htmlWriter struct {
	buf      bytes.Buffer
	l        *i18n.Locale
	asBefore bool // renders as html/6 and earlier did (version.go, mendedSince)
	before7  bool // renders as html/7 and earlier did (version.go, namedSince)
	before8  bool // renders as html/8 and earlier did (version.go, spokenSince)
	before9  bool // renders as html/9 and earlier did (version.go, toldSince)
	before10 bool // renders as html/10 and earlier did (version.go, readSince)
	before11 bool // renders as html/11 and earlier did (version.go, agendaSince)
}

func (w *htmlWriter) line(s string) { w.buf.WriteString(s); w.buf.WriteByte('\n') }

func (w *htmlWriter) sitting(s *Sitting) {
	a := sittingAnchor(s.ID)
	w.line(`<section class="sitting" id="` + esc(a) + `" aria-labelledby="h-` + esc(a) + `">`)
	w.line(`<h2 id="h-` + esc(a) + `">` + esc(s.Heading(w.l)) + "</h2>")
	w.line(`<div class="head">`)
	for _, l := range s.headLinesAs(w.l, w.before7, w.before8, w.before11) {
		w.line("<p>" + esc(l) + "</p>")
	}
	w.line("</div>")
	for i := range s.Parts {
		part := &s.Parts[i]
		lead, rest := part.lead()
		for j := range lead {
			w.paragraph(&lead[j])
		}
		if part.Item != nil {
			id := fmt.Sprintf("%s-%d", a, i)
			// An item taken up in two sittings has the same heading in
			// both: html/7 names the section by its sitting too, so that
			// each landmark's name is its own.
			label := "h-" + id
			if !w.asBefore {
				label += " h-" + a
			}
			w.line(`<section aria-labelledby="` + esc(label) + `">`)
			w.line(`<h3 id="h-` + esc(id) + `">` + esc(part.Item.Heading()) + "</h3>")
			if l := part.Item.reportersLineAs(w.l, w.before8); l != "" {
				w.line(`<p class="head">` + esc(l) + "</p>")
			}
		}
		for j := range rest {
			w.paragraph(&rest[j])
		}
		if part.Item != nil {
			w.line("</section>")
		}
	}
	w.line(`<p class="closing">` + esc(s.closingLine(w.l, w.asBefore)) + "</p>")
	w.line("</section>")
}

func (w *htmlWriter) quote(ps []Point, text string) {
	if text == "" && len(ps) == 0 {
		return
	}
	w.line("<blockquote>")
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" {
			w.line("<p>" + esc(l) + "</p>")
		}
	}
	for _, p := range ps {
		n := ""
		if p.Number != "" {
			n = p.Number + ") "
		}
		w.line("<p>" + esc(n+p.Text) + "</p>")
	}
	w.line("</blockquote>")
}

func (w *htmlWriter) paragraph(p *Paragraph) {
	if p.Only7 && w.before7 || p.Only8 && w.before8 {
		return // given since md/7, html/8, akn/7 (Only7) or md/8, html/9, akn/8 (Only8)
	}
	l := w.l
	id := fmt.Sprintf(` id="e%d"`, p.Entry)
	corrected := ""
	if p.LaterNoted() {
		corrected = ` <a href="#e` + strconv.Itoa(p.laterEntry()) + `">` + esc(correctedNote(l, p)) + "</a>"
	}
	switch p.Kind {
	case KindSpeech:
		w.line(`<p class="speech"` + id + `><span class="speaker">` + esc(elide7(l, w.before7, p.speakerTextAs(l, w.before8))) + speakerColon(l, w.before7) + "</span> " + esc(p.Text) + corrected + "</p>")
	case KindInterjection:
		w.line(`<p class="interjection"` + id + ">" + esc(elide7(l, w.before7, interjectionTextAs(l, p, w.before8))) + corrected + "</p>")
	case KindNarrative:
		t := elide7(l, w.before7, p.narrativeAs(w.asBefore, w.before7, w.before8, w.before9, w.before11))
		if p.Time != "" {
			t = l.T("minutes.time_lead", timeAs(p.Time, w.asBefore)) + t
		}
		w.line(`<p class="narrative"` + id + ">" + esc(t) + corrected + "</p>")
	case KindDocument:
		w.line(`<div class="document"` + id + ">")
		w.line("<p><strong>" + esc(documentLeadAs(l, p, w.before8, w.before10, w.before11)) + "</strong>" + corrected + "</p>")
		if p.Provenance != "" {
			w.line(`<p class="note">` + esc(sentence(p.Provenance)) + "</p>")
		}
		w.quote(p.Points, p.Text)
		w.line("</div>")
	case KindMotion:
		w.line(`<div class="motion"` + id + ">")
		w.line("<p><strong>" + esc(p.Motion.leadAs(l, AsIs, w.before8)) + "</strong>" + corrected + "</p>")
		if !w.paper(p.Motion, false) {
			w.quote(p.Motion.Points, p.Motion.Text)
		}
		w.line("</div>")
	case KindQuestion:
		w.line(`<p class="question"` + id + ">" + esc(questionText(l, p.Vote, w.asBefore, w.before8)) + corrected + "</p>")
	case KindVote:
		w.line(`<div class="vote"` + id + ">")
		w.line("<p><strong>" + esc(voteLine(l, p.Vote, w.before8)) + "</strong>" + corrected + "</p>")
		for _, t := range p.Vote.ballotsParagraphs(l, w.asBefore, w.before8, w.before9) {
			w.line("<p>" + esc(t) + "</p>")
		}
		if t := resultNote(l, p.Vote, w.asBefore, w.before7, w.before8); t != "" {
			w.line(`<p class="note">` + esc(t) + "</p>")
		}
		w.resolution(p.Vote.Resolution)
		if t := p.Vote.Unapplied; t != "" && !w.before7 {
			w.line(`<p class="note">` + esc(t) + "</p>")
		}
		w.line("</div>")
	case KindElection:
		w.line(`<div class="election"` + id + ">")
		w.line("<p><strong>" + esc(sentence(l.T("minutes.election.lead", p.Election.Title))) + "</strong> " + esc(p.Election.electedTextAs(l, w.before8, w.before11)) + corrected + "</p>")
		if t := electionNote(l, p.Election, w.asBefore, w.before8, w.before11); t != "" {
			w.line(`<p class="note">` + esc(t) + "</p>")
		}
		if !w.asBefore {
			if t := p.Election.listsTextAs(l, w.before8); t != "" {
				w.line(`<p class="lists">` + esc(t) + "</p>")
			}
			if t := p.Election.ballotsText(l, w.before8); t != "" {
				w.line(`<p class="ballots">` + esc(t) + "</p>")
			}
		}
		w.line("</div>")
	case KindGap:
		w.line(`<p class="gap"` + id + ">" + esc(GapText(l, p)) + "</p>")
	case KindCorrection:
		class := "correction"
		if p.OnCount {
			class = "correction count-note"
		}
		w.line(`<div class="` + class + `"` + id + ">")
		w.line(`<p><strong>` + esc(elide7(l, w.before7, correctionLead(l, p, w.before9, w.before10))) + "</strong> " + esc(CorrectionText(l, p)) + ` <a href="#e` + strconv.Itoa(p.Corrects) + `">` + esc(correctionLink(l, p)) + `</a></p>`)
		if p.OnCount {
			w.line(`<p class="note"><strong>` + esc(CountStands(l)) + "</strong></p>")
		}
		w.line(`<p class="note">` + esc(reasonNote(l, p.Reason, w.asBefore)) + "</p>")
		w.line("</div>")
	case KindStrike:
		w.line(`<div class="correction strike"` + id + ">")
		w.line(`<p><strong>` + esc(strikeLead(l, p, w.before9, w.before10)) + `</strong> <a href="#e` + strconv.Itoa(p.Corrects) + `">` + esc(l.T("minutes.strike.link")) + `</a></p>`)
		w.line(`<p class="note">` + esc(reasonNote(l, p.Reason, w.asBefore)) + "</p>")
		w.line("</div>")
	}
}
