package cards

import (
	"strings"

	"golang.org/x/text/collate"

	"plenum/assembly"
	"plenum/internal/names"
)

// Namesakes returns the persons of s (by id) whose name another person
// of the assembly bears too: the same name as the lists sort it, without
// regard to case, accents or spacing ("Ayşe Zürn" and "Ayse  Zurn" are
// called alike in a roll call).
func Namesakes(s *assembly.State) map[string]bool {
	order := names.Collator()
	var buf collate.Buffer
	first := map[string]string{} // a name's key: the first person bearing it
	out := map[string]bool{}
	for _, id := range s.PersonOrder {
		p := s.Persons[id]
		if p == nil {
			continue
		}
		key := string(order.KeyFromString(&buf, strings.Join(strings.Fields(p.Name), " ")))
		buf.Reset()
		if other, ok := first[key]; ok {
			out[other], out[id] = true, true
			continue
		}
		first[key] = id
	}
	return out
}
