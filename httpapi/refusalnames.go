package httpapi

import (
	"fmt"
	"net/http"
	"slices"

	"plenum/assembly"
	"plenum/engine"
	"plenum/i18n"
	"plenum/named"
	"plenum/personarg"
)

// refusalDetail is the detail of a refusal of the rules e, answered to r:
// in the language of the request (localeOf's, which it gives), with the
// persons the refusal names by their ids (its arguments that are ids of
// persons of the assembly in r's path) named by their names, as the
// pages name them (package personarg), and the votes, elections,
// motions, items and the rest by their titles or names (package named);
// and the ids of those persons, and of the rest, in the order the detail
// names them, for the problem's machine-readable part (Problem.Persons,
// Problem.Named). Without an assembly in the path (creating one) the ids
// stand as the rules wrote them. Not to be called inside
// (*engine.Assembly).Read.
func refusalDetail(r *http.Request, e *assembly.Error) (l *i18n.Locale, detail string, persons, others []string) {
	var a *engine.Assembly
	if eng, _ := r.Context().Value(engineKey{}).(*engine.Engine); eng != nil {
		a, _ = eng.Assembly(r.PathValue("id"))
	}
	if a == nil {
		l = i18n.Choose(r, "")
		return l, l.Refusal(e.Format, e.Args, e.Msg), nil, nil
	}
	a.Read(func(st *assembly.State) {
		l = i18n.Choose(r, st.Assembly.Language)
		detail, persons, others = namedRefusal(l, st, e)
	})
	return l, detail, persons, others
}

// namedRefusal is the refusal e in l, each of its arguments that is a
// person of st named by their name (personarg.Mark), a person whose id
// is a word of the rules ("chair") too, and every other id of st in it
// named as the pages name it (named.Namer: a vote by its question, a
// motion, item or election by its title, in l's quotes), French elided
// before a name (i18n.Elide: "d'Anna"); with the ids of the persons
// named, and of the other things named, each once.
func namedRefusal(l *i18n.Locale, st *assembly.State, e *assembly.Error) (text string, persons, others []string) {
	if e.Format == "" {
		return l.Refusal(e.Format, e.Args, e.Msg), nil, nil
	}
	args := personarg.Mark(st, assembly.Reason{Format: e.Format, Args: e.Args}).Args
	english := fmt.Sprintf(e.Format, args...) // e.Msg, the persons marked
	seen := func(id string) {
		ids := &others
		if st.Persons[id] != nil {
			ids = &persons
		}
		if !slices.Contains(*ids, id) {
			*ids = append(*ids, id)
		}
	}
	text = named.Namer{S: st, L: l, Seen: seen}.Text(l.Refusal(e.Format, args, english))
	if persons == nil {
		return text, nil, others
	}
	return l.Elide(text), persons, others
}
