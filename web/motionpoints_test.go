package web_test

import (
	"strings"
	"testing"
)

// TestMotionPageShowsTheMovedPoints: a motion moved in the hall with
// points (no paper of lines) shows them on its page, not only its text.
func TestMotionPageShowsTheMovedPoints(t *testing.T) {
	h := newHall(t)
	h.must("chair", "move_motion", obj{"id": "w", "kind": "substantive", "title": "Resolution on the war", "text": warText, "points": warPoints, "item": "i1"})
	_, page, _ := h.browser("anna").get("/a/" + asm + "/motions/w")
	for _, p := range warPoints {
		if !strings.Contains(page, p["text"].(string)) {
			t.Errorf("the motion's page lacks its point %s", p["number"])
		}
	}
}
