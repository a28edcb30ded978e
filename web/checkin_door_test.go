package web_test

import (
	"strings"
	"testing"
)

// TestDelegatePageUnderOfficersCheckIn: where the rules say officers
// register who is present (check_in: officers), the delegate's page
// offers no "I am in the hall" check-in, which the rules would refuse,
// and says who registers them; under the default a delegate not yet
// present is offered it.
func TestDelegatePageUnderOfficersCheckIn(t *testing.T) {
	h := newHall(t)
	h.must("sec", "check_out", obj{"person": "anna"})
	const form = `name="cmd" value="check_in"`
	_, page, _ := h.browser("anna").get("/a/" + asm + "/delegate")
	if !strings.Contains(page, form) {
		t.Fatalf("a delegate not present is not offered to check in under the default rules")
	}
	h.must("admin", "set_rules", obj{"overrides": obj{"check_in": "officers"}})
	_, page, _ = h.browser("anna").get("/a/" + asm + "/delegate")
	if strings.Contains(page, form) {
		t.Errorf("the page offers a check-in the rules refuse")
	}
	if !strings.Contains(page, "registers you as present at the door") {
		t.Errorf("the page does not say who registers the delegate")
	}
}
