package tally

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// Ballot is one ballot paper, or Weight identical ones.
type Ballot struct {
	// Weight is the number of identical papers, or the weight of a
	// weighted mandate. Readers set it to 1 for a single paper.
	Weight Decimal
	// Ranking lists the candidates (indices into Election.Candidates) in
	// order of preference; Ranking[0] holds the first preference. A rank
	// holding more than one candidate is an equal preference (PrefLib .toi,
	// BLT "1=2"). STV and instant-runoff read a ballot only up to its first
	// equal preference, as a returning officer reads a paper whose
	// preferences become ambiguous; plurality and approval count every
	// candidate of a rank alike.
	Ranking [][]int
}

// Election is a contest for Seats seats among Candidates, decided by the
// Ballots cast.
type Election struct {
	Title      string
	Candidates []string
	// Seats is the number to elect; readers fill it when the file says.
	Seats   int
	Ballots []Ballot
	// Withdrawn lists candidates who withdrew: preferences for them are
	// skipped and they cannot be elected.
	Withdrawn []int
}

// ErrElection is returned (wrapped) for an election that cannot be
// counted as given: no seats, a preference for no candidate, and so on.
var ErrElection = errors.New("invalid election")

// MaxSeats is the most seats an election fills: the list methods allot
// seat by seat, so a number beyond any assembly's is refused rather than
// counted for minutes.
const MaxSeats = 100000

// Validate checks that the election can be counted: at least one seat,
// candidate numbers in range, no candidate twice on a ballot, weights not
// negative.
func (e *Election) Validate() error {
	n := len(e.Candidates)
	if n == 0 {
		return fmt.Errorf("no candidates: %w", ErrElection)
	}
	if e.Seats < 1 {
		return fmt.Errorf("no seats to fill (give the number of seats): %w", ErrElection)
	}
	if e.Seats > MaxSeats {
		return fmt.Errorf("%d seats is more than a count fills (at most %d): %w", e.Seats, MaxSeats, ErrElection)
	}
	for _, w := range e.Withdrawn {
		if w < 0 || w >= n {
			return fmt.Errorf("withdrawn candidate %d is not a candidate: %w", w+1, ErrElection)
		}
	}
	seen := make([]int, n)
	var total Decimal
	for i, b := range e.Ballots {
		if b.Weight.Sign() < 0 {
			return fmt.Errorf("ballot %d has negative weight %s: %w", i+1, b.Weight, ErrElection)
		}
		total = total.Add(b.Weight)
		if total.IntPart() >= maxDecimalInt {
			return fmt.Errorf("ballots weigh a billion or more: %w", ErrElection)
		}
		for _, rank := range b.Ranking {
			for _, c := range rank {
				if c < 0 || c >= n {
					return fmt.Errorf("ballot %d: preference %d is not a candidate (there are %d): %w", i+1, c+1, n, ErrElection)
				}
				if seen[c] == i+1 {
					return fmt.Errorf("ballot %d ranks %s twice: %w", i+1, e.Candidates[c], ErrElection)
				}
				seen[c] = i + 1
			}
		}
	}
	return nil
}

// Options are the choices a count takes besides the election itself.
type Options struct {
	// Seed seeds the lot that breaks ties the rules leave to chance. The
	// same seed gives the same result; the result names it.
	Seed uint64
	// Caps, for a party-list method, are the most seats each list can
	// take (its number of candidates), in the order of the lists; nil
	// for none. A seat a full list would win goes to the list with the
	// next highest quotient (divisor methods) or remainder (hare); a seat
	// no list can take is left unfilled.
	Caps []int
}

// Result is the outcome of a count with its working.
type Result struct {
	Method     string   `json:"method"`
	Title      string   `json:"title,omitempty"`
	Candidates []string `json:"candidates"`
	Seats      int      `json:"seats"`
	// Elected lists the candidates elected, in order of election. For the
	// party-list methods it lists the list awarded each seat in the order
	// the seats were awarded, so a list can appear more than once.
	Elected []int `json:"elected"`
	// Allocation is the number of seats of each list (party-list methods)
	// or candidate (0 or 1, other methods).
	Allocation []int `json:"allocation"`
	// Quota is the quota of STV (the last one, for Meek's method) and the
	// Hare quota of largest remainder; zero for the other methods.
	Quota Decimal `json:"quota"`
	// Stages is the count sheet: one stage for the single-count methods,
	// one per seat for the divisor methods, one per transfer for STV.
	Stages []Stage `json:"stages"`
	// Pairwise is, for the Schulze method, the number of votes ranking
	// each candidate (row) above each other (column).
	Pairwise [][]Decimal `json:"pairwise,omitempty"`
	// TieBreaks records each tie and how it was broken.
	TieBreaks []TieBreak `json:"tieBreaks,omitempty"`
	// Seed is the seed of the lot, whether or not one was drawn.
	Seed uint64 `json:"seed"`
}

// Stage kinds.
const (
	StageFirst     = "first preferences"
	StageVotes     = "votes"
	StageSurplus   = "surplus"
	StageExclusion = "exclusion"
	StageSeat      = "seat"
	StageQuotas    = "quotas"
	StageRemainder = "remainders"
	StagePairwise  = "pairwise comparisons"
)

// Stage is one line of the count sheet.
type Stage struct {
	Number int    `json:"number"`
	Kind   string `json:"kind"`
	// Subject is the candidate whose surplus is transferred, who is
	// excluded, or who (or which list) wins the seat; -1 when none.
	Subject int `json:"subject"`
	// Reason says why this transfer, exclusion or award was made, in
	// English: Why.String().
	Reason string `json:"reason"`
	// Why is Reason as a template and its arguments, for a catalog to
	// say in another language.
	Why Phrase `json:"-"`
	// TransferValue is the value at which a surplus passes on a paper of
	// value one (Scottish STV).
	TransferValue Decimal `json:"transferValue"`
	// Changes is each candidate's gain (or loss) in this stage.
	Changes []Decimal `json:"changes,omitempty"`
	// Totals is each candidate's total at the end of the stage. For the
	// divisor methods it is each list's quotient, truncated to nine
	// places for display (the comparison is made exactly).
	Totals []Decimal `json:"totals"`
	// NonTransferable is the value of papers that had no further
	// preference in this stage; Lost is what truncation of transfer
	// values lost.
	NonTransferable Decimal `json:"nonTransferable"`
	Lost            Decimal `json:"lost"`
	// Quota in force at this stage (STV).
	Quota Decimal `json:"quota"`
	// Elected lists the candidates who reached the quota (or won) in this
	// stage; DeemedElected those elected without it because the
	// continuing candidates were no more than the seats left (Scottish
	// rule 52).
	Elected       []int `json:"elected,omitempty"`
	DeemedElected []int `json:"deemedElected,omitempty"`
	Excluded      []int `json:"excluded,omitempty"`
	// Iterations is the number of Meek iterations that led to this stage.
	Iterations int `json:"iterations,omitempty"`
}

// TieBreak records one tie: who was tied, for what, and how it was broken.
type TieBreak struct {
	Stage int `json:"stage"`
	// Purpose is what the tie was for: one of the Purpose constants, or
	// "seat N" (then Seat is N).
	Purpose string `json:"purpose"`
	// Seat is the seat the tie was for when Purpose names one ("seat 3");
	// 0 otherwise.
	Seat int `json:"seat,omitempty"`
	// Candidates are the candidates tied as the tie was first found.
	Candidates []int `json:"candidates"`
	// Lot, when the tie went to the lot, names exactly the candidates
	// among whom it was drawn: those still tied after every earlier
	// stage (or the larger vote) was looked at. Re-drawing a lot is
	// among these, not among all of Candidates.
	Lot    []int `json:"lot,omitempty"`
	Chosen int   `json:"chosen"`
	// How is "stage N" when an earlier stage decided it (then At is N),
	// "votes" when the larger vote did (the party-list methods), or "lot".
	How string `json:"how"`
	// At is the stage whose votes broke the tie when How is "stage N"; 0
	// otherwise.
	At int `json:"at,omitempty"`
	// Text says it in words: "tie between A and B for exclusion broken by
	// lot, seed 42: B".
	Text string `json:"text"`
}

// What a tie is for (TieBreak.Purpose), besides "seat N".
const (
	PurposeExclusion = "exclusion"
	PurposeSurpluses = "order of surpluses"
	PurposeElection  = "order of election"
	PurposeLastSeat  = "last seat"
	PurposeRemainder = "a remainder seat"
)

// How a tie was broken (TieBreak.How), besides "stage N".
const (
	HowLot   = "lot"
	HowVotes = "votes"
)

// Method names accepted by Count.
const (
	MethodPlurality           = "plurality"
	MethodApproval            = "approval"
	MethodDHondt              = "dhondt"
	MethodSainteLague         = "sainte-lague"
	MethodSainteLagueModified = "sainte-lague-modified"
	MethodHare                = "hare"
	MethodIRV                 = "irv"
	MethodScottishSTV         = "stv-scottish"
	MethodMeekSTV             = "stv-meek"
	MethodERS97STV            = "stv-ers97"
	MethodSchulze             = "schulze"
)

// Methods lists the method names Count accepts.
var Methods = []string{
	MethodPlurality, MethodApproval, MethodDHondt, MethodSainteLague,
	MethodSainteLagueModified, MethodHare, MethodIRV, MethodScottishSTV, MethodMeekSTV,
	MethodERS97STV, MethodSchulze,
}

// ErrMethod is returned (wrapped) for an unknown method name.
var ErrMethod = errors.New("unknown method")

// Count counts election e by the named method (one of Methods) under
// the latest counting rules (LatestRules; CountBy counts under another
// version). The election is not modified. Instant-runoff ignores e.Seats
// and elects one.
func Count(method string, e *Election, opts Options) (*Result, error) {
	return CountBy(LatestRules, method, e, opts)
}

// countV1 is Count under the counting rules v1 (Rules1). Frozen: see
// Rules before changing what any function it calls returns.
func countV1(method string, e *Election, opts Options) (*Result, error) {
	switch method {
	case MethodPlurality, MethodApproval:
		return countWith(method, e, opts, func(e *Election, opts Options) (*Result, error) { return countSingle(method, e, opts) })
	case MethodDHondt, MethodSainteLague, MethodSainteLagueModified, MethodHare:
		ec, err := counted(method, e)
		if err != nil {
			return nil, err
		}
		r, err := apportionV1(method, ec.Candidates, firstPreferences(&ec), ec.Seats, opts)
		if r != nil {
			r.Title = ec.Title
		}
		return r, err
	case MethodIRV:
		return countWith(method, e, opts, countIRV)
	case MethodScottishSTV:
		return countWith(method, e, opts, countScottish)
	case MethodMeekSTV:
		return countWith(method, e, opts, countMeek)
	case MethodERS97STV:
		return countWith(method, e, opts, countERS97)
	case MethodSchulze:
		return countWith(method, e, opts, countSchulze)
	}
	if _, err := counted(method, e); err != nil {
		return nil, err
	}
	return nil, fmt.Errorf("%q (the methods are %s): %w", method, strings.Join(Methods, ", "), ErrMethod)
}

// counted is e as method counts it, once validated: instant-runoff
// fills one seat.
func counted(method string, e *Election) (Election, error) {
	ec := *e
	if method == MethodIRV {
		ec.Seats = 1
	}
	return ec, ec.Validate()
}

// countWith counts e by count, a method of ranked ballots, and fills in
// what every such count's result says besides (the method, the seed,
// the allocation, the stages' reasons).
func countWith(method string, e *Election, opts Options, count func(*Election, Options) (*Result, error)) (*Result, error) {
	ec, err := counted(method, e)
	if err != nil {
		return nil, err
	}
	r, err := count(&ec, opts)
	if r != nil {
		reasons(r)
		r.Method, r.Title, r.Seed = method, ec.Title, opts.Seed
		r.Candidates = slices.Clone(ec.Candidates)
		r.Seats = ec.Seats
		r.Allocation = make([]int, len(ec.Candidates))
		for _, c := range r.Elected {
			r.Allocation[c]++
		}
	}
	return r, err
}

// firstPreferences returns each candidate's votes from the ballots whose
// first rank holds that candidate alone; withdrawn candidates get none and
// their votes pass to no one.
func firstPreferences(e *Election) []Decimal {
	votes := make([]Decimal, len(e.Candidates))
	gone := withdrawnSet(e)
	for _, b := range e.Ballots {
		r := strictPrefs(b.Ranking, gone)
		if len(r) > 0 {
			votes[r[0]] = votes[r[0]].Add(b.Weight)
		}
	}
	return votes
}

func withdrawnSet(e *Election) []bool {
	gone := make([]bool, len(e.Candidates))
	for _, w := range e.Withdrawn {
		gone[w] = true
	}
	return gone
}

// strictPrefs returns the ballot's preferences as STV reads them: up to the
// first equal preference, without withdrawn candidates.
func strictPrefs(ranking [][]int, gone []bool) []int {
	return strictPrefsInto(nil, ranking, gone)
}

// lot draws lots for ties with a PCG generator seeded from the seed given
// in Options, so that a count can be repeated exactly.
type lot struct {
	seed uint64
	rng  *rand.Rand
}

func newLot(seed uint64) *lot {
	return &lot{seed: seed, rng: rand.New(rand.NewPCG(seed, 0x706c656e756d))} // "plenum"
}

// draw picks one of tied (sorted first, so that the draw depends only on
// who is tied, not on how they were found).
func (l *lot) draw(tied []int) int {
	s := slices.Clone(tied)
	slices.Sort(s)
	return s[l.rng.IntN(len(s))]
}

// Phrase is words of a count sheet as a template and its arguments, so
// that a catalog (package i18n) can say them in another language; a
// Phrase among the arguments is said first. Its English is
// fmt.Sprintf(Format, Args...).
type Phrase struct {
	Format string
	Args   []any
}

func phrase(format string, args ...any) Phrase { return Phrase{Format: format, Args: args} }

// String is the phrase in English ("" for none).
func (p Phrase) String() string {
	if p.Format == "" {
		return ""
	}
	return fmt.Sprintf(p.Format, p.Args...)
}

// RefusalParts are the phrase's template and arguments, as the catalogs
// take the parts of a message (i18n.Locale.Part).
func (p Phrase) RefusalParts() (string, []any) { return p.Format, p.Args }

// then is p and q after it, parted by a semicolon; q alone when p is
// none.
func (p Phrase) then(q Phrase) Phrase {
	if p.Format == "" {
		return q
	}
	return phrase("%s; %s", p, q)
}

// nameList is names as a phrase: "A, B and C", the "and" a catalog's.
func nameList(cands []string, ids []int) any {
	switch len(ids) {
	case 0:
		return ""
	case 1:
		return cands[ids[0]]
	}
	p := phrase("%s and %s", cands[ids[len(ids)-2]], cands[ids[len(ids)-1]])
	for i := len(ids) - 3; i >= 0; i-- {
		p = phrase("%s, %s", cands[ids[i]], p)
	}
	return p
}

// reasons fills each stage's Reason from its Why.
func reasons(r *Result) {
	for i := range r.Stages {
		r.Stages[i].Reason = r.Stages[i].Why.String()
	}
}

// names joins candidate names for messages: "A, B and C".
func names(cands []string, ids []int) string {
	ns := make([]string, len(ids))
	for i, c := range ids {
		ns[i] = cands[c]
	}
	if len(ns) <= 1 {
		return strings.Join(ns, "")
	}
	return strings.Join(ns[:len(ns)-1], ", ") + " and " + ns[len(ns)-1]
}

// lotText says a tie broken by lot, naming the candidates in the lot
// when something before it narrowed the tie (by names, the earlier stages).
func lotText(what string, cands []string, tied, inLot []int, seed uint64, chosen int, by string) string {
	if len(inLot) == len(tied) {
		return fmt.Sprintf("%s broken by lot, seed %d: %s", what, seed, cands[chosen])
	}
	return fmt.Sprintf("%s; %s leave %s tied; broken by lot among %s, seed %d: %s",
		what, by, names(cands, inLot), names(cands, inLot), seed, cands[chosen])
}

// tieBreaker breaks ties the way the Scottish rules (49 and 51) do: by the
// most recent preceding stage at which the tied candidates had unequal
// votes, else by lot. It is shared by the STV methods and instant-runoff.
// With forward set it looks from the first stage onwards instead, to the
// earliest at which they differed, as the ERS97 rules (5.2.3, 5.2.5)
// do.
type tieBreaker struct {
	cands   []string
	history [][]int64 // totals at the end of each stage, in any fixed unit
	lot     *lot
	breaks  []TieBreak
	forward bool
}

// pick chooses among tied candidates: the highest at the most recent
// stage where they differ when highest is true, else the lowest. Each
// earlier stage narrows the tied set to those at the extreme.
func (t *tieBreaker) pick(tied []int, highest bool, stage int, purpose string) int {
	return t.pickBefore(tied, highest, stage, purpose, len(t.history)-2)
}

// narrow looks at the stages up to index last (0-based in history), from
// the most recent back, or from the first on when forward, keeping at
// each stage where the set differs those at the extreme. It returns what
// is left and the index of the stage that left one, or -1.
func (t *tieBreaker) narrow(tied []int, highest bool, last int) ([]int, int) {
	set := slices.Clone(tied)
	for i := 0; i <= last && len(set) > 1; i++ {
		s := last - i
		if t.forward {
			s = i
		}
		tot := t.history[s]
		best := tot[set[0]]
		for _, c := range set[1:] {
			if highest && tot[c] > best || !highest && tot[c] < best {
				best = tot[c]
			}
		}
		var keep []int
		for _, c := range set {
			if tot[c] == best {
				keep = append(keep, c)
			}
		}
		set = keep
		if len(set) == 1 {
			return set, s
		}
	}
	return set, -1
}

// pickBefore is pick looking back from stage index last (0-based in
// history) rather than from the stage before the latest one.
func (t *tieBreaker) pickBefore(tied []int, highest bool, stage int, purpose string, last int) int {
	if len(tied) == 1 {
		return tied[0]
	}
	tb := TieBreak{Stage: stage, Purpose: purpose, Candidates: slices.Clone(tied)}
	set, at := t.narrow(tied, highest, last)
	what := "tie between " + names(t.cands, tied) + " for " + purpose
	chosen := -1
	if at < 0 {
		chosen = t.lot.draw(set)
		tb.How, tb.Lot = HowLot, slices.Clone(set)
		tb.Text = lotText(what, t.cands, tied, set, t.lot.seed, chosen, "the earlier stages")
	} else {
		chosen = set[0]
		tb.How, tb.At = fmt.Sprintf("stage %d", at+1), at+1
		tb.Text = fmt.Sprintf("%s broken by the votes at %s: %s", what, tb.How, t.cands[chosen])
	}
	tb.Chosen = chosen
	t.breaks = append(t.breaks, tb)
	return chosen
}
