package main

import (
	"encoding/json"
	"slices"
	"strings"

	"plenum/assembly"
	"plenum/tlogproof"
)

// candidateNamer names the candidates and lists of one election as the
// record names them: a candidate by the person's name, a list by the
// name the election's opening gives it, each followed by its id where
// another candidate (or list) of the election bears the same name, so
// that two are never printed alike; an id the record names nothing by
// is printed as it stands. A nil *candidateNamer prints ids (offline,
// verify has only the receipt's entry, which names no one).
type candidateNamer struct {
	persons, lists map[string]string // name by id
	shared         map[string]bool   // "p:"/"l:" + id, for a name another bears too
}

// candidateNames is the candidateNamer of election in st, or nil when st
// holds no such election.
func candidateNames(st *assembly.State, election string) *candidateNamer {
	if st == nil || st.Elections[election] == nil {
		return nil
	}
	el := st.Elections[election]
	return newCandidateNamer(func(id string) string {
		if p := st.Persons[id]; p != nil {
			return p.Name
		}
		return ""
	}, el.Candidates, el.Lists)
}

// newCandidateNamer names the candidates (and those on lists) by
// person, which gives a person's name ("" for none known), and the
// lists by the names they are given.
func newCandidateNamer(person func(id string) string, candidates []string, lists []assembly.List) *candidateNamer {
	n := &candidateNamer{persons: map[string]string{}, lists: map[string]string{}, shared: map[string]bool{}}
	keep := func(kind string, names map[string]string, ids []string, nameOf func(string) string) {
		holders := map[string][]string{}
		for _, id := range ids {
			if _, seen := names[id]; seen {
				continue
			}
			name := nameOf(id)
			if name == "" {
				continue
			}
			names[id] = name
			k := nameKey(name)
			holders[k] = append(holders[k], id)
		}
		for _, ids := range holders {
			if len(ids) > 1 {
				for _, id := range ids {
					n.shared[kind+id] = true
				}
			}
		}
	}
	candidates = slices.Clone(candidates)
	var listIDs []string
	listName := map[string]string{}
	for _, li := range lists {
		candidates = append(candidates, li.Candidates...)
		listIDs = append(listIDs, li.ID)
		listName[li.ID] = li.Name
	}
	keep("p:", n.persons, candidates, person)
	keep("l:", n.lists, listIDs, func(id string) string { return listName[id] })
	return n
}

// unnamed reports whether a candidate among ids is printed by its id,
// the record read giving no name of it.
func (n *candidateNamer) unnamed(ids []string) bool {
	for _, id := range ids {
		if n == nil || n.lists[id] == "" && n.persons[id] == "" {
			return true
		}
	}
	return false
}

// either is how a candidate or a list (a count's totals name either) is
// printed: as a list if the election has a list of that id.
func (n *candidateNamer) either(id string) string {
	if n != nil && n.lists[id] != "" {
		return n.list(id)
	}
	return n.name(id)
}

// nameKey is a name as two names are compared: case and the spaces
// between its words aside.
func nameKey(name string) string { return strings.ToLower(strings.Join(strings.Fields(name), " ")) }

// name is how a candidate, one of the election's or not, is printed.
func (n *candidateNamer) name(id string) string {
	if n == nil {
		return id
	}
	return n.named("p:", n.persons, id)
}

// list is how a list of the election is printed.
func (n *candidateNamer) list(id string) string {
	if n == nil {
		return id
	}
	return n.named("l:", n.lists, id)
}

// join prints the candidates ids, separated by sep; by "; " instead of
// ", " when a name holds a comma ("Fuß, Käthe"), so that the reader can
// tell where one name ends.
func (n *candidateNamer) join(ids []string, sep string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = n.name(id)
	}
	if sep == ", " && strings.Contains(strings.Join(out, ""), ",") {
		sep = "; "
	}
	return strings.Join(out, sep)
}

func (n *candidateNamer) named(kind string, names map[string]string, id string) string {
	name, ok := names[id]
	switch {
	case !ok || name == id:
		return id
	case n.shared[kind+id]:
		return name + " (" + id + ")"
	}
	return name
}

// excerptCandidates are the candidateNamers of the elections an excerpt
// opens, by election: the lists as the election's opening names them,
// the candidates (those it nominates too) by the names the excerpt's
// person_added and person_amended entries give them, if it holds them
// (the excerpt of an election holds none; a complete excerpt all).
func excerptCandidates(x *tlogproof.Excerpt) map[string]*candidateNamer {
	persons := map[string]string{}
	type election struct {
		candidates []string
		lists      []assembly.List
	}
	elections := map[string]*election{}
	var order []string
	for _, e := range x.Entries {
		d, _, err := e.Decode()
		if err != nil || d.Payload == nil {
			continue
		}
		switch d.Type {
		case "person_added":
			var p assembly.PersonAdded
			if json.Unmarshal(d.Payload, &p) == nil && p.ID != "" && p.Name != "" {
				persons[p.ID] = p.Name
			}
		case "person_amended":
			var p assembly.PersonAmended
			if json.Unmarshal(d.Payload, &p) == nil && p.Person != "" && p.Name != "" {
				persons[p.Person] = p.Name
			}
		case "election_opened":
			var o assembly.ElectionOpened
			if json.Unmarshal(d.Payload, &o) == nil && o.ID != "" && elections[o.ID] == nil {
				elections[o.ID] = &election{candidates: o.Candidates, lists: o.Lists}
				order = append(order, o.ID)
			}
		case "candidate_nominated":
			var c assembly.CandidateNominated
			if json.Unmarshal(d.Payload, &c) == nil && elections[c.Election] != nil {
				elections[c.Election].candidates = append(elections[c.Election].candidates, c.Person)
			}
		}
	}
	out := make(map[string]*candidateNamer, len(elections))
	for _, id := range order {
		el := elections[id]
		out[id] = newCandidateNamer(func(id string) string { return persons[id] }, el.candidates, el.lists)
	}
	return out
}
