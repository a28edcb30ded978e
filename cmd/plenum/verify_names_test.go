package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"plenum/assembly"
	"plenum/engine"
	"plenum/i18n"
	"plenum/remote/tlogtest"
)

// weightedSecretServer is a server whose assembly coop held a secret
// vote, v1 on the motion "Adopt the budget", in which d0's mandate
// carries 201 votes (against) and d1 and d2 one each (for): the close
// seals 203 votes, shuffled, in two sealed_ballots entries of 200 and 3,
// so that d0's votes are in both. It returns the server, its database
// and the tokens of d0 and d1.
func weightedSecretServer(t *testing.T) (*server, string, map[string]string) {
	t.Helper()
	srv, db, submit := weightedServer(t, 201, func(add func(actor, cmd string, args map[string]any)) {
		add("admin", "move_motion", map[string]any{"id": "m1", "kind": "substantive", "title": "Adopt the budget", "item": "i1", "mover": "chief"})
		add("admin", "open_vote", map[string]any{"id": "v1", "motion": "m1", "method": "secret"})
	})
	tokens := map[string]string{}
	for p, choice := range map[string]string{"d0": "against", "d1": "for", "d2": "for"} {
		tokens[p] = submit(p, "cast_ballot", map[string]any{"vote": "v1", "voter": p, "choice": choice}).BallotToken
	}
	submit("admin", "close_vote", map[string]any{"vote": "v1"})
	return srv, db, tokens
}

// weightedServer is a server whose assembly coop, of weighted votes, has
// the delegates d0 (its mandate m-d0 of weight votes), d1 and d2 checked
// in, a sitting open and the item i1 taken up, and then what open adds
// to its script. It returns the server, its database, and how to submit
// a command to it.
func weightedServer(t *testing.T, weight int, open func(add func(actor, cmd string, args map[string]any))) (*server, string, func(actor, cmd string, args map[string]any) *engine.Result) {
	t.Helper()
	ctx := context.Background()
	at := time.Date(2026, 5, 9, 9, 0, 0, 0, time.UTC)
	add, write := coopScript(t, weight)
	open(add)
	file := write()
	srv, db := replayedServer(t, file)
	submit := func(actor, cmd string, args map[string]any) *engine.Result {
		t.Helper()
		b, _ := json.Marshal(args)
		res, err := srv.engine.Submit(ctx, assembly.Envelope{Cmd: cmd, Assembly: "coop", Actor: actor, At: at, Args: b})
		if err != nil {
			t.Fatalf("%s: %v", cmd, err)
		}
		return res
	}
	return srv, db, submit
}

// TestVerifyReceiptNamesTheVote: plenum verify --receipt with --url
// names the vote the receipt's entry is about as the pages do, by its
// question (here its motion's title), with its id after it, in the
// verifier's language; and with --token it counts the votes of a
// weighted secret ballot among all the vote's sealed_ballots entries,
// which the close fills with the votes shuffled, 200 an entry, so that a
// ballot of 201 votes is in two of them. Offline, with the receipt's
// entry alone, it names the vote by its id and says it counted the votes
// in that entry only.
func TestVerifyReceiptNamesTheVote(t *testing.T) {
	ctx := context.Background()
	srv, db, tokens := weightedSecretServer(t)
	hs := httptest.NewServer(srv.handler)
	defer hs.Close()
	key := demoVerifierKey(t, db)
	a, _ := srv.engine.Assembly("coop")
	dir := t.TempDir()
	receipt := func(name string, make func() ([]byte, error)) string {
		t.Helper()
		proof, err := make()
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, name)
		os.WriteFile(file, proof, 0o644)
		return file
	}
	var sealedEntries, castEntry []int64
	a.Read(func(s *assembly.State) { sealedEntries = s.Votes["v1"].SealedEntries })
	if len(sealedEntries) != 2 {
		t.Fatalf("the vote's sealed ballots are in %d entries, not 2", len(sealedEntries))
	}
	entries, err := a.Log().Read(ctx, 0, a.Log().Size())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Type == "ballot_cast" {
			castEntry = append(castEntry, e.Index)
		}
	}
	mine := receipt("d0.tlog-proof", func() ([]byte, error) { return engine.SecretBallotReceipt(ctx, a, "v1", tokens["d0"]) })
	one := receipt("d1.tlog-proof", func() ([]byte, error) { return engine.SecretBallotReceipt(ctx, a, "v1", tokens["d1"]) })
	cast := receipt("cast.tlog-proof", func() ([]byte, error) { return engine.EntryReceipt(ctx, a, castEntry[0]) })
	run := func(lang string, args ...string) string {
		t.Helper()
		var o, e bytes.Buffer
		if code := runCLI(ctx, &cliEnv{stdin: strings.NewReader(""), stdout: &o, stderr: &e, lang: lang}, append([]string{"verify"}, args...)); code != 0 {
			t.Fatalf("verify %v: %d %s %s", args, code, o.String(), e.String())
		}
		return o.String()
	}
	runs := fmt.Sprintf("%d–%d", sealedEntries[0], sealedEntries[1])
	if sealedEntries[1] != sealedEntries[0]+1 {
		t.Fatalf("the sealed entries %v do not follow each other", sealedEntries)
	}
	for _, c := range []struct {
		name, lang string
		args       []string
		want       []string
		not        []string
	}{
		{"a weighted ballot, with --url", "", []string{"--receipt", mine, "--key", key, "--token", tokens["d0"], "--url", hs.URL},
			[]string{"of the secret ballot with your token in vote “Adopt the budget” (v1): against\n",
				"the log holds 201 votes of your ballot among all the vote's sealed ballots (entries " + runs + "): against\n",
				"still there at tree size "}, []string{"give --url"}},
		{"a weighted ballot, offline", "", []string{"--receipt", mine, "--key", key, "--token", tokens["d0"]},
			[]string{" of the secret ballot with your token in vote v1: against\n", "those are the votes of your ballot in this entry", "give --url to count them all"},
			[]string{"the log holds", "Adopt the budget"}},
		{"a ballot of one vote, with --url", "", []string{"--receipt", one, "--key", key, "--token", tokens["d1"], "--url", hs.URL},
			[]string{"it carries the secret ballot with your token in vote “Adopt the budget” (v1): for\n"}, []string{"the log holds", "give --url"}},
		{"ballot_cast, with --url", "", []string{"--receipt", cast, "--key", key, "--url", hs.URL},
			[]string{"\n  vote: “Adopt the budget” (v1)\n"}, nil},
		{"ballot_cast, offline", "", []string{"--receipt", cast, "--key", key},
			[]string{"\n  vote: v1\n"}, nil},
		{"in German", "de", []string{"--receipt", mine, "--key", key, "--token", tokens["d0"], "--url", hs.URL},
			[]string{"in der Abstimmung „Adopt the budget“ (v1): dagegen\n",
				"das Log enthält 201 Stimmen Ihres Stimmzettels unter allen versiegelten Stimmzetteln der Abstimmung (Einträge " + runs + "): dagegen\n"}, nil},
	} {
		outSays(t, c.name, run(c.lang, c.args...), c.want, c.not)
	}
}

// outSays checks that out, the output of the case named name, holds
// every string of want and none of not.
func outSays(t *testing.T, name, out string, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("%s: want %q in\n%s", name, w, out)
		}
	}
	for _, w := range not {
		if strings.Contains(out, w) {
			t.Errorf("%s: %q in\n%s", name, w, out)
		}
	}
}

// TestVerifyReceiptLogRefused: the whole log's check that plenum verify
// --receipt --url makes of a receipt about a vote ends within --timeout,
// with exit status 4 saying so, and a log that does not replay (a
// sealed_ballots entry of a vote never opened) is refused with exit
// status 1 naming the entry; neither prints the vote's ballot.
func TestVerifyReceiptLogRefused(t *testing.T) {
	ctx := context.Background()
	srv, db, tokens := weightedSecretServer(t)
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "/tile/entries/") {
			time.Sleep(time.Second)
		}
		srv.handler.ServeHTTP(w, r)
	}))
	defer slow.Close()
	a, _ := srv.engine.Assembly("coop")
	proof, err := engine.SecretBallotReceipt(ctx, a, "v1", tokens["d1"])
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "d1.tlog-proof")
	os.WriteFile(file, proof, 0o644)
	code, out, errs := runForTest(t, "", "verify", "--receipt", file, "--key", demoVerifierKey(t, db), "--token", tokens["d1"], "--url", slow.URL, "--timeout", "300ms")
	if code != 4 || !strings.Contains(errs, "the check did not finish within --timeout 300ms") || strings.Contains(out, "secret ballot") {
		t.Errorf("a slow log: exit %d\n%s\n%s", code, out, errs)
	}

	l := tlogtest.New("plenum.test/log/coop")
	const mine = "MYTOKENMYTOKENMYTOKENMYTOK"
	appendEntry(t, l, "sealed_ballots", json.RawMessage(`{"vote":"v2","sealed":[{"token":"`+mine+`","choice":"for"}]}`))
	hs := httptest.NewServer(l)
	defer hs.Close()
	fileOf, _ := secretReceiptRun(t, l, hs.URL)
	code, out, errs = runForTest(t, "", "verify", "--receipt", fileOf(0), "--key", l.VKey, "--token", mine, "--url", hs.URL)
	if code != 1 || !strings.Contains(errs, "entry 0: replay: ") || strings.Contains(out, "secret ballot") {
		t.Errorf("a log that does not replay: exit %d\n%s\n%s", code, out, errs)
	}
}

// TestVerifyVoteLogUnitsSplit: the votes of one ballot found in the
// vote's entries under two choices are no ballot's; units says so (no
// choice) and names the entries. A vote is named by its own question,
// an election by its title, in the reader's quotation marks; one the log
// does not hold, or any offline, by its id.
func TestVerifyVoteLogUnitsSplit(t *testing.T) {
	const token = "MYTOKENMYTOKENMYTOKENMYTOK"
	u := assembly.UnitTokens(token, 3)
	vl := &voteLog{vote: "v1", st: assembly.NewState(),
		sealed: map[string]sealedPick{u[0]: {Choice: "for"}, u[1]: {Choice: "for"}, u[2]: {Choice: "against"}},
		entry:  map[string]int64{u[0]: 7, u[1]: 9, u[2]: 8}}
	l := i18n.For("")
	if n, choice, one, entries := vl.units(l, token); n != 3 || one || entries != "7–9" {
		t.Errorf("split: %d %v %v %q", n, choice, one, entries)
	}
	vl.sealed[u[2]] = sealedPick{Choice: "for"}
	if n, choice, one, entries := vl.units(l, token); n != 3 || !one || choice.Choice != "for" || entries != "7–9" {
		t.Errorf("one choice: %d %v %v %q", n, choice, one, entries)
	}
	if got := vl.name(l, "vote", "v9"); got != "v9" {
		t.Errorf("an unknown vote: %q", got)
	}
	vl.st.Votes["v2"] = &assembly.Vote{ID: "v2", Question: "Shall the meeting adjourn?"}
	vl.st.Elections["e1"] = &assembly.Election{ID: "e1", Title: "The board"}
	fr := i18n.For("fr")
	for _, c := range []struct{ kind, id, want string }{
		{"vote", "v2", "« Shall the meeting adjourn? » (v2)"},
		{"election", "e1", "« The board » (e1)"},
		{"election", "v2", "v2"},
	} {
		if got := vl.name(fr, c.kind, c.id); got != c.want {
			t.Errorf("%s %s: %q, want %q", c.kind, c.id, got, c.want)
		}
	}
	if got := (*voteLog)(nil).name(l, "vote", "v2"); got != "v2" {
		t.Errorf("offline: %q", got)
	}
}
