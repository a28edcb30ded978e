// Package testrand is a deterministic stream of bytes for known-answer test
// vectors: block i of the stream is SHA-512(seed || uint64be(i)). It is for
// tests and vector generation only; never use it for real keys or ballots.
package testrand

import (
	"crypto/sha512"
	"encoding/binary"
)

// Reader is the deterministic stream for one seed; it never fails.
type Reader struct {
	seed  []byte
	block uint64
	buf   []byte
}

// New returns the stream for seed.
func New(seed string) *Reader { return &Reader{seed: []byte(seed)} }

// Read fills p from the stream.
func (r *Reader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if len(r.buf) == 0 {
			h := sha512.New()
			h.Write(r.seed)
			var i [8]byte
			binary.BigEndian.PutUint64(i[:], r.block)
			h.Write(i[:])
			r.buf = h.Sum(nil)
			r.block++
		}
		c := copy(p[n:], r.buf)
		r.buf = r.buf[c:]
		n += c
	}
	return n, nil
}
