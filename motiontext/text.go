package motiontext

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is what a block is.
type Kind string

// The kinds of blocks.
const (
	Paragraph Kind = "paragraph"
	Heading   Kind = "heading"
	Bullet    Kind = "bullet"   // an item of a bulleted list
	Numbered  Kind = "numbered" // an item of a numbered list, with its number
)

// Style is the emphasis of a run of text: a set of the flags below.
type Style uint8

// The styles; Emph|Strong is both.
const (
	Emph   Style = 1 << iota // *text*
	Strong                   // **text**
)

// Run is text in one style.
type Run struct {
	Text  string
	Style Style
}

// Block is one paragraph, heading or list item.
type Block struct {
	Kind   Kind
	Level  int    // a heading's level, 1 to 3
	Number string // a numbered item's number, as written ("3")
	Runs   []Run
}

// Text is a motion's text: its blocks in order.
type Text struct {
	Blocks []Block
}

// The errors of Parse.
var (
	// ErrControl: the text holds a control character.
	ErrControl = errors.New("motiontext: control character")
	// ErrEncoding: the text is not valid UTF-8.
	ErrEncoding = errors.New("motiontext: not UTF-8")
)

// Parse reads a text in the subset (see the package documentation). It
// refuses only what cannot be a text: invalid UTF-8 and control
// characters; every other string is some text.
func Parse(src string) (Text, error) {
	if !utf8.ValidString(src) {
		return Text{}, fmt.Errorf("%w: the text is not valid UTF-8", ErrEncoding)
	}
	src = strings.ReplaceAll(src, "\r\n", "\n")
	line := 1
	for _, r := range src {
		switch {
		case r == '\n':
			line++
		case r == '\t':
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			return Text{}, fmt.Errorf("%w U+%04X in line %d; only line breaks and tabs may be in a text", ErrControl, r, line)
		}
	}
	var t Text
	for _, l := range strings.Split(src, "\n") {
		if b, ok := parseBlock(l); ok {
			t.Blocks = append(t.Blocks, b)
		}
	}
	return t, nil
}

// MustParse is Parse for texts known to be valid (tests, constants).
func MustParse(src string) Text {
	t, err := Parse(src)
	if err != nil {
		panic(err)
	}
	return t
}

// parseBlock reads one line; false for a blank one.
func parseBlock(l string) (Block, bool) {
	l = strings.TrimSpace(strings.ReplaceAll(l, "\t", " "))
	if l == "" {
		return Block{}, false
	}
	b := Block{Kind: Paragraph}
	switch {
	case strings.HasPrefix(l, "### "):
		b.Kind, b.Level, l = Heading, 3, l[4:]
	case strings.HasPrefix(l, "## "):
		b.Kind, b.Level, l = Heading, 2, l[3:]
	case strings.HasPrefix(l, "# "):
		b.Kind, b.Level, l = Heading, 1, l[2:]
	case strings.HasPrefix(l, "- "), strings.HasPrefix(l, "* "), strings.HasPrefix(l, "+ "):
		b.Kind, l = Bullet, l[2:]
	default:
		if n := listNumber(l); n > 0 {
			b.Kind, b.Number, l = Numbered, l[:n], l[n+2:]
		}
	}
	budget := maxSearches
	b.Runs = normalRuns(parseInline(l, 0, &budget))
	if len(b.Runs) == 0 {
		// "- " alone, "# " alone: the marker is the text.
		return Block{Kind: Paragraph, Runs: []Run{{Text: strings.TrimSpace(l)}}}, strings.TrimSpace(l) != ""
	}
	return b, true
}

// listNumber is the length of the digits of "12. " or "12) " at the start
// of l, or 0.
func listNumber(l string) int {
	n := 0
	for n < len(l) && n < 10 && l[n] >= '0' && l[n] <= '9' {
		n++
	}
	if n == 0 || n > 9 || n+1 >= len(l) || (l[n] != '.' && l[n] != ')') || l[n+1] != ' ' {
		return 0
	}
	return n
}

// maxSearches bounds the searches for a closing delimiter in one block:
// past it, markers are text. A search scans the rest of the line, so a
// line of many lone markers would otherwise take time quadratic in its
// length.
const maxSearches = 64

// Separator is an empty HTML comment, which Markdown renders as nothing.
// Markdown writes it between two styled runs that touch, and the subset
// reads it as nothing, so that every text has a canonical Markdown that
// reads back as the same text.
const Separator = "<!---->"

// parseInline reads emphasis and escapes in s, in the given style.
func parseInline(s string, style Style, budget *int) []Run {
	var runs []Run
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			runs = append(runs, Run{Text: cur.String(), Style: style})
			cur.Reset()
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			r, size := utf8.DecodeRuneInString(s[i+1:])
			if r < 128 && unicode.IsPunct(r) || r < 128 && unicode.IsSymbol(r) {
				cur.WriteRune(r)
				i += 1 + size
				continue
			}
			cur.WriteByte('\\')
			i++
			continue
		case c == '<' && strings.HasPrefix(s[i:], Separator):
			// Written between two touching styled runs; reads as nothing.
			i += len(Separator)
			continue
		case c == '*' || c == '_':
			n := 1
			for i+n < len(s) && s[i+n] == c && n < 3 {
				n++
			}
			// A partner found by the first pass costs nothing from the
			// budget: the search stopped at it and what it encloses is read
			// once. Only a search that fails that pass, and so has read to
			// the end of the block, counts.
			end := closing(s, i, n, c, true)
			if end == 0 && *budget > 0 {
				*budget--
				end = closing(s, i, n, c, false)
			}
			if end > 0 {
				flush()
				add := Emph
				switch n {
				case 2:
					add = Strong
				case 3:
					add = Emph | Strong
				}
				runs = append(runs, parseInline(s[i+n:end], style|add, budget)...)
				i = end + n
				continue
			}
			cur.WriteString(s[i : i+n])
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		cur.WriteRune(r)
		i += size
	}
	flush()
	return runs
}

// closing finds the delimiter of n times c that closes the one at s[i:],
// or returns 0. An opening delimiter is followed by a non-space and a
// closing one preceded by one; "_" opens and closes only at the edges of
// words (snake_case is text). A run of exactly n closes first (so that
// "*a **b** c*" nests): that is the pass with exact set; failing that, the
// first n of a longer run ("**a***b*" is strong a, then emphasized b).
func closing(s string, i, n int, c byte, exact bool) int {
	open := i + n
	if open >= len(s) || s[open] == ' ' {
		return 0
	}
	if c == '_' && i > 0 && wordByte(s, i-1) {
		return 0
	}
	// From the opening delimiter on, so that an escape right after it
	// ("*\\*") escapes what follows it and never reads as text.
	for j := open; j+n <= len(s); j++ {
		if s[j] == '\\' {
			j++
			continue
		}
		if j == open || s[j] != c {
			continue
		}
		run := 0
		for j+run < len(s) && s[j+run] == c {
			run++
		}
		fits := run == n || !exact && run > n
		if fits && s[j-1] != ' ' && (c != '_' || j+n >= len(s) || !wordByte(s, j+n)) {
			return j
		}
		j += run - 1
	}
	return 0
}

// wordByte reports whether the character around s[i] is a letter or digit.
func wordByte(s string, i int) bool {
	if s[i] < utf8.RuneSelf {
		c := s[i]
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	// A multi-byte character: look at the whole rune it belongs to.
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// normalRuns makes runs canonical: one space for any run of spaces, none
// at the edges, spaces at the edges of a styled run moved out of it, and
// neighbouring runs of one style joined.
func normalRuns(in []Run) []Run {
	var out []Run
	add := func(text string, st Style) {
		if text == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Style == st {
			out[n-1].Text += text
			return
		}
		out = append(out, Run{Text: text, Style: st})
	}
	for _, r := range in {
		text := collapseSpaces(r.Text)
		if r.Style == 0 {
			add(text, 0)
			continue
		}
		core := strings.Trim(text, " ")
		if core == "" {
			add(text, 0)
			continue
		}
		if strings.HasPrefix(text, " ") {
			add(" ", 0)
		}
		add(core, r.Style)
		if strings.HasSuffix(text, " ") {
			add(" ", 0)
		}
	}
	// Collapse spaces within joined runs and across run edges, trim the
	// block's edges.
	for i := range out {
		out[i].Text = collapseSpaces(out[i].Text)
	}
	for i := 1; i < len(out); i++ {
		if strings.HasSuffix(out[i-1].Text, " ") && strings.HasPrefix(out[i].Text, " ") {
			out[i].Text = out[i].Text[1:]
		}
	}
	if len(out) > 0 {
		out[0].Text = strings.TrimLeft(out[0].Text, " ")
		out[len(out)-1].Text = strings.TrimRight(out[len(out)-1].Text, " ")
	}
	kept := out[:0]
	for _, r := range out {
		if r.Text == "" {
			continue
		}
		if n := len(kept); n > 0 && kept[n-1].Style == r.Style {
			kept[n-1].Text += r.Text
			continue
		}
		kept = append(kept, r)
	}
	return kept
}

// collapseSpaces turns every run of spaces and tabs into one space (a
// no-break space stays as it is).
func collapseSpaces(s string) string {
	if !strings.Contains(s, "  ") && !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// Plain is the block's text without markup: what a reader sees.
func (b Block) Plain() string {
	var s strings.Builder
	for _, r := range b.Runs {
		s.WriteString(r.Text)
	}
	return s.String()
}

// Len is the length of the block's plain text in characters (runes), the
// unit of a Pos's offset.
func (b Block) Len() int {
	n := 0
	for _, r := range b.Runs {
		n += utf8.RuneCountInString(r.Text)
	}
	return n
}

// Marker is how the block's list marker or heading level is written in
// the pages and documents: "3.", "•", or "".
func (b Block) Marker() string {
	switch b.Kind {
	case Numbered:
		return b.Number + "."
	case Bullet:
		return "•"
	}
	return ""
}

// Plain is the whole text without markup, one block a line.
func (t Text) Plain() string {
	var lines []string
	for _, b := range t.Blocks {
		if m := b.Marker(); m != "" {
			lines = append(lines, m+" "+b.Plain())
		} else {
			lines = append(lines, b.Plain())
		}
	}
	return strings.Join(lines, "\n")
}

// IsEmpty reports whether the text has no blocks.
func (t Text) IsEmpty() bool { return len(t.Blocks) == 0 }

// Markdown writes the text in the subset, canonically: Parse(t.Markdown())
// gives t again for any t Parse returned.
func (t Text) Markdown() string {
	var b strings.Builder
	for i, bl := range t.Blocks {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(bl.Markdown())
	}
	return b.String()
}

// Markdown writes one block in the subset.
func (b Block) Markdown() string {
	var s strings.Builder
	switch b.Kind {
	case Heading:
		s.WriteString(strings.Repeat("#", max(1, min(b.Level, 3))) + " ")
	case Bullet:
		s.WriteString("- ")
	case Numbered:
		s.WriteString(b.Number + ". ")
	}
	for i, r := range b.Runs {
		if i > 0 && r.Style != 0 && b.Runs[i-1].Style != 0 {
			// Two styled runs touch: their delimiters would merge into
			// one run ("*a*" then "***b***" is "*a****b***") and read
			// otherwise.
			s.WriteString(Separator)
		}
		text := escapeInline(r.Text, i == 0 && b.Kind == Paragraph)
		switch r.Style {
		case Emph:
			s.WriteString("*" + text + "*")
		case Strong:
			s.WriteString("**" + text + "**")
		case Emph | Strong:
			s.WriteString("***" + text + "***")
		default:
			s.WriteString(text)
		}
	}
	return s.String()
}

// escapeInline escapes what the subset would read as markup; at the start
// of a paragraph also what would make it a heading or an item.
func escapeInline(s string, start bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' || c == '*' || c == '_' || c == '<' && strings.HasPrefix(s[i:], Separator) {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	out := b.String()
	if !start {
		return out
	}
	if strings.HasPrefix(out, "# ") || strings.HasPrefix(out, "## ") || strings.HasPrefix(out, "### ") ||
		strings.HasPrefix(out, "- ") || strings.HasPrefix(out, "+ ") {
		return "\\" + out
	}
	if n := listNumber(out); n > 0 {
		return out[:n] + "\\" + out[n:]
	}
	return out
}
