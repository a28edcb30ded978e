package roster_test

import (
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
