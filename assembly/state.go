package assembly

import (
	"sort"
	"time"
)

// Role is an office in the assembly that carries authority.
type Role string

// The roles.
const (
	RoleAdministrator     Role = "administrator"
	RoleChair             Role = "chair"
	RoleSecretary         Role = "secretary"
	RoleMandateCommission Role = "mandate_commission"
	RoleTeller            Role = "teller"
)

// Assembly is the assembly's identity and its rules.
type Assembly struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Starts      string   `json:"starts"`
	Ends        string   `json:"ends"`
	Venues      []string `json:"venues"`
	Description string   `json:"description"`
	Rules       Rules    `json:"rules"`
	// Language is the assembly's language as a BCP 47 tag; empty is
	// English.
	Language string `json:"language,omitempty"`
	// RecordAccess is who may read the record (MayReadRecord): empty (an
	// assembly created before the setting existed, or public) is
	// RecordPublic.
	RecordAccess string `json:"record_access,omitempty"`
}

// Organization is a delegating organization, a leading body, a faction, a
// tendency or another group.
type Organization struct {
	ID           string       `json:"id"`
	Name         string       `json:"name"`
	Kind         string       `json:"kind"`
	Number       string       `json:"number"`
	Parent       string       `json:"parent"`
	Note         string       `json:"note"`
	PresentNoted bool         `json:"present_noted"` // took part though no delegate registered
	PresenceNote string       `json:"presence_note"`
	Members      []Membership `json:"members"`
}

// Membership is a person's membership of an organization.
type Membership struct {
	Person       string `json:"person"`
	Organization string `json:"organization"`
	Role         string `json:"role"`
	Note         string `json:"note"`
}

// Person is anyone who takes part.
type Person struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	OtherNames []string `json:"other_names"`
	Note       string   `json:"note"`
	Mandates   []string `json:"mandates"`
	// Ref is the person's reference in the organiser's own list, if given.
	Ref string `json:"ref,omitempty"`
}

// Mandate kinds.
const (
	KindDecisive     = "decisive"
	KindConsultative = "consultative"
	KindGuest        = "guest"
	KindExOfficio    = "ex_officio"
)

// Mandate statuses.
const (
	MandateStatusSubmitted = "submitted"
	MandateStatusVerified  = "verified"
	MandateStatusRejected  = "rejected"
)

// Mandate is a person's right to sit for an organization.
type Mandate struct {
	ID           string   `json:"id"`
	Person       string   `json:"person"`
	Organization string   `json:"organization"`
	Kind         string   `json:"kind"`
	Marks        []string `json:"marks"`
	Note         string   `json:"note"`
	Status       string   `json:"status"`
	Reason       string   `json:"reason"` // why it was rejected
	Proxy        string   `json:"proxy"`  // the person who carries it for its absent holder
	Weight       int      `json:"weight"` // votes it carries where the rules weigh mandates (0 or 1: one); read it through Votes
}

// Votes is how many votes the mandate carries where the rules weigh
// mandates (weighted_votes): its weight, and 1 for a weight of 0. A
// weight of 0 is none given: a mandate submitted without a weight, as
// most are and as every mandate recorded before weights existed is, keeps
// 0 in its entry and in the state, and carries one vote (submit_mandate
// and amend_mandate refuse a negative weight and read 0 as none given).
// Where the rules do not weigh mandates, every mandate carries one vote
// whatever its weight.
func (m *Mandate) Votes() int {
	return max(m.Weight, 1)
}

// Attendance is who is in the hall, and who attends online.
type Attendance struct {
	CheckedIn  map[string]bool `json:"checked_in"`  // person → registered present
	OutOfHall  map[string]bool `json:"out_of_hall"` // person → left the hall
	WalkedOut  map[string]bool `json:"walked_out"`  // person → left in a walkout
	Online     map[string]bool `json:"online"`      // person → checked in online, not in the hall
	UnnamedOut int             `json:"unnamed_out"` // members with a vote, not named, out of the hall
	// UnnamedWalkedOut is how many of UnnamedOut left in a walkout.
	UnnamedWalkedOut int `json:"unnamed_walked_out"`
}

// Sitting is one sitting of the assembly.
type Sitting struct {
	ID             string    `json:"id"`
	Title          string    `json:"title"`
	Date           string    `json:"date"`
	Time           string    `json:"time"`
	Venue          string    `json:"venue"`
	Chair          string    `json:"chair"`
	Presidium      []string  `json:"presidium"`
	Secretaries    []string  `json:"secretaries"`
	JointWith      []string  `json:"joint_with"`
	Guests         []string  `json:"guests"`
	GuestsMaySpeak bool      `json:"guests_may_speak"`
	GuestsMayVote  bool      `json:"guests_may_vote"`
	Open           bool      `json:"open"`
	OpenedAt       time.Time `json:"opened_at"`
	ClosedAt       time.Time `json:"closed_at"`
	ClosingTime    string    `json:"closing_time"`
	CurrentItem    string    `json:"current_item"`
	Note           string    `json:"note"`
	// AttendanceNotRecorded: the record does not show who was present.
	AttendanceNotRecorded bool   `json:"attendance_not_recorded"`
	Approved              bool   `json:"approved"` // its minutes were approved
	ApprovedBy            string `json:"approved_by"`
	// SpeakingTime is the speaking time set for the rest of the sitting
	// (set_speaking_time); nil: the rules' applies.
	SpeakingTime *SpeakingTime `json:"speaking_time,omitempty"`
	// Presence is who was present in a sitting that records it, as the
	// minutes give it: how many were present when it began to record
	// them, and who checked in or out while it was open; nil while it
	// records nobody's presence (a restored record's sitting).
	Presence *SittingPresence `json:"-"`
}

// SittingPresence is the attendance of a sitting that records who is
// present, as the minutes say it (package minutes, md/8).
type SittingPresence struct {
	Entry   int  // the entry from which the sitting records who is present: its opening, or record_attendance
	Opening bool // recorded from the opening, not from record_attendance later
	Present int  // members with a vote present then, as the quorum counts them (PresentMembers)
	Members int  // members with a vote then
	// Changes are those who checked in or out while the sitting was
	// open and recorded it, in the order recorded; leaving and returning
	// to the hall are in the record (left_hall, returned_to_hall).
	Changes []PresenceChange
}

// PresenceChange is one who checked in or out during a sitting.
type PresenceChange struct {
	Entry  int
	At     time.Time
	Person string
	Out    bool // checked out; else checked in
	Online bool // checked in online
}

// notePresence starts the open sitting's record of who is present
// (Sitting.Presence), at its opening or at record_attendance.
func (s *State) notePresence(st *Sitting, opening bool) {
	members, named := s.members()
	st.Presence = &SittingPresence{Entry: s.Events, Opening: opening, Present: s.present(named), Members: members}
}

// notePresenceChange adds one who checked in or out to the open
// sitting's record of who is present, if it keeps one.
func (s *State) notePresenceChange(m Meta, person string, out, online bool) {
	if st := s.Sitting(); st != nil && st.Presence != nil {
		st.Presence.Changes = append(st.Presence.Changes, PresenceChange{Entry: s.Events, At: m.At, Person: person, Out: out, Online: online})
	}
}

// Item statuses.
const (
	ItemStatusOpen    = "open"
	ItemStatusCurrent = "current"
	ItemStatusTabled  = "tabled"
	ItemStatusClosed  = "closed"
)

// Item is an item of the order of the day, with its speakers' list.
type Item struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Number      string   `json:"number"`
	Reporters   []string `json:"reporters"`
	CoReporters []string `json:"co_reporters"`
	Note        string   `json:"note"`
	// Threshold is the majority the rules fix for the item's decision
	// (add_item); empty: voting_threshold.
	Threshold   Threshold `json:"threshold,omitempty"`
	Status      string    `json:"status"`
	TabledUntil string    `json:"tabled_until"`
	Floor       Floor     `json:"floor"`
	// Minutes is the item's planned duration (plan_item); 0: not planned.
	Minutes int `json:"minutes"`
}

// Floor is an item's speakers' list and who spoke.
type Floor struct {
	Requests         []Request `json:"requests"` // in the order asked, withdrawn and served ones included
	ListClosed       bool      `json:"list_closed"`
	DiscussionClosed bool      `json:"discussion_closed"`
	Speaker          string    `json:"speaker"` // who has the floor now
	Turns            []Turn    `json:"turns"`   // who spoke, in order
	Spoken           map[string]int
	// Interrupted is the speaker whose speech an interposed question
	// interrupts; the floor returns to them when the question ends.
	Interrupted string `json:"interrupted,omitempty"`
	// Allotted is the speaking time, in seconds, allotted to each
	// delegation or tendency on the item, and Used what its speakers have
	// used of it (allot_speaking_time).
	Allotted map[string]int `json:"allotted,omitempty"`
	Used     map[string]int `json:"used,omitempty"`
	// SpeakingTime is the speaking time set on the item
	// (set_speaking_time), for every turn after it; nil: the sitting's
	// or the rules' applies.
	SpeakingTime *SpeakingTime `json:"speaking_time,omitempty"`
	nextSeq      int
}

// Request is a request for the floor.
type Request struct {
	Seq       int       `json:"seq"`
	Person    string    `json:"person"`
	Kind      string    `json:"kind"` // speech, point_of_order, reply, question, intervention
	Side      string    `json:"side"` // for, against, or ""
	At        time.Time `json:"at"`
	Withdrawn bool      `json:"withdrawn"`
	Served    bool      `json:"served"`
}

// Turn is one time someone had the floor.
type Turn struct {
	Order    int       `json:"order"`
	Person   string    `json:"person"`
	Kind     string    `json:"kind"` // speech, point_of_order, reply, question, intervention, summary, report, chair
	Side     string    `json:"side"`
	From     time.Time `json:"from"`
	To       time.Time `json:"to"`
	Seconds  int       `json:"seconds"` // spoken: To − From, less the interposed questions
	Overtime bool      `json:"overtime"`
	Deprived bool      `json:"deprived"`
	Reason   string    `json:"reason"`
	// Paused is how long interposed questions interrupted the turn, in
	// seconds; it is not the speaker's time.
	Paused int `json:"paused,omitempty"`
	// Allowance is the delegation or tendency whose allotted speaking
	// time the turn draws on, and Left what was left of it when the turn
	// began.
	Allowance string `json:"allowance,omitempty"`
	Left      int    `json:"left,omitempty"`
	Sitting   string `json:"sitting,omitempty"` // the sitting it was in
	// Motion is the procedural motion a speech for or against (Side)
	// was on, given ahead of the list.
	Motion string `json:"motion,omitempty"`
	// Limit is the speaking time set in the sitting (set_speaking_time)
	// for the turn when it began, in seconds; 0: none was set, and the
	// rules' applies (State.TurnLimit).
	Limit int `json:"limit,omitempty"`
}

// Body is a section, commission or committee.
type Body struct {
	ID           string       `json:"id"`
	Name         string       `json:"name"`
	Kind         string       `json:"kind"`
	Members      []string     `json:"members"`
	Item         string       `json:"item"`
	Instructions []string     `json:"instructions"`
	Note         string       `json:"note"`
	Reports      []BodyReport `json:"reports"`
}

// BodyReport is a body reporting back.
type BodyReport struct {
	Reporter string    `json:"reporter"`
	Summary  string    `json:"summary"`
	Document string    `json:"document"`
	At       time.Time `json:"at"`
}

// Speech is the secretary's notes of a speech.
type Speech struct {
	ID        string    `json:"id"`
	Item      string    `json:"item"`
	Sitting   string    `json:"sitting"`
	Speaker   string    `json:"speaker"`
	Label     string    `json:"label"`
	Capacity  string    `json:"capacity"`
	Notes     string    `json:"notes"`
	Continues bool      `json:"continues"`
	At        time.Time `json:"at"`
	Entry     int       `json:"entry"`
	// Floor is the entry of the floor turn the speech belongs to
	// (RecordSpeech.Floor), or zero.
	Floor int `json:"floor,omitempty"`
}

// Point is a numbered point of a resolution.
type Point struct {
	Number string `json:"number"`
	Text   string `json:"text" plenum:"required"`
}

// Document is a document read into the record.
type Document struct {
	ID         string  `json:"id"`
	Title      string  `json:"title"`
	Item       string  `json:"item"`
	ReadBy     string  `json:"read_by"`
	Origin     string  `json:"origin"`
	Provenance string  `json:"provenance"`
	Points     []Point `json:"points"`
	Text       string  `json:"text"`
	Entry      int     `json:"entry"`
}

// Motion statuses.
const (
	MotionStatusPending   = "pending"
	MotionStatusWithdrawn = "withdrawn"
	MotionStatusCarried   = "carried"
	MotionStatusDefeated  = "defeated"
	MotionStatusSetAside  = "set_aside" // a competing draft not taken as the basis
	// Fates given by dispose_motion to a motion not voted on.
	MotionStatusLapsed      = "lapsed"
	MotionStatusReferred    = "referred"
	MotionStatusOvertaken   = "overtaken"
	MotionStatusNotRecorded = "not_recorded"
)

// Motion is a motion, amendment or procedural motion.
type Motion struct {
	ID        string   `json:"id"`
	Kind      string   `json:"kind"`
	Procedure string   `json:"procedure"`
	Title     string   `json:"title"`
	Text      string   `json:"text"`
	Points    []Point  `json:"points"`
	Amends    string   `json:"amends"`
	Target    string   `json:"target"`
	Mover     string   `json:"mover"`
	Label     string   `json:"label"`
	Item      string   `json:"item"`
	Document  string   `json:"document"`
	Sitting   string   `json:"sitting"`
	Seconds   []string `json:"seconds"`
	Status    string   `json:"status"`  // changed through setStatus only (motionindex.go)
	Adopted   []string `json:"adopted"` // carried amendments to it, in order
	Votes     []string `json:"votes"`
	Group     string   `json:"group"` // the alternatives it competes in
	Basis     bool     `json:"basis"` // taken as the basis
	Fate      string   `json:"fate"`  // the note of dispose_motion
	Seq       int      `json:"seq"`
	// Reconsiders is the vote a motion to reconsider reconsiders; Note says
	// what of the rules on reconsideration could not be checked.
	Reconsiders string `json:"reconsiders,omitempty"`
	Note        string `json:"note,omitempty"`
	// Entries are the log entries of the events that name the motion
	// (their field motion), in order: its seconding, its withdrawal or
	// disposal, the votes opened on it… (noteEntries).
	Entries []int64 `json:"-"`
	// Submission, change and resolution: see submission.go and
	// amendtext.go.
	MotionPaper
	// recorded: the chair or a secretary recorded it in its mover's name
	// (the entry's actor is not the mover), so that it does not count
	// toward the mover's limit of motions pending (checkPendingLimit).
	recorded bool
}

// Alternatives are competing drafts, voted on as which is taken as the basis.
type Alternatives struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Motions []string `json:"motions"`
	Chosen  string   `json:"chosen"`
}

// Vote statuses.
const (
	VoteStatusOpen     = "open"
	VoteStatusClosed   = "closed"
	VoteStatusDeclared = "declared"
)

// Vote is one vote with its record.
type Vote struct {
	ID            string             `json:"id"`
	Motion        string             `json:"motion"`
	Alternatives  string             `json:"alternatives"`
	Question      string             `json:"question"`
	Method        string             `json:"method"`
	Sitting       string             `json:"sitting"`
	Item          string             `json:"item"`
	Threshold     Threshold          `json:"threshold"`
	RuleThreshold Threshold          `json:"rule_threshold,omitempty"` // what the rules fix, when Threshold departs from it
	Departure     *Departure         `json:"departure,omitempty"`      // why Threshold departs from the rule
	Counting      int                `json:"counting,omitempty"`       // the version of the counting rules the opening names (0: none, v1; counting.go)
	EligibleNote  string             `json:"eligible_note"`
	Eligible      map[string]bool    `json:"eligible"` // voting rights (mandate ids, or "p:" + guest) entitled
	Attendance    AttendanceSnapshot `json:"attendance"`
	Status        string             `json:"status"`
	OpenedAt      time.Time          `json:"opened_at"`
	ClosedAt      time.Time          `json:"closed_at"`
	Ballots       []Ballot           `json:"ballots"`
	Voted         map[string]bool    `json:"voted"`          // voting rights that have voted
	Sealed        []string           `json:"sealed"`         // a secret vote's choices, one per vote, in the order the log gives them
	SealedEntries []int64            `json:"sealed_entries"` // the log entries that carry its sealed ballots (each voter's receipt is one of them)
	Rounds        []Round            `json:"rounds"`
	Result        *Result            `json:"result"`
	Encrypted     *EncryptedVote     `json:"encrypted,omitempty"` // an encrypted vote's key ceremony, ballots, count and decryption
	// Entries are the log entries of the events that name the vote (their
	// field vote), in order: its opening, every ballot, its close, its
	// sealed ballots, every count entered, its declaration or withdrawal,
	// the steps of an encrypted count (noteEntries).
	Entries []int64 `json:"-"`
	// PresentAtOpening are the voting rights whose holder could vote from
	// where they were when the vote was opened, as the replay finds them
	// (the minutes name those of them who did not vote); nil where the
	// attendance is not recorded.
	PresentAtOpening map[string]bool `json:"-"`
	// sealedTokens are the tokens of the votes sealed so far while a
	// secret vote's sealed ballots enter (sealTokens); nil after.
	sealedTokens map[string]struct{}
}

// AttendanceSnapshot is the attendance when a vote was opened.
type AttendanceSnapshot struct {
	NotRecorded bool           `json:"not_recorded"` // the record does not show who was present
	Eligible    int            `json:"eligible"`     // voting rights entitled
	Present     int            `json:"present"`      // of them, held by someone in the hall
	Absent      int            `json:"absent"`       // not registered or checked out
	WalkedOut   int            `json:"walked_out"`   // left the hall in a walkout
	ByKind      map[string]int `json:"by_kind"`      // present by name, by mandate kind
	// Online is how many of the entitled attend online; they are Present
	// where the rules let them vote from there, else Absent.
	Online int `json:"online,omitempty"`
	// UnnamedOut is how many of those counted absent or walked out left
	// the hall unnamed (leave_hall unnamed), taken from those present.
	UnnamedOut int `json:"unnamed_out,omitempty"`
	// PresentVotes is, under weighted votes, how many votes those present
	// carry.
	PresentVotes int `json:"present_votes,omitempty"`
}

// Ballot is one ballot. In a secret vote Choice is empty: the record keeps
// that the voter voted, never how.
type Ballot struct {
	Voter  string    `json:"voter"`
	Right  string    `json:"right"` // the mandate voted (or "p:" + person for a guest)
	Choice string    `json:"choice"`
	Weight int       `json:"weight"` // votes it carries (1 unless the rules weigh mandates)
	At     time.Time `json:"at"`
}

// Round is one count entered by the chair or the tellers.
type Round struct {
	For          Count            `json:"for"`
	Against      Count            `json:"against"`
	Abstain      Count            `json:"abstain"`
	Alternatives map[string]Count `json:"alternatives"`
	Ballots      int              `json:"ballots"`
	Unanimous    bool             `json:"unanimous"`
	Tellers      []string         `json:"tellers"`
	Note         string           `json:"note"`
	// Present is how many votes could be cast when the count was entered
	// (those entitled and present, when the vote opened or now, whichever
	// is more); 0 where attendance is not recorded. No count exceeds it.
	Present int `json:"present,omitempty"`
}

// Result is a declared result, with its arithmetic in words.
type Result struct {
	Outcome    string         `json:"outcome"` // carried, defeated, or the alternative chosen
	For        Count          `json:"for"`
	Against    Count          `json:"against"`
	Abstain    Count          `json:"abstain"`
	ByChoice   map[string]int `json:"by_choice"`
	Base       int            `json:"base"`
	Needed     int            `json:"needed"`
	Unanimous  bool           `json:"unanimous"`
	Arithmetic string         `json:"arithmetic"`
	Note       string         `json:"note"`
}

// RecordEntry is one entry of the minutes, in order. Kind is the event type
// it comes from; Ref names what it is about (a speech, vote, sitting…), so a
// renderer can walk the record and look the details up.
type RecordEntry struct {
	Entry     int       `json:"entry"` // the index of the event in the assembly's log
	Kind      string    `json:"kind"`
	Sub       string    `json:"sub"` // the kind of the entry's event: of interjection, of floor turn, of motion, the method of a vote, a motion's fate or state
	Ref       string    `json:"ref"`
	Sitting   string    `json:"sitting"`
	Item      string    `json:"item"`
	Person    string    `json:"person"`
	Label     string    `json:"label"`
	Text      string    `json:"text"`
	Time      string    `json:"time"` // a time as stated in the source
	At        time.Time `json:"at"`
	Actor     string    `json:"actor"`
	Corrected []int     `json:"corrected"` // positions in Record of corrections of this entry
	// Persons are those the entry names besides Person: who left or
	// returned to the hall (left_hall, returned_to_hall), in the order
	// recorded. Unnamed is how many more the entry counts without names.
	Persons []string `json:"persons,omitempty"`
	Unnamed int      `json:"unnamed,omitempty"`
	// Reason is why an item was retitled (item_retitled), as the chair
	// gave it; Sub says what kind of entry this is, never why.
	Reason string `json:"reason,omitempty"`
	// OnCount marks a correction (record_corrected) of an entry of a
	// count (State.Counted), which only a log written before plenum
	// refused them holds: a note beside the count, which changes nothing
	// of it, not its correction.
	OnCount bool `json:"on_count,omitempty"`
}

// State is one assembly: the fold of its events.
type State struct {
	// VerifyBallots makes Apply check every encrypted ballot's proofs, as
	// plenum verify does; the engine, rebuilding its state, leaves them to
	// the checks made when each ballot was cast.
	VerifyBallots bool `json:"-"`
	// BallotCheck, if set, is handed each encrypted ballot's proof check
	// instead of Apply making it (VerifyBallots aside): plenum verify runs
	// them on every core while the replay goes on, and reports a failure,
	// which names the ballot, at its end.
	BallotCheck   func(check func() error) `json:"-"`
	Created       bool
	Assembly      Assembly
	Roles         map[string]map[Role]bool
	Marks         map[string]string
	Organizations map[string]*Organization
	OrgOrder      []string
	Persons       map[string]*Person
	PersonOrder   []string
	Mandates      map[string]*Mandate
	MandateOrder  []string
	Attendance    Attendance
	Sittings      map[string]*Sitting
	SittingOrder  []string
	OpenSitting   string
	Items         map[string]*Item
	ItemOrder     []string
	Bodies        map[string]*Body
	BodyOrder     []string
	Speeches      map[string]*Speech
	Documents     map[string]*Document
	Motions       map[string]*Motion
	MotionOrder   []string
	Alternatives  map[string]*Alternatives
	Votes         map[string]*Vote
	VoteOrder     []string
	Elections     map[string]*Election
	ElectionOrder []string
	Submission    Submission         // motions before the assembly meets (submission.go)
	Screens       map[string]*Screen // the projectors, by id (set_screen)
	ScreenOrder   []string
	Gaps          int
	Record        []RecordEntry
	RecordIndex   map[int]int        // event index → position in Record
	Keys          map[string]KeyUse  // idempotency key → the command that used it
	Access        map[string]*Access // person → what the record says of their access code
	Events        int                // events applied
	// PresenceEvents is how many of the events applied could change who
	// is present and from where, or who holds, votes with or carries
	// which mandate: an arrival or departure (checked_in, checked_out),
	// leaving and returning to the hall (left_hall, returned_to_hall), a
	// mandate submitted, verified, rejected or amended (its kind, weight
	// or status), a proxy transferred, and the rules set (who votes or
	// counts from online, whether consultative mandates vote, the
	// quorum; assembly_created and rules_set), and the registration of
	// those present starting afresh, which ends the departures without
	// names (sitting_opened, attendance_recording_started:
	// startRegistration). Every other event leaves
	// the attendance, the mandates' holders, proxies, kinds, weights and
	// statuses, the mandate each person votes with, and the rules as
	// they were; so whatever is counted from those alone (who of a
	// vote's entitled is in the hall, the hall's attendance, the quorum)
	// holds for a state while PresenceEvents does not move, though a
	// burst of ballots moves Events. It is not recorded: replaying the
	// log gives it again.
	PresenceEvents int

	voting map[string]string // person → the verified mandate they vote with
	refs   map[string]string // a person's reference (Person.Ref) → their id
	idx    motionIndex       // motionindex.go
	// counted marks, one bit per entry of the log, the entries of a
	// count (countedEvent): the entries correct_record refuses.
	counted []uint64
	// facts holds the entries of the other facts the state counts
	// (factOf: attendance, roles, mandates, access, the rules, a
	// motion's support), which correct_record and strike_record refuse
	// as they refuse a count, by what they record.
	facts map[int]entryFact
}

// NewState returns the empty state before create_assembly.
func NewState() *State {
	return &State{
		Roles:         map[string]map[Role]bool{},
		Marks:         map[string]string{},
		Organizations: map[string]*Organization{},
		Persons:       map[string]*Person{},
		Mandates:      map[string]*Mandate{},
		Attendance:    Attendance{CheckedIn: map[string]bool{}, OutOfHall: map[string]bool{}, WalkedOut: map[string]bool{}, Online: map[string]bool{}},
		Sittings:      map[string]*Sitting{},
		Items:         map[string]*Item{},
		Bodies:        map[string]*Body{},
		Speeches:      map[string]*Speech{},
		Documents:     map[string]*Document{},
		Motions:       map[string]*Motion{},
		Alternatives:  map[string]*Alternatives{},
		Votes:         map[string]*Vote{},
		Elections:     map[string]*Election{},
		Screens:       map[string]*Screen{},
		RecordIndex:   map[int]int{},
		Keys:          map[string]KeyUse{},
		Access:        map[string]*Access{},
		voting:        map[string]string{},
		refs:          map[string]string{},
		idx:           newMotionIndex(),
	}
}

// KeyUse is what the state keeps of an accepted command's idempotency
// key: the index of the command's first event, and its Meta.Req.
type KeyUse struct {
	First int
	Req   string
}

// KeySeen reports whether a command with this idempotency key was accepted,
// and the index of its first event.
func (s *State) KeySeen(key string) (int, bool) {
	u, ok := s.Keys[key]
	return u.First, ok
}

// HasRole reports whether person holds role.
func (s *State) HasRole(person string, r Role) bool { return s.Roles[person][r] }

// Sitting returns the open sitting, or nil.
func (s *State) Sitting() *Sitting {
	if s.OpenSitting == "" {
		return nil
	}
	return s.Sittings[s.OpenSitting]
}

// InHall reports whether a person is in the hall: checked in there and not
// out of the hall.
func (s *State) InHall(person string) bool {
	return s.Attendance.CheckedIn[person] && !s.Attendance.OutOfHall[person] && !s.Attendance.Online[person]
}

// VotingMandate returns the verified mandate a person votes with, if any.
func (s *State) VotingMandate(person string) (*Mandate, bool) {
	id, ok := s.voting[person]
	if !ok {
		return nil, false
	}
	return s.Mandates[id], true
}

// Quorum returns how many voting members are present, how many are needed
// (0 when the rules set none), and whether the quorum is met. Members are the
// verified decisive mandates (and consultative ones where they vote).
// Those online count where the rules say so (Rules.Online full); the
// unnamed who left the hall are taken off (PresentMembers).
func (s *State) Quorum() (present, needed int, ok bool) {
	members, named := s.members() // once: it walks every mandate
	present = s.present(named)
	needed = s.Assembly.Rules.quorumNeeded(members)
	return present, needed, present >= needed
}

func (s *State) kindVotes(kind string) bool {
	return kind == KindDecisive || kind == KindConsultative && s.Assembly.Rules.ConsultativeMayVote
}

// holder is who exercises a mandate now: its proxy if the holder cannot
// vote from where they are (away, or online where the rules do not let
// those online vote) and a proxy was given, else its holder.
func (s *State) holder(m *Mandate) string {
	if m.Proxy != "" && !s.VotesFromWhere(m.Person) {
		return m.Proxy
	}
	return m.Person
}

// authority

func (s *State) isAdmin(p string) bool { return s.Roles[p][RoleAdministrator] }

// isChair: an administrator, a holder of the chair role, or the chair or a
// member of the presidium of the open sitting.
func (s *State) isChair(p string) bool {
	if s.isAdmin(p) || s.Roles[p][RoleChair] {
		return true
	}
	if st := s.Sitting(); st != nil {
		return st.Chair == p || contains(st.Presidium, p)
	}
	return false
}

func (s *State) isSecretary(p string) bool {
	if s.isAdmin(p) || s.Roles[p][RoleSecretary] {
		return true
	}
	if st := s.Sitting(); st != nil {
		return contains(st.Secretaries, p)
	}
	return false
}

func (s *State) isCommission(p string) bool {
	return s.isAdmin(p) || s.Roles[p][RoleMandateCommission]
}

func (s *State) isTeller(p string) bool { return s.isAdmin(p) || s.Roles[p][RoleTeller] }

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func without(xs []string, drop []string) []string {
	var out []string
	for _, x := range xs {
		if !contains(drop, x) {
			out = append(out, x)
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
