// Package keyderive makes secrets and keys from the server's signing key
// that only a holder of that key can make, for the ballot boxes (package
// engine) and the access rows' and cluster registry's MACs (package
// auth). Each use signs a message of its own and labels its keys for
// itself alone, so that no derived key is another's or the signing
// key's.
package keyderive

import (
	"bytes"
	"crypto/hkdf"
	"crypto/sha256"
	"errors"

	"golang.org/x/mod/sumdb/note"
)

// ErrNotDeterministic is Secret's error for a signer whose two
// signatures of one message differ: what is derived from it would not
// be the same after a restart.
var ErrNotDeterministic = errors.New("the signer's signatures are not deterministic")

// Secret is the signer's signature of message, made twice and refused
// (ErrNotDeterministic) if the two differ. An Ed25519 signature is
// deterministic, so the same key makes the same secret after a restart,
// and nobody without the key can make it. The message should hold a NUL,
// so that it is never a note's text (nor a checkpoint's) that the key
// signs for the log.
func Secret(signer note.Signer, message string) ([]byte, error) {
	a, err := signer.Sign([]byte(message))
	if err != nil {
		return nil, err
	}
	b, err := signer.Sign([]byte(message))
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(a, b) {
		return nil, ErrNotDeterministic
	}
	return a, nil
}

// Key is the size-byte key HKDF-SHA-256 derives from secret under label
// (no salt).
func Key(secret []byte, label string, size int) ([]byte, error) {
	return hkdf.Key(sha256.New, secret, nil, label, size)
}
