package tally

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
)

func TestReadBLT(t *testing.T) {
	f, err := os.Open("testdata/tennessee.blt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	e, err := ReadBLT(f)
	if err != nil {
		t.Fatal(err)
	}
	if e.Seats != 1 || e.Title != "Tennessee capital" || len(e.Ballots) != 4 || e.Candidates[3] != "Knoxville" {
		t.Errorf("read %+v", e)
	}
	if got := e.Ballots[1].Ranking; !slices.EqualFunc(got, [][]int{{1}, {2}, {3}, {0}}, slices.Equal) {
		t.Errorf("ballot 2 ranking %v", got)
	}
	r := count(t, MethodIRV, e, 0)
	if got := electedNames(r); !slices.Equal(got, []string{"Knoxville"}) {
		t.Errorf("elected %v", got)
	}
}

func TestReadBLTFeatures(t *testing.T) {
	in := `3 2
-2
(a) 2 1=3 0
1.5 3 1 0
0
"Ann" "Bob"
"Cy"
`
	e, err := ReadBLT(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(e.Withdrawn, []int{1}) || !slices.Equal(e.Candidates, []string{"Ann", "Bob", "Cy"}) || e.Title != "" {
		t.Errorf("read %+v", e)
	}
	if got := e.Ballots[0].Ranking; len(got) != 1 || !slices.Equal(got[0], []int{0, 2}) {
		t.Errorf("equal ranking %v", got)
	}
	if e.Ballots[1].Weight.String() != "1.5" {
		t.Errorf("weight %s", e.Ballots[1].Weight)
	}
}

func TestReadBLTErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "empty file"},
		{"6 2 1\n", "line 1: want the number of candidates and the number of seats"},
		{"6 x\n", "line 1: want two positive whole numbers"},
		{"6 2\n1 2 7 0\n0\n", "line 2: preference 7 is not a candidate (there are 6)"},
		{"6 2\n1 2 3\n0\n", "line 2: a ballot must end with 0"},
		{"3 1\n1 2 2 0\n0\n", "line 2: candidate 2 is ranked twice"},
		{"3 1\nx 1 0\n0\n", "line 2: ballot weight \"x\""},
		{"3 1\n1 1 0\n", "the file ends inside the ballots"},
		{"3 1\n1 1 0\n0\n\"A\"\n\"B\"\n", "line 5: 2 candidate names for 3 candidates"},
		{"3 1\n-4\n0\n", "line 2: withdrawn candidate 4 is not a candidate"},
		{"2 1\n1 1 0\n0\n\"A\"\n\"B\"\n\"T\"\n\"X\"\n", "line 7: more names"},
		{"2 1\n1 1 0\n0\n\"A\n", "line 4: a name lacks its closing quote"},
		// Found by FuzzReadBLT: a list count of this many seats ran for minutes.
		{"1 100000000\n0\n", "line 1: 100000000 seats is more than a count fills (at most 100000)"},
	}
	for _, tt := range tests {
		_, err := ReadBLT(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, ErrSyntax) {
			t.Errorf("ReadBLT(%q) error = %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestReadPrefLib(t *testing.T) {
	modern := `# FILE NAME: 00000-00000001.toi
# TITLE: A small election
# DATA TYPE: toi
# NUMBER ALTERNATIVES: 3
# ALTERNATIVE NAME 1: Ann
# ALTERNATIVE NAME 2: Bob
# ALTERNATIVE NAME 3: Cy
# NUMBER VOTERS: 6
# NUMBER UNIQUE ORDERS: 3
3: 1,2,3
2: {2,3},1
1: 3
`
	e, err := ReadPrefLib(strings.NewReader(modern), FormatTOI)
	if err != nil {
		t.Fatal(err)
	}
	if e.Title != "A small election" || !slices.Equal(e.Candidates, []string{"Ann", "Bob", "Cy"}) || len(e.Ballots) != 3 {
		t.Fatalf("read %+v", e)
	}
	if got := e.Ballots[1].Ranking; !slices.EqualFunc(got, [][]int{{1, 2}, {0}}, slices.Equal) {
		t.Errorf("tied ranking %v", got)
	}
	old := `3
1,Ann
2,Bob
3,Cy
6,6,3
3,1,2,3
2,2,1,3
1,3,2,1
`
	e, err = ReadPrefLib(strings.NewReader(old), FormatSOC)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(e.Candidates, []string{"Ann", "Bob", "Cy"}) || len(e.Ballots) != 3 || e.Ballots[0].Weight.String() != "3" {
		t.Fatalf("read old format %+v", e)
	}
	bad := []struct{ in, format, want string }{
		{"# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 3\n1: 1,{2,3}\n", FormatSOI, "line 3: equal preferences {…} are not allowed in soi"},
		{"# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 3\n1: 1,2\n", FormatSOC, "line 3: alternative 3 is not ranked"},
		{"# NUMBER ALTERNATIVES: 3\n1: 1,4\n", FormatSOI, "line 2: preference 4 is not an alternative (there are 3)"},
		{"# NUMBER ALTERNATIVES: 3\n1: 1,1\n", FormatSOI, "line 2: alternative 1 is ranked twice"},
		{"# DATA TYPE: soi\n", FormatTOI, "line 1: the file says its data type is \"soi\""},
		{"# NUMBER ALTERNATIVES: 3\nx: 1\n", FormatSOI, "line 2: count \"x\""},
	}
	for _, b := range bad {
		_, err := ReadPrefLib(strings.NewReader(b.in), b.format)
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("ReadPrefLib(%q) error = %v, want %q", b.in, err, b.want)
		}
	}
}

func TestReadCSV(t *testing.T) {
	in := `weight,Ann,Bob,Cy
# a comment
2,1,2,
1,,1,1
3,2,,5
`
	e, err := ReadCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(e.Candidates, []string{"Ann", "Bob", "Cy"}) || len(e.Ballots) != 3 {
		t.Fatalf("read %+v", e)
	}
	want := [][][]int{{{0}, {1}}, {{1, 2}}, {{0}, {2}}}
	for i, w := range want {
		if !slices.EqualFunc(e.Ballots[i].Ranking, w, slices.Equal) {
			t.Errorf("ballot %d ranking %v, want %v", i+1, e.Ballots[i].Ranking, w)
		}
	}
	if e.Ballots[2].Weight.String() != "3" {
		t.Errorf("weight %s", e.Ballots[2].Weight)
	}
	bad := []struct{ in, want string }{
		{"Ann,Bob\n1,x\n", "line 2: rank \"x\" for Bob"},
		{"Ann,Bob\n1,2,3\n", "line 2: 3 fields but the first row has 2"},
		{"weight,Ann\n-1,1\n", "line 2: weight \"-1\""},
		{"Ann,\n", "line 1: column 2 has no candidate name"},
	}
	for _, b := range bad {
		_, err := ReadCSV(strings.NewReader(b.in))
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("ReadCSV(%q) error = %v, want %q", b.in, err, b.want)
		}
	}
}

func FuzzReadBLT(f *testing.F) {
	for _, s := range []string{
		"4 1\n42 1 2 3 4 0\n26 2 3 4 1 0\n0\n\"M\"\n\"N\"\n\"C\"\n\"K\"\n\"T\"\n",
		"3 2\n-2\n(a) 2 1=3 0\n1.5 3 1 0\n0\n\"Ann\" \"Bob\"\n\"Cy\"\n",
		"2 1\n1 1 0\n0\nA\nB\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		e, err := ReadBLT(strings.NewReader(in))
		if err != nil {
			if !errors.Is(err, ErrSyntax) {
				t.Fatalf("error %v is not a syntax error", err)
			}
			return
		}
		if err := e.Validate(); err != nil {
			if strings.Contains(err.Error(), "billion") {
				return // many heavy ballots: refused by Count, not by the reader
			}
			t.Fatalf("ReadBLT accepted an invalid election: %v", err)
		}
		if len(e.Candidates) > 50 || len(e.Ballots) > 200 {
			return
		}
		for _, m := range []string{MethodScottishSTV, MethodIRV, MethodDHondt} {
			r, err := Count(m, e, Options{})
			if err != nil {
				continue // e.g. fractional weights under Scottish STV
			}
			if len(r.Elected) > r.Seats {
				t.Fatalf("%s elected %d for %d seats", m, len(r.Elected), r.Seats)
			}
		}
	})
}
