package tally

import (
	"fmt"
	"slices"
)

// countSingle counts plurality (block vote) and approval: each ballot adds
// its weight to some candidates, and the seats go to the highest totals.
// Plurality counts the candidates of the first ranks as far as they hold
// no more candidates than there are seats (a rank that would go past the
// seats, being an equal preference across the cut, is not counted);
// approval counts every candidate ranked. A tie for the last seats is
// broken by lot.
func countSingle(method string, e *Election, opts Options) (*Result, error) {
	n := len(e.Candidates)
	gone := withdrawnSet(e)
	votes := make([]Decimal, n)
	for _, b := range e.Ballots {
		given := 0
		for _, rank := range b.Ranking {
			var live []int
			for _, c := range rank {
				if !gone[c] {
					live = append(live, c)
				}
			}
			if method == MethodPlurality && given+len(live) > e.Seats {
				break
			}
			for _, c := range live {
				votes[c] = votes[c].Add(b.Weight)
			}
			given += len(live)
		}
	}
	var cands []int
	for c := range n {
		if !gone[c] {
			cands = append(cands, c)
		}
	}
	// Highest first; equal totals in candidate order until lots are drawn.
	slices.SortStableFunc(cands, func(a, b int) int { return votes[b].Cmp(votes[a]) })
	st := Stage{Number: 1, Kind: StageVotes, Subject: -1, Totals: votes}
	st.Why = phrase("one vote for each of the first %d preferences", e.Seats)
	if method == MethodApproval {
		st.Why = phrase("one vote for every candidate ranked")
	}
	r := &Result{}
	l := newLot(opts.Seed)
	for len(r.Elected) < e.Seats && len(cands) > 0 {
		top := votes[cands[0]]
		var tied []int
		for _, c := range cands {
			if votes[c].Cmp(top) == 0 {
				tied = append(tied, c)
			}
		}
		left := e.Seats - len(r.Elected)
		if len(tied) <= left {
			r.Elected = append(r.Elected, tied...)
			cands = cands[len(tied):]
			continue
		}
		// More tied than seats left: draw them one by one.
		pool := slices.Clone(tied)
		for range left {
			c := l.draw(pool)
			r.Elected = append(r.Elected, c)
			r.TieBreaks = append(r.TieBreaks, TieBreak{
				Stage: 1, Purpose: PurposeLastSeat, Candidates: slices.Clone(pool), Lot: slices.Clone(pool), Chosen: c, How: HowLot,
				Text: fmt.Sprintf("tie between %s for the last seat broken by lot, seed %d: %s",
					names(e.Candidates, pool), opts.Seed, e.Candidates[c]),
			})
			pool = slices.DeleteFunc(pool, func(x int) bool { return x == c })
		}
		break
	}
	st.Elected = slices.Clone(r.Elected)
	r.Stages = []Stage{st}
	return r, nil
}
