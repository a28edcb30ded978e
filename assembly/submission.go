package assembly

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Submission is how motions reach the assembly before it meets: the
// deadline for submitting them, the motions committee that recommends on
// them, and the categories and blocks of the motion book.
type Submission struct {
	Deadline      time.Time               `json:"deadline"`
	Committee     string                  `json:"committee"` // the body that recommends
	Categories    map[string]*Category    `json:"categories"`
	CategoryOrder []string                `json:"category_order"`
	Blocks        map[string]*MotionBlock `json:"blocks"`
	BlockOrder    []string                `json:"block_order"`
}

// Category is a category of motions ("Statutes"), whose prefix numbers
// them ("S1", "S2").
type Category struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Prefix string `json:"prefix"`
}

// MotionBlock is a block of motions debated and voted together.
type MotionBlock struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// SetSubmissionDeadline sets until when motions may be submitted.
type SetSubmissionDeadline struct {
	Deadline string `json:"deadline" plenum:"required"` // RFC 3339
}

// AppointMotionsCommittee names the body that records recommendations on
// motions.
type AppointMotionsCommittee struct {
	Body string `json:"body" plenum:"required,id"`
}

// AddMotionCategory adds a category of motions.
type AddMotionCategory struct {
	ID     string `json:"id" plenum:"required,id"`
	Name   string `json:"name" plenum:"required"`
	Prefix string `json:"prefix"`
}

// AddMotionBlock adds a block of motions.
type AddMotionBlock struct {
	ID    string `json:"id" plenum:"required,id"`
	Title string `json:"title" plenum:"required"`
}

// ClassifyMotion puts a submitted motion in a category or a block.
type ClassifyMotion struct {
	Motion   string `json:"motion" plenum:"required,id"`
	Category string `json:"category" plenum:"id"`
	Block    string `json:"block" plenum:"id"`
}

// SubmitMotion submits a motion, or an amendment to a submitted motion,
// before the deadline: in the name of a delegate (submitter) or of a
// delegation (an organization they may act for).
type SubmitMotion struct {
	ID         string      `json:"id" plenum:"required,id"`
	Title      string      `json:"title" plenum:"required"`
	Text       string      `json:"text"`
	Reason     string      `json:"reason"`
	Category   string      `json:"category" plenum:"id"`
	Block      string      `json:"block" plenum:"id"`
	Delegation string      `json:"delegation" plenum:"id"`
	Submitter  string      `json:"submitter" plenum:"id"`
	Amends     string      `json:"amends" plenum:"id"`
	Change     *TextChange `json:"change"`
}

// SupportMotion is a delegate supporting a submitted motion, in their own
// name or for their delegation.
type SupportMotion struct {
	Motion     string `json:"motion" plenum:"required,id"`
	Delegation string `json:"delegation" plenum:"id"`
}

// WithdrawSupport takes a support back before the motion is admitted.
type WithdrawSupport struct {
	Motion     string `json:"motion" plenum:"required,id"`
	Delegation string `json:"delegation" plenum:"id"`
}

// SetMotionState moves a submitted motion along the workflow of the rules;
// to "pending" puts it before the assembly under an item of the open
// sitting.
type SetMotionState struct {
	Motion string `json:"motion" plenum:"required,id"`
	State  string `json:"state" plenum:"required,id"`
	Item   string `json:"item" plenum:"id"`
	Note   string `json:"note"`
}

// Recommend records the motions committee's recommendation on a motion.
type Recommend struct {
	Motion         string `json:"motion" plenum:"required,id"`
	Recommendation string `json:"recommendation" plenum:"required,enum=adopt|adopt_amended|reject|refer|not_admit|no_recommendation"`
	Note           string `json:"note"`
}

// RecommendChange records a change the motions committee recommends to a
// motion's text: an amendment moved by the committee.
type RecommendChange struct {
	ID     string      `json:"id" plenum:"required,id"`
	Motion string      `json:"motion" plenum:"required,id"`
	Change *TextChange `json:"change"`
	Note   string      `json:"note"`
}

func (SetSubmissionDeadline) CommandName() string   { return "set_submission_deadline" }
func (AppointMotionsCommittee) CommandName() string { return "appoint_motions_committee" }
func (AddMotionCategory) CommandName() string       { return "add_motion_category" }
func (AddMotionBlock) CommandName() string          { return "add_motion_block" }
func (ClassifyMotion) CommandName() string          { return "classify_motion" }
func (SubmitMotion) CommandName() string            { return "submit_motion" }
func (SupportMotion) CommandName() string           { return "support_motion" }
func (WithdrawSupport) CommandName() string         { return "withdraw_support" }
func (SetMotionState) CommandName() string          { return "set_motion_state" }
func (Recommend) CommandName() string               { return "recommend" }
func (RecommendChange) CommandName() string         { return "recommend_change" }

// SubmissionDeadlineSet: the deadline for motions was set.
type SubmissionDeadlineSet struct {
	Meta     `json:"meta"`
	Deadline time.Time `json:"deadline"`
}

// MotionsCommitteeAppointed: a body became the motions committee.
type MotionsCommitteeAppointed struct {
	Meta `json:"meta"`
	Body string `json:"body"`
}

// MotionCategoryAdded: a category of motions was added.
type MotionCategoryAdded struct {
	Meta     `json:"meta"`
	Category Category `json:"category"`
}

// MotionBlockAdded: a block of motions was added.
type MotionBlockAdded struct {
	Meta  `json:"meta"`
	Block MotionBlock `json:"block"`
}

// MotionClassified: a motion was put in a category or a block.
type MotionClassified struct {
	Meta     `json:"meta"`
	Motion   string `json:"motion"`
	Category string `json:"category"`
	Block    string `json:"block"`
}

// MotionSubmitted: a motion or amendment was submitted; Number is its
// number in the motion book.
type MotionSubmitted struct {
	Meta       `json:"meta"`
	ID         string  `json:"id"`
	Number     string  `json:"number"`
	Title      string  `json:"title"`
	Text       string  `json:"text"`
	Reason     string  `json:"reason"`
	Category   string  `json:"category"`
	Block      string  `json:"block"`
	Delegation string  `json:"delegation"`
	Submitter  string  `json:"submitter"`
	Amends     string  `json:"amends"`
	Change     *Change `json:"change,omitempty"`
}

// MotionSupported: a delegate or delegation supports a motion.
type MotionSupported struct {
	Meta      `json:"meta"`
	Motion    string    `json:"motion"`
	Supporter Supporter `json:"supporter"`
}

// MotionSupportWithdrawn: a support was taken back.
type MotionSupportWithdrawn struct {
	Meta      `json:"meta"`
	Motion    string    `json:"motion"`
	Supporter Supporter `json:"supporter"`
}

// MotionStateSet: a submitted motion moved along the workflow; in the state
// "pending" it is before the assembly, under Item in Sitting.
type MotionStateSet struct {
	Meta    `json:"meta"`
	Motion  string `json:"motion"`
	From    string `json:"from"`
	State   string `json:"state"`
	Item    string `json:"item,omitempty"`
	Sitting string `json:"sitting,omitempty"`
	Note    string `json:"note,omitempty"`
}

// MotionRecommended: the motions committee recommended on a motion.
type MotionRecommended struct {
	Meta           `json:"meta"`
	Motion         string `json:"motion"`
	Body           string `json:"body"`
	Recommendation string `json:"recommendation"`
	Note           string `json:"note"`
}

// ChangeRecommended: the motions committee recommended a change to a
// motion's text; it is an amendment moved by the committee, before the
// assembly with its motion (Status).
type ChangeRecommended struct {
	Meta    `json:"meta"`
	ID      string  `json:"id"`
	Motion  string  `json:"motion"`
	Body    string  `json:"body"`
	Title   string  `json:"title"`
	Change  *Change `json:"change"`
	Note    string  `json:"note"`
	Status  string  `json:"status"`
	Item    string  `json:"item,omitempty"`
	Sitting string  `json:"sitting,omitempty"`
}

func (SubmissionDeadlineSet) EventType() string     { return "submission_deadline_set" }
func (MotionsCommitteeAppointed) EventType() string { return "motions_committee_appointed" }
func (MotionCategoryAdded) EventType() string       { return "motion_category_added" }
func (MotionBlockAdded) EventType() string          { return "motion_block_added" }
func (MotionClassified) EventType() string          { return "motion_classified" }
func (MotionSubmitted) EventType() string           { return "motion_submitted" }
func (MotionSupported) EventType() string           { return "motion_supported" }
func (MotionSupportWithdrawn) EventType() string    { return "motion_support_withdrawn" }
func (MotionStateSet) EventType() string            { return "motion_state_set" }
func (MotionRecommended) EventType() string         { return "motion_recommended" }
func (ChangeRecommended) EventType() string         { return "change_recommended" }

// mayOrganize: the chair, an administrator or a secretary sets up the
// submission of motions.
func (s *State) mayOrganize(p string) bool { return s.isChair(p) || s.isSecretary(p) }

// IsCommitteeMember reports whether a person sits on the motions committee.
func (s *State) IsCommitteeMember(p string) bool {
	b := s.Bodies[s.Submission.Committee]
	return b != nil && contains(b.Members, p)
}

// delegateMandate is a mandate of p that lets them submit and support
// motions (a decisive or consultative one, not rejected), preferring one
// from org when org is given; nil if none.
func (s *State) delegateMandate(p, org string) *Mandate {
	var found *Mandate
	if pe := s.Persons[p]; pe != nil {
		for _, id := range pe.Mandates {
			md := s.Mandates[id]
			if md == nil || md.Status == MandateStatusRejected || md.Kind != KindDecisive && md.Kind != KindConsultative {
				continue
			}
			if org == "" || md.Organization == org {
				return md
			}
			if found == nil {
				found = md
			}
		}
	}
	if org != "" {
		return nil
	}
	return found
}

// actsFor reports whether p may act for the organization org: they hold a
// mandate from it (not rejected) or are recorded as its member.
func (s *State) actsFor(p, org string) bool {
	if s.delegateMandate(p, org) != nil {
		return true
	}
	return s.MemberOf(p, org)
}

func (c SetSubmissionDeadline) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair or an administrator sets the deadline for motions")
	}
	t, err := time.Parse(time.RFC3339, c.Deadline)
	if err != nil {
		return nil, fieldErr("deadline", "the deadline must be a time like 2026-05-01T18:00:00+02:00, not %q", c.Deadline)
	}
	return one(SubmissionDeadlineSet{Meta: m, Deadline: t})
}

func (e SubmissionDeadlineSet) apply(s *State) error {
	s.Submission.Deadline = e.Deadline
	s.note(e.Meta, e.EventType(), "", func(r *RecordEntry) { r.Text = e.Deadline.Format(time.RFC3339) })
	return nil
}

func (c AppointMotionsCommittee) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair or an administrator appoints the motions committee")
	}
	if _, err := s.body(c.Body); err != nil {
		return nil, err
	}
	if s.Submission.Committee == c.Body {
		return nil, conflict("%s is already the motions committee", c.Body)
	}
	return one(MotionsCommitteeAppointed{Meta: m, Body: c.Body})
}

func (e MotionsCommitteeAppointed) apply(s *State) error {
	if s.Bodies[e.Body] == nil {
		return corrupt("there is no body %q", e.Body)
	}
	s.Submission.Committee = e.Body
	s.note(e.Meta, e.EventType(), e.Body, func(r *RecordEntry) { r.Text = s.Bodies[e.Body].Name })
	return nil
}

func (c AddMotionCategory) decide(s *State, m Meta) ([]Event, error) {
	if !s.mayOrganize(m.Actor) {
		return nil, forbidden("only the chair, an administrator or a secretary adds categories of motions")
	}
	if s.Submission.Categories[c.ID] != nil {
		return nil, conflict("there is already a category %q", c.ID)
	}
	for _, id := range s.Submission.CategoryOrder {
		if c.Prefix != "" && s.Submission.Categories[id].Prefix == c.Prefix {
			return nil, conflict("the category %s already numbers its motions %s1, %s2, …; give another prefix", id, c.Prefix, c.Prefix)
		}
	}
	if strings.ContainsAny(c.Prefix, "/ \t\n") || len(c.Prefix) > 8 {
		return nil, fieldErr("prefix", "a prefix is at most 8 characters, without spaces or '/', not %q", c.Prefix)
	}
	return one(MotionCategoryAdded{Meta: m, Category: Category{ID: c.ID, Name: c.Name, Prefix: c.Prefix}})
}

func (e MotionCategoryAdded) apply(s *State) error {
	if e.Category.ID == "" || s.Submission.Categories[e.Category.ID] != nil {
		return corrupt("the category %q cannot be added", e.Category.ID)
	}
	if s.Submission.Categories == nil {
		s.Submission.Categories = map[string]*Category{}
	}
	c := e.Category
	s.Submission.Categories[c.ID] = &c
	s.Submission.CategoryOrder = append(s.Submission.CategoryOrder, c.ID)
	return nil
}

func (c AddMotionBlock) decide(s *State, m Meta) ([]Event, error) {
	if !s.mayOrganize(m.Actor) && !s.IsCommitteeMember(m.Actor) {
		return nil, forbidden("only the chair, an administrator, a secretary or the motions committee adds blocks of motions")
	}
	if s.Submission.Blocks[c.ID] != nil {
		return nil, conflict("there is already a block %q", c.ID)
	}
	return one(MotionBlockAdded{Meta: m, Block: MotionBlock{ID: c.ID, Title: c.Title}})
}

func (e MotionBlockAdded) apply(s *State) error {
	if e.Block.ID == "" || s.Submission.Blocks[e.Block.ID] != nil {
		return corrupt("the block %q cannot be added", e.Block.ID)
	}
	if s.Submission.Blocks == nil {
		s.Submission.Blocks = map[string]*MotionBlock{}
	}
	b := e.Block
	s.Submission.Blocks[b.ID] = &b
	s.Submission.BlockOrder = append(s.Submission.BlockOrder, b.ID)
	return nil
}

// checkClass checks a category and a block named for a motion.
func (s *State) checkClass(category, block string) error {
	if category != "" && s.Submission.Categories[category] == nil {
		return notFound("there is no category %q; add_motion_category first", category)
	}
	if block != "" && s.Submission.Blocks[block] == nil {
		return notFound("there is no block %q; add_motion_block first", block)
	}
	return nil
}

func (c ClassifyMotion) decide(s *State, m Meta) ([]Event, error) {
	if !s.mayOrganize(m.Actor) && !s.IsCommitteeMember(m.Actor) {
		return nil, forbidden("only the chair, an administrator, a secretary or the motions committee classifies motions")
	}
	mo, err := s.motion(c.Motion)
	if err != nil {
		return nil, err
	}
	if c.Category == "" && c.Block == "" {
		return nil, fieldErr("category", "say where the motion goes: category, block or both")
	}
	if err := s.checkClass(c.Category, c.Block); err != nil {
		return nil, err
	}
	if (c.Category == "" || c.Category == mo.Category) && (c.Block == "" || c.Block == mo.Block) {
		return nil, conflict("%s is already classified so", mo.ID)
	}
	return one(MotionClassified{Meta: m, Motion: c.Motion, Category: c.Category, Block: c.Block})
}

func (e MotionClassified) apply(s *State) error {
	mo := s.Motions[e.Motion]
	if mo == nil {
		return corrupt("there is no motion %q", e.Motion)
	}
	if e.Category != "" {
		mo.Category = e.Category
	}
	if e.Block != "" {
		mo.Block = e.Block
	}
	return nil
}

// beforeFloor reports whether a motion is on its way to the floor: a
// submitted motion in a state of the workflow from which it may still
// move.
func (s *State) beforeFloor(mo *Motion) bool {
	if mo.Status == MotionStatusPending || !mo.Submitted && mo.Committee == "" {
		return false
	}
	return len(s.Assembly.Rules.Workflow()[mo.Status]) > 0
}

// motionNumber is the number a submitted motion gets: its category's
// prefix and the next number in the category, or the next number among
// the motions without a category; an amendment gets its motion's number
// and the next number among its amendments ("A3/2").
func (s *State) motionNumber(category, amends string) string {
	if amends != "" {
		return s.amendmentNumber(amends)
	}
	n := 1
	for _, id := range s.MotionOrder {
		if mo := s.Motions[id]; mo.Submitted && mo.Amends == "" && mo.Category == category {
			n++
		}
	}
	prefix := ""
	if c := s.Submission.Categories[category]; c != nil {
		prefix = c.Prefix
	}
	return prefix + strconv.Itoa(n)
}

// amendmentNumber is the number of a new amendment to parent, or "" when
// the parent has no number.
func (s *State) amendmentNumber(parent string) string {
	p := s.Motions[parent]
	if p == nil || p.Number == "" {
		return ""
	}
	return p.Number + "/" + strconv.Itoa(len(s.idx.amendments[parent])+1)
}

func (c SubmitMotion) decide(s *State, m Meta) ([]Event, error) {
	officer := s.mayOrganize(m.Actor)
	submitter := c.Submitter
	if submitter == "" && c.Delegation == "" || submitter == "" && !officer {
		submitter = m.Actor
	}
	if !officer {
		if submitter != m.Actor {
			return nil, forbidden("a delegate submits motions in their own name or their delegation's; the chair or a secretary records others'")
		}
		if s.delegateMandate(m.Actor, "") == nil {
			return nil, forbidden("%s holds no delegate's mandate and may not submit motions", m.Actor)
		}
	}
	if c.Delegation != "" {
		if s.Organizations[c.Delegation] == nil {
			return nil, notFound("there is no organization %q", c.Delegation)
		}
		if !officer && !s.actsFor(m.Actor, c.Delegation) {
			return nil, forbidden("%s holds no mandate from %s and is not its member; only its delegates submit in its name", m.Actor, c.Delegation)
		}
	}
	if submitter != "" {
		if s.Persons[submitter] == nil {
			return nil, notFound("there is no person %q", submitter)
		}
		if officer && submitter != m.Actor && s.delegateMandate(submitter, "") == nil {
			return nil, conflict("%s holds no delegate's mandate and cannot submit motions", submitter)
		}
	}
	d := s.Submission.Deadline
	switch {
	case d.IsZero():
		return nil, closed("no deadline for motions is set: the submission of motions has not opened (the chair sets the deadline with %s)", CommandRef("set_submission_deadline"))
	case m.At.After(d):
		return nil, closed("the deadline for motions was %s; this motion comes after it, at %s. A late motion is moved in a sitting", d.Format("2006-01-02 15:04 MST"), m.At.In(d.Location()).Format("2006-01-02 15:04 MST"))
	}
	if s.Motions[c.ID] != nil {
		return nil, conflict("there is already a motion %q", c.ID)
	}
	if err := checkMotionText("text", c.Text); err != nil {
		return nil, err
	}
	if !officer {
		if err := s.checkPendingLimit(submitter); err != nil {
			return nil, err
		}
	}
	if err := s.checkClass(c.Category, c.Block); err != nil {
		return nil, err
	}
	var change *Change
	switch {
	case c.Amends == "" && c.Change != nil:
		return nil, fieldErr("change", "only an amendment changes a text; say which motion it amends")
	case c.Amends != "" && c.Change == nil:
		return nil, fieldErr("change", "an amendment submitted in writing names the lines or the paragraph it changes and gives the new wording (change)")
	case c.Amends != "" && c.Text != "":
		return nil, fieldErr("text", "an amendment gives its new wording in change.text, not in text")
	case c.Amends != "":
		parent, err := s.motion(c.Amends)
		if err != nil {
			return nil, err
		}
		if !s.beforeFloor(parent) && parent.Status != MotionStatusPending {
			return nil, conflict("the motion %s is %s and can no longer be amended", parent.ID, stateWord(parent.Status))
		}
		if change, err = s.resolveChange(parent, c.Change); err != nil {
			return nil, err
		}
	case strings.TrimSpace(c.Text) == "":
		return nil, fieldErr("text", "a motion submitted in writing has its text")
	}
	return one(MotionSubmitted{Meta: m, ID: c.ID, Number: s.motionNumber(c.Category, c.Amends), Title: c.Title, Text: c.Text, Reason: c.Reason,
		Category: c.Category, Block: c.Block, Delegation: c.Delegation, Submitter: submitter, Amends: c.Amends, Change: change})
}

func (e MotionSubmitted) apply(s *State) error {
	if e.ID == "" || s.Motions[e.ID] != nil || e.Amends != "" && s.Motions[e.Amends] == nil {
		return corrupt("the motion %q cannot be submitted", e.ID)
	}
	kind := "substantive"
	if e.Amends != "" {
		kind = "amendment"
	}
	mo := Motion{ID: e.ID, Kind: kind, Title: e.Title, Text: e.Text, Amends: e.Amends, Mover: e.Submitter,
		Status: MotionStatusSubmitted, Seq: len(s.MotionOrder) + 1}
	mo.MotionPaper = MotionPaper{Number: e.Number, Category: e.Category, Block: e.Block, Reason: e.Reason, Delegation: e.Delegation,
		Submitted: true, Change: e.Change}
	mo.recorded = e.Actor != e.Submitter
	s.addMotion(&mo)
	s.note(e.Meta, e.EventType(), mo.ID, func(r *RecordEntry) { r.Person, r.Text, r.Sub, r.Label = mo.Mover, mo.Title, kind, e.Delegation })
	return nil
}

// supporter checks who supports (or stops supporting) a motion.
func (s *State) supporter(m Meta, motion, delegation string) (*Motion, Supporter, error) {
	mo, err := s.motion(motion)
	if err != nil {
		return nil, Supporter{}, err
	}
	if s.delegateMandate(m.Actor, "") == nil && !(delegation != "" && s.actsFor(m.Actor, delegation)) {
		return nil, Supporter{}, forbidden("%s holds no delegate's mandate and may not support motions", m.Actor)
	}
	if delegation != "" {
		if s.Organizations[delegation] == nil {
			return nil, Supporter{}, notFound("there is no organization %q", delegation)
		}
		if !s.actsFor(m.Actor, delegation) {
			return nil, Supporter{}, forbidden("%s holds no mandate from %s and is not its member; only its delegates support in its name", m.Actor, delegation)
		}
	}
	if mo.Status != MotionStatusSubmitted || !mo.Submitted {
		return nil, Supporter{}, conflict("%s is %s; motions are supported while they are submitted, before admission", mo.ID, stateWord(mo.Status))
	}
	return mo, Supporter{Person: m.Actor, Delegation: delegation}, nil
}

func (c SupportMotion) decide(s *State, m Meta) ([]Event, error) {
	mo, sup, err := s.supporter(m, c.Motion, c.Delegation)
	if err != nil {
		return nil, err
	}
	switch {
	case sup.Delegation == "" && mo.Mover == sup.Person && mo.Delegation == "":
		return nil, conflict("%s submitted %s and cannot support their own motion", sup.Person, mo.ID)
	case sup.Delegation != "" && sup.Delegation == mo.Delegation:
		return nil, conflict("%s submitted %s and cannot support its own motion", sup.Delegation, mo.ID)
	}
	for _, x := range mo.Supporters {
		if sup.Delegation != "" && x.Delegation == sup.Delegation {
			return nil, conflict("%s already supports %s", sup.Delegation, mo.ID)
		}
		if sup.Delegation == "" && x.Delegation == "" && x.Person == sup.Person {
			return nil, conflict("%s already supports %s", sup.Person, mo.ID)
		}
	}
	return one(MotionSupported{Meta: m, Motion: c.Motion, Supporter: sup})
}

func (e MotionSupported) apply(s *State) error {
	mo := s.Motions[e.Motion]
	if mo == nil || mo.Status != MotionStatusSubmitted {
		return corrupt("the motion %q cannot be supported", e.Motion)
	}
	mo.Supporters = append(slices.Clone(mo.Supporters), e.Supporter)
	return nil
}

func (c WithdrawSupport) decide(s *State, m Meta) ([]Event, error) {
	mo, sup, err := s.supporter(m, c.Motion, c.Delegation)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(mo.Supporters, sup) {
		if sup.Delegation != "" {
			return nil, conflict("%s (through %s) does not support %s", sup.Delegation, sup.Person, mo.ID)
		}
		return nil, conflict("%s does not support %s", sup.Person, mo.ID)
	}
	return one(MotionSupportWithdrawn{Meta: m, Motion: c.Motion, Supporter: sup})
}

func (e MotionSupportWithdrawn) apply(s *State) error {
	mo := s.Motions[e.Motion]
	if mo == nil || !slices.Contains(mo.Supporters, e.Supporter) {
		return corrupt("the support of %q cannot be withdrawn", e.Motion)
	}
	i := slices.Index(mo.Supporters, e.Supporter)
	mo.Supporters = slices.Delete(slices.Clone(mo.Supporters), i, i+1)
	return nil
}

// mayWithdraw reports whether p may withdraw a submitted motion: its
// submitter, a delegate of its delegation, or the chair.
func (s *State) mayWithdraw(p string, mo *Motion) bool {
	return s.isChair(p) || p == mo.Mover || mo.Delegation != "" && s.actsFor(p, mo.Delegation)
}

// withdrawSubmitted is withdraw_motion for a motion before the floor.
func (s *State) withdrawSubmitted(m Meta, mo *Motion) ([]Event, error) {
	if !s.mayWithdraw(m.Actor, mo) {
		return nil, forbidden("only those who submitted %s or the chair may withdraw it", mo.ID)
	}
	return SetMotionState{Motion: mo.ID, State: MotionStatusWithdrawn}.decide(s, m)
}

func (c SetMotionState) decide(s *State, m Meta) ([]Event, error) {
	mo, err := s.motion(c.Motion)
	if err != nil {
		return nil, err
	}
	w := s.Assembly.Rules.Workflow()
	if !s.beforeFloor(mo) {
		if mo.Submitted || mo.Committee != "" {
			return nil, conflict("%s is %s; what becomes of a motion before the assembly is decided on the floor (votes, withdraw_motion, dispose_motion)", mo.ID, stateWord(mo.Status))
		}
		return nil, conflict("%s was moved in a sitting, not submitted; it is not on the workflow of submitted motions", mo.ID)
	}
	if !w.Allows(mo.Status, c.State) {
		next := w[mo.Status]
		return nil, conflict("the workflow does not lead from %s to %s; a motion that is %s may become %s", stateWord(mo.Status), stateWord(c.State), stateWord(mo.Status), nextStates(next))
	}
	switch {
	case c.State == MotionStatusWithdrawn:
		if !s.mayWithdraw(m.Actor, mo) {
			return nil, forbidden("only those who submitted %s or the chair may withdraw it", mo.ID)
		}
	case c.State == MotionStatusPending:
		if !s.isChair(m.Actor) {
			return nil, forbidden("only the chair puts a motion before the assembly")
		}
	case !s.isChair(m.Actor) && !s.IsCommitteeMember(m.Actor):
		return nil, forbidden("only the chair or the motions committee moves a motion along the workflow")
	}
	if c.Item != "" && c.State != MotionStatusPending {
		return nil, fieldErr("item", "only a motion put before the assembly (state pending) goes under an item")
	}
	if c.State == MotionStatusAdmitted {
		if need := s.Assembly.Rules.SupportersNeeded(); len(mo.Supporters) < need && mo.Kind != "amendment" {
			return nil, conflict("%s has %d supporters; the rules require %d before a motion is admitted", mo.ID, len(mo.Supporters), need)
		}
	}
	ev := MotionStateSet{Meta: m, Motion: mo.ID, From: mo.Status, State: c.State, Note: c.Note}
	if c.State != MotionStatusPending {
		return one(ev)
	}
	st := s.Sitting()
	if st == nil {
		return nil, closed("no sitting is open; a motion is put before the assembly in a sitting")
	}
	ev.Sitting, ev.Item = st.ID, c.Item
	if ev.Item == "" {
		ev.Item = st.CurrentItem
	} else if _, err := s.item(ev.Item); err != nil {
		return nil, err
	}
	if p := s.Motions[mo.Amends]; p != nil && p.Status != MotionStatusPending {
		return nil, conflict("%s amends %s, which is %s; an amendment comes before the assembly with its motion", mo.ID, p.ID, stateWord(p.Status))
	}
	evs := []Event{ev}
	// The admitted amendments and change recommendations come with it.
	var with func(parent string)
	with = func(parent string) {
		for _, id := range s.idx.amendments[parent] {
			a := s.Motions[id]
			if a.Status == MotionStatusAdmitted && w.Allows(MotionStatusAdmitted, MotionStatusPending) {
				evs = append(evs, MotionStateSet{Meta: m, Motion: a.ID, From: a.Status, State: MotionStatusPending, Item: ev.Item, Sitting: st.ID,
					Note: "with " + parent})
				with(a.ID)
			}
		}
	}
	with(mo.ID)
	return evs, nil
}

func words(s string) string { return strings.ReplaceAll(s, "_", " ") }

// nextStates are the states a workflow leads to, as a refusal lists them.
func nextStates(xs []string) any {
	out := make([]any, len(xs))
	for i, x := range xs {
		if x == MotionStatusPending {
			out[i] = reason("pending (in debate)")
		} else {
			out[i] = stateWord(x)
		}
	}
	return orList(out)
}

func (e MotionStateSet) apply(s *State) error {
	mo := s.Motions[e.Motion]
	if mo == nil || mo.Status != e.From {
		return corrupt("the motion %q is not %s", e.Motion, e.From)
	}
	s.setStatus(mo, e.State)
	if e.State == MotionStatusPending {
		mo.Item, mo.Sitting = e.Item, e.Sitting
	}
	s.note(e.Meta, e.EventType(), e.Motion, func(r *RecordEntry) {
		if e.Item != "" {
			r.Item = e.Item
		}
		r.Sub, r.Text, r.Label = e.State, mo.Title, e.Note
	})
	return nil
}

// committeeMember checks that the actor may speak for the motions
// committee.
func (s *State) committeeMember(actor string) (*Body, error) {
	b := s.Bodies[s.Submission.Committee]
	if b == nil {
		return nil, conflict("the assembly has no motions committee; the chair appoints one (%s)", CommandRef("appoint_motions_committee"))
	}
	if !contains(b.Members, actor) && !s.isAdmin(actor) {
		return nil, forbidden("only a member of the %s records its recommendations", b.Name)
	}
	return b, nil
}

// open reports whether a motion is still before the assembly or on its way
// there.
func (s *State) open(mo *Motion) bool { return mo.Status == MotionStatusPending || s.beforeFloor(mo) }

func (c Recommend) decide(s *State, m Meta) ([]Event, error) {
	b, err := s.committeeMember(m.Actor)
	if err != nil {
		return nil, err
	}
	mo, err := s.motion(c.Motion)
	if err != nil {
		return nil, err
	}
	if !s.open(mo) {
		return nil, conflict("%s is %s; the committee recommends on motions not yet decided", mo.ID, stateWord(mo.Status))
	}
	return one(MotionRecommended{Meta: m, Motion: c.Motion, Body: b.ID, Recommendation: c.Recommendation, Note: c.Note})
}

func (e MotionRecommended) apply(s *State) error {
	mo := s.Motions[e.Motion]
	if mo == nil {
		return corrupt("there is no motion %q", e.Motion)
	}
	mo.Advice = &Advice{Body: e.Body, Recommendation: e.Recommendation, Note: e.Note, Entry: s.Events}
	s.note(e.Meta, e.EventType(), e.Motion, func(r *RecordEntry) { r.Sub, r.Text, r.Label = e.Recommendation, mo.Title, e.Note })
	return nil
}

func (c RecommendChange) decide(s *State, m Meta) ([]Event, error) {
	b, err := s.committeeMember(m.Actor)
	if err != nil {
		return nil, err
	}
	if s.Motions[c.ID] != nil {
		return nil, conflict("there is already a motion %q", c.ID)
	}
	mo, err := s.motion(c.Motion)
	if err != nil {
		return nil, err
	}
	if !s.open(mo) {
		return nil, conflict("%s is %s; the committee recommends changes to motions not yet decided", mo.ID, stateWord(mo.Status))
	}
	if c.Change == nil {
		return nil, fieldErr("change", "a change recommendation names the lines or the paragraph it changes and gives the new wording (change)")
	}
	ch, err := s.resolveChange(mo, c.Change)
	if err != nil {
		return nil, err
	}
	text, _ := s.MotionText(mo)
	ev := ChangeRecommended{Meta: m, ID: c.ID, Motion: mo.ID, Body: b.ID, Change: ch, Note: c.Note, Status: MotionStatusAdmitted,
		Title: fmt.Sprintf("Change recommended by the %s to %s of %s", b.Name, s.linesWord(text, ch.Span), mo.ID)}
	if mo.Number != "" {
		ev.Title = fmt.Sprintf("Change recommended by the %s to %s of %s", b.Name, s.linesWord(text, ch.Span), mo.Number)
	}
	if mo.Status == MotionStatusPending {
		ev.Status, ev.Item, ev.Sitting = MotionStatusPending, mo.Item, mo.Sitting
		if st := s.Sitting(); st != nil {
			ev.Sitting = st.ID
		}
	}
	return one(ev)
}

func (e ChangeRecommended) apply(s *State) error {
	parent := s.Motions[e.Motion]
	if e.ID == "" || s.Motions[e.ID] != nil || parent == nil || e.Change == nil {
		return corrupt("the change recommendation %q cannot be recorded", e.ID)
	}
	mo := Motion{ID: e.ID, Kind: "amendment", Title: e.Title, Amends: e.Motion, Label: s.Bodies[e.Body].Name, Status: e.Status,
		Item: e.Item, Sitting: e.Sitting, Seq: len(s.MotionOrder) + 1, Note: e.Note}
	mo.MotionPaper = MotionPaper{Number: s.amendmentNumber(e.Motion), Change: e.Change, Committee: e.Body, Category: parent.Category, Block: parent.Block}
	s.addMotion(&mo)
	s.note(e.Meta, e.EventType(), mo.ID, func(r *RecordEntry) {
		if mo.Item != "" {
			r.Item = mo.Item
		}
		r.Label, r.Text, r.Sub = mo.Label, mo.Title, "amendment"
	})
	return nil
}

func init() {
	registerCommands(SetSubmissionDeadline{}, AppointMotionsCommittee{}, AddMotionCategory{}, AddMotionBlock{}, ClassifyMotion{},
		SubmitMotion{}, SupportMotion{}, WithdrawSupport{}, SetMotionState{}, Recommend{}, RecommendChange{})
	registerEvents(SubmissionDeadlineSet{}, MotionsCommitteeAppointed{}, MotionCategoryAdded{}, MotionBlockAdded{}, MotionClassified{},
		MotionSubmitted{}, MotionSupported{}, MotionSupportWithdrawn{}, MotionStateSet{}, MotionRecommended{}, ChangeRecommended{})
}
