package assembly

import (
	"unicode"
	"unicode/utf8"
)

// This file holds the corrections of the roster: a person's name or
// reference, a mandate's organization, kind or weight. An import of a
// corrected list (package roster) gives them; so can anyone registering
// delegates by hand.

// AmendPerson corrects a person's name or sets their reference in the
// organiser's own list. Fields left empty stay as they are.
type AmendPerson struct {
	Person string `json:"person" plenum:"required,id"`
	Name   string `json:"name"`
	Ref    string `json:"ref"`
}

// AmendMandate corrects a mandate as submitted: the organization it is
// from (or none: Personal), its kind or its weight. Fields left empty stay
// as they are. A verified mandate goes back to the mandate commission:
// what it verified is no longer what the mandate says.
type AmendMandate struct {
	Mandate      string `json:"mandate" plenum:"required,id"`
	Organization string `json:"organization" plenum:"id"`
	Personal     bool   `json:"personal"`
	Kind         string `json:"kind" plenum:"enum=decisive|consultative|guest|ex_officio"`
	Weight       int    `json:"weight" plenum:"positive"`
}

func (AmendPerson) CommandName() string  { return "amend_person" }
func (AmendMandate) CommandName() string { return "amend_mandate" }

// PersonAmended: a person's name or reference was corrected; an empty
// field is unchanged.
type PersonAmended struct {
	Meta   `json:"meta"`
	Person string `json:"person"`
	Name   string `json:"name,omitempty"`
	Ref    string `json:"ref,omitempty"`
}

// MandateAmended: a mandate was corrected; an empty field is unchanged.
// Unverified says that the mandate had been verified and goes back to the
// mandate commission.
type MandateAmended struct {
	Meta         `json:"meta"`
	Mandate      string `json:"mandate"`
	Organization string `json:"organization,omitempty"`
	Personal     bool   `json:"personal,omitempty"`
	Kind         string `json:"kind,omitempty"`
	Weight       int    `json:"weight,omitempty"`
	Unverified   bool   `json:"unverified,omitempty"`
}

func (PersonAmended) EventType() string  { return "person_amended" }
func (MandateAmended) EventType() string { return "mandate_amended" }

// maxRef is the longest reference a person may carry, in bytes.
const maxRef = 100

// checkRef reports why ref cannot be the reference of the person with id
// person ("" for a person not yet added): malformed, or another's.
func (s *State) checkRef(ref, person string) error {
	if ref == "" {
		return nil
	}
	if len(ref) > maxRef {
		return fieldErr("ref", "the reference %.20q… is longer than %d bytes", ref, maxRef)
	}
	// UTF-8 and control characters are checked with every text in Decide
	// (checkTexts).
	if r0, _ := utf8.DecodeRuneInString(ref); unicode.IsSpace(r0) || unicode.IsSpace(lastRune(ref)) {
		return fieldErr("ref", "the reference %q begins or ends with a space", ref)
	}
	if id := s.refs[ref]; id != "" && id != person {
		return conflict("the reference %q is already %s's (%s)", ref, id, s.Persons[id].Name)
	}
	return nil
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// PersonByRef returns the person whose reference is ref.
func (s *State) PersonByRef(ref string) (*Person, bool) {
	id, ok := s.refs[ref]
	if !ok {
		return nil, false
	}
	return s.Persons[id], true
}

func (c AmendPerson) decide(s *State, m Meta) ([]Event, error) {
	if !s.MayRegister(m.Actor) {
		return nil, forbidden("only %s may amend persons", registrars)
	}
	p := s.Persons[c.Person]
	if p == nil {
		return nil, notFound("there is no person %q", c.Person)
	}
	if err := s.checkRef(c.Ref, c.Person); err != nil {
		return nil, err
	}
	e := PersonAmended{Meta: m, Person: c.Person}
	if c.Name != "" && c.Name != p.Name {
		e.Name = c.Name
	}
	if c.Ref != "" && c.Ref != p.Ref {
		e.Ref = c.Ref
	}
	if e.Name == "" && e.Ref == "" {
		return nil, invalid("the amendment changes nothing: %s is already named %q with the reference %q", c.Person, p.Name, p.Ref)
	}
	return one(e)
}

func (e PersonAmended) apply(s *State) error {
	p := s.Persons[e.Person]
	if p == nil {
		return corrupt("there is no person %q to amend", e.Person)
	}
	if e.Ref != "" {
		if id := s.refs[e.Ref]; id != "" && id != p.ID {
			return corrupt("the reference %q is already %s's", e.Ref, id)
		}
		delete(s.refs, p.Ref)
		p.Ref = e.Ref
		s.refs[e.Ref] = p.ID
	}
	if e.Name != "" {
		p.Name = e.Name
	}
	return nil
}

func (c AmendMandate) decide(s *State, m Meta) ([]Event, error) {
	if !s.MayRegister(m.Actor) {
		return nil, forbidden("only %s may amend mandates", registrars)
	}
	md := s.Mandates[c.Mandate]
	if md == nil {
		return nil, notFound("there is no mandate %q", c.Mandate)
	}
	if md.Status == MandateStatusRejected {
		return nil, conflict("the mandate %s was rejected (%s); submit a new mandate instead", c.Mandate, md.Reason)
	}
	if c.Personal && c.Organization != "" {
		return nil, fieldErr("personal", "a mandate is either from an organization or personal, not both")
	}
	e := MandateAmended{Meta: m, Mandate: c.Mandate}
	org := md.Organization
	switch {
	case c.Personal && md.Organization != "":
		e.Personal, org = true, ""
	case c.Organization != "" && c.Organization != md.Organization:
		if s.Organizations[c.Organization] == nil {
			return nil, notFound("there is no organization %q; add_organization first", c.Organization)
		}
		e.Organization, org = c.Organization, c.Organization
	}
	if org != md.Organization {
		for _, id := range s.Persons[md.Person].Mandates {
			if o := s.Mandates[id]; id != md.ID && o.Organization == org && o.Status != MandateStatusRejected {
				if org == "" {
					return nil, conflict("%s already holds the mandate %s from no organization (personally)", md.Person, id)
				}
				return nil, conflict("%s already holds the mandate %s from %s", md.Person, id, org)
			}
		}
	}
	if c.Kind != "" && c.Kind != md.Kind {
		e.Kind = c.Kind
	}
	if c.Weight != 0 && c.Weight != md.Votes() {
		if c.Weight > 1 && !s.Assembly.Rules.WeightedVotes {
			return nil, fieldErr("weight", "the rules of procedure give every mandate one vote; a weight of %d needs the rule that a mandate may carry several votes", c.Weight)
		}
		e.Weight = c.Weight
	}
	if e.Organization == "" && !e.Personal && e.Kind == "" && e.Weight == 0 {
		return nil, invalid("the amendment changes nothing: the mandate %s is already %s", c.Mandate, describeMandate(md))
	}
	if err := s.entitledNow(md.ID); err != nil {
		return nil, err
	}
	e.Unverified = md.Status == MandateStatusVerified
	return one(e)
}

// entitledNow refuses to change a mandate while a vote or an election in
// which it is entitled is open.
func (s *State) entitledNow(mandate string) error {
	for _, id := range s.VoteOrder {
		if v := s.Votes[id]; v.Status == VoteStatusOpen && v.Eligible[mandate] {
			return conflict("the mandate %s cannot be changed while the vote %s, in which it is entitled, is open", mandate, id)
		}
	}
	for _, id := range s.ElectionOrder {
		if el := s.Elections[id]; el.Status == ElectionStatusOpen && el.Eligible[mandate] {
			return conflict("the mandate %s cannot be changed while the election %s, in which it is entitled, is open", mandate, id)
		}
	}
	return nil
}

// describeMandate says what a mandate is, for a refusal: "decisive from
// org with weight 1".
func describeMandate(md *Mandate) *Reason {
	if md.Organization == "" {
		return reason("%s from no organization (personally) with weight %d", mandateKind(md.Kind), md.Votes())
	}
	return reason("%s from %s with weight %d", mandateKind(md.Kind), md.Organization, md.Votes())
}

func (e MandateAmended) apply(s *State) error {
	md := s.Mandates[e.Mandate]
	if md == nil || md.Status == MandateStatusRejected {
		return corrupt("the mandate %q cannot be amended", e.Mandate)
	}
	if e.Organization != "" && s.Organizations[e.Organization] == nil {
		return corrupt("there is no organization %q", e.Organization)
	}
	if e.Unverified != (md.Status == MandateStatusVerified) {
		return corrupt("the amendment of %s does not fit its status %s", e.Mandate, md.Status)
	}
	switch {
	case e.Personal:
		md.Organization = ""
	case e.Organization != "":
		md.Organization = e.Organization
	}
	if e.Kind != "" {
		md.Kind = e.Kind
	}
	if e.Weight != 0 {
		md.Weight = e.Weight
	}
	if e.Unverified {
		md.Status = MandateStatusSubmitted
		if s.voting[md.Person] == md.ID {
			s.chooseVoting(md.Person)
		}
	}
	s.PresenceEvents++
	return nil
}

// chooseVoting sets the mandate a person votes with: their verified
// mandate of the highest voting rank, the first of them on a tie.
func (s *State) chooseVoting(person string) {
	delete(s.voting, person)
	best := ""
	for _, id := range s.Persons[person].Mandates {
		o := s.Mandates[id]
		if o.Status == MandateStatusVerified && (best == "" || votingRank(o.Kind) > votingRank(s.Mandates[best].Kind)) {
			best = id
		}
	}
	if best != "" {
		s.voting[person] = best
	}
}

func init() {
	registerCommands(AmendPerson{}, AmendMandate{})
	registerEvents(PersonAmended{}, MandateAmended{})
}
