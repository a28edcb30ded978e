package minutes

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"

	"plenum/i18n"
	"plenum/internal/pdffont"
)

// PDF renders the minutes as a paginated A4 document: the text in
// Liberation Sans (embedded, UTF-8: package pdffont), and on every page a
// footer with "Page N of M" and the checkpoint the document was rendered from.
func PDF(d *Document) ([]byte, error) { return renderPDF(d, true) }

// renderPDF renders with or without stream compression (tests read the
// uncompressed streams).
func renderPDF(d *Document, compress bool) ([]byte, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(compress)
	pdf.SetCatalogSort(true)
	when := d.Checkpoint.Time
	if when.IsZero() {
		when = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	pdf.SetCreationDate(when.UTC())
	pdf.SetModificationDate(when.UTC())
	pdf.SetTitle(d.Title, true)
	l := d.locale()
	pdf.SetSubject(l.T("minutes.pdf.subject"), true)
	pdf.SetCreator("plenum", true)
	pdf.SetLang(d.Lang)
	addFonts(pdf)
	pdffont.AddMono(pdf)
	pdf.SetMargins(20, 18, 20)
	pdf.SetAutoPageBreak(true, 22)
	pdf.AliasNbPages("{nb}")
	c := d.Checkpoint
	footer := l.T("minutes.pdf.footer", c.Origin, strconv.FormatInt(c.Size, 10), c.RootHash)
	footerFont := "Helvetica" // English, as before the catalogs
	if l.Lang() != i18n.Default {
		footerFont = pdffont.Family // the core fonts have no Cyrillic, nor every accent
	}
	setPDFFooter(pdf, l, footerFont, footer)
	w := &pdfWriter{pdf: pdf, l: l}
	pdf.AddPage()
	w.heading(1, d.Title)
	var meta []string
	if t := d.Dates(l); t != "" {
		meta = append(meta, t)
	}
	if len(d.Venues) > 0 {
		meta = append(meta, strings.Join(d.Venues, semicolon7(l, false)))
	}
	if len(meta) > 0 {
		w.para(sentences(meta), "")
	}
	if d.Description != "" {
		w.para(d.Description, "")
	}
	if d.HasParticipants() {
		w.heading(2, l.T("minutes.h.organizations"))
		for _, o := range d.organizations(false) {
			if len(o.Delegates) > 0 {
				w.item(orgLine(l, o, false, false, false, false))
			}
		}
		if len(d.Personal) > 0 {
			w.space()
			w.para(personalLineAs(l, d.Personal, false, false, d.Roll), "")
		}
		var noted []Organization
		for _, o := range d.organizations(false) {
			if len(o.Delegates) == 0 {
				noted = append(noted, o)
			}
		}
		if len(noted) > 0 {
			w.space()
			w.para(l.T("minutes.noted_organizations"), "")
			for _, o := range noted {
				w.item(notedLine(o))
			}
		}
		w.space()
		for _, m := range d.Marks {
			w.para(m.Symbol+" "+m.Meaning, "I")
		}
		if t := d.CommissionLine(l); t != "" {
			w.para(t, "")
		}
	}
	if len(d.Others) > 0 {
		w.heading(2, l.T("minutes.h.others"))
		for _, o := range d.Others {
			w.item(o.Name + otherTail(l, o))
		}
	}
	for _, o := range d.BeforeSittings() {
		w.heading(2, o.Heading(l))
		for i := range o.Paragraphs {
			w.paragraph(&o.Paragraphs[i])
		}
	}
	for i := range d.Sittings {
		s := &d.Sittings[i]
		pdf.AddPage()
		w.heading(2, s.Heading(l))
		for _, t := range s.HeadLines(l) {
			w.para(t, "")
		}
		for j := range s.Parts {
			part := &s.Parts[j]
			lead, rest := part.lead()
			for k := range lead {
				w.paragraph(&lead[k])
			}
			if part.Item != nil {
				w.heading(3, part.Item.Heading())
				if t := part.Item.ReportersLine(l); t != "" {
					w.para(t, "")
				}
			}
			for k := range rest {
				w.paragraph(&rest[k])
			}
		}
		w.para(s.ClosingLine(l), "I")
		if o, ok := d.AfterSitting(i); ok {
			w.heading(2, o.Heading(l))
			for k := range o.Paragraphs {
				w.paragraph(&o.Paragraphs[k])
			}
		}
	}
	if len(d.NotTakenUp) > 0 {
		w.heading(2, l.T("minutes.h.not_taken_up"))
		for _, it := range d.NotTakenUp {
			w.item(it.Heading())
		}
	}
	pdf.AddPage()
	w.heading(2, l.T("minutes.h.checkpoint"))
	w.para(CheckpointLead(l, c), "")
	w.para(cpLabel(l, "minutes.cp.size", false)+" "+strconv.FormatInt(c.Size, 10), "")
	w.para(cpLabel(l, "minutes.cp.root", false)+" "+c.RootHash, "")
	w.para(cpLabel(l, "minutes.cp.origin", false)+" "+c.Origin, "")
	w.para(cpLabel(l, "minutes.cp.key", false)+" "+c.VerifierKey, "")
	w.para(l.T("minutes.cp.signed"), "")
	signedNote(pdf, c.Signed)
	w.space()
	for _, t := range HowToCheck(l, c) {
		w.para(t, "")
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// signedSize is the largest size of the signed checkpoint's lines, in
// points.
const signedSize = 8.5

// signedNote sets the signed checkpoint note in Liberation Mono, one
// line of the note a line of the page, never wrapped: at signedSize, or
// smaller if its longest line (the signature, after a long server name)
// would not fit the text's width, so that a reader of the paper retypes
// it exactly, em dash and all.
func signedNote(pdf *fpdf.Fpdf, note string) {
	lines := strings.Split(strings.TrimSuffix(note, "\n"), "\n")
	left, _, right, _ := pdf.GetMargins()
	pageW, _ := pdf.GetPageSize()
	width := pageW - left - right
	pdf.SetFont(pdffont.MonoFamily, "", signedSize)
	widest := 0.0
	for _, line := range lines {
		widest = max(widest, pdf.GetStringWidth(line))
	}
	// The sizes of the rest of the document first (footerSize), then
	// whatever fits.
	size := signedSize
	switch {
	case widest <= width:
	case widest*footerSize/signedSize <= width:
		size = footerSize
	default:
		size = signedSize * width / widest * 0.98
	}
	pdf.SetFont(pdffont.MonoFamily, "", size)
	leading := size * 0.5
	for _, line := range lines {
		pdf.CellFormat(width, leading, line, "", 1, "L", false, 0, "")
	}
}

// footerSize is the size of the PDFs' footers, in points; footerLeading
// the height of a line of one, in millimetres.
const (
	footerSize    = 7.5
	footerLeading = 3.6
)

// setPDFFooter gives every page of pdf (its margins set) a footer: the
// checkpoint line in font, on as many lines of the text's width as it
// needs — a long server name or assembly id ran past the rule above it
// into the margin — over "Page N of M", at the margins pdf has now (of
// the page, not of a quote a page ends in); and keeps the page's text
// above the footer.
func setPDFFooter(pdf *fpdf.Fpdf, l *i18n.Locale, font, checkpoint string) {
	lines := footerLines(pdf, font, checkpoint)
	top := 12 + footerLeading*float64(len(lines)) // from the page's foot
	if _, margin := pdf.GetAutoPageBreak(); margin < top+2 {
		pdf.SetAutoPageBreak(true, top+2)
	}
	left, _, right, _ := pdf.GetMargins()
	pdf.SetFooterFunc(func() {
		// A page may end inside a quote, its margin indented: the footer
		// stands at the page's margins all the same.
		inLeft, _, inRight, _ := pdf.GetMargins()
		defer func() {
			pdf.SetLeftMargin(inLeft)
			pdf.SetRightMargin(inRight)
		}()
		pdf.SetLeftMargin(left)
		pdf.SetRightMargin(right)
		pdf.SetY(-top)
		pdf.SetFont(font, "", footerSize)
		pdf.SetTextColor(60, 60, 60)
		for i, line := range lines {
			border := ""
			if i == 0 {
				border = "T" // the rule
			}
			pdf.CellFormat(0, footerLeading, line, border, 1, "L", false, 0, "")
		}
		pdf.CellFormat(0, 4, l.T("minutes.pdf.page", strconv.Itoa(pdf.PageNo()), "{nb}"), "", 0, "R", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
	})
}

// footerLines breaks text, set in font at the footer's size, into lines
// that fit in a cell of the text's width (its padding left out): at
// spaces, and a word wider than a line where it must.
func footerLines(pdf *fpdf.Fpdf, font, text string) []string {
	pdf.SetFont(font, "", footerSize)
	pageW, _ := pdf.GetPageSize()
	left, _, right, _ := pdf.GetMargins()
	width := pageW - left - right - 2*pdf.GetCellMargin()
	fits := func(s string) bool { return pdf.GetStringWidth(s) <= width }
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		switch {
		case line != "" && fits(line+" "+word):
			line += " " + word
			continue
		case line != "":
			lines = append(lines, line)
		}
		line = word
		for !fits(line) {
			n := len(line) - 1 // the longest head that fits, of one character at least
			for n > 0 && (!utf8.RuneStart(line[n]) || !fits(line[:n])) {
				n--
			}
			if n == 0 {
				_, n = utf8.DecodeRuneInString(line)
			}
			lines = append(lines, line[:n])
			line = line[n:]
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

type pdfWriter struct {
	pdf *fpdf.Fpdf
	l   *i18n.Locale
}

func (w *pdfWriter) space() { w.pdf.Ln(2) }

func (w *pdfWriter) heading(level int, text string) {
	size := map[int]float64{1: 17, 2: 14, 3: 12}[level]
	w.pdf.Ln(3)
	if _, pageH := w.pdf.GetPageSize(); w.pdf.GetY() > pageH-50 {
		w.pdf.AddPage() // keep a heading with what follows it
	}
	w.pdf.SetFont(pdffont.Family, "B", size)
	w.pdf.MultiCell(0, size*0.5, pdfText(text), "", "L", false)
	w.pdf.Ln(2)
}

func (w *pdfWriter) para(text, style string) {
	w.pdf.SetFont(pdffont.Family, style, 10.5)
	w.pdf.MultiCell(0, 5.2, pdfText(text), "", "L", false)
	w.pdf.Ln(1.5)
}

func (w *pdfWriter) item(text string) {
	w.pdf.SetFont(pdffont.Family, "", 10)
	x := w.pdf.GetX()
	w.pdf.CellFormat(5, 5, "•", "", 0, "L", false, 0, "")
	w.pdf.MultiCell(0, 5, pdfText(text), "", "L", false)
	w.pdf.SetX(x)
}

// speech writes "NAME: text" with the name in bold. The text goes to
// fpdf's Write in pieces of a few hundred bytes, each ending after a space
// where there is one: Write takes time quadratic in the length of what it
// is given (a 100 kB speech took 36 s), and pieces so cut set the same lines.
func (w *pdfWriter) speech(name, text string) {
	w.pdf.SetFont(pdffont.Family, "B", 10.5)
	w.pdf.Write(5.2, pdfText(name)+speakerColon(w.l, false)+" ")
	w.pdf.SetFont(pdffont.Family, "", 10.5)
	for text = pdfText(text); text != ""; {
		n := len(text)
		if n > 512 {
			n = 512
			if i := strings.LastIndexByte(text[:n], ' '); i > 0 {
				n = i + 1
			}
			for n < len(text) && !utf8.RuneStart(text[n]) {
				n++
			}
		}
		w.pdf.Write(5.2, text[:n])
		text = text[n:]
	}
	w.pdf.Ln(5.2)
	w.pdf.Ln(1.5)
}

func (w *pdfWriter) quote(ps []Point, text string) {
	left, _, right, _ := w.pdf.GetMargins()
	w.pdf.SetLeftMargin(left + 8)
	w.pdf.SetX(left + 8)
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" {
			w.para(l, "")
		}
	}
	for _, p := range ps {
		n := ""
		if p.Number != "" {
			n = p.Number + ") "
		}
		w.para(n+p.Text, "")
	}
	w.pdf.SetLeftMargin(left)
	w.pdf.SetRightMargin(right)
	w.pdf.SetX(left)
}

func (w *pdfWriter) paragraph(p *Paragraph) {
	l := w.l
	corrected := ""
	if p.LaterNoted() {
		corrected = " " + correctedNote(l, p)
	}
	switch p.Kind {
	case KindSpeech:
		w.speech(l.Elide(p.SpeakerText(l)), p.Text+corrected)
	case KindInterjection:
		w.para(l.Elide(InterjectionText(l, p))+corrected, "I")
	case KindNarrative:
		t := l.Elide(p.narrativeAs(false, false, false, false, false))
		if p.Time != "" {
			t = l.T("minutes.time_lead", timeAs(p.Time, false)) + t
		}
		w.para(t+corrected, "")
	case KindDocument:
		w.para(DocumentLead(l, p)+corrected, "B")
		if p.Provenance != "" {
			w.para(sentence(p.Provenance), "I")
		}
		w.quote(p.Points, p.Text)
	case KindMotion:
		w.para(p.Motion.Lead(l)+corrected, "B")
		if !w.paper(p.Motion, false) {
			w.quote(p.Motion.Points, p.Motion.Text)
		}
	case KindQuestion:
		w.para(QuestionText(l, p.Vote)+corrected, "")
	case KindVote:
		w.para(VoteLine(l, p.Vote)+corrected, "B")
		for _, t := range p.Vote.BallotsParagraphs(l) {
			w.para(t, "")
		}
		if t := ResultNote(l, p.Vote); t != "" {
			w.para(t, "I")
		}
		w.resolution(p.Vote.Resolution)
		if t := p.Vote.Unapplied; t != "" {
			w.para(t, "I")
		}
	case KindElection:
		w.para(sentence(l.T("minutes.election.lead", p.Election.Title))+" "+p.Election.ElectedText(l)+corrected, "B")
		if t := ElectionNote(l, p.Election); t != "" {
			w.para(t, "I")
		}
		for _, t := range []string{p.Election.ListsText(l), p.Election.BallotsText(l)} {
			if t != "" {
				w.para(t, "")
			}
		}
	case KindGap:
		w.para(GapText(l, p), "I")
	case KindCorrection:
		if p.OnCount {
			// A note on a count: the secretary's words not in bold, and
			// the count standing in bold after them.
			w.para(l.Elide(CorrectionLead(l, p))+" "+CorrectionText(l, p), "")
			w.para(CountStands(l), "B")
		} else {
			w.para(l.Elide(CorrectionLead(l, p))+" "+p.Text, "B")
		}
		w.para(ReasonNote(l, p.Reason), "I")
	case KindStrike:
		w.para(StrikeLead(l, p), "B")
		w.para(ReasonNote(l, p.Reason), "I")
	}
}

// addFonts registers the PDFs' font in its four faces (pdffont: the Go
// fonts they were set in before had no glyph for "ễ", nor any combining
// mark to draw it with).
func addFonts(pdf *fpdf.Fpdf) { pdffont.Add(pdf) }

// pdfText is text as the PDF can show it (pdffont.Text): composed (NFC),
// a letter the font lacks drawn as its letter and marks where it has
// them, and any other character the font has no glyph for (an emoji,
// Thai, Hebrew or Arabic, which fpdf would set left to right, a control
// character) written as its code point, "[U+1F600]", so that the PDF says
// what it could not show rather than dropping it — and fpdf, whose font
// tables stop at U+FFFF, would panic on a character beyond. The HTML and
// Markdown of the same checkpoint show the text itself.
func pdfText(s string) string {
	return pdffont.Text(s, func(r rune) string {
		if r == '\n' {
			return "\n"
		}
		return fmt.Sprintf("[U+%04X]", r)
	})
}
