package ballot_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"plenum/ballot"
	"plenum/ballot/internal/testrand"
)

// election is one key ceremony's outcome, for tests.
type election struct {
	params   ballot.Parameters
	secrets  []ballot.TrusteeSecret
	keys     []ballot.TrusteeKey
	dealings []ballot.Dealing
	shares   []ballot.ShareKey
	key      ballot.ElectionKey
}

func ceremony(t testing.TB, id string, n, k int) *election {
	t.Helper()
	rand := testrand.New("ceremony " + id)
	e := &election{params: ballot.Parameters{Election: id, Trustees: n, Threshold: k}}
	for i := 1; i <= n; i++ {
		s, key, err := ballot.GenerateTrustee(e.params, i, rand)
		if err != nil {
			t.Fatal(err)
		}
		e.secrets = append(e.secrets, s)
		e.keys = append(e.keys, key)
	}
	for _, s := range e.secrets {
		d, err := ballot.Deal(s, e.keys, rand)
		if err != nil {
			t.Fatal(err)
		}
		e.dealings = append(e.dealings, d)
	}
	var confirms []ballot.Confirmation
	for _, s := range e.secrets {
		sk, err := ballot.OpenShares(s, e.keys, e.dealings)
		if err != nil {
			t.Fatal(err)
		}
		c, err := sk.Confirm(rand)
		if err != nil {
			t.Fatal(err)
		}
		e.shares = append(e.shares, sk)
		confirms = append(confirms, c)
	}
	key, err := ballot.CombineKeys(e.params, e.keys, e.dealings, confirms)
	if err != nil {
		t.Fatal(err)
	}
	e.key = key
	return e
}

// wantErr checks err is the named error and its message has every part.
func wantErr(t *testing.T, err, want error, parts ...string) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("got error %v, want %v", err, want)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("error %q does not say %q", err, p)
		}
	}
}

// TestCount runs the whole protocol for several thresholds and subsets of
// decrypting trustees and checks the decrypted totals are the weighted
// counts of the plaintext votes.
func TestCount(t *testing.T) {
	cases := []struct {
		n, k    int
		decrypt []int // 1-based trustees who decrypt
		q       ballot.Question
	}{
		{1, 1, []int{1}, ballot.Question{Kind: ballot.Choice, Options: 3, Min: 1, Max: 1}},
		{2, 2, []int{1, 2}, ballot.Question{Kind: ballot.Choice, Options: 3, Min: 1, Max: 1}},
		{3, 2, []int{1, 3}, ballot.Question{Kind: ballot.Choice, Options: 4, Min: 0, Max: 2}},
		{3, 2, []int{2, 3}, ballot.Question{Kind: ballot.Choice, Options: 2, Min: 0, Max: 1}},
		{3, 2, []int{3, 2, 1}, ballot.Question{Kind: ballot.Choice, Options: 5, Min: 2, Max: 3}},
		{5, 3, []int{5, 1, 4}, ballot.Question{Kind: ballot.Choice, Options: 3, Min: 1, Max: 1}},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%d-of-%d/%v/%d-options", c.k, c.n, c.decrypt, c.q.Options), func(t *testing.T) {
			e := ceremony(t, "count", c.n, c.k)
			rand := testrand.New(t.Name())
			want := make([]uint64, c.q.Options)
			var ballots []ballot.Ballot
			var weights []uint64
			for v := range 12 {
				vote := make([]int, c.q.Options)
				marks := c.q.Min + v%(c.q.Max-c.q.Min+1)
				for j := range marks {
					vote[(v+j)%c.q.Options] = 1
				}
				w := uint64(1 + v%3)
				voter := fmt.Sprintf("mandate-%d", v)
				b, err := ballot.Encrypt(e.key, c.q, voter, vote, rand)
				if err != nil {
					t.Fatal(err)
				}
				if err := b.Verify(e.key, c.q, voter); err != nil {
					t.Fatal(err)
				}
				for j, m := range vote {
					want[j] += uint64(m) * w
				}
				ballots = append(ballots, b)
				weights = append(weights, w)
			}
			tally, err := ballot.Sum(e.key, c.q, ballots, weights)
			if err != nil {
				t.Fatal(err)
			}
			if err := tally.Verify(e.key, ballots, weights); err != nil {
				t.Fatal(err)
			}
			var partials []ballot.PartialDecryption
			for _, m := range c.decrypt {
				d, err := e.shares[m-1].Decrypt(e.key, tally.Totals, rand)
				if err != nil {
					t.Fatal(err)
				}
				partials = append(partials, d)
			}
			res, err := tally.Decrypt(e.key, partials)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(res.Values) != fmt.Sprint(want) {
				t.Fatalf("decrypted %v, counted %v", res.Values, want)
			}
			if err := res.Verify(e.key, tally.Totals, partials); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestThresholdMissingTrustee: 2 of 3 decrypt without the third; one alone
// cannot, and is told how many more are needed.
func TestThresholdMissingTrustee(t *testing.T) {
	e := ceremony(t, "threshold", 3, 2)
	rand := testrand.New("threshold")
	q := ballot.Question{Kind: ballot.Choice, Options: 2, Min: 1, Max: 1}
	b, err := ballot.Encrypt(e.key, q, "m1", []int{0, 1}, rand)
	if err != nil {
		t.Fatal(err)
	}
	tally, err := ballot.Sum(e.key, q, []ballot.Ballot{b}, nil)
	if err != nil {
		t.Fatal(err)
	}
	d1, _ := e.shares[0].Decrypt(e.key, tally.Totals, rand)
	_, err = tally.Decrypt(e.key, []ballot.PartialDecryption{d1})
	wantErr(t, err, ballot.ErrNotEnoughShares, "1 of the 2")
	d3, _ := e.shares[2].Decrypt(e.key, tally.Totals, rand)
	res, err := tally.Decrypt(e.key, []ballot.PartialDecryption{d3, d1})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(res.Values) != "[0 1]" || fmt.Sprint(res.Trustees) != "[1 3]" {
		t.Fatalf("result %+v", res)
	}
	_, err = tally.Decrypt(e.key, []ballot.PartialDecryption{d1, d1})
	wantErr(t, err, ballot.ErrInvalidParameters, "two partial decryptions by trustee 1")
	// A partial decryption claimed for trustee 2 but made by trustee 1.
	forged := d1
	forged.Trustee = 2
	_, err = tally.Decrypt(e.key, []ballot.PartialDecryption{forged, d3})
	wantErr(t, err, ballot.ErrInvalidProof, "trustee 2")
}

func TestEncryptRules(t *testing.T) {
	e := ceremony(t, "rules", 2, 2)
	rand := testrand.New("rules")
	one := ballot.Question{Kind: ballot.Choice, Options: 3, Min: 1, Max: 1}
	approve := ballot.Question{Kind: ballot.Choice, Options: 4, Min: 0, Max: 2}
	rank := ballot.Question{Kind: ballot.Ranking, Options: 4}
	cases := []struct {
		name string
		q    ballot.Question
		vote []int
		want error
		says string
	}{
		{"one choice", one, []int{0, 0, 1}, nil, ""},
		{"no choice where one is required", one, []int{0, 0, 0}, ballot.ErrInvalidChoice, "0 options marked; this question takes 1 to 1"},
		{"two choices where one is allowed", one, []int{1, 0, 1}, ballot.ErrInvalidChoice, "2 options marked"},
		{"a mark of 2", one, []int{2, 0, 0}, ballot.ErrInvalidChoice, "option 0 is marked 2"},
		{"too few marks", one, []int{1, 0}, ballot.ErrInvalidChoice, "2 marks for 3 options"},
		{"approval of none", approve, []int{0, 0, 0, 0}, nil, ""},
		{"approval of two", approve, []int{1, 0, 0, 1}, nil, ""},
		{"approval of three of at most two", approve, []int{1, 1, 0, 1}, ballot.ErrInvalidChoice, "3 options marked"},
		{"full ranking", rank, []int{3, 1, 0, 2}, nil, ""},
		{"partial ranking", rank, []int{2}, nil, ""},
		{"empty ranking", rank, []int{}, nil, ""},
		{"ranked twice", rank, []int{1, 1}, ballot.ErrInvalidChoice, "option 1 is ranked twice"},
		{"no such option", rank, []int{4}, ballot.ErrInvalidChoice, "options are 0 to 3"},
		{"bad question", ballot.Question{Kind: ballot.Choice, Options: 2, Min: 2, Max: 1}, []int{1, 1}, ballot.ErrInvalidParameters, "need 0 ≤ min ≤ max ≤ options"},
		{"unknown kind", ballot.Question{Kind: "borda", Options: 2}, []int{1, 1}, ballot.ErrInvalidParameters, `"borda"`},
		{"ranking too large", ballot.Question{Kind: ballot.Ranking, Options: ballot.MaxRankedOptions + 1}, nil, ballot.ErrInvalidParameters, "1 to 32 options"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := ballot.Encrypt(e.key, c.q, "voter", c.vote, rand)
			if c.want != nil {
				wantErr(t, err, c.want, c.says)
				if b.Choices != nil {
					t.Fatal("a refused vote still produced ciphertexts")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := b.Verify(e.key, c.q, "voter"); err != nil {
				t.Fatal(err)
			}
			enc, err := ballot.Encode(b)
			if err != nil {
				t.Fatal(err)
			}
			back, err := ballot.DecodeBallot(enc)
			if err != nil {
				t.Fatal(err)
			}
			if err := back.Verify(e.key, c.q, "voter"); err != nil {
				t.Fatal(err)
			}
			// The same ballot checked against other rules is refused.
			other := c.q
			if other.Kind == ballot.Choice {
				other.Max = other.Min
				if other.Max == c.q.Max {
					other.Min, other.Max = 0, c.q.Options
				}
			} else {
				other.Options++
			}
			if err := b.Verify(e.key, other, "voter"); err == nil {
				t.Fatal("a ballot verified under rules it was not made for")
			}
		})
	}
}

func TestParametersValidate(t *testing.T) {
	cases := []struct {
		p    ballot.Parameters
		says string
	}{
		{ballot.Parameters{Election: "e", Trustees: 3, Threshold: 2}, ""},
		{ballot.Parameters{Election: "e", Trustees: 0, Threshold: 0}, "0 trustees"},
		{ballot.Parameters{Election: "e", Trustees: 2, Threshold: 3}, "threshold 3 with 2 trustees"},
		{ballot.Parameters{Election: "e", Trustees: 65, Threshold: 3}, "1 to 64"},
		{ballot.Parameters{Election: "", Trustees: 1, Threshold: 1}, "1 to 256 bytes"},
		{ballot.Parameters{Election: "vote\n3", Trustees: 1, Threshold: 1}, "printable ASCII"},
		{ballot.Parameters{Election: `vote "3"`, Trustees: 1, Threshold: 1}, "without quotes"},
	}
	for _, c := range cases {
		err := c.p.Validate()
		if c.says == "" {
			if err != nil {
				t.Errorf("%+v: %v", c.p, err)
			}
			continue
		}
		if !errors.Is(err, ballot.ErrInvalidParameters) || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%+v: got %v, want it to say %q", c.p, err, c.says)
		}
	}
}

// TestBallotTampering changes one hex digit at a time across a whole
// encoded ballot: every change must be refused (malformed, a proof that
// fails, or another election or voter named), and never accepted.
func TestBallotTampering(t *testing.T) {
	e := ceremony(t, "tamper", 2, 2)
	q := ballot.Question{Kind: ballot.Choice, Options: 3, Min: 1, Max: 1}
	b, err := ballot.Encrypt(e.key, q, "m1", []int{0, 1, 0}, testrand.New("tamper"))
	if err != nil {
		t.Fatal(err)
	}
	enc, _ := ballot.Encode(b)
	step := 7
	if testing.Short() {
		step = 31
	}
	tried := 0
	for i := 0; i < len(enc); i += step {
		c := enc[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			continue
		}
		mod := append([]byte(nil), enc...)
		mod[i] = "1032547698badcfe"[strings.IndexByte("0123456789abcdef", c)]
		tried++
		got, err := ballot.DecodeBallot(mod)
		if err == nil {
			err = got.Verify(e.key, q, "m1")
		}
		code := ballot.ErrorCode(err)
		if code != "malformed" && code != "invalid-proof" && code != "wrong-context" {
			t.Fatalf("digit %d changed: got %v, want it refused as malformed, invalid-proof or wrong-context", i, err)
		}
	}
	if tried < 50 {
		t.Fatalf("only %d changes tried", tried)
	}
}

// TestReplay: a ballot is bound to its voter and its election.
func TestReplay(t *testing.T) {
	e := ceremony(t, "replay", 2, 2)
	other := ceremony(t, "replay-other", 2, 2)
	q := ballot.Question{Kind: ballot.Choice, Options: 2, Min: 1, Max: 1}
	b, err := ballot.Encrypt(e.key, q, "alice", []int{1, 0}, testrand.New("replay"))
	if err != nil {
		t.Fatal(err)
	}
	wantErr(t, b.Verify(e.key, q, "bob"), ballot.ErrWrongContext, `voter "alice", cast by "bob"`)
	relabelled := b
	relabelled.Voter = "bob"
	wantErr(t, relabelled.Verify(e.key, q, "bob"), ballot.ErrInvalidProof, "ciphertext 0")
	wantErr(t, b.Verify(other.key, q, "alice"), ballot.ErrWrongContext, `election "replay"`)
	moved := b
	moved.Election = "replay-other"
	wantErr(t, moved.Verify(other.key, q, "alice"), ballot.ErrInvalidProof)
}

// TestCeremonyRefusals: bad messages of the key ceremony are refused,
// naming who and what.
func TestCeremonyRefusals(t *testing.T) {
	e := ceremony(t, "refuse", 3, 2)
	rand := testrand.New("refuse")

	bad := e.keys[1]
	bad.Index = 3
	wantErr(t, bad.Verify(e.params), ballot.ErrInvalidProof, "trustee 3's proof")

	// A sealed share changed in transit: its recipient refuses the dealer.
	dealings := append([]ballot.Dealing(nil), e.dealings...)
	d := dealings[0]
	d.Shares = append([]ballot.SealedShare(nil), d.Shares...)
	d.Shares[0].Box[5] ^= 1 // dealer 1's share for trustee 2
	dealings[0] = d
	_, err := ballot.OpenShares(e.secrets[1], e.keys, dealings)
	wantErr(t, err, ballot.ErrBadDealing, "dealer 1", "trustee 2")
	// Trustee 3's share from dealer 1 is untouched.
	if _, err := ballot.OpenShares(e.secrets[2], e.keys, dealings); err != nil {
		t.Fatal(err)
	}

	// Dealings out of order, or one missing.
	_, err = ballot.OpenShares(e.secrets[0], e.keys, []ballot.Dealing{e.dealings[1], e.dealings[0], e.dealings[2]})
	wantErr(t, err, ballot.ErrInvalidParameters, "dealing 1 is dealer 2's")
	_, err = ballot.OpenShares(e.secrets[0], e.keys, e.dealings[:2])
	wantErr(t, err, ballot.ErrInvalidParameters, "2 dealings for 3 trustees")

	// A key file that is not the published key.
	wrong := e.secrets[0]
	wrong.Index = 2
	_, err = ballot.Deal(wrong, e.keys, rand)
	wantErr(t, err, ballot.ErrWrongContext, "not trustee 2's published key")

	// A confirmation of a verification key the dealings do not give.
	var confirms []ballot.Confirmation
	for _, s := range e.shares {
		c, _ := s.Confirm(rand)
		confirms = append(confirms, c)
	}
	swapped := append([]ballot.Confirmation(nil), confirms...)
	swapped[0].VerificationKey = confirms[1].VerificationKey
	_, err = ballot.CombineKeys(e.params, e.keys, e.dealings, swapped)
	wantErr(t, err, ballot.ErrBadDealing, "trustee 1 confirms")
	_, err = ballot.CombineKeys(e.params, e.keys, e.dealings, confirms[:2])
	wantErr(t, err, ballot.ErrInvalidParameters, "every trustee must confirm")

	// A share key used for another election's ciphertexts.
	other := ceremony(t, "refuse-other", 3, 2)
	_, err = e.shares[0].Decrypt(other.key, nil, rand)
	wantErr(t, err, ballot.ErrWrongContext)
}

// TestShuffle: shuffles of several sizes verify, chain, and keep the
// multiset of plaintexts; altered shuffles are refused.
func TestShuffle(t *testing.T) {
	e := ceremony(t, "shuffle", 2, 1)
	rand := testrand.New("shuffle")
	q := ballot.Question{Kind: ballot.Ranking, Options: 3}
	votes := [][]int{{0, 1, 2}, {2}, {}, {1, 0}, {2, 1, 0}}
	for _, n := range []int{1, 2, 5} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var rows [][]ballot.Ciphertext
			var want []string
			for i := range n {
				b, err := ballot.Encrypt(e.key, q, fmt.Sprint("v", i), votes[i], rand)
				if err != nil {
					t.Fatal(err)
				}
				rows = append(rows, b.Choices)
				want = append(want, fmt.Sprint(votes[i]))
			}
			in := rows
			for range 2 {
				s, err := ballot.ShuffleBallots(e.key, rows, rand)
				if err != nil {
					t.Fatal(err)
				}
				if err := s.Verify(e.key, rows); err != nil {
					t.Fatal(err)
				}
				enc, _ := ballot.Encode(s)
				back, err := ballot.DecodeShuffle(enc)
				if err != nil {
					t.Fatal(err)
				}
				if err := back.Verify(e.key, rows); err != nil {
					t.Fatal(err)
				}
				rows = s.Output
			}
			var flat []ballot.Ciphertext
			for _, r := range rows {
				flat = append(flat, r...)
			}
			d, _ := e.shares[1].Decrypt(e.key, flat, rand)
			res, err := ballot.Decrypt(e.key, flat, []ballot.PartialDecryption{d}, 3)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for i := range rows {
				r, err := ballot.ReadRanking(q, res.Values[3*i:3*i+3])
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, fmt.Sprint(r))
			}
			if !sameMultiset(got, want) {
				t.Fatalf("shuffled rankings %v, cast %v", got, want)
			}

			// Refusals: the proof of one shuffle does not cover another input,
			// nor an output with a ballot replaced by a copy of another.
			s, _ := ballot.ShuffleBallots(e.key, in, rand)
			if n > 1 {
				dup := s
				dup.Output = append([][]ballot.Ciphertext{s.Output[1]}, s.Output[1:]...)
				wantErr(t, dup.Verify(e.key, in), ballot.ErrInvalidProof, "shuffle proof")
				other := append([][]ballot.Ciphertext{in[1]}, in[1:]...)
				wantErr(t, s.Verify(e.key, other), ballot.ErrInvalidProof)
			}
			short := s
			short.Proof.SHat = short.Proof.SHat[:n-1]
			wantErr(t, short.Verify(e.key, in), ballot.ErrMalformed, "one entry per ballot")
		})
	}
	_, err := ballot.ShuffleBallots(e.key, nil, rand)
	wantErr(t, err, ballot.ErrInvalidParameters, "nothing to shuffle")
}

func sameMultiset(a, b []string) bool {
	count := map[string]int{}
	for _, x := range a {
		count[x]++
	}
	for _, x := range b {
		count[x]--
	}
	for _, c := range count {
		if c != 0 {
			return false
		}
	}
	return len(a) == len(b)
}

func TestReadRanking(t *testing.T) {
	q := ballot.Question{Kind: ballot.Ranking, Options: 3}
	cases := []struct {
		values []uint64
		want   string
		says   string
	}{
		{[]uint64{3, 1, 2}, "[2 0 1]", ""},
		{[]uint64{2, 0, 0}, "[1]", ""},
		{[]uint64{0, 0, 0}, "[]", ""},
		{[]uint64{1, 1, 0}, "", "option 0 is ranked twice"},
		{[]uint64{0, 2, 0}, "", "rank 2 follows an empty rank"},
		{[]uint64{1}, "", "1 ranks for 3 options"},
	}
	for _, c := range cases {
		got, err := ballot.ReadRanking(q, c.values)
		if c.says != "" {
			if !errors.Is(err, ballot.ErrInvalidChoice) || !strings.Contains(err.Error(), c.says) {
				t.Errorf("%v: got %v, want %q", c.values, err, c.says)
			}
			continue
		}
		if err != nil || fmt.Sprint(got) != c.want {
			t.Errorf("%v: got %v %v, want %s", c.values, got, err, c.want)
		}
	}
}

func TestSumRefusals(t *testing.T) {
	e := ceremony(t, "sum", 1, 1)
	q := ballot.Question{Kind: ballot.Choice, Options: 2, Min: 1, Max: 1}
	b, _ := ballot.Encrypt(e.key, q, "m", []int{1, 0}, testrand.New("sum"))
	_, err := ballot.Sum(e.key, q, []ballot.Ballot{b}, []uint64{0})
	wantErr(t, err, ballot.ErrInvalidParameters, "weight 0")
	_, err = ballot.Sum(e.key, q, []ballot.Ballot{b, b}, []uint64{ballot.MaxWeight, 1})
	wantErr(t, err, ballot.ErrTooLarge, "total weight")
	_, err = ballot.Sum(e.key, ballot.Question{Kind: ballot.Ranking, Options: 2}, nil, nil)
	wantErr(t, err, ballot.ErrInvalidParameters, "cannot be summed")
	tally, _ := ballot.Sum(e.key, q, []ballot.Ballot{b}, nil)
	wantErr(t, tally.Verify(e.key, []ballot.Ballot{b, b}, nil), ballot.ErrResultMismatch)
}

func TestDecodeRefusals(t *testing.T) {
	data, err := ballot.GenerateVectors()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		in   string
		want error
		says string
	}{
		{"empty", "", ballot.ErrMalformed, "decoding a ballot"},
		{"trailing data", `{"election":"e","voter":"v","choices":[],"proofs":[]} {}`, ballot.ErrMalformed, "data after the value"},
		{"too large", strings.Repeat(" ", ballot.MaxBallotBytes+1), ballot.ErrTooLarge, "limit is 1048576"},
		{"short hex", `{"election":"e","voter":"v","choices":[{"a":"00","b":"00"}],"proofs":[]}`, ballot.ErrMalformed, "64 lower-case hex digits"},
		{"field order", `{"voter":"v","election":"e","choices":[],"proofs":[]}`, ballot.ErrNotCanonical, "canonical"},
	}
	for _, c := range cases {
		_, err := ballot.DecodeBallot([]byte(c.in))
		if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: got %v, want %v saying %q", c.name, err, c.want, c.says)
		}
	}
	if _, err := ballot.DecodeBallot(data); !errors.Is(err, ballot.ErrMalformed) {
		t.Errorf("the vectors file decoded as a ballot: %v", err)
	}
	_, err = ballot.DecodeTrusteeSecret([]byte(`{"version":"x","parameters":{"election":"e","trustees":1,"threshold":1},"index":1,"secret":"0000000000000000000000000000000000000000000000000000000000000000"}`))
	wantErr(t, err, ballot.ErrMalformed, "not a plenum trustee key file")
}
