package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/tlogproof"
)

// TestSecretReceiptTokenInAnyCase: the receipt of a secret ballot is
// given for its token typed in lower or mixed case, with spaces around
// it, as for the token as shown (plenum's tokens are base32, upper case
// by construction, as access codes are read in any case); a wrong token
// in lower case is still refused and nothing is given.
func TestSecretReceiptTokenInAnyCase(t *testing.T) {
	h := newHall(t)
	anna := h.browser("anna")
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "secret"})
	loc := anna.act("delegate", "cast_ballot", url.Values{"a:vote": {"v1"}, "a:voter": {"anna"}, "a:choice": {"for"}}).Header.Get("Location")
	_, body, _ := anna.get(loc)
	m := tokenRe.FindStringSubmatch(body)
	if m == nil || strings.ToLower(m[1]) == m[1] {
		t.Fatalf("no upper-case token on the receipt page:\n%s", body)
	}
	token := m[1]
	h.must("boris", "cast_ballot", obj{"vote": "v1", "voter": "boris", "choice": "against"})
	h.must("chair", "close_vote", obj{"vote": "v1"})
	if n := read(h, func(s *assembly.State) int { return len(s.Votes["v1"].Sealed) }); n != 2 {
		t.Fatalf("%d sealed ballots after the close", n)
	}
	mixed := strings.ToLower(token[:13]) + token[13:]
	for _, typed := range []string{token, "  " + strings.ToLower(token) + "\n", " " + mixed + " "} {
		resp, file := anna.secretReceipt("v1", typed)
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/tlog-proof" {
			t.Errorf("the token typed %q: %s %s", typed, resp.Status, resp.Header.Get("Location"))
			continue
		}
		if _, err := tlogproof.VerifySecretBallot([]byte(file), tlogproof.SecretBallot{Type: "sealed_ballots", Token: token, Voter: "anna"}, h.verifiers, nil); err != nil {
			t.Errorf("the receipt for the token typed %q does not verify: %v", typed, err)
		}
	}
	resp, _ := anna.secretReceipt("v1", strings.Repeat("z", 26))
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("a wrong token in lower case: %s", resp.Status)
	}
	if _, b, _ := anna.get("/a/coop/delegate"); !strings.Contains(html.UnescapeString(b), "has this token") {
		t.Errorf("the refusal of a wrong token is not shown")
	}
}
