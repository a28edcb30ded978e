package assembly

import (
	"fmt"
	"sort"
	"time"
)

// RequestFloor puts a person on an item's speakers' list.
type RequestFloor struct {
	Item   string `json:"item" plenum:"required,id"`
	Person string `json:"person" plenum:"required,id"`
	Kind   string `json:"kind" plenum:"enum=speech|point_of_order|reply|question|intervention"`
	Side   string `json:"side" plenum:"enum=for|against"`
}

// WithdrawRequest takes a person off the speakers' list.
type WithdrawRequest struct {
	Item   string `json:"item" plenum:"required,id"`
	Person string `json:"person" plenum:"required,id"`
}

// GiveFloor gives the floor to the next speaker, or to a named one. With
// Motion and Side, it is a speech for or against a pending procedural
// motion, which the chair gives ahead of the list: one for and one
// against each.
type GiveFloor struct {
	Item    string `json:"item" plenum:"required,id"`
	Person  string `json:"person" plenum:"id"`
	Summary bool   `json:"summary"`
	Motion  string `json:"motion" plenum:"id"`
	Side    string `json:"side" plenum:"enum=for|against"`
}

// EndSpeech ends the current speech.
type EndSpeech struct {
	Item string `json:"item" plenum:"required,id"`
}

// DepriveFloor is the chair taking the floor away from the speaker.
type DepriveFloor struct {
	Item   string `json:"item" plenum:"required,id"`
	Reason string `json:"reason"`
}

// CloseList closes the speakers' list: nobody more is added.
type CloseList struct {
	Item string `json:"item" plenum:"required,id"`
}

// ReopenList reopens a closed speakers' list: more may ask for the floor
// again (the chair's decision, or the assembly's, recorded).
type ReopenList struct {
	Item string `json:"item" plenum:"required,id"`
}

// CloseDiscussion closes the discussion: only the reporters' summaries remain.
type CloseDiscussion struct {
	Item string `json:"item" plenum:"required,id"`
}

func (RequestFloor) CommandName() string    { return "request_floor" }
func (WithdrawRequest) CommandName() string { return "withdraw_request" }
func (GiveFloor) CommandName() string       { return "give_floor" }
func (EndSpeech) CommandName() string       { return "end_speech" }
func (DepriveFloor) CommandName() string    { return "deprive_floor" }
func (CloseList) CommandName() string       { return "close_list" }
func (CloseDiscussion) CommandName() string { return "close_discussion" }
func (ReopenList) CommandName() string      { return "reopen_list" }

// FloorRequested: a person asked for the floor.
type FloorRequested struct {
	Meta   `json:"meta"`
	Item   string `json:"item"`
	Person string `json:"person"`
	Kind   string `json:"kind"`
	Side   string `json:"side"`
}

// FloorRequestWithdrawn: a person came off the list.
type FloorRequestWithdrawn struct {
	Meta   `json:"meta"`
	Item   string `json:"item"`
	Person string `json:"person"`
}

// FloorGiven: a person was given the floor. Kind is speech,
// point_of_order, reply, question (interposed: the speaker keeps the floor
// and resumes after it), intervention, report, summary or chair.
type FloorGiven struct {
	Meta   `json:"meta"`
	Item   string `json:"item"`
	Person string `json:"person"`
	Kind   string `json:"kind"`
	Side   string `json:"side"`
	Seq    int    `json:"seq"` // the request served, 0 if none
	// Motion is the procedural motion a speech for or against (Side) is
	// on, given ahead of the list.
	Motion string `json:"motion,omitempty"`
	// Allowance is the delegation or tendency whose allotted speaking time
	// the turn uses up, and Left how much of it was left.
	Allowance string `json:"allowance,omitempty"`
	Left      int    `json:"left,omitempty"`
}

// SpeechEnded: the speaker finished.
type SpeechEnded struct {
	Meta `json:"meta"`
	Item string `json:"item"`
}

// FloorDeprived: the chair took the floor away.
type FloorDeprived struct {
	Meta   `json:"meta"`
	Item   string `json:"item"`
	Person string `json:"person"`
	Reason string `json:"reason"`
}

// ListClosed: the speakers' list was closed.
type ListClosed struct {
	Meta `json:"meta"`
	Item string `json:"item"`
}

// ListReopened: the speakers' list was reopened.
type ListReopened struct {
	Meta `json:"meta"`
	Item string `json:"item"`
}

// DiscussionClosed: the discussion was closed.
type DiscussionClosed struct {
	Meta `json:"meta"`
	Item string `json:"item"`
}

func (FloorRequested) EventType() string        { return "floor_requested" }
func (FloorRequestWithdrawn) EventType() string { return "floor_request_withdrawn" }
func (FloorGiven) EventType() string            { return "floor_given" }
func (SpeechEnded) EventType() string           { return "speech_ended" }
func (FloorDeprived) EventType() string         { return "floor_deprived" }
func (ListClosed) EventType() string            { return "list_closed" }
func (DiscussionClosed) EventType() string      { return "discussion_closed" }
func (ListReopened) EventType() string          { return "list_reopened" }

// mayTakeFloor reports why a person may not speak on an item, or nil.
func (s *State) mayTakeFloor(it *Item, person string) error {
	if s.Persons[person] == nil {
		return notFound("there is no person %q", person)
	}
	if contains(it.Reporters, person) || contains(it.CoReporters, person) {
		return nil
	}
	if st := s.Sitting(); st != nil {
		if contains(st.Presidium, person) || contains(st.Secretaries, person) {
			return nil
		}
		if contains(st.Guests, person) {
			if st.GuestsMaySpeak {
				return nil
			}
			return forbidden("%s is a guest of this sitting, and guests may not speak at it", person)
		}
	}
	for _, id := range s.Persons[person].Mandates {
		md := s.Mandates[id]
		if md.Status != MandateStatusVerified {
			continue
		}
		if md.Kind != KindGuest || s.Assembly.Rules.GuestsMaySpeak {
			return nil
		}
	}
	for _, id := range s.OrgOrder {
		if o := s.Organizations[id]; o.Kind == "leading_body" && s.MemberOf(person, id) {
			return nil
		}
	}
	return forbidden("%s holds no verified mandate that gives the floor; the mandate commission must verify one first", person)
}

// MayTakeFloor reports whether person may be given the floor on the item
// as the rules stand (a verified mandate that gives it, a reporter, the
// presidium or a secretary, a guest of the sitting where guests speak, a
// member of a leading body): give_floor refuses the others, and the
// chair's pages offer only these.
func (s *State) MayTakeFloor(item, person string) bool {
	it := s.Items[item]
	return it != nil && s.mayTakeFloor(it, person) == nil
}

func (s *State) openItem(id string) (*Item, error) {
	it, err := s.item(id)
	if err != nil {
		return nil, err
	}
	switch it.Status {
	case ItemStatusClosed:
		return nil, closed("the item %s is closed", id)
	case ItemStatusTabled:
		return nil, closed("the item %s is tabled (%s)", id, it.TabledUntil)
	}
	return it, nil
}

func (c RequestFloor) decide(s *State, m Meta) ([]Event, error) {
	if m.Actor != c.Person && !s.isChair(m.Actor) && !s.isSecretary(m.Actor) {
		return nil, forbidden("only %s themselves, the chair or a secretary may put them on the list", c.Person)
	}
	it, err := s.openItem(c.Item)
	if err != nil {
		return nil, err
	}
	if err := s.mayTakeFloor(it, c.Person); err != nil {
		return nil, err
	}
	kind := c.Kind
	if kind == "" {
		kind = "speech"
	}
	if kind == "question" {
		switch it.Floor.Speaker {
		case "":
			return nil, conflict("a question is put to the speaker, and nobody has the floor on %s", c.Item)
		case c.Person:
			return nil, conflict("%s has the floor and cannot put a question to themselves", c.Person)
		}
	} else if err := s.speechesLeft(it, c.Person, kind); err != nil {
		return nil, err
	}
	if kind != "point_of_order" && kind != "question" {
		if mo := s.undebatablePending(c.Item); mo != nil {
			return nil, conflict("the pending question %s (%s) is not debatable; it is put to the vote without debate", mo.ID, mo.Title)
		}
		if it.Floor.DiscussionClosed {
			return nil, closed("the discussion on %s is closed; only a point of order may be raised", c.Item)
		}
		if it.Floor.ListClosed {
			return nil, closed("the list of speakers on %s is closed", c.Item)
		}
	}
	for _, r := range it.Floor.Requests {
		if r.Person == c.Person && r.Kind == kind && !r.Withdrawn && !r.Served {
			return nil, conflict("%s is already on the list for %s (number %d)", c.Person, c.Item, r.Seq)
		}
	}
	return one(FloorRequested{Meta: m, Item: c.Item, Person: c.Person, Kind: kind, Side: c.Side})
}

func (e FloorRequested) apply(s *State) error {
	it := s.Items[e.Item]
	if it == nil {
		return corrupt("there is no item %q", e.Item)
	}
	it.Floor.nextSeq++
	it.Floor.Requests = append(it.Floor.Requests, Request{Seq: it.Floor.nextSeq, Person: e.Person, Kind: e.Kind, Side: e.Side, At: e.At})
	return nil
}

func (c WithdrawRequest) decide(s *State, m Meta) ([]Event, error) {
	if m.Actor != c.Person && !s.isChair(m.Actor) {
		return nil, forbidden("only %s themselves or the chair may take them off the list", c.Person)
	}
	it, err := s.item(c.Item)
	if err != nil {
		return nil, err
	}
	if pendingRequest(it, c.Person, "") < 0 {
		return nil, notFound("%s is not waiting on the list for %s", c.Person, c.Item)
	}
	return one(FloorRequestWithdrawn{Meta: m, Item: c.Item, Person: c.Person})
}

// pendingRequest returns the index of the person's first waiting request
// (of kind, if given), or -1.
func pendingRequest(it *Item, person, kind string) int {
	for i, r := range it.Floor.Requests {
		if r.Person == person && !r.Withdrawn && !r.Served && (kind == "" || r.Kind == kind) {
			return i
		}
	}
	return -1
}

func (e FloorRequestWithdrawn) apply(s *State) error {
	it := s.Items[e.Item]
	if it == nil {
		return corrupt("there is no item %q", e.Item)
	}
	i := pendingRequest(it, e.Person, "")
	if i < 0 {
		return corrupt("%s is not on the list", e.Person)
	}
	it.Floor.Requests[i].Withdrawn = true
	return nil
}

// SpeakersList returns the waiting requests for the floor on an item in the
// order the rules give: points of order first, then the list by the rules'
// speakers_order. After the discussion closes only points of order remain.
func (s *State) SpeakersList(item string) []Request {
	it := s.Items[item]
	if it == nil {
		return nil
	}
	var poo, short, rest []Request
	for _, r := range it.Floor.Requests {
		if r.Withdrawn || r.Served {
			continue
		}
		switch {
		case r.Kind == "point_of_order":
			poo = append(poo, r)
		case r.Kind == "question":
			short = append(short, r) // while someone speaks; they lapse with the speech
		case it.Floor.DiscussionClosed:
		case r.Kind == "intervention":
			short = append(short, r)
		default:
			rest = append(rest, r)
		}
	}
	poo = append(poo, short...)
	order := s.Assembly.Rules.SpeakersOrder
	if order == OrderFirstTimeFirst || order == OrderAlternate {
		sort.SliceStable(rest, func(i, j int) bool {
			return it.Floor.Spoken[rest[i].Person] == 0 && it.Floor.Spoken[rest[j].Person] > 0
		})
	}
	if order == OrderAlternate {
		last := ""
		for i := len(it.Floor.Turns) - 1; i >= 0; i-- {
			if it.Floor.Turns[i].Side != "" {
				last = it.Floor.Turns[i].Side
				break
			}
		}
		var out []Request
		tierEnd := func(i int) int { // the first-timers, then the repeat speakers
			first := it.Floor.Spoken[rest[i].Person] == 0
			j := i
			for j < len(rest) && (it.Floor.Spoken[rest[j].Person] == 0) == first {
				j++
			}
			return j
		}
		for i := 0; i < len(rest); {
			end := tierEnd(i)
			tier := append([]Request(nil), rest[i:end]...)
			for len(tier) > 0 {
				pick := 0
				if last != "" {
					for k, r := range tier {
						if r.Side != "" && r.Side != last {
							pick = k
							break
						}
					}
				}
				out = append(out, tier[pick])
				if tier[pick].Side != "" {
					last = tier[pick].Side
				}
				tier = append(tier[:pick], tier[pick+1:]...)
			}
			i = end
		}
		rest = out
	}
	return append(poo, rest...)
}

func (c GiveFloor) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair gives the floor")
	}
	st := s.Sitting()
	if st == nil {
		return nil, closed("no sitting is open; the floor is given in a sitting")
	}
	it, err := s.openItem(c.Item)
	if err != nil {
		return nil, err
	}
	if it.Floor.Speaker != "" {
		// Only an interposed question is given while someone speaks.
		if it.Floor.Interrupted == "" && !c.Summary {
			for _, r := range s.SpeakersList(c.Item) {
				if r.Kind == "question" && (c.Person == "" || r.Person == c.Person) {
					return one(FloorGiven{Meta: m, Item: c.Item, Person: r.Person, Kind: "question", Seq: r.Seq})
				}
			}
		}
		return nil, conflict("%s has the floor; end the speech first", it.Floor.Speaker)
	}
	reporter := contains(it.Reporters, c.Person) || contains(it.CoReporters, c.Person)
	if c.Summary {
		if c.Person == "" || !reporter {
			return nil, fieldErr("person", "only a reporter or co-reporter of %s sums up; name them", c.Item)
		}
		if !it.Floor.DiscussionClosed {
			return nil, conflict("the reporters sum up after the discussion closes; the discussion on %s is open", c.Item)
		}
		return one(FloorGiven{Meta: m, Item: c.Item, Person: c.Person, Kind: "summary"})
	}
	list := s.SpeakersList(c.Item)
	if c.Person == "" {
		if len(list) > 0 && list[0].Kind != "point_of_order" {
			if mo := s.undebatablePending(c.Item); mo != nil {
				return nil, conflict("the pending question %s (%s) is not debatable; it is put to the vote without debate", mo.ID, mo.Title)
			}
		}
		if len(list) == 0 {
			return nil, notFound("nobody is waiting on the list for %s", c.Item)
		}
		r := list[0]
		return s.floorGiven(m, it, r.Person, r.Kind, r.Side, r.Seq)
	}
	if i := pendingRequest(it, c.Person, "point_of_order"); i >= 0 {
		return one(FloorGiven{Meta: m, Item: c.Item, Person: c.Person, Kind: "point_of_order", Seq: it.Floor.Requests[i].Seq})
	}
	if it.Floor.DiscussionClosed {
		return nil, closed("the discussion on %s is closed; only the reporters sum up (give_floor with summary) and points of order are heard", c.Item)
	}
	if mo := s.undebatablePending(c.Item); mo != nil {
		return nil, conflict("the pending question %s (%s) is not debatable; it is put to the vote without debate", mo.ID, mo.Title)
	}
	if err := s.mayTakeFloor(it, c.Person); err != nil {
		return nil, err
	}
	if c.Motion != "" || c.Side != "" {
		return s.procedureSpeech(m, it, c)
	}
	if reporter && pendingRequest(it, c.Person, "") < 0 {
		return one(FloorGiven{Meta: m, Item: c.Item, Person: c.Person, Kind: "report"})
	}
	if c.Person == st.Chair && pendingRequest(it, c.Person, "") < 0 {
		return one(FloorGiven{Meta: m, Item: c.Item, Person: c.Person, Kind: "chair"})
	}
	for k, r := range list {
		if r.Person == c.Person {
			if k > 0 {
				return nil, conflict("out of order: %s is next on the list for %s, before %s", list[0].Person, c.Item, c.Person)
			}
			return s.floorGiven(m, it, r.Person, r.Kind, r.Side, r.Seq)
		}
	}
	if len(list) > 0 {
		return nil, conflict("%s has not asked for the floor on %s, and %s is waiting", c.Person, c.Item, list[0].Person)
	}
	return s.floorGiven(m, it, c.Person, "speech", "", 0)
}

// procedureSpeech gives the floor ahead of the list for a speech for or
// against a pending procedural motion on the item (to close the
// discussion, to close the list, …): one speech for and one against each,
// as rules of procedure usually hear on a procedural motion before its
// vote (REVIEW-CHAIR #9: it was refused as out of the list's order). The
// turn is a speech with its side and motion recorded; it serves no
// request on the list, whose order stays as it was.
func (s *State) procedureSpeech(m Meta, it *Item, c GiveFloor) ([]Event, error) {
	if c.Motion == "" || c.Side == "" {
		return nil, fieldErr("motion", "a speech ahead of the list is for or against a procedural motion: give the motion and the side")
	}
	mo, err := s.motion(c.Motion)
	if err != nil {
		return nil, err
	}
	if mo.Kind != "procedural" || mo.Status != MotionStatusPending || (mo.Item != "" && mo.Item != it.ID) {
		return nil, conflict("%s is not a procedural motion pending on %s; speeches ahead of the list are for or against one", mo.ID, it.ID)
	}
	for _, t := range it.Floor.Turns {
		if t.Motion == mo.ID && t.Side == c.Side {
			return nil, conflict("%s has already had its speech %s; one speech for and one against a procedural motion", mo.ID, sideWord(c.Side))
		}
	}
	return one(FloorGiven{Meta: m, Item: it.ID, Person: c.Person, Kind: "speech", Side: c.Side, Motion: mo.ID})
}

// floorGiven gives the floor for a speech, reply or short intervention,
// within the rules' limit of speeches and the speaking time allotted to
// the speaker's delegation or tendency.
func (s *State) floorGiven(m Meta, it *Item, person, kind, side string, seq int) ([]Event, error) {
	if err := s.speechesLeft(it, person, kind); err != nil {
		return nil, err
	}
	ev := FloorGiven{Meta: m, Item: it.ID, Person: person, Kind: kind, Side: side, Seq: seq}
	if g := s.allowanceGroup(it, person); g != "" && s.Assembly.Rules.allowanceCounts(kind) {
		left := it.Floor.Allotted[g] - it.Floor.Used[g]
		if left <= 0 {
			return nil, conflict("the speaking time allotted to %s on %s is used up (%d of %d seconds); %s may not take the floor for %s", s.orgName(g), it.ID, it.Floor.Used[g], it.Floor.Allotted[g], person, speechKind(kind))
		}
		ev.Allowance, ev.Left = g, left
	}
	return one(ev)
}

func (e FloorGiven) apply(s *State) error {
	it := s.Items[e.Item]
	interposed := e.Kind == "question" && it != nil && it.Floor.Speaker != "" && it.Floor.Interrupted == ""
	if it == nil || it.Floor.Speaker != "" && !interposed {
		return corrupt("the floor on %q cannot be given", e.Item)
	}
	if e.Seq > 0 {
		found := false
		for i := range it.Floor.Requests {
			if r := &it.Floor.Requests[i]; r.Seq == e.Seq && r.Person == e.Person && !r.Served && !r.Withdrawn {
				r.Served, found = true, true
			}
		}
		if !found {
			return corrupt("the request %d of %s is not waiting", e.Seq, e.Person)
		}
	}
	if interposed {
		it.Floor.Interrupted = it.Floor.Speaker
	} else {
		it.Floor.Spoken[e.Person]++
	}
	it.Floor.Speaker = e.Person
	it.Floor.Turns = append(it.Floor.Turns, Turn{Order: len(it.Floor.Turns) + 1, Person: e.Person, Kind: e.Kind, Side: e.Side, From: e.At,
		Sitting: s.OpenSitting, Allowance: e.Allowance, Left: e.Left, Motion: e.Motion, Limit: s.setLimit(it, e.Kind)})
	s.note(e.Meta, e.EventType(), e.Item, func(r *RecordEntry) { r.Item, r.Person, r.Sub = e.Item, e.Person, e.Kind })
	return nil
}

func (c EndSpeech) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair ends a speech")
	}
	it, err := s.item(c.Item)
	if err != nil {
		return nil, err
	}
	if it.Floor.Speaker == "" {
		return nil, conflict("nobody has the floor on %s", c.Item)
	}
	return one(SpeechEnded{Meta: m, Item: c.Item})
}

// endTurn ends the turn of whoever has the floor. An interposed question
// ending gives the floor back to the speaker it interrupted, whose turn
// does not count its time; a speech ending lets the questions waiting to
// be put to it lapse. The time spoken is added to what the speaker's
// delegation or tendency has used of its allotment.
func (s *State) endTurn(it *Item, at time.Time, deprived bool, reason string) {
	f := &it.Floor
	t := &f.Turns[len(f.Turns)-1]
	for i := len(f.Turns) - 1; i >= 0; i-- {
		if f.Turns[i].To.IsZero() { // the turn running: a resumed speech is not the last
			t = &f.Turns[i]
			break
		}
	}
	r := s.Assembly.Rules
	t.To, t.Deprived, t.Reason = at, deprived, reason
	t.Seconds = int(at.Sub(t.From)/time.Second) - t.Paused
	if lim := s.TurnLimit(t); lim > 0 && t.Seconds > lim {
		t.Overtime = true
	}
	if t.Allowance != "" && r.allowanceCounts(t.Kind) {
		if f.Used == nil {
			f.Used = map[string]int{}
		}
		f.Used[t.Allowance] += t.Seconds
	}
	if f.Interrupted != "" {
		for i := len(f.Turns) - 2; i >= 0; i-- {
			if sp := &f.Turns[i]; sp.Person == f.Interrupted && sp.To.IsZero() {
				sp.Paused += int(at.Sub(t.From) / time.Second)
				break
			}
		}
		f.Speaker, f.Interrupted = f.Interrupted, ""
		return
	}
	for i := range f.Requests {
		if q := &f.Requests[i]; q.Kind == "question" && !q.Served && !q.Withdrawn {
			q.Withdrawn = true
		}
	}
	f.Speaker = ""
}

// endFloor ends every turn on the item: an interposed question, then the
// speech it interrupted.
func (s *State) endFloor(it *Item, at time.Time) {
	for it.Floor.Speaker != "" {
		s.endTurn(it, at, false, "")
	}
}

// speechesLeft refuses a speech, reply or short intervention beyond the
// rules' limit of speeches by one person on one item in one sitting
// (Rules.MaxSpeeches). A speech for or against a procedural motion, given
// ahead of the list (Turn.Motion), is on the procedure, not the
// substance: it is not counted.
func (s *State) speechesLeft(it *Item, person, kind string) error {
	max := s.Assembly.Rules.MaxSpeeches
	if max == 0 || !(kind == "speech" || kind == "reply" || kind == "intervention") {
		return nil
	}
	n := 0
	for _, t := range it.Floor.Turns {
		if t.Person == person && t.Sitting == s.OpenSitting && t.Motion == "" && (t.Kind == "speech" || t.Kind == "reply" || t.Kind == "intervention") {
			n++
		}
	}
	if n >= max && max == 1 { // the English says "one speech", not "1 speeches"
		return conflict("%s has already spoken on %s in this sitting; the rules of procedure allow one speech by one person on one question", person, it.ID)
	}
	if n >= max {
		return conflict("%s has spoken %d times on %s in this sitting; the rules of procedure allow %d speeches by one person on one question", person, n, it.ID, max)
	}
	return nil
}

func (e SpeechEnded) apply(s *State) error {
	it := s.Items[e.Item]
	if it == nil || it.Floor.Speaker == "" || len(it.Floor.Turns) == 0 {
		return corrupt("nobody has the floor on %q", e.Item)
	}
	s.endTurn(it, e.At, false, "")
	return nil
}

func (c DepriveFloor) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair may deprive a speaker of the floor")
	}
	it, err := s.item(c.Item)
	if err != nil {
		return nil, err
	}
	if it.Floor.Speaker == "" {
		return nil, conflict("nobody has the floor on %s", c.Item)
	}
	return one(FloorDeprived{Meta: m, Item: c.Item, Person: it.Floor.Speaker, Reason: c.Reason})
}

func (e FloorDeprived) apply(s *State) error {
	it := s.Items[e.Item]
	if it == nil || it.Floor.Speaker == "" || it.Floor.Speaker != e.Person {
		return corrupt("%s does not have the floor on %q", e.Person, e.Item)
	}
	s.endTurn(it, e.At, true, e.Reason)
	s.note(e.Meta, e.EventType(), e.Item, func(r *RecordEntry) {
		r.Item, r.Person, r.Text = e.Item, e.Person, fmt.Sprintf("The chair deprives %s of the floor", e.Person)
		if e.Reason != "" {
			r.Text += ": " + e.Reason
		}
	})
	return nil
}

func (c CloseList) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair closes the list of speakers")
	}
	it, err := s.openItem(c.Item)
	if err != nil {
		return nil, err
	}
	if it.Floor.ListClosed {
		return nil, closed("the list of speakers on %s is already closed", c.Item)
	}
	return one(ListClosed{Meta: m, Item: c.Item})
}

func (e ListClosed) apply(s *State) error {
	it := s.Items[e.Item]
	if it == nil || it.Floor.ListClosed {
		return corrupt("the list on %q cannot be closed", e.Item)
	}
	it.Floor.ListClosed = true
	s.note(e.Meta, e.EventType(), e.Item, func(r *RecordEntry) { r.Item, r.Text = e.Item, "The list of speakers is closed." })
	return nil
}

func (c ReopenList) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair reopens the list of speakers")
	}
	it, err := s.openItem(c.Item)
	if err != nil {
		return nil, err
	}
	if it.Floor.DiscussionClosed {
		return nil, closed("the discussion on %s is closed; its list of speakers is not reopened", c.Item)
	}
	if !it.Floor.ListClosed {
		return nil, conflict("the list of speakers on %s is open", c.Item)
	}
	return one(ListReopened{Meta: m, Item: c.Item})
}

func (e ListReopened) apply(s *State) error {
	it := s.Items[e.Item]
	if it == nil || !it.Floor.ListClosed || it.Floor.DiscussionClosed {
		return corrupt("the list on %q cannot be reopened", e.Item)
	}
	it.Floor.ListClosed = false
	s.note(e.Meta, e.EventType(), e.Item, func(r *RecordEntry) { r.Item, r.Text = e.Item, "The list of speakers is reopened." })
	return nil
}

func (c CloseDiscussion) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair closes the discussion")
	}
	it, err := s.openItem(c.Item)
	if err != nil {
		return nil, err
	}
	if it.Floor.DiscussionClosed {
		return nil, closed("the discussion on %s is already closed", c.Item)
	}
	return one(DiscussionClosed{Meta: m, Item: c.Item})
}

func (e DiscussionClosed) apply(s *State) error {
	it := s.Items[e.Item]
	if it == nil || it.Floor.DiscussionClosed {
		return corrupt("the discussion on %q cannot be closed", e.Item)
	}
	it.Floor.DiscussionClosed, it.Floor.ListClosed = true, true
	s.note(e.Meta, e.EventType(), e.Item, func(r *RecordEntry) { r.Item, r.Text = e.Item, "Discussion closed." })
	return nil
}

func init() {
	registerCommands(RequestFloor{}, WithdrawRequest{}, GiveFloor{}, EndSpeech{}, DepriveFloor{}, CloseList{}, CloseDiscussion{}, ReopenList{})
	registerEvents(FloorRequested{}, FloorRequestWithdrawn{}, FloorGiven{}, SpeechEnded{}, FloorDeprived{}, ListClosed{}, DiscussionClosed{}, ListReopened{})
}
