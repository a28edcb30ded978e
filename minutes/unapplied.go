package minutes

import (
	"strings"

	"plenum/assembly"
)

// unapplied says which carried amendments the text carried by v does not
// include because they state their change in words only (a text and no
// change by lines): "The carried amendment “X” changes no lines and was
// not applied to the text." It is said where the motion is carried with
// no amendment that changes its text, so that no resolution as carried
// (Resolution, which names them) is recorded; "" otherwise.
func (b *builder) unapplied(v *assembly.Vote) string {
	r := v.Result
	m := b.s.Motions[v.Motion]
	if r == nil || m == nil || v.Alternatives != "" || r.Outcome != assembly.MotionStatusCarried || len(m.Adopted) == 0 {
		return ""
	}
	if m.ResolvedBy == v.ID && m.Resolution != "" {
		return "" // the resolution names them
	}
	_, applied, notApplied, err := b.s.AmendedText(m.ID)
	if err != nil || len(applied) > 0 || len(notApplied) == 0 {
		return ""
	}
	names := make([]string, len(notApplied))
	for i, id := range notApplied {
		a := b.s.Motions[id]
		switch {
		case a == nil:
			names[i] = id
		case a.Number != "":
			names[i] = a.Number
		default:
			names[i] = b.l.T("minutes.quote", isolate(a.Title))
		}
	}
	return b.l.T("minutes.vote.unapplied", len(names), strings.Join(names, ", "))
}
