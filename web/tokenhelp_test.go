package web_test

import (
	"html"
	"net/url"
	"strings"
	"testing"
)

// TestWrongSecretCodeSaysWhatTheCodeIs: a secret ballot's code that no
// sealed ballot has is refused with what the code is, that case and
// spaces do not matter and what a lost code means; nothing is given.
func TestWrongSecretCodeSaysWhatTheCodeIs(t *testing.T) {
	h := newHall(t)
	anna := h.browser("anna")
	h.must("chair", "open_vote", obj{"id": "v1", "question": "Adopt the minutes?", "method": "secret"})
	anna.confirm(anna.draft(url.Values{"step": {"check"}, "vote": {"v1"}, "choice": {"for"}}))
	h.must("chair", "close_vote", obj{"vote": "v1"})
	if resp, _ := anna.secretReceipt("v1", "AAAA BBBB CCCC DDDD EEEE FFFF"); resp.Header.Get("Content-Type") == "application/tlog-proof" {
		t.Fatalf("a wrong code got a receipt")
	}
	_, body, _ := anna.get("/a/" + asm + "/delegate")
	body = html.UnescapeString(body)
	for _, w := range []string{
		"has this token",
		"The code is the one shown when you cast your secret ballot, also in the file you saved then (the line “token:”); upper or lower case and spaces do not matter.",
		"A lost code cannot be given again, not even by the chair; your ballot counts all the same.",
	} {
		if !strings.Contains(body, w) {
			t.Errorf("the refusal of a wrong code does not say %q:\n%s", w, body)
		}
	}
}
