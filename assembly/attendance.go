package assembly

import "fmt"

// CheckIn registers a person as present.
type CheckIn struct {
	Person string `json:"person" plenum:"required,id"`
}

// CheckOut registers a person as gone.
type CheckOut struct {
	Person string `json:"person" plenum:"required,id"`
}

// LeaveHall records persons leaving the hall, possibly in a walkout.
type LeaveHall struct {
	Persons []string `json:"persons" plenum:"id"`
	Unnamed int      `json:"unnamed" plenum:"positive"`
	Walkout bool     `json:"walkout"`
	Note    string   `json:"note"`
}

// ReturnToHall records persons coming back into the hall.
type ReturnToHall struct {
	Persons []string `json:"persons" plenum:"id"`
	Unnamed int      `json:"unnamed" plenum:"positive"`
	Note    string   `json:"note"`
}

func (CheckIn) CommandName() string      { return "check_in" }
func (CheckOut) CommandName() string     { return "check_out" }
func (LeaveHall) CommandName() string    { return "leave_hall" }
func (ReturnToHall) CommandName() string { return "return_to_hall" }

// CheckedIn: a person registered present.
type CheckedIn struct {
	Meta   `json:"meta"`
	Person string `json:"person"`
}

// CheckedOut: a person left the assembly.
type CheckedOut struct {
	Meta   `json:"meta"`
	Person string `json:"person"`
}

// LeftHall: persons left the hall.
type LeftHall struct {
	Meta    `json:"meta"`
	Persons []string `json:"persons"`
	Unnamed int      `json:"unnamed"`
	Walkout bool     `json:"walkout"`
	Note    string   `json:"note"`
}

// ReturnedToHall: persons came back.
type ReturnedToHall struct {
	Meta    `json:"meta"`
	Persons []string `json:"persons"`
	Unnamed int      `json:"unnamed"`
	Note    string   `json:"note"`
}

func (CheckedIn) EventType() string      { return "checked_in" }
func (CheckedOut) EventType() string     { return "checked_out" }
func (LeftHall) EventType() string       { return "left_hall" }
func (ReturnedToHall) EventType() string { return "returned_to_hall" }

func (s *State) mayAttend(actor, person string) bool {
	return actor == person || s.isSecretary(actor) || s.isCommission(actor)
}

func (c CheckIn) decide(s *State, m Meta) ([]Event, error) {
	if !s.mayAttend(m.Actor, c.Person) {
		return nil, forbidden("only %s themselves, a secretary or the mandate commission may check them in", c.Person)
	}
	if s.Persons[c.Person] == nil {
		return nil, notFound("there is no person %q", c.Person)
	}
	if s.Attendance.CheckedIn[c.Person] {
		return nil, conflict("%s is already checked in", c.Person)
	}
	return one(CheckedIn{Meta: m, Person: c.Person})
}

func (e CheckedIn) apply(s *State) error {
	if s.Persons[e.Person] == nil || s.Attendance.CheckedIn[e.Person] {
		return corrupt("%s cannot be checked in", e.Person)
	}
	s.Attendance.CheckedIn[e.Person] = true
	delete(s.Attendance.OutOfHall, e.Person) // registering again, they are in the hall
	delete(s.Attendance.WalkedOut, e.Person)
	return nil
}

func (c CheckOut) decide(s *State, m Meta) ([]Event, error) {
	if !s.mayAttend(m.Actor, c.Person) {
		return nil, forbidden("only %s themselves, a secretary or the mandate commission may check them out", c.Person)
	}
	if !s.Attendance.CheckedIn[c.Person] {
		return nil, conflict("%s is not checked in", c.Person)
	}
	return one(CheckedOut{Meta: m, Person: c.Person})
}

func (e CheckedOut) apply(s *State) error {
	if !s.Attendance.CheckedIn[e.Person] {
		return corrupt("%s is not checked in", e.Person)
	}
	delete(s.Attendance.CheckedIn, e.Person)
	return nil
}

func (s *State) mayMoveHall(actor string, persons []string, unnamed int) bool {
	if s.isSecretary(actor) || s.isChair(actor) {
		return true
	}
	return unnamed == 0 && len(persons) == 1 && persons[0] == actor
}

func (c LeaveHall) decide(s *State, m Meta) ([]Event, error) {
	if len(c.Persons) == 0 && c.Unnamed == 0 {
		return nil, fieldErr("persons", "say who left the hall: persons, or how many (unnamed)")
	}
	if !s.mayMoveHall(m.Actor, c.Persons, c.Unnamed) {
		return nil, forbidden("only the persons themselves, a secretary or the chair may record leaving the hall")
	}
	for _, p := range c.Persons {
		if s.Persons[p] == nil {
			return nil, notFound("there is no person %q", p)
		}
		if s.Attendance.OutOfHall[p] {
			return nil, conflict("%s has already left the hall", p)
		}
	}
	return one(LeftHall{Meta: m, Persons: c.Persons, Unnamed: c.Unnamed, Walkout: c.Walkout, Note: c.Note})
}

func (e LeftHall) apply(s *State) error {
	for _, p := range e.Persons {
		if s.Persons[p] == nil || s.Attendance.OutOfHall[p] {
			return corrupt("%s cannot leave the hall", p)
		}
	}
	for _, p := range e.Persons {
		s.Attendance.OutOfHall[p] = true
		if e.Walkout {
			s.Attendance.WalkedOut[p] = true
		}
	}
	s.Attendance.UnnamedOut += e.Unnamed
	s.note(e.Meta, e.EventType(), "", func(r *RecordEntry) {
		r.Text = hallText(len(e.Persons)+e.Unnamed, e.Walkout, e.Note)
	})
	return nil
}

func hallText(n int, walkout bool, note string) string {
	t := fmt.Sprintf("%d left the hall", n)
	if walkout {
		t = fmt.Sprintf("%d walked out", n)
	}
	if note != "" {
		t += ": " + note
	}
	return t
}

func (c ReturnToHall) decide(s *State, m Meta) ([]Event, error) {
	if len(c.Persons) == 0 && c.Unnamed == 0 {
		return nil, fieldErr("persons", "say who returned: persons, or how many (unnamed)")
	}
	if !s.mayMoveHall(m.Actor, c.Persons, c.Unnamed) {
		return nil, forbidden("only the persons themselves, a secretary or the chair may record a return to the hall")
	}
	for _, p := range c.Persons {
		if !s.Attendance.OutOfHall[p] {
			return nil, conflict("%s has not left the hall", p)
		}
	}
	if c.Unnamed > s.Attendance.UnnamedOut {
		return nil, conflict("only %d unnamed persons are out of the hall, not %d", s.Attendance.UnnamedOut, c.Unnamed)
	}
	return one(ReturnedToHall{Meta: m, Persons: c.Persons, Unnamed: c.Unnamed, Note: c.Note})
}

func (e ReturnedToHall) apply(s *State) error {
	for _, p := range e.Persons {
		if !s.Attendance.OutOfHall[p] {
			return corrupt("%s has not left the hall", p)
		}
	}
	if e.Unnamed > s.Attendance.UnnamedOut {
		return corrupt("too many unnamed persons return")
	}
	for _, p := range e.Persons {
		delete(s.Attendance.OutOfHall, p)
		delete(s.Attendance.WalkedOut, p)
	}
	s.Attendance.UnnamedOut -= e.Unnamed
	s.note(e.Meta, e.EventType(), "", func(r *RecordEntry) {
		r.Text = fmt.Sprintf("%d returned to the hall", len(e.Persons)+e.Unnamed)
		if e.Note != "" {
			r.Text += ": " + e.Note
		}
	})
	return nil
}

func init() {
	registerCommands(CheckIn{}, CheckOut{}, LeaveHall{}, ReturnToHall{})
	registerEvents(CheckedIn{}, CheckedOut{}, LeftHall{}, ReturnedToHall{})
}
