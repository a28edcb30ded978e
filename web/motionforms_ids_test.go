package web_test

import (
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"plenum/assembly"
)

// TestOrganisersAddCategoriesFromOnePageAtOnce: the forms that add a
// category and a block of motions ask for their id when they are sent
// (new:id), as the other forms that create do, not with an id the page
// made when it was rendered: the chair and a secretary who send the same
// form from the same page, one after the other, both add what they
// typed, under different ids; before, the second was refused, the page
// having given both the same id.
func TestOrganisersAddCategoriesFromOnePageAtOnce(t *testing.T) {
	h := newHall(t)
	chair, sec := h.browser("chair"), h.browser("sec")
	_, page, _ := chair.get("/a/" + asm + "/motions")
	for _, c := range []struct{ cmd, class, field, typed, done string }{
		{"add_motion_category", "add-category", "a:name", "Wages", "The category was added"},
		{"add_motion_block", "add-block", "a:title", "The bargaining round", "The block was added"},
	} {
		m := regexp.MustCompile(`(?s)<form [^>]*class="act grid ` + c.class + `">(.*?)</form>`).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no %s form on the chair's motions page", c.cmd)
		}
		form := formFields(m[1])
		form.Set(c.field, c.typed)
		for _, b := range []*browser{chair, sec} {
			_, own, _ := b.get("/a/" + asm + "/motions")
			token := csrfRe.FindStringSubmatch(own)
			sent := maps.Clone(form)
			sent.Set("csrf", token[1]) // the one field that is the session's own
			resp, body := b.postHeader("/a/"+asm+"/act", sent, nil)
			if resp.StatusCode != http.StatusSeeOther {
				t.Errorf("%s sent again from the same page: %s\n%s", c.cmd, resp.Status, flashText(body))
				continue
			}
			if _, after, _ := b.get("/a/" + asm + "/motions"); !strings.Contains(flashText(after), c.done) {
				t.Errorf("%s sent from the same page: the page says %q", c.cmd, flashText(after))
			}
		}
	}
	cats := read(h, func(s *assembly.State) []string { return slices.Clone(s.Submission.CategoryOrder) })
	blocks := read(h, func(s *assembly.State) []string { return slices.Clone(s.Submission.BlockOrder) })
	if !slices.Equal(cats, []string{"cat1", "cat2"}) || !slices.Equal(blocks, []string{"block1", "block2"}) {
		t.Errorf("the categories are %v and the blocks %v, want two of each under different ids", cats, blocks)
	}
}
