package web

import (
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"plenum/assembly"
	"plenum/i18n"
	"plenum/internal/bidictl"
)

// A name or a title a person typed — a delegate's name, a motion's or an
// item's title, a list's, a body's — is set into the pages' own
// sentences, and the direction of its letters must not leak into them:
// beside a right-to-left name "Ahmad (12 votes)" reads with the count on
// the wrong side, in "A, B, C" with B in Arabic or Hebrew the names read
// in the wrong order, and a right-to-left override left open in a name
// (the rules refuse one now, a log written before may hold one) reverses
// everything after it to the end of the line. So every such text is set
// into a page's running text isolated, in <bdi> (bdi; tr for a text
// inside a message of the catalog), which the browser's bidirectional
// algorithm treats as one neutral character whose own direction is
// found from its letters — as minutes/bidi.go closes the texts of the
// exported minutes. Where no element can go — the page's <title>, an
// attribute (aria-label, data-announce, a field's value), an <option> —
// the text is balanced instead (balanced): its open embeddings,
// overrides and isolates are closed at its end, so that at least nothing
// after it is reversed.

// balanced is s with the bidirectional embeddings, overrides and
// isolates it opens (U+202A–U+202E, U+2066–U+2069) closed at its end,
// and the closers it has with nothing open before them dropped: a stray
// pop directional isolate (U+2069) would otherwise end the isolate the
// page puts around the text, and what followed it would leak. A text
// without those characters is returned as it is.
func balanced(s string) string { return bidictl.Close(s, true) }

// bdi is the function "bdi": a text a person typed, escaped as
// html/template escapes a text (attrEscaper: the same table) and, if it
// has a letter written right to left or a bidirectional control
// (rightToLeft), isolated in <bdi> and balanced (a copy pasted elsewhere
// stays closed, and a stray closer cannot end the isolate early).
//
// A text without either is written as it is: the pages' languages are
// all written left to right (i18n.Languages), and in them such a text
// cannot change the order of what stands around it. So the pages of an
// assembly whose names are all written left to right are the same byte
// for byte, and a picker of ten thousand names is not 110 kB longer.
// Should the pages be translated into a language written right to left,
// every text must be isolated.
func bdi(s string) template.HTML {
	if !rightToLeft(s) {
		return template.HTML(attrEscaper.Replace(s))
	}
	return template.HTML("<bdi>" + attrEscaper.Replace(balanced(s)) + "</bdi>")
}

// bdiJoin is texts a person typed, each isolated (bdi), joined by sep.
func bdiJoin(xs []string, sep string) template.HTML {
	var b strings.Builder
	for i, x := range xs {
		if i > 0 {
			b.WriteString(attrEscaper.Replace(sep))
		}
		b.WriteString(string(bdi(x)))
	}
	return template.HTML(b.String())
}

// dirAuto is the function "dirAuto": the attribute dir="auto" for the
// element that holds a paragraph a person typed (a motion's text, a
// screen's message, a note), if it needs it (rightToLeft, as bdi): the
// paragraph then takes the direction of its first letter written left
// to right or right to left, and an override left open in it ends with
// the element.
func dirAuto(s string) template.HTMLAttr {
	if !rightToLeft(s) {
		return ""
	}
	return ` dir="auto"`
}

// asHTML is a text as HTML: HTML as it is (tr's, bdi's), anything else
// escaped as html/template escapes a text.
func asHTML(x any) template.HTML {
	if h, ok := x.(template.HTML); ok {
		return h
	}
	s, _ := x.(string)
	return template.HTML(attrEscaper.Replace(s))
}

// Marks of a text a person typed in a text made of several, which
// marked turns into <bdi> and </bdi>: characters of the private use
// area, which mark drops from the texts it marks.
const markOpen, markClose = "\ue010", "\ue011"

var (
	dropMarks = strings.NewReplacer(markOpen, "", markClose, "")
	bdiMarks  = strings.NewReplacer(markOpen, "<bdi>", markClose, "</bdi>")
)

// mark marks a text a person typed for marked to isolate, balanced, if
// it needs it (rightToLeft, as bdi).
func mark(s string) string {
	s = dropMarks.Replace(s)
	if !rightToLeft(s) {
		return s
	}
	return markOpen + balanced(s) + markClose
}

// isolatedMarks is a text with texts a person typed marked in it
// (mark), for a text that is no HTML (a message carried to the page in
// a cookie or as JSON for the script to show): each marked text
// isolated by the characters first strong isolate (U+2068) and pop
// directional isolate (U+2069), as option isolates one; then the whole
// balanced, so that a mark that came with an argument no one marked
// cannot leave an isolate open, nor end one early.
func isolatedMarks(s string) string { return balanced(markIsolates.Replace(s)) }

var markIsolates = strings.NewReplacer(markOpen, "\u2068", markClose, "\u2069")

// marked is a text with texts a person typed marked in it (mark), as
// HTML: escaped as html/template escapes a text, each marked text
// isolated in <bdi>.
func marked(s string) template.HTML { return template.HTML(bdiMarks.Replace(attrEscaper.Replace(s))) }

// part is the function "part": a phrase made from its own template (a
// roster's problem or change, assembly.Reason) in l's language, as HTML,
// each text of its arguments that a person typed (a name, a delegation,
// a cell of the spreadsheet) isolated (bdi).
// partOrName is an item of a list of names and phrases (roster.List):
// a phrase in l's words (part), a name as it stands (bdi).
func partOrName(l *i18n.Locale, x any) template.HTML {
	if r, ok := x.(assembly.Reason); ok {
		return part(l, r)
	}
	return bdi(fmt.Sprint(x))
}

func part(l *i18n.Locale, r assembly.Reason) template.HTML {
	return marked(l.Part(markedReason(r)))
}

// markedReason is r with its texts marked (mark): each string argument
// set by %s or %v, or quoted by %q (inside the quotes: quotedMark), and
// those of the lists and phrases among them.
func markedReason(r assembly.Reason) assembly.Reason {
	args := make([]any, len(r.Args))
	verbs := formatVerbs(r.Format)
	for i, a := range r.Args {
		args[i] = a
		switch {
		case i < len(verbs) && verbs[i] == 'q':
			if s, ok := a.(string); ok {
				args[i] = quotedMark(s)
			}
		case i >= len(verbs) || verbs[i] == 's' || verbs[i] == 'v':
			args[i] = markedArg(a)
		}
	}
	r.Args = args
	return r
}

// quotedMark is a text a person typed that a phrase quotes (%q): quoted
// as %q quotes it, the text inside the quotes marked (mark).
type quotedMark string

func (q quotedMark) Format(f fmt.State, verb rune) {
	s := strconv.Quote(string(q))
	if rightToLeft(s) {
		s = `"` + markOpen + dropMarks.Replace(s[1:len(s)-1]) + markClose + `"`
	}
	io.WriteString(f, s)
}

// markedArg is an argument of a phrase with its texts marked.
func markedArg(a any) any {
	switch a := a.(type) {
	case string:
		return mark(a)
	case assembly.Reason:
		return markedReason(a)
	case *assembly.Reason:
		m := markedReason(*a)
		return &m
	case interface{ RefusalItems() []any }: // roster.List
		items := a.RefusalItems()
		out := make(markedList, len(items))
		for i, x := range items {
			out[i] = markedArg(x)
		}
		return out
	}
	return a
}

// markedList is a list of a phrase (roster.List) with its items marked.
type markedList []any

func (l markedList) RefusalItems() []any { return l }

func (l markedList) String() string {
	s := make([]string, len(l))
	for i, x := range l {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, ", ")
}

// formatVerbs are the verbs of a format, one for each argument in order
// ('%' for none: a format without explicit argument indexes).
func formatVerbs(format string) []byte {
	var verbs []byte
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0123456789.*", format[i]) >= 0 {
			i++
		}
		if i < len(format) && format[i] != '%' {
			verbs = append(verbs, format[i])
		}
	}
	return verbs
}

// slot marks where the i-th argument of tr goes in the message before it
// is escaped: characters of the private use area, which no message of
// the catalog holds.
func slot(i int) string { return "\ue000" + strconv.Itoa(i) + "\ue001" }

// tr is the function "tr": the message of key in l's language with its
// arguments, as HTML. The message and its plain arguments are escaped
// (as html/template escapes a text);
// an argument that is already HTML (a text isolated by bdi, a list of
// names) is set into it as it is.
func tr(l *i18n.Locale, key string, args ...any) template.HTML {
	var htmls []template.HTML
	plain := make([]any, len(args))
	for i, a := range args {
		if h, ok := a.(template.HTML); ok {
			plain[i] = slot(len(htmls))
			htmls = append(htmls, h)
			continue
		}
		if s, ok := a.(string); ok {
			a = strings.NewReplacer("\ue000", "", "\ue001", "").Replace(s)
		}
		plain[i] = a
	}
	s := attrEscaper.Replace(l.T(key, plain...))
	for i, h := range htmls {
		s = strings.Replace(s, slot(i), string(h), 1)
	}
	return template.HTML(s)
}

// option is the function "option": a text a person typed, for a
// select's option or a text that is no HTML (a refusal carried to the
// page in a cookie or as JSON for the script to show), where no element
// can go: a text with a letter written right to left, or a
// bidirectional control, isolated by the characters first strong
// isolate (U+2068) and pop directional isolate (U+2069) and balanced;
// any other as it is (as bdi).
func option(s string) string {
	if !rightToLeft(s) {
		return s
	}
	return "\u2068" + balanced(s) + "\u2069"
}

// rightToLeft reports whether s holds a letter or digit written right to
// left (Hebrew, Arabic, …) or a bidirectional control.
func rightToLeft(s string) bool { return bidictl.RightToLeft(s) }
