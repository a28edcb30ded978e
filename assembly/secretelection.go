package assembly

import (
	"encoding/json"
	"slices"
)

// A secret election (open_election with secret: true) is sealed by the
// server as a secret vote is (docs/script.md, "Secret votes"):
// election_ballot_cast records that the voter voted, with the mandate and
// its weight, never the ballot; plenum keeps the ballot, under a random
// token it hands the voter, in the ballot box beside the log
// (ElectionBox names the election's), and at the close shuffles the
// ballots into sealed_election_ballots entries, each ballot's votes under
// the tokens UnitTokens gives, from which the election is counted.

// ElectionBox is the name of the ballot box of the secret election id
// beside the log: "election/" and the id. An id holds no "/", so no
// vote's box (named by the vote's id) is ever an election's.
func ElectionBox(id string) string { return "election/" + id }

// SealedElectionPerEntry is the most sealed ballots one
// sealed_election_ballots event carries, and SealedElectionBytes the
// most bytes their JSON takes, so that each event fits in one log entry
// (ledger.MaxEntrySize) with the tokens in it: a voter's receipt is the
// entry that carries their token.
const (
	SealedElectionPerEntry = SealedPerEntry
	SealedElectionBytes    = 48 << 10
)

// SealedElectionBallot is one vote of a secret election's ballot as it
// enters the log when the election closes: a token and the ballot —
// the ranking, the candidates approved or the list, as the method takes
// it — and nothing of the voter.
type SealedElectionBallot struct {
	Token   string   `json:"token"`
	Ranking []string `json:"ranking,omitempty"`
	Approve []string `json:"approve,omitempty"`
	List    string   `json:"list,omitempty"`
}

// ElectionBallotsSealed: a closed secret election's ballots entered the
// log, shuffled, at most SealedElectionPerEntry votes (and
// SealedElectionBytes of them) per event, each with its token and no
// voter. All of them follow election_closed, in the same command.
type ElectionBallotsSealed struct {
	Meta     `json:"meta"`
	Election string                 `json:"election"`
	Sealed   []SealedElectionBallot `json:"sealed"`
}

func (ElectionBallotsSealed) EventType() string { return "sealed_election_ballots" }

func init() { registerEvents(ElectionBallotsSealed{}) }

// wholeBallots reports whether the ballots of a secret election by method
// for seats are published whole, each one of many possible: a ranking,
// or a set of candidates (approval; plurality for several seats). One
// voter alone often gives such a ballot, so its w votes, sealed apart,
// would show their number, which is a mandate's public weight
// (secretWeights). A ballot of one candidate (plurality for one seat) or
// one list is one choice among a few, which many voters share, as a
// secret vote's is.
func wholeBallots(method string, seats int) bool {
	return rankedMethod(method) || method == "approval" || method == "plurality" && seats > 1
}

// secretSetup checks open_election's secret against its other fields (that
// it is not encrypted too, bothSecretAndEncrypted): a method that takes
// ballots; and where ballots are published whole, no mandate entitled of
// more than one vote.
func (s *State) secretSetup(c OpenElection, rights []string) error {
	if !c.Secret {
		return nil
	}
	if c.Method == "as_stated" {
		return fieldErr("secret", "the method as_stated takes no ballots, so its election cannot be secret")
	}
	if wholeBallots(c.Method, c.Seats) {
		for _, r := range rights {
			if w := s.weight(r); w > 1 {
				return fieldErr("secret", "a secret election by %s cannot be held while the mandate %s, entitled in it, carries %d votes: each ballot enters the log whole, once per vote, and the record gives each mandate's weight, so a ballot given by no one else would name the mandate; hold it by plurality for one seat or by lists, encrypted (counted by sums), or with only mandates of one vote entitled", c.Method, r, w)
			}
		}
	}
	return nil
}

// bothSecretAndEncrypted refuses an election opened secret and encrypted,
// before anything of the encryption is checked.
func bothSecretAndEncrypted(c OpenElection) error {
	if c.Secret && c.Encrypted {
		return fieldErr("secret", "an election is secret (its ballots sealed by the server) or encrypted (in the voter's browser, counted by trustees), not both; choose one")
	}
	return nil
}

// secretBallot checks a ballot of the secret election el cast under
// right with token: the token plenum made, and no mandate of several
// votes where ballots are published whole (the rules may have given
// weights after the election opened, in a record made before set_rules
// refused that: weightsHeld).
func (s *State) secretBallot(el *Election, right, token string) error {
	if !el.Secret {
		if token != "" {
			return fieldErr("token", "only a ballot of a secret election has a token; the election %s is not secret", el.ID)
		}
		return nil
	}
	if len(token) < MinBallotToken || len(token) > MaxBallotToken {
		return fieldErr("token", "a secret ballot needs its token (at least %d characters), which plenum makes", MinBallotToken)
	}
	if w := s.weight(right); w > 1 && wholeBallots(el.Method, el.Seats) {
		return conflict("the mandate %s carries %d votes, and the secret election %s publishes each ballot whole once per vote, which would name the mandate; it takes only the ballots of mandates of one vote", right, w, el.ID)
	}
	return nil
}

// votesCast is the number of votes the ballots of el carry (weights
// counted): in a secret election, how many sealed ballots its close
// enters.
func (el *Election) votesCast() int {
	n := 0
	for _, b := range el.Ballots {
		n += max(b.Weight, 1)
	}
	return n
}

// sealedFits refuses a sealed ballot that is not one el takes: its
// token's length, and the ballot's shape and names as cast_election_ballot
// checks them (one list; a ranking of candidates, none twice; one to
// seats candidates, or to approvals, none twice).
func (el *Election) sealedFits(sb SealedElectionBallot) error {
	if len(sb.Token) < MinBallotToken || len(sb.Token) > MaxBallotToken {
		return fieldErr("sealed", "a sealed ballot's token has %d to %d characters", MinBallotToken, MaxBallotToken)
	}
	bad := func() error {
		return fieldErr("sealed", "a sealed ballot of %s is not one its method takes", el.ID)
	}
	cands := el.allCandidates()
	names := func(ns []string) bool {
		for i, n := range ns {
			if !contains(cands, n) || slices.Contains(ns[:i], n) {
				return false
			}
		}
		return len(ns) > 0
	}
	switch {
	case listMethod(el.Method):
		if len(sb.Ranking) > 0 || len(sb.Approve) > 0 || !slices.ContainsFunc(el.Lists, func(l List) bool { return l.ID == sb.List }) {
			return bad()
		}
	case rankedMethod(el.Method):
		if len(sb.Approve) > 0 || sb.List != "" || !names(sb.Ranking) {
			return bad()
		}
	default:
		if len(sb.Ranking) > 0 || sb.List != "" || !names(sb.Approve) ||
			el.Method == "plurality" && len(sb.Approve) > el.Seats ||
			el.Method == "approval" && el.Approvals > 0 && len(sb.Approve) > el.Approvals {
			return bad()
		}
	}
	return nil
}

// closeSecret checks the sealed ballots a close_election of the secret
// election el gives (plenum fills them in from the ballot box) and
// returns the events that enter them: election_closed, then the sealed
// ballots in entries of bounded size.
func (s *State) closeSecret(m Meta, el *Election, c CloseElection) ([]Event, error) {
	if n := el.votesCast(); len(c.Sealed) != n {
		return nil, fieldErr("sealed", "the sealed ballots (%d) must number the votes cast (%d)", len(c.Sealed), n)
	}
	tokens := make(map[string]bool, len(c.Sealed))
	for _, sb := range c.Sealed {
		if err := el.sealedFits(sb); err != nil {
			return nil, err
		}
		if tokens[sb.Token] {
			return nil, fieldErr("sealed", "the token %s is on two sealed ballots", sb.Token)
		}
		tokens[sb.Token] = true
	}
	evs := []Event{ElectionClosed{Meta: m, Election: c.Election, Seed: c.Seed}}
	for rest := c.Sealed; len(rest) > 0; {
		n, size := 0, 0
		for n < len(rest) && n < SealedElectionPerEntry {
			b, err := json.Marshal(rest[n])
			if err != nil {
				return nil, err
			}
			if n > 0 && size+len(b)+1 > SealedElectionBytes {
				break
			}
			size += len(b) + 1
			n++
		}
		evs = append(evs, ElectionBallotsSealed{Meta: m, Election: c.Election, Sealed: rest[:n:n]})
		rest = rest[n:]
	}
	return evs, nil
}

func (e ElectionBallotsSealed) apply(s *State) error {
	el := s.Elections[e.Election]
	if el == nil || !el.Secret || el.Status != ElectionStatusClosed || len(e.Sealed) == 0 || len(e.Sealed) > SealedElectionPerEntry ||
		len(el.Sealed)+len(e.Sealed) > el.votesCast() {
		return corrupt("the sealed ballots of the election %q do not fit it", e.Election)
	}
	for _, sb := range e.Sealed {
		if el.sealedFits(sb) != nil {
			return corrupt("a sealed ballot of the election %q is not one its method takes", e.Election)
		}
	}
	if el.sealedTokens == nil {
		el.sealedTokens = make(map[string]struct{}, el.votesCast())
	}
	for _, sb := range e.Sealed {
		if _, dup := el.sealedTokens[sb.Token]; dup {
			return corrupt("two sealed ballots of %q carry one token", e.Election)
		}
		el.sealedTokens[sb.Token] = struct{}{}
	}
	el.Sealed = append(el.Sealed, e.Sealed...)
	if len(el.Sealed) == el.votesCast() {
		el.sealedTokens = nil
	}
	el.SealedEntries = append(el.SealedEntries, int64(s.Events))
	return nil
}

// sealedComplete refuses to count the secret election el before every
// vote cast is sealed: the record is incomplete.
func (el *Election) sealedComplete() error {
	if el.Secret && len(el.Ballots) > 0 && len(el.Sealed) != el.votesCast() {
		return conflict("the sealed ballots of %s (%d) do not number the votes cast (%d); the record is incomplete", el.ID, len(el.Sealed), el.votesCast())
	}
	return nil
}
