package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestCorrectionFormsKeepWhatWasTyped: the corrections a set-up page
// sends to /a/{id}/act — an organization's, a person's, a mandate's
// rejection, a membership — come back, when the rules refuse them and
// without scripts, with the page and what was typed in the form (in the
// row it was typed in: the other rows show what they hold), as the
// /a/{id}/setup forms do; the same form accepted goes on (a redirect)
// and the page shows the record afresh.
func TestCorrectionFormsKeepWhatWasTyped(t *testing.T) {
	h := newHall(t)
	h.must("admin", "add_organization", obj{"id": "b9", "name": "Branch 9", "kind": "delegating", "number": "9"})
	h.must("admin", "amend_person", obj{"person": "anna", "ref": "R-1"})
	h.must("admin", "add_membership", obj{"person": "boris", "organization": "members"})
	// anna's mandate is entitled in the open vote: the rules refuse its
	// rejection.
	h.must("chair", "open_vote", obj{"id": "v1", "motion": "m1", "method": "roll_call"})
	admin := h.adminBrowser()
	checkKept(t, "act", []keptCase{
		{
			name: "amend_organization", by: admin, status: http.StatusConflict, page: "setup-organizations",
			sent:    url.Values{"a:organization": {"b9"}, "a:name": {"The  Members"}, "a:kind": {"faction"}, "a:number": {"12"}},
			refusal: "Refused: There is already an organization named",
			kept: []string{`<details open><summary>Correct`, `<input id="on-b9" name="a:name" value="The  Members" required>`,
				`<select id="ok-b9" name="a:kind"><option value="delegating">`, `<option value="faction" selected>`, `<input id="onum-b9" name="a:number" class="short" value="12">`,
				`<input id="on-members" name="a:name" value="The members" required>`},
			unkept:   []string{`<input id="onum-members" name="a:number" class="short" value="12">`},
			accepted: url.Values{"a:organization": {"b9"}, "a:name": {"Branch Nine"}, "a:kind": {"faction"}},
			afresh:   []string{`<input id="on-b9" name="a:name" value="Branch Nine" required>`, `<input id="onum-b9" name="a:number" class="short" value="9">`},
		},
		{
			name: "amend_person", by: admin, status: http.StatusConflict, page: "setup-person?p=boris",
			sent:     url.Values{"a:person": {"boris"}, "a:name": {"Boris B. Borisov"}, "a:ref": {"R-1"}},
			refusal:  "Refused: The reference",
			kept:     []string{`<h1>Boris Borisov</h1>`, `<input id="pn" name="a:name" value="Boris B. Borisov" required>`, `<input id="pr" name="a:ref" class="short" value="R-1">`},
			accepted: url.Values{"a:person": {"boris"}, "a:name": {"Boris B. Borisov"}, "a:ref": {"R-2"}},
			afresh:   []string{`<h1>Boris B. Borisov</h1>`, `<input id="pr" name="a:ref" class="short" value="R-2">`},
		},
		{
			name: "reject_mandate", by: admin, status: http.StatusConflict, page: "setup-person?p=anna",
			sent:    url.Values{"a:mandate": {"m-anna"}, "a:reason": {"Signed by someone else"}},
			refusal: "Refused: ",
			kept:    []string{`<details open><summary>Reject this mandate`, `<input id="rj-m-anna" name="a:reason" required value="Signed by someone else">`},
		},
		{
			name: "add_membership", by: admin, status: http.StatusConflict, page: "setup-person?p=boris",
			sent:     url.Values{"a:person": {"boris"}, "a:organization": {"members"}, "a:role": {"Treasurer"}},
			refusal:  "Refused: ",
			kept:     []string{`<option value="members" selected>`, `<input id="mb-role" name="a:role" class="short" placeholder="`, `value="Treasurer">`},
			accepted: url.Values{"a:person": {"boris"}, "a:organization": {"b9"}, "a:role": {"Treasurer"}},
			afresh:   []string{`<li>Branch Nine (Treasurer)</li>`, `<input id="mb-role" name="a:role" class="short" placeholder="member">`},
		},
	})
	if _, body, _ := admin.get("/a/" + asm + "/setup-organizations"); strings.Contains(body, `<details open><summary>Correct`) {
		t.Error("after the accepted correction it is still open")
	}
}
