package motiontext

import (
	"unicode"
)

// Line is one numbered line of a text: a part of one block.
type Line struct {
	Number int // from 1
	Block  int // the index of its block
	// From and To are its place in the block's plain text, in runes:
	// [From, To). The lines of a block follow each other without gaps;
	// the space a line breaks at belongs to the line before the break.
	From, To int
	First    bool // the first line of its block (where a list marker stands)
}

// MinWidth is the narrowest line length Lines accepts; narrower widths
// are taken as MinWidth.
const MinWidth = 20

// Lines numbers the lines of t broken at width cells (see the package
// documentation), from 1.
func Lines(t Text, width int) []Line {
	width = max(width, MinWidth)
	var out []Line
	for bi, b := range t.Blocks {
		rs := []rune(b.Plain())
		for k, l := range breakLines(rs, width) {
			out = append(out, Line{Number: len(out) + 1, Block: bi, From: l[0], To: l[1], First: k == 0})
		}
	}
	return out
}

// breakLines breaks rs into lines of at most width cells (trailing
// spaces not counted), greedily at the last break opportunity that fits,
// and cuts a word longer than the width.
func breakLines(rs []rune, width int) [][2]int {
	n := len(rs)
	if n == 0 {
		return [][2]int{{0, 0}}
	}
	cum := make([]int, n+1) // cum[k]: cells of rs[:k]
	for k, r := range rs {
		cum[k+1] = cum[k] + cells(r)
	}
	// fits reports whether rs[s:p] fits, not counting its trailing spaces.
	fits := func(s, p int) bool {
		e := p
		for e > s && rs[e-1] == ' ' {
			e--
		}
		return cum[e]-cum[s] <= width
	}
	var lines [][2]int
	for s := 0; s < n; {
		if fits(s, n) {
			lines = append(lines, [2]int{s, n})
			break
		}
		best := -1
		for p := s + 1; p < n; p++ {
			if cum[p]-cum[s] > width && rs[p-1] != ' ' {
				break // nothing further can fit
			}
			if breakBefore(rs, p) && fits(s, p) {
				best = p
			}
		}
		if best < 0 {
			// A word longer than the line: cut it where the width is
			// full, between whole characters (a combining mark stays
			// with its letter), and at least one character on.
			best = s + 1
			for best < n && (cum[best+1]-cum[s] <= width || cells(rs[best]) == 0) {
				best++
			}
		}
		lines = append(lines, [2]int{s, best})
		s = best
	}
	return lines
}

// breakBefore reports whether a line may begin at rs[p]: after a space, or
// after a hyphen or dash between letters or digits ("well-known",
// "1914–1918").
func breakBefore(rs []rune, p int) bool {
	if p <= 0 || p >= len(rs) || rs[p] == ' ' {
		return false
	}
	prev := rs[p-1]
	if prev == ' ' {
		return true
	}
	switch prev {
	case '-', '\u2010', '\u2013', '\u2014':
		return p >= 2 && alnum(rs[p-2]) && alnum(rs[p])
	}
	return false
}

func alnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// cells is how many character cells a rune takes: 0 for combining marks
// and invisible format characters, 2 for East Asian wide characters, 1
// for everything else (Latin, Cyrillic, Greek, Arabic, …).
func cells(r rune) int {
	switch {
	case r < 0x300:
		return 1
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0
	case wide(r):
		return 2
	}
	return 1
}

// wide reports whether r is East Asian wide or fullwidth. The ranges are
// fixed here, not taken from a table that changes with Unicode versions,
// so that line numbers stay as they are.
func wide(r rune) bool {
	switch {
	case r >= 0x1100 && r <= 0x115F, // Hangul Jamo initials
		r >= 0x2E80 && r <= 0x303E, // CJK radicals, punctuation
		r >= 0x3041 && r <= 0x33FF, // kana, CJK symbols
		r >= 0x3400 && r <= 0x4DBF, // CJK extension A
		r >= 0x4E00 && r <= 0x9FFF, // CJK unified ideographs
		r >= 0xA000 && r <= 0xA4CF, // Yi
		r >= 0xAC00 && r <= 0xD7A3, // Hangul syllables
		r >= 0xF900 && r <= 0xFAFF, // CJK compatibility ideographs
		r >= 0xFE30 && r <= 0xFE4F, // CJK compatibility forms
		r >= 0xFF00 && r <= 0xFF60, // fullwidth forms
		r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x1F300 && r <= 0x1F64F, // pictographs, emoticons
		r >= 0x1F900 && r <= 0x1F9FF,
		r >= 0x20000 && r <= 0x3FFFD: // CJK extensions B…
		return true
	}
	return false
}

// LineText is the plain text of a line, without the space it breaks at.
func (t Text) LineText(l Line) string {
	rs := []rune(t.Blocks[l.Block].Plain())
	e := l.To
	for e > l.From && rs[e-1] == ' ' {
		e--
	}
	return string(rs[l.From:e])
}

// LineRuns is a line's text in its runs (with their emphasis), without
// the space it breaks at.
func (t Text) LineRuns(l Line) []Run {
	b := t.Blocks[l.Block]
	runs := sliceRuns(b.Runs, l.From, l.To)
	if n := len(runs); n > 0 {
		last := &runs[n-1]
		for len(last.Text) > 0 && last.Text[len(last.Text)-1] == ' ' {
			last.Text = last.Text[:len(last.Text)-1]
		}
		if last.Text == "" {
			runs = runs[:n-1]
		}
	}
	return runs
}

// LineSource is a line's text in the subset, for a form that lets a
// person rewrite lines: the list marker or heading on a block's first
// line, the emphasis markers of its runs.
func (t Text) LineSource(l Line) string {
	b := t.Blocks[l.Block]
	part := Block{Kind: Paragraph, Runs: t.LineRuns(l)}
	if l.First {
		part.Kind, part.Level, part.Number = b.Kind, b.Level, b.Number
	}
	return part.Markdown()
}

// sliceRuns returns the runs covering [from, to) of their plain text.
func sliceRuns(runs []Run, from, to int) []Run {
	var out []Run
	pos := 0
	for _, r := range runs {
		rs := []rune(r.Text)
		start, end := pos, pos+len(rs)
		pos = end
		lo, hi := max(from, start), min(to, end)
		if lo >= hi {
			continue
		}
		out = append(out, Run{Text: string(rs[lo-start : hi-start]), Style: r.Style})
	}
	return out
}
