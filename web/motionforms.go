package web

import (
	"slices"

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

// needsSecond reports whether mo waits for a second before the vote on
// it: the rules ask for seconds (seconds_required), it is before the
// assembly, nobody has seconded it, and it is not one that needs none — a
// committee's change recommendation, a submitted motion with supporters,
// an objection to consideration under precedence (as open_vote decides
// it; TestSecondOfferedAsOpenVoteRefuses holds the two together).
func needsSecond(s *assembly.State, mo *assembly.Motion) bool {
	r := s.Assembly.Rules
	return mo != nil && r.SecondsRequired && mo.Status == assembly.MotionStatusPending && len(mo.Seconds) == 0 &&
		mo.Committee == "" && !(mo.Submitted && len(mo.Supporters) > 0) && !(r.Precedence && mo.Procedure == "discuss_or_not")
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
