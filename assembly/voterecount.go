package assembly

import (
	"fmt"
	"maps"
	"regexp"
	"strings"
)

// recountVote counts v again as its declared result r is applied, and
// refuses r where the count does not bear it out: the same count
// (State.count) that the chair's declare_result made, over the same
// ballots with their weights, the sealed ballots of a secret vote, the
// decrypted total of an encrypted one or the last count entered for a
// show of hands, by the threshold the opening recorded. Where the count
// decides, r must be its result; where it does not, the outcome the chair
// stated (r's) is taken, as declare_result took it, and the rest must be
// the count's. What declare_result always made of the count is compared
// (the outcome, the counts, the base and the number needed, whether
// unanimous, and the arithmetic, whose count of 1 member was written in
// the plural before 2026-12-06); the chair's note is not. Two things
// declare_result once took are taken still: a result not recorded where
// the vote has no ballot and no count entered, and the outcome the chair
// stated for a roll call closed with no ballot, recorded before
// 2026-12-06 as "no count recorded; declared …" (it is now counted as a
// count of none).
func (s *State) recountVote(v *Vote, r Result) error {
	if r.Outcome == MotionStatusNotRecorded {
		if len(v.Ballots) > 0 || len(v.Rounds) > 0 {
			return corrupt("the result of the vote %q is declared not recorded, and the vote has a count", v.ID)
		}
		return nil
	}
	noneCast := v.Encrypted == nil && len(v.Ballots) == 0 && len(v.Sealed) == 0 && len(v.Rounds) == 0
	if noneCast && v.Method == "roll_call" && v.Alternatives == "" && r.Arithmetic == "no count recorded; declared "+r.Outcome {
		return sameResult(v, r, Result{Outcome: r.Outcome, Arithmetic: r.Arithmetic}, v.countedFrom())
	}
	if _, err := v.rules(); err != nil {
		return err
	}
	want, err := s.count(v, "")
	if err != nil {
		// The count does not decide: the chair states the outcome.
		if want, err = s.count(v, r.Outcome); err != nil {
			return corrupt("the declared result of the vote %q (%s) is not what its count allows: %v", v.ID, r.Arithmetic, err)
		}
	}
	return sameResult(v, r, want, v.countedFrom())
}

// countedFrom names what v's result is counted from, as a refusal says it.
func (v *Vote) countedFrom() *Reason {
	switch {
	case v.Encrypted != nil:
		return reason("its decrypted total")
	case v.Method == "secret" && len(v.Sealed) > 0:
		return reason("its sealed ballots")
	case len(v.Ballots) > 0:
		return reason("its ballots")
	case len(v.Rounds) > 0:
		return reason("the count entered for it")
	}
	return reason("a count of none")
}

// sameResult refuses the declared result r of v where it is not want,
// the count of from: its arithmetic first, then the figures.
func sameResult(v *Vote, r, want Result, from *Reason) error {
	if oneMember.ReplaceAllString(r.Arithmetic, "; 1 member;") != want.Arithmetic {
		return corrupt("the arithmetic the declaration of the vote %q records (%s) is not that of %s (%s)", v.ID, r.Arithmetic, from, want.Arithmetic)
	}
	if r.Outcome != want.Outcome || r.For != want.For || r.Against != want.Against || r.Abstain != want.Abstain ||
		r.Unanimous != want.Unanimous || r.Base != want.Base || r.Needed != want.Needed || !maps.Equal(r.ByChoice, want.ByChoice) {
		return corrupt("the declared result of the vote %q (%s) is not that of %s (%s)", v.ID, resultFigures(r), from, resultFigures(want))
	}
	return nil
}

// oneMember is a base of 1 member as declare_result wrote it before
// 2026-12-06, in the plural.
var oneMember = regexp.MustCompile(`; 1 members;`)

// resultFigures says the figures of a result, where a refusal compares
// two whose arithmetic is the same.
func resultFigures(r Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s for, %s against, %s abstaining", r.For, r.Against, r.Abstain)
	plain := map[string]Count{"for": r.For, "against": r.Against, "abstain": r.Abstain}
	for _, k := range sortedKeys(r.ByChoice) {
		if c, ok := plain[k]; !ok || c != Exact(r.ByChoice[k]) {
			fmt.Fprintf(&b, ", %s %d", k, r.ByChoice[k])
		}
	}
	if r.Unanimous {
		b.WriteString(", unanimous")
	}
	if r.Needed > 0 {
		fmt.Fprintf(&b, "; base %d, %d needed", r.Base, r.Needed)
	}
	fmt.Fprintf(&b, "; %s", r.Outcome)
	return b.String()
}
