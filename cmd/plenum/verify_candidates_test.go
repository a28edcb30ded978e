package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"plenum/engine"
	"plenum/ledger"
	"plenum/tlogproof"
)

// TestVerifyNamesTheCandidates: plenum verify --receipt --url names the
// candidates of an election's ballot as the record names them (Käthe
// Fuß, not her id kathe-fuss), with the id only after a name two
// candidates share (Anna Weber (anna-1)), in every language: the choice
// of a secret election's ballot (--token) and the ballot of an open
// election's election_ballot_cast entry. Offline, the receipt's entry
// names no one: verify prints the ids and says so.
func TestVerifyNamesTheCandidates(t *testing.T) {
	ctx := context.Background()
	candidates := []string{"kathe-fuss", "anna-1", "anna-2"}
	srv, db, submit := weightedServer(t, 0, func(add func(actor, cmd string, args map[string]any)) {
		add("admin", "add_person", map[string]any{"id": "kathe-fuss", "name": "Käthe Fuß"})
		add("admin", "add_person", map[string]any{"id": "anna-1", "name": "Anna Weber"})
		add("admin", "add_person", map[string]any{"id": "anna-2", "name": "Anna Weber"})
		add("admin", "open_election", map[string]any{"id": "e1", "title": "Der Vorstand", "seats": 2, "method": "approval", "candidates": candidates, "secret": true})
	})
	token := submit("d0", "cast_election_ballot", map[string]any{"election": "e1", "voter": "d0", "approve": []string{"kathe-fuss", "anna-1"}}).BallotToken
	submit("d1", "cast_election_ballot", map[string]any{"election": "e1", "voter": "d1", "approve": []string{"anna-2"}})
	submit("admin", "close_election", map[string]any{"election": "e1"})
	submit("admin", "open_election", map[string]any{"id": "e2", "title": "Die Prüfer", "seats": 1, "method": "approval", "candidates": candidates})
	cast := submit("d1", "cast_election_ballot", map[string]any{"election": "e2", "voter": "d1", "approve": []string{"kathe-fuss"}})
	hs := httptest.NewServer(srv.handler)
	defer hs.Close()
	a, _ := srv.engine.Assembly("coop")
	dir := t.TempDir()
	write := func(name string, proof []byte, err error) string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, proof, 0o644); err != nil {
			t.Fatal(err)
		}
		return file
	}
	proof, err := engine.SecretElectionBallotReceipt(ctx, a, "e1", token)
	secret := write("secret.tlog-proof", proof, err)
	proof, err = engine.EntryReceipt(ctx, a, cast.Events[0].Index)
	open := write("open.tlog-proof", proof, err)
	key := demoVerifierKey(t, db)
	const chose = ": Käthe Fuß, Anna Weber (anna-1)\n"
	for _, c := range []struct {
		name, lang string
		args       []string
		want, not  []string
	}{
		{"secret, --url", "", []string{"--receipt", secret, "--key", key, "--token", token, "--url", hs.URL},
			[]string{"it carries the secret ballot with your token in election “Der Vorstand” (e1)" + chose,
				"\nreplayed: 28 entries, every event in order through the rules of procedure up to that checkpoint, none refused\n"}, []string{"kathe-fuss", "by their ids"}},
		{"secret, --url, de", "de", []string{"--receipt", secret, "--key", key, "--token", token, "--url", hs.URL},
			[]string{"in der Wahl „Der Vorstand“ (e1)" + chose}, []string{"kathe-fuss"}},
		{"secret, --url, ru", "ru", []string{"--receipt", secret, "--key", key, "--token", token, "--url", hs.URL},
			[]string{"«Der Vorstand» (e1)" + chose}, []string{"kathe-fuss"}},
		{"secret, --url, fr", "fr", []string{"--receipt", secret, "--key", key, "--token", token, "--url", hs.URL},
			[]string{"« Der Vorstand » (e1) " + chose}, []string{"kathe-fuss"}},
		{"secret, --url, es", "es", []string{"--receipt", secret, "--key", key, "--token", token, "--url", hs.URL},
			[]string{"«Der Vorstand» (e1)" + chose}, []string{"kathe-fuss"}},
		{"secret, offline", "", []string{"--receipt", secret, "--key", key, "--token", token},
			[]string{"in election e1: kathe-fuss, anna-1\n", "the candidates (or lists) are given by their ids: the receipt's entry does not name them; give --url"}, []string{"Käthe", "replayed"}},
		{"secret, offline, de", "de", []string{"--receipt", secret, "--key", key, "--token", token},
			[]string{"die Kandidierenden (oder Listen) sind mit ihren Kennungen angegeben"}, nil},
		{"open, --url", "", []string{"--receipt", open, "--key", key, "--url", hs.URL},
			[]string{"\n  election: “Die Prüfer” (e2)\n  ballot:\n    voter: d1\n", "\n    approve: Käthe Fuß\n"}, []string{"kathe-fuss", `"approve"`, "ranking"}},
		{"open, offline", "", []string{"--receipt", open, "--key", key},
			[]string{"\n  election: e2\n  ballot:\n", "\n    approve: kathe-fuss\n"}, []string{"Käthe"}},
	} {
		var o, e bytes.Buffer
		if code := runCLI(ctx, &cliEnv{stdin: strings.NewReader(""), stdout: &o, stderr: &e, lang: c.lang}, append([]string{"verify"}, c.args...)); code != 0 {
			t.Fatalf("%s: exit %d\n%s\n%s", c.name, code, o.String(), e.String())
		}
		outSays(t, c.name, o.String(), c.want, c.not)
	}
}

// TestVerifyExcerptNamesTheCandidates: plenum verify --excerpt names
// the candidates of an election by the names the excerpt's entries give
// them (a person_added, corrected by a person_amended), the id after a
// name two share, and the lists by their names in the election's
// opening; the excerpt of an election, which holds no entry naming its
// candidates, is said to give them by their ids.
func TestVerifyExcerptNamesTheCandidates(t *testing.T) {
	at := time.Date(2026, 5, 9, 9, 0, 0, 0, time.UTC)
	var x tlogproof.Excerpt
	add := func(typ string, payload any) {
		p, _ := json.Marshal(payload)
		data, _, err := ledger.EncodeEntry(ledger.Entry{Index: int64(len(x.Entries)), Time: at, Actor: "admin", Type: typ, Payload: p})
		if err != nil {
			t.Fatal(err)
		}
		x.Entries = append(x.Entries, tlogproof.ExcerptEntry{Index: int64(len(x.Entries)), Data: data})
	}
	add("person_added", map[string]any{"id": "kathe-fuss", "name": "Kathe Fuss"})
	add("person_amended", map[string]any{"person": "kathe-fuss", "name": "Käthe Fuß"})
	add("person_added", map[string]any{"id": "anna-1", "name": "Anna Weber"})
	add("person_added", map[string]any{"id": "anna-2", "name": "anna  weber"})
	add("election_opened", map[string]any{"id": "e1", "candidates": []string{"kathe-fuss", "anna-1"},
		"lists": []map[string]any{{"id": "la", "name": "Liste Ärztinnen", "candidates": []string{"anna-2"}}}})
	add("candidate_nominated", map[string]any{"election": "e1", "person": "nobody-named"})
	names := excerptCandidates(&x)["e1"]
	for _, c := range []struct{ id, want string }{
		{"kathe-fuss", "Käthe Fuß"}, {"anna-1", "Anna Weber (anna-1)"}, {"anna-2", "anna  weber (anna-2)"},
		{"la", "Liste Ärztinnen"}, {"nobody-named", "nobody-named"},
	} {
		if got := names.either(c.id); got != c.want {
			t.Errorf("%s: %q, want %q", c.id, got, c.want)
		}
	}
	if !names.unnamed([]string{"kathe-fuss", "nobody-named"}) || names.unnamed([]string{"kathe-fuss", "la"}) {
		t.Error("unnamed does not tell who is printed by their id")
	}

	file, vkey, _, _ := servedElectionExcerpt(t, plainElectionScript(t))
	for lang, want := range map[string]string{
		"":   "election e1: the candidates are given by their ids: the excerpt holds no entry that names them",
		"de": "Wahl e1: die Kandidierenden sind mit ihren Kennungen angegeben",
		"ru": "выборы e1: кандидаты указаны своими идентификаторами",
		"fr": "élection e1 : les candidats sont donnés par leurs identifiants",
		"es": "elección e1: los candidatos se dan por sus identificadores",
	} {
		if _, out, _ := runIn(t, lang, "verify", "--excerpt", file, "--key", vkey); !strings.Contains(out, want) {
			t.Errorf("%q: want %q in\n%s", lang, want, out)
		}
	}
}
