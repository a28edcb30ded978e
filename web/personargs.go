package web

import (
	"fmt"
	"io"
	"strings"

	"plenum/assembly"
)

// A refusal names persons by their ids, which the namer replaces by their
// names (namer.text). An id that is also a word of the rules ("chair",
// "secretary", "guest": prose) is left as it stands there, since the rules
// use those words in their own sense ("only the chair closes a vote",
// "holds the office of chair"): a person whose id is such a word would be
// named by their id. The arguments of a refusal say it exactly: the rules
// write a person's id as a plain string argument, and a word of their own
// as a phrase (assembly.Reason) or a typed value (a Role), so a string
// argument that is the id of a person is marked (personArg) and named
// wherever it stands.

// personOpen and personClose enclose, in a refusal's text, a person's id
// that an argument set (personArg): characters of the private use area,
// which no message of the catalog holds.
const personOpen, personClose = "\ue012", "\ue013"

// personArg is an argument of a refusal that is a person's id, set into
// the text enclosed by personOpen and personClose (in quotes for %q).
type personArg string

// Format writes the id enclosed, quoted for %q.
func (p personArg) Format(f fmt.State, verb rune) {
	s := personOpen + string(p) + personClose
	if verb == 'q' {
		s = `"` + s + `"`
	}
	io.WriteString(f, s)
}

// personArgs is r with each argument that is the id of a person of st (a
// string, as the rules write an id) made a personArg, and so in the
// phrases among them.
func personArgs(st *assembly.State, r assembly.Reason) assembly.Reason {
	return eachArg(r, func(a any) any {
		if s, ok := a.(string); ok && st.Persons[s] != nil {
			return personArg(s)
		}
		return a
	})
}

// eachArg is r with each of its arguments, and each of those of the
// phrases among them (an assembly.Reason), put through f.
func eachArg(r assembly.Reason, f func(any) any) assembly.Reason {
	args := make([]any, len(r.Args))
	for i, a := range r.Args {
		switch a := a.(type) {
		case assembly.Reason:
			args[i] = eachArg(a, f)
		case *assembly.Reason:
			m := eachArg(*a, f)
			args[i] = &m
		default:
			args[i] = f(a)
		}
	}
	r.Args = args
	return r
}

// personAt is, when t[i:] begins with a person's id as personArg set it,
// the person's name (their id if they have none; the quotes around a
// quoted id dropped, quoted whether the quote before it is to be dropped)
// and where the text goes on after it.
func (n namer) personAt(t string, i int) (name string, quoted bool, next int, ok bool) {
	if !strings.HasPrefix(t[i:], personOpen) {
		return "", false, 0, false
	}
	rest := t[i+len(personOpen):]
	k := strings.Index(rest, personClose)
	if k < 0 {
		return "", false, 0, false
	}
	id := rest[:k]
	next = i + len(personOpen) + k + len(personClose)
	name = id
	if p := n.s.Persons[id]; p != nil && p.Name != "" {
		name = n.typed(p.Name)
	}
	if i > 0 && t[i-1] == '"' && next < len(t) && t[next] == '"' {
		return name, true, next + 1, true
	}
	return name, false, next, true
}
