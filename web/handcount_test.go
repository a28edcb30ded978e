package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestConsoleShowsTheCountOfHands: a vote by show of hands is no count of
// ballots on phones ("0 of 3 have voted" was false), and the count of
// hands the chair entered is on the console before the result is declared
// (a count cannot be corrected once recorded, so a mistyped one must be
// seen), its words in the page's language.
func TestConsoleShowsTheCountOfHands(t *testing.T) {
	h := newHall(t)
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "show_of_hands"})
	h.must("chair", "close_vote", obj{"vote": "v1"})
	chair := h.browser("chair")
	_, body, _ := chair.get("/a/coop/chair")
	// The count form's hint names every word a count may be (the 1917
	// secretaries' "the majority in favor" among them).
	if !strings.Contains(body, `placeholder="38, 62-68, rest, majority, minority, unstated"`) {
		t.Error("the count form's hint does not name the words a count may be")
	}
	if !strings.Contains(body, "Counted by hand: no count entered yet") || strings.Contains(body, "have voted") || strings.Contains(body, "0 voted") {
		t.Errorf("the console counts ballots in a show of hands:\n%s", body)
	}
	h.must("chair", "enter_count", obj{"vote": "v1", "for": 3, "against": "rest"})
	_, body, _ = chair.get("/a/coop/chair")
	if !strings.Contains(body, "Count entered: 3 in favor, all the others against") {
		t.Errorf("the console does not show the count entered:\n%s", body)
	}
	if !strings.Contains(body, `<option value="">as the count decides: defeated</option>`) {
		t.Errorf("the declare form does not say what the count decides:\n%s", body)
	}
	_, body = chair.getWith("/a/coop/chair", http.Header{"Cookie": {"plenum_lang=de"}})
	if !strings.Contains(body, "Zählung eingetragen: 3 dafür, alle anderen dagegen") {
		t.Errorf("the count entered is not in the page's language:\n%s", body)
	}
}

// TestDeclareFormSaysWhatTheCountDecides: before the chair declares a
// result "as the count decides", the form says what that is, with the
// votes needed; a count that does not decide says the chair chooses.
func TestDeclareFormSaysWhatTheCountDecides(t *testing.T) {
	h := newHall(t)
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	h.must("anna", "cast_ballot", obj{"vote": "v1", "voter": "anna", "choice": "for"})
	h.must("boris", "cast_ballot", obj{"vote": "v1", "voter": "boris", "choice": "against"})
	h.must("chair", "close_vote", obj{"vote": "v1"})
	_, body, _ := h.browser("chair").get("/a/coop/chair")
	if !strings.Contains(body, `<option value="">as the count decides: defeated (2 needed)</option>`) {
		t.Errorf("a tie's declare form does not say the count defeats it:\n%s", body)
	}
	h.must("chair", "declare_result", obj{"vote": "v1"})
	h.must("chair", "move_motion", obj{"id": "m9", "kind": "substantive", "title": "Another", "text": "Another.", "item": "i1"})
	h.must("chair", "open_vote", obj{"id": "v2", "motion": "m9", "method": "show_of_hands"})
	h.must("chair", "close_vote", obj{"vote": "v2"})
	h.must("chair", "enter_count", obj{"vote": "v2", "for": "1-2", "against": 1})
	_, body, _ = h.browser("chair").get("/a/coop/chair")
	if !strings.Contains(body, `<option value="">the count does not decide: choose the outcome</option>`) {
		t.Errorf("a count that does not decide is not said so:\n%s", body)
	}
}
