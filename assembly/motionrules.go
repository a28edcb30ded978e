package assembly

import (
	"sort"
)

// MotionRules are the rules on the texts of motions and on the way a
// motion submitted before the assembly takes to the floor. Unset fields
// take the defaults: lines of DefaultLineLength characters, no supporters
// needed, DefaultWorkflow.
type MotionRules struct {
	// LineLength is the length of the numbered lines of motions' texts,
	// in characters (package motiontext).
	LineLength *int `json:"line_length,omitempty"`
	// Supporters is how many supporters a submitted motion needs before
	// it is admitted.
	Supporters *int `json:"supporters,omitempty"`
	// Workflow replaces the default way of a submitted motion.
	Workflow Workflow `json:"workflow,omitempty"`
	// MaxPending is how many motions and amendments a delegate may have
	// pending at once (motionlimits.go); 0: no limit.
	MaxPending *int `json:"max_pending,omitempty"`
}

// DefaultLineLength is the line length of motions' texts unless the rules
// set another.
const DefaultLineLength = 80

// Workflow is the way of a submitted motion to the floor: for each state,
// the states set_motion_state may move it to. A motion is submitted in the
// state "submitted"; "pending" puts it before the assembly (in debate),
// after which votes, withdraw_motion and dispose_motion decide its fate.
type Workflow map[string][]string

// DefaultWorkflow is the way of a submitted motion under both presets:
// submitted, then admitted or not admitted (or withdrawn); an admitted
// motion is taken into debate, referred or withdrawn.
func DefaultWorkflow() Workflow {
	return Workflow{
		MotionStatusSubmitted: {MotionStatusAdmitted, MotionStatusNotAdmitted, MotionStatusWithdrawn},
		MotionStatusAdmitted:  {MotionStatusPending, MotionStatusReferred, MotionStatusWithdrawn},
	}
}

// The states of a motion before the floor (the default workflow's).
const (
	MotionStatusSubmitted   = "submitted"
	MotionStatusAdmitted    = "admitted"
	MotionStatusNotAdmitted = "not_admitted"
)

// LineLength is the line length of motions' texts under the rules.
func (r Rules) LineLength() int {
	if r.Motions != nil && r.Motions.LineLength != nil {
		return *r.Motions.LineLength
	}
	return DefaultLineLength
}

// SupportersNeeded is how many supporters a submitted motion needs before
// it is admitted.
func (r Rules) SupportersNeeded() int {
	if r.Motions != nil && r.Motions.Supporters != nil {
		return *r.Motions.Supporters
	}
	return 0
}

// Workflow is the way of a submitted motion under the rules.
func (r Rules) Workflow() Workflow {
	if r.Motions != nil && r.Motions.Workflow != nil {
		return r.Motions.Workflow
	}
	return DefaultWorkflow()
}

// Allows reports whether the workflow lets a motion move from one state
// to another.
func (w Workflow) Allows(from, to string) bool { return contains(w[from], to) }

// States lists every state of the workflow: "submitted" first, then the
// others sorted.
func (w Workflow) States() []string {
	seen := map[string]bool{MotionStatusSubmitted: true}
	out := []string{MotionStatusSubmitted}
	var rest []string
	for from, tos := range w {
		for _, st := range append([]string{from}, tos...) {
			if !seen[st] {
				seen[st] = true
				rest = append(rest, st)
			}
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// decidedByVote are the states only a vote gives.
var decidedByVote = []string{MotionStatusCarried, MotionStatusDefeated, MotionStatusSetAside, MotionStatusNotRecorded}

// merged returns base changed by the overrides o, or an error naming a
// bad value.
func (o *MotionRules) merged(base *MotionRules) (*MotionRules, error) {
	var m MotionRules
	if base != nil {
		m = *base
	}
	if o.LineLength != nil {
		if n := *o.LineLength; n < 20 || n > 200 {
			return nil, fieldErr("overrides.motions.line_length", "the line length of motions is 20 to 200 characters, not %d", n)
		}
		n := *o.LineLength
		m.LineLength = &n
	}
	if o.Supporters != nil {
		if n := *o.Supporters; n < 0 || n > 10000 {
			return nil, fieldErr("overrides.motions.supporters", "the number of supporters a motion needs is 0 to 10000, not %d", n)
		}
		n := *o.Supporters
		m.Supporters = &n
	}
	if o.MaxPending != nil {
		if n := *o.MaxPending; n < 0 || n > 1000 {
			return nil, fieldErr("overrides.motions.max_pending", "the number of motions a delegate may have pending at once is 0 (no limit) to 1000, not %d", n)
		}
		n := *o.MaxPending
		m.MaxPending = &n
	}
	if o.Workflow != nil {
		if err := o.Workflow.check(); err != nil {
			return nil, err
		}
		m.Workflow = o.Workflow
	}
	return &m, nil
}

// check says what is wrong with a workflow given in the rules.
func (w Workflow) check() error {
	const field = "overrides.motions.workflow"
	if len(w[MotionStatusSubmitted]) == 0 {
		return fieldErr(field, "a workflow says where a submitted motion may go: give the state %q and the states it leads to", MotionStatusSubmitted)
	}
	for _, from := range sortedKeys(w) {
		if err := checkID(from); err != nil {
			return fieldErr(field, "the state %q is not a valid name: %s", from, err)
		}
		if from == MotionStatusPending || contains(decidedByVote, from) {
			return fieldErr(field, "the workflow ends where a motion is %s; what follows is decided on the floor", stateWord(from))
		}
		for _, to := range w[from] {
			if err := checkID(to); err != nil {
				return fieldErr(field, "the state %q is not a valid name: %s", to, err)
			}
			if contains(decidedByVote, to) {
				return fieldErr(field, "a motion is %s only by a vote; the workflow cannot lead there from %s", stateWord(to), from)
			}
		}
	}
	return nil
}
