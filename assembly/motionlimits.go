package assembly

// The limits on what one delegate puts before the assembly: a motion's
// text (title, text and points) is at most maxTextBytes, as a submitted
// motion's and an amendment's wording are (amendtext.go), and a delegate
// has at most MaxPending motions and amendments not yet decided at once:
// moved and pending, or submitted in writing and not yet on the floor
// (submitted, admitted: a state the workflow leads on from). The chair
// and the secretaries are not limited in number: they record the motions
// of others, and a motion they record in a delegate's name does not count
// toward that delegate's number, as it was theirs to judge. Only new
// commands are refused: the record replays whatever it holds.

// DefaultMaxPending is how many motions and amendments a delegate may
// have pending at once unless the rules set another number.
const DefaultMaxPending = 5

// maxTitleBytes bounds a motion's title: a line, not a text.
const maxTitleBytes = 1000

// MaxPending is how many motions and amendments a delegate may have
// pending at once under the rules; 0 is no limit.
func (r Rules) MaxPending() int {
	if r.Motions != nil && r.Motions.MaxPending != nil {
		return *r.Motions.MaxPending
	}
	return DefaultMaxPending
}

// checkSize refuses a moved motion whose title or text is too long.
func (c MoveMotion) checkSize() error {
	if len(c.Title) > maxTitleBytes {
		return fieldErr("title", "the title has %d bytes; a motion's title has at most %d (the text goes in text)", len(c.Title), maxTitleBytes)
	}
	n := len(c.Text)
	for _, p := range c.Points {
		n += len(p.Number) + len(p.Text)
	}
	if n > maxTextBytes {
		field := "text"
		if len(c.Text) <= maxTextBytes && len(c.Points) > 0 {
			field = "points"
		}
		return fieldErr(field, "the text has %d bytes; a motion's text has at most %d", n, maxTextBytes)
	}
	return nil
}

// checkPendingLimit refuses a delegate's motion, moved or submitted,
// beyond the number the rules let one delegate have undecided at once:
// those they moved or submitted themselves that are pending or not yet
// on the floor (beforeFloor), not those an officer recorded in their name.
func (s *State) checkPendingLimit(mover string) error {
	max := s.Assembly.Rules.MaxPending()
	if max == 0 || mover == "" {
		return nil
	}
	n := 0
	for _, mo := range s.Motions {
		if mo.Mover == mover && !mo.recorded && (mo.Status == MotionStatusPending || s.beforeFloor(mo)) {
			n++
		}
	}
	if n >= max {
		return conflict("motions and amendments of %s pending: %d; the rules allow a delegate at most %d at once (withdraw one, or wait until one is decided)", mover, n, max)
	}
	return nil
}
