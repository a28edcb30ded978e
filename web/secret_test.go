package web_test

import (
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/tlogproof"
)

var tokenRe = regexp.MustCompile(`id="ballot-token">([A-Z2-7]+)<`)
var tokenFileRe = regexp.MustCompile(`href="(data:text/plain;charset=utf-8,[^"]+)" download="ballot-token-coop-v1.txt"`)

// secretReceipt sends the form "Get the receipt of my secret ballot".
func (b *browser) secretReceipt(vote, token string) (*http.Response, string) {
	b.h.t.Helper()
	_, page, _ := b.get("/a/" + asm + "/delegate")
	m := csrfRe.FindStringSubmatch(page)
	if m == nil {
		b.h.t.Fatal("no form token on the delegate page")
	}
	form := url.Values{"csrf": {m[1]}, "vote": {vote}, "token": {token}}
	req, _ := http.NewRequest("POST", b.h.srv.URL+"/a/"+asm+"/secret-receipt", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", b.h.srv.URL)
	resp, err := b.c.Do(req)
	if err != nil {
		b.h.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func TestSecretBallotOnThePages(t *testing.T) {
	h := newHall(t)
	chair, anna := h.browser("chair"), h.browser("anna")
	if _, body, _ := chair.get("/a/coop/chair"); !strings.Contains(body, `<option value="secret">`) {
		t.Fatal("the chair cannot choose a secret vote")
	}
	chair.act("chair", "open_vote", url.Values{"new:id": {"v"}, "a:motion": {"m1"}, "a:method": {"secret"}})
	if m := read(h, func(s *assembly.State) string { return s.Votes["v1"].Method }); m != "secret" {
		t.Fatalf("the vote's method is %q", m)
	}

	// anna confirms her ballot and is shown its token, once.
	resp := anna.act("delegate", "cast_ballot", url.Values{"a:vote": {"v1"}, "a:voter": {"anna"}, "a:choice": {"for"}})
	loc := resp.Header.Get("Location")
	if !strings.HasPrefix(loc, "/a/coop/receipt?entry=") {
		t.Fatalf("after the ballot the page goes to %q", loc)
	}
	_, body, _ := anna.get(loc)
	// The code is a receipt a buyer could check once the sealed ballots
	// are published: the page says so, not that it hides the vote
	// (red-team review of stop 42, M3).
	if !strings.Contains(body, "Keep this code to yourself: after the close it shows you that your ballot was counted as you cast it, and it would show anyone you give it to how you voted") {
		t.Fatalf("the token is not explained:\n%s", body)
	}
	m := tokenRe.FindStringSubmatch(body)
	if m == nil || len(m[1]) != 26 {
		t.Fatalf("no token on the page:\n%s", body)
	}
	token := m[1]
	f := tokenFileRe.FindStringSubmatch(body)
	if f == nil {
		t.Fatalf("no way to save the token:\n%s", body)
	}
	text, err := url.PathUnescape(strings.TrimPrefix(html.UnescapeString(f[1]), "data:text/plain;charset=utf-8,"))
	if err != nil || !strings.Contains(text, "token: "+token) || !strings.Contains(text, "vote: Adopt the budget") || !strings.Contains(text, "assembly: Spring general meeting") || strings.Contains(text, "vote: v1") {
		t.Fatalf("the token file: %v\n%s", err, text)
	}
	if _, again, _ := anna.get(loc); strings.Contains(again, token) || !strings.Contains(again, "shown once") {
		t.Errorf("the token is shown a second time:\n%s", again)
	}
	for _, p := range []string{"/a/coop/delegate", "/a/coop/record", "/a/coop/projector", "/api/assemblies/coop/me", "/api/assemblies/coop/votes/v1"} {
		if _, b, _ := anna.get(p); strings.Contains(b, token) {
			t.Errorf("%s shows the token", p)
		}
	}
	h.must("boris", "cast_ballot", obj{"vote": "v1", "voter": "boris", "choice": "against"})
	h.must("clara", "cast_ballot", obj{"vote": "v1", "voter": "clara", "choice": "for"})
	if _, b, _ := anna.get("/a/coop/delegate"); strings.Contains(b, "Get the receipt of my secret ballot") {
		t.Error("the receipt form is offered while the vote is open")
	}
	if resp, _ := anna.secretReceipt("v1", token); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("a receipt while the vote is open: %s", resp.Status)
	}

	// The chair closes it: plenum enters the sealed ballots.
	chair.act("chair", "close_vote", url.Values{"a:vote": {"v1"}})
	if n := read(h, func(s *assembly.State) int { return len(s.Votes["v1"].Sealed) }); n != 3 {
		t.Fatalf("%d sealed ballots after the close", n)
	}
	chair.act("chair", "declare_result", url.Values{"a:vote": {"v1"}})
	if r := read(h, func(s *assembly.State) string { return s.Votes["v1"].Result.Arithmetic }); !strings.HasPrefix(r, "2 for, 1 against") {
		t.Fatalf("the result: %q", r)
	}

	// anna gets her receipt with the form, and it verifies.
	_, page, _ := anna.get("/a/coop/delegate")
	if !strings.Contains(page, "Get the receipt of my secret ballot") || !strings.Contains(page, `<option value="v1">`) {
		t.Fatalf("no receipt form after the close:\n%s", page)
	}
	resp, file := anna.secretReceipt("v1", " "+token+"\n")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/tlog-proof" || resp.Header.Get("Content-Disposition") != `attachment; filename="receipt-v1-secret.tlog-proof"` {
		t.Fatalf("secret receipt: %s %v\n%s", resp.Status, resp.Header, file)
	}
	rc, err := tlogproof.VerifySecretBallot([]byte(file), tlogproof.SecretBallot{Type: "sealed_ballots", Token: token, Voter: "anna"}, h.verifiers, nil)
	if err != nil {
		t.Fatalf("the secret receipt does not verify: %v\n%s", err, file)
	}
	if want := read(h, func(s *assembly.State) int64 { return s.Votes["v1"].SealedEntries[0] }); rc.Index != want {
		t.Errorf("the receipt is of entry %d, the sealed ballots are entry %d", rc.Index, want)
	}
	if strings.Contains(file, "Anna") || strings.Contains(file, "md-anna") {
		t.Error("the secret receipt names anna")
	}
	// A wrong token goes back to the page with the refusal.
	resp, _ = anna.secretReceipt("v1", "ZZZZZZZZZZZZZZZZZZZZZZZZZZ")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/a/coop/delegate" {
		t.Fatalf("wrong token: %s %v", resp.Status, resp.Header)
	}
	if _, b, _ := anna.get("/a/coop/delegate"); !strings.Contains(html.UnescapeString(b), "Refused: No sealed ballot of the vote on “Adopt the budget” has this token") {
		t.Errorf("the refusal of a wrong token is not shown:\n%s", b)
	}
	if resp, _ := anna.secretReceipt("v1", "short"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("a malformed token: %s", resp.Status)
	}
	// A forged form gets nothing.
	req, _ := http.NewRequest("POST", h.srv.URL+"/a/coop/secret-receipt", strings.NewReader(url.Values{"vote": {"v1"}, "token": {token}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", h.srv.URL)
	if resp, err := anna.c.Do(req); err != nil || resp.StatusCode == 200 {
		t.Errorf("a form without its token got the receipt: %v %v", resp.Status, err)
	}
}

// TestTokenFileGivesTheCommandToRun: the secret ballot's token file ends
// with the command that checks the receipt with the token, as the
// delegate can run it: the server's verifier key, the receipt file by the
// name it is saved under after the close (as the page's command names
// it), the token and the log's address; no VERIFIER-KEY nor RECEIPT-FILE
// to fill in.
func TestTokenFileGivesTheCommandToRun(t *testing.T) {
	h := newCheckHall(t)
	anna := h.browser("anna")
	h.must("chair", "open_vote", obj{"id": "v1", "question": "Adopt the minutes?", "method": "secret"})
	loc := anna.act("delegate", "cast_ballot", url.Values{"a:vote": {"v1"}, "a:voter": {"anna"}, "a:choice": {"for"}}).Header.Get("Location")
	_, body, _ := anna.get(loc)
	token, f := tokenRe.FindStringSubmatch(body), tokenFileRe.FindStringSubmatch(body)
	if token == nil || f == nil {
		t.Fatalf("no token, or no token file, on the receipt:\n%s", body)
	}
	text, err := url.PathUnescape(strings.TrimPrefix(html.UnescapeString(f[1]), "data:text/plain;charset=utf-8,"))
	if err != nil {
		t.Fatal(err)
	}
	cmds := verifyCommands(body)
	if len(cmds) != 3 || cmds[2]["--token"] != token[1] {
		t.Fatalf("the receipt's commands: %v", cmds)
	}
	want := fmt.Sprintf("    plenum verify --receipt %s --key %s --token %s --url %s\n", cmds[2]["--receipt"], testVerifierKey, token[1], h.srv.URL+"/log/"+asm+"/")
	if cmds[2]["--receipt"] != "receipt-v1-secret.tlog-proof" || !strings.HasSuffix(text, want) {
		t.Errorf("the token file's command: want\n%s\nthe file:\n%s", want, text)
	}
}
