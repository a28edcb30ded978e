package assembly

import (
	"slices"
	"strings"
	"testing"

	"plenum/ballot"
	"plenum/internal/enctest"
)

// encryptedElection opens the encrypted election "e" with open (the
// open_election arguments, trustees kim, rep, ben, 2 of 3) and runs its key
// ceremony through the commands, naming the election.
func encryptedElection(t *testing.T, open string) (*harness, *enctest.Ceremony) {
	h := fixture(t, "congress", "")
	return h, openEncryptedElection(t, h, "e", open)
}

// openEncryptedElection opens the encrypted election id in h with open
// and runs its key ceremony.
func openEncryptedElection(t *testing.T, h *harness, id, open string) *enctest.Ceremony {
	h.must("ann", "open_election", open)
	el := h.s.Elections[id]
	if el.Encrypted == nil || el.Encrypted.Election != "plenum/a1/election/"+id {
		t.Fatalf("encrypted setup %+v", el.Encrypted)
	}
	return keyCeremony(t, h, "election", id, el.Encrypted)
}

const encTrusteesArgs = `"encrypted":true,"trustees":["kim","rep","ben"],"trustee_quorum":2`

// castMarks casts voter's ballot with marks under the question q (which
// may differ from the election's, to make a ballot that breaks its rules).
func castMarks(t *testing.T, h *harness, c *enctest.Ceremony, q ballot.Question, voter string, marks ...int) []byte {
	b := enctest.Marks(t, c.Key, q, marks, "md-"+voter)
	h.must(voter, "cast_encrypted_ballot", args("election", "e", "voter", voter, "ballot", b))
	return b
}

// decryptElection posts trustees 1 and 3's partial decryptions of the
// election's total.
func decryptElection(t *testing.T, h *harness, c *enctest.Ceremony) {
	totals := h.s.Elections["e"].Encrypted.ToDecrypt()
	h.must("kim", "post_partial_decryption", args("election", "e", "decryption", c.Decrypt(t, 1, totals)))
	h.must("ben", "post_partial_decryption", args("election", "e", "decryption", c.Decrypt(t, 3, totals)))
}

func TestEncryptedElectionOpenRefusals(t *testing.T) {
	h := fixture(t, "congress", "")
	h.refuseLike("ann", "open_election", `{"id":"e","title":"T","seats":1,"method":"as_stated","candidates":["m7","m8"],`+encTrusteesArgs+`}`, ErrInvalid, "the method as_stated takes no ballots")
	h.refuseLike("ann", "open_election", `{"id":"e","title":"T","seats":1,"method":"irv",`+encTrusteesArgs+`}`, ErrInvalid, "its candidates are named when it opens")
	h.refuseLike("ann", "open_election", `{"id":"e","title":"T","seats":1,"method":"approval",`+encTrusteesArgs+`}`, ErrInvalid, "its candidates are named when it opens")
	h.refuseLike("ann", "open_election", `{"id":"e","title":"T","seats":1,"method":"approval","candidates":["m7","m8"],"approvals":3,`+encTrusteesArgs+`}`, ErrInvalid, "cannot approve 3 of 2 candidates")
	h.refuseLike("ann", "open_election", `{"id":"e","title":"T","seats":1,"method":"plurality","candidates":["m7","m8"],"approvals":1}`, ErrInvalid, "for the method approval, not plurality")
	h.refuseLike("ann", "open_election", `{"id":"e","title":"T","seats":1,"method":"plurality","candidates":["m7","m8"],"encrypted":true}`, ErrInvalid, "an encrypted election needs its trustees")
	h.refuseLike("ann", "open_election", `{"id":"e","title":"T","seats":1,"method":"plurality","candidates":["m7","m8"],"encrypted":true,"trustees":["kim"],"trustee_quorum":2}`, ErrInvalid, "trustee_quorum is how many of the 1 trustees")
	h.refuseLike("ann", "open_election", `{"id":"e","title":"T","seats":1,"method":"plurality","candidates":["m7","m8"],"trustees":["kim"],"trustee_quorum":1}`, ErrInvalid, "are for an encrypted election")
	if len(h.s.Elections) != 0 {
		t.Fatal("a refused election was opened")
	}
}

// TestEncryptedApprovalElection: at most 2 approvals among 4 candidates
// for 2 seats, end to end, with the ballots that break the rules refused.
func TestEncryptedApprovalElection(t *testing.T) {
	h, c := encryptedElection(t, `{"id":"e","title":"Auditors","seats":2,"method":"approval","candidates":["m7","m8","m9","m10"],"approvals":2,`+encTrusteesArgs+`}`)
	q := h.s.Elections["e"].Encrypted.Question()
	if q != (ballot.Question{Kind: ballot.Choice, Options: 4, Min: 0, Max: 2}) {
		t.Fatalf("question %+v", q)
	}
	castMarks(t, h, c, q, "m1", 1, 1, 0, 0)
	castMarks(t, h, c, q, "m2", 1, 0, 1, 0)
	castMarks(t, h, c, q, "m3", 0, 1, 0, 0)
	castMarks(t, h, c, q, "m4", 0, 0, 0, 0) // a blank ballot: no approval
	castMarks(t, h, c, q, "m5", 1, 0, 0, 1)
	// Three approvals where two are allowed, encrypted as a question of up
	// to 3 (the proofs bind the question, so none verifies for this one;
	// ballot's known-answer vectors hold one whose marks' proofs verify and
	// whose range proof does not).
	three := q
	three.Max = 3
	h.refuseLike("m6", "cast_encrypted_ballot", args("election", "e", "voter", "m6", "ballot", enctest.Marks(t, c.Key, three, []int{1, 1, 1, 0}, "md-m6")), ErrInvalid, "(invalid-proof)")
	// A forged range proof: another ballot's proof of its sum.
	b, _ := ballot.DecodeBallot(enctest.Marks(t, c.Key, q, []int{1, 0, 0, 0}, "md-m6"))
	other, _ := ballot.DecodeBallot(enctest.Marks(t, c.Key, q, []int{1, 1, 0, 0}, "md-m6"))
	b.Sum = other.Sum
	h.refuseLike("m6", "cast_encrypted_ballot", args("election", "e", "voter", "m6", "ballot", enctest.Encode(t, b)), ErrInvalid, "(invalid-proof)")
	h.refuseLike("m1", "cast_encrypted_ballot", args("election", "e", "voter", "m1", "ballot", enctest.Marks(t, c.Key, q, []int{0, 0, 1, 0}, "md-m1")), ErrConflict, "already voted in the election e, which allows no second ballot")
	h.refuseLike("m6", "cast_encrypted_ballot", args("election", "e", "vote", "e", "voter", "m6", "ballot", enctest.Marks(t, c.Key, q, []int{0, 0, 1, 0}, "md-m6")), ErrInvalid, "names its vote or its election, not both")
	h.refuseLike("m6", "cast_election_ballot", `{"election":"e","voter":"m6","approve":["m7"]}`, ErrConflict, "never as a plain choice")
	h.refuseLike("ann", "nominate", `{"election":"e","person":"cara"}`, ErrConflict, "were fixed when it opened")
	h.refuseLike("kim", "post_partial_decryption", args("election", "e", "decryption", []byte(`{}`)), ErrConflict, "the election e is still open")
	h.refuseLike("m1", "post_trustee_key", args("election", "e", "key", enctest.Encode(t, c.Keys[0])), ErrForbidden, "m1 is not a trustee of the election e")
	if n := h.s.Elections["e"].BallotsCast(); n != 5 {
		t.Fatalf("BallotsCast = %d", n)
	}
	h.must("ann", "close_election", `{"election":"e","seed":7}`)
	if last := h.events[len(h.events)-1]; last.EventType() != "encrypted_tallied" {
		t.Fatalf("close gives %s", last.EventType())
	}
	h.refuseLike("ann", "declare_election", `{"election":"e"}`, ErrConflict, "not yet decrypted: 0 of the 2")
	h.refuseLike("m6", "cast_encrypted_ballot", args("election", "e", "voter", "m6", "ballot", enctest.Marks(t, c.Key, q, []int{0, 0, 1, 0}, "md-m6")), ErrClosed, "the election e is closed")
	totals := h.s.Elections["e"].Encrypted.Tally.Totals
	pd, _ := ballot.DecodePartialDecryption(c.Decrypt(t, 1, totals))
	pd.Factors[0], pd.Factors[1] = pd.Factors[1], pd.Factors[0]
	h.refuseLike("kim", "post_partial_decryption", args("election", "e", "decryption", enctest.Encode(t, pd)), ErrInvalid, "the partial decryption is refused (invalid-proof)")
	decryptElection(t, h, c)
	el := h.s.Elections["e"]
	want := map[string]int{"m7": 3, "m8": 2, "m9": 1, "m10": 1}
	for k, n := range want {
		if el.Encrypted.Counts[k] != n {
			t.Fatalf("counts %v, want %v", el.Encrypted.Counts, want)
		}
	}
	if el.Status != ElectionStatusDeclared || strings.Join(el.Elected, ",") != "m7,m8" {
		t.Fatalf("status %s, elected %v (%s)", el.Status, el.Elected, el.Arithmetic)
	}
	if !strings.Contains(el.Arithmetic, "approval, 5 ballots: m7 3, m8 2, m9 1, m10 1") {
		t.Fatalf("arithmetic %q", el.Arithmetic)
	}
	cnt, err := h.s.ElectionCount("e")
	if err != nil || cnt.Ballots != 5 || strings.Join(cnt.Elected, ",") != "m7,m8" {
		t.Fatalf("count %+v, %v", cnt, err)
	}
}

// TestEncryptedPluralityElection: exactly one of three for one seat; a
// blank ballot and one of two marks are refused.
func TestEncryptedPluralityElection(t *testing.T) {
	h, c := encryptedElection(t, `{"id":"e","title":"Treasurer","seats":1,"method":"plurality","candidates":["m7","m8","m9"],`+encTrusteesArgs+`}`)
	q := h.s.Elections["e"].Encrypted.Question()
	if q != (ballot.Question{Kind: ballot.Choice, Options: 3, Min: 1, Max: 1}) {
		t.Fatalf("question %+v", q)
	}
	for _, vc := range []struct {
		voter string
		marks []int
	}{{"m1", []int{0, 1, 0}}, {"m2", []int{0, 1, 0}}, {"m3", []int{1, 0, 0}}, {"m4", []int{0, 0, 1}}} {
		castMarks(t, h, c, q, vc.voter, vc.marks...)
	}
	loose := ballot.Question{Kind: ballot.Choice, Options: 3, Min: 0, Max: 2}
	h.refuseLike("m5", "cast_encrypted_ballot", args("election", "e", "voter", "m5", "ballot", enctest.Marks(t, c.Key, loose, []int{0, 0, 0}, "md-m5")), ErrInvalid, "(invalid-proof)")
	h.refuseLike("m5", "cast_encrypted_ballot", args("election", "e", "voter", "m5", "ballot", enctest.Marks(t, c.Key, loose, []int{1, 1, 0}, "md-m5")), ErrInvalid, "(invalid-proof)")
	h.must("ann", "close_election", `{"election":"e"}`)
	decryptElection(t, h, c)
	el := h.s.Elections["e"]
	if el.Status != ElectionStatusDeclared || strings.Join(el.Elected, ",") != "m8" || el.Encrypted.Tally.Ballots != 4 {
		t.Fatalf("status %s, elected %v (%s)", el.Status, el.Elected, el.Arithmetic)
	}
}

// TestEncryptedListElection: one list among three, the decrypted per-list
// totals allocated by D'Hondt and by Sainte-Laguë, each the same as the
// plain count of the same ballots.
func TestEncryptedListElection(t *testing.T) {
	lists := `"lists":[{"id":"a","name":"A","candidates":["m7","m8","m9","m10"]},{"id":"b","name":"B","candidates":["cara","kim"]},{"id":"c","name":"C","candidates":["guest"]}]`
	choices := []string{"a", "a", "a", "a", "a", "b", "b", "c", "c"}
	for _, method := range []string{"dhondt", "sainte-lague"} {
		t.Run(method, func(t *testing.T) {
			h, c := encryptedElection(t, `{"id":"e","title":"Council","seats":4,"method":"`+method+`",`+lists+`,`+encTrusteesArgs+`}`)
			q := h.s.Elections["e"].Encrypted.Question()
			if q != (ballot.Question{Kind: ballot.Choice, Options: 3, Min: 1, Max: 1}) {
				t.Fatalf("question %+v", q)
			}
			for i, l := range choices {
				marks := []int{0, 0, 0}
				marks[slices.Index([]string{"a", "b", "c"}, l)] = 1
				castMarks(t, h, c, q, "m"+string(rune('1'+i)), marks...)
			}
			h.must("ann", "close_election", `{"election":"e","seed":3}`)
			decryptElection(t, h, c)
			el := h.s.Elections["e"]
			// The same ballots in plain.
			p := fixture(t, "congress", "")
			p.must("ann", "open_election", `{"id":"e","title":"Council","seats":4,"method":"`+method+`",`+lists+`}`)
			for i, l := range choices {
				v := "m" + string(rune('1'+i))
				p.must(v, "cast_election_ballot", `{"election":"e","voter":"`+v+`","list":"`+l+`"}`)
			}
			p.must("ann", "close_election", `{"election":"e","seed":3}`)
			p.must("ann", "declare_election", `{"election":"e"}`)
			pel := p.s.Elections["e"]
			if el.Status != ElectionStatusDeclared || strings.Join(el.Elected, ",") != strings.Join(pel.Elected, ",") || el.Arithmetic != pel.Arithmetic {
				t.Fatalf("encrypted: %v (%s)\nplain: %v (%s)", el.Elected, el.Arithmetic, pel.Elected, pel.Arithmetic)
			}
		})
	}
}

// TestEncryptedElectionReplayRefusesTampering: a record of an encrypted
// election whose ballot proof, partial decryption or declared result was
// changed does not replay, and the refusal names what.
func TestEncryptedElectionReplayRefusesTampering(t *testing.T) {
	h, c := encryptedElection(t, `{"id":"e","title":"Auditors","seats":1,"method":"approval","candidates":["m7","m8","m9"],"approvals":2,`+encTrusteesArgs+`}`)
	q := h.s.Elections["e"].Encrypted.Question()
	castMarks(t, h, c, q, "m1", 1, 1, 0)
	castMarks(t, h, c, q, "m2", 1, 0, 0)
	castMarks(t, h, c, q, "m3", 0, 0, 1)
	h.must("ann", "close_election", `{"election":"e"}`)
	decryptElection(t, h, c)
	if el := h.s.Elections["e"]; strings.Join(el.Elected, ",") != "m7" {
		t.Fatalf("elected %v", el.Elected)
	}
	replay := func(change func(Event) Event) error { return replayChanged(h.events, change) }
	if err := replay(func(e Event) Event { return e }); err != nil {
		t.Fatal(err)
	}
	cases := map[string]func(Event) Event{
		"(mandate md-m2, tracker ": func(e Event) Event {
			if b, ok := e.(EncryptedBallotCast); ok && b.Voter == "m2" {
				bl, _ := ballot.DecodeBallot(b.Ballot)
				other, _ := ballot.DecodeBallot(enctest.Marks(t, c.Key, q, []int{1, 1, 0}, "md-m2"))
				bl.Sum = other.Sum
				b.Ballot = enctest.Encode(t, bl)
				b.Tracker = Tracker(b.Ballot)
				return b
			}
			return e
		},
		"the partial decryption of trustee 3 in \"election e\" does not verify": func(e Event) Event {
			if p, ok := e.(PartialDecryptionPosted); ok && p.Trustee == 3 {
				pd, _ := ballot.DecodePartialDecryption(p.Decryption)
				pd.Proofs[0], pd.Proofs[1] = pd.Proofs[1], pd.Proofs[0]
				p.Decryption = enctest.Encode(t, pd)
				return p
			}
			return e
		},
		"is not what its decrypted totals elect (m7)": func(e Event) Event {
			if d, ok := e.(ElectionDeclared); ok {
				d.Elected = []string{"m9"}
				return d
			}
			return e
		},
		"the count of \"m8\" in \"election e\" is not the decrypted total": func(e Event) Event {
			if r, ok := e.(EncryptedResultDerived); ok {
				r.Counts = map[string]int{"m7": 2, "m8": 3, "m9": 1}
				return r
			}
			return e
		},
	}
	for want, change := range cases {
		if err := replay(change); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("tampered record: %v, want %q", err, want)
		}
	}
}

// TestEncryptedRankedElection: an encrypted IRV election: ranked ballots
// cast, shuffled with a proof at the close, the shuffled ballots
// decrypted by two trustees and counted, electing whom the same ballots
// in plain elect; a record whose shuffle, partial decryption or rankings
// were changed does not replay.
func TestEncryptedRankedElection(t *testing.T) {
	h, c := encryptedElection(t, `{"id":"e","title":"Chair of the council","seats":1,"method":"irv","candidates":["m7","m8","m9"],`+encTrusteesArgs+`}`)
	q := h.s.Elections["e"].Encrypted.Question()
	if q != (ballot.Question{Kind: ballot.Ranking, Options: 3}) {
		t.Fatalf("question %+v", q)
	}
	// m7 leads on first preferences (2, 2, 1 after the empty ballot), m9
	// is excluded and its ballot goes to m8, who wins 3 to 2.
	rankings := [][]int{{0, 1}, {0}, {1, 0}, {1}, {2, 1, 0}, {}}
	names := []string{"m7", "m8", "m9"}
	castRankings(t, h, c, rankings)
	h.must("ann", "close_election", `{"election":"e","seed":5}`)
	if last := h.events[len(h.events)-1]; last.EventType() != "encrypted_shuffled" {
		t.Fatalf("close gives %s", last.EventType())
	}
	ev := h.s.Elections["e"].Encrypted
	if ev.Tally != nil || len(ev.Shuffle.Output) != len(rankings) || len(ev.ToDecrypt()) != 3*len(rankings) {
		t.Fatalf("shuffle of %d rows", len(ev.Shuffle.Output))
	}
	h.refuseLike("ann", "declare_election", `{"election":"e"}`, ErrConflict, "not yet decrypted")
	decryptElection(t, h, c)
	el := h.s.Elections["e"]
	if el.Status != ElectionStatusDeclared || strings.Join(el.Elected, ",") != "m8" {
		t.Fatalf("status %s, elected %v (%s)", el.Status, el.Elected, el.Arithmetic)
	}
	// The decrypted rankings are the ballots cast, in another order.
	var got, want []string
	for i, r := range ev.Rankings {
		var ids []string
		for _, o := range r {
			ids = append(ids, names[o])
		}
		got = append(got, strings.Join(ids, ">"))
		ids = nil
		for _, o := range rankings[i] {
			ids = append(ids, names[o])
		}
		want = append(want, strings.Join(ids, ">"))
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("rankings %v, cast %v", got, want)
	}
	p := fixture(t, "congress", "")
	p.must("ann", "open_election", `{"id":"e","title":"Chair of the council","seats":1,"method":"irv","candidates":["m7","m8","m9"]}`)
	for i, r := range rankings {
		if len(r) == 0 {
			continue
		}
		voter := "m" + string(rune('1'+i))
		var ids []string
		for _, o := range r {
			ids = append(ids, `"`+names[o]+`"`)
		}
		p.must(voter, "cast_election_ballot", `{"election":"e","voter":"`+voter+`","ranking":[`+strings.Join(ids, ",")+`]}`)
	}
	p.must("ann", "close_election", `{"election":"e","seed":5}`)
	p.must("ann", "declare_election", `{"election":"e"}`)
	if pel := p.s.Elections["e"]; strings.Join(pel.Elected, ",") != strings.Join(el.Elected, ",") {
		t.Fatalf("plain count elects %v, encrypted %v", pel.Elected, el.Elected)
	}
	replay := func(change func(Event) Event) error { return replayChanged(h.events, change) }
	if err := replay(func(e Event) Event { return e }); err != nil {
		t.Fatal(err)
	}
	cases := map[string]func(Event) Event{
		`the shuffle of the ranked ballots of "election e" does not verify (invalid-proof)`: func(e Event) Event {
			if sh, ok := e.(EncryptedShuffled); ok {
				d, _ := ballot.DecodeShuffle(sh.Shuffle)
				d.Output[0], d.Output[1] = d.Output[1], d.Output[0]
				sh.Shuffle = enctest.Encode(t, d)
				return sh
			}
			return e
		},
		`the rankings of "election e" are not the decrypted ballots`: func(e Event) Event {
			if r, ok := e.(EncryptedResultDerived); ok {
				r.Rankings = slices.Clone(r.Rankings)
				r.Rankings[0], r.Rankings[1] = r.Rankings[1], r.Rankings[0]
				if slices.Equal(r.Rankings[0], r.Rankings[1]) {
					r.Rankings[0] = []int{2}
				}
				return r
			}
			return e
		},
	}
	for want, change := range cases {
		if err := replay(change); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("tampered record: %v, want %q", err, want)
		}
	}
}
