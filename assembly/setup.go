package assembly

import "strings"

// CreateAssembly founds the assembly; its actor becomes the first administrator.
type CreateAssembly struct {
	ID          string     `json:"id" plenum:"required,id"`
	Name        string     `json:"name" plenum:"required"`
	Starts      string     `json:"starts" plenum:"required,date"`
	Ends        string     `json:"ends" plenum:"date"`
	Venues      []string   `json:"venues"`
	Rules       string     `json:"rules" plenum:"required,enum=ronr|congress"`
	Overrides   *Overrides `json:"overrides"`
	Description string     `json:"description"`
	// Language is the assembly's language, a BCP 47 tag ("en", "de",
	// "pt-BR"); empty is English.
	Language string `json:"language"`
	// RecordAccess says who may read the record: public (the default),
	// participants or officers (see SetRecordAccess).
	RecordAccess string `json:"record_access" plenum:"enum=public|participants|officers"`
}

// SetRules changes the preset or overrides some rules.
type SetRules struct {
	Preset    string     `json:"preset" plenum:"enum=ronr|congress"`
	Overrides *Overrides `json:"overrides"`
}

// GrantRole gives a person a role.
type GrantRole struct {
	Person string `json:"person" plenum:"required,id"`
	Role   Role   `json:"role" plenum:"required,enum=administrator|chair|secretary|mandate_commission|teller"`
}

// RevokeRole takes a role away.
type RevokeRole struct {
	Person string `json:"person" plenum:"required,id"`
	Role   Role   `json:"role" plenum:"required,enum=administrator|chair|secretary|mandate_commission|teller"`
}

// DefineMark defines a mark that may be put on mandates ("*").
type DefineMark struct {
	Mark    string `json:"mark" plenum:"required"`
	Meaning string `json:"meaning" plenum:"required"`
}

func (CreateAssembly) CommandName() string { return "create_assembly" }
func (SetRules) CommandName() string       { return "set_rules" }
func (GrantRole) CommandName() string      { return "grant_role" }
func (RevokeRole) CommandName() string     { return "revoke_role" }
func (DefineMark) CommandName() string     { return "define_mark" }

// AssemblyCreated: the assembly was founded; Admin became its administrator.
type AssemblyCreated struct {
	Meta     `json:"meta"`
	Assembly Assembly `json:"assembly"`
	Admin    string   `json:"admin"`
}

// RulesSet: the rules of procedure changed.
type RulesSet struct {
	Meta  `json:"meta"`
	Rules Rules `json:"rules"`
}

// RoleGranted: a person received a role.
type RoleGranted struct {
	Meta   `json:"meta"`
	Person string `json:"person"`
	Role   Role   `json:"role"`
}

// RoleRevoked: a person lost a role.
type RoleRevoked struct {
	Meta   `json:"meta"`
	Person string `json:"person"`
	Role   Role   `json:"role"`
}

// MarkDefined: a mark was defined.
type MarkDefined struct {
	Meta    `json:"meta"`
	Mark    string `json:"mark"`
	Meaning string `json:"meaning"`
}

func (AssemblyCreated) EventType() string { return "assembly_created" }
func (RulesSet) EventType() string        { return "rules_set" }
func (RoleGranted) EventType() string     { return "role_granted" }
func (RoleRevoked) EventType() string     { return "role_revoked" }
func (MarkDefined) EventType() string     { return "mark_defined" }

func (c CreateAssembly) decide(s *State, m Meta) ([]Event, error) {
	if s.Created {
		return nil, conflict("the assembly %q already exists; a log holds one assembly", s.Assembly.ID)
	}
	if m.Assembly != "" && m.Assembly != c.ID {
		return nil, fieldErr("id", "the envelope names the assembly %q but the command creates %q", m.Assembly, c.ID)
	}
	if c.Ends != "" && c.Ends < c.Starts {
		return nil, fieldErr("ends", "the assembly cannot end (%s) before it starts (%s)", c.Ends, c.Starts)
	}
	if err := checkLanguage(c.Language); err != nil {
		return nil, err
	}
	r, _ := Preset(c.Rules)
	r, err := c.Overrides.apply(r)
	if err != nil {
		return nil, err
	}
	m.Assembly = c.ID
	return one(AssemblyCreated{Meta: m, Admin: m.Actor, Assembly: Assembly{
		ID: c.ID, Name: c.Name, Starts: c.Starts, Ends: c.Ends, Venues: c.Venues, Description: c.Description, Rules: r,
		Language: c.Language, RecordAccess: recordAccessOf(c.RecordAccess),
	}})
}

func (e AssemblyCreated) apply(s *State) error {
	if s.Created {
		return corrupt("the assembly %q was already created", s.Assembly.ID)
	}
	if e.Assembly.ID != e.Meta.Assembly {
		return corrupt("the assembly_created event names two assemblies")
	}
	s.Created = true
	s.Assembly = e.Assembly
	s.Roles[e.Admin] = map[Role]bool{RoleAdministrator: true}
	s.PresenceEvents++
	return nil
}

func (c SetRules) decide(s *State, m Meta) ([]Event, error) {
	if !s.isAdmin(m.Actor) {
		return nil, forbidden("only an administrator may change the rules of procedure")
	}
	r := s.Assembly.Rules
	if c.Preset != "" {
		r, _ = Preset(c.Preset)
	}
	r, err := c.Overrides.apply(r)
	if err != nil {
		return nil, err
	}
	for _, id := range s.VoteOrder {
		if s.Votes[id].Status == VoteStatusOpen {
			return nil, conflict("the rules cannot change while the vote %s is open", id)
		}
	}
	if err := s.weightsHeld(r); err != nil {
		return nil, err
	}
	return one(RulesSet{Meta: m, Rules: r})
}

// weightsHeld refuses rules r that would change how many votes a mandate
// entitled in an open election carries: turning weighted_votes on or off
// (a preset turns it off) where such a mandate has a weight other than 1.
// Each ballot records its weight when it is cast, so the ballots cast
// before the change would count one way and those after another, and an
// encrypted ranked election would take a ballot of several votes that it
// refuses when it opens (rankedWeights). While a vote is open the rules
// do not change at all; an election may stay open while the rest of the
// business goes on, so only this change waits for it to close. The rule
// refuses the command only: a record holding such a change replays as it
// was made.
func (s *State) weightsHeld(r Rules) error {
	if r.WeightedVotes == s.Assembly.Rules.WeightedVotes {
		return nil
	}
	for _, id := range s.ElectionOrder {
		el := s.Elections[id]
		if el.Status != ElectionStatusOpen {
			continue
		}
		for _, mid := range s.MandateOrder {
			if md := s.Mandates[mid]; el.Eligible[mid] && md.Votes() > 1 {
				return conflict("the rule that a mandate may carry several votes cannot be turned on or off while the election %s is open: the mandate %s, entitled in it, has the weight %d, and the ballots cast before the change and after it would count its votes differently; change the rule once the election is closed", id, mid, md.Votes())
			}
		}
	}
	return nil
}

func (e RulesSet) apply(s *State) error {
	s.Assembly.Rules = e.Rules
	s.reconcileUnnamed()
	s.PresenceEvents++
	return nil
}

func (c GrantRole) decide(s *State, m Meta) ([]Event, error) {
	if !s.isAdmin(m.Actor) {
		return nil, forbidden("only an administrator may grant roles")
	}
	if s.Persons[c.Person] == nil {
		return nil, notFound("there is no person %q; %s first", c.Person, CommandRef("add_person"))
	}
	if s.Roles[c.Person][c.Role] {
		return nil, conflict("%s already holds the role %s", c.Person, c.Role)
	}
	return one(RoleGranted{Meta: m, Person: c.Person, Role: c.Role})
}

func (e RoleGranted) apply(s *State) error {
	if s.Roles[e.Person] == nil {
		s.Roles[e.Person] = map[Role]bool{}
	}
	s.Roles[e.Person][e.Role] = true
	return nil
}

func (c RevokeRole) decide(s *State, m Meta) ([]Event, error) {
	if !s.isAdmin(m.Actor) {
		return nil, forbidden("only an administrator may revoke roles")
	}
	if !s.Roles[c.Person][c.Role] {
		return nil, conflict("%s does not hold the role %s", c.Person, c.Role)
	}
	if c.Role == RoleAdministrator {
		admins := 0
		for _, rs := range s.Roles {
			if rs[RoleAdministrator] {
				admins++
			}
		}
		if admins == 1 {
			return nil, conflict("%s is the last administrator; grant the role to someone else first", c.Person)
		}
	}
	return one(RoleRevoked{Meta: m, Person: c.Person, Role: c.Role})
}

func (e RoleRevoked) apply(s *State) error {
	if !s.Roles[e.Person][e.Role] {
		return corrupt("%s does not hold the role %s", e.Person, e.Role)
	}
	delete(s.Roles[e.Person], e.Role)
	if len(s.Roles[e.Person]) == 0 {
		delete(s.Roles, e.Person)
	}
	return nil
}

func (c DefineMark) decide(s *State, m Meta) ([]Event, error) {
	if !s.isAdmin(m.Actor) && !s.isSecretary(m.Actor) {
		return nil, forbidden("only an administrator or a secretary may define marks")
	}
	if strings.TrimSpace(c.Mark) == "" {
		return nil, fieldErr("mark", "the mark is blank")
	}
	if _, ok := s.Marks[c.Mark]; ok {
		return nil, conflict("the mark %q is already defined", c.Mark)
	}
	return one(MarkDefined{Meta: m, Mark: c.Mark, Meaning: c.Meaning})
}

func (e MarkDefined) apply(s *State) error {
	if _, ok := s.Marks[e.Mark]; ok {
		return corrupt("the mark %q is already defined", e.Mark)
	}
	s.Marks[e.Mark] = e.Meaning
	return nil
}

func init() {
	registerCommands(CreateAssembly{}, SetRules{}, GrantRole{}, RevokeRole{}, DefineMark{})
	registerEvents(AssemblyCreated{}, RulesSet{}, RoleGranted{}, RoleRevoked{}, MarkDefined{})
}
