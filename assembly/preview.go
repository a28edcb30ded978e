package assembly

// CountDecides is what declaring v's result without an outcome of the
// chair's would record, so the chair sees it before declaring: the
// outcome the count decides (carried, defeated, or the draft taken as the
// basis) and the result, or "" when the count does not decide (no count
// recorded, a range across the threshold, a tie of drafts) and the chair
// must declare the outcome. Nothing changes: it is declare_result's
// reckoning, run on the state as it is.
func (s *State) CountDecides(v *Vote) (string, Result) {
	res, err := s.count(v, "")
	if err != nil {
		return "", Result{}
	}
	return res.Outcome, res
}
