package web_test

import (
	"strings"
	"testing"
)

// TestUnappliedAmendmentSaidBeforeTheFinalVote: an amendment carried with
// a text and no change by lines changes nothing in the motion's text; the
// motion's page, the console and the delegate's page say so before the
// final vote, not only the minutes after it (Review 8).
func TestUnappliedAmendmentSaidBeforeTheFinalVote(t *testing.T) {
	h := unappliedHall(t)
	const said = "The carried amendment “Say it with regret” changes no lines: the text below does not include it."
	_, page, _ := h.browser("anna").get("/a/" + asm + "/motions/w")
	if text := between(page, `<section id="motion-text"`, `</section>`); !strings.Contains(text, said) {
		t.Errorf("the motion's page does not say the carried amendment is not in the text:\n%s", text)
	}
	_, console, _ := h.browser("chair").get("/a/" + asm + "/chair")
	if card := between(console, `<section id="question"`, `</section>`); !strings.Contains(card, said) {
		t.Errorf("the console's card does not say the carried amendment is not in the text:\n%s", card)
	}
	_, phone, _ := h.browser("anna").get("/a/" + asm + "/delegate")
	if motions := between(phone, `<section id="motions"`, `</section>`); !strings.Contains(motions, said) {
		t.Errorf("the delegate's page does not say the carried amendment is not in the text:\n%s", motions)
	}
	// A motion without such an amendment says nothing of the kind.
	if _, page, _ := h.browser("anna").get("/a/" + asm + "/motions/w-b"); strings.Contains(page, "changes no lines") {
		t.Error("the amendment's own page says it changes no lines of itself")
	}
}

// TestLongMotionOnTheDelegatePage: a delegate's page lists a long motion
// by its title and a link to its page, not its whole text, which every
// delegate's phone would load (Review 4); a short one stands whole.
func TestLongMotionOnTheDelegatePage(t *testing.T) {
	h := newHall(t)
	long := strings.Repeat("The conference resolves once more. ", 100)
	h.must("anna", "move_motion", obj{"id": "long", "kind": "amendment", "amends": "m1", "title": "A long amendment", "text": long, "item": "i1"})
	_, phone, _ := h.browser("anna").get("/a/" + asm + "/delegate")
	motions := between(phone, `<section id="motions"`, `</section>`)
	if strings.Contains(motions, "The conference resolves once more.") {
		t.Errorf("the delegate's page holds the long motion's whole text")
	}
	if !strings.Contains(motions, "A long amendment") || !strings.Contains(motions, `href="/a/`+asm+`/motions/long"`) || !strings.Contains(motions, "Read the text (500 words) on the motion&#39;s page") {
		t.Errorf("the delegate's page does not list the long motion by title and link:\n%s", motions)
	}
	if _, page, _ := h.browser("anna").get("/a/" + asm + "/motions/long"); !strings.Contains(page, "The conference resolves once more.") {
		t.Error("the motion's page does not show the long text")
	}
}

// unappliedHall is a hall where the chair has moved the resolution w with
// points and Anna an amendment to it stated in words only (w-b, a text and
// no change by lines), and the budget's motion m1 and w-b are carried.
func unappliedHall(t *testing.T) *hall {
	t.Helper()
	h := newHall(t)
	h.must("chair", "move_motion", obj{"id": "w", "kind": "substantive", "title": "Resolution on the war", "text": warText, "points": warPoints, "item": "i1"})
	h.must("anna", "move_motion", obj{"id": "w-b", "kind": "amendment", "amends": "w", "title": "Say it with regret",
		"text": "The resolution says the party regrets the war.", "item": "i1"})
	for _, mid := range []string{"m1", "w-b"} {
		h.must("chair", "open_vote", obj{"id": "v-" + mid, "motion": mid, "method": "show_of_hands"})
		h.must("chair", "close_vote", obj{"vote": "v-" + mid})
		h.must("chair", "enter_count", obj{"vote": "v-" + mid, "for": 3, "against": 0})
		h.must("chair", "declare_result", obj{"vote": "v-" + mid})
	}
	return h
}
