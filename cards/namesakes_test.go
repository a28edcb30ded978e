package cards_test

import (
	"fmt"
	"testing"
	"time"

	"plenum/assembly"
	"plenum/cards"
)

// rosterState is an assembly of n persons, as the readers' state holds it:
// names of twenty given names and fifty surnames, so that some are borne
// twice (about one in four hundred), some of them written with other case,
// accents or spacing.
func rosterState(tb testing.TB, n int) *assembly.State {
	tb.Helper()
	s := assembly.NewState()
	apply(tb, s, assembly.AssemblyCreated{Meta: meta(), Assembly: assembly.Assembly{ID: "big", Name: "Big"}, Admin: "admin"})
	for i := range n {
		addPerson(tb, s, fmt.Sprintf("p%d", i), rosterName(i))
	}
	return s
}

func rosterName(i int) string {
	given := []string{"Ana", "Ayşe", "Bea", "Đorđe", "Erdős", "Fjodor", "Grete", "Hanna", "Ivo", "Jana", "Karl", "Lech", "Mira", "Nils", "Ömer", "Pál", "Rosa", "Sven", "Tereza", "Vera"}
	surname := []string{"Lima", "Zürn", "Doğan", "Nguyễn", "Wałęsa", "Novak", "Horvat", "Kovač", "Berg", "Lund"}
	name := fmt.Sprintf("%s %s %d", given[i%len(given)], surname[i/len(given)%len(surname)], i/200)
	if i%397 == 5 { // a namesake of the person before, written otherwise
		name = fmt.Sprintf("%s  %s %d", given[(i-1)%len(given)], surname[(i-1)/len(given)%len(surname)], (i-1)/200)
	}
	return name
}

func meta() assembly.Meta {
	return assembly.Meta{Assembly: "big", Actor: "admin", At: time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)}
}

func apply(tb testing.TB, s *assembly.State, e assembly.Event) {
	tb.Helper()
	if err := s.Apply(e); err != nil {
		tb.Fatal(err)
	}
}

func addPerson(tb testing.TB, s *assembly.State, id, name string) {
	tb.Helper()
	apply(tb, s, assembly.PersonAdded{Meta: meta(), ID: id, Name: name})
}

// BenchmarkNamesakes10000 finds the namesakes among 10,000 persons: as
// each view of the mandates page and each card issue does, with the
// roster unchanged since the last (view); after an event that leaves the
// roster as it was (event); and after a person was added (added).
func BenchmarkNamesakes10000(b *testing.B) {
	const n = 10_000
	s := rosterState(b, n)
	want := len(cards.Namesakes(s))
	if want == 0 {
		b.Fatal("no namesakes among the persons")
	}
	b.Run("view", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if got := len(cards.Namesakes(s)); got != want {
				b.Fatalf("%d namesakes, want %d", got, want)
			}
		}
	})
	b.Run("event", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			b.StopTimer()
			i++
			apply(b, s, assembly.OrganizationAdded{Meta: meta(), ID: fmt.Sprintf("org%d", i), Name: "Org"})
			b.StartTimer()
			if got := len(cards.Namesakes(s)); got != want {
				b.Fatalf("%d namesakes, want %d", got, want)
			}
		}
	})
	b.Run("added", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			b.StopTimer()
			i++
			addPerson(b, s, fmt.Sprintf("new%d", i), fmt.Sprintf("Neu %d", i))
			b.StartTimer()
			if got := len(cards.Namesakes(s)); got != want {
				b.Fatalf("%d namesakes, want %d", got, want)
			}
		}
	})
}
