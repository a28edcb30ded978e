// Package bidictl closes the bidirectional embeddings, overrides and
// isolates (U+202A–U+202E, U+2066–U+2069) a text opens and leaves open,
// as Unicode asks of text set into other text: left open, a right-to-left
// override in a delegate's name reverses everything after it to the end
// of the paragraph. The minutes (exports) and the pages (web) both need
// it; one algorithm serves both.
package bidictl

import "strings"

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
