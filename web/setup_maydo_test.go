package web_test

import (
	"slices"
	"strings"
	"testing"
)

// TestSetupFormsOnlyForThoseTheRulesLet: the set-up pages of a person, of
// the offices and of the assembly show each form only to those the rules
// let give its command — the roll's corrections to an administrator, a
// secretary and the mandate commission, a mandate's verification,
// rejection and proxy to the commission, offices to an administrator,
// the bodies to the chair, the particulars, the record's readers and
// the rules to an administrator — and where a part of a page offers a
// viewer no form, a line says who may act.
func TestSetupFormsOnlyForThoseTheRulesLet(t *testing.T) {
	h := newHall(t)
	h.must("admin", "set_rules", obj{"overrides": obj{"proxies_allowed": true}})
	h.must("admin", "form_body", obj{"id": "b1", "name": "Drafting committee", "kind": "committee", "members": []string{"anna"}})
	const (
		roll       = "Only an administrator, a secretary or the mandate commission may change the roll"
		offices    = "Only an administrator may grant or revoke offices."
		bodies     = "Only the chair or an administrator may form sections, commissions and committees and change their members."
		particular = "Only an administrator may correct the assembly&#39;s particulars."
		access     = "Only an administrator may say who reads the record."
		rules      = "Only an administrator may change the rules of procedure."
		// The head of every set-up page for an officer who is none of
		// the three: it once said the rules refuse all the pages offer.
		head = "these pages show how it is set up, with only the forms the rules let you use"
	)
	registrars, commission, admin, chair := []string{"sec", "mc", "admin"}, []string{"mc", "admin"}, []string{"admin"}, []string{"chair", "admin"}
	for _, page := range []struct {
		path  string
		forms map[string][]string // the form's cmd → who sees it
		notes map[string][]string // a line → who sees it
	}{
		// anna's mandate is verified, dmitri's submitted; sec holds an office.
		{"setup-person?p=anna", map[string][]string{"amend_person": registrars, "amend_mandate": registrars, "submit_mandate": registrars,
			"add_membership": registrars, "reject_mandate": commission, "transfer_proxy": commission, "grant_role": admin},
			map[string][]string{roll: {"chair"}, offices: {"sec", "mc", "chair"}}},
		{"setup-person?p=dmitri", map[string][]string{"verify_mandate": commission}, nil},
		{"setup-person?p=sec", map[string][]string{"revoke_role": admin}, nil},
		{"setup-offices", map[string][]string{"grant_role": admin, "revoke_role": admin, "form_body": chair, "add_body_members": chair, "remove_body_members": chair},
			map[string][]string{offices: {"sec", "mc", "chair"}, bodies: {"sec", "mc"}, head: {"chair"}}},
		{"setup", map[string][]string{"amend_assembly": admin, "set_record_access": admin, "rules": admin, "set_rules": admin},
			map[string][]string{particular: {"sec", "mc", "chair"}, access: {"sec", "mc", "chair"}, rules: {"sec", "mc", "chair"}}},
	} {
		for _, who := range []string{"sec", "mc", "chair", "admin"} {
			b := h.adminBrowser()
			if who != "admin" {
				b = h.browser(who)
			}
			_, body, _ := b.get("/a/" + asm + "/" + page.path)
			for cmd, may := range page.forms {
				want := slices.Contains(may, who)
				if got := strings.Contains(body, `name="cmd" value="`+cmd+`"`); got != want {
					t.Errorf("%s as %s: the form %s shown %v, want %v", page.path, who, cmd, got, want)
				}
			}
			for note, shown := range page.notes {
				want := slices.Contains(shown, who)
				if got := strings.Contains(body, note); got != want {
					t.Errorf("%s as %s: the line %q shown %v, want %v", page.path, who, note, got, want)
				}
			}
		}
	}
	// The navigation leads the chair, who may form the sections and
	// committees, to the set-up pages, as it leads those who set up the
	// roll; a delegate who may set up nothing is not led there.
	link := `<a href="/a/` + asm + `/setup"`
	for who, want := range map[string]bool{"chair": true, "sec": true, "mc": true, "anna": false} {
		if _, body, _ := h.browser(who).get("/a/" + asm + "/motions"); strings.Contains(body, link) != want {
			t.Errorf("the navigation of %s links the set-up pages: %v, want %v", who, !want, want)
		}
	}
}
