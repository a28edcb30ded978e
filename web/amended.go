package web

import (
	"html/template"
	"strings"

	"plenum/assembly"
)

// From the moment an amendment to a motion is carried, the pages show
// the motion's text as amended so far (assembly.State.AmendedText, the
// text the consolidated resolution will be): the motion's page, the
// console's card of the question, the projector during the vote on it,
// a delegate's phone. Nothing is recorded for it: the record holds the
// carried amendments, and the text follows from them.

// asAmended is a motion's text as amended so far, as the pages that show
// a motion's text without numbered lines show it: its paragraphs and
// items one a line, and which carried amendments made it so.
type asAmended struct {
	Blocks []amendedBlock // its paragraphs and items
	By     template.HTML  // which carried amendments are applied (AmendedBy)
}

// amendedBlock is one paragraph or item of a text as amended: the item's
// marker ("2.", "•"), its text without markup, and whether the carried
// amendments changed it (the text as moved has no such paragraph).
type amendedBlock struct {
	Marker, Text string
	Changed      bool
}

// AsAmended is the text of mo as amended by its carried amendments, or
// nil while no carried amendment changes it (the pages show its text as
// moved).
func (v *view) AsAmended(mo *assembly.Motion) *asAmended {
	if mo == nil || len(mo.Adopted) == 0 {
		return nil
	}
	text, applied, notApplied, err := v.S.AmendedText(mo.ID)
	if err != nil || len(applied) == 0 {
		return nil
	}
	a := &asAmended{By: v.AmendedBy(applied, notApplied)}
	var was, is []string
	if moved, err := v.S.MotionText(mo); err == nil {
		for _, b := range moved.Blocks {
			was = append(was, b.Marker()+" "+b.Plain())
		}
	}
	for _, b := range text.Blocks {
		a.Blocks = append(a.Blocks, amendedBlock{Marker: b.Marker(), Text: b.Plain()})
		is = append(is, b.Marker()+" "+b.Plain())
	}
	for i, kept := range keptBlocks(was, is) {
		a.Blocks[i].Changed = !kept
	}
	return a
}

// keptBlocks marks the paragraphs of is that stand in was as they are, in
// the same order (a longest common subsequence: a motion has tens of
// paragraphs, not thousands).
func keptBlocks(was, is []string) []bool {
	// n[i][j] is the length of the longest common subsequence of was[i:]
	// and is[j:].
	n := make([][]int, len(was)+1)
	for i := range n {
		n[i] = make([]int, len(is)+1)
	}
	for i := len(was) - 1; i >= 0; i-- {
		for j := len(is) - 1; j >= 0; j-- {
			if was[i] == is[j] {
				n[i][j] = n[i+1][j+1] + 1
			} else {
				n[i][j] = max(n[i+1][j], n[i][j+1])
			}
		}
	}
	kept := make([]bool, len(is))
	for i, j := 0, 0; i < len(was) && j < len(is); {
		switch {
		case was[i] == is[j]:
			kept[j] = true
			i, j = i+1, j+1
		case n[i+1][j] >= n[i][j+1]:
			i++
		default:
			j++
		}
	}
	return kept
}

// Plain is the text as amended, one paragraph or item a line.
func (a *asAmended) Plain() string {
	lines := make([]string, len(a.Blocks))
	for i, b := range a.Blocks {
		lines[i] = strings.TrimSpace(b.Marker + " " + b.Text)
	}
	return strings.Join(lines, "\n")
}

// AmendedBy says which carried amendments a text as amended applies
// (the ids applied, and carried but stated in words only), each by its
// number in the motion book or else its title.
func (v *view) AmendedBy(applied, notApplied []string) template.HTML {
	t := v.L.T("web.am.applied", len(applied), v.amendmentNames(applied))
	if len(notApplied) > 0 {
		t += v.L.T("minutes.resolution.not_applied", v.amendmentNames(notApplied))
	}
	return marked(t + ".")
}

// amendmentNames names the amendments ids, each by its number in the
// motion book or else its title, marked for marked (bidi isolation).
func (v *view) amendmentNames(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		switch m := v.S.Motions[id]; {
		case m == nil:
			out[i] = mark(id)
		case m.Number != "":
			out[i] = mark(m.Number)
		default:
			out[i] = v.L.T("web.quote", mark(m.Title))
		}
	}
	return strings.Join(out, ", ")
}

func (s *stateView) AsAmended(mo *assembly.Motion) *asAmended { return s.v.AsAmended(mo) }
