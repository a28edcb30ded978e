package tally

import (
	"slices"
)

// countIRV counts instant-runoff: a candidate with more than half of the
// votes still in the count wins; otherwise the candidate with the fewest
// votes is excluded and their ballots pass, at full weight, to the next
// candidate still in the count. Ties for exclusion are broken as under the
// Scottish rules: by the most recent earlier stage at which the tied
// candidates differed, else by lot.
func countIRV(e *Election, opts Options) (*Result, error) {
	n := len(e.Candidates)
	gone := withdrawnSet(e)
	state := make([]int, n)
	for c := range n {
		if gone[c] {
			state[c] = excluded
		}
	}
	type paper struct {
		prefs []int
		pos   int
		w     int64
	}
	var papers []paper
	held := make([][]int, n)
	votes := make([]int64, n)
	changes := make([]int64, n)
	for _, b := range e.Ballots {
		p := strictPrefs(b.Ranking, gone)
		if len(p) == 0 || b.Weight.IsZero() {
			continue
		}
		papers = append(papers, paper{prefs: p, w: b.Weight.u})
		held[p[0]] = append(held[p[0]], len(papers)-1)
		votes[p[0]] += b.Weight.u
		changes[p[0]] += b.Weight.u
	}
	tb := &tieBreaker{cands: e.Candidates, lot: newLot(opts.Seed)}
	r := &Result{}
	record := func(st Stage, nonTrans int64) {
		st.Number = len(r.Stages) + 1
		st.Totals = make([]Decimal, n)
		st.Changes = make([]Decimal, n)
		for c := range n {
			st.Totals[c] = Decimal{votes[c]}
			st.Changes[c] = Decimal{changes[c]}
			changes[c] = 0
		}
		st.NonTransferable = Decimal{nonTrans}
		r.Stages = append(r.Stages, st)
		tb.history = append(tb.history, slices.Clone(votes))
	}
	record(Stage{Kind: StageFirst, Subject: -1, Why: phrase("first preferences")}, 0)
	for {
		var cont []int
		var live int64
		for c := range n {
			if state[c] == continuing {
				cont = append(cont, c)
				live += votes[c]
			}
		}
		st := &r.Stages[len(r.Stages)-1]
		for _, c := range cont {
			if 2*votes[c] > live {
				st.Elected = []int{c}
				st.Why = st.Why.then(phrase("%s has %s of the %s votes in the count, more than half",
					e.Candidates[c], Decimal{votes[c]}.String(), Decimal{live}.String()))
				r.Elected = []int{c}
			}
		}
		if len(r.Elected) > 0 {
			break
		}
		if len(cont) == 1 {
			st.DeemedElected = cont
			r.Elected = cont
			break
		}
		if len(cont) == 0 {
			break // no ballots at all: nobody is elected
		}
		var low []int
		for _, c := range cont {
			if len(low) == 0 || votes[c] < votes[low[0]] {
				low = []int{c}
			} else if votes[c] == votes[low[0]] {
				low = append(low, c)
			}
		}
		x := tb.pick(low, false, len(r.Stages), PurposeExclusion)
		state[x] = excluded
		var nonTrans int64
		for _, pi := range held[x] {
			p := &papers[pi]
			moved := false
			for p.pos++; p.pos < len(p.prefs); p.pos++ {
				if c := p.prefs[p.pos]; state[c] == continuing {
					held[c] = append(held[c], pi)
					votes[c] += p.w
					changes[c] += p.w
					moved = true
					break
				}
			}
			if !moved {
				nonTrans += p.w
			}
		}
		changes[x] -= votes[x]
		total := votes[x]
		votes[x] = 0
		held[x] = nil
		record(Stage{Kind: StageExclusion, Subject: x, Excluded: []int{x},
			Why: phrase("%s has the fewest votes (%s) and is excluded", e.Candidates[x], Decimal{total}.String())}, nonTrans)
	}
	r.TieBreaks = tb.breaks
	return r, nil
}
