package assembly

import "testing"

// TestNobodyDecidesOnHisOwnMandate: a member of the mandate commission
// may not verify or reject his own mandate while another member can;
// before, Sevruk verified his own (REVIEW-CHAIR #20). A commission of one
// decides on its member's mandate before any sitting is open, as the
// record of a small meeting has it (TestCommissionOfOne).
func TestNobodyDecidesOnHisOwnMandate(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("ann", "close_sitting", `{"sitting":"s1"}`)
	h.must("cara", "submit_mandate", `{"id":"md-cara","person":"cara","organization":"org","kind":"decisive"}`)
	h.must("cara", "verify_mandate", `{"mandate":"md-cara"}`) // the commission is cara alone, and no sitting is open
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

// TestSpeechForOrAgainstAProceduralMotion: the chair gives the floor ahead
// of the list for one speech for and one against a pending procedural
// motion, recorded with its side and motion, leaving the list as it was;
// a second speech on the same side is refused, as is a side turn on a
// motion that is not procedural. Before, it was refused as out of the
// list's order (REVIEW-CHAIR #9).
func TestSpeechForOrAgainstAProceduralMotion(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("m1", "move_motion", `{"id":"p1","kind":"procedural","procedure":"close_discussion","title":"Close the discussion","item":"i1"}`)
	h.must("m1", "move_motion", `{"id":"d1","kind":"substantive","title":"The resolution","text":"The conference resolves.","item":"i1"}`)
	h.must("m2", "request_floor", `{"item":"i1","person":"m2"}`)
	h.must("m3", "request_floor", `{"item":"i1","person":"m3"}`)
	h.refuse("ann", "give_floor", `{"item":"i1","person":"m3"}`, ErrConflict, "out of order: m2 is next on the list for i1, before m3")
	h.refuse("ann", "give_floor", `{"item":"i1","person":"m3","side":"against"}`, ErrInvalid,
		"a speech ahead of the list is for or against a procedural motion: give the motion and the side")
	h.refuse("ann", "give_floor", `{"item":"i1","person":"m3","motion":"d1","side":"against"}`, ErrConflict,
		"d1 is not a procedural motion pending on i1; speeches ahead of the list are for or against one")
	h.must("ann", "give_floor", `{"item":"i1","person":"m3","motion":"p1","side":"against"}`)
	h.must("ann", "end_speech", `{"item":"i1"}`)
	h.refuse("ann", "give_floor", `{"item":"i1","person":"m4","motion":"p1","side":"against"}`, ErrConflict,
		"p1 has already had its speech against; one speech for and one against a procedural motion")
	h.must("ann", "give_floor", `{"item":"i1","person":"m1","motion":"p1","side":"for"}`)
	h.must("ann", "end_speech", `{"item":"i1"}`)
	turns := h.s.Items["i1"].Floor.Turns
	if tr := turns[len(turns)-2]; tr.Person != "m3" || tr.Side != "against" || tr.Motion != "p1" || tr.Kind != "speech" {
		t.Errorf("the turn against: %+v", tr)
	}
	if l := h.s.SpeakersList("i1"); len(l) != 2 || l[0].Person != "m2" || l[1].Person != "m3" {
		t.Errorf("the list after the side turns: %+v", l)
	}
}
