package tally

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// election builds an election from lines "weight: A>B>C" (letters are
// candidates; "A=B" ranks equally).
func election(t testing.TB, cands string, seats int, lines ...string) *Election {
	t.Helper()
	e := &Election{Seats: seats}
	idx := map[string]int{}
	for _, c := range strings.Fields(cands) {
		idx[c] = len(e.Candidates)
		e.Candidates = append(e.Candidates, c)
	}
	for _, l := range lines {
		w, order, _ := strings.Cut(l, ":")
		b := Ballot{Weight: MustDecimal(strings.TrimSpace(w))}
		for _, rank := range strings.Split(strings.TrimSpace(order), ">") {
			var r []int
			for _, c := range strings.Split(rank, "=") {
				i, ok := idx[strings.TrimSpace(c)]
				if !ok {
					t.Fatalf("unknown candidate %q in %q", c, l)
				}
				r = append(r, i)
			}
			b.Ranking = append(b.Ranking, r)
		}
		e.Ballots = append(e.Ballots, b)
	}
	return e
}

func electedNames(r *Result) []string {
	var out []string
	for _, c := range r.Elected {
		out = append(out, r.Candidates[c])
	}
	return out
}

func count(t testing.TB, method string, e *Election, seed uint64) *Result {
	t.Helper()
	r, err := Count(method, e, Options{Seed: seed})
	if err != nil {
		t.Fatalf("Count(%s): %v", method, err)
	}
	return r
}

func totals(st Stage) []string {
	var out []string
	for _, v := range st.Totals {
		out = append(out, v.String())
	}
	return out
}

func TestPluralityAndApproval(t *testing.T) {
	// Block vote, two seats: each ballot counts for its first two.
	e := election(t, "A B C D", 2,
		"40: A>B>C",
		"35: C>D>A",
		"25: B>D",
	)
	r := count(t, MethodPlurality, e, 0)
	// A 40, B 65, C 35, D 60.
	if got := electedNames(r); !slices.Equal(got, []string{"B", "D"}) {
		t.Errorf("plurality elected %v, want [B D]", got)
	}
	if got := totals(r.Stages[0]); !slices.Equal(got, []string{"40", "65", "35", "60"}) {
		t.Errorf("plurality totals %v", got)
	}
	// Approval counts every candidate ranked: A 75, B 65, C 75, D 60.
	r = count(t, MethodApproval, e, 0)
	if got := totals(r.Stages[0]); !slices.Equal(got, []string{"75", "65", "75", "60"}) {
		t.Errorf("approval totals %v", got)
	}
	if got := electedNames(r); !slices.Equal(got, []string{"A", "C"}) {
		t.Errorf("approval elected %v, want [A C]", got)
	}
}

func TestPluralityTieByLot(t *testing.T) {
	e := election(t, "A B C", 1, "10: A", "10: B", "5: C")
	seen := map[string]bool{}
	for seed := range uint64(32) {
		r := count(t, MethodPlurality, e, seed)
		again := count(t, MethodPlurality, e, seed)
		if !slices.Equal(r.Elected, again.Elected) {
			t.Fatalf("seed %d: two counts differ", seed)
		}
		if len(r.TieBreaks) != 1 || r.TieBreaks[0].How != "lot" {
			t.Fatalf("seed %d: tie breaks %+v", seed, r.TieBreaks)
		}
		if want := "broken by lot, seed " + itoa(seed); !strings.Contains(r.TieBreaks[0].Text, want) {
			t.Errorf("tie text %q lacks %q", r.TieBreaks[0].Text, want)
		}
		seen[electedNames(r)[0]] = true
	}
	if !seen["A"] || !seen["B"] || seen["C"] {
		t.Errorf("over 32 seeds the lot chose %v, want both A and B and never C", seen)
	}
}

func itoa(u uint64) string { return strconv.FormatUint(u, 10) }

func TestDivisorMethods(t *testing.T) {
	// The textbook example: 100,000, 80,000, 30,000 and 20,000 votes for 8 seats.
	lists := []string{"A", "B", "C", "D"}
	votes := []Decimal{Int(100000), Int(80000), Int(30000), Int(20000)}
	tests := []struct {
		method string
		alloc  []int
		ties   int
	}{
		{MethodDHondt, []int{4, 3, 1, 0}, 0},
		// Sainte-Laguë: A's third quotient and D's first are both 20,000,
		// but both fall inside the eight seats.
		{MethodSainteLague, []int{3, 3, 1, 1}, 1},
		// Modified: the eighth seat is a tie between A's 100,000 ÷ 7 and
		// D's 20,000 ÷ 1.4, both 14,285.71…; the larger vote, A, wins.
		{MethodSainteLagueModified, []int{4, 3, 1, 0}, 1},
	}
	for _, tt := range tests {
		r, err := Apportion(tt.method, lists, votes, 8, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(r.Allocation, tt.alloc) {
			t.Errorf("%s: allocation %v, want %v", tt.method, r.Allocation, tt.alloc)
		}
		if len(r.TieBreaks) != tt.ties {
			t.Errorf("%s: %d tie breaks %+v, want %d", tt.method, len(r.TieBreaks), r.TieBreaks, tt.ties)
		}
		if len(r.Stages) != 8 || len(r.Elected) != 8 {
			t.Errorf("%s: %d stages, %d seats", tt.method, len(r.Stages), len(r.Elected))
		}
	}
	// D'Hondt order of seats: A, B, A, B, A, C, B, A (quotients 100k, 80k,
	// 50k, 40k, 33.3k, 30k, 26.7k, 25k).
	r, _ := Apportion(MethodDHondt, lists, votes, 8, Options{})
	if got := electedNames(r); strings.Join(got, "") != "ABABACBA" {
		t.Errorf("D'Hondt order %v", got)
	}
	if got := r.Stages[6].Reason; got != "seat 7 to B: highest quotient 80000 ÷ 3 = 26666.666666666" {
		t.Errorf("stage 7 reason %q", got)
	}
}

func TestDivisorTieByLot(t *testing.T) {
	lists := []string{"Reds", "Blues"}
	votes := []Decimal{Int(100), Int(100)}
	seen := map[string]bool{}
	for seed := range uint64(16) {
		r, err := Apportion(MethodDHondt, lists, votes, 3, Options{Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		// Seats 1 and 2 are ties; seat 3 is a tie again.
		if len(r.TieBreaks) != 2 || r.TieBreaks[0].How != "lot" {
			t.Fatalf("tie breaks %+v", r.TieBreaks)
		}
		seen[lists[r.Elected[2]]] = true
	}
	if len(seen) != 2 {
		t.Errorf("the third seat went always to %v over 16 seeds", seen)
	}
}

func TestHare(t *testing.T) {
	// The textbook example: 100,000 votes, 10 seats, quota 10,000.
	lists := []string{"A", "B", "C", "D", "E", "F"}
	votes := []Decimal{Int(47000), Int(16000), Int(15800), Int(12000), Int(6100), Int(3100)}
	r, err := Apportion(MethodHare, lists, votes, 10, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{5, 2, 1, 1, 1, 0}; !slices.Equal(r.Allocation, want) {
		t.Errorf("allocation %v, want %v", r.Allocation, want)
	}
	if r.Quota.String() != "10000" {
		t.Errorf("quota %s", r.Quota)
	}
	// Remainder seats in order of remainder: A .7, E .61, B .6.
	if got := r.Stages[1].Elected; !slices.Equal(got, []int{0, 4, 1}) {
		t.Errorf("remainder seats %v", got)
	}
}

func TestIRV(t *testing.T) {
	// The Tennessee capital example.
	e := election(t, "Memphis Nashville Chattanooga Knoxville", 1,
		"42: Memphis>Nashville>Chattanooga>Knoxville",
		"26: Nashville>Chattanooga>Knoxville>Memphis",
		"15: Chattanooga>Knoxville>Nashville>Memphis",
		"17: Knoxville>Chattanooga>Nashville>Memphis",
	)
	r := count(t, MethodIRV, e, 0)
	if got := electedNames(r); !slices.Equal(got, []string{"Knoxville"}) {
		t.Errorf("elected %v, want Knoxville", got)
	}
	want := [][]string{
		{"42", "26", "15", "17"},
		{"42", "26", "0", "32"},
		{"42", "0", "0", "58"},
	}
	if len(r.Stages) != len(want) {
		t.Fatalf("%d stages, want %d", len(r.Stages), len(want))
	}
	for i, w := range want {
		if got := totals(r.Stages[i]); !slices.Equal(got, w) {
			t.Errorf("stage %d totals %v, want %v", i+1, got, w)
		}
	}
}

func TestScottishSurplus(t *testing.T) {
	// 140 papers, 2 seats: quota 140 ÷ 3 = 46, + 1 = 47. A has 86, a
	// surplus of 39; transfer value 39 ÷ 86 = 0.45348 (0.453488… truncated).
	e := election(t, "A B C D", 2,
		"60: A>B",
		"26: A>C",
		"30: B",
		"24: C>D",
	)
	r := count(t, MethodScottishSTV, e, 0)
	if r.Quota.String() != "47" {
		t.Errorf("quota %s, want 47", r.Quota)
	}
	if got := electedNames(r); !slices.Equal(got, []string{"A", "B"}) {
		t.Errorf("elected %v, want [A B]", got)
	}
	st := r.Stages[1]
	if st.Kind != StageSurplus || st.TransferValue.String() != "0.45348" {
		t.Errorf("stage 2: %s, transfer value %s", st.Kind, st.TransferValue)
	}
	// B: 30 + 60 × 0.45348 = 57.2088; C: 24 + 26 × 0.45348 = 35.79048;
	// lost to truncation: 39 − 27.2088 − 11.79048 = 0.00072.
	if got := totals(st); !slices.Equal(got, []string{"47", "57.2088", "35.79048", "0"}) {
		t.Errorf("stage 2 totals %v", got)
	}
	if st.Lost.String() != "0.00072" {
		t.Errorf("lost %s, want 0.00072", st.Lost)
	}
	if !slices.Equal(st.Elected, []int{1}) {
		t.Errorf("stage 2 elected %v", st.Elected)
	}
}

func TestScottishExclusionAndLastSeat(t *testing.T) {
	// 53 papers, 1 seat: quota 27. E and then F are excluded; B and C
	// then tie on 14, and the most recent stage at which they differed
	// (stage 1: B 14, C 10) decides: C is excluded (rule 51(2)(a)). B is
	// excluded next and G, alone, is deemed elected under rule 52 with
	// 20 votes, fewer than the quota.
	e := election(t, "B C E F G", 1,
		"14: B",
		"10: C",
		"4: E>C",
		"5: F",
		"20: G",
	)
	r := count(t, MethodScottishSTV, e, 0)
	if got := electedNames(r); !slices.Equal(got, []string{"G"}) {
		t.Errorf("elected %v, want [G]", got)
	}
	var excluded []string
	for _, st := range r.Stages {
		for _, c := range st.Excluded {
			excluded = append(excluded, e.Candidates[c])
		}
	}
	if !slices.Equal(excluded, []string{"E", "F", "C", "B"}) {
		t.Errorf("excluded %v, want [E F C B]", excluded)
	}
	if len(r.TieBreaks) != 1 || r.TieBreaks[0].How != "stage 1" || e.Candidates[r.TieBreaks[0].Chosen] != "C" {
		t.Errorf("tie breaks %+v", r.TieBreaks)
	}
	last := r.Stages[len(r.Stages)-1]
	if !slices.Equal(last.DeemedElected, []int{4}) || len(last.Elected) != 0 {
		t.Errorf("last stage elected %v deemed %v", last.Elected, last.DeemedElected)
	}
	// Stage 2: C has 14 after E's exclusion.
	if got := totals(r.Stages[1]); !slices.Equal(got, []string{"14", "14", "0", "5", "20"}) {
		t.Errorf("stage 2 totals %v", got)
	}
	// Stage 4, C's exclusion: all 14 papers have no further preference.
	if got := r.Stages[3].NonTransferable.String(); got != "14" {
		t.Errorf("stage 4 non-transferable %s", got)
	}
}

func TestSTVTieByLot(t *testing.T) {
	// B and C tie for exclusion at the first stage, so no earlier stage can
	// decide: the lot does. A wins either way.
	e := election(t, "A B C", 1, "10: A", "5: B", "5: C>A")
	for _, m := range []string{MethodScottishSTV, MethodMeekSTV, MethodIRV} {
		seen := map[string]bool{}
		for seed := range uint64(32) {
			r := count(t, m, e, seed)
			if len(r.TieBreaks) != 1 || r.TieBreaks[0].How != "lot" {
				t.Fatalf("%s: tie breaks %+v", m, r.TieBreaks)
			}
			if !strings.Contains(r.TieBreaks[0].Text, "seed "+itoa(seed)) {
				t.Errorf("%s: tie text %q does not name seed %d", m, r.TieBreaks[0].Text, seed)
			}
			seen[e.Candidates[r.Stages[1].Excluded[0]]] = true
			if got := electedNames(r); !slices.Equal(got, []string{"A"}) {
				t.Errorf("%s: elected %v", m, got)
			}
		}
		if !seen["B"] || !seen["C"] {
			t.Errorf("%s: the lot excluded only %v over 32 seeds", m, seen)
		}
	}
}

func TestMeek(t *testing.T) {
	// 100 votes, 2 seats: quota 100 ÷ 3 = 33.333333333, + 0.000000001.
	// A is elected with 50; A's keep value becomes 33.333333334 ÷ 50 =
	// 0.666666667 (rounded up); A keeps 50 × that = 33.33333335 and
	// passes 16.66666665 to B, who with 20 of their own reaches the quota.
	e := election(t, "A B C", 2, "50: A>B", "30: C", "20: B")
	r := count(t, MethodMeekSTV, e, 0)
	if got := electedNames(r); !slices.Equal(got, []string{"A", "B"}) {
		t.Errorf("elected %v", got)
	}
	if got := r.Stages[0].Quota.String(); got != "33.333333334" {
		t.Errorf("quota %s", got)
	}
	if got := totals(r.Stages[1]); !slices.Equal(got, []string{"33.33333335", "36.66666665", "30"}) {
		t.Errorf("stage 2 totals %v", got)
	}
}

func TestSurplusSkipsElected(t *testing.T) {
	// 100 papers, 3 seats: Scottish quota 100 ÷ 4 = 25, + 1 = 26. A (30)
	// and B (26, no surplus) are elected at stage 1. A's surplus of 4
	// passes at 4 ÷ 30 = 0.13333 over B, already elected, to C:
	// 30 × 0.13333 = 3.9999, so C has 23.9999. E is excluded (10 to D: 24),
	// then C (23.9999 < 24), and D is deemed elected (rule 52).
	e := election(t, "A B C D E", 3,
		"30: A>B>C",
		"26: B>A>D",
		"20: C",
		"14: D",
		"10: E>D",
	)
	s := count(t, MethodScottishSTV, e, 0)
	if got := electedNames(s); !slices.Equal(got, []string{"A", "B", "D"}) {
		t.Errorf("scottish elected %v, want [A B D]", got)
	}
	if got := totals(s.Stages[1]); !slices.Equal(got, []string{"26", "26", "23.9999", "14", "10"}) {
		t.Errorf("stage 2 totals %v", got)
	}
	if got := totals(s.Stages[2]); !slices.Equal(got, []string{"26", "26", "23.9999", "24", "0"}) {
		t.Errorf("stage 3 totals %v", got)
	}
	if got := s.Stages[3].DeemedElected; !slices.Equal(got, []int{3}) {
		t.Errorf("deemed elected %v", got)
	}
	// Meek: A's and B's keep values settle so that each keeps the quota;
	// C gains 30·x·y and D 26·x·y for the small shares x, y they pass on,
	// so D still leads C after E's exclusion.
	m := count(t, MethodMeekSTV, e, 0)
	if got := electedNames(m); !slices.Equal(got, []string{"A", "B", "D"}) {
		t.Errorf("meek elected %v, want [A B D]", got)
	}
}

// TestApportionCaps: a list takes no more seats than its cap (its
// candidates); the seat it would win goes to the next highest quotient or
// remainder, and a seat no list can take is left unfilled. Without caps
// binding, the result is the same as without caps.
func TestApportionCaps(t *testing.T) {
	lists := []string{"A", "B", "C", "D", "E", "F"}
	votes := []Decimal{Int(47000), Int(16000), Int(15800), Int(12000), Int(6100), Int(3100)}
	for _, c := range []struct {
		method string
		caps   []int
		want   []int
	}{
		{MethodHare, []int{9, 9, 9, 9, 9, 9}, []int{5, 2, 1, 1, 1, 0}},
		{MethodHare, []int{4, 9, 9, 9, 9, 9}, []int{4, 2, 2, 1, 1, 0}},
		{MethodHare, []int{3, 9, 9, 9, 9, 9}, []int{3, 2, 2, 1, 1, 1}},
		{MethodHare, []int{3, 1, 1, 1, 1, 1}, []int{3, 1, 1, 1, 1, 1}},
		{MethodHare, []int{3, 2, 1, 1, 1, 1}, []int{3, 2, 1, 1, 1, 1}},
		{MethodHare, []int{1, 1, 1, 1, 1, 1}, []int{1, 1, 1, 1, 1, 1}},
		{MethodDHondt, []int{9, 9, 9, 9, 9, 9}, []int{5, 2, 2, 1, 0, 0}},
		{MethodDHondt, []int{4, 9, 9, 9, 9, 9}, []int{4, 2, 2, 1, 1, 0}},
		{MethodDHondt, []int{1, 1, 1, 1, 0, 0}, []int{1, 1, 1, 1, 0, 0}},
	} {
		r, err := Apportion(c.method, lists, votes, 10, Options{Caps: c.caps})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(r.Allocation, c.want) {
			t.Errorf("%s caps %v: allocation %v, want %v", c.method, c.caps, r.Allocation, c.want)
		}
		n := 0
		for _, a := range c.want {
			n += a
		}
		if len(r.Elected) != n {
			t.Errorf("%s caps %v: %d seats awarded, want %d", c.method, c.caps, len(r.Elected), n)
		}
	}
	// 14 to 7 for four seats, two names on each list.
	two := []string{"Internationalists", "Defensists"}
	for _, m := range []string{MethodHare, MethodDHondt, MethodSainteLague} {
		free, _ := Apportion(m, two, []Decimal{Int(14), Int(7)}, 4, Options{})
		capped, _ := Apportion(m, two, []Decimal{Int(14), Int(7)}, 4, Options{Caps: []int{2, 2}})
		if !slices.Equal(free.Allocation, []int{3, 1}) || !slices.Equal(capped.Allocation, []int{2, 2}) {
			t.Errorf("%s: %v without caps, %v with", m, free.Allocation, capped.Allocation)
		}
	}
}
