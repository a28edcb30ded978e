package roster

import "fmt"

// shortRow reports row i, a CSV row written with fewer cells than its
// header has (TableRow.Written), as a problem: the cells left out are not
// read as empty, since a delegate of a district whose district cell was
// left out ("M10002;Müge Fuß" under "Mitgliedsnummer;Name;Bezirk") would
// be recorded with a personal mandate, from no organization, and nothing
// would say so. A cell written empty ("M10002;Müge Fuß;") is read as
// empty. The problem names the cells missing by their headers, and the
// field a header gives.
func (p *plan) shortRow(i int, tr TableRow) {
	if tr.Written == 0 || tr.Written >= len(p.t.Headers) {
		return
	}
	var missing List
	for k := tr.Written; k < len(p.t.Headers); k++ {
		h, f := p.t.Headers[k], p.t.Fields[k]
		switch {
		case h == "":
			missing = append(missing, ColumnLetter(k))
		case f == "" || headerKey(h) == headerKey(fieldWords[f].Format):
			missing = append(missing, h)
		default:
			missing = append(missing, phrase("%s (%s)", h, fieldWords[f]))
		}
	}
	sep := fmt.Sprintf("%c", p.t.Comma)
	if len(missing) == 1 {
		p.problem(i, "", "the row has %d cells and the header %d: the %s cell is missing, and the import does not guess which cell was left out, so the row is not recorded. Write the cell; if it is meant to be empty, end the row with one more separator (%s)", tr.Written, len(p.t.Headers), missing[0], sep)
		return
	}
	p.problem(i, "", "the row has %d cells and the header %d: the cells %s are missing, and the import does not guess which cells were left out, so the row is not recorded. Write the cells; if they are meant to be empty, end the row with a separator (%s) for each", tr.Written, len(p.t.Headers), missing, sep)
}

// fieldWords name the fields as the import page does.
var fieldWords = map[Field]Phrase{
	FieldRef:          word("web.im.field.ref", "reference"),
	FieldName:         word("web.im.field.name", "name"),
	FieldOrganization: word("web.im.field.organization", "organization"),
	FieldKind:         word("web.im.field.kind", "kind of mandate"),
	FieldWeight:       word("web.im.field.weight", "weight"),
	FieldProxy:        word("web.im.field.proxy", "proxy"),
	FieldStatus:       word("web.im.field.status", "status"),
}

// fileNotes are what the organiser should know of the file as a whole,
// though it is read: that it was read as Windows-1252, and that most
// rows leave the organization empty in a file that has the column.
func (p *plan) fileNotes() []Phrase {
	var notes []Phrase
	if p.t.Encoding == Windows1252 {
		var names List
		for _, r := range p.rows {
			if len(names) < 3 && r.Name != "" && !ascii(r.Name) {
				names = append(names, r.Name)
			}
		}
		if len(names) > 0 {
			notes = append(notes, phrase("the file is not UTF-8 and was read as Windows-1252, as Excel saves \"CSV (delimited)\": check that the names' accents below read right (such as %s) before recording; if they do not, save the file as \"CSV UTF-8\"", names))
		} else {
			notes = append(notes, phrase("the file is not UTF-8 and was read as Windows-1252, as Excel saves \"CSV (delimited)\": check the names below before recording; if they do not read right, save the file as \"CSV UTF-8\""))
		}
	}
	if c := p.t.Column(FieldOrganization); c >= 0 && len(p.rows) > 1 {
		empty := 0
		for k, r := range p.rows {
			if r.Organization == "" && len(p.t.Rows[k].Problems) == 0 && !p.bad(k) {
				empty++
			}
		}
		if 2*empty > len(p.rows) {
			notes = append(notes, phrase("%d of %d rows leave the %s cell empty: each of them is a personal mandate, from no organization; if they are delegates of an organization, write it", empty, len(p.rows), p.t.Headers[c]))
		}
	}
	return notes
}

// ascii reports whether s is plain ASCII.
func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
