package tally

import (
	"cmp"
	"fmt"
	"slices"
)

// ERS97 counts in hundredths of a vote (5.1.6, 5.3.7: two decimal places).
const (
	ersScale   = 100
	ersToUnits = decScale / ersScale // Decimal units per hundredth
)

func ersDec(v int64) Decimal { return Decimal{v * ersToUnits} }

// ersBatch is a batch (6.1): papers received in one transfer, all of one
// value; the parcels are groups of identical papers.
type ersBatch struct {
	parcels []int32
	value   int64 // of each paper, in hundredths
}

// ersParcel is a group of identical papers travelling together.
type ersParcel struct {
	prefs []int32
	pos   int32 // index in prefs of the candidate holding the papers
	count int64 // number of papers
}

// ersCount is the state of a count under the ERS97 rules.
type ersCount struct {
	e        *Election
	parcels  []ersParcel
	batches  [][]ersBatch // the batches each candidate holds, in the order received
	votes    []int64      // in hundredths
	changes  []int64
	state    []int
	pending  []bool // deemed elected with a surplus not yet transferred
	quota    int64
	total    int64 // the total valid vote, in hundredths
	nonTrans int64 // non-transferable votes so far, in hundredths
	seats    int
	elected  []int
	tb       *tieBreaker
	stages   []Stage
	stage    int // the stage of the count (5.2.4, 5.2.7), batches being sub-stages
}

// countERS97 counts e under the Electoral Reform Society's rules for STV
// of 1997 (R. A. Newland and F. S. Britton, "How to conduct an election by
// the Single Transferable Vote", 3rd edition, ERS 1997), section 5:
//
//   - 5.1.6: the quota is the total valid vote divided by seats + 1, to
//     two decimal places; a remainder is dropped and 0.01 added.
//   - 5.1.7, 5.3.13, 5.4.9: in descending order of votes, up to the places
//     left, a continuing candidate is deemed elected whose vote reaches
//     the quota or, where that is less, the total active vote divided by
//     one more than the places not yet filled (5.6.1: the total valid vote
//     less the non-transferable votes and less the quota, or the vote if
//     less, of each candidate deemed elected). A candidate with no votes
//     is not deemed elected by the second test.
//   - 5.6.2: candidates with equal votes and too few places for them all
//     go in order of their votes at the first stage, or the earliest point
//     after a batch at which they differed; equal throughout, none of them
//     is deemed elected at that stage.
//   - 5.2.2: the surpluses are deferred while their total does not exceed
//     the gap between the lowest candidate and the next above, or between
//     a group of lowest candidates that 5.2.5 could exclude together and
//     the candidate next above.
//   - 5.2.3: otherwise the largest surplus is transferred; equal ones go by
//     the first stage or the earliest point at which the candidates'
//     votes differed, then by lot.
//   - 5.3: a surplus arising at the first stage is transferred from all
//     the candidate's papers, a later one from the last batch received
//     only. If the transferable papers are worth more than the surplus,
//     each passes at the surplus divided by their number, to two places,
//     the remainder dropped (and counted non-transferable); otherwise at
//     its present value. Papers with no next available preference stay.
//   - 5.2.5: when no surplus is transferred, as many of the lowest
//     candidates as possible are excluded together, provided that enough
//     remain to fill the places and that their votes with the deferred
//     surpluses do not exceed the vote of the candidate next above;
//     candidates with equal votes are excluded together or not at all.
//     If no such group exists, the lowest is excluded, equal lowest going
//     by the first stage or earliest point at which they differed, then by
//     lot.
//   - 5.4: the excluded candidates' papers pass on in batches, the highest
//     value first, each at its present value, each batch a sub-stage
//     (a stage of the count sheet here) after which candidates are deemed
//     elected (5.4.9) and receive no more papers (5.4.10). While nobody
//     is deemed elected the quota is recalculated without the
//     non-transferable votes (5.4.8).
//   - 5.5.1, 4.3: when an exclusion would leave no more continuing
//     candidates than places, or no more remain, they are deemed elected;
//     5.5.2: once every place is filled the count stops.
//
// Ballot weights must be whole numbers: they are numbers of papers.
func countERS97(e *Election, opts Options) (*Result, error) {
	for i, b := range e.Ballots {
		if !b.Weight.IsInt() {
			return nil, fmt.Errorf("ballot %d has weight %s; ERS97 counts whole ballot papers: %w", i+1, b.Weight, ErrElection)
		}
	}
	n := len(e.Candidates)
	s := &ersCount{
		e:       e,
		batches: make([][]ersBatch, n),
		votes:   make([]int64, n),
		changes: make([]int64, n),
		state:   make([]int, n),
		pending: make([]bool, n),
		seats:   e.Seats,
		tb:      &tieBreaker{cands: e.Candidates, lot: newLot(opts.Seed), forward: true},
	}
	gone := withdrawnSet(e)
	for _, w := range e.Withdrawn {
		s.state[w] = excluded
	}
	// 5.1.2: the valid papers, sorted by first preference.
	first := make([][]int32, n)
	var buf []int
	for _, b := range e.Ballots {
		buf = strictPrefsInto(buf[:0], b.Ranking, gone)
		if len(buf) == 0 || b.Weight.IsZero() {
			continue
		}
		p := ersParcel{count: b.Weight.IntPart()}
		for _, c := range buf {
			p.prefs = append(p.prefs, int32(c))
		}
		s.parcels = append(s.parcels, p)
		c := buf[0]
		first[c] = append(first[c], int32(len(s.parcels)-1))
		v := p.count * ersScale
		s.votes[c] += v
		s.changes[c] += v
		s.total += v
	}
	for c := range n {
		if len(first[c]) > 0 {
			s.batches[c] = []ersBatch{{parcels: first[c], value: ersScale}}
		}
	}
	s.quota = s.quotaOf(s.total)
	s.stage = 1
	s.record(Stage{Kind: StageFirst, Subject: -1, Why: phrase("total valid vote %s; quota %s ÷ %d, to two places, = %s (5.1.6)",
		ersDec(s.total).StringFixed(2), ersDec(s.total).StringFixed(2), e.Seats+1, ersDec(s.quota).StringFixed(2))})
	s.deemElected()
	for len(s.elected) < s.seats {
		cont := s.continuing()
		if len(cont) <= s.seats-len(s.elected) {
			s.deemRest(cont, phrase("no more continuing candidates than places left (4.3)"))
			break
		}
		var surplus int64
		for c := range n {
			if s.pending[c] {
				surplus += s.votes[c] - s.quota
			}
		}
		losers := s.sureLosers(cont, surplus)
		if surplus > 0 && len(losers) == 0 {
			s.transferSurplus()
			s.deemElected()
			continue
		}
		if len(losers) == 0 {
			losers = []int{s.lowest(cont)}
		}
		if len(cont)-len(losers) <= s.seats-len(s.elected) {
			for _, c := range losers {
				s.state[c] = excluded
			}
			s.stage++
			s.record(Stage{Kind: StageExclusion, Subject: losers[0], Excluded: losers,
				Why: phrase("excluding %s leaves no more continuing candidates than places (5.5.1)", nameList(e.Candidates, losers))})
			s.deemRest(s.continuing(), phrase("the rest are deemed elected (5.5.1)"))
			break
		}
		s.exclude(losers, surplus)
	}
	return &Result{
		Elected:   s.elected,
		Quota:     ersDec(s.quota),
		Stages:    s.stages,
		TieBreaks: s.tb.breaks,
	}, nil
}

// quotaOf is 5.1.6: valid ÷ (seats + 1) to two places, rounded up.
func (s *ersCount) quotaOf(valid int64) int64 {
	q, r := valid/int64(s.seats+1), valid%int64(s.seats+1)
	if r != 0 {
		q++
	}
	return q
}

func (s *ersCount) continuing() []int {
	var out []int
	for c, st := range s.state {
		if st == continuing {
			out = append(out, c)
		}
	}
	return out
}

// record closes a row of the count sheet and a point for looking back.
func (s *ersCount) record(st Stage) {
	n := len(s.votes)
	st.Number = len(s.stages) + 1
	if st.Number != s.stage {
		// Batches of an exclusion make rows of their own (5.4.11): say
		// which stage of the count the row belongs to.
		st.Why = phrase("stage %d of the count: %s", s.stage, st.Why)
	}
	st.Totals = make([]Decimal, n)
	st.Changes = make([]Decimal, n)
	for c := range n {
		st.Totals[c] = ersDec(s.votes[c])
		st.Changes[c] = ersDec(s.changes[c])
		s.changes[c] = 0
	}
	st.Quota = ersDec(s.quota)
	s.stages = append(s.stages, st)
	s.tb.history = append(s.tb.history, slices.Clone(s.votes))
}

func (s *ersCount) cur() *Stage { return &s.stages[len(s.stages)-1] }

// activeVote is 5.6.1: the total valid vote less the non-transferable
// votes and less, for each candidate deemed elected, the quota or their
// vote if less.
func (s *ersCount) activeVote() int64 {
	a := s.total - s.nonTrans
	for _, c := range s.elected {
		a -= min(s.votes[c], s.quota)
	}
	return a
}

// deemElected is 5.1.7, 5.3.13 and 5.4.9 with 5.6.2, repeated while
// electing someone lowers the active vote enough to elect another.
func (s *ersCount) deemElected() {
	for len(s.elected) < s.seats {
		places := s.seats - len(s.elected)
		active := s.activeVote()
		var over []int
		for _, c := range s.continuing() {
			v := s.votes[c]
			if v > 0 && (v >= s.quota || v*int64(places+1) >= active) {
				over = append(over, c)
			}
		}
		if len(over) == 0 {
			return
		}
		slices.SortStableFunc(over, func(a, b int) int { return cmp.Compare(s.votes[b], s.votes[a]) })
		if len(over) > places {
			// 5.6.2: those tied across the boundary go by the earliest
			// point at which they differed, or not at all.
			edge := s.votes[over[places-1]]
			var above, tied []int
			for _, c := range over {
				switch {
				case s.votes[c] > edge:
					above = append(above, c)
				case s.votes[c] == edge:
					tied = append(tied, c)
				}
			}
			take := places - len(above)
			chosen := s.orderTied(tied, take)
			over = append(above, chosen...)
			if len(chosen) < take {
				s.cur().Why = s.cur().Why.then(phrase("%s have had equal votes throughout, and there are not places for them all: none of them is deemed elected at this stage (5.6.2)", nameList(s.e.Candidates, tied)))
			}
		}
		if len(over) == 0 {
			return
		}
		for _, c := range over {
			s.state[c] = elected
			s.pending[c] = s.votes[c] > s.quota
			s.elected = append(s.elected, c)
			s.cur().Elected = append(s.cur().Elected, c)
		}
	}
}

// orderTied picks take of the candidates tied on votes by their votes at
// the earliest point at which they differed (5.6.2); it returns fewer when
// the earlier points cannot separate them.
func (s *ersCount) orderTied(tied []int, take int) []int {
	var out []int
	rest := slices.Clone(tied)
	for len(out) < take {
		set, at := s.tb.narrow(rest, true, len(s.tb.history)-1)
		if at < 0 {
			if len(set) <= take-len(out) {
				out = append(out, set...)
				rest = slices.DeleteFunc(rest, func(c int) bool { return slices.Contains(set, c) })
				continue
			}
			break
		}
		out = append(out, set[0])
		rest = slices.DeleteFunc(rest, func(c int) bool { return c == set[0] })
	}
	return out
}

// deemRest deems elected the continuing candidates given, the most votes
// first, at the last stage.
func (s *ersCount) deemRest(cont []int, why Phrase) {
	slices.SortStableFunc(cont, func(a, b int) int { return cmp.Compare(s.votes[b], s.votes[a]) })
	for _, c := range cont {
		if len(s.elected) >= s.seats {
			break
		}
		s.state[c] = elected
		s.elected = append(s.elected, c)
		s.cur().DeemedElected = append(s.cur().DeemedElected, c)
	}
	if len(cont) > 0 {
		s.cur().Why = s.cur().Why.then(why)
	}
}

// sureLosers is the group of lowest continuing candidates that 5.2.5
// excludes together, taking the deferred surplus into account, or nil.
// It is also the test of 5.2.2: while such a group exists the surpluses
// are deferred.
func (s *ersCount) sureLosers(cont []int, surplus int64) []int {
	sorted := slices.Clone(cont)
	slices.SortStableFunc(sorted, func(a, b int) int { return cmp.Compare(s.votes[a], s.votes[b]) })
	most := len(cont) - (s.seats - len(s.elected)) // 5.2.5(a)
	var losers []int
	sum := surplus
	for i := 0; i < len(sorted)-1; i++ {
		sum += s.votes[sorted[i]]
		next := s.votes[sorted[i+1]]
		if next == s.votes[sorted[i]] {
			continue // equal votes go together
		}
		if i+1 > most {
			break
		}
		if sum <= next {
			losers = slices.Clone(sorted[:i+1])
		}
	}
	// A group of two or more is a bulk exclusion; a single candidate is
	// the ordinary one, which needs no deferred surplus to allow it.
	if surplus == 0 && len(losers) == 0 {
		return nil
	}
	return losers
}

// lowest picks the candidate to exclude when no group can be (5.2.5).
func (s *ersCount) lowest(cont []int) int {
	var low []int
	for _, c := range cont {
		if len(low) == 0 || s.votes[c] < s.votes[low[0]] {
			low = []int{c}
		} else if s.votes[c] == s.votes[low[0]] {
			low = append(low, c)
		}
	}
	return s.tb.pickBefore(low, false, len(s.stages)+1, PurposeExclusion, len(s.tb.history)-1)
}

// nextPref moves parcel pi to the next continuing candidate it names and
// returns them, or -1 when there is none.
func (s *ersCount) nextPref(pi int32) int {
	p := &s.parcels[pi]
	for i := p.pos + 1; i < int32(len(p.prefs)); i++ {
		if c := int(p.prefs[i]); s.state[c] == continuing {
			p.pos = i
			return c
		}
	}
	p.pos = int32(len(p.prefs))
	return -1
}

// hasNext reports whether parcel pi has a next available preference.
func (s *ersCount) hasNext(pi int32) bool {
	p := &s.parcels[pi]
	for i := p.pos + 1; i < int32(len(p.prefs)); i++ {
		if s.state[p.prefs[i]] == continuing {
			return true
		}
	}
	return false
}

// transferSurplus is 5.2.3 and 5.3.
func (s *ersCount) transferSurplus() {
	var pend []int
	for c, p := range s.pending {
		if p {
			pend = append(pend, c)
		}
	}
	best := slices.MaxFunc(pend, func(a, b int) int { return cmp.Compare(s.votes[a], s.votes[b]) })
	var tied []int
	for _, c := range pend {
		if s.votes[c] == s.votes[best] {
			tied = append(tied, c)
		}
	}
	c := s.tb.pickBefore(tied, true, len(s.stages)+1, PurposeSurpluses, len(s.tb.history)-1)
	s.stage++
	total := s.votes[c]
	surplus := total - s.quota
	bs := s.batches[c]
	last := bs[len(bs)-1] // 5.3.1, 5.3.2: at the first stage that is all of them
	var papers, value int64
	for _, pi := range last.parcels {
		if s.hasNext(pi) {
			papers += s.parcels[pi].count
			value += s.parcels[pi].count * last.value
		}
	}
	tv := last.value
	how := phrase("the transferable papers are worth %s, no more than the surplus: each passes at its present value %s",
		ersDec(value).StringFixed(2), ersDec(tv).StringFixed(2))
	if value > surplus {
		tv = surplus / papers
		how = phrase("%d transferable papers worth %s: each passes at %s ÷ %d = %s, to two places",
			papers, ersDec(value).StringFixed(2), ersDec(surplus).StringFixed(2), papers, ersDec(tv).StringFixed(2))
	}
	recv := map[int][]int32{}
	var order []int
	var credited int64
	var keep []int32
	for _, pi := range last.parcels {
		to := s.nextPref(pi)
		if to < 0 {
			keep = append(keep, pi)
			continue
		}
		if _, ok := recv[to]; !ok {
			order = append(order, to)
		}
		recv[to] = append(recv[to], pi)
		v := s.parcels[pi].count * tv
		s.votes[to] += v
		s.changes[to] += v
		credited += v
	}
	for _, to := range order {
		s.batches[to] = append(s.batches[to], ersBatch{parcels: recv[to], value: tv})
	}
	// The papers that could not pass stay with the candidate, within
	// the quota.
	s.batches[c] = append(bs[:len(bs)-1], ersBatch{parcels: keep, value: last.value})
	lost := surplus - credited
	s.nonTrans += lost
	s.votes[c] = s.quota
	s.changes[c] -= surplus
	s.pending[c] = false
	s.record(Stage{
		Kind: StageSurplus, Subject: c, TransferValue: ersDec(tv),
		NonTransferable: ersDec(lost),
		Why: phrase("%s has %s, quota %s, surplus %s; %s",
			s.e.Candidates[c], ersDec(total).StringFixed(2), ersDec(s.quota).StringFixed(2),
			ersDec(surplus).StringFixed(2), how),
	})
}

// exclude is 5.4: the papers of the candidates excluded pass on in
// batches of one value, the highest first.
func (s *ersCount) exclude(losers []int, deferred int64) {
	s.stage++
	var had int64
	type held struct {
		parcel int32
		owner  int
	}
	values := map[int64][]held{}
	for _, c := range losers {
		s.state[c] = excluded
		had += s.votes[c]
		for _, b := range s.batches[c] {
			for _, pi := range b.parcels {
				values[b.value] = append(values[b.value], held{pi, c})
			}
		}
		s.batches[c] = nil
	}
	vs := make([]int64, 0, len(values))
	for v := range values {
		vs = append(vs, v)
	}
	slices.SortFunc(vs, func(a, b int64) int { return cmp.Compare(b, a) })
	who := nameList(s.e.Candidates, losers)
	why := phrase("%s has the fewest votes (%s) and is excluded", who, ersDec(had).StringFixed(2))
	switch {
	case len(losers) > 1 && deferred > 0:
		why = phrase("%s, with %s together and the deferred surplus of %s, are excluded together: no more than the candidate next above (5.2.5)",
			who, ersDec(had).StringFixed(2), ersDec(deferred).StringFixed(2))
	case len(losers) > 1:
		why = phrase("%s, with %s together, are excluded together: no more than the candidate next above (5.2.5)", who, ersDec(had).StringFixed(2))
	case deferred > 0:
		why = why.then(phrase("the surplus of %s is deferred (5.2.2)", ersDec(deferred).StringFixed(2)))
	}
	if len(vs) == 0 {
		for _, c := range losers {
			s.changes[c] -= s.votes[c]
			s.votes[c] = 0
		}
		s.record(Stage{Kind: StageExclusion, Subject: losers[0], Excluded: losers,
			Why: why.then(phrase("no papers to pass on"))})
		return
	}
	for i, v := range vs {
		recv := map[int][]int32{}
		var order []int
		var lost int64
		for _, h := range values[v] {
			pi := h.parcel
			val := s.parcels[pi].count * v
			s.votes[h.owner] -= val
			s.changes[h.owner] -= val
			to := s.nextPref(pi)
			if to < 0 {
				lost += val
				continue
			}
			if _, ok := recv[to]; !ok {
				order = append(order, to)
			}
			recv[to] = append(recv[to], pi)
			s.votes[to] += val
			s.changes[to] += val
		}
		for _, to := range order {
			s.batches[to] = append(s.batches[to], ersBatch{parcels: recv[to], value: v})
		}
		s.nonTrans += lost
		st := Stage{Kind: StageExclusion, Subject: losers[0], TransferValue: ersDec(v), NonTransferable: ersDec(lost),
			Why: phrase("batch %d of %d: papers of value %s", i+1, len(vs), ersDec(v).StringFixed(2))}
		if i == 0 {
			st.Excluded = losers
			st.Why = why.then(phrase("batch 1 of %d: papers of value %s", len(vs), ersDec(v).StringFixed(2)))
		}
		if len(s.elected) == 0 && s.nonTrans > 0 {
			if q := s.quotaOf(s.total - s.nonTrans); q != s.quota {
				s.quota = q
				st.Why = st.Why.then(phrase("nobody is yet elected, so the quota is recalculated without the non-transferable votes: %s (5.4.8)", ersDec(q).StringFixed(2)))
			}
		}
		s.record(st)
		s.deemElected()
		if len(s.elected) >= s.seats {
			return // 5.5.2
		}
	}
}
