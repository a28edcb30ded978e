package web

import (
	"errors"
	"fmt"
	"html/template"
	"sort"
	"strconv"
	"strings"

	"plenum/assembly"
	"plenum/i18n"
)

// The elections as the pages show them: the chair opens, closes and
// declares them; a delegate fills in a ballot (ranking, names approved or
// one list, by the method), confirms it and gets its receipt; the
// projector shows how many have voted, then the elected.

// rankOrder turns the values of a ranking's numbered selects, "N:person"
// (empty when a candidate is not ranked), into the persons in the order of
// their numbers. Two candidates with the same number are an error of the
// page; whom a ballot may rank is the rules' to say.
// rankError is what is wrong with a ranking: a place that is not one
// (Place), or two candidates of one number (Other and Person numbered N).
type rankError struct {
	Place, Other, Person string
	N                    int
}

func (e *rankError) Error() string { return e.in(nil, func(s string) string { return s }) }

// in says what is wrong in the locale l, naming the candidates by name.
func (e *rankError) in(l *i18n.Locale, name func(string) string) string {
	if e.Other == "" {
		return isolatedMarks(l.T("web.rank.not_a_place", quotedMark(e.Place)))
	}
	return l.T("web.rank.same_number", name(e.Other), name(e.Person), e.N)
}

func rankOrder(values []string) ([]string, error) {
	type ranked struct {
		n      int
		person string
	}
	var rs []ranked
	byNumber := map[int]string{}
	for _, v := range values {
		num, person, ok := strings.Cut(strings.TrimSpace(v), ":")
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		n, err := strconv.Atoi(num)
		if !ok || err != nil || n < 1 || person == "" {
			return nil, &rankError{Place: v}
		}
		if other, dup := byNumber[n]; dup {
			return nil, &rankError{Other: other, Person: person, N: n}
		}
		byNumber[n] = person
		rs = append(rs, ranked{n, person})
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].n < rs[j].n })
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.person
	}
	return out, nil
}

// listsArg reads the lists of an election from a text area, one list a
// line: "ID | name | candidates", or "ID | name | tendency | candidates",
// the candidates' ids separated by commas or spaces.
func listsArg(text string) ([]assembly.List, error) {
	var lists []assembly.List
	for i, parts := range listLines(text) {
		if parts == nil {
			continue
		}
		var l assembly.List
		switch len(parts) {
		case 3:
			l = assembly.List{ID: parts[0], Name: parts[1]}
		case 4:
			l = assembly.List{ID: parts[0], Name: parts[1], Tendency: parts[2]}
		default:
			return nil, fmt.Errorf("line %d of the lists must read \"ID | name | candidates\" or \"ID | name | tendency | candidates\"", i+1)
		}
		l.Candidates = strings.FieldsFunc(parts[len(parts)-1], func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
		lists = append(lists, l)
	}
	return lists, nil
}

// listLines splits a text area of lists into its lines' parts between
// "|", trimmed; a blank line is nil, so that line numbers stay right.
func listLines(text string) [][]string {
	var out [][]string
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line == "" {
			out = append(out, nil)
			continue
		}
		parts := strings.Split(line, "|")
		for j := range parts {
			parts[j] = strings.TrimSpace(parts[j])
		}
		out = append(out, parts)
	}
	return out
}

// namedLists reads an election's lists as a person writes them, by name:
// one a line, "name | candidates" or "name | tendency | candidates", the
// candidates' names separated by commas and the tendency an
// organization's name. The lists get the ids l1, l2, …
func namedLists(st *assembly.State, text string) ([]assembly.List, error) {
	if st == nil {
		return nil, fmt.Errorf("the lists cannot be read here")
	}
	var lists []assembly.List
	for i, parts := range listLines(text) {
		if parts == nil {
			continue
		}
		if len(parts) < 2 || len(parts) > 3 || parts[0] == "" {
			return nil, fmt.Errorf("line %d of the lists must read \"name | candidates\" or \"name | tendency | candidates\"", i+1)
		}
		l := assembly.List{ID: fmt.Sprintf("l%d", len(lists)+1), Name: parts[0]}
		if len(parts) == 3 {
			org, err := orgByName(st, parts[1])
			if err != nil {
				return nil, fmt.Errorf("line %d of the lists: %w", i+1, err)
			}
			l.Tendency = org
		}
		for _, name := range strings.Split(parts[len(parts)-1], ",") {
			if name = strings.TrimSpace(name); name == "" {
				continue
			}
			p, err := personByName(st, name)
			if err != nil {
				return nil, fmt.Errorf("line %d of the lists: %w", i+1, err)
			}
			l.Candidates = append(l.Candidates, p)
		}
		lists = append(lists, l)
	}
	return lists, nil
}

// personByName finds the one person named name (case aside), as the
// register writes it.
func personByName(st *assembly.State, name string) (string, error) {
	var found []string
	for _, id := range st.PersonOrder {
		p := st.Persons[id]
		if strings.EqualFold(p.Name, name) {
			found = append(found, id)
		}
	}
	switch len(found) {
	case 0:
		return "", fmt.Errorf("nobody in the register is named %q; write the name as the register has it", quotedMark(name))
	case 1:
		return found[0], nil
	}
	return "", fmt.Errorf("%d persons in the register are named %q; open the election with its candidates ticked instead", len(found), quotedMark(name))
}

// orgByName finds the organization named name.
func orgByName(st *assembly.State, name string) (string, error) {
	for _, id := range st.OrgOrder {
		if strings.EqualFold(st.Organizations[id].Name, name) {
			return id, nil
		}
	}
	return "", fmt.Errorf("there is no organization named %q", quotedMark(name))
}

// Elections are all elections, in the order they were opened.
func (v *view) Elections() []*assembly.Election {
	var out []*assembly.Election
	for _, id := range v.S.ElectionOrder {
		out = append(out, v.S.Elections[id])
	}
	return out
}

// ActiveElections are the elections opened and not yet declared.
func (v *view) ActiveElections() []*assembly.Election {
	if v.once.activeElections {
		return v.activeElections
	}
	var out []*assembly.Election
	for _, id := range v.S.ElectionOrder {
		if el := v.S.Elections[id]; el.InProgress() {
			out = append(out, el)
		}
	}
	v.activeElections, v.once.activeElections = out, true
	return out
}

// DeclaredElections are the declared elections, the latest first.
func (v *view) DeclaredElections() []*assembly.Election {
	var out []*assembly.Election
	els := v.Elections()
	for i := len(els) - 1; i >= 0; i-- {
		if els[i].Status == assembly.ElectionStatusDeclared {
			out = append(out, els[i])
		}
	}
	return out
}

// OpenElection is the latest open election, or nil.
func (v *view) OpenElection() *assembly.Election {
	els := v.Elections()
	for i := len(els) - 1; i >= 0; i-- {
		if els[i].Status == assembly.ElectionStatusOpen {
			return els[i]
		}
	}
	return nil
}

// LastElected is the latest declared election when it was declared after
// the latest result of a vote (so the projector shows the newer of the
// two), or nil.
func (v *view) LastElected() *assembly.Election {
	for i := len(v.S.Record) - 1; i >= 0; i-- {
		switch e := v.S.Record[i]; e.Kind {
		case "result_declared":
			return nil
		case "election_declared":
			return v.S.Elections[e.Ref]
		}
	}
	return nil
}

// Candidates are an election's candidates, those on its lists included.
func (v *view) Candidates(el *assembly.Election) []string {
	out := append([]string(nil), el.Candidates...)
	for _, l := range el.Lists {
		for _, c := range l.Candidates {
			if !contains(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}

// MethodKind is how a ballot in el is filled in: "ranked", "lists",
// "names" (plurality, approval) or "none" (as_stated).
func methodKind(method string) string {
	switch method {
	case "irv", "stv-scottish", "stv-meek", "stv-ers97", "schulze":
		return "ranked"
	case "dhondt", "sainte-lague", "hare", "by_tendency":
		return "lists"
	case "as_stated":
		return "none"
	}
	return "names"
}

// MethodKind is how a ballot in el is filled in.
func (v *view) MethodKind(el *assembly.Election) string { return methodKind(el.Method) }

// MethodName is an election method in words, in the page's language.
func (v *view) MethodName(method string) string {
	if k := "web.method." + method; v.L.Has(k) {
		return v.L.T(k)
	}
	return method
}

// Methods are the election methods the chair may choose.
func (v *view) Methods() []string {
	return []string{"stv-scottish", "stv-meek", "stv-ers97", "schulze", "irv", "plurality", "approval", "dhondt", "sainte-lague", "hare", "by_tendency", "as_stated"}
}

// ElectionVoted reports whether the viewer has cast a ballot in el: while
// it is in progress, from the memo of the state when it is a page's
// (live.go).
func (v *view) ElectionVoted(el *assembly.Election) bool {
	if l := v.liveOf(); l != nil && el.InProgress() {
		return hasVoted(l, el, el.Ballots, func(b *assembly.ElectionBallot) string { return b.Voter }, el.Encrypted, v.Me.Person)
	}
	return votedIn(el.Ballots, func(b *assembly.ElectionBallot) string { return b.Voter }, el.Encrypted, v.Me.Person)
}

// MayVoteIn reports whether the viewer holds a right entitled in el.
func (v *view) MayVoteIn(el *assembly.Election) bool {
	if v.Me.Mandate != nil && el.Eligible[v.Me.Mandate.ID] {
		return true
	}
	return el.Eligible["p:"+v.Me.Person]
}

// BallotText is an election ballot in words: "1. Anna, 2. Boris", the
// names approved, or the list.
func (v *view) BallotText(el *assembly.Election, b assembly.ElectionBallot) template.HTML {
	switch {
	case len(b.Ranking) > 0:
		var ps []string
		for i, p := range b.Ranking {
			ps = append(ps, string(ranked(i, v.Name(p))))
		}
		return template.HTML(strings.Join(ps, ", "))
	case len(b.Approve) > 0:
		return v.Names(b.Approve)
	}
	return bdi(v.ListName(el, b.List))
}

// ranked is a name at place i (from 0) of a ranking: "1. Anna", the name
// isolated (bdi).
func ranked(i int, name string) template.HTML {
	return template.HTML(strconv.Itoa(i+1)+". ") + bdi(name)
}

// ListName is the name of a list in el.
func (v *view) ListName(el *assembly.Election, id string) string {
	for _, l := range el.Lists {
		if l.ID == id {
			return l.Name
		}
	}
	return id
}

// field is a hidden form field.
type field struct{ Name, Value string }

// ballotDraft is a ballot filled in on the delegate's page, waiting for
// confirmation: in words, as the fields the confirming form sends, or
// what is wrong with it; and the fields as the delegate filled them in,
// which Change sends back to show the ballot again as it was.
type ballotDraft struct {
	Text   []template.HTML // the names (a list's name), in the order ranked if Ranked
	Ranked bool            // Text is a ranking: the page numbers it (an ordered list), Text does not
	Fields []field
	Back   []field
	Err    string
}

// BallotDraft reads the ballot in el the delegate filled in (the form
// posted for the confirmation step).
func (v *view) BallotDraft(el *assembly.Election) ballotDraft {
	var d ballotDraft
	q := v.Form
	for _, name := range []string{"a:ranking:rank", "a:list", "a:approve:list"} {
		for _, val := range q[name] {
			if val = strings.TrimSpace(val); val != "" {
				d.Back = append(d.Back, field{name, val})
			}
		}
	}
	switch methodKind(el.Method) {
	case "ranked":
		order, err := rankOrder(q["a:ranking:rank"])
		if err != nil {
			why := err.Error()
			var re *rankError
			if errors.As(err, &re) {
				why = re.in(v.L, func(p string) string { return option(v.Name(p)) })
			}
			d.Err = v.L.T("web.rank.cannot_cast", why)
			return d
		}
		d.Ranked = true
		for _, p := range order {
			d.Text = append(d.Text, bdi(v.Name(p)))
			d.Fields = append(d.Fields, field{"a:ranking:list", p})
		}
	case "lists":
		if l := q.Get("a:list"); l != "" {
			d.Text = []template.HTML{bdi(v.ListName(el, l))}
			d.Fields = []field{{"a:list", l}}
		}
	default:
		for _, p := range q["a:approve:list"] {
			if p = strings.TrimSpace(p); p != "" {
				d.Text = append(d.Text, bdi(v.Name(p)))
				d.Fields = append(d.Fields, field{"a:approve:list", p})
			}
		}
	}
	if len(d.Fields) == 0 {
		d.Err = v.L.T("web.rank.empty." + methodKind(el.Method))
	}
	return d
}

// DraftFor reports whether the page is the confirmation step of a ballot
// in el.
func (v *view) DraftFor(el *assembly.Election) bool {
	return v.Form.Get("step") == "check" && v.Form.Get("election") == el.ID
}

// Filled reports whether the ballot in el is shown again as the delegate
// filled it in (Change on the confirmation step) with value given to the
// field name: a number chosen for a candidate ("2:olga"), a name ticked, a
// list chosen.
func (v *view) Filled(el *assembly.Election, name, value string) bool {
	if v.Form.Get("step") != "fill" || v.Form.Get("election") != el.ID {
		return false
	}
	for _, val := range v.Form[name] {
		if strings.TrimSpace(val) == value {
			return true
		}
	}
	return false
}
