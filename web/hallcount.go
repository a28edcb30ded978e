package web

import "plenum/assembly"

// How many have voted, as the hall reads it: against those present and
// entitled to vote (the figure the console shows as "present now"), not
// against every member, with those entitled beside it; against those
// entitled where everyone entitled is present, or the sitting does not
// record who is (hallCount).

// hallOf is the number the ballots of c are read against: those entitled
// who are present now, and no fewer than have voted (a ballot cast before
// its voter left the hall still counts); every one entitled where the
// record does not show who is present.
func (v *view) hallOf(c count) int {
	if c.NotRecorded || !v.S.QuorumCounted() {
		return c.Entitled
	}
	return min(max(c.Present, c.Voted), c.Entitled)
}

// hallVoted is "3 of 403 present have voted (800 entitled to vote)", or
// "3 of 800 have voted" when all 800 may vote from where they are.
func (v *view) hallVoted(c count) string {
	if of := v.hallOf(c); of < c.Entitled {
		return v.L.T("web.hc.voted_present", c.Voted, of, c.Entitled)
	}
	return v.L.T("web.p.have_voted", c.Voted, c.Entitled)
}

// consoleVoted is the console's shorter "3 of 403 present voted" (the
// line goes on "· 403 of 800 present now"), or "3 of 800 voted".
func (v *view) consoleVoted(c count) string {
	if of := v.hallOf(c); of < c.Entitled {
		return v.L.T("web.hc.voted_of_present", c.Voted, of)
	}
	return v.L.T("web.c.voted_of", c.Voted, c.Entitled)
}

// VotedNow is how many have voted in vt as the projector shows it.
func (v *view) VotedNow(vt *assembly.Vote) string {
	return v.hallVoted(count{Voted: vt.BallotsCast(), Entitled: vt.Attendance.Eligible, Present: v.voteLive(vt).present, NotRecorded: vt.Attendance.NotRecorded})
}

// ElectionVotedNow is how many have voted in el as the projector and the
// elections' tab show it.
func (v *view) ElectionVotedNow(el *assembly.Election) string {
	return v.hallVoted(v.ElectionCountNow(el))
}
