package minutes

import (
	"plenum/assembly"
	"plenum/motiontext"
)

// Amended is a motion's text with its carried amendments applied, for the
// pages that show a motion: from the moment an amendment to it is carried,
// before the vote on the motion, the text as amended so far; once the
// motion is carried, the resolution as carried (as consolidated). It
// changes nothing in the minutes, which show the resolution as carried
// with the result of the vote.
type Amended struct {
	Carried    bool       // the resolution as carried, not the text so far
	Lines      []TextLine // the text as amended, numbered anew
	Changes    []TextLine // the text as moved, numbered as moved, with the carried changes marked
	Diff       []TextLine // an amendment's: its change, as amended, against the lines of the text it amends
	Applied    []string   // the ids of the carried amendments applied, in the order carried
	NotApplied []string   // the ids of carried amendments that state their change in words only
}

// BuildAmended is the text of the motion id with its carried amendments
// applied (assembly.State.AmendedText), or nil while no carried amendment
// changes it.
func BuildAmended(s *assembly.State, id string) *Amended {
	m := s.Motions[id]
	if m == nil || len(m.Adopted) == 0 {
		return nil
	}
	text, applied, notApplied, err := s.AmendedText(id)
	if err != nil || len(applied) == 0 {
		return nil
	}
	width := s.LineLength()
	a := &Amended{Applied: applied, NotApplied: notApplied}
	if r := BuildResolution(s, id); r != nil {
		// Carried: the resolution as the record consolidated it.
		a.Carried = true
		if t, err := motiontext.Parse(m.Resolution); err == nil {
			text = t
		}
	}
	a.Lines = textLines(text, width)
	if base, edits, err := s.CarriedEdits(id); err == nil {
		a.Changes = textLines(base, width)
		if changed, err := motiontext.ChangedLines(base, width, edits); err == nil {
			dirs := lineDirs(base, width)
			at := map[int]int{} // a line's number → its index in Changes
			for i, l := range a.Changes {
				at[l.Number] = i
			}
			for _, l := range diffLines(changed, dirs) {
				if i, ok := at[l.Number]; ok {
					l.Heading = a.Changes[i].Heading
					a.Changes[i] = l
				}
			}
		}
	}
	if m.Change != nil {
		if parent := s.Motions[m.Amends]; parent != nil {
			if pt, err := s.MotionText(parent); err == nil {
				a.Diff = diffLines(motiontext.DiffLines(pt, width, m.Change.Span, text), lineDirs(pt, width))
			}
		}
	}
	isolateAll(a)
	return a
}
