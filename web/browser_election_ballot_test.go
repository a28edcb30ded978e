package web_test

import (
	"strings"
	"testing"

	"plenum/assembly"
)

// TestBrowserElectionBallotFromThePhone: a delegate fills in an election
// ballot on the phone with the page's script on — ranks for a ranked
// election, ticks for plurality — checks it, sees the confirmation in
// place and casts it. The ballot form keeps what is chosen against the
// live redraws (it is marked busy as soon as anything is chosen), and the
// page once dropped the server's confirmation for that reason: "Check my
// ballot" did nothing.
func TestBrowserElectionBallotFromThePhone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	h := newHall(t)
	h.must("chair", "open_election", obj{"id": "e1", "title": "The auditing committee", "seats": 2, "method": "stv-scottish", "candidates": []string{"clara", "sec", "mc"}})
	s := newSession(t, h)
	anna := s.open("anna", 360, 740, "/a/coop/delegate")
	s.until(anna, "the ranked ballot", `document.querySelector("#ballot select[name='a:ranking:rank']") !== null`)
	// Chosen as a person chooses: each change fires the form's input event.
	eval[bool](s, anna, `(function () {
		var pick = function (cand, rank) {
			var sel = document.querySelector("#ballot select[id$='rk-" + cand + "']");
			sel.focus();
			sel.value = rank + ":" + cand;
			sel.dispatchEvent(new Event("input", { bubbles: true }));
			sel.dispatchEvent(new Event("change", { bubbles: true }));
		};
		pick("mc", 1); pick("clara", 2);
		return true;
	})()`)
	s.click(anna, `#ballot form.ballot button[type=submit]`)
	s.until(anna, "the confirmation in place", contains("#ballot", "Cast your ballot in “The auditing committee”:"))
	s.notReloaded(anna)
	s.shotView(anna, "phone-delegate-election-confirm")
	s.click(anna, "#ballot .confirm-btn")
	s.until(anna, "the ballot cast", `document.querySelector("#ballot .confirm-btn") === null && document.querySelector("#ballot form.ballot") === null`)
	got := read(h, func(st *assembly.State) string {
		for _, b := range st.Elections["e1"].Ballots {
			if b.Voter == "anna" {
				return strings.Join(b.Ranking, ",")
			}
		}
		return ""
	})
	if got != "mc,clara" {
		t.Fatalf("anna's election ballot in the record: %q, want mc,clara", got)
	}

	// Plurality: a tick, then Enter on the tick itself (the focus is in
	// the form when the answer comes).
	h.must("chair", "open_election", obj{"id": "e2", "title": "The tellers", "seats": 1, "method": "plurality", "candidates": []string{"clara", "mc"}})
	boris := s.open("boris", 360, 740, "/a/coop/delegate")
	s.until(boris, "the plurality ballot", `document.querySelector("#ballot input[name='a:approve:list']") !== null`)
	eval[bool](s, boris, `(function () {
		var box = document.querySelector("#ballot input[name='a:approve:list'][value='mc']");
		box.focus();
		box.click();
		box.form.requestSubmit();
		return true;
	})()`)
	s.until(boris, "the confirmation in place", contains("#ballot", "Cast your ballot in “The tellers”:"))
	s.click(boris, "#ballot .confirm-btn")
	s.until(boris, "the ballot cast", `document.querySelector("#ballot .confirm-btn") === null`)
	n := read(h, func(st *assembly.State) int { return len(st.Elections["e2"].Ballots) })
	if n != 1 {
		t.Fatalf("%d ballots in the plurality election, want 1", n)
	}
}
