package tally

import (
	"fmt"
	"math/big"
	"slices"
)

// Apportion divides seats among lists (parties) in proportion to their
// votes by a party-list method:
//
//   - dhondt: divisors 1, 2, 3, …
//   - sainte-lague: divisors 1, 3, 5, …
//   - sainte-lague-modified: divisors 1.4, 3, 5, … (Scandinavian)
//   - hare: Hare–Niemeyer, largest remainder of the Hare quota votes/seats.
//
// The divisor methods award seats one at a time to the highest quotient;
// each seat is a stage of the count sheet. A tie between equal quotients
// (or equal remainders) goes to the list with more votes, then by lot. The
// comparison of quotients is exact.
//
// Apportion counts under the latest counting rules (LatestRules);
// ApportionBy under another version.
func Apportion(method string, lists []string, votes []Decimal, seats int, opts Options) (*Result, error) {
	return ApportionBy(LatestRules, method, lists, votes, seats, opts)
}

// apportionV1 is Apportion under the counting rules v1 (Rules1). Frozen:
// see Rules before changing what any function it calls returns.
func apportionV1(method string, lists []string, votes []Decimal, seats int, opts Options) (*Result, error) {
	if len(lists) == 0 || len(lists) != len(votes) {
		return nil, fmt.Errorf("%d lists but %d vote totals: %w", len(lists), len(votes), ErrElection)
	}
	if seats < 1 {
		return nil, fmt.Errorf("no seats to fill (give the number of seats): %w", ErrElection)
	}
	if opts.Caps != nil && len(opts.Caps) != len(lists) {
		return nil, fmt.Errorf("%d lists but %d caps: %w", len(lists), len(opts.Caps), ErrElection)
	}
	var total Decimal
	for i, v := range votes {
		if v.Sign() < 0 {
			return nil, fmt.Errorf("list %s has negative votes %s: %w", lists[i], v, ErrElection)
		}
		total = total.Add(v)
		if v.IntPart() >= maxDecimalInt || total.IntPart() >= maxDecimalInt {
			return nil, fmt.Errorf("votes total a billion or more: %w", ErrElection)
		}
	}
	r := &Result{
		Method: method, Candidates: slices.Clone(lists), Seats: seats, Seed: opts.Seed,
		Allocation: make([]int, len(lists)),
	}
	l := newLot(opts.Seed)
	var err error
	switch method {
	case MethodDHondt, MethodSainteLague, MethodSainteLagueModified:
		divisor(method, lists, votes, seats, opts.Caps, l, r)
	case MethodHare:
		err = hare(lists, votes, seats, opts.Caps, l, r)
	default:
		return nil, fmt.Errorf("%q is not a party-list method: %w", method, ErrMethod)
	}
	reasons(r)
	return r, err
}

// divisorAt returns the divisor for a list holding k seats, times 5 so
// that 1.4 is whole: D'Hondt k+1, Sainte-Laguë 2k+1, modified 1.4 first.
func divisorAt(method string, k int) int64 {
	switch method {
	case MethodDHondt:
		return 5 * int64(k+1)
	case MethodSainteLagueModified:
		if k == 0 {
			return 7
		}
	}
	return 5 * int64(2*k+1)
}

// cmpQuot compares a/b with c/d exactly (b, d > 0).
func cmpQuot(a, b, c, d int64) int {
	x := new(big.Int).Mul(big.NewInt(a), big.NewInt(d))
	y := new(big.Int).Mul(big.NewInt(c), big.NewInt(b))
	return x.Cmp(y)
}

// full reports whether list i holds as many seats as caps allow.
func full(caps []int, r *Result, i int) bool {
	return caps != nil && r.Allocation[i] >= caps[i]
}

func divisor(method string, lists []string, votes []Decimal, seats int, caps []int, l *lot, r *Result) {
	n := len(lists)
	for seat := 1; seat <= seats; seat++ {
		quot := make([]Decimal, n)
		var best []int
		for i := range n {
			d := divisorAt(method, r.Allocation[i])
			quot[i] = Decimal{votes[i].u * 5 / d}
			if full(caps, r, i) {
				continue
			}
			if len(best) == 0 {
				best = []int{i}
				continue
			}
			b := best[0]
			switch cmpQuot(votes[i].u, d, votes[b].u, divisorAt(method, r.Allocation[b])) {
			case 1:
				best = []int{i}
			case 0:
				best = append(best, i)
			}
		}
		if len(best) == 0 {
			return // every list is full: the seats left are unfilled
		}
		win := breakByVotes(best, votes, l, lists, seat, seat, r)
		d := divisorAt(method, r.Allocation[win])
		r.Allocation[win]++
		r.Elected = append(r.Elected, win)
		r.Stages = append(r.Stages, Stage{
			Number: seat, Kind: StageSeat, Subject: win, Totals: quot,
			Elected: []int{win},
			Why: phrase("seat %d to %s: highest quotient %s ÷ %s = %s", seat, lists[win],
				votes[win].String(), Decimal{d * decScale / 5}.String(), quot[win].String()),
		})
	}
}

// breakByVotes picks among lists tied on quotient or remainder: the most
// votes, then lot; it records the tie. The tie is for the seat numbered
// seat, or for a remainder seat when seat is 0.
func breakByVotes(tied []int, votes []Decimal, l *lot, lists []string, stage int, seat int, r *Result) int {
	if len(tied) == 1 {
		return tied[0]
	}
	var top []int
	for _, c := range tied {
		if len(top) == 0 || votes[c].Cmp(votes[top[0]]) > 0 {
			top = []int{c}
		} else if votes[c].Cmp(votes[top[0]]) == 0 {
			top = append(top, c)
		}
	}
	purpose := PurposeRemainder
	if seat > 0 {
		purpose = fmt.Sprintf("seat %d", seat)
	}
	tb := TieBreak{Stage: stage, Purpose: purpose, Seat: seat, Candidates: slices.Clone(tied)}
	what := "tie between " + names(lists, tied) + " for " + purpose
	if len(top) == 1 {
		tb.Chosen, tb.How = top[0], HowVotes
		tb.Text = fmt.Sprintf("%s broken by the larger vote: %s", what, lists[top[0]])
	} else {
		tb.Chosen, tb.How, tb.Lot = l.draw(top), HowLot, slices.Clone(top)
		tb.Text = lotText(what, lists, tied, top, l.seed, tb.Chosen, "the votes")
	}
	r.TieBreaks = append(r.TieBreaks, tb)
	return tb.Chosen
}

// hare awards each list the whole quotas its votes hold (votes × seats ÷
// total, whole part), then the seats left to the largest remainders.
//
// With caps, a list takes no more whole quotas than its cap; the seats
// it cannot take go, with the others left, to the largest remainders of
// the lists not full, one each, and round again while seats are left
// and a list can take one.
func hare(lists []string, votes []Decimal, seats int, caps []int, l *lot, r *Result) error {
	n := len(lists)
	var total Decimal
	for _, v := range votes {
		total = total.Add(v)
	}
	if total.IsZero() {
		return fmt.Errorf("no votes to apportion: %w", ErrElection)
	}
	S := big.NewInt(int64(seats))
	T := big.NewInt(total.u)
	rem := make([]*big.Int, n)
	remDec := make([]Decimal, n)
	given := 0
	q1 := make([]Decimal, n)
	for i, v := range votes {
		num := new(big.Int).Mul(big.NewInt(v.u), S)
		whole, rm := new(big.Int).QuoRem(num, T, new(big.Int))
		r.Allocation[i] = int(whole.Int64())
		if caps != nil {
			r.Allocation[i] = min(r.Allocation[i], caps[i])
		}
		given += r.Allocation[i]
		rem[i] = rm
		// The exact share votes×seats÷total, truncated to nine places.
		sh := new(big.Int).Quo(new(big.Int).Mul(num, big.NewInt(decScale)), T)
		q1[i] = Decimal{sh.Int64()}
		remDec[i] = Decimal{q1[i].u - int64(r.Allocation[i])*decScale}
	}
	r.Quota = Decimal{total.u / int64(seats)}
	var first []int
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return votes[b].Cmp(votes[a]) })
	for _, i := range order {
		for range r.Allocation[i] {
			first = append(first, i)
		}
	}
	r.Elected = append(r.Elected, first...)
	r.Stages = append(r.Stages, Stage{
		Number: 1, Kind: StageQuotas, Subject: -1, Totals: q1, Elected: first, Quota: r.Quota,
		Why: phrase("Hare quota %s ÷ %d = %s; each list's share is its votes ÷ quota; %d seats by whole quotas",
			total.String(), seats, r.Quota.String(), given),
	})
	var byRem []int
	avail := make([]bool, n)
	for i := range n {
		avail[i] = true
	}
	for given < seats {
		var best []int
		for round := 0; round < 2 && len(best) == 0; round++ {
			if round == 1 {
				// Every list not full has had a remainder seat: again.
				for i := range n {
					avail[i] = true
				}
			}
			best = bestRemainders(rem, avail, caps, r)
		}
		if len(best) == 0 {
			break // every list is full: the seats left are unfilled
		}
		win := breakByVotes(best, votes, l, lists, 2, 0, r)
		avail[win] = false
		r.Allocation[win]++
		byRem = append(byRem, win)
		given++
	}
	r.Elected = append(r.Elected, byRem...)
	r.Stages = append(r.Stages, Stage{
		Number: 2, Kind: StageRemainder, Subject: -1, Totals: remDec, Elected: byRem,
		Why: phrase("%d seats left to the largest remainders", len(byRem)),
	})
	return nil
}

// bestRemainders are the lists available and not full with the largest
// remainder.
func bestRemainders(rem []*big.Int, avail []bool, caps []int, r *Result) []int {
	var best []int
	for i := range rem {
		if !avail[i] || full(caps, r, i) {
			continue
		}
		if len(best) == 0 || rem[i].Cmp(rem[best[0]]) > 0 {
			best = []int{i}
		} else if rem[i].Cmp(rem[best[0]]) == 0 {
			best = append(best, i)
		}
	}
	return best
}
