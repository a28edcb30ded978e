package minutes

import (
	"strings"

	"plenum/assembly"
)

// What md/8, html/9 and akn/8 say of who was present at a sitting that
// records it (coop review L8): how many members with a vote were present
// when it opened, under its heading (Sitting.Attendance), and who checked
// in or out while it was open, at their place among the business
// ("Arrived during the sitting (3): …"). Who left or returned to the hall
// the record holds and the minutes give already (hallText); the renderers
// before said neither.

// attendance is a sitting's attendance when it began to record it, and
// who checked in or out during it; nil and none for a sitting that
// records nobody's presence.
func (b *builder) attendance(st *assembly.Sitting) (*SittingAttendance, []assembly.PresenceChange) {
	p := st.Presence
	if p == nil {
		return nil, nil
	}
	return &SittingAttendance{Opening: p.Opening, Present: p.Present, Members: p.Members}, p.Changes
}

// presenceTexts are the paragraphs that say who checked in (arrived) and
// who checked out (left the assembly) among changes, recorded together
// between two entries of the minutes: one for each, the names in the
// alphabetical order of the document's language, a name another bears
// too told apart, one attending online so marked. Only md/8, html/9 and
// akn/8 give them.
func (b *builder) presenceTexts(changes []assembly.PresenceChange) []Paragraph {
	if len(changes) == 0 {
		return nil
	}
	var in, out []string
	first := map[bool]int{}
	for _, c := range changes {
		name := b.person(c.Person, "").Named(false)
		if c.Online {
			name = b.l.T("minutes.presence.online", name)
		}
		if _, ok := first[c.Out]; !ok {
			first[c.Out] = c.Entry
		}
		if c.Out {
			out = append(out, name)
		} else {
			in = append(in, name)
		}
	}
	var ps []Paragraph
	for _, g := range []struct {
		names []string
		key   string
		out   bool
	}{{in, "minutes.presence.arrived", false}, {out, "minutes.presence.left", true}} {
		if len(g.names) == 0 {
			continue
		}
		sortNames(b.l, g.names)
		t := b.l.T(g.key, b.l.Number(len(g.names)), strings.Join(g.names, ", "))
		ps = append(ps, Paragraph{Kind: KindNarrative, Entry: first[g.out], Text: t, Only8: true})
	}
	if len(ps) == 2 && ps[1].Entry < ps[0].Entry {
		ps[0], ps[1] = ps[1], ps[0]
	}
	return ps
}
