package web_test

import (
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
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

// TestAmendmentsFromOnePageAtOnce: the forms that create an amendment —
// submitted in writing (submit_motion), moved in the sitting
// (move_motion) — and the committee's change recommendation ask for
// their id when they are sent (new:id, the motion's id then -a or -c),
// not with an id the page drew when it was rendered: two delegates,
// the chair and a delegate, or one member of the committee in two
// browsers, who all open the page before either sends it, both record
// what they typed, under different ids. Before, the page put the same
// id (w1-a1) into both forms and the second was refused.
func TestAmendmentsFromOnePageAtOnce(t *testing.T) {
	h := newCongressHall(t)
	submittedAndPending(h)
	for _, c := range []struct {
		cmd, motion, class, done string
		who                      [2]string
		typed                    url.Values
		want                     []string
	}{
		{"submit_motion", "w1", "amend-form", "The motion was submitted", [2]string{"hanna", "lena"},
			url.Values{"a:title": {"Packaging"}, "a:change.text": {"typed wording"}}, []string{"w1-a1", "w1-a2"}},
		{"move_motion", "w2", "amend-form", "The motion was entered", [2]string{"eva", "hans"},
			url.Values{"a:title": {"Packaging"}, "a:change.text": {"moved wording"}}, []string{"w2-a1", "w2-a2"}},
		{"recommend_change", "w1", "recommend-change", "The recommended change was recorded", [2]string{"kai", "kai"},
			url.Values{"a:change.text": {"the committee's wording"}}, []string{"w1-a1", "w1-a2", "w1-c1", "w1-c2"}},
	} {
		path := "/a/" + asm + "/motions/" + c.motion
		formRe := regexp.MustCompile(`(?s)<form [^>]*class="act grid ` + c.class + `">(.*?)</form>`)
		// Both open the page, as it stands, before either sends it.
		var browsers [2]*browser
		var forms [2]url.Values
		for i, who := range c.who {
			browsers[i] = h.browser(who)
			_, page, _ := browsers[i].get(path + "?from=3&to=4")
			m := formRe.FindStringSubmatch(page)
			if m == nil {
				t.Fatalf("%s: no %s form on %s's page of %s", c.cmd, c.class, who, c.motion)
			}
			forms[i] = formFields(m[1])
			if forms[i].Get("cmd") != c.cmd || forms[i].Has("a:id") {
				t.Errorf("%s: %s's form sends %v", c.cmd, who, forms[i])
			}
			for k, v := range c.typed {
				forms[i][k] = v
			}
		}
		for i, b := range browsers {
			resp, body := b.postHeader("/a/"+asm+"/act", forms[i], nil)
			if resp.StatusCode != http.StatusSeeOther {
				t.Errorf("%s sent by %s from the page both opened: %s\n%s", c.cmd, c.who[i], resp.Status, flashText(body))
				continue
			}
			if _, after, _ := b.get(path); !strings.Contains(flashText(after), c.done) {
				t.Errorf("%s sent by %s from the page both opened: the page says %q", c.cmd, c.who[i], flashText(after))
			}
		}
		got := read(h, func(s *assembly.State) []string {
			var out []string
			for _, id := range s.MotionOrder {
				if s.Motions[id].Amends == c.motion {
					out = append(out, id)
				}
			}
			return out
		})
		if !slices.Equal(got, c.want) {
			t.Errorf("after %s, %s's amendments are %v, want %v", c.cmd, c.motion, got, c.want)
		}
	}
}

// TestAmendmentsSentAtOnce: a dozen amendments sent at the same moment
// from pages opened at the same state are all recorded, each under an id
// of its own: a fresh id is made from the state as the form is sent, and
// one that another form took meanwhile (each taker is one more amendment
// recorded) is made again, as often as others take it first, not just
// twice.
func TestAmendmentsSentAtOnce(t *testing.T) {
	h := newCongressHall(t)
	h.must("bruno", "submit_motion", obj{"id": "w1", "title": "Wages and working time", "text": wagesText, "delegation": "berlin"})
	path := "/a/" + asm + "/motions/w1"
	formRe := regexp.MustCompile(`(?s)<form [^>]*class="act grid amend-form">(.*?)</form>`)
	var browsers []*browser
	var forms []url.Values
	for range 2 {
		for _, who := range []string{"bruno", "hanna", "hans", "lena", "kai", "dora"} {
			b := h.browser(who)
			_, page, _ := b.get(path + "?from=3&to=4")
			m := formRe.FindStringSubmatch(page)
			if m == nil {
				t.Fatalf("no amendment form on %s's page", who)
			}
			form := formFields(m[1])
			form.Set("a:title", fmt.Sprintf("Amendment %d", len(forms)+1))
			form.Set("a:change.text", "typed wording")
			browsers, forms = append(browsers, b), append(forms, form)
		}
	}
	var wg sync.WaitGroup
	statuses := make([]string, len(forms))
	start := make(chan struct{})
	for i := range forms {
		wg.Go(func() {
			<-start
			resp, body := browsers[i].postHeader("/a/"+asm+"/act", forms[i], nil)
			if resp.StatusCode != http.StatusSeeOther {
				statuses[i] = resp.Status + ": " + flashText(body)
			}
		})
	}
	close(start)
	wg.Wait()
	for i, s := range statuses {
		if s != "" {
			t.Errorf("amendment %d: %s", i+1, s)
		}
	}
	got := read(h, func(s *assembly.State) map[string]bool {
		out := map[string]bool{}
		for _, id := range s.MotionOrder {
			if s.Motions[id].Amends == "w1" {
				out[id] = true
			}
		}
		return out
	})
	for n := 1; n <= len(forms); n++ {
		if id := fmt.Sprintf("w1-a%d", n); !got[id] {
			t.Errorf("no amendment %s among %v", id, slices.Sorted(maps.Keys(got)))
		}
	}
}
