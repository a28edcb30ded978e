package tally

import (
	"cmp"
	"fmt"
	"slices"
)

// Scottish STV counts in units of 0.00001 (rule 48(3): transfer values to
// five decimal places, any remainder ignored).
const (
	scotScale   = 100_000
	scotToUnits = decScale / scotScale // Decimal units per Scottish unit
)

func scotDec(v int64) Decimal { return Decimal{v * scotToUnits} }

// Candidate states during an STV count.
const (
	continuing = iota
	elected
	excluded
)

// scotParcel is a group of identical ballot papers: they share their
// preferences, so they travel together and always have the same value.
type scotParcel struct {
	start, end int32 // prefs[start:end] are the preferences
	pos        int32 // index in prefs of the candidate holding the papers
	count      int64 // number of papers
	value      int64 // value of each paper, in units of 0.00001
}

// scotCount is the state of a count under the Scottish rules.
type scotCount struct {
	e       *Election
	prefs   []int32
	parcels []scotParcel
	held    [][]int32 // parcels held by each candidate
	votes   []int64   // in units of 0.00001
	state   []int
	pending []bool // elected with a surplus still to transfer
	quota   int64
	seats   int
	elected []int
	tb      *tieBreaker
	stages  []Stage
	changes []int64
}

// countScottish counts e under the Scottish Local Government Elections
// Order 2007 (SSI 2007/42), Schedule 1, rules 45 to 52:
//
//   - 45, 46: the valid papers are counted by first preference; the quota
//     is the number of valid papers divided by seats+1, any decimals
//     ignored, plus one.
//   - 47: a candidate whose votes equal or exceed the quota is elected.
//   - 48: a surplus is transferred from all the papers the elected
//     candidate holds, each at value surplus × (the paper's value when
//     received) ÷ (the candidate's total), truncated to five places; a
//     paper passes to the next continuing candidate it names.
//   - 49: the largest surplus goes first; equal surpluses are ordered by
//     the most recent preceding stage at which the totals differed, else
//     by lot.
//   - 50, 51: when no surplus remains, the candidate with the fewest votes
//     is excluded and all of their papers pass on at the value they have;
//     ties go by the most recent preceding stage at which the totals
//     differed, else by lot.
//   - 52: when the continuing candidates are no more than the seats left,
//     they are deemed elected and no further transfer is made.
//
// Ballot weights must be whole numbers: they are numbers of papers.
func countScottish(e *Election, opts Options) (*Result, error) {
	for i, b := range e.Ballots {
		if !b.Weight.IsInt() {
			return nil, fmt.Errorf("ballot %d has weight %s; Scottish STV counts whole ballot papers: %w", i+1, b.Weight, ErrElection)
		}
	}
	n := len(e.Candidates)
	s := &scotCount{
		e:       e,
		held:    make([][]int32, n),
		votes:   make([]int64, n),
		state:   make([]int, n),
		pending: make([]bool, n),
		seats:   e.Seats,
		changes: make([]int64, n),
		tb:      &tieBreaker{cands: e.Candidates, lot: newLot(opts.Seed)},
	}
	gone := withdrawnSet(e)
	for _, w := range e.Withdrawn {
		s.state[w] = excluded
	}
	// Rule 45: sort the valid papers by first preference.
	var valid int64
	var buf []int
	for _, b := range e.Ballots {
		buf = strictPrefsInto(buf[:0], b.Ranking, gone)
		if len(buf) == 0 || b.Weight.IsZero() {
			continue // no valid first preference: not a valid paper
		}
		start := int32(len(s.prefs))
		for _, c := range buf {
			s.prefs = append(s.prefs, int32(c))
		}
		cnt := b.Weight.IntPart()
		p := scotParcel{start: start, end: int32(len(s.prefs)), pos: start, count: cnt, value: scotScale}
		s.parcels = append(s.parcels, p)
		first := buf[0]
		s.held[first] = append(s.held[first], int32(len(s.parcels)-1))
		s.votes[first] += cnt * scotScale
		s.changes[first] += cnt * scotScale
		valid += cnt
	}
	// Rule 46.
	s.quota = (valid/int64(e.Seats+1) + 1) * scotScale
	s.record(Stage{Kind: StageFirst, Subject: -1, Why: phrase("%d valid papers; quota %d ÷ %d + 1 = %d", valid, valid, e.Seats+1, s.quota/scotScale)}, 0, 0)

	for {
		s.electQuota()
		if len(s.elected) >= s.seats {
			break
		}
		if s.fillLast() {
			break
		}
		if c := s.nextSurplus(); c >= 0 {
			s.transferSurplus(c)
			continue
		}
		s.exclude(s.lowest())
	}
	r := &Result{
		Elected:   s.elected,
		Quota:     scotDec(s.quota),
		Stages:    s.stages,
		TieBreaks: s.tb.breaks,
	}
	return r, nil
}

// strictPrefsInto appends to buf the ballot's preferences as STV reads
// them: up to the first equal preference, without withdrawn candidates.
func strictPrefsInto(buf []int, ranking [][]int, gone []bool) []int {
	for _, rank := range ranking {
		live, last := 0, -1
		for _, c := range rank {
			if !gone[c] {
				live++
				last = c
			}
		}
		if live > 1 {
			break
		}
		if live == 1 {
			buf = append(buf, last)
		}
	}
	return buf
}

// record closes a stage: it notes the totals and changes and appends it to
// the count sheet and to the tie-breaker's history.
func (s *scotCount) record(st Stage, nonTrans, lost int64) {
	n := len(s.votes)
	st.Number = len(s.stages) + 1
	st.Totals = make([]Decimal, n)
	st.Changes = make([]Decimal, n)
	for c := range n {
		st.Totals[c] = scotDec(s.votes[c])
		st.Changes[c] = scotDec(s.changes[c])
		s.changes[c] = 0
	}
	st.NonTransferable = scotDec(nonTrans)
	st.Lost = scotDec(lost)
	st.Quota = scotDec(s.quota)
	s.stages = append(s.stages, st)
	s.tb.history = append(s.tb.history, slices.Clone(s.votes))
}

// cur returns the stage last recorded.
func (s *scotCount) cur() *Stage { return &s.stages[len(s.stages)-1] }

// electQuota elects (rule 47) every continuing candidate at or above the
// quota, the highest first.
func (s *scotCount) electQuota() {
	var over []int
	for c, v := range s.votes {
		if s.state[c] == continuing && v >= s.quota {
			over = append(over, c)
		}
	}
	for len(over) > 0 && len(s.elected) < s.seats {
		best := s.highest(over, PurposeElection)
		s.state[best] = elected
		s.pending[best] = s.votes[best] > s.quota
		s.elected = append(s.elected, best)
		s.cur().Elected = append(s.cur().Elected, best)
		over = slices.DeleteFunc(over, func(c int) bool { return c == best })
	}
}

// highest returns the candidate of cands with the most votes, ties broken
// by rule 49(2) and (3).
func (s *scotCount) highest(cands []int, purpose string) int {
	best := slices.MaxFunc(cands, func(a, b int) int { return cmp.Compare(s.votes[a], s.votes[b]) })
	var tied []int
	for _, c := range cands {
		if s.votes[c] == s.votes[best] {
			tied = append(tied, c)
		}
	}
	return s.tb.pick(tied, true, len(s.stages), purpose)
}

// fillLast applies rule 52: when the continuing candidates are no more than
// the vacancies left, they are deemed elected, in order of their votes.
func (s *scotCount) fillLast() bool {
	var cont []int
	for c, st := range s.state {
		if st == continuing {
			cont = append(cont, c)
		}
	}
	if len(cont) > s.seats-len(s.elected) {
		return false
	}
	for len(cont) > 0 {
		best := s.highest(cont, PurposeElection)
		s.state[best] = elected
		s.elected = append(s.elected, best)
		s.cur().DeemedElected = append(s.cur().DeemedElected, best)
		cont = slices.DeleteFunc(cont, func(c int) bool { return c == best })
	}
	return true
}

// nextSurplus returns the elected candidate whose surplus goes next
// (rule 49), or -1 when none is pending.
func (s *scotCount) nextSurplus() int {
	var pend []int
	for c, p := range s.pending {
		if p {
			pend = append(pend, c)
		}
	}
	if len(pend) == 0 {
		return -1
	}
	return s.highest(pend, PurposeSurpluses)
}

// lowest returns the continuing candidate to exclude (rules 50(1), 51).
func (s *scotCount) lowest() int {
	var low []int
	for c, st := range s.state {
		if st != continuing {
			continue
		}
		if len(low) == 0 || s.votes[c] < s.votes[low[0]] {
			low = append(low[:0], c)
		} else if s.votes[c] == s.votes[low[0]] {
			low = append(low, c)
		}
	}
	return s.tb.pick(low, false, len(s.stages), PurposeExclusion)
}

// move passes parcel p on to the next continuing candidate it names, at
// the value it now has; it returns false when the parcel has no further
// preference (non-transferable).
func (s *scotCount) move(pi int32) bool {
	p := &s.parcels[pi]
	for i := p.pos + 1; i < p.end; i++ {
		c := s.prefs[i]
		if s.state[c] == continuing {
			p.pos = i
			s.held[c] = append(s.held[c], pi)
			v := p.count * p.value
			s.votes[c] += v
			s.changes[c] += v
			return true
		}
	}
	p.pos = p.end
	return false
}

// transferSurplus transfers the surplus of elected candidate c (rule 48).
func (s *scotCount) transferSurplus(c int) {
	total := s.votes[c]
	surplus := total - s.quota
	var moved, nonTrans int64
	for _, pi := range s.held[c] {
		p := &s.parcels[pi]
		// Rule 48(3): surplus × value when received ÷ total votes, to five
		// places, any remainder ignored.
		p.value = surplus * p.value / total
		if s.move(pi) {
			moved += p.count * p.value
		} else {
			nonTrans += p.count * p.value
		}
	}
	s.held[c] = nil
	s.pending[c] = false
	s.votes[c] = s.quota
	s.changes[c] -= surplus
	tv := surplus * scotScale / total
	s.record(Stage{
		Kind:          StageSurplus,
		Subject:       c,
		TransferValue: scotDec(tv),
		Why: phrase("%s has %s, quota %s, surplus %s; each paper passes at surplus × its value ÷ %s, to five places: %s for a paper of value 1",
			s.e.Candidates[c], scotDec(total).StringFixed(5), scotDec(s.quota).StringFixed(5),
			scotDec(surplus).StringFixed(5), scotDec(total).StringFixed(5), scotDec(tv).StringFixed(5)),
	}, nonTrans, surplus-moved-nonTrans)
}

// exclude excludes candidate c and passes on all their papers at their
// present value (rule 50).
func (s *scotCount) exclude(c int) {
	s.state[c] = excluded
	total := s.votes[c]
	var nonTrans int64
	for _, pi := range s.held[c] {
		if !s.move(pi) {
			p := &s.parcels[pi]
			nonTrans += p.count * p.value
		}
	}
	s.held[c] = nil
	s.votes[c] = 0
	s.changes[c] -= total
	s.record(Stage{
		Kind:     StageExclusion,
		Subject:  c,
		Excluded: []int{c},
		Why:      phrase("%s has the fewest votes (%s) and is excluded", s.e.Candidates[c], scotDec(total).StringFixed(5)),
	}, nonTrans, 0)
}
