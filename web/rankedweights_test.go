package web_test

import (
	"context"
	"html"
	"net/url"
	"strings"
	"testing"

	"plenum/assembly"
)

// TestEncryptedRankedElectionRefusedOnTheConsole: an encrypted ranked
// election sent from the chair's console where a mandate entitled carries
// several votes is refused, and the console says why and what to do in
// its words; the same election by plurality opens.
func TestEncryptedRankedElectionRefusedOnTheConsole(t *testing.T) {
	h := newProxyHall(t)
	codes, err := h.auth.IssueCodes(context.Background(), asm, []string{"chair"})
	if err != nil {
		t.Fatal(err)
	}
	h.codes["chair"] = codes[0].Code
	chair := h.browser("chair")
	form := func(method string) url.Values {
		return url.Values{"new:id": {"e"}, "a:title": {"Auditor"}, "a:seats:int": {"1"}, "a:method": {method}, "a:candidates:list": {"anna boris dora"},
			"a:encrypted:bool": {"true"}, "a:trustees:list": {"mc dora"}, "a:trustee_quorum:int": {"2"}}
	}
	chair.act("chair/elections", "open_election", form("stv-scottish"))
	_, body, _ := chair.get("/a/" + asm + "/chair/elections")
	msg := html.UnescapeString(flashOf(body))
	for _, want := range []string{"Refused:", "cannot be encrypted while", "carries 5 votes", "each decrypted ranking is published once per vote", "open the election without encryption"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the console's refusal does not say %q: %s", want, msg)
		}
	}
	if n := len(read(h, func(s *assembly.State) []string { return s.ElectionOrder })); n != 0 {
		t.Fatalf("%d elections opened", n)
	}
	chair.act("chair/elections", "open_election", form("plurality"))
	if n := len(read(h, func(s *assembly.State) []string { return s.ElectionOrder })); n != 1 {
		t.Fatalf("the encrypted plurality election under weights: %d elections opened", n)
	}
}
