package minutes

import (
	"math/big"
	"sort"
	"strings"

	"plenum/assembly"
	"plenum/i18n"
)

// Since md/11, html/12 and akn/11 (agendaSince) an election's count lists
// the candidates, or the lists, as a teller's sheet does: by their votes,
// most first, those of equal votes in the order they were put up; and
// those elected by lists are named by list, then in the order of their
// list. The versions before listed the count in the order the candidates
// were put up and named those elected in the order the declaration gave
// them (Election.Arithmetic11, Election.Elected11).

// byVotes is the first count's totals by their votes, most first, equal
// votes in the order given (that in which the candidates or the lists
// were put up). A total that is not a number (none plenum counts) keeps
// its place after those that are.
func byVotes(first []assembly.Votes) []assembly.Votes {
	type total struct {
		v  assembly.Votes
		n  *big.Rat
		ok bool
	}
	ts := make([]total, len(first))
	for i, v := range first {
		n, ok := new(big.Rat).SetString(v.Votes)
		ts[i] = total{v, n, ok}
	}
	sort.SliceStable(ts, func(i, j int) bool {
		if ts[i].ok != ts[j].ok {
			return ts[i].ok
		}
		return ts[i].ok && ts[i].n.Cmp(ts[j].n) > 0
	})
	out := make([]assembly.Votes, len(ts))
	for i, t := range ts {
		out[i] = t.v
	}
	return out
}

// countByVotes is c with its first count by votes (byVotes), or c itself
// when the order does not change.
func countByVotes(c *assembly.ElectionCount) *assembly.ElectionCount {
	cc := *c
	cc.First = byVotes(c.First)
	return &cc
}

// recordedByVotes is the English arithmetic the declaration recorded
// (recorded, with the ids of the candidates or the lists) with the first
// count by votes: the words of the count as recorded, its totals in
// another order. Arithmetic that does not hold the count's words (stated,
// or recorded by an older plenum in other words) stays as recorded.
func (b *builder) recordedByVotes(e *assembly.Election, recorded string) string {
	if b.l.Lang() != i18n.Default || e.Method == "as_stated" {
		return recorded
	}
	c, err := b.s.ElectionCount(e.ID)
	if err != nil || c == nil {
		return recorded
	}
	_, was, ok1 := strings.Cut(assembly.CountWords(c), ": ")
	_, now, ok2 := strings.Cut(assembly.CountWords(countByVotes(c)), ": ")
	if !ok1 || !ok2 || was == now || !strings.Contains(recorded, ": "+was) {
		return recorded
	}
	return strings.Replace(recorded, ": "+was, ": "+now, 1)
}

// electedByList is who was elected by the lists of e, by list in the
// order the lists were named and on each in the order of the list, then
// any elected on no list in the order elected; nil where that is the
// order of elected already, or e has no lists.
func electedByList(lists []ElectionList, elected []Ref) []Ref {
	if len(lists) == 0 || len(elected) < 2 {
		return nil
	}
	in := map[string]bool{}
	for _, r := range elected {
		if r.ID != "" {
			in[r.ID] = true
		}
	}
	var out []Ref
	placed := map[string]bool{}
	for _, li := range lists {
		for _, c := range li.Candidates {
			if in[c.ID] && !placed[c.ID] {
				out, placed[c.ID] = append(out, c), true
			}
		}
	}
	for _, r := range elected {
		if r.ID == "" || !placed[r.ID] {
			out = append(out, r)
		}
	}
	for i := range out {
		if out[i] != elected[i] {
			return out
		}
	}
	return nil
}
