package cards

import (
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Order sorts cards in print order: delegations by their organization's
// name, the persons of each by name, and the personal mandates (no
// organization) last. Names are compared as the assembly's language
// (lang) sorts them, without regard to case and accents, numbers by their
// value ("Bezirk 9" before "Bezirk 10"); a language x/text has no order
// of its own for, or none given, sorts by the root order, which folds
// case and accents the same way. Before, delegations came in the order
// the record added them, so that a congress's district envelopes were
// filled in whatever order the districts were typed in. Ties keep the
// order given, then by the bytes of the name and by id, so that the
// order does not depend on the record's.
func Order(cards []Card, lang string) {
	tag, err := language.Parse(lang)
	if err != nil || lang == "" {
		tag = language.Und
	}
	order := collate.New(tag, collate.Loose, collate.Numeric)
	slices.SortStableFunc(cards, func(x, y Card) int {
		if (x.OrganizationID == "") != (y.OrganizationID == "") {
			if x.OrganizationID == "" {
				return 1 // personal mandates last
			}
			return -1
		}
		if c := order.CompareString(x.Organization, y.Organization); c != 0 {
			return c
		}
		if c := strings.Compare(x.OrganizationID, y.OrganizationID); c != 0 {
			return c // two organizations of one name stay apart
		}
		if c := order.CompareString(x.Name, y.Name); c != 0 {
			return c
		}
		if c := strings.Compare(x.Name, y.Name); c != 0 {
			return c
		}
		return strings.Compare(x.Person, y.Person)
	})
}

// sheets lays cards, in print order, out on pages of perPage: a
// delegation that fits whole in what is left of the current page goes
// there, one that does not starts a new page (and one larger than a page
// fills pages of its own first), so that no delegation of a page or less
// is cut across two sheets, and small delegations do not each leave most
// of a page blank (the 1917 conference's 73 organizations sent one to
// a few delegates each).
func sheets(cards []Card) [][]Card {
	var out [][]Card
	var page []Card
	for start := 0; start < len(cards); {
		end := start + 1
		for end < len(cards) && cards[end].OrganizationID == cards[start].OrganizationID {
			end++
		}
		group := cards[start:end]
		if len(page) > 0 && len(page)+len(group) > perPage {
			out, page = append(out, page), nil
		}
		for len(group) > 0 {
			n := min(perPage-len(page), len(group))
			page, group = append(page, group[:n]...), group[n:]
			if len(page) == perPage {
				out, page = append(out, page), nil
			}
		}
		start = end
	}
	if len(page) > 0 {
		out = append(out, page)
	}
	return out
}
