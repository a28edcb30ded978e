package roster

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"regexp"
	"strings"
)

// sheetScan is what scanSheet finds in a worksheet's XML.
type sheetScan struct {
	merged   []string // the ranges of merged cells, "B2:B9"
	unvalued []string // the cells holding a formula without its value, "A4"
}

// scanSheet returns the ranges ("B2:B9") of the cells merged in the
// worksheet named sheet of the workbook data, and the cells that hold a
// formula but not its value, or errCutOff if the worksheet's XML does not
// end. It scans the worksheet's
// XML as it unpacks, keeping nothing but the ranges: excelize's
// GetMergeCells builds the whole worksheet in memory (1 GB allocated and
// 2.7 s for 100,000 rows, on the loaded machine), which the streaming read
// of the rows exists to avoid.
func scanSheet(data []byte, sheet string) (*sheetScan, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	part, err := sheetPart(zr, sheet)
	if err != nil || part == "" {
		return &sheetScan{}, err
	}
	f, err := zr.Open(part)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The ranges are found chunk by chunk; a chunk keeps the tail of the
	// one before, so that an element cut in two is found whole.
	const chunk, overlap = 1 << 20, 4096
	seen := map[string]bool{}
	out := &sheetScan{}
	r := bufio.NewReaderSize(io.LimitReader(f, maxUnzipSize), chunk)
	buf := make([]byte, 0, chunk+overlap)
	for {
		n, err := io.ReadFull(r, buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		for _, m := range mergeCellRef.FindAllSubmatch(buf, -1) {
			if ref := string(m[1]); !seen[ref] {
				seen[ref] = true
				out.merged = append(out.merged, ref)
			}
		}
		for _, m := range unvaluedFormula.FindAllSubmatch(buf, -1) {
			if ref := string(m[1]); !seen[ref] {
				seen[ref] = true
				out.unvalued = append(out.unvalued, ref)
			}
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			// The streaming read of the rows stops quietly where a
			// worksheet's XML is cut off; the rows after the cut would
			// be lost without a word.
			if !worksheetEnd.Match(buf) {
				return nil, errCutOff
			}
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		buf = append(buf[:0], buf[len(buf)-overlap:]...)
	}
}

// worksheetEnd is the end of a whole worksheet's XML.
var worksheetEnd = regexp.MustCompile(`</(?:[A-Za-z_][\w.-]*:)?worksheet>\s*$`)

var errCutOff = errors.New("its XML ends before </worksheet>: the file was cut off; save it again from the spreadsheet")

// unvaluedFormula is a cell <c r="A4"> holding a formula <f> and no
// value <v> after it.
var unvaluedFormula = regexp.MustCompile(`<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*?\br="([A-Z]+[0-9]+)"[^>]*>\s*<(?:[A-Za-z_][\w.-]*:)?f\b[^>]*(?:/>|>[^<]*</(?:[A-Za-z_][\w.-]*:)?f>)\s*</(?:[A-Za-z_][\w.-]*:)?c>`)

// mergeCellRef is a <mergeCell ref="…"/> element, with or without a
// namespace prefix.
var mergeCellRef = regexp.MustCompile(`<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?\bref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"`)

// sheetPart finds the part of the workbook that holds the worksheet named
// sheet, from the workbook's list of sheets and its relationships.
func sheetPart(zr *zip.Reader, sheet string) (string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := decodePart(zr, "xl/workbook.xml", &wb); err != nil {
		return "", err
	}
	if err := decodePart(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return "", err
	}
	for _, s := range wb.Sheets {
		if s.Name != sheet {
			continue
		}
		for _, r := range rels.Rels {
			if r.ID == s.ID {
				if strings.HasPrefix(r.Target, "/") {
					return strings.TrimPrefix(r.Target, "/"), nil
				}
				return path.Join("xl", r.Target), nil
			}
		}
	}
	return "", nil
}

// decodePart decodes a small XML part of the workbook into v.
func decodePart(zr *zip.Reader, name string, v any) error {
	f, err := zr.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return xml.NewDecoder(io.LimitReader(f, maxUnzipXML)).Decode(v)
}
