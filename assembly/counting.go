package assembly

import (
	"fmt"
	"slices"

	"plenum/tally"
)

// This file names the counting rules (tally.Rules) an election or a
// vote is counted by: the version its opening records (ElectionOpened
// and VoteOpened's Counting), which the chair's declaration, the replay
// of the record (and so plenum verify) and an excerpt's check all count
// it by, whatever version this plenum counts new ones by. A record
// counted by a version this plenum does not know is an
// *UnknownCountingError, which verify tells apart from a record found
// wrong (docs/proofs.md, "Which counting rules counted it").

// countingToRecord is the version of the counting rules an opening of
// an election by method (a vote: "") records. Version 1 is recorded by
// leaving the field out, as every record made before the field was (so
// that records of today read as those did, to the byte), but where that
// would leave a record's count in doubt: an stv-meek election names v1,
// since one that names none may have been counted by the Meek of before
// 2026-12-02 (tally.EarlierMeek). From version 2 on, every opening names
// its version.
func countingToRecord(method string) int {
	if tally.LatestRules == tally.Rules1 && method != tally.MethodMeekSTV {
		return 0
	}
	return int(tally.LatestRules)
}

// countingRules is the version recorded as counting (0: none named, v1).
func countingRules(counting int) tally.Rules {
	if counting == 0 {
		return tally.Rules1
	}
	return tally.Rules(counting)
}

// UnknownCountingError is an election or a vote whose record names a
// version of the counting rules this plenum does not know: a later
// plenum's. Counting it by another version would call a record wrong that
// is not, or pass one that is; it is neither, and a newer plenum counts it.
type UnknownCountingError struct {
	What  string // "election" or "vote"
	ID    string
	Rules int // the version the record names
}

func (e *UnknownCountingError) Error() string {
	return fmt.Sprintf("the %s %q was counted by counting rules v%d, which this plenum does not know (it counts by %s): use a newer plenum", e.What, e.ID, e.Rules, tally.KnownRules())
}

// rules is the version el is counted by, or why this plenum cannot.
func (el *Election) rules() (tally.Rules, error) {
	if v := countingRules(el.Counting); v.Known() {
		return v, nil
	}
	return 0, &UnknownCountingError{What: "election", ID: el.ID, Rules: el.Counting}
}

// rules is the version v is counted by, or why this plenum cannot.
func (v *Vote) rules() (tally.Rules, error) {
	if r := countingRules(v.Counting); r.Known() {
		return r, nil
	}
	return 0, &UnknownCountingError{What: "vote", ID: v.ID, Rules: v.Counting}
}

// countingNamed refuses a version no plenum writes in an opening.
func countingNamed(what, id string, counting int) error {
	if counting >= 0 {
		return nil
	}
	if what == "vote" {
		return corrupt("the opening of the vote %q names the counting rules v%d, which no plenum writes", id, counting)
	}
	return corrupt("the opening of the election %q names the counting rules v%d, which no plenum writes", id, counting)
}

// earlierMeek is the count of el by tally.EarlierMeek where its record
// names no counting rules and count, v1's, does not elect whom its
// declaration names (elected): plain stv-meek elections declared before
// 2026-12-02 were counted by that Meek, and their records say so in no
// other way (countingToRecord). Otherwise, or where that count does not
// elect them either, it is count. Encrypted ranked elections came after
// (2026-12-02 evening) and are counted by v1 alone.
func (s *State) earlierMeek(el *Election, elected []string, count *ElectionCount) (*ElectionCount, error) {
	if el.Counting != 0 || el.Method != tally.MethodMeekSTV || el.Encrypted != nil || slices.Equal(count.Elected, elected) {
		return count, nil
	}
	earlier, err := s.countBallotsBy(el, tally.Rules1, func(method string, e *tally.Election, opts tally.Options) (*tally.Result, error) {
		return tally.EarlierMeek(e, opts)
	})
	if err != nil || !slices.Equal(earlier.Elected, elected) {
		return count, err
	}
	return earlier, nil
}
