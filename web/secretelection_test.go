package web_test

import (
	"html"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/tlogproof"
)

// TestSecretElectionOnThePages: the chair's election form offers a
// secret ballot, sealed by the server, beside by name and encrypted, and
// says what each protects and what not; an election opened so is secret.
// The delegate's ballot says it is secret; after it the receipt page
// shows the token once and not the ballot; the elections tab, the
// projector and the minutes say the election was by secret ballot and
// list no ballot by name; after the close the delegate's page offers the
// receipt of the sealed ballot, which verifies and names nobody.
func TestSecretElectionOnThePages(t *testing.T) {
	h := newHall(t)
	chair, anna := h.browser("chair"), h.browser("anna")
	_, page, _ := chair.get("/a/" + asm + "/chair/elections")
	page = html.UnescapeString(page)
	for _, want := range []string{
		`<input type="radio" name="a:secret:bool" value="false" checked aria-describedby="el-byname"> By name</label>`,
		`<input type="radio" name="a:secret:bool" value="true" id="el-secret" aria-describedby="el-secret-note"> Secret (sealed by the server)</label>`,
		"It does not protect against the server's operator, who can link each ballot to its voter while the election is open and could alter the count",
		"so that the operator can neither read a ballot nor change the count unseen; it needs trustees and their key ceremony",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the election form does not offer %q", want)
		}
	}
	chair.act("chair/elections", "open_election", url.Values{"new:id": {"e"}, "a:title": {"Board"}, "a:seats:int": {"1"}, "a:method": {"plurality"},
		"a:candidates:list": {"boris clara"}, "a:secret:bool": {"true"}})
	if s := read(h, func(s *assembly.State) bool { return s.Elections["e1"] != nil && s.Elections["e1"].Secret }); !s {
		t.Fatal("the election opened from the form is not secret")
	}
	if _, p, _ := chair.get("/a/" + asm + "/projector"); !strings.Contains(p, `<p class="label">Secret election</p>`) {
		t.Errorf("the projector does not say the election is secret:\n%s", p)
	}
	_, page, _ = anna.get("/a/" + asm + "/delegate")
	if !strings.Contains(page, `<span class="label">Secret election</span>`) || !strings.Contains(page, "A secret ballot: the record keeps that you voted, never how.") ||
		strings.Contains(page, "your name and your choice go into the minutes") {
		t.Fatalf("the ballot does not say it is secret:\n%s", page)
	}

	resp := anna.act("delegate", "cast_election_ballot", url.Values{"a:election": {"e1"}, "a:voter": {"anna"}, "a:approve:list": {"clara"}})
	loc := resp.Header.Get("Location")
	if !strings.HasPrefix(loc, "/a/coop/receipt?entry=") {
		t.Fatalf("after the ballot the page goes to %q", loc)
	}
	_, body, _ := anna.get(loc)
	m := tokenRe.FindStringSubmatch(body)
	if m == nil || len(m[1]) != 26 {
		t.Fatalf("no token on the receipt page:\n%s", body)
	}
	token := m[1]
	if strings.Contains(body, `class="chosen"`) || strings.Contains(body, "Clara") {
		t.Errorf("the receipt page of a secret ballot shows the ballot:\n%s", body)
	}
	if _, again, _ := anna.get(loc); strings.Contains(again, token) {
		t.Error("the token is shown a second time")
	}
	if _, list, _ := anna.get("/a/" + asm + "/receipt"); strings.Contains(list, "Board") {
		t.Errorf("the list of anna's receipts names her secret ballot:\n%s", list)
	}
	h.must("boris", "cast_election_ballot", obj{"election": "e1", "voter": "boris", "approve": []string{"clara"}})
	h.must("clara", "cast_election_ballot", obj{"election": "e1", "voter": "clara", "approve": []string{"boris"}})
	chair.act("chair/elections", "close_election", url.Values{"a:election": {"e1"}})
	chair.act("chair/elections", "declare_election", url.Values{"a:election": {"e1"}})
	if e := read(h, func(s *assembly.State) string { return strings.Join(s.Elections["e1"].Elected, ",") }); e != "clara" {
		t.Fatalf("elected %q", e)
	}
	_, page, _ = chair.get("/a/" + asm + "/chair/elections")
	if !strings.Contains(page, "By secret ballot: 3 delegates voted; the count is made from the sealed ballots in the record.") || strings.Contains(page, "by name</summary>") {
		t.Errorf("the elections tab does not say the election was secret, or lists ballots by name:\n%s", page)
	}
	if _, p, _ := chair.get("/a/" + asm + "/projector"); !strings.Contains(p, `<p class="proj-method">by secret ballot</p>`) {
		t.Errorf("the projector does not say the elected were chosen by secret ballot:\n%s", p)
	}
	_, minutes, _ := chair.get("/a/" + asm + "/minutes/md")
	if !strings.Contains(minutes, "By secret ballot.") || strings.Contains(minutes, "Ballots by name") {
		t.Errorf("the minutes do not say the election was secret, or name ballots:\n%s", minutes)
	}

	// The receipt of the sealed ballot, by the token.
	_, page, _ = anna.get("/a/" + asm + "/delegate")
	if !strings.Contains(page, `<select id="sr-election" name="election"><option value="e1">`) {
		t.Fatalf("no receipt form for the secret election:\n%s", page)
	}
	m = csrfRe.FindStringSubmatch(page)
	form := url.Values{"csrf": {m[1]}, "election": {"e1"}, "token": {strings.ToLower(token)}}
	req, _ := http.NewRequest("POST", h.srv.URL+"/a/"+asm+"/secret-receipt", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", h.srv.URL)
	r, err := anna.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	file, _ := io.ReadAll(r.Body)
	r.Body.Close()
	if r.StatusCode != 200 || r.Header.Get("Content-Type") != "application/tlog-proof" {
		t.Fatalf("secret election receipt: %s\n%s", r.Status, file)
	}
	rc, err := tlogproof.VerifySecretBallot(file, tlogproof.SecretBallot{Type: "sealed_election_ballots", Token: token, Voter: "anna"}, h.verifiers, nil)
	if err != nil {
		t.Fatalf("the receipt does not verify: %v\n%s", err, file)
	}
	if want := read(h, func(s *assembly.State) int64 { return s.Elections["e1"].SealedEntries[0] }); rc.Index != want {
		t.Errorf("the receipt is of entry %d, the sealed ballots are entry %d", rc.Index, want)
	}
}
