package motiontext

import "sort"

// ChangedLines shows edits of t, as Apply applies them, against the lines
// of t at the given width: for each run of blocks the edits touch, every
// line of those blocks with the difference the edits make on it
// (DiffLines, one word diff for the run), numbered as the lines of t and
// in their order. The lines of blocks that no edit touches are not among
// them: a page shows them as they are. Edits that overlap or do not fit t
// are refused as Apply refuses them.
func ChangedLines(t Text, width int, edits []Edit) ([]DiffLine, error) {
	if _, err := Apply(t, edits); err != nil {
		return nil, err
	}
	es := append([]Edit(nil), edits...)
	sort.SliceStable(es, func(i, j int) bool { return es[i].Span.From.Less(es[j].Span.From) })
	var out []DiffLine
	for i := 0; i < len(es); {
		first, last := es[i].Span.From.Block, es[i].Span.To.Block
		j := i + 1
		for ; j < len(es) && es[j].Span.From.Block <= last; j++ {
			last = max(last, es[j].Span.To.Block)
		}
		// The blocks first to last as these edits leave them: the
		// blocks before and after them stay as they are.
		run, err := Apply(t, es[i:j])
		if err != nil {
			return nil, err
		}
		after := len(t.Blocks) - 1 - last
		nw := Text{Blocks: run.Blocks[first : len(run.Blocks)-after]}
		span := Span{From: Pos{first, 0}, To: Pos{last, t.Blocks[last].Len()}}
		out = append(out, DiffLines(t, width, span, nw)...)
		i = j
	}
	return out, nil
}
