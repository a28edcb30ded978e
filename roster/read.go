package roster

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Limits on what Read accepts, so that a hostile file cannot exhaust the
// server: the file's size, the rows after the header, and (for XLSX) how
// much the workbook may unpack to.
const (
	MaxFileSize   = 32 << 20
	MaxRows       = 100_000
	maxUnzipSize  = 256 << 20
	maxUnzipXML   = 16 << 20
	headerSearch  = 10 // the header is one of the first rows with text
	maxCellLength = 1000
	// maxCells bounds the cells kept (up to the last with text in each
	// row): 40 columns of MaxRows rows. A sheet with a cell in its last
	// column on every row would keep 16,384 a row.
	maxCells = 4_000_000
)

// Table is a roster as read from a file, before it is checked: the header
// and every row's cells as text.
type Table struct {
	// Format is "csv" or "xlsx"; Sheet the worksheet read from an XLSX
	// workbook, and Sheets how many it has.
	Format string
	Sheet  string
	Sheets int
	// HeaderRow is the row number of the header; rows above it were not read.
	HeaderRow int
	// Headers are the header cells as written; Fields the field of each
	// column, "" for a column that is not used.
	Headers []string
	Fields  []Field
	Rows    []TableRow
	// Encoding is "windows-1252" for a CSV file that is not UTF-8 and was
	// read as Windows-1252, as German (and other western) Excel saves
	// "CSV (delimited)"; "" for UTF-8 (or UTF-16) text and workbooks.
	Encoding string
	// Comma is the separator of a CSV file's cells; 0 for a workbook.
	Comma rune
}

// Windows1252 is Table.Encoding of a CSV file read as Windows-1252.
const Windows1252 = "windows-1252"

// TableRow is one row below the header: its row number in the sheet (the
// header is usually row 1) and its cells.
type TableRow struct {
	Number int
	Cells  []string
	// Written is how many cells a CSV row was written with, empty ones
	// at its end included (Cells stops at the last with text): a row
	// written with fewer than the header is one whose cells were left
	// out, not written empty. 0 where it is not known (a workbook).
	Written int
	// Problems are what is wrong with the row as read (a quote not
	// closed on it): Plan reports them on the row, which is not recorded.
	Problems []*Problem
}

// Problem is something wrong with a row, or with the whole file (Row 0):
// where it is and what to do about it.
type Problem struct {
	Row    int    // the row number in the sheet; 0 for the file as a whole
	Column string // the column's letter ("C"), "" if none
	Header string // the column's header as written, "" if none
	Msg    string
	// Format and Args are Msg as a template and its arguments, for a
	// page to render in its language.
	Format string
	Args   []any
}

// Phrase is the problem's message as a template and its arguments (Msg
// itself if it has no template).
func (p *Problem) Phrase() Phrase {
	if p.Format == "" {
		return phrase("%s", p.Msg)
	}
	return phrase(p.Format, p.Args...)
}

// fileProblem is a problem with the file as a whole, or with its row (0:
// none), kept with its template for the pages to translate.
func fileProblem(row int, format string, args ...any) *Problem {
	return &Problem{Row: row, Msg: fmt.Sprintf(format, args...), Format: format, Args: args}
}

// Error says where the problem is and what it is: "row 7, column C
// (Organization): …".
func (p *Problem) Error() string {
	var b strings.Builder
	if p.Row > 0 {
		fmt.Fprintf(&b, "row %d", p.Row)
	}
	if p.Column != "" {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "column %s", p.Column)
		if p.Header != "" {
			fmt.Fprintf(&b, " (%s)", p.Header)
		}
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// ColumnLetter names the i-th column (from 0) as a spreadsheet does: A, B,
// …, Z, AA, AB, …
func ColumnLetter(i int) string {
	var b []byte
	for i++; i > 0; i = (i - 1) / 26 {
		b = append([]byte{byte('A' + (i-1)%26)}, b...)
	}
	return string(b)
}

// Read reads a roster from a file's bytes: XLSX when they are a zip
// archive (whatever the name), CSV otherwise. name is the file's name, for
// its extension and for messages. The error is a *Problem when the file is
// readable but not a roster.
func Read(name string, data []byte) (*Table, error) {
	if len(data) > MaxFileSize {
		return nil, fileProblem(0, "%s is %d MB; a roster may be at most %d MB", filepath.Base(name), len(data)>>20, MaxFileSize>>20)
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0")):
		return nil, fileProblem(0, "%s is an old Excel workbook (.xls) or one protected by a password; save it as an Excel workbook (.xlsx) without a password, or as CSV UTF-8", filepath.Base(name))
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		if bytes.Contains(data[:min(len(data), 100)], []byte("application/vnd.oasis.opendocument")) {
			return nil, fileProblem(0, "%s is an OpenDocument spreadsheet; save it as an Excel workbook (.xlsx) or as CSV UTF-8", filepath.Base(name))
		}
		return ReadXLSX(data)
	case ext == ".xlsx" || ext == ".xls" || ext == ".ods" || ext == ".xlsm":
		return nil, fileProblem(0, "%s is not a readable %s workbook; save it as an Excel workbook (.xlsx) or as CSV UTF-8", filepath.Base(name), ext)
	}
	return ReadCSV(data)
}

// ReadCSV reads a roster from CSV text in UTF-8 (a byte order mark is
// skipped). The separator is the one of ',', ';' and tab that the header
// line uses most, as spreadsheets write ';' where ',' is the decimal comma.
func ReadCSV(data []byte) (*Table, error) {
	if bytes.HasPrefix(data, []byte("\xFF\xFE")) || bytes.HasPrefix(data, []byte("\xFE\xFF")) {
		// UTF-16 with its byte order mark: Excel's "Unicode Text".
		text, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, fileProblem(0, "the file is not UTF-8 text; in the spreadsheet, save it as \"CSV UTF-8\" (or as an Excel workbook, .xlsx)")
		}
		data = text
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	// Lines ended by CR alone (Excel for the Mac, before 2016) end lines.
	if bytes.ContainsRune(data, '\r') {
		data = bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	}
	encoding := ""
	if !utf8.Valid(data) {
		text, bad := fromWindows1252(data)
		if bad >= 0 {
			line := 1 + bytes.Count(data[:bad], []byte("\n"))
			return nil, fileProblem(line, "the file is not UTF-8 text; in the spreadsheet, save it as \"CSV UTF-8\" (or as an Excel workbook, .xlsx)")
		}
		data, encoding = text, Windows1252
	}
	comma := sniffComma(data)
	// The reader reads data[base:], whose first line is the file's line
	// lineBase+1: after a row whose quote is not closed, it starts again
	// on the line below (see unclosedQuote).
	base, lineBase := 0, 0
	// Each start again reads the file anew from there, and a quote not
	// closed may run on to the end of it: the bytes read in all are
	// bounded (rereadBudget), so that a file of many such quotes is
	// refused rather than read again and again.
	read, unclosed := int64(0), 0
	reader := func() *csv.Reader {
		r := csv.NewReader(bytes.NewReader(data[base:]))
		r.Comma = comma
		r.FieldsPerRecord = -1
		r.LazyQuotes = true
		r.ReuseRecord = false
		return r
	}
	r := reader()
	var raw []TableRow
	var kept cellBudget
	breaks := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fileProblem(lineBase+pe.StartLine-breaks, "the CSV cannot be read: %v", pe.Err)
			}
			return nil, fileProblem(0, "the CSV cannot be read: %v", err)
		}
		// The row as a spreadsheet numbers it: its line, less the line
		// breaks inside the cells of the rows before.
		line, _ := r.FieldPos(0)
		number := lineBase + line - breaks
		if bad := unclosedQuote(r, rec, data[base:]); bad >= 0 {
			if read += r.InputOffset(); read > rereadBudget(len(data)) {
				pr := fileProblem(number, "the quote (\") that opens the cell is not closed on its row, nor are the quotes of %d rows above it; so many are not read one by one: close the quotes or remove them", unclosed)
				pr.Column = ColumnLetter(bad)
				return nil, pr
			}
			unclosed++
			row, next := literalRow(r, rec, bad, data[base:])
			for _, c := range rec[:bad] {
				breaks += strings.Count(c, "\n")
			}
			if row, err = kept.row(number, row); err != nil {
				return nil, err
			}
			pr := fileProblem(number, "the quote (\") that opens the cell is not closed on its row, so it is read as a character of the cell, and the row is not recorded; the lines below it are read as rows of their own. Close the quote or remove it")
			pr.Column = ColumnLetter(bad)
			raw = append(raw, TableRow{Number: number, Cells: row, Problems: []*Problem{pr}})
			qline, _ := r.FieldPos(bad)
			if base += next; base >= len(data) {
				break
			}
			lineBase += qline
			r = reader()
			continue
		}
		for _, c := range rec {
			breaks += strings.Count(c, "\n")
		}
		written := len(rec)
		if rec, err = kept.row(number, rec); err != nil {
			return nil, err
		}
		raw = append(raw, TableRow{Number: number, Cells: rec, Written: written})
		if len(raw) > MaxRows+headerSearch {
			break
		}
	}
	t, err := build(raw)
	if err != nil {
		return nil, err
	}
	t.Format, t.Encoding, t.Comma = "csv", encoding, comma
	return t, nil
}

// fromWindows1252 reads data, which is not UTF-8, as Windows-1252 text,
// the code page German (and other western) Excel saves "CSV (delimited)"
// in. bad is the offset of the first byte that such a file does not hold,
// or -1: a byte Windows-1252 leaves undefined, a control character other
// than tab and line ends (a NUL: a binary file), or a character written
// in UTF-8 (a file partly UTF-8 would be read half garbled: the first
// byte that is not UTF-8 is bad, as a file neither UTF-8 nor
// Windows-1252).
func fromWindows1252(data []byte) (text []byte, bad int) {
	firstInvalid, utf8Seen := -1, false
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			if firstInvalid < 0 {
				firstInvalid = i
			}
		case n > 1:
			utf8Seen = true
		}
		i += n
	}
	if utf8Seen {
		return nil, firstInvalid
	}
	for i, b := range data {
		if b < 0x20 && b != '\t' && b != '\n' || b == 0x7F || b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D {
			return nil, i
		}
	}
	text, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return nil, 0
	}
	return text, -1
}

// cellBudget counts the cells a reader keeps, against maxCells.
type cellBudget int

// row returns a row's cells up to the last with text, or a problem once
// the sheet has kept more than maxCells.
func (b *cellBudget) row(number int, cells []string) ([]string, error) {
	n := len(cells)
	for n > 0 && strings.TrimSpace(cells[n-1]) == "" {
		n--
	}
	if *b += cellBudget(n); *b > maxCells {
		return nil, fileProblem(number, "the sheet has more than %d cells up to this row; a roster needs a few columns: delete the columns and cells it does not need, or copy the roster into a new sheet", maxCells)
	}
	return cells[:n:n], nil
}

// rereadBudget is how many bytes ReadCSV reads in all, starting again
// after each row whose quote is not closed, from a file of size bytes:
// eight times the file and 4 MB, some eighty starts again over a roster
// of a thousand rows, each read to the end of the file (as a quote not
// closed and no quote after it reads), a few over one of 32 MB.
func rereadBudget(size int) int64 { return 8*int64(size) + 4<<20 }

// unclosedQuote returns the index of the cell of rec (the record r has
// just read from data) whose opening quote is not closed on its row, or
// -1: a cell read across lines that holds, after a line break, the
// separator (runOn), or a quoted last cell that runs to the end of the
// file without a closing quote, which the lenient reader (LazyQuotes)
// reads into the cell rather than refuse.
func unclosedQuote(r *csv.Reader, rec []string, data []byte) int {
	for i, c := range rec {
		if runOn(c, r.Comma) && quoteAt(r, i, data) >= 0 {
			return i
		}
	}
	if len(rec) == 0 || r.InputOffset() < int64(len(data)) {
		return -1
	}
	last := len(rec) - 1
	at := quoteAt(r, last, data)
	if at < 0 {
		return -1
	}
	end := bytes.TrimRight(data, "\n")
	if len(end)-1 > at && end[len(end)-1] == '"' {
		return -1
	}
	return last
}

// quoteAt is the offset in data of the quote that opens the i-th cell of
// the record r has just read, or -1 if the cell does not open with one.
func quoteAt(r *csv.Reader, i int, data []byte) int {
	line, col := r.FieldPos(i)
	at := lineStart(data, line) + col - 1
	if at < 0 || at >= len(data) || data[at] != '"' {
		return -1
	}
	return at
}

// lineStart is the offset in data of its line'th line (from 1).
func lineStart(data []byte, line int) int {
	at := 0
	for ; line > 1; line-- {
		k := bytes.IndexByte(data[at:], '\n')
		if k < 0 {
			return len(data)
		}
		at += k + 1
	}
	return at
}

// literalRow is the row whose bad-th cell opens with a quote that is not
// closed on its row, read with that quote as a character of the cell: the
// cells before it as read, then its line from the quote on, split at the
// separator. next is the offset in data of the line below.
func literalRow(r *csv.Reader, rec []string, bad int, data []byte) (row []string, next int) {
	at := quoteAt(r, bad, data)
	end := bytes.IndexByte(data[at:], '\n')
	if end < 0 {
		end = len(data) - at
	}
	row = append(slices.Clone(rec[:bad]), strings.Split(string(data[at:at+end]), string(r.Comma))...)
	return row, at + end + 1
}

// runOn reports whether a cell read across lines holds, after a line
// break, the separator: the sign of a quote opened and not closed, which
// the lenient reader (LazyQuotes, for the stray quote inside a name) lets
// run on over the rows below, to the next quote or the end of the file.
func runOn(cell string, comma rune) bool {
	_, rest, ok := strings.Cut(cell, "\n")
	return ok && strings.ContainsRune(rest, comma)
}

// sniffComma picks the separator the header line uses most: the header is
// the first of the first lines with text that, split by one of ',', ';'
// and tab, names a column Name, as build finds it (a title line above it,
// "Congress 2027 – delegates" or the same padded with separators as Excel
// writes it, does not decide). Without such a line, the separator is the
// one the first line with text uses most.
func sniffComma(data []byte) rune {
	seps := []rune{',', ';', '\t'}
	var first []byte
	seen := 0
	for rest := data; len(rest) > 0 && seen < headerSearch; {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		if len(bytes.Trim(line, ",;\t ")) == 0 {
			continue
		}
		seen++
		if first == nil {
			first = line
		}
		var naming []rune
		for _, c := range seps {
			if namesAColumn(line, c) {
				naming = append(naming, c)
			}
		}
		if len(naming) > 0 {
			return mostUsed(line, naming)
		}
	}
	return mostUsed(first, seps)
}

// namesAColumn reports whether a line split by comma has a cell that
// names the Name column.
func namesAColumn(line []byte, comma rune) bool {
	r := csv.NewReader(bytes.NewReader(line))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = comma, true, -1
	rec, err := r.Read()
	if err != nil {
		return false
	}
	for _, c := range rec {
		if f, ok := fieldOf(c); ok && f == FieldName {
			return true
		}
	}
	return false
}

// mostUsed is the separator of seps that line holds most, the first of
// them on a tie.
func mostUsed(line []byte, seps []rune) rune {
	best, n := seps[0], bytes.Count(line, []byte(string(seps[0])))
	for _, c := range seps[1:] {
		if k := bytes.Count(line, []byte(string(c))); k > n {
			best, n = c, k
		}
	}
	return best
}

// ReadXLSX reads a roster from an Excel workbook: the first visible
// worksheet, cells as the spreadsheet shows them (a number formatted
// "0.00" reads "2.00").
func ReadXLSX(data []byte) (t *Table, err error) {
	// A workbook is a hostile upload as much as a spreadsheet: a panic in
	// the parser on a malformed one is a refusal, not a crash.
	defer func() {
		if r := recover(); r != nil {
			t, err = nil, fileProblem(0, "the workbook cannot be read (%v); save it again as an Excel workbook (.xlsx) or as CSV UTF-8", r)
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipSize, UnzipXMLSizeLimit: maxUnzipXML})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size") {
			return nil, fileProblem(0, "the workbook unpacks to more than %d MB; a roster is far smaller", maxUnzipSize>>20)
		}
		return nil, fileProblem(0, "the workbook cannot be read (%v); save it again as an Excel workbook (.xlsx) or as CSV UTF-8", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	sheet := ""
	for _, s := range sheets {
		if visible, err := f.GetSheetVisible(s); err == nil && visible {
			sheet = s
			break
		}
	}
	if sheet == "" {
		return nil, fileProblem(0, "the workbook has no visible worksheet")
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fileProblem(0, "the worksheet %q cannot be read: %v", sheet, err)
	}
	defer rows.Close()
	var raw []TableRow
	var kept cellBudget
	for n := 1; rows.Next(); n++ {
		cells, err := rows.Columns()
		if err != nil {
			return nil, fileProblem(n, "the row cannot be read: %v", err)
		}
		if cells, err = kept.row(n, cells); err != nil {
			return nil, err
		}
		if len(cells) > 0 {
			raw = append(raw, TableRow{Number: n, Cells: cells})
		}
		if len(raw) > MaxRows+headerSearch {
			break
		}
	}
	if err := rows.Error(); err != nil {
		return nil, fileProblem(0, "the worksheet %q cannot be read: %v", sheet, err)
	}
	scan, err := scanSheet(data, sheet)
	if err != nil {
		return nil, fileProblem(0, "the worksheet %q cannot be read: %v", sheet, err)
	}
	if len(scan.unvalued) > 0 {
		col, row, _ := excelize.CellNameToCoordinates(scan.unvalued[0])
		pr := fileProblem(row, "the cell holds a formula whose value the workbook does not keep (a program wrote it, and no spreadsheet has computed it); open the file in the spreadsheet and save it again")
		pr.Column = ColumnLetter(col - 1)
		return nil, pr
	}
	fillMerged(raw, scan.merged)
	if t, err = build(raw); err != nil {
		return nil, err
	}
	t.Format, t.Sheet, t.Sheets = "xlsx", sheet, len(sheets)
	return t, nil
}

// fillMerged gives a cell merged over several rows (a delegation written
// once beside its delegates) to every row it covers, in its first column,
// as the spreadsheet shows it; the workbook holds it only in the first row.
// Rows without any cell of their own are not made; a workbook of
// overlapping merges fills at most a few cells per row read.
func fillMerged(raw []TableRow, merged []string) {
	budget := 8 * len(raw)
	byNumber := map[int]int{}
	for i, r := range raw {
		byNumber[r.Number] = i
	}
	for _, m := range merged {
		start, end, _ := strings.Cut(m, ":")
		col, top, err1 := excelize.CellNameToCoordinates(start)
		_, bottom, err2 := excelize.CellNameToCoordinates(end)
		first, ok := byNumber[top]
		if err1 != nil || err2 != nil || !ok || col > len(raw[first].Cells) {
			continue
		}
		v := raw[first].Cells[col-1]
		for i := first + 1; i < len(raw) && raw[i].Number <= bottom && budget > 0; i++ {
			budget--
			for len(raw[i].Cells) < col {
				raw[i].Cells = append(raw[i].Cells, "")
			}
			if raw[i].Cells[col-1] == "" {
				raw[i].Cells[col-1] = v
			}
		}
	}
}

// blank reports whether a row has no text.
func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// build finds the header among the first rows with text, maps its columns
// to fields and keeps the rows below it that have text.
func build(raw []TableRow) (*Table, error) {
	header := -1
	seen := 0
	for i, r := range raw {
		if blank(r.Cells) {
			continue
		}
		for _, c := range r.Cells {
			if f, ok := fieldOf(c); ok && f == FieldName {
				header = i
				break
			}
		}
		if seen++; header >= 0 || seen == headerSearch {
			break
		}
	}
	// A row not read as written (a quote not closed on it) at or above
	// the header may be the header itself: the file is refused for it.
	// Where no header was found, only the first row that is not blank
	// could have been it: a quote further down a file that names no
	// columns at all (a JSON file, say) is not why it names none.
	firstFilled := -1
	for i, r := range raw {
		if !blank(r.Cells) {
			firstFilled = i
			break
		}
	}
	for i, r := range raw {
		if len(r.Problems) > 0 && (header >= 0 && i <= header || header < 0 && i == firstFilled) {
			return nil, r.Problems[0]
		}
	}
	if header < 0 {
		for _, r := range raw {
			if !blank(r.Cells) {
				return nil, fileProblem(0, "no column gives the names: the header row should name the columns, such as Name, Organization, Kind, Weight (docs/import.md lists them and their other names); row %d reads %s", r.Number, quoteCells(r.Cells))
			}
		}
		return nil, fileProblem(0, "the file is empty")
	}
	t := &Table{HeaderRow: raw[header].Number}
	first := map[Field]int{}
	for i, h := range raw[header].Cells {
		h = strings.TrimSpace(h)
		t.Headers = append(t.Headers, h)
		f, ok := fieldOf(h)
		if !ok || f == FieldPresence { // the export's presence is not read
			t.Fields = append(t.Fields, "")
			continue
		}
		if j, dup := first[f]; dup {
			pr := fileProblem(t.HeaderRow, "the columns %s (%s) and %s (%s) both give the %s; keep one of them", ColumnLetter(j), t.Headers[j], ColumnLetter(i), h, string(f))
			pr.Column, pr.Header = ColumnLetter(i), h
			return nil, pr
		}
		first[f] = i
		t.Fields = append(t.Fields, f)
	}
	for _, r := range raw[header+1:] {
		if blank(r.Cells) {
			continue
		}
		if len(t.Rows) == MaxRows {
			return nil, fileProblem(r.Number, "the roster has more than %d rows; split it into several files", MaxRows)
		}
		t.Rows = append(t.Rows, r)
	}
	return t, nil
}

func quoteCells(cells []string) string {
	var q []string
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" {
			q = append(q, fmt.Sprintf("%q", c))
		}
		if len(q) == 6 {
			q = append(q, "…")
			break
		}
	}
	return strings.Join(q, ", ")
}

// Column returns the index of the column that gives f, or -1.
func (t *Table) Column(f Field) int {
	for i, g := range t.Fields {
		if g == f {
			return i
		}
	}
	return -1
}

// Unused lists the headers of the columns that give no field, with their
// letters ("F (Phone)").
func (t *Table) Unused() []string {
	var out []string
	for i, f := range t.Fields {
		if f == "" && t.Headers[i] != "" {
			out = append(out, fmt.Sprintf("%s (%s)", ColumnLetter(i), t.Headers[i]))
		}
	}
	return out
}
