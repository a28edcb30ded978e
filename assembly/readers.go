package assembly

// Who may read an assembly's record is the assembly's own choice, made
// when it is created (create_assembly's record_access) and changed only by
// a recorded command (set_record_access). Package httpapi asks
// MayReadRecord for every page, API view, document and tile of the record
// it serves; the signed checkpoints stay open to anyone, since they reveal
// only the log's size and root hash.

// The settings of who may read the record.
const (
	// RecordPublic: anyone, logged in or not.
	RecordPublic = "public"
	// RecordParticipants: the persons of the assembly who are logged in
	// (with an access code of theirs), and the server administrator.
	RecordParticipants = "participants"
	// RecordOfficers: only those who hold an office now (Offices), and
	// the server administrator.
	RecordOfficers = "officers"
)

// SetRecordAccess changes who may read the assembly's record.
type SetRecordAccess struct {
	Access string `json:"access" plenum:"required,enum=public|participants|officers"`
}

func (SetRecordAccess) CommandName() string { return "set_record_access" }

// RecordAccessSet: who may read the record changed.
type RecordAccessSet struct {
	Meta   `json:"meta"`
	Access string `json:"access"`
}

func (RecordAccessSet) EventType() string { return "record_access_set" }

// recordAccessOf is how a setting is kept in Assembly.RecordAccess: public
// as empty, so that an assembly that never chose reads as it always did.
func recordAccessOf(access string) string {
	if access == RecordPublic {
		return ""
	}
	return access
}

// RecordAccess returns who may read the record: RecordPublic,
// RecordParticipants or RecordOfficers.
func (s *State) RecordAccess() string {
	if s.Assembly.RecordAccess == "" {
		return RecordPublic
	}
	return s.Assembly.RecordAccess
}

// MayReadRecord reports whether person may read the assembly's record
// under its setting. person is the id of someone logged in to this
// assembly, ServerAdministrator for the server administrator, or "" for
// a visitor who is not logged in to it.
func (s *State) MayReadRecord(person string) bool {
	switch s.RecordAccess() {
	case RecordPublic:
		return true
	case RecordParticipants:
		return person == ServerAdministrator || person != "" && s.Persons[person] != nil
	case RecordOfficers:
		return person == ServerAdministrator || person != "" && len(s.Offices(person).Titles()) > 0
	}
	return false
}

func (c SetRecordAccess) decide(s *State, m Meta) ([]Event, error) {
	if !s.isAdmin(m.Actor) {
		return nil, forbidden("only an administrator may say who reads the record")
	}
	if recordAccessOf(c.Access) == s.Assembly.RecordAccess {
		return nil, conflict("the record is already open to %s", recordAccessWords(c.Access))
	}
	return one(RecordAccessSet{Meta: m, Access: c.Access})
}

func (e RecordAccessSet) apply(s *State) error {
	switch e.Access {
	case RecordPublic, RecordParticipants, RecordOfficers:
	default:
		return corrupt("the record access %q is not a setting", e.Access)
	}
	s.Assembly.RecordAccess = recordAccessOf(e.Access)
	return nil
}

// recordAccessWords says a setting in words, for refusals.
func recordAccessWords(access string) string {
	switch access {
	case RecordParticipants:
		return "the participants only"
	case RecordOfficers:
		return "the officers only"
	}
	return "anyone"
}

func init() {
	registerCommands(SetRecordAccess{})
	registerEvents(RecordAccessSet{})
}
