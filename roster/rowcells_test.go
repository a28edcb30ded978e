package roster_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"plenum/i18n"
	"plenum/roster"
)

// TestShortRow: a CSV row written with fewer cells than the header
// ("M10002;Müge Fuß" under "Mitgliedsnummer;Name;Bezirk") is a problem of
// its row, naming the cell missing, and is not recorded; before, it was
// read as a personal mandate, from no organization, and nothing said so.
// A cell written empty ("M10004;Ute Ernst;") is a personal mandate, as
// before.
func TestShortRow(t *testing.T) {
	w := congress(t)
	tab := readText(t, "fehler.csv", "Mitgliedsnummer;Name;Bezirk\n"+
		"M10001;Max Koch;Bezirk Bayern\n"+
		"M10003;Anna Berg;Bezirk Küste\n"+
		"M10002;Müge Fuß\n"+
		"M10004;Ute Ernst;\n"+
		"M10005\n")
	pv := w.planTable(tab, "admin", true)
	want := "row 4: the row has 2 cells and the header 3: the Bezirk (organization) cell is missing, and the import does not guess which cell was left out, so the row is not recorded. Write the cell; if it is meant to be empty, end the row with one more separator (;)\n" +
		"row 6: the row has 1 cells and the header 3: the cells Name, Bezirk (organization) are missing, and the import does not guess which cells were left out, so the row is not recorded. Write the cells; if they are meant to be empty, end the row with a separator (;) for each\n"
	if got := problems(pv); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	if r := pv.Rows[2]; r.Action != roster.ActionError || r.Name != "Müge Fuß" {
		t.Errorf("row 4: %s %q", r.Action, r.Name)
	}
	if r := pv.Rows[3]; r.Action != roster.ActionAdd || r.Organization != "" || len(r.Problems) > 0 {
		t.Errorf("row 5, its organization written empty: %s %q %v", r.Action, r.Organization, r.Problems)
	}
	if pv.Summary.Errors != 2 || pv.Summary.Added != 3 {
		t.Errorf("summary %+v", pv.Summary)
	}
	if len(pv.Notes) != 0 {
		t.Errorf("notes %v, want none: most rows name their organization", pv.Notes)
	}
	if en := i18n.For("en").Part(pv.Rows[4].Problems[0].Phrase()); !strings.HasPrefix(en, "the row has 1 cell and the header 3: the cells Name, Bezirk (organization) are missing") {
		t.Errorf("on the page, in English: %q", en)
	}
	de := i18n.For("de").Part(pv.Rows[2].Problems[0].Phrase())
	if wantDe := "die Zeile hat 2 Zellen, die Kopfzeile 3: die Zelle Bezirk (Organisation) fehlt"; !strings.HasPrefix(de, wantDe) {
		t.Errorf("in German: %q, want it to start %q", de, wantDe)
	}
}

// TestMostlyNoOrganization: in a file with a column of organizations, an
// empty cell is a personal mandate, allowed; when most rows leave it
// empty, the preview notes it (nothing is refused).
func TestMostlyNoOrganization(t *testing.T) {
	w := congress(t)
	pv := w.planTable(readText(t, "r.csv", "Name;Bezirk\nAnn Weiss;\nBo Lund;\nCy Moor;Teachers' Union\n"), "admin", false)
	if problems(pv) != "" || pv.Summary.Added != 3 {
		t.Fatalf("%s %+v", problems(pv), pv.Summary)
	}
	want := "2 of 3 rows leave the Bezirk cell empty: each of them is a personal mandate, from no organization; if they are delegates of an organization, write it"
	if len(pv.Notes) != 1 || pv.Notes[0].String() != want {
		t.Errorf("notes %v, want %q", pv.Notes, want)
	}
	pv = w.planTable(readText(t, "r.csv", "Name;Bezirk\nAnn Weiss;\nBo Lund;Teachers' Union\nCy Moor;Teachers' Union\n"), "admin", false)
	if len(pv.Notes) != 0 {
		t.Errorf("one row of three without an organization: notes %v", pv.Notes)
	}
}

// TestWindows1252: a CSV file saved by German Excel ("CSV (Trennzeichen-
// getrennt)", Windows-1252) is read, its umlauts and ß as written, and
// the preview notes how it was read, naming names to check; before, it
// was refused as not UTF-8. A file neither UTF-8 nor Windows-1252 (a
// byte Windows-1252 leaves undefined, a NUL) or partly UTF-8 is refused
// as before.
func TestWindows1252(t *testing.T) {
	w := congress(t)
	file := "Mitgliedsnummer;Name;Bezirk\r\n" +
		"M10001;J\xfcrgen Die\xdfner;Bezirk K\xfcste\r\n" +
		"M10002;K\xe4the Fu\xdf;Bezirk K\xfcste\r\n" +
		"M10003;Bj\xf6rn \xd6zt\xfcrk;Bezirk Bayern\r\n" +
		"M10004;Ute Ernst;Bezirk Bayern\r\n"
	tab := readText(t, "delegierte-excel.csv", file)
	if tab.Encoding != roster.Windows1252 {
		t.Errorf("encoding %q", tab.Encoding)
	}
	pv := w.planTable(tab, "admin", true)
	if problems(pv) != "" {
		t.Fatal(problems(pv))
	}
	var names []string
	for _, r := range pv.Rows {
		names = append(names, r.Name+"/"+r.Organization)
	}
	if want := []string{"Jürgen Dießner/Bezirk Küste", "Käthe Fuß/Bezirk Küste", "Björn Öztürk/Bezirk Bayern", "Ute Ernst/Bezirk Bayern"}; !slices.Equal(names, want) {
		t.Errorf("rows %q, want %q", names, want)
	}
	want := `the file is not UTF-8 and was read as Windows-1252, as Excel saves "CSV (delimited)": check that the names' accents below read right (such as Jürgen Dießner, Käthe Fuß, Björn Öztürk) before recording; if they do not, save the file as "CSV UTF-8"`
	if len(pv.Notes) != 1 || pv.Notes[0].String() != want {
		t.Errorf("notes %v, want %q", pv.Notes, want)
	}
	if de := i18n.For("de").Part(pv.Notes[0]); !strings.Contains(de, "als Windows-1252 gelesen") || !strings.Contains(de, "Jürgen Dießner") {
		t.Errorf("in German: %q", de)
	}
	// The same names in UTF-8: no note.
	if pv := w.planTable(readText(t, "r.csv", "Name\nJürgen Dießner\n"), "admin", false); len(pv.Notes) != 0 {
		t.Errorf("a UTF-8 file: notes %v", pv.Notes)
	}
	refused := `the file is not UTF-8 text; in the spreadsheet, save it as "CSV UTF-8" (or as an Excel workbook, .xlsx)`
	for _, c := range []struct{ name, text, want string }{
		{"undefined in Windows-1252", "Name\nK\xe4the\nJos\x8f\n", "row 3: " + refused},
		{"NUL", "Name\nK\xe4the\x00\n", "row 2: " + refused},
		{"partly UTF-8", "Name\nKäthe\nJ\xfcrgen\n", "row 3: " + refused},
	} {
		_, err := roster.Read("r.csv", []byte(c.text))
		var p *roster.Problem
		if !errors.As(err, &p) || err.Error() != c.want {
			t.Errorf("%s: %v, want %s", c.name, err, c.want)
		}
	}
}
