package httpapi

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/ledger"
	"plenum/tlogproof"
)

// TestSecretBallot: a ballot in a secret vote gets its token in the answer
// to cast_ballot and nowhere else; after the close the token fetches a
// receipt that verifies as a sealed ballot and does not name the voter.
func TestSecretBallot(t *testing.T) {
	w := newWorld(t, 3)
	ann, d1 := w.as("ann"), w.as("d1")
	for _, c := range []struct {
		who       *client
		cmd, args string
	}{
		{d1, "cast_ballot", `{"vote":"v1","voter":"d1","choice":"for"}`},
		{ann, "close_vote", `{"vote":"v1"}`},
		{ann, "declare_result", `{"vote":"v1"}`},
		{d1, "move_motion", `{"id":"mo2","kind":"procedural","procedure":"close_discussion","title":"Close the discussion","item":"i1","mover":"d1"}`},
		{ann, "open_vote", `{"id":"v2","motion":"mo2","method":"secret"}`},
	} {
		if r := c.who.cmd(c.cmd, c.args); r.status != 201 {
			t.Fatalf("%s %s: %d %s", c.cmd, c.args, r.status, r.body)
		}
	}
	const base = "/api/assemblies/coop"
	// A client may not bring its own token.
	if r := d1.cmd("cast_ballot", `{"vote":"v2","voter":"d1","choice":"for","token":"AAAAAAAAAAAAAAAAAAAAAAAAAA"}`); r.status < 400 {
		t.Fatalf("a ballot with the client's token was taken: %d %s", r.status, r.body)
	}
	tokens := map[string]string{}
	var last int64
	for _, b := range []struct{ voter, choice string }{{"d1", "for"}, {"d2", "against"}, {"d3", "for"}} {
		r := w.as(b.voter).cmd("cast_ballot", `{"vote":"v2","voter":"`+b.voter+`","choice":"`+b.choice+`"}`)
		if r.status != 201 {
			t.Fatalf("%s's ballot: %d %s", b.voter, r.status, r.body)
		}
		var out CommandResponse
		r.decode(t, &out)
		if len(out.BallotToken) != 26 {
			t.Fatalf("%s's ballot: token %q in %s", b.voter, out.BallotToken, r.body)
		}
		for v, tok := range tokens {
			if tok == out.BallotToken {
				t.Fatalf("%s and %s got the same token", v, b.voter)
			}
		}
		tokens[b.voter] = out.BallotToken
		last = out.Events[len(out.Events)-1].Index
	}
	// The tokens are nowhere else: not in the vote, the record, the
	// voter's own view, nor the event stream.
	leaks := func(where string, body []byte) {
		t.Helper()
		for v, tok := range tokens {
			if bytes.Contains(body, []byte(tok)) {
				t.Errorf("%s shows %s's token: %s", where, v, body)
			}
		}
	}
	for _, p := range []string{"/votes/v2", "/votes", "/record", "/me"} {
		leaks(p, d1.mustStatus(200, "GET", base+p, "").body)
	}
	leaks("the public vote", w.public().mustStatus(200, "GET", base+"/votes/v2", "").body)
	s := w.stream(d1, "?after=-1")
	for {
		ev := s.event(t)
		leaks("the event "+ev.id+" "+ev.typ, []byte(ev.data))
		if ev.id == strconv.FormatInt(last, 10) {
			break
		}
	}

	receipt := func(c *client, vote, body string) response {
		return c.do("POST", base+"/votes/"+vote+"/receipt", body, "Content-Type", "application/json")
	}
	tokenBody := func(tok string) string { b, _ := json.Marshal(map[string]string{"token": tok}); return string(b) }
	// While the vote is open there is no receipt.
	if r := receipt(d1, "v2", tokenBody(tokens["d1"])); r.status != 409 || r.problem().Code != "conflict" {
		t.Fatalf("receipt of an open vote: %d %s", r.status, r.body)
	}
	// A named vote has no secret receipt.
	if r := receipt(d1, "v1", tokenBody(tokens["d1"])); r.status != 409 {
		t.Fatalf("secret receipt of a roll call: %d %s", r.status, r.body)
	}

	r := ann.cmd("close_vote", `{"vote":"v2"}`)
	if r.status != 201 || !bytes.Contains(r.body, []byte(`"sealed_ballots"`)) {
		t.Fatalf("close_vote: %d %s", r.status, r.body)
	}
	ann.mustStatus(201, "POST", base+"/commands", `{"cmd":"declare_result","args":{"vote":"v2"}}`, "Idempotency-Key", w.key())
	var vv VoteView
	d1.mustStatus(200, "GET", base+"/votes/v2", "").decode(t, &vv)
	if vv.Result == nil || !strings.HasPrefix(vv.Result.Arithmetic, "2 for, 1 against") || len(vv.SealedEntries) != 1 {
		t.Fatalf("the secret vote's result: %+v", vv)
	}

	// The receipt: a tlog-proof of the sealed ballots carrying d1's token.
	r = receipt(d1, "v2", tokenBody(tokens["d1"]))
	if r.status != 200 || r.header.Get("Content-Type") != "application/tlog-proof" {
		t.Fatalf("receipt: %d %s %s", r.status, r.header.Get("Content-Type"), r.body)
	}
	index, payload := receiptOfD1(t, w, r, "sealed_ballots", tokens["d1"])
	if index != vv.SealedEntries[0] {
		t.Errorf("the receipt is of entry %d, the sealed ballots are in %v", index, vv.SealedEntries)
	}
	var sb assembly.SealedBallots
	if err := json.Unmarshal(payload, &sb); err != nil || sb.Vote != "v2" || len(sb.Sealed) != 3 {
		t.Fatalf("the receipt's entry: %v %s", err, payload)
	}
	// Another token is not this ballot's.
	if _, err := tlogproof.VerifySecretBallot(r.body, tlogproof.SecretBallot{Type: "sealed_ballots", Token: "ZZZZZZZZZZZZZZZZZZZZZZZZZZ"}, w.verifiers, nil); err == nil {
		t.Error("the receipt verifies for a token it does not carry")
	}

	// Refusals.
	receiptRefusals(t, receipt, []receiptRefusal{
		{d1, "v2", tokenBody("ZZZZZZZZZZZZZZZZZZZZZZZZZZ"), 404},
		{d1, "nope", tokenBody(tokens["d1"]), 404},
		{d1, "v2", tokenBody("short"), 422},
		{d1, "v2", tokenBody("has spaces in the middle of it"), 422},
		{d1, "v2", `{"token":1}`, 400},
		{d1, "v2", `{"token":"` + tokens["d1"] + `","voter":"d1"}`, 400},
		{w.public(), "v2", tokenBody(tokens["d1"]), 401},
	})
}

// receiptRefusal is a request for a secret ballot's receipt that is
// refused with status.
type receiptRefusal struct {
	who    *client
	of     string // the vote or election
	body   string
	status int
}

// receiptRefusals checks that receipt refuses each of cases with its
// status and a problem.
func receiptRefusals(t *testing.T, receipt func(c *client, of, body string) response, cases []receiptRefusal) {
	t.Helper()
	for _, tc := range cases {
		if r := receipt(tc.who, tc.of, tc.body); r.status != tc.status || r.header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("receipt %s %s: %d %s, want %d", tc.of, tc.body, r.status, r.body, tc.status)
		}
	}
}

// TestSecretElectionBallot: a ballot in a secret election gets its token in
// the answer to cast_election_ballot; after the close the token fetches,
// from POST …/elections/{election}/receipt, a receipt that verifies as a
// sealed election ballot and does not name the voter; the refusals are
// those of a secret vote's receipt.
func TestSecretElectionBallot(t *testing.T) {
	w := newWorld(t, 3)
	ann, d1 := w.as("ann"), w.as("d1")
	if r := ann.cmd("open_election", `{"id":"e1","title":"The auditors","seats":1,"method":"plurality","candidates":["d2","d3"],"secret":true}`); r.status != 201 {
		t.Fatalf("open_election: %d %s", r.status, r.body)
	}
	if r := ann.cmd("open_election", `{"id":"e2","title":"The tellers","seats":1,"method":"plurality","candidates":["d2","d3"]}`); r.status != 201 {
		t.Fatalf("open_election: %d %s", r.status, r.body)
	}
	tokens := map[string]string{}
	for _, b := range []struct{ voter, pick string }{{"d1", "d2"}, {"d2", "d3"}, {"d3", "d2"}} {
		r := w.as(b.voter).cmd("cast_election_ballot", `{"election":"e1","voter":"`+b.voter+`","approve":["`+b.pick+`"]}`)
		if r.status != 201 {
			t.Fatalf("%s's ballot: %d %s", b.voter, r.status, r.body)
		}
		var out CommandResponse
		r.decode(t, &out)
		if len(out.BallotToken) != 26 {
			t.Fatalf("%s's ballot: token %q in %s", b.voter, out.BallotToken, r.body)
		}
		tokens[b.voter] = out.BallotToken
	}
	const base = "/api/assemblies/coop"
	receipt := func(c *client, election, body string) response {
		return c.do("POST", base+"/elections/"+election+"/receipt", body, "Content-Type", "application/json")
	}
	tokenBody := func(tok string) string { b, _ := json.Marshal(map[string]string{"token": tok}); return string(b) }
	if r := receipt(d1, "e1", tokenBody(tokens["d1"])); r.status != 409 || r.problem().Code != "conflict" {
		t.Fatalf("receipt of an open election: %d %s", r.status, r.body)
	}
	if r := ann.cmd("close_election", `{"election":"e1"}`); r.status != 201 || !bytes.Contains(r.body, []byte(`"sealed_election_ballots"`)) {
		t.Fatalf("close_election: %d %s", r.status, r.body)
	}
	if r := ann.cmd("close_election", `{"election":"e2"}`); r.status != 201 {
		t.Fatalf("close_election e2: %d %s", r.status, r.body)
	}

	r := receipt(d1, "e1", tokenBody(tokens["d1"]))
	if r.status != 200 || r.header.Get("Content-Type") != "application/tlog-proof" || r.header.Get("Cache-Control") != "no-store" {
		t.Fatalf("receipt: %d %s %s", r.status, r.header.Get("Content-Type"), r.body)
	}
	if cd := r.header.Get("Content-Disposition"); cd != `attachment; filename="receipt-e1-secret.tlog-proof"` {
		t.Errorf("Content-Disposition %q", cd)
	}
	_, payload := receiptOfD1(t, w, r, "sealed_election_ballots", tokens["d1"])
	var sb assembly.ElectionBallotsSealed
	if err := json.Unmarshal(payload, &sb); err != nil || sb.Election != "e1" || len(sb.Sealed) != 3 {
		t.Fatalf("the receipt's entry: %v %s", err, payload)
	}
	// Each voter's token is their own ballot's.
	for v, tok := range tokens {
		if r := receipt(w.as(v), "e1", tokenBody(tok)); r.status != 200 {
			t.Errorf("%s's receipt: %d %s", v, r.status, r.body)
		}
	}

	receiptRefusals(t, receipt, []receiptRefusal{
		{d1, "e1", tokenBody("ZZZZZZZZZZZZZZZZZZZZZZZZZZ"), 404},
		{d1, "nope", tokenBody(tokens["d1"]), 404},
		{d1, "e2", tokenBody(tokens["d1"]), 409},
		{d1, "e1", tokenBody("short"), 422},
		{d1, "e1", tokenBody("has spaces in the middle of it"), 422},
		{d1, "e1", `{"token":1}`, 400},
		{d1, "e1", `{"token":"` + tokens["d1"] + `","voter":"d1"}`, 400},
		{w.public(), "e1", tokenBody(tokens["d1"]), 401},
	})
}

// receiptOfD1 checks that the answer r is a receipt of d1's secret ballot
// with the token, in an entry of type typ, that does not name d1, and
// returns the entry's index and payload.
func receiptOfD1(t *testing.T, w *world, r response, typ, token string) (int64, []byte) {
	t.Helper()
	rc, err := tlogproof.VerifySecretBallot(r.body, tlogproof.SecretBallot{Type: typ, Token: token, Voter: "md-d1"}, w.verifiers, nil)
	if err != nil {
		t.Fatalf("the receipt does not verify: %v\n%s", err, r.body)
	}
	e, _, err := ledger.DecodeEntry(rc.Entry)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{`"d1"`, "Delegate 1", "md-d1"} {
		if bytes.Contains(r.body, []byte(name)) {
			t.Errorf("the receipt names the voter (%s):\n%s", name, r.body)
		}
	}
	return rc.Index, e.Payload
}
