package assembly

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// This file holds speaking time allotted to delegations or tendencies: a
// contingent of seconds on an item that each speech of their members uses
// up (the kinds of turn the rules count, Rules.AllowanceCounts), shown to
// the chair (State.Allowances) and enforced when the floor is given.

// AllotSpeakingTime gives delegations or tendencies their speaking time on
// an item, in seconds; allotting again sets the contingents anew, and what
// was used stays used.
type AllotSpeakingTime struct {
	Item       string         `json:"item" plenum:"required,id"`
	Allowances map[string]int `json:"allowances" plenum:"required"` // organization → seconds
	Note       string         `json:"note"`
}

func (AllotSpeakingTime) CommandName() string { return "allot_speaking_time" }

// SpeakingTimeAllotted: speaking time was allotted on an item.
type SpeakingTimeAllotted struct {
	Meta       `json:"meta"`
	Item       string         `json:"item"`
	Allowances map[string]int `json:"allowances"`
	Note       string         `json:"note,omitempty"`
	// Singular marks an allotment whose record says a second in the
	// singular ("1 second"); an allotment recorded before it was kept
	// says "1 seconds", and replays as it was. Decide sets it only where
	// it changes the record's text (an allowance of one second), so that
	// every other allotment is written as before.
	Singular bool `json:"singular,omitempty"`
}

func (SpeakingTimeAllotted) EventType() string { return "speaking_time_allotted" }

// Allowance is one delegation's or tendency's speaking time on an item.
type Allowance struct {
	Organization string `json:"organization"`
	Name         string `json:"name"`
	Seconds      int    `json:"seconds"` // allotted
	Used         int    `json:"used"`    // by turns ended
	Left         int    `json:"left"`    // Seconds − Used, and less the running turn's time so far
	Speaking     string `json:"speaking,omitempty"`
}

// belongsTo reports whether person speaks for org: they hold a verified
// mandate from it, or are a recorded member of it.
func (s *State) belongsTo(person, org string) bool {
	if p := s.Persons[person]; p != nil {
		for _, id := range p.Mandates {
			if md := s.Mandates[id]; md.Organization == org && md.Status == MandateStatusVerified {
				return true
			}
		}
	}
	return s.MemberOf(person, org)
}

// allowanceGroup is the delegation or tendency whose speaking time on the
// item a person's turns use up, or "" (none allotted, or they belong to
// none of those allotted: a reporter from outside, a guest).
func (s *State) allowanceGroup(it *Item, person string) string {
	for _, org := range sortedKeys(it.Floor.Allotted) {
		if s.belongsTo(person, org) {
			return org
		}
	}
	return ""
}

func (s *State) orgName(id string) string {
	if o := s.Organizations[id]; o != nil {
		return o.Name
	}
	return id
}

func (c AllotSpeakingTime) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair allots speaking time")
	}
	it, err := s.openItem(c.Item)
	if err != nil {
		return nil, err
	}
	if len(c.Allowances) == 0 {
		return nil, fieldErr("allowances", "%s: give each delegation's or tendency's seconds in allowances", CommandName(c.CommandName()))
	}
	orgs := sortedKeys(c.Allowances)
	for _, org := range orgs {
		if err := checkID(org); err != nil {
			return nil, fieldErr("allowances", "%s: %q in the field %q is not a valid id: %s", CommandName(c.CommandName()), org, FieldName{c.CommandName(), "allowances"}, err)
		}
		o := s.Organizations[org]
		if o == nil {
			return nil, notFound("there is no organization %q to allot speaking time to", org)
		}
		switch o.Kind {
		case "delegating", "tendency", "faction", "group":
		case "leading_body":
			return nil, fieldErr("allowances", "%s is a leading body; speaking time is allotted to delegations, tendencies, factions or groups", o.Name)
		default:
			return nil, fieldErr("allowances", "%s is an organization of another kind (%s); speaking time is allotted to delegations, tendencies, factions or groups", o.Name, o.Kind)
		}
		if c.Allowances[org] < 0 {
			return nil, fieldErr("allowances", "the speaking time of %s must not be negative", o.Name)
		}
	}
	for _, p := range s.PersonOrder {
		var in []string
		for _, org := range orgs {
			if s.belongsTo(p, org) {
				in = append(in, org)
			}
		}
		if len(in) > 1 {
			return nil, conflict("%s belongs to both %s and %s, so their speeches would use up two contingents; allot speaking time to groups that share no members (the delegations, or the tendencies)", p, in[0], in[1])
		}
	}
	if g := it.Floor.Speaker; g != "" && it.Floor.Turns[len(it.Floor.Turns)-1].Allowance != "" {
		return nil, conflict("%s is speaking on time allotted before; allot anew between speeches", g)
	}
	singular := false
	for _, sec := range c.Allowances {
		singular = singular || sec == 1
	}
	return one(SpeakingTimeAllotted{Meta: m, Item: c.Item, Allowances: c.Allowances, Note: c.Note, Singular: singular})
}

func (e SpeakingTimeAllotted) apply(s *State) error {
	it := s.Items[e.Item]
	if it == nil || len(e.Allowances) == 0 {
		return corrupt("speaking time cannot be allotted on %q", e.Item)
	}
	it.Floor.Allotted = make(map[string]int, len(e.Allowances))
	var parts []string
	for _, org := range sortedKeys(e.Allowances) {
		it.Floor.Allotted[org] = e.Allowances[org]
		parts = append(parts, fmt.Sprintf("%s %s", s.orgName(org), minutesText(e.Allowances[org], e.Singular)))
	}
	if it.Floor.Used == nil {
		it.Floor.Used = map[string]int{}
	}
	s.note(e.Meta, e.EventType(), e.Item, func(r *RecordEntry) {
		r.Item, r.Text, r.Label = e.Item, "Speaking time allotted: "+strings.Join(parts, ", ")+".", e.Note
	})
	return nil
}

// minutesText says seconds as the chair would: "10 minutes", "90
// seconds", and "1 second" where singular (an allotment recorded before
// said "1 seconds", and replays as it was).
func minutesText(sec int, singular bool) string {
	if sec%60 == 0 {
		if sec == 60 {
			return "1 minute"
		}
		return fmt.Sprintf("%d minutes", sec/60)
	}
	if sec == 1 && singular {
		return "1 second"
	}
	return fmt.Sprintf("%d seconds", sec)
}

// Allowances lists the speaking time allotted on an item, by organization,
// with what is used and left: what the chair sees. The turn under way
// counts as used up to now, unless now is zero.
func (s *State) Allowances(item string, now time.Time) []Allowance {
	it := s.Items[item]
	if it == nil || len(it.Floor.Allotted) == 0 {
		return nil
	}
	out := make([]Allowance, 0, len(it.Floor.Allotted))
	for _, org := range sortedKeys(it.Floor.Allotted) {
		a := Allowance{Organization: org, Name: s.orgName(org), Seconds: it.Floor.Allotted[org], Used: it.Floor.Used[org]}
		a.Left = a.Seconds - a.Used
		out = append(out, a)
	}
	if f := it.Floor; f.Speaker != "" {
		for i := len(f.Turns) - 1; i >= 0; i-- {
			t := f.Turns[i]
			if t.To.IsZero() && t.Allowance != "" && s.Assembly.Rules.allowanceCounts(t.Kind) {
				for j := range out {
					if out[j].Organization == t.Allowance {
						out[j].Speaking = t.Person
						if !now.IsZero() {
							out[j].Left -= int(now.Sub(t.From)/time.Second) - t.Paused
						}
					}
				}
				break
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func init() {
	registerCommands(AllotSpeakingTime{})
	registerEvents(SpeakingTimeAllotted{})
}
