package roster

// readProblems reports on row i what was wrong with its row as read
// (TableRow.Problems: a quote not closed on it), with the column's
// header, so that the preview lists it among the other rows' problems,
// and reports whether there was anything. Such a row's cells are not
// what the file meant: its reference and name are kept as read, for the
// preview to show and a proxy to find, and nothing else of it is read or
// planned.
func (p *plan) readProblems(i int, tr TableRow) bool {
	if len(tr.Problems) == 0 {
		return false
	}
	for _, pr := range tr.Problems {
		pr := *pr
		for k, h := range p.t.Headers {
			if ColumnLetter(k) == pr.Column {
				pr.Header = h
			}
		}
		p.rows[i].Problems = append(p.rows[i].Problems, &pr)
	}
	r := p.rows[i]
	for _, f := range []Field{FieldRef, FieldName} {
		if c := p.t.Column(f); c >= 0 && c < len(tr.Cells) {
			v := asRead(tr.Cells[c])
			if f == FieldRef {
				r.Ref = v
			} else {
				r.Name = v
			}
		}
	}
	return true
}

// unread reports whether row i was not read as the file meant it
// (readProblems).
func (p *plan) unread(i int) bool { return len(p.t.Rows[i].Problems) > 0 }
