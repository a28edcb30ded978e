package tally

import (
	"cmp"
	"fmt"
	"math/bits"
	"slices"
)

// mulDiv returns a×b÷c rounded down, or up when up is set; a, b ≥ 0,
// c > 0 and the result must fit in 63 bits.
func mulDiv(a, b, c int64, up bool) int64 {
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	q, r := bits.Div64(hi, lo, uint64(c))
	if up && r != 0 {
		q++
	}
	return int64(q)
}

// meekOmega is the tolerance of Meek's iteration, 0.000001 in units of
// 1e-9: the iteration of a round stops when the elected candidates'
// surpluses together fall below it (reference rule, step A). It is the
// reference rule's own value, chosen so that a count agrees digit for digit
// with other implementations of the rule; a smaller tolerance would iterate
// longer to no different result at nine places.
const meekOmega = 1_000

// countMeek counts e by Meek's method as the Proportional Representation
// Foundation's Meek reference rule states it (prfound.org, "Meek STV
// reference rule"; the method of Hill, Wichmann and Woodall, Computer
// Journal 30(3), 1987, Algorithm 123), in nine-place fixed-point
// arithmetic. The steps, by the rule's own letters:
//
//   - A: every hopeful candidate's keep factor is 1, a withdrawn
//     candidate's 0; the tolerance omega is 0.000001 (meekOmega).
//   - B.1: the count is complete when every seat is filled, or when the
//     hopeful candidates are no more than the seats left (C.1 then elects
//     them).
//   - B.2.a: each paper starts with weight 1; for each candidate in the
//     order of its preferences, the candidate is credited the weight times
//     their keep factor, rounded up to nine places, and the weight is
//     reduced by that amount, until the weight is 0 or the preferences end.
//     Identical papers travel together, and each is credited exactly as a
//     paper alone would be: a group of n papers credits n times what one
//     paper credits, so results do not depend on how papers are grouped.
//   - B.2.b: the quota is the votes credited to all candidates, divided by
//     seats + 1, truncated to nine places, plus 0.000000001.
//   - B.2.c: every hopeful candidate at or above the quota is elected.
//   - B.2.d, e: when nobody was elected, the iteration stops once the
//     total surplus of the elected is below omega, or (after the first
//     iteration of a round) no smaller than in the iteration before.
//   - B.2.f: each elected candidate's keep factor becomes their keep
//     factor times the quota, rounded up to nine places, divided by their
//     votes, rounded up to nine places; and the papers are credited again.
//   - B.3: the hopeful candidate with the fewest votes is defeated; every
//     hopeful candidate with no more than the fewest votes plus the total
//     surplus is tied with them. plenum breaks the tie as it breaks ties in
//     the other STV methods: by the most recent earlier stage of the count
//     sheet at which the tied candidates' votes differed, then by lot (the
//     reference rule's procedure T orders the candidates by a lot drawn
//     before the count instead; the two differ only where a lot decides).
//
// A stage of the count sheet is recorded for the first preferences, at
// each round that ends in an election after iterating, and at each
// defeat, with the totals after the defeated candidate's papers are
// credited onwards. Ballot weights must be whole numbers: they are
// numbers of papers.
func countMeek(e *Election, opts Options) (*Result, error) {
	for i, b := range e.Ballots {
		if !b.Weight.IsInt() {
			return nil, fmt.Errorf("ballot %d has weight %s; Meek's method counts whole ballot papers: %w", i+1, b.Weight, ErrElection)
		}
	}
	n := len(e.Candidates)
	gone := withdrawnSet(e)
	type parcel struct {
		prefs []int
		count int64 // identical papers
	}
	var parcels []parcel
	var total int64
	for _, b := range e.Ballots {
		p := strictPrefs(b.Ranking, gone)
		if len(p) == 0 || b.Weight.IsZero() {
			continue
		}
		parcels = append(parcels, parcel{p, b.Weight.IntPart()})
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
	var residual, quota int64
	// distribute is step B.2.a with the quota of B.2.b.
	distribute := func() {
		clear(votes)
		residual = 0
		for _, p := range parcels {
			w := int64(decScale) // the weight of one paper
			for _, c := range p.prefs {
				k := keep[c]
				if k == 0 {
					continue
				}
				give := mulDiv(w, k, decScale, true)
				votes[c] += give * p.count
				w -= give
				if w <= 0 {
					break
				}
			}
			residual += w * p.count
		}
		var credited int64
		for _, v := range votes {
			credited += v
		}
		quota = credited/int64(e.Seats+1) + 1
	}
	surplus := func() int64 {
		var s int64
		for c := range n {
			if state[c] == elected {
				s += votes[c] - quota
			}
		}
		return max(s, 0)
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
	tb := &tieBreaker{cands: e.Candidates, lot: newLot(opts.Seed)}
	r := &Result{}
	iterations := 0
	record := func(st Stage) {
		st.Number = len(r.Stages) + 1
		st.Totals = make([]Decimal, n)
		st.Changes = make([]Decimal, n)
		for c := range n {
			st.Totals[c] = Decimal{votes[c]}
			st.Changes[c] = Decimal{votes[c] - prev[c]}
		}
		copy(prev, votes)
		st.NonTransferable = Decimal{residual}
		st.Quota = Decimal{quota}
		st.Iterations = iterations
		iterations = 0
		r.Stages = append(r.Stages, st)
		tb.history = append(tb.history, slices.Clone(votes))
	}
	// elect elects the candidates of cands, the most votes first, into the
	// stage last recorded.
	elect := func(cands []int, deemed bool) {
		st := &r.Stages[len(r.Stages)-1]
		for len(cands) > 0 && len(r.Elected) < e.Seats {
			top := slices.MaxFunc(cands, func(a, b int) int { return cmp.Compare(votes[a], votes[b]) })
			var tied []int
			for _, c := range cands {
				if votes[c] == votes[top] {
					tied = append(tied, c)
				}
			}
			c := tb.pick(tied, true, st.Number, PurposeElection)
			state[c] = elected
			r.Elected = append(r.Elected, c)
			if deemed {
				st.DeemedElected = append(st.DeemedElected, c)
			} else {
				st.Elected = append(st.Elected, c)
			}
			cands = slices.DeleteFunc(cands, func(x int) bool { return x == c })
		}
	}
	// electOver is B.2.c: it elects every hopeful candidate at or above the
	// quota into the stage last recorded, and says whether there was one.
	electOver := func() bool {
		var over []int
		for _, c := range hopeful() {
			if votes[c] >= quota {
				over = append(over, c)
			}
		}
		elect(over, false)
		return len(over) > 0
	}
	anyOver := func() bool {
		for _, c := range hopeful() {
			if votes[c] >= quota {
				return true
			}
		}
		return false
	}
	distribute()
	iterations = 1
	record(Stage{Kind: StageFirst, Subject: -1, Why: phrase("first preferences, every keep factor one")})
	electOver()
	stale := false // keep factors changed since the papers were last credited
	defeated := -1 // the candidate the last round defeated
	for {
		// B.1.
		if len(r.Elected) >= e.Seats {
			break
		}
		if h := hopeful(); len(h) <= e.Seats-len(r.Elected) {
			elect(h, true) // C.1, without crediting the papers again
			break
		}
		// B.2: credit the papers, and iterate the keep factors until
		// someone reaches the quota or the surplus is below omega or
		// stops falling.
		last, s := int64(-1), int64(0)
		roundElected := false
		for {
			if stale {
				distribute()
				iterations++
				stale = false
				if anyOver() {
					why := phrase("surpluses credited onwards by iterating the keep factors")
					if defeated >= 0 && iterations == 1 {
						why = phrase("the papers of %s credited onwards", e.Candidates[defeated])
					}
					record(Stage{Kind: StageSurplus, Subject: -1, Why: why})
					electOver()
					roundElected = true
					break
				}
			}
			s = surplus()
			if s < meekOmega || last >= 0 && s >= last {
				break
			}
			last = s
			for c := range n {
				if state[c] == elected {
					keep[c] = mulDiv(mulDiv(keep[c], quota, decScale, true), decScale, votes[c], true)
				}
			}
			stale = true
		}
		defeated = -1
		if roundElected {
			continue
		}
		// B.3: defeat the lowest; within the total surplus of it is a tie.
		h := hopeful()
		low := votes[h[0]]
		for _, c := range h {
			low = min(low, votes[c])
		}
		var tied []int
		for _, c := range h {
			if votes[c] <= low+s {
				tied = append(tied, c)
			}
		}
		// The totals now may differ from the last recorded stage after
		// iterating; look back from that stage if so.
		lastStage := len(tb.history) - 1
		if slices.Equal(votes, tb.history[lastStage]) {
			lastStage--
		}
		x := tb.pickBefore(tied, false, len(r.Stages)+1, PurposeExclusion, lastStage)
		why := phrase("the total surplus is below 0.000001")
		if s >= meekOmega {
			why = phrase("the total surplus (%s) has stopped falling", Decimal{s}.String())
		}
		record(Stage{Kind: StageExclusion, Subject: x, Excluded: []int{x},
			Why: why.then(phrase("%s has the fewest votes (%s) and is excluded; the papers pass on at the next stage", e.Candidates[x], Decimal{votes[x]}.String()))})
		state[x], keep[x] = excluded, 0
		stale, defeated = true, x
		iterations = 0
	}
	r.Quota = Decimal{quota}
	r.TieBreaks = tb.breaks
	return r, nil
}
