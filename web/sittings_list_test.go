package web_test

import (
	"strings"
	"testing"
)

// TestRecordPageNamesEveryChair: the record page's list of sittings
// names who chaired each as the minutes do: who opened it, then who took
// the chair later; a time that ends in a full stop ("3:30 a.m.") gets no
// second one. The demo's joint sitting was opened by Nogin (the record
// enters him: the minutes do not say who chaired before Khinchuk took
// the chair) and chaired by Khinchuk after the presidium changed.
func TestRecordPageNamesEveryChair(t *testing.T) {
	if testing.Short() {
		t.Skip("replays the whole demo")
	}
	h := newDemoHall(t, "restorer")
	_, body, _ := h.browser("").get("/a/" + h.asm + "/record")
	want := "1917-03-31 3:30 a.m. Chair: Victor P. Nogin, then Khinchuk."
	if !strings.Contains(body, want) {
		i := strings.Index(body, "3:30 a.m.")
		t.Fatalf("the record page does not say %q: …%s…", want, body[max(i-200, 0):min(i+200, len(body))])
	}
	if strings.Contains(body, "a.m..") {
		t.Error("the record page puts a second full stop after a time")
	}
	_, md, _ := h.browser("").get("/a/" + h.asm + "/minutes/md")
	if !strings.Contains(md, "Chair: Victor P. Nogin, then Khinchuk.") {
		t.Error("the minutes do not name the same chairs")
	}
}

// TestDelegatePageSaysTheOutcomeOnce: the last result on the delegate's
// page states the outcome, then the count without it.
func TestDelegatePageSaysTheOutcomeOnce(t *testing.T) {
	h := newHall(t)
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	h.must("anna", "cast_ballot", obj{"vote": "v1", "voter": "anna", "choice": "against"})
	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "declare_result", obj{"vote": "v1"})
	_, body, _ := h.browser("boris").get("/a/coop/delegate")
	want := "defeated: 0 for, 1 against, 1 cast; 1 needed</p>"
	if !strings.Contains(body, want) {
		i := strings.Index(body, "Last result")
		t.Fatalf("the delegate page does not say %q: %s", want, body[max(i, 0):min(max(i, 0)+300, len(body))])
	}
}
