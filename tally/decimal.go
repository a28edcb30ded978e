package tally

import (
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// decScale is the number of units in one; a Decimal counts units of 1e-9.
const decScale = 1_000_000_000

// decPlaces is the number of places after the point a Decimal holds.
const decPlaces = 9

// maxDecimalInt bounds the integer part of parsed decimals so that sums of
// many of them stay far from overflow.
const maxDecimalInt = 1_000_000_000

// Decimal is an exact decimal number with at most nine places after the
// point, used for votes, vote weights and transfer values. The zero value is
// zero. Decimals are values: the methods never modify their receiver.
type Decimal struct {
	u int64 // units of 1e-9
}

// ErrBadDecimal is returned (wrapped) by ParseDecimal for text that is not
// a decimal number plenum can hold exactly.
var ErrBadDecimal = errors.New("not a decimal number")

// Int returns the Decimal equal to the integer n.
func Int(n int64) Decimal { return Decimal{n * decScale} }

// fromUnits returns the Decimal of u units of 10^-places.
func fromUnits(u int64, places int) Decimal {
	m := int64(1)
	for range decPlaces - places {
		m *= 10
	}
	return Decimal{u * m}
}

// ParseDecimal parses a decimal such as "12", "1.5" or "-0.25" exactly.
// It refuses exponents, more than nine places after the point and integer
// parts of a trillion or more.
func ParseDecimal(s string) (Decimal, error) {
	t := s
	neg := false
	if strings.HasPrefix(t, "-") {
		neg, t = true, t[1:]
	} else if strings.HasPrefix(t, "+") {
		t = t[1:]
	}
	ip, fp, hasDot := strings.Cut(t, ".")
	if ip == "" && fp == "" || (hasDot && fp == "" && ip == "") {
		return Decimal{}, fmt.Errorf("%q: %w", s, ErrBadDecimal)
	}
	if len(fp) > decPlaces {
		return Decimal{}, fmt.Errorf("%q has more than %d places after the point: %w", s, decPlaces, ErrBadDecimal)
	}
	for _, r := range ip + fp {
		if r < '0' || r > '9' {
			return Decimal{}, fmt.Errorf("%q: %w", s, ErrBadDecimal)
		}
	}
	var i int64
	if ip != "" {
		v, err := strconv.ParseInt(ip, 10, 64)
		if err != nil || v >= maxDecimalInt {
			return Decimal{}, fmt.Errorf("%q is too large: %w", s, ErrBadDecimal)
		}
		i = v
	}
	var f int64
	if fp != "" {
		v, _ := strconv.ParseInt(fp, 10, 64)
		for range decPlaces - len(fp) {
			v *= 10
		}
		f = v
	}
	u := i*decScale + f
	if neg {
		u = -u
	}
	return Decimal{u}, nil
}

// MustDecimal is ParseDecimal for constants in programs and tests; it
// panics on bad text.
func MustDecimal(s string) Decimal {
	d, err := ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Add returns d+e.
func (d Decimal) Add(e Decimal) Decimal { return Decimal{d.u + e.u} }

// Sub returns d-e.
func (d Decimal) Sub(e Decimal) Decimal { return Decimal{d.u - e.u} }

// MulInt returns d×n.
func (d Decimal) MulInt(n int64) Decimal { return Decimal{d.u * n} }

// Cmp compares d and e and returns -1, 0 or +1.
func (d Decimal) Cmp(e Decimal) int {
	switch {
	case d.u < e.u:
		return -1
	case d.u > e.u:
		return 1
	}
	return 0
}

// Sign returns -1, 0 or +1 as d is negative, zero or positive.
func (d Decimal) Sign() int { return d.Cmp(Decimal{}) }

// IsZero reports whether d is zero.
func (d Decimal) IsZero() bool { return d.u == 0 }

// IsInt reports whether d is a whole number.
func (d Decimal) IsInt() bool { return d.u%decScale == 0 }

// IntPart returns the integer part of d, truncated towards zero.
func (d Decimal) IntPart() int64 { return d.u / decScale }

// Places returns the number of places after the point needed to write d
// exactly (0 for whole numbers).
func (d Decimal) Places() int {
	f := d.u % decScale
	if f < 0 {
		f = -f
	}
	p := decPlaces
	for p > 0 && f%10 == 0 {
		f /= 10
		p--
	}
	return p
}

// Rat returns d as an exact rational number.
func (d Decimal) Rat() *big.Rat { return big.NewRat(d.u, decScale) }

// String writes d exactly, with as few places after the point as needed.
func (d Decimal) String() string { return d.StringFixed(d.Places()) }

// StringFixed writes d with exactly places digits after the point,
// truncating further digits (places is between 0 and 9).
func (d Decimal) StringFixed(places int) string {
	places = min(max(places, 0), decPlaces)
	u := d.u
	sign := ""
	if u < 0 {
		sign, u = "-", -u
	}
	i, f := u/decScale, u%decScale
	if places == 0 {
		return sign + strconv.FormatInt(i, 10)
	}
	fs := fmt.Sprintf("%09d", f)[:places]
	return sign + strconv.FormatInt(i, 10) + "." + fs
}

// MarshalJSON writes d as a JSON number with its exact digits.
func (d Decimal) MarshalJSON() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalJSON reads a JSON number or string holding a decimal.
func (d *Decimal) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	v, err := ParseDecimal(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// granularity returns the smallest step, in units, in which all of ds are
// written: 1e9 units for whole numbers, 1e8 when one place is used, and so on.
func granularity(ds ...Decimal) int64 {
	p := 0
	for _, d := range ds {
		p = max(p, d.Places())
	}
	g := int64(decScale)
	for range p {
		g /= 10
	}
	return g
}
