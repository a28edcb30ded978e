package assembly

import "testing"

// TestNobodyDecidesOnHisOwnMandate: a member of the mandate commission
// may not verify or reject his own mandate while another member can;
// before, Sevruk verified his own (REVIEW-CHAIR #20). A commission of one
// decides on its member's mandate, as the record of a small meeting has it.
func TestNobodyDecidesOnHisOwnMandate(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("cara", "submit_mandate", `{"id":"md-cara","person":"cara","organization":"org","kind":"decisive"}`)
	h.must("cara", "verify_mandate", `{"mandate":"md-cara"}`) // the commission is cara alone
	h.must("ann", "add_person", `{"id":"dora","name":"DORA"}`)
	h.must("ann", "grant_role", `{"person":"dora","role":"mandate_commission"}`)
	h.must("cara", "submit_mandate", `{"id":"md-dora","person":"dora","organization":"org","kind":"decisive"}`)
	h.refuse("dora", "verify_mandate", `{"mandate":"md-dora"}`, ErrForbidden,
		"the mandate md-dora is your own; another member of the mandate commission verifies it")
	h.refuse("dora", "reject_mandate", `{"mandate":"md-dora","reason":"no credentials"}`, ErrForbidden,
		"the mandate md-dora is your own; another member of the mandate commission rejects it")
	if !h.s.OwnMandate("dora", h.s.Mandates["md-dora"]) || h.s.OwnMandate("cara", h.s.Mandates["md-dora"]) {
		t.Error("OwnMandate does not say whose mandate md-dora is")
	}
	h.must("cara", "verify_mandate", `{"mandate":"md-dora"}`)
	h.refuse("cara", "reject_mandate", `{"mandate":"md-cara","reason":"second thoughts"}`, ErrForbidden,
		"the mandate md-cara is your own; another member of the mandate commission rejects it")
	h.must("dora", "reject_mandate", `{"mandate":"md-cara","reason":"second thoughts"}`)
}

// TestSittingWithinTheAssemblysDates: a sitting dated before the assembly
// starts, or after it ends, is refused, naming the dates; once the
// assembly's dates are changed to sit longer, it is accepted. Before, a
// sitting dated 2026 was accepted for an assembly of 1917 (REVIEW-CHAIR
// #27).
func TestSittingWithinTheAssemblysDates(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("ann", "close_sitting", `{"sitting":"s1"}`)
	h.refuse("ann", "open_sitting", `{"id":"s0","date":"2026-05-08","chair":"ann"}`, ErrInvalid,
		`the sitting is dated 2026-05-08, before the assembly starts (2026-05-09)`)
	h.must("ann", "amend_assembly", `{"ends":"2026-05-10"}`)
	h.refuse("ann", "open_sitting", `{"id":"s3","date":"2026-05-11","chair":"ann"}`, ErrInvalid,
		`the sitting is dated 2026-05-11, outside the assembly's dates (2026-05-09 to 2026-05-10); change the assembly's dates first if it sits longer`)
	h.must("ann", "amend_assembly", `{"ends":"2026-05-11"}`)
	h.must("ann", "open_sitting", `{"id":"s3","date":"2026-05-11","chair":"ann"}`)
}

// TestReopenTheList: the chair reopens a closed speakers' list, recorded;
// then more may ask for the floor. Not after the discussion is closed, not
// an open list, not by another (REVIEW-CHAIR #33: there was no way).
func TestReopenTheList(t *testing.T) {
	h := fixture(t, "congress", "")
	h.refuse("ann", "reopen_list", `{"item":"i1"}`, ErrConflict, "the list of speakers on i1 is open")
	h.must("ann", "close_list", `{"item":"i1"}`)
	h.refuse("m1", "request_floor", `{"item":"i1","person":"m1"}`, ErrClosed, "the list of speakers on i1 is closed")
	h.refuse("ben", "reopen_list", `{"item":"i1"}`, ErrForbidden, "only the chair reopens the list of speakers")
	h.must("ann", "reopen_list", `{"item":"i1"}`)
	h.must("m1", "request_floor", `{"item":"i1","person":"m1"}`)
	if r := h.s.Record[len(h.s.Record)-1]; r.Kind != "list_reopened" || r.Text != "The list of speakers is reopened." {
		t.Errorf("the record: %+v", r)
	}
	h.must("ann", "close_discussion", `{"item":"i1"}`)
	h.refuse("ann", "reopen_list", `{"item":"i1"}`, ErrClosed, "the discussion on i1 is closed; its list of speakers is not reopened")
}
