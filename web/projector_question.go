package web

import (
	"html/template"

	"plenum/assembly"
	"plenum/minutes"
)

// What the hall votes on, on the projector: during a vote on an
// amendment that changes lines of a text, the change itself (the lines
// with what is struck out and what is inserted marked, as the motion's
// page shows it); during an election, the lists with their candidates in
// order, or the candidates.

// voteChange is the change an amendment voted on makes, for the
// projector: which lines of which text (Lead) and those lines with the
// deletions and insertions marked, as many as a screen holds.
type voteChange struct {
	Lead  template.HTML
	Lines []minutes.TextLine
	More  int // lines of the change not shown
}

// projectorChangeLines is the most lines of a change the projector shows:
// with the question and the count above them, more would be type too
// small for the back of a hall (the rest is on the phones and the papers).
const projectorChangeLines = 8

// VoteChange is the change the motion voted on in vt makes to the text it
// amends, or nil when it is no amendment or states its change in words
// only (the projector shows its text). An amendment whose own amendment
// is carried shows its change as amended (minutes.BuildAmended's Diff),
// as its page does.
func (v *view) VoteChange(vt *assembly.Vote) *voteChange {
	m := v.S.Motions[vt.Motion]
	if m == nil || m.Change == nil || m.Amends == "" {
		return nil
	}
	mo := minutes.BuildMotionIn(v.S, m.ID, v.L.Lang())
	if mo == nil || mo.Paper == nil {
		return nil
	}
	lines := mo.Paper.Diff
	if a := minutes.BuildAmended(v.S, m.ID); a != nil && len(a.Diff) > 0 {
		lines = a.Diff
	}
	if len(lines) == 0 {
		return nil
	}
	c := &voteChange{Lead: v.ChangeLead(mo), Lines: lines}
	if len(lines) > projectorChangeLines {
		// From the line before the first one changed: the lines of the
		// paragraph before the change are context the hall can spare.
		from := 0
		for i, l := range lines {
			if changedLine(l) {
				from = max(0, min(i-1, len(lines)-projectorChangeLines))
				break
			}
		}
		c.Lines = lines[from : from+projectorChangeLines]
		c.More = len(lines) - projectorChangeLines
	}
	return c
}

// changedLine reports whether a line of a change has a deletion or an
// insertion on it.
func changedLine(l minutes.TextLine) bool {
	for _, p := range l.Parts {
		if p.Op != "" {
			return true
		}
	}
	return false
}

// projectorListCandidates is the most candidates the projector names on
// one list, projectorLists the most lists (an election of names shows
// projectorNames candidates).
const (
	projectorListCandidates = 6
	projectorLists          = 8
)

// ballotList is a list of an election as the projector shows it: its
// name and its candidates in their order on it, the first few.
type ballotList struct {
	Name       string
	Candidates upTo[string]
}

// ElectionLists are the lists of el with their candidates in order, as
// many as a screen holds, or an empty List for an election of names.
func (v *view) ElectionLists(el *assembly.Election) upTo[ballotList] {
	out := make([]ballotList, len(el.Lists))
	for i, l := range el.Lists {
		out[i] = ballotList{Name: l.Name, Candidates: cut(l.Candidates, projectorListCandidates)}
	}
	return cut(out, projectorLists)
}

// CandidatesUpTo are the candidates of el (those on its lists included),
// as many as a screen holds.
func (v *view) CandidatesUpTo(el *assembly.Election) upTo[string] {
	return cut(v.Candidates(el), projectorNames)
}
