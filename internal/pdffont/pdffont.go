// Package pdffont holds the font plenum's PDFs set their text in (the
// minutes, the motion book, the mandate cards) and says which characters
// it prints.
//
// The font is Liberation Sans 2.1 (SIL Open Font License 1.1, which allows
// embedding; Red Hat's, metric-compatible with Arial), in four faces of
// about 410 kB each, of which fpdf embeds only the glyphs a document uses.
// It has the Latin letters of Latin Extended-A and -B and Extended
// Additional (Vietnamese: "ễ"), the combining diacritical marks, Greek and
// Cyrillic; the Go fonts the PDFs had before stop at WGL4 and have no
// combining mark, so that "Nguyễn" could print neither whole nor
// decomposed. It has no Thai, no CJK, no emoji: what it lacks, Missing
// lists and Text replaces.
package pdffont

import (
	"slices"
	"strings"
	"sync"

	"github.com/go-fonts/liberation/liberationmonoregular"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/bidi"
	"golang.org/x/text/unicode/norm"
)

// faces are the font's faces by fpdf's style names.
var faces = map[string][]byte{
	"":   liberationsansregular.TTF,
	"B":  liberationsansbold.TTF,
	"I":  liberationsansitalic.TTF,
	"BI": liberationsansbolditalic.TTF,
}

// Family is the font's family name in fpdf (pdf.SetFont(pdffont.Family,
// style, size)) and, after fpdf's prefix, in the PDF.
const Family = "LiberationSans"

// Add registers the font in pdf as Family, in the styles named ("", "B",
// "I", "BI"), or in all four if none is named.
func Add(pdf *fpdf.Fpdf, styles ...string) {
	if len(styles) == 0 {
		styles = []string{"", "B", "I", "BI"}
	}
	for _, s := range styles {
		pdf.AddUTF8FontFromBytes(Family, s, faces[s])
	}
}

// MonoFamily is the fixed-width font of text a reader must retype
// exactly, such as a signed checkpoint: Liberation Mono, embedded with
// its Unicode glyphs (the core Courier has no em dash, and its WinAnsi
// encoding turned the note's "—" into "â€”").
const MonoFamily = "LiberationMono"

// AddMono registers MonoFamily (regular only) with pdf.
func AddMono(pdf *fpdf.Fpdf) {
	pdf.AddUTF8FontFromBytes(MonoFamily, "", liberationmonoregular.TTF)
}

// Prints reports whether the font prints r as it stands: every face has a
// glyph for it, it is no control character, and it is not written right
// to left (fpdf sets every line left to right: a Hebrew or Arabic word
// would stand reversed, its letters unjoined).
func Prints(r rune) bool {
	covered := glyphs()
	return r >= 0 && r < rune(len(covered)) && covered[r]
}

// glyphs says, for each character up to U+FFFF (fpdf's font tables stop
// there: a character beyond made it panic), whether Prints.
var glyphs = sync.OnceValue(func() []bool {
	covered := make([]bool, 1<<16)
	for i := range covered {
		covered[i] = i >= ' ' && !(i >= 0x7f && i < 0xa0)
		if covered[i] {
			switch p, _ := bidi.LookupRune(rune(i)); p.Class() {
			case bidi.R, bidi.AL:
				covered[i] = false
			}
		}
	}
	var buf sfnt.Buffer
	for _, ttf := range faces {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			panic(err) // the fonts are compiled in
		}
		for i := range covered {
			if covered[i] {
				if g, err := f.GlyphIndex(&buf, rune(i)); err != nil || g == 0 {
					covered[i] = false
				}
			}
		}
	}
	return covered
})

// Text returns s as the font prints it: composed first (NFC: "e" and
// U+0301 are "é", "ê" and U+0303 are "ễ"); a character the font has no
// glyph for but whose canonical decomposition (NFD) it prints whole, drawn
// decomposed, the marks over the letter; and any other character as other
// returns it.
func Text(s string, other func(r rune) string) string {
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		switch d, ok := decomposed(r); {
		case Prints(r):
			b.WriteRune(r)
		case ok:
			b.WriteString(d)
		default:
			b.WriteString(other(r))
		}
	}
	return b.String()
}

// decomposed is r's canonical decomposition if the font prints each of
// its characters.
func decomposed(r rune) (string, bool) {
	d := norm.NFD.String(string(r))
	if d == string(r) {
		return "", false
	}
	for _, c := range d {
		if !Prints(c) {
			return "", false
		}
	}
	return d, true
}

// Missing returns the characters of s (composed) that Text cannot print
// (and hands to its other), each once, in order.
func Missing(s string) []rune {
	var out []rune
	for _, r := range norm.NFC.String(s) {
		if Prints(r) {
			continue
		}
		if _, ok := decomposed(r); !ok && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}
