package keyderive

import (
	"bytes"
	crand "crypto/rand"
	"errors"
	"testing"

	"golang.org/x/mod/sumdb/note"
)

// randomSigner signs with fresh random bytes each time, as a signer with
// randomised signatures would.
type randomSigner struct{}

func (randomSigner) Name() string    { return "random.example" }
func (randomSigner) KeyHash() uint32 { return 1 }
func (randomSigner) Sign([]byte) ([]byte, error) {
	b := make([]byte, 64)
	crand.Read(b)
	return b, nil
}

// TestSecret: an Ed25519 signer makes the same secret twice, and another
// message makes another; a signer whose signatures vary is refused.
func TestSecret(t *testing.T) {
	signer, err := note.NewSigner("PRIVATE+KEY+pin.example+d6f6beaa+AQcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Secret(signer, "one\x00")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Secret(signer, "one\x00")
	if err != nil || !bytes.Equal(a, b) {
		t.Fatalf("one message, twice: %x %x %v", a, b, err)
	}
	if c, err := Secret(signer, "two\x00"); err != nil || bytes.Equal(a, c) {
		t.Fatalf("another message makes the same secret: %x, %v", c, err)
	}
	if s, err := Secret(randomSigner{}, "one\x00"); !errors.Is(err, ErrNotDeterministic) {
		t.Fatalf("a signer whose signatures vary: %x, %v", s, err)
	}
}
