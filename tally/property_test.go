package tally

import (
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"
)

// randomElection makes an election of n candidates with nb distinct
// ballots, some popular candidates and truncated rankings, so that
// surpluses, exclusions and exhausted papers all occur.
func randomElection(rng *rand.Rand, n, seats, nb int, maxWeight int) *Election {
	e := &Election{Seats: seats}
	for i := range n {
		e.Candidates = append(e.Candidates, string(rune('A'+i%26))+itoa(uint64(i/26)))
	}
	pop := make([]float64, n)
	for i := range pop {
		pop[i] = rng.Float64()*rng.Float64() + 0.01
	}
	for range nb {
		perm := rng.Perm(n)
		// Bias the first preference towards popular candidates.
		slices.SortStableFunc(perm, func(a, b int) int {
			pa, pb := pop[a]*rng.Float64(), pop[b]*rng.Float64()
			switch {
			case pa > pb:
				return -1
			case pa < pb:
				return 1
			}
			return 0
		})
		k := 1 + rng.IntN(n)
		b := Ballot{Weight: Int(int64(1 + rng.IntN(maxWeight)))}
		for _, c := range perm[:k] {
			b.Ranking = append(b.Ranking, []int{c})
		}
		e.Ballots = append(e.Ballots, b)
	}
	return e
}

func TestOrderOfBallotsDoesNotMatter(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 60 {
		e := randomElection(rng, 3+rng.IntN(8), 1+rng.IntN(4), 20+rng.IntN(200), 5)
		shuffled := *e
		shuffled.Ballots = slices.Clone(e.Ballots)
		rng.Shuffle(len(shuffled.Ballots), func(i, j int) {
			shuffled.Ballots[i], shuffled.Ballots[j] = shuffled.Ballots[j], shuffled.Ballots[i]
		})
		for _, m := range Methods {
			a := count(t, m, e, uint64(trial))
			b := count(t, m, &shuffled, uint64(trial))
			if !slices.Equal(a.Elected, b.Elected) {
				t.Fatalf("trial %d, %s: elected %v, after shuffling %v", trial, m, a.Elected, b.Elected)
			}
			for i := range a.Stages {
				if !slices.Equal(a.Stages[i].Totals, b.Stages[i].Totals) {
					t.Fatalf("trial %d, %s: stage %d totals differ after shuffling", trial, m, i+1)
				}
			}
		}
	}
}

func TestSTVWithOneSeatIsIRV(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 200 {
		e := randomElection(rng, 2+rng.IntN(9), 1, 5+rng.IntN(120), 4)
		irv := count(t, MethodIRV, e, uint64(trial))
		for _, m := range []string{MethodScottishSTV, MethodMeekSTV} {
			r := count(t, m, e, uint64(trial))
			if !slices.Equal(r.Elected, irv.Elected) {
				t.Fatalf("trial %d: %s with one seat elected %v, instant-runoff %v", trial, m, r.Elected, irv.Elected)
			}
		}
	}
}

// TestDHondtIsItsDivisorDefinition checks the allocation against the
// definition of D'Hondt as a divisor method: there is a divisor D with
// seats_i = ⌊votes_i ÷ D⌋ for every list, which holds exactly when
// max_i votes_i/(seats_i+1) ≤ min_{seats_j>0} votes_j/seats_j.
func TestDHondtIsItsDivisorDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := range 500 {
		n := 2 + rng.IntN(8)
		lists := make([]string, n)
		votes := make([]Decimal, n)
		for i := range n {
			lists[i] = itoa(uint64(i))
			votes[i] = Int(int64(rng.IntN(100000)))
		}
		seats := 1 + rng.IntN(30)
		r, err := Apportion(MethodDHondt, lists, votes, seats, Options{Seed: uint64(trial)})
		if err != nil {
			t.Fatal(err)
		}
		total := 0
		for _, s := range r.Allocation {
			total += s
		}
		if total != seats {
			t.Fatalf("trial %d: %d seats given for %d", trial, total, seats)
		}
		var lo, hi *big.Rat // lo = max v/(s+1), hi = min v/s
		for i, s := range r.Allocation {
			q := big.NewRat(votes[i].IntPart(), int64(s+1))
			if lo == nil || q.Cmp(lo) > 0 {
				lo = q
			}
			if s > 0 {
				q := big.NewRat(votes[i].IntPart(), int64(s))
				if hi == nil || q.Cmp(hi) < 0 {
					hi = q
				}
			}
		}
		if hi != nil && lo.Cmp(hi) > 0 {
			t.Fatalf("trial %d: votes %v seats %v: no divisor fits (%s > %s)", trial, votes, r.Allocation, lo, hi)
		}
	}
}

// checkQuotaRule checks that under Scottish STV nobody is elected with
// fewer votes than the quota, except under the last-vacancies rule 52,
// which applies only when the continuing candidates are no more than the
// seats left.
func checkQuotaRule(t *testing.T, name string, r *Result) {
	t.Helper()
	filled := 0
	out := make([]bool, len(r.Candidates))
	for _, st := range r.Stages {
		for _, c := range st.Excluded {
			out[c] = true
		}
		for _, c := range st.Elected {
			if st.Totals[c].Cmp(st.Quota) < 0 {
				t.Errorf("%s: %s elected at stage %d with %s, below the quota %s", name, r.Candidates[c], st.Number, st.Totals[c], st.Quota)
			}
			out[c] = true
			filled++
		}
		if len(st.DeemedElected) > 0 {
			cont := 0
			for _, o := range out {
				if !o {
					cont++
				}
			}
			if cont > r.Seats-filled {
				t.Errorf("%s: stage %d deems %d elected with %d continuing for %d seats", name, st.Number, len(st.DeemedElected), cont, r.Seats-filled)
			}
			filled += len(st.DeemedElected)
		}
	}
	if filled != len(r.Elected) {
		t.Errorf("%s: stages elect %d, result %d", name, filled, len(r.Elected))
	}
}

func TestScottishQuotaRule(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for trial := range 200 {
		e := randomElection(rng, 3+rng.IntN(10), 1+rng.IntN(5), 10+rng.IntN(300), 6)
		r := count(t, MethodScottishSTV, e, uint64(trial))
		checkQuotaRule(t, "trial "+itoa(uint64(trial)), r)
		if len(r.Elected) != min(e.Seats, len(e.Candidates)) {
			t.Errorf("trial %d: %d elected for %d seats", trial, len(r.Elected), e.Seats)
		}
	}
}

// TestScottishConservation checks the count sheet adds up: at every stage
// the totals, the non-transferable papers and the truncation losses so far
// make up all the valid papers.
func TestScottishConservation(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for trial := range 100 {
		e := randomElection(rng, 3+rng.IntN(10), 1+rng.IntN(5), 10+rng.IntN(300), 6)
		r := count(t, MethodScottishSTV, e, 0)
		var valid, gone Decimal
		for _, v := range r.Stages[0].Totals {
			valid = valid.Add(v)
		}
		for _, st := range r.Stages {
			gone = gone.Add(st.NonTransferable).Add(st.Lost)
			sum := gone
			for _, v := range st.Totals {
				sum = sum.Add(v)
			}
			if sum.Cmp(valid) != 0 {
				t.Fatalf("trial %d stage %d: totals and losses make %s of %s valid", trial, st.Number, sum, valid)
			}
		}
	}
}
