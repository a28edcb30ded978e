package ballot

import (
	"fmt"

	"github.com/gtank/ristretto255"
)

// Ciphertext is an exponential ElGamal encryption of a small integer m under
// the election key Y: Alpha = r·G and Beta = m·G + r·Y for a random r. The
// product of two ciphertexts (here written as the sum of points) encrypts the
// sum of their plaintexts, which is what the count uses.
type Ciphertext struct {
	Alpha Point `json:"a"`
	Beta  Point `json:"b"`
}

// encrypt is the ciphertext of m under y with randomness r.
func encrypt(y *ristretto255.Element, m uint64, r *ristretto255.Scalar) Ciphertext {
	alpha := newElement().ScalarBaseMult(r)
	beta := newElement().ScalarMult(r, y)
	beta.Add(beta, base(m))
	return Ciphertext{pt(alpha), pt(beta)}
}

// zeroCiphertext is the identity: the encryption of 0 with randomness 0.
func zeroCiphertext() Ciphertext {
	return Ciphertext{pt(ristretto255.NewIdentityElement()), pt(ristretto255.NewIdentityElement())}
}

// add is the ciphertext of the sum of c's and d's plaintexts.
func (c Ciphertext) add(d Ciphertext) Ciphertext {
	return Ciphertext{
		pt(newElement().Add(c.Alpha.e, d.Alpha.e)),
		pt(newElement().Add(c.Beta.e, d.Beta.e)),
	}
}

// scale is the ciphertext of w times c's plaintext.
func (c Ciphertext) scale(w uint64) Ciphertext {
	s := scalarOf(w)
	return Ciphertext{
		pt(newElement().ScalarMult(s, c.Alpha.e)),
		pt(newElement().ScalarMult(s, c.Beta.e)),
	}
}

// reencrypt adds an encryption of zero with randomness r.
func (c Ciphertext) reencrypt(y *ristretto255.Element, r *ristretto255.Scalar) Ciphertext {
	return c.add(encrypt(y, 0, r))
}

// Equal reports whether c and d are the same ciphertext.
func (c Ciphertext) Equal(d Ciphertext) bool {
	return c.Alpha.Equal(d.Alpha) && c.Beta.Equal(d.Beta)
}

func (c Ciphertext) need(name string) error {
	if err := c.Alpha.need(name + ".a"); err != nil {
		return err
	}
	return c.Beta.need(name + ".b")
}

func needCiphertexts(name string, cs []Ciphertext) error {
	for i, c := range cs {
		if err := c.need(fmt.Sprintf("%s[%d]", name, i)); err != nil {
			return err
		}
	}
	return nil
}
