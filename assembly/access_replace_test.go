package assembly

import (
	"fmt"
	"testing"
)

// TestReplacingACodeTakesTwo: an officer alone cannot replace a delegate's
// code (and so log in and vote as them): a code is replaced by one
// officer revoking it and another issuing the new one, or by the server
// administrator; a refusal names the person, who issued the code and
// when, and what to do, and changes nothing (the harness checks that).
func TestReplacingACodeTakesTwo(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("ann", "grant_role", `{"person":"kim","role":"mandate_commission"}`)
	// A first code: one officer, as before.
	h.must("cara", "issue_access_codes", `{"persons":["m1","m2","m3"]}`)
	issued := h.s.Access["m1"].Issued.UTC().Format("2006-01-02 15:04 UTC")
	// Replacing it alone: refused, for the issuer and for another officer.
	for _, who := range []string{"cara", "kim", "ann"} {
		h.refuse(who, "issue_access_codes", `{"persons":["m1"]}`, ErrForbidden,
			"m1 holds a valid access code, issued by cara at "+issued+", and one officer alone may not replace it: one officer revokes the code (revoke_access_codes, with the reason, e.g. “card lost”), and another officer, another member of the mandate commission or an administrator, issues the new one")
		if err := h.s.MayIssueAccessCode(who, "m1"); err == nil {
			t.Fatalf("MayIssueAccessCode(%s, m1) allows a replacement alone", who)
		}
	}
	// A bulk issue with such persons is refused as a whole, naming them.
	issued2 := h.s.Access["m2"].Issued.UTC().Format("2006-01-02 15:04 UTC")
	h.refuse("kim", "issue_access_codes", `{"persons":["m4","m1","m5","m2"]}`, ErrForbidden,
		fmt.Sprintf("nothing is issued: one officer alone may not replace a delegate's code, and this issue would for m1 (a valid code, issued by cara at %s) and m2 (a valid code, issued by cara at %s). One officer revokes such a code (revoke_access_codes, with the reason) and another officer issues the new one; issue for the others without them", issued, issued2))
	if h.s.Access["m4"] != nil || h.s.Access["m5"] != nil {
		t.Fatal("a refused bulk issue recorded codes")
	}
	// The revoker may not issue the new code.
	h.must("cara", "revoke_access_codes", `{"persons":["m1"],"reason":"card lost"}`)
	revoked := h.s.Access["m1"].Revoked.UTC().Format("2006-01-02 15:04 UTC")
	h.refuse("cara", "issue_access_codes", `{"persons":["m1"]}`, ErrForbidden,
		"you revoked m1's access code at "+revoked+"; another officer issues the new one, so that no one alone can replace a delegate's code")
	h.refuse("cara", "issue_access_codes", `{"persons":["m1","m6"]}`, ErrForbidden,
		"nothing is issued: one officer alone may not replace a delegate's code, and this issue would for m1 (you revoked the code at "+revoked+"). One officer revokes such a code (revoke_access_codes, with the reason) and another officer issues the new one; issue for the others without them")
	if err := h.s.MayIssueAccessCode("cara", "m1"); err == nil {
		t.Fatal("MayIssueAccessCode lets the revoker issue the new code")
	}
	// Another officer may.
	if err := h.s.MayIssueAccessCode("kim", "m1"); err != nil {
		t.Fatalf("MayIssueAccessCode(kim, m1): %v", err)
	}
	h.must("kim", "issue_access_codes", `{"persons":["m1"]}`)
	if a := h.s.Access["m1"]; a.IssuedBy != "kim" || !a.Revoked.IsZero() {
		t.Fatalf("m1's access after the second officer's issue: %+v", a)
	}
	// An administrator of the assembly is another officer too.
	h.must("kim", "revoke_access_codes", `{"persons":["m2"],"reason":"handed back"}`)
	h.must("ann", "issue_access_codes", `{"persons":["m2"]}`)
	// The server administrator replaces alone, and the next replacement
	// takes two again.
	h.must("admin", "issue_access_codes", `{"persons":["m1","m3"]}`)
	if a := h.s.Access["m3"]; a.IssuedBy != "admin" {
		t.Fatalf("m3's access after the server administrator's issue: %+v", a)
	}
	if err := h.s.MayIssueAccessCode("admin", "m2"); err != nil {
		t.Fatalf("MayIssueAccessCode(admin, m2): %v", err)
	}
	h.refuse("cara", "issue_access_codes", `{"persons":["m3"]}`, ErrForbidden,
		"m3 holds a valid access code, issued by the server administrator at "+h.s.Access["m3"].Issued.UTC().Format("2006-01-02 15:04 UTC")+", and one officer alone may not replace it: one officer revokes the code (revoke_access_codes, with the reason, e.g. “card lost”), and another officer, another member of the mandate commission or an administrator, issues the new one")
	// A code the server administrator revoked is issued again by one
	// officer.
	h.must("admin", "revoke_access_codes", `{"persons":["m3"]}`)
	h.must("cara", "issue_access_codes", `{"persons":["m3"]}`)
}
