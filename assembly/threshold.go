package assembly

// This file holds the small integer arithmetic of vote thresholds. It stands
// in for package tally's thresholds until that package is ready, and can be
// swapped for it without changing callers.

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
func (t Threshold) Describe() string {
	switch t {
	case MajorityCast:
		return "a majority of the votes cast"
	case MajorityPresent:
		return "a majority of those present"
	case MajorityMembers:
		return "a majority of the members"
	case TwoThirdsCast:
		return "two thirds of the votes cast"
	case ThreeQuartersCast:
		return "three quarters of the votes cast"
	}
	return string(t)
}

// base says which number the threshold is a share of.
func (t Threshold) castBased() bool {
	return t == MajorityCast || t == TwoThirdsCast || t == ThreeQuartersCast
}

// Needed returns the number of votes in favour the threshold requires out of
// base: base/2+1 for majorities, ⌈2·base/3⌉ for two thirds, ⌈3·base/4⌉ for
// three quarters; never less than 1.
func (t Threshold) Needed(base int) int {
	var n int
	switch t {
	case TwoThirdsCast:
		n = (2*base + 2) / 3
	case ThreeQuartersCast:
		n = (3*base + 3) / 4
	default:
		n = base/2 + 1
	}
	if n < 1 {
		n = 1
	}
	return n
}

// passes reports whether forVotes meet the threshold, and the base and number
// needed. present and members are used by the thresholds based on them.
func (t Threshold) passes(forVotes, against, abstain int, abstentionsCount bool, present, members int) (ok bool, base, needed int) {
	switch t {
	case MajorityPresent:
		base = present
	case MajorityMembers:
		base = members
	default:
		base = forVotes + against
		if abstentionsCount {
			base += abstain
		}
	}
	needed = t.Needed(base)
	ok = forVotes >= needed
	if t.castBased() && !t.strictShare() {
		ok = ok && forVotes > against
	}
	return ok, base, needed
}

func (t Threshold) strictShare() bool { return t == TwoThirdsCast || t == ThreeQuartersCast }
