package roster_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"plenum/i18n"
	"plenum/roster"
)

// TestMergedCells: a cell merged over several rows (a delegation written
// once for its delegates) is read on every row it covers, as the
// spreadsheet shows it, not only on the first.
func TestMergedCells(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	for cell, v := range map[string]string{"A1": "Name", "B1": "Organization", "A2": "Ann Weiss", "B2": "Teachers' Union", "A3": "Bo Lund", "A4": "Cy Moor", "B5": "Railway Workers' Union", "A5": "Di Hahn"} {
		if err := f.SetCellValue("Sheet1", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.MergeCell("Sheet1", "B2", "B4"); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	tab, err := roster.Read("r.xlsx", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range tab.Rows {
		got = append(got, strings.Join(r.Cells, "|"))
	}
	want := "Ann Weiss|Teachers' Union; Bo Lund|Teachers' Union; Cy Moor|Teachers' Union; Di Hahn|Railway Workers' Union"
	if strings.Join(got, "; ") != want {
		t.Errorf("rows %q\nwant %q", strings.Join(got, "; "), want)
	}
}

// TestCSVLineEndings: a CSV whose lines end in CR alone (as Excel for the
// Mac wrote it) reads row by row, not as one empty roster.
func TestCSVLineEndings(t *testing.T) {
	tab := readText(t, "r.csv", "Name,Organization\rAnn,A\rBo,B\r\nCy,C\n")
	var got []string
	for _, r := range tab.Rows {
		got = append(got, strings.Join(r.Cells, "|"))
	}
	if strings.Join(got, "; ") != "Ann|A; Bo|B; Cy|C" || tab.Rows[2].Number != 4 {
		t.Errorf("rows %q", got)
	}
}

// TestUnclosedQuote: a quote opened in a cell and never closed would
// swallow the rows below into that cell; the row where it opens is read
// with the quote as a character and marked with the problem, and the
// lines below are read as rows of their own: in the middle of the file,
// on its last line, in the Name column of a file separated by ';'.
func TestUnclosedQuote(t *testing.T) {
	const quote = `the quote (") that opens the cell is not closed on its row, so it is read as a character of the cell, and the row is not recorded; the lines below it are read as rows of their own. Close the quote or remove it`
	for _, c := range []struct {
		name, text string
		rows       string // each row's number and cells
		bad        string // the row and column of the problem
	}{
		{"middle", "Name,Organization\nAnn,\"A\nBo,B\nCy,C\n", `2:Ann|"A 3:Bo|B 4:Cy|C`, "row 2, column B"},
		{"middle, closed by a later quote", "Name,Organization\nAnn,\"A\nBo,B\n\"Weiss, Cy\",C\n", `2:Ann|"A 3:Bo|B 4:Weiss, Cy|C`, "row 2, column B"},
		{"after a cell over two lines", "Name,Organization\n\"Ann\nWeiss\",\"A\nBo,B\n", "2:Ann\nWeiss|\"A 3:Bo|B", "row 2, column B"},
		{"last line", "Name,Organization\nAnn,A\nCy,\"C,D\n", `2:Ann|A 3:Cy|"C|D`, "row 3, column B"},
		{"last line, no line end", "Name,Organization\nAnn,A\nCy,\"C", `2:Ann|A 3:Cy|"C`, "row 3, column B"},
		{"name, separated by ;", "Ref;Name;Kind\n0801;Ana Ruiz;\n0802;\"Pilar Ñúñez Ruiz;decisive\n0803;Bo Paz;\n0804;Cy Gil;decisive\n", `2:0801|Ana Ruiz 3:0802|"Pilar Ñúñez Ruiz|decisive 4:0803|Bo Paz 5:0804|Cy Gil|decisive`, "row 3, column B"},
	} {
		tab := readText(t, "r.csv", c.text)
		var rows, bad []string
		for _, r := range tab.Rows {
			rows = append(rows, fmt.Sprintf("%d:%s", r.Number, strings.Join(r.Cells, "|")))
			for _, pr := range r.Problems {
				bad = append(bad, pr.Error())
			}
		}
		if got := strings.Join(rows, " "); got != c.rows {
			t.Errorf("%s: rows %q\nwant %q", c.name, got, c.rows)
		}
		if want := c.bad + ": " + quote; len(bad) != 1 || bad[0] != want {
			t.Errorf("%s: problems %q\nwant %q", c.name, bad, want)
		}
	}
	// A quote inside a cell, or a quoted cell over two lines without a
	// separator, is still read, with no problem.
	tab := readText(t, "r.csv", "Name,Organization\nAnn \"the\" Weiss,A\nBo,\"B\nUnion\"\nCy,\"C\"\n")
	if len(tab.Rows) != 3 || tab.Rows[0].Cells[0] != `Ann "the" Weiss` || tab.Rows[2].Cells[1] != "C" {
		t.Errorf("rows %v", tab.Rows)
	}
	for _, r := range tab.Rows {
		if len(r.Problems) > 0 {
			t.Errorf("row %d: %v", r.Number, r.Problems[0])
		}
	}
	// In the header, it refuses the file.
	if _, err := roster.Read("r.csv", []byte("Name,\"Organization\nAnn,A\n")); err == nil || err.Error() != "row 1, column B: "+quote {
		t.Errorf("a quote not closed in the header: %v", err)
	}
	// A file that names no columns at all is refused for that, not for a
	// quote further down (a JSON file: its first line could have been the
	// header, its fifth could not).
	if _, err := roster.Read("r.csv", []byte("# a script\n\n{\"cmd\":\"x\"}\n{\"cmd\":\"y\",\"args\":{\"a\":\"b,c\"}}\n{\"q\":\"open,\n")); err == nil || !strings.HasPrefix(err.Error(), "no column gives the names") {
		t.Errorf("a file without a header and a quote not closed below: %v", err)
	}
}

// TestManyUnclosedQuotes: each quote not closed, with no quote after it,
// is read to the end of the file, and the file again from the line below:
// a file of thousands of them is refused, naming the row where the reading
// stops, rather than read over and over (quadratic in its size).
func TestManyUnclosedQuotes(t *testing.T) {
	var b strings.Builder
	b.WriteString("Name,Organization\n")
	for i := range 20_000 {
		fmt.Fprintf(&b, "Delegate %d,\"Union\n", i)
	}
	_, err := roster.Read("r.csv", []byte(b.String()))
	var pr *roster.Problem
	if !errors.As(err, &pr) || pr.Row < 3 || pr.Row > 20_001 || pr.Column != "B" || !strings.Contains(pr.Msg, fmt.Sprintf("nor are the quotes of %d rows above it", pr.Row-2)) {
		t.Fatalf("Read: %v", err)
	}
}

// TestUnclosedQuotePreview: the row with the quote is listed among the
// other rows' problems, with its header, and the rows below it are
// planned as any others.
func TestUnclosedQuotePreview(t *testing.T) {
	w := congress(t)
	tab := readText(t, "r.csv", "Name,Organization\nQuinn Quote,\"Metalworkers' Union North\nRosa Row,Metalworkers' Union North\nSam Self,\n")
	pv := w.planTable(tab, "admin", false)
	wantProblems(t, pv, `row 2, column B (Organization): the quote (") that opens the cell is not closed on its row, so it is read as a character of the cell, and the row is not recorded; the lines below it are read as rows of their own. Close the quote or remove it`+"\n")
	phrasesAreMessages(t, pv)
	if want := (roster.Summary{Rows: 3, Added: 2, Errors: 1}); pv.Summary.Rows != want.Rows || pv.Summary.Added != want.Added || pv.Summary.Errors != want.Errors {
		t.Errorf("summary %+v, want %+v", pv.Summary, want)
	}
	if pv.Rows[0].Action != roster.ActionError || pv.Rows[0].Name != "Quinn Quote" || pv.Rows[1].Action != roster.ActionAdd {
		t.Errorf("rows %+v %+v", pv.Rows[0], pv.Rows[1])
	}
	if es := i18n.For("es").Part(pv.Rows[0].Problems[0].Phrase()); !strings.HasPrefix(es, "la comilla (\") que abre la celda no se cierra en su fila; se lee como") {
		t.Errorf("in Spanish: %q", es)
	}
}

// TestUTF16 reads a CSV or tab-separated text saved as UTF-16 with a byte
// order mark (Excel's "Unicode Text").
func TestUTF16(t *testing.T) {
	text := "Name\tOrganization\r\nAnn Müller\tA\r\n"
	var le, be []byte
	le, be = append(le, 0xFF, 0xFE), append(be, 0xFE, 0xFF)
	for _, r := range text {
		le = append(le, byte(r), byte(r>>8))
		be = append(be, byte(r>>8), byte(r))
	}
	for name, data := range map[string][]byte{"little-endian": le, "big-endian": be} {
		tab, err := roster.Read("r.txt", data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(tab.Rows) != 1 || tab.Rows[0].Cells[0] != "Ann Müller" {
			t.Errorf("%s: rows %v", name, tab.Rows)
		}
	}
}

// TestWideRows: a workbook whose every row has a cell far to the right
// (column XFD, the last) would keep 16,384 cells a row in memory; the
// reader keeps only the cells up to the last with text, and refuses a
// sheet that holds more cells than a roster can need, naming the row.
func TestWideRows(t *testing.T) {
	var rows strings.Builder
	for n := 1; n <= 300; n++ {
		name := "Name"
		if n > 1 {
			name = fmt.Sprintf("Delegate %d", n)
		}
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>`, n, n, name, n)
	}
	b := withSheetData(t, rows.String())
	_, err := roster.Read("wide.xlsx", b)
	want := "row 245: the sheet has more than 4000000 cells up to this row; a roster needs a few columns: delete the columns and cells it does not need, or copy the roster into a new sheet"
	if err == nil || err.Error() != want {
		t.Errorf("Read: %v\nwant %s", err, want)
	}
	// Blank cells far to the right (a column formatted to the end) cost
	// nothing: the rows read.
	tab := readText(t, "r.csv", "Name,Organization"+strings.Repeat(",", 20000)+"\nAnn,A"+strings.Repeat(",", 20000)+"\n")
	if len(tab.Rows) != 1 || len(tab.Rows[0].Cells) != 2 {
		t.Errorf("rows %d, cells %d", len(tab.Rows), len(tab.Rows[0].Cells))
	}
}

// withSheetData is a workbook whose first sheet's rows are the XML given.
func withSheetData(t *testing.T, rows string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return rewrite(t, b.Bytes(), func(data []byte) []byte {
		return regexp.MustCompile(`<sheetData>.*</sheetData>|<sheetData/>`).ReplaceAll(data, []byte("<sheetData>"+rows+"</sheetData>"))
	})
}

// rewrite is the workbook with its first sheet's XML changed by edit.
func rewrite(t *testing.T, workbook []byte, edit func([]byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(workbook), int64(len(workbook)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name == "xl/worksheets/sheet1.xml" {
			data = edit(data)
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestMalformedWorkbooks: a workbook that unpacks to more than the limit
// (a zip bomb: its entry declares 300 MB), a worksheet whose XML is cut
// off (which the streaming read of the rows takes quietly for its end),
// and a cell pointing past the shared strings are each refused with a
// word, or read as an empty cell that the row's check then names.
func TestMalformedWorkbooks(t *testing.T) {
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Store, CompressedSize64: 1, UncompressedSize64: 300 << 20})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(" "))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := roster.Read("bomb.xlsx", bomb.Bytes()); err == nil || err.Error() != "the workbook unpacks to more than 256 MB; a roster is far smaller" {
		t.Errorf("zip bomb: %v", err)
	}

	whole := withSheetData(t, `<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Ann</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>Bo</t></is></c></row>`)
	cut := rewrite(t, whole, func(data []byte) []byte {
		i := bytes.Index(data, []byte(`<row r="3">`))
		return data[:i+8]
	})
	if _, err := roster.Read("cut.xlsx", cut); err == nil || err.Error() != `the worksheet "Sheet1" cannot be read: its XML ends before </worksheet>: the file was cut off; save it again from the spreadsheet` {
		t.Errorf("cut-off worksheet: %v", err)
	}

	past := withSheetData(t, `<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Organization</t></is></c></row>`+
		`<row r="2"><c r="A2" t="s"><v>99999</v></c><c r="B2" t="inlineStr"><is><t>Teachers' Union</t></is></c></row>`)
	tab, err := roster.Read("past.xlsx", past)
	if err != nil {
		t.Fatal(err)
	}
	pv := congress(t).planTable(tab, "admin", false)
	if got, want := problems(pv), "row 2, column A (Name): the name is missing; every row is one person, named\n"; got != want {
		t.Errorf("a shared string past the end: %q, want %q", got, want)
	}
}

// TestFormulaWithoutValue: a workbook written by a program that leaves
// formulas for the spreadsheet to compute (no value kept) would read the
// cell as empty, and a row of such cells not at all; it is refused on the
// first such cell, with what to do.
func TestFormulaWithoutValue(t *testing.T) {
	book := withSheetData(t, `<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Organization</t></is></c></row>`+
		`<row r="2"><c r="A2" t="inlineStr"><is><t>Ann</t></is></c><c r="B2" t="inlineStr"><is><t>Teachers' Union</t></is></c></row>`+
		`<row r="3"><c r="A3" t="str"><f>CONCAT("B","o")</f><v>Bo</v></c><c r="B3"><f>B2</f><v>Teachers' Union</v></c></row>`+
		`<row r="4"><c r="A4" t="str"><f>CONCAT("C","y")</f></c><c r="B4"><f t="shared" si="0"/></c></row>`)
	_, err := roster.Read("r.xlsx", book)
	want := "row 4, column A: the cell holds a formula whose value the workbook does not keep (a program wrote it, and no spreadsheet has computed it); open the file in the spreadsheet and save it again"
	if err == nil || err.Error() != want {
		t.Errorf("Read: %v\nwant %s", err, want)
	}
}
