package cards

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"slices"
	"strings"

	"rsc.io/qr"

	"plenum/i18n"
)

// Paper is the size of the sheets the browser's cards (HTML) are laid
// out on.
type Paper string

const (
	A4     Paper = "a4"     // 210 × 297 mm, as the PDF
	Letter Paper = "letter" // 8.5 × 11 in, 215.9 × 279.4 mm
)

// HTMLDoc is the cards as one HTML document (HTMLIn), and the
// Content-Security-Policy to serve it with: nothing in it is fetched or
// run, and its one style sheet is allowed by its hash.
type HTMLDoc struct {
	Body   []byte
	Policy string
}

// HTMLIn lays out the same cards as PDFIn, in an HTML document for the
// browser to print: A4 (or Letter) sheets of eight cards of 90 × 65 mm
// in a grid with cut marks in the margins (CSS @page and page breaks),
// on the same sheets as the PDF (sheets: no delegation that fits on a sheet cut across two);
// on each card the assembly's name, the person's name with what the PDF
// prints beside it (tell), organization and mandate, the access code, a
// QR code of the login link as inline SVG, and the link. The browser
// lays the names out with the device's fonts and shapes them (Arabic
// joined, right to left: each name is dir="auto"), which fpdf and the
// PDF's embedded font cannot: a name in Arabic, Hebrew, Chinese,
// Devanagari… prints in full where the device has a font for it. The
// document fetches nothing (its style sheet is inline, the QR codes are
// SVG), and a note above the sheets, which is not printed, says how to
// print them. The words are in lang (the assembly's language).
func HTMLIn(assemblyName string, cards []Card, lang string, paper Paper) (*HTMLDoc, error) {
	l := i18n.For(lang)
	g := geometry(paper)
	d := htmlData{L: l, Lang: l.Lang(), Title: l.T("cards.title", assemblyName), Assembly: assemblyName, Paper: g}
	for _, page := range sheets(cards) {
		s := htmlSheet{Number: len(d.Sheets) + 1, Head: sheetHead(l, page)}
		for slot, c := range page {
			q, err := qr.Encode(c.Link, qr.M)
			if err != nil {
				return nil, fmt.Errorf("QR code for %s: %w", c.Person, err)
			}
			s.Cards = append(s.Cards, htmlCard{Card: c, Slot: slot, Tell: tell(l, c, len(Unprintable(c.Name)) > 0),
				Role: roleWords(l, c), Scan: l.T("cards.scan", c.Link), QR: qrSVG(q)})
		}
		d.Sheets = append(d.Sheets, s)
	}
	style := g.style()
	d.Style = template.CSS(style)
	var buf bytes.Buffer
	if err := htmlCards.Execute(&buf, d); err != nil {
		return nil, err
	}
	sum := sha256.Sum256([]byte(style))
	return &HTMLDoc{Body: buf.Bytes(), Policy: "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) +
		"'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"}, nil
}

// sheetHead is a sheet's head, in the PDF and the HTML alike: the
// organizations whose cards it holds, in their order.
func sheetHead(l *i18n.Locale, page []Card) string {
	var orgs []string
	for _, c := range page {
		o := c.Organization
		if o == "" {
			o = l.T("cards.personal")
		}
		if !slices.Contains(orgs, o) {
			orgs = append(orgs, o)
		}
	}
	return strings.Join(orgs, ", ")
}

// paperGeometry is where the grid and the marks stand on a sheet, in mm.
type paperGeometry struct {
	Name         Paper
	W, H         float64
	MarginX      float64
	MarginY      float64
	MarkLen      float64
	Head         bool // the sheet's head fits above the marks
	Marks        string
	CardW, CardH float64
	QRSize       float64
	TextW        float64
	Slots        []struct{ X, Y float64 }
}

// geometry is the grid on paper: the PDF's on A4; on Letter, whose
// margin above and below the cards is 9.7 mm, the marks are shorter, so
// as not to reach into the edge a printer leaves blank, and the sheet
// has no head (each card names its organization).
func geometry(paper Paper) paperGeometry {
	g := paperGeometry{Name: A4, W: pageW, H: pageH, MarkLen: markLen, Head: true, CardW: cardW, CardH: cardH, QRSize: qrSize, TextW: cardW - qrSize - 10}
	if paper == Letter {
		g.Name, g.W, g.H, g.Head = Letter, 215.9, 279.4, false
	}
	g.MarginX, g.MarginY = (g.W-cols*cardW)/2, (g.H-rows*cardH)/2
	if g.Name == Letter {
		g.MarkLen = g.MarginY - markG - 4
	}
	var p strings.Builder
	for c := 0; c <= cols; c++ {
		x := g.MarginX + float64(c)*cardW
		fmt.Fprintf(&p, "M%.2f %.2fV%.2fM%.2f %.2fV%.2f", x, g.MarginY-markG-g.MarkLen, g.MarginY-markG, x, g.H-g.MarginY+markG, g.H-g.MarginY+markG+g.MarkLen)
	}
	for r := 0; r <= rows; r++ {
		y := g.MarginY + float64(r)*cardH
		fmt.Fprintf(&p, "M%.2f %.2fH%.2fM%.2f %.2fH%.2f", g.MarginX-markG-g.MarkLen, y, g.MarginX-markG, g.W-g.MarginX+markG, y, g.W-g.MarginX+markG+g.MarkLen)
	}
	g.Marks = p.String()
	for slot := range perPage {
		g.Slots = append(g.Slots, struct{ X, Y float64 }{g.MarginX + float64(slot%cols)*cardW, g.MarginY + float64(slot/cols)*cardH})
	}
	return g
}

// style is the document's style sheet: the sheets at their size, on the
// screen as sheets of paper under the note, in print edge to edge, one
// to a page, without the note.
func (g paperGeometry) style() string {
	var b strings.Builder
	size := "A4"
	if g.Name == Letter {
		size = "letter"
	}
	fmt.Fprintf(&b, `@page{size:%s;margin:0}
*{box-sizing:border-box}
html,body{margin:0;padding:0}
body{font-family:Arial,"Liberation Sans","Helvetica Neue",sans-serif;color:#000;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.sheet{position:relative;width:%.2fmm;height:%.2fmm;overflow:hidden;background:#fff;break-after:page;page-break-after:always}
.sheet:last-child{break-after:auto;page-break-after:auto}
.marks{position:absolute;left:0;top:0;width:%.2fmm;height:%.2fmm}
.head{position:absolute;left:%.2fmm;top:3mm;width:%.2fmm;margin:0;font-size:7pt;line-height:3mm;color:#5a5a5a;text-align:center}
.card{position:absolute;width:%.2fmm;height:%.2fmm;border:0.1mm solid #d7d7d7;overflow:hidden}
`, size, g.W, g.H-0.5, g.W, g.H, g.MarginX, cols*cardW, g.CardW, g.CardH)
	for i, s := range g.Slots {
		fmt.Fprintf(&b, ".s%d{left:%.2fmm;top:%.2fmm}\n", i, s.X, s.Y)
	}
	fmt.Fprintf(&b, `.card p{margin:0}
.asm{position:absolute;left:4mm;top:4mm;width:%.2fmm;font-size:7.5pt;line-height:4mm;color:#5a5a5a;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.who{position:absolute;left:4mm;top:10mm;width:%.2fmm;max-height:%.2fmm;overflow:hidden;overflow-wrap:anywhere}
.name{font-weight:bold;font-size:12pt;line-height:5.5mm}
.org{font-size:8.5pt;line-height:4mm}
.role{font-size:8.5pt;line-height:4.5mm}
.qr{position:absolute;left:%.2fmm;top:9mm;width:%.2fmm;height:%.2fmm}
.label{position:absolute;left:4mm;top:%.2fmm;font-size:6.5pt;line-height:4mm;color:#5a5a5a}
.code{position:absolute;left:4mm;top:%.2fmm;font-family:"Go Mono","DejaVu Sans Mono","Liberation Mono",Consolas,monospace;font-weight:bold;font-size:14pt;line-height:7mm;letter-spacing:0.02em}
.scan{position:absolute;left:4mm;top:%.2fmm;width:%.2fmm;font-size:6pt;line-height:3mm;color:#5a5a5a;overflow-wrap:anywhere}
.none{padding:20mm;font-size:12pt}
@media screen{body{background:#d9d9d9}.note{max-width:210mm;margin:0 auto;padding:4mm 6mm;background:#fff8d6;border-bottom:1px solid #b8a44a;font-size:11pt;line-height:1.4}.note p{margin:0.4em 0}.sheet{margin:6mm auto;box-shadow:0 1px 4px rgba(0,0,0,.35)}}
@media print{.note{display:none}}
`, g.CardW-8, g.TextW, g.CardH-25-10-1, g.CardW-g.QRSize-4, g.QRSize, g.QRSize, g.CardH-25, g.CardH-20.5, g.CardH-12, g.CardW-8)
	return b.String()
}

type htmlData struct {
	L        *i18n.Locale
	Lang     string
	Title    string
	Assembly string
	Style    template.CSS
	Paper    paperGeometry
	Sheets   []htmlSheet
}

type htmlSheet struct {
	Number int
	Head   string
	Cards  []htmlCard
}

type htmlCard struct {
	Card
	Slot int
	Tell string // what the PDF prints beside the name (tell), or ""
	Role string
	Scan string
	QR   template.HTML
}

// qrSVG draws q as an SVG of its dark modules, with the quiet zone of
// four modules round it that a reader needs (as q.PNG has).
func qrSVG(q *qr.Code) template.HTML {
	var p strings.Builder
	for y := range q.Size {
		for x := 0; x < q.Size; {
			if !q.Black(x, y) {
				x++
				continue
			}
			n := 1
			for x+n < q.Size && q.Black(x+n, y) {
				n++
			}
			fmt.Fprintf(&p, "M%d %dh%dv1h-%dz", x, y, n, n)
			x += n
		}
	}
	return template.HTML(fmt.Sprintf(`<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="-4 -4 %d %d" shape-rendering="crispEdges" aria-hidden="true"><rect x="-4" y="-4" width="%d" height="%d" fill="#fff"/><path fill="#000" d="%s"/></svg>`,
		q.Size+8, q.Size+8, q.Size+8, q.Size+8, p.String()))
}

var htmlCards = template.Must(template.New("cards").Funcs(template.FuncMap{
	"mm": func(f float64) string { return fmt.Sprintf("%.2f", f) },
}).Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>{{.Title}}</title>
<style>{{.Style}}</style>
</head>
<body>
<div class="note" role="note">
<p><strong>{{.L.T "cards.html.print"}}</strong></p>
<p>{{.L.T "cards.html.how"}}</p>
<p>{{.L.T "cards.html.once"}}</p>
</div>
<main>
{{range .Sheets}}<section class="sheet">
<svg class="marks" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{mm $.Paper.W}} {{mm $.Paper.H}}" aria-hidden="true"><path d="{{$.Paper.Marks}}" stroke="#000" stroke-width="0.15" fill="none"/></svg>
{{if $.Paper.Head}}<p class="head"><bdi dir="auto">{{.Head}}</bdi> · <bdi dir="auto">{{$.Assembly}}</bdi></p>
{{end}}{{range .Cards}}<article class="card s{{.Slot}}">
<p class="asm" dir="auto">{{$.Assembly}}</p>
<div class="who">
<p class="name" dir="auto">{{.Name}}{{with .Tell}} <bdi dir="ltr">({{.}})</bdi>{{end}}</p>
{{with .Organization}}<p class="org" dir="auto">{{.}}</p>
{{end}}{{if .Mandate}}<p class="role">{{.Role}}</p>
{{end}}</div>
{{.QR}}
<p class="label">{{$.L.T "cards.code"}}</p>
<p class="code" translate="no">{{.Code}}</p>
<p class="scan">{{.Scan}}</p>
</article>
{{end}}</section>
{{else}}<p class="none">{{.L.T "cards.none"}}</p>
{{end}}</main>
</body>
</html>
`))
