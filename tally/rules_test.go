package tally

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// This file keeps every version of the counting rules as it was
// released (Rules): TestRulesGolden counts the reference ballots of
// testdata by every method under every version and compares each count's
// figures with the version's golden file, testdata/rules/vN.golden.

var updateRules = flag.Bool("update-rules", false, "write the golden file of a version of the counting rules that has none (never one that exists)")

// rulesSeeds are the seeds of the lot each reference file is counted with.
var rulesSeeds = []uint64{1, 42}

// rulesFiles are the reference ballot files, relative to testdata: every
// BLT file there but the fuzzer's.
func rulesFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, g := range []string{"*.blt", "*/*.blt"} {
		m, err := filepath.Glob(filepath.Join("testdata", g))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range m {
			rel, _ := filepath.Rel("testdata", f)
			files = append(files, filepath.ToSlash(rel))
		}
	}
	slices.Sort(files)
	if len(files) < 10 {
		t.Fatalf("found %d reference files in testdata", len(files))
	}
	return files
}

// figures is what a count returns that a version of the rules fixes:
// everything but its words (a stage's reason, a tie's text), which a
// change may improve within a version.
type figures struct {
	Elected    []int
	Allocation []int
	Quota      Decimal
	Stages     []stageFigures
	Pairwise   [][]Decimal
	TieBreaks  []tieFigures
}

type stageFigures struct {
	Number, Subject                  int
	Kind                             string
	TransferValue                    Decimal
	Changes, Totals                  []Decimal
	NonTransferable, Lost, Quota     Decimal
	Elected, DeemedElected, Excluded []int
	Iterations                       int
}

type tieFigures struct {
	Stage, Seat, Chosen, At int
	Purpose, How            string
	Candidates, Lot         []int
}

// countLine says a count in one line of a golden file: who is elected,
// the quota and the number of stages, and a digest of all its figures.
func countLine(r *Result, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	f := figures{Elected: r.Elected, Allocation: r.Allocation, Quota: r.Quota, Pairwise: r.Pairwise}
	for _, s := range r.Stages {
		f.Stages = append(f.Stages, stageFigures{Number: s.Number, Subject: s.Subject, Kind: s.Kind, TransferValue: s.TransferValue,
			Changes: s.Changes, Totals: s.Totals, NonTransferable: s.NonTransferable, Lost: s.Lost, Quota: s.Quota,
			Elected: s.Elected, DeemedElected: s.DeemedElected, Excluded: s.Excluded, Iterations: s.Iterations})
	}
	for _, tb := range r.TieBreaks {
		f.TieBreaks = append(f.TieBreaks, tieFigures{Stage: tb.Stage, Seat: tb.Seat, Chosen: tb.Chosen, At: tb.At, Purpose: tb.Purpose, How: tb.How, Candidates: tb.Candidates, Lot: tb.Lot})
	}
	b, err := json.Marshal(f)
	if err != nil {
		panic(err)
	}
	sum := sha256.Sum256(b)
	return fmt.Sprintf("elected %v quota %s stages %d ties %d figures %s", r.Elected, r.Quota, len(r.Stages), len(r.TieBreaks), hex.EncodeToString(sum[:8]))
}

// decideCases are the votes every version's Decide is held to: each
// threshold of the rules of procedure, ties, one vote either side of
// the fraction, weights with decimals, and figures refused.
func decideCases() []struct {
	rule Rule
	c    Counts
} {
	rules := []Rule{
		{}, {AbstentionsCount: true},
		{Fraction: TwoThirds, AtLeast: true}, {Fraction: TwoThirds, AtLeast: true, AbstentionsCount: true},
		{Fraction: ThreeQuarters, AtLeast: true},
		{Base: BasePresent}, {Base: BaseMembers}, {Base: BasePresent, Fraction: TwoThirds, AtLeast: true},
	}
	counts := []Counts{
		{For: Int(74), Against: Int(66), Present: Int(150), Members: Int(400)},
		{For: Int(70), Against: Int(70), Abstentions: Int(3), Present: Int(143), Members: Int(143)},
		{For: Int(100), Against: Int(50), Present: Int(160), Members: Int(300)},
		{For: Int(99), Against: Int(50), Abstentions: Int(1), Present: Int(150), Members: Int(300)},
		{For: Int(3), Against: Int(1), Present: Int(4), Members: Int(4)},
		{For: Int(1), Present: Int(1), Members: Int(1)},
		{Present: Int(10), Members: Int(10)},
		{For: MustDecimal("12.5"), Against: MustDecimal("12.25"), Abstentions: MustDecimal("0.5"), Present: MustDecimal("30"), Members: MustDecimal("40.75")},
		{For: Int(201), Against: Int(199), Present: Int(400), Members: Int(401)},
		{For: Int(10), Against: Int(5), Present: Int(12), Members: Int(20)},
		{For: Int(-1), Against: Int(5), Present: Int(12), Members: Int(20)},
	}
	var out []struct {
		rule Rule
		c    Counts
	}
	for _, r := range rules {
		for _, c := range counts {
			out = append(out, struct {
				rule Rule
				c    Counts
			}{r, c})
		}
	}
	return out
}

func decideLine(d Decision, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	return fmt.Sprintf("carried %t base %s needed %s: %s", d.Carried, d.Base, d.Needed, d.Arithmetic)
}

// rulesGolden is every line of the golden file of version v, each
// count's key and what it says, made by counting now.
func rulesGolden(t *testing.T, v Rules) []string {
	t.Helper()
	var lines []string
	for _, file := range rulesFiles(t) {
		e := readBLTFile(t, filepath.Join("testdata", file))
		for _, m := range Methods {
			for _, seed := range rulesSeeds {
				r, err := CountBy(v, m, e, Options{Seed: seed})
				lines = append(lines, fmt.Sprintf("count %s %s seed %d: %s", file, m, seed, countLine(r, err)))
			}
		}
	}
	for i, c := range decideCases() {
		d, err := DecideBy(v, c.rule, c.c)
		lines = append(lines, fmt.Sprintf("decide %d %s; %s for, %s against, %s abstaining, %s present, %s members: %s",
			i, c.rule, c.c.For, c.c.Against, c.c.Abstentions, c.c.Present, c.c.Members, decideLine(d, err)))
	}
	return lines
}

// TestRulesGolden fails when a version of the counting rules counts any
// reference file, by any method, or decides any vote of decideCases,
// otherwise than its golden file says it did when it was released: a
// change to a method's results is a new version, and the versions
// before it stay as they were (Rules). A version without a golden file
// fails too; -update-rules writes it, and never rewrites one.
func TestRulesGolden(t *testing.T) {
	for v := Rules1; v <= LatestRules; v++ {
		if !v.Known() {
			t.Fatalf("this plenum does not count by %s, which is not the latest (%s): every version stays", v, LatestRules)
		}
		path := filepath.Join("testdata", "rules", v.String()+".golden")
		got := rulesGolden(t, v)
		want, err := os.ReadFile(path)
		if errors.Is(err, os.ErrNotExist) && *updateRules {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("wrote %s", path)
			continue
		}
		if err != nil {
			t.Fatalf("%s has no golden file (%v): go test ./tally -run TestRulesGolden -update-rules writes it", v, err)
		}
		wantLines := strings.Split(strings.TrimRight(string(want), "\n"), "\n")
		if len(wantLines) != len(got) {
			t.Errorf("%s: %d counts, the golden file %s has %d", v, len(got), path, len(wantLines))
		}
		changed := 0
		for i := range min(len(got), len(wantLines)) {
			if got[i] != wantLines[i] {
				changed++
				if changed <= 10 {
					t.Errorf("%s counts otherwise than when it was released:\n  was %s\n  now %s", v, wantLines[i], got[i])
				}
			}
		}
		if changed > 0 {
			t.Errorf("%s: %d of %d counts changed; a change to what a method returns is a new version of the counting rules, and %s must stay as it was (see tally.Rules)", v, changed, len(got), v)
		}
	}
}

// TestGoldenSeesAChange checks that the golden lines see a change of
// any figure, in the digest, though the elected stay the same.
func TestGoldenSeesAChange(t *testing.T) {
	e := readBLTFile(t, filepath.Join("testdata", "meek", "random-100002.blt"))
	r, err := Count(MethodMeekSTV, e, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	before := countLine(r, nil)
	last := &r.Stages[len(r.Stages)-1]
	last.Totals[0] = last.Totals[0].Add(Decimal{1})
	if after := countLine(r, nil); after == before {
		t.Errorf("a total changed by 10⁻⁹ leaves the golden line as it was: %s", before)
	}
}

// TestUnknownRules checks that a version this plenum does not know is
// refused as such by every counting function, never counted by another.
func TestUnknownRules(t *testing.T) {
	e := readBLTFile(t, filepath.Join("testdata", "tennessee.blt"))
	for _, v := range []Rules{0, LatestRules + 1, 99} {
		var ue *UnknownRulesError
		if _, err := CountBy(v, MethodMeekSTV, e, Options{}); !errors.As(err, &ue) || ue.Rules != v {
			t.Errorf("CountBy(%s): %v, want an UnknownRulesError", v, err)
		}
		if _, err := ApportionBy(v, MethodDHondt, []string{"a"}, []Decimal{Int(1)}, 1, Options{}); !errors.As(err, &ue) {
			t.Errorf("ApportionBy(%s): %v, want an UnknownRulesError", v, err)
		}
		if _, err := DecideBy(v, Rule{}, Counts{For: Int(1)}); !errors.As(err, &ue) {
			t.Errorf("DecideBy(%s): %v, want an UnknownRulesError", v, err)
		}
	}
	want := "counting rules v3, which this plenum does not know (it counts by v1): use a newer plenum"
	if LatestRules == Rules1 {
		if got := (&UnknownRulesError{Rules: 3}).Error(); got != want {
			t.Errorf("the error says %q, want %q", got, want)
		}
	}
}

// dumpResult says a result's figures, one line each, as the program
// that made testdata/rules/earlier-meek.golden did with the countMeek of
// 8384d87's parent.
func dumpResult(r *Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "elected %v quota %s\n", r.Elected, r.Quota)
	for _, st := range r.Stages {
		fmt.Fprintf(&b, "stage %d %s subject %d:", st.Number, st.Kind, st.Subject)
		for _, t := range st.Totals {
			fmt.Fprintf(&b, " %s", t)
		}
		fmt.Fprintf(&b, "; nt %s; quota %s; elected %v; deemed %v; excluded %v; iterations %d\n", st.NonTransferable, st.Quota, st.Elected, st.DeemedElected, st.Excluded, st.Iterations)
	}
	for _, t := range r.TieBreaks {
		fmt.Fprintf(&b, "tie stage %d %s among %v: %d by %s\n", t.Stage, t.Purpose, t.Candidates, t.Chosen, t.How)
	}
	return b.String()
}

// earlierMeekRandom is the i-th random election of the golden file's
// second part: 3 to 8 candidates, up to 3 seats, 5 to 44 ballots of
// weight 1 to 3, as weighted mandates give them.
func earlierMeekRandom(i uint64) *Election {
	rng := rand.New(rand.NewPCG(i, 99))
	n := 3 + rng.IntN(6)
	e := &Election{Seats: 1 + rng.IntN(min(3, n-1))}
	for c := range n {
		e.Candidates = append(e.Candidates, fmt.Sprintf("c%d", c))
	}
	for range 5 + rng.IntN(40) {
		perm := rng.Perm(n)[:1+rng.IntN(n)]
		var rk [][]int
		for _, c := range perm {
			rk = append(rk, []int{c})
		}
		e.Ballots = append(e.Ballots, Ballot{Weight: Int(int64(1 + rng.IntN(3))), Ranking: rk})
	}
	return e
}

// TestEarlierMeekAsItWas compares EarlierMeek with what the countMeek
// of 8384d87's parent made, run from that commit's tree: every figure of
// the count sheets of the reference files (seeds 1 and 42), and whom it
// elects, in order, in 1,000 random weighted elections
// (testdata/rules/earlier-meek.golden). Records of that time were
// counted by it, and are counted by it again.
func TestEarlierMeekAsItWas(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "rules", "earlier-meek.golden"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]string{} // a case's key, its lines
	var order []string
	key := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "== "):
			key = strings.TrimPrefix(line, "== ")
			order = append(order, key)
		case strings.HasPrefix(line, "random "):
			k, v, _ := strings.Cut(line, ": ")
			order = append(order, k)
			want[k] = v
		default:
			want[key] += line + "\n"
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(order) < 1000 {
		t.Fatalf("the golden file holds %d cases", len(order))
	}
	differs := 0
	for _, k := range order {
		var got string
		if n, ok := strings.CutPrefix(k, "random "); ok {
			i, _ := strconv.ParseUint(n, 10, 64)
			e := earlierMeekRandom(i)
			r, err := EarlierMeek(e, Options{Seed: i})
			if err != nil {
				t.Fatal(err)
			}
			got = fmt.Sprint(r.Elected)
			if now, _ := Count(MethodMeekSTV, e, Options{Seed: i}); !slices.Equal(now.Elected, r.Elected) {
				differs++
			}
		} else {
			file, seed, _ := strings.Cut(k, " seed ")
			s, _ := strconv.ParseUint(seed, 10, 64)
			r, err := EarlierMeek(readBLTFile(t, filepath.Join("testdata", file)), Options{Seed: s})
			if err != nil {
				t.Fatal(err)
			}
			got = dumpResult(r)
		}
		if got != want[k] {
			t.Errorf("%s: EarlierMeek counts\n%s\nthe Meek of before 2026-12-02 counted\n%s", k, got, want[k])
		}
	}
	// The two Meeks do differ, which is why the earlier one is kept.
	if differs == 0 {
		t.Errorf("EarlierMeek elects as Meek v1 does in every random election")
	}
}
