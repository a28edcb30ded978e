package assembly

import (
	"strings"
	"testing"
)

func TestAmendPerson(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("ann", "add_person", `{"id":"eva","name":"Eva Lind","ref":"M-17"}`)
	if p, ok := h.s.PersonByRef("M-17"); !ok || p.ID != "eva" {
		t.Fatalf("PersonByRef(M-17) = %v, %v", p, ok)
	}
	h.must("ben", "amend_person", `{"person":"eva","name":"Eva Lind-Berg"}`)
	h.must("cara", "amend_person", `{"person":"m1","ref":"M-1"}`)
	h.must("cara", "amend_person", `{"person":"m1","ref":"M-01"}`)
	if p := h.s.Persons["eva"]; p.Name != "Eva Lind-Berg" || p.Ref != "M-17" {
		t.Fatalf("eva = %+v", p)
	}
	if _, ok := h.s.PersonByRef("M-1"); ok {
		t.Fatal("the replaced reference M-1 still finds someone")
	}
	if p, ok := h.s.PersonByRef("M-01"); !ok || p.ID != "m1" {
		t.Fatalf("PersonByRef(M-01) = %v, %v", p, ok)
	}
}

func TestAmendPersonRefusals(t *testing.T) {
	setup := []step{{"ann", "add_person", `{"id":"eva","name":"Eva Lind","ref":"M-17"}`}}
	runRefusals(t, "congress", "", []refusal{
		{"not a registrar", setup, step{"m1", "amend_person", `{"person":"eva","name":"Eve"}`}, ErrForbidden, "only an administrator, a secretary or the mandate commission may amend persons"},
		{"no such person", setup, step{"ann", "amend_person", `{"person":"zed","name":"Zed"}`}, ErrNotFound, `there is no person "zed"`},
		{"nothing changes", setup, step{"ann", "amend_person", `{"person":"eva","name":"Eva Lind","ref":"M-17"}`}, ErrInvalid, `the amendment changes nothing: eva is already named "Eva Lind" with the reference "M-17"`},
		{"reference taken", setup, step{"ann", "amend_person", `{"person":"m1","ref":"M-17"}`}, ErrConflict, `the reference "M-17" is already eva's (Eva Lind)`},
		{"reference taken on add", setup, step{"ann", "add_person", `{"id":"x","name":"X","ref":"M-17"}`}, ErrConflict, `the reference "M-17" is already eva's (Eva Lind)`},
		{"reference with a space around", setup, step{"ann", "amend_person", `{"person":"m1","ref":" M-2"}`}, ErrInvalid, `the reference " M-2" begins or ends with a space`},
		{"reference with a control character", setup, step{"ann", "add_person", `{"id":"x","name":"X","ref":"M\u0007"}`}, ErrInvalid, `add_person: the field "ref" holds a control character, U+0007 (at byte 1)`},
		{"reference too long", setup, step{"ann", "add_person", `{"id":"x","name":"X","ref":"` + strings.Repeat("r", 101) + `"}`}, ErrInvalid, `the reference "rrrrrrrrrrrrrrrrrrrr"… is longer than 100 bytes`},
	})
}

func TestAmendMandate(t *testing.T) {
	h := fixture(t, "congress", `{"weighted_votes":true}`)
	h.must("ann", "add_organization", `{"id":"org2","name":"Second","kind":"delegating"}`)
	// A submitted mandate is corrected and stays submitted.
	h.must("cara", "submit_mandate", `{"id":"md-g","person":"guest","organization":"org","kind":"consultative"}`)
	h.must("ben", "amend_mandate", `{"mandate":"md-g","kind":"decisive","weight":3,"organization":"org2"}`)
	if md := h.s.Mandates["md-g"]; md.Kind != KindDecisive || md.Weight != 3 || md.Organization != "org2" || md.Status != MandateStatusSubmitted {
		t.Fatalf("md-g = %+v", md)
	}
	// A verified one goes back to the commission and stops voting.
	if _, ok := h.s.VotingMandate("m1"); !ok {
		t.Fatal("m1 has no voting mandate before the amendment")
	}
	h.must("cara", "amend_mandate", `{"mandate":"md-m1","weight":2}`)
	if md := h.s.Mandates["md-m1"]; md.Status != MandateStatusSubmitted || md.Weight != 2 {
		t.Fatalf("md-m1 = %+v", md)
	}
	if _, ok := h.s.VotingMandate("m1"); ok {
		t.Fatal("m1 still votes with an amended, unverified mandate")
	}
	h.must("cara", "verify_mandate", `{"mandate":"md-m1"}`)
	if md, ok := h.s.VotingMandate("m1"); !ok || md.ID != "md-m1" {
		t.Fatalf("m1 votes with %v after verification", md)
	}
	h.must("cara", "amend_mandate", `{"mandate":"md-m1","personal":true}`)
	if md := h.s.Mandates["md-m1"]; md.Organization != "" {
		t.Fatalf("md-m1 is still from %s", md.Organization)
	}
	// A weight of 1 and no weight are the same.
	h.must("cara", "submit_mandate", `{"id":"md-o","person":"outsider","organization":"org","kind":"guest"}`)
	h.refuse("cara", "amend_mandate", `{"mandate":"md-o","weight":1}`, ErrInvalid, "the amendment changes nothing: the mandate md-o is already guest from org with weight 1")
}

func TestAmendMandateRefusals(t *testing.T) {
	setup := []step{
		{"ann", "add_organization", `{"id":"org2","name":"Second","kind":"delegating"}`},
		{"cara", "submit_mandate", `{"id":"md-g2","person":"guest","organization":"org2","kind":"guest"}`},
		{"cara", "submit_mandate", `{"id":"md-g","person":"guest","organization":"org","kind":"guest"}`},
	}
	rejected := append(setup[:len(setup):len(setup)], step{"cara", "reject_mandate", `{"mandate":"md-g","reason":"no credentials"}`})
	open := append(setup[:len(setup):len(setup)], step{"ann", "open_vote", `{"id":"v1","question":"Q","method":"show_of_hands"}`})
	runRefusals(t, "congress", "", []refusal{
		{"not a registrar", setup, step{"m1", "amend_mandate", `{"mandate":"md-g","kind":"decisive"}`}, ErrForbidden, "only an administrator, a secretary or the mandate commission may amend mandates"},
		{"no such mandate", setup, step{"ann", "amend_mandate", `{"mandate":"md-x","kind":"decisive"}`}, ErrNotFound, `there is no mandate "md-x"`},
		{"bad kind", setup, step{"ann", "amend_mandate", `{"mandate":"md-g","kind":"voting"}`}, ErrInvalid, `amend_mandate: the field "kind" must be one of decisive, consultative, guest, ex_officio, not "voting"`},
		{"rejected", rejected, step{"ann", "amend_mandate", `{"mandate":"md-g","kind":"decisive"}`}, ErrConflict, "the mandate md-g was rejected (no credentials); submit a new mandate instead"},
		{"unknown organization", setup, step{"ann", "amend_mandate", `{"mandate":"md-g","organization":"nowhere"}`}, ErrNotFound, `there is no organization "nowhere"; add_organization first`},
		{"both organization and personal", setup, step{"ann", "amend_mandate", `{"mandate":"md-g","organization":"org2","personal":true}`}, ErrInvalid, "a mandate is either from an organization or personal, not both"},
		{"second mandate from one organization", setup, step{"ann", "amend_mandate", `{"mandate":"md-g","organization":"org2"}`}, ErrConflict, "guest already holds the mandate md-g2 from org2"},
		{"weight without weighted votes", setup, step{"ann", "amend_mandate", `{"mandate":"md-g","weight":2}`}, ErrInvalid, "the rules of procedure give every mandate one vote; a weight of 2 needs the rule that a mandate may carry several votes"},
		{"nothing changes", setup, step{"ann", "amend_mandate", `{"mandate":"md-g","kind":"guest","organization":"org"}`}, ErrInvalid, "the amendment changes nothing: the mandate md-g is already guest from org with weight 1"},
		{"entitled in an open vote", open, step{"ann", "amend_mandate", `{"mandate":"md-m1","kind":"consultative"}`}, ErrConflict, "the mandate md-m1 cannot be changed while the vote v1, in which it is entitled, is open"},
	})
}
