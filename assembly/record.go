package assembly

import (
	"fmt"
	"slices"
	"strings"
)

// RecordSpeech enters the secretary's notes of a speech into the minutes.
type RecordSpeech struct {
	ID        string `json:"id" plenum:"required,id"`
	Item      string `json:"item" plenum:"id"`
	Speaker   string `json:"speaker" plenum:"id"`
	Label     string `json:"label"`
	Capacity  string `json:"capacity" plenum:"enum=reporter|co_reporter|chair|delegate|guest"`
	Notes     string `json:"notes" plenum:"required"`
	Continues bool   `json:"continues"`
	// Floor is the log entry of the floor turn (floor_given) the speech
	// was made in, when the secretary writes the notes up afterwards: the
	// minutes put the speech where the turn is, not after what came
	// between (a vote). Zero: where it is recorded, as before. With a
	// turn and neither Speaker nor Label, the speaker is the turn's.
	Floor int `json:"floor,omitempty"`
}

// RecordInterjection enters applause, shouts, commotion, a voice from the hall.
type RecordInterjection struct {
	Kind   string `json:"kind" plenum:"required,enum=applause|shouts|commotion|voice|interruption|laughter"`
	Speech string `json:"speech" plenum:"id"`
	By     string `json:"by" plenum:"id"`
	Label  string `json:"label"`
	Text   string `json:"text"`
}

// RecordNarrative enters a line of narrative ("Discussion closed.").
type RecordNarrative struct {
	Text string `json:"text" plenum:"required"`
	Time string `json:"time"`
}

// ReadDocument enters a document read into the record.
type ReadDocument struct {
	ID         string  `json:"id" plenum:"required,id"`
	Title      string  `json:"title" plenum:"required"`
	Item       string  `json:"item" plenum:"id"`
	ReadBy     string  `json:"read_by" plenum:"id"`
	Origin     string  `json:"origin"`
	Provenance string  `json:"provenance"`
	Points     []Point `json:"points"`
	Text       string  `json:"text"`
}

// RecordGap records that part of the record is lost.
type RecordGap struct {
	From   string `json:"from" plenum:"date"`
	To     string `json:"to" plenum:"date"`
	Reason string `json:"reason" plenum:"required"`
}

// CorrectRecord corrects an earlier entry with a new one; nothing is
// rewritten. It corrects what the secretaries wrote — the notes of a
// speech, an interjection, a narrative, a document, a title — never a
// count: an entry that a delegate cast or that decides or carries a
// count (countedEvent lists them: ballots, the opening, closing, counts
// and result of a vote or an election, the steps of an encrypted count,
// a withdrawal that voids the ballots) is refused, since a secretary's
// text beside the signed count would read as a second outcome; so is an
// entry of another fact the state counts (factOf: attendance, a role, a
// mandate, access, the rules, a motion's support), which the command
// that made it changes (check_out, revoke_role, …), not the minutes. Only the
// assembly changes a count, by voting again: before the result is
// declared, withdraw_vote or withdraw_election with its consent; after,
// a motion to reconsider (move_motion, procedure reconsider). What needs
// saying about a count is a narrative (record_narrative).
type CorrectRecord struct {
	Entry  int    `json:"entry" plenum:"positive"`
	Text   string `json:"text" plenum:"required"`
	Reason string `json:"reason" plenum:"required"`
}

// StrikeRecord strikes out an earlier entry that should not stand in the
// minutes — notes of a speech entered twice, a line written under the
// wrong item —, with the reason; nothing is rewritten: the log keeps the
// entry, and the minutes show it with a note that it was struck out and
// where. What correct_record may not correct (a count, or another fact
// the state counts: factOf) it may not strike either, and an entry is struck once; a strike itself is
// not struck (a mistaken strike is explained with record_narrative).
type StrikeRecord struct {
	Entry  int    `json:"entry" plenum:"positive"`
	Reason string `json:"reason" plenum:"required"`
}

// ApproveMinutes records the approval of a sitting's minutes.
type ApproveMinutes struct {
	Sitting string `json:"sitting" plenum:"required,id"`
	Vote    string `json:"vote" plenum:"id"`
}

func (RecordSpeech) CommandName() string       { return "record_speech" }
func (RecordInterjection) CommandName() string { return "record_interjection" }
func (RecordNarrative) CommandName() string    { return "record_narrative" }
func (ReadDocument) CommandName() string       { return "read_document" }
func (RecordGap) CommandName() string          { return "record_gap" }
func (CorrectRecord) CommandName() string      { return "correct_record" }
func (StrikeRecord) CommandName() string       { return "strike_record" }
func (ApproveMinutes) CommandName() string     { return "approve_minutes" }

// SpeechRecorded: notes of a speech entered the minutes.
type SpeechRecorded struct {
	Meta      `json:"meta"`
	ID        string `json:"id"`
	Item      string `json:"item"`
	Sitting   string `json:"sitting"`
	Speaker   string `json:"speaker"`
	Label     string `json:"label"`
	Capacity  string `json:"capacity"`
	Notes     string `json:"notes"`
	Continues bool   `json:"continues"`
	// Floor is RecordSpeech's: the entry of the floor turn the speech
	// belongs to, or zero (every log written before it existed).
	Floor int `json:"floor,omitempty"`
}

// InterjectionRecorded: an interjection entered the minutes.
type InterjectionRecorded struct {
	Meta   `json:"meta"`
	Kind   string `json:"kind"`
	Speech string `json:"speech"`
	By     string `json:"by"`
	Label  string `json:"label"`
	Text   string `json:"text"`
}

// NarrativeRecorded: a narrative line entered the minutes.
type NarrativeRecorded struct {
	Meta `json:"meta"`
	Text string `json:"text"`
	Time string `json:"time"`
}

// DocumentRead: a document was read into the record.
type DocumentRead struct {
	Meta       `json:"meta"`
	ID         string  `json:"id"`
	Title      string  `json:"title"`
	Item       string  `json:"item"`
	ReadBy     string  `json:"read_by"`
	Origin     string  `json:"origin"`
	Provenance string  `json:"provenance"`
	Points     []Point `json:"points"`
	Text       string  `json:"text"`
}

// GapRecorded: part of the record is lost.
type GapRecorded struct {
	Meta   `json:"meta"`
	From   string `json:"from"`
	To     string `json:"to"`
	Reason string `json:"reason"`
}

// RecordCorrected: an earlier entry was corrected.
type RecordCorrected struct {
	Meta   `json:"meta"`
	Entry  int    `json:"entry"`
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// RecordStruck: an earlier entry was struck out of the minutes.
type RecordStruck struct {
	Meta   `json:"meta"`
	Entry  int    `json:"entry"`
	Reason string `json:"reason"`
}

// MinutesApproved: a sitting's minutes were approved.
type MinutesApproved struct {
	Meta    `json:"meta"`
	Sitting string `json:"sitting"`
	Vote    string `json:"vote"`
}

func (SpeechRecorded) EventType() string       { return "speech_recorded" }
func (InterjectionRecorded) EventType() string { return "interjection_recorded" }
func (NarrativeRecorded) EventType() string    { return "narrative_recorded" }
func (DocumentRead) EventType() string         { return "document_read" }
func (GapRecorded) EventType() string          { return "gap_recorded" }
func (RecordCorrected) EventType() string      { return "record_corrected" }
func (RecordStruck) EventType() string         { return "record_struck" }
func (MinutesApproved) EventType() string      { return "minutes_approved" }

func (s *State) mayMinute(actor string) bool { return s.isSecretary(actor) || s.isChair(actor) }

// personOrLabel checks that exactly one of a person and a label is given.
func (s *State) personOrLabel(field, person, label string, required bool) error {
	if person != "" && label != "" {
		return fieldErr(field, "give either %s (a person) or label, not both", field)
	}
	if person == "" && label == "" && required {
		return fieldErr(field, "say who: %s (a person) or label (as the minutes name them)", field)
	}
	if person != "" && s.Persons[person] == nil {
		return notFound("there is no person %q; %s first, or give a label", person, CommandRef("add_person"))
	}
	return nil
}

func (c RecordSpeech) decide(s *State, m Meta) ([]Event, error) {
	if !s.mayMinute(m.Actor) {
		return nil, forbidden("only a secretary or the chair enters speeches in the minutes")
	}
	if s.OpenSitting == "" {
		return nil, closed("no sitting is open; speeches are recorded in a sitting")
	}
	if s.Speeches[c.ID] != nil {
		return nil, conflict("there is already a speech %q", c.ID)
	}
	item := c.Item
	if item == "" {
		item = s.Sitting().CurrentItem
	} else if _, err := s.item(item); err != nil {
		return nil, err
	}
	if c.Floor != 0 {
		pos, ok := s.RecordIndex[c.Floor]
		if !ok || s.Record[pos].Kind != "floor_given" {
			return nil, notFound("entry %d of the record is no floor turn", c.Floor)
		}
		turn := s.Record[pos]
		if turn.Sitting != s.OpenSitting || turn.Item != item {
			return nil, conflict("the floor turn at entry %d is not in this sitting's item", c.Floor)
		}
		if c.Speaker != "" && c.Speaker != turn.Person {
			return nil, conflict("the floor turn at entry %d is another speaker's", c.Floor)
		}
		if c.Speaker == "" && c.Label == "" {
			c.Speaker = turn.Person // the turn names the speaker
		}
	}
	if err := s.personOrLabel("speaker", c.Speaker, c.Label, true); err != nil {
		return nil, err
	}
	return one(SpeechRecorded{Meta: m, ID: c.ID, Item: item, Sitting: s.OpenSitting, Speaker: c.Speaker, Label: c.Label, Capacity: c.Capacity, Notes: c.Notes, Continues: c.Continues, Floor: c.Floor})
}

func (e SpeechRecorded) apply(s *State) error {
	if e.ID == "" || s.Speeches[e.ID] != nil {
		return corrupt("the speech %q cannot be recorded", e.ID)
	}
	sp := Speech{ID: e.ID, Item: e.Item, Sitting: e.Sitting, Speaker: e.Speaker, Label: e.Label, Capacity: e.Capacity,
		Notes: e.Notes, Continues: e.Continues, At: e.At, Entry: s.Events, Floor: e.Floor}
	s.Speeches[sp.ID] = &sp
	s.note(e.Meta, e.EventType(), sp.ID, func(r *RecordEntry) {
		r.Item, r.Person, r.Label, r.Text = sp.Item, sp.Speaker, sp.Label, sp.Notes
	})
	return nil
}

func (c RecordInterjection) decide(s *State, m Meta) ([]Event, error) {
	if !s.mayMinute(m.Actor) {
		return nil, forbidden("only a secretary or the chair enters interjections in the minutes")
	}
	if s.OpenSitting == "" {
		return nil, closed("no sitting is open; interjections are recorded in a sitting")
	}
	if c.Speech != "" && s.Speeches[c.Speech] == nil {
		return nil, notFound("there is no speech %q", c.Speech)
	}
	if err := s.personOrLabel("by", c.By, c.Label, false); err != nil {
		return nil, err
	}
	return one(InterjectionRecorded{Meta: m, Kind: c.Kind, Speech: c.Speech, By: c.By, Label: c.Label, Text: c.Text})
}

func (e InterjectionRecorded) apply(s *State) error {
	if e.Speech != "" && s.Speeches[e.Speech] == nil {
		return corrupt("there is no speech %q", e.Speech)
	}
	s.note(e.Meta, e.EventType(), e.Speech, func(r *RecordEntry) {
		r.Person, r.Label, r.Text, r.Sub = e.By, e.Label, e.Text, e.Kind
	})
	return nil
}

func (c RecordNarrative) decide(s *State, m Meta) ([]Event, error) {
	if !s.mayMinute(m.Actor) {
		return nil, forbidden("only a secretary or the chair writes the minutes")
	}
	return one(NarrativeRecorded{Meta: m, Text: c.Text, Time: c.Time})
}

func (e NarrativeRecorded) apply(s *State) error {
	s.note(e.Meta, e.EventType(), "", func(r *RecordEntry) { r.Text, r.Time = e.Text, e.Time })
	return nil
}

func (c ReadDocument) decide(s *State, m Meta) ([]Event, error) {
	if !s.mayMinute(m.Actor) {
		return nil, forbidden("only a secretary or the chair enters documents in the record")
	}
	if s.Documents[c.ID] != nil {
		return nil, conflict("there is already a document %q", c.ID)
	}
	if c.Item != "" {
		if _, err := s.item(c.Item); err != nil {
			return nil, err
		}
	}
	if c.ReadBy != "" && s.Persons[c.ReadBy] == nil {
		return nil, notFound("there is no person %q", c.ReadBy)
	}
	if len(c.Points) == 0 && c.Text == "" && c.Provenance == "" {
		return nil, fieldErr("text", "give the document's text or points, or its provenance when the text is lost")
	}
	return one(DocumentRead{Meta: m, ID: c.ID, Title: c.Title, Item: c.Item, ReadBy: c.ReadBy, Origin: c.Origin, Provenance: c.Provenance, Points: c.Points, Text: c.Text})
}

func (e DocumentRead) apply(s *State) error {
	if e.ID == "" || s.Documents[e.ID] != nil {
		return corrupt("the document %q cannot be read in", e.ID)
	}
	d := Document{ID: e.ID, Title: e.Title, Item: e.Item, ReadBy: e.ReadBy, Origin: e.Origin, Provenance: e.Provenance,
		Points: slices.Clone(e.Points), Text: e.Text, Entry: s.Events}
	s.Documents[d.ID] = &d
	s.note(e.Meta, e.EventType(), d.ID, func(r *RecordEntry) {
		if d.Item != "" {
			r.Item = d.Item
		}
		r.Person, r.Text = d.ReadBy, d.Title
	})
	return nil
}

func (c RecordGap) decide(s *State, m Meta) ([]Event, error) {
	if !s.isSecretary(m.Actor) {
		return nil, forbidden("only a secretary or an administrator records a gap in the minutes")
	}
	if c.From != "" && c.To != "" && c.To < c.From {
		return nil, fieldErr("to", "the gap cannot end (%s) before it begins (%s)", c.To, c.From)
	}
	return one(GapRecorded{Meta: m, From: c.From, To: c.To, Reason: c.Reason})
}

func (e GapRecorded) apply(s *State) error {
	s.Gaps++
	s.note(e.Meta, e.EventType(), "", func(r *RecordEntry) {
		r.Text = e.Reason
		if e.From != "" || e.To != "" {
			r.Time = strings.Trim(e.From+" – "+e.To, " –")
		}
	})
	return nil
}

func (c CorrectRecord) decide(s *State, m Meta) ([]Event, error) {
	if !s.mayMinute(m.Actor) {
		return nil, forbidden("only a secretary or the chair corrects the minutes")
	}
	if c.Entry >= s.Events {
		return nil, notFound("there is no entry %d yet; the log has %d entries", c.Entry, s.Events)
	}
	if err := s.factRefusal("correct_record", c.Entry); err != nil {
		return nil, err
	}
	if by, ok := s.StruckBy(c.Entry); ok {
		return nil, conflict("entry %d was struck out of the minutes (entry %d); a struck entry is not corrected", c.Entry, by)
	}
	return one(RecordCorrected{Meta: m, Entry: c.Entry, Text: c.Text, Reason: c.Reason})
}

func (c StrikeRecord) decide(s *State, m Meta) ([]Event, error) {
	if !s.mayMinute(m.Actor) {
		return nil, forbidden("only a secretary or the chair strikes an entry out of the minutes")
	}
	if c.Entry >= s.Events {
		return nil, notFound("there is no entry %d yet; the log has %d entries", c.Entry, s.Events)
	}
	if err := s.factRefusal("strike_record", c.Entry); err != nil {
		return nil, err
	}
	if by, ok := s.StruckBy(c.Entry); ok {
		return nil, conflict("entry %d was struck out already (entry %d)", c.Entry, by)
	}
	if i, ok := s.RecordIndex[c.Entry]; ok && s.Record[i].Kind == "record_struck" {
		return nil, conflict("entry %d strikes out another entry; a strike is not struck out: say what was mistaken with %s", c.Entry, CommandRef("record_narrative"))
	}
	return one(RecordStruck{Meta: m, Entry: c.Entry, Reason: c.Reason})
}

// StruckBy reports the entry that struck out entry, if one did: the
// minutes and the secretary's page mark it, and correct_record refuses it.
func (s *State) StruckBy(entry int) (int, bool) {
	i, ok := s.RecordIndex[entry]
	if !ok {
		return 0, false
	}
	for _, c := range s.Record[i].Corrected {
		if s.Record[c].Kind == "record_struck" {
			return s.Record[c].Entry, true
		}
	}
	return 0, false
}

func (e RecordStruck) apply(s *State) error {
	if e.Entry < 0 || e.Entry >= s.Events {
		return corrupt("there is no entry %d to strike out", e.Entry)
	}
	s.noteOn(e.Meta, e.EventType(), e.Entry, func(r *RecordEntry) {
		r.Label = e.Reason
	})
	return nil
}

// noteOn records an entry that corrects or strikes out an earlier one
// (entry), and marks the earlier one with it (RecordEntry.Corrected).
func (s *State) noteOn(m Meta, kind string, entry int, fill func(*RecordEntry)) {
	pos := len(s.Record)
	if i, ok := s.RecordIndex[entry]; ok {
		s.Record[i].Corrected = append(s.Record[i].Corrected, pos)
	}
	s.note(m, kind, fmt.Sprint(entry), fill)
}

func (e RecordCorrected) apply(s *State) error {
	if e.Entry < 0 || e.Entry >= s.Events {
		return corrupt("there is no entry %d to correct", e.Entry)
	}
	s.noteOn(e.Meta, e.EventType(), e.Entry, func(r *RecordEntry) {
		r.Text, r.Label = e.Text, e.Reason
		if s.Counted(e.Entry) {
			// Recorded before correct_record refused a count: a note
			// beside the count, which changes nothing of it.
			r.OnCount = true
		}
	})
	return nil
}

// entryFact is what an entry records that the state counts, which
// neither correct_record nor strike_record changes (factOf): a count, or
// a fact of another kind, each with its own refusal (factRefusal).
type entryFact uint8

const (
	notFact        entryFact = iota // text the secretaries or the officers wrote
	factCount                       // a ballot, or what decides, makes or voids a count
	factAttendance                  // who is present (presence, the quorum)
	factRole                        // who holds a role, who presides
	factMandate                     // who votes, with what mandate and weight
	factAccess                      // who may log in, who may read the record
	factRules                       // the rules the counts are made by
	factSupport                     // the support a motion counts
)

// factOf is the one list of the entries correct_record and strike_record
// refuse, by what they record (entryFact):
//
//   - a count (countedEvent): a delegate's ballot, ballot_cast (a
//     proxy's ballot too), election_ballot_cast, encrypted_ballot_cast,
//     and the sealed ballots of a secret vote (sealed_ballots;
//     vote_closed, which held them in records written before
//     sealed_ballots existed); what decides a count: vote_opened and
//     election_opened (the question, who may vote, the threshold, the
//     method, the seats), vote_closed and election_closed (no ballot
//     after them; the election's tie-breaking seed), count_entered (the
//     tellers' count of a show of hands); the count and the outcome:
//     result_declared, election_declared, and the steps of an encrypted
//     count (encrypted_shuffled, encrypted_tallied,
//     partial_decryption_posted, encrypted_result_derived);
//     vote_withdrawn and election_withdrawn, which void the ballots cast,
//     with the assembly's consent;
//   - attendance, which presence and the quorum count: checked_in,
//     checked_out, left_hall, returned_to_hall,
//     attendance_recording_started, organization_noted_present;
//   - roles: role_granted, role_revoked, presidium_changed;
//   - mandates, which decide who votes and with what weight:
//     mandate_submitted, mandate_verified, mandate_rejected,
//     mandate_marked, mandate_amended, proxy_transferred;
//   - access: access_codes_issued, access_codes_revoked,
//     record_access_set;
//   - the rules: assembly_created, rules_set, item_threshold_set;
//   - a motion's support, which is counted: motion_supported,
//     motion_support_withdrawn.
//
// Every other entry is text the secretaries or the officers wrote, and
// is corrected so.
func factOf(e Event) entryFact {
	switch e.(type) {
	case BallotCast, ElectionBallotCast, EncryptedBallotCast, SealedBallots,
		VoteOpened, ElectionOpened, VoteClosed, ElectionClosed, CountEntered,
		ResultDeclared, ElectionDeclared,
		EncryptedShuffled, EncryptedTallied, PartialDecryptionPosted, EncryptedResultDerived,
		VoteWithdrawn, ElectionWithdrawn:
		return factCount
	case CheckedIn, CheckedOut, LeftHall, ReturnedToHall, AttendanceRecordingStarted, OrganizationNotedPresent:
		return factAttendance
	case RoleGranted, RoleRevoked, PresidiumChanged:
		return factRole
	case MandateSubmitted, MandateVerified, MandateRejected, MandateMarked, MandateAmended, ProxyTransferred:
		return factMandate
	case AccessCodesIssued, AccessCodesRevoked, RecordAccessSet:
		return factAccess
	case AssemblyCreated, RulesSet, ItemThresholdSet:
		return factRules
	case MotionSupported, MotionSupportWithdrawn:
		return factSupport
	}
	return notFact
}

// countedEvent reports whether e is an entry of a count (factOf), which
// correct_record refuses to correct (and the minutes show an earlier
// correction of as a note that changes nothing).
func countedEvent(e Event) bool { return factOf(e) == factCount }

// markFact marks entry n as one of a fact of the state other than a count
// (factOf), which correct_record and strike_record refuse.
func (s *State) markFact(n int, f entryFact) {
	if s.facts == nil {
		s.facts = map[int]entryFact{}
	}
	s.facts[n] = f
}

// factRefusal is correct_record's or strike_record's (cmd's) refusal of
// entry n, if it records a fact the state counts (factOf), saying what
// to do instead; nil for an entry of text.
func (s *State) factRefusal(cmd string, n int) error {
	if s.Counted(n) {
		if cmd == "strike_record" {
			return conflict("entry %d is a ballot, a count or a result, which the ballots and the rules decide, not the minutes; it cannot be struck out. Say what needs saying with %s; only the assembly changes a count, by voting again", n, CommandRef("record_narrative"))
		}
		return conflict("entry %d is a ballot, a count or a result, which the ballots and the rules decide, not the minutes: a correction beside it would read as a second outcome. Say what needs saying with record_narrative; only the assembly changes a count, by voting again (before the result is declared, withdraw_vote or withdraw_election with its consent; after, a motion to reconsider: move_motion with procedure reconsider)", n)
	}
	note := CommandRef("record_narrative")
	switch s.facts[n] {
	case factAttendance:
		return conflict("entry %d records who is present (an arrival or a departure, leaving or returning to the hall, a registration), which presence and the quorum count, not text of the minutes: it is neither corrected nor struck out. If it is wrong, record what is so with %s or %s, and note the mistake with %s", n, CommandRef("check_out"), CommandRef("check_in"), note)
	case factRole:
		return conflict("entry %d grants or revokes a role or changes the presidium, which decides who may do what, not text of the minutes: it is neither corrected nor struck out. If it is wrong, change it with %s, %s or %s, and note the mistake with %s", n, CommandRef("grant_role"), CommandRef("revoke_role"), CommandRef("change_presidium"), note)
	case factMandate:
		return conflict("entry %d records a mandate (its submission, verification, rejection, mark or amendment, or a proxy), which decides who votes and with what weight, not text of the minutes: it is neither corrected nor struck out. If it is wrong, change it with %s, %s or %s, and note the mistake with %s", n, CommandRef("amend_mandate"), CommandRef("reject_mandate"), CommandRef("transfer_proxy"), note)
	case factAccess:
		return conflict("entry %d records access codes issued or revoked or who may read the record, which decides who may log in and read, not text of the minutes: it is neither corrected nor struck out. If it is wrong, change it with %s, %s or %s, and note the mistake with %s", n, CommandRef("issue_access_codes"), CommandRef("revoke_access_codes"), CommandRef("set_record_access"), note)
	case factRules:
		return conflict("entry %d sets the rules (the assembly's creation, its rules, an item's threshold), by which the votes are counted, not text of the minutes: it is neither corrected nor struck out. If it is wrong, change it with %s or %s, and note the mistake with %s", n, CommandRef("set_rules"), CommandRef("set_item_threshold"), note)
	case factSupport:
		return conflict("entry %d records support for a motion or its withdrawal, which the motion's support counts, not text of the minutes: it is neither corrected nor struck out. If it is wrong, change it with %s or %s, and note the mistake with %s", n, CommandRef("support_motion"), CommandRef("withdraw_support"), note)
	}
	return nil
}

// Fixed reports whether the log's entry n records a fact the state
// counts (factOf: a count, attendance, a role, a mandate, access, the
// rules, a motion's support), which correct_record and strike_record
// refuse: the secretary's page offers no correction of it.
func (s *State) Fixed(n int) bool {
	_, fact := s.facts[n]
	return fact || s.Counted(n)
}

// markCounted marks entry n as an entry of a count.
func (s *State) markCounted(n int) {
	w := n / 64
	for len(s.counted) <= w {
		s.counted = append(s.counted, 0)
	}
	s.counted[w] |= 1 << (n % 64)
}

// Counted reports whether the log's entry n is an entry of a count (a
// ballot, the opening, closing, count, result or withdrawal of a vote or
// an election; countedEvent), which no correction changes: correct_record
// refuses it, and the minutes show a correction of it written before
// plenum refused them as a note beside the count, not as its correction.
func (s *State) Counted(n int) bool {
	w := n / 64
	return n >= 0 && w < len(s.counted) && s.counted[w]&(1<<(n%64)) != 0
}

func (c ApproveMinutes) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair declares the minutes approved")
	}
	st := s.Sittings[c.Sitting]
	if st == nil {
		return nil, notFound("there is no sitting %q", c.Sitting)
	}
	if st.Approved {
		return nil, conflict("the minutes of %s are already approved", c.Sitting)
	}
	if c.Vote != "" {
		v := s.Votes[c.Vote]
		if v == nil {
			return nil, notFound("there is no vote %q", c.Vote)
		}
		if v.Result == nil {
			return nil, conflict("the vote %s has no declared result yet", c.Vote)
		}
		if v.Result.Outcome != MotionStatusCarried {
			return nil, conflict("the vote %s was %s; the minutes are not approved", c.Vote, outcomeWord(v.Result.Outcome))
		}
	}
	return one(MinutesApproved{Meta: m, Sitting: c.Sitting, Vote: c.Vote})
}

func (e MinutesApproved) apply(s *State) error {
	st := s.Sittings[e.Sitting]
	if st == nil || st.Approved {
		return corrupt("the minutes of %q cannot be approved", e.Sitting)
	}
	st.Approved, st.ApprovedBy = true, e.Vote
	s.note(e.Meta, e.EventType(), e.Sitting, func(r *RecordEntry) { r.Text = "The minutes of " + e.Sitting + " are approved." })
	return nil
}

func init() {
	registerCommands(RecordSpeech{}, RecordInterjection{}, RecordNarrative{}, ReadDocument{}, RecordGap{}, CorrectRecord{}, StrikeRecord{}, ApproveMinutes{})
	registerEvents(SpeechRecorded{}, InterjectionRecorded{}, NarrativeRecorded{}, DocumentRead{}, GapRecorded{}, RecordCorrected{}, RecordStruck{}, MinutesApproved{})
}
