package motiontext

import (
	"strings"
	"unicode"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Op is what a piece of a difference does.
type Op int

// The operations of a difference.
const (
	Equal  Op = iota // text both have
	Delete           // text only the old has
	Insert           // text only the new has
)

// Seg is a piece of a difference.
type Seg struct {
	Op   Op
	Text string
}

// maxDiffWork bounds the work of a word diff (the product of the two
// texts' numbers of words, spaces and signs): Myers' algorithm takes time
// proportional to the texts' length times the number of differences, and
// a change is diffed whenever a page or document shows it.
const maxDiffWork = 250_000

// WordDiff is the difference between two plain texts, word by word:
// words, runs of spaces and line breaks are its units, so a changed word
// shows as the whole word deleted and the new one inserted. Texts too long
// to compare (maxDiffWork) show as the old deleted and the new inserted.
func WordDiff(old, new string) []Seg {
	tokens := map[string]rune{}
	var words []string
	encode := func(s string) []rune {
		var out []rune
		for _, w := range tokenize(s) {
			r, ok := tokens[w]
			if !ok {
				r = tokenRune(len(words))
				tokens[w] = r
				words = append(words, w)
			}
			out = append(out, r)
		}
		return out
	}
	a, b := encode(old), encode(new)
	if len(a)*len(b) > maxDiffWork {
		// Too large to compare word by word in reasonable time: the
		// old text struck out, the new inserted.
		var out []Seg
		if old != "" {
			out = append(out, Seg{Op: Delete, Text: old})
		}
		if new != "" {
			out = append(out, Seg{Op: Insert, Text: new})
		}
		return out
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // no deadline: the same texts always give the same difference
	diffs := dmp.DiffMainRunes(a, b, false)
	diffs = dmp.DiffCleanupSemantic(diffs)
	var out []Seg
	for _, d := range diffs {
		var text strings.Builder
		for _, r := range d.Text {
			text.WriteString(words[runeToken(r)])
		}
		op := Equal
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op = Delete
		case diffmatchpatch.DiffInsert:
			op = Insert
		}
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += text.String()
			continue
		}
		out = append(out, Seg{Op: op, Text: text.String()})
	}
	return out
}

// tokenize splits s into words (letters, digits and their marks), runs
// of spaces, and single other characters (punctuation, line breaks), so
// that "union" and "union," share the word.
func tokenize(s string) []string {
	var out []string
	start := 0
	class := func(r rune) int {
		switch {
		case r == ' ':
			return 1
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			return 0
		}
		return 2
	}
	rs := []rune(s)
	for i := 1; i <= len(rs); i++ {
		if i == len(rs) || class(rs[i]) != class(rs[i-1]) || class(rs[i]) == 2 {
			out = append(out, string(rs[start:i]))
			start = i
		}
	}
	return out
}

// tokenRune and runeToken map the n-th distinct token to a valid rune
// (the private use area, then the supplementary planes), so that the
// difference of the rune strings is the difference of the tokens.
func tokenRune(n int) rune {
	if n < 0xF8FF-0xE000+1 {
		return rune(0xE000 + n)
	}
	return rune(0x10000 + n - (0xF8FF - 0xE000 + 1))
}

func runeToken(r rune) int {
	if r >= 0xE000 && r <= 0xF8FF {
		return int(r - 0xE000)
	}
	return int(r-0x10000) + (0xF8FF - 0xE000 + 1)
}

// DiffLine is one numbered line of a text with the difference a change
// makes on it. A change that adds lines shows their words inserted on
// the last line it touches; "¶ " marks where new wording begins a new
// paragraph.
type DiffLine struct {
	Number int
	First  bool   // the first line of its block
	Marker string // the list marker on a block's first line
	Segs   []Seg
}

// DiffLines shows the change of span s of t into nw against the lines of
// t at the given width: every line the span touches, with the text
// outside the span as it is.
func DiffLines(t Text, width int, s Span, nw Text) []DiffLine {
	if s.Check(t) != nil {
		return nil
	}
	lines := Lines(t, width)
	first, last := LinesOf(t, width, s)
	if first == 0 {
		return nil
	}
	var out []DiffLine
	var cur *DiffLine
	var at Pos // where in t the next old text is
	lineOf := map[Pos]int{}
	for _, l := range lines[first-1 : last] {
		for o := l.From; o < l.To; o++ {
			lineOf[Pos{l.Block, o}] = l.Number
		}
		d := DiffLine{Number: l.Number, First: l.First}
		if l.First {
			d.Marker = t.Blocks[l.Block].Marker()
		}
		out = append(out, d)
	}
	index := func(n int) *DiffLine { return &out[n-first] }
	add := func(op Op, text string) {
		if n := len(cur.Segs); n > 0 && cur.Segs[n-1].Op == op {
			cur.Segs[n-1].Text += text
			return
		}
		cur.Segs = append(cur.Segs, Seg{Op: op, Text: text})
	}
	// The text of the first line before the span.
	l0 := lines[first-1]
	cur = index(first)
	if pre := runesOf(t, l0.Block, l0.From, s.From.Offset); s.From.Block == l0.Block && pre != "" {
		add(Equal, pre)
	}
	at = s.From
	old := t.Slice(s)
	segs := WordDiff(blocksText(old), blocksText(nw))
	for _, sg := range segs {
		if sg.Op == Insert {
			add(Insert, strings.ReplaceAll(sg.Text, "\n", "¶ "))
			continue
		}
		for _, r := range sg.Text {
			if r == '\n' {
				at = Pos{at.Block + 1, 0}
				continue
			}
			if n, ok := lineOf[at]; ok {
				cur = index(n)
			}
			add(sg.Op, string(r))
			at.Offset++
		}
	}
	// The text of the last line after the span.
	ll := lines[last-1]
	cur = index(last)
	if post := runesOf(t, ll.Block, s.To.Offset, ll.To); s.To.Block == ll.Block && post != "" {
		add(Equal, strings.TrimRight(post, " "))
	}
	for i := range out {
		// The space a line breaks at is not shown.
		if n := len(out[i].Segs); n > 0 && out[i].Segs[n-1].Op != Insert {
			out[i].Segs[n-1].Text = strings.TrimRight(out[i].Segs[n-1].Text, " ")
			if out[i].Segs[n-1].Text == "" {
				out[i].Segs = out[i].Segs[:n-1]
			}
		}
	}
	return out
}

// blocksText is a text's plain blocks, one a line, for WordDiff.
func blocksText(t Text) string {
	var parts []string
	for _, b := range t.Blocks {
		parts = append(parts, b.Plain())
	}
	return strings.Join(parts, "\n")
}

func runesOf(t Text, block, from, to int) string {
	rs := []rune(t.Blocks[block].Plain())
	if from >= to || from < 0 || to > len(rs) {
		return ""
	}
	return string(rs[from:to])
}
