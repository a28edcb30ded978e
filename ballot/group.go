package ballot

import (
	"crypto/sha512"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"

	"github.com/gtank/ristretto255"
)

// Point is an element of the ristretto255 group. It is encoded as the 64
// lower-case hexadecimal digits of its canonical 32-byte encoding (RFC 9496,
// section 4.3.2); decoding refuses any other encoding. The zero Point is
// "missing" and is refused wherever a point is required.
type Point struct{ e *ristretto255.Element }

// Scalar is an integer modulo the order l of ristretto255, encoded as the 64
// lower-case hexadecimal digits of its 32-byte little-endian form; decoding
// refuses a value that is not reduced (≥ l). The zero Scalar is "missing".
type Scalar struct{ s *ristretto255.Scalar }

func pt(e *ristretto255.Element) Point { return Point{e} }
func sc(s *ristretto255.Scalar) Scalar { return Scalar{s} }

// Bytes returns the canonical 32-byte encoding, or nil for a missing point.
func (p Point) Bytes() []byte {
	if p.e == nil {
		return nil
	}
	return p.e.Bytes()
}

// Equal reports whether p and q are the same group element.
func (p Point) Equal(q Point) bool {
	return p.e != nil && q.e != nil && p.e.Equal(q.e) == 1
}

// Bytes returns the canonical 32-byte encoding, or nil for a missing scalar.
func (s Scalar) Bytes() []byte {
	if s.s == nil {
		return nil
	}
	return s.s.Bytes()
}

// MarshalJSON encodes p as a JSON string of 64 lower-case hex digits.
func (p Point) MarshalJSON() ([]byte, error) {
	if p.e == nil {
		return nil, fmt.Errorf("%w: missing point", ErrMalformed)
	}
	return hexJSON(p.e.Bytes()), nil
}

// UnmarshalJSON decodes a canonical point; see Point.
func (p *Point) UnmarshalJSON(b []byte) error {
	raw, err := unhexJSON(b)
	if err != nil {
		return err
	}
	e, err := ristretto255.NewElement().SetCanonicalBytes(raw)
	if err != nil {
		return fmt.Errorf("%w: %x is not a canonical ristretto255 point", ErrMalformed, raw)
	}
	p.e = e
	return nil
}

// MarshalJSON encodes s as a JSON string of 64 lower-case hex digits.
func (s Scalar) MarshalJSON() ([]byte, error) {
	if s.s == nil {
		return nil, fmt.Errorf("%w: missing scalar", ErrMalformed)
	}
	return hexJSON(s.s.Bytes()), nil
}

// UnmarshalJSON decodes a reduced scalar; see Scalar.
func (s *Scalar) UnmarshalJSON(b []byte) error {
	raw, err := unhexJSON(b)
	if err != nil {
		return err
	}
	v, err := ristretto255.NewScalar().SetCanonicalBytes(raw)
	if err != nil {
		return fmt.Errorf("%w: %x is not a reduced scalar (must be below the group order)", ErrMalformed, raw)
	}
	s.s = v
	return nil
}

func hexJSON(b []byte) []byte {
	out := make([]byte, 0, 2*len(b)+2)
	out = append(out, '"')
	out = hex.AppendEncode(out, b)
	return append(out, '"')
}

// unhexJSON reads a JSON string of exactly 64 lower-case hex digits.
func unhexJSON(b []byte) ([]byte, error) { return unhexN(b, 32) }

// need checks that a decoded point is present, naming it otherwise.
func (p Point) need(name string) error {
	if p.e == nil {
		return fmt.Errorf("%w: %s is missing", ErrMalformed, name)
	}
	return nil
}

// needKey checks that a public key is present and not the identity (a key
// of zero would let anyone decrypt or forge).
func (p Point) needKey(name string) error {
	if err := p.need(name); err != nil {
		return err
	}
	if p.e.Equal(ristretto255.NewIdentityElement()) == 1 {
		return fmt.Errorf("%w: %s is the identity, which is never a valid key", ErrMalformed, name)
	}
	return nil
}

func (s Scalar) need(name string) error {
	if s.s == nil {
		return fmt.Errorf("%w: %s is missing", ErrMalformed, name)
	}
	return nil
}

// randomScalar draws a uniform scalar from 64 bytes of r (the wide
// reduction of RFC 9496, so the bias is below 2^-250).
func randomScalar(r io.Reader) (*ristretto255.Scalar, error) {
	var b [64]byte
	if _, err := io.ReadFull(r, b[:]); err != nil {
		return nil, fmt.Errorf("ballot: reading randomness: %w", err)
	}
	s, err := ristretto255.NewScalar().SetUniformBytes(b[:])
	if err != nil {
		panic(err) // 64 bytes is the length SetUniformBytes wants
	}
	return s, nil
}

// scalarOf is the scalar for a small non-negative integer.
func scalarOf(n uint64) *ristretto255.Scalar {
	var b [32]byte
	binary.LittleEndian.PutUint64(b[:], n)
	s, err := ristretto255.NewScalar().SetCanonicalBytes(b[:])
	if err != nil {
		panic(err) // any uint64 is below the group order
	}
	return s
}

// scalarOfInt is the scalar for a signed integer (negative n is l-|n|).
func scalarOfInt(n int64) *ristretto255.Scalar {
	if n >= 0 {
		return scalarOf(uint64(n))
	}
	return ristretto255.NewScalar().Negate(scalarOf(uint64(-n)))
}

// base is n·G for a small integer n.
func base(n uint64) *ristretto255.Element {
	return ristretto255.NewElement().ScalarBaseMult(scalarOf(n))
}

// generator derives an element of the group whose discrete logarithm to
// any other is unknown: the RFC 9496 element derivation (one-way map) of
// SHA-512("plenum-ballot-v1/generator" || label || uint32be(i)), label
// length-prefixed as in the transcript. The shuffle proof's commitments
// need such independent generators.
func generator(label string, i int) *ristretto255.Element {
	h := sha512.New()
	writeField(h, []byte(protocol+"/generator"))
	writeField(h, []byte(label))
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(i))
	writeField(h, n[:])
	e, err := ristretto255.NewElement().SetUniformBytes(h.Sum(nil))
	if err != nil {
		panic(err)
	}
	return e
}

func newScalar() *ristretto255.Scalar   { return ristretto255.NewScalar() }
func newElement() *ristretto255.Element { return ristretto255.NewElement() }
