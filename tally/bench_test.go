package tally

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkScottishSTV counts 100,000 ranked ballots for 15 candidates
// and 5 seats under the Scottish rules.
func BenchmarkScottishSTV(b *testing.B) {
	rng := rand.New(rand.NewPCG(11, 12))
	e := randomElection(rng, 15, 5, 100_000, 1)
	b.ResetTimer()
	for b.Loop() {
		r, err := Count(MethodScottishSTV, e, Options{})
		if err != nil || len(r.Elected) != 5 {
			b.Fatal(err, r.Elected)
		}
	}
}

// BenchmarkMeekSTV counts the Glasgow-sized election of 10,000 ballots by
// Meek's method, for comparison.
func BenchmarkMeekSTV(b *testing.B) {
	rng := rand.New(rand.NewPCG(11, 12))
	e := randomElection(rng, 10, 4, 10_000, 1)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Count(MethodMeekSTV, e, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkERS97STV counts 100,000 ranked ballots for 15 candidates and 5
// seats under the ERS97 rules.
func BenchmarkERS97STV(b *testing.B) {
	rng := rand.New(rand.NewPCG(11, 12))
	e := randomElection(rng, 15, 5, 100_000, 1)
	b.ResetTimer()
	for b.Loop() {
		r, err := Count(MethodERS97STV, e, Options{})
		if err != nil || len(r.Elected) != 5 {
			b.Fatal(err, r.Elected)
		}
	}
}

// BenchmarkSchulze ranks 15 candidates from 100,000 ballots.
func BenchmarkSchulze(b *testing.B) {
	rng := rand.New(rand.NewPCG(11, 12))
	e := randomElection(rng, 15, 5, 100_000, 1)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Count(MethodSchulze, e, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
