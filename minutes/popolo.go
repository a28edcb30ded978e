package minutes

import (
	"encoding/json"
	"strings"
	"time"

	"plenum/i18n"
)

// Popolo renders the assembly as Popolo JSON (popoloproject.com, 1.0): one
// object with the arrays persons, organizations, memberships, events (the
// sittings), motions, vote_events and speeches. Every person appears once,
// with the other spellings of the name the record uses as other_names.
func Popolo(d *Document) ([]byte, error) {
	l := d.locale()
	p := popoloExport{
		Persons: []popoloPerson{}, Organizations: []popoloOrganization{}, Memberships: []popoloMembership{},
		Events: []popoloEvent{}, Motions: []popoloMotion{}, VoteEvents: []popoloVoteEvent{}, Speeches: []popoloSpeech{},
		Meta: popoloMeta{Origin: d.Checkpoint.Origin, TreeSize: d.Checkpoint.Size, RootHash: d.Checkpoint.RootHash,
			Checkpoint: d.Checkpoint.Signed, VerifierKey: d.Checkpoint.VerifierKey},
	}
	if l.Lang() != i18n.Default {
		p.Meta.Language = l.Lang() // the language of the labels; English states none, as before
	}
	for _, pr := range d.Persons {
		pp := popoloPerson{ID: pr.ID, Name: pr.Name, Summary: pr.Note}
		if pr.Number != "" {
			// Two persons of one name: the member number tells them
			// apart, as on their cards and in the minutes.
			pp.Identifiers = []popoloIdentifier{{Identifier: pr.Number, Scheme: "member number"}}
		}
		for _, n := range pr.OtherNames {
			pp.OtherNames = append(pp.OtherNames, popoloOtherName{Name: n, Note: l.T("minutes.popolo.spelling")})
		}
		p.Persons = append(p.Persons, pp)
	}
	p.Organizations = append(p.Organizations, popoloOrganization{ID: d.ID, Name: d.Title, Classification: "assembly",
		Description: d.Description, FoundingDate: datePattern(d.Starts), DissolutionDate: datePattern(d.Ends)})
	for _, o := range append(append([]Organization(nil), d.Organizations...), d.Others...) {
		po := popoloOrganization{ID: o.ID, Name: o.Name, Classification: o.Kind, ParentID: o.Parent, Description: strings.TrimSpace(o.Note + " " + o.PresenceNote)}
		if o.Number != "" {
			po.Identifiers = append(po.Identifiers, popoloIdentifier{Identifier: o.Number, Scheme: "number in the list of participants"})
		}
		p.Organizations = append(p.Organizations, po)
		for _, m := range o.Members {
			p.Memberships = append(p.Memberships, popoloMembership{ID: "membership-" + o.ID + "-" + m.Person.ID, PersonID: m.Person.ID,
				OrganizationID: o.ID, Role: orDefault(m.Role, "member"), Label: m.Note})
		}
		for _, dl := range o.Delegates {
			p.Memberships = append(p.Memberships, popoloMembership{ID: dl.Mandate, PersonID: dl.Person.ID,
				OrganizationID: d.ID, OnBehalfOfID: o.ID, Role: "delegate", Label: delegateLabel(l, dl)})
		}
	}
	for _, dl := range d.Personal {
		// Participating personally: a delegate membership on behalf of nobody.
		label := delegateLabel(l, dl) + l.T("minutes.popolo.personally")
		if n := personalNote(dl.Note); n != "" {
			label += ". " + sentence(n)
		}
		p.Memberships = append(p.Memberships, popoloMembership{ID: dl.Mandate, PersonID: dl.Person.ID,
			OrganizationID: d.ID, Role: "delegate", Label: label})
	}
	for _, b := range d.Bodies {
		p.Organizations = append(p.Organizations, popoloOrganization{ID: b.ID, Name: b.Name, Classification: b.Kind, ParentID: d.ID, Description: b.Note})
		for _, m := range b.Members {
			p.Memberships = append(p.Memberships, popoloMembership{ID: "membership-" + b.ID + "-" + m.ID, PersonID: m.ID, OrganizationID: b.ID, Role: "member"})
		}
	}
	// A sitting that records nobody's presence is a restored record's
	// (docs/script.md): its date is the source's, the times of day of its
	// entries the editor's estimates, which the minutes do not give. Its
	// speeches, motions and votes state no time (Popolo's date-time fields
	// take no date alone): their event, the sitting, gives the date.
	untimed := map[string]bool{}
	when := func(sitting string, t time.Time) string {
		if untimed[sitting] {
			return ""
		}
		return dateTime(t)
	}
	position := 0
	for _, s := range d.Sittings {
		untimed[s.ID] = s.Attendance == nil
		p.Events = append(p.Events, popoloEvent{ID: s.ID, Name: s.Heading(l), StartDate: datePattern(s.Date), Location: s.Venue,
			Classification: "sitting", OrganizationID: d.ID, Status: map[bool]string{true: "closed", false: "open"}[s.Closed]})
		for _, part := range s.Parts {
			for _, pg := range part.Paragraphs {
				if pg.Kind != KindSpeech {
					continue
				}
				position++
				sp := popoloSpeech{ID: "e" + itoa(pg.Entry), CreatorID: pg.Speaker.ID, Role: CapacityText(l, pg.Capacity),
					AttributionText: pg.SpeakerText(l), Text: pg.Text, Date: when(s.ID, pg.At), Type: "speech", Position: position, EventID: s.ID}
				if part.Item != nil {
					sp.Title = part.Item.Title
				}
				p.Speeches = append(p.Speeches, sp)
			}
		}
	}
	for _, m := range d.Motions {
		text := m.Title
		if m.Text != "" {
			text += "\n\n" + m.Text
		}
		for _, pt := range m.Points {
			text += "\n\n" + strings.TrimSpace(pt.Number+") "+pt.Text)
		}
		class := m.Kind
		if m.Procedure != "" {
			class += ":" + m.Procedure
		}
		p.Motions = append(p.Motions, popoloMotion{ID: m.ID, OrganizationID: d.ID, LegislativeSessionID: m.Sitting, CreatorID: m.Mover.ID,
			Text: text, Classification: class, Date: when(m.Sitting, m.At), Result: motionResult(m.Status)})
	}
	for _, v := range d.Votes {
		ve := popoloVoteEvent{ID: v.ID, OrganizationID: d.ID, LegislativeSessionID: v.Sitting, MotionID: v.Motion,
			Classification: v.Method, StartDate: when(v.Sitting, v.OpenedAt), EndDate: when(v.Sitting, v.ClosedAt), Question: v.Question,
			Counts: []popoloCount{}, CountsAsRecorded: VoteLine(l, &v), Arithmetic: v.Arithmetic}
		if v.Declared {
			ve.Result = voteResult(v.OutcomeID)
		}
		if len(v.Options) > 0 {
			ve.Counts = popoloOptions(v.Options)
		} else if v.Declared && !(v.Unanimous && v.For.IsZero()) && v.Counts != "" {
			ve.Counts = popoloCounts(v.For, v.Against, v.Abstain)
		}
		if len(v.Rounds) > 1 {
			for _, r := range v.Rounds {
				pr := popoloRound{Ballots: r.Ballots, Note: r.Note, Deciding: r.Deciding, Present: r.Present, Unanimous: r.Unanimous}
				if len(r.Options) > 0 {
					pr.Counts = popoloOptions(r.Options)
				} else {
					pr.Counts = popoloCounts(r.For, r.Against, r.Abstain)
				}
				for _, tl := range r.Tellers {
					pr.TellerIDs = append(pr.TellerIDs, tl.ID)
				}
				ve.Rounds = append(ve.Rounds, pr)
			}
		}
		if a := v.Attendance; a.Eligible > 0 {
			pa := &popoloAttendance{NotRecorded: a.NotRecorded, Eligible: a.Eligible, WalkedOut: a.WalkedOut, Online: a.Online, Unnamed: a.Unnamed}
			if !a.NotRecorded {
				pa.Present, pa.Absent = &a.Present, &a.Absent
			}
			ve.Attendance = pa
		}
		for _, b := range v.Ballots {
			pv := popoloVote{VoteEventID: v.ID, VoterID: b.Voter.ID, Option: ballotOption(b.Choice)}
			if b.ProxyFor.ID != "" {
				// The vote is the absent holder's, cast by their proxy.
				pv.VoterID, pv.Role, pv.CastByID = b.ProxyFor.ID, "by proxy", b.Voter.ID
			}
			if b.Weight > 1 {
				pv.Weight = b.Weight
			}
			ve.Votes = append(ve.Votes, pv)
		}
		p.VoteEvents = append(p.VoteEvents, ve)
	}
	out, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// popoloCounts are the counts for, against and abstaining that are
// numbers: exact, or a range, whose lower end is value and upper end
// value_max. A side given only in words (all the others, the majority) or
// not stated has no count; counts_as_recorded keeps it.
func popoloCounts(f, a, ab Count) []popoloCount {
	out := []popoloCount{}
	add := func(option string, c Count) {
		if c.Word != "" || c.Min == 0 && c.Max == 0 && option == "abstain" {
			return
		}
		pc := popoloCount{Option: option, Value: c.Min}
		if c.Max != c.Min {
			pc.ValueMax = c.Max
		}
		out = append(out, pc)
	}
	add("yes", f)
	add("no", a)
	add("abstain", ab)
	return out
}

// popoloOptions are the counts of competing drafts, by the drafts' ids.
func popoloOptions(options []Option) []popoloCount {
	out := []popoloCount{}
	for _, o := range options {
		if c := o.Count; c.Word == "" {
			pc := popoloCount{Option: o.Motion, Value: c.Min}
			if c.Max != c.Min {
				pc.ValueMax = c.Max
			}
			out = append(out, pc)
		}
	}
	return out
}

// delegateLabel is "delegate, consultative vote (*)" of a mandate.
func delegateLabel(l *i18n.Locale, dl Delegate) string {
	label := l.T("minutes.popolo.delegate")
	if k := KindText(l, dl.Kind); k != "" {
		label += ", " + k
	} else if dl.Kind != "" {
		label += ", " + l.T("minutes.popolo.kind_vote", dl.Kind)
	}
	if len(dl.Marks) > 0 {
		label += " (" + strings.Join(dl.Marks, "") + ")"
	}
	switch dl.Status {
	case "", "verified":
	case "submitted", "rejected":
		label += l.T("minutes.popolo.mandate_" + dl.Status)
	default:
		label += "; mandate " + dl.Status
	}
	return label
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// datePattern keeps a date only if it is one Popolo accepts (YYYY[-MM[-DD]]).
func datePattern(s string) string {
	if _, err := time.Parse("2006-01-02", s); err == nil {
		return s
	}
	return ""
}

func dateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func motionResult(status string) string {
	switch status {
	case "carried":
		return "pass"
	case "defeated":
		return "fail"
	case "pending":
		return ""
	}
	return strings.ReplaceAll(status, "_", " ")
}

func voteResult(outcome string) string {
	switch outcome {
	case "carried":
		return "pass"
	case "defeated":
		return "fail"
	}
	return strings.ReplaceAll(outcome, "_", " ") // "not recorded", as for motions
}

func ballotOption(choice string) string {
	switch choice {
	case "for":
		return "yes"
	case "against":
		return "no"
	}
	return choice
}

type popoloExport struct {
	Persons       []popoloPerson       `json:"persons"`
	Organizations []popoloOrganization `json:"organizations"`
	Memberships   []popoloMembership   `json:"memberships"`
	Events        []popoloEvent        `json:"events"`
	Motions       []popoloMotion       `json:"motions"`
	VoteEvents    []popoloVoteEvent    `json:"vote_events"`
	Speeches      []popoloSpeech       `json:"speeches"`
	Meta          popoloMeta           `json:"plenum_checkpoint"`
}

// popoloMeta is plenum's own addition: the checkpoint the export was made from.
type popoloMeta struct {
	Origin      string `json:"origin"`
	TreeSize    int64  `json:"tree_size"`
	RootHash    string `json:"root_hash"`
	Checkpoint  string `json:"checkpoint"`
	VerifierKey string `json:"verifier_key"`
	Language    string `json:"language,omitempty"`
}

type popoloPerson struct {
	ID          string             `json:"id"`
	Name        string             `json:"name"`
	OtherNames  []popoloOtherName  `json:"other_names,omitempty"`
	Identifiers []popoloIdentifier `json:"identifiers,omitempty"`
	Summary     string             `json:"summary,omitempty"`
}

type popoloOtherName struct {
	Name string `json:"name"`
	Note string `json:"note,omitempty"`
}

type popoloIdentifier struct {
	Identifier string `json:"identifier"`
	Scheme     string `json:"scheme,omitempty"`
}

type popoloOrganization struct {
	ID              string             `json:"id"`
	Name            string             `json:"name"`
	Identifiers     []popoloIdentifier `json:"identifiers,omitempty"`
	Classification  string             `json:"classification,omitempty"`
	ParentID        string             `json:"parent_id,omitempty"`
	Description     string             `json:"description,omitempty"`
	FoundingDate    string             `json:"founding_date,omitempty"`
	DissolutionDate string             `json:"dissolution_date,omitempty"`
}

type popoloMembership struct {
	ID             string `json:"id"`
	Label          string `json:"label,omitempty"`
	Role           string `json:"role,omitempty"`
	PersonID       string `json:"person_id"`
	OrganizationID string `json:"organization_id"`
	OnBehalfOfID   string `json:"on_behalf_of_id,omitempty"`
}

type popoloEvent struct {
	ID             string `json:"id"`
	Name           string `json:"name"`
	StartDate      string `json:"start_date,omitempty"`
	Location       string `json:"location,omitempty"`
	Status         string `json:"status,omitempty"`
	Classification string `json:"classification"`
	OrganizationID string `json:"organization_id"`
}

type popoloMotion struct {
	ID                   string `json:"id"`
	OrganizationID       string `json:"organization_id"`
	LegislativeSessionID string `json:"legislative_session_id,omitempty"`
	CreatorID            string `json:"creator_id,omitempty"`
	Text                 string `json:"text"`
	Classification       string `json:"classification,omitempty"`
	Date                 string `json:"date,omitempty"`
	Result               string `json:"result,omitempty"`
}

type popoloVoteEvent struct {
	ID                   string        `json:"id"`
	OrganizationID       string        `json:"organization_id"`
	LegislativeSessionID string        `json:"legislative_session_id,omitempty"`
	Question             string        `json:"question,omitempty"` // plenum: the question put
	MotionID             string        `json:"motion_id,omitempty"`
	Classification       string        `json:"classification,omitempty"`
	StartDate            string        `json:"start_date,omitempty"`
	EndDate              string        `json:"end_date,omitempty"`
	Result               string        `json:"result,omitempty"`
	Counts               []popoloCount `json:"counts"`
	Votes                []popoloVote  `json:"votes,omitempty"`
	CountsAsRecorded     string        `json:"counts_as_recorded,omitempty"`
	Arithmetic           string        `json:"arithmetic,omitempty"`
	// plenum: every count entered, in order, when there was more than one;
	// counts holds the deciding one.
	Rounds []popoloRound `json:"rounds,omitempty"`
	// plenum: the attendance when the vote was opened.
	Attendance *popoloAttendance `json:"attendance,omitempty"`
}

type popoloCount struct {
	Option   string `json:"option"`
	Value    int    `json:"value"`               // a range's lower end
	ValueMax int    `json:"value_max,omitempty"` // plenum: a range's upper end
}

// popoloRound is one count entered (a plenum addition).
type popoloRound struct {
	Counts    []popoloCount `json:"counts"`
	Ballots   int           `json:"ballots,omitempty"` // how many times the hands were counted
	Unanimous bool          `json:"unanimous,omitempty"`
	TellerIDs []string      `json:"teller_ids,omitempty"`
	Note      string        `json:"note,omitempty"`
	Present   int           `json:"present,omitempty"` // votes that could be cast
	Deciding  bool          `json:"deciding"`          // the result was declared on it
}

// popoloAttendance is a vote's attendance (a plenum addition).
type popoloAttendance struct {
	NotRecorded bool `json:"not_recorded,omitempty"` // then who was present or absent is not known
	Eligible    int  `json:"eligible"`
	Present     *int `json:"present,omitempty"`
	Absent      *int `json:"absent,omitempty"`
	WalkedOut   int  `json:"walked_out"`
	Online      int  `json:"online,omitempty"`
	Unnamed     int  `json:"unnamed,omitempty"` // of those away, left the hall without being named
}

type popoloVote struct {
	VoteEventID string `json:"vote_event_id"`
	VoterID     string `json:"voter_id"`
	Option      string `json:"option"`
	Role        string `json:"role,omitempty"`       // "by proxy": cast by CastByID for VoterID
	Weight      int    `json:"weight,omitempty"`     // votes the mandate carries, when more than one
	CastByID    string `json:"cast_by_id,omitempty"` // plenum: who cast a ballot by proxy
}

type popoloSpeech struct {
	ID              string `json:"id"`
	CreatorID       string `json:"creator_id,omitempty"`
	Role            string `json:"role,omitempty"`
	AttributionText string `json:"attribution_text"`
	Text            string `json:"text"`
	Date            string `json:"date,omitempty"`
	Title           string `json:"title,omitempty"`
	Type            string `json:"type"`
	Position        int    `json:"position"`
	EventID         string `json:"event_id"`
}
