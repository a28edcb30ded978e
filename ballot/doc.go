// Package ballot is the cryptography of plenum's secret ballots: election
// keys held by trustees, ballots encrypted on the voter's device with
// zero-knowledge proofs that they respect the rules, the homomorphic count,
// a verifiable re-encryption shuffle for ranked ballots, and threshold
// decryption with proofs.
//
// The group is ristretto255 (RFC 9496) from github.com/gtank/ristretto255,
// built on filippo.io/edwards25519; this package does no field or curve
// arithmetic of its own. Ballots are exponential ElGamal ciphertexts under a
// key that no single party holds: trustees run a dealerless distributed key
// generation (Pedersen's DKG with Feldman-verifiable shares), and any K of the
// N trustees decrypt the totals together. Every step publishes a
// non-interactive proof (Fiat–Shamir over SHA-512 with domain separation that
// binds the election, the election key, the voter's mandate and the statement),
// so that anyone holding the published messages can check the count without
// trusting the server, a trustee or this implementation.
//
// Every message has one canonical JSON encoding; the decoders refuse any
// other (unknown fields, non-canonical points or scalars, upper-case hex,
// white space), so the bytes a verifier hashes are the bytes that were
// recorded. docs/secret-ballots.md specifies the protocol and the encodings
// for writers of independent verifiers; testdata/vectors.json holds
// known-answer vectors for every operation.
//
// The package is pure computation: randomness comes from the io.Reader the
// caller passes, there is no I/O, clock or global state, and it builds
// unchanged for the browser (GOOS=js GOARCH=wasm, see ballot/wasm).
package ballot
