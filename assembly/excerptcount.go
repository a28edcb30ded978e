package assembly

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// LoggedEvent is one entry of a part of the log — a certified excerpt —
// as CheckEncryptedCounts reads it: its index, its event type and its
// payload.
type LoggedEvent struct {
	Index   int64
	Type    string
	Payload []byte
}

// EncryptedCount is what CheckEncryptedCounts proved of one encrypted
// vote from the entries it was given.
type EncryptedCount struct {
	Vote    string
	Options []string
	// Trustees is how many trustees the vote has, Quorum how many of
	// them must decrypt (K of N).
	Trustees, Quorum int
	// Checked: the excerpt holds the vote's key ceremony, its ballots,
	// their encrypted sum and the partial decryptions that give Counts,
	// and each was checked as replay checks it. Without it the excerpt
	// holds none of them (an excerpt made before they were added) and
	// nothing of the count is checked.
	Checked bool
	// Steps is how many entries of the count (key ceremony, ballots,
	// sum, decryptions) the excerpt holds, all checked: some but no
	// decrypted result is a count not finished at its checkpoint.
	Steps int
	// Cast is how many encrypted ballots the excerpt shows, Ballots how
	// many of them were summed (the last of each mandate), Weight the
	// votes these carry.
	Cast, Ballots int
	Weight        uint64
	// Decrypted are the trustees (numbers, 1-based, and names) whose
	// partial decryptions give the counts.
	Decrypted []int
	Names     []string
	Counts    map[string]int
	// Declared is the index of the result_declared entry checked against
	// Counts (-1 if the excerpt holds none), DeclaredBy its actor, and
	// Automatic reports whether plenum declared it itself, in the same
	// command as the partial decryption that made the K-th share: its
	// actor is then the trustee who posted that share, who decided
	// nothing.
	Declared   int64
	DeclaredBy string
	Automatic  bool
}

// voteCountEvents are the entries of a vote CheckEncryptedCounts reads:
// its opening, close, withdrawal and declared result, and the steps of
// an encrypted vote's count.
var voteCountEvents = map[string]bool{
	"vote_opened": true, "vote_closed": true, "vote_withdrawn": true, "result_declared": true,
	"trustee_key_posted": true, "dealing_posted": true, "confirmation_posted": true, "election_key_derived": true,
	"encrypted_ballot_cast": true, "encrypted_tallied": true, "partial_decryption_posted": true, "encrypted_result_derived": true,
}

// ExcerptReads reports whether CheckEncryptedCounts or CheckElections
// reads the entries of the event type typ: an excerpt that holds one
// must give its payload.
func ExcerptReads(typ string) bool { return voteCountEvents[typ] || electionEvents[typ] }

// CheckEncryptedCounts checks the counts of the encrypted votes whose
// opening is among events (in increasing order of index, as a certified
// excerpt holds them): the vote's key ceremony, every ballot's proofs,
// the encrypted sum of the last ballot of each mandate, the trustees'
// partial decryptions of it against their verification keys, the counts
// derived from them and the declared result against those counts — with
// the very apply functions a replay of the whole log runs, on a state
// that holds the vote alone. Other events are passed over. The first
// entry that fails is named in the error. It cannot check what needs
// the rest of the record: that each ballot's mandate carries the weight
// recorded with it, or the outcome under the threshold.
func CheckEncryptedCounts(events []LoggedEvent) ([]*EncryptedCount, error) {
	pc := &proofChecks{}
	out, err := checkEncryptedCounts(events, pc)
	if err = pc.finish(err); err != nil {
		return nil, err
	}
	return out, nil
}

func checkEncryptedCounts(events []LoggedEvent, pc *proofChecks) ([]*EncryptedCount, error) {
	s := &State{Votes: map[string]*Vote{}}
	pc.hand(s)
	var (
		out     []*EncryptedCount
		byVote  = map[string]*EncryptedCount{}
		derived = map[string]Meta{}
		summed  = map[string]bool{}
	)
	for _, le := range events {
		fail := func(err error) error { return &EntryError{Index: le.Index, Type: le.Type, Err: err} }
		if !voteCountEvents[le.Type] {
			continue
		}
		// Only the entries of an encrypted vote are read: a plain vote's
		// are passed over as they were before.
		vote, encrypted, err := peekVote(le)
		if err != nil {
			return nil, fail(err)
		}
		switch {
		case le.Type == "vote_opened" && !encrypted:
			continue
		case le.Type == "vote_opened" || s.Votes[vote] != nil:
		case vote == "" || le.Type == "vote_closed" || le.Type == "vote_withdrawn" || le.Type == "result_declared":
			continue // a plain vote's, or an election's step
		default:
			return nil, fail(fmt.Errorf("the excerpt holds this step of the encrypted vote %q without the vote's opening", vote))
		}
		ev, err := DecodeEvent(le.Type, le.Payload)
		if err != nil {
			return nil, fail(err)
		}
		s.Events = int(le.Index)
		switch e := ev.(type) {
		case VoteOpened:
			if e.Encrypted == nil {
				continue
			}
			if s.Votes[e.Vote] != nil {
				return nil, fail(fmt.Errorf("the vote %q is opened twice", e.Vote))
			}
			enc, err := newEncrypted(*e.Encrypted, ElectionID(e.Assembly, e.Vote), corrupt("the encrypted vote %q has parameters that do not fit it", e.Vote))
			if err != nil {
				return nil, fail(err)
			}
			v := &Vote{ID: e.Vote, Motion: e.Motion, Alternatives: e.Alternatives, Method: e.Method, Status: VoteStatusOpen,
				Eligible: make(map[string]bool, len(e.Eligible)), Voted: map[string]bool{}, Encrypted: enc}
			for _, r := range e.Eligible {
				v.Eligible[r] = true
			}
			s.Votes[e.Vote] = v
			c := &EncryptedCount{Vote: e.Vote, Options: enc.Options, Trustees: len(enc.Trustees), Quorum: enc.Quorum, Declared: -1}
			byVote[e.Vote] = c
			out = append(out, c)
			continue
		case VoteClosed:
			if v := s.Votes[e.Vote]; v != nil {
				if v.Status != VoteStatusOpen {
					return nil, fail(corrupt("the vote %q is not open", e.Vote))
				}
				v.Status = VoteStatusClosed
			}
			continue
		case VoteWithdrawn:
			if v := s.Votes[e.Vote]; v != nil {
				v.Status = VoteStatusWithdrawn
			}
			continue
		case ResultDeclared:
			v, c := s.Votes[e.Vote], byVote[e.Vote]
			if v == nil {
				continue
			}
			if v.Encrypted.Counts == nil && !summed[e.Vote] {
				// No step of the count in the excerpt: it proves the
				// declaration is in the log, not the count.
				c.Declared, c.DeclaredBy = le.Index, e.Actor
				continue
			}
			if err := checkEncryptedResult(v, e.Result); err != nil {
				return nil, fail(err)
			}
			c.Declared, c.DeclaredBy = le.Index, e.Actor
			d, ok := derived[e.Vote]
			c.Automatic = ok && d.Actor == e.Actor && d.At.Equal(e.At) && d.Key == e.Key && d.Req == e.Req
			continue
		case EncryptedTallied:
			summed[e.Vote] = true
		case EncryptedResultDerived:
			derived[e.Vote] = e.Meta
		}
		if err := ev.apply(s); err != nil {
			return nil, fail(err)
		}
		byVote[vote].Steps++
	}
	for _, c := range out {
		ev := s.Votes[c.Vote].Encrypted
		c.Cast = len(ev.Cast)
		if ev.Tally != nil {
			c.Ballots, c.Weight = ev.Tally.Ballots, ev.Tally.Weight
		}
		if ev.Result != nil {
			c.Checked, c.Counts, c.Decrypted = true, ev.Counts, ev.Result.Trustees
			for _, i := range c.Decrypted {
				c.Names = append(c.Names, ev.Trustees[i-1])
			}
		}
	}
	return out, nil
}

// ElectionCheck is what CheckElections proved of one election from the
// entries it was given.
type ElectionCheck struct {
	Election string
	// Method is the method the opening names, Seats the seats it fills.
	Method string
	Seats  int
	// Encrypted: the ballots are encrypted; Trustees and Quorum are then
	// its N and K, and Ranked marks a ranked election, whose ballots are
	// shuffled at the close and decrypted one by one.
	Encrypted        bool
	Ranked           bool
	Trustees, Quorum int
	// Steps is how many entries of the election after its opening the
	// excerpt holds, all checked; Nominated how many of them nominate.
	Steps, Nominated int
	// Cast is how many ballots the excerpt shows (an encrypted election:
	// every ballot, superseded ones too), Ballots how many of them were
	// counted, Weight the votes these carry.
	Cast, Ballots int
	Weight        uint64
	// Count is the election counted again by its method from what the
	// excerpt shows — the ballots, or the decrypted totals or rankings of
	// an encrypted election — with the replay's counting functions; nil
	// where the excerpt holds nothing to count (no ballot cast, not
	// closed, or not decrypted).
	Count *ElectionCount
	// Decrypted are the trustees (numbers, 1-based, and names) whose
	// partial decryptions give an encrypted election's totals.
	Decrypted []int
	Names     []string
	// Declared is the index of the election_declared entry (-1 if the
	// excerpt holds none), Elected whom it names, DeclaredBy its actor.
	// Automatic: plenum declared it itself, in the command of the
	// partial decryption that made the K-th share (its actor is then
	// that trustee, who decided nothing). AsStated: no ballot was
	// counted, and the declaration names the elected as stated.
	// Recorded: the declaration records the count (its arithmetic), and
	// it is Count's; a declaration that names the elected as stated
	// where ballots were counted records none, and only whom it names
	// is checked.
	Declared   int64
	Elected    []string
	DeclaredBy string
	Automatic  bool
	AsStated   bool
	Recorded   bool
	// Withdrawn is the index of the election_withdrawn entry (-1 if none).
	Withdrawn int64
}

// electionEvents are the entries of an election CheckElections reads:
// its opening, nominations, plain ballots, close, declaration and
// withdrawal, and the steps of an encrypted election's count (which name
// it by their election field).
var electionEvents = map[string]bool{
	"election_opened": true, "candidate_nominated": true, "election_ballot_cast": true, "election_closed": true,
	"election_declared": true, "election_withdrawn": true,
	"trustee_key_posted": true, "dealing_posted": true, "confirmation_posted": true, "election_key_derived": true,
	"encrypted_ballot_cast": true, "encrypted_tallied": true, "encrypted_shuffled": true,
	"partial_decryption_posted": true, "encrypted_result_derived": true,
}

// plainElectionSteps are the steps of an election that are not an
// encrypted count's.
var plainElectionSteps = map[string]bool{
	"candidate_nominated": true, "election_ballot_cast": true, "election_closed": true, "election_declared": true, "election_withdrawn": true,
	"sealed_election_ballots": true,
}

// statedPrefix begins the arithmetic of a declaration that names the
// elected as stated (declare_election with elected): it records no
// count.
const statedPrefix = "elected as stated: "

// CheckElections checks the elections whose opening is among events (in
// increasing order of index, as a certified excerpt holds them), each on
// a state that holds the election alone, with the apply functions a
// replay of the whole log runs: the candidates nominated, each ballot
// (its mandate entitled and voting once, the names on it the election's
// candidates or lists), the close and its seed, and for an encrypted
// election the key ceremony, every ballot's proofs, the sum or the
// shuffle, the trustees' partial decryptions and the totals derived.
// The declaration is then checked against the election counted again
// by the method its opening names (the replay's count, the same that
// declared it): it must name whom the count elects, and the count it
// records — the ballots, each candidate's or list's votes — must be the
// count of the ballots shown, so that a ballot left out or changed is
// refused even where the elected stay the same. Other events are passed
// over; the first entry that fails is named in the error. It cannot
// check what needs the rest of the record: that each ballot's voter held
// the mandate it names with the weight recorded with it and was present,
// or that those entitled at the opening were the right ones.
func CheckElections(events []LoggedEvent) ([]*ElectionCheck, error) {
	pc := &proofChecks{}
	out, err := checkElections(events, pc)
	if err = pc.finish(err); err != nil {
		return nil, err
	}
	return out, nil
}

func checkElections(events []LoggedEvent, pc *proofChecks) ([]*ElectionCheck, error) {
	var (
		out      []*ElectionCheck
		states   = map[string]*State{}
		checks   = map[string]*ElectionCheck{}
		derived  = map[string]Meta{}
		closedAt = map[string]int64{}
	)
	for _, le := range events {
		if !electionEvents[le.Type] {
			continue
		}
		fail := func(err error) error { return &EntryError{Index: le.Index, Type: le.Type, Err: err} }
		var peek struct {
			ID       string `json:"id"`
			Election string `json:"election"`
		}
		if json.Unmarshal(le.Payload, &peek) != nil {
			return nil, fail(fmt.Errorf("the %s event cannot be read", le.Type))
		}
		id := peek.Election
		if le.Type == "election_opened" {
			id = peek.ID
		}
		s, c := states[id], checks[id]
		switch {
		case le.Type == "election_opened":
			if s != nil {
				return nil, fail(fmt.Errorf("the election %q is opened twice", id))
			}
		case s != nil:
		case id == "" || plainElectionSteps[le.Type]:
			// A vote's step, or a plain step of an election shown without
			// its opening: it proves only that it is in the log.
			continue
		default:
			return nil, fail(fmt.Errorf("the excerpt holds this step of the encrypted election %q without the election's opening", id))
		}
		ev, err := DecodeEvent(le.Type, le.Payload)
		if err != nil {
			return nil, fail(err)
		}
		if s == nil {
			e := ev.(ElectionOpened)
			s = NewState()
			s.Assembly.ID = e.Assembly
			pc.hand(s)
			if e.Body != "" {
				s.Bodies[e.Body] = &Body{ID: e.Body}
			}
			states[id] = s
			c = &ElectionCheck{Election: id, Method: e.Method, Seats: e.Seats, Declared: -1, Withdrawn: -1}
			if e.Encrypted != nil {
				c.Encrypted, c.Ranked, c.Trustees, c.Quorum = true, e.Encrypted.Ranked, len(e.Encrypted.Trustees), e.Encrypted.Quorum
			}
			checks[id] = c
			out = append(out, c)
		} else if m := ev.EventMeta(); m.Assembly != s.Assembly.ID {
			return nil, fail(fmt.Errorf("the %s event belongs to the assembly %q, not %q", le.Type, m.Assembly, s.Assembly.ID))
		}
		s.Events = int(le.Index)
		el := s.Elections[id]
		switch e := ev.(type) {
		case ElectionBallotCast:
			if el != nil {
				if err := ballotFits(el, e.Ballot); err != nil {
					return nil, fail(err)
				}
			}
		case ElectionClosed:
			closedAt[id] = le.Index
		case EncryptedResultDerived:
			derived[id] = e.Meta
		}
		if d, ok := ev.(ElectionDeclared); ok {
			// Applied as replay applies it, counted again once; the
			// refusals say that a ballot may be left out of the excerpt.
			if c.Count, err = d.declare(s, excerptRefusals); err != nil {
				return nil, fail(err)
			}
		} else if err := ev.apply(s); err != nil {
			return nil, fail(err)
		}
		switch e := ev.(type) {
		case ElectionOpened:
			continue
		case CandidateNominated:
			c.Nominated++
		case ElectionDeclared:
			c.Declared, c.Elected, c.DeclaredBy = le.Index, e.Elected, e.Actor
			d, ok := derived[id]
			c.Automatic = ok && d.Actor == e.Actor && d.At.Equal(e.At) && d.Key == e.Key && d.Req == e.Req
			c.AsStated = c.Count == nil
			c.Recorded = c.Count != nil && !strings.HasPrefix(e.Arithmetic, statedPrefix)
		case ElectionWithdrawn:
			c.Withdrawn = le.Index
		}
		c.Steps++
	}
	for _, c := range out {
		s := states[c.Election]
		el := s.Elections[c.Election]
		c.Cast, c.Ballots = len(el.Ballots), len(el.Ballots)
		for _, b := range el.Ballots {
			c.Weight += uint64(max(b.Weight, 1))
		}
		if ev := el.Encrypted; ev != nil {
			c.Cast, c.Ballots = len(ev.Cast), len(ev.Last)
			if ev.Tally != nil {
				c.Ballots, c.Weight = ev.Tally.Ballots, ev.Tally.Weight
			}
			if ev.Result != nil {
				c.Decrypted = ev.Result.Trustees
				for _, i := range c.Decrypted {
					c.Names = append(c.Names, ev.Trustees[i-1])
				}
			}
		}
		if c.Count != nil || el.Status != ElectionStatusClosed || !el.counted() || el.Encrypted != nil && el.Encrypted.Result == nil {
			continue
		}
		// Closed and not yet declared at the excerpt's checkpoint: what
		// its ballots elect, which no declaration names yet.
		count, err := s.countBallots(el)
		if err != nil {
			return nil, &EntryError{Index: closedAt[c.Election], Type: "election_closed", Err: err}
		}
		c.Count = count
	}
	return out, nil
}

// ballotFits refuses a plain ballot that names anyone but the
// candidates of el (or, by lists, anything but one of its lists), or
// one cast in an encrypted election. Who may cast it, and once, the
// apply function checks.
func ballotFits(el *Election, b ElectionBallot) error {
	if el.Encrypted != nil {
		return fmt.Errorf("the election %q is encrypted, and this ballot is not", el.ID)
	}
	if listMethod(el.Method) {
		if !slices.ContainsFunc(el.Lists, func(l List) bool { return l.ID == b.List }) {
			return fmt.Errorf("the ballot of %s names %q, which is not a list of the election %q", b.Voter, b.List, el.ID)
		}
		return nil
	}
	cands := el.allCandidates()
	for _, n := range slices.Concat(b.Ranking, b.Approve) {
		if !slices.Contains(cands, n) {
			return fmt.Errorf("the ballot of %s names %q, who is not a candidate in the election %q", b.Voter, n, el.ID)
		}
	}
	return nil
}

// excerptRefusals are declaredCount's refusals in an excerpt, which may
// not show every ballot of the election.
var excerptRefusals = declarationRefusals{
	nothing: func(el *Election, e ElectionDeclared) error {
		return fmt.Errorf("the declaration of the election %q records a count (%s), and the excerpt shows nothing of it to count: its ballots are left out", el.ID, e.Arithmetic)
	},
	elected: func(el *Election, e ElectionDeclared, count *ElectionCount) error {
		return fmt.Errorf("the declared result of the election %q (%s) is not whom the ballots shown elect by %s (%s)", el.ID, strings.Join(e.Elected, ", "), el.Method, strings.Join(count.Elected, ", "))
	},
	count: func(el *Election, e ElectionDeclared, words string) error {
		return fmt.Errorf("the count the declaration of the election %q records (%s) is not that of the ballots shown (%s): a ballot is left out of the excerpt, added to it or changed", el.ID, e.Arithmetic, words)
	},
}

// CountWords are the first words of the arithmetic a declaration
// records, the count itself: "approval, 5 ballots: d3 2, d4 3, d5 1", or
// by lists "dhondt: la 3 votes, 1 seat; lb 1 vote, 0 seats". What
// follows in the record (the stages, the ties, the elected) is not
// among them.
func CountWords(c *ElectionCount) string {
	parts := make([]string, len(c.First))
	if c.Lists {
		for i, v := range c.First {
			parts[i] = fmt.Sprintf("%s %s %s, %d %s", v.ID, v.Votes, englishNoun(v.Votes == "1", "vote", "votes"), v.Seats, englishNoun(v.Seats == 1, "seat", "seats"))
		}
		return c.Method + ": " + strings.Join(parts, "; ")
	}
	for i, v := range c.First {
		parts[i] = v.ID + " " + v.Votes
	}
	return fmt.Sprintf("%s, %d %s: %s", c.Method, c.Ballots, englishNoun(c.Ballots == 1, "ballot", "ballots"), strings.Join(parts, ", "))
}

// oneNoun is a count of 1 and its noun in the plural, as declarations
// recorded before 2026-12-06 wrote it ("1 ballots"; since, "1 ballot").
var oneNoun = regexp.MustCompile(`\b1 (ballot|vote|seat)s\b`)

// sameCount reports whether the arithmetic a declaration records begins
// with words, the count, whole (followed by the end or by ";"), a count
// of 1 in the singular or the plural alike.
func sameCount(arithmetic, words string) bool {
	a, w := oneNoun.ReplaceAllString(arithmetic, "1 $1"), oneNoun.ReplaceAllString(words, "1 $1")
	return strings.HasPrefix(a, w) && (len(a) == len(w) || a[len(w)] == ';')
}

// EntryError is the failure of an entry of an excerpt: its index, its
// event type and why.
type EntryError struct {
	Index int64
	Type  string
	Err   error
}

func (e *EntryError) Error() string { return fmt.Sprintf("entry %d (%s): %v", e.Index, e.Type, e.Err) }
func (e *EntryError) Unwrap() error { return e.Err }

// proofChecks checks the proofs of the encrypted ballots an excerpt
// holds on every core (State.BallotCheck), while the entries after them
// are applied, as the audit replay of the whole log does: they take
// nearly all the time of an excerpt's check (some 2.5 ms a ballot).
type proofChecks struct {
	start sync.Once
	jobs  chan proofCheck
	wg    sync.WaitGroup
	mu    sync.Mutex
	fail  *EntryError // the earliest failure
}

type proofCheck struct {
	index int64
	check func() error
}

// hand makes s hand its ballots' proof checks to p, each with the index
// of the entry being applied.
func (p *proofChecks) hand(s *State) {
	s.BallotCheck = func(check func() error) { p.add(int64(s.Events), check) }
}

func (p *proofChecks) add(index int64, check func() error) {
	p.start.Do(func() {
		p.jobs = make(chan proofCheck, 256)
		for range runtime.GOMAXPROCS(0) {
			p.wg.Add(1)
			go p.work()
		}
	})
	p.jobs <- proofCheck{index, check}
}

func (p *proofChecks) work() {
	defer p.wg.Done()
	for j := range p.jobs {
		if err := j.check(); err != nil {
			p.mu.Lock()
			if p.fail == nil || j.index < p.fail.Index {
				p.fail = &EntryError{Index: j.index, Type: "encrypted_ballot_cast", Err: err}
			}
			p.mu.Unlock()
		}
	}
}

// finish waits for the checks handed over and returns the failure of
// the earliest entry: a proof that failed, or err, the failure the
// entries applied stopped at (an *EntryError; any other error stands).
func (p *proofChecks) finish(err error) error {
	if p.jobs != nil {
		close(p.jobs)
		p.wg.Wait()
	}
	var at *EntryError
	if p.fail != nil && (err == nil || errors.As(err, &at) && p.fail.Index < at.Index) {
		return p.fail
	}
	return err
}
