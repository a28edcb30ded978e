package assembly

import (
	"maps"
	"slices"
)

// motionIndex is what replay and the checks on motions look up instead of
// walking every motion per event, which made a log's replay quadratic in
// its withdrawn amendments. It is derived from Motions: addMotion and
// setStatus keep it, and nothing else adds a motion or changes whether it
// is pending (an amendment's Amends never changes).
type motionIndex struct {
	// amendments: a motion → the motions amending it directly, in the
	// order recorded (their numbers count them).
	amendments map[string][]string
	// pending: the pending motions.
	pending map[string]*Motion
	// pendingUnder: a motion → the pending motions amending it at any
	// depth (amendsTransitively), which withdrawing or disposing of it
	// takes along.
	pendingUnder map[string]map[string]*Motion
}

func newMotionIndex() motionIndex {
	return motionIndex{amendments: map[string][]string{}, pending: map[string]*Motion{}, pendingUnder: map[string]map[string]*Motion{}}
}

// addMotion records a new motion.
func (s *State) addMotion(mo *Motion) {
	s.Motions[mo.ID] = mo
	s.MotionOrder = append(s.MotionOrder, mo.ID)
	if mo.Amends != "" {
		s.idx.amendments[mo.Amends] = append(s.idx.amendments[mo.Amends], mo.ID)
	}
	if mo.Status == MotionStatusPending {
		s.pendingChanged(mo, true)
	}
}

// setStatus changes a motion's status; every change of a motion's status
// goes through it.
func (s *State) setStatus(mo *Motion, status string) {
	was := mo.Status == MotionStatusPending
	mo.Status = status
	if now := status == MotionStatusPending; now != was {
		s.pendingChanged(mo, now)
	}
}

// pendingChanged records that mo became pending, or stopped being so.
func (s *State) pendingChanged(mo *Motion, pending bool) {
	if pending {
		s.idx.pending[mo.ID] = mo
	} else {
		delete(s.idx.pending, mo.ID)
	}
	// The motions mo amends, as amendsTransitively walks them.
	a := mo
	for i := 0; a != nil && a.Amends != "" && i < 64; i++ {
		// An emptied set stays, for the next amendment moved.
		under := s.idx.pendingUnder[a.Amends]
		switch {
		case pending && under == nil:
			s.idx.pendingUnder[a.Amends] = map[string]*Motion{mo.ID: mo}
		case pending:
			under[mo.ID] = mo
		default:
			delete(under, mo.ID)
		}
		a = s.Motions[a.Amends]
	}
}

// pendingAmending returns the pending amendments of a motion, in the order
// moved: those amending it directly, or with deep at any depth.
func (s *State) pendingAmending(id string, deep bool) []*Motion {
	var out []*Motion
	for _, a := range s.idx.pendingUnder[id] {
		if deep || a.Amends == id {
			out = append(out, a)
		}
	}
	return bySeq(out)
}

// bySeq sorts motions in the order moved (MotionOrder).
func bySeq(ms []*Motion) []*Motion {
	slices.SortFunc(ms, func(a, b *Motion) int { return a.Seq - b.Seq })
	return ms
}

// pendingMotions returns the pending motions in the order moved.
func (s *State) pendingMotions() []*Motion {
	return bySeq(slices.Collect(maps.Values(s.idx.pending)))
}
