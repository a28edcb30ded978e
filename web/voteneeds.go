package web

import "plenum/assembly"

// The majority a vote needs is the vote's own, taken when it was opened
// (assembly.Vote.Threshold): an item's majority (add_item's threshold, a
// change of the statutes by two thirds), a procedure's, or a ruling's.
// The hall reads it while the vote is open — on the chair's console, the
// projector and the delegate's ballot — as the minutes say it after: not
// for a simple majority of the votes cast, which every vote needs unless
// said otherwise, but for any other majority and for one the chair
// departed to.

// VoteNeeds is the majority vt needs in words ("Needs two thirds of the
// votes cast"), or "" for a simple majority of the votes cast that is
// the rule's, and for a choice between drafts (the most votes decide).
func (v *view) VoteNeeds(vt *assembly.Vote) string {
	if vt == nil || vt.Alternatives != "" || vt.Threshold == "" {
		return ""
	}
	if vt.Threshold == assembly.MajorityCast && vt.Departure == nil {
		return ""
	}
	k := "web.su.th." + string(vt.Threshold)
	if !v.L.Has(k) {
		return ""
	}
	return v.L.T("web.vote.needs", v.L.T(k))
}

// VoteNeeds is view.VoteNeeds, which reads the state and the language
// only: the console and the delegate's ballot are kept parts.
func (s *stateView) VoteNeeds(vt *assembly.Vote) string { return s.v.VoteNeeds(vt) }
