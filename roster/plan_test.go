package roster_test

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/i18n"
	"plenum/roster"
)

func TestSampleImport(t *testing.T) {
	w := congress(t)
	pv := w.plan(filepath.Join(sample, "congress-2026.csv"), false)
	if got := problems(pv); got != "" {
		t.Fatalf("the sample has problems:\n%s", got)
	}
	want := roster.Summary{Rows: 62, Added: 62}
	if pv.Summary != want {
		t.Fatalf("summary %+v, want %+v", pv.Summary, want)
	}
	w.record(pv)
	s := w.state()
	if len(s.PersonOrder) != 62 || len(s.MandateOrder) != 62 {
		t.Fatalf("%d persons, %d mandates recorded", len(s.PersonOrder), len(s.MandateOrder))
	}
	amira, ok := s.PersonByRef("MN-101")
	if !ok || amira.ID != "amira-haddad" || amira.Name != "Amira Haddad" {
		t.Fatalf("MN-101 is %+v", amira)
	}
	md := s.Mandates["m-amira-haddad"]
	if md == nil || md.Weight != 3 || md.Kind != assembly.KindDecisive || md.Organization != "metal-north" || md.Status != assembly.MandateStatusVerified {
		t.Fatalf("Amira Haddad's mandate is %+v", md)
	}
	if md := s.Mandates["m-luca-bianchi"]; md.Proxy != "katarzyna-nowak" {
		t.Fatalf("Luca Bianchi's mandate is carried by %q", md.Proxy)
	}
	if md := s.Mandates["m-finn-o-connor"]; md == nil {
		t.Fatalf("no mandate m-finn-o-connor; mandates %v", s.MandateOrder)
	}
	kinds := map[string]int{}
	status := map[string]int{}
	for _, id := range s.MandateOrder {
		kinds[s.Mandates[id].Kind]++
		status[s.Mandates[id].Status]++
	}
	if !reflect.DeepEqual(kinds, map[string]int{"decisive": 53, "consultative": 3, "ex_officio": 4, "guest": 2}) {
		t.Errorf("kinds %v", kinds)
	}
	if !reflect.DeepEqual(status, map[string]int{"verified": 54, "submitted": 8}) {
		t.Errorf("statuses %v", status)
	}

	// The same file again changes nothing.
	again := w.plan(filepath.Join(sample, "congress-2026.csv"), false)
	if len(again.Commands) != 0 || again.Summary != (roster.Summary{Rows: 62, Unchanged: 62}) {
		t.Fatalf("re-import: %d commands, %+v", len(again.Commands), again.Summary)
	}
}

func TestCorrectedImport(t *testing.T) {
	w := congress(t)
	w.record(w.plan(filepath.Join(sample, "congress-2026.csv"), false))
	pv := w.plan(filepath.Join(sample, "congress-2026-corrected.csv"), false)
	if got := problems(pv); got != "" {
		t.Fatalf("problems:\n%s", got)
	}
	if want := (roster.Summary{Rows: 62, Added: 1, Changed: 6, Unchanged: 55, Missing: 1}); pv.Summary != want {
		t.Fatalf("summary %+v, want %+v", pv.Summary, want)
	}
	got := map[string]string{}
	for _, r := range pv.Rows {
		if r.Action != roster.ActionUnchanged {
			got[r.Name] = string(r.Action) + ": " + strings.Join(r.Changes, "; ")
			if len(r.Notes) > 0 {
				got[r.Name] += " (" + strings.Join(r.Notes, "; ") + ")"
			}
		}
	}
	want := map[string]string{
		"Bernd Kowalski":       "change: weight 1 → 2; verified again, as the file says",
		"Grete Lindqvist-Moen": `change: name "Grete Lindqvist" → "Grete Lindqvist-Moen"`,
		"Jonas Weber":          "change: mandate verified",
		"Rasmus Holm":          "change: organization Metalworkers' Union South → Metalworkers' Union North; verified again, as the file says",
		"Oskar Wagner":         "change: carried by proxy by Nora Hansen",
		"Kwame Mensah":         "change: kind guest → consultative",
		"Hanna Koskinen":       "add: new person, decisive mandate from Retail and Commerce Union, verified",
		"Luca Bianchi":         "",
	}
	delete(want, "Luca Bianchi")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n got %q\nwant %q", got, want)
	}
	if len(pv.Missing) != 1 || pv.Missing[0].Name != "Farida Osman" || pv.Missing[0].Ref != "RC-153" || !reflect.DeepEqual(pv.Missing[0].Organizations, roster.List{"Retail and Commerce Union"}) {
		t.Errorf("missing %+v", pv.Missing)
	}
	var names []string
	for _, c := range pv.Commands {
		names = append(names, c.Command.CommandName())
	}
	if want := "amend_person add_person amend_mandate amend_mandate amend_mandate submit_mandate verify_mandate verify_mandate verify_mandate verify_mandate transfer_proxy"; strings.Join(names, " ") != want {
		t.Errorf("commands %s, want %s", strings.Join(names, " "), want)
	}
	w.record(pv)
	s := w.state()
	if s.Persons["farida-osman"] == nil || s.Mandates["m-farida-osman"].Status != assembly.MandateStatusSubmitted {
		t.Error("the person missing from the file was changed")
	}
	if md := s.Mandates["m-bernd-kowalski"]; md.Weight != 2 || md.Status != assembly.MandateStatusVerified {
		t.Errorf("Bernd Kowalski's mandate %+v", md)
	}
	again := w.plan(filepath.Join(sample, "congress-2026-corrected.csv"), false)
	if len(again.Commands) != 0 || again.Summary != (roster.Summary{Rows: 62, Unchanged: 62, Missing: 1}) {
		t.Fatalf("re-import of the corrected file: %d commands, %+v:\n%s", len(again.Commands), again.Summary, problems(again))
	}
}

// TestBadRows reads a file with one row of every kind of problem: each is
// named by its row and column, and only the good rows have commands.
func TestBadRows(t *testing.T) {
	w := congress(t)
	pv := w.plan(filepath.Join(sample, "congress-2026-bad.csv"), false)
	want := []string{
		"",
		"row 3, column B (Name): the name is missing; every row is one person, named",
		"row 4, column C (Organization): the assembly has no organization Metalworkers Unoin North; check the spelling (it has Metalworkers' Union North, Metalworkers' Union South, Railway Workers' Union, Health and Care Workers' Union, Teachers' Union and 3 more), or let the import add the organizations it does not know",
		"row 5, column B (Name): amira haddad is also on row 2; one person has one row (if they are two persons of one name, give each a reference in the Ref column)",
		`row 6, column A (Ref): the reference "MN-101" is also on row 2; one person has one row`,
		`row 7, column E (Weight): the weight "two" is not a whole number of votes from 1 to 1000000`,
		`row 8, column E (Weight): the weight "0" is not a whole number of votes from 1 to 1000000`,
		`row 9, column D (Kind): "voter" is not a kind of mandate; write decisive, consultative, guest or ex officio (docs/import.md lists the other words read)`,
		"row 10, column F (Proxy): the proxy Quentin Nobody is neither in the file nor in the assembly; give the name or reference of a delegate",
		"row 11, column F (Proxy): Rosa Klein cannot carry their own mandate by proxy",
		`row 12, column G (Status): "approved" is not a status of a mandate; write verified, submitted, or leave it empty`,
		"row 13, column G (Status): the import does not reject mandates: the mandate commission rejects a mandate, with its reason; leave Status empty",
		"",
		"",
	}
	if len(pv.Rows) != len(want) {
		t.Fatalf("%d rows", len(pv.Rows))
	}
	for i, r := range pv.Rows {
		var got []string
		for _, p := range r.Problems {
			got = append(got, p.Error())
		}
		if strings.Join(got, " | ") != want[i] {
			t.Errorf("row %d:\n got %q\nwant %q", r.Number, strings.Join(got, " | "), want[i])
		}
		if (want[i] != "") != (r.Action == roster.ActionError) {
			t.Errorf("row %d: action %s", r.Number, r.Action)
		}
	}
	if n := pv.Rows[13-1].Notes; len(n) != 1 || n[0] != "the proxy (MN-101) is given once the mandate commission has verified the mandate: import the file again then" {
		t.Errorf("row 14 notes %q", n)
	}
	if want := (roster.Summary{Rows: 14, Added: 3, Errors: 11}); pv.Summary != want {
		t.Errorf("summary %+v, want %+v", pv.Summary, want)
	}
	for _, c := range pv.Commands {
		if c.Row != 2 && c.Row != 14 && c.Row != 15 {
			t.Errorf("a command of row %d, which has a problem: %s", c.Row, c.Command.CommandName())
		}
	}
	// Recording the good rows, then the file again, changes nothing more.
	w.record(pv)
	if again := w.plan(filepath.Join(sample, "congress-2026-bad.csv"), false); len(again.Commands) != 0 || again.Summary.Errors != 11 {
		t.Errorf("after the good rows: %d commands, %+v", len(again.Commands), again.Summary)
	}
}

// TestRulesRefuse: what only the rules of procedure know is found by
// rehearsing the commands, and reported on the row and column.
func TestRulesRefuse(t *testing.T) {
	w := congress(t)
	w.do("admin", assembly.SetRules{Overrides: &assembly.Overrides{WeightedVotes: ptr(false), ProxiesAllowed: ptr(false)}})
	tab := readText(t, "r.csv", "Name,Organization,Weight,Proxy,Status\n"+
		"Ann Weiss,Teachers' Union,2,,\n"+
		"Bo Lund,Teachers' Union,1,,verified\n"+
		"Cy Moor,Teachers' Union,1,Bo Lund,verified\n")
	pv := w.planTable(tab, "admin", false)
	want := "row 2, column C (Weight): the rules of procedure give every mandate one vote; a weight of 2 needs the rule that a mandate may carry several votes\n" +
		"row 4, column D (Proxy): the rules of procedure do not allow proxies\n"
	if got := problems(pv); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	if len(pv.Commands) != 3 { // Bo Lund: add, submit, verify
		t.Errorf("%d commands for the one good row", len(pv.Commands))
	}
}

// TestProxyCascade: a row refused by the rules takes with it the proxy of
// another row that counted on it.
func TestProxyCascade(t *testing.T) {
	w := congress(t)
	w.do("admin", assembly.SetRules{Overrides: &assembly.Overrides{WeightedVotes: ptr(false)}})
	tab := readText(t, "r.csv", "Name,Organization,Weight,Proxy,Status\n"+
		"Ann Weiss,Teachers' Union,2,,verified\n"+
		"Bo Lund,Teachers' Union,1,Ann Weiss,verified\n"+
		"Cy Moor,Teachers' Union,1,,verified\n")
	pv := w.planTable(tab, "admin", false)
	want := "row 2, column C (Weight): the rules of procedure give every mandate one vote; a weight of 2 needs the rule that a mandate may carry several votes\n" +
		"row 3, column D (Proxy): the proxy Ann Weiss (row 2) has a problem, so cannot carry the mandate\n"
	if got := problems(pv); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	if pv.Summary.Added != 1 || len(pv.Commands) != 3 {
		t.Errorf("summary %+v, %d commands", pv.Summary, len(pv.Commands))
	}
	w.record(pv)
}

// TestRulesRefuseByName: a refusal of the rules names the persons, never
// their ids: the organiser reads "Ann Weiss", not "ann-weiss" (the
// rules' refusals name ids; the pages and the command line show these
// problems as they are).
func TestRulesRefuseByName(t *testing.T) {
	w := congress(t) // at most one proxy a delegate
	tab := readText(t, "r.csv", "Name,Organization,Proxy,Status\n"+
		"Ann Weiss,Teachers' Union,,verified\n"+
		"Bo Lund,Teachers' Union,Ann Weiss,verified\n"+
		"Cy Moor,Teachers' Union,Ann Weiss,verified\n")
	pv := w.planTable(tab, "admin", false)
	want := "row 4, column C (Proxy): Ann Weiss already carries 1 proxy, the most the rules allow\n"
	if got := problems(pv); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	phrasesAreMessages(t, pv)
}

func TestActor(t *testing.T) {
	w := congress(t)
	tab := readText(t, "r.csv", "Name,Organization,Status\nAnn Weiss,Teachers' Union,verified\n")
	if _, err := roster.Plan(tab, w.fresh, roster.Options{Actor: "nobody", At: w.clock}); !errors.Is(err, roster.ErrNotRegistrar) {
		t.Fatalf("Plan as nobody: %v", err)
	}
	w.do("admin", assembly.AddPerson{ID: "sec", Name: "The Secretary"})
	w.do("admin", assembly.GrantRole{Person: "sec", Role: assembly.RoleSecretary})
	pv := w.planTable(tab, "sec", false)
	if got, want := problems(pv), "row 2, column C (Status): only the mandate commission or an administrator may verify mandates\n"; got != want {
		t.Errorf("problems %q, want %q", got, want)
	}
}

func TestCreateOrganizations(t *testing.T) {
	w := congress(t)
	tab := readText(t, "r.csv", "Name,Organization\nAnn Weiss,Dock Workers\nBo Lund,dock  workers\nCy Moor,Teachers' Union\n")
	pv := w.planTable(tab, "admin", true)
	if problems(pv) != "" || !reflect.DeepEqual(pv.NewOrganizations, []string{"Dock Workers"}) || pv.Summary.Organizations != 1 {
		t.Fatalf("new organizations %v, %+v\n%s", pv.NewOrganizations, pv.Summary, problems(pv))
	}
	w.record(pv)
	s := w.state()
	if o := s.Organizations["dock-workers"]; o == nil || o.Name != "Dock Workers" || s.Mandates["m-bo-lund"].Organization != "dock-workers" {
		t.Fatalf("dock-workers %+v", o)
	}
}

// TestMatching: a person is found by reference before name; a person of
// another reference is someone else; the same name twice needs references.
func TestMatching(t *testing.T) {
	w := congress(t)
	w.record(w.planTable(readText(t, "a.csv", "Ref,Name,Organization\nR1,Ann Weiss,Teachers' Union\n,Bo Lund,Teachers' Union\n"), "admin", false))
	pv := w.planTable(readText(t, "b.csv", "Ref,Name,Organization\nR1,Ann Weiss-Berg,Teachers' Union\nR2,bo lund,Teachers' Union\nR3,Ann Weiss-Berg,Railway Workers' Union\n"), "admin", false)
	if problems(pv) != "" {
		t.Fatal(problems(pv))
	}
	var got []string
	for _, r := range pv.Rows {
		got = append(got, r.Person+": "+strings.Join(r.Changes, "; "))
	}
	want := []string{
		`ann-weiss: name "Ann Weiss" → "Ann Weiss-Berg"`,
		`bo-lund: name "Bo Lund" → "bo lund"; reference "R2"`,
		"ann-weiss-berg: new person, decisive mandate from Railway Workers' Union",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n got %q\nwant %q", got, want)
	}
	w.record(pv)
	pv = w.planTable(readText(t, "c.csv", "Name,Organization\nAnn Weiss-Berg,Teachers' Union\n"), "admin", false)
	if got, want := problems(pv), "row 2, column A (Name): the assembly has 2 persons named Ann Weiss-Berg; give a reference in a new column headed Ref (the file has none; also read as references: reference, external reference, external id, id, member number, membership number, member no, member id) to say which\n"; got != want {
		t.Errorf("problems %q, want %q", got, want)
	}
}

// TestReferenceColumnNamed: a problem that asks for references names the
// file's column of references by its header as written, and a file
// without one is told which headers are read as references, in English
// and in the preview's other languages.
func TestReferenceColumnNamed(t *testing.T) {
	w := congress(t)
	cases := []struct{ file, en, de string }{
		{"Member No.,Name,Organization\n,Ann Weiss,Teachers' Union\nM2,ann  weiss,Teachers' Union\n",
			"row 3, column B (Name): ann weiss is also on row 2; one person has one row (if they are two persons of one name, give each a reference in the Member No. column)\n",
			"ann weiss steht auch in Zeile 2; eine Person hat eine Zeile (sind es zwei Personen gleichen Namens, geben Sie jeder eine Referenz in der Spalte Member No.)"},
		{"Name,Organization\nAnn Weiss,Teachers' Union\nann weiss,Teachers' Union\n",
			"row 3, column A (Name): ann weiss is also on row 2; one person has one row (if they are two persons of one name, give each a reference in a new column headed Ref (the file has none; also read as references: reference, external reference, external id, id, member number, membership number, member no, member id))\n",
			"ann weiss steht auch in Zeile 2; eine Person hat eine Zeile (sind es zwei Personen gleichen Namens, geben Sie jeder eine Referenz in einer neuen Spalte mit der Überschrift Ref (die Datei hat keine; als Referenzen gelesen werden auch: reference, external reference, external id, id, member number, membership number, member no, member id))"},
	}
	for _, c := range cases {
		pv := w.planTable(readText(t, "d.csv", c.file), "admin", false)
		if got := problems(pv); got != c.en {
			t.Errorf("problems %q, want %q", got, c.en)
			continue
		}
		if got := i18n.For("de").Part(pv.Rows[1].Problems[0].Phrase()); got != c.de {
			t.Errorf("de: %q, want %q", got, c.de)
		}
	}
}

// TestRejectedMandate: the import neither rejects a mandate nor submits a
// rejected one again, unless the row was corrected.
func TestRejectedMandate(t *testing.T) {
	w := congress(t)
	w.record(w.planTable(readText(t, "a.csv", "Name,Organization\nAnn Weiss,Teachers' Union\n"), "admin", false))
	w.do("admin", assembly.RejectMandate{Mandate: "m-ann-weiss", Reason: "not elected by her local"})
	pv := w.planTable(readText(t, "a.csv", "Name,Organization\nAnn Weiss,Teachers' Union\n"), "admin", false)
	if len(pv.Commands) != 0 || len(pv.Rows[0].Notes) != 1 || pv.Rows[0].Notes[0] != "the mandate commission rejected this mandate (not elected by her local); the import does not submit it again (change the row if it was corrected)" {
		t.Fatalf("%d commands, notes %q", len(pv.Commands), pv.Rows[0].Notes)
	}
	pv = w.planTable(readText(t, "a.csv", "Name,Organization,Status\nAnn Weiss,Teachers' Union,rejected\n"), "admin", false)
	if len(pv.Commands) != 0 || len(pv.Rows[0].Notes) != 0 || problems(pv) != "" {
		t.Fatalf("status rejected: %d commands, %q %s", len(pv.Commands), pv.Rows[0].Notes, problems(pv))
	}
	pv = w.planTable(readText(t, "a.csv", "Name,Organization\nAnn Weiss,Railway Workers' Union\n"), "admin", false)
	if len(pv.Commands) != 1 || pv.Rows[0].Changes[0] != "new decisive mandate from Railway Workers' Union" || pv.Rows[0].Mandate != "m-ann-weiss-2" {
		t.Fatalf("corrected row: %+v", pv.Rows[0])
	}
}

func ptr[T any](v T) *T { return &v }

// TestReservedNames: a delegate named "Admin" or "System" gets an id of
// their own, never the reserved ids of the server administrator and of
// plenum itself (add_person refuses those).
func TestReservedNames(t *testing.T) {
	w := congress(t)
	tab := readText(t, "r.csv", "Name,Organization\nAdmin,Teachers' Union\nSystem,Teachers' Union\n")
	pv := w.planTable(tab, "admin", false)
	if got := problems(pv); got != "" {
		t.Fatalf("problems:\n%s", got)
	}
	w.record(pv)
	s := w.state()
	for _, id := range []string{"admin", "system"} {
		if s.Persons[id] != nil {
			t.Errorf("a delegate took the reserved id %q", id)
		}
	}
	if s.Persons["admin-2"] == nil || s.Persons["system-2"] == nil {
		t.Errorf("the delegates named Admin and System were not recorded under ids of their own")
	}
}

// TestTotalsRow: a spreadsheet's totals row under the delegates ("TOTAL",
// an empty organization, the sum of the weights) is a problem on its row,
// not a person of weight 300; a name that merely holds such a word is a
// person, and so is one of that name with a reference.
func TestTotalsRow(t *testing.T) {
	w := congress(t)
	pv := w.planTable(readText(t, "t.csv", "Member No,Name,Organization,Weight\nR1,Ann Weiss,Teachers' Union,2\n,TOTAL,,300\n"), "admin", false)
	want := `row 3, column B (Name): "TOTAL" looks like a totals row, not a person; delete the row from the file, or, if it is a person of that name, give them a reference in the Member No column` + "\n"
	if got := problems(pv); got != want {
		t.Fatalf("problems %q, want %q", got, want)
	}
	if pv.Summary.Errors != 1 || pv.Summary.Added != 1 || pv.Rows[1].Action != roster.ActionError {
		t.Errorf("summary %+v, totals row %s", pv.Summary, pv.Rows[1].Action)
	}
	de := `"TOTAL" sieht aus wie eine Summenzeile, nicht wie eine Person; löschen Sie die Zeile aus der Datei, oder, ist es eine Person dieses Namens, geben Sie ihr eine Referenz in der Spalte Member No`
	if got := i18n.For("de").Part(pv.Rows[1].Problems[0].Phrase()); got != de {
		t.Errorf("de: %q, want %q", got, de)
	}
	w.record(pv)
	if s := w.state(); len(s.PersonOrder) != 1 {
		t.Errorf("persons recorded %v", s.PersonOrder)
	}
	for name, totals := range map[string]bool{
		"Total": true, "total:": true, "  Sum ": true, "Gesamt": true, "SUMME :": true, "Итого": true, "ВСЕГО:": true,
		"Total général": true, "TOTAL GÉNÉRAL": true, "Totale": true, "Grand Total": true, "Sous-total": true,
		"Sumner": false, "Total Anna": false, "Anna Summe": false, "Totalis": false, "Gesamtheit": false,
	} {
		pv := w.planTable(readText(t, "t.csv", "Name,Organization,Weight\n\""+name+"\",,300\n"), "admin", false)
		if got := pv.Rows[0].Action == roster.ActionError; got != totals {
			t.Errorf("%q read as a totals row: %v, want %v (%s)", name, got, totals, problems(pv))
		}
	}
	pv = w.planTable(readText(t, "t.csv", "Ref,Name,Organization\nR7,Total,Teachers' Union\n"), "admin", false)
	if got := problems(pv); got != "" || pv.Summary.Added != 1 {
		t.Errorf("a person named Total with a reference: %+v %s", pv.Summary, got)
	}
}
