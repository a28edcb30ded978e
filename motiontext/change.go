package motiontext

import (
	"errors"
	"fmt"
	"sort"
)

// Pos is a place in a text: a block and an offset in its plain text, in
// runes. It does not depend on the line length.
type Pos struct {
	Block  int `json:"block"`
	Offset int `json:"offset"`
}

// Less orders places in reading order.
func (p Pos) Less(q Pos) bool {
	return p.Block < q.Block || p.Block == q.Block && p.Offset < q.Offset
}

// Span is the part of a text from From up to, not including, To.
type Span struct {
	From Pos `json:"from"`
	To   Pos `json:"to"`
}

// Overlaps reports whether two spans share any text. Spans that only
// touch (one ends where the other begins: adjacent lines) do not overlap.
func (s Span) Overlaps(o Span) bool { return s.From.Less(o.To) && o.From.Less(s.To) }

// The errors of the changes.
var (
	// ErrNoLine: a change names a line the text does not have.
	ErrNoLine = errors.New("motiontext: no such line")
	// ErrNoParagraph: a change names a paragraph the text does not have.
	ErrNoParagraph = errors.New("motiontext: no such paragraph")
	// ErrSpan: a span does not fit the text it is applied to.
	ErrSpan = errors.New("motiontext: span outside the text")
	// ErrOverlap: two changes applied together overlap.
	ErrOverlap = errors.New("motiontext: changes overlap")
)

// LineSpan is the span of the lines from to last (numbered from 1) of t
// at the given width.
func LineSpan(t Text, width, from, last int) (Span, error) {
	lines := Lines(t, width)
	switch {
	case len(lines) == 0:
		return Span{}, fmt.Errorf("%w: the text is empty and has no lines", ErrNoLine)
	case from < 1 || last < from:
		return Span{}, fmt.Errorf("%w: lines %d to %d are no range of lines; give the first line and the last, from 1", ErrNoLine, from, last)
	case last > len(lines):
		return Span{}, fmt.Errorf("%w: the text has %d lines; there is no line %d", ErrNoLine, len(lines), last)
	}
	a, b := lines[from-1], lines[last-1]
	return Span{From: Pos{a.Block, a.From}, To: Pos{b.Block, b.To}}, nil
}

// BlockSpan is the span of the blocks from to last (numbered from 1):
// whole paragraphs, headings or items.
func BlockSpan(t Text, from, last int) (Span, error) {
	switch {
	case len(t.Blocks) == 0:
		return Span{}, fmt.Errorf("%w: the text is empty and has no paragraphs", ErrNoParagraph)
	case from < 1 || last < from:
		return Span{}, fmt.Errorf("%w: paragraphs %d to %d are no range of paragraphs; give the first and the last, from 1", ErrNoParagraph, from, last)
	case last > len(t.Blocks):
		return Span{}, fmt.Errorf("%w: the text has %d paragraphs; there is no paragraph %d", ErrNoParagraph, len(t.Blocks), last)
	}
	return Span{From: Pos{from - 1, 0}, To: Pos{last - 1, t.Blocks[last-1].Len()}}, nil
}

// Check reports whether s fits t.
func (s Span) Check(t Text) error {
	ok := func(p Pos) bool {
		return p.Block >= 0 && p.Block < len(t.Blocks) && p.Offset >= 0 && p.Offset <= t.Blocks[p.Block].Len()
	}
	if !ok(s.From) || !ok(s.To) || s.To.Less(s.From) {
		return fmt.Errorf("%w: %v does not fit a text of %d blocks", ErrSpan, s, len(t.Blocks))
	}
	return nil
}

// LinesOf returns the numbers of the first and the last line of t at the
// given width that the span covers, or 0, 0 when it covers none.
func LinesOf(t Text, width int, s Span) (first, last int) {
	for _, l := range Lines(t, width) {
		lf, lt := Pos{l.Block, l.From}, Pos{l.Block, l.To}
		if lf.Less(s.To) && s.From.Less(lt) || l.From == l.To && !lf.Less(s.From) && lf.Less(s.To) {
			if first == 0 {
				first = l.Number
			}
			last = l.Number
		}
	}
	return first, last
}

// Slice is the text of a span: the part of its first and last blocks the
// span covers, and the blocks between.
func (t Text) Slice(s Span) Text {
	if s.Check(t) != nil {
		return Text{}
	}
	var out Text
	for bi := s.From.Block; bi <= s.To.Block; bi++ {
		b := t.Blocks[bi]
		from, to := 0, b.Len()
		if bi == s.From.Block {
			from = s.From.Offset
		}
		if bi == s.To.Block {
			to = s.To.Offset
		}
		part := Block{Kind: b.Kind, Level: b.Level, Number: b.Number, Runs: normalRuns(sliceRuns(b.Runs, from, to))}
		if from > 0 {
			part.Kind, part.Level, part.Number = Paragraph, 0, ""
		}
		if len(part.Runs) > 0 {
			out.Blocks = append(out.Blocks, part)
		}
	}
	return out
}

// Edit is one change to apply: the span it replaces and the new wording.
type Edit struct {
	Span Span
	New  Text
}

// Apply returns t with the edits applied. The edits must not overlap
// (ErrOverlap) and must fit t (ErrSpan); their order does not matter.
// Wording that begins inside a block continues that block; wording that
// begins at the start of a block brings its own kinds of blocks. Where
// the replaced lines ended at a space, a space separates the new wording
// from the rest of the line.
func Apply(t Text, edits []Edit) (Text, error) {
	es := append([]Edit(nil), edits...)
	for _, e := range es {
		if err := e.Span.Check(t); err != nil {
			return Text{}, err
		}
	}
	sort.SliceStable(es, func(i, j int) bool { return es[j].Span.From.Less(es[i].Span.From) })
	for i := 1; i < len(es); i++ {
		if es[i].Span.Overlaps(es[i-1].Span) {
			return Text{}, fmt.Errorf("%w: %v and %v", ErrOverlap, es[i].Span, es[i-1].Span)
		}
	}
	out := Text{Blocks: append([]Block(nil), t.Blocks...)}
	for _, e := range es { // from the last to the first: earlier places stay valid
		out = applyOne(out, e.Span, e.New)
	}
	return out, nil
}

func applyOne(t Text, s Span, nw Text) Text {
	b1, b2 := t.Blocks[s.From.Block], t.Blocks[s.To.Block]
	prefix := sliceRuns(b1.Runs, 0, s.From.Offset)
	suffix := sliceRuns(b2.Runs, s.To.Offset, b2.Len())
	// The replaced text ended at a break space: keep a space before
	// the rest of the line.
	if old := []rune(b2.Plain()); len(suffix) > 0 && s.To.Offset > 0 && old[s.To.Offset-1] == ' ' {
		suffix = append([]Run{{Text: " "}}, suffix...)
	}
	var mid []Block
	switch {
	case len(nw.Blocks) == 0:
		if len(prefix) > 0 || len(suffix) > 0 {
			head := b1
			if len(prefix) == 0 {
				head = b2
			}
			mid = []Block{{Kind: head.Kind, Level: head.Level, Number: head.Number, Runs: append(prefix, suffix...)}}
		}
	default:
		mid = append([]Block(nil), nw.Blocks...)
		if len(prefix) > 0 {
			first := mid[0]
			mid[0] = Block{Kind: b1.Kind, Level: b1.Level, Number: b1.Number, Runs: append(append([]Run(nil), prefix...), first.Runs...)}
		}
		if len(suffix) > 0 {
			last := &mid[len(mid)-1]
			last.Runs = append(append([]Run(nil), last.Runs...), suffix...)
		}
	}
	var blocks []Block
	blocks = append(blocks, t.Blocks[:s.From.Block]...)
	for _, b := range mid {
		b.Runs = normalRuns(b.Runs)
		if len(b.Runs) > 0 {
			blocks = append(blocks, b)
		}
	}
	blocks = append(blocks, t.Blocks[s.To.Block+1:]...)
	return Text{Blocks: blocks}
}
