package assembly

// TurnLimit is a turn's speaking time in seconds, as the record judges
// its overtime when it ends (endTurn) and the pages count it down (0: no
// limit): none for a report; for an interposed question or a short
// intervention the rules' intervention time where they set one, else the
// rules' speaking time; and no more than was left of the allotment the
// turn draws on (Turn.Left). The time interposed questions took
// (Turn.Paused) is not the speaker's: the limit runs on after it.
func (s *State) TurnLimit(t *Turn) int {
	if t.Kind == "report" {
		return 0
	}
	r := s.Assembly.Rules
	lim := r.SpeakingTimeSeconds
	if (t.Kind == "question" || t.Kind == "intervention") && r.InterventionSeconds > 0 {
		lim = r.InterventionSeconds
	}
	if t.Allowance != "" && (lim == 0 || t.Left < lim) {
		lim = t.Left
	}
	return lim
}
