package assembly

import "slices"

import "strings"

// FormBody forms a section, commission or committee.
type FormBody struct {
	ID          string   `json:"id" plenum:"required,id"`
	Name        string   `json:"name" plenum:"required"`
	Kind        string   `json:"kind" plenum:"required,enum=section|commission|committee"`
	Members     []string `json:"members" plenum:"id"`
	Item        string   `json:"item" plenum:"id"`
	Instruction string   `json:"instruction"`
	Note        string   `json:"note"`
}

// AddBodyMembers adds members to a body.
type AddBodyMembers struct {
	Body    string   `json:"body" plenum:"required,id"`
	Persons []string `json:"persons" plenum:"required,id"`
}

// RemoveBodyMembers removes members from a body.
type RemoveBodyMembers struct {
	Body    string   `json:"body" plenum:"required,id"`
	Persons []string `json:"persons" plenum:"required,id"`
	Note    string   `json:"note"`
}

// InstructBody gives a body an instruction ("change the point on support").
type InstructBody struct {
	Body        string `json:"body" plenum:"required,id"`
	Instruction string `json:"instruction" plenum:"required"`
}

// ReportBody is the command body_report: a body reports back.
type ReportBody struct {
	Body     string `json:"body" plenum:"required,id"`
	Reporter string `json:"reporter" plenum:"required,id"`
	Summary  string `json:"summary" plenum:"required"`
	Document string `json:"document" plenum:"id"`
}

func (FormBody) CommandName() string          { return "form_body" }
func (AddBodyMembers) CommandName() string    { return "add_body_members" }
func (RemoveBodyMembers) CommandName() string { return "remove_body_members" }
func (InstructBody) CommandName() string      { return "instruct_body" }
func (ReportBody) CommandName() string        { return "body_report" }

// BodyFormed: a body was formed.
type BodyFormed struct {
	Meta        `json:"meta"`
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Kind        string   `json:"kind"`
	Members     []string `json:"members"`
	Item        string   `json:"item"`
	Instruction string   `json:"instruction"`
	Note        string   `json:"note"`
}

// BodyMembersAdded: members joined a body.
type BodyMembersAdded struct {
	Meta    `json:"meta"`
	Body    string   `json:"body"`
	Persons []string `json:"persons"`
}

// BodyMembersRemoved: members left a body.
type BodyMembersRemoved struct {
	Meta    `json:"meta"`
	Body    string   `json:"body"`
	Persons []string `json:"persons"`
	Note    string   `json:"note"`
}

// BodyInstructed: a body received an instruction.
type BodyInstructed struct {
	Meta        `json:"meta"`
	Body        string `json:"body"`
	Instruction string `json:"instruction"`
}

// BodyReported: a body reported back.
type BodyReported struct {
	Meta   `json:"meta"`
	Body   string     `json:"body"`
	Report BodyReport `json:"report"`
}

func (BodyFormed) EventType() string         { return "body_formed" }
func (BodyMembersAdded) EventType() string   { return "body_members_added" }
func (BodyMembersRemoved) EventType() string { return "body_members_removed" }
func (BodyInstructed) EventType() string     { return "body_instructed" }
func (BodyReported) EventType() string       { return "body_reported" }

func (s *State) body(id string) (*Body, error) {
	b := s.Bodies[id]
	if b == nil {
		return nil, notFound("there is no section, commission or committee %q", id)
	}
	return b, nil
}

func (c FormBody) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair or an administrator forms sections, commissions and committees")
	}
	if s.Bodies[c.ID] != nil {
		return nil, conflict("there is already a body %q", c.ID)
	}
	if err := s.personsExist("members", c.Members); err != nil {
		return nil, err
	}
	if c.Item != "" {
		if _, err := s.item(c.Item); err != nil {
			return nil, err
		}
	}
	return one(s.bodyFormed(m, c.ID, c.Name, c.Kind, c.Members, c.Item, c.Instruction, c.Note))
}

func (s *State) bodyFormed(m Meta, id, name, kind string, members []string, item, instruction, note string) BodyFormed {
	return BodyFormed{Meta: m, ID: id, Name: name, Kind: kind, Members: members, Item: item, Instruction: instruction, Note: note}
}

func (e BodyFormed) apply(s *State) error {
	if e.ID == "" || s.Bodies[e.ID] != nil {
		return corrupt("the body %q cannot be formed", e.ID)
	}
	b := Body{ID: e.ID, Name: e.Name, Kind: e.Kind, Members: slices.Clone(e.Members), Item: e.Item, Note: e.Note}
	if e.Instruction != "" {
		b.Instructions = []string{e.Instruction}
	}
	s.Bodies[b.ID] = &b
	s.BodyOrder = append(s.BodyOrder, b.ID)
	s.note(e.Meta, e.EventType(), b.ID, func(r *RecordEntry) {
		r.Text = b.Name
		if len(b.Members) > 0 {
			r.Text += ": " + strings.Join(b.Members, ", ")
		}
	})
	return nil
}

func (c AddBodyMembers) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair or an administrator changes the members of a body")
	}
	b, err := s.body(c.Body)
	if err != nil {
		return nil, err
	}
	if err := s.personsExist("persons", c.Persons); err != nil {
		return nil, err
	}
	for _, p := range c.Persons {
		if contains(b.Members, p) {
			return nil, conflict("%s is already a member of %s", p, b.Name)
		}
	}
	return one(BodyMembersAdded{Meta: m, Body: c.Body, Persons: c.Persons})
}

func (e BodyMembersAdded) apply(s *State) error {
	b := s.Bodies[e.Body]
	if b == nil {
		return corrupt("there is no body %q", e.Body)
	}
	b.Members = append(append([]string(nil), b.Members...), e.Persons...)
	return nil
}

func (c RemoveBodyMembers) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair or an administrator changes the members of a body")
	}
	b, err := s.body(c.Body)
	if err != nil {
		return nil, err
	}
	for _, p := range c.Persons {
		if !contains(b.Members, p) {
			return nil, conflict("%s is not a member of %s", p, b.Name)
		}
	}
	return one(BodyMembersRemoved{Meta: m, Body: c.Body, Persons: c.Persons, Note: c.Note})
}

func (e BodyMembersRemoved) apply(s *State) error {
	b := s.Bodies[e.Body]
	if b == nil {
		return corrupt("there is no body %q", e.Body)
	}
	b.Members = without(b.Members, e.Persons)
	return nil
}

func (c InstructBody) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair instructs a body")
	}
	if _, err := s.body(c.Body); err != nil {
		return nil, err
	}
	return one(BodyInstructed{Meta: m, Body: c.Body, Instruction: c.Instruction})
}

func (e BodyInstructed) apply(s *State) error {
	b := s.Bodies[e.Body]
	if b == nil {
		return corrupt("there is no body %q", e.Body)
	}
	b.Instructions = append(b.Instructions, e.Instruction)
	s.note(e.Meta, e.EventType(), e.Body, func(r *RecordEntry) { r.Text = e.Instruction })
	return nil
}

func (c ReportBody) decide(s *State, m Meta) ([]Event, error) {
	if !s.mayMinute(m.Actor) {
		return nil, forbidden("only the chair or a secretary records a body's report")
	}
	if _, err := s.body(c.Body); err != nil {
		return nil, err
	}
	if s.Persons[c.Reporter] == nil {
		return nil, notFound("there is no person %q", c.Reporter)
	}
	if c.Document != "" && s.Documents[c.Document] == nil {
		return nil, notFound("there is no document %q; %s first", c.Document, CommandRef("read_document"))
	}
	return one(BodyReported{Meta: m, Body: c.Body, Report: BodyReport{Reporter: c.Reporter, Summary: c.Summary, Document: c.Document, At: m.At}})
}

func (e BodyReported) apply(s *State) error {
	b := s.Bodies[e.Body]
	if b == nil {
		return corrupt("there is no body %q", e.Body)
	}
	b.Reports = append(b.Reports, e.Report)
	s.note(e.Meta, e.EventType(), e.Body, func(r *RecordEntry) { r.Person, r.Text = e.Report.Reporter, e.Report.Summary })
	return nil
}

func init() {
	registerCommands(FormBody{}, AddBodyMembers{}, RemoveBodyMembers{}, InstructBody{}, ReportBody{})
	registerEvents(BodyFormed{}, BodyMembersAdded{}, BodyMembersRemoved{}, BodyInstructed{}, BodyReported{})
}
