package roster_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"plenum/roster"
)

var update = flag.Bool("update", false, "rewrite the sample XLSX and the export golden in testdata/roster")

func TestHeaders(t *testing.T) {
	tab := readText(t, "r.csv", "Member No.;FULL_NAME; delegation ;Mandate;Votes;Proxy-holder;Mandate status;Phone\nR1;Ann;Teachers' Union;decisive;1;;;555\n")
	want := []roster.Field{roster.FieldRef, roster.FieldName, roster.FieldOrganization, roster.FieldKind, roster.FieldWeight, roster.FieldProxy, roster.FieldStatus, ""}
	if !reflect.DeepEqual(tab.Fields, want) {
		t.Errorf("fields %q, want %q", tab.Fields, want)
	}
	if got := tab.Unused(); !reflect.DeepEqual(got, []string{"H (Phone)"}) {
		t.Errorf("unused %q", got)
	}
	for _, c := range roster.Columns {
		for _, h := range append([]string{c.Header, strings.ToUpper(c.Header)}, c.Aliases...) {
			if c.Field == roster.FieldName {
				continue
			}
			tab := readText(t, "r.csv", "Name,"+h+"\nAnn,x\n")
			want := c.Field
			if want == roster.FieldPresence {
				want = "" // written by the export, not read
			}
			if tab.Fields[1] != want {
				t.Errorf("header %q gives %q, want %q", h, tab.Fields[1], want)
			}
		}
	}
	// The export's Presence column is not read, and the preview says so
	// beside the columns it does not know, rather than among those read
	// (a presence changed in the file changes nothing).
	tab = readText(t, "r.csv", "Ref,Name,Presence,In hall\n1,Ann,present,yes\n")
	if got := tab.Unused(); !reflect.DeepEqual(got, []string{"C (Presence)", "D (In hall)"}) {
		t.Errorf("unused %q, want Presence and In hall", got)
	}
}

func TestReadCSV(t *testing.T) {
	for _, c := range []struct {
		name, text string
		header     int
		rows       []int
		cells      []string // of the first row
	}{
		{"comma", "Name,Organization\nAnn,A\nBo,B\n", 1, []int{2, 3}, []string{"Ann", "A"}},
		{"semicolon", "Name;Organization\nAnn;A, the first\n", 1, []int{2}, []string{"Ann", "A, the first"}},
		{"tab", "Name\tOrganization\nAnn\tA\n", 1, []int{2}, []string{"Ann", "A"}},
		{"byte order mark and CRLF", "\xEF\xBB\xBFName,Organization\r\nAnn,A\r\n", 1, []int{2}, []string{"Ann", "A"}},
		{"quoted, with a line break", "Name,Organization\n\"Weiss, Ann\",\"A\nB\"\nBo,C\n", 1, []int{2, 3}, []string{"Weiss, Ann", "A\nB"}},
		{"title and blank rows", "Delegates of the 14th Congress,,\n,,\nName,Organization\n\nAnn,A\n,,\nBo,B\n", 3, []int{5, 7}, []string{"Ann", "A"}},
		// The separator is the header line's, not a title's above it.
		{"semicolon below a title", "Metalworkers Congress 2027 – delegates\nMember No;Full name;Delegation;Votes\n1;Ann Weiss;Smiths, Berlin;2\n", 2, []int{3}, []string{"1", "Ann Weiss", "Smiths, Berlin", "2"}},
		{"semicolon below a padded title", "Metalworkers Congress 2027 – delegates;;;\n;;;\nMember No;Full name;Delegation;Votes\n1;Ann Weiss;Smiths, Berlin;2\n", 3, []int{4}, []string{"1", "Ann Weiss", "Smiths, Berlin", "2"}},
		{"semicolon below a title with commas", "Metalworkers Congress, Berlin, 2027\nMember No;Full name;Delegation\n1;Ann Weiss;Smiths\n", 2, []int{3}, []string{"1", "Ann Weiss", "Smiths"}},
		{"tab below a title", "Delegates; 14th Congress\n\nName\tOrganization\nAnn\tA; B\n", 3, []int{4}, []string{"Ann", "A; B"}},
		{"short and long rows", "Name,Organization,Kind\nAnn\nBo,B,decisive,extra\n", 1, []int{2, 3}, []string{"Ann"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			tab := readText(t, "r.csv", c.text)
			var rows []int
			for _, r := range tab.Rows {
				rows = append(rows, r.Number)
			}
			if tab.HeaderRow != c.header || !reflect.DeepEqual(rows, c.rows) || !reflect.DeepEqual(tab.Rows[0].Cells, c.cells) {
				t.Errorf("header row %d, rows %v, first %q", tab.HeaderRow, rows, tab.Rows[0].Cells)
			}
		})
	}
}

func TestReadProblems(t *testing.T) {
	many := "Name\n" + strings.Repeat("Ann\n", roster.MaxRows+1)
	for _, c := range []struct {
		name, file, text, want string
	}{
		{"empty", "r.csv", "", "the file is empty"},
		{"blank", "r.csv", ",,\n\n", "the file is empty"},
		{"no name column", "r.csv", "Who,Where\nAnn,A\n", `no column gives the names: the header row should name the columns, such as Name, Organization, Kind, Weight (docs/import.md lists them and their other names); row 1 reads "Who", "Where"`},
		{"name column too far down", "r.csv", strings.Repeat("x\n", 10) + "Name\nAnn\n", `no column gives the names: the header row should name the columns, such as Name, Organization, Kind, Weight (docs/import.md lists them and their other names); row 1 reads "x"`},
		{"two name columns", "r.csv", "Name,Org,Full name\nAnn,A,Ann W\n", "row 1, column C (Full name): the columns A (Name) and C (Full name) both give the name; keep one of them"},
		{"not UTF-8, nor Windows-1252", "r.csv", "Name\nAnn\nJos\x81\n", `row 3: the file is not UTF-8 text; in the spreadsheet, save it as "CSV UTF-8" (or as an Excel workbook, .xlsx)`},
		{"binary", "r.csv", "Name\nAnn\nJos\xe9\x00\x01\n", `row 3: the file is not UTF-8 text; in the spreadsheet, save it as "CSV UTF-8" (or as an Excel workbook, .xlsx)`},
		{"old Excel", "r.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", "r.xls is an old Excel workbook (.xls) or one protected by a password; save it as an Excel workbook (.xlsx) without a password, or as CSV UTF-8"},
		{"OpenDocument", "r.ods", "PK\x03\x04\x14\x00\x00\x08\x00\x00mimetypeapplication/vnd.oasis.opendocument.spreadsheet", "r.ods is an OpenDocument spreadsheet; save it as an Excel workbook (.xlsx) or as CSV UTF-8"},
		{"text named .xlsx", "r.xlsx", "Name\nAnn\n", "r.xlsx is not a readable .xlsx workbook; save it as an Excel workbook (.xlsx) or as CSV UTF-8"},
		{"broken zip", "r.xlsx", "PK\x03\x04garbage", "the workbook cannot be read (zip: not a valid zip file); save it again as an Excel workbook (.xlsx) or as CSV UTF-8"},
		{"too many rows", "r.csv", many, fmt.Sprintf("row %d: the roster has more than %d rows; split it into several files", roster.MaxRows+2, roster.MaxRows)},
		{"too large", "r.csv", strings.Repeat("x", roster.MaxFileSize+1), "r.csv is 32 MB; a roster may be at most 32 MB"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := roster.Read(c.file, []byte(c.text))
			var p *roster.Problem
			if !errors.As(err, &p) || err.Error() != c.want {
				t.Errorf("Read: %v\nwant %s", err, c.want)
			}
		})
	}
}

// TestCellProblems: cells too long or holding control characters are
// refused on their row and column; an escaped formula reads unescaped.
func TestCellProblems(t *testing.T) {
	w := congress(t)
	tab := readText(t, "r.csv", "Name,Organization\n"+
		"Ann\x07Weiss,Teachers' Union\n"+
		strings.Repeat("B", 1001)+",Teachers' Union\n"+
		"'=Cy Moor,Teachers' Union\n")
	pv := w.planTable(tab, "admin", false)
	want := "row 2, column A (Name): the cell holds a control character (U+0007); retype it\n" +
		"row 3, column A (Name): the cell is 1001 characters long; at most 1000 are read\n"
	if got := problems(pv); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	if pv.Rows[2].Name != "=Cy Moor" {
		t.Errorf("escaped formula read as %q", pv.Rows[2].Name)
	}
}

func TestWeights(t *testing.T) {
	w := congress(t)
	// "3,0" as a French, German or Spanish spreadsheet writes a decimal
	// comma; "1,000" may be a thousands separator and stays refused.
	for cell, want := range map[string]int{"": 1, "1": 1, "3": 3, "3.0": 3, "3.00": 3, " 7 ": 7, "1000000": 1000000, "3,0": 3, "3,00": 3} {
		pv := w.planTable(readText(t, "r.csv", "Name\tWeight\nAnn\t"+cell+"\n"), "admin", false)
		if r := pv.Rows[0]; len(r.Problems) > 0 || r.Weight != want {
			t.Errorf("weight %q read as %d: %v", cell, r.Weight, r.Problems)
		}
	}
	for _, cell := range []string{"0", "-1", "2.5", "two", "1e3", "1000001", "2,5", "1,000", "3,0.0"} {
		pv := w.planTable(readText(t, "r.csv", "Name\tWeight\nAnn\t"+cell+"\n"), "admin", false)
		if r := pv.Rows[0]; len(r.Problems) != 1 || r.Problems[0].Column != "B" {
			t.Errorf("weight %q: %v", cell, r.Problems)
		}
	}
}

func TestKinds(t *testing.T) {
	w := congress(t)
	for word, want := range roster.Kinds {
		pv := w.planTable(readText(t, "r.csv", "Name,Kind\nAnn,"+strings.ToUpper(word)+"\n"), "admin", false)
		if r := pv.Rows[0]; len(r.Problems) > 0 || r.Kind != want {
			t.Errorf("kind %q read as %q: %v", word, r.Kind, r.Problems)
		}
	}
	pv := w.planTable(readText(t, "r.csv", "Name,Kind\nAnn,\n"), "admin", false)
	if pv.Rows[0].Kind != "decisive" {
		t.Errorf("an empty kind reads %q", pv.Rows[0].Kind)
	}
}

// TestSampleXLSX reads the sample workbook: a title above the header,
// headers by their other names, an unused column, the weight a number, and
// one row with a misspelt organization; corrected, it plans as the CSV.
func TestSampleXLSX(t *testing.T) {
	path := filepath.Join(sample, "congress-2026.xlsx")
	if *update {
		writeSampleXLSX(t, path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tab, err := roster.Read("upload", data)
	if err != nil {
		t.Fatal(err)
	}
	if tab.Format != "xlsx" || tab.Sheet != "Delegates" || tab.HeaderRow != 3 || len(tab.Rows) != 62 || !reflect.DeepEqual(tab.Unused(), []string{"H (E-mail)"}) {
		t.Fatalf("read %s sheet %q, header row %d, %d rows, unused %q", tab.Format, tab.Sheet, tab.HeaderRow, len(tab.Rows), tab.Unused())
	}
	w := congress(t)
	pv := w.planTable(tab, "admin", false)
	want := "row 24, column C (Delegation): the assembly has no organization Metalworkers Union Suoth; check the spelling (it has Metalworkers' Union North, Metalworkers' Union South, Railway Workers' Union, Health and Care Workers' Union, Teachers' Union and 3 more), or let the import add the organizations it does not know\n"
	if got := problems(pv); got != want {
		t.Fatalf("problems:\n%s\nwant:\n%s", got, want)
	}
	// Fix the row, as the organiser does, and it plans as the CSV.
	tab.Rows[24-4].Cells[2] = "Metalworkers' Union South"
	fixed := w.planTable(tab, "admin", false)
	fromCSV := w.plan(filepath.Join(sample, "congress-2026.csv"), false)
	if problems(fixed) != "" || !reflect.DeepEqual(commandsOf(fixed), commandsOf(fromCSV)) {
		t.Fatalf("the corrected workbook plans otherwise than the CSV:\n%s", problems(fixed))
	}
}

func commandsOf(pv *roster.Preview) []any {
	var out []any
	for _, c := range pv.Commands {
		out = append(out, c.Command)
	}
	return out
}

// writeSampleXLSX makes the sample workbook from the sample CSV.
func writeSampleXLSX(t *testing.T, path string) {
	data, err := os.ReadFile(filepath.Join(sample, "congress-2026.csv"))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Delegates"); err != nil {
		t.Fatal(err)
	}
	set := func(cell string, v any) {
		if err := f.SetCellValue("Delegates", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "14th Congress of the Federation of Trade Unions, 20–22 May 2026: delegates")
	for i, h := range []string{"Member no.", "Full name", "Delegation", "Mandate", "Votes", "Proxy holder", "Status", "E-mail"} {
		set(roster.ColumnLetter(i)+"3", h)
	}
	for n, rec := range recs[1:] {
		row := n + 4
		for i, v := range rec {
			cell := fmt.Sprintf("%s%d", roster.ColumnLetter(i), row)
			switch {
			case i == 4:
				var w int
				fmt.Sscan(v, &w)
				set(cell, w)
			case i == 2 && rec[1] == "Ulla Berg":
				set(cell, "Metalworkers Union Suoth") // the row to fix
			default:
				set(cell, v)
			}
		}
		email := strings.ToLower(strings.ReplaceAll(rec[1], " ", ".")) + "@example.org"
		set(fmt.Sprintf("H%d", row), email)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// FuzzRead: no file makes Read panic, and a table it returns has a name
// column and rows numbered below the header.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"congress-2026.csv", "congress-2026-bad.csv", "congress-2026.xlsx"} {
		data, err := os.ReadFile(filepath.Join(sample, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(name, data)
	}
	f.Add("r.csv", []byte("Name;Org\n\"A\"\"\";x\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		tab, err := roster.Read(name, data)
		if err != nil {
			return
		}
		if tab.Column(roster.FieldName) < 0 {
			t.Fatal("a table without a name column")
		}
		for _, r := range tab.Rows {
			if r.Number <= tab.HeaderRow {
				t.Fatalf("row %d at or above the header %d", r.Number, tab.HeaderRow)
			}
		}
	})
}
