package ballot

import (
	"encoding/binary"
	"fmt"
	"io"

	"github.com/gtank/ristretto255"
)

// Shuffle is a re-encryption mix of ranked ballots with a proof: Output[i]
// is Input[ψ(i)] with every ciphertext re-encrypted (α + r·G, β + r·Y with a
// fresh r each), for a secret permutation ψ, and Proof shows that this is
// so without revealing ψ or the r's. Anyone holding the input, the output
// and the election key checks it with Verify. Shuffles chain: the output of
// one mixer is the input of the next, and the ballots are unlinkable from
// the voters as long as one mixer forgot its permutation.
type Shuffle struct {
	Election string         `json:"election"`
	Output   [][]Ciphertext `json:"output"`
	Proof    ShuffleProof   `json:"proof"`
}

// ShuffleProof is the proof of a shuffle by Terelius and Wikström
// ("Proofs of restricted shuffles", AFRICACRYPT 2010), in the form CHVote's
// specification gives it (algorithms GenShuffleProof and CheckShuffleProof),
// extended to ballots of several ciphertexts that move together: one
// commitment to the permutation (Commitments), a chain of commitments to
// the challenges in permuted order (Chain), and the answers to one
// Fiat–Shamir challenge. The independent generators H, H_1..H_N are
// derived by hashing to the group (see generator), so nobody knows a
// relation between them. docs/secret-ballots.md spells out each equation.
type ShuffleProof struct {
	Commitments []Point  `json:"commitments"`
	Chain       []Point  `json:"chain"`
	Challenge   Scalar   `json:"c"`
	S1          Scalar   `json:"s1"`
	S2          Scalar   `json:"s2"`
	S3          Scalar   `json:"s3"`
	S4          []Scalar `json:"s4"`
	SHat        []Scalar `json:"s_hat"`
	SPrime      []Scalar `json:"s_prime"`
}

// shuffleGenerators is H (index 0) and H_1..H_n.
func shuffleGenerators(n int) []*ristretto255.Element {
	out := make([]*ristretto255.Element, n+1)
	for i := range out {
		out[i] = generator("shuffle", i)
	}
	return out
}

func checkRows(what string, rows [][]Ciphertext) (width int, err error) {
	if len(rows) == 0 {
		return 0, fmt.Errorf("%w: the %s has no ballots; there is nothing to shuffle", ErrInvalidParameters, what)
	}
	width = len(rows[0])
	if width < 1 || width > MaxRankedOptions {
		return 0, fmt.Errorf("%w: %s ballots of %d ciphertexts; 1 to %d", ErrMalformed, what, width, MaxRankedOptions)
	}
	for i, row := range rows {
		if len(row) != width {
			return 0, fmt.Errorf("%w: %s ballot %d has %d ciphertexts, the first has %d", ErrMalformed, what, i, len(row), width)
		}
		if err := needCiphertexts(fmt.Sprintf("%s[%d]", what, i), row); err != nil {
			return 0, err
		}
	}
	return width, nil
}

// statement writes the shuffle's public statement to a transcript.
func shuffleStatement(t *transcript, k ElectionKey, in, out [][]Ciphertext, commitments []Point) *transcript {
	t.str(k.Params.Election).point(k.Key.e).u64(uint64(len(in))).u64(uint64(len(in[0])))
	for _, rows := range [][][]Ciphertext{in, out} {
		for _, row := range rows {
			for _, c := range row {
				t.ciphertext(c)
			}
		}
	}
	for _, c := range commitments {
		t.point(c.e)
	}
	return t
}

// shuffleChallenges is u_1..u_N: u_i = H(kindShuffleU, seed, i), seed the
// SHA-512 of the statement.
func shuffleChallenges(k ElectionKey, in, out [][]Ciphertext, commitments []Point) []*ristretto255.Scalar {
	seed := shuffleStatement(newTranscript(kindShuffleU), k, in, out, commitments).h.Sum(nil)
	u := make([]*ristretto255.Scalar, len(in))
	for i := range u {
		u[i] = newTranscript(kindShuffleU).bytes(seed).u64(uint64(i)).challenge()
	}
	return u
}

// randomIndex is a uniform integer in [0, n) by rejection sampling.
func randomIndex(rand io.Reader, n int) (int, error) {
	limit := ^uint64(0) - ^uint64(0)%uint64(n)
	var b [8]byte
	for {
		if _, err := io.ReadFull(rand, b[:]); err != nil {
			return 0, fmt.Errorf("ballot: reading randomness: %w", err)
		}
		if v := binary.BigEndian.Uint64(b[:]); v < limit {
			return int(v % uint64(n)), nil
		}
	}
}

// ShuffleBallots re-encrypts and permutes rows of ciphertexts (ranked
// ballots' Choices, or a previous shuffle's Output) and proves it. The
// permutation and the randomness are forgotten when it returns.
func ShuffleBallots(k ElectionKey, in [][]Ciphertext, rand io.Reader) (Shuffle, error) {
	if err := k.Validate(); err != nil {
		return Shuffle{}, err
	}
	w, err := checkRows("input", in)
	if err != nil {
		return Shuffle{}, err
	}
	n := len(in)
	G, Y := ristretto255.NewGeneratorElement(), k.Key.e
	psi := make([]int, n) // output i comes from input psi[i]
	for i := range psi {
		psi[i] = i
	}
	for i := n - 1; i > 0; i-- {
		j, err := randomIndex(rand, i+1)
		if err != nil {
			return Shuffle{}, err
		}
		psi[i], psi[j] = psi[j], psi[i]
	}
	rnd := func(count int) ([]*ristretto255.Scalar, error) {
		out := make([]*ristretto255.Scalar, count)
		for i := range out {
			s, err := randomScalar(rand)
			if err != nil {
				return nil, err
			}
			out[i] = s
		}
		return out, nil
	}
	// Re-encryption.
	out := make([][]Ciphertext, n)
	rTilde := make([][]*ristretto255.Scalar, n)
	for i := range out {
		if rTilde[i], err = rnd(w); err != nil {
			return Shuffle{}, err
		}
		out[i] = make([]Ciphertext, w)
		for c := range w {
			out[i][c] = in[psi[i]][c].reencrypt(Y, rTilde[i][c])
		}
	}
	// Commitment to the permutation: c_{ψ(i)} = r_{ψ(i)}·G + H_i.
	H := shuffleGenerators(n)
	r, err := rnd(n)
	if err != nil {
		return Shuffle{}, err
	}
	p := ShuffleProof{Commitments: make([]Point, n), Chain: make([]Point, n)}
	for i := range n {
		j := psi[i]
		c := newElement().ScalarBaseMult(r[j])
		p.Commitments[j] = pt(c.Add(c, H[i+1]))
	}
	u := shuffleChallenges(k, in, out, p.Commitments)
	uT := make([]*ristretto255.Scalar, n) // ũ_i = u_{ψ(i)}
	for i := range n {
		uT[i] = u[psi[i]]
	}
	// Commitment chain: ĉ_0 = H, ĉ_i = r̂_i·G + ũ_i·ĉ_{i−1}.
	rHat, err := rnd(n)
	if err != nil {
		return Shuffle{}, err
	}
	prev := H[0]
	for i := range n {
		c := newElement().VarTimeMultiScalarMult([]*ristretto255.Scalar{rHat[i], uT[i]}, []*ristretto255.Element{G, prev})
		p.Chain[i] = pt(c)
		prev = c
	}
	// Commitments of the proof.
	om, err := rnd(3 + w + 2*n)
	if err != nil {
		return Shuffle{}, err
	}
	w1, w2, w3, w4 := om[0], om[1], om[2], om[3:3+w]
	wHat, wPrime := om[3+w:3+w+n], om[3+w+n:]
	t := shuffleTerms{
		t1: newElement().ScalarBaseMult(w1),
		t2: newElement().ScalarBaseMult(w2),
	}
	t.t3 = newElement().VarTimeMultiScalarMult(append([]*ristretto255.Scalar{w3}, wPrime...), append([]*ristretto255.Element{G}, H[1:]...))
	for c := range w {
		alphas, betas := column(out, c)
		neg := newScalar().Negate(w4[c])
		t.t4a = append(t.t4a, newElement().VarTimeMultiScalarMult(append([]*ristretto255.Scalar{neg}, wPrime...), append([]*ristretto255.Element{G}, alphas...)))
		t.t4b = append(t.t4b, newElement().VarTimeMultiScalarMult(append([]*ristretto255.Scalar{neg}, wPrime...), append([]*ristretto255.Element{Y}, betas...)))
	}
	prev = H[0]
	for i := range n {
		t.tHat = append(t.tHat, newElement().VarTimeMultiScalarMult([]*ristretto255.Scalar{wHat[i], wPrime[i]}, []*ristretto255.Element{G, prev}))
		prev = p.Chain[i].e
	}
	ch := t.challenge(k, in, out, p)
	// Answers.
	rBar, rTildeSum := newScalar(), newScalar()
	for j := range n {
		rBar.Add(rBar, r[j])
		rTildeSum.Add(rTildeSum, newScalar().Multiply(r[j], u[j]))
	}
	rHatSum, v := newScalar(), scalarOf(1) // r̂ = Σ r̂_i·Π_{j>i} ũ_j
	for i := n - 1; i >= 0; i-- {
		rHatSum.Add(rHatSum, newScalar().Multiply(rHat[i], v))
		v.Multiply(v, uT[i])
	}
	answer := func(omega, x *ristretto255.Scalar) Scalar {
		return sc(newScalar().Subtract(omega, newScalar().Multiply(ch, x)))
	}
	p.Challenge = sc(ch)
	p.S1, p.S2, p.S3 = answer(w1, rBar), answer(w2, rHatSum), answer(w3, rTildeSum)
	for c := range w {
		rPrime := newScalar()
		for i := range n {
			rPrime.Add(rPrime, newScalar().Multiply(rTilde[i][c], uT[i]))
		}
		p.S4 = append(p.S4, answer(w4[c], rPrime))
	}
	for i := range n {
		p.SHat = append(p.SHat, answer(wHat[i], rHat[i]))
		p.SPrime = append(p.SPrime, answer(wPrime[i], uT[i]))
	}
	return Shuffle{Election: k.Params.Election, Output: out, Proof: p}, nil
}

type shuffleTerms struct {
	t1, t2, t3 *ristretto255.Element
	t4a, t4b   []*ristretto255.Element
	tHat       []*ristretto255.Element
}

func (t shuffleTerms) challenge(k ElectionKey, in, out [][]Ciphertext, p ShuffleProof) *ristretto255.Scalar {
	tr := shuffleStatement(newTranscript(kindShuffle), k, in, out, p.Commitments)
	for _, c := range p.Chain {
		tr.point(c.e)
	}
	tr.point(t.t1).point(t.t2).point(t.t3)
	for c := range t.t4a {
		tr.point(t.t4a[c]).point(t.t4b[c])
	}
	for _, h := range t.tHat {
		tr.point(h)
	}
	return tr.challenge()
}

func column(rows [][]Ciphertext, c int) (alphas, betas []*ristretto255.Element) {
	for _, row := range rows {
		alphas = append(alphas, row[c].Alpha.e)
		betas = append(betas, row[c].Beta.e)
	}
	return alphas, betas
}

// Verify checks that s is a shuffle of in under the election key.
func (s Shuffle) Verify(k ElectionKey, in [][]Ciphertext) error {
	if err := k.Validate(); err != nil {
		return err
	}
	if s.Election != k.Params.Election {
		return fmt.Errorf("%w: shuffle for election %q, checked for %q", ErrWrongContext, s.Election, k.Params.Election)
	}
	w, err := checkRows("input", in)
	if err != nil {
		return err
	}
	wOut, err := checkRows("output", s.Output)
	if err != nil {
		return err
	}
	n, p := len(in), s.Proof
	if len(s.Output) != n || wOut != w {
		return fmt.Errorf("%w: %d ballots of %d ciphertexts in, %d of %d out", ErrMalformed, n, w, len(s.Output), wOut)
	}
	if len(p.Commitments) != n || len(p.Chain) != n || len(p.SHat) != n || len(p.SPrime) != n || len(p.S4) != w {
		return fmt.Errorf("%w: the shuffle proof's lists do not have one entry per ballot (%d) and per ciphertext of a ballot (%d)", ErrMalformed, n, w)
	}
	for i := range n {
		if err := p.Commitments[i].need(fmt.Sprintf("commitments[%d]", i)); err != nil {
			return err
		}
		if err := p.Chain[i].need(fmt.Sprintf("chain[%d]", i)); err != nil {
			return err
		}
		if err := p.SHat[i].need(fmt.Sprintf("s_hat[%d]", i)); err != nil {
			return err
		}
		if err := p.SPrime[i].need(fmt.Sprintf("s_prime[%d]", i)); err != nil {
			return err
		}
	}
	for c := range w {
		if err := p.S4[c].need(fmt.Sprintf("s4[%d]", c)); err != nil {
			return err
		}
	}
	for name, x := range map[string]Scalar{"c": p.Challenge, "s1": p.S1, "s2": p.S2, "s3": p.S3} {
		if err := x.need(name); err != nil {
			return err
		}
	}
	G, Y := ristretto255.NewGeneratorElement(), k.Key.e
	H := shuffleGenerators(n)
	u := shuffleChallenges(k, in, s.Output, p.Commitments)
	ch := p.Challenge.s
	// c̄ = Σ c_j − Σ H_i, ĉ = ĉ_N − (Π u_j)·H, c̃ = Σ u_j·c_j.
	cBar := ristretto255.NewIdentityElement()
	uProd := scalarOf(1)
	comm := make([]*ristretto255.Element, n)
	for j := range n {
		cBar.Add(cBar, p.Commitments[j].e)
		cBar.Subtract(cBar, H[j+1])
		uProd.Multiply(uProd, u[j])
		comm[j] = p.Commitments[j].e
	}
	cHat := newElement().Subtract(p.Chain[n-1].e, newElement().ScalarMult(uProd, H[0]))
	cTilde := newElement().VarTimeMultiScalarMult(u, comm)
	sPrime := make([]*ristretto255.Scalar, n)
	for i := range n {
		sPrime[i] = p.SPrime[i].s
	}
	t := shuffleTerms{
		t1: newElement().VarTimeDoubleScalarBaseMult(ch, cBar, p.S1.s),
		t2: newElement().VarTimeDoubleScalarBaseMult(ch, cHat, p.S2.s),
	}
	t.t3 = newElement().VarTimeMultiScalarMult(append([]*ristretto255.Scalar{ch, p.S3.s}, sPrime...), append([]*ristretto255.Element{cTilde, G}, H[1:]...))
	for c := range w {
		inA, inB := column(in, c)
		outA, outB := column(s.Output, c)
		aPrime := newElement().VarTimeMultiScalarMult(u, inA)
		bPrime := newElement().VarTimeMultiScalarMult(u, inB)
		neg := newScalar().Negate(p.S4[c].s)
		t.t4a = append(t.t4a, newElement().VarTimeMultiScalarMult(append([]*ristretto255.Scalar{ch, neg}, sPrime...), append([]*ristretto255.Element{aPrime, G}, outA...)))
		t.t4b = append(t.t4b, newElement().VarTimeMultiScalarMult(append([]*ristretto255.Scalar{ch, neg}, sPrime...), append([]*ristretto255.Element{bPrime, Y}, outB...)))
	}
	prev := H[0]
	for i := range n {
		t.tHat = append(t.tHat, newElement().VarTimeMultiScalarMult(
			[]*ristretto255.Scalar{ch, p.SHat[i].s, sPrime[i]},
			[]*ristretto255.Element{p.Chain[i].e, G, prev}))
		prev = p.Chain[i].e
	}
	if t.challenge(k, in, s.Output, p).Equal(ch) != 1 {
		return fmt.Errorf("%w: the shuffle proof", ErrInvalidProof)
	}
	return nil
}

// ReadRanking reads a decrypted ranked ballot (the values its ciphertexts
// decrypt to: 1-based option numbers by rank, 0 after the last) as the
// 0-based options in order of preference. A ballot that repeats an option,
// names an option that does not exist or ranks after a gap is invalid
// (ErrInvalidChoice) and is counted as such: the proofs bound each value,
// not the whole ranking, as in Belenios' mixnet questions.
func ReadRanking(q Question, values []uint64) ([]int, error) {
	if len(values) != q.Options {
		return nil, fmt.Errorf("%w: %d ranks for %d options", ErrInvalidChoice, len(values), q.Options)
	}
	order := []int{}
	seen := make([]bool, q.Options)
	ended := false
	for r, v := range values {
		switch {
		case v == 0:
			ended = true
		case ended:
			return nil, fmt.Errorf("%w: rank %d follows an empty rank", ErrInvalidChoice, r+1)
		case v > uint64(q.Options):
			return nil, fmt.Errorf("%w: rank %d names option %d of %d", ErrInvalidChoice, r+1, v, q.Options)
		case seen[v-1]:
			return nil, fmt.Errorf("%w: option %d is ranked twice", ErrInvalidChoice, v-1)
		default:
			seen[v-1] = true
			order = append(order, int(v-1))
		}
	}
	return order, nil
}
