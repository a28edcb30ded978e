package web

import (
	"html/template"

	"plenum/assembly"
)

// A ballot drafted and not cast: the delegate chose on their page and the
// page showed the choice back for confirmation (the form's step "check",
// an election's "fill" after Change), and the vote closed before they
// confirmed. The script keeps posting the draft with every live update
// (live.js), and a reload sends it again, so the page still knows the
// choice; it says, where the ballot was, that the ballot was not cast,
// rather than only "No vote is open." to a delegate who looked away.

// LapsedDraft is the alert that the vote or election whose ballot the
// page holds drafted closed before the viewer confirmed it, or "" (no
// draft, the vote still open, or the ballot cast after all).
func (v *view) LapsedDraft() template.HTML {
	step, forMandate := v.Form.Get("step"), v.Form.Get("for")
	if step != "check" && step != "fill" {
		return ""
	}
	if id := v.Form.Get("vote"); id != "" && step == "check" {
		vt := v.S.Votes[id]
		if vt == nil || vt.Status == assembly.VoteStatusOpen || v.castIn(vt.Voted, forMandate, func() bool { return v.ownVoted(vt) }) {
			return ""
		}
		return tr(v.L, "web.lapsed.vote", bdi(v.Question(vt)))
	}
	if id := v.Form.Get("election"); id != "" {
		el := v.S.Elections[id]
		if el == nil || el.Status == assembly.ElectionStatusOpen || v.castIn(el.Voted, forMandate, func() bool { return v.ownElectionVoted(el) }) {
			return ""
		}
		return tr(v.L, "web.lapsed.election", bdi(el.Title))
	}
	return ""
}

// castIn reports whether the drafted ballot was cast after all: the
// carried mandate's (forMandate) among voted, else the viewer's own.
func (v *view) castIn(voted map[string]bool, forMandate string, own func() bool) bool {
	if forMandate != "" {
		return voted[forMandate]
	}
	return own()
}
