package ballot

import "errors"

// The errors a caller must tell apart. Every error the package returns wraps
// one of them (test with errors.Is) and adds what was wrong and where.
var (
	// ErrMalformed: an encoding is not what the protocol specifies: a
	// point that is not a canonical ristretto255 encoding, a scalar that
	// is not reduced, a missing field, a wrong length. Fix the sender.
	ErrMalformed = errors.New("ballot: malformed encoding")
	// ErrNotCanonical: the JSON decodes but is not in its one canonical
	// form (field order, white space, hex case), so its hash would not be
	// the hash of the value. Re-encode it with this package.
	ErrNotCanonical = errors.New("ballot: encoding is not canonical")
	// ErrTooLarge: an input exceeds the package's bounds (bytes, options,
	// trustees, ballots). The bounds are documented on the constants.
	ErrTooLarge = errors.New("ballot: input too large")
	// ErrInvalidParameters: the election's parameters are inconsistent
	// (threshold above the number of trustees, minimum above maximum...).
	ErrInvalidParameters = errors.New("ballot: invalid parameters")
	// ErrWrongContext: a message is for another election, another voter,
	// another trustee or another question than the one it is checked for.
	ErrWrongContext = errors.New("ballot: message is for another context")
	// ErrInvalidProof: a zero-knowledge proof does not verify: the message
	// was altered, or its author did not know what it claims to know.
	ErrInvalidProof = errors.New("ballot: proof does not verify")
	// ErrBadDealing: a trustee's share of the key for another trustee does
	// not match the commitments the dealer published.
	ErrBadDealing = errors.New("ballot: key share does not match its dealer's commitments")
	// ErrNotEnoughShares: fewer valid partial decryptions than the
	// threshold: more trustees must decrypt.
	ErrNotEnoughShares = errors.New("ballot: not enough partial decryptions")
	// ErrOutOfRange: a decrypted total is not within the bound it must
	// lie in (the total weight of the ballots), so the inputs are wrong.
	ErrOutOfRange = errors.New("ballot: decrypted value out of range")
	// ErrResultMismatch: a declared result is not what the published
	// partial decryptions decrypt the totals to.
	ErrResultMismatch = errors.New("ballot: declared result does not match the decryption")
	// ErrInvalidChoice: the voter's plaintext choice breaks the question's
	// rules; nothing is encrypted.
	ErrInvalidChoice = errors.New("ballot: choice breaks the question's rules")
)
