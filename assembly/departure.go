package assembly

// This file holds the majority the rules fix for each question and the
// only two ways a vote may depart from it: the chair's ruling recorded as
// such, or a carried motion to suspend the rules.

// RuleThreshold returns the majority the rules of procedure fix for a vote
// on mo (nil: a bare question or competing drafts): close_discussion (the
// previous question) needs CloseDebateThreshold, a procedure the rules name
// in Thresholds needs that, a substantive motion on an item whose
// threshold the order of the day fixes (add_item's threshold: a statutes
// change by two thirds) needs that, and everything else VotingThreshold.
func (s *State) RuleThreshold(mo *Motion) Threshold {
	r := s.Assembly.Rules
	if mo == nil {
		return r.VotingThreshold
	}
	if mo.Kind == "substantive" {
		return s.itemThreshold(mo.Item)
	}
	if mo.Kind != "procedural" {
		return r.VotingThreshold
	}
	if mo.Procedure == "close_discussion" {
		return r.CloseDebateThreshold
	}
	if t, ok := r.Thresholds[mo.Procedure]; ok {
		return t
	}
	return r.VotingThreshold
}

// itemThreshold is the majority fixed for the decision on the item
// (add_item's threshold), or else VotingThreshold. Amendments and
// procedural motions on the item keep theirs.
func (s *State) itemThreshold(item string) Threshold {
	if it := s.Items[item]; it != nil && it.Threshold != "" {
		return it.Threshold
	}
	return s.Assembly.Rules.VotingThreshold
}

// Departure is a vote taken by another majority than the rules fix:
// Kind "ruling" (the chair's ruling, Text in words) or "suspension" (the
// carried motion to suspend the rules, Motion).
type Departure struct {
	Kind   string `json:"kind"`
	Text   string `json:"text,omitempty"`
	Motion string `json:"motion,omitempty"`
}

// departure checks a vote's threshold against the rule: the threshold th
// given (or none), the rule's, and the ruling or suspension justifying a
// difference. It returns the threshold the vote takes and the departure
// to record, or says why the command is refused.
func (s *State) departure(th, rule Threshold, ruling, suspension, motion, sitting string, what any) (Threshold, *Departure, error) {
	if th == "" || th == rule {
		if ruling != "" || suspension != "" {
			field := "ruling"
			if suspension != "" {
				field = "suspension"
			}
			return "", nil, fieldErr(field, "%s is put to the vote by %s, as the rules fix it; there is no departure for a %s to justify", what, rule.words(), field)
		}
		return rule, nil, nil
	}
	switch {
	case ruling != "" && suspension != "":
		return "", nil, fieldErr("ruling", "a departure from the rules rests on the chair's ruling or on a suspension of the rules, not both")
	case ruling == "" && suspension == "":
		return "", nil, fieldErr("threshold", "the rules of procedure put %s to the vote by %s, not %s; to depart from them, record the chair's ruling (ruling) or name the carried motion to suspend the rules (suspension)", what, rule.words(), th.words())
	case ruling != "":
		return th, &Departure{Kind: "ruling", Text: ruling}, nil
	}
	mo := s.Motions[suspension]
	switch {
	case mo == nil:
		return "", nil, notFound("there is no motion %q to suspend the rules", suspension)
	case mo.Procedure != "suspend_rules":
		return "", nil, fieldErr("suspension", "%s (%s) is not a motion to suspend the rules", mo.ID, mo.Title)
	case mo.Status != MotionStatusCarried:
		return "", nil, conflict("the motion to suspend the rules %s is %s; only a carried one allows a departure", mo.ID, stateWord(mo.Status))
	case mo.Sitting != sitting:
		return "", nil, conflict("the rules were suspended (%s) in the sitting %s; a suspension holds only in the sitting that voted it, not in %s", mo.ID, mo.Sitting, sitting)
	case mo.Target != "" && mo.Target != motion:
		return "", nil, conflict("the rules were suspended (%s) for %s, not for %s", mo.ID, mo.Target, what)
	}
	for _, id := range s.VoteOrder {
		if v := s.Votes[id]; v.Departure != nil && v.Departure.Motion == mo.ID {
			return "", nil, conflict("the suspension of the rules %s was used for the vote %s; a suspension serves the one purpose it was voted for", mo.ID, v.ID)
		}
	}
	return th, &Departure{Kind: "suspension", Motion: mo.ID}, nil
}

// Reconsiderable reports whether a vote on mo may be reconsidered under
// rules with Robert's conditions on reconsideration: not a motion to
// reconsider, nor to suspend the rules, nor a carried motion to lay on
// the table (RONR 37, 25, 17).
func (s *State) Reconsiderable(mo *Motion, outcome string) bool {
	switch mo.Procedure {
	case "reconsider", "suspend_rules":
		return false
	case "table":
		return outcome != MotionStatusCarried
	}
	return true
}

// secondWaived reports whether mo goes to the vote without a second even
// where the rules ask for seconds: an objection to consideration
// (discuss_or_not) under Robert's rules (RONR 26).
// AwaitsSecond reports whether open_vote refuses mo for want of a second:
// the rules require seconds, nobody has seconded it, and it is not one
// that needs none (a committee's change recommendation, a submitted
// motion with supporters, an objection to consideration under
// precedence). The pages ask it to offer the forms that second it.
func (s *State) AwaitsSecond(mo *Motion) bool {
	return s.Assembly.Rules.SecondsRequired && s.needsSecond(mo) && !s.secondWaived(mo)
}

func (s *State) secondWaived(mo *Motion) bool {
	return s.Assembly.Rules.Precedence && mo.Procedure == "discuss_or_not"
}
