package assembly

import (
	"fmt"
	"strings"
)

// Withdrawing a vote or an election opened by mistake (the wrong motion,
// the wrong method, the wrong seats). Nothing is deleted: the vote keeps
// its record, is marked withdrawn, and the minutes say that it was
// withdrawn and why. Before the first ballot (or count) the chair may
// withdraw it alone; after, only with the assembly's consent, which the
// command states ("no objection", "by a show of hands, nearly
// unanimous"), since voters have acted on it. The motion it was on stays
// pending and may be put to the vote again.

// The status of a vote or election withdrawn.
const (
	VoteStatusWithdrawn     = "withdrawn"
	ElectionStatusWithdrawn = "withdrawn"
)

// WithdrawVote withdraws a vote not yet declared.
type WithdrawVote struct {
	Vote   string `json:"vote" plenum:"required,id"`
	Reason string `json:"reason" plenum:"required"`
	// Consent says how the assembly consented; required once a ballot
	// was cast or a count entered.
	Consent string `json:"consent"`
}

// WithdrawElection withdraws an election not yet declared.
type WithdrawElection struct {
	Election string `json:"election" plenum:"required,id"`
	Reason   string `json:"reason" plenum:"required"`
	// Consent says how the assembly consented; required once a ballot
	// was cast.
	Consent string `json:"consent"`
}

func (WithdrawVote) CommandName() string     { return "withdraw_vote" }
func (WithdrawElection) CommandName() string { return "withdraw_election" }

// VoteWithdrawn: a vote was withdrawn; Ballots is how many ballots it
// held, which are void (as is any count entered).
type VoteWithdrawn struct {
	Meta    `json:"meta"`
	Vote    string `json:"vote"`
	Reason  string `json:"reason"`
	Consent string `json:"consent"`
	Ballots int    `json:"ballots"`
}

// ElectionWithdrawn: an election was withdrawn; Ballots is how many
// ballots it held, which are void.
type ElectionWithdrawn struct {
	Meta     `json:"meta"`
	Election string `json:"election"`
	Reason   string `json:"reason"`
	Consent  string `json:"consent"`
	Ballots  int    `json:"ballots"`
}

func (VoteWithdrawn) EventType() string     { return "vote_withdrawn" }
func (ElectionWithdrawn) EventType() string { return "election_withdrawn" }

// InProgress reports whether a vote is open or closed and not yet
// declared (nor withdrawn): the business of the moment.
func (v *Vote) InProgress() bool {
	return v.Status == VoteStatusOpen || v.Status == VoteStatusClosed
}

// InProgress reports whether an election is open or closed and not yet
// declared (nor withdrawn).
func (el *Election) InProgress() bool {
	return el.Status == ElectionStatusOpen || el.Status == ElectionStatusClosed
}

// maxWithdrawalText bounds a reason or a statement of consent.
const maxWithdrawalText = 1000

// checkWithdrawal checks a withdrawal's reason and consent: of an
// election, or of a vote; acted says what voters did already (nil for
// nothing).
func checkWithdrawal(election bool, acted *Reason, why, consent string) error {
	switch {
	case strings.TrimSpace(why) == "" && election:
		return fieldErr("reason", "say why the election is withdrawn (reason)")
	case strings.TrimSpace(why) == "":
		return fieldErr("reason", "say why the vote is withdrawn (reason)")
	case len(why) > maxWithdrawalText:
		return fieldErr("reason", "the reason is longer than %d characters; say it shortly", maxWithdrawalText)
	case len(consent) > maxWithdrawalText:
		return fieldErr("consent", "the statement of consent is longer than %d characters; say it shortly", maxWithdrawalText)
	case acted != nil && strings.TrimSpace(consent) == "":
		return errf(ErrConflict, "%s; it can be withdrawn now only with the assembly's consent: ask the assembly, then say how it consented (consent, e.g. \"no objection\")", acted)
	}
	return nil
}

// acted says what voters did in a vote or election: nil (nothing), "a
// ballot has already been cast in this vote", "3 ballots have already
// been cast in this election", "a count has already been entered in this
// vote" (an election has no counts).
func acted(election bool, ballots, counts int) *Reason {
	switch {
	case ballots == 1 && election:
		return reason("a ballot has already been cast in this election")
	case ballots == 1:
		return reason("a ballot has already been cast in this vote")
	case ballots > 1 && election:
		return reason("%d ballots have already been cast in this election", ballots)
	case ballots > 1:
		return reason("%d ballots have already been cast in this vote", ballots)
	case counts > 0:
		return reason("a count has already been entered in this vote")
	}
	return nil
}

func (c WithdrawVote) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair withdraws a vote")
	}
	v, err := s.vote(c.Vote)
	if err != nil {
		return nil, err
	}
	switch v.Status {
	case VoteStatusDeclared:
		return nil, closed("the result of this vote is already declared; a declared result is not withdrawn (a motion to reconsider may reopen the question)")
	case VoteStatusWithdrawn:
		return nil, closed("this vote was already withdrawn")
	}
	if err := checkWithdrawal(false, acted(false, v.ballotCount(), len(v.Rounds)), c.Reason, c.Consent); err != nil {
		return nil, err
	}
	return one(VoteWithdrawn{Meta: m, Vote: c.Vote, Reason: strings.TrimSpace(c.Reason), Consent: strings.TrimSpace(c.Consent), Ballots: v.ballotCount()})
}

func (e VoteWithdrawn) apply(s *State) error {
	v := s.Votes[e.Vote]
	if v == nil || !v.InProgress() {
		return corrupt("the vote %q cannot be withdrawn", e.Vote)
	}
	v.Status, v.ClosedAt = VoteStatusWithdrawn, e.At
	s.note(e.Meta, e.EventType(), v.ID, func(r *RecordEntry) {
		if v.Item != "" {
			r.Item = v.Item
		}
		r.Text = withdrawalText("vote on “"+s.voteQuestion(v)+"”", e.Reason, e.Consent, e.Ballots)
		r.Label = e.Reason
	})
	return nil
}

func (c WithdrawElection) decide(s *State, m Meta) ([]Event, error) {
	if !s.isChair(m.Actor) {
		return nil, forbidden("only the chair withdraws an election")
	}
	el, err := s.election(c.Election)
	if err != nil {
		return nil, err
	}
	switch el.Status {
	case ElectionStatusDeclared:
		return nil, closed("the elected are already declared; a declared election is not withdrawn")
	case ElectionStatusWithdrawn:
		return nil, closed("this election was already withdrawn")
	}
	if err := checkWithdrawal(true, acted(true, el.ballotCount(), 0), c.Reason, c.Consent); err != nil {
		return nil, err
	}
	return one(ElectionWithdrawn{Meta: m, Election: c.Election, Reason: strings.TrimSpace(c.Reason), Consent: strings.TrimSpace(c.Consent), Ballots: el.ballotCount()})
}

func (e ElectionWithdrawn) apply(s *State) error {
	el := s.Elections[e.Election]
	if el == nil || !el.InProgress() {
		return corrupt("the election %q cannot be withdrawn", e.Election)
	}
	el.Status = ElectionStatusWithdrawn
	s.note(e.Meta, e.EventType(), el.ID, func(r *RecordEntry) {
		r.Text = withdrawalText("election “"+el.Title+"”", e.Reason, e.Consent, e.Ballots)
		r.Label = e.Reason
	})
	return nil
}

// withdrawalText is a withdrawal as the minutes state it: "The vote on
// “…” is withdrawn: opened on the wrong motion. With the assembly's
// consent (no objection), the 3 ballots cast are void." A count entered
// by show of hands needs the assembly's consent as ballots do.
func withdrawalText(what, reason, consent string, ballots int) string {
	t := "The " + what + " is withdrawn: " + strings.TrimSuffix(reason, ".") + "."
	switch {
	case consent != "" && ballots == 1:
		t += " With the assembly's consent (" + consent + "), the ballot cast is void."
	case consent != "" && ballots > 1:
		t += fmt.Sprintf(" With the assembly's consent (%s), the %d ballots cast are void.", consent, ballots)
	case consent != "":
		t += " With the assembly's consent (" + consent + ")."
	default:
		t += " No ballot had been cast."
	}
	return t
}

func init() {
	registerCommands(WithdrawVote{}, WithdrawElection{})
	registerEvents(VoteWithdrawn{}, ElectionWithdrawn{})
}
