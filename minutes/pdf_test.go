package minutes

import (
	"bytes"
	"fmt"
	"html"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"

	"plenum/internal/pdffont"
	"plenum/internal/pdftext"
)

// TestPDF checks the structure of the PDF rather than its bytes: more than
// one page, and on every page the footer with "Page N of M" and the
// checkpoint (read from the uncompressed content streams).
func TestPDF(t *testing.T) {
	d := march(t)
	out, err := renderPDF(d, false)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %.20q", out)
	}
	pages := len(regexp.MustCompile(`/Type /Page\b[^s]`).FindAll(out, -1))
	if pages < 2 {
		t.Fatalf("%d pages, want several", pages)
	}
	footer := fmt.Sprintf("Checkpoint: %s, tree size %d, root hash %s", d.Checkpoint.Origin, d.Checkpoint.Size, d.Checkpoint.RootHash)
	if n := bytes.Count(out, []byte("("+footer+")")); n != pages {
		t.Errorf("the checkpoint footer is on %d of %d pages", n, pages)
	}
	for p := 1; p <= pages; p++ {
		if want := fmt.Sprintf("(Page %d of %d)", p, pages); !bytes.Contains(out, []byte(want)) {
			t.Errorf("no %q", want)
		}
	}
	// The compressed output is the same document, smaller, and the same on
	// every run: no clock in it.
	a, err := PDF(d)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := PDF(d)
	if !bytes.Equal(a, b) {
		t.Error("two renders of the same document differ")
	}
	if len(a) >= len(out) {
		t.Errorf("compressed %d bytes, uncompressed %d", len(a), len(out))
	}
}

// TestPDFUnencodableText renders text the PDF's fonts cannot show: an
// emoji (beyond the font tables' 16 bits: it made the renderer panic),
// scripts the font lacks or fpdf cannot set (right to left), combining
// marks, control characters. The PDF must render, and say which
// characters it could not show, never drop them silently.
func TestPDFUnencodableText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"vote 😀 for", "vote [U+1F600] for"},
		{"עב", "[U+05E2][U+05D1]"},
		{"a\x00b\x1f", "a[U+0000]b[U+001F]"},
		{"Čech e\u0301 – “38”", "Čech é – “38”"},
		{"é\u0301", "é\u0301"}, // the font has the combining marks
		{"two\nlines", "two\nlines"},
	} {
		if got := pdfText(c.in); got != c.want {
			t.Errorf("pdfText(%q) = %q, want %q", c.in, got, c.want)
		}
		for _, f := range []func(*Document) ([]byte, error){PDF, func(d *Document) ([]byte, error) { return BookPDF(d, "") }} {
			out, err := f(hostileDoc(c.in))
			if err != nil || !bytes.HasPrefix(out, []byte("%PDF-")) {
				t.Errorf("%q: %v", c.in, err)
			}
		}
	}
}

// TestPDFLongText renders a speech of a megabyte, and words of 100,000
// letters with no space to break at, as a speech, a narrative and a
// motion's text: it must finish (fpdf's Write took time quadratic in the
// length of one call: 36 s for 100 kB) and paginate.
func TestPDFLongText(t *testing.T) {
	long := strings.Repeat("word ", 1<<20/5)
	d := hostileDoc("x")
	ps := d.Sittings[0].Parts[0].Paragraphs
	ps[1].Text = long
	ps[0].Text = strings.Repeat("y", 100_000)
	ps[2].Motion.Text = strings.Repeat("z", 100_000)
	d.Sittings[0].Parts[0].Paragraphs = append(ps, Paragraph{Kind: KindSpeech, Speaker: Ref{Name: "B"}, Text: strings.Repeat("w", 100_000)})
	out, err := renderPDF(d, false)
	if err != nil {
		t.Fatal(err)
	}
	if pages := len(regexp.MustCompile(`/Type /Page\b[^s]`).FindAll(out, -1)); pages < 300 {
		t.Errorf("%d pages for over a megabyte of text", pages)
	}
}

// longOrigin is the origin of a log on a server with a long name, of an
// assembly with the longest id there may be (64 characters).
const longOrigin = "plenum.gewerkschaft-druck-und-papier.example.org/log/bundeskongress-2026-der-gewerkschaft-druck-und-papier-in-leipzig"

// TestPDFFooterFitsTheText: the checkpoint line of the PDFs' footer, for
// a long server name and assembly id, in the core font (English) and in
// the PDFs' own (every other language), breaks into lines each as wide as
// the text at most (one line for the test log's short origin in English;
// the Russian words are longer) (fpdf's measure of the line in the footer's font),
// which together say all of it; and in the PDFs of the minutes and of the
// motion book, as pdftotext finds the words drawn, no word of any page
// stands outside the margins (the footer ran 40 mm into the right margin
// for the long id, and on a page that ended in a quote stood indented as
// the quote, past the margin).
func TestPDFFooterFitsTheText(t *testing.T) {
	if len(longOrigin)-len("plenum.gewerkschaft-druck-und-papier.example.org/log/") != 64 {
		t.Fatal("the assembly id is not 64 characters long")
	}
	for _, c := range []struct{ lang, origin string }{{"en", ""}, {"en", longOrigin}, {"ru", ""}, {"ru", longOrigin}} {
		lang := c.lang
		d := *march(t)
		d.Lang = lang
		if c.origin != "" {
			d.Checkpoint.Origin = c.origin
		}
		l := d.locale()
		text := l.T("minutes.pdf.footer", d.Checkpoint.Origin, strconv.FormatInt(d.Checkpoint.Size, 10), d.Checkpoint.RootHash)
		pdf := fpdf.New("P", "mm", "A4", "")
		addFonts(pdf)
		pdf.SetMargins(20, 18, 20)
		width := 210 - 20 - 20 - 2*pdf.GetCellMargin()
		font := map[string]string{"en": "Helvetica", "ru": pdffont.Family}[lang]
		lines := footerLines(pdf, font, text)
		if c.origin != "" && len(lines) < 2 || c.origin == "" && lang == "en" && len(lines) != 1 || strings.Join(lines, " ") != text {
			t.Errorf("%s: the footer %q is set as %q", lang, text, lines)
		}
		pdf.SetFont(font, "", footerSize)
		for _, line := range lines {
			if w := pdf.GetStringWidth(line); w > width {
				t.Errorf("%s: the footer's line %q is %.1f mm wide, the text %.1f mm", lang, line, w, width)
			}
		}
		for name, render := range map[string]func(*Document) ([]byte, error){"minutes": PDF, "book": func(d *Document) ([]byte, error) { return BookPDF(d, "") }} {
			out, err := render(&d)
			if err != nil {
				t.Fatal(err)
			}
			// Every page, as pdftotext reads it (or the test is skipped
			// without it), ends with the footer's last word.
			pages := strings.Split(strings.TrimRight(pdftext.Text(t, out), "\f"), "\f")
			for i, p := range pages {
				if !strings.Contains(p, d.Checkpoint.RootHash) {
					t.Errorf("%s, %s, %s: page %d of %d has no root hash in its footer", lang, d.Checkpoint.Origin, name, i+1, len(pages))
				}
			}
			if bad := outsideMargins(t, out, 20); len(bad) > 0 {
				t.Errorf("%s, %s, %s: %d words outside the margins, such as %s", lang, d.Checkpoint.Origin, name, len(bad), bad[0])
			}
		}
	}
}

// outsideMargins lists the words pdftotext (-bbox) finds drawn in pdf
// outside the left and right margins of so many millimetres.
func outsideMargins(t *testing.T, pdf []byte, margin float64) []string {
	t.Helper()
	cmd := exec.Command("pdftotext", "-bbox", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	bbox, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	var out []string
	pageW := 0.0
	page := regexp.MustCompile(`<page width="([\d.]+)"`)
	word := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>`)
	words := 0
	for _, line := range strings.Split(string(bbox), "\n") {
		if m := page.FindStringSubmatch(line); m != nil {
			pageW, _ = strconv.ParseFloat(m[1], 64)
		}
		m := word.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		words++
		left, right := margin*72/25.4, pageW-margin*72/25.4
		x0, _ := strconv.ParseFloat(m[1], 64)
		x1, _ := strconv.ParseFloat(m[2], 64)
		if x0 < left-0.5 || x1 > right+0.5 {
			out = append(out, fmt.Sprintf("%q is drawn from %.1f to %.1f pt, outside the text's %.1f to %.1f", html.UnescapeString(m[3]), x0, x1, left, right))
		}
	}
	if words == 0 {
		t.Fatal("pdftotext found no words")
	}
	return out
}

// TestPDFSignedCheckpointRetypes: the signed checkpoint a historian reads
// on the paper is the signed note exactly, as pdftotext extracts it — the
// em dash of its signature line an em dash (the core Courier's WinAnsi
// encoding made it "â€”"), and each line of the note one line, not
// wrapped, even after a long server name and assembly id.
func TestPDFSignedCheckpointRetypes(t *testing.T) {
	long := "plenum.federation-cgt-metallurgie.example.fr"
	for _, c := range []struct{ name, signed string }{
		{"march", ""},
		{"long", long + "/log/42e-congres-de-la-federation-cgt-metallurgie\n108\nq2mbuA0B1dAnRAWbGRDA4NzViNSgcG4hnDsDSOyBfXk=\n\n\u2014 " + long +
			"+834a4cc4 g0N0aQAAAAAAAABsAAAAAAAAAGTVpjsz1tPYzIvZ6u7A9Frl5kNDa1nnVWzN3tkf0Y6qk6HDyC1cvPsVybyKhTLc9wQ=\n"},
	} {
		for _, lang := range []string{"en", "fr"} {
			d := *in(t, marchFixture(t), lang)
			if c.signed != "" {
				d.Checkpoint.Signed = c.signed
			}
			if !strings.Contains(d.Checkpoint.Signed, "\u2014 ") {
				t.Fatalf("%s: the note %q has no signature line", c.name, d.Checkpoint.Signed)
			}
			out, err := PDF(&d)
			if err != nil {
				t.Fatal(err)
			}
			text := pdftext.Text(t, out)
			var want []string
			for _, line := range strings.Split(d.Checkpoint.Signed, "\n") {
				if line != "" {
					want = append(want, line)
				}
			}
			lines := strings.Split(text, "\n")
			at := -1
			for i, line := range lines {
				if line == want[0] {
					at = i
				}
			}
			if at < 0 {
				t.Errorf("%s, %s: the PDF has no line %q; its last page reads\n%s", c.name, lang, want[0], text[strings.LastIndex(strings.TrimRight(text, "\f"), "\f")+1:])
				continue
			}
			var got []string
			for _, line := range lines[at:] {
				if len(got) == len(want) {
					break
				}
				if line != "" {
					got = append(got, line)
				}
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s, %s: the PDF's signed checkpoint reads\n%s\nnot the signed note\n%s", c.name, lang, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		}
	}
}
