package names

import (
	"maps"
	"testing"
	"time"

	"plenum/assembly"
)

// TestNamesakeOfAsNamesakes: NamesakeOf answers of each person as
// Namesakes lists them, from the state's index as it stands (a person
// renamed out of a pair is no namesake any more), keying no name anew.
func TestNamesakeOfAsNamesakes(t *testing.T) {
	at := assembly.Meta{Assembly: "a", Actor: "admin", At: time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)}
	s := assembly.NewState()
	for _, e := range []assembly.Event{
		assembly.AssemblyCreated{Meta: at, Assembly: assembly.Assembly{ID: "a"}, Admin: "admin"},
		assembly.PersonAdded{Meta: at, ID: "v1", Name: "Вера Иванов"},
		assembly.PersonAdded{Meta: at, ID: "v2", Name: "вера  Иванов"},
		assembly.PersonAdded{Meta: at, ID: "u", Name: "Unique"},
	} {
		if err := s.Apply(e); err != nil {
			t.Fatal(err)
		}
	}
	agree := func(step string, want map[string]bool) {
		t.Helper()
		is := NamesakeOf(s)
		for _, id := range s.PersonOrder {
			if is(id) != want[id] {
				t.Errorf("%s: NamesakeOf(%s) = %v", step, id, is(id))
			}
		}
		if got := Namesakes(s); !maps.Equal(got, want) {
			t.Errorf("%s: Namesakes %v, want %v", step, got, want)
		}
	}
	agree("two of one name", map[string]bool{"v1": true, "v2": true})
	x := indexOf(s)
	before := x.keyed
	agree("again", map[string]bool{"v1": true, "v2": true})
	if x.keyed != before {
		t.Errorf("asking again keyed %d names", x.keyed-before)
	}
	if err := s.Apply(assembly.PersonAmended{Meta: at, Person: "v2", Name: "Вера Петрова"}); err != nil {
		t.Fatal(err)
	}
	agree("one renamed", map[string]bool{})
}
