package witness

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/mod/sumdb/note"
)

// algCosignatureV1 is the signature type byte of Ed25519 cosignature/v1
// keys in verifier keys and key IDs (c2sp.org/tlog-cosignature).
const algCosignatureV1 = 0x04

// cosignatureSize is the length of an Ed25519 cosignature: a big-endian
// 64-bit timestamp followed by the Ed25519 signature.
const cosignatureSize = 8 + ed25519.SignatureSize

// ErrMalformedKey is wrapped by every error returned for a key that cannot
// be parsed.
var ErrMalformedKey = errors.New("malformed cosigner key")

// Signer makes cosignature/v1 signatures on checkpoints. It implements
// note.Signer, so note.Sign(&note.Note{Text: body}, s) cosigns a checkpoint.
type Signer struct {
	name string
	id   uint32
	key  ed25519.PrivateKey
	now  func() time.Time
}

// Verifier checks cosignature/v1 signatures. It implements note.Verifier,
// so note.Open can check the cosignatures of a checkpoint.
type Verifier struct {
	name string
	id   uint32
	key  ed25519.PublicKey
}

// validName reports whether name can name a cosigner: non-empty UTF-8
// without Unicode spaces or '+', as for every note key name.
func validName(name string) bool {
	return name != "" && utf8.ValidString(name) && !strings.ContainsFunc(name, unicode.IsSpace) && !strings.Contains(name, "+")
}

// keyID is SHA-256(name || "\n" || 0x04 || public key)[:4].
func keyID(name string, pub ed25519.PublicKey) uint32 {
	h := sha256.New()
	h.Write([]byte(name))
	h.Write([]byte{'\n', algCosignatureV1})
	h.Write(pub)
	return binary.BigEndian.Uint32(h.Sum(nil))
}

// NewSigner returns a cosigner named name with the given Ed25519 key.
func NewSigner(name string, key ed25519.PrivateKey) (*Signer, error) {
	if !validName(name) {
		return nil, fmt.Errorf("%w: invalid name %q: use no spaces and no '+'", ErrMalformedKey, name)
	}
	if len(key) != ed25519.PrivateKeySize {
		return nil, fmt.Errorf("%w: Ed25519 private key of %d bytes", ErrMalformedKey, len(key))
	}
	pub := key.Public().(ed25519.PublicKey)
	return &Signer{name: name, id: keyID(name, pub), key: key, now: time.Now}, nil
}

// GenerateKey returns a new cosigner key named name, encoded as a signer
// key ("PRIVATE+KEY+<name>+<id>+base64(0x04 || seed)") and as a verifier
// key ("<name>+<id>+base64(0x04 || public key)").
func GenerateKey(name string) (skey, vkey string, err error) {
	if !validName(name) {
		return "", "", fmt.Errorf("%w: invalid name %q: use no spaces and no '+'", ErrMalformedKey, name)
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return "", "", err
	}
	id := keyID(name, pub)
	skey = fmt.Sprintf("PRIVATE+KEY+%s+%08x+%s", name, id, base64.StdEncoding.EncodeToString(append([]byte{algCosignatureV1}, priv.Seed()...)))
	vkey = fmt.Sprintf("%s+%08x+%s", name, id, base64.StdEncoding.EncodeToString(append([]byte{algCosignatureV1}, pub...)))
	return skey, vkey, nil
}

// ParseSigner parses a signer key written by GenerateKey.
func ParseSigner(skey string) (*Signer, error) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(skey), "PRIVATE+KEY+")
	if !ok {
		return nil, fmt.Errorf("%w: missing PRIVATE+KEY+ prefix", ErrMalformedKey)
	}
	name, id, raw, err := splitKey(rest)
	if err != nil {
		return nil, err
	}
	if len(raw) != 1+ed25519.SeedSize || raw[0] != algCosignatureV1 {
		return nil, fmt.Errorf("%w: not an Ed25519 cosignature/v1 signer key (type 0x04)", ErrMalformedKey)
	}
	s, err := NewSigner(name, ed25519.NewKeyFromSeed(raw[1:]))
	if err != nil {
		return nil, err
	}
	if s.id != id {
		return nil, fmt.Errorf("%w: key ID %08x does not match the key (%08x)", ErrMalformedKey, id, s.id)
	}
	return s, nil
}

// NewVerifier parses a cosigner verifier key "<name>+<id>+base64(0x04 ||
// Ed25519 public key)", the vkey encoding of c2sp.org/tlog-cosignature.
func NewVerifier(vkey string) (*Verifier, error) {
	name, id, raw, err := splitKey(strings.TrimSpace(vkey))
	if err != nil {
		return nil, err
	}
	if len(raw) != 1+ed25519.PublicKeySize || raw[0] != algCosignatureV1 {
		return nil, fmt.Errorf("%w: %q is not an Ed25519 cosignature/v1 verifier key (type 0x04)", ErrMalformedKey, name)
	}
	pub := ed25519.PublicKey(raw[1:])
	if keyID(name, pub) != id {
		return nil, fmt.Errorf("%w: key ID %08x of %q does not match its key", ErrMalformedKey, id, name)
	}
	return &Verifier{name: name, id: id, key: pub}, nil
}

func splitKey(s string) (name string, id uint32, raw []byte, err error) {
	parts := strings.SplitN(s, "+", 3)
	if len(parts) != 3 {
		return "", 0, nil, fmt.Errorf("%w: want <name>+<key ID>+<key>", ErrMalformedKey)
	}
	name = parts[0]
	if !validName(name) {
		return "", 0, nil, fmt.Errorf("%w: invalid name %q", ErrMalformedKey, name)
	}
	if len(parts[1]) != 8 {
		return "", 0, nil, fmt.Errorf("%w: key ID %q is not 8 hex digits", ErrMalformedKey, parts[1])
	}
	n, err := strconv.ParseUint(parts[1], 16, 32)
	if err != nil {
		return "", 0, nil, fmt.Errorf("%w: key ID %q is not 8 hex digits", ErrMalformedKey, parts[1])
	}
	raw, err = base64.StdEncoding.DecodeString(parts[2])
	if err != nil {
		return "", 0, nil, fmt.Errorf("%w: key is not base64", ErrMalformedKey)
	}
	return name, uint32(n), raw, nil
}

// cosignedMessage is the message an Ed25519 cosignature signs:
// "cosignature/v1\ntime <t>\n" followed by the checkpoint body.
func cosignedMessage(t uint64, body []byte) []byte {
	m := make([]byte, 0, 40+len(body))
	m = append(m, "cosignature/v1\ntime "...)
	m = strconv.AppendUint(m, t, 10)
	m = append(m, '\n')
	return append(m, body...)
}

// checkBody reports whether body looks like a checkpoint body: at least
// three non-empty lines, each ending in a newline. Cosigners sign nothing
// else.
func checkBody(body []byte) error {
	s := string(body)
	if !strings.HasSuffix(s, "\n") {
		return errors.New("checkpoint does not end with a newline")
	}
	lines := strings.Split(s[:len(s)-1], "\n")
	if len(lines) < 3 {
		return errors.New("checkpoint has fewer than three lines")
	}
	for i, l := range lines {
		if l == "" {
			return fmt.Errorf("checkpoint line %d is empty", i+1)
		}
	}
	return nil
}

// Name returns the cosigner's name, the name in its signature lines.
func (s *Signer) Name() string { return s.name }

// KeyHash returns the key ID of the cosigner.
func (s *Signer) KeyHash() uint32 { return s.id }

// Sign cosigns a checkpoint body with the current time.
func (s *Signer) Sign(body []byte) ([]byte, error) {
	if err := checkBody(body); err != nil {
		return nil, err
	}
	t := s.now().Unix()
	if t <= 0 {
		return nil, errors.New("cosigner clock is before 1970")
	}
	sig := make([]byte, 8, cosignatureSize)
	binary.BigEndian.PutUint64(sig, uint64(t))
	return append(sig, ed25519.Sign(s.key, cosignedMessage(uint64(t), body))...), nil
}

// Verifier returns the verifier of s's cosignatures.
func (s *Signer) Verifier() *Verifier {
	return &Verifier{name: s.name, id: s.id, key: s.key.Public().(ed25519.PublicKey)}
}

// Name returns the cosigner's name.
func (v *Verifier) Name() string { return v.name }

// KeyHash returns the cosigner's key ID.
func (v *Verifier) KeyHash() uint32 { return v.id }

// Verify reports whether sig is a valid cosignature/v1 of the checkpoint
// body msg by this cosigner. A zero timestamp is not valid.
func (v *Verifier) Verify(msg, sig []byte) bool {
	if len(sig) != cosignatureSize {
		return false
	}
	t := binary.BigEndian.Uint64(sig)
	if t == 0 || t > 1<<63-1 {
		return false
	}
	return ed25519.Verify(v.key, cosignedMessage(t, msg), sig[8:])
}

// String returns the verifier key, "<name>+<id>+base64(0x04 || key)".
func (v *Verifier) String() string {
	return fmt.Sprintf("%s+%08x+%s", v.name, v.id, base64.StdEncoding.EncodeToString(append([]byte{algCosignatureV1}, v.key...)))
}

// Timestamp returns the time a cosignature was made, from its signature
// bytes as in note.Signature.Base64.
func Timestamp(sig note.Signature) (time.Time, error) {
	raw, err := base64.StdEncoding.DecodeString(sig.Base64)
	if err != nil || len(raw) != 4+cosignatureSize {
		return time.Time{}, errors.New("not an Ed25519 cosignature")
	}
	t := binary.BigEndian.Uint64(raw[4:])
	if t > 1<<63-1 {
		return time.Time{}, errors.New("cosignature timestamp out of range")
	}
	return time.Unix(int64(t), 0).UTC(), nil
}

var (
	_ note.Signer   = (*Signer)(nil)
	_ note.Verifier = (*Verifier)(nil)
)
