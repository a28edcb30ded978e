// Package names holds the order in which plenum lists names: the pages'
// lists (web's byName), the cards and the roster export sort by it, so
// that a reader finds "Branch 9" before "Branch 10" in each.
package names

import (
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Collator returns a new collator of the order names are listed in:
// without regard to case or accents, numbers by their value. A collator
// is not safe for concurrent use; each sort makes its own.
func Collator() *collate.Collator {
	return collate.New(language.Und, collate.Loose, collate.Numeric)
}
