package web

import (
	"slices"
	"time"

	"plenum/assembly"
)

// The forms of the motions' pages whose authority depends on what they
// name — a delegate seconds in their own name, a mover withdraws their own
// motion, a supporter takes back their own support — are offered to whom
// the rules take them from, asked with the command as the form would give
// it (takes); the set-up forms of the motions' page, whose authority is an
// office, ask view.May.

// takes reports whether the rules would take c from the viewer now, as
// assembly.Decide decides it on the page's state (which it does not
// change).
func (v *view) takes(c assembly.Command) bool {
	if !v.Me.LoggedIn || v.S == nil {
		return false
	}
	_, err := assembly.Decide(v.S, assembly.Meta{Assembly: v.ID, Actor: v.Me.Person, At: v.Now}, c)
	return err == nil
}

// needsSecond reports whether mo, before the assembly, waits for a
// second before the vote on it, as open_vote decides it
// (assembly.State.AwaitsSecond; TestSecondOfferedAsOpenVoteRefuses).
func needsSecond(s *assembly.State, mo *assembly.Motion) bool {
	return mo != nil && mo.Status == assembly.MotionStatusPending && s.AwaitsSecond(mo)
}

// NeedsSecond reports whether mo waits for a second before its vote
// (needsSecond): the pages offer the forms to second it.
func (v *view) NeedsSecond(mo *assembly.Motion) bool { return needsSecond(v.S, mo) }

// NeedsSecond is the view's, for the chair's console kept for a state.
func (s *stateView) NeedsSecond(mo *assembly.Motion) bool { return needsSecond(s.S, mo) }

// MaySecond reports whether the viewer may second mo in their own name.
func (v *view) MaySecond(mo *assembly.Motion) bool {
	return mo != nil && v.takes(assembly.SecondMotion{Motion: mo.ID, By: v.Me.Person})
}

// PickSeconder is the picker of the delegate a chair or a secretary
// records as seconding mo: those holding a verified decisive mandate, but
// its mover and those who seconded it. In an assembly with more of them
// than a picker lists whole it is the picker of every person, searched on
// the server (PickPerson); the rules refuse whom they do not let second.
func (v *view) PickSeconder(id string, mo *assembly.Motion) Picker {
	label, prompt := v.L.T("web.mf.seconded_by"), "prompt="+v.L.T("web.choose")
	var out []Choice
	for _, p := range v.S.PersonOrder {
		if md, ok := v.S.VotingMandate(p); ok && md.Kind == assembly.KindDecisive && mo != nil && p != mo.Mover && !slices.Contains(mo.Seconds, p) {
			out = append(out, Choice{Value: p, Label: v.S.Persons[p].Name, Hint: v.personHint(v.S.Persons[p])})
		}
	}
	if len(out) > v.pickerLimit {
		return v.PickPerson(id, "a:by", label, prompt)
	}
	byName(out, func(c Choice) string { return c.Label })
	return v.Pick(id, "a:by", label, out, prompt)
}

// WithdrawOffered reports whether the page offers the viewer to withdraw
// the motion (withdraw_motion): the rules take it from them, and they are
// not the chair or the committee, who see "withdrawn" among the
// workflow's next states already.
func (v *motionsView) WithdrawOffered() bool {
	mo := v.Mo
	if mo == nil || !v.takes(assembly.WithdrawMotion{Motion: mo.ID}) {
		return false
	}
	return !((v.Me.Has("chair") || v.OnCommittee()) && slices.Contains(v.NextStates(), assembly.MotionStatusWithdrawn))
}

// MayTakeBack reports whether the viewer may take back a support of the
// motion (withdraw_support): their own (delegation ""), or the one they
// gave for the delegation.
func (v *motionsView) MayTakeBack(delegation string) bool {
	return v.Mo != nil && v.takes(assembly.WithdrawSupport{Motion: v.Mo.ID, Delegation: delegation})
}

// MotionsSetup reports whether the viewer may give any of the set-up
// commands of written motions: the deadline, the committee, categories,
// blocks.
func (v *motionsView) MotionsSetup() bool {
	return v.May("set_submission_deadline") || v.May("appoint_motions_committee") || v.May("add_motion_category") || v.May("add_motion_block")
}

// DeadlineValue is the deadline as the form to set it shows it: the one
// set (RFC 3339, in the zone of the hall's clock), or "".
func (v *motionsView) DeadlineValue() string {
	d := v.S.Submission.Deadline
	if d.IsZero() {
		return ""
	}
	return d.In(v.loc()).Format(time.RFC3339)
}

// DeadlineExample is a deadline as the form takes it: a fortnight from
// now at 18:00, in the zone of the hall's clock.
func (v *motionsView) DeadlineExample() string {
	t := v.Now.In(v.loc()).AddDate(0, 0, 14)
	return time.Date(t.Year(), t.Month(), t.Day(), 18, 0, 0, 0, t.Location()).Format(time.RFC3339)
}

// loc is the zone of the hall's clock.
func (v *motionsView) loc() *time.Location {
	if v.Loc != nil {
		return v.Loc
	}
	return time.Local
}

// Committee is the motions committee, or nil.
func (v *motionsView) Committee() *assembly.Body { return v.S.Bodies[v.S.Submission.Committee] }

// Blocks are the blocks of motions debated together, in order.
func (v *motionsView) Blocks() []*assembly.MotionBlock {
	var out []*assembly.MotionBlock
	for _, id := range v.S.Submission.BlockOrder {
		out = append(out, v.S.Submission.Blocks[id])
	}
	return out
}
