package assembly

import "testing"

// TestCommissionOfOne: the only member of the mandate commission does not
// decide on his own mandate while a sitting is open: the chair of the
// sitting (or its presidium) verifies or rejects it, and only that
// mandate; before any sitting is open, with no presidium to decide, the
// commission of one decides on it, as the record of a small meeting has
// it. Before, he verified his own in the sitting too (REVIEW-CHAIR: a
// commission of one verifies its own member).
func TestCommissionOfOne(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("ann", "add_organization", `{"id":"org2","name":"The Other Organization","kind":"delegating"}`)
	h.must("ann", "close_sitting", `{"sitting":"s1"}`)
	h.must("cara", "submit_mandate", `{"id":"md-cara","person":"cara","organization":"org","kind":"decisive"}`)
	h.must("cara", "verify_mandate", `{"mandate":"md-cara"}`)
	h.must("ann", "open_sitting", `{"id":"s2","date":"2026-05-10","chair":"m5"}`)
	h.must("cara", "submit_mandate", `{"id":"md-cara2","person":"cara","organization":"org2","kind":"decisive"}`)
	h.must("cara", "submit_mandate", `{"id":"md-guest","person":"guest","organization":"org2","kind":"consultative"}`)
	events := h.s.Events
	h.refuse("cara", "verify_mandate", `{"mandate":"md-cara2"}`, ErrForbidden,
		"the mandate md-cara2 is your own, and the mandate commission has no other member; the chair of the sitting verifies it")
	h.refuse("cara", "reject_mandate", `{"mandate":"md-cara2","reason":"none"}`, ErrForbidden,
		"the mandate md-cara2 is your own, and the mandate commission has no other member; the chair of the sitting rejects it")
	h.refuse("m6", "verify_mandate", `{"mandate":"md-cara2"}`, ErrForbidden, "only the mandate commission or an administrator may verify mandates")
	h.refuse("m5", "verify_mandate", `{"mandate":"md-guest"}`, ErrForbidden, "only the mandate commission or an administrator may verify mandates")
	h.refuse("m5", "reject_mandate", `{"mandate":"md-guest","reason":"none"}`, ErrForbidden, "only the mandate commission or an administrator may reject mandates")
	if h.s.Events != events || h.s.Mandates["md-cara2"].Status != MandateStatusSubmitted {
		t.Fatal("a refusal changed the state")
	}
	if !h.s.OwnMandate("cara", h.s.Mandates["md-cara2"]) {
		t.Error("OwnMandate: the commission of one may decide on his own mandate in the sitting")
	}
	h.must("m5", "verify_mandate", `{"mandate":"md-cara2"}`)
	h.must("m5", "reject_mandate", `{"mandate":"md-cara2","reason":"a second mandate in error"}`)
	h.must("cara", "verify_mandate", `{"mandate":"md-guest"}`)
}
