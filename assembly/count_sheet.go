package assembly

import (
	"fmt"
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
	// Lots are the ties broken by lot, in tally's words (which name
	// candidates and lists by id).
	Lots []string
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
	var parts []string
	if c.Lists {
		for _, v := range c.First {
			parts = append(parts, fmt.Sprintf("%s %s votes, %d seats", v.ID, v.Votes, v.Seats))
		}
		return c.Elected, fmt.Sprintf("%s: %s%s; elected: %s", c.Method, strings.Join(parts, "; "), lotText(c.Lots), strings.Join(c.Elected, ", ")), nil
	}
	for _, v := range c.First {
		parts = append(parts, fmt.Sprintf("%s %s", v.ID, v.Votes))
	}
	arith := fmt.Sprintf("%s, %d ballots: %s", c.Method, c.Ballots, strings.Join(parts, ", "))
	if c.Stages > 1 {
		arith += fmt.Sprintf("; %d stages", c.Stages)
	}
	return c.Elected, arith + lotText(c.Lots) + "; elected: " + strings.Join(c.Elected, ", "), nil
}

// countBallots counts an election's ballots by its method with package
// tally.
func (s *State) countBallots(el *Election) (*ElectionCount, error) {
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
		}
		res, err := tally.Apportion(method, ids, votes, el.Seats, opts)
		if err != nil {
			return nil, invalid("the election %s cannot be counted: %s", el.ID, err)
		}
		c := &ElectionCount{Method: method, Ballots: ballots, Lists: true, Stages: len(res.Stages), Lots: lots(res)}
		if !res.Quota.IsZero() {
			c.Quota = res.Quota.String()
		}
		for i, l := range el.Lists {
			n := res.Allocation[i]
			c.First = append(c.First, Votes{ID: l.ID, Votes: votes[i].String(), Seats: n})
			if n > len(l.Candidates) {
				return nil, tooFewCandidates(l.ID, n, len(l.Candidates))
			}
			c.Elected = append(c.Elected, l.Candidates[:n]...)
		}
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
	for _, b := range el.Ballots {
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
	res, err := tally.Count(el.Method, e, opts)
	if err != nil {
		return nil, invalid("the election %s cannot be counted: %s", el.ID, err)
	}
	c := &ElectionCount{Method: el.Method, Ballots: ballots, Stages: len(res.Stages), Lots: lots(res)}
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

func lots(res *tally.Result) []string {
	var t []string
	for _, tb := range res.TieBreaks {
		t = append(t, tb.Text)
	}
	return t
}

func lotText(lots []string) string {
	if len(lots) == 0 {
		return ""
	}
	return "; " + strings.Join(lots, "; ")
}

// tooFewCandidates refuses a list that wins more seats than it has
// candidates, its English agreeing with the numbers (a seat, no
// candidates, one candidate); n > c.
func tooFewCandidates(list string, n, c int) error {
	switch {
	case n == 1:
		return conflict("the list %s wins a seat but has no candidates", list)
	case c == 0:
		return conflict("the list %s wins %d seats but has no candidates", list, n)
	case c == 1:
		return conflict("the list %s wins %d seats but has only one candidate", list, n)
	}
	return conflict("the list %s wins %d seats but has %d candidates", list, n, c)
}
