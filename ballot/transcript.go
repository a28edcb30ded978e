package ballot

import (
	"crypto/sha512"
	"encoding/binary"
	"hash"
	"io"

	"github.com/gtank/ristretto255"
)

// protocol names this protocol and its version in every hash it computes, so
// that no hash of plenum-ballot-v1 equals a hash of anything else.
const protocol = "plenum-ballot-v1"

// A transcript is the Fiat–Shamir hash of one proof. Every field written to
// it is length-prefixed (uint32 big-endian length, then the bytes), so that
// no two different sequences of fields hash the same. It starts with the
// protocol name and the proof's kind; then the context (election, election
// key, voter or trustee, question, position); then the statement (the
// public values the proof is about); then the prover's commitments. The
// challenge is SHA-512 of all of it, reduced modulo l (RFC 9496's wide
// reduction).
type transcript struct{ h hash.Hash }

// Proof kinds: the second field of every transcript.
const (
	kindKeyShare   = "key-share"         // Schnorr: a trustee knows its key
	kindDealing    = "dealing"           // Schnorr: a dealer knows its polynomial's constant
	kindConfirm    = "confirm"           // Schnorr: a trustee knows its share of the election key
	kindChoice     = "choice"            // disjunctive Chaum–Pedersen: an option encrypts 0 or 1
	kindChoiceSum  = "choice-sum"        // disjunctive Chaum–Pedersen: the options sum to an allowed count
	kindRank       = "rank"              // disjunctive Chaum–Pedersen: a rank encrypts 0..n
	kindDecryption = "decryption"        // Chaum–Pedersen: a partial decryption is correct
	kindShuffle    = "shuffle"           // Terelius–Wikström: a shuffle is a re-encrypted permutation
	kindShuffleU   = "shuffle-challenge" // the shuffle's per-ballot challenges
)

func writeField(w io.Writer, b []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(b)))
	w.Write(n[:])
	w.Write(b)
}

func newTranscript(kind string) *transcript {
	t := &transcript{h: sha512.New()}
	t.bytes([]byte(protocol))
	t.bytes([]byte(kind))
	return t
}

func (t *transcript) bytes(b []byte) *transcript { writeField(t.h, b); return t }
func (t *transcript) str(s string) *transcript   { return t.bytes([]byte(s)) }

// u64 writes n as an 8-byte big-endian field.
func (t *transcript) u64(n uint64) *transcript {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], n)
	return t.bytes(b[:])
}

func (t *transcript) point(e *ristretto255.Element) *transcript { return t.bytes(e.Bytes()) }

func (t *transcript) ciphertext(c Ciphertext) *transcript {
	return t.point(c.Alpha.e).point(c.Beta.e)
}

// challenge is SHA-512 of everything written, as a scalar.
func (t *transcript) challenge() *ristretto255.Scalar {
	s, err := ristretto255.NewScalar().SetUniformBytes(t.h.Sum(nil))
	if err != nil {
		panic(err)
	}
	return s
}
