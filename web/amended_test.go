package web_test

import (
	"strings"
	"testing"
)

// warText is a resolution in the 1917 manner: a preamble and numbered
// points, the second of which an amendment changes.
const warText = "The conference of the party declares:"

var warPoints = []obj{
	{"number": "1", "text": "The war is waged by the governments of both coalitions for conquest."},
	{"number": "2", "text": "The conference rejects every support of the war by the party and calls for a peace without annexations."},
	{"number": "3", "text": "The conference instructs its delegates to carry this resolution to the soldiers."},
}

// warNew is the amendment's new wording of point 2; warOld and warIns are
// phrases (each within one numbered line) only the old and only the new
// wording have.
const (
	warNew = "demands an immediate peace without annexations or indemnities"
	warOld = "without annexations."
	warIns = "annexations or indemnities."
)

// between is the part of s from the first from to the first to after it
// ("" if either is missing).
func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	j := strings.Index(s[i:], to)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}

// amendedHall is a hall where the chair has moved the resolution w with
// points and Anna an amendment to its point 2 (w-a), and the amendment is
// carried: the resolution is in order, the final vote on it not yet open.
func amendedHall(t *testing.T) *hall {
	h := newHall(t)
	h.must("chair", "move_motion", obj{"id": "w", "kind": "substantive", "title": "Resolution on the war", "text": warText, "points": warPoints, "item": "i1"})
	// Lines at the rules' line length: find those of point 2's phrase.
	h.must("anna", "move_motion", obj{"id": "w-a", "kind": "amendment", "amends": "w", "title": "Amendment of comrade Sevruk (point 2)",
		"change": obj{"paragraph": 3, "text": "2. The conference rejects every support of the war by the party and " + warNew + "."}, "item": "i1"})
	for _, mid := range []string{"m1", "w-a"} {
		h.must("chair", "open_vote", obj{"id": "v-" + mid, "motion": mid, "method": "show_of_hands"})
		h.must("chair", "close_vote", obj{"vote": "v-" + mid})
		h.must("chair", "enter_count", obj{"vote": "v-" + mid, "for": 3, "against": 0})
		h.must("chair", "declare_result", obj{"vote": "v-" + mid})
	}
	return h
}

// TestAmendedTextShownBeforeTheFinalVote: once an amendment is carried,
// the motion's page heads the text as amended (the text as moved with the
// change marked folded below it), the console's card of the question
// shows it for the motion in order, the projector during the vote on the
// motion and the delegate's ballot show it, not the text as moved; after
// the final vote the page heads the text as carried.
func TestAmendedTextShownBeforeTheFinalVote(t *testing.T) {
	h := amendedHall(t)
	chair, anna := h.browser("chair"), h.browser("anna")

	_, page, _ := anna.get("/a/" + asm + "/motions/w")
	text := between(page, `<section id="motion-text"`, `<details class="as-moved"`)
	if !strings.Contains(text, "The text as amended") || !strings.Contains(text, warIns) || strings.Contains(text, warOld) {
		t.Errorf("the motion's page does not head the text as amended:\n%s", text)
	}
	if !strings.Contains(text, "With the carried amendment “Amendment of comrade Sevruk (point 2)” applied.") {
		t.Errorf("the motion's page does not say which amendment is applied:\n%s", text)
	}
	moved := between(page, `<details class="as-moved"`, `</details>`)
	if !strings.Contains(moved, "The text as moved, with the carried changes marked") || !strings.Contains(moved, "<del>") || !strings.Contains(moved, "<ins>") ||
		!strings.Contains(moved, "annexations") || !strings.Contains(moved, "indemnities") {
		t.Errorf("the text as moved with the change marked is not on the page:\n%s", moved)
	}

	_, console, _ := chair.get("/a/" + asm + "/chair")
	card := between(console, `<section id="question"`, `</section>`)
	if inOrder := between(card, "In order now", `<form`); !strings.Contains(inOrder, warNew) || strings.Contains(inOrder, warOld) {
		t.Errorf("the console's card does not show the motion in order as amended:\n%s", card)
	}
	if texts := between(card, `<details class="pending"`, `</details>`); !strings.Contains(texts, warNew) || strings.Contains(texts, warOld) {
		t.Errorf("the console's texts of the motions show the text as moved:\n%s", texts)
	}
	// The paragraph the amendment changed is marked, the others not.
	if changed := between(card, `<p class="motion-body changed">`, `</p>`); !strings.Contains(changed, warNew) || strings.Count(card, "motion-body changed") != 2 {
		t.Errorf("the console does not mark the changed point 2 (and only it):\n%s", card)
	}

	h.must("chair", "open_vote", obj{"id": "vw", "motion": "w", "method": "roll_call"})
	_, proj, _ := h.browser("").get("/a/" + asm + "/projector")
	if !strings.Contains(between(proj, `<span class="changed">`, `</span>`), warNew) || strings.Contains(proj, warOld) || !strings.Contains(proj, `class="proj-amended"`) {
		t.Errorf("the projector does not show the text voted on as amended:\n%s", between(proj, `<div class="proj-vote">`, `</div>`))
	}
	_, phone, _ := anna.get("/a/" + asm + "/delegate")
	ballot := between(phone, `<details class="motion-details">`, `</details>`)
	if !strings.Contains(ballot, "The text as amended") || !strings.Contains(ballot, warNew) || strings.Contains(ballot, warOld) {
		t.Errorf("the delegate's ballot does not show the text as amended:\n%s", ballot)
	}

	for _, d := range delegates {
		h.must(d, "cast_ballot", obj{"vote": "vw", "voter": d, "choice": "for"})
	}
	h.must("chair", "close_vote", obj{"vote": "vw"})
	h.must("chair", "declare_result", obj{"vote": "vw"})
	_, page, _ = anna.get("/a/" + asm + "/motions/w")
	text = between(page, `<section id="motion-text"`, `<details class="as-moved"`)
	if !strings.Contains(text, "The text as carried") || !strings.Contains(text, warIns) || strings.Contains(text, warOld) || strings.Contains(text, "The text <span") {
		t.Errorf("after the final vote the page does not head the text as carried:\n%s", text)
	}
}

// TestUnamendedTextAsMoved: a motion no carried amendment changes shows
// its text as moved, as before: on its page, the console and the
// projector; an amendment moved but not yet carried changes nothing.
func TestUnamendedTextAsMoved(t *testing.T) {
	h := newHall(t)
	h.must("chair", "move_motion", obj{"id": "w", "kind": "substantive", "title": "Resolution on the war", "text": warText, "points": warPoints, "item": "i1"})
	h.must("anna", "move_motion", obj{"id": "w-a", "kind": "amendment", "amends": "w", "title": "Amendment of comrade Sevruk (point 2)",
		"change": obj{"paragraph": 3, "text": "2. The conference " + warNew + "."}, "item": "i1"})
	_, page, _ := h.browser("anna").get("/a/" + asm + "/motions/w")
	text := between(page, `<section id="motion-text"`, `</section>`)
	if !strings.Contains(text, ">The text <span") || !strings.Contains(text, warOld) || strings.Contains(text, "as amended") || strings.Contains(text, "as-moved") {
		t.Errorf("the motion's page does not show the text as moved:\n%s", text)
	}
	_, console, _ := h.browser("chair").get("/a/" + asm + "/chair")
	if card := between(console, `<section id="question"`, `</section>`); strings.Contains(card, "amended-now") || !strings.Contains(card, warOld) {
		t.Errorf("the console's card shows a text as amended:\n%s", card)
	}
	h.must("chair", "open_vote", obj{"id": "vm", "motion": "m1", "method": "roll_call"})
	_, proj, _ := h.browser("").get("/a/" + asm + "/projector")
	if !strings.Contains(proj, "The meeting adopts the budget as printed.") || strings.Contains(proj, "proj-amended") {
		t.Errorf("the projector does not show the text as moved:\n%s", between(proj, `<div class="proj-vote">`, `</div>`))
	}
}

// TestAmendmentAsAmended: an amendment whose own amendment is carried
// shows on its page its change as amended against the lines of the motion
// it amends, and its wording as moved with the carried change marked.
func TestAmendmentAsAmended(t *testing.T) {
	h := newHall(t)
	h.must("chair", "move_motion", obj{"id": "w", "kind": "substantive", "title": "Resolution on the war", "text": warText, "points": warPoints, "item": "i1"})
	h.must("anna", "move_motion", obj{"id": "w-a", "kind": "amendment", "amends": "w", "title": "Amendment of comrade Sevruk (point 2)",
		"change": obj{"paragraph": 3, "text": "2. The conference " + warNew + "."}, "item": "i1"})
	h.must("boris", "move_motion", obj{"id": "w-a-1", "kind": "amendment", "amends": "w-a", "title": "Amendment to the amendment",
		"change": obj{"from_line": 1, "text": "2. The conference demands a general peace without annexations or indemnities."}, "item": "i1"})
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "w-a-1", "method": "show_of_hands"})
	h.must("chair", "close_vote", obj{"vote": "v1"})
	h.must("chair", "enter_count", obj{"vote": "v1", "for": 3, "against": 0})
	h.must("chair", "declare_result", obj{"vote": "v1"})
	_, page, _ := h.browser("anna").get("/a/" + asm + "/motions/w-a")
	text := between(page, `<section id="motion-text"`, `<details class="as-moved"`)
	if !strings.Contains(text, "The text as amended") || !strings.Contains(text, "<ins>") || !strings.Contains(text, "general") || strings.Contains(text, "immediate") {
		t.Errorf("the amendment's page does not show its change as amended:\n%s", text)
	}
	if moved := between(page, `<details class="as-moved"`, `</details>`); !strings.Contains(moved, "<del>") || !strings.Contains(moved, "immediate") {
		t.Errorf("the amendment's wording as moved is not marked:\n%s", moved)
	}
}
