package web_test

import (
	"encoding/json"
	"html"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/internal/enctest"
	"plenum/tlogproof"
)

// commandRe finds the commands of plenum verify a page shows.
var commandRe = regexp.MustCompile(`<pre class="command"><code>(plenum verify [^<]*)</code></pre>`)

// verifyCommands are the commands of plenum verify on page, each as its
// flags and their values (--url "" for none).
func verifyCommands(page string) []map[string]string {
	var out []map[string]string
	for _, m := range commandRe.FindAllStringSubmatch(page, -1) {
		f := strings.Fields(html.UnescapeString(m[1]))[2:]
		c := map[string]string{}
		for i := 0; i+1 < len(f); i += 2 {
			c[f[i]] = f[i+1]
		}
		out = append(out, c)
	}
	return out
}

// savedAs is the name a download is saved under (Content-Disposition).
func savedAs(t *testing.T, hdr http.Header) string {
	t.Helper()
	_, p, err := mime.ParseMediaType(hdr.Get("Content-Disposition"))
	if err != nil || p["filename"] == "" {
		t.Fatalf("no file name in %q: %v", hdr.Get("Content-Disposition"), err)
	}
	return p["filename"]
}

// TestReceiptCheckIsOneExplanation: a receipt's "how to check it" gives
// the commands of plenum verify with the real key, the file the receipt
// is saved as, and the log's address, and says what the file holds; not
// also a generic command with VERIFIER-KEY.
func TestReceiptCheckIsOneExplanation(t *testing.T) {
	h := newCheckHall(t)
	anna := h.browser("anna")
	h.must("chair", "open_vote", obj{"id": "v1", "question": "Adopt the minutes?", "method": "roll_call"})
	loc := anna.confirm(anna.draft(url.Values{"step": {"check"}, "vote": {"v1"}, "choice": {"for"}})).Header.Get("Location")
	_, body, _ := anna.get(loc)
	for _, no := range []string{"VERIFIER-KEY", "--receipt FILE", "RECEIPT-FILE"} {
		if strings.Contains(body, no) {
			t.Errorf("the receipt still shows %q:\n%s", no, body)
		}
	}
	status, _, hdr := anna.get(loc + "&download=1")
	if status != 200 {
		t.Fatalf("the receipt file: %d", status)
	}
	file := savedAs(t, hdr)
	cmds := verifyCommands(body)
	if len(cmds) != 2 {
		t.Fatalf("%d commands on the receipt, want the check offline and with --url: %v", len(cmds), cmds)
	}
	logURL := h.srv.URL + "/log/" + asm + "/"
	for i, c := range cmds {
		if c["--receipt"] != file || c["--key"] != testVerifierKey || c["--url"] != []string{"", logURL}[i] || c["--token"] != "" || c["--tracker"] != "" {
			t.Errorf("command %d: %v; want the receipt %s, the key, and --url %q", i, c, file, []string{"", logURL}[i])
		}
	}
	if !strings.Contains(html.UnescapeString(body), "The receipt file holds entry ") || !strings.Contains(body, `download="`+file+`"`) {
		t.Errorf("the receipt does not say what its file holds, or saves it under another name than %s:\n%s", file, body)
	}
}

// TestSecretReceiptCheckGivesTheToken: a secret ballot's receipt says
// its entry shows that the delegate voted, not how, and gives the command
// that checks, after the close, the receipt of the secret ballot with the
// token the page shows: the file the delegate's page then saves, which
// carries the token (the receipt of the ballot itself does not: it is the
// entry that names the voter, without a choice). Shown again, the page
// has no token, and the command says where it goes.
func TestSecretReceiptCheckGivesTheToken(t *testing.T) {
	h := newCheckHall(t)
	chair, anna := h.browser("chair"), h.browser("anna")
	chair.act("chair", "open_vote", url.Values{"new:id": {"v"}, "a:motion": {"m1"}, "a:method": {"secret"}})
	loc := anna.act("delegate", "cast_ballot", url.Values{"a:vote": {"v1"}, "a:voter": {"anna"}, "a:choice": {"for"}}).Header.Get("Location")
	_, body, _ := anna.get(loc)
	m := tokenRe.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no token on the receipt:\n%s", body)
	}
	token := m[1]
	if !strings.Contains(body, "In a secret vote this entry records that you voted, not how") {
		t.Errorf("the receipt does not say what its entry shows:\n%s", body)
	}
	cmds := verifyCommands(body)
	if len(cmds) != 3 || cmds[2]["--token"] != token || cmds[2]["--url"] != h.srv.URL+"/log/"+asm+"/" || cmds[0]["--token"] != "" || cmds[1]["--token"] != "" {
		t.Fatalf("the commands on a secret ballot's receipt: %v; want the third with --token %s and --url", cmds, token)
	}
	_, own, ownHdr := anna.get(loc + "&download=1")
	if cmds[0]["--receipt"] != savedAs(t, ownHdr) {
		t.Errorf("the check of the receipt names %s, the file is %s", cmds[0]["--receipt"], savedAs(t, ownHdr))
	}
	if _, err := tlogproof.VerifySecretBallot([]byte(own), tlogproof.SecretBallot{Type: "sealed_ballots", Token: token}, h.verifiers, nil); err == nil {
		t.Error("the receipt of the ballot itself checks with the token: the command need not wait for the close")
	}
	if _, again, _ := anna.get(loc); !strings.Contains(again, "--token YOUR-CODE --url") || strings.Contains(again, token) {
		t.Errorf("shown again, the receipt's command with --token:\n%s", again)
	}

	h.must("boris", "cast_ballot", obj{"vote": "v1", "voter": "boris", "choice": "against"})
	chair.act("chair", "close_vote", url.Values{"a:vote": {"v1"}})
	resp, sealed := anna.secretReceipt("v1", token)
	if resp.StatusCode != 200 {
		t.Fatalf("the receipt of the secret ballot: %s", resp.Status)
	}
	if got := savedAs(t, resp.Header); got != cmds[2]["--receipt"] {
		t.Errorf("the command with --token names %s, the delegate's page saves %s", cmds[2]["--receipt"], got)
	}
	if _, err := tlogproof.VerifySecretBallot([]byte(sealed), tlogproof.SecretBallot{Type: "sealed_ballots", Token: token}, h.verifiers, nil); err != nil {
		t.Errorf("the receipt of the secret ballot does not check with the token shown: %v", err)
	}
}

// TestEncryptedReceiptCheckGivesTheTracker: an encrypted ballot's receipt
// gives both commands with --tracker and the ballot's tracker, which the
// receipt's file proves, and says what that proves.
func TestEncryptedReceiptCheckGivesTheTracker(t *testing.T) {
	h := newCheckHall(t)
	h.must("chair", "open_election", obj{"id": "e1", "title": "Auditor", "seats": 1, "method": "approval", "candidates": []string{"anna", "boris", "clara"},
		"approvals": 2, "encrypted": true, "trustees": []string{"sec", "mc"}, "trustee_quorum": 2})
	serverCeremony(t, h, "e1")
	enc := read(h, func(s *assembly.State) *assembly.EncryptedVote { return s.Elections["e1"].Encrypted })
	res := h.must("anna", "cast_encrypted_ballot", obj{"election": "e1", "voter": "anna", "ballot": json.RawMessage(enctest.Marks(t, *enc.Key, enc.Question(), []int{1, 0, 1}, "m-anna"))})
	tracker := read(h, func(s *assembly.State) string { return s.Elections["e1"].Encrypted.Cast[0].Tracker })
	anna := h.browser("anna")
	loc := "/a/" + asm + "/receipt?entry=" + strconv.FormatInt(res.First(), 10)
	_, body, _ := anna.get(loc)
	_, file, hdr := anna.get(loc + "&download=1")
	cmds := verifyCommands(body)
	if len(cmds) != 2 {
		t.Fatalf("%d commands on an encrypted ballot's receipt: %v", len(cmds), cmds)
	}
	for i, c := range cmds {
		if c["--tracker"] != tracker || c["--receipt"] != savedAs(t, hdr) || c["--token"] != "" {
			t.Errorf("command %d: %v; want --tracker %s and the receipt's file", i, c, tracker)
		}
	}
	if _, err := tlogproof.VerifyEncryptedBallot([]byte(file), tracker, h.verifiers, nil); err != nil {
		t.Errorf("the receipt's file does not check with the tracker shown: %v", err)
	}
	if !strings.Contains(body, "With --tracker the check also proves that it is the ballot of your tracker") {
		t.Errorf("the receipt does not say what --tracker proves:\n%s", body)
	}
}
