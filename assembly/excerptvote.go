package assembly

import (
	"encoding/json"
	"fmt"
)

// VoteCheck is what CheckVotes proved of one plain vote (not encrypted:
// CheckEncryptedCounts checks those) from the entries it was given.
type VoteCheck struct {
	Vote, Method string
	// Between drafts: counted by the drafts the excerpt need not hold,
	// not recounted.
	Alternatives bool
	// Ballots, Sealed and Rounds are how many ballots, sealed votes and
	// counts entered the excerpt shows.
	Ballots, Sealed, Rounds int
	// Closed is the index of the vote_closed entry, -1 if the excerpt
	// holds none (one served before excerpts held it): its declaration is
	// then not recounted.
	Closed int64
	// Declared is the index of the result_declared entry (-1 if none),
	// DeclaredBy its actor, Outcome and Arithmetic what it records, and
	// Recounted whether it was counted again from the ballots, sealed
	// ballots or last count entered shown and found to be their count.
	Declared            int64
	DeclaredBy          string
	Outcome, Arithmetic string
	Recounted           bool
	// AbstentionsCount is the rule on abstentions (State.Rules) under which
	// the count gives the declaration, which the excerpt does not hold:
	// the rule the default does not give is said.
	AbstentionsCount bool
	Withdrawn        int64
}

// plainVoteEvents are the entries of a plain vote CheckVotes reads.
var plainVoteEvents = map[string]bool{
	"vote_opened": true, "ballot_cast": true, "vote_closed": true, "sealed_ballots": true,
	"count_entered": true, "result_declared": true, "vote_withdrawn": true,
}

// CheckVotes counts again the plain votes whose opening is among events
// (in increasing order of index, as a certified excerpt holds them), on a
// state that holds the vote alone, with the apply functions a replay of
// the whole log runs: each ballot of a right entitled at the opening and
// voting once, the close, the sealed ballots, every count entered, and
// the declaration, which must be the count (recountVote) of what the
// excerpt shows — the ballots, the sealed ballots or the last count
// entered — by the threshold the opening recorded. A ballot or a count
// entered left out, added or changed is so refused at the declaration,
// and a declaration shown without the vote's close is refused if the
// excerpt holds any other step of the vote after its opening. Other
// events are passed over; the first entry that fails is named in the
// error. The assembly's rule on whether abstentions count is not in the
// excerpt: the declaration is taken if the count gives it under either.
func CheckVotes(events []LoggedEvent) ([]*VoteCheck, error) {
	s := NewState()
	var out []*VoteCheck
	checks := map[string]*VoteCheck{}
	for _, le := range events {
		if !plainVoteEvents[le.Type] {
			continue
		}
		fail := func(err error) error { return &EntryError{Index: le.Index, Type: le.Type, Err: err} }
		vote, encrypted, err := peekVote(le)
		if err != nil {
			return nil, fail(err)
		}
		c := checks[vote]
		if le.Type == "vote_opened" {
			if encrypted {
				continue
			}
		} else if c == nil || c.Alternatives {
			continue // an encrypted vote's, or shown without its opening
		}
		ev, err := DecodeEvent(le.Type, le.Payload)
		if err != nil {
			return nil, fail(err)
		}
		s.Events = int(le.Index)
		switch e := ev.(type) {
		case VoteOpened:
			if c != nil {
				return nil, fail(fmt.Errorf("the vote %q is opened twice", e.Vote))
			}
			c = &VoteCheck{Vote: e.Vote, Method: e.Method, Alternatives: e.Alternatives != "", Closed: -1, Declared: -1, Withdrawn: -1}
			checks[e.Vote] = c
			out = append(out, c)
			if c.Alternatives {
				continue
			}
			s.Assembly.ID = e.Assembly
			if e.Motion != "" && s.Motions[e.Motion] == nil {
				// The motion as the vote finds it: pending.
				s.Motions[e.Motion] = &Motion{ID: e.Motion, Status: MotionStatusPending}
			}
			if s.Motions[e.Motion] != nil {
				s.Motions[e.Motion].Status = MotionStatusPending
			}
		case ResultDeclared:
			c.Declared, c.DeclaredBy, c.Outcome, c.Arithmetic = le.Index, e.Actor, e.Result.Outcome, e.Result.Arithmetic
			v := s.Votes[e.Vote]
			if c.Closed < 0 && c.Ballots+c.Sealed+c.Rounds == 0 {
				// An excerpt served before excerpts held the close and the
				// counts: it proves the declaration is in the log, not
				// its count.
				continue
			}
			if v.Status != VoteStatusClosed {
				return nil, fail(fmt.Errorf("the excerpt holds the declaration of the vote %q without its close (vote_closed): an entry is left out", e.Vote))
			}
			err := s.recountVote(v, e.Result)
			if err != nil {
				s.Assembly.Rules.AbstentionsCount = !s.Assembly.Rules.AbstentionsCount
				if s.recountVote(v, e.Result) == nil {
					err, c.AbstentionsCount = nil, s.Assembly.Rules.AbstentionsCount
				}
				s.Assembly.Rules.AbstentionsCount = !s.Assembly.Rules.AbstentionsCount
			}
			if err != nil {
				return nil, fail(fmt.Errorf("%w: the entries of the vote the excerpt shows do not bear out its declaration (a ballot or a count entered is left out of the excerpt, added to it or changed)", err))
			}
			c.Recounted = true
			v.Status, v.Result = VoteStatusDeclared, &e.Result
			continue
		}
		if err := ev.apply(s); err != nil {
			return nil, fail(err)
		}
		switch ev.(type) {
		case BallotCast:
			c.Ballots++
		case VoteClosed:
			c.Closed = le.Index
		case SealedBallots:
			c.Sealed++
		case CountEntered:
			c.Rounds++
		case VoteWithdrawn:
			c.Withdrawn = le.Index
		}
	}
	for _, c := range out {
		if v := s.Votes[c.Vote]; v != nil {
			c.Sealed = len(v.Sealed)
		}
	}
	return out, nil
}

// peekVote reads the vote an excerpt's entry names and whether it opens
// (or is of) an encrypted vote, without decoding the whole event: the
// checks of plain votes (CheckVotes) and of encrypted counts
// (checkEncryptedCounts) each pass over the other's entries.
func peekVote(le LoggedEvent) (vote string, encrypted bool, err error) {
	var peek struct {
		Vote      string          `json:"vote"`
		Encrypted json.RawMessage `json:"encrypted"`
	}
	if json.Unmarshal(le.Payload, &peek) != nil {
		return "", false, fmt.Errorf("the %s event cannot be read", le.Type)
	}
	return peek.Vote, len(peek.Encrypted) != 0 && string(peek.Encrypted) != "null", nil
}
