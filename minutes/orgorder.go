package minutes

import (
	"sort"
	"strconv"
)

// organizations are the delegating organizations as a renderer lists
// them: md/6, html/7 and akn/6 (and the PDF) in the order of their
// published numbers where every one has a number ("1", "2", … "10", a
// number that is not a whole number after those that are, in the order of
// its text), else, as the renderers before did, in the order of entry.
func (d *Document) organizations(asBefore bool) []Organization {
	if asBefore {
		return d.Organizations
	}
	for _, o := range d.Organizations {
		if o.Number == "" {
			return d.Organizations
		}
	}
	out := append([]Organization(nil), d.Organizations...)
	sort.SliceStable(out, func(i, j int) bool {
		a, aerr := strconv.Atoi(out[i].Number)
		b, berr := strconv.Atoi(out[j].Number)
		switch {
		case aerr == nil && berr == nil:
			return a < b
		case aerr == nil || berr == nil:
			return aerr == nil
		}
		return out[i].Number < out[j].Number
	})
	return out
}
