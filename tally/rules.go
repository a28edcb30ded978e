package tally

import (
	"fmt"
	"strconv"
)

// Rules is a version of plenum's counting rules: what Count, Apportion
// and Decide return, method by method, for every input. A record names
// the version its elections and votes are counted by (docs/tally.md,
// "Versions of the counting rules"), so that whoever verifies it later,
// with a later plenum, counts it again as it was counted: a count made
// under v1 is counted under v1 for ever, however later versions count.
//
// The rule for whoever changes a counting method. A change to what a
// method returns for some input is a new version: who is elected, in
// what order, a figure of the count sheet (a total, a transfer, the
// quota, what is non-transferable or lost), a tie and how it is broken,
// the draw of a lot, an input counted that was refused or refused that
// was counted, and for Decide whether a motion is carried, its base, the
// number needed or its arithmetic. Such a change is made so:
//
//  1. copy the code the change touches, as it stands, into a file of the
//     version it belongs to (countMeek into meek_v1.go as countMeekV1,
//     with whatever it calls that changes too), and make the version's
//     function (countV1, apportionV1, decideV1) call the copy: the old
//     version then counts exactly as before, and stays so;
//  2. change the method, add the next version (Rules2, countV2 calling
//     the changed code and the unchanged rest) to versions, and make it
//     LatestRules;
//  3. go test ./tally -run TestRulesGolden -update-rules writes the new
//     version's golden file (testdata/rules/v2.golden); the files of the
//     earlier versions must not change, and TestRulesGolden fails if
//     they do. Add a line to the table of docs/tally.md.
//
// A change that returns the same for every input — speed, memory, the
// words of a stage's reason or a tie's text, a method added — is no new
// version: the golden files of every version show that it is not.
// Rules are never removed: a plenum counts every version it ever had.
type Rules int

// The versions of the counting rules.
const (
	// Rules1 is the counting of plenum as it stood when the record first
	// named its counting rules (2026-12-07), the methods as docs/tally.md
	// describes them. A record that names none was counted by it (with
	// one exception: EarlierMeek).
	Rules1 Rules = 1

	// LatestRules is the version this plenum counts new elections and
	// votes by.
	LatestRules = Rules1
)

// versions are the counting functions of each version.
var versions = map[Rules]struct {
	count     func(method string, e *Election, opts Options) (*Result, error)
	apportion func(method string, lists []string, votes []Decimal, seats int, opts Options) (*Result, error)
	decide    func(rule Rule, c Counts) (Decision, error)
}{
	Rules1: {countV1, apportionV1, decideV1},
}

// Known reports whether this plenum counts by v.
func (v Rules) Known() bool {
	_, ok := versions[v]
	return ok
}

// String names the version: "v1".
func (v Rules) String() string { return "v" + strconv.Itoa(int(v)) }

// KnownRules says which versions this plenum counts by: "v1", "v1 to v3".
func KnownRules() string {
	if LatestRules == Rules1 {
		return Rules1.String()
	}
	return Rules1.String() + " to " + LatestRules.String()
}

// UnknownRulesError is a count asked under a version of the counting
// rules this plenum does not know: one a later plenum counts by. It is
// neither a count nor a finding that the record is wrong.
type UnknownRulesError struct {
	Rules Rules
}

func (e *UnknownRulesError) Error() string {
	return fmt.Sprintf("counting rules %s, which this plenum does not know (it counts by %s): use a newer plenum", e.Rules, KnownRules())
}

// CountBy is Count under the counting rules v: an *UnknownRulesError
// for a version this plenum does not know.
func CountBy(v Rules, method string, e *Election, opts Options) (*Result, error) {
	f, ok := versions[v]
	if !ok {
		return nil, &UnknownRulesError{Rules: v}
	}
	return f.count(method, e, opts)
}

// ApportionBy is Apportion under the counting rules v: an
// *UnknownRulesError for a version this plenum does not know.
func ApportionBy(v Rules, method string, lists []string, votes []Decimal, seats int, opts Options) (*Result, error) {
	f, ok := versions[v]
	if !ok {
		return nil, &UnknownRulesError{Rules: v}
	}
	return f.apportion(method, lists, votes, seats, opts)
}

// DecideBy is Decide under the counting rules v: an *UnknownRulesError
// for a version this plenum does not know.
func DecideBy(v Rules, rule Rule, c Counts) (Decision, error) {
	f, ok := versions[v]
	if !ok {
		return Decision{}, &UnknownRulesError{Rules: v}
	}
	return f.decide(rule, c)
}
