package roster_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/roster"
)

// exportWorld is the sample congress after the sample and corrected
// imports, with what the mandate commission and the hall did since: a
// rejection, check-ins, a delegate out of the hall, a name a spreadsheet
// would take for a formula.
func exportWorld(t *testing.T) *world {
	w := congress(t)
	w.record(w.plan(filepath.Join(sample, "congress-2026.csv"), false))
	w.record(w.plan(filepath.Join(sample, "congress-2026-corrected.csv"), false))
	w.do("admin", assembly.RejectMandate{Mandate: "m-viktor-horvath", Reason: "not elected by the branch"})
	w.do("admin", assembly.CheckIn{Person: "amira-haddad"})
	w.do("admin", assembly.CheckIn{Person: "luca-bianchi"})
	w.do("admin", assembly.LeaveHall{Persons: []string{"luca-bianchi"}})
	w.do("admin", assembly.AmendPerson{Person: "kwame-mensah", Name: "=Kwame Mensah"})
	return w
}

func TestExportCSV(t *testing.T) {
	w := exportWorld(t)
	var b bytes.Buffer
	if err := roster.WriteCSV(&b, w.state()); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join(sample, "congress-2026-export.csv")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("the export differs from %s (go test -update rewrites it):\n%s", golden, b.String())
	}
}

// TestExportRoundTrip: the roster exported as CSV and as XLSX reads back
// to no command, no problem and nobody missing.
func TestExportRoundTrip(t *testing.T) {
	w := exportWorld(t)
	for _, format := range []string{"csv", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			b := export(t, w, format)
			tab, err := roster.Read("roster."+format, b.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			pv := w.planTable(tab, "admin", false)
			if len(pv.Commands) != 0 || problems(pv) != "" || pv.Summary != (roster.Summary{Rows: 63, Unchanged: 63}) {
				t.Fatalf("%d commands, %+v\n%s", len(pv.Commands), pv.Summary, problems(pv))
			}
			for _, r := range pv.Rows {
				if len(r.Notes) > 0 {
					t.Errorf("row %d (%s): notes %q", r.Number, r.Name, r.Notes)
				}
			}
		})
	}
}

// export writes the world's roster in format, csv or xlsx.
func export(t *testing.T, w *world, format string) *bytes.Buffer {
	t.Helper()
	var b bytes.Buffer
	write := roster.WriteCSV
	if format == "xlsx" {
		write = roster.WriteXLSX
	}
	if err := write(&b, w.state()); err != nil {
		t.Fatal(err)
	}
	return &b
}

func TestSlug(t *testing.T) {
	for name, want := range map[string]string{
		"Amira Haddad":           "amira-haddad",
		"Finn O'Connor":          "finn-o-connor",
		"Łucja Żak-Ørsted":       "lucja-zak-orsted",
		"  Straße  der Einheit ": "strasse-der-einheit",
		"Иван Петров":            "",
		"Zoë (2nd)":              "zoe-2nd",
		"Ⅻ Congress":             "xii-congress",
	} {
		if got := roster.Slug(name); got != want {
			t.Errorf("Slug(%q) = %q, want %q", name, got, want)
		}
	}
	long := roster.Slug("A very long name that goes on and on beyond the length of any id plenum keeps")
	if len(long) > 56 || long[len(long)-1] == '-' {
		t.Errorf("long slug %q", long)
	}
	taken := map[string]bool{"ann": true, "ann-2": true, "person": true}
	for name, want := range map[string]string{"Ann": "ann-3", "Bo": "bo", "Иван": "person-2"} {
		if got := roster.NewID("person", name, func(id string) bool { return taken[id] }); got != want {
			t.Errorf("NewID(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestEntriesNumbersByValue: the roster export lists organizations and
// names as the pages do (internal/names), numbers by their value: "Branch
// 9" before "Branch 10", "Delegate 2" before "Delegate 11".
func TestEntriesNumbersByValue(t *testing.T) {
	w := congress(t)
	for _, o := range []struct{ id, name string }{{"b10", "Branch 10"}, {"b9", "branch 9"}} {
		w.do("admin", assembly.AddOrganization{ID: o.id, Name: o.name, Kind: "delegating"})
	}
	for _, p := range []struct{ id, name, org string }{{"d11", "Delegate 11", "b10"}, {"d2", "Delegate 2", "b10"}, {"d1", "Delegate 1", "b9"}} {
		w.do("admin", assembly.AddPerson{ID: p.id, Name: p.name})
		w.do("admin", assembly.SubmitMandate{ID: "m-" + p.id, Person: p.id, Organization: p.org, Kind: "decisive"})
	}
	var got []string
	for _, e := range roster.Entries(w.state()) {
		if strings.HasPrefix(e.Name, "Delegate ") {
			got = append(got, e.Organization+"/"+e.Name)
		}
	}
	want := []string{"branch 9/Delegate 1", "Branch 10/Delegate 2", "Branch 10/Delegate 11"}
	if !slices.Equal(got, want) {
		t.Fatalf("the roster lists\n%q\nwant\n%q", got, want)
	}
}
