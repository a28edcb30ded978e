package assembly

import (
	"crypto/sha256"
	"encoding/base32"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Eligibility says who may vote in a vote; empty fields do not restrict.
type Eligibility struct {
	Kinds         []string `json:"kinds" plenum:"enum=decisive|consultative|guest|ex_officio"`
	Organizations []string `json:"organizations" plenum:"id"`
	Persons       []string `json:"persons" plenum:"id"`
	Note          string   `json:"note"`
}

// OpenVote opens a vote on a motion, on competing drafts, or on a question.
type OpenVote struct {
	ID           string       `json:"id" plenum:"required,id"`
	Motion       string       `json:"motion" plenum:"id"`
	Alternatives string       `json:"alternatives" plenum:"id"`
	Question     string       `json:"question"`
	Method       string       `json:"method" plenum:"required,enum=show_of_hands|roll_call|secret|encrypted"`
	Eligible     *Eligibility `json:"eligible"`
	Threshold    Threshold    `json:"threshold" plenum:"enum=majority_cast|majority_present|majority_members|two_thirds_cast|three_quarters_cast"`
	// Ruling is the chair's ruling, in words, by which the vote takes
	// another threshold than the rules fix; Suspension instead names the
	// carried motion to suspend the rules that allows it.
	Ruling     string `json:"ruling"`
	Suspension string `json:"suspension" plenum:"id"`
	// Trustees, TrusteeQuorum and Revote are for an encrypted vote (method
	// encrypted, docs/secret-ballots.md): the persons who hold the election
	// key, how many of them must take part in the decryption (K of N), and
	// whether a voter may cast a new ballot while the vote is open (the last
	// one counts).
	Trustees      []string `json:"trustees" plenum:"id"`
	TrusteeQuorum int      `json:"trustee_quorum" plenum:"positive"`
	Revote        bool     `json:"revote"`
}

// CastBallot is one voter's ballot. In a secret vote Token is the
// ballot's random token (at least MinBallotToken characters), made by
// plenum itself: it is the voter's receipt, never recorded with the voter.
type CastBallot struct {
	Vote       string `json:"vote" plenum:"required,id"`
	Voter      string `json:"voter" plenum:"required,id"`
	Choice     string `json:"choice" plenum:"required"`
	ForMandate string `json:"for_mandate" plenum:"id"`
	Token      string `json:"token"`
}

// MinBallotToken and MaxBallotToken bound the length of a secret
// ballot's token.
const (
	MinBallotToken = 16
	MaxBallotToken = 128
)

// SealedPerEntry is the most sealed votes one sealed_ballots event
// carries, so that each fits in one log entry (64 KiB) and a voter's
// receipt, the entry with their token, shows the token itself.
const SealedPerEntry = 200

// CloseVote closes a vote: no ballot after it. Sealed carries a secret
// vote's ballots, shuffled, given by plenum itself from its ballot box:
// one per vote (see UnitTokens).
type CloseVote struct {
	Vote   string         `json:"vote" plenum:"required,id"`
	Sealed []SealedChoice `json:"sealed"`
}

// SealedChoice is one vote of a secret ballot as it enters the log when
// the vote closes: the choice and a token, and nothing of the voter.
type SealedChoice struct {
	Token  string `json:"token"`
	Choice string `json:"choice"`
}

// UnmarshalJSON also reads a bare choice (the sealed ballots of records
// written before ballots had tokens).
func (c *SealedChoice) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*c = SealedChoice{Choice: s}
		return nil
	}
	type plain SealedChoice
	return json.Unmarshal(b, (*plain)(c))
}

// UnitTokens returns the tokens under which a secret ballot of the given
// weight enters the log: one per vote it carries. A ballot of weight 1
// enters under its token itself. A ballot of weight w > 1 enters under w
// tokens derived from it, never under the token itself: the n-th
// (n = 1 … w) is unitToken(token, n), base32(SHA-256("plenum sealed vote
// unit\x00" + n + "\x00" + token))[:26] (RFC 4648 alphabet, no padding),
// which has the shape of a token plenum makes (crypto/rand.Text). The
// voter, who knows the token, finds every vote of their ballot
// (BallotUnits); anybody else sees w tokens, each the image of a secret
// under a one-way function, none of which says anything of another, so
// nobody but the voter (and the server that sealed the ballots) can tell
// which sealed votes came from one ballot.
//
// Records sealed before this scheme carry a weighted ballot under its
// token and LinkedUnitTokens, from which anybody groups its votes; they
// stay as they are, and BallotUnits finds the votes under either scheme.
func UnitTokens(token string, weight int) []string {
	if weight <= 1 {
		return []string{token}
	}
	out := make([]string, 0, weight)
	for n := 1; n <= weight; n++ {
		out = append(out, unitToken(token, n))
	}
	return out
}

// unitDomain begins every input of the hash that derives a unit token, so
// that the hash of a token for this use is no hash of it for another.
const unitDomain = "plenum sealed vote unit\x00"

// unitToken is the n-th unit token of a weighted ballot (UnitTokens).
func unitToken(token string, n int) string {
	sum := sha256.Sum256([]byte(unitDomain + strconv.Itoa(n) + "\x00" + token))
	return unitText(sum)
}

// unitText is a hash as a unit token: base32, no padding, 26 characters.
func unitText(sum [sha256.Size]byte) string {
	return base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(sum[:])[:26]
}

// LinkedUnitTokens is how plenum sealed a ballot of weight w before
// UnitTokens: under its token itself, then, for n = 2 … w, under
// base32(SHA-256(token + "/" + n))[:26]. Anybody can derive those from the
// published token, so the votes of one ballot are linked, and with the
// weights ballot_cast records, a voter of a weight nobody else has is
// known. It is kept to find the votes of ballots in records sealed so
// (BallotUnits), never to seal.
func LinkedUnitTokens(token string, weight int) []string {
	out := []string{token}
	for n := 2; n <= weight; n++ {
		out = append(out, linkedUnitToken(token, n))
	}
	return out
}

func linkedUnitToken(token string, n int) string {
	return unitText(sha256.Sum256([]byte(token + "/" + strconv.Itoa(n))))
}

// BallotUnits returns the tokens under which the ballot with the given
// token is among sealed votes, sealed saying which tokens are, under
// either scheme (UnitTokens, LinkedUnitTokens): the token itself and the
// units derived from it, in the order of n. With upTo > 0 it looks for
// each unit n ≤ upTo, for sealed votes that may hold some of a ballot's
// votes and not others (one sealed_ballots entry); with upTo ≤ 0 it stops
// at the first unit not sealed, for sealed votes that hold all of a vote's.
// Only the holder of the token finds these: the derived units say nothing
// of it, nor of each other.
func BallotUnits(token string, sealed func(string) bool, upTo int) []string {
	var out []string
	if sealed(token) {
		out = append(out, token)
	}
	look := func(from int, derive func(string, int) string) {
		for n := from; upTo <= 0 || n <= upTo; n++ {
			if u := derive(token, n); sealed(u) {
				out = append(out, u)
			} else if upTo <= 0 {
				return
			}
		}
	}
	look(1, unitToken)
	look(2, linkedUnitToken) // the first vote of a linked ballot is under the token
	return out
}

// EnterCount enters a count of a show of hands, as the chair or tellers give it.
type EnterCount struct {
	Vote         string           `json:"vote" plenum:"required,id"`
	For          *Count           `json:"for"`
	Against      *Count           `json:"against"`
	Abstain      *Count           `json:"abstain"`
	Alternatives map[string]Count `json:"alternatives"`
	Ballots      int              `json:"ballots" plenum:"positive"`
	Unanimous    bool             `json:"unanimous"`
	Tellers      []string         `json:"tellers" plenum:"id"`
	Note         string           `json:"note"`
}

// DeclareResult declares a closed vote's result.
type DeclareResult struct {
	Vote    string `json:"vote" plenum:"required,id"`
	Outcome string `json:"outcome"`
	Note    string `json:"note"`
}

func (OpenVote) CommandName() string      { return "open_vote" }
func (CastBallot) CommandName() string    { return "cast_ballot" }
func (CloseVote) CommandName() string     { return "close_vote" }
func (EnterCount) CommandName() string    { return "enter_count" }
func (DeclareResult) CommandName() string { return "declare_result" }

// VoteOpened: a vote was opened; it carries who is entitled and the
// attendance at that moment.
type VoteOpened struct {
	Meta         `json:"meta"`
	Vote         string             `json:"vote"`
	Motion       string             `json:"motion"`
	Alternatives string             `json:"alternatives"`
	Question     string             `json:"question"`
	Method       string             `json:"method"`
	Sitting      string             `json:"sitting"`
	Item         string             `json:"item"`
	Threshold    Threshold          `json:"threshold"`
	Eligible     []string           `json:"eligible"`
	EligibleNote string             `json:"eligible_note"`
	Attendance   AttendanceSnapshot `json:"attendance"`
	// RuleThreshold and Departure, when Threshold is not what the rules
	// fix: the rule's threshold and the ruling or suspension departing.
	RuleThreshold Threshold  `json:"rule_threshold,omitempty"`
	Departure     *Departure `json:"departure,omitempty"`
	// Encrypted is an encrypted vote's parameters (method encrypted).
	Encrypted *EncryptedSetup `json:"encrypted,omitempty"`
	// Counting is the version of the counting rules the vote is counted
	// by (tally.Rules); left out, v1 (countingToRecord).
	Counting int `json:"counting,omitempty"`
}

// BallotCast: a ballot was cast. In a secret vote Choice is empty.
type BallotCast struct {
	Meta   `json:"meta"`
	Vote   string `json:"vote"`
	Voter  string `json:"voter"`
	Right  string `json:"right"`
	Choice string `json:"choice"`
	Weight int    `json:"weight"`
}

// VoteClosed: the vote was closed. In a secret vote the sealed_ballots
// events that follow it carry the ballots; Sealed is empty but in records
// written before those events existed, where it holds all the choices.
type VoteClosed struct {
	Meta   `json:"meta"`
	Vote   string         `json:"vote"`
	Sealed []SealedChoice `json:"sealed"`
}

// SealedBallots: a closed secret vote's ballots entered the log, at most
// SealedPerEntry votes per event, shuffled, each with its token and no
// voter. All of them follow the vote_closed event, in the same command.
type SealedBallots struct {
	Meta   `json:"meta"`
	Vote   string         `json:"vote"`
	Sealed []SealedChoice `json:"sealed"`
}

// CountEntered: a count was entered.
type CountEntered struct {
	Meta  `json:"meta"`
	Vote  string `json:"vote"`
	Round Round  `json:"round"`
}

// ResultDeclared: the result was declared.
type ResultDeclared struct {
	Meta   `json:"meta"`
	Vote   string `json:"vote"`
	Result Result `json:"result"`
}

func (VoteOpened) EventType() string     { return "vote_opened" }
func (BallotCast) EventType() string     { return "ballot_cast" }
func (VoteClosed) EventType() string     { return "vote_closed" }
func (SealedBallots) EventType() string  { return "sealed_ballots" }
func (CountEntered) EventType() string   { return "count_entered" }
func (ResultDeclared) EventType() string { return "result_declared" }

func (s *State) vote(id string) (*Vote, error) {
	v := s.Votes[id]
	if v == nil {
		return nil, notFound("there is no vote %q", id)
	}
	return v, nil
}

// eligibleRights lists the voting rights a vote's eligibility admits:
// verified mandates of the kinds, organizations and persons named, and the
// sitting's guests where they may vote.
func (s *State) eligibleRights(el *Eligibility) []string {
	var e Eligibility
	if el != nil {
		e = *el
	}
	kinds := e.Kinds
	if len(kinds) == 0 {
		kinds = []string{KindDecisive}
		if s.Assembly.Rules.ConsultativeMayVote {
			kinds = append(kinds, KindConsultative)
		}
	}
	inOrgs := func(person, org string) bool {
		if len(e.Organizations) == 0 {
			return true
		}
		for _, o := range e.Organizations {
			if o == org || s.MemberOf(person, o) {
				return true
			}
		}
		return false
	}
	rights := []string{}
	hasRight := map[string]bool{}
	for _, id := range s.MandateOrder {
		md := s.Mandates[id]
		if md.Status != MandateStatusVerified || !contains(kinds, md.Kind) || !inOrgs(md.Person, md.Organization) {
			continue
		}
		if len(e.Persons) > 0 && !contains(e.Persons, md.Person) {
			continue
		}
		rights = append(rights, id)
		hasRight[md.Person] = true
	}
	if st := s.Sitting(); st != nil && st.GuestsMayVote {
		for _, g := range st.Guests {
			if hasRight[g] || (len(e.Persons) > 0 && !contains(e.Persons, g)) {
				continue
			}
			if len(e.Organizations) > 0 && !inOrgs(g, "") {
				continue
			}
			rights = append(rights, "p:"+g)
		}
	}
	return rights
}

// rightHolder is the person who exercises a voting right now.
func (s *State) rightHolder(right string) string {
	if strings.HasPrefix(right, "p:") {
		return right[2:]
	}
	if md := s.Mandates[right]; md != nil {
		return s.holder(md)
	}
	return ""
}

func (c OpenVote) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair puts a question to the vote")
	}
	st := s.Sitting()
	if st == nil {
		return nil, closed("no sitting is open; votes are taken in a sitting")
	}
	if s.Votes[c.ID] != nil {
		return nil, conflict("there is already a vote %q", c.ID)
	}
	if c.Motion != "" && c.Alternatives != "" {
		return nil, fieldErr("motion", "a vote is on a motion or on alternatives, not both")
	}
	if c.Motion == "" && c.Alternatives == "" && c.Question == "" {
		return nil, fieldErr("motion", "say what is put to the vote: motion, alternatives or question")
	}
	var voted *Motion
	item := st.CurrentItem
	if c.Motion != "" {
		mo, err := s.motion(c.Motion)
		if err != nil {
			return nil, err
		}
		if mo.Status != MotionStatusPending {
			return nil, conflict("the motion %s is %s and cannot be put to the vote", mo.ID, stateWord(mo.Status))
		}
		if v := s.openVoteOn(mo.ID); v != "" {
			return nil, conflict("the vote %s on %s is not yet declared", v, mo.ID)
		}
		if v, _, root := s.openVoteInFamily(mo); v != "" {
			return nil, conflict("%s is not yet declared; the questions of %s are put to the vote one at a time", v, root)
		}
		if mo.Group != "" && s.Alternatives[mo.Group].Chosen == "" {
			return nil, conflict("%s competes in %s; first vote which draft is taken as the basis", mo.ID, mo.Group)
		}
		if s.AwaitsSecond(mo) {
			return nil, conflict("the motion %s has not been seconded; the rules require a second before the vote", mo.ID)
		}
		if p := s.precedes(mo); p != nil {
			return nil, conflict("%s (%s) must be put to the vote before %s", p.ID, p.Title, mo.ID)
		}
		if err := s.reopenFits(mo); err != nil {
			return nil, err
		}
		voted = mo
		if mo.Item != "" {
			item = mo.Item
		}
	}
	if c.Alternatives != "" {
		a := s.Alternatives[c.Alternatives]
		if a == nil {
			return nil, notFound("there is no group of alternatives %q", c.Alternatives)
		}
		if a.Chosen != "" {
			return nil, conflict("the basis among %s was already chosen: %s", a.ID, a.Chosen)
		}
		for _, id := range s.VoteOrder {
			if v := s.Votes[id]; v.Alternatives == a.ID && v.InProgress() {
				return nil, conflict("the vote %s on %s is not yet declared", id, a.ID)
			}
		}
	}
	var what any = reason("the question") // what the vote decides, for a refusal
	if voted != nil {
		what = voted.ID
	} else if c.Alternatives != "" {
		what = reason("the choice among %s", c.Alternatives)
	}
	rule := s.RuleThreshold(voted)
	if voted == nil && c.Alternatives == "" {
		rule = s.itemThreshold(item) // a question put on the item decides it
	}
	th, dep, err := s.departure(c.Threshold, rule, c.Ruling, c.Suspension, c.Motion, st.ID, what)
	if err != nil {
		return nil, err
	}
	if present, needed, ok := s.Quorum(); !ok && s.QuorumCounted() {
		return nil, conflict("there is no quorum: %d voting members present, %d needed", present, needed)
	}
	if el := c.Eligible; el != nil {
		for _, o := range el.Organizations {
			if s.Organizations[o] == nil {
				return nil, notFound("there is no organization %q", o)
			}
		}
		if err := s.personsExist("eligible.persons", el.Persons); err != nil {
			return nil, err
		}
	}
	enc, err := s.encryptedSetup(c)
	if err != nil {
		return nil, err
	}
	rights := s.eligibleRights(c.Eligible)
	att := s.snapshot(rights, st.AttendanceNotRecorded)
	note := ""
	if c.Eligible != nil {
		note = c.Eligible.Note
	}
	ev := VoteOpened{Meta: m, Vote: c.ID, Motion: c.Motion, Alternatives: c.Alternatives, Question: c.Question,
		Method: c.Method, Sitting: st.ID, Item: item, Threshold: th, Eligible: rights, EligibleNote: note, Attendance: att,
		Departure: dep, Encrypted: enc, Counting: countingToRecord("")}
	if dep != nil {
		ev.RuleThreshold = rule
	}
	return one(ev)
}

func (e VoteOpened) apply(s *State) error {
	if e.Vote == "" || s.Votes[e.Vote] != nil {
		return corrupt("the vote %q cannot be opened", e.Vote)
	}
	if e.Motion != "" && s.Motions[e.Motion] == nil || e.Alternatives != "" && s.Alternatives[e.Alternatives] == nil {
		return corrupt("the vote %q is on an unknown motion", e.Vote)
	}
	if err := countingNamed("vote", e.Vote, e.Counting); err != nil {
		return err
	}
	v := &Vote{ID: e.Vote, Motion: e.Motion, Alternatives: e.Alternatives, Question: e.Question, Method: e.Method,
		Sitting: e.Sitting, Item: e.Item, Threshold: e.Threshold, EligibleNote: e.EligibleNote, Attendance: e.Attendance,
		RuleThreshold: e.RuleThreshold, Departure: e.Departure, Counting: e.Counting,
		Status: VoteStatusOpen, OpenedAt: e.At, Eligible: make(map[string]bool, len(e.Eligible)), Voted: make(map[string]bool, len(e.Eligible))}
	for _, r := range e.Eligible {
		v.Eligible[r] = true
	}
	if !e.Attendance.NotRecorded {
		v.PresentAtOpening = map[string]bool{}
		for _, r := range e.Eligible {
			if s.VotesFromWhere(s.rightHolder(r)) {
				v.PresentAtOpening[r] = true
			}
		}
	}
	if (e.Method == MethodEncrypted) != (e.Encrypted != nil) {
		return corrupt("the vote %q is encrypted without its parameters, or has them without being encrypted", e.Vote)
	}
	if e.Encrypted != nil {
		ev, err := s.newEncryptedVote(e)
		if err != nil {
			return err
		}
		v.Encrypted = ev
	}
	s.Votes[v.ID] = v
	s.VoteOrder = append(s.VoteOrder, v.ID)
	if mo := s.Motions[e.Motion]; mo != nil {
		mo.Votes = append(mo.Votes, v.ID)
	}
	s.note(e.Meta, e.EventType(), v.ID, func(r *RecordEntry) {
		if v.Item != "" {
			r.Item = v.Item
		}
		r.Sub, r.Text = v.Method, s.voteQuestion(v)
	})
	return nil
}

// votesCast is the number of votes the ballots carry (weights counted).
func (v *Vote) votesCast() int {
	n := 0
	for _, b := range v.Ballots {
		n += max(b.Weight, 1)
	}
	return n
}

func (s *State) voteQuestion(v *Vote) string {
	switch {
	case v.Question != "":
		return v.Question
	case v.Motion != "":
		return s.Motions[v.Motion].Title
	case v.Alternatives != "":
		return s.Alternatives[v.Alternatives].Title
	}
	return ""
}

func validChoice(s *State, v *Vote, choice string) bool {
	if v.Alternatives != "" {
		return choice == "abstain" || contains(s.Alternatives[v.Alternatives].Motions, choice)
	}
	return choice == "for" || choice == "against" || choice == "abstain"
}

func (c CastBallot) decide(s *State, m Meta) ([]Event, error) {
	v := s.Votes[c.Vote]
	if v == nil {
		return nil, notFound("there is no vote %q", c.Vote)
	}
	if v.Status != VoteStatusOpen {
		return nil, closed("the vote %s is closed; no ballot can be cast after the vote closes", c.Vote)
	}
	if m.Actor != c.Voter {
		return nil, forbidden("%s cannot cast a ballot for %s; each voter casts their own", m.Actor, c.Voter)
	}
	if v.Encrypted != nil {
		return nil, conflict("the vote %s is encrypted: a ballot is encrypted in the voter's browser and cast with cast_encrypted_ballot, never as a plain choice", c.Vote)
	}
	right, err := s.ballotRight(c.Voter, c.ForMandate, v.Eligible, c.Vote, v.EligibleNote)
	if err != nil {
		return nil, err
	}
	if v.Voted[right] {
		return nil, conflict("the mandate %s has already voted in %s; there is no second ballot", right, c.Vote)
	}
	if v.Method == "secret" && (len(c.Token) < MinBallotToken || len(c.Token) > MaxBallotToken) {
		return nil, fieldErr("token", "a secret ballot needs its token (at least %d characters), which plenum makes", MinBallotToken)
	} else if v.Method != "secret" && c.Token != "" {
		return nil, fieldErr("token", "only a secret ballot has a token; the vote %s is by %s", c.Vote, methodWord(v.Method))
	}
	if !validChoice(s, v, c.Choice) {
		if v.Alternatives != "" {
			return nil, fieldErr("choice", "the choice in %s is one of the drafts %s, or abstain; not %q", c.Vote, strings.Join(s.Alternatives[v.Alternatives].Motions, ", "), c.Choice)
		}
		return nil, fieldErr("choice", "the choice is for, against or abstain, not %q", c.Choice)
	}
	choice := c.Choice
	if v.Method == "secret" {
		choice = ""
	}
	return []Event{BallotCast{Meta: m, Vote: c.Vote, Voter: c.Voter, Right: right, Choice: choice, Weight: s.weight(right)}}, nil
}

// weight is the number of votes a voting right carries: its mandate's
// weight where the rules allow weights, else 1.
func (s *State) weight(right string) int {
	if !s.Assembly.Rules.WeightedVotes {
		return 1
	}
	if md := s.Mandates[right]; md != nil {
		return md.Votes()
	}
	return 1
}

// Eligible reports whether a person may cast a ballot in a vote now with
// their own mandate, or says why not.
func (s *State) Eligible(vote, person string) error {
	v := s.Votes[vote]
	if v == nil {
		return notFound("there is no vote %q", vote)
	}
	if v.Status != VoteStatusOpen {
		return closed("the vote %s is closed; no ballot can be cast after the vote closes", vote)
	}
	right, err := s.ballotRight(person, "", v.Eligible, vote, v.EligibleNote)
	if err != nil {
		return err
	}
	if v.Voted[right] {
		return conflict("the mandate %s has already voted in %s; there is no second ballot", right, vote)
	}
	return nil
}

func noteSuffix(n string) string {
	if n == "" {
		return ""
	}
	return " (" + n + ")"
}

func (e BallotCast) apply(s *State) error {
	v := s.Votes[e.Vote]
	if v == nil || v.Status != VoteStatusOpen || !v.Eligible[e.Right] || v.Voted[e.Right] || v.Encrypted != nil {
		return corrupt("the ballot of %s in %q does not fit the vote", e.Voter, e.Vote)
	}
	v.Voted[e.Right] = true
	if v.Ballots == nil {
		// Room for every eligible right at once: a vote of thousands
		// grew its slice a dozen times, copying it each time (a sixth
		// of the replay of a large assembly at start).
		v.Ballots = make([]Ballot, 0, len(v.Eligible))
	}
	v.Ballots = append(v.Ballots, Ballot{Voter: e.Voter, Right: e.Right, Choice: e.Choice, Weight: e.Weight, At: e.At})
	return nil
}

func (c CloseVote) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair closes a vote")
	}
	v, err := s.vote(c.Vote)
	if err != nil {
		return nil, err
	}
	if v.Status != VoteStatusOpen {
		return nil, closed("the vote %s is already closed", c.Vote)
	}
	if v.Method == "secret" {
		if n := v.votesCast(); len(c.Sealed) != n {
			return nil, fieldErr("sealed", "the sealed ballots (%d) must number the votes cast (%d)", len(c.Sealed), n)
		}
		tokens := make(map[string]bool, len(c.Sealed))
		for _, sc := range c.Sealed {
			if !validChoice(s, v, sc.Choice) {
				return nil, fieldErr("sealed", "a sealed ballot holds %q, which is not a choice in %s", sc.Choice, c.Vote)
			}
			if len(sc.Token) < MinBallotToken || len(sc.Token) > MaxBallotToken {
				return nil, fieldErr("sealed", "a sealed ballot's token has %d to %d characters", MinBallotToken, MaxBallotToken)
			}
			if tokens[sc.Token] {
				return nil, fieldErr("sealed", "the token %s is on two sealed ballots", sc.Token)
			}
			tokens[sc.Token] = true
		}
	} else if len(c.Sealed) > 0 {
		return nil, fieldErr("sealed", "only a secret vote has sealed ballots")
	}
	if v.Encrypted != nil {
		return s.closeEncrypted(m, v)
	}
	evs := []Event{VoteClosed{Meta: m, Vote: c.Vote}}
	for rest := c.Sealed; len(rest) > 0; {
		n := min(len(rest), SealedPerEntry)
		evs = append(evs, SealedBallots{Meta: m, Vote: c.Vote, Sealed: rest[:n:n]})
		rest = rest[n:]
	}
	return evs, nil
}

func (e VoteClosed) apply(s *State) error {
	v := s.Votes[e.Vote]
	if v == nil || v.Status != VoteStatusOpen {
		return corrupt("the vote %q is not open", e.Vote)
	}
	if len(e.Sealed) > 0 && (v.Method != "secret" || len(e.Sealed) != v.votesCast()) {
		return corrupt("the sealed ballots of %q do not number its voters", e.Vote)
	}
	if err := v.sealTokens(e.Vote, e.Sealed); err != nil {
		return err
	}
	v.Status, v.ClosedAt = VoteStatusClosed, e.At
	for _, sc := range e.Sealed {
		v.Sealed = append(v.Sealed, sc.Choice)
	}
	if len(e.Sealed) > 0 {
		v.SealedEntries = append(v.SealedEntries, int64(s.Events))
	}
	return nil
}

// sealTokens refuses sealed votes of the vote (id) that repeat a token,
// in them or among those of the vote sealed before: a token names one
// sealed vote, so that a receipt found by it is one voter's alone. A
// server that gave two voters one token shows so here if it sealed both;
// if it sealed one and a vote of its own for the other, the record cannot
// show it (docs/script.md, "Secret votes"). Votes sealed before ballots
// had tokens have none. It keeps the tokens until the vote's votes are
// all sealed (they follow vote_closed in one command), then lets them go.
func (v *Vote) sealTokens(id string, sealed []SealedChoice) error {
	if len(sealed) == 0 {
		return nil
	}
	if v.sealedTokens == nil {
		v.sealedTokens = make(map[string]struct{}, v.votesCast())
	}
	for _, sc := range sealed {
		if sc.Token == "" {
			continue
		}
		if _, dup := v.sealedTokens[sc.Token]; dup {
			return corrupt("two sealed ballots of %q carry one token", id)
		}
		v.sealedTokens[sc.Token] = struct{}{}
	}
	if len(v.Sealed)+len(sealed) >= v.votesCast() {
		v.sealedTokens = nil
	}
	return nil
}

func (e SealedBallots) apply(s *State) error {
	v := s.Votes[e.Vote]
	if v == nil || v.Method != "secret" || v.Status != VoteStatusClosed || len(e.Sealed) == 0 || len(v.Sealed)+len(e.Sealed) > v.votesCast() {
		return corrupt("the sealed ballots of %q do not fit the vote", e.Vote)
	}
	if err := v.sealTokens(e.Vote, e.Sealed); err != nil {
		return err
	}
	for _, sc := range e.Sealed {
		v.Sealed = append(v.Sealed, sc.Choice)
	}
	v.SealedEntries = append(v.SealedEntries, int64(s.Events))
	return nil
}

func (c EnterCount) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) && !s.isTeller(m.Actor) {
		return nil, forbidden("only the chair or a teller enters a count")
	}
	v, err := s.vote(c.Vote)
	if err != nil {
		return nil, err
	}
	if v.Status == VoteStatusDeclared {
		return nil, closed("the result of %s is already declared", c.Vote)
	}
	if v.Status == VoteStatusWithdrawn {
		return nil, closed("the vote %s was withdrawn", c.Vote)
	}
	if len(v.Ballots) > 0 {
		return nil, conflict("ballots were cast one by one in %s; its result is counted from them", c.Vote)
	}
	if v.Encrypted != nil {
		return nil, conflict("the vote %s is encrypted; its count is the trustees' decryption of the encrypted total, not entered by hand", c.Vote)
	}
	if err := s.personsExist("tellers", c.Tellers); err != nil {
		return nil, err
	}
	rd := Round{Ballots: c.Ballots, Unanimous: c.Unanimous, Tellers: c.Tellers, Note: c.Note}
	if v.Alternatives != "" {
		if len(c.Alternatives) == 0 && !c.Unanimous {
			return nil, fieldErr("alternatives", "give the count for each draft in alternatives")
		}
		if c.For != nil || c.Against != nil {
			return nil, fieldErr("for", "a vote on alternatives is counted per draft (alternatives), not for and against")
		}
		for _, k := range sortedKeys(c.Alternatives) {
			if !contains(s.Alternatives[v.Alternatives].Motions, k) {
				return nil, fieldErr("alternatives", "%q is not one of the drafts in %s", k, c.Vote)
			}
		}
		rd.Alternatives = c.Alternatives
	} else {
		if len(c.Alternatives) > 0 {
			return nil, fieldErr("alternatives", "%s is not a vote on alternatives", c.Vote)
		}
		if c.Unanimous {
			if c.Against != nil && *c.Against != Exact(0) {
				return nil, fieldErr("against", "a unanimous vote has no votes against")
			}
		} else if c.For == nil && c.Against == nil {
			return nil, fieldErr("for", "%s: give the votes for and against (or say unanimous)", CommandName(c.CommandName()))
		} else if c.For == nil || c.Against == nil {
			missing, given := "for", c.Against
			if c.For != nil {
				missing, given = "against", c.For
			}
			if w := given.Word; w != "majority" && w != "minority" && w != "rest" {
				return nil, fieldErr(missing, "%s: the field %q is required; only a side stated as majority, minority or rest may stand alone", CommandName(c.CommandName()), FieldName{c.CommandName(), missing})
			}
			unstated := &Count{Word: "unstated"}
			if c.For == nil {
				c.For = unstated
			} else {
				c.Against = unstated
			}
		}
		if c.For != nil {
			rd.For = *c.For
		}
		if c.Against != nil {
			rd.Against = *c.Against
		}
		if c.Abstain != nil {
			rd.Abstain = *c.Abstain
		}
		w := rd.For.Word + "/" + rd.Against.Word
		switch w {
		case "majority/majority", "minority/minority", "rest/rest", "rest/majority", "majority/rest":
			return nil, fieldErr("for", "the counts contradict each other: %s for, %s against", rd.For, rd.Against)
		}
		if c.Unanimous && c.For == nil {
			rd.For = Count{Word: "rest"}
		}
	}
	if !v.Attendance.NotRecorded {
		if err := s.countFits(v, &rd); err != nil {
			return nil, err
		}
	}
	return one(CountEntered{Meta: m, Vote: c.Vote, Round: rd})
}

// countFits refuses a count of more votes than could be cast: those
// entitled to vote in v and present when it was opened, or now if more
// are present now. It records that figure in the round.
func (s *State) countFits(v *Vote, rd *Round) error {
	rights := make([]string, 0, len(v.Eligible))
	for r := range v.Eligible {
		rights = append(rights, r)
	}
	now := s.snapshot(rights, false).votesPresent()
	limit := max(v.Attendance.votesPresent(), now)
	least := rd.For.Min + rd.Against.Min + rd.Abstain.Min
	for _, k := range sortedKeys(rd.Alternatives) {
		least += rd.Alternatives[k].Min
	}
	if least > limit {
		return conflict("the count gives at least %d votes in %s, but only %d could be cast: %d entitled to vote were present when it was opened, %d are now; count again", least, v.ID, limit, v.Attendance.votesPresent(), now)
	}
	rd.Present = limit
	return nil
}

func (e CountEntered) apply(s *State) error {
	v := s.Votes[e.Vote]
	if v == nil || !v.InProgress() {
		return corrupt("no count can be entered for %q", e.Vote)
	}
	v.Rounds = append(v.Rounds, e.Round)
	return nil
}

func (c DeclareResult) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair declares the result")
	}
	v, err := s.vote(c.Vote)
	if err != nil {
		return nil, err
	}
	switch v.Status {
	case VoteStatusOpen:
		return nil, conflict("the vote %s is still open; close it before declaring the result", c.Vote)
	case VoteStatusDeclared:
		return nil, closed("the result of %s is already declared: %s", c.Vote, outcomeWord(v.Result.Outcome))
	case VoteStatusWithdrawn:
		return nil, closed("the vote %s was withdrawn; it has no result", c.Vote)
	}
	if v.Method == "secret" && len(v.Ballots) > 0 && len(v.Sealed) != v.votesCast() {
		return nil, conflict("the sealed ballots of %s (%d) do not number the votes cast (%d); the record is incomplete", c.Vote, len(v.Sealed), v.votesCast())
	}
	if v.Encrypted != nil && v.Encrypted.Counts == nil {
		return nil, conflict("the encrypted total of %s is not yet decrypted: %d of the %d trustees needed have posted their partial decryptions", c.Vote, len(v.Encrypted.Partials), v.Encrypted.Quorum)
	}
	var res Result
	if c.Outcome == MotionStatusNotRecorded {
		// A restored record: the vote was taken, its result is not in the minutes.
		if len(v.Ballots) > 0 || len(v.Rounds) > 0 {
			return nil, conflict("the vote %s has a count; its result is counted, not left unrecorded", c.Vote)
		}
		res = Result{Outcome: MotionStatusNotRecorded, Arithmetic: "result not recorded"}
	} else if res, err = s.count(v, c.Outcome); err != nil {
		return nil, err
	}
	res.Note = c.Note
	evs := []Event{ResultDeclared{Meta: m, Vote: c.Vote, Result: res}}
	if res.Outcome == MotionStatusCarried && v.Motion != "" {
		evs = append(evs, s.effects(m, s.Motions[v.Motion])...)
		evs = append(evs, s.textEffects(m, v, s.Motions[v.Motion])...)
		if err := s.disposesNoVoteInProgress(v, evs); err != nil {
			return nil, err
		}
	}
	return evs, nil
}

// disposesNoVoteInProgress refuses a declaration of v whose effects would
// dispose of a motion (an amendment it overtakes) that another vote is
// still on, open or closed and not declared: that vote could then never be
// declared, its motion no longer pending. The chair declares or withdraws
// that vote first.
func (s *State) disposesNoVoteInProgress(v *Vote, evs []Event) error {
	for _, e := range evs {
		d, ok := e.(MotionDisposed)
		if !ok {
			continue
		}
		mo := s.Motions[d.Motion]
		if mo == nil {
			continue
		}
		if other, on := s.openVoteUnder(mo); other != "" && other != v.ID {
			if on != mo.ID {
				return conflict("declaring %s carried would overtake %s and the amendment %s to it, which the vote %s is still on; declare or withdraw %s first", v.ID, mo.ID, on, other, other)
			}
			return conflict("declaring %s carried would overtake %s, which the vote %s is still on; declare or withdraw %s first", v.ID, mo.ID, other, other)
		}
	}
	return nil
}

// effects are the events by which a carried procedural motion takes effect.
func (s *State) effects(m Meta, mo *Motion) []Event {
	target := mo.Target
	if target == "" {
		target = mo.Item
	}
	it := s.Items[target]
	live := it != nil && it.Status != ItemStatusClosed && it.Status != ItemStatusTabled
	switch mo.Procedure {
	case "close_discussion":
		if live && !it.Floor.DiscussionClosed {
			return []Event{DiscussionClosed{Meta: m, Item: it.ID}}
		}
	case "close_list":
		if live && !it.Floor.ListClosed {
			return []Event{ListClosed{Meta: m, Item: it.ID}}
		}
	case "table":
		if live {
			until := mo.Text
			return []Event{ItemTabled{Meta: m, Item: it.ID, Until: until}}
		}
	case "reconsider":
		t := s.Motions[mo.Target]
		if v := s.Votes[mo.Reconsiders]; v != nil {
			t = s.Motions[v.Motion]
		}
		if t != nil && (t.Status == MotionStatusCarried || t.Status == MotionStatusDefeated) {
			return []Event{MotionReopened{Meta: m, Motion: t.ID}}
		}
	case "instruct_committee":
		if b := s.Bodies[mo.Target]; b != nil {
			ins := mo.Text
			if ins == "" {
				ins = mo.Title
			}
			return []Event{BodyInstructed{Meta: m, Body: b.ID, Instruction: ins}}
		}
	}
	return nil
}

func (e ResultDeclared) apply(s *State) error {
	v := s.Votes[e.Vote]
	if v == nil || v.Status != VoteStatusClosed {
		return corrupt("the result of %q cannot be declared", e.Vote)
	}
	r := e.Result
	if v.Encrypted != nil {
		if err := checkEncryptedResult(v, r); err != nil {
			return err
		}
	}
	// Replay (and so plenum verify) counts every vote again, a plain one
	// as an encrypted one.
	if err := s.recountVote(v, r); err != nil {
		return err
	}
	if v.Alternatives != "" && r.Outcome != MotionStatusNotRecorded {
		a := s.Alternatives[v.Alternatives]
		if !contains(a.Motions, r.Outcome) {
			return corrupt("the outcome %q is not one of the drafts", r.Outcome)
		}
		a.Chosen = r.Outcome
		for _, id := range a.Motions {
			if id == r.Outcome {
				s.Motions[id].Basis = true
			} else if mo := s.Motions[id]; mo.Status == MotionStatusPending {
				s.setStatus(mo, MotionStatusSetAside)
			}
		}
	} else if mo := s.Motions[v.Motion]; mo != nil {
		if mo.Status != MotionStatusPending {
			return corrupt("the motion %q is not pending", mo.ID)
		}
		switch r.Outcome {
		case MotionStatusCarried:
			s.setStatus(mo, MotionStatusCarried)
			if p := s.Motions[mo.Amends]; p != nil {
				p.Adopted = append(p.Adopted, mo.ID)
			}
		case MotionStatusDefeated:
			s.setStatus(mo, MotionStatusDefeated)
		case MotionStatusNotRecorded:
			s.setStatus(mo, MotionStatusNotRecorded)
		default:
			return corrupt("the outcome %q is neither carried nor defeated", r.Outcome)
		}
	}
	v.Status, v.Result = VoteStatusDeclared, &r
	s.note(e.Meta, e.EventType(), v.ID, func(re *RecordEntry) {
		if v.Item != "" {
			re.Item = v.Item
		}
		re.Sub, re.Text = r.Outcome, r.Arithmetic
	})
	return nil
}

// count computes a closed vote's result from its ballots, its sealed
// ballots or its last count; declared is the outcome the chair states,
// required when the counts do not decide and refused when it contradicts
// them.
func (s *State) count(v *Vote, declared string) (Result, error) {
	var res Result
	var round *Round
	byChoice := map[string]int{}
	counted := false
	switch {
	case v.Encrypted != nil && v.Encrypted.Counts != nil:
		for k, n := range v.Encrypted.Counts {
			if n > 0 {
				byChoice[k] = n
			}
		}
		counted = true
	case v.Method == "secret" && len(v.Sealed) > 0:
		for _, ch := range v.Sealed {
			byChoice[ch]++
		}
		counted = true
	case len(v.Ballots) > 0:
		for _, b := range v.Ballots {
			byChoice[b.Choice] += max(b.Weight, 1)
		}
		counted = true
	case len(v.Rounds) > 0:
		round = &v.Rounds[len(v.Rounds)-1]
	case v.Method == "roll_call" && v.Alternatives == "":
		// A roll call closed with no ballot cast and no count entered was
		// counted: none cast, and the rules decide what that means (no
		// majority of none). A show of hands with no count entered is
		// uncounted, and so is a secret ballot, whose sides are unknown.
		// Results declared before this was so hold the chair's outcome in
		// their event, which replay keeps.
		counted = true
	}
	prefix := ""
	if round != nil && round.Ballots > 1 {
		prefix = fmt.Sprintf("after %d ballots: ", round.Ballots)
	}
	if v.Alternatives != "" {
		a := s.Alternatives[v.Alternatives]
		if declared != "" && !contains(a.Motions, declared) {
			return res, fieldErr("outcome", "the outcome of %s is one of the drafts %s, not %q", v.ID, strings.Join(a.Motions, ", "), declared)
		}
		var parts []string
		best, bestN, tie := "", -1, false
		allExact := true
		for _, id := range a.Motions {
			c := Exact(byChoice[id])
			if !counted && round != nil {
				c = round.Alternatives[id]
			}
			parts = append(parts, fmt.Sprintf("%s %s", id, c))
			if !c.IsExact() {
				allExact = false
				continue
			}
			switch {
			case c.Min > bestN:
				best, bestN, tie = id, c.Min, false
			case c.Min == bestN:
				tie = true
			}
		}
		outcome := declared
		arith := prefix + strings.Join(parts, ", ")
		if counted || round != nil {
			if allExact && !tie {
				if declared != "" && declared != best {
					return res, conflict("the counts (%s) take %s as the basis, not %s", arith, best, declared)
				}
				outcome = best
			} else if declared == "" {
				return res, fieldErr("outcome", "the counts (%s) do not decide between the drafts; declare the outcome", arith)
			}
		} else if declared == "" {
			arith = "no count recorded"
			return res, fieldErr("outcome", "no count was recorded for %s; declare the outcome", v.ID)
		} else {
			arith = "no count recorded"
		}
		if counted {
			res.ByChoice = byChoice
		}
		res.Outcome = outcome
		res.Arithmetic = arith + "; taken as the basis: " + outcome
		return res, nil
	}
	if declared != "" && declared != MotionStatusCarried && declared != MotionStatusDefeated {
		return res, fieldErr("outcome", "the outcome is carried or defeated, not %q", declared)
	}
	r := s.Assembly.Rules
	if !counted && round == nil {
		if declared == "" {
			return res, fieldErr("outcome", "no count was recorded for %s; declare the outcome (carried or defeated)", v.ID)
		}
		res.Outcome, res.Arithmetic = declared, "no count recorded; declared "+declared
		return res, nil
	}
	if counted {
		res.For, res.Against, res.Abstain = Exact(byChoice["for"]), Exact(byChoice["against"]), Exact(byChoice["abstain"])
		res.ByChoice = byChoice
	} else {
		res.For, res.Against, res.Abstain, res.Unanimous = round.For, round.Against, round.Abstain, round.Unanimous
	}
	decided, carried := false, false
	th := v.Threshold
	f, a, ab := res.For, res.Against, res.Abstain
	var arith string
	switch {
	case res.Unanimous:
		decided, carried = true, true
		arith = "unanimous"
		if f.IsExact() && f.Min > 0 {
			arith = fmt.Sprintf("unanimous, %d for", f.Min)
		}
	case f.Word != "" || a.Word != "":
		arith = sides(f, a)
		if th.simple() {
			switch {
			case f.Word == "majority" || f.Word == "rest" || a.Word == "minority":
				decided, carried = true, true
			case a.Word == "majority" || a.Word == "rest" || f.Word == "minority":
				decided, carried = true, false
			}
		}
		if !decided {
			arith += fmt.Sprintf("; the count does not show whether %s was reached", th.Describe())
		}
	default:
		lo, base, needed, err := th.passes(countingRules(v.Counting), f.Min, a.Max, ab.Max, r.AbstentionsCount, v.Attendance.Present, v.Attendance.Eligible)
		if err != nil {
			return res, conflict("the count for %s cannot be reckoned by %s: %v", v.ID, th.words(), err)
		}
		hi, _, _, err := th.passes(countingRules(v.Counting), f.Max, a.Min, ab.Min, r.AbstentionsCount, v.Attendance.Present, v.Attendance.Eligible)
		if err != nil {
			return res, conflict("the count for %s cannot be reckoned by %s: %v", v.ID, th.words(), err)
		}
		switch {
		case lo:
			decided, carried = true, true
		case !hi:
			decided, carried = true, false
		}
		arith = fmt.Sprintf("%s for, %s against", f, a)
		if ab != (Count{}) {
			arith += fmt.Sprintf(", %s abstaining", ab)
		}
		if f.IsExact() && a.IsExact() && ab.IsExact() {
			res.Base, res.Needed = base, needed
			switch th {
			case MajorityPresent:
				arith += fmt.Sprintf("; %d present", base)
			case MajorityMembers:
				arith += fmt.Sprintf("; %d %s", base, englishNoun(base == 1, "member", "members"))
			default:
				arith += fmt.Sprintf(", %d cast", base)
			}
			arith += fmt.Sprintf("; %d needed", needed)
			if th != MajorityCast {
				arith += " (" + th.Describe() + ")"
			}
		} else if !decided {
			arith += "; the count does not decide"
		}
	}
	outcome := MotionStatusDefeated
	if carried {
		outcome = MotionStatusCarried
	}
	if decided {
		if declared != "" && declared != outcome {
			return res, conflict("the count (%s) means the motion is %s; it cannot be declared %s", arith, outcome, declared)
		}
	} else {
		if declared == "" {
			return res, fieldErr("outcome", "the count (%s) does not decide the vote; declare the outcome", arith)
		}
		outcome = declared
		arith += "; declared"
	}
	res.Outcome = outcome
	res.Arithmetic = prefix + arith + "; " + outcome
	return res, nil
}

// sides says the counts for and against, leaving out a side not stated.
func sides(f, a Count) string {
	switch {
	case f.Word == "unstated":
		return fmt.Sprintf("%s against", a)
	case a.Word == "unstated":
		return fmt.Sprintf("%s for", f)
	}
	return fmt.Sprintf("%s for, %s against", f, a)
}

func init() {
	registerCommands(OpenVote{}, CastBallot{}, CloseVote{}, EnterCount{}, DeclareResult{})
	registerEvents(VoteOpened{}, BallotCast{}, VoteClosed{}, SealedBallots{}, CountEntered{}, ResultDeclared{})
}
