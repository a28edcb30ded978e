package tally

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// This file checks the STV methods and Schulze against results published
// or computed by implementations other than plenum's: the PR Foundation's
// Meek reference rule as Droop 0.11 (Jonathan Lundell) counts it, the
// ERS97 rules as OpenSTV 1.7 (Jeffrey O'Neill; checked by its author
// against the ERS's own eSTV) counts them, and the examples of Schulze's
// paper. The ballots in testdata/ers97 and testdata/meek were drawn at
// random for these tests; the files beside them hold what the other
// program made of them.

// fields collapses the white space in a name, as the other programs do.
func fields(s string) string { return strings.Join(strings.Fields(s), " ") }

func readBLTFile(t *testing.T, path string) *Election {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	e, err := ReadBLT(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return e
}

// TestMeekReferenceExample is the election of Droop's test 42 ("Pollux
// and Helen should tie"): under the reference rule they do not, since
// Pollux's 1.999999996 plus the total surplus 0.000000003 is still below
// Helen's 2 (step B.3), and Pollux is defeated. Droop's report gives
// Castor 2.000000004 and the quota 2.000000001.
func TestMeekReferenceExample(t *testing.T) {
	e := election(t, "Castor Pollux Helen", 2, "4: Castor>Pollux", "2: Helen")
	r := count(t, MethodMeekSTV, e, 0)
	if got := electedNames(r); !slices.Equal(got, []string{"Castor", "Helen"}) {
		t.Fatalf("elected %v", got)
	}
	if len(r.TieBreaks) != 0 {
		t.Errorf("tie breaks %+v; the reference rule sees no tie", r.TieBreaks)
	}
	// The last stage is Pollux's defeat, with the votes it was decided
	// on; Helen is then elected as the one hopeful left (step C.1).
	last := r.Stages[len(r.Stages)-1]
	if !slices.Equal(last.Excluded, []int{1}) || !slices.Equal(last.DeemedElected, []int{2}) {
		t.Fatalf("last stage excluded %v, deemed elected %v", last.Excluded, last.DeemedElected)
	}
	if got := last.Totals[0].StringFixed(9); got != "2.000000004" {
		t.Errorf("Castor kept %s, want 2.000000004", got)
	}
	if got := last.Totals[1].StringFixed(9); got != "1.999999996" {
		t.Errorf("Pollux had %s, want 1.999999996", got)
	}
	if got := r.Quota.StringFixed(9); got != "2.000000001" {
		t.Errorf("quota %s", got)
	}
}

// droopResult is what Droop's meek-prf rule reports at the end of a count.
type droopResult struct {
	Source  string            `json:"source"`
	Quota   string            `json:"quota"`
	Elected map[string]string `json:"elected"` // name → final vote
}

// checkMeek compares a Meek count with the reference rule's quota and
// final votes of the elected, to nine places.
func checkMeek(t *testing.T, e *Election, quota string, elected map[string]string) {
	t.Helper()
	r := count(t, MethodMeekSTV, e, 0)
	last := r.Stages[len(r.Stages)-1]
	got := map[string]string{}
	for _, c := range r.Elected {
		got[fields(r.Candidates[c])] = last.Totals[c].StringFixed(9)
	}
	want := map[string]string{}
	for n, v := range elected {
		want[fields(n)] = v
	}
	if len(got) != len(want) {
		t.Fatalf("elected %v, reference %v", got, want)
	}
	for n, v := range want {
		if got[n] != v {
			t.Errorf("%s: %s, reference %s", n, got[n], v)
		}
	}
	if q := r.Quota.StringFixed(9); q != quota {
		t.Errorf("quota %s, reference %s", q, quota)
	}
}

func TestMeekAgainstDroop(t *testing.T) {
	files, err := filepath.Glob("testdata/meek/*.blt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test elections: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			var want droopResult
			b, err := os.ReadFile(strings.TrimSuffix(f, ".blt") + ".droop.json")
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			checkMeek(t, readBLTFile(t, f), want.Quota, want.Elected)
		})
	}
}

type meekSeat struct{ name, vote string }

// glasgowMeek is, for each ward of Glasgow 2007, the quota and the final
// votes of those Meek's method elects, as Droop 0.11's meek-prf rule
// counts the same ballot files. (The count under Meek is not the official
// one, which was Scottish STV; in Craigton and Pollokshields it elects
// another councillor.)
var glasgowMeek = map[string]struct {
	quota   string
	elected []meekSeat
}{
	"Anderston-City-2007.blt":          {"1257.438713363", []meekSeat{{"Craig MacKay", "1280.501790024"}, {"Gordon Matheson", "1325.225745098"}, {"Nina Baker", "1298.307340419"}, {"Philip Braat", "1297.105615751"}}},
	"Baillieston-2007.blt":             {"1634.621873431", []meekSeat{{"David McDonald", "1644.942728241"}, {"Douglas Hay", "1652.637295268"}, {"Jim Coleman", "1647.757750635"}, {"John Mason", "1642.458994903"}}},
	"Calton-2007.blt":                  {"1189.616525052", []meekSeat{{"Alison E Thewliss", "1199.535478430"}, {"George Redmond", "1202.232556736"}, {"Ruth Simpson", "1195.519252367"}}},
	"Canal-2007.blt":                   {"1284.519839421", []meekSeat{{"Billy McAllister", "1337.723106357"}, {"Ellen Hurcombe", "1363.691493132"}, {"Jim MacKechnie", "1381.926318624"}, {"Kieran Wild", "1314.006074236"}}},
	"Craigton-2007.blt":                {"1880.406950055", []meekSeat{{"Alistair Watson", "1889.564710269"}, {"Gordon Macdiarmid", "1910.397887064"}, {"Iris Gibson", "1887.357638982"}, {"Matthew John Kerr", "1891.982948980"}}},
	"Drumchapel-Anniesland-2007.blt":   {"1600.517170560", []meekSeat{{"Bill Kidd", "1619.815929011"}, {"Jonathan Findlay", "1646.032360470"}, {"Paul Carey", "1631.458795305"}, {"Steven Purcell", "1626.629267892"}}},
	"East-Centre-2007.blt":             {"1466.826425161", []meekSeat{{"Elaine McDougall", "1548.522692571"}, {"Frank Docherty", "1580.921259248"}, {"Jennifer Dunn", "1515.851979714"}, {"Patricia Chalmers", "1540.438626509"}}},
	"Garscadden-Scotsounhill-2007.blt": {"1846.597944209", []meekSeat{{"Graeme Hendry", "1941.706194634"}, {"Jean McFadden", "1847.837375338"}, {"Liz Cameron", "1929.355285786"}, {"Paul Rooney", "1934.303281190"}}},
	"Govan-2007.blt":                   {"1668.286437503", []meekSeat{{"Allison Hunter", "1675.568558227"}, {"John Flanagan", "1685.437025645"}, {"Shaukat Butt", "1671.628104970"}, {"Stephen Dornan", "1684.720399511"}}},
	"Greater-Pollock-2007.blt":         {"1492.814941813", []meekSeat{{"Alex Glass", "1640.500906743"}, {"Patricia Duffy", "1648.985881987"}, {"Tommy Morrison", "1580.079499143"}, {"William O'Rourke", "1537.481868348"}}},
	"Hillhead-2007.blt":                {"1542.955189636", []meekSeat{{"George A Roberts", "1587.738007772"}, {"Hanzala Malik", "1568.709395323"}, {"Kenneth Elder", "1599.268073519"}, {"Martha Ferguson Wardrop", "1602.561902351"}}},
	"Langside-2007.blt":                {"1989.652601384", []meekSeat{{"Archie Graham", "2199.089224548"}, {"James Dornan", "2186.867380715"}, {"Paul Coleshill", "2013.970848579"}}},
	"Linn-2007.blt":                    {"1607.375808685", []meekSeat{{"David Ritchie", "1695.614854361"}, {"John McKenzie", "1715.738088322"}, {"Margot Clark", "1711.930976260"}, {"Sadie Docherty", "1708.341706725"}}},
	"Maryhill-Kelvin-2007.blt":         {"1823.195077032", []meekSeat{{"Alex Dingwall", "1999.460192624"}, {"Mary Paris", "2175.829532095"}, {"Mohammed Razaq", "1892.867435936"}, {"Robert Winter", "1983.392766934"}}},
	"Newlands-Auldburn-2007.blt":       {"1899.171600023", []meekSeat{{"Colin Deans", "1969.524610898"}, {"Jim McNally", "1957.173586078"}, {"Stephen Curran", "1992.217765778"}}},
	"North-East-2007.blt":              {"1517.401227415", []meekSeat{{"Catherine McMaster", "1585.494935287"}, {"Gerald Leonard", "1587.627262739"}, {"Gilbert Davidson", "1577.109547283"}, {"Grant R Thoms", "1583.668984770"}}},
	"Partick-West-2007.blt":            {"2308.749668961", []meekSeat{{"Aileen Colleran", "2348.843371544"}, {"Christopher Mason", "2402.293072992"}, {"Kenny McLean", "2420.810389398"}, {"Stuart Clay", "2413.073204500"}}},
	"Pollokshields-2007.blt":           {"1987.147844239", []meekSeat{{"Ian A Ruffell", "1992.929732047"}, {"Irfan Rabbani", "2021.948817730"}, {"Khalil Malik", "2023.595182088"}}},
	"Shettleston-2007.blt":             {"1605.950179805", []meekSeat{{"Euan McLeod", "1618.366290621"}, {"George Ryan", "1606.413955113"}, {"John F McLaughlin", "1610.738825904"}, {"Tom McKeown", "1612.903654659"}}},
	"Southside-Central-2007.blt":       {"1478.296066617", []meekSeat{{"Anne Marie Millar", "1637.252973771"}, {"Danny Alderslowe", "1613.715274059"}, {"Jahangir Hanif", "1611.627535225"}, {"James Scanlon", "1583.733073797"}}},
	"Springburn-2007.blt":              {"1321.001027663", []meekSeat{{"Allan Stewart", "1374.604293880"}, {"James Todd", "1343.727466853"}, {"Phil Greene", "1335.624140087"}}},
}

// TestMeekGlasgow2007 counts the 21 Glasgow wards by Meek's method and
// compares, to nine places, with the reference rule as Droop counts them.
func TestMeekGlasgow2007(t *testing.T) {
	dir := glasgowDir()
	if dir == "" {
		t.Skip("shared/data/glasgow-2007 not found (set PLENUM_SHARED)")
	}
	for ward, want := range glasgowMeek {
		t.Run(ward, func(t *testing.T) {
			el := map[string]string{}
			for _, s := range want.elected {
				el[s.name] = s.vote
			}
			checkMeek(t, readGlasgow(t, dir, ward), want.quota, el)
		})
	}
}

// TestGroupingDoesNotMatter: a count must not depend on how identical
// papers are grouped into ballot lines. Every ballot of weight w is split
// into lines of random weights summing to w, and identical lines are
// merged; every stage's totals must come out the same, to the last unit.
func TestGroupingDoesNotMatter(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := range 80 {
		e := randomElection(rng, 3+rng.IntN(8), 1+rng.IntN(4), 10+rng.IntN(80), 12)
		split := *e
		split.Ballots = nil
		for _, b := range e.Ballots {
			w := b.Weight.IntPart()
			for w > 0 {
				k := 1 + rng.Int64N(w)
				split.Ballots = append(split.Ballots, Ballot{Weight: Int(k), Ranking: b.Ranking})
				w -= k
			}
		}
		merged := *e
		merged.Ballots = nil
		seen := map[string]int{}
		for _, b := range e.Ballots {
			key := strings.Trim(strings.Join(strings.Fields(strings.Trim(jsonOf(b.Ranking), "[]")), ""), " ")
			if i, ok := seen[key]; ok {
				merged.Ballots[i].Weight = merged.Ballots[i].Weight.Add(b.Weight)
				continue
			}
			seen[key] = len(merged.Ballots)
			merged.Ballots = append(merged.Ballots, b)
		}
		for _, m := range Methods {
			a := count(t, m, e, uint64(trial))
			for name, other := range map[string]*Election{"split": &split, "merged": &merged} {
				b := count(t, m, other, uint64(trial))
				if !slices.Equal(a.Elected, b.Elected) || len(a.Stages) != len(b.Stages) {
					t.Fatalf("trial %d, %s, %s: elected %v in %d stages, grouped otherwise %v in %d", trial, m, name, a.Elected, len(a.Stages), b.Elected, len(b.Stages))
				}
				for i := range a.Stages {
					if !slices.Equal(a.Stages[i].Totals, b.Stages[i].Totals) {
						t.Fatalf("trial %d, %s, %s: stage %d totals %v, grouped otherwise %v", trial, m, name, i+1, a.Stages[i].Totals, b.Stages[i].Totals)
					}
				}
			}
		}
	}
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// openstvResult is what OpenSTV's ERS97 method reports: the winners and
// each round's totals as printed, "" for a candidate already excluded.
type openstvResult struct {
	Source  string     `json:"source"`
	Elected []string   `json:"elected"`
	Rounds  [][]string `json:"rounds"`
}

// TestERS97AgainstOpenSTV compares the elected and the totals of every
// row of the count sheet but the last with OpenSTV's rounds: OpenSTV
// makes each batch of an exclusion a round of its own, as plenum makes it
// a row; at the very end it transfers the papers of the last candidate
// excluded before deeming the rest elected, where plenum applies 5.5.1
// as written and stops, so the last rows are not compared.
func TestERS97AgainstOpenSTV(t *testing.T) {
	files, err := filepath.Glob("testdata/ers97/*.blt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test elections: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			var want openstvResult
			b, err := os.ReadFile(strings.TrimSuffix(f, ".blt") + ".openstv.json")
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			r := count(t, MethodERS97STV, readBLTFile(t, f), 0)
			got := electedNames(r)
			slices.Sort(got)
			if !slices.Equal(got, want.Elected) {
				t.Fatalf("elected %v, OpenSTV %v", got, want.Elected)
			}
			rows := min(len(want.Rounds), len(r.Stages)) - 1
			for i := range rows {
				for c, w := range want.Rounds[i] {
					g := r.Stages[i].Totals[c].StringFixed(2)
					if w == "" {
						continue // excluded: OpenSTV leaves the cell empty
					}
					if g != w {
						t.Errorf("row %d, %s: %s, OpenSTV %s", i+1, r.Candidates[c], g, w)
					}
				}
			}
		})
	}
}

// TestERS97Example is the example of the article "Counting single
// transferable votes" (Wikipedia): 57 papers, 2 seats, quota 57 ÷ 3 = 19.
// Andrea's surplus of 21 passes on 40 papers at 21 ÷ 40 = 0.525, to two
// places 0.52 (5.3.7): Brad 16 × 0.52 = 8.32, Carter 24 × 0.52 = 12.48,
// and 0.20 is lost. Brad is excluded, and Carter, with 20.80, reaches the
// active-vote threshold (57 − 0.20 − 19) ÷ 2 = 18.90 (5.4.9(b)).
func TestERS97Example(t *testing.T) {
	e := election(t, "Andrea Brad Carter Delilah", 2,
		"16: Andrea>Brad>Carter>Delilah",
		"24: Andrea>Carter>Brad>Delilah",
		"17: Delilah>Andrea>Brad>Carter",
	)
	r := count(t, MethodERS97STV, e, 0)
	if got := electedNames(r); !slices.Equal(got, []string{"Andrea", "Carter"}) {
		t.Fatalf("elected %v", got)
	}
	want := [][]string{
		{"40", "0", "0", "17"},
		{"19", "8.32", "12.48", "17"},
		{"19", "0", "20.8", "17"},
	}
	if len(r.Stages) != len(want) {
		t.Fatalf("%d stages", len(r.Stages))
	}
	for i, w := range want {
		if got := totals(r.Stages[i]); !slices.Equal(got, w) {
			t.Errorf("stage %d totals %v, want %v", i+1, got, w)
		}
	}
	if st := r.Stages[1]; st.TransferValue.String() != "0.52" || st.NonTransferable.String() != "0.2" {
		t.Errorf("transfer value %s, lost %s", st.TransferValue, st.NonTransferable)
	}
	if !slices.Equal(r.Stages[2].Elected, []int{2}) {
		t.Errorf("stage 3 elected %v", r.Stages[2].Elected)
	}
}

// TestERS97Rules checks the rules OpenSTV's random elections seldom reach.
func TestERS97Rules(t *testing.T) {
	// 5.1.6: 7 papers, 2 seats: 7 ÷ 3 = 2.333…, to two places 2.33, plus
	// 0.01.
	if r := count(t, MethodERS97STV, election(t, "A B C", 2, "4: A", "2: B", "1: C"), 0); r.Stages[0].Quota.String() != "2.34" {
		t.Errorf("quota %s, want 2.34", r.Stages[0].Quota)
	}

	// 5.2.5 and 5.4.8: 22 papers, 1 seat, quota 11. C (1) and D (3), 4
	// together, are no more than A (9): they are excluded together. C's
	// paper goes to A (10); D's 3 have no next preference, and since
	// nobody is elected yet the quota becomes (22 − 3) ÷ 2 = 9.50, which
	// A now reaches.
	e := election(t, "A B C D", 1, "9: A", "9: B", "1: C>A", "3: D")
	r := count(t, MethodERS97STV, e, 0)
	if got := electedNames(r); !slices.Equal(got, []string{"A"}) {
		t.Fatalf("elected %v", got)
	}
	if q := r.Stages[0].Quota.String(); q != "11" {
		t.Errorf("first quota %s, want 11", q)
	}
	st := r.Stages[1]
	if !slices.Equal(st.Excluded, []int{2, 3}) || !strings.Contains(st.Reason, "excluded together") {
		t.Errorf("stage 2 excluded %v: %q", st.Excluded, st.Reason)
	}
	if !strings.Contains(st.Reason, "(5.4.8)") || st.Quota.String() != "9.5" || !slices.Equal(st.Elected, []int{0}) {
		t.Errorf("stage 2: quota %s, elected %v: %q", st.Quota, st.Elected, st.Reason)
	}

	// 5.2.2: 21 papers, 2 seats, quota 7. A's surplus of 1 cannot lift E
	// (1) past C and D (3): it is deferred and E is excluded first.
	e = election(t, "A B C D E", 2, "8: A>C", "6: B", "3: C", "3: D", "1: E>D")
	r = count(t, MethodERS97STV, e, 0)
	if st := r.Stages[1]; st.Kind != StageExclusion || !slices.Equal(st.Excluded, []int{4}) || !strings.Contains(st.Reason, "the surplus of 1.00 is deferred (5.2.2)") {
		t.Fatalf("stage 2: %s %v, %q; want E excluded with the surplus deferred", st.Kind, st.Excluded, st.Reason)
	}

	// 5.6.2: B and C both reach the quota of 5 with one place to fill and
	// have had equal votes throughout: neither is deemed elected then; one
	// is excluded by lot and the other deemed elected (5.5.1).
	e = election(t, "A B C", 1, "5: B", "5: C")
	r = count(t, MethodERS97STV, e, 0)
	if !strings.Contains(r.Stages[0].Reason, "(5.6.2)") || len(r.Stages[0].Elected) != 0 {
		t.Errorf("stage 1: elected %v, %q", r.Stages[0].Elected, r.Stages[0].Reason)
	}
	if len(r.Elected) != 1 || len(r.TieBreaks) == 0 {
		t.Errorf("elected %v, tie breaks %+v", r.Elected, r.TieBreaks)
	}
}

// TestTieNamesTheLot: A, B and C tie for exclusion; an earlier stage
// leaves B and C level, and the lot is drawn between them. The record
// names exactly those two in the lot.
func TestTieNamesTheLot(t *testing.T) {
	// Stage 1: A 5, B 4, C 4; stage 2: all 6. Looking back from stage 2,
	// stage 1 leaves B and C.
	tb := &tieBreaker{cands: []string{"A", "B", "C"}, lot: newLot(7)}
	tb.history = [][]int64{{5, 4, 4}, {6, 6, 6}}
	c := tb.pick([]int{0, 1, 2}, false, 3, "exclusion")
	got := tb.breaks[0]
	if got.How != "lot" || !slices.Equal(got.Lot, []int{1, 2}) || (c != 1 && c != 2) {
		t.Fatalf("tie break %+v", got)
	}
	if !slices.Equal(got.Candidates, []int{0, 1, 2}) {
		t.Errorf("candidates %v, want all three as tied", got.Candidates)
	}
	want := "tie between A, B and C for exclusion; the earlier stages leave B and C tied; broken by lot among B and C, seed 7: " + tb.cands[c]
	if got.Text != want {
		t.Errorf("text %q\nwant %q", got.Text, want)
	}
	// Forward, as ERS97 looks: the first stage decides at once.
	tb = &tieBreaker{cands: []string{"A", "B", "C"}, lot: newLot(7), forward: true}
	tb.history = [][]int64{{5, 4, 4}, {3, 4, 4}, {6, 6, 6}}
	if c := tb.pick([]int{0, 1, 2}, false, 4, "exclusion"); c == 0 || tb.breaks[0].How != "lot" || !slices.Equal(tb.breaks[0].Lot, []int{1, 2}) {
		t.Fatalf("forward: chose %d, %+v", c, tb.breaks[0])
	}
}

// TestSchulzeExamples are the examples of Schulze's paper (§3.1, the
// one also on Wikipedia and electowiki): 45 voters, 5 candidates; the
// winner is E and the ranking E > A > C > B > D.
func TestSchulzeExamples(t *testing.T) {
	e := election(t, "A B C D E", 1,
		"5: A>C>B>E>D",
		"5: A>D>E>C>B",
		"8: B>E>D>A>C",
		"3: C>A>B>E>D",
		"7: C>A>E>B>D",
		"2: C>B>A>D>E",
		"7: D>C>E>B>A",
		"8: E>B>A>D>C",
	)
	r := count(t, MethodSchulze, e, 0)
	if got := electedNames(r); !slices.Equal(got, []string{"E"}) {
		t.Fatalf("winner %v, want E", got)
	}
	// d[A,B] = 20, d[B,A] = 25 (§3.1's matrix).
	if r.Pairwise[0][1].String() != "20" || r.Pairwise[1][0].String() != "25" {
		t.Errorf("d[A,B] %s, d[B,A] %s", r.Pairwise[0][1], r.Pairwise[1][0])
	}
	e.Seats = 5
	r = count(t, MethodSchulze, e, 0)
	if got := strings.Join(electedNames(r), " > "); got != "E > A > C > B > D" {
		t.Errorf("ranking %s", got)
	}
	if r.Stages[0].Reason != "ranking by the strongest paths: E > A > C > B > D" {
		t.Errorf("reason %q", r.Stages[0].Reason)
	}
	// A Condorcet winner wins: B beats A and C one to one.
	e = election(t, "A B C", 1, "4: A>B>C", "5: B>C>A", "3: C>A>B", "2: B>A>C")
	if got := electedNames(count(t, MethodSchulze, e, 0)); !slices.Equal(got, []string{"B"}) {
		t.Errorf("winner %v, want the Condorcet winner B", got)
	}
	// A perfect cycle of equal strength is a tie for the lot.
	e = election(t, "A B C", 1, "1: A>B>C", "1: B>C>A", "1: C>A>B")
	seen := map[string]bool{}
	for seed := range uint64(24) {
		r := count(t, MethodSchulze, e, seed)
		if len(r.TieBreaks) != 1 || !slices.Equal(r.TieBreaks[0].Lot, []int{0, 1, 2}) {
			t.Fatalf("tie breaks %+v", r.TieBreaks)
		}
		seen[electedNames(r)[0]] = true
	}
	if len(seen) != 3 {
		t.Errorf("the lot chose only %v over 24 seeds", seen)
	}
}

// glasgowERS97 is, for each ward of Glasgow 2007, whom the ERS97 rules
// elect from the same ballot files, as OpenSTV 1.7 counts them. ERS97
// elects the councillors the Scottish count declared in every ward.
var glasgowERS97 = map[string][]string{
	"Anderston-City-2007.blt":          {"Craig MacKay", "Gordon Matheson", "Nina Baker", "Philip Braat"},
	"Baillieston-2007.blt":             {"David McDonald", "Douglas Hay", "Jim Coleman", "John Mason"},
	"Calton-2007.blt":                  {"Alison E Thewliss", "George Redmond", "Ruth Simpson"},
	"Canal-2007.blt":                   {"Billy McAllister", "Ellen Hurcombe", "Jim MacKechnie", "Kieran Wild"},
	"Craigton-2007.blt":                {"Alistair Watson", "Iris Gibson", "Matthew John Kerr", "Ruth Black"},
	"Drumchapel-Anniesland-2007.blt":   {"Bill Kidd", "Jonathan Findlay", "Paul Carey", "Steven Purcell"},
	"East-Centre-2007.blt":             {"Elaine McDougall", "Frank Docherty", "Jennifer Dunn", "Patricia Chalmers"},
	"Garscadden-Scotsounhill-2007.blt": {"Graeme Hendry", "Jean McFadden", "Liz Cameron", "Paul Rooney"},
	"Govan-2007.blt":                   {"Allison Hunter", "John Flanagan", "Shaukat Butt", "Stephen Dornan"},
	"Greater-Pollock-2007.blt":         {"Alex Glass", "Patricia Duffy", "Tommy Morrison", "William O'Rourke"},
	"Hillhead-2007.blt":                {"George A Roberts", "Hanzala Malik", "Kenneth Elder", "Martha Ferguson Wardrop"},
	"Langside-2007.blt":                {"Archie Graham", "James Dornan", "Paul Coleshill"},
	"Linn-2007.blt":                    {"David Ritchie", "John McKenzie", "Margot Clark", "Sadie Docherty"},
	"Maryhill-Kelvin-2007.blt":         {"Alex Dingwall", "Mary Paris", "Mohammed Razaq", "Robert Winter"},
	"Newlands-Auldburn-2007.blt":       {"Colin Deans", "Jim McNally", "Stephen Curran"},
	"North-East-2007.blt":              {"Catherine McMaster", "Gerald Leonard", "Gilbert Davidson", "Grant R Thoms"},
	"Partick-West-2007.blt":            {"Aileen Colleran", "Christopher Mason", "Kenny McLean", "Stuart Clay"},
	"Pollokshields-2007.blt":           {"David Meikle", "Irfan Rabbani", "Khalil Malik"},
	"Shettleston-2007.blt":             {"Euan McLeod", "George Ryan", "John F McLaughlin", "Tom McKeown"},
	"Southside-Central-2007.blt":       {"Anne Marie Millar", "Danny Alderslowe", "Jahangir Hanif", "James Scanlon"},
	"Springburn-2007.blt":              {"Allan Stewart", "James Todd", "Phil Greene"},
}

func TestERS97Glasgow2007(t *testing.T) {
	dir := glasgowDir()
	if dir == "" {
		t.Skip("shared/data/glasgow-2007 not found (set PLENUM_SHARED)")
	}
	for ward, want := range glasgowERS97 {
		t.Run(ward, func(t *testing.T) {
			r := count(t, MethodERS97STV, readGlasgow(t, dir, ward), 0)
			var got []string
			for _, n := range electedNames(r) {
				got = append(got, fields(n))
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("elected %q, OpenSTV %q", got, want)
			}
			if len(r.TieBreaks) > 0 {
				t.Errorf("ties broken %+v", r.TieBreaks)
			}
		})
	}
}
