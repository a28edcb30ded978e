package web

import "plenum/assembly"

// The reporters on the chair's console: the item's report opens its
// discussion, and after the discussion closes the rules give the
// reporters their summaries (give_floor with summary: assembly's
// GiveFloor), before the question is put.

// reporterToReport is the first of it's reporters, then co-reporters,
// who has not spoken on it (no floor turn of theirs, no speech recorded
// of them on it), or "".
func (v *view) reporterToReport(it *assembly.Item) string {
	for _, p := range reportersOf(it) {
		if !spokeOn(v.S, it, p, "") {
			return p
		}
	}
	return ""
}

// reporterToSumUp is the first of it's reporters, then co-reporters, who
// has not summed up on it, once its discussion is closed, or "".
func (v *view) reporterToSumUp(it *assembly.Item) string {
	if !it.Floor.DiscussionClosed {
		return ""
	}
	for _, p := range reportersOf(it) {
		if !spokeOn(v.S, it, p, "summary") {
			return p
		}
	}
	return ""
}

// reportersOf are it's reporters, then its co-reporters.
func reportersOf(it *assembly.Item) []string {
	return append(append([]string(nil), it.Reporters...), it.CoReporters...)
}

// spokeOn reports whether person had a turn on it (of the kind, if kind
// is not empty), or, for any kind, a speech recorded on it (a record
// written up without floor turns).
func spokeOn(s *assembly.State, it *assembly.Item, person, kind string) bool {
	for _, t := range it.Floor.Turns {
		if t.Person == person && (kind == "" || t.Kind == kind) {
			return true
		}
	}
	if kind != "" {
		return false
	}
	for _, sp := range s.Speeches {
		if sp.Item == it.ID && sp.Speaker == person {
			return true
		}
	}
	return false
}
