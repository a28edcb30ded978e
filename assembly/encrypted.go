package assembly

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"plenum/ballot"
)

// MethodEncrypted is the method of a vote whose ballots are encrypted in
// the voter's browser under a key the trustees hold together, counted by
// homomorphic sums and decrypted by K of the N trustees
// (docs/secret-ballots.md). The server never sees a choice.
const MethodEncrypted = "encrypted"

// EncryptedSetup is what an encrypted vote fixes when it is opened: the
// election identifier its proofs are bound to (the assembly and the vote),
// the trustees in order (trustee i is Trustees[i-1]), the threshold K, the
// options in order (option i of a ballot is Options[i]) and whether a voter
// may cast a new ballot while the vote is open.
type EncryptedSetup struct {
	Election string   `json:"election"`
	Trustees []string `json:"trustees"`
	Quorum   int      `json:"quorum"`
	Options  []string `json:"options"`
	Revote   bool     `json:"revote,omitempty"`
	// Min and Max bound the marks of a ballot in an election (plurality:
	// 1 to the seats; approval: 0 to the approvals allowed; a list vote:
	// one list). A vote leaves them out: one mark among its options.
	Min int `json:"min,omitempty"`
	Max int `json:"max,omitempty"`
	// Ranked marks a ranked election (IRV, STV, Schulze): each ballot
	// ranks the options, is shuffled at the close and decrypted whole.
	Ranked bool `json:"ranked,omitempty"`
}

// Params are the ballot package's parameters of the election.
func (e EncryptedSetup) Params() ballot.Parameters {
	return ballot.Parameters{Election: e.Election, Trustees: len(e.Trustees), Threshold: e.Quorum}
}

// Question is the ballot package's question: between Min and Max marks
// among the options, or one mark for a vote.
func (e EncryptedSetup) Question() ballot.Question {
	if e.Ranked {
		return ballot.Question{Kind: ballot.Ranking, Options: len(e.Options)}
	}
	if e.Max == 0 {
		return ballot.Question{Kind: ballot.Choice, Options: len(e.Options), Min: 1, Max: 1}
	}
	return ballot.Question{Kind: ballot.Choice, Options: len(e.Options), Min: e.Min, Max: e.Max}
}

// EncryptedVote is the state of an encrypted vote: the key ceremony's
// messages, the election key once derived, every ballot cast (a new one
// from the same mandate supersedes the earlier), the encrypted total, the
// trustees' partial decryptions and the decrypted counts.
type EncryptedVote struct {
	EncryptedSetup
	Keys          map[int]ballot.TrusteeKey        `json:"keys"`
	Dealings      map[int]ballot.Dealing           `json:"dealings"`
	Confirmations map[int]ballot.Confirmation      `json:"confirmations"`
	Key           *ballot.ElectionKey              `json:"key,omitempty"`
	Cast          []EncryptedBallot                `json:"cast"`
	Last          map[string]int                   `json:"last"` // voting right → index in Cast of its counted ballot
	Tally         *ballot.Tally                    `json:"tally,omitempty"`
	Partials      map[int]ballot.PartialDecryption `json:"partials"`
	Result        *ballot.Result                   `json:"result,omitempty"`
	Counts        map[string]int                   `json:"counts,omitempty"` // option → decrypted (weighted) total; ranked: first preferences
	// Shuffle is a ranked election's shuffle of its ballots at the close,
	// with its proof; Rankings are the shuffled ballots decrypted, in the
	// shuffled order, each the options (0-based) in order of preference,
	// nil for a ballot that is no ranking.
	Shuffle  *ballot.Shuffle `json:"shuffle,omitempty"`
	Rankings [][]int         `json:"rankings,omitempty"`
}

// ToDecrypt is what the trustees decrypt once the box is closed: the
// encrypted totals, or a ranked election's shuffled ballots row after row;
// nil before the close (or when no ballot was cast in a ranked election).
func (ev *EncryptedVote) ToDecrypt() []ballot.Ciphertext {
	switch {
	case ev.Tally != nil:
		return ev.Tally.Totals
	case ev.Shuffle != nil:
		var out []ballot.Ciphertext
		for _, row := range ev.Shuffle.Output {
			out = append(out, row...)
		}
		return out
	}
	return nil
}

// bound is the largest value a decrypted ciphertext may hold: the total
// weight of a sum, or the number of options of a ranked ballot.
func (ev *EncryptedVote) bound() uint64 {
	if ev.Tally != nil {
		return ev.Tally.Weight
	}
	return uint64(len(ev.Options))
}

// Awaiting reports whether the box waits for the trustees' decryption:
// closed with something to decrypt (a sum of at least one ballot, or a
// shuffle), and not yet decrypted.
func (ev *EncryptedVote) Awaiting() bool {
	return ev.Result == nil && (ev.Shuffle != nil || ev.Tally != nil && ev.Tally.Ballots > 0)
}

// EncryptedBallot is one encrypted ballot as cast, with the log entry
// that holds it.
type EncryptedBallot struct {
	Voter   string        `json:"voter"`
	Right   string        `json:"right"`
	Weight  int           `json:"weight"`
	Tracker string        `json:"tracker"`
	Entry   int64         `json:"entry"`
	Ballot  ballot.Ballot `json:"ballot"`
}

// PostTrusteeKey is a trustee's first message of the key ceremony: its
// public key with a proof of knowledge (ballot.TrusteeKey, canonical JSON).
// The private part stays in the trustee's key file.
type PostTrusteeKey struct {
	Vote     string          `json:"vote" plenum:"id"`
	Election string          `json:"election" plenum:"id"`
	Key      json.RawMessage `json:"key"`
}

// PostDealing is a trustee's second message: its dealing (ballot.Dealing).
type PostDealing struct {
	Vote     string          `json:"vote" plenum:"id"`
	Election string          `json:"election" plenum:"id"`
	Dealing  json.RawMessage `json:"dealing"`
}

// PostConfirmation is a trustee's third message: its verification key
// with a proof (ballot.Confirmation). The last one derives the election key.
type PostConfirmation struct {
	Vote         string          `json:"vote" plenum:"id"`
	Election     string          `json:"election" plenum:"id"`
	Confirmation json.RawMessage `json:"confirmation"`
}

// CastEncryptedBallot is an encrypted ballot (ballot.Ballot, canonical
// JSON), made in the voter's browser, bound to the voting right it is cast
// under: the voter's own, or with ForMandate the mandate they carry as
// its proxy, under the rule cast_ballot applies to a proxy's ballot
// (ballotRight, MayCastAsProxy). A proxy casts one ballot per mandate,
// each with its own proofs and tracker.
type CastEncryptedBallot struct {
	Vote       string          `json:"vote" plenum:"id"`
	Election   string          `json:"election" plenum:"id"`
	Voter      string          `json:"voter" plenum:"required,id"`
	ForMandate string          `json:"for_mandate" plenum:"id"`
	Ballot     json.RawMessage `json:"ballot"`

	// checked is set by Precheck: the ballot's proofs verified under this
	// election key for this voting right, so that Decide, on the writer's
	// one goroutine, need not check them again. A parsed command never has
	// it.
	checked *precheck
}

type precheck struct {
	key   *ballot.ElectionKey
	right string
}

// sameKey reports whether two election keys are the same: the state
// Precheck reads (the engine's readers') is not the writer's, so the keys
// are compared by value, the election and the key the proofs are bound to.
func sameKey(a, b *ballot.ElectionKey) bool {
	return a != nil && b != nil && a.Params == b.Params && a.Key.Equal(b.Key)
}

// Precheck verifies the ballot's proofs outside the writer, against the
// election key and the voting right the state gives now, and returns the
// command marked as checked for them; Decide then checks only that they
// are still the box's key and the voter's right. Where the state gives
// no key or right, or the ballot does not verify, it returns c unmarked
// (Decide refuses it with the reason). So does it, without verifying,
// for a ballot Decide refuses before it would verify one: sent by actor
// for another voter, into a closed box, a second ballot where none is
// allowed, or a ballot of several votes in a ranked election
// (rankedBallotWeight) — a verification costs a millisecond or more, and those cost
// their sender nothing to send again and again. It reads s under the
// caller's read lock only for the lookup (lookup), and verifies after.
func (c CastEncryptedBallot) Precheck(actor string, lookup func(func(s *State))) CastEncryptedBallot {
	if actor != c.Voter {
		return c
	}
	var key *ballot.ElectionKey
	var q ballot.Question
	right := ""
	lookup(func(s *State) {
		b, ok := s.boxAt(c.Vote, c.Election)
		if !ok || b.ev.Key == nil || (c.Vote != "" && c.Election != "") || !b.open() {
			return
		}
		r, err := s.encryptedRight(b, c.Voter, c.ForMandate)
		if err != nil {
			return
		}
		key, q, right = b.ev.Key, b.ev.Question(), r
	})
	if key == nil {
		return c
	}
	b, err := ballot.DecodeBallot(c.Ballot)
	if err != nil || b.Verify(*key, q, right) != nil {
		return c
	}
	c.checked = &precheck{key: key, right: right}
	return c
}

// PostPartialDecryption is a trustee's partial decryption of the
// encrypted total with its proofs (ballot.PartialDecryption). The K-th
// valid one derives the result.
type PostPartialDecryption struct {
	Vote       string          `json:"vote" plenum:"id"`
	Election   string          `json:"election" plenum:"id"`
	Decryption json.RawMessage `json:"decryption"`
}

func (PostTrusteeKey) CommandName() string        { return "post_trustee_key" }
func (PostDealing) CommandName() string           { return "post_dealing" }
func (PostConfirmation) CommandName() string      { return "post_confirmation" }
func (CastEncryptedBallot) CommandName() string   { return "cast_encrypted_ballot" }
func (PostPartialDecryption) CommandName() string { return "post_partial_decryption" }

// TrusteeKeyPosted: a trustee published its key (its canonical bytes).
type TrusteeKeyPosted struct {
	Meta     `json:"meta"`
	Vote     string          `json:"vote,omitempty"`
	Election string          `json:"election,omitempty"`
	Trustee  int             `json:"trustee"`
	Key      json.RawMessage `json:"key"`
}

// DealingPosted: a trustee published its dealing.
type DealingPosted struct {
	Meta     `json:"meta"`
	Vote     string          `json:"vote,omitempty"`
	Election string          `json:"election,omitempty"`
	Trustee  int             `json:"trustee"`
	Dealing  json.RawMessage `json:"dealing"`
}

// ConfirmationPosted: a trustee confirmed its share of the key.
type ConfirmationPosted struct {
	Meta         `json:"meta"`
	Vote         string          `json:"vote,omitempty"`
	Election     string          `json:"election,omitempty"`
	Trustee      int             `json:"trustee"`
	Confirmation json.RawMessage `json:"confirmation"`
}

// ElectionKeyDerived: every trustee confirmed; the election key
// (ballot.ElectionKey) is derived from the published messages.
type ElectionKeyDerived struct {
	Meta     `json:"meta"`
	Vote     string          `json:"vote,omitempty"`
	Election string          `json:"election,omitempty"`
	Key      json.RawMessage `json:"key"`
}

// EncryptedBallotCast: an encrypted ballot was accepted under the voter's
// mandate (Right), or the mandate they carry as proxy (Right is then not
// Voter's: the ballot cast for it). Tracker is the hex SHA-256 of the
// ballot's bytes, the voter's receipt; it says nothing of the choice. A
// proxy's ballot names what a voter's own names, who cast it and for which
// mandate, both facts of participation, as a plain proxy ballot does.
type EncryptedBallotCast struct {
	Meta     `json:"meta"`
	Vote     string          `json:"vote,omitempty"`
	Election string          `json:"election,omitempty"`
	Voter    string          `json:"voter"`
	Right    string          `json:"right"`
	Weight   int             `json:"weight"`
	Tracker  string          `json:"tracker"`
	Ballot   json.RawMessage `json:"ballot"`
}

// EncryptedTallied: at the close, the last ballot of each mandate summed
// per option (ballot.Tally).
type EncryptedTallied struct {
	Meta     `json:"meta"`
	Vote     string          `json:"vote,omitempty"`
	Election string          `json:"election,omitempty"`
	Tally    json.RawMessage `json:"tally"`
}

// EncryptedShuffled: at the close of a ranked election, its last ballots
// (each as many times as its mandate's weight) re-encrypted and shuffled
// by the server, with the proof that the output is a shuffle of them
// (ballot.Shuffle).
type EncryptedShuffled struct {
	Meta     `json:"meta"`
	Election string          `json:"election"`
	Shuffle  json.RawMessage `json:"shuffle"`
}

// PartialDecryptionPosted: a trustee's partial decryption of the total.
type PartialDecryptionPosted struct {
	Meta       `json:"meta"`
	Vote       string          `json:"vote,omitempty"`
	Election   string          `json:"election,omitempty"`
	Trustee    int             `json:"trustee"`
	Decryption json.RawMessage `json:"decryption"`
}

// EncryptedResultDerived: K valid partial decryptions combine into the
// totals (ballot.Result); Counts names them by option.
type EncryptedResultDerived struct {
	Meta     `json:"meta"`
	Vote     string          `json:"vote,omitempty"`
	Election string          `json:"election,omitempty"`
	Result   json.RawMessage `json:"result"`
	Counts   map[string]int  `json:"counts"`
	Rankings [][]int         `json:"rankings,omitempty"` // a ranked election's ballots, decrypted
}

func (TrusteeKeyPosted) EventType() string        { return "trustee_key_posted" }
func (DealingPosted) EventType() string           { return "dealing_posted" }
func (ConfirmationPosted) EventType() string      { return "confirmation_posted" }
func (ElectionKeyDerived) EventType() string      { return "election_key_derived" }
func (EncryptedBallotCast) EventType() string     { return "encrypted_ballot_cast" }
func (EncryptedTallied) EventType() string        { return "encrypted_tallied" }
func (EncryptedShuffled) EventType() string       { return "encrypted_shuffled" }
func (PartialDecryptionPosted) EventType() string { return "partial_decryption_posted" }
func (EncryptedResultDerived) EventType() string  { return "encrypted_result_derived" }

func init() {
	registerCommands(PostTrusteeKey{}, PostDealing{}, PostConfirmation{}, CastEncryptedBallot{}, PostPartialDecryption{})
	registerEvents(TrusteeKeyPosted{}, DealingPosted{}, ConfirmationPosted{}, ElectionKeyDerived{},
		EncryptedBallotCast{}, EncryptedTallied{}, EncryptedShuffled{}, PartialDecryptionPosted{}, EncryptedResultDerived{})
}

// ElectionID is the identifier an encrypted vote's proofs are bound to.
func ElectionID(assembly, vote string) string { return "plenum/" + assembly + "/" + vote }

// EncryptedElectionID is the identifier an encrypted election's proofs are
// bound to. Ids hold no "/", so it is never an encrypted vote's.
func EncryptedElectionID(assembly, election string) string {
	return "plenum/" + assembly + "/election/" + election
}

// Tracker is the voter's receipt for an encrypted ballot: the lower-case
// hex SHA-256 of its canonical bytes.
func Tracker(canonical []byte) string {
	sum := sha256.Sum256(canonical)
	return hex.EncodeToString(sum[:])
}

// cryptoErr words a refusal of package ballot with its stable code: what
// was refused, the code, and what is wrong (ballotErr).
func cryptoErr(field string, what *Reason, err error) *Error {
	return fieldErr(field, "%s is refused (%s): %v", what, ballot.ErrorCode(err), ballotErr(err))
}

// ballotErr is an error of package ballot as a part of a refusal: in
// English its own words, which say where the fault is; in another
// language what its code means (the catalog's "ballot.error." + code),
// since package ballot words its errors in English.
func ballotErr(err error) *Reason {
	return &Reason{Format: strings.ReplaceAll(err.Error(), "%", "%%"), Key: "ballot.error." + ballot.ErrorCode(err)}
}

// boxStatus is the state of an encrypted vote or election as a refusal
// names it ("the vote v1 is closed"): its value in English, its
// catalog's word, agreeing with a vote or an election, in another
// language.
func boxStatus(b box) *Reason {
	if b.el != nil {
		return &Reason{Format: strings.ReplaceAll(b.el.Status, "%", "%%"), Key: "status.election." + b.el.Status}
	}
	return &Reason{Format: strings.ReplaceAll(b.v.Status, "%", "%%"), Key: "status.vote." + b.v.Status}
}

// trusteeSetup checks the trustees and the quorum of an encrypted vote or
// election.
func (s *State) trusteeSetup(trustees []string, quorum int) error {
	if len(trustees) > ballot.MaxTrustees {
		return fieldErr("trustees", "an encrypted vote has at most %d trustees, not %d", ballot.MaxTrustees, len(trustees))
	}
	if err := s.personsExist("trustees", trustees); err != nil {
		return err
	}
	if quorum < 1 || quorum > len(trustees) {
		return fieldErr("trustee_quorum", "trustee_quorum is how many of the %d trustees must take part in the decryption: 1 to %d, not %d", len(trustees), len(trustees), quorum)
	}
	return nil
}

// encryptedSetup checks an open_vote's encrypted fields and returns the
// setup, or nil for a vote of another method.
func (s *State) encryptedSetup(c OpenVote) (*EncryptedSetup, error) {
	if c.Method != MethodEncrypted {
		if len(c.Trustees) > 0 || c.TrusteeQuorum != 0 || c.Revote {
			return nil, fieldErr("trustees", "trustees, trustee_quorum and revote are for an encrypted vote (method encrypted), not %s", methodWord(c.Method))
		}
		return nil, nil
	}
	if len(c.Trustees) == 0 {
		return nil, fieldErr("trustees", "an encrypted vote needs its trustees: the persons who will hold the election key together")
	}
	if err := s.trusteeSetup(c.Trustees, c.TrusteeQuorum); err != nil {
		return nil, err
	}
	options := []string{"for", "against", "abstain"}
	if c.Alternatives != "" {
		a := s.Alternatives[c.Alternatives]
		if a == nil {
			return nil, notFound("there is no group of alternatives %q", c.Alternatives)
		}
		options = append(slices.Clone(a.Motions), "abstain")
	}
	setup := &EncryptedSetup{Election: ElectionID(s.Assembly.ID, c.ID), Trustees: slices.Clone(c.Trustees), Quorum: c.TrusteeQuorum, Options: options, Revote: c.Revote}
	if err := setup.Params().Validate(); err != nil {
		return nil, cryptoErr("trustees", reason("the encrypted vote's parameters"), err)
	}
	return setup, nil
}

// electionSetup checks an open_election's encrypted fields and returns the
// setup, or nil for an election whose ballots are plain. An encrypted
// election is counted from homomorphic sums, one per option: plurality
// and approval (the options are the candidates, fixed when it opens) and
// the list methods (the options are the lists).
func (s *State) electionSetup(c OpenElection) (*EncryptedSetup, error) {
	if c.Approvals != 0 && c.Method != "approval" {
		return nil, fieldErr("approvals", "approvals is the most candidates a ballot approves, for the method approval, not %s", c.Method)
	}
	if !c.Encrypted {
		if len(c.Trustees) > 0 || c.TrusteeQuorum != 0 || c.Revote {
			return nil, fieldErr("trustees", "trustees, trustee_quorum and revote are for an encrypted election (encrypted: true)")
		}
		return nil, nil
	}
	setup := &EncryptedSetup{Election: EncryptedElectionID(s.Assembly.ID, c.ID), Trustees: slices.Clone(c.Trustees), Quorum: c.TrusteeQuorum, Revote: c.Revote}
	switch {
	case c.Method == "plurality" || c.Method == "approval":
		setup.Options = slices.Clone(c.Candidates)
		if len(setup.Options) == 0 {
			return nil, fieldErr("candidates", "an encrypted election encrypts one mark per candidate, so its candidates are named when it opens and no one is nominated later")
		}
		setup.Min, setup.Max = 1, min(c.Seats, len(setup.Options))
		if c.Method == "approval" {
			setup.Min, setup.Max = 0, len(setup.Options)
			if c.Approvals > 0 {
				setup.Max = c.Approvals
			}
		}
	case listMethod(c.Method):
		for _, l := range c.Lists {
			setup.Options = append(setup.Options, l.ID)
		}
		setup.Min, setup.Max = 1, 1
	case rankedMethod(c.Method):
		setup.Options = slices.Clone(c.Candidates)
		if len(setup.Options) == 0 {
			return nil, fieldErr("candidates", "an encrypted election encrypts one mark per candidate, so its candidates are named when it opens and no one is nominated later")
		}
		setup.Ranked = true
	default:
		return nil, fieldErr("method", "the method %s takes no ballots, so its election cannot be encrypted", c.Method)
	}
	if c.Approvals > len(setup.Options) {
		return nil, fieldErr("approvals", "a ballot cannot approve %d of %d candidates", c.Approvals, len(setup.Options))
	}
	if len(c.Trustees) == 0 {
		return nil, fieldErr("trustees", "an encrypted election needs its trustees: the persons who will hold the election key together")
	}
	if err := s.trusteeSetup(c.Trustees, c.TrusteeQuorum); err != nil {
		return nil, err
	}
	if err := setup.Params().Validate(); err != nil {
		return nil, cryptoErr("trustees", reason("the encrypted election's parameters"), err)
	}
	if err := setup.Question().Validate(); err != nil {
		return nil, cryptoErr("candidates", reason("the encrypted election's question"), err)
	}
	return setup, nil
}

// newEncrypted starts the box of an encrypted vote or election from its
// recorded setup, which must be the one its election identifier names;
// misfit is the refusal otherwise.
func newEncrypted(setup EncryptedSetup, election string, misfit *Error) (*EncryptedVote, error) {
	if setup.Election != election || setup.Params().Validate() != nil || setup.Question().Validate() != nil {
		return nil, misfit
	}
	return &EncryptedVote{EncryptedSetup: setup, Keys: map[int]ballot.TrusteeKey{}, Dealings: map[int]ballot.Dealing{},
		Confirmations: map[int]ballot.Confirmation{}, Last: map[string]int{}, Partials: map[int]ballot.PartialDecryption{}}, nil
}

func (s *State) newEncryptedVote(e VoteOpened) (*EncryptedVote, error) {
	return newEncrypted(*e.Encrypted, ElectionID(s.Assembly.ID, e.Vote), corrupt("the encrypted vote %q has parameters that do not fit it", e.Vote))
}

// box is the encrypted ballot box a message names: an encrypted vote's
// (v) or an encrypted election's (el). The key ceremony, the ballots, the
// sum and the decryption are the same for both; the box says whether it
// is open, who may vote, and what the decrypted counts then decide.
type box struct {
	id string
	v  *Vote
	el *Election
	ev *EncryptedVote
}

func (b box) open() bool {
	if b.el != nil {
		return b.el.Status == ElectionStatusOpen
	}
	return b.v.Status == VoteStatusOpen
}

// closed reports whether the box is closed and neither declared nor
// withdrawn: its sum or shuffle is recorded then, with the close.
func (b box) closed() bool {
	if b.el != nil {
		return b.el.Status == ElectionStatusClosed
	}
	return b.v.Status == VoteStatusClosed
}

func (b box) status() string {
	if b.el != nil {
		return b.el.Status
	}
	return b.v.Status
}

func (b box) eligible() (map[string]bool, string) {
	if b.el != nil {
		return b.el.Eligible, b.el.EligibleNote
	}
	return b.v.Eligible, b.v.EligibleNote
}

func (b box) voted() map[string]bool {
	if b.el != nil {
		return b.el.Voted
	}
	return b.v.Voted
}

// encryptedVote returns the encrypted vote id, or why there is none.
func (s *State) encryptedVote(id string) (*Vote, *EncryptedVote, error) {
	v, err := s.vote(id)
	if err != nil {
		return nil, nil, err
	}
	if v.Encrypted == nil {
		return nil, nil, conflict("the vote %s is not encrypted (method %s)", id, methodWord(v.Method))
	}
	return v, v.Encrypted, nil
}

// encryptedBox returns the box a command names by its vote or its
// election, or why there is none.
func (s *State) encryptedBox(vote, election string) (box, error) {
	switch {
	case vote != "" && election != "":
		return box{}, fieldErr("election", "a message of an encrypted ballot box names its vote or its election, not both")
	case election != "":
		el, err := s.election(election)
		if err != nil {
			return box{}, err
		}
		if el.Encrypted == nil {
			return box{}, conflict("the election %s is not encrypted; its ballots are cast with cast_election_ballot", election)
		}
		return box{id: election, el: el, ev: el.Encrypted}, nil
	case vote == "":
		return box{}, fieldErr("vote", "a message of an encrypted ballot box names its vote (vote) or its election (election)")
	}
	v, ev, err := s.encryptedVote(vote)
	if err != nil {
		return box{}, err
	}
	return box{id: vote, v: v, ev: ev}, nil
}

// boxAt is the box a recorded event names, if there is one.
func (s *State) boxAt(vote, election string) (box, bool) {
	if election != "" {
		el := s.Elections[election]
		if vote != "" || el == nil || el.Encrypted == nil {
			return box{}, false
		}
		return box{id: election, el: el, ev: el.Encrypted}, true
	}
	v := s.Votes[vote]
	if v == nil || v.Encrypted == nil {
		return box{}, false
	}
	return box{id: vote, v: v, ev: v.Encrypted}, true
}

// boxName is the id of the vote or election an event names, for the
// messages of a corrupt record.
func boxName(vote, election string) string {
	if election != "" {
		return "election " + election
	}
	return vote
}

// trusteeIndex is the actor's number among the trustees (1-based), or a
// refusal.
func (b box) trusteeIndex(actor string) (int, error) {
	i := slices.Index(b.ev.Trustees, actor)
	if i < 0 {
		if b.el != nil {
			return 0, forbidden("%s is not a trustee of the election %s; its trustees are %s", actor, b.id, strings.Join(b.ev.Trustees, ", "))
		}
		return 0, forbidden("%s is not a trustee of the vote %s; its trustees are %s", actor, b.id, strings.Join(b.ev.Trustees, ", "))
	}
	return i + 1, nil
}

// ceremonyOpen refuses a ceremony message once the key is derived or the
// vote or election is over.
func ceremonyOpen(b box) error {
	if !b.open() {
		if b.el != nil {
			return closed("the election %s is %s; its key ceremony is over", b.id, boxStatus(b))
		}
		return closed("the vote %s is %s; its key ceremony is over", b.id, boxStatus(b))
	}
	if b.ev.Key != nil {
		return conflict("the election key of %s is already derived; the key ceremony is over", b.id)
	}
	return nil
}

func (c PostTrusteeKey) decide(s *State, m Meta) ([]Event, error) {
	b, i, err := s.trusteeStep(c.Vote, c.Election, m.Actor, true)
	if err != nil {
		return nil, err
	}
	ev := b.ev
	if _, ok := ev.Keys[i]; ok {
		return nil, conflict("trustee %d (%s) has already published its key in %s", i, m.Actor, b.id)
	}
	k, err := ballot.DecodeTrusteeKey(c.Key)
	if err == nil && k.Index != i {
		err = wrongTrustee("key", k.Index, m.Actor, i)
	}
	if err == nil {
		err = k.Verify(ev.Params())
	}
	if err != nil {
		return nil, cryptoErr("key", reason("the trustee's key"), err)
	}
	return one(TrusteeKeyPosted{Meta: m, Vote: c.Vote, Election: c.Election, Trustee: i, Key: c.Key})
}

func (e TrusteeKeyPosted) apply(s *State) error {
	b, ok := s.boxAt(e.Vote, e.Election)
	if !ok || ceremonyOpen(b) != nil {
		return corrupt("the trustee key in %q does not fit the vote", boxName(e.Vote, e.Election))
	}
	ev := b.ev
	k, err := ballot.DecodeTrusteeKey(e.Key)
	if err != nil || k.Index != e.Trustee || !ev.isTrustee(e.Trustee, e.Actor) || k.Verify(ev.Params()) != nil {
		return corrupt("the key of trustee %d in %q does not verify", e.Trustee, boxName(e.Vote, e.Election))
	}
	if _, ok := ev.Keys[e.Trustee]; ok {
		return corrupt("trustee %d's key in %q is published twice", e.Trustee, boxName(e.Vote, e.Election))
	}
	ev.Keys[e.Trustee] = k
	return nil
}

// inOrder returns the messages of trustees 1..N in order.
func inOrder[T any](m map[int]T, n int) []T {
	out := make([]T, 0, n)
	for i := 1; i <= n; i++ {
		out = append(out, m[i])
	}
	return out
}

func (c PostDealing) decide(s *State, m Meta) ([]Event, error) {
	b, i, err := s.trusteeStep(c.Vote, c.Election, m.Actor, true)
	if err != nil {
		return nil, err
	}
	ev := b.ev
	if n := len(ev.Trustees); len(ev.Keys) < n {
		return nil, conflict("%d of the %d trustees of %s have published their keys; a dealing needs all of them", len(ev.Keys), n, b.id)
	}
	if _, ok := ev.Dealings[i]; ok {
		return nil, conflict("trustee %d (%s) has already published its dealing in %s", i, m.Actor, b.id)
	}
	d, err := ballot.DecodeDealing(c.Dealing)
	if err == nil && d.Dealer != i {
		err = wrongTrustee("dealing", d.Dealer, m.Actor, i)
	}
	if err == nil {
		err = d.Verify(ev.Params())
	}
	if err != nil {
		return nil, cryptoErr("dealing", reason("the dealing"), err)
	}
	return one(DealingPosted{Meta: m, Vote: c.Vote, Election: c.Election, Trustee: i, Dealing: c.Dealing})
}

func (e DealingPosted) apply(s *State) error {
	b, ok := s.boxAt(e.Vote, e.Election)
	if !ok || ceremonyOpen(b) != nil || len(b.ev.Keys) < len(b.ev.Trustees) {
		return corrupt("the dealing in %q does not fit the vote", boxName(e.Vote, e.Election))
	}
	ev := b.ev
	d, err := ballot.DecodeDealing(e.Dealing)
	if err != nil || d.Dealer != e.Trustee || !ev.isTrustee(e.Trustee, e.Actor) || d.Verify(ev.Params()) != nil {
		return corrupt("the dealing of trustee %d in %q does not verify", e.Trustee, boxName(e.Vote, e.Election))
	}
	if _, ok := ev.Dealings[e.Trustee]; ok {
		return corrupt("trustee %d's dealing in %q is published twice", e.Trustee, boxName(e.Vote, e.Election))
	}
	ev.Dealings[e.Trustee] = d
	return nil
}

func (c PostConfirmation) decide(s *State, m Meta) ([]Event, error) {
	b, i, err := s.trusteeStep(c.Vote, c.Election, m.Actor, true)
	if err != nil {
		return nil, err
	}
	ev := b.ev
	n := len(ev.Trustees)
	if len(ev.Dealings) < n {
		return nil, conflict("%d of the %d trustees of %s have published their dealings; a confirmation needs all of them", len(ev.Dealings), n, b.id)
	}
	if _, ok := ev.Confirmations[i]; ok {
		return nil, conflict("trustee %d (%s) has already confirmed its share in %s", i, m.Actor, b.id)
	}
	cf, err := ballot.DecodeConfirmation(c.Confirmation)
	if err == nil && cf.Index != i {
		err = wrongTrustee("confirmation", cf.Index, m.Actor, i)
	}
	if err != nil {
		return nil, cryptoErr("confirmation", reason("the confirmation"), err)
	}
	confs := make(map[int]ballot.Confirmation, n)
	for k, c := range ev.Confirmations {
		confs[k] = c
	}
	confs[i] = cf
	if err := checkConfirmation(ev, cf); err != nil {
		return nil, cryptoErr("confirmation", reason("the confirmation"), err)
	}
	evs := []Event{ConfirmationPosted{Meta: m, Vote: c.Vote, Election: c.Election, Trustee: i, Confirmation: c.Confirmation}}
	if len(confs) == n {
		key, err := ballot.CombineKeys(ev.Params(), inOrder(ev.Keys, n), inOrder(ev.Dealings, n), inOrder(confs, n))
		if err != nil {
			return nil, cryptoErr("confirmation", reason("the key ceremony"), err)
		}
		kb, err := ballot.Encode(key)
		if err != nil {
			return nil, err
		}
		evs = append(evs, ElectionKeyDerived{Meta: m, Vote: c.Vote, Election: c.Election, Key: kb})
	}
	return evs, nil
}

// checkConfirmation checks one trustee's confirmation against the public
// dealings: the same check CombineKeys makes for each, done as it arrives
// so that a bad one is refused at once, naming the trustee.
func checkConfirmation(ev *EncryptedVote, cf ballot.Confirmation) error {
	return ballot.VerifyConfirmation(ev.Params(), inOrder(ev.Dealings, len(ev.Trustees)), cf)
}

func (e ConfirmationPosted) apply(s *State) error {
	b, ok := s.boxAt(e.Vote, e.Election)
	if !ok || ceremonyOpen(b) != nil || len(b.ev.Dealings) < len(b.ev.Trustees) {
		return corrupt("the confirmation in %q does not fit the vote", boxName(e.Vote, e.Election))
	}
	ev := b.ev
	cf, err := ballot.DecodeConfirmation(e.Confirmation)
	if err != nil || cf.Index != e.Trustee || !ev.isTrustee(e.Trustee, e.Actor) || checkConfirmation(ev, cf) != nil {
		return corrupt("the confirmation of trustee %d in %q does not verify", e.Trustee, boxName(e.Vote, e.Election))
	}
	if _, ok := ev.Confirmations[e.Trustee]; ok {
		return corrupt("trustee %d's confirmation in %q is published twice", e.Trustee, boxName(e.Vote, e.Election))
	}
	ev.Confirmations[e.Trustee] = cf
	return nil
}

func (e ElectionKeyDerived) apply(s *State) error {
	b, ok := s.boxAt(e.Vote, e.Election)
	name := boxName(e.Vote, e.Election)
	if !ok || ceremonyOpen(b) != nil {
		return corrupt("the election key of %q does not fit the vote", name)
	}
	ev := b.ev
	n := len(ev.Trustees)
	if len(ev.Confirmations) != n {
		return corrupt("the election key of %q comes before every trustee confirmed", name)
	}
	want, err := ballot.CombineKeys(ev.Params(), inOrder(ev.Keys, n), inOrder(ev.Dealings, n), inOrder(ev.Confirmations, n))
	if err != nil {
		return corrupt("the key ceremony of %q does not verify: %v", name, ballotErr(err))
	}
	wb, err := ballot.Encode(want)
	if err != nil || string(wb) != string(e.Key) {
		return corrupt("the election key of %q is not the one its ceremony gives", name)
	}
	ev.Key = &want
	return nil
}

func (c CastEncryptedBallot) decide(s *State, m Meta) ([]Event, error) {
	b, err := s.openBox(c.Vote, c.Election)
	if err != nil {
		return nil, err
	}
	ev := b.ev
	if m.Actor != c.Voter {
		return nil, forbidden("%s cannot cast a ballot for %s; each voter casts their own", m.Actor, c.Voter)
	}
	if err := b.keyMade(); err != nil {
		return nil, err
	}
	right, err := s.encryptedRight(b, c.Voter, c.ForMandate)
	if err != nil {
		return nil, err
	}
	if c.checked == nil || !sameKey(c.checked.key, ev.Key) || c.checked.right != right {
		bl, err := ballot.DecodeBallot(c.Ballot)
		if err == nil {
			err = bl.Verify(*ev.Key, ev.Question(), right)
		}
		if err != nil {
			return nil, cryptoErr("ballot", reason("the encrypted ballot"), err)
		}
	}
	return one(EncryptedBallotCast{Meta: m, Vote: c.Vote, Election: c.Election, Voter: c.Voter, Right: right, Weight: s.weight(right), Tracker: Tracker(c.Ballot), Ballot: c.Ballot})
}

// EncryptedBallotRefusal is the refusal cast_encrypted_ballot would give
// voter's ballot now in the encrypted vote or election (one of the two
// named), cast with their own mandate or, as its proxy, with forMandate,
// before it looks at the ballot itself: the box unknown, not encrypted
// or closed, its key not yet made, the mandate not entitled or not
// theirs to cast, a second ballot where none is allowed, a mandate of
// several votes in a ranked election (rankedBallotWeight); nil if none
// applies. It is the command's own rule, for a page to offer a ballot
// only where it would be taken (or say why not), as MayCastAsProxy is for
// a proxy's.
func (s *State) EncryptedBallotRefusal(vote, election, voter, forMandate string) error {
	b, err := s.openBox(vote, election)
	if err == nil {
		err = b.keyMade()
	}
	if err == nil {
		_, err = s.encryptedRight(b, voter, forMandate)
	}
	return err
}

// openBox is the box of an encrypted vote or election, refused where
// there is none or it is closed.
func (s *State) openBox(vote, election string) (box, error) {
	b, err := s.encryptedBox(vote, election)
	if err != nil {
		return box{}, err
	}
	if !b.open() {
		if b.el != nil {
			return box{}, closed("the election %s is closed; no ballot can be cast after it closes", b.id)
		}
		return box{}, closed("the vote %s is closed; no ballot can be cast after the vote closes", b.id)
	}
	return b, nil
}

// keyMade refuses a ballot before the trustees made the box's key.
func (b box) keyMade() error {
	if b.ev.Key == nil {
		return conflict("the trustees of %s have not yet made the election key (%d of %d confirmed); no ballot can be encrypted before", b.id, len(b.ev.Confirmations), len(b.ev.Trustees))
	}
	return nil
}

// encryptedRight is the voting right under which voter casts a ballot in
// the open box b, their own mandate's or forMandate's, or why the ballot
// is refused: not entitled, a second ballot (secondBallot), several
// votes in a ranked election (rankedBallotWeight). Decide and Precheck
// ask it, and EncryptedBallotRefusal.
func (s *State) encryptedRight(b box, voter, forMandate string) (string, error) {
	eligible, note := b.eligible()
	right, err := s.ballotRight(voter, forMandate, eligible, b.id, note)
	if err != nil {
		return "", err
	}
	if err := b.secondBallot(right, voter); err != nil {
		return "", err
	}
	if err := s.rankedBallotWeight(b, right); err != nil {
		return "", err
	}
	return right, nil
}

// secondBallot refuses a ballot of voter under the voting right right
// when the right has voted in the box: always where it allows no second
// ballot, and where it does, when its ballot was cast by another. A new
// ballot replaces only its own caster's: a proxy's ballot does not
// replace the one the mandate's holder cast before leaving the hall, nor
// the holder's the one their proxy cast while they were away, as neither
// could be cast in a plain vote (cast_ballot refuses a second ballot).
// Replay does not ask it, so that a record made before it still replays.
func (b box) secondBallot(right, voter string) error {
	i := b.ev.Last[right]
	switch {
	case b.ev.MayCastAgain(right, voter):
		return nil
	case !b.ev.Revote && b.el != nil:
		return conflict("the mandate %s has already voted in the election %s, which allows no second ballot", right, b.id)
	case !b.ev.Revote:
		return conflict("the mandate %s has already voted in %s, and this vote allows no second ballot", right, b.id)
	case b.el != nil:
		return conflict("the ballot of the mandate %s in the election %s was cast by %s, and a new ballot replaces only its caster's own", right, b.id, b.ev.Cast[i].Voter)
	}
	return conflict("the ballot of the mandate %s in %s was cast by %s, and a new ballot replaces only its caster's own", right, b.id, b.ev.Cast[i].Voter)
}

// MayCastAgain reports whether voter may cast a ballot under the voting
// right right in the box as far as its ballots go: the right has not
// voted, or the box allows re-voting and the right's counted ballot is
// voter's own. It is secondBallot's rule, exported so that the delegate's
// page offers a new ballot only where cast_encrypted_ballot takes one.
func (ev *EncryptedVote) MayCastAgain(right, voter string) bool {
	i, voted := ev.Last[right]
	return !voted || ev.Revote && ev.Cast[i].Voter == voter
}

func (e EncryptedBallotCast) apply(s *State) error {
	bx, ok := s.boxAt(e.Vote, e.Election)
	name := boxName(e.Vote, e.Election)
	if !ok {
		return corrupt("the encrypted ballot of %s in %q does not fit the vote", e.Voter, name)
	}
	eligible, _ := bx.eligible()
	if !bx.open() || bx.ev.Key == nil || !eligible[e.Right] || e.Weight < 1 {
		return corrupt("the encrypted ballot of %s in %q does not fit the vote", e.Voter, name)
	}
	ev := bx.ev
	if _, voted := ev.Last[e.Right]; voted && !ev.Revote {
		return corrupt("the mandate %s casts a second ballot in %q, which allows none", e.Right, name)
	}
	// The proofs are checked when the ballot is cast, and by replay only
	// where VerifyBallots or BallotCheck asks (plenum verify): otherwise
	// the form and the binding only.
	b, err := ballot.DecodeBallot(e.Ballot)
	if err != nil || b.Election != ev.Election || b.Voter != e.Right || len(b.Choices) != len(ev.Options) || e.Tracker != Tracker(e.Ballot) {
		return corrupt("the encrypted ballot of %s in %q is not a ballot of this vote and mandate", e.Voter, name)
	}
	if s.VerifyBallots || s.BallotCheck != nil {
		key, q := *ev.Key, ev.Question()
		check := func() error {
			if err := b.Verify(key, q, e.Right); err != nil {
				return corrupt("the encrypted ballot of %s in %q (mandate %s, tracker %s) does not verify (%s): %v", e.Voter, name, e.Right, e.Tracker, ballot.ErrorCode(err), ballotErr(err))
			}
			return nil
		}
		if s.BallotCheck != nil {
			s.BallotCheck(check)
		} else if err := check(); err != nil {
			return err
		}
	}
	ev.Last[e.Right] = len(ev.Cast)
	ev.Cast = append(ev.Cast, EncryptedBallot{Voter: e.Voter, Right: e.Right, Weight: e.Weight, Tracker: e.Tracker, Entry: int64(s.Events), Ballot: b})
	bx.voted()[e.Right] = true
	return nil
}

// counted returns the ballots that count (the last of each mandate, in
// the order they were cast) and their weights.
func (ev *EncryptedVote) counted() ([]ballot.Ballot, []uint64) {
	idx := make([]int, 0, len(ev.Last))
	for _, i := range ev.Last {
		idx = append(idx, i)
	}
	slices.Sort(idx)
	bs := make([]ballot.Ballot, len(idx))
	ws := make([]uint64, len(idx))
	for j, i := range idx {
		bs[j], ws[j] = ev.Cast[i].Ballot, uint64(ev.Cast[i].Weight)
	}
	return bs, ws
}

// encryptedSum is the encrypted_tallied of a box being closed, the sum of
// its last ballots, or a ranked election's encrypted_shuffled (nil if it
// has no ballot). m is the close's meta.
func (s *State) encryptedSum(m Meta, b box) (Event, error) {
	ev := b.ev
	if ev.Key == nil {
		if b.el != nil {
			return nil, conflict("the trustees of the election %s have not made the election key, so no ballot could be cast; withdraw the election instead", b.id)
		}
		return nil, conflict("the trustees of %s have not made the election key, so no ballot could be cast; withdraw the vote instead", b.id)
	}
	if ev.Ranked {
		return s.encryptedShuffle(m, b)
	}
	bs, ws := ev.counted()
	t, err := ballot.Sum(*ev.Key, ev.Question(), bs, ws)
	if err != nil {
		return nil, cryptoErr("vote", reason("the encrypted total"), err)
	}
	tb, err := ballot.Encode(t)
	if err != nil {
		return nil, err
	}
	e := EncryptedTallied{Meta: m, Tally: tb}
	if b.el != nil {
		e.Election = b.id
	} else {
		e.Vote = b.id
	}
	return e, nil
}

// rankedRows are the rows a ranked election shuffles: the ciphertexts of
// its last ballots, in the order cast, each as many times as its
// mandate's weight (so that the decrypted rankings carry the weights).
// Since an encrypted ranked election is refused where a mandate entitled
// carries more than one vote (rankedWeights), every weight is 1 in the
// records made since; a record made before may hold a ranking repeated
// for its mandate's weight, and replays and verifies as it was made.
func (ev *EncryptedVote) rankedRows() [][]ballot.Ciphertext {
	bs, ws := ev.counted()
	var rows [][]ballot.Ciphertext
	for i, b := range bs {
		for range ws[i] {
			rows = append(rows, b.Choices)
		}
	}
	return rows
}

// rankedWeights refuses an encrypted ranked election (method) in which a
// voting right of rights carries more than one vote. The trustees decrypt
// a ranked election's ballots one by one and the record publishes them,
// and a ranking counts with its mandate's weight: published as many times
// as the weight, or once with its weight, it shows the weight, which the
// record gives for each mandate (encrypted_ballot_cast, the mandates), so
// a ranking nobody else gave would name a mandate whose weight is its own
// (docs/secret-ballots.md, "Ranked elections and weighted votes"). With
// every weight 1, a ranking is one of the voters', and the shuffle hides
// whose. Checked when the election opens and when a ballot is cast (a
// record made before set_rules refused it may give weights after it
// opened: weightsHeld), never by replay.
func (s *State) rankedWeights(method string, rights []string) error {
	for _, r := range rights {
		if w := s.weight(r); w > 1 {
			return fieldErr("encrypted", "an election by the ranked method %s cannot be encrypted while the mandate %s, entitled in it, carries %d votes: each decrypted ranking is published once per vote, and the record gives each mandate's weight, so a ranking given by no one else would name the mandate; open the election without encryption (each ballot then recorded with its voter's name), encrypted with a method counted by sums (plurality, approval or a list method), or with only mandates of one vote entitled", method, r, w)
		}
	}
	return nil
}

// rankedBallotWeight refuses a ballot under the voting right right in the
// box b of a ranked election where the right carries more than one vote:
// the rules may have given weights after the election opened, in a record
// made before set_rules refused that (rankedWeights, weightsHeld).
func (s *State) rankedBallotWeight(b box, right string) error {
	if w := s.weight(right); b.ev.Ranked && w > 1 {
		return conflict("the mandate %s carries %d votes, and the encrypted ranked election %s publishes each decrypted ranking once per vote, which would name the mandate; it takes only the ballots of mandates of one vote", right, w, b.id)
	}
	return nil
}

// encryptedShuffle is the encrypted_shuffled of a ranked election being
// closed, or nil if no ballot was cast. The server is the only mixer: it
// knows the permutation while it shuffles, and ShuffleBallots forgets it
// when it returns; the proof shows only that the output is a shuffle.
func (s *State) encryptedShuffle(m Meta, b box) (Event, error) {
	rows := b.ev.rankedRows()
	if len(rows) == 0 {
		return nil, nil
	}
	sh, err := ballot.ShuffleBallots(*b.ev.Key, rows, rand.Reader)
	if err != nil {
		return nil, cryptoErr("election", reason("the shuffle of the ranked ballots"), err)
	}
	sb, err := ballot.Encode(sh)
	if err != nil {
		return nil, err
	}
	return EncryptedShuffled{Meta: m, Election: b.id, Shuffle: sb}, nil
}

func (e EncryptedShuffled) apply(s *State) error {
	b, ok := s.boxAt("", e.Election)
	name := boxName("", e.Election)
	if !ok || !b.closed() || !b.ev.Ranked || b.ev.Shuffle != nil || b.ev.Key == nil {
		return corrupt("the shuffle of %q does not fit the election", name)
	}
	sh, err := ballot.DecodeShuffle(e.Shuffle)
	if err == nil {
		err = sh.Verify(*b.ev.Key, b.ev.rankedRows())
	}
	if err != nil {
		return corrupt("the shuffle of the ranked ballots of %q does not verify (%s): %v", name, ballot.ErrorCode(err), ballotErr(err))
	}
	b.ev.Shuffle = &sh
	return nil
}

func (s *State) closeEncrypted(m Meta, v *Vote) ([]Event, error) {
	sum, err := s.encryptedSum(m, box{id: v.ID, v: v, ev: v.Encrypted})
	if err != nil {
		return nil, err
	}
	return []Event{VoteClosed{Meta: m, Vote: v.ID}, sum}, nil
}

func (e EncryptedTallied) apply(s *State) error {
	b, ok := s.boxAt(e.Vote, e.Election)
	name := boxName(e.Vote, e.Election)
	if !ok || !b.closed() || b.ev.Tally != nil || b.ev.Key == nil {
		return corrupt("the encrypted total of %q does not fit the vote", name)
	}
	ev := b.ev
	t, err := ballot.DecodeTally(e.Tally)
	if err != nil || t.Question != ev.Question() {
		return corrupt("the encrypted total of %q cannot be read", name)
	}
	bs, ws := ev.counted()
	if err := t.Verify(*ev.Key, bs, ws); err != nil {
		return corrupt("the encrypted total of %q is not the sum of its last ballots: %v", name, ballotErr(err))
	}
	ev.Tally = &t
	return nil
}

func (c PostPartialDecryption) decide(s *State, m Meta) ([]Event, error) {
	b, i, err := s.trusteeStep(c.Vote, c.Election, m.Actor, false)
	if err != nil {
		return nil, err
	}
	ev := b.ev
	switch {
	case b.open() && b.el != nil:
		return nil, conflict("the election %s is still open; the trustees decrypt its total once it is closed", b.id)
	case b.open():
		return nil, conflict("the vote %s is still open; the trustees decrypt its total once it is closed", b.id)
	case ev.ToDecrypt() == nil && b.el != nil:
		return nil, conflict("the election %s has no encrypted total to decrypt", b.id)
	case ev.ToDecrypt() == nil:
		return nil, conflict("the vote %s has no encrypted total to decrypt", b.id)
	case ev.Result != nil:
		return nil, closed("the total of %s is already decrypted", b.id)
	}
	if _, ok := ev.Partials[i]; ok {
		return nil, conflict("trustee %d (%s) has already posted its partial decryption of %s", i, m.Actor, b.id)
	}
	d, err := ballot.DecodePartialDecryption(c.Decryption)
	if err == nil && d.Trustee != i {
		err = wrongTrustee("partial decryption", d.Trustee, m.Actor, i)
	}
	if err == nil {
		err = d.Verify(*ev.Key, ev.ToDecrypt())
	}
	if err != nil {
		return nil, cryptoErr("decryption", reason("the partial decryption"), err)
	}
	evs := []Event{PartialDecryptionPosted{Meta: m, Vote: c.Vote, Election: c.Election, Trustee: i, Decryption: c.Decryption}}
	if len(ev.Partials)+1 < ev.Quorum {
		return evs, nil
	}
	partials := append(inOrderPresent(ev.Partials, len(ev.Trustees)), d)
	res, err := ballot.Decrypt(*ev.Key, ev.ToDecrypt(), partials, ev.bound())
	if err != nil {
		return nil, cryptoErr("decryption", reason("the decryption of the total"), err)
	}
	rb, err := ballot.Encode(res)
	if err != nil {
		return nil, err
	}
	counts, rankings := ev.readResult(res)
	evs = append(evs, EncryptedResultDerived{Meta: m, Vote: c.Vote, Election: c.Election, Result: rb, Counts: counts, Rankings: rankings})
	// Declare at once where the counts decide; otherwise the chair
	// declares (declare_result, declare_election), as for a tie between
	// drafts.
	evc := *ev
	evc.Counts, evc.Rankings, evc.Result = counts, rankings, &res
	if b.el != nil {
		elc := *b.el
		elc.Encrypted = &evc
		if elc.counted() && elc.Status == ElectionStatusClosed {
			if elected, arith, err := s.countElection(&elc); err == nil {
				evs = append(evs, ElectionDeclared{Meta: m, Election: b.id, Elected: elected, Arithmetic: arith})
			}
		}
		return evs, nil
	}
	v := b.v
	vc := *v
	vc.Encrypted = &evc
	if r, err := s.count(&vc, ""); err == nil {
		evs = append(evs, ResultDeclared{Meta: m, Vote: c.Vote, Result: r})
		if r.Outcome == MotionStatusCarried && v.Motion != "" {
			evs = append(evs, s.effects(m, s.Motions[v.Motion])...)
			evs = append(evs, s.textEffects(m, v, s.Motions[v.Motion])...)
		}
	}
	return evs, nil
}

// inOrderPresent returns the messages present, by trustee number.
func inOrderPresent[T any](m map[int]T, n int) []T {
	var out []T
	for i := 1; i <= n; i++ {
		if x, ok := m[i]; ok {
			out = append(out, x)
		}
	}
	return out
}

// readResult names the decrypted values: the count of each option, or for
// a ranked election the rankings (nil where a ballot is no ranking) and
// each option's first preferences.
func (ev *EncryptedVote) readResult(res ballot.Result) (map[string]int, [][]int) {
	counts := make(map[string]int, len(ev.Options))
	if !ev.Ranked {
		for j, o := range ev.Options {
			counts[o] = int(res.Values[j])
		}
		return counts, nil
	}
	for _, o := range ev.Options {
		counts[o] = 0
	}
	n := len(ev.Options)
	rankings := make([][]int, 0, len(res.Values)/max(n, 1))
	for i := 0; i+n <= len(res.Values); i += n {
		r, err := ballot.ReadRanking(ev.Question(), res.Values[i:i+n])
		if err != nil {
			r = nil
		} else if len(r) > 0 {
			counts[ev.Options[r[0]]]++
		}
		rankings = append(rankings, r)
	}
	return counts, rankings
}

func (e PartialDecryptionPosted) apply(s *State) error {
	b, ok := s.boxAt(e.Vote, e.Election)
	name := boxName(e.Vote, e.Election)
	if !ok || b.ev.ToDecrypt() == nil || b.ev.Result != nil {
		return corrupt("the partial decryption in %q does not fit the vote", name)
	}
	ev := b.ev
	d, err := ballot.DecodePartialDecryption(e.Decryption)
	if err != nil || d.Trustee != e.Trustee || !ev.isTrustee(e.Trustee, e.Actor) {
		return corrupt("the partial decryption of trustee %d in %q cannot be read", e.Trustee, name)
	}
	if err := d.Verify(*ev.Key, ev.ToDecrypt()); err != nil {
		return corrupt("the partial decryption of trustee %d in %q does not verify: %v", e.Trustee, name, ballotErr(err))
	}
	if _, ok := ev.Partials[e.Trustee]; ok {
		return corrupt("trustee %d's partial decryption in %q is posted twice", e.Trustee, name)
	}
	ev.Partials[e.Trustee] = d
	return nil
}

func (e EncryptedResultDerived) apply(s *State) error {
	b, ok := s.boxAt(e.Vote, e.Election)
	name := boxName(e.Vote, e.Election)
	if !ok || b.ev.ToDecrypt() == nil || b.ev.Result != nil {
		return corrupt("the decrypted result of %q does not fit the vote", name)
	}
	ev := b.ev
	r, err := ballot.DecodeResult(e.Result)
	if err != nil {
		return corrupt("the decrypted result of %q cannot be read", name)
	}
	cts := ev.ToDecrypt()
	if err := r.Verify(*ev.Key, cts, inOrderPresent(ev.Partials, len(ev.Trustees))); err != nil {
		return corrupt("the decrypted result of %q is not what the partial decryptions give: %v", name, ballotErr(err))
	}
	if len(r.Values) != len(cts) || len(e.Counts) != len(ev.Options) {
		return corrupt("the decrypted result of %q does not count every option", name)
	}
	counts, rankings := ev.readResult(r)
	for _, o := range ev.Options {
		if n, ok := e.Counts[o]; !ok || n != counts[o] {
			return corrupt("the count of %q in %q is not the decrypted total", o, name)
		}
	}
	if !slices.EqualFunc(rankings, e.Rankings, func(a, b []int) bool { return (a == nil) == (b == nil) && slices.Equal(a, b) }) {
		return corrupt("the rankings of %q are not the decrypted ballots", name)
	}
	ev.Result, ev.Counts, ev.Rankings = &r, e.Counts, e.Rankings
	return nil
}

// checkEncryptedResult refuses a declared result of an encrypted vote
// that is not its decrypted counts.
func checkEncryptedResult(v *Vote, r Result) error {
	ev := v.Encrypted
	if ev.Counts == nil {
		return corrupt("the result of the encrypted vote %q is declared before its total is decrypted", v.ID)
	}
	for _, o := range ev.Options {
		if r.ByChoice[o] != ev.Counts[o] {
			return corrupt("the declared result of %q gives %q %d, and the decrypted total %d", v.ID, o, r.ByChoice[o], ev.Counts[o])
		}
	}
	if v.Alternatives == "" && (r.For != Exact(ev.Counts["for"]) || r.Against != Exact(ev.Counts["against"]) || r.Abstain != Exact(ev.Counts["abstain"])) {
		return corrupt("the declared result of %q (%s for, %s against, %s abstaining) is not the decrypted total", v.ID, r.For, r.Against, r.Abstain)
	}
	return nil
}

// ballotCount is how many ballots were cast in v (in an encrypted vote,
// every ballot, superseded or not).
func (v *Vote) ballotCount() int {
	n := len(v.Ballots)
	if v.Encrypted != nil {
		n += len(v.Encrypted.Cast)
	}
	return n
}

// BallotsCast is how many ballots count in v as cast so far: one per
// voting right that voted (in an encrypted vote with re-voting, its last
// ballot only), as the pages and the API show it.
func (v *Vote) BallotsCast() int {
	if v.Encrypted != nil {
		return len(v.Encrypted.Last)
	}
	return len(v.Ballots)
}

// trusteeStep finds the encrypted box and the actor's number among its
// trustees; during the ceremony it also refuses once the key is derived.
func (s *State) trusteeStep(vote, election, actor string, ceremony bool) (box, int, error) {
	b, err := s.encryptedBox(vote, election)
	if err != nil {
		return box{}, 0, err
	}
	i, err := b.trusteeIndex(actor)
	if err != nil {
		return box{}, 0, err
	}
	if ceremony {
		if err := ceremonyOpen(b); err != nil {
			return box{}, 0, err
		}
	}
	return b, i, nil
}

func wrongTrustee(what string, got int, actor string, want int) error {
	return fmt.Errorf("%w: the %s is trustee %d's, and %s is trustee %d", ballot.ErrWrongContext, what, got, actor, want)
}

// isTrustee reports whether trustee number i is the person actor.
func (ev *EncryptedVote) isTrustee(i int, actor string) bool {
	return i >= 1 && i <= len(ev.Trustees) && ev.Trustees[i-1] == actor
}

// VotingRight is the voting right under which person would cast a ballot
// in the vote now with their own mandate (a mandate id, or "p:" and the
// guest), which an encrypted ballot is bound to; "" if they may not vote.
func (s *State) VotingRight(vote, person string) string {
	if v := s.Votes[vote]; v != nil {
		return s.rightOrNone(person, v.Eligible, vote, v.EligibleNote)
	}
	return ""
}

// ElectionVotingRight is VotingRight for an election.
func (s *State) ElectionVotingRight(election, person string) string {
	if el := s.Elections[election]; el != nil {
		return s.rightOrNone(person, el.Eligible, election, el.EligibleNote)
	}
	return ""
}

func (s *State) rightOrNone(person string, eligible map[string]bool, what, note string) string {
	right, err := s.ballotRight(person, "", eligible, what, note)
	if err != nil {
		return ""
	}
	return right
}
