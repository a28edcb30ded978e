package web

import "plenum/assembly"

// CountAgain is what the console says beside the next act of a vote
// counted by hand whose last count entered does not decide it (a range
// across the majority needed, a tie of drafts: assembly's CountDecides),
// or "": count again, or declare the outcome. Without it the big button
// only said "Close the vote".
func (v *view) CountAgain(vt *assembly.Vote) string {
	if vt == nil || !handCounted(vt) || len(vt.Rounds) == 0 {
		return ""
	}
	if outcome, _ := v.S.CountDecides(vt); outcome != "" {
		return ""
	}
	return v.L.T("web.c.count_again", v.RoundWords(vt, vt.Rounds[len(vt.Rounds)-1]))
}
