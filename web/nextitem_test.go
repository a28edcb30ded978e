package web_test

import (
	"strings"
	"testing"
)

// TestConsoleTakesUpTheItemAfterTheClosedOne: once an item is closed the
// console's next step takes up the open item after it in the order of the
// day, not the first open one; an item spoken on and left open is
// "discussed, not concluded" on the agenda, and an item's own number is
// not numbered again by the list ("1. 1.").
func TestConsoleTakesUpTheItemAfterTheClosedOne(t *testing.T) {
	h := newHall(t)
	h.must("anna", "request_floor", obj{"item": "i1", "person": "anna"})
	h.must("chair", "give_floor", obj{"item": "i1"})
	h.must("chair", "end_speech", obj{"item": "i1"})
	h.must("chair", "add_item", obj{"id": "i2", "title": "Elections to the board", "number": "2"})
	h.must("chair", "add_item", obj{"id": "i3", "title": "Any other business", "number": "3"})
	h.must("chair", "take_up_item", obj{"item": "i2"})
	h.must("chair", "close_item", obj{"item": "i2"})
	chair := h.browser("chair")
	_, body, _ := chair.get("/a/coop/chair")
	if !strings.Contains(body, "Take up: Any other business") {
		t.Errorf("after item 2 is closed the console does not offer item 3:\n%s", body)
	}
	_, body, _ = chair.get("/a/coop/chair/agenda")
	if !strings.Contains(body, "discussed, not concluded") {
		t.Errorf("the item spoken on and left open is not said to be discussed:\n%s", body)
	}
	if !strings.Contains(body, `class="item-open numbered">`) {
		t.Errorf("a numbered item is numbered twice:\n%s", body)
	}
	// Round the order of the day: with item 3 closed too, the item left
	// open before comes next.
	h.must("chair", "take_up_item", obj{"item": "i3"})
	h.must("chair", "close_item", obj{"item": "i3"})
	_, body, _ = chair.get("/a/coop/chair")
	if !strings.Contains(body, "Take up: The budget") {
		t.Errorf("with the items after it closed, the console does not offer the item left open:\n%s", body)
	}
}
