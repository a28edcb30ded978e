// Package bidictl closes the bidirectional embeddings, overrides and
// isolates (U+202A–U+202E, U+2066–U+2069) a text opens and leaves open,
// as Unicode asks of text set into other text: left open, a right-to-left
// override in a delegate's name reverses everything after it to the end
// of the paragraph. The minutes (exports) and the pages (web) both need
// it; one algorithm serves both.
package bidictl

import (
	"strings"

	"golang.org/x/text/unicode/bidi"
)

// The closers: pop directional formatting, pop directional isolate.
const pdf, pdi = '\u202c', '\u2069'

// closerOf is the closer of each opener: of the embeddings and overrides
// (LRE, RLE, LRO, RLO) and of the isolates (LRI, RLI, FSI).
var closerOf = map[rune]rune{'\u202a': pdf, '\u202b': pdf, '\u202d': pdf, '\u202e': pdf, '\u2066': pdi, '\u2067': pdi, '\u2068': pdi}

// Close returns s with the embeddings, overrides and isolates it opens
// closed at its end, innermost first. A pop directional formatting closes
// the last embedding if no isolate was opened after it; a pop directional
// isolate closes the last isolate and the embeddings in it. With
// dropStray, a closer that closes nothing is dropped (a stray U+2069
// would end an isolate put around the text, and what followed would
// leak); without, the text's own characters are kept as they are, so
// that exports made before stay byte for byte. A text that needs nothing
// is returned as it is.
func Close(s string, dropStray bool) string {
	controls := "\u202a\u202b\u202d\u202e\u2066\u2067\u2068"
	if dropStray {
		controls += "\u202c\u2069"
	}
	if !strings.ContainsAny(s, controls) {
		return s
	}
	var b strings.Builder
	var open []rune // the closer each open embedding or isolate needs
	for _, r := range s {
		if c := closerOf[r]; c != 0 {
			open = append(open, c)
		} else if r == pdf || r == pdi {
			i := len(open) - 1
			for i >= 0 && open[i] != r && r == pdi {
				i--
			}
			if i >= 0 && open[i] == r {
				open = open[:i]
			} else if dropStray {
				continue
			}
		}
		b.WriteRune(r)
	}
	if len(open) == 0 && !dropStray {
		return s
	}
	for i := len(open) - 1; i >= 0; i-- {
		b.WriteRune(open[i])
	}
	return b.String()
}

// RightToLeft reports whether s holds a letter or digit written right to
// left (Hebrew, Arabic, …) or a bidirectional control: a text that, set
// into a page written left to right, needs isolating.
func RightToLeft(s string) bool {
	for _, r := range s {
		if r < 0x0590 {
			continue
		}
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.R, bidi.AL, bidi.AN, bidi.LRE, bidi.RLE, bidi.LRO, bidi.RLO, bidi.PDF, bidi.LRI, bidi.RLI, bidi.FSI, bidi.PDI:
			return true
		}
	}
	return false
}

// Dir is the direction of a paragraph s as the attribute dir="auto"
// finds it, for an element that holds only part of it (a numbered line):
// "rtl" or "ltr" from its first letter written right to left or left to
// right outside the isolates it holds (rule P2 of the bidirectional
// algorithm; "ltr" if it has none), for a paragraph that holds a letter
// written right to left or a control (RightToLeft); "" for any other,
// which reads in the direction of what holds it.
func Dir(s string) string {
	if !RightToLeft(s) {
		return ""
	}
	isolates := 0
	for _, r := range s {
		p, _ := bidi.LookupRune(r)
		switch c := p.Class(); {
		case c == bidi.LRI || c == bidi.RLI || c == bidi.FSI:
			isolates++
		case c == bidi.PDI:
			isolates = max(isolates-1, 0)
		case isolates > 0:
		case c == bidi.L:
			return "ltr"
		case c == bidi.R || c == bidi.AL:
			return "rtl"
		}
	}
	return "ltr"
}
