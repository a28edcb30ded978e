package assembly

import "fmt"

import "plenum/tally"

// This file maps the thresholds of the rules of procedure to package
// tally, which reckons them.

// Threshold is the majority a motion needs.
type Threshold string

// The thresholds.
const (
	MajorityCast      Threshold = "majority_cast"       // more than half of the votes cast
	MajorityPresent   Threshold = "majority_present"    // more than half of those present and entitled
	MajorityMembers   Threshold = "majority_members"    // more than half of all entitled
	TwoThirdsCast     Threshold = "two_thirds_cast"     // at least two thirds of the votes cast
	ThreeQuartersCast Threshold = "three_quarters_cast" // at least three quarters of the votes cast
)

func (t Threshold) valid() bool {
	switch t {
	case MajorityCast, MajorityPresent, MajorityMembers, TwoThirdsCast, ThreeQuartersCast:
		return true
	}
	return false
}

// simple reports whether the threshold is a simple majority of some base, so
// that "the majority in favour" decides it.
func (t Threshold) simple() bool {
	return t == MajorityCast
}

// Describe says the threshold in words.
func (t Threshold) Describe() string { return fmt.Sprint(t.words()) }

// words is the threshold in words as a refusal names it: a Reason, which
// a catalog translates, or the threshold's name if the rules have no words
// for it.
func (t Threshold) words() any {
	switch t {
	case MajorityCast:
		return reason("a majority of the votes cast")
	case MajorityPresent:
		return reason("a majority of those present")
	case MajorityMembers:
		return reason("a majority of the members")
	case TwoThirdsCast:
		return reason("two thirds of the votes cast")
	case ThreeQuartersCast:
		return reason("three quarters of the votes cast")
	}
	return string(t)
}

// Rule returns the threshold as a rule of package tally.
func (t Threshold) Rule(abstentionsCount bool) tally.Rule {
	r := tally.Rule{Base: tally.BaseCast, Fraction: tally.Half, AbstentionsCount: abstentionsCount}
	switch t {
	case MajorityPresent:
		r.Base = tally.BasePresent
	case MajorityMembers:
		r.Base = tally.BaseMembers
	case TwoThirdsCast:
		r.Fraction, r.AtLeast = tally.TwoThirds, true
	case ThreeQuartersCast:
		r.Fraction, r.AtLeast = tally.ThreeQuarters, true
	}
	return r
}

// passes reports whether forVotes meet the threshold, with the base and the
// number needed, as package tally reckons them under the counting rules
// rules. present and members are used by the thresholds based on them.
func (t Threshold) passes(rules tally.Rules, forVotes, against, abstain int, abstentionsCount bool, present, members int) (ok bool, base, needed int, err error) {
	d, err := tally.DecideBy(rules, t.Rule(abstentionsCount), tally.Counts{
		For: tally.Int(int64(forVotes)), Against: tally.Int(int64(against)), Abstentions: tally.Int(int64(abstain)),
		Present: tally.Int(int64(present)), Members: tally.Int(int64(members)),
	})
	if err != nil {
		return false, 0, 0, err
	}
	return d.Carried, int(d.Base.IntPart()), int(d.Needed.IntPart()), nil
}
