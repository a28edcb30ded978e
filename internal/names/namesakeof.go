package names

import "plenum/assembly"

// NamesakeOf is Namesakes without the copy: it returns whether a person
// (by id) is one of s's namesakes, for a caller that asks of the persons
// one by one (the pages, of each name they show: a copy of the index
// was half a millisecond for each view in an assembly of 10,000 where
// most names are shared). What it returns reads the state's index as
// it stands: call it, and use its answer, only while s does not change
// (inside engine.Assembly.Read), as Namesakes.
func NamesakeOf(s *assembly.State) func(id string) bool {
	x := indexOf(s)
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.events != s.Events {
		x.update(s)
		x.events = s.Events
	}
	same := x.same
	return func(id string) bool { return same[id] }
}
