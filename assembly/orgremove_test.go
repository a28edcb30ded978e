package assembly

import "testing"

// TestRemoveOrganization: an organization entered by mistake is removed
// while nothing refers to it; anything that does is named in the refusal,
// and the state replayed from the events is the live one (the harness).
func TestRemoveOrganization(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("ann", "add_organization", `{"id":"dup","name":"Branch 9 (typo)","kind":"delegating"}`)
	h.refuse("m1", "remove_organization", `{"organization":"dup"}`, ErrForbidden, "only an administrator, a secretary or the mandate commission may remove organizations")
	h.refuse("ann", "remove_organization", `{"organization":"zed"}`, ErrNotFound, `there is no organization "zed"`)
	h.refuse("ann", "remove_organization", `{"organization":"org"}`, ErrConflict, "The Organization cannot be removed: the mandate md-m1 refers to it")
	h.refuse("ann", "remove_organization", `{"organization":"left"}`, ErrConflict, "The Left cannot be removed: the membership of m1 refers to it")

	refs := []struct {
		name, actor, cmd, args, msg string
	}{
		{"rejected mandate", "cara", "submit_mandate", `{"id":"md-x","person":"guest","organization":"dup","kind":"guest"}`, "the mandate md-x"},
		{"presence noted", "ann", "note_organization_present", `{"organization":"dup","note":"sent greetings"}`, "the note that it took part"},
		{"child", "ann", "add_organization", `{"id":"kid","name":"Kid","kind":"group","parent":"dup"}`, "the organization Kid, of which it is the parent"},
		{"joint sitting", "ann", "open_sitting", `{"id":"s9","date":"2026-05-09","chair":"ann","joint_with":["dup"]}`, "the sitting s9, held jointly with it"},
		{"speaking time", "ann", "allot_speaking_time", `{"item":"i1","allowances":{"dup":60}}`, "the speaking time allotted on the item i1"},
		{"election list", "ann", "open_election", `{"id":"e1","title":"Board","seats":1,"method":"dhondt","lists":[{"id":"l1","name":"L","tendency":"dup","candidates":["m3"]}]}`, "the list l1 of the election e1"},
	}
	for _, r := range refs {
		t.Run(r.name, func(t *testing.T) {
			h := fixture(t, "congress", "")
			h.must("ann", "add_organization", `{"id":"dup","name":"Dup","kind":"delegating"}`)
			if r.name == "joint sitting" {
				h.must("ann", "close_sitting", `{"sitting":"s1"}`)
			}
			h.must(r.actor, r.cmd, r.args)
			if r.name == "rejected mandate" {
				h.must("cara", "reject_mandate", `{"mandate":"md-x","reason":"not coming"}`)
			}
			h.refuse("ann", "remove_organization", `{"organization":"dup"}`, ErrConflict, "Dup cannot be removed: "+r.msg+" refers to it")
		})
	}

	h.must("ben", "remove_organization", `{"organization":"dup","note":"typed twice"}`)
	if h.s.Organizations["dup"] != nil || contains(h.s.OrgOrder, "dup") {
		t.Fatalf("dup is still there: %v", h.s.OrgOrder)
	}
	if e, ok := h.events[len(h.events)-1].(OrganizationRemoved); !ok || e.Name != "Branch 9 (typo)" || e.Note != "typed twice" {
		t.Fatalf("the event is %#v", h.events[len(h.events)-1])
	}
	h.refuse("ann", "remove_organization", `{"organization":"dup"}`, ErrNotFound, `there is no organization "dup"`)
	// The id and the name are free again.
	h.must("ann", "add_organization", `{"id":"dup","name":"Branch 9 (typo)","kind":"delegating"}`)
}
