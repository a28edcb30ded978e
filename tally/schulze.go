package tally

import (
	"fmt"
	"slices"
	"strings"
)

// link is the strength of a link or path (Schulze 2011, §2.1): the votes
// for its winner, then the votes for its loser, fewer being stronger. A
// path that does not exist has win −1.
type link struct{ win, lose int64 }

// stronger reports whether a is a stronger link than b: more winning
// votes, or as many and fewer losing votes.
func (a link) stronger(b link) bool {
	return a.win > b.win || a.win == b.win && a.lose < b.lose
}

// countSchulze counts e by the Schulze method (Markus Schulze, "A new
// monotonic, clone-independent, reversal symmetric, and Condorcet-consistent
// single-winner election method", Social Choice and Welfare 36 (2011)
// 267–303):
//
//   - §2.1: d[V,W] is the number of votes (ballot weights) that rank V
//     strictly above W; a ballot ranks every candidate it names above every
//     candidate it does not name, and candidates in one rank, or left
//     unnamed together, equally. The link from V to W exists when
//     d[V,W] > d[W,V], and its strength is the pair (d[V,W], d[W,V]),
//     measured by winning votes: more votes for the winner is stronger,
//     and with as many, fewer votes for the loser.
//   - §2.2: a path is as strong as its weakest link, and P[V,W] is the
//     strongest path from V to W. V is better than W when P[V,W] is
//     stronger than P[W,V]; this relation is transitive (§4.1), and a
//     winner is a candidate no other is better than.
//   - §2.3: the strongest paths are found by the Floyd–Warshall
//     algorithm, in O(C³).
//
// With several seats the candidates are ranked by that relation — the
// winners, then the winners among the rest, and so on — and the first
// Seats are elected. Where the relation leaves candidates level for a
// seat, plenum draws the lot from Options.Seed among them; the paper
// (§5) breaks such ties by a ranking drawn from random ballots instead.
// The result's Pairwise is the matrix d; the one stage says how many
// other candidates each is better than.
func countSchulze(e *Election, opts Options) (*Result, error) {
	n := len(e.Candidates)
	gone := withdrawnSet(e)
	d := make([][]int64, n)
	for i := range d {
		d[i] = make([]int64, n)
	}
	rank := make([]int, n)
	for _, b := range e.Ballots {
		if b.Weight.IsZero() {
			continue
		}
		for c := range rank {
			rank[c] = len(b.Ranking) // unnamed: below every named
		}
		for r, group := range b.Ranking {
			for _, c := range group {
				rank[c] = r
			}
		}
		for v := range n {
			for w := range n {
				if v != w && rank[v] < rank[w] {
					d[v][w] += b.Weight.u
				}
			}
		}
	}
	p := make([][]link, n)
	for v := range n {
		p[v] = make([]link, n)
		for w := range n {
			p[v][w] = link{win: -1}
			if v != w && !gone[v] && !gone[w] && d[v][w] > d[w][v] {
				p[v][w] = link{d[v][w], d[w][v]}
			}
		}
	}
	for k := range n {
		for v := range n {
			if v == k || p[v][k].win < 0 {
				continue
			}
			for w := range n {
				if w == v || w == k || p[k][w].win < 0 {
					continue
				}
				via := p[v][k] // the weaker of the two links
				if via.stronger(p[k][w]) {
					via = p[k][w]
				}
				if via.stronger(p[v][w]) {
					p[v][w] = via
				}
			}
		}
	}
	better := func(v, w int) bool { return p[v][w].stronger(p[w][v]) }
	r := &Result{Pairwise: make([][]Decimal, n)}
	wins := make([]Decimal, n)
	for v := range n {
		r.Pairwise[v] = make([]Decimal, n)
		for w := range n {
			r.Pairwise[v][w] = Decimal{d[v][w]}
			if v != w && better(v, w) {
				wins[v] = wins[v].Add(Int(1))
			}
		}
	}
	var rest []int
	for c := range n {
		if !gone[c] {
			rest = append(rest, c)
		}
	}
	l := newLot(opts.Seed)
	var order []string
	for len(rest) > 0 && len(r.Elected) < e.Seats {
		var top []int
		for _, v := range rest {
			beaten := false
			for _, w := range rest {
				if better(w, v) {
					beaten = true
					break
				}
			}
			if !beaten {
				top = append(top, v)
			}
		}
		level := make([]string, len(top))
		for i, c := range top {
			level[i] = e.Candidates[c]
		}
		order = append(order, strings.Join(level, " = "))
		for len(top) > 0 && len(r.Elected) < e.Seats {
			c := top[0]
			if len(top) > e.Seats-len(r.Elected) {
				c = l.draw(top)
				r.TieBreaks = append(r.TieBreaks, TieBreak{Stage: 1, Purpose: fmt.Sprintf("seat %d", len(r.Elected)+1), Seat: len(r.Elected) + 1,
					Candidates: slices.Clone(top), Lot: slices.Clone(top), Chosen: c, How: HowLot,
					Text: fmt.Sprintf("%s are level by their strongest paths; seat %d goes by lot, seed %d: %s",
						names(e.Candidates, top), len(r.Elected)+1, l.seed, e.Candidates[c])})
			}
			r.Elected = append(r.Elected, c)
			top = slices.DeleteFunc(top, func(x int) bool { return x == c })
			rest = slices.DeleteFunc(rest, func(x int) bool { return x == c })
		}
		rest = slices.DeleteFunc(rest, func(x int) bool { return slices.Contains(top, x) })
	}
	r.Stages = []Stage{{Number: 1, Kind: StagePairwise, Subject: -1, Totals: wins, Elected: slices.Clone(r.Elected),
		Why: phrase("ranking by the strongest paths: %s", strings.Join(order, " > "))}}
	return r, nil
}
