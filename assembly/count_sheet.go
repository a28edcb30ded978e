package assembly

import (
	"fmt"
	"strconv"
	"strings"

	"plenum/tally"
)

// An election's count as a count sheet shows it: the method, the quota,
// each candidate's (or list's) first-stage votes, the stages and the lots,
// with ids that the reader turns into names. declare_election records the
// same count as one line of arithmetic (arithmetic); the count sheet and
// the projector read it from ElectionCount, which counts the ballots again
// by the same method and seed and so gives the same result.

// ElectionCount is an election's ballots counted by its method.
type ElectionCount struct {
	// Method is the method counted by (by_tendency counts as hare).
	Method string
	// Ballots is the number of ballots.
	Ballots int
	// Quota is the quota of a quota method ("" for the others).
	Quota string
	// Lists marks a count by lists: First then holds lists, with Seats.
	Lists bool
	// First are the first-stage totals: first preferences (ranked
	// methods), votes (plurality, approval) or each list's votes and
	// seats, in the order of the candidates or the lists.
	First []Votes
	// Stages is the number of stages of the count.
	Stages int
	// Elected are the persons elected, in order.
	Elected []string
	// Ties are the ties of the count and how each was broken (by lot,
	// by an earlier stage, by the larger vote).
	Ties []TieBreak
	// Short are the lists (a count by lists) that won more seats than
	// they have candidates, in the order of the lists: each keeps as many
	// seats as names (First's Seats), and the seats it cannot fill went to
	// the other lists by the same method (the next highest quotient or
	// remainder). Unfilled is the number of seats no list could fill.
	Short    []ShortList
	Unfilled int
}

// ShortList is a list that won more seats (Won, counted without regard
// to its names) than it has Candidates.
type ShortList struct {
	List       string
	Won        int
	Candidates int
}

// Given is the number of seats the list won and cannot fill.
func (l ShortList) Given() int { return l.Won - l.Candidates }

// ShortText is the English the recorded arithmetic says of the lists
// that won more seats than they have names and of seats left unfilled,
// each part after "; ", or "".
func (c *ElectionCount) ShortText() string {
	var s string
	how := "the next highest quotients"
	if c.Method == tally.MethodHare {
		how = "the next largest remainders"
	}
	for _, l := range c.Short {
		s += fmt.Sprintf("; %s wins %d %s but has %d %s: %d %s to the other lists by %s", l.List,
			l.Won, englishNoun(l.Won == 1, "seat", "seats"), l.Candidates, englishNoun(l.Candidates == 1, "candidate", "candidates"),
			l.Won-l.Candidates, englishNoun(l.Won-l.Candidates == 1, "seat goes", "seats go"), how)
	}
	if c.Unfilled > 0 {
		s += fmt.Sprintf("; %d %s unfilled: no list has names left", c.Unfilled, englishNoun(c.Unfilled == 1, "seat", "seats"))
	}
	return s
}

// TieBreak is a tie in an election's count and how it was broken, in
// parts a catalog says in any language (Reason): what the tie was for,
// who was tied, how it was decided, among whom a lot was drawn and from
// which seed, and who was chosen. Candidates and lists are ids.
type TieBreak struct {
	// Stage is the stage of the count at which the tie arose.
	Stage int
	// For is what the tie was for: one of tally's Purpose constants, or
	// "seat" for a numbered seat (Seat).
	For  string
	Seat int
	// Tied are those tied as the tie was first found.
	Tied []string
	// Lot are those among whom a lot was drawn: all of Tied, or those
	// the earlier stages (or the votes) left tied; empty when no lot was
	// drawn.
	Lot []string
	// How is tally.HowLot, tally.HowVotes (the larger vote decided), or
	// "stage" (the votes at stage At decided).
	How  string
	At   int
	Seed uint64
	// Chosen is the candidate or list the tie was broken for.
	Chosen string
	// Lists marks a tie of a count by lists, which the lists' votes
	// narrow before a lot; Paths a tie of the Schulze method, level by
	// the strongest paths.
	Lists, Paths bool
	// Text is the tie in package tally's English words, with ids: what
	// the arithmetic declare_election records says.
	Text string
}

// NewTieBreak is a tie of package tally in a count by method (tally's
// name of it) of the candidates or lists ids, from seed.
func NewTieBreak(method string, ids []string, seed uint64, tb tally.TieBreak) TieBreak {
	id := func(cs []int) []string {
		out := make([]string, len(cs))
		for i, c := range cs {
			out[i] = ids[c]
		}
		return out
	}
	t := TieBreak{Stage: tb.Stage, For: tb.Purpose, Seat: tb.Seat, Tied: id(tb.Candidates), Lot: id(tb.Lot),
		How: tb.How, At: tb.At, Seed: seed, Chosen: ids[tb.Chosen], Text: tb.Text}
	if tb.Seat > 0 {
		t.For = "seat"
	}
	if tb.At > 0 {
		t.How = "stage"
	}
	switch method {
	case tally.MethodDHondt, tally.MethodSainteLague, tally.MethodSainteLagueModified, tally.MethodHare:
		t.Lists = true
	case tally.MethodSchulze:
		t.Paths = true
	}
	return t
}

// Reason is the tie in words, name giving the words for an id (nil: the
// ids as they stand). Its English is package tally's (Text, with names).
func (t TieBreak) Reason(name func(id string) string) *Reason {
	if name == nil {
		name = func(id string) string { return id }
	}
	names := func(ids []string) any {
		xs := make([]any, len(ids))
		for i, id := range ids {
			xs[i] = name(id)
		}
		return andList(xs)
	}
	// The seed is written in digits alone, as the record states it, never
	// grouped as the locale writes numbers.
	tied, chosen, seed := names(t.Tied), name(t.Chosen), strconv.FormatUint(t.Seed, 10)
	if t.Paths {
		return reason("%s are level by their strongest paths; seat %d goes by lot, seed %s: %s", tied, t.Seat, seed, chosen)
	}
	var what *Reason
	switch t.For {
	case tally.PurposeExclusion:
		what = reason("for exclusion")
	case tally.PurposeSurpluses:
		what = reason("for order of surpluses")
	case tally.PurposeElection:
		what = reason("for order of election")
	case tally.PurposeLastSeat:
		what = reason("for the last seat")
	case tally.PurposeRemainder:
		what = reason("for a remainder seat")
	default:
		what = reason("for seat %d", t.Seat)
	}
	switch {
	case t.How == tally.HowVotes:
		return reason("tie between %s %s broken by the larger vote: %s", tied, what, chosen)
	case t.How != tally.HowLot:
		return reason("tie between %s %s broken by the votes at stage %d: %s", tied, what, t.At, chosen)
	case len(t.Lot) == len(t.Tied):
		return reason("tie between %s %s broken by lot, seed %s: %s", tied, what, seed, chosen)
	case t.Lists:
		lot := names(t.Lot)
		return reason("tie between %s %s; the votes leave %s tied; broken by lot among %s, seed %s: %s", tied, what, lot, lot, seed, chosen)
	}
	lot := names(t.Lot)
	return reason("tie between %s %s; the earlier stages leave %s tied; broken by lot among %s, seed %s: %s", tied, what, lot, lot, seed, chosen)
}

// Votes is one candidate's or list's votes at the first stage.
type Votes struct {
	ID    string // a person, or a list
	Votes string // a decimal: transfers may be fractional
	Seats int    // a list's seats
}

// ElectionCount counts the ballots of a closed or declared election by its
// method; an election without ballots, or whose result was stated rather
// than counted (as_stated), has no count.
func (s *State) ElectionCount(id string) (*ElectionCount, error) {
	el, err := s.election(id)
	if err != nil {
		return nil, err
	}
	switch {
	case el.Status == ElectionStatusOpen:
		return nil, conflict("the election %s is still open; it is counted when it closes", id)
	case el.Encrypted != nil && el.counted() && el.Encrypted.Counts == nil:
		return nil, conflict("the encrypted total of %s is not yet decrypted: %d of the %d trustees needed have posted their partial decryptions", id, len(el.Encrypted.Partials), el.Encrypted.Quorum)
	case el.Method == "as_stated" || !el.counted():
		return nil, conflict("the election %s has no ballots to count; its result is as stated", id)
	}
	return s.countBallots(el)
}

// countElection counts an election's ballots and words the count as the
// arithmetic declare_election records.
func (s *State) countElection(el *Election) ([]string, string, error) {
	c, err := s.countBallots(el)
	if err != nil {
		return nil, "", err
	}
	if c.Lists {
		return c.Elected, fmt.Sprintf("%s%s%s; elected: %s", CountWords(c), c.ShortText(), lotText(c.Ties), strings.Join(c.Elected, ", ")), nil
	}
	arith := CountWords(c)
	if c.Stages > 1 {
		arith += fmt.Sprintf("; %d stages", c.Stages)
	}
	return c.Elected, arith + lotText(c.Ties) + "; elected: " + strings.Join(c.Elected, ", "), nil
}

// englishNoun is a noun of the recorded English after its count: one
// when the count is 1 ("1 seat", "1 vote", "1 ballot"), else other. The
// minutes in another language say the count from the catalog
// (minutes.arith.*), which selects its plural form itself.
func englishNoun(isOne bool, one, other string) string {
	if isOne {
		return one
	}
	return other
}

// countBallots counts an election's ballots by its method with package
// tally, under the counting rules its opening names (Election.rules).
func (s *State) countBallots(el *Election) (*ElectionCount, error) {
	rules, err := el.rules()
	if err != nil {
		return nil, err
	}
	return s.countBallotsBy(el, rules, func(method string, e *tally.Election, opts tally.Options) (*tally.Result, error) {
		return tally.CountBy(rules, method, e, opts)
	})
}

// countBallotsBy is countBallots under the counting rules rules, whose
// counting function of ranked or marked ballots is count.
func (s *State) countBallotsBy(el *Election, rules tally.Rules, count func(method string, e *tally.Election, opts tally.Options) (*tally.Result, error)) (*ElectionCount, error) {
	opts := tally.Options{Seed: el.Seed}
	ballots := len(el.Ballots)
	if ev := el.Encrypted; ev != nil {
		if ev.Result == nil {
			return nil, conflict("the encrypted total of %s is not yet decrypted: %d of the %d trustees needed have posted their partial decryptions", el.ID, len(ev.Partials), ev.Quorum)
		}
		if ev.Tally != nil {
			ballots = int(ev.Tally.Ballots)
		} else {
			ballots = len(ev.Rankings) // a ranked ballot of weight w is shuffled w times
		}
	}
	if listMethod(el.Method) {
		method := el.Method
		if method == "by_tendency" {
			method = tally.MethodHare
		}
		ids := make([]string, len(el.Lists))
		votes := make([]tally.Decimal, len(el.Lists))
		for i, l := range el.Lists {
			ids[i] = l.ID
			if el.Encrypted != nil {
				votes[i] = tally.Int(int64(el.Encrypted.Counts[l.ID]))
			}
			for _, b := range el.Ballots {
				if b.List == l.ID {
					votes[i] = votes[i].Add(tally.Int(int64(max(b.Weight, 1))))
				}
			}
			for _, b := range el.Sealed { // a secret election's: one vote each
				if b.List == l.ID {
					votes[i] = votes[i].Add(tally.Int(1))
				}
			}
		}
		res, err := tally.ApportionBy(rules, method, ids, votes, el.Seats, opts)
		if err != nil {
			return nil, invalid("the election %s cannot be counted: %s", el.ID, err)
		}
		var short []ShortList
		caps := make([]int, len(el.Lists))
		for i, l := range el.Lists {
			caps[i] = len(l.Candidates)
			if n := res.Allocation[i]; n > caps[i] {
				short = append(short, ShortList{List: l.ID, Won: n, Candidates: caps[i]})
			}
		}
		if short != nil {
			// A list takes no more seats than it has names: counted again
			// with that cap, the seats it cannot fill go to the next
			// highest quotients or remainders of the other lists.
			opts.Caps = caps
			if res, err = tally.ApportionBy(rules, method, ids, votes, el.Seats, opts); err != nil {
				return nil, invalid("the election %s cannot be counted: %s", el.ID, err)
			}
		}
		c := &ElectionCount{Method: method, Ballots: ballots, Lists: true, Stages: len(res.Stages), Ties: ties(method, ids, res), Short: short}
		if !res.Quota.IsZero() {
			c.Quota = res.Quota.String()
		}
		for i, l := range el.Lists {
			n := res.Allocation[i]
			c.First = append(c.First, Votes{ID: l.ID, Votes: votes[i].String(), Seats: n})
			c.Elected = append(c.Elected, l.Candidates[:n]...)
		}
		c.Unfilled = el.Seats - len(c.Elected)
		return c, nil
	}
	cands := el.allCandidates()
	idx := map[string]int{}
	for i, c := range cands {
		idx[c] = i
	}
	e := &tally.Election{Title: el.Title, Candidates: cands, Seats: el.Seats}
	if el.Encrypted != nil && el.Encrypted.Ranked {
		// The shuffled ballots, decrypted: a ballot that is no ranking, or
		// ranks nobody, counts for no one.
		for _, r := range el.Encrypted.Rankings {
			var rk [][]int
			for _, o := range r {
				rk = append(rk, []int{idx[el.Encrypted.Options[o]]})
			}
			if len(rk) > 0 {
				e.Ballots = append(e.Ballots, tally.Ballot{Weight: tally.Int(1), Ranking: rk})
			}
		}
	} else if el.Encrypted != nil {
		// The decrypted totals, one per candidate, are what plurality and
		// approval count: each is entered as one ballot of that weight.
		for i, c := range cands {
			if n := el.Encrypted.Counts[c]; n > 0 {
				e.Ballots = append(e.Ballots, tally.Ballot{Weight: tally.Int(int64(n)), Ranking: [][]int{{i}}})
			}
		}
	}
	plain := el.Ballots
	if el.Secret {
		// A secret election is counted from its sealed ballots, one vote
		// each; its ballots say only who voted.
		plain = make([]ElectionBallot, len(el.Sealed))
		for i, sb := range el.Sealed {
			plain[i] = ElectionBallot{Ranking: sb.Ranking, Approve: sb.Approve, List: sb.List, Weight: 1}
		}
	}
	for _, b := range plain {
		var rk [][]int
		switch {
		case len(b.Ranking) > 0:
			for _, c := range b.Ranking {
				rk = append(rk, []int{idx[c]})
			}
		case el.Method == "approval":
			var r []int
			for _, c := range b.Approve {
				r = append(r, idx[c])
			}
			rk = [][]int{r}
		default:
			for _, c := range b.Approve {
				rk = append(rk, []int{idx[c]})
			}
		}
		e.Ballots = append(e.Ballots, tally.Ballot{Weight: tally.Int(int64(max(b.Weight, 1))), Ranking: rk})
	}
	res, err := count(el.Method, e, opts)
	if err != nil {
		return nil, invalid("the election %s cannot be counted: %s", el.ID, err)
	}
	c := &ElectionCount{Method: el.Method, Ballots: ballots, Stages: len(res.Stages), Ties: ties(el.Method, cands, res)}
	if !res.Quota.IsZero() {
		c.Quota = res.Quota.String()
	}
	for _, i := range res.Elected {
		c.Elected = append(c.Elected, cands[i])
	}
	if len(res.Stages) > 0 {
		first := res.Stages[0]
		for i, id := range cands {
			if i < len(first.Totals) {
				c.First = append(c.First, Votes{ID: id, Votes: first.Totals[i].String()})
			}
		}
	}
	return c, nil
}

// ties are the ties of a count by method of the candidates or lists ids.
func ties(method string, ids []string, res *tally.Result) []TieBreak {
	var t []TieBreak
	for _, tb := range res.TieBreaks {
		t = append(t, NewTieBreak(method, ids, res.Seed, tb))
	}
	return t
}

// lotText is the ties as the recorded arithmetic says them: package
// tally's words, unchanged since the first record.
func lotText(ties []TieBreak) string {
	var s string
	for _, t := range ties {
		s += "; " + t.Text
	}
	return s
}
