package assembly

import (
	"fmt"
	"slices"
	"sort"
)

// MoveMotion puts a motion, an amendment or a procedural motion before the assembly.
type MoveMotion struct {
	ID        string  `json:"id" plenum:"required,id"`
	Kind      string  `json:"kind" plenum:"required,enum=substantive|amendment|procedural"`
	Procedure string  `json:"procedure" plenum:"enum=close_discussion|close_list|elect_committee|table|order_of_voting|discuss_or_not|invite_back|reconsider|instruct_committee|suspend_rules|other"`
	Title     string  `json:"title" plenum:"required"`
	Text      string  `json:"text"`
	Points    []Point `json:"points"`
	Amends    string  `json:"amends" plenum:"id"`
	Target    string  `json:"target" plenum:"id"`
	Mover     string  `json:"mover" plenum:"id"`
	Label     string  `json:"label"`
	Item      string  `json:"item" plenum:"id"`
	Document  string  `json:"document" plenum:"id"`
	// Change is an amendment's change to lines or a paragraph of the
	// text it amends (amendtext.go).
	Change *TextChange `json:"change"`
}

// SecondMotion records a delegate seconding a motion.
type SecondMotion struct {
	Motion string `json:"motion" plenum:"required,id"`
	By     string `json:"by" plenum:"required,id"`
}

// WithdrawMotion withdraws a motion (and the amendments pending on it).
type WithdrawMotion struct {
	Motion string `json:"motion" plenum:"required,id"`
}

// DisposeMotion records the fate of a motion that was not voted on: it
// lapsed, was referred (to a committee), was overtaken by another decision,
// or its fate is not recorded (a restored record).
type DisposeMotion struct {
	Motion string `json:"motion" plenum:"required,id"`
	Fate   string `json:"fate" plenum:"required,enum=lapsed|referred|overtaken|not_recorded"`
	Note   string `json:"note"`
}

// GroupAlternatives groups competing drafts, to vote on which is taken as the basis.
type GroupAlternatives struct {
	ID      string   `json:"id" plenum:"required,id"`
	Title   string   `json:"title" plenum:"required"`
	Motions []string `json:"motions" plenum:"required,id"`
}

func (MoveMotion) CommandName() string        { return "move_motion" }
func (SecondMotion) CommandName() string      { return "second_motion" }
func (WithdrawMotion) CommandName() string    { return "withdraw_motion" }
func (GroupAlternatives) CommandName() string { return "group_alternatives" }
func (DisposeMotion) CommandName() string     { return "dispose_motion" }

// MotionDisposed: a motion left the floor without a vote, with its fate.
type MotionDisposed struct {
	Meta   `json:"meta"`
	Motion string `json:"motion"`
	Fate   string `json:"fate"`
	Note   string `json:"note"`
}

func (MotionDisposed) EventType() string { return "motion_disposed" }

func (c DisposeMotion) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) && !s.isSecretary(m.Actor) {
		return nil, forbidden("only the chair or a secretary records the fate of a motion")
	}
	mo, err := s.motion(c.Motion)
	if err != nil {
		return nil, err
	}
	if mo.Status != MotionStatusPending {
		return nil, conflict("the motion %s is %s", mo.ID, stateWord(mo.Status))
	}
	if v, on := s.openVoteUnder(mo); v != "" {
		return nil, conflict("the vote %s on %s is not yet declared", v, on)
	}
	return one(MotionDisposed{Meta: m, Motion: c.Motion, Fate: c.Fate, Note: c.Note})
}

func (e MotionDisposed) apply(s *State) error {
	mo := s.Motions[e.Motion]
	if mo == nil || mo.Status != MotionStatusPending {
		return corrupt("the motion %q cannot be disposed of", e.Motion)
	}
	mo.Fate = e.Note
	s.setStatus(mo, e.Fate)
	for _, a := range s.pendingAmending(mo.ID, true) {
		s.setStatus(a, e.Fate)
	}
	s.note(e.Meta, e.EventType(), e.Motion, func(r *RecordEntry) { r.Sub, r.Text, r.Label = e.Fate, mo.Title, e.Note })
	return nil
}

// MotionMoved: a motion was moved.
type MotionMoved struct {
	Meta      `json:"meta"`
	ID        string  `json:"id"`
	Kind      string  `json:"kind"`
	Procedure string  `json:"procedure"`
	Title     string  `json:"title"`
	Text      string  `json:"text"`
	Points    []Point `json:"points"`
	Amends    string  `json:"amends"`
	Target    string  `json:"target"`
	Mover     string  `json:"mover"`
	Label     string  `json:"label"`
	Item      string  `json:"item"`
	Document  string  `json:"document"`
	Sitting   string  `json:"sitting"`
	// Reconsiders is the vote a motion to reconsider reconsiders; Note says
	// what of the rules on reconsideration could not be checked.
	Reconsiders string  `json:"reconsiders,omitempty"`
	Note        string  `json:"note,omitempty"`
	Change      *Change `json:"change,omitempty"`
}

// MotionSeconded: a motion was seconded.
type MotionSeconded struct {
	Meta   `json:"meta"`
	Motion string `json:"motion"`
	By     string `json:"by"`
}

// MotionStatusWithdrawn: a motion was withdrawn, with the amendments pending on it.
type MotionWithdrawn struct {
	Meta   `json:"meta"`
	Motion string `json:"motion"`
}

// AlternativesGrouped: competing drafts were grouped.
type AlternativesGrouped struct {
	Meta    `json:"meta"`
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Motions []string `json:"motions"`
}

// MotionReopened: a decided motion is pending again (reconsideration carried).
type MotionReopened struct {
	Meta   `json:"meta"`
	Motion string `json:"motion"`
}

func (MotionMoved) EventType() string         { return "motion_moved" }
func (MotionSeconded) EventType() string      { return "motion_seconded" }
func (MotionWithdrawn) EventType() string     { return "motion_withdrawn" }
func (AlternativesGrouped) EventType() string { return "alternatives_grouped" }
func (MotionReopened) EventType() string      { return "motion_reopened" }

func (s *State) motion(id string) (*Motion, error) {
	mo := s.Motions[id]
	if mo == nil {
		return nil, notFound("there is no motion %q", id)
	}
	return mo, nil
}

// depth is 0 for a motion, 1 for an amendment, 2 for an amendment to an amendment.
func (s *State) depth(mo *Motion) int {
	d := 0
	for mo != nil && mo.Amends != "" && d < 64 {
		mo = s.Motions[mo.Amends]
		d++
	}
	return d
}

// amendsTransitively reports whether a is an amendment (at any depth) of b.
func (s *State) amendsTransitively(a, b *Motion) bool {
	for i := 0; a != nil && a.Amends != "" && i < 64; i++ {
		if a.Amends == b.ID {
			return true
		}
		a = s.Motions[a.Amends]
	}
	return false
}

// Rank is a motion's precedence: the higher is voted first. It follows
// Robert's Rules: lay on the table 7, previous question 6, limit debate 5,
// commit 4, amendments 2–3, main motion 1; incidental motions 8.
func (s *State) Rank(mo *Motion) int {
	switch mo.Kind {
	case "amendment":
		return 1 + s.depth(mo)
	case "procedural":
		switch mo.Procedure {
		case "order_of_voting", "discuss_or_not", "reconsider", "suspend_rules":
			return 8
		case "table":
			return 7
		case "close_discussion":
			return 6
		case "close_list":
			return 5
		case "elect_committee", "instruct_committee":
			return 4
		}
	}
	return 1
}

func (c MoveMotion) decide(s *State, m Meta) ([]Event, error) {
	officer := s.isChair(m.Actor) || s.isSecretary(m.Actor)
	if !officer {
		if _, ok := s.voting[m.Actor]; !ok {
			return nil, forbidden("%s holds no verified mandate and may not move motions", m.Actor)
		}
		if (c.Mover != "" && c.Mover != m.Actor) || c.Label != "" {
			return nil, forbidden("a delegate moves motions in their own name only; the chair or a secretary records others'")
		}
	}
	st := s.Sitting()
	if st == nil {
		return nil, closed("no sitting is open; motions are moved in a sitting")
	}
	if s.Motions[c.ID] != nil {
		return nil, conflict("there is already a motion %q", c.ID)
	}
	if err := c.checkSize(); err != nil {
		return nil, err
	}
	if !officer {
		if err := s.checkPendingLimit(m.Actor); err != nil {
			return nil, err
		}
	}
	mover := c.Mover
	if mover == "" && c.Label == "" {
		mover = m.Actor
	}
	if err := s.personOrLabel("mover", mover, c.Label, true); err != nil {
		return nil, err
	}
	switch {
	case c.Kind == "amendment" && c.Amends == "":
		return nil, fieldErr("amends", "an amendment must say which motion it amends")
	case c.Kind != "amendment" && c.Amends != "":
		return nil, fieldErr("amends", "only an amendment amends a motion; make the kind amendment")
	case c.Kind == "procedural" && c.Procedure == "":
		return nil, fieldErr("procedure", "a procedural motion must say which procedure it is (procedure)")
	case c.Kind != "procedural" && c.Procedure != "":
		return nil, fieldErr("procedure", "only a procedural motion has a procedure; make the kind procedural")
	case c.Change != nil && c.Kind != "amendment":
		return nil, fieldErr("change", "only an amendment changes the text of a motion; make the kind amendment")
	case c.Change != nil && c.Text != "":
		return nil, fieldErr("text", "an amendment with a change gives its new wording in change.text, not in text")
	}
	var change *Change
	item := c.Item
	if item == "" {
		item = st.CurrentItem
	} else if _, err := s.item(item); err != nil {
		return nil, err
	}
	if c.Amends != "" {
		parent, err := s.motion(c.Amends)
		if err != nil {
			return nil, err
		}
		if parent.Status != MotionStatusPending {
			return nil, conflict("the motion %s is %s and can no longer be amended", parent.ID, stateWord(parent.Status))
		}
		if s.Assembly.Rules.Precedence && s.depth(parent) >= 2 {
			return nil, conflict("%s is already an amendment to an amendment; the rules allow no further level", parent.ID)
		}
		if !s.Amendable(parent) {
			return nil, conflict("%s (%s) cannot be amended under the rules of procedure", parent.ID, parent.Title)
		}
		if item == "" {
			item = parent.Item
		}
		if change, err = s.resolveChange(parent, c.Change); err != nil {
			return nil, err
		}
		if p := s.pendingClash("amendment", parent.ID, item, ""); p != nil {
			return nil, clashError("amendment", p)
		}
	}
	if c.Kind == "substantive" {
		if p := s.pendingClash("substantive", "", item, ""); p != nil {
			return nil, clashError("substantive", p)
		}
	}
	if c.Document != "" && s.Documents[c.Document] == nil {
		return nil, notFound("there is no document %q; %s first", c.Document, CommandRef("read_document"))
	}
	if c.Target != "" {
		if !s.exists(c.Target) {
			return nil, notFound("the target %q is no item, body, motion, vote or election", c.Target)
		}
	}
	var reconsiders, note string
	if c.Procedure == "reconsider" {
		v, t, err := s.reconsidered(c.Target)
		if err != nil {
			return nil, err
		}
		// Under Robert's conditions a vote named as the target is judged by
		// its own state (below); otherwise the motion must be decided.
		byVote := s.Assembly.Rules.Reconsideration() && v != nil && v.ID == c.Target
		if !byVote && t.Status != MotionStatusCarried && t.Status != MotionStatusDefeated {
			return nil, conflict("the motion %s is %s; only a decided motion can be reconsidered", t.ID, stateWord(t.Status))
		}
		if s.Assembly.Rules.Reconsideration() {
			outcome := t.Status
			if v != nil && v.Result != nil {
				outcome = v.Result.Outcome
			}
			if !s.Reconsiderable(t, outcome) {
				return nil, conflict("%s (%s) was %s; under the rules of procedure that vote cannot be reconsidered", t.ID, t.Title, outcome)
			}
			if note, err = s.mayReconsider(v, t, mover, c.Label, st.ID); err != nil {
				return nil, err
			}
		}
		if v != nil {
			reconsiders = v.ID
		}
	}
	if c.Procedure == "instruct_committee" && c.Target != "" && s.Bodies[c.Target] == nil {
		return nil, fieldErr("target", "a motion to instruct a committee names the committee as its target")
	}
	return one(MotionMoved{Meta: m,
		ID: c.ID, Kind: c.Kind, Procedure: c.Procedure, Title: c.Title, Text: c.Text, Points: c.Points,
		Amends: c.Amends, Target: c.Target, Mover: mover, Label: c.Label, Item: item, Document: c.Document,
		Sitting: st.ID, Reconsiders: reconsiders, Note: note, Change: change,
	})
}

// reconsidered resolves the target of a motion to reconsider: a vote on a
// motion, or a motion, whose last vote is the one reconsidered. v is nil
// when the motion was never put to the vote.
func (s *State) reconsidered(target string) (v *Vote, t *Motion, err error) {
	if v = s.Votes[target]; v != nil {
		if t = s.Motions[v.Motion]; t == nil {
			return nil, nil, fieldErr("target", "the vote %s was on no motion; only a vote on a motion can be reconsidered", v.ID)
		}
		return v, t, nil
	}
	if t = s.Motions[target]; t == nil {
		return nil, nil, fieldErr("target", "a motion to reconsider names the decided motion, or the vote on it, as its target")
	}
	if n := len(t.Votes); n > 0 {
		v = s.Votes[t.Votes[n-1]]
	}
	return v, t, nil
}

// mayReconsider applies Robert's conditions on a motion to reconsider the
// vote v (on the motion t): the vote was declared carried or defeated, in
// the sitting now open (Robert's "same session"), no motion to reconsider
// it was made before, and its mover voted with the prevailing side. Sides
// are known only from the ballots of a roll call; otherwise the last
// condition cannot be checked and the returned note says so.
func (s *State) mayReconsider(v *Vote, t *Motion, mover, label, sitting string) (string, error) {
	only := reason("only a vote declared carried or defeated can be reconsidered")
	switch {
	case v == nil:
		return "", conflict("no vote on %s is recorded; %s", t.ID, only)
	case v.Status == VoteStatusOpen:
		return "", conflict("the vote %s is still open; %s", v.ID, only)
	case v.Status != VoteStatusDeclared || v.Result == nil:
		return "", conflict("the result of %s is not yet declared; %s", v.ID, only)
	case v.Result.Outcome != MotionStatusCarried && v.Result.Outcome != MotionStatusDefeated:
		return "", conflict("the result of %s is %s; %s", v.ID, outcomeWord(v.Result.Outcome), only)
	}
	if v.Sitting != sitting {
		return "", conflict("the vote %s was taken in the sitting %s; a motion to reconsider it is moved in that same sitting, not in %s", v.ID, v.Sitting, sitting)
	}
	for _, id := range s.MotionOrder {
		if mo := s.Motions[id]; mo.Procedure == "reconsider" && (mo.Reconsiders == v.ID || mo.Reconsiders == "" && mo.Target == v.ID) {
			return "", conflict("a motion to reconsider %s was already made (%s); a vote is reconsidered only once", v.ID, mo.ID)
		}
	}
	side := "for"
	if v.Result.Outcome == MotionStatusDefeated {
		side = "against"
	}
	if v.Method != "roll_call" || len(v.Ballots) == 0 {
		how := map[string]string{"show_of_hands": "a show of hands", "secret": "secret ballot", "encrypted": "encrypted secret ballot", "roll_call": "roll call with no ballots recorded"}[v.Method]
		if how == "" {
			how = v.Method
		}
		return fmt.Sprintf("%s was by %s; whether the mover voted with the prevailing side (%s) cannot be checked", v.ID, how, side), nil
	}
	if mover == "" {
		return "", conflict("%s was a roll call, so it is known who voted with the prevailing side (%s); name the mover (mover), not only a label (%s), so that it can be checked", v.ID, side, label)
	}
	own := "p:" + mover
	if md, ok := s.VotingMandate(mover); ok {
		own = md.ID
	}
	var ballot *Ballot
	for i := range v.Ballots {
		if b := &v.Ballots[i]; b.Voter == mover && (ballot == nil || b.Right == own) {
			ballot = b
		}
	}
	if ballot == nil {
		return "", conflict("%s did not vote in %s; only one who voted with the prevailing side (%s) may move to reconsider it", mover, v.ID, side)
	}
	if ballot.Choice != side {
		return "", conflict("%s voted %s in %s, which was %s; only one who voted with the prevailing side (%s) may move to reconsider it", mover, ballot.Choice, v.ID, outcomeWord(v.Result.Outcome), side)
	}
	return "", nil
}

func (s *State) exists(id string) bool {
	return s.Items[id] != nil || s.Bodies[id] != nil || s.Motions[id] != nil || s.Votes[id] != nil || s.Elections[id] != nil
}

func (e MotionMoved) apply(s *State) error {
	if e.ID == "" || s.Motions[e.ID] != nil {
		return corrupt("the motion %q cannot be moved", e.ID)
	}
	if e.Amends != "" && s.Motions[e.Amends] == nil {
		return corrupt("the motion %q amends an unknown motion", e.ID)
	}
	mo := Motion{ID: e.ID, Kind: e.Kind, Procedure: e.Procedure, Title: e.Title, Text: e.Text, Points: slices.Clone(e.Points),
		Amends: e.Amends, Target: e.Target, Mover: e.Mover, Label: e.Label, Item: e.Item, Document: e.Document,
		Sitting: e.Sitting, Status: MotionStatusPending, Seq: len(s.MotionOrder) + 1, Reconsiders: e.Reconsiders, Note: e.Note}
	mo.Change, mo.Number = e.Change, s.amendmentNumber(e.Amends)
	mo.recorded = e.Actor != e.Mover
	s.addMotion(&mo)
	s.note(e.Meta, e.EventType(), mo.ID, func(r *RecordEntry) {
		if mo.Item != "" {
			r.Item = mo.Item
		}
		r.Person, r.Label, r.Text, r.Sub = mo.Mover, mo.Label, mo.Title, mo.Kind
	})
	return nil
}

func (c SecondMotion) decide(s *State, m Meta) ([]Event, error) {
	if m.Actor != c.By && !s.isChair(m.Actor) && !s.isSecretary(m.Actor) {
		return nil, forbidden("a motion is seconded by the delegate themselves (or recorded by the chair or a secretary)")
	}
	mo, err := s.motion(c.Motion)
	if err != nil {
		return nil, err
	}
	if mo.Status != MotionStatusPending {
		return nil, conflict("the motion %s is %s", mo.ID, stateWord(mo.Status))
	}
	md, ok := s.VotingMandate(c.By)
	if !ok || md.Kind != KindDecisive {
		return nil, forbidden("%s holds no verified decisive mandate and cannot second a motion", c.By)
	}
	if mo.Mover == c.By {
		return nil, conflict("%s moved %s and cannot second their own motion", c.By, mo.ID)
	}
	if contains(mo.Seconds, c.By) {
		return nil, conflict("%s has already seconded %s", c.By, mo.ID)
	}
	return one(MotionSeconded{Meta: m, Motion: c.Motion, By: c.By})
}

func (e MotionSeconded) apply(s *State) error {
	mo := s.Motions[e.Motion]
	if mo == nil || mo.Status != MotionStatusPending {
		return corrupt("the motion %q cannot be seconded", e.Motion)
	}
	mo.Seconds = append(mo.Seconds, e.By)
	return nil
}

func (c WithdrawMotion) decide(s *State, m Meta) ([]Event, error) {
	mo, err := s.motion(c.Motion)
	if err != nil {
		return nil, err
	}
	if s.beforeFloor(mo) {
		return s.withdrawSubmitted(m, mo)
	}
	if m.Actor != mo.Mover && !s.isChair(m.Actor) {
		return nil, forbidden("only the mover (%s) or the chair may withdraw %s", mo.Mover, mo.ID)
	}
	if mo.Status != MotionStatusPending {
		return nil, conflict("the motion %s is %s and cannot be withdrawn", mo.ID, stateWord(mo.Status))
	}
	if v, on := s.openVoteUnder(mo); v != "" {
		if on != mo.ID {
			return nil, conflict("the vote %s on %s, which amends %s, is not yet declared; a motion is not withdrawn during a vote on it or on its amendments", v, on, mo.ID)
		}
		return nil, conflict("the vote %s on %s is open; a motion is not withdrawn during its vote", v, mo.ID)
	}
	return one(MotionWithdrawn{Meta: m, Motion: c.Motion})
}

// openVoteUnder returns a vote not yet declared on mo or on an amendment
// pending on it, and the motion it is on: withdrawing or disposing of mo
// would take that motion off the floor in the middle of its vote.
func (s *State) openVoteUnder(mo *Motion) (vote, on string) {
	if v := s.openVoteOn(mo.ID); v != "" {
		return v, mo.ID
	}
	for _, a := range s.pendingAmending(mo.ID, true) {
		if v := s.openVoteOn(a.ID); v != "" {
			return v, a.ID
		}
	}
	return "", ""
}

// openVoteInFamily returns a vote not yet declared on the motion mo
// belongs to (the motion that is not itself an amendment) or on any
// amendment pending on it, with the motion the vote is on and that
// motion's id: competing amendments, or an amendment and its motion, are
// not put to the vote at the same time, for the result of one decides
// what the other is (REVIEW-CHAIR #2).
func (s *State) openVoteInFamily(mo *Motion) (vote, on, root string) {
	r := mo
	for i := 0; r.Amends != "" && i < 64; i++ {
		p := s.Motions[r.Amends]
		if p == nil {
			break
		}
		r = p
	}
	vote, on = s.openVoteUnder(r)
	return vote, on, r.ID
}

// FamilyVote returns the vote not yet declared on the motion id, on the
// motion it amends (at any remove) or on any amendment pending on that
// motion, or "": while it is in progress, open_vote on id is refused.
func (s *State) FamilyVote(id string) string {
	mo := s.Motions[id]
	if mo == nil {
		return ""
	}
	v, _, _ := s.openVoteInFamily(mo)
	return v
}

// openVoteOn returns the first vote on a motion not yet declared, or "".
func (s *State) openVoteOn(motion string) string {
	if mo := s.Motions[motion]; mo != nil {
		for _, id := range mo.Votes {
			if s.Votes[id].InProgress() {
				return id
			}
		}
	}
	return ""
}

func (e MotionWithdrawn) apply(s *State) error {
	mo := s.Motions[e.Motion]
	if mo == nil || mo.Status != MotionStatusPending {
		return corrupt("the motion %q cannot be withdrawn", e.Motion)
	}
	s.setStatus(mo, MotionStatusWithdrawn)
	for _, a := range s.pendingAmending(mo.ID, true) {
		s.setStatus(a, MotionStatusWithdrawn)
	}
	s.note(e.Meta, e.EventType(), e.Motion, func(r *RecordEntry) { r.Person, r.Text = mo.Mover, mo.Title })
	return nil
}

func (c GroupAlternatives) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair groups competing drafts")
	}
	if s.Alternatives[c.ID] != nil {
		return nil, conflict("there is already a group of alternatives %q", c.ID)
	}
	if len(c.Motions) < 2 {
		return nil, fieldErr("motions", "alternatives are at least two competing drafts")
	}
	for _, id := range c.Motions {
		mo, err := s.motion(id)
		if err != nil {
			return nil, err
		}
		if mo.Status != MotionStatusPending {
			return nil, conflict("the motion %s is %s", id, stateWord(mo.Status))
		}
		if mo.Kind == "amendment" {
			return nil, conflict("%s is an amendment; alternatives are drafts", id)
		}
		if mo.Group != "" {
			return nil, conflict("%s already competes in %s", id, mo.Group)
		}
		if v, on := s.openVoteUnder(mo); v != "" {
			return nil, conflict("the vote %s on %s is not yet declared; drafts are grouped before they are voted on", v, on)
		}
	}
	return one(AlternativesGrouped{Meta: m, ID: c.ID, Title: c.Title, Motions: c.Motions})
}

func (e AlternativesGrouped) apply(s *State) error {
	a := Alternatives{ID: e.ID, Title: e.Title, Motions: slices.Clone(e.Motions)}
	if a.ID == "" || s.Alternatives[a.ID] != nil {
		return corrupt("the alternatives %q cannot be grouped", a.ID)
	}
	for _, id := range a.Motions {
		if s.Motions[id] == nil {
			return corrupt("unknown motion %q among alternatives", id)
		}
	}
	s.Alternatives[a.ID] = &a
	for _, id := range a.Motions {
		s.Motions[id].Group = a.ID
	}
	return nil
}

func (e MotionReopened) apply(s *State) error {
	mo := s.Motions[e.Motion]
	if mo == nil || (mo.Status != MotionStatusCarried && mo.Status != MotionStatusDefeated) {
		return corrupt("the motion %q cannot be reopened", e.Motion)
	}
	s.setStatus(mo, MotionStatusPending)
	if p := s.Motions[mo.Amends]; p != nil {
		p.Adopted = without(p.Adopted, []string{mo.ID})
	}
	s.note(e.Meta, e.EventType(), e.Motion, func(r *RecordEntry) { r.Text = mo.Title })
	return nil
}

// Amendable reports whether a motion may be amended. Under rules with
// precedence (Robert's), laying on the table, the previous question,
// reconsideration, an objection to consideration and the order of voting
// are not amendable, nor is an amendment to an amendment.
func (s *State) Amendable(mo *Motion) bool {
	if !s.Assembly.Rules.Precedence {
		return true
	}
	switch mo.Procedure {
	case "table", "close_discussion", "reconsider", "discuss_or_not", "order_of_voting", "suspend_rules":
		return false
	}
	return s.depth(mo) < 2
}

// Debatable reports whether a motion may be debated. Under rules with
// precedence (Robert's), laying on the table, the previous question,
// limiting debate, an objection to consideration and the order of voting
// are put to the vote without debate.
func (s *State) Debatable(mo *Motion) bool {
	if !s.Assembly.Rules.Precedence {
		return true
	}
	switch mo.Procedure {
	case "table", "close_discussion", "close_list", "discuss_or_not", "order_of_voting", "suspend_rules":
		return false
	}
	return true
}

// undebatablePending returns the motion immediately pending on an item if
// it may not be debated, or nil.
func (s *State) undebatablePending(item string) *Motion {
	for _, mo := range s.PendingMotions() {
		if mo.Item == item {
			if s.Debatable(mo) {
				return nil
			}
			return mo
		}
	}
	return nil
}

// PendingMotions returns the motions awaiting a vote in the order the rules
// put them to the vote: an amendment before what it amends; under rules with
// precedence (ronr) by rank, the most recently moved first among equals;
// otherwise in the order moved.
func (s *State) PendingMotions() []*Motion {
	pending := s.pendingMotions()
	if s.Assembly.Rules.Precedence {
		sort.SliceStable(pending, func(i, j int) bool {
			ri, rj := s.Rank(pending[i]), s.Rank(pending[j])
			if ri != rj {
				return ri > rj
			}
			return pending[i].Seq > pending[j].Seq
		})
		return pending
	}
	children := map[string][]*Motion{}
	var roots []*Motion
	for _, mo := range pending {
		if p := s.Motions[mo.Amends]; p != nil && p.Status == MotionStatusPending {
			children[p.ID] = append(children[p.ID], mo)
		} else {
			roots = append(roots, mo)
		}
	}
	out := make([]*Motion, 0, len(pending))
	var emit func(mo *Motion)
	emit = func(mo *Motion) {
		for _, ch := range children[mo.ID] {
			emit(ch)
		}
		out = append(out, mo)
	}
	for _, r := range roots {
		emit(r)
	}
	return out
}

// precedes returns a pending motion that must be voted before mo, or nil.
func (s *State) precedes(mo *Motion) *Motion {
	for _, p := range s.PendingMotions() {
		if p.ID == mo.ID {
			return nil
		}
		if s.amendsTransitively(p, mo) {
			return p
		}
		if s.Assembly.Rules.Precedence && p.Item == mo.Item && s.Rank(p) > s.Rank(mo) && !s.amendsTransitively(mo, p) {
			return p
		}
	}
	return nil
}

func init() {
	registerCommands(MoveMotion{}, SecondMotion{}, WithdrawMotion{}, GroupAlternatives{}, DisposeMotion{})
	registerEvents(MotionMoved{}, MotionSeconded{}, MotionWithdrawn{}, AlternativesGrouped{}, MotionReopened{}, MotionDisposed{})
}
