package minutes

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"plenum/internal/pdftext"
)

// TestPDFPrintsNames: names in Vietnamese (ễ), Serbo-Croatian (Đ, đ),
// Turkish (ğ, ş), Hungarian (ő), Polish (ł, ę), Russian and Greek, given
// composed or decomposed, print in the minutes and the motion book: the
// text pdftotext reads from them holds each name whole, composed (NFC),
// and no character written as its code point (the Go fonts had no "ễ":
// the minutes said "Ömer Nguy[U+1EC5]n"). A letter the font has no
// precomposed glyph for is drawn as its decomposition ("≉" as "≈" and a
// combining long solidus overlay), and what the font cannot draw at all
// still says its code point.
func TestPDFPrintsNames(t *testing.T) {
	for _, name := range []string{
		"Ömer Nguyễn",
		"Đorđe Nguye\u0302\u0303n", // decomposed, as a keyboard may give it
		"Ayşe Doğan",
		"Erdős Pál",
		"Lech Wałęsa",
		"Фёдор Шаляпин",
		"Ελευθέριος Βενιζέλος",
	} {
		want := norm.NFC.String(name)
		if got := pdfText(name); got != want {
			t.Errorf("pdfText(%q) = %q, want %q", name, got, want)
		}
		for what, render := range map[string]func(*Document) ([]byte, error){"minutes": PDF, "book": func(d *Document) ([]byte, error) { return BookPDF(d, "") }} {
			out, err := render(hostileDoc(name))
			if err != nil {
				t.Fatal(err)
			}
			text := pdftext.Text(t, out)
			if !strings.Contains(text, want) {
				t.Errorf("%s: the text of the PDF does not hold %q:\n%s", what, want, text)
			}
			if strings.Contains(text, "[U+") {
				t.Errorf("%s: %q is printed with a code point:\n%s", what, name, text)
			}
		}
	}
	for in, want := range map[string]string{
		"≉":           "≈\u0338",
		"Somchai ไทย": "Somchai [U+0E44][U+0E17][U+0E22]",
		"Ana 😀":       "Ana [U+1F600]",
	} {
		if got := pdfText(in); got != want {
			t.Errorf("pdfText(%q) = %q, want %q", in, got, want)
		}
	}
}
