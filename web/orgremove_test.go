package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"plenum/assembly"
)

// TestOrganizationsPageRemoves: the organizations page offers to remove
// an organization only while nothing refers to it, and removing it takes
// it off the lists.
func TestOrganizationsPageRemoves(t *testing.T) {
	h := newHall(t)
	h.must("admin", "add_organization", obj{"id": "b9", "name": "Branch 9 (typed twice)", "kind": "delegating"})
	sec := h.browser("sec")
	page := "/a/" + asm + "/setup-organizations"
	_, body, _ := sec.get(page)
	remove := func(id string) string {
		return `<input type="hidden" name="cmd" value="remove_organization"><input type="hidden" name="a:organization" value="` + id + `">`
	}
	if !strings.Contains(body, remove("b9")) || strings.Contains(body, remove("members")) {
		t.Fatalf("the page should offer to remove b9 and not members (it has mandates):\n%s", body)
	}
	resp, _ := sec.postPage("setup-organizations", "/a/"+asm+"/act", url.Values{"cmd": {"remove_organization"}, "a:organization": {"b9"}, "back": {page}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("remove: %s", resp.Status)
	}
	if gone := read(h, func(s *assembly.State) bool { return s.Organizations["b9"] == nil && len(s.OrgOrder) == 1 }); !gone {
		t.Fatal("b9 was not removed")
	}
	if _, body, _ := sec.get(page); strings.Contains(body, "Branch 9") {
		t.Fatal("the removed organization is still listed")
	}
}

// TestOrganizationFormKeepsWhatWasTyped: a name the rules refuse (another
// organization's) brings the page back with what was typed in the form,
// without scripts, as the new assembly's form does.
func TestOrganizationFormKeepsWhatWasTyped(t *testing.T) {
	h := newHall(t)
	sec := h.browser("sec")
	page := "/a/" + asm + "/setup-organizations"
	resp, data := sec.postPage("setup-organizations", "/a/"+asm+"/setup", url.Values{"cmd": {"add_organization"}, "name": {"the  Members"}, "kind": {"faction"},
		"number": {"12"}, "parent": {"members"}, "back": {page}})
	body := string(data)
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("a taken name: %s", resp.Status)
	}
	for _, want := range []string{
		"Refused: There is already an organization named The members",
		`<input id="org-name" name="name" required autocomplete="off" value="the  Members">`,
		`<input id="org-number" name="number" class="short" autocomplete="off" value="12">`,
		`<option value="faction" selected>`,
		`name="back" value="` + page + `"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the page sent back lacks %s\n%s", want, flashText(body))
		}
	}
	if !strings.Contains(body, `value="members" selected`) {
		t.Errorf("the parent chosen is not kept")
	}
	if n := read(h, func(s *assembly.State) int { return len(s.OrgOrder) }); n != 1 {
		t.Fatalf("%d organizations", n)
	}
}
