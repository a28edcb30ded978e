package roster

import (
	"fmt"
	"testing"
)

// TestIDsOfOneStem: the import makes the ids of 10,000 names that have
// one stem (a name in Cyrillic or Greek has no letters for a stem, so all
// are "person") with a look-up or two each, not one for every id it made
// before (50 million), and they are the ids NewID makes.
func TestIDsOfOneStem(t *testing.T) {
	taken := map[string]bool{"person": true, "person-3": true}
	isTaken := func(id string) bool { return taken[id] }
	seq := idSeq{}
	calls := 0
	counted := func(id string) bool { calls++; return taken[id] }
	for i := 0; i < 10_000; i++ {
		want := ""
		if i < 5 {
			want = NewID("person", "Иван Петров", isTaken)
		}
		id := newID(seq, "person", "Иван Петров", counted)
		if want != "" && id != want {
			t.Fatalf("id %d: %s, NewID makes %s", i, id, want)
		}
		if taken[id] {
			t.Fatalf("id %d: %s is taken", i, id)
		}
		taken[id] = true
	}
	if !taken["person-10002"] || calls > 3*10_000 {
		t.Errorf("%d look-ups for 10,000 ids; person-10002 made: %v", calls, taken["person-10002"])
	}
	// Other stems keep their own count.
	if id := newID(seq, "person", "Anna", isTaken); id != "anna" {
		t.Errorf("Anna: %s", id)
	}
	if id := newID(seq, "organization", "Союз", func(id string) bool { return id == "organization" }); id != "organization-2" {
		t.Errorf("%s", fmt.Sprint(id))
	}
}
