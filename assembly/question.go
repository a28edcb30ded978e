package assembly

// VoteQuestion is what a vote asks, as the pages and plenum verify name
// it: its own question, else its motion's title, else its alternatives'
// title; "" when it has none of them.
func (s *State) VoteQuestion(v *Vote) string {
	switch {
	case v.Question != "":
		return v.Question
	case v.Motion != "" && s.Motions[v.Motion] != nil:
		return s.Motions[v.Motion].Title
	case v.Alternatives != "" && s.Alternatives[v.Alternatives] != nil:
		return s.Alternatives[v.Alternatives].Title
	}
	return ""
}
