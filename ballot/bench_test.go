package ballot_test

import (
	"fmt"
	"testing"

	"plenum/ballot"
	"plenum/ballot/internal/testrand"
)

var benchQuestions = []struct {
	name string
	q    ballot.Question
	vote []int
}{
	{"yes-no-abstain", ballot.Question{Kind: ballot.Choice, Options: 3, Min: 1, Max: 1}, []int{1, 0, 0}},
	{"approval-3-of-10", ballot.Question{Kind: ballot.Choice, Options: 10, Min: 0, Max: 3}, []int{1, 0, 0, 1, 0, 0, 0, 1, 0, 0}},
	{"approval-2-of-5", ballot.Question{Kind: ballot.Choice, Options: 5, Min: 0, Max: 2}, []int{0, 1, 0, 0, 1}},
	{"ranking-5", ballot.Question{Kind: ballot.Ranking, Options: 5}, []int{4, 2, 0}},
}

// BenchmarkEncryptBallot is the voter's device's work (server side here;
// the browser's figure comes from BenchmarkEncryptInChromium in
// ballot/wasm).
func BenchmarkEncryptBallot(b *testing.B) {
	e := ceremony(b, "bench", 3, 2)
	rand := testrand.New("bench")
	for _, c := range benchQuestions {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := ballot.Encrypt(e.key, c.q, "m", c.vote, rand); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkVerifyBallot is the server's check of one ballot's proofs
// before it accepts it; ballots/s is the rate of one core.
func BenchmarkVerifyBallot(b *testing.B) {
	e := ceremony(b, "bench", 3, 2)
	rand := testrand.New("bench")
	for _, c := range benchQuestions {
		bal, err := ballot.Encrypt(e.key, c.q, "m", c.vote, rand)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if err := bal.Verify(e.key, c.q, "m"); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "ballots/s")
		})
	}
}

// BenchmarkTally10000 is the count of 10,000 encrypted ballots (weights
// 1 to 3) under a 2-of-3 key, yes/no/abstain and approvals of at most 2
// of 5: the homomorphic sums, two trustees' partial decryptions with
// proofs, and their combination with the discrete logarithms. The
// ballots' proofs are checked when they are cast (BenchmarkVerifyBallot),
// not here.
func BenchmarkTally10000(b *testing.B) {
	e := ceremony(b, "bench", 3, 2)
	rand := testrand.New("bench")
	for _, c := range []struct {
		name  string
		q     ballot.Question
		marks func(i int) []int
	}{
		{"yes-no-abstain", ballot.Question{Kind: ballot.Choice, Options: 3, Min: 1, Max: 1}, func(i int) []int {
			vote := []int{0, 0, 0}
			vote[i%3] = 1
			return vote
		}},
		{"approval-2-of-5", ballot.Question{Kind: ballot.Choice, Options: 5, Min: 0, Max: 2}, func(i int) []int {
			vote := make([]int, 5)
			vote[i%5], vote[(i/5)%5] = 1, 1 // one mark where both fall on one option
			return vote
		}},
	} {
		const n = 10000
		ballots := make([]ballot.Ballot, n)
		weights := make([]uint64, n)
		want := make([]uint64, c.q.Options)
		for i := range n {
			vote := c.marks(i)
			bal, err := ballot.Encrypt(e.key, c.q, fmt.Sprint("m", i), vote, rand)
			if err != nil {
				b.Fatal(err)
			}
			ballots[i], weights[i] = bal, uint64(1+i%3)
			for o, m := range vote {
				want[o] += uint64(m) * weights[i]
			}
		}
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				tally, err := ballot.Sum(e.key, c.q, ballots, weights)
				if err != nil {
					b.Fatal(err)
				}
				var partials []ballot.PartialDecryption
				for _, m := range []int{0, 2} {
					d, err := e.shares[m].Decrypt(e.key, tally.Totals, rand)
					if err != nil {
						b.Fatal(err)
					}
					partials = append(partials, d)
				}
				res, err := tally.Decrypt(e.key, partials)
				if err != nil {
					b.Fatal(err)
				}
				if fmt.Sprint(res.Values) != fmt.Sprint(want) {
					b.Fatalf("result %v, want %v", res.Values, want)
				}
			}
		})
	}
}

// BenchmarkShuffle is a proven shuffle of 100 ranked ballots of 5 ranks,
// and its verification.
func BenchmarkShuffle(b *testing.B) {
	e := ceremony(b, "bench", 3, 2)
	rand := testrand.New("bench")
	q := ballot.Question{Kind: ballot.Ranking, Options: 5}
	var rows [][]ballot.Ciphertext
	for i := range 100 {
		bal, err := ballot.Encrypt(e.key, q, fmt.Sprint(i), []int{i % 5}, rand)
		if err != nil {
			b.Fatal(err)
		}
		rows = append(rows, bal.Choices)
	}
	s, err := ballot.ShuffleBallots(e.key, rows, rand)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("prove-100x5", func(b *testing.B) {
		for b.Loop() {
			if _, err := ballot.ShuffleBallots(e.key, rows, rand); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("verify-100x5", func(b *testing.B) {
		for b.Loop() {
			if err := s.Verify(e.key, rows); err != nil {
				b.Fatal(err)
			}
		}
	})
}
