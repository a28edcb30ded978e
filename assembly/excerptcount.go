package assembly

import (
	"encoding/json"
	"fmt"
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
	s := &State{Votes: map[string]*Vote{}, VerifyBallots: true}
	var (
		out     []*EncryptedCount
		byVote  = map[string]*EncryptedCount{}
		derived = map[string]Meta{}
		summed  = map[string]bool{}
	)
	for _, le := range events {
		fail := func(err error) error {
			return fmt.Errorf("entry %d (%s): %w", le.Index, le.Type, err)
		}
		switch le.Type {
		case "vote_opened", "vote_closed", "vote_withdrawn", "result_declared",
			"trustee_key_posted", "dealing_posted", "confirmation_posted", "election_key_derived",
			"encrypted_ballot_cast", "encrypted_tallied", "partial_decryption_posted", "encrypted_result_derived":
		default:
			continue
		}
		// Only the entries of an encrypted vote are read: a plain vote's
		// are passed over as they were before.
		var peek struct {
			Vote      string          `json:"vote"`
			Encrypted json.RawMessage `json:"encrypted"`
		}
		if json.Unmarshal(le.Payload, &peek) != nil {
			return nil, fail(fmt.Errorf("the %s event cannot be read", le.Type))
		}
		switch {
		case le.Type == "vote_opened" && (len(peek.Encrypted) == 0 || string(peek.Encrypted) == "null"):
			continue
		case le.Type == "vote_opened" || s.Votes[peek.Vote] != nil:
		case peek.Vote == "" || le.Type == "vote_closed" || le.Type == "vote_withdrawn" || le.Type == "result_declared":
			continue // a plain vote's, or an election's step
		default:
			return nil, fail(fmt.Errorf("the excerpt holds this step of the encrypted vote %q without the vote's opening", peek.Vote))
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
		byVote[peek.Vote].Steps++
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
