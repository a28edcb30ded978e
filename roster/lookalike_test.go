package roster_test

import (
	"fmt"
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/roster"
)

// The problems and notes of a name that looks like another one.
const (
	looksLikeRow       = "the name %q looks like %s (row %d) but is written with other letters; retype it in the same letters, or, if they are two persons, give each a reference in the Ref column"
	looksLikePerson    = "the name %q looks like %s, already in the assembly, but is written with other letters; retype it in the same letters, or, if they are two persons, give each a reference in the Ref column"
	looksLikeRowNote   = "the name looks like %s (row %d) but is written with other letters: two persons, as their references differ"
	looksLikeRefNote   = "the name looks like %s, already in the assembly with the reference %q, but is written with other letters: two persons, as their references differ"
	looksLikeOrg       = "the organization %q looks like %s, which the assembly has, but is written with other letters; retype it in the same letters"
	looksLikeOrgRow    = "the organization %q looks like %s (row %d) but is written with other letters; retype it in the same letters"
	lookalikeNameCells = "row %d, column B (Name): "
)

// teachers is a roster of delegates of the Teachers' Union, each row
// given as "reference,name".
func teachers(rows ...string) string {
	var b strings.Builder
	b.WriteString("Ref,Name,Organization\n")
	for _, r := range rows {
		b.WriteString(r + ",Teachers' Union\n")
	}
	return b.String()
}

// withLookalikes is the sample congress with delegates whose names can be
// written, letter for letter, in Cyrillic or Greek letters that look the
// same: Pepe Sosa, Tom Kemp, Ivo Opava, Anna Petrova, Ivan Petrov and
// Arnold Berg.
func withLookalikes(t *testing.T) *world {
	t.Helper()
	w := congress(t)
	w.record(w.planTable(readText(t, "a.csv", teachers(",Pepe Sosa", "R-1,Tom Kemp", ",Ivo Opava", ",Anna Petrova", ",Ivan Petrov", ",Arnold Berg")), "admin", false))
	return w
}

// TestLookalikeNames: a name wholly in Cyrillic or Greek letters that
// looks like the name of a person of the assembly (Cyrillic "Рере Ѕоѕа"
// beside "Pepe Sosa"; "ТОМ КЕМР", which in capitals is "TOM KEMP"; Greek
// "ινο ορανα", in small letters "ivo opava"), or like another row's, is
// refused, on both rows when both are new: otherwise two delegates would
// look the same on every page and ballot. So is Latin "Amold" beside
// "Arnold" ("rn" for "m"). A Russian name beside its transliteration
// ("Анна Петрова", "Anna Petrova") does not look the same, and is read.
func TestLookalikeNames(t *testing.T) {
	w := withLookalikes(t)
	pv := w.planTable(readText(t, "b.csv", teachers(",Рере Ѕоѕа", ",ТОМ КЕМР", ",ινο ορανα", ",Анна Петрова", ",Иван Петров",
		",ΑΝΝΑ ΚΟΚΚΟ", ",Anna Kokko", ",Nora Hansen", ",Amold Berg")), "admin", false)
	cell := func(row int) string { return fmt.Sprintf(lookalikeNameCells, row) }
	want := cell(2) + fmt.Sprintf(looksLikePerson, "Рере Ѕоѕа", "Pepe Sosa") + "\n" +
		cell(3) + fmt.Sprintf(looksLikePerson, "ТОМ КЕМР", "Tom Kemp") + "\n" +
		cell(4) + fmt.Sprintf(looksLikePerson, "ινο ορανα", "Ivo Opava") + "\n" +
		cell(7) + fmt.Sprintf(looksLikeRow, "ΑΝΝΑ ΚΟΚΚΟ", "Anna Kokko", 8) + "\n" +
		cell(8) + fmt.Sprintf(looksLikeRow, "Anna Kokko", "ΑΝΝΑ ΚΟΚΚΟ", 7) + "\n" +
		cell(10) + fmt.Sprintf(looksLikePerson, "Amold Berg", "Arnold Berg") + "\n"
	wantProblems(t, pv, want)
	for _, k := range []int{3, 4, 7} {
		if r := pv.Rows[k]; r.Action != roster.ActionAdd || len(r.Notes) != 0 {
			t.Errorf("row %d (%s): %s, notes %q", r.Number, r.Name, r.Action, r.Notes)
		}
	}
	phrasesAreMessages(t, pv)
}

// TestLookalikeRename: a row that renames a person (found by reference)
// to a name that looks like another person's is refused; a row that is a
// person of the assembly under their own name is not, nor one that writes
// a person's name in capitals.
func TestLookalikeRename(t *testing.T) {
	w := withLookalikes(t)
	pv := w.planTable(readText(t, "b.csv", teachers("R-1,Рере Sosa", ",Pepe Sosa", ",IVO OPAVA")), "admin", false)
	want := fmt.Sprintf(lookalikeNameCells, 2) + fmt.Sprintf(looksLikeRow, "Рере Sosa", "Pepe Sosa", 3) + "\n"
	wantProblems(t, pv, want)
	if r := pv.Rows[2]; r.Action != roster.ActionChange {
		t.Errorf("IVO OPAVA: %s %q", r.Action, r.Changes)
	}
}

// TestLookalikeRefs: two persons whose names merely look alike are told
// apart as two persons of one name are, by references: a row is read
// when it and the person or row it looks like both have one (they
// differ, or the row would be that person), and the preview notes it;
// without both references it is refused. A person of the assembly
// without a reference gets one from their own row in the same file.
func TestLookalikeRefs(t *testing.T) {
	w := withLookalikes(t)
	pv := w.planTable(readText(t, "b.csv", teachers("R-2,ТОМ КЕМР", "R-3,Рере Ѕоѕа", "R-4,ΑΝΝΑ ΚΟΚΚΟ", "R-5,Anna Kokko", ",ΤΟΜΑ ΚΟΤΕΚ", "R-6,Toma Kotek")), "admin", false)
	want := fmt.Sprintf(lookalikeNameCells, 3) + fmt.Sprintf(looksLikePerson, "Рере Ѕоѕа", "Pepe Sosa") + "\n" +
		fmt.Sprintf(lookalikeNameCells, 6) + fmt.Sprintf(looksLikeRow, "ΤΟΜΑ ΚΟΤΕΚ", "Toma Kotek", 7) + "\n" +
		fmt.Sprintf(lookalikeNameCells, 7) + fmt.Sprintf(looksLikeRow, "Toma Kotek", "ΤΟΜΑ ΚΟΤΕΚ", 6) + "\n"
	wantProblems(t, pv, want)
	notes := map[int]string{
		2: fmt.Sprintf(looksLikeRefNote, "Tom Kemp", "R-1"),
		4: fmt.Sprintf(looksLikeRowNote, "Anna Kokko", 5),
		5: fmt.Sprintf(looksLikeRowNote, "ΑΝΝΑ ΚΟΚΚΟ", 4),
	}
	for _, r := range pv.Rows[:4] {
		if r.Number == 3 {
			continue
		}
		if r.Action != roster.ActionAdd || len(r.Notes) != 1 || r.Notes[0] != notes[r.Number] {
			t.Errorf("row %d: %s, notes %q\nwant %q", r.Number, r.Action, r.Notes, notes[r.Number])
		}
	}

	// Pepe Sosa's own row gives him a reference: then the look-alike
	// with another reference is another person.
	pv = w.planTable(readText(t, "c.csv", teachers("R-3,Рере Ѕоѕа", "R-7,Pepe Sosa")), "admin", false)
	wantProblems(t, pv, "")
	if r := pv.Rows[0]; r.Action != roster.ActionAdd || len(r.Notes) != 1 || r.Notes[0] != fmt.Sprintf(looksLikeRowNote, "Pepe Sosa", 3) {
		t.Errorf("%s, notes %q", r.Action, r.Notes)
	}
	w.record(pv)
	if per, ok := w.state().PersonByRef("R-3"); !ok || per.Name != "Рере Ѕоѕа" {
		t.Errorf("R-3 recorded as %+v", per)
	}
}

// TestLookalikeOrganizations: an organization the assembly does not have
// whose name looks like one it has (Cyrillic "Соор" beside "Coop") is
// refused as such, whether or not the import may add organizations; and
// of two new organizations that look alike, the second is refused.
func TestLookalikeOrganizations(t *testing.T) {
	w := congress(t)
	w.do("admin", assembly.AddOrganization{ID: "coop", Name: "Coop", Kind: "delegating"})
	text := "Name,Organization\n" +
		"Bo Lund,Соор\n" +
		"Cy Moor,ЕКО\n" +
		"Di Hahn,EKO\n" +
		"Ed Berg,ЕКО\n" +
		"Fay Roe,Coop\n"
	org := func(row int, msg string) string {
		return fmt.Sprintf("row %d, column B (Organization): %s\n", row, msg)
	}
	pv := w.planTable(readText(t, "b.csv", text), "admin", true)
	wantProblems(t, pv, org(2, fmt.Sprintf(looksLikeOrg, "Соор", "Coop"))+
		org(4, fmt.Sprintf(looksLikeOrgRow, "EKO", "ЕКО", 3)))
	if len(pv.NewOrganizations) != 1 || pv.NewOrganizations[0] != "ЕКО" {
		t.Errorf("new organizations %q", pv.NewOrganizations)
	}
	pv = w.planTable(readText(t, "b.csv", text), "admin", false)
	got := problems(pv)
	if !strings.HasPrefix(got, org(2, fmt.Sprintf(looksLikeOrg, "Соор", "Coop"))) || strings.Count(got, "looks like") != 1 {
		t.Errorf("without adding organizations:\n%s", got)
	}
}

// lookalikeRoster is a roster of n persons, each with a reference, whose
// names all look the same: nine words, each written in Latin, Cyrillic
// or Greek capitals (KOKO, КОКО, ΚΟΚΟ), n different names.
func lookalikeRoster(n int) string {
	words := []string{"KOKO", "КОКО", "ΚΟΚΟ"}
	var b strings.Builder
	b.WriteString("Ref,Name\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "R-%05d,", i)
		for k, x := 0, i; k < 9; k, x = k+1, x/3 {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[x%3])
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// TestLookalikesAtScale: 10,000 persons whose names all look alike, each
// with their own reference, are read, each with one note; the rows are
// found by their look (an index), not compared with each other.
func TestLookalikesAtScale(t *testing.T) {
	w := congress(t)
	pv := w.planTable(readText(t, "big.csv", lookalikeRoster(10_000)), "admin", false)
	if pv.Summary.Added != 10_000 {
		t.Fatalf("%+v\n%s", pv.Summary, problems(pv)[:min(2000, len(problems(pv)))])
	}
	for _, r := range pv.Rows {
		if len(r.Notes) != 1 || !strings.HasPrefix(r.Notes[0], "the name looks like") {
			t.Fatalf("row %d: notes %q", r.Number, r.Notes)
		}
	}
}

// BenchmarkPlanLookalikes10000 plans 10,000 persons whose names all look
// alike (each told apart by a reference): the worst case of the search
// for look-alikes.
func BenchmarkPlanLookalikes10000(b *testing.B) {
	benchFirstImport(b, lookalikeRoster(10_000), 10_000)
}
