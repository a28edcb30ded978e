package roster_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"plenum/assembly"
	"plenum/roster"
)

// TestExportFormulaRoundTrip: names a spreadsheet would take for a
// formula are written so that it shows them as text (CSV: a leading
// apostrophe; XLSX: cells typed as strings), and both read back as the
// same names — also a name that itself begins with an apostrophe before
// a formula character, which the reader must not strip.
func TestExportFormulaRoundTrip(t *testing.T) {
	w := congress(t)
	names := []string{"'=1+1", "''-x", "=HYPERLINK(\"http://evil.example\",\"Ann\")", "@SUM(A1)", "+1 Ann", "-2 Bo", "'t Hooft", "'"}
	for i, n := range names {
		id := "p" + string(rune('a'+i))
		w.do("admin", assembly.AddPerson{ID: id, Name: n})
		w.do("admin", assembly.SubmitMandate{ID: "m-" + id, Person: id, Organization: "teachers", Kind: assembly.KindDecisive})
	}
	w.do("admin", assembly.AddOrganization{ID: "evil", Name: "=cmd|' /C calc'!A0", Kind: "delegating"})
	w.do("admin", assembly.AmendMandate{Mandate: "m-pa", Organization: "evil"})
	for _, format := range []string{"csv", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			b := export(t, w, format)
			if format == "csv" {
				recs, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
				if err != nil {
					t.Fatal(err)
				}
				for _, rec := range recs {
					for _, c := range rec {
						if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
							t.Errorf("the CSV cell %q would be a formula", c)
						}
					}
				}
			} else {
				assertNoFormulas(t, b.Bytes())
			}
			tab, err := roster.Read("roster."+format, b.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			pv := w.planTable(tab, "admin", false)
			if len(pv.Commands) != 0 || problems(pv) != "" {
				for _, r := range pv.Rows {
					if len(r.Changes) > 0 {
						t.Errorf("row %d %q: %q", r.Number, r.Name, r.Changes)
					}
				}
				t.Fatalf("%d commands\n%s", len(pv.Commands), problems(pv))
			}
		})
	}
}

// assertNoFormulas checks that no cell of a workbook's first sheet is a
// formula.
func assertNoFormulas(t *testing.T, data []byte) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if fm, _ := f.GetCellFormula(f.GetSheetList()[0], cell); fm != "" {
				t.Errorf("cell %s is the formula %q", cell, fm)
			}
		}
	}
}

// TestExportRoundTripSpelling: names recorded by other means than the
// import (the pages, the API) with spaces doubled or at the ends, or in
// decomposed Unicode, export and read back to no change: the import reads
// cells with spaces made single and letters composed, and does not
// "correct" a name to a spelling that looks the same.
func TestExportRoundTripSpelling(t *testing.T) {
	w := congress(t)
	for id, name := range map[string]string{"pa": "Ann  Weiss", "pb": " Bo Lund ", "pc": "Zoe\u0308 Lind"} {
		w.do("admin", assembly.AddPerson{ID: id, Name: name})
		w.do("admin", assembly.SubmitMandate{ID: "m-" + id, Person: id, Organization: "teachers", Kind: assembly.KindDecisive})
	}
	for _, format := range []string{"csv", "xlsx"} {
		tab, err := roster.Read("roster."+format, export(t, w, format).Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if pv := w.planTable(tab, "admin", false); len(pv.Commands) != 0 || problems(pv) != "" {
			for _, r := range pv.Rows {
				t.Errorf("%s: row %d %q: %q", format, r.Number, r.Name, r.Changes)
			}
		}
	}
}
