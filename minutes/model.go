package minutes

import (
	"time"

	"plenum/i18n"
)

// Checkpoint is the signed checkpoint a document is rendered from: the
// state is the fold of exactly the first Size entries of the log, and
// anyone holding the verifier key can check that the log had those
// entries.
type Checkpoint struct {
	Origin      string    // the log's origin line, "plenum.localhost/log/march-1917"
	Size        int64     // the tree size: how many entries the document covers
	RootHash    string    // the root hash in base64, as in the checkpoint
	Signed      string    // the signed note: checkpoint body, blank line, signature lines
	VerifierKey string    // the note verifier key that signed it
	Time        time.Time // when the last covered entry was recorded; the document's date
}

// Document is the minutes of one assembly as a format-neutral, ordered
// structure. Build makes it from a state; each renderer reads only it.
type Document struct {
	ID          string
	Title       string
	Starts      string
	Ends        string
	Venues      []string
	Description string
	Lang        string // BCP 47 language of the text ("en")

	Marks         []Mark
	Organizations []Organization // delegating organizations, in the order entered
	Others        []Organization // leading bodies, factions, tendencies, groups
	Personal      []Delegate     // mandates held for no organization: participating personally
	// Roll: the record shows who was present at its sittings (a sitting
	// recorded it, Sitting.Attendance), so the organizations' delegates
	// and Personal are the roll of mandates, present or not; md/8, html/9
	// and akn/8 say so of Personal ("Holding a mandate personally").
	Roll bool
	// Commission is the mandate commission, as the record's set-up gives
	// it (those who hold its role, an administrator aside, who acts as the
	// commission in any case), in the order the persons were entered;
	// md/7, html/8 and akn/7 name it with the mandates.
	Commission []Ref
	Persons    []Person // everyone, in the order entered
	Bodies     []Body
	Preface    []Paragraph // the record outside any sitting
	Sittings   []Sitting
	Motions    []Motion
	Votes      []Vote
	Elections  []Election
	// NotTakenUp are the items of the order of the day no sitting took
	// up, in the agenda's order; md/11, html/12 and akn/11 list them
	// after the sittings.
	NotTakenUp []Item
	Checkpoint Checkpoint

	render render // how it is stamped (version.go)
}

// Mark is a mark on a mandate and what it means ("*").
type Mark struct {
	Symbol  string
	Meaning string
}

// Ref names a person, or someone the minutes name only by a label
// ("DELEGATE"); ID is empty for a label.
type Ref struct {
	ID   string
	Name string
	// Tell is what tells the person apart from another of the assembly
	// of the same name, as the mandate cards print it ("n.º 0200",
	// names.Tell); "" for a name nobody else bears. md/8, html/9 and
	// akn/8 give it beside the name in a vote by name (Named).
	Tell string
}

// Named is the name with what tells the person apart from another of
// the same name (Tell): "Ramón Ortega Durán (n.º 0200)"; or, as md/7,
// html/8 and akn/7 gave it (before8), the name alone.
func (r Ref) Named(before8 bool) string {
	if r.Tell == "" || before8 {
		return r.Name
	}
	return r.Name + " (" + r.Tell + ")"
}

// Person is one person, once, with the other spellings of the name.
type Person struct {
	ID         string
	Name       string
	OtherNames []string
	Note       string
	// Number is the person's member number (the reference in the
	// organiser's list) when another person of the assembly bears the
	// same name, as the cards and the minutes tell them apart by it
	// (Ref.Tell); "" otherwise. The Popolo export gives it as an
	// identifier.
	Number string
}

// Organization is an organization with its delegates and members.
type Organization struct {
	ID           string
	Name         string
	Kind         string
	Number       string
	Parent       string
	Note         string
	PresentNoted bool
	PresenceNote string
	Delegates    []Delegate
	Members      []Member
}

// Delegate is a mandate held for an organization.
type Delegate struct {
	Mandate string
	Person  Ref
	Kind    string // decisive, consultative, guest, ex_officio
	Marks   []string
	Status  string
	Reason  string
	Note    string
	// Emended is what the record says of the person's name beside it:
	// the person's note (the editor's emendation: "Printed 'Serebnakov'
	// in the list …") and the other spellings of the name the note does
	// not give already ("also written Maryan Verzhhitsky"); md/9, html/10
	// and akn/9 give it beside the name in the list of delegates, as an
	// organization's note. "" where the record says nothing.
	Emended string
}

// Member is a membership of an organization.
type Member struct {
	Person Ref
	Role   string
	Note   string
}

// Body is a section, commission or committee.
type Body struct {
	ID           string
	Name         string
	Kind         string
	Members      []Ref
	Instructions []string
	Note         string
}

// Item is an item of the order of the day.
type Item struct {
	ID          string
	Number      string
	Title       string
	Reporters   []Ref
	CoReporters []Ref
	Note        string
	Status      string
}

// Sitting is one sitting: its heading and its parts, one per item taken up.
type Sitting struct {
	ID          string
	Title       string
	Date        string
	Time        string
	Venue       string
	Note        string // the sitting's note: why a date is inferred, …
	Chair       Ref    // who chaired at the opening
	ChairsAfter []Ref  // who took the chair later in the sitting, in order
	Secretaries []Ref
	JointWith   []string
	Guests      []Ref
	OrderOfDay  []Item
	Parts       []Part
	ClosingTime string
	Closed      bool
	Approved    bool
	Entry       int
	// Attendance is how many members with a vote were present when the
	// sitting opened, or began to record who was present; nil for a
	// sitting that records nobody's presence. md/8, html/9 and akn/8
	// give it under the heading; who came or went during the sitting is
	// given at its place (Only8 narratives, attendance.go).
	Attendance *SittingAttendance
}

// SittingAttendance is a sitting's attendance when it began to record it.
type SittingAttendance struct {
	Opening bool // from the opening; else from record_attendance during the sitting
	Present int  // members with a vote present, as the quorum counts them
	Members int  // members with a vote
}

// Part is the record of a sitting under one item; Item is nil for what
// comes before the first item is taken up.
type Part struct {
	Item       *Item
	Paragraphs []Paragraph
}

// Paragraph kinds.
const (
	KindSpeech       = "speech"
	KindInterjection = "interjection"
	KindNarrative    = "narrative"
	KindDocument     = "document"
	KindMotion       = "motion"
	KindQuestion     = "question" // a question put to the vote
	KindVote         = "vote"     // a declared result
	KindElection     = "election"
	KindGap          = "gap"
	KindCorrection   = "correction"
	KindStrike       = "strike" // an entry struck out of the minutes (strike_record)
)

// Paragraph is one entry of the minutes. Which fields are set depends on
// Kind; Text is always the main text.
type Paragraph struct {
	Kind     string
	Entry    int       // the ledger index of the event
	At       time.Time // when it happened, as the command gave it
	Speaker  Ref
	Capacity string // reporter, co_reporter, chair, …, or a free phrase
	Sub      string // the kind of interjection
	Title    string
	Text     string
	// TextNow is a narrative's text as md/6, html/7 and akn/6 give it,
	// where it differs from Text (as the renderers before gave it): an
	// amendment put before the assembly "(with W1 “…”)", not "(with w1)".
	TextNow string
	// Text7 is a narrative's text as md/7, html/8 and akn/7 give it,
	// where it differs from TextNow and Text: why an amendment was
	// overtaken in the document's language, who was still on the list of
	// speakers when the discussion was closed.
	Text7 string
	// Text8 is a narrative's text as md/8, html/9 and akn/8 give it,
	// where it differs from the texts before: speaking time allotted to
	// a delegation whose name holds a comma in the document's language.
	Text8 string
	// Text9 is a narrative's text as md/9, html/10 and akn/9 give it,
	// where it differs from the texts before: a motion overtaken by
	// another decision in the Russian that says so ("отпало в связи с
	// другим решением", not "снято другим решением", which reads as
	// withdrawn).
	Text9 string
	// Text11 is a narrative's text as md/11, html/12 and akn/11 give it,
	// where it differs from the texts before: a departure from the hall
	// or a return where the record names everyone, who are named and not
	// also counted ("Voitinsky returned to the hall", not "1 returned to
	// the hall (Voitinsky)").
	Text11 string
	// Only7: the paragraph is given by md/7, html/8 and akn/7 alone (a
	// turn on the floor the secretary wrote no notes of: "Anna spoke.");
	// the renderers before left it out.
	Only7 bool
	// Only8: the paragraph is given by md/8, html/9 and akn/8 alone (the
	// speaking time set in a sitting); the renderers before left it out.
	Only8 bool
	// BeforeItem: the paragraph was recorded before its part's item was
	// taken up, and is given before the item's heading. Only a paragraph
	// Only8 is: what the renderers before gave keeps its parts.
	BeforeItem      bool
	Time            string // a time as the source states it
	Points          []Point
	Origin          string // who adopted a document
	Provenance      string
	Motion          *Motion
	Vote            *Vote
	Election        *Election
	Corrects        int    // for a correction: the entry it corrects
	Reason          string // for a correction: why
	Original        string // for a correction: a short description of what it corrects
	Original8       string // Original as md/8, html/9 and akn/8 gave it (a speaker's name another bears too, not told apart), if other; else ""
	OriginalIsEntry bool   // for a correction: Original is only the entry's number ("entry 55 of the log"), the entry having no description of its own
	// Recorded: for a correction or a strike in a sitting, when it was
	// recorded, if on another day than the sitting's date; md/9, html/10
	// and akn/9 say it in the lead. Zero otherwise.
	Recorded time.Time
	// Noted: for a correction or a strike recorded while no sitting was
	// open (given under "Notes on the record"), when it was recorded;
	// AfterClose: the entry it is of is of a sitting, which had been
	// closed. md/10, html/11 and akn/10 say both in the lead (readSince).
	Noted       time.Time
	AfterClose  bool
	By          Ref   // for a correction: who recorded it (the entry's actor); none if the actor is no person of the record
	CorrectedBy []int // entries of later corrections of this paragraph
	StruckBy    int   // the entry that struck this paragraph out of the minutes later, or 0
	// OnCount: for a correction, the entry it corrects is one of a count
	// (assembly.State.Counted: a ballot, the opening, closing, count,
	// result or withdrawal of a vote or an election), which plenum no
	// longer lets a correction touch and which no correction changes: the
	// minutes show it as a note beside the count, not as its correction.
	// Only logs written before plenum refused them hold such corrections.
	OnCount bool
	// CountNoted: the paragraph is an entry of a count, and CorrectedBy
	// are notes on it (OnCount), which change nothing of it.
	CountNoted bool
	// After: for a paragraph of the record outside any sitting (Preface),
	// how many sittings were opened before it: 0 for what was recorded at
	// set-up, before the first sitting.
	After int
}

// lead parts the part's paragraphs into those given before its item's
// heading (BeforeItem) and the rest.
func (p *Part) lead() (lead, rest []Paragraph) {
	n := 0
	for n < len(p.Paragraphs) && p.Paragraphs[n].BeforeItem {
		n++
	}
	return p.Paragraphs[:n], p.Paragraphs[n:]
}

// narrativeAs is a narrative's text as a renderer gives it: before md/6,
// html/7 and akn/6 (asBefore) Text, before md/7, html/8 and akn/7
// (before7) TextNow where there is one, before md/8, html/9 and akn/8
// (before8) Text7 where there is one, before md/9, html/10 and akn/9
// (before9) Text8 where there is one, before md/11, html/12 and akn/11
// (before11) Text9 where there is one, and since then Text11 where there
// is one.
func (p *Paragraph) narrativeAs(asBefore, before7, before8, before9, before11 bool) string {
	switch {
	case p.Text11 != "" && !before11:
		return p.Text11
	case p.Text9 != "" && !before9:
		return p.Text9
	case p.Text8 != "" && !before8:
		return p.Text8
	case p.Text7 != "" && !before7:
		return p.Text7
	case p.TextNow != "" && !asBefore:
		return p.TextNow
	}
	return p.Text
}

// IsNote reports whether the paragraph is a note on the record — a gap,
// a correction, an entry struck out — rather than the business of the
// assembly.
func (p *Paragraph) IsNote() bool {
	return p.Kind == KindGap || p.Kind == KindCorrection || p.Kind == KindStrike
}

// An Outside is a part of the record outside any sitting under a heading
// of its own: what was recorded before the first sitting, the notes on
// the record, what was recorded between two sittings or after the last.
type Outside struct {
	Key        string // the heading's catalog key
	ID         string // its anchor: "setup", "notes", "after-SITTING"
	Paragraphs []Paragraph
}

// Heading is the part's heading in l's language.
func (o Outside) Heading(l *i18n.Locale) string { return l.T(o.Key) }

// BeforeSittings are the parts of the record outside any sitting that the
// minutes give before the first sitting: what was recorded at set-up
// ("Before the first sitting"), then the notes on the record ("Notes on
// the record"), each in the order recorded. The renderers before md/6,
// html/7 and akn/6 gave them all, and the business recorded between the
// sittings too, under "Notes on the record".
func (d *Document) BeforeSittings() []Outside {
	setup := Outside{Key: "minutes.h.setup", ID: "setup"}
	notes := Outside{Key: "minutes.h.notes", ID: "notes"}
	for _, p := range d.Preface {
		switch {
		case p.IsNote():
			notes.Paragraphs = append(notes.Paragraphs, p)
		case p.After == 0:
			setup.Paragraphs = append(setup.Paragraphs, p)
		}
	}
	var out []Outside
	for _, o := range []Outside{setup, notes} {
		if len(o.Paragraphs) > 0 {
			out = append(out, o)
		}
	}
	return out
}

// AfterSitting is the business of the assembly recorded after the i-th
// sitting (from 0) and before the next, which the minutes give after it
// ("Between the sittings", "After the last sitting"); ok is false if
// there is none.
func (d *Document) AfterSitting(i int) (o Outside, ok bool) {
	o = Outside{Key: "minutes.h.between", ID: "after-" + d.Sittings[i].ID}
	if i == len(d.Sittings)-1 {
		o.Key = "minutes.h.after_last"
	}
	for _, p := range d.Preface {
		if !p.IsNote() && p.After == i+1 {
			o.Paragraphs = append(o.Paragraphs, p)
		}
	}
	return o, len(o.Paragraphs) > 0
}

// Point is a numbered point of a resolution.
type Point struct {
	Number string
	Text   string
}

// Motion is a motion, amendment or procedural motion.
type Motion struct {
	ID          string
	Kind        string
	Procedure   string
	Title       string
	Text        string
	Points      []Point
	Amends      string
	AmendsTitle string
	Mover       Ref
	Seconds     []Ref
	Status      string
	Sitting     string
	Item        string
	Votes       []string
	Entry       int
	At          time.Time // when it was moved
	Paper       *Paper    // its numbered text, change, submission and advice (motions.go); nil for a plain motion
}

// Vote is a vote with its counts and result.
type Vote struct {
	ID           string
	Motion       string
	MotionTitle  string
	Question     string
	Method       string
	Sitting      string
	Item         string
	EligibleNote string
	Present      int
	Eligible     int
	Attendance   Attendance // when the vote was opened
	// Threshold is the majority the vote took, in words; RuleThreshold and
	// Departure are set when it departs from the rules: what they fix, and
	// the ruling or suspension of the rules it rests on.
	Threshold     string // what the vote needed, in words of the document's language
	ThresholdID   string // the same as the rules name it ("majority_cast")
	RuleThreshold string
	Departure     string
	// ItemRule is set where Threshold is the majority the rules fix for
	// the vote's item (add_item's threshold), not voting_threshold: md/8,
	// html/9 and akn/8 say so.
	ItemRule bool
	Rounds   []Round // every count entered, in order
	Counts   string  // the counts as the minutes write them: "(For – 38; against – 26.)"
	// Counts8 is the counts as md/8, html/9 and akn/8 write them, where
	// they differ: the figures grouped in thousands ("(For – 2,411; …)").
	Counts8    string
	Outcome    string // carried, defeated, or the title of the draft taken as the basis
	OutcomeID  string // carried, defeated, or the chosen motion's id
	Arithmetic string
	// ArithmeticNow is the arithmetic as md/6, html/7 and akn/6 give it,
	// where it differs from Arithmetic (as the renderers before gave it):
	// a count of one in the singular ("1 Enthaltung", not "1
	// Enthaltungen"), a draft's title in the document's quotation marks,
	// the French space before a semicolon.
	ArithmeticNow string
	// Arithmetic8 is ArithmeticNow (or Arithmetic) as md/8, html/9 and
	// akn/8 give it, where it differs: its figures grouped in thousands
	// (figures.Group, as the pages group it).
	Arithmetic8 string
	Note        string
	Declared    bool
	// Apart is set on a declared result that does not follow its own
	// question (another vote was put between them): the result names
	// the question it belongs to ("Result of the vote on “A”: …").
	Apart     bool
	For       Count
	Against   Count
	Abstain   Count
	Unanimous bool
	Options   []Option // the drafts of a vote between alternatives
	Ballots   []Ballot // named ballots, in the order cast (not in a secret vote)
	// NotVoted are those present and entitled at the opening of a vote by
	// name who cast no ballot, where the record shows who was present;
	// md/6, html/7 and akn/6 name them ("Did not vote: …").
	NotVoted   []Ref
	Entry      int // the entry of the declared result, or of the opening
	OpenedAt   time.Time
	ClosedAt   time.Time
	Resolution *Resolution // the resolution as carried by this vote, with its carried changes
	// Unapplied says, in the document's language, which carried
	// amendments this carried vote's text does not include, because they
	// change no lines, where no resolution names them (unapplied.go); md/7,
	// html/8 and akn/7 give it.
	Unapplied string
}

// Count is a number of votes: exact (Min == Max), a range, or a word
// (rest, majority, minority).
type Count struct {
	Min, Max int
	Word     string
}

// Round is one count entered by the chair or tellers.
type Round struct {
	Ballots   int // how many times the hands were counted for it
	Tellers   []Ref
	Note      string
	For       Count
	Against   Count
	Abstain   Count
	Options   []Option // a vote between alternatives: each draft's count
	Unanimous bool
	Present   int  // votes that could be cast when it was entered; 0 where attendance is not recorded
	Deciding  bool // the count the result was declared on: the last
}

// Attendance is a vote's attendance when it was opened.
type Attendance struct {
	NotRecorded bool
	Eligible    int
	Present     int // entitled, and able to vote from where they were
	Absent      int
	WalkedOut   int
	Online      int // of the entitled, attending online
	Unnamed     int // of those absent or walked out, left the hall without being named
}

// Option is one draft in a vote between alternatives, with its count.
type Option struct {
	Motion string
	Title  string
	Count  Count
}

// Ballot is a named ballot. A ballot cast by proxy names the holder of
// the mandate it was cast for (ProxyFor); Voter is who cast it.
type Ballot struct {
	Voter    Ref
	Choice   string
	Weight   int    // votes it carries (1 unless the rules weigh mandates)
	Right    string // the mandate voted, or "p:" and a guest
	ProxyFor Ref
	// Choice8 is the choice as md/8, html/9 and akn/8 give it where it
	// differs from Choice: the candidates of an election whose name
	// another person bears too told apart (Ref.Named).
	Choice8 string
}

// Election is an election with its result.
type Election struct {
	ID         string
	Title      string
	Body       string
	Seats      int
	Method     string
	Candidates []Ref
	Elected    []Ref
	// Elected11 is who was elected as md/11, html/12 and akn/11 name
	// them, where it differs from Elected (the order the declaration
	// gives, which the versions before kept): those elected by lists by
	// list, in the order the lists were named, and on each in the order
	// of the list; nil where it does not differ.
	Elected11  []Ref
	Arithmetic string
	// Arithmetic8 is the arithmetic as md/8, html/9 and akn/8 give it,
	// where it differs from Arithmetic (as the renderers before gave it):
	// in French with the space before the semicolons and the colon of
	// plenum's words (" ; ", " : ").
	Arithmetic8 string
	// Arithmetic11 is the arithmetic as md/11, html/12 and akn/11 give
	// it, where it differs from the texts before: the first count's
	// candidates (or lists) by their votes, most first, those of equal
	// votes in the order they were put up, as a teller's sheet lists
	// them; the versions before listed them in the order put up.
	Arithmetic11 string
	Note         string
	Instruction  string
	Sitting      string
	Declared     bool
	Entry        int
	// Lists are the election's lists, each with its candidates in the
	// order they stood; Ballots its ballots by name, in the order cast
	// (none in an encrypted election). md/6, html/7 and akn/6 give them.
	Lists   []ElectionList
	Ballots []Ballot // Choice in words of the document's language
	// Secret marks an election by secret ballot (sealed by the server):
	// its ballots are not by name, and the note says so. Elections
	// recorded before it existed are never secret, so every renderer
	// version gives them as it did.
	Secret bool
}

// ElectionList is one list of an election, its candidates in order.
type ElectionList struct {
	Name       string
	Candidates []Ref
}
