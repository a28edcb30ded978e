package tally

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
)

// Base names what a majority is reckoned of.
type Base int

const (
	// BaseCast reckons the majority of the votes cast: for plus against,
	// plus abstentions when the rule counts them.
	BaseCast Base = iota
	// BasePresent reckons it of the voters present and entitled to vote,
	// so that abstaining and not voting count like votes against.
	BasePresent
	// BaseMembers reckons it of all the members (or mandates) entitled to
	// vote, present or not.
	BaseMembers
)

// String names the base as the arithmetic does: "votes cast", "those
// present" or "members".
func (b Base) String() string {
	switch b {
	case BaseCast:
		return "votes cast"
	case BasePresent:
		return "those present"
	case BaseMembers:
		return "members"
	}
	return fmt.Sprintf("Base(%d)", int(b))
}

// Fraction is a proportion Num/Den such as 1/2 or 2/3.
type Fraction struct {
	Num, Den int64
}

// The fractions rules of procedure usually ask for.
var (
	Half          = Fraction{1, 2}
	TwoThirds     = Fraction{2, 3}
	ThreeQuarters = Fraction{3, 4}
)

// orHalf reads the zero Fraction as one half.
func (f Fraction) orHalf() Fraction {
	if f.Den == 0 {
		return Half
	}
	return f
}

// String writes the fraction in words where it has a name ("two-thirds"),
// else as "num/den".
func (f Fraction) String() string {
	switch f.orHalf() {
	case Half:
		return "half"
	case TwoThirds:
		return "two-thirds"
	case ThreeQuarters:
		return "three-quarters"
	}
	return fmt.Sprintf("%d/%d", f.Num, f.Den)
}

// Rule is a voting threshold of the rules of procedure: for example "more
// than half of the votes cast" (the zero Rule), "at least two-thirds of
// those present" or "more than half of the members".
type Rule struct {
	// Base is what the fraction is taken of.
	Base Base
	// Fraction is the proportion of the base the votes for must pass;
	// the zero Fraction means one half.
	Fraction Fraction
	// AtLeast means reaching the fraction exactly is enough ("at least
	// two-thirds"). Without it the votes for must exceed the fraction
	// ("more than half"), so that with one half a tie is lost.
	AtLeast bool
	// AbstentionsCount counts abstentions as votes cast under BaseCast,
	// where they then weigh like votes against. Under the other bases
	// everyone present or entitled counts anyway.
	AbstentionsCount bool
}

// String describes the rule in words, e.g. "more than half of votes cast".
func (r Rule) String() string {
	cmp := "more than"
	if r.AtLeast {
		cmp = "at least"
	}
	s := fmt.Sprintf("%s %s of %s", cmp, r.Fraction.orHalf(), r.Base)
	if r.Base == BaseCast && r.AbstentionsCount {
		s += " (abstentions counted)"
	}
	return s
}

// Counts are the figures of one vote. Present and Members are needed only
// by the rules whose base they are. All may be fractional when mandates
// carry weights.
type Counts struct {
	For, Against, Abstentions Decimal
	// Present is the number of voters present and entitled to vote.
	Present Decimal
	// Members is the number of members (or mandates) entitled to vote.
	Members Decimal
}

// Decision is the outcome of a vote under a Rule, with its working.
type Decision struct {
	// Carried reports whether the motion is carried.
	Carried bool
	// Base is the number the fraction was taken of (votes cast, those
	// present or members).
	Base Decimal
	// Needed is the fewest votes for that carry the motion, counted in
	// the finest decimal step the figures are written in (whole votes
	// unless weights are fractional).
	Needed Decimal
	// Rule restates the rule applied, in words.
	Rule string
	// Arithmetic is the working in one line, e.g.
	// "74 for, 66 against, 140 cast; 71 needed; carried".
	Arithmetic string
}

// ErrCounts is returned (wrapped) when the figures of a vote contradict
// each other or the rule, e.g. more votes than voters present.
var ErrCounts = errors.New("inconsistent counts")

// Decide applies rule to the counts of one vote. It returns an error
// wrapping ErrCounts when a figure is negative, when the rule's base is
// missing or smaller than the votes given, or the fraction is not between
// 0 and 1.
//
// Decide reckons under the latest counting rules (LatestRules); DecideBy
// under another version.
func Decide(rule Rule, c Counts) (Decision, error) {
	return DecideBy(LatestRules, rule, c)
}

// decideV1 is Decide under the counting rules v1 (Rules1). Frozen: see
// Rules before changing what any function it calls returns.
func decideV1(rule Rule, c Counts) (Decision, error) {
	f := rule.Fraction.orHalf()
	if f.Num <= 0 || f.Den <= 0 || f.Num > f.Den {
		return Decision{}, fmt.Errorf("fraction %d/%d: %w", f.Num, f.Den, ErrCounts)
	}
	for _, x := range []Decimal{c.For, c.Against, c.Abstentions, c.Present, c.Members} {
		if x.Sign() < 0 {
			return Decision{}, fmt.Errorf("negative figure %s: %w", x, ErrCounts)
		}
	}
	voted := c.For.Add(c.Against).Add(c.Abstentions)
	var base Decimal
	var label string
	switch rule.Base {
	case BaseCast:
		base, label = c.For.Add(c.Against), "cast"
		if rule.AbstentionsCount {
			base = voted
		}
	case BasePresent:
		base, label = c.Present, "present"
		if base.Cmp(voted) < 0 {
			return Decision{}, fmt.Errorf("%s present but %s voted: %w", c.Present, voted, ErrCounts)
		}
	case BaseMembers:
		base, label = c.Members, "members"
		if base.Cmp(voted) < 0 || (!c.Present.IsZero() && base.Cmp(c.Present) < 0) {
			return Decision{}, fmt.Errorf("%s members but %s voted: %w", c.Members, voted, ErrCounts)
		}
	default:
		return Decision{}, fmt.Errorf("unknown base %d: %w", int(rule.Base), ErrCounts)
	}
	g := granularity(c.For, c.Against, c.Abstentions, c.Present, c.Members)
	needed := threshold(base, f, rule.AtLeast, g)
	d := Decision{
		Carried: c.For.Cmp(needed) >= 0,
		Base:    base,
		Needed:  needed,
		Rule:    rule.String(),
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s for, %s against", c.For, c.Against)
	if !c.Abstentions.IsZero() {
		fmt.Fprintf(&b, ", %s abstaining", c.Abstentions)
	}
	fmt.Fprintf(&b, ", %s %s; %s needed; ", base, label, needed)
	if d.Carried {
		b.WriteString("carried")
	} else {
		b.WriteString("not carried")
	}
	d.Arithmetic = b.String()
	return d, nil
}

// threshold returns the smallest multiple of g units that exceeds (or,
// with atLeast, reaches) f of base, and at least g: no motion or quorum
// is met by nobody.
func threshold(base Decimal, f Fraction, atLeast bool, g int64) Decimal {
	// x·Den > Num·base  (or ≥), x = k·g.
	nb := new(big.Int).Mul(big.NewInt(f.Num), big.NewInt(base.u))
	dg := new(big.Int).Mul(big.NewInt(f.Den), big.NewInt(g))
	k, r := new(big.Int).QuoRem(nb, dg, new(big.Int))
	if !atLeast || r.Sign() != 0 {
		k.Add(k, big.NewInt(1))
	}
	if k.Sign() <= 0 {
		k.SetInt64(1)
	}
	return Decimal{k.Int64() * g}
}

// QuorumRule says how many must be present for a sitting to be quorate:
// a fraction of the members, or of the mandates when delegates carry
// mandates of different weight.
type QuorumRule struct {
	// OfMandates counts mandates rather than members; it changes only the
	// words of the arithmetic, the figures passed are what count.
	OfMandates bool
	// Fraction of the total that must be present; zero means one half.
	Fraction Fraction
	// AtLeast means reaching the fraction exactly is enough; without it
	// more than the fraction must be present.
	AtLeast bool
}

// QuorumResult is the outcome of a quorum check, with its working.
type QuorumResult struct {
	// Quorate reports whether enough are present.
	Quorate bool
	// Needed is the fewest present that make a quorum.
	Needed Decimal
	// Arithmetic is the working, e.g.
	// "212 of 400 members present; 201 needed; quorate".
	Arithmetic string
}

// Quorum checks whether present members (or mandates) out of total make a
// quorum under rule. It returns an error wrapping ErrCounts when present is
// negative or exceeds total, or total is not positive.
func Quorum(rule QuorumRule, present, total Decimal) (QuorumResult, error) {
	f := rule.Fraction.orHalf()
	if f.Num <= 0 || f.Den <= 0 || f.Num > f.Den {
		return QuorumResult{}, fmt.Errorf("fraction %d/%d: %w", f.Num, f.Den, ErrCounts)
	}
	if present.Sign() < 0 || total.Sign() <= 0 || present.Cmp(total) > 0 {
		return QuorumResult{}, fmt.Errorf("%s present of %s: %w", present, total, ErrCounts)
	}
	needed := threshold(total, f, rule.AtLeast, granularity(present, total))
	q := QuorumResult{Quorate: present.Cmp(needed) >= 0, Needed: needed}
	noun := "members"
	if rule.OfMandates {
		noun = "mandates"
	}
	verdict := "quorate"
	if !q.Quorate {
		verdict = "not quorate"
	}
	q.Arithmetic = fmt.Sprintf("%s of %s %s present; %s needed; %s", present, total, noun, needed, verdict)
	return q, nil
}
