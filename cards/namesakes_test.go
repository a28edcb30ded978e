package cards_test

import (
	"fmt"
	"maps"
	"strings"
	"sync"
	"testing"
	"time"

	"plenum/assembly"
	"plenum/cards"
	"plenum/internal/names"

	"golang.org/x/text/collate"
)

// TestNamesakesFollowTheRoster: the namesakes each state keeps (indexed
// as persons are added and renamed) are those a walk of every name finds,
// after every event: persons added, renamed to another's name, away from
// it, back, and their member number changed; with readers asking while
// the writer applies, as the pages do (engine.Assembly.Read).
func TestNamesakesFollowTheRoster(t *testing.T) {
	s := assembly.NewState()
	var mu sync.RWMutex
	step := func(what string, e assembly.Event) {
		t.Helper()
		mu.Lock()
		apply(t, s, e)
		mu.Unlock()
		mu.RLock()
		defer mu.RUnlock()
		if got, want := cards.Namesakes(s), walkNamesakes(s); !maps.Equal(got, want) {
			t.Errorf("after %s: namesakes %v, want %v", what, got, want)
		}
	}
	stop := make(chan struct{})
	var readers sync.WaitGroup
	for range 4 {
		readers.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				mu.RLock()
				got := cards.Namesakes(s)
				got["mine"] = true // the map is the caller's
				mu.RUnlock()
			}
		})
	}
	step("the assembly created", assembly.AssemblyCreated{Meta: meta(), Assembly: assembly.Assembly{ID: "big", Name: "Big"}, Admin: "admin"})
	for i := range 30 {
		step("a person added", assembly.PersonAdded{Meta: meta(), ID: fmt.Sprintf("p%d", i), Name: fmt.Sprintf("Ana Lima %d", i%12)})
	}
	step("Ayşe Zürn added", assembly.PersonAdded{Meta: meta(), ID: "zuern-a", Name: "Ayşe Zürn", Ref: "M1005"})
	step("her namesake added", assembly.PersonAdded{Meta: meta(), ID: "zuern-b", Name: "AYSE  ZURN", Ref: "M1100"})
	step("a third added", assembly.PersonAdded{Meta: meta(), ID: "zuern-c", Name: "Ayse Zurn"})
	step("the third renamed away", assembly.PersonAmended{Meta: meta(), Person: "zuern-c", Name: "Ayse Zorn"})
	step("the second renamed away", assembly.PersonAmended{Meta: meta(), Person: "zuern-b", Name: "Aysel Zürn"})
	step("the third renamed back", assembly.PersonAmended{Meta: meta(), Person: "zuern-c", Name: "Ayşe Zürn"})
	step("a member number changed", assembly.PersonAmended{Meta: meta(), Person: "zuern-c", Ref: "M2000"})
	step("an organization added", assembly.OrganizationAdded{Meta: meta(), ID: "river", Name: "Riverside"})
	for i := range 12 {
		step("a person renamed to a name of their own", assembly.PersonAmended{Meta: meta(), Person: fmt.Sprintf("p%d", i), Name: fmt.Sprintf("Bea Solo %d", i)})
	}
	close(stop)
	readers.Wait()
	if got := cards.Namesakes(s); !got["zuern-a"] || got["zuern-b"] || !got["zuern-c"] || got["p0"] || !got["p12"] || got["mine"] {
		t.Errorf("namesakes %v, want the two Ayşe Zürn, and p12–p29, each still bearing a name twice", got)
	}
}

// walkNamesakes finds the namesakes as Namesakes did before it kept an
// index: a key of every name, in the order of the persons.
func walkNamesakes(s *assembly.State) map[string]bool {
	order := names.Collator()
	first := map[string]string{}
	out := map[string]bool{}
	for _, id := range s.PersonOrder {
		key := string(order.KeyFromString(new(collate.Buffer), strings.Join(strings.Fields(s.Persons[id].Name), " ")))
		if other, ok := first[key]; ok {
			out[other], out[id] = true, true
			continue
		}
		first[key] = id
	}
	return out
}

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
	i := 0
	for _, c := range []struct {
		name   string
		change func(testing.TB)
	}{
		{"view", func(testing.TB) {}},
		{"event", func(b testing.TB) {
			apply(b, s, assembly.OrganizationAdded{Meta: meta(), ID: fmt.Sprintf("org%d", i), Name: "Org"})
		}},
		{"added", func(b testing.TB) { addPerson(b, s, fmt.Sprintf("new%d", i), fmt.Sprintf("Neu %d", i)) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				i++
				c.change(b)
				b.StartTimer()
				if got := len(cards.Namesakes(s)); got != want {
					b.Fatalf("%d namesakes, want %d", got, want)
				}
			}
		})
	}
}
