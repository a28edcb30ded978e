package web

import "strconv"

// Counted reports whether the log's entry n is an entry of a count (a
// ballot, the opening, closing, count, result or withdrawal of a vote or
// an election), which correct_record refuses: the secretary's page
// offers no correction of it.
func (v *view) Counted(n int) bool { return v.S.Counted(n) }

// CountNote reports whether a record_corrected entry, whose Ref is the
// entry it corrects, is on an entry of a count: a log written before
// plenum refused such corrections holds it, and the page shows it as a
// note that changes nothing of the vote, not as a correction.
func (v *view) CountNote(ref string) bool {
	n, err := strconv.Atoi(ref)
	return err == nil && v.S.Counted(n)
}

// Fact reports whether the log's entry n records a fact the state counts
// other than a count (attendance, a role, a mandate…: assembly.State.Fixed),
// which correct_record and strike_record refuse: the secretary's page
// offers neither, and says so.
func (v *view) Fact(n int) bool { return !v.S.Counted(n) && v.S.Fixed(n) }
