package web_test

import (
	"fmt"
	"testing"
)

// TestBrowserRevokeToReplace: on the mandate commission's page, a person
// who holds a valid code has no box to tick but "Revoke to replace",
// which chooses them in the form that revokes; a person whose code the
// viewer revoked is told another officer issues the new one; the list
// fits a phone's width as a laptop's.
func TestBrowserRevokeToReplace(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newHall(t)
	h.must("mc", "issue_access_codes", obj{"persons": []string{"anna", "boris"}})
	h.must("mc", "revoke_access_codes", obj{"persons": []string{"boris"}, "reason": "card lost"})
	s := newSession(t, h)
	for _, w := range []int64{360, 1280} {
		mc := s.openWith("mc", w, 800, "/a/coop/mandates#cards", false)
		if got := eval[string](s, mc, `[...document.querySelectorAll("#cards-persons li")].map(li => (li.querySelector("input") ? "[x] " : "") + li.innerText.trim()).join(" | ")`); got == "" {
			t.Fatal("no persons listed for cards")
		} else {
			t.Logf("%d px: %s", w, got)
		}
		if n := eval[int](s, mc, `document.querySelectorAll("#cards-persons input[value=anna], #cards-persons input[value=boris]").length`); n != 0 {
			t.Errorf("%d px: anna or boris can be ticked for a card by mc (%d boxes)", w, n)
		}
		if wide := eval[int](s, mc, `document.documentElement.scrollWidth`); wide > int(w) {
			t.Errorf("%d px: the page is %d px wide", w, wide)
		}
		s.shot(mc, fmt.Sprintf("mandates-revoke-to-replace-%d", w))
		s.click(mc, `[data-no-issue=anna] a`)
		s.until(mc, "anna chosen in the form that revokes", `document.querySelector("#rev-person") && document.querySelector("#rev-person").value === "anna"`)
		s.shotView(mc, fmt.Sprintf("mandates-revoke-chosen-%d", w))
	}
}
