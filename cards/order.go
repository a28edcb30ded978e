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

// sheets parts the cards, in the order given, into the sheets they print
// on: eight to a sheet, and each delegation (the cards of one
// organization, and the personal mandates) starting on a sheet of its
// own, so that a cut sheet fills one delegation's envelope and never two.
// A small delegation leaves the rest of its sheet blank.
func sheets(cards []Card) [][]Card {
	var out [][]Card
	start := 0
	for i := range cards {
		if i > start && (i-start == perPage || cards[i].OrganizationID != cards[start].OrganizationID) {
			out = append(out, cards[start:i])
			start = i
		}
	}
	if len(cards) > start {
		out = append(out, cards[start:])
	}
	return out
}
