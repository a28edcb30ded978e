package assembly

import (
	"errors"
	"fmt"
	"strings"

	"plenum/motiontext"
)

// TextChange is what an amendment or a committee's change recommendation
// changes in the text of the motion it amends: lines (from_line to
// to_line, as numbered at the rules' line length) or one paragraph, and
// the new wording (empty: the lines are struck out).
type TextChange struct {
	FromLine  int    `json:"from_line" plenum:"positive"`
	ToLine    int    `json:"to_line" plenum:"positive"`
	Paragraph int    `json:"paragraph" plenum:"positive"`
	Text      string `json:"text"`
}

// Change is a TextChange as recorded: what was asked, and the span of the
// amended text it replaces, which does not depend on the line length.
type Change struct {
	FromLine  int             `json:"from_line,omitempty"`
	ToLine    int             `json:"to_line,omitempty"`
	Paragraph int             `json:"paragraph,omitempty"`
	Text      string          `json:"text"`
	Width     int             `json:"width"` // the line length the lines were counted at
	Span      motiontext.Span `json:"span"`
}

// MotionPaper is what a motion carries besides the floor's record of it:
// its submission before the assembly, the change it makes to the motion it
// amends, the committee's recommendation, and the resolution as carried.
type MotionPaper struct {
	Number     string      `json:"number,omitempty"`     // its number in the motion book ("A3", "A3/1")
	Category   string      `json:"category,omitempty"`   // a category of add_motion_category
	Block      string      `json:"block,omitempty"`      // a block of add_motion_block
	Reason     string      `json:"reason,omitempty"`     // the submitters' reasons
	Delegation string      `json:"delegation,omitempty"` // the organization that submitted it
	Submitted  bool        `json:"submitted,omitempty"`  // submitted before the assembly (submit_motion)
	Supporters []Supporter `json:"supporters,omitempty"` // in the order they supported it
	Change     *Change     `json:"change,omitempty"`     // an amendment's change to the text it amends
	Committee  string      `json:"committee,omitempty"`  // the body whose change recommendation this is
	Advice     *Advice     `json:"advice,omitempty"`     // the committee's recommendation on it
	Resolution string      `json:"resolution,omitempty"` // the text as carried, with its carried amendments
	ResolvedBy string      `json:"resolved_by,omitempty"`
	Applied    []string    `json:"applied,omitempty"` // the amendments applied in Resolution, in order
	NotApplied []string    `json:"not_applied,omitempty"`
}

// Supporter is a delegate, or a delegation through one of its delegates,
// who supports a submitted motion.
type Supporter struct {
	Person     string `json:"person"`
	Delegation string `json:"delegation,omitempty"`
}

// Advice is the motions committee's recommendation on a motion.
type Advice struct {
	Body           string `json:"body"`
	Recommendation string `json:"recommendation"`
	Note           string `json:"note,omitempty"`
	Entry          int    `json:"entry"`
}

// maxTextBytes bounds a motion's text and an amendment's wording.
const maxTextBytes = 100_000

// MotionText is the text of a motion as it was moved or submitted: its
// text in the subset of package motiontext and its points as numbered
// items; for an amendment with a change, the new wording.
func (s *State) MotionText(mo *Motion) (motiontext.Text, error) {
	if mo.Change != nil {
		return motiontext.Parse(mo.Change.Text)
	}
	t, err := motiontext.Parse(mo.Text)
	if err != nil {
		return t, err
	}
	for _, p := range mo.Points {
		pt, err := motiontext.Parse(p.Text)
		if err != nil {
			return t, err
		}
		for _, b := range pt.Blocks {
			if p.Number != "" {
				b.Kind, b.Number, b.Level = motiontext.Numbered, strings.TrimRight(p.Number, ".)"), 0
			}
			t.Blocks = append(t.Blocks, b)
		}
	}
	return t, nil
}

// LineLength is the line length the motions' texts are numbered at.
func (s *State) LineLength() int { return s.Assembly.Rules.LineLength() }

// checkMotionText refuses a motion's text that is too long or that
// package motiontext cannot read (what every stored text must be is
// checked before, in checkTexts).
func checkMotionText(field, text string) error {
	if len(text) > maxTextBytes {
		return fieldErr(field, "the text has %d bytes; a motion's text has at most %d", len(text), maxTextBytes)
	}
	if _, err := motiontext.Parse(text); err != nil {
		var msg string
		switch {
		case errors.Is(err, motiontext.ErrControl):
			msg = strings.TrimPrefix(err.Error(), "motiontext: ")
		default:
			msg = "it is not valid UTF-8"
		}
		return fieldErr(field, "the text cannot be taken: %s", msg)
	}
	return nil
}

// resolveChange checks a change to the motion parent and records it: the
// lines or paragraph exist, the wording is a text, and nothing it changes
// was already changed by a carried amendment.
func (s *State) resolveChange(parent *Motion, c *TextChange) (*Change, error) {
	if c == nil {
		return nil, nil
	}
	if err := checkMotionText("change.text", c.Text); err != nil {
		return nil, err
	}
	switch {
	case c.FromLine == 0 && c.Paragraph == 0:
		return nil, fieldErr("change", "say what the change changes: from_line (and to_line), or paragraph")
	case c.FromLine > 0 && c.Paragraph > 0:
		return nil, fieldErr("change.paragraph", "a change names lines or a paragraph, not both")
	case c.Paragraph == 0 && c.ToLine > 0 && c.ToLine < c.FromLine:
		return nil, fieldErr("change.to_line", "the change's last line (%d) comes before its first (%d)", c.ToLine, c.FromLine)
	case c.Paragraph > 0 && c.ToLine > 0:
		return nil, fieldErr("change.to_line", "a change of a paragraph names no lines")
	}
	if s.depth(parent) >= 2 {
		return nil, conflict("%s is already an amendment to an amendment; amendments are of two degrees only", parent.ID)
	}
	text, err := s.MotionText(parent)
	if err != nil {
		return nil, conflict("the text of %s cannot be numbered (%v); amend it by a whole new text", parent.ID, err)
	}
	width := s.LineLength()
	ch := &Change{FromLine: c.FromLine, ToLine: c.ToLine, Paragraph: c.Paragraph, Text: c.Text, Width: width}
	if c.Paragraph > 0 {
		ch.Span, err = motiontext.BlockSpan(text, c.Paragraph, c.Paragraph)
		if err != nil {
			return nil, fieldErr("change.paragraph", "%s has %d paragraphs; there is no paragraph %d", parent.ID, len(text.Blocks), c.Paragraph)
		}
	} else {
		if ch.ToLine == 0 {
			ch.ToLine = ch.FromLine
		}
		ch.Span, err = motiontext.LineSpan(text, width, ch.FromLine, ch.ToLine)
		if err != nil {
			n := len(motiontext.Lines(text, width))
			if n == 0 {
				return nil, fieldErr("change.from_line", "%s has no text to change; amend it by a whole new text", parent.ID)
			}
			return nil, fieldErr("change.to_line", "%s has %d lines (at %d characters a line); there is no line %d", parent.ID, n, width, ch.ToLine)
		}
	}
	for _, id := range parent.Adopted {
		a := s.Motions[id]
		if a == nil || a.Change == nil || !a.Change.Span.Overlaps(ch.Span) {
			continue
		}
		what, plural := s.linesReason(text, ch.Span)
		changed, _ := s.linesReason(text, a.Change.Span)
		if plural {
			return nil, conflict("%s of %s overlap %s, which the carried amendment %s changed; a carried change is not amended again",
				what, parent.ID, changed, a.ID)
		}
		return nil, conflict("%s of %s overlaps %s, which the carried amendment %s changed; a carried change is not amended again",
			what, parent.ID, changed, a.ID)
	}
	return ch, nil
}

// linesWord is "lines 3–4", "line 3", or "the place at paragraph 2" for
// a span of t.
func (s *State) linesWord(t motiontext.Text, sp motiontext.Span) string {
	r, _ := s.linesReason(t, sp)
	return r.Error()
}

// linesReason is linesWord as a part of a refusal, translated with it;
// plural says whether it is lines, for the English verb.
func (s *State) linesReason(t motiontext.Text, sp motiontext.Span) (r *Reason, plural bool) {
	first, last := motiontext.LinesOf(t, s.LineLength(), sp)
	switch {
	case first == 0:
		return reason("the place at paragraph %d", sp.From.Block+1), false
	case first == last:
		return reason("line %d", first), false
	}
	return reason("lines %d–%d", first, last), true
}

// ChangeLines says which lines of the text it amends a change replaces,
// at the current line length: "lines 3–4", "line 7".
func (s *State) ChangeLines(mo *Motion) string {
	if mo.Change == nil {
		return ""
	}
	parent := s.Motions[mo.Amends]
	if parent == nil {
		return ""
	}
	t, err := s.MotionText(parent)
	if err != nil {
		return ""
	}
	return s.linesWord(t, mo.Change.Span)
}

// AmendedText is the text of a motion with every carried amendment that
// changes it applied (and, for an amendment, its own carried amendments
// applied to its wording first), with the ids of the amendments applied
// and of those carried whose change is stated in words only, in the order
// they were carried. It is a pure function of the texts and the carried
// amendments: the text as amended so far while the motion is pending, the
// resolution as carried once it is (ResolutionConsolidated records it).
func (s *State) AmendedText(id string) (text motiontext.Text, applied, notApplied []string, err error) {
	base, edits, applied, notApplied, err := s.carriedEdits(id, 0)
	if err != nil {
		return base, nil, nil, err
	}
	out, err := motiontext.Apply(base, edits)
	if err != nil {
		return base, nil, nil, fmt.Errorf("the carried amendments of %s cannot be applied: %v", id, err)
	}
	return out, applied, notApplied, nil
}

// CarriedEdits are the changes AmendedText applies to the text of a
// motion as moved (base): one edit for each carried amendment that
// changes it, its wording as amended in turn, in the order they were
// carried; for the pages that show the text as moved with the carried
// changes marked.
func (s *State) CarriedEdits(id string) (base motiontext.Text, edits []motiontext.Edit, err error) {
	base, edits, _, _, err = s.carriedEdits(id, 0)
	return base, edits, err
}

func (s *State) carriedEdits(id string, depth int) (motiontext.Text, []motiontext.Edit, []string, []string, error) {
	mo := s.Motions[id]
	if mo == nil {
		return motiontext.Text{}, nil, nil, nil, notFound("there is no motion %q", id)
	}
	base, err := s.MotionText(mo)
	switch {
	case err != nil:
		return base, nil, nil, nil, fmt.Errorf("the text of %s: %v", id, err)
	case depth > 3:
		return base, nil, nil, nil, fmt.Errorf("the amendments of %s go deeper than two degrees", id)
	}
	var edits []motiontext.Edit
	var applied, notApplied []string
	for _, aid := range mo.Adopted {
		a := s.Motions[aid]
		if a == nil {
			continue
		}
		if a.Change == nil {
			notApplied = append(notApplied, aid)
			continue
		}
		wb, wedits, sub, subNot, err := s.carriedEdits(aid, depth+1)
		if err != nil {
			return base, nil, nil, nil, err
		}
		wording, err := motiontext.Apply(wb, wedits)
		if err != nil {
			return base, nil, nil, nil, fmt.Errorf("the carried amendments of %s cannot be applied: %v", aid, err)
		}
		edits = append(edits, motiontext.Edit{Span: a.Change.Span, New: wording})
		applied = append(applied, aid)
		applied = append(applied, sub...)
		notApplied = append(notApplied, subNot...)
	}
	return base, edits, applied, notApplied, nil
}

// ResolutionConsolidated: a motion was carried with amendments that change
// its text; Text is the resolution as carried, in the subset of package
// motiontext, with the amendments applied (Applied) and those carried
// whose change is stated in words only (NotApplied).
type ResolutionConsolidated struct {
	Meta       `json:"meta"`
	Motion     string   `json:"motion"`
	Vote       string   `json:"vote"`
	Text       string   `json:"text"`
	Applied    []string `json:"applied"`
	NotApplied []string `json:"not_applied,omitempty"`
}

func (ResolutionConsolidated) EventType() string { return "resolution_consolidated" }

func (e ResolutionConsolidated) apply(s *State) error {
	mo := s.Motions[e.Motion]
	if mo == nil || s.Votes[e.Vote] == nil {
		return corrupt("the resolution of %q cannot be consolidated", e.Motion)
	}
	mo.Resolution, mo.ResolvedBy = e.Text, e.Vote
	mo.Applied, mo.NotApplied = append([]string(nil), e.Applied...), append([]string(nil), e.NotApplied...)
	s.note(e.Meta, e.EventType(), e.Motion, func(r *RecordEntry) {
		if mo.Item != "" {
			r.Item = mo.Item
		}
		r.Text, r.Label = mo.Title, e.Vote
	})
	return nil
}

// textEffects are the events by which a carried vote on mo acts on texts:
// a carried amendment overtakes the pending amendments whose changes
// overlap its own; a carried motion with carried changes gets its
// resolution consolidated. (Called before the vote's events are applied:
// mo is still pending.)
func (s *State) textEffects(m Meta, v *Vote, mo *Motion) []Event {
	var evs []Event
	if mo.Change != nil {
		parent := s.Motions[mo.Amends]
		text, _ := s.MotionText(parent)
		for _, b := range s.pendingAmending(mo.Amends, false) {
			if b.ID == mo.ID || b.Change == nil || !b.Change.Span.Overlaps(mo.Change.Span) {
				continue
			}
			evs = append(evs, MotionDisposed{Meta: m, Motion: b.ID, Fate: MotionStatusOvertaken,
				Note: fmt.Sprintf("The carried amendment “%s” changed %s of “%s”, which this one would change too", mo.Title, s.linesWord(text, mo.Change.Span), parent.Title)})
		}
		return evs
	}
	if mo.Kind == "amendment" {
		return nil
	}
	text, applied, notApplied, err := s.AmendedText(mo.ID)
	if err != nil || len(applied) == 0 {
		return nil
	}
	return []Event{ResolutionConsolidated{Meta: m, Motion: mo.ID, Vote: v.ID, Text: text.Markdown(), Applied: applied, NotApplied: notApplied}}
}

// needsSecond reports whether a motion needs a second where the rules ask
// for seconds: not a committee's recommendation, nor a submitted motion
// that has its supporters.
func (s *State) needsSecond(mo *Motion) bool {
	return len(mo.Seconds) == 0 && mo.Committee == "" && !(mo.Submitted && len(mo.Supporters) > 0)
}

func init() {
	registerEvents(ResolutionConsolidated{})
}
