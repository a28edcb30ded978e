package assembly

import (
	"slices"
	"strings"
)

// This file holds the corrections of what the organiser set up: the
// assembly's own particulars (its name, dates, venues, language,
// description) and an organization's name, kind or number. The set-up
// pages give them; a script may too.

// AmendAssembly corrects the assembly's particulars. Fields left empty
// stay as they are; Venues, when not empty, replace the venues.
type AmendAssembly struct {
	Name        string   `json:"name"`
	Starts      string   `json:"starts" plenum:"date"`
	Ends        string   `json:"ends" plenum:"date"`
	Venues      []string `json:"venues"`
	Language    string   `json:"language"`
	Description string   `json:"description"`
}

// AmendOrganization corrects an organization's name, kind or number in
// the published list. Fields left empty stay as they are.
type AmendOrganization struct {
	Organization string `json:"organization" plenum:"required,id"`
	Name         string `json:"name"`
	Kind         string `json:"kind" plenum:"enum=delegating|leading_body|faction|tendency|group|other"`
	Number       string `json:"number"`
}

func (AmendAssembly) CommandName() string     { return "amend_assembly" }
func (AmendOrganization) CommandName() string { return "amend_organization" }

// AssemblyAmended: the assembly's particulars were corrected; an empty
// field is unchanged.
type AssemblyAmended struct {
	Meta        `json:"meta"`
	Name        string   `json:"name,omitempty"`
	Starts      string   `json:"starts,omitempty"`
	Ends        string   `json:"ends,omitempty"`
	Venues      []string `json:"venues,omitempty"`
	Language    string   `json:"language,omitempty"`
	Description string   `json:"description,omitempty"`
}

// OrganizationAmended: an organization was corrected; an empty field is
// unchanged.
type OrganizationAmended struct {
	Meta         `json:"meta"`
	Organization string `json:"organization"`
	Name         string `json:"name,omitempty"`
	Kind         string `json:"kind,omitempty"`
	Number       string `json:"number,omitempty"`
}

func (AssemblyAmended) EventType() string     { return "assembly_amended" }
func (OrganizationAmended) EventType() string { return "organization_amended" }

// checkLanguage reports why tag is not a language tag as BCP 47 writes
// them: a language of 2 or 3 letters, then subtags of 1 to 8 letters or
// digits, joined by '-' ("en", "de-AT", "sr-Latn").
func checkLanguage(tag string) error {
	if tag == "" {
		return nil
	}
	bad := fieldErr("language", "%q is not a language tag: give one such as en, de, fr-CA or pt-BR", tag)
	if len(tag) > 35 {
		return bad
	}
	for i, sub := range strings.Split(tag, "-") {
		if i == 0 && (len(sub) < 2 || len(sub) > 3) || len(sub) < 1 || len(sub) > 8 {
			return bad
		}
		for _, c := range sub {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
				return bad
			}
		}
	}
	return nil
}

func (c AmendAssembly) decide(s *State, m Meta) ([]Event, error) {
	if !s.isAdmin(m.Actor) {
		return nil, forbidden("only an administrator may correct the assembly's particulars")
	}
	if err := checkLanguage(c.Language); err != nil {
		return nil, err
	}
	a := s.Assembly
	e := AssemblyAmended{Meta: m}
	if c.Name != "" && strings.TrimSpace(c.Name) == "" {
		return nil, fieldErr("name", "the assembly's name is blank")
	}
	if c.Name != "" && c.Name != a.Name {
		e.Name = c.Name
	}
	if c.Starts != "" && c.Starts != a.Starts {
		e.Starts = c.Starts
	}
	if c.Ends != "" && c.Ends != a.Ends {
		e.Ends = c.Ends
	}
	if len(c.Venues) > 0 && !slices.Equal(c.Venues, a.Venues) {
		for _, v := range c.Venues {
			if strings.TrimSpace(v) == "" {
				return nil, fieldErr("venues", "a venue is blank; leave it out")
			}
		}
		e.Venues = c.Venues
	}
	if c.Language != "" && c.Language != a.Language {
		e.Language = c.Language
	}
	if c.Description != "" && c.Description != a.Description {
		e.Description = c.Description
	}
	starts, ends := a.Starts, a.Ends
	if e.Starts != "" {
		starts = e.Starts
	}
	if e.Ends != "" {
		ends = e.Ends
	}
	if ends != "" && ends < starts {
		return nil, fieldErr("ends", "the assembly cannot end (%s) before it starts (%s)", ends, starts)
	}
	if e.Name == "" && e.Starts == "" && e.Ends == "" && e.Venues == nil && e.Language == "" && e.Description == "" {
		return nil, invalid("the correction changes nothing: the assembly already says so")
	}
	return one(e)
}

func (e AssemblyAmended) apply(s *State) error {
	a := &s.Assembly
	if e.Name != "" {
		a.Name = e.Name
	}
	if e.Starts != "" {
		a.Starts = e.Starts
	}
	if e.Ends != "" {
		a.Ends = e.Ends
	}
	if len(e.Venues) > 0 {
		a.Venues = slices.Clone(e.Venues)
	}
	if e.Language != "" {
		a.Language = e.Language
	}
	if e.Description != "" {
		a.Description = e.Description
	}
	return nil
}

func (c AmendOrganization) decide(s *State, m Meta) ([]Event, error) {
	if !s.MayRegister(m.Actor) {
		return nil, forbidden("only %s may correct organizations", registrars)
	}
	o := s.Organizations[c.Organization]
	if o == nil {
		return nil, notFound("there is no organization %q", c.Organization)
	}
	if c.Name != "" && strings.TrimSpace(c.Name) == "" {
		return nil, fieldErr("name", "the organization's name is blank")
	}
	e := OrganizationAmended{Meta: m, Organization: c.Organization}
	if c.Name != "" && c.Name != o.Name {
		if err := s.refuseOrgName(c.Name, o.ID); err != nil {
			return nil, err
		}
		e.Name = c.Name
	}
	if c.Kind != "" && c.Kind != o.Kind {
		e.Kind = c.Kind
	}
	if c.Number != "" && c.Number != o.Number {
		e.Number = c.Number
	}
	if e.Name == "" && e.Kind == "" && e.Number == "" {
		return nil, invalid("the correction changes nothing: %s already says so", o.Name)
	}
	return one(e)
}

func (e OrganizationAmended) apply(s *State) error {
	o := s.Organizations[e.Organization]
	if o == nil {
		return corrupt("there is no organization %q to amend", e.Organization)
	}
	if e.Name != "" {
		o.Name = e.Name
	}
	if e.Kind != "" {
		o.Kind = e.Kind
	}
	if e.Number != "" {
		o.Number = e.Number
	}
	return nil
}

func init() {
	registerCommands(AmendAssembly{}, AmendOrganization{})
	registerEvents(AssemblyAmended{}, OrganizationAmended{})
}
