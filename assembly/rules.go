package assembly

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Rules are an assembly's rules of procedure as data. A preset fills them;
// overrides change any subset.
type Rules struct {
	Preset                string    `json:"preset"`
	Quorum                string    `json:"quorum"` // none, majority_of_members, majority_of_mandates, or a number
	VotingThreshold       Threshold `json:"voting_threshold"`
	CloseDebateThreshold  Threshold `json:"close_debate_threshold"`
	SecondsRequired       bool      `json:"seconds_required"`
	SpeakingTimeSeconds   int       `json:"speaking_time_seconds"`
	SpeakersOrder         string    `json:"speakers_order"`
	ConsultativeMayVote   bool      `json:"consultative_may_vote"`
	GuestsMaySpeak        bool      `json:"guests_may_speak"`
	ProxiesAllowed        bool      `json:"proxies_allowed"`
	MaxProxiesPerDelegate int       `json:"max_proxies_per_delegate"`
	AbstentionsCount      bool      `json:"abstentions_count"`
	WeightedVotes         bool      `json:"weighted_votes"` // a mandate may carry several votes
	Precedence            bool      `json:"precedence"`     // procedural motions are voted by their rank (ronr)
	// ReconsiderRules asks for Robert's conditions on a motion to
	// reconsider; unset, the preset decides (ronr: yes), so that the rules
	// of assemblies created before it existed encode as they did.
	ReconsiderRules *bool `json:"reconsider_rules,omitempty"`
	// Motions are the rules on motions' texts and their way to the floor
	// (motionrules.go); unset, the defaults apply.
	Motions *MotionRules `json:"motions,omitempty"`
	// CompetingDrafts lets several main motions be pending on an item at
	// once, as drafts competing to be taken as the basis; unset, the
	// preset decides (congress: yes; ronr: one main motion at a time).
	CompetingDrafts *bool `json:"competing_drafts,omitempty"`
	// AmendmentsAtOnce lets several amendments of one degree be pending on
	// a motion at once, put to the vote in turn (the amendments in writing
	// of a congress's motions, overlapping ones overtaken); unset, the
	// preset decides (congress: yes; ronr: one of each degree at a time).
	AmendmentsAtOnce *bool `json:"amendments_at_once,omitempty"`
	// Thresholds are the majorities particular procedural motions need
	// (by procedure: close_list, discuss_or_not, suspend_rules, …) where
	// it is not VotingThreshold; close_discussion needs
	// CloseDebateThreshold.
	Thresholds map[string]Threshold `json:"thresholds,omitempty"`
	// MaxSpeeches is how many times a person may speak on one item in one
	// sitting (reports, summaries, points of order, questions and the
	// chair aside); 0: no limit.
	MaxSpeeches int `json:"max_speeches,omitempty"`
	// Online says what attending online gives: "" or none (online
	// attendance is not admitted), observe (present, but neither voting
	// nor counting for the quorum), vote (voting from where they are, not
	// counting for the quorum), full (voting and counting for the quorum).
	Online string `json:"online,omitempty"`
	// AllowanceCounts are the kinds of turn that use up a delegation's or
	// tendency's speaking time (allot_speaking_time); empty: speech and
	// reply.
	AllowanceCounts []string `json:"allowance_counts,omitempty"`
	// InterventionSeconds limits an interposed question or a short
	// intervention; 0: SpeakingTimeSeconds applies.
	InterventionSeconds int `json:"intervention_seconds,omitempty"`
	// CheckIn says who registers a person present (check_in): "" (self,
	// the default) the person themselves, a secretary or the mandate
	// commission; officers: only a secretary or the mandate commission,
	// at the door, so that nobody marks himself present from elsewhere.
	CheckIn string `json:"check_in,omitempty"`
}

// The values of Rules.CheckIn as overrides give them ("" is self).
const (
	CheckInSelf     = "self"
	CheckInOfficers = "officers"
)

// Drafts reports whether several main motions may be pending on an item
// at once: the rule as set, or else the preset's (true under congress).
func (r Rules) Drafts() bool {
	if r.CompetingDrafts != nil {
		return *r.CompetingDrafts
	}
	return r.Preset == "congress"
}

// ManyAmendments reports whether several amendments of one degree may be
// pending on a motion at once: the rule as set, or else the preset's
// (true under congress).
func (r Rules) ManyAmendments() bool {
	if r.AmendmentsAtOnce != nil {
		return *r.AmendmentsAtOnce
	}
	return r.Preset == "congress"
}

// The values of Rules.Online.
const (
	OnlineNone    = "none"
	OnlineObserve = "observe"
	OnlineVote    = "vote"
	OnlineFull    = "full"
)

// onlineVotes reports whether those attending online vote.
func (r Rules) onlineVotes() bool { return r.Online == OnlineVote || r.Online == OnlineFull }

// allowanceCounts reports whether a turn of the kind uses up speaking time
// allotted to a delegation or tendency.
func (r Rules) allowanceCounts(kind string) bool {
	if len(r.AllowanceCounts) == 0 {
		return kind == "speech" || kind == "reply"
	}
	return contains(r.AllowanceCounts, kind)
}

// Reconsideration reports whether a motion to reconsider must meet Robert's
// conditions: the rule as set, or else the preset's (true under ronr).
func (r Rules) Reconsideration() bool {
	if r.ReconsiderRules != nil {
		return *r.ReconsiderRules
	}
	return r.Preset == "ronr"
}

// The orders of the speakers' list.
const (
	OrderFirstCome      = "first_come"
	OrderFirstTimeFirst = "first_time_first"
	OrderAlternate      = "alternate_for_against"
)

// Preset returns the rules of a named preset: "ronr" (Robert's Rules of
// Order) or "congress" (simple majorities, a speakers' list, as at the 1917
// conference).
func Preset(name string) (Rules, bool) {
	switch name {
	case "ronr":
		return Rules{
			Preset:               "ronr",
			Quorum:               "majority_of_members",
			VotingThreshold:      MajorityCast,
			CloseDebateThreshold: TwoThirdsCast,
			SecondsRequired:      true,
			SpeakingTimeSeconds:  600,
			SpeakersOrder:        OrderAlternate,
			GuestsMaySpeak:       false,
			Precedence:           true,
			Thresholds: map[string]Threshold{
				"close_list":     TwoThirdsCast, // limit or extend debate
				"discuss_or_not": TwoThirdsCast, // objection to consideration
				"suspend_rules":  TwoThirdsCast,
			},
			MaxSpeeches: 2,
		}, true
	case "congress":
		return Rules{
			Preset:               "congress",
			Quorum:               "none",
			VotingThreshold:      MajorityCast,
			CloseDebateThreshold: MajorityCast,
			SpeakersOrder:        OrderFirstCome,
			GuestsMaySpeak:       true,
			Thresholds:           map[string]Threshold{"suspend_rules": TwoThirdsCast},
		}, true
	}
	return Rules{}, false
}

// Overrides are the rules an assembly changes from its preset; absent fields
// keep the preset's value.
type Overrides struct {
	Quorum                *QuorumRule  `json:"quorum"`
	VotingThreshold       *Threshold   `json:"voting_threshold"`
	CloseDebateThreshold  *Threshold   `json:"close_debate_threshold"`
	SecondsRequired       *bool        `json:"seconds_required"`
	SpeakingTimeSeconds   *int         `json:"speaking_time_seconds"`
	SpeakersOrder         *string      `json:"speakers_order"`
	ConsultativeMayVote   *bool        `json:"consultative_may_vote"`
	GuestsMaySpeak        *bool        `json:"guests_may_speak"`
	ProxiesAllowed        *bool        `json:"proxies_allowed"`
	MaxProxiesPerDelegate *int         `json:"max_proxies_per_delegate"`
	AbstentionsCount      *bool        `json:"abstentions_count"`
	WeightedVotes         *bool        `json:"weighted_votes"`
	Precedence            *bool        `json:"precedence"`
	ReconsiderRules       *bool        `json:"reconsider_rules"`
	Motions               *MotionRules `json:"motions"`
	CompetingDrafts       *bool        `json:"competing_drafts"`
	AmendmentsAtOnce      *bool        `json:"amendments_at_once"`
	// Thresholds set the majority of the procedures named; the others
	// keep theirs.
	Thresholds          map[string]Threshold `json:"thresholds"`
	MaxSpeeches         *int                 `json:"max_speeches"`
	Online              *string              `json:"online"` // none, observe, vote or full
	AllowanceCounts     []string             `json:"allowance_counts" plenum:"enum=speech|reply|question|intervention|point_of_order|report|summary|chair"`
	InterventionSeconds *int                 `json:"intervention_seconds"`
	CheckIn             *string              `json:"check_in"` // self or officers
}

// QuorumRule is a quorum rule as given in overrides: a word or a number.
type QuorumRule string

// UnmarshalJSON accepts "none", "majority_of_members", "majority_of_mandates"
// or a whole number.
func (q *QuorumRule) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*q = QuorumRule(s)
		return nil
	}
	n, err := strconv.Atoi(string(b))
	if err != nil || n < 0 {
		return fmt.Errorf("quorum must be none, majority_of_members, majority_of_mandates or a whole number")
	}
	*q = QuorumRule(strconv.Itoa(n))
	return nil
}

// apply returns r changed by the overrides, or an error naming a bad value.
func (o *Overrides) apply(r Rules) (Rules, error) {
	if o == nil {
		return r, nil
	}
	if o.Quorum != nil {
		q := string(*o.Quorum)
		switch q {
		case "none", "majority_of_members", "majority_of_mandates":
		default:
			if n, err := strconv.Atoi(q); err != nil || n < 0 {
				return r, fieldErr("overrides.quorum", "the quorum must be none, majority_of_members, majority_of_mandates or a number, not %q", q)
			}
		}
		r.Quorum = q
	}
	for _, t := range []struct {
		name string
		v    *Threshold
		dst  *Threshold
	}{{"voting_threshold", o.VotingThreshold, &r.VotingThreshold}, {"close_debate_threshold", o.CloseDebateThreshold, &r.CloseDebateThreshold}} {
		if t.v != nil {
			if !t.v.valid() {
				return r, fieldErr("overrides."+t.name, "the %s must be one of %s, not %q", t.name, thresholdNames, *t.v)
			}
			*t.dst = *t.v
		}
	}
	setBool := func(dst *bool, v *bool) {
		if v != nil {
			*dst = *v
		}
	}
	setBool(&r.SecondsRequired, o.SecondsRequired)
	setBool(&r.ConsultativeMayVote, o.ConsultativeMayVote)
	setBool(&r.GuestsMaySpeak, o.GuestsMaySpeak)
	setBool(&r.ProxiesAllowed, o.ProxiesAllowed)
	setBool(&r.AbstentionsCount, o.AbstentionsCount)
	setBool(&r.Precedence, o.Precedence)
	if o.ReconsiderRules != nil {
		v := *o.ReconsiderRules
		r.ReconsiderRules = &v
	}
	if o.CompetingDrafts != nil {
		v := *o.CompetingDrafts
		r.CompetingDrafts = &v
	}
	if o.AmendmentsAtOnce != nil {
		v := *o.AmendmentsAtOnce
		r.AmendmentsAtOnce = &v
	}
	if len(o.Thresholds) > 0 {
		th := make(map[string]Threshold, len(r.Thresholds)+len(o.Thresholds))
		for k, v := range r.Thresholds {
			th[k] = v
		}
		for _, k := range sortedKeys(o.Thresholds) {
			v := o.Thresholds[k]
			if !thresholdProcedure(k) {
				return r, fieldErr("overrides.thresholds", "%q is not a procedure whose majority the rules set; give close_list, discuss_or_not, suspend_rules, table, elect_committee, instruct_committee, order_of_voting, invite_back, reconsider or other (close_discussion is close_debate_threshold)", k)
			}
			if !v.valid() {
				return r, fieldErr("overrides.thresholds", "the threshold of %s must be one of %s, not %q", k, thresholdNames, v)
			}
			th[k] = v
		}
		r.Thresholds = th
	}
	if o.Online != nil {
		switch *o.Online {
		case OnlineNone:
			r.Online = ""
		case OnlineObserve, OnlineVote, OnlineFull:
			r.Online = *o.Online
		default:
			return r, fieldErr("overrides.online", "online must be none, observe, vote or full, not %q", *o.Online)
		}
	}
	if o.CheckIn != nil {
		switch *o.CheckIn {
		case CheckInSelf:
			r.CheckIn = ""
		case CheckInOfficers:
			r.CheckIn = CheckInOfficers
		default:
			return r, fieldErr("overrides.check_in", "who checks persons in is self (the person, a secretary or the mandate commission) or officers (a secretary or the mandate commission), not %q", *o.CheckIn)
		}
	}
	if o.AllowanceCounts != nil {
		r.AllowanceCounts = append([]string(nil), o.AllowanceCounts...)
	}
	for _, n := range []struct {
		name string
		v    *int
		dst  *int
	}{{"max_speeches", o.MaxSpeeches, &r.MaxSpeeches}, {"intervention_seconds", o.InterventionSeconds, &r.InterventionSeconds}} {
		if n.v != nil {
			if *n.v < 0 {
				return r, fieldErr("overrides."+n.name, "%s must not be negative", n.name)
			}
			*n.dst = *n.v
		}
	}
	setBool(&r.WeightedVotes, o.WeightedVotes)
	if o.SpeakingTimeSeconds != nil {
		if *o.SpeakingTimeSeconds < 0 {
			return r, fieldErr("overrides.speaking_time_seconds", "the speaking time must not be negative")
		}
		r.SpeakingTimeSeconds = *o.SpeakingTimeSeconds
	}
	if o.MaxProxiesPerDelegate != nil {
		if *o.MaxProxiesPerDelegate < 0 {
			return r, fieldErr("overrides.max_proxies_per_delegate", "the number of proxies must not be negative")
		}
		r.MaxProxiesPerDelegate = *o.MaxProxiesPerDelegate
	}
	if o.Motions != nil {
		m, err := o.Motions.merged(r.Motions)
		if err != nil {
			return r, err
		}
		r.Motions = m
	}
	if o.SpeakersOrder != nil {
		switch *o.SpeakersOrder {
		case OrderFirstCome, OrderFirstTimeFirst, OrderAlternate:
			r.SpeakersOrder = *o.SpeakersOrder
		default:
			return r, fieldErr("overrides.speakers_order", "the speakers' order must be one of %s, %s, %s, not %q", OrderFirstCome, OrderFirstTimeFirst, OrderAlternate, *o.SpeakersOrder)
		}
	}
	return r, nil
}

// thresholdProcedure reports whether the rules may set the majority of a
// procedural motion by its procedure.
func thresholdProcedure(p string) bool {
	switch p {
	case "close_list", "discuss_or_not", "suspend_rules", "table", "elect_committee", "instruct_committee", "order_of_voting", "invite_back", "reconsider", "other":
		return true
	}
	return false
}

// quorumNeeded returns how many voting members must be present, given the
// number of members (verified decisive mandates), or 0 when no quorum applies.
func (r Rules) quorumNeeded(members int) int {
	switch r.Quorum {
	case "", "none":
		return 0
	case "majority_of_members", "majority_of_mandates":
		return members/2 + 1
	}
	n, _ := strconv.Atoi(r.Quorum)
	return n
}

var thresholdNames = strings.Join([]string{string(MajorityCast), string(MajorityPresent), string(MajorityMembers), string(TwoThirdsCast), string(ThreeQuartersCast)}, ", ")
