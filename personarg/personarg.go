// Package personarg names the persons of a refusal of the rules by their
// names, for the pages (package web) and the JSON API (package httpapi)
// alike: one way of telling which arguments of a refusal are persons,
// and of setting their names into the text made from it.
//
// A refusal names persons by their ids. An id that is also a word of the
// rules ("chair", "secretary", "guest") cannot be told from the word in
// the text: the rules use those words in their own sense ("only the chair
// closes a vote", "holds the office of chair"). The arguments of a
// refusal say it exactly: the rules write a person's id as a plain
// string argument, and a word of their own as a phrase (assembly.Reason)
// or a typed value (a Role), so a string argument that is the id of a
// person is marked (Mark makes it an ID) and named wherever it stands in
// the text made from the refusal (At, Name), in any language.
//
// It imports the rules (assembly) and nothing of the pages or the API;
// package i18n, which renders the refusal around the marks, does not
// import the rules, and this is not its job.
package personarg

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"plenum/assembly"
)

// open and closeMark enclose, in a refusal's text, a person's id that an
// argument set (ID): characters of the private use area, which no message
// of the catalog holds.
const open, closeMark = "\ue012", "\ue013"

// ID is an argument of a refusal that is a person's id, set into the
// text enclosed by two characters of the private use area (in quotes for
// %q), for At or Name to replace by the person's name.
type ID string

// Format writes the id enclosed, quoted for %q.
func (p ID) Format(f fmt.State, verb rune) {
	s := open + string(p) + closeMark
	if verb == 'q' {
		s = `"` + s + `"`
	}
	io.WriteString(f, s)
}

// Mark is r with each argument that is the id of a person of st (a
// string, as the rules write an id) made an ID, and so in the phrases
// among them. A text made from the result holds marks that At or Name
// must replace before anyone reads it.
func Mark(st *assembly.State, r assembly.Reason) assembly.Reason {
	return EachArg(r, func(a any) any {
		if s, ok := a.(string); ok && st.Persons[s] != nil {
			return ID(s)
		}
		return a
	})
}

// EachArg is r with each of its arguments, and each of those of the
// phrases among them (an assembly.Reason), put through f.
func EachArg(r assembly.Reason, f func(any) any) assembly.Reason {
	args := make([]any, len(r.Args))
	for i, a := range r.Args {
		switch a := a.(type) {
		case assembly.Reason:
			args[i] = EachArg(a, f)
		case *assembly.Reason:
			m := EachArg(*a, f)
			args[i] = &m
		default:
			args[i] = f(a)
		}
	}
	r.Args = args
	return r
}

// At is, when t[i:] begins with a person's id as an ID set it, the
// person's name in st (typed(name): typed marks a text a person typed,
// or is nil; the id as it stands if the person has no name, or st has
// no such person), whether the id was quoted (%q: the quote before it,
// at t[i-1], is to be dropped, and the one after it is), where the text
// goes on after it, and the id.
func At(st *assembly.State, t string, i int, typed func(string) string) (name string, quoted bool, next int, id string, ok bool) {
	if !strings.HasPrefix(t[i:], open) {
		return "", false, 0, "", false
	}
	rest := t[i+len(open):]
	k := strings.Index(rest, closeMark)
	if k < 0 {
		return "", false, 0, "", false
	}
	id = rest[:k]
	next = i + len(open) + k + len(closeMark)
	name = id
	if p := st.Persons[id]; p != nil && p.Name != "" {
		name = p.Name
		if typed != nil {
			name = typed(name)
		}
	}
	if i > 0 && t[i-1] == '"' && next < len(t) && t[next] == '"' {
		return name, true, next + 1, id, true
	}
	return name, false, next, id, true
}

// Name is t, a text made from a refusal Mark marked, with every person
// At finds in it replaced by their name (as At names them, typed nil),
// and the ids of the persons it names, each once, in the order the text
// names them first.
func Name(st *assembly.State, t string) (string, []string) {
	if !strings.Contains(t, open) {
		return t, nil
	}
	var out strings.Builder
	var ids []string
	for i := 0; i < len(t); {
		name, quoted, next, id, ok := At(st, t, i, nil)
		if !ok {
			out.WriteByte(t[i])
			i++
			continue
		}
		if quoted {
			s := out.String()
			out.Reset()
			out.WriteString(s[:len(s)-1])
		}
		out.WriteString(name)
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
		i = next
	}
	return out.String(), ids
}
