package web

import "plenum/assembly"

// NotEntitledWhy is why the viewer may not vote where eligible are the
// rights entitled, as the rules give it (assembly's notEntitled and
// ballotRight): the key of the sentence, or "" when the rules give no
// reason beyond the vote's own note.
func (v *view) NotEntitledWhy(eligible map[string]bool) string {
	md := v.Me.Mandate
	if md == nil {
		for _, m := range v.Me.Mandates {
			if m.Status != "verified" {
				return "web.ne.unverified"
			}
		}
		return "web.ne.no_mandate"
	}
	switch {
	case eligible[md.ID]:
		return ""
	case md.Kind == assembly.KindConsultative && !v.S.Assembly.Rules.ConsultativeMayVote:
		return "web.ne.consultative_rules"
	case md.Kind == assembly.KindConsultative:
		return "web.ne.consultative_vote"
	case md.Kind == assembly.KindGuest:
		return "web.ne.guest"
	case md.Kind == assembly.KindExOfficio:
		return "web.ne.ex_officio"
	}
	return ""
}
