package ballot

import (
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/gtank/ristretto255"
)

// MaxWeight bounds the total weight of the ballots of one count (and so
// every decrypted total): the discrete logarithm is found by baby-step
// giant-step in about √MaxWeight group operations.
const MaxWeight = 1 << 32

// Tally is the homomorphic count of the ballots of one choice question:
// Totals[i] is the sum over ballots b of weight(b) × b.Choices[i], which
// encrypts the (weighted) number of marks for option i. A weight is the
// number of votes the voter's mandate carries; it is public, and applied
// by scalar multiplication of the ballot's ciphertexts (ballots of equal
// weight are added first, so the cost is one addition per ballot and one
// multiplication per distinct weight).
type Tally struct {
	Election string       `json:"election"`
	Question Question     `json:"question"`
	Ballots  int          `json:"ballots"`
	Weight   uint64       `json:"weight"`
	Totals   []Ciphertext `json:"totals"`
}

// Sum counts ballots (already verified, one per voter: the last one each
// voter cast) with their weights; nil weights are all 1. It checks each
// ballot's election and shape, not its proofs.
func Sum(k ElectionKey, q Question, ballots []Ballot, weights []uint64) (Tally, error) {
	if err := k.Validate(); err != nil {
		return Tally{}, err
	}
	if err := q.Validate(); err != nil {
		return Tally{}, err
	}
	if q.Kind != Choice {
		return Tally{}, fmt.Errorf("%w: ranked ballots cannot be summed; shuffle and decrypt them", ErrInvalidParameters)
	}
	if weights != nil && len(weights) != len(ballots) {
		return Tally{}, fmt.Errorf("%w: %d weights for %d ballots", ErrInvalidParameters, len(weights), len(ballots))
	}
	byWeight := map[uint64][]Ciphertext{}
	var total uint64
	for i, b := range ballots {
		w := uint64(1)
		if weights != nil {
			w = weights[i]
		}
		if w == 0 {
			return Tally{}, fmt.Errorf("%w: ballot %d has weight 0; leave it out of the count instead", ErrInvalidParameters, i)
		}
		if total += w; w > MaxWeight || total > MaxWeight {
			return Tally{}, fmt.Errorf("%w: total weight above %d", ErrTooLarge, uint64(MaxWeight))
		}
		if b.Election != k.Params.Election {
			return Tally{}, fmt.Errorf("%w: ballot %d is for election %q", ErrWrongContext, i, b.Election)
		}
		if len(b.Choices) != q.Options {
			return Tally{}, fmt.Errorf("%w: ballot %d has %d ciphertexts for %d options", ErrMalformed, i, len(b.Choices), q.Options)
		}
		if err := needCiphertexts(fmt.Sprintf("ballot %d's choices", i), b.Choices); err != nil {
			return Tally{}, err
		}
		acc := byWeight[w]
		if acc == nil {
			acc = make([]Ciphertext, q.Options)
			for j := range acc {
				acc[j] = zeroCiphertext()
			}
			byWeight[w] = acc
		}
		for j, c := range b.Choices {
			acc[j] = acc[j].add(c)
		}
	}
	t := Tally{Election: k.Params.Election, Question: q, Ballots: len(ballots), Weight: total, Totals: make([]Ciphertext, q.Options)}
	for j := range t.Totals {
		t.Totals[j] = zeroCiphertext()
	}
	ws := make([]uint64, 0, len(byWeight))
	for w := range byWeight {
		ws = append(ws, w)
	}
	slices.Sort(ws)
	for _, w := range ws {
		for j, c := range byWeight[w] {
			if w != 1 {
				c = c.scale(w)
			}
			t.Totals[j] = t.Totals[j].add(c)
		}
	}
	return t, nil
}

// Verify checks that t is the count of exactly these ballots and weights.
func (t Tally) Verify(k ElectionKey, ballots []Ballot, weights []uint64) error {
	want, err := Sum(k, t.Question, ballots, weights)
	if err != nil {
		return err
	}
	if t.Election != want.Election || t.Ballots != want.Ballots || t.Weight != want.Weight || len(t.Totals) != len(want.Totals) {
		return fmt.Errorf("%w: the tally's header (election, ballots %d, weight %d) is not that of the ballots (%d, %d)", ErrResultMismatch, t.Ballots, t.Weight, want.Ballots, want.Weight)
	}
	for i := range t.Totals {
		if err := t.Totals[i].need(fmt.Sprintf("totals[%d]", i)); err != nil {
			return err
		}
		if !t.Totals[i].Equal(want.Totals[i]) {
			return fmt.Errorf("%w: total %d is not the sum of the ballots", ErrResultMismatch, i)
		}
	}
	return nil
}

// PartialDecryption is one trustee's share of the decryption of a list of
// ciphertexts (a tally's totals, or the shuffled ranked ballots): for each
// ciphertext (α, β), the factor D = x_m·α with a Chaum–Pedersen proof that
// log_G Y_m = log_α D, Y_m being the trustee's verification key.
type PartialDecryption struct {
	Election string          `json:"election"`
	Trustee  int             `json:"trustee"`
	Factors  []Point         `json:"factors"`
	Proofs   []EqualityProof `json:"proofs"`
}

func decryptionTranscript(k ElectionKey, trustee, j int) *transcript {
	return newTranscript(kindDecryption).str(k.Params.Election).point(k.Key.e).u64(uint64(trustee)).u64(uint64(j))
}

// Decrypt computes the trustee's partial decryption of cts with proofs.
func (s ShareKey) Decrypt(k ElectionKey, cts []Ciphertext, rand io.Reader) (PartialDecryption, error) {
	if err := k.Validate(); err != nil {
		return PartialDecryption{}, err
	}
	if s.share == nil || s.Params != k.Params {
		return PartialDecryption{}, fmt.Errorf("%w: this share key is for election %q, not %q", ErrWrongContext, s.Params.Election, k.Params.Election)
	}
	Ym := k.VerificationKeys[s.Index-1].e
	if newElement().ScalarBaseMult(s.share).Equal(Ym) != 1 {
		return PartialDecryption{}, fmt.Errorf("%w: this share key does not match trustee %d's verification key", ErrWrongContext, s.Index)
	}
	if err := needCiphertexts("ciphertexts", cts); err != nil {
		return PartialDecryption{}, err
	}
	d := PartialDecryption{Election: k.Params.Election, Trustee: s.Index}
	for j, c := range cts {
		D := newElement().ScalarMult(s.share, c.Alpha.e)
		proof, err := proveEquality(decryptionTranscript(k, s.Index, j), s.share, Ym, c.Alpha.e, D, rand)
		if err != nil {
			return PartialDecryption{}, err
		}
		d.Factors = append(d.Factors, pt(D))
		d.Proofs = append(d.Proofs, proof)
	}
	return d, nil
}

// Verify checks a partial decryption of cts against the trustee's
// verification key.
func (d PartialDecryption) Verify(k ElectionKey, cts []Ciphertext) error {
	if err := k.Validate(); err != nil {
		return err
	}
	if d.Election != k.Params.Election {
		return fmt.Errorf("%w: partial decryption for election %q, checked for %q", ErrWrongContext, d.Election, k.Params.Election)
	}
	if err := k.Params.checkIndex("trustee", d.Trustee); err != nil {
		return err
	}
	if len(d.Factors) != len(cts) || len(d.Proofs) != len(cts) {
		return fmt.Errorf("%w: trustee %d gives %d factors and %d proofs for %d ciphertexts", ErrMalformed, d.Trustee, len(d.Factors), len(d.Proofs), len(cts))
	}
	if err := needCiphertexts("ciphertexts", cts); err != nil {
		return err
	}
	Ym := k.VerificationKeys[d.Trustee-1].e
	for j, c := range cts {
		if err := d.Factors[j].need(fmt.Sprintf("trustee %d's factor %d", d.Trustee, j)); err != nil {
			return err
		}
		if !d.Proofs[j].verify(decryptionTranscript(k, d.Trustee, j), Ym, c.Alpha.e, d.Factors[j].e) {
			return fmt.Errorf("%w: trustee %d's partial decryption of ciphertext %d", ErrInvalidProof, d.Trustee, j)
		}
	}
	return nil
}

// Result is a decryption: the values the ciphertexts decrypt to, and the
// trustees whose partial decryptions give them.
type Result struct {
	Election string   `json:"election"`
	Trustees []int    `json:"trustees"`
	Values   []uint64 `json:"values"`
}

// Decrypt checks every partial decryption, combines K of them (the K lowest
// trustee numbers) by Lagrange interpolation at 0, and finds each value by
// baby-step giant-step up to bound (a tally's total weight; the number of
// options for shuffled ranked ballots). A value beyond bound is
// ErrOutOfRange.
func Decrypt(k ElectionKey, cts []Ciphertext, partials []PartialDecryption, bound uint64) (Result, error) {
	if bound > MaxWeight {
		return Result{}, fmt.Errorf("%w: bound %d above %d", ErrTooLarge, bound, uint64(MaxWeight))
	}
	used, err := choosePartials(k, cts, partials)
	if err != nil {
		return Result{}, err
	}
	r := Result{Election: k.Params.Election}
	for _, d := range used {
		r.Trustees = append(r.Trustees, d.Trustee)
	}
	table := newDlogTable(bound)
	for j, M := range plainPoints(cts, used) {
		v, ok := table.solve(M)
		if !ok {
			return Result{}, fmt.Errorf("%w: ciphertext %d does not decrypt to a value from 0 to %d", ErrOutOfRange, j, bound)
		}
		r.Values = append(r.Values, v)
	}
	return r, nil
}

// choosePartials verifies every partial decryption and returns the first
// K by trustee number.
func choosePartials(k ElectionKey, cts []Ciphertext, partials []PartialDecryption) ([]PartialDecryption, error) {
	if err := k.Validate(); err != nil {
		return nil, err
	}
	seen := map[int]bool{}
	for _, d := range partials {
		if err := d.Verify(k, cts); err != nil {
			return nil, err
		}
		if seen[d.Trustee] {
			return nil, fmt.Errorf("%w: two partial decryptions by trustee %d", ErrInvalidParameters, d.Trustee)
		}
		seen[d.Trustee] = true
	}
	if len(partials) < k.Params.Threshold {
		return nil, fmt.Errorf("%w: %d of the %d needed; more trustees must decrypt", ErrNotEnoughShares, len(partials), k.Params.Threshold)
	}
	sorted := slices.Clone(partials)
	slices.SortFunc(sorted, func(a, b PartialDecryption) int { return a.Trustee - b.Trustee })
	return sorted[:k.Params.Threshold], nil
}

// lagrange is λ_m = Π_{j∈S, j≠m} j/(j−m), the coefficient of trustee m's
// share in the interpolation of the key at 0 from the set S.
func lagrange(set []int, m int) *ristretto255.Scalar {
	num, den := scalarOf(1), scalarOf(1)
	for _, j := range set {
		if j == m {
			continue
		}
		num.Multiply(num, scalarOf(uint64(j)))
		den.Multiply(den, scalarOfInt(int64(j-m)))
	}
	return num.Multiply(num, newScalar().Invert(den))
}

// plainPoints is v_j·G = β_j − Σ λ_m·D_{m,j} for each ciphertext.
func plainPoints(cts []Ciphertext, used []PartialDecryption) []*ristretto255.Element {
	set := make([]int, len(used))
	lambdas := make([]*ristretto255.Scalar, len(used))
	for i, d := range used {
		set[i] = d.Trustee
	}
	for i, m := range set {
		lambdas[i] = lagrange(set, m)
	}
	out := make([]*ristretto255.Element, len(cts))
	for j, c := range cts {
		factors := make([]*ristretto255.Element, len(used))
		for i, d := range used {
			factors[i] = d.Factors[j].e
		}
		xAlpha := newElement().VarTimeMultiScalarMult(lambdas, factors)
		out[j] = newElement().Subtract(c.Beta.e, xAlpha)
	}
	return out
}

// Verify checks a declared result: that its trustees' partial decryptions
// (found among partials) verify, that there are K of them, and that they
// decrypt each ciphertext to the declared value. It needs no discrete
// logarithm: it checks β − Σλ·D = v·G.
func (r Result) Verify(k ElectionKey, cts []Ciphertext, partials []PartialDecryption) error {
	if err := k.Validate(); err != nil {
		return err
	}
	if r.Election != k.Params.Election {
		return fmt.Errorf("%w: result for election %q, checked for %q", ErrWrongContext, r.Election, k.Params.Election)
	}
	if len(r.Trustees) != k.Params.Threshold {
		return fmt.Errorf("%w: the result names %d trustees; the threshold is %d", ErrNotEnoughShares, len(r.Trustees), k.Params.Threshold)
	}
	if len(r.Values) != len(cts) {
		return fmt.Errorf("%w: %d values for %d ciphertexts", ErrResultMismatch, len(r.Values), len(cts))
	}
	used := make([]PartialDecryption, 0, len(r.Trustees))
	for i, m := range r.Trustees {
		if i > 0 && m <= r.Trustees[i-1] {
			return fmt.Errorf("%w: the result's trustees must be distinct and in increasing order", ErrMalformed)
		}
		idx := slices.IndexFunc(partials, func(d PartialDecryption) bool { return d.Trustee == m })
		if idx < 0 {
			return fmt.Errorf("%w: no partial decryption by trustee %d, whom the result names", ErrNotEnoughShares, m)
		}
		if err := partials[idx].Verify(k, cts); err != nil {
			return err
		}
		used = append(used, partials[idx])
	}
	for j, M := range plainPoints(cts, used) {
		if M.Equal(base(r.Values[j])) != 1 {
			return fmt.Errorf("%w: ciphertext %d does not decrypt to the declared %d", ErrResultMismatch, j, r.Values[j])
		}
	}
	return nil
}

// Decrypt decrypts the tally's totals (see the function Decrypt).
func (t Tally) Decrypt(k ElectionKey, partials []PartialDecryption) (Result, error) {
	return Decrypt(k, t.Totals, partials, t.Weight)
}

// dlogTable finds v from v·G for 0 ≤ v ≤ bound by baby-step giant-step:
// baby steps j·G for j < m = ⌈√(bound+1)⌉ in a table, giant steps of −m·G.
type dlogTable struct {
	bound, m uint64
	baby     map[[32]byte]uint64
	giant    *ristretto255.Element
}

func newDlogTable(bound uint64) *dlogTable {
	m := uint64(math.Ceil(math.Sqrt(float64(bound) + 1)))
	t := &dlogTable{bound: bound, m: m, baby: make(map[[32]byte]uint64, m)}
	P := ristretto255.NewIdentityElement()
	G := ristretto255.NewGeneratorElement()
	var key [32]byte
	for j := uint64(0); j < m; j++ {
		copy(key[:], P.Bytes())
		t.baby[key] = j
		P.Add(P, G)
	}
	t.giant = newElement().Negate(base(m))
	return t
}

func (t *dlogTable) solve(M *ristretto255.Element) (uint64, bool) {
	P := newElement().Set(M)
	var key [32]byte
	for i := uint64(0); i*t.m <= t.bound; i++ {
		copy(key[:], P.Bytes())
		if j, ok := t.baby[key]; ok {
			if v := i*t.m + j; v <= t.bound {
				return v, true
			}
			return 0, false
		}
		P.Add(P, t.giant)
	}
	return 0, false
}
