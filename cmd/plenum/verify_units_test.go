package main

import (
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/remote/tlogtest"
)

// TestVerifySecretReceiptOfWeightedBallot: plenum verify --receipt
// --token finds the votes of a ballot of several votes in its receipt's
// entry, whether they were sealed under tokens derived from the voter's
// alone (assembly.UnitTokens: the voter's token is nowhere in the
// record) or, in a record sealed before, under the token and tokens
// anybody derives from it (assembly.LinkedUnitTokens), and says how many;
// votes of one ballot under two choices fail.
func TestVerifySecretReceiptOfWeightedBallot(t *testing.T) {
	l := tlogtest.New("plenum.test/log/coop")
	const mine, old, single = "MYTOKENMYTOKENMYTOKENMYTOK", "OLDTOKENOLDTOKENOLDTOKENOL", "ONETOKENONETOKENONETOKENON"
	type sealed struct {
		Token  string `json:"token"`
		Choice string `json:"choice"`
	}
	seal := func(vote string, units []string, choice string, rest ...sealed) int64 {
		var s []sealed
		for _, u := range units {
			s = append(s, sealed{u, choice})
		}
		return appendEntry(t, l, "sealed_ballots", map[string]any{"vote": vote, "sealed": append(rest, s...)})
	}
	unlinked := seal("v1", assembly.UnitTokens(mine, 3), "against", sealed{single, "for"})
	linked := seal("v2", assembly.LinkedUnitTokens(old, 2), "for", sealed{single, "against"})
	split := seal("v3", assembly.UnitTokens(mine, 2)[:1], "for", sealed{assembly.UnitTokens(mine, 2)[1], "against"})
	hs := httptest.NewServer(l)
	defer hs.Close()
	file, run := secretReceiptRun(t, l, hs.URL)
	secretReceiptsSay(t, file, run, []secretReceiptCase{
		{unlinked, mine, "it carries 3 votes of the secret ballot with your token in vote v1: against"},
		{unlinked, strings.ToLower(mine), "it carries 3 votes of the secret ballot with your token in vote v1: against"},
		{unlinked, single, "it carries the secret ballot with your token in vote v1: for"},
		{linked, old, "it carries 2 votes of the secret ballot with your token in vote v2: for"},
		{linked, single, "it carries the secret ballot with your token in vote v2: against"},
	})
	if _, err := run(file(linked), mine); err == nil || !strings.Contains(err.Error(), "does not carry this ballot's token") {
		t.Errorf("a token with no vote in the entry: %v", err)
	}
	if _, err := run(file(split), mine); err == nil || !strings.Contains(err.Error(), "carries votes of your ballot with different choices") {
		t.Errorf("votes of one ballot under two choices: %v", err)
	}
}

// secretReceiptRun gives a test of plenum verify --receipt --token on the
// log l served at url: file fetches the receipt of an entry into a file,
// run checks a file with a token offline and returns what it printed.
func secretReceiptRun(t *testing.T, l *tlogtest.Log, url string) (file func(index int64) string, run func(file, token string) (string, error)) {
	file = func(index int64) string { return receiptFile(t, url, note.VerifierList(l.Verifier()), index) }
	run = func(file, token string) (string, error) { return verifyReceiptFile(file, l.VKey, "", token) }
	return file, run
}

// secretReceiptCase is a receipt of entry checked with token, and what
// verify must say of it.
type secretReceiptCase struct {
	entry int64
	token string
	want  string
}

// secretReceiptsSay checks that each receipt of cases, fetched by file
// and checked by run (secretReceiptRun's), passes saying its want.
func secretReceiptsSay(t *testing.T, file func(index int64) string, run func(file, token string) (string, error), cases []secretReceiptCase) {
	t.Helper()
	for _, c := range cases {
		if out, err := run(file(c.entry), c.token); err != nil || !strings.Contains(out, c.want) {
			t.Errorf("entry %d, token %s: %q %v, want %q", c.entry, c.token, out, err, c.want)
		}
	}
}
