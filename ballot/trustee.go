package ballot

import (
	"crypto/aes"
	"crypto/cipher"
	"fmt"
	"io"

	"github.com/gtank/ristretto255"
)

// Bounds on the key ceremony.
const (
	// MaxTrustees bounds N, the number of trustees of one election.
	MaxTrustees = 64
	// MaxIDLength bounds an election's or a voter's identifier, in bytes.
	MaxIDLength = 256
)

// Parameters are what the assembly decided about an election's key: its
// identifier (unique among all the elections that will ever use these
// keys: plenum uses the assembly's log origin and the vote's number), the
// number N of trustees and the threshold K of them needed to decrypt.
type Parameters struct {
	Election  string `json:"election"`
	Trustees  int    `json:"trustees"`
	Threshold int    `json:"threshold"`
}

// Validate checks 1 ≤ K ≤ N ≤ MaxTrustees and the election identifier.
func (p Parameters) Validate() error {
	if err := checkID("election", p.Election); err != nil {
		return err
	}
	if p.Trustees < 1 || p.Trustees > MaxTrustees {
		return fmt.Errorf("%w: %d trustees; an election has 1 to %d", ErrInvalidParameters, p.Trustees, MaxTrustees)
	}
	if p.Threshold < 1 || p.Threshold > p.Trustees {
		return fmt.Errorf("%w: threshold %d with %d trustees; it must be between 1 and the number of trustees", ErrInvalidParameters, p.Threshold, p.Trustees)
	}
	return nil
}

// checkID accepts 1 to MaxIDLength bytes of printable ASCII other than the
// quote and the backslash, so that an identifier's JSON string is its bytes
// between quotes and every implementation encodes it the same way.
func checkID(what, id string) error {
	if id == "" || len(id) > MaxIDLength {
		return fmt.Errorf("%w: the %s identifier must be 1 to %d bytes, got %d", ErrInvalidParameters, what, MaxIDLength, len(id))
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' {
			return fmt.Errorf("%w: the %s identifier %q has byte %#02x at %d; use printable ASCII without quotes or backslashes", ErrInvalidParameters, what, id, c, i)
		}
	}
	return nil
}

func (p Parameters) checkIndex(what string, i int) error {
	if i < 1 || i > p.Trustees {
		return fmt.Errorf("%w: %s %d; trustees are numbered 1 to %d", ErrInvalidParameters, what, i, p.Trustees)
	}
	return nil
}

func (p Parameters) context(t *transcript) *transcript {
	return t.str(p.Election).u64(uint64(p.Trustees)).u64(uint64(p.Threshold))
}

// TrusteeSecret is a trustee's private key: the file the trustee downloads
// in their browser and keeps. It is never sent to the server. Everything a
// trustee must later compute (their dealing, their share of the election
// key) is derived from it and from public messages, so it is the only file.
type TrusteeSecret struct {
	Version string     `json:"version"`
	Params  Parameters `json:"parameters"`
	Index   int        `json:"index"`
	Secret  Scalar     `json:"secret"`
}

// secretVersion marks a trustee's private key file.
const secretVersion = protocol + "/trustee-secret"

// TrusteeKey is the public part of a trustee's key, published in the log in
// the first round: the key E = e·G under which the other trustees encrypt
// the trustee's shares, with a Schnorr proof that the trustee knows e.
type TrusteeKey struct {
	Election string       `json:"election"`
	Index    int          `json:"index"`
	Key      Point        `json:"key"`
	Proof    SchnorrProof `json:"proof"`
}

// GenerateTrustee makes trustee number index's secret and its public key.
func GenerateTrustee(p Parameters, index int, rand io.Reader) (TrusteeSecret, TrusteeKey, error) {
	if err := p.Validate(); err != nil {
		return TrusteeSecret{}, TrusteeKey{}, err
	}
	if err := p.checkIndex("trustee", index); err != nil {
		return TrusteeSecret{}, TrusteeKey{}, err
	}
	e, err := randomScalar(rand)
	if err != nil {
		return TrusteeSecret{}, TrusteeKey{}, err
	}
	secret := TrusteeSecret{Version: secretVersion, Params: p, Index: index, Secret: sc(e)}
	key, err := secret.PublicKey(rand)
	return secret, key, err
}

// Validate checks the secret's form (not that it matches any public key).
func (s TrusteeSecret) Validate() error {
	if s.Version != secretVersion {
		return fmt.Errorf("%w: this is not a plenum trustee key file (version %q, want %q)", ErrMalformed, s.Version, secretVersion)
	}
	if err := s.Params.Validate(); err != nil {
		return err
	}
	if err := s.Params.checkIndex("trustee", s.Index); err != nil {
		return err
	}
	return s.Secret.need("secret")
}

// PublicKey (re)computes the trustee's public key with a fresh proof.
func (s TrusteeSecret) PublicKey(rand io.Reader) (TrusteeKey, error) {
	if err := s.Validate(); err != nil {
		return TrusteeKey{}, err
	}
	E := newElement().ScalarBaseMult(s.Secret.s)
	proof, err := proveSchnorr(keyTranscript(s.Params, s.Index), s.Secret.s, E, rand)
	if err != nil {
		return TrusteeKey{}, err
	}
	return TrusteeKey{Election: s.Params.Election, Index: s.Index, Key: pt(E), Proof: proof}, nil
}

func keyTranscript(p Parameters, index int) *transcript {
	return p.context(newTranscript(kindKeyShare)).u64(uint64(index))
}

// Verify checks a trustee's public key against the parameters.
func (k TrusteeKey) Verify(p Parameters) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if k.Election != p.Election {
		return fmt.Errorf("%w: trustee key for election %q, checked for %q", ErrWrongContext, k.Election, p.Election)
	}
	if err := p.checkIndex("trustee", k.Index); err != nil {
		return err
	}
	if err := k.Key.needKey(fmt.Sprintf("trustee %d's key", k.Index)); err != nil {
		return err
	}
	if !k.Proof.verify(keyTranscript(p, k.Index), k.Key.e) {
		return fmt.Errorf("%w: trustee %d's proof of knowledge of its key", ErrInvalidProof, k.Index)
	}
	return nil
}

// verifyKeys checks that keys holds exactly trustees 1..N in order.
func verifyKeys(p Parameters, keys []TrusteeKey) error {
	if len(keys) != p.Trustees {
		return fmt.Errorf("%w: %d trustee keys for %d trustees", ErrInvalidParameters, len(keys), p.Trustees)
	}
	for i, k := range keys {
		if k.Index != i+1 {
			return fmt.Errorf("%w: trustee key %d has index %d; list them in order 1 to %d", ErrInvalidParameters, i+1, k.Index, p.Trustees)
		}
		if err := k.Verify(p); err != nil {
			return err
		}
	}
	return nil
}

// Dealing is a trustee's second-round message (Pedersen's DKG with Feldman
// commitments): the dealer picks a secret polynomial f of degree K−1,
// publishes its coefficients' commitments C_j = a_j·G with a proof of
// knowledge of a_0, and for every other trustee m the value f(m), sealed
// under a key only m and the dealer can compute. Anyone can check the
// commitments and the proof; only m can open its share, and m can check it
// against the commitments: f(m)·G = Σ_j m^j·C_j.
type Dealing struct {
	Election    string        `json:"election"`
	Dealer      int           `json:"dealer"`
	Commitments []Point       `json:"commitments"`
	Proof       SchnorrProof  `json:"proof"`
	Shares      []SealedShare `json:"shares"`
}

// SealedShare is f(To) for trustee To, encrypted with AES-256-GCM under
// the key SHA-512(transcript of the pair)[:32] of the Diffie–Hellman point
// e_dealer·E_To; see docs/secret-ballots.md.
type SealedShare struct {
	To  int    `json:"to"`
	Box Sealed `json:"box"`
}

// Sealed is the 48 bytes of a sealed share (32 of ciphertext, 16 of tag),
// as 96 lower-case hex digits.
type Sealed [48]byte

// MarshalJSON encodes the box as lower-case hex.
func (b Sealed) MarshalJSON() ([]byte, error) { return hexJSON(b[:]), nil }

// UnmarshalJSON decodes exactly 96 lower-case hex digits.
func (b *Sealed) UnmarshalJSON(in []byte) error {
	raw, err := unhexN(in, len(b))
	if err != nil {
		return err
	}
	copy(b[:], raw)
	return nil
}

// polynomial derives the dealer's coefficients from its secret, so that the
// secret file is all a trustee keeps: a_j = SHA-512 transcript of (the
// parameters, the dealer, j, e) reduced modulo l.
func (s TrusteeSecret) polynomial() []*ristretto255.Scalar {
	a := make([]*ristretto255.Scalar, s.Params.Threshold)
	for j := range a {
		t := s.Params.context(newTranscript("polynomial")).u64(uint64(s.Index)).u64(uint64(j)).bytes(s.Secret.s.Bytes())
		a[j] = t.challenge()
	}
	return a
}

func evalPolynomial(a []*ristretto255.Scalar, x uint64) *ristretto255.Scalar {
	xs := scalarOf(x)
	acc := newScalar().Set(a[len(a)-1])
	for j := len(a) - 2; j >= 0; j-- {
		acc.Multiply(acc, xs)
		acc.Add(acc, a[j])
	}
	return acc
}

// evalCommitments is Σ_j x^j·C_j: f(x)·G from the public commitments.
func evalCommitments(cs []Point, x uint64) *ristretto255.Element {
	scalars := make([]*ristretto255.Scalar, len(cs))
	points := make([]*ristretto255.Element, len(cs))
	pow := scalarOf(1)
	xs := scalarOf(x)
	for j, c := range cs {
		scalars[j] = newScalar().Set(pow)
		points[j] = c.e
		pow.Multiply(pow, xs)
	}
	return newElement().VarTimeMultiScalarMult(scalars, points)
}

// shareKey is the AES-256 key that seals dealer i's share for trustee m.
func shareKey(p Parameters, dealer, to int, Ed, Et, dh *ristretto255.Element) cipher.AEAD {
	t := p.context(newTranscript("share-box")).u64(uint64(dealer)).u64(uint64(to)).point(Ed).point(Et).point(dh)
	sum := t.h.Sum(nil)
	block, err := aes.NewCipher(sum[:32])
	if err != nil {
		panic(err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		panic(err)
	}
	return aead
}

// The nonce is zero: each key seals one plaintext only, since both the key
// and the share are functions of (parameters, dealer, recipient, keys).
var zeroNonce [12]byte

func dealingTranscript(p Parameters, dealer int) *transcript {
	return p.context(newTranscript(kindDealing)).u64(uint64(dealer))
}

// Deal computes the trustee's dealing, given every trustee's public key.
func Deal(s TrusteeSecret, keys []TrusteeKey, rand io.Reader) (Dealing, error) {
	if err := s.Validate(); err != nil {
		return Dealing{}, err
	}
	p := s.Params
	if err := verifyKeys(p, keys); err != nil {
		return Dealing{}, err
	}
	own := newElement().ScalarBaseMult(s.Secret.s)
	if own.Equal(keys[s.Index-1].Key.e) != 1 {
		return Dealing{}, fmt.Errorf("%w: this key file is not trustee %d's published key", ErrWrongContext, s.Index)
	}
	a := s.polynomial()
	d := Dealing{Election: p.Election, Dealer: s.Index}
	for _, aj := range a {
		d.Commitments = append(d.Commitments, pt(newElement().ScalarBaseMult(aj)))
	}
	proof, err := proveSchnorr(dealingTranscript(p, s.Index), a[0], d.Commitments[0].e, rand)
	if err != nil {
		return Dealing{}, err
	}
	d.Proof = proof
	for m := 1; m <= p.Trustees; m++ {
		if m == s.Index {
			continue
		}
		Em := keys[m-1].Key.e
		dh := newElement().ScalarMult(s.Secret.s, Em)
		aead := shareKey(p, s.Index, m, own, Em, dh)
		var box Sealed
		aead.Seal(box[:0], zeroNonce[:], evalPolynomial(a, uint64(m)).Bytes(), nil)
		d.Shares = append(d.Shares, SealedShare{To: m, Box: box})
	}
	return d, nil
}

// Verify checks what anyone can check of a dealing: its form, that it has
// one commitment per coefficient and one share for every other trustee, and
// the proof of knowledge of the constant coefficient.
func (d Dealing) Verify(p Parameters) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if d.Election != p.Election {
		return fmt.Errorf("%w: dealing for election %q, checked for %q", ErrWrongContext, d.Election, p.Election)
	}
	if err := p.checkIndex("dealer", d.Dealer); err != nil {
		return err
	}
	if len(d.Commitments) != p.Threshold {
		return fmt.Errorf("%w: dealer %d published %d commitments; threshold %d needs %d", ErrMalformed, d.Dealer, len(d.Commitments), p.Threshold, p.Threshold)
	}
	for j, c := range d.Commitments {
		if err := c.need(fmt.Sprintf("dealer %d's commitment %d", d.Dealer, j)); err != nil {
			return err
		}
	}
	if err := d.Commitments[0].needKey(fmt.Sprintf("dealer %d's commitment 0", d.Dealer)); err != nil {
		return err
	}
	if len(d.Shares) != p.Trustees-1 {
		return fmt.Errorf("%w: dealer %d sealed %d shares for %d other trustees", ErrMalformed, d.Dealer, len(d.Shares), p.Trustees-1)
	}
	want := 1
	for _, sh := range d.Shares {
		if want == d.Dealer {
			want++
		}
		if sh.To != want {
			return fmt.Errorf("%w: dealer %d's shares must be for trustees 1 to %d in order, without the dealer; found %d where %d belongs", ErrMalformed, d.Dealer, p.Trustees, sh.To, want)
		}
		want++
	}
	if !d.Proof.verify(dealingTranscript(p, d.Dealer), d.Commitments[0].e) {
		return fmt.Errorf("%w: dealer %d's proof of knowledge of its secret", ErrInvalidProof, d.Dealer)
	}
	return nil
}

func verifyDealings(p Parameters, dealings []Dealing) error {
	if len(dealings) != p.Trustees {
		return fmt.Errorf("%w: %d dealings for %d trustees", ErrInvalidParameters, len(dealings), p.Trustees)
	}
	for i, d := range dealings {
		if d.Dealer != i+1 {
			return fmt.Errorf("%w: dealing %d is dealer %d's; list them in order 1 to %d", ErrInvalidParameters, i+1, d.Dealer, p.Trustees)
		}
		if err := d.Verify(p); err != nil {
			return err
		}
	}
	return nil
}

// ShareKey is a trustee's share x_m = Σ_i f_i(m) of the election's secret
// key, the value it decrypts with. It is derived, when needed, from the
// trustee's secret and the public dealings; it is never stored or sent.
type ShareKey struct {
	Params Parameters
	Index  int
	share  *ristretto255.Scalar
}

// OpenShares opens the shares the other trustees dealt to s, checks each
// against its dealer's commitments, and sums them into the trustee's share
// of the election key. A share that does not open or does not match is
// ErrBadDealing naming its dealer: the ceremony must then be run again
// without that dealer.
func OpenShares(s TrusteeSecret, keys []TrusteeKey, dealings []Dealing) (ShareKey, error) {
	if err := s.Validate(); err != nil {
		return ShareKey{}, err
	}
	p := s.Params
	if err := verifyKeys(p, keys); err != nil {
		return ShareKey{}, err
	}
	if err := verifyDealings(p, dealings); err != nil {
		return ShareKey{}, err
	}
	own := newElement().ScalarBaseMult(s.Secret.s)
	if own.Equal(keys[s.Index-1].Key.e) != 1 {
		return ShareKey{}, fmt.Errorf("%w: this key file is not trustee %d's published key", ErrWrongContext, s.Index)
	}
	x := evalPolynomial(s.polynomial(), uint64(s.Index))
	for _, d := range dealings {
		if d.Dealer == s.Index {
			if d.Commitments[0].e.Equal(newElement().ScalarBaseMult(s.polynomial()[0])) != 1 {
				return ShareKey{}, fmt.Errorf("%w: the published dealing of trustee %d is not the one this key file makes", ErrWrongContext, s.Index)
			}
			continue
		}
		pos := s.Index - 1 // the dealer deals no share to itself
		if s.Index > d.Dealer {
			pos--
		}
		box := d.Shares[pos]
		Ed := keys[d.Dealer-1].Key.e
		dh := newElement().ScalarMult(s.Secret.s, Ed)
		aead := shareKey(p, d.Dealer, s.Index, Ed, own, dh)
		plain, err := aead.Open(nil, zeroNonce[:], box.Box[:], nil)
		if err != nil {
			return ShareKey{}, fmt.Errorf("%w: the share from dealer %d does not open with trustee %d's key", ErrBadDealing, d.Dealer, s.Index)
		}
		v, err := newScalar().SetCanonicalBytes(plain)
		if err != nil {
			return ShareKey{}, fmt.Errorf("%w: the share from dealer %d is not a reduced scalar", ErrBadDealing, d.Dealer)
		}
		if newElement().ScalarBaseMult(v).Equal(evalCommitments(d.Commitments, uint64(s.Index))) != 1 {
			return ShareKey{}, fmt.Errorf("%w: the share from dealer %d does not match its commitments", ErrBadDealing, d.Dealer)
		}
		x.Add(x, v)
	}
	return ShareKey{Params: p, Index: s.Index, share: x}, nil
}

// Confirmation is a trustee's third-round message: its verification key
// Y_m = x_m·G with a Schnorr proof of knowledge of x_m. Publishing it says
// "every share dealt to me was good, and I can decrypt".
type Confirmation struct {
	Election        string       `json:"election"`
	Index           int          `json:"index"`
	VerificationKey Point        `json:"verification_key"`
	Proof           SchnorrProof `json:"proof"`
}

func confirmTranscript(p Parameters, index int) *transcript {
	return p.context(newTranscript(kindConfirm)).u64(uint64(index))
}

// Confirm proves that the trustee holds its share of the election key.
func (k ShareKey) Confirm(rand io.Reader) (Confirmation, error) {
	if k.share == nil {
		return Confirmation{}, fmt.Errorf("%w: empty share key", ErrMalformed)
	}
	Y := newElement().ScalarBaseMult(k.share)
	proof, err := proveSchnorr(confirmTranscript(k.Params, k.Index), k.share, Y, rand)
	if err != nil {
		return Confirmation{}, err
	}
	return Confirmation{Election: k.Params.Election, Index: k.Index, VerificationKey: pt(Y), Proof: proof}, nil
}

// ElectionKey is the result of the ceremony: the key Y = Σ_i C_{i,0} under
// which ballots are encrypted, and every trustee's verification key
// Y_m = Σ_i f_i(m)·G, against which its partial decryptions are checked.
// Anyone can recompute it from the published dealings.
type ElectionKey struct {
	Params           Parameters `json:"parameters"`
	Key              Point      `json:"key"`
	VerificationKeys []Point    `json:"verification_keys"`
}

// CombineKeys checks every message of the ceremony and derives the
// election key. It fails unless every trustee has confirmed.
func CombineKeys(p Parameters, keys []TrusteeKey, dealings []Dealing, confirmations []Confirmation) (ElectionKey, error) {
	if err := verifyKeys(p, keys); err != nil {
		return ElectionKey{}, err
	}
	if err := verifyDealings(p, dealings); err != nil {
		return ElectionKey{}, err
	}
	if len(confirmations) != p.Trustees {
		return ElectionKey{}, fmt.Errorf("%w: %d confirmations for %d trustees; every trustee must confirm its share", ErrInvalidParameters, len(confirmations), p.Trustees)
	}
	k := deriveKey(p, dealings)
	for i, c := range confirmations {
		if c.Index != i+1 {
			return ElectionKey{}, fmt.Errorf("%w: confirmation %d is trustee %d's; list them in order 1 to %d", ErrInvalidParameters, i+1, c.Index, p.Trustees)
		}
		if err := checkConfirmation(p, k, c); err != nil {
			return ElectionKey{}, err
		}
	}
	return k, nil
}

// VerifyConfirmation checks one trustee's confirmation against the public
// dealings (all N, verified), as CombineKeys does for each, so that a bad
// confirmation can be refused as it arrives.
func VerifyConfirmation(p Parameters, dealings []Dealing, c Confirmation) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if err := p.checkIndex("confirmation", c.Index); err != nil {
		return err
	}
	if err := verifyDealings(p, dealings); err != nil {
		return err
	}
	return checkConfirmation(p, deriveKey(p, dealings), c)
}

func checkConfirmation(p Parameters, k ElectionKey, c Confirmation) error {
	if c.Election != p.Election {
		return fmt.Errorf("%w: confirmation for election %q, checked for %q", ErrWrongContext, c.Election, p.Election)
	}
	if !c.VerificationKey.Equal(k.VerificationKeys[c.Index-1]) {
		return fmt.Errorf("%w: trustee %d confirms a verification key that the dealings do not give", ErrBadDealing, c.Index)
	}
	if !c.Proof.verify(confirmTranscript(p, c.Index), c.VerificationKey.e) {
		return fmt.Errorf("%w: trustee %d's proof of knowledge of its share", ErrInvalidProof, c.Index)
	}
	return nil
}

func deriveKey(p Parameters, dealings []Dealing) ElectionKey {
	Y := ristretto255.NewIdentityElement()
	for _, d := range dealings {
		Y.Add(Y, d.Commitments[0].e)
	}
	k := ElectionKey{Params: p, Key: pt(Y)}
	for m := 1; m <= p.Trustees; m++ {
		Ym := ristretto255.NewIdentityElement()
		for _, d := range dealings {
			Ym.Add(Ym, evalCommitments(d.Commitments, uint64(m)))
		}
		k.VerificationKeys = append(k.VerificationKeys, pt(Ym))
	}
	return k
}

// Validate checks the election key's form.
func (k ElectionKey) Validate() error {
	if err := k.Params.Validate(); err != nil {
		return err
	}
	if err := k.Key.needKey("election key"); err != nil {
		return err
	}
	if len(k.VerificationKeys) != k.Params.Trustees {
		return fmt.Errorf("%w: %d verification keys for %d trustees", ErrMalformed, len(k.VerificationKeys), k.Params.Trustees)
	}
	for i, y := range k.VerificationKeys {
		if err := y.needKey(fmt.Sprintf("trustee %d's verification key", i+1)); err != nil {
			return err
		}
	}
	return nil
}

func unhexN(in []byte, n int) ([]byte, error) {
	if len(in) != 2*n+2 || in[0] != '"' || in[len(in)-1] != '"' {
		return nil, fmt.Errorf("%w: want a string of %d lower-case hex digits, got %.120s", ErrMalformed, 2*n, in)
	}
	for _, c := range in[1 : len(in)-1] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return nil, fmt.Errorf("%w: want %d lower-case hex digits, got %.120s", ErrMalformed, 2*n, in)
		}
	}
	out := make([]byte, n)
	for i := range out {
		out[i] = unhex(in[1+2*i])<<4 | unhex(in[2+2*i])
	}
	return out, nil
}

func unhex(c byte) byte {
	if c <= '9' {
		return c - '0'
	}
	return c - 'a' + 10
}
