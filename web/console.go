package web

import (
	"html/template"
	"slices"
	"strings"
	"time"

	"plenum/assembly"
)

// The chair's console leads with the business in hand: what is being
// voted on, who has the floor, the question in order, and the one act
// that most obviously comes next. The words are the templates'; these are
// the facts they are made of.

// nextAction is the act that most obviously comes next for the chair.
// Kind says which (the template words it); the rest is what it acts on.
type nextAction struct {
	Kind     string // open_sitting, take_up, await_key, close_vote, enter_count, declare_result, close_election, declare_election, end_speech, report, summary, next_speaker, put_to_vote, await_second, choose_basis, close_item
	Vote     *assembly.Vote
	Election *assembly.Election
	Motion   *assembly.Motion
	Group    *assembly.Alternatives
	Item     *assembly.Item
	Person   string
}

// Decrypting is the encrypted box whose decryption an await_decryption
// waits for, or whose key an await_key waits for: the vote's or the
// election's.
func (a nextAction) Decrypting() *assembly.EncryptedVote {
	if a.Election != nil {
		return a.Election.Encrypted
	}
	return a.Vote.Encrypted
}

// NextAction is the chair's most obvious next act now (asked once a
// rendering).
func (v *view) NextAction() nextAction {
	if !v.once.nextAction {
		v.nextAction, v.once.nextAction = v.nextActionNow(), true
	}
	return v.nextAction
}

// nextActionNow is NextAction, found.
func (v *view) nextActionNow() nextAction {
	st := v.S.Sitting()
	if st == nil {
		return nextAction{Kind: "open_sitting"}
	}
	for _, vt := range v.ActiveVotes() {
		switch {
		case vt.Status == assembly.VoteStatusOpen && vt.Encrypted != nil && vt.Encrypted.Key == nil:
			// Opened encrypted, and its trustees have not yet made the
			// election key: no one can vote yet (awaitKey).
			return nextAction{Kind: "await_key", Vote: vt}
		case vt.Status == assembly.VoteStatusOpen:
			return nextAction{Kind: "close_vote", Vote: vt}
		case vt.Encrypted != nil && vt.Encrypted.Result == nil:
			// Closed, and the count waits for the trustees: nothing for the
			// chair to press (a count by hand or a declaration is refused).
			return nextAction{Kind: "await_decryption", Vote: vt}
		case len(vt.Ballots) == 0 && len(vt.Rounds) == 0 && len(vt.Sealed) == 0:
			return nextAction{Kind: "enter_count", Vote: vt}
		default:
			return nextAction{Kind: "declare_result", Vote: vt}
		}
	}
	for _, el := range v.ActiveElections() {
		if el.Status == assembly.ElectionStatusOpen && el.Encrypted != nil && el.Encrypted.Key == nil {
			return nextAction{Kind: "await_key", Election: el}
		}
		if el.Status == assembly.ElectionStatusOpen {
			return nextAction{Kind: "close_election", Election: el}
		}
		if ev := el.Encrypted; ev != nil && ev.Awaiting() {
			// The count waits for the trustees, as in an encrypted vote.
			return nextAction{Kind: "await_decryption", Election: el}
		}
		return nextAction{Kind: "declare_election", Election: el}
	}
	it := v.Item()
	if it == nil {
		if i := v.NextItem(); i != nil {
			return nextAction{Kind: "take_up", Item: i}
		}
		return nextAction{Kind: "none"}
	}
	if it.Floor.Speaker != "" {
		return nextAction{Kind: "end_speech", Item: it, Person: it.Floor.Speaker}
	}
	sp := v.Speakers()
	if m := v.InOrder(); (m == nil || m.Kind != "procedural") && (len(sp) == 0 || sp[0].Kind != "point_of_order") {
		// The reporter opens the discussion, and sums it up once it is
		// closed, before the question is put; a procedural motion in
		// order or a point of order waiting comes first.
		if p := v.reporterToSumUp(it); p != "" {
			return nextAction{Kind: "summary", Item: it, Person: p}
		}
		if p := v.reporterToReport(it); p != "" && !it.Floor.DiscussionClosed {
			return nextAction{Kind: "report", Item: it, Person: p}
		}
	}
	if g := v.OpenGroups(); len(g) > 0 {
		return nextAction{Kind: "choose_basis", Group: g[0], Item: it}
	}
	if m := v.InOrder(); m != nil {
		// A procedural motion in order goes to the vote before more
		// speeches; the others once nobody waits to speak.
		if m.Kind == "procedural" || len(v.Speakers()) == 0 || it.Floor.DiscussionClosed {
			if needsSecond(v.S, m) {
				// The rules refuse its vote until someone seconds it:
				// the question's card records the second.
				return nextAction{Kind: "await_second", Motion: m, Item: it}
			}
			return nextAction{Kind: "put_to_vote", Motion: m, Item: it}
		}
	}
	if len(sp) > 0 && !it.Floor.DiscussionClosed {
		return nextAction{Kind: "next_speaker", Item: it, Person: sp[0].Person}
	}
	return nextAction{Kind: "close_item", Item: it}
}

// onItem reports whether the pending motion mo is the business of the
// item under discussion it (nil: none): moved on it, or on no item (moved
// while no item was under discussion), which is the business of
// whichever item is.
func onItem(mo *assembly.Motion, it *assembly.Item) bool {
	return mo.Item == "" || it != nil && mo.Item == it.ID
}

// ItemPending are the pending motions of the item under discussion
// (onItem), in the order of the vote (Pending): the console's question
// deals with these. Motions pending on other items (an item tabled, or
// left for another, with its motions undecided) wait for their item
// (PendingElsewhere).
func (v *view) ItemPending() []*assembly.Motion {
	it := v.Item()
	var out []*assembly.Motion
	for _, mo := range v.Pending() {
		if onItem(mo, it) {
			out = append(out, mo)
		}
	}
	return out
}

// pendingOn is how many motions are pending on an item.
type pendingOn struct {
	Item *assembly.Item
	N    int
}

// pendingElsewhere are the items with motions pending on them, but the
// one under discussion.
type pendingElsewhere []pendingOn

// PendingElsewhere are the items, other than the one under discussion,
// with motions pending on them, in the order of the day, and how many:
// the console counts them below the question, and the agenda tab shows
// them by the item.
func (v *view) PendingElsewhere() pendingElsewhere {
	it := v.Item()
	n := map[string]int{}
	for _, mo := range v.Pending() {
		if !onItem(mo, it) {
			n[mo.Item]++
		}
	}
	if len(n) == 0 {
		return nil
	}
	var out pendingElsewhere
	for _, id := range v.S.ItemOrder {
		if n[id] > 0 {
			out = append(out, pendingOn{Item: v.S.Items[id], N: n[id]})
		}
	}
	return out
}

// PendingOn is how many motions are pending on the item id, for the
// agenda tab.
func (v *view) PendingOn(id string) int {
	n := 0
	for _, mo := range v.Pending() {
		if mo.Item == id {
			n++
		}
	}
	return n
}

// Total is the number of motions pending on the items.
func (ps pendingElsewhere) Total() int {
	n := 0
	for _, p := range ps {
		n += p.N
	}
	return n
}

// InOrder is the pending motion of the item under discussion
// (ItemPending) that is put to the vote first, when no vote on it, on
// the motion it amends or on another amendment to that motion is in
// progress (open_vote would be refused), or nil.
func (v *view) InOrder() *assembly.Motion {
	p := v.ItemPending()
	if len(p) == 0 || v.S.FamilyVote(p[0].ID) != "" {
		return nil
	}
	if g := v.S.Alternatives[p[0].Group]; g != nil && g.Chosen == "" {
		return nil
	}
	return p[0]
}

// ProceduralOn are the procedural motions pending on an item, in the
// order of the vote: the chair may give the floor ahead of the list for
// one speech for and one against each (give_floor with motion and side).
func (v *view) ProceduralOn(item string) []*assembly.Motion {
	var out []*assembly.Motion
	for _, m := range v.Pending() {
		if m.Kind == "procedural" && (m.Item == item || m.Item == "") {
			out = append(out, m)
		}
	}
	return out
}

// BeingVoted is the pending motion a vote is in progress on, the first
// in the order of the vote, or nil: not always the first in order, for the
// chair may put another question of the motion to the vote first.
func (v *view) BeingVoted() *assembly.Motion {
	for _, m := range v.Pending() {
		if v.VoteOn(m.ID) != nil {
			return m
		}
	}
	return nil
}

// Then are the pending motions of the item under discussion after the
// one the question's card shows (the one being voted on, else the first
// in order), in order.
func (v *view) Then() []*assembly.Motion {
	p := v.ItemPending()
	shown := v.BeingVoted()
	if shown == nil && len(p) > 0 {
		shown = p[0]
	}
	var out []*assembly.Motion
	for _, m := range p {
		if m != shown {
			out = append(out, m)
		}
	}
	return out
}

// count is a vote's attendance and running count as the console shows it.
type count struct {
	Voted     int // ballots cast
	Entitled  int // voting rights entitled
	Present   int // of them, held by someone in the hall now
	AtOpening int // present when the vote was opened
	// NotRecorded: the record does not show who was present (a restored
	// record).
	NotRecorded bool
	// Choices are the open votes per choice (each ballot counted with its
	// mandate's weight, as the result is), in the ballot's order (none in
	// a secret vote or a show of hands).
	Choices []choiceCount
	// Weighted: some ballot carries more than one vote, so that the votes
	// per choice are not the ballots.
	Weighted bool
}

type choiceCount struct {
	Label   string
	Value   string
	N       int // votes
	Ballots int
}

// Count is the live attendance and count of a vote: who is present now
// among those entitled, not only when it was opened. What walks the
// rights and the ballots is counted once for each state (voteLive).
func (v *view) Count(vt *assembly.Vote) count {
	live := v.voteLive(vt)
	c := count{Voted: vt.BallotsCast(), Entitled: vt.Attendance.Eligible, Present: live.present, AtOpening: vt.Attendance.Present, NotRecorded: vt.Attendance.NotRecorded}
	if len(live.tally) > 0 {
		for _, ch := range v.Choices(vt) {
			n := live.tally[ch.Value]
			c.Choices = append(c.Choices, choiceCount{Label: ch.Label, Value: ch.Value, N: n.votes, Ballots: n.ballots})
			c.Weighted = c.Weighted || n.votes != n.ballots
		}
	}
	return c
}

// ElectionCountNow is the live attendance of an election.
func (v *view) ElectionCountNow(el *assembly.Election) count {
	return count{Voted: el.BallotsCast(), Entitled: len(el.Eligible), Present: v.electionPresent(el)}
}

// quorumWait is the quorum a vote waits for while those present fall
// short of it: open_vote is refused until Needed of the Members with a
// vote are registered present; Present are now.
type quorumWait struct{ Needed, Members, Present int }

// QuorumWait is the quorum the hall is short of, or nil where a vote may
// be opened as far as the quorum goes (the rules set none, it is met, or
// the sitting does not record attendance, State.QuorumCounted): the
// condition open_vote refuses on, said beside the forms that put a
// question to the vote, before the chair tries.
func (v *view) QuorumWait() *quorumWait {
	if !v.S.QuorumCounted() {
		return nil
	}
	return v.QuorumShort()
}

// QuorumShort is the quorum the hall is short of as those registered
// present stand, whether or not the sitting counts it yet: beside the
// form that starts recording attendance, it says what votes will wait
// for once it does.
func (v *view) QuorumShort() *quorumWait {
	q := v.Quorum()
	if q.OK {
		return nil
	}
	return &quorumWait{Needed: q.Needed, Members: v.S.VotingMembers(), Present: q.Present}
}

// NextSpeakers are the first n on the speakers' list.
func (v *view) NextSpeakers(n int) upTo[assembly.Request] { return cut(v.Speakers(), n) }

// Schedule is the order of the day in time, now.
func (v *view) Schedule() assembly.Schedule { return v.S.Schedule(v.Now) }

// Minutes is a duration in whole minutes, rounded up.
func (v *view) Minutes(d time.Duration) int { return int((d + time.Minute - 1) / time.Minute) }

// Screens are the projectors: the hall's, then those set up, in order.
func (v *view) Screens() []assembly.Screen {
	out := []assembly.Screen{v.S.ScreenOf(assembly.DefaultScreen)}
	for _, id := range v.S.ScreenOrder {
		if id != assembly.DefaultScreen {
			out = append(out, v.S.ScreenOf(id))
		}
	}
	return out
}

// Bodies are the sections, commissions and committees, in order.
func (v *view) Bodies() []*assembly.Body {
	var out []*assembly.Body
	for _, id := range v.S.BodyOrder {
		out = append(out, v.S.Bodies[id])
	}
	return out
}

// HallChoices are the persons in the hall ("in") or out of it after
// registering ("out"), by name: the hall tab's pickers up to
// Options.PickerLimit persons (PickHall).
func (v *view) HallChoices(where string) []Choice {
	set, ok := hallSets[where]
	if !ok {
		return nil
	}
	var out []Choice
	for _, c := range v.PersonChoices() {
		if set.has(v.S, c.Value) {
			out = append(out, c)
		}
	}
	return out
}

// ItemStatus is an item's status (open, current, tabled, closed) in the
// page's language, or the status as it stands if the catalog lacks it.
// ItemStatusOf is an item's status in the page's language; an open item
// someone has already spoken on (taken up in an earlier sitting, or left
// for another) says it was discussed and not concluded, apart from the
// items nobody has discussed yet.
func (v *view) ItemStatusOf(it *assembly.Item) string {
	if it.Status == assembly.ItemStatusOpen && len(it.Floor.Turns) > 0 {
		return v.L.T("web.item.open_discussed")
	}
	return v.ItemStatus(it.Status)
}

func (v *view) ItemStatus(status string) string {
	if k := "web.item." + status; v.L.Has(k) {
		return v.L.T(k)
	}
	return status
}

// BodyKind is a body's kind (commission, committee, section) in the
// page's language, or the kind as the record has it.
func (v *view) BodyKind(kind string) string {
	if k := "web.body." + kind; v.L.Has(k) {
		return v.L.T(k)
	}
	return kind
}

// The words of the console's live counts and announcements are said here
// rather than by the template's actions, a dozen of them for a line of
// text, on every render of the console (during a vote, every few
// milliseconds); the template escapes them as it escaped each part.

// CountLine is a vote's live count in words (Count): "3,000 of 10,000
// voted · 8,998 of 10,000 present now (9,000 when it opened) · For 1000,
// Against 1000, Abstain 1000", escaped, each choice's label isolated (a
// draft's title: bidi.go), so that its count stays beside it.
func (v *view) CountLine(vt *assembly.Vote) template.HTML {
	c := v.Count(vt)
	var b strings.Builder
	if handCounted(vt) {
		// No ballots on phones: "0 of 81 voted" would be false; the count
		// of hands entered is what the chair declares by.
		if n := len(vt.Rounds); n > 0 {
			b.WriteString(attrEscaper.Replace(v.L.T("web.c.count_entered", v.RoundWords(vt, vt.Rounds[n-1]))))
		} else {
			b.WriteString(attrEscaper.Replace(v.L.T("web.c.no_count_yet")))
		}
	} else {
		b.WriteString(attrEscaper.Replace(v.consoleVoted(c)))
	}
	b.WriteString(" · ")
	if c.NotRecorded {
		b.WriteString(attrEscaper.Replace(v.L.T("web.q.not_recorded")))
	} else {
		b.WriteString(attrEscaper.Replace(v.L.T("web.c.present_of", c.Present, c.Entitled)))
		if c.Present != c.AtOpening {
			b.WriteByte(' ')
			b.WriteString(attrEscaper.Replace(v.L.T("web.c.at_opening", c.AtOpening)))
		}
	}
	if len(c.Choices) > 0 {
		b.WriteString(" ·")
		if c.Weighted {
			b.WriteByte(' ')
			b.WriteString(attrEscaper.Replace(v.L.T("web.c.weighted_votes")))
		}
		for i, ch := range c.Choices {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteByte(' ')
			if vt.Alternatives != "" { // a draft's title
				b.WriteString(string(bdi(ch.Label)))
			} else {
				b.WriteString(attrEscaper.Replace(ch.Label))
			}
			b.WriteByte(' ')
			b.WriteString(v.L.Number(ch.N))
			if c.Weighted {
				b.WriteByte(' ')
				b.WriteString(attrEscaper.Replace(v.L.T("web.c.of_ballots", ch.Ballots)))
			}
		}
	}
	return template.HTML(b.String())
}

// ElectionCountLine is an election's live attendance in words
// (ElectionCountNow).
func (v *view) ElectionCountLine(el *assembly.Election) string {
	c := v.ElectionCountNow(el)
	return v.consoleVoted(c) + " · " + v.L.T("web.c.present_of", c.Present, c.Entitled)
}

// AnnounceNext is what the script announces when the console's next act
// changes: that the vote is open, or closed and to be declared.
func (v *view) AnnounceNext() string {
	switch v.NextAction().Kind {
	case "close_vote":
		return v.L.T("web.c.announce_voting")
	case "declare_result":
		return v.L.T("web.c.announce_closed")
	}
	return ""
}

// AnnounceVotes is what the script announces when the votes and
// elections in progress change: each with its state (and a vote's
// ballots cast), each followed by a space.
func (v *view) AnnounceVotes() string {
	var b strings.Builder
	for _, vt := range v.ActiveVotes() {
		if handCounted(vt) {
			b.WriteString(v.L.T("web.c.announce_vote_hands", balanced(v.Question(vt)), v.Word(vt.Status)))
		} else {
			b.WriteString(v.L.T("web.c.announce_vote", balanced(v.Question(vt)), v.Word(vt.Status), vt.BallotsCast()))
		}
		b.WriteByte(' ')
	}
	for _, el := range v.ActiveElections() {
		b.WriteString(balanced(el.Title))
		b.WriteString(": ")
		b.WriteString(v.Word(el.Status))
		b.WriteString(". ")
	}
	return b.String()
}

// MoveItem is the order of the items not closed with the item id moved
// one place up (by -1) or down (by +1), as reorder_items takes it ("i2
// i1 i3": the agenda tab's Up and Down, a form each, that work without
// a script), or "" where it cannot move so (the first up, the last down,
// a closed item).
func (v *view) MoveItem(id string, by int) string {
	var open []string
	at := -1
	for _, i := range v.S.ItemOrder {
		if it := v.S.Items[i]; it != nil && it.Status != assembly.ItemStatusClosed {
			if i == id {
				at = len(open)
			}
			open = append(open, i)
		}
	}
	to := at + by
	if at < 0 || to < 0 || to >= len(open) || (by != -1 && by != 1) {
		return ""
	}
	open[at], open[to] = open[to], open[at]
	return strings.Join(open, " ")
}

// PresidiumChoices are the members of the open sitting's presidium but
// its chair, by name: whom change_presidium may remove.
func (v *view) PresidiumChoices() []Choice {
	st := v.S.Sitting()
	if st == nil {
		return nil
	}
	var out []Choice
	for _, p := range st.Presidium {
		if p != st.Chair {
			out = append(out, Choice{Value: p, Label: v.Name(p)})
		}
	}
	byName(out, func(c Choice) string { return c.Label })
	return out
}

// UnapprovedSittings are the sittings whose minutes are not yet approved,
// in order, as choices (sittingLabel, the date as the hint): those
// approve_minutes takes.
func (v *view) UnapprovedSittings() []Choice {
	var out []Choice
	for _, st := range v.Sittings() {
		if !st.Approved {
			out = append(out, Choice{Value: st.ID, Label: v.sittingLabel(st), Hint: v.L.DateText(st.Date)})
		}
	}
	return out
}

// ApprovedSittings are the sittings whose minutes were approved, by
// sittingLabel, in order.
func (v *view) ApprovedSittings() []string {
	var out []string
	for _, st := range v.Sittings() {
		if st.Approved {
			out = append(out, v.sittingLabel(st))
		}
	}
	return out
}

// sittingLabel names a sitting by its title, or by its date when it has
// none.
func (v *view) sittingLabel(st *assembly.Sitting) string {
	if st.Title != "" {
		return st.Title
	}
	return v.L.T("web.ct.sitting_of", v.L.DateText(st.Date))
}

// CarriedVotes are the votes whose declared result carried the question,
// the latest first, as choices by their question: those by which
// approve_minutes may say the minutes were approved.
func (v *view) CarriedVotes() []Choice {
	var out []Choice
	for i := len(v.S.VoteOrder) - 1; i >= 0; i-- {
		vt := v.S.Votes[v.S.VoteOrder[i]]
		if vt != nil && vt.Result != nil && vt.Result.Outcome == assembly.MotionStatusCarried {
			out = append(out, Choice{Value: vt.ID, Label: v.Question(vt)})
		}
	}
	return out
}

// NextItem is the open item the chair takes up next: the first open one
// after the item last taken up or closed, in the order of the day, and
// round to its start (items passed over, or discussed in an earlier
// sitting and left open, come after the rest); nil when none is open.
// After item 8 is closed, item 9 comes next, not item 1.
func (v *view) NextItem() *assembly.Item {
	items := v.Items()
	last := -1
	if id := v.lastItemHandled(); id != "" {
		last = slices.IndexFunc(items, func(i *assembly.Item) bool { return i.ID == id })
	}
	for k := 1; k <= len(items); k++ {
		if i := items[(last+k+len(items))%len(items)]; i.Status == assembly.ItemStatusOpen {
			return i
		}
	}
	return nil
}

// lastItemHandled is the item the record last took up or closed, or "".
func (v *view) lastItemHandled() string {
	for k := len(v.S.Record) - 1; k >= 0; k-- {
		if r := &v.S.Record[k]; r.Kind == "item_taken_up" || r.Kind == "item_closed" {
			return r.Item
		}
	}
	return ""
}

// handCounted reports whether vt is counted by hand, not by ballots cast
// on phones: no ballot in it, and a method whose ballots are not cast on
// phones. The one rule of the console's count line, its count form
// (view.HandCounted in the template) and the projector.
func handCounted(vt *assembly.Vote) bool {
	return len(vt.Ballots) == 0 && len(vt.Sealed) == 0 && vt.Encrypted == nil && vt.Method != "roll_call" && vt.Method != "secret"
}

// RoundWords is a count of hands in the page's language as a sentence
// says it, after "Count entered:" on the console and the projector: "3 in
// favor, all the others against", "the majority against" (a side the
// count does not state is left out, as the 1917 secretaries left it); a
// choice among drafts by the draft's title: "“Draft A” 38".
func (v *view) RoundWords(vt *assembly.Vote, r assembly.Round) string {
	var parts []string
	add := func(label string, c assembly.Count) {
		if c != (assembly.Count{}) {
			parts = append(parts, v.L.T("web.c.count_part", label, v.CountWords(c)))
		}
	}
	side := func(key string, c assembly.Count) {
		if c != (assembly.Count{}) && c.Word != "unstated" {
			parts = append(parts, v.L.T(key, v.CountWords(c)))
		}
	}
	if vt.Alternatives != "" {
		for _, ch := range v.Choices(vt) {
			add(ch.Label, r.Alternatives[ch.Value])
		}
	} else {
		side("web.wc.count_for", r.For)
		side("web.wc.count_against", r.Against)
		side("web.wc.count_abstain", r.Abstain)
	}
	if r.Unanimous {
		parts = append(parts, v.L.T("minutes.count.unanimous"))
	}
	return strings.Join(parts, ", ")
}

// CountWords is a count in the page's language: a number, a range, or its
// word ("all the others").
func (v *view) CountWords(c assembly.Count) string {
	if c.Word != "" {
		if k := "minutes.arith." + c.Word; v.L.Has(k) {
			return v.L.T(k)
		}
		return c.String()
	}
	return countNumber(v.L, c)
}

// CountDecides is the declare form's first choice, which leaves the
// outcome to the count: what the count decides, so the chair sees it
// before declaring ("as the count decides: defeated, 2 needed"), or that
// it does not decide and the chair chooses.
func (v *view) CountDecides(vt *assembly.Vote) string {
	outcome, res := v.S.CountDecides(vt)
	switch {
	case outcome == "":
		return v.L.T("web.c.count_undecided")
	case vt.Alternatives != "":
		return v.L.T("web.c.count_decides", v.ChoiceLabel(vt, outcome))
	case res.Needed > 0:
		return v.L.T("web.c.count_decides_needed", v.Word(outcome), res.Needed)
	}
	return v.L.T("web.c.count_decides", v.Word(outcome))
}
