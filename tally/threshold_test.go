package tally

import (
	"errors"
	"testing"
)

func TestDecide(t *testing.T) {
	d := MustDecimal
	tests := []struct {
		name    string
		rule    Rule
		c       Counts
		carried bool
		needed  string
		arith   string
	}{
		{"simple majority, the source's vote", Rule{}, Counts{For: d("74"), Against: d("66")},
			true, "71", "74 for, 66 against, 140 cast; 71 needed; carried"},
		{"tie is lost under more than half", Rule{}, Counts{For: d("70"), Against: d("70")},
			false, "71", "70 for, 70 against, 140 cast; 71 needed; not carried"},
		{"abstentions do not count by default", Rule{}, Counts{For: d("74"), Against: d("66"), Abstentions: d("20")},
			true, "71", "74 for, 66 against, 20 abstaining, 140 cast; 71 needed; carried"},
		{"abstentions counted", Rule{AbstentionsCount: true}, Counts{For: d("74"), Against: d("66"), Abstentions: d("20")},
			false, "81", "74 for, 66 against, 20 abstaining, 160 cast; 81 needed; not carried"},
		{"half exactly carries when at least", Rule{AtLeast: true}, Counts{For: d("70"), Against: d("70")},
			true, "70", "70 for, 70 against, 140 cast; 70 needed; carried"},
		{"two-thirds of 140 cast is 93⅓: 94 needed", Rule{Fraction: TwoThirds, AtLeast: true}, Counts{For: d("93"), Against: d("47")},
			false, "94", "93 for, 47 against, 140 cast; 94 needed; not carried"},
		{"two-thirds of 90 cast is exactly 60", Rule{Fraction: TwoThirds, AtLeast: true}, Counts{For: d("60"), Against: d("30")},
			true, "60", "60 for, 30 against, 90 cast; 60 needed; carried"},
		{"three-quarters of 100", Rule{Fraction: ThreeQuarters, AtLeast: true}, Counts{For: d("75"), Against: d("25")},
			true, "75", "75 for, 25 against, 100 cast; 75 needed; carried"},
		{"majority of those present", Rule{Base: BasePresent}, Counts{For: d("74"), Against: d("66"), Abstentions: d("10"), Present: d("152")},
			false, "77", "74 for, 66 against, 10 abstaining, 152 present; 77 needed; not carried"},
		{"majority of members", Rule{Base: BaseMembers}, Counts{For: d("100"), Against: d("20"), Members: d("200")},
			false, "101", "100 for, 20 against, 200 members; 101 needed; not carried"},
		{"weighted mandates, exact decimals", Rule{}, Counts{For: d("10.5"), Against: d("10")},
			true, "10.3", "10.5 for, 10 against, 20.5 cast; 10.3 needed; carried"},
		{"nobody voting carries nothing", Rule{AtLeast: true}, Counts{},
			false, "1", "0 for, 0 against, 0 cast; 1 needed; not carried"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decide(tt.rule, tt.c)
			if err != nil {
				t.Fatal(err)
			}
			if got.Carried != tt.carried || got.Needed.String() != tt.needed || got.Arithmetic != tt.arith {
				t.Errorf("Decide = %v, needed %s, %q; want %v, %s, %q", got.Carried, got.Needed, got.Arithmetic, tt.carried, tt.needed, tt.arith)
			}
		})
	}
}

func TestDecideErrors(t *testing.T) {
	d := MustDecimal
	bad := []struct {
		rule Rule
		c    Counts
	}{
		{Rule{Base: BasePresent}, Counts{For: d("10"), Against: d("5"), Present: d("12")}},
		{Rule{Base: BaseMembers}, Counts{For: d("10"), Members: d("5")}},
		{Rule{}, Counts{For: d("-1")}},
		{Rule{Fraction: Fraction{3, 2}}, Counts{For: d("1")}},
	}
	for _, b := range bad {
		if _, err := Decide(b.rule, b.c); !errors.Is(err, ErrCounts) {
			t.Errorf("Decide(%v, %+v) error = %v, want ErrCounts", b.rule, b.c, err)
		}
	}
}

func TestQuorum(t *testing.T) {
	d := MustDecimal
	tests := []struct {
		rule           QuorumRule
		present, total string
		ok             bool
		arith          string
	}{
		{QuorumRule{}, "212", "400", true, "212 of 400 members present; 201 needed; quorate"},
		{QuorumRule{}, "200", "400", false, "200 of 400 members present; 201 needed; not quorate"},
		{QuorumRule{OfMandates: true, Fraction: Fraction{1, 3}, AtLeast: true}, "134", "400", true, "134 of 400 mandates present; 134 needed; quorate"},
		{QuorumRule{OfMandates: true, Fraction: Fraction{1, 3}, AtLeast: true}, "133", "400", false, "133 of 400 mandates present; 134 needed; not quorate"},
	}
	for _, tt := range tests {
		got, err := Quorum(tt.rule, d(tt.present), d(tt.total))
		if err != nil {
			t.Fatal(err)
		}
		if got.Quorate != tt.ok || got.Arithmetic != tt.arith {
			t.Errorf("Quorum(%s of %s) = %v %q, want %v %q", tt.present, tt.total, got.Quorate, got.Arithmetic, tt.ok, tt.arith)
		}
	}
	if _, err := Quorum(QuorumRule{}, d("5"), d("4")); !errors.Is(err, ErrCounts) {
		t.Errorf("more present than members: error %v, want ErrCounts", err)
	}
}

func TestDecimal(t *testing.T) {
	for _, s := range []string{"0", "1", "1.5", "-0.25", "123456789.000000001", "0.00001"} {
		d, err := ParseDecimal(s)
		if err != nil {
			t.Fatalf("ParseDecimal(%q): %v", s, err)
		}
		if d.String() != s {
			t.Errorf("ParseDecimal(%q).String() = %q", s, d.String())
		}
	}
	for _, s := range []string{"", ".", "1e5", "0.1234567891", "abc", "1.2.3", "1000000000", "--1"} {
		if _, err := ParseDecimal(s); !errors.Is(err, ErrBadDecimal) {
			t.Errorf("ParseDecimal(%q) error = %v, want ErrBadDecimal", s, err)
		}
	}
	if got := MustDecimal("0.1").Add(MustDecimal("0.2")); got.Cmp(MustDecimal("0.3")) != 0 {
		t.Errorf("0.1+0.2 = %s, want exactly 0.3", got)
	}
	if got := MustDecimal("2.5").StringFixed(5); got != "2.50000" {
		t.Errorf("StringFixed(5) = %q", got)
	}
}
