package assembly

import (
	"slices"
	"strings"
)

// declarationRefusals word the refusal of an election's declaration that
// its ballots, counted again, do not bear out: the replay's of the whole
// record (recordRefusals) or those of an excerpt's check
// (excerptRefusals), which can say that a ballot may be left out of it.
// The rule is one, declaredCount's.
type declarationRefusals struct {
	// nothing: the declaration records a count, and el has no ballot.
	nothing func(el *Election, e ElectionDeclared) error
	// elected: the declaration names others than count elects.
	elected func(el *Election, e ElectionDeclared, count *ElectionCount) error
	// count: the declaration records another count (its first words)
	// than words, those of the ballots.
	count func(el *Election, e ElectionDeclared, words string) error
}

// recordRefusals are the replay's words: every ballot of the election is
// in the record before its declaration.
var recordRefusals = declarationRefusals{
	nothing: func(el *Election, e ElectionDeclared) error {
		return corrupt("the declaration of the election %q records a count (%s), and no ballot was cast in it", el.ID, e.Arithmetic)
	},
	elected: func(el *Election, e ElectionDeclared, count *ElectionCount) error {
		return corrupt("the declared result of the election %q (%s) is not whom its ballots elect by %s (%s)", el.ID, strings.Join(e.Elected, ", "), el.Method, strings.Join(count.Elected, ", "))
	},
	count: func(el *Election, e ElectionDeclared, words string) error {
		return corrupt("the count the declaration of the election %q records (%s) is not that of its ballots (%s)", el.ID, e.Arithmetic, words)
	},
}

// declaredCount counts el again, as its declaration e is applied, and
// checks e against the count: the same count (countBallots, by the
// method the opening names, with the seed of the close for any lot) that
// the chair's declare_election made, over the same ballots, with their
// weights and the mandates they were cast for. A declaration must name
// whom the count elects; one made from the count (not "elected as
// stated: …") must record it, its arithmetic beginning with the count's
// words (CountWords; a count of 1 read in the singular or the plural of
// the records made before 2026-12-06). A declaration as stated was
// always refused by declare_election where ballots were cast unless it
// named whom they elect, so only whom it names is checked; an election
// with no ballot (none cast, method as_stated, an encrypted sum of none)
// is declared as stated, and is not counted. An encrypted election's
// count is that of its decrypted totals, which must be derived first.
// It returns the count, nil where nothing was counted. A replay runs it
// once per declaration, an excerpt's check too (CheckElections).
func (s *State) declaredCount(el *Election, e ElectionDeclared, refuse declarationRefusals) (*ElectionCount, error) {
	stated := strings.HasPrefix(e.Arithmetic, statedPrefix)
	if el.Secret && len(el.Sealed) != el.votesCast() {
		// A secret election's ballots are counted from its sealed ones,
		// every vote cast among them, whether declared as stated or not.
		return nil, corrupt("the sealed ballots of %s (%d) do not number the votes cast (%d); the record is incomplete", el.ID, len(el.Sealed), el.votesCast())
	}
	if !el.counted() {
		if !stated {
			return nil, refuse.nothing(el, e)
		}
		return nil, nil
	}
	if el.Encrypted != nil && el.Encrypted.Counts == nil {
		return nil, corrupt("the encrypted election %q is declared before its total is decrypted", e.Election)
	}
	count, err := s.countBallots(el)
	if err == nil {
		count, err = s.earlierMeek(el, e.Elected, count)
	}
	if err != nil {
		return nil, err
	}
	if !slices.Equal(count.Elected, e.Elected) {
		if el.Encrypted != nil {
			return nil, corrupt("the declared result of the encrypted election %q (%s) is not what its decrypted totals elect (%s)", e.Election, strings.Join(e.Elected, ", "), strings.Join(count.Elected, ", "))
		}
		return nil, refuse.elected(el, e, count)
	}
	if stated {
		return count, nil
	}
	if words := CountWords(count); !sameCount(e.Arithmetic, words) {
		return nil, refuse.count(el, e, words)
	}
	return count, nil
}
