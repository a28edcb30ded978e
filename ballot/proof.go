package ballot

import (
	"fmt"
	"io"

	"github.com/gtank/ristretto255"
)

// SchnorrProof proves knowledge of x such that X = x·G. The prover draws w,
// commits R = w·G, takes c = H(transcript, X, R) and answers s = w + c·x; the
// verifier recomputes R = s·G − c·X and checks that it hashes to c.
type SchnorrProof struct {
	Challenge Scalar `json:"c"`
	Response  Scalar `json:"s"`
}

func proveSchnorr(t *transcript, x *ristretto255.Scalar, X *ristretto255.Element, rand io.Reader) (SchnorrProof, error) {
	w, err := randomScalar(rand)
	if err != nil {
		return SchnorrProof{}, err
	}
	R := newElement().ScalarBaseMult(w)
	c := t.point(X).point(R).challenge()
	s := newScalar().Multiply(c, x)
	s.Add(s, w)
	return SchnorrProof{sc(c), sc(s)}, nil
}

func (p SchnorrProof) verify(t *transcript, X *ristretto255.Element) bool {
	if p.Challenge.s == nil || p.Response.s == nil {
		return false
	}
	negC := newScalar().Negate(p.Challenge.s)
	R := newElement().VarTimeDoubleScalarBaseMult(negC, X, p.Response.s)
	return t.point(X).point(R).challenge().Equal(p.Challenge.s) == 1
}

// EqualityProof (Chaum–Pedersen) proves that X = x·G and D = x·A for one x
// without revealing it: R1 = w·G, R2 = w·A, c = H(transcript, X, A, D, R1,
// R2), s = w + c·x; the verifier recomputes R1 = s·G − c·X and R2 = s·A − c·D.
type EqualityProof struct {
	Challenge Scalar `json:"c"`
	Response  Scalar `json:"s"`
}

func proveEquality(t *transcript, x *ristretto255.Scalar, X, A, D *ristretto255.Element, rand io.Reader) (EqualityProof, error) {
	w, err := randomScalar(rand)
	if err != nil {
		return EqualityProof{}, err
	}
	R1 := newElement().ScalarBaseMult(w)
	R2 := newElement().ScalarMult(w, A)
	c := t.point(X).point(A).point(D).point(R1).point(R2).challenge()
	s := newScalar().Multiply(c, x)
	s.Add(s, w)
	return EqualityProof{sc(c), sc(s)}, nil
}

func (p EqualityProof) verify(t *transcript, X, A, D *ristretto255.Element) bool {
	if p.Challenge.s == nil || p.Response.s == nil {
		return false
	}
	negC := newScalar().Negate(p.Challenge.s)
	R1 := newElement().VarTimeDoubleScalarBaseMult(negC, X, p.Response.s)
	R2 := newElement().VarTimeMultiScalarMult([]*ristretto255.Scalar{p.Response.s, negC}, []*ristretto255.Element{A, D})
	return t.point(X).point(A).point(D).point(R1).point(R2).challenge().Equal(p.Challenge.s) == 1
}

// MembershipProof is a disjunctive Chaum–Pedersen proof (Cramer–Damgård–
// Schoenmakers) that a ciphertext (α, β) under Y encrypts one of a public
// list of values v_0..v_{n−1}, without saying which: one branch per value,
// branch j claiming α = r·G and β − v_j·G = r·Y. The prover simulates every
// branch but the true one, takes c = H(transcript, Y, α, β, n, v_0..v_{n−1},
// R1_0, R2_0, ..., R1_{n−1}, R2_{n−1}) and splits it so that the branch
// challenges sum to c. The verifier recomputes every R1_j = s_j·G − c_j·α,
// R2_j = s_j·Y − c_j·(β − v_j·G) and checks Σ c_j = H(...).
type MembershipProof []SchnorrProof

func proveMembership(t *transcript, y *ristretto255.Element, ct Ciphertext, r *ristretto255.Scalar, values []uint64, k int, rand io.Reader) (MembershipProof, error) {
	n := len(values)
	proof := make(MembershipProof, n)
	R1s := make([]*ristretto255.Element, n)
	R2s := make([]*ristretto255.Element, n)
	sumC := newScalar()
	var w *ristretto255.Scalar
	for j := range n {
		if j == k {
			var err error
			if w, err = randomScalar(rand); err != nil {
				return nil, err
			}
			R1s[j] = newElement().ScalarBaseMult(w)
			R2s[j] = newElement().ScalarMult(w, y)
			continue
		}
		c, err := randomScalar(rand)
		if err != nil {
			return nil, err
		}
		s, err := randomScalar(rand)
		if err != nil {
			return nil, err
		}
		// Constant-time operations here as for the true branch, so
		// that the time taken depends less on which branch is true.
		negC := newScalar().Negate(c)
		shifted := newElement().Subtract(ct.Beta.e, base(values[j]))
		R1s[j] = newElement().MultiScalarMult([]*ristretto255.Scalar{s, negC}, []*ristretto255.Element{ristretto255.NewGeneratorElement(), ct.Alpha.e})
		R2s[j] = newElement().MultiScalarMult([]*ristretto255.Scalar{s, negC}, []*ristretto255.Element{y, shifted})
		proof[j] = SchnorrProof{sc(c), sc(s)}
		sumC.Add(sumC, c)
	}
	c := membershipChallenge(t, y, ct, values, R1s, R2s)
	ck := newScalar().Subtract(c, sumC)
	sk := newScalar().Multiply(ck, r)
	sk.Add(sk, w)
	proof[k] = SchnorrProof{sc(ck), sc(sk)}
	return proof, nil
}

func membershipCommitments(y *ristretto255.Element, ct Ciphertext, v uint64, c, s *ristretto255.Scalar) (R1, R2 *ristretto255.Element) {
	negC := newScalar().Negate(c)
	R1 = newElement().VarTimeDoubleScalarBaseMult(negC, ct.Alpha.e, s)
	shifted := newElement().Subtract(ct.Beta.e, base(v))
	R2 = newElement().VarTimeMultiScalarMult([]*ristretto255.Scalar{s, negC}, []*ristretto255.Element{y, shifted})
	return R1, R2
}

func membershipChallenge(t *transcript, y *ristretto255.Element, ct Ciphertext, values []uint64, R1s, R2s []*ristretto255.Element) *ristretto255.Scalar {
	t.point(y).ciphertext(ct).u64(uint64(len(values)))
	for _, v := range values {
		t.u64(v)
	}
	for j := range R1s {
		t.point(R1s[j]).point(R2s[j])
	}
	return t.challenge()
}

func (p MembershipProof) verify(t *transcript, y *ristretto255.Element, ct Ciphertext, values []uint64) error {
	if len(p) != len(values) {
		return fmt.Errorf("%w: %d branches for %d allowed values", ErrInvalidProof, len(p), len(values))
	}
	R1s := make([]*ristretto255.Element, len(p))
	R2s := make([]*ristretto255.Element, len(p))
	sumC := newScalar()
	for j, b := range p {
		if b.Challenge.s == nil || b.Response.s == nil {
			return fmt.Errorf("%w: branch %d is missing", ErrMalformed, j)
		}
		R1s[j], R2s[j] = membershipCommitments(y, ct, values[j], b.Challenge.s, b.Response.s)
		sumC.Add(sumC, b.Challenge.s)
	}
	if membershipChallenge(t, y, ct, values, R1s, R2s).Equal(sumC) != 1 {
		return ErrInvalidProof
	}
	return nil
}

// span is the list lo, lo+1, ..., hi.
func span(lo, hi uint64) []uint64 {
	out := make([]uint64, 0, hi-lo+1)
	for v := lo; v <= hi; v++ {
		out = append(out, v)
	}
	return out
}
