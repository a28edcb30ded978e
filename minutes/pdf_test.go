package minutes

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
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
// scripts the Go fonts lack, combining marks, control characters. The PDF
// must render, and say which characters it could not show, never drop
// them silently.
func TestPDFUnencodableText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"vote 😀 for", "vote [U+1F600] for"},
		{"עב", "[U+05E2][U+05D1]"},
		{"a\x00b\x1f", "a[U+0000]b[U+001F]"},
		{"Čech e\u0301 – “38”", "Čech é – “38”"},
		{"é\u0301", "é[U+0301]"},
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
