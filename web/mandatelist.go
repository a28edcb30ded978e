package web

import (
	"net/url"
	"strconv"
	"strings"

	"plenum/assembly"
	"plenum/i18n"
)

// The mandates page listed every mandate of each status whole, each
// verified one with a form to register its holder present or departed,
// and the cards' and revocation's pickers every person: with ten
// thousand delegates, 10,003 forms and 10 to 13 MB a fetch (REVIEW-scale
// F2). In an assembly of more persons than a picker lists whole
// (Options.PickerLimit) each list shows one page of mandateRows by name,
// with a search on the server (?q=, the people page's words: name,
// member number, organization) and links to the pages before and after
// (?at-STATUS=N); the pickers are searched on the server (PickPerson).

// mandateRows is how many mandates a list of the mandates page shows at
// once in an assembly of more persons than a picker lists whole.
const mandateRows = 100

// mandateList is a list of the mandates page: the mandates of one status
// it shows, and, when it is paged (Paged), where they stand among those
// the search found (From, the first's place from 0; Found) and the
// addresses of the pages before and after ("" at either end).
type mandateList struct {
	Rows        []*assembly.Mandate
	Paged       bool
	From, Found int
	Prev, Next  string
	// L and Search are the page's language and search, for the
	// list's words.
	L      *i18n.Locale
	Search string
}

// Per is how many rows a page of a paged list shows.
func (mandateList) Per() int { return mandateRows }

// To is the place (from 1) of the list's last row.
func (l mandateList) To() int { return l.From + len(l.Rows) }

// MandatesPaged reports whether the mandates page pages its lists and
// searches them on the server: the assembly has more persons than a
// picker lists whole.
func (v *view) MandatesPaged() bool { return len(v.S.PersonOrder) > v.pickerLimit }

// MandateList is the mandates of status the mandates page lists, by
// their holder's name: all of them in an assembly of up to
// Options.PickerLimit persons; else those whose holder's name, member
// number or organization holds every word of the search (?q=), one page
// of mandateRows from ?at-STATUS=N.
func (v *view) MandateList(status string) mandateList {
	if !v.MandatesPaged() {
		return mandateList{Rows: v.Mandates(status), L: v.L}
	}
	of := func(p *assembly.Person, found func(*assembly.Mandate)) {
		for _, mid := range p.Mandates {
			if m := v.S.Mandates[mid]; m != nil && m.Status == status {
				found(m)
			}
		}
	}
	// a mandate as its holder's name, for the index's sort: the name
	// alone, not with what tells two of one name apart (Name), which
	// would key every namesake's anew
	var cs []Choice
	add := func(m *assembly.Mandate) { cs = append(cs, Choice{Value: m.ID, Label: v.plainName(m.Person)}) }
	x := v.personIndexOf()
	if words := strings.Fields(fold(v.Search())); len(words) > 0 {
		x.match(words, v.S, nil, func(i int) { of(v.S.Persons[x.ids[i]], add) })
	} else {
		for _, id := range v.S.MandateOrder {
			if m := v.S.Mandates[id]; m.Status == status {
				add(m)
			}
		}
	}
	x.names.sort(cs)
	l := mandateList{Paged: true, Found: len(cs), L: v.L, Search: v.Search()}
	if n, err := strconv.Atoi(v.Query.Get("at-" + status)); err == nil && n > 0 && n < len(cs) {
		l.From = n
	}
	for _, c := range cs[l.From:min(len(cs), l.From+mandateRows)] {
		l.Rows = append(l.Rows, v.S.Mandates[c.Value])
	}
	if l.From > 0 {
		l.Prev = v.mandatesAt(status, max(0, l.From-mandateRows))
	}
	if l.To() < len(cs) {
		l.Next = v.mandatesAt(status, l.To())
	}
	return l
}

// mandatesAt is the address of the mandates page with the search it was
// fetched with and the list of status from the place at (from 0).
func (v *view) mandatesAt(status string, at int) string {
	q := url.Values{}
	if s := v.Search(); s != "" {
		q.Set("q", s)
	}
	if at > 0 {
		q.Set("at-"+status, strconv.Itoa(at))
	}
	u := "/a/" + v.ID + "/mandates"
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u + "#h-" + mandateAnchors[status]
}

// mandateAnchors are the headings of the mandates page's lists.
var mandateAnchors = map[string]string{
	assembly.MandateStatusSubmitted: "check",
	assembly.MandateStatusVerified:  "verified",
	assembly.MandateStatusRejected:  "rejected",
}

// MandateCount is how many mandates are of status.
func (v *view) MandateCount(status string) int {
	n := 0
	for _, id := range v.S.MandateOrder {
		if v.S.Mandates[id].Status == status {
			n++
		}
	}
	return n
}

// Ref is person's member number (their reference in the organiser's
// list), "" if none: the mandates page's lists show it beside the name,
// but where the name (Name) carries it already, a namesake's.
func (v *view) Ref(person string) string {
	if p := v.S.Persons[person]; p != nil && !v.namesake(person) {
		return p.Ref
	}
	return ""
}

// Revocable reports whether one of holders holds a code that works (the
// mandates page's form to revoke one).
func (v *view) Revocable(holders []cardHolder) bool {
	for _, h := range holders {
		if h.Access != nil && h.Access.Revoked.IsZero() {
			return true
		}
	}
	return false
}

// unprintableShown bounds the names the mandates page warns the cards
// cannot print, in an assembly of more persons than a picker lists
// whole: the rest are counted.
const unprintableShown = 50

// unprintableList is the names the mandates page warns of, and how many
// more there are.
type unprintableList struct {
	Names []unprintableName
	More  int
}

// UnprintableList is UnprintableNames of holders, at most
// unprintableShown of them when the page is paged (MandatesPaged).
func (v *view) UnprintableList(holders []cardHolder) *unprintableList {
	names := v.UnprintableNames(holders)
	if len(names) == 0 {
		return nil
	}
	l := &unprintableList{Names: names}
	if v.MandatesPaged() && len(names) > unprintableShown {
		l.Names, l.More = names[:unprintableShown], len(names)-unprintableShown
	}
	return l
}
