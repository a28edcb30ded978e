package web_test

import (
	"net/url"
	"strings"
	"testing"

	"plenum/assembly"
)

// TestAgendaFormItemThreshold: the chair's form for adding an item offers
// the majority the rules fix for its decision (a change of the statutes
// by two thirds), the item keeps it, the order of the day shows it, and
// a bad value is refused and adds nothing.
func TestAgendaFormItemThreshold(t *testing.T) {
	h := newHall(t)
	chair := h.browser("chair")
	_, page, _ := chair.get("/a/" + asm + "/chair/agenda")
	form := page[strings.Index(page, `value="add_item"`):]
	form = form[:strings.Index(form, "</form>")]
	for _, want := range []string{`name="a:threshold"`, `<option value="" selected>as for every motion: more than half of the votes cast</option>`, `<option value="two_thirds_cast">two thirds of the votes cast</option>`} {
		if !strings.Contains(form, want) {
			t.Fatalf("the add-item form lacks %s:\n%s", want, form)
		}
	}
	refusedNothingChanged(t, h, chair, "chair/agenda", "add_item", url.Values{"new:id": {"i"}, "a:title": {"Statutes"}, "a:threshold": {"most"}},
		`must be one of majority_cast, majority_present, majority_members, two_thirds_cast, three_quarters_cast, not "most"`)
	chair.act("chair/agenda", "add_item", url.Values{"new:id": {"i"}, "a:title": {"Amendment of the statutes"}, "a:threshold": {"two_thirds_cast"}})
	th := read(h, func(s *assembly.State) assembly.Threshold {
		for _, id := range s.ItemOrder {
			if it := s.Items[id]; it.Title == "Amendment of the statutes" {
				return it.Threshold
			}
		}
		return "none"
	})
	if th != assembly.TwoThirdsCast {
		t.Fatalf("the item added takes %q", th)
	}
	_, page, _ = chair.get("/a/" + asm + "/chair/agenda")
	if strings.Count(page, `class="meta item-threshold">needs two thirds of the votes cast<`) != 1 {
		t.Errorf("the order of the day does not say once that the statutes item needs two thirds")
	}
	// An item added without a threshold takes voting_threshold, and says nothing.
	chair.act("chair/agenda", "add_item", url.Values{"new:id": {"i"}, "a:title": {"The accounts"}, "a:threshold": {""}})
	_, page, _ = chair.get("/a/" + asm + "/chair/agenda")
	if !strings.Contains(page, "The accounts") || strings.Count(page, "item-threshold") != 1 {
		t.Errorf("the accounts item: missing, or shown with a threshold")
	}
}

// TestAgendaSetItemThreshold: each item not closed has the chair's form
// that sets the majority its decision needs (set_item_threshold), with the
// item's own selected; a delegate has none; once a vote on the item was
// opened the form is refused and nothing is recorded.
func TestAgendaSetItemThreshold(t *testing.T) {
	h := newHall(t)
	chair, anna := h.browser("chair"), h.browser("anna")
	_, page, _ := chair.get("/a/" + asm + "/chair/agenda")
	if !offers(page, "set_item_threshold") || !strings.Contains(page, `<select id="th-i1" name="a:threshold"><option value="" selected>`) {
		t.Fatalf("the agenda tab offers the chair no majority form for i1:\n%s", page)
	}
	if _, page, _ := anna.get("/a/" + asm + "/chair/agenda"); offers(page, "set_item_threshold") {
		t.Errorf("a delegate is offered to set an item's majority")
	}
	doneSays(t, chair, "chair/agenda", "set_item_threshold", url.Values{"a:item": {"i1"}, "a:threshold": {"two_thirds_cast"}}, "The majority the item needs is set")
	if th := read(h, func(s *assembly.State) assembly.Threshold { return s.Items["i1"].Threshold }); th != assembly.TwoThirdsCast {
		t.Fatalf("i1 needs %q", th)
	}
	_, page, _ = chair.get("/a/" + asm + "/chair/agenda")
	if !strings.Contains(page, `<option value="two_thirds_cast" selected>`) || !strings.Contains(page, "needs two thirds of the votes cast") {
		t.Errorf("the agenda tab does not show i1's majority")
	}
	refusedNothingChanged(t, h, chair, "chair/agenda", "set_item_threshold", url.Values{"a:item": {"i1"}, "a:threshold": {"two_thirds_cast"}}, "already needs two thirds of the votes cast")
	// A vote on the item settles its majority: the form is gone, and a
	// form sent is refused.
	item := read(h, func(s *assembly.State) string { return s.Sitting().CurrentItem })
	h.must("chair", "open_vote", obj{"id": "vq", "question": "Amend the statutes", "method": "show_of_hands"})
	if _, page, _ := chair.get("/a/" + asm + "/chair/agenda"); strings.Contains(page, `id="th-`+item+`"`) {
		t.Errorf("the agenda tab offers to set the majority of %s, on which a vote was opened", item)
	}
	refusedNothingChanged(t, h, chair, "chair/agenda", "set_item_threshold", url.Values{"a:item": {item}, "a:threshold": {"majority_cast"}}, "was opened under its majority")
}
