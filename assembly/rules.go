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
		}, true
	case "congress":
		return Rules{
			Preset:               "congress",
			Quorum:               "none",
			VotingThreshold:      MajorityCast,
			CloseDebateThreshold: MajorityCast,
			SpeakersOrder:        OrderFirstCome,
			GuestsMaySpeak:       true,
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
