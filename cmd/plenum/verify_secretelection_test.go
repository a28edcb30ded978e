package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/engine"
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
	add := func(payload any) int64 { return appendEntry(t, l, "sealed_election_ballots", payload) }
	ranked := add(assembly.ElectionBallotsSealed{Election: "e1", Sealed: []assembly.SealedElectionBallot{{Token: other, Ranking: []string{"m8"}}, {Token: mine, Ranking: []string{"m7", "m9"}}}})
	units := assembly.UnitTokens(mine, 2)
	lists := add(assembly.ElectionBallotsSealed{Election: "e2", Sealed: []assembly.SealedElectionBallot{{Token: units[1], List: "la"}, {Token: other, List: "lb"}, {Token: units[0], List: "la"}}})
	hs := httptest.NewServer(l)
	defer hs.Close()
	file, run := secretReceiptRun(t, l, hs.URL)
	secretReceiptsSay(t, file, run, []secretReceiptCase{
		{ranked, mine, "it carries the secret ballot with your token in election e1: m7 > m9"},
		{ranked, strings.ToLower(other), "it carries the secret ballot with your token in election e1: m8"},
		{lists, mine, "it carries 2 votes of the secret ballot with your token in election e2: la"},
	})
	if _, err := run(file(ranked), "NOTHEREZNOTHEREZNOTHEREZNO"); err == nil {
		t.Error("a token the entry does not carry passed")
	}
}

// TestVerifyReceiptNamesTheElection: for a weighted ballot in a secret
// election, whose 201 votes the close seals shuffled in two
// sealed_election_ballots entries, plenum verify --receipt --token
// --url counts them over all the election's entries in a line that names
// the election by its title and says "election", in the verifier's
// language; offline, the line that says only the receipt's entry was
// counted names it by its id.
func TestVerifyReceiptNamesTheElection(t *testing.T) {
	ctx := context.Background()
	srv, db, submit := weightedServer(t, 201, func(add func(actor, cmd string, args map[string]any)) {
		add("admin", "open_election", map[string]any{"id": "e1", "title": "The auditors", "seats": 1, "method": "plurality", "candidates": []string{"d1", "d2"}, "secret": true})
	})
	token := submit("d0", "cast_election_ballot", map[string]any{"election": "e1", "voter": "d0", "approve": []string{"d1"}}).BallotToken
	submit("d1", "cast_election_ballot", map[string]any{"election": "e1", "voter": "d1", "approve": []string{"d2"}})
	submit("admin", "close_election", map[string]any{"election": "e1"})
	hs := httptest.NewServer(srv.handler)
	defer hs.Close()
	a, _ := srv.engine.Assembly("coop")
	var sealed []int64
	a.Read(func(s *assembly.State) { sealed = s.Elections["e1"].SealedEntries })
	if len(sealed) != 2 || sealed[1] != sealed[0]+1 {
		t.Fatalf("the election's sealed ballots are in the entries %v, not two in a row", sealed)
	}
	proof, err := engine.SecretElectionBallotReceipt(ctx, a, "e1", token)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "d0.tlog-proof")
	os.WriteFile(file, proof, 0o644)
	key := demoVerifierKey(t, db)
	runs := fmt.Sprintf("%d–%d", sealed[0], sealed[1])
	for _, c := range []struct {
		lang, url string
		want      []string
	}{
		{"", hs.URL, []string{"the log holds 201 votes of your ballot among all the sealed ballots of election “The auditors” (e1) (entries " + runs + "): "}},
		{"", "", []string{"among all the sealed_election_ballots entries of election e1, which one receipt does not hold; give --url"}},
		{"de", hs.URL, []string{"das Log enthält 201 Stimmen Ihres Stimmzettels unter allen versiegelten Stimmzetteln der Wahl „The auditors“ (e1) (Einträge " + runs + "): "}},
		{"ru", hs.URL, []string{"в журнале 201 голос вашего бюллетеня среди всех запечатанных бюллетеней выборов «The auditors» (e1) (записи " + runs + "): "}},
		{"fr", hs.URL, []string{"le journal contient 201 voix de votre bulletin parmi tous les bulletins scellés de l'élection « The auditors » (e1) (entrées " + runs + ") : "}},
		{"es", hs.URL, []string{"el registro contiene 201 votos de su papeleta entre todas las papeletas selladas de la elección «The auditors» (e1) (entradas " + runs + "): "}},
	} {
		args := []string{"verify", "--receipt", file, "--key", key, "--token", token}
		if c.url != "" {
			args = append(args, "--url", c.url)
		}
		var o, e bytes.Buffer
		code := runCLI(ctx, &cliEnv{stdin: strings.NewReader(""), stdout: &o, stderr: &e, lang: c.lang}, args)
		out, errs := o.String(), e.String()
		if code != 0 {
			t.Fatalf("%s %v: exit %d\n%s\n%s", c.lang, args, code, out, errs)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s, --url %q: want %q in\n%s", c.lang, c.url, w, out)
			}
		}
		if strings.Contains(out, "vote's") || strings.Contains(out, "der Abstimmung") || strings.Contains(out, "голосования") || strings.Contains(out, "du vote") || strings.Contains(out, "de la votación") {
			t.Errorf("%s, --url %q: the election is called a vote:\n%s", c.lang, c.url, out)
		}
	}
}
