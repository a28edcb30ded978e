package assembly

import (
	"slices"
	"strings"
	"time"

	"plenum/tally"
)

// List is a list of candidates in an election by lists (by tendency).
type List struct {
	ID         string   `json:"id" plenum:"required,id"`
	Name       string   `json:"name" plenum:"required"`
	Tendency   string   `json:"tendency" plenum:"id"`
	Candidates []string `json:"candidates" plenum:"id"`
}

// Election statuses.
const (
	ElectionStatusOpen     = "open"
	ElectionStatusClosed   = "closed"
	ElectionStatusDeclared = "declared"
)

// Election is an election to a committee or post.
type Election struct {
	ID           string           `json:"id"`
	Title        string           `json:"title"`
	Body         string           `json:"body"`
	Seats        int              `json:"seats"`
	Method       string           `json:"method"`
	Candidates   []string         `json:"candidates"`
	Lists        []List           `json:"lists"`
	Instruction  string           `json:"instruction"`
	Sitting      string           `json:"sitting"`
	Eligible     map[string]bool  `json:"eligible"`
	EligibleNote string           `json:"eligible_note"`
	Status       string           `json:"status"`
	Ballots      []ElectionBallot `json:"ballots"`
	Voted        map[string]bool  `json:"voted"`
	Seed         uint64           `json:"seed"`
	Elected      []string         `json:"elected"`
	Arithmetic   string           `json:"arithmetic"`
	Note         string           `json:"note"`
	// Approvals is the most candidates an approval ballot approves (0:
	// any number).
	Approvals int `json:"approvals,omitempty"`
	// Encrypted is an encrypted election's key ceremony, ballots, sums
	// and decryption (docs/secret-ballots.md); its Ballots stay empty.
	Encrypted *EncryptedVote `json:"encrypted,omitempty"`
	// Counting is the version of the counting rules the opening names
	// (0: none, v1; counting.go).
	Counting int `json:"counting,omitempty"`
	// Secret marks an election whose ballots the server seals (secret:
	// true): Ballots record who voted, with their weights, never the
	// ballot; Sealed holds the ballots once it closes, shuffled, each
	// vote under its token, and SealedEntries the log entries
	// (sealed_election_ballots) that carry them.
	Secret        bool                   `json:"secret,omitempty"`
	Sealed        []SealedElectionBallot `json:"sealed,omitempty"`
	SealedEntries []int64                `json:"sealed_entries,omitempty"`
	sealedTokens  map[string]struct{}    // the tokens sealed so far, until all are
}

// ElectionBallot is one ballot in an election.
type ElectionBallot struct {
	Voter   string    `json:"voter"`
	Right   string    `json:"right"`
	Ranking []string  `json:"ranking"`
	Approve []string  `json:"approve"`
	List    string    `json:"list"`
	Weight  int       `json:"weight"`
	At      time.Time `json:"at"`
}

// OpenElection opens an election.
type OpenElection struct {
	ID          string       `json:"id" plenum:"required,id"`
	Title       string       `json:"title" plenum:"required"`
	Body        string       `json:"body" plenum:"id"`
	Seats       int          `json:"seats" plenum:"required,positive"`
	Method      string       `json:"method" plenum:"required,enum=plurality|approval|dhondt|sainte-lague|hare|irv|stv-scottish|stv-meek|stv-ers97|schulze|by_tendency|as_stated"`
	Candidates  []string     `json:"candidates" plenum:"id"`
	Lists       []List       `json:"lists"`
	Instruction string       `json:"instruction"`
	Eligible    *Eligibility `json:"eligible"`
	// Approvals is the most candidates an approval ballot may approve
	// (method approval; none given: any number).
	Approvals int `json:"approvals" plenum:"positive"`
	// Encrypted makes the ballots encrypted in the voter's browser and
	// counted by homomorphic sums (plurality, approval and the list
	// methods, docs/secret-ballots.md); Trustees, TrusteeQuorum and Revote
	// are then as in an encrypted vote.
	Encrypted     bool     `json:"encrypted"`
	Trustees      []string `json:"trustees" plenum:"id"`
	TrusteeQuorum int      `json:"trustee_quorum" plenum:"positive"`
	Revote        bool     `json:"revote"`
	// Secret makes the ballots secret, sealed by the server as in a vote
	// with method secret: the log records who voted, the ballot box keeps
	// the ballot under a random token until the close, when the ballots
	// enter the log shuffled (docs/script.md, "Secret votes"). It
	// excludes Encrypted.
	Secret bool `json:"secret,omitempty"`
}

// Nominate adds a candidate.
type Nominate struct {
	Election string `json:"election" plenum:"required,id"`
	Person   string `json:"person" plenum:"required,id"`
	List     string `json:"list" plenum:"id"`
}

// CastElectionBallot is one voter's ballot in an election.
type CastElectionBallot struct {
	Election   string   `json:"election" plenum:"required,id"`
	Voter      string   `json:"voter" plenum:"required,id"`
	Ranking    []string `json:"ranking" plenum:"id"`
	Approve    []string `json:"approve" plenum:"id"`
	List       string   `json:"list" plenum:"id"`
	ForMandate string   `json:"for_mandate" plenum:"id"`
	// Token is a secret election's ballot's random token, made by plenum
	// itself (a client that gives one is refused) and handed back to the
	// voter: never recorded with the voter.
	Token string `json:"token,omitempty"`
}

// CloseElection closes an election; Seed seeds any lot that breaks ties.
type CloseElection struct {
	Election string `json:"election" plenum:"required,id"`
	Seed     uint64 `json:"seed"`
	// Sealed carries a secret election's ballots, shuffled, one per vote
	// (UnitTokens), given by plenum itself from its ballot box.
	Sealed []SealedElectionBallot `json:"sealed,omitempty"`
}

// DeclareElection declares who is elected: computed by the method from the
// ballots, or as given when the result was reached outside plenum.
type DeclareElection struct {
	Election string   `json:"election" plenum:"required,id"`
	Elected  []string `json:"elected" plenum:"id"`
	Note     string   `json:"note"`
}

func (OpenElection) CommandName() string       { return "open_election" }
func (Nominate) CommandName() string           { return "nominate" }
func (CastElectionBallot) CommandName() string { return "cast_election_ballot" }
func (CloseElection) CommandName() string      { return "close_election" }
func (DeclareElection) CommandName() string    { return "declare_election" }

// ElectionOpened: an election was opened.
type ElectionOpened struct {
	Meta         `json:"meta"`
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	Body         string   `json:"body"`
	Seats        int      `json:"seats"`
	Method       string   `json:"method"`
	Candidates   []string `json:"candidates"`
	Lists        []List   `json:"lists"`
	Instruction  string   `json:"instruction"`
	Sitting      string   `json:"sitting"`
	Eligible     []string `json:"eligible"` // the voting rights entitled
	EligibleNote string   `json:"eligible_note"`
	Approvals    int      `json:"approvals,omitempty"`
	// Encrypted is an encrypted election's parameters.
	Encrypted *EncryptedSetup `json:"encrypted,omitempty"`
	// Counting is the version of the counting rules the election is
	// counted by (tally.Rules); left out, v1 (countingToRecord).
	Counting int `json:"counting,omitempty"`
	// Secret marks a secret election (sealed by the server).
	Secret bool `json:"secret,omitempty"`
}

// CandidateNominated: a candidate was nominated.
type CandidateNominated struct {
	Meta     `json:"meta"`
	Election string `json:"election"`
	Person   string `json:"person"`
	List     string `json:"list"`
}

// ElectionBallotCast: a ballot was cast in an election.
type ElectionBallotCast struct {
	Meta     `json:"meta"`
	Election string         `json:"election"`
	Ballot   ElectionBallot `json:"ballot"`
}

// ElectionClosed: the election was closed.
type ElectionClosed struct {
	Meta     `json:"meta"`
	Election string `json:"election"`
	Seed     uint64 `json:"seed"`
}

// ElectionDeclared: the elected were declared.
type ElectionDeclared struct {
	Meta       `json:"meta"`
	Election   string   `json:"election"`
	Elected    []string `json:"elected"`
	Arithmetic string   `json:"arithmetic"`
	Note       string   `json:"note"`
}

func (ElectionOpened) EventType() string     { return "election_opened" }
func (CandidateNominated) EventType() string { return "candidate_nominated" }
func (ElectionBallotCast) EventType() string { return "election_ballot_cast" }
func (ElectionClosed) EventType() string     { return "election_closed" }
func (ElectionDeclared) EventType() string   { return "election_declared" }

func listMethod(m string) bool {
	return m == "dhondt" || m == "sainte-lague" || m == "hare" || m == "by_tendency"
}

func rankedMethod(m string) bool {
	return m == "irv" || m == "stv-scottish" || m == "stv-meek" || m == "stv-ers97" || m == "schulze"
}

func (s *State) election(id string) (*Election, error) {
	el := s.Elections[id]
	if el == nil {
		return nil, notFound("there is no election %q", id)
	}
	return el, nil
}

func (el *Election) allCandidates() []string {
	out := append([]string(nil), el.Candidates...)
	for _, l := range el.Lists {
		for _, c := range l.Candidates {
			if !contains(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}

func (c OpenElection) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair opens an election")
	}
	st := s.Sitting()
	if st == nil {
		return nil, closed("no sitting is open; elections are held in a sitting")
	}
	if s.Elections[c.ID] != nil {
		return nil, conflict("there is already an election %q", c.ID)
	}
	if c.Seats > tally.MaxSeats {
		return nil, fieldErr("seats", "%d seats are more than an election fills (at most %d)", c.Seats, tally.MaxSeats)
	}
	if err := s.personsExist("candidates", c.Candidates); err != nil {
		return nil, err
	}
	if listMethod(c.Method) && len(c.Lists) == 0 {
		return nil, fieldErr("lists", "the method %s elects from lists; give the lists", c.Method)
	}
	if !listMethod(c.Method) && len(c.Lists) > 0 {
		return nil, fieldErr("lists", "the method %s elects persons, not lists; give candidates", c.Method)
	}
	seen := map[string]bool{}
	for _, l := range c.Lists {
		if seen[l.ID] {
			return nil, fieldErr("lists", "the list %q is named twice", l.ID)
		}
		seen[l.ID] = true
		if l.Tendency != "" && s.Organizations[l.Tendency] == nil {
			return nil, notFound("there is no organization %q (the tendency of list %s)", l.Tendency, l.ID)
		}
		if err := s.personsExist("lists", l.Candidates); err != nil {
			return nil, err
		}
	}
	if el := c.Eligible; el != nil {
		if err := s.personsExist("eligible.persons", el.Persons); err != nil {
			return nil, err
		}
	}
	if err := bothSecretAndEncrypted(c); err != nil {
		return nil, err
	}
	enc, err := s.electionSetup(c)
	if err != nil {
		return nil, err
	}
	rights := s.eligibleRights(c.Eligible)
	if err := s.secretSetup(c, rights); err != nil {
		return nil, err
	}
	if enc != nil && enc.Ranked {
		if err := s.rankedWeights(c.Method, rights); err != nil {
			return nil, err
		}
	}
	var evs []Event
	if c.Body != "" {
		if b := s.Bodies[c.Body]; b == nil {
			evs = append(evs, s.bodyFormed(m, c.Body, c.Title, "committee", nil, st.CurrentItem, "", ""))
		}
	}
	note := ""
	if c.Eligible != nil {
		note = c.Eligible.Note
	}
	evs = append(evs, ElectionOpened{Meta: m, Eligible: rights,
		ID: c.ID, Title: c.Title, Body: c.Body, Seats: c.Seats, Method: c.Method, Candidates: c.Candidates,
		Lists: c.Lists, Instruction: c.Instruction, Sitting: st.ID, EligibleNote: note, Approvals: c.Approvals, Encrypted: enc, Secret: c.Secret,
		Counting: countingToRecord(c.Method),
	})
	return evs, nil
}

func (e ElectionOpened) apply(s *State) error {
	if e.ID == "" || s.Elections[e.ID] != nil || (e.Body != "" && s.Bodies[e.Body] == nil) {
		return corrupt("the election %q cannot be opened", e.ID)
	}
	if err := countingNamed("election", e.ID, e.Counting); err != nil {
		return err
	}
	lists := slices.Clone(e.Lists)
	for i := range lists {
		lists[i].Candidates = slices.Clone(lists[i].Candidates)
	}
	el := Election{ID: e.ID, Title: e.Title, Body: e.Body, Seats: e.Seats, Method: e.Method, Candidates: slices.Clone(e.Candidates),
		Lists: lists, Instruction: e.Instruction, Sitting: e.Sitting, EligibleNote: e.EligibleNote, Status: ElectionStatusOpen,
		Eligible: make(map[string]bool, len(e.Eligible)), Voted: map[string]bool{}, Counting: e.Counting}
	for _, r := range e.Eligible {
		el.Eligible[r] = true
	}
	el.Approvals, el.Secret = e.Approvals, e.Secret
	if e.Secret && (e.Encrypted != nil || e.Method == "as_stated") {
		return corrupt("the election %q cannot be opened", e.ID)
	}
	if e.Encrypted != nil {
		ev, err := newEncrypted(*e.Encrypted, EncryptedElectionID(s.Assembly.ID, e.ID), corrupt("the encrypted election %q has parameters that do not fit it", e.ID))
		if err != nil {
			return err
		}
		el.Encrypted = ev
	}
	s.Elections[el.ID] = &el
	s.ElectionOrder = append(s.ElectionOrder, el.ID)
	s.note(e.Meta, e.EventType(), el.ID, func(r *RecordEntry) { r.Text, r.Sub = el.Title, el.Method })
	return nil
}

func (c Nominate) decide(s *State, m Meta) ([]Event, error) {
	if m.Actor != c.Person && !s.isChair(m.Actor) {
		return nil, forbidden("only the chair or %s themselves may nominate %s", c.Person, c.Person)
	}
	el, err := s.election(c.Election)
	if err != nil {
		return nil, err
	}
	if el.Status != ElectionStatusOpen {
		return nil, closed("the election %s is closed", c.Election)
	}
	if s.Persons[c.Person] == nil {
		return nil, notFound("there is no person %q", c.Person)
	}
	if contains(el.allCandidates(), c.Person) {
		return nil, conflict("%s is already a candidate in %s", c.Person, c.Election)
	}
	if el.Encrypted != nil && !listMethod(el.Method) {
		return nil, conflict("the candidates of the encrypted election %s were fixed when it opened: each ballot encrypts one mark per candidate", c.Election)
	}
	if el.ballotCount() > 0 {
		return nil, conflict("voting in %s has begun; no more candidates", c.Election)
	}
	if listMethod(el.Method) {
		found := false
		for _, l := range el.Lists {
			found = found || l.ID == c.List
		}
		if !found {
			return nil, fieldErr("list", "name the list of %s on which %s stands", c.Election, c.Person)
		}
	} else if c.List != "" {
		return nil, fieldErr("list", "the election %s has no lists", c.Election)
	}
	return one(CandidateNominated{Meta: m, Election: c.Election, Person: c.Person, List: c.List})
}

func (e CandidateNominated) apply(s *State) error {
	el := s.Elections[e.Election]
	if el == nil || el.Status != ElectionStatusOpen {
		return corrupt("no nomination in %q", e.Election)
	}
	if e.List == "" {
		el.Candidates = append(el.Candidates, e.Person)
		return nil
	}
	for i := range el.Lists {
		if el.Lists[i].ID == e.List {
			el.Lists[i].Candidates = append(el.Lists[i].Candidates, e.Person)
			return nil
		}
	}
	return corrupt("there is no list %q in %q", e.List, e.Election)
}

func (c CastElectionBallot) decide(s *State, m Meta) ([]Event, error) {
	el, err := s.election(c.Election)
	if err != nil {
		return nil, err
	}
	if el.Status != ElectionStatusOpen {
		return nil, closed("the election %s is closed; no ballot can be cast after it closes", c.Election)
	}
	if m.Actor != c.Voter {
		return nil, forbidden("%s cannot cast a ballot for %s; each voter casts their own", m.Actor, c.Voter)
	}
	if el.Encrypted != nil {
		return nil, conflict("the election %s is encrypted: a ballot is encrypted in the voter's browser and cast with cast_encrypted_ballot, never as a plain choice", c.Election)
	}
	right, err := s.ballotRight(c.Voter, c.ForMandate, el.Eligible, c.Election, el.EligibleNote)
	if err != nil {
		return nil, err
	}
	if el.Voted[right] {
		return nil, conflict("the mandate %s has already voted in %s; there is no second ballot", right, c.Election)
	}
	if err := s.secretBallot(el, right, c.Token); err != nil {
		return nil, err
	}
	if el.Method == "as_stated" {
		return nil, conflict("the election %s is recorded as the minutes state its result; it takes no ballots", c.Election)
	}
	cands := el.allCandidates()
	checkNames := func(field string, names []string) error {
		for _, n := range names {
			if !contains(cands, n) {
				return fieldErr(field, "%s is not a candidate in %s", n, c.Election)
			}
		}
		return nil
	}
	switch {
	case listMethod(el.Method):
		ok := false
		for _, l := range el.Lists {
			ok = ok || l.ID == c.List
		}
		if !ok || len(c.Ranking) > 0 || len(c.Approve) > 0 {
			return nil, fieldErr("list", "a ballot in %s names one list (list)", c.Election)
		}
	case rankedMethod(el.Method):
		if len(c.Ranking) == 0 || len(c.Approve) > 0 || c.List != "" {
			return nil, fieldErr("ranking", "a ballot in %s ranks the candidates (ranking)", c.Election)
		}
		if err := checkNames("ranking", c.Ranking); err != nil {
			return nil, err
		}
	default:
		if len(c.Approve) == 0 || len(c.Ranking) > 0 || c.List != "" {
			return nil, fieldErr("approve", "a ballot in %s names the candidates voted for (approve)", c.Election)
		}
		if el.Method == "plurality" && len(c.Approve) > el.Seats && el.Seats == 1 {
			return nil, fieldErr("approve", "a ballot in %s names at most one candidate, as there is one seat", c.Election)
		}
		if el.Method == "plurality" && len(c.Approve) > el.Seats {
			return nil, fieldErr("approve", "a ballot in %s names at most %d candidates, one per seat", c.Election, el.Seats)
		}
		if el.Method == "approval" && el.Approvals > 0 && len(c.Approve) > el.Approvals {
			return nil, fieldErr("approve", "a ballot in %s approves at most %d candidates, not %d", c.Election, el.Approvals, len(c.Approve))
		}
		if err := checkNames("approve", c.Approve); err != nil {
			return nil, err
		}
	}
	b := ElectionBallot{Voter: c.Voter, Right: right, Ranking: c.Ranking, Approve: c.Approve, List: c.List, Weight: s.weight(right), At: m.At}
	if el.Secret {
		// The ballot goes into the ballot box, sealed; the log records
		// that the voter voted, never how. (A name given twice is
		// refused with the arguments, as in any list of ids.)
		b.Ranking, b.Approve, b.List = nil, nil, ""
	}
	return one(ElectionBallotCast{Meta: m, Election: c.Election, Ballot: b})
}

// ballotRight finds the voting right with which voter votes, or says why
// they may not.
func (s *State) ballotRight(voter, forMandate string, eligible map[string]bool, what, note string) (string, error) {
	var right string
	entitled := false // already looked up in eligible
	if forMandate != "" {
		md := s.Mandates[forMandate]
		if md == nil {
			return "", notFound("there is no mandate %q", forMandate)
		}
		if md.Person != voter {
			if err := s.proxyRefusal(voter, md, eligible, what, note, true); err != nil {
				return "", err
			}
			entitled = true
		}
		right = md.ID
	} else if id, ok := s.voting[voter]; ok && eligible[id] {
		right, entitled = id, true
	} else if eligible["p:"+voter] {
		right, entitled = "p:"+voter, true
	} else if ok {
		right = id
	} else {
		return "", forbidden("%s holds no verified mandate and is not entitled to vote in %s", voter, what)
	}
	if !entitled && !eligible[right] {
		return "", s.notEntitled(right, what, note)
	}
	if !s.VotesFromWhere(voter) {
		if s.Online(voter) {
			return "", forbidden("%s attends online, and the rules of procedure let only those in the hall vote", voter)
		}
		return "", forbidden("%s is not present in the hall; only those present vote", voter)
	}
	return right, nil
}

// MayCastAsProxy reports whether voter may cast the ballot of the mandate
// md, held by another, as its proxy where eligible are entitled: the rules
// allow proxies, md is transferred to voter (transfer_proxy) and it is
// entitled. It is the rule cast_ballot, cast_election_ballot and
// cast_encrypted_ballot apply to a ballot for_mandate (ballotRight),
// exported so that the pages offer a proxy the ballots the rules accept
// instead of restating it. Whether md's holder is there to vote
// themselves and whether voter is in the hall, which the commands ask
// too, change during a sitting and are asked apart (VotesFromWhere).
func (s *State) MayCastAsProxy(voter string, md *Mandate, eligible map[string]bool) bool {
	return md != nil && md.Person != voter && s.proxyRefusal(voter, md, eligible, "", "", false) == nil
}

// proxyRefusal says why voter may not cast the ballot of md, held by
// another, as its proxy where eligible are entitled (in what, whose
// eligibility is explained by note), or nil: MayCastAsProxy's rule and,
// with holder, the refusal when md's holder is present and votes
// themselves, in the order ballotRight refuses.
func (s *State) proxyRefusal(voter string, md *Mandate, eligible map[string]bool, what, note string, holder bool) error {
	switch {
	case !s.Assembly.Rules.ProxiesAllowed:
		return forbidden("the rules of procedure do not allow proxies")
	case md.Proxy != voter:
		return forbidden("%s does not carry the mandate %s", voter, md.ID)
	case holder && s.VotesFromWhere(md.Person):
		return conflict("%s, who holds the mandate %s, is present and votes themselves", md.Person, md.ID)
	case !eligible[md.ID]:
		return s.notEntitled(md.ID, what, note)
	}
	return nil
}

// notEntitled says why a mandate may not vote in a vote or election: its
// kind, under the rules, or the vote's own eligibility (note, the chair's
// words, which stand as written).
func (s *State) notEntitled(right, what, note string) *Error {
	md := s.Mandates[right]
	var why *Reason
	switch {
	case md == nil:
	case md.Kind == KindConsultative && !s.Assembly.Rules.ConsultativeMayVote:
		why = reason("a consultative mandate gives a voice but no vote, unless the rules of procedure say that consultative votes vote too")
	case md.Kind == KindConsultative:
		why = reason("it is consultative, and this vote admits only the mandates named for it")
	case md.Kind == KindGuest:
		why = reason("a guest's mandate gives no vote unless the vote admits guests")
	case md.Kind == KindExOfficio:
		why = reason("an ex officio mandate gives no vote unless the vote admits ex officio mandates")
	}
	switch {
	case why == nil && note == "":
		return forbidden("the mandate %s is not entitled to vote in %s", right, what)
	case why == nil:
		return forbidden("the mandate %s is not entitled to vote in %s (%s)", right, what, note)
	case note == "":
		return forbidden("the mandate %s is not entitled to vote in %s: %s", right, what, why)
	}
	return forbidden("the mandate %s is not entitled to vote in %s: %s (%s)", right, what, why, note)
}

func (e ElectionBallotCast) apply(s *State) error {
	el := s.Elections[e.Election]
	if el == nil || el.Status != ElectionStatusOpen || !el.Eligible[e.Ballot.Right] || el.Voted[e.Ballot.Right] {
		return corrupt("the ballot of %s does not fit the election %q", e.Ballot.Voter, e.Election)
	}
	el.Voted[e.Ballot.Right] = true
	el.Ballots = append(el.Ballots, e.Ballot)
	return nil
}

func (c CloseElection) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair closes an election")
	}
	el, err := s.election(c.Election)
	if err != nil {
		return nil, err
	}
	if el.Status != ElectionStatusOpen {
		return nil, closed("the election %s is already closed", c.Election)
	}
	if el.Encrypted != nil {
		sum, err := s.encryptedSum(m, box{id: el.ID, el: el, ev: el.Encrypted})
		if err != nil || sum == nil {
			return []Event{ElectionClosed{Meta: m, Election: c.Election, Seed: c.Seed}}, err
		}
		return []Event{ElectionClosed{Meta: m, Election: c.Election, Seed: c.Seed}, sum}, nil
	}
	if el.Secret {
		return s.closeSecret(m, el, c)
	}
	if len(c.Sealed) > 0 {
		return nil, fieldErr("sealed", "only a secret election has sealed ballots")
	}
	return one(ElectionClosed{Meta: m, Election: c.Election, Seed: c.Seed})
}

func (e ElectionClosed) apply(s *State) error {
	el := s.Elections[e.Election]
	if el == nil || el.Status != ElectionStatusOpen {
		return corrupt("the election %q is not open", e.Election)
	}
	el.Status, el.Seed = ElectionStatusClosed, e.Seed
	return nil
}

func (c DeclareElection) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair declares who is elected")
	}
	el, err := s.election(c.Election)
	if err != nil {
		return nil, err
	}
	switch el.Status {
	case ElectionStatusOpen:
		return nil, conflict("the election %s is still open; close it first", c.Election)
	case ElectionStatusDeclared:
		return nil, closed("the election %s is already declared", c.Election)
	case ElectionStatusWithdrawn:
		return nil, closed("the election %s was withdrawn; nobody is elected by it", c.Election)
	}
	if err := el.sealedComplete(); err != nil {
		return nil, err
	}
	if ev := el.Encrypted; ev != nil && ev.Awaiting() {
		return nil, conflict("the encrypted total of %s is not yet decrypted: %d of the %d trustees needed have posted their partial decryptions", c.Election, len(ev.Partials), ev.Quorum)
	}
	if len(c.Elected) > 0 {
		if len(c.Elected) > el.Seats && el.Seats == 1 {
			return nil, fieldErr("elected", "%d are named elected but %s fills one seat", len(c.Elected), c.Election)
		}
		if len(c.Elected) > el.Seats {
			return nil, fieldErr("elected", "%d are named elected but %s fills %d seats", len(c.Elected), c.Election, el.Seats)
		}
		if err := s.personsExist("elected", c.Elected); err != nil {
			return nil, err
		}
		if el.counted() {
			res, arith, err := s.countElection(el)
			if err != nil {
				return nil, err
			}
			if strings.Join(res, ",") != strings.Join(c.Elected, ",") {
				return nil, conflict("the ballots elect %s (%s), not %s", strings.Join(res, ", "), arith, strings.Join(c.Elected, ", "))
			}
		}
		names := make([]string, len(c.Elected))
		for i, id := range c.Elected {
			names[i] = s.Persons[id].Name
		}
		return one(ElectionDeclared{Meta: m, Election: c.Election, Elected: c.Elected, Arithmetic: "elected as stated: " + strings.Join(names, ", "), Note: c.Note})
	}
	if !el.counted() {
		return nil, fieldErr("elected", "no ballots were cast in %s; name the elected", c.Election)
	}
	res, arith, err := s.countElection(el)
	if err != nil {
		return nil, err
	}
	return one(ElectionDeclared{Meta: m, Election: c.Election, Elected: res, Arithmetic: arith, Note: c.Note})
}

func (e ElectionDeclared) apply(s *State) error {
	_, err := e.declare(s, recordRefusals)
	return err
}

// declare applies e once its election's ballots, counted again, bear it
// out (declaredCount, whose refusals refuse words), and returns that
// count: nil where nothing was counted. Replay (and so plenum verify)
// checks every declaration so, a plain election's as an encrypted one's.
func (e ElectionDeclared) declare(s *State, refuse declarationRefusals) (*ElectionCount, error) {
	el := s.Elections[e.Election]
	if el == nil || el.Status != ElectionStatusClosed {
		return nil, corrupt("the election %q cannot be declared", e.Election)
	}
	count, err := s.declaredCount(el, e, refuse)
	if err != nil {
		return nil, err
	}
	el.Status, el.Elected, el.Arithmetic, el.Note = ElectionStatusDeclared, e.Elected, e.Arithmetic, e.Note
	if b := s.Bodies[el.Body]; b != nil {
		members := append([]string(nil), b.Members...)
		for _, p := range e.Elected {
			if !contains(members, p) {
				members = append(members, p)
			}
		}
		b.Members = members
		if el.Instruction != "" && !contains(b.Instructions, el.Instruction) {
			b.Instructions = append(b.Instructions, el.Instruction)
		}
	}
	s.note(e.Meta, e.EventType(), el.ID, func(r *RecordEntry) {
		r.Text = "The following elected: " + strings.Join(e.Elected, ", ")
		r.Sub = e.Arithmetic
	})
	return count, nil
}

func init() {
	registerCommands(OpenElection{}, Nominate{}, CastElectionBallot{}, CloseElection{}, DeclareElection{})
	registerEvents(ElectionOpened{}, CandidateNominated{}, ElectionBallotCast{}, ElectionClosed{}, ElectionDeclared{})
}

// ballotCount is how many ballots were cast in el (in an encrypted
// election, every ballot, superseded or not).
func (el *Election) ballotCount() int {
	n := len(el.Ballots)
	if el.Encrypted != nil {
		n += len(el.Encrypted.Cast)
	}
	return n
}

// counted reports whether el has ballots to count: plain ones, or an
// encrypted sum of at least one ballot.
func (el *Election) counted() bool {
	if ev := el.Encrypted; ev != nil {
		return ev.Shuffle != nil || ev.Tally != nil && ev.Tally.Ballots > 0
	}
	if el.Secret {
		return len(el.Sealed) > 0
	}
	return len(el.Ballots) > 0
}

// BallotsCast is how many ballots count in el as cast so far.
func (el *Election) BallotsCast() int {
	if el.Encrypted != nil {
		return len(el.Encrypted.Last)
	}
	return len(el.Ballots)
}
