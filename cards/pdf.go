package cards

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gomonobold"
	"rsc.io/qr"

	"plenum/assembly"
	"plenum/i18n"
	"plenum/internal/names"
	"plenum/internal/pdffont"
)

// The sheet: A4 portrait, two columns of four cards, 90 × 65 mm each,
// edge to edge, so that one cut along each line of the grid parts them.
// Cut marks stand in the margins, outside every card:
//
//	  |        |        |
//	--+--------+--------+--
//	  | card 1 | card 2 |
//	--+--------+--------+--
//	  |  …     |        |
const (
	pageW, pageH   = 210.0, 297.0
	cols, rows     = 2, 4
	cardW, cardH   = 90.0, 65.0
	perPage        = cols * rows
	marginX        = (pageW - cols*cardW) / 2 // 15 mm
	marginY        = (pageH - rows*cardH) / 2 // 18.5 mm
	markLen, markG = 7.0, 2.0                 // a cut mark's length, and its gap from the grid
	qrSize         = 30.0
)

// PDF lays the cards out on A4 sheets, eight to a page with cut marks: on
// each card the assembly's name, the person's name, organization and
// mandate, the access code and a QR code of the login link. The
// cards come in print order (Order, as Issue gives them) and no
// delegation that fits on a page is cut across two (sheets): one that
// does not fit in what is left of a page starts the next, so a cut sheet
// holds whole delegations, named in its head (before, a district's cards
// could run over into the next sheet, mixing two envelopes' cards); a
// delegation alone prints with Selection.Organization. Names print in package pdffont's font (Latin
// with Vietnamese, Greek, Cyrillic); a character it lacks prints as a
// box, and the name is followed by the person's member number, else
// their id, so that the card can still be matched (Unprintable lists
// them, and the mandates page warns of them before printing; HTMLIn
// lays out the same cards for the browser, which prints them). A name
// another person of the assembly bears too is followed by the member
// number, else the organization and the id (Card.Namesake).
func PDF(assemblyName string, cards []Card) ([]byte, error) { return PDFIn(assemblyName, cards, "") }

// PDFIn lays the cards out as PDF does, their words in a language (the
// assembly's: Issued.Language); names and organizations as recorded.
func PDFIn(assemblyName string, cards []Card, lang string) ([]byte, error) {
	l := i18n.For(lang)
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetTitle(l.T("cards.title", assemblyName), true)
	pdf.SetLang(l.Lang())
	pdf.SetCreator("plenum", true)
	pdf.SetAutoPageBreak(false, 0)
	pdffont.Add(pdf, "", "B")
	pdf.AddUTF8FontFromBytes("gomono", "B", gomonobold.TTF) // the code: ASCII
	for _, page := range sheets(cards) {
		pdf.AddPage()
		sheet(pdf, l, assemblyName, page)
		for slot, c := range page {
			if err := card(pdf, l, assemblyName, c, slot); err != nil {
				return nil, err
			}
		}
	}
	if len(cards) == 0 {
		pdf.AddPage()
		pdf.SetFont(pdffont.Family, "", 12)
		pdf.Text(20, 30, printable(l.T("cards.none")))
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sheet draws a page's cut marks and its head: the organizations whose
// cards it holds, in their order.
func sheet(pdf *fpdf.Fpdf, l *i18n.Locale, assemblyName string, page []Card) {
	pdf.SetDrawColor(0, 0, 0)
	pdf.SetLineWidth(0.15)
	for c := 0; c <= cols; c++ {
		x := marginX + float64(c)*cardW
		pdf.Line(x, marginY-markG-markLen, x, marginY-markG)
		pdf.Line(x, pageH-marginY+markG, x, pageH-marginY+markG+markLen)
	}
	for r := 0; r <= rows; r++ {
		y := marginY + float64(r)*cardH
		pdf.Line(marginX-markG-markLen, y, marginX-markG, y)
		pdf.Line(pageW-marginX+markG, y, pageW-marginX+markG+markLen, y)
	}
	head := sheetHead(l, page)
	pdf.SetTextColor(90, 90, 90)
	pdf.SetFont(pdffont.Family, "", 7)
	pdf.SetXY(marginX, 3)
	pdf.MultiCell(cols*cardW, 3, printable(head+" · "+assemblyName), "", "C", false) // up to eight names wrap above the marks
}

// card draws one card in its slot on the page.
func card(pdf *fpdf.Fpdf, l *i18n.Locale, assemblyName string, c Card, slot int) error {
	x := marginX + float64(slot%cols)*cardW
	y := marginY + float64(slot/cols)*cardH
	// A faint frame helps to cut straight; the marks are what to cut on.
	pdf.SetDrawColor(215, 215, 215)
	pdf.SetLineWidth(0.1)
	pdf.Rect(x, y, cardW, cardH, "D")
	textW := cardW - qrSize - 10

	pdf.SetTextColor(90, 90, 90)
	pdf.SetFont(pdffont.Family, "", 7.5)
	pdf.SetXY(x+4, y+4)
	pdf.CellFormat(cardW-8, 4, printable(assemblyName), "", 1, "L", false, 0, "")
	pdf.SetTextColor(0, 0, 0)
	pdf.SetFont(pdffont.Family, "B", 12)
	pdf.SetXY(x+4, y+10)
	pdf.MultiCell(textW, 5.5, cardName(l, c), "", "L", false)
	pdf.SetFont(pdffont.Family, "", 8.5)
	if c.Organization != "" {
		pdf.SetX(x + 4)
		pdf.MultiCell(textW, 4, printable(c.Organization), "", "L", false)
	}
	if c.Mandate != "" {
		pdf.SetX(x + 4)
		pdf.CellFormat(textW, 4.5, printable(roleWords(l, c)), "", 1, "L", false, 0, "")
	}

	pdf.SetFont(pdffont.Family, "", 6.5)
	pdf.SetXY(x+4, y+cardH-25)
	pdf.CellFormat(cardW-8, 4, printable(l.T("cards.code")), "", 1, "L", false, 0, "")
	pdf.SetFont("gomono", "B", 14)
	pdf.SetXY(x+4, y+cardH-20.5)
	pdf.CellFormat(cardW-8, 7, c.Code, "", 1, "L", false, 0, "")
	pdf.SetFont(pdffont.Family, "", 6)
	pdf.SetXY(x+4, y+cardH-12)
	pdf.MultiCell(cardW-8, 3, printable(l.T("cards.scan", c.Link)), "", "L", false)

	q, err := qr.Encode(c.Link, qr.M)
	if err != nil {
		return fmt.Errorf("QR code for %s: %w", c.Person, err)
	}
	img := "qr-" + c.Person
	pdf.RegisterImageOptionsReader(img, fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(q.PNG()))
	pdf.ImageOptions(img, x+cardW-qrSize-4, y+9, qrSize, qrSize, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	return nil
}

// cardName is the name as a card prints it (printable), followed, where
// the name alone does not tell whose card it is, by what does (tell).
func cardName(l *i18n.Locale, c Card) string {
	name := printable(c.Name)
	if t := tell(l, c, len(Unprintable(c.Name)) > 0); t != "" {
		return name + " (" + printable(t) + ")"
	}
	return name
}

// tell is what a card prints in brackets after the name where the name
// alone does not tell whose card it is, else "": for a name the PDF's
// font cannot print in full (unprintable), the member number, else the
// id; for a name another person bears too (Card.Namesake), the member
// number, else the organization and the id. The browser's cards (HTML)
// print the same, so that a card from either matches the same list.
func tell(l *i18n.Locale, c Card, unprintable bool) string {
	if !c.Namesake && !unprintable {
		return ""
	}
	org := ""
	if c.Namesake {
		org = c.Organization
	}
	t := names.Tell(l, c.Ref, org, c.Person)
	if c.Ref != "" {
		// "(No. M06840)" stays on one line: the card wraps the name at
		// spaces, and "(No." alone at a line's end reads as nothing.
		t = strings.ReplaceAll(t, " ", "\u00a0")
	}
	return t
}

// printable is s as the cards' font prints it (pdffont.Text): a
// character it has no glyph for as a box, "□".
func printable(s string) string {
	return pdffont.Text(s, func(rune) string { return "□" })
}

// Unprintable returns the characters of s that the cards' font cannot
// print (each once, in order).
func Unprintable(s string) []rune { return pdffont.Missing(s) }

// roleWords is the card's line under the name: the mandate's kind, for
// a mandate from an organization as a delegate's ("Delegate, decisive
// vote"); a personal mandate (a member of a cooperative or an
// association, who takes part in their own right) is no delegate's, and
// its card says the vote alone ("Decisive vote"). Guests and members ex
// officio are named so either way.
func roleWords(l *i18n.Locale, c Card) string {
	if c.OrganizationID == "" && (c.Mandate == assembly.KindDecisive || c.Mandate == assembly.KindConsultative) {
		return l.T("cards.vote." + c.Mandate)
	}
	return MandateWordsIn(l, c.Mandate)
}

// MandateWords names a mandate's kind as an English card prints it.
func MandateWords(kind string) string { return MandateWordsIn(nil, kind) }

// MandateWordsIn names a mandate's kind as a card prints it in a language.
func MandateWordsIn(l *i18n.Locale, kind string) string {
	switch kind {
	case assembly.KindDecisive, assembly.KindConsultative, assembly.KindGuest, assembly.KindExOfficio:
		return l.T("cards.kind." + kind)
	}
	return kind
}
