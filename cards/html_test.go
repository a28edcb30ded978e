package cards_test

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"rsc.io/qr"

	"plenum/cards"
	"plenum/internal/pdftext"
)

// browserCards are cards of names the PDF prints in full and of names it
// cannot (Arabic, Chinese, Hebrew, Devanagari), a namesake with a member
// number, one without an organization; nine of them.
func browserCards() []cards.Card {
	cs := []cards.Card{
		{Person: "amal", Name: "أمل الحسيني", Ref: "M1001", Organization: "نقابة العمال", OrganizationID: "o1", Mandate: "decisive"},
		{Person: "li", Name: "李小龙", Organization: "中国工会", OrganizationID: "o2", Mandate: "consultative"},
		{Person: "dana", Name: "Dana כהן", Organization: "Histadrut", OrganizationID: "o3", Mandate: "guest"},
		{Person: "zuern-a", Name: "Ayşe Zürn", Ref: "M1005", Namesake: true, Organization: "Members", OrganizationID: "o4", Mandate: "decisive"},
		{Person: "zuern-b", Name: "Ayşe Zürn", Namesake: true, Organization: "Members", OrganizationID: "o4", Mandate: "decisive"},
		{Person: "raj", Name: "राजेश कुमार", Mandate: "decisive"},
		{Person: "fedor", Name: "Фёдор Шаляпин", Organization: "Members", OrganizationID: "o4", Mandate: "decisive"},
		{Person: "omer", Name: "Ömer Nguyễn", Organization: "Members", OrganizationID: "o4", Mandate: "ex_officio"},
		{Person: "eleni", Name: "Ελένη Παπαδοπούλου", Organization: "Members", OrganizationID: "o4", Mandate: "consultative"},
	}
	for i := range cs {
		cs[i].Code = fmt.Sprintf("ABCD-EFGH-JKLM-NP%02d", i+20)
		cs[i].Link = "https://congress.example.org/login?code=" + cs[i].Code
	}
	return cs
}

var tagRe = regexp.MustCompile(`<[^>]*>`)

// htmlText is the text of an HTML fragment, tags removed, entities read,
// white space folded.
func htmlText(s string) string {
	return strings.Join(strings.Fields(html.UnescapeString(tagRe.ReplaceAllString(s, " "))), " ")
}

// TestHTMLCardsAreThePDFCards: the browser's cards (HTMLIn) are the PDF's
// (PDFIn) of the same issue: each card has the same code, link, mandate
// and organization, and the name with the same words beside it (the
// member number of a name the PDF cannot print, the number or the id of
// a namesake); but a name in Arabic, Chinese, Hebrew or Devanagari stands
// on the browser's card in full, as text the browser sets right to left
// where it is written so (dir="auto"), where the PDF prints boxes. Nine
// cards, each card with a QR code.
func TestHTMLCardsAreThePDFCards(t *testing.T) {
	cs := browserCards()
	doc, err := cards.HTMLIn("Union Congress 2026", cs, "en", cards.A4)
	if err != nil {
		t.Fatal(err)
	}
	body := string(doc.Body)
	pdf, err := cards.PDFIn("Union Congress 2026", cs, "en")
	if err != nil {
		t.Fatal(err)
	}
	pdfFlat := strings.Join(strings.Fields(pdftext.Text(t, pdf)), " ")
	articles := regexp.MustCompile(`(?s)<article class="card s\d">.*?</article>`).FindAllString(body, -1)
	if len(articles) != len(cs) {
		t.Fatalf("%d cards in the HTML, want %d", len(articles), len(cs))
	}
	// As given (not in print order, cards.Order), the cards are six runs
	// of one delegation each (o1, o2, o3, o4 ×2, personal, o4 ×3): the
	// first five, six cards, share a sheet; the last three do not fit in
	// what is left of it and start the next, in the PDF as in the HTML.
	if n := strings.Count(body, `<section class="sheet">`); n != 2 {
		t.Errorf("nine cards in six runs of one delegation on %d sheets, want 2", n)
	}
	if n := strings.Count(pdftext.Text(t, pdf), "\f"); n != 2 {
		t.Errorf("the PDF: %d pages, want 2", n)
	}
	for i, c := range cs {
		a := articles[i]
		text := htmlText(a)
		// The PDF's words for the card, read back by pdftotext.
		for _, want := range []string{c.Code, "Scan the square or open: " + c.Link} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the browser's card does not say %q:\n%s", c.Person, want, text)
			}
			if !strings.Contains(pdfFlat, want) {
				t.Errorf("%s: the PDF's card does not say %q", c.Person, want)
			}
		}
		if !strings.Contains(a, `<p class="name" dir="auto">`+html.EscapeString(c.Name)) {
			t.Errorf("%s: the name %q is not the card's text, dir=auto:\n%s", c.Person, c.Name, a)
		}
		if c.Organization != "" && !strings.Contains(a, `<p class="org" dir="auto">`+html.EscapeString(c.Organization)+`</p>`) {
			t.Errorf("%s: the organization %q is not on the card, dir=auto:\n%s", c.Person, c.Organization, a)
		}
		if n := strings.Count(a, `<svg class="qr"`); n != 1 {
			t.Errorf("%s: %d QR codes on the card", c.Person, n)
		}
	}
	for _, want := range []struct{ person, html, pdf string }{
		// Beside a name the PDF cannot print: the member number, else the id.
		{"amal", "أمل الحسيني (No. M1001)", "(No. M1001)"},
		{"li", "李小龙 (li)", "□□□ (li)"},
		{"dana", "Dana כהן (dana)", "Dana □□□ (dana)"},
		{"raj", "राजेश कुमार (raj)", "(raj)"},
		// A namesake: the number, else the organization and the id.
		{"zuern-a", "Ayşe Zürn (No. M1005)", "Ayşe Zürn (No. M1005)"},
		{"zuern-b", "Ayşe Zürn (Members, zuern-b)", "Ayşe Zürn (Members, zuern-b)"},
		// Names the PDF prints stand alone on both.
		{"fedor", "Фёдор Шаляпин Members Delegate, decisive vote", "Фёдор Шаляпин Members Delegate, decisive vote"},
		{"omer", "Ömer Nguyễn Members Ex officio", "Ömer Nguyễn Members Ex officio"},
		{"raj", "Decisive vote", "Decisive vote"},
	} {
		i := slicesIndex(cs, want.person)
		if !strings.Contains(htmlText(articles[i]), want.html) {
			t.Errorf("%s: the browser's card does not say %q:\n%s", want.person, want.html, htmlText(articles[i]))
		}
		if !strings.Contains(strings.ReplaceAll(pdfFlat, "\u00a0", " "), want.pdf) {
			t.Errorf("%s: the PDF does not say %q:\n%s", want.person, want.pdf, pdfFlat)
		}
	}
	// The document is in the assembly's language and fetches nothing.
	if !strings.Contains(body, `<html lang="en"`) {
		t.Error("the document has no lang")
	}
	for _, bad := range []string{"src=", "href=", "<script", "<link", "url(", "@import", "style=\""} {
		if strings.Contains(body, bad) {
			t.Errorf("the document has %q: it must fetch nothing and need no inline style attribute", bad)
		}
	}
	// Its policy allows its one style sheet, by the hash of its text.
	style := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindStringSubmatch(body)
	if style == nil {
		t.Fatal("no style sheet")
	}
	sum := sha256.Sum256([]byte(style[1]))
	if want := "style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(doc.Policy, want) || !strings.Contains(doc.Policy, "default-src 'none'") || strings.Contains(doc.Policy, "unsafe") {
		t.Errorf("policy %q, want default-src 'none' and %s", doc.Policy, want)
	}
	for _, want := range []string{"@page{size:A4;margin:0}", "break-after:page", "@media print{.note{display:none}}"} {
		if !strings.Contains(style[1], want) {
			t.Errorf("the style sheet has no %q", want)
		}
	}
	de, err := cards.HTMLIn("Kongress", cs[:1], "de", cards.A4)
	if err != nil {
		t.Fatal(err)
	}
	if s := string(de.Body); !strings.Contains(s, `<html lang="de"`) || !strings.Contains(html.UnescapeString(s), "Persönlicher Zugangscode") || !strings.Contains(html.UnescapeString(s), "Mandatskarten mit neuen Zugangscodes") {
		t.Error("the German cards are not in German")
	}
}

func slicesIndex(cs []cards.Card, person string) int {
	for i, c := range cs {
		if c.Person == person {
			return i
		}
	}
	panic(person)
}

// TestHTMLCardsQRCodes: each card's QR code, drawn as SVG, has exactly the
// dark modules of the QR code of its login link (the one the PDF prints
// as PNG), inside a white quiet zone of four modules.
func TestHTMLCardsQRCodes(t *testing.T) {
	cs := browserCards()[:3]
	doc, err := cards.HTMLIn("Union Congress 2026", cs, "en", cards.A4)
	if err != nil {
		t.Fatal(err)
	}
	svgs := regexp.MustCompile(`<svg class="qr"[^>]*viewBox="-4 -4 (\d+) (\d+)"[^>]*>.*?<path fill="#000" d="([^"]*)"/></svg>`).FindAllStringSubmatch(string(doc.Body), -1)
	if len(svgs) != len(cs) {
		t.Fatalf("%d QR codes, want %d", len(svgs), len(cs))
	}
	run := regexp.MustCompile(`M(\d+) (\d+)h(\d+)v1h-(\d+)z`)
	for i, c := range cs {
		q, err := qr.Encode(c.Link, qr.M)
		if err != nil {
			t.Fatal(err)
		}
		if w, _ := strconv.Atoi(svgs[i][1]); w != q.Size+8 {
			t.Errorf("%s: view box %d wide, want %d modules and the quiet zone", c.Person, w, q.Size+8)
		}
		got := map[[2]int]bool{}
		path := svgs[i][3]
		if rest := run.ReplaceAllString(path, ""); rest != "" {
			t.Fatalf("%s: the path has %q besides runs of modules", c.Person, rest)
		}
		for _, m := range run.FindAllStringSubmatch(path, -1) {
			x, _ := strconv.Atoi(m[1])
			y, _ := strconv.Atoi(m[2])
			n, _ := strconv.Atoi(m[3])
			for k := range n {
				got[[2]int{x + k, y}] = true
			}
		}
		for y := range q.Size {
			for x := range q.Size {
				if got[[2]int{x, y}] != q.Black(x, y) {
					t.Fatalf("%s: module (%d, %d) is dark %v in the SVG, %v in the code", c.Person, x, y, got[[2]int{x, y}], q.Black(x, y))
				}
			}
		}
		if len(got) == 0 {
			t.Errorf("%s: an empty QR code", c.Person)
		}
	}
}

// TestHTMLCardsOnLetter: on Letter paper the sheet is 215.9 × 279.4 mm,
// the eight cards of 90 × 65 mm fit it centred, and the cut marks stay
// in its margins, at least 4 mm from the paper's edges (which a printer
// leaves blank) and clear of the cards.
func TestHTMLCardsOnLetter(t *testing.T) {
	doc, err := cards.HTMLIn("Union Congress 2026", browserCards(), "en", cards.Letter)
	if err != nil {
		t.Fatal(err)
	}
	body := string(doc.Body)
	if !strings.Contains(body, "@page{size:letter;margin:0}") || !strings.Contains(body, `viewBox="0 0 215.90 279.40"`) {
		t.Fatalf("not laid out on Letter:\n%s", body[:min(len(body), 3000)])
	}
	const w, h, mx, my = 215.9, 279.4, (215.9 - 180) / 2, (279.4 - 260) / 2
	marks := regexp.MustCompile(`<svg class="marks"[^>]*><path d="([^"]*)"`).FindStringSubmatch(body)
	if marks == nil {
		t.Fatal("no cut marks")
	}
	seg := regexp.MustCompile(`M([\d.]+) ([\d.]+)([VH])([\d.]+)`)
	segs := seg.FindAllStringSubmatch(marks[1], -1)
	if len(segs) != 2*3+2*5 {
		t.Fatalf("%d cut marks, want 16: %s", len(segs), marks[1])
	}
	for _, s := range segs {
		x, _ := strconv.ParseFloat(s[1], 64)
		y, _ := strconv.ParseFloat(s[2], 64)
		to, _ := strconv.ParseFloat(s[4], 64)
		x2, y2 := x, y
		if s[3] == "V" {
			y2 = to
		} else {
			x2 = to
		}
		for _, p := range [][2]float64{{x, y}, {x2, y2}} {
			if p[0] < 3.99 || p[1] < 3.99 || p[0] > w-3.99 || p[1] > h-3.99 {
				t.Errorf("cut mark %s reaches %v, within 4 mm of the edge", s[0], p)
			}
			if p[0] > mx+0.5 && p[0] < w-mx-0.5 && p[1] > my+0.5 && p[1] < h-my-0.5 {
				t.Errorf("cut mark %s reaches into the cards at %v", s[0], p)
			}
		}
	}
	if !strings.Contains(body, fmt.Sprintf(".s7{left:%.2fmm;top:%.2fmm}", mx+90, my+3*65)) {
		t.Errorf("the last card's place is not %.2f, %.2f mm", mx+90, my+3*65)
	}
}
