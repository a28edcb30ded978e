package assembly

// This file holds the limits on what may be pending at once: unless the
// rules admit several amendments at once (Rules.ManyAmendments), one
// amendment of each degree to a motion (RONR 12), and, unless they admit
// competing drafts (Rules.Drafts), one main motion on an item (RONR 10).

// pendingClash returns the pending motion beside which a motion of this
// kind (amending amends, on item) may not stand, or nil. self is the
// motion itself, when it is pending again after a reconsideration.
func (s *State) pendingClash(kind, amends, item, self string) *Motion {
	var among []*Motion
	switch {
	case kind == "amendment" && !s.Assembly.Rules.ManyAmendments():
		among = s.pendingAmending(amends, false)
	case kind == "substantive" && !s.Assembly.Rules.Drafts():
		among = s.pendingMotions()
	}
	for _, p := range among {
		if p.ID == self {
			continue
		}
		switch {
		case kind == "amendment" && p.Kind == "amendment":
			return p
		case kind == "substantive" && p.Kind == "substantive" && p.Item == item:
			return p
		}
	}
	return nil
}

// clashError says why a motion may not be pending beside p.
func clashError(kind string, p *Motion) error {
	if kind == "amendment" {
		return conflict("%s (%s) is already pending as an amendment to %s; the rules allow one amendment to a motion at a time: vote on it, or withdraw it, first", p.ID, p.Title, p.Amends)
	}
	where := "this item"
	if p.Item != "" {
		where = p.Item
	}
	return conflict("the main motion %s (%s) is pending on %s; the rules of procedure allow one main motion at a time, so a new one is moved when it is disposed of", p.ID, p.Title, where)
}

// reopenFits refuses to put to the vote a motion to reconsider whose
// carrying would make the motion it reconsiders pending beside another
// of its kind: the motion to reconsider is taken up once that one is
// disposed of.
func (s *State) reopenFits(mo *Motion) error {
	if mo.Procedure != "reconsider" {
		return nil
	}
	t := s.Motions[mo.Target]
	if v := s.Votes[mo.Reconsiders]; v != nil {
		t = s.Motions[v.Motion]
	}
	if t == nil || t.Status == MotionStatusPending {
		return nil
	}
	if p := s.pendingClash(t.Kind, t.Amends, t.Item, t.ID); p != nil {
		return conflict("carrying %s would make %s pending again beside %s (%s); put the motion to reconsider to the vote once %s is disposed of", mo.ID, t.ID, p.ID, p.Title, p.ID)
	}
	return nil
}
