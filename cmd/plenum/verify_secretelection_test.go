package main

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"plenum/assembly"
	"plenum/ledger"
	"plenum/remote/tlogtest"
)

// TestVerifySecretElectionReceipt: plenum verify --receipt --token finds
// a ballot of a secret election in its sealed_election_ballots entry
// (docs/script.md, "Secret elections") and says what it holds: the
// ranking, or the votes of a ballot of several votes and its list; a
// token the entry does not carry fails.
func TestVerifySecretElectionReceipt(t *testing.T) {
	l := tlogtest.New("plenum.test/log/coop")
	const mine, other = "MYTOKENMYTOKENMYTOKENMYTOK", "ONETOKENONETOKENONETOKENON"
	add := func(payload any) int64 {
		b, err := json.Marshal(payload)
		if err != nil {
			t.Fatal(err)
		}
		i := l.Size()
		data, _, err := ledger.EncodeEntry(ledger.Entry{Index: i, Time: time.Unix(1e9, 0), Actor: "ann", Type: "sealed_election_ballots", Payload: b})
		if err != nil {
			t.Fatal(err)
		}
		l.Append(data)
		return i
	}
	ranked := add(assembly.ElectionBallotsSealed{Election: "e1", Sealed: []assembly.SealedElectionBallot{{Token: other, Ranking: []string{"m8"}}, {Token: mine, Ranking: []string{"m7", "m9"}}}})
	units := assembly.UnitTokens(mine, 2)
	lists := add(assembly.ElectionBallotsSealed{Election: "e2", Sealed: []assembly.SealedElectionBallot{{Token: units[1], List: "la"}, {Token: other, List: "lb"}, {Token: units[0], List: "la"}}})
	hs := httptest.NewServer(l)
	defer hs.Close()
	file, run := secretReceiptRun(t, l, hs.URL)
	for _, c := range []struct {
		entry int64
		token string
		want  string
	}{
		{ranked, mine, "it carries the secret ballot with your token in election e1: m7 > m9"},
		{ranked, strings.ToLower(other), "it carries the secret ballot with your token in election e1: m8"},
		{lists, mine, "it carries 2 votes of the secret ballot with your token in election e2: la"},
	} {
		if out, err := run(file(c.entry), c.token); err != nil || !strings.Contains(out, c.want) {
			t.Errorf("entry %d, token %s: %q %v, want %q", c.entry, c.token, out, err, c.want)
		}
	}
	if _, err := run(file(ranked), "NOTHEREZNOTHEREZNOTHEREZNO"); err == nil {
		t.Error("a token the entry does not carry passed")
	}
}
