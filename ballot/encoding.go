package ballot

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Size limits of the decoders, in bytes of JSON.
const (
	// MaxBallotBytes bounds an encoded ballot (a ranking ballot of
	// MaxRankedOptions options is about 140 kB).
	MaxBallotBytes = 1 << 20
	// MaxMessageBytes bounds every other message but a shuffle.
	MaxMessageBytes = 4 << 20
	// MaxShuffleBytes bounds an encoded shuffle (its input, output and
	// proof), and so the number of ranked ballots one shuffle can carry.
	MaxShuffleBytes = 256 << 20
)

// Encode is the one canonical JSON encoding of any message of this
// package: Go's encoding/json with the fields in their declared order, no
// white space, no HTML escaping, points and scalars as lower-case hex. A
// third party reproduces it byte for byte from the field lists in
// docs/secret-ballots.md.
func Encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		var me *json.MarshalerError
		if errors.As(err, &me) {
			return nil, me.Unwrap()
		}
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// decode reads exactly one canonical JSON value into v: at most limit
// bytes, no unknown field, nothing after it, every point and scalar valid,
// and the bytes equal to Encode of the result.
func decode(what string, data []byte, limit int, v any) error {
	if len(data) > limit {
		return fmt.Errorf("%w: a %s of %d bytes; the limit is %d", ErrTooLarge, what, len(data), limit)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, ErrMalformed) {
			return fmt.Errorf("decoding a %s: %w", what, err)
		}
		return fmt.Errorf("%w: decoding a %s: %v", ErrMalformed, what, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("%w: decoding a %s: data after the value", ErrMalformed, what)
	}
	again, err := Encode(v)
	if err != nil {
		return fmt.Errorf("decoding a %s: %w", what, err)
	}
	if !bytes.Equal(again, data) {
		return fmt.Errorf("%w: the %s is not in canonical form (no white space, fields in order, lower-case hex); re-encode it", ErrNotCanonical, what)
	}
	return nil
}

// DecodeBallot decodes a canonical ballot (it does not check the proofs:
// Ballot.Verify does).
func DecodeBallot(data []byte) (Ballot, error) {
	var b Ballot
	return b, decode("ballot", data, MaxBallotBytes, &b)
}

// DecodeTrusteeSecret decodes a trustee's private key file.
func DecodeTrusteeSecret(data []byte) (TrusteeSecret, error) {
	var s TrusteeSecret
	if err := decode("trustee key file", data, MaxMessageBytes, &s); err != nil {
		return TrusteeSecret{}, err
	}
	return s, s.Validate()
}

// DecodeTrusteeKey decodes a trustee's public key (TrusteeKey.Verify checks it).
func DecodeTrusteeKey(data []byte) (TrusteeKey, error) {
	var k TrusteeKey
	return k, decode("trustee key", data, MaxMessageBytes, &k)
}

// DecodeDealing decodes a dealing (Dealing.Verify checks it).
func DecodeDealing(data []byte) (Dealing, error) {
	var d Dealing
	return d, decode("dealing", data, MaxMessageBytes, &d)
}

// DecodeConfirmation decodes a trustee's confirmation (CombineKeys checks it).
func DecodeConfirmation(data []byte) (Confirmation, error) {
	var c Confirmation
	return c, decode("confirmation", data, MaxMessageBytes, &c)
}

// DecodeElectionKey decodes and validates an election key. Whether it is
// the key the ceremony gives is CombineKeys' to check.
func DecodeElectionKey(data []byte) (ElectionKey, error) {
	var k ElectionKey
	if err := decode("election key", data, MaxMessageBytes, &k); err != nil {
		return ElectionKey{}, err
	}
	return k, k.Validate()
}

// DecodeQuestion decodes and validates a question.
func DecodeQuestion(data []byte) (Question, error) {
	var q Question
	if err := decode("question", data, MaxMessageBytes, &q); err != nil {
		return Question{}, err
	}
	return q, q.Validate()
}

// DecodeTally decodes an encrypted tally (Tally.Verify checks it).
func DecodeTally(data []byte) (Tally, error) {
	var t Tally
	return t, decode("tally", data, MaxMessageBytes, &t)
}

// DecodePartialDecryption decodes a trustee's partial decryption
// (PartialDecryption.Verify checks it).
func DecodePartialDecryption(data []byte) (PartialDecryption, error) {
	var d PartialDecryption
	return d, decode("partial decryption", data, MaxShuffleBytes, &d)
}

// DecodeResult decodes a declared result (Result.Verify checks it).
func DecodeResult(data []byte) (Result, error) {
	var r Result
	return r, decode("result", data, MaxShuffleBytes, &r)
}

// DecodeShuffle decodes a shuffle (Shuffle.Verify checks it).
func DecodeShuffle(data []byte) (Shuffle, error) {
	var s Shuffle
	return s, decode("shuffle", data, MaxShuffleBytes, &s)
}
