package web_test

import (
	"strings"
	"testing"
)

// TestMandatesPageOffersNoOwnMandate: a member of the mandate commission
// whose own mandate waits to be checked is not offered its verification
// or rejection (the rules refuse them while another member can); another
// member is (REVIEW-CHAIR #20).
func TestMandatesPageOffersNoOwnMandate(t *testing.T) {
	h := newHall(t)
	h.must("admin", "grant_role", obj{"person": "dmitri", "role": "mandate_commission"})
	own := `name="a:mandate" value="m-dmitri"`
	_, page, _ := h.browser("dmitri").get("/a/coop/mandates")
	if strings.Contains(page, own) || !strings.Contains(page, "Your own mandate: another member of the mandate commission verifies or rejects it.") {
		t.Errorf("dmitri is offered his own mandate:\n%s", page)
	}
	if _, page, _ = h.browser("mc").get("/a/coop/mandates"); !strings.Contains(page, own) {
		t.Errorf("another member is not offered dmitri's mandate:\n%s", page)
	}
}
