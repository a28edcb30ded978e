package ballot

import (
	"testing"

	"github.com/gtank/ristretto255"

	"plenum/ballot/internal/testrand"
)

// TestMembershipProofs checks completeness (an honest proof of any allowed
// value verifies) and soundness as far as a test can: a prover whose
// ciphertext encrypts a value outside the set, running the honest
// algorithm with any branch, produces a proof that is refused; and a
// proof does not carry over to another statement or transcript.
func TestMembershipProofs(t *testing.T) {
	rand := testrand.New("membership")
	y := newElement().ScalarBaseMult(scalarOf(12345))
	ctx := func() *transcript { return newTranscript("test").str("ctx") }
	sets := [][]uint64{{0, 1}, {1}, {0, 1, 2, 3}, span(2, 6)}
	for _, values := range sets {
		for m := uint64(0); m <= 7; m++ {
			r, _ := randomScalar(rand)
			ct := encrypt(y, m, r)
			for k := range values {
				p, err := proveMembership(ctx(), y, ct, r, values, k, rand)
				if err != nil {
					t.Fatal(err)
				}
				err = p.verify(ctx(), y, ct, values)
				if honest := values[k] == m; honest != (err == nil) {
					t.Fatalf("values %v, plaintext %d, branch %d: verify = %v", values, m, k, err)
				}
				if values[k] != m {
					continue
				}
				if p.verify(newTranscript("test").str("other"), y, ct, values) == nil {
					t.Fatal("proof verified under another context")
				}
				other := ct.reencrypt(y, scalarOf(1))
				if p.verify(ctx(), y, other, values) == nil {
					t.Fatal("proof verified for a re-encrypted ciphertext")
				}
			}
		}
	}
}

// TestEqualityAndSchnorrProofs: completeness, and refusal of a wrong
// witness, another context and another statement.
func TestEqualityAndSchnorrProofs(t *testing.T) {
	rand := testrand.New("equality")
	for range 20 {
		x, _ := randomScalar(rand)
		wrong, _ := randomScalar(rand)
		a, _ := randomScalar(rand)
		X := newElement().ScalarBaseMult(x)
		A := newElement().ScalarBaseMult(a)
		D := newElement().ScalarMult(x, A)
		ctx := func() *transcript { return newTranscript("test") }
		p, _ := proveEquality(ctx(), x, X, A, D, rand)
		if !p.verify(ctx(), X, A, D) {
			t.Fatal("honest equality proof refused")
		}
		Dw := newElement().ScalarMult(wrong, A)
		pw, _ := proveEquality(ctx(), x, X, A, Dw, rand)
		if pw.verify(ctx(), X, A, Dw) {
			t.Fatal("equality proof of unequal logarithms accepted")
		}
		if p.verify(newTranscript("other"), X, A, D) {
			t.Fatal("equality proof accepted in another context")
		}
		s, _ := proveSchnorr(ctx(), x, X, rand)
		if !s.verify(ctx(), X) {
			t.Fatal("honest Schnorr proof refused")
		}
		sw, _ := proveSchnorr(ctx(), wrong, X, rand)
		if sw.verify(ctx(), X) {
			t.Fatal("Schnorr proof with the wrong secret accepted")
		}
		if s.verify(ctx(), A) {
			t.Fatal("Schnorr proof accepted for another key")
		}
	}
}

// TestSumProofSoundness: a ballot whose options are each 0 or 1 but whose
// sum breaks the rules cannot carry a valid sum proof.
func TestSumProofSoundness(t *testing.T) {
	rand := testrand.New("sum-soundness")
	key := ElectionKey{Params: Parameters{Election: "e", Trustees: 1, Threshold: 1}}
	y := newElement().ScalarBaseMult(scalarOf(99))
	key.Key, key.VerificationKeys = pt(y), []Point{pt(y)}
	q := Question{Kind: Choice, Options: 3, Min: 1, Max: 1}
	b, err := Encrypt(key, q, "v", []int{1, 0, 0}, rand)
	if err != nil {
		t.Fatal(err)
	}
	// Mark a second option, with an honest 0/1 proof for it.
	r, _ := randomScalar(rand)
	b.Choices[1] = encrypt(y, 1, r)
	b.Proofs[1], _ = proveMembership(ballotTranscript(kindChoice, key, "v", q, 1), y, b.Choices[1], r, []uint64{0, 1}, 1, rand)
	if err := b.Proofs[1].verify(ballotTranscript(kindChoice, key, "v", q, 1), y, b.Choices[1], []uint64{0, 1}); err != nil {
		t.Fatal(err)
	}
	if err := b.Verify(key, q, "v"); err == nil {
		t.Fatal("a ballot with two marks passed as exactly one")
	}
}

// TestDealerWrongShare: a dealer who seals, correctly, a value that is not
// its polynomial's is named by the recipient.
func TestDealerWrongShare(t *testing.T) {
	rand := testrand.New("wrong-share")
	p := Parameters{Election: "e", Trustees: 2, Threshold: 2}
	s1, k1, _ := GenerateTrustee(p, 1, rand)
	s2, k2, _ := GenerateTrustee(p, 2, rand)
	keys := []TrusteeKey{k1, k2}
	d1, _ := Deal(s1, keys, rand)
	d2, _ := Deal(s2, keys, rand)
	// Reseal dealer 1's share for trustee 2 as f(2)+1.
	E1, E2 := k1.Key.e, k2.Key.e
	dh := newElement().ScalarMult(s1.Secret.s, E2)
	v := evalPolynomial(s1.polynomial(), 2)
	v.Add(v, scalarOf(1))
	shareKey(p, 1, 2, E1, E2, dh).Seal(d1.Shares[0].Box[:0], zeroNonce[:], v.Bytes(), nil)
	_, err := OpenShares(s2, keys, []Dealing{d1, d2})
	if ErrorCode(err) != "bad-dealing" || err.Error() != "ballot: key share does not match its dealer's commitments: the share from dealer 1 does not match its commitments" {
		t.Fatalf("got %v", err)
	}
}

// TestDlogTable: every value up to the bound is found, none beyond.
func TestDlogTable(t *testing.T) {
	for _, bound := range []uint64{0, 1, 2, 10, 99, 100, 1000} {
		table := newDlogTable(bound)
		for v := uint64(0); v <= bound+3; v++ {
			got, ok := table.solve(base(v))
			if ok != (v <= bound) || ok && got != v {
				t.Fatalf("bound %d, value %d: got %d %v", bound, v, got, ok)
			}
		}
	}
	if _, ok := newDlogTable(10).solve(ristretto255.NewGeneratorElement().Negate(base(1))); ok {
		t.Fatal("-1 found")
	}
}
