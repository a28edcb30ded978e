package ballot

import (
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"

	"github.com/gtank/ristretto255"

	"plenum/ballot/internal/testrand"
)

// VectorSeed seeds the deterministic randomness of the known-answer vectors.
const VectorSeed = "plenum-ballot-v1 known-answer vectors"

// Vectors is the layout of testdata/vectors.json: one run of the whole
// protocol with deterministic randomness (block i of the random stream is
// SHA-512(VectorSeed || uint64be(i)), read 64 bytes per scalar, in the
// order the functions draw them), and messages that must be refused. Each
// embedded message's canonical encoding is its compact form (json.Compact).
type Vectors struct {
	Comment    string           `json:"comment"`
	Group      GroupVectors     `json:"group"`
	Transcript TranscriptVector `json:"transcript"`
	Params     Parameters       `json:"parameters"`
	Secrets    []TrusteeSecret  `json:"trustee_secrets"`
	Keys       []TrusteeKey     `json:"trustee_keys"`
	Dealings   []Dealing        `json:"dealings"`
	Confirms   []Confirmation   `json:"confirmations"`
	Key        ElectionKey      `json:"election_key"`
	Ballots    []BallotVector   `json:"ballots"`
	Count      CountVector      `json:"count"`
	Ranked     RankedVector     `json:"ranked"`
	Refused    []RefusedVector  `json:"refused"`
}

// GroupVectors are group operations: n·G for n = 0..15 (equal to RFC 9496,
// appendix A.1) and the shuffle's generators H_0..H_3.
type GroupVectors struct {
	Multiples  []Point `json:"multiples"`
	Generators []Point `json:"shuffle_generators"`
}

// TranscriptVector is one Fiat–Shamir hash: the bytes hashed (protocol,
// kind "example", the string "plenum", uint64 7 and the point G, each
// length-prefixed) and the challenge, SHA-512 of them reduced modulo l.
type TranscriptVector struct {
	Input     string `json:"input"`
	Challenge Scalar `json:"challenge"`
}

// BallotVector is one encryption: question, voter, plaintext vote, ballot.
type BallotVector struct {
	Question Question `json:"question"`
	Voter    string   `json:"voter"`
	Vote     []int    `json:"vote"`
	Ballot   Ballot   `json:"ballot"`
	Tracker  string   `json:"tracker"`
}

// CountVector is a weighted homomorphic count decrypted by trustees 1 and 3.
type CountVector struct {
	Ballots  []int               `json:"ballots"` // indexes into Ballots
	Weights  []uint64            `json:"weights"`
	Tally    Tally               `json:"tally"`
	Partials []PartialDecryption `json:"partial_decryptions"`
	Result   Result              `json:"result"`
}

// RankedVector is ranked ballots shuffled twice, decrypted by trustees 2, 3.
type RankedVector struct {
	Ballots  []int               `json:"ballots"` // indexes into Ballots
	Shuffles []Shuffle           `json:"shuffles"`
	Partials []PartialDecryption `json:"partial_decryptions"`
	Result   Result              `json:"result"`
	Rankings [][]int             `json:"rankings"`
}

// RefusedVector is a message that must be refused with the error Code.
// Check says how: "ballot" (decode, then verify as Ballots[0]'s voter for
// its question), "partial" (decode, verify against the count's totals),
// "result" (decode, verify against the count's partials), "approval"
// (decode, verify as Ballots[3], the approval of at most 2 of 4), "dealing",
// "trustee-key", "shuffle" (against the first shuffle's input).
type RefusedVector struct {
	Name  string `json:"name"`
	Check string `json:"check"`
	Data  string `json:"data"`
	Code  string `json:"code"`
}

// GenerateVectors runs the protocol with the deterministic randomness and
// returns the vectors file's content. It is for tests and for other
// implementations; nothing else may use fixed randomness.
func GenerateVectors() ([]byte, error) {
	v, err := generateVectors()
	if err != nil {
		return nil, err
	}
	out, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

func generateVectors() (*Vectors, error) {
	rand := testrand.New(VectorSeed)
	v := &Vectors{Comment: "plenum-ballot-v1 known-answer vectors; see docs/secret-ballots.md. Regenerate with: go test ./ballot -run TestVectors -update"}
	for n := range uint64(16) {
		v.Group.Multiples = append(v.Group.Multiples, pt(base(n)))
	}
	for i := range 4 {
		v.Group.Generators = append(v.Group.Generators, pt(generator("shuffle", i)))
	}
	t := newTranscript("example").str("plenum").u64(7).point(ristretto255.NewGeneratorElement())
	v.Transcript = TranscriptVector{Input: hex.EncodeToString(transcriptBytes("example")), Challenge: sc(t.challenge())}

	v.Params = Parameters{Election: "plenum-vectors/vote-1", Trustees: 3, Threshold: 2}
	for i := 1; i <= 3; i++ {
		s, k, err := GenerateTrustee(v.Params, i, rand)
		if err != nil {
			return nil, err
		}
		v.Secrets = append(v.Secrets, s)
		v.Keys = append(v.Keys, k)
	}
	for _, s := range v.Secrets {
		d, err := Deal(s, v.Keys, rand)
		if err != nil {
			return nil, err
		}
		v.Dealings = append(v.Dealings, d)
	}
	shares := make([]ShareKey, 3)
	for i, s := range v.Secrets {
		sk, err := OpenShares(s, v.Keys, v.Dealings)
		if err != nil {
			return nil, err
		}
		c, err := sk.Confirm(rand)
		if err != nil {
			return nil, err
		}
		shares[i] = sk
		v.Confirms = append(v.Confirms, c)
	}
	key, err := CombineKeys(v.Params, v.Keys, v.Dealings, v.Confirms)
	if err != nil {
		return nil, err
	}
	v.Key = key

	yesNo := Question{Kind: Choice, Options: 3, Min: 1, Max: 1}
	approval := Question{Kind: Choice, Options: 4, Min: 0, Max: 2}
	ranking := Question{Kind: Ranking, Options: 3}
	cases := []struct {
		q     Question
		voter string
		vote  []int
	}{
		{yesNo, "mandate-1", []int{1, 0, 0}},
		{yesNo, "mandate-2", []int{0, 1, 0}},
		{yesNo, "mandate-3", []int{1, 0, 0}},
		{approval, "mandate-1", []int{1, 0, 1, 0}},
		{ranking, "mandate-1", []int{2, 0}},
		{ranking, "mandate-2", []int{0, 1, 2}},
		{ranking, "mandate-3", []int{}},
	}
	for _, c := range cases {
		b, err := Encrypt(key, c.q, c.voter, c.vote, rand)
		if err != nil {
			return nil, err
		}
		tr, err := b.Tracker()
		if err != nil {
			return nil, err
		}
		v.Ballots = append(v.Ballots, BallotVector{c.q, c.voter, c.vote, b, tr})
	}

	v.Count.Ballots = []int{0, 1, 2}
	v.Count.Weights = []uint64{1, 2, 1}
	tally, err := Sum(key, yesNo, []Ballot{v.Ballots[0].Ballot, v.Ballots[1].Ballot, v.Ballots[2].Ballot}, v.Count.Weights)
	if err != nil {
		return nil, err
	}
	v.Count.Tally = tally
	for _, i := range []int{0, 2} {
		d, err := shares[i].Decrypt(key, tally.Totals, rand)
		if err != nil {
			return nil, err
		}
		v.Count.Partials = append(v.Count.Partials, d)
	}
	if v.Count.Result, err = tally.Decrypt(key, v.Count.Partials); err != nil {
		return nil, err
	}

	v.Ranked.Ballots = []int{4, 5, 6}
	var rows [][]Ciphertext
	for _, i := range v.Ranked.Ballots {
		rows = append(rows, v.Ballots[i].Ballot.Choices)
	}
	for range 2 {
		s, err := ShuffleBallots(key, rows, rand)
		if err != nil {
			return nil, err
		}
		v.Ranked.Shuffles = append(v.Ranked.Shuffles, s)
		rows = s.Output
	}
	flat := flatten(rows)
	for _, i := range []int{1, 2} {
		d, err := shares[i].Decrypt(key, flat, rand)
		if err != nil {
			return nil, err
		}
		v.Ranked.Partials = append(v.Ranked.Partials, d)
	}
	if v.Ranked.Result, err = Decrypt(key, flat, v.Ranked.Partials, uint64(ranking.Options)); err != nil {
		return nil, err
	}
	for i := range rows {
		r, err := ReadRanking(ranking, v.Ranked.Result.Values[i*ranking.Options:(i+1)*ranking.Options])
		if err != nil {
			return nil, err
		}
		v.Ranked.Rankings = append(v.Ranked.Rankings, r)
	}
	if err := v.addRefused(rand); err != nil {
		return nil, err
	}
	return v, nil
}

// transcriptBytes is the input of the example transcript, written out.
func transcriptBytes(kind string) []byte {
	var buf []byte
	field := func(b []byte) {
		buf = append(buf, byte(len(b)>>24), byte(len(b)>>16), byte(len(b)>>8), byte(len(b)))
		buf = append(buf, b...)
	}
	field([]byte(protocol))
	field([]byte(kind))
	field([]byte("plenum"))
	field([]byte{0, 0, 0, 0, 0, 0, 0, 7})
	field(ristretto255.NewGeneratorElement().Bytes())
	return buf
}

// flatten is the ciphertexts of rows, row after row.
func flatten(rows [][]Ciphertext) []Ciphertext {
	var out []Ciphertext
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}

// flipHex changes the hex digit at offset i of s (to the next digit).
func flipHex(s string, i int) string {
	b := []byte(s)
	switch {
	case b[i] == 'f':
		b[i] = '0'
	case b[i] == '9':
		b[i] = 'a'
	default:
		b[i]++
	}
	return string(b)
}

// addRefused derives the messages that must be refused from good ones.
func (v *Vectors) addRefused(rand io.Reader) error {
	enc := func(x any) string {
		b, err := Encode(x)
		if err != nil {
			panic(err)
		}
		return string(b)
	}
	ballot := v.Ballots[0].Ballot
	add := func(name, check, data, code string) {
		v.Refused = append(v.Refused, RefusedVector{name, check, data, code})
	}
	good := enc(ballot)
	at := func(s, field string) int { // the first hex digit of the first string in "field":
		i := indexOf(s, `"`+field+`":`) + len(field) + 3
		return i + indexOf(s[i:], `"`) + 1
	}
	add("ballot: one hex digit of a ciphertext's beta changed", "ballot", flipHex(good, at(good, "b")+62), "")
	moved := good[:at(good, "b")] + good[at(good, "a"):at(good, "a")+64] + good[at(good, "b")+64:]
	add("ballot: a ciphertext's beta replaced by another valid point", "ballot", moved, "invalid-proof")
	add("ballot: one hex digit of a proof's response changed", "ballot", flipHex(good, at(good, "s")+10), "invalid-proof")
	add("ballot: upper-case hex", "ballot", good[:at(good, "a")]+"E2F2AE0A6ABC4E71A884A961C500515F58E30B6AA582DD8DB6A65945E08D2D76"+good[at(good, "a")+64:], "malformed")
	add("ballot: white space", "ballot", " "+good, "not-canonical")
	add("ballot: unknown field", "ballot", `{"extra":1,`+good[1:], "malformed")
	add("ballot: scalar not reduced", "ballot", good[:at(good, "s")]+"edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010"+good[at(good, "s")+64:], "malformed")
	add("ballot: point not canonical", "ballot", good[:at(good, "a")]+"edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"+good[at(good, "a")+64:], "malformed")
	other := ballot
	other.Voter = "mandate-2"
	add("ballot: cast for another voter (proofs bind the voter)", "ballot", enc(other), "wrong-context")
	replay := v.Ballots[1].Ballot
	replay.Voter = "mandate-1"
	add("ballot: another voter's ballot relabelled", "ballot", enc(replay), "invalid-proof")
	swapped := ballot
	swapped.Choices = []Ciphertext{ballot.Choices[1], ballot.Choices[0], ballot.Choices[2]}
	swapped.Proofs = []MembershipProof{ballot.Proofs[1], ballot.Proofs[0], ballot.Proofs[2]}
	add("ballot: options swapped with their proofs", "ballot", enc(swapped), "invalid-proof")

	// An approval of at most 2 of 4 with 3 marks: each mark's 0-or-1 proof
	// holds, and the range proof, made as if the sum were 2, does not.
	appr := v.Ballots[3]
	over, sumR, err := encryptChoices(v.Key, appr.Question, appr.Voter, []uint64{1, 1, 1, 0}, rand)
	if err != nil {
		return err
	}
	if over.Sum, err = proveMembership(ballotTranscript(kindChoiceSum, v.Key, appr.Voter, appr.Question, appr.Question.Options), v.Key.Key.e, over.sum(), sumR, span(0, 2), 2, rand); err != nil {
		return err
	}
	add("approval: three approvals where at most two are allowed", "approval", enc(over), "invalid-proof")
	reordered := appr.Ballot
	reordered.Sum = MembershipProof{appr.Ballot.Sum[1], appr.Ballot.Sum[0], appr.Ballot.Sum[2]}
	add("approval: the range proof's branches reordered", "approval", enc(reordered), "invalid-proof")
	borrowed := appr.Ballot
	borrowed.Sum = over.Sum
	add("approval: the range proof of another ballot", "approval", enc(borrowed), "invalid-proof")

	part := enc(v.Count.Partials[0])
	add("partial decryption: one hex digit of a factor changed", "partial", flipHex(part, at(part, "factors")+40), "")
	g := hex.EncodeToString(ristretto255.NewGeneratorElement().Bytes())
	add("partial decryption: a factor replaced by another valid point", "partial", part[:at(part, "factors")]+g+part[at(part, "factors")+64:], "invalid-proof")
	add("partial decryption: one hex digit of a proof changed", "partial", flipHex(part, at(part, "s")+5), "invalid-proof")
	res := v.Count.Result
	res.Values = append([]uint64{res.Values[0] + 1}, res.Values[1:]...)
	add("result: a declared total changed", "result", enc(res), "result-mismatch")
	res = v.Count.Result
	res.Trustees = []int{1}
	add("result: fewer trustees than the threshold", "result", enc(res), "not-enough-shares")
	deal := enc(v.Dealings[0])
	add("dealing: one hex digit of the proof changed", "dealing", flipHex(deal, at(deal, "s")+7), "invalid-proof")
	tk := enc(v.Keys[0])
	add("trustee key: one hex digit of the proof changed", "trustee-key", flipHex(tk, at(tk, "c")+3), "invalid-proof")
	shuf := v.Ranked.Shuffles[0]
	swappedRows := shuf
	swappedRows.Output = [][]Ciphertext{shuf.Output[1], shuf.Output[0], shuf.Output[2]}
	add("shuffle: two output ballots swapped", "shuffle", enc(swappedRows), "invalid-proof")
	sh := enc(shuf)
	add("shuffle: one hex digit of a response changed", "shuffle", flipHex(sh, at(sh, "s3")+9), "invalid-proof")

	// A changed hex digit of a point may decode (another point) or not;
	// fix each such vector's expected code by what it really is.
	for i := range v.Refused {
		if v.Refused[i].Code == "" {
			v.Refused[i].Code = ErrorCode(v.checkRefused(v.Refused[i]))
		}
		if got := ErrorCode(v.checkRefused(v.Refused[i])); got != v.Refused[i].Code || got == "" {
			return fmt.Errorf("refused vector %q: got %q, want %q", v.Refused[i].Name, got, v.Refused[i].Code)
		}
	}
	return nil
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	panic("vectors: " + sub + " not found")
}

// checkRefused runs one refused vector's check; nil means it was accepted.
func (v *Vectors) checkRefused(r RefusedVector) error {
	data := []byte(r.Data)
	switch r.Check {
	case "ballot":
		b, err := DecodeBallot(data)
		if err != nil {
			return err
		}
		return b.Verify(v.Key, v.Ballots[0].Question, v.Ballots[0].Voter)
	case "approval":
		b, err := DecodeBallot(data)
		if err != nil {
			return err
		}
		return b.Verify(v.Key, v.Ballots[3].Question, v.Ballots[3].Voter)
	case "partial":
		d, err := DecodePartialDecryption(data)
		if err != nil {
			return err
		}
		return d.Verify(v.Key, v.Count.Tally.Totals)
	case "result":
		res, err := DecodeResult(data)
		if err != nil {
			return err
		}
		return res.Verify(v.Key, v.Count.Tally.Totals, v.Count.Partials)
	case "dealing":
		d, err := DecodeDealing(data)
		if err != nil {
			return err
		}
		return d.Verify(v.Params)
	case "trustee-key":
		k, err := DecodeTrusteeKey(data)
		if err != nil {
			return err
		}
		return k.Verify(v.Params)
	case "shuffle":
		s, err := DecodeShuffle(data)
		if err != nil {
			return err
		}
		var rows [][]Ciphertext
		for _, i := range v.Ranked.Ballots {
			rows = append(rows, v.Ballots[i].Ballot.Choices)
		}
		return s.Verify(v.Key, rows)
	}
	return fmt.Errorf("%w: unknown check %q", ErrMalformed, r.Check)
}

// CheckVectors verifies a vectors file as an independent verifier would:
// the group vectors against the group, the transcript example, every
// message of the ceremony, every ballot, the count and its decryption, the
// shuffles and the rankings, and that every refused message is refused
// with its code. It does not regenerate anything that needs randomness.
func CheckVectors(data []byte) error {
	var v Vectors
	if err := json.Unmarshal(data, &v); err != nil {
		return fmt.Errorf("vectors: %w", err)
	}
	for n, p := range v.Group.Multiples {
		if !p.Equal(pt(base(uint64(n)))) {
			return fmt.Errorf("vectors: multiple %d of the generator", n)
		}
	}
	for i, p := range v.Group.Generators {
		if !p.Equal(pt(generator("shuffle", i))) {
			return fmt.Errorf("vectors: shuffle generator %d", i)
		}
	}
	input, err := hex.DecodeString(v.Transcript.Input)
	if err != nil {
		return fmt.Errorf("vectors: transcript input: %w", err)
	}
	sum := sha512.Sum512(input)
	if c, _ := newScalar().SetUniformBytes(sum[:]); v.Transcript.Challenge.s == nil || c.Equal(v.Transcript.Challenge.s) != 1 {
		return fmt.Errorf("vectors: transcript challenge")
	}
	for _, k := range v.Keys {
		if err := k.Verify(v.Params); err != nil {
			return fmt.Errorf("vectors: %w", err)
		}
	}
	key, err := CombineKeys(v.Params, v.Keys, v.Dealings, v.Confirms)
	if err != nil {
		return fmt.Errorf("vectors: %w", err)
	}
	if !key.Key.Equal(v.Key.Key) {
		return fmt.Errorf("vectors: the election key is not the dealings'")
	}
	for i, s := range v.Secrets {
		sk, err := OpenShares(s, v.Keys, v.Dealings)
		if err != nil {
			return fmt.Errorf("vectors: trustee %d: %w", i+1, err)
		}
		if !pt(newElement().ScalarBaseMult(sk.share)).Equal(key.VerificationKeys[i]) {
			return fmt.Errorf("vectors: trustee %d's share", i+1)
		}
	}
	for i, b := range v.Ballots {
		if err := b.Ballot.Verify(key, b.Question, b.Voter); err != nil {
			return fmt.Errorf("vectors: ballot %d: %w", i, err)
		}
		if tr, _ := b.Ballot.Tracker(); tr != b.Tracker {
			return fmt.Errorf("vectors: ballot %d's tracker", i)
		}
	}
	var counted []Ballot
	for _, i := range v.Count.Ballots {
		counted = append(counted, v.Ballots[i].Ballot)
	}
	if err := v.Count.Tally.Verify(key, counted, v.Count.Weights); err != nil {
		return fmt.Errorf("vectors: count: %w", err)
	}
	if err := v.Count.Result.Verify(key, v.Count.Tally.Totals, v.Count.Partials); err != nil {
		return fmt.Errorf("vectors: count: %w", err)
	}
	var rows [][]Ciphertext
	for _, i := range v.Ranked.Ballots {
		rows = append(rows, v.Ballots[i].Ballot.Choices)
	}
	for i, s := range v.Ranked.Shuffles {
		if err := s.Verify(key, rows); err != nil {
			return fmt.Errorf("vectors: shuffle %d: %w", i, err)
		}
		rows = s.Output
	}
	if err := v.Ranked.Result.Verify(key, flatten(rows), v.Ranked.Partials); err != nil {
		return fmt.Errorf("vectors: ranked: %w", err)
	}
	q := v.Ballots[v.Ranked.Ballots[0]].Question
	for i := range rows {
		r, err := ReadRanking(q, v.Ranked.Result.Values[i*q.Options:(i+1)*q.Options])
		if err != nil || fmt.Sprint(r) != fmt.Sprint(v.Ranked.Rankings[i]) {
			return fmt.Errorf("vectors: ranking %d: %v", i, err)
		}
	}
	v.Key = key
	for _, r := range v.Refused {
		if got := ErrorCode(v.checkRefused(r)); got != r.Code {
			return fmt.Errorf("vectors: refused %q: got %q, want %q", r.Name, got, r.Code)
		}
	}
	return nil
}
