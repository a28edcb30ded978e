package assembly

import "fmt"

// CheckIn registers a person as present: in the hall, or online where the
// rules admit those attending online (Rules.Online).
type CheckIn struct {
	Person string `json:"person" plenum:"required,id"`
	Where  string `json:"where" plenum:"enum=hall|online"`
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

// CheckedIn: a person registered present, online when Where says so.
type CheckedIn struct {
	Meta   `json:"meta"`
	Person string `json:"person"`
	Where  string `json:"where,omitempty"`
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
	if s.Assembly.Rules.CheckIn == CheckInOfficers && !s.isSecretary(m.Actor) && !s.isCommission(m.Actor) {
		return nil, forbidden("under the rules of procedure a secretary or the mandate commission registers %s present at the door; nobody checks in themselves", c.Person)
	}
	if s.Persons[c.Person] == nil {
		return nil, notFound("there is no person %q", c.Person)
	}
	if s.Attendance.CheckedIn[c.Person] {
		return nil, conflict("%s is already checked in", c.Person)
	}
	where := ""
	if c.Where == "online" {
		if o := s.Assembly.Rules.Online; o == "" || o == OnlineNone {
			return nil, forbidden("the rules of procedure do not admit attending online; %s checks in in the hall", c.Person)
		}
		where = "online"
	}
	return one(CheckedIn{Meta: m, Person: c.Person, Where: where})
}

func (e CheckedIn) apply(s *State) error {
	if s.Persons[e.Person] == nil || s.Attendance.CheckedIn[e.Person] {
		return corrupt("%s cannot be checked in", e.Person)
	}
	s.Attendance.CheckedIn[e.Person] = true
	delete(s.Attendance.OutOfHall, e.Person) // registering again, they are in the hall
	delete(s.Attendance.WalkedOut, e.Person)
	if e.Where == "online" {
		s.Attendance.Online[e.Person] = true
	} else {
		delete(s.Attendance.Online, e.Person)
	}
	s.notePresenceChange(e.Meta, e.Person, false, e.Where == "online")
	s.PresenceEvents++
	return nil
}

func (c CheckOut) decide(s *State, m Meta) ([]Event, error) {
	if !s.mayAttend(m.Actor, c.Person) {
		return nil, forbidden("only %s themselves, a secretary or the mandate commission may check them out", c.Person)
	}
	if !s.Attendance.CheckedIn[c.Person] {
		return nil, conflict("%s is not checked in", c.Person)
	}
	if err := s.unnamedStillFit([]string{c.Person}, 0); err != nil {
		return nil, err
	}
	return one(CheckedOut{Meta: m, Person: c.Person})
}

func (e CheckedOut) apply(s *State) error {
	if !s.Attendance.CheckedIn[e.Person] {
		return corrupt("%s is not checked in", e.Person)
	}
	delete(s.Attendance.CheckedIn, e.Person)
	delete(s.Attendance.Online, e.Person)
	s.notePresenceChange(e.Meta, e.Person, true, false)
	s.PresenceEvents++
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
		if s.Online(p) {
			return nil, conflict("%s attends online, not in the hall; check_out records that they left", p)
		}
	}
	if err := s.unnamedStillFit(c.Persons, c.Unnamed); err != nil {
		return nil, err
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
	if e.Walkout {
		s.Attendance.UnnamedWalkedOut += e.Unnamed
	}
	s.note(e.Meta, e.EventType(), "", func(r *RecordEntry) {
		r.Text = hallText(len(e.Persons)+e.Unnamed, e.Walkout, e.Note)
		r.Persons, r.Unnamed = append([]string(nil), e.Persons...), e.Unnamed
	})
	s.PresenceEvents++
	return nil
}

// unnamedStillFit refuses a departure from the hall (persons leaving or
// checking out, and unnamed more) after which fewer members with a vote
// would be present by name than have left unnamed: the unnamed are among
// those present, and the attendance cannot fall below none. Where the
// open sitting does not record attendance, nobody is present by name and
// an unnamed departure is recorded as the minutes give it.
func (s *State) unnamedStillFit(persons []string, unnamed int) error {
	if st := s.Sitting(); st != nil && st.AttendanceNotRecorded {
		return nil
	}
	_, named := s.members()
	after := 0 // named present once the persons have gone
	for _, id := range s.MandateOrder {
		m := s.Mandates[id]
		if m.Status != MandateStatusVerified || !s.kindVotes(m.Kind) {
			continue
		}
		h := m.Person
		if m.Proxy != "" && (contains(persons, m.Person) || !s.VotesFromWhere(m.Person)) {
			h = m.Proxy
		}
		if !contains(persons, h) && s.countsForQuorum(h) {
			after++
		}
	}
	out := s.Attendance.UnnamedOut + unnamed
	if after >= out {
		return nil
	}
	if unnamed > 0 && len(persons) == 0 {
		return conflict("only %d members with a vote are present, and %d of them left unnamed before; %d more cannot leave unnamed", named-s.Attendance.UnnamedOut, s.Attendance.UnnamedOut, unnamed)
	}
	return conflict("%d members with a vote are present by name and %d left unnamed; if one of those leaving was among the unnamed, record their return first (return_to_hall unnamed)", named, s.Attendance.UnnamedOut)
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
	for _, p := range e.Persons {
		delete(s.Attendance.OutOfHall, p)
		delete(s.Attendance.WalkedOut, p)
	}
	// Those who left unnamed before the registration started afresh are
	// no longer counted out (startRegistration); a record made before
	// that was so may bring them back after it, which changes nothing.
	back := min(e.Unnamed, s.Attendance.UnnamedOut)
	s.Attendance.UnnamedOut -= back
	// Those who walked out are taken to be the ones who return.
	s.Attendance.UnnamedWalkedOut -= min(back, s.Attendance.UnnamedWalkedOut)
	s.note(e.Meta, e.EventType(), "", func(r *RecordEntry) {
		r.Persons, r.Unnamed = append([]string(nil), e.Persons...), e.Unnamed
		r.Text = fmt.Sprintf("%d returned to the hall", len(e.Persons)+e.Unnamed)
		if e.Note != "" {
			r.Text += ": " + e.Note
		}
	})
	s.PresenceEvents++
	return nil
}

// RecordAttendance starts recording who is present in the open sitting,
// which was opened without it (open_sitting attendance_recorded false):
// from now on the quorum counts those checked in, and a vote's attendance
// is taken from them. It is a command of its own, given once the
// registration of those present is under way, rather than a consequence
// of the first check-in: a delegate registering on their phone does not
// make the record claim to show everyone present (and a vote without a
// quorum), and what the events of earlier records mean is unchanged.
type RecordAttendance struct{}

// AttendanceRecordingStarted: the open sitting records who is present
// from here on.
type AttendanceRecordingStarted struct {
	Meta    `json:"meta"`
	Sitting string `json:"sitting"`
}

func (RecordAttendance) CommandName() string         { return "record_attendance" }
func (AttendanceRecordingStarted) EventType() string { return "attendance_recording_started" }

// mayStartAttendance: those who register persons present (a secretary,
// the mandate commission) and the chair, who conducts the sitting.
func (s *State) mayStartAttendance(actor string) bool {
	return s.isSecretary(actor) || s.isCommission(actor) || s.isChair(actor)
}

func (c RecordAttendance) decide(s *State, m Meta) ([]Event, error) {
	if !s.mayStartAttendance(m.Actor) {
		return nil, forbidden("only the chair, a secretary or the mandate commission may start recording who is present")
	}
	st := s.Sitting()
	if st == nil {
		return nil, closed("no sitting is open; attendance is recorded in a sitting")
	}
	if !st.AttendanceNotRecorded {
		return nil, conflict("the sitting %s already records who is present", st.ID)
	}
	return one(AttendanceRecordingStarted{Meta: m, Sitting: st.ID})
}

func (e AttendanceRecordingStarted) apply(s *State) error {
	st := s.Sitting()
	if st == nil || st.ID != e.Sitting || !st.AttendanceNotRecorded {
		return corrupt("the sitting %q cannot start recording attendance", e.Sitting)
	}
	st.AttendanceNotRecorded = false // who is present is as it was,
	s.startRegistration(true)        // less nobody unnamed
	s.notePresence(st, false)
	return nil
}

func init() {
	registerCommands(CheckIn{}, CheckOut{}, LeaveHall{}, ReturnToHall{}, RecordAttendance{})
	registerEvents(CheckedIn{}, CheckedOut{}, LeftHall{}, ReturnedToHall{}, AttendanceRecordingStarted{})
}
