package roster

import (
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"plenum/assembly"
	"plenum/internal/names"
)

// Entry is one person of an assembly's roster as Export writes them: their
// mandate, its status, and whether they are in the hall.
type Entry struct {
	Ref, Name, Organization string
	Kind                    string // as KindWord writes it
	Weight                  int
	Proxy                   string // the name of who carries the mandate by proxy (their reference if the name is not unique)
	Status                  string // submitted, verified or rejected
	Presence                string // present, out of the hall, or absent
}

// Presence words.
const (
	PresencePresent   = "present"
	PresenceOutOfHall = "out of the hall"
	PresenceAbsent    = "absent"
)

// Entries returns the roster of an assembly: every person who holds or
// held a mandate, once, sorted by organization and then by name. A person
// with several mandates is written with the one they vote with, else
// their first not rejected, else their last.
func Entries(s *assembly.State) []Entry {
	sameName := map[string]int{}
	for _, id := range s.PersonOrder {
		sameName[assembly.NameKey(s.Persons[id].Name)]++
	}
	var out []Entry
	for _, id := range s.PersonOrder {
		per := s.Persons[id]
		md := rosterMandate(s, per)
		if md == nil {
			continue
		}
		e := Entry{Ref: per.Ref, Name: per.Name, Kind: KindWord(md.Kind), Weight: md.Votes(), Status: md.Status}
		if md.Organization != "" {
			e.Organization = s.Organizations[md.Organization].Name
		}
		if pr := s.Persons[md.Proxy]; pr != nil {
			e.Proxy = pr.Name
			if sameName[assembly.NameKey(pr.Name)] > 1 && pr.Ref != "" {
				e.Proxy = pr.Ref
			}
		}
		switch {
		case s.InHall(id):
			e.Presence = PresencePresent
		case s.Attendance.CheckedIn[id]:
			e.Presence = PresenceOutOfHall
		default:
			e.Presence = PresenceAbsent
		}
		out = append(out, e)
	}
	// The order of the pages' lists: numbers by their value, "Branch 9"
	// before "Branch 10".
	c := names.Collator()
	slices.SortStableFunc(out, func(a, b Entry) int {
		if a.Organization != b.Organization {
			if a.Organization == "" || b.Organization == "" {
				return strings.Compare(b.Organization, a.Organization) // personal mandates last
			}
			return c.CompareString(a.Organization, b.Organization)
		}
		return c.CompareString(a.Name, b.Name)
	})
	return out
}

func rosterMandate(s *assembly.State, per *assembly.Person) *assembly.Mandate {
	if md, ok := s.VotingMandate(per.ID); ok {
		return md
	}
	var last *assembly.Mandate
	for _, id := range per.Mandates {
		md := s.Mandates[id]
		if md.Status != assembly.MandateStatusRejected {
			return md
		}
		last = md
	}
	return last
}

// headers are the column headers Export writes, in Columns' order.
func headers() []string {
	h := make([]string, len(Columns))
	for i, c := range Columns {
		h[i] = c.Header
	}
	return h
}

func (e Entry) cells() []string {
	return []string{e.Ref, e.Name, e.Organization, e.Kind, strconv.Itoa(e.Weight), e.Proxy, e.Status, e.Presence}
}

// formulaLike reports whether a spreadsheet would take the text s for a
// formula (it begins with =, +, -, @, a tab or a carriage return: OWASP's
// "CSV injection"), or s is such a text behind apostrophes, which Read
// would take for an escaped one.
func formulaLike(s string) bool {
	s = strings.TrimLeft(s, "'")
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
}

// escapeFormula puts an apostrophe before a CSV cell that a spreadsheet
// would take for a formula, so that opening an exported CSV runs nothing;
// and before
// a text that begins with apostrophes and a formula character, so that
// unescapeFormula gives back exactly the text written.
func escapeFormula(s string) string {
	if formulaLike(s) {
		return "'" + s
	}
	return s
}

// escapeApostrophe is escapeFormula for a workbook, where every text is a
// cell typed as a string, never a formula: only a text that unescapeFormula
// would change needs the apostrophe.
func escapeApostrophe(s string) string {
	if strings.HasPrefix(s, "'") && formulaLike(s) {
		return "'" + s
	}
	return s
}

// unescapeFormula takes off the apostrophe escapeFormula put before a cell.
func unescapeFormula(s string) string {
	if len(s) > 1 && s[0] == '\'' && formulaLike(s[1:]) {
		return s[1:]
	}
	return s
}

// WriteCSV writes the roster of an assembly as CSV (UTF-8, comma
// separated, with a header row), to be read back by Read.
func WriteCSV(w io.Writer, s *assembly.State) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(headers()); err != nil {
		return err
	}
	for _, e := range Entries(s) {
		row := e.cells()
		for i := range row {
			row[i] = escapeFormula(row[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteXLSX writes the roster of an assembly as an Excel workbook with one
// worksheet, "Roster": a bold, frozen header row and one row per person,
// every cell typed as text (never a formula, whatever it begins with) but
// the weight.
func WriteXLSX(w io.Writer, s *assembly.State) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Roster"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	for i, width := range []float64{14, 32, 36, 14, 8, 28, 12, 16} {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, len(Columns))
	for i, h := range headers() {
		head[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	for n, e := range Entries(s) {
		cells := e.cells()
		row := make([]any, len(cells))
		for i, c := range cells {
			row[i] = escapeApostrophe(c)
		}
		row[4] = e.Weight
		cell, err := excelize.CoordinatesToCellName(1, n+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}
