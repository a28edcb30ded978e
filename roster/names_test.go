package roster_test

import (
	"strings"
	"testing"

	"plenum/roster"
)

// TestDecomposedNames: a name typed or saved in decomposed form (as macOS
// writes "ü" as u and a combining diaeresis) is the same name: reading
// it again renames nobody, and a new person is recorded in composed form.
func TestDecomposedNames(t *testing.T) {
	w := congress(t)
	w.record(w.planTable(readText(t, "a.csv", "Name,Organization\nAnna Müller,Teachers' Union\n"), "admin", false))
	pv := w.planTable(readText(t, "b.csv", "Name,Organization\nAnna Mu\u0308ller,Teachers' Union\nZoe\u0308 Lind,Teachers' Union\n"), "admin", false)
	if problems(pv) != "" || pv.Rows[0].Action != roster.ActionUnchanged {
		t.Fatalf("the decomposed name: %s %q\n%s", pv.Rows[0].Action, pv.Rows[0].Changes, problems(pv))
	}
	w.record(pv)
	if n := w.state().Persons["zoe-lind"].Name; n != "Zoë Lind" {
		t.Errorf("recorded %q (% x), want the composed Zoë Lind", n, n)
	}
}

// TestInvisibleCharacters: a name, organization or reference holding an
// invisible or direction-changing character, which would make two
// persons look the same or a text display other than it reads, is
// refused on its row and column; the joiners some scripts need (ZWNJ,
// ZWJ) are read, except next to a Latin letter, and do not make a name
// another one.
func TestInvisibleCharacters(t *testing.T) {
	w := withAnnWeiss(t)
	tab := readText(t, "b.csv", "Ref,Name,Organization\n"+
		",Ann\u200b Weiss,Teachers' Union\n"+
		",Bo \u202eLund,Teachers' Union\n"+
		"R\u2060 3,Cy Moor,Teachers' Union\n"+
		",Di Hahn,Teachers'\u00ad Union\n"+
		",Ann Wei\u200css,Teachers' Union\n"+
		",\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645,Teachers' Union\n"+
		",\u0645\u06cc\u062e\u0648\u0627\u0647\u0645,Teachers' Union\n")
	pv := w.planTable(tab, "admin", false)
	want := "row 2, column B (Name): the cell holds an invisible formatting character (U+200B); retype it\n" +
		"row 3, column B (Name): the cell holds an invisible formatting character (U+202E); retype it\n" +
		"row 4, column A (Ref): the cell holds an invisible formatting character (U+2060); retype it\n" +
		"row 5, column C (Organization): the cell holds an invisible formatting character (U+00AD); retype it\n" +
		"row 6, column B (Name): the cell holds an invisible formatting character (U+200C); retype it\n" +
		"row 8, column B (Name): \u0645\u06cc\u062e\u0648\u0627\u0647\u0645 is also on row 7; one person has one row (if they are two persons of one name, give each a reference in the Ref column)\n"
	wantProblems(t, pv, want)
	if r := pv.Rows[5]; r.Action != roster.ActionAdd {
		t.Errorf("a Persian name with a ZWNJ: %s %s", r.Action, problems(pv))
	}
}

// TestMixedScripts: a word that mixes Latin, Cyrillic and Greek letters
// (a Cyrillic "А" in "Аnn") looks like another name and is refused; a
// name wholly in one script, or words in different scripts, are read.
func TestMixedScripts(t *testing.T) {
	w := withAnnWeiss(t)
	tab := readText(t, "b.csv", "Name,Organization\n"+
		"\u0410nn Weiss,Teachers' Union\n"+
		"Bo Lund,Teachers' Uni\u03bfn\n"+
		"Иван Петров,Teachers' Union\n"+
		"Ivan Петров,Teachers' Union\n"+
		"Νίκος Παππάς,Teachers' Union\n")
	pv := w.planTable(tab, "admin", false)
	want := "row 2, column A (Name): the word \"\u0410nn\" mixes Cyrillic and Latin letters, which look alike; retype it in one script\n" +
		"row 3, column B (Organization): the word \"Uni\u03bfn\" mixes Latin and Greek letters, which look alike; retype it in one script\n"
	wantProblems(t, pv, want)
	phrasesAreMessages(t, pv)
}

// TestLongNames: a cell's length is counted in characters, not in the
// bytes of UTF-8 (a Cyrillic name of 600 letters is read); a letter under
// a pile of combining marks ("Zalgo" text, which spills over the lines
// above and below it on a page) is refused, while the two or three marks
// real names carry (Vietnamese, Yoruba) are read.
func TestLongNames(t *testing.T) {
	w := congress(t)
	long := strings.Repeat("Ж", 600)
	tab := readText(t, "r.csv", "Name,Organization\n"+
		long+",Teachers' Union\n"+
		strings.Repeat("Ж", 1001)+",Teachers' Union\n"+
		"Z"+strings.Repeat("\u0336", 20)+"algo,Teachers' Union\n"+
		"Nguye\u0302\u0303n Va\u0306n An,Teachers' Union\n"+
		"A\u0300\u0323de\u0301 O\u0323\u0300la\u0301,Teachers' Union\n")
	pv := w.planTable(tab, "admin", false)
	want := "row 3, column A (Name): the cell is 1001 characters long; at most 1000 are read\n" +
		"row 4, column A (Name): the cell holds a letter with 20 combining marks; retype it\n"
	wantProblems(t, pv, want)
	if pv.Rows[0].Name != long {
		t.Errorf("the long Cyrillic name read as %d characters", len([]rune(pv.Rows[0].Name)))
	}
}

// TestSameNameOtherRef: a row whose reference is new but whose name is a
// person's of another reference is a new person (two persons of one name
// are told apart by references), and the preview says so: it is also what
// a spreadsheet does to an exported roster when it reads the reference
// 00123 as the number 123.
func TestSameNameOtherRef(t *testing.T) {
	w := congress(t)
	w.record(w.planTable(readText(t, "a.csv", "Ref,Name,Organization\n00123,Ann Weiss,Teachers' Union\n"), "admin", false))
	pv := w.planTable(readText(t, "b.csv", "Ref,Name,Organization\n123,Ann Weiss,Teachers' Union\n"), "admin", false)
	r := pv.Rows[0]
	want := `the assembly has a person of this name with the reference "00123": this row is another person, as its reference differs; if it is the same person, write their reference`
	if r.Action != roster.ActionAdd || len(r.Notes) != 1 || r.Notes[0] != want {
		t.Errorf("%s, notes %q\nwant %q", r.Action, r.Notes, want)
	}
}

// withAnnWeiss is the sample congress with one delegate, Ann Weiss.
func withAnnWeiss(t *testing.T) *world {
	t.Helper()
	w := congress(t)
	w.record(w.planTable(readText(t, "a.csv", "Name,Organization\nAnn Weiss,Teachers' Union\n"), "admin", false))
	return w
}

// TestTwoNewRowsOfOneName: two new rows of one file with one name and
// references of their own ("0200;Ramón Ortega Durán" and
// "0801;Ramón Ortega Durán") are two new persons, and the preview says on
// each row which the other is, as it does for a row against a person
// already in the assembly (docs/import.md); a third row of another name
// gets no note.
func TestTwoNewRowsOfOneName(t *testing.T) {
	w := congress(t)
	pv := w.planTable(readText(t, "socios.csv", "Ref,Name,Organization\n0200,Ramón Ortega Durán,Teachers' Union\n0300,Ana Ruiz,Teachers' Union\n0801,Ramón Ortega Durán,Teachers' Union\n"), "admin", false)
	if p := problems(pv); p != "" {
		t.Fatal(p)
	}
	const note = "a new person: Ramón Ortega Durán, of the same name, is row %d; this row's reference differs"
	for i, want := range [][]string{{strings.Replace(note, "%d", "4", 1)}, nil, {strings.Replace(note, "%d", "2", 1)}} {
		r := pv.Rows[i]
		if r.Action != roster.ActionAdd || strings.Join(r.Notes, "|") != strings.Join(want, "|") {
			t.Errorf("row %d: %s, notes %q\nwant %q", r.Number, r.Action, r.Notes, want)
		}
	}
	w.record(pv)
	s := w.state()
	var refs []string
	for _, id := range s.PersonOrder {
		if s.Persons[id].Name == "Ramón Ortega Durán" {
			refs = append(refs, s.Persons[id].Ref)
		}
	}
	if strings.Join(refs, ",") != "0200,0801" {
		t.Errorf("recorded the name with the references %q, want 0200 and 0801", refs)
	}
}
