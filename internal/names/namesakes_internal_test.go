package names

import (
	"fmt"
	"testing"
	"time"

	"plenum/assembly"
)

// TestNamesakesKeyEachNameOnce: a sort key of every person's name, made
// anew on every view of the mandates page and every card issue, was
// 30–100 ms in an assembly of 10,000 (BenchmarkNamesakes10000). Now a
// state's names are keyed once: asking again keys none, an event that
// adds no one keys none, a person added keys one name, a person renamed
// keys one.
func TestNamesakesKeyEachNameOnce(t *testing.T) {
	m := assembly.Meta{Assembly: "a", Actor: "admin", At: time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)}
	s := assembly.NewState()
	apply := func(e assembly.Event) {
		t.Helper()
		if err := s.Apply(e); err != nil {
			t.Fatal(err)
		}
	}
	apply(assembly.AssemblyCreated{Meta: m, Assembly: assembly.Assembly{ID: "a"}, Admin: "admin"})
	for i := range 100 {
		apply(assembly.PersonAdded{Meta: m, ID: fmt.Sprintf("p%d", i), Name: fmt.Sprintf("Person %d", i%90)})
	}
	keyed := func(step string, want int) {
		t.Helper()
		x := indexOf(s)
		before := x.keyed
		if got := len(Namesakes(s)); got != 20 {
			t.Errorf("%s: %d namesakes, want 20", step, got)
		}
		if got := x.keyed - before; got != want {
			t.Errorf("%s: %d names keyed, want %d", step, got, want)
		}
	}
	keyed("first", 100)
	keyed("again", 0)
	apply(assembly.OrganizationAdded{Meta: m, ID: "river", Name: "Riverside"})
	keyed("an organization added", 0)
	apply(assembly.PersonAdded{Meta: m, ID: "new", Name: "Someone Else"})
	keyed("a person added", 1)
	apply(assembly.PersonAmended{Meta: m, Person: "new", Name: "Someone Other"})
	keyed("a person renamed", 1)
}
