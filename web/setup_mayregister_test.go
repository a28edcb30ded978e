package web_test

import (
	"strings"
	"testing"
)

// TestSetupFormsOnlyForRegistrars: the organizations' and persons' set-up
// pages show their forms (add, correct, remove) only to those the rules
// let set up the roll — an administrator, a secretary, the mandate
// commission; the chair, whom the rules refuse them, sees the roll as it
// stands and a line saying who may change it.
func TestSetupFormsOnlyForRegistrars(t *testing.T) {
	h := newHall(t)
	h.must("admin", "add_organization", obj{"id": "b9", "name": "Branch 9", "kind": "delegating"})
	forms := map[string][]string{
		"setup-organizations": {`value="add_organization"`, `value="amend_organization"`, `value="remove_organization"`},
		"setup-people":        {`value="add_person"`},
	}
	const note = "Only an administrator, a secretary or the mandate commission may change the roll"
	for page, cmds := range forms {
		for _, who := range []string{"sec", "mc", "chair"} {
			_, body, _ := h.browser(who).get("/a/" + asm + "/" + page)
			registrar := who != "chair"
			for _, c := range cmds {
				if got := strings.Contains(body, c); got != registrar {
					t.Errorf("%s as %s: a form with %s shown %v, want %v", page, who, c, got, registrar)
				}
			}
			if got := strings.Contains(body, note); got == registrar {
				t.Errorf("%s as %s: the read-only note shown %v, want %v", page, who, got, !registrar)
			}
			if !strings.Contains(body, "Branch 9") && page == "setup-organizations" {
				t.Errorf("%s as %s: the roll is not listed", page, who)
			}
		}
	}
}
