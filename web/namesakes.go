package web

import (
	"strings"

	"plenum/assembly"
	"plenum/i18n"
	"plenum/internal/names"
)

// Two persons of one name ("Вера Иванов" of Branch 26 and of Branch 2)
// read alike wherever a page names them: the speakers' list, the chair's
// buttons, the projector, a ballot's candidates. The mandate cards and
// the minutes tell them apart by what names.Tell gives (the member
// number, else the organization and the id); the pages write the same
// beside the name, in the page's language, wherever they name a person
// whose name another person of the assembly bears too: "Вера Иванов
// (No. M00105)". A name nobody else bears stands alone.

// personName is person id's name in s as the pages write it: followed,
// if sake says another person bears it too, by what tells them apart in
// parentheses (in l's language); "" for no person or no name.
func personName(s *assembly.State, l *i18n.Locale, sake func(string) bool, id string) string {
	p := s.Persons[id]
	if p == nil || p.Name == "" {
		return ""
	}
	if !sake(id) {
		return p.Name
	}
	org := ""
	for _, mid := range p.Mandates {
		if m := s.Mandates[mid]; m != nil && m.Status != assembly.MandateStatusRejected && m.Organization != "" {
			if o := s.Organizations[m.Organization]; o != nil {
				org = o.Name
			}
		}
	}
	return p.Name + " (" + names.Tell(l, p.Ref, org, id) + ")"
}

// plainName is a person's name alone, or their id if unknown.
func (v *view) plainName(id string) string {
	if p := v.S.Persons[id]; p != nil && p.Name != "" {
		return p.Name
	}
	return id
}

// namesake reports whether another person of the assembly bears the
// name of person id, asked of the state's index once for the rendering
// (names.NamesakeOf: the index is kept for each state, not made anew).
func (v *view) namesake(id string) bool {
	if v.sakes == nil {
		v.sakes = names.NamesakeOf(v.S)
	}
	return v.sakes(id)
}

// personChoice is person p (of id) as a picker lists them: by their name
// as the pages write it (Name), with hint (personHint: their
// organizations and member number), less the number where the name
// already carries it.
func (v *view) personChoice(id string, p *assembly.Person, hint string) Choice {
	c := Choice{Value: id, Label: v.Name(id), Hint: hint}
	if p.Ref != "" && c.Label != p.Name {
		c.Hint = strings.TrimSuffix(strings.TrimSuffix(hint, p.Ref), ", ")
	}
	return c
}

// MeName is the name of the person logged in as the top bar and their
// own page show it: as the pages write every name (Name), told apart
// from another person of the same name ("Вера Иванов (No. M00105)"),
// so that two delegates of one name each see which of them the browser
// is logged in as. Without the assembly's state (the index page) it is
// the name identify found.
func (v *view) MeName() string {
	if v.S != nil && v.Me.Person != "" && v.L != nil {
		if n := personName(v.S, v.L, v.namesake, v.Me.Person); n != "" {
			return n
		}
	}
	return v.Me.Name
}
