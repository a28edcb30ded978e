package tally

import (
	"slices"
)

// EarlierMeek counts e by Meek STV as plenum counted it from its first
// records (2026-11-26) until 2026-12-02, when Meek came to follow the PR
// Foundation's reference rule (commit 8384d87): a line of identical
// papers rounded once rather than each paper alone, the keep factor
// rounded once, omega 0.00001. It is no version of the counting rules:
// the records of that time name none, and the same records name none
// from 2026-12-02 until the counting rules had versions, when Meek
// counted as v1 does. So plenum counts an stv-meek election whose record
// names no counting rules by v1 and, where v1 does not bear out its
// declaration, by EarlierMeek (assembly, earlierMeek); an stv-meek
// election opened since names its counting rules.
//
// Frozen: the code below is the countMeek of 8384d87's parent as it
// stood, but for the words of its stages' reasons, which are Phrases in
// the words Meek v1 uses for the same stages (so that the catalogs say
// them), and the names of the purposes of ties (the same strings).
// TestEarlierMeekAsItWas compares its count sheets with the ones that
// code made (testdata/rules/earlier-meek.golden).
func EarlierMeek(e *Election, opts Options) (*Result, error) {
	return countWith(MethodMeekSTV, e, opts, countEarlierMeek)
}

// Meek's method stops iterating when the elected candidates' surpluses
// together fall below 0.00001 or stop falling.
const earlierMeekTolerance = 10_000 // units of 1e-9

// countEarlierMeek counts e by Meek's method as specified by Hill, Wichmann and
// Woodall (Computer Journal 30(3), 1987, Algorithm 123), in nine-place
// fixed-point arithmetic. Every candidate has a keep value, the share of
// each vote reaching them that they keep: one while hopeful, zero once
// excluded, and for an elected candidate a value found by iteration so
// that they keep just the quota. A ballot passes on what is not kept to
// its next preference; what passes beyond its last preference is excess.
// The quota is (votes − excess) ÷ (seats + 1), truncated to nine places,
// plus 0.000000001. Amounts kept are rounded up, as the algorithm
// prescribes. When no hopeful candidate reaches the quota and the
// iteration has converged, the hopeful candidate with the fewest votes is
// excluded; ties are broken as under the Scottish rules (most recent
// differing stage, then lot). A stage of the count sheet is recorded at
// each election and exclusion.
func countEarlierMeek(e *Election, opts Options) (*Result, error) {
	n := len(e.Candidates)
	gone := withdrawnSet(e)
	type paper struct {
		prefs []int
		w     int64
	}
	var papers []paper
	var total int64
	for _, b := range e.Ballots {
		p := strictPrefs(b.Ranking, gone)
		if len(p) == 0 || b.Weight.IsZero() {
			continue
		}
		papers = append(papers, paper{p, b.Weight.u})
		total += b.Weight.u
	}
	state := make([]int, n)
	keep := make([]int64, n)
	for c := range n {
		keep[c] = decScale
		if gone[c] {
			state[c], keep[c] = excluded, 0
		}
	}
	votes := make([]int64, n)
	prev := make([]int64, n)
	var excess, quota int64
	distribute := func() {
		clear(votes)
		excess = 0
		for _, p := range papers {
			w := p.w
			for _, c := range p.prefs {
				k := keep[c]
				if k == 0 {
					continue
				}
				if k == decScale {
					votes[c] += w
					w = 0
					break
				}
				give := mulDiv(w, k, decScale, true)
				votes[c] += give
				w -= give
				if w == 0 {
					break
				}
			}
			excess += w
		}
		quota = (total-excess)/int64(e.Seats+1) + 1
	}
	tb := &tieBreaker{cands: e.Candidates, lot: newLot(opts.Seed)}
	r := &Result{}
	iterations := 0
	record := func(st Stage) *Stage {
		st.Number = len(r.Stages) + 1
		st.Totals = make([]Decimal, n)
		st.Changes = make([]Decimal, n)
		for c := range n {
			st.Totals[c] = Decimal{votes[c]}
			st.Changes[c] = Decimal{votes[c] - prev[c]}
		}
		copy(prev, votes)
		st.NonTransferable = Decimal{excess}
		st.Quota = Decimal{quota}
		st.Iterations = iterations
		iterations = 0
		r.Stages = append(r.Stages, st)
		tb.history = append(tb.history, slices.Clone(votes))
		return &r.Stages[len(r.Stages)-1]
	}
	hopeful := func() []int {
		var h []int
		for c := range n {
			if state[c] == continuing {
				h = append(h, c)
			}
		}
		return h
	}
	distribute()
	iterations = 1
	record(Stage{Kind: StageFirst, Subject: -1, Why: phrase("first preferences, every keep factor one")})
	lastSurplus := int64(-1)
	for len(r.Elected) < e.Seats {
		st := &r.Stages[len(r.Stages)-1]
		// Elect every hopeful candidate at or above the quota, highest first.
		var over []int
		for _, c := range hopeful() {
			if votes[c] >= quota {
				over = append(over, c)
			}
		}
		for len(over) > 0 && len(r.Elected) < e.Seats {
			top := slices.MaxFunc(over, func(a, b int) int { return int(votes[a] - votes[b]) })
			var tied []int
			for _, c := range over {
				if votes[c] == votes[top] {
					tied = append(tied, c)
				}
			}
			c := tb.pick(tied, true, st.Number, PurposeElection)
			state[c] = elected
			r.Elected = append(r.Elected, c)
			st.Elected = append(st.Elected, c)
			over = slices.DeleteFunc(over, func(x int) bool { return x == c })
		}
		if len(r.Elected) >= e.Seats {
			break
		}
		if h := hopeful(); len(h) <= e.Seats-len(r.Elected) {
			for len(h) > 0 {
				top := slices.MaxFunc(h, func(a, b int) int { return int(votes[a] - votes[b]) })
				var tied []int
				for _, c := range h {
					if votes[c] == votes[top] {
						tied = append(tied, c)
					}
				}
				c := tb.pick(tied, true, st.Number, PurposeElection)
				state[c] = elected
				r.Elected = append(r.Elected, c)
				st.DeemedElected = append(st.DeemedElected, c)
				h = slices.DeleteFunc(h, func(x int) bool { return x == c })
			}
			break
		}
		// Iterate the keep values until a hopeful candidate reaches the
		// quota or the surpluses converge.
		newlyElected := false
		for {
			var surplus int64
			for c := range n {
				if state[c] == elected && votes[c] > quota {
					surplus += votes[c] - quota
				}
			}
			if surplus < earlierMeekTolerance || (lastSurplus >= 0 && surplus >= lastSurplus) {
				break
			}
			lastSurplus = surplus
			for c := range n {
				if state[c] == elected && votes[c] > 0 {
					keep[c] = min(mulDiv(keep[c], quota, votes[c], true), decScale)
				}
			}
			distribute()
			iterations++
			reached := false
			for _, c := range hopeful() {
				if votes[c] >= quota {
					reached = true
				}
			}
			if reached {
				newlyElected = true
				break
			}
		}
		lastSurplus = -1
		if newlyElected {
			record(Stage{Kind: StageSurplus, Subject: -1, Why: phrase("surpluses credited onwards by iterating the keep factors")})
			continue
		}
		// Exclude the hopeful candidate with the fewest votes.
		var low []int
		for _, c := range hopeful() {
			if len(low) == 0 || votes[c] < votes[low[0]] {
				low = []int{c}
			} else if votes[c] == votes[low[0]] {
				low = append(low, c)
			}
		}
		// The totals now may differ from the last recorded stage after
		// iterating; look back from that stage if so.
		last := len(tb.history) - 1
		if slices.Equal(votes, tb.history[last]) {
			last--
		}
		x := tb.pickBefore(low, false, len(r.Stages)+1, "exclusion", last)
		had := votes[x]
		state[x], keep[x] = excluded, 0
		distribute()
		iterations++
		record(Stage{Kind: StageExclusion, Subject: x, Excluded: []int{x},
			Why: phrase("%s has the fewest votes (%s) and is excluded", e.Candidates[x], Decimal{had})})
	}
	r.Quota = Decimal{quota}
	r.TieBreaks = tb.breaks
	return r, nil
}
