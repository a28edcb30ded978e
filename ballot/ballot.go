package ballot

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"

	"github.com/gtank/ristretto255"
)

// Question kinds.
const (
	// Choice: every option is marked or not, and the number of marks is
	// between Min and Max. Yes/no/abstain and plurality are Min = Max = 1
	// (abstain is an option like the others); approval is Min = 0, Max = k;
	// a list vote is one mark among the lists. Counted by homomorphic sums.
	Choice = "choice"
	// Ranking: the voter ranks some or all of the options in order of
	// preference (STV, IRV). Not summable: ranked ballots are shuffled
	// (see Shuffle) and decrypted one by one.
	Ranking = "ranking"
)

// Bounds on a question.
const (
	// MaxOptions bounds the options of a choice question.
	MaxOptions = 256
	// MaxRankedOptions bounds the options of a ranking question, whose
	// ballot proofs grow with the square of the options.
	MaxRankedOptions = 32
)

// Question is what a ballot answers, as far as the cryptography needs to
// know: its kind, its number of options, and for a choice question the
// allowed number of marks.
type Question struct {
	Kind    string `json:"kind"`
	Options int    `json:"options"`
	Min     int    `json:"min"`
	Max     int    `json:"max"`
}

// Validate checks the question's rules are consistent.
func (q Question) Validate() error {
	switch q.Kind {
	case Choice:
		if q.Options < 1 || q.Options > MaxOptions {
			return fmt.Errorf("%w: a choice question has 1 to %d options, not %d", ErrInvalidParameters, MaxOptions, q.Options)
		}
		if q.Min < 0 || q.Min > q.Max || q.Max > q.Options {
			return fmt.Errorf("%w: marks between %d and %d among %d options; need 0 ≤ min ≤ max ≤ options", ErrInvalidParameters, q.Min, q.Max, q.Options)
		}
	case Ranking:
		if q.Options < 1 || q.Options > MaxRankedOptions {
			return fmt.Errorf("%w: a ranking question has 1 to %d options, not %d", ErrInvalidParameters, MaxRankedOptions, q.Options)
		}
		if q.Min != 0 || q.Max != 0 {
			return fmt.Errorf("%w: min and max are for choice questions; a ranking question has them 0", ErrInvalidParameters)
		}
	default:
		return fmt.Errorf("%w: question kind %q; want %q or %q", ErrInvalidParameters, q.Kind, Choice, Ranking)
	}
	return nil
}

// Ballot is an encrypted answer to one question by one voter. For a choice
// question, Choices[i] encrypts 1 if option i is marked and 0 if not, each
// with a proof that it is 0 or 1, and Sum proves that their sum is between
// Min and Max. For a ranking question, Choices[r] encrypts the number
// (1-based) of the option ranked at position r, or 0 where the ranking has
// ended, each with a proof that it is between 0 and the number of options
// (whether it is a valid ranking is seen only after the shuffle and the
// decryption). Every proof is bound to the election, its key, the voter and
// the question, so a ballot cannot be replayed for another voter.
type Ballot struct {
	Election string            `json:"election"`
	Voter    string            `json:"voter"`
	Choices  []Ciphertext      `json:"choices"`
	Proofs   []MembershipProof `json:"proofs"`
	Sum      MembershipProof   `json:"sum,omitempty"`
}

func ballotTranscript(kind string, k ElectionKey, voter string, q Question, pos int) *transcript {
	t := newTranscript(kind).str(k.Params.Election).point(k.Key.e).str(voter)
	return t.str(q.Kind).u64(uint64(q.Options)).u64(uint64(q.Min)).u64(uint64(q.Max)).u64(uint64(pos))
}

// Encrypt encrypts a voter's answer under the election key with its proofs.
// For a choice question, vote holds one 0 or 1 per option; for a ranking
// question, the option numbers (0-based) in order of preference, at most
// once each, as many as the voter ranks (possibly none). A vote that breaks
// the rules is ErrInvalidChoice: nothing is encrypted that would not verify.
func Encrypt(k ElectionKey, q Question, voter string, vote []int, rand io.Reader) (Ballot, error) {
	if err := k.Validate(); err != nil {
		return Ballot{}, err
	}
	if err := q.Validate(); err != nil {
		return Ballot{}, err
	}
	if err := checkID("voter", voter); err != nil {
		return Ballot{}, err
	}
	plain, err := plaintexts(q, vote)
	if err != nil {
		return Ballot{}, err
	}
	b, sumR, err := encryptChoices(k, q, voter, plain, rand)
	if err != nil {
		return Ballot{}, err
	}
	if q.Kind == Choice {
		total := 0
		for _, m := range plain {
			total += int(m)
		}
		proof, err := proveMembership(ballotTranscript(kindChoiceSum, k, voter, q, q.Options), k.Key.e, b.sum(), sumR, span(uint64(q.Min), uint64(q.Max)), total-q.Min, rand)
		if err != nil {
			return Ballot{}, err
		}
		b.Sum = proof
	}
	return b, nil
}

// encryptChoices encrypts each plaintext with fresh randomness and its
// proof that it is one of the question's allowed values; it returns the
// ballot without the sum proof, and the sum of the randomness, which the
// sum proof needs.
func encryptChoices(k ElectionKey, q Question, voter string, plain []uint64, rand io.Reader) (Ballot, *ristretto255.Scalar, error) {
	b := Ballot{Election: k.Params.Election, Voter: voter}
	values := allowed(q)
	sumR := newScalar()
	for i, m := range plain {
		r, err := randomScalar(rand)
		if err != nil {
			return Ballot{}, nil, err
		}
		ct := encrypt(k.Key.e, m, r)
		proof, err := proveMembership(ballotTranscript(proofKind(q), k, voter, q, i), k.Key.e, ct, r, values, int(m), rand)
		if err != nil {
			return Ballot{}, nil, err
		}
		b.Choices = append(b.Choices, ct)
		b.Proofs = append(b.Proofs, proof)
		sumR.Add(sumR, r)
	}
	return b, sumR, nil
}

func proofKind(q Question) string {
	if q.Kind == Ranking {
		return kindRank
	}
	return kindChoice
}

// allowed is the values each of a question's ciphertexts may encrypt.
func allowed(q Question) []uint64 {
	if q.Kind == Ranking {
		return span(0, uint64(q.Options))
	}
	return []uint64{0, 1}
}

// plaintexts checks a vote against the rules and gives what each
// ciphertext encrypts.
func plaintexts(q Question, vote []int) ([]uint64, error) {
	out := make([]uint64, q.Options)
	if q.Kind == Choice {
		if len(vote) != q.Options {
			return nil, fmt.Errorf("%w: %d marks for %d options; give one 0 or 1 per option", ErrInvalidChoice, len(vote), q.Options)
		}
		n := 0
		for i, v := range vote {
			if v != 0 && v != 1 {
				return nil, fmt.Errorf("%w: option %d is marked %d; a mark is 0 or 1", ErrInvalidChoice, i, v)
			}
			out[i] = uint64(v)
			n += v
		}
		if n < q.Min || n > q.Max {
			return nil, fmt.Errorf("%w: %d options marked; this question takes %d to %d", ErrInvalidChoice, n, q.Min, q.Max)
		}
		return out, nil
	}
	if len(vote) > q.Options {
		return nil, fmt.Errorf("%w: %d preferences for %d options", ErrInvalidChoice, len(vote), q.Options)
	}
	seen := make([]bool, q.Options)
	for r, o := range vote {
		if o < 0 || o >= q.Options {
			return nil, fmt.Errorf("%w: preference %d is option %d; options are 0 to %d", ErrInvalidChoice, r+1, o, q.Options-1)
		}
		if seen[o] {
			return nil, fmt.Errorf("%w: option %d is ranked twice", ErrInvalidChoice, o)
		}
		seen[o] = true
		out[r] = uint64(o) + 1
	}
	return out, nil
}

// sum is the homomorphic sum of the ballot's choices.
func (b Ballot) sum() Ciphertext {
	s := zeroCiphertext()
	for _, c := range b.Choices {
		s = s.add(c)
	}
	return s
}

// Verify checks a ballot for the election, the question and the voter it is
// cast by: its form, every proof, and that it names this election and this
// voter (ErrWrongContext otherwise: a ballot copied from another voter or
// another election is refused).
func (b Ballot) Verify(k ElectionKey, q Question, voter string) error {
	if err := k.Validate(); err != nil {
		return err
	}
	if err := q.Validate(); err != nil {
		return err
	}
	if b.Election != k.Params.Election {
		return fmt.Errorf("%w: ballot for election %q, cast in %q", ErrWrongContext, b.Election, k.Params.Election)
	}
	if b.Voter != voter {
		return fmt.Errorf("%w: ballot made for voter %q, cast by %q", ErrWrongContext, b.Voter, voter)
	}
	if len(b.Choices) != q.Options || len(b.Proofs) != q.Options {
		return fmt.Errorf("%w: %d ciphertexts and %d proofs for %d options", ErrMalformed, len(b.Choices), len(b.Proofs), q.Options)
	}
	if err := needCiphertexts("choices", b.Choices); err != nil {
		return err
	}
	values := allowed(q)
	for i, ct := range b.Choices {
		if err := b.Proofs[i].verify(ballotTranscript(proofKind(q), k, voter, q, i), k.Key.e, ct, values); err != nil {
			return fmt.Errorf("ballot: the proof of ciphertext %d (values 0 to %d): %w", i, values[len(values)-1], err)
		}
	}
	if q.Kind == Ranking {
		if b.Sum != nil {
			return fmt.Errorf("%w: a ranked ballot has no sum proof", ErrMalformed)
		}
		return nil
	}
	if err := b.Sum.verify(ballotTranscript(kindChoiceSum, k, voter, q, q.Options), k.Key.e, b.sum(), span(uint64(q.Min), uint64(q.Max))); err != nil {
		return fmt.Errorf("ballot: the proof that %d to %d options are marked: %w", q.Min, q.Max, err)
	}
	return nil
}

// Tracker is the ballot's fingerprint, which the voter keeps as a receipt:
// the lower-case hex SHA-256 of its canonical encoding. It reveals nothing
// about the choice.
func (b Ballot) Tracker() (string, error) {
	enc, err := Encode(b)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(enc)
	return hex.EncodeToString(sum[:]), nil
}
